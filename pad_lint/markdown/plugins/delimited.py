"""``==mark==`` and ``++ins++``: ports of markdown-it-mark 4.0.0 and markdown-it-ins 4.0.0.

HedgeDoc 1.x loads both (hedgedoc/hedgedoc@master ``public/js/extra.js``;
``shared/reference/hedgedoc-format.md`` §7). Both work like markdown-it's
``~~strikethrough~~``: a run of two markers opens or closes, odd runs leave
one literal marker, and the pair becomes ``mark_open``/``mark_close``
(``<mark>``) or ``ins_open``/``ins_close`` (``<ins>``).

Every marker text token is created with ``state.push`` while ``state.pos``
sits on that marker, so :mod:`pad_lint.markdown.positions` records its exact
offset.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline.state_inline import Delimiter


def _make_tokenize(marker: str):
    code = ord(marker)

    def tokenize(state: StateInline, silent: bool) -> bool:
        start = state.pos
        if silent or state.src[start] != marker:
            return False
        scanned = state.scanDelims(start, True)
        length = scanned.length
        if length < 2:
            return False
        offset = 0
        if length % 2:
            state.pos = start + offset
            token = state.push("text", "", 0)
            token.content = marker
            length -= 1
            offset += 1
        i = 0
        while i < length:
            state.pos = start + offset
            token = state.push("text", "", 0)
            token.content = marker * 2
            offset += 2
            i += 2
            if not scanned.can_open and not scanned.can_close:
                continue
            state.delimiters.append(Delimiter(marker=code, length=0, token=len(state.tokens) - 1, end=-1,
                                              open=scanned.can_open, close=scanned.can_close))
        state.pos = start + scanned.length
        return True

    return tokenize


def _make_post_process(marker: str, name: str):
    code = ord(marker)

    def post_one(state: StateInline, delimiters: list[Delimiter]) -> None:
        lone: list[int] = []
        for start_delim in delimiters:
            if start_delim.marker != code or start_delim.end == -1:
                continue
            end_delim = delimiters[start_delim.end]
            token = state.tokens[start_delim.token]
            token.type, token.tag, token.nesting, token.markup, token.content = f"{name}_open", name, 1, marker * 2, ""
            token = state.tokens[end_delim.token]
            token.type, token.tag, token.nesting, token.markup, token.content = f"{name}_close", name, -1, marker * 2, ""
            prev = state.tokens[end_delim.token - 1]
            if prev.type == "text" and prev.content == marker:
                lone.append(end_delim.token - 1)
        # An odd run `=====` is split `=` `==` `==`; move the lone marker after the closers.
        while lone:
            i = lone.pop()
            j = i + 1
            while j < len(state.tokens) and state.tokens[j].type == f"{name}_close":
                j += 1
            j -= 1
            if i != j:
                state.tokens[i], state.tokens[j] = state.tokens[j], state.tokens[i]

    def post_process(state: StateInline) -> None:
        post_one(state, state.delimiters)
        for meta in state.tokens_meta:
            if meta and "delimiters" in meta:
                post_one(state, meta["delimiters"])

    return post_process


def mark_plugin(md: MarkdownIt) -> None:
    """Enable ``==marked==`` text (``<mark>``)."""
    md.inline.ruler.before("emphasis", "mark", _make_tokenize("="))
    md.inline.ruler2.before("emphasis", "mark", _make_post_process("=", "mark"))


def ins_plugin(md: MarkdownIt) -> None:
    """Enable ``++inserted++`` text (``<ins>``)."""
    md.inline.ruler.before("emphasis", "ins", _make_tokenize("+"))
    md.inline.ruler2.before("emphasis", "ins", _make_post_process("+", "ins"))
