"""Shared test helpers.

``shared_dir``: the read-only ``../shared`` folder (real corpus, field cases,
references); tests that need it are skipped where it is absent, since the
project must install and test without it.

Fixture pads under ``tests/fixtures/`` carry their expected diagnostics as
trailing HTML comments, one per diagnostic: ``<!-- expect: CODE line:col -->``
(see :func:`expected_diagnostics`).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCHEMAS = ROOT / "schemas"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

EXPECT = re.compile(r"<!--\s*expect:\s*([A-Z]+\d+)\s+(\d+):(\d+)\s*-->")
CASE_VERDICT = re.compile(r"<!-- expected:[\s\S]*?-->\s*$")


@pytest.fixture
def fake():
    """The test-only rules of ``tests/fixtures/cli/fake_rules.py`` (PAD9xx), registered for one test."""
    import sys

    sys.path.insert(0, str(FIXTURES / "cli"))
    import fake_rules

    with fake_rules.registered():
        yield


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared is not available")
    return SHARED


def expected_diagnostics(text: str) -> list[tuple[str, int, int]]:
    """``(code, line, column)`` triples declared in a fixture's ``<!-- expect: … -->`` comments."""
    return sorted((m.group(1), int(m.group(2)), int(m.group(3))) for m in EXPECT.finditer(text))


def strip_case_verdict(text: str) -> tuple[str, str]:
    """Split a field case into (pad text, verdict comment)."""
    m = CASE_VERDICT.search(text)
    if not m:
        return text, ""
    return text[: m.start()], m.group(0)


def load_schema(name: str) -> dict:
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))


def validate_against(name: str, instance: object) -> None:
    """Validate ``instance`` against the committed ``schemas/<name>.schema.json`` (Draft 2020-12)."""
    schema = load_schema(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(instance)
