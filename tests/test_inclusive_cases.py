"""Every row of ../shared/cases/inclusive/cases.tsv, on all its columns.

Columns: sentence, expected_forms (exactly as written, ``;``-separated), separator(s),
dot_style, lemma(s), should_flag_in_a_doc_that_prefers_median_dot, note. Rows without
forms are traps: nothing may be detected there. Each sentence is linted as a one-line pad
declared French (``lang: fr``), so the Markdown masking (link targets) applies.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from pad_lint.config import parse_config
from pad_lint.inclusive import pad_forms
from pad_lint.inclusive.lexicon import lexicon
from pad_lint.inclusive.morphology import masculine_plural
from pad_lint.linter import lint_pad
from pad_lint.markdown.view import build_view
from pad_lint.source import Pad

from conftest import SHARED

CASES = SHARED / "cases" / "inclusive" / "cases.tsv"
HEADER = "---\nlang: fr\n---\n"


def _rows() -> list[dict[str, str]]:
    if not CASES.is_file():
        return []
    with CASES.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


ROWS = _rows()


def _split(value: str) -> list[str]:
    return [v for v in value.split(";")] if value else []


@pytest.mark.parametrize("row", ROWS, ids=[r["sentence"][:40] for r in ROWS])
def test_case_row(row: dict[str, str], shared_dir: Path):
    pad = Pad.from_text(HEADER + row["sentence"] + "\n")
    found = pad_forms(build_view(pad)).forms
    expected = _split(row["expected_forms"])
    assert [f.text for f in found] == expected
    for f in found:  # spans point at the text as written
        assert pad.text[f.start:f.end] == f.text
    if expected:
        assert [f.separator for f in found] == _split(row["separator(s)"])
        assert [f.plural_style for f in found] == _split(row["dot_style"])
        assert [f.lemma for f in found] == _split(row["lemma(s)"])
    elif row["lemma(s)"]:
        # generic masculine row: the word is the masculine plural of the lemma, which INC004
        # compares with abbreviated forms elsewhere in the pad
        lemma = row["lemma(s)"]
        words = {w.strip(".,;:").lower() for w in row["sentence"].split()}
        assert masculine_plural(lemma) in words and lexicon().lemma(masculine_plural(lemma)) == lemma
        mixed = HEADER + f"Les {masculine_plural(lemma)[:-1]}·es sont là.\n\n" + row["sentence"] + "\n"
        codes = [d.code for d in lint_pad(Pad.from_text(mixed), parse_config({"select": ["INC"]}))]
        assert codes == ["INC004"]
    else:
        assert row["dot_style"] == "n/a"

    diagnostics = lint_pad(pad, parse_config({"select": ["INC"], "inclusive": {"policy": "median-dot"}}))
    flagged = any(d.code == "INC001" for d in diagnostics)
    assert flagged == (row["should_flag_in_a_doc_that_prefers_median_dot"] == "yes")
    if not expected:
        assert diagnostics == []


def test_every_row_was_read(shared_dir: Path):
    assert len(ROWS) >= 30
    assert {"sentence", "expected_forms", "separator(s)", "dot_style", "lemma(s)",
            "should_flag_in_a_doc_that_prefers_median_dot"} <= set(ROWS[0])
