"""Corpus store: analyses in one DuckDB file, with migrations and named queries (issue 6)."""

from flashpoint.store.db import Store, StoreError, WriteResult, content_hash
from flashpoint.store.ingest import IngestSummary, ingest

__all__ = ["IngestSummary", "Store", "StoreError", "WriteResult", "content_hash", "ingest"]
