"""The plain-text fast path of the HedgeDoc 1 slug equals the HTML parser's result."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pad_lint.markdown.heading_ids import _InnerHtml, _serialised_text, _strip_math


def _slow(inner_html: str) -> str:
    parser = _InnerHtml()
    parser.feed(_strip_math(inner_html))
    parser.close()
    return "".join(parser.out)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["Notes", " ", "\u00a0", ">", "é", "’", "«", ":smile:", "-", "x", "\t", "1."]),
                max_size=10).map("".join) | st.text(alphabet=st.characters(blacklist_characters="<&"), max_size=30))
def test_fast_path_equals_the_parser(text):
    assert _serialised_text(text) == _slow(text)


def test_tags_and_entities_still_go_through_the_parser():
    for html in ["<em>Notes</em> &amp; co", "a &lt; b", "<script>x</script>y"]:
        assert _serialised_text(html) == _slow(html)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["Notes", " ", "\u00a0", "é", "’", "\"", "'", "--", "...", "(c)", ":", "#", "~",
                                 "=", "+", "{", "}", "^", "$", "%", "1.", "x", "\t"]), max_size=10).map("".join)
       | st.text(max_size=30))
def test_github_text_fast_path_equals_rendering(source):
    from pad_lint.markdown.view import _github_text, _plain_markdown
    import html as html_lib
    import re

    slow = html_lib.unescape(re.sub(r"<[^>]*>", "", _plain_markdown().renderInline(source))).strip() if source else ""
    assert _github_text(source) == slow
