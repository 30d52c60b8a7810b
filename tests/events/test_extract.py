"""Sentence -> expected event tables (issue 4), on a hand-built actor index.

Each row: sentence, people/organisations the index should know (countries come from NER),
then the expected (type, actor codes, recipient codes, modality, speaker code or None) of
the event whose trigger starts with the given word.
"""

from __future__ import annotations

import pytest

from flashpoint.models import Article

from .helpers import simple_index

TRUMP = {"Trump": ("USA", "GOV"), "He": ("USA", "GOV"), "Tehran": ("IRN", "GOV")}
PUTIN = {"Putin": ("RUS", "GOV"), "Rassam": ("IRN", None), "Lavrov": ("RUS", "GOV")}

# fmt: off
CASES = [
    # sentence, people, trigger word, type, actor, recipient, modality, speaker
    ("He has been imposing strict sanctions on Tehran since May.", TRUMP,
     "sanctions", "SANCTION", ["USA"], ["IRN"], "asserted", None),
    ("Mr Trump pulled out of the Iranian nuclear deal in 2018.", TRUMP,
     "pulled", "RETREAT", ["USA"], ["IRN"], "asserted", None),
    ("Mr Trump ordered the drone attack upon Iran's general.", TRUMP,
     "drone", "ASSAULT", ["USA"], ["IRN"], "asserted", None),
    ("Russia is meeting with Iran, China and France tomorrow.", {},
     "meeting", "CONSULT", ["RUS", "IRN", "CHN", "FRA"], [], "future", None),
    ("It is not a certainty that Mr Putin will set up a military partnership with Iran.", PUTIN,
     "set", None, ["RUS"], None, "hypothetical", None),
    ("Rassam said Russians are seriously considering a military partnership with Iran.",
     {**PUTIN, "Russians": ("RUS", None)},
     "partnership", "COOPERATE", ["RUS"], ["IRN"], "hypothetical", "IRN"),
    ("Russia may have condemned the killing, but it kept silent.", {},
     "condemned", "ACCUSE", ["RUS"], None, "asserted", None),
    ("Iran condemned the United States on Monday.", {},
     "condemned", "ACCUSE", ["IRN"], ["USA"], "asserted", None),
    ("Israel did not attack Lebanon.", {},
     "attack", "ASSAULT", ["ISR"], ["LBN"], "negated", None),
    ("Turkey could attack Syria if talks fail.", {},
     "attack", None, ["TUR"], ["SYR"], "hypothetical", None),
    ("Japan will send troops to Iraq next month.", {},
     "send", "MOBILIZE", ["JPN"], ["IRQ"], "future", None),
    ("Egypt threatened to cut off aid to Sudan.", {},
     "threatened", "THREATEN", ["EGY"], ["SDN"], "asserted", None),
    ("Germany urged Iran to release the prisoners.", {},
     "urged", "REQUEST", ["DEU"], ["IRN"], "asserted", None),
    ("Pakistan rejected India's proposal for talks.", {},
     "rejected", "REJECT", ["PAK"], ["IND"], "asserted", None),
    ("China and Russia signed an agreement on energy.", {},
     "signed", "SUPPORT", ["CHN", "RUS"], [], "asserted", None),
    ("Iranian protesters demonstrated against the government.", {},
     "demonstrated", "PROTEST", ["IRN"], [], "asserted", None),
    ("Kenya arrested five Somali men.", {},
     "arrested", "COERCE", ["KEN"], ["SOM"], "asserted", None),
    ("France will provide aid to Lebanon.", {},
     "provide", "AGREE", ["FRA"], ["LBN"], "future", None),
    ("Lavrov said Russia would never attack Ukraine.", PUTIN,
     "attack", None, ["RUS"], ["UKR"], None, "RUS"),
    ("Syria is willing to withdraw its troops from Lebanon.", {},
     "withdraw", "AGREE", ["SYR"], ["LBN"], None, None),
    # a stative passive: the subject holds the stance, nothing is done to it
    ("Chile is opposed to Peruvian mediation in the dispute.", {},
     "opposed", "REJECT", ["CHL"], ["PER"], "asserted", None),
    # announced acts: yielding is an intent to agree, coercion a threat (CAMEO 03 / 13)
    ("Hungary said it would allow Romanian observers to enter.", {},
     "allow", "AGREE", ["HUN"], ["ROU"], None, "HUN"),
    ("Ghana will impose sanctions on Togo next week.", {},
     "sanctions", "THREATEN", ["GHA"], ["TGO"], "future", None),
    ("Chad will withdraw its soldiers from Niger unless the attacks stop.", {},
     "withdraw", "THREATEN", ["TCD"], ["NER"], None, None),
    # a decision taken and an attempt made are not intentions
    ("The court of Ghana decided to allow Togolese observers to enter.", {},
     "allow", "CONCEDE", ["GHA"], None, None, None),
]
# fmt: on


def _events(nlp, extractor, text, people):
    doc = nlp(text)
    return extractor.extract(doc, simple_index(doc, people), [], Article(id="t", text=text))


@pytest.mark.parametrize(
    ("text", "people", "word", "etype", "actor", "recipient", "modality", "speaker"), CASES
)
def test_event_table(
    nlp, extractor, text, people, word, etype, actor, recipient, modality, speaker
):
    doc = nlp(text)
    index = simple_index(doc, people)
    events = extractor.extract(doc, index, [], Article(id="t", text=text))
    event = next((e for e in events if e.trigger.text.startswith(word)), None)
    assert event is not None, [(e.type, e.trigger.text) for e in events]
    if etype is not None:
        assert event.type == etype
    assert sorted(p.code for p in event.actor) == sorted(actor)
    if recipient is not None:
        assert sorted(p.code for p in event.recipient) == sorted(recipient)
    if modality is not None:
        assert event.modality == modality
    attributed = index.get(event.attributed_to).country if event.attributed_to else None
    assert attributed == speaker


def test_not_a_certainty_is_never_an_asserted_cooperation(nlp, extractor):
    text = (
        "However, it is not a certainty that Mr Putin will set up a military partnership with Iran."
    )
    events = _events(nlp, extractor, text, PUTIN)
    assert events and all(e.modality == "hypothetical" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Mr Putin said the situation was difficult.",
        "Officials believe the economy will grow.",
        "He explained his views on the region.",
    ],
)
def test_plain_statements_are_not_events(nlp, extractor, text):
    assert _events(nlp, extractor, text, PUTIN) == []


def test_places_are_never_parties(nlp, extractor):
    text = "The US leader is continuing to pull his troops out of the Middle East."
    events = _events(nlp, extractor, text, {"leader": ("USA", "GOV")})
    assert events
    for event in events:
        assert all("Middle East" not in p.text for p in event.actor + event.recipient)


def test_unresolved_parties_give_no_event(nlp, extractor):
    assert _events(nlp, extractor, "Some people attacked a bus.", {}) == []


def test_spans_slice_back_ids_in_order_and_confidence(nlp, extractor):
    text = (
        "  Iran condemned the United States.\n\nIsrael attacked Hamas in Gaza and "
        "Egypt urged Israel to stop.  "
    )
    events = _events(nlp, extractor, text, {"Hamas": ("PSE", "REB")})
    assert [e.id for e in events] == [f"E{i}" for i in range(1, len(events) + 1)]
    assert [e.trigger.start for e in events] == sorted(e.trigger.start for e in events)
    for event in events:
        for span in (event.trigger, event.evidence):
            assert text[span.start : span.end] == span.text
        assert event.evidence.text == event.evidence.text.strip()
        assert 0 < event.confidence <= 1
        assert event.quad_class in (1, 2, 3, 4) and event.cameo and event.score is not None


def test_blank_sentences_are_skipped(nlp, extractor):
    text = " " * 40 + "\n\nIran condemned the United States."
    events = _events(nlp, extractor, text, {})
    assert [e.type for e in events] == ["ACCUSE"]


def test_quote_speaker_is_the_attribution(nlp, extractor):
    from flashpoint.models import Quote, Span

    text = "Rassam said: \u201cRussia attacked Georgia.\u201d"
    doc = nlp(text)
    index = simple_index(doc, PUTIN)
    rassam = index.actor_of(doc[0])
    start = text.index("Russia")
    quote = Quote("Q1", "direct", Span.of(text, start, text.index("\u201d")), speaker=rassam.id)
    events = extractor.extract(doc, index, [quote], Article(id="t", text=text))
    assert [(e.type, e.attributed_to) for e in events] == [("ASSAULT", rassam.id)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran's leader vowed severe revenge against the United States.", ("THREATEN", "130")),
        ("The United States reimposed sanctions on Iran on Monday.", ("SANCTION", "163")),
        ("Iran vowed to cooperate with the IAEA.", ("AGREE", "030")),
    ],
)
def test_vow_of_revenge_threatens_and_reimposed_sanctions_sanction(engine, text, expected):
    from flashpoint import make_article

    [event] = engine.analyze(make_article(text, published="2020-01-03")).events
    assert (event.type, event.cameo) == expected
