"""Abbreviations ``*[HTML]: Hyper Text Markup Language``: port of markdown-it-abbr 2.0.0.

HedgeDoc 1.x loads markdown-it-abbr (``shared/reference/hedgedoc-format.md`` §7).
A definition line is consumed (it is not a paragraph) and stored in
``env["abbreviations"]`` (label -> title, first definition wins); afterwards
every whole-word occurrence of a label in text becomes
``abbr_open``/``text``/``abbr_close`` (``<abbr title="…">``), except inside links.

The replacement is a core rule, so the split tokens get their offsets here:
``meta["pad_pos"]`` = the original token's offset plus the piece's offset
(text tokens hold their literal source at this stage).
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.token import Token


def abbr_def(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    pos = state.bMarks[start_line] + state.tShift[start_line]
    maximum = state.eMarks[start_line]
    src = state.src
    if pos + 2 >= maximum or src[pos] != "*" or src[pos + 1] != "[":
        return False
    pos += 2
    label_start = pos
    label_end = -1
    while pos < maximum:
        ch = src[pos]
        if ch == "[":
            return False
        if ch == "]":
            label_end = pos
            break
        if ch == "\\":
            pos += 1
        pos += 1
    if label_end < 0 or label_end + 1 >= maximum or src[label_end + 1] != ":":
        return False
    label = re.sub(r"\\(.)", r"\1", src[label_start:label_end])
    title = src[label_end + 2:maximum].strip()
    if not label or not title:
        return False
    if silent:
        return True
    abbreviations = state.env.setdefault("abbreviations", {})
    abbreviations.setdefault(label, title)
    token = state.push("abbr_definition", "", 0)
    token.hidden = True
    token.map = [start_line, start_line + 1]
    token.meta = {"label": label, "title": title}
    state.line = start_line + 1
    return True


def abbr_replace(state: StateCore) -> None:
    abbreviations: dict[str, str] = state.env.get("abbreviations") or {} if isinstance(state.env, dict) else {}
    if not abbreviations:
        return
    labels = sorted(abbreviations, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w])(" + "|".join(re.escape(x) for x in labels) + r")(?![\w])")
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children = block.children
        out: list[Token] = []
        link_level = 0
        for tok in children:
            if tok.type == "link_open":
                link_level += 1
            elif tok.type == "link_close":
                link_level -= 1
            if tok.type != "text" or link_level > 0 or not pattern.search(tok.content):
                out.append(tok)
                continue
            base = (tok.meta or {}).get("pad_pos")
            text = tok.content
            last = 0

            def piece(ttype: str, tag: str, nesting: int, content: str, offset: int) -> Token:
                t = Token(ttype, tag, nesting)  # type: ignore[arg-type]
                t.content = content
                t.level = tok.level
                t.meta = {}
                if base is not None:
                    t.meta["pad_pos"] = base + offset
                if ttype == "text":
                    t.meta["pad_raw"] = content
                return t

            for m in pattern.finditer(text):
                if m.start() > last:
                    out.append(piece("text", "", 0, text[last:m.start()], last))
                opener = piece("abbr_open", "abbr", 1, "", m.start())
                opener.attrs = {"title": abbreviations[m.group(1)]}
                out.append(opener)
                out.append(piece("text", "", 0, m.group(1), m.start()))
                out.append(piece("abbr_close", "abbr", -1, "", m.end()))
                last = m.end()
            if last < len(text):
                out.append(piece("text", "", 0, text[last:], last))
        block.children = out


def abbr_plugin(md: MarkdownIt) -> None:
    """Register the definition block rule and the replacement core rule."""
    md.block.ruler.before("reference", "abbr_def", abbr_def, {"alt": ["paragraph", "reference"]})
    md.core.ruler.after("linkify", "abbr_replace", abbr_replace)
