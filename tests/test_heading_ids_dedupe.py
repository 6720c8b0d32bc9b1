"""HedgeDoc 1's legacy de-duplication, replayed with an index, equals the plain replay."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pad_lint.markdown.heading_ids import _dedupe_hedgedoc1_legacy
from scaling import assert_near_linear


def _plain(ids):
    ids = list(ids)
    for i in range(len(ids)):
        current = ids[i]
        if not current:
            continue
        same = [k for k in range(len(ids)) if ids[k] == current]
        for j, k in enumerate(same):
            if k != i:
                ids[k] = f"{current}{j}"
    return ids


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["Notes", "Notes1", "Notes11", "Notes2", "Notes10", "N", "N1", "", "a", "a1"]),
                max_size=25))
def test_same_ids_as_the_plain_replay(ids):
    assert _dedupe_hedgedoc1_legacy(ids) == _plain(ids)


def test_documented_examples():
    assert _dedupe_hedgedoc1_legacy(["Notes", "Notes", "Notes"]) == ["Notes", "Notes1", "Notes2"]
    assert _dedupe_hedgedoc1_legacy(["Notes", "Notes1", "Notes"]) == ["Notes", "Notes1", "Notes11"]


def test_twenty_thousand_headings_scale():
    """A new-user pad with 20,000 headings (`## Titre 0` … cycling over 10 texts) took 25 s."""
    # linear: ~8x; the old replay, which searched all the ids for each one: ~64x
    assert_near_linear(_dedupe_hedgedoc1_legacy, 2_000, 16_000, max_ratio=25,
                       setup=lambda n: [f"Titre-{k % 10}" for k in range(n)])
