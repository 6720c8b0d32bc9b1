"""People a pad credits for its images, and whether an alt is such a credit.

The RGAA glossary (*légende d'image*) lists the author and the copyright as
caption material, not text alternative; putting "Mathis Garnier" as the alt of
every drawing makes screen readers announce a name instead of the drawing
(``shared/reference/alt-text.md`` §2, §4). Credited names come from:

* the event document's people whose roles include ``illustrator`` and its
  ``credits`` (when the extractor provides them);
* credit cues in the pad's own prose, read here so that IMG004 works without
  the extractor: "Facilitation graphique : …", "Illustrations : …", "Photo : …",
  "Crédit(s) photo : …", "Dessins par …", "© …" (French and English).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..licences.normalise import fold_plain
from . import words
from .alt import normalise_alt

if TYPE_CHECKING:
    from ..markdown.view import PadView

_MARKUP = re.compile(r"\+\+|\*\*|__|==|~~|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|<[^>]*>")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_CUE_COLON = re.compile(rf"(?:^|(?<=[\s,;(\[–—-]))(?P<cue>(?i:{words.CREDIT_CUES}))\s*(?i:(?:par|by|de)\s*)?[:：]\s*(?P<names>.+)")
_CUE_BY = re.compile(rf"(?:^|(?<=[\s,;(\[–—-]))(?P<cue>(?i:{words.CREDIT_BY}))\s+(?P<names>.+)")
_COPYRIGHT = re.compile(r"(?P<cue>©|\(c\)|(?i:copyright))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?P<names>.+)")
_SPLIT = re.compile(r"\s*(?:[,;/&+]|\s(?:et|and)\s|\s[-–—]\s)\s*")
_NAME_TOKEN = re.compile(r"(?:[A-ZÀ-ÖØ-Þ][\w'’-]*\.?|[A-ZÀ-ÖØ-Þ]\.|d'|de|du|des|la|le|van|von|der|da|di|del|ben|el)")


@dataclass(frozen=True)
class CreditedName:
    """A person credited for images: ``name`` as written, ``key`` folded for comparison,
    ``cue`` the words that credit them, ``line`` the 1-based source line (``None``
    when it comes from the event document)."""

    name: str
    key: str
    cue: str
    line: int | None = None


def is_name(text: str) -> bool:
    """1–5 tokens, each capitalised or a particle (de, van…), at least one capitalised.

    ``"Mathis Garnier"``, ``"D. Martin"``, ``"Zoé"`` are names; ``"voir ci-dessous"`` is not.
    """
    tokens = text.split()
    if not 1 <= len(tokens) <= 5:
        return False
    if not all(_NAME_TOKEN.fullmatch(t) for t in tokens):
        return False
    capital = [t for t in tokens if t[:1].isupper()]
    return bool(capital) and len("".join(capital)) >= 2


def _names(chunk: str) -> list[str]:
    chunk = re.split(r"(?<!\b[A-Z])[.!?](?:\s|$)|\(|\)|\[|\]|\s[:：]\s", chunk, maxsplit=1)[0]
    out = []
    for part in _SPLIT.split(chunk):
        part = part.strip(" .:*_\t\"'«»“”")
        if part and is_name(part):
            out.append(part)
        elif out:
            break
    return out


def credits_in_text(view: "PadView") -> list[CreditedName]:
    """Credit cues in the pad's prose blocks (code excluded), in order."""
    out: list[CreditedName] = []
    for block in view.blocks:
        raw = _LINK.sub(r"\1", block.raw)
        for i, line in enumerate(raw.split("\n")):
            line = _MARKUP.sub("", line)
            for rx in (_CUE_COLON, _CUE_BY, _COPYRIGHT):
                for m in rx.finditer(line):
                    for name in _names(m.group("names")):
                        out.append(CreditedName(name=name, key=normalise_alt(name), cue=m.group("cue").strip(),
                                                line=block.span.start_line + i))
    return out


def credits_in_document(document: Any) -> list[CreditedName]:
    """Illustrators in an :class:`~pad_lint.event.models.EventDocument` (people and credits)."""
    out: list[CreditedName] = []
    if document is None:
        return out
    for person in getattr(document, "people", []) or []:
        if any(getattr(r, "role", None) == "illustrator" for r in person.roles):
            for name in [person.name, *person.variants]:
                out.append(CreditedName(name=name, key=normalise_alt(name), cue="illustrator"))
    for credit in getattr(document, "credits", []) or []:
        if credit.role == "illustrator":
            for name in credit.names:
                out.append(CreditedName(name=name, key=normalise_alt(name), cue=credit.text,
                                        line=credit.span.start_line))
    return out


def credited_names(view: "PadView", document: Any = None) -> list[CreditedName]:
    """Every credited name, pad text first, duplicates (same key) removed."""
    seen: set[str] = set()
    out: list[CreditedName] = []
    for c in credits_in_text(view) + credits_in_document(document):
        if c.key and c.key not in seen:
            seen.add(c.key)
            out.append(c)
    return out


def credit_in_alt(alt: str, credited: list[CreditedName]) -> tuple[str, CreditedName | None] | None:
    """Whether an alt is a credit: ``(what, credited name or None)``, or ``None``.

    An alt is a credit when it is a credited name, possibly with credit words
    ("par Mathis Garnier", "Dessin : Mathis Garnier"), or when it carries a credit
    cue itself ("©", "Crédit", "Illustration :", "Photo :", "par X", "by X").
    """
    key = normalise_alt(alt)
    for c in credited:
        if not c.key:
            continue
        if key == c.key:
            return c.name, c
        if re.search(rf"(?<!\w){re.escape(c.key)}(?!\w)", key):
            rest = re.sub(rf"(?<!\w){re.escape(c.key)}(?!\w)", " ", key)
            rest_words = re.findall(r"[^\W\d_]+", rest)
            if all(w in words.CREDIT_FILLER_WORDS for w in rest_words):
                return c.name, c
    folded = fold_plain(alt)
    m = re.search(words.CREDIT_IN_ALT, folded)
    if m and (not m.group(0).startswith(("par", "by")) or re.match(r"^(?:par|by)\s+[A-ZÀ-Ý]", alt.strip())):
        return alt.strip(), None
    return None
