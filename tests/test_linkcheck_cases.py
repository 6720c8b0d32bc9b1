"""Online field cases (shared/cases/links/15 and 17) and the LNK1xx rules end to end.

Each case's server is scripted as its ``<!-- expected: … -->`` comment says; the
case's fixed port is replaced by the port the local server got.
"""

from __future__ import annotations

import email.utils
import re
import time
from pathlib import Path

import pytest

from conftest import strip_case_verdict
from pad_lint.config import Config, LinksOptions
from pad_lint.diagnostics import Severity
from pad_lint.linkcheck import RUN_STORE
from pad_lint.linkcheck.testserver import Reply, ScriptedServer, refused_port
from pad_lint.linter import lint_pad
from pad_lint.source import Pad


@pytest.fixture(autouse=True)
def fresh_run_store():
    RUN_STORE.clear()
    yield
    RUN_STORE.clear()


def online_config(**kw: object) -> Config:
    links = dict(online=True, allow_private=True, cache=False, retry_wait=0.1, timeout=3.0)
    links.update(kw)
    return Config(select=["LNK"], links=LinksOptions(**links))


def case_pad(shared: Path, name: str, port_in_case: int, port: int) -> Pad:
    text, verdict = strip_case_verdict((shared / "cases" / "links" / name).read_text(encoding="utf-8"))
    assert f"127.0.0.1:{port_in_case}" in verdict
    return Pad.from_text(text.replace(f"127.0.0.1:{port_in_case}", f"127.0.0.1:{port}"), name)


def test_case_15_rate_limit_429(shared_dir: Path) -> None:
    def reference(method: str, path: str, n: int) -> Reply:
        if n == 1:  # "first GET => 429 with Retry-After: <HTTP-date 3 s in the future>"
            return Reply(429, {"Retry-After": email.utils.formatdate(time.time() + 3, usegmt=True)})
        return Reply(200)

    routes = {"/docs": [Reply(429, {"Retry-After": "2"}), Reply(200)],
              "/reference": reference,
              "/status": Reply(429)}
    with ScriptedServer(routes) as srv:
        pad = case_pad(shared_dir, "15-rate-limit-429.md", 8765, srv.port)
        diags = lint_pad(pad, online_config(max_retries=3))
        # /docs OK, /reference OK, /status RATE-LIMITED (a warning, not "broken")
        assert [(d.code, d.span.start_line, d.severity) for d in diags] == [("LNK103", 3, Severity.WARNING)]
        docs = srv.requests("/docs")
        assert len(docs) == 2                                   # requested exactly twice
        assert docs[1].start - docs[0].end >= 2.0               # not earlier than 2 s after the first 429
        first_429 = min(e.end for e in srv.log if e.status == 429)
        # the wait also delays the other requests to the same host (per-host backoff): apart
        # from first requests already on their way when the 429 came back (within 50 ms),
        # nothing reaches the host before the 2 s are over
        later = [e for e in srv.log if e.start > first_429 + 0.05]
        assert later and all(e.start - first_429 >= 1.9 for e in later)
        ref = srv.requests("/reference")
        assert len(ref) == 2 and ref[1].start - ref[0].end >= 1.9  # HTTP-date form honoured (1 s resolution)
        assert len(srv.requests("/status")) == 4                 # 1 + 3 retries, then rate-limited
        assert srv.peak_in_flight <= LinksOptions().max_per_host


def test_case_17_head_rejected_get_ok(shared_dir: Path) -> None:
    routes = {"/download": Reply(200, head=Reply(405)),
              "/search?q=pads": Reply(200, head=Reply(404)),
              "/old": Reply(301, {"Location": "/new"}), "/new": Reply(200),
              "/loop": Reply(302, {"Location": "/loop"})}
    with ScriptedServer(routes) as srv:
        pad = case_pad(shared_dir, "17-head-rejected-get-ok.md", 8767, srv.port)
        diags = lint_pad(pad, online_config())
        got = [(d.code, d.span.start_line, d.severity.value) for d in diags]
        assert got == [("LNK104", 3, "info"), ("LNK101", 4, "error")]
        redirect, loop = diags
        assert srv.url("/new") in redirect.message                 # reported with the final URL
        assert "redirect" in loop.message and "loop" in loop.message
        assert [(e.method, e.status) for e in srv.requests("/download")] == [("HEAD", 405), ("GET", 200)]
        assert [(e.method, e.status) for e in srv.requests("/search?q=pads")] == [("HEAD", 404), ("GET", 200)]
        # the permanent-redirect fix points the link to the new address
        fixed = pad.text
        for edit in redirect.fix.edits:
            fixed = fixed[: edit.start_offset] + edit.content + fixed[edit.end_offset:]
        assert f"[old page]({srv.url('/new')})" in fixed


def test_online_rules_end_to_end() -> None:
    page = b'<html><h2 id="install">Install</h2></html>'
    routes = {"/ok": Reply(200), "/gone": Reply(410), "/li": Reply(999),
              "/busy": Reply(429), "/page": Reply(200, body=page), "/slow": Reply(200, delay=2)}
    with ScriptedServer(routes) as srv:
        dead = f"http://127.0.0.1:{refused_port()}/x"
        text = (f"- [ok]({srv.url('/ok')})\n- [gone]({srv.url('/gone')})\n- [profil]({srv.url('/li')})\n"
                f"- [busy]({srv.url('/busy')})\n- [install]({srv.url('/page#install')})\n"
                f"- [missing]({srv.url('/page#nope')})\n- [dead]({dead})\n- {srv.url('/slow')}\n"
                f"- ![img]({srv.url('/gone')})\n")
        diags = lint_pad(Pad.from_text(text, "pad.md"), online_config(max_retries=1, timeout=0.5))
        got = sorted((d.span.start_line, d.code, d.severity.value) for d in diags)
        assert got == [(2, "LNK101", "error"), (3, "LNK102", "warning"), (4, "LNK103", "warning"),
                       (6, "LNK003", "warning"), (7, "LNK105", "warning"), (8, "LNK105", "warning"),
                       (9, "LNK101", "error")]
        assert len(srv.requests("/gone")) == 2  # link and image share one check (HEAD then GET)


def test_online_rules_are_silent_by_default() -> None:
    with ScriptedServer({"/gone": Reply(410)}) as srv:
        diags = lint_pad(Pad.from_text(f"[gone]({srv.url('/gone')})\n", "pad.md"), Config(select=["LNK"]))
        assert diags == [] and srv.log == []


def test_private_guard_enabled_in_a_lint_run() -> None:
    with ScriptedServer({"/gone": Reply(410)}) as srv:
        cfg = online_config(allow_private=False)
        diags = lint_pad(Pad.from_text(f"[gone]({srv.url('/gone')})\n", "pad.md"), cfg)
        assert diags == [] and srv.log == []  # refused before connecting: no request, no finding
