"""The machine-readable report: what ``pad-lint check --output-format json`` prints.

Shape (documented in ``schemas/report.schema.json``, generated from
:data:`REPORT_MODEL`): a JSON **list** of findings, one object per diagnostic,
in a stable order (by file as given on the command line, then by position) —
the same top-level shape as ruff's ``--output-format json``, so tools that
consume a list of findings work unchanged. An empty list means no findings.

Each finding::

    {"code": "LIC002", "name": "licence-placeholder", "severity": "error",
     "message": "…", "help": "…" | null, "path": "notes/pad.md",
     "location": {"line": 3, "column": 1}, "end_location": {"line": 3, "column": 19},
     "span": {start_line, start_column, end_line, end_column, start_offset, end_offset},
     "fix": null | {"message": "…", "applicability": "safe" | "unsafe",
                    "edits": [{"content": "…", "location": {…}, "end_location": {…},
                               "start_offset": 10, "end_offset": 20}]},
     "url": "https://…/docs/rules.md#lic002-licence-placeholder"}

Lines and columns are 1-based, columns count Unicode code points; offsets are
0-based code points into the pad's text with line breaks normalised to ``\\n``.
``json-lines`` prints the same objects, one per line.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from ..diagnostics import Diagnostic
from ..spans import LineIndex, Span


class Location(BaseModel):
    """A 1-based line and column (Unicode code points)."""

    model_config = ConfigDict(extra="forbid")

    line: int = Field(ge=1)
    column: int = Field(ge=1)


class ReportEdit(BaseModel):
    """Replace the text between ``location`` and ``end_location`` with ``content``."""

    model_config = ConfigDict(extra="forbid")

    content: str
    location: Location
    end_location: Location
    start_offset: int = Field(ge=0)
    end_offset: int = Field(ge=0)


class ReportFix(BaseModel):
    """A fix a rule offers; ``safe`` fixes are applied by ``--fix``, ``unsafe`` ones need ``--unsafe-fixes``."""

    model_config = ConfigDict(extra="forbid")

    message: str
    applicability: Literal["safe", "unsafe"]
    edits: list[ReportEdit]


class ReportDiagnostic(BaseModel):
    """One finding in the JSON report."""

    model_config = ConfigDict(extra="forbid", title="Finding")

    code: str = Field(description="Stable rule code, e.g. LIC002")
    name: str = Field(description="Rule name, e.g. licence-placeholder")
    severity: Literal["error", "warning", "info"]
    message: str = Field(description="What is wrong and why it matters")
    help: str | None = Field(None, description="How to fix it")
    path: str = Field(description="The pad as named on the command line, 'stdin', or the URL fetched")
    location: Location = Field(description="Start of the finding")
    end_location: Location = Field(description="Just after the end of the finding")
    span: Span
    fix: ReportFix | None = None
    url: str | None = Field(None, description="Where the rule is documented")

    @classmethod
    def from_diagnostic(cls, diag: Diagnostic, index: LineIndex | None = None) -> "ReportDiagnostic":
        """Convert an engine :class:`~pad_lint.diagnostics.Diagnostic`.

        ``index`` (the pad's line index) gives edit positions; without it an
        edit's location is the diagnostic's own span.
        """
        s = diag.span
        fix = None
        if diag.fix is not None:
            edits = []
            for e in diag.fix.edits:
                if index is not None:
                    es = index.span(e.start_offset, e.end_offset)
                    loc, end = Location(line=es.start_line, column=es.start_column), Location(line=es.end_line, column=es.end_column)
                else:
                    loc, end = Location(line=s.start_line, column=s.start_column), Location(line=s.end_line, column=s.end_column)
                edits.append(ReportEdit(content=e.content, location=loc, end_location=end,
                                        start_offset=e.start_offset, end_offset=e.end_offset))
            fix = ReportFix(message=diag.fix.message, applicability=diag.fix.applicability.value, edits=edits)
        return cls(code=diag.code, name=diag.name, severity=diag.severity.value, message=diag.message,
                   help=diag.help, path=diag.path or "stdin",
                   location=Location(line=s.start_line, column=s.start_column),
                   end_location=Location(line=s.end_line, column=s.end_column),
                   span=s, fix=fix, url=diag.url)


#: The whole report (``--output-format json``): a list of findings.
Report = list[ReportDiagnostic]

#: TypeAdapter the schema generator uses: ``REPORT_MODEL.json_schema()``.
REPORT_MODEL: TypeAdapter[list[ReportDiagnostic]] = TypeAdapter(Report)

__all__ = ["Location", "ReportEdit", "ReportFix", "ReportDiagnostic", "Report", "REPORT_MODEL"]
