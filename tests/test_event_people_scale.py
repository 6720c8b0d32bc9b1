"""Merging spelling variants of names stays near-linear on long attendee lists.

Every pair of full names sharing a word was compared with an edit distance: a pad
listing 10,000 names built from a few first names and family-name syllables (a
new-user test, 143 kB) took 38 s. Candidates now also share a one-deletion variant
of another word, and merged groups are tracked with a union-find.
"""

from __future__ import annotations

import random
import time

from pad_lint.event.people import Mention, _one_deletion_variants, merge_people, osa_distance

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


def _seconds(n: int) -> float:
    mentions = _mentions(n)
    t0 = time.process_time()
    merge_people(mentions)
    return time.process_time() - t0


def test_many_names_sharing_first_names_merge_in_near_linear_time():
    small, large = _seconds(1_000), _seconds(8_000)
    # near-linear work grows about 8x (more near-duplicates: a little more); the old pair scan 64x
    assert large < max(small, 0.02) * 25, (small, large)


def test_one_deletion_variants_meet_for_every_single_edit():
    rng = random.Random(1)
    letters = "abcdeé"
    for _ in range(3000):
        a = "".join(rng.choice(letters) for _ in range(rng.randint(0, 7)))
        b = "".join(rng.choice(letters) for _ in range(rng.randint(0, 7)))
        if osa_distance(a, b) <= 1:
            assert _one_deletion_variants(a) & _one_deletion_variants(b), (a, b)
