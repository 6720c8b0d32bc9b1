"""Inclusive-writing family (INC): detector, morphology, lexicon, policies, fixes, event document.

Runs without ../shared: fixture pads live in tests/fixtures/inclusive/ and declare their
expected diagnostics with ``<!-- expect: CODE line:col -->``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import pad_lint
from pad_lint.config import Config, parse_config
from pad_lint.diagnostics import Applicability, Diagnostic
from pad_lint.errors import ConfigError
from pad_lint.event.models import EventDocument
from pad_lint.inclusive import forms_for_document, pad_forms
from pad_lint.inclusive import separators as seps
from pad_lint.inclusive.detector import scan_text
from pad_lint.inclusive.language import LanguageGate, french_share
from pad_lint.inclusive.lexicon import lexicon
from pad_lint.inclusive.morphology import analyse, closed_class, doublet, masculine_plural, render, split_ending
from pad_lint.inclusive.policy import dominant, minimal_edit, vote
from pad_lint.linter import lint_pad
from pad_lint.markdown.view import build_view
from pad_lint.source import Pad

from conftest import FIXTURES, expected_diagnostics

INC_FIXTURES = FIXTURES / "inclusive"


def inc(text: str, **options: str) -> list[Diagnostic]:
    cfg = parse_config({"select": ["INC"], "inclusive": options})
    return lint_pad(Pad.from_text(text), cfg)


def forms(text: str) -> list[str]:
    return [f.text for f in pad_forms(build_view(Pad.from_text(text))).forms]


def apply_fixes(text: str, diagnostics: list[Diagnostic], unsafe: bool = False) -> str:
    """Tiny stand-in for the CLI's --fix: apply non-overlapping edits, later ones first."""
    edits = []
    for d in diagnostics:
        if d.fix is None or (d.fix.applicability is Applicability.UNSAFE and not unsafe):
            continue
        edits.extend((e.start_offset, e.end_offset, e.content) for e in d.fix.edits)
    chosen: list[tuple[int, int, str]] = []
    for e in sorted(set(edits)):
        if chosen and e[0] < chosen[-1][1]:
            continue  # overlapping: the next run applies it if still needed
        chosen.append(e)
    for s, e, content in reversed(chosen):
        text = text[:s] + content + text[e:]
    return text


def fix_until_stable(text: str, unsafe: bool = False, **options: str) -> tuple[str, int]:
    for rounds in range(1, 6):
        fixed = apply_fixes(text, inc(text, **options), unsafe)
        if fixed == text:
            return text, rounds
        text = fixed
    raise AssertionError("fixes do not converge")


# -- fixtures with expected diagnostics ---------------------------------------------------------

@pytest.mark.parametrize("path", sorted(INC_FIXTURES.glob("*.md")), ids=lambda p: p.name)
def test_fixture_pads(path: Path):
    text = path.read_text(encoding="utf-8")
    got = sorted((d.code, d.span.start_line, d.span.start_column) for d in inc(text) if d.code != "INC001"
                 or path.name != "no-abbreviated.md")
    assert got == expected_diagnostics(text)


def test_traps_detect_only_the_control_form():
    assert forms((INC_FIXTURES / "traps.md").read_text(encoding="utf-8")) == ["intervenant·es"]


def test_english_paragraph_in_a_french_pad_is_not_read():
    text = (INC_FIXTURES / "mixed-languages.md").read_text(encoding="utf-8")
    assert "participant.e.s" not in forms(text)
    assert forms(text) == ["participant·es", "intervenant·es", "organisateur·rices", "participant·es"]


def test_lang_metadata_wins_over_detection():
    text = (INC_FIXTURES / "lang-en.md").read_text(encoding="utf-8")
    assert forms(text) == []
    assert forms(text.replace("lang: en", "lang: fr-FR")) == ["participant.e.s", "intervenant·es", "utilisateurs·rices"]


# -- detector -------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("Les militant.es sont là.", ["militant.es"]),
    ("Voir info.es et site.fr.", []),
    ("Les professionnel·les arrivent.", ["professionnel·les"]),
    ("Le País de Gal·les.", []),
    ("Les étudiant(e)s et les ami(es).", ["étudiant(e)s", "ami(es)"]),
    ("Les militantEs et les enchantéEs.", ["militantEs", "enchantéEs"]),
    ("Les chercheur・euses (U+30FB) et les élu᛫es.", ["chercheur・euses", "élu᛫es"]),
    ("Les invité·es. Fin.", ["invité·es"]),
    ("Les entreprises/acteur·rices du secteur.", ["acteur·rices"]),
    ("d'acteur·rices et l'étudiant·e", ["acteur·rices", "étudiant·e"]),
    ("Les militant·e·x·s sont là.", ["militant·e·x·s"]),
    ("Tout·e-puissant·e ? Les fichier(s) et le(s) lien(s).", []),
    ("Les participant·s votent (nombre seulement).", []),
])
def test_detector(sentence: str, expected: list[str]):
    assert [f.text for f in scan_text(sentence, 0, 0)] == expected


def test_spans_point_at_the_form_in_the_pad():
    text = "---\nlang: fr\n---\n# T\n\n* **Invité·es** : les [adhérent·es](https://x.example/a.b) et `x.e.s`\n"
    pad = Pad.from_text(text)
    found = pad_forms(build_view(pad)).forms
    assert [pad.text[f.start:f.end] for f in found] == ["Invité·es", "adhérent·es"]
    assert [pad.index.line_col(f.start) for f in found] == [(6, 5), (6, 24)]


def test_linkified_bare_domain_is_read_as_prose():
    # markdown-it's linkify turns militant.es into a link (.es is a domain); the lexicon decides.
    assert forms("---\nlang: fr\n---\nLes militant.es et info.es viennent.\n") == ["militant.es"]


def test_greek_ano_teleia_is_the_median_dot():
    (f,) = scan_text("Les élu\u0387es.", 0, 0)
    assert f.separator == "U+00B7"


# -- morphology and lexicon -------------------------------------------------------------------------

@pytest.mark.parametrize("stem, ending, masc, fem, lemma, double", [
    ("acteur", "rice", "acteur", "actrice", "acteur", False),
    ("acteur", "ice", "acteur", "actrice", "acteur", False),
    ("utilisateurs", "rice", "utilisateur", "utilisatrice", "utilisateur", True),
    ("chercheur", "se", "chercheur", "chercheuse", "chercheur", False),
    ("nouveaux", "elle", "nouveau", "nouvelle", "nouveau", False),
    ("municipaux", "ale", "municipal", "municipale", "municipal", False),
    ("Français", "e", "Français", "Française", "français", False),
    ("chef", "fe", "chef", "cheffe", "chef", False),
    ("auteur", "rice", "auteur", "autrice", "auteur", False),
    ("conseiller", "e", "conseiller", "conseillère", "conseiller", False),
    ("sportif", "ve", "sportif", "sportive", "sportif", False),
    ("heureux", "se", "heureux", "heureuse", "heureux", False),
    ("citoyen", "ne", "citoyen", "citoyenne", "citoyen", False),
    ("engagé", "e", "engagé", "engagée", "engagé", False),
    ("ÉLU", "E", "ÉLU", "ÉLUE", "élu", False),
])
def test_analyse(stem, ending, masc, fem, lemma, double):
    an = analyse(stem, ending)
    assert an is not None
    assert (an.masculine, an.feminine, an.lemma, an.double_plural) == (masc, fem, lemma, double)


@pytest.mark.parametrize("stem, ending", [("info", "e"), ("Gal", "le"), ("et", "e"), ("site", "fr"), ("kW", "h"), ("vers", "e"), ("plan", "e"), ("don", "ne"), ("port", "e")])
def test_analyse_rejects_non_words(stem, ending):
    assert split_ending(ending) is None or analyse(stem, ending) is None


def test_trusted_separator_accepts_a_feminine_missing_from_the_lexicon():
    assert not lexicon().known("référente")
    assert analyse("référent", "e") is None
    assert analyse("référent", "e", trusted=True).feminine == "référente"
    assert analyse("Gal", "le", trusted=True) is None


def test_closed_class():
    assert closed_class("Tou·te·s").lemma == "tout"
    assert closed_class("il/elle").feminine == "elle"
    assert closed_class("tout·es").problem
    assert closed_class("tous·tes").problem is None
    assert closed_class("chat·te") is None


def test_render_and_doublet():
    assert render("participant", "e", True, "one", "·") == "participant·es"
    assert render("participant", "e", True, "two", "·") == "participant·e·s"
    assert render("adhérent", "e", True, "two", "()") == "adhérent(e)s"
    assert render("ÉLU", "E", True, "two", "·") == "ÉLU·E·S"
    assert doublet("participantes", "participants", True) == "participantes et participants"
    assert doublet("référente", "référent", False, "masculine-first") == "référent ou référente"
    assert masculine_plural("nouveau") == "nouveaux" and masculine_plural("municipal") == "municipaux"


def test_lexicon_lookups_are_cached():
    lex = lexicon()
    lex.lemma.cache_clear()
    lex.lemma("militantes")
    lex.lemma("militantes")
    assert lex.lemma.cache_info().hits >= 1


def test_a_repeated_form_is_analysed_once():
    from pad_lint.inclusive.morphology import _analyse_cached

    _analyse_cached.cache_clear()
    scan_text("Les participant·es, les participant·es et les participant·es.", 0, 0)
    info = _analyse_cached.cache_info()
    assert (info.misses, info.hits) == (1, 2)


def test_separator_names():
    assert seps.key(["·", ".", "·"]) == "U+00B7+U+002E"
    assert seps.kind("U+2022") == "lookalike" and seps.kind("U+00B7+U+002E") == "mixed"
    assert "bullet" in seps.describe("U+2022")
    assert seps.split_mixed("U+00B7+U+002E") == ["U+00B7", "U+002E"]


# -- language -------------------------------------------------------------------------------------------

def test_language_gate():
    assert french_share("Les participants ont voté à main levée pour la proposition.") > 0.9
    assert french_share("We discussed the release of the new spawner during the meeting.") < 0.55
    texts = ["Nous avons discuté longuement de la proposition de budget pour la rentrée prochaine.",
             "We discussed the release of the new spawner during the meeting at length today."]
    gate = LanguageGate(block_text=lambda i: texts[i], pad_text=lambda: " ".join(texts))
    assert gate.is_french(0) and not gate.is_french(1)
    assert LanguageGate(block_text=lambda i: "x", pad_text=lambda: "x", declared="fr").is_french(0)


# -- policies ----------------------------------------------------------------------------------------------

def test_dominant_breaks_ties_by_first_occurrence():
    assert dominant(["U+002E", "U+00B7", "U+00B7", "U+002E"]) == "U+002E"
    assert dominant([]) is None


def test_vote_prefers_the_given_value_on_a_tie_only():
    assert dominant(["U+002E", "U+00B7"], prefer="U+00B7") == "U+00B7"
    assert dominant(["U+002E", "U+002D"], prefer="U+00B7") == "U+002E"   # not tied: first seen
    assert dominant(["U+002E", "U+002E", "U+00B7"], prefer="U+00B7") == "U+002E"   # a majority wins
    v = vote(["one", "two", "two", "one", "x"])
    assert (v.winner, v.tied, v.top, v.counts) == ("one", ("one", "two"), 2, {"one": 2, "two": 2, "x": 1})
    assert vote(["a", "a", "b"]).tied == ()


# -- ties (the new-user report: "this pad mostly writes … period (“.” 1×, “·” 1×)") ------------------

def test_separator_tie_goes_to_the_median_dot_and_says_so():
    text = "---\nlang: fr\n---\nLes participant.e.s et les intervenant·e·s.\n"
    (d,) = inc(text)
    assert d.code == "INC001" and text[d.span.start_offset:d.span.end_offset] == "participant.e.s"
    assert "mostly" not in d.message
    assert ("this pad writes as many inclusive forms with the median dot “·” as with the period “.” (1× each); "
            "on a tie pad-lint keeps the median dot, which the writing guides recommend") in d.message
    assert fix_until_stable(text)[0].endswith("Les participant·e·s et les intervenant·e·s.\n")
    _, style = forms_for_document(build_view(Pad.from_text(text)))
    assert style.separator == "U+00B7"   # the event document agrees with the rule


def test_separator_tie_without_the_median_dot_goes_to_the_first_seen():
    text = "---\nlang: fr\n---\nLes participant-e-s et les intervenant.e.s.\n"
    (d,) = inc(text)
    assert text[d.span.start_offset:d.span.end_offset] == "intervenant.e.s"
    assert ("as many inclusive forms with the hyphen “-” as with the period “.” (1× each); on a tie the "
            "separator used first is the norm") in d.message


def test_three_way_tie_and_look_alikes_in_the_count():
    # the bullet is a look-alike: it votes for the median dot (1×), as many as the period and the hyphen
    text = "---\nlang: fr\n---\nLes élu•es, les adhérent.es et les salarié-es.\n"
    got = inc(text)
    assert [text[d.span.start_offset:d.span.end_offset] for d in got] == ["élu•es", "adhérent.es", "salarié-es"]
    assert ("as many inclusive forms with the median dot “·” as with the period “.” and with the hyphen “-” "
            "(1× each, look-alikes of “·” counted as “·”); on a tie pad-lint keeps the median dot") in got[1].message
    assert fix_until_stable(text)[0].endswith("Les élu·es, les adhérent·es et les salarié·es.\n")
    # one more median dot is a majority again: the usual wording
    text = text.replace(" et les salarié-es", ", les salarié-es et les étudiant·es")
    assert "this pad mostly writes its inclusive forms with the median dot “·”" in inc(text)[1].message


def test_period_allowed_tie_goes_to_the_median_dot():
    text = "---\nlang: fr\n---\nLes élu.es, les étudiant·es et les salarié-es.\n"
    fixed, _ = fix_until_stable(text, policy="period-allowed")
    assert fixed.endswith("Les élu.es, les étudiant·es et les salarié·es.\n")


def test_plural_tie_goes_to_the_first_style_and_says_so():
    text = "---\nlang: fr\n---\nLes participant·e·s et les intervenant·es.\n"
    (d,) = inc(text)
    assert d.code == "INC002" and text[d.span.start_offset:d.span.end_offset] == "intervenant·es"
    assert "mostly" not in d.message
    assert ("this pad uses the two-dot plural (“·e·s”) as often as the one-dot plural (“·es”) (1× each); on a "
            "tie the style used first is the norm") in d.message
    (d,) = inc(text.replace("participant·e·s et les intervenant·es", "intervenant·es et les participant·e·s"))
    assert "this pad uses the one-dot plural (“·es”) as often as the two-dot plural" in d.message
    # a majority keeps the old wording, counting votes
    (d,) = inc(text.replace(".\n", ", les élu·e·s.\n"))
    assert "this pad mostly uses the two-dot plural (“·e·s”): one-dot 1×, two-dot 2×" in d.message


def test_consistent_policy_follows_the_majority():
    text = "---\nlang: fr\n---\nLes participant.e.s, les étudiant.e.s et les intervenant·es.\n"
    (d,) = [d for d in inc(text) if d.code == "INC001"]
    assert "intervenant·es" in d.message and "period" in d.message and "2×" in d.message
    assert apply_fixes(text, [d]).endswith("les intervenant.e.s.\n")


def test_median_dot_policy_flags_every_other_separator():
    text = "---\nlang: fr\n---\nLes élu‧es, les étudiant-es et les salarié/es.\n"
    assert [d.code for d in inc(text)] == ["INC001"] * 3
    assert [d.code for d in inc(text, policy="median-dot")] == ["INC001"] * 3
    assert "look-alike" in inc(text)[0].message
    fixed, _ = fix_until_stable(text, policy="median-dot")
    assert fixed.endswith("Les élu·es, les étudiant·es et les salarié·es.\n")


def test_period_allowed_policy():
    text = "---\nlang: fr\n---\nLes élu.es, les étudiant·es et les salarié-es.\n"
    got = inc(text, policy="period-allowed")
    assert [(d.code, d.span.start_column) for d in got] == [("INC001", 36)]


def test_plural_setting():
    text = "---\nlang: fr\n---\nLes élu·es et les étudiant·es.\n"
    assert inc(text) == []
    got = inc(text, plural="two-dot")
    assert [d.code for d in got] == ["INC002", "INC002"]
    fixed, _ = fix_until_stable(text, plural="two-dot")
    assert "Les élu·e·s et les étudiant·e·s." in fixed


def test_closed_class_plural_and_malformed():
    text = "---\nlang: fr\n---\nMerci à tou·te·s, aux habitant·es et aux élu·es ; tout·es sont venu·es.\n"
    codes = [(d.code, text[d.span.start_offset:d.span.end_offset]) for d in inc(text)]
    assert ("INC002", "tou·te·s") in codes and ("INC003", "tout·es") in codes
    fixed, _ = fix_until_stable(text)
    assert "Merci à tous·tes" in fixed and "tous·tes sont venu·es" in fixed


def test_no_abbreviated_forms_policy_suggests_doublets():
    text = (INC_FIXTURES / "no-abbreviated.md").read_text(encoding="utf-8")
    got = inc(text, policy="no-abbreviated-forms")
    assert {d.code for d in got} == {"INC005"} and len(got) == 7
    assert all(d.fix.applicability is Applicability.UNSAFE for d in got)
    fixed = apply_fixes(text, got, unsafe=True)
    assert ("Les participantes et participants et toutes et tous les adhérentes et adhérents ; "
            "elle ou il viendra. Une ou un référente ou référent sera désignée ou désigné.") in fixed
    assert apply_fixes(text, got) == text  # unsafe fixes need opting in
    alpha = apply_fixes(text, inc(text, policy="no-abbreviated-forms", **{"doublet-order": "masculine-first"}), True)
    assert "Les participants et participantes" in alpha


def test_generic_masculine():
    text = ("---\nlang: fr\n---\nLes participant·es et les expert·es sont là.\n\n"
            "Merci aux participants, aux nouveaux experts, d'experts ; des projets engagés, les bénévoles, "
            "« Les participants » et Participants : X.\n")
    got = [(d.code, text[d.span.start_offset:d.span.end_offset]) for d in inc(text)]
    assert got == [("INC004", "participants"), ("INC004", "experts"), ("INC004", "experts")]
    fixed = apply_fixes(text, inc(text), unsafe=True)
    assert "Merci aux participant·es, aux nouveaux expert·es, d'expert·es" in fixed


def test_config_option_names():
    cfg = parse_config({"inclusive": {"policy": "median-dot", "plural": "one-dot", "doublet-order": "alphabetical"}})
    assert cfg.inclusive.doublet_order == "alphabetical"
    with pytest.raises(ConfigError):
        parse_config({"inclusive": {"policy": "median"}})


# -- fixes ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("options", [{}, {"policy": "median-dot", "plural": "one-dot"},
                                     {"policy": "median-dot", "plural": "two-dot"}, {"policy": "period-allowed"}])
def test_fixes_are_minimal_and_idempotent(options):
    text = (INC_FIXTURES / "mixed-styles.md").read_text(encoding="utf-8")
    fixed, rounds = fix_until_stable(text, **options)
    assert rounds <= 2  # one pass fixes everything, the second finds nothing
    assert not [d for d in inc(fixed, **options) if d.fix and d.fix.applicability is Applicability.SAFE]
    for d in inc(text, **options):
        for e in (d.fix.edits if d.fix else []):
            assert d.span.start_offset <= e.start_offset <= e.end_offset <= d.span.end_offset


def test_minimal_edit():
    assert minimal_edit("participant.e.s", "participant·es") == (11, 14, "·e")
    assert minimal_edit("abc", "abc") == (3, 3, "")


# -- event document -------------------------------------------------------------------------------------------------

def test_forms_for_document():
    text = (INC_FIXTURES / "mixed-styles.md").read_text(encoding="utf-8")
    view = build_view(Pad.from_text(text))
    found, style = forms_for_document(view, Config())
    assert [f.text for f in found][:3] == ["intervenant·es", "expert·es", "présent·es"]
    u = next(f for f in found if f.text == "utilisateurs·rices")
    assert (u.lemma, u.masculine, u.feminine, u.separator, u.plural_style) == (
        "utilisateur", "utilisateur", "utilisatrice", "U+00B7", "one")
    assert not u.well_formed and u.suggestion == "utilisateur·rices"
    assert (u.span.start_line, u.span.start_column) == (8, 35)
    assert text[u.span.start_offset:u.span.end_offset] == u.text
    t = next(f for f in found if f.text == "tous·tes")
    assert t.kind == "closed-class" and t.lemma == "tout"
    assert style.separator == "U+00B7" and style.plural_style == "one"
    assert style.separators == {"U+00B7": style.forms - 1, "U+002E": 1}
    doc = pad_lint.parse(text)
    doc = doc.model_copy(update={"inclusive_forms": found, "inclusive_style": style})
    EventDocument.model_validate(json.loads(doc.model_dump_json()))


def test_no_forms_outside_french():
    found, style = forms_for_document(build_view(Pad.from_text("# Notes\n\nHello world, his/her notes.\n")))
    assert found == [] and style.forms == 0 and style.separator is None


def test_fix_inside_a_heading_is_unsafe_because_it_changes_the_heading_id():
    # A safe fix of "## Les intervenant.e.s" changed its id (#Les-intervenantes) and broke
    # the working link to it (found by a new-user test).
    import pad_lint

    text = ("---\ntitle: Atelier\n---\n# Atelier\n\nLes participant·e·s et les élu·e·s.\n\n"
            "Voir [ici](#Les-intervenantes).\n\n## Les intervenant.e.s\n\nLes ami·e·s.\n")
    inc = [d for d in pad_lint.lint(text, path="p.md") if d.code == "INC001"]
    assert [(d.span.start_line, d.fix.applicability.value) for d in inc] == [(10, "unsafe")]
    assert pad_lint.fix(text, path="p.md") == text
    assert "## Les intervenant·e·s" in pad_lint.fix(text, path="p.md", unsafe=True)
