"""Hostile text through the whole pipeline (issue 8, item 1).

Every article gives an ``Analysis`` or an ``ArticleError`` (never an exception), every
span slices back, and a pathological article is refused or cut with a clear error while
the rest of its batch goes on. ``bench/fuzz.py`` runs the same at 10,000 cases.
"""

from __future__ import annotations

import copy
import threading
import time
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flashpoint.errors import ArticleError
from flashpoint.models import Analysis, Article
from flashpoint.validate import span_problems

WORDS = ["Iran", "condemned", "the", "United States", "Putin", "said", "sanctions", "on Monday",
         "talks", "in Moscow", "Hamas", "attacked", "Israel", "threatened", "to", "withdraw", "."]  # fmt: skip
ODD = ["\x00", "\u202e", "\u202b", "\u200b", "\ufeff", "\u3000", "\t", "\r\n", "\n\n", '"', "'",
       "“", "”", "‘", "’", "«", "»", "—", "إيران تدين", "איראן", "Россия", "中国", "🇺🇦", "e\u0301",
       "\ud800", "Source: Read Full Article", "(AP) —"]  # fmt: skip
TEXTS = st.lists(st.sampled_from(WORDS + ODD), max_size=60).map(" ".join) | st.text(max_size=200)
OK = "Iran condemned the United States on Monday."


def check(results: list[Analysis | ArticleError], articles: list[Article]) -> None:
    assert [r.article.id if isinstance(r, Analysis) else r.article_id for r in results] == [
        a.id for a in articles
    ]
    for result in results:
        if isinstance(result, ArticleError):
            assert result.reason
        else:
            assert isinstance(result, Analysis)
            assert span_problems(result.to_dict()) == []


@settings(max_examples=120, deadline=None)
@given(st.lists(TEXTS, min_size=1, max_size=4))
def test_any_text_gives_an_analysis_or_an_article_error(engine, texts):
    articles = [Article(id=f"a{i}", text=text) for i, text in enumerate(texts)]
    check(list(engine.analyze_many(articles)), articles)


ADVERSARIAL = {
    "empty": "",
    "whitespace": " \n\t\u3000\u200b\r\n",
    "nul": "Iran\x00 condemned\x00 the United States.\x00",
    "rtl": "\u202eIran condemned the US.\u202c إيران أدانت الولايات المتحدة. איראן גינתה",
    "quotes": 'Iran said "' + '"“”‘’«'.replace("", " ") * 120,
    "lone-surrogate": "Iran \ud800 condemned the United States.",
    "five-mb-line": "Iran attacked Iraq " * 280_000,
    "long-token": "Iran said " + "x" * 150_000 + ".",
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_text_never_stops_the_batch(engine, name):
    articles = [Article(id="bad", text=ADVERSARIAL[name]), Article(id="good", text=OK)]
    results = list(engine.analyze_many(articles))
    check(results, articles)
    assert isinstance(results[1], Analysis) and results[1].events


def test_an_endless_sentence_is_refused_up_front(engine):
    articles = [Article(id="run-on", text="Iran attacked Iraq " * 3000), Article(id="ok", text=OK)]
    started = time.monotonic()
    refused, fine = engine.analyze_many(articles)
    assert isinstance(refused, ArticleError) and "9,000 tokens long" in refused.reason
    assert "FLASHPOINT_MAX_SENTENCE_TOKENS" in refused.reason
    assert isinstance(fine, Analysis) and time.monotonic() - started < 30


@pytest.fixture
def impatient(engine):
    """The shared engine with a 0.2 s article limit and no sentence guard."""
    quick = copy.copy(engine)
    quick.settings = replace(engine.settings, article_timeout=0.2, max_sentence_tokens=10_000)
    return quick


SLOW = ("Iran attacked Iraq " * 80 + ". ") * 12  # about 3 s of event coding


def test_a_slow_article_is_cut_at_the_time_limit(impatient):
    started = time.monotonic()
    slow, fine = impatient.analyze_many([Article(id="slow", text=SLOW), Article(id="ok", text=OK)])
    assert isinstance(slow, ArticleError) and "longer than 0.2 s" in slow.reason
    assert isinstance(fine, Analysis)
    assert time.monotonic() - started < 15


def test_the_time_limit_holds_in_a_worker_thread(impatient):
    """No signals off the main thread (API workers): measured, same error."""
    results: list[object] = []
    worker = threading.Thread(
        target=lambda: results.extend(impatient.analyze_many([Article(id="slow", text=SLOW)]))
    )
    worker.start()
    worker.join(timeout=120)
    [slow] = results
    assert isinstance(slow, ArticleError) and "longer than 0.2 s" in slow.reason
