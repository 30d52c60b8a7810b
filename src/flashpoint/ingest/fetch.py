"""Fetch what a user asked for (a URL or a feed) and nothing else, safely.

Every hop of a redirect chain is checked: the host must resolve only to public addresses
unless ``allow_private`` is set (loopback, private, link-local, cloud metadata and other
reserved ranges are refused), the body is cut at ``max_bytes`` and the whole fetch at
``deadline`` seconds, so an endless or slow-drip response cannot hang an ingest.

Issue 8 hardening: the socket connects to the very address that was checked (a guarded
httpcore network backend), so a DNS answer that changes between check and connect
(rebinding) cannot reach a private address; IPv4 addresses embedded in IPv6 ones
(``::ffff:127.0.0.1``, NAT64, 6to4, ``::127.0.0.1``) are checked as the IPv4 they carry;
every socket read counts against ``deadline``, so headers trickled a byte at a time are
cut too; transport failures (refused, reset, timed out) become ``FetchError`` instead of
escaping as httpx exceptions; and environment proxies are ignored (a proxy would resolve
the host itself, past the check).
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from flashpoint.errors import FlashpointError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
USER_AGENT = "flashpoint/0.1 (+news event coder; fetches only URLs a user asked for)"
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
    "application/rdf+xml",
)


class FetchError(FlashpointError):
    """A URL could not be fetched, or was refused for safety."""


@dataclass(frozen=True)
class FetchPolicy:
    """Limits of one fetch; the defaults suit news pages and feeds."""

    allow_private: bool = False
    timeout: float = 10.0  # seconds per connect / read
    deadline: float = 30.0  # seconds for the whole fetch, redirects included
    max_bytes: int = 5_000_000
    max_redirects: int = 5


@dataclass(frozen=True)
class Fetched:
    url: str
    content_type: str
    body: bytes

    @property
    def is_feed(self) -> bool:
        head = self.body[:512].lstrip().lower()
        return (
            self.content_type.startswith(FEED_TYPES)
            or head.startswith(b"<?xml")
            and (b"<rss" in self.body[:2048].lower() or b"<feed" in self.body[:2048].lower())
        )


def check_url(url: str, *, allow_private: bool) -> None:
    """Refuse non-HTTP URLs and hosts that resolve to a non-public address."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"{url}: only http:// and https:// URLs can be fetched")
    if allow_private:
        return
    _public_addresses(
        parts.hostname, parts.port or (443 if parts.scheme == "https" else 80), url=url
    )


def _public_addresses(host: str, port: int, *, url: str) -> list[IPAddress]:
    """The addresses of ``host``, or ``FetchError`` if any of them is not public."""
    addresses = _addresses(host, port)
    for address in addresses:
        if not _is_public(address):
            raise FetchError(
                f"{url}: refused, {host} resolves to the non-public address {address} "
                f"(pass --allow-private to fetch from your own network)"
            )
    return addresses


def _is_public(address: IPAddress) -> bool:
    embedded = _embedded_ipv4(address)
    if embedded is not None and not _is_public(embedded):
        return False
    return address.is_global and not address.is_multicast


def _embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one carries (mapped, 6to4, NAT64, IPv4-compatible)."""
    if address.version == 4:
        return None
    assert isinstance(address, ipaddress.IPv6Address)
    if address.ipv4_mapped is not None or address.sixtofour is not None:
        return address.ipv4_mapped or address.sixtofour
    packed = int(address)
    if address in _NAT64 or packed >> 32 == 0:  # 64:ff9b::/96 and ::/96 (IPv4-compatible)
        return ipaddress.IPv4Address(packed & 0xFFFFFFFF)
    return None


def fetch(url: str, *, policy: FetchPolicy | None = None) -> Fetched:
    """GET ``url`` within the policy, following redirects one checked hop at a time."""
    policy = policy or FetchPolicy()
    started = time.monotonic()
    try:
        return _fetch(url, policy, started)
    except httpx.TimeoutException:
        if time.monotonic() - started >= policy.deadline - 0.01:
            raise FetchError(
                f"{url}: fetch took longer than {policy.deadline:g} s; cut off"
            ) from None
        raise FetchError(f"{url}: no answer within {policy.timeout:g} s; cut off") from None
    except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError) as exc:
        raise FetchError(f"{url}: cannot fetch ({type(exc).__name__}: {exc})") from None


def _fetch(url: str, policy: FetchPolicy, started: float) -> Fetched:
    transport = httpx.HTTPTransport()
    # httpx has no public hook for the connecting backend; the pool's is replaced so the
    # socket goes to the checked address and every read counts against the deadline.
    transport._pool._network_backend = _GuardedBackend(policy, started + policy.deadline)
    with httpx.Client(
        transport=transport, timeout=policy.timeout, follow_redirects=False,
        headers={"User-Agent": USER_AGENT}, trust_env=False,
    ) as client:  # fmt: skip
        for _ in range(policy.max_redirects + 1):
            check_url(url, allow_private=policy.allow_private)
            with client.stream("GET", url) as response:
                if response.is_redirect and "location" in response.headers:
                    url = urljoin(url, response.headers["location"])
                    continue
                if response.status_code >= 400:
                    raise FetchError(f"{url}: the server answered HTTP {response.status_code}")
                body = _read_capped(response, url=url, policy=policy, started=started)
                return Fetched(
                    str(response.url), response.headers.get("content-type", "").lower(), body
                )
    raise FetchError(f"{url}: more than {policy.max_redirects} redirects")


def _read_capped(
    response: httpx.Response, *, url: str, policy: FetchPolicy, started: float
) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > policy.max_bytes:
            raise FetchError(f"{url}: response larger than {policy.max_bytes:,} bytes; refused")
        if time.monotonic() - started > policy.deadline:
            raise FetchError(f"{url}: fetch took longer than {policy.deadline:.0f} s; cut off")
        chunks.append(chunk)
    return b"".join(chunks)


class _GuardedBackend(httpcore.SyncBackend):
    """Connects only to checked addresses; every stream it opens obeys the deadline."""

    def __init__(self, policy: FetchPolicy, deadline_at: float) -> None:
        self.policy = policy
        self.deadline_at = deadline_at

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None, socket_options: Any = None) -> httpcore.NetworkStream:  # fmt: skip
        where = f"{host}:{port}"
        addresses = (
            _addresses(host, port)
            if self.policy.allow_private
            else _public_addresses(host, port, url=where)
        )
        failure: Exception = FetchError(f"{where}: no address to connect to")
        for address in addresses:  # every checked address in turn, as create_connection does
            try:
                stream = super().connect_tcp(
                    str(address), port, timeout, local_address, socket_options
                )
            except httpcore.ConnectError as exc:
                failure = exc
                continue
            return _DeadlineStream(stream, self)
        raise failure


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream, backend: _GuardedBackend) -> None:
        self._stream = stream
        self._backend = backend

    def _timeout(self, timeout: float | None) -> float:
        left = self._backend.deadline_at - time.monotonic()
        if left <= 0:
            raise FetchError(f"fetch took longer than {self._backend.policy.deadline:g} s; cut off")
        return left if timeout is None else min(timeout, left)

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, self._timeout(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._timeout(timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None) -> httpcore.NetworkStream:  # fmt: skip
        tls = self._stream.start_tls(ssl_context, server_hostname, self._timeout(timeout))
        return _DeadlineStream(tls, self._backend)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


def _addresses(host: str, port: int) -> list[IPAddress]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc.strerror}") from None
    # sockaddr[0] is the address text; an IPv6 scope ("%eth0") is not part of the address
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
