"""The pad's language, to write examples in it (``fr`` or ``en``).

Order: the front-matter ``lang`` key (HedgeDoc 1 YAML metadata), then a count of
very common French and English function words in the prose runs (code, URLs and
HTML excluded; acronyms skipped), plus French accented letters and the spellings
"licence"/"license". Ties and other languages fall back to English.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..markdown.view import PadView

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
    lang = view.front_matter.data.get("lang") if isinstance(view.front_matter.data, dict) else None
    if isinstance(lang, str) and lang.strip():
        return "fr" if lang.strip().lower().startswith("fr") else "en"
    fr = en = 0.0
    for run in view.runs:
        for word in _WORD.findall(run.text.replace("’", "'")):
            if len(word) > 1 and word.isupper():
                continue  # acronyms: "CC BY-SA", "RSE"
            w = word.lower().rpartition("'")[2]
            if w in _FR:
                fr += 1
            elif w in _EN or w == "license":
                en += 1
            elif w == "licence":
                fr += 0.5
            if not w.isascii() and _ACCENTED.search(w):
                fr += 0.5
    return "fr" if fr > en else "en"
