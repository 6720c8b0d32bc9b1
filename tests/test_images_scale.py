"""The image family stays linear on large pads.

A new-user test found ``--select IMG`` taking about 9.6 s on a 0.7 MB pad full of images and
links (the link or inclusive rules: about 2 s). Every image was compared with every credited
name through a regex built for that name (with thousands of names, Python's regex cache thrashed
and every pattern of the family was compiled again and again), and IMG003 compared the images of
one alt group pair by pair. These tests time the family (judgement and the six rules, on a view
parsed outside the timing, with the event document built beforehand) at two sizes eight times
apart: linear work grows about 8×, quadratic work 64×.
"""

from __future__ import annotations

from pad_lint.config import parse_config
from pad_lint.event.extract import build_document
from pad_lint.markdown.view import build_view
from pad_lint.rules import images as rules
from pad_lint.rules.context import LintContext
from pad_lint.source import Pad
from scaling import assert_near_linear

FIRST = ["Zoé", "Hugo", "Mathis", "Léa", "Inès", "Karim", "Jeanne", "Paul", "Nora", "Yanis", "Chloé", "Omar",
         "Anaïs", "Bastien", "Camille", "Dounia", "Élise", "Fatou", "Gaël", "Hélène", "Ilan", "Julie"]
LAST = ["Lambert", "Petit", "Garnier", "Martin", "Durand", "Moreau", "Fournier", "Girard", "Bonnet", "Roux",
        "Leroy", "Morel", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Vincent"]
DESCRIPTIONS = ["un vélo rouge devant la mairie", "la salle pendant la plénière", "le plan du quartier",
                "Schéma du circuit de collecte", "Groupe de bénévoles au jardin partagé"]
CHECKS = [rules.MISSING_ALT, rules.PLACEHOLDER_ALT, rules.REPEATED_ALT, rules.CREDIT_AS_ALT, rules.ALT_TOO_LONG,
          rules.IMAGE_LINK_WITHOUT_NAME]


def image_pad(n: int) -> str:
    """``n`` images with varied alts (names, credits, "Photo : …" labels, file names, one alt shared
    by a tenth of them), a credit caption under every other image (``n / 2`` distinct credited
    names) and a list item with two links after each image."""
    out = ["# Journée des associations", "", "Facilitation graphique : Mathis Garnier", ""]
    for i in range(n):
        a, b = divmod(i, len(FIRST))
        name = f"{FIRST[b]} {LAST[a % len(LAST)]}-{LAST[(a // len(LAST)) % len(LAST)]}"
        alt = [
            "", name, f"© {name}", f"Photo : {DESCRIPTIONS[i % 5]}", f"IMG_{1000 + i}", f"Photo : {name}",
            f"{DESCRIPTIONS[i % 5]}, vue {i}", f"par {name}", "Mathis Garnier", "Vue de la salle",
        ][i % 10]
        image = f"![{alt}](https://pad.example.org/uploads/upload_{i:08x}.png)"
        out.append(f"[{image}](https://example.org/p/{i})" if i % 25 == 0 else image)
        if i % 2 == 0:
            out.append(f"*Photo : {name}*")
        out += ["", f"- Voir [la page {i}](https://example.org/page/{i}#s) et https://example.org/x/{i}", ""]
    return "\n".join(out) + "\n"


def _family_findings(ctx: LintContext) -> int:
    return sum(len(list(check.check(ctx))) for check in CHECKS)


def test_image_family_time_grows_linearly():
    factor = 8
    built: dict[int, tuple] = {}
    counts: dict[int, int] = {}

    def context(n: int) -> LintContext:
        """The family's context on ``image_pad(n)``, outside the timing: the event document built
        once, a fresh view and context (nothing a previous run cached) every time."""
        if n not in built:
            pad = Pad.from_text(image_pad(n))
            built[n] = pad, build_document(build_view(pad))
        pad, document = built[n]
        ctx = LintContext(pad=pad, view=build_view(pad), config=parse_config({"select": ["IMG"]}))
        ctx.__dict__["document"] = document
        return ctx

    # linear: ~8x; quadratic: ~64x
    assert_near_linear(_family_findings, 300, 300 * factor, max_ratio=24, setup=context, check=counts.__setitem__)
    n_small, n_large = counts[300], counts[300 * factor]
    assert n_small > 200 and n_large > n_small * (factor - 1)


def test_one_alt_on_thousands_of_images_is_reported_with_a_bounded_message():
    """IMG003 counts the images of a group instead of comparing them pair by pair, and its message
    lists a few lines, not thousands."""
    text = "# T\n\n" + "".join(f"![Vue de la salle]({i}.png)\n\n" for i in range(3000))
    view = build_view(Pad.from_text(text))
    ctx = LintContext(pad=view.pad, view=view, config=parse_config({"select": ["IMG"]}))
    found = list(rules.REPEATED_ALT.check(ctx))
    assert len(found) == 3000
    assert "(lines 3, 5, 7, 9, 11, 13 and 2994 more)" in found[0].message and len(found[0].message) < 250
