"""The characters that separate the masculine and feminine halves of an abbreviated form.

Source: ``shared/reference/inclusive-writing.md`` §1.2 (separators seen in practice) and
§1.9 (policies). Every separator is listed explicitly: several look-alikes are symbols
(``Sm``) and two are letters (``Lo``: U+1427, U+A78F) that ``\\w`` would swallow.

A form's separator is reported as its code points in order of first appearance,
joined with ``+`` (``"U+00B7"``, ``"U+00B7+U+002E"`` for a mixed token), or one of
the pseudo-separators :data:`PARENTHESES` (``étudiant(e)s``) and :data:`CAPITAL`
(``militantEs``).
"""

from __future__ import annotations

MEDIAN_DOT = "\u00b7"
#: U+0387 GREEK ANO TELEIA: NFC turns it into U+00B7, so it *is* the median dot.
GREEK_ANO_TELEIA = "\u0387"

#: Look-alikes of the median dot: character -> plain-words name.
LOOKALIKES: dict[str, str] = {
    "\u2027": "hyphenation point",
    "\u22c5": "dot operator",
    "\u2022": "bullet",
    "\u2219": "bullet operator",
    "\u30fb": "katakana middle dot",
    "\uff65": "half-width katakana middle dot",
    "\u16eb": "runic single punctuation",
    "\u2e31": "word separator middle dot",
    "\u1427": "Canadian syllabics final middle dot",
    "\ua78f": "Latin letter sinological dot",
}

PERIOD, HYPHEN, SLASH = ".", "-", "/"

#: Every single-character separator (parentheses and capitals are handled apart).
SEPARATOR_CHARS = MEDIAN_DOT + GREEK_ANO_TELEIA + "".join(LOOKALIKES) + PERIOD + HYPHEN + SLASH

PARENTHESES = "PARENTHESES"
CAPITAL = "CAPITAL"
MEDIAN_CODE = "U+00B7"


def code(ch: str) -> str:
    """``"U+00B7"`` for ``"·"``; U+0387 is reported as U+00B7 (its NFC form)."""
    if ch == GREEK_ANO_TELEIA:
        ch = MEDIAN_DOT
    return f"U+{ord(ch):04X}"


def char_of(code_: str) -> str:
    """Inverse of :func:`code` for single code points (``"U+002E"`` -> ``"."``).

    Raises:
        ValueError: ``code_`` is a pseudo-separator or a mixed key.
    """
    if not code_.startswith("U+") or "+" in code_[2:]:
        raise ValueError(f"not a single separator: {code_}")
    return chr(int(code_[2:], 16))


def key(chars: list[str]) -> str:
    """The separator key of a form from its separator characters, in order."""
    seen: list[str] = []
    for ch in chars:
        c = code(ch)
        if c not in seen:
            seen.append(c)
    return "+".join(seen)


def kind(key_: str) -> str:
    """Family of a separator key: ``median``, ``lookalike``, ``period``, ``hyphen``,
    ``slash``, ``parentheses``, ``capital`` or ``mixed``."""
    if key_ == PARENTHESES:
        return "parentheses"
    if key_ == CAPITAL:
        return "capital"
    if "+" in key_[2:]:
        return "mixed"
    ch = char_of(key_)
    if ch == MEDIAN_DOT:
        return "median"
    if ch in LOOKALIKES:
        return "lookalike"
    return {PERIOD: "period", HYPHEN: "hyphen", SLASH: "slash"}[ch]


def describe(key_: str) -> str:
    """Plain-words name of a separator key, quoting the character, for messages."""
    if key_ == PARENTHESES:
        return "parentheses “( )”"
    if key_ == CAPITAL:
        return "a capital letter (“militantEs”)"
    if "+" in key_[2:]:
        return "mixed separators (" + " and ".join(describe(k) for k in split_mixed(key_)) + ")"
    ch = char_of(key_)
    if ch == MEDIAN_DOT:
        return "the median dot “·”"
    if ch in LOOKALIKES:
        return f"“{ch}” ({key_} {LOOKALIKES[ch]}, a look-alike of the median dot “·”)"
    return {PERIOD: "the period “.”", HYPHEN: "the hyphen “-”", SLASH: "the slash “/”"}[ch]


def split_mixed(key_: str) -> list[str]:
    """``"U+00B7+U+002E"`` -> ``["U+00B7", "U+002E"]``."""
    if key_ in (PARENTHESES, CAPITAL):
        return [key_]
    return ["U+" + part for part in key_[2:].split("+U+")] if key_.startswith("U+") else [key_]
