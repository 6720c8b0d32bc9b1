"""Output formats of ``pad-lint check``: one module per format.

Every reporter receives the results file by file, in the order the files were
given (directories sorted by name), and writes as it goes where the format
allows it (``concise``, ``full``, ``json-lines``, ``github``, and ``json``
which streams its list); formats that are one document with totals
(``gitlab``, ``junit``, ``sarif``) keep the findings — never the pads — until
the end.

:data:`FORMATS` maps each ``--output-format`` name to its reporter class.
"""

from __future__ import annotations

import dataclasses
import importlib
import re
from dataclasses import dataclass, field
from typing import TextIO

from .model import ReportDiagnostic

#: ``--output-format`` name -> ``module:Class`` (imported on use).
FORMATS: dict[str, str] = {
    "full": "full:FullReporter",
    "concise": "concise:ConciseReporter",
    "json": "json:JsonReporter",
    "json-lines": "json_lines:JsonLinesReporter",
    "github": "github:GithubReporter",
    "gitlab": "gitlab:GitlabReporter",
    "junit": "junit:JunitReporter",
    "sarif": "sarif:SarifReporter",
}

#: Formats meant for people: the summary line and fix hints are printed with them.
HUMAN_FORMATS = frozenset({"full", "concise"})


@dataclass
class FileResult:
    """What linting one pad produced.

    ``findings`` are sorted by position. ``lines`` holds the source lines that
    findings point at (1-based line -> text), for formats that quote them.
    ``error`` is a one-line input problem (the file could not be read), in
    which case there are no findings. ``fixed`` counts fixes applied.
    """

    path: str
    findings: list[ReportDiagnostic] = field(default_factory=list)
    lines: dict[int, str] = field(default_factory=dict)
    error: str | None = None
    fixed: int = 0
    diff: str | None = None
    fixed_text: str | None = None
    cached: bool = False


@dataclass
class Summary:
    """Totals at the end of a run."""

    files: int = 0
    findings: int = 0
    by_severity: dict[str, int] = field(default_factory=dict)
    fixed: int = 0
    fixable: int = 0
    unsafe_fixable: int = 0
    input_errors: int = 0


@dataclass
class ReportOptions:
    """Presentation choices shared by the reporters.

    ``color``: emit ANSI colours (only on a terminal, never with ``NO_COLOR``).
    ``tool_version``: pad-lint's version, for formats that record it.
    """

    color: bool = False
    tool_version: str = ""
    show_fixes: bool = True


class Reporter:
    """Base reporter: override :meth:`file` and, for document formats, :meth:`finish`."""

    def __init__(self, out: TextIO, options: ReportOptions | None = None) -> None:
        self.out = out
        self.options = options or ReportOptions()

    def start(self) -> None:
        """Called once before the first file."""

    def file(self, result: FileResult) -> None:
        """Called once per pad, in a stable order."""

    def finish(self, summary: Summary) -> None:
        """Called once after the last file."""


def get_reporter(name: str, out: TextIO, options: ReportOptions | None = None) -> Reporter:
    """Instantiate the reporter for ``--output-format name``.

    Raises:
        KeyError: unknown format name.
    """
    module, cls = FORMATS[name].split(":")
    mod = importlib.import_module(f"{__name__}.{module}")
    reporter = getattr(mod, cls)(out, options)
    if name not in JSON_FORMATS:  # JSON escapes control characters itself
        write_file = reporter.file
        reporter.file = lambda result: write_file(printable_result(result))  # type: ignore[method-assign]
    return reporter


#: Formats whose encoder escapes every control character (``json.dumps``).
JSON_FORMATS = frozenset({"json", "json-lines", "gitlab", "sarif"})

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _picture(m: re.Match[str]) -> str:
    c = ord(m.group())
    return chr(0x2400 + c) if c < 0x20 else "\u2421" if c == 0x7f else "\ufffd"


def printable(text: str) -> str:
    """``text`` (pad content, a file name) safe to print on a terminal or in XML: C0/C1
    control characters other than tab and newline (ANSI escape sequences, bell, carriage
    return) become Unicode control pictures (``␛``), one character each, so columns and
    carets stay aligned."""
    return _CONTROL.sub(_picture, text) if _CONTROL.search(text) else text


def printable_result(result: FileResult) -> FileResult:
    """A copy of ``result`` whose paths, messages and quoted lines are :func:`printable`."""
    def clean(d: ReportDiagnostic) -> ReportDiagnostic:
        update = {k: printable(v) for k in ("message", "help", "path") if isinstance(v := getattr(d, k, None), str)
                  and _CONTROL.search(v)}
        return d.model_copy(update=update) if update else d

    return dataclasses.replace(result, path=printable(result.path), findings=[clean(f) for f in result.findings],
                               lines={k: printable(v) for k, v in result.lines.items()},
                               error=printable(result.error) if result.error else result.error)


__all__ = ["FORMATS", "HUMAN_FORMATS", "JSON_FORMATS", "FileResult", "Summary", "ReportOptions", "Reporter",
           "get_reporter", "printable", "printable_result"]
