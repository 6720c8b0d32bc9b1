"""The `pad-lint` command line: inputs, exit codes, formats, errors without tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pad_lint.cli import main

ROOT = Path(__file__).resolve().parents[1]

DIRECTIVE_PAD = """# Titre

<!-- pad-lint disabel IMG001 -->
Texte.
"""


def run(args: list[str], capsys, monkeypatch=None, cwd: Path | None = None) -> tuple[int, str, str]:
    if cwd is not None and monkeypatch is not None:
        monkeypatch.chdir(cwd)
    code = main(["check", "--no-cache", "--isolated", "--select", "NOQA", *args] if args and args[0] not in ("rules", "rule", "parse", "schema",
                                                                              "clean", "generate-docs", "version")
                else args)
    out, err = capsys.readouterr()
    return code, out, err


def test_concise_line_shape_and_summary(tmp_path, capsys):
    pad = tmp_path / "pad.md"
    pad.write_text(DIRECTIVE_PAD, encoding="utf-8")
    code, out, err = run([str(pad), "--output-format", "concise", "--fail-level", "warning"], capsys)
    lines = out.splitlines()
    assert lines[0] == (f"{pad}:3:1: NOQA001 [warning] Unknown directive `disabel`: it has no effect, "
                        "so the findings it was meant to silence are still reported")
    assert lines[-1] == "Found 1 finding (1 warning) in 1 pad."
    assert code == 1
    assert err == ""


def test_warning_does_not_fail_by_default(tmp_path, capsys):
    pad = tmp_path / "pad.md"
    pad.write_text(DIRECTIVE_PAD, encoding="utf-8")
    code, out, _ = run([str(pad)], capsys)
    assert "NOQA001" in out
    assert code == 0


def test_json_is_a_list_of_findings(tmp_path, capsys):
    pad = tmp_path / "pad.md"
    pad.write_text(DIRECTIVE_PAD, encoding="utf-8")
    code, out, _ = run([str(pad), "--output-format", "json"], capsys)
    data = json.loads(out)
    assert isinstance(data, list) and len(data) == 1
    assert data[0]["code"] == "NOQA001"
    assert data[0]["location"] == {"line": 3, "column": 1}


def test_json_empty_list_when_clean(tmp_path, capsys):
    pad = tmp_path / "pad.md"
    pad.write_text("Texte.\n", encoding="utf-8")
    code, out, _ = run([str(pad), "--output-format", "json", "--select", "NOQA"], capsys)
    assert json.loads(out) == []
    assert code == 0


@pytest.mark.parametrize("content, needle", [
    (b"abc\xe9\n", "1:4: is not valid UTF-8"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
])
def test_bad_input_is_one_line_exit_2(tmp_path, capsys, content, needle):
    pad = tmp_path / "bad.md"
    pad.write_bytes(content)
    code, out, err = run([str(pad)], capsys)
    assert code == 2
    assert needle in err
    assert err.splitlines()[0].startswith(str(pad))
    assert "Traceback" not in err


def test_missing_path_exit_2(tmp_path, capsys):
    code, _, err = run([str(tmp_path / "nope.md")], capsys)
    assert code == 2
    assert err.strip().splitlines()[0] == f"{tmp_path / 'nope.md'}: no such file"


def test_folder_without_pads_exit_2(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("x")
    code, _, err = run([str(tmp_path)], capsys)
    assert code == 2
    assert "no Markdown pads found" in err and str(tmp_path) in err


def test_empty_file_is_valid_input(tmp_path, capsys):
    pad = tmp_path / "empty.md"
    pad.write_bytes(b"")
    code, out, err = run([str(pad), "--output-format", "json"], capsys)
    assert err == ""
    assert isinstance(json.loads(out), list)
    assert code in (0, 1)


def test_folder_is_searched_for_md_in_order(tmp_path, capsys):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.md").write_text(DIRECTIVE_PAD)
    (tmp_path / "a.md").write_text(DIRECTIVE_PAD)
    (tmp_path / "skip.txt").write_text(DIRECTIVE_PAD)
    code, out, _ = run([str(tmp_path), "--output-format", "concise", "-q"], capsys)
    paths = [line.split(":")[0] for line in out.splitlines()]
    assert paths == [str(tmp_path / "a.md"), str(tmp_path / "b" / "z.md")]


def test_stdin(capsys, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DIRECTIVE_PAD.encode())))
    code, out, _ = run(["-", "--output-format", "concise", "-q"], capsys)
    assert out.startswith("stdin:3:1: NOQA001")


def test_unknown_option_is_usage_error(capsys):
    code, _, err = run(["--frobnicate"], capsys)
    assert code == 2
    assert err.startswith("pad-lint: error: unrecognized arguments: --frobnicate")


def test_rules_lists_every_rule(capsys):
    from pad_lint.rules.registry import all_rules

    code, out, _ = run(["rules"], capsys)
    assert code == 0
    assert [ln.split()[0] for ln in out.splitlines()] == [r.code for r in all_rules()]


def test_parse_prints_event_document(tmp_path, capsys):
    pad = tmp_path / "pad.md"
    pad.write_text("# Atelier du 21 juin 2022\n\nTexte.\n", encoding="utf-8")
    code, out, _ = run(["parse", str(pad)], capsys)
    assert code == 0
    doc = json.loads(out)
    assert doc["source"]["path"] == str(pad)


def test_parse_missing_file_exit_2(tmp_path, capsys):
    code, _, err = run(["parse", str(tmp_path / "x.md")], capsys)
    assert code == 2 and "no such file" in err


@pytest.mark.parametrize("name", ["event-document", "report", "config"])
def test_schema_prints_generated_schema(capsys, name):
    from pad_lint.schemas import schema_for

    code, out, _ = run(["schema", name], capsys)
    assert code == 0
    assert json.loads(out) == schema_for(name)  # tests/test_schemas.py checks the committed files


def test_schema_unknown_name_exit_2(capsys):
    code, _, err = run(["schema", "nope"], capsys)
    assert code == 2 and "invalid choice: 'nope'" in err


def test_python_dash_m_and_no_command_means_check(tmp_path):
    pad = tmp_path / "pad.md"
    pad.write_text(DIRECTIVE_PAD, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "pad_lint", str(pad), "--no-cache", "--isolated", "--select", "NOQA",
                           "--fail-level", "warning"],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 1
    assert "NOQA001" in proc.stdout
