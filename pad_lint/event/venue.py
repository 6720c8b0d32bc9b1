"""Where and how the event took place: ``location`` and ``mode``, with the evidence.

Only statements about the event itself count, never a word somewhere in the notes
(a speaker saying "on fait des appels en visio" says nothing about the meeting):

* the front matter: ``location``/``lieu``/``venue``/``place``/``address``/``where``,
  ``mode``/``format``, and the words of ``description``;
* the title;
* the opening lines: the blocks before the first session heading (at most
  :data:`HEAD_LINES` lines after the title), and the sections about practical
  information (``## Infos pratiques``, ``## Meeting details``, ``## Accès``…);
* a labelled line anywhere: ``Lieu :``, ``Où :``, ``Adresse :``, ``Location:`` (a
  place, unless the value says online), ``En visio :``, ``Lien de la visio :``,
  ``Videoconference link:``, ``線上：``…;
* a box (``:::info`` …) anywhere.

Quoted speech never counts (blockquotes, lines in italics, text between quotation
marks, ``[name=…]`` lines), nor a line about another meeting (``prochaine réunion``,
``next meeting``). Online and in-person statements together make the mode ``hybrid``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..markdown.view import PadView
from . import models as m
from .lines import LiteralGate, block_lines, gate_fold
from .sessions import is_tags_heading, title_heading_index

#: How many lines after the title (or the front matter) the opening lines may reach.
HEAD_LINES = 30

_FM_LOCATION_KEYS = {"location", "lieu", "venue", "place", "address", "adresse", "where", "où", "ou"}
_FM_MODE_KEYS = {"mode", "format", "modalite", "modalité", "modalites", "modalités", "attendance"}

_LOCATION_LABEL = re.compile(r"(?i)^\s*(?:lieux?|localisation|location|venue|adresse|address|où|where|place|"
                             r"地點|實體地點|地点|实体地点)\s*[:：]\s*(?P<value>.*)$")
_VISIO = r"visio(?:conf[ée]rences?)?|vid[ée]o[- ]?conf[ée]rences?"
_ONLINE_LABEL = re.compile(
    r"(?i)^\s*(?:(?:en |pour la |par )?(?:" + _VISIO + r")|en ligne|à distance|"
    r"liens?(?:\s+(?:de|vers|pour|d['’]acc[èe]s [àa]))?(?:\s+(?:la|le|l['’]))?\s*(?:" + _VISIO +
    r"|r[ée]union|conf[ée]rence|zoom|jitsi|bbb|bigbluebutton|webinaire|teams|meet)|"
    r"(?:videoconference|video[- ]?call|video conference|zoom|jitsi|bbb|teams|meet|meeting|call|webinar)s?"
    r"\s+(?:link|url|room|details)|videoconference|video[- ]?call|online|join online|join the (?:call|meeting)|"
    r"線上|视频会议|視訊|线上)\s*[:：]\s*(?P<value>.*)$")

_ONLINE_PHRASE = re.compile(
    r"(?i)\b(?:en|par|via|sur) (?:" + _VISIO + r"|distanciel|zoom|jitsi|bigbluebutton|bbb|teams|webex|whereby)\b|"
    r"\b(?:r[ée]unions?|points?|rencontres?|ateliers?|s[ée]ances?|sessions?|AG|assembl[ée]es?|permanences?|cours) "
    r"(?:en )?(?:" + _VISIO + r")\b|^\s*(?:" + _VISIO + r")\b|\bwebinaires?\b|\bwebinars?\b|"
    r"\b(?:100 ?%|enti[èe]rement|uniquement|totalement) (?:en ligne|à distance|en distanciel)|"
    r"\b(?:r[ée]unions?|rencontres?|ateliers?|[ée]v[éè]nements?|sessions?|s[ée]ances?|formations?|conf[ée]rences?|"
    r"journ[ée]es?|tables? rondes?|assembl[ée]es?(?: g[ée]n[ée]rales?)?|meetups?|cours|hackathons?|admincamps?)"
    r"(?: \w+){0,2}? (?:en ligne|à distance|en distanciel)\b|"
    r"\b(?:a|aura|ont|auront|avait|avaient) lieu (?:\w+ ){0,2}?(?:en ligne|à distance)|"
    r"\b(?:se (?:tient|tiendra|tenait|d[ée]roule|d[ée]roulera|d[ée]roulait|fait|fera|passe|passera)|"
    r"s['’]est (?:tenue?|d[ée]roul[ée]e?|faite?|pass[ée]e?)) (?:\w+ ){0,2}?(?:en ligne|à distance)|"
    r"\b(?:online|virtual|remote) (?:meetings?|events?|workshops?|sessions?|meetups?|conferences?|calls?|hackathons?|"
    r"round ?tables?|panels?|seminars?|trainings?)\b|"
    r"\b(?:held|hosted|happening|takes? place|took place|meets?|meeting) (?:\w+ ){0,2}?(?:online|remotely|virtually)\b|"
    r"\b(?:the|this|our|video|zoom|jitsi|conference) call\b(?! for)|\bvideo ?meetings?\b|"
    r"線上|视频会议|視訊|线上")
_IN_PERSON_PHRASE = re.compile(
    r"(?i)\ben pr[ée]sentiel\b|\bsur place\b|\bin[- ]person\b|\bface[- ]to[- ]face\b|\bon[- ]site\b|"
    r"\bnous (?:sommes|serons|[ée]tions) (?:accueilli|re[çc]u)e?s\b|\bwe (?:are|will be|were) hosted\b|"
    r"實體|实体|现场|現場")
_HYBRID_PHRASE = re.compile(r"(?i)\bhybrides?\b|\bhybrid\b|混合")
_VIDEO_URL = re.compile(r"(?i)https?://(?:[\w-]+\.)*(?:zoom\.us|jit\.si|jitsi\.[\w.]+|meet\.google\.com|"
                        r"teams\.microsoft\.com|teams\.live\.com|whereby\.com|webex\.com|bigbluebutton\.[\w.]+|"
                        r"bbb\.[\w.-]+|visio\.[\w.-]+|rendez-vous\.renater\.fr)\S*")
_PRACTICAL_HEADING = re.compile(
    r"(?i)^\s*(?:(?:infos?|informations?)(?: pratiques?| utiles?)?|logistique|(?:meeting|event|practical) "
    r"(?:details|info(?:rmation)?s?)|practical|logistics|lieu(?: et (?:date|horaires?))?|date et lieu|o[uù] et quand|"
    r"venue|location|acc[èe]s|access|how to join|comment (?:venir|participer|nous rejoindre)|d[ée]tails?)\s*[:：]?\s*$")
_ANOTHER_EVENT = re.compile(r"(?i)\bprochaine?s? (?:r[ée]union|rencontre|s[ée]ance|session|fois|[ée]dition|atelier)|"
                            r"\bnext (?:meeting|session|time|week|month|edition|event|call)\b|"
                            r"\b(?:derni[èe]re|pr[ée]c[ée]dente) (?:r[ée]union|rencontre|fois|[ée]dition)|"
                            r"\blast (?:meeting|time|call)\b")
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"\n]*\"")
_ITALIC_LINE = re.compile(r"^\s*(?:[*_]{1}|[*_]{3})(?![*_\s]).*[^*_\s](?:[*_]{1}|[*_]{3})\s*$")


class _Evidence:
    def __init__(self) -> None:
        self.online: list[m.TextValue] = []
        self.in_person: list[m.TextValue] = []
        self.hybrid: list[m.TextValue] = []

    def add(self, kind: str, value: str, span: m.Span | None, origin: str) -> None:
        bucket = {"online": self.online, "in-person": self.in_person, "hybrid": self.hybrid}[kind]
        key = (span.start_offset, span.end_offset) if span else None
        if any((e.span.start_offset, e.span.end_offset) == key for e in bucket if e.span) and key:
            return
        bucket.append(m.TextValue(value=value.strip(), span=span, origin=origin))  # type: ignore[arg-type]


_ONLINE_START = re.compile(r"(?i)^\s*(?:online|en ligne|à distance|remote|virtual|distanciel)\b")
_IN_PERSON_WORDS = re.compile(r"(?i)\b(?:en personne|in person)\b")
_IN_PERSON_VALUE = re.compile(r"(?i)\b(?:en personne|in person|sur place|pr[ée]sentiel|physique|physical|on[- ]site)\b")


def classify(text: str) -> set[str]:
    """The modes a statement names: ``online``, ``in-person``, ``hybrid`` (empty: none)."""
    found = set()
    if _HYBRID_PHRASE.search(text):
        found.add("hybrid")
    if _ONLINE_PHRASE.search(text) or _VIDEO_URL.search(text) or _ONLINE_START.search(text):
        found.add("online")
    if _IN_PERSON_PHRASE.search(text) or _IN_PERSON_WORDS.search(text):
        found.add("in-person")
    return found


#: The mode statements, each with the quick test that tells when it cannot be in a text
#: (a long alternation is slow to search; most lines hold none of the words it needs).
_PHRASES = [(kind, pattern, LiteralGate(pattern)) for kind, pattern in (
    ("hybrid", _HYBRID_PHRASE), ("online", _ONLINE_PHRASE), ("in-person", _IN_PERSON_PHRASE), ("online", _VIDEO_URL))]
_QUOTED_GATE = LiteralGate(_QUOTED)
_ANOTHER_EVENT_GATE = LiteralGate(_ANOTHER_EVENT)


def _phrases(text: str, folded: str | None = None) -> list[tuple[str, int, int]]:
    """Mode statements in ``text``: ``(mode, start, end)``, quoted passages blanked out first.

    ``folded`` is ``gate_fold(text)`` when the caller has it."""
    if _QUOTED_GATE.may_match(text):
        blanked = _QUOTED.sub(lambda q: " " * len(q.group(0)), text)
        if blanked != text:
            text, folded = blanked, None
    if folded is None:
        folded = gate_fold(text)
    out = []
    for kind, pattern, gate in _PHRASES:
        if gate.may_match(text, folded):
            for found in pattern.finditer(text):
                out.append((kind, found.start(), found.end()))
    return out


def _mode_from_value(value: str) -> set[str]:
    """Modes named by a label's or key's value (``En ligne/en personne`` names both)."""
    modes = classify(value)
    if _IN_PERSON_VALUE.search(value):
        modes.add("in-person")
    return modes


def find_venue(view: PadView, title: m.TextValue | None,
               yaml_span: Callable[[str], tuple[int, int] | None] | None = None,
               ) -> tuple[m.TextValue | None, str | None, list[m.TextValue]]:
    """``(location, mode, evidence)`` of the event (see the module docstring).

    ``yaml_span(key)`` gives the offsets of a front-matter key's value (for spans).
    """
    index = view.index
    text = index.text
    ev = _Evidence()
    locations: list[m.TextValue] = []

    # -- front matter
    for key, value in view.front_matter.data.items():
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            continue
        value = str(value)
        folded = key.lower()
        vs = yaml_span(key) if yaml_span else None
        span = index.span(*vs) if vs else None
        if folded in _FM_LOCATION_KEYS:
            modes = _mode_from_value(value)
            for kind in modes:
                ev.add(kind, value, span, "yaml")
            if not modes - {"in-person"} or not _only_mode_words(value):
                locations.append(m.TextValue(value=value.strip(), span=span, origin="yaml"))
                if not modes:
                    ev.add("in-person", value, span, "yaml")
        elif folded in _FM_MODE_KEYS:
            for kind in _mode_from_value(value):
                ev.add(kind, value, span, "yaml")
        elif folded == "description" and vs:
            for kind, s, e in _phrases(text[vs[0]:vs[1]]):
                ev.add(kind, text[vs[0] + s:vs[0] + e], index.span(vs[0] + s, vs[0] + e), "yaml")

    # -- the title
    if title is not None and title.span is not None:
        s0, e0 = title.span.start_offset, title.span.end_offset
        for kind, s, e in _phrases(text[s0:e0]):
            ev.add(kind, text[s0 + s:s0 + e], index.span(s0 + s, s0 + e), "yaml" if title.origin == "yaml" else "heading")

    # -- the body
    ti = title_heading_index(view)
    head_start = view.headings[ti].span.end_line if ti is not None else view.front_matter.lines
    skip_sections = {i for i, h in enumerate(view.headings) if i == ti or is_tags_heading(h.level, h.text)}
    practical = {i for i, h in enumerate(view.headings) if _PRACTICAL_HEADING.match(h.text.strip())}
    first_session = next((i for i, h in enumerate(view.headings) if i not in skip_sections), None)
    for block_no, block in enumerate(view.blocks):
        if block.kind == "heading" or block.in_blockquote:
            continue
        in_head = (block.section is None or block.section in skip_sections) and \
            (first_session is None or block.section is None or block.section < first_session)
        raw_lines = block.raw.split("\n")
        block_statements = block.container is not None or block.section in practical
        for line in block_lines(view, block_no):
            statements = block_statements or \
                (in_head and index.line_col(line.offsets[0])[0] <= head_start + HEAD_LINES)
            if not statements and ":" not in line.text and "：" not in line.text:
                continue     # outside statements only a labelled line counts, and labels end with a colon
            raw = raw_lines[line.line_no] if line.line_no < len(raw_lines) else ""
            if not line.text.strip() or "[name=" in raw or _ITALIC_LINE.match(raw):
                continue
            folded = gate_fold(line.text)
            if _ANOTHER_EVENT_GATE.may_match(line.text, folded) and _ANOTHER_EVENT.search(line.text):
                continue
            if _QUOTED_GATE.may_match(line.text) and _QUOTED.fullmatch(line.text.strip()):
                continue
            label = _LOCATION_LABEL.match(line.text)
            if label:
                value = label.group("value").strip()
                lead = len(line.text) - len(line.text.lstrip())
                whole = index.span(*line.source(lead, len(line.text.rstrip())))
                modes = _mode_from_value(value)
                for kind in modes:
                    ev.add(kind, line.text.strip(), whole, "body")
                if value and (not modes or not _only_mode_words(value)):
                    vs_, ve_ = line.source(label.start("value"), len(line.text.rstrip()))
                    locations.append(m.TextValue(value=value, span=index.span(vs_, ve_), origin="body"))
                    if not modes:
                        ev.add("in-person", line.text.strip(), whole, "body")
                continue
            online_label = _ONLINE_LABEL.match(line.text)
            if online_label:
                s, e = line.source(len(line.text) - len(line.text.lstrip()), len(line.text.rstrip()))
                ev.add("online", line.text.strip(), index.span(s, e), "body")
                for kind in _mode_from_value(online_label.group("value")) - {"online"}:
                    ev.add(kind, line.text.strip(), index.span(s, e), "body")
                continue
            if not statements:
                continue
            for kind, s, e in _phrases(line.text, folded):
                ss, se = line.source(s, e)
                ev.add(kind, line.text[s:e], index.span(ss, se), "body")
            for link in line.links:
                if _VIDEO_URL.match(link.url):
                    ss, se = line.source(link.start, link.end)
                    ev.add("online", link.url, index.span(ss, se), "body")

    location = next((loc for loc in locations if not _mode_from_value(loc.value)), locations[0] if locations else None)
    if ev.hybrid or (ev.online and ev.in_person):
        mode = "hybrid"
        evidence = ev.hybrid + ev.online + ev.in_person
    elif ev.online:
        mode, evidence = "online", ev.online
    elif ev.in_person:
        mode, evidence = "in-person", ev.in_person
    else:
        return location, None, []
    evidence.sort(key=lambda e: e.span.start_offset if e.span else -1)
    unique: list[m.TextValue] = []
    for e in evidence:   # one statement may name two modes ("線上、實體hybrid"): list it once
        if not any(u.span == e.span and u.value == e.value for u in unique):
            unique.append(e)
    return location, mode, unique


def _only_mode_words(value: str) -> bool:
    """``En ligne``, ``Online/in-person``, ``線上、實體hybrid``: the value names a mode, not a place."""
    rest = _MODE_WORDS.sub(" ", _VIDEO_URL.sub(" ", value))
    return not _WORD_CHAR.search(rest)


_MODE_WORDS = re.compile(r"(?i)\b(?:en ligne|online|in[- ]person|en personne|hybrid[e]?s?|hybride|pr[ée]sentiel|distanciel|"
                         r"à distance|remote|virtual|sur place|physique|physical|on[- ]site|zoom|jitsi|bbb|bigbluebutton|"
                         r"teams|google meet|meet|webex|whereby|" + _VISIO + r")\b|線上|實體|混合|线上|实体|hybrid")
_WORD_CHAR = re.compile(r"\w")
