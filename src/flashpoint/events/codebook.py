"""The event codebook: CAMEO codes, CAMEO->PLOVER, PLOVER scores and the trigger lexicon.

All of it is data in ``events/data`` (built by scripts/build_event_codebook.py from the
public CAMEO and PLOVER tables, plus the hand-written trigger lexicon); loaded once per
``EventExtractor``.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from flashpoint.models import PLOVER_TYPES


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: a word or phrase and the event it codes."""

    kind: str  # verb | noun
    head: str  # lemma of the head word
    words: tuple[str, ...]  # particle/preposition words after the head ("out", "of")
    obj: str | None  # object noun lemma the verb must govern ("lift =sanction")
    type: str
    mode: str | None
    cameo: str
    context: tuple[str, ...]

    @property
    def specificity(self) -> int:
        return len(self.words) + (2 if self.obj else 0)


@dataclass(frozen=True)
class Coding:
    """Numbers of one coded event, from the codebook tables."""

    quad_class: int
    score: float
    goldstein: float | None
    cameo_quad_class: int | None


@dataclass
class Codebook:
    cameo: dict[str, dict[str, str]]
    plover: dict[str, dict[str, Any]]
    contexts: tuple[str, ...]
    cameo2plover: dict[str, dict[str, str]]
    verbs: dict[str, list[Trigger]] = field(default_factory=dict)
    nouns: dict[str, list[Trigger]] = field(default_factory=dict)
    light_verbs: frozenset[str] = frozenset()
    cues: dict[str, frozenset[str]] = field(default_factory=dict)

    def coding(self, trigger: Trigger) -> Coding:
        ptype = self.plover[trigger.type]
        score = ptype["modes"].get(trigger.mode or "", ptype["score"])
        row = self.cameo.get(trigger.cameo)
        return Coding(
            quad_class=int(ptype["quad_class"]),
            score=float(score),
            goldstein=float(row["goldstein"]) if row else None,
            cameo_quad_class=int(row["quad_class"]) if row else None,
        )


def _data(name: str) -> str:
    return resources.files("flashpoint.events").joinpath("data", name).read_text("utf-8")


def _rows(name: str) -> list[dict[str, str]]:
    lines = [line for line in _data(name).splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _trigger(row: dict[str, str]) -> Trigger:
    parts = row["phrase"].split()
    # a multi-word noun ("air strike") is its last word with compound modifiers before it
    head, *rest = parts if row["kind"] == "verb" else [parts[-1], *parts[:-1]]
    obj = next((w[1:] for w in rest if w.startswith("=")), None)
    return Trigger(
        kind=row["kind"],
        head=head,
        words=tuple(w for w in rest if not w.startswith("=")),
        obj=obj,
        type=row["type"],
        mode=row["mode"] or None,
        cameo=row["cameo"],
        context=tuple(c for c in (row.get("context") or "").split(";") if c),
    )


def load_codebook() -> Codebook:
    """Read every codebook file; raises ``ValueError`` naming a bad lexicon row."""
    plover = json.loads(_data("plover.json"))
    book = Codebook(
        cameo={r["cameo"]: r for r in _rows("cameo.tsv")},
        plover=plover["types"],
        contexts=tuple(plover["contexts"]),
        cameo2plover={r["cameo"]: r for r in _rows("cameo2plover.tsv")},
    )
    light = set()
    for row in _rows("triggers.tsv"):
        if row["kind"] == "light":
            light.add(row["phrase"])
            continue
        trigger = _trigger(row)
        if trigger.type not in PLOVER_TYPES or trigger.cameo not in book.cameo:
            raise ValueError(f"triggers.tsv: bad type or CAMEO code in row {row}")
        table = book.verbs if trigger.kind == "verb" else book.nouns
        table.setdefault(trigger.head, []).append(trigger)
    for entries in (*book.verbs.values(), *book.nouns.values()):
        entries.sort(key=lambda t: -t.specificity)
    book.light_verbs = frozenset(light)
    cues = json.loads(_data("modality.json"))
    book.cues = {k: frozenset(v) for k, v in cues.items() if not k.startswith("_")}
    return book
