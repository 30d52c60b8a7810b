"""Dask LocalCluster with 1 vs 2 workers on a fixed slice of allsides_2015_2020_all.jsonl.gz.

Each run writes the Parquet dataset to a fresh temporary folder; the time is the whole
``run_dask`` call after the cluster is up (model loads on the workers included). Peak memory
is each worker's own ``ru_maxrss``.

    .venv/bin/python bench/dask_scale.py --limit 2000          # first 2,000 of 23,534
    .venv/bin/python bench/dask_scale.py --limit 0             # all 23,534 articles
    .venv/bin/python bench/dask_scale.py --scheduler tcp://host:8786 --limit 0
    .venv/bin/python bench/dask_scale.py --smoke
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import _common


def main() -> None:
    ap = _common.parser(__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=_common.ALL)
    ap.add_argument("--limit", type=int, default=2000, help="first N articles (0: all)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--scheduler", help="an existing cluster, e.g. tcp://host:8786")
    args = ap.parse_args()
    started_load = _common.load()
    articles = (_common.smoke_articles() if args.smoke
                else _common.corpus_articles(args.corpus, args.limit or None))  # fmt: skip
    from flashpoint.scale.dask import run_dask

    rows = []
    for workers in [None] if args.scheduler else args.workers:
        with tempfile.TemporaryDirectory() as out:
            started = time.perf_counter()
            summary = run_dask(out_dir=out, articles=articles, workers=workers or 1,
                               scheduler=args.scheduler, batch_size=args.batch_size)  # fmt: skip
            wall = time.perf_counter() - started
        peaks = sorted(summary.worker_peak_rss.values())
        rows.append((args.scheduler or f"LocalCluster, {workers} worker(s)", len(articles),
                     summary.events, summary.errors, summary.seconds,
                     len(articles) / summary.seconds, wall,
                     ", ".join(f"{p / 2**20:.0f}" for p in peaks)))  # fmt: skip
    body = _common.table(("cluster", "articles", "events", "errors", "seconds",
                          "articles/s", "seconds incl. cluster start",
                          "peak MiB per worker"), rows)  # fmt: skip
    if len(rows) > 1:
        body += f"\n\nspeed-up {rows[-1][0]} vs {rows[0][0]}: {rows[-1][5] / rows[0][5]:.2f}x"
    body += (
        f"\n\nslice: the first {len(articles):,} readable articles of "
        f"{'the built-in smoke set' if args.smoke else args.corpus.name}\n"
    )
    _common.report("dask_scale", "Dask LocalCluster, 1 vs 2 workers", body, args=args,
                   started_load=started_load)  # fmt: skip


if __name__ == "__main__":
    main()
