"""Property test at the store boundary: any analysis comes back exactly as written."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flashpoint.models import Actor, Analysis, Article, Event, Party, Quote, Skipped, Span
from flashpoint.store import Store, content_hash

TRICKY = st.sampled_from([
    "<script>alert('x')</script>", '"quoted"', "it's", "back\\slash", "tab\there",
    "line\nbreak", "Ünïcödé — 日本語 🚀", "'; DROP TABLE articles; --", "", " ",
])  # fmt: skip
TEXT = st.one_of(st.text(max_size=60), TRICKY)
ids = itertools.count()


@st.composite
def spans(draw, text: str) -> Span:
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return Span.of(text, start, end)


@st.composite
def analyses(draw) -> Analysis:
    text = draw(st.lists(TEXT, min_size=1, max_size=4).map(" ".join))
    article = Article(
        id=f"h{next(ids)}-" + draw(TEXT),
        text=text,
        title=draw(st.none() | TEXT),
        published=draw(st.none() | st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1))),
        source=draw(st.none() | TEXT),
        url=draw(st.none() | TEXT),
    )
    party = st.builds(Party, st.none() | TEXT, st.none() | TEXT, st.none() | TEXT, TEXT)
    events = [
        Event(
            id=f"e{i}", type=draw(TEXT), modality=draw(st.sampled_from(["asserted", "future"])),
            evidence=draw(spans(text)), trigger=draw(spans(text)),
            actor=draw(st.lists(party, max_size=2)), recipient=draw(st.lists(party, max_size=2)),
            mode=draw(st.none() | TEXT), context=draw(st.lists(TEXT, max_size=2)),
            cameo=draw(st.none() | TEXT), quad_class=draw(st.none() | st.integers(1, 4)),
            score=draw(st.none() | st.floats(-10, 10)),
            goldstein=draw(st.none() | st.floats(-10, 10)),
            date=draw(st.none() | st.sampled_from(["2020", "2020-01", "2020-01-03", "soon"])),
            date_text=draw(st.none() | TEXT),
            location=draw(st.none() | st.dictionaries(TEXT, st.none() | TEXT | st.floats(-90, 90),
                                                      max_size=3)),
            confidence=draw(st.floats(0, 1)),
        )
        for i in range(draw(st.integers(0, 3)))
    ]  # fmt: skip
    actors = [
        Actor(f"x{i}", draw(TEXT), "person", country=draw(st.none() | TEXT),
              former=draw(st.booleans()), description=draw(st.none() | TEXT),
              mentions=draw(st.lists(spans(text), max_size=2)))
        for i in range(draw(st.integers(0, 2)))
    ]  # fmt: skip
    quotes = [
        Quote(f"q{i}", "direct", draw(spans(text)), cue=draw(st.none() | spans(text)),
              speaker_text=draw(st.none() | TEXT), continues=draw(st.booleans()))
        for i in range(draw(st.integers(0, 2)))
    ]  # fmt: skip
    skipped = [
        Skipped(s.start, s.end, s.text, draw(TEXT)) for s in draw(st.lists(spans(text), max_size=2))
    ]
    return Analysis(
        article=article, actors=actors, events=events, quotes=quotes, skipped=skipped,
        warnings=draw(st.lists(TEXT, max_size=2)),
        headline=draw(st.none() | st.dictionaries(TEXT, TEXT | st.integers(), max_size=2)),
    )  # fmt: skip


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(batch=st.lists(analyses(), min_size=1, max_size=3))
def test_any_analysis_round_trips_exactly(tmp_path, batch):
    expected, hashes = {}, set()
    for analysis in batch:  # the same content twice in a batch is stored once (idempotence)
        digest = content_hash(analysis.article)
        expected[analysis.article.id] = None if digest in hashes else analysis.to_dict()
        hashes.add(digest)
    with Store.open(tmp_path / f"prop{next(ids)}.duckdb") as store:
        result = store.write(batch)
        assert result.stored + result.unchanged == len(batch)
        assert {a.article.id: store.analysis(a.article.id) for a in batch} == expected
        assert store.check() == []
