"""The headline signal: how far a title's alarm outruns its body's certainty (issue 5).

Inputs: alarm terms found in the title (data/alarm_terms.txt, plus all-caps teaser words of
3+ letters), hedges in the body (data/hedges.txt), and the share of events that are
hypothetical/future or only attributed to a speaker.

Score (0-1, every part reported in ``reasons``)::

    alarm      = min(1, sum of term weights + 0.15 * all_caps_words)  # title, capped at 1
                 (weights in data/alarm_terms.txt: 1.0 for "World War 3", 0.35 for "threat")
    hedging    = min(1, hedges per 100 body words / 2)                 # 2 per 100 words = 1
    uncertain  = (hypothetical_share + attributed_share) / 2
    score      = alarm * (0.4 + 0.3 * hedging + 0.3 * uncertain)

A loud title over a confident, first-hand body scores at most 0.4; over a hedged, second-hand
body it approaches 1. A calm title scores 0 whatever the body says.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from flashpoint.models import Article, Event, Quote
from flashpoint.nlp.text import text_of
from flashpoint.quotes.lexicon import read_list

ALL_CAPS = re.compile(r"\b[A-Z]{3,}\b")
CAPS_EXCEPTIONS = frozenset({"USA", "NATO", "ISIS", "IRGC", "OPEC", "UAE", "EU", "UN"})
WORDS = re.compile(r"\w+")


def _alternation(terms: Iterable[str]) -> re.Pattern[str]:
    ordered = sorted(terms, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(t) for t in ordered) + r")\b", re.I)


@lru_cache(maxsize=1)
def _lexicon() -> tuple[re.Pattern[str], dict[str, float], re.Pattern[str]]:
    """Alarm pattern, alarm weights and hedge pattern from the data files."""
    weights = {}
    for row in read_list("flashpoint.headline", "alarm_terms.txt"):
        term, _, weight = row.partition("\t")
        weights[term.strip()] = float(weight or 0.35)
    hedges = read_list("flashpoint.headline", "hedges.txt")
    return _alternation(weights), weights, _alternation(hedges)


def headline_signal(
    article: Article, doc: Doc, events: list[Event], quotes: list[Quote]
) -> dict[str, Any]:
    """The per-article ``headline`` block of the output contract."""
    alarm_pattern, weights, hedge_pattern = _lexicon()
    title = article.title or ""
    offset = article.title_span.start if article.title_span is not None else None
    alarms = [_span(m.start(), m.end(), m.group(), offset) for m in alarm_pattern.finditer(title)]
    for alarm in alarms:
        alarm["weight"] = weights.get(alarm["text"].lower(), 0.35)
    caps = [m for m in ALL_CAPS.finditer(title) if m.group() not in CAPS_EXCEPTIONS]
    taken = {(a["text"], a["start"]) for a in alarms}
    caps_spans = [_span(m.start(), m.end(), m.group(), offset) for m in caps]
    caps_spans = [dict(c, weight=0.15) for c in caps_spans if (c["text"], c["start"]) not in taken]
    hedges = [
        _span(m.start(), m.end(), m.group(), 0)
        for m in hedge_pattern.finditer(text_of(doc))
        if not _is_date_word(doc, m.start(), m.end())
    ]
    body_words = max(1, len(WORDS.findall(text_of(doc))))
    attributed, hypothetical = _shares(events)
    return _score(title, alarms, caps_spans, hedges, body_words, attributed, hypothetical)


def _is_date_word(doc: Doc, start: int, end: int) -> bool:
    """'May' the month is not the hedge 'may'."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.ent_type_ == "DATE" or t.text == "May" for t in span)


def _span(start: int, end: int, text: str, offset: int | None) -> dict[str, Any]:
    if offset is None:
        return {"text": text, "start": None, "end": None}
    return {"text": text, "start": start + offset, "end": end + offset}


def _shares(events: list[Event]) -> tuple[float, float]:
    if not events:
        return 0.0, 0.0
    attributed = sum(1 for e in events if e.attributed_to is not None) / len(events)
    hypothetical = sum(1 for e in events if e.modality in ("hypothetical", "future")) / len(events)
    return round(attributed, 3), round(hypothetical, 3)


def _score(
    title: str,
    alarms: list[dict[str, Any]],
    caps: list[dict[str, Any]],
    hedges: list[dict[str, Any]],
    body_words: int,
    attributed: float,
    hypothetical: float,
) -> dict[str, Any]:
    alarm = min(1.0, sum(a["weight"] for a in alarms + caps))
    per_100 = 100 * len(hedges) / body_words
    hedging = min(1.0, per_100 / 2)
    uncertain = (hypothetical + attributed) / 2
    score = alarm * (0.4 + 0.3 * hedging + 0.3 * uncertain)
    terms = ", ".join(f"“{a['text']}”" for a in alarms + caps) or "none"
    reasons = [
        f"alarm {alarm:.2f}: title alarm terms {terms} (weights from data/alarm_terms.txt, all-caps words 0.15 each, max 1)",
        f"hedging {hedging:.2f}: {len(hedges)} hedges in {body_words} body words "
        f"({per_100:.1f} per 100 words; 2 per 100 = 1)",
        f"uncertain {uncertain:.2f}: mean of hypothetical/future share {hypothetical:.2f} "
        f"and attributed share {attributed:.2f} of events",
        f"score = alarm × (0.4 + 0.3 × hedging + 0.3 × uncertain) = {score:.2f}",
    ]
    return {
        "title": title or None,
        "alarm_terms": alarms + caps,
        "body_hedges": hedges,
        "attributed_share": attributed,
        "hypothetical_share": hypothetical,
        "score": round(score, 3),
        "reasons": reasons,
    }
