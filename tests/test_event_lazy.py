"""Rules read the event document lazily: every field equals build_document's."""

from __future__ import annotations

from pathlib import Path

import pytest

from pad_lint.config import Config
from pad_lint.event.extract import LazyEventDocument, build_document
from pad_lint.markdown.view import build_view
from pad_lint.source import Pad

ROOT = Path(__file__).resolve().parent.parent
FIELDS = ["title", "metadata", "tags", "language", "date", "dates", "invalid_dates", "sessions", "people",
          "organisations", "credits", "location", "mode", "links", "images", "licence", "inclusive_forms"]


def _pads(shared_dir):
    paths = sorted((ROOT / "examples").glob("*.md"))
    if shared_dir is not None:
        paths += sorted((shared_dir / "corpus").rglob("*.md"))
    return paths


def _dump(value):
    if isinstance(value, list):
        return [_dump(v) for v in value]
    return value.model_dump(mode="json") if hasattr(value, "model_dump") else value


@pytest.mark.parametrize("order", ["forward", "backward"])
def test_every_field_equals_the_full_document(shared_dir, order):
    config = Config.model_validate({"select": ["ALL"]})
    for path in _pads(shared_dir):
        full = build_document(build_view(Pad.from_bytes(path.read_bytes(), path=str(path))), config)
        lazy = LazyEventDocument(build_view(Pad.from_bytes(path.read_bytes(), path=str(path))), config)
        for name in FIELDS if order == "forward" else reversed(FIELDS):
            assert _dump(getattr(lazy, name)) == _dump(getattr(full, name)), (path.name, name)
        assert lazy.full().model_dump(mode="json") == full.model_dump(mode="json")


def test_rules_do_not_extract_the_venue(monkeypatch):
    """The venue is no rule's business: linting must not pay for it."""
    import pad_lint.event.extract as extract
    from pad_lint import lint

    calls = []
    real = extract.find_venue
    monkeypatch.setattr(extract, "find_venue", lambda *a, **k: calls.append(1) or real(*a, **k))
    text = (ROOT / "examples" / "atelier-a-corriger.md").read_text(encoding="utf-8")
    assert lint(text, path="atelier-a-corriger.md", config=Config.model_validate({"select": ["ALL"]}))
    assert calls == []


def test_unknown_private_attribute_is_an_attribute_error():
    lazy = LazyEventDocument(build_view(Pad.from_text("# T\n")))
    with pytest.raises(AttributeError):
        lazy._nope  # noqa: B018
