"""Cut an article's text into segments, each with the kinds of span that cover it.

Actor mentions, event evidence, event triggers and quotes can nest and overlap, so the text is
cut at every span boundary and each piece carries the set of kinds covering it. The template
renders each piece as one element whose text is escaped (Jinja autoescape): article text never
becomes markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # actor | event | trigger | quote
    label: str
    ref: str  # id of the record, for anchors and tests


@dataclass
class Segment:
    text: str
    kinds: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    refs: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)  # records that start here


def marks_of(record: dict[str, Any]) -> list[Mark]:
    """Every highlightable span of a ``flashpoint.article/1`` record."""
    marks = [
        Mark(
            m["start"], m["end"], "actor", f"{a['name']} ({a.get('country') or a['kind']})", a["id"]
        )
        for a in record.get("actors", [])
        for m in a.get("mentions", [])
    ]
    for event in record.get("events", []):
        label = f"{event['type']} · {event['modality']}"
        marks.append(
            Mark(event["evidence"]["start"], event["evidence"]["end"], "event", label, event["id"])
        )
        marks.append(
            Mark(event["trigger"]["start"], event["trigger"]["end"], "trigger", label, event["id"])
        )
    for quote in record.get("quotes", []):
        speaker = quote.get("speaker_text") or quote.get("speaker") or "unknown speaker"
        by = " (speaker chosen by the ranker)" if quote.get("speaker_by") == "ranker" else ""
        content = quote["content"]
        marks.append(
            Mark(content["start"], content["end"], "quote", f"quote: {speaker}{by}", quote["id"])
        )
    return marks


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """``text`` cut at every mark boundary; joining the segments' text gives ``text`` back."""
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    out = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [m for m in valid if m.start <= start and m.end >= end]
        out.append(
            Segment(
                text=text[start:end],
                kinds=sorted({m.kind for m in covering}),
                labels=list(dict.fromkeys(m.label for m in covering)),
                refs=list(dict.fromkeys(m.ref for m in covering)),
                anchors=[
                    f"{m.kind}-{m.ref}" for m in valid if m.start == start and m.kind != "trigger"
                ],
            )
        )
    return out
