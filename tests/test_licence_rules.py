"""Licence rules LIC001–LIC005: fixture pads, the allowed list, and what the messages say.

Runs without ../shared.
"""

from __future__ import annotations

import re

import pytest

import pad_lint
from pad_lint.config import parse_config
from pad_lint.errors import ConfigError
from pad_lint.rules.registry import all_rules

from conftest import FIXTURES, expected_diagnostics

LICENCE_FIXTURES = sorted((FIXTURES / "licence").glob("*.md"))


def lic(text: str, **licence) -> list:
    cfg = parse_config({"select": ["LIC"], **({"licence": licence} if licence else {})})
    return pad_lint.lint(text, config=cfg)


def codes(text: str, **licence) -> list[tuple[str, int, int]]:
    return sorted((d.code, d.span.start_line, d.span.start_column) for d in lic(text, **licence))


def test_licence_rules_are_registered_with_docs():
    rules = {r.code: r for r in all_rules() if r.family == "licence"}
    assert [(c, rules[c].name) for c in sorted(rules)] == [
        ("LIC001", "missing-licence"), ("LIC002", "licence-placeholder"), ("LIC003", "unrecognised-licence"),
        ("LIC004", "licence-not-allowed"), ("LIC005", "conflicting-licences")]
    for r in rules.values():
        assert r.summary and r.source and len(r.explanation) > 200 and r.example, r.code


@pytest.mark.parametrize("path", LICENCE_FIXTURES, ids=lambda p: p.name)
def test_fixture(path):
    text = path.read_text(encoding="utf-8")
    assert codes(text) == expected_diagnostics(text)


def test_fixtures_cover_every_rule():
    declared = {code for p in LICENCE_FIXTURES for code, _, _ in expected_diagnostics(p.read_text(encoding="utf-8"))}
    assert declared == {"LIC001", "LIC002", "LIC003", "LIC004", "LIC005"}


# -- LIC004 and the allowed list ----------------------------------------------------------------------

NC_PAD = "# Atelier\n\nLicence : CC BY-NC-SA 4.0\n"


def test_any_recognised_licence_is_allowed_by_default():
    assert codes(NC_PAD) == []
    assert codes("# T\n\nLicence : CC BY-SA 3.0 FR\n") == []       # LicenseRef- for a real port


def test_restricted_allowed_list():
    assert codes(NC_PAD, allowed=["CC-BY-4.0", "CC-BY-SA-4.0"]) == [("LIC004", 3, 1)]
    assert codes(NC_PAD, allowed=["cc-by-nc-sa-4.0"]) == []          # ids compare case-insensitively


def test_or_expression_is_allowed_when_one_choice_is():
    text = "# T\n\nPublié sous licence CC BY-SA 4.0 ou GFDL 1.3 ou ultérieure.\n"
    assert codes(text, allowed=["CC-BY-SA-4.0"]) == []
    assert codes(text, allowed=["CC-BY-4.0"]) == [("LIC004", 3, 1)]


def test_all_rights_reserved_needs_explicit_permission():
    text = "# T\n\nTous droits réservés.\n"
    assert codes(text) == [("LIC004", 3, 1)]
    assert codes(text, allowed=["LicenseRef-all-rights-reserved"]) == []


def test_allowed_entries_must_be_spdx_ids():
    with pytest.raises(ConfigError, match="not an SPDX licence id"):
        parse_config({"licence": {"allowed": ["CC BY-SA 4.0"]}})
    assert parse_config({"licence": {"allowed": ["gfdl-1.3"]}}).licence.allowed == ["GFDL-1.3-only"]


# -- messages -----------------------------------------------------------------------------------------

def only(text: str, **licence):
    [d] = lic(text, **licence)
    return d


def test_missing_message_gives_an_example_in_the_pad_language():
    fr = only("# Atelier vélo\n\nNous avons réparé trois vélos pour les habitants du quartier.\n")
    en = only("# Bike workshop\n\nWe repaired three bikes for the people of the neighbourhood.\n")
    assert fr.code == en.code == "LIC001"
    assert "`Licence : CC BY-SA 4.0`" in fr.help and "`License: CC BY-SA 4.0`" in en.help
    assert "reused" in fr.message


def test_placeholder_message_quotes_the_placeholder():
    d = only("# Atelier\n\nLicence à préciser\n")
    assert d.code == "LIC002" and "“Licence à préciser”" in d.message and "Licence : CC BY-SA 4.0" in d.help
    d = only("# Atelier\n\nCe support est sous licence CC BY 4.0 (ou autre licence à préciser).\n")
    assert "names CC BY 4.0 but leaves the choice open" in d.message and "`Licence : CC BY 4.0`" in d.help
    d = only("---\nlicense: TBD\n---\n# Meeting\n\nWe met.\n")
    assert "`license: CC-BY-SA-4.0`" in d.help


def test_unrecognised_message_suggests_the_spdx_id():
    d = only("# Atelier\n\nCe compte rendu est placé dans le domaine public.\n")
    assert d.code == "LIC003" and "“domaine public”" in d.message and "CC0 1.0 (SPDX id `CC0-1.0`)" in d.message
    assert "`Licence : CC0 1.0`" in d.help
    d = only("<!-- SPDX-License-Identifier: LO-2.0 -->\n# Atelier\n\nDonnées publiées.\n")
    assert "`etalab-2.0`" in d.message and d.help == "Write a valid SPDX id, for example `etalab-2.0`."
    d = only("# Meeting\n\nLicense: CC BY-SA\n")
    assert "the version is missing" in d.message and "`License: CC BY-SA 4.0`" in d.help


def test_conflict_message_names_both_licences_and_places():
    d = only("# Lexique\n\nLicence : [Attribution – Partage dans les mêmes conditions 4.0]"
             "(https://creativecommons.org/licenses/by-nc/4.0/)\n")
    assert d.code == "LIC005"
    assert "CC BY-SA 4.0 (the licence line on line 3)" in d.message
    assert "CC BY-NC 4.0 (the link address on line 3)" in d.message


def test_not_allowed_message_lists_the_allowed_licences():
    d = only(NC_PAD, allowed=["CC-BY-4.0", "CC-BY-SA-4.0"])
    assert "CC BY-NC-SA 4.0" in d.message and "(CC BY 4.0, CC BY-SA 4.0)" in d.message
    assert "`Licence : CC BY 4.0`" in d.help


def test_one_verdict_gives_at_most_one_licence_diagnostic():
    for text in ("# T\n", "# T\n\nLicence à préciser\n", "# T\n\nLicence : Creative Commons\n",
                 "# T\n\nLicence : CC BY 4.0\n\n![](https://i.creativecommons.org/l/by-sa/4.0/88x31.png)\n"):
        assert len(lic(text, allowed=["MIT"])) == 1, text


# -- a front-matter `license` that is not text ----------------------------------------------------

def test_a_yaml_list_licence_is_not_a_statement_and_never_a_conflict():
    """The new-user report: PAD003 says HedgeDoc ignores `license: [CC-BY-4.0, MIT]` (HedgeDoc 2
    reads a string), so LIC005 must not report a conflict from it."""
    text = "---\nlicense: [CC-BY-4.0, MIT]\n---\n# Réunion\n\nNous avons parlé du budget.\n"
    structure = pad_lint.lint(text, config=parse_config({"select": ["PAD003"]}))
    assert [d.code for d in structure] == ["PAD003"]     # the structure rule: HedgeDoc ignores it
    [d] = lic(text)
    assert (d.code, d.span.start_line) == ("LIC001", 2)
    assert "The front matter's `license` on line 2 is not text (a YAML list), so HedgeDoc ignores it" in d.message
    assert "`license: CC-BY-4.0 OR MIT`" in d.help
    assert codes(text.replace("Nous avons", "Licence : CC BY 4.0\n\nNous avons")) == []
    assert codes("---\nlicense: [CC-BY-4.0]\n---\n# T\n\nLicence : CC BY-NC 4.0\n") == []


@pytest.mark.parametrize("value, kind", [("{id: MIT}", "a YAML mapping"), ("4.0", "a number"), ("true", "a boolean")])
def test_other_non_text_licence_values_are_ignored_too(value, kind):
    [d] = lic(f"---\nlicense: {value}\n---\n# T\n\nTexte.\n")
    assert d.code == "LIC001" and f"is not text ({kind})" in d.message


def test_a_non_text_value_is_noted_in_lic003():
    [d] = lic("---\nlicense: [CC-BY-4.0, MIT]\n---\n# T\n\nLicence : Creative Commons\n")
    assert d.code == "LIC003" and "The front matter's `license` on line 2 is not text" in d.message


def test_analysis_keeps_ignored_values_apart():
    from pad_lint.licences import analyse_licence
    from pad_lint.markdown.view import build_view
    from pad_lint.source import Pad

    a = analyse_licence(build_view(Pad.from_text("---\nlicence: [CC-BY-4.0, MIT]\n---\n# T\n")))
    assert a.licence.status == "missing" and a.licence.candidates == [] and a.signals == []
    assert [(s.status, s.line, s.candidates) for s in a.ignored] == [("ignored", 2, ("CC-BY-4.0", "MIT"))]


# -- line numbers come from spans --------------------------------------------------------------------

INVALID_FRONT_MATTER = "---\ntitle: [oops\nfoo: bar\nlicense: CC-BY-SA-4.0\n---\n# Balade\n\nTexte.\n\nLicence : CC BY-NC 4.0\n"


def test_lines_cited_are_the_lines_of_the_licence_words():
    """The new-user report: with invalid YAML (HedgeDoc shows it as text), the licence words are on
    line 4 of a paragraph that starts on line 2; LIC005 said "the sentence on line 2"."""
    structure = pad_lint.lint(INVALID_FRONT_MATTER, config=parse_config({"select": ["PAD003"]}))
    assert [d.code for d in structure] == ["PAD003"]     # invalid YAML: HedgeDoc shows the block as text
    [d] = lic(INVALID_FRONT_MATTER)
    assert d.code == "LIC005" and (d.span.start_line, d.span.start_column) == (4, 1)
    assert "CC BY-SA 4.0 (the sentence on line 4)" in d.message
    assert "CC BY-NC 4.0 (the licence line on line 10)" in d.message
    assert "line 2" not in d.message


def test_every_cited_line_holds_what_is_cited():
    texts = [
        INVALID_FRONT_MATTER,
        "# T\n\nCe compte rendu, rédigé par\nl'équipe, est placé sous licence\nCC BY-SA 4.0.\n\nLicence : CC BY 4.0\n",
        "# T\n\nNotes prises\nensemble, licence à préciser\n",
        "# T\n\nLe texte est publié\nsous licence Creative Commons.\n",
    ]
    for text in texts:
        lines = text.split("\n")
        [d] = lic(text)
        cited = [int(n) for n in re.findall(r"on line (\d+)", d.message)]
        assert cited, d.message
        for n in cited:
            assert re.search(r"(?i)licen[cs]e|CC|Creative|préciser", lines[n - 1]), (n, d.message)


# -- quotes of found text ----------------------------------------------------------------------------

def test_quoted_text_is_a_clean_bounded_excerpt():
    """The new-user report: LIC003 on a file that is not a pad (a Markdown list item with bold
    labels) produced a garbled sentence starting with a lower-case letter."""
    text = ("# Sources\n\n- **Licence:** **none** of the 26 documents carries a content licence line. That is "
            "realistic, and a \"missing licence\" rule would fire on every one.\n")
    [d] = lic(text)
    assert d.code == "LIC003"
    assert d.message.startswith("The licence line on line 3 says “none of the 26 documents carries a content "
                                "licence line”, which does not tell readers which licence applies")
    assert "**" not in d.message and "realistic" not in d.message
    long_section = "# T\n\n## Licence\n\n" + "On en reparlera plus tard avec toutes les personnes présentes. " * 5 + "\n"
    [d] = lic(long_section)
    quoted = d.message.split("“", 1)[1].split("”", 1)[0]
    assert " … " in quoted and len(quoted) <= 62 and quoted.startswith("On en reparlera")


def test_excerpt_removes_markup_and_cuts_in_the_middle():
    from pad_lint.licences.excerpt import excerpt

    assert excerpt("**Licence** : [CC BY-SA 4.0](https://creativecommons.org/licenses/by-sa/4.0/)") == \
        "“Licence : CC BY-SA 4.0”"
    assert excerpt("![Licence](https://i.creativecommons.org/l/by-sa/4.0/88x31.png") == "“Licence”"
    assert excerpt("<a rel=\"license\" href=\"x\"></a>", "https://creativecommons.org/licenses/by/4.0/") == \
        "“https://creativecommons.org/licenses/by/4.0/”"
    long = excerpt("https://creativecommons.org/licenses/by-nc-sa/4.0/deed.fr?utm_source=x&utm_medium=y&z=1")
    assert long.startswith("“https://creativecommons.org/") and " … " in long and long.endswith("z=1”")
    assert excerpt("") == "" and excerpt("**", "") == ""


def test_licence_messages_read_well():
    cases = {
        "# T\n": "LIC001", "# T\n\nLicence à préciser\n": "LIC002", "# T\n\nLicence :\n\nTexte.\n": "LIC002",
        "---\nlicense:\n---\n# T\n": "LIC002", "# T\n\n## Licence\n\n## Suite\n\nTexte.\n": "LIC002",
        "# T\n\nLicence : Creative Commons\n": "LIC003",
        "<!-- SPDX-License-Identifier: LO-2.0 -->\n# T\n": "LIC003",
        "# T\n\n![](https://mirrors.creativecommons.org/presskit/buttons/88x31/png/by-sa.png)\n": "LIC003",
        "# T\n\nTous droits réservés.\n": "LIC004",
        "# T\n\nLicence : CC BY 4.0\n\n![](https://i.creativecommons.org/l/by-sa/4.0/88x31.png)\n": "LIC005",
    }
    for text, code in cases.items():
        [d] = lic(text)
        assert d.code == code, (text, d)
        for field in (d.message, d.help):
            assert field[0].isupper(), field
            assert not re.search(r"\ba (?:SPDX|[aeiou]\w*)\b", field), field
            assert field.count("`") % 2 == 0 and field.count("“") == field.count("”"), field
            assert field.count("(") == field.count(")"), field
            assert "((" not in field and ") (" not in field, field
    [d] = lic("# T\n\n## Licence\n\n## Suite\n\nTexte.\n")
    assert "under the heading on line 3" in d.message
    [d] = lic("---\nlicense:\n---\n# T\n")
    assert "the front-matter `license` key on line 2 has no value" in d.message


def test_sources_cite_public_references_only():
    for r in all_rules():
        if r.family in ("licence", "images"):
            assert "shared/" not in r.source and "shared/" not in r.explanation, r.code
