"""Quote found text in a diagnostic message: clean, bounded, never broken Markdown.

Messages of the licence and image rules quote what they found ("the licence line
says “…”", "the alt text “…”"). The text comes from the pad, so it may hold Markdown
markup, HTML, line breaks, a whole paragraph or a 300-character URL. :func:`excerpt`
turns it into one short line that reads well inside a sentence:

* Markdown and HTML markup is removed (``**bold**`` -> ``bold``, ``[text](url)`` ->
  ``text``, ``<b>`` dropped, list, quote and heading markers dropped), so a quote
  never opens a bracket, a code span or an emphasis it does not close;
* whitespace runs become one space;
* text longer than ``limit`` keeps its beginning and its end, cut at word
  boundaries, with ``…`` in the middle (both ends of a sentence or a URL are
  usually what tells it apart).
"""

from __future__ import annotations

import re

_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_REF_LINK = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")
_CUT_LINK = re.compile(r"!?\[([^\]\n]*)\]\(\S*|!\[")     # a link or image cut short: "![Licence](https://…"
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_COMMENT = re.compile(r"<!--|-->")
_TAG = re.compile(r"</?[A-Za-z][^>\n]*>")
_LINE_MARKER = re.compile(r"(?m)^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|\d{1,9}[.)][ \t]+)")
_EMPHASIS = re.compile(r"\*\*|__|\+\+|==|~~|`+|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|(?<!\w)_(?=\S)|(?<=\S)_(?!\w)")
_SPACE = re.compile(r"\s+")
#: Brackets and quotes that must come in pairs in a quote (an unpaired one is dropped).
_PAIRS = (("[", "]"), ("(", ")"), ("«", "»"), ("“", "”"))


def plain(text: str) -> str:
    """``text`` without Markdown or HTML markup, on one line."""
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _CUT_LINK.sub(lambda m: m.group(1) or "", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _COMMENT.sub(" ", text)
    text = _TAG.sub(" ", text)
    text = _LINE_MARKER.sub("", text)
    text = _EMPHASIS.sub("", text)
    text = _SPACE.sub(" ", text).strip()
    for opening, closing in _PAIRS:
        if text.count(opening) != text.count(closing):
            text = text.replace(opening, "").replace(closing, "")
    if text.count('"') % 2:
        text = text.replace('"', "")
    return _SPACE.sub(" ", text).strip()


def shorten(text: str, limit: int = 60) -> str:
    """One line of at most about ``limit`` characters, ``…`` in the middle when cut."""
    text = _SPACE.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    keep = max(limit - 3, 8)
    head_len = (keep * 3 + 3) // 5          # a little more of the beginning than of the end
    tail_len = keep - head_len
    head = text[:head_len]
    tail = text[len(text) - tail_len:]
    if " " in head[head_len // 2:] and not text[head_len:head_len + 1].isspace():
        head = head[:head.rindex(" ")]       # cut at a word boundary when one is near
    if " " in tail[:tail_len // 2] and not text[len(text) - tail_len - 1:len(text) - tail_len].isspace():
        tail = tail[tail.index(" ") + 1:]
    return f"{head.rstrip(' ,;:')} … {tail.lstrip(' ,;:')}"


def excerpt(*texts: str, limit: int = 60) -> str:
    """A clean, bounded quote of the first of ``texts`` that has words once its markup is
    removed, in curly quotes: ``“CC BY-SA 4.0”``; ``""`` when none has."""
    for text in texts:
        clean = plain(text or "")
        if clean:
            return f"“{shorten(clean, limit)}”"
    return ""
