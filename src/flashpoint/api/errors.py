"""The one JSON error shape of the API, and the handlers that produce it.

Every 4xx and 5xx response of the API, including validation errors and unknown routes, is::

    {"ok": false, "error": "<what went wrong and how to fix it>", "status": <HTTP status>}

Validation errors add ``"details"``: a list of ``{"where": "query.limit", "problem": "..."}``.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from flashpoint.analytics.common import AnalyticsError
from flashpoint.errors import ArticleError, FlashpointError, ModelError
from flashpoint.store import StoreError

log = logging.getLogger(__name__)


class ApiError(Exception):
    """An error with its HTTP status; raised by routes and dependencies."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers


def error_body(status: int, message: str, **extra: Any) -> dict[str, Any]:
    return {"ok": False, "error": message, "status": status, **extra}


def error_response(
    status: int, message: str, headers: dict[str, str] | None = None, **extra: Any
) -> JSONResponse:
    return JSONResponse(error_body(status, message, **extra), status_code=status, headers=headers)


# Library errors and the status they mean over HTTP.
_STATUS: tuple[tuple[type[FlashpointError], int], ...] = (
    (StoreError, 503),
    (ModelError, 503),
    (AnalyticsError, 400),
    (ArticleError, 422),
    (FlashpointError, 400),
)


def status_of(exc: FlashpointError) -> int:
    return next(status for kind, status in _STATUS if isinstance(exc, kind))


def install(app: FastAPI) -> None:
    """Make every error of ``app`` use the one shape."""

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.message, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        headers = getattr(exc, "headers", None)
        return error_response(exc.status_code, str(exc.detail), headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        details = [
            {"where": ".".join(str(p) for p in err.get("loc", ())), "problem": err.get("msg")}
            for err in exc.errors()
        ]
        summary = "; ".join(f"{d['where']}: {d['problem']}" for d in details)
        return error_response(422, f"invalid request: {summary}", details=details)

    @app.exception_handler(FlashpointError)
    async def library_error(request: Request, exc: FlashpointError) -> JSONResponse:
        return error_response(status_of(exc), str(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(500, f"internal error: {type(exc).__name__}; see the server log")
