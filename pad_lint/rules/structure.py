"""Pad syntax and structure rules PAD001–PAD005.

They read the :class:`~pad_lint.markdown.view.PadView` only (containers, the
front matter, headings and their ids) and follow HedgeDoc 1.x's behaviour as
described in ``shared/reference/hedgedoc-format.md`` (§2 front matter, §4
containers, §9 heading ids).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from typing import Any

from ..diagnostics import Diagnostic
from ..markdown import heading_ids as hid
from ..markdown.view import PadView
from ..spans import Span
from .context import LintContext
from .registry import rule

_HEDGEDOC = "HedgeDoc 1.x behaviour (hedgedoc/hedgedoc@master public/js/extra.js); shared/reference/hedgedoc-format.md"

#: Front-matter keys HedgeDoc reads, with the value types its code accepts
#: (hedgedoc-format.md §2). ``license`` is HedgeDoc 2's key.
FRONT_MATTER_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("string", "number"),
    "description": ("string", "number"),
    "tags": ("string", "number"),
    "robots": ("string", "number"),
    "lang": ("string",),
    "dir": ("string",),
    "breaks": ("boolean",),
    "GA": ("string", "number"),
    "disqus": ("string", "number"),
    "type": ("string",),
    "slideOptions": ("mapping",),
    "opengraph": ("mapping",),
    "license": ("string",),
}

#: Container names of other dialects and what to write instead in HedgeDoc 1.
_CONTAINER_HINTS = {
    "spoiler": "HedgeDoc 2 and HackMD only; in HedgeDoc 1 use <details><summary>Titre</summary> … </details>",
    "note": "use :::info", "tip": "use :::success", "hint": "use :::info", "important": "use :::warning",
    "caution": "use :::warning", "attention": "use :::warning", "error": "use :::danger", "alert": "use :::danger",
    "success": "", "info": "", "warning": "", "danger": "",
}


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    if value is None:
        return "empty value"
    return type(value).__name__


def _line_span(view: PadView, line1: int) -> Span:
    line0 = max(0, min(line1 - 1, view.index.line_count - 1))
    return view.index.line_span(line0, line0 + 1)


def _key_span(view: PadView, key: str, line1: int) -> Span:
    text = view.index.line_text(line1 - 1)
    col = text.find(key)
    if col < 0:
        return _line_span(view, line1)
    start = view.index.line_start(line1 - 1) + col
    return view.index.span(start, start + len(key))


@rule(
    code="PAD001", name="unclosed-container", severity="error",
    summary="A `:::info` (success, warning, danger) box is never closed with `:::`.",
    explanation="""
HedgeDoc's alert boxes start with `:::info` (or `success`, `warning`, `danger`) and end
with a line of at least as many colons, `:::`. Without the closing line the box runs to the
end of the pad (or of the list item or quote that holds it): everything after it is shown
inside a coloured alert, which is rarely what the writer meant and hides the structure of
the notes.

Fix: add a line `:::` where the box should end.
""",
    source=_HEDGEDOC + " §4 (markdown-it-container 4.0.0)",
    example="""
:::warning
Pad public : ne rien écrire de personnel.   <- PAD001 on line 1: no closing `:::`

## Notes
""",
)
def UNCLOSED_CONTAINER(ctx: LintContext) -> Iterator[Diagnostic]:
    view = ctx.view
    for c in view.containers:
        if c.closed:
            continue
        span = _line_span(view, c.span.start_line)
        yield UNCLOSED_CONTAINER.diagnostic(
            ctx, span,
            f"`:::{c.name}` box is never closed: HedgeDoc shows everything from line {c.span.start_line} "
            f"to line {c.span.end_line} inside it",
            help="add a line `:::` where the box should end")


@rule(
    code="PAD002", name="unknown-container", severity="warning",
    summary="A `:::name` block that HedgeDoc 1 does not know (only success, info, warning, danger exist).",
    explanation="""
HedgeDoc 1 has exactly four containers: `:::success`, `:::info`, `:::warning` and
`:::danger`. Any other name (`:::spoiler`, `:::note`, `:::tip`…) is not a container: the
`:::` lines are printed as plain text. `:::spoiler` works in HedgeDoc 2 and HackMD only. Words
after a known name (`:::info Titre`) are not a title either: HedgeDoc adds them as CSS
classes, so they are not shown.

Fix: use one of the four names, or for a collapsible block
`<details><summary>Titre</summary> … </details>`.
""",
    source=_HEDGEDOC + " §4",
    example="""
:::spoiler Détails     <- PAD002: printed as text in HedgeDoc 1
Texte caché
:::
""",
)
def UNKNOWN_CONTAINER(ctx: LintContext) -> Iterator[Diagnostic]:
    view = ctx.view
    for c in view.unknown_containers:
        hint = _CONTAINER_HINTS.get(c.name.lower())
        if hint is None:
            close = difflib.get_close_matches(c.name.lower(), ["success", "info", "warning", "danger"], n=1)
            hint = f"did you mean :::{close[0]}?" if close else "use :::success, :::info, :::warning or :::danger"
        elif hint == "":
            hint = f"write the name in lower case: :::{c.name.lower()}"
        yield UNKNOWN_CONTAINER.diagnostic(
            ctx, c.span, f"`:::{c.name}` is not a HedgeDoc 1 container: its `:::` lines are shown as plain text",
            help=hint)


@rule(
    code="PAD003", name="invalid-front-matter", severity="warning",
    summary="YAML metadata that HedgeDoc cannot read, ignores, or never sees.",
    explanation="""
HedgeDoc reads YAML metadata only between a first line that is exactly `---` and the next
line that is exactly `---` or `...`. It then:

* drops the whole block when the YAML is invalid (the lines are shown as text, with a yellow
  "meta error" banner);
* ignores values of the wrong type: `tags` must be a comma-separated string
  (`tags: atelier, 2023`), a YAML list `tags: [atelier, 2023]` is ignored; `title` must be
  text, `breaks` a boolean, `opengraph` and `slideOptions` mappings…;
* silently ignores keys it does not know, so a typo such as `langs: fr` for `lang: fr` has
  no effect.

pad-lint also reports a metadata block that HedgeDoc never sees (not on the first line, a
first line that is not exactly `---`, or no closing line).

Fix: correct the YAML, the key or the value as the message says.
""",
    source=_HEDGEDOC + " §2 (meta(), extractNoteTags, parseMeta)",
    example="""
---
title: Atelier
langs: fr        <- PAD003: unknown key, did you mean `lang`?
tags: [a, b]     <- PAD003: a YAML list is ignored
---
""",
)
def INVALID_FRONT_MATTER(ctx: LintContext) -> Iterator[Diagnostic]:
    view = ctx.view
    fm = view.front_matter
    if fm.error and fm.lines == 0:
        line = fm.error_line or 1
        span = _line_span(view, line)
        if fm.error_column:
            start = min(span.start_offset + fm.error_column - 1, span.end_offset)
            span = view.index.span(start, span.end_offset)
        yield INVALID_FRONT_MATTER.diagnostic(
            ctx, span,
            f"{fm.error}; HedgeDoc ignores the whole metadata block and shows it as text",
            help="fix the YAML syntax (a `key: value` per line; quote values that contain `: ` or start with `[`, `{`, `*`, `&`)")
        return
    if fm.error:
        yield INVALID_FRONT_MATTER.diagnostic(ctx, _line_span(view, fm.error_line or 2), fm.error,
                                              help="write one `key: value` per line")
        return
    if fm.lines == 0:
        yield from _unseen_front_matter(ctx)
        return
    for key, value in fm.data.items():
        line = fm.key_lines.get(key, 2)
        span = _key_span(view, key, line)
        if key not in FRONT_MATTER_KEYS:
            known = list(FRONT_MATTER_KEYS)
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6) or \
                [k for k in known if k.lower() == key.lower()]
            hint = f"did you mean `{close[0]}`?" if close else f"HedgeDoc reads only: {', '.join(known)}"
            yield INVALID_FRONT_MATTER.diagnostic(
                ctx, span, f"unknown front-matter key `{key}`: HedgeDoc ignores it", help=hint)
            continue
        got = _type_name(value)
        allowed = FRONT_MATTER_KEYS[key]
        if got not in allowed:
            if key == "tags" and got == "list":
                items = ", ".join(str(v) for v in value) if isinstance(value, list) else ""
                msg = "`tags` is a YAML list: HedgeDoc ignores it (it reads a comma-separated string)"
                hint = f"write `tags: {items}`"
            else:
                msg = f"`{key}` should be a {' or a '.join(allowed)}, not a {got}: HedgeDoc ignores it"
                hint = "`breaks: false` is the only value that changes line breaks" if key == "breaks" else \
                    f"write `{key}:` followed by a {allowed[0]}"
            yield INVALID_FRONT_MATTER.diagnostic(ctx, span, msg, help=hint)
        elif key == "dir" and value not in ("ltr", "rtl"):
            yield INVALID_FRONT_MATTER.diagnostic(ctx, span, f"`dir` must be `ltr` or `rtl`, not `{value}`",
                                                  help="write `dir: ltr` or `dir: rtl`")


_YAML_LINE = re.compile(r"^[A-Za-z_][\w-]*\s*:(\s|$)")


def _unseen_front_matter(ctx: LintContext) -> Iterator[Diagnostic]:
    """A metadata block HedgeDoc does not read: late start, a first line that is not
    exactly ``---``, or no closing line."""
    view = ctx.view
    n = view.index.line_count
    first = 0
    while first < n and not view.index.line_text(first).strip():
        first += 1
    if first >= n:
        return
    opening = view.index.line_text(first)
    if not re.fullmatch(r"-{3,}\s*", opening) or first + 1 >= n or not _YAML_LINE.match(view.index.line_text(first + 1)):
        return
    closing = next((i for i in range(first + 1, n) if view.index.line_text(i).rstrip() in ("---", "...")), None)
    span = _line_span(view, first + 1)
    if first > 0:
        msg = f"the metadata block starts on line {first + 1}: HedgeDoc reads it only on the very first line"
        hint = "remove the lines above the first `---`"
    elif opening != "---":
        msg = f"the first line is `{opening}`, not exactly `---`: HedgeDoc does not read this metadata block"
        hint = "make the first line exactly `---` (three dashes, nothing else)"
    elif closing is None:
        msg = "the metadata block is never closed: HedgeDoc does not read it"
        hint = "end it with a line `---`"
    else:
        return
    yield INVALID_FRONT_MATTER.diagnostic(ctx, span, msg, help=hint)


def _is_tags_line(level: int, text: str) -> bool:
    return level == 6 and bool(re.match(r"(?i)^\s*tags\b", text))


@rule(
    code="PAD004", name="heading-level-skip", severity="warning",
    summary="A heading jumps more than one level down (an `##` followed by `####`).",
    explanation="""
Screen-reader users move through a page by its headings, and the table of contents (`[TOC]`)
is built from them: a jump from level 2 to level 4 suggests a missing section and breaks the
outline (WCAG 1.3.1 Info and Relationships, RGAA 9.1). The `###### tags:` line is not
counted.

Fix: use the next level down (`###` after `##`), or add the missing intermediate heading.
""",
    source="WCAG 2.1 SC 1.3.1; RGAA 4.1 criterion 9.1; markdownlint MD001 heading-increment",
    example="""
## Atelier
#### Notes      <- PAD004: level 2 to level 4
""",
)
def HEADING_LEVEL_SKIP(ctx: LintContext) -> Iterator[Diagnostic]:
    previous = None
    for h in ctx.view.headings:
        if _is_tags_line(h.level, h.text):
            continue
        if previous is not None and h.level > previous + 1:
            yield HEADING_LEVEL_SKIP.diagnostic(
                ctx, _line_span(ctx.view, h.span.start_line),
                f"heading level {h.level} follows level {previous}: level {previous + 1} is skipped",
                help=f"use {'#' * (previous + 1)} for this heading, or add the missing level")
        previous = h.level


def heading_base_ids(view: PadView, dialect: str) -> list[str]:
    """Each heading's id as if it were alone in the pad (before de-duplication)."""
    from ..markdown.view import _github_text

    return [hid.heading_ids([(h.inner_html, h.text, _github_text(h.source) if dialect == "github" else "")],
                            dialect)[0] for h in view.headings]


@rule(
    code="PAD005", name="duplicate-heading-id", severity="warning",
    summary="Two headings get the same id, so the second is renamed and `#links` reach only the first.",
    explanation="""
HedgeDoc gives each heading an id made from its text, used by `#fragment` links, the table
of contents and shared permalinks. When two headings have the same text the later ones are
renamed (`Notes`, `Notes1`, `Notes2` in HedgeDoc 1; `notes-1` on GitHub and in HedgeDoc 2),
so a link written as `#Notes` always opens the first one, and the renamed ids change as soon
as a heading is added above. The id is computed in the configured dialect
(`[tool.pad-lint.links] dialect`).

Fix: make the headings distinct, for example `## Notes atelier 1` and `## Notes atelier 2`.
""",
    source=_HEDGEDOC + " §9 (deduplicatedHeaderId); shared/reference/link-checking.md §2.3",
    example="""
## Notes
## Notes      <- PAD005: id `Notes` already used on line 1; this one becomes `Notes1`
""",
)
def DUPLICATE_HEADING_ID(ctx: LintContext) -> Iterator[Diagnostic]:
    view = ctx.view
    dialect = ctx.config.links.dialect
    bases = heading_base_ids(view, dialect)
    final = view.heading_ids(dialect)
    first_line: dict[str, int] = {}
    for h, base, got in zip(view.headings, bases, final):
        if h.explicit_id or not base:
            continue
        if base in first_line:
            yield DUPLICATE_HEADING_ID.diagnostic(
                ctx, _line_span(view, h.span.start_line),
                f"heading id `{base}` is already used by the heading on line {first_line[base]}; "
                f"this one becomes `{got}` ({dialect})",
                help="give the headings different titles")
        else:
            first_line[base] = h.span.start_line
