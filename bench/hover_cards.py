"""What hover-card masking removes from articles of The Hill (docs/schema.md, ``skipped``).

Runs the engine twice on the first ``--limit`` geopolitics articles from The Hill that hold a
hover card: as shipped, and with hover cards left in the text. Prints actors, events and
actors whose name has a word glued to the next ("KennedyMORE", "TrumpGOP").

    .venv/bin/python bench/hover_cards.py --limit 60
"""

from __future__ import annotations

import re
from unittest import mock

import _common

GLUED = re.compile(r"[a-z]{2}[A-Z][a-z]|MORE\b")  # not "McCain": two lowercase before


def main() -> None:
    ap = _common.parser(__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=60)
    ap.add_argument("--show", action="store_true", help="list the glued-name actors")
    args = ap.parse_args()
    from flashpoint.engine import Engine
    from flashpoint.ingest import boilerplate

    hill = [a for a in _common.corpus_articles(_common.GEOPOLITICS, None) if a.source == "The Hill"]
    found = [(a, n) for a in hill if (n := len(boilerplate._hover_cards(a.text)))][: args.limit]
    articles = [a for a, _ in found]
    print(
        f"{len(articles)} articles from The Hill holding {sum(n for _, n in found):,} hover cards"
    )
    engine = Engine()
    rows = [("cards masked (shipped)", *_count(engine, articles, args.show))]
    with mock.patch.object(boilerplate, "_hover_cards", lambda text: []):
        rows.append(("cards left in the text", *_count(engine, articles, args.show)))
    headers = ("run", "actors", "glued-name actors", "events")
    print(_common.table(headers, rows))


def _count(engine, articles, show: bool) -> tuple[int, int, int]:
    analyses = list(engine.analyze_many(articles))
    actors = [actor for an in analyses for actor in an.actors]
    glued = sum(bool(GLUED.search(a.name)) for a in actors)
    events = sum(len(an.events) for an in analyses)
    for actor in actors if show else []:
        if GLUED.search(actor.name):
            print("  glued:", actor.name)
    return len(actors), glued, events


if __name__ == "__main__":
    main()
