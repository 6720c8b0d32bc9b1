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


def test_fix_keeps_hard_links_together(tmp_path):
    one = tmp_path / "one.md"
    one.write_text("# Notes\n\nLes participant.e.s, les intervenant·es et les adhérent·es.\n\nLicence : CC BY 4.0\n",
                   encoding="utf-8")
    os.link(one, tmp_path / "two.md")
    proc = _check(tmp_path, "--fix", "--select", "INC", "one.md")
    assert proc.returncode == 0, proc.stderr
    assert "participant·es" in (tmp_path / "two.md").read_text(encoding="utf-8")
    assert os.stat(one).st_nlink == 2
    assert not list(tmp_path.glob("*.pad-lint-tmp"))


def test_fix_counts_findings_resolved_not_edits(tmp_path):
    # one edit (participant.e.s -> participant·es) resolves INC001 and INC002
    pad = tmp_path / "p.md"
    pad.write_text("# Notes\n\nLes participant·es, les intervenant·es et les participant.e.s.\n\n"
                   "Licence : CC BY 4.0\n", encoding="utf-8")
    before = _check(tmp_path, "--select", "INC001,INC002", "p.md")
    assert "Found 2 findings" in before.stdout and "2 can be fixed" in before.stdout
    after = _check(tmp_path, "--fix", "--select", "INC001,INC002", "p.md")
    assert "Fixed 2 findings." in after.stdout


def test_user_mistakes_are_usage_errors_not_internal_errors(tmp_path):
    (tmp_path / "ok.md").write_text("# T\n", encoding="utf-8")
    for args, start in [(("http://[::1",), "http://[::1: is not a valid web address"),
                        (("--select", "", "ok.md"), "pad-lint: error: --select needs at least one rule"),
                        (("--timeout", "-1", "ok.md"), "pad-lint: error: --timeout must be"),
                        (("-o", "/proc/version", "ok.md"), "pad-lint: error: cannot write the output")]:
        proc = _check(tmp_path, *args)
        assert proc.returncode == 2, args
        assert proc.stderr.startswith(start), (args, proc.stderr)
        assert "internal error" not in proc.stderr and "Traceback" not in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "pad_lint", "frobnicate"], capture_output=True, text=True,
                          cwd=tmp_path, timeout=60)
    assert proc.returncode == 2 and proc.stderr.startswith("pad-lint: unknown command or file 'frobnicate'")


def test_closed_pipe_exits_like_sigpipe(tmp_path):
    pad = tmp_path / "p.md"
    # thousands of links: the JSON is far larger than a pipe's buffer, so the
    # writer is still writing when `head` has gone
    pad.write_text("# T\n\n" + "".join(f"* [lien {i}](https://example.org/{i})\n" for i in range(4000)),
                   encoding="utf-8")
    proc = subprocess.run(f'"{sys.executable}" -m pad_lint parse p.md | head -c 10 >/dev/null; '
                          'echo "${PIPESTATUS[0]}"', shell=True, executable="/bin/bash", capture_output=True,
                          text=True, cwd=tmp_path, timeout=60)
    assert proc.stdout.strip() == "141" and "Traceback" not in proc.stderr
