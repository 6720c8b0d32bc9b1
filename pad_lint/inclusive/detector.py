"""Find abbreviated inclusive forms in a pad's French prose, with exact spans.

Algorithm: ``shared/reference/inclusive-writing.md`` §2.5, on the prose runs of the
:class:`~pad_lint.markdown.view.PadView` (literal text outside code, URLs, HTML and
link targets, with exact source offsets), so masking is already done:

1. candidates: words joined by a separator of :mod:`.separators`
   (``participant.e.s``, ``acteur·rices``), ``stem(e)s`` and capital endings
   (``militantEs``), plus the multi-word ``du·de la``;
2. rejections (§4.1): abbreviations (``p.ex.``, ``etc.``), one-letter stems (``i.e.``,
   ``U.S.``), a capital after the separator (``partis.Les``), ellipses, numbers and
   e-mail neighbours, compounds and imperative clitics with hyphens (``Aix-les-Bains``,
   ``prends-les``), tokens continued by a period or hyphen (``site.fr.es``);
3. the closed class of pronouns and determiners (``tous·tes``, ``il/elle``, ``le·a``);
4. the morphology and lexicon check of :func:`.morphology.analyse`.

Bare domains that markdown-it's linkify turned into links (``militant.es``: ``.es`` is
a top-level domain) are read as prose too, so the lexicon decides, as the reference
asks; URLs with a scheme, ``www.``, a path or an ``@`` are never read.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from operator import itemgetter

from . import separators as seps
from .lexicon import fold
from .morphology import Analysis, ClosedEntry, analyse, closed_class, split_ending

_S = re.escape(seps.SEPARATOR_CHARS)
_L = r"[^\W\d_\u1427\ua78f]"          # a letter that starts a _LETTER (U+1427, U+A78F are separators)
_MARK = r"[\u0300-\u036f]"               # combining marks, which \w does not match
_LETTER = rf"{_L}{_MARK}*"
_WORD = rf"(?:{_LETTER})+"
# Words joined by separators. Same matches as ``{_WORD}(?:[{_S}]{_WORD})+``, in linear time:
# a word that gives back letters is followed by a letter or a mark, never by a separator (the
# classes are disjoint), so words are possessive (no backtracking); and a match starts only where
# no letter precedes (a start inside a word fails wherever the start of that word failed).
CHUNK = re.compile(rf"(?<!{_L})(?:{_LETTER})++(?:[{_S}](?:{_LETTER})++)+")
PARENS = re.compile(rf"(?<![\w@])(?P<stem>{_WORD})\((?P<end>{_WORD})\)(?P<tail>{_WORD})?(?![\w@(])")
CAPITAL = re.compile(r"(?<![\w@" + _S + r"])(?P<stem>[^\W\d_]*?[^\W\d_A-ZÀ-ÖØ-Þ])(?P<end>[A-ZÀ-ÖØ-Þ]{1,7}s?)(?![\w@])")
MULTI = re.compile(rf"(?<![\w{_S}])(?P<m>du|au)(?P<sep>[{_S}])(?P<f>de la|à la)(?![\w{_S}])", re.IGNORECASE)
_SPLIT = re.compile(f"([{_S}])")

# Necessary conditions, one per pass of :func:`scan_text`, built from the same classes as the
# patterns (a text that fails one cannot hold that pass's forms, so the pass is skipped). Each
# starts with a character class, which ``re`` searches for quickly, then looks around it:
#: MULTI and CHUNK: a separator between the end of a word (a letter or a mark) and a letter.
_SEP_CANDIDATE = re.compile(rf"[{_S}](?<=(?:{_L}|{_MARK})[{_S}])(?={_L})")
#: MULTI (case-insensitive ``du·de la``, ``au/à la``): a separator between ``u`` and ``d`` or ``à``.
_MULTI_CANDIDATE = re.compile(rf"[{_S}](?<=[uU][{_S}])(?=[dDàÀ])")
#: PARENS: an opening parenthesis between the end of a word and a letter.
_PAREN_CANDIDATE = re.compile(rf"\((?<=(?:{_L}|{_MARK})\()(?={_L})")
_CAP = "A-ZÀ-ÖØ-Þ"
#: CAPITAL: a capital ending right after a letter of the stem's last class.
_CAP_CANDIDATE = re.compile(rf"[{_CAP}](?<=[^\W\d_{_CAP}][{_CAP}])")
#: Any of the three.
_CANDIDATE = re.compile(rf"[{_S}({_CAP}](?:(?<=(?:{_L}|{_MARK})[{_S}(])(?={_L})|(?<=[^\W\d_{_CAP}][{_CAP}]))")
_CLITICS = frozenset("le la les lui leur leurs en y moi toi nous vous elle elles il ils on t ce je tu ci là".split())


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """Words that take an abbreviation period (``data/abbreviations.txt``)."""
    text = resources.files(__package__).joinpath("data").joinpath("abbreviations.txt").read_text(encoding="utf-8")
    return frozenset(l.strip() for l in text.splitlines() if l.strip() and not l.startswith("#"))


@dataclass
class Found:
    """One abbreviated form found in the pad (internal; see :class:`.models.InclusiveForm`).

    Offsets are 0-based code-point offsets into the pad's text, end exclusive.
    ``stem``/``ending`` are the masculine half and singular feminine ending as written;
    ``plural`` tells whether the form is plural; ``sep_chars`` are its separator characters
    in order (empty for capital and parenthesis forms).
    """

    text: str
    start: int
    end: int
    block: int
    separator: str
    sep_chars: tuple[str, ...]
    plural_style: str
    plural: bool
    stem: str
    ending: str
    marker: str = ""
    analysis: Analysis | None = None
    closed: ClosedEntry | None = None

    @property
    def lemma(self) -> str:
        return self.closed.lemma if self.closed else self.analysis.lemma  # type: ignore[union-attr]

    @property
    def masculine(self) -> str:
        if self.closed:
            return self.closed.masculine
        return self.analysis.masculine  # type: ignore[union-attr]

    @property
    def feminine(self) -> str:
        if self.closed:
            return self.closed.feminine
        return self.analysis.feminine  # type: ignore[union-attr]

    @property
    def separator_kind(self) -> str:
        return seps.kind(self.separator)


def _ok_context(words: list[str], separators: list[str], i: int, j: int) -> bool:
    """Context rules of §2.5 step 3 for a reading of ``words[i..j]``."""
    stem = words[i]
    used = separators[i:j]
    if i > 0 and separators[i - 1] in ".-":
        return False
    if j < len(words) - 1 and separators[j] in ".-":
        return False
    all_caps = stem.isupper() and len(stem) > 1
    for w in words[i + 1 : j + 1]:
        if w[:1].isupper() and not all_caps:
            return False   # partis.Les, Jean-Marie: a new word starts
    if "." in used and fold(stem) in abbreviations():
        return False
    if "-" in used and j == i + 1 and fold(words[j]) in _CLITICS and not fold(stem).endswith("l"):
        return False       # dis-le, prends-les, dit-elle
    return True


def _trusted(used: list[str]) -> bool:
    """Whether a separator French uses for nothing else (median dot or look-alike) is among ``used``."""
    return any(ch == seps.MEDIAN_DOT or ch == seps.GREEK_ANO_TELEIA or ch in seps.LOOKALIKES for ch in used)


def _readings(words: list[str], separators: list[str], i: int):
    """Candidate readings starting at word ``i``: (last word, ending, plural, style, marker)."""
    n = len(words)
    if i + 3 < n and fold(words[i + 2]) == "x" and fold(words[i + 3]) == "s":
        sp = split_ending(words[i + 1])
        if sp and not sp[1]:
            yield i + 3, words[i + 1], True, "two", words[i + 2]
    if i + 2 < n and fold(words[i + 2]) == "s":
        sp = split_ending(words[i + 1])
        if sp and not sp[1]:
            yield i + 2, words[i + 1], True, "two", ""
    if i + 1 < n:
        sp = split_ending(words[i + 1])
        if sp:
            written = words[i + 1][: len(sp[0])]
            yield i + 1, written, sp[1], "one" if sp[1] else "n/a", ""


class _Taken:
    """Spans already claimed by a form, for overlap queries in O(log n).

    Spans are added in batches that are each sorted and never overlap the spans already
    present (each pass of :func:`scan_text` skips candidates that overlap), so a sorted list
    of starts and the matching ends answer "does ``[a, b)`` overlap a taken span?" with one
    binary search: the last span starting before ``b`` is the only one that can reach past ``a``.
    """

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self._pending: list[tuple[int, int]] = []

    def add(self, a: int, b: int) -> None:
        self._pending.append((a, b))

    def commit(self) -> None:
        """Merge the spans added since the last commit (one sort per pass, not per span)."""
        if self._pending:
            merged = sorted(list(zip(self.starts, self.ends)) + self._pending)
            self.starts = [a for a, _ in merged]
            self.ends = [b for _, b in merged]
            self._pending = []

    def overlaps(self, a: int, b: int) -> bool:
        i = bisect_left(self.starts, b) - 1
        return i >= 0 and self.ends[i] > a


def scan_text(text: str, base: int, block: int) -> list[Found]:
    """Every form in one prose run ``text`` starting at pad offset ``base``.

    Linear in the length of ``text`` (up to a log factor): each candidate is read once and
    checked against earlier forms with a binary search (:class:`_Taken`). A pass whose
    necessary condition (``_SEP_CANDIDATE``…) the text fails is skipped: it would find nothing.
    """
    out: list[Found] = []
    taken = _Taken()

    def add(f: Found) -> None:
        out.append(f)
        taken.add(f.start - base, f.end - base)

    seps_ = _SEP_CANDIDATE.search(text) is not None
    for m in (MULTI.finditer(text) if seps_ and _MULTI_CANDIDATE.search(text) else ()):
        entry = closed_class(m.group(0))
        if entry:
            add(Found(m.group(0), base + m.start(), base + m.end(), block, seps.key([m.group("sep")]),
                      (m.group("sep"),), entry.plural_style, entry.plural_style != "n/a",
                      m.group("m"), m.group("f"), closed=entry))
    taken.commit()

    for m in (CHUNK.finditer(text) if seps_ else ()):
        a, b = m.span()
        before = text[a - 1] if a else ""
        after = text[b] if b < len(text) else ""
        if before and (before.isdigit() or before in "@_" or (before in seps.SEPARATOR_CHARS and before != "/")):
            continue
        if after and (after.isdigit() or after in "@_"):
            continue
        if after in seps.SEPARATOR_CHARS and b + 1 < len(text) and (text[b + 1].isalnum()):
            continue
        if taken.overlaps(a, b):
            continue
        parts = _SPLIT.split(m.group(0))
        words, separators = parts[0::2], parts[1::2]
        offsets = []
        pos = a
        for k, w in enumerate(words):
            offsets.append(pos)
            pos += len(w) + (1 if k < len(separators) else 0)
        i = 0
        while i < len(words) - 1:
            found = _read(words, separators, offsets, i, text, base, block)
            if found is None:
                i += 1
                continue
            add(found[0])
            i = found[1] + 1
    taken.commit()

    for m in (PARENS.finditer(text) if _PAREN_CANDIDATE.search(text) else ()):
        if taken.overlaps(m.start(), m.end()):
            continue
        stem, end, tail = m.group("stem"), m.group("end"), m.group("tail") or ""
        sp = split_ending(end)
        if not sp or len(stem) < 2:
            continue
        sg, plural_inside = sp
        if tail and (plural_inside or fold(tail) not in ("s", "x")):
            continue
        plural = plural_inside or bool(tail)
        style = "one" if plural_inside else ("two" if tail else "n/a")
        written = end[: len(sg)]
        an = analyse(stem, written)
        if an:
            add(Found(m.group(0), base + m.start(), base + m.end(), block, seps.PARENTHESES, (), style,
                      plural, stem, written, analysis=an))
    taken.commit()

    for m in (CAPITAL.finditer(text) if _CAP_CANDIDATE.search(text) else ()):
        if taken.overlaps(m.start(), m.end()):
            continue
        stem, end = m.group("stem"), m.group("end")
        sp = split_ending(end)
        if not sp or len(stem) < 2 or not stem[-1].islower():
            continue
        written = end[: len(sp[0])]
        an = analyse(stem, written)
        if an:
            add(Found(m.group(0), base + m.start(), base + m.end(), block, seps.CAPITAL, (),
                      "one" if sp[1] else "n/a", sp[1], stem, written, analysis=an))

    out.sort(key=lambda f: f.start)
    return out


def _read(words: list[str], separators: list[str], offsets: list[int], i: int, text: str, base: int,
          block: int) -> tuple[Found, int] | None:
    """The best reading of a chunk starting at word ``i``, or ``None``."""
    for j in (i + 2, i + 1):
        if j < len(words):
            raw = text[offsets[i] : offsets[j] + len(words[j])]
            entry = closed_class(raw)
            if entry and _ok_context(words, separators, i, j):
                used = separators[i:j]
                return (Found(raw, base + offsets[i], base + offsets[j] + len(words[j]), block, seps.key(used),
                              tuple(used), entry.plural_style, entry.plural_style != "n/a", words[i],
                              words[i + 1], closed=entry), j)
    stem = words[i]
    if len(stem) < 2:
        return None
    for j, ending, plural, style, marker in _readings(words, separators, i):
        if not _ok_context(words, separators, i, j):
            continue
        used = separators[i:j]
        an = analyse(stem, ending, trusted=_trusted(used))
        if an is None:
            continue
        end = offsets[j] + len(words[j])
        return (Found(text[offsets[i] : end], base + offsets[i], base + end, block, seps.key(used), tuple(used),
                      style, plural, stem, ending, marker=marker, analysis=an), j)
    return None


# -- prose of a pad -------------------------------------------------------------------------

_BARE_DOMAIN = re.compile(rf"{_WORD}(?:\.{_WORD})+")


def prose_pieces(view) -> list[tuple[str, int, int]]:  # noqa: ANN001 - PadView
    """``(text, start offset, block index)`` of every piece of prose, in pad order.

    The view's prose runs, plus the text of bare-domain linkify links (``militant.es``),
    which HedgeDoc renders as links but people wrote as words.
    """
    pieces = [(r.text, r.start, r.block) for r in view.runs]
    link_block: dict[int, int] = {}
    for b, block in enumerate(view.blocks):
        for li in block.links:
            link_block[li] = b
    for li, link in enumerate(view.links):
        if link.kind != "linkify" or li not in link_block:
            continue
        raw = link.raw
        if raw != link.text or raw.lower().startswith("www.") or not _BARE_DOMAIN.fullmatch(raw):
            continue
        pieces.append((raw, link.span.start_offset, link_block[li]))
    pieces.sort(key=itemgetter(1))
    return pieces


def _merge(pieces: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Join pieces that touch in the source (a linkified ``militant.es`` and the run after it).

    Texts are joined once per merged piece (no repeated string concatenation); a piece that
    touches no other is kept as it is (no new tuple: most pieces touch nothing)."""
    out: list[tuple[str, int, int]] = []
    n = len(pieces)
    i = 0
    while i < n:
        piece = pieces[i]
        start, block = piece[1], piece[2]
        end = start + len(piece[0])
        j = i + 1
        while j < n and pieces[j][1] == end and pieces[j][2] == block:
            end += len(pieces[j][0])
            j += 1
        out.append(piece if j == i + 1 else ("".join([p[0] for p in pieces[i:j]]), start, block))
        i = j
    return out


def detect(view, is_french=None, pieces=None) -> list[Found]:  # noqa: ANN001 - PadView, callable
    """Every abbreviated form in the pad's prose, in order.

    ``is_french(block_index) -> bool`` restricts the search to French paragraphs
    (see :class:`.language.LanguageGate`); ``None`` reads every paragraph. It is asked only
    about paragraphs that hold a form (the language of the others does not matter, and the
    pre-filtered search is cheaper than the language check). ``pieces``: the merged prose
    pieces (``_merge(prose_pieces(view))``) when the caller already has them.
    """
    out: list[Found] = []
    for text, start, block in (_merge(prose_pieces(view)) if pieces is None else pieces):
        if is_french is None:
            out.extend(scan_text(text, start, block))
        elif _may_hold_forms(text):
            found = scan_text(text, start, block)
            if found and is_french(block):
                out.extend(found)
    return out


_QUICK = re.compile(rf"[{_S}(]|[a-zà-ÿ][A-ZÀ-Þ]")
_OPENERS = frozenset(seps.SEPARATOR_CHARS + "(")


def _may_hold_forms(text: str) -> bool:
    """Cheap pre-filter of the French-gated search: ``False`` when :func:`scan_text` finds nothing
    in ``text`` or the historical filter ``_QUICK`` (no separator, parenthesis or ASCII/Latin-1
    lower-upper pair) rejects it.

    ``_CANDIDATE`` is a necessary condition of every pass. When its first hit is a separator or
    a parenthesis, ``_QUICK`` holds too; when it is a capital, ``_QUICK`` is checked as well, so a
    capital form after a letter outside ``a-zà-ÿ`` (``ª``, ``ß``, ``œ``) in a run without any
    separator stays unread, as before.
    """
    m = _CANDIDATE.search(text)
    return m is not None and (m.group() in _OPENERS or _QUICK.search(text) is not None)
