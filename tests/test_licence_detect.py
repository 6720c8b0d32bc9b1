"""Licence detection: folding, SPDX validation, wordings, URLs and the per-pad verdict.

Runs without ../shared: every pad here is written for the test.
"""

from __future__ import annotations

import pytest

import pad_lint
from pad_lint.licences import analyse_licence, check_expression, classify_url, detect_licence, find_names, satisfies
from pad_lint.licences.normalise import fold
from pad_lint.licences.spdx import canonical_id
from pad_lint.markdown.view import build_view
from pad_lint.source import Pad


def verdict(text: str):
    return detect_licence(build_view(Pad.from_text(text)))


# -- folding ------------------------------------------------------------------------------------------

def test_fold_removes_typography_and_keeps_source_offsets():
    src = "Pas d&#39;Utilisation  Commerciale – Paternité\u202f: œuvre"
    f = fold(src, base=100)
    assert f.text == "pas d'utilisation commerciale - paternite : oeuvre"
    a, b = f.source_range(f.text.index("d'u"), f.text.index("d'u") + 3)
    assert (a, b) == (104, 111)          # "d&#39;U": the entity is 5 source characters
    assert src[a - 100:b - 100] == "d&#39;U"
    a, b = f.source_range(f.text.index("oeuvre"), len(f.text))
    assert src[a - 100:b - 100] == "œuvre"


# -- SPDX expressions ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, normalized", [
    ("cc-by-sa-4.0", "CC-BY-SA-4.0"),
    ("GFDL-1.3", "GFDL-1.3-only"),                       # deprecated id, renamed
    ("MIT OR Apache-2.0", "MIT OR Apache-2.0"),
    ("LicenseRef-all-rights-reserved", "LicenseRef-all-rights-reserved"),
    ("etalab-2.0", "etalab-2.0"),
    ("LAL-1.3", "LAL-1.3"),
])
def test_valid_expressions_are_normalised(text, normalized):
    assert check_expression(text).normalized == normalized


@pytest.mark.parametrize("text", ["LO-2.0", "FAL-1.3", "Licence-Ouverte-2.0", "CC-BY-SA-3.0-FR"])
def test_ids_that_are_not_spdx_are_refused(text):
    check = check_expression(text)
    assert not check.valid and check.unknown == (text,)


@pytest.mark.parametrize("text", ["Elle mit fin au débat, or X11 est ancien", "Licence à préciser", "CC BY-SA 4.0"])
def test_prose_is_never_tokenized_as_an_expression(text):
    check = check_expression(text)
    assert not check.valid and check.error == "not an SPDX expression"


def test_allow_list_logic_for_and_or():
    assert satisfies("MIT OR GPL-3.0-only", {"MIT"})
    assert not satisfies("MIT AND GPL-3.0-only", {"MIT"})
    assert satisfies("cc-by-sa-4.0", {"CC-BY-SA-4.0"})


# -- wordings -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, spdx", [
    ("Licence Ouverte / Open Licence version 2.0 (Etalab)", "etalab-2.0"),
    ("Licence Etalab 2.0", "etalab-2.0"),
    ("Etalab 2.0", "etalab-2.0"),
    ("Creative Commons BY 4.0", "CC-BY-4.0"),                       # short code after the long name
    ("Licence Creative Commons BY-SA 4.0 International", "CC-BY-SA-4.0"),
    ("Creative Commons Paternité - Partage des Conditions Initiales à l'Identique 3.0 Unported", "CC-BY-SA-3.0"),
    ("Licence Creative Commons Attribution - Pas d&#39;Utilisation Commerciale - Partage dans les Mêmes "
     "Conditions 4.0 International", "CC-BY-NC-SA-4.0"),
    ("Creative Commons Attribution-ShareAlike 4.0 International", "CC-BY-SA-4.0"),
    ("Attribution – Pas de Modification 4.0 International", "CC-BY-ND-4.0"),
    ("CC BY-NC-ND 4.0", "CC-BY-NC-ND-4.0"),
    ("CC-BY-SA-4.0", "CC-BY-SA-4.0"),
    ("cc by nc sa 2.0 fr", "CC-BY-NC-SA-2.0-FR"),          # the one French port SPDX lists
    ("CC BY-SA 3.0 FR", "LicenseRef-CC-BY-SA-3.0-FR"),     # a real port without an SPDX id
    ("CC BY 4.0 France", "CC-BY-4.0"),                     # 4.0 has no ports
    ("CC0 1.0 universel", "CC0-1.0"),
    ("Marque du Domaine Public 1.0", "CC-PDM-1.0"),
    ("Licence Art Libre 1.3", "LAL-1.3"),
    ("Free Art License 1.2", "LAL-1.2"),
    ("Licence ODbL", "ODbL-1.0"),
    ("Open Database License", "ODbL-1.0"),
    ("GFDL 1.3 ou ultérieure", "GFDL-1.3-or-later"),
    ("GNU Free Documentation License 1.2", "GFDL-1.2-only"),
    ("Tous droits réservés", "LicenseRef-all-rights-reserved"),
    ("All rights reserved", "LicenseRef-all-rights-reserved"),
])
def test_wordings_map_to_spdx(text, spdx):
    found = [f for f in find_names(fold(text).text) if f.precise]
    assert [f.spdx for f in found] == [spdx]


@pytest.mark.parametrize("text, family, suggest", [
    ("Licence Creative Commons", "CC", None),
    ("CC BY-SA", "CC-BY-SA", "CC-BY-SA-4.0"),
    ("Licence Ouverte", "etalab", "etalab-2.0"),
    ("Licence Art Libre", "LAL", "LAL-1.3"),
    ("domaine public", "PD", "CC0-1.0"),
])
def test_imprecise_wordings_give_a_suggestion(text, family, suggest):
    [f] = find_names(fold(text).text)
    assert (f.spdx, f.family, f.suggest) == (None, family, suggest)


@pytest.mark.parametrize("url, spdx", [
    ("https://creativecommons.org/licenses/by-sa/4.0/deed.fr", "CC-BY-SA-4.0"),
    ("http://creativecommons.org/licenses/by-nc/4.0/legalcode.fr", "CC-BY-NC-4.0"),
    ("https://creativecommons.org/licenses/by-nc-sa/4.0/fr/", "CC-BY-NC-SA-4.0"),
    ("https://creativecommons.org/licenses/by-sa/3.0/fr/", "LicenseRef-CC-BY-SA-3.0-FR"),
    ("https://creativecommons.org/licenses/by-nc-sa/2.0/fr/", "CC-BY-NC-SA-2.0-FR"),
    ("https://creativecommons.org/publicdomain/zero/1.0/deed.fr", "CC0-1.0"),
    ("https://creativecommons.org/publicdomain/mark/1.0/", "CC-PDM-1.0"),
    ("https://i.creativecommons.org/l/by-nc-sa/4.0/88x31.png", "CC-BY-NC-SA-4.0"),
    ("https://licensebuttons.net/l/by/4.0/80x15.png", "CC-BY-4.0"),
    ("https://img.shields.io/badge/License-CC_BY--SA_4.0-lightgrey.svg", "CC-BY-SA-4.0"),
    ("https://www.etalab.gouv.fr/licence-ouverte-open-licence", "etalab-2.0"),
    ("https://www.etalab.gouv.fr/wp-content/uploads/2017/04/ETALAB-Licence-Ouverte-v2.0.pdf", "etalab-2.0"),
    ("https://github.com/etalab/licence-ouverte/blob/master/LO.md", "etalab-2.0"),
    ("https://opendatacommons.org/licenses/odbl/1-0/", "ODbL-1.0"),
    ("https://artlibre.org/licence/lal/en/", "LAL-1.3"),
    ("https://www.gnu.org/licenses/fdl-1.3.html", "GFDL-1.3-only"),
    ("https://spdx.org/licenses/MIT.html", "MIT"),
])
def test_licence_urls(url, spdx):
    assert classify_url(url).spdx == spdx


@pytest.mark.parametrize("url", ["https://creativecommons.org/about/cclicenses/", "https://example.org/licences",
                                 "https://pad.example.org/uploads/upload_1.png", "not a url"])
def test_urls_that_name_no_licence(url):
    assert classify_url(url) is None


def test_versionless_badge_is_imprecise():
    f = classify_url("https://mirrors.creativecommons.org/presskit/buttons/88x31/png/by-sa.png")
    assert (f.spdx, f.suggest) == (None, "CC-BY-SA-4.0")


# -- verdicts -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, status, spdx", [
    # where statements are
    ("# T\n\nLicence : CC BY-SA 4.0\n", "declared", "CC-BY-SA-4.0"),
    ("# T\n\n**Licence** : CC BY 4.0\n", "declared", "CC-BY-4.0"),
    ("# T\n\n## Licence\n\nCC BY 4.0\n", "declared", "CC-BY-4.0"),
    ("# T\n\n## License\n\nThe notes are CC0.\n", "declared", "CC0-1.0"),
    ("# T\n\nCes notes sont sous CC BY-SA 4.0.\n", "declared", "CC-BY-SA-4.0"),
    ("# T\n\nThese notes are released under the MIT License.\n", "declared", "MIT"),
    ("# T\n\nLicence :\nCC BY-NC 4.0\n", "declared", "CC-BY-NC-4.0"),
    ("# T\n\nLicence : https://creativecommons.org/licenses/by/4.0/\n", "declared", "CC-BY-4.0"),
    ("# T\n\nLicence : Apache-2.0\n", "declared", "Apache-2.0"),
    ("# T\n\nLicence : LAL 1.3\n", "declared", "LAL-1.3"),
    ("# T\n\nLicence : CeCILL-B\n", "declared", "CECILL-B"),
    ("# T\n\nPublié sous licence CC BY-SA 4.0 ou GFDL 1.3 ou ultérieure.\n", "declared",
     "CC-BY-SA-4.0 OR GFDL-1.3-or-later"),
    ("---\nlicence: CC-BY-SA-4.0\n---\n# T\n", "declared", "CC-BY-SA-4.0"),
    ("---\nlicense: https://creativecommons.org/licenses/by/4.0/\n---\n# T\n", "declared", "CC-BY-4.0"),
    ("---\nlicense: GFDL-1.3\n---\n# T\n", "declared", "GFDL-1.3-only"),
    ("<!-- SPDX-License-Identifier: CC0-1.0 -->\n# T\n", "declared", "CC0-1.0"),
    ("# T\n\nSPDX-License-Identifier: MIT\n", "declared", "MIT"),
    ("# T\n\n![CC BY](https://i.creativecommons.org/l/by/4.0/88x31.png)\n", "declared", "CC-BY-4.0"),
    ("# T\n\n[CC BY-SA 4.0](https://creativecommons.org/licenses/by-sa/4.0/)\n", "declared", "CC-BY-SA-4.0"),
    ("# T\n\nLicence : [CC BY-SA](https://creativecommons.org/licenses/by-sa/4.0/)\n", "declared", "CC-BY-SA-4.0"),
    ("# T\n\n© 2025 X. Tous droits réservés.\n", "declared", "LicenseRef-all-rights-reserved"),
    # placeholders
    ("---\nlicense:\n---\n# T\n", "placeholder", None),
    ("---\nlicense: ~\n---\n# T\n", "placeholder", None),
    ("---\nlicense: \"\"\n---\n# T\n", "placeholder", None),
    ("# T\n\nLicense: to be decided\n", "placeholder", None),
    ("# T\n\nLicence : ?\n", "placeholder", None),
    ("# T\n\nLicence : XXX\n", "placeholder", None),
    ("# T\n\nLicence : aucune pour l'instant\n", "placeholder", None),
    ("# T\n\nla licence est encore à définir\n", "placeholder", None),
    ("# T\n\nLicence : CC BY-SA 4.0\n\nLicence à préciser\n", "placeholder", None),
    # unrecognised
    ("# T\n\nLicence : Licence Ouverte\n", "unrecognised", None),
    ("# T\n\nLicence : libre de droits\n", "unrecognised", None),
    ("# T\n\nLicence : la nôtre\n", "unrecognised", None),
    ("<!-- SPDX-License-Identifier: Licence-Ouverte-2.0 -->\n# T\n", "unrecognised", None),
    ("# T\n\n![](https://mirrors.creativecommons.org/presskit/buttons/88x31/png/by-sa.png)\n", "unrecognised", None),
    # conflicts
    ("# T\n\nLicence : CC BY-SA 4.0\n\n![](https://i.creativecommons.org/l/by/4.0/88x31.png)\n", "conflict", None),
    ("# T\n\nLicence : CC BY-SA 4.0\n\nCe compte rendu est versé dans le domaine public.\n", "conflict", None),
    ("# T\n\nLicence : CC BY-SA 4.0, CC BY-NC 4.0\n", "conflict", None),
    # nothing
    ("# T\n\nCamille mit fin au débat, or X11 reste installé.\n", "missing", None),
    ("# T\n\nTrois étudiants en licence professionnelle.\n", "missing", None),
    ("# T\n\nLes partitions de Bach sont dans le domaine public.\n", "missing", None),
    ("# T\n\nNous avons discuté des licences CC BY et CC BY-SA.\n", "missing", None),
    ("# T\n\nQuelle licence choisir : CC BY ou CC BY-SA ?\n", "missing", None),
    ("# T\n\nExemple :\n\n```\nLicence : CC BY-SA 4.0\n```\n", "missing", None),
    ("# T\n\nÀ copier : `Licence : CC BY-SA 4.0`\n", "missing", None),
    ("# T\n\nVoir https://creativecommons.org/licenses/ pour comprendre.\n", "missing", None),
    ("# T\n\nCe mémo n'a pas encore de licence choisie.\n", "missing", None),
])
def test_verdicts(text, status, spdx):
    lic = verdict(text)
    assert (lic.status, lic.spdx) == (status, spdx)


def test_verdict_carries_statement_span_and_candidates():
    text = "# Atelier\n\nCe support est sous licence CC BY 4.0 (ou autre licence à préciser).\n"
    lic = verdict(text)
    assert lic.status == "placeholder"
    assert lic.candidates == ["CC-BY-4.0"]
    assert lic.span.start_line == 3 and lic.statement.startswith("Ce support")


def test_conflict_lists_every_licence_seen():
    text = "# T\n\nLicence : [CC BY-SA 4.0](https://creativecommons.org/licenses/by-nc/4.0/)\n"
    a = analyse_licence(build_view(Pad.from_text(text)))
    assert a.licence.status == "conflict"
    assert set(a.licence.candidates) == {"CC-BY-SA-4.0", "CC-BY-NC-4.0"}
    assert {s.origin for s in a.conflicting} == {"label", "link"}


def test_event_document_carries_the_same_verdict():
    text = "# Atelier\n\nLicence : Licence Ouverte 2.0\n"
    assert pad_lint.parse(text).licence == verdict(text)
    assert pad_lint.parse(text).licence.spdx == "etalab-2.0"


def test_missing_and_placeholder_are_distinct_states():
    missing = verdict("# Atelier\n\nRien.\n")
    placeholder = verdict("# Atelier\n\nLicence à préciser\n")
    assert missing.status == "missing" and missing.span is None and missing.statement is None
    assert placeholder.status == "placeholder" and placeholder.span.start_line == 3


def test_every_declared_id_is_a_valid_spdx_expression_or_licenseref():
    for text in ("Licence : CC BY-SA 3.0 FR", "Licence : Licence Ouverte 1.0", "Licence : CC BY-NC-SA 4.0"):
        spdx = verdict(f"# T\n\n{text}\n").spdx
        assert spdx and check_expression(spdx).valid, text


def test_canonical_ids():
    assert canonical_id("cc-by-sa-4.0") == "CC-BY-SA-4.0"
    assert canonical_id("LO-2.0") is None


# -- wordings seen in public Markdown files (public code index), as whole pads -----------------------------

@pytest.mark.parametrize("text, status, spdx, candidates", [
    ("## 6. Licence et citation\n\nLicence à préciser. Pour toute question d'usage ou de réutilisation, "
     "contacter l'autrice.\n", "placeholder", None, []),
    ("## Licence\n\nProjet en développement actif. Licence à préciser.\n", "placeholder", None, []),
    ("---\n\n© 2024 – Projet Mastodonte  \nLicence à préciser\n", "placeholder", None, []),
    ("## Licence & auteur\n\nAuteur : [X](https://example.org/x) — *licence à préciser dans le dépôt.*\n",
     "placeholder", None, []),
    ("## 📜 Licence\n\nProjet développé dans le cadre d'un cours — Usage académique.  \n"
     "Licence à préciser selon diffusion.\n", "placeholder", None, []),
    ("## Licence\n\nCe projet est sous licence [MIT](LICENSE) *(ou autre licence à préciser)*.\n",
     "placeholder", None, ["MIT"]),
    ("## License\n\nLicense: TBD (see LICENSE file for more info).\n", "placeholder", None, []),
    ("Les contenus sont mis à disposition sous licence Creative Commons CC BY-NC-SA 4.0 "
     "(Attribution — Pas d'utilisation commerciale — Partage dans les mêmes conditions).\n",
     "declared", "CC-BY-NC-SA-4.0", ["CC-BY-NC-SA-4.0"]),
    ("Les analyses et contenus produits sont mis à disposition sous licence Creative Commons\n"
     "Attribution - Pas d'Utilisation Commerciale - Partage dans les Mêmes Conditions 4.0 International,\n"
     "sauf mention contraire.\n", "declared", "CC-BY-NC-SA-4.0", ["CC-BY-NC-SA-4.0"]),
    ("## License\n\nThese notes are licensed under [Creative Commons Attribution 4.0 International (CC BY 4.0)]"
     "(LICENSE):\nyou can share and adapt them as long as you give credit.\n", "declared", "CC-BY-4.0", ["CC-BY-4.0"]),
    ("By contributing you agree that your notes are licensed under [CC BY-SA 4.0](LICENSE) and code under the "
     "[MIT License](LICENSE-CODE).\n", "declared", "CC-BY-SA-4.0", ["CC-BY-SA-4.0"]),
    ("## License\n\nThe notes are licensed under CC BY-NC 4.0. The companion Python package is licensed\n"
     "under MIT.\n", "declared", "CC-BY-NC-4.0", ["CC-BY-NC-4.0"]),
    ("[![Creative Commons License](https://i.creativecommons.org/l/by-sa/4.0/88x31.png)]"
     "(http://creativecommons.org/licenses/by-sa/4.0/) These lecture notes are licensed under a "
     "[Creative Commons Attribution-ShareAlike 4.0 International License](http://creativecommons.org/licenses/by-sa/4.0/).\n",
     "declared", "CC-BY-SA-4.0", ["CC-BY-SA-4.0"]),
    ("Licence\n=====\nEncas est mis à disposition sous licence GNU GPL v3.\n", "declared", "GPL-3.0-only",
     ["GPL-3.0-only"]),
    ("## Licence\n\nCe projet est mis à disposition sous licence MIT.\n", "declared", "MIT", ["MIT"]),
    ("Le compte rendu est publié sous licence libre.\n", "unrecognised", None, []),
    ("Le code produit pendant le hackathon est sous licence MIT.\n", "missing", None, []),
    ("Le protocole a été publié sous Licence OWFa-1.0 en 2017.\n", "unrecognised", None, []),
])
def test_wordings_seen_in_public_documents(text, status, spdx, candidates):
    lic = verdict(text)
    assert (lic.status, lic.spdx, lic.candidates) == (status, spdx, candidates)
