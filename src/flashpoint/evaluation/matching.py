"""Matching rules shared by the quote scorers (documented in each suite's notes)."""

from __future__ import annotations

import re

from flashpoint.models import Quote

MIN_OVERLAP = 0.5  # a predicted quote matches a gold one sharing half of the longer span

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
    """Two names refer to the same speaker when they share a content word, or when one is
    the other's acronym ("CAIR", "Council on American-Islamic Relations")."""
    if not predicted:
        return False
    if name_words(gold) & name_words(predicted):
        return True
    return _acronym(gold, predicted) or _acronym(predicted, gold)


def _acronym(short: str, long: str) -> bool:
    """'EU' for 'European Union': the initials of the longer name's capitalised words."""
    if not (short.isupper() and short.isalpha() and 2 <= len(short) <= 6):
        return False
    initials = "".join(w[0] for w in re.split(r"[\s-]+", long) if w[:1].isupper())
    return len(initials) >= 2 and initials == short


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Shared characters as a share of the longer span (0-1)."""
    shared = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return shared / max(1, a[1] - a[0], b[1] - b[0])


def ratio(numerator: float, denominator: float) -> float:
    return round(numerator / denominator, 4) if denominator else 0.0


def best_quote(span: tuple[int, int], quotes: list[Quote]) -> Quote | None:
    """The quote whose content shares the most characters with ``span``, if that is at least
    ``MIN_OVERLAP`` of the longer of the two."""
    scored = [(overlap(span, (q.content.start, q.content.end)), q) for q in quotes]
    scored = [(s, q) for s, q in scored if s >= MIN_OVERLAP]
    return max(scored, key=lambda sq: sq[0])[1] if scored else None
