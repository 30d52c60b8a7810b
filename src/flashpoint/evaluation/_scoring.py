"""Small shared scoring helpers for the gold-data suites (accuracy, macro-F1, confusions)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence


def accuracy(gold: Sequence[str], pred: Sequence[str]) -> float:
    return sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold) if gold else 0.0


def macro_f1(
    gold: Sequence[str], pred: Sequence[str], labels: Iterable[str] | None = None
) -> float:
    """Unweighted mean F1 over ``labels`` (default: labels seen in gold or prediction)."""
    labels = sorted(set(labels) if labels is not None else set(gold) | set(pred))
    scores = []
    for label in labels:
        tp = sum(g == p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(p == label != g for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label != p for g, p in zip(gold, pred, strict=True))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


def confusions(gold: Sequence[str], pred: Sequence[str], top: int = 12) -> list[str]:
    """The most frequent gold -> predicted mistakes, as readable notes."""
    counts = Counter((g, p) for g, p in zip(gold, pred, strict=True) if g != p)
    return [f"{g} -> {p}: {n}" for (g, p), n in counts.most_common(top)]
