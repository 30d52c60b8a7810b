"""Unnamed role-noun actors and titled strangers get a country from where they are.

Sentences written for these tests; the rules are in ``flashpoint/actors/roles.py``.
"""

from __future__ import annotations

from .helpers import actor, resolve


def _codes(text: str) -> dict[str, tuple[str | None, str | None]]:
    return {a.name: (a.country, a.sector) for a in resolve(text).actors}


def test_role_noun_with_a_locative_phrase_of_its_own():
    index = resolve("Police in Nairobi fired tear gas at the crowd.")
    police = actor(index, "Police")
    assert (police.country, police.sector) == ("KEN", "GOV")
    # the city stays a place: it supplies the country, it is not a party
    assert [p.name for p in index.places] == ["Nairobi"]
    assert all(a.kind != "country" for a in index.actors)


def test_role_noun_located_by_its_clause():
    index = resolve("Thousands of students marched through Belgrade on Sunday.")
    assert (actor(index, "students").country, actor(index, "students").sector) == ("SRB", "CVL")
    assert [(p.name, p.country) for p in index.places] == [("Belgrade", "SRB")]
    assert not [a for a in index.actors if a.kind == "country"]


def test_role_noun_located_by_the_object_of_its_verb():
    assert _codes("Rebels attacked an army post outside Kabul.")["Rebels"] == ("AFG", "REB")


def test_place_or_country_inside_the_noun_phrase():
    assert _codes("Nairobi police detained two journalists.")["Nairobi police"] == ("KEN", "GOV")
    assert _codes("The army of Sudan shelled the town.")["army"] == ("SDN", "MIL")


def test_nationality_adjective_and_possessive_still_win():
    codes = _codes("Kenyan police arrested the protesters in Kampala.")
    assert codes["Kenyan police"] == ("KEN", "GOV")
    assert _codes("Iraq's parliament approved the law.")["Iraq's parliament"] == ("IRQ", "LEG")


def test_unplaced_collective_is_an_actor_without_a_country():
    assert _codes("Demonstrators blocked the main road.") == {"Demonstrators": (None, "CVL")}


def test_unplaced_official_is_not_an_actor():
    # an unnamed speaker is nobody (the quote fixtures of issue 5 rely on it)
    assert resolve("A spokesman said the talks had failed.").actors == []


def test_titled_stranger_gets_the_country_of_the_clause_location():
    index = resolve("President Tomas Rendel said in Lisbon that the talks would resume.")
    assert (actor(index, "Tomas Rendel").country, actor(index, "Tomas Rendel").sector) == (
        "PRT",
        "GOV",
    )


def test_a_travel_destination_is_not_the_travellers_country():
    index = resolve("President Tomas Rendel arrived in Lisbon on Monday.")
    assert actor(index, "Tomas Rendel").country is None


def test_office_holders_of_the_nineties_are_known():
    index = resolve("President Askar Akayev opened the session.", published="2000-01-01")
    akayev = actor(index, "Askar Akayev")
    assert (akayev.country, akayev.sector, akayev.former) == ("KGZ", "GOV", False)


def test_an_ethnic_group_is_coded_with_the_country_of_its_demonym():
    index = resolve("Thousands of ethnic Albanians demonstrated on Sunday.")
    assert [(a.country, a.kind) for a in index.actors] == [("ALB", "country")]
