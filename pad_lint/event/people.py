"""People, their roles and organisations, read from French and English cues.

What is read (every fact keeps the span it came from):

* **cue lines** — a line (list item, paragraph line, ``[bracketed]`` line) that starts
  with a role cue, followed by names: ``Introduite par **Armand Leclerc**, Président de
  l'[Association FORSE](…)``, ``Animée par …``, ``moderated by …``, ``Prise de notes :
  A, B et C``, ``Facilitation graphique : …``, ``notes by …``, ``mise en place … : X``.
  A cue with nothing after it (``Participants :``, ``Animé par :``) applies to the
  nested list items below it; a heading that is only a cue (``## Présent·e·s``,
  ``Participant·es``, ``## Attendees``, ``# Tour de table``) to the lines of its section.
* **entries** ``Name - Role chez [Org](url)``, ``Name, IR, IReMus``, ``Name (Lyon)``,
  ``Name | Institution | @handle``: the name, a job title and the organisation (linked or
  after ``chez``/``at``, or an organisation already known by name).
* **[name=…] tags** that HedgeDoc renders (list items, blockquotes), with an optional
  role after a colon: ``[name=Claire : référente prise de note]``; without a role the
  person is the author of the item (``speaker``).
* **speaker turns** ``**Léa** : …`` (bold name then a colon), and ``Name :`` or initials
  ``TB :`` when they resolve to someone already named; ``Armand Leclerc prend la parole``.
* **partners**: links in a sentence about partners or sponsors.

"Animé(e) par" means ``moderator`` in a round table, Q&A or talk, ``host`` in an
introduction or closing and ``facilitator`` elsewhere (workshops).

Spellings of one person merge: same letters ignoring case, accents and hyphens
(``Nadia BERTIN``/``Nadia Bertin``, ``Elodie``/``Élodie``), a first name alone or initials
that match exactly one full name (``Claire`` -> ``Claire Fabre``, ``TB`` -> ``Tristan
Bernier``), and full names whose words differ by at most one typing slip each
(``Pattrick``/``Patrick``, ``Lafrague``/``Lafargue``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..markdown.view import PadView
from ..spans import Span
from . import models as m
from .lines import Line, LiteralGate, PlainLink, block_lines, clean_inline, gate_fold

# ----------------------------------------------------------------------------- cues

_INCL = r"(?:[·.‧•⋅\-/]?(?:e|es|s|x|se|ses|rice|rices|euse|euses|elle|elles|fe|ve|ves|ne|nes))*"
_SEP = r"(?![\w·])\s*(?:[:：]|\bpar\b|\bby\b)?\s*"

#: (role, regex matched at the start of a plain line). ``animated`` is resolved by session kind.
ROLE_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("pad_setup", re.compile(r"(?i)^mise en place\b[^:]{0,80}[:：]")),
    ("illustrator", re.compile(r"(?i)^(?:facilitation graphique|graphic (?:facilitation|recording)|illustrations?|"
                               r"sketch-?notes?|dessins?|illustrat(?:eur|rice|or)s?" + _INCL + r")" + _SEP)),
    ("note_taker", re.compile(r"(?i)^(?:r[ée]f[ée]rent" + _INCL + r"\s+)?(?:prises? de notes?|notes? prises? par|notes?"
                              r" par|notes? by|notes taken by|note[- ]?tak(?:er|ers|ing)|scribes?|secr[ée]tari(?:at|e)|"
                              r"compte[- ]rendu (?:r[ée]dig[ée] )?par|minutes(?: by)?|rapporteu" + _INCL + r")" + _SEP)),
    ("introducer", re.compile(r"(?i)^(?:introdu(?:it|ite|its|ites|ced)\s+(?:par|by)|introduction\s+(?:par|by))\s*:?\s*")),
    ("moderator", re.compile(r"(?i)^(?:mod[ée]r[ée]" + _INCL + r"\s+(?:par|by)|moderated\s+by|mod[ée]ration|"
                             r"mod[ée]rat(?:eur|rice|or)s?" + _INCL + r"|chair(?:ed by)?)" + _SEP)),
    ("animated", re.compile(r"(?i)^(?:anim[ée]" + _INCL + r"\s+(?:par|by)|animation|animat(?:eur|rice)" + _INCL + r")" + _SEP)),
    ("facilitator", re.compile(r"(?i)^(?:facilit[ée]" + _INCL + r"\s+(?:par|by)|facilitated\s+by|facilitation|"
                               r"facilitat(?:eur|rice|or)" + _INCL + r")" + _SEP)),
    ("host", re.compile(r"(?i)^(?:h[ôo]te" + _INCL + r"|hosted\s+by|accueilli" + _INCL + r"\s+par|hosts?)" + _SEP)),
    ("speaker", re.compile(r"(?i)^(?:pr[ée]sent[ée]" + _INCL + r"\s+par|presented\s+by|speakers?|orat(?:eur|rice)" + _INCL +
                           r"|intervenant" + _INCL + r"|conf[ée]renci(?:er|[èe]re)" + _INCL + r"|panélistes?|panelists?)" + _SEP)),
    ("participant", re.compile(r"(?i)^(?:participant" + _INCL + r"|pr[ée]sent" + _INCL + r"|attendees|attendance|"
                               r"roll\s*call|who(?:'s| is) here|參與者(?:簽到)?|参与者|出席)" + _SEP)),
]
#: Any of :data:`ROLE_CUES` (the same patterns as one alternation): a line that does not
#: match it cannot match any of them, so the cues are tried one by one only after it does.
_ANY_ROLE_CUE = re.compile("(?i)^(?:" + "|".join("(?:" + p.pattern.removeprefix("(?i)^") + ")" for _r, p in ROLE_CUES)
                           + ")")


def _first_chars(pattern: re.Pattern[str]) -> str | None:
    """The characters, as written in ``pattern``, one of which every match starts with
    (``None`` when the parsed pattern does not tell: a class, a possibly empty match…).

    Read from the parsed pattern like :func:`.lines._required_literals`: a sequence starts
    with what its first item that cannot match the empty string starts with, together with
    what the (possibly empty) items before it start with; anchors and lookarounds are skipped
    (they match no character); an alternation starts with what any branch starts with."""
    try:
        import re._constants as c
        import re._parser as parser
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_constants as c  # type: ignore[no-redef]
        import sre_parse as parser  # type: ignore[no-redef]
    repeats = {c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)}

    def sequence(items) -> tuple[set[str], bool] | None:  # noqa: ANN001 - parser items
        """(first characters, whether the sequence can match the empty string)"""
        firsts: set[str] = set()
        for op, av in items:
            if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
                continue
            found = item(op, av)
            if found is None:
                return None
            firsts |= found[0]
            if not found[1]:
                return firsts, False
        return firsts, True

    def item(op, av) -> tuple[set[str], bool] | None:  # noqa: ANN001
        if op is c.LITERAL:
            return {chr(av)}, False
        if op is c.IN and len(av) <= 8 and all(o is c.LITERAL for o, _v in av):
            return {chr(v) for _o, v in av}, False
        if op is c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            return None if add_flags or del_flags else sequence(sub.data)
        if op is c.BRANCH:
            firsts: set[str] = set()
            empty = False
            for branch in av[1]:
                found = sequence(branch.data)
                if found is None:
                    return None
                firsts |= found[0]
                empty = empty or found[1]
            return firsts, empty
        if op in repeats:
            low, _high, sub = av
            found = sequence(sub.data)
            return None if found is None else (found[0], found[1] or low == 0)
        return None

    if not isinstance(pattern.pattern, str):
        return None
    try:
        found = sequence(parser.parse(pattern.pattern, pattern.flags).data)
    except Exception:  # noqa: BLE001 - a parser this code does not know: no gate, never a wrong answer
        return None
    return None if found is None or found[1] else "".join(sorted(found[0]))


_CUE_FIRSTS = _first_chars(_ANY_ROLE_CUE)
#: A necessary condition of :data:`_ANY_ROLE_CUE` (a match at the same place): the text starts
#: with one of the characters a cue starts with, matched by ``re`` with the cues' own flags
#: (so the case-insensitive equivalences are ``re``'s). Most lines start with another character
#: and skip the ten-cue alternation.
_CUE_START = re.compile("[" + "".join(map(re.escape, _CUE_FIRSTS)) + "]" if _CUE_FIRSTS else "",
                        _ANY_ROLE_CUE.flags & re.IGNORECASE)
#: The cues as searched in the role written after a ``[name=…:`` tag's colon.
_TAG_ROLE_CUES = [(r, re.compile(p.pattern.lstrip("^").replace("(?i)", ""), re.I)) for r, p in ROLE_CUES]
#: Headings that announce a list of people (the whole heading is the cue).
ROSTER_HEADING = re.compile(r"(?i)^\s*(?:participant" + _INCL + r"|pr[ée]sent" + _INCL + r"|pr[ée]sences?|attendees|attendance|"
                            r"roll\s*call|tour de table|參與者(?:簽到)?|参与者|出席(?:者)?)\s*[:：]?\s*$")
_ROSTER_AT_END = re.compile(r"(?i)\b(roll\s*call|participant" + _INCL + r"|pr[ée]sent" + _INCL + r"|attendees|"
                            r"sign in below)\s*[:：]\s*$")
_ROSTER_AT_END_GATE = LiteralGate(_ROSTER_AT_END)
_PARTNER = re.compile(r"(?i)\b(partenaires?|partners?|sponsors?|m[ée]c[èe]nes?|soutenu|supported|financ\w*|funded)\b")
_ORGANISER = re.compile(r"(?i)\b(organis[ée]e?s? par|organi[sz]ed by|co-?organis\w*)\b")
_PARTNER_GATE, _ORGANISER_GATE = LiteralGate(_PARTNER), LiteralGate(_ORGANISER)
_TURN_VERBS = re.compile(r"(?i)^\s+(?:prend la parole|pr[ée]sente|ouvre|introduit|accueille|souhaite la bienvenue|"
                         r"intervient|takes the floor|presents|opens|welcomes|introduces)\b")
_PLACEHOLDER = re.compile(r"(?i)^(?:my ?name|name|nom|pr[ée]nom|your name|votre nom|\(?add name\)?|ajouter (?:votre )?nom|"
                          r"x+|\?+|\.\.\.|…|tbd|à définir|todo|someone|quelqu'un|nobody|personne)$")
_PARTICLES = {"de", "du", "des", "d'", "d’", "le", "la", "van", "von", "der", "den", "di", "da", "del", "dos", "ben",
              "bin", "al", "el", "y", "e", "van der", "ter", "st", "saint"}
#: Capitalised words that start lines but are not people ("Remarques :", "Date :").
_NOT_NAMES = {
    "remarque", "remarques", "question", "questions", "reponse", "reponses", "date", "dates", "note", "notes", "nb",
    "ps", "exemple", "exemples", "example", "attention", "conclusion", "merci", "lien", "liens", "link", "links",
    "source", "sources", "theme", "sujet", "sujets", "pour", "voir", "todo", "objectif", "objectifs", "contexte",
    "proposition", "suivi", "decision", "decisions", "action", "actions", "bilan", "programme", "agenda", "resume",
    "idee", "idees", "probleme", "solution", "solutions", "discussion", "presentation", "points", "point", "info",
    "infos", "important", "rappel", "update", "updates", "q", "r", "a", "ok", "lieu", "horaire", "horaires", "heure",
    "time", "where", "when", "what", "who", "why", "how", "pourquoi", "comment", "quoi", "qui", "ou", "quand",
    "definition", "principe", "materiel", "but", "regles", "variante", "variantes", "intro", "introduction",
    "sommaire", "tags", "tag", "licence", "license", "inclusivite", "discussion", "next", "steps", "prochaine",
    "prochaines", "etape", "etapes", "ordre", "du", "jour", "compte", "rendu", "cr", "pv", "ag", "ca", "faq", "tldr",
    "edit", "maj", "update", "warning", "danger", "success", "tip", "astuce", "consigne", "consignes", "annonce",
    "annonces", "mot", "fin", "debut", "pause", "dejeuner", "repas", "demo", "demos", "test", "tests", "resultat",
    "resultats", "conclusions", "ressources", "ressource", "materiels", "documentation", "doc", "docs", "agent",
    "agents", "participants", "presents", "absents", "absent", "excuses", "excuse", "public", "cible", "duree",
    "niveau", "age", "prerequis", "objectives", "goal", "goals", "summary", "background", "context", "problem",
    "answer", "reply", "comment", "comments", "feedback", "retour", "retours", "vote", "votes", "proposal",
    "decision", "accepted", "acceptee", "suivi", "status", "statut", "prochain", "prochaine", "reunion", "meeting",
    "videoconference", "visio", "adresse", "address", "contact", "email", "mail", "tel", "telephone", "site", "web",
}
#: Honorifics written before a name ("M. Martin", "Mme Dubois", "Dr. Durand", "Pr Leroy"):
#: the person is kept, the honorific is not part of the name.
HONORIFIC = re.compile(r"^(?:M\.|MM\.|Mmes?\.?|Mlles?\.?|Mr\.?|Mrs\.?|Ms\.?|Mx\.?|Drs?\.?|Pr\.?|Prof\.?|Madame|"
                       r"Monsieur|Mademoiselle|Docteure?|Professeure?|Miss)\s+(?=[A-ZÀ-Ý])")
_HONORIFIC = r"(?:(?:M\.|MM\.|(?:Mmes?|Mlles?|Mr|Mrs|Ms|Mx|Drs?|Pr|Prof)\.?|Madame|Monsieur|Mademoiselle|Docteure?|" \
             r"Professeure?|Miss)\s+)"
_HONORIFIC_PREFIX = _HONORIFIC + "?"


def strip_honorific(name: str) -> tuple[str, int]:
    """``(name without its honorific, number of characters removed)``: ``M. Martin`` -> ``("Martin", 3)``."""
    lead = len(name) - len(name.lstrip())
    found = HONORIFIC.match(name.lstrip())
    if not found or not name.lstrip()[found.end():].strip():
        return name, 0
    return name.lstrip()[found.end():], lead + found.end()


_TRAILING_PREP = re.compile(r"(?i)[\s,]*(?:chez|at|au|aux|à la|à l['’]|à|de la|de l['’]|du|des|de|d['’]|pour|for|with|"
                            r"avec|@|in|dans|from|of|,|-|–|—|:)\s*$")
_SPLIT_NAMES = re.compile(r",\s+|,(?=[A-ZÀ-Ý])|\s*;\s*|\s+et\s+|\s+and\s+|\s*&\s*|\s+\+\s+|\s+/\s+")
_ENTRY_SEPS = (" - ", " – ", " — ", " : ", ", ", " (", " | ", " / ", " aka ", " alias ", "\t")
_CREDIT_ROLES = {"note_taker", "illustrator", "pad_setup"}
_PARENTHESES = re.compile(r"\s*\([^)]*\)\s*")
_FIELD_SPLIT = re.compile(r"\s*[|/]\s*")
_AT_ORG = re.compile(r"(?:\b[Cc]hez|\bat)\s+(?P<org>[A-ZÀ-Ý0-9][^,;()]*)")
_PLAIN_TURN = re.compile(r"^\s*(?P<name>" + _HONORIFIC_PREFIX + r"[A-ZÀ-Ý][\w'’\-]+(?: [A-ZÀ-Ý][\w'’\-]+){0,2}|"
                         r"[A-Z]{2,4})\s?[:：]\s")
_CONTACT = re.compile(r"\b\d{5}\b|@|\b(?:rue|avenue|bd|boulevard|place|campus|cedex)\b", re.I)
_WORD, _MORE = r"[A-ZÀ-Ý][\w'’\-]+", r"(?: (?:[A-ZÀ-Ý][\w'’\-]+|de|du|le|la))"
_VERB_TURN = re.compile(rf"^\s*(?P<name>{_HONORIFIC}{_WORD}{_MORE}{{0,3}}|{_WORD}{_MORE}{{1,3}})")
_SELF_INTRO = re.compile(r"(?:\b[Jj]e suis|\b[Jj]e m'appelle|\bI am|\bI'm|\bmy name is)\s+(?P<name>[A-ZÀ-Ý][\w'’\-]+"
                         r"(?: [A-ZÀ-Ý][\w'’\-]+){1,2})")
_SPONSOR = re.compile(r"(?i)sponsor|m[ée]c[èe]n|financ|funded")
_HEADING_BY = re.compile(r"(?i)\s(?:par|by)\s+(?P<names>.+)$")
_HEADING_DASH = re.compile(r"\s[-–—]\s+(?P<names>(?:(?!\s[-–—]\s)[^()])+?)\s*(?:\([^)]*\))?\s*$")
_HEADING_BY_GATE, _HEADING_DASH_GATE = LiteralGate(_HEADING_BY), LiteralGate(_HEADING_DASH)
_HEADING_BRACKETS = re.compile(r"\s*\[(?P<names>[^\]=]{2,60})\]\s")
_TAG_COLON = re.compile(r"\s*[:：]\s*")
_DIGIT = re.compile(r"\d")
_URL_SCHEME = re.compile(r"(?i)^https?://(www\.)?")
_ARTICLE = re.compile(r"^(?:the|l|la|le|les) ")


#: Hyphens, underscores and dots read as spaces by :func:`fold` (runs of them collapse with the spaces).
_FOLD_SPACES = str.maketrans(dict.fromkeys("-‐‑–_.", " "))
_TOKEN_SPLIT = re.compile(r"[\s\-‐‑]+")
_combining = unicodedata.combining
_normalize = unicodedata.normalize


def fold(text: str) -> str:
    """Lower case, no accents, hyphens and spaces collapsed: the key spellings merge on."""
    if text.isascii():   # NFKD leaves ASCII as it is and there is no accent to drop
        t = text.lower()
    else:
        t = "".join(c for c in _normalize("NFKD", text) if not _combining(c)).lower()
    return " ".join(t.translate(_FOLD_SPACES).split())


def _tokens(name: str) -> list[str]:
    return [t for t in _TOKEN_SPLIT.split(name) if t]


_ELIDED_PARTICLE = re.compile(r"(?i)d['’]\w+")     # d'Artagnan


#: Answers of :func:`name_like` (a pure function) for the pad being read: cleared for each pad.
_NAME_LIKE_SEEN: dict[tuple[str, int], bool] = {}


def name_like(text: str, *, max_tokens: int = 4) -> bool:
    """Does ``text`` look like a person's name (capitalised words, particles allowed)?

    A leading honorific (``M.``, ``Mme``, ``Dr``…) is not counted: ``M. Martin`` is a name.
    """
    found = _NAME_LIKE_SEEN.get((text, max_tokens))
    if found is None:
        if len(_NAME_LIKE_SEEN) >= 20_000:
            _NAME_LIKE_SEEN.clear()
        found = _NAME_LIKE_SEEN[(text, max_tokens)] = _name_like(text, max_tokens)
    return found


def _name_like(text: str, max_tokens: int) -> bool:
    text = strip_honorific(text.strip())[0].strip()
    if not text or len(text) > 60:
        return False
    words = text.split()
    if not 1 <= len(words) <= max_tokens or any(map(str.isdigit, text)):
        return False
    capitalised = 0
    for w in words:
        core = w.strip(".,;:()'’\"«»")
        if core.lower() in _PARTICLES or _ELIDED_PARTICLE.fullmatch(core) and core[2:3].isupper():
            continue
        if not core or not core[0].isupper():
            return False
        if not core.isalpha() and not all(c.isalpha() or c in "-'’." for c in core):
            return False
        if core.isupper() and len(core) <= 3 and len(words) > 1:
            return False      # an acronym (IR, MCF, ERC), not a name word
        capitalised += 1
    if capitalised == 0:
        return False
    if len(words) == 1 and text.isupper() and len(text) > 1:
        return False          # an acronym (FORSE, AFNOR); initials are read as initials elsewhere
    first = fold(words[0].strip(".,;:()"))
    return not (first in _NOT_NAMES or (len(words) == 1 and fold(text) in _NOT_NAMES))


def _may_be_name(text: str) -> bool:
    """A necessary condition of :func:`name_like` (``False`` only when it is ``False``), without
    splitting words: a name is at most 60 characters long once stripped of white space and of
    an honorific, and every honorific starts with ``M``, ``D`` or ``P``."""
    return len(text) <= 60 or (text := text.strip()).startswith(("M", "D", "P")) or len(text) <= 60


def _starts_with_capital(text: str) -> bool:
    """Whether the first character after the white space (``re``'s ``\\s*``, which is what
    ``str.lstrip()`` removes) is in ``[A-ZÀ-Ý]``: the start of :data:`_PLAIN_TURN` and
    :data:`_VERB_TURN` (a name, an honorific or initials)."""
    first = text[:1]
    if first.isspace():
        first = text.lstrip()[:1]
    return "A" <= first <= "Z" or "À" <= first <= "Ý"


def _names_list(parts: list[str], lenient: bool) -> list[str] | None:
    """The names of ``A, B et C`` when it is a list of names (not ``Name, job, organisation``).

    Every part is a name, none is an acronym (``IR``, ``CESR``), and the parts are all
    full names or all single words (``Zélie, Yara, Axel``). In a long list (three parts
    or more) a quarter of the parts may be something else (``+ 3 élèves ENS``); they are
    left out."""
    parts = [p.strip() for p in parts]
    if any(p.startswith("@") for p in parts):
        return None           # "Tom / Binder / @betatom": fields of one entry
    ok = [p for p in parts if not (p.isupper() and len(p) > 1)
          and (name_like(p) or (lenient and _lenient_name(p) and len(p.split()) <= 2))]
    if len({len(p.split()) >= 2 for p in ok}) > 1:
        return None
    if len(ok) == len(parts) or (len(parts) >= 3 and len(ok) >= 0.75 * len(parts)):
        return ok
    return None


def _org_like(text: str) -> bool:
    """Short, capitalised text that can name an organisation (not a sentence)."""
    text = text.strip()
    return (0 < len(text) <= 50 and len(text.split()) <= 6 and (text[0].isupper() or text[0].isdigit())
            and text.count("(") == text.count(")"))


_ORG_END = re.compile(r"(?i)\s+(?:avec|with|pour|for|et|and|sur|on|en|in|depuis|since|dans|où|qui|where|who)\s|\s*[(;:]")


_NOT_LENIENT = re.compile(r"[.!?]\s|https?://|[«»\"]")


def _lenient_name(text: str) -> bool:
    """Roster entries: nicknames and handles are names too (``hevna``, ``Zed42``)."""
    text = strip_honorific(text.strip())[0].strip()
    if not text or len(text) > 40 or not any(c.isalpha() for c in text):
        return False
    words = text.split()
    if len(words) > 4 or fold(text) in _NOT_NAMES:
        return False
    return not _NOT_LENIENT.search(text)


def osa_distance(a: str, b: str, limit: int = 2) -> int:
    """Optimal string alignment distance (Levenshtein with adjacent transpositions), capped at ``limit``."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return min(prev[-1], limit)


# ----------------------------------------------------------------------------- raw facts

@dataclass
class Mention:
    """A name as written at one place, with what the place says about the person."""

    name: str
    start: int
    end: int
    role: str | None = None
    session: str | None = None
    cue: str = ""
    job_title: str | None = None
    affiliation: str | None = None
    org_url: str | None = None
    org_span: tuple[int, int] | None = None
    tentative: bool = False          # keep only if it resolves to someone named elsewhere
    credit: bool = False             # pad-level credit (note takers, illustrator, set-up)
    line_text: str = ""
    line_span: tuple[int, int] | None = None
    honorific: str | None = None     # "M.", "Mme", "Dr."… written before the name (not part of it)


@dataclass
class OrgMention:
    name: str
    url: str | None
    start: int
    end: int
    role: str = "affiliation"
    person: str | None = None        # the mention name it is the affiliation of


@dataclass
class _Roster:
    role: str
    cue: str
    session: str | None
    section: int | None
    depth: int                       # list depth of the cue line (-1: a heading)
    container: str | None
    credit: bool


@dataclass
class Extraction:
    mentions: list[Mention] = field(default_factory=list)
    orgs: list[OrgMention] = field(default_factory=list)


class _Reader:
    def __init__(self, view: PadView, session_of_heading: dict[int, str], kinds: dict[str, str]):
        self.view = view
        self.session_of_heading = session_of_heading
        self.kinds = kinds
        self.out = Extraction()
        self.known_orgs: dict[str, tuple[str, str | None]] = {}
        self.turn_counts: dict[str, int] = {}

    # -- helpers ---------------------------------------------------------------------
    def session_of(self, block_no: int) -> str | None:
        sec = self.view.blocks[block_no].section
        return self.session_of_heading.get(sec) if sec is not None else None

    def resolve_role(self, role: str, session: str | None) -> str:
        if role != "animated":
            return role
        kind = self.kinds.get(session or "", "other")
        if kind in ("round_table", "qa", "talk"):
            return "moderator"
        if kind in ("introduction", "closing"):
            return "host"
        return "facilitator"

    def add(self, mention: Mention) -> None:
        name, cut = strip_honorific(mention.name)
        if cut:
            # the span starts after the honorific as written in the source ("M. **Martin**")
            source = self.view.pad.text[mention.start:mention.end]
            found = HONORIFIC.match(source)
            if found is None:
                return
            mention.honorific = mention.name[:cut].strip()
            mention.name = name
            mention.start += found.end()
        if _PLACEHOLDER.match(mention.name.strip()):
            return
        self.out.mentions.append(mention)

    # -- entries -----------------------------------------------------------------------
    def entries(self, line: Line, start: int, end: int, *, role: str | None, session: str | None, cue: str,
                lenient: bool, credit: bool = False, tentative: bool = False) -> int:
        """Read the people written in ``line.text[start:end]``; returns how many."""
        text = line.text
        while start < end and text[start] in " \t:：-–—*":
            start += 1
        while end > start and text[end - 1] in " \t.;,]":
            end -= 1
        if start >= end:
            return 0
        seg = text[start:end]
        span_line = line.source(0, len(text))
        # "A, B et C" (every part a name) or "A, B : description"
        head, desc_at = seg, None
        colon = seg.find(" : ")
        if colon > 0:
            head, desc_at = seg[:colon], start + colon + 3
        head_clean = _PARENTHESES.sub(" ", head).strip()
        parts = [p for p in _SPLIT_NAMES.split(head_clean) if p.strip()]
        names = _names_list(parts, lenient) if len(parts) >= 2 else None
        if names:
            count = 0
            for p in names:
                p = p.strip()
                k = text.find(p, start, end)
                if k < 0:
                    continue
                s, e = line.source(k, k + len(p))
                self.add(Mention(p, s, e, role=role, session=session, cue=cue, credit=credit, line_text=text,
                                 line_span=span_line, tentative=tentative))
                count += 1
            return count
        # one person: name, then a description
        name_end = end
        for sep in _ENTRY_SEPS:
            k = seg.find(sep)
            if 0 < k < name_end - start:
                name_end = start + k
        name = text[start:name_end].strip()
        if not (name_like(name) or (lenient and _lenient_name(name))):
            return 0
        s, e = line.source(start, start + len(name))
        mention = Mention(name, s, e, role=role, session=session, cue=cue, credit=credit, line_text=text,
                          line_span=span_line, tentative=tentative)
        self.describe(mention, line, name_end, end)
        self.add(mention)
        return 1

    def describe(self, mention: Mention, line: Line, start: int, end: int) -> None:
        """Job title and organisation from the text after a name."""
        text = line.text
        desc = text[start:end]
        parenthetical = desc.lstrip().startswith("(")
        stripped = desc.lstrip(" ,-–—:(|/\t")
        offset = start + len(desc) - len(stripped)
        desc = stripped.rstrip(" )")
        if not desc:
            return
        link = next((l for l in line.links if start <= l.start < end and l.url.startswith(("http", "www"))), None)
        if link is not None:
            before = text[offset:link.start]
            job = _TRAILING_PREP.sub("", before).strip(" ,-–—:")
            mention.job_title = job or None
            mention.affiliation, mention.org_url = link.text.strip(), link.url
            mention.org_span = line.source(link.start, link.end)
            return
        if "|" in desc or " / " in desc:
            fields = [f.strip() for f in _FIELD_SPLIT.split(desc) if f.strip()]
            inst = [f for f in fields if not f.startswith("@") and fold(f) not in ("institution", "github handle")]
            if inst:
                mention.affiliation = inst[0]
            return
        m_at = _AT_ORG.search(desc)
        if m_at:
            org = _ORG_END.split(m_at.group("org"))[0].strip(" .")
            if _org_like(org):
                mention.affiliation = org
                mention.job_title = _TRAILING_PREP.sub("", desc[:m_at.start()]).strip(" ,-–—") or None
                return
        folded = fold(desc)
        for key, (org_name, url) in sorted(self.known_orgs.items(), key=lambda kv: -len(kv[0])):
            k = folded.find(key)
            if k >= 0 and len(key) >= 3:
                mention.affiliation, mention.org_url = org_name, url
                raw_k = _find_folded(desc, org_name)
                mention.job_title = _TRAILING_PREP.sub("", desc[:raw_k]).strip(" ,-–—") or None if raw_k > 0 else None
                return
        fields = [f.strip() for f in desc.split(",")]
        if len(fields) >= 2 and all(fields) and _org_like(fields[1]) and len(fields[0]) <= 40:
            mention.job_title = fields[0]
            mention.affiliation = fields[1] if len(fields) == 2 or not _org_like(", ".join(fields[1:])) \
                else ", ".join(fields[1:])
        elif " - " not in desc and len(desc) <= 60 and not parenthetical:
            mention.job_title = desc

    # -- per line --------------------------------------------------------------------------
    def cue_line(self, line: Line, start: int, session: str | None, block_no: int) -> _Roster | None:
        text = line.text
        rest = text[start:] if start else text
        if not _CUE_START.match(rest) or not _ANY_ROLE_CUE.match(rest):
            return None
        for role, pattern in ROLE_CUES:
            m_cue = pattern.match(rest)
            if not m_cue:
                continue
            cue = rest[:m_cue.end()].strip(" :：")
            role_r = self.resolve_role(role, session)
            block = self.view.blocks[block_no]
            credit = role_r in _CREDIT_ROLES and (block.container is not None or session is None)
            n = self.entries(line, start + m_cue.end(), len(text), role=role_r, session=None if credit else session,
                             cue=cue, lenient=role_r == "participant", credit=credit)
            if n == 0 and not text[start + m_cue.end():].strip(" .*"):
                return _Roster(role_r, cue, None if credit else session, block.section, block.list_depth,
                               block.container, credit)
            return None
        return None

    def turn(self, line: Line, session: str | None) -> None:
        text = line.text
        if line.strong and line.strong[0][0] == len(text) - len(text.lstrip()):
            s0, e0 = line.strong[0]
            name = text[s0:e0].strip().rstrip(":：").strip()
            after = text[e0:].lstrip()
            if (text[s0:e0].rstrip().endswith((":", "：")) or after.startswith((":", "："))) and name_like(name, max_tokens=3):
                k = text.find(name, s0)
                s, e = line.source(k, k + len(name))
                single = len(name.split()) == 1
                self.turn_counts[fold(name)] = self.turn_counts.get(fold(name), 0) + 1
                self.add(Mention(name, s, e, role="speaker", session=session, cue="speaker turn", line_text=text,
                                 tentative=single))
                self.self_introduction(line, e0, session)
                return
        if not _starts_with_capital(text):
            return      # both patterns start with a capital after the indent
        m_plain = _PLAIN_TURN.match(text) if ":" in text or "：" in text else None
        contact = m_plain and _CONTACT.search(text[m_plain.end():])
        if m_plain and not contact and (name_like(m_plain.group("name"), max_tokens=3) or m_plain.group("name").isupper()):
            s, e = line.source(m_plain.start("name"), m_plain.end("name"))
            self.add(Mention(m_plain.group("name"), s, e, role="speaker", session=session, cue="speaker turn",
                             tentative=True, line_text=text))
            return
        m_verb = _VERB_TURN.match(text)
        if m_verb and _TURN_VERBS.match(text[m_verb.end():]) and name_like(m_verb.group("name")):
            s, e = line.source(m_verb.start("name"), m_verb.end("name"))
            verb = _TURN_VERBS.match(text[m_verb.end():]).group(0).strip()  # type: ignore[union-attr]
            self.add(Mention(m_verb.group("name"), s, e, role="speaker", session=session, cue=verb, line_text=text))

    def self_introduction(self, line: Line, start: int, session: str | None) -> None:
        """``Je suis Simone Perrin, …`` / ``I'm Ada Lovelace``: the speaker's full name."""
        m_intro = _SELF_INTRO.search(line.text[start:start + 80])
        if m_intro and name_like(m_intro.group("name")):
            k = start + m_intro.start("name")
            s, e = line.source(k, k + len(m_intro.group("name")))
            self.add(Mention(m_intro.group("name"), s, e, role="speaker", session=session, cue="self-introduction",
                             line_text=line.text))

    def partners(self, line: Line) -> None:
        if not line.links:
            return
        text = line.text
        folded = gate_fold(text)
        partner = _PARTNER.search(text) if _PARTNER_GATE.may_match(text, folded) else None
        organiser = _ORGANISER.search(text) if _ORGANISER_GATE.may_match(text, folded) else None
        if not (partner or organiser):
            return
        for link in line.links:
            if not link.url.startswith(("http", "www")) or not link.text.strip():
                continue
            role = "organiser" if organiser and (not partner or organiser.start() < link.start and
                                                 (partner.start() > link.start or organiser.start() > partner.start())) \
                else ("sponsor" if partner and _SPONSOR.match(partner.group(0))
                      else "partner")
            s, e = line.source(link.start, link.end)
            self.out.orgs.append(OrgMention(link.text.strip(), link.url, s, e, role=role))
            self.known_orgs.setdefault(fold(link.text), (link.text.strip(), link.url))

    # -- the pass --------------------------------------------------------------------------
    def read(self) -> Extraction:
        view = self.view
        roster: _Roster | None = None
        roster_block, roster_line = -1, -1
        heading_no = -1
        roster_level = 0
        for block_no, block in enumerate(view.blocks):
            session = self.session_of(block_no)
            if block.kind == "heading":
                heading_no = block.section if block.section is not None else heading_no
                level = view.headings[heading_no].level if 0 <= heading_no < len(view.headings) else 1
                if roster is not None and roster.depth < 0 and level > roster_level:
                    roster.section = block.section     # "### En ligne" under "## Participants"
                else:
                    roster = None
                if ROSTER_HEADING.match(block.text):
                    roster_level = level
                    roster = _Roster("participant", block.text.strip(" :"), session, block.section, -1, None, False)
                    roster_block, roster_line = block_no, 0
                self.heading_speakers(block_no, session)
                continue
            if roster is not None and not self._roster_applies(roster, block):
                roster = None
            for line in block_lines(view, block_no):
                if not line.text.strip():
                    continue
                for link in line.links:
                    if link.url.startswith(("http", "www")) and link.text.strip() and not link.text.startswith("http"):
                        self.known_orgs.setdefault(fold(link.text), (link.text.strip(), link.url))
                first_line = line.line_no == 0
                if roster is not None and (block.kind == "paragraph" or first_line) and not \
                        (roster.depth >= 0 and block_no == roster_block and line.line_no <= roster_line):
                    lenient = block.list_depth > 0 or roster.depth >= 0
                    if block.list_depth > 0 and not first_line:
                        continue
                    if self.entries(line, 0, len(line.text), role=roster.role, session=roster.session, cue=roster.cue,
                                    lenient=lenient, credit=roster.credit):
                        continue
                start = 0
                stripped = line.text.lstrip()
                if stripped.startswith("[") and stripped.rstrip().endswith("]") and "=" not in stripped[:8]:
                    start = len(line.text) - len(stripped) + 1
                new_roster = self.cue_line(line, start, session, block_no)
                # the pattern ends with a colon and white space: no match unless the line ends so
                if new_roster is None and line.text.rstrip().endswith((":", "：")) and \
                        _ROSTER_AT_END_GATE.may_match(line.text) and _ROSTER_AT_END.search(line.text):
                    new_roster = _Roster("participant", _ROSTER_AT_END.search(line.text).group(1), session,  # type: ignore[union-attr]
                                         block.section, block.list_depth, block.container, False)
                if new_roster is not None:
                    roster, roster_block, roster_line = new_roster, block_no, line.line_no
                    continue
                if first_line and _may_be_name(name := line.text.strip(" *.")) and len(line.text.split()) >= 2 \
                        and name_like(name):
                    k = line.text.find(name)
                    s_, e_ = line.source(k, k + len(name))
                    self.add(Mention(name, s_, e_, role="speaker", session=session, cue="name alone", tentative=True,
                                     line_text=line.text))
                    continue
                if first_line or block.kind == "paragraph":
                    self.turn(line, session)
                self.partners(line)
        self.tags(self.session_of)
        for mn in self.out.mentions:  # a single name that takes the floor twice is a person
            if mn.tentative and mn.cue == "speaker turn" and self.turn_counts.get(fold(mn.name), 0) >= 2:
                mn.tentative = False
        return self.out

    def _roster_applies(self, roster: _Roster, block) -> bool:  # noqa: ANN001
        if roster.depth < 0:
            return block.section == roster.section
        if block.section != roster.section:
            return False
        return block.list_depth > roster.depth

    def heading_speakers(self, block_no: int, session: str | None) -> None:
        """``## Présentation SemApps par Thierry et Benoît``: the speakers of the session."""
        for line in block_lines(self.view, block_no):
            m_by = _HEADING_BY.search(line.text) if _HEADING_BY_GATE.may_match(line.text) else None
            if m_by:
                self.entries(line, m_by.start("names"), len(line.text), role="speaker", session=session,
                             cue=m_by.group(0).split()[0], lenient=False)
            # "## Les Poneys - Rémi Chevalier": speakers, if they are named elsewhere in the pad
            if not m_by and _HEADING_DASH_GATE.may_match(line.text) and (m_dash := _HEADING_DASH.search(line.text)):
                self.entries(line, m_dash.start("names"), m_dash.end("names"), role="speaker", session=session,
                             cue="title - name", lenient=False, tentative=True)
            m_br = _HEADING_BRACKETS.match(line.text)
            if m_br:
                self.entries(line, m_br.start("names"), m_br.end("names"), role="speaker", session=session,
                             cue="[name] heading", lenient=False)

    def tags(self, session_of) -> None:  # noqa: ANN001
        for tag in self.view.extra_tags:
            if tag.kind != "name" or not tag.rendered or not tag.value.strip():
                continue
            value = tag.value
            session = session_of(tag.block) if tag.block >= 0 else None
            raw = self.view.pad.text[tag.span.start_offset:tag.span.end_offset]
            base = tag.span.start_offset + raw.index("=") + 1
            inner_raw = raw[raw.index("=") + 1:-1]
            text, offs, _links, _strong = clean_inline(inner_raw, base)
            line = Line(text=text, offsets=offs, block=tag.block, line_no=0)
            names_end, role, cue = len(text), "speaker", "[name=]"
            credit, line_span, line_text = False, None, value
            before = self.cue_before(tag)
            if before is not None:
                # "Prise de notes : [name=Léa]": the cue written before the tag gives the role
                role, cue, holder = before
                role = self.resolve_role(role, session)
                block = self.view.blocks[tag.block]
                credit = role in _CREDIT_ROLES and (block.container is not None or session is None)
                if credit:
                    session, line_span, line_text = None, (holder.offsets[0], holder.source(0, len(holder.text))[1]), \
                        holder.text
            colon = _TAG_COLON.search(text)
            if colon:
                role_text = text[colon.end():]
                names_end = colon.start()
                for r, pattern in _TAG_ROLE_CUES:
                    found = pattern.search(role_text)
                    if found:
                        role, cue = self.resolve_role(r, session), role_text.strip()
                        break
            parts = [p for p in _SPLIT_NAMES.split(text[:names_end]) if p.strip()]
            for p in parts:
                p = p.strip()
                if not _lenient_name(p) or _DIGIT.search(p):
                    continue
                k = text.find(p)
                s, e = line.source(k, k + len(p))
                self.add(Mention(p, s, e, role=role, session=session, cue=cue, line_text=line_text, credit=credit,
                                 line_span=line_span))

    def cue_before(self, tag) -> tuple[str, str, Line] | None:  # noqa: ANN001 - ExtraTag
        """``(role, cue, line)`` when the text before a ``[name=…]`` tag on its line is only
        a role cue (``Prise de notes :``, ``Animé par``)."""
        if tag.block < 0:
            return None
        for line in block_lines(self.view, tag.block):
            if not line.offsets or not line.offsets[0] <= tag.span.start_offset <= line.offsets[-1]:
                continue
            k = next((i for i, off in enumerate(line.offsets[:-1]) if off >= tag.span.start_offset), None)
            if k is None:
                return None
            prefix = line.text[:k].strip(" \t*-–—•")
            if not prefix:
                return None
            for role, pattern in ROLE_CUES:
                found = pattern.match(prefix)
                if found and not prefix[found.end():].strip(" :："):
                    return role, prefix.strip(" :："), line
            return None
        return None


def _find_folded(text: str, needle: str) -> int:
    """Index in ``text`` where ``needle`` starts, ignoring case, accents and hyphens (-1 if absent)."""
    folded: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        f = fold(ch) if ch.strip() else " "
        for c in f or "":
            folded.append(c)
            where.append(i)
    k = "".join(folded).find(fold(needle))
    return where[k] if k >= 0 else -1


def extract_mentions(view: PadView, session_of_heading: dict[int, str], kinds: dict[str, str]) -> Extraction:
    """Every person and organisation mention in the pad (before merging)."""
    _NAME_LIKE_SEEN.clear()
    return _Reader(view, session_of_heading, kinds).read()


# ----------------------------------------------------------------------------- merging

@dataclass
class PersonGroup:
    mentions: list[Mention] = field(default_factory=list)

    @property
    def spellings(self) -> Counter[str]:
        return Counter(" ".join(mn.name.split()) for mn in self.mentions)

    @property
    def full(self) -> bool:
        return any(len(_tokens(s)) >= 2 for s in self.spellings)

    def canonical(self) -> str:
        counts: dict[str, int] = {}    # the spellings, in the order they first appear
        first: dict[str, int] = {}     # where each spelling is first seen (as _first_seen)
        for mn in self.mentions:
            s = " ".join(mn.name.split())
            if s in counts:
                counts[s] += 1
            else:
                counts[s], first[s] = 1, mn.start

        def score(item: tuple[str, int]) -> tuple:
            s, n = item
            toks = _tokens(s)
            return (len(s.split()) >= 2, len(toks), sum(1 for t in toks if not (t.isupper() and len(t) > 1)),
                    0 if s.isascii() else sum(1 for c in s if ord(c) > 127), n, -first[s])
        return max(counts.items(), key=score)[0]

    def _first_seen(self, spelling: str) -> int:
        return next((mn.start for mn in self.mentions if " ".join(mn.name.split()) == spelling), 0)


def _initials(name: str) -> str:
    return "".join(t[0] for t in _tokens(name) if t and t[0].isalpha()).upper()


def _one_deletion_variants(word: str) -> set[str]:
    """``word`` and every string made by deleting one of its characters: two words
    within one edit (OSA: insertion, deletion, substitution, adjacent transposition)
    always share one of these."""
    return {word} | {word[:k] + word[k + 1:] for k in range(len(word))}


def merge_people(mentions: list[Mention]) -> list[PersonGroup]:
    """Group mentions that name the same person (see the module docstring)."""
    groups: dict[str, PersonGroup] = {}
    for mn in mentions:
        groups.setdefault(fold(mn.name), PersonGroup()).mentions.append(mn)
    # typing slips between full names: same number of words, each within one edit, one word equal
    keys = [k for k in groups if len(k.split()) >= 2]
    words = [k.split() for k in keys]
    # The only pairs that can merge have as many words, one of them equal at the same place
    # (distance 0) and every other word within one edit. Candidates: names sharing the word at
    # one place and a one-deletion variant of the word at another place (an edit of at most
    # one, transpositions included, leaves a common one-deletion variant); each candidate is
    # then checked in full. Pairs are tried in the order of the keys, as every pair (i < j)
    # would be: skipping pairs that cannot merge changes nothing.
    partners: defaultdict[int, set[int]] = defaultdict(set)
    sharing: defaultdict[tuple[int, int, str], list[int]] = defaultdict(list)
    for i, ws in enumerate(words):
        for pos, w in enumerate(ws):
            sharing[(len(ws), pos, w)].append(i)
    for (_n, pos, _w), same in sharing.items():
        if len(same) < 2:
            continue
        other = 1 if pos == 0 else 0  # another place, where the words must be within one edit
        near: defaultdict[str, list[int]] = defaultdict(list)
        for i in same:
            for variant in _one_deletion_variants(words[i][other]):
                near[variant].append(i)
        for close in near.values():
            for x, i in enumerate(close):
                partners[i].update(k for k in close[x + 1:] if k > i)
    merged_into: dict[str, str] = {}

    def root(key: str) -> str:  # union-find, with path compression
        top = key
        while top in merged_into:
            top = merged_into[top]
        while key != top:
            parent = merged_into[key]
            merged_into[key] = top
            key = parent
        return top

    for i in sorted(partners):
        a, ta = keys[i], words[i]
        for j in sorted(partners[i]):
            b, tb = keys[j], words[j]
            ra, rb = root(a), root(b)
            if ra == rb:
                continue
            dist = [osa_distance(x, y) for x, y in zip(ta, tb)]
            if all(d == 0 or (d == 1 and min(len(x), len(y)) >= 4) for d, x, y in zip(dist, ta, tb)) and 0 in dist:
                groups[ra].mentions.extend(groups[rb].mentions)
                groups[rb].mentions = []
                merged_into[rb] = ra
    # (first word, last word, group) of the full names
    full = [(k.split()[0], k.split()[-1], g) for k, g in groups.items() if g.mentions and len(k.split()) >= 2]
    initials: dict[int, str] = {}      # id(group) -> initials of its canonical name, until its mentions change
    # a first name alone, or initials, that match exactly one full name
    for key, g in list(groups.items()):
        if not g.mentions or len(key.split()) != 1:
            continue
        spelled = g.mentions[0].name.strip()
        if all(mn.honorific for mn in g.mentions):
            # "M. Martin", "Mme Dubois": a family name, never a first name
            targets = {id(fg): fg for _first, last, fg in full if fg.mentions and last == key}
        elif spelled.isupper() and 2 <= len(spelled) <= 4:
            targets = {}
            for _first, _last, fg in full:
                if fg.mentions:
                    if id(fg) not in initials:
                        initials[id(fg)] = _initials(fg.canonical())
                    if initials[id(fg)] == spelled:
                        targets[id(fg)] = fg
        else:
            targets = {id(fg): fg for first, _last, fg in full if fg.mentions and first == key}
        if len(targets) == 1:
            target = next(iter(targets.values()))
            target.mentions.extend(g.mentions)
            initials.pop(id(target), None)
            g.mentions = []
    out = []
    for g in groups.values():
        if not g.mentions:
            continue
        if all(mn.tentative for mn in g.mentions):
            continue
        g.mentions.sort(key=lambda mn: mn.start)
        out.append(g)
    out.sort(key=lambda g: g.mentions[0].start)
    return out


def variant_is_only_case(variant: str, canonical: str) -> bool:
    """``Nadia BERTIN`` vs ``Nadia Bertin``: the same letters, only the capitalisation differs
    (a short form is compared with the matching words of the full name)."""
    tv, tc = variant.split(), canonical.split()
    counterpart = " ".join(tc[: len(tv)]) if len(tv) < len(tc) else canonical
    return variant.lower() == counterpart.lower()


def person_variants(group: PersonGroup, canonical: str | None = None) -> list[str]:
    """Spellings other than the canonical one, leaving out exact short forms (``Claire`` of ``Claire Fabre``).

    ``canonical`` is ``group.canonical()`` when the caller has it."""
    if canonical is None:
        canonical = group.canonical()
    tc = canonical.split()
    out = []
    for s in group.spellings:
        if s == canonical:
            continue
        ts = s.split()
        if len(ts) < len(tc) and ts == tc[: len(ts)]:
            continue
        if s.isupper() and len(ts) == 1 and _initials(canonical) == s:
            continue
        out.append(s)
    return out


def build_people(view: PadView, extraction: Extraction) -> tuple[list[m.Person], list[m.Organisation], list[m.Credit]]:
    """Merge mentions into people, organisations and credits (models, with spans)."""
    index = view.index
    groups = merge_people(extraction.mentions)
    people: list[m.Person] = []
    credit_names: dict[tuple[str, tuple[int, int], str], list[tuple[int, str]]] = {}
    org_groups: dict[str, dict] = {}
    org_keys: dict[tuple[str, str | None], str] = {}
    spans: dict[tuple[int, int], Span] = {}     # one (frozen) Span per range

    def span_of(start: int, end: int) -> Span:
        found = spans.get((start, end))
        if found is None:
            found = spans[(start, end)] = index.span(start, end)
        return found

    def org_key(name: str, url: str | None) -> str:
        found = org_keys.get((name, url))
        if found is not None:
            return found
        if url:
            u = _URL_SCHEME.sub("", url).split("#")[0].rstrip("/").lower()
            key = "url:" + u.split("/")[0] if u.count("/") <= 1 else "url:" + u
        else:
            key = "name:" + _ARTICLE.sub("", fold(name).replace("'", " "))
        org_keys[(name, url)] = key
        return key

    def add_org(name: str, url: str | None, role: str, span: tuple[int, int] | None, person: str | None) -> None:
        key = org_key(name, url)
        # an unlinked name that a linked organisation already has
        if not url:
            name_key = org_key(name, None)
            for k, og in org_groups.items():
                if name_key in og["name_keys"]:
                    key = k
                    break
        og = org_groups.setdefault(key, {"names": Counter(), "url": url, "roles": [], "people": [], "mentions": [],
                                         "first": span[0] if span else 10 ** 9, "name_keys": set()})
        og["names"][name] += 1
        og["name_keys"].add(org_key(name, None))   # {org_key(n, None) for n in og["names"]}
        if url and not og["url"]:
            og["url"] = url
        if role not in og["roles"]:
            og["roles"].append(role)
        if person and person not in og["people"]:
            og["people"].append(person)
        if span:
            og["mentions"].append(span_of(*span))
            og["first"] = min(og["first"], span[0])

    for om in extraction.orgs:
        add_org(om.name, om.url, om.role, (om.start, om.end), None)

    for g in groups:
        name = g.canonical()
        roles: list[m.RoleAssignment] = []
        seen_roles: set[tuple[str, str | None]] = set()
        affiliation = job = org_url = None
        for mn in g.mentions:
            if mn.affiliation and affiliation is None and (mn.org_url or _org_like(mn.affiliation)):
                affiliation, org_url = mn.affiliation, mn.org_url
            if mn.job_title and job is None:
                job = mn.job_title
            if mn.affiliation and (mn.org_url or _org_like(mn.affiliation)):
                add_org(mn.affiliation, mn.org_url, "affiliation", mn.org_span, name)
            if mn.role and (mn.role, mn.session) not in seen_roles:
                seen_roles.add((mn.role, mn.session))
                roles.append(m.RoleAssignment(role=mn.role, session=mn.session, cue=mn.cue,  # type: ignore[arg-type]
                                              span=span_of(mn.start, mn.end)))
            if mn.credit and mn.role and mn.line_span:
                credit_names.setdefault((mn.role, mn.line_span, mn.line_text.strip()), []).append((mn.start, name))
        # a moderator or host who also speaks in the same session is not listed again as a speaker
        leading = {r.session for r in roles if r.role in ("moderator", "host", "introducer")}
        roles = [r for r in roles if not (r.role == "speaker" and r.session in leading)]
        people.append(m.Person(name=name, variants=person_variants(g, name), affiliation=affiliation, job_title=job,
                               url=None, roles=roles, mentions=[span_of(mn.start, mn.end) for mn in g.mentions]))
    organisations = []
    for og in sorted(org_groups.values(), key=lambda og: og["first"]):
        names = og["names"]
        best = max(names.items(), key=lambda kv: (kv[1], -len(kv[0])))[0]
        organisations.append(m.Organisation(name=best, variants=[n for n in names if n != best], url=og["url"],
                                            roles=og["roles"], people=og["people"], mentions=og["mentions"]))
    ordered_credits = []
    for (role, line_span, text), found in sorted(credit_names.items(), key=lambda kv: kv[0][1]):
        names: list[str] = []
        for _start, name in sorted(found):
            if name not in names:
                names.append(name)
        ordered_credits.append(m.Credit(role=role, names=names, text=text, span=span_of(*line_span)))  # type: ignore[arg-type]
    return people, organisations, ordered_credits


def person_spans(view: PadView, person: m.Person) -> list[Span]:
    """Mentions of ``person`` (convenience for rules)."""
    return list(person.mentions)
