"""Pronoun gender, titled names the model mislabels, and roles named in a relative clause."""

from __future__ import annotations

from .helpers import actor, mention_texts, resolve


def person(index, surname: str):
    """The person actor whose name ends in ``surname`` (titles may or may not be kept)."""
    found = [a for a in index.actors if a.kind == "person" and a.name.endswith(surname)]
    assert len(found) == 1, [a.name for a in index.actors]
    return found[0]


def test_he_does_not_link_to_a_woman_named_before():
    index = resolve(
        "Foreign Minister Sofia Marquez met the envoy on Monday. Ms Marquez said the talks were "
        "useful. Her deputy, Carlos Ortega, disagreed. He said nothing had changed."
    )
    assert "He" not in mention_texts(person(index, "Marquez"))
    assert "Ms Marquez" in mention_texts(person(index, "Marquez"))


def test_she_links_to_the_woman_not_the_last_man():
    index = resolve(
        "Mrs Okafor chaired the meeting. Mr Lindqvist spoke first. She later said the vote "
        "would be held in May."
    )
    assert "She" in mention_texts(person(index, "Okafor"))
    assert "She" not in mention_texts(person(index, "Lindqvist"))


def test_a_name_after_a_title_is_a_person_whatever_the_model_says():
    index = resolve("President Amara Diallo accused her neighbour of stoking unrest.")
    assert actor(index, "Amara Diallo").kind == "person"


def test_honorific_and_surname_is_a_person_and_links_to_the_full_name():
    index = resolve(
        "Prime Minister Tomas Reinholt dismissed the report. Mr Reinholt said the army had "
        "stayed behind the line."
    )
    assert "Mr Reinholt" in mention_texts(actor(index, "Tomas Reinholt"))


def test_a_role_named_in_its_relative_clause_is_that_person_not_an_earlier_one():
    index = resolve(
        "UN envoy Ingrid Solberg said the truce held. The rebel commander, who goes by the name "
        "Abu Tariq, said his men had not fired."
    )
    assert "The rebel commander" not in mention_texts(actor(index, "Ingrid Solberg"))
    assert any("Abu Tariq" in a.name for a in index.actors)


def test_a_capital_inside_a_person_name_is_a_first_name():
    index = resolve("Foreign Minister Sofia Marquez met Jordan Peterson. Talks in Sofia ended.")
    assert {a.kind for a in index.actors} == {"person"}
    assert [p.text for p in index.places] == ["Sofia"]


def test_a_given_name_tells_the_gender_when_nothing_else_does():
    index = resolve(
        "Nikki Dawes announced the sanctions on Monday. Larry Holm blamed the delay on the "
        "ambassador, saying she moved too early."
    )
    assert "she" not in mention_texts(person(index, "Holm"))
