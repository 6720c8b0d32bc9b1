"""Inline directives in HTML comments (invisible in the rendered pad).

``<!-- pad-lint disable RULE… -->``, ``enable``, ``disable-next-line``,
``disable-file``, each with an optional ``-- reason``. Rules are codes, names
or family prefixes; no rule means every rule. Conventions from markdownlint
(``<!-- markdownlint-disable-next-line MD045 -->``) and ruff (``# noqa``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .diagnostics import Diagnostic
from .rules.context import LintContext
from .rules.registry import resolve_selector

DIRECTIVE = re.compile(r"^\s*pad-lint\s+(disable-next-line|disable-line|disable-file|disable|enable)\b(.*?)\s*$", re.S)


@dataclass
class Directive:
    action: str
    selectors: list[str]
    reason: str | None
    line: int          # 1-based line of the comment
    end_line: int
    codes: set[str] | None  # None: every rule


def parse_directives(ctx: LintContext) -> list[Directive]:
    out = []
    for comment in ctx.view.comments:
        m = DIRECTIVE.match(comment.text)
        if not m:
            continue
        rest = m.group(2)
        reason = None
        if "--" in rest:
            rest, reason = rest.split("--", 1)
            reason = reason.strip() or None
        selectors = [s for s in re.split(r"[\s,]+", rest.strip()) if s]
        codes: set[str] | None = None
        if selectors:
            codes = set()
            for s in selectors:
                try:
                    codes.update(r.code for r in resolve_selector(s))
                except KeyError:
                    pass
        out.append(Directive(m.group(1), selectors, reason, comment.span.start_line, comment.span.end_line, codes))
    return out


def apply_directives(ctx: LintContext, diagnostics: list[Diagnostic], enabled: set[str]) -> list[Diagnostic]:
    """Drop diagnostics silenced by directives."""
    directives = parse_directives(ctx)
    if not directives:
        return diagnostics
    kept = []
    for d in diagnostics:
        line = d.span.start_line
        silenced = False
        state_disabled: set[str] | None = set()
        for dv in sorted(directives, key=lambda x: x.line):
            hit = dv.codes is None or d.code in dv.codes
            if dv.action == "disable-file" and hit:
                silenced = True
            elif dv.action == "disable-next-line" and hit and line == dv.end_line + 1:
                silenced = True
            elif dv.action == "disable-line" and hit and dv.line <= line <= dv.end_line:
                silenced = True
            elif dv.line < line:
                if dv.action == "disable" and hit:
                    state_disabled = None if dv.codes is None else (state_disabled or set()) | {d.code}
                elif dv.action == "enable" and hit:
                    state_disabled = set()
        if state_disabled is None or d.code in (state_disabled or set()):
            silenced = True
        if not silenced:
            kept.append(d)
    return kept
