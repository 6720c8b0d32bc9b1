"""Text folding for licence matching, keeping a map back to source offsets.

Real licence wordings vary in ways that do not change their meaning
(as found in real pads): typographic apostrophes, HTML entities
(the Creative Commons chooser writes ``Pas d&#39;Utilisation``), en dashes and
non-breaking hyphens, NBSP / U+202F before ``:`` in French typography, accents
and capitalisation. :func:`fold` removes those differences so that the tables in
:mod:`pad_lint.licences.table` can be written once, in plain lower-case ASCII-ish
text, and still report exact source positions.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

_APOSTROPHES = "\u2019\u2018\u02bc\u00b4\u0060\u2032\u02b9"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_LIGATURES = {"œ": "oe", "æ": "ae", "ß": "ss"}


@dataclass(frozen=True)
class Folded:
    """A folded text and, for each of its characters, the source range it came from.

    ``starts[i]``/``ends[i]`` are the 0-based offsets (in the string passed to
    :func:`fold`, plus ``base``) of the source character(s) that produced
    ``text[i]`` (an HTML entity is several source characters).
    """

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    end_of_source: int

    def source_range(self, start: int, end: int) -> tuple[int, int]:
        """Source ``[start, end)`` offsets of folded ``[start, end)`` (end exclusive)."""
        if not self.text or start >= len(self.text):
            return self.end_of_source, self.end_of_source
        if end <= start:
            return self.starts[start], self.starts[start]
        return self.starts[start], self.ends[min(end, len(self.text)) - 1]


_CHAR_CACHE: dict[str, str] = {}


def _fold_char(ch: str) -> str:
    out = _CHAR_CACHE.get(ch)
    if out is None:
        out = _CHAR_CACHE[ch] = _fold_char_uncached(ch)
    return out


def _fold_char_uncached(ch: str) -> str:
    if ch in _APOSTROPHES:
        return "'"
    if ch in _DASHES:
        return "-"
    if ch.isspace():
        return " "
    low = ch.casefold()
    out = []
    for c in low:
        if c in _LIGATURES:
            out.append(_LIGATURES[c])
            continue
        for d in unicodedata.normalize("NFKD", c):
            if unicodedata.combining(d):
                continue
            if d in _APOSTROPHES:
                d = "'"
            elif d in _DASHES:
                d = "-"
            elif d.isspace():
                d = " "
            out.append(d)
    return "".join(out)


def _fold_one_to_one(text: str) -> str | None:
    """The folded text when every character folds to exactly one character and no space
    is dropped (the usual case: offsets are then the identity), else ``None``."""
    if "&" in text:
        return None
    table = {}
    for ch in set(text):
        out = _fold_char(ch)
        if len(out) != 1:
            return None
        if out != ch:
            table[ord(ch)] = out
    folded = text.translate(table) if table else text
    if folded.startswith(" ") or "  " in folded:
        return None
    return folded


def fold(text: str, base: int = 0) -> Folded:
    """Fold ``text`` for matching: HTML entities unescaped, NFKD without accents,
    casefolded, apostrophes to ``'``, dashes to ``-``, any whitespace run to one space.

    ``base`` is added to every recorded offset (pass the source offset of ``text``).
    Never raises.
    """
    quick = _fold_one_to_one(text)
    if quick is not None:
        n = len(text)
        return Folded(quick, range(base, base + n), range(base + 1, base + n + 1), base + n)  # type: ignore[arg-type]
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        width = 1
        if ch == "&":
            m = _ENTITY.match(text, i)
            if m:
                un = html.unescape(m.group(0))
                if un != m.group(0):
                    ch, width = un, len(m.group(0))
        for c in ch if width > 1 else _fold_char(ch):
            for c2 in (_fold_char(c) if width > 1 else c):
                if c2 == " " and (not chars or chars[-1] == " "):
                    continue
                chars.append(c2)
                starts.append(base + i)
                ends.append(base + i + width)
        i += width
    return Folded("".join(chars), tuple(starts), tuple(ends), base + n)


def fold_plain(text: str) -> str:
    """:func:`fold` without the offset map, stripped."""
    return fold(text).text.strip()
