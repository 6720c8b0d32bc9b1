"""Link rules on the real pads: the seed has no finding; every finding on
corpus/real/ was reviewed by hand and is recorded here as true or false.

A new finding makes :func:`test_real_corpus_findings_are_reviewed` fail until it
is reviewed and added to :data:`REVIEWED`. False findings are fixed as a kind
and kept in :data:`FIXED_FALSE` so they cannot come back.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pad_lint.config import Config, LinksOptions
from pad_lint.linter import lint_pad
from pad_lint.source import Pad

DIALECTS = ("github", "hedgedoc1-keep-case", "hedgedoc1-lower-case", "hedgedoc1-gfm", "hedgedoc2")

#: (file, code, line) -> (verdict, why). Reviewed by reading the source line and what HedgeDoc renders.
REVIEWED: dict[tuple[str, str, int], tuple[bool, str]] = {
    ("atelier-musica2-datation-2023-09.md", "LNK007", 143): (
        True, "![Logique temporelle de Allen](allen.png): HedgeDoc 1 empties src values not starting with ./ / # "
              "or a scheme, so the image does not show in the pad (SOURCES.md: 'breaks outside the repo')"),
    ("atelier-musica2-datation-2023-09.md", "LNK001", 150): (
        True, "[CRMinf](https://www.CIDOC CRM.org/crminf/): the space in the server name makes it plain text; "
              "only 'CRM.org/crminf/' is linkified"),
    ("atelier-pad-numerique-gouv-tutoriel.md", "LNK001", 42): (
        True, "https://https://www.youtube.com/watch?v=Boyeus8GCG8: doubled scheme (SOURCES.md calls it broken)"),
    ("dgmani-compte-rendu-2022-12-09.md", "LNK006", 29): (
        True, "'README.md' in prose becomes a link to http://README.md"),
    ("dgmani-compte-rendu-2022-12-16.md", "LNK006", 20): (
        True, "'filesArduino.py' in prose becomes a link to http://filesArduino.py"),
    ("hackathon-kokkos-2026-notes-equipe.md", "LNK007", 80): (
        True, "[Lien vers les scripts slurm](slurm/README.md): bare relative path, HedgeDoc renders an empty href "
              "(SOURCES.md: 'Relative link slurm/README.md')"),
}

#: Findings once reported wrongly, fixed as a kind; they must not come back.
FIXED_FALSE: dict[tuple[str, str, int], str] = {
    ("infosansordi-rencontre-2019-06.md", "LNK001", 1):
        "'(https://mensuel.framapad.org/p/…)': the ')' after a linkified URL was counted as part of it "
        "(unbalanced brackets); linkify stops before trailing punctuation, and so does the check now",
    ("infosansordi-rencontre-2019-06.md", "LNK001", 199): "same kind: ')' after a linkified URL",
    ("jupyterhub-team-meeting-2020-02.md", "LNK001", 38): "same kind: ')' after a linkified URL",
    ("jupyterhub-team-meeting-2020-02.md", "LNK001", 46): "same kind: ')' after a linkified URL",
    ("jupyterhub-team-meeting-2020-02.md", "LNK001", 51): "same kind: '),' after a linkified URL",
    ("fdn-admincamp-2017-01.md", "LNK001", 3): "same kind: ']]' of an ikiwiki link after a linkified URL",
    ("atelier-musica2-datation-2023-09.md", "LNK001", 145): "same kind: ')' after a linkified URL",
    ("atelier-musica2-datation-2023-09.md", "LNK001", 147): "same kind: ')' after a linkified URL",
}


def _findings(path: Path, dialect: str) -> list[tuple[str, str, int]]:
    pad = Pad.from_bytes(path.read_bytes(), str(path))
    cfg = Config(select=["LNK"], links=LinksOptions(dialect=dialect))
    return [(path.name, d.code, d.span.start_line) for d in lint_pad(pad, cfg)]


@pytest.mark.parametrize("dialect", DIALECTS)
def test_seed_pad_has_no_link_finding(shared_dir: Path, dialect: str) -> None:
    assert _findings(shared_dir / "corpus" / "forse-2022-06-21.md", dialect) == []


@pytest.mark.parametrize("dialect", DIALECTS)
def test_real_corpus_findings_are_reviewed(shared_dir: Path, dialect: str) -> None:
    found: set[tuple[str, str, int]] = set()
    for path in sorted((shared_dir / "corpus" / "real").glob("*.md")):
        found.update(_findings(path, dialect))
    unreviewed = found - set(REVIEWED)
    assert not unreviewed, f"review these findings and add them to REVIEWED: {sorted(unreviewed)}"
    false_ones = [k for k in found if not REVIEWED[k][0]]
    assert not false_ones, f"false findings must be fixed as a kind: {false_ones}"
    assert not found & set(FIXED_FALSE), sorted(found & set(FIXED_FALSE))
    # every reviewed true finding is still found (the table is not stale)
    assert {k for k, (ok, _) in REVIEWED.items() if ok} <= found
