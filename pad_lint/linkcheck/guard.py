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

import ipaddress
import socket
from typing import Any, Iterable

import anyio
import httpcore
from httpcore._backends.auto import AutoBackend


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


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """httpcore backend that resolves, filters and connects (see module docstring).

    Args:
        allow_private: connect to non-public addresses too (tests, intranets).
    """

    def __init__(self, allow_private: bool = False) -> None:
        self.allow_private = allow_private
        self._inner = AutoBackend()

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
