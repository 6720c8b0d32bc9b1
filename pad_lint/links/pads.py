"""Links from a pad to other pads on the same HedgeDoc server.

A HedgeDoc 1 note lives at ``https://<server>/<note id or FreeURL alias>``
(published: ``/s/<shortid>``, slides: ``/p/<shortid>``); see
``shared/reference/hedgedoc-format.md`` §8 and §10. Which server is "this
pad's" is known when the pad was fetched from a URL; otherwise it is inferred
from the pad itself:

1. a host that serves the pad's uploaded images (``/uploads/upload_<32 hex>.<ext>``,
   HedgeDoc's filesystem upload backend), or whose S3 bucket is named after a
   host the pad links to (``…/pad-lamyne-org/uploads/…`` -> ``pad.lamyne.org``);
2. a host named like a pad server (first label ``pad``, ``hedgedoc``, ``codimd``,
   ``md``, ``notes``…) that the pad links to with note-shaped paths.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

if TYPE_CHECKING:
    from ..markdown.view import PadView

_UPLOAD = re.compile(r"^/(?:(?P<bucket>[A-Za-z0-9.\-]+)/)?uploads/upload_[0-9a-f]{32}\.\w+$")
_PAD_HOST_WORDS = frozenset({"pad", "pads", "hedgedoc", "codimd", "md", "notes", "note", "demo-hedgedoc"})
_NOTE_SEGMENT = re.compile(r"^[A-Za-z0-9_\-~.%]{3,}$")
#: HedgeDoc 1 routes and built-in documentation notes that are not event pads
#: (``lib/web/*router.js``, ``public/docs/``).
RESERVED_PATHS = frozenset({
    "new", "features", "yaml-metadata", "slide-example", "release-notes", "uploads", "build", "css", "js",
    "vendor", "docs", "views", "auth", "login", "logout", "register", "me", "history", "status", "metrics",
    "config", "temp", "open", "robots.txt", "favicon.ico", "manifest.json", "404.html", "403.html", "500.html",
    "apple-touch-icon.png", "site.webmanifest", "api", "explore", "profile", "settings", "intro",
})


def _origin(url: str) -> str | None:
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def _note_path(path: str, *, known_server: bool) -> bool:
    segments = [s for s in path.split("/") if s]
    if len(segments) == 1:
        return bool(_NOTE_SEGMENT.match(segments[0])) and segments[0].lower() not in RESERVED_PATHS
    if len(segments) == 2 and known_server and segments[0] in ("s", "p"):
        return bool(_NOTE_SEGMENT.match(segments[1])) and segments[1].lower() not in RESERVED_PATHS
    return False


def pad_servers(view: "PadView") -> list[str]:
    """Origins (``https://host[:port]``) of the HedgeDoc server(s) this pad lives on, best guess first."""
    urls = [link.href for link in view.links] + [img.src for img in view.images]
    servers: list[str] = []
    if view.pad.path and _origin(view.pad.path):
        servers.append(_origin(view.pad.path))  # type: ignore[arg-type]
    link_origins = {o for o in (_origin(u) for u in urls) if o}
    for url in urls:
        origin = _origin(url)
        if not origin:
            continue
        m = _UPLOAD.match(urlsplit(url).path)
        if not m:
            continue
        if m.group("bucket"):
            for candidate in (f"https://{m.group('bucket').replace('-', '.')}", f"http://{m.group('bucket').replace('-', '.')}"):
                if candidate in link_origins and candidate not in servers:
                    servers.append(candidate)
        elif origin not in servers:
            servers.append(origin)
    for url in urls:
        origin = _origin(url)
        if not origin or origin in servers:
            continue
        labels = (urlsplit(url).hostname or "").split(".")
        # pad servers are sub-domains (pad.example.org); "hedgedoc.org" is a project site
        if len(labels) >= 3 and labels[0] in _PAD_HOST_WORDS and _note_path(urlsplit(url).path, known_server=False):
            servers.append(origin)
    return servers


def _normalise(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, "", ""))


def pad_links(view: "PadView") -> list[str]:
    """URLs of other pads on this pad's HedgeDoc server, in order of first appearance.

    Query (``?both``, ``?edit``) and fragment are dropped; the pad's own URL
    (when known) is left out. Root-relative links (``/MmcrFV3AS4qnYESGCEvBug``)
    are made absolute when exactly one server is known, and kept as written
    otherwise. Images, HedgeDoc routes and built-in documentation notes
    (``/features``, ``/slide-example``…) are not pads.
    """
    servers = pad_servers(view)
    own = _normalise(view.pad.path) if view.pad.path and _origin(view.pad.path) else None
    out: list[str] = []
    for link in view.links:
        href = link.href.strip()
        if href.startswith("/") and not href.startswith("//"):
            path = urlsplit(href).path
            if not _note_path(path, known_server=True):
                continue
            url = servers[0] + path if len(servers) == 1 else path
        else:
            origin = _origin(href)
            if origin is None or origin not in servers:
                continue
            if not _note_path(urlsplit(href).path, known_server=True):
                continue
            url = _normalise(href)
        if url != own and url not in out:
            out.append(url)
    return out
