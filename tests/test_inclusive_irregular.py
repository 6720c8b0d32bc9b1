"""Irregular plurals in the INC family: the safe fixes never write wrong French.

``nouveau``/``nouvelle`` has the masculine plural *nouveaux*, not *nouveau* + ``s``, so the
one-dot and two-dot styles do not apply the same way: the only well-formed plural is
``nouveaux·elles`` (reference §2.2). A new-user test found ``Nouveaux·elles`` rewritten to
``Nouveaux·elle·s`` and ``nouveau·elle·s`` to ``nouveau·elles``, with no INC003 on the result.

The property tests at the end run every pair of the morphology data (the examples of
``data/alternations.tsv``, every row of ``data/irregular.tsv`` and ``data/closed_class.tsv``)
through the safe fixes in every spelling the detector reads, and check that the output is
well formed (no INC003), means the same (same lemmas), and that a second run changes nothing.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from pad_lint.cli import main
from pad_lint.config import parse_config
from pad_lint.diagnostics import Applicability
from pad_lint.fixes import fix_pad
from pad_lint.inclusive import forms_for_document, pad_forms
from pad_lint.inclusive.lexicon import fold, irregular_pairs, lexicon
from pad_lint.inclusive.morphology import (_rows, alternations, analyse, closed_entries, masculine_plural,
                                           write_form)
from pad_lint.linter import lint_pad
from pad_lint.markdown.view import build_view
from pad_lint.source import Pad

from test_inclusive import apply_fixes, fix_until_stable, inc

HEADER = "---\nlang: fr\n---\n"


def codes_on(text: str, **options: str) -> list[tuple[str, str]]:
    return [(d.code, text[d.span.start_offset:d.span.end_offset]) for d in inc(text, **options)]


# -- the new-user report, exact inputs ---------------------------------------------------------------

def test_fdn_pad_keeps_nouveaux_elles(shared_dir: Path, tmp_path: Path, capsys):
    pad = tmp_path / "fdn-admincamp-2016-02.md"
    shutil.copy(shared_dir / "corpus" / "real" / "fdn-admincamp-2016-02.md", pad)
    before = pad.read_text(encoding="utf-8")
    assert before.splitlines()[4].startswith("Nouveaux·elles : ")
    main(["check", "--no-cache", "--isolated", "--select", "INC", "--fix", str(pad)])
    capsys.readouterr()
    after = pad.read_text(encoding="utf-8")
    assert after.splitlines()[4] == before.splitlines()[4]   # was "Nouveaux·elle·s : …"
    assert "Nouveaux·elle·s" not in after
    # the pad's real inconsistency is still fixed
    assert "adhérent-e-s" in before and "adhérent·e·s" in after


def test_nouveaux_elles_in_a_two_dot_pad_is_left_alone():
    text = HEADER + "Les nouveaux·elles, les présent·e·s et les adhérent·e·s.\n"
    assert inc(text) == []
    assert fix_until_stable(text)[0] == text
    assert inc(text, plural="two-dot") == []


def test_nouveau_elle_s_is_malformed_and_fixed_to_nouveaux_elles():
    text = HEADER + "Les nouveau·elle·s, les présent·es et les adhérent·es.\n"
    got = inc(text)
    assert [(d.code, text[d.span.start_offset:d.span.end_offset]) for d in got] == [("INC003", "nouveau·elle·s")]
    (d,) = got
    assert "the masculine plural is “nouveaux”, not “nouveaus”" in d.message
    assert d.fix.applicability is Applicability.SAFE
    fixed, rounds = fix_until_stable(text)
    assert fixed == HEADER + "Les nouveaux·elles, les présent·es et les adhérent·es.\n" and rounds == 2


@pytest.mark.parametrize("written", ["nouveaux·elle·s", "nouveau·elles", "nouveau·elle·s"])
@pytest.mark.parametrize("plural", ["consistent", "one-dot", "two-dot"])
def test_every_other_plural_spelling_is_malformed(written: str, plural: str):
    text = HEADER + f"Les {written} arrivent.\n"
    assert codes_on(text, plural=plural) == [("INC003", written)]
    assert fix_until_stable(text, plural=plural)[0] == HEADER + "Les nouveaux·elles arrivent.\n"


def test_the_other_separators_and_parentheses():
    # the correction keeps the pad's separator
    text = HEADER + "Les nouveau.elle.s et les présent.e.s.\n"
    assert fix_until_stable(text)[0] == HEADER + "Les nouveaux.elles et les présent.e.s.\n"
    text = HEADER + "Les nouveau(elle)s et les présent(e)s.\n"
    assert fix_until_stable(text)[0] == HEADER + "Les nouveaux(elles) et les présent(e)s.\n"
    text = HEADER + "Les nouveau.elle.s, les nouveau(elle)s et les NOUVEAUX·ELLE·S.\n"
    fixed, _ = fix_until_stable(text, policy="median-dot", plural="two-dot")
    assert fixed == HEADER + "Les nouveaux·elles, les nouveaux·elles et les NOUVEAUX·ELLES.\n"


@pytest.mark.parametrize("written, plural, expected, codes", [
    # irregular plurals: one spelling, whatever the pad's plural style
    ("beaux·elles", "two-dot", "beaux·elles", []),
    ("beau·elle·s", "two-dot", "beaux·elles", ["INC003"]),
    ("jumeau·elles", "one-dot", "jumeaux·elles", ["INC003"]),
    ("municipaux·ales", "two-dot", "municipaux·ales", []),
    ("municipal·e·s", "two-dot", "municipaux·ales", ["INC003"]),   # Grammalecte's choice spells "municipals"
    ("municipal·es", "one-dot", "municipaux·ales", ["INC003"]),
    ("municipaux·ale·s", "two-dot", "municipaux·ales", ["INC003"]),
    # regular plurals, even with irregular feminines: both styles exist
    ("fou·olle·s", "one-dot", "fou·olles", ["INC002"]),
    ("fou·olles", "two-dot", "fou·olle·s", ["INC002"]),
    ("vieux·eilles", "two-dot", "vieux·eille·s", ["INC002"]),
    ("vieux·eille·s", "one-dot", "vieux·eilles", ["INC002"]),
    ("heureux·ses", "two-dot", "heureux·se·s", ["INC002"]),
    ("nombreux·euse·s", "one-dot", "nombreux·euses", ["INC002"]),
    ("sportif·ves", "two-dot", "sportif·ve·s", ["INC002"]),
    ("sportifs·ves", "two-dot", "sportif·ve·s", ["INC002", "INC003"]),
    ("acteur·trice·s", "one-dot", "acteur·trices", ["INC002"]),
    ("chanteur·euses", "two-dot", "chanteur·euse·s", ["INC002"]),
    ("acheteur·ses", "two-dot", "acheteur·se·s", ["INC002"]),
    ("bleu·es", "two-dot", "bleu·e·s", ["INC002"]),   # bleus, not "bleux"
])
def test_plural_normalisation_of_irregular_pairs(written: str, plural: str, expected: str, codes: list[str]):
    text = HEADER + f"Les {written} arrivent.\n"
    assert sorted(c for c, _ in codes_on(text, plural=plural)) == codes
    fixed, _ = fix_until_stable(text, plural=plural)
    assert fixed == HEADER + f"Les {expected} arrivent.\n"
    assert not [c for c, _ in codes_on(fixed, plural=plural) if c == "INC003"]


def test_irregular_plurals_take_no_part_in_the_plural_vote():
    # one two-dot form, one irregular plural: the pad's plural norm is two-dot, and nothing is reported
    text = HEADER + "Les nouveaux·elles et les participant·e·s.\n"
    assert inc(text) == []
    found, style = forms_for_document(build_view(Pad.from_text(text)))
    assert style.plural_style == "two" and style.plural_styles == {"one": 1, "two": 1}


def test_plural_masculine_with_a_singular_ending_has_no_automatic_fix():
    # "nouveaux·elle": plural masculine, singular feminine: which was meant cannot be told
    text = HEADER + "Le ou la nouveaux·elle arrive.\n"
    (d,) = inc(text)
    assert d.code == "INC003" and d.fix is None
    assert "“nouveaux·elles”" in d.help and "“nouveau·elle”" in d.help
    (f,) = forms_for_document(build_view(Pad.from_text(text)))[0]
    assert not f.well_formed and f.suggestion is None
    # with a separator to change too, only the separator is fixed
    period = HEADER + "Le ou la nouveaux.elle arrive.\n"
    got = inc(period, policy="median-dot")
    assert sorted(d.code for d in got) == ["INC001", "INC003"]
    fixed, _ = fix_until_stable(period, policy="median-dot")
    assert fixed == text


def test_event_document_suggests_the_single_plural_spelling():
    text = HEADER + "Les nouveau·elle·s et les Nouveaux·elles.\n"
    found, _ = forms_for_document(build_view(Pad.from_text(text)))
    assert [(f.text, f.well_formed, f.suggestion) for f in found] == [
        ("nouveau·elle·s", False, "nouveaux·elles"), ("Nouveaux·elles", True, None)]


def test_generic_masculine_rewrite_uses_the_plural_spelling_and_the_word_case():
    text = HEADER + "Les nouveaux·elles et les participant·e·s sont là.\n\nMerci aux nouveaux.\n"
    got = inc(text)
    assert [(d.code, text[d.span.start_offset:d.span.end_offset]) for d in got] == [("INC004", "nouveaux")]
    assert apply_fixes(text, got, unsafe=True).endswith("Merci aux nouveaux·elles.\n")
    # a form written at the start of a sentence does not capitalise the rewrite (was "aux Participant·es")
    text = HEADER + "Participant·es et intervenant·es sont là.\n\nMerci aux participants.\n"
    assert apply_fixes(text, inc(text), unsafe=True).endswith("Merci aux participant·es.\n")


@pytest.mark.parametrize("masc, plural", [
    ("nouveau", "nouveaux"), ("Nouveau", "Nouveaux"), ("NOUVEAU", "NOUVEAUX"), ("municipal", "municipaux"),
    ("bleu", "bleus"), ("hébreu", "hébreux"), ("naval", "navals"), ("landau", "landaus"), ("heureux", "heureux"),
    ("participant", "participants"), ("ÉLU", "ÉLUS"),
])
def test_masculine_plural(masc: str, plural: str):
    assert masculine_plural(masc) == plural


def test_analysis_of_irregular_plurals():
    an = analyse("nouveaux", "elle")
    assert (an.masculine, an.masc_plural, an.irregular_plural, an.plural_endings) == (
        "nouveau", "nouveaux", True, ("elle", "lle"))
    assert analyse("municipal", "e").plural_endings == ("ale",)   # never the minimal "municipaux·les"
    assert not analyse("bleu", "e").irregular_plural and not analyse("fou", "olle").irregular_plural
    # both plurals are French (finals, finaux): the two-dot final·e·s stays well formed
    assert not analyse("final", "e").irregular_plural
    assert write_form(an, "elle", True, "two", "·") == "nouveaux·elles"
    assert write_form(an, "elle", False, "n/a", "·") is None   # nouveaux·elle: singular or plural?
    assert write_form(analyse("nouveau", "elle"), "elle", False, "n/a", "·") == "nouveau·elle"


# -- property: every pair of the morphology data ------------------------------------------------------

def _pairs() -> list[tuple[str, str, tuple[str, ...]]]:
    """(masculine, feminine, abbreviated endings) of every example of alternations.tsv and every
    row of irregular.tsv."""
    out = []
    endings_of = {(a.masc_suffix, a.fem_suffix): a.endings for a in alternations()}
    for row in _rows("alternations.tsv"):
        for example in row[4].split(";"):
            m = re.match(r"\s*(\S+) -> (\S+)", example)
            if m:
                out.append((m.group(1), m.group(2), endings_of[(row[0], row[1])]))
    out += [(m, f, e) for m, f, e in irregular_pairs()]
    return out


PAIRS = _pairs()


def reads_as_a_french_plural(f) -> bool:  # noqa: ANN001 - Found
    """An oracle independent of the fix code: read the plural form literally and ask the lexicon.

    The plural mark is written once per half. One-dot (``participant·es``, ``nouveaux·elles``):
    the masculine half takes the shared ``s`` unless it already ends in ``s``/``x``/``z``. Two-dot
    (``participant·e·s``): the final ``·s`` pluralises both halves, so the masculine half must be
    the singular. The masculine plural read that way must be a French plural of the lemma
    (*nouveau·elles* reads *nouveaus*, *nouveaux·elle·s* marks the masculine plural twice).
    """
    stem, lemma = fold(f.stem), f.lemma
    if f.plural_style == "two" and stem != lemma:
        return False
    read = stem if stem.endswith(("s", "x", "z")) else stem + "s"
    lex = lexicon()
    if lex.known(read):
        return lex.lemma(read) == lemma or read == lemma
    return read == fold(masculine_plural(lemma))   # a word the lexicon lacks: the regular rule
#: (policy, plural) settings: each makes the fixes rewrite separators and/or plural styles.
SETTINGS = [{}, {"policy": "median-dot", "plural": "one-dot"}, {"policy": "median-dot", "plural": "two-dot"},
            {"policy": "period-allowed", "plural": "two-dot"}]


def _spellings(masc: str, endings: tuple[str, ...]) -> list[str]:
    """Every spelling of the pair the detector may read: singular, one-dot, two-dot, double plural,
    plural masculine, with the median dot, a period, a look-alike, a hyphen, parentheses, capitals."""
    plural = masculine_plural(masc)
    out = []
    for e in endings:
        for stem in dict.fromkeys([masc, plural]):
            out += [f"{stem}·{e}", f"{stem}·{e}s", f"{stem}·{e}·s", f"{stem}.{e}.s", f"{stem}•{e}s",
                    f"{stem}-{e}-s", f"{stem}({e})s", f"{stem}({e}s)", f"{stem}{e.upper()}S"]
    return out


def test_the_property_covers_the_data():
    assert len(PAIRS) >= 70
    assert ("nouveau", "nouvelle") in {(m, f) for m, f, _ in PAIRS}
    assert ("vieux", "vieille") in {(m, f) for m, f, _ in PAIRS}


@pytest.mark.parametrize("masc, fem, endings", PAIRS, ids=[f"{m}-{f}" for m, f, _ in PAIRS])
def test_safe_fixes_give_well_formed_forms_and_are_idempotent(masc: str, fem: str, endings: tuple[str, ...]):
    # one paragraph per spelling, so the language gate and the fixes see each on its own line
    spellings = _spellings(masc, endings)
    text = HEADER + "".join(f"Les {s} sont là.\n\n" for s in spellings)
    before = pad_forms(build_view(Pad.from_text(text))).forms
    assert before, f"no spelling of {masc}/{fem} is read"
    for options in SETTINGS:
        cfg = parse_config({"select": ["INC"], "inclusive": options})
        outcome = fix_pad(Pad.from_text(text), cfg)
        assert outcome.stable, options
        after = pad_forms(build_view(Pad.from_text(outcome.text))).forms
        # same forms, same meaning
        assert [(f.start > 0, f.lemma, f.plural) for f in after] == [(f.start > 0, f.lemma, f.plural) for f in before], options
        again = lint_pad(Pad.from_text(outcome.text), cfg)
        assert not [d for d in again if d.code == "INC003" and d.fix is not None], options
        assert not [d for d in again if d.fix and d.fix.applicability is Applicability.SAFE], options
        for f in after:
            if f.plural and f.closed is None and not f.marker:
                assert reads_as_a_french_plural(f), (options, f.text)
        malformed = {d.span.start_offset for d in again if d.code == "INC003"}
        for f in after:   # what is left malformed is what has no single correction (nouveaux·elle)
            if f.start in malformed:
                assert f.analysis is not None and not f.plural and f.analysis.irregular_plural, (options, f.text)
        # and every fix is confined to its form
        for d in lint_pad(Pad.from_text(text), cfg):
            for e in (d.fix.edits if d.fix else []):
                assert d.span.start_offset <= e.start_offset <= e.end_offset <= d.span.end_offset


@pytest.mark.parametrize("form", sorted(closed_entries()))
def test_closed_class_fixes_are_well_formed(form: str):
    for sep in ("·", ".", "/"):
        written = form.replace("·", sep)
        text = HEADER + f"Merci à {written} pour tout.\n"
        for options in SETTINGS:
            cfg = parse_config({"select": ["INC"], "inclusive": options})
            outcome = fix_pad(Pad.from_text(text), cfg)
            assert outcome.stable
            again = lint_pad(Pad.from_text(outcome.text), cfg)
            assert not [d for d in again if d.code == "INC003"], (written, options, outcome.text)
            assert not [d for d in again if d.fix and d.fix.applicability is Applicability.SAFE]
