"""A catalogue of bad inputs for the CLI: each gives a clear one-line message, a
defined exit code (0 clean, 1 findings, 2 input error) and writes nothing.

Every case runs ``python -m pad_lint check`` in a subprocess, in an empty
temporary folder, with the cache pointed into that folder; afterwards the folder
must hold exactly the files the test made, byte for byte.
"""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

TIMEOUT = 300  # a guard against hangs, not a speed test


def snapshot(root: Path) -> dict[str, bytes | None]:
    out: dict[str, bytes | None] = {}
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        for name in dirnames + filenames:
            p = Path(dirpath) / name
            rel = str(p.relative_to(root))
            if p.is_symlink():
                out[rel] = b"->" + os.readlink(p).encode()
            elif p.is_file():
                try:
                    out[rel] = p.read_bytes()
                except PermissionError:
                    out[rel] = None
            else:
                out[rel] = None
    return out


def run(tmp_path: Path, *args: str, stdin: bytes | None = None, fmt: str = "concise") -> subprocess.CompletedProcess:
    """Run the CLI in ``tmp_path``; check that it wrote nothing there."""
    before = snapshot(tmp_path)
    env = {**os.environ, "NO_COLOR": "1", "PAD_LINT_CACHE_DIR": str(tmp_path / ".cache"), "HOME": str(tmp_path)}
    env.pop("PAD_LINT_DEBUG", None)
    proc = subprocess.run([sys.executable, "-m", "pad_lint", "check", "--isolated", "--offline", "--output-format", fmt,
                           "--no-cache", *args], cwd=tmp_path, input=stdin, capture_output=True, timeout=TIMEOUT,
                          env=env)
    assert snapshot(tmp_path) == before, "the CLI wrote or changed files"
    assert "Traceback" not in proc.stderr.decode("utf-8", "replace"), proc.stderr
    assert "internal error" not in proc.stderr.decode("utf-8", "replace"), proc.stderr
    return proc


def error_lines(proc: subprocess.CompletedProcess, name: str) -> list[str]:
    """Lines of the output (both streams) that mention ``name``."""
    text = proc.stdout.decode("utf-8", "replace") + proc.stderr.decode("utf-8", "replace")
    return [line for line in text.splitlines() if name in line]


def assert_input_error(proc: subprocess.CompletedProcess, name: str, *words: str) -> str:
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    lines = error_lines(proc, name)
    assert len(lines) == 1, lines  # one clear line per bad pad
    for w in words:
        assert w.lower() in lines[0].lower(), lines[0]
    return lines[0]


def findings(proc: subprocess.CompletedProcess) -> list[dict]:
    assert proc.returncode in (0, 1), (proc.returncode, proc.stdout[-2000:], proc.stderr[-2000:])
    return json.loads(proc.stdout.decode("utf-8"))


# -- encodings and bytes ------------------------------------------------------------------


def test_invalid_utf8_reports_the_position(tmp_path: Path) -> None:
    (tmp_path / "bad.md").write_bytes(b"# Titre\n\nab\xff\xfecd\n")
    line = assert_input_error(run(tmp_path, "bad.md"), "bad.md", "UTF-8")
    assert "bad.md:3:3" in line


def test_utf16_with_bom_is_decoded_and_linted(tmp_path: Path) -> None:
    text = "# Atelier du mardi 3 mars 2026\n\n![](photo.png)\n"
    (tmp_path / "u16.md").write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    found = findings(run(tmp_path, "u16.md", fmt="json"))
    img = [f for f in found if f["code"] == "IMG001"]
    assert img and img[0]["location"] == {"line": 3, "column": 1}


def test_utf16_without_bom_is_refused_as_binary(tmp_path: Path) -> None:
    (tmp_path / "u16.md").write_bytes("# Titre\n".encode("utf-16-le"))
    assert_input_error(run(tmp_path, "u16.md"), "u16.md", "NUL")


def test_nul_bytes_are_refused(tmp_path: Path) -> None:
    (tmp_path / "nul.md").write_bytes(b"# Titre\n\nmot\x00mot\n")
    line = assert_input_error(run(tmp_path, "nul.md"), "nul.md", "NUL")
    assert "nul.md:3:4" in line


@pytest.mark.parametrize("eol", [b"\r", b"\r\n"], ids=["CR", "CRLF"])
def test_cr_and_crlf_line_endings_give_the_right_lines(tmp_path: Path, eol: bytes) -> None:
    lines = [b"# Atelier du mardi 3 mars 2026", b"", b"Texte ![](a.png)", b""]
    (tmp_path / "eol.md").write_bytes(eol.join(lines))
    found = findings(run(tmp_path, "eol.md", fmt="json"))
    img = [f for f in found if f["code"] == "IMG001"]
    assert img and img[0]["location"] == {"line": 3, "column": 7}


def test_empty_file_and_bom_only(tmp_path: Path) -> None:
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "bom.md").write_bytes(codecs.BOM_UTF8)
    assert run(tmp_path, "empty.md", "bom.md").returncode in (0, 1)


# -- size and shape ---------------------------------------------------------------------------


def test_50_mb_pad_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    with open(big, "wb") as f:  # sparse: fast to make, 50 MB to stat
        f.truncate(50 * 1024 * 1024)
    assert_input_error(run(tmp_path, "big.md"), "big.md", "MB")


def test_1_mb_single_line(tmp_path: Path) -> None:
    (tmp_path / "line.md").write_bytes(b"# Titre\n\n" + b"mot participant\xc2\xb7es " * 50_000 + b"\n")
    assert len((tmp_path / "line.md").read_bytes()) > 1_000_000
    assert run(tmp_path, "line.md").returncode in (0, 1)


@pytest.mark.parametrize("body", [
    "- " * 10_000 + "x",
    "1. " * 10_000 + "x",
    "> " * 10_000 + "x",
    ">" * 10_000 + "x",
    "".join("  " * min(i, 200) + "- x\n" for i in range(10_000)),
    "".join(">" * min(i, 300) + " x\n" for i in range(3_000)),
    "<div>" * 10_000 + "x" + "</div>" * 10_000,
    ":::info\n" * 10_000 + "x",
    "[a" * 5_000 + "](b)" * 5_000,
    "*" * 10_000 + "a" + "*" * 10_000,
], ids=["lists", "ordered", "quotes", "quotes-tight", "indented-lists", "quote-lines", "html", "containers",
        "links", "emphasis"])
def test_deep_nesting_has_no_recursion_error(tmp_path: Path, body: str) -> None:
    (tmp_path / "deep.md").write_text("# Titre\n\n" + body + "\n", encoding="utf-8")
    proc = run(tmp_path, "deep.md")
    assert proc.returncode in (0, 1), (proc.stdout[-1000:], proc.stderr[-1000:])
    assert b"RecursionError" not in proc.stdout + proc.stderr


def test_unclosed_containers_and_fences(tmp_path: Path) -> None:
    (tmp_path / "open.md").write_text("# Titre\n\n:::warning\nAttention\n\n```python\nprint(1)\n", encoding="utf-8")
    (tmp_path / "open2.md").write_text("# Titre\n\n:::info\n\n> :::danger\n> x\n\n~~~\n", encoding="utf-8")
    proc = run(tmp_path, "open.md", "open2.md", "--select", "ALL", fmt="json")
    found = findings(proc)
    assert any(f["code"] == "PAD001" and f["path"] == "open.md" for f in found)


# -- front matter -----------------------------------------------------------------------------


def test_yaml_bomb_is_refused_quickly(tmp_path: Path) -> None:
    levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        levels.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    (tmp_path / "bomb.md").write_text("---\n" + "\n".join(levels) + "\n---\n# Titre\n", encoding="utf-8")
    found = findings(run(tmp_path, "bomb.md", "--select", "ALL", fmt="json"))
    assert any(f["code"] == "PAD003" for f in found)


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system", "!!python/object/new:os.system",
                                 "!!python/name:os.system", "!!python/object:__main__.X"])
def test_python_yaml_tags_are_never_executed(tmp_path: Path, tag: str) -> None:
    marker = tmp_path / "pwned"
    (tmp_path / "tag.md").write_text(f"---\ntitle: {tag} [\"touch {marker}\"]\n---\n# Titre\n", encoding="utf-8")
    found = findings(run(tmp_path, "tag.md", "--select", "ALL", fmt="json"))
    assert not marker.exists()
    assert any(f["code"] == "PAD003" for f in found)


def test_yaml_deeply_nested_front_matter(tmp_path: Path) -> None:
    (tmp_path / "deep.md").write_text("---\nk: " + "[" * 5000 + "]" * 5000 + "\n---\n# Titre\n", encoding="utf-8")
    assert run(tmp_path, "deep.md").returncode in (0, 1)


# -- files that are not files -----------------------------------------------------------------


def test_symlink_loop_named_on_the_command_line(tmp_path: Path) -> None:
    os.symlink("b.md", tmp_path / "a.md")
    os.symlink("a.md", tmp_path / "b.md")
    assert_input_error(run(tmp_path, "a.md"), "a.md", "symbolic link")


def test_symlink_loop_inside_a_folder(tmp_path: Path) -> None:
    d = tmp_path / "pads"
    d.mkdir()
    (d / "ok.md").write_text("# Titre\n", encoding="utf-8")
    os.symlink("b.md", d / "a.md")
    os.symlink("a.md", d / "b.md")
    proc = run(tmp_path, "--no-respect-gitignore", "pads")
    assert proc.returncode == 2
    assert len(error_lines(proc, "a.md")) == 1 and len(error_lines(proc, "b.md")) == 1


def test_directory_loop_is_not_followed_forever(tmp_path: Path) -> None:
    d = tmp_path / "pads"
    d.mkdir()
    (d / "ok.md").write_text("# Titre\n", encoding="utf-8")
    os.symlink("..", d / "up")
    assert run(tmp_path, "--no-respect-gitignore", "pads").returncode in (0, 1, 2)


def test_unreadable_file(tmp_path: Path) -> None:
    p = tmp_path / "secret.md"
    p.write_text("# Titre\n", encoding="utf-8")
    p.chmod(0)
    try:
        if os.access(p, os.R_OK):
            pytest.skip("running as root: a chmod 000 file stays readable")
        assert_input_error(run(tmp_path, "secret.md"), "secret.md", "permission")
    finally:
        p.chmod(0o644)


def test_directory_named_like_a_pad(tmp_path: Path) -> None:
    (tmp_path / "x.md").mkdir()
    assert_input_error(run(tmp_path, "x.md"), "x.md")


def test_directory_named_like_a_pad_inside_a_folder(tmp_path: Path) -> None:
    d = tmp_path / "pads"
    (d / "x.md").mkdir(parents=True)
    (d / "x.md" / "inner.md").write_text("# Titre\n", encoding="utf-8")
    (d / "a.md").write_text("# Titre\n", encoding="utf-8")
    proc = run(tmp_path, "--no-respect-gitignore", "pads", fmt="json")
    assert proc.returncode in (0, 1)
    assert {f["path"] for f in findings(proc)} <= {str(Path("pads/a.md")), str(Path("pads/x.md/inner.md"))}


def test_missing_file(tmp_path: Path) -> None:
    assert_input_error(run(tmp_path, "nope.md"), "nope.md", "no such file")


def test_fifo_is_not_waited_on_forever(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    os.mkfifo(tmp_path / "pipe.md")
    # writes one pad into the FIFO from another process, so a reader is never stuck
    writer = subprocess.Popen([sys.executable, "-c", f"open({str(tmp_path / 'pipe.md')!r}, 'wb').write(b'# T\\n')"])
    try:
        assert run(tmp_path, "pipe.md").returncode in (0, 1, 2)
    finally:
        writer.kill()
        writer.wait()


def test_pad_deleted_between_discovery_and_reading(tmp_path: Path) -> None:
    """Discovery sees the file, then it disappears before it is read: one line, exit 2."""
    d = tmp_path / "pads"
    d.mkdir()
    (d / "gone.md").write_text("# Titre\n", encoding="utf-8")
    (d / "kept.md").write_text("# Titre\n", encoding="utf-8")
    script = (
        "import os, sys\n"
        "import pad_lint.discovery as disc\n"
        "original = disc.iter_inputs\n"
        "def iter_inputs(*a, **k):\n"
        "    for inp in original(*a, **k):\n"
        "        if inp.path.endswith('gone.md'):\n"
        "            os.remove(inp.path)\n"
        "        yield inp\n"
        "disc.iter_inputs = iter_inputs\n"
        "import pad_lint.cli as cli\n"
        "if hasattr(cli, 'iter_inputs'):\n"
        "    cli.iter_inputs = iter_inputs\n"
        "sys.exit(cli.main(sys.argv[1:]))\n"
    )
    env = {**os.environ, "NO_COLOR": "1", "PAD_LINT_CACHE_DIR": str(tmp_path / ".cache")}
    proc = subprocess.run([sys.executable, "-c", script, "check", "--isolated", "--no-cache", "--offline",
                           "--no-respect-gitignore", "pads"], cwd=tmp_path, capture_output=True, timeout=TIMEOUT,
                          env=env)
    assert not (d / "gone.md").exists(), "the hook did not run: discovery is not iter_inputs any more"
    assert_input_error(proc, "gone.md", "no such file")
    assert not (tmp_path / ".cache").exists()


# -- standard input ----------------------------------------------------------------------------


def test_invalid_utf8_on_stdin(tmp_path: Path) -> None:
    proc = run(tmp_path, "-", "--stdin-filename", "notes.md", stdin=b"# T\n\xc3\x28\n")
    assert proc.returncode == 2
    assert len(error_lines(proc, "notes.md")) == 1
