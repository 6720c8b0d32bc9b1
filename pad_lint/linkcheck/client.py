"""The asynchronous link checker: a global limit, a limit per host, one connection pool per host.

Politeness and robustness (shared/reference/link-checking.md §5):

* **Concurrency.** At most ``max-concurrency`` requests in flight overall and
  ``max-per-host`` per host, where a host is the authority ``host:port`` (two
  ports of one machine are two servers). A request holds its host's slot only
  while it is on the wire, never while it sleeps.
* **HEAD first**, then GET for the same address when HEAD gets any answer that
  is not accepted (405, 403, 404, 501…: servers often mishandle HEAD), and GET
  from the start when a ``#fragment`` must be found in the page. Bodies are
  read only for that, and never more than ``max-body-size`` bytes.
* **Redirects** are followed by hand up to ``max-redirects`` hops; a URL seen
  twice is a loop. Permanent hops (301, 308) at the start of the chain give the
  new address to report.
* **Retries** (``max-retries``) with exponential backoff and jitter for 408,
  5xx, timeouts and dropped connections; not for refused connections or
  unknown names, which do not heal in seconds. A 429 waits what
  ``Retry-After`` says (seconds or HTTP-date, RFC 9110 §10.2.3) and the wait
  applies to the whole host; a wait longer than ``max-retry-after`` is not
  honoured: the URL is reported rate-limited at once.
* **Timeouts**: each attempt, body included, is bounded by ``timeout`` seconds.
* **Private addresses** are refused on the resolved IP unless ``allow-private``
  (:mod:`pad_lint.linkcheck.guard`).
"""

from __future__ import annotations

import asyncio
import random
import ssl
import time
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any, Callable
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpcore
import httpx

from . import fragments as frag
from .guard import BlockedAddressError, GuardedBackend, ResolutionError
from .result import BLOCKED, BROKEN, OK, RATE_LIMITED, SKIPPED, UNREACHABLE, LinkResult
from .retry import RETRY_STATUSES, backoff_delay, parse_retry_after

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
PERMANENT_STATUSES = frozenset({301, 308})
_ACCEPT_HEADER = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"
_DRAIN_LIMIT = 65_536  # bytes read from a body we do not need, to keep the connection alive


def user_agent() -> str:
    """``pad-lint/<version>``: ``pad_lint.__version__``, else the installed distribution's version."""
    version = None
    try:
        import pad_lint

        version = getattr(pad_lint, "__version__", None)
    except ImportError:  # pragma: no cover - we are inside pad_lint
        pass
    if not version:
        try:
            from importlib.metadata import version as dist_version

            version = dist_version("pad-lint")
        except Exception:
            version = "0"
    return f"pad-lint/{version}"


def host_key(url: str) -> str:
    """The per-host limit key: ``host:port`` (lower-case host, default port filled in)."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return f"{(parts.hostname or '').lower()}:{port}"


def _defrag(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, "")), parts.fragment


@dataclass
class _Host:
    slots: asyncio.Semaphore
    client: httpcore.AsyncConnectionPool
    not_before: float = 0.0          # monotonic time before which no request may start
    in_flight: int = 0
    peak: int = 0


@dataclass
class _Answer:
    status: int | None = None
    headers: httpx.Headers | None = None
    body: bytes | None = None
    truncated: bool = False
    error: str | None = None         # transport failure, plain words
    error_kind: str | None = None    # timeout | dns | refused | tls | dropped | blocked-address
    requests: int = 0
    retry_after: float | None = None


@dataclass
class Settings:
    """The knobs of a run, read from :class:`pad_lint.config.LinksOptions`.

    Times are seconds, sizes bytes.
    """

    timeout: float = 10.0
    max_concurrency: int = 128
    max_per_host: int = 6
    max_retries: int = 3
    max_redirects: int = 10
    max_retry_after: float = 60.0
    retry_wait: float = 1.0
    accept: frozenset[int] = field(default_factory=lambda: frozenset(range(200, 300)))
    allow_private: bool = False
    check_fragments: bool = True
    max_body_size: int = 2_000_000

    @classmethod
    def from_options(cls, options: Any) -> "Settings":
        defaults = cls()
        def get(name: str) -> Any:
            return getattr(options, name, getattr(defaults, name))
        return cls(timeout=float(get("timeout")), max_concurrency=int(get("max_concurrency")),
                   max_per_host=int(get("max_per_host")), max_retries=int(get("max_retries")),
                   max_redirects=int(get("max_redirects")), max_retry_after=float(get("max_retry_after")),
                   retry_wait=float(get("retry_wait")), accept=frozenset(int(c) for c in get("accept")),
                   allow_private=bool(get("allow_private")), check_fragments=bool(get("check_fragments")),
                   max_body_size=int(get("max_body_size")))


class LinkChecker:
    """Checks many URLs concurrently; see the module docstring for the policy.

    Args:
        settings: limits and policy.
        on_done: called with the number of URLs finished, after each one (progress).
        rng: random source for jitter (tests pass a seeded one).
    """

    def __init__(self, settings: Settings, on_done: Callable[[int], None] | None = None,
                 rng: random.Random | None = None) -> None:
        self.s = settings
        self.on_done = on_done
        self.rng = rng or random.Random()
        self.hosts: dict[str, _Host] = {}
        self._global: asyncio.Semaphore | None = None
        self._ssl: ssl.SSLContext | None = None
        self._ua = user_agent().encode()
        self._urls: dict[str, tuple[httpcore.URL, list[tuple[bytes, bytes]]]] = {}

    # -- public ---------------------------------------------------------------------------
    async def check(self, urls: list[str]) -> dict[str, LinkResult]:
        """Check ``urls`` (http/https, deduplicated by the caller) and return a result for each.

        URLs differing only by their fragment share one fetch.
        """
        self._global = asyncio.Semaphore(self.s.max_concurrency)
        groups: dict[str, list[str]] = {}
        for url in urls:
            groups.setdefault(_defrag(url)[0], []).append(url)
        results: dict[str, LinkResult] = {}

        async def run(base: str, members: list[str]) -> None:
            started = time.monotonic()
            try:
                group = await self._check_group(base, members)
            except Exception as exc:  # a bug must not lose the other URLs' results
                group = {u: LinkResult(u, UNREACHABLE, f"internal error while checking ({exc!r})") for u in members}
            elapsed = time.monotonic() - started
            for url, result in group.items():
                result.elapsed = elapsed
                result.checked_at = time.time()
                results[url] = result
            if self.on_done:
                self.on_done(len(members))

        try:
            await asyncio.gather(*(run(base, members) for base, members in groups.items()))
        finally:
            for host in self.hosts.values():
                await host.client.aclose()
        return results

    def _new_client(self) -> httpcore.AsyncConnectionPool:
        # httpx's own HTTP/1.1 engine (httpcore), one small pool per host:
        # * the httpx client layer (Request/URL/Headers models, auth, cookies, hooks) costs
        #   ~0.8 ms of CPU per request, measured; a run with a thousand URLs is CPU-bound on it;
        # * httpcore scans every pooled connection for every queued request, so one big
        #   shared pool costs O(connections x requests) CPU.
        if self._ssl is None:
            self._ssl = httpx.create_ssl_context()  # loading the CA bundle costs ~40 ms: once per run
        # Connections go through our resolver so the private-address guard sees the real IP.
        return httpcore.AsyncConnectionPool(ssl_context=self._ssl, max_connections=self.s.max_per_host,
                                            max_keepalive_connections=self.s.max_per_host, keepalive_expiry=5.0,
                                            network_backend=GuardedBackend(self.s.allow_private))

    @property
    def peak_per_host(self) -> dict[str, int]:
        """Highest number of simultaneous requests seen per host during the run."""
        return {k: h.peak for k, h in self.hosts.items()}

    # -- one resource ---------------------------------------------------------------------
    async def _check_group(self, base: str, members: list[str]) -> dict[str, LinkResult]:
        fragments = {u: _defrag(u)[1] for u in members}
        need_body = self.s.check_fragments and any(frag.fragment_checkable(base, f) for f in fragments.values())
        method = "GET" if need_body else "HEAD"
        current = base
        seen = {current}
        chain: list[tuple[int, str]] = []
        requests = 0
        answer = _Answer()
        while True:
            answer = await self._with_retries(method, current, read_body=need_body)
            requests += answer.requests
            if answer.error:
                if answer.error_kind == "dropped" and method == "HEAD":
                    method = "GET"  # some servers hang up on HEAD
                    continue
                status = SKIPPED if answer.error_kind == "blocked-address" else UNREACHABLE
                return self._fanout(members, status, answer.error, None, current, chain,
                                    0 if status == SKIPPED else requests)
            assert answer.status is not None and answer.headers is not None
            code = answer.status
            location = answer.headers.get("location")
            if code in REDIRECT_STATUSES and location:
                nxt = urljoin(current, location.strip())
                chain.append((code, nxt))
                if nxt in seen:
                    return self._fanout(members, BROKEN, f"the address redirects in a loop ({_short(nxt)} again)",
                                        code, nxt, chain, requests)
                if len(chain) > self.s.max_redirects:
                    return self._fanout(members, BROKEN, f"too many redirects (more than {self.s.max_redirects})",
                                        code, nxt, chain, requests)
                seen.add(nxt)
                current = nxt
                continue
            if code in self.s.accept:
                break
            if method == "HEAD" and code != 429:
                method = "GET"  # confirm any refusal of HEAD with GET before reporting
                continue
            status, message = self._classify(code, answer)
            return self._fanout(members, status, message, code, current, chain, requests)
        # accepted
        permanent = _permanent_target(chain)
        out: dict[str, LinkResult] = {}
        anchors: set[str] | None = None
        if need_body and answer.body is not None and not frag.script_rendered(answer.body):
            ctype = (answer.headers.get("content-type") or "") if answer.headers else ""
            if "html" in ctype.lower():
                charset = _charset(ctype)
                anchors = frag.page_anchors(answer.body, charset)
        for url in members:
            fragment = fragments[url]
            found: bool | None = None
            if anchors is not None and frag.fragment_checkable(base, fragment):
                found = frag.fragment_in_page(fragment, anchors)
                if not found and answer.truncated:
                    found = None  # the anchor may be beyond what we read
            new = None
            if permanent:
                new = permanent + (f"#{fragment}" if fragment and "#" not in permanent else "")
            out[url] = LinkResult(url, OK, f"HTTP {answer.status}", http_status=answer.status, final_url=current,
                                  redirects=list(chain), permanent_redirect=new, fragment_found=found,
                                  requests=requests)
        return out

    @staticmethod
    def _fanout(members: list[str], status: str, message: str, code: int | None, final: str,
                chain: list[tuple[int, str]], requests: int) -> dict[str, LinkResult]:
        return {u: LinkResult(u, status, message, http_status=code, final_url=final, redirects=list(chain),
                              requests=requests) for u in members}

    def _classify(self, code: int, answer: _Answer) -> tuple[str, str]:
        headers = answer.headers or httpx.Headers()
        phrase = _phrase(code)
        if code == 999:
            return BLOCKED, "the site answered 999, its way of blocking automated checks"
        if code in (403, 503) and ("cf-mitigated" in headers or _cloudflare_challenge(headers, answer.body)):
            return BLOCKED, f"HTTP {code} with a Cloudflare bot challenge"
        if code == 429:
            if answer.retry_after is not None and answer.retry_after > self.s.max_retry_after:
                return RATE_LIMITED, (f"HTTP 429 Too Many Requests; the site asks to wait {answer.retry_after:.0f} s, "
                                      f"more than max-retry-after ({self.s.max_retry_after:.0f} s)")
            return RATE_LIMITED, f"HTTP 429 Too Many Requests after {self.s.max_retries} retries"
        return BROKEN, f"HTTP {code} {phrase}".strip()

    # -- one address, with retries -------------------------------------------------------
    def _host(self, url: str) -> _Host:
        key = host_key(url)
        if key not in self.hosts:
            self.hosts[key] = _Host(asyncio.Semaphore(self.s.max_per_host), self._new_client())
        return self.hosts[key]

    async def _with_retries(self, method: str, url: str, read_body: bool) -> _Answer:
        host = self._host(url)
        requests = 0
        attempt = 0
        while True:
            answer = await self._attempt(host, method, url, read_body)
            requests += 1
            answer.requests = requests
            retryable_error = answer.error_kind in ("timeout", "dropped")
            code = answer.status
            delay: float | None = None
            if code == 429:
                ra = parse_retry_after(answer.headers.get("retry-after") if answer.headers else None)
                answer.retry_after = ra
                if ra is not None and ra > self.s.max_retry_after:
                    return answer  # asked to wait too long: report rate-limited now
                delay = ra if ra is not None else backoff_delay(attempt, self.s.retry_wait, self.rng)
                host.not_before = max(host.not_before, time.monotonic() + delay)  # the whole host waits
                delay = 0.0  # the host-wide wait happens before the next attempt
            elif code is not None and code in RETRY_STATUSES and not (method == "HEAD" and code >= 500):
                ra = parse_retry_after(answer.headers.get("retry-after") if answer.headers else None)
                if ra is not None and ra > self.s.max_retry_after:
                    return answer
                delay = ra if ra is not None else backoff_delay(attempt, self.s.retry_wait, self.rng)
                if ra is not None:
                    host.not_before = max(host.not_before, time.monotonic() + ra)
                    delay = 0.0
            elif retryable_error:
                delay = backoff_delay(attempt, self.s.retry_wait, self.rng)
            if delay is None or attempt >= self.s.max_retries:
                return answer
            attempt += 1
            if delay:
                await asyncio.sleep(delay)

    async def _attempt(self, host: _Host, method: str, url: str, read_body: bool) -> _Answer:
        assert self._global is not None
        while True:
            wait = host.not_before - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            async with host.slots:
                if host.not_before - time.monotonic() > 0:
                    continue  # a 429 arrived while we queued: wait again, without the slot
                async with self._global:
                    host.in_flight += 1
                    host.peak = max(host.peak, host.in_flight)
                    try:
                        return await asyncio.wait_for(self._send(host.client, method, url, read_body), self.s.timeout)
                    except (asyncio.TimeoutError, httpcore.TimeoutException):
                        return _Answer(error=f"no answer within {self.s.timeout:g} s", error_kind="timeout")
                    except (httpcore.NetworkError, httpcore.ProtocolError, httpcore.UnsupportedProtocol,
                            ssl.SSLError, OSError) as exc:
                        return _transport_failure(exc)
                    finally:
                        host.in_flight -= 1

    def _request_parts(self, url: str) -> tuple[httpcore.URL, list[tuple[bytes, bytes]]]:
        parsed = self._urls.get(url)
        if parsed is None:
            u = httpx.URL(url)  # IDNA hosts, percent-encoding of non-ASCII paths, default ports
            parsed = (httpcore.URL(scheme=u.raw_scheme, host=u.raw_host, port=u.port, target=u.raw_path),
                      [(b"Host", u.netloc), (b"User-Agent", self._ua), (b"Accept", _ACCEPT_HEADER.encode()),
                       (b"Accept-Encoding", b"gzip, deflate")])
            self._urls[url] = parsed
        return parsed

    async def _send(self, pool: httpcore.AsyncConnectionPool, method: str, url: str, read_body: bool) -> _Answer:
        target, headers = self._request_parts(url)
        async with pool.stream(method.encode(), target, headers=headers) as response:
            code = response.status
            resp_headers = httpx.Headers(response.headers)
            want = read_body and method == "GET" and code in self.s.accept
            # Small bodies are read to their end so the connection can be reused (HTTP/1.1
            # keep-alive); a body larger than the limit is abandoned with its connection.
            limit = self.s.max_body_size if want else _DRAIN_LIMIT
            chunks: list[bytes] = []
            size = 0
            truncated = False
            async for chunk in response.aiter_stream():
                chunks.append(chunk)
                size += len(chunk)
                if size >= limit:
                    truncated = True
                    break
            body: bytes | None = None
            if want or (code in (403, 503) and "cloudflare" in (resp_headers.get("server") or "").lower()):
                body = _decode(b"".join(chunks)[:limit], resp_headers.get("content-encoding"), truncated)
            return _Answer(status=code, headers=resp_headers, body=body, truncated=truncated)


def _decode(raw: bytes, encoding: str | None, truncated: bool) -> bytes:
    """Undo ``Content-Encoding`` (gzip, deflate) of a possibly truncated body, best effort."""
    enc = (encoding or "").strip().lower()
    if enc in ("gzip", "x-gzip", "deflate"):
        import zlib

        try:
            wbits = 16 + zlib.MAX_WBITS if "gzip" in enc else zlib.MAX_WBITS
            return zlib.decompressobj(wbits).decompress(raw)
        except zlib.error:
            return b""
    return raw


def _permanent_target(chain: list[tuple[int, str]]) -> str | None:
    """Target of the leading run of permanent redirects, if the chain starts with one."""
    target = None
    for code, location in chain:
        if code not in PERMANENT_STATUSES:
            break
        target = location
    return target


def _phrase(code: int) -> str:
    try:
        return HTTPStatus(code).phrase
    except ValueError:
        return ""


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def _cloudflare_challenge(headers: httpx.Headers, body: bytes | None) -> bool:
    if "cloudflare" not in (headers.get("server") or "").lower() or not body:
        return False
    return any(marker in body for marker in (b"challenge-platform", b"cf-chl", b"Just a moment"))


def _short(url: str, limit: int = 60) -> str:
    return url if len(url) <= limit else url[: limit - 1] + "…"


def _transport_failure(exc: BaseException) -> _Answer:
    chain: list[BaseException] = []
    pending: list[BaseException] = [exc]
    while pending:  # every exception reachable through causes, contexts and arguments
        e = pending.pop(0)
        if any(e is c for c in chain):
            continue
        chain.append(e)
        pending.extend(x for x in (e.__cause__, e.__context__, *e.args) if isinstance(x, BaseException))
    for item in chain:
        if isinstance(item, BlockedAddressError):
            return _Answer(error=f"not checked: {item} (set allow-private to check it)", error_kind="blocked-address")
        if isinstance(item, ResolutionError):
            return _Answer(error="the server name does not exist (DNS lookup failed)", error_kind="dns")
        if isinstance(item, ssl.SSLError):
            return _Answer(error=f"the secure connection failed ({getattr(item, 'reason', None) or item})",
                           error_kind="tls")
        if isinstance(item, ConnectionRefusedError):
            return _Answer(error="the server refused the connection", error_kind="refused")
    if isinstance(exc, (httpx.ConnectError, httpcore.ConnectError)):
        text = str(exc).lower()
        if "refused" in text:
            return _Answer(error="the server refused the connection", error_kind="refused")
        if "ssl" in text or "certificate" in text:
            return _Answer(error=f"the secure connection failed ({exc})", error_kind="tls")
        return _Answer(error=f"could not connect ({exc})", error_kind="refused")
    if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError, httpx.CloseError,
                        httpcore.RemoteProtocolError, httpcore.ReadError, httpcore.WriteError)):
        return _Answer(error="the server closed the connection without answering", error_kind="dropped")
    return _Answer(error=f"request failed ({exc.__class__.__name__}: {exc})", error_kind="dropped")
