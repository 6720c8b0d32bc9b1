"""The licence family on ../shared: the field cases, the seed pad and the real corpus.

Skipped where ../shared is absent (``shared_dir`` fixture).

Hand review of the real corpus (26 pads, ``corpus/real/SOURCES.md``: "none of the 26
documents carries a content licence line"): every pad is ``missing`` and gets one LIC001 at
1:1. Each was read for licence wording pad-lint must not take for a statement: the verb
"mit" and the word "or" (French pads), "licencePM" inside a URL
(infosansordi-rencontre-2017-11), "droits d'accès" (fdn-admincamp-2017-01), "Voir avec lui
pour les droits" (infosansordi-rencontre-2022-11), the two Turing Way templates wrapped in a
code fence. No false positive remains; the traps are also in ``tests/fixtures/licence/``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import pad_lint
from pad_lint.config import parse_config
from pad_lint.licences import detect_licence, pad_language
from pad_lint.linter import lint_pad
from pad_lint.markdown.view import build_view
from pad_lint.source import Pad, read_pad

from conftest import SHARED, strip_case_verdict

SEED = "forse-2022-06-21.md"
CASES = sorted((SHARED / "cases" / "licence").glob("*.md")) if (SHARED / "cases").is_dir() else []
REAL = sorted(p for p in (SHARED / "corpus" / "real").glob("*.md") if p.name != "SOURCES.md") \
    if (SHARED / "corpus").is_dir() else []

_VERDICT = re.compile(r"licence=(?P<verdict>[a-z-]+);\s*spdx=(?P<spdx>\S+)")

#: Case verdict -> (event document status, licence rule codes under the default configuration).
STATUS = {
    "missing": ("missing", ["LIC001"]),
    "placeholder": ("placeholder", ["LIC002"]),
    "unrecognised": ("unrecognised", ["LIC003"]),
    "conflict": ("conflict", ["LIC005"]),
    "ok": ("declared", []),
    "ok-if-allowed": ("declared", []),
}

#: Hand-reviewed licence findings on the real corpus, one row per pad: (status, LIC001 review).
#: Every LIC001 is a true positive: SOURCES.md states no pad carries a content licence line.
_NO_WORDING = "TP: no licence wording anywhere"
REAL_REVIEW: dict[str, tuple[str, str]] = {
    "atelier-musica2-datation-2023-09.md": ("missing", _NO_WORDING),
    "atelier-musica2-indexation-conceptuelle-2023-10.md": ("missing", _NO_WORDING),
    "atelier-musica2-prosopographie-2024-02.md": ("missing", _NO_WORDING),
    "atelier-pad-numerique-gouv-tutoriel.md": ("missing", _NO_WORDING),
    "dgmani-compte-rendu-2022-11-11.md": ("missing", _NO_WORDING),
    "dgmani-compte-rendu-2022-12-09.md": ("missing", _NO_WORDING),
    "dgmani-compte-rendu-2022-12-16.md": ("missing", _NO_WORDING),
    "fdn-admincamp-2015-12.md": ("missing", _NO_WORDING),
    "fdn-admincamp-2016-02.md": ("missing", "TP: 'endroits' contains 'droits'; no licence statement"),
    "fdn-admincamp-2017-01.md": ("missing", "TP: 'droits d'accès' is about permissions, not a licence"),
    "fdn-admincamp-2024-03-visio.md": ("missing", _NO_WORDING),
    "formation-semapps-utt-notes.md": ("missing", _NO_WORDING),
    "g0v-disfactory-meetup-126.md": ("missing", _NO_WORDING),
    "hackathon-kokkos-2026-notes-equipe.md": ("missing", _NO_WORDING),
    "infosansordi-rencontre-2017-11.md": ("missing", "TP: 'licencePM' is inside an autolink URL, not prose"),
    "infosansordi-rencontre-2019-06.md": ("missing", _NO_WORDING),
    "infosansordi-rencontre-2019-11.md": ("missing", _NO_WORDING),
    "infosansordi-rencontre-2021-11.md": ("missing", _NO_WORDING),
    "infosansordi-rencontre-2022-11.md": ("missing", "TP: 'Voir avec lui pour les droits' is not a licence"),
    "infosansordi-rencontre-2023-10.md": ("missing", _NO_WORDING),
    "jupyterhub-team-meeting-2019-11.md": ("missing", _NO_WORDING),
    "jupyterhub-team-meeting-2020-02.md": ("missing", _NO_WORDING),
    "jupyterhub-team-meeting-2020-03.md": ("missing", _NO_WORDING),
    "jupyterhub-team-meeting-2020-04.md": ("missing", _NO_WORDING),
    "turingway-bookdash-notes-template-en.md": ("missing", "TP: the template sits in a code fence, never read"),
    "turingway-bookdash-notes-template-fr.md": ("missing", "TP: the template sits in a code fence, never read"),
}


def case_verdict(path: Path) -> tuple[str, str, str]:
    text, comment = strip_case_verdict(path.read_text(encoding="utf-8"))
    m = _VERDICT.search(comment)
    assert m, f"{path.name}: no licence verdict in the expected comment"
    return text, m.group("verdict"), m.group("spdx")


def licence_codes(text: str, path: str | None = None, **licence) -> list[str]:
    cfg = parse_config({"select": ["LIC"], **({"licence": licence} if licence else {})})
    return [d.code for d in lint_pad(Pad.from_text(text, path=path), cfg)]


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_field_case(shared_dir, path):
    text, verdict, spdx = case_verdict(path)
    lic = detect_licence(build_view(Pad.from_text(text)))
    status, rule_codes = STATUS[verdict]
    assert lic.status == status
    if status == "declared":
        assert lic.spdx == spdx
    elif spdx != "none":
        assert lic.spdx is None and spdx in lic.candidates  # a tentative candidate only
    else:
        assert lic.spdx is None
    assert licence_codes(text) == rule_codes


def test_field_cases_are_all_there(shared_dir):
    assert len(CASES) == 8


def test_ok_if_allowed_cases_depend_on_the_allowed_list(shared_dir):
    old, _, _ = case_verdict(shared_dir / "cases" / "licence" / "11-ancien-nom-cc-3-0.md")
    badge, _, _ = case_verdict(shared_dir / "cases" / "licence" / "13-badge-cc-seul.md")
    four_only = ["CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-NC-SA-4.0"]
    assert licence_codes(old, allowed=four_only) == ["LIC004"]
    assert licence_codes(old, allowed=four_only + ["CC-BY-SA-3.0"]) == []
    no_nc = ["CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0"]
    assert licence_codes(badge, allowed=no_nc) == ["LIC004"]
    assert licence_codes(badge, allowed=["CC-BY-NC-SA-4.0"]) == []


def test_seed_pad(shared_dir):
    pad = read_pad(shared_dir / "corpus" / SEED)
    diags = lint_pad(pad, parse_config({"select": ["LIC"]}))
    assert [(d.code, d.span.start_line) for d in diags] == [("LIC002", 198)]
    assert diags[0].span.end_line == 198 and pad.text[diags[0].span.start_offset:diags[0].span.end_offset] == \
        "Licence à préciser"
    assert "Licence : CC BY-SA 4.0" in diags[0].help      # a French example for a French pad
    doc = pad_lint.parse(pad.text)
    assert doc.licence.status == "placeholder" and doc.licence.span.start_line == 198


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_real_pad_licence_verdict(shared_dir, path):
    pad = read_pad(path)
    doc = pad_lint.parse(pad.text, path=str(path))
    assert doc.licence.status == REAL_REVIEW[path.name][0]
    diags = lint_pad(pad, parse_config({"select": ["LIC"]}))
    assert [(d.code, d.span.start_line, d.span.start_column) for d in diags] == [("LIC001", 1, 1)]


def test_review_table_covers_the_corpus(shared_dir):
    assert sorted(REAL_REVIEW) == [p.name for p in REAL]


def test_every_corpus_pad_has_a_verdict_and_placeholder_differs_from_missing(shared_dir):
    statuses = {}
    for path in [shared_dir / "corpus" / SEED, *REAL]:
        statuses[path.name] = pad_lint.parse(read_pad(path).text).licence.status
    assert len(statuses) == 27 and all(statuses.values())
    assert statuses[SEED] == "placeholder"
    assert {s for name, s in statuses.items() if name != SEED} == {"missing"}


def test_pad_language_matches_the_corpus_table(shared_dir):
    table = {}
    for line in (shared_dir / "corpus" / "real" / "SOURCES.md").read_text(encoding="utf-8").splitlines():
        m = re.match(r"\|\s*`([^`]+\.md)`\s*\|[^|]*\|\s*([a-zA-Z-]+)", line)
        if m:
            table[m.group(1)] = m.group(2)
    assert len(table) == 26
    for name, lang in table.items():
        expected = "fr" if lang.startswith("fr") else "en"   # zh-TW falls back to English examples
        assert pad_language(build_view(read_pad(shared_dir / "corpus" / "real" / name))) == expected, name
