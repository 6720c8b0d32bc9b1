"""Odd files among the inputs: pipes, symlink loops, broken links (found by a new-user test)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def _check(cwd, *args: str) -> subprocess.CompletedProcess[str]:  # noqa: ANN001
    return subprocess.run([sys.executable, "-m", "pad_lint", "check", "--isolated", "--no-cache",
                           "--output-format", "concise", *args], capture_output=True, text=True, cwd=cwd, timeout=60)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_named_md_is_refused_not_waited_on(tmp_path):
    os.mkfifo(tmp_path / "pipe.md")
    proc = _check(tmp_path, "pipe.md")
    assert proc.returncode == 2
    assert proc.stderr.startswith("pipe.md: is not a regular file")
    (tmp_path / "a.md").write_text("# T\n", encoding="utf-8")
    proc = _check(tmp_path, ".")  # in a folder walk the pipe is skipped
    assert proc.returncode == 0 and "pipe.md" not in proc.stdout + proc.stderr


def test_symlink_loops_are_walked_once_and_broken_links_named(tmp_path):
    (tmp_path / "a.md").write_text("# T\n", encoding="utf-8")
    (tmp_path / "loop").mkdir()
    (tmp_path / "loop" / "up").symlink_to("..")
    (tmp_path / "dangling.md").symlink_to("nowhere.md")
    proc = _check(tmp_path, ".")
    assert proc.returncode == 2
    assert "dangling.md: is a broken symbolic link (it points to nowhere.md" in proc.stderr
    assert "loop/up" not in proc.stdout + proc.stderr
    # the summary counts only the pads really checked
    assert "in 1 pad." in proc.stdout and "1 pad could not be checked" in proc.stdout
