"""Ctrl-C and SIGTERM during a parallel check: one line from the parent, exit code 130
or 143, nothing from the workers."""

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


def _start(folder) -> subprocess.Popen:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("PAD_LINT_DEBUG", None)
    # A terminal sends Ctrl-C to its whole foreground process group: the parent and
    # every worker. A new session gives the test a group of its own to signal.
    return subprocess.Popen([sys.executable, "-m", "pad_lint", "check", "--isolated", "--no-cache", "--jobs", "2",
                             "--output-format", "concise", "."],
                            cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            encoding="utf-8", start_new_session=True)


def _completed(out: str, err: str) -> bool:
    """The check printed its final summary: it had ended when the signal came (a race on a
    loaded machine, not an interrupted check)."""
    return any(line.startswith("Found ") for line in (out + err).splitlines())


def _signalled_run(folder, send, delay: float) -> tuple[int, str] | None:
    """Start a parallel check of ``folder``, wait for its first finding (the workers are
    running) and ``delay`` seconds, call ``send(pid)``; the exit code and standard error,
    or ``None`` when the check had ended before or as the signal came."""
    proc = _start(folder)
    try:
        first = proc.stdout.readline()
        time.sleep(delay)
        if proc.poll() is not None or not first:
            proc.communicate()
            return None
        send(proc.pid)
        # communicate() also waits for the workers: they hold standard error open
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
    if proc.returncode in (0, 1) and _completed(out, err):
        return None
    return proc.returncode, err


def test_ctrl_c_with_jobs_prints_one_line_and_exits_130(tmp_path):
    _pads(tmp_path)
    run = _signalled_run(tmp_path, lambda pid: os.killpg(pid, signal.SIGINT), 1.0)
    if run is None:
        pytest.skip("the check ended before Ctrl-C could be sent")
    returncode, err = run
    assert returncode == 130, err
    assert "Traceback" not in err and "ForkPoolWorker" not in err and "KeyboardInterrupt" not in err
    assert err.splitlines() == ["pad-lint: interrupted"]


@pytest.mark.parametrize("whom", ["group", "parent"])
def test_sigterm_with_jobs_prints_one_line_and_exits_143(tmp_path, whom):
    """``kill -TERM`` of the process group (a service manager, ``timeout``) or of the
    parent alone (``kill PID``): the parent terminates the pool and says so once; no
    worker prints a traceback (before: exit -15, and ``Process ForkPoolWorker-2:
    Traceback … BrokenPipeError`` from workers left writing to a dead parent).
    Several tries at different moments, as the old failure was a race."""
    _pads(tmp_path)
    send = (lambda pid: os.killpg(pid, signal.SIGTERM)) if whom == "group" else (lambda pid: os.kill(pid, signal.SIGTERM))
    signalled = 0
    for delay in (0.0, 0.3, 1.0):
        run = _signalled_run(tmp_path, send, delay)
        if run is None:
            continue  # the check ended before or as SIGTERM was sent: nothing was interrupted
        signalled += 1
        returncode, err = run
        assert returncode == 143, (delay, err)
        assert "Traceback" not in err and "ForkPoolWorker" not in err, (delay, err)
        assert err.splitlines() == ["pad-lint: terminated"], (delay, err)
    if not signalled:
        pytest.skip("the check ended before SIGTERM could be sent")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_workers_of_a_killed_parent_end_quietly(tmp_path):
    """The parent killed without clean-up (SIGKILL): its workers die with it instead
    of printing a ``BrokenPipeError`` traceback or running on."""
    _pads(tmp_path)
    proc = _start(tmp_path)
    try:
        first = proc.stdout.readline()
        if proc.poll() is not None or not first:
            proc.communicate()
            pytest.skip("the check ended before the kill could be sent")
        os.kill(proc.pid, signal.SIGKILL)
        _, err = proc.communicate(timeout=30)  # returns once the workers closed standard error too
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    assert err == ""
