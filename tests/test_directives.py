"""Inline directives: disable, enable, disable-next-line, disable-line, disable-file,
reasons, and the NOQA001 (unknown) / NOQA002 (unused) findings."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import pad_lint
from pad_lint.config import Config

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "cli"))
import fake_rules  # noqa: E402



@pytest.fixture(autouse=True)
def fake():
    global CFG
    with fake_rules.registered():
        CFG = Config(select=["PAD901", "NOQA"])
        yield


CFG: Config

def found(text: str, config: Config | None = None) -> list[tuple[str, int]]:
    return [(d.code, d.span.start_line) for d in pad_lint.lint(text, config=config or CFG)]


def test_disable_next_line_silences_exactly_one_finding():
    text = "TODO\n<!-- pad-lint disable-next-line PAD901 -- known -->\nTODO TODO\nTODO\n"
    assert found(text) == [("PAD901", 1), ("PAD901", 4)]


def test_disable_next_line_skips_blank_lines():
    text = "<!-- pad-lint disable-next-line test-todo -->\n\nTODO\nTODO\n"
    assert found(text) == [("PAD901", 4)]


def test_disable_next_line_other_rule_does_not_silence():
    text = "<!-- pad-lint disable-next-line PAD903 -->\nTODO\n"
    assert found(text, Config(select=["PAD901", "PAD903", "NOQA"])) == [("NOQA002", 1), ("PAD901", 2)]


def test_disable_line_trailing_comment():
    text = "TODO <!-- pad-lint disable-line PAD901 -->\nTODO\n"
    assert found(text) == [("PAD901", 2)]


def test_disable_enable_range_by_family_and_name():
    text = "TODO\n<!-- pad-lint disable PAD -- quoted minutes -->\nTODO\n<!-- pad-lint enable test-todo -->\nTODO\n"
    assert found(text) == [("PAD901", 1), ("PAD901", 5)]


def test_disable_without_rules_then_enable_all():
    text = "<!-- pad-lint disable -->\nTODO\n<!-- pad-lint enable -->\nTODO\n"
    assert found(text) == [("PAD901", 4)]


def test_disable_until_end_of_pad():
    assert found("TODO\n<!-- pad-lint disable PAD901 -->\nTODO\n\nTODO\n") == [("PAD901", 1)]


def test_disable_file_anywhere():
    text = "TODO\n\nTODO\n<!-- pad-lint disable-file PAD901 -- generated -->\n"
    assert found(text) == []


def test_multiline_comment_and_commas():
    text = "<!--\npad-lint disable-next-line PAD901, PAD903\n-->\nTODO NOTE\n"
    assert found(text, Config(select=["PAD901", "PAD903", "NOQA"])) == []


def test_directive_inside_code_block_is_ignored():
    text = "```\n<!-- pad-lint disable-file -->\n```\nTODO\n"
    assert found(text) == [("PAD901", 4)]


def test_unknown_action_is_reported():
    ds = pad_lint.lint("<!-- pad-lint disabel PAD901 -->\nTODO\n", config=CFG)
    assert [(d.code, d.span.start_line) for d in ds] == [("NOQA001", 1), ("PAD901", 2)]
    assert "Unknown directive `disabel`" in ds[0].message


def test_unknown_rule_is_reported_at_the_word():
    ds = pad_lint.lint("<!-- pad-lint disable-next-line PAD901 IMG9999 -->\nTODO\n", config=CFG)
    assert [(d.code, d.span.start_line, d.span.start_column) for d in ds] == [("NOQA001", 1, 40)]
    assert "IMG9999" in ds[0].message


def test_unused_directive_is_reported_and_fixed():
    text = "# T\n\n<!-- pad-lint disable-next-line PAD901 -- old -->\nAll good.\n"
    ds = pad_lint.lint(text, config=CFG)
    assert [(d.code, d.span.start_line) for d in ds] == [("NOQA002", 3)]
    assert pad_lint.fix(text, CFG) == "# T\n\nAll good.\n"


def test_partly_unused_directive_keeps_the_used_rule():
    cfg = Config(select=["PAD901", "PAD903", "NOQA"])
    text = "<!-- pad-lint disable-next-line PAD901 PAD903 -- why -->\nTODO\n"
    ds = pad_lint.lint(text, config=cfg)
    assert [(d.code, d.message) for d in ds] == [("NOQA002", "PAD903 found nothing to silence here: a stale rule in a directive would hide a future real problem")]
    assert pad_lint.fix(text, cfg) == "<!-- pad-lint disable-next-line PAD901 -- why -->\nTODO\n"


def test_unused_enable_is_reported():
    assert found("Text\n<!-- pad-lint enable PAD901 -->\n") == [("NOQA002", 2)]


def test_directive_for_a_rule_that_did_not_run_is_not_unused():
    text = "<!-- pad-lint disable-next-line PAD903 -->\nText\n"
    assert found(text) == []  # PAD903 is not selected


def test_directive_findings_follow_selection():
    text = "<!-- pad-lint disabel -->\n<!-- pad-lint disable-next-line PAD901 -->\nok\n"
    assert found(text, Config(select=["PAD901"])) == []
    assert found(text, Config(select=["PAD901", "unknown-directive"])) == [("NOQA001", 1)]


def test_directive_findings_can_be_silenced():
    text = "<!-- pad-lint disable-file NOQA002 -->\n<!-- pad-lint disable-next-line PAD901 -->\nok\n"
    assert found(text) == []


def test_seed_pad_disable_next_line_silences_one(shared_dir):
    """Acceptance: on the seed pad, a disable-next-line before a finding's line removes exactly that finding."""
    text = (shared_dir / "corpus" / "forse-2022-06-21.md").read_text(encoding="utf-8")
    fake_rules.unregister()
    before = pad_lint.lint(text, path="forse.md")
    by_line: dict[int, int] = {}
    for d in before:
        by_line[d.span.start_line] = by_line.get(d.span.start_line, 0) + 1
    candidates = [d for d in before if d.span.start_line > 1 and by_line[d.span.start_line] == 1
                  and d.span.start_line - 1 not in by_line and d.code != "NOQA002"]
    if not candidates:
        pytest.skip("no rule family reports a lone finding on a line of the seed pad yet")
    target = candidates[0]
    line = target.span.start_line
    lines = text.split("\n")
    lines.insert(line - 1, f"<!-- pad-lint disable-next-line {target.code} -- test -->")
    after = pad_lint.lint("\n".join(lines), path="forse.md")
    key_before = sorted((d.code, d.span.start_line, d.span.start_column) for d in before if d is not target)
    key_after = sorted((d.code, d.span.start_line - (1 if d.span.start_line > line else 0), d.span.start_column)
                       for d in after)
    assert key_after == key_before


def test_severity_override_applies_to_directive_findings():
    ds = pad_lint.lint("<!-- pad-lint disabel -->\n", config=Config(select=["NOQA"], severity={"NOQA": "error"}))
    assert [(d.code, d.severity.value) for d in ds] == [("NOQA001", "error")]
