"""``create_app(settings)``: the JSON API and the dashboard in one FastAPI app (issue 6).

Nothing is built at import time: each call makes a new app with its own store handle, so tests
and several servers in one process never share state.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI

from flashpoint.api import errors, routes, write
from flashpoint.api.deps import StoreHandle
from flashpoint.api.limits import BodyLimit
from flashpoint.api.schemas import ErrorOut
from flashpoint.settings import Settings
from flashpoint.store.ingest import Analyzer
from flashpoint.web import pages


def create_app(
    settings: Settings | None = None,
    *,
    db: Path | str | None = None,
    analyzer: Callable[[], Analyzer] | None = None,
) -> FastAPI:
    """The app over the store ``db`` (default ``settings.db``).

    The store opens read-only unless ``settings.api_token`` is set (then ``POST
    /api/articles`` can write). ``analyzer`` builds the analyser for writes (default: the
    engine for ``settings``); it is called once, on the first write.
    """
    settings = settings or Settings()
    store = StoreHandle(db or settings.db, writable=bool(settings.api_token))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="flashpoint",
        summary="Who did what to whom in the news, with the text behind every record.",
        version="0.1.0",
        lifespan=lifespan,
        docs_url=None,  # /docs is rendered offline by flashpoint.web (Swagger UI needs a CDN)
        redoc_url=None,
        responses={
            400: {"model": ErrorOut},
            404: {"model": ErrorOut},
            422: {"model": ErrorOut},
            503: {"model": ErrorOut},
        },  # fmt: skip
    )
    app.state.settings = settings
    app.state.store = store
    app.state.analyzer = write.LazyAnalyzer(analyzer or _engine_builder(settings))
    errors.install(app)
    app.add_middleware(BodyLimit, max_bytes=settings.max_request_bytes)
    app.include_router(routes.router)
    app.include_router(write.router)
    pages.mount(app)
    return app


def _engine_builder(settings: Settings) -> Callable[[], Analyzer]:
    def build() -> Analyzer:
        from flashpoint import get_engine

        return get_engine(settings)

    return build
