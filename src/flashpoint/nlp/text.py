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


# Invisible format characters the tokenizer does not take for space: "said on CNN.\u200b”" or
# "“...,” \u200bhe said" would glue them to a word ("\u200bhe" is not "he"). Each becomes one
# space, so offsets stay those of the original text. (Soft hyphens stay: they sit inside words.)
_INVISIBLE = str.maketrans(
    dict.fromkeys(
        "\u200b\u200c\u200d\u200e\u200f\u2060\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d\u202e\ufeff",
        " ",
    )
)


def without_invisibles(text: str) -> str:
    """``text`` with zero-width spaces, joiners, direction marks and BOMs as spaces."""
    return text.translate(_INVISIBLE)
