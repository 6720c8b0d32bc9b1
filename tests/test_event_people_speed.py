"""The faster people, venue and line readers answer exactly as the code they replaced.

Reference copies of the replaced functions (from commit 73a1b78) are kept here and
compared with the new ones on generated and corpus text; the pre-filters are checked to
never reject a text their regex matches.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pad_lint.event import lines as L
from pad_lint.event.lines import PlainLink, clean_inline

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = settings(max_examples=300, deadline=None)


# ----------------------------------------------------------------------------- references (73a1b78)

def _ref_clean_inline(raw: str, base: int):
    out: list[str] = []
    offs: list[int] = []
    links: list[PlainLink] = []
    strong: list[tuple[int, int]] = []
    strong_open = None
    i = 0
    n = len(raw)

    def emit(text: str, at: int) -> None:
        out.extend(text)
        offs.extend(range(base + at, base + at + len(text)))

    plain_run = L._PLAIN_RUN.match
    while i < n:
        if m := plain_run(raw, i):
            emit(m.group(), i)
            i = m.end()
            continue
        ch = raw[i]
        if ch == "!" and (m := L._IMAGE.match(raw, i)):
            i = m.end()
            continue
        if ch == "[" and (m := L._LINK.match(raw, i) or L._REF_LINK.match(raw, i)):
            start = len(out)
            label = m.group("text")
            j = m.start("text")
            while j < m.end("text"):
                if raw.startswith(("**", "__"), j):
                    j += 2
                    continue
                if raw[j] in "*_`":
                    j += 1
                    continue
                emit(raw[j], j)
                j += 1
            url = m.groupdict().get("url") or ""
            links.append(PlainLink(start, len(out), url.strip("<>"), label))
            i = m.end()
            continue
        if ch == "<" and (m := L._AUTOLINK.match(raw, i)):
            start = len(out)
            emit(m.group("url"), m.start("url"))
            links.append(PlainLink(start, len(out), m.group("url"), m.group("url")))
            i = m.end()
            continue
        if ch == "<" and (m := L._HTML_TAG.match(raw, i)):
            i = m.end()
            continue
        if raw.startswith(("**", "__"), i):
            if strong_open is None:
                strong_open = len(out)
            else:
                strong.append((strong_open, len(out)))
                strong_open = None
            i += 2
            continue
        if raw.startswith(("~~", "==", "++"), i):
            i += 2
            continue
        if ch in "*_`":
            prev = raw[i - 1] if i else " "
            nxt = raw[i + 1] if i + 1 < n else " "
            if ch == "`" or not (prev.isalnum() and nxt.isalnum()):
                i += 1
                continue
        if ch == "\\" and i + 1 < n and raw[i + 1] in L._PUNCT_ESC:
            emit(raw[i + 1], i + 1)
            i += 2
            continue
        emit(ch, i)
        i += 1
    offs.append(offs[-1] + 1 if offs else base + n)
    return "".join(out), offs, links, strong


def _corpus_pads(step: int = 7) -> list[Path]:
    pads = sorted((ROOT / "benchmarks" / "corpus" / "pads-1000").glob("*.md"))[::step]
    return pads + sorted((ROOT / "examples").rglob("*.md"))


def _corpus_views(step: int = 7):
    from pad_lint.markdown.view import build_view
    from pad_lint.source import Pad

    for path in _corpus_pads(step):
        try:
            pad = Pad.from_bytes(path.read_bytes(), path=str(path))
        except Exception:  # noqa: BLE001 - undecodable test data
            continue
        yield build_view(pad)


# ----------------------------------------------------------------------------- lines

MARKDOWN = st.text(alphabet="![]()<>*_~=+`\\ab é:/h.-\t", max_size=60)
PIECES = ["**", "__", "*", "_", "`", "~~", "==", "++", "[a](http://x)", "[**b**](<u v>)", "[r][1]", "![i](p.png)",
          "<https://x.org>", "<b>", "</b>", "<!-- c -->", "\\*", "\\", "Léa", " ", ":", "é", "x"]


@SETTINGS
@given(MARKDOWN | st.lists(st.sampled_from(PIECES), max_size=12).map("".join) | st.text(max_size=40),
       st.integers(0, 1000))
def test_clean_inline_same_as_before(raw: str, base: int) -> None:
    raw = raw.replace("\n", " ")
    assert clean_inline(raw, base) == _ref_clean_inline(raw, base)


def test_block_lines_same_as_before_on_the_corpus() -> None:
    for view in _corpus_views():
        for block_no, block in enumerate(view.blocks):
            pos = 0
            for k, (raw, line) in enumerate(zip(block.raw.split("\n"), L._block_lines(view, block_no), strict=True)):
                text, offs, links, strong = _ref_clean_inline(raw, block.source_offset(pos))
                assert (line.text, line.offsets, line.links, line.strong, line.line_no) == (text, offs, links, strong, k)
                pos += len(raw) + 1


# ----------------------------------------------------------------------------- people

def _ref_fold(text: str) -> str:
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    t = re.sub(r"[-‐‑–_.]+", " ", t)
    return " ".join(t.split())


NAME_PIECES = ["Léa", "LÉA", "Élodie", "Nadia", "BERTIN", "Jean-Pierre", "d'Arc", "d’Ornano", "M.", "Mme", "Dr",
               "van", "der", "IR", "FORSE", "Zed42", "hevna", "Présent·e·s", "İ", "ı", "ſ", "ﬁ", "²", "٣", "Σ",
               " ", "  ", "\t", "-", "‐", "‑", "–", "_", ".", ",", ":", "(", ")", "«", "»", "'", "’", "&", "et", "and",
               "Animée par", "Prise de notes", "notes by", "Participant·es", "moderated by", "Hôte", "Chair",
               "参与者", "出席", "mise en place du pad", "Facilitation graphique", "Intervenant·e·s", "Speakers"]
NAMEISH = st.lists(st.sampled_from(NAME_PIECES), max_size=8).map("".join) | st.text(max_size=30)


@SETTINGS
@given(NAMEISH)
def test_fold_same_as_before(text: str) -> None:
    from pad_lint.event.people import fold

    assert fold(text) == _ref_fold(text)


@SETTINGS
@given(NAMEISH)
def test_one_cue_regex_answers_as_the_cues_one_by_one(text: str) -> None:
    from pad_lint.event.people import _ANY_ROLE_CUE, ROLE_CUES

    for t in (text, text.lstrip(), text[1:]):
        assert (_ANY_ROLE_CUE.match(t) is not None) == any(p.match(t) for _r, p in ROLE_CUES)
