"""The output contract flashpoint.article/1: schema-valid, and every span slices back."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from flashpoint.ingest.readers import read_text_article
from flashpoint.validate import span_problems

SCHEMA = json.loads(
    resources.files("flashpoint").joinpath("data/article-1.schema.json").read_text("utf-8")
)

TEXT = """Iran rejects talks as US tightens sanctions

Iran's foreign minister Javad Zarif on Monday rejected new talks with the United States.
"We will not negotiate under pressure," Mr Zarif told reporters in Tehran.
The US Treasury imposed sanctions on Iran's central bank last week.
Why Tehran is running out of friends [ANALYSIS]
Source: Read Full Article"""


@pytest.fixture(scope="module")
def record(engine):
    import datetime as dt

    article = read_text_article(TEXT.encode(), name="fixture.txt", published=dt.date(2019, 9, 23))
    return engine.analyze(article).to_dict()


def test_output_is_valid_against_the_published_schema(record):
    jsonschema.validate(record, SCHEMA)
    assert record["schema"] == "flashpoint.article/1"


def test_every_span_slices_back_from_the_original_text(record):
    assert span_problems(record) == []


def test_boilerplate_is_skipped_and_never_coded(record):
    skipped = {s["reason"]: s["text"] for s in record["skipped"]}
    assert skipped["related-link"].endswith("[ANALYSIS]")
    assert skipped["aggregator"] == "Source: Read Full Article"
    starts = [(s["start"], s["end"]) for s in record["skipped"]]
    for event in record["events"]:
        assert not any(a <= event["trigger"]["start"] < b for a, b in starts)
    assert not any(a["name"] in {"ANALYSIS", "Read Full Article"} for a in record["actors"])


def test_the_fixture_yields_actors_events_and_a_quote(record):
    countries = {a["country"] for a in record["actors"]}
    assert {"IRN", "USA"} <= countries
    assert any(e["type"] == "SANCTION" for e in record["events"])
    assert any(
        q["kind"] == "direct" and "negotiate" in q["content"]["text"] for q in record["quotes"]
    )


@pytest.mark.shared
def test_seed_output_is_valid_and_slices_back(seed_analysis):
    record = seed_analysis.to_dict()
    jsonschema.validate(record, SCHEMA)
    assert span_problems(record) == []


@pytest.mark.shared
def test_seed_skips_the_three_related_links_and_the_source_line(seed_analysis):
    reasons = [s.reason for s in seed_analysis.skipped]
    assert reasons.count("related-link") == 3 and reasons.count("aggregator") == 1
    assert {s.text for s in seed_analysis.skipped if s.reason == "aggregator"} == {
        "Source: Read Full Article"
    }


@pytest.mark.shared
def test_seed_issue2_must_show(seed_analysis):
    by_surname = {a.name.split()[-1]: a for a in seed_analysis.actors if a.kind == "person"}
    assert by_surname["Putin"].country == "RUS"
    assert by_surname["Trump"].country == "USA"
    assert by_surname["Soleimani"].country == "IRN"
    assert by_surname["Rassam"].country == "IRN" and by_surname["Rassam"].former
    rassam = by_surname["Rassam"].id
    assert any(q.speaker == rassam for q in seed_analysis.quotes)
    sanctions = [e for e in seed_analysis.events if e.type == "SANCTION"]
    assert any(
        {p.code for p in e.actor} == {"USA"} and {p.code for p in e.recipient} == {"IRN"}
        for e in sanctions
    )
