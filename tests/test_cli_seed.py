"""Acceptance on the seed pad (shared/corpus/forse-2022-06-21.md) with the real rule families."""

from __future__ import annotations

import json
import shutil

import pytest

from pad_lint.cli import main
from pad_lint.config import Config
from pad_lint.fixes import fix_pad, unified_diff
from pad_lint.source import read_pad


@pytest.fixture
def seed(shared_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(shared_dir / "corpus" / "forse-2022-06-21.md", tmp_path / "forse-2022-06-21.md")
    (tmp_path / ".pad-lint.toml").write_text("", encoding="utf-8")  # defaults; stops discovery here
    return "forse-2022-06-21.md"


def findings(capsys, *args: str) -> tuple[int, list[dict]]:
    code = main(["check", "--no-cache", *args, "--output-format", "json"])
    return code, json.loads(capsys.readouterr().out)


def test_seed_pad_fails(seed, capsys):
    code, data = findings(capsys, seed)
    assert code == 1
    assert any(d["severity"] == "error" for d in data)


def test_seed_fix_diff_shows_only_safe_edits(seed, capsys, tmp_path):
    before = (tmp_path / seed).read_bytes()
    code = main(["check", "--no-cache", seed, "--fix", "--diff"])
    diff = capsys.readouterr().out
    assert (tmp_path / seed).read_bytes() == before  # nothing written
    pad = read_pad(seed)
    safe = fix_pad(pad, Config())
    assert diff == unified_diff(seed, pad.text, safe.text)
    unsafe = fix_pad(pad, Config(), unsafe=True)
    if unsafe.text != safe.text:
        assert diff != unified_diff(seed, pad.text, unsafe.text)
    assert code == (1 if diff else 0)


def test_seed_per_file_ignores_change_exit_code(seed, capsys, tmp_path):
    _, data = findings(capsys, seed)
    errors = sorted({d["code"] for d in data if d["severity"] == "error"})
    assert errors
    (tmp_path / ".pad-lint.toml").write_text(
        f'per-file-ignores = {{ "forse-*.md" = {json.dumps(errors)} }}\n', encoding="utf-8")
    code, data = findings(capsys, seed)
    assert code == 0 and not any(d["code"] in errors for d in data)
    (tmp_path / ".pad-lint.toml").write_text(
        f'per-file-ignores = {{ "other-*.md" = {json.dumps(errors)} }}\n', encoding="utf-8")
    assert findings(capsys, seed)[0] == 1


def test_seed_severity_overrides_change_exit_code(seed, capsys, tmp_path):
    _, data = findings(capsys, seed)
    errors = sorted({d["code"] for d in data if d["severity"] == "error"})
    warnings = sorted({d["code"] for d in data if d["severity"] == "warning"})
    table = ", ".join(f'{c} = "warning"' for c in errors)
    (tmp_path / ".pad-lint.toml").write_text(f"severity = {{ {table} }}\n", encoding="utf-8")
    code, data = findings(capsys, seed)
    assert not [d["code"] for d in data if d["severity"] == "error"]
    assert code == 0
    if warnings:
        (tmp_path / ".pad-lint.toml").write_text(
            f"severity = {{ {table}, {warnings[0]} = \"error\" }}\n", encoding="utf-8")
        code, data = findings(capsys, seed)
        assert code == 1 and {d["code"] for d in data if d["severity"] == "error"} == {warnings[0]}
