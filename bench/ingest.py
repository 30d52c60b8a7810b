"""End-to-end ingest (analysis + DuckDB store) in articles/s: 1 process vs a pool of N.

Each configuration runs in a fresh subprocess (so peak memory is its own) and writes a new
store in a temporary folder. Times include loading the model, as a user's ingest does.

    .venv/bin/python bench/ingest.py --limit 1000           # geopolitics corpus, 1 vs 2
    .venv/bin/python bench/ingest.py --limit 1000 --workers 1 2 3
    .venv/bin/python bench/ingest.py --smoke
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _common


def main() -> None:
    ap = _common.parser(__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=_common.GEOPOLITICS)
    ap.add_argument("--limit", type=int, default=1000, help="first N articles (0: all)")
    ap.add_argument("--workers", type=int, nargs="+", default=[2], help="pool sizes to run")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--child", nargs=2, metavar=("MODE", "WORKERS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return _child(args)
    if not args.smoke:
        _common.require(args.corpus)
    started_load = _common.load()
    runs = [("single", 1), *(("pool", n) for n in args.workers)]
    rows = []
    for mode, workers in runs:
        result = _run_child(mode, workers)
        label = "1 process (store.ingest)" if mode == "single" else f"pool of {workers} processes"
        rows.append((label, result["articles"], result["events"], result["seconds"],
                     result["articles"] / result["seconds"], result["parent_mib"],
                     result["worker_mib"] or "-"))  # fmt: skip
    base = rows[0][4]
    body = _common.table(("run", "articles", "events", "seconds", "articles/s",
                          "peak MiB (parent)", "peak MiB (largest worker)"), rows)  # fmt: skip
    body += "\n\n" + ", ".join(f"{r[0]}: {r[4] / base:.2f}x" for r in rows[1:])
    body += " the single-process throughput (times include loading the model).\n"
    _common.report("ingest", "End-to-end ingest, 1 vs N processes", body, args=args,
                   started_load=started_load)  # fmt: skip


def _run_child(mode: str, workers: int) -> dict:
    argv = [a for a in sys.argv[1:] if a != "--no-docs"]
    done = subprocess.run([sys.executable, __file__, *argv, "--child", mode, str(workers)],
                          capture_output=True, text=True, check=False)  # fmt: skip
    if done.returncode != 0:
        sys.exit(f"the {mode} run failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _child(args) -> None:
    import dataclasses

    from flashpoint.engine import Engine
    from flashpoint.scale.parallel import parallel_ingest
    from flashpoint.settings import Settings
    from flashpoint.store.db import Store
    from flashpoint.store.ingest import LazyEngine, ingest

    mode, workers = args.child[0], int(args.child[1])
    articles = (_common.smoke_articles() if args.smoke
                else _common.corpus_articles(args.corpus, args.limit or None))  # fmt: skip
    settings = dataclasses.replace(Settings(), batch_size=args.batch_size)
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "bench.duckdb") as store:
        started = time.perf_counter()
        if mode == "single":
            summary = ingest(articles, store=store, engine=LazyEngine(lambda: Engine(settings)),
                             batch_size=args.batch_size)  # fmt: skip
        else:
            summary = parallel_ingest(articles, store=store, workers=workers, settings=settings)
        seconds = time.perf_counter() - started
    worker = _common.peak_rss_mib(_common.resource.RUSAGE_CHILDREN) if mode == "pool" else None
    print(json.dumps({
        "articles": summary.stored + len(summary.failed), "events": summary.events,
        "seconds": seconds, "parent_mib": _common.peak_rss_mib(),
        "worker_mib": worker,
    }))  # fmt: skip


if __name__ == "__main__":
    main()
