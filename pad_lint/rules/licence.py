"""Licence rules LIC001–LIC005.

All five read one verdict: :func:`pad_lint.licences.analyse_licence`, the same
function the event extractor calls for ``EventDocument.licence``
(:func:`pad_lint.licences.detect_licence`), computed once per pad and shared
through ``ctx.cache``. Each rule yields only its own code.

Messages are in plain English and say what was found, why it matters and how
to fix it; every one shows what a valid statement looks like *in the pad's
language* (``Licence : CC BY-SA 4.0`` in a French pad, ``License: CC BY-SA 4.0``
in an English one). Found text is quoted as a clean, bounded excerpt
(:func:`pad_lint.licences.excerpt.excerpt`), and every line number cited is read
from the span of the licence words (:attr:`Signal.line`).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from ..licences import ALL_RIGHTS_RESERVED, LicenceAnalysis, Signal, analyse_licence, satisfies
from ..licences.excerpt import excerpt
from ..licences.spdx import canonical_id, check_expression
from ..spans import Span
from .context import LintContext
from .registry import rule

_CACHE_KEY = "licence.analysis"

_SOURCE = ("REUSE Specification 3.3 (every file carries licensing information as SPDX-License-Identifier "
           "tags); SPDX License List and SPDX license expressions (SPDX specification 2.3, Annex D)")


def licence_analysis(ctx: LintContext) -> LicenceAnalysis:
    """The pad's licence analysis, computed once per pad."""
    if _CACHE_KEY not in ctx.cache:
        ctx.cache[_CACHE_KEY] = analyse_licence(ctx.view)
    return ctx.cache[_CACHE_KEY]


# ------------------------------------------------------------------------------ wording helpers

def display(spdx: str) -> str:
    """How people write a licence: ``CC-BY-SA-4.0`` -> ``CC BY-SA 4.0``, ``CC0-1.0`` -> ``CC0 1.0``."""
    if spdx == ALL_RIGHTS_RESERVED:
        return "all rights reserved"
    if " " in spdx:
        return " ".join(display(p) if p not in ("AND", "OR", "WITH", "(", ")") else p for p in spdx.split(" "))
    ident = spdx.removeprefix("LicenseRef-")
    if ident.startswith("CC-BY"):
        parts = ident.split("-")
        version = next((p for p in parts if p[:1].isdigit()), "")
        last = parts[-1]
        country = last if len(last) == 2 and last.isupper() and last not in ("BY", "NC", "SA", "ND") else ""
        codes = [p for p in parts[1:] if not p[:1].isdigit() and p != country]
        port = " France" if country == "FR" else (f" {country}" if country else "")
        return f"CC {'-'.join(codes)} {version}{port}".strip()
    if ident == "CC0-1.0":
        return "CC0 1.0"
    if ident == "CC-PDM-1.0":
        return "Public Domain Mark 1.0"
    if ident == "etalab-2.0":
        return "Licence Ouverte 2.0"
    return spdx


def example(lang: str, spdx: str = "CC-BY-SA-4.0") -> str:
    """A valid licence line in the pad's language."""
    name = display(spdx) if spdx != ALL_RIGHTS_RESERVED else "CC BY-SA 4.0"
    return f"Licence : {name}" if lang == "fr" else f"License: {name}"


_WHERE = {
    "front-matter": "the front-matter `license` key",
    "spdx-tag": "the SPDX-License-Identifier tag",
    "label": "the licence line",
    "section": "the licence section",
    "statement": "the sentence",
    "link": "the link address",
    "badge": "the licence badge",
}
_SAYS = {"link": "points to", "badge": "shows"}


def _where(s: Signal) -> str:
    """``the licence line on line 4``: the line of the licence words, read from their span."""
    return f"{_WHERE.get(s.origin, s.origin)} on line {s.line}"


def _quote(s: Signal) -> str:
    """The licence words of ``s`` as a clean, bounded quote (the statement when no words were kept)."""
    return excerpt(s.found, s.statement) or "an empty value"


def _span(ctx: LintContext, s: Signal) -> Span:
    """Where to report ``s``: its statement, starting on the line of its licence words
    (a paragraph whose licence words are on its third line is reported on that line)."""
    at = s.words_span
    if at.start_line <= s.span.start_line:
        return s.span
    start = max(s.span.start_offset, ctx.pad.index.line_start(at.start_line - 1))
    return ctx.pad.index.span(start, max(start, s.span.end_offset))


def _ignored_note(a: LicenceAnalysis) -> str:
    """A sentence about front-matter ``license`` values HedgeDoc ignores (not text), or ``""``."""
    if not a.ignored:
        return ""
    s = a.ignored[0]
    return (f" The front matter's `{s.found}` on line {s.line} is not text ({s.note}), so HedgeDoc ignores it "
            "and it is not read as the pad's licence either.")


def _ignored_help(a: LicenceAnalysis) -> str:
    if not a.ignored:
        return ""
    s = a.ignored[0]
    ids = [c for c in (canonical_id(x) for x in s.candidates) if c]
    value = " OR ".join(ids) if len(ids) > 1 else (ids[0] if ids else "CC-BY-SA-4.0")
    return (f" In the front matter, write the licence as text: `{s.found}: {value}` (OR offers a choice, AND "
            "means all apply).")


# ------------------------------------------------------------------------------ LIC001

@rule(
    code="LIC001", name="missing-licence", severity="warning",
    summary="The pad states no licence.",
    explanation="""
Without a licence, the notes are "all rights reserved" by default: nobody may legally
copy, translate or republish them, not even the people who took them. pad-lint looks for
a `Licence :` / `License:` line, a `## Licence` section, a sentence such as "placé sous
licence …" or "licensed under …", a Creative Commons link or badge, a `license:` key in
the front matter (HedgeDoc 2) and an `SPDX-License-Identifier:` comment (REUSE). Text in
code blocks never counts, and neither does a front-matter `license` that is not text (a
YAML list such as `[CC-BY-4.0, MIT]`): HedgeDoc 2 reads that key as a string and ignores
anything else.

Fix: add one line, usually at the end of the pad, for example `Licence : CC BY-SA 4.0`
(French) or `License: CC BY-SA 4.0` (English).
""",
    source=_SOURCE + "; reuse-tool `reuse lint` (files without a license identifier); HedgeDoc 2 "
           "commons/src/note-frontmatter/note-frontmatter.ts (`license` is a string)",
    example="""
# Atelier vélo
Compte rendu collectif. (no licence anywhere: LIC001 on line 1)
""",
)
def MISSING_LICENCE(ctx: LintContext) -> Iterator[Diagnostic]:
    a = licence_analysis(ctx)
    if a.licence.status != "missing":
        return
    yield MISSING_LICENCE.diagnostic(
        ctx, a.ignored[0].span if a.ignored else ctx.pad.index.line_span(0, 1),
        "This pad does not say under which licence its notes may be reused, so by default nobody may "
        "copy or share them." + _ignored_note(a),
        help=f"Add a licence line, for example `{example(a.language)}` (or `{example(a.language, 'CC0-1.0')}` "
             "to give the notes to the public domain)." + _ignored_help(a),
    )


@rule(
    code="LIC002", name="licence-placeholder", severity="warning",
    summary="The licence is a placeholder such as \"Licence à préciser\" or \"License: TBD\".",
    explanation="""
A licence slot that says "à préciser", "à définir", "TBD", "?"… (after `Licence :`, under a
`## Licence` heading, or as the front-matter `license:` value), or a licence that is named
and then left open ("CC BY 4.0 (ou autre licence à préciser)"), gives readers no right to
reuse the notes: it is as if there were no licence, but someone meant to choose one.

Fix: agree on a licence with the people who wrote the notes and replace the placeholder,
for example `Licence : CC BY-SA 4.0`.
""",
    source=_SOURCE + "; a placeholder such as 'TBD' is not a valid SPDX expression",
    example="""
Licence à préciser      <- LIC002
""",
)
def LICENCE_PLACEHOLDER(ctx: LintContext) -> Iterator[Diagnostic]:
    a = licence_analysis(ctx)
    if a.licence.status != "placeholder" or a.primary is None:
        return
    s = a.primary
    named = [c for c in a.licence.candidates if canonical_id(c) or check_expression(c).valid]
    what = _quote(s)
    if s.note == "the licence section is empty":
        msg = (f"The licence section under the heading on line {s.line} is empty, so readers do not know whether "
               "they may reuse the notes.")
    elif s.found == "" and s.note:
        where = _where(s)
        msg = (f"The licence is left blank: {where} has no value, so readers do not know whether they may "
               "reuse the notes.")
    else:
        msg = (f"The licence is still a placeholder ({what}, {_where(s)}), so nobody may reuse the notes until one "
               "is chosen.")
    if named:
        msg += f" The pad names {', '.join(display(c) for c in named)} but leaves the choice open."
    if s.origin == "front-matter":
        help_ = (f"Choose a licence and write its SPDX id in the front matter, for example "
                 f"`license: {named[0] if named else 'CC-BY-SA-4.0'}`.")
    else:
        help_ = (f"Choose a licence with the authors and replace the placeholder, for example "
                 f"`{example(a.language, named[0] if named and canonical_id(named[0]) else 'CC-BY-SA-4.0')}`.")
    yield LICENCE_PLACEHOLDER.diagnostic(ctx, _span(ctx, s), msg, help=help_)


@rule(
    code="LIC003", name="unrecognised-licence", severity="warning",
    summary="Licence wording that maps to no single SPDX licence.",
    explanation="""
Some statements look like a licence but do not say which one: "Licence Creative Commons"
(six different licences), "CC BY-SA" without a version, "domaine public" alone (no legal
tool; CC0 1.0 is the usual choice), "libre de droits" (usually means royalty-free), an
`SPDX-License-Identifier:` with an id that is not on the SPDX list (`LO-2.0`, `FAL-1.3`), or
words pad-lint does not know. Readers, search engines and archives cannot tell what they
may do with the notes.

Fix: name the exact licence and version, for example `Licence : CC BY-SA 4.0`, `Licence :
CC0 1.0` or `Licence : Licence Ouverte 2.0`. In machine tags use the SPDX id
(`CC-BY-SA-4.0`, `etalab-2.0`, `LAL-1.3`).
""",
    source=_SOURCE + "; Creative Commons licence deeds (every licence has a version: "
           "creativecommons.org/licenses/<code>/<version>/); Etalab Licence Ouverte 2.0 (SPDX id etalab-2.0)",
    example="""
Licence : Creative Commons      <- LIC003: which of the six?
""",
)
def UNRECOGNISED_LICENCE(ctx: LintContext) -> Iterator[Diagnostic]:
    a = licence_analysis(ctx)
    if a.licence.status != "unrecognised" or a.primary is None:
        return
    s = a.primary
    where = _where(s)
    reason = f": {s.note}" if s.note else ""
    msg = (f"{where[:1].upper()}{where[1:]} {_SAYS.get(s.origin, 'says')} {_quote(s)}, which does not tell "
           f"readers which licence applies{reason}.")
    suggestion = s.suggest or next((c for c in a.licence.candidates if canonical_id(c)), None)
    if suggestion and canonical_id(suggestion):
        msg += f" Did you mean {display(suggestion)} (SPDX id `{suggestion}`)?"
    target = suggestion if suggestion and canonical_id(suggestion) else "CC-BY-SA-4.0"
    msg += _ignored_note(a)
    if s.origin in ("spdx-tag", "front-matter"):
        help_ = f"Write a valid SPDX id, for example `{target}`."
    else:
        help_ = f"Name the exact licence and its version, for example `{example(a.language, target)}`."
    yield UNRECOGNISED_LICENCE.diagnostic(ctx, _span(ctx, s), msg, help=help_ + _ignored_help(a))


def _allowed(ctx: LintContext) -> list[str]:
    out = []
    for item in ctx.config.licence.allowed:
        check = check_expression(item)
        out.append(check.normalized if check.valid else item)
    return out


@rule(
    code="LIC004", name="licence-not-allowed", severity="error",
    summary="The licence is recognised but not on the configured allowed list.",
    explanation="""
Projects often require event notes under given licences (for example only CC BY 4.0 and
CC BY-SA 4.0, or no NonCommercial licence). Set them with `allowed` in
`[tool.pad-lint.licence]` (SPDX ids). With an empty list, every recognised licence is
allowed except "Tous droits réservés" / "All rights reserved", which is not a licence:
it forbids any reuse (list `LicenseRef-all-rights-reserved` to accept it). An `OR`
expression is allowed when one of its choices is; an `AND` expression when all its parts are.

Fix: agree with the authors on an allowed licence and change the statement, or extend
`allowed` if the project accepts this licence.
""",
    source=_SOURCE + "; Creative Commons licence deeds (NonCommercial and NoDerivatives conditions)",
    options=("licence.allowed",),
    example="""
# [tool.pad-lint.licence] allowed = ["CC-BY-4.0", "CC-BY-SA-4.0"]
Licence : CC BY-NC-SA 4.0      <- LIC004
""",
)
def LICENCE_NOT_ALLOWED(ctx: LintContext) -> Iterator[Diagnostic]:
    a = licence_analysis(ctx)
    if a.licence.status != "declared" or not a.licence.spdx or a.primary is None:
        return
    spdx = a.licence.spdx
    allowed = _allowed(ctx)
    s = a.primary
    if allowed:
        if satisfies(spdx, set(allowed)):
            return
        shown = ", ".join(display(x) for x in allowed)
        msg = (f"This pad is under {display(spdx)} ({_where(s)}), which is not one of the licences this project "
               f"allows ({shown}), so the notes cannot be published with the project's other material.")
        help_ = (f"Agree with the authors on an allowed licence and change the statement, for example "
                 f"`{example(a.language, allowed[0] if canonical_id(allowed[0]) else 'CC-BY-SA-4.0')}`; or add "
                 f"`{spdx}` to `allowed` in [tool.pad-lint.licence].")
    else:
        if ALL_RIGHTS_RESERVED not in spdx.split():
            return
        msg = (f"The pad says {_quote(s)} ({_where(s)}): all rights reserved means nobody may "
               "copy, share or adapt the notes without asking every author.")
        help_ = (f"For shared event notes choose an open licence, for example `{example(a.language)}`; or list "
                 f"`{ALL_RIGHTS_RESERVED}` in `allowed` if this is intended.")
    yield LICENCE_NOT_ALLOWED.diagnostic(ctx, _span(ctx, s), msg, help=help_)


@rule(
    code="LIC005", name="conflicting-licences", severity="error",
    summary="Two licence statements in the pad name different licences.",
    explanation="""
When the text of a licence link says one licence and its address another (a real case:
"Attribution – Partage dans les mêmes conditions 4.0" linking to `…/by-nc/4.0/`), or the
badge, the front matter and the licence line disagree, nobody knows which licence applies,
and the more restrictive reading usually wins. Several licences joined by "ou"/"or" form a
choice (an SPDX `OR` expression) and are not a conflict; neither is a front-matter `license`
that is a YAML list (`[CC-BY-4.0, MIT]`), which HedgeDoc ignores (see PAD003).

Fix: keep one licence and make the text, the link address and any badge agree, for example
`Licence : [CC BY-SA 4.0](https://creativecommons.org/licenses/by-sa/4.0/deed.fr)`.
""",
    source=_SOURCE + "; Creative Commons licence deeds and their URLs "
           "(creativecommons.org/licenses/<code>/<version>/)",
    example="""
Licence : [CC BY-SA 4.0](https://creativecommons.org/licenses/by-nc/4.0/)   <- LIC005
""",
)
def CONFLICTING_LICENCES(ctx: LintContext) -> Iterator[Diagnostic]:
    a = licence_analysis(ctx)
    if a.licence.status != "conflict" or a.primary is None:
        return
    parts = []
    for s in a.conflicting:
        names = [s.spdx] if s.spdx else list(s.candidates) or ([s.suggest] if s.suggest else [])
        label = " and ".join(display(n) for n in names if n) or _quote(s)
        parts.append(f"{label} ({_where(s)})")
    msg = ("The pad names different licences: " + "; ".join(parts)
           + ". Readers cannot know which one applies.")
    first = next((s.spdx for s in a.conflicting if s.spdx), "CC-BY-SA-4.0")
    yield CONFLICTING_LICENCES.diagnostic(
        ctx, _span(ctx, a.primary), msg,
        help=f"Keep one licence and make the text, the link address and any badge agree, for example "
             f"`{example(a.language, first)}`; to offer a choice, join them with “ou”/“or” in one sentence.",
    )
