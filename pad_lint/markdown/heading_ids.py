"""Heading anchor ids, per renderer dialect.

A ``#fragment`` link works only if it equals the id the renderer gives a
heading, and every renderer computes ids differently:

* ``hedgedoc1-keep-case`` (HedgeDoc 1.x default, ``linkifyHeaderStyle: keep-case``),
  ``hedgedoc1-lower-case`` and ``hedgedoc1-gfm``: hedgedoc/hedgedoc@master
  ``public/js/extra.js`` ``slugifyWithUTF8`` over the heading's rendered HTML
  (tags stripped, entities kept, whitespace -> ``-``, ASCII punctuation removed).
  Duplicates: ``idN`` (keep-case, lower-case) or ``id-N`` (gfm).
* ``hedgedoc2``: markdown-it-anchor's default slugify
  ``encodeURIComponent(s.trim().toLowerCase().replace(/\\s+/g, '-'))``, ``-N`` duplicates.
* ``github``: github-slugger (lower-case, drop punctuation except ``-``/``_``,
  spaces -> ``-``), ``-N`` duplicates.

Worked examples: ``shared/reference/link-checking.md`` §2.3.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal
from urllib.parse import quote

Dialect = Literal["hedgedoc1-keep-case", "hedgedoc1-lower-case", "hedgedoc1-gfm", "hedgedoc2", "github"]
DIALECTS: tuple[str, ...] = ("hedgedoc1-keep-case", "hedgedoc1-lower-case", "hedgedoc1-gfm", "hedgedoc2", "github")
DEFAULT_DIALECT: Dialect = "hedgedoc1-keep-case"

_ASCII_PUNCT = re.compile(r"[!\"#$%&'()*+,./:;<=>?@\[\\\]^`{|}~]")
_TAG = re.compile(r"<[^>]*>")
_SCRIPT_STYLE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.S | re.I)
_EMOJI_IMG = re.compile(r"<img[^>]*class=\"emoji\"[^>]*>", re.I)
_WS = re.compile(r"\s+")
# github-slugger removes every character that is not a letter, mark, number,
# connector punctuation, space or hyphen.
_GITHUB_KEEP = {"L", "M", "N"}


def hedgedoc1_slug(inner_html: str) -> str:
    """Slug of a heading's rendered inner HTML, as HedgeDoc 1.x ``slugifyWithUTF8``."""
    t = inner_html.strip()
    t = _SCRIPT_STYLE.sub("", t)
    t = _TAG.sub("", t)
    t = _WS.sub("-", t)
    return _ASCII_PUNCT.sub("", t)


def hedgedoc2_slug(text: str) -> str:
    """markdown-it-anchor default: ``encodeURIComponent(trim(lower(text)).replace(/\\s+/g,'-'))``."""
    s = _WS.sub("-", text.strip().lower())
    return quote(s, safe="-_.!~*'()")


def github_slug(text: str) -> str:
    """github-slugger: lower-case, keep letters/marks/numbers/``-``/``_``/spaces, spaces -> ``-``."""
    out = []
    for ch in text.lower():
        if ch in "-_ " or unicodedata.category(ch)[0] in _GITHUB_KEEP or unicodedata.category(ch) == "Pc":
            out.append(ch)
    return quote("".join(out).replace(" ", "-"), safe="-_")


def heading_ids(headings: list[tuple[str, str]], dialect: str = DEFAULT_DIALECT) -> list[str]:
    """Ids for a document's headings, in order, with the dialect's de-duplication.

    Args:
        headings: ``(inner_html, plain_text)`` per heading, in document order.
            ``inner_html`` is markdown-it's rendering with HedgeDoc's options
            (typographer on); ``plain_text`` its text content.
        dialect: one of :data:`DIALECTS`.

    Raises:
        ValueError: unknown dialect.
    """
    if dialect not in DIALECTS:
        raise ValueError(f"unknown heading-id dialect {dialect!r}; expected one of {', '.join(DIALECTS)}")
    ids: list[str] = []
    if dialect.startswith("hedgedoc1"):
        bases = []
        for html, _ in headings:
            slug = hedgedoc1_slug(_EMOJI_IMG.sub("", html))
            if dialect != "hedgedoc1-keep-case":
                slug = slug.lower()
            bases.append(slug)
        if dialect == "hedgedoc1-gfm":
            return _dedupe_dash(bases)
        # keep-case / lower-case legacy path: the j-th duplicate (0-based among
        # headings with that id) becomes id + j, the first keeps the bare id.
        seen: dict[str, int] = {}
        for base in bases:
            n = seen.get(base, 0)
            ids.append(base if n == 0 else f"{base}{n}")
            seen[base] = n + 1
        return ids
    if dialect == "hedgedoc2":
        return _dedupe_dash([hedgedoc2_slug(text) for _, text in headings])
    return _dedupe_dash([github_slug(text) for _, text in headings])


def _dedupe_dash(bases: list[str]) -> list[str]:
    # github-slugger / markdown-it-anchor style: base, base-1, base-2, with a
    # collision loop so that a later literal "base-1" does not clash.
    used: set[str] = set()
    counts: dict[str, int] = {}
    out = []
    for base in bases:
        slug = base
        if slug in used:
            n = counts.get(base, 0)
            while True:
                n += 1
                slug = f"{base}-{n}"
                if slug not in used:
                    break
            counts[base] = n
        used.add(slug)
        out.append(slug)
    return out
