"""Shared helpers of the benchmarks: corpora, machine facts, tables, docs/benchmarks.md.

Benchmarks read ``../shared/corpora`` at run time and never copy it into the project;
without it a full run exits with a message (status 0), while ``--smoke`` uses the few
built-in articles below so CI can run every benchmark in seconds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import resource
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GEOPOLITICS = SHARED / "corpora" / "allsides_2015_2020_geopolitics.jsonl"
ALL = SHARED / "corpora" / "allsides_2015_2020_all.jsonl.gz"
DOCS = ROOT / "docs" / "benchmarks.md"

SMOKE_TEXTS = [
    "Iran condemned the United States on Friday after the strike in Baghdad, officials said.",
    "China agreed to buy more American goods under a trade deal signed with the United States.",
    "Russia and Turkey held talks in Moscow about the fighting in Idlib, the Kremlin said.",
    "Germany sent humanitarian aid to Syria on Tuesday, the foreign ministry announced.",
    "North Korea threatened to resume nuclear tests if the United States kept its sanctions.",
    "India protested to Pakistan over shelling along the Line of Control on Monday.",
]


def parser(description: str) -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument(
        "--smoke",
        action="store_true",
        help="a tiny run on built-in articles (seconds); never writes the docs",
    )
    ap.add_argument(
        "--no-docs",
        action="store_true",
        help="print the figures only; do not update docs/benchmarks.md",
    )
    return ap


def smoke_articles(n: int = 12) -> list:
    from flashpoint.models import Article

    return [
        Article(id=f"smoke{i}", text=SMOKE_TEXTS[i % len(SMOKE_TEXTS)] + f" (item {i})",
                published=dt.date(2020, 1 + i % 3, 1 + i), source="Smoke")
        for i in range(n)
    ]  # fmt: skip


def corpus_articles(path: Path, limit: int | None) -> list:
    """The first ``limit`` readable articles of a shared corpus file; exits if it is absent."""
    require(path)
    from flashpoint.ingest.readers import read_articles
    from flashpoint.models import Article

    found = []
    for item in read_articles([str(path)]):
        if isinstance(item, Article):
            found.append(item)
            if limit and len(found) >= limit:
                break
    return found


def require(path: Path) -> None:
    if not path.exists():
        print(
            f"skipped: {path} is not present (the shared corpora live in ../shared, "
            "outside the project); run with --smoke for the built-in articles"
        )
        sys.exit(0)


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


def machine() -> str:
    mem = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        match = re.search(r"MemTotal:\s+(\d+)", meminfo.read_text())
        mem = f", {int(match.group(1)) / 2**20:.0f} GiB RAM" if match else ""
    cpu = _cpu_name() or platform.machine()
    return (f"{os.cpu_count()} cores ({cpu}){mem}, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}")  # fmt: skip


def _cpu_name() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if not cpuinfo.exists():
        return ""
    match = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
    return match.group(1).strip() if match else ""


def peak_rss_mib(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory (Linux reports KiB) of this process or of its largest child."""
    return resource.getrusage(who).ru_maxrss / 1024


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table (also readable in a terminal)."""
    cells = [[_fmt(v) for v in row] for row in rows]
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in cells]
    return "\n".join(lines)


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}" if abs(value) < 100 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def report(
    name: str, title: str, body: str, *, args: argparse.Namespace, started_load: str
) -> None:
    """Print the figures and, for a full run, replace this benchmark's section of the docs."""
    command = "bench/" + Path(sys.argv[0]).name + " " + shlex.join(sys.argv[1:])
    section = (
        f"## {title}\n\n"
        f"- date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC\n"
        f"- machine: {machine()}\n"
        f"- load average (1/5/15 min) at start: {started_load}; at end: {load()}\n"
        f"- command: `.venv/bin/python {command.strip()}`\n\n{body}\n"
    )
    print(section)
    if args.smoke or args.no_docs:
        return
    update_docs(name, section)
    print(f"updated {DOCS.relative_to(ROOT)} (section {name})")


def update_docs(name: str, section: str) -> None:
    begin, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Benchmarks\n"
    block = f"{begin}\n{section}{end}"
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.S)
    text = pattern.sub(lambda _: block, text) if pattern.search(text) else (
        text.rstrip("\n") + "\n\n" + block + "\n")  # fmt: skip
    DOCS.write_text(text, encoding="utf-8")
