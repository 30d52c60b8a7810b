"""Checks every output record must pass: every span slices back from the original text."""

from __future__ import annotations

from typing import Any


def span_problems(record: dict[str, Any]) -> list[str]:
    """Where a ``{start, end, text}`` in an analysis record differs from the original text."""
    original = record["article"]["text"]
    problems: list[str] = []

    def walk(node: Any, path: str) -> None:
        if isinstance(node, dict):
            if {"start", "end", "text"} <= node.keys() and isinstance(node["start"], int):
                found = original[node["start"] : node["end"]]
                if found != node["text"]:
                    problems.append(
                        f"{path}: [{node['start']}:{node['end']}] is {found!r}, not {node['text']!r}"
                    )
            for key, value in node.items():
                walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{path}[{index}]")

    for key in ("actors", "events", "quotes", "skipped", "headline"):
        walk(record.get(key), key)
    return problems
