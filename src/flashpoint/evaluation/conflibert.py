"""``flashpoint eval conflibert``: QuadClass / statement of a sentence (ConfliBERT CAMEO set).

Gold: ``../shared/gold/conflibert_cameo/cameo_class/test.tsv`` (sentence TAB label: 0 plain
statement, 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
conflict). The prediction is the CAMEO QuadClass of the sentence's best event (the same
choice as plover-gsr: highest confidence); no event means 0. The CAMEO QuadClass of the
event's CAMEO code is used (not PLOVER's table 7.2), because the gold is CAMEO-coded.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from flashpoint.evaluation._scoring import accuracy, confusions, macro_f1
from flashpoint.evaluation.gsr import best_event
from flashpoint.events.codebook import Codebook, load_codebook
from flashpoint.models import Event

NAME = "conflibert"
LABELS = ("0", "1", "2", "3", "4")


def run(engine: Any, shared: Path, *, limit: int | None = None) -> dict[str, Any]:
    import flashpoint

    path = shared / "gold" / "conflibert_cameo" / "cameo_class" / "test.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE) if len(r) >= 2]
    rows = rows[:limit] if limit else rows
    book = load_codebook()
    gold, pred = [], []
    for text, label in rows:
        events = engine.analyze(flashpoint.make_article(text)).events if text.strip() else []
        gold.append(label.strip())
        pred.append(quad_label(best_event(events), book))
    majority = max(set(gold), key=gold.count) if gold else "0"
    metrics = {
        "accuracy": round(accuracy(gold, pred), 4),
        "macro_f1": round(macro_f1(gold, pred, LABELS), 4),
        "majority_accuracy": round(accuracy(gold, [majority] * len(gold)), 4),
        "sentences": len(gold),
    }
    return {
        "metrics": metrics,
        "notes": ["confusions (gold -> predicted):", *confusions(gold, pred)],
    }


def quad_label(event: Event | None, book: Codebook) -> str:
    if event is None:
        return "0"
    row = book.cameo.get(event.cameo or "")
    return row["quad_class"] if row else str(event.quad_class or 0)
