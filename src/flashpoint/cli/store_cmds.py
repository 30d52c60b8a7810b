"""Corpus commands: ingest, events, quotes, dyad, network, alerts, check, export (issue 6).

Thin: each command parses its options, calls ``flashpoint.store`` / ``flashpoint.analytics``
and prints. ``register(cli)`` adds them to the main group. This module does not import
``flashpoint.cli.main`` (which imports it), so either can be imported first.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

import click
from rich.console import Console
from rich.table import Table

from flashpoint.cli import options
from flashpoint.errors import FlashpointError, InputError
from flashpoint.settings import Settings
from flashpoint.store.db import Store

EXIT_OK, EXIT_FAILED_ITEMS, EXIT_USAGE = (
    options.EXIT_OK,
    options.EXIT_FAILED_ITEMS,
    options.EXIT_USAGE,
)
FORMATS = click.Choice(["table", "csv", "json"])


DATE = options.DATE


def _db_option(command: Any) -> Any:
    return click.option(
        "--db",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="The store file (default: $FLASHPOINT_DB or flashpoint.duckdb).",
    )(command)


def _format_option(command: Any) -> Any:
    return click.option(
        "--format",
        "fmt",
        type=FORMATS,
        default="table",
        show_default=True,
        help="table: readable view; csv: one row per record; json: an array.",
    )(command)


def _period_options(command: Any) -> Any:
    command = click.option("--until", type=DATE, help="Last day included.")(command)
    return click.option("--since", type=DATE, help="First day included.")(command)


def _db_path(db: Path | None) -> Path:
    return db if db is not None else Settings().db


@contextmanager
def _reading(db: Path | None) -> Iterator[Store]:
    """Open the store read-only; library errors become a message and exit code 2."""
    try:
        with Store.open(_db_path(db), read_only=True) as store:
            yield store
    except FlashpointError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_USAGE)


# -- output --------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(_plain(value))


def _table_cell(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, float):
        return f"{value:.2f}"
    return _cell(value)


def emit(
    records: Sequence[dict[str, Any]],
    fmt: str,
    *,
    columns: Sequence[str] | None = None,
    title: str | None = None,
    out: TextIO | None = None,
) -> None:
    """Print records as a Rich table (``columns`` only), CSV or JSON (all fields)."""
    stream = out or sys.stdout
    if fmt == "json":
        stream.write(json.dumps(list(records), ensure_ascii=False, indent=2, default=str) + "\n")
    elif fmt == "csv":
        names = list(records[0]) if records else list(columns or [])
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(names)
        for record in records:
            writer.writerow([_cell(record.get(name)) for name in names])
    else:
        table = Table(title=title, show_lines=False)
        shown = list(columns or (records[0] if records else []))
        for name in shown:
            table.add_column(name, overflow="fold")
        for record in records:
            table.add_row(*(_table_cell(record.get(name)) for name in shown))
        console = Console(file=stream, soft_wrap=False)
        if not console.is_terminal:  # piped: no terminal width, so do not squeeze to 80
            console = Console(file=stream, soft_wrap=False, width=160)
        console.print(table, markup=False, highlight=False)


# -- ingest --------------------------------------------------------------------------------


@click.command()
@click.argument("paths", nargs=-1, required=True)
@_db_option
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=None,
    help="Articles per transaction (default: $FLASHPOINT_BATCH_SIZE or 32).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Analysis processes (default: $FLASHPOINT_WORKERS or 1); see docs/scale.md.",
)
@click.option(
    "--dask",
    "use_dask",
    is_flag=True,
    help="Analyse on a Dask LocalCluster of --workers workers, via a Parquet dataset.",
)
@click.option(
    "--scheduler",
    metavar="tcp://HOST:8786",
    help="Analyse on this existing Dask cluster (default: $FLASHPOINT_SCHEDULER).",
)
@click.option(
    "--parquet",
    "parquet_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Parquet dataset of a Dask run (default: <db>.parquet/); on a cluster, a "
    "directory every machine sees at the same path.",
)
@options.input_options
@click.pass_context
def ingest(
    ctx: click.Context,
    paths: tuple[str, ...],
    db: Path | None,
    batch_size: int | None,
    workers: int | None,
    use_dask: bool,
    scheduler: str | None,
    parquet_dir: Path | None,
    **given: Any,
) -> None:
    """Analyse articles (files, folders, JSONL/CSV, RSS/Atom feeds, URLs, - for stdin) and
    store them in the corpus.

    Articles whose content is already stored are skipped before analysis, so rerunning an
    interrupted ingest resumes it. Exit codes: 0 all stored, 1 some articles failed (listed,
    and logged in the store), 2 unusable input or store.
    """
    from flashpoint.ingest.readers import read_articles
    from flashpoint.store.ingest import LazyEngine
    from flashpoint.store.ingest import ingest as run_ingest

    options.check_paths(paths)
    settings = Settings()
    settings = dataclasses.replace(
        settings,
        db=_db_path(db),
        batch_size=batch_size or settings.batch_size,
        workers=workers or settings.workers,
        scheduler=scheduler or settings.scheduler,
    )
    fields, overrides = options.reader_args(given)
    stub = (ctx.obj or {}).get("engine")  # tests inject a stub engine: always in-process
    scaled = stub is None and (settings.workers > 1 or use_dask or bool(settings.scheduler))
    engine = stub or LazyEngine(lambda: _engine(settings))
    try:
        with Store.open(settings.db) as store, _progress() as on_progress:
            articles = read_articles(
                paths, fields=fields, overrides=overrides, fetch_policy=options.fetch_policy(given)
            )
            if scaled:
                from flashpoint.scale.ingest import scaled_ingest

                summary = scaled_ingest(
                    articles,
                    store=store,
                    settings=settings,
                    workers=settings.workers,
                    dask=use_dask,
                    scheduler=settings.scheduler or None,
                    parquet_dir=parquet_dir,
                    on_progress=on_progress,
                )
            else:
                summary = run_ingest(
                    articles,
                    store=store,
                    engine=engine,
                    batch_size=settings.batch_size,
                    on_progress=on_progress,
                )
    except (InputError, FlashpointError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    _print_summary(summary, settings.db)
    sys.exit(EXIT_FAILED_ITEMS if summary.failed else EXIT_OK)


def _engine(settings: Settings) -> Any:
    from flashpoint import get_engine

    return get_engine(settings)


@contextmanager
def _progress() -> Iterator[Callable[[Any], None]]:
    """A Rich progress display on stderr; yields the ``on_progress`` callback for ingest."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=console,
        transient=False,
        disable=not console.is_terminal,
    ) as progress:
        task = progress.add_task("ingesting", total=None)

        def update(summary: Any) -> None:
            progress.update(
                task,
                description=(
                    f"seen {summary.seen}  stored {summary.stored}  unchanged "
                    f"{summary.unchanged}  failed {len(summary.failed)}  events {summary.events}"
                ),
            )

        yield update


def _print_summary(summary: Any, db: Path) -> None:
    for article_id, reason in summary.failed:
        click.echo(f"failed: {article_id or '?'}: {reason}", err=True)
    counts = summary.as_dict()
    click.echo(
        f"ingested into {db} (run {counts['run_id']}): {counts['seen']} articles seen, "
        f"{counts['stored']} stored ({counts['replaced']} replaced), {counts['unchanged']} "
        f"unchanged, {counts['failed']} failed; {counts['events']} events, "
        f"{counts['quotes']} quotes in {counts['seconds']}s"
    )


# -- queries -------------------------------------------------------------------------------

EVENT_COLUMNS = (
    "day",
    "type",
    "modality",
    "actor",
    "recipient",
    "quad_class",
    "score",
    "evidence_text",
    "article_id",
)


@click.command()
@_db_option
@_format_option
@click.option("--actor", help="Actor code, e.g. USA.")
@click.option("--recipient", help="Recipient code, e.g. IRN.")
@click.option("--type", "type_", help="PLOVER event type, e.g. SANCTION.")
@click.option("--quad", type=click.IntRange(1, 4), help="QuadClass 1-4.")
@click.option(
    "--modality",
    default="all",
    show_default=True,
    help="asserted, negated, hypothetical, future, or all.",
)
@click.option("--text", help="Words the evidence sentence contains.")
@_period_options
@click.option("--limit", type=int, default=100, show_default=True, help="At most N events.")
@click.option("--offset", type=int, default=0, help="Skip the first N events.")
def events(
    db: Path | None,
    fmt: str,
    actor: str | None,
    recipient: str | None,
    type_: str | None,
    quad: int | None,
    modality: str,
    text: str | None,
    since: dt.date | None,
    until: dt.date | None,
    limit: int,
    offset: int,
) -> None:
    """List stored events with their evidence, oldest first."""
    with _reading(db) as store:
        found = store.events(
            actor=actor,
            recipient=recipient,
            type=type_,
            quad_class=quad,
            modality=modality,
            text=text,
            since=since,
            until=until,
            limit=limit,
            offset=offset,
        )
    emit(found, fmt, columns=EVENT_COLUMNS, title="Events")


@click.command()
@_db_option
@_format_option
@click.option("--speaker", help="Part of the speaker's name or words, e.g. Rassam.")
@click.option("--text", help="Words the quote contains.")
@_period_options
@click.option("--limit", type=int, default=100, show_default=True, help="At most N quotes.")
def quotes(
    db: Path | None,
    fmt: str,
    speaker: str | None,
    text: str | None,
    since: dt.date | None,
    until: dt.date | None,
    limit: int,
) -> None:
    """List stored quotes with their speakers."""
    with _reading(db) as store:
        found = store.quotes(speaker=speaker, text=text, since=since, until=until, limit=limit)
    columns = ("published", "speaker_name", "speaker_text", "kind", "content_text", "article_id")
    emit(found, fmt, columns=columns, title="Quotes")


@click.command()
@click.argument("a")
@click.argument("b")
@_db_option
@_format_option
@click.option(
    "--by",
    type=click.Choice(["day", "week", "month", "quarter", "year"]),
    default="month",
    show_default=True,
    help="Period length.",
)
@click.option("--directed", is_flag=True, help="Only A acting on B (default: both ways).")
@click.option(
    "--modality",
    default="asserted",
    show_default=True,
    help="Modalities counted in the main columns (comma-separated, or all).",
)
@click.option("--attributed", is_flag=True, help="Count events known only from what someone says.")
@click.option(
    "--dedup",
    is_flag=True,
    help="Count each event cluster once (after `flashpoint clusters --save`).",
)
@_period_options
def dyad(
    a: str,
    b: str,
    db: Path | None,
    fmt: str,
    by: str,
    directed: bool,
    modality: str,
    attributed: bool,
    dedup: bool,
    since: dt.date | None,
    until: dt.date | None,
) -> None:
    """Relations of actors A and B (codes, e.g. USA IRN) per period: counts, QuadClass, score."""
    from flashpoint.analytics import dyad_series

    with _reading(db) as store:
        series = dyad_series(
            store,
            a,
            b,
            by=by,
            directed=directed,
            modality=_modalities(modality),
            attributed=attributed,
            since=since,
            until=until,
            dedup=dedup,
        )
    columns = (
        "period",
        "events",
        "quad1",
        "quad2",
        "quad3",
        "quad4",
        "score_sum",
        "score_mean",
        "hypothetical",
        "future",
        "negated",
        "attributed",
    )
    emit(series, fmt, columns=columns, title=f"{a.upper()} – {b.upper()} by {by}")


@click.command()
@_db_option
@_format_option
@_period_options
@click.option(
    "--modality",
    default="asserted",
    show_default=True,
    help="Modalities counted (comma-separated, or all).",
)
@click.option("--actor", help="Show the top partners and rivals of this code instead.")
@click.option("--top", type=int, default=5, show_default=True, help="Partners/rivals shown.")
@click.option("--min-events", type=int, default=1, show_default=True, help="Hide lighter edges.")
@click.option(
    "--dedup",
    is_flag=True,
    help="Count each event cluster once (after `flashpoint clusters --save`).",
)
def network(
    db: Path | None,
    fmt: str,
    since: dt.date | None,
    until: dt.date | None,
    modality: str,
    actor: str | None,
    top: int,
    min_events: int,
    dedup: bool,
) -> None:
    """The actor network: cooperation (+) and conflict (−) edges between codes."""
    from flashpoint import analytics

    with _reading(db) as store:
        if actor:
            found = analytics.neighbours(
                store, actor, top=top, since=since, until=until, modality=_modalities(modality)
            )
            columns: Sequence[str] = ("relation", "partner", "events", "coop", "conflict", "weight")
        else:
            found = analytics.network(
                store,
                since=since,
                until=until,
                modality=_modalities(modality),
                min_events=min_events,
                dedup=dedup,
            )
            columns = ("source", "target", "events", "coop", "conflict", "weight", "sign")
    emit(found, fmt, columns=columns, title="Network")


@click.command()
@_db_option
@_format_option
@click.option("--as-of", type=DATE, help="Last day of the latest window (default: newest article).")
@click.option("--window-days", type=int, default=7, show_default=True)
@click.option("--baseline-days", type=int, default=90, show_default=True)
@click.option("--z", type=float, default=3.0, show_default=True, help="Robust z-score threshold.")
def alerts(
    db: Path | None,
    fmt: str,
    as_of: dt.date | None,
    window_days: int,
    baseline_days: int,
    z: float,
) -> None:
    """Escalation alerts: dyads whose conflict this window is far above their baseline."""
    from flashpoint.analytics import alerts as find_alerts

    with _reading(db) as store:
        found = find_alerts(
            store, as_of=as_of, window_days=window_days, baseline_days=baseline_days, z=z
        )
    columns = ("a", "b", "window_start", "window_end", "conflict_events", "baseline_median", "z")
    emit(found, fmt, columns=columns, title="Alerts")
    if fmt == "table":
        for alert in found:
            for event in alert["events"][:5]:
                click.echo(
                    f"  {alert['a']}–{alert['b']} {event['day']} {event['type']}: "
                    + " ".join(event["evidence_text"].split())
                )


@click.command()
@_db_option
def check(db: Path | None) -> None:
    """Check the store: articles unique, every row tied to an article, every span exact."""
    with _reading(db) as store:
        problems = store.check()
        counts = store.counts()
        version = store.schema_version
    click.echo(f"schema version {version}; " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    for problem in problems:
        click.echo(f"problem: {problem}", err=True)
    if problems:
        sys.exit(EXIT_FAILED_ITEMS)
    click.echo("ok")


@click.command()
@_db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["plover", "gdelt", "parquet"]),
    required=True,
    help="plover: PLOVER JSON lines; gdelt: GDELT 2.0 event rows (tab-separated, 61 columns, "
    "with a header); parquet: the events table (needs --out).",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Output file (default: stdout).",
)
@click.option(
    "--modality",
    default="asserted",
    show_default=True,
    help="Modalities exported (comma-separated, or all).",
)
@_period_options
def export(
    db: Path | None,
    fmt: str,
    out: Path | None,
    modality: str,
    since: dt.date | None,
    until: dt.date | None,
) -> None:
    """Export stored events as PLOVER JSON lines, a GDELT 2.0 event file, or Parquet."""
    from flashpoint.store.export import write_gdelt, write_parquet, write_plover

    filters = {"modality": _modalities(modality), "since": since, "until": until}
    if fmt == "parquet" and out is None:
        raise click.UsageError("--format parquet writes a file; give it with --out FILE")
    with _reading(db) as store:
        if fmt == "parquet":
            n = write_parquet(store, str(out), **filters)
        else:
            writer: Callable[..., int] = write_plover if fmt == "plover" else write_gdelt
            if out is None:
                n = writer(store, sys.stdout, **filters)
            else:
                with out.open("w", encoding="utf-8", newline="") as stream:
                    n = writer(store, stream, **filters)
    click.echo(f"exported {n} events" + (f" to {out}" if out else ""), err=True)


def _modalities(value: str) -> str | list[str] | None:
    if value == "all":
        return None
    parts = [part.strip() for part in value.split(",") if part.strip()]
    return parts[0] if len(parts) == 1 else parts


COMMANDS = (ingest, events, quotes, dyad, network, alerts, check, export)


def register(group: click.Group) -> None:
    """Add the corpus commands to the ``flashpoint`` group."""
    for command in COMMANDS:
        group.add_command(command)
