"""``flashpoint eval plover-gsr``: event type and full records against the PLOVER GSR.

Gold: ``../shared/gold/plover_gsr.json`` (one coded sentence per record; the DOCUMENT
record is skipped). Early PLOVER names are mapped (DEMAND->REQUEST, DISAPPROVE and
INVESTIGATE->ACCUSE, FIGHT->ASSAULT). Each sentence goes through the whole engine; the
prediction is the sentence's best event: highest confidence, the earliest on ties (the
confidence favours verbal triggers at the root of the sentence with resolved parties).
Full-record match = same type, and the source and target country sets overlap the
predicted actor and recipient sets (an empty gold side matches anything; for reciprocal
CONSULT/AGREE events, with every party as actor, the target is compared with the actors).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flashpoint.evaluation._scoring import accuracy, confusions, macro_f1
from flashpoint.models import PLOVER_TYPES, Event, Party

NAME = "plover-gsr"
EARLY_NAMES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
CAMEO_COUNTRY = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}  # CAMEO codes that are not ISO
NO_EVENT = "(none)"

EventsOf = Callable[[str, str | None], list[Event]]


def run(engine: Any, shared: Path, *, limit: int | None = None) -> dict[str, Any]:
    import flashpoint

    def events_of(text: str, date: str | None) -> list[Event]:
        return engine.analyze(flashpoint.make_article(text, published=date)).events

    return score(load(shared, limit=limit), events_of)


def load(shared: Path, *, limit: int | None = None) -> list[dict[str, Any]]:
    records = json.loads((shared / "gold" / "plover_gsr.json").read_text("utf-8"))
    records = [r for r in records if r.get("event") != "DOCUMENT" and r.get("text")]
    return records[:limit] if limit else records


def gold_type(record: dict[str, Any]) -> str:
    return EARLY_NAMES.get(record["event"], record["event"])


def best_event(events: list[Event]) -> Event | None:
    return max(events, key=lambda e: (e.confidence, -e.trigger.start), default=None)


def score(records: list[dict[str, Any]], events_of: EventsOf) -> dict[str, Any]:
    gold, pred, full = [], [], 0
    for record in records:
        event = best_event(events_of(record["text"], record.get("date")))
        gold.append(gold_type(record))
        pred.append(event.type if event else NO_EVENT)
        full += event is not None and full_match(record, event)
    labels = [t for t in PLOVER_TYPES if t in gold or t in pred]
    metrics = {
        "type_accuracy": round(accuracy(gold, pred), 4),
        "type_macro_f1": round(macro_f1(gold, pred, labels), 4),
        "full_record_match": round(full / len(records), 4) if records else 0.0,
        "no_event_rate": round(pred.count(NO_EVENT) / len(records), 4) if records else 0.0,
        "sentences": len(records),
    }
    return {
        "metrics": metrics,
        "notes": ["confusions (gold -> predicted):", *confusions(gold, pred)],
    }


def full_match(record: dict[str, Any], event: Event) -> bool:
    if event.type != gold_type(record):
        return False
    sources, targets = _gold_codes(record.get("source")), _gold_codes(record.get("target"))
    actor, recipient = _codes(event.actor), _codes(event.recipient)
    if not event.recipient and event.type in ("CONSULT", "AGREE"):
        recipient = actor  # reciprocal: every party is an actor (PLOVER 2.4.2)
    return (not sources or bool(sources & actor)) and (not targets or bool(targets & recipient))


def _gold_codes(side: Any) -> set[str]:
    if not isinstance(side, list):
        return set()
    return {CAMEO_COUNTRY.get(a.get("code"), a.get("code")) for a in side if a.get("code")}


def _codes(parties: list[Party]) -> set[str]:
    codes = {p.code for p in parties if p.code}
    return codes | {p.sector for p in parties if p.sector in ("IGO", "NGO")}
