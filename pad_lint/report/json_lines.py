"""``--output-format json-lines``: one finding per line, each the object described in
:mod:`pad_lint.report.model` (JSON Lines, https://jsonlines.org)."""

from __future__ import annotations

import json

from . import FileResult, Reporter


class JsonLinesReporter(Reporter):
    """One compact JSON object per finding per line."""

    def file(self, result: FileResult) -> None:
        for f in result.findings:
            self.out.write(json.dumps(f.model_dump(mode="json"), ensure_ascii=False) + "\n")
