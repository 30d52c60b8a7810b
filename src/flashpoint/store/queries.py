"""Named read queries of the corpus store; the SQL of the store lives here.

Every function takes a DuckDB connection and keyword-only filters and returns a list of
plain dicts (JSON columns decoded), so the CLI, the API and ``flashpoint.open`` share them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

import duckdb

JSON_COLUMNS = frozenset({"location", "headline", "mentions", "record"})
DateLike = dt.date | str | None


class Where:
    """Collects SQL conditions and their parameters."""

    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: list[Any] = []

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return ("WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def rows(
    conn: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] | dict[str, Any] = ()
) -> list[dict[str, Any]]:
    """Run a query and return its rows as dicts, JSON columns decoded."""
    cursor = conn.execute(sql, params if isinstance(params, dict) else list(params))
    names = [d[0] for d in cursor.description or []]
    out = []
    for values in cursor.fetchall():
        row = dict(zip(names, values, strict=True))
        for name in JSON_COLUMNS.intersection(row):
            if isinstance(row[name], str):
                row[name] = json.loads(row[name])
        out.append(row)
    return out


def as_date(value: DateLike) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def analysis(conn: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT record FROM articles WHERE id = ?", [article_id]).fetchone()
    return json.loads(row[0]) if row else None


def articles(
    conn: duckdb.DuckDBPyConnection,
    *,
    source: str | None = None,
    since: DateLike = None,
    until: DateLike = None,
    text: str | None = None,
    limit: int | None = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Articles (title, date, source, url, counts), newest first; ``text`` searches titles."""
    where = Where()
    if source:
        where.add("a.source = ?", source)
    date_range(where, "a.published", since, until)
    if text:
        where.add("contains(lower(coalesce(a.title, '')), lower(?))", text)
    sql = f"""
        SELECT a.id, a.title, a.published, a.source, a.url, a.content_hash, a.analysed_at,
               a.run_id, length(a.text) AS chars,
               (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events,
               (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes
        FROM articles a {where.sql()}
        ORDER BY a.published DESC NULLS LAST, a.id {_page(limit, offset)}"""
    return rows(conn, sql, where.params)


def events(
    conn: duckdb.DuckDBPyConnection,
    *,
    limit: int | None = 100,
    offset: int = 0,
    **filters: Any,
) -> list[dict[str, Any]]:
    """Events with their parties and article, by date; ``filters`` are ``event_where``'s.

    ``actor``/``recipient`` match a party code (e.g. ``IRN``); ``modality`` is one value, a
    list, or None/"all"; ``attributed`` False keeps events the article asserts itself, True
    only those known from what someone says; ``text`` searches the evidence
    (case-insensitive); ``since``/``until`` bound the event day (inclusive).
    """
    sql, params = events_sql(limit=limit, offset=offset, **filters)
    return rows(conn, sql, params)


def event_where(
    *,
    actor: str | None = None,
    recipient: str | None = None,
    type: str | None = None,  # noqa: A002 - the contract's field name
    quad_class: int | Sequence[int] | None = None,
    modality: str | Sequence[str] | None = None,
    attributed: bool | None = None,
    since: DateLike = None,
    until: DateLike = None,
    text: str | None = None,
    article_id: str | None = None,
) -> Where:
    """The WHERE clause over ``event_facts f`` for the event filters (one place for all)."""
    where = Where()
    for role, code in (("actor", actor), ("recipient", recipient)):
        if code:
            where.add(
                "EXISTS (SELECT 1 FROM event_parties p WHERE p.article_id = f.article_id "
                "AND p.event_id = f.event_id AND p.role = ? AND upper(p.code) = upper(?))",
                role,
                code,
            )
    if type:
        where.add("f.type = upper(?)", type)
    if quad_class is not None:
        quads = [quad_class] if isinstance(quad_class, int) else list(quad_class)
        where.add("f.quad_class IN (SELECT unnest(?))", quads)
    modality_filter(where, "f.modality", modality)
    if attributed is not None:
        where.add(f"f.attributed_to IS {'NOT ' if attributed else ''}NULL")
    date_range(where, "f.day", since, until)
    if text:
        where.add("contains(lower(f.evidence_text), lower(?))", text)
    if article_id:
        where.add("f.article_id = ?", article_id)
    return where


def events_sql(
    *, limit: int | None = 100, offset: int = 0, **filters: Any
) -> tuple[str, list[Any]]:
    """The SQL and parameters of ``events`` (used as is by exports, e.g. to Parquet)."""
    where = event_where(**filters)
    sql = f"""
        WITH picked AS (
            SELECT * FROM event_facts f {where.sql()}
            ORDER BY f.day NULLS LAST, f.article_id, f.position {_page(limit, offset)}),
        parties AS (
            SELECT p.article_id, p.event_id,
                   list(p.code ORDER BY p.position) FILTER (WHERE p.role = 'actor') AS actor,
                   list(p.code ORDER BY p.position) FILTER (WHERE p.role = 'recipient')
                       AS recipient,
                   list(p.text ORDER BY p.position) FILTER (WHERE p.role = 'actor')
                       AS actor_text,
                   list(p.text ORDER BY p.position) FILTER (WHERE p.role = 'recipient')
                       AS recipient_text,
                   list(p.sector ORDER BY p.position) FILTER (WHERE p.role = 'actor')
                       AS actor_sector,
                   list(p.sector ORDER BY p.position) FILTER (WHERE p.role = 'recipient')
                       AS recipient_sector,
                   list(p.inferred ORDER BY p.position) FILTER (WHERE p.role = 'actor')
                       AS actor_inferred,
                   list(p.inferred ORDER BY p.position) FILTER (WHERE p.role = 'recipient')
                       AS recipient_inferred
            FROM event_parties p SEMI JOIN picked USING (article_id, event_id)
            GROUP BY p.article_id, p.event_id)
        SELECT f.article_id, f.event_id, f.day, f.type, f.mode, f.context, f.cameo,
               f.quad_class, f.score, f.goldstein, f.modality, f.attributed_to,
               coalesce(p.actor, []) AS actor, coalesce(p.recipient, []) AS recipient,
               coalesce(p.actor_text, []) AS actor_text,
               coalesce(p.recipient_text, []) AS recipient_text,
               coalesce(p.actor_sector, []) AS actor_sector,
               coalesce(p.recipient_sector, []) AS recipient_sector,
               coalesce(p.actor_inferred, []) AS actor_inferred,
               coalesce(p.recipient_inferred, []) AS recipient_inferred,
               f.date, f.date_precision, f.date_text, f.location,
               f.evidence_start, f.evidence_end, f.evidence_text,
               f.trigger_start, f.trigger_end, f.trigger_text, f.confidence,
               f.title, f.published, f.source, f.url, f.analysed_at
        FROM picked f LEFT JOIN parties p USING (article_id, event_id)
        ORDER BY f.day NULLS LAST, f.article_id, f.position"""
    return sql, where.params


def actors(
    conn: duckdb.DuckDBPyConnection,
    *,
    name: str | None = None,
    country: str | None = None,
    kind: str | None = None,
    sector: str | None = None,
    article_id: str | None = None,
    limit: int | None = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Actors as found in each article; ``name`` matches part of the name."""
    where = Where()
    if name:
        where.add("contains(lower(x.name), lower(?))", name)
    if country:
        where.add("upper(x.country) = upper(?)", country)
    if kind:
        where.add("x.kind = ?", kind)
    if sector:
        where.add("upper(x.sector) = upper(?)", sector)
    if article_id:
        where.add("x.article_id = ?", article_id)
    sql = f"""
        SELECT x.article_id, x.actor_id, x.name, x.kind, x.country, x.sector, x.former,
               x.description, x.kb_id, json_array_length(x.mentions) AS n_mentions,
               x.mentions, a.published, a.title
        FROM actors x JOIN articles a ON a.id = x.article_id {where.sql()}
        ORDER BY a.published NULLS LAST, x.article_id, x.position {_page(limit, offset)}"""
    return rows(conn, sql, where.params)


def quotes(
    conn: duckdb.DuckDBPyConnection,
    *,
    speaker: str | None = None,
    text: str | None = None,
    kind: str | None = None,
    article_id: str | None = None,
    since: DateLike = None,
    until: DateLike = None,
    limit: int | None = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Quotes with their speaker's name; ``speaker`` matches part of the speaker's text or name."""
    where = Where()
    if speaker:
        where.add(
            "(contains(lower(coalesce(q.speaker_text, '')), lower(?)) "
            "OR contains(lower(coalesce(x.name, '')), lower(?)))",
            speaker,
            speaker,
        )
    if text:
        where.add("contains(lower(q.content_text), lower(?))", text)
    if kind:
        where.add("q.kind = ?", kind)
    if article_id:
        where.add("q.article_id = ?", article_id)
    date_range(where, "a.published", since, until)
    sql = f"""
        SELECT q.article_id, q.quote_id, q.kind, q.speaker, x.name AS speaker_name,
               q.speaker_text, q.speaker_by, q.cue_text, q.content_start, q.content_end, q.content_text,
               q.continues, a.published, a.title, a.source, a.url
        FROM quotes q JOIN articles a ON a.id = q.article_id
        LEFT JOIN actors x ON x.article_id = q.article_id AND x.actor_id = q.speaker
        {where.sql()}
        ORDER BY a.published NULLS LAST, q.article_id, q.position {_page(limit, offset)}"""
    return rows(conn, sql, where.params)


def counts(conn: duckdb.DuckDBPyConnection, tables: Sequence[str]) -> dict[str, int]:
    out = {}
    for table in tables:
        row = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
        out[table] = int(row[0]) if row else 0
    return out


def runs(conn: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    return rows(conn, "SELECT * FROM ingest_runs ORDER BY started")


def ingest_errors(
    conn: duckdb.DuckDBPyConnection, *, run_id: str | None = None
) -> list[dict[str, Any]]:
    where = Where()
    if run_id:
        where.add("run_id = ?", run_id)
    return rows(conn, f"SELECT * FROM ingest_errors {where.sql()} ORDER BY logged_at", where.params)


# Each check is a query returning (what, detail) rows for the problems it finds.
_SPAN = "substring(a.text, {s} + 1, {e} - {s}) IS DISTINCT FROM {t}"
INTEGRITY_CHECKS: dict[str, str] = {
    "duplicate article id": "SELECT id, count(*) FROM articles GROUP BY id HAVING count(*) > 1",
    "duplicate content": (
        "SELECT content_hash, count(*) FROM articles GROUP BY content_hash HAVING count(*) > 1"
    ),
    **{
        f"{table} row without a stored article": (
            f"SELECT t.article_id, count(*) FROM {table} t ANTI JOIN articles a "
            "ON a.id = t.article_id GROUP BY t.article_id"
        )
        for table in ("actors", "events", "event_parties", "quotes", "skipped", "warnings")
    },
    "event party without its event": (
        "SELECT p.article_id, p.event_id FROM event_parties p ANTI JOIN events e "
        "ON e.article_id = p.article_id AND e.event_id = p.event_id"
    ),
    "evidence span does not slice back": (
        "SELECT e.article_id, e.event_id FROM events e JOIN articles a ON a.id = e.article_id "
        "WHERE " + _SPAN.format(s="e.evidence_start", e="e.evidence_end", t="e.evidence_text")
    ),
    "trigger span does not slice back": (
        "SELECT e.article_id, e.event_id FROM events e JOIN articles a ON a.id = e.article_id "
        "WHERE " + _SPAN.format(s="e.trigger_start", e="e.trigger_end", t="e.trigger_text")
    ),
    "quote content does not slice back": (
        "SELECT q.article_id, q.quote_id FROM quotes q JOIN articles a ON a.id = q.article_id "
        "WHERE " + _SPAN.format(s="q.content_start", e="q.content_end", t="q.content_text")
    ),
    "quote cue does not slice back": (
        "SELECT q.article_id, q.quote_id FROM quotes q JOIN articles a ON a.id = q.article_id "
        "WHERE q.cue_start IS NOT NULL AND "
        + _SPAN.format(s="q.cue_start", e="q.cue_end", t="q.cue_text")
    ),
    "skipped span does not slice back": (
        "SELECT s.article_id, s.position FROM skipped s JOIN articles a ON a.id = s.article_id "
        "WHERE " + _SPAN.format(s="s.start", e='s."end"', t="s.text")
    ),
    "actor mention does not slice back": """
        SELECT m.article_id, m.actor_id FROM (
            SELECT x.article_id, x.actor_id, unnest(from_json(x.mentions,
                   '[{"start": "INTEGER", "end": "INTEGER", "text": "VARCHAR"}]')) AS m
            FROM actors x) m
        JOIN articles a ON a.id = m.article_id
        WHERE """
    + _SPAN.format(s="m.m.start", e='m.m."end"', t="m.m.text"),
    "stored record disagrees with its rows": """
        SELECT a.id, json_array_length(a.record -> 'events') FROM articles a
        WHERE a.record ->> '$.article.id' IS DISTINCT FROM a.id
           OR a.record ->> '$.article.text' IS DISTINCT FROM a.text
           OR json_array_length(a.record -> 'events')
              <> (SELECT count(*) FROM events e WHERE e.article_id = a.id)
           OR json_array_length(a.record -> 'quotes')
              <> (SELECT count(*) FROM quotes q WHERE q.article_id = a.id)""",
}


def integrity_problems(conn: duckdb.DuckDBPyConnection, *, show: int = 5) -> list[str]:
    """One line per failed check, naming up to ``show`` offending rows."""
    problems = []
    for name, sql in INTEGRITY_CHECKS.items():
        found = conn.execute(sql).fetchall()
        if found:
            sample = "; ".join(" ".join(str(v) for v in row) for row in found[:show])
            problems.append(f"{name}: {len(found)} ({sample})")
    return problems


def date_range(where: Where, column: str, since: DateLike, until: DateLike) -> None:
    if since is not None:
        where.add(f"{column} >= ?", as_date(since))
    if until is not None:
        where.add(f"{column} <= ?", as_date(until))


def modality_filter(where: Where, column: str, modality: str | Sequence[str] | None) -> None:
    if modality is None or modality == "all":
        return
    values = [modality] if isinstance(modality, str) else list(modality)
    where.add(f"{column} IN (SELECT unnest(?))", values)


def _page(limit: int | None, offset: int) -> str:
    page = f"LIMIT {int(limit)}" if limit is not None else ""
    return f"{page} OFFSET {int(offset)}" if offset else page
