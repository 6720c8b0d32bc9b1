"""markdown-it plugins for the HedgeDoc 1.x syntax that mdit-py-plugins lacks.

See ``shared/reference/hedgedoc-format.md`` §11 for the gap list:

* :mod:`.delimited` ``==mark==`` and ``++ins++``
* :mod:`.imsize` ``![alt](url =WxH)``
* :mod:`.regexp` ``{%youtube|vimeo|gist|slideshare|speakerdeck|pdf …%}`` and ``[TOC]``
* :mod:`.emoji` ``:shortcode:``
* :mod:`.abbr` ``*[ABBR]: title``

``[name=…]``/``[time=…]``/``[color=…]`` are not tokens in HedgeDoc either (it
rewrites the rendered HTML of list items and blockquote paragraphs); the
:class:`~pad_lint.markdown.view.PadView` finds them, see ``view.EXTRA_TAGS``.
Every inline rule here creates its tokens with ``state.push`` so that
:mod:`pad_lint.markdown.positions` records their offsets.
"""

from __future__ import annotations

from markdown_it import MarkdownIt

from .abbr import abbr_plugin
from .delimited import ins_plugin, mark_plugin
from .emoji import emoji_plugin
from .imsize import imsize_plugin
from .regexp import embeds_plugin, toc_plugin

__all__ = ["hedgedoc_plugins", "abbr_plugin", "ins_plugin", "mark_plugin", "emoji_plugin", "imsize_plugin",
           "embeds_plugin", "toc_plugin"]


def hedgedoc_plugins(md: MarkdownIt) -> None:
    """Apply every HedgeDoc-specific plugin to ``md`` (order as in HedgeDoc's ``extra.js``)."""
    abbr_plugin(md)
    mark_plugin(md)
    ins_plugin(md)
    imsize_plugin(md)
    emoji_plugin(md)
    embeds_plugin(md)
    toc_plugin(md)
