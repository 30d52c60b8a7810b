"""flashpoint: auditable geopolitical event data from news text.

>>> import flashpoint
>>> analysis = flashpoint.analyze("Iran condemned the US sanctions.", published="2020-01-05")
>>> analysis.to_dict()["schema"]
'flashpoint.article/1'
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from flashpoint.models import SCHEMA, Analysis, Article, stable_id

if TYPE_CHECKING:
    from flashpoint.corpus import Corpus
    from flashpoint.engine import Engine
    from flashpoint.errors import ArticleError
    from flashpoint.settings import Settings

__all__ = ["SCHEMA", "Analysis", "Article", "analyze", "analyze_many", "get_engine", "open"]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())


@lru_cache(maxsize=4)
def get_engine(settings: Settings | None = None) -> Engine:
    """The engine for these settings, built on first use and then reused in this process."""
    from flashpoint.engine import Engine

    return Engine(settings)


def _as_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value[:10])


def make_article(
    text: str,
    *,
    id: str | None = None,  # noqa: A002 - the contract's field name
    title: str | None = None,
    published: str | dt.date | None = None,
    source: str | None = None,
    url: str | None = None,
) -> Article:
    """An ``Article`` from its text and metadata; the id defaults to a hash of the text."""
    return Article(
        id=id or stable_id(text),
        text=text,
        title=title,
        published=_as_date(published),
        source=source,
        url=url,
    )


def analyze(
    text: str,
    *,
    title: str | None = None,
    published: str | dt.date | None = None,
    source: str | None = None,
    url: str | None = None,
    settings: Settings | None = None,
) -> Analysis:
    """Analyse one article text; ``.to_dict()`` of the result is the JSON contract."""
    article = make_article(text, title=title, published=published, source=source, url=url)
    return get_engine(settings).analyze(article)


def analyze_many(
    articles: Iterable[Article], *, settings: Settings | None = None
) -> Iterator[Analysis | ArticleError]:
    """Analyse many articles with the pipeline loaded once; failures come back as errors."""
    return get_engine(settings).analyze_many(articles)


def open(path: str = "flashpoint.duckdb") -> Corpus:  # noqa: A001 - flashpoint.open(db) reads well
    """A stored corpus for notebooks: ``flashpoint.open("news.duckdb").dyad("RUS", "IRN")``."""
    from flashpoint.corpus import open_corpus

    return open_corpus(path)
