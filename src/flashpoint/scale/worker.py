"""What runs inside a worker process: one engine per process, batches in, records out.

Pool processes and Dask workers both call ``analyse_batch``. The engine is built on the
first batch a process sees and reused for every later one (issue 7: the model is loaded
once per worker, never per batch or per article).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol

from flashpoint.errors import ArticleError
from flashpoint.models import Analysis, Article
from flashpoint.settings import Settings


class Analyzer(Protocol):
    def analyze_many(
        self, articles: Iterable[Article | ArticleError]
    ) -> Iterator[Analysis | ArticleError]: ...


EngineFactory = Callable[[Settings], Analyzer]
# One result per input article, in input order: ("ok", record) or ("error", id, reason).
Result = tuple[Any, ...]

_ENGINES: dict[tuple[EngineFactory, Settings], Analyzer] = {}
_LOCK = threading.Lock()  # a multi-threaded Dask worker must still build one engine


def default_factory(settings: Settings) -> Analyzer:
    from flashpoint import get_engine

    return get_engine(settings)


def engine_for(settings: Settings, factory: EngineFactory | None = None) -> Analyzer:
    """The engine of this process for ``settings``, built on first use."""
    key = (factory or default_factory, settings)
    with _LOCK:
        if key not in _ENGINES:
            _ENGINES[key] = key[0](settings)
        return _ENGINES[key]


def analyse_batch(
    articles: list[Article], settings: Settings, factory: EngineFactory | None = None
) -> list[Result]:
    """Analyse a batch; one failing article becomes an error result, never a lost batch."""
    engine = engine_for(settings, factory)
    with _LOCK:  # spaCy pipelines are not thread-safe; single-threaded workers never wait
        try:
            return [_result(item) for item in engine.analyze_many(articles)]
        except Exception:  # the batch crashed as a whole: find the article that did it
            return [_one(engine, article) for article in articles]


def _one(engine: Analyzer, article: Article) -> Result:
    try:
        return _result(next(iter(engine.analyze_many([article]))))
    except Exception as exc:
        return ("error", article.id, f"analysis failed: {type(exc).__name__}: {exc}")


def _result(item: Analysis | ArticleError) -> Result:
    if isinstance(item, ArticleError):
        return ("error", item.article_id, item.reason)
    return ("ok", item.to_dict())
