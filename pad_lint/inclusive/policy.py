"""Policies: what a pad's inclusive forms should look like, and what breaks the norm.

Source: ``shared/reference/inclusive-writing.md`` §1.9 (policies), §1.4 (plural styles),
§2.5 step 6 (normalisation). The configuration (``[tool.pad-lint.inclusive]``):

* ``policy``: ``consistent`` (default: the pad's dominant separator is the norm),
  ``median-dot`` (only U+00B7), ``period-allowed`` (U+00B7 or the period),
  ``no-abbreviated-forms`` (doublets only);
* ``plural``: ``consistent`` (dominant style), ``one-dot`` (``·es``) or ``two-dot`` (``·e·s``).

Ties (:func:`vote`): when two separators are used equally often, the median dot wins if it is
one of them (the guides' recommendation, reference §1.3), otherwise the one used first; when
both plural styles are used equally often, the one used first wins (the guides are split;
Vale's ``consistency`` rule, reference §1.9). Messages then say "as many … as …".

Irregular plurals (``nouveaux·elles``, ``municipaux·ales``; :attr:`.morphology.Analysis.irregular_plural`)
have a single plural spelling: they take no part in the plural-style vote, are never rewritten
to the other style (INC002), and their other spellings are malformed (INC003).

Look-alikes of the median dot are never the norm: they count as U+00B7 when the dominant
separator is computed, and are always rewritten to U+00B7. A token mixing two separators
(``adhérent·e.s``) is never the norm either.

:func:`normalised` renders a form under the target; :func:`minimal_edit` turns the
rewrite into the smallest edit, so a fix changes only the characters that differ.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from . import separators as seps
from .detector import Found
from .lexicon import fold
from .models import InclusiveStyle
from .morphology import closed_rendering, doublet, feminine_plural, render, render_closed, write_form


@dataclass(frozen=True)
class Vote:
    """Result of a majority count: ``winner`` (``None`` without votes), ``counts`` per value in
    order of first appearance, and ``tied``: the values sharing the highest count when more than
    one does (in order of first appearance), else ``()``."""

    winner: str | None
    counts: dict[str, int]
    tied: tuple[str, ...] = ()

    @property
    def top(self) -> int:
        return max(self.counts.values(), default=0)


def vote(values: list[str], prefer: str | None = None) -> Vote:
    """Majority of ``values``. A tie goes to ``prefer`` when it is among the tied values,
    otherwise to the value seen first."""
    counts: dict[str, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    if not counts:
        return Vote(None, counts)
    best = max(counts.values())
    tied = tuple(v for v, n in counts.items() if n == best)
    winner = prefer if prefer in tied else tied[0]
    return Vote(winner, counts, tied if len(tied) > 1 else ())


def dominant(values: list[str], prefer: str | None = None) -> str | None:
    """Most frequent value; ties go to ``prefer`` if tied, else to the value seen first.
    ``None`` for an empty list."""
    return vote(values, prefer).winner


def fixed_plural(f: Found) -> bool:
    """Whether ``f`` is a plural-capable word whose plural has one spelling only (``nouveaux·elles``)."""
    return f.analysis is not None and f.analysis.irregular_plural


def norm_key(f: Found) -> str | None:
    """The separator a form votes for in the dominant-style count (``None``: no vote)."""
    kind = f.separator_kind
    if kind == "mixed":
        return None
    if kind == "lookalike":
        return seps.MEDIAN_CODE
    return f.separator


def separator_vote(forms: list[Found]) -> Vote:
    """Separator votes of ``forms`` (look-alikes count as U+00B7; mixed tokens do not vote)."""
    return vote([k for k in (norm_key(f) for f in forms) if k is not None], prefer=seps.MEDIAN_CODE)


def plural_vote(forms: list[Found]) -> Vote:
    """Plural-style votes (``one``/``two``) of ``forms``; irregular plurals do not vote."""
    return vote([f.plural_style for f in forms if f.plural_style in ("one", "two") and not fixed_plural(f)])


def style_of(forms: list[Found]) -> InclusiveStyle:
    """Summary of the pad's style: counts and dominant separator and plural style."""
    return _style(forms, separator_vote(forms), plural_vote(forms))


def _style(forms: list[Found], sv: Vote, pv: Vote) -> InclusiveStyle:
    sep = sv.winner or (seps.MEDIAN_CODE if forms else None)
    return InclusiveStyle(forms=len(forms), separator=sep, plural_style=pv.winner,  # type: ignore[arg-type]
                          separators=dict(Counter(f.separator for f in forms)),
                          plural_styles=dict(Counter(f.plural_style for f in forms)))


@dataclass(frozen=True)
class Target:
    """What forms should look like. ``accepted`` separator keys pass INC001; ``separator`` is
    the one fixes write; ``plural`` is ``one``/``two`` or ``None`` (no plural form yet).
    ``separator_vote``/``plural_vote`` are the counts the norm was chosen from (for messages)."""

    policy: str
    accepted: frozenset[str]
    separator: str
    plural: str | None
    style: InclusiveStyle
    separator_vote: Vote
    plural_vote: Vote


def target(forms: list[Found], policy: str, plural: str) -> Target:
    """The norm for ``forms`` under ``policy`` and ``plural`` (configuration values)."""
    sv, pv = separator_vote(forms), plural_vote(forms)
    style = _style(forms, sv, pv)
    if policy == "median-dot":
        accepted, sep = frozenset({seps.MEDIAN_CODE}), seps.MEDIAN_CODE
    elif policy == "period-allowed":
        accepted = frozenset({seps.MEDIAN_CODE, "U+002E"})
        sv = vote([k for k in (norm_key(f) for f in forms) if k in accepted], prefer=seps.MEDIAN_CODE)
        sep = sv.winner or seps.MEDIAN_CODE
    else:  # consistent; no-abbreviated-forms keeps the pad's own separator in rewrites
        sep = style.separator or seps.MEDIAN_CODE
        accepted = frozenset({sep})
    if plural == "one-dot":
        pl: str | None = "one"
    elif plural == "two-dot":
        pl = "two"
    else:
        pl = style.plural_style
    return Target(policy=policy, accepted=accepted, separator=sep, plural=pl, style=style,
                  separator_vote=sv, plural_vote=pv)


def _sep_char(key: str) -> str:
    if key == seps.PARENTHESES:
        return "()"
    if key == seps.CAPITAL:
        return ""
    return seps.char_of(key)


def corrected(f: Found) -> str | None:
    """The form made well formed, keeping its separator(s) and plural style as written
    (``None`` when no single correction is certain, see :func:`.morphology.write_form`)."""
    if f.closed is not None:
        entry = closed_rendering(f.closed, f.plural_style)
        sep = f.sep_chars[0] if f.sep_chars else seps.MEDIAN_DOT
        return render_closed(entry, f.text, sep)
    sep = f.sep_chars[0] if f.sep_chars else ("()" if f.separator == seps.PARENTHESES else "")
    return write_form(f.analysis, f.ending, f.plural, f.plural_style, sep, f.marker)  # type: ignore[arg-type]


def is_malformed(f: Found) -> str | None:
    """Plain-words problem of a malformed form, or ``None``."""
    if f.closed is not None:
        return f.closed.problem
    an = f.analysis
    if an is None:
        return None
    if an.double_plural:
        return (f"its masculine half “{f.stem}” is already plural, and the plural “s” belongs only at the "
                f"end of the form")
    if an.irregular_plural and not f.marker:
        mp = an.masc_plural
        if f.plural and fold(f.stem) != fold(mp):
            return f"the masculine plural is “{fold(mp)}”, not “{fold(f.stem)}s”"
        if f.plural and f.plural_style == "two":
            return (f"“{f.stem}” is already plural, so only the feminine ending takes the plural “s”: the "
                    f"two-dot plural does not apply to words whose masculine plural does not end in “s”")
        if f.plural and an.plural_endings and fold(f.ending) not in an.plural_endings:
            return f"after the masculine plural “{fold(mp)}” the feminine ending is “{an.plural_endings[0]}”"
        if not f.plural and fold(f.stem) != fold(an.masculine):
            return (f"its masculine half “{f.stem}” is plural but its feminine ending “{f.ending}” is singular; "
                    f"pad-lint cannot tell which was meant")
    return None


def choices(f: Found, sep: str) -> list[str]:
    """Well-formed spellings to suggest when :func:`corrected` has no single answer
    (``nouveaux·elle``: the plural ``nouveaux·elles`` or the singular ``nouveau·elle``)."""
    an = f.analysis
    if an is None or not an.irregular_plural:
        return []
    out = [write_form(an, f.ending, True, "one", sep)]
    out.append(render(an.masculine, f.ending, False, "n/a", sep))
    return [c for c in out if c]


def normalised(f: Found, t: Target, *, separator: bool = True, plural: bool = True) -> str | None:
    """``f`` rewritten to the target separator and plural style, and made well formed.

    Capital forms cannot take a two-dot plural and keep their style; the non-binary
    ``x`` marker is kept; irregular plurals keep their single plural spelling
    (``nouveaux·elles``). ``None`` when no single rewrite is certain (``nouveaux·elle``).
    """
    sep = target_separator(f, t, separator)
    style = f.plural_style
    if plural and t.plural and style in ("one", "two") and sep != "":
        style = t.plural
    if f.closed is not None:
        entry = closed_rendering(f.closed, style)
        return render_closed(entry, f.text, sep if sep not in ("", "()") else seps.MEDIAN_DOT)
    ending = f.ending
    if f.separator == seps.CAPITAL and sep != "" and not f.stem.isupper():
        ending = ending.lower()   # militantEs -> militant·es: "participant·ES" would read as two words
    return write_form(f.analysis, ending, f.plural, style, sep, f.marker)  # type: ignore[arg-type]


def target_separator(f: Found, t: Target, separator: bool = True) -> str:
    """The separator character(s) ``f`` is rewritten with (``"()"`` parentheses, ``""`` capitals)."""
    sep_key = t.separator if separator and f.separator not in t.accepted else None
    if sep_key is None:
        return f.sep_chars[0] if f.sep_chars and f.separator_kind != "mixed" else (
            _sep_char(f.separator) if f.separator in (seps.PARENTHESES, seps.CAPITAL) else _sep_char(t.separator))
    return _sep_char(sep_key)


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
#: Up to this many distinct lemmas, pieces are pre-filtered with substring tests (cost: pieces x
#: lemmas); beyond it every piece is tokenised once (linear whatever the number of lemmas).
_FEW_LEMMAS = 16
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
    starts = [f.start for f in forms]   # forms are in pad order and do not overlap
    out: list[GenericMasculine] = []
    few = len(by_plural) <= _FEW_LEMMAS
    for text, base, block in pieces:
        low = fold(text)
        if few and not any(p in low for p in by_plural):
            continue   # ordinary pads: a substring test skips most pieces without tokenising them
        if len(low) != len(text):   # NFC or lower case changed the length: fold word by word
            low = ""
        tokens = list(_TOKEN.finditer(text))
        quoted: list[tuple[int, int]] | None = None
        for k, tok in enumerate(tokens):
            a, b = tok.span()
            form = by_plural.get(low[a:b] if low else fold(tok.group(0)))
            if form is None:
                continue
            if quoted is None:   # first candidate in this piece: the piece-level facts, once
                if not is_french(block):
                    break
                quoted = [m.span() for m in _QUOTES.finditer(text)]
            s, e = base + a, base + b
            i = bisect_right(starts, e - 1) - 1   # the last form starting before the word's end
            if i >= 0 and forms[i].end > s:
                continue
            after = text[b : b + 2]
            if after[:1] and after[:1] in seps.SEPARATOR_CHARS + "(" and after[1:2].isalpha():
                continue
            q = bisect_right(quoted, (a, len(text) + 1)) - 1
            if q >= 0 and quoted[q][0] <= a < quoted[q][1]:
                continue
            if not _after_determiner(text, tokens, k):
                continue
            if form.lemma in _PRENOMINAL and k + 1 < len(tokens) and text[b : tokens[k + 1].start()].strip() == "":
                continue   # des nouveaux disques: an adjective before its noun
            out.append(GenericMasculine(tok.group(0), s, e, block, form))
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
