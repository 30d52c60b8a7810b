"""``flashpoint clusters``: reports of the same real event, grouped (issue 6, item 2).

Thin: parses options, calls ``flashpoint.analytics.dedup`` and prints. ``register(cli)`` adds
the command to the main group.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import click

from flashpoint.cli import options
from flashpoint.cli.store_cmds import emit
from flashpoint.errors import FlashpointError
from flashpoint.settings import Settings
from flashpoint.store.db import Store

CLUSTER_COLUMNS = ("cluster_id", "first_day", "a", "b", "type", "modality", "report_count",
                   "evidence")  # fmt: skip
REPORT_COLUMNS = ("cluster_id", "report_count", "article_id", "event_id", "day", "a", "b", "type")


@click.command()
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The store file (default: $FLASHPOINT_DB or flashpoint.duckdb).",
)
@click.option("--since", type=options.DATE, help="First day included.")
@click.option("--until", type=options.DATE, help="Last day included.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="table: readable view; csv: one row per record; json: an array.",
)
@click.option(
    "--dedup/--no-dedup",
    default=True,
    show_default=True,
    help="One row per event cluster (--dedup) or one row per report with its cluster.",
)
@click.option("--min-reports", type=click.IntRange(min=1), default=1, show_default=True,
              help="Only clusters reported by at least this many articles.")  # fmt: skip
@click.option("--window-days", type=click.IntRange(min=0), default=3, show_default=True,
              help="Reports of one event are at most this many days apart.")  # fmt: skip
@click.option("--min-similarity", type=float, default=0.2, show_default=True,
              help="Least TF-IDF cosine of two reports' evidence + title.")  # fmt: skip
@click.option("--family", type=click.Choice(["quad", "type"]), default="quad", show_default=True,
              help="Reports must share the QuadClass (quad) or the PLOVER type (type).")  # fmt: skip
@click.option("--save", is_flag=True,
              help="Store the clusters in the corpus (event_clusters; the event_dyads_dedup "
                   "view then counts each real event once).")  # fmt: skip
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="Print at most this many rows.")  # fmt: skip
def clusters(
    db: Path | None,
    since: dt.date | None,
    until: dt.date | None,
    fmt: str,
    dedup: bool,
    limit: int | None,
    save: bool,
    **settings: Any,
) -> None:
    """Event clusters: reports of the same real event (same type family, same dyad, close
    dates, similar evidence) grouped, most reported first, with their report counts.

    Clusters are computed over the whole store each time; --since/--until only choose which
    are shown. Exit codes: 0 ok, 2 no usable store.
    """
    from flashpoint.analytics.dedup import cluster_events

    path = db if db is not None else Settings().db
    try:
        with Store.open(path, read_only=not save) as store:
            found = cluster_events(store, save=save, since=since, until=until, **settings)
    except FlashpointError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(options.EXIT_USAGE)
    records = found if dedup else _reports(found)
    if fmt == "table":
        click.echo(f"{len(found)} event clusters, {sum(c['report_count'] for c in found)} reports")
    shown = records[:limit] if limit else records
    emit(shown, fmt, columns=CLUSTER_COLUMNS if dedup else REPORT_COLUMNS, title="Event clusters")


def _reports(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per member event, with its cluster's id, report count, dyad and type."""
    return [
        {"cluster_id": c["cluster_id"], "report_count": c["report_count"], **member,
         "a": c["a"], "b": c["b"], "type": c["type"]}
        for c in found
        for member in c["members"]
    ]  # fmt: skip


def register(cli: click.Group) -> None:
    """Add ``clusters`` to the main command group."""
    cli.add_command(clusters)
