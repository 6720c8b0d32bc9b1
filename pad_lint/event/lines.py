"""Lines of the pad as plain text, each character mapped back to its source offset.

The event extractor reads cue lines ("Animée par **Claire Fabre**, …", "Participants :",
"**Léa** : …"). It works on one source line of a :class:`~pad_lint.markdown.view.Block`
at a time, with the inline Markdown removed (emphasis markers, link destinations,
images, HTML tags, escapes), while keeping for every plain character its offset in the
pad text, so every extracted fact gets an exact :class:`~pad_lint.spans.Span`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..markdown.view import Block, PadView

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[(?P<text>[^\]\[]*)\]\((?P<url><[^>]*>|[^)\s]*)(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
_REF_LINK = re.compile(r"\[(?P<text>[^\]\[]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<(?P<url>(?:https?|mailto):[^>\s]+)>", re.I)
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>|<!--.*?-->")
_PUNCT_ESC = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
#: Characters none of the cases of :func:`clean_inline` starts on: copied as they are.
_PLAIN_RUN = re.compile(r"[^!\[<*_~=+`\\]+")


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
        if ch == "!" and (m := _IMAGE.match(raw, i)):
            i = m.end()
            continue
        if ch == "[" and (m := _LINK.match(raw, i) or _REF_LINK.match(raw, i)):
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
        if ch == "<" and (m := _AUTOLINK.match(raw, i)):
            start = size
            url, at = m.group("url"), m.start("url")
            out.append(url)
            offs.extend(range(base + at, base + at + len(url)))
            size += len(url)
            links.append(PlainLink(start, size, url, url))
            i = m.end()
            continue
        if ch == "<" and (m := _HTML_TAG.match(raw, i)):
            i = m.end()
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
        # keep the plain text and the pad text aligned where the raw line was remapped
        lines.append(Line(text=text, offsets=offs, block=block_no, line_no=k, links=links, strong=strong))
        pos += len(raw) + 1
    return lines


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
