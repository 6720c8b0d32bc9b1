"""The faster people, venue and line readers answer exactly as the code they replaced.

Reference copies of the replaced functions (from commit 73a1b78) are kept here and
compared with the new ones on generated and corpus text; the pre-filters are checked to
never reject a text their regex matches.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pad_lint.event import lines as L
from pad_lint.event.lines import PlainLink, clean_inline

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = settings(max_examples=300, deadline=None)


# ----------------------------------------------------------------------------- references (73a1b78)

def _ref_clean_inline(raw: str, base: int):
    out: list[str] = []
    offs: list[int] = []
    links: list[PlainLink] = []
    strong: list[tuple[int, int]] = []
    strong_open = None
    i = 0
    n = len(raw)

    def emit(text: str, at: int) -> None:
        out.extend(text)
        offs.extend(range(base + at, base + at + len(text)))

    plain_run = L._PLAIN_RUN.match
    while i < n:
        if m := plain_run(raw, i):
            emit(m.group(), i)
            i = m.end()
            continue
        ch = raw[i]
        if ch == "!" and (m := L._IMAGE.match(raw, i)):
            i = m.end()
            continue
        if ch == "[" and (m := L._LINK.match(raw, i) or L._REF_LINK.match(raw, i)):
            start = len(out)
            label = m.group("text")
            j = m.start("text")
            while j < m.end("text"):
                if raw.startswith(("**", "__"), j):
                    j += 2
                    continue
                if raw[j] in "*_`":
                    j += 1
                    continue
                emit(raw[j], j)
                j += 1
            url = m.groupdict().get("url") or ""
            links.append(PlainLink(start, len(out), url.strip("<>"), label))
            i = m.end()
            continue
        if ch == "<" and (m := L._AUTOLINK.match(raw, i)):
            start = len(out)
            emit(m.group("url"), m.start("url"))
            links.append(PlainLink(start, len(out), m.group("url"), m.group("url")))
            i = m.end()
            continue
        if ch == "<" and (m := L._HTML_TAG.match(raw, i)):
            i = m.end()
            continue
        if raw.startswith(("**", "__"), i):
            if strong_open is None:
                strong_open = len(out)
            else:
                strong.append((strong_open, len(out)))
                strong_open = None
            i += 2
            continue
        if raw.startswith(("~~", "==", "++"), i):
            i += 2
            continue
        if ch in "*_`":
            prev = raw[i - 1] if i else " "
            nxt = raw[i + 1] if i + 1 < n else " "
            if ch == "`" or not (prev.isalnum() and nxt.isalnum()):
                i += 1
                continue
        if ch == "\\" and i + 1 < n and raw[i + 1] in L._PUNCT_ESC:
            emit(raw[i + 1], i + 1)
            i += 2
            continue
        emit(ch, i)
        i += 1
    offs.append(offs[-1] + 1 if offs else base + n)
    return "".join(out), offs, links, strong


def _corpus_pads(step: int) -> list[Path]:
    from sample_pads import sample_pad_paths

    return sample_pad_paths(step)


_VIEWS: list = []


def _corpus_views() -> list:
    """Views of every 12th corpus pad and the examples (built once for the module)."""
    from pad_lint.markdown.view import build_view
    from pad_lint.source import Pad

    if not _VIEWS:
        for path in _corpus_pads(12):
            try:
                pad = Pad.from_bytes(path.read_bytes(), path=str(path))
            except Exception:  # noqa: BLE001 - undecodable test data
                continue
            _VIEWS.append(build_view(pad))
    return _VIEWS


# ----------------------------------------------------------------------------- lines

MARKDOWN = st.text(alphabet="![]()<>*_~=+`\\ab é:/h.-\t", max_size=60)
PIECES = ["**", "__", "*", "_", "`", "~~", "==", "++", "[a](http://x)", "[**b**](<u v>)", "[r][1]", "![i](p.png)",
          "<https://x.org>", "<b>", "</b>", "<!-- c -->", "\\*", "\\", "Léa", " ", ":", "é", "x"]


@SETTINGS
@given(MARKDOWN | st.lists(st.sampled_from(PIECES), max_size=12).map("".join) | st.text(max_size=40),
       st.integers(0, 1000))
def test_clean_inline_same_as_before(raw: str, base: int) -> None:
    raw = raw.replace("\n", " ")
    text, offsets, links, strong = clean_inline(raw, base)
    assert (text, list(offsets), links, strong) == _ref_clean_inline(raw, base)
    assert offsets[-1] == (offsets[-2] + 1 if len(offsets) > 1 else base + len(raw))


def test_block_lines_same_as_before_on_the_corpus() -> None:
    for view in _corpus_views():
        for block_no, block in enumerate(view.blocks):
            pos = 0
            for k, (raw, line) in enumerate(zip(block.raw.split("\n"), L._block_lines(view, block_no), strict=True)):
                text, offs, links, strong = _ref_clean_inline(raw, block.source_offset(pos))
                assert (line.text, list(line.offsets), line.links, line.strong, line.line_no) == \
                    (text, offs, links, strong, k)
                # what the readers do with offsets, on a range as on a list
                assert line.offsets[:-1] == offs[:-1] or list(line.offsets[:-1]) == offs[:-1]
                assert (line.offsets[0], line.offsets[-1], len(line.offsets)) == (offs[0], offs[-1], len(offs))
                pos += len(raw) + 1


# ----------------------------------------------------------------------------- people

def _ref_fold(text: str) -> str:
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    t = re.sub(r"[-‐‑–_.]+", " ", t)
    return " ".join(t.split())


NAME_PIECES = ["Léa", "LÉA", "Élodie", "Nadia", "BERTIN", "Jean-Pierre", "d'Arc", "d’Ornano", "M.", "Mme", "Dr",
               "van", "der", "IR", "FORSE", "Zed42", "hevna", "Présent·e·s", "İ", "ı", "ſ", "ﬁ", "²", "٣", "Σ",
               " ", "  ", "\t", "-", "‐", "‑", "–", "_", ".", ",", ":", "(", ")", "«", "»", "'", "’", "&", "et", "and",
               "Animée par", "Prise de notes", "notes by", "Participant·es", "moderated by", "Hôte", "Chair",
               "参与者", "出席", "mise en place du pad", "Facilitation graphique", "Intervenant·e·s", "Speakers"]
NAMEISH = st.lists(st.sampled_from(NAME_PIECES), max_size=8).map("".join) | st.text(max_size=30)


@SETTINGS
@given(NAMEISH)
def test_fold_same_as_before(text: str) -> None:
    from pad_lint.event.people import fold

    assert fold(text) == _ref_fold(text)


@SETTINGS
@given(NAMEISH)
def test_one_cue_regex_answers_as_the_cues_one_by_one(text: str) -> None:
    from pad_lint.event.people import _ANY_ROLE_CUE, ROLE_CUES

    for t in (text, text.lstrip(), text[1:]):
        assert (_ANY_ROLE_CUE.match(t) is not None) == any(p.match(t) for _r, p in ROLE_CUES)


# ----------------------------------------------------------------------------- literal gates

def _gates() -> list[L.LiteralGate]:
    """Every gate the readers use."""
    from pad_lint.event import people, sessions, venue

    return [gate for _kind, _pattern, gate in venue._PHRASES] + [venue._QUOTED_GATE, venue._ANOTHER_EVENT_GATE,
                                                                   people._ROSTER_AT_END_GATE, people._HEADING_BY_GATE,
                                                                   people._HEADING_DASH_GATE] + \
        [gate for _kind, _pattern, gate in sessions._SESSION_CUE_GATES]


def _all_code_points() -> str:
    return "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)


def test_gate_fold_folds_alike_every_character_re_matches_to_a_literal_character() -> None:
    """Exhaustive: for every character of every needed literal (and the ASCII letters), every
    code point ``re`` matches to it under IGNORECASE folds to the same string."""
    chars = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    for gate in _gates():
        chars |= set("".join(L._required_literals(gate.pattern) or ()))
    everything = _all_code_points()
    for ch in sorted(chars):
        for found in re.finditer(re.escape(ch), everything, re.IGNORECASE):
            assert L.gate_fold(found.group()) == L.gate_fold(ch), (ch, found.group())
    # str.lower() gives one character for every code point but İ (then the dot is dropped)
    assert [c for c in everything if len(c.lower()) != 1] == ["İ"]


def test_required_literals() -> None:
    req = L._required_literals
    assert req(re.compile(r"(?i)\bprochaine?s? (?:r[ée]union|fois)|\bnext (?:meeting|time)\b")) == {"prochain", "next "}
    assert req(re.compile(r"hybrid(?:e|es)?|混合")) == {"hybrid", "混合"}
    assert req(re.compile(r"a+bc|x{2,}")) == {"bc", "x"}
    assert req(re.compile(r"\w+|abc")) is None               # a branch that needs no literal
    assert req(re.compile(r"(?:abc)?d*")) is None            # optional parts need nothing
    assert req(re.compile(r"(?i:abc)")) is None              # local flags: left alone
    assert L.LiteralGate(re.compile(r"x?")).always


@pytest.mark.parametrize("text", ["En vısıo", "EN VİSİO", "réunion en ﬆ", "WEBİNAR", "ſur place", "hybrıd",
                                  "PROCHAINE RÉUNION", "Next Meeting", "Partıcipants :", "PARTİCİPANTS :",
                                  "«en ligne»", "“on-site”", '"zoom"'])
def test_gates_let_through_the_special_case_folds(text: str) -> None:
    for gate in _gates():
        if gate.pattern.search(text):
            assert gate.may_match(text) and gate.may_match(text, L.gate_fold(text))


def _gate_pieces() -> list[str]:
    pieces = [" ", "  ", "-", "'", "’", "\t", ":", "100 %", "é", "É", "İ", "ı", "ſ", "ﬆ", "K", "Σ", "\u0307"]
    for gate in _gates():
        for literal in L._required_literals(gate.pattern) or ():
            pieces += [literal, literal.upper(), literal.title(), literal[:3]]
    return pieces


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_gate_pieces()), max_size=10).map("".join) | st.text(max_size=30))
def test_gates_never_reject_a_match(text: str) -> None:
    for gate in _gates():
        if gate.pattern.search(text):
            assert gate.may_match(text)


PHRASE_WORDS = ["en visio", "par zoom", "réunion en visioconférence", "webinaire", "100 % en ligne", "à distance",
                "se tient en ligne", "online meeting", "held online", "the call", "video meeting", "線上", "en présentiel",
                "sur place", "in-person", "face to face", "nous sommes accueillis", "hybride", "https://meet.jit.si/x",
                "https://zoom.us/j/1", "Participant·e·s :", "Roll call:", "« en ligne »", '"on-site"', "“hybrid”",
                "prochaine réunion", "Next meeting",
                " ", ", ", ". ", "Atelier", "a eu lieu", "En VİSİO", "ı", "ſ"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(PHRASE_WORDS), max_size=8).map("".join) | st.text(max_size=30))
def test_phrases_same_as_before(text: str) -> None:
    from pad_lint.event import venue

    def ref(t: str) -> list[tuple[str, int, int]]:
        t = venue._QUOTED.sub(lambda q: " " * len(q.group(0)), t)
        out = []
        for kind, pattern in (("hybrid", venue._HYBRID_PHRASE), ("online", venue._ONLINE_PHRASE),
                              ("in-person", venue._IN_PERSON_PHRASE), ("online", venue._VIDEO_URL)):
            out += [(kind, f.start(), f.end()) for f in pattern.finditer(t)]
        return out

    assert venue._phrases(text) == ref(text) == venue._phrases(text, L.gate_fold(text))


def test_gates_never_reject_a_corpus_line() -> None:
    from pad_lint.event.lines import block_lines

    gates = _gates()
    for view in _corpus_views():
        for block_no in range(len(view.blocks)):
            for line in block_lines(view, block_no):
                folded = L.gate_fold(line.text)
                for gate in gates:
                    if gate.pattern.search(line.text):
                        assert gate.may_match(line.text, folded), (gate.pattern.pattern[:40], line.text)


# ----------------------------------------------------------------------------- people: names and merging

def _ref_name_like(text: str, *, max_tokens: int = 4) -> bool:
    from pad_lint.event.people import _NOT_NAMES, _PARTICLES, strip_honorific

    text = strip_honorific(text.strip())[0].strip()
    if not text or len(text) > 60 or any(ch.isdigit() for ch in text):
        return False
    words = text.split()
    if not 1 <= len(words) <= max_tokens:
        return False
    capitalised = 0
    for w in words:
        core = w.strip(".,;:()'’\"«»")
        if core.lower() in _PARTICLES or re.fullmatch(r"(?i)d['’]\w+", core) and core[2:3].isupper():
            continue
        if not core or not core[0].isupper():
            return False
        if not all(c.isalpha() or c in "-'’." for c in core):
            return False
        if core.isupper() and len(core) <= 3 and len(words) > 1:
            return False
        capitalised += 1
    if capitalised == 0:
        return False
    if len(words) == 1 and text.isupper() and len(text) > 1:
        return False
    first = _ref_fold(words[0].strip(".,;:()"))
    return not (first in _NOT_NAMES or (len(words) == 1 and _ref_fold(text) in _NOT_NAMES))


@SETTINGS
@given(NAMEISH, st.integers(1, 4))
def test_name_like_same_as_before(text: str, max_tokens: int) -> None:
    from pad_lint.event.people import name_like

    assert name_like(text, max_tokens=max_tokens) == _ref_name_like(text, max_tokens=max_tokens)


class _RefGroup:
    def __init__(self) -> None:
        self.mentions: list = []

    @property
    def spellings(self):
        from collections import Counter

        return Counter(" ".join(mn.name.split()) for mn in self.mentions)

    def canonical(self) -> str:
        from pad_lint.event.people import _tokens

        def score(item):
            s, n = item
            toks = _tokens(s)
            return (len(s.split()) >= 2, len(toks), sum(1 for t in toks if not (t.isupper() and len(t) > 1)),
                    sum(1 for c in s if ord(c) > 127), n,
                    -next((mn.start for mn in self.mentions if " ".join(mn.name.split()) == s), 0))
        return max(self.spellings.items(), key=score)[0]


def _ref_merge_people(mentions: list) -> list[_RefGroup]:
    from pad_lint.event.people import _initials, osa_distance

    groups: dict[str, _RefGroup] = {}
    for mn in mentions:
        groups.setdefault(_ref_fold(mn.name), _RefGroup()).mentions.append(mn)
    keys = [k for k in groups if len(k.split()) >= 2]
    merged_into: dict[str, str] = {}
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            ra, rb = merged_into.get(a, a), merged_into.get(b, b)
            if ra == rb:
                continue
            ta, tb = a.split(), b.split()
            if len(ta) != len(tb) or not any(x == y for x, y in zip(ta, tb)):
                continue
            dist = [osa_distance(x, y) for x, y in zip(ta, tb)]
            if all(d == 0 or (d == 1 and min(len(x), len(y)) >= 4) for d, x, y in zip(dist, ta, tb)) and 0 in dist:
                groups[ra].mentions.extend(groups[rb].mentions)
                groups[rb].mentions = []
                for k, v in list(merged_into.items()):
                    if v == rb:
                        merged_into[k] = ra
                merged_into[rb] = ra
    full = {k: g for k, g in groups.items() if g.mentions and len(k.split()) >= 2}
    for key, g in list(groups.items()):
        if not g.mentions or len(key.split()) != 1:
            continue
        spelled = g.mentions[0].name.strip()
        if all(mn.honorific for mn in g.mentions):
            targets = {id(fg): fg for fk, fg in full.items() if fg.mentions and fk.split()[-1] == key}
        elif spelled.isupper() and 2 <= len(spelled) <= 4:
            targets = {id(fg): fg for fk, fg in full.items() if fg.mentions and _initials(fg.canonical()) == spelled}
        else:
            targets = {id(fg): fg for fk, fg in full.items() if fg.mentions and fk.split()[0] == key}
        if len(targets) == 1:
            target = next(iter(targets.values()))
            target.mentions.extend(g.mentions)
            g.mentions = []
    out = []
    for g in groups.values():
        if not g.mentions or all(mn.tentative for mn in g.mentions):
            continue
        g.mentions.sort(key=lambda mn: mn.start)
        out.append(g)
    out.sort(key=lambda g: g.mentions[0].start)
    return out


PEOPLE = ["Claire Fabre", "Claire FABRE", "Claire", "CF", "Clair Fabre", "Claire Fabres", "Claire Dupont", "Dupont",
          "Tristan Bernier", "TB", "Tristan", "Tristan Bernnier", "Jean-Luc Vernet", "Jean Luc Vernet", "Jean-Luc",
          "JLV", "Élodie Roux", "Elodie Roux", "Élodie", "Martin", "Paul Martin", "Pierre Martin", "J.Dupont",
          "Léa", "LÉA", "Patrick Mallet", "Pattrick Mallet", "Patrick Malet", "Ana Lu", "Ana Li", "Al Li", "FORSE"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PEOPLE), st.booleans(), st.booleans(), st.integers(0, 50)), max_size=14))
def test_merge_people_same_as_before(spec) -> None:
    from pad_lint.event.people import Mention, merge_people, person_variants

    def mentions():
        return [Mention(name, start * 7 + k, start * 7 + k + len(name), honorific="M." if hon else None,
                        tentative=tent) for k, (name, hon, tent, start) in enumerate(spec)]

    new, ref = merge_people(mentions()), _ref_merge_people(mentions())
    assert [[(mn.name, mn.start) for mn in g.mentions] for g in new] == \
        [[(mn.name, mn.start) for mn in g.mentions] for g in ref]
    for g, r in zip(new, ref):
        assert g.canonical() == r.canonical()
        assert person_variants(g) == person_variants(g, g.canonical())


TITLE_WORDS = ["Introduction", "Table ronde", "Atelier", "Q&A", "Questions / réponses", "Clôture", "Conférence",
               "Démo", "Keynote", "Tour de table", "Mot de la fin", "Hands-on", "Round-table", "FAQ", "intro",
               "Échanges avec la salle", "Prochaines étapes", " ", " - ", ": ", "2", "İntro", "ıntro", "ſprint"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(TITLE_WORDS), max_size=6).map("".join) | st.text(max_size=30))
def test_session_kind_same_as_before(title: str) -> None:
    from pad_lint.event.sessions import SESSION_CUES, session_kind

    best = None
    for order, (kind, pattern) in enumerate(SESSION_CUES.items()):
        match = pattern.search(title)
        if match and (best is None or (match.start(), order) < best[:2]):
            best = (match.start(), order, kind)
    assert session_kind(title) == (best[2] if best else "other")
