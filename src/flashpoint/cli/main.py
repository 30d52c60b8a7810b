"""The ``flashpoint`` command: a thin layer over the library (it parses, calls, prints)."""

from __future__ import annotations

import inspect
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from flashpoint.cli.options import (
    EXIT_FAILED_ITEMS,
    EXIT_OK,
    EXIT_USAGE,
    check_paths,
    fetch_policy,
    input_options,
    reader_args,
)
from flashpoint.errors import ArticleError, FlashpointError, InputError
from flashpoint.ingest.readers import read_articles
from flashpoint.models import Analysis


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="flashpoint")
def cli() -> None:
    """flashpoint: who did what to whom in the news, with the exact text behind every record."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl"]),
    default="table",
    show_default=True,
    help="table: readable view; json: one object (an array for many articles); jsonl: one object per line.",
)
@input_options
def analyze(paths: tuple[str, ...], fmt: str, **options: Any) -> None:
    """Analyse articles (PATH: .txt, .html, .jsonl, .csv, a folder, or - for stdin) and print them.

    Exit codes: 0 all analysed, 1 some articles failed (each reported), 2 unusable input.
    """
    from flashpoint import get_engine

    check_paths(paths)
    fields, overrides = reader_args(options)
    try:
        engine = get_engine()
        items = read_articles(
            paths, fields=fields, overrides=overrides, fetch_policy=fetch_policy(options)
        )
        results = engine.analyze_many(items)
        failures = _emit(results, fmt)
    except (InputError, FlashpointError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_FAILED_ITEMS if failures else EXIT_OK)


def _emit(results: Iterator[Analysis | ArticleError], fmt: str) -> int:
    """Print results as they come; returns the number of failed articles."""
    failures = 0
    collected: list[dict[str, Any]] = []
    for result in results:
        if isinstance(result, ArticleError):
            failures += 1
            click.echo(f"error: {result}", err=True)
            record = {"error": {"id": result.article_id, "reason": result.reason}}
        else:
            record = result.to_dict()
        if fmt == "jsonl":
            click.echo(json.dumps(record, ensure_ascii=False))
        elif fmt == "json":
            collected.append(record)
        elif isinstance(result, Analysis):
            from flashpoint.cli.render import render_analysis

            render_analysis(result)
    if fmt == "json":
        payload: Any = collected[0] if len(collected) == 1 else collected
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    return failures


@cli.command(name="eval")
@click.argument("suite")
@click.option(
    "--shared",
    type=click.Path(path_type=Path),
    default=None,
    help="The shared data folder (default: ../shared next to the project, else ./shared).",
)
@click.option("--limit", type=int, default=None, help="Score only the first N items (quick look).")
@click.option(
    "--split",
    type=click.Choice(["dev", "test", "all"]),
    default=None,
    help="Gold split, for suites that have one (news-quotes; default: test).",
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
def eval_command(
    suite: str, shared: Path | None, limit: int | None, split: str | None, fmt: str
) -> None:
    """Score the engine on public gold data: SUITE is one of actors, plover-gsr, meantime,
    conflibert, quotes, news-quotes, litbank, fivew, dedup, or all."""
    from flashpoint import get_engine
    from flashpoint.evaluation import SUITES, load_suite

    shared = shared or _find_shared()
    names = list(SUITES) if suite == "all" else [suite]
    if suite != "all" and suite not in SUITES:
        raise click.BadParameter(
            f"unknown suite {suite!r}; choose one of: all, {', '.join(SUITES)}"
        )
    engine = get_engine()
    report = {}
    for name in names:
        module = load_suite(name)
        options: dict[str, Any] = {"limit": limit}
        if split is not None and "split" in inspect.signature(module.run).parameters:
            options["split"] = split
        report[name] = module.run(engine, shared, **options)
    if fmt == "json":
        click.echo(json.dumps(report, indent=2))
        return
    for name, result in report.items():
        click.echo(f"== {name}")
        for key, value in result.get("metrics", {}).items():
            click.echo(
                f"  {key:<32} {value:.4f}" if isinstance(value, float) else f"  {key:<32} {value}"
            )
        for note in result.get("notes", []):
            click.echo(f"  - {note}")


def _find_shared() -> Path:
    project = Path(__file__).resolve().parents[3]
    for candidate in (
        project.parent / "shared",
        Path.cwd().parent / "shared",
        Path.cwd() / "shared",
    ):
        if (candidate / "gold").is_dir():
            return candidate
    raise click.UsageError("cannot find the shared data folder; pass --shared PATH")


def _register_commands() -> None:
    """Commands of the later stages live in their own modules, each with ``register(cli)``."""
    from flashpoint.cli import dedup_cmds, serve_cmds, store_cmds, watch_cmds

    for module in (store_cmds, serve_cmds, dedup_cmds, watch_cmds):
        module.register(cli)


_register_commands()


def main() -> None:  # pragma: no cover - console entry point
    cli()
