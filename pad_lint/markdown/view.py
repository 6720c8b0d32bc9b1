"""PadView: everything the rules and the event extractor read, derived once.

:func:`build_view` parses the pad a single time with the HedgeDoc-configured
markdown-it instance and walks the tokens once, collecting headings, links,
images, containers, code blocks, HTML comments, HedgeDoc extra tags and the
prose runs (text outside code, URLs and HTML), each with its source span.
"""

from __future__ import annotations

import html as html_lib
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from markdown_it.token import Token

from ..source import Pad
from ..spans import LineIndex, Span
from . import heading_ids as hid
from .engine import CONTAINER_NAMES, hedgedoc_markdown
from .frontmatter import FrontMatter, split_front_matter
from .html_scan import scan_html

# HedgeDoc 1 extra tags: the regexes of ``replaceExtraTags`` (hedgedoc/hedgedoc@master
# public/js/extra.js; shared/reference/hedgedoc-format.md §5). JS ``\w`` is ASCII.
EXTRA_TAGS: dict[str, re.Pattern[str]] = {
    "color": re.compile(r"\[color=([#|()\s,A-Za-z0-9_]*?)\]"),
    "name": re.compile(r"\[name=(.*?)\]"),
    "time": re.compile(r"\[time=([:,.+()\sA-Za-z0-9_-]*?)\]"),
}
#: Any of the three extra tags (loose; :func:`find_extra_tags` applies the exact rules).
EXTRA_TAG = re.compile(r"\[(name|time|color)=([^\]\n]*)\]")
_CONTAINER_LINE = re.compile(r"^\s{0,3}(:{3,})\s*(\S*)(.*)$")
#: A fence line (group 1) or a ``_CONTAINER_LINE`` (groups 2-4), matched on the whole text.
_FENCE_OR_CONTAINER_LINE = re.compile(r"^[^\S\n]{0,3}(?:(`{3,}|~{3,})|(:{3,})[^\S\n]*(\S*)(.*)$)", re.M)
#: Fence languages HedgeDoc 1 renders as diagrams (``highlightRender``), plus vega
#: (HedgeDoc 2 / HackMD): their content is never prose.
DIAGRAM_LANGS = frozenset({"mermaid", "graphviz", "sequence", "flow", "abc", "vega", "vega-lite"})
# Fence info suffixes (HedgeDoc 1 ``md.renderer.rules.fence``): ``lang=`` line numbers,
# ``lang=101`` start at 101, ``lang=+`` continue numbering, ``lang!``/``lang=!`` wrap.
_FENCE_SUFFIX = re.compile(r"(=\d*|=\+|=!|!)$")


def find_extra_tags(text: str) -> list[tuple[str, str, int, int]]:
    """HedgeDoc extra tags in ``text``: ``(kind, value, start, end)``, sorted by start.

    A ``[name=…]`` directly followed by ``[time=…]`` counts as two tags.
    """
    if "=" not in text or "[" not in text:  # every tag is "[kind=…]"
        return []
    found = []
    for kind, pattern in EXTRA_TAGS.items():
        for m in pattern.finditer(text):
            found.append((kind, m.group(1).strip(), m.start(), m.end()))
    return sorted(found, key=lambda t: t[2])


def parse_fence_info(info: str) -> tuple[str, str | None, bool]:
    """Split a fence info string the HedgeDoc 1 way.

    Returns ``(language, line_numbers, wrap)``: ``language`` is the first word
    without its suffix, lower-cased; ``line_numbers`` is ``None`` (off), ``""``
    (on, from 1), ``"101"`` (from 101) or ``"+"`` (continue); ``wrap`` is true
    for a trailing ``!``.
    """
    word = info.strip().split()[0] if info.strip() else ""
    wrap = word.endswith("!")
    m = _FENCE_SUFFIX.search(word)
    numbers = None
    if m:
        suffix = m.group(1)
        if suffix.startswith("=") and suffix != "=!":
            numbers = suffix[1:]
        word = word[: m.start()]
    return word.lower(), numbers, wrap


@dataclass
class Heading:
    level: int
    text: str            # rendered text content (typographer applied)
    inner_html: str      # rendered inner HTML, as HedgeDoc slugifies it
    span: Span
    setext: bool = False
    explicit_id: str | None = None
    source: str = ""     # the heading's inline Markdown source (for dialects that slug the un-typographed text)

    def id(self, dialect: str) -> str:  # pragma: no cover - convenience, ids come from PadView
        return hid.heading_ids([(self.inner_html, self.text)], dialect)[0]


@dataclass
class Link:
    href: str                 # destination as markdown-it normalises it
    raw: str                  # the link's literal source text
    text: str                 # visible text
    kind: str                 # inline | reference | autolink | linkify | html | embed
    span: Span
    title: str | None = None
    destination: str | None = None  # destination as written (inline links)


@dataclass
class Image:
    src: str
    alt: str | None           # None: no alt attribute at all (HTML)
    span: Span
    syntax: str               # markdown | html
    title: str | None = None
    width: str | None = None
    height: str | None = None
    decorative: bool = False
    attrs: dict[str, str | None] = field(default_factory=dict)
    link_href: str | None = None   # set when the image is the only content of a link


@dataclass
class Container:
    """A ``:::name`` box. ``closed`` is true when a ``:::`` line of its own ends it;
    ``parent`` is the index in :attr:`PadView.containers` of the box that holds it."""

    name: str
    info: str
    span: Span
    closed: bool
    known: bool
    text: str = ""
    parent: int | None = None


@dataclass
class CodeBlock:
    """A fenced or indented code block. ``diagram`` is the language when HedgeDoc
    draws it (mermaid, graphviz, sequence, flow, abc, vega), else ``None``."""

    info: str
    language: str
    content: str
    span: Span
    diagram: str | None = None
    line_numbers: str | None = None   # None | "" | "101" | "+"  (see parse_fence_info)
    wrap: bool = False
    closed: bool = True               # False: a fence with no closing line (runs to the end of its parent)


@dataclass
class Comment:
    text: str
    span: Span


@dataclass
class ExtraTag:
    kind: str                 # name | time | color
    value: str
    span: Span
    rendered: bool            # HedgeDoc 1 renders it: in a list item or a blockquote paragraph,
                              # outside inline elements (emphasis, links, code)
    block: int = -1           # index into PadView.blocks


@dataclass
class Emoji:
    name: str                 # shortcode without colons
    char: str
    span: Span


@dataclass
class TextRun:
    """Literal prose as written, with its source offset.

    ``context`` is ``text`` or ``link_text``; URLs, code and HTML are never runs.
    """

    text: str
    start: int
    context: str
    block: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class Strong:
    text: str
    span: Span


@dataclass
class Block:
    """A paragraph-level block of inline content (paragraph, heading, cell…)."""

    kind: str                 # paragraph | heading | table_cell | dt | dd
    text: str                 # rendered plain text (typographer applied)
    raw: str                  # the inline source (block content)
    span: Span
    section: int | None       # index of the heading it falls under
    list_depth: int
    in_blockquote: bool
    container: str | None
    strong: list[Strong] = field(default_factory=list)
    links: list[int] = field(default_factory=list)    # indices into PadView.links
    line_starts: list[int] = field(default_factory=list)  # source offset of each line of ``raw``
    # offsets in ``raw`` of each "|" a table cell's source writes "\|" (markdown-it drops the "\")
    escaped_pipes: list[int] = field(default_factory=list)

    def source_offset(self, pos: int) -> int:
        """Offset in the pad text of offset ``pos`` in :attr:`raw`."""
        shift = bisect_right(self.escaped_pipes, pos) if self.escaped_pipes else 0
        if not self.line_starts:
            return self.span.start_offset + pos + shift
        line = self.raw.count("\n", 0, pos)
        line_start = self.raw.rfind("\n", 0, pos) + 1
        return self.line_starts[min(line, len(self.line_starts) - 1)] + pos - line_start + shift


@dataclass
class PadView:
    pad: Pad
    front_matter: FrontMatter
    headings: list[Heading] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    containers: list[Container] = field(default_factory=list)
    unknown_containers: list[Container] = field(default_factory=list)
    code_blocks: list[CodeBlock] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    extra_tags: list[ExtraTag] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    runs: list[TextRun] = field(default_factory=list)
    toc: list[Span] = field(default_factory=list)          # [TOC] markers HedgeDoc 1 renders
    emoji: list[Emoji] = field(default_factory=list)
    abbreviations: dict[str, str] = field(default_factory=dict)  # *[ABBR]: title
    tags_line: list[tuple[str, Span]] = field(default_factory=list)
    html_anchors: list[tuple[str, Span]] = field(default_factory=list)
    html_anchor_attrs: list[str] = field(default_factory=list)  # "id" or "name", parallel to html_anchors
    footnote_anchors: list[str] = field(default_factory=list)  # ids markdown-it-footnote gives: fn1, fnref1, fnref1:1
    references: dict[str, Any] = field(default_factory=dict)
    _ids: dict[str, list[str]] = field(default_factory=dict)

    @property
    def index(self) -> LineIndex:
        return self.pad.index

    def heading_ids(self, dialect: str = hid.DEFAULT_DIALECT) -> list[str]:
        """Ids of :attr:`headings` under ``dialect`` (cached). Raises ValueError on an unknown dialect."""
        if dialect not in self._ids:
            ids = hid.heading_ids([(h.inner_html, h.text, _github_text(h.source) if dialect == "github" else "")
                                   for h in self.headings], dialect)
            self._ids[dialect] = [h.explicit_id or i for h, i in zip(self.headings, ids)]
        return self._ids[dialect]

    def anchor_targets(self, dialect: str = hid.DEFAULT_DIALECT) -> set[str]:
        """Every element id a ``#fragment`` may reach: heading ids plus HTML ``id``
        (and ``<a name>``, except in HedgeDoc 1 whose sanitizer strips ``name``)."""
        keep_names = not dialect.startswith("hedgedoc1")
        return {i for i in self.heading_ids(dialect) if i} | set(self.footnote_anchors) | {
            a for (a, _), attr in zip(self.html_anchors, self.html_anchor_attrs) if attr == "id" or keep_names}


class _SourceMap:
    """Maps offsets in a block's inline ``content`` to offsets in the pad text."""

    def __init__(self, index: LineIndex, content: str, first_line0: int, cursors: dict[int, int],
                 lines_of: "_SourceLines | None" = None):
        self.content_starts: list[int] = []
        self.source_starts: list[int] = []       # one segment per line, and per escaped pipe
        self.line_source_starts: list[int] = []  # one per line of the content
        self.escaped_pipes: list[int] = []       # content offsets of "|" written "\|"
        pipes: list[int] = []
        self.limit = len(index.text)
        source_line = lines_of or _SourceLines(index)
        lines = content.split("\n")
        # markdown-it's paragraph rule str.strip()s its content, which also drops
        # leading lines holding only whitespace CommonMark does not call blank
        # (form feed, U+2028…): start at the source line the content really starts on.
        # (``not src.strip()`` is tested first, as ``isspace``: on a long line, the
        # substring search would scan it for every cell of a table row.)
        first = lines[0].strip()
        while first and first_line0 + 1 < index.line_count:
            src = source_line(first_line0)[0]
            if (src and not src.isspace()) or first in src:
                break
            first_line0 += 1
        pos = 0
        for i, line in enumerate(lines):
            line0 = first_line0 + i
            src, src_r = source_line(line0)
            floor = cursors.get(line0, 0)
            stripped = line.rstrip()
            col = -1
            expanded = False
            if stripped:
                if src_r.endswith(stripped) and len(src_r) - len(stripped) >= floor:
                    col = len(src_r) - len(stripped)
                else:
                    core = stripped.lstrip()
                    found = src.find(core, floor)
                    if found == -1 and "|" in core:
                        # a table cell: markdown-it removed the backslash of each "\|"
                        found = src.find(core.replace("|", "\\|"), floor)
                        if found != -1:
                            pipes = [j for j, ch in enumerate(line) if ch == "|"]
                    if found != -1:
                        col = found - (len(stripped) - len(core))
                        # markdown-it expands a tab of the indentation into spaces: the
                        # content's leading blanks are longer than the source's, so
                        # anchor the line on its first non-blank character.
                        expanded = col < 0
            if col < 0 and not expanded:
                col = min(floor, len(src))
            line_source = max(0, index.line_start(line0) + col)
            self.content_starts.append(pos)
            self.source_starts.append(line_source)
            self.line_source_starts.append(line_source)
            if pipes:
                # each "|" of the content is the second character of a "\|" in the source:
                # a new segment starts at every one, one more character further on
                for shift, j in enumerate(pipes, start=1):
                    self.content_starts.append(pos + j)
                    self.source_starts.append(line_source + j + shift)
                    self.escaped_pipes.append(pos + j)
            cursors[line0] = col + len(stripped) + len(pipes)
            pipes = []
            pos += len(line) + 1

    def __call__(self, offset: int) -> int:
        i = bisect_right(self.content_starts, offset) - 1
        if i < 0:
            i = 0
        return min(self.limit, max(0, self.source_starts[i] + offset - self.content_starts[i]))

    def split_pieces(self, pieces: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
        """``pieces`` (content offset, text, context) cut where a segment starts inside one,
        so that each piece is contiguous in the source (only needed for escaped pipes)."""
        if not self.escaped_pipes:
            return pieces
        out = []
        for pos, raw, ctx in pieces:
            end = pos + len(raw)
            cut = pos
            for boundary in self.escaped_pipes[bisect_right(self.escaped_pipes, pos):]:
                if boundary >= end:
                    break
                out.append((cut, raw[cut - pos:boundary - pos], ctx))
                cut = boundary
            out.append((cut, raw[cut - pos:], ctx))
        return out


class _SourceLines:
    """``index.line_text(line0)`` and its ``rstrip()``, remembered for the last line asked.

    The cells of a table row are inline blocks of one source line: without it, every
    cell sliced (and right-stripped) the whole row again (20,000 columns: quadratic).
    """

    def __init__(self, index: LineIndex):
        self.index = index
        self.line0 = -1
        self.texts = ("", "")

    def __call__(self, line0: int) -> tuple[str, str]:
        if line0 != self.line0:
            src = self.index.line_text(line0)
            self.line0, self.texts = line0, (src, src.rstrip())
        return self.texts


class _ShiftedMap:
    """Source map of an inline footnote's content: offsets shifted into its paragraph."""

    def __init__(self, parent: Any, base: int):
        self.parent = parent
        self.base = base
        self.source_starts = [parent(base)]

    def __call__(self, offset: int) -> int:
        return self.parent(self.base + offset)


def build_view(pad: Pad) -> PadView:
    """Parse ``pad`` once and collect what rules and extractors need."""
    fm = split_front_matter(pad.text)
    env: dict[str, Any] = {"pad_front_matter_lines": fm.lines}
    md = hedgedoc_markdown()
    tokens = md.parse(pad.text, env)
    view = PadView(pad=pad, front_matter=fm, references=env.get("references", {}),
                   abbreviations=dict(env.get("abbreviations") or {}))
    _Walker(view, md, env).walk(tokens)
    _scan_unknown_containers(view)
    return view


class _Walker:
    def __init__(self, view: PadView, md: Any, env: dict[str, Any]):
        self.view = view
        self.md = md
        self.env = env
        self.index = view.pad.index
        self.cursors: dict[int, int] = {}
        self.source_lines = _SourceLines(self.index)
        self.stack: list[Token] = []
        self.section: int | None = None
        self.footnote_maps: dict[int, _ShiftedMap] = {}
        self.leaf_lines: set[int] = set()          # lines that some leaf block (paragraph, fence…) holds
        self.container_of: dict[int, int] = {}     # id(open token) -> index in view.containers

    # -- helpers -----------------------------------------------------------------
    def lines_span(self, token: Token) -> Span:
        a, b = token.map or (0, 1)
        return self.index.line_span(a, b)

    def container_name(self) -> str | None:
        for tok in reversed(self.stack):
            if tok.type.startswith("container_") and tok.type.endswith("_open"):
                return tok.type[len("container_"):-len("_open")]
        return None

    # -- walk ----------------------------------------------------------------------
    def walk(self, tokens: list[Token]) -> None:
        for tok in tokens:
            if tok.map and tok.type in _LEAF_BLOCKS:
                self.leaf_lines.update(range(tok.map[0], tok.map[1]))
        for i, tok in enumerate(tokens):
            t = tok.type
            if tok.nesting == 1:
                self.stack.append(tok)
                if t.startswith("container_"):
                    self.container_open(tok)
            elif tok.nesting == -1:
                if self.stack:
                    self.stack.pop()
            if t == "inline" and tok.map is None:
                # an inline footnote ``^[…]`` moved to the end by footnote_tail:
                # map it through the paragraph that holds it (or drop it)
                shifted = self.footnote_maps.get(id(tok.children))
                if shifted is not None:
                    self.inline(tok, None, smap=shifted)
            elif t == "inline":
                self.inline(tok, tokens[i - 1] if i else None)
            elif t in ("fence", "code_block"):
                self.code(tok)
            elif t == "html_block":
                self.html(tok.content, tok.map[0] if tok.map else 0, block=True)
            elif t in ("math_block", "math_block_label"):
                pass

    def _quote_depth(self) -> int:
        return sum(1 for s in self.stack if s.type == "blockquote_open")

    def _line_in_quotes(self, line0: int) -> str:
        """Source line ``line0`` without the ``>`` markers of the blockquotes that hold it."""
        text = self.index.line_text(line0)
        for _ in range(self._quote_depth()):
            m = re.match(r"^ {0,3}> ?", text)
            if not m:
                break
            text = text[m.end():]
        return text

    def container_open(self, tok: Token) -> None:
        name = tok.type[len("container_"):-len("_open")]
        a, b = tok.map or (0, 1)
        # markdown-it-container maps [opening line, closing line); an unclosed
        # container runs to the end of its parent without a closing marker. The
        # line at ``b`` is this box's own closing line only when it is a run of at
        # least as many colons, no leaf block holds it (a ``:::`` the container rule
        # did not take stays a paragraph), and it is not the closing line of an
        # enclosing box: HedgeDoc gives a ``:::`` line to the outermost open box
        # that it can close, whatever the nesting (``::::`` is needed for nesting).
        parents = [t for t in self.stack[:-1] if t.type.startswith("container_") and t.type.endswith("_open")]
        parent = self.container_of.get(id(parents[-1])) if parents else None
        closed = False
        if b < self.index.line_count and b not in self.leaf_lines:
            m = re.match(r"^\s*(:{3,})\s*$", self._line_in_quotes(b))
            closed = bool(m) and len(m.group(1)) >= len(tok.markup or ":::") and \
                not any(p.map and p.map[1] == b for p in parents)
        if closed:
            b += 1
        info = tok.info.strip()
        extra = info[len(name):].strip() if info.startswith(name) else info
        self.container_of[id(tok)] = len(self.view.containers)
        self.view.containers.append(Container(name=name, info=extra, span=self.index.line_span(a, b),
                                              closed=closed, known=True, parent=parent))

    def code(self, tok: Token) -> None:
        info = tok.info.strip()
        lang, numbers, wrap = parse_fence_info(info) if tok.type == "fence" else ("", None, False)
        closed = True
        if tok.type == "fence" and tok.map:
            # markdown-it maps a closed fence up to and including its closing line;
            # an unclosed one ends with a content line (or is the opening line alone)
            a, b = tok.map
            last = self._line_in_quotes(b - 1) if b - 1 > a else ""
            m = re.match(r"^\s*(`{3,}|~{3,})\s*$", last)
            closed = bool(m) and m.group(1)[0] == tok.markup[0] and len(m.group(1)) >= len(tok.markup)
        self.view.code_blocks.append(CodeBlock(info=info, language=lang, content=tok.content,
                                               span=self.lines_span(tok),
                                               diagram=lang if lang in DIAGRAM_LANGS else None,
                                               line_numbers=numbers, wrap=wrap, closed=closed))

    def html(self, fragment: str, line0: int, block: bool, base_offset: int | None = None) -> None:
        scan = scan_html(fragment)
        frag_lines = fragment.split("\n")

        def offset(l0: int, c0: int) -> int:
            if base_offset is not None and l0 == 0:
                return base_offset + c0
            if base_offset is not None:
                return self.index.line_start(self.index.line_col(base_offset)[0] - 1 + l0) + c0
            src = self.index.line_text(line0 + l0)
            frag = frag_lines[l0] if l0 < len(frag_lines) else ""
            shift = max(0, len(src) - len(frag)) if src.endswith(frag) else max(0, src.find(frag.strip()[:20]))
            return self.index.line_start(line0 + l0) + shift + c0

        for el in scan.elements:
            start = offset(el.line0, el.col0)
            span = self.index.span(start, start + len(el.source))
            if el.tag == "img":
                alt = el.attrs.get("alt")
                decorative = alt == "" or el.attrs.get("aria-hidden") == "true" \
                    or el.attrs.get("role") in ("presentation", "none")
                self.view.images.append(Image(src=el.attrs.get("src") or "", alt=alt, span=span, syntax="html",
                                              title=el.attrs.get("title"), width=el.attrs.get("width"),
                                              height=el.attrs.get("height"), decorative=decorative,
                                              attrs=el.attrs))
            elif el.tag == "a" and "href" in el.attrs:
                self.view.links.append(Link(href=el.attrs.get("href") or "", raw=el.source, text="",
                                            kind="html", span=span, title=el.attrs.get("title"),
                                            destination=el.attrs.get("href") or ""))
            for attr in ("id", "name"):
                value = el.attrs.get(attr)
                if value and (attr == "id" or el.tag == "a"):
                    self.view.html_anchors.append((value, span))
                    self.view.html_anchor_attrs.append(attr)
        for text, l0, c0 in scan.comments:
            start = offset(l0, c0)
            self.view.comments.append(Comment(text=text, span=self.index.span(start, start + len(text) + 7)))

    def inline(self, tok: Token, opener: Token | None, smap: "Any" = None) -> None:
        view = self.view
        a = (tok.map or [0, 1])[0]
        if smap is None:
            smap = _SourceMap(self.index, tok.content, a, self.cursors, self.source_lines)
        children = tok.children or []
        kind = "paragraph"
        if opener is not None:
            kind = {"heading_open": "heading", "th_open": "table_cell", "td_open": "table_cell",
                    "dt_open": "dt", "dd_open": "dd"}.get(opener.type, "paragraph")
        list_depth = sum(1 for s in self.stack if s.type == "list_item_open")
        in_quote = any(s.type == "blockquote_open" for s in self.stack)
        container = self.container_name()
        content = tok.content

        def pos_of(child: Token) -> int | None:
            return (child.meta or {}).get("pad_pos")

        next_pos: list[int] = []

        def end_of(k: int) -> int:
            # offset of the first positioned child after k (else the content's end),
            # computed for every k in one backward pass on first use
            if not next_pos:
                cur = len(content)
                next_pos.extend([cur] * len(children))
                for j in range(len(children) - 1, -1, -1):
                    next_pos[j] = cur
                    p = pos_of(children[j])
                    if p is not None:
                        cur = p
            return next_pos[k] if k < len(next_pos) else len(content)

        start_src = smap(0)
        end_src = smap(len(content))
        block_span = self.index.span(start_src, end_src)
        inner = None
        text = _plain_text(children)
        if text is None or kind == "heading":
            inner = self.md.renderer.renderInline(children, self.md.options, self.env)
            text = html_lib.unescape(_TAG.sub("", inner))

        if kind == "heading":
            level = int(opener.tag[1]) if opener and opener.tag[1:].isdigit() else 1
            view.headings.append(Heading(level=level, text=text.strip(), inner_html=inner, span=block_span,
                                         setext=bool(opener and opener.markup in ("=", "-")), source=content))
            self.section = len(view.headings) - 1
            if level == 6 and re.match(r"(?i)^\s*tags\b", text):
                for child in children:
                    if child.type == "code_inline" and pos_of(child) is not None:
                        s = smap(pos_of(child))
                        view.tags_line.append((child.content.strip(), self.index.span(s, s + len(child.markup) * 2 + len(child.content))))

        block = Block(kind=kind, text=text, raw=content, span=block_span, section=self.section,
                      list_depth=list_depth, in_blockquote=in_quote, container=container,
                      line_starts=list(getattr(smap, "line_source_starts", smap.source_starts)),
                      escaped_pipes=list(getattr(smap, "escaped_pipes", ())))
        block_no = len(view.blocks)
        view.blocks.append(block)

        # prose runs: merge literal pieces that touch in the source
        pieces = (tok.meta or {}).get("pad_pieces", [])
        if getattr(smap, "escaped_pipes", None):
            pieces = smap.split_pieces(pieces)
        runs: list[TextRun] = []
        parts: list[list[str]] = []  # each run's pieces, joined once (+= on a long run was quadratic)
        ends: list[int] = []         # each run's end offset while it grows
        source = self.index.text
        for pos, raw, ctx in pieces:
            if ctx not in ("text", "link_text", "break"):
                continue
            src = smap(pos)
            if ctx == "break":
                # a soft or hard line break joins the runs around it only when
                # the source really holds a newline there (not "\\\n")
                if runs and ends[-1] == src and source[src:src + 1] == "\n":
                    parts[-1].append("\n")
                    ends[-1] += 1
                continue
            if runs and ends[-1] == src and runs[-1].context == ctx:
                parts[-1].append(raw)
                ends[-1] += len(raw)
            else:
                runs.append(TextRun(text=raw, start=src, context=ctx, block=block_no))
                parts.append([raw])
                ends.append(src + len(raw))
        for run, pieces_of_run in zip(runs, parts):
            run.text = "".join(pieces_of_run)
            self._split_special(run)

        # links, images, strong, html, extra tags
        link_stack: list[tuple[int, Token]] = []
        strong_start: int | None = None
        strong_text: list[str] = []
        for k, child in enumerate(children):
            t = child.type
            p = pos_of(child)
            if t == "link_open":
                link_stack.append((k, child))
            elif t == "link_close" and link_stack:
                ko, opened = link_stack.pop()
                ps = pos_of(opened)
                if ps is None:
                    continue
                s, e = smap(ps), self._trim_end(smap(ps), smap(end_of(k)))
                raw = self.index.text[s:e]
                label = "".join(c.content for c in children[ko + 1:k] if c.type in ("text", "code_inline", "text_special"))
                lk = "inline"
                markup = opened.markup or ("linkify" if (opened.meta or {}).get("pad_linkify") else "")
                if markup == "linkify":
                    lk = "linkify"
                elif markup == "autolink":
                    lk = "autolink"
                elif "](" not in raw:
                    lk = "reference"
                dest = _inline_destination(raw) if lk == "inline" else None
                inner = children[ko + 1:k]
                view.links.append(Link(href=opened.attrGet("href") or "", raw=raw, text=label, kind=lk,
                                       span=self.index.span(s, e), title=opened.attrGet("title"), destination=dest))
                block.links.append(len(view.links) - 1)
                only = [c for c in inner if not (c.type == "text" and not c.content.strip())]
                if len(only) == 1 and only[0].type == "image" and only[0].meta.get("pad_image") is not None:
                    view.images[only[0].meta["pad_image"]].link_href = opened.attrGet("href") or ""
            elif t == "image" and p is not None:
                s = smap(p)
                e = self._trim_end(s, smap(end_of(k)))
                alt = "".join(c.content for c in (child.children or []) if c.type in ("text", "code_inline", "text_special"))
                raw = self.index.text[s:e]
                view.images.append(Image(src=child.attrGet("src") or "", alt=alt, span=self.index.span(s, e),
                                         syntax="markdown", title=child.attrGet("title"),
                                         width=child.attrGet("width"), height=child.attrGet("height")))
                child.meta["pad_image"] = len(view.images) - 1
                if link_stack:
                    pass
            elif t == "strong_open" and p is not None:
                strong_start, strong_text = p, []
            elif t == "strong_close" and strong_start is not None:
                s, e = smap(strong_start), smap(end_of(k))
                block.strong.append(Strong(text="".join(strong_text).strip(), span=self.index.span(s, e)))
                strong_start = None
            elif t in ("text", "code_inline", "text_special") and strong_start is not None:
                strong_text.append(child.content)
            elif t == "html_inline" and p is not None and not child.content.startswith("</"):
                s = smap(p)
                self.html(child.content, 0, block=False, base_offset=s)
            elif t == "hedgedoc_embed" and p is not None:
                s = smap(p)
                view.links.append(Link(href=child.meta["url"], raw=child.content, text=child.meta["kind"],
                                       kind="embed", span=self.index.span(s, s + len(child.content)),
                                       destination=child.meta["id"]))
                block.links.append(len(view.links) - 1)
            elif t == "hedgedoc_toc" and p is not None:
                s = smap(p)
                view.toc.append(self.index.span(s, s + len(child.content)))
            elif t == "footnote_ref" and p is not None:
                # markdown-it-footnote (HedgeDoc 1) ids: the note is "fn<n>", each reference
                # "fnref<n>", a repeated reference "fnref<n>:<k>"; n counts from 1.
                n = (child.meta or {}).get("id", 0) + 1
                sub = (child.meta or {}).get("subId", 0)
                view.footnote_anchors.append(f"fnref{n}" + (f":{sub}" if sub else ""))
                if f"fn{n}" not in view.footnote_anchors:
                    view.footnote_anchors.append(f"fn{n}")
                note = ((self.env.get("footnotes") or {}).get("list") or {}).get((child.meta or {}).get("id"))
                if isinstance(note, dict) and note.get("tokens"):
                    self.footnote_maps[id(note["tokens"])] = _ShiftedMap(smap, p + 2)
            elif t == "emoji" and p is not None:
                s = smap(p)
                view.emoji.append(Emoji(name=child.markup, char=child.content,
                                        span=self.index.span(s, s + len(child.markup) + 2)))

        # HedgeDoc extra tags: literal text, rendered in list items and blockquote
        # paragraphs when not inside an inline element (notinhtmltag lookahead).
        eligible = list_depth > 0 or (in_quote and kind == "paragraph")
        for level, start, raw_text in _text_groups(children):
            for tag_kind, value, ts, te in find_extra_tags(raw_text):
                view.extra_tags.append(ExtraTag(kind=tag_kind, value=value,
                                                span=self.index.span(smap(start + ts), smap(start + te)),
                                                rendered=eligible and level == 0, block=block_no))

    def _trim_end(self, start: int, end: int) -> int:
        # A construct ends where the next token starts, minus the whitespace
        # (trailing spaces before a hard break) that belongs to neither.
        text = self.index.text
        while end > start and text[end - 1] in " \t\n":
            end -= 1
        return end

    def _split_special(self, run: TextRun) -> None:
        """Add ``run`` to the prose runs, cutting out ``[time=]``/``[color=]`` tags (not prose)."""
        cuts = [(s, e) for kind, _v, s, e in find_extra_tags(run.text) if kind != "name"]
        if not cuts:
            self.view.runs.append(run)
            return
        cuts.sort()
        cursor = 0
        for s, e in cuts:
            if s > cursor:
                self.view.runs.append(TextRun(run.text[cursor:s], run.start + cursor, run.context, run.block))
            cursor = max(cursor, e)
        if cursor < len(run.text):
            self.view.runs.append(TextRun(run.text[cursor:], run.start + cursor, run.context, run.block))


_TAG = re.compile(r"<[^>]*>")
#: Block tokens that hold source lines themselves (not containers of other blocks).
_LEAF_BLOCKS = frozenset({"paragraph_open", "heading_open", "fence", "code_block", "html_block", "hr", "table_open",
                          "math_block", "math_block_label", "front_matter"})
#: Inline tokens whose HTML rendering is only tags (no text): stripping the tags
#: of ``renderInline`` leaves nothing of them.
_NO_TEXT = frozenset({"em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close",
                      "link_open", "link_close", "image", "sup_open", "sup_close", "sub_open", "sub_close",
                      "mark_open", "mark_close", "ins_open", "ins_close"})


def _plain_text(children: list[Token]) -> str | None:
    """``html.unescape(strip_tags(renderInline(children)))`` without rendering, for
    blocks made only of text, code, breaks and tag-only tokens (``None`` otherwise:
    the caller renders). The renderer escapes ``&<>"`` in text, code and attribute
    values, so stripping tags then unescaping gives back each token's content."""
    out = []
    for child in children:
        t = child.type
        if t == "text" or t == "code_inline":
            out.append(child.content)
        elif t == "softbreak" or t == "hardbreak":
            out.append("\n")
        elif t not in _NO_TEXT:
            return None
    return "".join(out)


# Characters that start an inline construct of CommonMark (escape, entity, emphasis,
# code span, link, image, autolink or HTML), a line break, or what markdown-it normalises (CR, NUL).
_GITHUB_MARKUP = re.compile(r"[\\&*_`\[\]<>!\n\r\x00]")


def _github_text(source: str) -> str:
    """Text content of a heading's inline source rendered without typographer (as GitHub shows it)."""
    if not source:
        return ""
    if not _GITHUB_MARKUP.search(source):  # nothing CommonMark's inline rules would change
        return source.strip()
    html = _plain_markdown().renderInline(source)
    return html_lib.unescape(re.sub(r"<[^>]*>", "", html)).strip()


@lru_cache(maxsize=1)
def _plain_markdown() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True, "typographer": False})


def _text_groups(children: list[Token]) -> list[tuple[int, int, str]]:
    """Runs of literal text tokens that touch in the source: ``(level, start, raw)``.

    ``start`` is an offset in the block's inline content; ``level`` the inline
    nesting (0 = not inside emphasis, a link or another inline element).
    """
    groups: list[list] = []
    for child in children:
        if child.type not in ("text", "text_special"):
            continue
        pos = (child.meta or {}).get("pad_pos")
        if pos is None:
            continue
        raw = (child.meta or {}).get("pad_raw", child.content) if child.type == "text" else (child.markup or child.content)
        parts = (child.meta or {}).get("pad_parts") if child.type == "text" else None
        if parts is None or "".join(p for _, p in parts) != raw:
            parts = [(pos, raw)]  # else: merged pieces that do not touch (positions.py)
        for pos, raw in parts:
            if groups and groups[-1][0] == child.level and groups[-1][1] + len(groups[-1][2]) == pos:
                groups[-1][2] += raw
            else:
                groups.append([child.level, pos, raw])
    return [(g[0], g[1], g[2]) for g in groups]


def _inline_destination(raw: str) -> str | None:
    """The destination of an inline link ``[text](dest "title")`` as written."""
    i = raw.rfind("](")
    if i == -1:
        return None
    inner = raw[i + 2:]
    if inner.endswith(")"):
        inner = inner[:-1]
    inner = inner.strip()
    if inner.startswith("<"):
        j = inner.find(">")
        return inner[1:j] if j != -1 else inner[1:]
    m = re.match(r"(\S*)", inner)
    return m.group(1) if m else inner


def _scan_unknown_containers(view: PadView) -> None:
    """Find ``:::name`` lines HedgeDoc 1 does not render as containers."""
    text = view.index.text
    if ":::" not in text:
        return
    # One pass over the whole text: fence lines toggle, ``:::name`` lines outside
    # fences are candidates (the per-line regexes, with ``\s`` kept inside the line).
    in_fence = False
    line_starts = view.index.line_starts
    for m in _FENCE_OR_CONTAINER_LINE.finditer(text):
        if m.group(1):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if m.group(3) and m.group(3) not in CONTAINER_NAMES:
            line0 = bisect_right(line_starts, m.start()) - 1
            view.unknown_containers.append(Container(name=m.group(3), info=m.group(4).strip(),
                                                     span=view.index.line_span(line0, line0 + 1),
                                                     closed=True, known=False))
