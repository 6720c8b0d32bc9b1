"""The pad's language, to write examples in it (``fr`` or ``en``).

Order: the front-matter ``lang`` key (HedgeDoc 1 YAML metadata), then a count of
very common French and English function words in the prose runs (code, URLs and
HTML excluded; acronyms skipped), plus French accented letters and the spellings
"licence"/"license". Ties and other languages fall back to English.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Any, Iterable

if TYPE_CHECKING:
    from ..markdown.view import PadView, TextRun

_FR = frozenset("le la les des du un une et est sont pour dans avec sur que qui pas par au aux ce cette nous vous il elle "
                "ils se sa son ses leur mais ou donc".split())
_EN = frozenset("the and is are for with that this of to in on we you it they be was were have has not by "
                "from at an or but".split())
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_ACCENTED = re.compile(r"[àâçéèêëîïôûùüÿœ]")


def pad_language(view: "PadView") -> str:
    """``"fr"`` or ``"en"``: the language examples in messages are written in (computed once per view)."""
    cached = view.__dict__.get("_pad_language")
    if cached is None:
        cached = view.__dict__["_pad_language"] = _pad_language(view)
    return cached


def _pad_language(view: "PadView") -> str:
    data = view.front_matter.data
    return language_of(data if isinstance(data, dict) else None, view.runs)


def language_of(front_matter: dict[str, Any] | None, runs: Iterable["TextRun"]) -> str:
    """:func:`pad_language` from the front-matter data and the prose runs.

    Every occurrence of a word counts once: the words of all runs are found in one pass
    (runs joined by a newline, which no word spans) and each distinct word is weighed once,
    times its count (the weights are halves, so the sums are exact in any order)."""
    lang = front_matter.get("lang") if front_matter is not None else None
    if isinstance(lang, str) and lang.strip():
        return "fr" if lang.strip().lower().startswith("fr") else "en"
    fr = en = 0.0
    for word, n in Counter(_WORD.findall("\n".join([run.text for run in runs]).replace("’", "'"))).items():
        weight_fr, weight_en = _weight(word)
        fr += weight_fr * n
        en += weight_en * n
    return "fr" if fr > en else "en"


def _weight(word: str) -> tuple[float, float]:
    """How much one occurrence of ``word`` counts for French and for English."""
    fr = en = 0.0
    if len(word) > 1 and word.isupper():
        return fr, en  # acronyms: "CC BY-SA", "RSE"
    w = word.lower().rpartition("'")[2]
    if w in _FR:
        fr += 1
    elif w in _EN or w == "license":
        en += 1
    elif w == "licence":
        fr += 0.5
    if not w.isascii() and _ACCENTED.search(w):
        fr += 0.5
    return fr, en
