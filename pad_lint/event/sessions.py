"""Sessions from headings, with a kind read from French and English cue words."""

from __future__ import annotations

import re

from ..markdown.view import PadView
from . import models as m
from .lines import LiteralGate, gate_fold

#: kind -> cue words (French and English). The cue found earliest in the title wins.
SESSION_CUES: dict[str, re.Pattern[str]] = {
    "introduction": re.compile(r"(?i)\b(introduction|intro|ouverture|accueil|bienvenue|welcome|opening|kick-?off|"
                               r"tour de table|mot d'accueil)\b"),
    "round_table": re.compile(r"(?i)\b(tables?[- ]rondes?|round[- ]?tables?|panels?|débats?|debates?)\b"),
    "workshop": re.compile(r"(?i)\b(ateliers?|workshops?|hands[- ]on|hackathons?|travaux pratiques|tutoriels?|"
                           r"tutorials?|formations?|trainings?|sprints?|book ?dash)\b"),
    "qa": re.compile(r"(?i)(questions?\s*/\s*r[ée]ponses?|questions?\s+(?:et|&)\s+r[ée]ponses?|\bq\s*&\s*a\b|"
                     r"\bq\s*/\s*r\b|\bfaq\b|questions?\s+(?:de|from)\s+(?:la salle|the audience)|"
                     r"[ée]changes? avec la salle)"),
    "closing": re.compile(r"(?i)\b(cl[ôo]ture|conclusions?|closing|wrap[- ]?up|mot de la fin|fin de (?:la )?"
                          r"(?:journ[ée]e|s[ée]ance)|remerciements|closing remarks|next steps|prochaines? [ée]tapes?)\b"),
    "talk": re.compile(r"(?i)\b(conf[ée]rences?|talks?|keynotes?|pr[ée]sentations?|interventions?|expos[ée]s?|"
                       r"lightning|d[ée]mos?|demonstrations?|d[ée]monstrations?|s[ée]minaires?|seminars?)\b"),
}


#: The cues with the quick test that tells when one cannot be in a title.
_SESSION_CUE_GATES = [(kind, pattern, LiteralGate(pattern)) for kind, pattern in SESSION_CUES.items()]
_TAGS_LINE = re.compile(r"(?i)^\s*tags\b")


def session_kind(title: str) -> str:
    """Kind of a session (``introduction``, ``round_table``, ``workshop``, ``talk``, ``qa``,
    ``closing`` or ``other``) from the cue word that comes first in its title.

    >>> session_kind("Atelier 2 - Quelles actions ?")
    'workshop'
    >>> session_kind("Questions/réponses")
    'qa'
    """
    best: tuple[int, int, str] | None = None
    folded = gate_fold(title)
    for order, (kind, pattern, gate) in enumerate(_SESSION_CUE_GATES):
        match = pattern.search(title) if gate.may_match(title, folded) else None
        if match and (best is None or (match.start(), order) < best[:2]):
            best = (match.start(), order, kind)
    return best[2] if best else "other"


def is_tags_heading(level: int, text: str) -> bool:
    """The ``###### tags:`` line HedgeDoc reads tags from (not a session)."""
    return level == 6 and bool(_TAGS_LINE.match(text))


def title_heading_index(view: PadView) -> int | None:
    """Index of the heading HedgeDoc takes the title from: the first ``<h1>`` (ATX or setext)."""
    return next((i for i, h in enumerate(view.headings) if h.level == 1), None)


def build_sessions(view: PadView, dialect: str) -> tuple[list[m.Session], dict[int, str]]:
    """Sessions in document order and the map heading index -> session id.

    Every heading is a session except the title heading (the first h1) and the
    ``###### tags:`` line; ``subsessions`` lists the ids of the direct children.
    Ids are the heading ids in ``dialect`` (see :mod:`pad_lint.markdown.heading_ids`).
    """
    ids = view.heading_ids(dialect)
    title_index = title_heading_index(view)
    sessions: list[m.Session] = []
    by_heading: dict[int, str] = {}
    parents: list[tuple[int, m.Session]] = []
    for i, (h, hid_) in enumerate(zip(view.headings, ids)):
        if i == title_index or is_tags_heading(h.level, h.text) or not h.text.strip():
            continue
        s = m.Session(id=hid_, title=h.text.strip(), kind=session_kind(h.text), level=h.level, span=h.span)
        while parents and parents[-1][0] >= h.level:
            parents.pop()
        if parents:
            parents[-1][1].subsessions.append(s.id)
        parents.append((h.level, s))
        sessions.append(s)
        by_heading[i] = s.id
    return sessions, by_heading
