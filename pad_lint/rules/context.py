"""What a rule receives: the pad parsed once, its event document and the configuration."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ..config import Config
from ..markdown.view import PadView
from ..source import Pad

if TYPE_CHECKING:
    from ..event.models import EventDocument


@dataclass
class LintContext:
    """Shared, read-only inputs of every rule for one pad.

    ``view`` and ``document`` are computed once; rules must not re-parse.
    ``cache`` lets rule families share intermediate results (e.g. detected
    inclusive forms) between the rules of the family.
    """

    pad: Pad
    view: PadView
    config: Config
    cache: dict[str, Any] = field(default_factory=dict)

    @property
    def path(self) -> str | None:
        return self.pad.path

    @property
    def text(self) -> str:
        return self.pad.text

    @cached_property
    def document(self) -> "EventDocument":
        """The pad's event document, read lazily: each group of fields is
        extracted when a rule first reads it (:class:`~pad_lint.event.extract.LazyEventDocument`)."""
        from ..event.extract import LazyEventDocument

        return LazyEventDocument(self.view, self.config)  # type: ignore[return-value]

    def span(self, start: int, end: int):  # noqa: ANN201 - Span
        return self.pad.index.span(start, end)
