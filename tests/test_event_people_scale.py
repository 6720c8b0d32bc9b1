"""Merging spelling variants of names stays near-linear on long attendee lists.

Every pair of full names sharing a word was compared with an edit distance: a pad
listing 10,000 names built from a few first names and family-name syllables (a
new-user test, 143 kB) took 38 s. Candidates now also share a one-deletion variant
of another word, and merged groups are tracked with a union-find.
"""

from __future__ import annotations

import random

from pad_lint.event.people import Mention, _one_deletion_variants, merge_people, osa_distance
from scaling import assert_near_linear

FIRST = ["Élodie", "Marie", "Pattrick", "Ali", "Luc", "Anne", "Jean", "Zoé", "Elodie", "Patrick"]
SYLLABLES = ["do", "pa", "lu", "ca", "li", "ma", "be", "vi", "ré", "sa", "jo", "ri", "te", "no", "ca", "lé"]


def _mentions(n: int, seed: int = 3) -> list[Mention]:
    rng = random.Random(seed)
    out, pos = [], 0
    for _ in range(n):
        name = f"{rng.choice(FIRST)} {''.join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()}"
        out.append(Mention(name, pos, pos + len(name)))
        pos += len(name) + 2
    return out


def test_many_names_sharing_first_names_merge_in_near_linear_time():
    # near-linear work grows about 8x (more near-duplicates: a little more); the old pair scan 64x
    assert_near_linear(merge_people, 1_000, 8_000, max_ratio=25, setup=_mentions)


def test_one_deletion_variants_meet_for_every_single_edit():
    rng = random.Random(1)
    letters = "abcdeé"
    for _ in range(3000):
        a = "".join(rng.choice(letters) for _ in range(rng.randint(0, 7)))
        b = "".join(rng.choice(letters) for _ in range(rng.randint(0, 7)))
        if osa_distance(a, b) <= 1:
            assert _one_deletion_variants(a) & _one_deletion_variants(b), (a, b)
