"""PAD001–PAD005 on fixtures whose expected diagnostics are written inside them, and on real pads."""

from __future__ import annotations

from pathlib import Path

import pytest

import pad_lint
from pad_lint.config import Config, LinksOptions
from pad_lint.rules.registry import all_rules

from conftest import FIXTURES, expected_diagnostics

STRUCTURE = sorted((FIXTURES / "structure").glob("*.md"))


def pad_codes(text: str, **links) -> list[tuple[str, int, int]]:
    config = Config(select=["PAD"], links=LinksOptions(**links)) if links else Config(select=["PAD"])
    return sorted((d.code, d.span.start_line, d.span.start_column) for d in pad_lint.lint(text, config=config))


def test_every_structure_rule_is_registered_with_docs():
    rules = {r.code: r for r in all_rules() if r.code.startswith("PAD")}
    assert sorted(rules) == ["PAD001", "PAD002", "PAD003", "PAD004", "PAD005"]
    assert [rules[c].name for c in sorted(rules)] == ["unclosed-container", "unknown-container", "invalid-front-matter",
                                                      "heading-level-skip", "duplicate-heading-id"]
    for r in rules.values():
        assert r.summary and r.explanation and r.source and r.example


@pytest.mark.parametrize("path", STRUCTURE, ids=lambda p: p.name)
def test_structure_fixture(path: Path):
    text = path.read_text(encoding="utf-8")
    assert pad_codes(text) == expected_diagnostics(text)


def test_clean_fixture_really_is_clean():
    assert expected_diagnostics((FIXTURES / "structure" / "clean.md").read_text(encoding="utf-8")) == []


def test_duplicate_ids_follow_the_configured_dialect():
    text = "## Q&A\n## Q & A\n## Notes\n## notes\n"
    # keep-case: "QampA" vs "Q-amp-A", "Notes" vs "notes": all distinct
    assert pad_codes(text) == []
    # GitHub lower-cases and drops punctuation: "qa" / "q--a", "notes" twice
    assert pad_codes(text, dialect="github") == [("PAD005", 4, 1)]
    assert pad_codes(text, dialect="hedgedoc1-lower-case") == [("PAD005", 4, 1)]


def test_messages_name_the_problem():
    diags = pad_lint.lint("---\nlangs: fr\n---\n\n:::info\nx\n", config=Config(select=["PAD"]))
    by_code = {d.code: d for d in diags}
    assert "`langs`" in by_code["PAD003"].message and "`lang`" in by_code["PAD003"].help
    assert "never closed" in by_code["PAD001"].message


def test_real_pad_with_misspelt_yaml_key(shared_dir):
    text = (shared_dir / "corpus" / "real" / "infosansordi-rencontre-2022-11.md").read_text(encoding="utf-8")
    diags = [d for d in pad_lint.lint(text, config=Config(select=["PAD003"]))]
    assert [(d.span.start_line, d.message) for d in diags] == [
        (3, "unknown front-matter key `langs`: HedgeDoc ignores it")]


def test_seed_structure(shared_dir):
    text = (shared_dir / "corpus" / "forse-2022-06-21.md").read_text(encoding="utf-8")
    # the seed opens with the h6 tags line and has a clean outline: nothing to report
    assert pad_codes(text) == []
