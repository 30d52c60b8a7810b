"""Main-event date and place against Giveme5W1H's "when"/"where" (``flashpoint eval fivew``).

Gold: ``corpora/giveme5w1h_gold_standard_5w1h.jsonl``, one news article a line with
``fiveWoneH.when.annotated[].parsed`` (ISO date) and ``fiveWoneH.where.annotated[].text``.
The article is analysed as published on its ``date``; the *main event* is the first event of
the text (news leads with it); ``confident_*`` metrics use the most confident event instead.

Matching rules:
- date: agrees when a gold ``parsed`` date falls inside the main event's period (a day, or the
  week / month / year / range starting at ``date``; ``published`` counts as that day).
- place: agrees when the main event's location text or name and a gold "where" phrase contain
  one another (case-insensitive), or the gold phrase names the location's country.
Rates are over all articles with a gold annotation; ``*_coverage`` is how often the main event
has a date expression of its own / a location at all. ``published_baseline`` is how often the
publication date alone agrees with the gold "when", for comparison.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from flashpoint.evaluation.matching import ratio
from flashpoint.models import Article, Event

NAME = "fivew"
CORPUS = "corpora/giveme5w1h_gold_standard_5w1h.jsonl"
MAIN_EVENT_RULE = "first"
PERIOD_DAYS = {"day": 1, "published": 1, "week": 7, "month": 31, "year": 366}


def run(engine: Any, shared: Path, *, limit: int | None = None) -> dict[str, Any]:
    rows = [json.loads(line) for line in (shared / CORPUS).read_text(encoding="utf-8").splitlines()]
    counts: dict[str, int] = defaultdict(int)
    for row in rows[:limit]:
        _score(engine, row, counts)
    return {"metrics": _metrics(counts), "notes": [__doc__.split("Matching rules:")[1].strip()]}


def _score(engine: Any, row: dict[str, Any], counts: dict[str, int]) -> None:
    published = _published(row.get("date"))
    article = Article(id=row["id"], text=row["text"], title=row.get("title"), published=published)
    analysis = engine.analyze(article)
    counts["articles"] += 1
    whens = [a["parsed"] for a in row["fiveWoneH"]["when"]["annotated"] if a.get("parsed")]
    wheres = [a["text"] for a in row["fiveWoneH"]["where"]["annotated"] if a.get("text")]
    counts["when_gold"] += bool(whens)
    counts["where_gold"] += bool(wheres)
    counts["baseline_ok"] += (
        bool(whens) and published is not None and published.isoformat() in whens
    )
    for rule, prefix in (("first", ""), ("confident", "confident_")):
        event = main_event(analysis.events, rule)
        if event is None:
            counts[prefix + "no_event"] += 1
            continue
        if whens:
            counts[prefix + "when_own"] += event.date_text is not None
            counts[prefix + "when_ok"] += date_agrees(event, whens)
        if wheres and event.location is not None:
            counts[prefix + "where_found"] += 1
            counts[prefix + "where_ok"] += place_agrees(event.location, wheres)


def _published(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None  # a few records have no date: relative dates stay unresolved


def main_event(events: list[Event], rule: str = MAIN_EVENT_RULE) -> Event | None:
    """The first event of the text (the lead, in news), or the most confident one."""
    if rule == "first":
        return min(events, key=lambda e: e.trigger.start, default=None)
    best: Event | None = None
    for event in events:
        if best is None or event.confidence > best.confidence:
            best = event
    return best


def date_agrees(event: Event, whens: list[str]) -> bool:
    if event.date is None or event.date_precision is None:
        return False
    start = dt.date.fromisoformat(event.date)
    days = PERIOD_DAYS.get(event.date_precision)
    if event.date_precision == "range":
        days = 366 * 3
    if event.date_precision == "month":
        days = 31 if start.month != 2 else 29
    end = start + dt.timedelta(days=days or 1)
    return any(start <= dt.date.fromisoformat(w) < end for w in whens)


def place_agrees(location: dict[str, Any], wheres: list[str]) -> bool:
    names = {str(location.get(k) or "").lower() for k in ("text", "name")} - {""}
    for where in (w.lower() for w in wheres):
        if any(n in where or where in n for n in names):
            return True
    return False


def _metrics(c: dict[str, int]) -> dict[str, float]:
    metrics: dict[str, float] = {
        "articles": c["articles"],
        "published_baseline": ratio(c["baseline_ok"], c["when_gold"]),
    }
    for prefix in ("", "confident_"):
        metrics |= {
            f"{prefix}main_event_found": ratio(
                c["articles"] - c[prefix + "no_event"], c["articles"]
            ),
            f"{prefix}date_agreement": ratio(c[prefix + "when_ok"], c["when_gold"]),
            f"{prefix}date_own_expression_coverage": ratio(c[prefix + "when_own"], c["when_gold"]),
            f"{prefix}place_agreement": ratio(c[prefix + "where_ok"], c["where_gold"]),
            f"{prefix}place_coverage": ratio(c[prefix + "where_found"], c["where_gold"]),
        }
    return metrics
