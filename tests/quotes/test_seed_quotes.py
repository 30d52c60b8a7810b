"""Issue 5's must-shows on the seed article (needs ../shared and the whole engine)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.shared


def speaker_names(analysis, fragment: str) -> list[str | None]:
    names = {actor.id: actor.name for actor in analysis.actors}
    return [names.get(q.speaker or "") for q in analysis.quotes if fragment in q.content.text]


def country_of(analysis, actor_id: str | None) -> str | None:
    return next((a.country for a in analysis.actors if a.id == actor_id), None)


def test_rassam_quotes_are_direct_and_the_long_one_continues(seed_analysis):
    rassam = [
        q for q in seed_analysis.quotes
        if q.kind == "direct" and speaker_names(seed_analysis, q.content.text) == ["Hossein Rassam"]
    ]  # fmt: skip
    assert len(rassam) >= 7
    wake = [q for q in rassam if q.content.text.startswith("In the wake of increased pressure")]
    assert wake and wake[0].continues
    assert any(q.content.text.startswith("Even with Soleimani present, that was") for q in rassam)


def test_wintour_quotes_over_the_related_links(seed_analysis):
    assert speaker_names(seed_analysis, "The lesson is clear") == ["Patrick Wintour"]
    assert speaker_names(seed_analysis, "seeking to embed") == ["Patrick Wintour"]
    putin = next(q for q in seed_analysis.quotes if "seeking to embed" in q.content.text)
    assert putin.continues and putin.content.text.endswith("ISIS.")


def test_kendall_taylor_quote(seed_analysis):
    assert speaker_names(seed_analysis, "capitalise on every opportunity") == [
        "Andrea Kendall-Taylor"
    ]


def test_pentagon_official(seed_analysis):
    quote = next(
        q
        for q in seed_analysis.quotes
        if q.content.text == "we are watching this relationship closely"
    )
    assert quote.kind == "direct" and quote.speaker_text == "one official"
    assert country_of(seed_analysis, quote.speaker) == "USA"


def test_scare_quote_is_not_a_direct_quote(seed_analysis):
    direct = [q.content.text for q in seed_analysis.quotes if q.kind == "direct"]
    assert "extremely opportunistic" not in direct


def test_dates_of_the_meeting_and_the_withdrawal(seed_analysis):
    meeting = [e for e in seed_analysis.events if e.date_text == "tomorrow"]
    assert meeting and meeting[0].date == "2020-02-26" and meeting[0].date_precision == "day"
    assert "meet" in meeting[0].trigger.text
    withdrawal = [e for e in seed_analysis.events if e.date_text == "May 2018"]
    assert withdrawal and withdrawal[0].date == "2018-05-01" and withdrawal[0].type == "RETREAT"


def test_untied_events_carry_the_publication_date(seed_analysis):
    untied = [e for e in seed_analysis.events if e.date_text is None]
    assert untied and all(
        e.date == "2020-02-25" and e.date_precision == "published" for e in untied
    )


def test_headline_flags_world_war_3_against_not_a_certainty(seed_analysis):
    block = seed_analysis.headline
    assert [a["text"] for a in block["alarm_terms"]][0] == "World War 3"
    assert "not a certainty" in [h["text"] for h in block["body_hedges"]]
    assert block["score"] >= 0.5
    text = seed_analysis.article.text
    for span in block["alarm_terms"] + block["body_hedges"]:
        assert text[span["start"] : span["end"]] == span["text"]
