"""Policies: what a pad's inclusive forms should look like, and what breaks the norm.

Source: ``shared/reference/inclusive-writing.md`` §1.9 (policies), §1.4 (plural styles),
§2.5 step 6 (normalisation). The configuration (``[tool.pad-lint.inclusive]``):

* ``policy``: ``consistent`` (default: the pad's dominant separator is the norm, the first
  form seen breaking ties, as Vale's ``consistency``), ``median-dot`` (only U+00B7),
  ``period-allowed`` (U+00B7 or the period), ``no-abbreviated-forms`` (doublets only);
* ``plural``: ``consistent`` (dominant style), ``one-dot`` (``·es``) or ``two-dot`` (``·e·s``).

Look-alikes of the median dot are never the norm: they count as U+00B7 when the dominant
separator is computed, and are always rewritten to U+00B7. A token mixing two separators
(``adhérent·e.s``) is never the norm either.

:func:`normalised` renders a form under the target; :func:`minimal_edit` turns the
rewrite into the smallest edit, so a fix changes only the characters that differ.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from . import separators as seps
from .detector import Found
from .lexicon import fold
from .models import InclusiveStyle
from .morphology import closed_rendering, doublet, feminine_plural, render, render_closed


def dominant(values: list[str]) -> str | None:
    """Most frequent value; ties go to the value seen first. ``None`` for an empty list."""
    if not values:
        return None
    counts = Counter(values)
    best = max(counts.values())
    return next(v for v in values if counts[v] == best)


def norm_key(f: Found) -> str | None:
    """The separator a form votes for in the dominant-style count (``None``: no vote)."""
    kind = f.separator_kind
    if kind == "mixed":
        return None
    if kind == "lookalike":
        return seps.MEDIAN_CODE
    return f.separator


def style_of(forms: list[Found]) -> InclusiveStyle:
    """Summary of the pad's style: counts and dominant separator and plural style."""
    votes = [k for k in (norm_key(f) for f in forms) if k is not None]
    plural = [f.plural_style for f in forms if f.plural_style in ("one", "two")]
    sep = dominant(votes) or (seps.MEDIAN_CODE if forms else None)
    return InclusiveStyle(forms=len(forms), separator=sep, plural_style=dominant(plural),  # type: ignore[arg-type]
                          separators=dict(Counter(f.separator for f in forms)),
                          plural_styles=dict(Counter(f.plural_style for f in forms)))


@dataclass(frozen=True)
class Target:
    """What forms should look like. ``accepted`` separator keys pass INC001; ``separator`` is
    the one fixes write; ``plural`` is ``one``/``two`` or ``None`` (no plural form yet)."""

    policy: str
    accepted: frozenset[str]
    separator: str
    plural: str | None
    style: InclusiveStyle


def target(forms: list[Found], policy: str, plural: str) -> Target:
    """The norm for ``forms`` under ``policy`` and ``plural`` (configuration values)."""
    style = style_of(forms)
    if policy == "median-dot":
        accepted, sep = frozenset({seps.MEDIAN_CODE}), seps.MEDIAN_CODE
    elif policy == "period-allowed":
        accepted = frozenset({seps.MEDIAN_CODE, "U+002E"})
        votes = [k for k in (norm_key(f) for f in forms) if k in accepted]
        sep = dominant(votes) or seps.MEDIAN_CODE
    else:  # consistent; no-abbreviated-forms keeps the pad's own separator in rewrites
        sep = style.separator or seps.MEDIAN_CODE
        accepted = frozenset({sep})
    if plural == "one-dot":
        pl: str | None = "one"
    elif plural == "two-dot":
        pl = "two"
    else:
        pl = style.plural_style
    return Target(policy=policy, accepted=accepted, separator=sep, plural=pl, style=style)


def _sep_char(key: str) -> str:
    if key == seps.PARENTHESES:
        return "()"
    if key == seps.CAPITAL:
        return ""
    return seps.char_of(key)


def corrected(f: Found) -> str:
    """The form made well formed, keeping its separator(s) and plural style as written."""
    if f.closed is not None:
        entry = closed_rendering(f.closed, f.plural_style)
        sep = f.sep_chars[0] if f.sep_chars else seps.MEDIAN_DOT
        return render_closed(entry, f.text, sep)
    sep = f.sep_chars[0] if f.sep_chars else ("()" if f.separator == seps.PARENTHESES else "")
    return render(f.analysis.stem, f.ending, f.plural, f.plural_style, sep, f.marker)  # type: ignore[union-attr]


def is_malformed(f: Found) -> str | None:
    """Plain-words problem of a malformed form, or ``None``."""
    if f.closed is not None:
        return f.closed.problem
    if f.analysis is not None and f.analysis.double_plural:
        return (f"its masculine half “{f.stem}” is already plural, and the plural “s” belongs only at the "
                f"end of the form")
    return None


def normalised(f: Found, t: Target, *, separator: bool = True, plural: bool = True) -> str:
    """``f`` rewritten to the target separator and plural style, and made well formed.

    Capital forms cannot take a two-dot plural and keep their style; the non-binary
    ``x`` marker is kept.
    """
    sep_key = t.separator if separator and f.separator not in t.accepted else None
    if sep_key is None:
        sep = f.sep_chars[0] if f.sep_chars and f.separator_kind != "mixed" else (
            _sep_char(f.separator) if f.separator in (seps.PARENTHESES, seps.CAPITAL) else _sep_char(t.separator))
    else:
        sep = _sep_char(sep_key)
    style = f.plural_style
    if plural and t.plural and style in ("one", "two") and sep != "":
        style = t.plural
    if f.closed is not None:
        entry = closed_rendering(f.closed, style)
        return render_closed(entry, f.text, sep if sep not in ("", "()") else seps.MEDIAN_DOT)
    return render(f.analysis.stem, f.ending, f.plural, style, sep, f.marker)  # type: ignore[union-attr]


def doublet_of(f: Found, order: str) -> str:
    """The full-word pair for ``f`` (``participantes et participants``), in the case of the form."""
    if f.closed is not None:
        masc, fem = f.closed.masculine, f.closed.feminine
        plural = masc.endswith(("s", "x"))
    else:
        an = f.analysis
        assert an is not None
        plural = f.plural
        masc = an.masc_plural if plural else an.masculine
        fem = feminine_plural(an.feminine) if plural else an.feminine
    if f.text.isupper() and len(f.text) > 2:
        masc, fem = masc.upper(), fem.upper()
    else:
        masc, fem = fold(masc), fold(fem)
    text = doublet(fem, masc, plural, order)
    if f.text[:1].isupper() and not text[:1].isupper():
        text = text[:1].upper() + text[1:]
    return text


def minimal_edit(old: str, new: str) -> tuple[int, int, str]:
    """Smallest ``(start, end, replacement)`` within ``old`` that turns it into ``new``."""
    a = 0
    while a < len(old) and a < len(new) and old[a] == new[a]:
        a += 1
    b = 0
    while b < len(old) - a and b < len(new) - a and old[-1 - b] == new[-1 - b]:
        b += 1
    return a, len(old) - b, new[a : len(new) - b]


# -- generic masculine (INC004) ----------------------------------------------------------------

_DETERMINERS = frozenset("les des aux ces nos vos leurs mes tes ses plusieurs certains quelques "
                         "nombreux différents divers tous".split())
#: Adjectives that may stand between the determiner and the noun (les nouveaux adhérents).
_PRE_ADJECTIVES = frozenset("nouveaux anciens futurs autres différents jeunes chers premiers derniers "
                            "grands petits vrais bons seuls deux trois quatre cinq".split())
#: Adjectives French places before the noun: "des nouveaux disques" is an adjective, not a noun.
_PRENOMINAL = frozenset("nouveau ancien futur jeune cher premier dernier grand petit vrai bon seul certain beau "
                        "gros autre divers différent nombreux vieux meilleur mauvais faux haut long prochain "
                        "principal actuel éventuel".split())
_TOKEN = re.compile(r"[^\W\d_]+")
_QUOTES = re.compile(r"«[^»\n]*»|“[^”\n]*”|\"[^\"\n]*\"")


@dataclass(frozen=True)
class GenericMasculine:
    """A masculine plural noun whose lemma the pad also writes as an abbreviated form."""

    word: str
    start: int
    end: int
    block: int
    form: Found


def generic_masculines(pieces: list[tuple[str, int, int]], forms: list[Found], is_french) -> list[GenericMasculine]:  # noqa: ANN001
    """Masculine plural nouns (after a determiner) of lemmas the pad writes inclusively.

    A word counts only when it is the regular masculine plural of a lemma of an abbreviated
    noun or adjective form found elsewhere (not a pronoun or determiner), differs from the
    feminine plural (so epicene words such as *bénévoles* never count), follows a
    determiner (*les*, *des*, *aux*, *nos*… possibly with one adjective such as *nouveaux*
    between), and is not inside quotation marks (titles, quotations). Adjectives agreeing
    with a noun (*actions engagées*, *projets engagés*) follow a noun, not a determiner,
    so they are not findings; nor are adjectives French puts before the noun
    (*des nouveaux disques*).
    """
    by_plural: dict[str, Found] = {}
    for f in forms:
        an = f.analysis
        if an is None:
            continue
        mp = fold(an.masc_plural)
        if mp == fold(feminine_plural(an.feminine)):
            continue
        by_plural.setdefault(mp, f)
    if not by_plural:
        return []
    spans = [(f.start, f.end) for f in forms]
    out: list[GenericMasculine] = []
    for text, base, block in pieces:
        low = text.lower()
        if not any(p in low for p in by_plural):
            continue
        if not is_french(block):
            continue
        quoted = [m.span() for m in _QUOTES.finditer(text)]
        tokens = list(_TOKEN.finditer(text))
        for k, tok in enumerate(tokens):
            word = tok.group(0)
            form = by_plural.get(fold(word))
            if form is None:
                continue
            s, e = base + tok.start(), base + tok.end()
            if any(a < e and s < b for a, b in spans):
                continue
            after = text[tok.end() : tok.end() + 2]
            if after[:1] and after[:1] in seps.SEPARATOR_CHARS + "(" and after[1:2].isalpha():
                continue
            if any(a <= tok.start() < b for a, b in quoted):
                continue
            if not _after_determiner(text, tokens, k):
                continue
            if form.lemma in _PRENOMINAL and k + 1 < len(tokens) \
                    and text[tok.end() : tokens[k + 1].start()].strip() == "":
                continue   # des nouveaux disques: an adjective before its noun
            out.append(GenericMasculine(word, s, e, block, form))
    return out


def _after_determiner(text: str, tokens: list[re.Match[str]], k: int) -> bool:
    """Whether token ``k`` follows a determiner (``les``, ``d'``…), maybe with one adjective between."""

    def gap(a: re.Match[str], b: re.Match[str]) -> str:
        return text[a.end() : b.start()].strip()

    def det(i: int) -> bool:
        w = fold(tokens[i].group(0))
        if w in _DETERMINERS:
            return gap(tokens[i], tokens[i + 1]) == ""
        return w == "d" and gap(tokens[i], tokens[i + 1]) in ("'", "’")

    if k >= 1 and det(k - 1):
        return True
    return (k >= 2 and fold(tokens[k - 1].group(0)) in _PRE_ADJECTIVES and gap(tokens[k - 1], tokens[k]) == ""
            and det(k - 2))
