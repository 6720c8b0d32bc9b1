"""Every span the parser reports points at the exact source text."""

from __future__ import annotations

from pathlib import Path

import pytest

from pad_lint.markdown.view import build_view
from pad_lint.source import Pad, read_pad

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _check_view_spans(pad: Pad) -> None:
    view = build_view(pad)
    text = pad.text
    for run in view.runs:
        assert text[run.start:run.end] == run.text, (pad.path, run)
    for link in view.links:
        s = text[link.span.start_offset:link.span.end_offset]
        assert s == link.raw, (pad.path, link)
        if link.kind == "inline":
            assert s.startswith("[") and s.endswith(")"), (pad.path, s)
        elif link.kind == "linkify":
            assert link.href.endswith(s) or s in link.href or link.href.startswith("http"), (pad.path, s, link.href)
    for image in view.images:
        s = text[image.span.start_offset:image.span.end_offset]
        assert s.startswith("![" if image.syntax == "markdown" else "<img"), (pad.path, s)
    for heading in view.headings:
        s = text[heading.span.start_offset:heading.span.end_offset]
        line = pad.index.line_text(heading.span.start_line - 1)
        if not heading.setext and s:
            assert line.lstrip(" #").startswith(s.split("\n")[0]), (pad.path, s, line)


def test_inline_positions_survive_emphasis_escapes_and_linkify():
    src = ("* Introduite par **Armand**, x *y* _z *a\n"
           "See https://ex.org/a_(b) and www.foo.org, README.md. \\*esc* &amp; \"quote\" ...\n")
    pad = Pad.from_text(src)
    view = build_view(pad)
    assert [r.text for r in view.runs][:2] == ["Introduite par ", "Armand"]
    for run in view.runs:
        assert src[run.start:run.end] == run.text
    kinds = {l.raw: l.kind for l in view.links}
    assert kinds == {"https://ex.org/a_(b)": "linkify", "www.foo.org": "linkify", "README.md": "linkify"}


def test_table_cells_with_equal_content_get_distinct_columns():
    src = "| a | a |\n|---|---|\n| b | b |\n"
    view = build_view(Pad.from_text(src))
    cells = [(b.text, b.span.start_column) for b in view.blocks if b.kind == "table_cell"]
    assert cells == [("a", 3), ("a", 7), ("b", 3), ("b", 7)]


def test_nested_list_and_blockquote_columns():
    src = "> * [Lien](https://example.org) texte\n>     * ![alt](https://example.org/i.png)\n"
    pad = Pad.from_text(src)
    view = build_view(pad)
    assert [(l.span.start_line, l.span.start_column) for l in view.links] == [(1, 5)]
    assert [(i.span.start_line, i.span.start_column) for i in view.images] == [(2, 9)]


def test_examples_spans_are_exact():
    pads = sorted(EXAMPLES.glob("*.md"))
    assert pads, "examples/ must hold pads"
    for path in pads:
        _check_view_spans(read_pad(path))


def test_corpus_spans_are_exact(shared_dir):
    paths = [shared_dir / "corpus" / "forse-2022-06-21.md", *sorted((shared_dir / "corpus" / "real").glob("*.md"))]
    for path in paths:
        _check_view_spans(read_pad(path))


@pytest.mark.parametrize("src", [
    "^\\:^",  # the example hypothesis found
    "Les ^\\*participant.e.s^ et les participant·es.\n",
    "x ~a\\ b\\~c~ y ^\\\\x\\ y^ z\n",
])
def test_superscript_and_subscript_text_after_an_escape(src):
    # Both plugins drop the backslash of an escape from their text token, so the
    # text after an escape used to sit one column early.
    _check_view_spans(Pad.from_text(src))


def test_fix_inside_superscript_with_an_escape_rewrites_the_right_characters():
    import pad_lint

    src = "Les ^\\*participant.e.s^ et les participant·es.\n"
    diagnostics = pad_lint.lint(src, path="p.md")
    inc = [d for d in diagnostics if d.code == "INC001"]
    assert [(d.span.start_line, d.span.start_column) for d in inc] == [(1, 8)]
    assert src[inc[0].span.start_offset:inc[0].span.end_offset] == "participant.e.s"
    assert pad_lint.fix(src, path="p.md") == "Les ^\\*participant·e·s^ et les participant·e·s.\n"


TABLE_WITH_ESCAPED_PIPES = (
    "# T\n\nLes participant·e·s, les élu·e·s, les ami·e·s.\n\n| a | b |\n| --- | --- |\n"
    "| x | Ana \\| intervenant.e.s |\n"
    "| x | intervenant.e.s \\| y |\n"
    "| x \\| \\| y | Ana \\| \\| intervenant.e.s |\n"
    "| x | [l](#t) \\| b |\n"
    "| x | a \\| b [l](https:/example.org) |\n"
)


def test_table_cells_with_escaped_pipes_keep_their_columns():
    # markdown-it drops the backslash of "\|" from a cell's content: everything after it
    # in the cell used to sit one column early per escaped pipe.
    pad = Pad.from_text(TABLE_WITH_ESCAPED_PIPES)
    _check_view_spans(pad)
    view = build_view(pad)
    for block in view.blocks:
        for k, ch in enumerate(block.raw):
            if ch != "\n" and block.kind == "table_cell":
                assert pad.text[block.source_offset(k)] == ch, (block.raw, k)


def test_fix_in_table_cells_with_escaped_pipes_rewrites_the_right_characters():
    import pad_lint

    diagnostics = pad_lint.lint(TABLE_WITH_ESCAPED_PIPES, path="p.md")
    where = sorted((d.code, d.span.start_line, d.span.start_column) for d in diagnostics
                   if d.code in ("INC001", "LNK001", "LNK003"))
    assert where == [("INC001", 7, 14), ("INC001", 8, 7), ("INC001", 9, 25), ("LNK001", 11, 14), ("LNK003", 10, 7)]
    fixed = pad_lint.fix(TABLE_WITH_ESCAPED_PIPES, path="p.md")
    assert fixed.splitlines()[6:9] == [
        "| x | Ana \\| intervenant·e·s |",
        "| x | intervenant·e·s \\| y |",
        "| x \\| \\| y | Ana \\| \\| intervenant·e·s |",
    ]


def test_event_lines_of_a_cell_with_escaped_pipes_point_at_the_source():
    from pad_lint.event.lines import block_lines

    pad = Pad.from_text("| a | b |\n| --- | --- |\n| Ana \\| Jean Dupont | x |\n")
    view = build_view(pad)
    for block_no, block in enumerate(view.blocks):
        for line in block_lines(view, block_no):
            for i, ch in enumerate(line.text):
                if ch.isalpha():
                    assert pad.text[line.offsets[i]] == ch, (line.text, i)
