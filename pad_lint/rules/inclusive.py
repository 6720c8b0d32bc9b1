"""Inclusive-writing rules (INC): consistent, well-formed French abbreviated forms.

One pass (:func:`_findings`, cached in ``ctx.cache``) detects the pad's forms
(:func:`pad_lint.inclusive.pad_forms`), works out the norm from the configuration
(:mod:`pad_lint.inclusive.policy`) and sorts the findings by code; each rule yields only
its own code. Source: ``shared/reference/inclusive-writing.md`` (§1.9 policies, §2
morphology, §4 false-positive traps). Only French prose is read (``lang`` metadata, or
per-paragraph detection).
"""

from __future__ import annotations

from bisect import bisect_right

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from ..diagnostics import Applicability, Diagnostic, Edit, Fix
from ..inclusive import pad_forms
from ..inclusive import separators as seps
from ..inclusive.detector import Found
from ..inclusive.lexicon import fold
from ..inclusive.morphology import doublet, feminine_plural, write_form
from ..inclusive.policy import (Target, _sep_char, choices, doublet_of, fixed_plural, generic_masculines,
                                is_malformed, minimal_edit, normalised, target, target_separator)
from .context import LintContext
from .registry import rule

_CACHE_KEY = "inclusive.findings"
_SOURCE = ("French inclusive-writing guides: HCE 2015/2022, Mots-Clés manual, Ritimo style guide; "
           "shared/reference/inclusive-writing.md")


@dataclass
class _Finding:
    start: int
    end: int
    message: str
    help: str
    fix: Fix | None = None


@dataclass
class _Findings:
    by_code: dict[str, list[_Finding]] = field(default_factory=dict)


def _short(key: str) -> str:
    if key == seps.PARENTHESES:
        return "“( )”"
    if key == seps.CAPITAL:
        return "capitals"
    return "+".join(f"“{seps.char_of(k)}”" for k in seps.split_mixed(key))


def _counts(t: Target) -> str:
    parts = sorted(t.style.separators.items(), key=lambda kv: -kv[1])
    return ", ".join(f"{_short(k)} {n}×" for k, n in parts)


def _plural_word(style: str) -> str:
    return "one-dot plural (“·es”)" if style == "one" else "two-dot plural (“·e·s”)"


def _separator_reason(t: Target) -> str:
    """Why the target separator is the norm (the end of an INC001 message), computed once per pad."""
    if t.policy == "median-dot":
        return "the project's policy (median-dot) asks for the median dot “·”"
    if t.policy == "period-allowed":
        return "the project's policy (period-allowed) accepts only the median dot “·” and the period “.”"
    vote = t.separator_vote
    if not vote.tied:
        return f"this pad mostly writes its inclusive forms with {seps.describe(t.separator)} ({_counts(t)})"
    others = " and with ".join(seps.describe(k) for k in vote.tied if k != t.separator)
    each = f"{vote.top}× each"
    if t.separator == seps.MEDIAN_CODE and any(seps.kind(k) == "lookalike" for k in t.style.separators):
        each += ", look-alikes of “·” counted as “·”"
    if t.separator == seps.MEDIAN_CODE:
        rule = "on a tie pad-lint keeps the median dot, which the writing guides recommend"
    else:
        rule = "on a tie the separator used first is the norm"
    return f"this pad writes as many inclusive forms with {seps.describe(t.separator)} as with {others} ({each}); {rule}"


def _plural_reason(ctx: LintContext, t: Target) -> str:
    """Why the target plural style is the norm (the end of an INC002 message)."""
    setting = ctx.config.inclusive.plural
    if setting != "consistent":
        return f"the project's setting (plural = {setting}) asks for the {_plural_word(t.plural or 'one')}"
    vote = t.plural_vote
    if vote.tied:
        other = "two" if t.plural == "one" else "one"
        return (f"this pad uses the {_plural_word(t.plural or 'one')} as often as the {_plural_word(other)} "
                f"({vote.top}× each); on a tie the style used first is the norm")
    return (f"this pad mostly uses the {_plural_word(t.plural or 'one')}: one-dot {vote.counts.get('one', 0)}×, "
            f"two-dot {vote.counts.get('two', 0)}×")


def _line(ctx: LintContext, offset: int) -> int:
    return ctx.pad.index.line_col(offset)[0]


def _replace_fix(f_start: int, old: str, new: str, message: str, unsafe: bool = False) -> Fix | None:
    if new == old:
        return None
    a, b, content = minimal_edit(old, new)
    return Fix(message=message, applicability=Applicability.UNSAFE if unsafe else Applicability.SAFE,
               edits=[Edit(start_offset=f_start + a, end_offset=f_start + b, content=content)])


def _findings(ctx: LintContext) -> _Findings:
    cached = ctx.cache.get(_CACHE_KEY)
    if cached is not None:
        return cached
    out = _Findings(by_code={c: [] for c in ("INC001", "INC002", "INC003", "INC004", "INC005")})
    ctx.cache[_CACHE_KEY] = out
    pf = pad_forms(ctx.view)
    opts = ctx.config.inclusive
    forms = pf.forms
    if not forms:
        return out
    t = target(forms, opts.policy, opts.plural)
    abbreviated_ok = opts.policy != "no-abbreviated-forms"
    reasons = (_separator_reason(t), _plural_reason(ctx, t)) if abbreviated_ok else ("", "")
    for f in forms:
        if abbreviated_ok:
            _form_findings(f, t, reasons, out)
        else:
            d = doublet_of(f, opts.doublet_order)
            out.by_code["INC005"].append(_Finding(
                f.start, f.end,
                f"“{f.text}” is an abbreviated inclusive form, which this project does not use "
                f"(policy no-abbreviated-forms): screen readers spell such forms out or drop their ending.",
                f"Write the two words in full, “{d}”, or an epicene word (“les personnes…”, “l’équipe”, "
                f"“le public”); check that nearby adjectives and participles agree.",
                _replace_fix(f.start, f.text, d, f"Rewrite as “{d}”", unsafe=True)))
    for g in generic_masculines(pf.pieces, forms, pf.gate.is_french):
        form = g.form
        an = form.analysis
        assert an is not None
        if abbreviated_ok:
            style = t.plural or (form.plural_style if form.plural_style in ("one", "two") else "one")
            # lower case, then the case of the word replaced (a form may start a sentence)
            low = replace(an, stem=fold(an.stem), masculine=fold(an.masculine), masc_plural=fold(an.masc_plural))
            new = write_form(low, form.ending.lower(), True, style, _sep_char(t.separator), form.marker)
            if new is not None and g.word.isupper() and len(g.word) > 1:
                new = new.upper()
            elif new is not None and g.word[:1].isupper():
                new = new[:1].upper() + new[1:]
        else:
            new = doublet(fold(feminine_plural(an.feminine)), fold(an.masc_plural), True, opts.doublet_order)
            if g.word[:1].isupper():
                new = new[:1].upper() + new[1:]
        if new is None:
            continue   # no plural spelling is certain: the form itself gets INC003
        out.by_code["INC004"].append(_Finding(
            g.start, g.end,
            f"“{g.word}” is the generic masculine, but this pad writes the same word inclusively elsewhere "
            f"(“{form.text}”, line {_line(ctx, form.start)}): readers may think only men are meant here.",
            f"Write “{new}” here too, or keep “{g.word}” if only men are meant.",
            _replace_fix(g.start, g.word, new, f"Rewrite as “{new}”", unsafe=True)))
    _unsafe_in_headings(ctx, out)
    return out


def _unsafe_in_headings(ctx: LintContext, out: _Findings) -> None:
    """A rewrite inside a heading changes the heading's ``#id`` (HedgeDoc makes it from the
    text: ``Les intervenant.e.s`` is ``#Les-intervenantes``), which links in this pad or
    elsewhere may use: such fixes are unsafe, as ruff marks fixes that can change behaviour."""
    headings = sorted((h.span.start_offset, h.span.end_offset) for h in ctx.view.headings)
    if not headings:
        return
    starts = [a for a, _ in headings]
    for findings in out.by_code.values():
        for finding in findings:
            fix = finding.fix
            if fix is None or fix.applicability != Applicability.SAFE:
                continue
            k = bisect_right(starts, finding.start) - 1
            if k >= 0 and finding.start < headings[k][1]:
                finding.fix = fix.model_copy(update={
                    "applicability": Applicability.UNSAFE,
                    "message": fix.message + " (in a heading: its #id changes, so check the links to it)"})


def _form_findings(f: Found, t: Target, reasons: tuple[str, str], out: _Findings) -> None:
    fixed = normalised(f, t)
    sep = target_separator(f, t)
    if fixed is None:   # no single rewrite is certain: suggest the choices, fix nothing but the separator
        options = choices(f, sep)
        advice = "Write " + " or ".join(f"“{c}”" for c in options) + "." if options else "Rewrite the form by hand."
    else:
        advice = f"Write “{fixed}”."
    fix_msg = f"Rewrite as “{fixed}”"
    if f.separator not in t.accepted:
        why = reasons[0]
        kind = f.separator_kind
        if kind == "lookalike":
            what = (f"“{f.text}” uses {seps.describe(f.separator)}. It looks the same but is another "
                    f"character: screen readers, search and spell checkers treat it differently; {why}.")
        elif kind == "mixed":
            what = f"“{f.text}” mixes two separators in one word ({seps.describe(f.separator)}); {why}."
        else:
            what = (f"“{f.text}” is written with {seps.describe(f.separator)}, but {why}. Mixing separators "
                    f"makes the pad harder to read, and screen readers read each one differently.")
        if fixed is not None:
            fix = _replace_fix(f.start, f.text, fixed, fix_msg)
        elif f.sep_chars and len(sep) == 1:
            only_sep = "".join(sep if ch in f.sep_chars else ch for ch in f.text)
            fix = _replace_fix(f.start, f.text, only_sep, f"Rewrite the separator: “{only_sep}”")
        else:
            fix = None
        out.by_code["INC001"].append(_Finding(f.start, f.end, what, advice, fix))
    if (t.plural and f.plural_style in ("one", "two") and f.plural_style != t.plural
            and f.separator != seps.CAPITAL and not f.marker and not fixed_plural(f)):
        out.by_code["INC002"].append(_Finding(
            f.start, f.end,
            f"“{f.text}” uses the {_plural_word(f.plural_style)}, but {reasons[1]}.",
            advice, _replace_fix(f.start, f.text, fixed, fix_msg) if fixed is not None else None))
    problem = is_malformed(f)
    if problem:
        out.by_code["INC003"].append(_Finding(
            f.start, f.end,
            f"“{f.text}” is not a well-formed inclusive form: {problem}. It abbreviates “{f.masculine}” "
            f"and “{f.feminine}”.",
            advice, _replace_fix(f.start, f.text, fixed, fix_msg) if fixed is not None else None))


def _emit(rule_, ctx: LintContext) -> Iterator[Diagnostic]:
    for x in _findings(ctx).by_code[rule_.code]:
        yield rule_.diagnostic(ctx, ctx.span(x.start, x.end), x.message, help=x.help, fix=x.fix)


@rule(code="INC001", name="mixed-separators", severity="warning",
      summary="An abbreviated inclusive form uses another separator than the pad's norm.",
      explanation="""
Abbreviated inclusive forms (*participant·es*) can be written with the median dot “·”, a
period, a hyphen, a slash, parentheses or capitals, and with characters that only look like
the median dot (“•” U+2022, “‧” U+2027, “⋅” U+22C5…). A pad that mixes them is harder to read,
and screen readers read each character differently (a look-alike gets none of the settings a
user made for “·”).

Under `policy = "consistent"` (default) the norm is the separator most forms of the pad use;
on a tie, the median dot when it is one of the tied separators (the guides recommend it),
otherwise the one used first, and the message says "as many … as …". Under `median-dot` only
“·”; under `period-allowed` “·” or “.”. Look-alikes are always rewritten to “·”.

Fix: the safe fix rewrites only the separators (and the plural style, see INC002) of the
form, e.g. `participant.e.s` → `participant·es`.
""",
      source=_SOURCE + " §1.2, §1.9", fixable=True,
      example="Les intervenant·es et les participant.e.s  →  participant·es",
      options=("inclusive.policy",))
def check_mixed_separators(ctx: LintContext) -> Iterator[Diagnostic]:
    yield from _emit(MIXED_SEPARATORS, ctx)


MIXED_SEPARATORS = check_mixed_separators


@rule(code="INC002", name="mixed-plural-style", severity="warning",
      summary="A plural inclusive form uses the other plural style (·es versus ·e·s).",
      explanation="""
Plural abbreviated forms come in two styles: one-dot (*participant·es*, recommended by Ritimo
and most used in pads) and two-dot (*participant·e·s*, Mots-Clés, Grammalecte). Guides
disagree, so pick one per pad. Under `plural = "consistent"` (default) the norm is the style
most plural forms of the pad use (on a tie, the style used first); `one-dot` and `two-dot` fix
it. Singular forms and pronoun pairs (*référent·e*, *il·elle*) have no plural style, and words
whose masculine plural is not the singular plus “s” have only one plural spelling
(*nouveaux·elles*, *municipaux·ales*): they are neither counted nor reported here (INC003
reports their other spellings).

Fix: the safe fix rewrites the form in the norm's style (`tou·te·s` ↔ `tous·tes` for the
closed class).
""",
      source=_SOURCE + " §1.4", fixable=True,
      example="Les agent·es et les participant·e·s  →  participant·es",
      options=("inclusive.plural",))
def check_mixed_plural_style(ctx: LintContext) -> Iterator[Diagnostic]:
    yield from _emit(MIXED_PLURAL_STYLE, ctx)


MIXED_PLURAL_STYLE = check_mixed_plural_style


@rule(code="INC003", name="malformed-inclusive-form", severity="warning",
      summary="An abbreviated inclusive form is built wrongly (utilisateurs·rices, tout·es, nouveau·elle·s).",
      explanation="""
The masculine half of an abbreviated form is the masculine singular; the plural mark comes at
the end. *utilisateurs·rices* and *acteurs·rices* also pluralise the masculine half (read
literally: *utilisateurs* + *rices*), and *tout·es* builds the plural on *tout* although the
masculine plural is *tous*. Likewise *nouveau·elle·s* and *nouveau·elles* spell *nouveaus*,
and *nouveaux·elle·s* marks the masculine plural twice: words whose masculine plural is not
the singular plus “s” (*nouveau*, *beau*, *jumeau*, *municipal*) have one plural spelling,
*nouveaux·elles*, *municipaux·ales*, whatever the pad's plural style. Readers and screen
readers stumble on such forms.

Fix: the safe fix writes the corrected form (*utilisateur·rices*, *tous·tes*,
*nouveaux·elles*) with the pad's separator and plural style. When the form does not tell
which was meant (*nouveaux·elle*: a plural masculine and a singular feminine), the help names
both spellings and no fix is offered.
""",
      source=_SOURCE + " §1.4, §2.2, §2.4", fixable=True,
      example="les utilisateurs·rices  →  les utilisateur·rices",
      options=("inclusive.policy", "inclusive.plural"))
def check_malformed(ctx: LintContext) -> Iterator[Diagnostic]:
    yield from _emit(MALFORMED, ctx)


MALFORMED = check_malformed


@rule(code="INC004", name="generic-masculine-mix", severity="info",
      summary="A noun the pad writes inclusively is in the generic masculine elsewhere.",
      explanation="""
When a pad writes *participant·es* in one place and *les participants* in another, readers may
think the second group is only men. The rule reports masculine plural nouns (after a
determiner: *les*, *des*, *aux*, *nos*…) whose word the same pad also writes as an abbreviated
form. Feminine words (*actions engagées*), epicene words (*bénévoles*, *membres*), adjectives
agreeing with a noun, and words inside quotation marks (titles, quotations) are not reported.

The masculine may be meant (only men): keep it then, or disable the rule on that line.
The unsafe fix rewrites the word in the pad's inclusive style (*les expert·es*); check the
agreement of the words around it.
""",
      source=_SOURCE + " §1.9 (generic_masculine)", fixable=True,
      example="les participant·es … Merci aux participants  →  aux participant·es")
def check_generic_masculine(ctx: LintContext) -> Iterator[Diagnostic]:
    yield from _emit(GENERIC_MASCULINE, ctx)


GENERIC_MASCULINE = check_generic_masculine


@rule(code="INC005", name="abbreviated-form-not-allowed", severity="warning",
      summary="The project writes doublets, not abbreviated inclusive forms.",
      explanation="""
Under `policy = "no-abbreviated-forms"` every abbreviated form (*participant·es*, *il/elle*)
is reported: some readers, screen-reader users and official bodies (2017 and 2021 French
circulars) reject them. Write the doublet (*participantes et participants*, *elle ou il*) or an
epicene word (*les personnes participantes*, *l'équipe*).

The unsafe fix writes the doublet in the order set by `doublet-order` (`feminine-first`,
`masculine-first` or `alphabetical`); the agreement of nearby adjectives must be checked by
hand.
""",
      source=_SOURCE + " §1.6, §1.8, §1.9", fixable=True,
      example="les participant·es  →  les participantes et participants",
      options=("inclusive.policy", "inclusive.doublet-order"), default_enabled=True)
def check_not_allowed(ctx: LintContext) -> Iterator[Diagnostic]:
    yield from _emit(NOT_ALLOWED, ctx)


NOT_ALLOWED = check_not_allowed
