"""Ctrl-C during a parallel check: one line from the parent, exit code 130, nothing from the workers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and process groups")

PARAGRAPH = ("Les participant·es ont discuté du [plan](./plan.pdf) et de https://example.org/page. "
             "TODO : relire le compte rendu.\n\n")


def _pads(folder, count: int = 300, paragraphs: int = 150) -> None:
    for i in range(count):
        (folder / f"p{i:03}.md").write_text(f"# Réunion {i}\n\n## Ordre du jour\n\n" + PARAGRAPH * paragraphs,
                                            encoding="utf-8")


def test_ctrl_c_with_jobs_prints_one_line_and_exits_130(tmp_path):
    _pads(tmp_path)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("PAD_LINT_DEBUG", None)
    # A terminal sends Ctrl-C to its whole foreground process group: the parent and
    # every worker. A new session gives the test a group of its own to signal.
    proc = subprocess.Popen([sys.executable, "-m", "pad_lint", "check", "--isolated", "--no-cache", "--jobs", "2",
                             "--output-format", "concise", "."],
                            cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            encoding="utf-8", start_new_session=True)
    try:
        first = proc.stdout.readline()  # the first finding: the workers are running
        time.sleep(1.0)
        if proc.poll() is not None or not first:
            proc.communicate()
            pytest.skip("the check ended before Ctrl-C could be sent")
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "ForkPoolWorker" not in err and "KeyboardInterrupt" not in err
    assert err.splitlines() == ["pad-lint: interrupted"]
