"""Thousands of unused directives are checked in linear time.

Each NOQA002 finding was matched against every directive of the pad: a new-user pad of
20,000 ``<!-- pad-lint disable-next-line IMG001 -->`` lines took 42 s.
"""

from __future__ import annotations

import pad_lint
from pad_lint.config import Config
from scaling import assert_near_linear


CONFIG = Config.model_validate({"select": ["ALL"]})


def _lint(text: str) -> list:
    return pad_lint.lint(text, path="p.md", config=CONFIG)


def _all_unused(n: int, found: list) -> None:
    assert sum(1 for d in found if d.code == "NOQA002") == n


def test_many_unused_directives_scale():
    # linear: ~8x; the old matching of each finding against every directive: ~64x
    assert_near_linear(_lint, 1_500, 12_000, max_ratio=25,
                       setup=lambda n: "# N\n\n" + "<!-- pad-lint disable-next-line IMG001 -->\n" * n,
                       check=_all_unused)
