"""Errors that stop pad-lint before any rule runs.

The CLI turns each into one line ``path[:line:col]: message`` and exit code 2.
"""

from __future__ import annotations


class PadLintError(Exception):
    """Base class: a usage, configuration or input problem (exit code 2)."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}" if where else self.message


class InputError(PadLintError):
    """A pad cannot be read or decoded (missing, unreadable, binary, not UTF-8)."""


class ConfigError(PadLintError):
    """The configuration is invalid (unknown key, rule or value)."""


class UsageError(PadLintError):
    """The command line is invalid."""
