"""A scripted local HTTP server for the link checker's tests and benchmarks.

Not used by the checker itself. :class:`ScriptedServer` listens on
``127.0.0.1`` (port 0: the system picks a free one) with the standard library's
:class:`http.server.ThreadingHTTPServer`, answers each path from a script, and
logs every request with its start and end times and how many requests were in
flight, so tests can assert call counts, waits and concurrency.

Scripts: a route maps a path (query included, as requested) to a
:class:`Reply`, a list of replies served in order (the last one repeats), or a
function ``(method, path, n) -> Reply`` where ``n`` counts that path's
requests from 1.
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Union


@dataclass
class Reply:
    """One scripted answer.

    Attributes:
        status: HTTP status code.
        headers: extra headers (``Location``, ``Retry-After``…).
        body: body bytes (ignored for HEAD).
        size: if set, stream this many bytes of filler instead of ``body``.
        delay: seconds to wait before answering.
        drop: close the connection without answering.
        head: a different reply for HEAD requests.
    """

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    size: int | None = None
    delay: float = 0.0
    drop: bool = False
    head: "Reply | None" = None


Route = Union[Reply, list, Callable[[str, str, int], Reply]]


@dataclass
class LogEntry:
    method: str
    path: str
    start: float          # time.monotonic() when the request line was read
    end: float = 0.0
    answered: float = 0.0  # time.monotonic() just before the first byte of the answer
    in_flight: int = 0    # requests being served at that moment, this one included
    status: int | None = None
    bytes_sent: int = 0
    user_agent: str = ""


class ScriptedServer:
    """See the module docstring. Use as a context manager.

    Args:
        routes: path -> script.
        delay: seconds added before every answer (benchmarks).
        default: reply for unknown paths (404).
    """

    def __init__(self, routes: dict[str, Route] | None = None, delay: float = 0.0,
                 default: Reply | None = None) -> None:
        self.routes: dict[str, Route] = dict(routes or {})
        self.delay = delay
        self.default = default or Reply(404, body=b"not found")
        self.log: list[LogEntry] = []
        self._counts: dict[str, int] = {}
        self._lock = threading.Lock()
        self._in_flight = 0
        self.peak_in_flight = 0
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # silence stderr
                pass

            def do_GET(self) -> None:
                server._serve(self, "GET")

            def do_HEAD(self) -> None:
                server._serve(self, "HEAD")

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    # -- lifecycle ------------------------------------------------------------------------
    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self) -> "ScriptedServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> "ScriptedServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- queries --------------------------------------------------------------------------
    def requests(self, path: str | None = None, method: str | None = None) -> list[LogEntry]:
        with self._lock:
            return [e for e in self.log if (path is None or e.path == path) and (method is None or e.method == method)]

    # -- serving --------------------------------------------------------------------------
    def _reply_for(self, method: str, path: str) -> Reply:
        with self._lock:
            n = self._counts.get(path, 0) + 1
            self._counts[path] = n
        route = self.routes.get(path)
        if route is None:
            return self.default
        if isinstance(route, Reply):
            reply = route
        elif isinstance(route, list):
            reply = route[min(n, len(route)) - 1]
        else:
            reply = route(method, path, n)
        if method == "HEAD" and reply.head is not None:
            return reply.head
        return reply

    def _serve(self, handler: BaseHTTPRequestHandler, method: str) -> None:
        entry = LogEntry(method, handler.path, time.monotonic(), user_agent=handler.headers.get("User-Agent", ""))
        with self._lock:
            self._in_flight += 1
            self.peak_in_flight = max(self.peak_in_flight, self._in_flight)
            entry.in_flight = self._in_flight
            self.log.append(entry)
        counted = True

        def answering() -> None:
            # A request stops counting as in flight *before* its answer is written: once
            # the client has the answer it may send the next request, and that one must
            # never find this one still counted (the handler returns a moment later).
            nonlocal counted
            with self._lock:
                if counted:
                    self._in_flight -= 1
                    counted = False
                    entry.answered = time.monotonic()

        try:
            reply = self._reply_for(method, handler.path)
            wait = self.delay + reply.delay
            if wait:
                time.sleep(wait)
            answering()
            if reply.drop:
                handler.close_connection = True
                try:
                    handler.connection.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                return
            entry.status = reply.status
            length = reply.size if reply.size is not None else len(reply.body)
            try:
                handler.send_response(reply.status)
                for key, value in reply.headers.items():
                    handler.send_header(key, value)
                if "content-type" not in {k.lower() for k in reply.headers}:
                    handler.send_header("Content-Type", "text/html; charset=utf-8")
                handler.send_header("Content-Length", str(length))
                handler.end_headers()
                if method != "HEAD":
                    if reply.size is None:
                        handler.wfile.write(reply.body)
                        entry.bytes_sent = len(reply.body)
                    else:
                        chunk = b"x" * 65536
                        left = reply.size
                        while left > 0:
                            piece = chunk[: min(left, len(chunk))]
                            handler.wfile.write(piece)
                            entry.bytes_sent += len(piece)
                            left -= len(piece)
                handler.wfile.flush()
            except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
                handler.close_connection = True
        finally:
            answering()
            with self._lock:
                entry.end = time.monotonic()


def refused_port() -> int:
    """A local port with nothing listening (connections to it are refused)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port
