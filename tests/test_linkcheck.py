"""The online checker against real local HTTP servers with scripted answers.

No test uses the internet: every server is a ThreadingHTTPServer on
127.0.0.1 (port 0). The private-address guard is lifted explicitly
(``allow_private=True``) except in the tests of the guard itself.
"""

from __future__ import annotations

import email.utils
import time
from pathlib import Path

import pytest

from pad_lint.config import Config, LinksOptions
from pad_lint.linkcheck import (BLOCKED, BROKEN, OK, RATE_LIMITED, SKIPPED, UNREACHABLE, LinkCache, ResultStore,
                                check_urls, host_key, user_agent)
from pad_lint.linkcheck.guard import is_public_address
from pad_lint.linkcheck.retry import backoff_delay, parse_http_date, parse_retry_after
from pad_lint.linkcheck.testserver import Reply, ScriptedServer, refused_port
from pad_lint.linter import lint_pad
from pad_lint.source import Pad


def options(**kw: object) -> LinksOptions:
    base = dict(allow_private=True, cache=False, timeout=2.0, retry_wait=0.05, max_retries=2)
    base.update(kw)
    return LinksOptions(**base)


def check(urls: list[str], **kw: object):
    return check_urls(urls, options(**kw), store=ResultStore(), cache=False)


# -- statuses ------------------------------------------------------------------------------

def test_200_is_one_head_request() -> None:
    with ScriptedServer({"/ok": Reply(200)}) as srv:
        [r] = check([srv.url("/ok")]).values()
        assert (r.status, r.http_status, r.requests) == (OK, 200, 1)
        assert [(e.method, e.path) for e in srv.log] == [("HEAD", "/ok")]
        assert srv.log[0].user_agent == user_agent()
        assert user_agent().startswith("pad-lint/")


@pytest.mark.parametrize("code,phrase", [(404, "Not Found"), (410, "Gone")])
def test_client_errors_are_broken_after_get_confirms(code: int, phrase: str) -> None:
    with ScriptedServer({"/x": Reply(code)}) as srv:
        [r] = check([srv.url("/x")]).values()
        assert r.status == BROKEN and r.message == f"HTTP {code} {phrase}"
        # HEAD refused, then GET confirms before reporting; 4xx are not retried
        assert [e.method for e in srv.log] == ["HEAD", "GET"]


def test_500_then_200_is_retried_and_ok() -> None:
    with ScriptedServer({"/flaky": [Reply(500), Reply(500), Reply(200)]}) as srv:
        [r] = check([srv.url("/flaky")]).values()
        assert r.status == OK
        assert [(e.method, e.status) for e in srv.log] == [("HEAD", 500), ("GET", 500), ("GET", 200)]


def test_persistent_500_is_broken_after_the_retry_budget() -> None:
    with ScriptedServer({"/down": Reply(503)}) as srv:
        [r] = check([srv.url("/down")], max_retries=2).values()
        assert r.status == BROKEN and "503" in r.message
        assert len(srv.requests("/down", "GET")) == 3  # first try + 2 retries


def test_backoff_grows_between_retries() -> None:
    with ScriptedServer({"/down": Reply(500)}) as srv:
        check([srv.url("/down")], max_retries=3, retry_wait=0.1)
        starts = [e.start for e in srv.requests("/down", "GET")]
        gaps = [b - a for a, b in zip(starts, starts[1:])]
        assert len(gaps) == 3
        assert gaps[0] >= 0.1 and gaps[1] >= 0.2 and gaps[2] >= 0.4
        assert gaps[2] > gaps[0]


def test_head_405_then_get_200() -> None:
    with ScriptedServer({"/download": Reply(200, head=Reply(405))}) as srv:
        [r] = check([srv.url("/download")]).values()
        assert r.status == OK
        assert [(e.method, e.status) for e in srv.log] == [("HEAD", 405), ("GET", 200)]


def test_999_and_cloudflare_challenge_are_blocked() -> None:
    routes = {"/li": Reply(999), "/cf": Reply(403, {"cf-mitigated": "challenge", "Server": "cloudflare"}),
              "/cf-body": Reply(403, {"Server": "cloudflare"}, body=b"<title>Just a moment...</title>"),
              "/plain403": Reply(403)}
    with ScriptedServer(routes) as srv:
        res = check([srv.url(p) for p in routes])
        assert res[srv.url("/li")].status == BLOCKED
        assert res[srv.url("/cf")].status == BLOCKED
        assert res[srv.url("/cf-body")].status == BLOCKED
        assert res[srv.url("/plain403")].status == BROKEN


# -- 429 and Retry-After -----------------------------------------------------------------------

def test_retry_after_seconds_is_honoured() -> None:
    with ScriptedServer({"/rl": [Reply(429, {"Retry-After": "1"}), Reply(200)]}) as srv:
        [r] = check([srv.url("/rl")]).values()
        assert r.status == OK
        first, second = srv.requests("/rl")
        assert second.start - first.end >= 0.95


def test_retry_after_http_date_is_honoured() -> None:
    def script(method: str, path: str, n: int) -> Reply:
        if n == 1:
            return Reply(429, {"Retry-After": email.utils.formatdate(time.time() + 2, usegmt=True)})
        return Reply(200)

    with ScriptedServer({"/rl": script}) as srv:
        [r] = check([srv.url("/rl")]).values()
        assert r.status == OK
        first, second = srv.requests("/rl")
        assert second.start - first.end >= 0.9  # the date has a 1 s resolution


def test_retry_after_delays_the_whole_host() -> None:
    routes = {"/rl": [Reply(429, {"Retry-After": "1"}), Reply(200)],
              "/later": Reply(200, delay=0.2, head=Reply(200, delay=0.2))}
    with ScriptedServer(routes) as srv:
        urls = [srv.url("/rl")] + [srv.url(f"/later?{i}") for i in range(4)]
        srv.routes.update({f"/later?{i}": routes["/later"] for i in range(4)})
        res = check(urls, max_per_host=1)
        assert all(r.status == OK for r in res.values())
        [first_429] = [e for e in srv.log if e.status == 429]
        after = [e for e in srv.log if e.start > first_429.start]
        assert after and all(e.start - first_429.end >= 0.95 for e in after)


def test_persistent_429_is_rate_limited_not_broken() -> None:
    with ScriptedServer({"/status": Reply(429)}) as srv:
        [r] = check([srv.url("/status")], max_retries=3).values()
        assert r.status == RATE_LIMITED
        assert len(srv.requests("/status")) == 4
        assert not srv.requests("/status", "GET")  # a 429 is not a reason to try GET


def test_retry_after_above_the_cap_is_not_waited() -> None:
    with ScriptedServer({"/slowdown": Reply(429, {"Retry-After": "3600"})}) as srv:
        t0 = time.monotonic()
        [r] = check([srv.url("/slowdown")], max_retry_after=5).values()
        assert time.monotonic() - t0 < 2
        assert r.status == RATE_LIMITED and "3600" in r.message
        assert len(srv.log) == 1


# -- redirects ---------------------------------------------------------------------------------

def test_redirect_chain_reports_the_permanent_target() -> None:
    routes = {"/old": Reply(301, {"Location": "/moved"}), "/moved": Reply(302, {"Location": "/new"}),
              "/new": Reply(200), "/a": Reply(308, {"Location": "/b"}), "/b": Reply(200),
              "/tmp": Reply(307, {"Location": "/b"})}
    with ScriptedServer(routes) as srv:
        res = check([srv.url("/old#sec"), srv.url("/a"), srv.url("/tmp")], check_fragments=False)
        old = res[srv.url("/old#sec")]
        assert old.status == OK and old.final_url == srv.url("/new")
        assert old.redirects == [(301, srv.url("/moved")), (302, srv.url("/new"))]
        assert old.permanent_redirect == srv.url("/moved") + "#sec"  # the fragment is carried over
        assert res[srv.url("/a")].permanent_redirect == srv.url("/b")
        assert res[srv.url("/tmp")].permanent_redirect is None


def test_redirect_loop_is_broken() -> None:
    with ScriptedServer({"/loop": Reply(302, {"Location": "/loop"})}) as srv:
        [r] = check([srv.url("/loop")]).values()
        assert r.status == BROKEN and "loop" in r.message
        assert len(srv.log) == 1


def test_too_many_redirects_is_broken() -> None:
    routes = {f"/r{i}": Reply(302, {"Location": f"/r{i + 1}"}) for i in range(20)}
    with ScriptedServer(routes) as srv:
        [r] = check([srv.url("/r0")], max_redirects=5).values()
        assert r.status == BROKEN and "too many redirects" in r.message
        assert len(srv.log) == 6


# -- timeouts, refused, dropped, oversized -----------------------------------------------------

def test_slow_answer_past_the_timeout_is_unreachable() -> None:
    with ScriptedServer({"/slow": Reply(200, delay=1.5)}) as srv:
        t0 = time.monotonic()
        [r] = check([srv.url("/slow")], timeout=0.3, max_retries=1).values()
        assert r.status == UNREACHABLE and "0.3 s" in r.message
        assert len(srv.requests("/slow")) == 2          # timeouts are retried
        assert time.monotonic() - t0 < 1.5              # we did not wait for the server


def test_refused_connection_is_unreachable_and_not_retried() -> None:
    url = f"http://127.0.0.1:{refused_port()}/x"
    [r] = check([url]).values()
    assert r.status == UNREACHABLE and "refused" in r.message
    assert r.requests == 1


def test_dropped_connection_is_retried() -> None:
    with ScriptedServer({"/drop": [Reply(drop=True), Reply(200)]}) as srv:
        [r] = check([srv.url("/drop")]).values()
        assert r.status == OK and len(srv.log) == 2


def test_oversized_body_is_not_downloaded() -> None:
    size = 200_000_000
    with ScriptedServer({"/big": Reply(200, size=size, head=Reply(405))}) as srv:
        t0 = time.monotonic()
        [r] = check([srv.url("/big")]).values()
        assert r.status == OK
        assert time.monotonic() - t0 < 5
        time.sleep(0.2)
        [get] = srv.requests("/big", "GET")
        assert get.bytes_sent < size / 10


def test_fragment_search_reads_at_most_max_body_size() -> None:
    size = 50_000_000
    with ScriptedServer({"/big": Reply(200, size=size)}) as srv:
        [r] = check([srv.url("/big#somewhere")], max_body_size=100_000).values()
        assert r.status == OK and r.fragment_found is None  # unknown: not within what we read
        time.sleep(0.2)
        assert srv.requests("/big", "GET")[0].bytes_sent < size / 10


# -- fragments ---------------------------------------------------------------------------------

def test_remote_fragments_are_checked_in_one_get() -> None:
    page = b'<html><h2 id="install">x</h2><a name="old">y</a><div id="user-content-readme"></div></html>'
    hedgedoc = b'<html><div id="doc" class="markdown-body container-fluid"># Title</div></html>'
    with ScriptedServer({"/page": Reply(200, body=page), "/pad": Reply(200, body=hedgedoc)}) as srv:
        urls = [srv.url("/page#install"), srv.url("/page#old"), srv.url("/page#readme"), srv.url("/page#nope"),
                srv.url("/page#top"), srv.url("/page"), srv.url("/pad#Title")]
        res = check(urls)
        assert [res[u].fragment_found for u in urls] == [True, True, True, False, None, None, None]
        assert [e.method for e in srv.requests("/page")] == ["GET"]  # one fetch for all fragments


def test_fragments_not_checked_when_disabled() -> None:
    with ScriptedServer({"/page": Reply(200, body=b"<p>no ids</p>")}) as srv:
        [r] = check([srv.url("/page#x")], check_fragments=False).values()
        assert r.fragment_found is None and srv.log[0].method == "HEAD"


# -- limits ------------------------------------------------------------------------------------

def test_per_host_limit_is_respected_and_used() -> None:
    with ScriptedServer(delay=0.1, default=Reply(200)) as srv:
        res = check([srv.url(f"/p{i}") for i in range(30)], max_per_host=3)
        assert all(r.status == OK for r in res.values())
        assert srv.peak_in_flight == 3
        assert max(e.in_flight for e in srv.log) == 3


def test_global_limit_is_respected() -> None:
    servers = [ScriptedServer(delay=0.1, default=Reply(200)).start() for _ in range(3)]
    try:
        urls = [s.url(f"/p{i}") for s in servers for i in range(10)]
        res = check(urls, max_per_host=3, max_concurrency=4)
        assert all(r.status == OK for r in res.values())
        # in flight across the three servers: from a request's arrival until its answer starts
        entries = [e for s in servers for e in s.log]
        peak = max(sum(1 for o in entries if o.start <= e.start < o.answered) for e in entries)
        assert peak == 4
        assert all(s.peak_in_flight <= 3 for s in servers)
    finally:
        for s in servers:
            s.stop()


def test_host_key_is_host_and_port() -> None:
    assert host_key("https://Example.org/x") == "example.org:443"
    assert host_key("http://example.org/x") == "example.org:80"
    assert host_key("http://127.0.0.1:8765/x") == "127.0.0.1:8765"


# -- private addresses -------------------------------------------------------------------------

def test_private_addresses_are_refused_by_default() -> None:
    with ScriptedServer({"/ok": Reply(200)}) as srv:
        urls = [srv.url("/ok"), f"http://localhost:{srv.port}/ok"]
        res = check_urls(urls, LinksOptions(cache=False), store=ResultStore(), cache=False)
        assert all(r.status == SKIPPED and "allow-private" in r.message for r in res.values())
        assert srv.log == []  # nothing reached the server, also for the name resolving to 127.0.0.1


def test_redirect_to_a_private_address_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # the guard runs on every connection, so a hop to loopback is caught even if the first host is allowed
    with ScriptedServer({"/ok": Reply(200)}) as srv:
        from pad_lint.linkcheck import guard

        allowed = {"127.0.0.1"}
        real = guard.is_public_address
        monkeypatch.setattr(guard, "is_public_address", lambda a: a in allowed or real(a))
        routes = {"/hop": Reply(302, {"Location": f"http://localhost:{srv.port}/ok"})}
        srv.routes.update(routes)
        monkeypatch.setattr(guard.GuardedBackend, "_resolve",
                            _fake_resolve({"localhost": "127.0.0.2"}, guard.GuardedBackend._resolve))
        [r] = check_urls([srv.url("/hop")], LinksOptions(cache=False), store=ResultStore(), cache=False).values()
        assert r.status == SKIPPED and "127.0.0.2" in r.message
        assert [e.path for e in srv.log] == ["/hop"]


def _fake_resolve(table: dict[str, str], real):
    async def resolve(self, host: str, port: int, timeout: float | None):
        if host in table:
            return [table[host]]
        return await real(self, host, port, timeout)
    return resolve


@pytest.mark.parametrize("address,public", [
    ("127.0.0.1", False), ("10.1.2.3", False), ("192.168.0.1", False), ("172.16.5.4", False),
    ("169.254.1.1", False), ("100.64.0.1", False), ("::1", False), ("fe80::1", False), ("fc00::1", False),
    ("::ffff:127.0.0.1", False), ("0.0.0.0", False), ("224.0.0.1", False),
    ("93.184.215.14", True), ("2606:4700::1111", True),
])
def test_public_address_classification(address: str, public: bool) -> None:
    assert is_public_address(address) is public


# -- Retry-After parsing ----------------------------------------------------------------------

def test_parse_retry_after_forms() -> None:
    now = 784111777.0  # Sun, 06 Nov 1994 08:49:37 GMT
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after("Sun, 06 Nov 1994 08:49:40 GMT", now=now) == 3.0
    assert parse_retry_after("Sunday, 06-Nov-94 08:49:40 GMT", now=now) == 3.0
    assert parse_retry_after("Sun Nov  6 08:49:40 1994", now=now) == 3.0
    assert parse_retry_after("Sun, 06 Nov 1994 08:49:00 GMT", now=now) == 0.0  # past date: no wait
    for bad in (None, "", "-5", "soon", "1.5", "Sun, 06 Nov 1994 08:49:40 CET"):
        assert parse_retry_after(bad, now=now) is None
    assert parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT") == now


def test_backoff_is_exponential_with_bounded_jitter() -> None:
    import random

    rng = random.Random(1)
    for attempt in range(5):
        d = backoff_delay(attempt, 1.0, rng, cap=100)
        assert 2 ** attempt <= d <= 1.25 * 2 ** attempt
    assert backoff_delay(20, 1.0, rng, cap=60) == 60


# -- run store and persistent cache -------------------------------------------------------------

def test_each_url_is_checked_once_per_run_across_files() -> None:
    with ScriptedServer({"/a": Reply(200), "/b": Reply(404)}) as srv:
        from pad_lint.linkcheck import RUN_STORE

        RUN_STORE.clear()
        cfg = Config(select=["LNK"], links=options(online=True))
        pad1 = Pad.from_text(f"[a]({srv.url('/a')}) [b]({srv.url('/b')})\n", "one.md")
        pad2 = Pad.from_text(f"Voir {srv.url('/a')} et [b]({srv.url('/b')}) et [a]({srv.url('/a')}).\n", "two.md")
        d1 = lint_pad(pad1, cfg)
        d2 = lint_pad(pad2, cfg)
        assert [d.code for d in d1] == ["LNK101"] and [d.code for d in d2] == ["LNK101"]
        assert len(srv.requests("/a")) == 1
        assert [e.method for e in srv.requests("/b")] == ["HEAD", "GET"]
        RUN_STORE.clear()


def test_cli_style_prefetch_then_rules_make_no_more_requests() -> None:
    with ScriptedServer({"/a": Reply(200)}) as srv:
        from pad_lint.linkcheck import RUN_STORE, urls_of_view
        from pad_lint.markdown.view import build_view

        RUN_STORE.clear()
        opts = options(online=True)
        pads = [Pad.from_text(f"[a]({srv.url('/a')})\n", f"{i}.md") for i in range(3)]
        urls = [u for p in pads for u in urls_of_view(build_view(p), opts)]
        assert urls == [srv.url("/a")] * 3
        check_urls(urls, opts, cache=False)
        assert len(srv.log) == 1
        for p in pads:
            assert lint_pad(p, Config(select=["LNK"], links=opts)) == []
        assert len(srv.log) == 1
        RUN_STORE.clear()


def test_second_run_within_cache_age_makes_no_request_for_fine_urls(tmp_path: Path) -> None:
    routes = {"/ok": Reply(200), "/gone": Reply(404), "/moved": Reply(301, {"Location": "/ok"}),
              "/page": Reply(200, body=b'<p id="here">x</p>')}
    with ScriptedServer(routes) as srv:
        opts = options(cache=True, cache_dir=str(tmp_path), cache_max_age=3600)
        urls = [srv.url("/ok"), srv.url("/gone"), srv.url("/moved"), srv.url("/page#here"), srv.url("/page#nope")]
        first = check_urls(urls, opts, store=ResultStore())
        n = len(srv.log)
        second = check_urls(urls, opts, store=ResultStore())
        new = [(e.method, e.path) for e in srv.log[n:]]
        # fine URLs come from the cache; failures (404, missing fragment) are never cached
        assert ("HEAD", "/ok") not in new and ("HEAD", "/moved") not in new
        assert {p for _, p in new} == {"/gone", "/page"}
        assert second[srv.url("/ok")].from_cache and second[srv.url("/moved")].from_cache
        assert second[srv.url("/moved")].permanent_redirect == srv.url("/ok")
        assert not second[srv.url("/gone")].from_cache and second[srv.url("/gone")].status == BROKEN
        assert second[srv.url("/page#nope")].fragment_found is False
        assert first[srv.url("/ok")].status == second[srv.url("/ok")].status == OK


def test_cache_expires_and_follows_current_policy(tmp_path: Path) -> None:
    with ScriptedServer({"/ok": Reply(200)}) as srv:
        opts = options(cache=True, cache_dir=str(tmp_path), cache_max_age=3600)
        check_urls([srv.url("/ok")], opts, store=ResultStore())
        assert len(srv.log) == 1
        # expired
        check_urls([srv.url("/ok")], options(cache=True, cache_dir=str(tmp_path), cache_max_age=0),
                   store=ResultStore())
        assert len(srv.log) == 2
        # 200 no longer accepted: the cached success does not override the policy
        [r] = check_urls([srv.url("/ok")], options(cache=True, cache_dir=str(tmp_path), accept=[204]),
                         store=ResultStore()).values()
        assert r.status == BROKEN and [e.method for e in srv.log[2:]] == ["HEAD", "GET"]
    cache = LinkCache(tmp_path, 3600, [200])
    assert cache.get("http://never.example/") is None


def test_corrupt_cache_file_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "links-v1.json").write_text("{not json", encoding="utf-8")
    with ScriptedServer({"/ok": Reply(200)}) as srv:
        [r] = check_urls([srv.url("/ok")], options(cache=True, cache_dir=str(tmp_path)), store=ResultStore()).values()
        assert r.status == OK
    assert '"entries"' in (tmp_path / "links-v1.json").read_text(encoding="utf-8")


def test_excluded_and_non_web_urls_are_skipped_without_request() -> None:
    with ScriptedServer({"/ok": Reply(200)}) as srv:
        res = check([srv.url("/ok"), "mailto:a@example.org"], exclude=[r"/ok$"])
        assert {r.status for r in res.values()} == {SKIPPED}
        assert srv.log == []


def test_check_urls_refuses_to_run_inside_an_event_loop() -> None:
    import asyncio

    async def inner() -> None:
        with pytest.raises(RuntimeError, match="acheck_urls"):
            check_urls(["http://127.0.0.1/"], options(), store=ResultStore(), cache=False)

    asyncio.run(inner())


def test_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from pad_lint import linkcheck

    monkeypatch.setattr("sys.stderr.isatty", lambda: False, raising=False)
    assert linkcheck._progress_reporter(10, True) == (None, None)
    assert linkcheck._progress_reporter(10, False) == (None, None)


def test_default_cache_dir_is_the_user_cache_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import platformdirs

    from pad_lint.linkcheck.cache import default_cache_dir

    monkeypatch.delenv("PAD_LINT_CACHE_DIR", raising=False)
    assert default_cache_dir() == Path(platformdirs.user_cache_dir("pad-lint", appauthor=False))
    monkeypatch.setenv("PAD_LINT_CACHE_DIR", str(tmp_path))
    assert default_cache_dir() == tmp_path
    assert default_cache_dir(str(tmp_path / "cfg")) == tmp_path / "cfg"
