"""The Parquet dataset of a scaled-out run (issue 7, item 2), and loading it into the store.

Layout under ``out_dir`` (Hive partitions by publication month, ``unknown`` when undated)::

    articles/month=2020-01/part-<key>.parquet   one row per analysed article (+ record_json)
    events/month=2020-01/part-<key>.parquet     one row per event, main columns flattened
    errors/month=2020-01/part-<key>.parquet     one row per article that failed

``<key>`` is a hash of the batch's article ids, so a batch always lands in the same files.
Each file is written by exactly one task under a temporary name and renamed into place
(atomic on one file system); the ``articles`` file is written last and marks the batch done,
so a rerun skips every batch whose ``articles`` file exists.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from flashpoint.batching import batched
from flashpoint.errors import ArticleError
from flashpoint.scale.records import analysis_from_record
from flashpoint.scale.worker import Result
from flashpoint.store.db import Store
from flashpoint.store.ingest import IngestSummary

TABLES = ("articles", "events", "errors")

ARTICLES = pa.schema([
    ("id", pa.string()), ("published", pa.date32()), ("month", pa.string()),
    ("title", pa.string()), ("source", pa.string()), ("url", pa.string()),
    ("events", pa.int32()), ("quotes", pa.int32()), ("record_json", pa.string()),
])  # fmt: skip
EVENTS = pa.schema([
    ("article_id", pa.string()), ("position", pa.int32()), ("event_id", pa.string()),
    ("type", pa.string()), ("mode", pa.string()), ("modality", pa.string()),
    ("cameo", pa.string()), ("quad_class", pa.int8()), ("score", pa.float64()),
    ("goldstein", pa.float64()), ("actor", pa.list_(pa.string())),
    ("recipient", pa.list_(pa.string())), ("attributed_to", pa.string()),
    ("date", pa.string()), ("date_precision", pa.string()), ("evidence_start", pa.int64()),
    ("evidence_end", pa.int64()), ("evidence_text", pa.string()), ("trigger_text", pa.string()),
    ("confidence", pa.float64()), ("published", pa.date32()), ("month", pa.string()),
])  # fmt: skip
ERRORS = pa.schema([
    ("article_id", pa.string()), ("reason", pa.string()), ("month", pa.string()),
    ("batch", pa.string()),
])  # fmt: skip
SCHEMAS = {"articles": ARTICLES, "events": EVENTS, "errors": ERRORS}


@dataclass
class BatchWritten:
    """What one batch task did; small, so it travels back to the client cheaply."""

    key: str
    month: str
    articles: int = 0
    events: int = 0
    errors: int = 0
    skipped: bool = False  # the batch was already written by an earlier run or attempt


def part_path(out_dir: str | Path, table: str, month: str, key: str) -> Path:
    return Path(out_dir) / table / f"month={month}" / f"part-{key}.parquet"


def batch_done(out_dir: str | Path, month: str, key: str) -> bool:
    return part_path(out_dir, "articles", month, key).exists()


def write_batch(out_dir: str | Path, month: str, key: str, results: list[Result]) -> BatchWritten:
    """Write one analysed batch: errors and events first, the ``articles`` marker last."""
    records = [result[1] for result in results if result[0] == "ok"]
    errors = [{"article_id": r[1], "reason": r[2], "month": month, "batch": key}
              for r in results if r[0] == "error"]  # fmt: skip
    events = [row for record in records for row in _event_rows(record, month)]
    if errors:
        _write(out_dir, "errors", month, key, errors)
    if events:
        _write(out_dir, "events", month, key, events)
    _write(out_dir, "articles", month, key, [_article_row(r, month) for r in records])
    return BatchWritten(key, month, len(records), len(events), len(errors))


def write_errors(out_dir: str | Path, month: str, key: str, errors: list[ArticleError]) -> None:
    """Errors found before analysis (unreadable records), written by the client."""
    rows = [{"article_id": e.article_id, "reason": e.reason, "month": month, "batch": key}
            for e in errors]  # fmt: skip
    _write(out_dir, "errors", month, key, rows)


def _write(out_dir: str | Path, table: str, month: str, key: str, rows: list[dict]) -> None:
    final = part_path(out_dir, table, month, key)
    final.parent.mkdir(parents=True, exist_ok=True)
    temp = final.with_name(f".{final.name}.{uuid.uuid4().hex}.tmp")
    try:
        pq.write_table(pa.Table.from_pylist(rows, schema=SCHEMAS[table]), temp)
        os.replace(temp, final)  # readers see the whole file or none of it
    finally:
        temp.unlink(missing_ok=True)


def _article_row(record: dict[str, Any], month: str) -> dict[str, Any]:
    article = record["article"]
    return {
        "id": article["id"], "published": _date(article["published"]), "month": month,
        "title": article["title"], "source": article["source"], "url": article["url"],
        "events": len(record["events"]), "quotes": len(record["quotes"]),
        "record_json": json.dumps(record, ensure_ascii=False),
    }  # fmt: skip


def _event_rows(record: dict[str, Any], month: str) -> Iterator[dict[str, Any]]:
    article = record["article"]
    published = _date(article["published"])
    for position, event in enumerate(record["events"]):
        yield {
            "article_id": article["id"], "position": position, "event_id": event["id"],
            "type": event["type"], "mode": event["mode"], "modality": event["modality"],
            "cameo": event["cameo"], "quad_class": event["quad_class"],
            "score": event["score"], "goldstein": event["goldstein"],
            "actor": [p["code"] for p in event["actor"]],
            "recipient": [p["code"] for p in event["recipient"]],
            "attributed_to": event["attributed_to"], "date": event["date"],
            "date_precision": event["date_precision"],
            "evidence_start": event["evidence"]["start"],
            "evidence_end": event["evidence"]["end"],
            "evidence_text": event["evidence"]["text"],
            "trigger_text": event["trigger"]["text"], "confidence": event["confidence"],
            "published": published, "month": month,
        }  # fmt: skip


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def parquet_glob(out_dir: str | Path, table: str) -> str:
    """The glob that reads one table in place, e.g. with DuckDB ``read_parquet``."""
    return str(Path(out_dir) / table / "month=*" / "*.parquet")


def read_table(out_dir: str | Path, table: str) -> pa.Table:
    """One table of the dataset (an empty table if nothing was written to it)."""
    files = sorted(Path(out_dir).glob(f"{table}/month=*/*.parquet"))
    if not files:
        return SCHEMAS[table].empty_table()
    return pa.concat_tables(pq.read_table(f, schema=SCHEMAS[table]) for f in files)


def load_parquet_into_store(
    out_dir: str | Path, store: Store, *, batch_size: int = 200, run_id: str | None = None
) -> IngestSummary:
    """Write the dataset's analyses and errors into the store as one ingest run.

    Content already stored is skipped (by hash, as in ``ingest``), so loading twice, or
    loading a dataset that overlaps the store, adds nothing twice.
    """
    started = time.perf_counter()
    summary = IngestSummary(run_id=store.start_run(run_id))
    for path in sorted(Path(out_dir).glob("articles/month=*/*.parquet")):
        texts = pq.read_table(path, columns=["record_json"]).column("record_json").to_pylist()
        for batch in batched(texts, batch_size):
            analyses = [analysis_from_record(json.loads(text)) for text in batch]
            written = store.write_batch(analyses, run_id=summary.run_id)
            summary.seen += len(batch)
            summary.stored += written.stored
            summary.unchanged += written.unchanged
            summary.replaced += written.replaced
            summary.events += written.events
            summary.quotes += written.quotes
    errors = [ArticleError(row["article_id"], row["reason"])
              for row in read_table(out_dir, "errors").to_pylist()]  # fmt: skip
    if errors:
        store.write_batch([], run_id=summary.run_id, errors=[(err, None) for err in errors])
        summary.seen += len(errors)
        summary.failed.extend((err.article_id, err.reason) for err in errors)
    store.finish_run(summary.run_id)
    summary.seconds = time.perf_counter() - started
    return summary
