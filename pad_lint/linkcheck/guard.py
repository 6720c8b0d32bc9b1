"""Refusing loopback, private and link-local addresses, on the address actually connected to.

A URL naming ``intranet.example`` may resolve to ``10.0.0.5``; checking the
name is not enough (nor is checking once and connecting later: DNS may answer
differently, "DNS rebinding"). :class:`GuardedBackend` is an httpcore network
backend: it resolves the host itself, refuses every address that is not
globally routable (``ipaddress`` ``is_global``: loopback, RFC 1918 private,
link-local, carrier-grade NAT, documentation, multicast, unspecified…,
IPv4-mapped IPv6 unwrapped), and connects to the address it checked.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import sys
from typing import Any, Iterable

import anyio
import httpcore
from httpcore._backends.auto import AutoBackend
from httpcore._utils import is_socket_readable


class BlockedAddressError(httpcore.ConnectError):
    """The host resolves to an address the configuration does not allow (no request was sent)."""


class ResolutionError(httpcore.ConnectError):
    """The host name could not be resolved (DNS)."""


def is_public_address(address: str) -> bool:
    """Whether ``address`` (IPv4 or IPv6 text) is globally routable.

    Raises:
        ValueError: not an IP address.
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def literal_ip(host: str) -> str | None:
    """``host`` without brackets if it is an IP literal, else ``None``."""
    h = host.strip("[]")
    try:
        ipaddress.ip_address(h.split("%", 1)[0])
    except ValueError:
        return None
    return h


class _AsyncioStream(httpcore.AsyncNetworkStream):
    """An httpcore network stream on plain asyncio streams.

    httpcore's default (anyio) streams cost about 0.2 ms of CPU per request in
    cancel scopes and in ``get_extra_info`` (which calls ``getpeername`` each
    time a pooled connection is reused); this one answers from the transport.
    Needs Python 3.11 (``asyncio.timeout``, ``StreamWriter.start_tls``).
    """

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._reader = reader
        self._writer = writer

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        try:
            async with asyncio.timeout(timeout):  # type: ignore[attr-defined]
                return await self._reader.read(max_bytes)
        except TimeoutError as exc:
            raise httpcore.ReadTimeout(str(exc)) from exc
        except OSError as exc:
            raise httpcore.ReadError(str(exc)) from exc

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:
            return
        try:
            self._writer.write(buffer)
            async with asyncio.timeout(timeout):  # type: ignore[attr-defined]
                await self._writer.drain()
        except TimeoutError as exc:
            raise httpcore.WriteTimeout(str(exc)) from exc
        except OSError as exc:
            raise httpcore.WriteError(str(exc)) from exc

    async def aclose(self) -> None:
        self._writer.close()

    async def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                        timeout: float | None = None) -> httpcore.AsyncNetworkStream:
        try:
            async with asyncio.timeout(timeout):  # type: ignore[attr-defined]
                await self._writer.start_tls(ssl_context, server_hostname=server_hostname)
        except TimeoutError as exc:
            raise httpcore.ConnectTimeout(str(exc)) from exc
        except OSError as exc:  # ssl.SSLError included
            raise httpcore.ConnectError(str(exc)) from exc
        return self

    def get_extra_info(self, info: str) -> Any:
        if info == "ssl_object":
            return self._writer.get_extra_info("ssl_object")
        if info == "client_addr":
            return self._writer.get_extra_info("sockname")
        if info == "server_addr":
            return self._writer.get_extra_info("peername")
        if info == "socket":
            return self._writer.get_extra_info("socket")
        if info == "is_readable":
            sock = self._writer.get_extra_info("socket")
            return sock is None or is_socket_readable(sock)
        return None


class _AsyncioBackend(httpcore.AsyncNetworkBackend):
    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None,
                          socket_options: Iterable[Any] | None = None) -> httpcore.AsyncNetworkStream:
        try:
            async with asyncio.timeout(timeout):  # type: ignore[attr-defined]
                reader, writer = await asyncio.open_connection(
                    host, port, local_addr=(local_address, 0) if local_address else None)
        except TimeoutError as exc:
            raise httpcore.ConnectTimeout(str(exc)) from exc
        except OSError as exc:
            raise httpcore.ConnectError(str(exc)) from exc
        return _AsyncioStream(reader, writer)

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: Iterable[Any] | None = None) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("unix sockets are not used by the link checker")

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """httpcore backend that resolves, filters and connects (see module docstring).

    Args:
        allow_private: connect to non-public addresses too (tests, intranets).
    """

    def __init__(self, allow_private: bool = False) -> None:
        self.allow_private = allow_private
        self._inner: httpcore.AsyncNetworkBackend = (_AsyncioBackend() if sys.version_info >= (3, 11)
                                                      else AutoBackend())

    async def _resolve(self, host: str, port: int, timeout: float | None) -> list[str]:
        literal = literal_ip(host)
        if literal is not None:
            return [literal]
        try:
            with anyio.fail_after(timeout):
                infos = await anyio.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except TimeoutError as exc:
            raise httpcore.ConnectTimeout(f"resolving {host} timed out") from exc
        except OSError as exc:
            raise ResolutionError(f"cannot resolve {host}: {exc}") from exc
        seen: list[str] = []
        for info in infos:
            addr = str(info[4][0])
            if addr not in seen:
                seen.append(addr)
        return seen

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None,
                          socket_options: Iterable[Any] | None = None) -> httpcore.AsyncNetworkStream:
        addresses = await self._resolve(host, port, timeout)
        if not self.allow_private:
            blocked = [a for a in addresses if not is_public_address(a)]
            if blocked:
                raise BlockedAddressError(f"{host} resolves to the non-public address {blocked[0]}")
        last: Exception | None = None
        for address in addresses:
            try:
                return await self._inner.connect_tcp(address, port, timeout=timeout, local_address=local_address,
                                                     socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        assert last is not None
        raise last

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: Iterable[Any] | None = None) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("unix sockets are not used by the link checker")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)
