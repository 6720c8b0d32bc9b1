"""Raw HTML inside a pad: images, links, anchors and comments, with positions.

Uses the standard library's :class:`html.parser.HTMLParser` (tolerant, never
raises on bad markup), fed one HTML token at a time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class HtmlElement:
    """A start tag found in raw HTML.

    ``line0``/``col0`` are the 0-based line and column of ``<`` inside the
    scanned fragment; ``attrs`` maps lower-case names to values (``None`` for a
    bare attribute such as ``hidden``); ``source`` is the tag's literal text.
    """

    tag: str
    attrs: dict[str, str | None]
    line0: int
    col0: int
    source: str


@dataclass
class HtmlScan:
    elements: list[HtmlElement] = field(default_factory=list)
    comments: list[tuple[str, int, int]] = field(default_factory=list)  # (text, line0, col0)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.result = HtmlScan()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, col = self.getpos()
        self.result.elements.append(HtmlElement(tag.lower(), {k.lower(): v for k, v in attrs}, line - 1, col,
                                                self.get_starttag_text() or ""))

    handle_startendtag = handle_starttag

    def handle_comment(self, data: str) -> None:
        line, col = self.getpos()
        self.result.comments.append((data, line - 1, col))


def scan_html(fragment: str) -> HtmlScan:
    """Collect start tags and comments of an HTML fragment."""
    collector = _Collector()
    try:
        collector.feed(fragment)
        collector.close()
    except (AssertionError, ValueError):  # malformed declarations in very old Pythons
        pass
    return collector.result
