"""Event-fact rules EVT001–EVT005, read from the event document (``ctx.document``).

Every message says what is wrong and why it matters to readers; ``help`` says how
to fix it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from babel.dates import get_day_names

from ..diagnostics import Diagnostic
from ..event.people import fold, variant_is_only_case
from .context import LintContext
from .registry import rule

_SOURCE = "pad-lint event document (schemas/event-document.schema.json)"
_TITLE_SOURCE = ("HedgeDoc 1.x title rule (hedgedoc/hedgedoc@master lib/models/note.js extractNoteTitle: YAML `title`, "
                 "else the first level-1 heading when it holds one line)")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")


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
    source=_TITLE_SOURCE + "; WCAG 2.1 SC 2.4.2 Page Titled",
    example="""
## Notes        <- EVT001: no level-1 heading, no YAML title
""",
)
def MISSING_TITLE(ctx: LintContext) -> Iterator[Diagnostic]:
    if ctx.document.title is None:
        yield MISSING_TITLE.diagnostic(
            ctx, _first_line(ctx),
            "The pad has no title: HedgeDoc lists it as “Untitled” in everyone's history, the downloaded file is "
            "named Untitled.md, and search engines and screen readers get no page title.",
            help="Add a first line `# Title of the event` (what, where, when), or a YAML `title:`.")


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
    source=_SOURCE + " (`date`)",
    example="""
# Atelier réparation     <- EVT002: no date anywhere
""",
)
def MISSING_DATE(ctx: LintContext) -> Iterator[Diagnostic]:
    doc = ctx.document
    if doc.date is None and not doc.invalid_dates:   # a date written but impossible is EVT005's
        span = doc.title.span if doc.title is not None and doc.title.span is not None else _first_line(ctx)
        yield MISSING_DATE.diagnostic(
            ctx, span,
            "The pad does not say when the event took place: once it is over, readers cannot tell which edition "
            "the notes are about, and archives cannot be sorted by date.",
            help="Add the date to the title, e.g. `– 14 mars 2026` or `– March 14, 2026`.")


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
    source=_SOURCE + " (`dates`: `stated_weekday`, `weekday`); the Gregorian calendar (Python datetime); "
                     "weekday names from the Unicode CLDR (Babel)",
    example="""
# Atelier du lundi 21 juin 2022      <- EVT003: 21 June 2022 was a Tuesday
""",
)
def WEEKDAY_MISMATCH(ctx: LintContext) -> Iterator[Diagnostic]:
    text = ctx.text
    for d in ctx.document.dates:
        if d.weekday_matches is False and not d.year_inferred and d.span is not None and d.stated_weekday:
            written = _written_weekday(text[d.span.start_offset:d.span.end_offset], d.stated_weekday)
            named = _weekday_name(d.stated_weekday, "en", "wide")
            right = _same_style(written, d.weekday)
            day = f"{d.date.day} {_MONTHS_EN[d.date.month - 1]} {d.date.year}"
            said = f"“{written}”" if named.lower() == written.lower() else f"“{written}” ({named})"
            yield WEEKDAY_MISMATCH.diagnostic(
                ctx, d.span,
                f"The date “{d.text}” says {said}, but {day} is a {d.weekday.capitalize()}: readers may go to the "
                f"event on the wrong day.",
                help=f"Write “{right}”, or correct the date.")


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower().rstrip(".")


def _written_weekday(date_text: str, stated: str) -> str:
    """The weekday as written in the date, with its abbreviation dot (``mer.``, ``Mon``)."""
    k = date_text.find(stated)
    if k < 0:
        return stated
    end = k + len(stated)
    return date_text[k:end + 1] if date_text[end:end + 1] == "." else stated


def _weekday_forms() -> dict[str, tuple[str, str, int]]:
    """Folded weekday word -> (locale, width, 0..6 with Monday = 0), from the CLDR data (French, English)."""
    forms: dict[str, tuple[str, str, int]] = {}
    for locale in ("fr", "en"):
        for width in ("wide", "abbreviated"):
            for num, name in get_day_names(width, locale=locale).items():
                forms.setdefault(_fold(name), (locale, width, num))
    return forms


_FORMS = _weekday_forms()
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _weekday_name(stated: str, locale: str, width: str) -> str:
    """The full English name of a stated weekday (``Mon`` -> ``Monday``)."""
    num = _FORMS.get(_fold(stated), ("en", "wide", 0))[2]
    return str(get_day_names(width, locale=locale)[num])


def _same_style(written: str, weekday: str) -> str:
    """``weekday`` (English, wide) in the language, length and capitalisation of ``written``."""
    locale, width, _num = _FORMS.get(_fold(written), ("en", "wide", 0))
    name = str(get_day_names(width, locale=locale)[_WEEKDAYS.index(weekday)])
    if written.endswith(".") and not name.endswith("."):
        name += "."
    elif not written.endswith(".") and name.endswith("."):
        name = name[:-1]
    if written[:1].isupper():
        name = name[:1].upper() + name[1:]
    elif written[:1].islower():
        name = name[:1].lower() + name[1:]
    return name


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
                ctx, span,
                f"The spellings “{variant}” and “{person.name}” seem to name the same person: readers searching the "
                f"notes for one spelling miss the other, and a published report may misname the person.",
                help=f"Use one spelling throughout, the one the person uses, e.g. “{person.name}”.")


@rule(
    code="EVT005", name="invalid-date", severity="warning",
    summary="A date is written that does not exist (\"31 février 2026\", \"30/02/2026\").",
    explanation="""
A date such as 31 February, 31 April or 29 February of a year that is not a leap year does
not exist: readers cannot tell when the event took place, calendars and archives cannot use
it, and the pad is not reported as undated (EVT002) because a date was written. It usually
comes from a typing slip or from a pad copied from another month.

The forms checked are those pad-lint reads as dates (`31 février 2026`, `lundi 31 février`,
`30/02/2026`, `2026-02-30`, `February 30, 2026`…) with a real day (1-31) and month (1-12); a
date without a year is reported only when no year has that day (30 February, 31 June).

Fix: correct the day or the month.
""",
    source=_SOURCE + " (`invalid_dates`); the Gregorian calendar (Python datetime)",
    example="""
# Réunion du lundi 31 février 2026      <- EVT005: February 2026 has 28 days
""",
)
def INVALID_DATE(ctx: LintContext) -> Iterator[Diagnostic]:
    for d in ctx.document.invalid_dates:
        if d.span is None:
            continue
        month = _MONTHS_EN[d.month - 1]
        which = f"{month} {d.year}" if d.year is not None else month
        yield INVALID_DATE.diagnostic(
            ctx, d.span,
            f"“{d.text}” is not a real date: {which} has {d.days_in_month} days, so readers cannot tell when the "
            f"event took place.",
            help="Correct the day or the month.")
