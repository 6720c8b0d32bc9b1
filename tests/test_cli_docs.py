"""Rule documentation: `pad-lint rule`, `pad-lint rules --output-format json`, docs/rules.md in sync."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pad_lint.cli import main
from pad_lint.report.ruledoc import rules_markdown
from pad_lint.rules.registry import all_rules

DOCS = Path(__file__).resolve().parents[1] / "docs" / "rules.md"


def test_docs_rules_md_is_up_to_date():
    assert DOCS.read_text(encoding="utf-8") == rules_markdown(), \
        "docs/rules.md is out of date: run `python -m pad_lint generate-docs`"


def test_every_rule_url_anchor_exists_in_docs():
    text = DOCS.read_text(encoding="utf-8")
    for r in all_rules():
        anchor = r.url.rsplit("#", 1)[1]
        assert f"### {r.code} {r.name}" in text
        assert f"(#{anchor})" in text


def test_generate_docs_check(tmp_path, capsys):
    target = tmp_path / "rules.md"
    assert main(["generate-docs", "--output", str(target), "--check"]) == 1
    assert main(["generate-docs", "--output", str(target)]) == 0
    assert main(["generate-docs", "--output", str(target), "--check"]) == 0
    target.write_text(target.read_text() + "edited\n")
    assert main(["generate-docs", "--output", str(target), "--check"]) == 1
    assert "out of date" in capsys.readouterr().err


@pytest.mark.parametrize("query", ["NOQA002", "noqa002", "unused-directive"])
def test_rule_explains_by_code_or_name(capsys, query):
    assert main(["rule", query]) == 0
    out = capsys.readouterr().out
    assert out.startswith("NOQA002 unused-directive\n")
    for part in ("Default severity: warning", "Fix: available", "How to fix", "Source: ruff RUF100",
                 "Example:", "Documentation: https://"):
        assert part in out


def test_rule_with_options_lists_them(capsys):
    with_opts = [r for r in all_rules() if r.options]
    if not with_opts:
        pytest.skip("no registered rule declares options yet")
    r = with_opts[0]
    assert main(["rule", r.code]) == 0
    out = capsys.readouterr().out
    assert "Options:" in out
    data_rule = json.loads((main(["rule", r.code, "--output-format", "json"]), capsys.readouterr().out)[1])
    assert data_rule["options"] and all("default" in o and "key" in o for o in data_rule["options"])


def test_rule_unknown_or_ambiguous_exit_2(capsys):
    assert main(["rule", "NOPE42"]) == 2
    assert "unknown rule 'NOPE42'" in capsys.readouterr().err
    assert main(["rule", "NOQA"]) == 2
    assert "matches 2 rules" in capsys.readouterr().err
    assert main(["rule"]) == 2


def test_rule_all(capsys):
    assert main(["rule", "--all"]) == 0
    out = capsys.readouterr().out
    assert all(f"{r.code} {r.name}\n" in out for r in all_rules())


def test_rules_json_has_every_field(capsys):
    assert main(["rules", "--output-format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["code"] for d in data] == [r.code for r in all_rules()]
    for d in data:
        assert {"code", "name", "family", "severity", "summary", "explanation", "source", "fixable",
                "options", "example", "url", "default_enabled"} <= set(d)
        assert d["severity"] in ("error", "warning", "info")
