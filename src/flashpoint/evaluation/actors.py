"""``flashpoint eval actors``: source/target country codes against the PLOVER GSR (issue 3).

Gold: ``../shared/gold/plover_gsr.json``; the DOCUMENT record is skipped. Each record's text
goes through the NLP pipeline and the actor resolver only. The gold codes of a record are its
source and target codes; the predicted codes are the codes of every actor the resolver finds
in the sentence (places are not actors). Precision and recall are micro-averaged over
records, on the sets of codes.

CAMEO codes are mapped in the scorer, never in the engine: JAP->JPN, ITL->ITA, VTN->VNM,
ISM->IMG. Category codes match by sector: gold "IGO" matches any actor of sector IGO (our
codes UNO, NATO, EUR, IAEA ...), gold "NGO" any actor of sector NGO, gold "IMG" (an
international militarised group) any stateless armed group (code IMG, such as ISIS and
al-Qaeda).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from flashpoint.models import Actor

NAME = "actors"
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ISM": "IMG"}
SECTOR_CODES = {"IGO": "IGO", "NGO": "NGO"}


def load(shared: Path, *, limit: int | None = None) -> list[dict[str, Any]]:
    records = json.loads((shared / "gold" / "plover_gsr.json").read_text(encoding="utf-8"))
    records = [r for r in records if r.get("event") != "DOCUMENT" and r.get("text")]
    return records[:limit] if limit else records


def gold_codes(side: Any) -> set[str]:
    """The codes of one gold side (a list of {actorText, code}, or "" when there is none)."""
    if not isinstance(side, list):
        return set()
    return {CAMEO_TO_ISO.get(a["code"], a["code"]) for a in side if a.get("code")}


def predicted_code(actor: Actor) -> str | None:
    """The code an actor is scored with: its sector for IGOs and NGOs, else its country."""
    if actor.sector in SECTOR_CODES:
        return SECTOR_CODES[actor.sector]
    return actor.country


def run(engine: Any, shared: Path, *, limit: int | None = None) -> dict[str, Any]:
    import flashpoint

    records = load(shared, limit=limit)
    docs = engine.nlp.pipe(r["text"] for r in records)
    predicted = []
    for record, doc in zip(records, docs, strict=True):
        article = flashpoint.make_article(record["text"], published=record.get("date"))
        actors = engine.resolver.resolve(doc, article).actors
        predicted.append({c for a in actors if (c := predicted_code(a))})
    return score(records, predicted)


def score(records: list[dict[str, Any]], predicted: list[set[str]]) -> dict[str, Any]:
    tp = n_gold = n_pred = scored = 0
    found = {"source": [0, 0], "target": [0, 0]}
    misses: dict[str, int] = {}
    for record, pred in zip(records, predicted, strict=True):
        gold = gold_codes(record.get("source")) | gold_codes(record.get("target"))
        if not gold:
            continue
        scored += 1
        tp += len(gold & pred)
        n_gold += len(gold)
        n_pred += len(pred)
        for code in gold - pred:
            misses[code] = misses.get(code, 0) + 1
        for side, counts in found.items():
            codes = gold_codes(record.get(side))
            if codes:
                counts[0] += codes <= pred
                counts[1] += 1
    result = _result(tp, n_gold, n_pred, found, misses)
    result["metrics"]["n"] = scored
    return result


def _result(
    tp: int, n_gold: int, n_pred: int, found: dict[str, list[int]], misses: dict[str, int]
) -> dict[str, Any]:
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    metrics = {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "source_found": round(found["source"][0] / max(found["source"][1], 1), 4),
        "target_found": round(found["target"][0] / max(found["target"][1], 1), 4),
    }
    top = sorted(misses.items(), key=lambda kv: -kv[1])[:10]
    notes = ["most missed gold codes: " + ", ".join(f"{c} {n}" for c, n in top)]
    return {"metrics": metrics, "notes": notes}
