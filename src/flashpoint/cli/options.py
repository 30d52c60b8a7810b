"""Options shared by the commands that read articles (analyze, ingest, watch)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import click

from flashpoint.ingest.fetch import FetchPolicy
from flashpoint.ingest.readers import FieldMap, Overrides

EXIT_OK, EXIT_FAILED_ITEMS, EXIT_USAGE = 0, 1, 2


class Date(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: Any, ctx: Any) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.fail(
                f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2020-02-25", param, ctx
            )


DATE = Date()


def input_options(command: Any) -> Any:
    """Options shared by every command that reads articles."""
    options = [
        click.option(
            "--date",
            "published",
            type=DATE,
            help="Publication date of the article(s); resolves relative dates.",
        ),
        click.option(
            "--title", help="Title of the article (a .txt file's first line is used otherwise)."
        ),
        click.option("--source", help="Publisher / source name."),
        click.option("--url", help="URL of the article."),
        click.option(
            "--allow-private",
            is_flag=True,
            help="Allow fetching URLs on loopback/private networks (refused by default).",
        ),
        click.option("--id-field", help="JSONL/CSV field holding the article id (default: id)."),
        click.option(
            "--text-field", help="JSONL/CSV field holding the text (default: text, body, content)."
        ),
        click.option(
            "--title-field", help="JSONL/CSV field holding the title (default: title, headline)."
        ),
        click.option(
            "--date-field", help="JSONL/CSV field holding the date (default: date, published)."
        ),
        click.option(
            "--source-field", help="JSONL/CSV field holding the source (default: source)."
        ),
        click.option("--url-field", help="JSONL/CSV field holding the URL (default: url, link)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def reader_args(options: dict[str, Any]) -> tuple[FieldMap, Overrides]:
    """FieldMap and Overrides from the parsed ``input_options``."""
    fields = FieldMap().override(
        id=options.get("id_field"),
        text=options.get("text_field"),
        title=options.get("title_field"),
        date=options.get("date_field"),
        source=options.get("source_field"),
        url=options.get("url_field"),
    )
    return fields, _overrides(options)


def _overrides(options: dict[str, Any]) -> Overrides:
    return Overrides(
        published=options.get("published"),
        title=options.get("title"),
        source=options.get("source"),
        url=options.get("url"),
    )


def fetch_policy(options: dict[str, Any]) -> FetchPolicy:
    return FetchPolicy(allow_private=bool(options.get("allow_private")))


def _is_url(name: str) -> bool:
    return name.startswith(("http://", "https://"))


def check_paths(paths: tuple[str, ...]) -> None:
    """Refuse up front (exit 2) when an input path does not exist."""
    missing = [p for p in paths if p != "-" and not _is_url(p) and not Path(p).exists()]
    if missing:
        click.echo(f"error: no such file or folder: {', '.join(missing)}", err=True)
        sys.exit(EXIT_USAGE)
