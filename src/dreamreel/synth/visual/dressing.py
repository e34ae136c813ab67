"""Set dressing: the pieces a place's own words name, drawn into its setting.

A place is drawn as one of the renderer's kinds (an interior, a spaceship, a village ...) and
then dressed from its name and description: "the lamp room: the great lens turns above a ring of
windows" gets a lighthouse lens; "the courtroom" a judge's bench, a witness box
and the gallery's pews; "the hydroponic terraces" rows of plants under grow-lamps. So a place
nobody listed is still assembled from parts that fit it. ``pieces(name, description)`` says
which (the shot log reports them); ``dress(kit, pieces, indoors)`` draws them on the middle layer
(standing on the floor, behind the actors' marks) and the far wall.
"""

from __future__ import annotations

import math
import re
from functools import cache
from collections.abc import Callable

import skia

from . import coast, eras, homes, rooms, sites
from .paint import fill, glow, poly, stroke
from .settings import Kit, console, crate, curved_roof, shelves

Piece = Callable[[Kit, skia.Canvas, float, float], None]  # kit, canvas, x (centre), floor line


def _plants(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    for i in range(5):
        px = x - 20 + i * 10
        c.drawRect(skia.Rect(px - 4, base - 5, px + 4, base), fill(k.g.c("#5a4a3a")))
        for j in range(5):
            a = math.pi * (0.15 + 0.7 * j / 4)
            c.drawOval(skia.Rect(px + 6 * math.cos(a) - 2.4, base - 6 - 7 * math.sin(a) - 1.2,
                                 px + 6 * math.cos(a) + 2.4, base - 6 - 7 * math.sin(a) + 1.2),
                       fill(k.g.c("#3a9a4a" if j % 2 else "#2a7a3a")))
        if k.year is None and (k.scifi or k.view in ("stars", "orbit", "mars", "moon")):  # a ship's or a colony's grow-lamp
            glow(c, px, base - 24, 8, k.g.c("#e06aff", 0.35, lit=0))
            c.drawRect(skia.Rect(px - 3, base - 25, px + 3, base - 24), fill(k.g.c("#e8b0ff", lit=0)))
        elif i % 2 == 0:  # a garden's: flowers among the leaves
            for j, col in enumerate(("#e84a6a", "#f0c83a", "#f4f0e8")):
                c.drawCircle(px - 3 + j * 3, base - 11 - (j % 2) * 2, 1.1, fill(k.g.c(col)))


def _pods(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    for i in range(3):
        px = x - 16 + i * 16
        r = skia.Rect(px - 5, base - 30, px + 5, base)
        c.drawRoundRect(r, 5, 5, fill(k.g.c("#9ab0c0")))
        c.drawRoundRect(skia.Rect(px - 3.5, base - 27, px + 3.5, base - 6), 3.5, 3.5, fill(k.g.c("#cfeeff", 0.8, lit=0)))
        glow(c, px, base - 16, 9, k.g.c("#8ae0ff", 0.3, lit=0))


def _bunks(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    for y in (base - 4, base - 16, base - 28):
        c.drawRect(skia.Rect(x - 16, y - 4, x + 16, y), fill(k.g.c("#7a8088")))
        c.drawRect(skia.Rect(x - 15, y - 6, x + 15, y - 4), fill(k.g.c("#c8c0b0")))
    for px in (x - 16, x + 15):
        c.drawRect(skia.Rect(px, base - 34, px + 1.2, base), fill(k.g.c("#4a4e54")))


def _books(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    shelves(k, c, x - 14, x + 14, base - 40, base, "#4a3020", bottles=False, books=True)


def _long_table(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    c.drawRect(skia.Rect(x - 26, base - 10, x + 26, base - 8), fill(k.g.c("#6a4424")))
    for px in (x - 23, x + 22):
        c.drawRect(skia.Rect(px, base - 8, px + 1.5, base), fill(k.g.c("#4a2e18")))
    for px in (x - 14, x, x + 12):  # cups and a platter
        c.drawRect(skia.Rect(px, base - 12.5, px + 2, base - 10), fill(k.g.c("#b0a080")))
    c.drawOval(skia.Rect(x - 6, base - 12, x + 4, base - 10), fill(k.g.c("#c8c0b0")))


def _hearth(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    if homes.hearth(k, c, x, base):  # an irori, a brazier or a three-stone fire where there is no fireplace
        return
    look = eras.look_of(k)
    if look == "norse":  # a longhouse's fire runs down the middle of the hall
        _long_hearth(k, c, x, base)
        return
    if look is not None:  # the ancient world warmed its rooms with braziers, not chimneyed fireplaces
        homes.brazier(k, c, x, base)
        return
    c.drawRect(skia.Rect(x - 12, base - 22, x + 12, base), fill(k.g.c("#6a5a50")))
    c.drawRect(skia.Rect(x - 14, base - 24, x + 14, base - 21), fill(k.g.c("#4a3a30")))
    c.drawRect(skia.Rect(x - 7, base - 13, x + 7, base), fill(k.g.c("#1a1210")))
    c.drawPath(poly([(x - 5, base), (x - 2, base - 9), (x, base - 5), (x + 2, base - 11), (x + 5, base)]),
               fill(k.g.c("#ff9a2a", lit=0)))
    glow(c, x, base - 5, 22, k.g.c("#ff8a2a", 0.5, lit=0))


def _long_hearth(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A longhouse's long fire down the middle of the hall: a low stone kerb round a bed of embers
    with flames along it, a cauldron hung over it from a tripod, smoke going up to the roof."""
    c.drawRect(skia.Rect(x - 30, base - 4, x + 30, base), fill(k.g.c("#5a5048")))  # the kerb
    for sx in range(-30, 30, 6):
        c.drawRect(skia.Rect(x + sx, base - 4.5, x + sx + 5, base - 3), fill(k.g.c("#6e6458")))
    c.drawRect(skia.Rect(x - 27, base - 3.5, x + 27, base - 1), fill(k.g.c("#3a1a0a", lit=0)))  # embers
    for i in range(8):
        fx = x - 24 + i * 7 + float(k.rng.uniform(-1, 1))
        h = 6 + 4 * (i % 3)
        c.drawPath(poly([(fx - 3, base - 3), (fx - 1, base - 3 - h * 0.6), (fx, base - 3 - h * 0.4),
                         (fx + 1, base - 3 - h), (fx + 3, base - 3)]), fill(k.g.c("#ff9a2a", lit=0)))
    _cauldron(k, c, x, base - 3)
    glow(c, x, base - 6, 34, k.g.c("#ff8a2a", 0.5, lit=0))


def _cauldron(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """An iron pot hung from a tripod of poles over a fire, steam rising."""
    pole = stroke(k.g.c("#3a2a1a"), 0.9)
    for dx in (-12, 12):
        c.drawLine(x + dx, base, x, base - 26, pole)
    c.drawLine(x, base - 26, x, base - 16, stroke(k.g.c("#2a2a2a"), 0.4))  # the chain
    c.drawPath(poly([(x - 6, base - 16), (x + 6, base - 16), (x + 5, base - 9), (x - 5, base - 9)]),
               fill(k.g.c("#1e1e20")))
    for j in range(3):
        sx = x - 3 + j * 3
        c.drawLine(sx, base - 18, sx + 1.5, base - 25, stroke(k.g.c("#ffffff", 0.45, lit=0), 0.7))


def _stove(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A cook's range, big and bright enough to read in a wide shot: a steel range with an oven
    door, pots steaming on the burners, a hood above and copper pans on a rail; before 1900 a
    black cast-iron range with a stovepipe instead of the steel and the hood; before ranges (1750) a
    kitchen's open fire on the hearth with a cauldron hung over it. Where the region cooked otherwise,
    its own stove (homes.stove: a kamado, a clay oven, a three-stone fire)."""
    if homes.stove(k, c, x, base):
        return
    if eras.look_of(k) in ("classical", "egypt"):  # a domed clay oven and a brazier, as the dry lands cook
        homes.clay_oven(k, c, x - 6, base)
        homes.brazier(k, c, x + 14, base)
        return
    if k.year is not None and k.year < 1750:  # a wide stone fireplace, the pot hung in its mouth
        c.drawRect(skia.Rect(x - 20, base - 30, x + 20, base), fill(k.g.c("#6a5a50")))
        c.drawRect(skia.Rect(x - 22, base - 33, x + 22, base - 29), fill(k.g.c("#4a3a30")))
        c.drawRect(skia.Rect(x - 14, base - 22, x + 14, base), fill(k.g.c("#1a1210")))
        c.drawPath(poly([(x - 8, base), (x - 4, base - 7), (x - 1, base - 4), (x + 2, base - 9), (x + 8, base)]),
                   fill(k.g.c("#ff9a2a", lit=0)))
        c.drawLine(x, base - 22, x, base - 15, stroke(k.g.c("#2a2a2a"), 0.5))  # the chain, the pot
        c.drawPath(poly([(x - 7, base - 15), (x + 7, base - 15), (x + 6, base - 7), (x - 6, base - 7)]),
                   fill(k.g.c("#2a2a2c")))
        glow(c, x, base - 6, 24, k.g.c("#ff8a2a", 0.5, lit=0))
        return
    old = k.year is not None and k.year < 1900
    steel, dark = k.g.c("#2e2c2c" if old else "#8c9096"), k.g.c("#3a3c40")
    c.drawRect(skia.Rect(x - 20, base - 20, x + 20, base), fill(steel))
    c.drawRect(skia.Rect(x - 20, base - 21.5, x + 20, base - 19), fill(k.g.c("#b8bcc2")))  # the hob
    door = skia.Rect(x - 14, base - 15, x + 14, base - 3)
    c.drawRect(door, fill(dark))
    c.drawRect(door.makeInset(3, 3), fill(k.g.c("#ff9a4a", 0.8, lit=0)))  # the lit oven's window
    c.drawRect(skia.Rect(x - 11, base - 17.5, x + 11, base - 16.5), fill(k.g.c("#d8dce0")))  # the door's handle
    for px, w, h in ((x - 14, 10, 7), (x + 3, 12, 5)):  # a stockpot and a pan
        c.drawRect(skia.Rect(px, base - 21.5 - h, px + w, base - 21.5), fill(k.g.c("#a0a4aa")))
        c.drawRect(skia.Rect(px - 1, base - 22.5 - h, px + w + 1, base - 21.5 - h), fill(dark))
        for j in range(3):  # steam
            sx = px + 2 + j * (w - 4) / 2
            c.drawLine(sx, base - 24 - h, sx + 1.5, base - 31 - h, stroke(k.g.c("#ffffff", 0.45, lit=0), 0.7))
    glow(c, x, base - 9, 16, k.g.c("#ff7a2a", 0.35, lit=0))
    if old:  # the stovepipe, up from the back of the range, a brass rail along its front
        c.drawRect(skia.Rect(x + 12, base - 64, x + 16, base - 21.5), fill(steel))
        c.drawRect(skia.Rect(x - 20, base - 19, x + 20, base - 18), fill(k.g.c("#c8a040")))
    else:
        c.drawPath(poly([(x - 24, base - 46), (x + 24, base - 46), (x + 16, base - 38), (x - 16, base - 38)]),
                   fill(steel))  # the hood
        c.drawRect(skia.Rect(x - 5, base - 60, x + 5, base - 46), fill(steel))
    c.drawLine(x - 26, base - 52, x - 12, base - 52, stroke(k.g.c("#333333"), 0.5))  # the pan rail
    for i in range(3):
        px = x - 24 + i * 6
        c.drawLine(px, base - 52, px, base - 49, stroke(k.g.c("#333333"), 0.3))
        c.drawCircle(px, base - 46.5, 2.6, fill(k.g.c("#c8804a")))


def _bread_oven(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A baker's brick oven: a dome with a glowing arched mouth, a peel leaning beside it."""
    c.drawRect(skia.Rect(x - 20, base - 12, x + 20, base), fill(k.g.c("#8a4a32")))
    dome = skia.Rect(x - 20, base - 40, x + 20, base - 4)
    c.drawArc(dome, 180, 180, True, fill(k.g.c("#a85a3a")))
    brick = stroke(k.g.c("#6a3222"), 0.5)
    for y in (base - 9, base - 15, base - 21):
        c.drawLine(x - 20, y, x + 20, y, brick)
    mouth = skia.Path()
    mouth.addRoundRect(skia.Rect(x - 8, base - 24, x + 8, base - 10), 7, 7)
    c.drawPath(mouth, fill(k.g.c("#2a1208")))
    glow(c, x, base - 15, 16, k.g.c("#ff8a2a", 0.55, lit=0))
    c.drawPath(poly([(x - 6, base - 10), (x - 2, base - 18), (x + 1, base - 13), (x + 4, base - 19), (x + 6, base - 10)]),
               fill(k.g.c("#ffb040", lit=0)))
    c.drawRect(skia.Rect(x - 3, base - 42, x + 3, base - 32), fill(k.g.c("#6a3222")))  # the flue
    c.drawLine(x + 24, base, x + 30, base - 34, stroke(k.g.c("#b08a5a"), 1.2))  # the peel
    c.drawOval(skia.Rect(x + 27, base - 42, x + 35, base - 31), fill(k.g.c("#b08a5a")))


def _loaves(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A baker's rack of loaves, rolls and plaited bread, and a counter of cakes in front."""
    wood, crust, dark = k.g.c("#7a5232"), k.g.c("#d0904a"), k.g.c("#a8662e")
    c.drawRect(skia.Rect(x - 18, base - 44, x + 18, base - 14), fill(k.g.c("#4a3020")))
    for i, y in enumerate((base - 34, base - 24, base - 14)):
        c.drawRect(skia.Rect(x - 18, y - 0.8, x + 18, y + 0.8), fill(wood))
        for j in range(4 if i != 1 else 6):
            if i == 1:  # round rolls
                px = x - 15 + j * 6
                c.drawOval(skia.Rect(px - 2.6, y - 4, px + 2.6, y - 0.6), fill(crust))
            else:  # long loaves with slashes
                px = x - 14 + j * 9
                c.drawOval(skia.Rect(px - 4, y - 5, px + 4, y - 0.6), fill(crust if j % 2 else dark))
                for sx in (-2, 0, 2):
                    c.drawLine(px + sx - 0.8, y - 4, px + sx + 0.8, y - 2, stroke(k.g.c("#f0d0a0"), 0.4))
    c.drawRect(skia.Rect(x - 22, base - 12, x + 22, base), fill(k.g.c("#8a6a4a")))  # the counter
    c.drawRect(skia.Rect(x - 23, base - 13, x + 23, base - 11), fill(k.g.c("#e8e0d0")))
    for px, col in ((x - 14, "#f0c8d0"), (x, "#e8d8b0"), (x + 14, "#7a4a2a")):  # cakes on stands
        c.drawRect(skia.Rect(px - 0.5, base - 16, px + 0.5, base - 13), fill(k.g.c("#d8d8d8")))
        c.drawRoundRect(skia.Rect(px - 4.5, base - 21, px + 4.5, base - 16), 1.5, 1.5, fill(k.g.c(col)))
        c.drawCircle(px, base - 21.5, 0.9, fill(k.g.c("#c02a3a")))


def _sacks(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """Flour or grain sacks, stacked and slumped, one open at the top."""
    cloth, edge = k.g.c("#e4dcc4"), stroke(k.g.c("#8a7a5a"), 0.5)
    for dx, dy, w, h in ((-14, 0, 12, 16), (-1, 0, 12, 17), (12, 0, 11, 15), (-8, -15, 12, 15), (5, -16, 11, 14)):
        sx, sb = x + dx, base + dy
        body = skia.Path()
        body.addRoundRect(skia.Rect(sx - w / 2, sb - h, sx + w / 2, sb), 4, 4)
        c.drawPath(body, fill(cloth))
        c.drawPath(body, edge)
        c.drawLine(sx - w / 2 + 2, sb - h + 3, sx + w / 2 - 2, sb - h + 3, edge)  # the tie
        c.drawRect(skia.Rect(sx - 2.5, sb - h * 0.55, sx + 2.5, sb - h * 0.3), fill(k.g.c("#6a8aa0", 0.8)))
    c.drawOval(skia.Rect(x + 18, base - 3, x + 30, base), fill(k.g.c("#f4f0e6")))  # spilt flour


def _big_top(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A circus tent's striped canvas sweeping down from its king pole, bunting, and the ring's
    red kerb with a star-painted pedestal in it."""
    top = 4.0
    for i in range(-10, 10):  # the stripes fan out from the pole's top
        col = "#c8283a" if i % 2 else "#f2ece0"
        c.drawPath(poly([(x, top), (x + i * 12, base - 30), (x + (i + 1) * 12, base - 30)]), fill(k.g.c(col)))
    c.drawRect(skia.Rect(x - 1.2, top, x + 1.2, base), fill(k.g.c("#8a6a3a")))  # the king pole
    for i in range(13):  # bunting along the canvas's edge
        px = x - 120 + i * 20
        c.drawPath(poly([(px, base - 30), (px + 6, base - 30), (px + 3, base - 25)]),
                   fill(k.g.c(("#e8c82a", "#2a6ac8", "#c8283a")[i % 3])))
    c.drawOval(skia.Rect(x - 44, base - 6, x + 44, base + 4), stroke(k.g.c("#b8202a"), 2.4))  # the ring
    c.drawRect(skia.Rect(x - 6, base - 8, x + 6, base - 1), fill(k.g.c("#2a4ac8")))  # the pedestal
    c.drawOval(skia.Rect(x - 6.5, base - 9.5, x + 6.5, base - 6.5), fill(k.g.c("#e8c82a")))
    glow(c, x, base - 20, 26, k.g.c("#fff0b0", 0.35, lit=0))  # the spotlight


def _stage(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A theatre's stage: red velvet curtains drawn back under a gold-fringed pelmet, the boards
    raised above the floor with footlights along their edge."""
    red, dark = k.g.c("#a01a26"), k.g.c("#6a0e18")
    c.drawRect(skia.Rect(x - 40, 8, x + 40, base - 8), fill(k.g.c("#1a1014")))  # the dark stage behind
    for side in (-1, 1):
        edge = x + side * 40
        drape = poly([(edge, 8), (edge - side * 22, 8), (edge - side * 12, base - 34), (edge - side * 16, base - 8),
                      (edge, base - 8)])
        c.drawPath(drape, fill(red))
        for i in range(1, 4):  # the folds
            fx = edge - side * i * 5
            c.drawLine(fx, 10, fx + side * 2, base - 10, stroke(dark, 0.8))
    c.drawRect(skia.Rect(x - 42, 4, x + 42, 13), fill(red))  # the pelmet
    c.drawRect(skia.Rect(x - 42, 12, x + 42, 14), fill(k.g.c("#d8a83a")))
    c.drawRect(skia.Rect(x - 44, base - 8, x + 44, base), fill(k.g.c("#5a3418")))  # the boards' front
    c.drawRect(skia.Rect(x - 44, base - 9, x + 44, base - 7.5), fill(k.g.c("#8a5a2a")))
    for i in range(9):  # footlights
        fx = x - 36 + i * 9
        c.drawCircle(fx, base - 9.5, 1.0, fill(k.g.c("#ffe8a0", lit=0)))
        glow(c, fx, base - 11, 6, k.g.c("#ffd070", 0.35, lit=0))
    glow(c, x, base - 24, 24, k.g.c("#fff0c0", 0.3, lit=0))  # the spotlight on the boards


def _judge(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    c.drawRect(skia.Rect(x - 22, base - 20, x + 22, base), fill(k.g.c("#5a3418")))
    c.drawRect(skia.Rect(x - 24, base - 22, x + 24, base - 19), fill(k.g.c("#7a4a24")))
    c.drawCircle(x, base - 36, 7, fill(k.g.c("#c8a040")))  # the seal on the wall behind
    c.drawCircle(x, base - 36, 5, stroke(k.g.c("#7a5a1a"), 0.6))
    c.drawRect(skia.Rect(x + 26, base - 12, x + 38, base), fill(k.g.c("#6a3c1c")))  # the witness box
    c.drawRect(skia.Rect(x - 50, base - 7, x - 28, base - 5), fill(k.g.c("#5a3418")))  # a pew
    c.drawRect(skia.Rect(x - 50, base - 12, x - 48, base), fill(k.g.c("#5a3418")))


def _periscope(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    steel = fill(k.g.c("#6a747e"))
    c.drawRect(skia.Rect(x - 2, 0, x + 2, base - 22), steel)
    c.drawRect(skia.Rect(x - 5, base - 26, x + 5, base - 20), steel)
    for side in (-1, 1):
        c.drawRect(skia.Rect(x + side * 5 - (4 if side < 0 else 0), base - 24, x + side * 5 + (4 if side > 0 else 0),
                             base - 22), fill(k.g.c("#3a3a40")))


def _pipes(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    p = stroke(k.g.c("#7a6a5a"), 2.2)
    for i, y in enumerate((8.0, 14.0, 20.0)):
        c.drawLine(x - 40, y, x + 40, y, p)
        c.drawCircle(x - 20 + i * 18, y, 2.4, fill(k.g.c("#a02a2a")))  # valve wheels
    for px in (x - 30, x + 28):
        c.drawLine(px, 8, px, base, stroke(k.g.c("#6a5a4a"), 2.0))
    for i in range(3):  # gauges
        c.drawCircle(x - 8 + i * 8, base - 30, 2.5, fill(k.g.c("#e8e0c8")))
        c.drawLine(x - 8 + i * 8, base - 30, x - 7 + i * 8, base - 32, stroke(k.g.c("#222222"), 0.3))


def _lens(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    c.drawRect(skia.Rect(x - 4, base - 14, x + 4, base), fill(k.g.c("#3a3a40")))
    lens = skia.Rect(x - 11, base - 42, x + 11, base - 14)
    glow(c, x, base - 28, 40, k.g.c("#fff2b0", 0.55, lit=0))
    c.drawRoundRect(lens, 6, 6, fill(k.g.c("#f0f4d0", 0.85, lit=0)))
    for i in range(5):  # the Fresnel rings
        y = base - 40 + i * 6
        c.drawLine(x - 10, y, x + 10, y, stroke(k.g.c("#b0b890", 0.8, lit=0), 0.5))
    c.drawRoundRect(lens, 6, 6, stroke(k.g.c("#5a5a50"), 0.8))


def _stairs(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A spiral stair round its newel: iron treads on a steel post since the foundries (1850), oak
    treads on a wooden post before, stone ones in the ancient world and the Middle Ages."""
    post, tread = ("#3a3a3a", "#5a5a5e") if k.year is None or k.year >= 1850 else \
        ("#4a3220", "#7a5634") if k.year >= 1500 else ("#6a6256", "#9a907e")
    c.drawRect(skia.Rect(x - 1, base - 60, x + 1, base), fill(k.g.c(post)))
    for i in range(12):
        y = base - 4 - i * 5
        side = 1 if i % 2 else -1
        c.drawPath(poly([(x, y), (x + side * 9, y - 1.5), (x + side * 9, y + 0.5), (x, y + 1)]), fill(k.g.c(tread)))


def _bell(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A belfry's bell: a bronze bell under a beam in a stone arch, its rope hanging down."""
    stone = k.g.c("#b0a48c")
    c.drawRect(skia.Rect(x - 16, base - 46, x - 12, base), fill(stone))
    c.drawRect(skia.Rect(x + 12, base - 46, x + 16, base), fill(stone))
    c.drawArc(skia.Rect(x - 16, base - 58, x + 16, base - 34), 180, 180, False, stroke(stone, 4.0))
    c.drawRect(skia.Rect(x - 13, base - 42, x + 13, base - 40), fill(k.g.c("#4a3220")))  # the beam
    c.drawPath(poly([(x - 3.5, base - 40), (x + 3.5, base - 40), (x + 5.5, base - 31), (x + 9, base - 26),
                     (x - 9, base - 26), (x - 5.5, base - 31)]), fill(k.g.c("#a87a32")))
    c.drawCircle(x, base - 24.5, 1.6, fill(k.g.c("#5a3a18")))
    c.drawLine(x + 6, base - 27, x + 7, base - 4, stroke(k.g.c("#c8b07a"), 0.6))


def _temple_bell(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A temple's bell house: a tall bronze bell with rows of bosses hanging under a curved tiled
    roof on timber posts, and the log that strikes it hung on ropes beside it (no church arch)."""
    wood = fill(k.g.c("#5a3422"))
    for px in (x - 14, x + 12):
        c.drawRect(skia.Rect(px, base - 44, px + 2, base), wood)
    c.drawRect(skia.Rect(x - 15, base - 45, x + 15, base - 43), wood)  # the tie beam
    c.drawRect(skia.Rect(x - 18, base - 3, x + 18, base), fill(k.g.c("#8a8478")))  # the stone platform
    curved_roof(c, x - 15, base - 45, 30, fill(k.g.c("#3e4248")), lift=0.4)
    c.drawRect(skia.Rect(x - 0.6, base - 43, x + 0.6, base - 40), wood)
    bronze, dark = k.g.c("#6a7a5a"), k.g.c("#3e4a36")  # weathered green bronze
    bell = skia.Path()
    bell.addRoundRect(skia.Rect(x - 5.5, base - 40, x + 5.5, base - 22), 4.5, 4.5)
    c.drawPath(bell, fill(bronze))
    c.drawRect(skia.Rect(x - 5.5, base - 25, x + 5.5, base - 22), fill(bronze))  # the square lip
    for y in (base - 33, base - 27):
        c.drawLine(x - 5.5, y, x + 5.5, y, stroke(dark, 0.5))
    c.drawLine(x, base - 33, x, base - 22, stroke(dark, 0.5))
    for row in range(3):  # the bosses
        for col in range(4):
            c.drawCircle(x - 3.6 + col * 2.4, base - 37.5 + row * 1.6, 0.45, fill(dark))
    c.drawCircle(x + 2.6, base - 29.5, 1.1, stroke(dark, 0.4))  # where the log strikes
    rope = stroke(k.g.c("#c8b07a"), 0.35)
    for rx in (x + 7.5, x + 12):
        c.drawLine(rx, base - 43, rx, base - 31, rope)
    c.drawRoundRect(skia.Rect(x + 6.5, base - 31.5, x + 16, base - 29), 1.2, 1.2, fill(k.g.c("#8a6a42")))


def _temple_altar(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A temple's or a shrine's altar: a low black lacquered table with candles, a bronze incense
    burner smoking on it and offerings, under a paper lantern (no cross)."""
    c.drawRect(skia.Rect(x - 13, base - 11, x + 13, base - 9), fill(k.g.c("#1e1a1a")))
    for px in (x - 12, x + 11):
        c.drawRect(skia.Rect(px, base - 9, px + 1.2, base), fill(k.g.c("#1e1a1a")))
    c.drawRect(skia.Rect(x - 13, base - 9, x + 13, base - 8.3), fill(k.g.c("#a82a22")))
    pot = skia.Rect(x - 4, base - 16, x + 4, base - 11)
    c.drawOval(pot, fill(k.g.c("#7a6a3a")))
    c.drawRect(skia.Rect(x - 4.5, base - 16.5, x + 4.5, base - 15.2), fill(k.g.c("#8a7a4a")))
    smoke = stroke(k.g.c("#d8d8d0", 0.5, lit=0.3), 0.4)
    for i, dx in enumerate((-1.0, 0.5, 1.8)):
        p = skia.Path()
        p.moveTo(x + dx, base - 16.5)
        p.cubicTo(x + dx + 2, base - 21, x + dx - 2, base - 25, x + dx + 1, base - 30 - i * 2)
        c.drawPath(p, smoke)
    for px in (x - 9, x + 9):
        c.drawRect(skia.Rect(px - 0.7, base - 16, px + 0.7, base - 11), fill(k.g.c("#f4ecd8")))
        glow(c, px, base - 17, 5, k.g.c("#ffc060", 0.6, lit=0))
    for ox in (x - 6, x + 5.5):  # offerings: a stack of rice cakes, fruit
        c.drawCircle(ox, base - 12.2, 1.3, fill(k.g.c("#f0ece0")))
        c.drawCircle(ox, base - 14, 1.0, fill(k.g.c("#e8a030")))
    c.drawLine(x, base - 48, x, base - 43, stroke(k.g.c("#3a2a1e"), 0.4))
    lantern = skia.Rect(x - 3, base - 43, x + 3, base - 35)
    c.drawRoundRect(lantern, 2.5, 2.5, fill(k.g.c("#f0e0c0", lit=0.4)))
    glow(c, x, base - 39, 8, k.g.c("#ffd08a", 0.4, lit=0))
    c.drawRoundRect(lantern, 2.5, 2.5, stroke(k.g.c("#8a2a1e"), 0.4))


def _helm(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    cy = base - 20
    wood = k.g.c("#7a4a22")
    c.drawRect(skia.Rect(x - 2, cy, x + 2, base), fill(k.g.c("#5a3418")))
    c.drawCircle(x, cy, 8, stroke(wood, 1.4))
    for i in range(8):
        a = i * math.pi / 4
        c.drawLine(x, cy, x + 11 * math.cos(a), cy + 11 * math.sin(a), stroke(wood, 0.9))


def _barrels(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    for i, (dx, dy) in enumerate(((-10, 0), (0, 0), (10, 0), (-5, -11), (5, -11))):
        r = skia.Rect(x + dx - 5, base + dy - 11, x + dx + 5, base + dy)
        c.drawRoundRect(r, 3, 3, fill(k.g.c("#7a4a22")))
        for yy in (r.top() + 2.5, r.bottom() - 2.5):
            c.drawLine(r.left(), yy, r.right(), yy, stroke(k.g.c("#3a3a3a"), 0.6))


def _bed(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    if homes.bed(k, c, x, base):  # a futon or a sleeping mat on the floor where there are no bedsteads
        return
    c.drawRect(skia.Rect(x - 16, base - 8, x + 16, base - 4), fill(k.g.c("#6a4a2a")))
    c.drawRect(skia.Rect(x - 15, base - 11, x + 15, base - 8), fill(k.g.c("#e8e0d0")))
    c.drawRect(skia.Rect(x - 4, base - 11.5, x + 15, base - 8), fill(k.g.c("#4a6a9a")))  # the blanket
    c.drawRoundRect(skia.Rect(x - 14, base - 13, x - 7, base - 10), 1.5, 1.5, fill(k.g.c("#f4f0e8")))
    c.drawRect(skia.Rect(x - 17, base - 20, x - 15, base), fill(k.g.c("#5a3a1e")))


def _cot(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A monk's cot: a narrow plank bed on short legs, a thin mattress, a rough grey blanket and a
    flat pillow (no headboard, no colour)."""
    wood = k.g.c("#6a5640")
    c.drawRect(skia.Rect(x - 16, base - 10, x + 16, base - 7.5), fill(wood))
    for px in (x - 15.5, x + 14.2):
        c.drawRect(skia.Rect(px, base - 7.5, px + 1.3, base), fill(wood))
    c.drawRect(skia.Rect(x - 15, base - 13, x + 15, base - 10), fill(k.g.c("#ddd4c0")))
    c.drawRect(skia.Rect(x - 6, base - 13.6, x + 15.4, base - 9.4), fill(k.g.c("#8c867a")))  # the blanket
    c.drawRoundRect(skia.Rect(x - 14.5, base - 15, x - 8, base - 12.4), 1.2, 1.2, fill(k.g.c("#efe9dc")))


def _wall_cross(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A plain wooden cross on a bare wall, and a candle burning on a ledge below it."""
    wood = k.g.c("#4a3422")
    c.drawRect(skia.Rect(x - 1.1, 12, x + 1.1, 32), fill(wood))
    c.drawRect(skia.Rect(x - 6, 17, x + 6, 19.2), fill(wood))
    c.drawRect(skia.Rect(x - 5, 38, x + 5, 39.2), fill(wood))  # the ledge
    c.drawRect(skia.Rect(x - 0.8, 34.5, x + 0.8, 38), fill(k.g.c("#f0e8d0")))  # the candle
    glow(c, x, 33.5, 6, k.g.c("#ffc060", 0.6, lit=0))


def _rock_drill(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A miner's rock drill: a squat yellow rig on fat tyres, its boom reaching up to the rock face
    with the drill steel on the end, a work lamp, and a haze of dust where the bit bites."""
    body = k.g.c("#c8a030")
    c.drawRect(skia.Rect(x - 16, base - 12, x + 6, base - 4), fill(body))  # the chassis
    c.drawRect(skia.Rect(x - 16, base - 20, x - 6, base - 12), fill(k.g.c("#3a3a3e")))  # the cab
    c.drawRect(skia.Rect(x - 14.5, base - 18.5, x - 7.5, base - 13.5), fill(k.g.c("#8ab0c0", 0.7)))
    for wx in (x - 11, x + 2):
        c.drawCircle(wx, base - 3.5, 3.5, fill(k.g.c("#1e1e20")))
        c.drawCircle(wx, base - 3.5, 1.3, fill(k.g.c("#6a6a6a")))
    c.drawLine(x + 4, base - 10, x + 16, base - 26, stroke(body, 2.2))  # the boom
    c.drawLine(x + 12, base - 27, x + 26, base - 33, stroke(k.g.c("#5a5a5e"), 1.4))  # the feed
    c.drawLine(x + 26, base - 33, x + 31, base - 35, stroke(k.g.c("#b0b4b8"), 0.6))  # the drill steel
    glow(c, x + 31, base - 35, 7, k.g.c("#e8d8b0", 0.35, lit=0))
    glow(c, x - 6, base - 21, 9, k.g.c("#fff0b0", 0.45, lit=0))  # the work lamp
    c.drawCircle(x - 6, base - 21, 1.2, fill(k.g.c("#fff8d8", lit=0)))


def _throne(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    c.drawRect(skia.Rect(x - 12, base - 4, x + 12, base), fill(k.g.c("#7a1a2a")))  # a dais
    c.drawPath(poly([(x - 7, base - 4), (x - 7, base - 32), (x, base - 37), (x + 7, base - 32), (x + 7, base - 4)]),
               fill(k.g.c("#c8a040")))
    c.drawRect(skia.Rect(x - 5, base - 28, x + 5, base - 10), fill(k.g.c("#8a1a2a")))


def _altar(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    c.drawRect(skia.Rect(x - 12, base - 12, x + 12, base), fill(k.g.c("#d8d0c0")))
    for px in (x - 8, x + 8):
        c.drawRect(skia.Rect(px - 1, base - 18, px + 1, base - 12), fill(k.g.c("#f4ecd8")))
        glow(c, px, base - 19, 6, k.g.c("#ffc060", 0.6, lit=0))
    c.drawRect(skia.Rect(x - 0.8, base - 40, x + 0.8, base - 24), fill(k.g.c("#c8a040")))  # a cross or standard
    c.drawRect(skia.Rect(x - 5, base - 36, x + 5, base - 34.4), fill(k.g.c("#c8a040")))


def _desk(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    c.drawRect(skia.Rect(x - 14, base - 10, x + 14, base - 8), fill(k.g.c("#5a3a20")))
    c.drawRect(skia.Rect(x - 13, base - 8, x - 6, base), fill(k.g.c("#4a2e18")))
    c.drawRect(skia.Rect(x + 9, base - 8, x + 11, base), fill(k.g.c("#4a2e18")))
    c.drawRect(skia.Rect(x - 4, base - 12, x + 4, base - 10), fill(k.g.c("#efe8d8")))  # papers
    c.drawLine(x + 9, base - 10, x + 9, base - 16, stroke(k.g.c("#2a4a2a"), 0.6))
    c.drawPath(poly([(x + 6, base - 16), (x + 8, base - 19), (x + 10, base - 19), (x + 12, base - 16)]),
               fill(k.g.c("#2a6a3a")))
    glow(c, x + 9, base - 15, 8, k.g.c("#ffd68a", 0.4, lit=0))


def _piano(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    c.drawRect(skia.Rect(x - 14, base - 22, x + 14, base - 4), fill(k.g.c("#1a1414")))
    c.drawRect(skia.Rect(x - 13, base - 12, x + 13, base - 10), fill(k.g.c("#f4f0e8")))
    for i in range(12):
        c.drawRect(skia.Rect(x - 12 + i * 2.2, base - 12, x - 11.2 + i * 2.2, base - 11), fill(k.g.c("#1a1414")))
    for px in (x - 13, x + 12):
        c.drawRect(skia.Rect(px, base - 4, px + 1, base), fill(k.g.c("#1a1414")))


#: The year each instrument of a band on its stand was first played so (a dance band's trap kit of
#: bass drum and snare from the 1900s' pedal), and the year its last was (None: still): a band of
#: the past is drawn with those of its day (the 1920s' upright piano, double bass, banjo, trumpet,
#: snare and bass drum; a medieval minstrels' harp and tabor).
INSTRUMENTS: dict[str, tuple[int, int | None]] = {"upright piano": (1800, None), "double bass": (1550, None),
                                                  "banjo": (1840, 1940), "trumpet": (1820, None),
                                                  "trap drums": (1890, None), "harp": (-3000, 1800),
                                                  "tabor": (-3000, 1890)}


def instruments(year: int | None) -> list[str]:
    """The band's instruments in ``year`` (INSTRUMENTS; None: today's)."""
    y = 2000 if year is None else year
    return [n for n, (since, until) in INSTRUMENTS.items() if since <= y and (until is None or y < until)]


def _old_band(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A band of the past on its stand, its instruments those of the world's year (instruments):
    an upright piano, a double bass standing taller than the piano, a banjo and a trumpet on
    chairs, a bass drum head on with the snare before it; before them a harp and a tabor. No
    amplifier, no electric guitar: that is the band's gear of today (rooms.band_gear)."""
    have = instruments(k.year)
    wood, dark, brass = fill(k.g.c("#6a3a1c")), fill(k.g.c("#241812")), fill(k.g.c("#d8b040"))
    if "upright piano" in have:  # the upright, its back to the wall, the keys' white strip and the music stand
        c.drawRect(skia.Rect(x - 27, base - 24, x - 10, base - 3), fill(k.g.c("#2e1c12")))
        c.drawRect(skia.Rect(x - 28, base - 25, x - 9, base - 23), dark)
        c.drawRect(skia.Rect(x - 26, base - 13, x - 11, base - 11), fill(k.g.c("#f2ecdc")))
        c.drawRect(skia.Rect(x - 23, base - 21, x - 14, base - 16), fill(k.g.c("#efe6cc")))  # the sheet music
        for px in (x - 26, x - 12):
            c.drawRect(skia.Rect(px, base - 3, px + 1.2, base), dark)
    if "double bass" in have:  # taller than a man's shoulder: the body's two bouts, the neck and scroll, the spike
        c.drawOval(skia.Rect(x - 9, base - 13, x + 1, base - 2), wood)
        c.drawOval(skia.Rect(x - 7.5, base - 22, x - 0.5, base - 11), wood)
        c.drawRect(skia.Rect(x - 4.8, base - 36, x - 3.2, base - 20), dark)
        c.drawCircle(x - 4, base - 37, 1.4, dark)
        c.drawLine(x - 4, base - 2, x - 4, base, stroke(k.g.c("#9a9aa0"), 0.5))
        for dx in (-4.6, -3.4):  # the f-holes' dark
            c.drawLine(x + dx, base - 10, x + dx, base - 7, stroke(k.g.c("#1a0e08"), 0.4))
    seat = fill(k.g.c("#4a2e18"))
    for cx in (x + 6, x + 14):  # two chairs the players have left their instruments on
        c.drawRect(skia.Rect(cx - 3, base - 7, cx + 3, base - 6), seat)
        c.drawRect(skia.Rect(cx + 2, base - 13, cx + 3, base), seat)
        c.drawRect(skia.Rect(cx - 3, base - 6, cx - 2, base), seat)
    if "banjo" in have:  # a round white drumhead in a wooden rim and a long neck
        c.drawCircle(x + 6, base - 11, 4, fill(k.g.c("#efe8d8")))
        c.drawCircle(x + 6, base - 11, 4, stroke(k.g.c("#8a5a2a"), 0.9))
        c.drawLine(x + 6, base - 15, x + 9, base - 26, stroke(k.g.c("#3a2412"), 1.2))
    if "trumpet" in have:  # brass: the bell, the valves, the pipe
        c.drawRect(skia.Rect(x + 10, base - 9.5, x + 17, base - 8.3), brass)
        c.drawPath(poly([(x + 17, base - 9.9), (x + 20.5, base - 12), (x + 20.5, base - 6), (x + 17, base - 8)]), brass)
        for vx in (x + 12, x + 13.4, x + 14.8):
            c.drawRect(skia.Rect(vx, base - 11.5, vx + 0.8, base - 9.5), brass)
    skin, shell = fill(k.g.c("#ece6da")), k.g.c("#8a1a2a")
    if "trap drums" in have:  # the bass drum head on, a painted band round it, the snare on its stand before it
        c.drawCircle(x + 26, base - 8, 8, skin)
        c.drawCircle(x + 26, base - 8, 8, stroke(shell, 1.3))
        c.drawCircle(x + 26, base - 8, 3.4, stroke(k.g.c("#c8a040"), 0.5))
        c.drawRoundRect(skia.Rect(x + 18, base - 9, x + 24, base - 6), 0.8, 0.8, fill(k.g.c("#c8c4b8")))
        c.drawLine(x + 21, base - 6, x + 21, base, stroke(k.g.c("#9a9aa0"), 0.5))
    if "harp" in have:  # a harp's curved neck over its strings
        harp = poly([(x + 6, base), (x + 8, base - 30), (x + 20, base - 24), (x + 22, base - 18)], close=False)
        c.drawPath(harp, stroke(k.g.c("#c8a040"), 1.4))
        c.drawLine(x + 6, base, x + 22, base - 18, stroke(k.g.c("#8a5a2a"), 1.6))
        for i in range(5):
            c.drawLine(x + 8 + i * 2.6, base - 28 + i * 1.5, x + 8 + i * 2.6, base - 3 - i * 1.8,
                       stroke(k.g.c("#efe8d8", 0.8), 0.3))
    if "tabor" in have:  # a short rope-tensioned drum
        c.drawRect(skia.Rect(x + 24, base - 8, x + 32, base - 2), fill(shell))
        c.drawOval(skia.Rect(x + 24, base - 9, x + 32, base - 7), skin)
        c.drawPath(poly([(x + 24, base - 8), (x + 26, base - 2), (x + 28, base - 8), (x + 30, base - 2),
                         (x + 32, base - 8)], close=False), stroke(k.g.c("#efe8d8"), 0.35))


def _clock(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    c.drawRect(skia.Rect(x - 4, base - 36, x + 4, base), fill(k.g.c("#5a3418")))
    c.drawCircle(x, base - 30, 3.2, fill(k.g.c("#efe8d0")))
    c.drawLine(x, base - 30, x + 1.5, base - 31.5, stroke(k.g.c("#222222"), 0.3))
    c.drawLine(x, base - 22, x, base - 10, stroke(k.g.c("#c8a040"), 0.5))
    c.drawCircle(x, base - 10, 1.5, fill(k.g.c("#c8a040")))


def _portraits(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    for i, (w, h) in enumerate(((10, 13), (8, 10), (12, 9))):
        px = x - 22 + i * 20
        r = skia.Rect(px - w / 2, 14, px + w / 2, 14 + h)
        c.drawRect(r, fill(k.g.c("#c8a040")))
        c.drawRect(r.makeInset(1.2, 1.2), fill(k.g.c(("#3a4a3a", "#4a3a2a", "#2a3a4a")[i])))
        c.drawCircle(r.centerX(), r.centerY() - 1, min(w, h) * 0.18, fill(k.g.c("#c8a080")))


def _bars(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    c.drawRect(skia.Rect(x - 18, base - 44, x + 18, base), fill(k.g.c("#141414", 0.55)))
    for i in range(10):
        px = x - 18 + i * 4
        c.drawRect(skia.Rect(px, base - 44, px + 1, base), fill(k.g.c("#5a5a60")))
    c.drawRect(skia.Rect(x - 18, base - 24, x + 18, base - 23), fill(k.g.c("#5a5a60")))


def _screens(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    for i in range(3):
        console(k, c, x - 24 + i * 16, base - 14, 14, 12, "#3a4048", "#5ac8ff")
    for i in range(3):
        r = skia.Rect(x - 24 + i * 16, base - 36, x - 12 + i * 16, base - 26)
        c.drawRect(r, fill(k.g.c("#1a2028")))
        c.drawRect(r.makeInset(0.8, 0.8), fill(k.g.c("#3a8ac8", 0.8, lit=0)))


def _machines(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """Machinery: an iron housing under two big toothed gears; before the machine age (1750) a
    smith's forge instead, its fire glowing under a hood, an anvil and tongs by it."""
    if k.year is not None and k.year < 1750:
        _forge(k, c, x, base)
        return
    c.drawRect(skia.Rect(x - 14, base - 20, x + 14, base), fill(k.g.c("#5a5a5e")))
    for cx, cy, r in ((x - 6, base - 28, 7.0), (x + 6, base - 31, 5.0)):
        c.drawCircle(cx, cy, r, fill(k.g.c("#8a7a5a")))
        for i in range(8):
            a = i * math.pi / 4
            c.drawRect(skia.Rect(cx + r * math.cos(a) - 1, cy + r * math.sin(a) - 1,
                                 cx + r * math.cos(a) + 1, cy + r * math.sin(a) + 1), fill(k.g.c("#8a7a5a")))
        c.drawCircle(cx, cy, r * 0.3, fill(k.g.c("#3a3a3a")))


def _forge(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    """A smith's forge: a stone hearth with its coals glowing, a hood over it, the bellows beside it,
    and an anvil on a block with a hammer and tongs."""
    stone = fill(k.g.c("#6a625a"))
    c.drawRect(skia.Rect(x - 16, base - 10, x + 2, base), stone)
    c.drawPath(poly([(x - 17, base - 26), (x + 3, base - 26), (x - 1, base - 18), (x - 13, base - 18)]), stone)
    c.drawRect(skia.Rect(x - 10, base - 40, x - 4, base - 26), stone)  # the hood's flue
    c.drawRect(skia.Rect(x - 14, base - 12, x, base - 10), fill(k.g.c("#ff7a2a", lit=0)))  # the coals
    glow(c, x - 7, base - 12, 16, k.g.c("#ff8a2a", 0.55, lit=0))
    c.drawPath(poly([(x - 22, base - 12), (x - 17, base - 15), (x - 17, base - 8)]), fill(k.g.c("#6a4a2a")))  # bellows
    c.drawRect(skia.Rect(x + 8, base - 7, x + 13, base), fill(k.g.c("#5a3a22")))  # the anvil's block
    c.drawPath(poly([(x + 5, base - 10), (x + 16, base - 10), (x + 14, base - 7), (x + 7, base - 7), (x + 3, base - 9)]),
               fill(k.g.c("#2a2a2e")))
    c.drawLine(x + 14, base - 10.5, x + 18, base - 14, stroke(k.g.c("#5a3a22"), 0.7))  # the hammer
    c.drawRect(skia.Rect(x + 17, base - 15, x + 19.5, base - 13), fill(k.g.c("#3a3a3e")))


def _banners(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    for i, col in enumerate(("#8a1a1a", "#1a3a7a", "#8a6a1a")):
        px = x - 20 + i * 20
        c.drawPath(poly([(px - 4, 8), (px + 4, 8), (px + 4, 30), (px, 26), (px - 4, 30)]), fill(k.g.c(col)))
        c.drawCircle(px, 40, 4, fill(k.g.c("#7a5a3a")))  # a shield below it
        c.drawCircle(px, 40, 1.2, fill(k.g.c("#c8c0b0")))


def _portholes(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    outside = "#0a0f24" if k.scifi else "#2a5a7a"
    for i in range(3):
        px = x - 20 + i * 20
        c.drawCircle(px, 30, 5.5, fill(k.g.c("#8a8a80")))
        c.drawCircle(px, 30, 4.2, fill(k.g.c(outside, lit=0.3)))
        if not k.scifi:
            c.drawLine(px - 4, 31, px + 4, 30, stroke(k.g.c("#7ab0d0", lit=0.3), 0.4))


def _departures(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    r = skia.Rect(x - 22, 10, x + 22, 30)
    c.drawRect(r, fill(k.g.c("#14161a")))
    font = skia.Font(skia.Typeface("DejaVu Sans Mono"), 2.2)
    for i, city in enumerate(("OSLO   DELAYED", "ROME   CANCELLED", "LIMA   DELAYED", "OSAKA  BOARDING")):
        c.drawString(city, r.left() + 2, r.top() + 4 + i * 4.4, font, fill(k.g.c("#ffc83a", lit=0)))
    for i in range(6):  # a row of seats
        px = x - 27 + i * 9
        c.drawRoundRect(skia.Rect(px, base - 8, px + 7, base - 5), 1, 1, fill(k.g.c("#3a5a8a")))
        c.drawRect(skia.Rect(px + 0.5, base - 13, px + 6.5, base - 8), fill(k.g.c("#3a5a8a")))


def _flasks(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    c.drawRect(skia.Rect(x - 16, base - 12, x + 16, base - 10), fill(k.g.c("#d8d8d0")))
    c.drawRect(skia.Rect(x - 15, base - 10, x - 13, base), fill(k.g.c("#8a8a8a")))
    c.drawRect(skia.Rect(x + 13, base - 10, x + 15, base), fill(k.g.c("#8a8a8a")))
    for i, col in enumerate(("#3ad86a", "#d83a8a", "#3a8ad8", "#e8c83a")):
        px = x - 11 + i * 7
        c.drawCircle(px, base - 15, 2.6, fill(k.g.c(col, 0.85, lit=0)))
        c.drawRect(skia.Rect(px - 0.7, base - 21, px + 0.7, base - 17), fill(k.g.c("#d8e4ec", 0.6)))


def _stalls(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    for i, col in enumerate(("#c83a3a", "#3a8a5a", "#d8a03a")):
        px = x - 22 + i * 22
        for j in range(4):
            c.drawRect(skia.Rect(px - 9 + j * 4.5, base - 26, px - 9 + j * 4.5 + 4.5, base - 22),
                       fill(k.g.c(col if j % 2 == 0 else "#f0e8d8")))
        c.drawRect(skia.Rect(px - 8, base - 10, px + 8, base - 6), fill(k.g.c("#7a5a3a")))
        for px2 in (px - 8, px + 7):
            c.drawRect(skia.Rect(px2, base - 22, px2 + 1, base), fill(k.g.c("#5a3a1e")))
        for j in range(4):
            c.drawCircle(px - 6 + j * 4, base - 11, 1.6, fill(k.g.c(("#e84a2a", "#e8c82a", "#6ab82a", "#e88a2a")[j])))


def _tent(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    c.drawPath(poly([(x - 18, base), (x, base - 22), (x + 18, base)]), fill(k.g.c("#c8b088")))
    c.drawPath(poly([(x - 4, base), (x, base - 14), (x + 4, base)]), fill(k.g.c("#3a2a1a")))
    c.drawPath(poly([(x - 2, base), (x + 24, base - 2), (x + 28, base)]), fill(k.g.c("#5a4a3a")))  # bedroll
    glow(c, x + 30, base - 3, 10, k.g.c("#ff9a3a", 0.5, lit=0))  # the campfire


def _wagon(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    c.drawRect(skia.Rect(x - 18, base - 16, x + 14, base - 8), fill(k.g.c("#7a5a3a")))
    c.drawPath(poly([(x - 17, base - 16), (x - 14, base - 30), (x + 10, base - 30), (x + 13, base - 16)]),
               fill(k.g.c("#e8e0c8")))
    for wx in (x - 12, x + 8):
        c.drawCircle(wx, base - 6, 6, stroke(k.g.c("#4a2e18"), 1.0))
        c.drawCircle(wx, base - 6, 1, fill(k.g.c("#4a2e18")))


def _boat(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    c.drawPath(poly([(x - 26, base - 10), (x + 26, base - 10), (x + 20, base - 2), (x - 22, base - 2)]),
               fill(k.g.c("#6a3a22")))
    c.drawRect(skia.Rect(x - 1, base - 44, x + 1, base - 10), fill(k.g.c("#4a2e18")))
    c.drawPath(poly([(x + 2, base - 42), (x + 20, base - 14), (x + 2, base - 14)]), fill(k.g.c("#e8e0c8")))
    for i in range(4):  # the quay's bollards
        c.drawRect(skia.Rect(x - 40 + i * 26, base - 4, x - 37 + i * 26, base), fill(k.g.c("#2a2a2a")))


def _blackboard(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    r = skia.Rect(x - 22, 16, x + 22, 40)
    c.drawRect(r, fill(k.g.c("#7a5a3a")))
    c.drawRect(r.makeInset(1.2, 1.2), fill(k.g.c("#1e3a2a")))
    chalk = stroke(k.g.c("#e8e8e0", 0.8), 0.4)
    for i in range(4):
        c.drawLine(x - 18, 21 + i * 5, x - 18 + 10 + (i * 7) % 20, 21 + i * 5, chalk)
    for i in range(3):
        px = x - 16 + i * 16
        c.drawRect(skia.Rect(px - 5, base - 9, px + 5, base - 7), fill(k.g.c("#8a6a4a")))
        c.drawRect(skia.Rect(px - 4, base - 7, px - 3, base), fill(k.g.c("#5a4a3a")))
        c.drawRect(skia.Rect(px + 3, base - 7, px + 4, base), fill(k.g.c("#5a4a3a")))


def _shop(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    c.drawRect(skia.Rect(x - 22, base - 12, x + 22, base), fill(k.g.c("#6a4a2a")))
    c.drawRect(skia.Rect(x - 23, base - 13, x + 23, base - 11), fill(k.g.c("#8a6a3a")))
    shelves(k, c, x - 20, x + 20, base - 40, base - 20, "#5a3a1e", bottles=True)


def _crates(k: Kit, c: skia.Canvas, x: float, base: float) -> None:
    for dx, s in ((-14.0, 10.0), (-3.0, 8.0), (-9.0, 7.0)):
        crate(k, c, x + dx, base - (10 if s == 7.0 else 0), s, "#8a6a3a")


#: Words in a place's name or description -> the set pieces that dress it.
PIECES: dict[str, tuple[Piece, tuple[str, ...]]] = {
    "plants": (_plants, ("hydropon", "grow-lamp", "grow lamp", "garden", "orchard", "vineyard",
                         "nursery of plants", "terraces", "herb")),
    "pods": (_pods, ("pod", "cryo", "cold-sleep", "cold sleep", "stasis", "capsule", "sleeper")),
    "bunks": (_bunks, ("bunk", "berth", "dormitor", "barracks", "crew quarters", "hammock")),
    "books": (_books, ("librar", "book", "archive", "study", "scriptorium", "records", "the stacks")),
    "long_table": (_long_table, ("long table", "feast", "mess", "dining", "banquet", "longhouse", "refector",
                                 "great hall", "canteen")),
    "long_hearth": (_long_hearth, ("long hearth", "long fire", "firepit", "fire pit")),
    "hearth": (_hearth, ("hearth", "fireplace", "fireside", "longhouse", "inn", "tavern", "cottage", "lodge",
                         "log cabin", "farmhouse")),
    "bread_oven": (_bread_oven, ("bakery", "bakehouse", "bake house", "baker", "bread oven", "ovens", "pizzeria")),
    "loaves": (_loaves, ("bakery", "bakehouse", "baker", "loaves", "bread", "patisserie", "pastry", "cake shop",
                         "tea room", "tearoom", "scone", "tart")),
    "sacks": (_sacks, ("flour", "sack", "granary", "grain store")),
    "stove": (_stove, ("kitchen", "galley", "stove", "oven", "bistro", "restaurant", "cook", "chef",
                       "pantry", "griddle")),
    "judge": (_judge, ("court", "judge", "tribunal", "trial", "witness", "hearing room")),
    "periscope": (_periscope, ("periscope", "control room of the sub", "submarine", "u-boat")),
    "pipes": (_pipes, ("engine", "boiler", "pipe", "valve", "reactor", "pump", "plant room", "machinery",
                       "submarine", "torpedo")),
    "lens": (_lens, ("lamp room", "lens", "lantern room", "beacon", "lighthouse")),
    "temple_bell": (_temple_bell, ("temple bell", "shrine bell", "bell house", "bonsho", "bonshō")),
    "bell": (_bell, ("belfry", "bell tower", "bell-tower", "campanile", "bell rope", "bells")),
    "stairs": (_stairs, ("stair", "spiral", "belfry", "lighthouse")),
    "helm": (_helm, ("wheelhouse", "helm", "ship's wheel", "quarterdeck", "pilothouse")),
    "barrels": (_barrels, ("cellar", "barrel", "cask", "brewery", "winery", "hold", "smuggl", "rum")),
    "bed": (_bed, ("bedroom", "bedchamber", "nursery", "bed ", "sickroom", "cabin", "attic room", "hospital")),
    "cot": (_cot, ("cot ", "cots", "pallet bed", "straw pallet")),
    "wall_cross": (_wall_cross, ("crucifix",)),
    "throne": (_throne, ("throne", "royal court", "palace hall", "audience chamber")),
    "temple_altar": (_temple_altar, ("temple", "shrine", "pagoda", "incense", "joss")),
    "altar": (_altar, ("chapel", "church", "altar", "crypt", "cathedral", "monaster")),
    "desk": (_desk, ("office", "desk", "newsroom", "precinct", "police station", "headquarters", "study")),
    "piano": (_piano, ("piano", "parlour", "parlor", "salon", "lounge", "jazz", "music room", "club")),
    "clock": (_clock, ("clock", "parlour", "parlor", "drawing room", "hallway", "manor")),
    "portraits": (_portraits, ("gallery", "portrait", "manor", "drawing room", "ancestral", "museum")),
    "bars": (_bars, ("cell", "jail", "prison", "cage", "dungeon", "brig", "lock-up", "lockup")),
    "screens": (_screens, ("control", "monitor", "screen", "surveillance", "mission", "studio", "server",
                           "console", "command deck", "bridge")),
    "machines": (_machines, ("factory", "workshop", "machinery", "machine room", "machine shop", "gear", "mill",
                             "forge", "clockwork", "foundry")),
    "banners": (_banners, ("castle", "great hall", "longhouse", "tapestr", "banner", "the keep", "fortress", "mead")),
    "portholes": (_portholes, ("porthole", "cabin", "submarine", "below deck", "below decks", "airlock", "hull")),
    "departures": (_departures, ("airport", "terminal", "departure", "departures", "railway station", "platform",
                                 "concourse", "gate ")),
    "flasks": (_flasks, ("laborator", "lab ", "apothecar", "potion", "alchem", "infirmary", "pharmac")),
    "stage": (_stage, ("theatre", "theater", "stage", "music hall", "vaudeville", "opera house", "playhouse",
                       "cabaret", "footlights", "showroom", "magic show", "auditorium", "curtain call")),
    "big_top": (_big_top, ("circus", "big top", "ringmaster", "ring under", "the ring", "trapeze", "high wire")),
    "stalls": (_stalls, ("market", "bazaar", "fair", "stall", "souk", "high street")),
    "tent": (_tent, ("camp", "tent", "bivouac", "campfire")),
    "wagon": (_wagon, ("wagon", "stagecoach", "stable", "ranch", "corral", "livery", "trail")),
    "boat": (_boat, ("harbor", "harbour", "dock", "pier", "quay", "wharf", "marina", "port ")),
    "blackboard": (_blackboard, ("school", "classroom", "lecture", "academy", "lesson")),
    "shop": (_shop, ("shop", "store", "pharmacy", "boutique", "emporium", "grocer", "counter")),
    "crates": (_crates, ("warehouse", "storeroom", "store room", "cargo", "depot", "stockroom", "loading")),
    # everyday rooms (rooms.py builds their walls, floor and light from the same words)
    "cafe_counter": (rooms.cafe_counter, ("cafe", "café", "coffee shop", "coffee house", "coffeehouse", "espresso",
                                          "coffee machine", "tea room", "tearoom", "patisserie", "pastries",
                                          "croissant")),
    "cafe_tables": (rooms.cafe_tables, ("cafe", "café", "coffee shop", "coffee house", "coffeehouse", "tea room",
                                        "tearoom", "brasserie", "bistro", "marble tables", "window table",
                                        "pavement tables", "espresso")),
    "cafe_window": (rooms.cafe_window, ("cafe", "café", "coffee shop", "coffee house", "coffeehouse", "tea room",
                                        "tearoom", "brasserie", "espresso bar", "newspapers on poles")),
    "washers": (rooms.washers, ("laundromat", "launderette", "laundrette", "laundry", "washing machine", "washer",
                                "dryer", "wash house", "spin cycle")),
    "barber_chairs": (rooms.barber_chairs, ("barber", "hairdresser", "hair salon", "beauty parlo", "beauty salon",
                                            "haircut", "scissors", "shave", "shaving")),
    "barber_pole": (rooms.barber_pole, ("barber",)),
    "mic": (rooms.mic, ("recording studio", "sound studio", "microphone", "vocal booth", "rehearsal room",
                        "radio station", "recording session", "studio")),
    "mixing_desk": (rooms.mixing_desk, ("recording studio", "sound studio", "mixing desk", "mixing console",
                                        "sound desk", "radio station", "producer's booth")),
    "chairs": (rooms.chairs, ("waiting room", "waiting area", "reception", "dentist", "surgery", "clinic",
                              "doctor's", "chairs", "stacking chairs", "row of seats", "laundromat", "launderette")),
    "low_table": (rooms.low_table, ("waiting room", "magazine", "coffee table", "dentist", "lobby", "laundromat",
                                    "launderette", "folding table")),
    "reception": (rooms.reception, ("reception", "front desk", "receptionist", "lobby", "hotel", "dentist",
                                    "surgery", "clinic", "post office", "bank", "teller", "box office")),
    "plant_benches": (rooms.plant_benches, ("greenhouse", "glasshouse", "hothouse", "conservatory", "orangery",
                                            "palm house", "botanical", "florist", "flower shop", "potting shed",
                                            "seedling", "orchid")),
    "glass_counter": (rooms.glass_counter, ("pawn", "jewel", "watchmaker", "display case", "display counter",
                                            "curio")),
    "crowded_shelves": (rooms.crowded_shelves, ("pawn", "junk shop", "antique", "second-hand", "second hand",
                                                "thrift", "bric-a-brac", "curio", "record shop", "music shop",
                                                "repair shop", "lost property")),
    "pigeonholes": (rooms.pigeonholes, ("post office", "sorting office", "mailroom", "mail room", "pigeonhole",
                                        "pigeon-hole", "hotel lobby", "key rack")),
    "parcels": (rooms.parcels, ("post office", "parcel", "package", "sorting office", "mailroom", "courier")),
    "lockers": (rooms.lockers, ("locker", "changing room", "dressing room")),
    "scoreboard": (rooms.scoreboard, ("bowling", "skittle", "ten-pin", "tenpin")),
    "band_gear": (rooms.band_gear, ("recording studio", "amp", "amplifier", "drum kit", "drums", "drummer", "guitar", "live room",
                                    "rehearsal room", "gig", "bandstand")),
    "old_band": (_old_band, ("jazz band", "ragtime", "dixieland", "dance band", "big band", "swing band",
                             "brass band", "ballroom")),
    "mirror": (rooms.mirror, ("mirror", "dressing table", "vanity")),
    # places people work and gather (sites.py)
    "derrick": (sites.derrick, ("derrick", "drill floor", "the drill", "drill pipe", "drilling", "oil rig",
                                "oil platform", "oil well", "rig floor", "pipe deck")),
    "rock_drill": (_rock_drill, ("rock drill", "mining drill", "drilling jumbo", "jackhammer", "pneumatic drill")),
    "helideck": (sites.helideck, ("helipad", "heliport", "painted h ", "landing pad")),
    "headsets": (sites.headsets, ("headsets", "call centre", "call center", "call floor", "contact centre",
                                  "contact center", "helpline", "switchboard", "telephonist", "leaderboard",
                                  "escalations")),
    "food_stall": (sites.food_stall, ("food stall", "street food", "food truck", "food van", "noodle", "ramen",
                                      "hawker", "yatai", "dumpling", "paper lantern", "steam from the pots",
                                      "counter for six", "takoyaki", "kebab")),
    "racking": (sites.racking, ("racking", "shelving", "forklift", "pallet", "warehouse floor", "distribution centre",
                                "fulfilment centre", "fulfillment center", "stockroom")),
    "scaffold": (sites.scaffold, ("scaffold", "building site", "construction site", "cement mixer",
                                  "crane driver", "tower crane", "topping-out", "topping out", "girder",
                                  "steel going up")),
    "tea_urn": (sites.tea_urn, ("tea urn", "urn", "trestle", "noticeboard", "notice board", "village hall",
                                "church hall", "community hall", "scout hut", "jumble sale", "bring and buy",
                                "stacking chairs", "knitting circle", "bingo", "kitchen hatch")),
    "carnival_float": (sites.carnival_float, ("float", "parade", "carnival", "mardi gras", "samba", "street party",
                                              "bunting", "procession", "feathers")),
    "lifeguard_chair": (sites.lifeguard_chair, ("lifeguard", "swimming pool", "lane rope", "chlorine", "deep end",
                                                "lido", "swimming bath")),
    "boxing_ring": (sites.boxing_ring, ("boxing ring", "sparring ring", "title fight", "prizefight", "prize fight",
                                        "boxing match")),
    "quarry": (sites.quarry, ("quarry", "quarries", "gravel pit", "clay pit")),
    "wedding_tables": (sites.wedding_tables, ("wedding reception", "round tables", "wedding cake", "a cake",
                                              "the cake", "wedding breakfast")),
    # a zoo's (sites.py)
    "enclosure": (sites.enclosure, ("enclosure", "big cat", "house of tigers", "tiger house", "lion house",
                                    "bear pit", "menagerie", "animal pen")),
    "viewing_platform": (sites.viewing_platform, ("giraffe", "treetop platform", "tree-top platform",
                                                  "canopy walk", "viewing platform")),
    # the sea coast's (coast.py: a place on the sea with these is drawn as the shore, a high one as a
    # lighthouse's gallery; elsewhere the rocks, the wreck and the tower stand as pieces)
    "light_tower": (coast.far_light, ("lighthouse", "light tower", "light-tower", "foot of the tower",
                                        "below the light", "under the light", "light at the end", "breakwater light",
                                        "harbour light", "harbor light")),
    "rocks": (coast.rocks, ("rocks", "rocky", "reef", "reefs", "breakers", "skerry", "skerries", "crags",
                            "sea stack", "on a rock", "the rock ", "boulders", "rock pool", "rockpool")),
    "cliff": (coast.cliff, ("cliff", "cliffs", "clifftop", "cliff-top", "headland", "promontory", "bluff")),
    "wreck": (coast.wreck, ("wreck", "wrecked", "wreckage", "shipwreck", "run aground", "ran aground", "aground",
                            "stranded ship", "broken hull")),
    "railing": (coast.railing, ("railed", "railing", "railings", "walkway", "catwalk", "lantern gallery",
                                "widow's walk", "round the top", "around the top")),
    "potted_plant": (rooms.potted_plant, ("potted", "fern", "ficus", "houseplant", "pot plant", "rubber plant")),
    # a lodge's (rooms.py builds its log walls from the same words)
    "antlers": (rooms.antlers, ("antler", "lodge", "chalet", "hunting", "stag's head", "trophy head", "log cabin")),
    "back_bar": (rooms.back_bar, ("bar ", "bar of ", "après", "apres", "bartender", "barman",
                                  "barmaid", "beer tap", "taproom")),
    "jukebox": (rooms.jukebox, ("jukebox", "juke box", "juke-box")),
}
#: Each piece's place in PIECES: where one word names several, the one listed first is the signature.
ORDER = {name: i for i, name in enumerate(PIECES)}
#: Pieces that hang on the far wall (drawn there, not on the floor).
ON_WALL = {"antlers", "cafe_window", "stage", "portraits", "banners", "portholes", "pipes", "blackboard", "big_top", "barber_pole", "pigeonholes",
           "scoreboard", "mixing_desk", "mirror", "wall_cross"}
#: Pieces that stand only indoors: furniture, fittings and machines of a room, not set down in a
#: street, a yard or on a beach (main street's diner and barber shop are along it, not on the pavement).
INDOORS = {"temple_altar", "pods", "bunks", "books", "hearth", "long_hearth", "loaves", "stove", "judge", "periscope", "pipes", "bed", "throne", "machines",
           "desk", "piano", "clock", "portraits", "screens", "portholes", "flasks", "blackboard", "shop", "washers",
           "barber_chairs", "mic", "mixing_desk", "chairs", "low_table", "reception", "glass_counter",
           "crowded_shelves", "pigeonholes", "lockers", "scoreboard", "mirror", "headsets", "racking", "tea_urn",
           "cot", "wall_cross", "cafe_tables", "cafe_counter", "cafe_window", "antlers", "back_bar", "jukebox",
           "lens", "stairs"}
#: Pieces that stand only in the open air: a lighthouse's tower, rocks, a cliff, a wreck, a railed
#: walkway and a moored boat are the coast's (coast.py), not a room's (the lamp room has the lens, the stair its spiral).
OUTDOORS = set(coast.COAST_PIECES) | {"boat"}  # (a boat moored at its quay: not in the harbourmaster's house)
#: A place's words that make its world a harbour's: the world's village is on the sea (a harbour village
#: whose plan kept only "the cottage" and "the village green", beside "the quayside").
HARBOUR_WORDS = re.compile(r"\b(?:harbou?rs?|quays?|quayside|wharf|wharves|fishing (?:village|town|port|fleet|boats?))\b")


#: Pieces that cannot stand in a world before this year (None: only in the present or future):
#: a Victorian "climate-controlled" vault has no screens, a medieval cell no cryo pods.
SINCE: dict[str, int | None] = {"screens": 1950, "pods": None, "band_gear": 1950, "jukebox": 1930, "mic": 1920,
                                "mixing_desk": 1950, "washers": 1910, "headsets": 1960, "racking": 1950,
                                "helideck": 1950, "derrick": 1860, "rock_drill": 1870, "lockers": 1900}
#: What stands for a piece before its year (SINCE): a band of the past has its day's instruments,
#: not an amplifier and an electric guitar; the 1920s' speakeasy its piano, not a jukebox.
OLDER: dict[str, str] = {"band_gear": "old_band", "jukebox": "piano"}


def of_year(piece: str, year: int | None) -> str | None:
    """The piece that stands for ``piece`` in the world's ``year`` (None: the present): itself, its
    older stand-in (OLDER), or None where there was none."""
    while piece in SINCE and year is not None and (SINCE[piece] is None or year < (SINCE[piece] or 0)):
        if piece not in OLDER:
            return None
        piece = OLDER[piece]
    return piece


#: Pieces that stand for a wider one when both are found: a ramen stall's counter and lantern, not a
#: market's fruit stall or a shop's shelves of bottles.
SUPERSEDES: dict[str, tuple[str, ...]] = {"food_stall": ("stalls", "shop"), "headsets": ("desk",),
                                          "racking": ("crates",), "boxing_ring": ("big_top",)}


#: Words that begin with a piece's word but mean something else: a "bright" room has no brig's
#: bars, a lighthouse "keeper" no castle keep, an octopus's "tentacles" no tent, an "inner" room no inn.
FALSE_FRIENDS = ("bright", "brigade", "cello", "inner", "innocen", "inning", "rumour", "rumor", "rumbl", "rummag",
                 "keeper", "holding", "household", "holder", "message", "messeng", "messy", "million", "fairy",
                 "fairly", "campaign", "campus", "trailer", "courtesy", "courteous", "podium", "podcast", "ample",
                 "amphib", "gigantic", "tartan", "pierc", "pumpkin", "forged", "forger", "forget", "forgiv",
                 "tentacle", "tentativ", "storey", "docket", "bankrupt", "sacked", "cooki", "engineer", "gateau",
                 "helmet", "stableman", "shopping", "herbert", "judgement", "judgment", "cellar", "floati",
                 "cabinet", "meadow", "courtyard", "courtier", "docking", "holds", "stalled", "miller", "judged",
                 "screening", "bookmaker", "bookie", "storeroom", "storehouse", "bunker", "counterfeit",
                 "counterpart", "countermeasure", "counterattack", "counterintelligence", "counterspy",
                 "countersign", "counterweight", "countertop", "cliffhang", "bluffing", "bluffed", "rockstar")


#: Phrases read as one thing before any word in them is (with the pieces they name, maybe none):
#: a ring road is a road (no circus ring), a loading dock a warehouse's (no boat), a site cabin a
#: portacabin (no ship's bunk and portholes), a screen door no monitor, a food court a food stall.
COMPOUNDS: dict[str, tuple[str, ...]] = {
    "ring road": (), "ring-road": (), "road ring": (), "boxing ring": ("boxing_ring",),
    "sparring ring": ("boxing_ring",), "prize ring": ("boxing_ring",),
    "loading dock": ("crates",), "loading bay": ("crates",), "dock road": (),
    "site cabin": ("desk", "tea_urn"), "portacabin": ("desk", "tea_urn"), "site office": ("desk", "tea_urn"),
    "economy cabin": ("portholes",), "cabin crew": ("portholes",), "crane cab": (), "taxi cab": (),
    "screen door": (), "food court": ("food_stall",), "gas cell": (), "reception hall": (), "function room": (),
    "control gallery": ("screens",), "fly gallery": ("stage",), "rope bridge": (), "bridge over": (),
    "bridge between": (), "parade ground": (), "rice cooker": (), "mess of": (), "a mess": (),
    "lanes roped": ("lifeguard_chair",), "over the stalls": ("stage",), "stalls of straw": (),
    "operating theatre": (), "lecture theatre": ("blackboard",), "cloud bank": (), "river bank": (),
    "riverbank": (), "snow bank": (), "sand bank": (), "grassy bank": (), "chained gate": (), "sleeping platform": (),
    "camp bed": ("bed",), "powder magazine": ("barrels",), "to study": (), "mirror ball": (),
    "docking port": (), "to control": (), "powder store": ("barrels",), "flour store": ("sacks",),
    "prop store": ("crates",), "store of": ("crates",),
}

#: Words that say a place is a temple's or is in East Asia, where bells and altars are a temple's.
EAST_ASIAN_WORDS = ("temple", "shrine", "pagoda", "buddhist", "buddha", "shinto", "zen", "japan", "china", "chinese",
                    "korea", "edo", "kyoto", "shogun", "samurai", "tibet", "nepal", "thai", "siam", "vietnam")
#: Words whose sense the place's other words, or its world's, decide: (the words, words that say
#: the sense, what the words name in that sense). A cell in a monastery is a monk's (a cot under a
#: cross, no prison bars); the drills of a mine are rock drills (no oil derrick), a dentist's none.
SENSES: tuple[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...] = (
    (("cell",), ("monaster", "monk", "nun ", "nuns", "nunnery", "convent", "abbey", "abbot", "abbess", "priory",
                 "friar", "hermit", "cloister"), ("cot", "wall_cross")),
    (("the drill", "drilling", "drill pipe", "drill floor"),
     ("asteroid", "mine ", "mines", "mining", "miner", "colliery", "coal", "ore ", "ores", "quarr", "tunnel",
      "pithead", "pit face", "rock face", "coal face"), ("rock_drill",)),
    (("the drill", "drilling"), ("dentist", "dental"), ()),
    # a train's sleepers are bunks (no cryo pods), a plane's, a bus's or a starship's hold has crates (no
    # barrels), a fire station's engine is a fire engine (no boiler's pipes), an airport's lounge has no
    # piano, an organ loft's or a dome's gallery no portraits
    (("sleeper",), ("train", "railway", "carriage", "compartment", "couchette", "sleeper car"), ("bunks",)),
    (("hold",), ("starship", "spaceship", "space", "airliner", "plane", "aircraft", "jet", "bus", "luggage",
                 "suitcase", "lorry", "truck"), ("crates",)),
    (("engine",), ("fire station", "fire engine", "firefight", "fire crew", "hoses"), ()),
    (("lounge",), ("departure", "airport", "terminal", "transit", "airline"), ()),
    (("gallery",), ("organ", "dome", "catwalk", "minstrel", "shooting"), ()),
    # a counter where food is served or a bank's or a hotel's is no shop's shelves of bottles; a school's
    # gym, stage or hall, or a school of dance or kung fu, has no classroom's blackboard; a longhouse's or
    # a mead hall's hearth is the long fire down the middle of the hall
    (("counter",), ("diner", "cafe", "café", "coffee", "espresso", "restaurant", "kitchen", "the pass", "truck stop",
                    "bar ", "pub", "canteen", "lunch", "pie under", "stools"), ()),
    (("counter",), ("bank", "teller", "motel", "hotel", "front office", "post office", "check-in", "ticket",
                    "reception"), ("reception",)),
    (("school",), ("gym", "stage", "assembly", "hall", "dojo", "dance", "riding", "fencing", "martial", "karate",
                   "kung fu", "ballet", "swimming", "bus", "yard", "field", "rival"), ()),
    (("hearth", "fireplace", "fireside", "longhouse"), ("longhouse", "mead hall", "mead-hall", "viking", "norse",
                                                        "jarl"), ("long_hearth",)),
    # a temple's, a shrine's or a pagoda's bell (or any in a world of East Asia) hangs in a bell house
    # under a curved roof, struck by a log, with no church's arch; a monastery there has no cross
    (("belfry", "bell tower", "bell-tower", "bells", "bell rope", "campanile"), EAST_ASIAN_WORDS, ("temple_bell",)),
    (("monaster",), EAST_ASIAN_WORDS, ("temple_altar",)),
)


#: Words that name a piece only in some kinds of place: a bridge's screens are a ship's (a rope
#: bridge over a gorge has none), a gallery's portraits hang indoors (a lighthouse's gallery is
#: its railed walkway), a float is a carnival's only where nothing floats (not in space), a ring
#: is a circus's only in a hall or a tent.
KIND_ONLY: dict[str, frozenset[str]] = {
    "bridge": frozenset({"spaceship", "space_station", "sea", "interior", "office", "lab", "train"}),
    "gallery": frozenset({"interior", "ballroom", "castle", "apartment", "office"}),
    "float": frozenset({"city_street", "village", "warehouse", "beach", "desert", "alley", "rooftop", "ballroom",
                        "interior"}),
    "the ring": frozenset({"ballroom", "village", "interior", "warehouse", "forest", "desert"}),
    "cabin": frozenset({"interior", "spaceship", "train", "sea", "apartment", "forest", "mountain", "village"}),
    "stall": frozenset({"city_street", "village", "alley", "beach", "desert", "bar", "interior", "ballroom"}),
    "gate ": frozenset({"interior", "ballroom", "office"}),
    "platform": frozenset({"city_street", "train", "interior", "ballroom", "office", "alley"}),
    "pump": frozenset({"interior", "warehouse", "lab", "spaceship", "space_station", "sea", "office"}),
    "museum": frozenset({"interior", "ballroom", "office", "castle", "apartment"}),
    "bar ": frozenset({"bar", "interior", "ballroom", "apartment"}),
    "bar of ": frozenset({"bar", "interior", "ballroom", "apartment"}),
}


_PATTERNS: dict[tuple[int, str | None], tuple[re.Pattern[str], dict[str, list[str]]]] = {}
_REST = re.compile(r"[\w'-]*")


def _pattern(words: "dict[str, tuple[str, ...]]", kind: str | None) -> tuple[re.Pattern[str], dict[str, list[str]]]:
    """One regex for all of ``words`` that count in ``kind``: at each place in a text, the longest
    word that starts there (a lookahead, so that overlapping words are all seen); and the words by
    their first two letters, for the shorter ones that start there too ("clock" in "clockwork")."""
    key = (id(words), kind)
    if key not in _PATTERNS:
        ws = sorted((w for w in words if kind is None or w not in KIND_ONLY or kind in KIND_ONLY[w]),
                    key=len, reverse=True)
        by: dict[str, list[str]] = {}
        for w in ws:
            by.setdefault(w[:2], []).append(w)
        _PATTERNS[key] = (re.compile(r"(?=\b(" + "|".join(map(re.escape, ws)) + "))"), by)
    return _PATTERNS[key]


def _end(low: str, w: str, at: int) -> int:
    """Where the word ``w`` found at ``at`` ends: "bed " itself, else with the rest of its word."""
    return at + len(w) if w.endswith(" ") else _REST.match(low, at + len(w)).end()  # type: ignore[union-attr]


def _spans(low: str, words: "dict[str, tuple[str, ...]]", kind: str | None) -> list[tuple[int, int, str]]:
    """Where each word of ``words`` (word -> what it names) stands in ``low``: (start, end, word),
    a phrase before the words in it: a match inside or across a longer one does not count."""
    hits = []
    pattern, by = _pattern(words, kind)
    for m in pattern.finditer(low):
        at = m.start()
        end = _end(low, m.group(1), at)
        for w in by[m.group(1)[:2]]:  # the longest word here, and any shorter one that is the same word
            if not low.startswith(w, at) or _end(low, w, at) != end:
                continue
            last, own = low[at:end].rsplit(" ", 1)[-1], w.strip().rsplit(" ", 1)[-1]  # "the keeper's": a keeper
            if not any(len(f) > len(own) and last.startswith(f) for f in FALSE_FRIENDS):
                hits.append((at, end, w))
    hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
    kept: list[tuple[int, int, str]] = []
    for h in hits:  # the longest first: a shorter one overlapping a kept one is part of it
        if not any(h[0] < k[1] and k[0] < h[1] and (h[0], h[1]) != (k[0], k[1]) for k in kept):
            kept.append(h)
    return kept


#: Every word that names pieces: each piece's own words, and the phrases read before them.
_NAMES: dict[str, tuple[str, ...]] = {}


def _names() -> dict[str, tuple[str, ...]]:
    if not _NAMES:
        for piece, (_, words) in PIECES.items():
            for w in words:
                _NAMES[w] = _NAMES.get(w, ()) + (piece,)
        for w, named in COMPOUNDS.items():
            _NAMES[w] = named
    return _NAMES


#: Words that say what follows is not there ("no clocks", "without windows", "not a single book"),
#: phrases that begin like them but say nothing is missing ("no one winds the clock"), and words
#: that end what a negation covers ("no escape from the cell": the cell is there).
NEGATORS = ("no", "without", "not a", "not an", "not one", "not a single", "never a", "free of", "devoid of",
            "bare of", "lacking")
NOT_NEGATORS = ("no one", "no-one", "no longer", "no matter", "no more", "no less", "no end", "no sooner", "no doubt",
                "no wonder", "no way", "no time", "not a word", "not a sound", "not a soul")
NEGATION_ENDS = ("from", "in", "on", "at", "to", "for", "of", "under", "over", "behind", "by", "with", "but", "and a",
                 "and an", "and the", "except", "only", "just", "that", "which", "where", "who", "than", "since")
_NEGATOR = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, NEGATORS), key=len, reverse=True)) + r")\b")
_NEGATION_END = re.compile(r"[,.;:!?()]|\b(?:" + "|".join(sorted(map(re.escape, NEGATION_ENDS), key=len,
                                                                  reverse=True)) + r")\b")


def negated(low: str) -> list[tuple[int, int]]:
    """Where ``low`` (lower case) says something is not there: from each negator to the end of what
    it covers (a clause's end, or a word such as "from" or "and a" after the thing)."""
    spans = []
    for m in _NEGATOR.finditer(low):
        if any(re.match(rf"{re.escape(n)}\b", low[m.start():]) for n in NOT_NEGATORS):
            continue
        end = _NEGATION_END.search(low, m.end())
        spans.append((m.end(), end.start() if end else len(low)))
    return spans


def unwanted(text: str) -> set[str]:
    """The set pieces ``text`` says are not there ("no clocks", "without a single book")."""
    low = f" {text.lower()} "
    spans = negated(low)
    names = _names()
    return {p for at, _, w in _spans(low, names, None) if any(a <= at < b for a, b in spans) for p in names[w]}


def windowless(text: str) -> bool:
    """``text`` says there are no windows ("a windowless cell", "a room without windows")."""
    low = f" {text.lower()} "
    return re.search(r"\bwindowless\b", low) is not None \
        or any(re.search(r"\bwindows?\b", low[a:b]) for a, b in negated(low))


def _sense(w: str, named: tuple[str, ...], context: str) -> tuple[str, ...]:
    """What the word ``w`` names in the sense its ``context`` (a place's and its world's words) gives
    it (SENSES), else its own pieces."""
    for words, says, instead in SENSES:
        if w in words and any(re.search(rf"\b{re.escape(s)}", context) for s in says):
            return instead
    return named


#: Words that name a whole building whose pieces each stand in one of its rooms: a lighthouse's
#: lens is its lamp room's and its spiral stair the stair's. They dress a place they name only where
#: its words name no room of their own ("the lighthouse: a warm round kitchen" has a stove, no lens),
#: and never a room of a world they name (``pieces(..., part=True)``: the keeper's kitchen, the pass).
BUILDINGS = frozenset({"lighthouse"})


def pieces(name: str, description: str = "", limit: int = 3, *, year: int | None = None,
           kind: str | None = None, outdoors: bool = False, context: str = "", against: str = "",
           part: bool = False) -> list[str]:
    """The set pieces a place's words name, most specific first (the name before the description),
    leaving out those the world's era (``year``; None: the present) cannot have, and in the open
    air (``outdoors``) those that stand only in a room (INDOORS), in a room those that stand only
    in the open air (OUTDOORS). A phrase is read before the words
    in it (COMPOUNDS), some words count only in some kinds of place (KIND_ONLY; ``kind`` None: in
    any), and some name what they mean where the place's words or ``context`` (its world's) say so
    (SENSES: a monastery's cells). None that its words, or ``against`` (the world's rules), say are
    not there ("no clocks"). A building's word (BUILDINGS) dresses only a place that names no room
    of it, and none where the words name the building a room is ``part`` of. Words after over, below
    ... name another place (rooms.elsewhere); in the open air the coast's landmarks among them are
    seen from here all the same ("cottages below the light": the lighthouse above them)."""
    found: list[str] = []
    names = _names()
    refused = unwanted(name) | unwanted(description) | unwanted(against)
    said = re.sub(r"[^\w' -]", " ", f" {name} {description} {context} ".lower())
    whole = part or bool(_INSIDE.search(" ".join(rooms.elsewhere(f" {t.lower()} ") for t in (name, description))))
    for i, text in enumerate((name, description)):
        low = f" {text.lower()} "
        near = low if i == 0 else rooms.elsewhere(low)  # (the same length: blanked, not cut)
        hits: dict[str, int] = {}
        for at, _, w in _spans(low, names, kind):
            if (w in BUILDINGS and whole) or (near[at] != low[at] and not (outdoors and set(names[w]) <= OUTDOORS)):
                continue
            for named in _sense(w, names[w], said):
                piece = of_year(named, year)
                if piece is None:
                    continue
                if (outdoors and piece in INDOORS) or (not outdoors and piece in OUTDOORS) or piece in refused:
                    continue
                if piece not in found and at < hits.get(piece, len(low)):
                    hits[piece] = at
        found += sorted(hits, key=lambda p: (hits[p], ORDER[p]))  # a tie: the signature first
    for piece, wider in SUPERSEDES.items():  # a food stall is no market's fruit stall: it takes that one's place
        for w in wider:
            if piece in found and w in found:
                at = min(found.index(w), found.index(piece))
                found = [p for p in found if p not in (w, piece)]
                found.insert(at, piece)
    return found[:limit]


#: Words that say a place is a room inside, whatever kind of place it is drawn as (a castle's
#: kitchens, great hall and throne room, a dungeon's guard room, a tower's summoning room); words
#: that say it is outside all the same (a hall whose roof is falling in, the wall-walk); and
#: buildings whose inside is meant where the words say what is in them ("a stone hut with a stove",
#: "a patched-up bus with a stove and bunks"; not "a cottage with roses round the door").
INSIDE_WORDS = ("hall", "kitchen", "room", "chamber", "cellar", "chapel", "crypt", "corridor", "passage", "cell",
                "sanctum", "nook", "cubbyhole", "quarters", "library", "dormitory", "dormitories", "vault", "aisle",
                "hearth", "fireside", "throne", "attic", "parlour", "parlor", "pantry", "scullery", "galley",
                "below deck", "below decks", "indoors", "longhouse", "long house", "mead hall", "mead-hall")
OUTSIDE_WORDS = ("outside", "outdoor", "outdoors", "open air", "open-air", "open to the sky", "roof", "roofs",
                 "rooftop", "wall-walk", "battlement", "battlements", "courtyard", "yard", "garden", "steps",
                 "exterior")
SHELTERS = ("hut", "bus", "shack", "cabin", "caravan", "cottage", "bothy", "shelter", "lodge", "house", "trailer",
            "wagon", "tent", "igloo", "hovel", "shanty", "hideout", "den")
_INSIDE = re.compile(r"\b(?:" + "|".join(map(re.escape, INSIDE_WORDS)) + r")(?:s|es)?\b")
_OUTSIDE = re.compile(r"\b(?:" + "|".join(map(re.escape, OUTSIDE_WORDS)) + r")\b")
_SHELTER_WITH = re.compile(r"\b(?:" + "|".join(SHELTERS) + r")(?:s|es)?\b[^.;,]*?\bwith\b([^.;]*)")


def inside(name: str, description: str = "", *, kind: str | None = None) -> bool:
    """The place's words say it is a room inside (its name or description names a room, or a
    building with the things that stand in it), and nothing in them says it is outside: for the
    open-air kinds of place, which are drawn from outside unless this says so. Words after
    over/above/behind ... name another place (rooms.elsewhere)."""
    low = " ".join(rooms.elsewhere(f" {t.lower()} ") for t in (name, description))
    if _OUTSIDE.search(low):
        return False
    if _INSIDE.search(low):
        return True
    return any(INDOORS & set(pieces(m.group(1), limit=9, kind=kind)) for m in _SHELTER_WITH.finditer(low))


def dress(k: Kit, names: list[str], *, floor: float) -> None:
    """Draw the pieces: the first two (the place's signature first) at the sides, where the wide
    shot's people stand beside them rather than in front of them, a third in the middle (seen in
    the establishing shot), each standing on ``floor`` (units) of the middle layer; wall pieces
    on the far layer."""
    slots = [0.17, 0.83, 0.5]
    for i, name in enumerate(names[:3]):
        fn = PIECES[name][0]
        x = k.w * slots[i] + float(k.rng.uniform(-4, 4))
        if name in ON_WALL:
            fn(k, k.far, x, floor)
        else:
            fn(k, k.mid, x, floor)



#: What a place's windows look out on, by its words (checked in this order); else the city.
VIEWS: list[tuple[str, tuple[str, ...]]] = [
    ("stars", ("outer space", "deep space", "in space", "into space", "through space", "space station",
               "space ship", "spaceship", "spacecraft", "spaceport", "space port", "space dock", "space colony",
               "space hotel", "space elevator", "space walk", "spacewalk", "spacesuit", "star", "orbit", "ship's",
               "starship", "generation")),
    ("sea", ("sea", "ocean", "lighthouse", "harbour", "harbor", "coast", "island", "beach", "ship", "boat", "bay",
             "cliff", "shore", "port", "pier", "lamp room", "waves", "oil rig", "offshore", "helideck",
             "oil platform", "undersea", "fishing village", "fishing town", "fishing port", "fishing fleet")),
    # high mountains: snowy peaks over pines (rocky ones in a warm land: Kit.warm), not a town's roofs
    ("mountains", ("alps", "alpine", "ski ", "ski-", "skiing", "skier", "chalet", "piste", "black run", "ski lift",
                   "ski-lift", "mountain", "himalaya", "everest", "base camp", "glacier", "snowed in",
                   "snowbound", "snow-bound", "avalanche", "dolomites", "rockies", "andes", "pyrenees", "tyrol",
                   "matterhorn", "mont blanc")),
    ("hills", ("roadside", "route 66", "truck stop", "prairie", "interstate", "village", "farm", "cottage", "manor", "castle", "countryside", "highland", "moor", "valley",
               "forest", "woods", "ranch", "longhouse", "palace", "abbey", "inn", "tavern", "monaster",
               "convent", "priory", "nunnery", "hermitage", "polar", "arctic", "antarctic", "tundra")),
]
#: Words that say the stars only in a world of the present or the future, where ships fly: a
#: pirate ship's galley or the family's fourth generation in 1720 looks on the sea or the town.
FUTURE_STARS = ("ship's", "generation")
#: Words that begin with a view's word, and phrases that hold one, that say nothing of the view: a
#: throne's seat or a season no sea, a portrait or a portacabin no port, a loading bay no bay, a film
#: star's trailer or the starting whistle no night sky.
NOT_VIEWS = ("seat", "season", "seam", "search", "portrait", "portacabin", "portable", "porter", "portal",
             "portion", "portfolio", "portly", "starting", "start", "stare", "starving", "stark", "starch", "star's",
             "a star on", "film star", "pop star", "rock star", "movie star", "star player", "star pupil",
             "loading bay", "engine bay", "sick bay", "car bay", "parking bay", "cargo bay", "docking bay", "bomb bay",
             "bay window", "bayonet", "baying", "mountain of", "mountains of", "made a mountain")


#: Places under the sea, by their own words (not the world's: a diver's ship is still on the sea):
#: a wreck's, or the open water's; their windows (portholes) look on water too.
UNDER: list[tuple[str, tuple[str, ...]]] = [
    ("wreck", ("sunken", "shipwreck", "wreck of", "galleon's grave", "sunk ")),
    ("underwater", ("underwater", "under water", "under the sea", "undersea", "seabed", "sea bed", "sea floor",
                    "seafloor", "ocean floor", "sea-floor", "reef", "submarine", "bathysphere", "abyss",
                    "deep-sea", "kelp forest", "sea cave")),
]


#: Words that say a place of a world on Mars is in orbit above it (its windows show stars over the
#: planet's curve), not on its ground (the red desert under the dome).
ORBIT_WORDS = ("station", "orbit", "phobos", "deimos", "asteroid", "docking", "space", "starship", "spaceship",
               "in flight", "moon base")


def view_of(name: str, description: str, *, year: int | None, world: str = "", rules: str = "",
            mars: bool = False, body: str | None = None) -> str:
    """What the windows show: under water (a wreck or open water), none (the place's words or the
    world's ``rules`` say it has no windows), stars, sea, mountains, hills or city; on another world
    (``body``: procedural.body_of) its own ground ("moon", "mars") or from orbit. A world before its towers
    has no city skyline to show, so its town windows look on roofs (the window draws them: Kit.towers)
    and its country on hills. Stars are space's (a crawl space, the oily space of an engine
    compartment or the dry space under a bridge are no outer space), and a ship's only where ships
    fly (``year`` None)."""
    under, blanks, views = _view_patterns()
    own = f"{name} {description} ".lower()
    for view, pattern in under:
        if pattern.search(own):
            return view
    if windowless(own) or windowless(rules):
        return "none"
    if body == "moon":  # a Moon base's windows show grey dust and craters, the Earth in a black sky
        return "moon"
    if mars or body == "mars":  # a world on Mars: a colony's windows show its red desert, a station's the planet from orbit
        return "orbit" if any(re.search(rf"\b{w}", own) for w in ORBIT_WORDS) else "mars"
    low = f"{name} {description} {world}".lower()
    for blank in blanks:  # (blanked, so the view's word in it is not read)
        low = blank.sub(lambda m: " " * len(m.group(0)), low)
    for view, now, then in views:  # (a ship's window shows the stars only where ships fly)
        if (now if year is None else then).search(low):
            return view
    return "city"


@cache
def _view_patterns() -> "tuple[list[tuple[str, re.Pattern[str]]], list[re.Pattern[str]], list[tuple[str, re.Pattern[str], re.Pattern[str]]]]":
    """view_of's words compiled once: under the sea, the phrases blanked, and each view's words in
    a world of today and of the past."""
    def starts(words: "tuple[str, ...] | list[str]") -> re.Pattern[str]:
        return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + ")")

    under = [(view, starts(words)) for view, words in UNDER]
    blanks = [re.compile(rf"\b{re.escape(phrase)}[\w']*") for phrase in NOT_VIEWS]
    views = [(view, starts(words), starts([w for w in words if view != "stars" or w not in FUTURE_STARS]))
             for view, words in VIEWS]
    return under, blanks, views
