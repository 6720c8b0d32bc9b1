"""The README's set-up commands and library example stay true."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


def test_readme_starts_with_the_two_setup_commands():
    first = _blocks("sh")[0].strip().splitlines()
    assert len(first) == 2
    assert first[0].startswith("python3 -m venv .venv") and "pad-lint check examples/" in first[0]
    assert first[1] == ".venv/bin/python -m pytest"
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert ".venv/bin/python -m pytest" in ci


def test_library_example_runs(capsys):
    code = _blocks("python")[0]
    exec(compile(code, "README.md", "exec"), {})
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Rencontre du 3 mars 2023 2023-03-03 placeholder"
    codes = {line.split()[1] for line in out[1:]}
    assert {"IMG001", "LIC002"} <= codes
