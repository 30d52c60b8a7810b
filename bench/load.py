"""Read load on a real ``flashpoint serve`` process while ``flashpoint ingest`` tries to
write the same store (issue 8, item 5).

1. Builds a large store from REAL analyses: ``--base`` generated articles go through the
   engine, then each analysis is stored ``--copies`` times under new ids (a copy appends
   " [copy k]" to the text, after every span, so spans stay exact).
2. Serves it with ``flashpoint serve`` in its own process on a free loopback port.
3. For ``--seconds`` runs ``--clients`` client threads over the read routes (requests/s,
   p50/p95 per route, errors). Halfway, a concurrent ``flashpoint ingest`` of new articles
   is started on the same store file; DuckDB allows one writing process per file, so it is
   expected to be refused at once with a clear message while readers go on (the API's
   design: writes go through ``POST /api/articles`` of the serving process, see
   flashpoint/api/deps.py and tests/api/test_safety.py). Its exit status and message are
   printed.
4. Stops the server, reruns the ingest (now it can write), and runs ``flashpoint check``.

    .venv/bin/python bench/load.py                       # 200 x 50 articles, 20 s, 8 clients
    .venv/bin/python bench/load.py --base 20 --copies 5 --seconds 5 --clients 2
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from crash_resume import make_articles  # noqa: E402 - the bench folder is not a package

from flashpoint.models import Article  # noqa: E402
from flashpoint.store import Store  # noqa: E402

CODES = ["IRN", "RUS", "CHN", "TUR", "ISR", "UKR", "SYR", "IND", "JPN", "DEU", "FRA", "PAK"]


def command(*args: str) -> list[str]:
    return [str(Path(sys.executable).with_name("flashpoint")), *args]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def build_store(db: Path, *, base: int, copies: int) -> dict[str, int]:
    from flashpoint.engine import Engine
    from flashpoint.errors import ArticleError

    engine = Engine()
    articles = [
        Article(r["id"], r["text"], title=r["title"], published=_date(r["date"]), source="load")
        for r in make_articles(base, seed=11)
    ]
    analyses = [a for a in engine.analyze_many(articles) if not isinstance(a, ArticleError)]

    def copied():
        for k in range(copies):
            for analysis in analyses:
                article = analysis.article
                text = f"{article.text} [copy {k}]"
                yield replace(
                    analysis, article=replace(article, id=f"{article.id}-c{k}", text=text)
                )

    with Store.open(db) as store:
        store.write(copied(), batch_size=500)
        return store.counts()


def _date(value: str):
    import datetime as dt

    return dt.date.fromisoformat(value)


def request_for(rng: random.Random) -> tuple[str, dict[str, object]]:
    a, b = rng.sample(CODES, 2)
    return rng.choice([
        ("/api/events", {"actor": a, "limit": 50}),
        ("/api/events", {"q": rng.choice(["condemned", "talks", "sanction"]), "limit": 50}),
        ("/api/articles", {"limit": 20, "offset": rng.randrange(0, 2000)}),
        ("/api/quotes", {"limit": 20}),
        ("/api/actors", {}),
        ("/api/dyad", {"a": a, "b": b}),
        ("/api/network", {"since": "2020-01-01", "until": "2020-12-31"}),
        ("/api/search", {"q": rng.choice(["Moscow", "Geneva", "ministry"])}),
    ])  # fmt: skip


def start_server(db: Path, port: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        command("serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/actors", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start within 60 s")


def load(url: str, *, clients: int, seconds: float, halfway: threading.Event):
    times: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    started = time.monotonic()
    stop = started + seconds

    def client(seed: int) -> None:
        rng = random.Random(seed)
        with httpx.Client(base_url=url, timeout=30) as http:
            while time.monotonic() < stop:
                if time.monotonic() > started + seconds / 2:
                    halfway.set()
                path, params = request_for(rng)
                begun = time.perf_counter()
                try:
                    response = http.get(path, params=params)
                    ok = response.status_code == 200
                    reason = f"{path} HTTP {response.status_code}"
                except httpx.HTTPError as exc:
                    ok, reason = False, f"{path} {type(exc).__name__}"
                times[path].append(time.perf_counter() - begun)
                if not ok:
                    errors.append(reason)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return times, errors


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--base", type=int, default=200, help="articles analysed by the engine")
    ap.add_argument("--copies", type=int, default=50, help="stored copies of each analysis")
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--clients", type=int, default=8)
    args = ap.parse_args()
    env = {**os.environ, "FLASHPOINT_API_TOKEN": ""}  # read-only server, as deployed by default
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "load.duckdb"
        counts = build_store(db, base=args.base, copies=args.copies)
        print(
            f"store: {counts['articles']:,} articles, {counts['events']:,} events, {counts['quotes']:,} quotes"
        )
        fresh = Path(tmp) / "fresh.jsonl"
        records = [
            {**r, "id": f"new-{r['id']}", "text": r["text"] + " (fresh)"}
            for r in make_articles(40, seed=99)
        ]
        fresh.write_text("".join(json.dumps(r) + "\n" for r in records))
        port = free_port()
        server = start_server(db, port, env)
        halfway = threading.Event()
        ingest_result: dict[str, object] = {}

        def concurrent_ingest() -> None:
            halfway.wait(timeout=args.seconds)
            begun = time.monotonic()
            done = subprocess.run(
                command("ingest", str(fresh), "--db", str(db)),
                capture_output=True,
                text=True,
                env=env,
                timeout=600,
            )
            ingest_result.update(
                exit=done.returncode,
                seconds=time.monotonic() - begun,
                stderr=done.stderr.strip()[:400],
            )

        writer = threading.Thread(target=concurrent_ingest)
        writer.start()
        try:
            times, errors = load(
                f"http://127.0.0.1:{port}",
                clients=args.clients,
                seconds=args.seconds,
                halfway=halfway,
            )
        finally:
            writer.join(timeout=600)
            server.terminate()
            server.wait(timeout=30)
        report(times, errors, args, ingest_result)
        after = subprocess.run(
            command("ingest", str(fresh), "--db", str(db)),
            capture_output=True,
            text=True,
            env=env,
            timeout=600,
        )
        check = subprocess.run(
            command("check", "--db", str(db)), capture_output=True, text=True, env=env, timeout=600
        )
        print(
            f"after the server stopped: ingest exit {after.returncode} ({after.stdout.strip()[-160:]})"
        )
        print(f"flashpoint check: exit {check.returncode}: {check.stdout.strip()[-200:]}")
        failed = errors or check.returncode != 0 or after.returncode != 0
    raise SystemExit(1 if failed else 0)


def report(
    times: dict[str, list[float]],
    errors: list[str],
    args: argparse.Namespace,
    ingest: dict[str, object],
) -> None:
    total = sum(len(v) for v in times.values())
    every = sorted(t for v in times.values() for t in v)
    p95 = statistics.quantiles(every, n=20)[18] if len(every) >= 2 else float("nan")
    print(
        f"{args.clients} clients for {args.seconds:g} s against `flashpoint serve` (separate process, loopback):"
    )
    print(
        f"  requests {total:,} ({total / args.seconds:,.0f}/s); p50 {statistics.median(every) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms; errors {len(errors)}"
    )
    for line in sorted(set(errors))[:10]:
        print(f"    error: {line}")
    print(f"  {'route':<16} {'n':>6} {'p50 ms':>8} {'p95 ms':>8}")
    for path, values in sorted(times.items()):
        q = statistics.quantiles(values, n=20)[18] if len(values) >= 2 else values[0]
        print(
            f"  {path:<16} {len(values):>6} {statistics.median(values) * 1000:>8.1f} {q * 1000:>8.1f}"
        )
    print(
        f"  concurrent `flashpoint ingest` on the same file: exit {ingest.get('exit')} after {ingest.get('seconds', 0):.1f} s"
    )
    print(f"    its message: {ingest.get('stderr')}")


if __name__ == "__main__":
    main()
