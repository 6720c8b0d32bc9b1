"""--fix, --unsafe-fixes, --diff, --fix-only, safe writes, and pad_lint.fix()."""

from __future__ import annotations

import os
import shutil
import stat
import sys
from pathlib import Path

import pytest

import pad_lint
from pad_lint.cli import main
from pad_lint.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from pad_lint.errors import InputError
from pad_lint.fixes import apply_fixes, encode_like, fix_pad, write_atomic
from pad_lint.source import Pad, read_pad
from pad_lint.spans import LineIndex

FIXTURES = Path(__file__).parent / "fixtures" / "cli"


def check(*args: str) -> int:
    return main(["check", "--no-cache", "--isolated", *args])


def test_fix_applies_safe_fix_only_and_reports_the_rest(tmp_path, fake, capsys):
    pad = tmp_path / "p.md"
    pad.write_text("TODO: teh salle\n", encoding="utf-8")
    code = check(str(pad), "--fix", "--output-format", "concise", "--select", "PAD9")
    out, _ = capsys.readouterr()
    assert pad.read_text(encoding="utf-8") == "À FAIRE: teh salle\n"
    assert "PAD902" in out and "PAD901" not in out.split("Fixed")[0]
    assert "Fixed 1 finding." in out
    assert code == 0  # the warning left does not fail


def test_unsafe_fixes(tmp_path, fake, capsys):
    pad = tmp_path / "p.md"
    pad.write_text("TODO: teh salle\n", encoding="utf-8")
    code = check(str(pad), "--fix", "--unsafe-fixes", "--select", "PAD9")
    assert pad.read_text(encoding="utf-8") == "À FAIRE: the salle\n"
    assert code == 0


def test_without_fix_the_file_is_untouched_and_error_fails(tmp_path, fake, capsys):
    pad = tmp_path / "p.md"
    pad.write_text("TODO\n", encoding="utf-8")
    assert check(str(pad), "--select", "PAD9") == 1
    assert pad.read_text(encoding="utf-8") == "TODO\n"
    out, _ = capsys.readouterr()
    assert "1 can be fixed automatically with `pad-lint check --fix`." in out


def test_diff_writes_nothing_and_shows_only_safe_edits(tmp_path, fake, capsys):
    pad = tmp_path / "p.md"
    pad.write_text("# T\n\nTODO teh\n", encoding="utf-8")
    before = pad.read_bytes()
    code = check(str(pad), "--diff", "--select", "PAD9")
    out, err = capsys.readouterr()
    assert pad.read_bytes() == before
    assert out.splitlines()[:2] == [f"--- {pad}", f"+++ {pad}"]
    assert "-TODO teh" in out and "+À FAIRE teh" in out  # unsafe `teh` fix not applied
    assert code == 1
    assert "Would fix" in err


def test_diff_with_nothing_to_fix_exits_0(tmp_path, fake, capsys):
    pad = tmp_path / "p.md"
    pad.write_text("# T\n", encoding="utf-8")
    assert check(str(pad), "--diff", "--select", "PAD9") == 0
    assert capsys.readouterr().out == ""


def test_diff_with_unsafe_fixes(tmp_path, fake, capsys):
    pad = tmp_path / "p.md"
    pad.write_text("teh\n", encoding="utf-8")
    check(str(pad), "--diff", "--unsafe-fixes", "--select", "PAD9")
    assert "+the" in capsys.readouterr().out
    assert pad.read_text() == "teh\n"


def test_fix_only_reports_nothing_and_exits_0(tmp_path, fake, capsys):
    pad = tmp_path / "p.md"
    pad.write_text("TODO NOTE teh\n", encoding="utf-8")
    code = check(str(pad), "--fix-only", "--select", "PAD9", "--output-format", "concise")
    out, err = capsys.readouterr()
    assert out == ""
    assert "Fixed 1 finding." in err
    assert pad.read_text(encoding="utf-8") == "À FAIRE NOTE teh\n"
    assert code == 0


def test_fix_keeps_bom_crlf_and_permissions(tmp_path, fake, capsys):
    pad = tmp_path / "win.md"
    shutil.copy(FIXTURES / "crlf-bom.md", pad)
    os.chmod(pad, 0o640)
    check(str(pad), "--fix", "--select", "PAD9")
    data = pad.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data == (FIXTURES / "crlf-bom.md").read_bytes().replace(b"TODO", "À FAIRE".encode())
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert stat.S_IMODE(pad.stat().st_mode) == 0o640
    assert not [p for p in tmp_path.iterdir() if p.name != "win.md"]  # no temp file left


def test_fix_keeps_utf16(tmp_path, fake, capsys):
    pad = tmp_path / "u.md"
    shutil.copy(FIXTURES / "utf16.md", pad)
    check(str(pad), "--fix", "--select", "PAD9")
    assert pad.read_bytes()[:2] == b"\xff\xfe"
    assert pad.read_bytes().decode("utf-16") == "# Titre\n\nÀ FAIRE : café.\n"


def test_mixed_line_endings_are_kept_per_line(fake):
    text = "a\r\nTODO\nb\r\nc"
    assert pad_lint.fix(text, pad_lint.Config(select=["PAD901"])) == "a\r\nÀ FAIRE\nb\r\nc"


def test_fix_is_idempotent(tmp_path, fake, capsys):
    pad = tmp_path / "p.md"
    pad.write_text("TODO TODO\nteh\n", encoding="utf-8")
    check(str(pad), "--fix", "--unsafe-fixes", "--select", "PAD9")
    once = pad.read_bytes()
    mtime = pad.stat().st_mtime_ns
    check(str(pad), "--fix", "--unsafe-fixes", "--select", "PAD9")
    assert pad.read_bytes() == once
    assert pad.stat().st_mtime_ns == mtime  # nothing to fix: not rewritten


def test_write_refuses_a_file_changed_since_read(tmp_path):
    pad = tmp_path / "p.md"
    pad.write_text("old\n")
    read = read_pad(pad)
    pad.write_text("changed by the editor\n")
    with pytest.raises(InputError, match="changed on disk"):
        write_atomic(pad, b"fixed\n", expected_sha256=read.sha256)
    assert pad.read_text() == "changed by the editor\n"


def test_cli_reports_a_concurrent_change_exit_2(tmp_path, fake, capsys, monkeypatch):
    pad = tmp_path / "p.md"
    pad.write_text("TODO\n")
    import pad_lint.fixes as fixes

    real = fixes.fix_pad

    def racing(p, *a, **k):
        pad.write_text("TODO edited meanwhile\n")
        return real(p, *a, **k)

    monkeypatch.setattr(fixes, "fix_pad", racing)
    code = check(str(pad), "--fix", "--select", "PAD9")
    _, err = capsys.readouterr()
    assert code == 2
    assert err.startswith(f"{pad}: changed on disk")
    assert pad.read_text() == "TODO edited meanwhile\n"


def test_write_follows_symlinks(tmp_path):
    real = tmp_path / "real.md"
    real.write_text("x\n")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_atomic(link, b"y\n", expected_sha256=read_pad(real).sha256)
    assert link.is_symlink() and real.read_text() == "y\n"


def test_stdin_fix_prints_fixed_text(fake, capsys, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"TODO\r\n")))
    code = check("-", "--fix", "--select", "PAD9")
    out, err = capsys.readouterr()
    assert out == "À FAIRE\r\n"
    assert code == 0


def test_overlapping_fixes_wait_for_next_pass():
    idx = LineIndex("abcdef")

    def diag(s, e, c):
        return Diagnostic(code="PAD901", name="x", severity=Severity.ERROR, message="m", span=idx.span(s, e),
                          fix=Fix(message="f", applicability=Applicability.SAFE,
                                  edits=[Edit(start_offset=s, end_offset=e, content=c)]))

    text, n = apply_fixes("abcdef", [diag(0, 3, "X"), diag(2, 4, "Y"), diag(4, 6, "Z")])
    assert (text, n) == ("XdZ", 2)


def test_unstable_fix_stops_after_max_passes(monkeypatch):
    from pad_lint.rules.registry import REGISTRY, rule

    def grow(ctx):
        r = REGISTRY["PAD904"]
        yield r.diagnostic(ctx, ctx.span(0, 0), "always", fix=Fix(message="add", edits=[
            Edit(start_offset=0, end_offset=0, content="x")]))

    rule(code="PAD904", name="test-grow", severity="error", summary="s", explanation="e", source="t")(grow)
    try:
        out = fix_pad(Pad.from_text("a"), pad_lint.Config(select=["PAD904"]), max_passes=3)
        assert out.passes == 3 and not out.stable and out.text == "xxxa"
    finally:
        REGISTRY.pop("PAD904")


def test_library_fix(fake):
    cfg = pad_lint.Config(select=["PAD9"])
    assert pad_lint.fix("TODO teh\n", cfg) == "À FAIRE teh\n"
    assert pad_lint.fix("TODO teh\n", cfg, unsafe=True) == "À FAIRE the\n"
    assert pad_lint.fix("\ufeffTODO\r\n", cfg) == "\ufeffÀ FAIRE\r\n"
    once = pad_lint.fix("TODO teh TODO\n", cfg, unsafe=True)
    assert pad_lint.fix(once, cfg, unsafe=True) == once


def test_encode_like_new_lines_take_dominant_ending():
    pad = Pad.from_bytes(b"a\r\nb\r\n")
    assert encode_like(pad, "a\nnew\nb\n") == b"a\r\nnew\r\nb\r\n"


def test_unsafe_fixes_alone_writes_nothing(tmp_path, fake, capsys):
    pad = tmp_path / "p.md"
    pad.write_text("TODO teh\n", encoding="utf-8")
    code = check(str(pad), "--unsafe-fixes", "--select", "PAD9", "--output-format", "concise")
    out, _ = capsys.readouterr()
    assert pad.read_text(encoding="utf-8") == "TODO teh\n"
    assert "2 can be fixed with `pad-lint check --fix --unsafe-fixes`" in out
    assert code == 1


# -- the fixed file keeps its exact encoding (byte order and BOM) --------------------------

_ENCODED = {
    "utf-8": lambda s: s.encode("utf-8"),
    "utf-8-bom": lambda s: b"\xef\xbb\xbf" + s.encode("utf-8"),
    "utf-16-be-bom": lambda s: b"\xfe\xff" + s.encode("utf-16-be"),
    "utf-16-le-bom": lambda s: b"\xff\xfe" + s.encode("utf-16-le"),
    "utf-32-be-bom": lambda s: b"\x00\x00\xfe\xff" + s.encode("utf-32-be"),
    "utf-32-le-bom": lambda s: b"\xff\xfe\x00\x00" + s.encode("utf-32-le"),
}


@pytest.mark.parametrize("kind", sorted(_ENCODED))
def test_fix_writes_back_in_the_same_encoding_byte_order_and_bom(tmp_path, fake, capsys, kind):
    encode = _ENCODED[kind]
    pad = tmp_path / "p.md"
    pad.write_bytes(encode("# Titre\r\n\r\nTODO : café.\r\n"))
    check(str(pad), "--fix", "--select", "PAD9")
    assert pad.read_bytes() == encode("# Titre\r\n\r\nÀ FAIRE : café.\r\n")


@pytest.mark.parametrize("kind", sorted(_ENCODED))
def test_diff_reads_any_encoding_and_writes_nothing(tmp_path, fake, capsys, kind):
    encode = _ENCODED[kind]
    pad = tmp_path / "p.md"
    raw = encode("# Titre\n\nTODO : café.\n")
    pad.write_bytes(raw)
    check(str(pad), "--diff", "--select", "PAD9")
    out, _ = capsys.readouterr()
    assert "-TODO : café.\n+À FAIRE : café.\n" in out
    assert "\ufeff" not in out
    assert pad.read_bytes() == raw


def test_fix_of_utf16_be_pad_from_stdin_prints_text_without_bom(fake, capsys, monkeypatch):
    import io

    raw = b"\xfe\xff" + "TODO : café.\n".encode("utf-16-be")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    check("-", "--fix", "--select", "PAD9")
    out, _ = capsys.readouterr()
    assert out.startswith("À FAIRE : café.\n")


def test_encode_like_keeps_utf16_be():
    pad = Pad.from_bytes(b"\xfe\xff\x00#\x00 \x00a\x00\n")
    assert pad.to_bytes() == b"\xfe\xff\x00#\x00 \x00a\x00\n"
    assert encode_like(pad, "# b\n") == b"\xfe\xff\x00#\x00 \x00b\x00\n"
