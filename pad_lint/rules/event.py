"""Event-fact rules EVT001–EVT004, read from the event document (``ctx.document``)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from ..diagnostics import Diagnostic
from ..event.people import fold, variant_is_only_case
from .context import LintContext
from .registry import rule

_SOURCE = "pad-lint event document (shared/design.md); HedgeDoc 1.x title rule (shared/reference/hedgedoc-format.md §3)"


def _first_line(ctx: LintContext):  # noqa: ANN202 - Span
    index = ctx.pad.index
    fm_lines = ctx.view.front_matter.lines
    line0 = min(fm_lines, index.line_count - 1)
    return index.line_span(line0, line0 + 1)


@rule(
    code="EVT001", name="missing-title", severity="warning",
    summary="The pad has no title: no YAML `title:` and no single-line level-1 heading.",
    explanation="""
HedgeDoc names a pad after its YAML `title:` or, failing that, its first level-1 heading
(`# Title` or a line underlined with `===`) when that heading holds one line. Without either,
the pad is listed as "Untitled" in everyone's history, the downloaded file is
`Untitled.md`, and search engines and screen readers get no page title (WCAG 2.4.2 Page
Titled).

Fix: start the pad with `# What, where, when`, for example
`# Atelier réparation – Lyon, 14 mars 2026`.
""",
    source=_SOURCE + "; WCAG 2.1 SC 2.4.2",
    example="""
## Notes        <- EVT001: no level-1 heading, no YAML title
""",
)
def MISSING_TITLE(ctx: LintContext) -> Iterator[Diagnostic]:
    if ctx.document.title is None:
        yield MISSING_TITLE.diagnostic(ctx, _first_line(ctx), "the pad has no title: HedgeDoc will call it \"Untitled\"",
                                       help="add a first line `# Title of the event` or a YAML `title:`")


@rule(
    code="EVT002", name="missing-date", severity="warning",
    summary="The pad never says when the event took place.",
    explanation="""
Notes without a date lose most of their value once the event is over: readers cannot tell
which edition they are reading, and archives cannot be sorted. pad-lint looks for a date in
the YAML `date:` key, the title, and the text (`Mardi 21 juin 2022`, `le 3 mars 2023`,
`21/06/2022`, `2022-06-21`, `June 21, 2022`).

Fix: put the date in the title, for example `# Atelier réparation – 14 mars 2026`.
""",
    source=_SOURCE,
    example="""
# Atelier réparation     <- EVT002: no date anywhere
""",
)
def MISSING_DATE(ctx: LintContext) -> Iterator[Diagnostic]:
    doc = ctx.document
    if doc.date is None:
        span = doc.title.span if doc.title is not None and doc.title.span is not None else _first_line(ctx)
        yield MISSING_DATE.diagnostic(ctx, span, "the pad does not say when the event took place",
                                      help="add the date to the title, e.g. `– 14 mars 2026` / `– March 14, 2026`")


_WEEKDAYS_FR = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


@rule(
    code="EVT003", name="weekday-mismatch", severity="error",
    summary="A date's written weekday is not the weekday of that date (\"Lundi 21 juin 2022\").",
    explanation="""
When a weekday is written beside a date, one of the two is wrong: 21 June 2022 was a
Tuesday, so "Lundi 21 juin 2022" sends people to the wrong day. This often happens when a
pad is copied from a previous edition and only part of the date is updated. Dates whose
year is not written are not checked.

Fix: correct the weekday or the date.
""",
    source=_SOURCE + "; the proleptic Gregorian calendar (Python datetime)",
    example="""
# Atelier du lundi 21 juin 2022      <- EVT003: 21 June 2022 was a Tuesday
""",
)
def WEEKDAY_MISMATCH(ctx: LintContext) -> Iterator[Diagnostic]:
    for d in ctx.document.dates:
        if d.weekday_matches is False and not d.year_inferred and d.span is not None:
            fr = _ascii(d.stated_weekday or "").lower() in {_ascii(w) for w in _WEEKDAYS_FR}
            right = _WEEKDAYS_FR[_index(d.weekday)] if fr else d.weekday.capitalize()
            yield WEEKDAY_MISMATCH.diagnostic(
                ctx, d.span, f"“{d.text}”: {d.date.isoformat()} is a {d.weekday.capitalize()}, not a "
                             f"{d.stated_weekday}", help=f"write “{right}”, or correct the date")


def _ascii(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _index(weekday: str) -> int:
    return ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday").index(weekday)


@rule(
    code="EVT004", name="inconsistent-person-name", severity="warning",
    summary="One person's name is spelled in different ways (\"Elodie\" and \"Élodie\", \"Pattrick\" and \"Patrick\").",
    explanation="""
Notes often name the same person several times; a missing accent, a typo or a different
hyphenation makes the notes look careless, breaks searching the pad for that person, and can
misname someone in a published report. pad-lint merges spellings that differ only by
accents, hyphens, or one typing slip per word, and a first name alone that matches one full
name; it reports every spelling that differs from the most complete one by more than the
capitalisation (`Nadia BERTIN` for `Nadia Bertin` is accepted).

Fix: use one spelling, the one the person uses.
""",
    source=_SOURCE,
    example="""
* **Elodie Carrel** - AFNOR
* **Élodie** : …      <- EVT004: “Élodie” vs “Elodie Carrel”
""",
)
def INCONSISTENT_PERSON_NAME(ctx: LintContext) -> Iterator[Diagnostic]:
    text = ctx.text
    for person in ctx.document.people:
        for variant in person.variants:
            if variant_is_only_case(variant, person.name):
                continue
            span = next((s for s in person.mentions
                         if " ".join(text[s.start_offset:s.end_offset].split()) == variant), None)
            if span is None:
                span = next((s for s in person.mentions if fold(text[s.start_offset:s.end_offset]) == fold(variant)),
                            person.mentions[0] if person.mentions else _first_line(ctx))
            yield INCONSISTENT_PERSON_NAME.diagnostic(
                ctx, span, f"“{variant}” and “{person.name}” seem to name the same person, spelled differently",
                help=f"use one spelling, e.g. “{person.name}”")
