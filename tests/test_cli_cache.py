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
