"""The image family on ../shared: field cases (one verdict per image), the seed pad, the real corpus.

Skipped where ../shared is absent (``shared_dir`` fixture).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pad_lint.config import parse_config
from pad_lint.images import judge_alt
from pad_lint.linter import lint_pad
from pad_lint.markdown.view import build_view
from pad_lint.source import Pad, read_pad

from conftest import SHARED, strip_case_verdict

SEED = "forse-2022-06-21.md"
CASES = sorted((SHARED / "cases" / "images").glob("*.md")) if (SHARED / "cases").is_dir() else []
REAL = sorted(p for p in (SHARED / "corpus" / "real").glob("*.md") if p.name != "SOURCES.md") \
    if (SHARED / "corpus").is_dir() else []

_COUNT = re.compile(r"images=(\d+)")
_LINE = re.compile(r"line (\d+): ([a-z-]+)")

#: Image codes that mean each verdict; ``ok`` allows only info-level hints (IMG005).
VERDICT_CODES = {
    "unlabelled": {"IMG001", "IMG006"},
    "poorly-labelled": {"IMG002", "IMG003", "IMG004"},
    "ok-decorative": set(),
    "ok": set(),
}


def image_diagnostics(text: str, path: str | None = None) -> list:
    return lint_pad(Pad.from_text(text, path=path), parse_config({"select": ["IMG"]}))


def case_verdicts(path: Path) -> tuple[str, int, dict[int, str]]:
    text, comment = strip_case_verdict(path.read_text(encoding="utf-8"))
    count = _COUNT.search(comment)
    assert count, f"{path.name}: no image count in the expected comment"
    return text, int(count.group(1)), {int(line): verdict for line, verdict in _LINE.findall(comment)}


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_field_case(shared_dir, path):
    text, count, verdicts = case_verdicts(path)
    view = build_view(Pad.from_text(text))
    assert len(view.images) == count == len(verdicts)
    assert {img.span.start_line: judge_alt(img).verdict for img in view.images} == verdicts
    by_line: dict[int, set[str]] = {}
    for d in image_diagnostics(text):
        by_line.setdefault(d.span.start_line, set()).add(d.code)
        if verdicts[d.span.start_line] == "ok":
            assert d.severity.value == "info", d  # "at most an info-level hint, not a failure"
    for line, verdict in verdicts.items():
        got = by_line.get(line, set()) - {"IMG005"}
        if verdict in ("unlabelled", "poorly-labelled"):
            assert got and got <= VERDICT_CODES[verdict], (line, verdict, got)
        else:
            assert not got, (line, verdict, got)


def test_field_cases_are_all_there(shared_dir):
    assert len(CASES) == 6


def test_seed_pad(shared_dir):
    pad = read_pad(shared_dir / "corpus" / SEED)
    got: dict[str, list[int]] = {}
    for d in lint_pad(pad, parse_config({"select": ["IMG"]})):
        got.setdefault(d.code, []).append(d.span.start_line)
    drawings = [39, 64, 107, 125, 141]
    assert got == {"IMG001": [11, 20, 157], "IMG003": drawings, "IMG004": drawings}
    for line in drawings:
        assert pad.index.line_text(line - 1).startswith("![Mathis Garnier](")
    credit = [d for d in lint_pad(pad, parse_config({"select": ["IMG004"]}))][0]
    assert "Facilitation Graphique" in credit.message and "line 195" in credit.message


#: Every image finding on the real corpus, reviewed by hand (all true positives).
#: file -> [(code, line, column, review)]
REAL_FINDINGS: dict[str, list[tuple[str, int, int, str]]] = {
    "formation-semapps-utt-notes.md": [
        ("IMG001", 124, 1, "TP: HedgeDoc upload ![](…/upload_47d0….png) with empty alt")],
    "infosansordi-rencontre-2023-10.md": [
        ("IMG001", 47, 2, "TP: codimd upload with empty alt, indented by one space"),
        ("IMG001", 57, 1, "TP: codimd upload with empty alt"),
        ("IMG001", 93, 1, "TP: codimd upload with empty alt"),
        ("IMG001", 189, 1, "TP: codimd upload with empty alt")],
    "jupyterhub-team-meeting-2020-03.md": [
        ("IMG001", 91, 1, "TP: imgur gif ![](…) without alt")],
}
#: Images reviewed as fine (no finding expected): file -> [(line, alt)].
REAL_TRUE_NEGATIVES = {
    "atelier-musica2-datation-2023-09.md": [(143, "Logique temporelle de Allen")],   # descriptive
    "atelier-pad-numerique-gouv-tutoriel.md": [(46, "Minion")],  # names what the octodex image shows
}


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_real_pad_image_findings(shared_dir, path):
    pad = read_pad(path)
    got = [(d.code, d.span.start_line, d.span.start_column) for d in lint_pad(pad, parse_config({"select": ["IMG"]}))]
    assert got == [(c, l, col) for c, l, col, _ in REAL_FINDINGS.get(path.name, [])]
    for line, alt in REAL_TRUE_NEGATIVES.get(path.name, []):
        assert any(img.span.start_line == line and img.alt == alt for img in build_view(pad).images)


def test_real_corpus_table_covers_every_image(shared_dir):
    reviewed = {(f, l) for f, rows in REAL_FINDINGS.items() for _, l, _, _ in rows}
    reviewed |= {(f, l) for f, rows in REAL_TRUE_NEGATIVES.items() for l, _ in rows}
    seen = {(p.name, img.span.start_line) for p in REAL for img in build_view(read_pad(p)).images}
    assert seen == reviewed
