"""Date expressions resolved against the publication date, and tied to event triggers."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.models import Article, Event, Span
from flashpoint.temporal.dates import assign_dates, resolve_date_expression

PUBLISHED = dt.date(2020, 2, 25)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tomorrow", ("2020-02-26", "day")),
        ("yesterday", ("2020-02-24", "day")),
        ("May last year", ("2019-05-01", "month")),
        ("in May last year", ("2019-05-01", "month")),
        ("last week", ("2020-02-17", "week")),
        ("in October", ("2019-10-01", "month")),
        ("back in October", ("2019-10-01", "month")),
        ("in January", ("2020-01-01", "month")),
        ("in May 2018", ("2018-05-01", "month")),
        ("the last few years", ("2017-01-01", "range")),
        ("in recent years", ("2017-01-01", "range")),
        ("2015", ("2015-01-01", "year")),
        ("last year", ("2019-01-01", "year")),
        ("next month", ("2020-03-01", "month")),
        ("Tuesday", ("2020-02-25", "day")),
        ("Sunday night", ("2020-02-23", "day")),
        ("late on Thursday", ("2020-02-20", "day")),
        ("November 8, 2016", ("2016-11-08", "day")),
        ("two days", (None, "unresolved")),
        ("30", (None, "unresolved")),
    ],
)
def test_resolve_against_publication(text, expected):
    assert resolve_date_expression(text, PUBLISHED) == expected


def test_future_context_prefers_the_coming_day():
    assert resolve_date_expression("Friday", PUBLISHED, prefer="future") == ("2020-02-28", "day")


@pytest.mark.parametrize("text", ["tomorrow", "last week", "May last year", "in October"])
def test_relative_dates_stay_unresolved_without_publication(text):
    assert resolve_date_expression(text, None) == (None, "unresolved")


def test_absolute_dates_resolve_without_publication():
    assert resolve_date_expression("in May 2018", None) == ("2018-05-01", "month")


def event_at(text: str, trigger: str) -> Event:
    start = text.index(trigger)
    return Event(
        id="E1",
        type="CONSULT",
        modality="asserted",
        evidence=Span.of(text, 0, len(text)),
        trigger=Span.of(text, start, start + len(trigger)),
    )


TEXT = (
    "The ministers are meeting with their counterparts tomorrow to discuss the 2015 accord. "
    "The government pulled out of the accord in May 2018, and it has imposed sanctions ever since. "
    "Protesters marched through the capital."
)


@pytest.fixture(scope="module")
def doc(engine):
    return engine.nlp(TEXT)


def test_event_gets_the_date_tied_to_its_trigger(doc):
    meeting, withdrawal = event_at(TEXT, "meeting"), event_at(TEXT, "pulled")
    article = Article(id="t", text=TEXT, published=PUBLISHED)
    assign_dates(doc, [meeting, withdrawal], article)
    assert (meeting.date, meeting.date_precision, meeting.date_text) == (
        "2020-02-26",
        "day",
        "tomorrow",
    )
    assert (withdrawal.date, withdrawal.date_precision) == ("2018-05-01", "month")
    assert withdrawal.date_text == "May 2018"


def test_date_of_another_clause_is_not_taken(doc):
    sanctions = event_at(TEXT, "imposed")
    assign_dates(doc, [sanctions], Article(id="t", text=TEXT, published=PUBLISHED))
    assert (sanctions.date, sanctions.date_precision, sanctions.date_text) == (
        "2020-02-25",
        "published",
        None,
    )


def test_untied_event_without_publication_has_no_date(doc):
    march = event_at(TEXT, "marched")
    assign_dates(doc, [march], Article(id="t", text=TEXT))
    assert (march.date, march.date_precision) == (None, None)


def test_relative_tied_date_without_publication_keeps_its_text(doc):
    meeting = event_at(TEXT, "meeting")
    assign_dates(doc, [meeting], Article(id="t", text=TEXT))
    assert (meeting.date, meeting.date_precision, meeting.date_text) == (
        None,
        "unresolved",
        "tomorrow",
    )
