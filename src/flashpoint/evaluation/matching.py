"""Matching rules shared by the quote scorers (documented in each suite's notes)."""

from __future__ import annotations

import re

NAME_STOPWORDS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sir",
        "lord",
        "lady",
        "the",
        "a",
        "an",
        "of",
        "and",
        "for",
        "president",
        "minister",
        "senator",
        "captain",
        "admiral",
        "general",
        "colonel",
        "governor",
    ]
)
WORD = re.compile(r"[\w]+")


def name_words(name: str) -> set[str]:
    """Content words of a name, lower case: 'Mr Hossein Rassam' -> {'hossein', 'rassam'}."""
    return {w for w in WORD.findall(name.lower().replace("_", " ")) if w not in NAME_STOPWORDS}


def names_match(gold: str, predicted: str | None) -> bool:
    """Two names refer to the same speaker when they share a content word."""
    return bool(predicted) and bool(name_words(gold) & name_words(predicted or ""))


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Shared characters as a share of the longer span (0-1)."""
    shared = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return shared / max(1, a[1] - a[0], b[1] - b[0])


def ratio(numerator: float, denominator: float) -> float:
    return round(numerator / denominator, 4) if denominator else 0.0
