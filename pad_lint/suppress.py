"""Inline directives in HTML comments (invisible in the rendered pad).

Syntax (one directive per comment; rules are codes, names, family prefixes or
family names, separated by spaces or commas; no rule means every rule; an
optional reason follows ``--``)::

    <!-- pad-lint disable-next-line IMG001 -- the logo is decorative -->
    <!-- pad-lint disable INC -- quoted from the original call -->
    …
    <!-- pad-lint enable INC -->
    <!-- pad-lint disable-file LIC001 -- licence is stated on the website -->
    text <!-- pad-lint disable-line LNK006 -->

Semantics:

* ``disable-next-line``: findings that start on the next non-blank line after the
  comment (so a blank line between the comment and its target is allowed,
  answering textlint-filter-rule-comments#9);
* ``disable-line``: findings that start on a line the comment is on;
* ``disable`` … ``enable``: findings that start after the ``disable`` comment and
  before the matching ``enable`` (or the end of the pad); ``enable`` without rules
  re-enables everything;
* ``disable-file``: the whole pad, wherever the comment is.

Problems with directives are reported like other findings (both can be
selected, ignored and silenced like any rule; ruff's RUF100 is the model):

* ``NOQA001 unknown-directive``: an unknown action (``disabel``) or rule name;
* ``NOQA002 unused-directive``: a directive that silenced nothing (its rules
  found nothing there); the safe fix removes the comment, or only the unused
  rules from it. Rules that did not run (not selected, or online link checks
  without ``links.online``) never make a directive unused.

Sources: markdownlint README "Configuration" (``markdownlint-disable-next-line``,
``disable-file``); ruff ``docs/linter.md`` (``# noqa``, RUF100 unused-noqa, reasons).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .diagnostics import Applicability, Diagnostic, Edit, Fix
from .rules.context import LintContext
from .rules.registry import REGISTRY, Rule, all_rules, declare, resolve_selector

ACTIONS = ("disable-next-line", "disable-line", "disable-file", "disable", "enable")

#: A comment that is meant as a pad-lint directive: ``pad-lint`` then a word.
DIRECTIVE = re.compile(r"^\s*pad-lint(?:\s+(?P<action>[A-Za-z][\w-]*))?(?P<rest>.*?)\s*$", re.S)

_CODE_UNKNOWN = "NOQA001"
_CODE_UNUSED = "NOQA002"


_UNKNOWN_EXPLANATION = """
A comment that starts with `pad-lint` is read as a directive. When its action is not one of
`disable`, `enable`, `disable-next-line`, `disable-line` or `disable-file`, or when it names a rule
that does not exist, the directive has no effect and the findings it was meant to silence stay.
Typos are the usual cause (`disabel`, `IMG01`, `missing-alt-text`).

How to fix: correct the action or the rule (`pad-lint rules` lists codes and names), or remove the
comment."""
_UNKNOWN_SOURCE = ("ruff `docs/linter.md` (invalid `# noqa` codes are reported); markdownlint issue #1328 "
                   "(unknown rule names accepted silently)")
_UNKNOWN_EXAMPLE = ("<!-- pad-lint disabel-next-line IMG001 -->   (unknown action)\n"
                    "<!-- pad-lint disable-next-line IMG999 -->   (unknown rule)")
_UNUSED_EXPLANATION = """
A directive that silences nothing is noise, and worse, it hides the next real problem of that kind
at that place: the finding it was written for was fixed, moved, or the rule was renamed. Only rules
that ran count: a directive for a rule that is not selected, or for an online link check
(LNK1xx) on a run without `links.online`, is never reported.

How to fix: delete the comment, or the rules it no longer needs. `pad-lint check --fix` does it
(the fix is safe: the comment is invisible in the rendered pad)."""
_UNUSED_SOURCE = "ruff RUF100 unused-noqa (`docs/linter.md`); markdownlint `disable-next-line`"
_UNUSED_EXAMPLE = ("<!-- pad-lint disable-next-line IMG001 -->\n"
                   "![Poster of the event: 21 June, Lyon](poster.png)   (has alt text: nothing to silence)")

def _declare_rules() -> tuple[Rule, Rule]:
    if _CODE_UNKNOWN in REGISTRY:  # module re-imported (e.g. reload in tests)
        return REGISTRY[_CODE_UNKNOWN], REGISTRY[_CODE_UNUSED]
    unknown = declare(
        code=_CODE_UNKNOWN, name="unknown-directive", severity="warning",
        summary="A pad-lint comment uses an unknown action or rule name, so it does nothing.",
        explanation=_UNKNOWN_EXPLANATION, source=_UNKNOWN_SOURCE, example=_UNKNOWN_EXAMPLE)
    unused = declare(
        code=_CODE_UNUSED, name="unused-directive", severity="warning", fixable=True,
        summary="A pad-lint directive silences nothing: the rules it names found nothing there.",
        explanation=_UNUSED_EXPLANATION, source=_UNUSED_SOURCE, example=_UNUSED_EXAMPLE)
    return unknown, unused


RULE_UNKNOWN, RULE_UNUSED = _declare_rules()
DIRECTIVE_CODES = frozenset({_CODE_UNKNOWN, _CODE_UNUSED})


@dataclass
class Directive:
    """One parsed directive.

    ``codes`` is None for "every rule". ``selectors`` are the words as written;
    ``unknown`` those that name no rule. ``line``/``end_line`` are the comment's
    lines; ``target_line`` the line a ``disable-next-line`` applies to.
    """

    action: str
    selectors: list[str]
    reason: str | None
    line: int
    end_line: int
    start_offset: int
    end_offset: int
    codes: set[str] | None
    unknown: list[str] = field(default_factory=list)
    target_line: int | None = None
    used_codes: set[str] = field(default_factory=set)
    comment_text: str = ""


def parse_directives(ctx: LintContext) -> tuple[list[Directive], list[Diagnostic]]:
    """Read every directive of the pad; returns ``(directives, NOQA001 findings)``."""
    directives: list[Directive] = []
    problems: list[Diagnostic] = []
    index = ctx.pad.index
    for comment in ctx.view.comments:
        m = DIRECTIVE.match(comment.text)
        if not m or not re.match(r"^\s*pad-lint(\s|$)", comment.text):
            continue
        action = (m.group("action") or "").lower()
        rest = m.group("rest") or ""
        span = comment.span
        if action not in ACTIONS:
            what = f"Unknown directive `{action}`" if action else "A `pad-lint` comment without an action"
            problems.append(RULE_UNKNOWN.diagnostic(
                ctx, span, f"{what}: it has no effect, so the findings it was meant to silence are still reported",
                help="Write one of disable, enable, disable-next-line, disable-line or disable-file, e.g. `<!-- pad-lint disable-next-line IMG001 -- logo -->`."))
            continue
        reason = None
        if "--" in rest:
            rest, reason = rest.split("--", 1)
            reason = reason.strip() or None
        selectors = [s for s in re.split(r"[\s,]+", rest.strip()) if s]
        codes: set[str] | None = None
        unknown: list[str] = []
        if selectors:
            codes = set()
            for s in selectors:
                try:
                    codes.update(r.code for r in resolve_selector(s))
                except KeyError:
                    unknown.append(s)
        for s in unknown:
            word = re.search(rf"(?<![\w-]){re.escape(s)}(?![\w-])", comment.text)
            where = span if word is None else index.span(span.start_offset + 4 + word.start(),
                                                         span.start_offset + 4 + word.end())
            problems.append(RULE_UNKNOWN.diagnostic(
                ctx, where, f"Unknown rule `{s}` in a pad-lint directive: it silences nothing, so that finding is still reported",
                help="Use a rule code, name or prefix that exists: `pad-lint rules` lists them."))
        target = None
        if action == "disable-next-line":
            line0 = span.end_line  # 0-based index of the line after the comment
            while line0 < index.line_count and not index.line_text(line0).strip():
                line0 += 1
            target = line0 + 1
        directives.append(Directive(action, selectors, reason, span.start_line, span.end_line,
                                    span.start_offset, span.end_offset, codes, unknown, target,
                                    comment_text=comment.text))
    return directives, problems


def _silencer(d: Diagnostic, directives: list[Directive]) -> Directive | None:
    """The directive that silences ``d``, if any."""
    code = d.code
    line = d.span.start_line
    state: Directive | None = None
    found: Directive | None = None
    for dv in directives:
        hit = dv.codes is None or code in dv.codes
        if not hit:
            continue
        if dv.action == "disable-file":
            found = found or dv
        elif dv.action == "disable-next-line" and line == dv.target_line:
            found = found or dv
        elif dv.action == "disable-line" and dv.line <= line <= dv.end_line:
            found = found or dv
        elif dv.end_offset <= d.span.start_offset:
            if dv.action == "disable":
                state = dv
            elif dv.action == "enable":
                state = None
    return found or state


def _ran(code: str, enabled: set[str], ctx: LintContext) -> bool:
    if code not in enabled or code in DIRECTIVE_CODES:
        return False
    rule = REGISTRY.get(code)
    if rule is not None and rule.prefix == "LNK" and code[3:4] == "1" and not ctx.config.links.online:
        return False  # online link checks did not run
    return True


def apply_directives(ctx: LintContext, diagnostics: list[Diagnostic], enabled: set[str]) -> list[Diagnostic]:
    """Drop diagnostics silenced by directives and add NOQA001/NOQA002 findings (when enabled).

    ``enabled`` is the set of rule codes that ran on this pad.
    """
    directives, problems = parse_directives(ctx)
    if not directives and not problems:
        return diagnostics
    kept: list[Diagnostic] = []
    for d in diagnostics:
        dv = _silencer(d, directives)
        if dv is None:
            kept.append(d)
        else:
            dv.used_codes.add(d.code)
    if _CODE_UNUSED in enabled:
        problems += _unused(ctx, directives, enabled)
    # Directive findings can themselves be silenced (e.g. `disable-file NOQA002`), by the
    # directives naming their code (indexed once: one list per problem was quadratic).
    naming: dict[str, list[Directive]] = {}
    for dv in directives:
        for code in dv.codes or ():
            naming.setdefault(code, []).append(dv)
    for p in problems:
        if p.code not in enabled:
            continue
        if _silencer(p, naming.get(p.code, [])) is None:
            kept.append(p)
    return kept


def _unused(ctx: LintContext, directives: list[Directive], enabled: set[str]) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    all_codes = {r.code for r in all_rules()}
    # An `enable` is used when it ends a disable that is active at that point.
    active: dict[str, Directive] = {}
    for dv in directives:
        codes = dv.codes if dv.codes is not None else all_codes
        if dv.action == "disable":
            for c in codes:
                active[c] = dv
        elif dv.action == "enable":
            ended = [c for c in codes if c in active]
            if ended:
                dv.used_codes.update(ended)
            for c in ended:
                del active[c]
    for dv in directives:
        if dv.codes is not None and DIRECTIVE_CODES & dv.codes:
            continue  # silencing the directive checks themselves: never "unused"
        if dv.action == "enable":
            if dv.used_codes:
                continue
            out.append(_unused_diag(ctx, dv, None, "this `enable` ends no earlier `disable`"))
            continue
        if dv.codes is None:
            if not dv.used_codes:
                out.append(_unused_diag(ctx, dv, None, "this directive silences no finding"))
            continue
        # Per selector: unused when none of the rules it names (that ran) found anything here.
        unused_sel = []
        for sel in dv.selectors:
            if sel in dv.unknown:
                continue
            sel_codes = {r.code for r in resolve_selector(sel)}
            ran = {c for c in sel_codes if _ran(c, enabled, ctx)}
            if ran and not (sel_codes & dv.used_codes):
                unused_sel.append(sel)
        known = [s for s in dv.selectors if s not in dv.unknown]
        if not unused_sel:
            continue
        if len(unused_sel) == len(known) and not dv.unknown:
            out.append(_unused_diag(ctx, dv, None, f"This directive silences no finding of "
                                                   f"{', '.join(unused_sel)}: a stale directive would hide a future real problem"))
        else:
            out.append(_unused_diag(ctx, dv, unused_sel, f"{', '.join(unused_sel)} found nothing to silence here: a stale rule in a directive would hide a future real problem"))
    return out


def _unused_diag(ctx: LintContext, dv: Directive, selectors: list[str] | None, message: str) -> Diagnostic:
    text = ctx.pad.text
    span = ctx.pad.index.span(dv.start_offset, dv.end_offset)
    if selectors is None:
        start, end = dv.start_offset, dv.end_offset
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end == -1 else line_end
        if not text[line_start:start].strip() and not text[end:line_end].strip():
            # The comment is alone on its line(s): remove the line(s) too.
            start, end = line_start, (line_end + 1 if line_end < len(text) else line_end)
            if end == len(text) and start > 0 and line_end == len(text):
                start -= 1  # last line: remove the newline before it instead
        else:
            while start > line_start and text[start - 1] in " \t":
                start -= 1
        fix = Fix(message="remove the directive", applicability=Applicability.SAFE,
                  edits=[Edit(start_offset=start, end_offset=end, content="")])
        help_ = "Delete this comment (`pad-lint check --fix` does it)."
    else:
        keep = [s for s in dv.selectors if s not in selectors]
        reason = f" -- {dv.reason}" if dv.reason else ""
        new = f"<!-- pad-lint {dv.action} {' '.join(keep)}{reason} -->"
        fix = Fix(message=f"remove {', '.join(selectors)} from the directive", applicability=Applicability.SAFE,
                  edits=[Edit(start_offset=dv.start_offset, end_offset=dv.end_offset, content=new)])
        help_ = f"Remove {', '.join(selectors)} from this comment (`pad-lint check --fix` does it)."
    return RULE_UNUSED.diagnostic(ctx, span, message, help=help_, fix=fix)
