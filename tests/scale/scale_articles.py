"""Ten short articles over three months, written for these tests, and one that cannot work."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from flashpoint.models import Article
from flashpoint.settings import Settings

TEXTS = [
    ("2020-01-03", "Iran condemned the United States on Friday after the strike in Baghdad. "
     "Tehran said it would retaliate."),
    ("2020-01-08", "Iran fired missiles at two bases in Iraq that host American troops, "
     "officials said on Wednesday."),
    ("2020-01-20", "China agreed to buy more American goods under a trade deal signed with "
     "the United States."),
    ("2020-01-27", "The European Union urged Iran to return to the nuclear deal and "
     "offered talks in Brussels."),
    ("2020-02-04", "Russia and Turkey held talks in Moscow about the fighting in Idlib, the "
     "Kremlin said."),
    ("2020-02-11", "Germany sent humanitarian aid to Syria on Tuesday, the foreign ministry "
     "announced."),
    ("2020-02-19", "North Korea threatened to resume nuclear tests if the United States kept "
     "its sanctions."),
    ("2020-03-02", "India protested to Pakistan over shelling along the Line of Control on "
     "Monday."),
    ("2020-03-09", "Saudi Arabia accused Iran of supplying weapons to rebels in Yemen, a "
     "spokesman said."),
    ("2020-03-16", "The United Nations called on Israel and the Palestinians to resume "
     "negotiations."),
]  # fmt: skip


def articles() -> list[Article]:
    return [
        Article(id=f"t{i:02d}", text=text, published=dt.date.fromisoformat(day), source="Test")
        for i, (day, text) in enumerate(TEXTS)
    ]


def bad_article() -> Article:
    """An article the engine refuses (no text): it must become an error row, nothing more."""
    return Article(id="bad", text="   ", published=dt.date(2020, 2, 1), source="Test")


@dataclass(frozen=True)
class FlakyFactory:
    """Builds the real engine, but fails the first time in any process: a worker hiccup."""

    marker: str

    def __call__(self, settings: Settings) -> Any:
        from flashpoint import get_engine

        try:
            with open(self.marker, "x"):
                pass
        except FileExistsError:
            return get_engine(settings)
        raise RuntimeError("worker hiccup")
