"""Ingest on Dask distributed: a LocalCluster or an existing cluster (issue 7, item 2).

The client reads the articles, groups them by publication month and cuts each month into
batches, so every batch -- and every file it writes -- belongs to one partition and one
task. Workers analyse a batch with the engine of their process (built once per worker) and
write its Parquet files themselves into ``out_dir``, which every worker and the client must
see at the same path (a shared file system on a real cluster; see docs/scale.md). A task
that raises is retried by Dask (``retries``); a worker that dies has its tasks rerun
elsewhere; a rerun of the whole command skips the batches whose files exist.

Dask is imported only when a run starts, so the rest of flashpoint works without it.
"""

from __future__ import annotations

import resource
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flashpoint.errors import ArticleError, FlashpointError
from flashpoint.models import Article
from flashpoint.scale.dataset import BatchWritten, batch_done, write_batch, write_errors
from flashpoint.scale.records import UNKNOWN_MONTH, batch_key, month_of
from flashpoint.scale.worker import EngineFactory, analyse_batch
from flashpoint.settings import Settings


class DaskUnavailable(FlashpointError):
    """Dask distributed is not installed."""


class ClusterError(FlashpointError):
    """The LocalCluster cannot start, or the scheduler cannot be reached."""


@dataclass
class DaskRunSummary:
    """The outcome of one Dask run."""

    out_dir: str
    batches: int = 0
    skipped_batches: int = 0
    articles: int = 0
    events: int = 0
    errors: int = 0
    seconds: float = 0.0
    worker_peak_rss: dict[str, int] = field(default_factory=dict)  # bytes, per worker

    def as_dict(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if k != "worker_peak_rss"}


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise DaskUnavailable(
            "the Dask scale-out needs the packages 'dask' and 'distributed'; install them "
            'with `pip install "dask[distributed]"` (the same version on every machine)'
        ) from exc
    return distributed


def run_dask(
    paths: Iterable[str] | None = None,
    *,
    out_dir: str | Path,
    articles: Iterable[Article | ArticleError] | None = None,
    workers: int = 2,
    scheduler: str | None = None,
    batch_size: int = 32,
    settings: Settings | None = None,
    retries: int = 2,
    engine_factory: EngineFactory | None = None,
    on_progress: Callable[[DaskRunSummary], None] | None = None,
) -> DaskRunSummary:
    """Analyse ``paths`` (or ``articles``) on Dask and write the Parquet dataset ``out_dir``.

    With ``scheduler`` (e.g. ``tcp://host:8786``) the run uses that cluster; otherwise it
    starts a LocalCluster of ``workers`` single-threaded worker processes.
    """
    if articles is None:
        from flashpoint.ingest.readers import read_articles

        articles = read_articles(list(paths or []))
    distributed = _distributed()
    settings = settings or Settings()
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    with _client(distributed, workers=workers, scheduler=scheduler) as client:
        summary = _run(client, distributed, articles, out, settings, batch_size, retries,
                       engine_factory, on_progress)  # fmt: skip
        summary.worker_peak_rss = client.run(_peak_rss)
    return summary


def _client(distributed: Any, *, workers: int, scheduler: str | None) -> Any:
    try:
        if scheduler:
            return distributed.Client(scheduler, timeout="30s")
        cluster = distributed.LocalCluster(
            n_workers=max(1, workers), threads_per_worker=1, processes=True,
            dashboard_address=":0", silence_logs=40,
        )  # fmt: skip
    except (OSError, RuntimeError, TimeoutError) as exc:
        if scheduler:
            raise ClusterError(
                f"cannot reach the Dask scheduler {scheduler}: {exc}; check the address and "
                "that `dask scheduler` runs there (docs/scale.md)"
            ) from exc
        raise ClusterError(f"cannot start a Dask LocalCluster: {exc}") from exc
    return _OwnedClient(distributed.Client(cluster), cluster)


class _OwnedClient:
    """A client whose LocalCluster is closed with it."""

    def __init__(self, client: Any, cluster: Any) -> None:
        self.client, self.cluster = client, cluster

    def __enter__(self) -> Any:
        return self.client

    def __exit__(self, *exc: object) -> None:
        self.client.close()
        self.cluster.close()


def _run(
    client: Any,
    distributed: Any,
    articles: Iterable[Article | ArticleError],
    out: Path,
    settings: Settings,
    batch_size: int,
    retries: int,
    factory: EngineFactory | None,
    on_progress: Callable[[DaskRunSummary], None] | None,
) -> DaskRunSummary:
    started = time.perf_counter()
    summary = DaskRunSummary(out_dir=str(out))
    window = max(2, 2 * sum(client.nthreads().values()))  # enough to keep every worker busy
    running = distributed.as_completed()
    for month, batch in _month_batches(articles, batch_size, out, summary):
        key = batch_key([a.id for a in batch], prefix=month + "-")
        summary.batches += 1
        if batch_done(out, month, key):
            summary.skipped_batches += 1
            continue
        running.add(client.submit(_task, batch, str(out), month, key, settings, factory,
                                  key=f"flashpoint-{key}", retries=retries, pure=False))  # fmt: skip
        while running.count() >= window:
            _collect(next(running), summary, started, on_progress)
    for future in running:
        _collect(future, summary, started, on_progress)
    summary.seconds = time.perf_counter() - started
    return summary


def _collect(
    future: Any,
    summary: DaskRunSummary,
    started: float,
    on_progress: Callable[[DaskRunSummary], None] | None,
) -> None:
    done: BatchWritten = future.result()
    future.release()
    if done.skipped:
        summary.skipped_batches += 1
    summary.articles += done.articles
    summary.events += done.events
    summary.errors += done.errors
    summary.seconds = time.perf_counter() - started
    if on_progress is not None:
        on_progress(summary)


def _month_batches(
    articles: Iterable[Article | ArticleError], batch_size: int, out: Path, summary: DaskRunSummary
) -> Iterator[tuple[str, list[Article]]]:
    """Batches of one month each; unreadable records are written as error rows here."""
    pending: dict[str, list[Article]] = {}
    unreadable: list[ArticleError] = []
    for item in articles:
        if isinstance(item, ArticleError):
            unreadable.append(item)
            continue
        month = month_of(item)
        pending.setdefault(month, []).append(item)
        if len(pending[month]) >= max(1, batch_size):
            yield month, pending.pop(month)
    yield from pending.items()
    if unreadable:
        key = batch_key([f"{e.article_id}:{e.reason}" for e in unreadable], prefix="unreadable-")
        write_errors(out, UNKNOWN_MONTH, key, unreadable)
        summary.errors += len(unreadable)


def _task(
    batch: list[Article],
    out_dir: str,
    month: str,
    key: str,
    settings: Settings,
    factory: EngineFactory | None,
) -> BatchWritten:
    """One batch on a worker: skipped if a retry finds it written, else analysed and written."""
    if batch_done(out_dir, month, key):
        return BatchWritten(key, month, skipped=True)
    return write_batch(out_dir, month, key, analyse_batch(batch, settings, factory))


def _peak_rss() -> int:
    """Peak resident memory of this worker process, in bytes (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
