"""Definite role nouns linked to the person who held that office (actors/coref.py)."""

from __future__ import annotations

import flashpoint


def _mentions(engine, text: str, published: str) -> dict[str, list[str]]:
    analysis = engine.analyze(flashpoint.make_article(text, published=published))
    return {a.name: [m.text for m in a.mentions] for a in analysis.actors}


def test_the_president_is_the_office_holder_named_before(engine):
    text = (
        "Donald Trump spoke to Vice President Mike Pence by phone on Monday.\n\n"
        "Later the President signed the order."
    )
    mentions = _mentions(engine, text, "2019-05-06")
    assert "the President" in mentions["Donald Trump"]
    assert "the President" not in mentions.get("Mike Pence", [])


def test_the_office_must_be_held_on_the_day(engine):
    # in 2010 Trump held no office: "the president" is not linked to him by the office rule
    text = "Donald Trump met Barack Obama in New York.\n\nThe president praised the city."
    mentions = _mentions(engine, text, "2010-05-06")
    assert "The president" in mentions["Barack Obama"]
    assert "The president" not in mentions["Donald Trump"]


def test_an_apposition_after_a_prepositional_phrase_names_the_whole_phrase(engine):
    text = (
        "Angela Merkel arrived in Paris on Monday.\n\n"
        "An aide to the chancellor, Markus Feld, described the talks as frank."
    )
    mentions = _mentions(engine, text, "2019-03-12")
    assert "the chancellor" in mentions["Angela Merkel"]
    assert "the chancellor" not in mentions.get("Markus Feld", [])


def test_a_known_surname_after_another_first_name_is_someone_else(engine):
    text = "Ivanka Trump met Moon Jae-in in Seoul.\n\nPresident Donald Trump praised the talks."
    mentions = _mentions(engine, text, "2018-02-26")
    assert "Ivanka Trump" not in mentions["Donald Trump"]


def test_a_bare_surname_the_parser_reads_as_a_modal_is_the_person(engine):
    text = (
        "Prime Minister Theresa May postponed the vote.\n\n"
        '"The deal would be rejected," May told parliament.'
    )
    analysis = engine.analyze(flashpoint.make_article(text, published="2018-12-10"))
    may = next(a for a in analysis.actors if a.name == "Theresa May")
    assert [q.speaker for q in analysis.quotes if q.kind == "direct"] == [may.id]


def test_a_bare_office_is_not_the_last_speaker(engine):
    text = (
        'Boris Johnson said: "We will deliver."\n\n'
        'The queen sent a message to the nation: "We will meet again."'
    )
    analysis = engine.analyze(flashpoint.make_article(text, published="2020-04-05"))
    johnson = next(a for a in analysis.actors if a.name == "Boris Johnson")
    last = [q for q in analysis.quotes if q.kind == "direct"][-1]
    assert last.content.text.startswith("We will meet again")
    assert last.speaker != johnson.id


def test_a_double_surname_is_one_person(engine):
    text = (
        "Carlos Ruiz Ortega, a professor in Havana, spoke on Thursday.\n\n"
        '"We cannot trust them," Ruiz says.'
    )
    analysis = engine.analyze(flashpoint.make_article(text, published="2015-08-14"))
    ruiz = [a for a in analysis.actors if "Ruiz" in a.name]
    assert [a.name for a in ruiz] == ["Carlos Ruiz Ortega"]
    assert [q.speaker for q in analysis.quotes if q.kind == "direct"] == [ruiz[0].id]


def test_a_drafted_role_is_the_person_it_described(engine):
    text = (
        "A video showed Japanese freelance journalist Kenji Sato holding a photo.\n\n"
        '"I am Kenji Sato," the journalist is heard to say.'
    )
    analysis = engine.analyze(flashpoint.make_article(text, published="2015-01-25"))
    sato = next(a for a in analysis.actors if a.name == "Kenji Sato")
    direct = [q for q in analysis.quotes if q.kind == "direct"]
    assert direct and direct[0].speaker == sato.id


def test_a_country_word_of_the_title_need_not_be_repeated(engine):
    # Clinton was "US senator" in 2006: "the senator" is her
    text = "Hillary Clinton visited a factory in Buffalo.\n\nThe senator praised the workers."
    mentions = _mentions(engine, text, "2006-05-06")
    assert "The senator" in mentions["Hillary Clinton"]


def test_the_state_and_party_description_is_the_politician_named_before(engine):
    text = (
        'Senator Tom Reyes said the bill was dead. "It will not pass," the Idaho Republican said.'
    )
    analysis = engine.analyze(flashpoint.make_article(text, published="2019-05-06"))
    reyes = next(a for a in analysis.actors if a.name == "Tom Reyes")
    assert [q.speaker for q in analysis.quotes if q.kind == "direct"] == [reyes.id]
