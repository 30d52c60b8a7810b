"""``flashpoint eval meantime``: event factuality (certainty, polarity, time) vs MEANTIME.

Gold: ``../shared/gold/meantime_factuality_conll/corpus_*`` (CoNLL: index, token, event,
certainty, polarity, time). Test = corpus_stock; airbus/apple/gm are for development, scored from Python with
``run(engine, shared, corpora=("corpus_airbus", ...))``. Each document's tokens
are joined with spaces and parsed; for the first token of every gold event the engine's
factuality judgement (``events.modality.factuality``, the same cues the events use) is
compared with gold. Macro-F1 is over fixed label sets (including UNDERSPECIFIED, which the
engine never predicts), and the majority-class baseline is scored the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flashpoint.evaluation._scoring import accuracy, confusions, macro_f1
from flashpoint.events.codebook import load_codebook
from flashpoint.events.modality import factuality

NAME = "meantime"
TEST = ("corpus_stock",)
LABELS = {
    "certainty": ("CERTAIN", "PROBABLE", "POSSIBLE", "UNDERSPECIFIED"),
    "polarity": ("POS", "NEG", "UNDERSPECIFIED"),
    "time": ("NON_FUTURE", "FUTURE", "UNDERSPECIFIED"),
}
COLUMNS = {"certainty": 3, "polarity": 4, "time": 5}


def run(
    engine: Any, shared: Path, *, limit: int | None = None, corpora: tuple[str, ...] = TEST
) -> dict[str, Any]:
    root = shared / "gold" / "meantime_factuality_conll"
    files = sorted(f for corpus in corpora for f in (root / corpus).glob("*.conll"))
    files = files[:limit] if limit else files
    cues = load_codebook().cues
    gold: dict[str, list[str]] = {dim: [] for dim in LABELS}
    pred: dict[str, list[str]] = {dim: [] for dim in LABELS}
    for path in files:
        text, events = read_conll(path)
        doc = engine.nlp(text)
        for start, labels in events:
            token = _token_at(doc, start)
            if token is None:
                continue
            judged = factuality(token, cues)
            for dim in LABELS:
                gold[dim].append(labels[dim])
                pred[dim].append(getattr(judged, dim))
    return _report(gold, pred, len(files))


def _report(
    gold: dict[str, list[str]], pred: dict[str, list[str]], documents: int
) -> dict[str, Any]:
    metrics: dict[str, float] = {"documents": documents, "events": len(gold["time"])}
    notes = []
    for dim, labels in LABELS.items():
        majority = max(set(gold[dim]), key=gold[dim].count) if gold[dim] else ""
        baseline = [majority] * len(gold[dim])
        metrics[f"{dim}_accuracy"] = round(accuracy(gold[dim], pred[dim]), 4)
        metrics[f"{dim}_macro_f1"] = round(macro_f1(gold[dim], pred[dim], labels), 4)
        metrics[f"{dim}_majority_macro_f1"] = round(macro_f1(gold[dim], baseline, labels), 4)
        notes += [f"{dim}: {c}" for c in confusions(gold[dim], pred[dim], top=4)]
    return {"metrics": metrics, "notes": notes}


def read_conll(path: Path) -> tuple[str, list[tuple[int, dict[str, str]]]]:
    """The document text (tokens joined by spaces, sentences by newlines) and, for each gold
    event, the character offset of its first token and its labels."""
    parts: list[str] = []
    events: list[tuple[int, dict[str, str]]] = []
    offset = 0
    for line in path.read_text("utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) < 6:
            if parts and not parts[-1].endswith("\n"):
                parts[-1] += "\n"
                offset += 1
            continue
        token = fields[1]
        if fields[2].startswith("B-"):
            labels = {dim: _label(fields[col]) for dim, col in COLUMNS.items()}
            events.append((offset, labels))
        parts.append(token + " ")
        offset += len(token) + 1
    return "".join(parts), events


def _label(tag: str) -> str:
    """``B-CERTAIN-19`` -> ``CERTAIN``."""
    return tag.split("-", 1)[1].rsplit("-", 1)[0] if tag.count("-") >= 2 else "UNDERSPECIFIED"


def _token_at(doc: Any, start: int) -> Any:
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None
