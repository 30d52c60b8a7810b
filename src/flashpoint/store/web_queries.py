"""Read queries the JSON API and the dashboard need beyond ``store.queries`` (issue 6).

Totals for pagination, actor codes summed over the corpus, and one text search. Every
value a caller gives is a SQL parameter; only fixed SQL text is ever formatted in.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb

from flashpoint.store.queries import DateLike, Where, date_range, event_where, rows


def _count(conn: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any]) -> int:
    row = conn.execute(sql, list(params)).fetchone()
    return int(row[0]) if row else 0


def count_articles(
    conn: duckdb.DuckDBPyConnection,
    *,
    source: str | None = None,
    since: DateLike = None,
    until: DateLike = None,
    text: str | None = None,
) -> int:
    """How many articles ``queries.articles`` would return without a limit."""
    where = Where()
    if source:
        where.add("a.source = ?", source)
    date_range(where, "a.published", since, until)
    if text:
        where.add("contains(lower(coalesce(a.title, '')), lower(?))", text)
    return _count(conn, f"SELECT count(*) FROM articles a {where.sql()}", where.params)


def count_events(conn: duckdb.DuckDBPyConnection, **filters: Any) -> int:
    """How many events ``queries.events`` would return for the same filters."""
    where = event_where(**filters)
    return _count(conn, f"SELECT count(*) FROM event_facts f {where.sql()}", where.params)


_ACTOR_CODES = """
    WITH parties AS (
        SELECT DISTINCT upper(p.code) AS code, p.role, p.article_id, p.event_id
        FROM event_parties p WHERE p.code IS NOT NULL),
    labels AS (
        SELECT upper(p.code) AS code, mode(p.text) AS label
        FROM event_parties p WHERE p.code IS NOT NULL GROUP BY 1),
    names AS (
        SELECT upper(coalesce(x.country, x.actor_id)) AS code, mode(x.name) AS name
        FROM actors x WHERE x.kind IN ('country', 'group', 'organization') GROUP BY 1),
    events AS (
        SELECT code, article_id, event_id,
               bool_or(role = 'actor') AS acts, bool_or(role = 'recipient') AS receives
        FROM parties GROUP BY ALL),
    summary AS (
        SELECT code, count(*) AS events, count(*) FILTER (WHERE acts) AS as_actor,
               count(*) FILTER (WHERE receives) AS as_recipient,
               count(DISTINCT article_id) AS articles
        FROM events GROUP BY code)
    SELECT s.code, coalesce(n.name, l.label) AS name, s.events, s.as_actor, s.as_recipient,
           s.articles
    FROM summary s LEFT JOIN names n USING (code) LEFT JOIN labels l USING (code)
    {where}"""


def actor_codes(
    conn: duckdb.DuckDBPyConnection,
    *,
    q: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> tuple[list[dict[str, Any]], int]:
    """Actor codes that take part in events, most active first, and their total.

    ``q`` matches part of the code or of the most common name or text of the code.
    """
    where = Where()
    if q:
        where.add(
            "(contains(lower(s.code), lower(?)) OR contains(lower(coalesce(n.name, l.label, '')), "
            "lower(?)))",
            q,
            q,
        )
    base = _ACTOR_CODES.format(where=where.sql())
    # The window count gives the total in the same pass; a page past the end has no row
    # to carry it, so only then is it counted on its own.
    found = rows(
        conn,
        base.replace("SELECT s.code,", "SELECT count(*) OVER () AS total_rows, s.code,", 1)
        + " ORDER BY s.events DESC, s.code LIMIT ? OFFSET ?",
        [*where.params, int(limit), int(offset)],
    )
    if not found:
        return [], _count(conn, f"SELECT count(*) FROM ({base})", where.params)
    total = int(found[0]["total_rows"])
    return [{k: v for k, v in row.items() if k != "total_rows"} for row in found], total


def search(conn: duckdb.DuckDBPyConnection, q: str, *, limit: int = 20) -> dict[str, Any]:
    """Articles whose title or text, events whose evidence, and quotes whose content hold ``q``."""
    articles = rows(
        conn,
        """SELECT a.id, a.title, a.published, a.source, a.url,
                  CASE WHEN contains(lower(coalesce(a.title, '')), lower($q)) THEN 'title'
                       ELSE 'text' END AS matched
           FROM articles a
           WHERE contains(lower(coalesce(a.title, '')), lower($q))
              OR contains(lower(a.text), lower($q))
           ORDER BY a.published DESC NULLS LAST, a.id LIMIT $limit""",
        {"q": q, "limit": int(limit)},
    )
    events = rows(
        conn,
        """SELECT f.article_id, f.event_id, f.type, f.modality, f.day, f.evidence_text,
                  f.title
           FROM event_facts f WHERE contains(lower(f.evidence_text), lower($q))
           ORDER BY f.day DESC NULLS LAST, f.article_id, f.position LIMIT $limit""",
        {"q": q, "limit": int(limit)},
    )
    quotes = rows(
        conn,
        """SELECT q.article_id, q.quote_id, q.speaker_text, q.content_text
           FROM quotes q WHERE contains(lower(q.content_text), lower($q))
           ORDER BY q.article_id, q.position LIMIT $limit""",
        {"q": q, "limit": int(limit)},
    )
    return {"articles": articles, "events": events, "quotes": quotes}


def article_exists(conn: duckdb.DuckDBPyConnection, article_id: str) -> bool:
    return _count(conn, "SELECT count(*) FROM articles WHERE id = ?", [article_id]) > 0
