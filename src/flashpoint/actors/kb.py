"""The actor knowledge base: countries, seats of power, organisations, groups, people, roles.

Everything is read from the data files beside this module (see data/README.md), once per
process. People carry dated offices so that an actor is resolved as of the article's date
(issue 3: Trump in 2015 is not USA GOV; Pompeo in 2017 is CIA, in 2019 State).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
# Capitals that are also common words or names elsewhere; they are not used as metonyms.
AMBIGUOUS_CAPITALS = frozenset(
    {"Male", "Victoria", "Kingston", "Hamilton", "Georgetown", "Stanley", "Plymouth", "Douglas",
     "Jamestown", "Adamstown", "Castries", "Saint-Pierre", "Avarua", "Alofi", "Melekeok",
     "Palikir", "The Valley", "Road Town"}
)  # fmt: skip


@dataclass(frozen=True)
class Role:
    title: str
    sector: str | None
    start: dt.date | None
    end: dt.date | None
    org: str | None = None  # an IGO code when the office belongs to one (UN Secretary-General)

    def holds_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Entry:
    """One thing the knowledge base knows: a country, seat, organisation, group, person, region."""

    id: str
    name: str
    kind: str  # country | organization | group | person | region
    code: str | None = None  # the actor code: ISO3, an IGO code or a group code
    sector: str | None = None
    country: str | None = None  # home country, for organisations, groups and people
    form: str | None = None  # how a country is named: name | short | adj | people | capital | seat
    roles: tuple[Role, ...] = ()
    died: dt.date | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class Status:
    """A person's standing on a given day."""

    code: str | None
    sector: str | None
    former: bool
    title: str | None


@dataclass
class KnowledgeBase:
    entries: dict[str, Entry] = field(default_factory=dict)
    aliases: dict[str, list[str]] = field(default_factory=dict)  # alias -> entry ids
    roles: dict[str, tuple[str, bool]] = field(default_factory=dict)  # noun -> (sector, person?)

    @classmethod
    def load(cls, data_dir: Path = DATA_DIR) -> KnowledgeBase:
        kb = cls()
        for loader in (_countries, _country_aliases, _seats, _organizations, _groups):
            for entry, names in loader(data_dir):
                kb.add(entry, names)
        for entry, names in _people(data_dir):
            kb.add(entry, names)
        for entry, names in _regions(data_dir):
            kb.add(entry, names)
        kb.roles = _roles(data_dir)
        return kb

    def add(self, entry: Entry, names: list[str]) -> None:
        self.entries.setdefault(entry.id, entry)
        for name in names:
            ids = self.aliases.setdefault(name, [])
            if entry.id not in ids:
                ids.append(entry.id)

    def lookup(self, alias: str) -> list[Entry]:
        return [self.entries[i] for i in self.aliases.get(alias, [])]

    def country(self, code: str) -> Entry | None:
        return self.entries.get(f"country:{code}")

    def sizes(self) -> dict[str, int]:
        """How much the knowledge base knows, for the data README and the eval notes."""
        prefixes = [e.id.split(":")[0] for e in self.entries.values()]
        people = [e for e in self.entries.values() if e.kind == "person"]
        return {
            "countries": prefixes.count("country"),
            "organizations": prefixes.count("org"),
            "groups": prefixes.count("group"),
            "people": len(people),
            "office_terms": sum(len(p.roles) for p in people),
            "seats": prefixes.count("seat"),
            "regions": prefixes.count("region"),
            "role_nouns": len(self.roles),
            "aliases": len(self.aliases),
        }

    def role(self, noun: str) -> tuple[str, bool] | None:
        """Sector of a role noun ("diplomat" -> GOV) and whether it names one person."""
        return self.roles.get(noun.lower())

    def choose(self, entries: list[Entry], day: dt.date | None) -> Entry:
        """Of several entries sharing an alias ("Clinton"), the one in office on ``day``."""
        if len(entries) == 1:
            return entries[0]
        on = day or dt.date.today()
        holding = [e for e in entries if any(r.holds_on(on) for r in e.roles)]
        if holding:
            return holding[0]
        started = [e for e in entries if any(r.start and r.start <= on for r in e.roles)]
        return max(started, key=lambda e: _last_start(e, on)) if started else entries[0]

    def status(self, entry: Entry, day: dt.date | None) -> Status:
        """A person's code, sector and former flag as of ``day`` (today when unknown)."""
        on = day or dt.date.today()
        held = [r for r in entry.roles if r.holds_on(on)]
        dead = entry.died is not None and entry.died <= on
        if held and not dead:
            role = max(held, key=lambda r: r.start or dt.date.min)
            return Status(role.org or entry.country, role.sector, False, role.title)
        past = [r for r in entry.roles if r.end is not None and r.end <= on]
        if past:
            role = max(past, key=lambda r: r.end or dt.date.min)
            return Status(entry.country, role.sector, True, role.title)
        return Status(entry.country, None, dead, None)


def _last_start(entry: Entry, on: dt.date) -> dt.date:
    return max(r.start for r in entry.roles if r.start and r.start <= on)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def _tsv(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8", newline="") as lines:
        for row in csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row and not row[0].startswith("#"):
                yield row + [""] * (4 - len(row))


def _countries(data_dir: Path) -> Iterator[tuple[Entry, list[str]]]:
    for row in _jsonl(data_dir / "countries.jsonl"):
        entry = Entry(
            id=f"country:{row['code']}", name=row["name"], kind="country", code=row["code"],
            form="name", lat=row.get("lat"), lon=row.get("lon"),
        )  # fmt: skip
        yield entry, [row["name"], *row["aliases"]]
        if row.get("capital") and row["capital"] not in AMBIGUOUS_CAPITALS:
            yield _form(entry, "capital"), [row["capital"]]


def _form(country: Entry, form: str, sector: str | None = None, name: str = "") -> Entry:
    """A second way of naming a country (adjective, capital, seat) that resolves to it."""
    return Entry(
        id=f"{form}:{country.code}:{sector or ''}:{name}", name=name or country.name,
        kind="country", code=country.code, sector=sector, form=form, lat=country.lat,
        lon=country.lon,
    )  # fmt: skip


def _by_code(data_dir: Path) -> dict[str, Entry]:
    return {e.code or "": e for e, _ in _countries(data_dir) if e.form == "name"}


def _country_aliases(data_dir: Path) -> Iterator[tuple[Entry, list[str]]]:
    countries = _by_code(data_dir)
    for alias, code, form, _ in _tsv(data_dir / "country_aliases.tsv"):
        country = countries.get(code) or Entry(id=f"country:{code}", name=alias, kind="country",
                                               code=code, form="name")  # fmt: skip
        yield _form(country, form or "short"), [alias]


def _seats(data_dir: Path) -> Iterator[tuple[Entry, list[str]]]:
    countries = _by_code(data_dir)
    for alias, code, sector, kind in _tsv(data_dir / "seats.tsv"):
        country = countries[code]
        if not sector:  # a capital used as a metonym is the state itself (issue 3: Tehran -> IRN)
            yield _form(country, "capital"), [alias]
            continue
        name = re.sub(r"^the ", "", alias)
        seat = _form(country, "seat", sector, name)
        yield replace(seat, kind=kind or "country"), [alias]


def _organizations(data_dir: Path) -> Iterator[tuple[Entry, list[str]]]:
    for row in _jsonl(data_dir / "organizations.jsonl"):
        entry = Entry(
            id=f"org:{row['id']}", name=row["name"], kind="organization", code=row.get("code"),
            sector=row.get("sector"), country=row.get("country"),
        )  # fmt: skip
        yield entry, [row["name"], *row["aliases"]]


def _groups(data_dir: Path) -> Iterator[tuple[Entry, list[str]]]:
    for row in _jsonl(data_dir / "groups.jsonl"):
        entry = Entry(
            id=f"group:{row['id']}", name=row["name"], kind=row.get("kind", "organization"),
            code=row.get("code") or row.get("country"), sector=row.get("sector"),
            country=row.get("country"),
        )  # fmt: skip
        yield entry, [row["name"], *row["aliases"]]


def _people(data_dir: Path) -> Iterator[tuple[Entry, list[str]]]:
    for row in _jsonl(data_dir / "people.jsonl"):
        roles = tuple(
            Role(
                r["title"],
                r.get("sector"),
                _date(r.get("start")),
                _date(r.get("end")),
                r.get("org"),
            )  # fmt: skip
            for r in row["roles"]
        )
        entry = Entry(
            id="person:" + row["name"].lower().replace(" ", "-"), name=row["name"],
            kind="person", code=row["country"], country=row["country"], roles=roles,
            died=_date(row.get("died")),
        )  # fmt: skip
        yield entry, [row["name"], *row["aliases"]]


def _regions(data_dir: Path) -> Iterator[tuple[Entry, list[str]]]:
    for name, aliases, lat, lon in _tsv(data_dir / "regions.tsv"):
        entry = Entry(
            id=f"region:{name}", name=name, kind="region",
            lat=float(lat) if lat else None, lon=float(lon) if lon else None,
        )  # fmt: skip
        yield entry, [name, *[a for a in aliases.split("|") if a]]


@lru_cache(maxsize=1)
def person_roles() -> frozenset[str]:
    """Role nouns that name one person ("senator", "chairman"), from data/roles.tsv."""
    return frozenset(noun for noun, (_, person) in _roles(DATA_DIR).items() if person)


def _roles(data_dir: Path) -> dict[str, tuple[str, bool]]:
    return {noun: (sector, person == "1") for noun, sector, person, _ in
            _tsv(data_dir / "roles.tsv")}  # fmt: skip
