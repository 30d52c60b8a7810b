"""Schema migrations of the corpus store, as ordered, named functions (after sqlite-utils).

Each migration runs once, in its own transaction, and is recorded in ``_migrations``; the
schema version of a store file is the number of migrations applied to it. Add a migration
by appending a decorated function; never edit one that has shipped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import duckdb

from flashpoint.errors import FlashpointError

Migration = Callable[[duckdb.DuckDBPyConnection], None]


class MigrationError(FlashpointError):
    """The store file was written by a newer flashpoint, or a migration failed."""


@dataclass(frozen=True)
class _Step:
    name: str
    fn: Migration


MIGRATIONS: list[_Step] = []


def migration(fn: Migration) -> Migration:
    """Register ``fn`` as the next migration; names must be unique."""
    if any(step.name == fn.__name__ for step in MIGRATIONS):
        raise ValueError(f"migration {fn.__name__!r} is already registered")
    MIGRATIONS.append(_Step(fn.__name__, fn))
    return fn


def _ensure_log(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS _migrations ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
        " applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"
    )


def applied(conn: duckdb.DuckDBPyConnection) -> list[str]:
    """Names of the applied migrations, in order (read-only)."""
    exists = conn.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = '_migrations'"
    ).fetchone()
    if not exists or not exists[0]:
        return []
    rows = conn.execute("SELECT name FROM _migrations ORDER BY version").fetchall()
    return [row[0] for row in rows]


def schema_version(conn: duckdb.DuckDBPyConnection) -> int:
    """The schema version of this store: the number of migrations applied (read-only)."""
    return len(applied(conn))


def pending(conn: duckdb.DuckDBPyConnection) -> list[str]:
    """Names of the migrations not yet applied (read-only)."""
    done = applied(conn)
    _check_known(done)
    return [step.name for step in MIGRATIONS[len(done) :]]


def _check_known(done: list[str]) -> None:
    known = [step.name for step in MIGRATIONS]
    if done != known[: len(done)]:
        raise MigrationError(
            f"this store has migrations {done[len(known) :] or done} that this flashpoint does "
            "not know; upgrade flashpoint or use a new --db file"
        )


def migrate(conn: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply every pending migration, each in its own transaction; returns their names."""
    _ensure_log(conn)
    todo = pending(conn)
    start = len(MIGRATIONS) - len(todo)
    for version, step in enumerate(MIGRATIONS[start:], start=start + 1):
        conn.begin()
        try:
            step.fn(conn)
            conn.execute(
                "INSERT INTO _migrations (version, name) VALUES (?, ?)", [version, step.name]
            )
            conn.commit()
        except Exception as exc:
            conn.rollback()
            raise MigrationError(f"migration {step.name} failed: {exc}") from exc
    return todo


@migration
def m001_initial(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute("""
        CREATE TABLE articles (
            id VARCHAR PRIMARY KEY,
            content_hash VARCHAR NOT NULL,
            title VARCHAR,
            published DATE,
            source VARCHAR,
            url VARCHAR,
            text VARCHAR NOT NULL,
            headline JSON,
            record JSON NOT NULL,        -- the full flashpoint.article/1 record
            schema VARCHAR NOT NULL,
            run_id VARCHAR,
            analysed_at TIMESTAMP NOT NULL
        )""")
    conn.execute("""
        CREATE TABLE actors (
            article_id VARCHAR NOT NULL, position INTEGER NOT NULL, actor_id VARCHAR NOT NULL,
            name VARCHAR, kind VARCHAR, country VARCHAR, sector VARCHAR, former BOOLEAN,
            description VARCHAR, kb_id VARCHAR, mentions JSON
        )""")
    conn.execute("""
        CREATE TABLE events (
            article_id VARCHAR NOT NULL, position INTEGER NOT NULL, event_id VARCHAR NOT NULL,
            type VARCHAR NOT NULL, mode VARCHAR, context VARCHAR[], cameo VARCHAR,
            quad_class INTEGER, score DOUBLE, goldstein DOUBLE, modality VARCHAR NOT NULL,
            attributed_to VARCHAR, date DATE, date_precision VARCHAR, date_text VARCHAR,
            location JSON,
            evidence_start INTEGER, evidence_end INTEGER, evidence_text VARCHAR,
            trigger_start INTEGER, trigger_end INTEGER, trigger_text VARCHAR,
            confidence DOUBLE
        )""")
    conn.execute("""
        CREATE TABLE event_parties (
            article_id VARCHAR NOT NULL, event_id VARCHAR NOT NULL,
            role VARCHAR NOT NULL CHECK (role IN ('actor', 'recipient')),
            position INTEGER NOT NULL, ref VARCHAR, code VARCHAR, sector VARCHAR, text VARCHAR
        )""")
    conn.execute("""
        CREATE TABLE quotes (
            article_id VARCHAR NOT NULL, position INTEGER NOT NULL, quote_id VARCHAR NOT NULL,
            kind VARCHAR, speaker VARCHAR, speaker_text VARCHAR,
            cue_start INTEGER, cue_end INTEGER, cue_text VARCHAR,
            content_start INTEGER, content_end INTEGER, content_text VARCHAR,
            continues BOOLEAN
        )""")
    conn.execute("""
        CREATE TABLE skipped (
            article_id VARCHAR NOT NULL, position INTEGER NOT NULL,
            start INTEGER, "end" INTEGER, text VARCHAR, reason VARCHAR
        )""")
    conn.execute("""
        CREATE TABLE warnings (
            article_id VARCHAR NOT NULL, position INTEGER NOT NULL, message VARCHAR
        )""")
    conn.execute("""
        CREATE TABLE ingest_runs (
            run_id VARCHAR PRIMARY KEY, started TIMESTAMP NOT NULL, finished TIMESTAMP,
            seen INTEGER DEFAULT 0, stored INTEGER DEFAULT 0, unchanged INTEGER DEFAULT 0,
            failed INTEGER DEFAULT 0, events INTEGER DEFAULT 0, quotes INTEGER DEFAULT 0
        )""")
    conn.execute("""
        CREATE TABLE ingest_errors (
            run_id VARCHAR, article_id VARCHAR, source_name VARCHAR, reason VARCHAR NOT NULL,
            logged_at TIMESTAMP NOT NULL DEFAULT current_timestamp
        )""")
    # No index on content_hash: a columnar scan of one column answers the per-batch lookup,
    # and an ART index halved write speed and slowed re-ingest deletes threefold (measured).


@migration
def m002_event_views(conn: duckdb.DuckDBPyConnection) -> None:
    # The date an analysis counts an event on: its own date when known to the day, else the
    # article's publication date, else its coarse (month/year) date.
    conn.execute("""
        CREATE VIEW event_facts AS
        SELECT e.*,
               CASE WHEN e.date IS NOT NULL AND coalesce(e.date_precision, 'day') = 'day'
                    THEN e.date ELSE coalesce(a.published, e.date) END AS day,
               a.title, a.published, a.source, a.url, a.analysed_at
        FROM events e JOIN articles a ON a.id = e.article_id""")
    # One row per (event, actor code, recipient code): the unit of dyad analytics.
    conn.execute("""
        CREATE VIEW event_dyads AS
        SELECT DISTINCT f.article_id, f.event_id, f.type, f.quad_class, f.score, f.goldstein,
               f.modality, f.attributed_to, f.day,
               upper(pa.code) AS source_code, upper(pr.code) AS target_code
        FROM event_facts f
        JOIN event_parties pa ON pa.article_id = f.article_id AND pa.event_id = f.event_id
             AND pa.role = 'actor'
        JOIN event_parties pr ON pr.article_id = f.article_id AND pr.event_id = f.event_id
             AND pr.role = 'recipient'
        WHERE pa.code IS NOT NULL AND pr.code IS NOT NULL AND upper(pa.code) <> upper(pr.code)""")


@migration
def m003_event_clusters(conn: duckdb.DuckDBPyConnection) -> None:
    # Cross-article dedup (issue 6, item 2): reports of one real event grouped into a cluster,
    # rebuilt as a whole by ``flashpoint.analytics.dedup.cluster_events(save=True)``.
    conn.execute("""
        CREATE TABLE event_clusters (
            cluster_id VARCHAR PRIMARY KEY, type VARCHAR, quad_class INTEGER, modality VARCHAR,
            a VARCHAR, b VARCHAR, first_day DATE, last_day DATE,
            report_count INTEGER NOT NULL, event_count INTEGER NOT NULL,
            article_id VARCHAR NOT NULL, event_id VARCHAR NOT NULL,  -- the representative
            evidence VARCHAR, title VARCHAR, params JSON, built_at TIMESTAMP NOT NULL
        )""")
    conn.execute("""
        CREATE TABLE event_cluster_members (
            cluster_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, event_id VARCHAR NOT NULL,
            day DATE, representative BOOLEAN NOT NULL
        )""")
    # Dyad rows counted once per real event: a clustered event counts only through its
    # cluster's representative. Events of articles stored (or re-analysed) after the last
    # clustering count as themselves, so a stale membership never hides an event.
    conn.execute("""
        CREATE VIEW event_dyads_dedup AS
        SELECT d.*, c.cluster_id, coalesce(c.report_count, 1) AS report_count
        FROM event_dyads d
        JOIN articles a ON a.id = d.article_id
        LEFT JOIN event_cluster_members m
               ON m.article_id = d.article_id AND m.event_id = d.event_id
        LEFT JOIN event_clusters c
               ON c.cluster_id = m.cluster_id AND a.analysed_at <= c.built_at
        WHERE c.cluster_id IS NULL OR m.representative""")


@migration
def m004_inferred_parties(conn: duckdb.DuckDBPyConnection) -> None:
    # Why a party's code was filled in when the clause does not state it (events/implied.py):
    # NULL = stated, 'location' or 'domestic'. Rows stored before this migration stay NULL.
    conn.execute("ALTER TABLE event_parties ADD COLUMN inferred VARCHAR")


@migration
def m005_quote_speaker_by(conn: duckdb.DuckDBPyConnection) -> None:
    # Who chose a quote's speaker: 'rules' or 'ranker' (quotes/ranker.py). Rows stored before
    # this migration stay NULL (the ranker did not exist: the rules chose).
    conn.execute("ALTER TABLE quotes ADD COLUMN speaker_by VARCHAR")
