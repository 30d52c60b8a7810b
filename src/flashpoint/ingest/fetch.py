"""Fetch what a user asked for (a URL or a feed) and nothing else, safely.

Every hop of a redirect chain is checked: the host must resolve only to public addresses
unless ``allow_private`` is set (loopback, private, link-local, cloud metadata and other
reserved ranges are refused), the body is cut at ``max_bytes`` and the whole fetch at
``deadline`` seconds, so an endless or slow-drip response cannot hang an ingest.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from flashpoint.errors import FlashpointError

USER_AGENT = "flashpoint/0.1 (+news event coder; fetches only URLs a user asked for)"
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml")


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
        return self.content_type.startswith(FEED_TYPES) or head.startswith(b"<?xml") and (
            b"<rss" in self.body[:2048].lower() or b"<feed" in self.body[:2048].lower()
        )


def check_url(url: str, *, allow_private: bool) -> None:
    """Refuse non-HTTP URLs and hosts that resolve to a non-public address."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"{url}: only http:// and https:// URLs can be fetched")
    if allow_private:
        return
    for address in _addresses(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)):
        if not address.is_global or address.is_multicast:
            raise FetchError(
                f"{url}: refused, {parts.hostname} resolves to the non-public address {address} "
                f"(pass --allow-private to fetch from your own network)"
            )


def fetch(url: str, *, policy: FetchPolicy | None = None) -> Fetched:
    """GET ``url`` within the policy, following redirects one checked hop at a time."""
    policy = policy or FetchPolicy()
    started = time.monotonic()
    with httpx.Client(timeout=policy.timeout, follow_redirects=False, headers={"User-Agent": USER_AGENT}) as client:
        for _ in range(policy.max_redirects + 1):
            check_url(url, allow_private=policy.allow_private)
            with client.stream("GET", url) as response:
                if response.is_redirect and "location" in response.headers:
                    url = urljoin(url, response.headers["location"])
                    continue
                if response.status_code >= 400:
                    raise FetchError(f"{url}: the server answered HTTP {response.status_code}")
                body = _read_capped(response, url=url, policy=policy, started=started)
                return Fetched(str(response.url), response.headers.get("content-type", "").lower(), body)
    raise FetchError(f"{url}: more than {policy.max_redirects} redirects")


def _read_capped(response: httpx.Response, *, url: str, policy: FetchPolicy, started: float) -> bytes:
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


def _addresses(host: str, port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc.strerror}") from None
    # sockaddr[0] is the address text; an IPv6 scope ("%eth0") is not part of the address
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
