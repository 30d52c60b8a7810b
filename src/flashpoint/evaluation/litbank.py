"""Direct quotes and speakers on LitBank quotations (``flashpoint eval litbank``, issue 5).

Gold: ``gold/litbank_quotations/*_brat.ann`` lines ``QUOTE id line tok line tok text`` (token
positions inclusive, quote marks included) and ``ATTRIB id Speaker_Name-n``; the ``.txt`` has
one tokenised sentence a line. The article text is the lines joined by newlines, with a
paragraph break before each line that opens with a quote mark (LitBank keeps no paragraphs).

Matching: a predicted direct quote matches a gold quote when their spans (gold without its
marks) share at least half of the longer one's characters. A speaker is correct when the gold
name ("Parson_Tringham") shares a content word with the predicted actor's name, or with the
speaker text when no actor was resolved. Literature, not news: a harder domain — unresolved
pronouns ("he said") count as wrong.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from flashpoint.evaluation.matching import MIN_OVERLAP, best_quote, names_match, overlap, ratio
from flashpoint.models import Article

NAME = "litbank"
DEFAULT_LIMIT = 20


def run(engine: Any, shared: Path, *, limit: int | None = None) -> dict[str, Any]:
    folder = shared / "gold" / "litbank_quotations"
    books = [
        p for p in sorted(folder.glob("*_brat.ann")) if "QUOTE" in p.read_text(encoding="utf-8")
    ]
    counts = dict.fromkeys(("gold", "pred", "hit", "pred_hit", "speaker_ok", "texts"), 0)
    for ann in books[: limit or DEFAULT_LIMIT]:
        _score_book(engine, ann, counts)
    return {
        "metrics": {
            "texts": counts["texts"],
            "gold_quotes": counts["gold"],
            "direct_recall": ratio(counts["hit"], counts["gold"]),
            "direct_precision": ratio(counts["pred_hit"], counts["pred"]),
            "speaker_accuracy": ratio(counts["speaker_ok"], counts["hit"]),
        },
        "notes": [
            "quotes matched by >= 50% character overlap; speaker by a shared name word "
            "with the actor name (or speaker text); literature, unresolved pronouns count wrong"
        ],
    }


def _score_book(engine: Any, ann: Path, counts: dict[str, int]) -> None:
    lines = ann.with_suffix(".txt").read_text(encoding="utf-8").split("\n")
    text, offsets = _text_and_offsets(lines)
    gold = _gold_quotes(ann, offsets)
    analysis = engine.analyze(Article(id=ann.stem, text=text))
    names = {actor.id: actor.name for actor in analysis.actors}
    preds = [q for q in analysis.quotes if q.kind == "direct"]
    counts["texts"] += 1
    counts["gold"] += len(gold)
    counts["pred"] += len(preds)
    for span, speaker in gold:
        quote = best_quote(span, preds)
        if quote is None:
            continue
        counts["hit"] += 1
        predicted = names.get(quote.speaker) if quote.speaker else quote.speaker_text
        if names_match(speaker, predicted):
            counts["speaker_ok"] += 1
    spans = [span for span, _ in gold]
    counts["pred_hit"] += sum(
        1
        for q in preds
        if any(overlap(s, (q.content.start, q.content.end)) >= MIN_OVERLAP for s in spans)
    )


def _text_and_offsets(lines: list[str]) -> tuple[str, list[list[tuple[int, int]]]]:
    """The text and, per line, each token's (start, end) character offsets.

    LitBank keeps no paragraphs; a line that opens with a quote mark starts one (printed
    dialogue gives each turn its own paragraph), other lines join the paragraph before.
    """
    offsets, pieces, position = [], [], 0
    for index, line in enumerate(lines):
        separator = "" if index == 0 else ("\n\n" if line.startswith('"') else "\n")
        pieces.append(separator + line)
        position += len(separator)
        offsets.append(
            [(position + m.start(), position + m.end()) for m in re.finditer(r"\S+", line)]
        )
        position += len(line)
    return "".join(pieces), offsets


def _gold_quotes(
    ann: Path, offsets: list[list[tuple[int, int]]]
) -> list[tuple[tuple[int, int], str]]:
    quotes: dict[str, tuple[int, int]] = {}
    speakers: dict[str, str] = {}
    for row in ann.read_text(encoding="utf-8").splitlines():
        cells = row.split("\t")
        if cells[0] == "QUOTE" and len(cells) >= 6:
            first = offsets[int(cells[2])][int(cells[3])]
            last = offsets[int(cells[4])][int(cells[5])]
            quotes[cells[1]] = _strip_marks(first, last, cells[6] if len(cells) > 6 else "")
        elif cells[0] == "ATTRIB" and len(cells) >= 3:
            speakers[cells[1]] = re.sub(r"-\d+$", "", cells[2]).replace("_", " ")
    return [(span, speakers.get(qid, "")) for qid, span in quotes.items()]


def _strip_marks(first: tuple[int, int], last: tuple[int, int], text: str) -> tuple[int, int]:
    """Gold spans include the quote-mark tokens; predictions exclude them."""
    start = first[1] + 1 if text.startswith('"') or text.startswith("“") else first[0]
    end = last[0] - 1 if text.rstrip().endswith(('"', "”")) else last[1]
    return start, max(start, end)
