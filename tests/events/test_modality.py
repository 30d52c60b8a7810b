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
