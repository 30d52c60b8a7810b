"""Per-article limits of the analysis (issue 8, item 1): no article may hang a batch.

Two guards, because spaCy's parser is compiled code that a Python thread cannot interrupt:

* ``longest_sentence`` lets the engine refuse a pathological document *before* the
  Python stages run. Event coding walks dependency subtrees per verb and is superlinear in
  sentence length (a 2,100-token "sentence" took 12 s, 6,000 tokens over 160 s), while
  parsing itself is linear and bounded by ``Settings.max_chars``.
* ``time_limit`` bounds what is left. In the main thread (the CLI, and each process of the
  multi-process ingest) a POSIX interval timer interrupts the Python stages at the limit.
  Elsewhere (API worker threads, Dask threads) signals cannot be used, so the elapsed time
  is measured and an over-time article gets the same error when its stages return.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from spacy.tokens import Doc


class ArticleTimeout(Exception):  # noqa: N818 - reads as "the article timed out"
    """The analysis stages of one article ran past ``Settings.article_timeout``."""


def longest_sentence(doc: Doc) -> int:
    """Tokens in the longest sentence of a parsed doc (0 for an empty one)."""
    return max((len(sent) for sent in doc.sents), default=0)


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ``ArticleTimeout`` if the block runs longer than ``seconds`` (0: no limit)."""
    if seconds <= 0:
        yield
        return
    started = time.monotonic()
    with alarm(seconds, lambda: ArticleTimeout(f"analysis took longer than {seconds:g} s")):
        yield
    if time.monotonic() - started > seconds:  # the thread case: measured, not interrupted
        raise ArticleTimeout(f"analysis took longer than {seconds:g} s")


@contextmanager
def alarm(seconds: float, error: Callable[[], BaseException]) -> Iterator[None]:
    """Raise ``error()`` inside the block after ``seconds`` (POSIX timer, main thread only;
    elsewhere, or under someone else's running timer, the block just runs)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable or signal.getitimer(signal.ITIMER_REAL)[0] > 0:
        yield  # someone else's timer is running: never steal it
        return

    def expire(signum: int, frame: Any) -> None:
        raise error()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
