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
    saved = (D.CHUNK, D._SEP_CANDIDATE, D._PAREN_CANDIDATE, D._CAP_CANDIDATE)
    always = re.compile("")
    D.CHUNK, D._SEP_CANDIDATE, D._PAREN_CANDIDATE, D._CAP_CANDIDATE = _OLD_CHUNK, always, always, always
    try:
        return D.scan_text(text, 3, 1)
    finally:
        D.CHUNK, D._SEP_CANDIDATE, D._PAREN_CANDIDATE, D._CAP_CANDIDATE = saved


def test_chunk_matches_the_backtracking_pattern():
    for text in _texts(4000):
        assert [m.span() for m in D.CHUNK.finditer(text)] == [m.span() for m in _OLD_CHUNK.finditer(text)], text


@pytest.mark.parametrize("text", [
    "Les participant·es et les acteur·rices.", "du·de la", "Au/à la", "étudiant(e)s", "militantEs",
    "les invite\u0301·es", "les invite\u0301Es", "les enchantéEs", "les invité(e)s", "x·y ·e e· .e", "site.fr.es",
    "p.ex. etc.", "Élu·es et ÉLU·ES",
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


def test_language_gate_counts_words_once():
    texts = ["Nous avons discuté longuement de la proposition de budget pour la rentrée prochaine.",
             "We discussed the release of the new spawner during the meeting at length today.", "Bonjour"]
    gate = LanguageGate(block_text=lambda i: texts[i], pad_text=lambda: " ".join(texts))
    assert [gate.is_french(i) for i in range(3)] == [True, False, french_share(" ".join(texts)) >= 0.45]
