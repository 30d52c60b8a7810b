"""The quote stage's word lists, read from ``quotes/data`` (issue 5: data files, not code)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def read_list(package: str, name: str) -> frozenset[str]:
    """Entries of a one-per-line data file of ``package``; ``#`` starts a comment."""
    text = resources.files(package).joinpath("data", name).read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip().lower() for line in text.splitlines())
    return frozenset(line for line in lines if line)


@dataclass(frozen=True)
class QuoteLexicon:
    reporting_verbs: frozenset[str]
    indirect_verbs: frozenset[str]
    reporting_nouns: frozenset[str]
    finding_verbs: frozenset[str]
    hearsay_passives: frozenset[str]
    cue_phrases: frozenset[str]
    unnamed_speakers: frozenset[str]
    media_nouns: frozenset[str]
    unique_offices: frozenset[str]
    document_nouns: frozenset[str]


@lru_cache(maxsize=1)
def load_lexicon() -> QuoteLexicon:
    """The word lists, read once per process."""
    package = "flashpoint.quotes"
    return QuoteLexicon(
        reporting_verbs=read_list(package, "reporting_verbs.txt"),
        indirect_verbs=read_list(package, "indirect_verbs.txt"),
        reporting_nouns=read_list(package, "reporting_nouns.txt"),
        finding_verbs=read_list(package, "finding_verbs.txt"),
        hearsay_passives=read_list(package, "hearsay_passives.txt"),
        cue_phrases=read_list(package, "cue_phrases.txt"),
        unnamed_speakers=read_list(package, "unnamed_speakers.txt"),
        media_nouns=read_list(package, "media_nouns.txt"),
        unique_offices=read_list(package, "unique_offices.txt"),
        document_nouns=read_list(package, "document_nouns.txt"),
    )
