"""The summary line of --diff (alone or with --fix-only): what would be fixed, never "Fixed 0"."""

from __future__ import annotations

import sys

import pytest

from pad_lint.cli import main



def check(*args: str) -> int:
    return main(["check", "--no-cache", "--isolated", *args])


@pytest.mark.parametrize("extra", [("--fix-only",), ()])
def test_diff_with_fixable_findings_says_what_would_be_fixed(tmp_path, fake, capsys, extra):
    pad = tmp_path / "p.md"
    pad.write_text("TODO NOTE teh\n\nTODO\n", encoding="utf-8")
    code = check(str(pad), "--diff", *extra, "--select", "PAD9")
    out, err = capsys.readouterr()
    assert "-TODO NOTE teh" in out and "+À FAIRE NOTE teh" in out
    assert err == "Would fix 2 findings in 1 pad.\n"
    assert "Fixed" not in err
    assert pad.read_text(encoding="utf-8") == "TODO NOTE teh\n\nTODO\n"  # nothing written
    assert code == 1


def test_diff_fix_only_without_fixable_findings(tmp_path, fake, capsys):
    pad = tmp_path / "p.md"
    pad.write_text("NOTE teh\n", encoding="utf-8")  # an info and an unsafe fix only
    code = check(str(pad), "--diff", "--fix-only", "--select", "PAD9")
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "No fixes would be applied.\n"
    assert code == 0


def test_diff_fix_only_with_real_rule_unsafe_fix(tmp_path, capsys):
    pad = tmp_path / "f.md"
    pad.write_text("# Ordre du jour\n\nVoir [x](#ordre-du-jou).\n", encoding="utf-8")
    code = check(str(pad), "--diff", "--fix-only", "--unsafe-fixes", "--select", "LNK003")
    out, err = capsys.readouterr()
    assert "+Voir [x](#Ordre-du-jour)." in out
    assert err == "Would fix 1 finding in 1 pad.\n"
    assert code == 1


def test_diff_summary_counts_pads(tmp_path, fake, capsys):
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text("TODO\n", encoding="utf-8")
    (tmp_path / "c.md").write_text("rien\n", encoding="utf-8")
    check(str(tmp_path), "--diff", "--fix-only", "--select", "PAD9")
    assert capsys.readouterr().err == "Would fix 2 findings in 2 pads.\n"


def test_fix_only_alone_still_says_fixed(tmp_path, fake, capsys):
    pad = tmp_path / "p.md"
    pad.write_text("TODO\n", encoding="utf-8")
    assert check(str(pad), "--fix-only", "--select", "PAD9") == 0
    assert capsys.readouterr().err == "Fixed 1 finding.\n"
