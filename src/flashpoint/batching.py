"""Batches of a stream: the one helper every stage that groups work uses."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of up to ``size`` items, the last one possibly shorter (as Python
    3.12's ``itertools.batched``, which 3.11 lacks); a size below 1 counts as 1."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= max(1, size):
            yield batch
            batch = []
    if batch:
        yield batch
