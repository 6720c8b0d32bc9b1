"""The bracket-first scan for broken link syntax finds what the old lookbehind regex found."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pad_lint.rules.links import _broken_syntax

OLD = re.compile(r"(?<!\\)(!?)\[([^\[\]\n]*)\]\(([^()\s]+)([ \t]+[^()\n]*?)?\)")
PIECES = ["[", "]", "(", ")", "!", "\\", " ", "\t", "\n", "x", "plan salle.png", "https://a.b/c", "file:x", "é"]


def _old(text):
    return [(m.start(), m.end(), m.group(1), m.group(3), m.start(3), m.end(4) if m.group(4) is not None else m.end(3),
             m.group(4) or "") for m in OLD.finditer(text)]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=16).map("".join))
def test_same_candidates_as_the_old_regex(text):
    assert list(_broken_syntax(text)) == _old(text)


def test_examples():
    for text in ["![x](a b)", "\\![x](a b)", "\\[x](a b)", "!\\[x](a b)", "[x](file:y)", "!![x](a b)"]:
        assert list(_broken_syntax(text)) == _old(text), text
