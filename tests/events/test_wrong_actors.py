"""Wrong actors read on real articles (seed 77, measured on seed 91), as general rules.

- a bare country name compounded onto a conflict or meeting noun says where or on whom,
  not who ("the Iraq war", "the Iceland summit"); a demonym, a possessive or an
  abbreviation ("Russian attack", "Israel's strikes", "US strike") still names the doer;
- a news medium that reports an event is no party to it ("according to Reuters", credit
  lines), though one that is acted on is ("raided the offices of Al Jazeera");
- violence as a figure of speech ("killed the bill", "bombarded the counsel with letters",
  "shooting himself in the foot") is no ASSAULT, and attacking someone in words ("in a
  tweet", "for his handling", "verbal attacks") is criticism (ACCUSE, CAMEO 111);
- the act an arrest or accusation is for ("accused Chad of attacking") is its charge, not
  an event of its own.

Sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from flashpoint.models import Article

from .helpers import simple_index

PEOPLE = {
    "Morales": ("BOL", "GOV"),
    "Dunmore": ("USA", "GOV"),
    "Halvorsen": ("USA", "GOV"),
    "senator": ("USA", "LEG"),
    "lawyers": ("USA", "JUD"),
    "Republicans": ("USA", "LEG"),
}


def _events(nlp, extractor, text):
    doc = nlp(text)
    return extractor.extract(doc, simple_index(doc, PEOPLE), [], Article(id="t", text=text))


def _codes(parties):
    return {p.code for p in parties}


# fmt: off
@pytest.mark.parametrize(("text", "place"), [
    ("The Iraq war cost the allies billions of dollars.", "IRQ"),
    ("The Somalia strike killed a militant commander.", "SOM"),
    ("The Iceland summit between Norway and Sweden ended early.", "ISL"),
    ("Officials argued about the Vietnam war for decades.", "VNM"),
])
# fmt: on
def test_place_compound_is_not_the_actor(nlp, extractor, text, place):
    events = _events(nlp, extractor, text)
    assert all(place not in _codes(e.actor) for e in events), [
        (e.type, e.trigger.text, _codes(e.actor)) for e in events
    ]


# fmt: off
@pytest.mark.parametrize(("text", "word", "actor"), [
    ("The US strike killed ten fighters near the border.", "killed", "USA"),
    ("Israel's strikes hit Gaza overnight.", "strikes", "ISR"),
    ("A Russian attack on Ukraine killed five people.", "killed", "RUS"),
    ("The new U.S. sanctions on Iran took effect on Monday.", "sanctions", "USA"),
    ("The Somalia strike by Kenya killed a militant commander.", "killed", "KEN"),
])
# fmt: on
def test_doer_of_nominal_event_kept(nlp, extractor, text, word, actor):
    events = [e for e in _events(nlp, extractor, text) if word in e.trigger.text]
    assert events and actor in _codes(events[0].actor), [
        (e.type, e.trigger.text, _codes(e.actor)) for e in _events(nlp, extractor, text)
    ]


def test_place_compound_of_attack_is_its_target(nlp, extractor):
    events = _events(nlp, extractor, "The Iraq war cost the allies billions of dollars.")
    war = [e for e in events if "war" in e.trigger.text]
    assert war and not war[0].actor and _codes(war[0].recipient) == {"IRQ"}


def test_according_to_a_news_agency_is_no_party(nlp, extractor):
    events = _events(nlp, extractor, "Turkey launched a new offensive in Syria, according to Reuters.")
    assert events
    for event in events:
        assert "Reuters" not in {p.text for p in event.actor + event.recipient}
    assert any("TUR" in _codes(e.actor) for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Fox News' Frank Miles contributed to this report.",
        "Contributing: The Associated Press",
    ],
)
def test_credit_lines_are_no_events(nlp, extractor, text):
    assert _events(nlp, extractor, text) == []


def test_medium_acted_on_stays_a_party(nlp, extractor):
    events = _events(nlp, extractor, "Egyptian police raided the offices of Al Jazeera in Cairo.")
    assert any("Al Jazeera" in {p.text for p in e.recipient} for e in events), [
        (e.type, e.trigger.text, [p.text for p in e.recipient]) for e in events
    ]


# fmt: off
@pytest.mark.parametrize(("text", "word"), [
    ("The senator was bombarding the special counsel with letters.", "bombarding"),
    ("The lawyers will fight off a subpoena from Congress.", "fight"),
    ("Republicans killed the bill in the Senate.", "killed"),
    ("Morales is shooting himself in the foot with this plan.", "shooting"),
    ("Chile seized the opportunity to sign a trade deal with Peru.", "seized"),
    ("Halvorsen hit the agency with a lawsuit over Mexico.", "hit"),
])
# fmt: on
def test_metaphorical_force_is_no_assault(nlp, extractor, text, word):
    events = [e for e in _events(nlp, extractor, text) if e.trigger.text.startswith(word)]
    assert all(e.type not in ("ASSAULT", "COERCE") for e in events), [
        (e.type, e.trigger.text) for e in events
    ]


# fmt: off
@pytest.mark.parametrize(("text", "word"), [
    ("Dunmore attacked Morales in a tweet on Sunday.", "attacked"),
    ("Dunmore attacked Morales for his handling of the crisis.", "attacked"),
    ("Dunmore attacked the Bolivian deal on Tuesday.", "attacked"),
    ("Dunmore's verbal attacks on Morales continued all week.", "attacks"),
])
# fmt: on
def test_attack_in_words_is_criticism(nlp, extractor, text, word):
    events = [e for e in _events(nlp, extractor, text) if e.trigger.text.startswith(word)]
    assert events and events[0].type == "ACCUSE" and events[0].cameo == "111", [
        (e.type, e.cameo, e.trigger.text) for e in _events(nlp, extractor, text)
    ]


# fmt: off
@pytest.mark.parametrize(("text", "word"), [
    ("Russia attacked Ukraine on Monday.", "attacked"),
    ("The Bolivian army attacked the rebel base for the second time.", "attacked"),
    ("Syria bombarded the town with artillery.", "bombarded"),
    ("Two Chilean gunmen killed 23 people as well as themselves.", "killed"),
    ("Peru seized three Bolivian fishing boats.", "seized"),
])
# fmt: on
def test_real_force_stays(nlp, extractor, text, word):
    events = [e for e in _events(nlp, extractor, text) if e.trigger.text.startswith(word)]
    assert events and events[0].type in ("ASSAULT", "COERCE"), [
        (e.type, e.trigger.text) for e in _events(nlp, extractor, text)
    ]


def test_charge_of_an_accusation_is_no_event(nlp, extractor):
    events = _events(nlp, extractor, "Sudan accused Chad of attacking its border posts.")
    assert [e.type for e in events] == ["ACCUSE"]
    assert _codes(events[0].recipient) == {"TCD"}


def test_trade_war_is_economic_not_armed(nlp, extractor):
    events = _events(nlp, extractor, "Peru escalated its trade war with Chile this spring.")
    war = [e for e in events if "war" in e.trigger.text]
    assert war and war[0].type == "SANCTION" and _codes(war[0].recipient) == {"CHL"}, [
        (e.type, e.trigger.text, _codes(e.recipient)) for e in events
    ]
