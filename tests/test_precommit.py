"""The pre-commit hooks, run by the real pre-commit on this checkout's HEAD commit.

A temporary git repository uses ``.pre-commit-hooks.yaml`` from this repository at
its HEAD commit (so it works from a fresh clone in CI). pre-commit installs pad-lint
into its own environment from PyPI; when that install fails for lack of network the
tests are skipped with the reason. ``PRE_COMMIT_HOME`` is a temporary folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BAD = "# Atelier\n\n<!-- pad-lint disabel IMG001 -->\nTexte.\n"        # NOQA001 at 3:1
UNUSED = "# Atelier\n\n<!-- pad-lint disable-next-line -->\nTexte.\n"  # NOQA002 (silences nothing), fixable
GOOD = "# Atelier\n\nTexte.\n"
CONFIG = """\
select = ["NOQA"]
severity = { NOQA = "error" }
extend-exclude = ["archives/"]
"""


def _git(repo: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True)


@pytest.fixture(scope="module")
def head() -> str:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    proc = _git(ROOT, "rev-parse", "HEAD")
    if proc.returncode != 0:
        pytest.skip("this checkout is not a git repository")
    rev = proc.stdout.strip()
    listed = _git(ROOT, "cat-file", "-e", f"{rev}:.pre-commit-hooks.yaml")
    if listed.returncode != 0:
        pytest.fail(".pre-commit-hooks.yaml is not committed at HEAD")
    return rev


@pytest.fixture(scope="module")
def pc_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def _env(pc_home: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") and k != "PRE_COMMIT"}
    env.update(PRE_COMMIT_HOME=str(pc_home), GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org", NO_COLOR="1",
               PRE_COMMIT_COLOR="never", PAD_LINT_CACHE_DIR=str(pc_home / "pad-lint-cache"))
    return env


def _repo(tmp_path: Path, rev: str, hook: str, env: dict) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    assert _git(repo, "init", "-q", env=env).returncode == 0
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT.as_posix()}\n    rev: {rev}\n    hooks:\n      - id: {hook}\n", encoding="utf-8")
    (repo / ".pad-lint.toml").write_text(CONFIG, encoding="utf-8")
    (repo / "archives").mkdir()
    (repo / "archives" / "old.md").write_text(BAD, encoding="utf-8")  # excluded: never reported
    (repo / "notes").mkdir()
    return repo


def _precommit(repo: Path, env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=900)


def _skip_if_install_failed(proc: subprocess.CompletedProcess, hook: str) -> None:
    out = proc.stdout + proc.stderr
    if proc.returncode != 0 and f"hook id: {hook}" not in out and (
            "An unexpected error has occurred" in out or "CalledProcessError" in out):
        tail = [ln for ln in out.splitlines() if ln.strip()][-3:]
        pytest.skip("pre-commit could not install pad-lint into its environment (no network to PyPI?): "
                    + " | ".join(tail))


def test_pad_lint_hook_blocks_a_commit_then_passes(tmp_path, head, pc_home):
    env = _env(pc_home)
    repo = _repo(tmp_path, head, "pad-lint", env)
    assert _precommit(repo, env, "install").returncode == 0
    (repo / "notes" / "atelier.md").write_text(BAD, encoding="utf-8")
    _git(repo, "add", ".", env=env)
    proc = _git(repo, "commit", "-qm", "pad with a finding", env=env)
    _skip_if_install_failed(proc, "pad-lint")
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0, out
    assert "notes/atelier.md:3:1: NOQA001 [error] Unknown directive `disabel`" in out
    assert "archives/old.md" not in out  # excluded, although pre-commit passed it by name
    (repo / "notes" / "atelier.md").write_text(GOOD, encoding="utf-8")
    _git(repo, "add", ".", env=env)
    proc = _git(repo, "commit", "-qm", "fixed", env=env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert _git(repo, "log", "--oneline", env=env).stdout.count("\n") == 1


def test_pad_lint_fix_hook_fixes_then_passes(tmp_path, head, pc_home):
    env = _env(pc_home)
    repo = _repo(tmp_path, head, "pad-lint-fix", env)
    (repo / "notes" / "atelier.md").write_text(UNUSED, encoding="utf-8")
    _git(repo, "add", ".", env=env)
    proc = _precommit(repo, env, "run", "--all-files")
    _skip_if_install_failed(proc, "pad-lint-fix")
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "files were modified by this hook" in out
    assert (repo / "notes" / "atelier.md").read_text(encoding="utf-8") == GOOD
    assert (repo / "archives" / "old.md").read_text(encoding="utf-8") == BAD  # excluded: untouched
    _git(repo, "add", ".", env=env)
    proc = _precommit(repo, env, "run", "--all-files")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_hook_manifest_is_offline_and_force_exclude():
    import yaml

    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert set(hooks) == {"pad-lint", "pad-lint-fix"}
    for h in hooks.values():
        assert "--force-exclude" in h["entry"] and "--offline" in h["entry"]
        assert h["types"] == ["markdown"] and h["language"] == "python"
    assert "--fix" in hooks["pad-lint-fix"]["entry"] and "--fix" not in hooks["pad-lint"]["entry"]
