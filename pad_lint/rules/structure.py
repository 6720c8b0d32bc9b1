"""Pad syntax and structure rules PAD001–PAD007.

They read the :class:`~pad_lint.markdown.view.PadView` only (containers, code
fences, the front matter, headings and their ids) and follow HedgeDoc 1.x's
behaviour: ``public/js/extra.js`` (containers, front matter ``meta()``, heading
ids), markdown-it 14 and markdown-it-container 4, js-yaml 4.

Every message says what is wrong and why it matters to readers; ``help`` says
how to fix it.
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

_HEDGEDOC = "HedgeDoc 1.x behaviour (hedgedoc/hedgedoc@master public/js/extra.js)"

#: Front-matter keys HedgeDoc reads, with the value types its code accepts
#: (``public/docs/yaml-metadata.md``, ``lib/models/note.js``). ``license`` is HedgeDoc 2's key.
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
    "spoiler": "For a block readers can open, write <details><summary>Titre</summary> … </details>: "
               "`:::spoiler` works only in HedgeDoc 2 and HackMD.",
    "note": "Write `:::info` instead.", "tip": "Write `:::success` instead.", "hint": "Write `:::info` instead.",
    "important": "Write `:::warning` instead.", "caution": "Write `:::warning` instead.",
    "attention": "Write `:::warning` instead.", "error": "Write `:::danger` instead.", "alert": "Write `:::danger` instead.",
    "success": "", "info": "", "warning": "", "danger": "",
}

#: How the messages name the value types of :data:`FRONT_MATTER_KEYS`.
_TYPE_WORDS = {"string": "text", "number": "a number", "boolean": "`true` or `false`",
               "mapping": "indented `key: value` lines", "list": "a list", "empty value": "nothing"}
_NESTING_HELP = ("To put boxes inside a box, open and close the outer box with more colons (`::::info` … `::::`) "
                 "and keep `:::` for the boxes inside it.")


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
    source=_HEDGEDOC + "; markdown-it-container 4.0.0 (a box ends at the first line of at least as many colons)",
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
        outer = view.containers[c.parent] if c.parent is not None else None
        if outer is not None and outer.closed and outer.span.end_line == c.span.end_line + 1:
            yield UNCLOSED_CONTAINER.diagnostic(
                ctx, span,
                f"The `:::{c.name}` box has no closing line of its own: the `:::` on line {outer.span.end_line} closes "
                f"the outer `:::{outer.name}` box (line {outer.span.start_line}) instead, because HedgeDoc ends a box at "
                f"the first `:::` line it meets, whatever the nesting. The outer box ends too early and the text "
                f"after line {outer.span.end_line} falls outside it.",
                help=_NESTING_HELP)
            continue
        yield UNCLOSED_CONTAINER.diagnostic(
            ctx, span,
            f"The `:::{c.name}` box is never closed: HedgeDoc shows everything from line {c.span.start_line} "
            f"to line {c.span.end_line} inside it, so readers see "
            + (f"the rest of the enclosing `:::{outer.name}` box" if outer is not None else "the rest of the notes")
            + " in a coloured box.",
            help="Add a line `:::` where the box should end." + (" " + _NESTING_HELP if outer is not None else ""))


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
    source=_HEDGEDOC + " (the four containers registered in `md.use(markdownitContainer, …)`)",
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
            hint = f"Did you mean `:::{close[0]}`?" if close else \
                "Use one of `:::success`, `:::info`, `:::warning` or `:::danger`."
        elif hint == "":
            hint = f"Write the name in lower case: `:::{c.name.lower()}`."
        yield UNKNOWN_CONTAINER.diagnostic(
            ctx, c.span,
            f"Unknown box `:::{c.name}`: HedgeDoc 1 knows only success, info, warning and danger, so readers see "
            f"the `:::{c.name}` and `:::` lines as plain text instead of a box.",
            help=hint)


@rule(
    code="PAD003", name="invalid-front-matter", severity="warning",
    summary="YAML metadata that HedgeDoc cannot read, ignores, or never sees.",
    explanation="""
HedgeDoc reads YAML metadata only between a first line that is exactly `---` and the next
line that is exactly `---` or `...`, and loads it with js-yaml 4. It then:

* drops the whole block when the YAML is invalid (the lines are shown as text, with a yellow
  "meta error" banner): an unclosed `[` or quote, a `: ` inside an unquoted value, a tab used
  for indentation, a key written twice…;
* ignores values of the wrong type: `tags` must be a comma-separated string
  (`tags: atelier, 2023`), a YAML list `tags: [atelier, 2023]` is ignored; `title` must be
  text, `breaks` a boolean, `opengraph` and `slideOptions` mappings…;
* silently ignores keys it does not know, so a typo such as `langs: fr` for `lang: fr` has
  no effect. A key written as a list (`? [a, b]`) is read as the text `a,b`, which is no key
  HedgeDoc knows either.

pad-lint reads the YAML as js-yaml 4 does (YAML 1.2: `no` is text, not false; `10:30` is
text), and also reports a metadata block that HedgeDoc never sees (not on the first line, a
first line that is not exactly `---`, or no closing line).

Fix: correct the YAML, the key or the value as the message says.
""",
    source=_HEDGEDOC + " (meta(), parseMeta) and lib/models/note.js (extractMeta, extractNoteTags); "
                       "public/docs/yaml-metadata.md; js-yaml 4 lib/loader.js (YAML 1.2 core schema, storeMappingPair)",
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
        what, hint = plain_yaml_problem(fm.problem or fm.error, fm.context)
        yield INVALID_FRONT_MATTER.diagnostic(
            ctx, span,
            f"The metadata block at the top of the pad is not valid YAML: {what} (line {line}). HedgeDoc then ignores "
            f"the whole block: its title, tags and settings are lost, and readers see its lines as text under a "
            f"“meta error” warning.",
            help=hint)
        return
    if fm.error:
        kind = "a list" if fm.context == "list" else "a single value"
        yield INVALID_FRONT_MATTER.diagnostic(
            ctx, _line_span(view, fm.error_line or 2),
            f"The metadata block holds {kind}, not `key: value` lines: HedgeDoc hides it but finds no title, tags "
            f"or settings in it.",
            help="Write one `key: value` per line, e.g. `title: Atelier réparation`.")
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
            hint = f"Did you mean `{close[0]}`? Rename the key." if close else \
                f"Remove it, or use a key HedgeDoc reads: {', '.join(known)}."
            yield INVALID_FRONT_MATTER.diagnostic(
                ctx, span, f"Unknown metadata key `{key}`: HedgeDoc ignores it, so it has no effect on the pad.",
                help=hint)
            continue
        got = _type_name(value)
        allowed = FRONT_MATTER_KEYS[key]
        if got not in allowed:
            if key == "tags" and got == "list":
                items = ", ".join(str(v) for v in value) if isinstance(value, list) else ""
                msg = ("The `tags` value is a YAML list: HedgeDoc reads only comma-separated text, so it ignores "
                       "these tags and the pad is not listed under them in the history.")
                hint = f"Write `tags: {items}`."
            else:
                expected = " or ".join(_TYPE_WORDS.get(a, a) for a in allowed)
                msg = (f"The value of `{key}` is {_TYPE_WORDS.get(got, got)}, but HedgeDoc expects {expected}: it "
                       f"ignores the value, so the setting has no effect.")
                hint = "Write `breaks: false` to turn off line breaks (it is the only value that changes them)." \
                    if key == "breaks" else f"Write `{key}:` followed by {_TYPE_WORDS.get(allowed[0], allowed[0])}."
            yield INVALID_FRONT_MATTER.diagnostic(ctx, span, msg, help=hint)
        elif key == "dir" and value not in ("ltr", "rtl"):
            yield INVALID_FRONT_MATTER.diagnostic(
                ctx, span,
                f"The value of `dir` is `{value}`, but only `ltr` (left to right) and `rtl` (right to left) exist: "
                f"browsers ignore it and the text direction does not change.",
                help="Write `dir: ltr` or `dir: rtl`.")


#: YAML parser wording -> (what is wrong, in plain words; how to fix it).
_YAML_PROBLEMS: list[tuple[re.Pattern[str], str, str]] = [
    (re.compile(r"expected ',' or '\]'"), "a list opened with `[` is not closed with `]`",
     "Close the list with `]`, or put the whole value in quotes if the `[` is part of the text "
     "(`title: \"[Atelier] réparation\"`)."),
    (re.compile(r"expected ',' or '\}'"), "a `{` is not closed with `}`",
     "Close it with `}`, or put the whole value in quotes."),
    (re.compile(r"unexpected end of stream"), "a value that starts with a quote has no closing quote",
     "Add the closing quote, or remove the opening one."),
    (re.compile(r"mapping values are not allowed"),
     "a colon followed by a space (`: `) appears inside a value, or a line is indented more than the line above",
     "Put the whole value in quotes (`title: \"Atelier : réparation\"`), or remove the extra indentation."),
    (re.compile(r"found character '\\t'|tab character"), "a tab is used for indentation, and YAML accepts only spaces",
     "Replace the tab with spaces."),
    (re.compile(r"found character '(?P<ch>.)' that cannot start any token"),
     "a value starts with `{ch}`, a character YAML keeps for itself", "Put the whole value in quotes."),
    (re.compile(r"expected <block end>|did not find expected key|did not find expected '-'"),
     "a line is not indented like the lines around it (or a list item `- …` is mixed with `key: value` lines)",
     "Start every `key: value` line at the same column, and indent only the lines that belong to the key above."),
    (re.compile(r"found undefined alias"), "a value starts with `*`, which YAML reads as a reference to a `&name` "
     "defined elsewhere in the block", "Put the whole value in quotes."),
    (re.compile(r"unknown escape character"), "a backslash (`\\`) in a value between double quotes is not one YAML "
     "knows (`\\n`, `\\t`, `\\\\`…)", "Use single quotes around the value, or write `\\\\` for a backslash."),
    (re.compile(r"expected alphabetic or numeric character"), "a value starts with `&`, `*` or `!` not followed by a name",
     "Put the whole value in quotes."),
    (re.compile(r"could not determine a constructor for the tag"),
     "a value starts with `!`, which YAML reads as a data type it does not know", "Put the whole value in quotes."),
    (re.compile(r"duplicated mapping key `(?P<key>[^`]*)`"), "the key `{key}` is written twice",
     "Keep only one `{key}:` line."),
    (re.compile(r"nested arrays are not supported inside keys"), "a key is written as a list that holds another list",
     "Write the key as plain text."),
    (re.compile(r"could not find expected ':'"),
     "a line has no `key: value` colon, or a value on several lines is not indented",
     "Write one `key: value` per line, and indent the lines that continue a value."),
    (re.compile(r"found duplicate anchor"), "the same `&name` is defined twice", "Rename one of them."),
    (re.compile(r"too large or too deeply nested"),
     "it expands into too many values (references `*name` that repeat other references)",
     "Write the values out instead of using `&name` and `*name`."),
]


def plain_yaml_problem(problem: str | None, context: str | None = None) -> tuple[str, str]:
    """(what is wrong, how to fix it) in plain words for a YAML parser's ``problem``."""
    problem = problem or ""
    for pattern, what, hint in _YAML_PROBLEMS:
        m = pattern.search(problem)
        if m:
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            return what.format(**groups), hint.format(**groups)
    detail = problem.removeprefix("YAML front matter is invalid: ").strip()
    return (f"the YAML reader stops here ({detail})" if detail else "the YAML reader stops here",
            "Write one `key: value` per line, and put in quotes any value that contains `: ` or starts with "
            "`[`, `{`, `*`, `&`, `!`, `@` or a quote.")


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
    lost = "so readers see these lines as text, and the title, tags and settings in them are ignored"
    if first > 0:
        msg = f"The metadata block starts on line {first + 1}, but HedgeDoc reads metadata only on the very first line, {lost}."
        hint = "Remove the lines above the first `---`."
    elif opening != "---":
        msg = f"The first line is `{opening}`, not exactly `---`: HedgeDoc does not read this metadata block, {lost}."
        hint = "Make the first line exactly `---` (three dashes, nothing else)."
    elif closing is None:
        msg = f"The metadata block is never closed: HedgeDoc does not read it, {lost}."
        hint = "End the block with a line `---`."
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
                f"Heading level {h.level} follows level {previous}: level {previous + 1} is skipped, so screen-reader "
                f"users and the table of contents see a gap in the outline of the notes.",
                help=f"Use `{'#' * (previous + 1)}` for this heading, or add the missing level-{previous + 1} heading "
                     f"above it.")
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
    source=_HEDGEDOC + " (deduplicatedHeaderId); GitHub and HedgeDoc 2 heading anchors (github-slugger)",
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
                f"The heading id `{base}` is already used by the heading on line {first_line[base]}: this one becomes "
                f"`{got}` ({dialect}), so `#{base}` links and shared permalinks always open the first one, and the "
                f"renamed id changes whenever a heading is added above.",
                help="Give the headings different titles, e.g. add the name of the session.")
        else:
            first_line[base] = h.span.start_line


@rule(
    code="PAD006", name="unclosed-code-fence", severity="warning",
    summary="A code block opened with ``` (or ~~~) is never closed, so the rest of the pad is shown as code.",
    explanation="""
A fenced code block starts with a line of three or more backticks (or tildes) and ends with a
line of at least as many of the same character. Without that closing line the block runs to
the end of the pad (or of the list item or quote that holds it): every heading, link, image
and paragraph after it is shown as raw code, the table of contents loses those headings, and
nothing warns the writer.

Fix: add the closing line (for example a line ```` ``` ````) right after the last line of code.
""",
    source="CommonMark 0.31 §4.5 (fenced code blocks: an unclosed block runs to the end of its container); "
           "markdown-it 14 rules_block/fence.js",
    example="""
```python
print("x")

## Suite          <- shown as code: PAD006 on line 1
""",
)
def UNCLOSED_CODE_FENCE(ctx: LintContext) -> Iterator[Diagnostic]:
    view = ctx.view
    for block in view.code_blocks:
        if block.closed:
            continue
        opening = view.index.line_text(block.span.start_line - 1)
        fence = re.search(r"`{3,}|~{3,}", opening)
        marker = fence.group(0) if fence else "```"
        yield UNCLOSED_CODE_FENCE.diagnostic(
            ctx, _line_span(view, block.span.start_line),
            f"The code block opened on line {block.span.start_line} with {marker} is never closed: HedgeDoc shows "
            f"everything from line {block.span.start_line} to line {block.span.end_line} as code, so the headings, "
            f"links and text in it are not rendered for readers.",
            help=f"Add a line {marker} right after the last line of code.")


_STRAY_FENCE = re.compile(r"^(:{3,})[ \t]*$")


def stray_container_fences(view: PadView) -> list[Span]:
    """``:::`` lines that close no box (HedgeDoc shows them as text), in order.

    A ``:::`` line that closes a box is consumed by markdown-it-container; any other
    one stays in a paragraph. The closing ``:::`` of an unknown box (``:::spoiler`` …
    ``:::``, reported by PAD002) is not counted here.
    """
    candidates: list[tuple[int, int, int]] = []   # (start offset, end offset, colons)
    for block in view.blocks:
        if block.kind != "paragraph" or ":::" not in block.raw:
            continue
        pos = 0
        for raw in block.raw.split("\n"):
            m = _STRAY_FENCE.match(raw.strip())
            if m:
                start = block.source_offset(pos + len(raw) - len(raw.lstrip()))
                candidates.append((start, start + len(m.group(1)), len(m.group(1))))
            pos += len(raw) + 1
    if not candidates:
        return []
    candidates.sort()
    taken: set[int] = set()
    for opener in sorted(view.unknown_containers, key=lambda c: c.span.start_offset):
        for i, (start, _end, _n) in enumerate(candidates):
            if i not in taken and start > opener.span.start_offset:
                taken.add(i)
                break
    return [view.index.span(s, e) for i, (s, e, _n) in enumerate(candidates) if i not in taken]


@rule(
    code="PAD007", name="stray-container-fence", severity="warning",
    summary="A `:::` line that closes no box: HedgeDoc shows it as text.",
    explanation="""
A line of colons only (`:::`) ends the box opened by the last `:::info` (success, warning,
danger) line that is still open. When no box is open, the line is plain text and readers
see `:::` in the notes. This usually happens when boxes are nested: HedgeDoc ends a box at
the first `:::` line it meets, so in

```
:::info
:::warning
…
:::
:::
```

the first `:::` closes the outer `:::info` box and the last one is left over. To nest boxes,
open and close the outer box with more colons (`::::info` … `::::`).

A `:::` that closes an unknown box (`:::spoiler` … `:::`) is reported with that box (PAD002),
not here.

Fix: remove the line, or use more colons for the outer box as above.
""",
    source=_HEDGEDOC + "; markdown-it-container 4.0.0 (a closing line needs an open box with as many colons)",
    example="""
:::info
Texte
:::
:::        <- PAD007: closes no box
""",
)
def STRAY_CONTAINER_FENCE(ctx: LintContext) -> Iterator[Diagnostic]:
    view = ctx.view
    nested = [c for c in view.containers if c.parent is not None and not c.closed]
    for span in stray_container_fences(view):
        after_nesting = any(c.span.start_offset < span.start_offset for c in nested)
        yield STRAY_CONTAINER_FENCE.diagnostic(
            ctx, span,
            "This `:::` line closes no box: HedgeDoc shows it as text, so readers see a stray `:::` in the notes"
            + (" (the box it was meant to close was already ended by an earlier `:::` line)." if after_nesting else "."),
            help=(_NESTING_HELP if after_nesting else
                  "Remove the line, or move it to the end of the box it should close."))
