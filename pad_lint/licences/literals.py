"""The literal text a regular expression cannot match without: a cheap, exact pre-test.

:func:`required_literals` reads a pattern (with the ``re`` module's own parser) and
returns strings one of which every match of the pattern contains: ``licen[cs]es?``
needs ``licenc`` or ``licens``, ``\\bcc[ -]?by`` needs ``cc``, an alternation needs one
of its alternatives' literals. When none of them is in a text, the pattern cannot match
there, so matching can be skipped: :func:`may_match` is the answer of
``re.search(pattern, text) is not None`` when it says ``False``, only faster.

The analysis is conservative: a construct it does not know (an ``IGNORECASE`` part,
a back-reference, a negated class…) gives no requirement, never a wrong one, and a
pattern with no requirement is always matched (``None``: "may match").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

try:  # Python >= 3.11
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre_parse  # type: ignore[no-redef]

#: Above this many exact strings a run of fixed text is cut (a class of 26 letters, say).
_MAX_STRINGS = 32
#: Operations that consume no text: the text around them is contiguous.
_ZERO_WIDTH = frozenset({"AT", "ASSERT", "ASSERT_NOT"})
_REPEATS = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})


@lru_cache(maxsize=None)
def required_literals(pattern: str) -> frozenset[str] | None:
    """Non-empty strings one of which is in every text ``pattern`` matches, or ``None``
    when the analysis finds no such set (then nothing may be skipped)."""
    try:
        parsed = _sre_parse.parse(pattern)
    except Exception:  # pragma: no cover - patterns come from the tables and compile
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    found = _required(list(parsed))
    return frozenset(found) if found else None


def may_match(pattern: str, text: str) -> bool:
    """``False`` only when ``pattern`` certainly matches nowhere in ``text``."""
    needed = required_literals(pattern)
    return needed is None or any(s in text for s in needed)


def _name(op: Any) -> str:
    return getattr(op, "name", str(op))


def _fixed(items: list[Any]) -> set[str] | None:
    """Every string the sequence ``items`` can match, when they are few, else ``None``."""
    out = {""}
    for op, av in items:
        if _name(op) in _ZERO_WIDTH:
            continue
        strings = _fixed_item(op, av)
        if strings is None:
            return None
        out = {a + b for a in out for b in strings}
        if len(out) > _MAX_STRINGS:
            return None
    return out


def _fixed_item(op: Any, av: Any) -> set[str] | None:
    name = _name(op)
    if name == "LITERAL":
        return {chr(av)}
    if name == "IN":
        chars: set[str] = set()
        for sub_op, sub_av in av:
            sub = _name(sub_op)
            if sub == "LITERAL":
                chars.add(chr(sub_av))
            elif sub == "RANGE" and sub_av[1] - sub_av[0] < _MAX_STRINGS:
                chars.update(chr(c) for c in range(sub_av[0], sub_av[1] + 1))
            else:
                return None   # NEGATE, CATEGORY (\w, \s…), a big range
        return chars if 0 < len(chars) <= _MAX_STRINGS else None
    if name == "SUBPATTERN":
        _, add_flags, _, sub = av
        return None if add_flags & re.IGNORECASE else _fixed(list(sub))
    if name == "ATOMIC_GROUP":
        return _fixed(list(av))
    if name == "BRANCH":
        out: set[str] = set()
        for alt in av[1]:
            strings = _fixed(list(alt))
            if strings is None:
                return None
            out |= strings
        return out if len(out) <= _MAX_STRINGS else None
    if name in _REPEATS:
        low, high, sub = av
        if low != high or low > 3:
            return None
        one = _fixed(list(sub))
        if one is None:
            return None
        out = {""}
        for _ in range(low):
            out = {a + b for a in out for b in one}
            if len(out) > _MAX_STRINGS:
                return None
        return out
    return None


def _required(items: list[Any]) -> set[str] | None:
    """Strings one of which every match of the sequence ``items`` contains (the most
    selective set found: longest shortest string), or ``None``."""
    candidates: list[set[str]] = []
    run = {""}

    def close() -> None:
        if "" not in run:
            candidates.append(run)

    for op, av in items:
        name = _name(op)
        if name in _ZERO_WIDTH:
            if name == "ASSERT":   # a lookahead or lookbehind: its text is in the text too
                inner = _required(list(av[1]))
                if inner:
                    candidates.append(inner)
            continue
        strings = _fixed_item(op, av)
        if strings is not None:
            longer = {a + b for a in run for b in strings}
            if len(longer) <= _MAX_STRINGS:
                run = longer
                continue
            close()
            run = strings
            continue
        close()
        run = {""}
        inner = _required_item(op, av)
        if inner:
            candidates.append(inner)
    close()
    candidates = [c for c in candidates if "" not in c]
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(len(s) for s in c), -len(c)))


def _required_item(op: Any, av: Any) -> set[str] | None:
    name = _name(op)
    if name == "SUBPATTERN":
        _, add_flags, _, sub = av
        return None if add_flags & re.IGNORECASE else _required(list(sub))
    if name == "ATOMIC_GROUP":
        return _required(list(av))
    if name == "BRANCH":
        out: set[str] = set()
        for alt in av[1]:
            inner = _required(list(alt))
            if not inner:
                return None
            out |= inner
        return out
    if name in _REPEATS:
        low, _, sub = av
        return _required(list(sub)) if low >= 1 else None
    return None
