"""The rule registry: every rule's metadata in one place.

Docs (``docs/rules.md``), ``pad-lint rule CODE`` explanations and configuration
validation (selectors, severity overrides) are all generated from
:data:`REGISTRY`. Codes are stable: add new ones, never renumber.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..diagnostics import Diagnostic, Fix, Severity
from ..spans import Span

if TYPE_CHECKING:
    from .context import LintContext

#: Family prefix -> family name.
FAMILIES: dict[str, str] = {
    "LIC": "licence",
    "LNK": "links",
    "INC": "inclusive",
    "IMG": "images",
    "PAD": "pad",
    "EVT": "event",
    "PRV": "privacy",
    "NOQA": "directives",
}


@dataclass(frozen=True)
class Rule:
    """Metadata and check function of one rule.

    ``check(ctx)`` yields :class:`Diagnostic` objects built with :meth:`diagnostic`.
    ``source`` names the standard, spec or behaviour the rule derives from.
    """

    code: str
    name: str
    family: str
    severity: Severity
    summary: str
    explanation: str
    source: str
    check: Callable[["LintContext"], Iterator[Diagnostic]] | None = None
    fixable: bool = False
    example: str = ""
    options: tuple[str, ...] = ()
    default_enabled: bool = True

    @property
    def prefix(self) -> str:
        return self.code.rstrip("0123456789")

    @property
    def url(self) -> str:
        return f"https://github.com/pad-lint/pad-lint/blob/main/docs/rules.md#{self.code.lower()}-{self.name}"

    def diagnostic(self, ctx: "LintContext", span: Span, message: str, *, help: str | None = None,
                   fix: Fix | None = None) -> Diagnostic:
        return Diagnostic(code=self.code, name=self.name, severity=self.severity, message=message,
                          help=help, path=ctx.path, span=span, fix=fix, url=self.url)


REGISTRY: dict[str, Rule] = {}


def rule(*, code: str, name: str, severity: str, summary: str, explanation: str, source: str,
         fixable: bool = False, example: str = "", options: tuple[str, ...] = (),
         default_enabled: bool = True) -> Callable[[Callable[..., Any]], Rule]:
    """Decorator that registers a rule's check function with its metadata.

    Raises:
        ValueError: the code or name is already registered, or the prefix is unknown.
    """

    def register(fn: Callable[..., Any]) -> Rule:
        prefix = code.rstrip("0123456789")
        if prefix not in FAMILIES:
            raise ValueError(f"rule {code}: unknown family prefix {prefix}")
        if code in REGISTRY or any(r.name == name for r in REGISTRY.values()):
            raise ValueError(f"rule {code} {name} is registered twice")
        r = Rule(code=code, name=name, family=FAMILIES[prefix], severity=Severity(severity), summary=summary,
                 explanation=explanation.strip(), source=source, check=fn, fixable=fixable,
                 example=example.strip(), options=options, default_enabled=default_enabled)
        REGISTRY[code] = r
        return r

    return register


def declare(**kwargs: Any) -> Rule:
    """Register a rule whose diagnostics another rule's pass emits (no check of its own)."""
    return rule(**kwargs)(None)  # type: ignore[arg-type]


def all_rules() -> list[Rule]:
    """Every registered rule, sorted by code (imports the rule families)."""
    from . import load_families

    load_families()
    return sorted(REGISTRY.values(), key=lambda r: (list(FAMILIES).index(r.prefix), r.code))


def resolve_selector(selector: str) -> list[Rule]:
    """Rules matched by a selector: a code (``LIC002``), a name (``licence-placeholder``),
    a family prefix (``LIC``, ``LNK0``), a family name (``licence``) or ``ALL``.

    Raises:
        KeyError: nothing matches; the message lists close alternatives.
    """
    rules = all_rules()
    s = selector.strip()
    if s.upper() == "ALL":
        return rules
    by_name = [r for r in rules if r.name == s.lower() or r.family == s.lower()]
    if by_name:
        return by_name
    up = s.upper()
    matched = [r for r in rules if r.code.startswith(up)] if up[:3].isalpha() else []
    if matched:
        return matched
    raise KeyError(selector)
