"""``![alt](url =WxH)``: port of markdown-it-imsize 2.0.1 (HedgeDoc 1.x).

HedgeDoc 1 replaces markdown-it's ``image`` rule with markdown-it-imsize
(hedgedoc/hedgedoc@master ``public/js/extra.js``; ``shared/reference/hedgedoc-format.md``
§7), which accepts an optional size after the destination and title:
``=200x200``, ``=200x`` (width only) or ``=x200`` (height only). The size must
follow a space and start right after ``=``; a number may end with ``%``.
Without this rule ``![a](u =200x200)`` is not an image at all.

The resulting ``image`` token carries ``width``/``height`` attributes (strings
as written, e.g. ``"200"`` or ``"50%"``) when they are given.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.common.utils import isStrSpace, normalizeReference
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token


def _parse_number(src: str, pos: int, maximum: int) -> tuple[int, str]:
    start = pos
    while pos < maximum and (src[pos].isdigit() and src[pos].isascii() or src[pos] == "%"):
        pos += 1
    return pos, src[start:pos]


def parse_image_size(src: str, pos: int, maximum: int) -> tuple[bool, int, str, str]:
    """Parse ``=WxH`` at ``pos``; returns ``(ok, end_pos, width, height)``."""
    if pos >= maximum or src[pos] != "=":
        return False, pos, "", ""
    pos += 1
    if pos >= maximum or not (src[pos] == "x" or (src[pos].isascii() and src[pos].isdigit())):
        return False, pos, "", ""
    pos, width = _parse_number(src, pos, maximum)
    if pos >= maximum or src[pos] != "x":
        return False, pos, "", ""
    pos += 1
    pos, height = _parse_number(src, pos, maximum)
    return True, pos, width, height


def _skip_space(src: str, pos: int, maximum: int) -> int:
    while pos < maximum and (isStrSpace(src[pos]) or src[pos] == "\n"):
        pos += 1
    return pos


def image_with_size(state: StateInline, silent: bool) -> bool:
    """markdown-it's image rule plus the imsize ``=WxH`` suffix."""
    old_pos = state.pos
    maximum = state.posMax
    src = state.src
    if src[state.pos] != "!" or state.pos + 1 >= maximum or src[state.pos + 1] != "[":
        return False
    label_start = state.pos + 2
    label_end = state.md.helpers.parseLinkLabel(state, state.pos + 1, False)
    if label_end < 0:
        return False
    pos = label_end + 1
    title = ""
    width = height = ""
    label = None
    if pos < maximum and src[pos] == "(":
        pos = _skip_space(src, pos + 1, maximum)
        if pos >= maximum:
            return False
        href = ""
        res = state.md.helpers.parseLinkDestination(src, pos, state.posMax)
        if res.ok:
            href = state.md.normalizeLink(res.str)
            if state.md.validateLink(href):
                pos = res.pos
            else:
                href = ""
        start = pos
        pos = _skip_space(src, pos, maximum)
        res = state.md.helpers.parseLinkTitle(src, pos, state.posMax, None)
        if pos < maximum and start != pos and res.ok:
            title = res.str
            pos = _skip_space(src, res.pos, maximum)
        # [link](  <href>  "title" =WxH  ): at least one space before the size
        if pos - 1 >= 0 and src[pos - 1] == " ":
            ok, end, w, h = parse_image_size(src, pos, maximum)
            if ok:
                width, height = w, h
                pos = _skip_space(src, end, maximum)
        if pos >= maximum or src[pos] != ")":
            state.pos = old_pos
            return False
        pos += 1
    else:
        if "references" not in state.env:
            return False
        if pos < maximum and src[pos] == "[":
            start = pos + 1
            pos = state.md.helpers.parseLinkLabel(state, pos)
            if pos >= 0:
                label = src[start:pos]
                pos += 1
            else:
                pos = label_end + 1
        else:
            pos = label_end + 1
        if not label:
            label = src[label_start:label_end]
        ref = state.env["references"].get(normalizeReference(label))
        if not ref:
            state.pos = old_pos
            return False
        href = ref["href"]
        title = ref["title"]

    if not silent:
        content = src[label_start:label_end]
        tokens: list[Token] = []
        state.md.inline.parse(content, state.md, state.env, tokens)
        token = state.push("image", "img", 0)
        token.attrs = {"src": href, "alt": ""}
        token.children = tokens or None
        token.content = content
        if title:
            token.attrSet("title", title)
        if width:
            token.attrSet("width", width)
        if height:
            token.attrSet("height", height)
        if label and state.md.options.get("store_labels", False):
            token.meta["label"] = label
    state.pos = pos
    state.posMax = maximum
    return True


def imsize_plugin(md: MarkdownIt) -> None:
    """Replace the ``image`` inline rule with the size-aware one."""
    md.inline.ruler.at("image", image_with_size)
