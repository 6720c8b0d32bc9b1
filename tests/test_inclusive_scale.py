"""The INC family stays linear on pathological pads.

A new-user test found one line of 100,000 ``participant·e`` taking over 120 s: every candidate
was checked against every form found before it (quadratic). These tests time the family
(detection and rules, on an already-parsed view, so the Markdown parser is not measured) at two
sizes eight times apart: linear work grows about 8×, quadratic work 64×.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pad_lint.config import parse_config
from pad_lint.inclusive.lexicon import lexicon
from pad_lint.linter import lint_pad
from pad_lint.markdown.view import build_view
from pad_lint.source import Pad
from scaling import assert_near_linear

CFG = parse_config({"select": ["INC"]})


def _fresh_views(unit: str) -> Callable[[int], tuple]:
    """``n`` -> the pad ``unit * n`` (made once) and a fresh view of it (the family caches its forms
    on the view), built outside the timing."""
    pads: dict[int, Pad] = {}

    def pad_and_view(n: int) -> tuple:
        if n not in pads:
            pads[n] = Pad.from_text(unit * n)
        return pads[n], build_view(pads[n])

    return pad_and_view


def _inc_findings(pad_and_view: tuple) -> int:
    pad, view = pad_and_view
    return len(lint_pad(pad, CFG, view=view))


@pytest.mark.parametrize("unit, per_unit, small_n", [
    # the report's input: one line, no finding at all
    ("participant·e ", 0, 2000),
    # every rule fires: INC001 (period), INC002 (two-dot), INC003 (nouveau·elle·s), INC004 (participants)
    ("les participant·es, les intervenant.e.s, les nouveau·elle·s et les participants ", 4, 400),
])
def test_family_time_grows_linearly(unit: str, per_unit: int, small_n: int):
    lexicon().known("participant")   # the dictionary loads once per process, outside the timings
    factor = 8
    counts: dict[int, int] = {}
    # linear: ~8x; quadratic: ~64x
    assert_near_linear(_inc_findings, small_n, small_n * factor, max_ratio=24, setup=_fresh_views(unit),
                       check=counts.__setitem__)
    assert (counts[small_n], counts[small_n * factor]) == (per_unit * small_n, per_unit * small_n * factor)


def test_the_reported_pad_has_no_finding():
    """The reported pad (it took over 120 s before the fix) is read without a finding; how the
    time grows on it is checked by ``test_family_time_grows_linearly`` (same unit, 8x apart)."""
    lexicon().known("participant")
    pad = Pad.from_text("participant·e " * 100_000)
    assert lint_pad(pad, CFG, view=build_view(pad)) == []


def test_a_long_word_is_read_in_linear_time():
    # the chunk pattern once backtracked through every prefix of a word from every start in it:
    # a 20,000-letter word before a period took 12 s (quadratic: ~64x from 2,500 letters)
    from pad_lint.inclusive.detector import scan_text

    assert_near_linear(lambda text: scan_text(text, 0, 0), 2_500, 20_000, max_ratio=25,
                       setup=lambda n: "a" * n + ". Les participant·es",
                       check=lambda n, found: found[0].text == "participant·es")
