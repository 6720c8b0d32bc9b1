"""The HedgeDoc 1.x dialect: every construct is recognised, with exact source spans.

Reference: shared/reference/hedgedoc-format.md §4-§7 and §11.
"""

from __future__ import annotations

import pytest

from pad_lint.markdown.engine import hedgedoc_markdown
from pad_lint.markdown.view import build_view, find_extra_tags, parse_fence_info
from pad_lint.source import Pad


def view_of(src: str):
    return build_view(Pad.from_text(src))


def children(src: str):
    env: dict = {}
    return [c for t in hedgedoc_markdown().parse(src, env) if t.children for c in t.children]


def assert_runs_exact(view) -> None:
    text = view.pad.text
    for run in view.runs:
        assert text[run.start:run.end] == run.text, run


def test_mark_and_ins_become_elements_with_positions():
    src = "a ==marked== b ++added++ c ==> arrow"
    toks = children(src)
    kinds = [(t.type, t.meta.get("pad_pos")) for t in toks if t.type.endswith(("_open", "_close"))]
    assert kinds == [("mark_open", 2), ("mark_close", 10), ("ins_open", 15), ("ins_close", 22)]
    html = hedgedoc_markdown().render(src)
    assert "<mark>marked</mark>" in html and "<ins>added</ins>" in html and "==&gt; arrow" in html
    view = view_of(src)
    assert_runs_exact(view)
    assert [r.text for r in view.runs] == ["a ", "marked", " b ", "added", " c ==> arrow"]


@pytest.mark.parametrize("src, width, height, title", [
    ("![alt](https://ex.org/a.png =200x100)", "200", "100", None),
    ("![alt](https://ex.org/a.png =200x)", "200", None, None),
    ("![alt](https://ex.org/a.png =x50%)", None, "50%", None),
    ('![alt](https://ex.org/a.png "T" =30x40)', "30", "40", "T"),
    ("![alt](https://ex.org/a.png)", None, None, None),
])
def test_image_size_suffix_makes_an_image(src, width, height, title):
    view = view_of("Voir " + src + " ici")
    assert len(view.images) == 1
    img = view.images[0]
    assert (img.src, img.alt, img.width, img.height, img.title) == ("https://ex.org/a.png", "alt", width, height, title)
    assert view.pad.text[img.span.start_offset:img.span.end_offset] == src
    assert_runs_exact(view)


def test_size_needs_a_space_before_it():
    view = view_of("![alt](https://ex.org/a.png=200x100)")
    assert view.images[0].width is None and view.images[0].src.endswith("=200x100")


def test_valid_embeds_become_embed_links_invalid_ones_stay_text():
    src = ("{%youtube 90ubLb5u7AA %}\n{%youtube short %}\n{%vimeo 123456 %}\n{%gist user/abc123 %}\n"
           "{%gist user/ab-c %}\n{%slideshare jdoe/my-talk %}\n{%speakerdeck jdoe/deck %}\n"
           "{%pdf https://ex.org/doc.pdf %}\n{%pdf not a url %}\n")
    view = view_of(src)
    embeds = [(l.href, l.text) for l in view.links if l.kind == "embed"]
    assert embeds == [("https://www.youtube.com/watch?v=90ubLb5u7AA", "youtube"), ("https://vimeo.com/123456", "vimeo"),
                      ("https://gist.github.com/user/abc123", "gist"), ("https://www.slideshare.net/jdoe/my-talk", "slideshare"),
                      ("https://speakerdeck.com/jdoe/deck", "speakerdeck"), ("https://ex.org/doc.pdf", "pdf")]
    for link in view.links:
        assert view.pad.text[link.span.start_offset:link.span.end_offset] == link.raw
        assert link.raw.startswith("{%") and link.raw.endswith("%}")
    prose = "".join(r.text for r in view.runs)
    assert "{%youtube short %}" in prose and "{%gist user/ab-c %}" in prose and "{%pdf not a url %}" in prose
    assert "90ubLb5u7AA" not in prose
    assert_runs_exact(view)


@pytest.mark.parametrize("src, embed", [
    # HedgeDoc 1 (public/js/extra.js vimeoPlugin): /{%vimeo\s*(\d{6,11})\s*%}/ -- a 5-digit id is no embed
    ("{%vimeo 12345 %}", None),
    ("{%vimeo 123456 %}", "https://vimeo.com/123456"),
    ("{%vimeo12345678901%}", "https://vimeo.com/12345678901"),
    ("{%vimeo 123456789012 %}", None),          # 12 digits
    ("{%vimeo abcdefg %}", None),
])
def test_vimeo_embed_needs_six_to_eleven_digits(src, embed):
    import pad_lint

    doc = pad_lint.parse("# T\n\n" + src + "\n")
    assert [l.url for l in doc.links if l.kind == "embed"] == ([embed] if embed else [])
    view = view_of(src)
    prose = "".join(r.text for r in view.runs)
    assert (src in prose) == (embed is None)      # not an embed: HedgeDoc shows the text as written


def test_toc_only_when_nothing_follows_it():
    view = view_of("# T\n\n[TOC]\n\n[toc]\n\nSommaire [TOC]\n\n[TOC]\n<br>\n\nx [TOC] y\n")
    assert [(s.start_line, s.start_column) for s in view.toc] == [(3, 1), (5, 1), (7, 10)]


def test_emoji_shortcodes():
    view = view_of("Bravo :tada: et :not_an_emoji_name: !\n\n### :wave: Sign up\n")
    assert [(e.name, e.char, e.span.start_column) for e in view.emoji] == [("tada", "🎉", 7), ("wave", "👋", 5)]
    assert ":tada:" not in "".join(r.text for r in view.runs)
    assert ":not_an_emoji_name:" in "".join(r.text for r in view.runs)
    # HedgeDoc strips the emoji <img> from heading ids (hedgedoc-format.md §9)
    assert view.heading_ids("hedgedoc1-keep-case") == ["-Sign-up"]
    assert_runs_exact(view)


def test_abbreviations_are_definitions_not_prose():
    src = "*[HTML]: Hyper Text Markup Language\n\nLe HTML et le XHTML.\n"
    view = view_of(src)
    assert view.abbreviations == {"HTML": "Hyper Text Markup Language"}
    assert [b.text for b in view.blocks] == ["Le HTML et le XHTML."]
    assert '<abbr title="Hyper Text Markup Language">HTML</abbr> et le XHTML' in hedgedoc_markdown().render(src)
    assert_runs_exact(view)
    assert "".join(r.text for r in view.runs) == "Le HTML et le XHTML."


def test_extra_tags_render_only_in_list_items_and_blockquote_paragraphs():
    src = ("[name=Para] in a paragraph\n\n"
           "* [name=Item] [time=14:30] [color=#f00] item\n"
           "* **[name=Bold]** inside strong\n\n"
           "> [name=Quote] quoted\n\n"
           "> # [name=QuoteHeading]\n")
    view = view_of(src)
    got = [(t.kind, t.value, t.rendered) for t in view.extra_tags]
    assert got == [("name", "Para", False), ("name", "Item", True), ("time", "14:30", True), ("color", "#f00", True),
                   ("name", "Bold", False), ("name", "Quote", True), ("name", "QuoteHeading", False)]
    for tag in view.extra_tags:
        s = view.pad.text[tag.span.start_offset:tag.span.end_offset]
        assert s.startswith(f"[{tag.kind}=") and s.endswith("]")
        assert view.blocks[tag.block].span.start_offset <= tag.span.start_offset
    assert_runs_exact(view)


def test_extra_tag_regexes_are_hedgedocs():
    assert [t[:2] for t in find_extra_tags("[time=ü] [time=2022-06-21 14:30] [name=A : b] [color=red]")] == [
        ("time", "2022-06-21 14:30"), ("name", "A : b"), ("color", "red")]


def test_containers_extra_classes_unknown_and_unclosed():
    src = ":::info Titre en plus\nTexte\n:::\n\n:::spoiler Résumé\nx\n:::\n\n::::warning\n:::success\nA\n:::\nB\n"
    view = view_of(src)
    assert [(c.name, c.info, c.closed) for c in view.containers] == [("info", "Titre en plus", True),
                                                                       ("warning", "", False), ("success", "", True)]
    assert [(c.name, c.span.start_line) for c in view.unknown_containers] == [("spoiler", 5)]


def test_core_plugins_footnotes_deflist_tasks_sup_sub_math():
    src = ("Texte[^1] et ^[en ligne] 19^e^ H~2~O $x^2$\n\n[^1]: note\n\nTerme\n: définition\n\n"
           "- [ ] à faire\n- [x] fait\n\n$$\nE=mc^2\n$$\n")
    types = {t.type for t in hedgedoc_markdown().parse(src, {})}
    child_types = {c.type for c in children(src)}
    assert {"footnote_block_open", "dl_open", "dt_open", "dd_open", "math_block"} <= types
    assert {"footnote_ref", "sup_open", "sub_open", "math_inline"} <= child_types
    assert sum(c.type == "footnote_ref" for c in children(src)) == 2  # [^1] and the inline ^[…]
    html = hedgedoc_markdown().render(src)
    assert 'type="checkbox"' in html
    view = view_of(src)
    assert_runs_exact(view)
    assert "E=mc" not in "".join(r.text for r in view.runs)


@pytest.mark.parametrize("info, expected", [
    ("python", ("python", None, False)), ("js=", ("js", "", False)), ("js=101", ("js", "101", False)),
    ("js=+", ("js", "+", False)), ("js!", ("js", None, True)), ("!", ("", None, True)),
    ("Mermaid", ("mermaid", None, False)), ("", ("", None, False)),
])
def test_fence_info_suffixes(info, expected):
    assert parse_fence_info(info) == expected


def test_diagram_fences_are_never_prose():
    src = "```mermaid\ngraph TD; A-->B\n```\n\n```graphviz=\ndigraph{}\n```\n\n```sequence\nA->B: hi\n```\n\n```python=10\nx\n```\n"
    view = view_of(src)
    assert [(c.language, c.diagram, c.line_numbers) for c in view.code_blocks] == [
        ("mermaid", "mermaid", None), ("graphviz", "graphviz", ""), ("sequence", "sequence", None), ("python", None, "10")]
    assert view.runs == []


def test_all_constructs_together_keep_exact_spans(shared_dir):
    for name in ("atelier-pad-numerique-gouv-tutoriel.md", "jupyterhub-team-meeting-2020-03.md",
                 "turingway-bookdash-notes-template-en.md"):
        text = (shared_dir / "corpus" / "real" / name).read_text(encoding="utf-8")
        view = view_of(text)
        assert_runs_exact(view)
        for e in view.emoji:
            assert view.pad.text[e.span.start_offset:e.span.end_offset] == f":{e.name}:"
