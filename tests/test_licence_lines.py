"""Logical lines of licence prose: which physical lines are joined, and in linear time.

A licence sentence broken across lines is read as one line when the next line starts in lower
case or when a line ends so that the sentence obviously goes on ("sous", "la", "de", "Creative
Commons", a comma...): :data:`pad_lint.licences.detect._CONTINUES`. That pattern had no word
boundary, so every line ending in "…a" ("bla", "agenda", "Canada") read as ending with the
article "a" and was glued to the next one; and the whole growing logical line was searched
again for every line added to it. A pad of 8,000 lines "Ligne i : bla" took 64 s to check
(analysis alone: 2,000 lines 4.0 s, 4,000 lines 16.4 s); 8,000 lines ending in "de" (a real
continuation chain) were as slow.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from pad_lint.licences import analyse_licence, detect
from pad_lint.licences.detect import _logical_lines
from pad_lint.markdown.view import build_view
from pad_lint.source import Pad
from scaling import assert_near_linear, fresh_views

HEAD = "# Atelier du 3 mars 2023\n\nNotes sous licence CC BY 4.0\n"


def analyse(text: str):
    return analyse_licence(build_view(Pad.from_text(text)))


# ------------------------------------------------------------------ which lines are joined

@pytest.mark.parametrize("word", ["bla", "agenda", "Canada", "ça", "Wikipédia", "2a", "sublicense", "Bethe"])
def test_a_word_that_only_ends_like_a_continuation_word_does_not_join(word):
    text = f"Point {word}\nSuite du texte"
    assert _logical_lines(text) == [(0, f"Point {word}"), (len(word) + 7, "Suite du texte")]


@pytest.mark.parametrize("end", ["sous", "la", "de", "des", "du", "a", "the", "under", "selon les termes",
                                 "Creative Commons", "licence", "License", "Sous", "LA", "De ", "x,", "x -", "x —"])
def test_a_line_that_goes_on_is_joined_with_the_next(end):
    text = f"Point {end}\nSuite du texte"
    assert _logical_lines(text) == [(0, text)]


def test_a_lower_case_line_joins_and_a_blank_line_keeps_the_verdict():
    assert _logical_lines("Un\ndeux\nTrois") == [(0, "Un\ndeux"), (8, "Trois")]
    # a line of spaces (runs joined by a gap) does not break the chain: "sous   \n   \nCC BY"
    assert _logical_lines("sous\n   \nCC BY\nFin") == [(0, "sous\n   \nCC BY"), (15, "Fin")]
    assert _logical_lines("Fin\n   \nCC BY") == [(0, "Fin"), (4, "   "), (8, "CC BY")]
    assert _logical_lines("") == []
    assert _logical_lines("\n\nA\n") == [(2, "A")]


@pytest.mark.parametrize("text, spdx, origin, line", [
    ("# T\n\nCes notes sont publiées sous\nlicence CC BY-SA 4.0\n", "CC-BY-SA-4.0", "statement", 4),
    ("# T\n\nCes notes sont publiées sous\nCC BY-SA 4.0 pour tous\n", "CC-BY-SA-4.0", "statement", 4),
    # joined: "sous la Licence Ouverte" is a statement, not a "Licence …" label on line 4
    ("# T\n\nCes notes sont placées sous la\nLicence Ouverte 2.0\n", "etalab-2.0", "statement", 4),
    # joined: "Creative Commons Attribution 4.0" is one name (alone, "Creative Commons" names no licence)
    ("# T\n\nLes notes sont sous licence Creative Commons\nAttribution 4.0 International\n", "CC-BY-4.0",
     "statement", 3),
])
def test_a_licence_sentence_split_over_two_lines_is_still_detected(text, spdx, origin, line):
    a = analyse(text)
    assert (a.licence.status, a.licence.spdx) == ("declared", spdx)
    assert [(s.origin, s.line) for s in a.signals] == [(origin, line)]


def test_a_line_ending_in_canada_is_not_glued_to_the_licence_on_the_next_line():
    """Glued, the discussion on the first line ("on a comparé les licences") made the licence
    on the next line part of a discussion, and the pad had no licence."""
    text = "# T\n\nOn a comparé les licences utilisées au Canada\nCC BY-SA 4.0 pour ces notes\n"
    a = analyse(text)
    assert (a.licence.status, a.licence.spdx) == ("declared", "CC-BY-SA-4.0")
    glued = text.replace("Canada\n", "la\n")      # "… au la": a line that does go on
    assert analyse(glued).licence.status == "missing"


# ------------------------------------------------------------------ linear time

def _tester_pad(line: Callable[[int], str]) -> Callable[[int], str]:
    """The tester's generator: ``print('# Atelier du 3 mars 2023\\n\\nNotes sous licence CC BY 4.0')``
    then one line per ``i``."""
    return lambda n: HEAD + "".join(line(i) + "\n" for i in range(n))


SHAPES = {
    "ligne-bla": _tester_pad(lambda i: f"Ligne {i} : bla"),      # glued by the missing word boundary
    "anne-aaa": _tester_pad(lambda i: "Anne Aaa : bla"),
    "chain-de": _tester_pad(lambda i: f"Ligne {i} de"),          # a real continuation: one logical line
}


def _declared_cc_by(n: int, analysis) -> None:
    assert (analysis.licence.status, analysis.licence.spdx) == ("declared", "CC-BY-4.0")
    assert [(s.origin, s.line) for s in analysis.signals] == [("statement", 3)]


@pytest.mark.parametrize("shape", list(SHAPES))
def test_licence_analysis_of_many_lines_grows_linearly(shape):
    # linear: ~8x; the old search of the growing logical line: ~64x (2,000 lines took 4 s, the
    # floor of the helper is 0.05 s; now about 0.02 s -> 0.2 s). Most of the test's time is
    # building the views (outside the timing).
    assert_near_linear(analyse_licence, 2_000, 16_000, max_ratio=25, setup=fresh_views(SHAPES[shape]),
                       check=_declared_cc_by)


def test_the_chain_of_lines_ending_in_de_is_still_one_logical_line():
    text = SHAPES["chain-de"](50)
    block = text[text.index("Notes"):]
    lines = _logical_lines(block)
    assert len(lines) == 2 and lines[1][1] == block[lines[1][0]:].rstrip("\n")
    assert len(_logical_lines(SHAPES["ligne-bla"](50)[len("# Atelier du 3 mars 2023\n\n"):])) == 51


def test_the_continuation_pattern_is_searched_on_one_physical_line():
    """Guard on the cause: every search is on a line of the pad, never on a joined line."""
    seen: list[str] = []

    class Spy:
        def search(self, s: str):
            seen.append(s)
            return detect_continues.search(s)

    detect_continues = detect._CONTINUES
    text = SHAPES["chain-de"](200)
    try:
        detect._CONTINUES = Spy()  # type: ignore[assignment]
        _logical_lines(text)
    finally:
        detect._CONTINUES = detect_continues
    assert seen and all("\n" not in s for s in seen) and len(seen) == len(re.findall(r"[^\n]+", text))
