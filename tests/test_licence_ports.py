"""Creative Commons national ports (2.0, 2.5, 3.0): prose and URL give the same id.

The URL parser always read the jurisdiction of ``…/licenses/by-sa/3.0/es/``; prose only
knew the France ports, so "CC BY-SA 3.0 ES" linked to the Spanish port was a conflict
(LIC005). Both now go through :func:`pad_lint.licences.match.ported`: the SPDX id when the
SPDX list has the port (``CC-BY-SA-3.0-AT``), else ``LicenseRef-CC-…-ES``.

Runs without ../shared.
"""

from __future__ import annotations

import re

import pytest

import pad_lint
from pad_lint.config import parse_config
from pad_lint.licences import analyse_licence, classify_url, find_names
from pad_lint.licences.normalise import fold
from pad_lint.licences.spdx import canonical_id, cc_port_codes, licensing
from pad_lint.markdown.view import build_view
from pad_lint.source import Pad

CC = "https://creativecommons.org/licenses"


def lic_codes(text: str) -> list[str]:
    return sorted(d.code for d in pad_lint.lint(text, config=parse_config({"select": ["LIC"]})))


def analysis(text: str):
    return analyse_licence(build_view(Pad.from_text(text)))


def names(text: str) -> list[str | None]:
    """Ids find_names reads in ``text``, with capitals visible (as the analysis calls it)."""
    f = fold(text)
    return [n.spdx for n in find_names(f.text, lambda a, b: text[slice(*f.source_range(a, b))])]


def test_the_reported_false_conflict_is_gone():
    text = f"# Atelier\n\nLicence : [CC BY-SA 3.0 ES]({CC}/by-sa/3.0/es/)\n"
    a = analysis(text)
    assert (a.licence.status, a.licence.spdx) == ("declared", "LicenseRef-CC-BY-SA-3.0-ES")
    assert {(s.origin, s.spdx) for s in a.signals} == {("label", "LicenseRef-CC-BY-SA-3.0-ES"),
                                                       ("link", "LicenseRef-CC-BY-SA-3.0-ES")}
    assert "LIC005" not in lic_codes(text)


@pytest.mark.parametrize("label, path, spdx", [
    ("CC BY-SA 3.0 AT", "by-sa/3.0/at/", "CC-BY-SA-3.0-AT"),
    ("CC BY 3.0 DE", "by/3.0/de/deed.de", "CC-BY-3.0-DE"),
    ("CC BY-SA 2.0 UK", "by-sa/2.0/uk/", "CC-BY-SA-2.0-UK"),
    ("CC BY 3.0 IGO", "by/3.0/igo/", "CC-BY-3.0-IGO"),
    ("CC BY-NC-ND 3.0 IGO", "by-nc-nd/3.0/igo/legalcode", "CC-BY-NC-ND-3.0-IGO"),
    ("CC BY 2.5 AU", "by/2.5/au/", "CC-BY-2.5-AU"),
    ("CC BY-NC-SA 2.0 DE", "by-nc-sa/2.0/de/", "CC-BY-NC-SA-2.0-DE"),
    ("CC BY 3.0 US", "by/3.0/us/", "CC-BY-3.0-US"),
    ("CC BY-NC 3.0 ES", "by-nc/3.0/es/", "LicenseRef-CC-BY-NC-3.0-ES"),    # a real port SPDX lacks
    ("CC BY-SA 3.0 FR", "by-sa/3.0/fr/", "LicenseRef-CC-BY-SA-3.0-FR"),    # unchanged
])
def test_link_text_and_address_name_the_same_port(label, path, spdx):
    text = f"# Atelier\n\nLicence : [{label}]({CC}/{path})\n"
    a = analysis(text)
    assert (a.licence.status, a.licence.spdx) == ("declared", spdx)
    assert classify_url(f"{CC}/{path}").spdx == spdx
    assert lic_codes(text) == []


def test_every_port_spdx_lists_is_read_from_prose_and_from_its_url():
    """Data-driven: every ``CC-…-<version>-<CODE>`` id of the SPDX list (2.0, 2.5, 3.0)."""
    ported = re.compile(r"(CC-BY(?:-(?:NC|SA|ND))*)-(2\.0|2\.5|3\.0)-([A-Z]+)")
    ids = sorted(canonical_id(k) for k in licensing().known_symbols if ported.fullmatch(k))
    assert "CC-BY-SA-3.0-AT" in ids and "CC-BY-3.0-IGO" in ids and len(ids) >= 15
    for spdx in ids:
        family, version, code = ported.fullmatch(spdx).groups()
        short = "CC " + family.removeprefix("CC-") + f" {version} {code}"
        url = f"{CC}/{family.removeprefix('CC-').lower()}/{version}/{code.lower()}/"
        assert names(short) == [spdx], short
        assert classify_url(url).spdx == spdx, url
        text = f"# Notes\n\nLicence : [{short}]({url})\n"
        assert (analysis(text).licence.status, analysis(text).licence.spdx) == ("declared", spdx), text


def test_port_codes_come_from_the_spdx_list():
    assert {"AT", "AU", "DE", "IGO", "NL", "UK", "US"} <= cc_port_codes()


@pytest.mark.parametrize("text, spdx", [
    ("Creative Commons Attribution-ShareAlike 3.0 Austria", "CC-BY-SA-3.0-AT"),   # the SPDX / CC long name
    ("Licence Creative Commons Attribution 3.0 Allemagne", "CC-BY-3.0-DE"),       # French country name
    ("CC BY-SA 3.0 Autriche pour ces notes", "CC-BY-SA-3.0-AT"),
    ("Attribution - Pas d'Utilisation Commerciale 3.0 Espagne", "LicenseRef-CC-BY-NC-3.0-ES"),
    ("Licence : CC BY-SA 3.0 ES (Espagne)", "LicenseRef-CC-BY-SA-3.0-ES"),
])
def test_country_names_and_codes_in_prose(text, spdx):
    assert [s for s in names(text) if s] == [spdx]


@pytest.mark.parametrize("text, spdx", [
    ("cc by 3.0 de la fondation", "CC-BY-3.0"),        # "de" is a French word: codes count in capitals
    ("CC BY-SA 3.0 es", "CC-BY-SA-3.0"),
    ("CC BY 3.0 ET CC0 1.0", "CC-BY-3.0"),              # ET (and) is followed by more words: not Ethiopia
    ("CC BY 3.0 Jordan Smith", "CC-BY-3.0"),            # a name, not the country, when the sentence goes on
    ("CC BY 4.0 DE", "CC-BY-4.0"),                      # 4.0 has no national ports
    ("CC BY-NC-SA 2.0 FR", "CC-BY-NC-SA-2.0-FR"),       # France as before
])
def test_words_after_a_version_that_are_not_ports(text, spdx):
    assert names(text)[0] == spdx


def test_a_port_without_capitals_agrees_with_nothing_new():
    """Without the source (tests call find_names on folded text), a code is never read."""
    assert [n.spdx for n in find_names(fold("CC BY-SA 3.0 AT").text)] == ["CC-BY-SA-3.0"]
    assert [n.spdx for n in find_names(fold("CC BY-SA 3.0 Austria").text)] == ["CC-BY-SA-3.0-AT"]


def test_a_badge_reads_the_port():
    assert classify_url("https://img.shields.io/badge/License-CC_BY--SA_3.0_AT-lightgrey.svg").spdx == "CC-BY-SA-3.0-AT"
