"""Licence surface forms (French and English) mapped to SPDX ids: data only.

Sources: the Creative Commons licence deeds (French and English names, URLs),
the SPDX License List, Etalab's Licence Ouverte, the GNU and Art Libre licence
pages, placeholders and false-positive traps seen in real pads; checked against the
SPDX licence list shipped with ``license-expression`` (SPDX 3.27). Every pattern is a Python
regular expression applied to text folded by :func:`pad_lint.licences.normalise.fold`:
lower case, no accents, ``'`` for every apostrophe, ``-`` for every dash, single
spaces. Write patterns in that folded form (``paternite``, not ``Paternité``).

Adding a wording: add an alternative to the right entry, then a case to
``tests/fixtures/licence/`` or ``tests/test_licence_detect.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# --------------------------------------------------------------------------------------
# Creative Commons (licences.md §3.1, rows 1-9): short codes, long names, URL codes.
# --------------------------------------------------------------------------------------

#: Licence elements in long names. Old French names: "Paternité" = BY, "Partage des
#: Conditions Initiales à l'Identique" = SA (CC 2.0/3.0 France, HAL wording).
CC_ELEMENTS: dict[str, tuple[str, ...]] = {
    "BY": ("attribution", "paternite"),
    "NC": ("pas d'utilisation commerciale", "pas d'usage commercial", "non[- ]?commercial(?:e)?",
           "noncommercial", "utilisation non commerciale"),
    "SA": ("partage dans les memes conditions", "partage des conditions initiales a l'identique",
           "partage selon les conditions initiales", "partage a l'identique", "share[- ]?alike"),
    "ND": ("pas de modifications?", "pas d'oeuvres? derivees?", "pas de travaux derives",
           "no[- ]?derivatives?", "no[- ]?derivative works", "noderivs", "noderivatives"),
}

#: Versions Creative Commons published for the six BY licences.
CC_VERSIONS: tuple[str, ...] = ("1.0", "2.0", "2.5", "3.0", "4.0")
#: Version assumed when a name carries none: only offered as a suggestion ("version missing").
CC_LATEST = "4.0"

#: Words after a version that name a jurisdiction port (France) or say "no port". Other
#: national ports ("CC BY-SA 3.0 AT", "3.0 Autriche") are read from data, not from this table:
#: the codes of the ports the SPDX list has ids for, and CLDR's country codes and names
#: (``pad_lint.licences.match._jurisdiction_after``).
CC_PORT_FR = r"(?:france|fr)"
CC_NO_PORT = r"(?:international|intl|unported|non transpose|generique|generic|universel|universal)"

#: "CC BY-SA 4.0", "CC-BY-SA", "cc by nc sa 3.0 fr", "CC-BY-NC-SA-4.0" (the SPDX id itself).
CC_SHORT = (r"\bcc[ -]?(?P<code>by(?:[ -](?:nc|sa|nd)){0,2})"
            r"(?:[ -]?v?(?P<version>\d\.\d)(?![\d.]\d))?"
            rf"(?:[ -](?:(?P<port>{CC_PORT_FR})|{CC_NO_PORT})\b)?(?![\w-]*[a-z0-9])")
#: "BY-NC-SA 4.0" without "CC": only inside a licence statement.
CC_BARE_CODE = (r"(?<![\w-])(?P<code>by-(?:nc|sa|nd)(?:-(?:nc|sa|nd))?)"
                r"(?:[ -]?v?(?P<version>\d\.\d)(?![\d.]\d))?(?![\w-]*[a-z0-9])")
#: "Creative Commons" followed (within the same sentence) by element names.
CC_FAMILY = r"\b(?:creative ?commons|\bcc licen[cs]e)\b"

#: CC0 and the Public Domain Mark (licences.md §3.1 rows 10-11).
CC0 = (r"\bcc ?0(?: ?(?:1\.0|v1))?(?: (?:universel|universal))?\b|\bcc[ -]zero\b|\bcreative commons zero\b"
       r"|\btransfert dans le domaine public\b|\bpublic domain dedication\b(?! and licen)")
PDM = r"\b(?:marque du domaine public|public domain mark)(?: 1\.0)?\b"


# --------------------------------------------------------------------------------------
# Other named licences (licences.md §3.1 rows 12-19).
# --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class NamedForm:
    """One licence family's wordings.

    ``pattern`` finds the name; ``version`` (searched right after the name,
    within ``window`` characters) picks the id in ``versions`` ("2" means "2.0").
    Without a stated version, ``default`` is used when the family has a single
    version, otherwise the finding is imprecise ("version missing") and
    ``suggest`` is offered. ``context="licence"`` forms (acronyms, software
    licences) only count inside a licence statement, never in ordinary prose.
    ``or_later`` turns the id into its ``-or-later`` variant (GNU licences).
    """

    family: str
    pattern: str
    versions: dict[str, str] = field(default_factory=dict)
    default: str | None = None
    suggest: str | None = None
    context: str = "any"
    version: str = r"^[\s,/()-]*(?:(?:open licen[cs]e|etalab|de l'etat|francaise)[\s,/()-]*)*(?:version|ver\.?|v\.?)?\s*(\d(?:\.\d)?)\b"
    window: int = 40
    or_later: str | None = None
    note: str = ""


NAMED_FORMS: tuple[NamedForm, ...] = (
    NamedForm("etalab",
              r"\blicence ouverte\b(?: ?/ ?open licen[cs]e\b)?|\bopen licen[cs]e(?= ?(?:version |v)?\d)"
              r"|\blicence etalab\b|\betalab(?: open)? licen[cs]e\b|\blicence ouverte etalab\b"
              r"|\betalab(?= ?v?[12](?:\.0)?\b)",
              versions={"2.0": "etalab-2.0", "1.0": "LicenseRef-etalab-1.0"}, suggest="etalab-2.0",
              note="Licence Ouverte / Etalab: the SPDX id is etalab-2.0 (LO-2.0 is not an SPDX id)"),
    NamedForm("etalab", r"\blo(?=[ -]?v?[12](?:\.0)?\b)", versions={"2.0": "etalab-2.0", "1.0": "LicenseRef-etalab-1.0"},
              suggest="etalab-2.0", context="licence"),
    NamedForm("LAL", r"\blicence art libre\b|\bfree art licen[cs]e\b",
              versions={"1.3": "LAL-1.3", "1.2": "LAL-1.2"}, suggest="LAL-1.3",
              note="Licence Art Libre: the SPDX ids are LAL-1.3 and LAL-1.2 (FAL-* is not an SPDX id)"),
    NamedForm("LAL", r"\b(?:lal|fal)\b", versions={"1.3": "LAL-1.3", "1.2": "LAL-1.2"}, suggest="LAL-1.3",
              context="licence"),
    NamedForm("ODbL", r"\bodbl\b|\bopen database licen[cs]e\b", versions={"1.0": "ODbL-1.0"}, default="ODbL-1.0"),
    NamedForm("ODC-By", r"\bodc-by\b|\bopen data commons attribution licen[cs]e\b",
              versions={"1.0": "ODC-By-1.0"}, default="ODC-By-1.0"),
    NamedForm("PDDL", r"\bpddl\b|\bpublic domain dedication and licen[cs]e\b",
              versions={"1.0": "PDDL-1.0"}, default="PDDL-1.0"),
    NamedForm("GFDL", r"\bgfdl\b|\bgnu fdl\b|\bgnu free documentation licen[cs]e\b"
              r"|\blicence de documentation libre(?: gnu)?\b|\bfdl gnu\b",
              versions={"1.1": "GFDL-1.1-only", "1.2": "GFDL-1.2-only", "1.3": "GFDL-1.3-only"},
              suggest="GFDL-1.3-or-later",
              or_later=r"^[^.;]{0,25}?(?:\+|ou (?:toute )?(?:version )?(?:ulterieure|posterieure)|or (?:any )?later)",
              note="GFDL-1.3 is deprecated in SPDX: say -only or -or-later"),
    NamedForm("GPL", r"\b(?:gnu )?gpl(?= ?v?\d)|\bgnu general public licen[cs]e\b",
              versions={"2": "GPL-2.0-only", "2.0": "GPL-2.0-only", "3": "GPL-3.0-only", "3.0": "GPL-3.0-only"},
              suggest="GPL-3.0-or-later", context="licence",
              or_later=r"^[^.;]{0,25}?(?:\+|ou (?:toute )?(?:version )?(?:ulterieure|posterieure)|or (?:any )?later)"),
    NamedForm("AGPL", r"\b(?:gnu )?agpl(?= ?v?\d)|\bgnu affero general public licen[cs]e\b",
              versions={"3": "AGPL-3.0-only", "3.0": "AGPL-3.0-only"}, default="AGPL-3.0-only", context="licence",
              or_later=r"^[^.;]{0,25}?(?:\+|ou (?:toute )?(?:version )?(?:ulterieure|posterieure)|or (?:any )?later)"),
    NamedForm("MIT", r"\bmit(?: licen[cs]e)?\b", versions={}, default="MIT", context="licence",
              note="'mit' is also a French verb: only read inside a licence statement"),
    NamedForm("Apache", r"\bapache(?: licen[cs]e)?(?= ?(?:version |v)?2)", versions={"2": "Apache-2.0", "2.0": "Apache-2.0"},
              default="Apache-2.0", context="licence"),
    NamedForm("CECILL", r"\bcecill(?![- ]?[bc]\b)", versions={"2.1": "CECILL-2.1", "2.0": "CECILL-2.0", "1.1": "CECILL-1.1"},
              suggest="CECILL-2.1", context="licence"),
    NamedForm("CECILL-B", r"\bcecill[- ]?b\b", versions={"1.0": "CECILL-B"}, default="CECILL-B", context="licence"),
    NamedForm("CECILL-C", r"\bcecill[- ]?c\b", versions={"1.0": "CECILL-C"}, default="CECILL-C", context="licence"),
    NamedForm("EUPL", r"\beupl\b", versions={"1.2": "EUPL-1.2", "1.1": "EUPL-1.1"}, suggest="EUPL-1.2", context="licence"),
)

# --------------------------------------------------------------------------------------
# Statements that are not SPDX licences (licences.md §3.1 rows 11, 18, 19).
# --------------------------------------------------------------------------------------

#: "Tous droits réservés": a state of its own, no SPDX id.
ALL_RIGHTS_RESERVED = r"\btous droits reserves\b|\ball rights reserved\b"
#: "domaine public" alone: no SPDX id; suggest CC0-1.0 (only counts inside a statement).
PUBLIC_DOMAIN = r"\bdomaine public\b|\bpublic domain\b"
#: "libre de droits" usually means royalty-free, not public domain.
ROYALTY_FREE = r"\blibres? de droits?\b|\broyalty[- ]free\b"

#: "licence libre", "open license": a kind of licence, not a licence.
FREE_LICENCE = r"\blicences? libres?\b|\bfree licen[cs]es?\b|\bopen(?:[- ]source)? licen[cs]es?\b|\blibre licen[cs]es?\b"

# --------------------------------------------------------------------------------------
# Placeholders (licences.md §3.2).
# --------------------------------------------------------------------------------------

#: Words that hold a licence slot open. Anchored by the caller (after "Licence :",
#: as a whole front-matter value, as a whole line under a licence heading, or
#: right after the word "licence").
PLACEHOLDER_WORDS = (
    r"a (?:preciser|definir|determiner|completer|choisir|venir|confirmer|voir|decider|trouver|mettre)"
    r"|en (?:attente|cours de (?:choix|discussion|reflexion)|discussion|reflexion)"
    r"|non (?:definie?|choisie?|precisee?|determinee?|renseignee?)"
    r"|pas encore (?:definie?|choisie?|decidee?)"
    r"|aucune?(?: (?:pour (?:l'instant|le moment)|encore))?|inconnue?|indeterminee?"
    r"|tbd|tbc|todo|to ?do|to be (?:defined|decided|determined|confirmed|chosen|added)"
    r"|pending|undecided|unknown|none(?: yet)?|not (?:yet )?(?:defined|decided|chosen|set)"
    r"|n/a|n\.a\."
)
#: Slot values made only of marks: "?", "???", "XXX", "...", "-".
PLACEHOLDER_MARKS = r"\?+|x{2,}|\.{2,}|\u2026|-+|_+"
#: A whole slot value that is a placeholder: the words or marks, then at most a short
#: remark ("TBD (ask the speakers)", "à préciser avec l'équipe"), never a sentence.
PLACEHOLDER_VALUE = (rf"(?:{PLACEHOLDER_WORDS}|{PLACEHOLDER_MARKS})"
                     r"(?:\s*[(\[][^)\]]*[)\]]?|\s*[-:,;.!]+(?:\s+\S+){0,6}|(?:\s+\S+){0,4})\s*[.!]?")
#: "licence à préciser", "license TBD", "(ou autre licence à préciser)": anywhere in prose.
PLACEHOLDER_AFTER_WORD = (
    rf"\blicen[cs]es?\b(?: (?:du|de ce|de cette|des|of this|for this) [\w' -]{{1,25}}?)?"
    rf"\s?(?:[:=-]\s?)?(?:(?:est|is|reste|remains|encore|still|toujours|yet) )*(?:{PLACEHOLDER_WORDS})(?![\w])(?! (?:of|de|des|du|d')\b)"
)

# --------------------------------------------------------------------------------------
# Where a statement is: labels, headings, verbs (licences.md §3.1, §3.5).
# --------------------------------------------------------------------------------------

#: "Licence :", "License:", "Licence du document :", "**Licence** -", "Licensing:".
LABEL = (r"^[\W_]*(?:(?:la|the|notre|our) )?(?:licen[cs]es?|licensing|conditions de reutilisation"
         r"|droits? (?:d'auteur|de reutilisation))"
         r"(?: (?:du|de ce|de cette|des|de la|of this|for this|of the|for the|d'utilisation) [\w' -]{1,25}?)?"
         r"\s?[:=-]+\s?(?P<value>.*)$")
#: "Licence CC BY-SA 4.0", "Licence à préciser": a line that starts with the word.
BARE_LABEL = r"^[\W_]*licen[cs]e (?P<value>.+)$"
#: Heading of a licence section ("## Licence", "## Licence et réutilisation", "## License").
LICENCE_HEADING = r"\blicen[cs]es?\b|\blicensing\b|\bdroits d'auteur\b|\bconditions de reutilisation\b"
#: Phrases that make the sentence a licensing statement about the pad.
STATEMENT_PHRASES = (
    r"\bsous (?:la |les termes de la |une |licence |la licence )"
    r"|\bsous(?= (?:cc|creative|licence|etalab|odbl|gfdl|cc0|lal)\b)"
    r"|\bselon les termes de la\b|\bmise? a disposition (?:selon|sous)\b"
    r"|\b(?:placee?s?|publiee?s?|diffusee?s?|distribuee?s?|partagee?s?|verse(?:e|es|s)?|mise?s?|dediee?s?|elevee?s?)"
    r" (?:sous|dans le domaine public|au domaine public)"
    r"|\blicen[cs]ed (?:under|as)\b|\b(?:released|published|available|distributed|shared|dedicated) "
    r"(?:under|to the public domain|into the public domain|in the public domain)\b"
    r"|\bunder (?:the |a )?(?=cc|creative|licen[cs]e)"
    r"|\blicencie?e?s? (?:sous|selon)\b|\bcette oeuvre est\b|\bthis work is licen[cs]ed\b"
)
#: Words that mark a sentence as being about licensing at all.
LICENCE_WORD = r"\blicen[cs](?:e|es|ed|ing|iee?s?)\b|\bspdx\b|\bdroits reserves\b|\brights reserved\b"
#: Sentences that talk *about* licences (a workshop on Creative Commons, a question) rather
#: than licensing the pad: their licence names only count under a label or a licence heading.
DISCUSSION = (r"\?\s*$|\b(?:discut\w*|compar\w*|parl\w+ (?:de|des|du)|debat\w*|expliqu\w*|present\w* (?:les|des)"
              r"|differences? entre|choisir (?:entre|une|la)|choix (?:entre|de la|d'une)|quelle licence|hesit\w* entre"
              r"|which licen[cs]e|discuss\w*|talk\w* about|explain\w*|difference between|choos\w* (?:between|a)"
              r"|exemples? de)\b"
              )
#: Sentences about software: a software licence named there licenses code, not the notes
#: ("le code est sous licence MIT", "code under the MIT License").
CODE_SUBJECT = (r"\b(?:code|codes? sources?|source code|logiciels?|scripts?|packages?|programmes?|programs?|software"
                r"|librairies?|library|libraries|bibliotheques?|applications?|apps?|plugins?|modules?|firmware|outils?)\b")
#: Licence families that fit notes and other content (the rest are software licences).
CONTENT_FAMILIES = frozenset({"CC", "CC0", "CC-PDM", "PD", "etalab", "LAL", "ODbL", "ODC-By", "PDDL", "GFDL",
                              "all-rights-reserved"})
#: An id-shaped word right after "sous licence" / "licensed under" (checked against SPDX).
ID_AFTER_PHRASE = (r"(?:sous (?:la )?licence|licen[cs]ed under(?: the| a)?|under the|licen[cs]e)\s+"
                   r"(?P<id>[a-z][\w.+]*[-.]?\d[\w.+-]*)")

