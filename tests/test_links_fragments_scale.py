"""LNK003 judges thousands of missing fragments in linear time, with the same hints.

A new-user pad of 5,000 headings ``# Titre i`` and 5,000 links ``[x](#titre-i-missing)``
took 27 s: for each missing fragment, ``fragment_verdict`` sorted every id, compared them
all case-insensitively, scanned each other dialect's headings and ran ``difflib`` over
every id. The ids are now indexed once per pad and dialect; ``difflib`` is left the ids
whose length can pass its first test (same answer), and above ``_CLOSE_CAP`` of them it
compares a bounded shortlist.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from pad_lint.config import parse_config
from pad_lint.markdown import heading_ids as hid
from pad_lint.markdown.view import PadView, build_view
from pad_lint.rules import links as rules
from pad_lint.rules.context import LintContext
from pad_lint.source import Pad
from scaling import assert_near_linear


def missing_fragments_pad(n: int) -> str:
    """The new-user shape: ``n`` headings, then ``n`` links to fragments no heading has."""
    return "".join(f"# Titre {i}\n\n" for i in range(1, n + 1)) + \
        "".join(f"[x](#titre-{i}-missing)\n\n" for i in range(1, n + 1))


def near_miss_pad(n: int) -> str:
    """Ids of one length band, each link one accent away from its heading: above
    ``_CLOSE_CAP`` ids the suggestion goes through the shortlist."""
    return "".join(f"# Section numéro {i:05d} du compte rendu\n\n" for i in range(1, n + 1)) + \
        "".join(f"[x](#section-numero-{i:05d}-du-compte-rendu)\n\n" for i in range(1, n + 1))


def _lnk003_contexts(make) -> Callable[[int], LintContext]:
    """``n`` -> LNK003's context on ``make(n)``, built outside the timing: the pad once, a fresh
    view and context (nothing a previous run cached, the ids are indexed on the view) every time."""
    pads: dict[int, Pad] = {}

    def context(n: int) -> LintContext:
        if n not in pads:
            pads[n] = Pad.from_text(make(n))
        return LintContext(pad=pads[n], view=build_view(pads[n]), config=parse_config({"select": ["LNK003"]}))

    return context


def _lnk003(ctx: LintContext) -> list:
    return list(rules.BROKEN_FRAGMENT.check(ctx))


def test_missing_fragments_scale_linearly():
    factor = 8
    found: dict[int, list] = {}
    # linear: ~8x; quadratic: ~64x
    assert_near_linear(_lnk003, 250, 250 * factor, max_ratio=24, setup=_lnk003_contexts(missing_fragments_pad),
                       check=found.__setitem__)
    found_small, found_large = found[250], found[250 * factor]
    assert len(found_small) == 250 and len(found_large) == 250 * factor
    assert all(d.help == "Check the heading text, or remove the link." for d in found_large)


def test_near_misses_beyond_the_cap_scale_linearly_and_keep_their_hint():
    factor = 8
    small_n = rules._CLOSE_CAP + 50
    found: dict[int, list] = {}
    assert_near_linear(_lnk003, small_n, small_n * factor, max_ratio=24, setup=_lnk003_contexts(near_miss_pad),
                       check=found.__setitem__)
    large = found[small_n * factor]
    assert large[41].help == "Write #Section-numéro-00042-du-compte-rendu."
    assert all(d.help.startswith("Write #Section-numéro-") for d in large)


def test_shortlist_finds_an_id_that_is_a_beginning_of_the_fragment():
    """``#Titre-1x`` among 1,000 ``Titre-i``: ``Titre-1`` sorts far from ``titre-1x``
    (after every ``titre-1…``), yet difflib over all ids picks it, and so does the shortlist."""
    text = "".join(f"# Titre {i}\n\n" for i in range(1, 1001)) + "[x](#Titre-1x)\n[y](#Titre-999y)\n"
    view = build_view(Pad.from_text(text))
    for fragment, want in (("Titre-1x", "Titre-1"), ("Titre-999y", "Titre-999")):
        assert rules.fragment_verdict(view, fragment, "hedgedoc1-keep-case") == (False, [], want, False)
        assert difflib.get_close_matches(fragment, view.heading_ids(), n=1, cutoff=0.75) == [want]


# -- same verdicts as before the index ---------------------------------------------------

def _reference_verdict(view: PadView, fragment: str, dialect: str):
    """``fragment_verdict`` as it was (every id of every dialect for each fragment)."""
    sets = {d: view.anchor_targets(d) for d in hid.DIALECTS}
    if hid.fragment_matches(fragment, sets[dialect]):
        return True, [], None, True
    others = [d for d in hid.DIALECTS if d != dialect and hid.fragment_matches(fragment, sets[d])]
    mine = view.heading_ids(dialect)
    for d in others:
        for k, other_id in enumerate(view.heading_ids(d)):
            if other_id and hid.fragment_matches(fragment, {other_id}) and mine[k]:
                return False, others, mine[k], True
    candidates = sorted(i for i in sets[dialect] if i)
    decoded = hid.fragment_candidates(fragment)[-1]
    for c in candidates:
        if c.lower() == decoded.lower():
            return False, others, c, True
    close = difflib.get_close_matches(decoded, candidates, n=1, cutoff=0.75)
    return False, others, (close[0] if close else None), False


WORDS = ["Notes", "notes", "Atelier", "atelier", "Café", "cafe", "l'été", "C++", "Q&A", ":smile:", "1.", "2",
         "Ordre du jour", "ordre-du-jour", "Programme", "programm", "Pause", "**gras**", "`code`", "Élan",
         "elan", "x", "xx", "Section numéro 12", "section-numero-12", "Inscriptions"]
FRAGMENTS = WORDS + ["Notes1", "notes-1", "Notes-2", "Ordre-du-jour", "ordre-du-jour-1", "cafe%CC%81", "Caf%C3%A9",
                     "%C3%A9lan", "top", "TOP", "l%E2%80%99%C3%A9t%C3%A9", "Programme1", "atelier-1", "", "Q%26A"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join), max_size=12),
       st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=6),
       st.sampled_from(hid.DIALECTS),
       st.booleans())
def test_same_verdicts_as_the_reference(headings, fragments, dialect, anchor):
    text = "".join(f"## {h}\n\ntexte\n\n" for h in headings)
    if anchor:
        text += '<a id="Ancre"></a> <span id="notes"></span>\n\n'
    view = build_view(Pad.from_text(text))
    for fragment in fragments + fragments:  # the second round comes from the memo
        if fragment == "":
            continue
        assert rules.fragment_verdict(view, fragment, dialect) == _reference_verdict(view, fragment, dialect)


def test_same_verdicts_as_the_reference_up_to_the_cap():
    """200 ids of one length band (the most the exact path takes) and typos of them."""
    text = "".join(f"# Compte rendu {i:03d}\n\n" for i in range(rules._CLOSE_CAP))
    view = build_view(Pad.from_text(text))
    for fragment in ["Compte-rendu-17", "compte-rendu-017", "Compte-rendu-0017", "Conpte-rendu-199", "rendu-150",
                     "Compte-rendu-2000", "Compte-rendu-01x", "xCompte-rendu-050"]:
        for dialect in hid.DIALECTS:
            assert rules.fragment_verdict(view, fragment, dialect) == _reference_verdict(view, fragment, dialect)
