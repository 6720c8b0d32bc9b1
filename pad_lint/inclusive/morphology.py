"""Morphology of abbreviated inclusive forms, as data plus a few small functions.

Source: ``shared/reference/inclusive-writing.md`` §2 (morphology table, irregular
pairs, closed class, parsing and normalisation algorithm). The tables are shipped
as ``data/alternations.tsv``, ``data/irregular.tsv`` and ``data/closed_class.tsv``.

:func:`analyse` turns a written masculine half and feminine ending
(``utilisateurs`` + ``rice``) into an :class:`Analysis`: masculine and feminine
singular, lemma (the masculine singular, lower case: what joins ``participant·es``
and ``participants``), and whether the masculine half was wrongly pluralised.
:func:`closed_class` looks a whole token up in the pronoun/determiner list.
:func:`render` writes a form back in a given separator and plural style,
:func:`write_form` writes the well-formed spelling of an analysed form (irregular plurals
such as ``nouveaux·elles`` have a single plural spelling), and :func:`doublet` writes the
full-word pair.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from . import separators as seps
from .lexicon import Lexicon, fold, irregular_pairs, lexicon


@dataclass(frozen=True)
class Alternation:
    masc_suffix: str
    fem_suffix: str
    endings: tuple[str, ...]
    canonical: str


@dataclass(frozen=True)
class ClosedEntry:
    form: str                 # with "·" as separator, lower case
    lemma: str
    masculine: str            # the masculine as used (plural for plural forms)
    feminine: str
    plural_style: str         # one | two | n/a
    problem: str | None       # None when well formed


def _rows(name: str) -> list[list[str]]:
    text = resources.files(__package__).joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def alternations() -> tuple[Alternation, ...]:
    """Rows of ``data/alternations.tsv``, longest masculine suffix first."""
    rows = [Alternation(r[0], r[1], tuple(r[2].split("|")), r[3]) for r in _rows("alternations.tsv")]
    return tuple(sorted(rows, key=lambda a: -len(a.masc_suffix)))


@lru_cache(maxsize=1)
def closed_entries() -> dict[str, ClosedEntry]:
    """``data/closed_class.tsv`` keyed by form (lower case, ``·`` separator)."""
    out: dict[str, ClosedEntry] = {}
    for r in _rows("closed_class.tsv"):
        status = r[5]
        problem = status.split(":", 1)[1].strip() if status.startswith("malformed") else None
        out[r[0]] = ClosedEntry(r[0], r[1], r[2], r[3], r[4], problem)
    return out


@lru_cache(maxsize=1)
def singular_endings() -> frozenset[str]:
    """Every feminine ending that may follow a separator (singular, lower case)."""
    out = {e for a in alternations() for e in a.endings}
    out |= {e for _, _, endings in irregular_pairs() for e in endings}
    return frozenset(out)


@lru_cache(maxsize=65536)
def split_ending(written: str) -> tuple[str, bool] | None:
    """``("rice", True)`` for ``"rices"``: the singular ending and whether it is plural.

    ``None`` when ``written`` is no feminine ending (``"s"`` alone marks number, not gender).
    """
    w = fold(written)
    sing = singular_endings()
    if w in sing:
        return w, False
    if len(w) > 1 and w[-1] in "sx" and w[:-1] in sing:
        return w[:-1], True
    return None


@dataclass(frozen=True)
class Analysis:
    """What a form means.

    ``masculine``/``feminine`` are singular, in the case of the written form;
    ``lemma`` is the masculine singular in lower case; ``stem`` is the masculine half
    to write in a corrected form (``utilisateur`` for ``utilisateurs·rices``,
    ``nouveaux`` kept for ``nouveaux·elles``); ``double_plural`` flags a masculine half
    wrongly pluralised (``présents·es``); ``masc_plural`` is the masculine plural.

    ``irregular_plural``: the masculine plural is not the singular plus ``s``
    (*nouveaux*, *municipaux*), so the one-dot and two-dot styles do not apply: the only
    well-formed plural is the masculine plural, the separator and the feminine plural ending
    (``nouveaux·elles``, ``municipaux·ales``, reference §2.2). ``plural_endings`` are the
    feminine endings that may follow that masculine plural, the canonical one first
    (``("elle", "lle")``); empty when no ending can be derived.
    """

    masculine: str
    feminine: str
    lemma: str
    stem: str
    double_plural: bool
    masc_plural: str
    irregular_plural: bool = False
    plural_endings: tuple[str, ...] = ()


def _match_case(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


#: Singular endings whose regular masculine plural takes an ``x`` (-eau -> -eaux, -al -> -aux).
_X_PLURALS = (("eau", "eaux"), ("au", "aux"), ("eu", "eux"), ("al", "aux"))


@lru_cache(maxsize=8192)
def _plural_of(low: str) -> tuple[str, int, bool]:
    """``(masculine plural, length of the singular suffix it replaces, irregular)`` for a
    lower-case masculine singular.

    The rule (-eau -> -eaux, -au/-eu -> -aux/-eux, -al -> -aux, -s/-x/-z unchanged, else +s)
    is checked against the lexicon where French hesitates: *bleu* -> *bleus*, *banal* ->
    *banals*, *landau* -> *landaus* take the ``s``. ``irregular`` is true when the ``s`` plural
    is not French (*nouveaus*, *municipals*): then only the ``x`` plural is right. When both
    plurals are words (*finals*/*finaux*, *idéals*/*idéaux*) the ``x`` plural is returned
    but ``irregular`` is false.
    """
    if low.endswith(("s", "x", "z")):
        return low, 0, False
    for sg, pl in _X_PLURALS:
        if low.endswith(sg) and (sg != "al" or len(low) > 3):
            irregular = low[: len(low) - len(sg)] + pl
            break
    else:
        return low + "s", 0, False
    lex = lexicon()
    regular = low + "s"
    regular_ok = lex.known(regular) and lex.lemma(regular) == low
    irregular_ok = lex.known(irregular) and lex.lemma(irregular) == low
    if regular_ok and not irregular_ok:
        return regular, 0, False
    if irregular_ok and not regular_ok:
        return irregular, len(sg), True
    if irregular_ok and regular_ok:
        return irregular, len(sg), False
    return irregular, len(sg), sg == "eau"   # unknown word: the rule; only -eau never takes an s


def masculine_plural(masc_sg: str) -> str:
    """Masculine plural: -eau -> -eaux, -al -> -aux, -s/-x/-z unchanged, else +s (lexicon-checked,
    see :func:`_plural_of`), in the case of ``masc_sg``."""
    plural, replaced, _ = _plural_of(fold(masc_sg))
    if masc_sg.isupper() and len(masc_sg) > 1:
        return plural.upper()
    keep = len(masc_sg) - replaced
    return masc_sg[:keep] + plural[keep:]


def feminine_plural(fem_sg: str) -> str:
    if fem_sg.lower().endswith(("s", "x")):
        return fem_sg
    return fem_sg + ("S" if fem_sg.isupper() else "s")


def _candidates(stem: str) -> list[tuple[str, bool, str]]:
    """Masculine singulars to try for a written masculine half: (masc, double_plural, stem to keep)."""
    low = stem.lower()
    out = [(stem, False, stem)]
    if low.endswith("eaux"):
        out.append((stem[:-1], False, stem))            # nouveaux·elles: plural stem is the norm
    elif low.endswith("aux") and len(low) > 4:
        out.append((stem[:-3] + ("AL" if stem.isupper() else "al"), False, stem))  # municipaux·ales
    if low.endswith("s") and len(low) > 3:
        out.append((stem[:-1], True, stem[:-1]))         # présents·es -> présent·es
    return out


def analyse(stem: str, ending: str, lex: Lexicon | None = None, trusted: bool = False) -> Analysis | None:
    """Analyse masculine half ``stem`` and singular feminine ending ``ending``.

    Follows §2.5 step 4 of the reference, but builds the feminine from the alternation
    table (not by trying every truncation), then confirms it with the lexicon.
    Returns ``None`` when no reading gives a known feminine of a known masculine
    (``info`` + ``e``, ``Gal`` + ``le``, ``kW`` + ``h``).

    ``trusted``: the separator is the median dot or a look-alike, characters French uses
    for nothing else (Ritimo, reference §1.3). Then a feminine missing from the lexicon
    (simplemma lacks *référente*) is accepted when the masculine is a known word and an
    alternation applies; the alternation table still rules out ``Gal·les`` and ``kW·h``.

    With the shared lexicon (``lex`` left ``None``) results are cached per
    ``(stem, ending, trusted)``: a pad that repeats a form analyses it once.
    """
    if lex is None:
        return _analyse_cached(stem, ending, trusted)
    return _analyse(stem, ending, lex, trusted)


@lru_cache(maxsize=65536)
def _analyse_cached(stem: str, ending: str, trusted: bool) -> Analysis | None:
    return _analyse(stem, ending, lexicon(), trusted)


def _analyse(stem: str, ending: str, lex: Lexicon, trusted: bool) -> Analysis | None:
    end = fold(ending)
    for masc, double, keep in _candidates(stem):
        m = fold(masc)
        if len(m) < 2 or not m.isalpha():
            continue
        fem = None
        for masc_irr, fem_irr, endings in irregular_pairs():
            if m == masc_irr and end in endings:
                fem = fem_irr
                break
        if fem is None:
            fallback = None
            for alt in alternations():
                if m.endswith(alt.masc_suffix) and end in alt.endings:
                    candidate = m[: len(m) - len(alt.masc_suffix)] + alt.fem_suffix
                    if lex.is_feminine_of(candidate, m):
                        fem = candidate
                        break
                    if fallback is None and trusted and not lex.known(candidate) and lex.known(m) \
                            and lex.lemma(m) == m:
                        fallback = candidate
            fem = fem or fallback
        if fem is None:
            continue
        if double and lex.known(masc) is False:
            continue
        _, replaced, irregular = _plural_of(m)
        return Analysis(masculine=masc, feminine=_match_case(masc, fem), lemma=m, stem=keep,
                        double_plural=double, masc_plural=masculine_plural(masc), irregular_plural=irregular,
                        plural_endings=_plural_endings(m, fem, replaced) if irregular else ())
    return None


def _plural_endings(masc: str, fem: str, replaced: int) -> tuple[str, ...]:
    """Feminine endings written after the masculine plural of an irregular plural, canonical first.

    The ending starts where the masculine plural departs from the singular: *nouv-eau* /
    *nouv-elle* gives ``elle`` (``nouveaux·elles``; the table's shorter ``lle`` is accepted
    too), *municip-al* / *municip-ale* gives ``ale``, never the "minimal difference"
    ``municipaux·les`` (reference §2.5 step 6).
    """
    base = masc[: len(masc) - replaced]
    fem = fold(fem)
    if not fem.startswith(base) or len(fem) == len(base):
        return ()
    canonical = fem[len(base):]
    out = [canonical]
    for alt in alternations():
        if alt.masc_suffix == masc[len(base):] and base + alt.fem_suffix == fem:
            out.extend(e for e in alt.endings if e not in out)
    return tuple(out)


def write_form(an: Analysis, ending: str, plural: bool, plural_style: str, sep: str, marker: str = "") -> str | None:
    """The well-formed spelling of a form analysed as ``an``, in ``plural_style`` and with ``sep``
    (see :func:`render`); ``ending`` is the feminine ending as written.

    Irregular plurals (:attr:`Analysis.irregular_plural`) have one plural spelling whatever
    the style: ``nouveaux·elles``, ``municipaux·ales`` (``nouveau·elle·s`` would spell
    *nouveaus*, ``nouveaux·elle·s`` marks the masculine plural twice). Their singular is built
    on the masculine singular (``nouveau·elle``). Returns ``None`` when the written form does not
    say which is meant (``nouveaux·elle``: a plural masculine with a singular feminine), so no
    automatic rewrite is safe. Forms with the non-binary marker ``x`` are kept as written.
    """
    if an.irregular_plural and not marker:
        if plural:
            if not an.plural_endings:
                return None
            end = ending if fold(ending) in an.plural_endings else an.plural_endings[0]
            end = end.upper() if ending.isupper() and ending else end
            return render(an.masc_plural, end, True, "one", sep)
        if fold(an.stem) != fold(an.masculine):
            return None
    return render(an.stem, ending, plural, plural_style, sep, marker)


# -- closed class -------------------------------------------------------------------------

_ANY_SEP = re.compile("[" + re.escape(seps.SEPARATOR_CHARS) + "]")


@lru_cache(maxsize=65536)
def closed_class(text: str) -> ClosedEntry | None:
    """The closed-class entry for a token written with any separator (``Ils·elles``, ``il/elle``); cached."""
    key = _ANY_SEP.sub("·", fold(text))
    return closed_entries().get(key)


def closed_rendering(entry: ClosedEntry, plural_style: str) -> ClosedEntry:
    """The well-formed entry of the same pair in ``plural_style`` (or the entry itself)."""
    want = plural_style if entry.plural_style != "n/a" else "n/a"
    for e in closed_entries().values():
        if (e.masculine, e.feminine) == (entry.masculine, entry.feminine) and e.problem is None \
                and e.plural_style == want:
            return e
    return entry


# -- rendering ----------------------------------------------------------------------------

def render(stem: str, ending: str, plural: bool, plural_style: str, sep: str, marker: str = "") -> str:
    """Write a form: ``render("participant", "e", True, "one", "·")`` -> ``participant·es``.

    ``sep`` is a separator character, ``"()"`` for parentheses or ``""`` for the capital
    style; ``marker`` is a non-binary ``x`` kept as written. Upper case follows ``ending``.
    """
    s = "S" if ending.isupper() and ending else "s"
    if sep == "()":
        if not plural:
            return f"{stem}({ending}{marker})"
        return f"{stem}({ending}{marker}){s}" if plural_style == "two" else f"{stem}({ending}{marker}{s})"
    if sep == "":
        return stem + ending.upper() + (s.upper() if plural else "")
    mark = f"{sep}{marker}" if marker else ""
    if not plural:
        return f"{stem}{sep}{ending}{mark}"
    if plural_style == "two":
        return f"{stem}{sep}{ending}{mark}{sep}{s}"
    return f"{stem}{sep}{ending}{mark}{s}" if not marker else f"{stem}{sep}{ending}{mark}{s}"


def render_closed(entry: ClosedEntry, model: str, sep: str) -> str:
    """Write a closed-class entry with separator ``sep``, in the case of ``model``."""
    text = entry.form.replace("·", sep if sep not in ("", "()") else seps.MEDIAN_DOT)
    return _match_case(model, text)


def doublet(feminine: str, masculine: str, plural: bool, order: str = "feminine-first") -> str:
    """The full-word pair replacing a form (``participantes et participants``).

    ``order``: ``feminine-first`` (LanguageTool), ``masculine-first`` (the 2017 circular's
    example) or ``alphabetical`` (Mots-Clés, Ritimo); see reference §1.6. Singular pairs
    are joined with ``ou``, plural pairs with ``et``.
    """
    pair = [feminine, masculine]
    if order == "masculine-first":
        pair.reverse()
    elif order == "alphabetical":
        pair.sort(key=fold)
    return f"{pair[0]} {'et' if plural else 'ou'} {pair[1]}"
