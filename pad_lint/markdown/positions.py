"""Source positions for inline tokens.

markdown-it gives block tokens a line ``map`` but inline tokens no position at
all. pad-lint needs exact columns (a diagnostic on the third word of a list
item, a fix that touches two characters), so we record them while parsing:

* :class:`PositionedStateInline` stores on every inline token the offset, in
  the inline source (the block's ``content``), where it starts
  (``token.meta["pad_pos"]``);
* :func:`linkify_with_positions` wraps the core ``linkify`` rule, which splits
  text tokens after inline parsing, and positions the pieces it creates;
* :func:`snapshot_raw_text` runs before the typographer and keeps each text
  token's literal source (``meta["pad_raw"]``), since ``replacements`` and
  ``smartquotes`` change the content afterwards.

The block-content -> source mapping is done in :mod:`pad_lint.markdown.view`.
"""

from __future__ import annotations

import re
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

_SCHEME_BEFORE = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*$")


class PositionedStateInline(StateInline):
    """StateInline that records where each token starts in ``self.src``."""

    _pad_pending_start = 0

    def append_pending(self, text: str) -> None:
        if not self._pending and not self._pending_buffer:
            self._pad_pending_start = self.pos
        super().append_pending(text)

    @property  # type: ignore[override]
    def pending(self) -> str:
        return StateInline.pending.fget(self)  # type: ignore[attr-defined]

    @pending.setter
    def pending(self, value: str) -> None:
        if value and not self._pending and not self._pending_buffer:
            self._pad_pending_start = self.pos
        StateInline.pending.fset(self, value)  # type: ignore[attr-defined]

    def pushPending(self) -> Token:
        start = self._pad_pending_start
        token = super().pushPending()
        _set_pos(token, start)
        return token

    def push(self, ttype: str, tag: str, nesting: Any) -> Token:
        pending_end = None
        if self._pending or self._pending_buffer:
            text = self.pending
            pending_end = self._pad_pending_start + len(text)
        previous = self.tokens[-1] if self.tokens else None
        token = super().push(ttype, tag, nesting)
        pos = self.pos
        if (ttype in ("text", "link_close") and previous is not None and previous.type == "link_open"
                and (previous.meta or {}).get("pad_linkify")):
            _set_pos(token, previous.meta["pad_pos"])
            return token
        if ttype == "link_open" and token.markup == "" and self.src[pos : pos + 1] == ":":
            # inline linkify rule: state.pos sits on the ':' after the scheme,
            # and the scheme was trimmed from the pending text.
            start = scheme_start(self.src, pos)
            pos = start if start is not None else (pending_end if pending_end is not None else pos)
            _set_pos(token, pos)
            token.meta["pad_linkify"] = True
            return token
        elif ttype == "link_open" and self.src[pos - 1 : pos] == "[":
            pos -= 1  # the link rule moved state.pos inside the label
        _set_pos(token, pos)
        return token


_SCHEME_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+.-")


def scheme_start(src: str, end: int) -> int | None:
    """Where ``_SCHEME_BEFORE.search(src, 0, end)`` would start (``None``: no match),
    read backwards from ``end``: searching from 0 for every linkified address made a
    paragraph of many addresses quadratic."""
    k = end
    while k > 0 and src[k - 1] in _SCHEME_CHARS:
        k -= 1
    for i in range(k, end):  # the leftmost letter of the run that ends at ``end``
        if src[i].isascii() and src[i].isalpha():
            return i
    return None


def _set_pos(token: Token, pos: int) -> None:
    if token.meta is None:
        token.meta = {}
    token.meta.setdefault("pad_pos", pos)


def install(md: MarkdownIt) -> None:
    """Patch ``md`` so that inline parsing records positions."""
    inline = md.inline

    def parse(src: str, md_: MarkdownIt, env: Any, tokens: list[Token]) -> list[Token]:
        state = PositionedStateInline(src, md_, env, tokens)
        inline.tokenize(state)
        for rule in inline.ruler2.getRules(""):
            rule(state)
        return state.tokens

    inline.parse = parse  # type: ignore[method-assign]

    for rule in inline.ruler2.__rules__:
        if rule.name == "fragments_join":
            inline.ruler2.at("fragments_join", _wrap_fragments_join(rule.fn))
    inline.ruler2.before("fragments_join", "pad_unescaped_text", position_unescaped_text)

    original_linkify = None
    for rule in md.core.ruler.__rules__:
        if rule.name == "linkify":
            original_linkify = rule.fn
    if original_linkify is not None:
        md.core.ruler.at("linkify", _wrap_linkify(original_linkify))
    md.core.ruler.after("linkify", "pad_raw_text", snapshot_raw_text)


_UNESCAPING_OPENERS = frozenset(("sup_open", "sub_open"))
_ESCAPABLE = frozenset(" \\!\"#$%&'()*+,./:;<=>?@[]^_`{|}~-")  # mdit_py_plugins.utils.UNESCAPE_RE


def position_unescaped_text(state: StateInline) -> None:
    """Give the text of ``^sup^`` and ``~sub~`` the source offsets of its pieces.

    Both plugins push their content with backslash escapes removed
    (``^\\*a^`` holds the text ``*a``), so the text is shorter than its source and
    everything after an escape sat one column early: a fix there rewrote the wrong
    characters. ``meta["pad_parts"]`` lists each contiguous ``(pos, text)`` piece,
    and the closing token is moved to the closing marker.
    """
    tokens = state.tokens
    src = state.src
    for i in range(1, len(tokens) - 1):
        token = tokens[i]
        if token.type != "text" or tokens[i - 1].type not in _UNESCAPING_OPENERS:
            continue
        start = (token.meta or {}).get("pad_pos")
        if start is None:
            continue
        parts: list[tuple[int, str]] = []
        j = start
        for ch in token.content:
            if src[j : j + 1] == "\\" and src[j + 1 : j + 2] == ch and ch in _ESCAPABLE:
                j += 1  # the escaped character starts a new piece
                parts.append((j, ch))
            elif parts and parts[-1][0] + len(parts[-1][1]) == j:
                parts[-1] = (parts[-1][0], parts[-1][1] + ch)
            else:
                parts.append((j, ch))
            j += 1
        if j - start != len(token.content):  # at least one escape
            token.meta["pad_parts"] = parts
        closer = tokens[i + 1]
        if closer.type in ("sup_close", "sub_close") and closer.meta is not None:
            closer.meta["pad_pos"] = j


def _wrap_fragments_join(original: Any) -> Any:
    # fragments_join merges a run of adjacent text tokens into the run's *last*
    # token; give that token the run's first position before it happens.
    def fragments_join_with_positions(state: StateInline) -> None:
        tokens = state.tokens
        i = 0
        while i < len(tokens) - 1:
            if tokens[i].type == "text" and tokens[i + 1].type == "text":
                j = i
                while j + 1 < len(tokens) and tokens[j + 1].type == "text":
                    j += 1
                first = next(((t.meta or {}).get("pad_pos") for t in tokens[i : j + 1]
                              if t.content and (t.meta or {}).get("pad_pos") is not None), None)
                if first is not None:
                    parts = _parts(tokens[i : j + 1])
                    if tokens[j].meta is None:
                        tokens[j].meta = {}
                    tokens[j].meta["pad_pos"] = first
                    if parts is not None:
                        tokens[j].meta["pad_parts"] = parts
                i = j + 1
            else:
                i += 1
        original(state)

    return fragments_join_with_positions


def _parts(run: list[Token]) -> list[tuple[int, str]] | None:
    """``(pos, text)`` of each token of a run of text tokens that fragments_join will
    merge, when they are not contiguous in the source (``None`` when they are, or when
    a piece has no position). Strikethrough, mark and ins move a lone marker of an
    odd run (``==a===v``: the first ``=`` of ``===``) after the closing token, next
    to text that does not touch it in the source."""
    parts = [((t.meta or {}).get("pad_pos"), t.content) for t in run if t.content]
    if len(parts) < 2 or any(pos is None for pos, _ in parts):
        return None
    # Emphasis pushes one token per marker of a run, all at the run's start: a token at
    # the same position as the previous one continues right after it.
    out = [parts[0]]
    contiguous = True
    for (given_prev, _), (pos, text) in zip(parts, parts[1:]):
        prev_pos, prev_text = out[-1]
        follows = prev_pos + len(prev_text)
        if pos == given_prev or pos == follows:
            out.append((follows, text))
        else:
            contiguous = False
            out.append((pos, text))
    return None if contiguous else out  # type: ignore[return-value]


def _wrap_linkify(original: Any) -> Any:
    def linkify_with_positions(state: StateCore) -> None:
        olds: list[tuple[Token, list[Token]]] = [
            (block, list(block.children)) for block in state.tokens
            if block.type == "inline" and block.children
        ]
        original(state)
        linkify = state.md.linkify
        for block, old_children in olds:
            new_children = block.children or []
            if len(new_children) == len(old_children):
                continue
            kept = {id(t) for t in new_children}
            # Text tokens that linkify replaced, in order, with their start and text.
            replaced = [(t.meta["pad_pos"], t.content) for t in old_children
                        if id(t) not in kept and t.meta and "pad_pos" in t.meta]
            queue = iter(replaced)
            current = next(queue, None)
            matches: list[Any] = []
            cursor = consumed = 0
            link_end = None
            if current is not None:
                cursor = current[0]
                matches = list(linkify.match(current[1]) or []) if linkify else []
            old_ids = {id(t) for t in old_children}
            for tok in new_children:
                # only the tokens linkify made (a task-list checkbox, for one, has no position)
                if id(tok) in old_ids or tok.meta and "pad_pos" in tok.meta or current is None:
                    continue
                start, text = current
                if tok.type == "link_open":
                    m = next((m for m in matches if start + m.index >= cursor), None)
                    if m is not None:
                        cursor = start + m.index
                        link_end = start + m.last_index
                    _set_pos(tok, cursor)
                elif tok.type == "link_close":
                    _set_pos(tok, cursor)
                    if link_end is not None:
                        cursor, link_end = link_end, None
                else:
                    _set_pos(tok, cursor)
                    if link_end is None:
                        cursor += len(tok.content)
                if link_end is None and cursor - start >= len(text):
                    current = next(queue, None)
                    if current is not None:
                        cursor = current[0]
                        matches = list(linkify.match(current[1]) or []) if linkify else []

    return linkify_with_positions


def raw_source_of(token: Token) -> str:
    """The literal source a leaf inline token was made from (best effort)."""
    if token.type == "text":
        return (token.meta or {}).get("pad_raw", token.content)
    if token.type == "text_special":
        return token.markup or token.content
    if token.type == "code_inline":
        return token.markup + token.content + token.markup
    if token.type in ("html_inline",):
        return token.content
    if token.type in ("softbreak", "hardbreak"):
        return "\n"
    return token.markup or ""


def snapshot_raw_text(state: StateCore) -> None:
    """Record each inline block's literal text pieces before the typographer and
    ``text_join`` change them.

    ``block.meta["pad_pieces"]`` becomes a list of ``(pos, raw, context)`` where
    ``pos`` is the offset in ``block.content``, ``raw`` the literal source and
    ``context`` ``"text"``, ``"link_text"`` (the label of a written link) or
    ``"url_text"`` (the visible text of an autolink or linkified URL).
    """
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        pieces: list[tuple[int, str, str]] = []
        link_stack: list[str] = []
        for child in block.children:
            t = child.type
            if t == "link_open":
                auto = child.markup in ("linkify", "autolink") or (child.meta or {}).get("pad_linkify")
                link_stack.append("url_text" if auto else "link_text")
            elif t == "link_close":
                if link_stack:
                    link_stack.pop()
            elif t in ("text", "text_special"):
                raw = child.content if t == "text" else (child.markup or child.content)
                if child.meta is None:
                    child.meta = {}
                child.meta.setdefault("pad_raw", raw)
                pos = child.meta.get("pad_pos")
                parts = child.meta.get("pad_parts")
                if parts is not None and t == "text" and "".join(p for _, p in parts) == raw:
                    pieces.extend((p_pos, p, link_stack[-1] if link_stack else "text") for p_pos, p in parts)
                elif pos is not None and raw:
                    pieces.append((pos, raw, link_stack[-1] if link_stack else "text"))
            elif t in ("softbreak", "hardbreak"):
                pos = (child.meta or {}).get("pad_pos")
                if pos is not None:
                    pieces.append((pos, "\n", "break"))
        if block.meta is None:
            block.meta = {}
        block.meta["pad_pieces"] = pieces
