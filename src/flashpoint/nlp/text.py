"""A parsed article's text, computed once per ``Doc``.

``Doc.text`` joins every token's text on each call, which made the quote stage quadratic in
the length of the article (measured: most of its time on long articles).
"""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "flashpoint.text"


def text_of(doc: Doc) -> str:
    """``doc.text``, cached in ``doc.user_data``."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return str(text)
