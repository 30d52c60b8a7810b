"""Run an app on a real uvicorn server on a free loopback port, in a background thread."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import uvicorn

from flashpoint.api import create_app
from flashpoint.settings import Settings

TOKEN = "test-token-7f3a"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve(db: Path, *, token: str = "", max_bytes: int = 1_000_000) -> Iterator[str]:
    """Serve the store ``db``; yields the base URL and stops the server afterwards."""
    settings = replace(Settings(), api_token=token, max_request_bytes=max_bytes)
    app = create_app(settings, db=db)  # writes go through the real engine
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def error_shape(body: dict[str, object], status: int) -> bool:
    return body.get("ok") is False and body.get("status") == status and bool(body.get("error"))


def keys(rows: Sequence[dict[str, object]], *names: str) -> list[tuple[object, ...]]:
    return [tuple(row[name] for name in names) for row in rows]
