"""``:shortcode:`` emoji, as markdown-it-emoji 3.1.0 ``full`` in HedgeDoc 1.x.

HedgeDoc 1 loads markdown-it-emoji with the full gemoji name set and text
smileys (``:-)``) disabled, and renders each emoji as
``<img class="emoji" alt=":name:" …>`` (hedgedoc/hedgedoc@master
``public/js/extra.js``; ``shared/reference/hedgedoc-format.md`` §6). The image
matters for heading ids: HedgeDoc strips it, so ``### :wave: Hi`` gets the id
``-Hi``.

Names come from the ``emoji`` package (its GitHub/gemoji aliases such as
``:tada:`` and ``:+1:``). Implemented as an inline rule at ``:`` (the upstream
plugin is a core rule over text tokens; the result is the same outside code and
autolinks) so tokens go through ``state.push`` and keep their offsets.
Token: ``emoji`` with ``markup`` = the name and ``content`` = the character.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

_SHORTCODE = re.compile(r":([A-Za-z0-9_+\-]+):")


@lru_cache(maxsize=1)
def emoji_names() -> dict[str, str]:
    """Shortcode name (without colons) -> emoji character."""
    import emoji as emoji_lib

    names: dict[str, str] = {}
    for char, data in emoji_lib.EMOJI_DATA.items():
        for alias in [*data.get("alias", []), data.get("en", "")]:
            if alias.startswith(":") and alias.endswith(":"):
                names.setdefault(alias[1:-1], char)
    return names


def emoji_rule(state: StateInline, silent: bool) -> bool:
    if state.src[state.pos] != ":":
        return False
    m = _SHORTCODE.match(state.src, state.pos, state.posMax)
    if not m:
        return False
    char = emoji_names().get(m.group(1))
    if char is None:
        return False
    if not silent:
        token = state.push("emoji", "", 0)
        token.markup = m.group(1)
        token.content = char
    state.pos = m.end()
    return True


def _render_emoji(self, tokens, idx, options, env) -> str:  # noqa: ANN001
    name = escape(tokens[idx].markup)
    return f'<img class="emoji" alt=":{name}:" src="build/emojify.js/dist/images/basic/{name}.png">'


def emoji_plugin(md: MarkdownIt) -> None:
    """Register the emoji rule (after every built-in inline rule) and its renderer."""
    md.inline.ruler.push("emoji", emoji_rule)
    md.add_render_rule("emoji", _render_emoji)
