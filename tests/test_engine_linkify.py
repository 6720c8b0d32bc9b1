"""The parser's linkify-it remembers matches without changing them."""

from __future__ import annotations

from linkify_it import LinkifyIt

from pad_lint.markdown.engine import _RememberingLinkify, hedgedoc_markdown

TEXTS = ["voir www.example.org et https://a.b/c, mail x@y.fr", "rien ici", "example.com puis example.com",
         "http://[::1]:8080/x?y=1#z", "pad.example.org/s/abc."]


def _shape(matches):
    return [(m.index, m.last_index, m.url, m.schema) for m in matches or []]


def test_remembered_matches_equal_linkify_its():
    plain, remembering = LinkifyIt(), _RememberingLinkify()
    for _ in range(2):  # the second round is served from memory
        for text in TEXTS:
            assert _shape(remembering.match(text)) == _shape(plain.match(text))


def test_memory_is_bounded():
    remembering = _RememberingLinkify()
    for k in range(2000):
        remembering.match(f"see example{k}.org")
    assert len(remembering._remembered) <= 512


def test_the_shared_parser_uses_it():
    assert isinstance(hedgedoc_markdown().linkify, _RememberingLinkify)
