"""Train the speaker ranker's weights (``src/flashpoint/quotes/data/speaker_ranker.json``).

Runs the engine with the ranker off over the ``dev`` articles of ``flashpoint eval
news-quotes`` (hand labels in ``src/flashpoint/evaluation/data/news_quotes.jsonl``, texts read
from ``../shared``), builds each found quote's candidates (``quotes.ranker.candidates``),
marks the right ones with the scorer's own rule (``newsquotes.speaker_correct``) and fits
the weights (``ranker.fit``). The ``test`` articles are never read here, so ``flashpoint eval
news-quotes --split test`` stays a held-out measure of the ranker. Prints each feature's
weight and the dev accuracy of the rules and of the ranker.

    .venv/bin/python bench/train_speaker_ranker.py            # writes the weights file
    .venv/bin/python bench/train_speaker_ranker.py --dry-run  # prints, writes nothing
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
from pathlib import Path

from flashpoint.engine import Engine
from flashpoint.evaluation import newsquotes
from flashpoint.evaluation.matching import best_quote
from flashpoint.models import Actor
from flashpoint.quotes import ranker
from flashpoint.quotes.lexicon import load_lexicon
from flashpoint.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
WEIGHTS = ROOT / "src" / "flashpoint" / "quotes" / "data" / "speaker_ranker.json"


def examples(shared: Path, split: str) -> list[tuple[list[ranker.Candidate], list[bool], bool]]:
    """Candidates of every found, non-ambiguous gold quote, which are right, and whether the
    rules were right."""
    engine = Engine(dataclasses.replace(Settings(), speaker_ranker=False))
    items = newsquotes.load_labels(split=split)
    records = newsquotes.load_records(shared, {a["id"] for a in items})
    lexicon = load_lexicon()
    out = []
    for item in items:
        record = records[item["id"]]
        newsquotes.check_labels(record, item["quotes"])
        article, offset = newsquotes.build_article(record)
        doc, analysis = engine.analyze_with_doc(article)
        actors = {a.id: a for a in analysis.actors}
        found = {
            id(q): c for q, c in ranker.candidates(doc, analysis.quotes, analysis.actors, lexicon)
        }
        preds = [q for q in analysis.quotes if q.kind == "direct"]
        for gold in item["quotes"]:
            span = (gold["start"] + offset, gold["end"] + offset)
            match = best_quote(span, preds)
            if match is None or gold.get("ambiguous"):
                continue
            cands = found[id(match)]
            right = [_right(gold, match, c, actors) for c in cands]
            out.append((cands, right, newsquotes.speaker_correct(gold, match, actors)))
    return out


def _right(gold, quote, cand: ranker.Candidate, actors: dict[str, Actor]) -> bool:
    chosen = quote if cand.actor is None else dataclasses.replace(quote, speaker=cand.actor)
    return newsquotes.speaker_correct(gold, chosen, actors)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--l2", type=float, default=0.001)
    ap.add_argument("--steps", type=int, default=300)
    ap.add_argument("--dry-run", action="store_true", help="print, do not write the weights")
    args = ap.parse_args()
    if not (args.shared / newsquotes.CORPUS).exists():
        sys.exit(f"no corpus at {args.shared / newsquotes.CORPUS}: nothing to train on")
    data = examples(args.shared, "dev")
    weights = ranker.fit([(c, r) for c, r, _ in data], l2=args.l2, steps=args.steps)
    rules = sum(ok for _, _, ok in data) / len(data)
    picked = [ranker.best(c, weights) for c, _, _ in data]
    learnt = sum(r[c.index(p)] for (c, r, _), p in zip(data, picked, strict=True)) / len(data)
    for name, value in sorted(weights.items(), key=lambda kv: -abs(kv[1])):
        print(f"{name:28s} {value:+.3f}")
    print(
        f"dev quotes {len(data)}: speakers right, rules {rules:.4f}, ranker {learnt:.4f} (in-sample)"
    )
    if args.dry_run:
        return
    meta = {
        "trained": dt.date.today().isoformat(),
        "on": "flashpoint eval news-quotes, split dev",
        "quotes": len(data),
        "l2": args.l2,
        "steps": args.steps,
        "dev_rules": round(rules, 4),
        "dev_ranker_in_sample": round(learnt, 4),
    }
    WEIGHTS.write_text(json.dumps({"meta": meta, "weights": weights}, indent=1) + "\n", "utf-8")
    print(f"wrote {WEIGHTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
