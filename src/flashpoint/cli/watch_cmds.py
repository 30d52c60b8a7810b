"""``flashpoint watch``: poll feeds and URLs, ingest what is new, print new alerts (issue 6, item 4).

Each poll reads every FEED_OR_URL, ingests through the store (whose content hash skips what is
already stored before analysis), then prints the escalation alerts it has not printed before.
The store is opened for each poll and closed while sleeping, so other readers (``flashpoint
serve``, ``flashpoint dyad``) can use the file between polls.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from flashpoint.cli import options
from flashpoint.errors import FlashpointError, InputError
from flashpoint.settings import Settings
from flashpoint.store.db import Store

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_PART = re.compile(r"(\d+(?:\.\d+)?)([smhd])")
AlertKey = tuple[Any, ...]


def parse_duration(value: str) -> float:
    """Seconds in a duration such as ``30s``, ``15m``, ``1h``, ``1h30m`` or ``90`` (seconds)."""
    text = value.strip().lower()
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    parts = _PART.findall(text)
    if not parts or "".join(n + u for n, u in parts) != text:
        raise ValueError(f"{value!r} is not a duration; write e.g. 30s, 15m, 1h or 1h30m")
    return sum(float(n) * _UNITS[u] for n, u in parts)


class Duration(click.ParamType):
    name = "DURATION"

    def convert(self, value: Any, param: Any, ctx: Any) -> float:
        try:
            seconds = float(value) if isinstance(value, int | float) else parse_duration(value)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)
        if seconds <= 0:
            self.fail("the interval must be longer than zero, e.g. 30s", param, ctx)
        return seconds


def alert_key(alert: dict[str, Any]) -> AlertKey:
    """What makes an alert new: its dyad, its window and how many conflict events it has."""
    return (alert["a"], alert["b"], alert["window_end"], alert["conflict_events"])


def new_alerts(store: Store, printed: set[AlertKey]) -> list[dict[str, Any]]:
    """The store's current alerts not printed yet; marks them printed."""
    from flashpoint.analytics.alerts import alerts

    fresh = [alert for alert in alerts(store) if alert_key(alert) not in printed]
    printed.update(alert_key(alert) for alert in fresh)
    return fresh


def poll(
    sources: tuple[str, ...], *, db: Path, engine: Any, given: dict[str, Any],
    printed: set[AlertKey],
) -> tuple[Any, list[dict[str, Any]]]:  # fmt: skip
    """One poll: ingest what is new from ``sources``; returns the summary and new alerts."""
    from flashpoint.ingest.readers import read_articles
    from flashpoint.store.ingest import ingest

    fields, overrides = options.reader_args(given)
    items = read_articles(
        sources, fields=fields, overrides=overrides, fetch_policy=options.fetch_policy(given)
    )
    with Store.open(db) as store:
        summary = ingest(items, store=store, engine=engine)
        return summary, new_alerts(store, printed)


def _print_poll(number: int, summary: Any, fresh: list[dict[str, Any]]) -> None:
    stamp = time.strftime("%Y-%m-%d %H:%M:%S")
    click.echo(
        f"[{stamp}] poll {number}: {summary.seen} seen, {summary.stored} new, "
        f"{summary.unchanged} unchanged, {len(summary.failed)} failed, {summary.events} events"
    )
    for article_id, reason in summary.failed:
        click.echo(f"  failed {article_id or '?'}: {reason}", err=True)
    for alert in fresh:
        click.echo(
            f"  ALERT {alert['a']}–{alert['b']} {alert['window_start']}..{alert['window_end']}: "
            f"{alert['conflict_events']} conflict events, baseline median "
            f"{alert['baseline_median']}, z {alert['z']:.1f}"
        )
        for event in alert.get("events", [])[:3]:
            click.echo(
                f"    {event['day']} {event['type']}: " + " ".join(event["evidence_text"].split())
            )


@click.command()
@click.argument("sources", metavar="FEED_OR_URL...", nargs=-1, required=True)
@click.option("--every", type=Duration(), default="15m", show_default=True,
              help="Time between polls: 30s, 15m, 1h, 1h30m.")  # fmt: skip
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The store file (default: $FLASHPOINT_DB or flashpoint.duckdb).",
)
@click.option("--max-polls", type=click.IntRange(min=1), default=None,
              help="Stop after this many polls (default: run until interrupted).")  # fmt: skip
@click.option("--allow-private", is_flag=True,
              help="Allow fetching URLs on loopback/private networks (refused by default).")  # fmt: skip
@click.pass_context
def watch(
    ctx: click.Context,
    sources: tuple[str, ...],
    every: float,
    db: Path | None,
    max_polls: int | None,
    allow_private: bool,
) -> None:
    """Poll feeds/URLs (or files) every --every, ingest what is new and print new alerts.

    Already stored content is skipped before analysis, so each poll analyses only new
    articles. A failing poll is reported and the watch goes on. Exit codes: 0 done or
    interrupted, 2 unusable input or store.
    """
    options.check_paths(sources)
    path = db if db is not None else Settings().db
    engine = (ctx.obj or {}).get("engine") or _lazy_engine()
    sleep: Callable[[float], None] = (ctx.obj or {}).get("sleep") or time.sleep
    given = {"allow_private": allow_private}
    printed: set[AlertKey] = set()
    number = 0
    try:
        while max_polls is None or number < max_polls:
            number += 1
            _one_poll(number, sources, db=path, engine=engine, given=given, printed=printed)
            if max_polls is None or number < max_polls:
                sleep(every)
    except KeyboardInterrupt:
        click.echo(f"stopped after {number} polls")


def _one_poll(number: int, sources: tuple[str, ...], **kwargs: Any) -> None:
    try:
        summary, fresh = poll(sources, **kwargs)
    except InputError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(options.EXIT_USAGE)
    except FlashpointError as exc:  # e.g. the store is busy: try again next poll
        click.echo(f"poll {number} failed: {exc}", err=True)
        return
    _print_poll(number, summary, fresh)


def _lazy_engine() -> Any:
    from flashpoint import get_engine
    from flashpoint.store.ingest import LazyEngine

    return LazyEngine(get_engine)


def register(cli: click.Group) -> None:
    """Add ``watch`` to the main command group."""
    cli.add_command(watch)
