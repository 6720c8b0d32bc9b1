"""Date extraction stays linear on a line holding thousands of dates.

Each date was checked against every date already found on its line: 50,000
``mardi 21 juin 2022, `` on one line (a 1 MB pad, found by a new-user test) took
75 s. The overlap test is now a bisect over sorted ranges (:class:`_Taken`).
"""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from pad_lint.event.dates import _Taken, find_dates


def _seconds(n: int) -> float:
    text = "mardi 21 juin 2022, " * n
    t0 = time.process_time()
    found = find_dates(text)
    elapsed = time.process_time() - t0
    assert len(found) == n and all(d.date.isoformat() == "2022-06-21" for d in found)
    return elapsed


def test_many_dates_on_one_line_scale_linearly():
    _seconds(200)  # warm the patterns
    small, large = _seconds(1_000), _seconds(8_000)
    # linear work grows about 8x, the old quadratic scan 64x
    assert large < max(small, 0.02) * 25, (small, large)


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
