"""The analysis pipeline: article -> nlp -> actors -> quotes -> events -> dates/places -> headline.

An ``Engine`` loads the spaCy pipeline and the knowledge base once; ``analyze`` and
``analyze_many`` reuse them for every article (issue 2: no per-article model loads).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from flashpoint.actors.resolve import ActorResolver
from flashpoint.batching import batched
from flashpoint.errors import ArticleError
from flashpoint.events.extract import EventExtractor
from flashpoint.events.implied import fill_implied
from flashpoint.headline.signal import headline_signal
from flashpoint.ingest.boilerplate import find_skipped, mask
from flashpoint.limits import ArticleTimeout, longest_sentence, time_limit
from flashpoint.models import Analysis, Article, Skipped
from flashpoint.nlp.pipeline import build_nlp
from flashpoint.nlp.text import without_invisibles
from flashpoint.places.resolve import assign_locations
from flashpoint.quotes.extract import extract_quotes
from flashpoint.settings import Settings
from flashpoint.temporal.dates import assign_dates

_SURROGATE = re.compile("[\ud800-\udfff]")


class Engine:
    """Holds the loaded models; build one per process and analyse many articles with it."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.nlp = build_nlp(self.settings)
        self.resolver = ActorResolver(self.settings)
        self.events = EventExtractor(self.settings)

    def analyze(self, article: Article) -> Analysis:
        """Analyse one article; raises ``ArticleError`` if it cannot be analysed."""
        result = next(iter(self.analyze_many([article])))
        if isinstance(result, ArticleError):
            raise result
        return result

    def analyze_with_doc(self, article: Article) -> tuple[Doc, Analysis]:
        """One article's parsed ``Doc`` beside its analysis (for training and inspection)."""
        if (problem := self._check(article)) is not None:
            raise problem
        skipped = find_skipped(article.text)
        doc = self.nlp(self._analysable_text(article, skipped))
        result = self._finish(article, doc, skipped)
        if isinstance(result, ArticleError):
            raise result
        return doc, result

    def analyze_many(
        self, articles: Iterable[Article | ArticleError]
    ) -> Iterator[Analysis | ArticleError]:
        """Analyse articles in input order; a failing article yields an ``ArticleError``."""
        for batch in batched(articles, self.settings.batch_size):
            checked = [(item, self._check(item)) for item in batch]
            ready = [
                (a, find_skipped(a.text))
                for a, problem in checked
                if isinstance(a, Article) and problem is None
            ]
            texts = (self._analysable_text(a, skipped) for a, skipped in ready)
            docs = iter(self.nlp.pipe(texts, batch_size=self.settings.batch_size))
            found = iter(skipped for _, skipped in ready)
            for item, problem in checked:
                if problem is not None:
                    yield problem
                elif isinstance(item, Article):
                    yield self._finish(item, next(docs), next(found))

    def _check(self, article: Article | ArticleError) -> ArticleError | None:
        """The reason an item cannot be analysed (a reader's error is its own reason)."""
        if isinstance(article, ArticleError):
            return article
        if not article.text.strip():
            return ArticleError(article.id, "the article text is empty")
        if (bad := _SURROGATE.search(article.text)) is not None:
            # spaCy cannot encode a lone surrogate ("\ud800" in JSON): it would fail the
            # whole nlp.pipe batch, not just this article (issue 8, found by fuzzing).
            return ArticleError(
                article.id,
                f"the text holds an unpaired surrogate (U+{ord(bad.group()):04X} at offset "
                f"{bad.start()}), which is not valid Unicode text; fix the source encoding",
            )
        if len(article.text) > self.settings.max_chars:
            return ArticleError(
                article.id,
                f"the article is {len(article.text):,} characters long, over the limit of "
                f"{self.settings.max_chars:,}; raise FLASHPOINT_MAX_CHARS to analyse it",
            )
        return None

    def _analysable_text(self, article: Article, skipped: list[Skipped]) -> str:
        # Boilerplate and the headline are blanked, not cut, so every offset in the doc is
        # an offset in the original text (issue 2). The headline is scored separately.
        spans = [(s.start, s.end) for s in skipped]
        if article.title_span is not None:
            spans.append((article.title_span.start, article.title_span.end))
        return without_invisibles(mask(article.text, spans))

    def _finish(
        self, article: Article, doc: Doc, skipped: list[Skipped]
    ) -> Analysis | ArticleError:
        # Per-article limits (issue 8): refuse what would be slow, cut what still is.
        if (longest := longest_sentence(doc)) > self.settings.max_sentence_tokens:
            return ArticleError(
                article.id,
                f"a sentence of the article is {longest:,} tokens long, over the limit of "
                f"{self.settings.max_sentence_tokens:,} (is it a list or a table without "
                f"punctuation?); raise FLASHPOINT_MAX_SENTENCE_TOKENS to analyse it",
            )
        try:
            with time_limit(self.settings.article_timeout):
                return self._stages(article, doc, skipped)
        except ArticleTimeout as exc:
            return ArticleError(
                article.id, f"{exc}; raise FLASHPOINT_ARTICLE_TIMEOUT to analyse it"
            )
        except Exception as exc:  # one bad article must never stop a batch (issue 2)
            return ArticleError(article.id, f"analysis failed: {type(exc).__name__}: {exc}")

    def _stages(self, article: Article, doc: Doc, skipped: list[Skipped]) -> Analysis:
        analysis = Analysis(article=article, skipped=skipped)
        actors = self.resolver.resolve(doc, article)
        quotes, warnings = extract_quotes(doc, actors, article, rank=self.settings.speaker_ranker)
        events = self.events.extract(doc, actors, quotes, article)
        assign_dates(doc, events, article)
        assign_locations(doc, events, actors)
        fill_implied(events, actors)
        analysis.actors = actors.actors
        analysis.quotes = quotes
        analysis.events = events
        analysis.warnings = warnings
        analysis.headline = headline_signal(article, doc, events, quotes)
        return analysis
