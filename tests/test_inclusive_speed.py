"""The detector's shortcuts change no result.

``CHUNK`` is a linear-time rewrite of ``{_WORD}(?:[{_S}]{_WORD})+``; the candidate patterns
(``_SEP_CANDIDATE``…) skip passes and runs that cannot hold a form; ``_may_hold_forms`` keeps
the historical ``_QUICK`` filter. These tests check each against its definition on seeded
random texts built from the detector's own classes (separators, marks, capitals, digits).
"""

from __future__ import annotations

import random
import re

import pytest

from pad_lint.inclusive import detector as D
from pad_lint.inclusive import separators as seps
from pad_lint.inclusive.language import LanguageGate, french_share

_OLD_CHUNK = re.compile(rf"{D._WORD}(?:[{D._S}]{D._WORD})+")
_ALPHABET = (list("aeisrtnuxdlEÉSRLàÀéœßªµΩω1_@ ()'’,\n") + ["\u0301", "\u0300", "\u0301\u0300"]
             + list(seps.SEPARATOR_CHARS) * 2)
_WORDS = ["participant", "acteur", "rice", "rices", "e", "es", "x", "tous", "tes", "il", "elle", "du", "de la",
          "au", "à la", "militant", "E", "Es", "ES", "étudiant", "euse", "ils", "p", "ex", "etc", "Jean", "le",
          "nouveaux", "elles", "élu", "e\u0301lu", "ÉLU", "municipaux", "ales", "sœur", "cœur", "invité",
          "invite\u0301", "enchanté", "INVITÉ"]


def _texts(n: int, seed: int = 20240611) -> list[str]:
    rnd = random.Random(seed)
    seps_ = list(seps.SEPARATOR_CHARS) + ["(", ")", ""]

    def token() -> str:
        r = rnd.random()
        if r < 0.3:   # a form-like token: word, separator, ending…
            return "".join(rnd.choice(_WORDS) + rnd.choice(seps_) for _ in range(rnd.randint(1, 3))) \
                + rnd.choice(_WORDS)
        if r < 0.4:   # a capital ending
            return rnd.choice(_WORDS) + rnd.choice(["E", "ES", "Es", "RICES", "EUSE"])
        return rnd.choice(_WORDS) if r < 0.7 else rnd.choice(_ALPHABET)

    return ["".join(token() for _ in range(rnd.randint(1, 10))) for _ in range(n)]


def _old_scan(text: str) -> list:
    """``scan_text`` with every pass run (no candidate shortcut) and the old ``CHUNK``."""
    names = ("CHUNK", "_SEP_CANDIDATE", "_MULTI_CANDIDATE", "_PAREN_CANDIDATE", "_CAP_CANDIDATE")
    saved = [getattr(D, n) for n in names]
    always = re.compile("")
    for n in names:
        setattr(D, n, _OLD_CHUNK if n == "CHUNK" else always)
    try:
        return D.scan_text(text, 3, 1)
    finally:
        for n, v in zip(names, saved):
            setattr(D, n, v)


def test_chunk_matches_the_backtracking_pattern():
    for text in _texts(4000):
        assert [m.span() for m in D.CHUNK.finditer(text)] == [m.span() for m in _OLD_CHUNK.finditer(text)], text


@pytest.mark.parametrize("text", [
    "Les participant·es et les acteur·rices.", "du·de la", "Au/à la", "étudiant(e)s", "militantEs",
    "les invite\u0301·es", "les invite\u0301Es", "les enchantéEs", "les invité(e)s", "x·y ·e e· .e", "site.fr.es",
    "p.ex. etc.", "Élu·es et ÉLU·ES", "DU·DE LA", "Au-à la", "du/de la",
])
def test_candidate_shortcuts_keep_every_form(text: str):
    assert D.scan_text(text, 3, 1) == _old_scan(text)


def test_candidate_shortcuts_keep_every_form_random():
    found = 0
    for text in _texts(3000, seed=7):
        new = D.scan_text(text, 3, 1)
        assert new == _old_scan(text), text
        found += bool(new)
        # the run filter drops a run only when it holds no form or the historical filter drops it
        if new and D._QUICK.search(text):
            assert D._may_hold_forms(text), text
        if not D._QUICK.search(text):
            assert not D._may_hold_forms(text), text
    assert found > 50   # the texts do exercise the passes


def test_multi_candidate_covers_the_case_insensitive_letters():
    # MULTI is case-insensitive: the letters around its separator match only these characters
    insensitive, plain = re.compile("[uUdDàÀ]", re.IGNORECASE), re.compile("[uUdDàÀ]")
    assert not [c for c in map(chr, range(0x110000)) if insensitive.match(c) and not plain.match(c)]


def test_language_gate_counts_words_once():
    texts = ["Nous avons discuté longuement de la proposition de budget pour la rentrée prochaine.",
             "We discussed the release of the new spawner during the meeting at length today.", "Bonjour"]
    gate = LanguageGate(block_text=lambda i: texts[i], pad_text=lambda: " ".join(texts))
    assert [gate.is_french(i) for i in range(3)] == [True, False, french_share(" ".join(texts)) >= 0.45]


def test_merge_joins_touching_pieces_of_one_block():
    pieces = [("a", 0, 0), ("b", 1, 0), ("c", 2, 0), ("d", 4, 0), ("e", 5, 1), ("f", 7, 1)]
    assert D._merge(pieces) == [("abc", 0, 0), ("d", 4, 0), ("e", 5, 1), ("f", 7, 1)]
    assert D._merge([]) == []


def test_pad_sample_is_the_joined_prose_as_far_as_the_gate_reads():
    from types import SimpleNamespace

    from pad_lint.inclusive import _pad_sample
    from pad_lint.inclusive.language import SAMPLE

    for sizes in ([5, 7], [SAMPLE - 1, 3, 4], [SAMPLE, 1], [SAMPLE // 2, SAMPLE // 2, 9], [3 * SAMPLE]):
        blocks = [SimpleNamespace(text=chr(97 + k) * n) for k, n in enumerate(sizes)]
        full = "\n".join(b.text for b in blocks)
        assert _pad_sample(blocks)[:SAMPLE] == full[:SAMPLE]
