"""Read-API load on loopback while articles are written concurrently (issue 8, item 5).

Builds a SYNTHETIC store (hand-made analyses, every span exact) of ``--articles`` articles,
serves it with a real uvicorn server on a free loopback port, then for ``--seconds`` runs
``--readers`` client threads over a mix of read routes while one writer thread posts articles
to ``POST /api/articles`` (with a stand-in analyser, so the figure is the store and API, not
the NLP). Reports requests/s, p50/p95 per route, errors, articles written, and the store's
integrity check afterwards.

    .venv/bin/python bench/api_load.py                          # 5,000 articles, 20 s
    .venv/bin/python bench/api_load.py --articles 500 --seconds 5 --readers 4
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import socket
import statistics
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

import httpx
import uvicorn

from flashpoint.api import create_app
from flashpoint.models import Actor, Analysis, Article, Event, Party, Span
from flashpoint.settings import Settings
from flashpoint.store import Store

CODES = ["USA", "IRN", "RUS", "CHN", "PRK", "SYR", "TUR", "UKR", "ISR", "SAU", "GBR", "FRA"]
TYPES = [("CONSULT", 1, 1.0), ("COOPERATE", 2, 6.0), ("ACCUSE", 3, -4.0), ("ASSAULT", 4, -9.0)]
TOKEN = "load-test-token"


def synthetic(i: int, rng: random.Random) -> Analysis:
    day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(6 * 365))
    text, events, actors = f"Report {i}.", [], {}
    for j in range(rng.randint(1, 4)):
        a, b = rng.sample(CODES, 2)
        kind, quad, score = rng.choice(TYPES)
        sentence = f" {a} {kind.lower()} {b} on day {day}."
        start = len(text) + 1
        text += sentence
        trigger = start + len(a) + 1
        events.append(Event(
            f"e{j + 1}", kind, "asserted", Span.of(text, start, len(text)),
            Span.of(text, trigger, trigger + len(kind)),
            actor=[Party(None, a, "GOV", a)], recipient=[Party(None, b, "GOV", b)],
            quad_class=quad, score=score, date=day.isoformat(), date_precision="day",
        ))  # fmt: skip
        for code, at in ((a, start), (b, trigger + len(kind) + 1)):
            actors.setdefault(code, Actor(code, code, "country", country=code, mentions=[]))
            actors[code].mentions.append(Span.of(text, at, at + 3))
    article = Article(f"s{i}", text, title=f"Report {i}", published=day, source="synthetic")
    return Analysis(article=article, actors=list(actors.values()), events=events)


class StandIn:
    """Analyser for posted articles: no NLP, so the load is the store and the API."""

    def analyze_many(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        for article in articles:
            yield Analysis(article=article)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def requests_for(rng: random.Random) -> tuple[str, dict[str, object]]:
    a, b = rng.sample(CODES, 2)
    year = rng.randrange(2015, 2021)
    return rng.choice([
        ("/api/events", {"actor": a, "limit": 50}),
        ("/api/events", {"q": rng.choice(["assault", "consult", "accuse"]), "limit": 50}),
        ("/api/dyad", {"a": a, "b": b, "by": "month"}),
        ("/api/network", {"since": f"{year}-01-01", "until": f"{year}-12-31"}),
        ("/api/articles", {"limit": 20, "offset": rng.randrange(0, 1000)}),
        ("/api/actors", {}),
    ])  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--readers", type=int, default=4)
    args = ap.parse_args()
    rng = random.Random(7)
    folder = Path(tempfile.mkdtemp(prefix="flashpoint-load-"))
    db = folder / "load.duckdb"
    with Store.open(db) as store:
        store.write((synthetic(i, rng) for i in range(args.articles)), batch_size=500)
        counts = store.counts()
    print(f"store: {counts['articles']:,} articles, {counts['events']:,} events ({db})")
    settings = replace(Settings(), api_token=TOKEN)
    app = create_app(settings, db=db, analyzer=StandIn)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    url = f"http://127.0.0.1:{port}"
    times: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    written = [0]
    stop = time.monotonic() + args.seconds

    def reader(seed: int) -> None:
        local = random.Random(seed)
        with httpx.Client(base_url=url, timeout=60) as client:
            while time.monotonic() < stop:
                path, params = requests_for(local)
                started = time.perf_counter()
                response = client.get(path, params=params)
                times[path].append(time.perf_counter() - started)
                if response.status_code != 200:
                    errors.append(f"{path} {response.status_code}")

    def writer() -> None:
        headers = {"Authorization": f"Bearer {TOKEN}"}
        with httpx.Client(base_url=url, timeout=60) as client:
            while time.monotonic() < stop:
                body = {
                    "text": f"Posted article {written[0]} at {time.time()}.",
                    "published": "2020-01-09",
                }
                response = client.post("/api/articles", json=body, headers=headers)
                if response.status_code == 201:
                    written[0] += 1
                else:
                    errors.append(f"POST {response.status_code}")

    workers = [threading.Thread(target=reader, args=(i,)) for i in range(args.readers)]
    workers.append(threading.Thread(target=writer))
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    server.should_exit = True
    thread.join(timeout=10)
    total = sum(len(v) for v in times.values())
    print(f"{args.readers} readers + 1 writer for {args.seconds:g} s on loopback:")
    print(f"  reads: {total:,} ({total / args.seconds:,.0f}/s), errors: {len(errors)}")
    print(f"  articles written meanwhile: {written[0]:,} ({written[0] / args.seconds:,.1f}/s)")
    print(f"  {'route':<16} {'n':>6} {'p50 ms':>8} {'p95 ms':>8}")
    for path, values in sorted(times.items()):
        q = statistics.quantiles(values, n=20) if len(values) >= 2 else values * 19
        print(
            f"  {path:<16} {len(values):>6} {statistics.median(values) * 1000:>8.1f} {q[18] * 1000:>8.1f}"
        )
    with Store.open(db, read_only=True) as store:
        problems = store.check()
        stored = store.counts()["articles"]
    print(f"  store after: {stored:,} articles (expected {args.articles + written[0]:,}); "
          f"integrity problems: {len(problems)}")  # fmt: skip
    for problem in problems:
        print(f"    {problem}")


if __name__ == "__main__":
    main()
