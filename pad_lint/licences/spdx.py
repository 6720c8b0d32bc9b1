"""SPDX identifiers and expressions, validated with ``license-expression``.

Only strings that already *look like* an SPDX expression (ids, ``AND``/``OR``/
``WITH``, parentheses) are handed to ``license-expression``; its tokenizer is
never run on prose, because it reads the French verb "mit" as ``MIT`` and the
word "or" as the ``OR`` operator.

``LicenseRef-<idstring>`` (SPDX 2.3 annex D: user-defined licences, and the
form REUSE asks for licences missing from the SPDX list) is valid syntax and is
accepted as is, although ``license-expression`` does not know such keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from license_expression import ExpressionError, Licensing, get_spdx_licensing

#: ``LicenseRef-…`` / ``DocumentRef-…:LicenseRef-…`` (SPDX spec annex D).
LICENSE_REF = re.compile(r"^(?:DocumentRef-[A-Za-z0-9.\-]+:)?LicenseRef-[A-Za-z0-9.\-]+$")
_ID = r"(?:DocumentRef-[A-Za-z0-9.\-]+:)?[A-Za-z0-9][A-Za-z0-9.\-]*\+?"
#: A whole string shaped like an SPDX expression (no prose words in between).
EXPRESSION_SHAPE = re.compile(
    rf"^\(*\s*{_ID}(?:\s*\)*\s+(?:AND|OR|WITH|and|or|with)\s+\(*\s*{_ID}\s*\)*)*\s*\)*$")

#: Token used for "all rights reserved", which has no SPDX id (licences.md §3.1).
ALL_RIGHTS_RESERVED = "LicenseRef-all-rights-reserved"


@lru_cache(maxsize=1)
def licensing() -> Licensing:
    """The shared ``license-expression`` SPDX licensing object (loads its index once, ~10 ms)."""
    return get_spdx_licensing()


@dataclass(frozen=True)
class ExpressionCheck:
    """Result of :func:`check_expression`.

    ``normalized`` is the canonical expression (case fixed, deprecated ids
    replaced, e.g. ``GFDL-1.3`` -> ``GFDL-1.3-only``) or ``None`` when the
    text is not a valid expression; ``unknown`` lists ids SPDX does not know;
    ``error`` explains a syntax problem; ``renamed`` lists ids written in a
    deprecated or alias form (``GFDL-1.3``, ``GPL-3.0``) that normalisation replaced.
    """

    text: str
    normalized: str | None
    unknown: tuple[str, ...] = ()
    error: str | None = None
    renamed: tuple[str, ...] = field(default=())

    @property
    def valid(self) -> bool:
        return self.normalized is not None


def looks_like_expression(text: str) -> bool:
    """True when ``text`` is shaped like an SPDX expression: ids joined by AND/OR/WITH.

    A single ordinary word (``"MIT"``, ``"TBD"``) is shaped like one; callers decide
    whether the context allows that.
    """
    return bool(EXPRESSION_SHAPE.match(text.strip()))


def check_expression(text: str) -> ExpressionCheck:
    """Validate and normalise an SPDX expression string.

    Returns an :class:`ExpressionCheck`; never raises. ``LicenseRef-`` ids are valid.
    Text that is not shaped like an expression is reported invalid without being
    tokenized.
    """
    raw = text.strip()
    if not looks_like_expression(raw):
        return ExpressionCheck(raw, None, error="not an SPDX expression")
    lic = licensing()
    try:
        parsed = lic.parse(raw, validate=False)
    except ExpressionError as exc:
        return ExpressionCheck(raw, None, error=str(exc))
    if parsed is None:
        return ExpressionCheck(raw, None, error="empty expression")
    unknown = tuple(k for k in lic.unknown_license_keys(parsed) if not LICENSE_REF.match(k))
    if unknown:
        return ExpressionCheck(raw, None, unknown=unknown, error="unknown SPDX id: " + ", ".join(unknown))
    renamed = tuple(k for k in _keys_as_written(raw) if _is_renamed(k))
    return ExpressionCheck(raw, parsed.render(), renamed=renamed)


def _keys_as_written(raw: str) -> list[str]:
    return [t for t in re.split(r"[\s()]+", raw) if t and t.upper() not in ("AND", "OR", "WITH")]


def _is_renamed(key: str) -> bool:
    try:
        rendered = licensing().parse(key, validate=False).render()
    except ExpressionError:  # pragma: no cover - keys come from a parsed expression
        return False
    return rendered.casefold() != key.rstrip("+").casefold() and not key.endswith("+")


def is_known_id(identifier: str) -> bool:
    """True when ``identifier`` is an SPDX licence id ``license-expression`` knows, or a ``LicenseRef-``."""
    if LICENSE_REF.match(identifier):
        return True
    return identifier in licensing().known_symbols or identifier.casefold() in _known_folded()


@lru_cache(maxsize=1)
def _known_folded() -> frozenset[str]:
    return frozenset(k.casefold() for k in licensing().known_symbols)


def canonical_id(identifier: str) -> str | None:
    """The canonical spelling of a known id (``cc-by-sa-4.0`` -> ``CC-BY-SA-4.0``), else ``None``."""
    if LICENSE_REF.match(identifier):
        return identifier
    if not is_known_id(identifier):
        return None
    return licensing().parse(identifier, validate=False).render()


@lru_cache(maxsize=1)
def cc_port_codes() -> frozenset[str]:
    """Jurisdiction codes of the Creative Commons national ports the SPDX list has ids for
    (``CC-BY-SA-3.0-AT`` -> ``AT``, ``CC-BY-3.0-IGO`` -> ``IGO``, ``CC-BY-SA-2.0-UK`` -> ``UK``)."""
    ported = re.compile(r"CC-BY(?:-(?:NC|SA|ND))*-\d\.\d-([A-Z]+)", re.IGNORECASE)
    return frozenset(m.group(1).upper() for key in licensing().known_symbols if (m := ported.fullmatch(key)))


def license_keys(expression: str) -> list[str]:
    """The ids used in a valid expression, in order. Raises ``ExpressionError`` on invalid input."""
    return list(licensing().license_keys(licensing().parse(expression, validate=False)))


def satisfies(expression: str, allowed: set[str]) -> bool:
    """Whether an expression can be used under an allow-list of ids.

    ``A AND B`` needs both allowed; ``A OR B`` needs one branch allowed (you may
    choose); ``A WITH exception`` needs ``A`` allowed. Ids compare case-insensitively.
    """
    folded = {a.casefold() for a in allowed}
    return _satisfies(licensing().parse(expression, validate=False), folded)


def _satisfies(node: Any, allowed: set[str]) -> bool:
    name = type(node).__name__
    if name == "AND":
        return all(_satisfies(a, allowed) for a in node.args)
    if name == "OR":
        return any(_satisfies(a, allowed) for a in node.args)
    if name == "LicenseWithExceptionSymbol":
        return node.license_symbol.key.casefold() in allowed
    return str(getattr(node, "key", node)).casefold() in allowed
