"""Reading the inline Markdown of a line stays linear when links, images and tags are left open.

:func:`pad_lint.event.lines.clean_inline` ran its link, image, autolink and tag patterns at every
``[``, ``!`` and ``<``; each scanned to the end of the line when the character closing it was
missing, and ``_LINK`` backtracked over every shorter destination: 10,000 ``[a](`` on one line
took 11 s, ``"![a](" * 8000`` 8.6 s, ``"<http:x" * 8000`` 2.9 s. The patterns now run only where
:class:`pad_lint.event.lines._Scan` finds (from sorted positions of the closing characters)
that they match. The old function is kept here, with its patterns, as the reference.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pad_lint
from pad_lint.config import Config
from pad_lint.event import lines as L
from pad_lint.event.lines import PlainLink, clean_inline
from sample_pads import sample_pad_paths, shipped_only
from scaling import assert_near_linear

ROOT = Path(__file__).resolve().parent.parent

# ----------------------------------------------------------------------------- reference (before _Scan)

_OLD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_OLD_LINK = re.compile(r"\[(?P<text>[^\]\[]*)\]\((?P<url><[^>]*>|[^)\s]*)(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
_OLD_REF_LINK = re.compile(r"\[(?P<text>[^\]\[]+)\]\[[^\]]*\]")
_OLD_AUTOLINK = re.compile(r"<(?P<url>(?:https?|mailto):[^>\s]+)>", re.I)
_OLD_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>|<!--.*?-->")
_OLD_PUNCT_ESC = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_OLD_PLAIN_RUN = re.compile(r"[^!\[<*_~=+`\\]+")


def _old_clean_inline(raw: str, base: int):
    n = len(raw)
    plain_run = _OLD_PLAIN_RUN.match
    m = plain_run(raw)
    if not raw or m is not None and m.end() == n:
        # no Markdown at all (most lines): the text is the line, offsets follow each other
        return raw, range(base, base + n + 1), [], []
    out: list[str] = []              # pieces of plain text
    offs: list[int] = []
    links: list[PlainLink] = []
    strong: list[tuple[int, int]] = []
    strong_open: int | None = None
    size = 0                         # plain characters so far
    i = 0
    while i < n:
        if m := plain_run(raw, i):  # a stretch of ordinary characters, copied in one go
            j = m.end()
            out.append(m.group())
            offs.extend(range(base + i, base + j))
            size += j - i
            i = j
            continue
        ch = raw[i]
        if ch == "!" and (m := _OLD_IMAGE.match(raw, i)):
            i = m.end()
            continue
        if ch == "[" and (m := _OLD_LINK.match(raw, i) or _OLD_REF_LINK.match(raw, i)):
            start = size
            label = m.group("text")
            j, stop = m.start("text"), m.end("text")
            while j < stop:
                if raw.startswith(("**", "__"), j):
                    j += 2
                    continue
                c = raw[j]
                if c in "*_`":
                    j += 1
                    continue
                out.append(c)
                offs.append(base + j)
                size += 1
                j += 1
            url = m.groupdict().get("url") or ""
            links.append(PlainLink(start, size, url.strip("<>"), label))
            i = m.end()
            continue
        if ch == "<" and (m := _OLD_AUTOLINK.match(raw, i)):
            start = size
            url, at = m.group("url"), m.start("url")
            out.append(url)
            offs.extend(range(base + at, base + at + len(url)))
            size += len(url)
            links.append(PlainLink(start, size, url, url))
            i = m.end()
            continue
        if ch == "<" and (m := _OLD_HTML_TAG.match(raw, i)):
            i = m.end()
            continue
        if raw.startswith(("**", "__"), i):
            if strong_open is None:
                strong_open = size
            else:
                strong.append((strong_open, size))
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
        if ch == "\\" and i + 1 < n and raw[i + 1] in _OLD_PUNCT_ESC:
            out.append(raw[i + 1])
            offs.append(base + i + 1)
            size += 1
            i += 2
            continue
        out.append(ch)
        offs.append(base + i)
        size += 1
        i += 1
    offs.append(offs[-1] + 1 if offs else base + n)
    return "".join(out), offs, links, strong


def test_the_reference_patterns_are_the_module_s():
    """The patterns are unchanged: only where they are run is."""
    for name in ("_IMAGE", "_LINK", "_REF_LINK", "_AUTOLINK", "_HTML_TAG", "_PLAIN_RUN"):
        assert getattr(L, name).pattern == globals()["_OLD" + name].pattern, name
        assert getattr(L, name).flags == globals()["_OLD" + name].flags, name
    assert L._PUNCT_ESC == _OLD_PUNCT_ESC


# ----------------------------------------------------------------------------- same results

def _same(raw: str, base: int) -> None:
    text, offsets, links, strong = clean_inline(raw, base)
    old_text, old_offsets, old_links, old_strong = _old_clean_inline(raw, base)
    assert (text, list(offsets), links, strong) == (old_text, list(old_offsets), old_links, old_strong), raw


#: (the fixture sets a class attribute for the whole test: nothing to reset between examples)
SETTINGS = settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
#: Pieces of links, images, autolinks, tags and comments, whole, cut short or unclosed.
PIECES = ["[", "]", "(", ")", "<", ">", "!", "![", "](", "[a](", "![a](", "[a][", "[a](<", "](<", "> ",
          "[a](x", ")", " ", "\t", '"', "'", ' "t"', " 't'", "<!--", "<!-- ", "-->", "--", "<http:x", "<https://x.org>",
          "<mailto:a@b.c>", "<MAILTO:", "<a ", "<b>", "</b>", "</", "<a href=x>", "**", "__", "*", "_", "`", "~~", "==",
          "\\", "\\[", "x", "é", "Léa", "\r", "\u00a0", "\u2003", ":"]
DELIMS = st.text(alphabet="![]()<>\"' \t-a:/hx*_`\\\u00a0", max_size=80)
PIECED = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)
REPEATED = st.tuples(st.lists(st.sampled_from(PIECES), min_size=1, max_size=4).map("".join),
                     st.integers(1, 30), st.sampled_from(["", ")", ">", "-->", "]", " )", ' "t")', "](x)"])
                     ).map(lambda t: t[0] * t[1] + t[2])


@pytest.fixture(params=["direct", "positions"])
def scan_mode(request, monkeypatch):
    """Short lines are searched directly, long ones through lists of positions: test both."""
    if request.param == "positions":
        monkeypatch.setattr(L._Scan, "SHORT", -1)
    return request.param


@SETTINGS
@given(raw=DELIMS | PIECED | REPEATED, base=st.integers(0, 1000))
def test_clean_inline_same_as_the_reference(scan_mode, raw: str, base: int) -> None:
    _same(raw, base)


@pytest.mark.parametrize("raw", [
    # the destination in <…> is tried first, then up to white space or ")"
    '[a](<x> "t")', "[a](<x)>", "[a](<x) y>)", "[a](<x>y)", "[a](<x> y) [b](<z>)", "[a](<x)[b](y)>",
    "[a](x 't' )", '[a](x "t" y)', '[a](x "t)', "[a](  )", "[a]()", "[](x)", "[a] (x)", "[a](x\t)", "[a](x\u00a0)",
    "[a][b]", "[][b]", "[a][]", "[a][b", "[[a](x)", "[a[b](x)", "![a](x)![b](y", "![[a]](x)", "![a]x)", "![a](",
    "<http://x>", "<https:>", "<HTTPS://X y>", "<mailto:a@b>", "<ftp://x>", "<a href='x'>", "</a>", "</ a>", "<1>",
    "<!---->", "<!-->", "<!--->", "<!-- a -- b -->", "<!-- <!-- -->", "<a <b>",
    # callers pass single lines, but a comment cannot run over a line break either way
    "<!-- a\n-->", "<!-- a -->\n<!--", "[a](<x\ny>)", "<a\nb>", "![a](\n)", "<!--\n<!-- x -->",
])
def test_clean_inline_same_as_the_reference_on_edge_cases(scan_mode, raw: str) -> None:
    _same(raw, 0)


def test_clean_inline_same_as_the_reference_on_the_corpus(scan_mode) -> None:
    """Every line of the sample pads (tests/sample_pads.py: the shipped ones, and the benchmark
    corpus and ../shared when present)."""
    count = 0
    for path in sample_pad_paths():
        for raw in path.read_text(encoding="utf-8", errors="replace").split("\n"):
            if not L._PLAIN_RUN.fullmatch(raw):
                count += 1
                _same(raw, 11)
    assert count > (500 if shipped_only() else 1000)


# ----------------------------------------------------------------------------- scaling

@pytest.mark.parametrize("unit", ["[a](", "![a](", "![", "[a](<", '[a](x "', "<a ", "<!-- ", "<http:x", "[a](x y"])
def test_open_links_images_and_tags_scale_linearly(unit: str) -> None:
    # linear: ~8x; the old scans to the end of the line: ~64x (at these sizes the cheaper old scans,
    # '![' and '<a ', take over a second too, past the floor)
    assert_near_linear(lambda raw: clean_inline(raw, 0), 5_000, 40_000, max_ratio=25,
                       setup=lambda n: unit * n, check=lambda n, cleaned: len(cleaned[0]) <= len(unit) * n)


CONFIG = Config.model_validate({"select": ["ALL"]})


def test_a_line_of_open_links_lints_in_linear_time() -> None:
    """The exact input: ``"[a](" * 10000`` on one line took 11 s to lint."""
    assert_near_linear(lambda text: pad_lint.lint(text, path="p.md", config=CONFIG), 1_000, 8_000, max_ratio=25,
                       setup=lambda n: "[a](" * n)
