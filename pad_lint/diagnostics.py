"""Diagnostics: what a rule reports, and the fixes it may offer."""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, ConfigDict, Field

from .spans import Span


class Severity(str, Enum):
    """How serious a diagnostic is. Only ``error`` fails a run by default (as Vale and markdownlint do)."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Applicability(str, Enum):
    """ruff's fix safety: a ``safe`` fix keeps the meaning; an ``unsafe`` one may change it."""

    SAFE = "safe"
    UNSAFE = "unsafe"


class Edit(BaseModel):
    """Replace ``[start_offset, end_offset)`` of the pad's normalised text with ``content``."""

    model_config = ConfigDict(frozen=True)

    start_offset: int = Field(ge=0)
    end_offset: int = Field(ge=0)
    content: str


class Fix(BaseModel):
    """A set of non-overlapping edits that resolve one diagnostic."""

    model_config = ConfigDict(frozen=True)

    message: str = Field(description="What the fix does, in plain words")
    applicability: Applicability = Applicability.SAFE
    edits: list[Edit]


class Diagnostic(BaseModel):
    """One finding of one rule at one place.

    ``message`` says what is wrong and why it matters; ``help`` how to fix it.
    """

    code: str = Field(description="Stable rule code, e.g. LIC002")
    name: str = Field(description="Rule name, e.g. licence-placeholder")
    severity: Severity
    message: str
    help: str | None = None
    path: str | None = None
    span: Span
    fix: Fix | None = None
    url: str | None = Field(default=None, description="Where the rule is documented")

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path or "", self.span.start_offset, self.span.end_offset, self.code)
