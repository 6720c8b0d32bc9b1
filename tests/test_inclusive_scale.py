"""The INC family stays linear on pathological pads.

A new-user test found one line of 100,000 ``participant·e`` taking over 120 s: every candidate
was checked against every form found before it (quadratic). These tests time the family
(detection and rules, on an already-parsed view, so the Markdown parser is not measured) at two
sizes eight times apart: linear work grows about 8×, quadratic work 64×.
"""

from __future__ import annotations

import time

import pytest

from pad_lint.config import parse_config
from pad_lint.inclusive.lexicon import lexicon
from pad_lint.linter import lint_pad
from pad_lint.markdown.view import build_view
from pad_lint.source import Pad

CFG = parse_config({"select": ["INC"]})


def _inc_seconds(text: str) -> tuple[float, int]:
    """Best of two timings of the INC rules on ``text`` (view built outside the timing)."""
    pad = Pad.from_text(text)
    best, count = float("inf"), 0
    for _ in range(2):
        view = build_view(pad)   # a fresh view: the family caches its forms on the view
        t = time.perf_counter()
        count = len(lint_pad(pad, CFG, view=view))
        best = min(best, time.perf_counter() - t)
    return best, count


@pytest.mark.parametrize("unit, per_unit, small_n", [
    # the report's input: one line, no finding at all
    ("participant·e ", 0, 2000),
    # every rule fires: INC001 (period), INC002 (two-dot), INC003 (nouveau·elle·s), INC004 (participants)
    ("les participant·es, les intervenant.e.s, les nouveau·elle·s et les participants ", 4, 400),
])
def test_family_time_grows_linearly(unit: str, per_unit: int, small_n: int):
    lexicon().known("participant")   # the dictionary loads once per process, outside the timings
    factor = 8
    small, n_small = _inc_seconds(unit * small_n)
    large, n_large = _inc_seconds(unit * small_n * factor)
    assert (n_small, n_large) == (per_unit * small_n, per_unit * small_n * factor)
    # linear: ~8x; quadratic: ~64x. The bound leaves room for a busy machine.
    assert large / max(small, 1e-3) < 24, f"{small:.3f}s -> {large:.3f}s"


def test_the_reported_pad_is_quick():
    lexicon().known("participant")
    pad = Pad.from_text("participant·e " * 100_000)
    view = build_view(pad)
    t = time.perf_counter()
    assert lint_pad(pad, CFG, view=view) == []
    seconds = time.perf_counter() - t
    assert seconds < 60, f"{seconds:.1f}s (was over 120 s before the fix)"


def test_a_long_word_is_read_in_linear_time():
    # the chunk pattern once backtracked through every prefix of a word from every start in it:
    # a 20,000-letter word before a period took 12 s, this one would take minutes
    from pad_lint.inclusive.detector import scan_text

    t = time.process_time()
    assert scan_text("a" * 100_000 + ". Les participant·es", 0, 0)[0].text == "participant·es"
    seconds = time.process_time() - t
    assert seconds < 5, f"{seconds:.1f}s"
