"""Alt-text judgement helpers (pad_lint.images): verdicts, reasons, credits. Runs without ../shared."""

from __future__ import annotations

import pytest

from pad_lint.images import (CreditedName, CreditFinder, credit_in_alt, credited_names, is_decorative, is_name,
                             judge_alt, looks_like_personal_name, normalise_alt, poor_alt_reason)
from pad_lint.markdown.view import build_view
from pad_lint.source import Pad


def images(text: str):
    return build_view(Pad.from_text(text)).images


def judge(text: str) -> tuple[str, str]:
    [img] = images(text)
    j = judge_alt(img)
    return j.verdict, j.reason


@pytest.mark.parametrize("text, verdict, reason", [
    ("![](a.png)", "unlabelled", "empty"),
    ("![  ](a.png)", "unlabelled", "whitespace"),
    ("![](a.png \"Plan du site\")", "unlabelled", "title-only"),
    ("<img src=\"a.png\">", "unlabelled", "no-alt"),
    ("<img src=\"a.png\" alt=\" \">", "unlabelled", "whitespace"),
    ("<img src=\"a.png\" title=\"Plan\">", "unlabelled", "title-only"),
    ("<img src=\"a.png\" alt=\"\" title=\"Plan\">", "unlabelled", "decorative-with-title"),
    ("<img src=\"a.png\" alt=\"\">", "ok-decorative", "decorative"),
    ("<img src=\"a.png\" alt>", "ok-decorative", "decorative"),          # a bare attribute is empty
    ("<img src=\"a.png\" aria-hidden=\"true\">", "ok-decorative", "decorative"),
    ("<img src=\"a.png\" role=\"presentation\">", "ok-decorative", "decorative"),
    ("<img src=\"a.png\" role=\"none\">", "ok-decorative", "decorative"),
    ("<img src=\"a.png\" aria-label=\"Plan d'accès\">", "ok", "ok"),
    ("![Plan d'accès à la salle](a.png)", "ok", "ok"),
    ("![photo](a.png)", "poorly-labelled", "placeholder"),
])
def test_verdicts(text, verdict, reason):
    assert judge(text) == (verdict, reason)


def test_markdown_cannot_be_decorative():
    [img] = images("![](a.png)")
    assert not is_decorative(img)


@pytest.mark.parametrize("alt, src, reason", [
    ("upload_5c1e0b7d2a.jpg", "x", "filename"),
    ("IMG_1234", "x", "filename"),
    ("IMG_20240301_184207", "x", "filename"),
    ("DSC01234", "x", "filename"),
    ("PXL_20240101_123456789", "x", "filename"),
    ("edit-link.png", "x", "filename"),
    ("0001", "x", "filename"),
    ("1920x1080", "x", "filename"),
    ("carte-parcours-2025", "https://h/uploads/carte-parcours-2025.png", "filename"),
    ("mon_super_fichier_final_v2", "x", "filename"),
    ("Capture d’écran 2025-03-03 à 18.42.07", "x", "screenshot"),
    ("Capture d'écran du 2025-03-03 18-44-51", "x", "screenshot"),
    ("Capture d'écran (3)", "x", "screenshot"),
    ("Screenshot 2025-03-03 at 18.42.07", "x", "screenshot"),
    ("Screen Shot 2024-01-02 at 10.11.12 AM", "x", "screenshot"),
    ("Screenshot_20250303-184207", "x", "screenshot"),
    ("Capture d'écran", "x", "placeholder"),
    ("image", "x", "placeholder"),
    ("Une image", "x", "placeholder"),
    ("une illustration", "x", "placeholder"),
    ("Photo", "x", "placeholder"),
    ("Image 1", "x", "placeholder"),
    ("photo n°2", "x", "placeholder"),
    ("untitled", "x", "placeholder"),
    ("Sans titre", "x", "placeholder"),
    ("icône", "x", "placeholder"),
    ('""', "x", "quotes"),
    ("''", "x", "quotes"),
    ("...", "x", "quotes"),
    ("«»", "x", "quotes"),
    ("-", "x", "quotes"),
    ("https://pad.example.org/uploads/a.png", "x", "url"),
    ("Uploading file...photo.png", "", "uploading"),
])
def test_poor_alts(alt, src, reason):
    assert poor_alt_reason(alt, src) == reason


@pytest.mark.parametrize("alt, src", [
    ("Photographie de la fresque peinte sur le mur de l'école", "x"),
    ("Capture d'écran du tableau blanc partagé en fin de séance", "x"),
    ("Logo du collectif Vélorution", "x"),
    ("Photo de groupe devant la mairie", "x"),
    ("Minion", "https://octodex.github.com/images/minion.png"),   # natural word equal to the file stem
    ("Logique temporelle de Allen", "allen.png"),
    ("Plan : 2 salles, 1 cuisine", "x"),
    ("Schéma du réseau de l'association", "x"),
])
def test_descriptions_are_not_poor(alt, src):
    assert poor_alt_reason(alt, src) is None


def test_normalise_alt():
    assert normalise_alt("  « Mathis  Garnier. » ") == "mathis garnier"
    assert normalise_alt("Élodie’s drawing") == "elodie's drawing"


@pytest.mark.parametrize("text, yes", [
    ("Mathis Garnier", True), ("D. Martin", True), ("Zoé", True), ("Agnès Le Gall", True),
    ("voir ci-dessous", False), ("Mathis Garnier et son équipe de dessinateurs", False), ("", False),
])
def test_is_name(text, yes):
    assert is_name(text) is yes


@pytest.mark.parametrize("text, yes", [
    ("Mathis Garnier", True), ("Jean de La Fontaine", True), ("Minion", False),
    ("Plan d'accès", False), ("Photo de groupe", False),
])
def test_looks_like_personal_name(text, yes):
    assert looks_like_personal_name(text) is yes


def test_credits_are_read_from_pad_prose():
    text = ("# Journée\n\n:::warning\n++Facilitation Graphique :++ Mathis Garnier\n:::\n\n"
            "*Le groupe devant la halle, photo : D. Martin*\n\n"
            "Illustrations : Zoé Lambert, Hugo Petit et Ana Roy.\n\n"
            "Photos by Sam Carter.\n\n© 2024 Collectif Exemple\n\n"
            "Images : voir ci-dessous\n\n"
            "```\nIllustrations : Nom Dans Le Code\n```\n")
    got = [(c.name, c.line) for c in credited_names(build_view(Pad.from_text(text)))]
    assert got == [("Mathis Garnier", 4), ("D. Martin", 7), ("Zoé Lambert", 9), ("Hugo Petit", 9), ("Ana Roy", 9),
                   ("Sam Carter", 11), ("Collectif Exemple", 13)]


def test_credit_in_alt():
    view = build_view(Pad.from_text("# J\n\nIllustrations : Zoé Lambert\n"))
    credited = credited_names(view)
    assert credit_in_alt("Zoé Lambert", credited)[1].name == "Zoé Lambert"
    assert credit_in_alt("zoe lambert.", credited)[1].name == "Zoé Lambert"
    assert credit_in_alt("Dessin par Zoé Lambert", credited)[1].name == "Zoé Lambert"
    assert credit_in_alt("Zoé Lambert dessinant au tableau", credited) is None
    assert credit_in_alt("© Jean Dupont", credited) == ("© Jean Dupont", None)
    assert credit_in_alt("Crédit photo : Ville de Nantes", credited)[1] is None
    assert credit_in_alt("Photo : D. Martin", credited)[1] is None
    assert credit_in_alt("par Hugo Petit", credited)[1] is None
    assert credit_in_alt("Photo de la fresque", credited) is None
    assert credit_in_alt("By the river at dawn", credited) is None


# -- "Photo : <description>" is a labelled description, "Photo : <name>" a credit -------------------

@pytest.mark.parametrize("alt", [
    "Photo : un vélo",                                   # the new-user report
    "Photo: a bike by the river",
    "Photo : la salle pendant la plénière",
    "Illustration : carte des ateliers du quartier",
    "Photo : Vélo rouge devant la mairie",               # a capitalised description is still a description
    "Photo : Nantes",                                    # one capitalised word that is nobody of the pad
    "Carte de crédit posée sur la table",                # "crédit" inside a description
    "By the river at dawn",
    "Photo : Zoé Lambert dessinant au tableau",          # a person in a description
])
def test_a_label_followed_by_a_description_is_not_a_credit(alt):
    credited = credited_names(build_view(Pad.from_text("# J\n\nIllustrations : Zoé Lambert\n")))
    assert credit_in_alt(alt, credited) is None


@pytest.mark.parametrize("alt, credit", [
    ("Photo : D. Martin", "Photo : D. Martin"),
    ("Photo: Jane Doe", "Photo: Jane Doe"),
    ("Illustration par Hugo Petit", "Illustration par Hugo Petit"),
    ("Image by Jane Doe", "Image by Jane Doe"),
    ("Photo : Hugo Petit et Ana Roy, 2024", "Photo : Hugo Petit et Ana Roy, 2024"),
    ("© Jean Dupont", "© Jean Dupont"),
    ("Crédit : la mairie", "Crédit : la mairie"),         # "Crédit :" always introduces a credit
    ("Crédit photo Ville de Nantes", "Crédit photo Ville de Nantes"),
    ("Vue du port © 2024 Jean Dupont", "© 2024 Jean Dupont"),
    ("Dessin de la salle (crédit Hugo Petit)", "crédit Hugo Petit"),
])
def test_a_label_followed_by_names_is_a_credit(alt, credit):
    credited = credited_names(build_view(Pad.from_text("# J\n\nIllustrations : Zoé Lambert\n")))
    assert credit_in_alt(alt, credited) == (credit, None)


def test_a_single_word_after_a_label_is_a_credit_only_for_a_person_of_the_pad():
    credited = credited_names(build_view(Pad.from_text("# J\n\nIllustrations : Zoé\n")))
    assert credit_in_alt("Photo : Zoé", credited)[1].name == "Zoé"       # credited by the pad
    assert credit_in_alt("Photo : Hugo", credited) is None                 # nobody of the pad
    assert credit_in_alt("Photo : Hugo", credited, people=["hugo"]) == ("Photo : Hugo", None)


def test_credit_finder_indexes_names_by_their_first_word():
    finder = CreditFinder([CreditedName("Zoé Lambert", "zoe lambert", "Illustrations", 3),
                           CreditedName("Zoé", "zoe", "Photo", 5)])
    assert [(c.name, a, b) for c, a, b in finder.index.occurrences("dessin de zoe lambert")] == [
        ("Zoé Lambert", 10, 21), ("Zoé", 10, 13)]
    assert finder.index.occurrences("zoey lambert") == []                 # whole words only
    assert finder.find("Dessin : Zoé Lambert")[1].name == "Zoé Lambert"
    assert finder.find("Zoé Lambert au tableau") is None


def test_the_document_is_loaded_once_and_only_for_a_name_like_alt():
    calls = []

    def load():
        calls.append(1)
        return [CreditedName("Ana Roy", "ana roy", "illustrator")], {"ana roy"}

    finder = CreditFinder([], load)
    assert finder.find("Photo : un vélo") is None and finder.find("Plan du site") is None
    assert calls == []
    assert finder.find("Ana Roy")[1].name == "Ana Roy"
    assert finder.find("Ana Roy") is not None and finder.find("Photo : Ana") is None
    assert calls == [1]


def test_alt_texts_credit_nobody():
    """An image's alt is not prose: "![Photo : Zoé Lambert](…)" does not make the pad credit
    Zoé Lambert, so "![Zoé Lambert](…)" elsewhere is not reported as a credit."""
    text = ("# J\n\n![Photo : Zoé Lambert](a.png)\n\n![Zoé Lambert](b.png)\n\n"
            "<img src=\"c.png\" alt=\"© Hugo Petit\">\n")
    assert credited_names(build_view(Pad.from_text(text))) == []


def test_credit_lines_come_from_the_source_offsets():
    """A link title spanning two lines used to shift the line of a later credit cue."""
    text = ("# J\n\nVoir [le site](https://e.org \"un titre\nsur deux lignes\") et\n"
            "Illustrations : Zoé Lambert\n\n> - Photos : Hugo Petit\n")
    got = [(c.name, c.line) for c in credited_names(build_view(Pad.from_text(text)))]
    assert got == [("Zoé Lambert", 5), ("Hugo Petit", 7)]
