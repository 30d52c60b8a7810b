"""p50/p95 latency of dyad series, network and event search on a store of >= 1M events.

The store is SYNTHETIC: real articles are analysed and stored, then their events are
replicated (with their parties and evidence) until there are ``--events`` of them. Each
copy shifts the article and event dates (spread over about six years) and rotates the
actor codes through the codes seen, so every copy adds new dates and new actor pairs.
Synthetic articles keep their title but not their text or record (those are not queried).
Queries run through the analytics/store functions directly and, when the API exists
(``flashpoint.api.app.create_app``), through a real uvicorn server on loopback with httpx.

    .venv/bin/python bench/api_latency.py                     # 1M events from 300 articles
    .venv/bin/python bench/api_latency.py --events 2000000 --seed-articles 1000
    .venv/bin/python bench/api_latency.py --smoke
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import _common

WORDS = ("sanction", "talks", "attack", "aid", "agreed", "missile", "condemned", "troops")


def main() -> None:
    ap = _common.parser(__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=_common.GEOPOLITICS)
    ap.add_argument("--seed-articles", type=int, default=300, help="real articles analysed")
    ap.add_argument("--events", type=int, default=1_000_000, help="events in the store")
    ap.add_argument("--runs", type=int, default=30, help="timed calls per query")
    args = ap.parse_args()
    if args.smoke:
        args.events, args.runs = min(args.events, 20_000), 5
    started_load = _common.load()
    articles = (_common.smoke_articles() if args.smoke
                else _common.corpus_articles(args.corpus, args.seed_articles))  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "synthetic.duckdb"
        built = _build_store(db, articles, args.events)
        rows = _direct(db, args.runs)
        if find_spec("flashpoint.api.app") is not None:
            rows += _over_http(db, args.runs)
        else:
            print("note: flashpoint.api.app is missing; HTTP latency not measured")
    body = (f"Synthetic store: {built['events']:,} events, {built['articles']:,} articles, "
            f"{built['codes']} actor codes, replicated from {built['seed_events']:,} events of "
            f"{len(articles)} real articles ({built['seconds']:.0f} s to build, "
            f"{built['mib']:,.0f} MiB on disk).\n\n")  # fmt: skip
    body += _common.table(("query", "path", "calls", "p50 ms", "p95 ms", "max ms"), rows) + "\n"
    _common.report("api_latency", "API latency on a synthetic store of 1M+ events", body,
                   args=args, started_load=started_load)  # fmt: skip


def _build_store(db: Path, articles: list, target: int) -> dict[str, Any]:
    from flashpoint.engine import Engine
    from flashpoint.store.db import Store
    from flashpoint.store.ingest import ingest

    started = time.perf_counter()
    with Store.open(db) as store:
        ingest(articles, store=store, engine=Engine(), batch_size=32)
        conn = store.conn
        seed_events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        if not seed_events:
            sys.exit("the seed articles gave no events; use more --seed-articles")
        copies = -(-target // seed_events) - 1
        conn.execute(_REPLICATE.replace("$COPIES", str(int(copies))))
        conn.execute("CHECKPOINT")
        events, n_articles = conn.execute(
            "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM articles)"
        ).fetchone()
        codes = conn.execute("SELECT count(DISTINCT code) FROM event_parties").fetchone()[0]
    return {"events": events, "articles": n_articles, "codes": codes,
            "seed_events": seed_events, "seconds": time.perf_counter() - started,
            "mib": db.stat().st_size / 2**20}  # fmt: skip


# Copy r (1..copies) of every seed row: ids get "~r", dates move by a spread of days, and
# each code moves r*7 places along the sorted list of the codes seen.
_REPLICATE = """
BEGIN;
CREATE TEMP TABLE copies AS
    SELECT r, (((r * 37) % 2190) - 1095)::INTEGER AS shift FROM range(1, $COPIES + 1) t(r);
CREATE TEMP TABLE codes AS
    SELECT code, (row_number() OVER (ORDER BY code)) - 1 AS i, count(*) OVER () AS n
    FROM (SELECT DISTINCT code FROM event_parties WHERE code IS NOT NULL);
INSERT INTO articles (id, content_hash, title, published, source, url, text, headline,
                      record, schema, run_id, analysed_at)
    SELECT a.id || '~' || c.r, a.content_hash || '~' || c.r, a.title,
           a.published + c.shift, a.source, a.url, '', NULL,
           '{"synthetic": true}', a.schema, 'synthetic', a.analysed_at
    FROM articles a, copies c WHERE a.id NOT LIKE '%~%';
INSERT INTO events
    SELECT e.article_id || '~' || c.r, e.position, e.event_id, e.type, e.mode, e.context,
           e.cameo, e.quad_class, e.score, e.goldstein, e.modality, e.attributed_to,
           e.date + c.shift, e.date_precision, e.date_text, e.location, e.evidence_start,
           e.evidence_end, e.evidence_text, e.trigger_start, e.trigger_end, e.trigger_text,
           e.confidence
    FROM events e, copies c WHERE e.article_id NOT LIKE '%~%';
INSERT INTO event_parties
    SELECT p.article_id || '~' || c.r, p.event_id, p.role, p.position, p.ref,
           coalesce(k2.code, p.code), p.sector, p.text, p.inferred
    FROM event_parties p CROSS JOIN copies c
    LEFT JOIN codes k ON k.code = p.code
    LEFT JOIN codes k2 ON k2.i = (k.i + c.r * 7) % k.n
    WHERE p.article_id NOT LIKE '%~%';
COMMIT;
"""


def _direct(db: Path, runs: int) -> list[tuple]:
    from flashpoint import analytics
    from flashpoint.store.db import Store

    with Store.open(db, read_only=True) as store:
        pairs = _top_pairs(store)
        rows = [
            _time("dyad series (by month)", "function", runs,
                  lambda i: analytics.dyad_series(store, *pairs[i % len(pairs)], by="month")),
            _time("network (one year)", "function", runs,
                  lambda i: analytics.network(store, since=f"{2015 + i % 5}-01-01",
                                              until=f"{2015 + i % 5}-12-31")),
            _time("event search (text, 50)", "function", runs,
                  lambda i: store.events(text=WORDS[i % len(WORDS)], limit=50)),
        ]  # fmt: skip
    return rows


def _top_pairs(store: Any) -> list[tuple[str, str]]:
    found = store.conn.execute(
        "SELECT source_code, target_code FROM event_dyads GROUP BY ALL "
        "ORDER BY count(*) DESC LIMIT 10").fetchall()  # fmt: skip
    return [tuple(row) for row in found] or [("USA", "IRN")]


def _over_http(db: Path, runs: int) -> list[tuple]:
    import httpx

    port = _free_port()
    env = {**os.environ, "FLASHPOINT_DB": str(db), "FLASHPOINT_API_TOKEN": ""}
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "flashpoint.api.app:create_app", "--factory",
         "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
        env=env)  # fmt: skip
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
            _wait(client, server)
            from flashpoint.store.db import Store

            with Store.open(db, read_only=True) as store:
                pairs = _top_pairs(store)
            return [
                _time("dyad series (by month)", "HTTP /api/dyad", runs, lambda i: _get(
                    client, "/api/dyad", a=pairs[i % len(pairs)][0], b=pairs[i % len(pairs)][1])),
                _time("network (one year)", "HTTP /api/network", runs, lambda i: _get(
                    client, "/api/network", since=f"{2015 + i % 5}-01-01",
                    until=f"{2015 + i % 5}-12-31")),
                _time("event search (text, 50)", "HTTP /api/events", runs, lambda i: _get(
                    client, "/api/events", q=WORDS[i % len(WORDS)], limit=50)),
            ]  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=30)


def _get(client: Any, path: str, **params: Any) -> Any:
    response = client.get(path, params=params)
    response.raise_for_status()
    return response.json()


def _wait(client: Any, server: subprocess.Popen) -> None:
    for _ in range(600):
        if server.poll() is not None:
            sys.exit("the API server exited; see its messages above")
        try:
            client.get("/api/network", params={"min_events": 10_000})
            return
        except Exception:
            time.sleep(0.1)
    sys.exit("the API server did not start within a minute")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _time(name: str, path: str, runs: int, call: Callable[[int], Any]) -> tuple:
    call(0)  # warm-up: first-query planning and caches
    took = []
    for i in range(runs):
        started = time.perf_counter()
        call(i)
        took.append(1000 * (time.perf_counter() - started))
    took.sort()
    p95 = took[min(len(took) - 1, round(0.95 * (len(took) - 1)))]
    return (name, path, runs, statistics.median(took), p95, took[-1])


if __name__ == "__main__":
    main()
