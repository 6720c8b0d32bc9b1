"""A paragraph of many lines keeps one prose run, built in linear time.

A new-user pad of 200,000 lines ``12`` (one paragraph, 600 kB) spent 3.4 s in the
walk alone: each line was appended to the growing run with ``+=``.
"""

from __future__ import annotations

from pad_lint.markdown.view import build_view
from pad_lint.source import Pad
from scaling import assert_near_linear


def _one_run(lines: int, view) -> None:
    runs = view.runs
    assert len(runs) == 1 and runs[0].text == ("12\n" * lines).rstrip("\n")


def test_one_long_paragraph_scales_linearly():
    # linear: ~8x; quadratic: ~64x. A guard against gross regressions: the old += was quadratic
    # only in the large (2.4 s of 9.4 s at 200,000 lines), it passed this test too.
    assert_near_linear(build_view, 2_500, 20_000, max_ratio=25, setup=lambda lines: Pad.from_text("12\n" * lines),
                       check=_one_run)
