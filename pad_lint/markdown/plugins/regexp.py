"""HedgeDoc 1.x ``markdown-it-regexp`` rules: ``{%…%}`` embeds and ``[TOC]``.

Source: hedgedoc/hedgedoc@master ``public/js/extra.js`` (youtubePlugin,
vimeoPlugin, gistPlugin, slidesharePlugin, speakerdeckPlugin, pdfPlugin,
tocPlugin), regexes in ``shared/reference/hedgedoc-format.md`` §6.
markdown-it-regexp 0.4.0 anchors each regex at the inline cursor
(``RegExp('^' + source)``) and runs it after every built-in inline rule, so:

* an embed is recognised only with a valid id (an 11-character YouTube id, a
  6-11 digit Vimeo id, ``user/id`` gists…); anything else stays literal text;
* ``{%pdf URL%}`` renders only when ``isValidURL`` accepts the URL,
  otherwise the literal text stays;
* ``[TOC]`` (any case) renders only when nothing follows it in the block's
  inline content (the ``$`` of ``/^\\[TOC\\]$/i`` without the ``m`` flag).

Tokens: ``hedgedoc_embed`` (``meta``: ``kind``, ``id``, ``url``) and
``hedgedoc_toc``, both pushed with ``state.push`` so their offsets are recorded.
"""

from __future__ import annotations

import re
from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

#: kind -> (anchored regex with the id in group 1, URL template)
EMBEDS: dict[str, tuple[re.Pattern[str], str]] = {
    "youtube": (re.compile(r"\{%youtube\s*([\w-]{11})\s*%\}", re.A), "https://www.youtube.com/watch?v={}"),
    "vimeo": (re.compile(r"\{%vimeo\s*(\d{6,11})\s*%\}", re.A), "https://vimeo.com/{}"),
    "gist": (re.compile(r"\{%gist\s*(\w+/\w+)\s*%\}", re.A), "https://gist.github.com/{}"),
    "slideshare": (re.compile(r"\{%slideshare\s*(\w+/[\w-]+)\s*%\}", re.A), "https://www.slideshare.net/{}"),
    "speakerdeck": (re.compile(r"\{%speakerdeck\s*(\w+/[\w-]+)\s*%\}", re.A), "https://speakerdeck.com/{}"),
    "pdf": (re.compile(r"\{%pdf\s*([\d\D]*?)\s*%\}", re.A), "{}"),
}
_TOC = re.compile(r"\[TOC\]", re.I)


# HedgeDoc's ``isValidURL`` (public/js/extra.js), used by the pdf embed: an
# optional http(s) scheme, a dotted domain or IPv4 address, optional port,
# path, query and fragment (JS regex with the ``i`` flag; the label group is
# rewritten without nested quantifiers, same language, no catastrophic backtracking).
_VALID_URL = re.compile(
    r"^(https?://)?"
    r"(([a-z\d](?:[a-z\d-]*[a-z\d])?\.)+[a-z]{2,}|((\d{1,3}\.){3}\d{1,3}))"
    r"(:\d+)?(/[-a-z\d%_.~+]*)*"
    r"(\?[;&a-z\d%_.~+=-]*)?"
    r"(#[-a-z\d_]*)?$", re.I | re.A)


def is_valid_url(url: str) -> bool:
    """HedgeDoc's ``isValidURL`` for ``{%pdf URL%}`` (see :data:`_VALID_URL`)."""
    return bool(_VALID_URL.match(url))


def embed_rule(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith("{%", state.pos):
        return False
    rest = state.src[state.pos:state.posMax]
    for kind, (pattern, template) in EMBEDS.items():
        m = pattern.match(rest)
        if not m:
            continue
        ident = m.group(1)
        if kind == "pdf" and not is_valid_url(ident):
            return False
        if not silent:
            token = state.push("hedgedoc_embed", "", 0)
            token.content = m.group(0)
            token.meta.update({"kind": kind, "id": ident, "url": template.format(ident)})
        state.pos += m.end()
        return True
    return False


def toc_rule(state: StateInline, silent: bool) -> bool:
    if state.src[state.pos] != "[":
        return False
    m = _TOC.match(state.src, state.pos, state.posMax)
    if not m or m.end() != len(state.src):
        return False
    if not silent:
        token = state.push("hedgedoc_toc", "", 0)
        token.content = m.group(0)
    state.pos = m.end()
    return True


def _render_embed(self, tokens, idx, options, env) -> str:  # noqa: ANN001
    meta = tokens[idx].meta
    kind, ident, url = meta["kind"], meta["id"], meta["url"]
    from html import escape

    if kind == "gist":
        return f'<iframe class="gist" src="https://gist.github.com/{escape(ident)}.pibb"></iframe>'
    if kind == "pdf":
        return f'<div class="pdf raw" data-pdfurl="{escape(url)}"></div>'
    return f'<div class="{kind} raw" data-{"videoid" if kind in ("youtube", "vimeo") else "slideshareid" if kind == "slideshare" else "speakerdeckid"}="{escape(ident)}"></div>'


def embeds_plugin(md: MarkdownIt) -> None:
    """Register the ``{%…%}`` embed rule and its renderer."""
    md.inline.ruler.push("hedgedoc_embed", embed_rule)
    md.add_render_rule("hedgedoc_embed", _render_embed)


def toc_plugin(md: MarkdownIt) -> None:
    """Register the ``[TOC]`` rule (rendered as ``<div class="toc"></div>``)."""
    md.inline.ruler.push("hedgedoc_toc", toc_rule)
    md.add_render_rule("hedgedoc_toc", lambda self, tokens, idx, options, env: '<div class="toc"></div>')
