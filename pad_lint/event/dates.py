"""Dates and times written in French or English, with the text they came from.

Recognised forms (case-insensitive, weekday optional, accents optional):

* ``Mardi 21 juin 2022``, ``le 3 mars 2023``, ``1er mai 2024``, ``30 nov 2022``, ``4 oct. 2023``,
  ``12-16 janvier 2026`` (a range: the first day)
* ``June 21, 2022``, ``Tuesday, June 21, 2022``, ``21 June 2022``, ``21st June 2022``
* ``21/06/2022``, ``21/06/22``, ``21.06.2022`` (day first; month first only when the day
  cannot be a month, ``6/21/2022``)
* ``2022-06-21`` (ISO 8601), and ``20220511`` right after a date label (``Date :``, ``時間：``)
* without a year (``Samedi 9 mars``, ``Thursday, November 21``): the caller may supply
  the year (:func:`find_dates` ``default_year``), the result is then ``year_inferred``
* times and ranges: ``14h30``, ``14h30–17h``, ``9h-12h``, ``19:30``, ``5PM``, ``5 pm``

Month and weekday names come from the CLDR data shipped with Babel (``fr``, ``en``),
with and without accents and abbreviation dots.

Days, months, years and times are read in the digits 0-9 only. ``\\d`` and ``int()`` also take
other decimal digits (``２１/０６/２０２２``, ``٢١/٠٦/٢٠٢٢``), which the patterns read in some
places and not in others (``21/06/２０２２`` was a date, ``２１/０６/２０２２`` not). Now a date
written wholly or partly in other digits is no date, a year in them is not left out (``Mardi
21 juin ２０２２`` is not 21 June of the default year), and a time in them is not read.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, insort
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from babel.dates import get_day_names, get_month_names

from ..casefold import RE_ONLY_FOLDS

WEEKDAYS_EN = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


# The date patterns accept "mardı" (re.IGNORECASE), so the name tables must read it too
# (it crashed with KeyError): fold as re does (pad_lint.casefold).
@lru_cache(maxsize=4096)
def _fold(s: str) -> str:
    s = s.translate(RE_ONLY_FOLDS)
    return "".join(c for c in unicodedata.normalize("NFKD", s.lower()) if not unicodedata.combining(c)).rstrip(".")


@lru_cache(maxsize=1)
def _names() -> tuple[dict[str, int], dict[str, int]]:
    """(month word -> 1..12, weekday word -> 0..6), folded (lower case, no accents, no dot)."""
    months: dict[str, int] = {}
    days: dict[str, int] = {}
    for locale in ("fr", "en"):
        for width in ("wide", "abbreviated"):
            for num, name in get_month_names(width, locale=locale).items():
                months[_fold(name)] = num
            for num, name in get_day_names(width, locale=locale).items():
                days[_fold(name)] = num
    # usual short forms that CLDR spells differently
    months.update({"fev": 2, "fevr": 2, "sep": 9, "sept": 9, "juil": 7, "aou": 8, "dec": 12, "janv": 1,
                   "avr": 4, "jun": 6, "jul": 7})
    days.update({"tues": 1, "thur": 3, "thurs": 3, "weds": 2})
    return months, days


def _alternation(words: set[str]) -> str:
    """Regex alternation matching each folded word with or without its accents."""
    out = []
    for w in sorted(words, key=len, reverse=True):
        pattern = "".join({"e": "[eéèêë]", "u": "[uûùü]", "a": "[aàâä]", "o": "[oôö]", "i": "[iîï]",
                           "c": "[cç]"}.get(ch, re.escape(ch)) for ch in w)
        out.append(pattern)
    return "|".join(out)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    months, days = _names()
    m = rf"(?P<month>{_alternation(set(months))})\.?"
    wd = rf"(?:(?P<weekday>{_alternation(set(days))})\.?,?\s+)"
    day = r"(?P<day>[0-3]?[0-9])(?:er|ème|e|st|nd|rd|th)?"
    # "12-16 janvier 2026", "3 au 5 mars": the first day is the date
    day_range = day + r"(?:\s*(?:-|–|au|to|&|et)\s*[0-3]?[0-9](?:er|e|st|nd|rd|th)?)?"
    year = r"(?P<year>[0-9]{4})"
    # a year, or none; but not a year written with other digits, which is not to be left out
    # ("21 juin ２０２２", "21 juin 2０22": no date; "21 juin 20221" stays 21 June without a year)
    year_opt = rf"(?:,?\s+{year}|(?!,?\s+(?=[0-9]{{0,3}}(?![0-9])\d)\d{{4}}(?![\w/-])))"
    b, e = r"(?<![\w/.-])", r"(?![\w/-])"
    return {
        # Mardi 21 juin 2022 · le 3 mars 2023 · 21 June 2022 · 30 nov 2022 · Samedi 9 mars
        "dmy": re.compile(rf"{b}{wd}?(?:(?:le|the|du)\s+)?{day_range}\s+{m}{year_opt}{e}", re.I),
        # June 21, 2022 · Tuesday, June 21, 2022 · Thursday, November 21
        "mdy": re.compile(rf"{b}{wd}?{m}\s+{day}{year_opt}{e}", re.I),
        "iso": re.compile(rf"{b}{wd}?(?P<year>[0-9]{{4}})-(?P<month>[01]?[0-9])-(?P<day>[0-3]?[0-9])(?![\w-])", re.I),
        "numeric": re.compile(rf"{b}{wd}?(?P<day>[0-3]?[0-9])(?P<sep>[/.])(?P<month>[0-3]?[0-9])(?P=sep)(?P<year>[0-9]{{4}}|[0-9]{{2}})(?![\w/.-]|\.\d)",
                              re.I),
        "compact": re.compile(r"(?:date|時間|日期|quand|when)\s*[:：]\s*(?P<year>20[0-9]{2})(?P<month>[01][0-9])(?P<day>[0-3][0-9])(?!\d)",
                              re.I),
    }


@lru_cache(maxsize=1)
def _anchors() -> dict[str, re.Pattern[str]]:
    """Cheap patterns finding where a match of :func:`_patterns` can be.

    Each finds the first digit of the day (``dmy``, ``mdy``, ``numeric``) or of the
    year (``iso``), wherever a match of the full pattern has it, and more (the full
    pattern checks). They start with a digit, so the regex engine skips straight to
    the digits instead of trying the weekday and month alternations everywhere.
    ``any`` finds where any of them does.
    """
    months, _days = _names()
    m = _alternation(set(months))
    b = r"(?<![\w/.-]\d)"  # the full patterns' "(?<![\w/.-])", checked after the first digit
    rest = {
        "dmy": rf"[0-9]?(?i:(?:er|ème|e|st|nd|rd|th)?(?:\s*(?:-|–|au|to|&|et)\s*[0-9][0-9]?(?:er|e|st|nd|rd|th)?)?\s+(?:{m}))",
        "iso": r"[0-9]{3}-",
        "numeric": r"[0-9]?[/.][0-9]",
    }
    # after "<month>" or "<month>." and white space
    mdy = r"(?:(?<=[^\W\d_]\s\d)|(?<=[^\W\d_]\.\s\d)|(?<=\s\s\d))"
    anchors = {kind: re.compile(rf"[0-9]{b}{r}") for kind, r in rest.items()}
    anchors["mdy"] = re.compile(rf"[0-9]{mdy}")
    anchors["any"] = re.compile(rf"[0-9](?:{b}(?:{'|'.join(rest.values())})|{mdy})")
    return anchors


@lru_cache(maxsize=1)
def _kinds() -> list[tuple[str, re.Pattern[str], re.Pattern[str] | None]]:
    """(kind, pattern, anchor), in the order :func:`find_dates` reads them (``compact`` last)."""
    anchors = _anchors()
    return [(kind, pattern, anchors.get(kind)) for kind, pattern in _patterns().items()]


@lru_cache(maxsize=1)
def _name_lengths() -> tuple[frozenset[int], frozenset[int]]:
    """Lengths (in characters) of the month and of the weekday words the patterns match."""
    months, days = _names()
    return frozenset(map(len, months)), frozenset(map(len, days))


def _word_before(text: str, end: int, lengths: frozenset[int], seps: str) -> int | None:
    """Start of the word written before ``end`` and separated from it by white space,
    after the optional characters ``seps`` (read backwards: ``",."`` for
    ``word.,<space>``), when the word's length is in ``lengths``.

    A word is a run of the regex's ``\\w`` characters (``str.isalnum`` or ``_``),
    white space is the regex's ``\\s`` (``str.isspace``).
    """
    i = end
    while i and text[i - 1].isspace():
        i -= 1
    if i == end:
        return None
    for c in seps:
        if i and text[i - 1] == c:
            i -= 1
    j = i
    stop = max(i - max(lengths) - 1, 0)  # a longer word is none of them
    while j > stop and (text[j - 1].isalnum() or text[j - 1] == "_"):
        j -= 1
    return j if i - j in lengths else None


def _finditer(kind: str, pattern: re.Pattern[str], anchor: re.Pattern[str], text: str,
              first: re.Match[str]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, trying the pattern only where ``anchor`` (from
    :func:`_anchors`, whose first match in ``text`` is ``first``) says a match can start.

    A match starts at its day (or year) digit, or at the words right before it:
    the weekday (``{wd}``), ``le``/``du``/``the`` (``dmy``), the month (``mdy``),
    each a whole word (the patterns begin with ``(?<![\\w/.-])`` and have white space
    after each word), and none of them holds a digit. So the first anchor from
    ``pos`` on with a match at one of those starts gives the leftmost match, and
    the pattern run at that start gives the same match as ``finditer``.
    """
    month_lengths, day_lengths = _name_lengths()
    pos = 0
    a: re.Match[str] | None = first
    while a is not None:
        d = a.start()
        if kind == "mdy":
            w = _word_before(text, d, month_lengths, ".")  # the month
            starts = [] if w is None else [w]
        elif kind == "dmy":
            w = _word_before(text, d, _LE_LENGTHS, "")  # le, du, the
            starts = [d] if w is None else [w, d]
        else:
            starts = [d]
        if starts:
            w = _word_before(text, starts[0], day_lengths, ",.")  # the weekday
            if w is not None:
                starts.insert(0, w)
        for start in starts:
            if start >= pos:
                m = pattern.match(text, start)
                if m is not None:
                    yield m
                    pos = m.end()
                    a = anchor.search(text, pos)
                    break
        else:
            a = anchor.search(text, d + 1)


_LE_LENGTHS = frozenset((2, 3))

_TIME = r"(?:(?P<{p}h>[01]?[0-9]|2[0-3])\s*(?:h|H)\s*(?P<{p}m>[0-5][0-9])?|(?P<{p}h2>[01]?[0-9]|2[0-3]):(?P<{p}m2>[0-5][0-9])|(?P<{p}h3>1[0-2]|0?[0-9])(?::(?P<{p}m3>[0-5][0-9]))?\s*(?P<{p}ap>[ap]\.?m\.?))"
TIME_RANGE = re.compile(r"(?<![\w:])" + _TIME.format(p="s") + r"(?:\s*(?:[-–—]|à|to|until|jusqu'à)\s*" + _TIME.format(p="e") + r")?(?![\w:])",
                        re.I)


@dataclass
class DateMatch:
    """A date found in a text.

    ``start``/``end`` are offsets in the searched text (end exclusive) covering the
    date and, when present, the time or time range right after it.
    """

    date: dt.date
    start: int
    end: int
    text: str
    stated_weekday: str | None
    year_inferred: bool = False
    start_time: str | None = None
    end_time: str | None = None

    @property
    def weekday(self) -> str:
        return WEEKDAYS_EN[self.date.weekday()]

    @property
    def weekday_matches(self) -> bool | None:
        """Whether the stated weekday is the date's (``None`` when no weekday is written)."""
        if self.stated_weekday is None:
            return None
        return _names()[1][_fold(self.stated_weekday)] == self.date.weekday()


@dataclass
class InvalidDateMatch:
    """A date written in a recognised form that does not exist (``31 février 2026``, ``30/02/2026``).

    ``year`` is ``None`` when the text has none (then only days no year has, such as
    30 February or 31 April, are invalid).
    """

    start: int
    end: int
    text: str
    day: int
    month: int
    year: int | None
    stated_weekday: str | None = None

    @property
    def days_in_month(self) -> int:
        """Days of ``month`` in ``year`` (29 for February when the year is not written)."""
        if self.month == 2:
            if self.year is None:
                return 29
            leap = self.year % 4 == 0 and (self.year % 100 != 0 or self.year % 400 == 0)
            return 29 if leap else 28
        return 30 if self.month in (4, 6, 9, 11) else 31


def _hhmm(m: re.Match[str], p: str) -> str | None:
    for h, mm, ap in ((f"{p}h", f"{p}m", None), (f"{p}h2", f"{p}m2", None), (f"{p}h3", f"{p}m3", f"{p}ap")):
        if m.group(h) is not None:
            hour, minute = int(m.group(h)), int(m.group(mm) or 0)
            if ap and m.group(ap):
                pm = m.group(ap).lower().startswith("p")
                hour = hour % 12 + (12 if pm else 0)
            return f"{hour:02d}:{minute:02d}"
    return None


def find_times(text: str) -> list[tuple[int, int, str, str | None]]:
    """Times and time ranges: ``(start, end, "HH:MM", "HH:MM" or None)``."""
    out = []
    for m in TIME_RANGE.finditer(text):
        s = _hhmm(m, "s")
        if s is None:
            continue
        out.append((m.start(), m.end(), s, _hhmm(m, "e")))
    return out


_DIGIT = re.compile(r"[0-9]")
_TAIL = re.compile(r"\s*(?:,|at|à|de|from|-|–|—)?\s*")


def find_dates(text: str, default_year: int | None = None,
               invalid: list[InvalidDateMatch] | None = None) -> list[DateMatch]:
    """Every date in ``text``, in order, without overlaps.

    A date without a year is kept only when ``default_year`` is given (it is then
    marked ``year_inferred``). Impossible dates (31 June) are not returned; when
    ``invalid`` is a list, those written with a real day (1-31) and month (1-12),
    and with a year or a weekday, are appended to it. Two-digit years are 20xx.
    """
    return find_dates_yearless(text, default_year, invalid)[0]


class _Taken:
    """Text ranges already read as dates: an overlap test in O(log n) instead of a
    scan of every range (a 1 MB line of dates made that scan quadratic).

    Ranges may overlap each other (a time range after a date extends it), so the
    test looks at every range starting less than the longest range before ``start``.
    """

    def __init__(self) -> None:
        self.ranges: list[tuple[int, int]] = []  # sorted
        self.longest = 0

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some range ``(s, e)`` has ``s < end and start < e``."""
        ranges = self.ranges
        i = bisect_left(ranges, (start - self.longest,))
        while i < len(ranges) and ranges[i][0] < end:
            if start < ranges[i][1]:
                return True
            i += 1
        return False

    def add(self, start: int, end: int) -> None:
        insort(self.ranges, (start, end))
        self.longest = max(self.longest, end - start)


def find_dates_yearless(text: str, default_year: int | None = None,
                        invalid: list[InvalidDateMatch] | None = None) -> tuple[list[DateMatch], bool]:
    """:func:`find_dates`, and whether a date written without a year was left out
    for want of ``default_year``: when it was not, calling again with a
    ``default_year`` finds the same dates, none ``year_inferred``."""
    if not _DIGIT.search(text):  # every pattern has the day in digits
        return [], False
    kinds = _kinds()
    if not _anchors()["any"].search(text):
        kinds = kinds[-1:]  # only "Date : 20220511" can be there
    yearless = False
    months, days = _names()
    found: list[DateMatch] = []
    taken = _Taken()
    for kind, pattern, anchor in kinds:
        if anchor is None:  # compact: "Date : 20220511"
            if ":" not in text and "：" not in text:
                continue
            matches: Iterator[re.Match[str]] = pattern.finditer(text)
        else:
            first_anchor = anchor.search(text)
            if first_anchor is None:
                continue
            matches = _finditer(kind, pattern, anchor, text, first_anchor)
        for m in matches:
            start, end = m.span()
            if kind == "compact":
                start = m.start("year")
            if taken.overlaps(start, end):
                continue
            groups = m.groupdict()
            raw_month = groups["month"]
            month = months.get(_fold(raw_month)) if not raw_month.isdigit() else int(raw_month)
            day = int(groups["day"])
            if kind == "numeric" and month and month > 12 and day <= 12:
                day, month = month, day
            year_text = groups.get("year")
            weekday = groups.get("weekday")
            written_year = None if year_text is None else int(year_text) + (2000 if len(year_text) == 2 else 0)
            if month and 1 <= month <= 12 and 1 <= day <= 31:
                # quoted without the "le"/"du" before the day
                first = m.start("weekday") if weekday is not None else (m.start("day") if kind == "dmy" else start)
                bad = InvalidDateMatch(first, end, text[first:end], day, month, written_year, weekday)
                if day > bad.days_in_month:
                    # "31 février 2026", "Lundi 30 février": a date, but not a real one
                    if invalid is not None and (written_year is not None or weekday is not None):
                        invalid.append(bad)
                    taken.add(start, end)
                    continue
            inferred = False
            if year_text is None:
                if default_year is None:
                    yearless = True
                    continue
                year, inferred = default_year, True
            else:
                year = written_year  # type: ignore[assignment]
            try:
                date = dt.date(year, month or 0, day)
            except (ValueError, TypeError):
                continue
            if kind in ("dmy", "mdy") and year_text is None and weekday is None and inferred:
                # "9 mars" alone is too weak without a weekday or a year
                continue
            match = DateMatch(date=date, start=start, end=end, text=text[start:end], stated_weekday=weekday,
                              year_inferred=inferred)
            # a time or time range right after the date (", 14h30–17h", " at 5PM UTC"):
            # the first of find_times(text[after:after + 40]) when it starts there
            tail = _TAIL.match(text[end:end + 12])
            after = end + (tail.end() if tail else 0)
            tm = TIME_RANGE.match(text[after:after + 40])
            if tm is not None and (s := _hhmm(tm, "s")) is not None:
                match.start_time, match.end_time = s, _hhmm(tm, "e")
                match.end = after + tm.end()
                match.text = text[start:match.end]
            found.append(match)
            taken.add(match.start, match.end)
    found.sort(key=lambda d: d.start)
    return found, yearless
