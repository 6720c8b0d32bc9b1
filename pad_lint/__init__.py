"""pad-lint: validate and lint HedgeDoc event-note pads.

Library API (the CLI is a thin wrapper around it)::

    import pad_lint
    doc = pad_lint.parse(text, path="notes.md")      # -> EventDocument
    diagnostics = pad_lint.lint(text, path="notes.md")  # -> list[Diagnostic]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .config import Config
    from .diagnostics import Diagnostic
    from .event.models import EventDocument

__all__ = ["__version__", "parse", "lint", "fix", "Config", "Diagnostic", "EventDocument"]


def parse(text: str, *, path: str | None = None, dialect: str | None = None,
          config: "Config | None" = None) -> "EventDocument":
    """Parse a pad's Markdown into an :class:`~pad_lint.event.models.EventDocument`.

    Args:
        text: the pad's Markdown (any line endings; a leading BOM is ignored).
        path: shown in the document's ``source.path``; not read.
        dialect: heading-id dialect for session ids (default: the configuration's,
            ``hedgedoc1-keep-case``).
        config: a :class:`~pad_lint.config.Config`; default settings when omitted.

    Raises:
        ValueError: unknown ``dialect``.
    """
    from .config import Config, LinksOptions
    from .event.extract import build_document
    from .markdown.view import build_view
    from .source import Pad

    config = config or Config()
    if dialect is not None:
        config = config.model_copy(update={"links": LinksOptions.model_validate({**config.links.model_dump(), "dialect": dialect})})
    return build_document(build_view(Pad.from_text(text, path=path)), config)


def lint(text: str, path: str | None = None, config: "Config | None" = None) -> "list[Diagnostic]":
    """Lint a pad's Markdown; returns diagnostics sorted by position.

    ``path`` is used for ``per-file-ignores`` and shown in diagnostics; the
    file is not read. Without ``config`` the defaults apply (no discovery).
    """
    from .linter import lint_pad
    from .source import Pad

    return lint_pad(Pad.from_text(text, path=path), config)


def fix(text: str, config: "Config | None" = None, unsafe: bool = False, *, path: str | None = None) -> str:
    """Return ``text`` with every applicable fix applied (lint and fix until stable).

    Safe fixes only unless ``unsafe``. Line endings and a leading BOM are kept;
    running it on its own output returns the same text. ``path`` is used for
    ``per-file-ignores`` only.
    """
    from .fixes import fix_text

    return fix_text(text, config, unsafe=unsafe, path=path)


def __getattr__(name: str):  # lazy re-exports keep `import pad_lint` fast
    if name == "Config":
        from .config import Config
        return Config
    if name == "Diagnostic":
        from .diagnostics import Diagnostic
        return Diagnostic
    if name == "EventDocument":
        from .event.models import EventDocument
        return EventDocument
    raise AttributeError(name)
