"""pad-lint's linear task-list rule gives the same tokens as mdit-py-plugins' own."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mdit_py_plugins.tasklists import tasklists_plugin

import pad_lint
from pad_lint.markdown.engine import _keep_positions_through_tasklists
from scaling import assert_near_linear


def _parser(linear: bool) -> MarkdownIt:
    md = MarkdownIt("js-default")
    tasklists_plugin(md)
    if linear:
        _keep_positions_through_tasklists(md)
    return md


LIBRARY, LINEAR = _parser(False), _parser(True)


def _shape(md: MarkdownIt, text: str) -> list:
    out = []
    for tok in md.parse(text):
        children = [(c.type, c.content, c.attrs) for c in tok.children or []]
        # the library also cuts "[ ] " from the block's content; ours keeps it for the source map
        out.append((tok.type, tok.level, tok.attrs, children))
    return out


PIECES = ["- ", "* ", "1. ", "  ", "    ", "> ", "[ ] ", "[x] ", "[X] ", "[ ]", "[x]\t", "[ ]x", "text", "\n", "\n\n",
          "[a]", "[a]: /u\n", "**b**", "`c`", ":::info\n", ":::\n", "- [ ] ", "\t"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25).map("".join))
@example("- [ ] a\n- [x] b\n  - [X] c\n    > - [ ] d\n\n1. [ ] e\n")
@example("[ ] not an item\n\n- [ ]\n- [ ]x\n- [ ]\ty\n")
@example("- [a] x\n\n[a]: /u\n")
@example("> - [ ] quoted\n>   - [x] nested\n- [ ] after\n")
def test_linear_rule_matches_the_library(text: str) -> None:
    assert _shape(LINEAR, text) == _shape(LIBRARY, text)


def test_many_task_items_take_linear_time() -> None:
    # mdit-py-plugins' rule scanned back to each item's list: 16,000 items took 40 s.
    # linear: ~4x; quadratic would be ~16x
    assert_near_linear(lambda text: pad_lint.lint(text, path="p.md"), 2_000, 8_000, max_ratio=8,
                       setup=lambda n: "- [ ] x\n" * n)


def test_task_item_text_keeps_its_position() -> None:
    text = "- [ ] participant.e.s et participant·es\n"
    inc = [d for d in pad_lint.lint(text, path="p.md") if d.code == "INC001"]
    assert [text[d.span.start_offset:d.span.end_offset] for d in inc] == ["participant.e.s"]
