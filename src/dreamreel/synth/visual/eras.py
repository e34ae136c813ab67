"""Places of peoples of the past, built their own way (issue 12).

A Viking Age village was drawn as Europe's whitewashed houses under red roofs round a green; the
palace of ancient Rome or of a pharaoh as one mirrored throne room with electric chandeliers, its
balcony over a skyline of lit blocks and a water tower; the Colosseum in its own day as a ruin.
Where the world is set among one of the peoples of data/regions.toml's ``[cultures]`` (found by
procedural.culture_of: the words of its era, name or description, or its country, in a year no
later than the culture's), its places are assembled from that people's parts instead:

- the Norse (``look = "norse"``): timber longhouses under great turf roofs, a fjord between steep
  mountain walls with longships on it, a chieftain's hall behind a palisade; inside, a hall of
  dark planks and carved posts with shields on the walls and sleeping benches along them;
- the classical world (Rome, Greece: ``"classical"``): stucco houses under low terracotta roofs
  among cypresses, a city of temple fronts, domes and aqueducts, a palace of marble columns and
  pediments, the amphitheatre whole (from outside its tiers of arches, from inside its crowd round
  the sand); inside, red and ochre frescoed walls behind marble columns, a mosaic border on the
  floor, a couch and bronze lamp stands;
- ancient Egypt (``"egypt"``): mud-brick houses among palms with the pyramids on the horizon, a
  temple's pylon and obelisks; inside, sand-coloured stone under bands of hieroglyphs and a wall
  painting, painted columns with papyrus capitals, fans and a lion-legged chair.

What a place is (a palace, a temple, the arena, a fjord, a ruin) comes from its own words
(``site_of``), so "the colosseum: tiers of a roaring crowd" is seen from its sand and "the manor
house" of a Viking village is the chieftain's hall. ``choose(look, kind, site, wall)`` says which
of the culture's drawings a place is (None: the renderer's own kind, or the room its words built);
``draw(k, key)`` draws it and ``built_as`` says it in words for the shot log. Colours come from the
culture's table. ``old_roofs`` is any town's skyline before its towers (Victorian London's roofs,
chimney pots, spires and dome), for windows, rooftops, streets and bridges (settings.py).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import cache

import numpy as np
import skia

from .paint import fill, glow, poly, ridge, stroke, vgrad
from .settings import Kit, draw_sky, floor, ground, mix_hex, pine


@cache
def cultures() -> dict:
    """The cultures table of data/regions.toml."""
    from .procedural import _places

    return {k: v for k, v in _places()["cultures"].items() if isinstance(v, dict) and "look" in v}


def style(k: Kit) -> dict:
    """The colours and look of the world's culture (empty where it has none)."""
    return cultures().get(k.culture or "", {})


def look_of(k: Kit) -> str | None:
    """Which drawings the world's culture is built with: "norse", "classical", "egypt" or None."""
    return style(k).get("look")


# --- what a place is, by its words --------------------------------------------------------------

#: What a place of the past is, by its own words, checked in this order: words that say it lies in
#: ruins (then it is drawn so, even in its own era), the arena seen from its sand (an amphitheatre's
#: words with a crowd's, or the sand's), the amphitheatre from outside, a pyramid, a temple, a
#: palace (a throne room, a chieftain's hall, a villa), a fjord; first a war's trench and no man's
#: land (war.py).
SITES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("trench", ("trench", "trenches", "fire-step", "firestep", "duckboards", "duckboard", "dugout", "foxhole",
                "sandbagged", "communication trench")),
    ("no_mans_land", ("no man's land", "no-man's-land", "shell holes", "shell craters", "craters", "barbed wire",
                      "between the lines", "minefield")),
    ("ruin", ("ruin", "ruins", "ruined", "crumbling", "crumbled", "broken columns", "fallen columns", "overgrown",
              "abandoned", "tumbled", "long-dead", "buried city", "poking out of the sand")),
    ("arena", ("arena floor", "emperor's box", "imperial box", "fighting pit", "gladiators' gate", "the sand",
               "the pit", "the crowd", "roaring crowd", "the stands", "the tiers", "tiers of", "spectators")),
    ("amphitheatre", ("colosseum", "coliseum", "amphitheatre", "amphitheater", "arena", "circus maximus",
                      "hippodrome", "stadium")),
    ("pyramid", ("pyramid", "pyramids", "tomb", "necropolis", "valley of the kings", "burial chamber")),
    ("temple", ("temple", "shrine", "sanctuary", "pantheon", "parthenon", "oracle", "forum")),
    ("palace", ("palace", "throne", "royal", "emperor", "empress", "pharaoh", "court", "audience", "villa", "senate",
                "basilica", "chieftain", "jarl", "king", "queen", "manor", "great hall", "mead hall", "high seat",
                "governor")),
    ("rapids", ("rapids", "white water", "whitewater", "white-water", "cataract", "cataracts")),
    ("fjord", ("fjord", "fjords", "fiord", "sea loch", "inlet")),
    ("bridge", ("bridge", "bridges")),
)
#: Sites that only some kinds of place can be: the arena seen from its sand is a desert's, an open
#: ruin's, a castle's or a stadium-like hall's, not a room's.
SITE_KINDS: dict[str, frozenset[str]] = {
    "arena": frozenset({"desert", "ruins", "castle", "ballroom", "beach", "city_street"}),
    "fjord": frozenset({"sea", "beach", "village", "mountain", "rooftop"}),
    "rapids": frozenset({"sea", "beach"}),  # a river's white water (settings.rapids), not the open sea
    "bridge": frozenset({"city_street"}),
    # a war's trench and the ground between the lines are open ruins (war.py), not a room or a wood
    "trench": frozenset({"ruins"}), "no_mans_land": frozenset({"ruins"}),  # (a ship's bridge or a rope bridge over a gorge is no town's)
}


def site_of(name: str, description: str = "", *, kind: str | None = None) -> str | None:
    """What a place is by its own words (SITES), or None: "the colosseum: tiers of a roaring crowd"
    is the arena seen from its sand; "the arena floor" too; "the colosseum" alone the amphitheatre
    from outside; "the old temple ruins" a ruin."""
    low = f" {name} {description} ".lower()
    for site, words in SITES:
        if kind is not None and site in SITE_KINDS and kind not in SITE_KINDS[site]:
            continue
        if site == "arena" and not re.search(r"\b(arena|colosseum|coliseum|amphitheat|circus|gladiat|hippodrome|"
                                             r"emperor's box|imperial box)", low):
            continue  # a crowd (or sand) alone makes no arena
        if any(re.search(rf"\b{re.escape(w)}\b", low) for w in words):
            return site
    return None


# --- shared pieces --------------------------------------------------------------------------------

def _c(k: Kit, key: str, default: str) -> str:
    return style(k).get(key, default)


def _colours(k: Kit, key: str, default: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(style(k).get(key, default))


def column(k: Kit, c: skia.Canvas, x: float, top: float, base: float, w: float, color: str, *,
           capital: str = "ionic", gold: bool = False) -> None:
    """A marble column: a moulded base, a fluted shaft narrowing a little upward and its capital:
    "ionic" (a scroll each side), "corinthian" (a bell of leaves) or "doric" (a plain cushion)."""
    shade = mix_hex(color, "#000000", 0.22)
    body = fill(k.g.c(color))
    c.drawRect(skia.Rect(x - w * 0.75, base - w * 0.35, x + w * 0.75, base), body)  # the plinth
    c.drawRect(skia.Rect(x - w * 0.65, base - w * 0.6, x + w * 0.65, base - w * 0.35), body)
    shaft_top = top + w * 0.9
    c.drawPath(poly([(x - w * 0.5, base - w * 0.6), (x + w * 0.5, base - w * 0.6), (x + w * 0.43, shaft_top),
                     (x - w * 0.43, shaft_top)]), body)
    c.drawRect(skia.Rect(x + w * 0.18, shaft_top, x + w * 0.46, base - w * 0.6), fill(k.g.c(shade, 0.5)))
    flute = stroke(k.g.c(shade, 0.8), max(0.15, w * 0.05))
    for f in (-0.25, 0.0, 0.25):
        c.drawLine(x + f * w, shaft_top + 0.5, x + f * w, base - w * 0.7, flute)
    trim = fill(k.g.c("#d8b04a" if gold else color))
    c.drawRect(skia.Rect(x - w * 0.75, top, x + w * 0.75, top + w * 0.35), trim)  # the abacus
    if capital == "ionic":
        c.drawRect(skia.Rect(x - w * 0.62, top + w * 0.35, x + w * 0.62, top + w * 0.7), trim)
        for side in (-1, 1):
            c.drawCircle(x + side * w * 0.62, top + w * 0.62, w * 0.26, trim)
            c.drawCircle(x + side * w * 0.62, top + w * 0.62, w * 0.26, stroke(k.g.c(shade), max(0.12, w * 0.06)))
    elif capital == "corinthian":
        bell = poly([(x - w * 0.45, shaft_top), (x + w * 0.45, shaft_top), (x + w * 0.7, top + w * 0.35),
                     (x - w * 0.7, top + w * 0.35)])
        c.drawPath(bell, trim)
        leaf = stroke(k.g.c(shade), max(0.12, w * 0.05))
        for f in (-0.4, 0.0, 0.4):
            c.drawLine(x + f * w * 0.8, shaft_top, x + f * w * 1.3, top + w * 0.45, leaf)
    else:
        c.drawRect(skia.Rect(x - w * 0.58, top + w * 0.35, x + w * 0.58, shaft_top), trim)


def pediment(k: Kit, c: skia.Canvas, x0: float, x1: float, y: float, color: str, *, roof: str | None = None) -> None:
    """An entablature across ``x0``..``x1`` at ``y`` (its foot) and the low triangle of a pediment on
    it, a moulding round it and a shadow under the cornice."""
    w = x1 - x0
    body, shade = fill(k.g.c(color)), fill(k.g.c(mix_hex(color, "#000000", 0.25)))
    c.drawRect(skia.Rect(x0, y - 4, x1, y), body)  # the architrave and frieze
    for xx in np.arange(x0 + 1.5, x1 - 1, 3.0):  # triglyph-ish blocks along the frieze
        c.drawRect(skia.Rect(float(xx), y - 3.4, float(xx) + 0.8, y - 1.6), shade)
    c.drawRect(skia.Rect(x0 - 1.2, y - 5, x1 + 1.2, y - 4), shade)  # the cornice's shadow
    tri = poly([(x0 - 1.5, y - 5), ((x0 + x1) / 2, y - 5 - w * 0.16), (x1 + 1.5, y - 5)])
    if roof:
        c.drawPath(poly([(x0 - 2.5, y - 4.6), ((x0 + x1) / 2, y - 6 - w * 0.17), (x1 + 2.5, y - 4.6)]),
                   fill(k.g.c(roof)))
    c.drawPath(tri, body)
    c.drawPath(poly([(x0 + 2, y - 5.6), ((x0 + x1) / 2, y - 5.6 - w * 0.12), (x1 - 2, y - 5.6)]), shade)
    c.drawPath(tri, stroke(k.g.c(mix_hex(color, "#000000", 0.35)), 0.35))


def cypress(k: Kit, c: skia.Canvas, x: float, base: float, h: float) -> None:
    """A Mediterranean cypress: a tall dark-green flame on a short trunk."""
    c.drawRect(skia.Rect(x - h * 0.03, base - h * 0.12, x + h * 0.03, base), fill(k.g.c("#4a3a2a")))
    c.drawOval(skia.Rect(x - h * 0.13, base - h, x + h * 0.13, base - h * 0.06), fill(k.g.c("#2a4a2e")))
    c.drawOval(skia.Rect(x - h * 0.05, base - h * 0.92, x + h * 0.07, base - h * 0.25), fill(k.g.c("#3a5e3a", 0.7)))


def palm(k: Kit, c: skia.Canvas, x: float, base: float, h: float) -> None:
    from .settings import palm_far

    palm_far(k, c, x, base, h)


def smoke(k: Kit, c: skia.Canvas, x: float, y: float, s: float = 1.0) -> None:
    """A wisp of grey smoke rising from ``(x, y)`` and drifting."""
    for j in range(4):
        c.drawOval(skia.Rect(x - 1.2 * s + j * 1.4 * s, y - 3 * s - j * 3 * s, x + 1.6 * s + j * 1.9 * s, y - j * 3 * s),
                   fill(k.g.c("#b8b8b4", 0.32 - j * 0.06, lit=0.5)))


def oil_lamp_stand(k: Kit, c: skia.Canvas, x: float, base: float, h: float = 26) -> None:
    """A tall bronze lamp stand (a candelabrum): three feet, a thin shaft, a dish with a flame."""
    bronze = k.g.c("#8a6a32")
    for dx in (-3, 0, 3):
        c.drawLine(x, base - 2.5, x + dx, base, stroke(bronze, 0.6))
    c.drawLine(x, base - 2.5, x, base - h, stroke(bronze, 0.7))
    c.drawPath(poly([(x - 2.6, base - h), (x + 2.6, base - h), (x + 1.4, base - h + 1.4), (x - 1.4, base - h + 1.4)]),
               fill(bronze))
    c.drawPath(poly([(x - 0.8, base - h), (x, base - h - 2.6), (x + 0.8, base - h)]), fill(k.g.c("#ffc860", lit=0)))
    glow(c, x, base - h - 1, 12, k.g.c("#ffb050", 0.5, lit=0))


def _lit(k: Kit) -> bool:
    return k.tod != "day"


# --- the Norse --------------------------------------------------------------------------------------

def longhouse(k: Kit, c: skia.Canvas, x: float, base: float, w: float, h: float, *, hall: bool = False) -> None:
    """A Viking longhouse seen from its long side: low walls of upright tarred planks, a door, and a
    great roof of turf curving down over them like an upturned boat, grass tufts along it, crossed
    carved boards at the gables (a chieftain's ``hall``: dragon heads) and smoke from its hole."""
    timber, turf = _c(k, "timber", "#5a3e26"), _c(k, "turf", "#5e7a3a")
    wall_top = base - h * 0.36
    c.drawRect(skia.Rect(x, wall_top, x + w, base), fill(k.g.c(timber)))
    plank = stroke(k.g.c(mix_hex(timber, "#000000", 0.4)), 0.25)
    for xx in np.arange(x + 1.4, x + w, 1.8):
        c.drawLine(float(xx), wall_top, float(xx), base, plank)
    door = x + w * (0.42 if not hall else 0.46)
    dw = max(3.0, h * 0.14)
    c.drawRect(skia.Rect(door, base - h * 0.3, door + dw, base), fill(k.g.c("#1e140c")))
    if _lit(k):
        c.drawRect(skia.Rect(door + 0.4, base - h * 0.28, door + dw - 0.4, base), fill(k.g.c("#ff9a40", 0.55, lit=0)))
        glow(c, door + dw / 2, base - h * 0.15, h * 0.35, k.g.c("#ff9a40", 0.35, lit=0))
    roof = skia.Path()
    roof.moveTo(x - 3, wall_top + 2)
    roof.cubicTo(x - 1.5, base - h * 0.86, x + w * 0.12, base - h, x + w * 0.5, base - h * 0.97)
    roof.cubicTo(x + w * 0.88, base - h, x + w + 1.5, base - h * 0.86, x + w + 3, wall_top + 2)
    roof.close()
    c.drawPath(roof, fill(k.g.c(turf)))
    c.save()
    c.clipPath(roof, doAntiAlias=True)
    c.drawRect(skia.Rect(x - 4, wall_top - 1, x + w + 4, wall_top + 2.5), fill(k.g.c(mix_hex(turf, "#2a2010", 0.5))))
    tuft = stroke(k.g.c(mix_hex(turf, "#c8d870", 0.35)), 0.3)
    for xx in np.arange(x - 2, x + w + 2, 2.2):
        yy = float(k.rng.uniform(base - h * 0.9, wall_top))
        c.drawLine(float(xx), yy, float(xx) + 0.6, yy - 1.4, tuft)
    if k.weather == "snow":
        c.drawRect(skia.Rect(x - 4, base - h - 1, x + w + 4, base - h * 0.78), fill(k.g.c("#f0f4f8")))
    c.restore()
    board = stroke(k.g.c(mix_hex(timber, "#000000", 0.2)), 0.7 if not hall else 0.9)
    for end, d in ((x - 1, -1), (x + w + 1, 1)):  # crossed gable boards
        top = base - h * 0.9
        c.drawLine(end - d * 2.5, top + 3, end + d * 2.5, top - 3, board)
        if hall:  # a dragon's head on the board's end
            c.drawCircle(end + d * 2.8, top - 3.4, 0.9, fill(k.g.c(timber)))
    hole = x + w * 0.62
    c.drawRect(skia.Rect(hole - 1.2, base - h * 0.98, hole + 1.2, base - h * 0.9), fill(k.g.c("#2a2016")))
    smoke(k, c, hole, base - h * 0.98, 1.0 + 0.02 * h)


def longship(k: Kit, c: skia.Canvas, x: float, y: float, s: float, *, sail: bool = True) -> None:
    """A longship on the water at ``(x, y)`` (its waterline), ``s`` units long: a low hull sweeping
    up to a carved prow and stern, a row of round shields along its side, a square striped sail."""
    hull = skia.Path()
    hull.moveTo(x - s * 0.5, y - s * 0.16)
    hull.quadTo(x - s * 0.42, y + s * 0.02, x - s * 0.25, y + s * 0.02)
    hull.lineTo(x + s * 0.25, y + s * 0.02)
    hull.quadTo(x + s * 0.42, y + s * 0.02, x + s * 0.5, y - s * 0.16)
    hull.lineTo(x + s * 0.36, y - s * 0.05)
    hull.lineTo(x - s * 0.36, y - s * 0.05)
    hull.close()
    c.drawPath(hull, fill(k.g.c("#4a3220")))
    c.drawCircle(x + s * 0.5, y - s * 0.18, s * 0.025, fill(k.g.c("#4a3220")))  # the prow's head
    shield = ("#a82a22", "#d8b040", "#2a4a7a", "#e8e0d0")
    for i, sx in enumerate(np.arange(x - s * 0.3, x + s * 0.31, s * 0.06)):
        c.drawCircle(float(sx), y - s * 0.06, s * 0.024, fill(k.g.c(shield[i % 4])))
    if sail:
        c.drawLine(x, y - s * 0.05, x, y - s * 0.5, stroke(k.g.c("#3a2a1a"), max(0.3, s * 0.012)))
        r = skia.Rect(x - s * 0.17, y - s * 0.46, x + s * 0.17, y - s * 0.17)
        c.drawRect(r, fill(k.g.c("#e8dcc4")))
        for j in range(3):
            c.drawRect(skia.Rect(r.left() + j * r.width() / 3, r.top(), r.left() + j * r.width() / 3 + r.width() / 6,
                                 r.bottom()), fill(k.g.c("#a82a22")))


def fjord_land(k: Kit, c: skia.Canvas, horizon: float, water_to: float, *, boats: bool = True) -> None:
    """A fjord: steep dark mountain walls coming down to the water on both sides, a paler ridge far
    up the fjord, the cold water between with the light on it, and a longship or two."""
    far = mix_hex("#6a7a88", "#ffffff", 0.15)
    c.drawPath(ridge(k.rng, k.w, horizon - 2, 10, bumps=2, rough=0.1, bottom=horizon + 1), fill(k.g.c(far)))
    rock = "#3a4a3e"
    for side in (0, 1):
        x0, x1 = (0.0, k.w * 0.42) if side == 0 else (k.w * 0.58, k.w)
        steep = skia.Path()
        if side == 0:
            steep.moveTo(x0, horizon + 1)
            steep.lineTo(x0, 14)
            steep.cubicTo(x0 + (x1 - x0) * 0.3, 12, x0 + (x1 - x0) * 0.55, 22, x1, horizon + 1)
        else:
            steep.moveTo(x1, horizon + 1)
            steep.lineTo(x1, 18)
            steep.cubicTo(x1 - (x1 - x0) * 0.3, 14, x1 - (x1 - x0) * 0.6, 26, x0, horizon + 1)
        steep.close()
        c.drawPath(steep, fill(k.g.c(rock)))
        c.save()
        c.clipPath(steep, doAntiAlias=True)
        for _ in range(int(k.w // 12)):  # dark pines up the slopes
            px = float(k.rng.uniform(x0, x1))
            pine(c, px, float(k.rng.uniform(horizon - 18, horizon + 2)), float(k.rng.uniform(3, 5)),
                 k.g.c("#22352a"))
        if k.weather == "snow" or k.tod in ("dawn", "dusk"):
            c.drawRect(skia.Rect(x0, 0, x1, 24), fill(k.g.c("#e8eef4", 0.55)))  # snow on the tops
        c.restore()
    water = _c(k, "water", "#2a4658")
    vgrad(c, skia.Rect(0, horizon, k.w, water_to), [k.g.c(mix_hex(water, "#9ab0c0", 0.35)), k.g.c(water)])
    glint = stroke(k.g.c("#cfe0ea", 0.45), 0.3)
    for y in np.arange(horizon + 1.5, water_to, 2.2):
        for xx in np.arange(float(k.rng.uniform(0, 14)), k.w, 18.0):
            c.drawLine(float(xx), float(y), float(xx) + 2 + (float(y) - horizon) * 0.2, float(y), glint)
    if boats:
        longship(k, c, k.w * float(k.rng.uniform(0.42, 0.58)), horizon + min(8.0, (water_to - horizon) * 0.55), 22)


def norse_village(k: Kit) -> None:
    """A Viking village by a fjord: turf-roofed longhouses along the shore, a wattle fence, a
    longship on the water between the mountains."""
    draw_sky(k, k.sky, horizon=56)
    fjord_land(k, k.far, 56, 70)
    x = float(k.rng.uniform(-8, 2))
    while x < k.w:
        w = float(k.rng.uniform(34, 50))
        longhouse(k, k.mid, x, 70, w, float(k.rng.uniform(20, 25)))
        x += w + float(k.rng.uniform(14, 26))
    ground(k, k.near, 70, "#6a6a42", "#4a4230")
    wattle = stroke(k.g.c("#7a5a34"), 0.5)
    for y in (76.0, 78.0, 80.0):
        k.near.drawLine(0, y, k.w * 0.28, y + 0.4, wattle)
    for xx in np.arange(0.0, k.w * 0.28, 3.0):
        k.near.drawLine(float(xx), 74, float(xx), 82, stroke(k.g.c("#5a4028"), 0.6))


def norse_street(k: Kit) -> None:
    """A Viking trading town's lane: longhouses close along it and a walkway of split logs."""
    norse_village(k)
    log = fill(k.g.c("#7a5a38"))
    for y in np.arange(84.0, 100.0, 2.4):
        k.near.drawRect(skia.Rect(k.w * 0.3, float(y), k.w, float(y) + 2.0), log)


def norse_hall_outside(k: Kit) -> None:
    """A chieftain's hall: one great longhouse with dragon-headed gables behind a palisade of
    pointed stakes, the fjord behind it."""
    draw_sky(k, k.sky, horizon=56)
    fjord_land(k, k.far, 56, 70, boats=True)
    w = min(110.0, k.w * 0.62)
    longhouse(k, k.mid, k.w / 2 - w / 2, 70, w, 36, hall=True)
    ground(k, k.near, 70, "#6a6a42", "#4a4230")
    stake = fill(k.g.c("#6a4a2a"))
    for xx in np.arange(0.0, k.w, 2.6):
        if abs(float(xx) - k.w / 2) < 9:
            continue  # the gate
        h = float(k.rng.uniform(9, 11))
        k.near.drawPath(poly([(float(xx), 78), (float(xx), 78 - h), (float(xx) + 1.2, 76 - h - 1.5),
                              (float(xx) + 2.4, 78 - h), (float(xx) + 2.4, 78)]), stake)


def norse_roofs(k: Kit) -> None:
    """Over a Viking town's turf roofs to the fjord: the roofs' green humps below, smoke rising."""
    draw_sky(k, k.sky, horizon=52)
    fjord_land(k, k.far, 52, 76)
    x = float(k.rng.uniform(-10, 0))
    while x < k.w:
        w = float(k.rng.uniform(26, 40))
        longhouse(k, k.mid, x, 74, w, 16)
        x += w + float(k.rng.uniform(4, 12))
    turf = _c(k, "turf", "#5e7a3a")
    ground(k, k.near, 76, turf, mix_hex(turf, "#2a2010", 0.5))
    tuft = stroke(k.g.c(mix_hex(turf, "#c8d870", 0.3)), 0.35)
    for xx in np.arange(0.0, k.w, 2.0):
        yy = float(k.rng.uniform(78, 98))
        k.near.drawLine(float(xx), yy, float(xx) + 0.7, yy - 1.8, tuft)


def fjord(k: Kit) -> None:
    """A fjord from its shore: the mountain walls and the water, longships drawn up (in the Viking
    Age; small boats after), a stony beach underfoot."""
    draw_sky(k, k.sky, horizon=54)
    norse = look_of(k) == "norse"
    fjord_land(k, k.far, 54, 74, boats=norse)
    if norse:
        longship(k, k.mid, k.w * 0.2, 73, 40, sail=False)
    else:
        k.mid.drawPath(poly([(k.w * 0.16, 71), (k.w * 0.28, 71), (k.w * 0.26, 73), (k.w * 0.18, 73)]),
                       fill(k.g.c("#6a4a2a")))
    ground(k, k.near, 74, "#6a6660", "#3a3834")
    for _ in range(int(k.w // 3)):
        x, y = float(k.rng.uniform(0, k.w)), float(k.rng.uniform(75, 99))
        s = 0.6 + (y - 74) * 0.06
        k.near.drawOval(skia.Rect(x, y, x + s * 2, y + s), fill(k.g.c(("#8a8680", "#5a5650", "#74706a")[int(x) % 3])))


def longship_deck(k: Kit) -> None:
    """Aboard a longship: the sea, the ship's low wooden side with round painted shields hung along
    it, and the planks underfoot."""
    from .settings import sea

    year = k.year
    k.year = min(year, 1000) if year is not None else 1000  # (the wooden ship's bulwark, whatever the sea draws)
    sea(k)
    k.year = year
    colours = ("#a82a22", "#d8b040", "#2a4a7a", "#e8e0d0")
    for i, x in enumerate(np.arange(4.0, k.w, 7.5)):
        k.near.drawCircle(float(x), 69.5, 3.4, fill(k.g.c(colours[i % 4])))
        k.near.drawCircle(float(x), 69.5, 3.4, stroke(k.g.c("#2a1e12"), 0.4))
        k.near.drawCircle(float(x), 69.5, 0.9, fill(k.g.c("#9a9a9a")))


def norse_hall(k: Kit, *, palace: bool = False) -> None:
    """Inside a longhouse: dark planks and carved posts, shields on the walls, torches, the raised
    sleeping benches along the walls heaped with furs; a chieftain's hall has its carved high seat."""
    from .rooms import TIMBER_HALL, draw_room

    draw_room(k, TIMBER_HALL)
    plank = _c(k, "timber", "#5a3e26")
    for x0, x1 in ((0.0, k.w * 0.34), (k.w * 0.66, k.w)):  # the benches, furs thrown on them
        k.mid.drawRect(skia.Rect(x0, 63, x1, 70), fill(k.g.c(mix_hex(plank, "#000000", 0.15))))
        k.mid.drawRect(skia.Rect(x0, 62, x1, 63.5), fill(k.g.c(mix_hex(plank, "#ffffff", 0.15))))
        for xx in np.arange(x0 + 3, x1 - 4, 11.0):
            k.mid.drawOval(skia.Rect(float(xx), 59.5, float(xx) + 8, 63.5),
                           fill(k.g.c(("#8a7a68", "#5a4a3a", "#b0a088")[int(xx) % 3])))
    if palace:
        cx = k.w / 2
        post = fill(k.g.c(mix_hex(plank, "#000000", 0.1)))
        for dx in (-9, 9):
            k.far.drawRect(skia.Rect(cx + dx - 1.4, 34, cx + dx + 1.4, 70), post)
            k.far.drawCircle(cx + dx, 33, 2.2, fill(k.g.c("#c8a040")))  # the posts' carved heads
        k.far.drawRect(skia.Rect(cx - 8, 54, cx + 8, 57), post)
        k.far.drawRect(skia.Rect(cx - 7, 44, cx + 7, 54), fill(k.g.c("#6a2a22")))  # a hanging behind it


# --- the classical world (Rome, Greece) -------------------------------------------------------------

def stucco_house(k: Kit, c: skia.Canvas, x: float, base: float, w: float, h: float) -> None:
    """A Mediterranean house of the ancient world: ochre or white stucco, a low-pitched roof of
    terracotta tiles, small dark windows high up and a doorway; a second storey set back on some."""
    plaster = _c(k, "plaster", "#e4c89a")
    col = mix_hex(plaster, ("#ffffff", "#c8884a", "#f0e0c0")[int(k.rng.integers(0, 3))], float(k.rng.uniform(0.1, 0.4)))
    top = base - h
    c.drawRect(skia.Rect(x, top, x + w, base), fill(k.g.c(col)))
    roof = _c(k, "roof", "#b0562e")
    c.drawPath(poly([(x - 1.5, top + 0.5), (x + w * 0.5, top - w * 0.13), (x + w + 1.5, top + 0.5)]),
               fill(k.g.c(roof)))
    tile = stroke(k.g.c(mix_hex(roof, "#000000", 0.3)), 0.2)
    for xx in np.arange(x, x + w, 1.6):
        c.drawLine(float(xx), top + 0.3, float(xx), top - w * 0.13 * (1 - abs(float(xx) - x - w / 2) / (w / 2)) + 0.4,
                   tile)
    for wx in np.arange(x + 2.5, x + w - 3, 6.0):
        r = skia.Rect(float(wx), top + 2.5, float(wx) + 2, top + 5)
        c.drawRect(r, fill(k.g.c("#ffc870", lit=0) if _lit(k) and k.rng.random() < 0.5 else k.g.c("#3a2a20")))
    door = x + w * 0.5 - 1.6
    c.drawRect(skia.Rect(door, base - min(8.0, h * 0.55), door + 3.2, base), fill(k.g.c("#4a2e1e")))


def temple_front(k: Kit, c: skia.Canvas, cx: float, base: float, w: float, h: float, *, steps: int = 3,
                 gold: bool = False, capital: str = "corinthian") -> None:
    """A temple's or a palace's front: steps, a row of columns, the entablature and pediment, the
    tiled roof behind."""
    stone = _c(k, "stone", "#ece4d2")
    x0, x1 = cx - w / 2, cx + w / 2
    for i in range(steps):  # the steps, each a little narrower
        c.drawRect(skia.Rect(x0 - (steps - i) * 1.5, base - (i + 1) * 1.6, x1 + (steps - i) * 1.5, base - i * 1.6),
                   fill(k.g.c(mix_hex(stone, "#000000", 0.06 * (i % 2)))))
    colbase = base - steps * 1.6
    top = colbase - h
    c.drawRect(skia.Rect(x0, top, x1, colbase), fill(k.g.c(mix_hex(stone, "#000000", 0.45))))  # the shade inside
    n = max(4, int(w / 7) // 2 * 2)
    cw = min(4.0, w / n * 0.45)
    for i in range(n):
        column(k, c, x0 + cw + (w - 2 * cw) * i / (n - 1), top, colbase, cw, stone, capital=capital, gold=gold)
    pediment(k, c, x0 - 1, x1 + 1, top, stone, roof=_c(k, "roof", "#b0562e"))


def dome(k: Kit, c: skia.Canvas, cx: float, base: float, r: float) -> None:
    """A domed temple (the Pantheon's kind): a round drum, a shallow dome and its portico front."""
    stone = _c(k, "stone", "#ece4d2")
    c.drawRect(skia.Rect(cx - r, base - r * 0.7, cx + r, base), fill(k.g.c(mix_hex(stone, "#8a7a6a", 0.3))))
    c.drawArc(skia.Rect(cx - r, base - r * 1.5, cx + r, base - r * 0.1), 180, 180, True,
              fill(k.g.c(mix_hex(stone, "#8a8a8a", 0.35))))
    c.drawCircle(cx, base - r * 1.34, r * 0.12, fill(k.g.c(stone)))


def aqueduct(k: Kit, c: skia.Canvas, x0: float, x1: float, base: float, h: float) -> None:
    """An aqueduct striding across the country: a long channel on a row of arches."""
    stone = mix_hex(_c(k, "plaster", "#e4c89a"), "#8a7a6a", 0.35)
    c.drawRect(skia.Rect(x0, base - h, x1, base - h * 0.8), fill(k.g.c(stone)))
    span = h * 0.5
    for xx in np.arange(x0, x1, span):
        c.drawRect(skia.Rect(float(xx), base - h * 0.8, float(xx) + span * 0.22, base), fill(k.g.c(stone)))
        c.drawArc(skia.Rect(float(xx) + span * 0.1, base - h * 0.86, float(xx) + span * 1.12, base - h * 0.45),
                  180, 180, False, stroke(k.g.c(stone), span * 0.12))


def classical_city(k: Kit, c: skia.Canvas, x0: float, x1: float, base: float, h: float) -> None:
    """An ancient Mediterranean city's skyline in ``x0``..``x1`` over ``base``, ``h`` tall: a hill
    with a temple front on it, a dome, an aqueduct, terracotta roofs in front and cypresses."""
    w = x1 - x0
    hill = ridge(k.rng, w, base - h * 0.35, h * 0.25, bumps=2, rough=0.05, bottom=base)
    c.save()
    c.translate(x0, 0)
    c.drawPath(hill, fill(k.g.c("#7a8a5a")))
    c.restore()
    temple_front(k, c, x0 + w * float(k.rng.uniform(0.25, 0.4)), base - h * 0.42, w * 0.22, h * 0.26, steps=2)
    dome(k, c, x0 + w * float(k.rng.uniform(0.62, 0.78)), base - h * 0.2, h * 0.2)
    if w > 60:
        aqueduct(k, c, x0 + w * 0.8, x1, base - h * 0.1, h * 0.3)
    xx = x0 - 2.0
    while xx < x1:
        hw = float(k.rng.uniform(w * 0.06, w * 0.12))
        stucco_house(k, c, xx, base, hw, float(k.rng.uniform(h * 0.12, h * 0.25)))
        xx += hw + float(k.rng.uniform(0, w * 0.03))
    for _ in range(max(2, int(w // 30))):
        cypress(k, c, x0 + w * float(k.rng.uniform(0.05, 0.95)), base, h * float(k.rng.uniform(0.25, 0.4)))


def classical_village(k: Kit) -> None:
    """A village of the ancient Mediterranean: stucco houses under terracotta among cypresses and
    olives, a small temple on the hill behind."""
    draw_sky(k, k.sky, horizon=62)
    k.far.drawPath(ridge(k.rng, k.w, 62, 12, bumps=3), fill(k.g.c("#8a8a5a")))
    temple_front(k, k.far, k.w * float(k.rng.uniform(0.3, 0.7)), 55, 26, 9, steps=2, capital="doric")
    for x in np.arange(float(k.rng.uniform(0, 12)), k.w, 26.0):
        k.far.drawCircle(float(x), 60, 3.5, fill(k.g.c("#7a8a6a")))  # olive trees
    x = 2.0
    while x < k.w:
        w = float(k.rng.uniform(16, 24))
        stucco_house(k, k.mid, x, 70, w, float(k.rng.uniform(13, 18)))
        if k.rng.random() < 0.4:
            cypress(k, k.mid, x + w + 3, 70, float(k.rng.uniform(20, 28)))
            x += 6
        x += w + float(k.rng.uniform(3, 10))
    ground(k, k.near, 70, "#b8a070", "#7a6a48")


def classical_street(k: Kit) -> None:
    """A street of an ancient city: the skyline of temples and domes over stucco houses whose
    ground floors are open shops, a portico of columns, big paving stones and stepping stones (no
    street lamps: lamps were carried)."""
    draw_sky(k, k.sky, horizon=60)
    classical_city(k, k.far, 0, k.w, 62, 40)
    x = 0.0
    while x < k.w:
        w = float(k.rng.uniform(20, 30))
        stucco_house(k, k.mid, x, 66, w, float(k.rng.uniform(20, 28)))
        for sx in np.arange(x + 2, x + w - 6, 9.0):  # the shops' open fronts (tabernae)
            k.mid.drawRect(skia.Rect(float(sx), 58, float(sx) + 6, 66), fill(k.g.c("#2a1e16")))
            k.mid.drawRect(skia.Rect(float(sx), 64, float(sx) + 6, 66), fill(k.g.c("#a88a5a")))  # the counter
        x += w
    stone = _c(k, "stone", "#ece4d2")
    px = k.w * float(k.rng.uniform(0.55, 0.75))
    k.mid.drawRect(skia.Rect(px - 2, 36, px + 34, 40), fill(k.g.c(stone)))
    for i in range(5):
        column(k, k.mid, px + i * 8, 40, 66, 2.4, stone, capital="doric")
    ground(k, k.near, 66, "#6a6660", "#3a3834")
    line = stroke(k.g.c("#2a2824", 0.7), 0.25)
    for y in np.arange(68.0, 100.0, 3.0):  # big polygonal paving stones
        off = float(k.rng.uniform(0, 5))
        k.near.drawLine(0, float(y), k.w, float(y), line)
        for xx in np.arange(off, k.w, 5.5 + (float(y) - 66) * 0.12):
            k.near.drawLine(float(xx), float(y), float(xx) + 0.8, float(y) + 3, line)


def classical_roofs(k: Kit) -> None:
    """From a palace balcony over an ancient city: temples, domes, aqueduct and terracotta roofs
    beyond a marble balustrade, a terrace underfoot."""
    draw_sky(k, k.sky, horizon=62)
    classical_city(k, k.far, 0, k.w, 66, 46)
    balustrade(k, k.mid, 62, 70)
    floor(k, k.near, 70, _c(k, "floor", "#d8ccb4"), tiles=True)


def balustrade(k: Kit, c: skia.Canvas, top: float, base: float) -> None:
    """A marble balustrade: a rail on a row of turned balusters, piers at intervals."""
    stone = _c(k, "stone", "#ece4d2")
    body = fill(k.g.c(stone))
    c.drawRect(skia.Rect(0, top, k.w, top + 1.4), body)
    c.drawRect(skia.Rect(0, base - 1.2, k.w, base), body)
    for xx in np.arange(0.0, k.w, 2.2):
        c.drawOval(skia.Rect(float(xx) + 0.3, top + 1.4, float(xx) + 1.5, base - 1.2), body)
    for xx in np.arange(0.0, k.w, 30.0):
        c.drawRect(skia.Rect(float(xx), top - 1, float(xx) + 3.5, base), body)


def classical_palace_outside(k: Kit) -> None:
    """A palace (or a villa) of the ancient world: a broad marble front of columns under a
    pediment on its steps, stucco wings either side, cypresses."""
    draw_sky(k, k.sky, horizon=62)
    k.far.drawPath(ridge(k.rng, k.w, 62, 10, bumps=3), fill(k.g.c("#7a8a5a")))
    plaster = _c(k, "plaster", "#e4c89a")
    k.mid.drawRect(skia.Rect(k.w * 0.08, 40, k.w * 0.92, 70), fill(k.g.c(plaster)))
    k.mid.drawRect(skia.Rect(k.w * 0.08, 38, k.w * 0.92, 40.5), fill(k.g.c(_c(k, "roof", "#b0562e"))))
    for x in np.arange(k.w * 0.11, k.w * 0.9, 8.0):
        if abs(float(x) - k.w / 2) > 32:
            k.mid.drawRect(skia.Rect(float(x), 47, float(x) + 3, 54), fill(k.g.c("#3a2a20")))
    temple_front(k, k.mid, k.w / 2, 70, 58, 26, steps=4, gold=True)
    for x in (k.w * 0.04, k.w * 0.96):
        cypress(k, k.mid, x, 70, 30)
    ground(k, k.near, 70, "#c8b890", "#8a7a5a")


def amphitheatre(k: Kit, c: skia.Canvas, cx: float, base: float, w: float, h: float) -> None:
    """The amphitheatre whole, from outside: its curved wall of three storeys of arches between half
    columns and a windowed top storey, the arches narrowing as the wall turns away, masts for the
    awning along its top."""
    stone = mix_hex(_c(k, "stone", "#ece4d2"), "#c8a870", 0.45)
    shade = mix_hex(stone, "#000000", 0.2)
    c.drawRect(skia.Rect(cx - w / 2, base - h, cx + w / 2, base), fill(k.g.c(stone)))
    storeys = 3
    sh = h * 0.26
    n = 18
    for s in range(storeys):
        y1 = base - s * sh
        y0 = y1 - sh
        c.drawRect(skia.Rect(cx - w / 2, y0, cx + w / 2, y0 + sh * 0.1), fill(k.g.c(shade)))  # the cornice
        for i in range(n):
            a0, a1 = -math.pi / 2 + math.pi * i / n, -math.pi / 2 + math.pi * (i + 1) / n
            xa, xb = cx + w / 2 * math.sin(a0), cx + w / 2 * math.sin(a1)
            bw = xb - xa
            if bw < 1.0:
                continue
            arch = skia.Path()
            ax0, ax1 = xa + bw * 0.2, xb - bw * 0.2
            arch.moveTo(ax0, y1)
            arch.lineTo(ax0, y0 + sh * 0.2 + (ax1 - ax0) / 2)
            arch.arcTo(skia.Rect(ax0, y0 + sh * 0.2, ax1, y0 + sh * 0.2 + (ax1 - ax0)), 180, 180, False)
            arch.lineTo(ax1, y1)
            arch.close()
            c.drawPath(arch, fill(k.g.c("#3a2a1e" if not _lit(k) else "#6a4a2a")))
            c.drawRect(skia.Rect(xb - bw * 0.12, y0 + sh * 0.1, xb + bw * 0.06, y1), fill(k.g.c(shade)))
    top0 = base - storeys * sh
    for i in range(n):  # the attic storey's small windows
        a = -math.pi / 2 + math.pi * (i + 0.5) / n
        x = cx + w / 2 * math.sin(a)
        ww = max(0.4, w / n * math.cos(a) * 0.6)
        c.drawRect(skia.Rect(x - ww / 2, top0 - (h - storeys * sh) * 0.6, x + ww / 2, top0 - (h - storeys * sh) * 0.3),
                   fill(k.g.c("#3a2a1e")))
        c.drawLine(x, base - h, x, base - h - 3, stroke(k.g.c("#5a4a3a"), 0.3))  # the awning's masts
    c.drawRect(skia.Rect(cx - w / 2, base - h, cx + w / 2, base - h + 1), fill(k.g.c(shade)))


def classical_amphitheatre(k: Kit) -> None:
    """The Colosseum (or any amphitheatre) in its own day: the whole curved wall of arches."""
    draw_sky(k, k.sky, horizon=62)
    k.far.drawPath(ridge(k.rng, k.w, 62, 10, bumps=3), fill(k.g.c("#7a8a5a")))
    amphitheatre(k, k.mid, k.w / 2, 70, min(k.w * 0.86, 150), 52)
    ground(k, k.near, 70, "#a89878", "#6a5e4a")


def arena(k: Kit) -> None:
    """The arena from its sand: the podium wall, the tiers rising round it crowded with people in
    coloured clothes, the top storey's arches and the striped awning over the seats."""
    draw_sky(k, k.sky, horizon=40)
    stone = mix_hex(_c(k, "stone", "#ece4d2"), "#c8a870", 0.4)
    k.far.drawRect(skia.Rect(0, 14, k.w, 60), fill(k.g.c(mix_hex(stone, "#000000", 0.2))))
    for xx in np.arange(0.0, k.w, 7.0):  # the top storey's arches
        k.far.drawRoundRect(skia.Rect(float(xx) + 1.5, 15, float(xx) + 5.5, 22), 2, 2, fill(k.g.c("#3a2e24")))
    crowd = ("#c83a2a", "#e8dcc0", "#3a5a9a", "#d8a040", "#6a8a3a", "#8a4a7a", "#f0f0e8")
    for row, y in enumerate(np.arange(24.0, 58.0, 3.4)):
        k.far.drawRect(skia.Rect(0, float(y) + 2.4, k.w, float(y) + 3.4), fill(k.g.c(stone)))  # the step
        for xx in np.arange(float(row % 2) * 1.1, k.w, 2.2):
            col = crowd[int(k.rng.integers(0, len(crowd)))]
            k.far.drawCircle(float(xx), float(y) + 1.0, 0.75, fill(k.g.c(col, 0.95)))
            k.far.drawCircle(float(xx), float(y) - 0.2, 0.45, fill(k.g.c("#b07a50")))
    for xx in np.arange(0.0, k.w, 8.0):  # the awning (velarium), striped
        k.far.drawPath(poly([(float(xx), 0), (float(xx) + 8, 0), (float(xx) + 8, 8), (float(xx), 11)]),
                       fill(k.g.c("#c83a2a" if int(xx / 8) % 2 else "#f0e6d0", 0.92)))
    k.mid.drawRect(skia.Rect(0, 56, k.w, 66), fill(k.g.c(stone)))  # the podium wall
    k.mid.drawRect(skia.Rect(0, 56, k.w, 58), fill(k.g.c("#8a2a22")))
    gate = k.w * 0.5
    k.mid.drawRoundRect(skia.Rect(gate - 6, 57, gate + 6, 66), 5, 5, fill(k.g.c("#1e140c")))
    for bx in np.arange(gate - 5, gate + 6, 2.0):
        k.mid.drawLine(float(bx), 58, float(bx), 66, stroke(k.g.c("#4a4a48"), 0.4))  # the gate's grille
    ground(k, k.near, 66, "#e0c890", "#b8985a")
    for _ in range(int(k.w // 4)):
        x, y = float(k.rng.uniform(0, k.w)), float(k.rng.uniform(68, 99))
        k.near.drawOval(skia.Rect(x, y, x + 3, y + 0.7), fill(k.g.c("#c8a870", 0.6)))


def classical_hall(k: Kit, *, palace: bool = False) -> None:
    """A room of a Roman house or palace: walls frescoed in red panels framed in ochre over a dark
    dado, a painted frieze under a coffered ceiling, marble columns standing before the wall, a
    marble floor with a mosaic border, a couch and bronze lamp stands; a palace's more columns with
    gilded capitals and an opening onto a garden court."""
    panel, frame, dado = _colours(k, "walls", ("#9e2c24", "#d09a3a", "#262220"))
    stone = _c(k, "stone", "#ece4d2")
    y = 70.0
    k.sky.drawRect(skia.Rect(0, 0, k.w, y), fill(k.g.c(panel)))
    k.sky.drawRect(skia.Rect(0, 50, k.w, y), fill(k.g.c(dado)))
    k.sky.drawRect(skia.Rect(0, 0, k.w, 7), fill(k.g.c(mix_hex(dado, panel, 0.3))))  # the coffered ceiling
    for xx in np.arange(1.0, k.w, 8.0):
        k.sky.drawRect(skia.Rect(float(xx), 1.5, float(xx) + 6, 5.5), fill(k.g.c(mix_hex(dado, "#000000", 0.2))))
    k.sky.drawRect(skia.Rect(0, 7, k.w, 12), fill(k.g.c(dado)))  # the frieze: a running wave in ochre
    wave = skia.Path()
    wave.moveTo(0, 9.5)
    for xx in np.arange(0.0, k.w, 4.0):
        wave.quadTo(float(xx) + 1, 7.6, float(xx) + 2, 9.5)
        wave.quadTo(float(xx) + 3, 11.4, float(xx) + 4, 9.5)
    k.sky.drawPath(wave, stroke(k.g.c(frame), 0.5))
    line = fill(k.g.c(frame))
    k.sky.drawRect(skia.Rect(0, 12, k.w, 13), line)
    k.sky.drawRect(skia.Rect(0, 49, k.w, 50), line)
    for xx in np.arange(0.0, k.w, 24.0):  # the panels' frames, a little painted figure in each
        x = float(xx)
        k.sky.drawRect(skia.Rect(x + 2, 16, x + 22, 46), stroke(k.g.c(frame), 0.6))
        k.sky.drawLine(x + 12, 24, x + 12, 38, stroke(k.g.c(frame, 0.8), 0.5))  # a candelabrum painted in
        k.sky.drawCircle(x + 12, 23, 1.4, stroke(k.g.c(frame, 0.8), 0.4))
        k.sky.drawPath(poly([(x + 9, 38), (x + 15, 38), (x + 12, 35)]), fill(k.g.c(frame, 0.7)))
        for j, col in enumerate(("#3a6a4a", "#e8dcc0")):  # a garland under the frieze
            k.sky.drawArc(skia.Rect(x + 2 + j, 12.5, x + 22 - j, 18 + j), 0, 180, False, stroke(k.g.c(col, 0.7), 0.4))
    if palace:
        cx = k.w / 2
        court = skia.Rect(cx - 13, 14, cx + 13, y)
        vgrad(k.far, court, [k.g.c("#6aa0d8" if k.tod == "day" else "#2a3048", lit=0), k.g.c("#d8e8f0" if k.tod == "day"
                                                                                            else "#4a4a5a", lit=0)])
        k.far.drawRect(skia.Rect(cx - 13, 56, cx + 13, y), fill(k.g.c("#6a8a4a")))  # the garden court beyond
        for dx in (-8, 0, 8):
            cypress(k, k.far, cx + dx, 60, 18)
        k.far.drawRect(court, stroke(k.g.c(stone), 1.2))
    spacing = 26.0 if palace else 64.0  # a house's room has a column or two (its peristyle's), a palace a row
    for xx in np.arange(k.w * (0.08 if palace else 0.18), k.w, spacing):
        if palace and abs(float(xx) - k.w / 2) < 16:
            continue
        column(k, k.far, float(xx), 8, y, 3.4, stone, capital="corinthian" if palace else "ionic", gold=palace)
    k.far.drawRect(skia.Rect(0, 5.5, k.w, 8.5), fill(k.g.c(stone)))  # the beam the columns carry
    fl = _c(k, "floor", "#d8ccb4")
    floor(k, k.near, y, fl, tiles=True)
    band = fill(k.g.c(mix_hex(dado, "#000000", 0.1), 0.85))
    k.near.drawRect(skia.Rect(0, y + 3, k.w, y + 4.4), band)  # a mosaic border: a band and a row of squares
    for xx in np.arange(0.0, k.w, 3.0):
        k.near.drawRect(skia.Rect(float(xx), y + 5.2, float(xx) + 1.4, y + 6.4), band)
    _couch(k, k.mid, k.w * 0.7, y)
    for lx in (k.w * 0.3, k.w * 0.92):
        oil_lamp_stand(k, k.mid, lx, y)


def _couch(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A dining couch (a lectus): a long frame on turned legs with a raised headrest, a mattress,
    a bolster and a cushion."""
    wood = fill(k.g.c("#6a3a1e"))
    c.drawRect(skia.Rect(x - 14, base - 8, x + 14, base - 6.5), wood)
    for dx in (-12.5, 12.5):
        c.drawRect(skia.Rect(x + dx - 0.7, base - 6.5, x + dx + 0.7, base), wood)
    c.drawRoundRect(skia.Rect(x - 14, base - 10.5, x + 14, base - 7.5), 1.2, 1.2, fill(k.g.c("#d8c8a0")))
    head = skia.Path()
    head.moveTo(x - 14, base - 8)
    head.quadTo(x - 16, base - 15, x - 12, base - 14)
    c.drawPath(head, stroke(k.g.c("#6a3a1e"), 1.0))
    c.drawRoundRect(skia.Rect(x - 13.5, base - 13, x - 8, base - 10), 1.5, 1.5, fill(k.g.c("#8a2a22")))
    c.drawRoundRect(skia.Rect(x + 4, base - 12.5, x + 11, base - 10), 1.2, 1.2, fill(k.g.c("#2a4a7a")))


def olive(k: Kit, c: skia.Canvas, x: float, base: float, h: float) -> None:
    """An olive tree: a gnarled leaning trunk under a loose grey-green crown."""
    c.drawPath(poly([(x - h * 0.06, base), (x + h * 0.05, base), (x + h * 0.1, base - h * 0.45),
                     (x + h * 0.02, base - h * 0.45)]), fill(k.g.c("#5a4a3a")))
    for dx, dy, r in ((0.0, 0.62, 0.3), (-0.25, 0.55, 0.22), (0.28, 0.58, 0.24), (0.08, 0.8, 0.2)):
        c.drawCircle(x + dx * h, base - dy * h, r * h, fill(k.g.c("#7a8a62")))
    c.drawCircle(x - 0.1 * h, base - 0.72 * h, 0.1 * h, fill(k.g.c("#9aa882")))


def umbrella_pine(k: Kit, c: skia.Canvas, x: float, base: float, h: float) -> None:
    """A stone pine: a tall bare trunk under a flat spreading crown."""
    c.drawLine(x, base, x + h * 0.05, base - h * 0.8, stroke(k.g.c("#5a4030"), h * 0.05))
    c.drawOval(skia.Rect(x - h * 0.4, base - h, x + h * 0.45, base - h * 0.76), fill(k.g.c("#3a5a32")))


def classical_grove(k: Kit) -> None:
    """A garden or wood of the ancient Mediterranean: olive trees, stone pines and cypresses on
    dry grass, hills with a temple behind (no northern pines)."""
    draw_sky(k, k.sky, horizon=62)
    k.far.drawPath(ridge(k.rng, k.w, 62, 12, bumps=3), fill(k.g.c("#8a8a5a")))
    for x in np.arange(float(k.rng.uniform(0, 20)), k.w, 24.0):
        cypress(k, k.far, float(x), 63, float(k.rng.uniform(10, 16)))
    for i, x in enumerate(np.arange(float(k.rng.uniform(-6, 6)), k.w, 22.0)):
        (umbrella_pine if i % 3 == 1 else olive)(k, k.mid, float(x), 70, float(k.rng.uniform(22, 34)))
    ground(k, k.near, 70, "#a8a060", "#6a6a3a")


def palm_grove(k: Kit) -> None:
    """A garden or grove of ancient Egypt: date palms round a pool, papyrus at its edge."""
    draw_sky(k, k.sky, horizon=62)
    for x in np.arange(float(k.rng.uniform(0, 10)), k.w, 16.0):
        palm(k, k.far, float(x), 64, float(k.rng.uniform(10, 16)))
    for x in np.arange(float(k.rng.uniform(0, 14)), k.w, 28.0):
        palm(k, k.mid, float(x), 70, float(k.rng.uniform(24, 32)))
    ground(k, k.near, 70, "#8a9a5a", "#5a6a3a")
    k.near.drawOval(skia.Rect(k.w * 0.3, 73, k.w * 0.7, 80), fill(k.g.c("#3a6a8a")))  # the pool
    for x in np.arange(k.w * 0.3, k.w * 0.7, 3.0):
        k.near.drawLine(float(x), 75, float(x) + 0.8, 70.5, stroke(k.g.c("#4a7a3a"), 0.4))


# --- ancient Egypt --------------------------------------------------------------------------------

def papyrus_column(k: Kit, c: skia.Canvas, x: float, top: float, base: float, w: float, *, gold: bool = False) -> None:
    """An Egyptian column: a thick shaft of painted stone with bands of colour at its neck, a
    flaring papyrus-flower capital painted with leaves, an abacus block on it; a line of hieroglyphs
    down the shaft."""
    stone = _c(k, "stone", "#d8bf8a")
    blue, red, green, gold_c = _colours(k, "paint", ("#2a5a9a", "#b8402a", "#3a8a5a", "#e0b040"))
    cap_h = w * 1.6
    neck = top + cap_h + w * 0.3
    c.drawRect(skia.Rect(x - w * 0.7, base - w * 0.3, x + w * 0.7, base), fill(k.g.c(mix_hex(stone, "#000000", 0.15))))
    c.drawPath(poly([(x - w * 0.5, base - w * 0.3), (x + w * 0.5, base - w * 0.3), (x + w * 0.44, neck),
                     (x - w * 0.44, neck)]), fill(k.g.c(stone)))
    c.drawRect(skia.Rect(x + w * 0.15, neck, x + w * 0.46, base - w * 0.3), fill(k.g.c("#000000", 0.12)))
    for i, col in enumerate((blue, red, green, gold_c if gold else red)):  # the bands at the neck
        c.drawRect(skia.Rect(x - w * 0.45, neck - (i + 1) * w * 0.12, x + w * 0.45, neck - i * w * 0.12),
                   fill(k.g.c(col)))
    glyph_column(k, c, x - w * 0.16, neck + w * 0.5, base - w * 0.8, w * 0.32, blue)
    bell = poly([(x - w * 0.45, neck - w * 0.5), (x + w * 0.45, neck - w * 0.5), (x + w * 0.95, top + w * 0.3),
                 (x - w * 0.95, top + w * 0.3)])
    c.drawPath(bell, fill(k.g.c(green)))
    leaf = stroke(k.g.c(blue), max(0.15, w * 0.08))
    for f in (-0.7, -0.35, 0.0, 0.35, 0.7):
        c.drawLine(x + f * w * 0.5, neck - w * 0.5, x + f * w * 1.1, top + w * 0.35, leaf)
    c.drawRect(skia.Rect(x - w * 0.95, top + w * 0.15, x + w * 0.95, top + w * 0.35), fill(k.g.c(gold_c if gold else red)))
    c.drawRect(skia.Rect(x - w * 0.6, top - w * 0.2, x + w * 0.6, top + w * 0.15), fill(k.g.c(stone)))


def glyph_column(k: Kit, c: skia.Canvas, x: float, y0: float, y1: float, s: float, col: str) -> None:
    """A column of hieroglyphs ``s`` wide from ``y0`` down to ``y1``."""
    paint, line = fill(k.g.c(col)), stroke(k.g.c(col), max(0.12, s * 0.12))
    y = y0
    while y + s < y1:
        kind = int(k.rng.integers(0, 7))
        cx, cy = x + s / 2, y + s / 2
        if kind == 0:  # the sun
            c.drawCircle(cx, cy, s * 0.3, line)
            c.drawCircle(cx, cy, s * 0.08, paint)
        elif kind == 1:  # water
            c.drawLine(x, cy, x + s * 0.25, cy - s * 0.15, line)
            c.drawLine(x + s * 0.25, cy - s * 0.15, x + s * 0.5, cy, line)
            c.drawLine(x + s * 0.5, cy, x + s * 0.75, cy - s * 0.15, line)
            c.drawLine(x + s * 0.75, cy - s * 0.15, x + s, cy, line)
        elif kind == 2:  # a reed leaf
            c.drawLine(cx, y + s, cx, y + s * 0.2, line)
            c.drawPath(poly([(cx, y + s * 0.2), (cx + s * 0.3, y + s * 0.45), (cx, y + s * 0.55)]), paint)
        elif kind == 3:  # a bird
            c.drawOval(skia.Rect(x + s * 0.15, y + s * 0.35, x + s * 0.75, y + s * 0.8), paint)
            c.drawCircle(x + s * 0.75, y + s * 0.3, s * 0.14, paint)
            c.drawLine(x + s * 0.4, y + s * 0.8, x + s * 0.4, y + s, line)
        elif kind == 4:  # an ankh
            c.drawOval(skia.Rect(cx - s * 0.18, y, cx + s * 0.18, y + s * 0.38), line)
            c.drawLine(cx, y + s * 0.38, cx, y + s, line)
            c.drawLine(cx - s * 0.3, y + s * 0.48, cx + s * 0.3, y + s * 0.48, line)
        elif kind == 5:  # an eye
            c.drawOval(skia.Rect(x + s * 0.1, cy - s * 0.15, x + s * 0.9, cy + s * 0.15), line)
            c.drawCircle(cx, cy, s * 0.1, paint)
        else:  # a loaf
            c.drawArc(skia.Rect(x + s * 0.15, cy - s * 0.2, x + s * 0.85, cy + s * 0.4), 180, 180, True, paint)
        y += s * 1.2


def glyph_band(k: Kit, c: skia.Canvas, x0: float, x1: float, y0: float, y1: float, ground_col: str) -> None:
    """A band of hieroglyphs in columns between ruled lines, painted in blue and red on stone."""
    blue, red, _, _ = _colours(k, "paint", ("#2a5a9a", "#b8402a", "#3a8a5a", "#e0b040"))
    c.drawRect(skia.Rect(x0, y0, x1, y1), fill(k.g.c(ground_col)))
    s = (y1 - y0) * 0.28
    rule = stroke(k.g.c(mix_hex(ground_col, "#000000", 0.45)), 0.25)
    for i, xx in enumerate(np.arange(x0, x1, s * 1.6)):
        c.drawLine(float(xx), y0 + 0.4, float(xx), y1 - 0.4, rule)
        glyph_column(k, c, float(xx) + s * 0.3, y0 + 0.6, y1 - 0.4, s, blue if i % 3 else red)
    c.drawRect(skia.Rect(x0, y0, x1, y0 + 0.5), fill(k.g.c(blue)))
    c.drawRect(skia.Rect(x0, y1 - 0.5, x1, y1), fill(k.g.c(blue)))


def painted_figure(k: Kit, c: skia.Canvas, x: float, base: float, h: float, facing: int, dress: str) -> None:
    """A figure of an Egyptian wall painting, in profile: a black wig, a broad collar, a white kilt or
    dress, striding, one arm raised in offering."""
    skin = "#a8623a" if dress == "kilt" else "#d8a070"
    head_y = base - h * 0.88
    c.drawCircle(x + facing * h * 0.02, head_y, h * 0.07, fill(k.g.c(skin)))
    c.drawRect(skia.Rect(x - h * 0.08, head_y - h * 0.08, x + h * 0.04 * facing + h * 0.02, head_y + h * 0.1),
               fill(k.g.c("#1a1a2a")))  # the wig
    c.drawRect(skia.Rect(x - h * 0.06, base - h * 0.78, x + h * 0.06, base - h * 0.45), fill(k.g.c(skin)))
    c.drawRect(skia.Rect(x - h * 0.08, base - h * 0.78, x + h * 0.08, base - h * 0.72), fill(k.g.c("#2a6a9a")))
    if dress == "kilt":
        c.drawPath(poly([(x - h * 0.07, base - h * 0.47), (x + h * 0.09 * facing, base - h * 0.47),
                         (x + h * 0.12 * facing, base - h * 0.28), (x - h * 0.09, base - h * 0.28)]),
                   fill(k.g.c("#f0ece0")))
    else:
        c.drawRect(skia.Rect(x - h * 0.07, base - h * 0.72, x + h * 0.07, base - h * 0.04), fill(k.g.c("#f0ece0", 0.9)))
    leg = stroke(k.g.c(skin), h * 0.04)
    c.drawLine(x, base - h * 0.3, x + facing * h * 0.12, base, leg)
    c.drawLine(x, base - h * 0.3, x - facing * h * 0.08, base, leg)
    c.drawLine(x, base - h * 0.72, x + facing * h * 0.2, base - h * 0.82, stroke(k.g.c(skin), h * 0.035))


def egypt_hall(k: Kit, *, palace: bool = False) -> None:
    """A room of an Egyptian house, temple or palace: sand-coloured stone walls under a painted
    cornice, a band of hieroglyphs over a wall painting of figures bringing offerings, a coloured
    dado, painted papyrus columns before the wall, a floor of stone flags, a lion-legged chair and a
    tall lamp stand; a palace's columns thicker and gilded, great feather fans by its centre."""
    stone = _c(k, "stone", "#d8bf8a")
    blue, red, green, gold = _colours(k, "paint", ("#2a5a9a", "#b8402a", "#3a8a5a", "#e0b040"))
    y = 70.0
    vgrad(k.sky, skia.Rect(0, 0, k.w, y), [k.g.c(mix_hex(stone, "#000000", 0.25)), k.g.c(stone)])
    course = stroke(k.g.c(mix_hex(stone, "#000000", 0.15)), 0.2)
    for yy in np.arange(14.0, y, 6.0):
        k.sky.drawLine(0, float(yy), k.w, float(yy), course)
    k.sky.drawRect(skia.Rect(0, 0, k.w, 4), fill(k.g.c(blue)))  # the ceiling, painted with stars
    for xx in np.arange(2.0, k.w, 5.0):
        k.sky.drawCircle(float(xx), 2, 0.45, fill(k.g.c(gold)))
    for i, xx in enumerate(np.arange(0.0, k.w, 2.0)):  # the cavetto cornice's painted feathers
        k.sky.drawRect(skia.Rect(float(xx), 4, float(xx) + 2, 9), fill(k.g.c((blue, red, green)[i % 3])))
    glyph_band(k, k.sky, 0, k.w, 11, 21, mix_hex(stone, "#ffffff", 0.2))
    k.sky.drawRect(skia.Rect(0, 22, k.w, 44), fill(k.g.c(mix_hex(stone, "#ffffff", 0.25))))  # the painting
    for i, xx in enumerate(np.arange(6.0, k.w, 13.0)):
        painted_figure(k, k.sky, float(xx), 43, 18, 1, "kilt" if i % 2 else "dress")
    k.sky.drawRect(skia.Rect(0, 44, k.w, 45), fill(k.g.c(blue)))
    k.sky.drawRect(skia.Rect(0, 58, k.w, y), fill(k.g.c(red)))  # the dado
    k.sky.drawRect(skia.Rect(0, 58, k.w, 59), fill(k.g.c(gold)))
    w = 5.0 if palace else 4.0
    spacing = 30.0 if palace else 42.0
    for xx in np.arange(k.w * 0.1, k.w, spacing):
        papyrus_column(k, k.far, float(xx), 6, y, w, gold=palace)
    k.far.drawRect(skia.Rect(0, 2, k.w, 6), fill(k.g.c(stone)))  # the architrave
    floor(k, k.near, y, _c(k, "floor", "#c8ae7a"), tiles=True)
    if palace:
        for dx in (-16, 16):  # great feather fans (flabella) on poles
            fx = k.w / 2 + dx
            k.mid.drawLine(fx, y, fx, 38, stroke(k.g.c(gold), 0.8))
            k.mid.drawArc(skia.Rect(fx - 6, 30, fx + 6, 44), 180, 180, True, fill(k.g.c("#f0ece0")))
            for j in range(5):
                a = math.pi * (1 + (j + 0.5) / 5)
                k.mid.drawLine(fx, 37, fx + 6 * math.cos(a), 37 + 7 * math.sin(a), stroke(k.g.c(blue), 0.35))
    _lion_chair(k, k.mid, k.w * 0.72, y)
    oil_lamp_stand(k, k.mid, k.w * 0.28, y, 20)


def _lion_chair(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A chair of ancient Egypt: a low seat on lion's legs, a sloping back, gilded and inlaid."""
    gold = k.g.c(_colours(k, "paint", ("#2a5a9a", "#b8402a", "#3a8a5a", "#e0b040"))[3])
    c.drawRect(skia.Rect(x - 5, base - 8, x + 5, base - 6.8), fill(gold))
    for dx in (-4.2, 4.2):
        c.drawLine(x + dx, base - 7, x + dx, base - 1, stroke(gold, 0.9))
        c.drawOval(skia.Rect(x + dx - 0.9, base - 1.3, x + dx + 1.3, base), fill(gold))  # the paw
    c.drawPath(poly([(x - 5, base - 8), (x - 6.5, base - 18), (x - 4.5, base - 18), (x - 3, base - 8)]), fill(gold))
    c.drawRect(skia.Rect(x - 4.6, base - 9.6, x + 4.6, base - 8), fill(k.g.c("#2a5a9a")))


def pyramids(k: Kit, c: skia.Canvas, base: float, h: float) -> None:
    """The pyramids on the horizon, lit on one face."""
    for f, s in ((0.22, 1.0), (0.34, 0.8), (0.78, 0.6)):
        x = k.w * f
        hh = h * s
        c.drawPath(poly([(x - hh * 1.1, base), (x, base - hh), (x + hh * 1.1, base)]), fill(k.g.c("#d8b878")))
        c.drawPath(poly([(x, base - hh), (x + hh * 1.1, base), (x + hh * 0.2, base)]), fill(k.g.c("#b0905a")))


def obelisk(k: Kit, c: skia.Canvas, x: float, base: float, h: float) -> None:
    stone = _c(k, "stone", "#d8bf8a")
    w = h * 0.08
    c.drawPath(poly([(x - w, base), (x - w * 0.7, base - h * 0.92), (x, base - h), (x + w * 0.7, base - h * 0.92),
                     (x + w, base)]), fill(k.g.c(stone)))
    c.drawPath(poly([(x - w * 0.7, base - h * 0.92), (x, base - h), (x + w * 0.7, base - h * 0.92)]),
               fill(k.g.c(_colours(k, "paint", ("#2a5a9a", "#b8402a", "#3a8a5a", "#e0b040"))[3])))
    glyph_column(k, c, x - w * 0.35, base - h * 0.85, base - h * 0.1, w * 0.7, "#6a4a2a")


def pylon(k: Kit, c: skia.Canvas, cx: float, base: float, w: float, h: float) -> None:
    """A temple's (or a palace's) pylon gateway: two sloping towers either side of a tall gate, a
    cornice along their tops, painted reliefs of figures on them, flag masts with pennants."""
    stone = _c(k, "stone", "#d8bf8a")
    blue, red, green, gold = _colours(k, "paint", ("#2a5a9a", "#b8402a", "#3a8a5a", "#e0b040"))
    tw = w * 0.42
    for side in (-1, 1):
        inner = cx + side * w * 0.08
        outer = cx + side * (w * 0.08 + tw)
        top = base - h
        tower = poly([(inner, base), (inner, top), (outer - side * tw * 0.1, top), (outer, base)])
        c.drawPath(tower, fill(k.g.c(stone)))
        c.drawRect(skia.Rect(min(inner, outer - side * tw * 0.1), top - 2, max(inner, outer - side * tw * 0.1), top),
                   fill(k.g.c(mix_hex(stone, "#000000", 0.15))))
        for i, f in enumerate((0.3, 0.6)):
            painted_figure(k, c, inner + side * tw * f, base - h * 0.15, h * 0.45, -side, "kilt" if i else "dress")
        for f in (0.25, 0.75):  # flag masts
            mx = inner + side * tw * f
            c.drawLine(mx, base, mx, top - h * 0.3, stroke(k.g.c("#6a4a2a"), 0.6))
            c.drawPath(poly([(mx, top - h * 0.3), (mx - side * 5, top - h * 0.26), (mx, top - h * 0.22)]),
                       fill(k.g.c((red, blue)[int(f > 0.5)])))
    c.drawRect(skia.Rect(cx - w * 0.08, base - h * 0.72, cx + w * 0.08, base), fill(k.g.c(mix_hex(stone, "#000000", 0.5))))
    c.drawRect(skia.Rect(cx - w * 0.1, base - h * 0.76, cx + w * 0.1, base - h * 0.7), fill(k.g.c(stone)))
    c.drawCircle(cx, base - h * 0.73, 1.2, fill(k.g.c(gold)))  # the winged sun over the gate
    c.drawLine(cx - 4, base - h * 0.73, cx + 4, base - h * 0.73, stroke(k.g.c(blue), 0.6))


def egypt_outside(k: Kit) -> None:
    """A temple or palace of ancient Egypt: its pylon gateway between obelisks, palms, the pyramids
    on the horizon."""
    draw_sky(k, k.sky, horizon=62)
    pyramids(k, k.sky, 62, 14)
    k.far.drawRect(skia.Rect(0, 62, k.w, 72), fill(k.g.c("#d0b27a")))  # the plain to the horizon
    for x in np.arange(float(k.rng.uniform(0, 10)), k.w, 22.0):
        palm(k, k.far, float(x), 64, 12)
    pylon(k, k.mid, k.w / 2, 70, min(k.w * 0.7, 120), 40)
    for x in (k.w * 0.5 - 34, k.w * 0.5 + 34):
        obelisk(k, k.mid, x, 70, 34)
    ground(k, k.near, 70, "#d8c08a", "#a8885a")


def egypt_pyramid(k: Kit) -> None:
    """A pyramid close to: its great sloping face lit by the sun, the dark mouth of its passage, the
    smaller pyramids beyond, the desert round it."""
    draw_sky(k, k.sky, horizon=62)
    pyramids(k, k.sky, 62, 12)
    k.far.drawRect(skia.Rect(0, 62, k.w, 72), fill(k.g.c("#d0b27a")))
    cx, base, h = k.w * 0.5, 70.0, 52.0
    k.mid.drawPath(poly([(cx - h * 1.25, base), (cx, base - h), (cx + h * 1.25, base)]), fill(k.g.c("#dcc08a")))
    k.mid.drawPath(poly([(cx, base - h), (cx + h * 1.25, base), (cx + h * 0.25, base)]), fill(k.g.c("#b8985e")))
    course = stroke(k.g.c("#a8884e", 0.6), 0.25)
    for y in np.arange(base - h + 4, base, 3.0):
        half = (float(y) - (base - h)) * 1.25
        k.mid.drawLine(cx - half, float(y), cx + half, float(y), course)
    k.mid.drawPath(poly([(cx - 4, base - 14), (cx, base - 19), (cx + 4, base - 14), (cx + 4, base - 8), (cx - 4, base - 8)]),
                   fill(k.g.c("#2a1e14")))  # the passage's mouth
    ground(k, k.near, 70, "#d8c08a", "#a8885a")


def egypt_village(k: Kit) -> None:
    """A village of ancient Egypt: the dry lands' flat-roofed mud-brick houses among palms, the
    pyramids on the horizon."""
    from .settings import village

    village(k)  # (the world's region is the dry lands': mud brick, palms)
    pyramids(k, k.sky, 62, 16)


def egypt_city(k: Kit, c: skia.Canvas, x0: float, x1: float, base: float, h: float) -> None:
    """An Egyptian city's skyline in ``x0``..``x1``: pyramids far off, a pylon and an obelisk, palms
    and flat roofs in front."""
    w = x1 - x0
    for f, s in ((0.2, 0.5), (0.35, 0.4)):
        px, ph = x0 + w * f, h * s
        c.drawPath(poly([(px - ph, base - h * 0.2), (px, base - h * 0.2 - ph), (px + ph, base - h * 0.2)]),
                   fill(k.g.c("#c8a870")))
    pylon(k, c, x0 + w * 0.66, base - h * 0.1, w * 0.3, h * 0.45)
    obelisk(k, c, x0 + w * 0.45, base, h * 0.6)
    plaster = _c(k, "plaster", "#c8a472")
    xx = x0 - 2.0
    while xx < x1:
        hw = float(k.rng.uniform(w * 0.06, w * 0.12))
        hh = float(k.rng.uniform(h * 0.12, h * 0.24))
        c.drawRect(skia.Rect(xx, base - hh, xx + hw, base), fill(k.g.c(mix_hex(plaster, "#ffffff",
                                                                               float(k.rng.uniform(0, 0.25))))))
        c.drawRect(skia.Rect(xx + hw * 0.2, base - hh + 2, xx + hw * 0.2 + 1.6, base - hh + 4),
                   fill(k.g.c("#ffc870", lit=0) if _lit(k) else k.g.c("#3a2a20")))
        xx += hw + float(k.rng.uniform(0, 3))
    for _ in range(max(2, int(w // 25))):
        palm(k, c, x0 + w * float(k.rng.uniform(0.05, 0.95)), base, h * 0.35)


def egypt_roofs(k: Kit) -> None:
    """From a palace balcony in ancient Egypt: the city's flat roofs, a pylon, an obelisk, palms and
    the pyramids, beyond a painted parapet; stone underfoot."""
    draw_sky(k, k.sky, horizon=62)
    egypt_city(k, k.far, 0, k.w, 66, 46)
    blue, red, green, gold = _colours(k, "paint", ("#2a5a9a", "#b8402a", "#3a8a5a", "#e0b040"))
    k.mid.drawRect(skia.Rect(0, 63, k.w, 70), fill(k.g.c(_c(k, "stone", "#d8bf8a"))))
    for i, xx in enumerate(np.arange(0.0, k.w, 2.0)):
        k.mid.drawRect(skia.Rect(float(xx), 63, float(xx) + 2, 64.5), fill(k.g.c((blue, red, green)[i % 3])))
    floor(k, k.near, 70, _c(k, "floor", "#c8ae7a"), tiles=True)


def egypt_desert(k: Kit) -> None:
    """The desert of ancient Egypt: the dunes with the pyramids on the horizon, no cactus."""
    from .settings import desert

    desert(k)
    pyramids(k, k.sky, 62, 18)


# --- old towns before tall buildings (any people): roofs, chimney pots, spires and domes ---------------

def old_roofs(k: Kit, c: skia.Canvas, x0: float, x1: float, base: float, hmin: float, hmax: float, color: str, *,
              lit: float | None = None) -> None:
    """A town's skyline before tall buildings (London in 1870, Paris in 1890): terraces of two to
    four storeys under pitched slate roofs crowded with chimney stacks and their pots, smoke rising
    from some, a church spire and a great dome standing over them, only a few windows lit (gas and
    lamplight: never rows of lit floors)."""
    lit = k.lights_on() * 0.45 if lit is None else lit
    h = hmax - hmin
    body = fill(k.g.c(color))
    landmark = fill(k.g.c(mix_hex(color, "#8a90a8", 0.3)))  # a little paler: it stands further off, in the haze
    roof = fill(k.g.c(mix_hex(color, "#000000", 0.2)))
    on, off = fill(k.g.c("#ffc870", lit=0)), fill(k.g.c(mix_hex(color, "#000000", 0.3)))
    w = x1 - x0
    # the landmarks behind the roofs: a dome on its drum (St Paul's, Les Invalides) and a spire or two
    dx = x0 + w * float(k.rng.uniform(0.55, 0.8))
    dr = max(2.0, h * 0.55)
    c.drawRect(skia.Rect(dx - dr * 0.75, base - hmax - dr * 0.5, dx + dr * 0.75, base), landmark)
    c.drawArc(skia.Rect(dx - dr * 0.75, base - hmax - dr * 1.3, dx + dr * 0.75, base - hmax + dr * 0.2), 180, 180,
              True, landmark)
    c.drawRect(skia.Rect(dx - dr * 0.12, base - hmax - dr * 1.65, dx + dr * 0.12, base - hmax - dr * 1.1), landmark)
    for f in (float(k.rng.uniform(0.12, 0.35)), float(k.rng.uniform(0.85, 0.95))):
        sx = x0 + w * f
        sw = max(0.8, h * 0.12)
        c.drawRect(skia.Rect(sx - sw, base - hmax - h * 0.4, sx + sw, base), landmark)
        c.drawPath(poly([(sx - sw * 1.1, base - hmax - h * 0.4), (sx, base - hmax - h * 1.5),
                         (sx + sw * 1.1, base - hmax - h * 0.4)]), landmark)
    x = x0 + float(k.rng.uniform(-4, 0)) * h / 10
    win = max(0.4, h * 0.07)
    while x < x1:
        bw = float(k.rng.uniform(h * 0.5, h * 0.9))
        bh = float(k.rng.uniform(hmin, hmax))
        top = base - bh
        c.drawRect(skia.Rect(x, top, x + bw - 0.2, base + 1), body)
        pitch = bw * 0.22
        c.drawPath(poly([(x - 0.3, top), (x + bw * 0.5, top - pitch), (x + bw + 0.1, top)]), roof)
        for cx in (x + bw * 0.2, x + bw * 0.75):  # chimney stacks, pots on top
            if k.rng.random() < 0.75:
                sw_, sh_ = max(0.6, bw * 0.1), max(1.0, pitch * 1.2)
                stack_top = top - pitch * (1 - abs(cx - x - bw / 2) / (bw / 2)) - sh_ * 0.6
                c.drawRect(skia.Rect(cx - sw_, stack_top, cx + sw_, top), body)
                for px in (cx - sw_ * 0.5, cx + sw_ * 0.5):
                    c.drawRect(skia.Rect(px - sw_ * 0.25, stack_top - sw_ * 0.7, px + sw_ * 0.25, stack_top), body)
                if k.rng.random() < 0.3:
                    smoke(k, c, cx, stack_top - sw_ * 0.7, max(0.3, h * 0.05))
        if win:
            cols = max(1, int(bw / (win * 3)))
            gap = (bw - cols * win) / (cols + 1)
            yy = top + win * 1.5
            while yy < base - win * 2:
                for i in range(cols):
                    wx = x + gap + i * (win + gap)
                    c.drawRect(skia.Rect(wx, yy, wx + win, yy + win * 1.6), on if k.rng.random() < lit else off)
                yy += win * 3.2
        x += bw + float(k.rng.uniform(-0.2, 0.6))


# --- which kinds each look builds ------------------------------------------------------------------

def _temple(k: Kit) -> None:
    """A temple of the classical world in its own day: whole, on its steps among the hills."""
    draw_sky(k, k.sky, horizon=62)
    k.far.drawPath(ridge(k.rng, k.w, 62, 10, bumps=3), fill(k.g.c("#7a8a5a")))
    temple_front(k, k.mid, k.w / 2, 70, 70, 30, steps=4)
    ground(k, k.near, 70, "#b8a880", "#7a6a50")


#: Each look's drawings, by what the place is (``choose``).
DRAWINGS: dict[str, dict[str, Callable[[Kit], None]]] = {
    "norse": {"hall": norse_hall, "palace": lambda k: norse_hall(k, palace=True), "village": norse_village,
              "street": norse_street, "roofs": norse_roofs, "outside": norse_hall_outside, "fjord": fjord,
              "deck": longship_deck},
    "classical": {"hall": classical_hall, "palace": lambda k: classical_hall(k, palace=True),
                  "village": classical_village, "street": classical_street, "roofs": classical_roofs,
                  "outside": classical_palace_outside, "amphitheatre": classical_amphitheatre, "arena": arena,
                  "temple": _temple, "grove": classical_grove, "fjord": fjord},
    "egypt": {"hall": egypt_hall, "palace": lambda k: egypt_hall(k, palace=True), "village": egypt_village,
              "street": egypt_village, "roofs": egypt_roofs, "outside": egypt_outside, "temple": egypt_outside,
              "pyramid": egypt_pyramid, "desert": egypt_desert, "grove": palm_grove, "fjord": fjord},
    "": {"fjord": fjord},  # (a fjord is a fjord in any age)
}
#: What each drawing shows, in words, for the shot log (the place's ``built_as``), by look.
BUILT_AS: dict[str, dict[str, str]] = {
    "norse": {"hall": "a longhouse hall: plank walls, carved posts, shields, sleeping benches",
              "palace": "a chieftain's longhouse hall with its carved high seat",
              "village": "turf-roofed timber longhouses by a fjord, a longship on the water",
              "street": "a trading town of turf-roofed longhouses and log walkways",
              "roofs": "turf roofs over a fjord", "outside": "a chieftain's longhouse behind a palisade by a fjord",
              "fjord": "a fjord between mountain walls, longships on it", "deck": "a longship's deck, shields along its side"},
    "classical": {"hall": "a frescoed room: red panels, a marble column, a couch, bronze lamp stands",
                  "palace": "a palace hall: marble columns, frescoed walls, a garden court, a couch",
                  "village": "stucco houses under terracotta roofs, cypresses and a temple",
                  "street": "a street of stucco houses and open shops under temples and domes",
                  "roofs": "a balustrade over a city of temples, a dome, an aqueduct and terracotta roofs",
                  "outside": "a palace front of marble columns under a pediment",
                  "amphitheatre": "the amphitheatre whole: tiers of arches", "arena": "the arena: sand, "
                  "the crowd on the tiers, the awning", "temple": "a temple whole on its steps",
                  "grove": "olive trees, stone pines and cypresses", "fjord": "a fjord between mountain walls"},
    "egypt": {"hall": "painted papyrus columns, a band of hieroglyphs, a wall painting",
              "palace": "a palace hall: gilded papyrus columns, hieroglyphs, wall paintings, feather fans",
              "village": "flat-roofed mud-brick houses among palms, the pyramids beyond",
              "street": "flat-roofed mud-brick houses among palms, the pyramids beyond",
              "roofs": "a painted parapet over flat roofs, a pylon, an obelisk, palms and the pyramids",
              "outside": "a temple pylon between obelisks", "temple": "a temple pylon between obelisks",
              "pyramid": "a pyramid close to, the others beyond", "desert": "dunes with the pyramids on the horizon",
              "grove": "date palms round a pool", "fjord": "a fjord between mountain walls"},
    "": {"fjord": "a fjord between mountain walls"},
}
#: Walls of a room built from its words that a people of the past did not build so (plaster and
#: wallpaper, panelling, tiles, brick, padding, glass, canvas): such a room is their hall instead.
#: (Stone, a castle's stone, a longhouse's timber stay: a cell, a dungeon, a hut.)
HALL_WALLS = frozenset({"plaster", "panel", "tile", "brick", "padded", "glass", "canvas"})
#: Kinds of place whose rooms are a building's (a house, a palace, a shop, a hall): not a ship's
#: cabin (the sea's), nor a hut in the woods, the mountains or the desert.
HALL_KINDS = frozenset({"interior", "apartment", "office", "bar", "ballroom", "warehouse", "lab", "saloon",
                        "village", "castle", "city_street", "alley", "rooftop", "ruins"})
#: Rooms whose shell is no room (rooms.SHELLS): the open street, a kind's own set.
SHELL_WALLS = frozenset({"street", "warehouse"})
#: Which drawing each kind of place is where no room was built from its words (a plain room, a flat,
#: a shop, a bar, a store: the culture's hall; a great hall: its palace's; a village, a street ...).
OUTSIDE: dict[str, str] = {"village": "village", "city_street": "street", "alley": "street", "rooftop": "roofs",
                           "castle": "outside", "forest": "grove", "ballroom": "palace",
                           **{kind: "hall" for kind in ("interior", "apartment", "office", "bar", "warehouse", "lab",
                                                        "saloon")}}
#: Kinds of place eras.py draws from outside (what hangs on a wall is not hung on their sky).
OUTSIDE_KINDS = frozenset({"village", "city_street", "alley", "rooftop", "castle", "ruins", "desert", "forest", "sea"})


def choose(look: str | None, kind: str, site: str | None, wall: str | None = None) -> str | None:
    """Which of a look's drawings (DRAWINGS) a place of ``kind`` is, at ``site`` (site_of), where
    its words built a room with walls of ``wall`` (rooms.Room.wall; None: no room); None where the
    place is not drawn by eras.py (the renderer's own kind, or the room its words built)."""
    drawings = DRAWINGS.get(look or "", {})
    palace = kind == "ballroom" or site == "palace"
    if wall is not None and wall not in SHELL_WALLS:  # a room built from its words
        if look is None or kind not in HALL_KINDS:
            return None  # (a ship's cabin, a hut in the woods: the room its words built)
        if wall in HALL_WALLS or (wall == "timber" and look == "norse") or \
                (site == "palace" and wall in ("stone", "castle", "timber")):
            return "palace" if palace else "hall"
        return None  # a cell's stone, a castle's: as built
    if site == "rapids":
        return None  # a river's rapids (settings.rapids), not a ship's deck
    if look is None:
        return "fjord" if kind == "sea" and site == "fjord" else None
    if site == "ruin":
        return None  # a ruin in its own day is still a ruin
    if site == "arena" and "arena" in drawings:
        return "arena"
    if kind == "sea":
        return "fjord" if site == "fjord" else "deck" if "deck" in drawings else None
    if site == "pyramid" and kind in ("ruins", "castle", "desert") and "pyramid" in drawings:
        return "pyramid"
    if site == "amphitheatre" and kind in ("ruins", "castle") and "amphitheatre" in drawings:
        return "amphitheatre"
    if kind == "ruins":  # in its own day a building stands whole
        return "temple" if "temple" in drawings else None
    if kind == "desert":
        return "desert" if "desert" in drawings else None
    if palace and kind in OUTSIDE and OUTSIDE[kind] == "hall":
        return "palace"
    key = OUTSIDE.get(kind)
    return key if key in drawings else None


def draw(k: Kit, key: str) -> None:
    """Draw the world's culture's ``key`` drawing (choose says which)."""
    DRAWINGS[look_of(k) or ""][key](k)


def built_as(culture: str | None, key: str | None) -> str | None:
    """What a place drawn as ``key`` among ``culture``'s people shows, in words (for the shot log);
    None where it is not drawn by eras.py."""
    if key is None:
        return None
    look = cultures().get(culture or "", {}).get("look", "")
    return BUILT_AS.get(look, {}).get(key)


def skyline(k: Kit, c: skia.Canvas, r: skia.Rect) -> bool:
    """What a window of the world's culture looks out on, drawn into ``r``: the fjord, the ancient
    city, Egypt's; False where the culture has no view of its own."""
    look = look_of(k)
    if look is None:
        return False
    base, h = r.bottom(), r.height()
    if look == "norse":
        c.drawRect(skia.Rect(r.left(), base - h * 0.3, r.right(), base), fill(k.g.c(_c(k, "water", "#2a4658"))))
        c.drawPath(poly([(r.left(), base - h * 0.3), (r.left(), base - h * 0.8), (r.left() + r.width() * 0.45,
                                                                                   base - h * 0.3)]),
                   fill(k.g.c("#3a4a3e")))
        c.drawPath(poly([(r.right(), base - h * 0.3), (r.right(), base - h * 0.7), (r.right() - r.width() * 0.4,
                                                                                     base - h * 0.3)]),
                   fill(k.g.c("#3a4a3e")))
    elif look == "classical":
        classical_city(k, c, r.left(), r.right(), base, h * 0.9)
    else:
        egypt_city(k, c, r.left(), r.right(), base, h * 0.9)
    return True
