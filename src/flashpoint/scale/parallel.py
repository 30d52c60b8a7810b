"""``ingest`` across cores: a process pool analyses, the parent writes (issue 7, item 1).

Each pool process builds one engine (``worker.engine_for``) and turns whole batches into
``to_dict()`` records. The parent alone holds the DuckDB connection (DuckDB allows one
writer per file): it skips stored content by hash before sending anything, keeps a few
batches in flight so the workers never wait for the store, and writes each batch in one
transaction, in input order -- the same rows as the single-process ``store.ingest``.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from flashpoint.batching import batched
from flashpoint.errors import ArticleError, FlashpointError
from flashpoint.models import Analysis, Article
from flashpoint.scale.records import analysis_from_record
from flashpoint.scale.worker import EngineFactory, Result, analyse_batch
from flashpoint.settings import Settings
from flashpoint.store.db import Store, content_hash
from flashpoint.store.ingest import IngestSummary

_MIN_PART = 4  # articles per task at least: smaller tasks cost more in overhead than they save


class WorkerPoolError(FlashpointError):
    """A pool process died (e.g. out of memory); committed batches stay stored."""


@dataclass
class _Pending:
    """One batch on its way through the pool."""

    futures: list[Future[list[Result]]]
    errors: list[ArticleError]
    hashes: list[str]
    seen: int
    unchanged: int


def parallel_ingest(
    items: Iterable[Article | ArticleError],
    *,
    store: Store,
    workers: int = 2,
    settings: Settings | None = None,
    batch_size: int | None = None,
    on_progress: Callable[[IngestSummary], None] | None = None,
    run_id: str | None = None,
    engine_factory: EngineFactory | None = None,
) -> IngestSummary:
    """Like ``store.ingest.ingest`` with ``workers`` analysing processes; same rows stored."""
    settings = settings or Settings()
    size = batch_size or settings.batch_size
    started = time.perf_counter()
    summary = IngestSummary(run_id=store.start_run(run_id))
    context = multiprocessing.get_context("spawn")  # no fork of a process holding DuckDB
    with ProcessPoolExecutor(max_workers=max(1, workers), mp_context=context) as pool:
        in_flight: deque[_Pending] = deque()
        sent: set[str] = set()
        for batch in batched(items, size):
            in_flight.append(
                _submit(pool, batch, store, sent, settings, engine_factory, max(1, workers))
            )
            while len(in_flight) > 2 * max(1, workers):
                _write(in_flight.popleft(), store, summary, sent)
                _progress(summary, started, on_progress)
        while in_flight:
            _write(in_flight.popleft(), store, summary, sent)
            _progress(summary, started, on_progress)
    store.finish_run(summary.run_id)
    _progress(summary, started, on_progress)
    return summary


def _submit(
    pool: ProcessPoolExecutor,
    batch: list[Article | ArticleError],
    store: Store,
    sent: set[str],
    settings: Settings,
    factory: EngineFactory | None,
    workers: int,
) -> _Pending:
    errors = [item for item in batch if isinstance(item, ArticleError)]
    articles = [item for item in batch if isinstance(item, Article)]
    hashes = [content_hash(article) for article in articles]
    known = store.known_hashes(hashes) | sent
    fresh, fresh_hashes = [], []
    for article, digest in zip(articles, hashes, strict=True):
        if digest not in known:
            known.add(digest)
            fresh.append(article)
            fresh_hashes.append(digest)
    sent.update(fresh_hashes)  # a repeat in a later batch is skipped before it is written
    # A batch is split across the workers, so a short run (or the last batches of a long
    # one) keeps every process busy; the store still gets one transaction per batch.
    part = max(_MIN_PART, -(-len(fresh) // workers))
    futures = [
        pool.submit(analyse_batch, chunk, settings, factory) for chunk in batched(fresh, part)
    ]
    return _Pending(
        futures, errors, fresh_hashes, seen=len(batch), unchanged=len(articles) - len(fresh)
    )


def _write(pending: _Pending, store: Store, summary: IngestSummary, sent: set[str]) -> None:
    analyses: list[Analysis] = []
    errors = list(pending.errors)
    for result in _results(pending):
        if result[0] == "ok":
            analyses.append(analysis_from_record(result[1]))
        else:
            errors.append(ArticleError(result[1], result[2]))
    named = [(err, getattr(err, "source_name", None)) for err in errors]
    written = store.write_batch(
        analyses, run_id=summary.run_id, errors=named, seen=pending.seen,
        unchanged=pending.unchanged,
    )  # fmt: skip
    summary.seen += pending.seen
    summary.stored += written.stored
    summary.unchanged += written.unchanged
    summary.replaced += written.replaced
    summary.events += written.events
    summary.quotes += written.quotes
    summary.failed.extend((err.article_id, err.reason) for err in errors)
    sent.difference_update(pending.hashes)  # the store knows them now


def _results(pending: _Pending) -> list[Result]:
    try:
        return [result for future in pending.futures for result in future.result()]
    except BrokenProcessPool as exc:
        raise WorkerPoolError(
            "an analysis process died (out of memory?); the batches written so far are "
            "stored, so rerunning the same ingest resumes after them"
        ) from exc


def _progress(
    summary: IngestSummary, started: float, on_progress: Callable[[IngestSummary], None] | None
) -> None:
    summary.seconds = time.perf_counter() - started
    if on_progress is not None:
        on_progress(summary)
