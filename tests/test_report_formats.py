"""Every --output-format, validated against its schema where one exists."""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from pad_lint.cli import main

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE / "fixtures" / "cli"))
import fake_rules  # noqa: E402
from conftest import validate_against  # noqa: E402

SARIF_SCHEMA = json.loads((HERE / "vendor" / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
PAD = "# Titre\n\nTODO: préparer la salle, teh café.\n\nNOTE 🎉 TODO\n"


@pytest.fixture
def pad(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes").mkdir()
    p = tmp_path / "notes" / "pad.md"
    p.write_text(PAD, encoding="utf-8")
    with fake_rules.registered():
        yield "notes/pad.md"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", "--no-cache", "--isolated", "--select", "PAD9", *args])
    out, err = capsys.readouterr()
    return code, out, err


def validate_sarif(log: dict) -> None:
    jsonschema.Draft4Validator.check_schema(SARIF_SCHEMA)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)


def test_json_validates_against_report_schema(pad, capsys):
    code, out, _ = run(capsys, pad, "--output-format", "json")
    data = json.loads(out)
    validate_against("report", data)
    assert [(d["code"], d["location"]["line"], d["location"]["column"]) for d in data] == [
        ("PAD901", 3, 1), ("PAD902", 3, 26), ("PAD903", 5, 1), ("PAD901", 5, 8)]
    assert data[0]["fix"]["edits"][0] == {"content": "À FAIRE", "location": {"line": 3, "column": 1},
                                           "end_location": {"line": 3, "column": 5},
                                           "start_offset": 9, "end_offset": 13}
    assert data[1]["fix"]["applicability"] == "unsafe"
    assert code == 1


def test_json_lines(pad, capsys):
    _, out, _ = run(capsys, pad, "--output-format", "json-lines")
    lines = out.splitlines()
    assert len(lines) == 4
    for line in lines:
        validate_against("report", [json.loads(line)])


def test_concise(pad, capsys):
    _, out, _ = run(capsys, pad, "--output-format", "concise")
    assert out.splitlines()[0] == "notes/pad.md:3:1: PAD901 [error] a TODO is left in the pad"
    assert out.splitlines()[-3:] == ["Found 4 findings (2 errors, 1 warning, 1 info) in 1 pad.",
                                     "2 can be fixed automatically with `pad-lint check --fix`.",
                                     "1 more can be fixed with `--fix --unsafe-fixes` (check the result)."]


def test_full_has_source_line_and_caret_without_colour(pad, capsys, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    _, out, _ = run(capsys, pad, "--output-format", "full")
    assert "\x1b[" not in out  # not a terminal: no colour
    lines = out.splitlines()
    i = lines.index("notes/pad.md:5:8: PAD901 [error] a TODO is left in the pad [*]")
    assert lines[i + 2] == "5 | NOTE 🎉 TODO"
    assert lines[i + 3] == "  | " + " " * 8 + "^^^^"  # the emoji is two cells wide
    assert lines[i + 4] == "  = help: write what remains to do, in words"


def test_full_colour_forced_and_no_color(pad, capsys, monkeypatch):
    _, out, _ = run(capsys, pad, "--output-format", "full", "--color", "always")
    assert "\x1b[" in out
    monkeypatch.setenv("NO_COLOR", "1")
    _, out, _ = run(capsys, pad, "--output-format", "full")
    assert "\x1b[" not in out


def test_use_color_decision(monkeypatch):
    import argparse
    import io

    from pad_lint.cli import _use_color

    class Tty(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert _use_color(argparse.Namespace(color="auto"), Tty()) is True
    assert _use_color(argparse.Namespace(color="auto"), io.StringIO()) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert _use_color(argparse.Namespace(color="auto"), Tty()) is False


def test_default_format_is_concise_when_not_a_terminal(pad, capsys):
    _, out, _ = run(capsys, pad)
    assert out.splitlines()[0].startswith("notes/pad.md:3:1: PAD901 [error]")


def test_github_workflow_commands(pad, capsys):
    _, out, _ = run(capsys, pad, "--output-format", "github")
    lines = out.splitlines()
    assert lines[0] == ("::error file=notes/pad.md,line=3,col=1,endLine=3,endColumn=5,title=PAD901 test-todo"
                        "::a TODO is left in the pad%0Awrite what remains to do, in words")
    assert lines[1].startswith("::warning file=notes/pad.md,line=3,col=26,")
    assert lines[2].startswith("::notice ")
    pattern = re.compile(r"^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,"
                         r"title=[^:,]+::[^\r\n]*$")
    assert all(pattern.match(ln) for ln in lines)


def test_github_escaping():
    from pad_lint.report.github import escape_data, escape_property

    assert escape_data("50% a\nb\r") == "50%25 a%0Ab%0D"
    assert escape_property("a:b,c") == "a%3Ab%2Cc"


def test_gitlab_code_quality(pad, capsys):
    _, out, _ = run(capsys, pad, "--output-format", "gitlab")
    issues = json.loads(out)
    assert len(issues) == 4
    required = {"description", "check_name", "fingerprint", "severity", "location"}
    for issue in issues:
        assert required <= set(issue)
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["path"] == "notes/pad.md"
        assert set(issue["location"]["lines"]) == {"begin", "end"}
        assert re.fullmatch(r"[0-9a-f]{64}", issue["fingerprint"])
    assert len({i["fingerprint"] for i in issues}) == 4
    assert [i["severity"] for i in issues] == ["major", "minor", "info", "major"]


def test_gitlab_fingerprint_stable_when_lines_move(pad, capsys, tmp_path):
    _, out, _ = run(capsys, pad, "--output-format", "gitlab")
    first = {i["fingerprint"] for i in json.loads(out)}
    p = tmp_path / pad
    p.write_text("Intro.\n\n" + p.read_text(encoding="utf-8"), encoding="utf-8")
    _, out, _ = run(capsys, pad, "--output-format", "gitlab")
    assert {i["fingerprint"] for i in json.loads(out)} == first


def test_junit_xml(pad, tmp_path, capsys):
    clean = tmp_path / "clean.md"
    clean.write_text("# Propre\n", encoding="utf-8")
    _, out, _ = run(capsys, pad, "clean.md", "--output-format", "junit")
    root = ET.fromstring(out)
    assert root.tag == "testsuites" and root.get("tests") == "5" and root.get("failures") == "4"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["notes/pad.md", "clean.md"]
    cases = suites[0].findall("testcase")
    assert cases[0].get("name") == "PAD901 3:1"
    assert cases[0].find("failure").get("type") == "PAD901"
    assert suites[1].find("testcase").find("failure") is None


def test_sarif_validates_against_official_schema(pad, capsys):
    code, out, _ = run(capsys, pad, "--output-format", "sarif")
    log = json.loads(out)
    validate_sarif(log)
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    res = run_["results"]
    assert [r["ruleId"] for r in res] == ["PAD901", "PAD902", "PAD903", "PAD901"]
    assert rules[res[0]["ruleIndex"]]["id"] == "PAD901"
    assert [r["level"] for r in res] == ["error", "warning", "note", "error"]
    loc = res[0]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "notes/pad.md", "uriBaseId": "%SRCROOT%"}
    assert loc["region"] == {"startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": 5}
    assert res[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "À FAIRE"
    assert code == 1


def test_sarif_absolute_path_and_no_findings(tmp_path, capsys):
    p = tmp_path / "ok.md"
    p.write_text("# Bien\n")
    with fake_rules.registered():
        code, out, _ = run(capsys, str(p), "--output-format", "sarif")
    log = json.loads(out)
    validate_sarif(log)
    assert log["runs"][0]["results"] == [] and code == 0


def test_sarif_on_seed_pad_validates(shared_dir, capsys):
    """Acceptance: the seed pad's SARIF output validates against the official SARIF 2.1.0 schema."""
    seed = str(shared_dir / "corpus" / "forse-2022-06-21.md")
    code = main(["check", "--no-cache", "--isolated", seed, "--output-format", "sarif"])
    log = json.loads(capsys.readouterr().out)
    validate_sarif(log)
    assert code in (0, 1)
    assert log["runs"][0]["tool"]["driver"]["rules"]


def test_output_file(pad, tmp_path, capsys):
    code, out, _ = run(capsys, pad, "--output-format", "json", "-o", "report.json")
    assert out == ""
    validate_against("report", json.loads((tmp_path / "report.json").read_text(encoding="utf-8")))
    assert code == 1


def test_output_file_unwritable_exit_2(pad, capsys):
    code, _, err = run(capsys, pad, "-o", "no/such/dir/report.json")
    assert code == 2 and err.startswith("no/such/dir/report.json: cannot write the report")


def test_statistics(pad, capsys):
    code, out, _ = run(capsys, pad, "--statistics")
    assert out.splitlines() == ["2  PAD901  [*] test-todo", "1  PAD902  [*] test-teh", "1  PAD903      test-note"]
    assert code == 1
    _, out, _ = run(capsys, pad, "--statistics", "--output-format", "json")
    assert json.loads(out)[0] == {"code": "PAD901", "name": "test-todo", "count": 2, "fixable": 2}


def test_exit_zero(pad, capsys):
    code, out, _ = run(capsys, pad, "--exit-zero")
    assert code == 0 and "PAD901" in out


def test_exit_zero_keeps_2_for_input_errors(pad, capsys):
    code, _, _ = run(capsys, pad, "missing.md", "--exit-zero")
    assert code == 2


def test_quiet_drops_summary(pad, capsys):
    _, out, _ = run(capsys, pad, "--quiet", "--output-format", "concise")
    assert len(out.splitlines()) == 4 and "Found" not in out


def test_show_files_and_settings_exit_0(pad, capsys):
    assert main(["check", "--show-files", pad]) == 0
    assert capsys.readouterr().out == "notes/pad.md\n"
    assert main(["check", "--show-settings", "--isolated", pad]) == 0
    out = capsys.readouterr().out
    assert "Configuration file: (none: defaults)" in out
