"""The scheme before a linkified address is found backwards, as the old regex found it."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from pad_lint.markdown.positions import _SCHEME_BEFORE, scheme_start
from pad_lint.markdown.view import build_view
from pad_lint.source import Pad


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["http", "s", "1", "+", ".", "-", " ", "é", "x", "ß", "Z", "://", "9a"]),
                max_size=12).map("".join), st.integers(0, 40))
def test_same_start_as_the_regex(text, end):
    end = min(end, len(text))
    m = _SCHEME_BEFORE.search(text, 0, end)
    assert scheme_start(text, end) == (m.start() if m else None)


def test_many_linkified_addresses_in_one_paragraph_scale():
    """A new-user pad: 10,000 'Lieu : …' / 'En visio : https://…' lines took 101 s."""
    def seconds(n):
        text = "# N\n" + "".join(f"Lieu : Salle {i}\nEn visio : https://meet.ex.org/{i}\n" for i in range(n))
        t0 = time.process_time()
        view = build_view(Pad.from_text(text))
        assert len(view.links) == n
        return time.process_time() - t0

    seconds(50)
    small, large = seconds(500), seconds(4_000)
    assert large < max(small, 0.02) * 25, (small, large)
