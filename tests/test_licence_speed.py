"""The licence analysis shortcuts give the answers of the plain computations they replace.

* :func:`detect._maybe_blocks` (literals looked for with ``str.find`` over the whole pad)
  is ``_MAYBE_LICENCE.search(block.lower())`` block by block;
* :func:`detect._prose` reads only the blocks that can say something: the same signals and
  statement ranges as reading every sentence of every block (the loop it replaced is kept
  here as the reference);
* the sentence gate (:func:`detect._sentence_cues`) and the literal guards of
  :func:`find_names` (:mod:`pad_lint.licences.literals`) never hide a match;
* the pad language is computed when a message first needs it, from the same counts.

Texts are built from the words the licence tables use, so the shortcuts are tested where
they matter. Runs without ../shared.
"""

from __future__ import annotations

import bisect
import gc
import random
import re

import pytest

from pad_lint.licences import analyse_licence, detect, language, table
from pad_lint.licences.literals import may_match, required_literals
from pad_lint.licences.match import ANY_CONTEXT_PATTERNS, _SPDX_TOKEN, find_names
from pad_lint.licences.normalise import fold
from pad_lint.markdown.view import build_view
from pad_lint.source import Pad

WORDS = (
    "sous la licence licences license licensed under the a cc by by-sa by-nc-sa sa nc nd 4.0 3.0 2.0 fr es AT IGO "
    "creative commons attribution paternité partage dans les mêmes conditions pas d'utilisation commerciale domaine "
    "public public domain mark marque du domaine public cc0 zero universal etalab licence ouverte open licence odbl "
    "open database gfdl gnu fdl mit apache gpl v3 cecill eupl pddl odc-by lo lal fal art libre free art tous droits "
    "réservés all rights reserved libre de droits royalty-free à préciser tbd ? : - — , . ; ( ) placé publiée "
    "diffusé released published available dedicated to into selon termes de cette œuvre est this work is spdx "
    "code logiciel on a comparé quelle which choisir entre utilisation réutilisation droit droits d'auteur "
    "copyright bonjour réunion notes équipe et ou or and / + &#39; &eacute; Licence LICENCE CC BY-SA Creative "
    "Commons mit-2 x-11 CC-BY-4.0 Lo Mit accès").split()
FRAGMENTS = (
    "Licence :", "License:", "**Licence** :", "Licence : à préciser", "Droit d'auteur :", "Licence : CC BY-SA 4.0",
    "Licence : [CC BY-SA 3.0 ES](https://creativecommons.org/licenses/by-sa/3.0/es/)", "Bonjour à tous.",
    "[CC BY-SA 4.0](https://creativecommons.org/licenses/by-sa/4.0/)", "Ordre du jour : tour de table.",
    "Voir [ici](https://creativecommons.org/licenses/by/3.0/fr/) pour la suite", "- un point", "1. premier",
    "https://creativecommons.org/licenses/by-sa/4.0/", "Texte. [lien](https://creativecommons.org/licenses/by/4.0/) suite.",
    "<a rel=\"license\" href=\"http://creativecommons.org/licenses/by/4.0/\">CC</a>", "| a | b |\n|---|---|\n| Licence : | CC0 |",
    "`licence CC BY`", "```\nLicence : CC BY 4.0\n```", "> citation", "TBD", "?", "We discussed the roadmap.",
    "[![b](https://i.creativecommons.org/l/by-sa/4.0/88x31.png)](https://creativecommons.org/licenses/by-sa/4.0/)")
HEADINGS = ("# Titre", "## Licence", "## License", "## Crédits et licences", "### Notes", "## Copyright", "## Suite")


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(1, 12))]
    return "".join(w + rng.choice([" ", " ", "\n", ". ", "! "]) for w in words).strip()


def random_pad(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 9)):
        r = rng.random()
        parts.append(rng.choice(HEADINGS) if r < 0.15 else rng.choice(FRAGMENTS) if r < 0.55 else sentence(rng))
    return rng.choice(["\n\n", "\n"]).join(parts) + "\n"


PADS = [random_pad(random.Random(seed)) for seed in range(250)]


# ------------------------------------------------------------------------------ cue pre-filter

def test_maybe_blocks_is_the_alternation_block_by_block():
    rng = random.Random(5)
    tricky = ["acc", "cc", " cc", "ecc", "lo", "l'lo", "lo-", "ilo", "mit", "smith", "mit.", "by-sa", "aby-sa",
              "libre de", "libres  de", "İcc", "ẞ", "ΣΑ cc", "open data", "open\ndata", "", " ", "x"]
    for _ in range(400):
        texts = ["".join(rng.choice(tricky + WORDS) + rng.choice(["", " ", "\n"]) for _ in range(rng.randint(0, 6)))
                 for _ in range(rng.randint(1, 6))]
        blocks = [(i * 2, [], t) for i, t in enumerate(texts)]
        expected = {b for b, _, t in blocks if detect._MAYBE_LICENCE.search(t.lower())}
        assert detect._maybe_blocks(blocks) == expected, texts


def test_maybe_needles_come_from_the_alternation():
    assert detect._MAYBE_LICENCE.pattern == "|".join(detect._MAYBE_BRANCHES)
    for (literal, check), branch in zip(detect._MAYBE_NEEDLES, detect._MAYBE_BRANCHES):
        assert literal and literal in branch.replace("\\b", "")
        assert (check is None) == (literal == branch)


# ------------------------------------------------------------------------------ blocks read

def _reference_prose(view):
    """The loop _prose had before it skipped blocks: every sentence of every block."""
    refs = detect._licence_refs(view)
    sections = detect._licence_sections(view)
    blocks = view.blocks
    out, ranges = [], []
    open_label = None
    section_found = {i: False for i in sections}
    for seg in detect._segments(view):
        block = blocks[seg.block]
        in_section = block.section in sections and block.kind != "heading"
        follows_label = open_label is not None and seg.block in (open_label[1], open_label[1] + 1)
        if open_label is not None and not follows_label:
            out.append(open_label[0])
            open_label = None
        sigs, empty_label, is_context = detect._analyse_segment(view, seg, in_section or follows_label)
        if is_context or in_section or follows_label:
            ranges.append((seg.srcmap[0], detect._line_end(view, seg.srcmap[-1])))
        if empty_label is not None:
            start, end = seg.srcmap[0], detect._line_end(view, seg.srcmap[-1])
            i = bisect.bisect_left(refs, start)
            if not (i < len(refs) and refs[i] <= end):
                open_label = (empty_label, seg.block)
            continue
        if sigs and follows_label:
            open_label = None
        if in_section and sigs:
            section_found[block.section] = True
        out += sigs
    if open_label is not None:
        out.append(open_label[0])
    return out, ranges, section_found


@pytest.mark.parametrize("chunk", range(5))
def test_reading_only_some_blocks_finds_what_reading_all_finds(chunk):
    for text in PADS[chunk::5]:
        view = build_view(Pad.from_text(text))
        blocks = detect._prose_blocks(view)
        out, ranges = detect._prose(view, blocks, detect._maybe_blocks(blocks), detect._licence_refs(view))
        ref_out, ref_ranges, _ = _reference_prose(view)
        n = len(ref_out)
        assert out[:n] == ref_out, text              # then the "empty licence section" signals
        assert ranges[:len(ref_ranges)] == ref_ranges, text


def test_the_sentence_gate_hides_nothing(monkeypatch):
    segments = []
    for text in PADS:
        view = build_view(Pad.from_text(text))
        segments += [(view, seg) for seg in detect._segments(view)]
    gated = [detect._analyse_segment(view, seg, False) for view, seg in segments]
    monkeypatch.setattr(detect, "_sentence_cues", lambda: None)
    assert [detect._analyse_segment(view, seg, False) for view, seg in segments] == gated
    assert sum(bool(g[0]) for g in gated) > 50     # the pads do say things


# ------------------------------------------------------------------------------ required literals

@pytest.mark.parametrize("pattern, literals", [
    (r"\blicen[cs]es?\b", {"licence", "license"}),
    (r"\bcc[ -]?by", {"cc"}),
    (r"libres? de", {"libre"}),                 # the longer of "libre" and " de"
    (r"(?:ab|cd)x", {"abx", "cdx"}),
    (r"a(?=bcd)", {"bcd"}),
])
def test_required_literals(pattern, literals):
    assert required_literals(pattern) == literals


@pytest.mark.parametrize("pattern", [r"(?i)licence", r"a?", r"[^a]+", r"\w+", r"(?:abc|\d)", r"(?i:abc)"])
def test_no_requirement_when_unsure(pattern):
    assert required_literals(pattern) is None


def test_literal_guards_never_hide_a_match():
    patterns = [table.CC_SHORT, table.CC_BARE_CODE, table.CC_FAMILY, table.CC0, table.PDM, table.ALL_RIGHTS_RESERVED,
                table.PUBLIC_DOMAIN, table.FREE_LICENCE, table.ROYALTY_FREE, table.LABEL, table.BARE_LABEL,
                table.STATEMENT_PHRASES, table.LICENCE_WORD, table.PLACEHOLDER_AFTER_WORD, table.DISCUSSION,
                table.CODE_SUBJECT, table.ID_AFTER_PHRASE, _SPDX_TOKEN.pattern, *ANY_CONTEXT_PATTERNS,
                *(f.pattern for f in table.NAMED_FORMS)]
    assert all(required_literals(p) for p in patterns)
    rng = random.Random(9)
    texts = [fold(sentence(rng)).text for _ in range(1500)] + [fold(f).text for f in FRAGMENTS]
    matched = 0
    for p in patterns:
        rx = re.compile(p)
        for t in texts:
            if rx.search(t):
                matched += 1
                assert may_match(p, t), (p, t)
    assert matched > 1000


def test_find_names_is_unchanged_by_its_guards():
    rng = random.Random(3)
    for _ in range(300):
        t = fold(sentence(rng)).text
        assert find_names(t) == _unguarded_find_names(t), t


def _unguarded_find_names(text):
    from pad_lint.licences import match
    saved = match._finditer
    try:
        match._finditer = lambda pattern, t: match._re(pattern).finditer(t)
        return match.find_names(text)
    finally:
        match._finditer = saved


# ------------------------------------------------------------------------------ language

def _language_per_run(view) -> str:
    """pad_language as it counted before: word by word, run by run."""
    data = view.front_matter.data
    lang = data.get("lang") if isinstance(data, dict) else None
    if isinstance(lang, str) and lang.strip():
        return "fr" if lang.strip().lower().startswith("fr") else "en"
    fr = en = 0.0
    for run in view.runs:
        for word in language._WORD.findall(run.text.replace("’", "'")):
            if len(word) > 1 and word.isupper():
                continue
            w = word.lower().rpartition("'")[2]
            if w in language._FR:
                fr += 1
            elif w in language._EN or w == "license":
                en += 1
            elif w == "licence":
                fr += 0.5
            if not w.isascii() and language._ACCENTED.search(w):
                fr += 0.5
    return "fr" if fr > en else "en"


def test_language_counts_as_before():
    rng = random.Random(1)
    texts = PADS[:80] + ["The licence is here.\n\nLa license est là.", "L’équipe et the team", "RSE RSE the", "",
                         "---\nlang: fr-FR\n---\nThe the the", "aujourd'hui l'est l’école"]
    texts += [" ".join(rng.choice(["the", "le", "licence", "license", "é", "École", "THE", "l'été"]) for _ in range(9))
              for _ in range(100)]
    for text in texts:
        view = build_view(Pad.from_text(text))
        assert language._pad_language(view) == _language_per_run(view), text


def test_language_is_computed_only_when_asked():
    view = build_view(Pad.from_text("# Notes\n\nLicence : CC BY 4.0\n\nLe compte rendu de la réunion.\n"))
    a = analyse_licence(view)
    assert "_pad_language" not in view.__dict__
    assert a.language == "fr" and view.__dict__["_pad_language"] == "fr"


def test_the_analysis_does_not_keep_its_view_alive():
    view = build_view(Pad.from_text("# Notes\n\nThe minutes of the meeting, licensed under CC BY 4.0.\n"))
    a = analyse_licence(view)
    ref = __import__("weakref").ref(view)
    gc.disable()
    try:
        del view
        assert ref() is None          # freed by reference counting: no cycle through the cached analysis
    finally:
        gc.enable()
    assert a.language == "en"         # read from the runs it kept
