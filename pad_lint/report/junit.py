"""``--output-format junit``: JUnit XML, which CI servers (GitLab, Jenkins, Azure) show as tests.

One ``<testsuite>`` per pad (``name`` = path); one failing ``<testcase>`` per finding
(``name`` = ``CODE line:col``, ``classname`` = path, ``<failure message= type=CODE>``
holding ``path:line:col: message``); a clean pad gets one passing test case, so it is
counted. Source: ruff's junit output (``crates/ruff_linter/src/message/junit.rs``)
and the de-facto JUnit XML schema used by Jenkins and GitLab.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from . import FileResult, Reporter, Summary


class JunitReporter(Reporter):
    """Collects per-pad suites (findings only) and writes the XML document at the end."""

    def start(self) -> None:
        self.root = ET.Element("testsuites", name="pad-lint")
        self.total = 0
        self.failures = 0

    def file(self, result: FileResult) -> None:
        suite = ET.SubElement(self.root, "testsuite", name=result.path)
        if not result.findings:
            ET.SubElement(suite, "testcase", name="pad-lint", classname=result.path)
        for f in result.findings:
            case = ET.SubElement(suite, "testcase", name=f"{f.code} {f.location.line}:{f.location.column}",
                                 classname=result.path, file=result.path, line=str(f.location.line))
            failure = ET.SubElement(case, "failure", message=f.message, type=f.code)
            failure.text = (f"{f.path}:{f.location.line}:{f.location.column}: {f.code} [{f.severity}] {f.message}"
                            + (f"\nhelp: {f.help}" if f.help else ""))
        n = max(1, len(result.findings))
        suite.set("tests", str(n))
        suite.set("failures", str(len(result.findings)))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        self.total += n
        self.failures += len(result.findings)

    def finish(self, summary: Summary) -> None:
        self.root.set("tests", str(self.total))
        self.root.set("failures", str(self.failures))
        self.root.set("errors", "0")
        ET.indent(self.root)
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.out.write(ET.tostring(self.root, encoding="unicode") + "\n")
