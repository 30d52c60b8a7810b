"""The one write route: analyse an article and store it (token required, issue 6 item 5)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Depends, Request

from flashpoint import make_article
from flashpoint.api import schemas
from flashpoint.api.deps import handle, require_token
from flashpoint.errors import ArticleError
from flashpoint.store import content_hash
from flashpoint.store.ingest import Analyzer

router = APIRouter(prefix="/api", tags=["write"])


class LazyAnalyzer:
    """Builds the analyser on the first write, once, so a read-only server never loads models."""

    def __init__(self, build: Callable[[], Analyzer]) -> None:
        self._build = build
        self._analyzer: Analyzer | None = None
        self._lock = threading.Lock()

    def get(self) -> Analyzer:
        with self._lock:
            if self._analyzer is None:
                self._analyzer = self._build()
            return self._analyzer


@router.post(
    "/articles",
    status_code=201,
    response_model=schemas.Stored,
    dependencies=[Depends(require_token)],
    responses={
        401: {"model": schemas.ErrorOut},
        403: {"model": schemas.ErrorOut},
        413: {"model": schemas.ErrorOut},
    },  # fmt: skip
)
def post_article(request: Request, body: schemas.ArticleIn) -> dict[str, Any]:
    """Analyse one article and store it; needs ``Authorization: Bearer <token>``."""
    article = make_article(
        body.text, id=body.id, title=body.title, published=body.published,
        source=body.source, url=body.url,
    )  # fmt: skip
    analyzer: LazyAnalyzer = request.app.state.analyzer
    result = next(iter(analyzer.get().analyze_many([article])))
    if isinstance(result, ArticleError):
        raise result
    with handle(request).writer() as store:
        known = bool(store.known_hashes([content_hash(article)]))
        written = store.write_batch([result])
    return {
        "id": article.id,
        "stored": bool(written.stored) and not known,
        "events": len(result.events),
        "quotes": len(result.quotes),
        "record": f"/api/articles/{article.id}",
    }
