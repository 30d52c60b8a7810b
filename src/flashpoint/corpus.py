"""Python access to a corpus store for notebooks: ``flashpoint.open(db)`` (issue 6, item 4).

    >>> corpus = flashpoint.open("flashpoint.duckdb")                  # doctest: +SKIP
    >>> series = corpus.dyad("USA", "IRN", by="week")                   # doctest: +SKIP
    >>> series.plot(x="period", y=["quad3", "quad4"])                   # doctest: +SKIP

Every query method returns a pandas DataFrame (pandas is imported only when one is made);
the ``*_records`` variants return lists of dicts and need no pandas.
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType
from typing import Any

from flashpoint import analytics
from flashpoint.analytics.frames import to_frame
from flashpoint.store.db import Store
from flashpoint.store.queries import rows


class Corpus:
    """A read view of one store; close it (or use ``with``) to release the file."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        counts = self.store.counts()
        return (
            f"<Corpus {self.store.path}: {counts['articles']} articles, {counts['events']} events>"
        )

    def events(self, *, limit: int | None = None, **filters: Any) -> Any:
        """Events (filters: actor, recipient, type, quad_class, modality, since, until, text)."""
        return to_frame(self.store.events(limit=limit, **filters))

    def actors(self, *, limit: int | None = None, **filters: Any) -> Any:
        """Actors per article (filters: name, country, kind, sector, article_id)."""
        return to_frame(self.store.actors(limit=limit, **filters))

    def quotes(self, *, limit: int | None = None, **filters: Any) -> Any:
        """Quotes (filters: speaker, text, kind, article_id, since, until)."""
        return to_frame(self.store.quotes(limit=limit, **filters))

    def articles(self, *, limit: int | None = None, **filters: Any) -> Any:
        """Articles without their text (filters: source, since, until, text)."""
        return to_frame(self.store.articles(limit=limit, **filters))

    def dyad(self, a: str, b: str, **options: Any) -> Any:
        """The dyad series of ``a`` and ``b``; see ``flashpoint.analytics.dyad_series``."""
        return to_frame(analytics.dyad_series(self.store, a, b, **options))

    def network(self, **options: Any) -> Any:
        """Signed, weighted edges; see ``flashpoint.analytics.network``."""
        return to_frame(analytics.network(self.store, **options))

    def neighbours(self, code: str, **options: Any) -> Any:
        """Top partners and rivals of ``code``; see ``flashpoint.analytics.neighbours``."""
        return to_frame(analytics.neighbours(self.store, code, **options))

    def alerts(self, **options: Any) -> Any:
        """Escalation alerts with their events; see ``flashpoint.analytics.alerts``."""
        return to_frame(analytics.alerts(self.store, **options))

    def analysis(self, article_id: str) -> dict[str, Any] | None:
        """The full ``flashpoint.article/1`` record of one stored article."""
        return self.store.analysis(article_id)

    def sql(self, query: str, params: list[Any] | None = None) -> Any:
        """Any read-only SQL over the store's tables and views, as a DataFrame."""
        return to_frame(rows(self.store.conn, query, params or []))


def open_corpus(path: str | Path, *, read_only: bool = True) -> Corpus:
    """Open the store at ``path`` for querying (read-only unless asked otherwise)."""
    return Corpus(Store.open(path, read_only=read_only))
