"""Raw HTML inside a pad: images, links, anchors and comments, with positions.

Uses the standard library's :class:`html.parser.HTMLParser` (tolerant, never
raises on bad markup), fed one HTML token at a time.
"""

from __future__ import annotations

import _markupbase
import html.parser
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


#: Whether :mod:`html.parser` is the one whose handling of unclosed markup at the end of the
#: input :class:`_Collector` shortcuts (Pythons before the 2025 rewrite of that handling:
#: comments read by ``_markupbase`` with ``--\s*>``, start tags located by
#: ``locatestarttagend_tolerant``). With a newer parser the shortcuts are off.
_OLD_PARSER = HTMLParser.parse_comment is _markupbase.ParserBase.parse_comment \
    and hasattr(_markupbase, "_commentclose") and hasattr(html.parser, "locatestarttagend_tolerant")
#: The pattern ending a comment, searched from after ``<!--`` (``None``: shortcut off).
_COMMENT_CLOSE = _markupbase._commentclose if _OLD_PARSER else None  # type: ignore[attr-defined]


def _last_match_start(pattern, text: str) -> int:  # noqa: ANN001 - re.Pattern
    """The largest ``p`` at which ``pattern`` matches in ``text`` (-1 when none): ``search(text, s)``
    fails exactly when ``s`` is beyond it."""
    last = -1
    for m in pattern.finditer(text):
        last = m.start()
    while last >= 0 and (m := pattern.search(text, last + 1)) is not None:  # a match inside the last one
        last = m.start()
    return last


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.result = HtmlScan()
        self._close_text: str | None = None   # the text _last_close was computed for
        self._last_close = -1
        self._gt_text: str | None = None      # the text _last_gt was computed for
        self._last_gt = -1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, col = self.getpos()
        self.result.elements.append(HtmlElement(tag.lower(), {k.lower(): v for k, v in attrs}, line - 1, col,
                                                self.get_starttag_text() or ""))

    handle_startendtag = handle_starttag

    def handle_comment(self, data: str) -> None:
        line, col = self.getpos()
        self.result.comments.append((data, line - 1, col))

    def parse_comment(self, i: int, report: int = 1) -> int:
        """The parser's own comment reader, told beforehand when it will find no end.

        At the end of the input (:meth:`close`), an unclosed ``<!--`` is read as text up to
        the next ``>`` or ``<`` and the parser goes on from there: at each of the following
        ``<!--`` it searched the rest of the input for ``-->`` again, so ``"<!-- " * 30000``
        took 8.7 s. The search fails exactly when it starts after the last place where the
        pattern matches, which is found once per input here. Left to the parser when it has
        a comment reader of its own (newer Pythons read an unclosed comment to the end)."""
        rawdata = self.rawdata
        if _COMMENT_CLOSE is not None and rawdata.startswith("<!--", i):
            if rawdata is not self._close_text:
                self._close_text, self._last_close = rawdata, _last_match_start(_COMMENT_CLOSE, rawdata)
            if i + 4 > self._last_close:
                return -1
        return super().parse_comment(i, report)

    def _beyond_last_gt(self, i: int) -> bool:
        """Whether no ``>`` is left at or after ``i`` (always ``False`` with a newer parser)."""
        if not _OLD_PARSER:
            return False
        rawdata = self.rawdata
        if rawdata is not self._gt_text:
            self._gt_text, self._last_gt = rawdata, rawdata.rfind(">")
        return i > self._last_gt

    # Start tags are reported only when they end with ">" (parse_starttag passes anything else on
    # as text), and so are end tags, comments, declarations and processing instructions: after the
    # last ">" of the input nothing but text can come out. Yet at the end of the input the parser
    # read each unclosed "<div", "</a", "<?", "<![CDATA[" there to the end again, looking for its
    # end ("<div " * 8000: 13 s; "<![CDATA[ " * 30000: 2.6 s). There it is told beforehand that the
    # markup is incomplete: the answer its own readers give (they search for a ">"), except that
    # "<div …" without ">" may be read as text in a different number of pieces, and a marked
    # section with an unknown keyword no longer stops the scan, with nothing left to report.

    def check_for_whole_start_tag(self, i: int) -> int:
        if self._beyond_last_gt(i):
            return -1
        return super().check_for_whole_start_tag(i)

    def parse_endtag(self, i: int) -> int:
        if self._beyond_last_gt(i):
            return -1
        return super().parse_endtag(i)

    def parse_pi(self, i: int) -> int:
        if self._beyond_last_gt(i):
            return -1
        return super().parse_pi(i)

    def parse_html_declaration(self, i: int) -> int:
        if not self.rawdata.startswith("<!--", i) and self._beyond_last_gt(i):
            return -1
        return super().parse_html_declaration(i)


def scan_html(fragment: str) -> HtmlScan:
    """Collect start tags and comments of an HTML fragment."""
    collector = _Collector()
    try:
        collector.feed(fragment)
        collector.close()
    except (AssertionError, ValueError):  # malformed declarations in very old Pythons
        pass
    return collector.result
