"""HedgeDoc URL inputs, against a local HTTP server on 127.0.0.1 that mimics HedgeDoc's routes."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from pad_lint.cli import main
from pad_lint.errors import InputError
from pad_lint.fetch import download_url, fetch_pad

PAD = "# Atelier\n\n<!-- pad-lint disabel -->\nTexte.\n".encode()


class Hedgedoc(BaseHTTPRequestHandler):
    requests: list[str] = []

    def log_message(self, *args):  # keep test output clean
        pass

    def do_GET(self):  # noqa: N802
        Hedgedoc.requests.append(self.path)
        routes = {
            "/public/download": (200, "text/markdown; charset=UTF-8", PAD),
            "/s/shortid/download": (200, "text/markdown; charset=UTF-8", PAD),
            "/private/download": (403, "text/html", b"<h1>Forbidden</h1>"),
            "/html/download": (200, "text/html; charset=utf-8", b"<html>sign in</html>"),
            "/latin1/download": (200, "text/markdown", "caf\xe9".encode("latin-1")),
            "/boom/download": (500, "text/plain", b"oops"),
        }
        if self.path == "/slow/download":
            import time

            time.sleep(2)
        if self.path == "/locked/download":
            self.send_response(302)
            self.send_header("Location", "/login")
            self.end_headers()
            return
        if self.path == "/login":
            status, ctype, body = 200, "text/html", b"<form>login</form>"
        else:
            status, ctype, body = routes.get(self.path, (404, "text/html", b"Not found"))
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout test)


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Hedgedoc)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")


@pytest.mark.parametrize("url, expected", [
    ("https://pad.example.org/abc", "https://pad.example.org/abc/download"),
    ("https://pad.example.org/abc?both#intro", "https://pad.example.org/abc/download"),
    ("https://pad.example.org/s/xyz", "https://pad.example.org/s/xyz/download"),
    ("https://pad.example.org/p/abc", "https://pad.example.org/abc/download"),
    ("https://pad.example.org/abc/download", "https://pad.example.org/abc/download"),
])
def test_download_url(url, expected):
    assert download_url(url) == expected


def test_download_url_without_id():
    with pytest.raises(InputError, match="has no pad id"):
        download_url("https://pad.example.org/")


def test_check_a_pad_url(server, capsys):
    url = f"{server}/public"
    code = main(["check", "--no-cache", "--isolated", "--select", "NOQA", url, "--output-format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert [(d["code"], d["path"], d["location"]["line"]) for d in data] == [("NOQA001", url, 3)]
    assert "/public/download" in Hedgedoc.requests
    assert code == 0


def test_check_a_published_pad_url(server, capsys):
    code = main(["check", "--no-cache", "--isolated", "--select", "NOQA", f"{server}/s/shortid", "-q",
                 "--output-format", "concise"])
    assert capsys.readouterr().out.startswith(f"{server}/s/shortid:3:1: NOQA001")
    assert code == 0


@pytest.mark.parametrize("path, message", [
    ("/private", "this pad is private (HTTP 403)"),
    ("/locked", "this pad is private (HedgeDoc asked to sign in)"),
    ("/missing", "no pad at this address (HTTP 404)"),
    ("/html", "the server sent a web page, not the pad's Markdown"),
    ("/boom", "the server answered HTTP 500"),
    ("/latin1", "is not valid UTF-8"),
])
def test_url_errors_are_one_line_exit_2(server, capsys, path, message):
    url = f"{server}{path}"
    code = main(["check", "--no-cache", "--isolated", url])
    err = capsys.readouterr().err
    assert code == 2
    assert err.splitlines()[0].startswith(f"{url}")
    assert message in err
    assert "Traceback" not in err


def test_unreachable_host(capsys):
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now
    url = f"http://127.0.0.1:{port}/abc"
    assert main(["check", "--no-cache", "--isolated", url]) == 2
    assert f"{url}: cannot reach 127.0.0.1:{port}" in capsys.readouterr().err


def test_parse_a_pad_url(server, capsys):
    assert main(["parse", f"{server}/public"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["title"] in ("Atelier", None) or "Atelier" in json.dumps(doc)


def test_fetch_pad_returns_pad(server):
    pad = fetch_pad(f"{server}/public")
    assert pad.text.startswith("# Atelier") and pad.path == f"{server}/public"


def test_timeout(server, capsys):
    url = f"{server}/slow"
    assert main(["check", "--no-cache", "--isolated", url, "--timeout", "0.3"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{url}: 127.0.0.1:") and "did not answer within 0.3 s" in err
