"""``--output-format github``: GitHub Actions workflow commands, so findings show as
annotations on the pull request's changed lines.

``::error file=notes/pad.md,line=3,col=1,endLine=3,endColumn=19,title=LIC002 licence-placeholder::message``
— ``error``, ``warning`` or ``notice`` (for ``info``). Values are escaped as the
runner expects (``%`` ``\\r`` ``\\n`` everywhere, plus ``:`` and ``,`` in
properties). Source: GitHub docs "Workflow commands for GitHub Actions"
(setting an error/warning/notice message) and actions/toolkit ``command.ts``.
"""

from __future__ import annotations

from . import FileResult, Reporter

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    """Escape a command's message (``%``, CR, LF)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a command property (also ``:`` and ``,``)."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    """One workflow command per finding."""

    def file(self, result: FileResult) -> None:
        for f in result.findings:
            props = {
                "file": f.path, "line": f.location.line, "col": f.location.column,
                "endLine": f.end_location.line, "endColumn": f.end_location.column,
                "title": f"{f.code} {f.name}",
            }
            prop_text = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
            msg = f.message + (f"\n{f.help}" if f.help else "")
            self.out.write(f"::{LEVEL[f.severity]} {prop_text}::{escape_data(msg)}\n")
