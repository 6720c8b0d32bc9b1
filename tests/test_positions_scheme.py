"""The scheme before a linkified address is found backwards, as the old regex found it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pad_lint.markdown.positions import _SCHEME_BEFORE, scheme_start
from pad_lint.markdown.view import build_view
from pad_lint.source import Pad
from scaling import assert_near_linear


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["http", "s", "1", "+", ".", "-", " ", "é", "x", "ß", "Z", "://", "9a"]),
                max_size=12).map("".join), st.integers(0, 40))
def test_same_start_as_the_regex(text, end):
    end = min(end, len(text))
    m = _SCHEME_BEFORE.search(text, 0, end)
    assert scheme_start(text, end) == (m.start() if m else None)


def test_many_linkified_addresses_in_one_paragraph_scale():
    """A new-user pad: 10,000 'Lieu : …' / 'En visio : https://…' lines took 101 s."""
    def links(n: int) -> str:
        return "# N\n" + "".join(f"Lieu : Salle {i}\nEn visio : https://meet.ex.org/{i}\n" for i in range(n))

    # linear: ~8x; the old search from the start of the paragraph: ~64x
    assert_near_linear(build_view, 500, 4_000, max_ratio=25, setup=lambda n: Pad.from_text(links(n)),
                       check=lambda n, view: len(view.links) == n)
