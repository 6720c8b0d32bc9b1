"""The markdown-it instance configured the way HedgeDoc 1.x renders pads.

Source: hedgedoc/hedgedoc@master ``public/js/extra.js`` (markdown-it ``default``
preset with ``html``, ``breaks``, ``linkify`` and ``typographer``; containers
success/info/warning/danger; footnotes, deflists, sup/sub, mathjax, abbr, mark,
ins, imsize, emoji, embeds, [TOC]), summarised
in ``shared/reference/hedgedoc-format.md`` §1 and §11.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from linkify_it import LinkifyIt
from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
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


def _keep_positions_through_tasklists(md: MarkdownIt) -> None:
    """The tasklists core rule cuts ``[ ]`` from the inline content and its first
    text token; restore the block content (the source map reads it) and move
    the text token's recorded offset past the cut."""
    rules = {r.name: r.fn for r in md.core.ruler.__rules__}
    original = rules.get("github-tasklists")
    if original is None:
        return

    def tasklists_with_positions(state: Any) -> None:
        # only an inline block starting with "[" can become a task item
        before: dict[int, tuple[str, dict[int, str]]] = {
            id(t): (t.content, {id(c): c.content for c in t.children or []})
            for t in state.tokens if t.type == "inline" and t.content.startswith("[")}
        original(state)
        for tok in state.tokens:
            old = before.get(id(tok))
            if tok.type != "inline" or old is None or old[0] == tok.content:
                continue
            tok.content = old[0]
            for child in tok.children or []:
                was = old[1].get(id(child))
                if (child.type == "text" and was is not None and was != child.content and was.endswith(child.content)
                        and child.meta and child.meta.get("pad_pos") is not None):
                    child.meta["pad_pos"] += len(was) - len(child.content)

    md.core.ruler.at("github-tasklists", tasklists_with_positions)


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
