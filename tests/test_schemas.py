"""The committed JSON Schemas match the pydantic models, and parse output validates."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import pad_lint
from pad_lint.schemas import SCHEMA_NAMES, render

from conftest import SCHEMAS, validate_against

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_committed_schema_matches_models(name):
    committed = (SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8")
    assert committed == render(name), f"schemas/{name}.schema.json drifted: run `python -m pad_lint.schemas --write`"
    jsonschema.Draft202012Validator.check_schema(json.loads(committed))


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.md")), ids=lambda p: p.name)
def test_example_documents_validate(path):
    doc = pad_lint.parse(path.read_text(encoding="utf-8"), path=str(path))
    validate_against("event-document", json.loads(doc.model_dump_json()))


def test_schema_rejects_a_wrong_document():
    doc = json.loads(pad_lint.parse("# Titre\n").model_dump_json())
    doc["licence"]["status"] = "maybe"
    with pytest.raises(jsonschema.ValidationError):
        validate_against("event-document", doc)
