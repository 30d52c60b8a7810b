"""Full pipeline throughput against a bare ``nlp.pipe`` of the same model (issue 7, item 1).

Both run in this process on the same articles, after a warm-up, alternating ``--repeat``
times (best run of each kept), so the machine's load hits both alike. The ratio
full / bare is the figure that matters (goal >= 0.8). ``--profile`` then runs the full
pipeline once more under pyinstrument and prints where the time goes.

    .venv/bin/python bench/pipeline_ratio.py                  # all 3,472 geopolitics articles
    .venv/bin/python bench/pipeline_ratio.py --limit 500 --profile
    .venv/bin/python bench/pipeline_ratio.py --smoke
"""

from __future__ import annotations

import time
from typing import Any

import _common

# Functions of the full pipeline whose inclusive time the profile summary shows.
STAGES = {
    "find_skipped": "boilerplate detection",
    "mask": "masking boilerplate and headline",
    "resolve": "actors (resolve)",
    "extract_quotes": "quotes",
    "extract": "events",
    "assign_dates": "dates",
    "assign_locations": "places",
    "headline_signal": "headline",
    "to_dict": "to_dict (JSON record)",
}


def main() -> None:
    ap = _common.parser(__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=_common.Path, default=_common.GEOPOLITICS)
    ap.add_argument("--limit", type=int, default=0, help="first N articles (0: all)")
    ap.add_argument("--repeat", type=int, default=1, help="alternating runs; best kept")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--profile", action="store_true", help="profile the full pipeline")
    args = ap.parse_args()
    started_load = _common.load()
    articles = (_common.smoke_articles() if args.smoke
                else _common.corpus_articles(args.corpus, args.limit or None))  # fmt: skip
    import dataclasses

    from flashpoint.engine import Engine
    from flashpoint.settings import Settings

    engine = Engine(dataclasses.replace(Settings(), batch_size=args.batch_size))
    texts = [a.text for a in articles]
    _full(engine, articles[:4]), _bare(engine, texts[:4])  # warm-up: lazy loads, caches
    bare, full = [], []
    for _ in range(max(1, args.repeat)):
        bare.append(_bare(engine, texts))
        full.append(_full(engine, articles))
    words = sum(len(t.split()) for t in texts)
    best_bare, best_full = min(bare), min(full)
    rows = [
        ("bare nlp.pipe", len(texts), best_bare, len(texts) / best_bare, words / best_bare),
        ("full pipeline", len(texts), best_full, len(texts) / best_full, words / best_full),
    ]
    body = _common.table(("run", "articles", "seconds", "articles/s", "words/s"), rows)
    body += f"\n\nratio full / bare: **{best_bare / best_full:.2f}** (goal >= 0.8; "
    body += f"model {engine.settings.model}, batch size {args.batch_size}, "
    body += f"{words:,} words, best of {max(1, args.repeat)})\n"
    if args.profile:
        body += "\n" + _profile(engine, articles)
    _common.report("pipeline_ratio", "Pipeline vs bare nlp.pipe", body, args=args,
                   started_load=started_load)  # fmt: skip


def _bare(engine: Any, texts: list[str]) -> float:
    started = time.perf_counter()
    for _doc in engine.nlp.pipe(texts, batch_size=engine.settings.batch_size):
        pass
    return time.perf_counter() - started


def _full(engine: Any, articles: list) -> float:
    started = time.perf_counter()
    for result in engine.analyze_many(articles):
        if hasattr(result, "to_dict"):
            result.to_dict()
    return time.perf_counter() - started


def _profile(engine: Any, articles: list) -> str:
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.002)
    profiler.start()
    _full(engine, articles)
    profiler.stop()
    session = profiler.last_session
    total = session.duration if session else 0.0
    spent: dict[str, float] = {}
    root = profiler.last_session.root_frame() if session else None
    if root is not None:
        _walk(root, spent)
    rows = [(STAGES[name], seconds, 100 * seconds / total if total else 0.0)
            for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1])]  # fmt: skip
    accounted = sum(spent.values())
    rows.append(("spaCy nlp.pipe and the rest (not attributed to a stage)", total - accounted,
                 100 * (total - accounted) / total if total else 0.0))  # fmt: skip
    # spaCy's components run as Cython generators, so pyinstrument cannot hang the parse
    # under the stage that pulls it; the parse is what the stages leave unaccounted for.
    text = (
        "Where the full pipeline's time goes (pyinstrument, inclusive time of each stage; "
        f"the profiled run took {total:.0f} s, profiling adds overhead, so read the shares):\n\n"
    )
    text += _common.table(("stage", "seconds", "% of total"), rows)
    print(profiler.output_text(unicode=False, color=False, show_all=False))
    return text + "\n"


def _walk(frame: Any, spent: dict[str, float]) -> None:
    """Add the time of the outermost call of each stage; do not count nested calls twice."""
    name = (frame.function or "").rsplit(".", 1)[-1]
    if name in STAGES and "flashpoint" in (frame.file_path or ""):
        spent[name] = spent.get(name, 0.0) + frame.time
        return
    for child in frame.children:
        _walk(child, spent)


if __name__ == "__main__":
    main()
