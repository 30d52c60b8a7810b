"""Readable Rich view of one analysis (``flashpoint analyze --format table``)."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from flashpoint.models import Analysis, Event

MODALITY_STYLE = {"asserted": "green", "negated": "red", "hypothetical": "yellow", "future": "cyan"}


def render_analysis(analysis: Analysis, *, console: Console | None = None) -> None:
    # Piped output has no terminal width; 140 columns keep evidence sentences readable.
    console = console or (Console() if Console().is_terminal else Console(width=140))
    article = analysis.article
    console.rule(f"[bold]{article.title or article.id}[/bold]")
    console.print(
        f"id {article.id}  published {article.published or '?'}  source {article.source or '?'}"
    )
    names = {actor.id: actor.name for actor in analysis.actors}
    console.print(_actors_table(analysis))
    _print_events(console, analysis, names)
    console.print(_quotes_table(analysis, names))
    for skipped in analysis.skipped:
        console.print(
            f"[dim]skipped ({skipped.reason}) {skipped.start}-{skipped.end}: {skipped.text}[/dim]",
            markup=True,
            highlight=False,
        )
    for warning in analysis.warnings:
        console.print(f"[yellow]warning:[/yellow] {warning}")
    if analysis.headline:
        console.print(
            f"headline sensationalism {analysis.headline.get('score')}: {'; '.join(analysis.headline.get('reasons', []))}"
        )


def _actors_table(analysis: Analysis) -> Table:
    table = Table(title="Actors", show_lines=False)
    for column in ("id", "name", "kind", "country", "sector", "former", "description", "mentions"):
        table.add_column(column)
    for actor in analysis.actors:
        table.add_row(
            actor.id, actor.name, actor.kind, actor.country or "", actor.sector or "",
            "yes" if actor.former else "", actor.description or "", str(len(actor.mentions)),
        )  # fmt: skip
    return table


def _print_events(console: Console, analysis: Analysis, names: dict[str, str]) -> None:
    """One header line per event, then its evidence with the trigger underlined."""
    console.print(f"[bold]Events[/bold] ({len(analysis.events)})")
    for event in analysis.events:
        actor = ", ".join(p.code or p.text for p in event.actor) or "?"
        recipient = ", ".join(p.code or p.text for p in event.recipient) or "—"
        style = MODALITY_STYLE.get(event.modality, "")
        said = (
            f"  according to {names.get(event.attributed_to, event.attributed_to)}"
            if event.attributed_to
            else ""
        )
        when = f"  {event.date or '?'} ({event.date_precision or '?'})"
        where = f"  in {event.location['name']}" if event.location else ""
        console.print(
            f"[bold]{event.id}[/bold] {event.type} (CAMEO {event.cameo}, quad {event.quad_class})  "
            f"{escape(actor)} → {escape(recipient)}  [{style}]{event.modality}[/{style}]{escape(said)}{when}{escape(where)}",
            highlight=False,
        )
        console.print("    " + _highlight(event), highlight=False)


def _quotes_table(analysis: Analysis, names: dict[str, str]) -> Table:
    table = Table(title="Quotes", show_lines=True)
    for column in ("id", "kind", "speaker", "content"):
        table.add_column(column, overflow="fold")
    for quote in analysis.quotes:
        speaker = names.get(quote.speaker or "", quote.speaker_text or "?")
        content = quote.content.text + (" …" if quote.continues else "")
        table.add_row(quote.id, quote.kind, speaker, content)
    return table


def _highlight(event: Event) -> str:
    evidence, trigger = event.evidence, event.trigger
    before = evidence.text[: trigger.start - evidence.start]
    after = evidence.text[trigger.end - evidence.start :]
    return f"{escape(before.lstrip())}[bold underline]{escape(trigger.text)}[/bold underline]{escape(after.rstrip())}"
