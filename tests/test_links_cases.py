"""Every offline field case of shared/cases/links/, in every dialect its verdict names.

The expectations below transcribe each case's ``<!-- expected: … -->`` comment:
``(code, line)`` of every finding. Cases 15 and 17 are online and live in
tests/test_linkcheck_cases.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import strip_case_verdict
from pad_lint.config import Config, LinksOptions
from pad_lint.linter import lint_pad
from pad_lint.source import Pad

ALL = ("github", "hedgedoc1-keep-case", "hedgedoc1-lower-case", "hedgedoc1-gfm", "hedgedoc2")
HEDGEDOC1 = ("hedgedoc1-keep-case", "hedgedoc1-lower-case", "hedgedoc1-gfm")

#: case -> [(dialects, expected (code, line) findings)]
EXPECTED: dict[str, list[tuple[tuple[str, ...], list[tuple[str, int]]]]] = {
    "01-emoji-variation-selector.md": [
        # github: #-usage OK, #%EF%B8%8F-disclaimer OK (U+FE0F kept), #-disclaimer BROKEN
        (("github",), [("LNK003", 9)]),
        # keep-case ids "🚀-Usage", "⚠️-Disclaimer": all three BROKEN
        (("hedgedoc1-keep-case",), [("LNK003", 7), ("LNK003", 8), ("LNK003", 9)]),
    ],
    "03-heading-forms.md": [
        # Setext, closed ATX and quoted headings OK; indented code and "#NoSpace" BROKEN
        (("github",), [("LNK003", 21), ("LNK003", 22)]),
        (("hedgedoc1-keep-case",), [("LNK003", n) for n in range(17, 23)]),
    ],
    "05-html-anchor-targets.md": [
        # id OK, a[name] OK, exact-case span id OK; wrong case, missing, id inside code BROKEN
        (("github",), [("LNK003", 6), ("LNK003", 7), ("LNK003", 8)]),
        # HedgeDoc 1's sanitizer strips name=: #legacy-target BROKEN too
        (HEDGEDOC1, [("LNK003", 4), ("LNK003", 6), ("LNK003", 7), ("LNK003", 8)]),
    ],
    "07-code-and-comments-ignored.md": [
        # exactly one link: ./missing-real.md, missing next to the pad
        (ALL, [("LNK004", 20)]),
    ],
    "09-destinations-angle-brackets-spaces.md": [
        # a, b, e OK (file exists); c is not a link (syntax warning); d missing
        (ALL, [("LNK001", 3), ("LNK004", 4)]),
    ],
    "11-empty-links-and-top.md": [
        # ()/(<>)/href="" and (#) are empty-link findings; #top OK
        (("github",), [("LNK002", 3), ("LNK002", 4), ("LNK002", 5), ("LNK002", 8)]),
        (("hedgedoc1-keep-case",), [("LNK002", 3), ("LNK002", 4), ("LNK002", 5), ("LNK003", 7), ("LNK002", 8)]),
    ],
    "13-fragment-case-and-encoding.md": [
        (("github",), [("LNK003", 6), ("LNK003", 9)]),
        (("hedgedoc1-keep-case",), [("LNK003", 5), ("LNK003", 7), ("LNK003", 8)]),
    ],
}

PARAMS = [(case, dialect, expected) for case, rows in EXPECTED.items() for dialects, expected in rows
          for dialect in dialects]


def _materialise(shared: Path, case: str, tmp_path: Path) -> Path:
    """Write the case (verdict stripped) into ``tmp_path`` with the files its comment describes."""
    text, verdict = strip_case_verdict((shared / "cases" / "links" / case).read_text(encoding="utf-8"))
    assert verdict, f"{case} lost its expected comment"
    pad = tmp_path / case
    pad.write_text(text, encoding="utf-8")
    if case.startswith("09-"):
        # "the directory next to this pad contains assets/diagram one.png (with a space) and nothing else"
        (tmp_path / "assets").mkdir()
        (tmp_path / "assets" / "diagram one.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return pad


@pytest.mark.parametrize("case,dialect,expected", PARAMS, ids=[f"{c[:2]}-{d}" for c, d, _ in PARAMS])
def test_offline_case(shared_dir: Path, tmp_path: Path, case: str, dialect: str,
                      expected: list[tuple[str, int]]) -> None:
    pad = _materialise(shared_dir, case, tmp_path)
    cfg = Config(select=["LNK"], links=LinksOptions(dialect=dialect))
    got = [(d.code, d.span.start_line) for d in lint_pad(Pad.from_bytes(pad.read_bytes(), str(pad)), cfg)]
    assert sorted(got) == sorted(expected)


def test_every_offline_case_is_covered(shared_dir: Path) -> None:
    offline = {p.name for p in (shared_dir / "cases" / "links").glob("*.md")} - {
        "15-rate-limit-429.md", "17-head-rejected-get-ok.md"}
    assert offline <= set(EXPECTED), offline - set(EXPECTED)


def test_case_09_space_is_a_syntax_warning_not_a_missing_file(shared_dir: Path, tmp_path: Path) -> None:
    pad = _materialise(shared_dir, "09-destinations-angle-brackets-spaces.md", tmp_path)
    diags = lint_pad(Pad.from_bytes(pad.read_bytes(), str(pad)), Config(select=["LNK"]))
    [syntax] = [d for d in diags if d.span.start_line == 3]
    assert syntax.severity.value == "warning" and "space" in syntax.message
    assert not any("./assets/diagram”" in d.message for d in diags)


def test_case_01_hint_names_the_dialect(shared_dir: Path, tmp_path: Path) -> None:
    pad = _materialise(shared_dir, "01-emoji-variation-selector.md", tmp_path)
    diags = lint_pad(Pad.from_bytes(pad.read_bytes(), str(pad)), Config(select=["LNK"]))
    by_line = {d.span.start_line: d for d in diags}
    assert "GitHub" in by_line[8].help          # works in GitHub, not in HedgeDoc 1
    assert "#⚠️-Disclaimer" in by_line[9].help  # the id to write in the configured dialect
