"""extract_quotes on texts written for the tests, with hand-built actor indexes."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flashpoint.quotes.extract import extract_quotes

from .helpers import article_of, hand_index

PEOPLE = {
    "Hartmann": ("A1", "person"),
    "Oyelaran": ("A2", "person"),
    "Abara": ("A3", "person"),
    "Ministry": ("A4", "organization"),
}


@pytest.fixture(scope="module")
def nlp(engine):
    return engine.nlp


def run(nlp, text, people=PEOPLE):
    doc = nlp(text)
    quotes, warnings = extract_quotes(doc, hand_index(doc, people), article_of(text))
    return quotes, warnings


def test_cue_before_with_colon(nlp):
    quotes, _ = run(nlp, "Ms Hartmann said: “We came to listen and not to lecture anyone.”")
    (quote,) = quotes
    assert (quote.id, quote.kind, quote.speaker) == ("Q1", "direct", "A1")
    assert quote.content.text == "We came to listen and not to lecture anyone."
    assert quote.cue is not None and quote.cue.text == "said"
    assert quote.speaker_text == "Hartmann"


def test_cue_after_and_in_the_middle(nlp):
    text = '"We are not looking for a fight," Oyelaran said, "but we will defend our coast."'
    quotes, _ = run(nlp, text)
    assert [q.content.text for q in quotes] == [
        "We are not looking for a fight,",
        "but we will defend our coast.",
    ]
    assert [q.speaker for q in quotes] == ["A2", "A2"]


def test_inverted_cue_after(nlp):
    text = "“The crew is safe and will be released soon,” said Abara, a navy spokeswoman."
    (quote,) = run(nlp, text)[0]
    assert quote.speaker == "A3"


def test_multi_paragraph_quote_marks_continues_and_keeps_the_speaker(nlp):
    text = (
        "Hartmann explained: “The first round showed how far apart we are.\n\n"
        "“Nobody believes a deal can be reached this week.\n\n"
        "“But we will stay as long as it takes.”"
    )
    quotes, warnings = run(nlp, text)
    assert [q.continues for q in quotes] == [True, True, False]
    assert {q.speaker for q in quotes} == {"A1"}
    assert warnings == []


def test_paragraph_without_cue_continues_the_previous_speaker(nlp):
    text = (
        "“We have nothing to hide from anyone,” Oyelaran said.\n\n"
        "“Let the observers come and see for themselves.”"
    )
    quotes, _ = run(nlp, text)
    assert [q.speaker for q in quotes] == ["A2", "A2"]
    assert quotes[0].continues is False


def test_pronoun_cue_falls_back_to_the_last_named_speaker(nlp):
    text = (
        "Oyelaran spoke to reporters at the port.\n\nHe said: “The vessel ignored three warnings.”"
    )
    (quote,) = run(nlp, text)[0]
    assert (quote.speaker, quote.speaker_text) == ("A2", "He")


def test_unnamed_official_speaks_for_the_organisation_subject(nlp):
    text = (
        "The Ministry has long been cautious about the talks, with one official claiming "
        "“we are watching this process very closely” last year."
    )
    quotes, _ = run(nlp, text)
    direct = [q for q in quotes if q.kind == "direct"]
    assert direct[0].speaker == "A4"
    assert direct[0].speaker_text == "one official"


def test_scare_quote_inside_indirect_speech(nlp):
    text = "A former officer told the paper in January that Hartmann is “extremely stubborn”."
    quotes, _ = run(nlp, text)
    assert [q.kind for q in quotes] == ["indirect"]
    assert quotes[0].content.text == "Hartmann is “extremely stubborn”"
    assert quotes[0].speaker is None
    assert quotes[0].speaker_text == "A former officer"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Hartmann said that the talks would go on until Friday.",
            "the talks would go on until Friday",
            "A1",
        ),
        (
            "Hartmann said the talks would go on until Friday.",
            "the talks would go on until Friday",
            "A1",
        ),
        (
            "Oyelaran told reporters the tanker had entered without permission.",
            "the tanker had entered without permission",
            "A2",
        ),
        (
            "Abara warned that further incursions would be met with force.",
            "further incursions would be met with force",
            "A3",
        ),
        (
            "Hartmann insisted the delegation had done nothing wrong.",
            "the delegation had done nothing wrong",
            "A1",
        ),
        (
            "According to Hartmann, the delegation will fly home on Friday.",
            "the delegation will fly home on Friday",
            "A1",
        ),
        (
            "As Hartmann explained, the first round had shown how far apart they are.",
            "the first round had shown how far apart they are",
            "A1",
        ),
    ],
)
def test_indirect_quotes(nlp, text, content, speaker):
    quotes, _ = run(nlp, text)
    indirect = [q for q in quotes if q.kind == "indirect"]
    assert [q.content.text for q in indirect] == [content]
    assert indirect[0].speaker == speaker


def test_hearsay_passive_keeps_the_cue_and_no_speaker(nlp):
    (quote,) = run(nlp, "Oyelaran is believed to have ordered two more boats to the area.")[0]
    assert quote.kind == "indirect" and quote.speaker is None
    assert quote.cue is not None and quote.cue.text == "is believed"
    assert quote.content.text == "to have ordered two more boats to the area"


def test_writer_asides_are_not_quotes(nlp):
    quotes, _ = run(nlp, "It should be noted that the talks are still going on today.")
    assert quotes == []


def test_unbalanced_quotes_warn_and_still_attribute(nlp):
    text = "“Every ballot was counted twice in front of observers, Hartmann said.\n\nThe end."
    quotes, warnings = run(nlp, text)
    assert warnings
    assert quotes[0].content.text == "Every ballot was counted twice in front of observers,"
    assert quotes[0].speaker == "A1"


def test_spans_slice_back_and_ids_follow_text_order(nlp):
    text = (
        "Hartmann said the talks had stalled. “We are going home tonight,” Oyelaran said.\n\n"
        "According to Abara, the ship will stay in port."
    )
    quotes, _ = run(nlp, text)
    assert [q.id for q in quotes] == [f"Q{i}" for i in range(1, len(quotes) + 1)]
    starts = [q.content.start for q in quotes]
    assert starts == sorted(starts)
    for quote in quotes:
        assert text[quote.content.start : quote.content.end] == quote.content.text


WORDS = [
    "He",
    "said",
    ":",
    "“",
    "”",
    '"',
    "‘",
    "’",
    "Hartmann",
    "we",
    "will",
    "win",
    ",",
    ".",
    "\n\n",
    "that",
    "told",
    "according",
    "to",
]


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(WORDS), max_size=40))
def test_any_arrangement_of_marks_never_raises(nlp, words):
    text = " ".join(words)
    quotes, _ = run(nlp, text)
    for quote in quotes:
        assert text[quote.content.start : quote.content.end] == quote.content.text


def test_single_quotes_only_with_a_cue(nlp):
    quotes, _ = run(nlp, "‘We will not give up the fight now,’ Hartmann said.")
    assert [(q.content.text, q.speaker) for q in quotes] == [
        ("We will not give up the fight now,", "A1")
    ]
    quotes, _ = run(
        nlp, "The paper ran a story on the ‘secret plan for the northern border’ today."
    )
    assert quotes == []
