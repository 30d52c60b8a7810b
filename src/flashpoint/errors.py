"""Exceptions raised by the library; the CLI and the API translate them for people."""

from __future__ import annotations


class FlashpointError(Exception):
    """Base class: every message says what went wrong and how to fix it."""


class InputError(FlashpointError):
    """An input file, line or record cannot be read as an article."""


class ArticleError(FlashpointError):
    """One article could not be analysed; the others go on."""

    def __init__(self, article_id: str | None, reason: str) -> None:
        super().__init__(f"article {article_id or '?'}: {reason}")
        self.article_id = article_id
        self.reason = reason


class ModelError(FlashpointError):
    """The configured spaCy pipeline is not installed or cannot be loaded."""
