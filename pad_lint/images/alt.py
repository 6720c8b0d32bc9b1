"""Judge one image's text alternative (alt text).

Verdicts (WCAG 2.2 SC 1.1.1 and RGAA 4.1 topic 1, as the W3C alt decision tree applies them):

* ``unlabelled``: Markdown ``![](…)`` or an alt of only whitespace (HedgeDoc 1
  inserts ``![](file)`` on every upload); HTML ``<img>`` without ``alt``; a title
  but no alt (the title is a tooltip, not a text alternative: markdownlint#1236,
  WCAG F65); HTML ``alt=""`` that also has a title (RGAA 1.2.1 asks for no other
  alternative on a decorative image; HTML_CodeSniffer H67.1);
* ``ok-decorative``: HTML ``alt=""`` with no title or ``aria-label``, or
  ``aria-hidden="true"``, or ``role="presentation"``/``"none"`` (RGAA 1.2,
  WCAG H67). Markdown cannot mark an image decorative;
* ``poorly-labelled``: an alt that is not a description (WCAG F30, RGAA 1.3):
  a file name, a default screenshot name, a placeholder word (FR and EN), only
  quotes or punctuation (``![""](…)``), a URL, or HedgeDoc's "Uploading file…";
* ``ok``: anything else. Repeated alts and credits need the whole pad and are
  judged by the image rules (IMG003, IMG004).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from posixpath import basename
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from ..licences.normalise import fold_plain
from . import words

if TYPE_CHECKING:
    from ..markdown.view import Image


@dataclass(frozen=True)
class AltJudgement:
    """The verdict on one image's alt, with the reason and the text concerned.

    ``reason`` is one of: ``empty``, ``whitespace``, ``no-alt``, ``title-only``,
    ``decorative-with-title`` (unlabelled); ``decorative``; ``uploading``, ``url``,
    ``quotes``, ``screenshot``, ``filename``, ``placeholder`` (poorly labelled);
    ``ok``. ``alt`` is the text alternative actually read (``alt`` or
    ``aria-label``), ``None`` when there is none.
    """

    verdict: str
    reason: str
    alt: str | None = None


_EDGE_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")


@lru_cache(maxsize=8192)
def normalise_alt(alt: str) -> str:
    """Fold an alt for comparison: NFKD without accents, casefolded, ``'`` apostrophes,
    single spaces, punctuation trimmed at both ends. ``"  Mathis Garnier. "`` -> ``"mathis garnier"``."""
    return _normalise_folded(fold_plain(alt))


def _normalise_folded(folded: str) -> str:
    return _EDGE_PUNCTUATION.sub("", folded)


def _attr(image: "Image", name: str) -> str | None:
    value = image.attrs.get(name) if image.attrs else None
    return value if isinstance(value, str) else None


def _alt(image: "Image") -> str | None:
    """The alt attribute; a bare ``<img alt>`` is ``alt=""`` in HTML (an empty attribute value)."""
    if image.alt is None and image.syntax == "html" and image.attrs and "alt" in image.attrs:
        return ""
    return image.alt


def is_decorative(image: "Image") -> bool:
    """HTML marks the image as decorative (RGAA 1.2.1, WCAG H67, ARIA ``presentation``/``none``).

    ``alt=""`` counts only without a title or ``aria-label``; ``alt=" "`` never
    counts (dequelabs/axe-core#1174).
    """
    if image.syntax != "html":
        return False
    if (_attr(image, "aria-hidden") or "").strip().lower() == "true":
        return True
    if (_attr(image, "role") or "").strip().lower() in ("presentation", "none"):
        return True
    return _alt(image) == "" and not (image.title or "").strip() and not (_attr(image, "aria-label") or "").strip() \
        and not (_attr(image, "aria-labelledby") or "").strip()


def judge_alt(image: "Image") -> AltJudgement:
    """Judge ``image`` (a :class:`pad_lint.markdown.view.Image`) on its own. Never raises."""
    if is_decorative(image):
        return AltJudgement("ok-decorative", "decorative", _alt(image))
    alt = _alt(image)
    if not (alt or "").strip():
        label = (_attr(image, "aria-label") or "").strip()
        if label:
            alt = label
        elif image.syntax == "html" and alt == "" and (image.title or "").strip():
            return AltJudgement("unlabelled", "decorative-with-title", alt)
        elif (image.title or "").strip():
            return AltJudgement("unlabelled", "title-only", alt)
        elif alt is None:
            return AltJudgement("unlabelled", "no-alt", None)
        elif alt == "":
            return AltJudgement("unlabelled", "empty", alt)
        else:
            return AltJudgement("unlabelled", "whitespace", alt)
    assert alt is not None
    reason = poor_alt_reason(alt, image.src)
    if reason:
        return AltJudgement("poorly-labelled", reason, alt)
    return AltJudgement("ok", "ok", alt)


_UPLOADING = re.compile(words.UPLOADING)
_URL = re.compile(r"^(?:https?://|www\.)")
_HAS_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_SCREENSHOT_PREFIX = re.compile(words.SCREENSHOT_PREFIX)
_SCREENSHOT_FILLERS = re.compile(words.SCREENSHOT_FILLERS)
_DIGIT = re.compile(r"\d")
_ASCII_LETTER = re.compile(r"[a-z]")
_NUMBERED_PLACEHOLDER = re.compile(words.NUMBERED_PLACEHOLDER)
_IMAGE_EXTENSION = re.compile(words.IMAGE_EXTENSION)
_CAMERA_NAME = re.compile(words.CAMERA_NAME)
_PIXEL_SIZE = re.compile(words.PIXEL_SIZE)
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s")
_SEPARATOR = re.compile(r"[_-]")
_STEM_SEPARATOR = re.compile(r"[-_\d]")
_PARTICLES = frozenset({"de", "du", "des", "la", "le", "van", "von", "der", "da", "di", "del", "d'"})
_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def poor_alt_reason(alt: str, src: str = "") -> str | None:
    """Why ``alt`` is not a description, or ``None`` when it may be one.

    Reasons: ``uploading``, ``url``, ``quotes``, ``screenshot``, ``filename``, ``placeholder``.
    """
    folded = fold_plain(alt)
    key = _normalise_folded(folded)
    if _UPLOADING.match(folded):
        return "uploading"
    if _URL.match(folded) or "://" in folded:
        return "url"
    if not _HAS_LETTER_OR_DIGIT.search(alt):
        return "quotes"
    m = _SCREENSHOT_PREFIX.match(key)
    if m:
        rest = key[m.end():]
        if not rest.strip():
            return "placeholder"
        if _DIGIT.search(rest) and not _ASCII_LETTER.search(_SCREENSHOT_FILLERS.sub(" ", rest)):
            return "screenshot"
    if _looks_like_file_name(alt, folded, key, src):
        return "filename"
    if key in words.PLACEHOLDER_ALTS or _NUMBERED_PLACEHOLDER.match(key):
        return "placeholder"
    return None


def _looks_like_file_name(alt: str, folded: str, key: str, src: str) -> bool:
    if _IMAGE_EXTENSION.search(folded):
        return True
    if _CAMERA_NAME.match(folded) or _DIGITS.fullmatch(key):
        return True
    if _PIXEL_SIZE.search(folded):
        return True
    token = alt.strip()
    if len(token) >= 15 and not _SPACE.search(token) and len(_SEPARATOR.findall(token)) >= 3:
        return True  # sa11y: one long token with 3+ separators
    stem = _src_stem(src)
    if stem and key == normalise_alt(stem) and _STEM_SEPARATOR.search(stem):
        return True  # ACT rule: accessible name is the image file name
    return False


def _src_stem(src: str) -> str:
    try:
        path = urlsplit(src).path
    except ValueError:
        return ""
    name = basename(unquote(path))
    return name.rsplit(".", 1)[0] if "." in name else name


def looks_like_personal_name(alt: str) -> bool:
    """2–4 capitalised words and no lower-case word ("Mathis Garnier", "D. Martin").

    A repeated alt that looks like a personal name is probably a credit (RGAA 4.1 glossary,
    *légende d'image*: the author belongs in the caption).
    """
    tokens = alt.strip().split()
    if not 2 <= len(tokens) <= 4:
        return False
    return all(t[:1].isupper() or t.lower() in _PARTICLES for t in tokens) and \
        sum(1 for t in tokens if t[:1].isupper()) >= 2 and all(_NAME_WORD.fullmatch(t) for t in tokens)
