"""Every real pad of ../shared/corpus parses, validates against the schema and lints."""

from __future__ import annotations

import json

import pytest

import pad_lint
from pad_lint.diagnostics import Diagnostic

from conftest import SHARED, validate_against

REAL = sorted((SHARED / "corpus" / "real").glob("*.md")) if (SHARED / "corpus").is_dir() else []
SEED = SHARED / "corpus" / "forse-2022-06-21.md"


@pytest.mark.parametrize("path", [SEED, *REAL], ids=lambda p: p.name)
def test_real_pad_parses_validates_and_lints(path, shared_dir):
    text = path.read_text(encoding="utf-8")
    doc = pad_lint.parse(text, path=str(path))
    validate_against("event-document", json.loads(doc.model_dump_json()))
    diagnostics = pad_lint.lint(text, path=str(path))
    assert all(isinstance(d, Diagnostic) for d in diagnostics)
    lines = text.count("\n") + 1
    for d in diagnostics:
        assert 1 <= d.span.start_line <= lines and d.span.start_offset <= d.span.end_offset <= len(text)


def test_cli_on_whole_real_corpus_exits_0_or_1_with_a_valid_report(shared_dir, tmp_path):
    import subprocess
    import sys

    paths = [str(SEED), *map(str, REAL)]
    proc = subprocess.run([sys.executable, "-m", "pad_lint", "check", "--isolated", "--no-cache",
                           "--output-format", "json", *paths],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr
    report = json.loads(proc.stdout)
    validate_against("report", report)
    assert {d["path"] for d in report} <= set(paths)
    assert any(d["path"] == str(SEED) and d["code"] == "LIC002" for d in report)


def test_seed_lists_the_four_workshop_pads(shared_dir):
    doc = pad_lint.parse(SEED.read_text(encoding="utf-8"), path=str(SEED))
    assert doc.linked_pads == [f"https://pad.lamyne.org/FORSEconfNumeriqueResponsable21juin22{n}"
                               for n in ("atelier1", "Atelier2", "Atelier3", "atelier4")]
