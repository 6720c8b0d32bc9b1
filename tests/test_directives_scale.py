"""Thousands of unused directives are checked in linear time.

Each NOQA002 finding was matched against every directive of the pad: a new-user pad of
20,000 ``<!-- pad-lint disable-next-line IMG001 -->`` lines took 42 s.
"""

from __future__ import annotations

import time

import pad_lint
from pad_lint.config import Config


def _seconds(n: int) -> float:
    text = "# N\n\n" + "<!-- pad-lint disable-next-line IMG001 -->\n" * n
    config = Config.model_validate({"select": ["ALL"]})
    t0 = time.process_time()
    found = pad_lint.lint(text, path="p.md", config=config)
    elapsed = time.process_time() - t0
    assert sum(1 for d in found if d.code == "NOQA002") == n
    return elapsed


def test_many_unused_directives_scale():
    _seconds(20)
    small, large = _seconds(500), _seconds(4_000)
    assert large < max(small, 0.05) * 25, (small, large)
