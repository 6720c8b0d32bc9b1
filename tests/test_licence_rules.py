"""Licence rules LIC001–LIC005: fixture pads, the allowed list, and what the messages say.

Runs without ../shared.
"""

from __future__ import annotations

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
    assert "version missing" in d.message and "`License: CC BY-SA 4.0`" in d.help


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
