"""Online link checking (``--online``): never runs unless asked, never in pre-commit.

Entry point for the command line: :func:`check_urls`, called once per run with
the web addresses of every pad (:func:`urls_of_view` collects them), so each
unique URL is requested once per run; the results land in :data:`RUN_STORE`,
where the LNK1xx rules read them. Successful results are also kept in a
persistent cache (:mod:`pad_lint.linkcheck.cache`) for ``cache-max-age`` seconds.

Defaults (``[tool.pad-lint.links]``) and why:

* ``max-per-host = 6``: what browsers open to one origin over HTTP/1.1, so a
  site sees pad-lint as one visitor, not a crowd (lychee allows 10,
  markdown-link-check 2 in total, linkinator no limit at all).
* ``max-concurrency = 128``: lychee's default; with the per-host limit it lets
  a run reach ~20 hosts at full speed while keeping sockets few.
* ``timeout = 10`` s per attempt (markdown-link-check's; linkinator has none,
  a known foot-gun), ``max-retries = 3`` with ``retry-wait = 1`` s doubling,
  ``max-retry-after = 60`` s (lychee's cap), ``max-redirects = 10``.
"""

from __future__ import annotations

import asyncio
import re
import sys
from typing import TYPE_CHECKING, Any, Iterable

try:  # httpcore looks for sniffio on every request; when it is absent, each failed import
    import sniffio  # noqa: F401  # scans sys.path again (~1 ms per request). Mark it absent once.
except ImportError:
    sys.modules.setdefault("sniffio", None)  # type: ignore[arg-type]

from .cache import LinkCache, default_cache_dir
from .client import LinkChecker, Settings, host_key, user_agent
from .result import (BLOCKED, BROKEN, OK, RATE_LIMITED, RUN_STORE, SKIPPED, STATES, UNREACHABLE, LinkResult,
                     ResultStore)

if TYPE_CHECKING:
    from ..markdown.view import PadView

__all__ = ["BLOCKED", "BROKEN", "OK", "RATE_LIMITED", "RUN_STORE", "SKIPPED", "STATES", "UNREACHABLE",
           "LinkCache", "LinkChecker", "LinkResult", "ResultStore", "Settings", "acheck_urls", "check_urls",
           "host_key", "is_excluded", "urls_of_view", "user_agent"]


def is_excluded(url: str, options: Any) -> bool:
    """Whether ``url`` matches one of the ``exclude`` regular expressions (``re.search``).

    Invalid patterns are ignored here (configuration validation reports them).
    """
    for pattern in getattr(options, "exclude", None) or []:
        try:
            if re.search(pattern, url):
                return True
        except re.error:
            continue
    return False


def urls_of_view(view: "PadView", options: Any) -> list[str]:
    """The web addresses of a pad that an online run checks (http/https links and
    images whose address is well formed, minus ``exclude``), in order, once each."""
    from ..links.urls import check_url, scheme_of

    out: list[str] = []
    for link in view.links:
        written = link.destination if link.kind in ("inline", "html") and link.destination else link.href
        if scheme_of(link.href) in ("http", "https") and not check_url(written) and not is_excluded(link.href, options):
            out.append(link.href)
    for img in view.images:
        if scheme_of(img.src) in ("http", "https") and not check_url(img.src) and not is_excluded(img.src, options):
            out.append(img.src)
    return list(dict.fromkeys(out))


def _progress_reporter(total: int, enabled: bool) -> tuple[Any, Any]:
    """A rich progress bar on a terminal (stderr), nothing otherwise."""
    if not enabled or total == 0 or not sys.stderr.isatty():
        return None, None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(TextColumn("checking links"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=Console(stderr=True), transient=True)
    task = progress.add_task("links", total=total)
    return progress, (lambda n: progress.advance(task, n))


async def acheck_urls(urls: Iterable[str], options: Any, *, progress: bool = False,
                      store: ResultStore | None = None, cache: LinkCache | None | bool = True) -> dict[str, LinkResult]:
    """Asynchronous :func:`check_urls` (for callers that already run an event loop)."""
    store = RUN_STORE if store is None else store
    wanted = list(dict.fromkeys(u for u in urls))
    results: dict[str, LinkResult] = {}
    todo: list[str] = []
    use_cache = cache is not False and bool(getattr(options, "cache", True))
    disk: LinkCache | None = None
    if isinstance(cache, LinkCache):
        disk = cache
    elif use_cache:
        disk = LinkCache(default_cache_dir(getattr(options, "cache_dir", None)),
                         float(getattr(options, "cache_max_age", 86400.0)),
                         getattr(options, "accept", range(200, 300)))
    from ..links.urls import scheme_of

    for url in wanted:
        known = store.get(url)
        if known is not None:
            results[url] = known
            continue
        if scheme_of(url) not in ("http", "https"):
            results[url] = LinkResult(url, SKIPPED, "not a web address")
        elif is_excluded(url, options):
            results[url] = LinkResult(url, SKIPPED, "excluded by configuration")
        elif disk is not None and (hit := disk.get(url)) is not None:
            results[url] = hit
        else:
            todo.append(url)
            continue
        store.put(results[url])
    if todo:
        bar, advance = _progress_reporter(len(todo), progress)
        checker = LinkChecker(Settings.from_options(options), on_done=advance)
        if bar is not None:
            with bar:
                fresh = await checker.check(todo)
        else:
            fresh = await checker.check(todo)
        for url, result in fresh.items():
            results[url] = result
            store.put(result)
            if disk is not None:
                disk.put(result)
        if disk is not None:
            disk.save()
    return {u: results[u] for u in wanted}


def check_urls(urls: Iterable[str], options: Any, progress: bool = False, *,
               store: ResultStore | None = None, cache: LinkCache | None | bool = True) -> dict[str, LinkResult]:
    """Check web addresses over the network, once each, and record the results.

    Args:
        urls: addresses to check (duplicates are checked once; non-http(s)
            addresses and ``exclude`` matches are skipped without a request).
        options: :class:`pad_lint.config.LinksOptions` (limits, timeouts, accept,
            exclude, allow-private, cache settings).
        progress: show a progress bar when standard error is a terminal.
        store: where results go (default :data:`RUN_STORE`, read by the rules);
            URLs it already holds are not checked again.
        cache: ``True`` uses the persistent cache if ``options.cache``; ``False``
            disables it; a :class:`LinkCache` is used as given.

    Returns:
        ``{url: LinkResult}`` for every input URL.

    Raises:
        RuntimeError: called from a running event loop (use :func:`acheck_urls`).
    """
    try:
        asyncio.get_running_loop()
        running = True
    except RuntimeError:
        running = False
    if running:
        raise RuntimeError("check_urls() cannot run inside an event loop; await acheck_urls() instead")
    return asyncio.run(acheck_urls(urls, options, progress=progress, store=store, cache=cache))
