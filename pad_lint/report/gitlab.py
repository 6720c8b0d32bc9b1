"""``--output-format gitlab``: a GitLab Code Quality report (``artifacts: reports: codequality``).

A JSON list of issues, the subset of the Code Climate spec that GitLab reads::

    [{"description": "LIC002: …", "check_name": "LIC002", "fingerprint": "<sha256 hex>",
      "severity": "info" | "minor" | "major" | "critical" | "blocker",
      "location": {"path": "notes/pad.md", "lines": {"begin": 3, "end": 3}}}]

Severity: error -> major, warning -> minor, info -> info. The fingerprint is stable
when lines move: SHA-256 of path, code, message and the occurrence number of that
(path, code, message) in the file, as ruff computes it. Source: GitLab docs "Code
Quality" ("Code Quality report format"); codeclimate/platform ``spec/analyzers/SPEC.md``.
The paths must be relative to the repository root for GitLab to place them.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter

from . import FileResult, Reporter, Summary

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


class GitlabReporter(Reporter):
    """Collects issues (findings only) and writes the JSON list at the end."""

    def start(self) -> None:
        self.issues: list[dict] = []

    def file(self, result: FileResult) -> None:
        seen: Counter[tuple[str, str]] = Counter()
        for f in result.findings:
            seen[(f.code, f.message)] += 1
            raw = "\0".join([f.path, f.code, f.message, str(seen[(f.code, f.message)])])
            self.issues.append({
                "description": f"{f.code}: {f.message}",
                "check_name": f.code,
                "fingerprint": hashlib.sha256(raw.encode()).hexdigest(),
                "severity": SEVERITY[f.severity],
                "location": {"path": f.path.replace("\\", "/"),
                             "lines": {"begin": f.location.line, "end": f.end_location.line}},
            })

    def finish(self, summary: Summary) -> None:
        self.out.write(json.dumps(self.issues, indent=2, ensure_ascii=False) + "\n")
