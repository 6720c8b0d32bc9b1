"""Finding a ``#fragment`` in a fetched HTML page.

A fragment reaches an element whose ``id`` equals it, or an ``<a name>``
(WHATWG HTML "find a potential indicated element"); GitHub prefixes rendered
Markdown ids with ``user-content-`` and scrolls to them by script. Fragments
that are not element ids are never checked: empty and ``top``, text
fragments (``:~:text=``), script routes (``#/page``, ``#!/page``) and GitHub
line anchors (``#L10-L20``). Pages whose anchors are created by script after
loading (HedgeDoc, CodiMD and HackMD notes render their Markdown in the
browser) cannot be judged from their HTML.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from ..markdown.heading_ids import fragment_matches

_LINE_ANCHOR = re.compile(r"^L\d+(?:C\d+)?(?:-L\d+(?:C\d+)?)?$")
_SCRIPT_RENDERED = re.compile(rb"<div[^>]+id=[\"']doc[\"'][^>]*markdown-body|<meta[^>]+(?:hedgedoc|codimd|hackmd)"
                              rb"|markdown-body[^>]*id=[\"']doc[\"']", re.I)


def fragment_checkable(url: str, fragment: str) -> bool:
    """Whether ``fragment`` of ``url`` names an element that the page's HTML should hold."""
    if not fragment or fragment.lower() == "top" or fragment.startswith(("!", "/")) or ":~:" in fragment:
        return False
    host = (urlsplit(url).hostname or "").lower()
    if host in ("github.com", "www.github.com") and _LINE_ANCHOR.match(fragment):
        return False
    return True


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (name == "id" or (name == "name" and tag == "a")):
                self.ids.add(value)

    handle_startendtag = handle_starttag


def page_anchors(body: bytes, charset: str | None = None) -> set[str]:
    """Element ids and ``<a name>`` values of an HTML page (tolerant parser)."""
    text = body.decode(charset or "utf-8", errors="replace")
    parser = _Anchors()
    try:
        parser.feed(text)
        parser.close()
    except (AssertionError, ValueError):
        pass
    ids = parser.ids
    ids |= {i[len("user-content-"):] for i in ids if i.startswith("user-content-")}
    return ids


def script_rendered(body: bytes) -> bool:
    """The page is a HedgeDoc/CodiMD/HackMD note, whose heading ids are made by script."""
    return bool(_SCRIPT_RENDERED.search(body[:200_000]))


def fragment_in_page(fragment: str, anchors: set[str]) -> bool:
    """Whether ``fragment`` reaches one of ``anchors`` (exact, then percent-decoded)."""
    return fragment_matches(fragment, anchors)
