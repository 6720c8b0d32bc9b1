"""Offline helpers for links: address syntax, the HedgeDoc sanitizer, linkify
false links, and links to other pads on the same server.

Public API: :func:`pad_links`, :func:`pad_servers`, :func:`check_url`,
:func:`check_mailto`, :func:`check_tel`, :func:`hedgedoc_keeps`,
:func:`linkify_false_link`, :class:`Problem`.
"""

from __future__ import annotations

from .pads import pad_links, pad_servers
from .urls import Problem, check_mailto, check_tel, check_url, hedgedoc_keeps, linkify_false_link, scheme_of

__all__ = ["Problem", "check_mailto", "check_tel", "check_url", "hedgedoc_keeps", "linkify_false_link",
           "pad_links", "pad_servers", "scheme_of"]
