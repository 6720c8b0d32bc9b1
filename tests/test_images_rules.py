"""Image rules IMG001–IMG006: fixture pads, options and messages. Runs without ../shared."""

from __future__ import annotations

import re

import pytest

import pad_lint
from pad_lint.config import parse_config
from pad_lint.rules.registry import all_rules

from conftest import FIXTURES, expected_diagnostics

IMAGE_FIXTURES = sorted((FIXTURES / "images").glob("*.md"))


def img(text: str, **images) -> list:
    return pad_lint.lint(text, config=parse_config({"select": ["IMG"], **({"images": images} if images else {})}))


def codes(text: str, **images) -> list[tuple[str, int, int]]:
    return sorted((d.code, d.span.start_line, d.span.start_column) for d in img(text, **images))


def test_image_rules_are_registered_with_docs():
    rules = {r.code: r for r in all_rules() if r.family == "images"}
    assert [(c, rules[c].name) for c in sorted(rules)] == [
        ("IMG001", "missing-alt"), ("IMG002", "placeholder-alt"), ("IMG003", "repeated-alt"),
        ("IMG004", "credit-as-alt"), ("IMG005", "alt-too-long"), ("IMG006", "image-link-without-name")]
    for r in rules.values():
        assert r.summary and r.source and len(r.explanation) > 200 and r.example, r.code
    assert "RGAA" in rules["IMG004"].source and "WCAG" in rules["IMG001"].source


@pytest.mark.parametrize("path", IMAGE_FIXTURES, ids=lambda p: p.name)
def test_fixture(path):
    text = path.read_text(encoding="utf-8")
    assert codes(text) == expected_diagnostics(text)


def test_fixtures_cover_every_rule():
    declared = {code for p in IMAGE_FIXTURES for code, _, _ in expected_diagnostics(p.read_text(encoding="utf-8"))}
    assert declared == {"IMG001", "IMG002", "IMG003", "IMG004", "IMG005", "IMG006"}


def test_default_alt_length_is_the_rgaa_80_characters():
    alt80 = ("Plan de la salle des fêtes " * 4)[:80]
    assert len(alt80) == 80
    assert codes(f"# T\n\n![{alt80}](x.png)\n") == []
    assert codes(f"# T\n\n![{alt80}c](x.png)\n") == [("IMG005", 3, 1)]
    assert codes(f"# T\n\n![{alt80}c](x.png)\n", **{"max-alt-length": 120}) == []
    [d] = img(f"# T\n\n![{alt80}c](x.png)\n")
    assert d.severity.value == "info" and "81 characters" in d.message and "limit is 80" in d.message


def test_each_image_gets_one_labelling_verdict():
    """An unlabelled linked image is IMG006, not IMG001 as well; a placeholder is not also repeated."""
    text = "# T\n\n[![](a.png)](https://a.example.org)\n\n![photo](b.png)\n\n![photo](c.png)\n"
    assert codes(text) == [("IMG002", 5, 1), ("IMG002", 7, 1), ("IMG006", 3, 2)]


def test_image_in_a_named_link_is_judged_alone():
    text = '# T\n\n<a href="https://a.example.org" aria-label="Accueil"><img src="a.png"></a>\n'
    assert codes(text) == [("IMG001", 3, 54)]


def test_images_in_code_are_ignored():
    assert codes("# T\n\n```\n![](a.png)\n<img src=\"b.png\">\n```\n\nEn ligne : `![](c.png)`\n") == []


# -- messages -----------------------------------------------------------------------------------------

def only(text: str, code: str):
    found = [d for d in img(text) if d.code == code]
    assert len(found) == 1, found
    return found[0]


def test_missing_alt_message_explains_hedgedoc_uploads():
    d = only("# Atelier vélo\n\nNous avons réparé trois vélos.\n\n![](https://h/uploads/upload_1.jpg)\n", "IMG001")
    assert "HedgeDoc leaves the alt text empty on every uploaded image" in d.message
    assert "![Description courte de l'image](…)" in d.help
    d = only("# Bike workshop\n\nWe repaired three bikes with the people.\n\n![](https://h/uploads/upload_1.jpg)\n",
             "IMG001")
    assert "![Short description of the image](…)" in d.help


def test_title_only_message_offers_the_title_as_alt():
    d = only("# Sortie\n\n![](carte.png \"Boucle de 6 km au départ de la gare\")\n", "IMG001")
    assert "tooltip" in d.message and "`![Boucle de 6 km au départ de la gare](…)`" in d.help


def test_placeholder_message_says_why():
    d = only("# Visio\n\n![Capture d’écran 2025-03-03 à 18.42.07](u.png)\n", "IMG002")
    assert "default name of a screenshot" in d.message
    d = only('# AG\n\n![""](u.png)\n', "IMG002")
    assert "quotes" in d.message


def test_credit_message_points_to_the_credit_and_suggests_a_caption():
    text = ("# Journée\n\n![Mathis Garnier](a.jpg)\n\nLes ateliers ont eu lieu dans la salle des fêtes.\n\n"
            "Facilitation graphique : Mathis Garnier\n")
    d = only(text, "IMG004")
    assert "Facilitation graphique" in d.message and "line 7" in d.message
    assert "`*Illustration : Mathis Garnier*`" in d.help and "caption" in d.help


def test_repeated_alt_message_lists_the_lines():
    d = img("# T\n\n![Plan du site](a.png)\n\n![Plan du site](b.png)\n")[0]
    assert d.code == "IMG003" and "2 different images (lines 3 and 5)" in d.message


def test_link_without_name_message_names_the_destination():
    d = only("# Partenaires\n\nMerci à nos partenaires pour leur soutien.\n\n[![](logo.png)](https://asso.example.org)\n",
             "IMG006")
    assert "https://asso.example.org" in d.message and "[![Site de …](image)](adresse)" in d.help


def test_illustrators_from_the_event_document_count_for_credit_as_alt():
    from pad_lint.config import Config
    from pad_lint.event.models import Person, RoleAssignment
    from pad_lint.markdown.view import build_view
    from pad_lint.rules.context import LintContext
    from pad_lint.rules.images import CREDIT_AS_ALT
    from pad_lint.source import Pad

    text = "# Journée\n\n![Ana Roy](a.jpg)\n\nMerci à Ana Roy pour ses beaux dessins de la journée.\n"

    def run(people):
        view = build_view(Pad.from_text(text))
        ctx = LintContext(pad=view.pad, view=view, config=Config())
        doc = pad_lint.parse(text)
        doc.people[:] = people
        ctx.__dict__["document"] = doc           # what the extractor would have found
        return list(CREDIT_AS_ALT.check(ctx))

    assert run([]) == []                          # the prose alone credits nobody
    [d] = run([Person(name="Ana Roy", roles=[RoleAssignment(role="illustrator")])])
    assert d.code == "IMG004" and "Ana Roy" in d.message and "illustrator" in d.message
    assert run([Person(name="Ana Roy", roles=[RoleAssignment(role="speaker")])]) == []


def test_a_labelled_description_is_not_reported_as_a_credit():
    """The new-user report: "Photo : un vélo" is a description introduced by a label."""
    assert codes("# Balade\n\n![Photo : un vélo](https://example.org/v.png)\n") == []
    assert codes("# Balade\n\n![Photo : D. Martin](https://example.org/v.png)\n") == [("IMG004", 3, 1)]
    text = "# Balade\n\nPhotos : Zoé Lambert\n\n![Photo : Zoé Lambert](https://example.org/v.png)\n"
    d = only(text, "IMG004")
    assert "the pad credits Zoé Lambert for the images under “Photos” on line 3" in d.message
    assert "`*Illustration : Zoé Lambert*`" in d.help


def test_a_credit_after_a_description_is_quoted_on_its_own():
    d = only("# Port\n\n![Vue du port au lever du soleil © 2024 Jean Dupont](p.jpg)\n", "IMG004")
    assert d.message.startswith("The alt text “Vue du port au lever du soleil © 2024 Jean Dupont” ends with a "
                                "credit (“© 2024 Jean Dupont”)")
    assert "caption" in d.message and "caption" in d.help


def test_messages_quote_long_alts_with_an_ellipsis_in_the_middle():
    alt = "Photographie de la fresque peinte sur le mur de l'école Jules-Ferry par les enfants du quartier"
    [d] = img(f"# T\n\n![{alt}](a.png)\n\n![{alt}](b.png)\n", **{"max-alt-length": 200})[:1]
    quoted = d.message.split("“", 1)[1].split("”", 1)[0]
    assert " … " in quoted and quoted.startswith("Photographie de la") and quoted.endswith("du quartier")
    assert len(quoted) <= 62


def test_every_message_starts_with_a_capital_and_uses_an_before_a_vowel():
    text = ("# T\n\n![](a.png)\n\n![  ](b.png)\n\n![](c.png \"Plan\")\n\n<img src=\"d.png\">\n\n"
            "<img src=\"e.png\" alt=\"\" title=\"x\">\n\n![photo](f.png)\n\n![IMG_1234](g.png)\n\n"
            "![Plan du site](h.png)\n\n![Plan du site](i.png)\n\n![© Jean Dupont](j.png)\n\n"
            f"![{'Une description beaucoup trop longue ' * 4}](k.png)\n\n[![](l.png)](https://example.org)\n")
    found = img(text)
    assert {d.code for d in found} == {"IMG001", "IMG002", "IMG003", "IMG004", "IMG005", "IMG006"}
    for d in found:
        for field in (d.message, d.help):
            assert field[0].isupper(), field
            assert not re.search(r"\ba (?:image|alt|HTML|empty|[aeiou]\w*)\b", field), field
            assert field.count("`") % 2 == 0 and field.count("“") == field.count("”"), field
