"""Ingest: articles in, analyses stored, one transaction per batch (issue 6, item 1).

The content hash of each article is checked *before* analysis, so a rerun over the same
input skips what is stored without running the pipeline on it again.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from flashpoint.batching import batched
from flashpoint.errors import ArticleError, ModelError
from flashpoint.models import Analysis, Article
from flashpoint.store.db import Store, content_hash


class Analyzer(Protocol):
    def analyze_many(
        self, articles: Iterable[Article | ArticleError]
    ) -> Iterator[Analysis | ArticleError]: ...


@dataclass
class IngestSummary:
    """The outcome of one ingest run."""

    run_id: str
    seen: int = 0
    stored: int = 0
    unchanged: int = 0
    replaced: int = 0
    events: int = 0
    quotes: int = 0
    failed: list[tuple[str | None, str]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failed

    def as_dict(self) -> dict[str, object]:
        return {
            "run_id": self.run_id, "seen": self.seen, "stored": self.stored,
            "unchanged": self.unchanged, "replaced": self.replaced, "events": self.events,
            "quotes": self.quotes, "failed": len(self.failed), "seconds": round(self.seconds, 2),
        }  # fmt: skip


class LazyEngine:
    """Builds the real engine on first use, so a rerun with nothing new loads no model."""

    def __init__(self, factory: Callable[[], Analyzer]) -> None:
        self._factory = factory
        self._engine: Analyzer | None = None

    def analyze_many(
        self, articles: Iterable[Article | ArticleError]
    ) -> Iterator[Analysis | ArticleError]:
        if self._engine is None:
            self._engine = self._factory()
        return self._engine.analyze_many(articles)


def ingest(
    items: Iterable[Article | ArticleError],
    *,
    store: Store,
    engine: Analyzer,
    batch_size: int = 32,
    on_progress: Callable[[IngestSummary], None] | None = None,
    run_id: str | None = None,
) -> IngestSummary:
    """Analyse and store ``items``; errors are logged in ``ingest_errors`` and never stop it."""
    started = time.perf_counter()
    summary = IngestSummary(run_id=store.start_run(run_id))
    for batch in batched(items, batch_size):
        _ingest_batch(batch, store=store, engine=engine, summary=summary)
        _progress(summary, started, on_progress)
    store.finish_run(summary.run_id)
    _progress(summary, started, on_progress)
    return summary


def _progress(
    summary: IngestSummary, started: float, on_progress: Callable[[IngestSummary], None] | None
) -> None:
    summary.seconds = time.perf_counter() - started
    if on_progress is not None:
        on_progress(summary)


def _ingest_batch(
    batch: list[Article | ArticleError], *, store: Store, engine: Analyzer, summary: IngestSummary
) -> None:
    errors = [item for item in batch if isinstance(item, ArticleError)]
    fresh, unchanged = _new_articles([item for item in batch if isinstance(item, Article)], store)
    analyses: list[Analysis] = []
    for result in _analyse(fresh, engine):
        if isinstance(result, ArticleError):
            errors.append(result)
        else:
            analyses.append(result)
    named = [(err, getattr(err, "source_name", None)) for err in errors]
    written = store.write_batch(
        analyses, run_id=summary.run_id, errors=named, seen=len(batch), unchanged=unchanged
    )
    summary.seen += len(batch)
    summary.stored += written.stored
    summary.unchanged += written.unchanged
    summary.replaced += written.replaced
    summary.events += written.events
    summary.quotes += written.quotes
    summary.failed.extend((err.article_id, err.reason) for err in errors)


def _new_articles(articles: list[Article], store: Store) -> tuple[list[Article], int]:
    """The articles whose content is not stored yet (nor repeated in this batch)."""
    hashes = [content_hash(article) for article in articles]
    known = store.known_hashes(hashes)
    fresh = []
    for article, digest in zip(articles, hashes, strict=True):
        if digest not in known:
            known.add(digest)
            fresh.append(article)
    return fresh, len(articles) - len(fresh)


def _analyse(articles: list[Article], engine: Analyzer) -> list[Analysis | ArticleError]:
    if not articles:
        return []
    try:
        return list(engine.analyze_many(articles))
    except ModelError:
        raise
    except Exception as exc:  # a crashing batch is logged per article; the run goes on
        reason = f"analysis failed: {type(exc).__name__}: {exc}"
        return [ArticleError(article.id, reason) for article in articles]
