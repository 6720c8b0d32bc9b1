"""Configuration through the CLI: discovery, --config, --isolated, strictness, every engine key."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pad_lint.cli import main


TODO_PAD = "# Titre\n\nTODO: réserver la salle.\n"  # PAD901 (error)


@pytest.fixture
def project(tmp_path, monkeypatch):
    # An empty configuration above the project stops discovery from reaching a stray
    # configuration file in a parent of the temporary folder (/tmp/pyproject.toml…).
    (tmp_path / ".pad-lint.toml").write_text("", encoding="utf-8")
    root = tmp_path / "project"
    root.mkdir()
    monkeypatch.chdir(root)
    return root


def check(capsys, *args: str) -> tuple[int, list[str], str]:
    code = main(["check", "--no-cache", "--output-format", "concise", "-q", *args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def codes(lines: list[str]) -> list[str]:
    return sorted({ln.split(": ")[1].split()[0] for ln in lines})


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- discovery ---------------------------------------------------------------------------


def test_pad_lint_toml_found_upwards_closest_wins(project, fake, capsys):
    write(project / ".pad-lint.toml", 'select = ["PAD901"]\n')
    write(project / "sub" / ".pad-lint.toml", 'select = ["PAD901"]\nignore = ["PAD901"]\n')
    write(project / "a.md", TODO_PAD)
    write(project / "sub" / "deeper" / "b.md", TODO_PAD)
    code, lines, _ = check(capsys, "a.md", "sub")
    assert [ln.split(":")[0] for ln in lines] == ["a.md"]  # b.md uses sub/.pad-lint.toml, no merging
    assert code == 1


def test_pyproject_tool_table(project, fake, capsys):
    write(project / "pyproject.toml", '[project]\nname = "x"\n\n[tool.pad-lint]\nselect = ["test-todo"]\n')
    write(project / "a.md", TODO_PAD + "NOTE\n")
    code, lines, _ = check(capsys, "a.md")
    assert codes(lines) == ["PAD901"]


def test_pyproject_without_table_is_skipped(project, fake, capsys):
    write(project / ".pad-lint.toml", 'select = ["PAD903"]\n')
    write(project / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    write(project / "sub" / "a.md", TODO_PAD + "NOTE\n")
    _, lines, _ = check(capsys, "sub/a.md")
    assert codes(lines) == ["PAD903"]


def test_config_path_applies_to_every_pad(project, fake, capsys):
    write(project / ".pad-lint.toml", 'select = ["PAD901"]\n')
    write(project / "other.toml", 'select = ["PAD903"]\n')
    write(project / "a.md", TODO_PAD + "NOTE\n")
    _, lines, _ = check(capsys, "a.md", "--config", "other.toml")
    assert codes(lines) == ["PAD903"]


def test_config_path_can_be_a_pyproject(project, fake, capsys):
    write(project / "conf" / "pyproject.toml", '[tool.pad-lint]\nselect = ["PAD903"]\n')
    write(project / "a.md", TODO_PAD + "NOTE\n")
    _, lines, _ = check(capsys, "a.md", "--config", "conf/pyproject.toml")
    assert codes(lines) == ["PAD903"]


def test_isolated_ignores_config_files(project, fake, capsys):
    write(project / ".pad-lint.toml", 'ignore = ["PAD901"]\n')
    write(project / "a.md", TODO_PAD)
    assert check(capsys, "a.md", "--select", "PAD9")[0] == 0
    code, lines, _ = check(capsys, "a.md", "--isolated", "--select", "PAD9")
    assert code == 1 and codes(lines) == ["PAD901"]


def test_inline_config_override(project, fake, capsys):
    write(project / "a.md", TODO_PAD + "NOTE\n")
    _, lines, _ = check(capsys, "a.md", "--isolated", "--config", 'select = ["PAD903"]')
    assert codes(lines) == ["PAD903"]


def test_missing_config_file_exit_2(project, capsys):
    write(project / "a.md", TODO_PAD)
    code, _, err = check(capsys, "a.md", "--config", "nope.toml")
    assert code == 2 and err.strip() == "nope.toml: configuration file not found"


@pytest.mark.parametrize(("value", "why"), [
    ("[[[", "line 1, column 3: invalid initial character for a key part"),
    ("select", "line 1, column 7, at the end: expected '=' after a key in a key/value pair"),
    ('select = ["LIC"', "line 1, column 16, at the end: unclosed array"),
    ("", "it is empty"),
])
def test_config_value_neither_file_nor_toml(project, capsys, value, why):
    write(project / "a.md", TODO_PAD)
    code, out, err = check(capsys, "a.md", "--config", value)
    assert code == 2 and out == []
    assert err == (f"pad-lint: error: --config {value!r} is neither an existing file nor a valid TOML "
                   f"`key = value` line ({why})\n")
    assert "not found" not in err


def test_config_folder_is_not_a_configuration_file(project, capsys):
    (project / "conf.toml").mkdir()
    write(project / "a.md", TODO_PAD)
    code, _, err = check(capsys, "a.md", "--config", "conf.toml")
    assert code == 2 and err == "conf.toml: this is a folder, not a configuration file\n"


def test_config_file_without_toml_suffix_is_still_a_file(project, fake, capsys):
    write(project / "settings", 'select = ["PAD903"]\n')
    write(project / "a.md", TODO_PAD + "NOTE\n")
    code, lines, err = check(capsys, "a.md", "--config", "settings")
    assert err == "" and codes(lines) == ["PAD903"]


def test_parse_accepts_inline_config_and_reports_bad_values(project, capsys):
    write(project / "a.md", TODO_PAD)
    assert main(["parse", "a.md", "--config", "[[["]) == 2
    err = capsys.readouterr().err
    assert err.startswith("pad-lint: error: --config '[[[' is neither an existing file nor a valid TOML")
    assert main(["parse", "a.md", "--config", 'select = ["LIC"]']) == 0


def test_config_and_isolated_conflict(project, capsys):
    write(project / "c.toml", "")
    write(project / "a.md", TODO_PAD)
    code, _, err = check(capsys, "a.md", "--config", "c.toml", "--isolated")
    assert code == 2 and "cannot be used together" in err


# -- strictness ------------------------------------------------------------------------


_SELECTOR_HELP = ("(use a code like LIC002, a name like licence-placeholder or a prefix like LIC; "
                  "`pad-lint rules` lists them)")


@pytest.mark.parametrize("toml, expected", [
    ('selct = ["LIC"]\n', "1:1: unknown configuration key `selct` (did you mean `select`?)"),
    ('select = ["LIC999X"]\n', f"1:11: `select`: unknown rule selector 'LIC999X' {_SELECTOR_HELP}"),
    ('ignore = ["no-such-rule"]\n', f"1:11: `ignore`: unknown rule selector 'no-such-rule' {_SELECTOR_HELP}"),
    ('severity = { NOQA = "fatal" }\n', '1:14: `severity.NOQA` must be "error", "warning" or "info"'),
    ('severity = { NOPE = "error" }\n', f"1:14: `severity`: unknown rule selector 'NOPE' {_SELECTOR_HELP}"),
    ('per-file-ignores = { "a/*.md" = ["ZZZ"] }\n',
     f"1:34: `per-file-ignores`: unknown rule selector 'ZZZ' {_SELECTOR_HELP}"),
    ('[images]\nmax-alt-length = 0\n', "2:1: `images.max-alt-length` must be at least 1"),
    ('[images]\nmax-alt = 3\n', "2:1: unknown configuration key `images.max-alt` (did you mean `max-alt-length`?)"),
    ('[links]\ndialect = "gitlab"\n',
     '2:1: `links.dialect` must be "hedgedoc1-keep-case", "hedgedoc1-lower-case", "hedgedoc1-gfm", "hedgedoc2" '
     'or "github"'),
    ('[inclusive]\npolicy = "anything"\n',
     '2:1: `inclusive.policy` must be "consistent", "median-dot", "period-allowed" or "no-abbreviated-forms"'),
    ('force-exclude = "yes"\n', "1:1: `force-exclude` must be true or false"),
    # the wrong type: what the key holds, in words, not pydantic's "Input should be a valid list"
    ('ignore = "LNK001"\n', '1:1: `ignore` must be a list of rule codes, names or prefixes, like ["LNK001", "IMG"]'),
    ('# notes\n\nselect = [\n  "LNK001",\n  3,\n]\n',
     '3:1: `select` must be a list of rule codes, names or prefixes, like ["LNK001", "IMG"]'),
    ('ignore = [\n  "LNK001",\n  "XYZ",  # a typo\n]\n', f"3:3: `ignore`: unknown rule selector 'XYZ' {_SELECTOR_HELP}"),
    ('per-file-ignores = { "a/*.md" = "INC" }\n',
     '1:22: `per-file-ignores` must be a table of glob = list of rule codes, like { "archives/*.md" = ["INC004"] }'),
    ('links = 3\n', "1:1: `links` must be a table, like [links]"),
    ('links.timeout = 0\n', "1:1: `links.timeout` must be more than 0"),
    ('[links]\ntimeout = "10"\n', "2:1: `links.timeout` must be a number"),
    ('[links]\naccept = [200, 99]\n', "2:1: `links.accept`: 99 is not an HTTP status code (100 to 999)"),
    ('[licence]\nallowed = ["MIT", "bogus-lic"]\n',
     "2:19: `licence.allowed`: 'bogus-lic' is not an SPDX licence id (for example CC-BY-SA-4.0, CC0-1.0, "
     "etalab-2.0; LicenseRef-… for a licence missing from the SPDX list)"),
    ('[imagez]\nx = 1\n', "1:1: unknown configuration key `imagez` (did you mean `images`?)"),
    # a glob the per-file-ignores matcher cannot use (it raised "empty pattern" while linting)
    ('per-file-ignores = { "." = ["INC"] }\n',
     "1:22: `per-file-ignores`: '.' is not a usable glob (empty pattern); use a pattern such as \"archives/*.md\" "
     "or \"**/drafts/*.md\""),
    ('per-file-ignores = { "**/" = ["INC"] }\n',
     "1:22: `per-file-ignores`: '**/' is not a usable glob (empty pattern); use a pattern such as \"archives/*.md\" "
     "or \"**/drafts/*.md\""),
])
def test_strict_config_exit_2_naming_the_problem_and_where(project, capsys, toml, expected):
    write(project / ".pad-lint.toml", toml)
    write(project / "a.md", TODO_PAD)
    code, out, err = check(capsys, "a.md")
    assert code == 2
    assert out == []
    assert err == f"{project / '.pad-lint.toml'}:{expected}\n"


@pytest.mark.parametrize("toml, expected", [
    ('[tool.pad-lint]\nignore = ["XYZ"]\n', f"2:11: `ignore`: unknown rule selector 'XYZ' {_SELECTOR_HELP}"),
    ('[project]\nname = "x"\n\n[tool.pad-lint]\nselct = ["LIC"]\n',
     "5:1: unknown configuration key `selct` (did you mean `select`?)"),
    ('[tool]\npad-lint = 3\n', "2:1: `tool.pad-lint` must be a table, like [tool.pad-lint]"),
    ('[tool.pad-lint]\nignore = "LNK001"\n',
     '2:1: `ignore` must be a list of rule codes, names or prefixes, like ["LNK001", "IMG"]'),
    ('[tool.pad-lint.links]\ntimeout = 0\n', "2:1: `links.timeout` must be more than 0"),
    ('[tool.pad-lint]\nlinks = { dialect = "x" }\n',
     '2:11: `links.dialect` must be "hedgedoc1-keep-case", "hedgedoc1-lower-case", "hedgedoc1-gfm", "hedgedoc2" '
     'or "github"'),
    ('[tool]\npad-lint = { severity = { IMG = "fatal" } }\n',
     '2:27: `severity.IMG` must be "error", "warning" or "info"'),
    ('[tool.pad-lint]\ndescription = """\nselect = 3\n"""\n',
     "2:1: unknown configuration key `description`"),
])
def test_pyproject_value_errors_have_line_and_column(project, capsys, toml, expected):
    write(project / "pyproject.toml", toml)
    write(project / "a.md", TODO_PAD)
    code, out, err = check(capsys, "a.md")
    assert code == 2 and out == []
    assert err == f"{project / 'pyproject.toml'}:{expected}\n"


def test_pyproject_with_a_tool_that_is_not_a_table_is_not_a_configuration(project, fake, capsys):
    write(project / ".pad-lint.toml", 'select = ["PAD901"]\n')
    write(project / "sub" / "pyproject.toml", "tool = 3\n")
    write(project / "sub" / "a.md", TODO_PAD)
    code, lines, err = check(capsys, "sub/a.md")
    assert err == "" and codes(lines) == ["PAD901"]


def test_a_literal_bracket_is_a_valid_glob(project, fake, capsys):
    # fnmatch (the per-file-ignores matcher) reads an unclosed "[" as itself: valid, matching "[.md"
    write(project / ".pad-lint.toml", 'per-file-ignores = { "[.md" = ["PAD901"] }\n')
    write(project / "[.md", TODO_PAD)
    write(project / "a.md", TODO_PAD)
    code, lines, err = check(capsys, "[.md", "a.md", "--select", "PAD901")
    assert err == "" and [ln.split(":")[0] for ln in lines] == ["a.md"]


def test_toml_syntax_error_has_line_and_column(project, capsys):
    write(project / ".pad-lint.toml", 'select = ["LIC"\nx = 1\n')
    write(project / "a.md", TODO_PAD)
    code, _, err = check(capsys, "a.md")
    assert code == 2 and err.startswith(f"{project / '.pad-lint.toml'}:2:1: invalid TOML")


@pytest.mark.parametrize(("name", "text", "where"), [
    # tomllib says "(at end of document)" here, with no line: the end of the file is given
    ("pad-lint.toml", 'select = ["LIC"', ":1:16: invalid TOML: Unclosed array (at the end of the file)"),
    ("pad-lint.toml", "select = [\n", ":2:1: invalid TOML: Invalid value (at the end of the file)"),
    ("pyproject.toml", "[tool.pad-lint]\nselect = [\n", ":3:1: invalid TOML: Invalid value (at the end of the file)"),
    ("pyproject.toml", "[tool.pad-lint]\nselect = [1,,]\n", ":2:13: invalid TOML: Invalid value"),
    ("pad-lint.toml", "x = 1\r\nx = 2\r\n", ":2:6: invalid TOML: Cannot overwrite a value"),
])
def test_toml_syntax_errors_always_have_line_and_column(project, capsys, name, text, where):
    (project / name).write_bytes(text.encode("utf-8"))
    write(project / "a.md", TODO_PAD)
    code, out, err = check(capsys, "a.md")
    assert code == 2 and out == []
    assert err == f"{project / name}{where}\n"


def test_config_not_utf8_has_line_and_column(project, capsys):
    (project / "pad-lint.toml").write_bytes('select = ["LIC"]\n# caf\xe9\n'.encode("latin-1"))
    write(project / "a.md", TODO_PAD)
    code, _, err = check(capsys, "a.md")
    assert code == 2
    assert err == (f"{project / 'pad-lint.toml'}:2:6: cannot read configuration: not UTF-8 text (byte 0xe9); "
                   "save the file as UTF-8\n")


@pytest.mark.parametrize("args, expected", [
    (["--select", "XYZ"], f"--select: unknown rule selector 'XYZ' {_SELECTOR_HELP}"),
    (["--ignore", "LNK001,NOPE"], f"--ignore: unknown rule selector 'NOPE' {_SELECTOR_HELP}"),
    (["--extend-select", "NOPE"], f"--extend-select: unknown rule selector 'NOPE' {_SELECTOR_HELP}"),
    (["--severity", "IMG=fatal"], '--severity: `IMG` must be "error", "warning" or "info"'),
    (["--per-file-ignores", "a/*.md:ZZZ"], f"--per-file-ignores: unknown rule selector 'ZZZ' {_SELECTOR_HELP}"),
    (["--per-file-ignores", ".:INC"], "--per-file-ignores: '.' is not a usable glob (empty pattern); use a pattern "
                                      "such as \"archives/*.md\" or \"**/drafts/*.md\""),
    (["--config", 'ignore = ["XYZ"]'], f"--config 'ignore = [\"XYZ\"]': `ignore`: unknown rule selector 'XYZ' "
                                       f"{_SELECTOR_HELP}"),
    (["--config", "selct = 1"], "--config 'selct = 1': unknown configuration key `selct` (did you mean `select`?)"),
    (["--config", 'links.timeout = "x"'], "--config 'links.timeout = \"x\"': `links.timeout` must be a number"),
    (["--config", "links = 3"], "--config 'links = 3': `links` must be a table, like [links]"),
])
def test_config_errors_on_the_command_line_read_like_other_usage_errors(project, capsys, args, expected):
    write(project / "a.md", TODO_PAD)
    code, out, err = check(capsys, "a.md", *args)
    assert code == 2 and out == []
    assert err == f"pad-lint: error: {expected}\n"


# -- selection ----------------------------------------------------------------------------


@pytest.mark.parametrize("selector", ["PAD901", "test-todo", "pad901"])
def test_select_by_code_name_prefix(project, fake, capsys, selector):
    write(project / "a.md", TODO_PAD + "NOTE teh\n")
    _, lines, _ = check(capsys, "a.md", "--isolated", "--select", selector)
    assert codes(lines) == ["PAD901"]


def test_select_by_family_name_and_all(project, fake, capsys):
    write(project / "a.md", "<!-- pad-lint disabel -->\nTODO\n")
    _, lines, _ = check(capsys, "a.md", "--isolated", "--select", "directives")
    assert codes(lines) == ["NOQA001"]
    _, lines, _ = check(capsys, "a.md", "--isolated", "--select", "ALL")
    assert {"NOQA001", "PAD901"} <= set(codes(lines))


def test_extend_select_and_ignore(project, fake, capsys):
    write(project / ".pad-lint.toml", 'select = ["PAD901"]\nextend-select = ["test-note"]\n')
    write(project / "a.md", TODO_PAD + "NOTE teh\n")
    _, lines, _ = check(capsys, "a.md")
    assert codes(lines) == ["PAD901", "PAD903"]
    _, lines, _ = check(capsys, "a.md", "--ignore", "PAD901")
    assert codes(lines) == ["PAD903"]
    _, lines, _ = check(capsys, "a.md", "--extend-select", "PAD902")
    assert codes(lines) == ["PAD901", "PAD902", "PAD903"]


def test_per_file_ignores_change_exit_code(project, fake, capsys):
    write(project / ".pad-lint.toml", 'select = ["PAD9"]\nper-file-ignores = { "archives/*.md" = ["test-todo"] }\n')
    write(project / "archives" / "old.md", TODO_PAD)
    write(project / "new.md", TODO_PAD)
    assert check(capsys, "archives/old.md")[0] == 0
    assert check(capsys, "new.md")[0] == 1
    # relative to the configuration file, wherever pad-lint runs from
    (project / "archives" / "x").mkdir()
    import os

    os.chdir(project / "archives" / "x")
    assert check(capsys, "../old.md")[0] == 0


def test_per_file_ignores_on_command_line(project, fake, capsys):
    write(project / "archives" / "old.md", TODO_PAD)
    assert check(capsys, "archives/old.md", "--isolated", "--select", "PAD9")[0] == 1
    assert check(capsys, "archives/old.md", "--isolated", "--select", "PAD9",
                 "--per-file-ignores", "archives/*.md:PAD901")[0] == 0


def test_severity_override_changes_exit_code(project, fake, capsys):
    write(project / "a.md", TODO_PAD)
    assert check(capsys, "a.md", "--isolated", "--select", "PAD901")[0] == 1
    write(project / ".pad-lint.toml", 'select = ["PAD901"]\nseverity = { test-todo = "warning" }\n')
    code, lines, _ = check(capsys, "a.md")
    assert code == 0 and "[warning]" in lines[0]
    write(project / ".pad-lint.toml", 'select = ["PAD903"]\nseverity = { PAD9 = "info", PAD903 = "error" }\n')
    write(project / "a.md", "NOTE\n")
    code, lines, _ = check(capsys, "a.md")
    assert code == 1 and "[error]" in lines[0]  # the code beats the prefix
    code, _, _ = check(capsys, "a.md", "--severity", "PAD903=info")
    assert code == 0


def test_fail_level(project, fake, capsys):
    write(project / "a.md", "NOTE teh\n")
    assert check(capsys, "a.md", "--isolated", "--select", "PAD9")[0] == 0
    assert check(capsys, "a.md", "--isolated", "--select", "PAD9", "--fail-level", "warning")[0] == 1
    write(project / "a.md", "NOTE\n")
    assert check(capsys, "a.md", "--isolated", "--select", "PAD9", "--fail-level", "warning")[0] == 0
    assert check(capsys, "a.md", "--isolated", "--select", "PAD9", "--fail-level", "info")[0] == 1


# -- exclusion -----------------------------------------------------------------------------


def _tree(project: Path) -> None:
    for rel in ("keep.md", "drafts/d.md", "archives/2020/a.md", "node_modules/pkg/readme.md", "notes/n.md"):
        write(project / rel, TODO_PAD)


def files(capsys, *args: str) -> list[str]:
    code = main(["check", "--show-files", *args])
    assert code == 0
    return capsys.readouterr().out.splitlines()


def test_default_excludes_and_exclude_replaces_them(project, capsys):
    _tree(project)
    assert files(capsys, ".") == ["archives/2020/a.md", "drafts/d.md", "keep.md", "notes/n.md"]
    write(project / ".pad-lint.toml", 'exclude = ["drafts/"]\n')
    assert "node_modules/pkg/readme.md" in files(capsys, ".")
    assert "drafts/d.md" not in files(capsys, ".")


def test_extend_exclude(project, capsys):
    _tree(project)
    write(project / ".pad-lint.toml", 'extend-exclude = ["archives/", "n.md"]\n')
    assert files(capsys, ".") == ["drafts/d.md", "keep.md"]
    assert files(capsys, ".", "--extend-exclude", "drafts") == ["keep.md"]


def test_explicit_file_is_linted_unless_force_exclude(project, fake, capsys):
    _tree(project)
    write(project / ".pad-lint.toml", 'select = ["PAD901"]\nextend-exclude = ["drafts/"]\n')
    assert check(capsys, "drafts/d.md")[0] == 1
    code, lines, _ = check(capsys, "drafts/d.md", "--force-exclude")
    assert code == 0 and lines == []
    write(project / ".pad-lint.toml", 'select = ["PAD901"]\nextend-exclude = ["drafts/"]\nforce-exclude = true\n')
    assert check(capsys, "drafts/d.md")[0] == 0


def test_gitignore_is_respected(project, capsys):
    _tree(project)
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    write(project / ".gitignore", "notes/\n")
    write(project / "archives" / ".gitignore", "*.md\n!keep-me.md\n")
    write(project / "archives" / "keep-me.md", TODO_PAD)
    assert files(capsys, ".") == ["archives/keep-me.md", "drafts/d.md", "keep.md"]
    assert "notes/n.md" in files(capsys, ".", "--no-respect-gitignore")
    write(project / ".pad-lint.toml", "respect-gitignore = false\n")
    assert "notes/n.md" in files(capsys, ".")


def test_gitignore_with_force_exclude_for_named_files(project, fake, capsys):
    _tree(project)
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    write(project / ".gitignore", "notes/\n")
    assert check(capsys, "notes/n.md", "--isolated", "--select", "PAD901")[0] == 1
    assert check(capsys, "notes/n.md", "--isolated", "--select", "PAD901", "--force-exclude")[0] == 0


def test_globs(project, capsys):
    _tree(project)
    assert files(capsys, "**/*.md") == ["archives/2020/a.md", "drafts/d.md", "keep.md", "notes/n.md"]
    assert files(capsys, "d*/*.md") == ["drafts/d.md"]
    code = main(["check", "nothing-*.md"])
    assert code == 2 and "nothing-*.md: no file matches this pattern" in capsys.readouterr().err


# -- rule options and settings ----------------------------------------------------------------


def test_rule_options_table_is_validated_and_shown(project, capsys):
    write(project / ".pad-lint.toml", '[images]\nmax-alt-length = 80\n\n[links]\ndialect = "github"\n')
    write(project / "a.md", TODO_PAD)
    assert main(["check", "a.md", "--show-settings"]) == 0
    out = capsys.readouterr().out
    assert "Configuration file: " + str(project / ".pad-lint.toml") in out
    settings = json.loads(out[out.index("{"):])
    assert settings["images"]["max-alt-length"] == 80
    assert settings["links"]["dialect"] == "github"
    assert "NOQA001" in out.split("Enabled rules:")[1].splitlines()[0]


def test_every_config_key_is_documented_in_the_schema():
    schema = json.loads((Path(__file__).parents[1] / "schemas" / "config.schema.json").read_text())
    for key in ("select", "extend-select", "ignore", "per-file-ignores", "severity", "exclude", "extend-exclude",
                "force-exclude", "respect-gitignore", "links", "inclusive", "licence", "images"):
        assert key in schema["properties"], key


def test_exclude_on_command_line_replaces_defaults(project, capsys):
    _tree(project)
    assert files(capsys, ".", "--exclude", "drafts/,archives/") == ["keep.md", "node_modules/pkg/readme.md",
                                                                     "notes/n.md"]


def test_offline_turns_online_link_checks_off(project, capsys):
    write(project / ".pad-lint.toml", "[links]\nonline = true\n")
    write(project / "a.md", TODO_PAD)
    assert main(["check", "a.md", "--offline", "--show-settings"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out[out.index("{"):])["links"]["online"] is False
    assert main(["check", "--offline", "https://pad.example.org/abc"]) == 2
    assert "--offline: cannot fetch https://pad.example.org/abc" in capsys.readouterr().err


def test_discovery_stops_at_the_repository_root(tmp_path):
    """A configuration above a clone (a stray /tmp/pyproject.toml) never applies inside it."""
    from pad_lint.config import _find_config_in, find_config_file

    (tmp_path / "pyproject.toml").write_text('[tool.pad-lint]\nselect = ["INC"]\n', encoding="utf-8")
    repo = tmp_path / "clone"
    (repo / ".git").mkdir(parents=True)
    (repo / "notes").mkdir()
    pad = repo / "notes" / "a.md"
    pad.write_text("# T\n", encoding="utf-8")
    assert find_config_file(pad) is None
    (repo / ".pad-lint.toml").write_text('ignore = ["EVT"]\n', encoding="utf-8")
    _find_config_in.cache_clear()  # as each run does
    assert find_config_file(pad) == (repo / ".pad-lint.toml").resolve()
    # outside any repository the search still goes up
    loose = tmp_path / "loose"
    loose.mkdir()
    assert find_config_file(loose / "b.md") == (tmp_path / "pyproject.toml").resolve()


def test_toml_error_position_uses_attributes_when_python_has_them():
    """Python 3.14's TOMLDecodeError has msg/lineno/colno and no position in msg."""
    from pad_lint.config import toml_error_position

    class Fake(ValueError):
        msg, lineno, colno = "Invalid value", 4, 2

    assert toml_error_position(Fake("Invalid value (at line 4, column 2)"), "") == ("Invalid value", 4, 2)


def test_unusable_glob_is_refused_whatever_the_hash_seed():
    # The matcher tried the glob's forms from a set: with some PYTHONHASHSEED values
    # "**/" matched through one form before the unusable one was tried, so the config
    # was accepted (a fresh-clone CI run failed on it).
    import subprocess
    import sys

    code = ("from pad_lint.config import Config\n"
            "try:\n    Config.model_validate({'per-file-ignores': {'**/': ['INC']}})\nexcept ValueError:\n"
            "    raise SystemExit(3)\n")
    for seed in range(6):
        run = subprocess.run([sys.executable, "-c", code], env={**__import__("os").environ, "PYTHONHASHSEED": str(seed)})
        assert run.returncode == 3, seed
