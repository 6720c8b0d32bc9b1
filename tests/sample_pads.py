"""The pads the equivalence tests compare old and new code on.

Always: ``examples/`` and ``tests/fixtures/`` (shipped with the repository). Also, when
present: the generated benchmark corpus (``benchmarks/make_corpus.py``, not committed)
and ``../shared`` (the real pads this project is tested on; absent from a plain clone).
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = (ROOT / "examples", ROOT / "tests" / "fixtures")
OPTIONAL = (ROOT / "benchmarks" / "corpus" / "pads-1000", ROOT.parent / "shared" / "corpus", ROOT.parent / "shared" / "cases")


def sample_pad_paths(step: int = 1) -> list[Path]:
    """Every ``*.md`` of the shipped folders, and every ``step``-th of the optional ones."""
    paths: list[Path] = []
    for folder in OPTIONAL:
        if folder.is_dir():
            paths += sorted(folder.rglob("*.md"))[::step]
    for folder in SHIPPED:
        paths += sorted(folder.rglob("*.md"))
    return paths


def shipped_only() -> bool:
    """True when none of the optional folders is there (a plain clone, as in CI)."""
    return not any(folder.is_dir() for folder in OPTIONAL)
