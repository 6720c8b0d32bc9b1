"""The fast credit-cue gate answers exactly as the IGNORECASE regex it replaces."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pad_lint.images.credits import _MAYBE_CUE, may_hold_cue

PIECES = ["Photo", "PHOTOS", "crédit", "CRÉDIT", "Credit", "illustré", "Dessin", "croquis", "sketchnote",
          "graphisme", "visuel", "image", "Drawing", "picture", "drawn", "Copyright", "(c)", "(C)", "©",
          "İmage", "ımage", "ſketch", "phoTo", "visu", "cr", "edit", " ", "\n", "é", "K", "ß", "x"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=8).map("".join) | st.text(max_size=40))
def test_same_answer_as_the_regex(text):
    assert may_hold_cue(text) == bool(_MAYBE_CUE.search(text))


def test_special_folds_and_case_sensitive_parenthesised_c():
    for text in ["ſketch", "İllustration", "ıllustr", "photo", "©", "(c)"]:
        assert may_hold_cue(text) and _MAYBE_CUE.search(text)
    for text in ["(C) 2024", "rien", "Kredit"]:
        assert may_hold_cue(text) == bool(_MAYBE_CUE.search(text))
