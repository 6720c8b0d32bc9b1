"""Footnote ids are link targets: markdown-it-footnote (HedgeDoc 1) renders the note as
id="fn1" and each reference as id="fnref1", a repeated one as "fnref1:1"."""

from __future__ import annotations

import pad_lint

PAD = ("# T\n\nTexte[^1] et encore[^1] et [la note](#fn1), [retour](#fnref1:1), [absent](#fn2).\n\n"
       "[^1]: Une note.\n\nLicence : CC BY 4.0\n")


def test_footnote_ids_are_fragment_targets():
    found = [(d.code, d.span.start_line, d.span.start_column) for d in pad_lint.lint(PAD) if d.code == "LNK003"]
    assert found == [("LNK003", 3, PAD.split("\n")[2].index("[absent]") + 1)]
