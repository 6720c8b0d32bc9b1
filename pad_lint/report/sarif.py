"""``--output-format sarif``: SARIF 2.1.0 (OASIS), for GitHub code scanning and other viewers.

One run; ``tool.driver.rules`` lists every registered rule (id = code, name,
short and full description, help URI, default level); each result has
``ruleId``/``ruleIndex``, ``level`` (error/warning/note), the message, a
physical location (URI relative to the current folder, region with 1-based
lines and columns) and the rule's fix as ``fixes[].artifactChanges``.
Columns count Unicode code points, declared with ``columnKind:
"unicodeCodePoints"``. Validated in the tests against the official SARIF 2.1.0
JSON Schema (``tests/vendor/sarif/``). Source: SARIF v2.1.0 OASIS Standard
§3.13 (run), §3.19 (toolComponent), §3.27 (result), §3.30 (region), §3.55 (fix).
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

from . import FileResult, Reporter, Summary

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> tuple[str, str | None]:
    """``(uri, uriBaseId)``: a relative path against ``%SRCROOT%``, a URL as is, or a ``file://`` URI."""
    if path.startswith(("http://", "https://")):
        return path, None
    p = Path(path)
    if p.is_absolute():
        return p.as_uri(), None
    from urllib.parse import quote

    return quote(PurePosixPath(*p.parts).as_posix()), "%SRCROOT%"


class SarifReporter(Reporter):
    """Collects results (findings only) and writes one SARIF log at the end."""

    def start(self) -> None:
        from ..rules.registry import all_rules

        self.rules = all_rules()
        self.rule_index = {r.code: i for i, r in enumerate(self.rules)}
        self.results: list[dict] = []
        self.artifacts: list[dict] = []

    def file(self, result: FileResult) -> None:
        uri, base = artifact_uri(result.path)
        loc: dict = {"uri": uri}
        if base:
            loc["uriBaseId"] = base
        self.artifacts.append({"location": dict(loc)})
        for f in result.findings:
            region = {"startLine": f.location.line, "startColumn": f.location.column,
                      "endLine": f.end_location.line, "endColumn": f.end_location.column}
            res: dict = {
                "ruleId": f.code,
                "level": LEVEL[f.severity],
                "message": {"text": f.message + (f" {f.help}" if f.help else "")},
                "locations": [{"physicalLocation": {"artifactLocation": dict(loc), "region": region}}],
            }
            if f.code in self.rule_index:
                res["ruleIndex"] = self.rule_index[f.code]
            if f.fix is not None and f.fix.edits:
                res["fixes"] = [{
                    "description": {"text": f.fix.message},
                    "artifactChanges": [{
                        "artifactLocation": dict(loc),
                        "replacements": [{
                            "deletedRegion": {"startLine": e.location.line, "startColumn": e.location.column,
                                              "endLine": e.end_location.line, "endColumn": e.end_location.column},
                            "insertedContent": {"text": e.content},
                        } for e in f.fix.edits],
                    }],
                }]
                res["properties"] = {"fixApplicability": f.fix.applicability}
            self.results.append(res)

    def finish(self, summary: Summary) -> None:
        driver = {
            "name": "pad-lint",
            "version": self.options.tool_version or "0",
            "informationUri": "https://github.com/pad-lint/pad-lint",
            "rules": [{
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": r.explanation or r.summary},
                "helpUri": r.url,
                "help": {"text": r.explanation or r.summary},
                "defaultConfiguration": {"level": LEVEL[r.severity.value], "enabled": r.default_enabled},
                "properties": {"family": r.family, "fixable": r.fixable, "tags": [r.family]},
            } for r in self.rules],
        }
        run: dict = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": self.results}
        if any(a["location"].get("uriBaseId") for a in self.artifacts):
            run["originalUriBaseIds"] = {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}}
        log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
        self.out.write(json.dumps(log, indent=2, ensure_ascii=False) + "\n")
