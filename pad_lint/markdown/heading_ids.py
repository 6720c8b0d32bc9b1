"""Heading anchor ids, per renderer dialect.

A ``#fragment`` link works only if it names an element id the renderer puts in
the page, and every renderer computes heading ids differently. The functions
here return the id **as the DOM holds it** (the value of the ``id`` attribute);
:func:`fragment_matches` compares a link's fragment with such ids the way a
browser does.

Dialects (sources in ``shared/reference/link-checking.md`` §2.3 and
``hedgedoc-format.md`` §9):

* ``hedgedoc1-keep-case`` (HedgeDoc 1.x default, ``linkifyHeaderStyle: keep-case``),
  ``hedgedoc1-lower-case`` and ``hedgedoc1-gfm``: hedgedoc/hedgedoc@master
  ``public/js/extra.js`` ``slugifyWithUTF8`` over the heading's ``innerHTML``
  (tags stripped by ``xss``, entities of the serialised HTML kept, whitespace
  runs -> ``-``, ASCII punctuation removed). Emoji shortcodes render as
  ``<img>`` and vanish. ``deduplicatedHeaderId``: ``keep-case`` and
  ``lower-case`` use the legacy path (the j-th header sharing an id becomes
  ``id + j``, no hyphen), ``gfm`` gives ``id-1``, ``id-2``… with a collision loop.
* ``hedgedoc2``: markdown-it-anchor's default slugify
  ``encodeURIComponent(String(s).trim().toLowerCase().replace(/\\s+/g, '-'))``
  over the text tokens (typographer applied), ``-1``, ``-2`` duplicates. The
  id itself is percent-encoded.
* ``github``: the html-pipeline TOC filter: text content *without* typographer,
  lower-cased, every character removed that is not a letter, mark, decimal
  number, connector punctuation, ``-`` or space, spaces -> ``-``;
  github-slugger ``-1``, ``-2`` duplicates.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import insort
from html.parser import HTMLParser
from typing import Literal, Sequence
from urllib.parse import quote, unquote

Dialect = Literal["hedgedoc1-keep-case", "hedgedoc1-lower-case", "hedgedoc1-gfm", "hedgedoc2", "github"]
DIALECTS: tuple[str, ...] = ("hedgedoc1-keep-case", "hedgedoc1-lower-case", "hedgedoc1-gfm", "hedgedoc2", "github")
DEFAULT_DIALECT: Dialect = "hedgedoc1-keep-case"

#: Human names of the dialects, for messages.
DIALECT_LABELS: dict[str, str] = {
    "hedgedoc1-keep-case": "HedgeDoc 1 (keep-case, the default)",
    "hedgedoc1-lower-case": "HedgeDoc 1 (lower-case)",
    "hedgedoc1-gfm": "HedgeDoc 1 (gfm)",
    "hedgedoc2": "HedgeDoc 2",
    "github": "GitHub",
}

_ASCII_PUNCT = re.compile(r"[!\"#$%&'()*+,./:;<=>?@\[\\\]^`{|}~]")
_WS = re.compile(r"\s+")
# markdown-it-emoji (HedgeDoc 1.x ``md.use(require('markdown-it-emoji'))``) turns
# ``:name:`` into an emojify ``<img class="emoji">``; the names are gemoji
# shortcodes (lower-case letters, digits, ``_``, ``+``, ``-``), never digits only.
_EMOJI_SHORTCODE = re.compile(r":(?=[a-z0-9_+\-]*[a-z])[a-z0-9_+\-]+:")
_GITHUB_KEEP_CATEGORIES = {"Nd", "Pc"}
_TAG_MARK = "\x00"


class _InnerHtml(HTMLParser):
    """Re-serialise markdown-it output as a browser's ``innerHTML`` would, tags dropped.

    HTML fragment serialisation (WHATWG HTML §13.3 "escaping a string", text
    mode): ``&`` -> ``&amp;``, U+00A0 -> ``&nbsp;``, ``<`` -> ``&lt;``,
    ``>`` -> ``&gt;``; quotes stay literal. The tags themselves are what
    ``filterXSS(…, {whiteList: {}, stripIgnoreTag: true, stripIgnoreTagBody:
    ['script', 'style']})`` removes, so they are dropped here, and so is the
    body of ``script``/``style``.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0

    # Tags become a placeholder: ``slugifyWithUTF8`` trims *before* stripping
    # tags, so spaces next to a tag at either end survive as ``-``.
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(_TAG_MARK)
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        self.out.append(_TAG_MARK)
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.out.append(data.replace("&", "&amp;").replace("\u00a0", "&nbsp;")
                            .replace("<", "&lt;").replace(">", "&gt;"))


def _strip_math(inner_html: str) -> str:
    # HedgeDoc removes .MathJax and .MathJax_Preview nodes and the MathJax
    # <script type="math/tex"> body is stripped by xss: inline math leaves no text.
    return re.sub(r"<(eq|eqn)\b[^>]*>.*?</\1>|<span class=\"math[^\"]*\"[^>]*>.*?</span>", "",
                  inner_html, flags=re.S)


def _serialised_text(inner_html: str) -> str:
    """``inner_html`` re-serialised by :class:`_InnerHtml` (tags become ``_TAG_MARK``)."""
    if "<" not in inner_html and "&" not in inner_html:
        # no tag and no entity (most headings): the parser would pass the text through
        return inner_html.replace("\u00a0", "&nbsp;").replace(">", "&gt;")
    parser = _InnerHtml()
    parser.feed(_strip_math(inner_html))
    parser.close()
    return "".join(parser.out)


def hedgedoc1_slug(inner_html: str) -> str:
    """Slug of a heading's rendered inner HTML, as HedgeDoc 1.x ``slugifyWithUTF8``.

    ``inner_html`` is markdown-it's rendering of the heading content with
    HedgeDoc's options (typographer on). Case is kept; ``createHeaderId``
    lower-cases it for the ``lower-case`` and ``gfm`` styles.
    """
    text = _serialised_text(inner_html)
    text = _EMOJI_SHORTCODE.sub(_TAG_MARK, text)  # rendered as <img class="emoji">
    text = text.strip().replace(_TAG_MARK, "")
    text = _WS.sub("-", text)
    return _ASCII_PUNCT.sub("", text)


def hedgedoc2_slug(text: str) -> str:
    """markdown-it-anchor default: ``encodeURIComponent(trim(lower(text)).replace(/\\s+/g,'-'))``."""
    s = _WS.sub("-", text.strip().lower())
    return quote(s, safe="-_.!~*'()")


def github_slug(text: str) -> str:
    """GitHub's heading id (without its ``user-content-`` prefix), as Unicode.

    ``text`` is the heading's text content as GitHub renders it (no smart
    quotes or dashes). Characters kept: letters (L*), marks (M*), decimal
    numbers (Nd), connector punctuation (Pc), ``-`` and space (Ruby
    ``/[^\\p{Word}\\- ]/u``); spaces become ``-``.
    """
    out = []
    # GitHub renders known ``:shortcode:`` emoji as <g-emoji> symbols, which are removed.
    for ch in _EMOJI_SHORTCODE.sub("", text).lower():
        cat = unicodedata.category(ch)
        if ch in "- " or cat[0] in ("L", "M") or cat in _GITHUB_KEEP_CATEGORIES:
            out.append(ch)
    return "".join(out).replace(" ", "-")


def heading_ids(headings: Sequence[tuple[str, ...]], dialect: str = DEFAULT_DIALECT) -> list[str]:
    """Ids for a document's headings, in order, with the dialect's de-duplication.

    Args:
        headings: per heading, in document order, ``(inner_html, text)`` or
            ``(inner_html, text, github_text)``. ``inner_html`` is
            markdown-it's rendering with HedgeDoc's options (typographer on),
            ``text`` its text content, ``github_text`` the text content rendered
            without typographer (defaults to ``text``).
        dialect: one of :data:`DIALECTS`.

    Returns:
        One id per heading as the DOM holds it; ``""`` when the renderer gives
        the heading no id (HedgeDoc 1 with an empty slug).

    Raises:
        ValueError: unknown dialect.
    """
    if dialect not in DIALECTS:
        raise ValueError(f"unknown heading-id dialect {dialect!r}; expected one of {', '.join(DIALECTS)}")
    if dialect.startswith("hedgedoc1"):
        bases = [hedgedoc1_slug(h[0]) for h in headings]
        if dialect != "hedgedoc1-keep-case":
            bases = [b.lower() for b in bases]
        if dialect == "hedgedoc1-gfm":
            return _dedupe_restart(bases)
        return _dedupe_hedgedoc1_legacy(bases)
    if dialect == "hedgedoc2":
        return _dedupe_restart([hedgedoc2_slug(h[1]) for h in headings])
    return _dedupe_counter([github_slug(h[2] if len(h) > 2 and h[2] else h[1]) for h in headings])


def _dedupe_hedgedoc1_legacy(ids: list[str]) -> list[str]:
    """``deduplicatedHeaderId`` legacy path, replayed exactly.

    For each header i in document order: take its current id, list every
    header that now has that id (document order), and rename the j-th of them
    (other than i) to ``id + j``. Empty ids are skipped (``if (!id) continue``).
    So ``Notes, Notes, Notes`` -> ``Notes, Notes1, Notes2`` and
    ``Notes, Notes1, Notes`` -> ``Notes, Notes1, Notes11``.
    """
    ids = list(ids)
    # where each id is now, in document order: the replay looks a group up instead of
    # scanning every header for every header (quadratic: 20,000 headings took 25 s)
    where: dict[str, list[int]] = {}
    for k, value in enumerate(ids):
        where.setdefault(value, []).append(k)
    for i in range(len(ids)):
        current = ids[i]
        if not current:
            continue
        same = where[current]
        if len(same) == 1:
            continue
        where[current] = [i]
        for j, k in enumerate(same):
            if k != i:
                renamed = ids[k] = f"{current}{j}"
                insort(where.setdefault(renamed, []), k)
    return ids


def _dedupe_restart(bases: list[str]) -> list[str]:
    """HedgeDoc 1 ``gfm`` / markdown-it-anchor ``uniqueSlug``: try ``base``, then
    ``base-1``, ``base-2``… from 1 each time, skipping ids already given."""
    used: set[str] = set()
    out = []
    for base in bases:
        slug, i = base, 1
        while slug in used:
            slug = f"{base}-{i}"
            i += 1
        used.add(slug)
        out.append(slug)
    return out


def _dedupe_counter(bases: list[str]) -> list[str]:
    """github-slugger: a counter per base, ``base-N`` until unused."""
    occurrences: dict[str, int] = {}
    out = []
    for base in bases:
        slug = base
        while slug in occurrences:
            occurrences[base] += 1
            slug = f"{base}-{occurrences[base]}"
        occurrences[slug] = 0
        out.append(slug)
    return out


def _percent_encode_fragment(fragment: str) -> str:
    # WHATWG URL "fragment percent-encode set": C0 controls, space, ", <, >, `
    # and every non-ASCII code point (UTF-8); everything else, "%" included, stays.
    out = []
    for ch in fragment:
        if 0x21 <= ord(ch) <= 0x7E and ch not in '"<>`':
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass"))
    return "".join(out)


def fragment_candidates(fragment: str) -> list[str]:
    """The strings a browser compares with element ids for ``#fragment``.

    WHATWG HTML "find a potential indicated element": first the fragment as the
    URL holds it (non-ASCII and spaces percent-encoded), then its UTF-8
    percent-decoding (skipped when that is not valid UTF-8). ``fragment`` is
    the text after ``#``, as written or as markdown-it normalised it.
    """
    encoded = _percent_encode_fragment(fragment)
    out = [encoded]
    if "%" in encoded:
        try:
            decoded = unquote(encoded, errors="strict")
        except UnicodeDecodeError:
            decoded = encoded
        if decoded not in out:
            out.append(decoded)
    return out


def fragment_matches(fragment: str, targets: set[str] | frozenset[str]) -> bool:
    """Whether ``#fragment`` reaches an element whose id is in ``targets``.

    Empty fragments and ``top`` (ASCII case-insensitive) always reach the top of
    the document (WHATWG HTML "scroll to the fragment").
    """
    if fragment == "":
        return True
    candidates = fragment_candidates(fragment)
    if any(c in targets for c in candidates):
        return True
    return any(c.lower() == "top" for c in candidates)


def href_fragment(element_id: str) -> str:
    """How to write ``#element_id`` in a Markdown link: readable, with only the
    characters that would end or break the destination percent-encoded."""
    return "".join(f"%{ord(c):02X}" if c in ' <>()"`\\\t\n' else c for c in element_id)
