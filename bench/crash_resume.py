"""Kill -9 a real ``flashpoint ingest`` at random moments, rerun it, check the store
(issue 8, item 2).

Each trial writes a fresh store: it starts ``flashpoint ingest`` on ``--articles``
generated articles in a subprocess, sends SIGKILL at a random moment (from model load to
the last batch), reruns the same command to completion, and then asserts that the store
holds every article exactly once and that ``flashpoint check`` passes. Prints one line per
trial; exit status 1 if any trial fails.

    .venv/bin/python bench/crash_resume.py                       # 10 trials, 300 articles
    .venv/bin/python bench/crash_resume.py --trials 2 --articles 30
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ACTORS = ["Iran", "Russia", "China", "Turkey", "Israel", "Ukraine", "Syria", "India", "Japan",
          "Germany", "France", "Pakistan", "Egypt", "Saudi Arabia", "North Korea", "Venezuela"]  # fmt: skip
VERBS = ["condemned", "met", "threatened", "sanctioned", "praised", "accused", "attacked",
         "signed a trade agreement with", "expelled diplomats from", "held talks with"]  # fmt: skip
PLACES = ["Geneva", "Moscow", "Beijing", "Ankara", "Cairo", "Vienna", "Doha", "Brussels"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def make_articles(count: int, seed: int) -> list[dict[str, str]]:
    """Distinct short news articles, each with an id, a date and two or three sentences."""
    rng = random.Random(seed)
    articles = []
    for i in range(count):
        a, b = rng.sample(ACTORS, 2)
        lead = f"{a} {rng.choice(VERBS)} {b} in {rng.choice(PLACES)} on {rng.choice(DAYS)}, officials said."
        more = f"The foreign ministry of {b} said the move was {rng.choice(['unacceptable', 'welcome', 'a mistake'])}."
        tail = f" Talks are expected to resume next week (report {i})."
        day = f"2020-{1 + i % 12:02d}-{1 + i % 28:02d}"
        articles.append(
            {
                "id": f"cr-{i:05d}",
                "date": day,
                "title": f"Report {i}",
                "text": f"{lead} {more}{tail}",
            }
        )
    return articles


@dataclass
class Trial:
    number: int
    killed_after: float
    stored_before_rerun: int
    rerun_exit: int
    articles: int
    duplicates: int
    missing: int
    check_exit: int

    @property
    def ok(self) -> bool:
        return (self.rerun_exit, self.duplicates, self.missing, self.check_exit) == (0, 0, 0, 0)


def flashpoint(*args: str) -> list[str]:
    """The installed ``flashpoint`` command of this interpreter's environment."""
    return [str(Path(sys.executable).with_name("flashpoint")), *args]


def stored_ids(db: Path) -> list[str]:
    """Every article id row in the store (duplicates included), read in a child process."""
    code = (
        "import duckdb, json, sys; c = duckdb.connect(sys.argv[1], read_only=True); "
        "print(json.dumps([r[0] for r in c.execute('select id from articles').fetchall()]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(db)], capture_output=True, text=True, timeout=120
    )
    if out.returncode != 0:
        return []  # no store yet (killed before the first commit)
    return json.loads(out.stdout)


def trial(
    number: int,
    *,
    source: Path,
    expected: set[str],
    workdir: Path,
    rng: random.Random,
    window: float,
) -> Trial:
    db = workdir / f"trial{number}.duckdb"
    command = flashpoint("ingest", str(source), "--db", str(db), "--batch-size", "16")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    delay = rng.uniform(0.25 * window, 0.95 * window)  # mostly after the model has loaded
    try:
        child.wait(timeout=delay)  # finished early: the trial still reruns and checks
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
    before = len(set(stored_ids(db)))
    rerun = subprocess.run(command, capture_output=True, text=True, env=env, timeout=1800)
    ids = stored_ids(db)
    check = subprocess.run(
        flashpoint("check", "--db", str(db)), capture_output=True, text=True, env=env, timeout=600
    )
    return Trial(
        number, round(delay, 2), before, rerun.returncode, len(set(ids)),
        len(ids) - len(set(ids)), len(expected - set(ids)), check.returncode,
    )  # fmt: skip


def full_run_seconds(source: Path, workdir: Path) -> float:
    """How long one uninterrupted ingest takes here: kills are drawn within it."""
    started = time.monotonic()
    db = workdir / "reference.duckdb"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    subprocess.run(
        flashpoint("ingest", str(source), "--db", str(db)),
        capture_output=True,
        env=env,
        timeout=1800,
        check=True,
    )
    return time.monotonic() - started


def run(*, trials: int, articles: int, seed: int, window: float | None = None) -> list[Trial]:
    """``window``: kills are drawn in [0.25, 0.95] x window s; None measures one full ingest."""
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        source = workdir / "articles.jsonl"
        records = make_articles(articles, seed)
        source.write_text("".join(json.dumps(r) + "\n" for r in records))
        expected = {r["id"] for r in records}
        if window is None:
            window = full_run_seconds(source, workdir)
            print(f"{articles} articles; one uninterrupted ingest takes {window:.1f} s")
        print(f"kills drawn in [{0.25 * window:.1f}, {0.95 * window:.1f}] s")
        results = []
        for number in range(1, trials + 1):
            result = trial(
                number, source=source, expected=expected, workdir=workdir, rng=rng, window=window
            )
            results.append(result)
            print(
                f"trial {number:2}: killed after {result.killed_after:5.2f} s with {result.stored_before_rerun:4} stored; "
                f"rerun exit {result.rerun_exit}; {result.articles} articles, {result.duplicates} duplicates, "
                f"{result.missing} missing; check exit {result.check_exit} -> {'ok' if result.ok else 'FAILED'}",
                flush=True,
            )
        return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--trials", type=int, default=10)
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--seed", type=int, default=8)
    args = ap.parse_args()
    results = run(trials=args.trials, articles=args.articles, seed=args.seed)
    passed = sum(r.ok for r in results)
    middle = sum(0 < r.stored_before_rerun < args.articles for r in results)
    print(
        f"{passed}/{len(results)} trials passed; {middle} killed mid-ingest (some but not all stored)"
    )
    raise SystemExit(0 if passed == len(results) else 1)


if __name__ == "__main__":
    main()
