"""The result cache from the command line: an unusable --cache-dir warns once and the check
still runs; local files a pad links to are part of what a cached result depends on."""

from __future__ import annotations

import os
import tempfile

import pytest

from pad_lint import cache as cache_mod
from pad_lint.cli import main

PAD = "# Réunion\n\nTexte.\n\nVoir [la suite](./other.md).\n"


def check(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", "--isolated", "--output-format", "concise", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def pad(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PAD_LINT_CACHE_DIR", raising=False)
    (tmp_path / "pad.md").write_text(PAD, encoding="utf-8")
    return tmp_path / "pad.md"


# -- an unusable cache folder ------------------------------------------------------------------


def test_cache_dir_that_is_a_file_warns_and_checks_anyway(pad, capsys):
    (pad.parent / "afile").write_text("not a folder\n", encoding="utf-8")
    expected = check(capsys, "pad.md", "--no-cache")
    code, out, err = check(capsys, "pad.md", "--cache-dir", "afile")
    assert (code, out) == expected[:2] and code == 1  # LNK004: the usual result and exit code
    assert err == ("pad-lint: warning: cannot use the cache folder afile (it is a file, not a folder); "
                   "checking without the cache\n")
    assert (pad.parent / "afile").read_text(encoding="utf-8") == "not a folder\n"


def test_cache_dir_below_a_file_names_the_file(pad, capsys):
    (pad.parent / "afile").write_text("", encoding="utf-8")
    code, _, err = check(capsys, "pad.md", "--cache-dir", os.path.join("afile", "sub"))
    assert code == 1
    assert err == (f"pad-lint: warning: cannot use the cache folder {os.path.join('afile', 'sub')} "
                   "(afile is a file, not a folder); checking without the cache\n")


def test_unusable_cache_dir_warns_once_with_jobs(pad, capsys):
    (pad.parent / "afile").write_text("", encoding="utf-8")
    for i in range(6):
        (pad.parent / f"p{i}.md").write_text(PAD, encoding="utf-8")
    code, out, err = check(capsys, ".", "--cache-dir", "afile", "--jobs", "2")
    assert code == 1 and out.count("LNK004") == 7
    assert len(err.splitlines()) == 1 and "afile (it is a file, not a folder)" in err


def test_unusable_cache_dir_from_the_environment(pad, capsys, monkeypatch):
    (pad.parent / "afile").write_text("", encoding="utf-8")
    monkeypatch.setenv("PAD_LINT_CACHE_DIR", "afile")
    code, _, err = check(capsys, "pad.md")
    assert code == 1 and err.startswith("pad-lint: warning: cannot use the cache folder afile (")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root writes into read-only folders")
def test_cache_dir_without_write_permission(pad, capsys):
    ro = pad.parent / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        code, _, err = check(capsys, "pad.md", "--cache-dir", "ro")
    finally:
        ro.chmod(0o755)
    assert code == 1
    assert err == ("pad-lint: warning: cannot use the cache folder ro (no permission to write there); "
                   "checking without the cache\n")


def test_cache_dir_without_write_permission_simulated(pad, capsys, monkeypatch):
    """The same as above where the tests run as root (which may write anywhere)."""
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    code, _, err = check(capsys, "pad.md", "--cache-dir", "cache")
    assert code == 1
    assert err == ("pad-lint: warning: cannot use the cache folder cache (no permission to write there); "
                   "checking without the cache\n")


def test_usable_cache_dir_is_silent_and_filled(pad, capsys):
    code, _, err = check(capsys, "pad.md", "--cache-dir", "cache")
    assert code == 1 and err == ""
    assert list((pad.parent / "cache" / cache_mod.CACHE_FORMAT).rglob("*.json"))
    assert not list((pad.parent / "cache").rglob("*.tmp"))


def test_fix_does_not_probe_the_cache(pad, capsys):
    (pad.parent / "afile").write_text("", encoding="utf-8")
    _, _, err = check(capsys, "pad.md", "--cache-dir", "afile", "--diff")
    assert "warning" not in err


# -- local files the pad links to --------------------------------------------------------------


@pytest.fixture
def linted(monkeypatch):
    """The paths of the pads really linted (not read from the cache)."""
    import pad_lint.linter

    calls: list[str] = []
    real = pad_lint.linter.lint_pad

    def counting(pad, config=None, view=None):
        calls.append(pad.path)
        return real(pad, config, view=view)

    monkeypatch.setattr(pad_lint.linter, "lint_pad", counting)
    return calls


def test_cache_follows_a_linked_file_appearing_and_disappearing(pad, capsys, linted):
    """A pad linking to ./other.md: LNK004 until the file exists, and again once it is deleted,
    with a warm cache each time."""
    args = ("pad.md", "--select", "LNK", "--cache-dir", "cache", "-q")
    missing = ("pad.md:5:6: LNK004 [error] The file “./other.md” does not exist next to this pad, "
               "so the link is broken.\n")
    assert check(capsys, *args) == (1, missing, "")
    assert check(capsys, *args) == (1, missing, "") and linted == ["pad.md"]  # the second from the cache
    (pad.parent / "other.md").write_text("# Suite\n", encoding="utf-8")
    assert check(capsys, *args) == (0, "", "")
    assert check(capsys, *args) == (0, "", "") and linted == ["pad.md"] * 2
    (pad.parent / "other.md").unlink()
    assert check(capsys, *args) == (1, missing, "")
    assert linted == ["pad.md"] * 3


def test_cache_follows_the_type_and_headings_of_a_linked_pad(pad, capsys):
    """LNK003 reads the headings of a linked Markdown file that exists as a file."""
    pad.write_text("# Réunion\n\nVoir [la suite](./other.md#suite).\n", encoding="utf-8")
    other = pad.parent / "other.md"
    args = ("pad.md", "--select", "LNK", "--cache-dir", "cache", "-q")
    other.mkdir()  # a folder: exists (no LNK004), has no headings to check
    assert check(capsys, *args) == (0, "", "")
    other.rmdir()
    other.write_text("# Autre chose\n", encoding="utf-8")
    code, out, _ = check(capsys, *args)
    assert code == 1 and "LNK003" in out and "“other.md” has no heading or anchor “#suite”" in out
    other.write_text("# suite\n", encoding="utf-8")  # ids keep the case by default (HedgeDoc 1)
    assert check(capsys, *args) == (0, "", "")


def test_cache_follows_a_file_named_without_dot_slash(pad, capsys):
    """LNK007's message says when the file exists next to the pad."""
    pad.write_text("# Réunion\n\n[les scripts](slurm/README.md)\n", encoding="utf-8")
    args = ("pad.md", "--select", "LNK007", "--cache-dir", "cache", "-q")
    _, out, _ = check(capsys, *args)
    assert "LNK007" in out and "the file exists" not in out
    (pad.parent / "slurm").mkdir()
    (pad.parent / "slurm" / "README.md").write_text("# Slurm\n", encoding="utf-8")
    _, out, _ = check(capsys, *args)
    assert "(the file exists next to the pad)" in out


def test_cache_still_hits_for_pads_with_local_links(pad, capsys, linted):
    (pad.parent / "other.md").write_text("# Suite\n", encoding="utf-8")
    args = ("pad.md", "--select", "LNK", "--cache-dir", "cache", "-q")
    check(capsys, *args)
    check(capsys, *args)
    (pad.parent / "unrelated.md").write_text("x\n", encoding="utf-8")  # not linked: no effect
    check(capsys, *args)
    assert linted == ["pad.md"]


def test_local_dependencies_and_states(tmp_path):
    from pad_lint.markdown.view import build_view
    from pad_lint.source import Pad

    text = ("[a](./a.md#x) [b](b%20c.pdf) ![i](../img/p.png) [w](https://example.org/) [h](#top) "
            "[s](/autre-pad) [m](mailto:x@example.org) [q](?x=1) [z](./zero%00.md)\n")
    shown = str(tmp_path / "pad.md")
    deps = cache_mod.local_dependencies(shown, build_view(Pad(text=text, path=shown)))
    assert deps == sorted(str(tmp_path / p) for p in ("a.md", "b c.pdf", "../img/p.png", "zero\0.md"))
    (tmp_path / "a.md").write_text("# X\n", encoding="utf-8")
    (tmp_path / "b c.pdf").mkdir()
    states = [cache_mod.dependency_state(d) for d in deps]
    assert states[0] == "missing"  # ../img/p.png
    assert states[1].startswith("file:") and len(states[1]) == 5 + 64
    assert states[2:] == ["dir", "missing"]
