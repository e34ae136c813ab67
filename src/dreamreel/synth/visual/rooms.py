"""Rooms composed from their words: walls, floor and light, and the fixtures that say what a room is.

A place drawn as a plain interior ("the laundromat", "the dentist's waiting room", "a bowling
alley", "the greenhouse", "the recording studio") is assembled from parametric elements instead
of the one wallpapered room: ``room_of(name, description, year)`` reads the place's words for
what its walls are (plaster, tile, panelling, brick, glass, padded), its floor (boards, tiles,
checkerboard, carpet, flagstones, polished lanes) and its light (fluorescent tubes, hanging
bulbs, daylight through glass, a dim warm glow, lanterns), first from the kind of place the words
name (a venue) and then from single words ("tiled", "brick", "strip lights"), and keeps each to
the world's era: no fluorescent tube before 1940 (bulbs then, lanterns before 1890). The fixtures
are set pieces (dressing.PIECES), found from the same words: washers, a row of waiting-room
chairs, a reception counter, a microphone and a mixing desk, barber chairs and a mirror,
pigeonholes, lockers, benches of potted plants ...
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

import numpy as np
import skia

from .homes import draw_home, home_style
from .paint import fill, glow, poly, stroke, vgrad
from .settings import RECIPES, Kit, floor, mix_hex, shelves, wall, window


@dataclass(frozen=True)
class Room:
    """How an interior is built: its walls, floor and light (each a word and a colour)."""

    wall: str = "plaster"        # plaster, tile, panel, brick, glass, padded, stone, castle (stone, arched
                                 # windows, banners), timber (a longhouse's planks, posts, shields), bus (metal, a row of windows); "car": a car's cabin; a shell
                                 # (SHELLS): "street" (open air), "warehouse" (a kind's own set)
    wall_color: str = "#8a8070"
    floor: str = "boards"        # boards, tiles, checker, carpet, flags, lanes, ice, pool
    floor_color: str = "#5a3b26"
    light: str = "bulbs"         # fluorescent, bulbs, daylight, dim, lanterns, torches
    window: bool = True


#: Kinds of place by the words that name them (checked longest first), and how each is built.
VENUES: dict[str, Room] = {
    "laundromat": Room("tile", "#b8c4c0", "tiles", "#8a9490", "fluorescent", window=True),
    "waiting room": Room("plaster", "#a8bca8", "tiles", "#9a9a8a", "fluorescent"),
    "surgery": Room("plaster", "#b4c8c4", "tiles", "#a0a49a", "fluorescent"),
    "clinic": Room("plaster", "#b4c8c4", "tiles", "#a0a49a", "fluorescent"),
    "bowling": Room("panel", "#4a3050", "lanes", "#c89a5a", "bulbs", window=False),
    "ice rink": Room("plaster", "#2a3448", "ice", "#e4eef4", "fluorescent", window=False),
    "swimming pool": Room("tile", "#a8c8d0", "pool", "#2a8ac0", "fluorescent"),
    "pool hall": Room("panel", "#2a3a2e", "boards", "#3a2a1e", "dim", window=False),
    "car": Room("car", "#3a3a42", "carpet", "#222226", "dim", window=False),
    "greenhouse": Room("glass", "#9ab8a8", "flags", "#7a7064", "daylight"),
    "recording studio": Room("padded", "#3a3440", "carpet", "#3a2a2a", "dim", window=False),
    "barbershop": Room("plaster", "#c8b89a", "checker", "#d8d0c0", "bulbs"),
    "hair salon": Room("plaster", "#d0b8b0", "checker", "#d8d0c0", "bulbs"),
    "pawn": Room("panel", "#5a4030", "boards", "#4a3020", "bulbs"),
    "post office": Room("panel", "#7a6a50", "tiles", "#8a7a62", "bulbs"),
    # a lighthouse's lamp room: the great lens inside a ring of windows on the sea (coast.lantern)
    "lamp room": Room("lantern", "#2a2c30", "flags", "#4a4846", "dim"),
    "lantern room": Room("lantern", "#2a2c30", "flags", "#4a4846", "dim"),
    "locker room": Room("tile", "#a8b4b8", "tiles", "#7a8488", "fluorescent", window=False),
    "gym": Room("brick", "#8a5a44", "boards", "#8a6a44", "fluorescent"),
    "ward": Room("plaster", "#c8d4d0", "tiles", "#a8aca4", "fluorescent"),
    "bank": Room("panel", "#6a5038", "checker", "#c8c0b0", "bulbs"),
    "lobby": Room("panel", "#8a6a48", "checker", "#c8bca8", "bulbs"),
    "pharmacy": Room("plaster", "#d0d8d0", "tiles", "#b0b4a8", "fluorescent"),
    "jeweller": Room("panel", "#4a3a30", "carpet", "#5a2a2a", "bulbs"),
    "florist": Room("plaster", "#c8d0b8", "flags", "#8a8070", "daylight"),
    "record shop": Room("brick", "#7a4a3a", "boards", "#4a3424", "bulbs"),
    "music shop": Room("brick", "#7a4a3a", "boards", "#4a3424", "bulbs"),
    "repair shop": Room("brick", "#6a5a4a", "boards", "#4a3a2a", "bulbs"),
    "garage": Room("brick", "#7a6a5a", "flags", "#5a5a58", "fluorescent"),
    "basement": Room("brick", "#5a4a40", "flags", "#4a4644", "dim", window=False),
    "cellar": Room("brick", "#5a4a40", "flags", "#4a4644", "lanterns", window=False),
    "classroom": Room("plaster", "#c8c0a0", "boards", "#7a5a3a", "fluorescent"),
    "office": Room("plaster", "#b0a890", "carpet", "#5a5a60", "fluorescent"),
    "police station": Room("plaster", "#a8b0a0", "tiles", "#7a7a70", "fluorescent"),
    "station": Room("tile", "#c8c0a8", "tiles", "#8a8478", "bulbs"),
    # a cafe's window is its own shop window (dressing: cafe_window), its floor boards or small tiles
    "café": Room("plaster", "#c8a070", "tiles", "#b8a488", "bulbs", window=False),
    "cafe": Room("plaster", "#c8a070", "tiles", "#b8a488", "bulbs", window=False),
    # a diner: a long counter with stools, booths under a row of big windows, a menu board (_diner)
    "diner": Room("diner", "#ece2c8", "checker", "#d8d0c0", "fluorescent"),
    # a ski lodge, a chalet, a log cabin: log walls, a window on the mountains, warm lamps (_logs)
    "lodge": Room("logs", "#8a5a34", "boards", "#5a3a22", "bulbs"),
    "library": Room("panel", "#5a4030", "carpet", "#4a3a3a", "bulbs"),
    "chapel": Room("plaster", "#c8c0b0", "flags", "#8a8478", "daylight"),
    "workshop": Room("brick", "#6a5a4a", "boards", "#4a3a2a", "bulbs"),
    "studio": Room("plaster", "#d8d4cc", "boards", "#8a6a48", "daylight"),
    "shed": Room("panel", "#7a6448", "boards", "#5a4a36", "daylight"),
    "stage": Room("plaster", "#1e1a22", "boards", "#4a3220", "dim", window=False),
    "community hall": Room("panel", "#a8885a", "boards", "#8a6a44", "bulbs"),
    "marquee": Room("canvas", "#f0ece2", "carpet", "#6a7a4a", "bulbs", window=False),
    # an army's tent (a field hospital's, a mess tent): olive canvas over duckboards, lanterns (_canvas)
    "tent": Room("canvas", "#7a7656", "boards", "#4a3e2c", "lanterns", window=False),
    # a command bunker, a dugout: concrete and timber props under a bare bulb, no window
    "bunker": Room("stone", "#6a675c", "flags", "#4a4840", "dim", window=False),
    "portacabin": Room("panel", "#c8c4b0", "tiles", "#6a6a60", "fluorescent"),
    "food stall": Room("street", "#3a3430", "flags", "#3b3d44", "dim", window=False),
    "warehouse": Room("warehouse", "#4a4e52", "flags", "#5a5a58", "bulbs", window=False),
    "bus": Room("bus", "#5a6a5e", "boards", "#3a3430", "dim"),
}
#: Other words for the venues above.
SAME: dict[str, str] = {
    "launderette": "laundromat", "laundrette": "laundromat", "laundry": "laundromat", "wash house": "laundromat",
    "dentist": "surgery", "dental": "surgery", "doctor's": "surgery", "gp": "surgery", "vet's": "surgery",
    "veterinary": "surgery", "reception": "waiting room", "bowling alley": "bowling",
    "pool": "swimming pool", "lido": "swimming pool", "swimming baths": "swimming pool",
    "deep end": "swimming pool", "shallow end": "swimming pool", "lane ropes": "swimming pool",
    "lifeguard": "swimming pool", "leisure centre": "swimming pool", "pool table": "pool hall", "billiard": "pool hall",
    "snooker": "pool hall", "car pool": "garage", "the lanes": "bowling", "the pins": "bowling",
    "ten-pin": "bowling", "tenpin": "bowling", "skittle alley": "bowling",
    "skating rink": "ice rink", "rink": "ice rink", "ice arena": "ice rink", "ice stadium": "ice rink",
    "hockey arena": "ice rink",
    "back seat": "car", "backseat": "car", "front seat": "car", "driver's seat": "car", "passenger seat": "car",
    "taxi": "car", "cab": "car", "limousine": "car", "limo": "car", "getaway car": "car", "patrol car": "car",
    "car park": "garage", "parking garage": "garage", "car wash": "garage", "dining car": "diner",
    "buffet car": "diner", "baggage car": "shed", "freight car": "shed", "boxcar": "shed", "box car": "shed",
    "sleeping car": "shed", "sleeper car": "shed",
    "glasshouse": "greenhouse", "hothouse": "greenhouse", "conservatory": "greenhouse", "orangery": "greenhouse",
    "palm house": "greenhouse", "botanical": "greenhouse", "sound studio": "recording studio",
    "rehearsal room": "recording studio", "barber": "barbershop", "barber's": "barbershop", "barber shop": "barbershop",
    "hairdresser": "hair salon", "beauty parlour": "hair salon", "beauty parlor": "hair salon",
    "beauty salon": "hair salon",
    "pawnshop": "pawn", "pawnbroker": "pawn", "junk shop": "pawn", "antique shop": "pawn", "second-hand": "pawn",
    "thrift": "pawn", "pawn shop": "pawn", "sorting office": "post office", "mailroom": "post office",
    "changing room": "locker room", "dressing room": "locker room", "boxing gym": "gym", "gymnasium": "gym",
    "hospital": "ward", "infirmary": "ward", "sanatorium": "ward", "chemist": "pharmacy", "drugstore": "pharmacy",
    "apothecary": "pharmacy", "jewellery": "jeweller", "jewelry": "jeweller", "jeweler": "jeweller",
    "flower shop": "florist", "record store": "record shop", "guitar shop": "music shop", "hotel": "lobby",
    "foyer": "lobby", "front desk": "lobby", "watchmaker": "repair shop", "clockmaker": "repair shop",
    "mechanic": "garage", "coffee shop": "cafe", "tea room": "cafe", "tearoom": "cafe", "canteen": "diner",
    "precinct": "police station", "schoolroom": "classroom", "newsroom": "office", "bookshop": "library",
    "bookstore": "library", "train station": "station", "railway station": "station", "waiting hall": "station",
    "photo studio": "studio", "artist's studio": "studio", "atelier": "studio", "live room": "recording studio",
    "control booth": "recording studio", "vocal booth": "recording studio", "sound booth": "recording studio", "break room": "office", "staff room": "office", "staffroom": "office",
    "cubicle": "office", "potting shed": "shed", "toolshed": "shed", "tool shed": "shed", "summerhouse": "shed",
    "lanes roped": "swimming pool", "lane roped": "swimming pool", "diving board": "swimming pool",
    "high board": "swimming pool", "swimming gala": "swimming pool", "every lane": "bowling",
    "main stage": "stage", "the stage": "stage", "little stage": "stage", "great stage": "stage",
    "school stage": "stage", "village hall": "community hall", "church hall": "community hall",
    "scout hut": "community hall", "trestle table": "community hall", "wedding marquee": "marquee",
    "big tent": "marquee", "site cabin": "portacabin", "site office": "portacabin",
    "street food": "food stall", "food truck": "food stall", "food van": "food stall", "counter for six": "food stall",
    "yatai": "food stall", "ramen stall": "food stall", "noodle stall": "food stall", "hawker": "food stall",
    "racking": "warehouse", "warehouse floor": "warehouse", "nurses' station": "ward", "nurses station": "ward",
    "roadside diner": "diner", "lunch counter": "diner", "soda fountain": "diner", "milkshake": "diner",
    "pie under glass": "diner", "short-order": "diner", "vinyl booth": "diner", "greasy spoon": "diner",
    "truck stop": "diner", "chalet": "lodge", "ski lodge": "lodge", "mountain lodge": "lodge",
    "hunting lodge": "lodge", "log cabin": "lodge", "mountain hut": "lodge", "ski hut": "lodge",
    "alpine hut": "lodge", "après-ski": "lodge", "apres-ski": "lodge", "fondue": "lodge",
    "field hospital tent": "tent", "hospital tent": "tent", "mess tent": "tent", "command tent": "tent",
    "army tent": "tent", "medical tent": "tent", "aid station": "tent", "casualty clearing station": "tent",
    "command bunker": "bunker", "dugout": "bunker", "air-raid shelter": "bunker", "air raid shelter": "bunker",
    "pillbox": "bunker", "blockhouse": "bunker",
    "ski-lift hut": "lodge", "ski lift hut": "lodge", "lift hut": "lodge", "lift operator's hut": "lodge",
    "warming hut": "lodge", "ski patrol hut": "lodge",
}
#: Phrases that name no venue, though a word in them does (read before it): a crane's cab is no
#: taxi, a wedding's reception hall no waiting room, a stage door an alley's.
NOT_VENUES = ("crane cab", "crane driver's cab", "control car", "radio station", "station manager", "space station",
              "research station", "power station", "reception hall", "function room", "stage door",
              "above the stage", "under the stage", "behind the stage", "front of the stage",
              "pool of light", "pool of blood", "gene pool", "bus stop", "bus shelter", "bus station", "bus depot",
              "parked buses", "bus lane", "bus route", "last bus", "porter's lodge", "porters' lodge",
              "masonic lodge", "lodge a complaint")
#: Venue words that do not count in some kinds of place: a grand hotel's ballroom is no lobby.
NOT_IN: dict[str, frozenset[str]] = {"hotel": frozenset({"ballroom"}), "reception": frozenset({"ballroom"}),
                                     "cab": frozenset({"rooftop"})}
#: Words after these name another place than the one described: "a small apartment over a
#: laundromat" is no laundromat, "the singer's room behind the stage" no stage.
ELSEWHERE = re.compile(r"\b(over|above|across|beyond|behind|under|beneath|below) (the|a|an|every) [\w'-]+(?: [\w'-]+)?")


#: How a room inside an open-air kind of place is built, where its words name no venue (dressing.inside
#: says when they say it is a room): a castle's halls and kitchens of stone under torches and banners
#: with an arched window, a mountain hut of rough stone, a forest hut of logs, a cottage whitewashed,
#: a ruin's of old brick, a ship's below-decks panelled.
KIND_ROOMS: dict[str, Room] = {
    "castle": Room("castle", "#6e665a", "flags", "#5a5248", "torches"),
    "mountain": Room("stone", "#7a7468", "boards", "#5a4430", "lanterns"),
    "forest": Room("panel", "#6a4a30", "boards", "#4a3422", "lanterns"),
    "village": Room("plaster", "#d8ccb0", "flags", "#6a6258", "lanterns"),
    "desert": Room("plaster", "#c8a47a", "flags", "#8a6a4a", "lanterns"),
    "ruins": Room("brick", "#6a5a4a", "flags", "#4a4440", "dim"),
    "beach": Room("panel", "#a89474", "boards", "#7a6448", "daylight"),
    "sea": Room("panel", "#6a4a30", "boards", "#4a3422", "lanterns"),
    "city_street": Room(), "alley": Room("brick", "#6a4a3a", "flags", "#4a4644", "dim"),
}
#: A Norse longhouse's or a mead hall's inside: dark timber walls of upright planks between carved
#: posts, round shields hung on them, an earth-dark floor, lit by torches and its fire; no window.
TIMBER_HALL = Room("timber", "#5a3e26", "boards", "#3a2c1e", "torches", window=False)
#: A room of a castle-kind place among a people of the ancient world (eras.py): plain dressed stone by
#: torchlight, no heraldic banners or Gothic window (a gladiators' cells, a temple's store).
ANCIENT_STONE = Room("stone", "#8a7a62", "flags", "#6a5e4c", "torches", window=False)
#: Words (a place's or its world's) that make a castle-kind hall a timber one.
TIMBER_WORDS = re.compile(r"\b(longhouses?|long house|mead[- ]?halls?|viking|vikings|norse|jarl|skald)\b")


def elsewhere(low: str) -> str:
    """``low`` with the words that name another place ("over a laundromat") blanked out."""
    return ELSEWHERE.sub(lambda m: m.group(1) + " " * (len(m.group(0)) - len(m.group(1))), low)
#: Single words that say what a room is made of or lit by, whatever it is.
WALL_WORDS = {"tile": ("tiled", "tiles", "tile"), "panel": ("panelled", "paneled", "panelling", "wood panel"),
              "stone": ("stone walls", "stone wall", "stone-walled", "stone hut", "bare stone"),
              "brick": ("brick", "bricks", "exposed brick"), "glass": ("glass walls", "glass roof", "glass panes"),
              "padded": ("padded", "soundproof", "foam")}
FLOOR_WORDS = {"checker": ("checkerboard", "chequered", "checkered", "black and white floor"),
               "carpet": ("carpet", "carpeted", "rug"), "flags": ("flagstone", "flagged", "stone floor", "concrete"),
               "tiles": ("linoleum", "lino")}
LIGHT_WORDS = {"fluorescent": ("fluorescent", "strip light", "strip-light", "tube light", "striplight"),
               "lanterns": ("candle", "candlelit", "lantern", "oil lamp", "gaslight", "gaslit"),
               "dim": ("dim", "dimly", "gloomy", "half-dark", "shadowy"),
               "daylight": ("skylight", "sunlit", "sun-drenched", "daylight")}


@functools.cache
def _as_word(w: str) -> re.Pattern[str]:
    """``w`` as a whole word or its plural, compiled once (the venue and room words are a few
    hundred: past ``re``'s own cache of 512 patterns they were compiled again on every call)."""
    return re.compile(rf"\b{re.escape(w)}(?:s|es)?\b")


def _word(low: str, w: str) -> int:
    """Where ``w`` stands in ``low`` as a whole word (or its plural); -1 if nowhere."""
    m = _as_word(w).search(low)
    return m.start() if m else -1


def _first(low: str, words: tuple[str, ...]) -> int:
    """Where the first of ``words`` stands in ``low``; -1 if none of them does."""
    at = [a for w in words if (a := _word(low, w)) >= 0]
    return min(at) if at else -1


def _venue_hits(low: str, kind: str | None) -> list[tuple[int, int, str]]:
    """The venue words in ``low`` (start, end, word), a phrase before the words in it: a match
    inside or across a longer one (or a NOT_VENUES phrase) does not count."""
    hits = []
    for w in list(VENUES) + list(SAME) + list(NOT_VENUES):
        if kind is not None and kind in NOT_IN.get(w, ()):
            continue
        m = _as_word(w).search(low)
        if m:
            hits.append((m.start(), m.end(), w))
    hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
    kept: list[tuple[int, int, str]] = []
    for h in hits:
        if not any(h[0] < k[1] and k[0] < h[1] for k in kept):
            kept.append(h)
    return [h for h in kept if h[2] not in NOT_VENUES]


def venue_of(name: str, description: str = "", *, kind: str | None = None) -> str | None:
    """The venue a place's words name, from its name before its description (``kind``: the kind of
    place it is drawn as, for the words that do not count in it)."""
    for i, text in enumerate((name, description)):
        low = f" {text.lower()} " if i == 0 else elsewhere(f" {text.lower()} ")
        hits = _venue_hits(low, kind)
        if hits:
            w = min(hits)[2]
            return w if w in VENUES else SAME[w]
    return None


def room_of(name: str, description: str = "", *, year: int | None = None, kind: str | None = None,
            venue: str | None = None, inside: Room | None = None) -> Room | None:
    """How an interior is built from its words and era (``venue``: what it is, where the caller
    knows; else from the words; ``inside``: how a room of its kind of place is built where its words
    name no venue); None when the words say nothing of it (the renderer's own interior is drawn then)."""
    venue = venue or venue_of(name, description, kind=kind)
    room = VENUES[venue] if venue else inside
    low = f" {name} {description} ".lower()
    said = {}
    for part, table in (("wall", WALL_WORDS), ("floor", FLOOR_WORDS), ("light", LIGHT_WORDS)):
        places = [(at, v) for v, words in table.items() if (at := _first(low, words)) >= 0]
        found = min(places) if places else None
        if found:
            said[part] = found[1]
    if room is None and not said:
        return None
    room = room or Room()
    if said.get("wall") == "stone" and room.wall == "castle":  # a castle's walls are stone already
        del said["wall"]
    if said:
        room = Room(said.get("wall", room.wall), room.wall_color, said.get("floor", room.floor), room.floor_color,
                    said.get("light", room.light), room.window)
    # the era's light: no fluorescent tube before 1940, no electric bulb before 1890
    light = room.light
    if year is not None and light == "fluorescent" and year < 1940:
        light = "bulbs"
    if year is not None and light == "bulbs" and year < 1890:
        light = "lanterns"
    if light != room.light:
        room = Room(room.wall, room.wall_color, room.floor, room.floor_color, light, room.window)
    return room


# --- the shell: walls, floor, light ------------------------------------------------------------

FLOOR_LINE = 70.0


def draw_room(k: Kit, room: Room) -> None:
    """Walls, floor and light of a composed interior, on the sky (walls), far (windows) and near
    (floor) layers; the fixtures are dressed on after (dressing.dress)."""
    y = FLOOR_LINE
    if room.wall == "car":
        _car_cabin(k, room)
        return
    if room.wall == "lantern":  # a lighthouse's lamp room (coast.py)
        from .coast import lantern

        lantern(k, y)
        return
    if room.wall in SHELLS:  # not a room at all: the open street (a food stall's), a kind's own set
        RECIPES[SHELLS[room.wall]](k)
        return
    style = home_style(k) if room.wall == "plaster" and room.floor in HOME_FLOORS else None
    if style is not None:  # a plastered room (a cottage's, a schoolroom) as the region builds it
        draw_home(k, style, light=room.light if room.light in ("lanterns", "bulbs") else "none", y=y)
        if room.light not in ("lanterns", "bulbs"):
            {"fluorescent": _tubes, "daylight": _daylight, "dim": _dim, "torches": _torches}[room.light](k, y)
        return
    if room.wall == "canvas":
        _canvas(k, room, y)
    if room.wall == "glass":
        _glass_walls(k, y)
    elif room.wall == "canvas":
        pass
    else:
        wall(k, k.sky, room.wall_color, trim=None if room.wall in ("tile", "padded", "brick", "stone", "castle", "bus")
             else mix_hex(room.wall_color, "#000000", 0.45))
        {"tile": _tiles, "brick": _bricks, "padded": _padding, "panel": _panels, "stone": _stones, "castle": _castle,
         "bus": _bus, "timber": _timber, "logs": _logs, "diner": _diner}.get(room.wall, _nothing)(k, room, y)
        if room.wall == "diner":  # (its windows are its own, a row of them over the booths)
            pass
        elif room.window and room.wall == "castle":  # a tall arched window, deep in the stone
            _arched_window(k, room, k.w * 0.5, 12, 46)
        elif room.window and room.wall == "stone":  # a small deep-set window in a thick wall
            window(k, k.far, skia.Rect(k.w * 0.5 - 9, 22, k.w * 0.5 + 9, 38), mix_hex(room.wall_color, "#000000", 0.5))
        elif room.window and room.wall != "bus":  # (a bus's windows run along its side)
            window(k, k.far, skia.Rect(k.w * 0.5 - 16, 14, k.w * 0.5 + 16, 44), "#3a3a38",
                   blinds=room.light == "fluorescent")
    if room.floor == "lanes":
        _lanes(k, room, y)
    elif room.floor == "ice":
        _ice(k, room, y)
    elif room.floor == "pool":
        _pool(k, room, y)
    elif room.floor == "checker":
        _checker(k, room, y)
    else:
        floor(k, k.near, y, room.floor_color, boards=room.floor == "boards", tiles=room.floor in ("tiles", "flags"))
        if room.floor == "carpet":  # a rug laid in the middle of the room, seen in perspective
            cx = k.w / 2
            rug = poly([(cx - 30, y + 6), (cx + 30, y + 6), (cx + 52, y + 26), (cx - 52, y + 26)])
            k.near.drawPath(rug, fill(k.g.c(mix_hex(room.floor_color, "#8a3a2a", 0.5), 0.8)))
            k.near.drawPath(rug, stroke(k.g.c(mix_hex(room.floor_color, "#d8b060", 0.5), 0.8), 0.8))
    {"fluorescent": _tubes, "bulbs": _bulbs, "daylight": _daylight, "dim": _dim, "lanterns": _lanterns,
     "torches": _torches}[room.light](k, y)


def _nothing(k: Kit, room: Room, y: float) -> None:
    return None


#: Floors of a plastered room that a region's home is built instead of (homes.py): not a pool's or a rink's.
HOME_FLOORS = frozenset({"boards", "flags", "tiles", "carpet", "checker"})
#: Walls that are no room's: the shell is a kind of place's own set (settings.RECIPES).
SHELLS = {"street": "city_street", "warehouse": "warehouse"}


def _canvas(k: Kit, room: Room, y: float) -> None:
    """A marquee's white canvas: pale panels between its poles, the roof sloping up to the ridge
    with scalloped valances, and strings of bulbs swagged across (an army tent's olive canvas has
    lanterns hung instead)."""
    wall(k, k.sky, room.wall_color)
    shade = fill(k.g.c(mix_hex(room.wall_color, "#8a8478", 0.35)))
    for x in np.arange(0.0, k.w, 24.0):  # the panels' seams and the poles
        k.sky.drawRect(skia.Rect(float(x) + 11, 18, float(x) + 13, y), shade)
        k.far.drawRect(skia.Rect(float(x) - 0.8, 10, float(x) + 0.8, y), fill(k.g.c("#c8c0b0")))
    k.sky.drawRect(skia.Rect(0, 0, k.w, 18), fill(k.g.c(mix_hex(room.wall_color, "#b8b0a0", 0.5))))
    for x in np.arange(0.0, k.w, 8.0):  # the scalloped valance under the roof
        k.far.drawArc(skia.Rect(float(x), 15, float(x) + 8, 21), 0, 180, True, fill(k.g.c(room.wall_color)))
    if room.light != "bulbs":  # an army's tent: lanterns hung from the ridge pole, no party bulbs
        for x in np.arange(20.0, k.w, 45.0):
            k.far.drawLine(float(x), 10, float(x), 26, stroke(k.g.c("#2a2a22"), 0.3))
            k.far.drawRect(skia.Rect(float(x) - 1.2, 26, float(x) + 1.2, 30), fill(k.g.c("#ffd890", lit=0)))
            glow(k.far, float(x), 28, 14, k.g.c("#ffc870", 0.45, lit=0))
        return
    for i, x0 in enumerate(np.arange(0.0, k.w, 40.0)):  # swags of bulbs
        sw = skia.Path()
        sw.moveTo(float(x0), 12)
        sw.quadTo(float(x0) + 20, 24, float(x0) + 40, 12)
        k.far.drawPath(sw, stroke(k.g.c("#3a3a30"), 0.3))
        for j in range(1, 8):
            t = j / 8
            bx = float(x0) + 40 * t
            by = 12 + 24 * t * (1 - t)
            k.far.drawCircle(bx, by, 0.7, fill(k.g.c("#ffe8a0", lit=0)))


def _tiles(k: Kit, room: Room, y: float) -> None:
    line = stroke(k.g.c(mix_hex(room.wall_color, "#ffffff", 0.35)), 0.25)
    for yy in range(int(y) - 36, int(y), 4):
        k.sky.drawLine(0, yy, k.w, yy, line)
    for xx in range(0, int(k.w) + 4, 4):
        k.sky.drawLine(xx, y - 36, xx, y, line)
    k.sky.drawRect(skia.Rect(0, y - 37, k.w, y - 36), fill(k.g.c(mix_hex(room.wall_color, "#000000", 0.3))))


def _bricks(k: Kit, room: Room, y: float) -> None:
    line = stroke(k.g.c(mix_hex(room.wall_color, "#000000", 0.35)), 0.3)
    for row, yy in enumerate(range(2, int(y), 3)):
        k.sky.drawLine(0, yy, k.w, yy, line)
        for xx in range(-3 * (row % 2), int(k.w), 6):
            k.sky.drawLine(xx, yy, xx, yy + 3, line)


def _padding(k: Kit, room: Room, y: float) -> None:
    """Sound panels: padded squares in rows, with a darker seam."""
    face = fill(k.g.c(mix_hex(room.wall_color, "#7a5a8a", 0.3)))
    seam = stroke(k.g.c(mix_hex(room.wall_color, "#000000", 0.5)), 0.4)
    for yy in range(6, int(y) - 6, 11):
        for xx in range(2, int(k.w), 11):
            r = skia.Rect(xx, yy, xx + 10, yy + 10)
            k.sky.drawRoundRect(r, 1.5, 1.5, face)
            k.sky.drawRoundRect(r, 1.5, 1.5, seam)


def _stones(k: Kit, room: Room, y: float) -> None:
    """Rough stone: courses of uneven blocks, each a little lighter or darker than the next."""
    line = stroke(k.g.c(mix_hex(room.wall_color, "#000000", 0.45)), 0.35)
    for row, yy in enumerate(np.arange(0.0, y, 5.0)):
        xx = -float(k.rng.uniform(0, 8))
        while xx < k.w:
            bw = float(k.rng.uniform(6, 11))
            shade = mix_hex(room.wall_color, ("#000000", "#ffffff")[row % 2], float(k.rng.uniform(0.0, 0.14)))
            r = skia.Rect(xx, float(yy), xx + bw, float(yy) + 5)
            k.sky.drawRect(r, fill(k.g.c(shade)))
            k.sky.drawRect(r, line)
            xx += bw


def _castle(k: Kit, room: Room, y: float) -> None:
    """A castle's hall: stone courses, and a banner hanging either side of the window."""
    _stones(k, room, y)
    for i, x in enumerate((k.w * 0.2, k.w * 0.8)):
        colour, device = (("#8a1e22", "#d8b040"), ("#1e3a6a", "#d8d0c0"))[i % 2]
        k.far.drawLine(x - 7, 8, x + 7, 8, stroke(k.g.c("#3a2a1a"), 0.8))  # the pole
        k.far.drawPath(poly([(x - 6, 8), (x + 6, 8), (x + 6, 36), (x, 41), (x - 6, 36)]), fill(k.g.c(colour)))
        k.far.drawPath(poly([(x, 16), (x + 3.5, 22), (x, 28), (x - 3.5, 22)]), fill(k.g.c(device)))


def _timber(k: Kit, room: Room, y: float) -> None:
    """A longhouse's hall: upright planks, heavy posts carrying a beam under the dark roof, and
    round painted shields hung along the wall."""
    seam = stroke(k.g.c(mix_hex(room.wall_color, "#000000", 0.45)), 0.4)
    for xx in np.arange(0.0, k.w, 5.0):
        k.sky.drawLine(float(xx), 10, float(xx), y, seam)
    k.sky.drawRect(skia.Rect(0, 0, k.w, 10), fill(k.g.c(mix_hex(room.wall_color, "#000000", 0.6))))  # the roof
    post = fill(k.g.c(mix_hex(room.wall_color, "#000000", 0.3)))
    k.far.drawRect(skia.Rect(0, 9, k.w, 12), post)  # the beam
    for xx in np.arange(k.w * 0.1, k.w, k.w * 0.27):
        k.far.drawRect(skia.Rect(float(xx) - 2, 9, float(xx) + 2, y), post)
    colours = ("#8a1e22", "#d8b040", "#1e3a6a", "#2e5a2e")
    for i, xx in enumerate(np.arange(k.w * 0.23, k.w * 0.95, k.w * 0.27)):
        for j, dx in enumerate((-5.5, 5.5)):
            cx, cy = float(xx) + dx, 30.0
            k.far.drawCircle(cx, cy, 4.6, fill(k.g.c(colours[(i + j) % 4])))
            k.far.drawCircle(cx, cy, 4.6, stroke(k.g.c("#2a1e12"), 0.6))
            k.far.drawCircle(cx, cy, 1.3, fill(k.g.c("#9a9a9a")))  # the boss


def _logs(k: Kit, room: Room, y: float) -> None:
    """A lodge's or a log cabin's walls: courses of round logs, each shaded under and lit along its
    top, notched ends at a corner post, a heavy beam under the ceiling."""
    shade = fill(k.g.c(mix_hex(room.wall_color, "#000000", 0.4)))
    light = fill(k.g.c(mix_hex(room.wall_color, "#f0c890", 0.25)))
    for yy in np.arange(6.0, y, 4.0):
        k.sky.drawRect(skia.Rect(0, float(yy) + 3.0, k.w, float(yy) + 4.0), shade)
        k.sky.drawRect(skia.Rect(0, float(yy) + 0.4, k.w, float(yy) + 1.0), light)
    beam = fill(k.g.c(mix_hex(room.wall_color, "#000000", 0.55)))
    k.far.drawRect(skia.Rect(0, 0, k.w, 6), beam)
    for xx in (k.w * 0.04, k.w * 0.96):
        k.far.drawRect(skia.Rect(float(xx) - 2.5, 6, float(xx) + 2.5, y), beam)
        for yy in np.arange(8.0, y, 4.0):  # the logs' notched ends
            k.far.drawOval(skia.Rect(float(xx) - 2.2, float(yy), float(xx) + 2.2, float(yy) + 3.4), light)


def _diner(k: Kit, room: Room, y: float) -> None:
    """A diner: a pastel wainscot under a chrome strip, a row of big windows (on the world outside)
    over red vinyl booths, a menu board over a long counter of red-topped stools, a glass pie case
    and coffee pots on the warmer."""
    wains = mix_hex("#5ab0a8", room.wall_color, 0.15)
    k.sky.drawRect(skia.Rect(0, y - 18, k.w, y), fill(k.g.c(wains)))
    chrome, dark = fill(k.g.c("#dfe4e8")), fill(k.g.c("#6a7078"))
    k.sky.drawRect(skia.Rect(0, y - 19, k.w, y - 17.6), chrome)
    split = k.w * 0.5
    for i, xx in enumerate(np.arange(k.w * 0.03, split - 10, 24.0)):  # big windows, a booth under each
        r = skia.Rect(float(xx), 12, float(xx) + 21, 44)
        window(k, k.far, r, "#c8ccd0")
        bx = r.centerX()
        for dx in (-9.0, 5.0):  # the two high backs of the booth, facing each other over its table
            k.mid.drawRoundRect(skia.Rect(bx + dx, 50, bx + dx + 4, 66), 1.5, 1.5, fill(k.g.c("#b8282a")))
            k.mid.drawRect(skia.Rect(bx + dx + 0.5, 51, bx + dx + 1.2, 65), fill(k.g.c("#e05a50")))
        k.mid.drawRect(skia.Rect(bx - 5, 57, bx + 5, 58.4), fill(k.g.c("#e8e0d0")))  # the table, chrome-edged
        k.mid.drawRect(skia.Rect(bx - 0.5, 58.4, bx + 0.5, 66), dark)
        k.mid.drawRect(skia.Rect(bx - 8.6, 62, bx + 8.6, 66), fill(k.g.c("#8a1e22")))  # the seats
    board = skia.Rect(split + 8, 8, k.w * 0.94, 24)  # the menu board
    k.far.drawRect(board, fill(k.g.c("#1e2226")))
    k.far.drawRect(skia.Rect(board.left(), board.top(), board.right(), board.top() + 3), fill(k.g.c("#c8302a")))
    letters = stroke(k.g.c("#f0ece0", 0.85), 0.35)
    for j in range(3):
        yy = board.top() + 5.5 + j * 3.4
        for col in range(2):
            x0 = board.left() + 2 + col * board.width() / 2
            k.far.drawLine(x0, yy, x0 + board.width() * float(k.rng.uniform(0.2, 0.32)), yy, letters)
            k.far.drawLine(x0 + board.width() * 0.38, yy, x0 + board.width() * 0.45, yy, letters)
    top = 56.0  # the long counter along the back, its top chrome-edged, a red band along its front
    k.mid.drawRect(skia.Rect(split, top, k.w, y), fill(k.g.c("#e8dcc0")))
    k.mid.drawRect(skia.Rect(split, top + 5, k.w, top + 8), fill(k.g.c("#c8302a")))
    k.mid.drawRect(skia.Rect(split - 1, top - 1.6, k.w, top), chrome)
    px = split + (k.w - split) * 0.3  # a glass pie case: pies on two shelves under a dome
    k.mid.drawRect(skia.Rect(px - 6, top - 11, px + 6, top - 1.6), fill(k.g.c("#dff0f4", 0.25, lit=0)))
    k.mid.drawRect(skia.Rect(px - 6, top - 11, px + 6, top - 1.6), stroke(k.g.c("#e8f4f8", 0.8, lit=0), 0.35))
    for shelf in (top - 6.6, top - 1.8):
        k.mid.drawLine(px - 6, shelf, px + 6, shelf, stroke(k.g.c("#c8ccd0"), 0.3))
        for dx in (-3.0, 3.0):
            k.mid.drawArc(skia.Rect(px + dx - 2.6, shelf - 2.4, px + dx + 2.6, shelf + 0.4), 180, 180, True,
                          fill(k.g.c("#d89a4a")))
            k.mid.drawLine(px + dx - 1.8, shelf - 1.6, px + dx + 1.6, shelf - 1.6, stroke(k.g.c("#8a3a2a"), 0.35))
    cx = split + (k.w - split) * 0.72  # coffee pots on the warmer
    k.mid.drawRect(skia.Rect(cx - 5, top - 3, cx + 5, top - 1.6), dark)
    for dx in (-2.6, 2.6):
        k.mid.drawOval(skia.Rect(cx + dx - 2, top - 7.5, cx + dx + 2, top - 3), fill(k.g.c("#e8f0f0", 0.6, lit=0)))
        k.mid.drawOval(skia.Rect(cx + dx - 1.8, top - 5.6, cx + dx + 1.8, top - 3.1), fill(k.g.c("#3a1e10")))
        k.mid.drawRect(skia.Rect(cx + dx - 0.9, top - 9, cx + dx + 0.9, top - 7.3), fill(k.g.c("#e07a1a")))
    for xx in np.arange(split + 5, k.w - 2, 10.0):  # the stools: chrome posts, red round seats
        k.near.drawRect(skia.Rect(float(xx) - 0.4, 66, float(xx) + 0.4, 72), chrome)
        k.near.drawOval(skia.Rect(float(xx) - 2.2, 71.4, float(xx) + 2.2, 72.6), chrome)
        k.near.drawRoundRect(skia.Rect(float(xx) - 2.8, 64.2, float(xx) + 2.8, 66.4), 1, 1, fill(k.g.c("#c8282a")))


def antlers(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A lodge's trophy: a stag's antlers on a shield-shaped wooden plaque high on the wall."""
    y = base - 52
    wood = fill(k.g.c("#5a3820"))
    c.drawPath(poly([(x - 3, y - 3), (x + 3, y - 3), (x + 3, y + 2), (x, y + 4.5), (x - 3, y + 2)]), wood)
    horn = stroke(k.g.c("#e8dcc0"), 0.7)
    for side in (-1, 1):
        p = skia.Path()
        p.moveTo(x + side * 1.2, y - 2)
        p.quadTo(x + side * 6, y - 4, x + side * 8, y - 13)
        c.drawPath(p, horn)
        for t in (0.35, 0.6, 0.85):  # the tines, rising inward off the beam
            bx, by = x + side * (1.2 + 6.8 * t), y - 2 - 11 * t * t
            c.drawLine(bx, by, bx - side * 1.2, by - 3.5, horn)


def back_bar(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A wooden bar with no sign lit over it (a lodge's, an inn's): a plank counter, beer taps and
    a few bottles on top (no wall of them: it stands out in the room)."""
    for i, dx in enumerate((10.0, 12.5, 15.0)):
        col = ("#2f6b3a", "#7a3a1c", "#c9b36a")[i]
        c.drawRoundRect(skia.Rect(x + dx - 0.8, base - 20.5, x + dx + 0.8, base - 15.5), 0.5, 0.5, fill(k.g.c(col)))
        c.drawRect(skia.Rect(x + dx - 0.3, base - 22, x + dx + 0.3, base - 20.3), fill(k.g.c(col)))
    c.drawRect(skia.Rect(x - 20, base - 14, x + 20, base), fill(k.g.c("#6a4226")))
    c.drawRect(skia.Rect(x - 21, base - 15.5, x + 21, base - 13.5), fill(k.g.c("#8a5a32")))
    seam = stroke(k.g.c("#3a2414"), 0.3)
    for px in np.arange(x - 17, x + 20, 6.0):
        c.drawLine(float(px), base - 13, float(px), base, seam)
    for dx in (-4.0, 0.0, 4.0):  # the taps
        c.drawRect(skia.Rect(x + dx - 0.4, base - 19, x + dx + 0.4, base - 15.5), fill(k.g.c("#c8a040")))
        c.drawRoundRect(skia.Rect(x + dx - 0.8, base - 21, x + dx + 0.8, base - 18.6), 0.4, 0.4,
                        fill(k.g.c("#2a1a10")))


def jukebox(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A jukebox: a round-topped cabinet of glowing coloured tubes round a window of records."""
    body = skia.Rect(x - 6, base - 22, x + 6, base)
    c.drawRoundRect(body, 5, 5, fill(k.g.c("#6a2a1a")))
    glow(c, x, base - 14, 14, k.g.c("#ffb040", 0.4, lit=0))
    for i, col in enumerate(("#ff5a3a", "#ffd040", "#40c8ff")):
        inset = 1 + i * 1.2
        c.drawRoundRect(skia.Rect(body.left() + inset, body.top() + inset, body.right() - inset, base - 9 + i),
                        5 - i, 5 - i, stroke(k.g.c(col, lit=0), 0.5))
    c.drawRect(skia.Rect(x - 3, base - 16, x + 3, base - 11), fill(k.g.c("#e8e0c8", lit=0.6)))
    for j in range(3):
        c.drawLine(x - 2.4, base - 15 + j * 1.5, x + 2.4, base - 15 + j * 1.5, stroke(k.g.c("#6a5a40"), 0.25))
    c.drawRect(skia.Rect(x - 4, base - 8, x + 4, base - 2), fill(k.g.c("#c8a040")))


def _arched_window(k: Kit, room: Room, cx: float, top: float, bottom: float) -> None:
    """A tall window with a round arch, the country through it, in a deep stone reveal."""
    hw = 8.0
    arch = skia.Path()
    arch.moveTo(cx - hw, bottom)
    arch.lineTo(cx - hw, top + hw)
    arch.arcTo(skia.Rect(cx - hw, top, cx + hw, top + 2 * hw), 180, 180, False)
    arch.lineTo(cx + hw, bottom)
    arch.close()
    k.far.save()
    k.far.clipPath(arch, doAntiAlias=True)
    window(k, k.far, skia.Rect(cx - hw, top, cx + hw, bottom), mix_hex(room.wall_color, "#000000", 0.55))
    k.far.restore()
    k.far.drawPath(arch, stroke(k.g.c(mix_hex(room.wall_color, "#000000", 0.55)), 2.2))
    k.far.drawRect(skia.Rect(cx - hw - 2, bottom, cx + hw + 2, bottom + 2), fill(k.g.c(mix_hex(room.wall_color,
                                                                                                 "#ffffff", 0.1))))


def _bus(k: Kit, room: Room, y: float) -> None:
    """Inside a bus: a painted metal side with a row of windows onto the outside, a ribbed roof, rivets,
    and sheets of other metal patched over the holes."""
    roof = fill(k.g.c(mix_hex(room.wall_color, "#000000", 0.35)))
    k.sky.drawRect(skia.Rect(0, 0, k.w, 12), roof)
    for xx in np.arange(0.0, k.w, 12.0):  # the roof's ribs
        k.sky.drawLine(float(xx), 0, float(xx), 12, stroke(k.g.c(mix_hex(room.wall_color, "#000000", 0.55)), 0.8))
    frame = mix_hex(room.wall_color, "#000000", 0.5)
    for xx in np.arange(6.0, k.w - 20, 30.0):  # the windows along the side
        window(k, k.far, skia.Rect(float(xx), 16, float(xx) + 22, 38), frame)
    rivet = fill(k.g.c(mix_hex(room.wall_color, "#000000", 0.45)))
    for xx in np.arange(2.0, k.w, 5.0):
        k.sky.drawCircle(float(xx), 42, 0.45, rivet)
    for i in range(int(k.w // 45) + 1):  # the patches: rusty sheets riveted over the holes
        px, py = float(k.rng.uniform(0, k.w - 14)), float(k.rng.uniform(44, y - 12))
        pw, ph = float(k.rng.uniform(8, 16)), float(k.rng.uniform(6, 11))
        k.far.drawRect(skia.Rect(px, py, px + pw, py + ph), fill(k.g.c(("#8a4a2a", "#7a7a70", "#6a5a3a")[i % 3])))
        for cx, cy in ((px + 1, py + 1), (px + pw - 1, py + 1), (px + 1, py + ph - 1), (px + pw - 1, py + ph - 1)):
            k.far.drawCircle(cx, cy, 0.45, rivet)


def _panels(k: Kit, room: Room, y: float) -> None:
    line = stroke(k.g.c(mix_hex(room.wall_color, "#000000", 0.4)), 0.35)
    for xx in range(3, int(k.w), 14):
        k.sky.drawRect(skia.Rect(xx, y - 12, xx + 11, y - 3), line)
        k.sky.drawRect(skia.Rect(xx, 8, xx + 11, y - 18), line)


def _glass_walls(k: Kit, y: float) -> None:
    """A glasshouse: the sky through panes in a white iron frame, a pitched roof of glass."""
    from .settings import draw_sky

    draw_sky(k, k.sky, horizon=y)
    frame = stroke(k.g.c("#e8ece4"), 0.9)
    thin = stroke(k.g.c("#d8ddd4", 0.8), 0.4)
    sheen = fill(k.g.c("#ffffff", 0.06, lit=0))
    k.far.drawRect(skia.Rect(0, 0, k.w, y), sheen)
    for xx in range(0, int(k.w) + 12, 12):
        k.far.drawLine(xx, 0, xx, y, frame)
        k.far.drawLine(xx + 6, 10, xx + 6, y, thin)
    for yy in (10.0, 26.0, 42.0, 56.0):
        k.far.drawLine(0, yy, k.w, yy, thin if yy != 10.0 else frame)
    for xx in range(0, int(k.w) + 24, 24):  # the roof's glazing bars running up to the ridge
        k.far.drawLine(xx, 10, xx + 8, 0, frame)
    k.far.drawRect(skia.Rect(0, y - 6, k.w, y), fill(k.g.c("#8a8478")))  # a low stone plinth


def _car_cabin(k: Kit, room: Room) -> None:
    """Inside a car, looking forward: the roof lining and pillars round the windscreen, the road
    running ahead to the horizon through it, the mirror, the dashboard and wheel, and the backs of
    the front seats (in a medium shot the people seem to sit in it)."""
    from .settings import SKIES

    cx, trim = k.w / 2, room.wall_color
    k.sky.drawRect(skia.Rect(0, 0, k.w, 100), fill(k.g.c(trim)))
    glass = poly([(cx - 62, 12), (cx + 62, 12), (cx + 80, 52), (cx - 80, 52)])
    k.sky.save()
    k.sky.clipPath(glass, doAntiAlias=True)
    top, _, bot = SKIES[k.tod]
    vgrad(k.sky, skia.Rect(0, 12, k.w, 42), [k.g.c(top, lit=0), k.g.c(bot, lit=0)])
    k.sky.drawRect(skia.Rect(0, 40, k.w, 52), fill(k.g.c("#3e4a34")))  # the verges
    k.sky.drawPath(poly([(cx - 1.5, 40), (cx + 1.5, 40), (cx + 60, 52), (cx - 60, 52)]), fill(k.g.c("#3a3a3e")))
    dash = fill(k.g.c("#e8e0c0"))
    for i in range(4):  # the centre line, dashes growing as they near
        y0 = 40.5 + i * 3.0
        k.sky.drawRect(skia.Rect(cx - 0.2 - i * 0.2, y0, cx + 0.2 + i * 0.2, y0 + 1.0 + i * 0.5), dash)
    k.sky.restore()
    k.sky.drawPath(glass, stroke(k.g.c(mix_hex(trim, "#000000", 0.45)), 1.6))
    k.far.drawRoundRect(skia.Rect(cx - 9, 14, cx + 9, 19), 1.5, 1.5, fill(k.g.c("#16161a")))  # the mirror
    k.far.drawRect(skia.Rect(0, 52, k.w, 62), fill(k.g.c(mix_hex(trim, "#000000", 0.55))))  # the dashboard
    k.far.drawCircle(cx - 40, 61, 9, stroke(k.g.c("#121214"), 1.8))  # the wheel
    seat = fill(k.g.c(mix_hex(trim, "#5a4a3a", 0.4)))
    for x in (cx - 40, cx + 40):  # the backs of the front seats, headrests on top
        k.mid.drawRoundRect(skia.Rect(x - 17, 54, x + 17, 84), 5, 5, seat)
        k.mid.drawRoundRect(skia.Rect(x - 8, 45, x + 8, 53), 3, 3, seat)
    k.near.drawRect(skia.Rect(0, 84, k.w, 100), fill(k.g.c(room.floor_color)))


def _ice(k: Kit, room: Room, y: float) -> None:
    """An ice rink: tiers of empty seats up the far wall, the boards (white, a yellow kick plate,
    glass above) along the foot of it, and the pale ice with its painted lines and the lights'
    sheen on it."""
    seat = fill(k.g.c("#8a2a36"))
    riser = fill(k.g.c(mix_hex(room.wall_color, "#000000", 0.35)))
    for row, yy in enumerate(range(int(y) - 44, int(y) - 16, 5)):  # the stands, each row a step
        k.sky.drawRect(skia.Rect(0, yy + 3.2, k.w, yy + 5), riser)
        for xx in range(-2 * (row % 2), int(k.w), 4):
            k.sky.drawRoundRect(skia.Rect(xx, yy, xx + 2.8, yy + 3.2), 0.6, 0.6, seat)
    k.far.drawRect(skia.Rect(0, y - 16, k.w, y - 6), fill(k.g.c("#dcecf4", 0.16, lit=0)))  # the glass
    k.far.drawRect(skia.Rect(0, y - 6, k.w, y), fill(k.g.c("#f2f4f4")))
    k.far.drawRect(skia.Rect(0, y - 1.4, k.w, y), fill(k.g.c("#e8c82a")))
    post = stroke(k.g.c("#9aa4aa"), 0.3)
    for xx in range(0, int(k.w) + 12, 12):
        k.far.drawLine(xx, y - 16, xx, y - 6, post)
    ice = room.floor_color
    vgrad(k.near, skia.Rect(0, y, k.w, 100), [k.g.c(mix_hex(ice, "#8aa4b8", 0.35)), k.g.c(ice)])
    for yy, colour, wid in ((y + 7, "#3a6ad8", 1.0), (y + 15, "#d83a3a", 1.3), (y + 26, "#3a6ad8", 1.6)):
        k.near.drawRect(skia.Rect(0, yy, k.w, yy + wid), fill(k.g.c(colour, 0.8)))
    cx = k.w / 2  # the centre circle, flattened by the floor's perspective
    k.near.drawOval(skia.Rect(cx - 18, y + 11, cx + 18, y + 19.5), stroke(k.g.c("#3a6ad8", 0.8), 0.5))
    sheen = fill(k.g.c("#ffffff", 0.22, lit=0))
    for i in range(5):  # the lights mirrored in the ice
        xx = k.w * (0.1 + 0.2 * i)
        k.near.drawOval(skia.Rect(xx - 5, y + 3, xx + 5, y + 30), sheen)


def _pool(k: Kit, room: Room, y: float) -> None:
    """A swimming pool: the water's blue stretching back to the far wall, lane ropes of red and
    white floats running up it in perspective, the dark lane lines on the bottom, the light's
    ripples on the surface and the white tiled edge people stand on in front."""
    edge = y + 16.0
    water = room.floor_color
    vgrad(k.near, skia.Rect(0, y, k.w, edge), [k.g.c(mix_hex(water, "#0a2a4a", 0.35)), k.g.c(water)])
    vanish, n = k.w / 2, max(5, int(k.w / 34))
    line = fill(k.g.c("#0a2a5a", 0.55))
    for i in range(n + 1):
        xb = k.w * (i / n)
        xt = vanish + (xb - vanish) * 0.55
        if i < n:  # the black line down the middle of each lane, on the pool's floor
            mb = k.w * ((i + 0.5) / n)
            mt = vanish + (mb - vanish) * 0.55
            k.near.drawPath(poly([(mt - 0.3, y + 1), (mt + 0.3, y + 1), (mb + 0.9, edge), (mb - 0.9, edge)]), line)
        for j in range(9):  # the rope's floats, bigger as they near
            f = j / 8
            fx, fy = xt + (xb - xt) * f, y + 0.8 + (edge - y - 1.6) * f
            r = 0.35 + 0.55 * f
            k.near.drawOval(skia.Rect(fx - r * 1.4, fy - r, fx + r * 1.4, fy + r),
                            fill(k.g.c("#d83a3a" if j % 2 else "#f4f4f0")))
    ripple = stroke(k.g.c("#ffffff", 0.25, lit=0), 0.3)
    for row in range(5):
        yy = y + 2 + row * 3
        for xx in np.arange(float(k.rng.uniform(0, 8)) + row * 3, k.w, 11.0):
            k.near.drawLine(float(xx), yy, float(xx) + 2 + row * 0.6, yy, ripple)
    k.near.drawRect(skia.Rect(0, y - 0.6, k.w, y + 0.8), fill(k.g.c("#e8eef0")))  # the far edge
    floor(k, k.near, edge, "#c8d4d8", tiles=True)  # the tiled side in front
    k.near.drawRect(skia.Rect(0, edge, k.w, edge + 1.6), fill(k.g.c("#f4f8f8")))
    k.near.drawRect(skia.Rect(0, edge + 1.6, k.w, edge + 2.2), fill(k.g.c("#1a4a8a")))
    for xx in range(0, int(k.w), 30):  # the depth marks on the edge
        k.near.drawRect(skia.Rect(xx + 4, edge + 0.2, xx + 8, edge + 1.4), fill(k.g.c("#1a3a6a")))


def _lanes(k: Kit, room: Room, y: float) -> None:
    """Bowling lanes: polished wood running back to the pins at the far wall, gutters between."""
    wood = room.floor_color
    vgrad(k.near, skia.Rect(0, y, k.w, 100), [k.g.c(mix_hex(wood, "#000000", 0.2)), k.g.c(wood)])
    gutter = fill(k.g.c("#2a2624"))
    pin = fill(k.g.c("#f4f0e8"))
    neck = fill(k.g.c("#c8302a"))
    vanish = k.w / 2
    n = max(4, int(k.w / 40))
    # the pin deck: a dark band along the foot of the wall, each lane's pins in a triangle
    k.sky.drawRect(skia.Rect(0, y - 12, k.w, y), fill(k.g.c("#1a1618")))
    for i in range(n + 1):
        xb = k.w * (i / n)
        xt = vanish + (xb - vanish) * 0.45
        k.near.drawPath(poly([(xt - 0.8, y), (xt + 0.8, y), (xb + 3, 100), (xb - 3, 100)]), gutter)
        if i < n:
            cx = vanish + (k.w * ((i + 0.5) / n) - vanish) * 0.45
            for row, count in enumerate((4, 3, 2, 1)):
                for j in range(count):
                    px = cx + (j - (count - 1) / 2) * 2.2
                    py = y - 1.5 - (3 - row) * 0.6
                    k.far.drawOval(skia.Rect(px - 0.7, py - 3.2, px + 0.7, py), pin)
                    k.far.drawRect(skia.Rect(px - 0.6, py - 2.4, px + 0.6, py - 2.0), neck)
            glow(k.far, cx, y - 3, 7, k.g.c("#fff0c8", 0.35, lit=0))
            k.far.drawRect(skia.Rect(cx - 6, y - 20, cx + 6, y - 13), fill(k.g.c("#2a2030")))  # the masking panel
            k.far.drawCircle(cx, y - 16.5, 2.2, fill(k.g.c(("#e84a3a", "#3a8ae8", "#e8c83a", "#4ae86a")[i % 4], lit=0)))
    line = stroke(k.g.c("#ffffff", 0.18, lit=0), 0.3)  # the shine of the oiled boards
    for yy in (y + 6, y + 15, y + 27):
        k.near.drawLine(0, yy, k.w, yy, line)


def _checker(k: Kit, room: Room, y: float) -> None:
    light, dark = room.floor_color, mix_hex(room.floor_color, "#1a1a1a", 0.8)
    vgrad(k.near, skia.Rect(0, y, k.w, 100), [k.g.c(mix_hex(light, "#000000", 0.25)), k.g.c(light)])
    paint = fill(k.g.c(dark))
    rows = [y, y + 3, y + 7, y + 12, y + 19, y + 28, y + 40, 100.0]
    vanish = k.w / 2
    for r in range(len(rows) - 1):
        t0, t1 = rows[r], rows[r + 1]
        f0, f1 = 0.45 + 1.15 * (t0 - y) / 30, 0.45 + 1.15 * (t1 - y) / 30
        for i in range(-30, 30):
            if (i + r) % 2:
                continue
            xa, xb = i * 6.0, (i + 1) * 6.0
            k.near.drawPath(poly([(vanish + xa * f0, t0), (vanish + xb * f0, t0), (vanish + xb * f1, t1),
                                  (vanish + xa * f1, t1)]), paint)


def _tubes(k: Kit, y: float) -> None:
    """Fluorescent tubes on the ceiling: a cold flat light that washes the whole room."""
    k.sky.drawRect(skia.Rect(0, 0, k.w, y), fill(k.g.c("#e8f4ff", 0.08, lit=0)))
    for x in range(12, int(k.w), 36):
        k.far.drawRect(skia.Rect(x, 3, x + 20, 5), fill(k.g.c("#d8dcd8")))
        k.far.drawRect(skia.Rect(x + 1, 4.6, x + 19, 5.8), fill(k.g.c("#f4fbff", lit=0)))
        glow(k.far, x + 10, 5.5, 14, k.g.c("#dff0ff", 0.35, lit=0))


def _bulbs(k: Kit, y: float) -> None:
    from .settings import hanging_lamp

    for x in range(int(k.w * 0.22), int(k.w), int(k.w * 0.28) or 1):
        hanging_lamp(k, k.far, x, 16, cone=False)


def _daylight(k: Kit, y: float) -> None:
    shader = skia.GradientShader.MakeLinear([skia.Point(0, 0), skia.Point(0, y + 30)],
                                            [k.g.c("#fff6d8", 0.22, lit=0), skia.ColorSetARGB(0, 0, 0, 0)])
    for x in range(0, int(k.w), 40):  # shafts of sun falling slantwise
        k.far.drawPath(poly([(x, 0), (x + 14, 0), (x + 30, y + 30), (x + 16, y + 30)]),
                       skia.Paint(Shader=shader, BlendMode=skia.BlendMode.kPlus, AntiAlias=True))


def _dim(k: Kit, y: float) -> None:
    k.sky.drawRect(skia.Rect(0, 0, k.w, y), fill(k.g.c("#000000", 0.35, lit=0)))
    for x in (k.w * 0.3, k.w * 0.7):
        glow(k.far, x, y - 30, 26, k.g.c("#ffb86a", 0.35, lit=0))


def _lanterns(k: Kit, y: float) -> None:
    for x in (k.w * 0.25, k.w * 0.75):
        k.far.drawLine(x, 0, x, 14, stroke(k.g.c("#2a2420"), 0.4))
        k.far.drawRect(skia.Rect(x - 1.6, 14, x + 1.6, 19), fill(k.g.c("#3a2e22")))
        k.far.drawRect(skia.Rect(x - 1.0, 15, x + 1.0, 18.2), fill(k.g.c("#ffc870", lit=0)))
        glow(k.far, x, 16.5, 18, k.g.c("#ffb050", 0.45, lit=0))


def _torches(k: Kit, y: float) -> None:
    """Torches burning in iron brackets on the wall, a warm flicker round each in a dark room."""
    k.sky.drawRect(skia.Rect(0, 0, k.w, y), fill(k.g.c("#000000", 0.25, lit=0)))
    for x in (k.w * 0.36, k.w * 0.64):
        k.far.drawLine(x, 34, x + 2.5, 30, stroke(k.g.c("#2a2420"), 0.7))  # the bracket
        k.far.drawPath(poly([(x + 1.2, 31), (x + 3.8, 31), (x + 3.2, 26), (x + 1.8, 26)]), fill(k.g.c("#4a3220")))
        k.far.drawPath(poly([(x + 0.8, 26), (x + 2.5, 19.5), (x + 4.2, 26)]), fill(k.g.c("#ff9a2a", lit=0)))
        k.far.drawPath(poly([(x + 1.7, 26), (x + 2.5, 22), (x + 3.3, 26)]), fill(k.g.c("#ffe890", lit=0)))
        glow(k.far, x + 2.5, 24, 22, k.g.c("#ff9a40", 0.5, lit=0))


# --- fixtures (set pieces: kit, canvas, x (centre), floor line) ----------------------------------

def washers(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A row of front-loading washers (round glass doors, washing tumbling in some), dryers stacked
    on top at one end; before the 1930s, wooden washtubs with washboards and a mangle."""
    if k.year is not None and k.year < 1930:
        _washtubs(k, c, x, base)
        return
    body, edge = fill(k.g.c("#e8eae6")), stroke(k.g.c("#8a908c"), 0.35)
    glass, rim = fill(k.g.c("#5a6a78")), stroke(k.g.c("#b8bec0"), 0.8)
    cloth = [fill(k.g.c(col)) for col in ("#c84a4a", "#4a7ac8", "#e8c84a", "#6ab86a")]
    for i in range(4):
        x0 = x - 24 + i * 12
        stacked = (base - 11,) if i else (base - 11, base - 22)
        for top in stacked:
            r = skia.Rect(x0, top, x0 + 11, top + 11)
            c.drawRect(r, body)
            c.drawRect(r, edge)
            c.drawRect(skia.Rect(x0 + 1, top + 1, x0 + 10, top + 2.2), fill(k.g.c("#c8ccc8")))
            cx, cy = x0 + 5.5, top + 6.6
            c.drawCircle(cx, cy, 3.4, glass)
            if (i + int(top)) % 2 == 0:  # washing in the drum
                for j, p in enumerate(cloth[:3]):
                    a = j * 2.1 + i
                    c.drawCircle(cx + 1.4 * math.cos(a), cy + 1.4 * math.sin(a), 1.2, p)
            c.drawCircle(cx, cy, 3.4, rim)


def _washtubs(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    wood, hoop = fill(k.g.c("#8a6a44")), stroke(k.g.c("#3a3430"), 0.6)
    for i in range(3):
        cx = x - 18 + i * 12
        tub = poly([(cx - 5, base - 9), (cx + 5, base - 9), (cx + 4, base), (cx - 4, base)])
        c.drawPath(tub, wood)
        for yy in (base - 7, base - 2.5):
            c.drawLine(cx - 4.8, yy, cx + 4.8, yy, hoop)
        c.drawOval(skia.Rect(cx - 5, base - 10, cx + 5, base - 8), fill(k.g.c("#c8d8e0", 0.9)))
        board = skia.Rect(cx + 1, base - 16, cx + 5, base - 8)  # a washboard leaning in the tub
        c.drawRect(board, fill(k.g.c("#b89a6a")))
        for yy in range(int(base) - 15, int(base) - 9, 1):
            c.drawLine(board.left() + 0.5, yy, board.right() - 0.5, yy, stroke(k.g.c("#8a8a88"), 0.2))
    mx = x + 22  # a mangle: two rollers on an iron frame, a crank wheel
    c.drawLine(mx - 4, base, mx - 3, base - 14, stroke(k.g.c("#2a2a2c"), 0.9))
    c.drawLine(mx + 4, base, mx + 3, base - 14, stroke(k.g.c("#2a2a2c"), 0.9))
    for yy in (base - 13, base - 10.6):
        c.drawRoundRect(skia.Rect(mx - 3.5, yy - 1.1, mx + 3.5, yy + 1.1), 1, 1, fill(k.g.c("#d8ccb0")))
    c.drawCircle(mx + 5, base - 12, 3, stroke(k.g.c("#2a2a2c"), 0.5))


def chairs(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A row of waiting-room chairs, joined on one rail, and a coat left on one: moulded plastic on
    steel from the 1950s on, oxblood leather on wooden legs before."""
    modern = k.year is None or k.year >= 1950
    seat = fill(k.g.c("#3a6a8a" if modern else "#6a2a22"))
    leg = stroke(k.g.c("#4a4a4c" if modern else "#4a2e1a"), 0.6)
    c.drawLine(x - 22, base - 6, x + 22, base - 6, leg)
    for i in range(5):
        cx = x - 20 + i * 10
        c.drawRoundRect(skia.Rect(cx - 4, base - 8, cx + 4, base - 6), 0.8, 0.8, seat)
        c.drawRoundRect(skia.Rect(cx - 3.6, base - 15, cx + 3.6, base - 8.5), 1.2, 1.2, seat)
        c.drawLine(cx - 3, base - 6, cx - 3, base, leg)
        c.drawLine(cx + 3, base - 6, cx + 3, base, leg)
    c.drawPath(poly([(x + 7, base - 14), (x + 13, base - 14), (x + 14, base - 5), (x + 6, base - 6)]),
               fill(k.g.c("#7a4a2a")))


def low_table(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A low table of magazines and a potted plant beside it."""
    c.drawRect(skia.Rect(x - 10, base - 5, x + 10, base - 4), fill(k.g.c("#8a6a48")))
    for px in (x - 9, x + 8):
        c.drawRect(skia.Rect(px, base - 4, px + 1, base), fill(k.g.c("#5a4630")))
    for i, col in enumerate(("#d84a4a", "#e8d8a8", "#4a8ad8")):
        c.drawRect(skia.Rect(x - 7 + i * 5, base - 5.8 + i * 0.2, x - 3 + i * 5, base - 5), fill(k.g.c(col)))
    potted_plant(k, c, x + 16, base)


def potted_plant(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    c.drawPath(poly([(x - 3, base - 6), (x + 3, base - 6), (x + 2.2, base), (x - 2.2, base)]), fill(k.g.c("#a85a3a")))
    for j in range(7):
        a = math.pi * (0.1 + 0.8 * j / 6)
        c.drawOval(skia.Rect(x + 7 * math.cos(a) - 3, base - 9 - 10 * math.sin(a) - 1.4,
                             x + 7 * math.cos(a) + 3, base - 9 - 10 * math.sin(a) + 1.4),
                   fill(k.g.c("#3a8a4a" if j % 2 else "#2a6a3a")))


def reception(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A reception counter: a high front, a bell, a lamp and papers on top."""
    c.drawRect(skia.Rect(x - 18, base - 13, x + 18, base), fill(k.g.c("#b8a88a")))
    c.drawRect(skia.Rect(x - 19, base - 14.2, x + 19, base - 12.6), fill(k.g.c("#6a5038")))
    c.drawRect(skia.Rect(x - 12, base - 10, x + 12, base - 4), stroke(k.g.c("#8a7a5c"), 0.4))
    c.drawArc(skia.Rect(x + 10, base - 16.4, x + 13, base - 13.6), 180, 180, True, fill(k.g.c("#d8b84a")))
    c.drawRect(skia.Rect(x - 8, base - 15, x - 2, base - 14.2), fill(k.g.c("#f0ece0")))
    c.drawLine(x - 14, base - 14, x - 14, base - 19, stroke(k.g.c("#2a2a2a"), 0.5))
    glow(c, x - 14, base - 19, 6, k.g.c("#ffe0a0", 0.4, lit=0))


def mic(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A microphone on a boom stand with a pop screen, a music stand and headphones on a hook."""
    pole = stroke(k.g.c("#2a2a2e"), 0.7)
    c.drawLine(x - 3, base, x, base - 3, pole)
    c.drawLine(x + 3, base, x, base - 3, pole)
    c.drawLine(x, base - 3, x, base - 24, pole)
    c.drawLine(x, base - 24, x + 7, base - 27, pole)
    c.drawRoundRect(skia.Rect(x + 6, base - 30.5, x + 9, base - 25.5), 1.5, 1.5, fill(k.g.c("#8a8c90")))
    c.drawCircle(x + 5, base - 28, 2.4, stroke(k.g.c("#1a1a1a", 0.8), 0.3))
    c.drawCircle(x + 5, base - 28, 2.2, fill(k.g.c("#1a1a1a", 0.3)))
    c.drawLine(x - 12, base, x - 12, base - 14, stroke(k.g.c("#3a3a3e"), 0.5))  # a music stand
    c.drawPath(poly([(x - 17, base - 19), (x - 7, base - 19), (x - 8, base - 13), (x - 16, base - 13)]),
               fill(k.g.c("#3a3a3e")))
    c.drawRect(skia.Rect(x - 15.5, base - 18.5, x - 8.5, base - 14), fill(k.g.c("#f0ece0")))


def mixing_desk(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """The control room: a sloping desk of faders and lit meters, speakers either side, under the
    glass of the control-room window; before the 1950s a wooden desk of big dials and a
    disc-cutting lathe instead of faders."""
    if k.year is not None and k.year < 1950:
        c.drawRect(skia.Rect(x - 22, base - 34, x + 22, base - 16), fill(k.g.c("#1a2420")))
        c.drawRect(skia.Rect(x - 22, base - 34, x + 22, base - 16), stroke(k.g.c("#6a5034"), 1.0))
        c.drawRect(skia.Rect(x - 20, base - 12, x + 6, base), fill(k.g.c("#6a4a2a")))
        for i in range(4):
            c.drawCircle(x - 16 + i * 6, base - 8, 1.8, fill(k.g.c("#1a1a1a")))
            c.drawLine(x - 16 + i * 6, base - 8, x - 15.2 + i * 6, base - 9.4, stroke(k.g.c("#e8e0c8"), 0.3))
        c.drawRect(skia.Rect(x + 9, base - 8, x + 21, base), fill(k.g.c("#3a3a3a")))  # the lathe
        c.drawOval(skia.Rect(x + 10, base - 9.5, x + 20, base - 7.5), fill(k.g.c("#111111")))
        c.drawLine(x + 20, base - 12, x + 15, base - 8.5, stroke(k.g.c("#9a9aa0"), 0.5))
        return
    c.drawRect(skia.Rect(x - 22, base - 34, x + 22, base - 16), fill(k.g.c("#1a2430")))
    c.drawRect(skia.Rect(x - 22, base - 34, x + 22, base - 16), stroke(k.g.c("#5a5a60"), 0.8))
    glow(c, x, base - 25, 20, k.g.c("#6ab0ff", 0.15, lit=0))
    c.drawPath(poly([(x - 20, base - 9), (x + 20, base - 9), (x + 22, base - 13), (x - 22, base - 13)]),
               fill(k.g.c("#3a3a40")))
    c.drawRect(skia.Rect(x - 20, base - 9, x + 20, base), fill(k.g.c("#2a2a2e")))
    for i in range(14):
        fx = x - 18.5 + i * 2.8
        c.drawLine(fx, base - 12.4, fx, base - 9.6, stroke(k.g.c("#9a9aa0"), 0.3))
        c.drawRect(skia.Rect(fx - 0.6, base - 11.5 + (i * 7 % 5) * 0.3, fx + 0.6, base - 10.6 + (i * 7 % 5) * 0.3),
                   fill(k.g.c("#e8e8e8")))
        c.drawCircle(fx, base - 14.2, 0.4, fill(k.g.c(("#6ae86a", "#e8c84a", "#e84a4a")[i % 3], lit=0)))
    for sx in (x - 26, x + 22):
        c.drawRect(skia.Rect(sx, base - 22, sx + 5, base - 13), fill(k.g.c("#18181a")))
        c.drawCircle(sx + 2.5, base - 16, 1.6, fill(k.g.c("#4a4a4e")))


def barber_chairs(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """Two barber chairs (chrome and red leather) facing a long mirror over a shelf of tools."""
    mirror = skia.Rect(x - 24, base - 36, x + 24, base - 20)
    c.drawRect(mirror, fill(k.g.c("#a8c0c8")))
    c.drawPath(poly([(x - 20, base - 36), (x - 14, base - 36), (x - 24, base - 26), (x - 24, base - 30)]),
               fill(k.g.c("#ffffff", 0.35, lit=0)))
    c.drawRect(mirror, stroke(k.g.c("#c8c0a8"), 0.9))
    c.drawRect(skia.Rect(x - 24, base - 20, x + 24, base - 18.6), fill(k.g.c("#e8e4dc")))
    for i, col in enumerate(("#4a8ad8", "#d8d8d0", "#4ac88a", "#d8a84a", "#c84a4a")):
        c.drawRect(skia.Rect(x - 20 + i * 8, base - 23, x - 18.6 + i * 8, base - 20), fill(k.g.c(col)))
    chrome, leather = fill(k.g.c("#c8ccd0")), fill(k.g.c("#a82a2a"))
    for cx in (x - 12, x + 12):
        c.drawRect(skia.Rect(cx - 1, base - 5, cx + 1, base - 1), chrome)
        c.drawOval(skia.Rect(cx - 4, base - 1.6, cx + 4, base + 0.4), chrome)
        c.drawRoundRect(skia.Rect(cx - 5, base - 8, cx + 5, base - 5), 1, 1, leather)
        c.drawRoundRect(skia.Rect(cx - 4.4, base - 17, cx + 4.4, base - 8), 1.4, 1.4, leather)
        c.drawRect(skia.Rect(cx - 6, base - 10, cx - 4.6, base - 6), chrome)
        c.drawRect(skia.Rect(cx + 4.6, base - 10, cx + 6, base - 6), chrome)
        c.drawRect(skia.Rect(cx - 2.5, base - 19, cx + 2.5, base - 17), leather)


def barber_pole(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A barber's pole on the wall: red, white and blue spiralling in a glass tube."""
    r = skia.Rect(x - 1.8, base - 40, x + 1.8, base - 24)
    c.drawRect(r, fill(k.g.c("#f4f0ec")))
    c.save()
    c.clipRect(r)
    for i, yy in enumerate(range(int(base) - 44, int(base) - 20, 3)):
        c.drawPath(poly([(x - 2, yy + 2), (x + 2, yy), (x + 2, yy + 1.2), (x - 2, yy + 3.2)]),
                   fill(k.g.c("#c82a2a" if i % 2 else "#2a4ab8")))
    c.restore()
    for yy in (base - 41.5, base - 24):
        c.drawRoundRect(skia.Rect(x - 2.4, yy, x + 2.4, yy + 1.5), 0.6, 0.6, fill(k.g.c("#c8ccd0")))


def glass_counter(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A glass display counter: rings, watches and trinkets on velvet behind the glass, a till."""
    c.drawRect(skia.Rect(x - 20, base - 3, x + 20, base), fill(k.g.c("#3a2a1e")))
    case = skia.Rect(x - 20, base - 12, x + 20, base - 3)
    c.drawRect(case, fill(k.g.c("#4a1a2a")))
    for i in range(9):
        gx = x - 17 + i * 4.2
        col = ("#e8c84a", "#d8d8e0", "#e8c84a")[i % 3]
        c.drawCircle(gx, base - 7 - (i % 2) * 2, 1.1, stroke(k.g.c(col, lit=0.3), 0.45))
    c.drawRect(case, fill(k.g.c("#d8f0ff", 0.15, lit=0)))
    c.drawRect(case, stroke(k.g.c("#c8ccd0"), 0.5))
    c.drawLine(x - 18, base - 11, x - 10, base - 4, stroke(k.g.c("#ffffff", 0.4, lit=0), 0.4))
    c.drawRect(skia.Rect(x + 8, base - 17, x + 16, base - 12), fill(k.g.c("#6a6458")))  # the till
    c.drawRect(skia.Rect(x + 9, base - 19.5, x + 15, base - 17), fill(k.g.c("#3a3630")))


def crowded_shelves(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """Shelves crowded with what people have left: a guitar, clocks, a radio, a typewriter, lamps."""
    shelves(k, c, x - 16, x + 16, base - 42, base, "#4a3020", bottles=False)
    for i, yy in enumerate((base - 30.5, base - 16.5, base - 2.5)):
        for j in range(4):
            gx = x - 13 + j * 8 + (i % 2) * 2
            kind = (i * 4 + j) % 4
            if kind == 0:
                c.drawCircle(gx, yy - 2.6, 2.4, fill(k.g.c("#d8c8a0")))
                c.drawCircle(gx, yy - 2.6, 2.4, stroke(k.g.c("#6a5030"), 0.4))
            elif kind == 1:
                c.drawRect(skia.Rect(gx - 3, yy - 4, gx + 3, yy), fill(k.g.c("#7a4a2a")))
                c.drawCircle(gx + 1.4, yy - 2, 1.1, fill(k.g.c("#2a2420")))
            elif kind == 2:
                c.drawRect(skia.Rect(gx - 3, yy - 3, gx + 3, yy), fill(k.g.c("#3a3a3e")))
            else:
                c.drawLine(gx, yy, gx, yy - 4, stroke(k.g.c("#8a8a80"), 0.5))
                c.drawPath(poly([(gx - 2, yy - 4), (gx + 2, yy - 4), (gx + 1, yy - 6), (gx - 1, yy - 6)]),
                           fill(k.g.c("#c8a84a")))
    c.drawOval(skia.Rect(x + 16, base - 12, x + 24, base), fill(k.g.c("#b8743a")))  # a guitar leaning on them
    c.drawOval(skia.Rect(x + 17, base - 17, x + 23, base - 9), fill(k.g.c("#b8743a")))
    c.drawCircle(x + 20, base - 7, 1.2, fill(k.g.c("#2a1a10")))
    c.drawLine(x + 20, base - 16, x + 21, base - 30, stroke(k.g.c("#4a2a14"), 1.0))


def pigeonholes(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A wall of pigeonholes with letters and parcels in them."""
    r = skia.Rect(x - 16, base - 46, x + 16, base - 20)
    c.drawRect(r, fill(k.g.c("#3a2a1a")))
    for row in range(5):
        for col in range(7):
            cell = skia.Rect(r.left() + 1 + col * 4.4, r.top() + 1 + row * 5, r.left() + 4.6 + col * 4.4,
                             r.top() + 5.2 + row * 5)
            c.drawRect(cell, fill(k.g.c("#1a120a")))
            if (row * 7 + col) % 3:
                c.drawRect(skia.Rect(cell.left() + 0.4, cell.bottom() - 2.2, cell.right() - 0.4, cell.bottom()),
                           fill(k.g.c("#f0e8d8" if (row + col) % 2 else "#d8c8a0")))


def parcels(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """Parcels tied with string stacked by a weighing scale."""
    for dx, dy, w, h in ((-12, 0, 9, 6), (-3, 0, 7, 5), (-10, -6, 6, 4), (5, 0, 6, 7)):
        r = skia.Rect(x + dx, base + dy - h, x + dx + w, base + dy)
        c.drawRect(r, fill(k.g.c("#b08a5a")))
        c.drawLine(r.centerX(), r.top(), r.centerX(), r.bottom(), stroke(k.g.c("#e8dcc0"), 0.3))
        c.drawLine(r.left(), r.centerY(), r.right(), r.centerY(), stroke(k.g.c("#e8dcc0"), 0.3))
    c.drawRect(skia.Rect(x + 14, base - 3, x + 22, base), fill(k.g.c("#3a3a3e")))  # a scale
    c.drawLine(x + 18, base - 3, x + 18, base - 6, stroke(k.g.c("#3a3a3e"), 0.6))
    c.drawRect(skia.Rect(x + 14.5, base - 7, x + 21.5, base - 6), fill(k.g.c("#c8a84a")))


def lockers(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A row of tall metal lockers with vents, and a bench before them."""
    for i in range(6):
        r = skia.Rect(x - 21 + i * 7, base - 32, x - 14.4 + i * 7, base - 2)
        c.drawRect(r, fill(k.g.c("#5a7a9a" if i % 2 else "#527290")))
        c.drawRect(r, stroke(k.g.c("#2a3a4a"), 0.3))
        for v in range(3):
            c.drawLine(r.left() + 1.5, r.top() + 2 + v, r.right() - 1.5, r.top() + 2 + v, stroke(k.g.c("#2a3a4a"), 0.25))
        c.drawRect(skia.Rect(r.right() - 1.8, r.centerY() - 1.5, r.right() - 1.1, r.centerY() + 1.5),
                   fill(k.g.c("#c8ccd0")))
    c.drawRect(skia.Rect(x - 20, base - 5, x + 20, base - 3.8), fill(k.g.c("#8a6a48")))


def plant_benches(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """Slatted benches of potted plants, ferns and seedlings in trays, a palm above them."""
    wood = fill(k.g.c("#7a5a3a"))
    c.drawRect(skia.Rect(x - 24, base - 10, x + 24, base - 8.6), wood)
    for px in (x - 22, x - 1, x + 21):
        c.drawRect(skia.Rect(px, base - 8.6, px + 1.2, base), wood)
    for i in range(8):
        px = x - 21 + i * 6
        c.drawPath(poly([(px - 2, base - 13), (px + 2, base - 13), (px + 1.5, base - 10), (px - 1.5, base - 10)]),
                   fill(k.g.c("#b8643a")))
        for j in range(4):
            a = math.pi * (0.15 + 0.7 * j / 3)
            c.drawOval(skia.Rect(px + 4 * math.cos(a) - 1.8, base - 14 - 5 * math.sin(a) - 0.9,
                                 px + 4 * math.cos(a) + 1.8, base - 14 - 5 * math.sin(a) + 0.9),
                       fill(k.g.c(("#3a9a4a", "#2a7a3a", "#5ab05a")[(i + j) % 3])))
        if i % 3 == 1:
            c.drawCircle(px, base - 17, 1.2, fill(k.g.c(("#e84a7a", "#f0c83a")[i % 2])))
    c.drawLine(x + 26, base, x + 26, base - 30, stroke(k.g.c("#6a5030"), 1.4))  # a palm in a tub
    for a in range(6):
        ang = math.pi * (0.05 + 0.18 * a)
        c.drawLine(x + 26, base - 30, x + 26 + 12 * math.cos(ang), base - 30 - 7 * math.sin(ang) + 4,
                   stroke(k.g.c("#3a8a3a"), 1.6))
    c.drawRect(skia.Rect(x + 22, base - 5, x + 30, base), fill(k.g.c("#5a4a3a")))


def band_gear(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A band's gear: a drum kit (bass drum, snare, toms, cymbals) beside an amplifier stack, a
    guitar on its stand and a cable snaking across the floor."""
    shell, skin = fill(k.g.c("#a82a3a")), fill(k.g.c("#ece6da"))
    metal, gold = stroke(k.g.c("#9a9aa0"), 0.5), fill(k.g.c("#d8b84a", 0.9))
    c.drawCircle(x - 8, base - 6, 6, skin)  # the bass drum, head on
    c.drawCircle(x - 8, base - 6, 6, stroke(k.g.c("#a82a3a"), 1.2))
    c.drawCircle(x - 8, base - 6, 2.4, fill(k.g.c("#2a2a2e")))
    for tx, ty in ((-13, -14), (-3, -14)):  # toms on the drum
        c.drawRoundRect(skia.Rect(x + tx - 2.6, base + ty - 1.5, x + tx + 2.6, base + ty + 2.5), 1, 1, shell)
    c.drawRoundRect(skia.Rect(x + 1, base - 8, x + 6, base - 5.5), 0.8, 0.8, shell)  # the snare on its stand
    c.drawLine(x + 3.5, base - 5.5, x + 3.5, base, metal)
    for cx, cy in ((x - 18, base - 20), (x + 4, base - 21)):  # cymbals on stands
        c.drawLine(cx, cy, cx, base, metal)
        c.drawOval(skia.Rect(cx - 4, cy - 0.7, cx + 4, cy + 0.7), gold)
    amp = skia.Rect(x + 10, base - 18, x + 22, base)
    c.drawRect(amp, fill(k.g.c("#1c1c1e")))
    c.drawRect(skia.Rect(amp.left() + 1, amp.top() + 3.5, amp.right() - 1, amp.bottom() - 1), fill(k.g.c("#3a3430")))
    for yy in (base - 11, base - 5):
        c.drawCircle(x + 16, yy, 2.2, fill(k.g.c("#141414")))
    c.drawRect(skia.Rect(amp.left() + 1, amp.top() + 1, amp.right() - 1, amp.top() + 2.5), fill(k.g.c("#c8a86a")))
    c.drawOval(skia.Rect(x + 24, base - 9, x + 30, base - 1), fill(k.g.c("#2a4ab8")))  # a guitar on its stand
    c.drawLine(x + 27, base - 8, x + 28, base - 20, stroke(k.g.c("#3a2a1a"), 0.9))
    cable = skia.Path()
    cable.moveTo(x + 22, base - 2)
    cable.cubicTo(x + 10, base + 6, x - 10, base - 1, x - 24, base + 4)
    c.drawPath(cable, stroke(k.g.c("#111111"), 0.4))


def mirror(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A mirror on the wall over a narrow shelf of bottles, combs and a pair of scissors; before glass
    mirrors (1500), a disc of polished bronze on the wall, nothing on a shelf."""
    if k.year is not None and k.year < 1500:
        c.drawCircle(x, base - 36, 7, fill(k.g.c("#c8a050", lit=0.6)))
        c.drawCircle(x, base - 36, 7, stroke(k.g.c("#7a5a22"), 1.0))
        c.drawPath(poly([(x - 4, base - 40), (x - 1, base - 42), (x - 5, base - 35)]), fill(k.g.c("#fff0c0", 0.4, lit=0)))
        c.drawRect(skia.Rect(x - 1, base - 29, x + 1, base - 26), fill(k.g.c("#7a5a22")))
        return
    r = skia.Rect(x - 10, base - 44, x + 10, base - 24)
    c.drawRoundRect(r, 1.5, 1.5, fill(k.g.c("#a8bcc4")))
    c.drawPath(poly([(x - 6, base - 44), (x - 1, base - 44), (x - 10, base - 33), (x - 10, base - 38)]),
               fill(k.g.c("#ffffff", 0.3, lit=0)))
    c.drawRoundRect(r, 1.5, 1.5, stroke(k.g.c("#8a7048"), 1.0))
    c.drawRect(skia.Rect(x - 12, base - 22, x + 12, base - 21), fill(k.g.c("#d8d0c0")))
    for i, col in enumerate(("#4a8ad8", "#d8a84a", "#4ac88a")):
        c.drawRect(skia.Rect(x - 9 + i * 3, base - 25, x - 7.8 + i * 3, base - 22), fill(k.g.c(col)))
    c.drawLine(x + 3, base - 22.5, x + 8, base - 24.5, stroke(k.g.c("#c8ccd0"), 0.4))
    c.drawLine(x + 3, base - 24.5, x + 8, base - 22.5, stroke(k.g.c("#c8ccd0"), 0.4))


def scoreboard(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """Score screens hung above the lanes (a chalk board in a world before them), and a rack of balls."""
    old = k.year is not None and k.year < 1960
    for sx in (x - 30, x + 8):
        r = skia.Rect(sx, base - 52, sx + 22, base - 42)
        c.drawRect(r, fill(k.g.c("#1e2a22" if old else "#101828")))
        c.drawRect(r, stroke(k.g.c("#5a5048"), 0.6))
        for j in range(6):
            col = "#e8e8e0" if old else "#ffb84a"
            c.drawRect(skia.Rect(sx + 1.5 + j * 3.4, base - 49, sx + 3.5 + j * 3.4, base - 45),
                       fill(k.g.c(col, 0.85, lit=0)))
    for i in range(5):  # the ball rack
        c.drawCircle(x - 8 + i * 4, base - 4, 1.8, fill(k.g.c(("#2a4ad8", "#d82a4a", "#2a2a2a", "#8a2ad8",
                                                                 "#2ad88a")[i])))
    c.drawRect(skia.Rect(x - 11, base - 2.4, x + 11, base), fill(k.g.c("#6a6a70")))



def cafe_tables(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A café's small round tables: a marble top on one iron leg and a round foot, bentwood chairs
    drawn up to each, a cup and saucer on one and a glass on the other."""
    iron = k.g.c("#2a2624")
    for i, dx in enumerate((-14.0, 14.0)):
        tx, top = x + dx, base - 9.5
        for side in (-1, 1):  # a bentwood chair each side, its back a hoop
            cx = tx + side * 8.5
            c.drawOval(skia.Rect(cx - 2.8, base - 6, cx + 2.8, base - 4.8), fill(k.g.c("#5a3220")))
            for lx in (cx - 2.2, cx + 2.2):
                c.drawLine(lx, base - 5, lx + (lx - cx) * 0.25, base, stroke(k.g.c("#4a2818"), 0.45))
            bx = cx + side * 2.4
            c.drawLine(bx, base - 5.4, bx + side * 0.6, base - 12.5, stroke(k.g.c("#4a2818"), 0.55))
            c.drawArc(skia.Rect(bx + side * 0.6 - 1.6, base - 14, bx + side * 0.6 + 1.6, base - 10.5), 180, 180, False,
                      stroke(k.g.c("#4a2818"), 0.5))
        c.drawLine(tx, top, tx, base - 0.6, stroke(iron, 0.7))
        c.drawOval(skia.Rect(tx - 2.6, base - 1, tx + 2.6, base), fill(iron))
        c.drawOval(skia.Rect(tx - 5.8, top - 1.1, tx + 5.8, top + 1.1), fill(k.g.c("#ece8e0")))  # the marble
        c.drawOval(skia.Rect(tx - 5.8, top - 1.1, tx + 5.8, top + 1.1), stroke(k.g.c("#9a948a"), 0.25))
        if i == 0:
            c.drawOval(skia.Rect(tx - 2.2, top - 1.2, tx + 1.4, top - 0.4), fill(k.g.c("#f8f6f0")))  # the saucer
            c.drawRect(skia.Rect(tx - 1.5, top - 3, tx + 0.7, top - 0.9), fill(k.g.c("#f8f6f0")))  # the cup
            c.drawArc(skia.Rect(tx + 0.3, top - 2.7, tx + 1.7, top - 1.3), -90, 180, False, stroke(k.g.c("#f8f6f0"), 0.3))
            for j in range(2):
                c.drawLine(tx - 0.8 + j, top - 3.6, tx - 0.2 + j, top - 6.5, stroke(k.g.c("#ffffff", 0.4, lit=0), 0.35))
        else:
            c.drawRect(skia.Rect(tx + 1, top - 3.4, tx + 2.4, top - 0.8), fill(k.g.c("#8a2a32", 0.85)))  # a glass
            c.drawRect(skia.Rect(tx - 3, top - 1.3, tx + 0.5, top - 0.9), fill(k.g.c("#e8e0c8")))  # a folded paper


def cafe_counter(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A café's counter: wood under a zinc top, a coffee machine of chrome crowned with an eagle
    (before the espresso machine, 1905, a brass urn), cups stacked by it, a glass dome of pastries
    and a slate of the day's prices on the wall above."""
    c.drawRect(skia.Rect(x - 20, base - 12, x + 20, base), fill(k.g.c("#5a3420")))
    for px in np.arange(x - 18, x + 18, 6.0):
        c.drawRect(skia.Rect(float(px), base - 10.5, float(px) + 4.6, base - 1.5), stroke(k.g.c("#3a2014"), 0.3))
    c.drawRect(skia.Rect(x - 21, base - 13.2, x + 21, base - 11.6), fill(k.g.c("#b8bcc0")))  # the zinc
    mx = x + 12
    if k.year is None or k.year >= 1905:
        c.drawRoundRect(skia.Rect(mx - 3.5, base - 24, mx + 3.5, base - 13.2), 1.5, 1.5, fill(k.g.c("#c8ccd0")))
        c.drawArc(skia.Rect(mx - 3.5, base - 27, mx + 3.5, base - 21), 180, 180, True, fill(k.g.c("#d8dce0")))
        c.drawPath(poly([(mx - 2, base - 27), (mx, base - 29.5), (mx + 2, base - 27)]), fill(k.g.c("#c8a040")))
        for dx in (-2.0, 2.0):  # the groups and their handles
            c.drawRect(skia.Rect(mx + dx - 0.8, base - 17, mx + dx + 0.8, base - 15.5), fill(k.g.c("#2a2a2a")))
            c.drawLine(mx + dx, base - 16.2, mx + dx + 2.4, base - 16.8, stroke(k.g.c("#1a1a1a"), 0.4))
    else:
        c.drawOval(skia.Rect(mx - 3.5, base - 22, mx + 3.5, base - 13.2), fill(k.g.c("#c8963a")))  # a brass urn
        c.drawRect(skia.Rect(mx - 1.2, base - 24, mx + 1.2, base - 21.5), fill(k.g.c("#a87a2a")))
        c.drawLine(mx + 3, base - 16, mx + 5, base - 15, stroke(k.g.c("#a87a2a"), 0.5))
    for j in range(3):  # cups stacked upside down
        c.drawRect(skia.Rect(x + 3, base - 14.5 - j * 1.5, x + 6, base - 13.2 - j * 1.5), fill(k.g.c("#f4f2ec")))
    dome = skia.Rect(x - 15, base - 20, x - 3, base - 13.2)  # pastries under a glass dome on a stand
    c.drawRect(skia.Rect(x - 15.5, base - 13.8, x - 2.5, base - 13.2), fill(k.g.c("#e8e4dc")))
    for i in range(3):
        px = x - 13 + i * 3.6
        c.drawArc(skia.Rect(px - 1.6, base - 16.4, px + 1.6, base - 13.6), 180, 180, True, fill(k.g.c("#c8843a")))
        c.drawLine(px - 0.8, base - 15.8, px - 0.4, base - 14, stroke(k.g.c("#8a4a1a"), 0.2))
    c.drawArc(dome.makeOutset(0, 1.5), 180, 180, True, fill(k.g.c("#e0f0f8", 0.22, lit=0)))
    c.drawArc(dome.makeOutset(0, 1.5), 180, 180, False, stroke(k.g.c("#e8f4f8", 0.6, lit=0), 0.3))
    slate = skia.Rect(x - 10, base - 42, x + 10, base - 30)
    c.drawRect(slate, fill(k.g.c("#23282a")))
    c.drawRect(slate, stroke(k.g.c("#6a4a2a"), 0.8))
    chalk = stroke(k.g.c("#e8e8e0", 0.85), 0.3)
    for j in range(4):
        yy = slate.top() + 2.5 + j * 2.4
        c.drawLine(slate.left() + 2, yy, slate.left() + 2 + float(k.rng.uniform(6, 11)), yy, chalk)
        c.drawLine(slate.right() - 4, yy, slate.right() - 2, yy, chalk)


def cafe_window(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A café's shop window onto the street or the square: wide panes, the café's name in gold
    letters across the glass, the scalloped edge of its striped awning outside along the top, and a
    curtain on a brass rod across its lower half."""
    r = skia.Rect(x - 26, base - 56, x + 26, base - 20)
    window(k, c, r, "#3a2a1e")
    c.save()
    c.clipRect(r)
    for i, xx in enumerate(np.arange(r.left(), r.right(), 4.0)):  # the awning outside, seen through the glass
        c.drawRect(skia.Rect(float(xx), r.top(), float(xx) + 4, r.top() + 4), fill(k.g.c("#b83a32" if i % 2 else "#f0ead8")))
        c.drawArc(skia.Rect(float(xx), r.top() + 2.6, float(xx) + 4, r.top() + 5.6), 0, 180, True,
                  fill(k.g.c("#b83a32" if i % 2 else "#f0ead8")))
    c.restore()
    font = skia.Font(skia.Typeface("DejaVu Serif", skia.FontStyle.Bold()), 5.0)
    font.setHinting(skia.FontHinting.kNone)
    font.setLinearMetrics(True)
    word = "CAFÉ"
    tw = font.measureText(word)
    c.drawString(word, x - tw / 2, r.top() + 12, font, fill(k.g.c("#e0b84a", lit=0.6)))
    curtain = skia.Rect(r.left() + 0.5, r.centerY() + 5, r.right() - 0.5, r.bottom() - 0.5)
    c.drawRect(curtain, fill(k.g.c("#f0e8d4", 0.95)))
    for xx in np.arange(curtain.left() + 1.5, curtain.right(), 2.5):
        c.drawLine(float(xx), curtain.top(), float(xx), curtain.bottom(), stroke(k.g.c("#c8bca0", 0.7), 0.25))
    c.drawLine(r.left(), curtain.top(), r.right(), curtain.top(), stroke(k.g.c("#c8a040"), 0.6))
