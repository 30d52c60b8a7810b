"""Scorers against public gold data in ../shared/gold (``flashpoint eval NAME``).

Each suite is a module exposing ``NAME`` and ``run(engine, shared, *, limit=None) -> dict``
whose result has a ``metrics`` dict (name -> float) and optional ``notes`` (list of str).
"""

from __future__ import annotations

import importlib
from types import ModuleType

SUITES = {
    "actors": "flashpoint.evaluation.actors",
    "plover-gsr": "flashpoint.evaluation.gsr",
    "meantime": "flashpoint.evaluation.factuality",
    "conflibert": "flashpoint.evaluation.conflibert",
    "quotes": "flashpoint.evaluation.quotes",
    "news-quotes": "flashpoint.evaluation.newsquotes",
    "litbank": "flashpoint.evaluation.litbank",
    "fivew": "flashpoint.evaluation.fivew",
    "dedup": "flashpoint.evaluation.dedup",
}


def load_suite(name: str) -> ModuleType:
    """The scorer module of one suite; ``KeyError`` names the known suites."""
    if name not in SUITES:
        raise KeyError(f"unknown eval suite {name!r}; choose one of: {', '.join(SUITES)}")
    return importlib.import_module(SUITES[name])
