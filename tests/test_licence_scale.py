"""The licence family stays linear on large pads.

Licence analysis (every licence rule reads it) checked each link against every licence
statement found before it, and each licence section against every signal and every heading
after it (cubic on a pad with many ``## Licence`` sections: 1,000 sections took 12.7 s). These
tests time the analysis on a view parsed outside the timing, at two sizes eight times apart:
linear work grows about 8×, quadratic work 64×.
"""

from __future__ import annotations

import time

import pytest

import pad_lint
from pad_lint.config import parse_config
from pad_lint.licences import analyse_licence
from pad_lint.markdown.view import build_view
from pad_lint.source import Pad

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


def _analysis_seconds(text: str) -> tuple[float, str]:
    pad = Pad.from_text(text)
    best, status = float("inf"), ""
    for _ in range(2):
        view = build_view(pad)       # the analysis is cached on the view: a fresh one each time
        t = time.perf_counter()
        status = analyse_licence(view).licence.status
        best = min(best, time.perf_counter() - t)
    return best, status


@pytest.mark.parametrize("make, small_n", [(sections_pad, 150), (prose_pad, 300)],
                         ids=["licence-sections", "licence-prose"])
def test_licence_analysis_grows_linearly(make, small_n):
    factor = 8
    small, status_small = _analysis_seconds(make(small_n))
    large, status_large = _analysis_seconds(make(small_n * factor))
    assert status_small == status_large == "declared"
    # linear: ~8x; quadratic: ~64x. The bound leaves room for a busy machine.
    assert large / max(small, 1e-3) < 24, f"{small:.3f}s -> {large:.3f}s"


def test_a_title_about_licences_is_a_section_that_holds_its_subsections():
    """The exact input that showed it: a pad titled "# Licences …" whose content is all in
    sub-sections was reported as an empty licence section (LIC002) before its first "##"."""
    text = sections_pad(3).replace("# Atelier", "# Licences partout", 1)
    assert pad_lint.lint(text, config=parse_config({"select": ["LIC"]})) == []
    empty = "# Notes\n\n## Licence\n\n### Détail\n\nCe texte est sous licence CC BY 4.0.\n"
    assert pad_lint.lint(empty, config=parse_config({"select": ["LIC"]})) == []
