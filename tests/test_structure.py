"""PAD001–PAD007 on fixtures whose expected diagnostics are written inside them, and on real pads."""

from __future__ import annotations

from pathlib import Path

import pytest

import pad_lint
from pad_lint.config import Config, LinksOptions
from pad_lint.markdown.frontmatter import split_front_matter
from pad_lint.markdown.view import build_view
from pad_lint.rules.registry import all_rules
from pad_lint.source import Pad

from conftest import FIXTURES, expected_diagnostics

STRUCTURE = sorted((FIXTURES / "structure").glob("*.md"))


def pad_codes(text: str, **links) -> list[tuple[str, int, int]]:
    config = Config(select=["PAD"], links=LinksOptions(**links)) if links else Config(select=["PAD"])
    return sorted((d.code, d.span.start_line, d.span.start_column) for d in pad_lint.lint(text, config=config))


def test_every_structure_rule_is_registered_with_docs():
    rules = {r.code: r for r in all_rules() if r.code.startswith("PAD")}
    assert sorted(rules) == ["PAD001", "PAD002", "PAD003", "PAD004", "PAD005", "PAD006", "PAD007"]
    assert [rules[c].name for c in sorted(rules)] == ["unclosed-container", "unknown-container", "invalid-front-matter",
                                                      "heading-level-skip", "duplicate-heading-id", "unclosed-code-fence",
                                                      "stray-container-fence"]
    assert rules["PAD006"].severity.value == "warning" and rules["PAD007"].severity.value == "warning"
    for r in rules.values():
        assert r.summary and r.explanation and r.source and r.example
        # users do not have the project's shared reference files: cite public sources only
        assert "shared/" not in r.source and "shared/" not in r.explanation, r.code


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
    assert [(d.span.start_line, d.message, d.help) for d in diags] == [
        (3, "Unknown metadata key `langs`: HedgeDoc ignores it, so it has no effect on the pad.",
         "Did you mean `lang`? Rename the key.")]


def test_seed_structure(shared_dir):
    text = (shared_dir / "corpus" / "forse-2022-06-21.md").read_text(encoding="utf-8")
    # the seed opens with the h6 tags line and has a clean outline: nothing to report
    assert pad_codes(text) == []



# ----------------------------------------------------------------------------- code fences (PAD006)

def test_unclosed_code_fence_from_the_new_user_test():
    src = "# Atelier…\n\n```python\nprint(\"x\")\n\n## Suite\n\nLicence : CC BY 4.0\n"
    diags = pad_lint.lint(src, config=Config(select=["PAD"]))
    assert [(d.code, d.span.start_line, d.span.start_column) for d in diags] == [("PAD006", 3, 1)]
    d = diags[0]
    assert d.message.startswith("The code block opened on line 3 with ``` is never closed")
    assert "as code" in d.message and d.help == "Add a line ``` right after the last line of code."
    # the heading really is swallowed: it is no heading of the view
    assert [h.text for h in build_view(Pad.from_text(src)).headings] == ["Atelier…"]


@pytest.mark.parametrize("src, expected", [
    ("```\nx\n```\n", []),
    ("~~~\nx\n~~~\n", []),
    ("````\n```\nstill code\n````\n", []),                 # an inner, shorter fence is content
    ("```\nx\n~~~\n", [("PAD006", 1, 1)]),                  # a closing line uses the same character
    ("````\nx\n```\n", [("PAD006", 1, 1)]),                 # …and at least as many of them
    ("> ```\n> x\n> ```\n\ntext\n", []),                    # closed inside a quote
    ("> ```\n> x\n\ntext\n", [("PAD006", 1, 1)]),           # the quote ends, the fence never closed
    ("* item\n  ```\n  code\n* next\n", [("PAD006", 2, 1)]),  # runs to the end of the list item
    ("text\n\n```", [("PAD006", 3, 1)]),                    # an opening line alone at the end
    ("    ```\n    indented code\n", []),                  # an indented code block, not a fence
])
def test_code_fence_closing_rules(src, expected):
    assert [(d.code, d.span.start_line, d.span.start_column) for d in
            pad_lint.lint(src, config=Config(select=["PAD006"]))] == expected


# ----------------------------------------------------------------------------- nested and stray ::: (PAD001, PAD007)

def test_nested_boxes_with_one_closing_line_each():
    # the writer meant :::warning and :::danger inside :::info; HedgeDoc gives the first
    # `:::` to the outer box, so :::warning has no closing line and the last `:::` is left over
    src = ":::info\n:::warning\nAttention\n:::\n:::danger\nDanger\n:::\n:::\n"
    diags = pad_lint.lint(src, config=Config(select=["PAD"]))
    assert [(d.code, d.span.start_line) for d in diags] == [("PAD001", 2), ("PAD007", 8)]
    unclosed, stray = diags
    assert "the `:::` on line 4 closes the outer `:::info` box (line 1)" in unclosed.message
    assert "`::::info`" in unclosed.help and "`::::info`" in stray.help
    assert "closes no box" in stray.message


def test_nested_boxes_with_a_single_closing_line():
    src = ":::info\n:::warning\nAttention\n:::danger\nDanger\n:::\n"
    diags = pad_lint.lint(src, config=Config(select=["PAD"]))
    assert [(d.code, d.span.start_line) for d in diags] == [("PAD001", 2), ("PAD001", 4)]
    assert "the `:::` on line 6 closes the outer `:::info` box (line 1)" in diags[0].message
    assert "never closed" in diags[1].message and "`:::warning` box" in diags[1].message
    view = build_view(Pad.from_text(src))
    assert [(c.name, c.closed, c.parent) for c in view.containers] == [
        ("info", True, None), ("warning", False, 0), ("danger", False, 1)]


def test_nesting_with_a_longer_outer_fence_is_clean():
    src = "::::info\n:::warning\nAttention\n:::\n:::danger\nDanger\n:::\n::::\n"
    assert pad_lint.lint(src, config=Config(select=["PAD"])) == []
    assert [(c.name, c.closed) for c in build_view(Pad.from_text(src)).containers] == [
        ("info", True), ("warning", True), ("danger", True)]


@pytest.mark.parametrize("src, expected", [
    ("Texte\n\n:::\n", [("PAD007", 3, 1)]),
    ("Texte\n:::\n", [("PAD007", 2, 1)]),                       # inside a paragraph
    ("  :::\n", [("PAD007", 1, 3)]),
    ("> :::info\n> x\n> :::\n", []),                             # closed inside a quote
    ("* :::info\n  x\n:::\n", [("PAD001", 1, 1), ("PAD007", 3, 1)]),  # not indented: ends the list, closes nothing
    (":::spoiler Titre\nx\n:::\n", [("PAD002", 1, 1)]),        # the closing line of an unknown box: PAD002 only
    ("```\n:::\n```\n", []),                                     # in code
    (":::info\nx\n::::\n", []),                                  # more colons close too
])
def test_stray_container_fences(src, expected):
    assert [(d.code, d.span.start_line, d.span.start_column) for d in
            pad_lint.lint(src, config=Config(select=["PAD"]))] == expected


# ----------------------------------------------------------------------------- front matter read as js-yaml 4 reads it

@pytest.mark.parametrize("src", ["---\n? [complex, key]\n: value\n---\n# T\n", "---\n? [complex, key]\n---\n# T\n"])
def test_complex_key_is_read_as_js_yaml_does(src):
    fm = split_front_matter(src)
    assert fm.error is None and list(fm.data) == ["complex,key"] and fm.key_lines == {"complex,key": 2}
    diags = pad_lint.lint(src, config=Config(select=["PAD003"]))
    assert [(d.span.start_line, d.message) for d in diags] == [
        (2, "Unknown metadata key `complex,key`: HedgeDoc ignores it, so it has no effect on the pad.")]
    assert "unhashable" not in diags[0].message


@pytest.mark.parametrize("body, data", [
    ("? {a: 1}\n: v", {"[object Object]": "v"}),            # a mapping key: String({}) in JavaScript
    ("true: 1\n~: 2\n1.0: 3", {"true": 1, "null": 2, "1": 3}),
    ("title: 10:30\nn: 017\nh: 0x1F\nf: 1e3\nu: 1_000\nbad: 1_", {"title": "10:30", "n": 17, "h": 31, "f": 1000.0,
                                                                   "u": 1000, "bad": "1_"}),
    ("base: &b {title: x}\n<<: *b\ntitle: y", {"base": {"title": "x"}, "title": "y"}),  # a merged key may be overridden
    ("date: 2026-02-30", {"date": "2026-02-30"}),             # no such day: kept as written, not an error
])
def test_front_matter_values_follow_js_yaml(body, data):
    fm = split_front_matter(f"---\n{body}\n---\n")
    assert fm.error is None and fm.data == data


@pytest.mark.parametrize("body, line, words", [
    ("title: a\ntitle: b", 3, "the key `title` is written twice"),
    ("? [a, [b]]\n: v", 2, "a key is written as a list that holds another list"),
    ("title: [x", 2, "a list opened with `[` is not closed with `]`"),
    ("title: Atelier : \"réparation\"", 2, "a colon followed by a space"),
    ("title: 'abc", 2, "has no closing quote"),
    ("\ttitle: x", 2, "a tab is used for indentation"),
    ("title: @x", 2, "a value starts with `@`"),
    ("title: x\n- y", 3, "a line is not indented like the lines around it"),
    ("a: *nope", 2, "a reference to a `&name`"),
    ("x: !!python/object/apply:os.system ['true']", 2, "a data type it does not know"),
])
def test_front_matter_errors_in_plain_words(body, line, words):
    src = f"---\n{body}\n---\n# T\n"
    diags = pad_lint.lint(src, config=Config(select=["PAD003"]))
    assert [d.span.start_line for d in diags] == [line]
    d = diags[0]
    assert words in d.message, d.message
    assert d.message.startswith("The metadata block at the top of the pad is not valid YAML: ")
    assert "HedgeDoc then ignores the whole block" in d.message
    for jargon in ("unhashable", "mapping values", "<stream end>", "scalar", "token", "constructor", "alias"):
        assert jargon not in d.message + d.help, jargon
    assert d.help[0].isupper() and d.help.endswith(".")


def test_front_matter_that_is_a_list():
    diags = pad_lint.lint("---\n- a\n- b\n---\n", config=Config(select=["PAD003"]))
    assert [d.message for d in diags] == [
        "The metadata block holds a list, not `key: value` lines: HedgeDoc hides it but finds no title, tags or "
        "settings in it."]


# ----------------------------------------------------------------------------- messages

EVERY_PAD_FINDING = (
    "---\nlangs: fr\ntags: [a, b]\nbreaks: 0\ndir: up\n---\n\n:::spoiler x\ny\n:::\n\n"
    "## Notes\n#### Trop profond\n## Notes\n\nTexte\n:::\n\n:::info\nx\n\n```\ncode\n"
)


def test_every_pad_message_says_what_why_and_how():
    diags = pad_lint.lint(EVERY_PAD_FINDING, config=Config(select=["PAD"]))
    assert {d.code for d in diags} == {"PAD001", "PAD002", "PAD003", "PAD004", "PAD005", "PAD006", "PAD007"}
    for d in diags:
        assert d.message[0].isupper() and d.message.endswith("."), d.message
        assert ":" in d.message, d.message           # what is wrong: why it matters
        assert d.help and d.help[0].isupper() and d.help.rstrip("`").endswith((".", "?")), d.help
