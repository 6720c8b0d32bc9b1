"""The licence family stays linear on large pads.

Licence analysis (every licence rule reads it) checked each link against every licence
statement found before it, and each licence section against every signal and every heading
after it (cubic on a pad with many ``## Licence`` sections: 1,000 sections took 12.7 s). These
tests time the analysis on a view parsed outside the timing, at two sizes eight times apart:
linear work grows about 8×, quadratic work 64×.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pad_lint
from pad_lint.config import parse_config
from pad_lint.licences import analyse_licence, match
from pad_lint.licences.match import Finding, _non_overlapping, find_names
from pad_lint.licences.normalise import fold
from scaling import assert_near_linear, fresh_views

SENTENCES = [
    "Ce compte rendu est placé sous licence CC BY-SA 4.0 comme les précédents.",
    "On a comparé les licences CC BY et CC BY-SA pendant l'atelier, sans décider.",
    "Le code est sous licence MIT, les textes restent à discuter avec l'association.",
    "Open data : les données sont publiées sous Licence Ouverte 2.0 par la ville.",
    "Tous les participants ont relu le texte et validé les conclusions du groupe.",
]


def sections_pad(n: int) -> str:
    """``n`` licence sections, each with a licence link, another link and an unrelated paragraph."""
    out = ["# Atelier", ""]
    for i in range(n):
        out += [f"## Licence {i}", "",
                f"Voir [le texte](https://creativecommons.org/licenses/by-sa/4.0/) et [la page](https://example.org/{i}).",
                "", f"Ce passage {i} parle d'autre chose, avec un [lien](https://example.org/x/{i}) de plus.", ""]
    return "\n".join(out) + "\n"


def prose_pad(n: int) -> str:
    """Licence words everywhere: sentences, licence links, badges, SPDX tags in code, comments."""
    out = ["# Atelier licences", "", "Licence : CC BY-SA 4.0", ""]
    for i in range(n):
        k = i % 5
        if k == 0:
            out.append(f"### Partie {i}")
        elif k == 1:
            out.append(f"- Voir [la licence](https://creativecommons.org/licenses/by-sa/4.0/deed.fr) et "
                       f"[la page {i}](https://example.org/p/{i})")
        elif k == 2:
            out.append("[![Licence Creative Commons](https://i.creativecommons.org/l/by-sa/4.0/88x31.png)]"
                       "(http://creativecommons.org/licenses/by-sa/4.0/)")
        elif k == 3:
            out.append("```\nSPDX-License-Identifier: MIT\n```")
        else:
            out.append(" ".join(SENTENCES[(i + j) % len(SENTENCES)] for j in range(4)))
        out.append("")
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("make, small_n", [(sections_pad, 150), (prose_pad, 300)],
                         ids=["licence-sections", "licence-prose"])
def test_licence_analysis_grows_linearly(make, small_n):
    factor = 8
    statuses: dict[int, str] = {}
    # linear: ~8x; quadratic: ~64x
    assert_near_linear(lambda view: analyse_licence(view).licence.status, small_n, small_n * factor, max_ratio=24,
                       setup=fresh_views(make), check=statuses.__setitem__)
    assert statuses[small_n] == statuses[small_n * factor] == "declared"


def test_a_title_about_licences_is_a_section_that_holds_its_subsections():
    """The exact input that showed it: a pad titled "# Licences …" whose content is all in
    sub-sections was reported as an empty licence section (LIC002) before its first "##"."""
    text = sections_pad(3).replace("# Atelier", "# Licences partout", 1)
    assert pad_lint.lint(text, config=parse_config({"select": ["LIC"]})) == []
    empty = "# Notes\n\n## Licence\n\n### Détail\n\nCe texte est sous licence CC BY 4.0.\n"
    assert pad_lint.lint(empty, config=parse_config({"select": ["LIC"]})) == []


# ------------------------------------------------------------------ overlapping licence names

def _non_overlapping_reference(found):
    """The resolution :func:`match._non_overlapping` replaced (each finding compared with every
    one kept before it: quadratic), kept as the reference."""
    kept = []
    for f in sorted(found, key=lambda f: (-(f.end - f.start), not f.precise, f.start)):
        if any(f.start < k.end and k.start < f.end for k in kept):
            continue
        kept.append(f)
    return sorted(kept, key=lambda f: f.start)


def _all_cc_by(n: int, found: list) -> None:
    assert len(found) == n and all(f.family == "CC-BY" for f in found)


def test_a_line_of_licence_names_is_resolved_in_n_log_n():
    """``"CC BY " * 30000`` on one line took 18 s: every finding was compared with every
    finding kept before it."""
    # n log n: ~9x; the old quadratic resolution: 64x
    assert_near_linear(find_names, 1_500, 12_000, max_ratio=25, setup=lambda n: fold("CC BY " * n).text,
                       check=_all_cc_by)


_spans = st.tuples(st.integers(0, 60), st.integers(0, 12), st.booleans(), st.integers(0, 3))


@settings(max_examples=400, deadline=None)
@given(st.lists(_spans, max_size=40))
def test_overlap_resolution_equals_the_plain_scan(spans):
    """Empty spans, equal spans, precise and imprecise ties: the same findings kept, in the same order."""
    found = [Finding(f"ID-{tag}" if precise else None, f"F{tag}", start, start + length)
             for start, length, precise, tag in spans]
    assert _non_overlapping(found) == _non_overlapping_reference(found)


def test_licence_names_of_real_text_are_those_of_the_plain_scan(monkeypatch):
    """Every sample pad (tests/sample_pads.py), and sentences built from the licence words:
    the findings with the new resolution are those of the old one."""
    from sample_pads import sample_pad_paths

    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sample_pad_paths()]
    rng = random.Random(7)
    words = ("licence CC BY-SA 4.0 CC BY 3.0 FR creative commons attribution partage dans les mêmes conditions "
             "by-nc-sa cc0 domaine public etalab 2.0 licence ouverte MIT Apache-2.0 GPL v3 GFDL tous droits réservés "
             "libre de droits ODbL AT ES 2.0 ( ) . ; -").split()
    texts += [" ".join(rng.choice(words) for _ in range(rng.randint(5, 60))) for _ in range(300)]
    folded = [fold(t).text for t in texts]
    new = [find_names(t) for t in folded]
    monkeypatch.setattr(match, "_non_overlapping", _non_overlapping_reference)
    old = [find_names(t) for t in folded]
    assert sum(map(len, new)) > 100
    assert new == old
