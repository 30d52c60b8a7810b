"""Speaker patterns found reading real news (news-quotes dev), on texts written for the tests."""

from __future__ import annotations

import datetime as dt

from flashpoint.models import Analysis, Article


def analyse(engine, text: str, day: dt.date = dt.date(2018, 7, 16)) -> Analysis:
    return engine.analyze(Article(id="t", text=text, published=day))


def speaker_of(analysis: Analysis, words: str) -> str | None:
    """The speaker's actor name of the direct quote whose content holds ``words``."""
    names = {a.id: a.name for a in analysis.actors}
    found = [q for q in analysis.quotes if q.kind == "direct" and words in q.content.text]
    assert found, [q.content.text for q in analysis.quotes]
    return names.get(found[0].speaker or "")


def test_a_first_lady_is_not_the_president_with_her_surname(engine):
    analysis = analyse(
        engine,
        "President Trump landed in Tokyo on Sunday.\n\n"
        "“We are doing very well,” he said.\n\n"
        "He was joined by first lady Melania Trump, who visited a school.",
        dt.date(2017, 11, 5),
    )
    people = {a.name for a in analysis.actors if a.kind == "person"}
    assert {"Donald Trump", "Melania Trump"} <= people
    assert speaker_of(analysis, "doing very well") == "Donald Trump"


def test_a_bullet_without_a_subject_keeps_the_earlier_speaker(engine):
    analysis = analyse(
        engine,
        "Prime Minister Ana Kovac took questions on the flight home. Kovac also:\n\n"
        "• Rejected claims that President Tomas Brandt is arriving at the summit in a "
        "stronger position. “Excuse me, so am I,” she said.",
    )
    assert speaker_of(analysis, "so am I") == "Ana Kovac"


def test_the_senator_after_an_abbreviated_title(engine):
    analysis = analyse(
        engine,
        "Sen. Rand Paul said on Sunday that spying is what countries do.\n\n"
        "“I am not saying they are equivalent,” the senator said.",
    )
    assert speaker_of(analysis, "not saying they are equivalent") == "Rand Paul"


def test_a_second_subject_inside_the_quote_does_not_hide_the_speaker(engine):
    analysis = analyse(
        engine,
        "Mr. Paulsen said he doubted the other side would admit it.\n\n"
        "“So all nations that can spy, do. All nations that want to meddle and have the means "
        "… they try,” he said.",
    )
    assert speaker_of(analysis, "they try") == "Paulsen"


def test_going_on_doing_is_not_a_cue(engine):
    analysis = analyse(
        engine,
        "“We are sending more troops to guard the embassy,” Defence Secretary Mark Olsen said "
        "on Tuesday.\n\nOlsen added that the country continued to “rely on the host nation to "
        "protect our staff and their families.”",
    )
    assert speaker_of(analysis, "rely on the host nation") == "Mark Olsen"


def test_a_participle_cue_speaks_for_the_reporting_verb_above_it(engine):
    analysis = analyse(
        engine,
        "Senior lawmaker Pavel Orlov said it was not yet final that Washington had left the "
        "treaty, saying “it is still possible to read the decision as pressure rather than a "
        "legal act.”",
    )
    assert speaker_of(analysis, "still possible to read") == "Pavel Orlov"


def test_a_news_agency_only_relays_the_named_speaker(engine):
    analysis = analyse(
        engine,
        "Foreign Minister Ivan Petrov called the downing of the jet a “planned provocation” that "
        "will force Moscow to “rethink its whole relationship with Ankara,” The Associated Press "
        "reported.",
    )
    assert speaker_of(analysis, "rethink its whole relationship") == "Ivan Petrov"


def test_a_role_noun_inside_a_trailing_name(engine):
    analysis = analyse(
        engine,
        "“The bottom line is whether those groups are gaining ground or falling back,” said "
        "former CIA analyst Larry Novak.",
    )
    assert speaker_of(analysis, "bottom line") == "Larry Novak"


def test_a_reporting_noun_gives_an_indirect_quote_without_taking_the_floor(engine):
    analysis = analyse(
        engine,
        "Chancellor Ingrid Sommer spoke to reporters after the meeting. She rejected President "
        "Trump's argument that her country spends too little on defence.\n\n"
        "“Germany does a great deal for the alliance and will do more,” Sommer said.\n\n"
        "“We have raised the budget every year since 2014.”",
    )
    names = {a.id: a.name for a in analysis.actors}
    nominal = [
        q for q in analysis.quotes if q.kind == "indirect" and "spends too little" in q.content.text
    ]
    assert nominal and names.get(nominal[0].speaker or "") == "Donald Trump"
    assert nominal[0].cue is not None and nominal[0].cue.text == "argument"
    assert speaker_of(analysis, "raised the budget") == "Ingrid Sommer"
