"""Alt-text judgement helpers (pad_lint.images): verdicts, reasons, credits. Runs without ../shared."""

from __future__ import annotations

import pytest

from pad_lint.images import (credit_in_alt, credited_names, is_decorative, is_name, judge_alt,
                             looks_like_personal_name, normalise_alt, poor_alt_reason)
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
