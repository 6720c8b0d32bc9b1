"""The markdown-it instance configured the way HedgeDoc 1.x renders pads.

Source: hedgedoc/hedgedoc@master ``public/js/extra.js`` (markdown-it ``default``
preset with ``html``, ``breaks``, ``linkify`` and ``typographer``; containers
success/info/warning/danger; footnotes, deflists, sup/sub, mathjax, abbr, mark,
ins, imsize, emoji, embeds, [TOC]), summarised
in ``shared/reference/hedgedoc-format.md`` §1 and §11.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from linkify_it import LinkifyIt
from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.subscript import sub_plugin
from mdit_py_plugins.superscript import superscript_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from . import positions
from .plugins import hedgedoc_plugins

#: The four alert containers of HedgeDoc 1 (``:::name``); anything else is text.
CONTAINER_NAMES = ("success", "info", "warning", "danger")


def _front_matter_rule(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """Consume the YAML front matter that :mod:`pad_lint.markdown.frontmatter` accepted.

    HedgeDoc only treats line 0 ``---`` … ``---``/``...`` with valid YAML as metadata;
    the split is decided beforehand and passed in ``env["pad_front_matter_lines"]``.
    """
    lines = state.env.get("pad_front_matter_lines") if isinstance(state.env, dict) else None
    if start_line != 0 or not lines:
        return False
    if silent:
        return True
    token = state.push("front_matter", "", 0)
    token.hidden = True
    token.block = True
    token.map = [0, lines]
    token.content = ""
    state.line = lines
    return True


_TODO_MARK = re.compile(r"\[[ xX]][ \t\n\v\f\r]+")
_CHECKBOX = {" ": '<input class="task-list-item-checkbox" disabled="disabled" type="checkbox">',
             "x": '<input class="task-list-item-checkbox" checked="checked" disabled="disabled" type="checkbox">'}


def _keep_positions_through_tasklists(md: MarkdownIt) -> None:
    """Replace mdit-py-plugins' ``github-tasklists`` core rule (0.7.0, options
    ``enabled=False, label=False``) with the same rule in linear time, keeping positions.

    The library finds each item's list by scanning back from the item token by token,
    so a list of n task items took O(n²) (16,000 ``- [ ] x`` lines: 40 s); here the
    open lists are kept on a stack while the tokens are read once. The library's rule
    cuts ``[ ]`` from the inline content and its first text token; the block content is
    kept (the source map reads it) and the text token's recorded offset moves past the
    cut. ``tests/test_engine_tasklists.py`` compares both rules token by token.
    """
    if not any(r.name == "github-tasklists" for r in md.core.ruler.__rules__):
        return

    def tasklists_with_positions(state: Any) -> None:
        tokens = state.tokens
        last_at_level: dict[int, int] = {}  # the latest token of each level so far
        for i, tok in enumerate(tokens):
            if (2 <= i < len(tokens) - 1 and tok.type == "inline" and tokens[i - 1].type == "paragraph_open"
                    and tokens[i - 2].type == "list_item_open" and _TODO_MARK.match(tok.content)):
                _todoify(tok)
                tokens[i - 2].attrSet("class", "task-list-item")
                # the library's parent_token: the nearest earlier token one level up, else -1
                tokens[last_at_level.get(tokens[i - 2].level - 1, -1)].attrSet("class", "contains-task-list")
            last_at_level[tok.level] = i

    md.core.ruler.at("github-tasklists", tasklists_with_positions)


def _todoify(token: Any) -> None:
    """Put the checkbox before the item's text and cut ``[ ] `` from its first child."""
    checkbox = Token("html_inline", "", 0)
    if token.content.startswith("[ ] "):
        checkbox.content = _CHECKBOX[" "]
    elif token.content.startswith(("[x] ", "[X] ")):
        checkbox.content = _CHECKBOX["x"]
    token.children.insert(0, checkbox)
    first = token.children[1]
    cut = first.content[3:]
    # (the library also cuts token.content; the block content is kept for the source map)
    if first.type == "text" and first.meta and first.meta.get("pad_pos") is not None:
        first.meta["pad_pos"] += len(first.content) - len(cut)
    first.content = cut


def _keep_positions_through_footnotes(md: MarkdownIt) -> None:
    """The footnote inline rules replace ``token.meta`` after ``state.push`` and
    so drop the recorded offset; put it back (the rule's start position)."""
    for name in ("footnote_inline", "footnote_ref"):
        rule = next((r.fn for r in md.inline.ruler.__rules__ if r.name == name), None)
        if rule is None:
            continue

        def wrapped(state: Any, silent: bool, _rule: Any = rule) -> bool:
            start, count = state.pos, len(state.tokens)
            ok = _rule(state, silent)
            if ok and not silent:
                for tok in state.tokens[count:]:
                    if tok.meta is None:
                        tok.meta = {}
                    tok.meta.setdefault("pad_pos", start)
            return ok

        md.inline.ruler.at(name, wrapped)


class _RememberingLinkify(LinkifyIt):
    """linkify-it that remembers its last matches.

    markdown-it's linkify rule matches each candidate text once, and the position
    pass (:mod:`.positions`) then asks for the matches of the same texts to place
    the new link tokens in the source: remembering them saves linkify-it's
    regexes a second run. ``match`` depends only on the text (the schemas never
    change after the parser is built); the memory is bounded.
    """

    def __init__(self) -> None:
        super().__init__()
        self._remembered: dict[str, Any] = {}

    def match(self, text: str) -> Any:
        remembered = self._remembered
        if text in remembered:
            return remembered[text]
        found = super().match(text)
        if len(remembered) >= 512:
            remembered.clear()
        remembered[text] = found
        return found


@lru_cache(maxsize=1)
def hedgedoc_markdown() -> MarkdownIt:
    """Return the shared HedgeDoc-1.x-like parser (built once per process)."""
    md = MarkdownIt("js-default", {"html": True, "breaks": True, "linkify": True, "typographer": True})
    md.linkify = _RememberingLinkify()
    md.block.ruler.before("table", "pad_front_matter", _front_matter_rule,
                          {"alt": ["paragraph", "reference", "blockquote", "list"]})
    for name in CONTAINER_NAMES:
        container_plugin(md, name, marker=":")
    footnote_plugin(md)
    _keep_positions_through_footnotes(md)
    deflist_plugin(md)
    tasklists_plugin(md)
    _keep_positions_through_tasklists(md)
    superscript_plugin(md)
    sub_plugin(md)
    dollarmath_plugin(md, allow_space=True, double_inline=True)
    hedgedoc_plugins(md)  # mark, ins, abbr, imsize, emoji, {%embeds%}, [TOC]
    positions.install(md)
    return md


def parse_tokens(text: str, env: dict[str, Any]) -> list[Any]:
    """Tokenise ``text`` (``\\n`` line breaks) with the HedgeDoc parser."""
    return hedgedoc_markdown().parse(text, env)
