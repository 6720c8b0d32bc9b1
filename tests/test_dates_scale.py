"""Date extraction stays linear on a line holding thousands of dates.

Each date was checked against every date already found on its line: 50,000
``mardi 21 juin 2022, `` on one line (a 1 MB pad, found by a new-user test) took
75 s. The overlap test is now a bisect over sorted ranges (:class:`_Taken`).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pad_lint.event.dates import _Taken, find_dates
from scaling import assert_near_linear


def _all_found(n: int, found: list) -> None:
    assert len(found) == n and all(d.date.isoformat() == "2022-06-21" for d in found)


def test_many_dates_on_one_line_scale_linearly():
    # linear work grows about 8x, the old quadratic scan 64x
    assert_near_linear(find_dates, 2_500, 20_000, max_ratio=25,
                       setup=lambda n: "mardi 21 juin 2022, " * n, check=_all_found)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 200), st.integers(0, 40)), max_size=30),
       st.integers(0, 220), st.integers(0, 40))
def test_overlap_test_equals_the_plain_scan(ranges, start, length):
    taken, plain = _Taken(), []
    for s, n in ranges:
        taken.add(s, s + n)
        plain.append((s, s + n))
    end = start + length
    assert taken.overlaps(start, end) == any(s < end and start < e for s, e in plain)


def _all_numeric_found(n: int, found: list) -> None:
    assert len(found) == n and all(d.date.isoformat() == "2022-06-21" and d.text == "21/06/2022" for d in found)


def test_many_numeric_dates_on_one_line_scale_linearly():
    """``"21/06/2022 " * 80000`` (880 kB, one line): 0.9 s in find_dates, 3.9 s for the whole lint."""
    assert_near_linear(find_dates, 2_000, 16_000, max_ratio=25,
                       setup=lambda n: "21/06/2022 " * n, check=_all_numeric_found)


# ------------------------------------------------------------------ digits other than 0-9

#: Digits that ``\d`` and ``int()`` accept besides 0-9: full-width, Arabic-Indic, Devanagari.
OTHER_DIGITS = ("０１２３４５６７８９", "٠١٢٣٤٥٦٧٨٩", "०१२३४५६७८९")

#: (text, ISO date, start time): every date form, each with a time after it.
FORMS = [
    ("21/06/2022", "2022-06-21"), ("21.06.22", "2022-06-21"), ("6/21/2022", "2022-06-21"),
    ("2022-06-21", "2022-06-21"), ("Date : 20220621", "2022-06-21"), ("Mardi 21 juin 2022", "2022-06-21"),
    ("le 21 juin 2022", "2022-06-21"), ("21st June 2022", "2022-06-21"), ("June 21, 2022", "2022-06-21"),
    ("Tuesday, June 21, 2022", "2022-06-21"), ("12-16 janvier 2026", "2026-01-12"), ("Mardi 21 juin", "2022-06-21"),
    ("Thursday, November 21", "2022-11-21"),
]


def _other(text: str, digits: str, which: set[int]) -> str:
    """``text`` with its ``which``-th ASCII digits (counting from 0) written in ``digits``."""
    out, k = [], 0
    for c in text:
        if c in "0123456789":
            out.append(digits[int(c)] if k in which else c)
            k += 1
        else:
            out.append(c)
    return "".join(out)


#: What would be the year if its digits were 0-9: four digits, some of them others.
_OTHER_YEAR = re.compile(r",?\s+(?=[0-9]{0,3}(?![0-9])\d)\d{4}(?![\w/-])")


def _check_no_half_date(text: str) -> list:
    """find_dates on ``text`` neither raises nor reads a date with, next to, or without (when the
    year is left out) digits other than 0-9."""
    invalid: list = []
    found = find_dates(text, default_year=2022, invalid=invalid)
    for d in [*found, *invalid]:
        assert not any(c.isdigit() and c not in "0123456789" for c in d.text), (text, d)
        assert not (d.start and text[d.start - 1].isdigit()), (text, d)
        assert not (d.end < len(text) and text[d.end].isdigit()), (text, d)
    for d in found:
        if d.year_inferred:
            assert not _OTHER_YEAR.match(text, d.end), (text, d)
    return found


@pytest.mark.parametrize("digits", OTHER_DIGITS)
@pytest.mark.parametrize("written, iso", FORMS)
def test_a_date_with_other_digits_is_not_read_at_all(written, iso, digits):
    """Dates are read in the digits 0-9 only: a date written, wholly or partly, in other digits
    (``２１/０６/２０２２``, ``٢١/٠٦/٢٠٢٢``, ``21/06/２０２２``) is no date, and a year in other
    digits is not left out of one (``Mardi 21 juin ２０２２`` is not 21 June of the default year).
    ``\\d`` and ``int()`` took some of them, the ``[0-3]`` of a day not."""
    plain = find_dates(written + " 14h30", default_year=2022)
    assert [(d.date.isoformat(), d.start_time) for d in plain] == [(iso, "14:30")]
    count = sum(c.isdigit() for c in written)
    subsets = [{k} for k in range(count)] + [set(range(count)), set(range(count // 2)), set(range(count // 2, count))]
    for which in subsets:
        text = _other(written, digits, which) + " 14h30"
        assert _check_no_half_date(text) == [], text
    # a time in other digits is not read; the date stays, without it
    bare = [(d.date.isoformat(), d.start_time, d.text) for d in find_dates(written, default_year=2022)]
    assert bare[0][:2] == (iso, None) and len(bare) == 1
    for text in (written + " " + _other("14h30", digits, {0, 1, 2}), written + " " + _other("14h30", digits, {1})):
        found = _check_no_half_date(text)
        assert [(d.date.isoformat(), d.start_time, d.text) for d in found] == bare, text


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(
    ["21", "06", "2022", "22", "1", "9", "/", ".", "-", " ", ", ", "juin", "June", "mardi", "Tuesday", "le", "h",
     ":", "30", "14", "Date : ", "er", "st", "au", "&", "２", "１", "０", "٢", "١", "٠", "२", "０６", "٢٠٢٢", "２０２２"]),
    max_size=16).map("".join))
def test_text_mixing_digits_never_yields_half_a_date(text):
    _check_no_half_date(text)
