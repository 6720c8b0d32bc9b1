"""What checking one URL found, and the run-level store of those results."""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass, field
from typing import Any, Iterator

#: Result states (link-checking.md §5.4 "classify, don't binarise").
OK = "ok"                      # accepted status (after redirects); may carry a permanent redirect
BROKEN = "broken"              # HTTP error, redirect loop, too many redirects -> LNK101
BLOCKED = "blocked"            # 999, Cloudflare challenge -> LNK102
RATE_LIMITED = "rate_limited"  # 429 after the retry budget -> LNK103
UNREACHABLE = "unreachable"    # timeout, DNS failure, refused, TLS -> LNK105
SKIPPED = "skipped"            # excluded, not http(s), private address refused: no request, no finding
STATES = (OK, BROKEN, BLOCKED, RATE_LIMITED, UNREACHABLE, SKIPPED)


@dataclass
class LinkResult:
    """The verdict on one URL.

    Attributes:
        url: the URL as asked (fragment included).
        status: one of :data:`STATES`.
        message: plain-words reason (``HTTP 404 Not Found``, ``timed out after 10 s``…).
        http_status: last HTTP status code received, if any.
        final_url: URL after redirects.
        redirects: ``(status, location)`` per hop followed.
        permanent_redirect: the new address when the first hops were permanent
            (301/308), with the original fragment carried over; else ``None``.
        fragment_found: ``True``/``False`` when the fragment was looked for in the
            fetched HTML page, ``None`` when not checked or not checkable.
        requests: HTTP requests made for this URL in this run (0 when cached).
        elapsed: seconds spent, retries and waits included.
        from_cache: the result comes from the persistent cache.
        checked_at: Unix time of the check.
    """

    url: str
    status: str
    message: str = ""
    http_status: int | None = None
    final_url: str | None = None
    redirects: list[tuple[int, str]] = field(default_factory=list)
    permanent_redirect: str | None = None
    fragment_found: bool | None = None
    requests: int = 0
    elapsed: float = 0.0
    from_cache: bool = False
    checked_at: float = 0.0

    @property
    def fine(self) -> bool:
        """A success worth caching: accepted and, if a fragment was checked, found."""
        return self.status == OK and self.fragment_found is not False

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["redirects"] = [list(r) for r in self.redirects]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "LinkResult":
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        known["redirects"] = [(int(s), str(u)) for s, u in known.get("redirects", [])]
        return cls(**known)


class ResultStore:
    """Results of one run, shared by every pad of the run (thread-safe).

    The command line fills it once with :func:`pad_lint.linkcheck.check_urls`
    for the URLs of all pads; the online rules read it, so each unique URL is
    requested once per run. :meth:`clear` starts a new run.
    """

    def __init__(self) -> None:
        self._results: dict[str, LinkResult] = {}
        self._lock = threading.Lock()

    def get(self, url: str) -> LinkResult | None:
        with self._lock:
            return self._results.get(url)

    def put(self, result: LinkResult) -> None:
        with self._lock:
            self._results[result.url] = result

    def clear(self) -> None:
        with self._lock:
            self._results.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._results)

    def __iter__(self) -> Iterator[LinkResult]:
        with self._lock:
            return iter(list(self._results.values()))


#: The process-wide run store read by the LNK1xx rules.
RUN_STORE = ResultStore()
