"""Actor resolution on short sentences written for these tests (issue 3)."""

from __future__ import annotations

from .helpers import actor, mention_texts, resolve


def test_unknown_person_is_resolved_from_the_descriptor_and_surname_coref():
    text = (
        "Former Iranian diplomat Hossein Rassam said on Monday that the talks had failed. "
        "Mr Rassam added that Tehran would not return to the table."
    )
    index = resolve(text)
    rassam = actor(index, "Hossein Rassam")
    assert (rassam.kind, rassam.country, rassam.former) == ("person", "IRN", True)
    assert rassam.description == "Former Iranian diplomat"
    assert "Mr Rassam" in mention_texts(rassam)
    assert "Iran" not in [a.name for a in index.actors if "Iranian" in mention_texts(a)]
    assert actor(index, "Iran").mentions[0].text == "Tehran"


def test_he_as_subject_refers_to_the_last_person_subject():
    text = "Vladimir Putin met the delegation on Friday. He said the meeting was useful."
    putin = actor(resolve(text), "Vladimir Putin")
    assert mention_texts(putin) == ["Vladimir Putin", "He"]


def test_pronoun_in_a_quote_is_not_the_speaker():
    text = (
        "Analysts say Mr Putin is cautious. Jane Okafor, a former analyst, continued: "
        "\u201cHe will wait for the right moment.\u201d"
    )
    index = resolve(text)
    assert "He" in mention_texts(actor(index, "Vladimir Putin"))


def test_office_depends_on_the_article_date():
    text = "Donald Trump criticised the nuclear deal with Iran."
    assert actor(resolve(text, "2015-06-01"), "Donald Trump").sector is None
    assert actor(resolve(text, "2020-02-25"), "Donald Trump").sector == "GOV"
    pompeo = "Mike Pompeo travelled to Seoul."
    assert actor(resolve(pompeo, "2017-06-01"), "Mike Pompeo").description == "CIA Director"
    assert actor(resolve(pompeo, "2019-06-01"), "Mike Pompeo").description == "Secretary of State"


def test_seat_of_power_implies_a_sector():
    pentagon = actor(resolve("The Pentagon said it would send more troops."), "Pentagon")
    assert (pentagon.kind, pentagon.country, pentagon.sector) == ("country", "USA", "MIL")


def test_regions_are_places_never_actors():
    index = resolve("Tensions rose across the Middle East as Iran warned Israel.")
    assert [a.name for a in index.actors] == ["Iran", "Israel"]
    assert [(p.name, p.kind) for p in index.places] == [("Middle East", "region")]


def test_country_after_a_locative_preposition_is_a_place():
    index = resolve("Russia expanded its influence in Syria.")
    assert [a.name for a in index.actors] == ["Russia"]
    assert [(p.name, p.country) for p in index.places] == [("Syria", "SYR")]


def test_journalist_of_a_newspaper_is_media_not_a_state():
    index = resolve("The Guardian's Mary Holloway reported that Tehran would retaliate.")
    journalist = actor(index, "Mary Holloway")
    assert (journalist.kind, journalist.sector) == ("person", "MED")
    assert actor(index, "The Guardian").sector == "MED"


def test_unnamed_official_takes_country_and_sector():
    index = resolve("A senior US official said the sanctions would stay.")
    official = index.actors[0]
    assert (official.kind, official.country, official.sector) == ("person", "USA", "GOV")
    assert official.mentions[0].text == "senior US official"


def test_possessive_country_and_role_give_country_and_sector():
    index = resolve("Iran's foreign minister Ali Rezaei rejected the offer.")
    minister = actor(index, "Ali Rezaei")
    assert (minister.country, minister.sector, minister.former) == ("IRN", "GOV", False)


def test_used_to_work_at_makes_a_former_official_of_that_country():
    text = "Andrea Lindqvist, who used to work at the State Department, said the plan was risky."
    person = actor(resolve(text), "Andrea Lindqvist")
    assert (person.country, person.former) == ("USA", True)


def test_the_two_nations_is_a_group_of_the_last_two_countries():
    index = resolve("Russia expanded its influence in Iran. The two nations signed a pact.")
    token = next(t for t in index.doc if t.text == "nations")
    assert [a.country for a in index.actors_of(token)] == ["RUS", "IRN"]


def test_the_country_as_subject_is_the_last_acting_country():
    index = resolve("Russia condemned the strike. Analysts said the country had warned Israel.")
    assert "the country" in mention_texts(actor(index, "Russia"))


def test_compound_and_collective_actors():
    index = resolve("Iran met China, France, Germany and Britain while Western nations waited.")
    assert [a.country for a in index.actors] == ["IRN", "CHN", "FRA", "DEU", "GBR", "WST"]
    assert actor(index, "Western nations").kind == "group"


def test_teaser_words_are_never_actors():
    index = resolve("EXPLAINED: Why World War 3 fears grew as Iran fired missiles")
    assert [a.name for a in index.actors] == ["Iran"]


def test_ids_follow_first_mention_and_spans_slice_back():
    text = "Mr Putin spoke to Iran. Putin later called Emmanuel Macron about Iran."
    index = resolve(text)
    assert [a.id for a in index.actors] == ["A1", "A2", "A3"]
    assert [a.name for a in index.actors] == ["Vladimir Putin", "Iran", "Emmanuel Macron"]
    for found in index.actors:
        for mention in found.mentions:
            assert text[mention.start : mention.end] == mention.text
    assert index.actor_of(index.doc[1]).name == "Vladimir Putin"


def test_lower_case_direction_is_not_the_west():
    index = resolve("Fighting spread to the west of the country, Syria said.")
    assert [a.name for a in index.actors] == ["Syria"]


def test_group_in_a_country_is_of_that_country():
    index = resolve("Rebels in Syria rejected the ceasefire.")
    rebels = actor(index, "Rebels")
    assert (rebels.kind, rebels.country, rebels.sector) == ("group", "SYR", "REB")
    assert [p.name for p in index.places] == ["Syria"]


def test_a_blank_pipeline_doc_still_resolves_knowledge_base_names():
    import spacy

    from flashpoint import make_article

    from .helpers import resolver

    text = "Putin met Erdogan in Ankara"
    index = resolver().resolve(spacy.blank("en")(text), make_article(text, published="2020-02-25"))
    assert [a.name for a in index.actors] == ["Vladimir Putin", "Recep Tayyip Erdogan", "Turkey"]


def test_a_short_form_of_an_organisation_in_the_article_is_that_organisation():
    text = (
        "The Washington Post reported on Monday that the envoy had resigned. "
        "According to the Post, the decision came after a week of talks. "
        "The Eastern Shipping Alliance said the Alliance would hold a vote, "
        "while the Postal Union and the Workers Union stayed silent."
    )
    index = resolve(text)
    post = actor(index, "The Washington Post")
    assert mention_texts(post) == ["The Washington Post", "Post"]
    assert "Post" not in [a.name for a in index.actors]
    # a word ending two organisations' names is nobody's short form
    unions = [a.name for a in index.actors if a.name.endswith("Union")]
    assert len(unions) == 2, [a.name for a in index.actors]


def test_a_title_the_parser_left_apart_from_the_name_after_it_is_that_person():
    text = (
        "Ruritania’s ambassador to the United Nations, Petra Vasquez, said the vote was unfair. "
        "Elbonian Foreign Minister Adel Haddad - angered by the vote - said he would appeal."
    )
    index = resolve(text)
    assert any("ambassador" in m for m in mention_texts(actor(index, "Petra Vasquez")))
    assert any("Minister" in m for m in mention_texts(actor(index, "Adel Haddad")))
    titles = [a.name for a in index.actors if "ambassador" in a.name or "Minister" in a.name]
    assert titles == []
