"""The corpus store: round trip, idempotence, batch atomicity, migrations, ingest."""

from __future__ import annotations

import datetime as dt
import json

import duckdb
import pytest
from store_factory import Spec, StubEngine, make_analysis

from flashpoint.errors import ArticleError
from flashpoint.models import Article
from flashpoint.store import Store, StoreError, content_hash, ingest, migrations


@pytest.fixture
def db(tmp_path):
    return tmp_path / "corpus.duckdb"


def three_analyses():
    return [
        make_analysis("a1", [Spec("USA", "SANCTION", "IRN", date="2020-01-03")]),
        make_analysis("a2", [Spec("IRN", "THREATEN", "USA"), Spec("RUS", "CONSULT", "IRN")]),
        make_analysis("a3", []),
    ]


def test_round_trip_returns_the_exact_record(db):
    analyses = three_analyses()
    with Store.open(db) as store:
        store.write(analyses)
    with Store.open(db, read_only=True) as store:
        for analysis in analyses:
            assert store.analysis(analysis.article.id) == analysis.to_dict()
        assert store.analysis("missing") is None


def test_rows_match_the_record(db):
    with Store.open(db) as store:
        store.write(three_analyses())
        assert store.counts()["articles"] == 3
        assert store.counts()["events"] == 3
        assert store.counts()["event_parties"] == 6
        (event,) = store.events(type="sanction")
        assert event["actor"] == ["USA"] and event["recipient"] == ["IRN"]
        assert event["day"] == dt.date(2020, 1, 3)
        assert event["location"] == {"name": "Geneva", "country": "CHE", "lat": 46.2, "lon": 6.14}
        assert [e["event_id"] for e in store.events(actor="irn")] == ["e1"]
        assert store.events(text="consult") == [] and len(store.events(text="MET")) == 1
        assert len(store.events(since="2020-01-04")) == 2
        quote = store.quotes(speaker="minister")[0]
        assert quote["content_text"] == "We stand firm" and quote["speaker_by"] == "ranker"
        assert {a["name"] for a in store.actors(country="usa")} == {"USA"}
        assert store.check() == []


def test_second_write_stores_nothing_and_counts_unchanged(db):
    with Store.open(db) as store:
        first = store.write(three_analyses())
        second = store.write(three_analyses())
        assert (first.stored, first.unchanged) == (3, 0)
        assert (second.stored, second.unchanged, second.events) == (0, 3, 0)
        assert store.counts()["articles"] == 3 and store.counts()["events"] == 3


def test_changed_content_with_the_same_id_replaces_the_old_rows(db):
    with Store.open(db) as store:
        store.write([make_analysis("a1", [Spec("USA", "SANCTION", "IRN")])])
        newer = make_analysis("a1", [Spec("USA", "AID", "IRN"), Spec("USA", "AGREE", "IRN")])
        result = store.write([newer])
        assert (result.stored, result.replaced) == (1, 1)
        assert [e["type"] for e in store.events()] == ["AID", "AGREE"]
        assert store.analysis("a1") == newer.to_dict()
        assert store.check() == []


def test_a_failure_mid_batch_leaves_no_partial_batch(db):
    analyses = three_analyses()
    bad = make_analysis("bad", [Spec("USA", "ASSAULT", "IRN")])
    bad.events[0].location = {"unserialisable": object()}  # json.dumps fails on it
    with Store.open(db) as store:
        store.write(analyses[:1], batch_size=2)  # an earlier, committed batch
        with pytest.raises(TypeError):
            store.write([analyses[1], bad, analyses[2]], batch_size=3)
        assert [a["id"] for a in store.articles()] == ["a1"]
        assert store.counts()["events"] == 1 and store.counts()["quotes"] == 1


def test_an_interrupted_ingest_keeps_committed_batches_and_a_rerun_resumes(db):
    articles = [Article(f"n{i}", f"Strike number {i}. More.", published=dt.date(2020, 1, i + 1))
                for i in range(5)]  # fmt: skip

    def dies_after_three():
        yield from articles[:3]
        raise KeyboardInterrupt  # like Ctrl-C while reading the fourth article

    with Store.open(db) as store, pytest.raises(KeyboardInterrupt):
        ingest(dies_after_three(), store=store, engine=StubEngine(), batch_size=2)
    with Store.open(db) as store:
        assert store.counts()["articles"] == 2  # the first batch committed, the second never
        engine = StubEngine()
        summary = ingest(articles, store=store, engine=engine, batch_size=2)
        assert (summary.seen, summary.stored, summary.unchanged) == (5, 3, 2)
        assert engine.analysed == ["n2", "n3", "n4"]  # stored articles are not re-analysed
        assert store.counts()["articles"] == 5


def test_ingest_logs_errors_and_goes_on(db):
    items = [
        Article("ok1", "Missiles hit the base. Later."),
        ArticleError("feed.jsonl:2", "line 2 is not valid JSON"),
        Article("bad", "FAIL here."),
        Article("ok2", "Troops crossed the border. Then."),
        Article("ok1-again", "Missiles hit the base. Later."),  # same content, other id
    ]
    progress = []
    with Store.open(db) as store:
        summary = ingest(items, store=store, engine=StubEngine(), batch_size=2,
                         on_progress=lambda s: progress.append(s.seen))  # fmt: skip
        assert (summary.seen, summary.stored, summary.unchanged, summary.events) == (5, 2, 1, 2)
        assert summary.failed == [
            ("feed.jsonl:2", "line 2 is not valid JSON"),
            ("bad", "analysis failed: stub refuses FAIL"),
        ]
        assert progress[-1] == 5
        (run,) = store.runs()
        assert (run["seen"], run["stored"], run["unchanged"], run["failed"]) == (5, 2, 1, 2)
        assert run["finished"] is not None
        assert {e["article_id"] for e in store.errors(summary.run_id)} == {"feed.jsonl:2", "bad"}


def test_content_hash_covers_text_title_date_and_source():
    base = Article("x", "Text.", title="T", published=dt.date(2020, 1, 1), source="S")
    variants = [
        Article("y", "Text.", title="T", published=dt.date(2020, 1, 1), source="S"),
        Article("x", "Text!", title="T", published=dt.date(2020, 1, 1), source="S"),
        Article("x", "Text.", title="U", published=dt.date(2020, 1, 1), source="S"),
        Article("x", "Text.", title="T", published=dt.date(2020, 1, 2), source="S"),
        Article("x", "Text.", title="T", published=dt.date(2020, 1, 1), source="R"),
    ]
    assert content_hash(variants[0]) == content_hash(base)  # the id is not content
    assert len({content_hash(v) for v in variants[1:]} | {content_hash(base)}) == 5


def test_migrations_are_recorded_and_reopening_applies_nothing(db):
    with Store.open(db) as store:
        store.write(three_analyses())
        version = store.schema_version
    assert version == len(migrations.MIGRATIONS) >= 1
    conn = duckdb.connect(str(db))
    assert migrations.migrate(conn) == []
    names = [r[0] for r in conn.execute("SELECT name FROM _migrations ORDER BY version").fetchall()]
    conn.close()
    assert names == [step.name for step in migrations.MIGRATIONS]
    with Store.open(db) as store:
        assert store.counts()["articles"] == 3 and store.schema_version == version


def test_a_store_from_a_newer_flashpoint_is_refused(db):
    Store.open(db).close()
    conn = duckdb.connect(str(db))
    conn.execute("INSERT INTO _migrations (version, name) VALUES (99, 'm099_future')")
    conn.close()
    with pytest.raises(migrations.MigrationError, match="upgrade flashpoint"):
        Store.open(db)


def test_read_only_store_refuses_writes_and_missing_files(db, tmp_path):
    with pytest.raises(StoreError, match="flashpoint ingest"):
        Store.open(tmp_path / "nothing.duckdb", read_only=True)
    Store.open(db).close()
    with Store.open(db, read_only=True) as store, pytest.raises(StoreError, match="read-only"):
        store.write(three_analyses())


def test_headline_and_json_columns_are_queryable_in_sql(db):
    with Store.open(db) as store:
        store.write(three_analyses())
        row = store.conn.execute(
            "SELECT headline ->> '$.type', record ->> '$.schema' FROM articles WHERE id = 'a1'"
        ).fetchone()
    assert row == ("SANCTION", "flashpoint.article/1")
    assert json.loads(json.dumps(row))  # plain values


def test_the_same_id_twice_in_a_batch_keeps_the_later_version(db):
    older = make_analysis("a1", [Spec("USA", "SANCTION", "IRN")])
    newer = make_analysis("a1", [Spec("USA", "AID", "IRN"), Spec("USA", "AGREE", "IRN")])
    with Store.open(db) as store:
        result = store.write([older, newer])
        assert (result.stored, result.events) == (1, 2)
        assert store.analysis("a1") == newer.to_dict() and store.check() == []


@pytest.fixture
def curfew_db(db, engine):
    """A store holding one analysed sentence whose recipient is inferred from its place."""
    text = "Serbia lifted the night curfew in Montenegro on Sunday."
    analysis = engine.analyze(Article(id="curfew", text=text, published=dt.date(2000, 1, 2)))
    with Store.open(db) as store:
        store.write([analysis])
    return db


def test_inferred_parties_are_stored_with_their_reason(curfew_db):
    with duckdb.connect(str(curfew_db), read_only=True) as conn:
        rows = conn.execute(
            "SELECT role, code, text, inferred FROM event_parties ORDER BY role, position"
        ).fetchall()
    assert ("actor", "SRB", "Serbia", None) in rows
    assert ("recipient", "MNE", "Montenegro", "location") in rows


def test_event_rows_say_which_parties_were_inferred(curfew_db):
    from flashpoint.store.queries import events_sql

    with duckdb.connect(str(curfew_db), read_only=True) as conn:
        sql, params = events_sql()
        cursor = conn.execute(sql, params)
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    lifted = next(r for r in rows if r["recipient"] == ["MNE"])
    assert lifted["actor_inferred"] == [None]
    assert lifted["recipient_inferred"] == ["location"]
