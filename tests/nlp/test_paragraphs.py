"""A blank line ends a sentence (nlp/pipeline.py); a single line break does not."""

from __future__ import annotations


def _sentences(engine, text: str) -> list[str]:
    return [s.text.strip() for s in engine.nlp(text).sents if s.text.strip()]


def test_a_heading_is_not_run_into_the_next_paragraph(engine):
    text = "Still Talking\n\nThe foreign minister, Ana Ruiz, rejected the offer."
    sentences = _sentences(engine, text)
    assert sentences[0] == "Still Talking"
    ruiz = next(t for t in engine.nlp(text) if t.text == "minister")
    assert ruiz.dep_ == "nsubj"  # not the object of "Talking"


def test_a_hard_wrapped_line_stays_in_its_sentence(engine):
    text = "The foreign minister rejected\nthe offer on Monday."
    assert _sentences(engine, text) == ["The foreign minister rejected\nthe offer on Monday."]


def test_an_abbreviated_title_does_not_end_the_sentence(engine):
    text = '"We are aware of the reports," Pentagon spokesman Capt. Jeff Davis told reporters.'
    assert len(_sentences(engine, text)) == 1
