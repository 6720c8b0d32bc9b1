"""Security properties of the CLI, tested end to end.

* no network unless asked: a pad full of links to a local server causes no request;
* online checks refuse loopback, private and link-local targets by default (the
  guard checks the address actually connected to, so ``localhost`` and decimal
  IPs are caught too), and do reach them with ``allow-private`` (so the test
  above would notice a request);
* response bodies are size-capped;
* reports never pass pad content through raw: no terminal escape sequences in
  text formats, well-formed XML for JUnit, valid JSON for the JSON formats.

All traffic stays on 127.0.0.1 (``pad_lint.linkcheck.testserver``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from pad_lint.linkcheck.testserver import Reply, ScriptedServer

TIMEOUT = 120


def cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1", "PAD_LINT_CACHE_DIR": str(tmp_path / ".cache"), "HOME": str(tmp_path)}
    env.pop("PAD_LINT_DEBUG", None)
    proc = subprocess.run([sys.executable, "-m", "pad_lint", "check", "--isolated", "--no-cache", *args],
                          cwd=tmp_path, capture_output=True, timeout=TIMEOUT, env=env)
    assert b"Traceback" not in proc.stderr and b"internal error" not in proc.stderr, proc.stderr
    return proc


def online(*extra: str) -> list[str]:
    out = ["--config", "links.online = true", "--config", "links.cache = false", "--config", "links.max-retries = 0",
           "--extend-select", "LNK1"]
    for e in extra:
        out += ["--config", e]
    return out


def link_pad(server: ScriptedServer) -> str:
    port = server.port
    return (f"# Atelier du mardi 3 mars 2026\n\n"
            f"[a]({server.url('/a')}) [b](http://localhost:{port}/b) [c](http://127.1:{port}/c)\n"
            f"![photo]({server.url('/img.png')}) <http://[::1]:{port}/d> http://2130706433:{port}/e\n"
            f"<a href=\"{server.url('/html')}\">html</a> [ref][r]\n\n[r]: {server.url('/ref')}\n")


@pytest.fixture
def server():
    with ScriptedServer({"/a": Reply(404), "/ref": Reply(200, body=b"ok")}, default=Reply(404)) as s:
        yield s


def test_no_network_without_online(tmp_path: Path, server: ScriptedServer) -> None:
    (tmp_path / "p.md").write_text(link_pad(server), encoding="utf-8")
    proc = cli(tmp_path, "--select", "ALL", "p.md")
    assert proc.returncode in (0, 1)
    assert server.requests() == []


def test_online_refuses_loopback_by_default(tmp_path: Path, server: ScriptedServer) -> None:
    (tmp_path / "p.md").write_text(link_pad(server), encoding="utf-8")
    proc = cli(tmp_path, *online(), "p.md")
    assert proc.returncode in (0, 1), proc.stderr
    assert server.requests() == [], [(e.method, e.path) for e in server.requests()]


@pytest.mark.parametrize("url", ["http://10.0.0.1/", "http://192.168.1.1/x", "http://172.16.0.1/",
                                 "http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/", "http://0.0.0.0/",
                                 "http://[::ffff:127.0.0.1]/", "http://100.64.0.1/"])
def test_online_refuses_private_and_link_local_targets(tmp_path: Path, url: str) -> None:
    """No connection is even tried: the run ends at once although nothing listens there."""
    from pad_lint.config import Config
    from pad_lint.linkcheck import check_urls

    opts = Config.model_validate({"links": {"online": True, "cache": False, "timeout": 30, "max_retries": 0}}).links
    result = check_urls([url], opts)[url]
    assert result.status == "skipped", (url, result)
    assert "non-public" in result.message or "private" in result.message


def test_online_reaches_the_server_with_allow_private(tmp_path: Path, server: ScriptedServer) -> None:
    """The control experiment: the same pad does cause requests when private targets are allowed."""
    (tmp_path / "p.md").write_text(link_pad(server), encoding="utf-8")
    proc = cli(tmp_path, *online("links.allow-private = true"), "--output-format", "json", "p.md")
    assert server.requests(), "no request: the refusal tests above prove nothing"
    codes = [f["code"] for f in json.loads(proc.stdout)]
    assert "LNK101" in codes  # /a answers 404


def test_response_bodies_are_size_capped(tmp_path: Path) -> None:
    size = 500 * 1024 * 1024  # 500 MB of filler, streamed: reading it all would take minutes and the memory
    with ScriptedServer({"/big": Reply(200, headers={"Content-Type": "text/html"}, size=size)}) as s:
        (tmp_path / "p.md").write_text(f"# T\n\n[page]({s.url('/big')}#section)\n", encoding="utf-8")
        cli(tmp_path, *online("links.allow-private = true", "links.max-body-size = 1048576"), "p.md")
        sent = [e.bytes_sent for e in s.requests("/big", "GET")]
    assert sent, "the page was not fetched (the #fragment check needs a GET)"
    assert max(sent) < 64 * 1024 * 1024, sent


HOSTILE = ("# Titre <script>alert(1)</script> ]]> & \"q\" \x1b[2J\x1b]0;owned\x07\n\n"
           "![Photo : \x1b[31mrouge\x1b[0m <img src=x onerror=alert(1)> ]]>](b.png) ![image](a.png)\n\n"
           "[lien](http://exa mple.com/\x1b[31m\x08\x0c) [x](#nope-\x1b[1m\x9b)\n\n"
           "participant.e.s et participant·es \r\x1b[5m\n")


@pytest.mark.parametrize("fmt", ["concise", "full", "github"])
def test_text_reports_neutralise_terminal_escapes(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "p.md").write_text(HOSTILE, encoding="utf-8")
    proc = cli(tmp_path, "--select", "ALL", "--offline", "--color", "never", "--output-format", fmt, "p.md")
    assert proc.returncode == 1
    out = proc.stdout.decode("utf-8")
    assert "LNK001" in out  # the finding that quotes the hostile address is there
    for ch in "\x1b\x07\x08\x0c\r\x9b":
        assert ch not in out, (fmt, repr(ch))


def test_junit_report_is_well_formed_xml(tmp_path: Path) -> None:
    (tmp_path / "p.md").write_text(HOSTILE, encoding="utf-8")
    proc = cli(tmp_path, "--select", "ALL", "--offline", "--output-format", "junit", "p.md")
    root = ET.fromstring(proc.stdout)
    assert root.tag == "testsuites"
    assert not list(root.iter("script")) and not list(root.iter("img"))
    assert b"<script>" not in proc.stdout


@pytest.mark.parametrize("fmt", ["json", "sarif", "gitlab"])
def test_json_reports_stay_valid(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "p.md").write_text(HOSTILE, encoding="utf-8")
    proc = cli(tmp_path, "--select", "ALL", "--offline", "--output-format", fmt, "p.md")
    assert b"\x1b" not in proc.stdout
    json.loads(proc.stdout)


def test_json_lines_report_stays_valid(tmp_path: Path) -> None:
    (tmp_path / "p.md").write_text(HOSTILE, encoding="utf-8")
    proc = cli(tmp_path, "--select", "ALL", "--offline", "--output-format", "json-lines", "p.md")
    for line in proc.stdout.decode("utf-8").splitlines():
        json.loads(line)


def test_file_names_with_escapes_are_neutralised(tmp_path: Path) -> None:
    name = "x\x1b[2Jy.md"
    (tmp_path / name).write_bytes(b"ab\xff cd")
    proc = cli(tmp_path, "--offline", name)
    assert proc.returncode == 2
    assert b"\x1b" not in proc.stdout + proc.stderr
