"""Every real pad: parses, validates, and yields people/sessions/links/images; session ids follow the dialect."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import pad_lint
from pad_lint.markdown import heading_ids as hid
from pad_lint.markdown.view import build_view
from pad_lint.source import Pad

from conftest import SHARED, strip_case_verdict, validate_against

REAL = sorted((SHARED / "corpus" / "real").glob("*.md")) if (SHARED / "corpus").is_dir() else []

#: (people, sessions, links, images) counted by hand in the pad (see tests/golden/*.json "review").
HAND_COUNTED = {
    "atelier-musica2-datation-2023-09.md": (12, 14, 5, 1),
    "atelier-pad-numerique-gouv-tutoriel.md": (2, 11, 10, 1),
    "g0v-disfactory-meetup-126.md": (6, 8, 16, 0),
    "infosansordi-rencontre-2022-11.md": (15, 14, 12, 0),
    "infosansordi-rencontre-2023-10.md": (17, 18, 3, 4),
    "jupyterhub-team-meeting-2019-11.md": (13, 5, 31, 0),
    "dgmani-compte-rendu-2022-11-11.md": (2, 2, 2, 0),
    # the two templates sit inside a code fence: nothing of them is a pad construct
    "turingway-bookdash-notes-template-en.md": (0, 0, 0, 0),
}


def counts(doc) -> tuple[int, int, int, int]:
    return len(doc.people), len(doc.sessions), len(doc.links), len(doc.images)


def test_corpus_report(shared_dir, capsys):
    """Per pad, how many people, sessions, links and images were found (printed with -s)."""
    rows = []
    for path in REAL:
        doc = pad_lint.parse(path.read_text(encoding="utf-8"), path=path.name)
        validate_against("event-document", json.loads(doc.model_dump_json()))
        rows.append((path.name, *counts(doc)))
    assert len(rows) == 27  # 26 pads + SOURCES.md
    with capsys.disabled():
        print("\npad                                                people sessions links images")
        for name, p, s, l, i in rows:
            print(f"{name:<52}{p:>6}{s:>9}{l:>6}{i:>7}")
    found = {name: tuple(c) for name, *c in rows}
    for name, expected in HAND_COUNTED.items():
        assert found[name] == expected, name
    assert sum(r[1] for r in rows) > 150 and sum(r[2] for r in rows) > 250


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_every_real_pad_has_exact_person_spans(path, shared_dir):
    text = path.read_text(encoding="utf-8")
    doc = pad_lint.parse(text)
    for person in doc.people:
        assert person.mentions, person.name
        for span in person.mentions:
            assert 0 <= span.start_offset < span.end_offset <= len(text)
            written = " ".join(text[span.start_offset:span.end_offset].split())
            assert written and written[0].isalnum(), (person.name, written)
        for role in person.roles:
            assert role.session is None or role.session in {s.id for s in doc.sessions}
    for d in doc.dates:
        assert text[d.span.start_offset:d.span.end_offset] == d.text or d.origin == "title"


# ----------------------------------------------------------------------------- dialects

CASES = sorted((SHARED / "cases" / "links").glob("*.md")) if (SHARED / "cases").is_dir() else []


@pytest.mark.parametrize("dialect", hid.DIALECTS)
@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_sessions_use_the_configured_dialect(path, dialect, shared_dir):
    text, _verdict = strip_case_verdict(path.read_text(encoding="utf-8"))
    view = build_view(Pad.from_text(text))
    doc = pad_lint.parse(text, dialect=dialect)
    ids = view.heading_ids(dialect)
    title_index = next((i for i, h in enumerate(view.headings) if h.level == 1), None)
    expected = [ids[i] for i, h in enumerate(view.headings) if i != title_index and h.text.strip()
                and not (h.level == 6 and h.text.lower().startswith("tags"))]
    assert [s.id for s in doc.sessions] == expected


@pytest.mark.parametrize("dialect, ids", [
    ("hedgedoc1-keep-case", ["Setext-subtitle", "Closed-heading", "Quoted-heading"]),
    ("hedgedoc1-lower-case", ["setext-subtitle", "closed-heading", "quoted-heading"]),
    ("hedgedoc1-gfm", ["setext-subtitle", "closed-heading", "quoted-heading"]),
    ("github", ["setext-subtitle", "closed-heading", "quoted-heading"]),
    ("hedgedoc2", ["setext-subtitle", "closed-heading", "quoted-heading"]),
])
def test_heading_forms_case_session_ids(dialect, ids, shared_dir):
    """cases/links/03-heading-forms.md: the ids its verdict states, per dialect (the setext title is the title)."""
    text, _ = strip_case_verdict((shared_dir / "cases" / "links" / "03-heading-forms.md").read_text(encoding="utf-8"))
    doc = pad_lint.parse(text, dialect=dialect)
    assert doc.title.value == "Setext title"
    assert [s.id for s in doc.sessions] == ids


def test_duplicate_and_emoji_ids_per_dialect():
    text = "# T\n\n## Notes\n\n## Notes\n\n## 🚀 Usage\n"
    assert [s.id for s in pad_lint.parse(text).sessions] == ["Notes", "Notes1", "🚀-Usage"]
    assert [s.id for s in pad_lint.parse(text, dialect="hedgedoc1-gfm").sessions] == ["notes", "notes-1", "🚀-usage"]
    assert [s.id for s in pad_lint.parse(text, dialect="github").sessions] == ["notes", "notes-1", "-usage"]
    with pytest.raises(ValueError):
        pad_lint.parse(text, dialect="nope")
