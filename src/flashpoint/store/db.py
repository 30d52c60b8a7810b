"""The corpus store: one DuckDB file of analyses, written through one connection.

DuckDB allows one read-write process per file, so a ``Store`` owns its connection and every
write goes through it. Each batch of analyses is written in one transaction: a batch is either
wholly stored or not at all, so killing an ingest loses nothing committed and a rerun resumes
by skipping the articles whose content hash is already stored (issue 6, item 1).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from flashpoint.batching import batched
from flashpoint.errors import ArticleError, FlashpointError
from flashpoint.models import Analysis, Article
from flashpoint.store import migrations, queries

TABLES = (
    "articles", "actors", "events", "event_parties", "quotes", "skipped", "warnings",
)  # fmt: skip


class StoreError(FlashpointError):
    """The store file cannot be opened or written."""


def content_hash(article: Article) -> str:
    """The identity of an article's content: text, title, publication date and source."""
    published = article.published.isoformat() if article.published else None
    key = json.dumps([article.text, article.title, published, article.source])
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class WriteResult:
    """What one or more batches wrote."""

    stored: int = 0
    unchanged: int = 0
    replaced: int = 0  # stored over an older version with the same id
    events: int = 0
    quotes: int = 0
    stored_ids: list[str] = field(default_factory=list)

    def add(self, other: WriteResult) -> None:
        self.stored += other.stored
        self.unchanged += other.unchanged
        self.replaced += other.replaced
        self.events += other.events
        self.quotes += other.quotes
        self.stored_ids.extend(other.stored_ids)


class Store:
    """A corpus store file. ``Store.open(path)`` migrates it; use it as a context manager."""

    def __init__(self, conn: duckdb.DuckDBPyConnection, path: str, *, read_only: bool) -> None:
        self.conn = conn
        self.path = path
        self.read_only = read_only

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> Store:
        """Open (and, unless read-only, create and migrate) the store at ``path``."""
        path = str(path)
        if read_only and path != ":memory:" and not Path(path).exists():
            raise StoreError(f"no store at {path}; create one with `flashpoint ingest --db {path}`")
        try:
            conn = duckdb.connect(path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(
                f"cannot open the store {path}: {exc} (is another flashpoint process writing it?)"
            ) from exc
        store = cls(conn, path, read_only=read_only)
        if read_only:
            todo = migrations.pending(conn)
            if todo:
                conn.close()
                raise StoreError(
                    f"the store {path} needs migrations {todo}; open it once for writing "
                    "(e.g. `flashpoint ingest`) to upgrade it"
                )
        else:
            migrations.migrate(conn)
        return store

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return migrations.schema_version(self.conn)

    # -- writing ---------------------------------------------------------------------------

    def known_hashes(self, hashes: Sequence[str]) -> set[str]:
        """Which of these content hashes are already stored."""
        if not hashes:
            return set()
        rows = self.conn.execute(
            "SELECT content_hash FROM articles WHERE content_hash IN (SELECT unnest(?))",
            [list(hashes)],
        ).fetchall()
        return {row[0] for row in rows}

    def start_run(self, run_id: str | None = None) -> str:
        """Record the start of an ingest run and return its id."""
        run_id = run_id or uuid.uuid4().hex[:12]
        self.conn.execute(
            "INSERT INTO ingest_runs (run_id, started) VALUES (?, ?)", [run_id, _now()]
        )
        return run_id

    def finish_run(self, run_id: str) -> None:
        self.conn.execute("UPDATE ingest_runs SET finished = ? WHERE run_id = ?", [_now(), run_id])

    def write(
        self, analyses: Iterable[Analysis], *, run_id: str | None = None, batch_size: int = 32
    ) -> WriteResult:
        """Write analyses, ``batch_size`` per transaction; already stored content is skipped."""
        total = WriteResult()
        for batch in batched(analyses, batch_size):
            total.add(self.write_batch(batch, run_id=run_id))
        return total

    def write_batch(
        self,
        analyses: Sequence[Analysis],
        *,
        run_id: str | None = None,
        errors: Sequence[tuple[ArticleError, str | None]] = (),
        seen: int | None = None,
        unchanged: int = 0,
    ) -> WriteResult:
        """Write one batch (analyses, and errors to log) in one transaction: all or nothing.

        ``seen`` and ``unchanged`` add to the run's counts articles the caller handled before
        writing (e.g. skipped by hash before analysis), so the run log commits with the batch.
        """
        self._require_writable()
        self.conn.begin()
        try:
            result = self._write_rows(analyses, run_id=run_id)
            result.unchanged += unchanged
            self._log_errors(errors, run_id=run_id)
            if run_id is not None:
                n_seen = len(analyses) + len(errors) + unchanged if seen is None else seen
                self._count_run(run_id, result, seen=n_seen, failed=len(errors))
            self.conn.commit()
        except BaseException:
            self.conn.rollback()
            raise
        return result

    def _require_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"the store {self.path} is open read-only")

    def _write_rows(self, analyses: Sequence[Analysis], *, run_id: str | None) -> WriteResult:
        result = WriteResult()
        hashes = [content_hash(a.article) for a in analyses]
        known = self.known_hashes(hashes)
        bundles: dict[str, dict[str, list[tuple[Any, ...]]]] = {}
        for analysis, digest in zip(analyses, hashes, strict=True):
            if digest in known:
                result.unchanged += 1
                continue
            known.add(digest)
            # the same id twice in a batch: the later version wins, as it would across batches
            bundles[analysis.article.id] = _rows(analysis, digest, run_id=run_id)
        result.events = sum(len(bundle["events"]) for bundle in bundles.values())
        result.quotes = sum(len(bundle["quotes"]) for bundle in bundles.values())
        ids = list(bundles)
        result.replaced = self._delete_articles(ids)
        for table in TABLES:
            rows = [row for bundle in bundles.values() for row in bundle[table]]
            _insert(self.conn, table, rows)
        result.stored = len(ids)
        result.stored_ids = ids
        return result

    def _delete_articles(self, ids: list[str]) -> int:
        """Delete older versions of these articles; returns how many existed."""
        if not ids:
            return 0
        row = self.conn.execute(
            "SELECT count(*) FROM articles WHERE id IN (SELECT unnest(?))", [ids]
        ).fetchone()
        existing = int(row[0]) if row else 0
        if existing:
            for table in reversed(TABLES):
                key = "id" if table == "articles" else "article_id"
                self.conn.execute(f"DELETE FROM {table} WHERE {key} IN (SELECT unnest(?))", [ids])
        return existing

    def _log_errors(
        self, errors: Sequence[tuple[ArticleError, str | None]], *, run_id: str | None
    ) -> None:
        rows = [(run_id, err.article_id, name, err.reason, _now()) for err, name in errors]
        _insert(self.conn, "ingest_errors", rows)

    def _count_run(self, run_id: str, result: WriteResult, *, seen: int, failed: int) -> None:
        self.conn.execute(
            "UPDATE ingest_runs SET seen = seen + ?, stored = stored + ?, "
            "unchanged = unchanged + ?, failed = failed + ?, events = events + ?, "
            "quotes = quotes + ? WHERE run_id = ?",
            [seen, result.stored, result.unchanged, failed, result.events, result.quotes, run_id],
        )

    # -- reading -----------------------------------------------------------------------------

    def analysis(self, article_id: str) -> dict[str, Any] | None:
        """The stored ``flashpoint.article/1`` record of an article, exactly as written."""
        return queries.analysis(self.conn, article_id)

    def articles(self, **filters: Any) -> list[dict[str, Any]]:
        """Articles (without their text); see ``queries.articles`` for the filters."""
        return queries.articles(self.conn, **filters)

    def events(self, **filters: Any) -> list[dict[str, Any]]:
        """Events with their article; see ``queries.events`` for the filters."""
        return queries.events(self.conn, **filters)

    def actors(self, **filters: Any) -> list[dict[str, Any]]:
        """Actors per article; see ``queries.actors`` for the filters."""
        return queries.actors(self.conn, **filters)

    def quotes(self, **filters: Any) -> list[dict[str, Any]]:
        """Quotes with their article; see ``queries.quotes`` for the filters."""
        return queries.quotes(self.conn, **filters)

    def counts(self) -> dict[str, int]:
        """Row counts of every table."""
        return queries.counts(self.conn, (*TABLES, "ingest_runs", "ingest_errors"))

    def runs(self) -> list[dict[str, Any]]:
        return queries.runs(self.conn)

    def errors(self, run_id: str | None = None) -> list[dict[str, Any]]:
        return queries.ingest_errors(self.conn, run_id=run_id)

    def check(self) -> list[str]:
        """Integrity problems of the store (an empty list means it is sound)."""
        return queries.integrity_problems(self.conn)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _insert(conn: duckdb.DuckDBPyConnection, table: str, rows: list[tuple[Any, ...]]) -> None:
    """Insert rows in one statement, binding one list per column.

    Column-wise ``unnest`` binds a handful of parameters instead of one per value, which is
    about 15x faster in DuckDB than multi-row VALUES (and far faster than executemany).
    """
    if not rows:
        return
    types = _column_types(conn, table)
    columns = [list(values) for values in zip(*rows, strict=True)]
    select = ", ".join(f"unnest(CAST(${i + 1} AS {kind}[]))" for i, kind in enumerate(types))
    conn.execute(f"INSERT INTO {table} SELECT {select}", columns)


def _column_types(conn: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    found = conn.execute(
        "SELECT data_type FROM information_schema.columns WHERE table_name = ? "
        "ORDER BY ordinal_position",
        [table],
    ).fetchall()
    return [row[0] for row in found]


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def parse_event_date(value: str | None) -> dt.date | None:
    """The first day an event date string (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) covers."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        numbers = [int(p) for p in parts[:3]] + [1] * (3 - len(parts[:3]))
        return dt.date(numbers[0], numbers[1], numbers[2])
    except ValueError:
        return None


def _rows(
    analysis: Analysis, digest: str, *, run_id: str | None
) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of every table for one analysis."""
    record = analysis.to_dict()
    article = analysis.article
    aid = article.id
    return {
        "articles": [(
            aid, digest, article.title, article.published, article.source, article.url,
            article.text, _json(record["headline"]), _json(record), record["schema"], run_id,
            _now(),
        )],
        "actors": [
            (aid, i, a["id"], a["name"], a["kind"], a["country"], a["sector"], a["former"],
             a["description"], a.get("kb_id"), _json(a["mentions"]))
            for i, a in enumerate(record["actors"])
        ],
        "events": [_event_row(aid, i, e) for i, e in enumerate(record["events"])],
        "event_parties": [
            (aid, e["id"], role, j, p["ref"], p["code"], p["sector"], p["text"],
             p.get("inferred"))
            for e in record["events"]
            for role in ("actor", "recipient")
            for j, p in enumerate(e[role])
        ],
        "quotes": [_quote_row(aid, i, q) for i, q in enumerate(record["quotes"])],
        "skipped": [
            (aid, i, s["start"], s["end"], s["text"], s["reason"])
            for i, s in enumerate(record["skipped"])
        ],
        "warnings": [(aid, i, w) for i, w in enumerate(record["warnings"])],
    }  # fmt: skip


def _event_row(aid: str, i: int, e: dict[str, Any]) -> tuple[Any, ...]:
    ev, tr = e["evidence"], e["trigger"]
    return (
        aid, i, e["id"], e["type"], e["mode"], list(e["context"]), e["cameo"], e["quad_class"],
        e["score"], e["goldstein"], e["modality"], e["attributed_to"],
        parse_event_date(e["date"]), e["date_precision"], e["date_text"], _json(e["location"]),
        ev["start"], ev["end"], ev["text"], tr["start"], tr["end"], tr["text"], e["confidence"],
    )  # fmt: skip


def _quote_row(aid: str, i: int, q: dict[str, Any]) -> tuple[Any, ...]:
    cue = q["cue"] or {"start": None, "end": None, "text": None}
    content = q["content"]
    return (
        aid, i, q["id"], q["kind"], q["speaker"], q["speaker_text"],
        cue["start"], cue["end"], cue["text"],
        content["start"], content["end"], content["text"], q["continues"], q.get("speaker_by"),
    )  # fmt: skip
