"""People: the per-line gates of the reader answer exactly as the code they replaced.

The reader's per-line methods as they were before the gates (commit 47c8ae4: ``cue_line``,
``turn``, ``partners``, ``read``) are kept here as :class:`_RefReader` and compared with the
new reader on corpus pads and generated pads; each gate is also checked on its own to never
reject a text its pattern matches (hypothesis over realistic pieces, the corpus lines, and
every code point where a character class or case folding is involved).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pad_lint.event import lines as L
from pad_lint.event import people as P
from pad_lint.event.lines import Line, block_lines
from pad_lint.event.people import (_ANY_ROLE_CUE, _ORGANISER, _PARTNER, _PLAIN_TURN, _ROSTER_AT_END,
                                   _ROSTER_AT_END_GATE, _SELF_INTRO, _TURN_VERBS, _VERB_TURN, ROLE_CUES,
                                   _CONTACT, _CREDIT_ROLES, _Reader, _Roster, Mention, fold, name_like)
from pad_lint.event.people import ROSTER_HEADING, _SPONSOR, OrgMention  # noqa: F401 - used by the reference

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = settings(max_examples=400, deadline=None)


# ----------------------------------------------------------------------------- reference (47c8ae4)

class _RefReader(_Reader):
    """The reader with its per-line methods as they were before the gates."""

    def cue_line(self, line: Line, start: int, session: str | None, block_no: int) -> _Roster | None:
        text = line.text
        rest = text[start:] if start else text
        if not _ANY_ROLE_CUE.match(rest):
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
        partner = _PARTNER.search(text)
        organiser = _ORGANISER.search(text)
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
                # the pattern ends with a colon: no colon, no match
                if new_roster is None and (":" in line.text or "：" in line.text) and \
                        _ROSTER_AT_END_GATE.may_match(line.text) and _ROSTER_AT_END.search(line.text):
                    new_roster = _Roster("participant", _ROSTER_AT_END.search(line.text).group(1), session,  # type: ignore[union-attr]
                                         block.section, block.list_depth, block.container, False)
                if new_roster is not None:
                    roster, roster_block, roster_line = new_roster, block_no, line.line_no
                    continue
                if first_line and len(line.text.split()) >= 2 and name_like(line.text.strip(" *.")):
                    name = line.text.strip(" *.")
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



def _facts(extraction) -> tuple[list[str], list[str]]:
    return [repr(mn) for mn in extraction.mentions], [repr(o) for o in extraction.orgs]


def _both(view, by_heading=None, kinds=None) -> tuple:
    by_heading, kinds = by_heading or {}, kinds or {}
    P._NAME_LIKE_SEEN.clear()
    new = _facts(P.extract_mentions(view, by_heading, kinds))
    P._NAME_LIKE_SEEN.clear()
    ref = _facts(_RefReader(view, by_heading, kinds).read())
    return new, ref


# ----------------------------------------------------------------------------- the whole reader

def _corpus_views(step: int = 9) -> list:
    from pad_lint.markdown.view import build_view
    from pad_lint.source import Pad

    from sample_pads import sample_pad_paths

    paths = sample_pad_paths(step)
    views = []
    for path in paths:
        try:
            views.append(build_view(Pad.from_bytes(path.read_bytes(), path=str(path))))
        except Exception:  # noqa: BLE001 - undecodable test data
            continue
    return views


def test_reader_same_as_before_on_the_corpus() -> None:
    from pad_lint.config import Config
    from pad_lint.event.sessions import build_sessions

    for view in _corpus_views():
        sessions, by_heading = build_sessions(view, Config().links.dialect)
        new, ref = _both(view, by_heading, {s.id: s.kind for s in sessions})
        assert new == ref, view.pad.path


LINE_PIECES = ["Animé par ", "animée par : ", "Prise de notes : ", "Participant·es :", "Présent·e·s", "Roll call:",
               "moderated by ", "Facilitation graphique : ", "Introduit par ", "Notes by ", "Intervenant·es : ",
               "Léa Martin", "Armand Leclerc", "M. Martin", "Mme  Dubois", "Dr. Durand", "TB", "Claire", "Élodie",
               "Nadia BERTIN", "Zed42", "hevna", "**Léa** : ", "**Léa :** ", "Léa : ", "TB : ",
               " prend la parole", " présente", " welcomes", "Je suis Simone Perrin", "I'm Ada Lovelace",
               ", ", " et ", " and ", " - ", " (Lyon)", " | ", " chez ", " at ", "[FORSE](https://forse.org)",
               "[x](http://a.b)", "nos partenaires ", "sponsored by ", "Organisé par ", "financé par ", "PARTİCİPANTS :",
               "ſponsors ", "Présidente ", "IR, IReMus", "le ", "de ", "des ", "Remarques :", "Date :", "\t", " ",
               "  ", ".", "*", ":", "：", "[", "]", "[name=Claire : prise de note]", "2024", "é", "À", "İ", "ı",
               "x" * 30, "Un texte assez long pour dépasser soixante caractères sans aucun nom dedans "]
LINE = st.lists(st.sampled_from(LINE_PIECES), max_size=8).map("".join)
PREFIX = st.sampled_from(["", "- ", "* ", "1. ", "  - ", "> ", "## ", "# ", "### ", "- [ ] ", "[", "    - "])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(PREFIX, LINE, st.sampled_from(["\n", "\n\n"])), min_size=1, max_size=10))
def test_reader_same_as_before_on_generated_pads(spec) -> None:
    from pad_lint.markdown.view import build_view
    from pad_lint.source import Pad

    text = "".join(prefix + line + sep for prefix, line, sep in spec)
    view = build_view(Pad.from_bytes(text.encode(), path="generated.md"))
    new, ref = _both(view)
    assert new == ref, text


# ----------------------------------------------------------------------------- the cue gate

def test_first_chars() -> None:
    fc = P._first_chars
    assert fc(re.compile(r"^(?:abc|d[ef]x)")) == "ad"
    assert fc(re.compile(r"(?:xy)?z")) == "xz"          # an optional start adds what follows
    assert fc(re.compile(r"\bab(?=c)")) == "a"          # anchors and lookarounds match no character
    assert fc(re.compile(r"a*")) is None                 # may match the empty string
    assert fc(re.compile(r"\w+")) is None                # a class the gate does not read
    assert fc(re.compile(r"(?i:a)b")) is None            # local flags: left alone
    assert set(P._CUE_FIRSTS or "") == set("acdfghimnoprsw出参參")


def _cue_texts() -> list[str]:
    words = ["mise en place du pad :", "facilitation graphique :", "graphic recording:", "illustrations :",
             "sketchnotes:", "dessins:", "illustratrice :", "référente prise de notes :", "prise de notes :",
             "notes prises par", "notes by", "note-taker:", "scribe :", "secrétariat :", "compte-rendu par",
             "minutes by", "rapporteuse :", "introduit par", "introduced by", "introduction par", "modéré par",
             "moderated by", "modération :", "modératrices :", "chaired by", "animé·e par", "animation :",
             "animatrice :", "facilitée par", "facilitated by", "facilitation :", "facilitateur :", "hôte :",
             "hosted by", "accueillie par", "hosts:", "présentée par", "presented by", "speakers:", "oratrices :",
             "intervenant·es :", "conférencière :", "panélistes :", "panelists:", "participant·e·s :",
             "présent·es :", "attendees:", "attendance:", "roll call:", "who's here:", "who is here", "參與者簽到:",
             "参与者:", "出席:"]
    return words + [w.upper() for w in words] + [w.title() for w in words]


def test_cue_gate_lets_every_cue_through_whatever_its_first_letter_case() -> None:
    """Exhaustive on the first character: every code point ``re`` matches to a letter under
    IGNORECASE is put in front of every cue's other letters."""
    everything = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    letters = "".join(sorted(set("abcdefghijklmnopqrstuvwxyz" + (P._CUE_FIRSTS or ""))))
    candidates = set(re.findall("[" + re.escape(letters) + "]", everything, re.IGNORECASE))
    assert {"ſ", "K", "İ", "ı"} <= candidates
    for cue in _cue_texts():
        assert _ANY_ROLE_CUE.match(cue), cue
        for ch in candidates:
            text = ch + cue[1:] + " Léa Martin"
            if _ANY_ROLE_CUE.match(text):
                assert P._CUE_START.match(text), text


@SETTINGS
@given(st.lists(st.sampled_from(_cue_texts() + LINE_PIECES), max_size=4).map("".join) | st.text(max_size=30))
def test_cue_gate_never_rejects_a_cue(text: str) -> None:
    for t in (text, text.lstrip(), text[1:]):
        if _ANY_ROLE_CUE.match(t):
            assert P._CUE_START.match(t)
        assert bool(P._CUE_START.match(t) and _ANY_ROLE_CUE.match(t)) == any(p.match(t) for _r, p in ROLE_CUES)


# ----------------------------------------------------------------------------- name alone, turns, rosters

NAMEISH = st.lists(st.sampled_from(["M.", "Mme", "Madame", "Dr", "Pr.", "Monsieur", "Léa", "Martin", "de", "la", "d'Artagnan",
                                    "Élodie", "BERTIN", "IR", "x" * 20, "Jean-Pierre", "O'Neil", "Remarques", "2024",
                                    " ", "  ", "\t", "\u2003", ".", "*", ",", "\n"]), max_size=12).map("".join)


@settings(max_examples=1500, deadline=None)
@given(NAMEISH | st.text(max_size=80))
def test_may_be_name_never_rejects_a_name(text: str) -> None:
    for t in (text, text.strip(" *.")):
        if not P._may_be_name(t):
            assert not name_like(t) and not P._name_like(t, 4), t


def test_may_be_name_with_long_honorific_white_space() -> None:
    name = "Monsieur" + " " * 70 + "Martin"
    assert name_like(name) and P._may_be_name(name)
    assert not P._may_be_name("Léa Martin " * 7) and not name_like("Léa Martin " * 7)
    assert P._may_be_name("Martin " * 10)   # may start with an honorific: left to name_like


def test_re_white_space_is_what_lstrip_removes() -> None:
    """Exhaustive: ``re``'s ``\\s`` and ``str.isspace`` agree on every code point."""
    for i in range(0x110000):
        ch = chr(i)
        assert bool(re.match(r"\s", ch)) == ch.isspace(), hex(i)


def test_starts_with_capital_is_the_patterns_first_class() -> None:
    """Exhaustive over the first character, with and without an indent."""
    capital = re.compile("[A-ZÀ-Ý]")
    for i in range(0x110000):
        if 0xD800 <= i < 0xE000:
            continue
        ch = chr(i)
        expected = bool(capital.match(ch))
        assert P._starts_with_capital(ch + "éa") == expected
        assert P._starts_with_capital(" \t" + ch) == expected
    assert not P._starts_with_capital("") and not P._starts_with_capital("   ")


@settings(max_examples=1500, deadline=None)
@given(LINE | st.text(max_size=30))
def test_turn_gate_never_rejects_a_turn(text: str) -> None:
    for t in (text, "  " + text, "\u2003" + text):
        if _PLAIN_TURN.match(t) or _VERB_TURN.match(t):
            assert P._starts_with_capital(t)


@settings(max_examples=1500, deadline=None)
@given(LINE | st.text(alphabet=" \t\n\u2003\u3000:：ab", max_size=12),
       st.sampled_from(["", " ", "\t", "\n", "\u2003", "\u3000 ", " \n"]))
def test_roster_at_end_needs_a_final_colon(text: str, tail: str) -> None:
    t = text + tail
    if _ROSTER_AT_END.search(t):
        assert t.rstrip().endswith((":", "："))


# ----------------------------------------------------------------------------- partner gates

def test_partner_gates_fold_alike_every_character_re_matches_to_a_literal_character() -> None:
    everything = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    chars = set()
    for gate in (P._PARTNER_GATE, P._ORGANISER_GATE):
        assert not gate.always
        chars |= set("".join(L._required_literals(gate.pattern) or ()))
    for ch in sorted(chars):
        for found in re.finditer(re.escape(ch), everything, re.IGNORECASE):
            assert L.gate_fold(found.group()) == L.gate_fold(ch), (ch, found.group())


PARTNER_PIECES = ["partenaire", "Partenaires", "PARTNERS", "sponsor", "ſponsor", "mécène", "MECENES", "soutenu",
                  "supported", "financé", "Funded", "organisé par", "organized by", "co-organisé", "Co-organised",
                  "ORGANİSÉ PAR", " ", "[a](https://x.org)", "é", "ı", "K"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PARTNER_PIECES), max_size=6).map("".join) | st.text(max_size=30))
def test_partner_gates_never_reject_a_match(text: str) -> None:
    folded = L.gate_fold(text)
    for gate in (P._PARTNER_GATE, P._ORGANISER_GATE):
        if gate.pattern.search(text):
            assert gate.may_match(text) and gate.may_match(text, folded)


def test_gates_never_reject_a_corpus_line() -> None:
    for view in _corpus_views(5):
        for block_no in range(len(view.blocks)):
            for line in block_lines(view, block_no):
                text = line.text
                folded = L.gate_fold(text)
                for gate in (P._PARTNER_GATE, P._ORGANISER_GATE):
                    if gate.pattern.search(text):
                        assert gate.may_match(text, folded), text
                stripped = text.lstrip()
                for t in (text, stripped[1:]):
                    if _ANY_ROLE_CUE.match(t):
                        assert P._CUE_START.match(t), t
                if _PLAIN_TURN.match(text) or _VERB_TURN.match(text):
                    assert P._starts_with_capital(text), text
                if _ROSTER_AT_END.search(text):
                    assert text.rstrip().endswith((":", "：")), text
                name = text.strip(" *.")
                if not P._may_be_name(name):
                    assert not P._name_like(name, 4), text
