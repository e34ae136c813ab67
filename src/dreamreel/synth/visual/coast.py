"""The sea coast and the lighthouse: rocks and surf under a lighthouse tower, a cliff over the sea,
a wreck on the rocks, a lighthouse's lamp room (the great lens inside its ring of windows on the
sea) and its gallery (a railed walkway high over the water).

Found from a place's words like any set piece (dressing.PIECES: "rocks", "cliff", "wreck",
"light_tower", "railing"); where the place looks on the sea (dressing.view_of) an open-air place
with rocks, a cliff, a wreck or a lighthouse in its words is drawn as that shore (``shore``), and a
high place with a railed walkway as the gallery (``gallery``); elsewhere the rocks, the wreck and
the tower stand as pieces. The lamp room is a room (rooms.VENUES, wall "lantern": ``lantern``).
The sea follows the shot's weather: a storm or rain heaps it into grey swell and breakers, flings
spray off the rocks and streams rain down the lamp room's glass.
"""

from __future__ import annotations

import math

import numpy as np
import skia

from .paint import fill, glow, poly, stroke, vgrad
from .settings import WINDOW, Kit, draw_sky, ground, mix_hex

#: The coast's set pieces: what makes an open-air place on the sea a shore, and a high one a gallery.
SHORE_PIECES = frozenset({"rocks", "cliff", "wreck", "light_tower"})
COAST_PIECES = SHORE_PIECES | {"railing"}
#: Kinds of place drawn as the shore where their words name a cliff, a wreck or a lighthouse and they
#: look on the sea (a beach's rocks too; a ship's deck, a town's street or a room stay what they are).
SHORE_KINDS = frozenset({"beach", "mountain", "forest", "desert", "ruins"})
#: Kinds of place where the coast's pieces may stand at all (in the open air).
OPEN_KINDS = SHORE_KINDS | {"sea", "rooftop", "village"}
#: What each set draws itself, so that it is not dressed on again: a harbour's boats are on its water.
OWN: dict[str, frozenset[str]] = {"harbour": COAST_PIECES | {"boat"}}


def heavy(k: Kit) -> bool:
    """The sea is up: a storm or rain heaps it into swell and breakers."""
    return k.weather in ("storm", "rain")


def coast_set(kind: str, view: str, dressing: "list[str]", weather: str = "clear") -> str | None:
    """How a place of ``kind`` that looks on ``view``, dressed with ``dressing``, is drawn here in
    ``weather`` (the caller leaves out places on the Moon or Mars): "shore" (rocks, a cliff, a wreck or a lighthouse on the sea, or a beach the sea is
    heaped on by a storm), "harbour" (a village on the sea: its cottages down to the harbour), "quay" (a harbour's: boats on the water inside its wall), "gallery" (a
    railed walkway high over the sea), or None (the kind's own drawing)."""
    if kind == "beach" and view not in ("wreck", "underwater") and SHORE_PIECES & set(dressing):
        return "shore"  # (a beach is on the water whatever its words say of the view: "the rocks below" in Maine)
    if view != "sea":
        return None
    if kind == "village":  # a village on the sea is its harbour (its lighthouse, cliff or wreck about it)
        return "harbour"
    if kind in SHORE_KINDS and (SHORE_PIECES - {"rocks"}) & set(dressing):  # (a mountain's rocks are its own)
        return "shore"
    if kind == "beach" and "boat" in dressing:
        return "quay"
    if kind == "beach" and weather in ("storm", "rain"):
        return "shore"
    if kind == "rooftop" and "railing" in dressing:
        return "gallery"
    return None


def draw_set(k: Kit, which: str, dressing: "list[str]", *, sand: bool = False) -> None:
    """Draw the set ``which`` (coast_set); ``sand``: the shore is a beach's (sand underfoot)."""
    if which == "gallery":
        gallery(k, dressing)
    elif which == "quay":
        quay(k, dressing)
    elif which == "harbour":
        harbour(k, dressing)
    else:
        shore(k, dressing, sand=sand)


# --- the sea ---------------------------------------------------------------------------------------

def sea_band(k: Kit, c: skia.Canvas, top: float, bottom: float, x0: float = 0.0, x1: float | None = None) -> None:
    """Open sea from the horizon (``top``) down to ``bottom``: blue-grey on a fair day, dark slate
    heaped into swell with white crests in a storm, the crests larger and nearer the foot."""
    x1 = k.w if x1 is None else x1
    rough = heavy(k)
    if rough:
        cols = ("#3a4a52", "#1c2a30") if k.tod == "day" else ("#2a363e", "#10181e")
    elif k.night:
        cols = ("#1e3448", "#0c1a28")
    else:
        cols = ("#3a6a88", "#1a3a54")
    r = skia.Rect(x0, top, x1, bottom)
    vgrad(c, r, [k.g.c(cols[0]), k.g.c(cols[1])])
    c.save()
    c.clipRect(r)
    depth = bottom - top
    rows = 9 if rough else 6
    trough = fill(k.g.c(mix_hex(cols[1], "#000000", 0.3), 0.6))
    for i in range(rows):
        f = (i + 1) / rows  # 0 at the horizon, 1 at the foot: nearer crests are bigger
        y = top + depth * f ** 1.4
        step = 9.0 + 26.0 * f
        size = (1.2 + 5.0 * f) * (1.6 if rough else 1.0)
        alpha = (0.55 if rough else 0.35) + 0.3 * f
        white = k.g.c("#dfe8ea" if rough else "#cfe4f0", alpha)  # (a row's paints made once: a crest is cheap)
        crest_paint = fill(white)
        streak = stroke(skia.ColorSetA(white, int(alpha * 127)), 0.25 + 0.25 * f) if rough else \
            stroke(white, 0.3 + 0.2 * f)
        for x in np.arange(x0 + float(k.rng.uniform(0, step)), x1, step):
            x = float(x) + float(k.rng.uniform(-step * 0.2, step * 0.2))
            if rough:  # a swell's dark trough under a curling crest of foam, blown into streaks
                length = size * float(k.rng.uniform(1.6, 3.0))
                crest = skia.Path()
                crest.moveTo(x - length, y + size * 0.25)
                crest.quadTo(x - length * 0.2, y - size * 0.5, x + length * 0.6, y - size * 0.1)
                crest.quadTo(x + length * 0.2, y + size * 0.05, x - length, y + size * 0.25)
                c.drawOval(skia.Rect(x - length, y + size * 0.15, x + length, y + size * 0.75), trough)
                c.drawPath(crest, crest_paint)
                c.drawLine(x + length * 0.7, y + size * 0.1, x + length * 1.6, y + size * 0.2, streak)
            else:
                c.drawLine(x, y, x + size, y, streak)
    c.restore()


def breakers(k: Kit, c: skia.Canvas, y: float, x0: float, x1: float) -> None:
    """Surf breaking along a line: a ragged band of white foam (tall and wild in a storm)."""
    tall = 4.5 if heavy(k) else 1.8
    pts = [(x0, y + 1.5)]
    for x in np.arange(x0, x1 + 3.0, 3.0):
        pts.append((float(x), y - tall * float(k.rng.uniform(0.3, 1.0))))
    pts.append((x1, y + 1.5))
    c.drawPath(poly(pts), fill(k.g.c("#e8eeee", 0.85)))
    c.drawRect(skia.Rect(x0, y + 0.5, x1, y + 2.2), fill(k.g.c("#f4f8f8", 0.6)))


def spray(k: Kit, c: skia.Canvas, x: float, y: float, size: float) -> None:
    """A plume of spray flung up off a rock by a breaking sea."""
    drop = fill(k.g.c("#eef4f4", 0.45))
    for _ in range(7):
        dx = float(k.rng.uniform(-0.6, 0.6)) * size
        dy = float(k.rng.uniform(0.2, 1.0)) * size
        r = size * float(k.rng.uniform(0.25, 0.45))
        c.drawCircle(x + dx, y - dy, r, drop)
    glow(c, x, y - size * 0.6, size * 1.2, k.g.c("#e8f0f0", 0.35))


def crag(k: Kit, c: skia.Canvas, x: float, base: float, w: float, h: float, color: str) -> None:
    """One jagged black rock, its top lit a little lighter, standing on ``base``."""
    n = 6
    pts = [(x - w / 2, base)]
    for i in range(1, n):
        px = x - w / 2 + w * i / n
        bump = math.sin(math.pi * i / n)
        pts.append((px + float(k.rng.uniform(-w, w)) * 0.05, base - h * bump * float(k.rng.uniform(0.7, 1.05))))
    pts.append((x + w / 2, base))
    c.drawPath(poly(pts), fill(k.g.c(color)))
    c.drawPath(poly(pts[1:-1]), stroke(k.g.c(mix_hex(color, "#b8c0c4", 0.35)), 0.5))


# --- the pieces --------------------------------------------------------------------------------------

def rocks(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A cluster of dark rocks (with surf at their foot where the sea is up)."""
    for dx, w, h in ((-10, 14, 9), (2, 18, 14), (13, 11, 7)):
        crag(k, c, x + dx, base, w, h, "#2a2c30")
    if heavy(k) and k.view == "sea":
        breakers(k, c, base - 1, x - 18, x + 20)


def far_light(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A lighthouse seen from afar (a set piece): on its rock out at the sea's edge, above the
    floor line (``base``), so that from a deck, a village or a beach it stands off, not among the people."""
    y = min(base, 60.0) - 4
    crag(k, c, x, y + 3, 16, 5, "#2a2c30")
    light_tower(k, c, x, y, y - 30)


def light_tower(k: Kit, c: skia.Canvas, x: float, base: float, top: float = 8.0) -> None:
    """A lighthouse: a tapering white tower banded red, the railed gallery round its top and the
    glazed lantern above with the lamp lit (its beam sweeping out at night or in a storm)."""
    h = base - top
    bw, tw = h * 0.11, h * 0.07
    body = poly([(x - bw, base), (x - tw, top + h * 0.16), (x + tw, top + h * 0.16), (x + bw, base)])
    c.drawPath(body, fill(k.g.c("#e8e6e0")))
    c.save()
    c.clipPath(body, doAntiAlias=True)
    for j in (0.28, 0.58):  # red bands
        y = top + h * j
        c.drawRect(skia.Rect(x - bw, y, x + bw, y + h * 0.13), fill(k.g.c("#b0302a")))
    c.drawRect(skia.Rect(x, top, x + bw, base), fill(k.g.c("#000000", 0.16)))  # the shaded side
    c.restore()
    gy = top + h * 0.16
    c.drawRect(skia.Rect(x - tw * 1.6, gy - 1.2, x + tw * 1.6, gy), fill(k.g.c("#2a2a2e")))  # the gallery
    c.drawLine(x - tw * 1.6, gy - 3.2, x + tw * 1.6, gy - 3.2, stroke(k.g.c("#2a2a2e"), 0.35))
    lit = k.night or heavy(k) or k.tod in ("dusk", "dawn")
    lamp = skia.Rect(x - tw * 0.8, top + h * 0.05, x + tw * 0.8, gy - 1.2)
    c.drawRect(lamp, fill(k.g.c("#fff2b0", lit=0) if lit else k.g.c("#9ab0b8")))
    c.drawPath(poly([(x - tw * 1.1, top + h * 0.05), (x, top), (x + tw * 1.1, top + h * 0.05)]),
               fill(k.g.c("#2a2a2e")))
    if lit:
        cy = (lamp.top() + lamp.bottom()) / 2
        glow(c, x, cy, h * 0.25, k.g.c("#fff0b0", 0.7, lit=0))
        beam = skia.Paint(Color=k.g.c("#fff4c8", 0.22, lit=0), BlendMode=skia.BlendMode.kPlus, AntiAlias=True)
        c.drawPath(poly([(x, cy - 0.8), (x + h * 1.6, cy - h * 0.2), (x + h * 1.6, cy + h * 0.12), (x, cy + 0.8)]), beam)


def cliff(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A cliff's face rising beside the place, grass on its top."""
    face = poly([(x - 16, base), (x - 12, base - 30), (x - 2, base - 36), (x + 14, base - 33), (x + 18, base)])
    c.drawPath(face, fill(k.g.c("#5a554c")))
    c.drawPath(poly([(x - 12, base - 30), (x - 2, base - 36), (x + 14, base - 33), (x + 14, base - 31),
                     (x - 12, base - 28)]), fill(k.g.c("#5a6a3a")))
    for dy in (8.0, 17.0, 25.0):  # the strata
        c.drawLine(x - 14, base - dy, x + 16, base - dy - 1, stroke(k.g.c("#3e3a34"), 0.4))


def wreck(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A ship wrecked on the rocks: the hull heeled over and broken, a mast snapped and leaning."""
    hull = poly([(x - 22, base), (x - 20, base - 10), (x + 14, base - 16), (x + 24, base - 8), (x + 20, base)])
    c.drawPath(hull, fill(k.g.c("#3a2a1e")))
    plank = stroke(k.g.c("#22180f"), 0.4)
    for j in range(1, 4):
        c.drawLine(x - 20, base - j * 3, x + 20, base - 3 - j * 3.6, plank)
    c.drawPath(poly([(x - 2, base - 11), (x + 7, base - 13), (x + 8, base - 5), (x - 1, base - 4)]),
               fill(k.g.c("#0e0a08")))  # the hole stove in
    c.drawLine(x - 4, base - 13, x - 22, base - 42, stroke(k.g.c("#2e2218"), 1.4))  # the mast
    c.drawLine(x - 14, base - 29, x - 4, base - 33, stroke(k.g.c("#2e2218"), 0.6))  # a yard
    c.drawLine(x + 10, base - 15, x + 16, base - 27, stroke(k.g.c("#2e2218"), 1.0))  # the stump of another
    if heavy(k):
        spray(k, c, x + 20, base - 6, 7)


def railing(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A run of iron railing (a walkway's edge)."""
    iron = stroke(k.g.c("#26282c"), 0.7)
    c.drawLine(x - 24, base - 12, x + 24, base - 12, iron)
    c.drawLine(x - 24, base - 6, x + 24, base - 6, stroke(k.g.c("#26282c"), 0.4))
    for px in np.arange(x - 24, x + 25, 6.0):
        c.drawLine(float(px), base - 12, float(px), base, iron)


# --- whole sets ----------------------------------------------------------------------------------------

def shore(k: Kit, dressing: "list[str]", *, sand: bool = False) -> None:
    """A shore on the open sea: the sea to the horizon under the sky, waves breaking on dark rocks
    (spray flying off them in a storm) and wet rock underfoot; or the green top of a cliff with the
    sea far below. A lighthouse stands on the rocks where the words name it, a wreck lies on them
    where they name one."""
    cliff = "cliff" in dressing
    horizon = 46.0 if cliff else 52.0
    draw_sky(k, k.sky, horizon=horizon)
    if heavy(k):  # low storm cloud dragging over the sea
        for i in range(7):
            cx = float(k.rng.uniform(0, k.w))
            k.sky.drawOval(skia.Rect(cx - 40, 4 + i * 5, cx + 40, 16 + i * 5), fill(k.g.c("#14181e", 0.35, lit=0.2)))
    k.far.drawPath(poly([(k.w * 0.62, horizon), (k.w * 0.74, horizon - 3.5), (k.w * 0.86, horizon - 2.5),
                         (k.w * 0.95, horizon)]), fill(k.g.c("#34404a")))  # a far headland
    sea_band(k, k.far, horizon, 100)
    if "light_tower" in dressing:
        light_tower(k, k.mid, k.w * 0.14, 64 if not cliff else 56, 6)
        crag(k, k.mid, k.w * 0.14, 66 if not cliff else 58, 26, 6, "#24262a")
    if cliff:  # the cliff's own face falling to the surf on one side, its grassy top underfoot
        face = poly([(k.w * 0.7, 70), (k.w * 0.78, 58), (k.w * 0.86, 60), (k.w, 56), (k.w, 86), (k.w * 0.72, 86)])
        k.mid.drawPath(face, fill(k.g.c("#4a4640")))
        breakers(k, k.mid, 84, k.w * 0.66, k.w)
        if heavy(k):
            spray(k, k.mid, k.w * 0.72, 82, 9)
        edge = [(0.0, 72.0)]
        for x in np.arange(0.0, k.w + 8, 8.0):
            edge.append((float(x), 72.0 + float(k.rng.uniform(-1.5, 1.5))))
        edge += [(k.w, 100.0), (0.0, 100.0)]
        top, bottom = ("#5a6a3a", "#3a4426") if k.weather != "snow" else ("#e4eaf0", "#c4ccd8")
        k.near.drawPath(poly(edge), fill(k.g.c(top)))
        vgrad(k.near, skia.Rect(0, 76, k.w, 100), [k.g.c(top, 0.0), k.g.c(bottom)])
        k.near.drawRect(skia.Rect(0, 72, k.w, 73.2), fill(k.g.c("#2a2a26", 0.5)))  # the crumbling lip
    elif sand and "rocks" not in dressing:  # a beach under a heavy sea: surf running up wet sand
        breakers(k, k.mid, 72, 0, k.w)
        breakers(k, k.mid, 64, k.w * 0.1, k.w * 0.9)
        ground(k, k.near, 76, "#a89a7a", "#6a604c")
        k.near.drawRect(skia.Rect(0, 76, k.w, 78), fill(k.g.c("#dfe6e6", 0.7)))  # the last of the wave
        if "wreck" in dressing:
            wreck(k, k.mid, k.w * 0.72, 74)
    else:
        for i, x in enumerate(np.arange(float(k.rng.uniform(30, 44)), k.w, 36.0)):  # rocks standing in the surf
            w, h = float(k.rng.uniform(16, 26)), float(k.rng.uniform(10, 18))
            y = 72.0 + (i % 2) * 3
            breakers(k, k.mid, y - 1.5, float(x) - w * 0.9, float(x) + w * 0.9)
            crag(k, k.mid, float(x), y, w, h, "#17181c")
            k.mid.drawRect(skia.Rect(float(x) - w * 0.6, y - 1.2, float(x) + w * 0.6, y), fill(k.g.c("#eef2f2", 0.8)))
            if heavy(k) and i % 2 == 0:
                spray(k, k.mid, float(x) + w * 0.3, y - h * 0.8, 5 + h * 0.35)
        if "wreck" in dressing:
            wreck(k, k.mid, k.w * 0.72, 70)
        ground(k, k.near, 78, "#2e3034", "#16181a")  # wet black rock underfoot
        crag(k, k.near, 0.0, 84, 40, 26, "#121316")  # and the nearest crags, dark at the frame's sides
        crag(k, k.near, k.w, 84, 34, 20, "#121316")
        line = stroke(k.g.c("#4a5058", 0.6), 0.35)
        for x in np.arange(4.0, k.w, 17.0):  # fissures and the sheen of water on the rock
            k.near.drawLine(float(x), 80 + float(k.rng.uniform(0, 8)), float(x) + 9, 84 + float(k.rng.uniform(0, 10)), line)
        for x in np.arange(10.0, k.w, 45.0):
            k.near.drawOval(skia.Rect(float(x), 88, float(x) + 14, 91), fill(k.g.c("#5a6870", 0.5)))
    if "wreck" in dressing and cliff:
        wreck(k, k.far, k.w * 0.4, horizon + 14)


def quay(k: Kit, dressing: "list[str]") -> None:
    """A harbour from its quay: the stone quay underfoot with bollards, the harbour's water (the
    boats, dressed on after, float on it), the harbour wall across it with a light at its end and
    the open sea beyond (heaped up, breaking over the wall, in a storm)."""
    horizon = 50.0
    draw_sky(k, k.sky, horizon=horizon)
    sea_band(k, k.far, horizon, 58)
    wall_end = k.w * 0.78
    k.far.drawRect(skia.Rect(-2, 55, wall_end, 60), fill(k.g.c("#5a5a56")))  # the harbour wall
    k.far.drawRect(skia.Rect(-2, 55, wall_end, 56), fill(k.g.c("#7a7a74")))
    light_tower(k, k.far, wall_end - 3, 56, 34)
    if heavy(k):
        for x in np.arange(k.w * 0.1, wall_end, k.w * 0.22):
            spray(k, k.far, float(x), 55, 6)
    vgrad(k.far, skia.Rect(0, 60, k.w, 80), [k.g.c("#2a4050" if heavy(k) else "#2e5a72"), k.g.c("#142430")])
    ripple = stroke(k.g.c("#8aa8b8", 0.45), 0.3)
    for y in np.arange(62.0, 80.0, 2.6):
        for x in np.arange(float(k.rng.uniform(0, 10)), k.w, 15.0):
            k.far.drawLine(float(x), float(y), float(x) + 4 + (float(y) - 60) * 0.2, float(y), ripple)
    quayside(k, 78)


def quayside(k: Kit, y: float) -> None:
    """A quay's granite setts underfoot from ``y``, its edge stones and bollards, a rope off each to the water."""
    ground(k, k.near, y, "#6a665e", "#3e3c38" if k.weather != "snow" else "#8a8c90")
    k.near.drawRect(skia.Rect(0, y - 1, k.w, y + 1), fill(k.g.c("#8a867c")))  # its edge stones
    sett = stroke(k.g.c("#4e4c46"), 0.3)
    for yy in np.arange(y + 4, 100.0, 4.0):
        k.near.drawLine(0, float(yy), k.w, float(yy), sett)
    for x in np.arange(14.0, k.w, 52.0):  # bollards, a rope off one to the water
        k.near.drawRoundRect(skia.Rect(float(x) - 2.2, y - 5, float(x) + 2.2, y + 1), 1.5, 1.5, fill(k.g.c("#1e1e20")))
        k.near.drawRect(skia.Rect(float(x) - 3, y - 5.5, float(x) + 3, y - 4), fill(k.g.c("#1e1e20")))
        rope = skia.Path()
        rope.moveTo(float(x), y - 4)
        rope.quadTo(float(x) + 8, y + 2, float(x) + 16, y - 8)
        k.near.drawPath(rope, stroke(k.g.c("#b09a6a"), 0.4))


def harbour(k: Kit, dressing: "list[str]") -> None:
    """A village on the sea from its quay: whitewashed cottages under slate stepping down the hill on
    either side to the harbour (their windows lit after dark, snow on their roofs), the fishing boats
    moored on the water inside the harbour wall, the harbour light at the wall's end (a lighthouse
    where the words name one, on a headland where they name a cliff) and the open sea beyond."""
    horizon = 48.0
    draw_sky(k, k.sky, horizon=horizon)
    sea_band(k, k.far, horizon, 62)
    if "cliff" in dressing or "light_tower" in dressing:  # the headland the light stands on
        k.far.drawPath(poly([(k.w * 0.5, horizon + 2), (k.w * 0.58, horizon - 7), (k.w * 0.7, horizon - 9),
                             (k.w * 0.76, horizon + 2)]), fill(k.g.c("#3e4a3a")))
    if "light_tower" in dressing:
        light_tower(k, k.far, k.w * 0.64, horizon - 7, horizon - 34)
    wall_end = k.w * 0.4  # the harbour wall from the right, its light at the end
    stone = k.g.c("#6a6862")
    k.far.drawRect(skia.Rect(wall_end, 57, k.w + 2, 61), fill(stone))
    k.far.drawRect(skia.Rect(wall_end, 57, k.w + 2, 58), fill(k.g.c("#8a8880")))
    k.far.drawRect(skia.Rect(wall_end - 1.5, 50, wall_end + 1.5, 57), fill(k.g.c("#e8e6e0")))  # the harbour light
    lit = k.night or heavy(k) or k.tod in ("dusk", "dawn")
    k.far.drawCircle(wall_end, 49.5, 1.4, fill(k.g.c("#ffd070", lit=0) if lit else k.g.c("#a84030")))
    if lit:
        glow(k.far, wall_end, 49.5, 5, k.g.c("#ffd070", 0.6, lit=0))
    if heavy(k):
        spray(k, k.far, k.w * 0.7, 57, 6)
    water = ("#2a4050", "#142430") if heavy(k) or k.night else ("#3a6a82", "#1e3a4c")
    vgrad(k.far, skia.Rect(0, 61, k.w, 76), [k.g.c(water[0]), k.g.c(water[1])])  # the harbour's still water
    ripple = stroke(k.g.c("#9ab8c8", 0.45), 0.3)
    for y in np.arange(63.0, 76.0, 2.4):
        for x in np.arange(float(k.rng.uniform(0, 10)), k.w, 13.0):
            k.far.drawLine(float(x), float(y), float(x) + 3 + (float(y) - 60) * 0.2, float(y), ripple)
    for x, y, col in ((0.46, 66.0, "#2a4a6a"), (0.6, 64.0, "#a83a2a"), (0.72, 68.0, "#e8e4d8")):  # moored boats
        bx = k.w * x + float(k.rng.uniform(-4, 4))
        k.far.drawPath(poly([(bx - 8, y - 3), (bx + 8, y - 3), (bx + 6, y), (bx - 6, y)]), fill(k.g.c(col)))
        k.far.drawRect(skia.Rect(bx - 7, y - 3.6, bx + 7, y - 3), fill(k.g.c("#2a2a2a")))
        k.far.drawLine(bx, y - 3, bx, y - 16, stroke(k.g.c("#3a2e22"), 0.5))
        k.far.drawLine(bx, y - 13, bx + 5, y - 4, stroke(k.g.c("#3a2e22"), 0.25))
        k.far.drawPath(poly([(bx - 8, y), (bx + 8, y), (bx + 7, y + 1.5), (bx - 7, y + 1.5)]),
                       fill(k.g.c(col, 0.3)))  # its reflection
    # the hill either side, the cottages stepping down it to the water
    grass = "#5a6a42" if k.weather != "snow" else "#e0e6ec"
    k.mid.drawPath(poly([(-2, 22), (k.w * 0.14, 30), (k.w * 0.3, 50), (k.w * 0.4, 76), (-2, 76)]), fill(k.g.c(grass)))
    k.mid.drawPath(poly([(k.w + 2, 34), (k.w * 0.9, 40), (k.w * 0.8, 56), (k.w * 0.76, 76), (k.w + 2, 76)]),
                   fill(k.g.c(grass)))
    warm = k.warm or k.region in ("dry", "africa")
    walls = ("#ecebe4", "#dcd8cc", "#c8d4dc", "#e8dcc0")
    roof = "#a8583a" if warm else "#4a525a"
    rows = [(0.0, k.w * 0.12, 36.0), (0.0, k.w * 0.24, 50.0), (0.0, k.w * 0.34, 66.0),
            (k.w * 0.9, k.w, 44.0), (k.w * 0.8, k.w, 60.0)]
    for x0, x1, base in rows:  # a terrace along the hill, higher up the further from the water
        x = x0 - float(k.rng.uniform(0, 6))
        while x < x1:
            cw = float(k.rng.uniform(9, 13))
            cottage(k, k.mid, x, base, cw, walls[int(k.rng.integers(len(walls)))], roof)
            x += cw + float(k.rng.uniform(0.5, 2.5))
    quayside(k, 78)


def cottage(k: Kit, c: skia.Canvas, x: float, base: float, w: float, wall: str, roof: str) -> None:
    """A fisherman's cottage from the front: a whitewashed wall, a slate roof with its chimney, a door
    and a window or two (lit after dark), snow on the roof in snow."""
    h = w * 0.62
    c.drawRect(skia.Rect(x, base - h, x + w, base), fill(k.g.c(wall)))
    c.drawRect(skia.Rect(x + w * 0.8, base - h, x + w, base), fill(k.g.c("#000000", 0.1)))
    r = poly([(x - 0.8, base - h), (x + w * 0.15, base - h - w * 0.38), (x + w * 0.85, base - h - w * 0.38),
              (x + w + 0.8, base - h)])
    c.drawPath(r, fill(k.g.c(roof if k.weather != "snow" else "#eef2f6")))
    c.drawRect(skia.Rect(x + w * 0.7, base - h - w * 0.52, x + w * 0.82, base - h - w * 0.3), fill(k.g.c("#5a544c")))
    lit = k.tod != "day" or heavy(k)
    pane = k.g.c(WINDOW, lit=0) if lit else k.g.c("#3a4450")
    c.drawRect(skia.Rect(x + w * 0.14, base - h * 0.7, x + w * 0.36, base - h * 0.38), fill(pane))
    if lit:
        glow(c, x + w * 0.25, base - h * 0.54, 4, k.g.c(WINDOW, 0.4, lit=0))
    c.drawRect(skia.Rect(x + w * 0.55, base - h * 0.62, x + w * 0.72, base), fill(k.g.c("#3a5a6a")))


def gallery(k: Kit, dressing: "list[str]") -> None:
    """A lighthouse's gallery: an iron walkway with its railing high over the open sea, the tower's
    glazed lantern beside it, the sea to the horizon far below."""
    horizon = 44.0
    draw_sky(k, k.sky, horizon=horizon)
    sea_band(k, k.far, horizon, 100)
    m = k.mid
    lx = k.w * 0.07  # the lantern rising beside the walkway: its glazed panes and dome over the tower's white top
    lit = k.night or heavy(k) or k.tod in ("dusk", "dawn")
    m.drawRect(skia.Rect(lx - 18, 34, lx + 18, 70), fill(k.g.c("#d8d6d0")))
    m.drawRect(skia.Rect(lx + 6, 34, lx + 18, 70), fill(k.g.c("#000000", 0.18)))
    m.drawRect(skia.Rect(lx - 14, 4, lx + 14, 32), fill(k.g.c("#fff0b0", lit=0) if lit else k.g.c("#8aa0a8")))
    if lit:
        glow(m, lx, 18, 26, k.g.c("#fff0b0", 0.5, lit=0))
    bar = stroke(k.g.c("#26282c"), 0.9)
    for px in np.arange(lx - 14, lx + 15, 7.0):
        m.drawLine(float(px), 4, float(px), 32, bar)
    m.drawLine(lx - 14, 18, lx + 14, 18, bar)
    m.drawPath(poly([(lx - 17, 4), (lx, -8), (lx + 17, 4)]), fill(k.g.c("#26282c")))  # the dome
    m.drawRect(skia.Rect(lx - 20, 32, lx + 20, 35), fill(k.g.c("#26282c")))
    ground(k, k.near, 70, "#4a4c50", "#2a2c30")  # the walkway's iron plates
    for x in np.arange(0.0, k.w, 14.0):
        k.near.drawLine(float(x), 70, float(x) - 6, 100, stroke(k.g.c("#36383c"), 0.3))
    # the railing at the walkway's edge, painted white against the sea beyond it
    paint = k.g.c("#d8dad8")
    m.drawRect(skia.Rect(lx + 18, 53, k.w, 55), fill(paint))
    m.drawLine(lx + 18, 62, k.w, 62, stroke(paint, 0.7))
    for x in np.arange(lx + 22, k.w, 9.0):
        m.drawLine(float(x), 54, float(x), 70, stroke(paint, 0.8))
    m.drawRect(skia.Rect(lx + 18, 69, k.w, 70.5), fill(k.g.c("#2a2c30")))  # the walkway's edge
    if heavy(k):  # spray blown up over the rail
        for x in np.arange(float(k.rng.uniform(20, 60)), k.w, 70.0):
            spray(k, k.far, float(x), 66, 7)


def lantern(k: Kit, y: float) -> None:
    """A lighthouse's lamp room: the great Fresnel lens in the middle, a beehive of glass rings round
    its lamp (blazing at night), inside a ring of windows on the sea (grey and heaped in a storm,
    rain running down the glass) above a low iron wall, under the lantern's dark dome."""
    sill, horizon = 56.0, 40.0
    draw_sky(k, k.sky, horizon=horizon)
    sea_band(k, k.sky, horizon, sill)
    f = k.far
    iron = k.g.c("#2a2c30")
    f.drawRect(skia.Rect(0, 0, k.w, 7), fill(iron))  # the dome's rim
    bar = k.g.c("#6a6050")  # the glazing bars, catching the lamp's light
    for x in np.arange(0.0, k.w + 30, 30.0):  # upright and slanting, the lantern's diamond panes
        f.drawLine(float(x), 7, float(x), sill, stroke(bar, 1.6))
        f.drawLine(float(x), 7, float(x) + 30, sill, stroke(bar, 0.5))
        f.drawLine(float(x) + 30, 7, float(x), sill, stroke(bar, 0.5))
    f.drawLine(0, 7, k.w, 7, stroke(bar, 1.0))
    if heavy(k):  # rain running down the glass
        drip = stroke(k.g.c("#c8d4e0", 0.35, lit=0.2), 0.25)
        for _ in range(int(k.w * 1.2)):
            x, y0 = float(k.rng.uniform(0, k.w)), float(k.rng.uniform(8, sill - 6))
            f.drawLine(x, y0, x + 0.4, y0 + float(k.rng.uniform(2, 6)), drip)
    f.drawRect(skia.Rect(0, sill, k.w, y), fill(k.g.c("#3a3c40")))  # the low iron wall under the windows
    f.drawLine(0, sill, k.w, sill, stroke(k.g.c("#6a6c70"), 1.0))
    vgrad(k.near, skia.Rect(0, y, k.w, 100), [k.g.c("#4a4846"), k.g.c("#2a2826")])  # the iron floor (no snow indoors)
    plate = stroke(k.g.c("#3a3836"), 0.3)
    for x in np.arange(0.0, k.w, 10.0):
        k.near.drawLine(float(x), y, float(x) - 4, 100, plate)
    great_lens(k, k.mid, k.w * 0.5, y + 1)


def great_lens(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """The great lens on its pedestal: a tall beehive of glass prism rings in a brass frame round
    the lamp, bright in its middle (blazing, with its beam, at night or in a storm)."""
    lit = k.night or heavy(k) or k.tod in ("dusk", "dawn")
    c.drawRect(skia.Rect(x - 7, base - 14, x + 7, base), fill(k.g.c("#3a3a40")))  # the pedestal
    c.drawRect(skia.Rect(x - 11, base - 16, x + 11, base - 13), fill(k.g.c("#8a6a2a")))
    top, bottom = base - 60, base - 16
    cy = (top + bottom) / 2
    half = 15.0
    body = skia.Path()  # a beehive: narrower at the crown and the foot, widest at the lamp
    body.moveTo(x - half * 0.55, top)
    body.cubicTo(x - half * 1.15, top + 10, x - half * 1.15, bottom - 10, x - half * 0.6, bottom)
    body.lineTo(x + half * 0.6, bottom)
    body.cubicTo(x + half * 1.15, bottom - 10, x + half * 1.15, top + 10, x + half * 0.55, top)
    body.close()
    glow(c, x, cy, 46 if lit else 26, k.g.c("#fff2b0", 0.7 if lit else 0.35, lit=0))
    if lit:
        beam = skia.Paint(Color=k.g.c("#fff4c8", 0.18, lit=0), BlendMode=skia.BlendMode.kPlus, AntiAlias=True)
        for side in (-1, 1):
            c.drawPath(poly([(x, cy - 6), (x + side * k.w * 0.6, cy - 18), (x + side * k.w * 0.6, cy + 8),
                             (x, cy + 6)]), beam)
    c.save()
    c.clipPath(body, doAntiAlias=True)
    vgrad(c, skia.Rect(x - half * 1.2, top, x + half * 1.2, bottom),
          [k.g.c("#c8d8c8", 0.95, lit=0), k.g.c("#fffbe0" if lit else "#eef2dc", 1.0, lit=0),
           k.g.c("#c8d8c8", 0.95, lit=0)])
    c.drawRect(skia.Rect(x - half * 1.2, top, x - half * 0.5, bottom), fill(k.g.c("#8aa0a0", 0.25, lit=0)))
    ring = stroke(k.g.c("#8a9878", 0.95, lit=0), 0.5)
    for yy in np.arange(top + 3, bottom, 3.4):  # the prism rings, bowed as seen from a little below
        bow = 1.4 if yy < cy - 4 else -1.4 if yy > cy + 4 else 0.0
        arc = skia.Path()
        arc.moveTo(x - half * 1.2, float(yy))
        arc.quadTo(x, float(yy) + bow, x + half * 1.2, float(yy))
        c.drawPath(arc, ring)
    c.drawRect(skia.Rect(x - half * 1.2, cy - 3.5, x + half * 1.2, cy + 3.5), fill(k.g.c("#fff8d0", lit=0)))
    glow(c, x, cy, 9, k.g.c("#ffffff", 0.95 if lit else 0.5, lit=0))  # the bull's-eye and the lamp behind it
    c.restore()
    brass = k.g.c("#b08a3a")
    c.drawPath(body, stroke(brass, 0.9))
    for dx in (-0.5, 0.0, 0.5):  # the brass frame's uprights, following the hive's curve
        up = skia.Path()
        up.moveTo(x + dx * half * 1.1, top)
        up.quadTo(x + dx * half * 2.1, cy, x + dx * half * 1.2, bottom)
        c.drawPath(up, stroke(k.g.c("#b08a3a", 0.85), 0.5))
    c.drawRect(skia.Rect(x - half * 0.7, top - 3, x + half * 0.7, top), fill(brass))  # the crown
    c.drawPath(poly([(x - half * 0.5, top - 3), (x, top - 7), (x + half * 0.5, top - 3)]), fill(brass))
    c.drawRect(skia.Rect(x - half * 0.75, bottom, x + half * 0.75, bottom + 2), fill(brass))
