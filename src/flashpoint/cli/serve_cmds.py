"""``flashpoint serve`` and ``flashpoint demo``: the JSON API and the dashboard (issue 6).

``register(cli)`` adds them to the main group. The server is read-only unless
``FLASHPOINT_API_TOKEN`` is set; the token is read from the environment only, never from the
command line, so it does not show in the process list or the shell history.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path
from typing import Any

import click

from flashpoint.errors import FlashpointError
from flashpoint.settings import Settings

EXIT_OK, EXIT_FAILED_ITEMS, EXIT_USAGE = 0, 1, 2
DEMO_ARTICLES = Path(__file__).resolve().parents[3] / "examples" / "articles" / "demo.jsonl"
DEMO_DB = Path("flashpoint-demo.duckdb")


def _server_options(command: Any) -> Any:
    options = [
        click.option(
            "--host",
            default=None,
            help="Address to listen on (default: $FLASHPOINT_HOST or 127.0.0.1).",
        ),
        click.option(
            "--port",
            type=click.IntRange(0, 65535),
            default=None,
            help="Port (default: $FLASHPOINT_PORT or 8000).",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _settings(db: Path | None, host: str | None, port: int | None) -> Settings:
    settings = Settings()
    return dataclasses.replace(
        settings,
        db=db or settings.db,
        host=host or settings.host,
        port=settings.port if port is None else port,
    )


def run_server(settings: Settings) -> None:
    """Serve the API and the dashboard until interrupted; prints the URL first."""
    import uvicorn

    from flashpoint.api import create_app

    if not settings.db.exists() and not settings.api_token:
        raise click.ClickException(
            f"no store at {settings.db}; create one with `flashpoint ingest FILES --db {settings.db}` "
            "or run `flashpoint demo`"
        )
    app = create_app(settings)
    shown = "localhost" if settings.host in ("127.0.0.1", "::1") else settings.host
    mode = "writes allowed with the API token" if settings.api_token else "read-only"
    click.echo(
        f"flashpoint dashboard: http://{shown}:{settings.port}/  ({mode}; store {settings.db})"
    )
    click.echo(
        f"JSON API: http://{shown}:{settings.port}/api/events   docs: http://{shown}:{settings.port}/docs"
    )
    if settings.host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {settings.host}, not only on this machine", err=True)
    click.echo("press Ctrl+C to stop")
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning")


@click.command()
@click.option(
    "--db",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="The store file (default: $FLASHPOINT_DB or flashpoint.duckdb).",
)
@_server_options
def serve(db: Path | None, host: str | None, port: int | None) -> None:
    """Serve the dashboard and the JSON API of a store on localhost.

    Read-only unless FLASHPOINT_API_TOKEN is set; then POST /api/articles with
    'Authorization: Bearer <token>' analyses and stores an article.
    """
    run_server(_settings(db, host, port))


@click.command()
@click.option(
    "--db",
    type=click.Path(path_type=Path, dir_okay=False),
    default=DEMO_DB,
    show_default=True,
    help="The store file to create or update.",
)
@click.option(
    "--articles",
    type=click.Path(path_type=Path, exists=True),
    default=None,
    help="Articles to ingest (default: the bundled examples/articles/demo.jsonl).",
)
@click.option("--no-serve", is_flag=True, help="Only ingest; do not start the server.")
@_server_options
def demo(
    db: Path, articles: Path | None, no_serve: bool, host: str | None, port: int | None
) -> None:
    """The main job: ingest the demo corpus into a store and serve the dashboard.

    Rerunning skips the articles already stored, so the second start is quick.
    """
    settings = _settings(db, host, port)
    source = articles or DEMO_ARTICLES
    if not source.exists():
        raise click.ClickException(f"the demo articles are not at {source}; pass --articles FILE")
    failed = _ingest_demo(source, settings)
    if no_serve:
        sys.exit(EXIT_FAILED_ITEMS if failed else EXIT_OK)
    run_server(settings)


def _ingest_demo(source: Path, settings: Settings) -> int:
    """Ingest ``source`` into ``settings.db``; returns how many articles failed."""
    from flashpoint import get_engine
    from flashpoint.ingest.readers import read_articles
    from flashpoint.store import Store, ingest

    click.echo(f"ingesting {source} into {settings.db} ...")
    try:
        with Store.open(settings.db) as store:
            summary = ingest(
                read_articles([str(source)]), store=store, engine=get_engine(settings),
                batch_size=settings.batch_size,
            )  # fmt: skip
    except FlashpointError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    for article_id, reason in summary.failed:
        click.echo(f"failed: {article_id or '?'}: {reason}", err=True)
    click.echo(
        f"{summary.seen} articles: {summary.stored} stored, {summary.unchanged} already stored, "
        f"{len(summary.failed)} failed; {summary.events} events, {summary.quotes} quotes"
    )
    return len(summary.failed)


COMMANDS = (serve, demo)


def register(group: click.Group) -> None:
    """Add ``serve`` and ``demo`` to the ``flashpoint`` group."""
    for command in COMMANDS:
        group.add_command(command)
