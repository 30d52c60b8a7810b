"""One entry point for a scaled ``flashpoint ingest``: in-process, a pool, or Dask.

The CLI's ``ingest`` command calls ``scaled_ingest`` with its ``--workers``, ``--dask``,
``--scheduler`` and ``--parquet`` options; every path returns the same ``IngestSummary``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

from flashpoint.errors import ArticleError
from flashpoint.models import Article
from flashpoint.settings import Settings
from flashpoint.store.db import Store
from flashpoint.store.ingest import IngestSummary


def default_parquet_dir(db: str | Path) -> Path:
    """Where a Dask ingest into ``db`` keeps its Parquet dataset: ``<db>.parquet/``."""
    return Path(f"{db}.parquet")


def scaled_ingest(
    items: Iterable[Article | ArticleError],
    *,
    store: Store,
    settings: Settings,
    workers: int = 1,
    dask: bool = False,
    scheduler: str | None = None,
    parquet_dir: str | Path | None = None,
    on_progress: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Ingest ``items`` into ``store`` on this process, a pool of ``workers``, or Dask.

    With ``dask`` or ``scheduler`` the analyses go to a Parquet dataset first (reruns skip
    its finished batches) and are then loaded into the store.
    """
    if dask or scheduler:
        from flashpoint.scale.dask import run_dask
        from flashpoint.scale.dataset import load_parquet_into_store

        started = time.perf_counter()
        out = parquet_dir or default_parquet_dir(store.path)
        run_dask(out_dir=out, articles=items, workers=workers, scheduler=scheduler,
                 batch_size=settings.batch_size, settings=settings)  # fmt: skip
        summary = load_parquet_into_store(out, store)
        summary.seconds = time.perf_counter() - started  # the analysis on Dask included
    elif workers > 1:
        from flashpoint.scale.parallel import parallel_ingest

        summary = parallel_ingest(items, store=store, workers=workers, settings=settings,
                                  on_progress=on_progress)  # fmt: skip
    else:
        from flashpoint import get_engine
        from flashpoint.store.ingest import LazyEngine, ingest

        summary = ingest(items, store=store, engine=LazyEngine(lambda: get_engine(settings)),
                         batch_size=settings.batch_size, on_progress=on_progress)  # fmt: skip
    if on_progress is not None:
        on_progress(summary)
    return summary
