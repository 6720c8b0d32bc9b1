"""HedgeDoc pad URLs as inputs: ``pad-lint check https://pad.example.org/<id>``.

HedgeDoc serves a note's Markdown at ``<note URL>/download`` (HedgeDoc 1.x
``lib/note/index.js`` ``downloadMarkdown``, route ``/:noteId/download``; published
notes ``/s/:shortid/download``). :func:`download_url` maps what users copy from the
browser to that address:

* ``https://pad.example.org/<id>`` (also ``?both``, ``?view``, ``?edit``, ``#heading``)
  -> ``https://pad.example.org/<id>/download``
* ``https://pad.example.org/s/<id>`` -> ``https://pad.example.org/s/<id>/download``
* ``https://pad.example.org/p/<id>`` (slide mode) -> ``…/<id>/download``
* a URL already ending in ``/download`` is kept.

Errors are one line for non-programmers: 403 or a redirect to the login page means
a private pad; 404 a wrong address or a deleted pad; network problems name the
host. Pads larger than :data:`MAX_BYTES` are refused.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from .errors import InputError
from .source import Pad

#: Largest pad accepted (HedgeDoc's default documentMaxLength is 100,000 characters).
MAX_BYTES = 20 * 1024 * 1024


def download_url(url: str) -> str:
    """The ``/download`` address of a HedgeDoc pad URL.

    Raises:
        InputError: not an http(s) URL with a note id in its path.
    """
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InputError("is not an http(s) address of a HedgeDoc pad", path=url)
    segments = [s for s in parts.path.split("/") if s]
    if not segments:
        raise InputError("has no pad id: expected https://host/<pad id> or https://host/s/<id>", path=url)
    if segments[-1] == "download":
        path = "/" + "/".join(segments)
    elif len(segments) >= 2 and segments[-2] == "s":
        path = "/" + "/".join(segments) + "/download"
    elif len(segments) >= 2 and segments[-2] == "p":
        path = "/" + "/".join(segments[:-2] + [segments[-1]]) + "/download"
    else:
        path = "/" + "/".join(segments) + "/download"
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def fetch_pad(url: str, *, timeout: float = 30.0) -> Pad:
    """Download a HedgeDoc pad and decode it; the pad's ``path`` is the URL given.

    Raises:
        InputError: private pad (403 or login redirect), not found (404), other HTTP
            errors, an HTML page instead of Markdown, a pad over :data:`MAX_BYTES`,
            timeouts and connection failures; all with a one-line message.
    """
    import httpx

    try:
        target = download_url(url)
        host = urlsplit(target).netloc
        httpx.URL(target)
    except (ValueError, httpx.InvalidURL) as exc:
        raise InputError(f"is not a valid web address ({exc})", path=url) from None
    try:
        with httpx.Client(follow_redirects=True, timeout=timeout, max_redirects=5,
                          headers={"User-Agent": "pad-lint (+https://github.com/pad-lint/pad-lint)",
                                   "Accept": "text/markdown, text/plain;q=0.9, */*;q=0.1"}) as client:
            with client.stream("GET", target) as resp:
                if resp.status_code == 403 or resp.status_code == 401:
                    raise InputError(f"this pad is private (HTTP {resp.status_code}): ask its owner to share it, "
                                     "or download it from HedgeDoc and lint the file", path=url)
                if resp.status_code == 404:
                    raise InputError("no pad at this address (HTTP 404): check the URL, the pad may have been "
                                     "deleted", path=url)
                if resp.status_code >= 400:
                    raise InputError(f"the server answered HTTP {resp.status_code} "
                                     f"{resp.reason_phrase or ''}".rstrip() + " while downloading the pad", path=url)
                final_path = resp.url.path.rstrip("/")
                if final_path.endswith("/login") or "/auth/" in final_path:
                    raise InputError("this pad is private (HedgeDoc asked to sign in): download it from HedgeDoc "
                                     "and lint the file", path=url)
                ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
                if ctype == "text/html":
                    raise InputError("the server sent a web page, not the pad's Markdown: is this a HedgeDoc pad "
                                     "address (https://host/<pad id>)?", path=url)
                chunks = []
                size = 0
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > MAX_BYTES:
                        raise InputError(f"the pad is larger than {MAX_BYTES // (1024 * 1024)} MB; refused",
                                         path=url)
                    chunks.append(chunk)
    except httpx.TimeoutException:
        raise InputError(f"{host} did not answer within {timeout:g} s (try --timeout)", path=url) from None
    except httpx.TooManyRedirects:
        raise InputError("too many redirects while downloading the pad", path=url) from None
    except httpx.HTTPError as exc:
        raise InputError(f"cannot reach {host} ({type(exc).__name__}: {exc})", path=url) from None
    return Pad.from_bytes(b"".join(chunks), path=url)
