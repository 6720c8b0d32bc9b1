"""``--output-format concise``: one line per finding, ``path:line:col: CODE [severity] message``.

The shape of ruff's concise output and of compilers' messages, which editors
and CI log viewers turn into links.
"""

from __future__ import annotations

from . import FileResult, Reporter


def format_line(f) -> str:  # noqa: ANN001 - ReportDiagnostic
    """``path:line:col: CODE [severity] message``."""
    return f"{f.path}:{f.location.line}:{f.location.column}: {f.code} [{f.severity}] {f.message}"


class ConciseReporter(Reporter):
    """One line per finding, written as each file is done."""

    def file(self, result: FileResult) -> None:
        for f in result.findings:
            self.out.write(format_line(f) + "\n")
