"""Property-based tests: the library never crashes and every position it reports is real.

Pads come from :mod:`tests/fuzz/pad_strategies.py` (HedgeDoc constructs with
mixed line endings, nesting and odd Unicode) and from arbitrary text. Runs are
bounded (``max_examples``) so CI stays quick; ``tests/fuzz/`` has the long runs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

import pad_lint
from pad_lint.fixes import MAX_PASSES, apply_fixes
from pad_lint.markdown.view import build_view
from pad_lint.source import Pad
from pad_lint.spans import Span

sys.path.insert(0, str(Path(__file__).resolve().parent / "fuzz"))
from pad_strategies import PADS, RANDOM_TEXT, hedgedoc_pads  # noqa: E402

# In CI (CI=true) the examples are the same on every run, so that a submission is never failed
# by a new random example; locally they vary, and tests/fuzz/ explores further.
SETTINGS = settings(max_examples=200, deadline=None, derandomize=bool(os.environ.get("CI")),
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def iter_spans(obj: Any, where: str = "") -> Any:
    """Every :class:`Span` inside a pydantic model / dataclass / list / dict, with its path."""
    if isinstance(obj, Span):
        yield where, obj
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from iter_spans(getattr(obj, name), f"{where}.{name}")
    elif hasattr(obj, "__dataclass_fields__"):
        for name in obj.__dataclass_fields__:
            if name == "pad":
                continue
            yield from iter_spans(getattr(obj, name), f"{where}.{name}")
    elif isinstance(obj, (list, tuple)):
        for i, x in enumerate(obj):
            yield from iter_spans(x, f"{where}[{i}]")
    elif isinstance(obj, dict):
        for k, x in obj.items():
            yield from iter_spans(x, f"{where}[{k!r}]")


def assert_span_inside(pad: Pad, span: Span, where: str) -> None:
    n = len(pad.text)
    assert 0 <= span.start_offset <= span.end_offset <= n, f"{where}: {span} outside text of length {n}"
    assert (span.start_line, span.start_column) == pad.index.line_col(span.start_offset), f"{where}: start {span}"
    assert (span.end_line, span.end_column) == pad.index.line_col(span.end_offset), f"{where}: end {span}"


# -- parse ---------------------------------------------------------------------------


@SETTINGS
@given(PADS)
def test_parse_never_raises_and_spans_are_inside(text: str) -> None:
    doc = pad_lint.parse(text, path="p.md")
    pad = Pad.from_text(text, path="p.md")
    # lines as editors and `wc -l` count them: a final line break does not start a line
    assert doc.source.lines == pad.index.line_count - (1 if pad.text == "" or pad.text.endswith("\n") else 0)
    for where, span in iter_spans(doc, "doc"):
        assert_span_inside(pad, span, where)


@SETTINGS
@given(PADS)
def test_view_spans_and_prose_runs_are_exact(text: str) -> None:
    pad = Pad.from_text(text, path="p.md")
    view = build_view(pad)
    for where, span in iter_spans(view, "view"):
        assert_span_inside(pad, span, where)
    for run in view.runs:
        assert 0 <= run.start <= run.end <= len(pad.text)
        assert pad.text[run.start:run.end] == run.text, run
        assert run.context in ("text", "link_text")
    # runs never overlap (they come in token order: footnote definitions last)
    ordered = sorted(view.runs, key=lambda r: r.start)
    for a, b in zip(ordered, ordered[1:]):
        assert a.end <= b.start, (a, b)
    for dialect in ("hedgedoc1-keep-case", "hedgedoc1-lower-case", "hedgedoc1-gfm", "hedgedoc2", "github"):
        ids = view.heading_ids(dialect)
        assert len(ids) == len(view.headings)


# -- lint ----------------------------------------------------------------------------


def _check_diagnostics(text: str, diagnostics: list) -> None:
    pad = Pad.from_text(text, path="p.md")
    for d in diagnostics:
        assert_span_inside(pad, d.span, d.code)
        assert d.message and "\n" not in d.message.strip(), d
        if d.fix is not None:
            edits = sorted(d.fix.edits, key=lambda e: (e.start_offset, e.end_offset))
            for e in edits:
                assert 0 <= e.start_offset <= e.end_offset <= len(pad.text), (d.code, e)
            for a, b in zip(edits, edits[1:]):
                assert a.end_offset <= b.start_offset, (d.code, "overlapping edits", a, b)
    keys = [d.sort_key() for d in diagnostics]
    assert keys == sorted(keys)


@SETTINGS
@given(PADS)
def test_lint_never_raises_and_spans_are_inside(text: str) -> None:
    diagnostics = pad_lint.lint(text, path="p.md")
    _check_diagnostics(text, diagnostics)


@SETTINGS
@given(hedgedoc_pads())
def test_lint_every_rule_selected(text: str) -> None:
    from pad_lint.config import Config

    config = Config.model_validate({"select": ["ALL"]})
    _check_diagnostics(text, pad_lint.lint(text, path="p.md", config=config))


@SETTINGS
@given(PADS)
def test_lint_is_deterministic(text: str) -> None:
    first = [d.model_dump() for d in pad_lint.lint(text, path="p.md")]
    second = [d.model_dump() for d in pad_lint.lint(text, path="p.md")]
    assert first == second


# -- fix -----------------------------------------------------------------------------


def _fix_function():
    fix = getattr(pad_lint, "fix", None)
    if fix is None:
        pytest.skip("pad_lint.fix does not exist yet")
    return fix


def _outer_edit_bounds(text: str, unsafe: bool) -> tuple[int, int] | None:
    """Smallest and largest offsets (in ``text`` as the caller gave it) any applicable fix touches."""
    pad = Pad.from_text(text)
    starts, ends = [], []
    for d in pad_lint.lint(text):
        if d.fix is None or (d.fix.applicability.value == "unsafe" and not unsafe):
            continue
        for e in d.fix.edits:
            starts.append(e.start_offset)
            ends.append(e.end_offset)
    if not starts:
        return None
    return min(starts), len(pad.text) - max(ends)


@SETTINGS
@given(PADS, st.booleans())
def test_fix_is_idempotent(text: str, unsafe: bool) -> None:
    fix = _fix_function()
    once = fix(text, config=None, unsafe=unsafe)
    assert isinstance(once, str)
    assert fix(once, config=None, unsafe=unsafe) == once


@SETTINGS
@given(PADS, st.booleans())
@example("\ufeffparticipant·es\n<!-- pad-lint disable-next-line --> participant.e.s", False)
def test_fix_changes_nothing_outside_its_edits(text: str, unsafe: bool) -> None:
    # Like ruff, fixing runs lint -> apply until nothing is left to fix, and one pass can
    # reveal new findings (removing an unused directive turns the rest of its line into
    # prose): each pass may change only what lies between its own first and last edit.
    fix = _fix_function()
    fixed = fix(text, config=None, unsafe=unsafe)
    current = text
    for _ in range(MAX_PASSES):
        bounds = _outer_edit_bounds(current, unsafe)
        if bounds is None:
            break
        following = fix_text_one_pass(current, unsafe)
        norm_in = Pad.from_text(current).text
        norm_out = Pad.from_text(following).text
        head, tail = bounds
        assert norm_out[:head] == norm_in[:head], "fix changed text before its first edit"
        if tail:
            assert norm_out[-tail:] == norm_in[-tail:], "fix changed text after its last edit"
        if following == current:
            break
        current = following
    assert Pad.from_text(fixed).text == Pad.from_text(current).text, "fix() differs from its passes"
    if bounds is None and current == text:
        assert fixed == text or Pad.from_text(fixed).text == Pad.from_text(text).text, \
            "fix changed a pad that has nothing to fix"
    if "\r" not in text:
        assert "\r" not in fixed, "fix introduced CR line endings"


def fix_text_one_pass(text: str, unsafe: bool) -> str:
    """One lint -> apply pass on the normalised text."""
    normalised = Pad.from_text(text).text
    new_text, _ = apply_fixes(normalised, pad_lint.lint(text), unsafe=unsafe)
    return new_text


@SETTINGS
@given(RANDOM_TEXT)
def test_fix_on_random_text_never_raises(text: str) -> None:
    fix = _fix_function()
    assert isinstance(fix(text, config=None, unsafe=True), str)


# -- regressions found by the properties above ----------------------------------------

@pytest.mark.parametrize("text", [
    "- [ ] \nparticipant·es\n# ",          # task item: the plugin cuts "[ ]" off the content
    "\ufeff- [ ] \n\tparticipant·es",      # ... and a tab-indented continuation line
    "- a\n\tparticipant",                  # tab expanded to spaces in a list continuation
    "- x\n\t\tb",
    "* [x] tâche [lien](x) *fin*",
    "\x0c\n0",                             # paragraph content .strip()ped of a form-feed line
    "\u2028\n\x0c\nmot *gras*",
    "==a===v",                             # odd closing run: its lone marker is moved after the closer
    "~~a~~~v ++b+++w ==c===x==",            # (found by tests/fuzz/fuzz_pad.py)
    "a *** b **c:** d :** e",
    "- [ ] www.example.com\nwww.example.com",  # linkify must not position the task-list checkbox
    "\ufeff[^1]: note\n- [ ] [^1]",
])
def test_prose_runs_exact_regressions(text: str) -> None:
    pad = Pad.from_text(text)
    view = build_view(pad)
    assert view.runs
    for run in view.runs:
        assert pad.text[run.start:run.end] == run.text, run
    for where, span in iter_spans(view, "view"):
        assert_span_inside(pad, span, where)


@SETTINGS
@given(hedgedoc_pads())
def test_plain_text_shortcut_equals_rendered_text(text: str) -> None:
    """PadView's fast block text is what stripping the rendered HTML gives."""
    import html
    import re

    from pad_lint.markdown.engine import hedgedoc_markdown
    from pad_lint.markdown.view import _plain_text

    md = hedgedoc_markdown()
    env: dict = {}
    for tok in md.parse(Pad.from_text(text).text, env):
        if tok.type != "inline":
            continue
        fast = _plain_text(tok.children or [])
        if fast is not None:
            rendered = md.renderer.renderInline(tok.children or [], md.options, env)
            assert fast == html.unescape(re.sub(r"<[^>]*>", "", rendered))


@SETTINGS
@given(st.one_of(hedgedoc_pads(), RANDOM_TEXT, st.text(alphabet="![]()<>*_~=+`\\ab:/h ", max_size=60)))
def test_event_plain_lines_map_every_character_to_its_source(text: str) -> None:
    """``event.lines.clean_inline``: each plain character is the source character at its offset."""
    from pad_lint.event.lines import clean_inline

    for line in text.split("\n"):
        plain, offsets, links, _strong = clean_inline(line, 5)
        assert len(offsets) == len(plain) + 1
        assert all(a < b for a, b in zip(offsets, offsets[1:]))
        for ch, off in zip(plain, offsets):
            assert line[off - 5] == ch
        for link in links:
            assert 0 <= link.start <= link.end <= len(plain)
