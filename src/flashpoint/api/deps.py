"""Dependencies of the API routes: the store handle, per-request readers, the write token.

Concurrency (issue 8, item 5). DuckDB lets one process open a file for writing, and then no
other process may open it at all. So the server process holds ONE connection to the store
for its lifetime and every request gets its own cursor from it (``conn.cursor()``: a separate
connection to the same database instance, safe to use from the request's worker thread).
DuckDB's MVCC gives each statement a consistent snapshot of committed data, so readers are
never blocked by a write in progress and never see half a batch. Writes (``POST
/api/articles``) go through one writer lock, one transaction per article
(``Store.write_batch``): ingest over HTTP runs concurrently with reads.

The connection is read-only unless a write token is configured; a read-only server cannot
write even if a route tried to. A separate ``flashpoint ingest`` process cannot write to a
file a server has open (DuckDB's file lock): ingest through ``POST /api/articles`` while
serving, or stop the server, ingest, and serve again.
"""

from __future__ import annotations

import hmac
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fastapi import Request

from flashpoint.api.errors import ApiError
from flashpoint.settings import Settings
from flashpoint.store import Store


class StoreHandle:
    """The server's one connection to the store, opened on first use."""

    def __init__(self, path: Path | str, *, writable: bool) -> None:
        self.path = str(path)
        self.writable = writable
        self._store: Store | None = None
        self._open_lock = threading.Lock()
        self._write_lock = threading.Lock()

    def _base(self) -> Store:
        with self._open_lock:
            if self._store is None:
                self._store = Store.open(self.path, read_only=not self.writable)
            return self._store

    @contextmanager
    def reader(self) -> Iterator[Store]:
        """A store on a fresh cursor for one request; closed when the request ends."""
        base = self._base()
        with self._open_lock:
            cursor = base.conn.cursor()
        try:
            yield Store(cursor, self.path, read_only=True)
        finally:
            cursor.close()

    @contextmanager
    def writer(self) -> Iterator[Store]:
        """The store for one write; writes are serialised by one lock."""
        if not self.writable:
            raise ApiError(
                403, "this server is read-only; set FLASHPOINT_API_TOKEN to allow writes"
            )
        base = self._base()
        with self._write_lock:
            with self._open_lock:
                cursor = base.conn.cursor()
            try:
                yield Store(cursor, self.path, read_only=False)
            finally:
                cursor.close()

    def close(self) -> None:
        with self._open_lock:
            if self._store is not None:
                self._store.close()
                self._store = None


def handle(request: Request) -> StoreHandle:
    store_handle: StoreHandle = request.app.state.store
    return store_handle


def reader(request: Request) -> Iterator[Store]:
    """FastAPI dependency: a read-only store for this request."""
    with handle(request).reader() as store:
        yield store


def require_token(request: Request) -> None:
    """Refuse a write unless it carries ``Authorization: Bearer <FLASHPOINT_API_TOKEN>``."""
    settings: Settings = request.app.state.settings
    if not settings.api_token:
        raise ApiError(
            403, "writes are disabled on this server; set FLASHPOINT_API_TOKEN to allow them"
        )
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(
            401,
            "this endpoint needs the header 'Authorization: Bearer <token>'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if not hmac.compare_digest(token.strip().encode(), settings.api_token.encode()):
        raise ApiError(403, "the token is not valid for this server")
