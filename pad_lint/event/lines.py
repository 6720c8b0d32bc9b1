"""Lines of the pad as plain text, each character mapped back to its source offset.

The event extractor reads cue lines ("Animée par **Claire Fabre**, …", "Participants :",
"**Léa** : …"). It works on one source line of a :class:`~pad_lint.markdown.view.Block`
at a time, with the inline Markdown removed (emphasis markers, link destinations,
images, HTML tags, escapes), while keeping for every plain character its offset in the
pad text, so every extracted fact gets an exact :class:`~pad_lint.spans.Span`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..markdown.view import Block, PadView

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
#: What follows the destination of an inline link: an optional title, then ``)``.
_LINK_TAIL_SRC = r"(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)"
_LINK = re.compile(r"\[(?P<text>[^\]\[]*)\]\((?P<url><[^>]*>|[^)\s]*)" + _LINK_TAIL_SRC)
_LINK_TAIL = re.compile(_LINK_TAIL_SRC)
_REF_LINK = re.compile(r"\[(?P<text>[^\]\[]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<(?P<url>(?:https?|mailto):[^>\s]+)>", re.I)
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>|<!--.*?-->")
_PUNCT_ESC = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
#: Characters none of the cases of :func:`clean_inline` starts on: copied as they are.
_PLAIN_RUN = re.compile(r"[^!\[<*_~=+`\\]+")
#: The beginnings :func:`_Scan.autolink_end` and :func:`_Scan.tag_end` read before looking further.
_AUTOLINK_HEAD = re.compile(r"<(?:https?|mailto):", re.I)
_TAG_HEAD = re.compile(r"</?[A-Za-z]")
_LABEL_END = re.compile(r"[\[\]]")
_URL_END = re.compile(r"[)\s]")
_AUTOLINK_END = re.compile(r"[>\s]")


class _Scan:
    """Where the patterns of :func:`clean_inline` match on one line, read from where the
    characters that end them are, so that a pattern that cannot match is not run.

    Each pattern scans to the next occurrence of some character (``]``, ``)``, ``>``, ``-->``…)
    and fails when it is not there or not followed by what it needs. Run at every ``[``, ``!``
    or ``<`` of a line that has many of them and few of those characters (``"[a](" * 10000``),
    the scans were quadratic: 10,000 ``[a](`` took 11 s (with the backtracking of ``_LINK``),
    8,000 ``![a](`` 8.6 s, 8,000 ``<http:x`` 2.9 s. Here the next occurrence of each ending is
    looked up in a sorted list of its positions (built on first use), so each ``*_end`` method
    costs O(log n) (the tail of a link, title and ``)``, is matched once per position), and a
    pattern is only run, with ``endpos`` set to the end computed here, where it matches. The
    ends are exactly those of the patterns (each method says why), so the results are those of
    ``pattern.match``; ``tests/test_event_lines_scale.py`` keeps the old function to compare.
    """

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self._positions: dict[object, list[int]] = {}
        self._tails: dict[int, int | None] = {}

    #: Lines up to this length are searched directly (the scans are short; building the
    #: lists of positions would cost more).
    SHORT = 256

    def next(self, what: str | re.Pattern[str], pos: int) -> int:
        """Start of the first occurrence of ``what`` (a string, or a pattern whose matches
        cannot overlap) at or after ``pos``; -1 when there is none."""
        if len(self.raw) <= self.SHORT:
            if isinstance(what, str):
                return self.raw.find(what, pos)
            m = what.search(self.raw, pos)
            return m.start() if m else -1
        found = self._positions.get(what)
        if found is None:
            raw = self.raw
            if isinstance(what, str):
                found, k = [], raw.find(what)
                while k >= 0:
                    found.append(k)
                    k = raw.find(what, k + len(what))
            else:
                found = [m.start() for m in what.finditer(raw)]
            self._positions[what] = found
        k = bisect_left(found, pos)
        return found[k] if k < len(found) else -1

    def image_end(self, i: int) -> int | None:
        """End of the match of :data:`_IMAGE` at ``i``: ``[^\\]]*`` stops at the first ``]``, which
        must be followed by ``(``; ``[^)]*`` stops at the first ``)`` after it."""
        if not self.raw.startswith("![", i):
            return None
        j = self.next("]", i + 2)
        if j < 0 or not self.raw.startswith("(", j + 1):
            return None
        k = self.next(")", j + 2)
        return k + 1 if k >= 0 else None

    def _tail_end(self, pos: int) -> int | None:
        """End of :data:`_LINK_TAIL` matched at ``pos`` (remembered: several links can share it)."""
        if pos not in self._tails:
            m = _LINK_TAIL.match(self.raw, pos)
            self._tails[pos] = m.end() if m else None
        return self._tails[pos]

    def _label_end(self, i: int) -> int:
        """Index of the ``]`` closing the label of a link opened at ``i`` (the label holds no
        ``[`` or ``]``), or -1."""
        c = self.next(_LABEL_END, i + 1)
        return c if c >= 0 and self.raw[c] == "]" else -1

    def link_end(self, i: int) -> int | None:
        """End of the match of :data:`_LINK` at ``i``.

        After ``](``, the destination is ``<…>`` up to the first ``>`` (tried first), else
        ``[^)\\s]*`` up to the first ``)`` or white space; a shorter destination would leave
        neither white space nor ``)`` for the tail, so only that end can be followed by
        :data:`_LINK_TAIL`."""
        raw = self.raw
        c = self._label_end(i)
        if c < 0 or not raw.startswith("(", c + 1):
            return None
        u = c + 2
        if raw.startswith("<", u):
            g = self.next(">", u + 1)
            if g >= 0 and (end := self._tail_end(g + 1)) is not None:
                return end
        v = self.next(_URL_END, u)
        return self._tail_end(v) if v >= 0 else None

    def ref_link_end(self, i: int) -> int | None:
        """End of the match of :data:`_REF_LINK` at ``i``: a label of one character or more,
        ``][``, then up to the first ``]``."""
        c = self._label_end(i)
        if c < i + 2 or not self.raw.startswith("[", c + 1):
            return None
        k = self.next("]", c + 2)
        return k + 1 if k >= 0 else None

    def autolink_end(self, i: int) -> int | None:
        """End of the match of :data:`_AUTOLINK` at ``i``: after the scheme, ``[^>\\s]+`` stops
        at the first ``>`` or white space, which must be a ``>`` and not the first character."""
        head = _AUTOLINK_HEAD.match(self.raw, i)
        if head is None:
            return None
        v = self.next(_AUTOLINK_END, head.end())
        return v + 1 if v > head.end() and self.raw[v] == ">" else None

    def tag_end(self, i: int) -> int | None:
        """End of the match of :data:`_HTML_TAG` at ``i``: a tag up to the first ``>``, else a
        comment up to the first ``-->`` after ``<!--`` with no line break before it."""
        head = _TAG_HEAD.match(self.raw, i)
        if head is not None:
            g = self.next(">", head.end())
            if g >= 0:
                return g + 1
        if self.raw.startswith("<!--", i):
            e = self.next("-->", i + 4)
            if e >= 0:
                nl = self.next("\n", i + 4)
                if nl < 0 or nl >= e:
                    return e + 3
        return None


@dataclass
class PlainLink:
    start: int            # plain offsets
    end: int
    url: str
    text: str


@dataclass
class Line:
    """One source line of a block, as plain text.

    ``offsets[i]`` is the pad-text offset of ``text[i]`` (``offsets[len(text)]`` the
    offset just after the last character): a ``range`` when the line holds no Markdown
    (its characters are where they were written), a list otherwise. ``strong`` holds the plain ranges written
    in ``**bold**``; ``links`` the plain ranges of ``[text](url)`` links.
    """

    text: str
    offsets: Sequence[int]
    block: int
    line_no: int                      # index of the line inside its block
    links: list[PlainLink] = field(default_factory=list)
    strong: list[tuple[int, int]] = field(default_factory=list)

    def source(self, start: int, end: int) -> tuple[int, int]:
        """Pad-text offsets of the plain range ``[start, end)``."""
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        if end == start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


def clean_inline(raw: str, base: int) -> tuple[str, Sequence[int], list[PlainLink], list[tuple[int, int]]]:
    """Plain text of one line of inline Markdown starting at pad offset ``base``, with the
    offset of each of its characters (and of the end; see :class:`Line`)."""
    n = len(raw)
    plain_run = _PLAIN_RUN.match
    m = plain_run(raw)
    if not raw or m is not None and m.end() == n:
        # no Markdown at all (most lines): the text is the line, offsets follow each other
        return raw, range(base, base + n + 1), [], []
    out: list[str] = []              # pieces of plain text
    offs: list[int] = []
    links: list[PlainLink] = []
    strong: list[tuple[int, int]] = []
    strong_open: int | None = None
    scan: _Scan | None = None        # where the link, image and tag patterns can match
    size = 0                         # plain characters so far
    i = 0
    while i < n:
        if m := plain_run(raw, i):  # a stretch of ordinary characters, copied in one go
            j = m.end()
            out.append(m.group())
            offs.extend(range(base + i, base + j))
            size += j - i
            i = j
            continue
        ch = raw[i]
        if scan is None and ch in "![<":
            scan = _Scan(raw)
        if ch == "!" and (end := scan.image_end(i)) is not None:
            i = end
            continue
        if ch == "[" and ((end := scan.link_end(i)) is not None and (m := _LINK.match(raw, i, end))
                          or (end := scan.ref_link_end(i)) is not None and (m := _REF_LINK.match(raw, i, end))):
            start = size
            label = m.group("text")
            j, stop = m.start("text"), m.end("text")
            while j < stop:
                if raw.startswith(("**", "__"), j):
                    j += 2
                    continue
                c = raw[j]
                if c in "*_`":
                    j += 1
                    continue
                out.append(c)
                offs.append(base + j)
                size += 1
                j += 1
            url = m.groupdict().get("url") or ""
            links.append(PlainLink(start, size, url.strip("<>"), label))
            i = m.end()
            continue
        if ch == "<" and (end := scan.autolink_end(i)) is not None and (m := _AUTOLINK.match(raw, i, end)):
            start = size
            url, at = m.group("url"), m.start("url")
            out.append(url)
            offs.extend(range(base + at, base + at + len(url)))
            size += len(url)
            links.append(PlainLink(start, size, url, url))
            i = m.end()
            continue
        if ch == "<" and (end := scan.tag_end(i)) is not None:
            i = end
            continue
        if raw.startswith(("**", "__"), i):
            if strong_open is None:
                strong_open = size
            else:
                strong.append((strong_open, size))
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
        if ch == "\\" and i + 1 < n and raw[i + 1] in _PUNCT_ESC:
            out.append(raw[i + 1])
            offs.append(base + i + 1)
            size += 1
            i += 2
            continue
        out.append(ch)
        offs.append(base + i)
        size += 1
        i += 1
    offs.append(offs[-1] + 1 if offs else base + n)
    return "".join(out), offs, links, strong


def block_lines(view: PadView, block_no: int) -> list[Line]:
    """The lines of block ``block_no`` as :class:`Line` objects (computed once per view;
    callers read them, never modify them)."""
    cache = view.__dict__.setdefault("_pad_block_lines", {})
    lines = cache.get(block_no)
    if lines is None:
        lines = cache[block_no] = _block_lines(view, block_no)
    return lines


def _block_lines(view: PadView, block_no: int) -> list[Line]:
    block: Block = view.blocks[block_no]
    lines = []
    pos = 0
    starts = block.line_starts
    last = len(starts) - 1
    for k, raw in enumerate(block.raw.split("\n")):
        # block.source_offset(pos) at the start of raw line k, without counting the line breaks again
        base = starts[min(k, last)] if starts else block.span.start_offset + pos
        text, offs, links, strong = clean_inline(raw, base)
        if block.escaped_pipes:
            offs = _past_escaped_pipes(block, pos, raw, base, offs)
        # keep the plain text and the pad text aligned where the raw line was remapped
        lines.append(Line(text=text, offsets=offs, block=block_no, line_no=k, links=links, strong=strong))
        pos += len(raw) + 1
    return lines


def _past_escaped_pipes(block: Block, pos: int, raw: str, base: int, offs: Sequence[int]) -> Sequence[int]:
    """Offsets of a table cell's line moved past the backslashes markdown-it dropped from
    its "\\|" (:attr:`Block.escaped_pipes`): ``clean_inline`` reads the line as if it
    were written in the pad as it is in ``raw``."""
    from bisect import bisect_right

    pipes = [base + p - pos for p in block.escaped_pipes if pos <= p < pos + len(raw)]
    if not pipes:
        return offs
    return [off + bisect_right(pipes, off) for off in offs]


# ----------------------------------------------------------------------------- literal gates

def _literal_gate_fold_table() -> tuple[dict[int, int | None], str] | None:
    """The characters :func:`gate_fold` maps after ``str.lower()``: ``re`` matches a letter
    regardless of case by its simple lower case plus a few extra equivalences (``i``/``ı``,
    ``s``/``ſ``, Greek and Cyrillic variants); each group of equivalent letters is mapped
    to one of them, and the combining dot that ``"İ".lower()`` adds is dropped.
    ``None`` when this Python does not tell its equivalences (gates then let every text through)."""
    try:
        from re._casefix import _EXTRA_CASES as extra  # Python >= 3.11
    except ImportError:  # pragma: no cover - Python 3.10
        try:
            import sre_compile
            extra = sre_compile._ignorecase_fixes  # type: ignore[attr-defined]
        except (ImportError, AttributeError):
            return None
    table: dict[int, int | None] = {0x307: None}
    for key, others in extra.items():
        group = {key, *others}
        rep = min(group)
        for c in group:
            if c != rep:
                table[c] = rep
    return table, "".join(map(chr, table))


_GATE_TABLE, _GATE_CHARS = _literal_gate_fold_table() or ({}, "\u0307")
_GATE_FOLDS_LIKE_RE = bool(_GATE_TABLE)
_GATE_SPECIAL = re.compile("[" + re.escape(_GATE_CHARS) + "]")


def gate_fold(text: str) -> str:
    """``text`` lower-cased so that a literal ``re`` matches with ``re.IGNORECASE`` is found
    in it as ``gate_fold(literal)`` (characters that ``re`` takes for one another fold alike)."""
    low = text.lower()
    if low.isascii() or not _GATE_SPECIAL.search(low):
        return low
    return low.translate(_GATE_TABLE)


def _required_literals(pattern: re.Pattern[str]) -> set[str] | None:
    """Literal strings one of which every match of ``pattern`` contains (``None``: no such set found).

    Read from the parsed pattern: a sequence needs what any of its parts needs (consecutive
    literal characters make one string, a small class of characters in it makes one string
    per character), an alternation the union of what its branches need, a repetition what
    its body needs when it is repeated at least once."""
    try:
        import re._constants as c
        import re._parser as parser
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_constants as c  # type: ignore[no-redef]
        import sre_parse as parser  # type: ignore[no-redef]
    repeats = {c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)}

    def chars(op, av) -> list[str] | None:  # noqa: ANN001
        """The characters of a small class (``[ée]``, ``[-–—]``); ``None`` for anything else."""
        if op is not c.IN or len(av) > 8 or any(o is not c.LITERAL for o, _v in av):
            return None
        return [chr(v) for _o, v in av]

    def sequence(items) -> set[str] | None:  # noqa: ANN001 - parser items
        options: list[set[str]] = []
        run = [""]                       # what the current stretch of literal characters can be
        for op, av in items:
            one = [chr(av)] if op is c.LITERAL else chars(op, av)
            if one is not None and len(run) * len(one) <= 64:
                run = [s + ch for s in run for ch in one]
                continue
            if run != [""]:
                options.append(set(run))
            run = [""]
            need = set(one) if one is not None else item(op, av)
            if need is not None:
                options.append(need)
        if run != [""]:
            options.append(set(run))
        # the most selective need: its shortest string as long as possible, then the fewest strings
        return max(options, key=lambda o: (min(map(len, o)), -len(o))) if options else None

    def item(op, av) -> set[str] | None:  # noqa: ANN001
        if op is c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            return None if add_flags or del_flags else sequence(sub.data)
        if op is c.BRANCH:
            union: set[str] = set()
            for branch in av[1]:
                need = sequence(branch.data)
                if need is None:
                    return None
                union |= need
            return union
        if op in repeats:
            low, _high, sub = av
            return sequence(sub.data) if low >= 1 else None
        if op is getattr(c, "ATOMIC_GROUP", None):
            return sequence(av.data)
        return None              # classes, anchors, lookarounds…: no literal needed

    if not isinstance(pattern.pattern, str):
        return None
    try:
        return sequence(parser.parse(pattern.pattern, pattern.flags).data)
    except Exception:  # noqa: BLE001 - a parser this code does not know: no gate, never a wrong answer
        return None


class LiteralGate:
    """A quick necessary condition for ``pattern.search(text)``: ``may_match(text)`` is
    ``False`` only when no match is possible, because the text holds none of the literal
    strings every match contains (:func:`_required_literals`). It is a pre-filter: when it
    says ``True`` the pattern still decides. Under ``re.IGNORECASE`` the literals are looked
    up in :func:`gate_fold` of the text (the tests check, over every code point, that the
    characters ``re`` takes for a literal's characters fold alike; add a new gate to them)."""

    def __init__(self, pattern: re.Pattern[str]):
        self.pattern = pattern
        self.ignorecase = bool(pattern.flags & re.IGNORECASE)
        needs = _required_literals(pattern)
        if needs is not None and self.ignorecase:
            needs = {gate_fold(s) for s in needs}
        if needs is not None:
            # a string that holds another needed string adds nothing
            needs = {s for s in needs if not any(o != s and o in s for o in needs)}
        self.always = needs is None or "" in needs or (self.ignorecase and not _GATE_FOLDS_LIKE_RE)
        self.literals: tuple[str, ...] = tuple(sorted(needs or ()))

    def may_match(self, text: str, folded: str | None = None) -> bool:
        """``folded`` is ``gate_fold(text)`` when the caller has it already."""
        if self.always:
            return True
        if self.ignorecase:
            text = gate_fold(text) if folded is None else folded
        for literal in self.literals:
            if literal in text:
                return True
        return False
