"""Find a pad's licence statements and decide one verdict for the event document.

Where licence information is read (REUSE 3.3, the SPDX License List, HedgeDoc 2's
``commons/src/note-frontmatter/note-frontmatter.ts``):

* the front-matter ``license:`` key (HedgeDoc 2 note front matter; the
  spelling ``licence:`` too), as an SPDX expression, a URL or words. HedgeDoc 2
  reads ``license`` as a string only: a list, a mapping, a number or a boolean
  there is ignored by HedgeDoc (PAD003 says so), so it is not a licence statement
  of the pad either; it is kept in :attr:`LicenceAnalysis.ignored` for messages;
* ``SPDX-License-Identifier:`` tags in HTML comments (the REUSE header for
  Markdown) or in prose;
* prose: a ``Licence :`` / ``License:`` label, the content of a licence section
  (``## Licence``), or a sentence that licenses the pad ("placé sous licence …",
  "licensed under …", "versées dans le domaine public");
* links to licence deeds (``creativecommons.org/licenses/…``, Etalab, …), counted
  when marked ``rel="license"``, when inside a licence statement, or when they stand
  alone on their line; licence badge images always count.

Code blocks and inline code never count: only :attr:`PadView.runs` (prose
outside code, URLs and HTML), links, images, comments and front matter are read.

Verdict (one per pad, :class:`~pad_lint.event.models.Licence`):

* ``conflict``: two signals name different licences (link text BY-SA, URL BY-NC);
* ``placeholder``: a licence slot says "à préciser", "TBD"…, or a named licence is
  left open ("CC BY 4.0 (ou autre licence à préciser)"); named licences are kept in
  ``candidates``;
* ``declared``: one licence (or one SPDX expression) in ``spdx``;
* ``unrecognised``: licence wording that maps to no single SPDX expression
  ("Creative Commons" alone, "domaine public" alone, a version missing, an unknown
  SPDX id); suggestions are in ``candidates``;
* ``missing``: nothing at all (REUSE's "no license identifier").
"""

from __future__ import annotations

import bisect
import re
import weakref
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable

from ..event.models import Licence
from ..spans import Span
from . import table
from .language import language_of, pad_language
from .literals import required_literals
from .match import ANY_CONTEXT_PATTERNS, Finding, classify_url, family_of, find_names
from .normalise import fold
from .spdx import check_expression, license_keys, looks_like_expression

if TYPE_CHECKING:
    from ..markdown.view import PadView

#: How much each kind of signal counts when choosing the statement the verdict cites.
_ORIGIN_RANK = {"front-matter": 0, "spdx-tag": 1, "label": 2, "section": 2, "statement": 3, "link": 4, "badge": 5}


@dataclass(frozen=True)
class Signal:
    """One piece of licence information found in the pad.

    ``status`` is ``declared`` (``spdx`` holds the id or expression),
    ``placeholder`` or ``unrecognised`` (``suggest`` holds a likely id, if any).
    ``origin`` says where it was read: ``front-matter``, ``spdx-tag``, ``label``,
    ``section``, ``statement`` (a licensing sentence), ``link`` or ``badge``.
    ``statement`` is the source text, ``span`` its position; ``at`` the position of
    the licence words themselves (``found``) when they are only part of the
    statement, for instance on the third line of a paragraph: messages cite
    :attr:`line`, read from ``at``. ``note`` explains an imprecision or a
    normalisation in plain words.
    """

    origin: str
    status: str
    statement: str
    span: Span
    spdx: str | None = None
    family: str | None = None
    suggest: str | None = None
    note: str = ""
    candidates: tuple[str, ...] = ()
    found: str = ""          # the licence words as written, for messages
    at: Span | None = None   # where ``found`` is, when narrower than ``span``

    @property
    def line(self) -> int:
        """The line the licence words are on (from :attr:`at`, else :attr:`span`)."""
        return (self.at or self.span).start_line

    @property
    def words_span(self) -> Span:
        """Where the licence words are: :attr:`at`, else the statement's :attr:`span`."""
        return self.at or self.span


@dataclass
class LicenceAnalysis:
    """Everything :func:`analyse_licence` found, plus the verdict.

    ``licence`` is the event document's verdict; ``signals`` every piece of
    evidence in document order; ``primary`` the signal the verdict cites;
    ``conflicting`` the signals that disagree (``conflict`` only);
    :attr:`language` is ``fr`` or ``en`` (for examples in messages);
    ``ignored`` are front-matter ``license`` values that are not text (a YAML list,
    a mapping, a number): HedgeDoc ignores them, so they state no licence
    (``status`` ``ignored``, ``note`` says what the value is).
    """

    licence: Licence
    signals: list[Signal] = field(default_factory=list)
    primary: Signal | None = None
    conflicting: list[Signal] = field(default_factory=list)
    ignored: list[Signal] = field(default_factory=list)
    _language: str | None = field(default=None, repr=False, compare=False)
    _language_of: Callable[[], str] | None = field(default=None, repr=False, compare=False)

    @property
    def language(self) -> str:
        """``fr`` or ``en``: the pad's language (:func:`~.language.pad_language`), computed on
        first use: only messages need it, the event document does not."""
        if self._language is None:
            self._language = self._language_of() if self._language_of is not None else "en"
        return self._language


def detect_licence(view: "PadView") -> Licence:
    """The licence verdict of a pad (``EventDocument.licence``). Never raises."""
    return analyse_licence(view).licence


def analyse_licence(view: "PadView") -> LicenceAnalysis:
    """Collect every licence signal of ``view`` and decide the verdict (see module docs).

    Computed once per view (cached on it): the licence rules and the event
    document's ``licence`` share it."""
    cached = view.__dict__.get("_pad_licence_analysis")
    if cached is None:
        cached = view.__dict__["_pad_licence_analysis"] = _analyse_licence(view)
    return cached


def _analyse_licence(view: "PadView") -> LicenceAnalysis:
    blocks = _prose_blocks(view)
    maybe = _maybe_blocks(blocks)
    refs = _licence_refs(view)
    prose, context_ranges = _prose(view, blocks, maybe, refs)
    signals: list[Signal] = []
    front, ignored = _front_matter(view)
    signals += front
    signals += _spdx_tags(view)
    signals += prose
    signals += _links_and_badges(view, lambda: _segments(view, blocks, maybe), context_ranges)
    signals.sort(key=lambda s: (s.span.start_offset, _ORIGIN_RANK.get(s.origin, 9)))
    analysis = _verdict(signals, _lazy_language(view))
    analysis.ignored = ignored
    return analysis


def _lazy_language(view: "PadView") -> Callable[[], str]:
    """:func:`pad_language` of ``view``, to call later. The analysis is cached on the view, so
    it holds the view weakly (no reference cycle); should the view be gone, the language is
    read from its front matter and runs."""
    ref = weakref.ref(view)
    data = view.front_matter.data if isinstance(view.front_matter.data, dict) else None
    runs = view.runs

    def language() -> str:
        alive = ref()
        return pad_language(alive) if alive is not None else language_of(data, runs)
    return language


# ------------------------------------------------------------------------------ front matter

#: How messages name a front-matter value that is not text.
_NOT_TEXT = {"list": "a YAML list", "dict": "a YAML mapping", "bool": "a boolean",
             "int": "a number", "float": "a number", "date": "a date", "datetime": "a date"}


def _front_matter(view: "PadView") -> tuple[list[Signal], list[Signal]]:
    """Signals of the front-matter ``license`` key, and the values HedgeDoc ignores (not text)."""
    fm = view.front_matter
    data = fm.data if isinstance(fm.data, dict) else {}
    out: list[Signal] = []
    ignored: list[Signal] = []
    for key in data:
        if not isinstance(key, str) or key.strip().lower() not in ("license", "licence"):
            continue
        line = fm.key_lines.get(key, 2)
        span = view.index.line_span(line - 1, line)
        value = data[key]
        statement = view.index.line_text(line - 1).strip()
        if value is None or (isinstance(value, str) and not value.strip()):
            out.append(Signal("front-matter", "placeholder", statement, span, note="the front-matter `license` key is empty",
                              found=""))
            continue
        if not isinstance(value, str):
            kind = _NOT_TEXT.get(type(value).__name__, "not text")
            items = [str(v) for v in value] if isinstance(value, list) else []
            ignored.append(Signal("front-matter", "ignored", statement, span, found=key,
                                  candidates=tuple(items), note=kind))
            continue
        out.append(_classify_value(value, "front-matter", statement, span))
    return out, ignored


def _classify_value(value: str, origin: str, statement: str, span: Span) -> Signal:
    """A whole value that is meant to be a licence (front matter, SPDX tag, label)."""
    v = value.strip().strip("\"'")
    folded = fold(v).text.strip(" .;,")
    if not folded or re.fullmatch(table.PLACEHOLDER_VALUE, folded):
        return Signal(origin, "placeholder", statement, span, found=v)
    if re.match(r"(?i)^https?://", v):
        f = classify_url(v)
        if f is None:
            return Signal(origin, "unrecognised", statement, span, found=v,
                          note="this address is not a licence pad-lint knows")
        return _signal_from_finding(f, origin, statement, span, v)
    if looks_like_expression(v):
        check = check_expression(v)
        if check.valid:
            note = ""
            if check.renamed:
                note = f"{', '.join(check.renamed)} is an old or alias SPDX id, read as {check.normalized}"
            return Signal(origin, "declared", statement, span, spdx=check.normalized,
                          family=_family_of_expression(check.normalized), note=note, found=v)
    v2 = v.replace("-", " ") if looks_like_expression(v) else v
    fv = fold(v2)
    names = [n for n in find_names(fv.text, lambda a, b: v2[slice(*fv.source_range(a, b))]) if n.family or n.suggest]
    if names:
        sig = _combine_findings(names, fv.text, origin, statement, span, fv, v2)
        if looks_like_expression(v) and sig.status == "declared" and origin == "spdx-tag":
            # a machine tag must hold a real SPDX id, even when we understand what was meant
            return Signal(origin, "unrecognised", statement, span, suggest=sig.spdx, family=sig.family, found=v,
                          note=f"'{v}' is not an SPDX id; the SPDX id of this licence is {sig.spdx}")
        return sig
    check = check_expression(v)
    note = "it is not an SPDX id" if check.unknown else "these words name no licence pad-lint knows"
    return Signal(origin, "unrecognised", statement, span, found=v, note=note)


def _family_of_expression(expression: str | None) -> str | None:
    if not expression:
        return None
    keys = license_keys(expression)
    return family_of(keys[0]) if len(keys) == 1 else None


# ------------------------------------------------------------------------------ SPDX tags

_SPDX_TAG = re.compile(r"SPDX-License-Identifier\s*:\s*(?P<value>[^\n]*?)\s*(?:-->|\*/|$)", re.IGNORECASE | re.MULTILINE)


def _spdx_tags(view: "PadView") -> list[Signal]:
    out: list[Signal] = []
    for comment in view.comments:
        base = comment.span.start_offset + 4  # after "<!--"
        for m in _SPDX_TAG.finditer(comment.text):
            span = view.index.span(base + m.start(), base + m.end())
            out.append(_classify_value(m.group("value"), "spdx-tag", m.group(0).strip(), span))
    return out


# ------------------------------------------------------------------------------ prose

@dataclass
class _Segment:
    text: str                 # source text (runs joined; gaps become one space)
    srcmap: list[int]         # source offset of each character of ``text``
    block: int
    first_in_block: bool
    maybe: bool = True        # the block contains a word some licence form needs (:data:`_MAYBE_LICENCE`)


#: A block with prose: its number, its runs and their text (runs joined; gaps become one space).
_Block = tuple[int, list[Any], str]


def _prose_blocks(view: "PadView") -> list[_Block]:
    """The blocks that hold prose runs, in block order, with their joined text (no source map:
    that is built by :func:`_block_segments` for the few blocks that are read)."""
    by_block: dict[int, list[Any]] = {}
    for run in view.runs:
        by_block.setdefault(run.block, []).append(run)
    out: list[_Block] = []
    for block_no in sorted(by_block):
        runs = by_block[block_no]
        parts: list[str] = []
        prev_end: int | None = None
        for run in runs:
            if prev_end is not None and run.start != prev_end:
                parts.append(" ")
            parts.append(run.text)
            prev_end = run.end
        out.append((block_no, runs, "".join(parts)))
    return out


def _block_segments(block: _Block, maybe: bool) -> list[_Segment]:
    """Prose of one block cut into lines and sentences, with a source map."""
    block_no, runs, text = block
    srcmap: list[int] = []
    prev_end: int | None = None
    for run in runs:
        if prev_end is not None and run.start != prev_end:
            srcmap.append(prev_end)
        srcmap.extend(range(run.start, run.start + len(run.text)))
        prev_end = run.end
    out: list[_Segment] = []
    first = True
    for line_start, line in _logical_lines(text):
        pieces = re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Ý«\"(\[])", line)
        pos = line_start
        for piece in pieces:
            idx = text.index(piece, pos)
            if piece.strip():
                out.append(_Segment(piece, srcmap[idx: idx + len(piece)], block_no, first, maybe))
                first = False
            pos = idx + len(piece)
    return out


def _segments(view: "PadView", blocks: list[_Block] | None = None, maybe: set[int] | None = None) -> list[_Segment]:
    """Prose of every block cut into lines and sentences, with a source map (all blocks:
    only the rare licence link that no statement covers needs them, see :func:`_links_and_badges`)."""
    blocks = _prose_blocks(view) if blocks is None else blocks
    maybe = _maybe_blocks(blocks) if maybe is None else maybe
    return [seg for block in blocks for seg in _block_segments(block, block[0] in maybe)]


#: A line that ends so that the sentence obviously goes on: a licence word, a preposition or an
#: article, a dash or a comma. The words are whole words (``\\b`` is Unicode-aware on ``str``
#: patterns, and digits count as word characters): "bla", "agenda", "Canada", "ça" or "2a" do
#: not end with the article "a", "Wikipédia" does not end with "de".
_CONTINUES = re.compile(r"(?i)(?:\b(?:commons|licen[cs]e|sous|under|the|a|la|de|des|du|selon|termes)|[-–—,])\s*$")


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """Lines of a block, with a line joined to the next when the sentence obviously goes on:
    the next line starts in lower case, or this one ends with "Commons", "licence", "sous",
    "under", "de la", a dash or a comma (licence names broken across lines, licences.md §3.4).

    Linear: whether a logical line goes on depends only on its last physical line that is
    not blank (:data:`_CONTINUES` ends with ``\\s*$`` and its words start at a word boundary,
    which the newline before a physical line is too), so that line alone is searched, and a
    logical line is sliced out of ``text`` once, when it is complete (it used to be searched
    and rebuilt whole for every line added to it: a paragraph of 8,000 lines ending in "de"
    took a minute)."""
    out: list[tuple[int, str]] = []
    start = end = -1                  # the logical line being built: text[start:end]
    goes_on = False                   # whether _CONTINUES matches it
    for m in re.finditer(r"[^\n]+", text):
        line = m.group(0)
        if start >= 0 and m.start() > 0 and text[m.start() - 1] == "\n" \
                and (line.lstrip()[:1].islower() or goes_on):
            end = m.end()
            if not line.isspace():    # a blank line keeps the verdict of the last line with text
                goes_on = _CONTINUES.search(line) is not None
            continue
        if start >= 0:
            out.append((start, text[start:end]))
        start, end = m.start(), m.end()
        goes_on = _CONTINUES.search(line) is not None
    if start >= 0:
        out.append((start, text[start:end]))
    return out


def _licence_sections(view: "PadView") -> dict[int, Span]:
    """Headings that open a licence section -> their span."""
    out: dict[int, Span] = {}
    for i, h in enumerate(view.headings):
        t = fold(h.text).text.strip()
        if re.match(r"^[\W\d_]*(?:(?:la |the |notre |our )?(?:licen[cs]es?|licensing|droits d'auteur"
                     r"|conditions de reutilisation|copyright)\b|(?:credits|mentions legales|legal|reuse|reutilisation)\b.*"
                     r"\blicen[cs]es?\b)", t):
            out[i] = h.span
    return out


def _licence_refs(view: "PadView") -> list[int]:
    """Start offsets of links and images that point to a licence (sorted)."""
    refs = [i.span.start_offset for i in view.images if classify_url(i.src)]
    refs += [lk.span.start_offset for lk in view.links if lk.kind != "embed" and classify_url(lk.href)]
    return sorted(refs)


def _line_end(view: "PadView", offset: int) -> int:
    end = view.pad.text.find("\n", offset)
    return len(view.pad.text) if end == -1 else end


def _prose(view: "PadView", prose_blocks: list[_Block], maybe: set[int],
           refs: list[int]) -> tuple[list[Signal], list[tuple[int, int]]]:
    """Prose signals, and the source ranges that are licence statements (links there count).

    Only blocks that can say something are cut into sentences and read: the blocks
    :data:`_MAYBE_LICENCE` matches, the blocks of a licence section, and the blocks that
    may hold the value of an empty ``Licence :`` label. Every other sentence would take
    the fast path of :func:`_analyse_segment` (no signal, no context)."""
    sections = _licence_sections(view)
    blocks = view.blocks
    out: list[Signal] = []
    ranges: list[tuple[int, int]] = []
    open_label: tuple[Signal, int] | None = None   # "Licence :" with nothing after it, block it is in
    section_found: dict[int, bool] = {i: False for i in sections}
    for prose_block in prose_blocks:
        block_no, _, text = prose_block
        block = blocks[block_no]
        block_in_section = block.section in sections and block.kind != "heading"
        if not (block_no in maybe or block_in_section
                or (open_label is not None and block_no in (open_label[1], open_label[1] + 1))):
            if open_label is not None and text.strip():
                out.append(open_label[0])   # the block has a sentence: the label got no value
                open_label = None
            continue
        for seg in _block_segments(prose_block, block_no in maybe):
            in_section = block_in_section
            follows_label = open_label is not None and seg.block in (open_label[1], open_label[1] + 1)
            if open_label is not None and not follows_label:
                out.append(open_label[0])
                open_label = None
            sigs, empty_label, is_context = _analyse_segment(view, seg, in_section or follows_label)
            if is_context or in_section or follows_label:
                ranges.append((seg.srcmap[0], _line_end(view, seg.srcmap[-1])))
            if empty_label is not None:
                start, end = seg.srcmap[0], _line_end(view, seg.srcmap[-1])
                i = bisect.bisect_left(refs, start)
                if not (i < len(refs) and refs[i] <= end):
                    open_label = (empty_label, seg.block)
                continue
            if sigs and follows_label:
                open_label = None
            if in_section and sigs:
                section_found[block.section] = True
            out += sigs
    if open_label is not None:
        out.append(open_label[0])
    ends = _section_ends(view, sections)
    for idx in sections:
        ranges.append((view.headings[idx].span.start_offset, ends[idx]))
    # A licence section that names nothing pad-lint understands.
    unfound = [idx for idx in sections if not section_found[idx]]
    if not unfound:
        return out, ranges
    texts = [b for b in blocks if b.kind != "heading" and b.text.strip()]
    text_starts = [b.span.start_offset for b in texts]
    stated = sorted(sig.span.start_offset for sig in out if sig.origin in ("label", "statement"))
    for idx in unfound:
        start = view.headings[idx].span.end_offset
        if _any_in(stated, start, ends[idx]) or _any_in(refs, start, ends[idx]):
            continue
        first = bisect.bisect_left(text_starts, start)
        if first < len(texts) and text_starts[first] < ends[idx]:
            b = texts[first]
            out.append(Signal("section", "unrecognised", b.text.strip()[:200], b.span, found=b.text.strip(),
                              note="the licence section names no licence pad-lint knows"))
        else:
            out.append(Signal("section", "placeholder", view.headings[idx].text, sections[idx], found="",
                              note="the licence section is empty"))
    return out, ranges


def _section_ends(view: "PadView", sections: dict[int, Span]) -> dict[int, int]:
    """End offset of each licence section: the start of the next heading of the same or a
    higher level (its sub-sections belong to it), or the end of the pad. One backward pass
    over the headings."""
    headings = view.headings
    end_of_pad = len(view.pad.text)
    ends: dict[int, int] = {}
    next_at_level: dict[int, int] = {}       # level -> start of the nearest later heading of level <= it
    for i in range(len(headings) - 1, -1, -1):
        h = headings[i]
        if i in sections:
            ends[i] = next_at_level.get(h.level, end_of_pad)
        for level in range(h.level, 7):
            next_at_level[level] = h.span.start_offset
    return ends


def _any_in(sorted_offsets: list[int], start: int, end: int) -> bool:
    """Whether one of ``sorted_offsets`` is in ``[start, end)``."""
    i = bisect.bisect_left(sorted_offsets, start)
    return i < len(sorted_offsets) and sorted_offsets[i] < end


#: Cheap pre-filter on lower-cased raw text: every form in :mod:`.table` contains one of
#: these (entities and accents do not matter for them). One alternative each.
_MAYBE_BRANCHES: tuple[str, ...] = (
    r"licen", r"\bcc", r"creative", r"commons", r"domaine", r"public", r"droits", r"rights", r"spdx", r"etalab",
    r"ouverte", r"odbl", r"open data", r"database", r"fdl", r"art libre", r"free art", r"attribution", r"paternit",
    r"\blal\b", r"\bfal\b", r"\bmit\b", r"apache", r"gpl", r"cecill", r"eupl", r"pddl", r"odc", r"libres? de",
    r"royalty", r"\blo\b", r"\bby-(?:nc|sa|nd)", r"zero", r"marque", r"mark", r"utilisation", r"copyright")
_MAYBE_LICENCE = re.compile("|".join(_MAYBE_BRANCHES))


def _needle(branch: str) -> tuple[str, re.Pattern[str] | None]:
    """The literal every match of ``branch`` starts with, and the branch itself when the
    literal alone is not a match (``\\bmit\\b``, ``libres? de``); ``None`` when it is."""
    body = branch.removeprefix(r"\b")
    m = re.match(r"[a-z -]+", body)
    assert m, branch
    literal = m.group(0)
    if body[m.end():m.end() + 1] in ("?", "*", "{"):
        literal = literal[:-1]          # "libres? de": the "s" is optional
    return literal, (None if literal == branch else re.compile(branch))


#: :data:`_MAYBE_BRANCHES` as (literal, check): ``str.find`` skips through a pad far faster
#: than the alternation does (one regex over every character of every block).
_MAYBE_NEEDLES: tuple[tuple[str, re.Pattern[str] | None], ...] = tuple(_needle(b) for b in _MAYBE_BRANCHES)


def _maybe_blocks(blocks: list[_Block]) -> set[int]:
    """Numbers of the blocks whose lower-cased text :data:`_MAYBE_LICENCE` matches.

    Same answer as searching each block, but each literal is looked for once in the whole
    pad (blocks joined by newlines, which no alternative matches across); after a match the
    search for that literal goes on from the next block."""
    lowered = [text.lower() for _, _, text in blocks]
    starts: list[int] = []
    pos = 0
    for low in lowered:
        starts.append(pos)
        pos += len(low) + 1
    big = "\n".join(lowered)
    found: set[int] = set()
    n = len(starts)
    for literal, check in _MAYBE_NEEDLES:
        at = big.find(literal)
        while at != -1:
            if check is None or check.match(big, at):
                i = bisect.bisect_right(starts, at) - 1
                found.add(i)
                if i + 1 >= n:
                    break
                at = big.find(literal, starts[i + 1])
            else:
                at = big.find(literal, at + 1)
    return {blocks[i][0] for i in found}


@lru_cache(maxsize=1)
def _sentence_cues() -> tuple[str, ...] | None:
    """Literals one of which is in every folded sentence that :func:`_analyse_segment` reads
    something from outside a licence section (``None``: no such list, read every sentence).

    There, a sentence says something only through a label (:data:`.table.LABEL`,
    :data:`.table.BARE_LABEL`), an anchor (:data:`.table.STATEMENT_PHRASES`,
    :data:`.table.LICENCE_WORD`), a placeholder after the word licence
    (:data:`.table.PLACEHOLDER_AFTER_WORD`) or a licence name that counts without an
    anchor (:data:`.match.ANY_CONTEXT_PATTERNS`); names of context ``"licence"`` need an
    anchor. Each pattern's literals come from the pattern itself (:mod:`.literals`)."""
    out: set[str] = set()
    for pattern in (table.LABEL, table.BARE_LABEL, table.STATEMENT_PHRASES, table.LICENCE_WORD,
                    table.PLACEHOLDER_AFTER_WORD, *ANY_CONTEXT_PATTERNS):
        needed = required_literals(pattern)
        if needed is None:
            return None
        out |= needed
    # a literal that contains another one adds nothing
    return tuple(sorted((s for s in out if not any(o != s and o in s for o in out)), key=len))


def _seg_span(view: "PadView", seg: _Segment, a: int, b: int) -> Span:
    """Source span of segment characters ``[a, b)``."""
    a = max(0, min(a, len(seg.srcmap) - 1))
    b = max(a + 1, min(b, len(seg.srcmap)))
    return view.index.span(seg.srcmap[a], seg.srcmap[b - 1] + 1)


def _analyse_segment(view: "PadView", seg: _Segment, in_section: bool) -> tuple[list[Signal], Signal | None, bool]:
    """Signals of one sentence; an empty ``Licence :`` label waiting for its value;
    whether the sentence is about licensing (links in it count)."""
    if not in_section and not seg.maybe:
        return [], None, False   # fast path: the block has no word any licence form or placeholder contains
    folded = fold(seg.text)
    t = folded.text
    if not t.strip():
        return [], None, False
    if not in_section:
        cues = _sentence_cues()
        if cues is not None and not any(cue in t for cue in cues):
            return [], None, False   # no label, anchor, placeholder or name that counts alone can match
    stripped = seg.text.strip()
    lead = len(seg.text) - len(seg.text.lstrip())
    whole = _seg_span(view, seg, lead, lead + len(stripped))

    def src(a: int, b: int) -> tuple[int, int]:
        """Folded range -> range in ``seg.text``."""
        return folded.source_range(a, b)

    label = re.match(table.LABEL, t)
    bare = re.match(table.BARE_LABEL, t)
    origin = "section" if in_section else ("label" if (label or bare) else "statement")

    # anchors: places that make nearby names part of a licence statement
    anchors = [(m.start(), m.end()) for m in re.finditer(table.STATEMENT_PHRASES, t)]
    anchors += [(m.start(), m.end()) for m in re.finditer(table.LICENCE_WORD, t)]
    discussion = not (in_section or label or bare) and bool(re.search(table.DISCUSSION, t))
    if discussion:
        anchors = []   # "on a comparé les licences CC BY et CC BY-SA": about licences, not a licence
    has_context = bool(in_section or label or bare or anchors)

    def near_anchor(f: Finding) -> bool:
        if in_section or label or bare:
            return True
        return any(a <= f.start <= e + 30 or f.start <= a <= f.end + 12 for a, e in anchors)

    names = []
    for f in find_names(t, lambda a, b: seg.text[slice(*src(a, b))]):
        if f.context == "licence" or not f.precise:
            ok = near_anchor(f)
        else:
            ok = not discussion and (has_context or f.start <= 2
                                     or bool(re.search(r"\b(?:sous|under)\s*$", t[max(0, f.start - 12):f.start])))
        if ok:
            names.append(f)
    if names and re.search(table.CODE_SUBJECT, t):
        # "le code est sous licence MIT": a software licence for code, not for the notes
        names = [f for f in names if f.family is None or f.family in table.CONTENT_FAMILIES
                 or f.family.startswith("CC-")]

    # placeholders
    ph: tuple[int, int] | None = None
    m = re.search(table.PLACEHOLDER_AFTER_WORD, t)
    if m:
        ph = (m.start(), m.end())
    value = label.group("value").strip(" .;,") if label else None
    if label and value is not None and re.fullmatch(
            table.PLACEHOLDER_VALUE, value):
        ph = (label.start(), len(t))
    if in_section and not names and re.fullmatch(rf"[\W_]*{table.PLACEHOLDER_VALUE}[\W_]*", t.strip()):
        ph = (0, len(t))

    if label and not value and not names and ph is None:
        empty = Signal("label", "placeholder", stripped, whole, found="", note="the licence label has no value")
        return [], empty, True

    if ph is not None:
        cands = tuple(dict.fromkeys(n.spdx or n.suggest for n in names if n.spdx or n.suggest))
        a, b = src(*ph)
        return [Signal(origin, "placeholder", stripped, whole, candidates=cands,
                       found=seg.text[a:b].strip(), at=_seg_span(view, seg, a, b),
                       note="a licence is named but left open" if cands else "")], None, True

    if not names:
        if label and value:
            vs, ve = src(label.start("value"), label.start("value") + len(label.group("value").rstrip(" .;,")))
            raw_value = seg.text[vs:ve]
            sig = _classify_value(raw_value, "label", stripped, whole)
            return [replace(sig, at=_seg_span(view, seg, vs, ve))], None, True
        unknown = re.search(table.ID_AFTER_PHRASE, t) if anchors else None
        if unknown and not re.search(table.CODE_SUBJECT, t):
            a, b = src(unknown.start("id"), unknown.end("id"))
            return [Signal(origin, "unrecognised", stripped, whole, found=seg.text[a:b], at=_seg_span(view, seg, a, b),
                           note="this is not an SPDX licence id pad-lint knows")], None, True
        return [], None, has_context

    sig = _combine_findings(names, t, origin, stripped, whole, folded, seg.text)
    a, b = src(min(f.start for f in names), max(f.end for f in names))
    return [replace(sig, at=_seg_span(view, seg, a, b))], None, True


def _combine_findings(names: list[Finding], t: str, origin: str, statement: str, span: Span, folded: Any,
                      raw: str) -> Signal:
    """One signal from the licence names of one statement.

    Names joined by "ou"/"or"/"/" make an ``OR`` expression, by "et"/"and"/"+"
    an ``AND`` expression; an imprecise name next to a precise one of the same
    family ("domaine public (CC0 1.0)", "CC BY-SA … 4.0") is absorbed.
    """
    def written(f: Finding) -> str:
        a, b = folded.source_range(f.start, f.end)
        return raw[a:b]

    precise = [f for f in names if f.precise]
    imprecise = [f for f in names if not f.precise]
    if precise:
        parts: list[str] = []
        ops: list[str] = []
        prev: Finding | None = None
        for f in precise:
            if prev is not None:
                between = t[prev.end:f.start]
                if re.fullmatch(r"[\s,()]*(?:ou|or|/)[\s,()]*(?:la |the |licence |license )*", between):
                    ops.append("OR")
                elif re.fullmatch(r"[\s,()*_]*(?:et|and|\+|&)\b[^.;]{0,60}", between):
                    ops.append("AND")   # "CC BY-SA 4.0 and code under the MIT License": parts under each
                else:
                    ops.append("?")
            parts.append(f.spdx)  # type: ignore[arg-type]
            prev = f
        ids = list(dict.fromkeys(parts))
        notes = [f.note for f in precise if f.note]
        found = ", ".join(written(f) for f in precise)
        if len(ids) == 1:
            expr = ids[0]
        elif "?" not in ops and len(set(ops)) == 1:
            expr = f" {ops[0]} ".join(ids)
        else:
            # several licences in one sentence with no clear link: report each, let the verdict decide
            return Signal(origin, "declared", statement, span, spdx=None, candidates=tuple(ids), found=found,
                          note="several licences are named in one sentence")
        fams = {family_of(i) for i in ids}
        leftovers = [f for f in imprecise if not _compatible(f.family, f.suggest, expr, fams)]
        if leftovers:
            return Signal(origin, "declared", statement, span, spdx=None,
                          candidates=tuple(ids) + tuple(f.suggest or f.family or "" for f in leftovers),
                          found=found + ", " + ", ".join(written(f) for f in leftovers),
                          note="several licences are named in one sentence")
        return Signal(origin, "declared", statement, span, spdx=expr, family=fams.pop() if len(fams) == 1 else None,
                      note="; ".join(dict.fromkeys(notes)), found=found)
    f = max(imprecise, key=lambda f: (f.family is not None, f.end - f.start))
    return Signal(origin, "unrecognised", statement, span, family=f.family, suggest=f.suggest,
                  note=f.note, found=written(f), candidates=tuple(x.suggest for x in imprecise if x.suggest))


def _compatible(family: str | None, suggest: str | None, spdx: str, declared_families: set[str]) -> bool:
    """Whether an imprecise name agrees with a precise licence (so it adds nothing)."""
    if family is None:
        return True
    if family == "CC":
        return any(f.startswith("CC") for f in declared_families)
    if family == "PD":
        return bool(declared_families & {"CC0", "CC-PDM", "PDDL"})
    return family in declared_families


# ------------------------------------------------------------------------------ links and badges

_REL_LICENSE = re.compile(r"""\brel\s*=\s*["']?[^"'>]*\blicen[cs]e\b""", re.IGNORECASE)


def _merged(ranges: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Sorted, merged ``[start, end)`` ranges as two parallel lists (for :func:`_covered`)."""
    starts: list[int] = []
    ends: list[int] = []
    for a, b in sorted(ranges):
        if starts and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends


def _covered(merged: tuple[list[int], list[int]], offset: int) -> bool:
    """Whether ``offset`` is inside one of the merged ranges (a binary search, not a scan)."""
    starts, ends = merged
    i = bisect.bisect_right(starts, offset) - 1
    return i >= 0 and offset < ends[i]


def _links_and_badges(view: "PadView", all_segments: Callable[[], list[_Segment]],
                      context_spans: list[tuple[int, int]]) -> list[Signal]:
    """Signals of licence badges, and of licence links that count (see module docs).

    ``all_segments`` gives the sentences of every block; it is only called for a licence
    link that neither ``rel="license"``, a badge nor a licence statement accounts for."""
    segs: list[_Segment] = []
    seg_starts: list[int] | None = None
    contexts = _merged(context_spans)
    out: list[Signal] = []
    badge_links: set[str] = set()
    for img in view.images:
        f = classify_url(img.src)
        if f is None:
            continue
        if img.link_href:
            badge_links.add(img.link_href)
        out.append(_signal_from_finding(f, "badge", view.pad.text[img.span.start_offset:img.span.end_offset],
                                        img.span, img.src))
    for link in view.links:
        if link.kind == "embed":
            continue
        f = classify_url(link.href)
        if f is None:
            continue
        ls = link.span.start_offset
        counts = bool(_REL_LICENSE.search(link.raw)) or link.href in badge_links
        counts = counts or _covered(contexts, ls) or _covered(contexts, link.span.end_offset - 1)
        if not counts:
            if seg_starts is None:
                segs = all_segments()
                seg_starts = [s.srcmap[0] for s in segs]
            i = bisect.bisect_right(seg_starts, ls) - 1
            seg = segs[i] if i >= 0 and ls <= segs[i].srcmap[-1] + 1 else None
            if seg is not None:
                rest = fold(seg.text.replace(link.text, " ", 1) if link.text else seg.text).text
                counts = not re.search(r"[a-z0-9]", rest) or bool(re.search(table.LICENCE_WORD + "|" + table.STATEMENT_PHRASES, rest))
            else:
                line = re.sub(r"<[^>]*>|\S+://\S+", " ", view.index.line_text(link.span.start_line - 1))
                rest = fold(line).text
                counts = not re.search(r"[a-z0-9]", rest) or _html_wraps_badge(view, link) \
                    or bool(re.search(table.LICENCE_WORD + "|" + table.STATEMENT_PHRASES, rest))
        if counts:
            out.append(_signal_from_finding(f, "link", link.raw if len(link.raw) < 300 else link.href, link.span,
                                            link.href))
    return out


def _html_wraps_badge(view: "PadView", link: Any) -> bool:
    """``<a href="…"><img src="…badge…"></a>``: the badge image right after the opening tag."""
    after = view.pad.text[link.span.end_offset: link.span.end_offset + 400]
    m = re.match(r"\s*<img\b[^>]*\bsrc\s*=\s*[\"']([^\"']+)", after, re.IGNORECASE)
    return bool(m and classify_url(m.group(1)))


def _signal_from_finding(f: Finding, origin: str, statement: str, span: Span, found: str) -> Signal:
    if f.precise:
        return Signal(origin, "declared", statement, span, spdx=f.spdx, family=f.family, note=f.note, found=found)
    return Signal(origin, "unrecognised", statement, span, family=f.family, suggest=f.suggest, note=f.note, found=found,
                  candidates=(f.suggest,) if f.suggest else ())


# ------------------------------------------------------------------------------ verdict

def _verdict(signals: list[Signal], language: Callable[[], str]) -> LicenceAnalysis:
    def cands(sigs: list[Signal]) -> list[str]:
        out: list[str] = []
        for s in sigs:
            for c in ([s.spdx] if s.spdx else []) + list(s.candidates) + ([s.suggest] if s.suggest else []):
                if c and c not in out:
                    out.append(c)
        return out

    def make(status: str, primary: Signal | None, spdx: str | None = None, conflicting: list[Signal] | None = None,
             candidates: list[str] | None = None) -> LicenceAnalysis:
        lic = Licence(status=status, spdx=spdx, statement=primary.statement if primary else None,
                      span=primary.span if primary else None,
                      candidates=candidates if candidates is not None else cands(signals))
        return LicenceAnalysis(licence=lic, signals=signals, primary=primary, conflicting=conflicting or [],
                               _language_of=language)

    if not signals:
        return make("missing", None, candidates=[])

    placeholders = [s for s in signals if s.status == "placeholder"]
    declared = [s for s in signals if s.status == "declared"]
    unrecognised = [s for s in signals if s.status == "unrecognised"]

    if placeholders:
        return make("placeholder", placeholders[0])

    # a sentence naming several unrelated licences is itself a conflict
    multi = [s for s in declared if s.spdx is None]
    exprs = list(dict.fromkeys(s.spdx for s in declared if s.spdx))
    chosen = _covering_expression(exprs)
    if multi or (exprs and chosen is None):
        disagree = _disagreeing(declared)
        return make("conflict", disagree[0], conflicting=disagree)

    if chosen is not None:
        fams = {family_of(k) for k in license_keys(chosen)}
        clash = [u for u in unrecognised
                 if (u.family or u.suggest) and not _compatible(u.family, u.suggest, chosen, fams)]
        if clash:
            disagree = sorted(declared + clash, key=lambda s: s.span.start_offset)
            return make("conflict", disagree[0], conflicting=disagree)
        primary = min((s for s in declared if s.spdx == chosen),
                      key=lambda s: (_ORIGIN_RANK.get(s.origin, 9), s.span.start_offset))
        return make("declared", primary, spdx=chosen)

    informative = [u for u in unrecognised if u.family or u.suggest] or unrecognised
    primary = min(informative, key=lambda s: (_ORIGIN_RANK.get(s.origin, 9), s.span.start_offset))
    return make("unrecognised", primary)


def _covering_expression(exprs: list[str]) -> str | None:
    """The one expression every other one is part of (``A OR B`` covers ``A``), or ``None``."""
    if not exprs:
        return None
    keyed = [(e, set(license_keys(e))) for e in exprs]
    for e, keys in sorted(keyed, key=lambda x: -len(x[1])):
        if all(k <= keys for _, k in keyed):
            if len(keyed) == 1 or all(k == keys for _, k in keyed) or " OR " in e or " AND " in e:
                return e
    return None


def _disagreeing(declared: list[Signal]) -> list[Signal]:
    seen: dict[str, Signal] = {}
    out: list[Signal] = []
    for s in declared:
        key = s.spdx or "|".join(s.candidates)
        if key not in seen:
            seen[key] = s
            out.append(s)
    return out

