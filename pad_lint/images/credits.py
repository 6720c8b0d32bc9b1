"""People a pad credits for its images, and whether an alt is such a credit.

The RGAA glossary (*légende d'image*) lists the author and the copyright as
caption material, not text alternative; putting "Mathis Garnier" as the alt of
every drawing makes screen readers announce a name instead of the drawing
(WCAG 2.2 SC 1.1.1, RGAA 4.1 criterion 1.3). Credited names come from:

* the event document's people whose roles include ``illustrator`` and its
  ``credits`` (when the extractor provides them);
* credit cues in the pad's own prose, read here so that IMG004 works without
  the extractor: "Facilitation graphique : …", "Illustrations : …", "Photo : …",
  "Crédit(s) photo : …", "Dessins par …", "© …" (French and English).

An alt is a credit when it is (or only adds credit words to) a credited name,
when it carries a copyright sign or the word "crédit" as a cue, or when a cue
("Photo :", "Illustration par", "by") introduces a person's name. A cue that
introduces a description ("Photo : un vélo", "Photo de la fresque") is not a
credit: what follows the cue must be names (capitalised words, or a single word
that is the name of a person of the pad).

Credited names are indexed by their first word (:class:`CreditIndex`), so an alt
is compared with the few names that could occur in it, not with every name of
the pad: the image rules stay linear in the number of images and names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..casefold import RE_ONLY_FOLDS
from . import words
from .alt import normalise_alt

if TYPE_CHECKING:
    from ..markdown.view import PadView

_MARKUP = re.compile(r"\+\+|\*\*|__|==|~~|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|<[^>]*>")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
#: Images and their alt text are not prose: an alt never credits anybody (it is what IMG004 judges).
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|<img\b[^>]*>", re.IGNORECASE)
_CUE_COLON = re.compile(rf"(?:^|(?<=[\s,;(\[–—-]))(?P<cue>(?i:{words.CREDIT_CUES}))\s*(?i:(?:par|by|de)\s*)?[:：]\s*(?P<names>.+)")
_CUE_BY = re.compile(rf"(?:^|(?<=[\s,;(\[–—-]))(?P<cue>(?i:{words.CREDIT_BY}))\s+(?P<names>.+)")
_COPYRIGHT = re.compile(r"(?P<cue>©|\(c\)|(?i:copyright))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?P<names>.+)")
#: Cheap test before the cue patterns: a line without any of these words credits nobody.
_MAYBE_CUE = re.compile(rf"©|\(c\)|(?i:copyright|{words.CREDIT_CUE_WORDS})")
# The same test on lower-cased text without re.IGNORECASE, ~8x faster (an
# alternation under IGNORECASE is tried character by character). str.lower() and
# re's case folding differ only on the letters of pad_lint.casefold.RE_ONLY_FOLDS.
_CUE_WORD_LOWER = re.compile(rf"copyright|{words.CREDIT_CUE_WORDS}")


def may_hold_cue(text: str) -> bool:
    """Whether ``text`` may hold a credit cue: the answer of ``_MAYBE_CUE.search(text)``
    (``©``, ``(c)``, or a cue word in any case), computed faster."""
    if "©" in text or "(c)" in text:
        return True
    if "İ" in text or "ı" in text or "ſ" in text:
        text = text.translate(RE_ONLY_FOLDS)
    return _CUE_WORD_LOWER.search(text.lower()) is not None
_SPLIT = re.compile(r"\s*(?:[,;/&+]|\s(?:et|and)\s|\s[-–—]\s)\s*")
_NAME_TOKEN = re.compile(r"(?:[A-ZÀ-ÖØ-Þ][\w'’-]*\.?|[A-ZÀ-ÖØ-Þ]\.|d'|de|du|des|la|le|van|von|der|da|di|del|ben|el)")
_NAMES_END = re.compile(r"(?<!\b[A-Z])[.!?](?:\s|$)|\(|\)|\[|\]|\s[:：]\s")
_WORD = re.compile(r"\w+")
_IS_WORD = re.compile(r"\w")
_LETTERS = re.compile(r"[^\W\d_]+")

# Credit cues inside an alt, matched on the alt as written (capitals matter for the names after them)
_ALT_COPYRIGHT = re.compile(words.COPYRIGHT_IN_ALT, re.IGNORECASE)
_ALT_CREDIT_WORD = re.compile(words.CREDIT_WORD_IN_ALT, re.IGNORECASE)
_ALT_LEAD_CUE = re.compile(words.CREDIT_LEAD_IN_ALT, re.IGNORECASE)
_YEAR = re.compile(r"^(?:\(?\s*(?:19|20)\d\d\s*\)?)$")


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
    chunk = _NAMES_END.split(chunk, maxsplit=1)[0]
    out = []
    for part in _SPLIT.split(chunk):
        part = part.strip(" .:*_\t\"'«»“”")
        if part and is_name(part):
            out.append(part)
        elif out:
            break
    return out


def credits_in_text(view: "PadView") -> list[CreditedName]:
    """Credit cues in the pad's prose blocks (code excluded), in order.

    ``line`` is read from the block's source offsets (``Block.line_starts``), so it is
    the line the cue is written on even inside lists, quotes and containers."""
    out: list[CreditedName] = []
    index = view.index
    for block in view.blocks:
        if not may_hold_cue(block.raw):
            continue
        for i, line in enumerate(block.raw.split("\n")):
            if not may_hold_cue(line):
                continue
            line = _MARKUP.sub("", _LINK.sub(r"\1", _IMAGE.sub(" ", line)))
            if i < len(block.line_starts):
                line_no = index.line_col(block.line_starts[i])[0]
            else:
                line_no = block.span.start_line + i
            for rx in (_CUE_COLON, _CUE_BY, _COPYRIGHT):
                for m in rx.finditer(line):
                    for name in _names(m.group("names")):
                        out.append(CreditedName(name=name, key=normalise_alt(name), cue=m.group("cue").strip(),
                                                line=line_no))
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


def people_in_document(document: Any) -> set[str]:
    """Folded keys (:func:`normalise_alt`) of every person the event document names, any role."""
    keys: set[str] = set()
    for person in getattr(document, "people", []) or []:
        for name in [person.name, *person.variants]:
            key = normalise_alt(name)
            if key:
                keys.add(key)
    return keys


def _unique(credits: Iterable[CreditedName]) -> list[CreditedName]:
    seen: set[str] = set()
    out: list[CreditedName] = []
    for c in credits:
        if c.key and c.key not in seen:
            seen.add(c.key)
            out.append(c)
    return out


def credited_names(view: "PadView", document: Any = None) -> list[CreditedName]:
    """Every credited name, pad text first, duplicates (same key) removed."""
    return _unique(credits_in_text(view) + credits_in_document(document))


class CreditIndex:
    """Credited names by the first word of their key: :meth:`occurrences` compares an
    alt with the names that start with one of its words only (no regex per name)."""

    def __init__(self, credited: Iterable[CreditedName] = ()) -> None:
        self.names: list[CreditedName] = []
        self.by_key: dict[str, CreditedName] = {}
        self._by_first: dict[str, list[CreditedName]] = {}
        self.add(credited)

    def add(self, credited: Iterable[CreditedName]) -> None:
        for c in credited:
            if not c.key or c.key in self.by_key:
                continue
            first = _WORD.match(c.key)
            if first is None:
                continue
            self.names.append(c)
            self.by_key[c.key] = c
            self._by_first.setdefault(first.group(0), []).append(c)

    def occurrences(self, key: str) -> list[tuple[CreditedName, int, int]]:
        """Credited names found in folded ``key`` as whole words: ``(name, start, end)``, in text order."""
        out = []
        for m in _WORD.finditer(key):
            for c in self._by_first.get(m.group(0), ()):
                end = m.start() + len(c.key)
                if key.startswith(c.key, m.start()) and (end == len(key) or not _IS_WORD.match(key[end])):
                    out.append((c, m.start(), end))
        return out


#: What the lazy loader of :class:`CreditFinder` returns: more credited names (the event
#: document's illustrators) and the folded names of every person of the pad.
PeopleLoader = Callable[[], tuple[Iterable[CreditedName], Iterable[str]]]


class CreditFinder:
    """Decides whether alts are credits (:meth:`find`), for one pad.

    ``credited`` are the names the pad credits in its text; ``load_people``, called at
    most once and only when an alt needs it, returns the event document's illustrators
    and the names of all its people (building the event document costs more than
    judging every image, so pads without name-like alts never build it).
    """

    def __init__(self, credited: Iterable[CreditedName] | CreditIndex = (),
                 load_people: PeopleLoader | None = None) -> None:
        self.index = credited if isinstance(credited, CreditIndex) else CreditIndex(credited)
        self._load = load_people
        self._people: set[str] | None = None if load_people else set()

    @property
    def credited(self) -> list[CreditedName]:
        return self.index.names

    def people(self) -> set[str]:
        """Folded names of the pad's people (loads the event document's people once)."""
        if self._people is None:
            extra, people = self._load() if self._load else ((), ())
            self.index.add(extra)
            self._people = set(people) | set(self.index.by_key)
        return self._people

    def _credited_in(self, key: str) -> CreditedName | None:
        """The credited name ``key`` is, possibly with credit words around it ("par X", "Dessin : X")."""
        exact = self.index.by_key.get(key)
        if exact is not None:
            return exact
        found = self.index.occurrences(key)
        by_name: dict[str, list[tuple[int, int]]] = {}
        for c, a, b in found:
            by_name.setdefault(c.key, []).append((a, b))
        for c, _, _ in found:
            if c.key not in by_name:
                continue
            rest = list(key)
            for a, b in by_name.pop(c.key):
                rest[a:b] = " " * (b - a)
            if all(w in words.CREDIT_FILLER_WORDS for w in _LETTERS.findall("".join(rest))):
                return c
        return None

    def _names_only(self, rest: str) -> tuple[bool, CreditedName | None]:
        """Whether ``rest`` (the words after a cue, as written) is only names, and the first credited one.

        A part with several capitalised words ("Zoé Lambert", "Ville de Nantes", "D. Martin")
        is a name; a single capitalised word ("Zoé", "Nantes") only when it is a credited
        name or a person of the pad; a lower-case phrase ("un vélo") never. A trailing
        year ("Zoé Lambert, 2024") is allowed."""
        rest = rest.strip(" .:;,*_\t\"'«»“”()[]")
        if not rest:
            return False, None
        parts = [p.strip(" .:*_\t\"'«»“”()") for p in _SPLIT.split(rest)]
        parts = [p for p in parts if p]
        if parts and len(parts) > 1 and _YEAR.match(parts[-1]):
            parts = parts[:-1]
        if not parts:
            return False, None
        first: CreditedName | None = None
        for part in parts:
            if not is_name(part):
                return False, None
            key = normalise_alt(part)
            who = self.index.by_key.get(key)
            if who is None and len(part.split()) == 1:
                if key not in self.people():
                    return False, None
                who = self.index.by_key.get(key)
            first = first or who
        return True, first

    def find(self, alt: str) -> tuple[str, CreditedName | None] | None:
        """Whether ``alt`` is a credit: ``(the credit, credited name or None)``, or ``None``.

        The credit is the whole alt, or its end when a description comes first
        ("Vue du port © Jean Dupont" -> "© Jean Dupont")."""
        text = alt.strip()
        key = normalise_alt(text)
        if not key:
            return None
        who = self._credited_in(key)
        if who is None and is_name(text):
            self.people()          # the event document's illustrators may credit this name
            who = self._credited_in(key)
        if who is not None:
            return text, who                       # the name, maybe with credit words ("Dessin : X")
        mark = _ALT_COPYRIGHT.search(text)
        if mark:
            return _part(text, mark.start()), None       # "© Jean Dupont", "Vue du port © 2024 X"
        credit = _ALT_CREDIT_WORD.search(text)
        if credit and (credit.group("sep") or credit.start() == 0):
            return _part(text, credit.start()), None     # "Crédit photo Ville de Nantes", "… (crédit : X)"
        cue = _ALT_LEAD_CUE.match(text) or credit   # "Photo : …", "Illustration par …", "by …", "… crédit X"
        if cue is None:
            return None
        names, who = self._names_only(cue.group("rest"))
        if not names:
            return None                             # "Photo : un vélo": a label, then a description
        return _part(text, cue.start()), who


def _part(text: str, start: int) -> str:
    """``text`` from ``start``, without the bracket that closes around it: "(crédit X)" -> "crédit X"."""
    part = text[start:].strip()
    if part.endswith((")", "]")) and "(" not in part and "[" not in part:
        part = part[:-1].rstrip()
    return part


def credit_in_alt(alt: str, credited: Iterable[CreditedName] | CreditIndex | CreditFinder,
                  people: Iterable[str] = ()) -> tuple[str, CreditedName | None] | None:
    """Whether an alt is a credit: ``(what, credited name or None)``, or ``None``.

    An alt is a credit when it is a credited name, possibly with credit words
    ("par Mathis Garnier", "Dessin : Mathis Garnier"), when it carries a copyright
    sign or the word "crédit" as a cue ("© X", "Crédit photo : X"), or when a cue
    ("Illustration :", "Photo :", "par", "by") introduces names ("Photo : D. Martin").
    "Photo : un vélo" is a description introduced by a label, not a credit.
    ``people`` are the names of the pad's people (single-word names count only then).
    """
    if isinstance(credited, CreditFinder):
        return credited.find(alt)
    people = list(people)
    finder = CreditFinder(credited, (lambda: ((), people)))
    return finder.find(alt)
