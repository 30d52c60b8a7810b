"""Modality and factuality cues on single sentences (issue 4; MEANTIME dimensions)."""

from __future__ import annotations

import pytest

from flashpoint.events.codebook import load_codebook
from flashpoint.events.modality import factuality


@pytest.fixture(scope="module")
def cues():
    return load_codebook().cues


# fmt: off
CASES = [
    ("Russia attacked Georgia.", "attacked", "asserted"),
    ("Russia did not attack Georgia.", "attack", "negated"),
    ("Russia never attacked Georgia.", "attacked", "negated"),
    ("Russia denied that it attacked Georgia.", "attacked", "negated"),
    ("Russia may attack Georgia.", "attack", "hypothetical"),
    ("Russia could attack Georgia.", "attack", "hypothetical"),
    ("If Russia attacks Georgia, the West will respond.", "attacks", "hypothetical"),
    ("Russia is unlikely to attack Georgia.", "attack", "hypothetical"),
    ("Russia is considering the scenario of a partnership with Iran.", "partnership", "hypothetical"),
    ("It is not a certainty that Putin will sign the deal.", "sign", "hypothetical"),
    ("Critics speculate that he will attack Georgia.", "attack", "hypothetical"),
    ("Russia will attack Georgia.", "attack", "future"),
    ("Russia plans to meet Iran.", "meet", "future"),
    ("Russia is meeting Iran tomorrow.", "meeting", "future"),
    ("The ministers will meet next week.", "meet", "future"),
    ("Russia may have condemned the murder, but it stayed quiet.", "condemned", "asserted"),
    ("Russia has imposed sanctions on Iran.", "sanctions", "asserted"),
    ("No agreement was reached.", "agreement", "negated"),
]
# fmt: on


@pytest.mark.parametrize(("text", "word", "modality"), CASES)
def test_modality(nlp, cues, text, word, modality):
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    assert factuality(token, cues).modality == modality


def test_factuality_dimensions(nlp, cues):
    doc = nlp("Analysts said the company would probably cut jobs.")
    judged = factuality(next(t for t in doc if t.text == "cut"), cues)
    assert judged.time == "FUTURE" and judged.certainty in ("PROBABLE", "POSSIBLE")
    doc = nlp("The company wants to cut jobs.")
    judged = factuality(next(t for t in doc if t.text == "cut"), cues)
    assert judged.certainty == "UNDERSPECIFIED" and judged.polarity == "UNDERSPECIFIED"


# fmt: off
TIME_CASES = [
    # a wanted or conditional event is neither affirmed nor denied, but still to happen
    ("If the company raises prices, buyers will leave.", "raises", ("UNDERSPECIFIED", "FUTURE")),
    ("The airline wants to buy twenty jets.", "buy", ("UNDERSPECIFIED", "FUTURE")),
    # present "can" states an ability, at no particular time (MEANTIME: time unspecified)
    ("The new jet can fly nine thousand miles without refuelling.", "fly",
     ("POSSIBLE", "UNDERSPECIFIED")),
    ("The jet could have flown further.", "flown", ("POSSIBLE", "NON_FUTURE")),
    # a future modal above "be able to" reaches the verb
    ("Developers will be able to set their own prices.", "set", ("POSSIBLE", "FUTURE")),
    # "have begun to offer": the offering is under way, not to come
    ("The two carmakers have begun to offer buyouts.", "offer", ("CERTAIN", "NON_FUTURE")),
]
# fmt: on


@pytest.mark.parametrize(("text", "word", "expected"), TIME_CASES)
def test_certainty_and_time(nlp, cues, text, word, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    judged = factuality(token, cues)
    assert (judged.certainty, judged.time) == expected


# fmt: off
# Time rules added for the MEANTIME time dimension (sentences written for these tests).
FUTURE_TIME_CASES = [
    # a counted or possessed object names existing things, not the verb's future event
    ("The bakery will close 40 shops next spring.", "shops", "NON_FUTURE"),
    ("The council will lower the city's taxes.", "taxes", "NON_FUTURE"),
    # an announced plan exists; what it plans is still to come
    ("The mayor announced plans for a new stadium.", "plans", "NON_FUTURE"),
    ("The mayor announced plans for a new stadium.", "stadium", "FUTURE"),
    ("The board approved a restructuring plan.", "restructuring", "FUTURE"),
    # a prospect noun foresees its content
    ("Farmers sold their cattle amid fears of a drought.", "drought", "FUTURE"),
    # a year after the dateline
    ("March 3 , 2010\nThe museum reopened its doors and will be finished by 2013 .",
     "finished", "FUTURE"),
    ("March 3 , 2010\nThe museum was renovated in 2008 .", "renovated", "NON_FUTURE"),
    # what something waits for or precedes is still to come
    ("Shoppers crowded the stores ahead of the holiday sale.", "sale", "FUTURE"),
    ("Residents are bracing for a storm.", "storm", "FUTURE"),
    ("Fans are awaiting the announcement of the line-up.", "announcement", "FUTURE"),
    ("The payment was due last week.", "payment", "NON_FUTURE"),
    ("The inspection is due tomorrow morning.", "inspection", "FUTURE"),
    # an ordinal or superlative before an infinitival relative: who did it, not a plan
    ("She became the first pilot to cross the desert.", "cross", "NON_FUTURE"),
    # a modal above an aspectual verb reaches its complement; "must" obliges a later act
    ("Prices may continue to climb.", "climb", "FUTURE"),
    ("The school must hire more teachers.", "hire", "FUTURE"),
    ("The school must have hired more teachers.", "hired", "NON_FUTURE"),
    # "have to": an obligation is still to be met; "had to" was met
    ("The team has to win the final.", "win", "FUTURE"),
    # "would" of reported speech carries down to a time clause
    ("He said the bridge would be repaired before the rains came.", "came", "FUTURE"),
    # future time adverbials: "ahead", "in the future", "next quarter"
    ("Sales will recover in the quarters ahead.", "recover", "FUTURE"),
    ("The firm is hiring staff next quarter.", "hiring", "FUTURE"),
    ("The shop is opening a branch in the near future.", "opening", "FUTURE"),
]
# fmt: on


@pytest.mark.parametrize(("text", "word", "time"), FUTURE_TIME_CASES)
def test_time_rules(nlp, cues, text, word, time):
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    assert factuality(token, cues).time == time
