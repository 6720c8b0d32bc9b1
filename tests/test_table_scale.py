"""A table with thousands of columns is walked in linear time.

Every cell of a table row is an inline block of the same source line, and the
source map of each cell sliced (and searched) the whole line again: a pad of one
20,000-column table (header ``|c1|c2|…|``, delimiter ``|-|-|…|``, three body rows)
spent most of its 13 s there.
"""

from __future__ import annotations

from pad_lint.markdown.view import build_view
from pad_lint.source import Pad
from pad_lint.spans import LineIndex
from scaling import assert_near_linear


def table(columns: int, rows: int = 3) -> str:
    out = ["|" + "|".join(f"c{i}" for i in range(1, columns + 1)) + "|", "|" + "-|" * columns]
    out += ["|" + "|".join(f"v{r}" for _ in range(columns)) + "|" for r in range(rows)]
    return "\n".join(out) + "\n"


def _cells_in_place(columns: int, view) -> None:
    pad = view.pad
    cells = [b for b in view.blocks if b.kind == "table_cell"]
    assert len(cells) == 4 * columns
    # each cell still maps to its own place in the source
    last_header, last_body = cells[columns - 1], cells[-1]
    assert pad.text[last_header.span.start_offset:last_header.span.end_offset] == f"c{columns}"
    assert last_body.span.start_line == 5 and pad.text[last_body.span.start_offset:last_body.span.end_offset] == "v2"


def test_wide_table_scales_linearly():
    # linear: ~8x; quadratic: ~64x. A guard against gross regressions: the old per-cell slicing is
    # too cheap to show at these sizes (its code passed this test too), the next test counts it.
    assert_near_linear(build_view, 500, 4_000, max_ratio=25, setup=lambda columns: Pad.from_text(table(columns)),
                       check=_cells_in_place)


def test_each_row_is_sliced_once_not_once_per_cell(monkeypatch):
    """The quadratic part is cheap per cell (a copy of the row), so a timing ratio hardly
    shows it below 20,000 columns: count the row slicing instead."""
    calls: list[int] = []
    line_text = LineIndex.line_text

    def counting(self: LineIndex, line0: int) -> str:
        calls.append(line0)
        return line_text(self, line0)

    monkeypatch.setattr(LineIndex, "line_text", counting)
    view = build_view(Pad.from_text(table(2_000)))
    assert len(view.blocks) == 8_000
    assert len(calls) < 50, len(calls)


def test_cells_after_blank_looking_lines_keep_their_lines():
    """The start-line search (content stripped of leading lines markdown-it drops) is unchanged."""
    text = "\f\npara after a form feed line\n\n|a|b|\n|-|-|\n|x|y|\n"
    view = build_view(Pad.from_text(text))
    first = view.blocks[0]
    assert text[first.span.start_offset:first.span.end_offset] == "para after a form feed line"
    assert [text[b.span.start_offset:b.span.end_offset] for b in view.blocks[1:]] == ["a", "b", "x", "y"]
