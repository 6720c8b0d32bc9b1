"""Golden event documents: a hand-reviewed subset of fields for real pads (see tests/golden/README.md)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import pad_lint
from pad_lint.event.models import EventDocument

GOLDEN = Path(__file__).resolve().parent / "golden"
PADS = [
    "forse-2022-06-21",
    "infosansordi-rencontre-2022-11",        # YAML metadata (langs typo, `...` end), FR roster lines
    "infosansordi-rencontre-2023-10",        # YAML, :::warning container, upload images
    "infosansordi-rencontre-2017-11",        # setext title and sections
    "atelier-pad-numerique-gouv-tutoriel",   # [name=] in blockquotes, [TOC], {%youtube%}
    "jupyterhub-team-meeting-2019-11",       # English, [name=] in list items, attendee list
    "atelier-musica2-datation-2023-09",      # FR roster with job titles and labs, mermaid
    "g0v-disfactory-meetup-126",             # Chinese, tags line, compact date
]


def golden_subset(doc: EventDocument) -> dict:
    """The reviewed fields of ``doc`` (plain JSON)."""
    titles = {s.id: s.title for s in doc.sessions}
    return {
        "title": doc.title.value if doc.title else None,
        "date": None if doc.date is None else {
            "date": doc.date.date.isoformat(), "text": doc.date.text, "stated_weekday": doc.date.stated_weekday,
            "start_time": doc.date.start_time, "origin": doc.date.origin},
        "tags": [t.name for t in doc.tags],
        "sessions": [{"title": s.title, "kind": s.kind, "id": s.id} for s in doc.sessions],
        "people": [{"name": p.name, "variants": p.variants, "affiliation": p.affiliation,
                    "roles": [[r.role, titles.get(r.session) if r.session else None] for r in p.roles]}
                   for p in doc.people],
        "organisations": [{"name": o.name, "url": o.url, "roles": o.roles, "people": o.people}
                          for o in doc.organisations],
        "credits": [{"role": c.role, "names": c.names} for c in doc.credits],
        "licence": doc.licence.status,
        "counts": {"people": len(doc.people), "sessions": len(doc.sessions), "links": len(doc.links),
                   "images": len(doc.images)},
    }


def _dump(payload: dict) -> str:
    """JSON with one list item per line, so that a review diff reads line by line."""
    lines = ["{"]
    items = list(payload.items())
    for i, (key, value) in enumerate(items):
        comma = "," if i < len(items) - 1 else ""
        if isinstance(value, list) and value:
            lines.append(f" {json.dumps(key)}: [")
            for j, item in enumerate(value):
                lines.append("  " + json.dumps(item, ensure_ascii=False) + ("," if j < len(value) - 1 else ""))
            lines.append(f" ]{comma}")
        else:
            lines.append(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{comma}")
    return "\n".join(lines) + "\n}\n"


def _pad_path(shared: Path, name: str) -> Path:
    seed = shared / "corpus" / f"{name}.md"
    return seed if seed.exists() else shared / "corpus" / "real" / f"{name}.md"


@pytest.mark.parametrize("name", PADS)
def test_golden(name, shared_dir):
    path = _pad_path(shared_dir, name)
    doc = pad_lint.parse(path.read_text(encoding="utf-8"), path=path.name)
    got = golden_subset(doc)
    golden_file = GOLDEN / f"{name}.json"
    if os.environ.get("PAD_LINT_UPDATE_GOLDEN"):
        old = json.loads(golden_file.read_text(encoding="utf-8")) if golden_file.exists() else {}
        payload = {"review": old.get("review", "TO REVIEW"), **got}
        golden_file.write_text(_dump(payload), encoding="utf-8")
    expected = json.loads(golden_file.read_text(encoding="utf-8"))
    expected.pop("review", None)
    assert got == expected
