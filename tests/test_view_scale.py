"""A paragraph of many lines keeps one prose run, built in linear time.

A new-user pad of 200,000 lines ``12`` (one paragraph, 600 kB) spent 3.4 s in the
walk alone: each line was appended to the growing run with ``+=``.
"""

from __future__ import annotations

import time

from pad_lint.markdown.view import build_view
from pad_lint.source import Pad


def _seconds(lines: int) -> float:
    pad = Pad.from_text("12\n" * lines)
    t0 = time.process_time()
    view = build_view(pad)
    elapsed = time.process_time() - t0
    runs = view.runs
    assert len(runs) == 1 and runs[0].text == ("12\n" * lines).rstrip("\n")
    return elapsed


def test_one_long_paragraph_scales_linearly():
    _seconds(100)
    small, large = _seconds(5_000), _seconds(40_000)
    assert large < max(small, 0.02) * 25, (small, large)
