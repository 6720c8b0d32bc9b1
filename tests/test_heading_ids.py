"""Heading ids per dialect: every worked example of link-checking.md §2.3, the
HedgeDoc 1 de-duplication paths replayed from ``deduplicatedHeaderId``, and the
browser's fragment matching."""

from __future__ import annotations

import pytest

from pad_lint.markdown import heading_ids as hid
from pad_lint.markdown.view import build_view
from pad_lint.source import Pad


def ids_of(source: str, dialect: str) -> list[str]:
    return build_view(Pad.from_text(source)).heading_ids(dialect)


# link-checking.md §2.3 "Worked examples" (GitHub, HedgeDoc 1 keep-case, HedgeDoc 1 gfm, HedgeDoc 2).
# GitHub and HedgeDoc 2 columns are written there as link fragments; ids are compared
# after the same percent-decoding a browser applies (fragment_matches).
WORKED = [
    ("# 3.1. Good Morning my Friend! - Do you have 5$?",
     "31-good-morning-my-friend---do-you-have-5", "31-Good-Morning-my-Friend---Do-you-have-5",
     "31-good-morning-my-friend---do-you-have-5", "3.1.-good-morning-my-friend!---do-you-have-5%24%3F"),
    ('## "Quick" start -- intro',
     "quick-start----intro", "“Quick”-start-–-intro", "“quick”-start-–-intro",
     "%E2%80%9Cquick%E2%80%9D-start-%E2%80%93-intro"),
    ("## Q&A: `foo()` & more",
     "qa-foo--more", "QampA-foo-amp-more", "qampa-foo-amp-more", "q%26a%3A-foo()-%26-more"),
    ("## ⚠️ Disclaimer",
     "%EF%B8%8F-disclaimer", "⚠️-Disclaimer", "⚠️-disclaimer", "%E2%9A%A0%EF%B8%8F-disclaimer"),
]


@pytest.mark.parametrize("source,github,keep,gfm,hd2", WORKED)
def test_worked_examples(source: str, github: str, keep: str, gfm: str, hd2: str) -> None:
    assert ids_of(source, "hedgedoc1-keep-case") == [keep]
    assert ids_of(source, "hedgedoc1-gfm") == [gfm]
    assert ids_of(source, "hedgedoc1-lower-case") == [keep.lower()]
    assert ids_of(source, "hedgedoc2") == [hd2]
    # GitHub ids are Unicode in the DOM; the table writes the link form.
    assert hid.fragment_matches(github, set(ids_of(source, "github")))
    assert [hid.href_fragment(i) for i in ids_of(source, "github")] != []


def test_worked_examples_github_ids_exact() -> None:
    assert ids_of("## ⚠️ Disclaimer", "github") == ["\ufe0f-disclaimer"]
    assert ids_of('## "Quick" start -- intro', "github") == ["quick-start----intro"]


def test_second_notes_heading() -> None:
    src = "## Notes\n\n## Notes\n"
    assert ids_of(src, "github") == ["notes", "notes-1"]
    assert ids_of(src, "hedgedoc1-keep-case") == ["Notes", "Notes1"]
    assert ids_of(src, "hedgedoc1-gfm") == ["notes", "notes-1"]
    assert ids_of(src, "hedgedoc2") == ["notes", "notes-1"]
    # deduplicatedHeaderId's legacy path serves lower-case too (it only branches on 'gfm').
    assert ids_of(src, "hedgedoc1-lower-case") == ["notes", "notes1"]


def test_legacy_dedupe_replayed_exactly() -> None:
    assert hid._dedupe_hedgedoc1_legacy(["Notes", "Notes", "Notes"]) == ["Notes", "Notes1", "Notes2"]
    # header 2 becomes Notes1 (j=1 among [h0, h2]), then clashes with the literal Notes1:
    # processing header 1 renames the second holder to Notes1 + 1.
    assert hid._dedupe_hedgedoc1_legacy(["Notes", "Notes1", "Notes"]) == ["Notes", "Notes1", "Notes11"]
    assert hid._dedupe_hedgedoc1_legacy(["", "", "A"]) == ["", "", "A"]


def test_gfm_collision_loop() -> None:
    # link-checking.md §3.1: "Notes, Notes, Notes 1" -> HedgeDoc 1 gfm gives notes-1-1.
    src = "## Notes\n## Notes\n## Notes 1\n"
    assert ids_of(src, "hedgedoc1-gfm") == ["notes", "notes-1", "notes-1-1"]
    assert ids_of(src, "hedgedoc2") == ["notes", "notes-1", "notes-1-1"]


def test_hedgedoc1_inner_html_serialisation() -> None:
    # innerHTML keeps &amp; &lt; &gt; &nbsp; as entities but not quotes.
    assert hid.hedgedoc1_slug("a &lt; b") == "a-lt-b"
    assert hid.hedgedoc1_slug("Programme\u00a0: jour") == "Programmenbsp-jour"
    assert hid.hedgedoc1_slug("say &quot;hi&quot;") == "say-hi"
    assert hid.hedgedoc1_slug("<em>Bold</em> <code>x()</code>") == "Bold-x"
    assert hid.hedgedoc1_slug("x <script>alert(1)</script>y") == "x-y"


def test_hedgedoc1_emoji_shortcodes_vanish() -> None:
    # hedgedoc-format.md §9: "### :wave: Sign up" gives "-Sign-up".
    assert ids_of("### :wave: Sign up", "hedgedoc1-keep-case") == ["-Sign-up"]
    # a time is not an emoji shortcode
    assert ids_of("## 10:30: Pause", "hedgedoc1-keep-case") == ["1030-Pause"]


def test_non_ascii_and_case_kept_in_hedgedoc1() -> None:
    assert ids_of("## Présent·e·s", "hedgedoc1-keep-case") == ["Présent·e·s"]
    assert ids_of("## Présent·e·s", "github") == ["présentes"]


def test_unknown_dialect() -> None:
    with pytest.raises(ValueError, match="unknown heading-id dialect"):
        hid.heading_ids([("a", "a")], "gitlab")


@pytest.mark.parametrize("fragment,ids,ok", [
    ("%EF%B8%8F-disclaimer", {"\ufe0f-disclaimer"}, True),
    ("fünf-süße-äpfel", {"fünf-süße-äpfel"}, True),
    ("f%C3%BCnf", {"fünf"}, True),
    ("fünf", {"f%C3%BCnf"}, True),           # HedgeDoc 2 ids are stored percent-encoded
    ("Dependencies", {"dependencies"}, False),  # case-sensitive
    ("", set(), True),
    ("top", set(), True),
    ("TOP", set(), True),
    ("%FF%FE", set(), False),                # not UTF-8: compared as written only
])
def test_fragment_matches(fragment: str, ids: set[str], ok: bool) -> None:
    assert hid.fragment_matches(fragment, ids) is ok


def test_href_fragment_keeps_readable_text() -> None:
    assert hid.href_fragment("Fünf-süße-Äpfel") == "Fünf-süße-Äpfel"
    assert hid.href_fragment("a b(c)") == "a%20b%28c%29"
