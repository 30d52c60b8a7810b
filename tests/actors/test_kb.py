"""The knowledge base: lookups, offices as of a date, and the integrity of the data files."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import pycountry
import pytest

from flashpoint.actors.kb import KnowledgeBase

SECTORS = {
    "GOV",
    "MIL",
    "LEG",
    "JUD",
    "OPP",
    "REB",
    "MED",
    "BUS",
    "CVL",
    "IGO",
    "NGO",
    "EDU",
    "REL",
}


@lru_cache(maxsize=1)
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def one(alias: str, day: dt.date | None = None):
    entries = kb().lookup(alias)
    assert entries, f"{alias!r} is not in the knowledge base"
    return kb().choose(entries, day)


@pytest.mark.parametrize(
    ("alias", "code", "sector"),
    [
        ("Tehran", "IRN", None),
        ("the Islamic Republic", "IRN", None),
        ("Iranian", "IRN", None),
        ("Russians", "RUS", None),
        ("U.S.", "USA", None),
        ("Britain", "GBR", None),
        ("North Korea", "PRK", None),
        ("the Pentagon", "USA", "MIL"),
        ("the Kremlin", "RUS", "GOV"),
        ("Downing Street", "GBR", "GOV"),
    ],
)
def test_country_forms_resolve_to_iso3_and_implied_sector(alias, code, sector):
    entry = one(alias)
    assert (entry.kind, entry.code, entry.sector) == ("country", code, sector)


def test_organisations_groups_and_media_have_their_own_kinds():
    assert (one("NATO").code, one("NATO").sector) == ("NATO", "IGO")
    assert (one("U.N. Security Council").code, one("IAEA").code) == ("UNO", "IAEA")
    assert (one("Hezbollah").country, one("Hezbollah").sector) == ("LBN", "REB")
    guardian = one("The Guardian")
    assert (guardian.kind, guardian.sector, guardian.code) == ("organization", "MED", None)
    assert one("Western nations").code == "WST"
    assert one("the Middle East").kind == "region"


@pytest.mark.parametrize(
    ("name", "day", "sector", "former", "title"),
    [
        ("Donald Trump", "2015-06-01", None, False, None),
        ("Donald Trump", "2020-02-25", "GOV", False, "President of the United States"),
        ("Donald Trump", "2022-06-01", "GOV", True, "President of the United States"),
        ("Mike Pompeo", "2017-06-01", "GOV", False, "CIA Director"),
        ("Mike Pompeo", "2019-06-01", "GOV", False, "Secretary of State"),
        ("Barack Obama", "2020-02-25", "GOV", True, "President of the United States"),
        ("Qassem Soleimani", "2019-06-01", "MIL", False, "Commander of the Quds Force"),
        ("Qassem Soleimani", "2020-02-25", "MIL", True, "Commander of the Quds Force"),
        ("Sergei Shoigu", "2020-02-25", "MIL", False, "Defence Minister of Russia"),
    ],
)
def test_office_is_resolved_as_of_the_article_date(name, day, sector, former, title):
    status = kb().status(one(name), dt.date.fromisoformat(day))
    assert (status.sector, status.former, status.title) == (sector, former, title)


def test_igo_office_gives_the_igo_code():
    status = kb().status(one("Kofi Annan"), dt.date(2000, 1, 1))
    assert (status.code, status.sector) == ("UNO", "IGO")


def test_shared_surname_is_chosen_by_date():
    assert one("Clinton", dt.date(1998, 1, 1)).name == "Bill Clinton"
    assert one("Clinton", dt.date(2011, 1, 1)).name == "Hillary Clinton"


def test_people_data_is_consistent():
    iso3 = {c.alpha_3 for c in pycountry.countries}
    for entry in kb().entries.values():
        if entry.kind != "person":
            continue
        assert entry.country in iso3, entry.name
        assert entry.roles, entry.name
        for role in entry.roles:
            assert role.sector in SECTORS, (entry.name, role)
            assert role.start and (role.end is None or role.start <= role.end), (entry.name, role)


def test_sizes_cover_the_issue_minimum():
    sizes = kb().sizes()
    assert sizes["countries"] >= 249
    assert sizes["people"] >= 200 and sizes["office_terms"] >= 300
    assert sizes["organizations"] >= 40 and sizes["groups"] >= 20
    assert kb().role("diplomat") == ("GOV", True)
    assert kb().role("troop") == ("MIL", False)
