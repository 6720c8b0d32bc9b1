"""Source positions: spans and the offset <-> line:column index.

Lines and columns are 1-based; columns count Unicode code points (as editors
and ruff do), not bytes. Offsets are 0-based code-point offsets into the
decoded text, end exclusive.
"""

from __future__ import annotations

from bisect import bisect_right

from pydantic import BaseModel, ConfigDict, Field


class Span(BaseModel):
    """A region of the pad's text.

    ``start_*`` is the first character, ``end_*`` the position just after the
    last one (so ``end_offset - start_offset`` is the length in characters).
    """

    model_config = ConfigDict(frozen=True)

    start_line: int = Field(ge=1, description="1-based line of the first character")
    start_column: int = Field(ge=1, description="1-based column (code points) of the first character")
    end_line: int = Field(ge=1, description="1-based line just after the last character")
    end_column: int = Field(ge=1, description="1-based column just after the last character")
    start_offset: int = Field(ge=0, description="0-based code-point offset of the first character")
    end_offset: int = Field(ge=0, description="0-based code-point offset after the last character")


class LineIndex:
    """Maps code-point offsets of ``text`` to 1-based (line, column) and back.

    Line breaks are ``\\n``, ``\\r\\n`` or a lone ``\\r`` (the text is usually
    normalised to ``\\n`` before parsing, see :mod:`pad_lint.source`).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self.line_starts = starts

    @property
    def line_count(self) -> int:
        return len(self.line_starts)

    def line_col(self, offset: int) -> tuple[int, int]:
        """Return the 1-based (line, column) of ``offset`` (clamped into the text)."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def offset(self, line: int, column: int = 1) -> int:
        """Return the offset of 1-based ``line`` and ``column``."""
        line = max(1, min(line, len(self.line_starts)))
        return min(self.line_starts[line - 1] + column - 1, len(self.text))

    def line_start(self, line0: int) -> int:
        """Offset of the first character of 0-based line ``line0``."""
        if line0 >= len(self.line_starts):
            return len(self.text)
        return self.line_starts[line0]

    def line_text(self, line0: int) -> str:
        """Text of 0-based line ``line0`` without its line break."""
        start = self.line_start(line0)
        end = self.text.find("\n", start)
        return self.text[start : end if end != -1 else len(self.text)]

    def span(self, start: int, end: int) -> Span:
        """Build a :class:`Span` from offsets (``end`` exclusive)."""
        if end < start:
            end = start
        sl, sc = self.line_col(start)
        el, ec = self.line_col(end)
        return Span(
            start_line=sl, start_column=sc, end_line=el, end_column=ec,
            start_offset=start, end_offset=end,
        )

    def line_span(self, line0_start: int, line0_end: int) -> Span:
        """Span of whole 0-based lines ``[line0_start, line0_end)`` without the final newline."""
        start = self.line_start(line0_start)
        last = max(line0_start, line0_end - 1)
        end = self.line_start(last) + len(self.line_text(last))
        return self.span(start, end)
