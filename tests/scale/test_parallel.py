"""The process-pool ingest stores exactly what the single-process ingest stores."""

from __future__ import annotations

from scale_articles import articles, bad_article

from flashpoint.scale.parallel import parallel_ingest
from flashpoint.store.db import Store
from flashpoint.store.ingest import ingest

VOLATILE = {"run_id", "analysed_at"}


def _contents(store: Store) -> dict[str, list[tuple]]:
    out = {}
    for table in ("articles", "actors", "events", "event_parties", "quotes", "skipped"):
        columns = [c[0] for c in store.conn.execute(f"DESCRIBE {table}").fetchall()]
        keep = ", ".join(f'"{c}"' for c in columns if c not in VOLATILE)
        out[table] = store.conn.execute(f"SELECT {keep} FROM {table} ORDER BY ALL").fetchall()
    return out


def test_two_processes_store_the_same_rows_as_one(tmp_path, engine):
    items = [*articles(), bad_article(), articles()[0]]  # a repeat is skipped, not re-analysed
    with Store.open(tmp_path / "one.duckdb") as one, Store.open(tmp_path / "two.duckdb") as two:
        single = ingest(items, store=one, engine=engine, batch_size=4)
        multi = parallel_ingest(items, store=two, workers=2, batch_size=4)
        assert _contents(two) == _contents(one)
        assert _contents(two)["events"], "the articles should hold events"
        assert (multi.stored, multi.unchanged, multi.events) == (
            single.stored, single.unchanged, single.events)  # fmt: skip
        assert multi.failed == single.failed == [("bad", "the article text is empty")]
        again = parallel_ingest(items, store=two, workers=2, batch_size=4)
        assert again.stored == 0 and again.unchanged == len(items) - 1
