"""Quote extraction on the team's own fixtures (``flashpoint eval quotes``, issue 5).

Fixtures are ``tests/fixtures/quotes/NAME.txt`` (first line title, blank line, body) with
``NAME.json``: ``{"published": ISO date, "quotes": [{"kind", "content", "speaker", ...}]}``.
``content`` is the exact text inside the marks (direct) or the reported clause (indirect);
``speaker`` is the speaker's fullest name, null for an unnamed one, or a list of
acceptable answers.

Matching: a predicted quote matches a gold one of the same kind when their spans share at
least half of the longer one's characters. A speaker is correct when the gold name shares a
content word with the predicted actor's name (or, when the engine made no actor, with its
speaker text); a null gold speaker needs a null predicted actor.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from flashpoint.evaluation.matching import MIN_OVERLAP, best_quote, names_match, overlap, ratio
from flashpoint.ingest.readers import read_text_article
from flashpoint.models import Analysis, Quote

NAME = "quotes"
FIXTURES = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "quotes"


def run(
    engine: Any, shared: Path, *, limit: int | None = None, fixtures: Path = FIXTURES
) -> dict[str, Any]:
    """Recall/precision of direct and indirect quotes and speaker accuracy on the fixtures."""
    counts: dict[str, int] = dict.fromkeys(
        ("direct_gold", "direct_pred", "direct_hit", "direct_pred_hit", "direct_speaker_ok",
         "indirect_gold", "indirect_pred", "indirect_hit", "indirect_pred_hit",
         "indirect_speaker_ok", "continues_ok", "articles"), 0)  # fmt: skip
    notes: list[str] = []
    for path in sorted(fixtures.glob("*.txt"))[:limit]:
        gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        article = read_text_article(
            path.read_bytes(), name=str(path), published=dt.date.fromisoformat(gold["published"])
        )
        analysis = engine.analyze(article)
        _score_article(analysis, gold["quotes"], counts, notes, path.stem)
        counts["articles"] += 1
    return {"metrics": _metrics(counts), "notes": notes}


def _score_article(
    analysis: Analysis,
    gold: list[dict[str, Any]],
    counts: dict[str, int],
    notes: list[str],
    name: str,
) -> None:
    text = analysis.article.text
    names = {actor.id: actor.name for actor in analysis.actors}
    for kind in ("direct", "indirect"):
        golds = [(g, _locate(text, g["content"])) for g in gold if g["kind"] == kind]
        preds = [q for q in analysis.quotes if q.kind == kind]
        counts[f"{kind}_gold"] += len(golds)
        counts[f"{kind}_pred"] += len(preds)
        for item, span in golds:
            match = best_quote(span, preds)
            if match is None:
                notes.append(f"{name}: missed {kind} quote {item['content'][:50]!r}")
                continue
            counts[f"{kind}_hit"] += 1
            if speaker_correct(item, match, names):
                counts[f"{kind}_speaker_ok"] += 1
            else:
                who = names.get(match.speaker or "", match.speaker_text)
                notes.append(
                    f"{name}: speaker {who!r} for {item['content'][:40]!r}, gold {item['speaker']!r}"
                )
            if kind == "direct" and match.continues == item.get("continues", False):
                counts["continues_ok"] += 1
        for quote in preds:
            if any(
                overlap((quote.content.start, quote.content.end), s) >= MIN_OVERLAP
                for _, s in golds
            ):
                counts[f"{kind}_pred_hit"] += 1
            else:
                notes.append(f"{name}: extra {kind} quote {quote.content.text[:50]!r}")


def _locate(text: str, content: str) -> tuple[int, int]:
    start = text.find(content)
    if start < 0:
        raise ValueError(f"fixture quote not found in its text: {content!r}")
    return start, start + len(content)


def speaker_correct(gold: dict[str, Any], quote: Quote, names: dict[str, str]) -> bool:
    """The matching rule of the module docstring."""
    answers = gold["speaker"] if isinstance(gold["speaker"], list) else [gold["speaker"]]
    predicted = names.get(quote.speaker) if quote.speaker else quote.speaker_text
    for answer in answers:
        if answer is None and quote.speaker is None:
            return True
        if answer is not None and names_match(answer, predicted):
            return True
    return False


def _metrics(c: dict[str, int]) -> dict[str, float]:
    return {
        "articles": c["articles"],
        "direct_gold": c["direct_gold"],
        "direct_recall": ratio(c["direct_hit"], c["direct_gold"]),
        "direct_precision": ratio(c["direct_pred_hit"], c["direct_pred"]),
        "direct_speaker_accuracy": ratio(c["direct_speaker_ok"], c["direct_hit"]),
        "continues_accuracy": ratio(c["continues_ok"], c["direct_hit"]),
        "indirect_gold": c["indirect_gold"],
        "indirect_recall": ratio(c["indirect_hit"], c["indirect_gold"]),
        "indirect_precision": ratio(c["indirect_pred_hit"], c["indirect_pred"]),
        "indirect_speaker_accuracy": ratio(c["indirect_speaker_ok"], c["indirect_hit"]),
    }
