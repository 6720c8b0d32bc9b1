"""``--output-format json``: the report of :mod:`pad_lint.report.model` (a JSON list of findings).

Streamed: the list is opened before the first file and each finding is written
when its file is done, so memory stays flat on large runs.
"""

from __future__ import annotations

import json

from . import FileResult, Reporter, Summary


class JsonReporter(Reporter):
    """A JSON list of findings (``schemas/report.schema.json``), indented for reading."""

    def start(self) -> None:
        self._first = True
        self.out.write("[")

    def file(self, result: FileResult) -> None:
        for f in result.findings:
            text = json.dumps(f.model_dump(mode="json"), ensure_ascii=False, indent=2)
            self.out.write(("\n" if self._first else ",\n") + "\n".join("  " + ln for ln in text.split("\n")))
            self._first = False

    def finish(self, summary: Summary) -> None:
        self.out.write("]\n" if self._first else "\n]\n")
