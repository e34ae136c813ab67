"""Rooms of a home as the region where the story is set builds them (issue 12).

A family house, a headman's house, a cottage, a bedroom or a kitchen nobody described was one
European room wherever the story was: wallpaper, a glazed sash window, a panelled door and a
fireplace. Where the world's region (procedural.region_of) and era say otherwise a home's room is
assembled from that region's parts instead:

- East Asia before modern times: plaster between dark timber posts under a beam, a wall of shoji
  (paper screens in a fine lattice) where the glazed window was, tatami mats edged in dark cloth
  on the floor, an alcove with a hanging scroll, an irori (a hearth sunk in the floor with a
  kettle hung from a hook) instead of a fireplace, and paper lanterns;
- the dry lands (North Africa, the Middle East, Central Asia): whitewashed plaster over a band of
  patterned tiles, a pointed arched window with a wooden lattice, a niche, a patterned rug on the
  floor, a low cushioned divan along the wall and a pierced brass lantern;
- South Asia: lime plaster washed a bright colour over a dark painted dado, a window of carved
  wooden shutters round a pierced stone screen (a jali), a niche with an oil lamp (a diya), a
  striped cotton dhurrie on a stone floor, a charpoy (a rope-strung cot) or a low wooden takht
  with bolsters along the wall, and a ceiling fan where there is electric light;
- Africa south of the Sahara, in a village or before modern times: walls of red-brown mud under
  a thatched roof on poles, a small unglazed opening, woven mats on the beaten-earth floor, clay
  pots and a three-stone fire.

``home_style(k)`` says which (None: the European room). The set pieces that say what a room is
(a kitchen's stove, a fireplace, a bed) are drawn in the region's way too (dressing.py asks
``home_style``): a clay kamado, a chulha or a three-stone fire instead of an iron range, a futon
on the mats, a low bed heaped with quilts or a charpoy instead of a bedstead.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import skia

from .paint import fill, glow, poly, stroke, vgrad
from .settings import SKIES, Kit, floor, hanging_lamp, mix_hex, wall

#: A region's homes keep their own way of building until about this year (None: in every era):
#: Japan's and China's town houses took glass, chairs and stoves in the early twentieth century.
TRADITIONAL_UNTIL: dict[str, int | None] = {"east_asia": 1900, "dry": 1950, "south_asia": 1950, "africa": 1900}
#: ... and a village (Kit.rural) keeps it until about this year (None: in every era).
RURAL_UNTIL: dict[str, int | None] = {"east_asia": 1960, "dry": None, "south_asia": None, "africa": None}
#: Regions whose room nobody described (a family's house) is built their way in any era.
PLAIN_EVERY_ERA = frozenset({"dry", "south_asia"})


def home_style(k: Kit, *, plain: bool = False) -> str | None:
    """How a home's room is built in the world of ``k``: "east_asia", "dry", "south_asia", "africa",
    or None (the European room: wallpaper, a glazed window, a fireplace). A region keeps its own way
    of building until modern times (TRADITIONAL_UNTIL), a village longer (RURAL_UNTIL); ``plain``: a
    room nobody described (a family's house), which in the dry lands and South Asia is built their
    way in any era (PLAIN_EVERY_ERA)."""
    region = k.region
    if region not in TRADITIONAL_UNTIL or k.scifi:
        return None
    if plain and region in PLAIN_EVERY_ERA:
        return region
    until = RURAL_UNTIL[region] if k.rural else TRADITIONAL_UNTIL[region]
    if until is None or (k.year is not None and k.year < until):
        return region
    return None


def draw_home(k: Kit, style: str, *, light: str | None = None, y: float = 70.0) -> None:
    """A home's room of the region ``style`` (home_style), walls on the sky layer, windows and what
    hangs on the walls on the far layer, furniture on the middle one and the floor on the near one;
    ``light``: "lanterns" or "bulbs" (the room's, else the era's: lanterns before 1890), or "none"
    (the caller lights it)."""
    if light is None:
        light = "lanterns" if k.year is not None and k.year < 1890 else "bulbs"
    k.home = style
    {"east_asia": _east_asian_room, "dry": _dry_room, "south_asia": _south_asian_room,
     "africa": _mud_room}[style](k, y, light)


# --- East Asia ----------------------------------------------------------------------------------

PAPER = "#eee4c8"


def _east_asian_room(k: Kit, y: float, light: str) -> None:
    """Clay plaster between dark posts, a run of shoji, tatami, a tokonoma's scroll, an irori."""
    wall(k, k.sky, "#c8b08a")
    timber = fill(k.g.c("#3a2818"))
    k.sky.drawRect(skia.Rect(0, 0, k.w, 7), fill(k.g.c("#4a3422")))  # the board ceiling
    for xx in np.arange(0.0, k.w, 6.0):
        k.sky.drawLine(float(xx), 0, float(xx), 7, stroke(k.g.c("#2e2014"), 0.25))
    k.far.drawRect(skia.Rect(0, 7, k.w, 9), timber)
    k.far.drawRect(skia.Rect(0, 17, k.w, 19), timber)  # the nageshi rail over the screens
    for xx in np.arange(k.w * 0.06, k.w, k.w * 0.22):
        k.far.drawRect(skia.Rect(float(xx) - 1.2, 7, float(xx) + 1.2, y), timber)
    shoji(k, k.far, skia.Rect(k.w * 0.5 - 24, 19, k.w * 0.5 + 24, y - 1))
    # the tokonoma: an alcove with a hanging scroll of ink mountains and a vase
    ax = k.w * 0.78
    k.far.drawRect(skia.Rect(ax - 11, 22, ax + 11, y - 6), fill(k.g.c("#a89070")))
    k.far.drawRect(skia.Rect(ax - 12, y - 6, ax + 12, y - 4), timber)
    k.far.drawRect(skia.Rect(ax - 3.5, 25, ax + 3.5, 50), fill(k.g.c("#ece6d4")))
    k.far.drawRect(skia.Rect(ax - 4.2, 24, ax + 4.2, 25.5), timber)
    k.far.drawRect(skia.Rect(ax - 4.2, 49.5, ax + 4.2, 51), timber)
    ink = fill(k.g.c("#3a3a3a", 0.8))
    k.far.drawPath(poly([(ax - 3, 42), (ax - 1, 33), (ax + 0.5, 37), (ax + 2, 30), (ax + 3, 42)]), ink)
    k.far.drawCircle(ax + 1.8, 28.5, 0.9, fill(k.g.c("#b83a2a")))  # the seal
    k.far.drawOval(skia.Rect(ax + 4, y - 12, ax + 8, y - 6), fill(k.g.c("#4a5a6a")))
    k.far.drawLine(ax + 6, y - 12, ax + 4.5, y - 17, stroke(k.g.c("#4a6a3a"), 0.4))
    # fusuma on the left: sliding doors of painted paper, a round pull
    fx = k.w * 0.06
    for i in range(2):
        r = skia.Rect(fx + 1.2 + i * 13, 19, fx + 1.2 + (i + 1) * 13, y)
        k.far.drawRect(r, fill(k.g.c("#d8ccae")))
        k.far.drawRect(r, stroke(k.g.c("#3a2818"), 0.5))
        k.far.drawCircle(r.right() - 2.2, r.centerY() + 4, 0.8, stroke(k.g.c("#3a2818"), 0.35))
    k.far.drawPath(poly([(fx + 1.2, 52), (fx + 8, 44), (fx + 14, 49), (fx + 20, 42), (fx + 27.2, 50), (fx + 27.2, 56),
                         (fx + 1.2, 56)]), fill(k.g.c("#9aa08a", 0.6)))
    tatami(k, k.near, y)
    irori(k, k.near, k.w * 0.5, y + 6)
    if light == "lanterns":
        andon(k, k.mid, k.w * 0.3, y)
        chochin(k, k.far, k.w * 0.62, 24)
    elif light == "bulbs":
        hanging_lamp(k, k.far, k.w * 0.5, 14, cone=False)


def shoji(k: Kit, c: skia.Canvas, r: skia.Rect) -> None:
    """Paper screens in a fine wooden lattice (kumiko), lit from behind by the day outside, with a
    wooden kick panel at the foot of each; two panels a bay."""
    lit = {"day": 0.0, "dawn": 0.25, "dusk": 0.35}.get(k.tod, 0.6)
    paper = mix_hex(PAPER, "#2a3448", lit)  # a night outside greys the paper
    c.drawRect(r, fill(k.g.c(paper, lit=0.4)))
    if k.tod == "day":
        glow(c, r.centerX(), r.centerY(), r.width() * 0.6, k.g.c("#fff4d8", 0.3, lit=0))
    frame = k.g.c("#4a3422")
    thin = stroke(frame, 0.3)
    panels = max(2, round(r.width() / 12))
    pw = r.width() / panels
    kick = r.bottom() - 6
    for i in range(panels):
        x0 = r.left() + i * pw
        for j in range(1, 3):
            c.drawLine(x0 + j * pw / 3, r.top(), x0 + j * pw / 3, kick, thin)
        yy = r.top() + 6.0
        while yy < kick - 1:
            c.drawLine(x0, yy, x0 + pw, yy, thin)
            yy += 6.0
        c.drawRect(skia.Rect(x0, kick, x0 + pw, r.bottom()), fill(k.g.c("#6a4a2e")))
        c.drawRect(skia.Rect(x0, r.top(), x0 + pw, r.bottom()), stroke(frame, 0.9))


def tatami(k: Kit, c: skia.Canvas, y: float) -> None:
    """Tatami: pale straw mats, each edged with a dark cloth border, laid in perspective."""
    vgrad(c, skia.Rect(0, y, k.w, 100), [k.g.c("#9a9a5e"), k.g.c("#c8c088")])
    weave = stroke(k.g.c("#8a8a52", 0.5), 0.15)
    yy = y + 0.8
    while yy < 100:  # the straw's weave
        c.drawLine(0, yy, k.w, yy, weave)
        yy += 0.5 + (yy - y) * 0.04
    edge = k.g.c("#2a3222")
    rows = [y, y + 5, y + 13, y + 26, y + 46]
    vanish = k.w / 2
    for i, ry in enumerate(rows):
        c.drawLine(0, ry, k.w, ry, stroke(edge, 0.35 + 0.25 * i))
    for r in range(len(rows) - 1):
        t0, t1 = rows[r], rows[r + 1]
        f0, f1 = 0.5 + 1.3 * (t0 - y) / 30, 0.5 + 1.3 * (t1 - y) / 30
        step = 20.0 if r % 2 else 40.0  # mats laid long and short by turns
        off = 10.0 * (r % 2)
        for xa in np.arange(-200.0 + off, 200.0, step):
            c.drawLine(vanish + float(xa) * f0, t0, vanish + float(xa) * f1, t1, stroke(edge, 0.35 + 0.25 * r))


def irori(k: Kit, c: skia.Canvas, x: float, top: float) -> None:
    """A sunken hearth in the floor: a wooden frame round ash and glowing charcoal, an iron kettle
    hung over it from a pot-hook on a cord from the ceiling."""
    c.drawLine(x, 0, x, top - 8, stroke(k.g.c("#2a1e14"), 0.5))  # the jizai-kagi's pole and cord
    c.drawRect(skia.Rect(x - 0.7, top - 26, x + 0.7, top - 12), fill(k.g.c("#3a2818")))
    c.drawPath(poly([(x - 14, top), (x + 14, top), (x + 17, top + 6), (x - 17, top + 6)]), fill(k.g.c("#3a2818")))
    c.drawPath(poly([(x - 12, top + 0.8), (x + 12, top + 0.8), (x + 14.5, top + 5.2), (x - 14.5, top + 5.2)]),
               fill(k.g.c("#8a8274")))  # the ash
    for dx in (-5, -1, 3, 6):
        c.drawCircle(x + dx, top + 3.2, 1.0, fill(k.g.c("#ff7a2a", lit=0)))
    glow(c, x, top + 2, 14, k.g.c("#ff8a3a", 0.45, lit=0))
    c.drawLine(x, top - 12, x, top - 8, stroke(k.g.c("#222222"), 0.4))
    c.drawPath(poly([(x - 4.5, top - 8), (x + 4.5, top - 8), (x + 5.5, top - 3.5), (x + 3.5, top - 1.5),
                     (x - 3.5, top - 1.5), (x - 5.5, top - 3.5)]), fill(k.g.c("#1e1e20")))  # the kettle
    c.drawLine(x + 5.5, top - 5, x + 8, top - 6.5, stroke(k.g.c("#1e1e20"), 0.8))  # its spout
    for j in range(3):
        sx = x - 2 + j * 2
        c.drawLine(sx, top - 9, sx + 1.2, top - 15, stroke(k.g.c("#ffffff", 0.4, lit=0), 0.6))


def andon(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A paper floor lantern: a square wooden frame round a glowing paper shade."""
    c.drawRect(skia.Rect(x - 0.4, base - 6, x + 0.4, base), fill(k.g.c("#3a2818")))
    shade = skia.Rect(x - 3, base - 15, x + 3, base - 6)
    c.drawRect(shade, fill(k.g.c("#fff0c8", lit=0)))
    c.drawRect(shade, stroke(k.g.c("#3a2818"), 0.5))
    c.drawLine(x, base - 15, x, base - 6, stroke(k.g.c("#3a2818"), 0.3))
    glow(c, x, base - 10.5, 16, k.g.c("#ffc070", 0.55, lit=0))


def chochin(k: Kit, c: skia.Canvas, x: float, y: float) -> None:
    """A round paper lantern hung from the beam, ribbed, a dark cap and foot."""
    c.drawLine(x, 0, x, y - 4, stroke(k.g.c("#2a2420"), 0.4))
    c.drawOval(skia.Rect(x - 3, y - 4, x + 3, y + 4), fill(k.g.c("#fff0c8", lit=0)))
    rib = stroke(k.g.c("#c89a5a", 0.7), 0.2)
    for dy in (-2, 0, 2):
        c.drawLine(x - 2.6, y + dy, x + 2.6, y + dy, rib)
    c.drawRect(skia.Rect(x - 1.6, y - 4.6, x + 1.6, y - 3.6), fill(k.g.c("#2a2018")))
    c.drawRect(skia.Rect(x - 1.6, y + 3.6, x + 1.6, y + 4.6), fill(k.g.c("#2a2018")))
    glow(c, x, y, 16, k.g.c("#ffb860", 0.45, lit=0))


# --- the dry lands ------------------------------------------------------------------------------

def _dry_room(k: Kit, y: float, light: str) -> None:
    """Whitewash over a band of patterned tiles, a pointed arched window with a lattice, a niche
    with a brass jug, a cushioned divan along the wall and a patterned rug on the tiled floor."""
    plaster = "#dccdb0"
    wall(k, k.sky, plaster)
    zellige(k, k.sky, y - 11, y)
    arched_window(k, k.far, k.w * 0.5, 14, y - 16, plaster)
    nx = k.w * 0.2  # a niche in the wall, a brass jug in it
    niche = _arch_path(nx, 30, 44, 5.0)
    k.far.drawPath(niche, fill(k.g.c(mix_hex(plaster, "#5a4030", 0.45))))
    k.far.drawOval(skia.Rect(nx - 2.2, 38, nx + 2.2, 44), fill(k.g.c("#c8963a")))
    k.far.drawRect(skia.Rect(nx - 0.8, 35.5, nx + 0.8, 38.5), fill(k.g.c("#c8963a")))
    floor(k, k.near, y, "#b89a78", tiles=True)
    rug(k, k.near, k.w / 2, y)
    divan(k, k.mid, k.w * 0.78, y)
    if light == "lanterns":
        brass_lantern(k, k.far, k.w * 0.35, 16)
    elif light == "bulbs":
        hanging_lamp(k, k.far, k.w * 0.35, 16, cone=False)


def _arch_path(cx: float, top: float, bottom: float, hw: float) -> skia.Path:
    """A pointed arch (two arcs meeting at the top) over straight jambs, closed at the sill."""
    rise = hw * 1.5
    p = skia.Path()
    p.moveTo(cx - hw, bottom)
    p.lineTo(cx - hw, top + rise)
    p.quadTo(cx - hw, top + rise * 0.25, cx, top)
    p.quadTo(cx + hw, top + rise * 0.25, cx + hw, top + rise)
    p.lineTo(cx + hw, bottom)
    p.close()
    return p


def arched_window(k: Kit, c: skia.Canvas, cx: float, top: float, bottom: float, plaster: str) -> None:
    """A tall pointed arched window: the sky and the town's flat roofs through it, a carved wooden
    lattice (a mashrabiya) over its lower half, a deep reveal round it."""
    hw = 10.0
    arch = _arch_path(cx, top, bottom, hw)
    c.save()
    c.clipPath(arch, doAntiAlias=True)
    t, m, b = SKIES[k.tod]
    vgrad(c, skia.Rect(cx - hw, top, cx + hw, bottom), [k.g.c(t, lit=0), k.g.c(m, lit=0), k.g.c(b, lit=0)])
    roofs = fill(k.g.c("#b89468" if k.tod == "day" else "#3a3028"))
    for i, (dx, h) in enumerate(((-10, 9), (-4, 13), (3, 7), (7, 11))):
        c.drawRect(skia.Rect(cx + dx, bottom - h, cx + dx + 6.5, bottom), roofs)
    c.drawCircle(cx + 5, bottom - 16, 2.4, roofs)  # a dome beyond
    lattice = stroke(k.g.c("#5a3a22"), 0.5)
    mid = (top + bottom) / 2 + 2
    c.drawRect(skia.Rect(cx - hw, mid, cx + hw, bottom), fill(k.g.c("#6a4628", 0.55)))
    for d in np.arange(-2 * hw, 2 * hw, 2.6):  # the lattice's diagonals
        c.drawLine(cx + float(d), mid, cx + float(d) + (bottom - mid), bottom, lattice)
        c.drawLine(cx + float(d), bottom, cx + float(d) + (bottom - mid), mid, lattice)
    c.restore()
    c.drawPath(arch, stroke(k.g.c(mix_hex(plaster, "#000000", 0.35)), 1.8))
    c.drawRect(skia.Rect(cx - hw - 2, bottom, cx + hw + 2, bottom + 1.8), fill(k.g.c(mix_hex(plaster, "#000000", 0.2))))


def zellige(k: Kit, c: skia.Canvas, top: float, bottom: float) -> None:
    """A dado of glazed tiles: a band of blue, green and white diamonds between dark borders."""
    c.drawRect(skia.Rect(0, top, k.w, bottom), fill(k.g.c("#e8e0cc")))
    colours = [fill(k.g.c(col)) for col in ("#2a5a8a", "#2a7a5a", "#c8963a")]
    s = (bottom - top - 2) / 2
    for i, xx in enumerate(np.arange(0.0, k.w + s, 2 * s)):
        cx, cy = float(xx), top + 1 + s
        c.drawPath(poly([(cx, cy - s), (cx + s, cy), (cx, cy + s), (cx - s, cy)]), colours[i % 3])
        c.drawCircle(cx + s, cy, s * 0.3, colours[(i + 1) % 3])
    border = fill(k.g.c("#2a3a4a"))
    c.drawRect(skia.Rect(0, top, k.w, top + 1), border)
    c.drawRect(skia.Rect(0, bottom - 1, k.w, bottom), border)


def rug(k: Kit, c: skia.Canvas, cx: float, y: float) -> None:
    """A patterned rug laid on the floor in perspective: a deep red field, a border, a medallion."""
    outer = poly([(cx - 34, y + 5), (cx + 34, y + 5), (cx + 58, y + 27), (cx - 58, y + 27)])
    inner = poly([(cx - 30, y + 6.5), (cx + 30, y + 6.5), (cx + 51, y + 25), (cx - 51, y + 25)])
    c.drawPath(outer, fill(k.g.c("#2a3a5a")))
    c.drawPath(inner, fill(k.g.c("#8a2a22")))
    c.drawPath(inner, stroke(k.g.c("#d8b060"), 0.5))
    c.drawPath(poly([(cx, y + 9), (cx + 16, y + 15.5), (cx, y + 22), (cx - 16, y + 15.5)]), fill(k.g.c("#d8b060")))
    c.drawPath(poly([(cx, y + 11.5), (cx + 9, y + 15.5), (cx, y + 19.5), (cx - 9, y + 15.5)]), fill(k.g.c("#2a3a5a")))
    for f in (-0.7, 0.7):  # corner motifs
        c.drawCircle(cx + f * 40, y + 15.5, 1.8, fill(k.g.c("#d8b060")))


def divan(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A low divan along the wall: a long mattress and cushions in rich cloth, a bolster at the end."""
    c.drawRect(skia.Rect(x - 22, base - 6, x + 22, base), fill(k.g.c("#6a2a3a")))
    c.drawRect(skia.Rect(x - 22, base - 6.8, x + 22, base - 5.6), fill(k.g.c("#c8963a")))
    for i, col in enumerate(("#c8963a", "#2a5a8a", "#8a2a22", "#2a7a5a")):
        px = x - 18 + i * 11
        c.drawRoundRect(skia.Rect(px - 4.5, base - 15, px + 4.5, base - 6), 2, 2, fill(k.g.c(col)))
    c.drawRoundRect(skia.Rect(x + 19, base - 11, x + 24, base - 5), 2.5, 2.5, fill(k.g.c("#d8b060")))


def brass_lantern(k: Kit, c: skia.Canvas, x: float, y: float) -> None:
    """A pierced brass lantern on a chain, starry light scattered round it."""
    c.drawLine(x, 0, x, y - 4, stroke(k.g.c("#3a2a1a"), 0.4))
    c.drawPath(poly([(x - 1.5, y - 4), (x + 1.5, y - 4), (x + 3, y), (x + 2, y + 4), (x - 2, y + 4), (x - 3, y)]),
               fill(k.g.c("#b8863a")))
    c.drawPath(poly([(x - 2, y + 4), (x + 2, y + 4), (x, y + 6.5)]), fill(k.g.c("#b8863a")))
    for dx, dy in ((-1.2, -1), (1.2, -1), (0, 1.2), (-1.6, 2), (1.6, 2)):
        c.drawCircle(x + dx, y + dy, 0.45, fill(k.g.c("#ffe8a0", lit=0)))
    glow(c, x, y + 1, 14, k.g.c("#ffb850", 0.45, lit=0))
    for a in range(8):  # the pierced work's specks of light on the wall
        ang = a * math.pi / 4 + 0.3
        c.drawCircle(x + 10 * math.cos(ang), y + 1 + 8 * math.sin(ang), 0.5, fill(k.g.c("#ffd890", 0.5, lit=0)))


# --- South Asia ----------------------------------------------------------------------------------

def _south_asian_room(k: Kit, y: float, light: str) -> None:
    """A colour-washed room over a dark dado, a shuttered window round a jali, a niche with a diya, a
    dhurrie on the stone floor, and a charpoy (in a village, or before 1950) or a takht with
    bolsters along the wall; a ceiling fan under electric light."""
    wash = ("#5aa8b0", "#6a86c0", "#d8909a")[int(k.rng.integers(0, 3))]
    wall(k, k.sky, wash)
    k.sky.drawRect(skia.Rect(0, y - 10, k.w, y), fill(k.g.c(mix_hex(wash, "#2a1a10", 0.6))))  # the painted dado
    k.sky.drawRect(skia.Rect(0, y - 10.8, k.w, y - 10), fill(k.g.c("#e8d8b0")))
    jali_window(k, k.far, k.w * 0.5, 16, y - 20)
    nx = k.w * 0.2  # a niche with an oil lamp burning in it
    k.far.drawPath(_arch_path(nx, 34, 44, 4.0), fill(k.g.c(mix_hex(wash, "#3a2a1a", 0.55))))
    k.far.drawOval(skia.Rect(nx - 2, 42, nx + 2, 44), fill(k.g.c("#b8863a")))
    k.far.drawPath(poly([(nx - 0.6, 42.2), (nx, 39.4), (nx + 0.6, 42.2)]), fill(k.g.c("#ffd070", lit=0)))
    glow(k.far, nx, 41, 7, k.g.c("#ffb050", 0.5, lit=0))
    floor(k, k.near, y, "#b8aa94", tiles=True)
    dhurrie(k, k.near, k.w / 2, y)
    if k.rural or (k.year is not None and k.year < 1950):
        charpoy(k, k.mid, k.w * 0.78, y)
    else:
        takht(k, k.mid, k.w * 0.78, y)
    if light == "lanterns":
        brass_lantern(k, k.far, k.w * 0.35, 16)
    elif light == "bulbs":
        ceiling_fan(k, k.far, k.w * 0.5, 8)
        hanging_lamp(k, k.far, k.w * 0.3, 16, cone=False)


def jali_window(k: Kit, c: skia.Canvas, cx: float, top: float, bottom: float) -> None:
    """A window of two carved wooden shutters opened back on the wall, a pierced stone screen in it
    (rows of small holes showing the day's light) under a little arch."""
    hw = 9.0
    r = skia.Rect(cx - hw, top, cx + hw, bottom)
    t, m, b = SKIES[k.tod]
    vgrad(c, r, [k.g.c(t, lit=0), k.g.c(m, lit=0), k.g.c(b, lit=0)])
    screen = skia.Path()
    screen.addRect(r)
    holes = skia.Path()
    for yy in np.arange(top + 2.0, bottom - 1, 2.4):
        for xx in np.arange(cx - hw + 1.6 + (int((yy - top) / 2.4) % 2) * 1.2, cx + hw - 1, 2.4):
            holes.addCircle(float(xx), float(yy), 0.75)
    screen = skia.Op(screen, holes, skia.PathOp.kDifference_PathOp) or screen
    c.drawPath(screen, fill(k.g.c("#d8c8a8")))
    c.drawRect(r, stroke(k.g.c("#6a4a2a"), 1.2))
    c.drawArc(skia.Rect(cx - hw, top - hw * 0.6, cx + hw, top + hw * 0.6), 180, 180, True, fill(k.g.c("#d8c8a8")))
    wood = fill(k.g.c("#7a4a26"))
    for side in (-1, 1):  # the shutters, opened back against the wall, carved in panels
        x0 = cx + side * (hw + 1)
        leaf = skia.Rect(min(x0, x0 + side * 7), top, max(x0, x0 + side * 7), bottom)
        c.drawRect(leaf, wood)
        for f in (0.25, 0.62):
            yy = top + (bottom - top) * f
            c.drawRect(skia.Rect(leaf.left() + 1, yy, leaf.right() - 1, yy + (bottom - top) * 0.28),
                       stroke(k.g.c("#4a2a12"), 0.4))


def dhurrie(k: Kit, c: skia.Canvas, cx: float, y: float) -> None:
    """A flat-woven cotton dhurrie laid in perspective: indigo and cream stripes, a red border."""
    outer = poly([(cx - 32, y + 5), (cx + 32, y + 5), (cx + 54, y + 27), (cx - 54, y + 27)])
    c.drawPath(outer, fill(k.g.c("#b83a2a")))
    inner = poly([(cx - 29, y + 6.5), (cx + 29, y + 6.5), (cx + 48, y + 25), (cx - 48, y + 25)])
    c.drawPath(inner, fill(k.g.c("#ece2c8")))
    c.save()
    c.clipPath(inner, doAntiAlias=True)
    band = fill(k.g.c("#2a3a7a"))
    for yy in np.arange(y + 8.0, y + 26, 4.2):
        c.drawRect(skia.Rect(cx - 60, float(yy), cx + 60, float(yy) + 1.8), band)
    c.restore()


def charpoy(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A charpoy: a wooden frame strung with a criss-cross of rope on four turned legs, a folded
    quilt and a pillow on it."""
    wood = fill(k.g.c("#7a5230"))
    for px in (x - 18, x + 16.5):
        c.drawRect(skia.Rect(px, base - 8, px + 1.5, base), wood)
        c.drawOval(skia.Rect(px - 0.4, base - 5, px + 1.9, base - 3.2), wood)  # the turned leg's bulge
    c.drawRect(skia.Rect(x - 19, base - 10, x + 19, base - 8), wood)
    c.drawRect(skia.Rect(x - 18, base - 12, x + 18, base - 10), fill(k.g.c("#d8c498")))  # the rope web
    rope = stroke(k.g.c("#9a8050"), 0.3)
    for dx in np.arange(-18.0, 18.0, 1.8):
        c.drawLine(x + float(dx), base - 12, x + float(dx) + 1.8, base - 10, rope)
        c.drawLine(x + float(dx) + 1.8, base - 12, x + float(dx), base - 10, rope)
    c.drawRoundRect(skia.Rect(x + 4, base - 15, x + 16, base - 11.5), 1.2, 1.2, fill(k.g.c("#c83a4a")))  # the quilt
    c.drawRoundRect(skia.Rect(x - 17, base - 14.5, x - 10, base - 11.5), 1.5, 1.5, fill(k.g.c("#f0e8d8")))


def takht(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A low wooden takht along the wall, a white sheet on its mattress, round bolsters at its ends."""
    c.drawRect(skia.Rect(x - 20, base - 7, x + 20, base), fill(k.g.c("#5a3418")))
    c.drawRect(skia.Rect(x - 20, base - 10, x + 20, base - 7), fill(k.g.c("#f0ece0")))
    for bx in (x - 17, x + 17):
        c.drawRoundRect(skia.Rect(bx - 3.2, base - 14, bx + 3.2, base - 9.5), 2.2, 2.2, fill(k.g.c("#c8963a")))


def ceiling_fan(k: Kit, c: skia.Canvas, x: float, y: float) -> None:
    """A ceiling fan on its rod: a hub and three long blades seen from below and to the side."""
    c.drawLine(x, 0, x, y, stroke(k.g.c("#3a3a3a"), 0.5))
    blade = fill(k.g.c("#6a5a48"))
    for dx, dy in ((-15, 1.2), (15, 1.2), (4, 2.6)):
        c.drawPath(poly([(x, y), (x + dx, y + dy - 0.8), (x + dx, y + dy + 0.6)]), blade)
    c.drawOval(skia.Rect(x - 2.4, y - 1, x + 2.4, y + 1.8), fill(k.g.c("#8a8a8a")))


def chulha(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A chulha: a low U-shaped stove of clay on the floor, the fire in its mouth, a round-bottomed
    pot and a flat iron tawa on it, smoke going up."""
    clay = fill(k.g.c("#b87a4e"))
    c.drawRoundRect(skia.Rect(x - 12, base - 7, x + 12, base), 2.5, 2.5, clay)
    c.drawRoundRect(skia.Rect(x - 6, base - 5, x + 2, base), 2, 2, fill(k.g.c("#2a1208")))
    c.drawPath(poly([(x - 5, base), (x - 3, base - 4), (x - 1.5, base - 2.5), (x, base - 4.5), (x + 1.5, base)]),
               fill(k.g.c("#ff9a2a", lit=0)))
    glow(c, x - 2, base - 3, 12, k.g.c("#ff8a2a", 0.5, lit=0))
    c.drawOval(skia.Rect(x - 10, base - 14, x - 1, base - 6), fill(k.g.c("#a8702a")))  # a brass pot
    c.drawRect(skia.Rect(x - 7.5, base - 15, x - 3.5, base - 13.5), fill(k.g.c("#8a5a1e")))
    c.drawOval(skia.Rect(x + 2, base - 8.6, x + 12, base - 7), fill(k.g.c("#1e1e20")))  # the tawa
    for j in range(3):
        sx = x - 7 + j * 2.4
        c.drawLine(sx, base - 16, sx + 1.5, base - 24, stroke(k.g.c("#ffffff", 0.4, lit=0), 0.7))


def low_bed(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """The dry lands' bed: a low platform near the floor, a mattress heaped with a patterned quilt,
    bolsters and cushions (no bedstead, no headboard)."""
    c.drawRect(skia.Rect(x - 18, base - 4, x + 18, base), fill(k.g.c("#5a3a22")))
    c.drawRect(skia.Rect(x - 17, base - 8, x + 17, base - 4), fill(k.g.c("#e8dcc4")))
    c.drawRect(skia.Rect(x - 6, base - 9, x + 17.5, base - 4), fill(k.g.c("#8a2a32")))  # the quilt
    c.drawRect(skia.Rect(x - 6, base - 6.8, x + 17.5, base - 6), fill(k.g.c("#d8b060")))
    c.drawRoundRect(skia.Rect(x - 16, base - 12, x - 9, base - 8), 2, 2, fill(k.g.c("#2a5a8a")))
    c.drawRoundRect(skia.Rect(x - 11, base - 11, x - 5, base - 8), 2, 2, fill(k.g.c("#c8963a")))


# --- Africa south of the Sahara -----------------------------------------------------------------

def _mud_room(k: Kit, y: float, light: str) -> None:
    """Red-brown mud walls under a thatched roof on poles, a small unglazed opening, woven mats on
    the beaten earth, clay pots and a low stool."""
    mud = "#9a5e3a"
    wall(k, k.sky, mud)
    for _ in range(int(k.w * 0.25)):  # the hand-smoothed mud's sweeps
        px, py = float(k.rng.uniform(0, k.w)), float(k.rng.uniform(14, y))
        shade = mix_hex(mud, ("#000000", "#e8b080")[int(k.rng.integers(0, 2))], float(k.rng.uniform(0.04, 0.1)))
        k.sky.drawOval(skia.Rect(px - 7, py - 2, px + 7, py + 2), fill(k.g.c(shade, 0.35)))
    k.sky.drawRect(skia.Rect(0, y - 6, k.w, y), fill(k.g.c(mix_hex(mud, "#000000", 0.25))))  # a darker plinth
    thatch = "#b08a4a"
    k.far.drawRect(skia.Rect(0, 0, k.w, 14), fill(k.g.c(thatch)))  # the thatch seen from under
    straw = stroke(k.g.c(mix_hex(thatch, "#3a2a12", 0.4)), 0.3)
    for xx in np.arange(0.0, k.w, 1.6):
        k.far.drawLine(float(xx), 0, float(xx) + float(k.rng.uniform(-1.5, 1.5)), 14 + float(k.rng.uniform(-1, 1.5)),
                       straw)
    pole = fill(k.g.c("#5a3a20"))
    k.far.drawRect(skia.Rect(0, 13, k.w, 15), pole)
    for xx in np.arange(k.w * 0.12, k.w, k.w * 0.38):
        k.far.drawRect(skia.Rect(float(xx) - 1.2, 13, float(xx) + 1.2, y), pole)
    opening(k, k.far, skia.Rect(k.w * 0.5 - 8, 26, k.w * 0.5 + 8, 40), mud)
    floor(k, k.near, y, "#8a6440")
    mats(k, k.near, k.w / 2, y)
    for i, (dx, s) in enumerate(((-4, 6.0), (3, 4.5), (9, 5.0))):  # clay pots against the wall
        px = k.w * 0.8 + dx
        k.mid.drawOval(skia.Rect(px - s / 2, y - s, px + s / 2, y), fill(k.g.c(("#7a3a22", "#5a2a1a", "#8a4a2a")[i])))
        k.mid.drawRect(skia.Rect(px - s / 5, y - s - 1, px + s / 5, y - s + 0.6), fill(k.g.c("#5a2a1a")))
    sx = k.w * 0.22  # a low three-legged stool
    k.mid.drawOval(skia.Rect(sx - 4, y - 5, sx + 4, y - 3.4), fill(k.g.c("#6a4222")))
    for dx in (-3, 0, 3):
        k.mid.drawLine(sx + dx * 0.8, y - 3.6, sx + dx, y, stroke(k.g.c("#5a3418"), 0.7))
    if light == "lanterns" or (light == "bulbs" and k.tod in ("night", "dusk")):
        lamp = k.w * 0.34  # a hurricane lamp hung from the pole
        k.far.drawLine(lamp, 15, lamp, 20, stroke(k.g.c("#2a2420"), 0.3))
        k.far.drawOval(skia.Rect(lamp - 1.5, 20, lamp + 1.5, 24.5), fill(k.g.c("#ffd890", lit=0)))
        glow(k.far, lamp, 22, 16, k.g.c("#ffb050", 0.45, lit=0))


def opening(k: Kit, c: skia.Canvas, r: skia.Rect, wall_color: str) -> None:
    """A small unglazed opening in a thick wall: the sky and the bush beyond, no frame or panes."""
    t, m, b = SKIES[k.tod]
    c.save()
    c.clipRect(r)
    vgrad(c, r, [k.g.c(t, lit=0), k.g.c(m, lit=0), k.g.c(b, lit=0)])
    c.drawRect(skia.Rect(r.left(), r.bottom() - r.height() * 0.3, r.right(), r.bottom()), fill(k.g.c("#8a7a42")))
    c.restore()
    c.drawRect(r, stroke(k.g.c(mix_hex(wall_color, "#000000", 0.45)), 1.6))


def mats(k: Kit, c: skia.Canvas, cx: float, y: float) -> None:
    """Woven mats on the earth floor: straw-coloured, in perspective, with a dyed stripe or two and
    the weave's criss-cross."""
    for i, (x0, w, near) in enumerate(((cx - 50, 40, 22), (cx + 6, 44, 18))):
        top, bot = y + 4 + i * 3, y + 4 + i * 3 + near
        pts = [(x0, top), (x0 + w, top), (x0 + w * 1.25, bot), (x0 - w * 0.25, bot)]
        mat = poly(pts)
        c.drawPath(mat, fill(k.g.c("#c8a868")))
        c.save()
        c.clipPath(mat, doAntiAlias=True)
        weave = stroke(k.g.c("#9a7a40", 0.7), 0.25)
        for d in np.arange(-30.0, w + 30, 2.2):
            c.drawLine(x0 + float(d), top, x0 + float(d) + near, bot, weave)
            c.drawLine(x0 + float(d), bot, x0 + float(d) + near, top, weave)
        for f, col in ((0.3, "#8a2a22"), (0.7, "#2a4a3a")):
            yy = top + (bot - top) * f
            c.drawRect(skia.Rect(x0 - w, yy - 0.7, x0 + 2 * w, yy + 0.7), fill(k.g.c(col)))
        c.restore()


# --- the set pieces of a home, in the region's way ----------------------------------------------

def hearth(k: Kit, c: skia.Canvas, x: float, base: float) -> bool:
    """A fireplace where the region has none: an irori sunk in the floor (East Asia; none more where
    the room has one already), a brass brazier of coals (the dry lands), a clay chulha (South Asia),
    a three-stone fire (Africa). False where the region's homes have fireplaces (nothing is drawn)."""
    return _regional(HEARTHS, k, c, x, base)


def stove(k: Kit, c: skia.Canvas, x: float, base: float) -> bool:
    """A kitchen's stove where the region cooked otherwise than on a range or a European hearth: a
    clay kamado with pots on its fire holes (East Asia), a domed clay oven beside a brazier (the dry
    lands), a chulha with a pot and a tawa (South Asia), a pot on a three-stone fire (Africa). False
    elsewhere (nothing is drawn)."""
    return _regional(STOVES, k, c, x, base)


def bed(k: Kit, c: skia.Canvas, x: float, base: float) -> bool:
    """A bed where the region slept otherwise than in a bedstead: a futon and quilt laid on the mats
    (East Asia), a low bed heaped with quilts and bolsters (the dry lands), a charpoy (South Asia),
    a sleeping mat with a rolled blanket (Africa). False elsewhere (nothing is drawn)."""
    return _regional(BEDS, k, c, x, base)


def _regional(pieces: "dict[str, Piece]", k: Kit, c: skia.Canvas, x: float, base: float) -> bool:
    """Draw the region's own piece of ``pieces`` where the room is the region's (the room drawn: a
    plain one in any era; else the era's home_style); False where it is Europe's."""
    style = k.home or home_style(k)
    if style not in pieces:
        return False
    pieces[style](k, c, x, base)
    return True


def _irori_unless_drawn(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    if k.home != "east_asia":  # (the region's room has its irori in the middle of the floor)
        irori(k, k.near, x, base + 5)


def _oven_and_brazier(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    clay_oven(k, c, x - 6, base)
    brazier(k, c, x + 14, base)


def floor_bed(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A bed laid on the floor: a futon and a patterned quilt on the mats (East Asia), a sleeping
    mat with a blanket and a rolled pillow (Africa)."""
    y = base + 3  # laid on the floor, in front of the wall's foot (the near layer: the floor's)
    east = k.home == "east_asia" or k.region == "east_asia"
    quilt, sheet = ("#3a5a8a", "#f0ead8") if east else ("#c87a2a", "#c8a868")
    k.near.drawPath(poly([(x - 14, y), (x + 14, y), (x + 17, y + 9), (x - 17, y + 9)]), fill(k.g.c(sheet)))
    k.near.drawPath(poly([(x - 6, y - 0.4), (x + 14.5, y - 0.4), (x + 17.5, y + 9.4), (x - 7, y + 9.4)]),
                    fill(k.g.c(quilt)))
    if east:
        pattern = stroke(k.g.c("#d8dce8", 0.6), 0.3)
        for f in (0.3, 0.6):
            k.near.drawLine(x - 6 + 20.5 * f, y, x - 7 + 24.5 * f, y + 9, pattern)
        k.near.drawRoundRect(skia.Rect(x - 13, y + 1.5, x - 8, y + 4.5), 1.2, 1.2, fill(k.g.c("#e8dcc0")))
    else:
        k.near.drawRoundRect(skia.Rect(x - 14, y + 1, x - 9, y + 8), 2.4, 2.4, fill(k.g.c("#8a2a22")))


def kamado(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A kamado: a long clay stove plastered white, two fire mouths glowing at its foot, a black iron
    rice pot under a wooden lid and a kettle on its holes, smoke rising."""
    body = skia.Rect(x - 18, base - 14, x + 18, base)
    c.drawRoundRect(body, 2.5, 2.5, fill(k.g.c("#d8d0c0")))
    c.drawRect(skia.Rect(x - 18, base - 14, x + 18, base - 12.5), fill(k.g.c("#8a8070")))
    for dx in (-9, 9):
        mouth = skia.Path()
        mouth.addRoundRect(skia.Rect(x + dx - 4, base - 8, x + dx + 4, base), 3, 3)
        c.drawPath(mouth, fill(k.g.c("#2a1208")))
        c.drawPath(poly([(x + dx - 3, base), (x + dx - 1, base - 5), (x + dx + 1, base - 3), (x + dx + 3, base)]),
                   fill(k.g.c("#ff9a2a", lit=0)))
        glow(c, x + dx, base - 3, 10, k.g.c("#ff8a2a", 0.5, lit=0))
    c.drawPath(poly([(x - 15, base - 14), (x - 3, base - 14), (x - 4, base - 21), (x - 14, base - 21)]),
               fill(k.g.c("#1e1e20")))  # the rice pot
    c.drawOval(skia.Rect(x - 16, base - 23.5, x - 2, base - 20.5), fill(k.g.c("#8a6a42")))  # its wooden lid
    c.drawRect(skia.Rect(x - 9.6, base - 25, x - 8.4, base - 23), fill(k.g.c("#6a4a2a")))
    c.drawPath(poly([(x + 4, base - 14), (x + 14, base - 14), (x + 13, base - 19), (x + 5, base - 19)]),
               fill(k.g.c("#2a2a2c")))
    for j in range(3):
        sx = x - 12 + j * 3
        c.drawLine(sx, base - 25, sx + 1.5, base - 33, stroke(k.g.c("#ffffff", 0.45, lit=0), 0.7))


def three_stones(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A cooking fire on three stones, a round clay pot on them, firewood pushed in, smoke going up."""
    stone = fill(k.g.c("#6a625a"))
    for dx in (-7, 0, 7):
        c.drawOval(skia.Rect(x + dx - 3, base - 6, x + dx + 3, base), stone)
    for a in (-0.35, 0.35):  # sticks pushed into the fire
        c.drawLine(x - 14 * math.cos(a), base - 0.5 + 3 * math.sin(a), x, base - 3, stroke(k.g.c("#5a3a1e"), 1.0))
    c.drawPath(poly([(x - 4, base - 2), (x - 1.5, base - 8), (x, base - 5), (x + 1.5, base - 9), (x + 4, base - 2)]),
               fill(k.g.c("#ff9a2a", lit=0)))
    glow(c, x, base - 4, 16, k.g.c("#ff8a2a", 0.5, lit=0))
    c.drawOval(skia.Rect(x - 8, base - 17, x + 8, base - 5), fill(k.g.c("#3a2418")))  # the pot
    c.drawRect(skia.Rect(x - 5, base - 18, x + 5, base - 16), fill(k.g.c("#2a1a10")))
    for j in range(3):
        sx = x - 3 + j * 3
        c.drawLine(sx, base - 19, sx + 1.5, base - 27, stroke(k.g.c("#ffffff", 0.4, lit=0), 0.7))


def brazier(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A brass brazier: a wide bowl of glowing coals on short legs, a coffee pot warming on it."""
    brass = fill(k.g.c("#b8863a"))
    for dx in (-4, 4):
        c.drawLine(x + dx, base, x + dx * 0.7, base - 4, stroke(k.g.c("#8a6028"), 0.8))
    c.drawPath(poly([(x - 7, base - 8), (x + 7, base - 8), (x + 4.5, base - 4), (x - 4.5, base - 4)]), brass)
    for dx in (-4, -1.5, 1, 3.5):
        c.drawCircle(x + dx, base - 8.3, 0.9, fill(k.g.c("#ff6a2a", lit=0)))
    glow(c, x, base - 8, 11, k.g.c("#ff8a3a", 0.45, lit=0))
    c.drawPath(poly([(x - 2, base - 9), (x + 2, base - 9), (x + 1.2, base - 14), (x - 1.2, base - 14)]), brass)
    c.drawLine(x + 1.5, base - 13, x + 4, base - 15, stroke(k.g.c("#b8863a"), 0.5))  # the dallah's spout


def clay_oven(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A domed clay oven (a tannur), a round mouth near the top glowing, flatbread by it."""
    c.drawPath(poly([(x - 9, base), (x - 7, base - 14), (x + 7, base - 14), (x + 9, base)]), fill(k.g.c("#b8845a")))
    c.drawArc(skia.Rect(x - 7, base - 20, x + 7, base - 8), 180, 180, True, fill(k.g.c("#b8845a")))
    c.drawOval(skia.Rect(x - 3.5, base - 17, x + 3.5, base - 13), fill(k.g.c("#2a1208")))
    glow(c, x, base - 15, 9, k.g.c("#ff8a2a", 0.5, lit=0))
    c.drawOval(skia.Rect(x - 8, base - 3.5, x - 1, base - 1.5), fill(k.g.c("#e0b878")))


#: A set piece drawn the region's way: (kit, canvas, x, base).
Piece = Callable[[Kit, skia.Canvas, float, float], None]
#: Each region's fire, stove and bed (hearth, stove, bed).
HEARTHS: dict[str, Piece] = {"east_asia": _irori_unless_drawn, "dry": brazier, "south_asia": chulha,
                             "africa": three_stones}
STOVES: dict[str, Piece] = {"east_asia": kamado, "dry": _oven_and_brazier, "south_asia": chulha,
                            "africa": three_stones}
BEDS: dict[str, Piece] = {"east_asia": floor_bed, "dry": low_bed, "south_asia": charpoy, "africa": floor_bed}
