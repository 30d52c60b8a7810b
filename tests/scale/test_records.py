"""Records round-trip into Analysis objects; a crashing batch is narrowed to one article."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from scale_articles import articles

from flashpoint.errors import ArticleError
from flashpoint.models import Analysis, Article
from flashpoint.scale.records import analysis_from_record, batch_key, month_of
from flashpoint.scale.worker import analyse_batch
from flashpoint.settings import Settings


def test_a_record_rebuilds_the_same_analysis(engine):
    for analysis in engine.analyze_many(articles()[:4]):
        assert isinstance(analysis, Analysis)
        record = analysis.to_dict()
        assert analysis_from_record(record).to_dict() == record


def test_batch_key_and_month_are_stable():
    first = articles()
    assert batch_key([a.id for a in first]) == batch_key([a.id for a in articles()])
    assert batch_key(["a", "b"]) != batch_key(["b", "a"])
    assert month_of(first[0]) == "2020-01"


class _Crashy:
    """Raises for the whole batch when it holds 'boom', like a bug in one stage."""

    def analyze_many(self, items: Iterable[Article | ArticleError]) -> Iterator[Analysis]:
        batch = list(items)
        if any(isinstance(a, Article) and "boom" in a.text for a in batch):
            raise RuntimeError("stage crashed")
        for article in batch:
            assert isinstance(article, Article)
            yield Analysis(article=article)


def _crashy(settings: Settings) -> _Crashy:
    return _Crashy()


def test_one_crashing_article_becomes_one_error_and_the_batch_survives():
    batch = [Article(id="ok1", text="fine"), Article(id="x", text="boom"),
             Article(id="ok2", text="fine too")]  # fmt: skip
    results = analyse_batch(batch, Settings(), _crashy)
    assert [r[0] for r in results] == ["ok", "error", "ok"]
    assert results[1][1:] == ("x", "analysis failed: RuntimeError: stage crashed")
