"""Props the story names, drawn so they read without a caption: a key, a crown, a gavel, a
periscope, a ledger, a stove ...

Each drawing is centred on (0, 0) and about 60 units across; the caller scales it (an insert
fills the frame with it, a hand holds it at a tenth of a person's height). ``find(text)`` picks
the prop a phrase names by its words ("the late king's silver tiara" -> tiara); a phrase that
names nothing drawable gets None, and the caller falls back to a folded letter and says so.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import lru_cache

import skia

from . import icons
from .looks import Grade
from .paint import fill, poly, stroke

Draw = Callable[[skia.Canvas, Grade, float], None]


def _key(c: skia.Canvas, g: Grade, t: float) -> None:
    gold = fill(g.c("#d8b040"))
    c.drawCircle(-18, 0, 9, gold)
    c.drawCircle(-18, 0, 4.5, fill(g.c("#2a1e16")))
    c.drawRect(skia.Rect(-10, -2, 22, 2), gold)
    for x in (12.0, 17.0):
        c.drawRect(skia.Rect(x, 2, x + 3, 8), gold)


def _letter(c: skia.Canvas, g: Grade, t: float) -> None:
    c.drawRect(skia.Rect(-22, -28, 22, 28), fill(g.c("#f2ecd8")))
    for i in range(9):
        c.drawLine(-17, -20 + i * 5, 17 - (i % 3) * 5, -20 + i * 5, stroke(g.c("#3a3a5a", 0.8), 0.7))


def _envelope(c: skia.Canvas, g: Grade, t: float) -> None:
    c.drawRect(skia.Rect(-28, -17, 28, 17), fill(g.c("#efe6cc")))
    c.drawPath(poly([(-28, -17), (0, 4), (28, -17)], close=False), stroke(g.c("#9a8a6a"), 1.0))
    c.drawCircle(0, 4, 4, fill(g.c("#a02020")))


def _book(c: skia.Canvas, g: Grade, t: float, cover: str = "#6a2a20") -> None:
    c.drawRoundRect(skia.Rect(-24, -30, 24, 30), 2, 2, fill(g.c(cover)))
    c.drawRect(skia.Rect(-24, -30, -18, 30), fill(g.c("#3a1a12")))
    c.drawRect(skia.Rect(18, -28, 23, 28), fill(g.c("#ece4cc")))
    c.drawRect(skia.Rect(-8, -16, 14, -6), stroke(g.c("#d8b040"), 0.8))


def _ledger(c: skia.Canvas, g: Grade, t: float) -> None:
    # an open account book: two pages of ruled columns of figures
    c.drawRect(skia.Rect(-32, -22, 32, 22), fill(g.c("#2a3a2a")))
    for side in (-1, 1):
        page = skia.Rect(min(0, side * 30), -20, max(0, side * 30), 20)
        c.drawRect(page, fill(g.c("#f0e8d0")))
        for i in range(7):
            y = -14 + i * 5
            c.drawLine(page.left() + 2, y, page.right() - 2, y, stroke(g.c("#8aa0c0"), 0.4))
            c.drawLine(page.right() - 9, y - 2, page.right() - 3, y - 2, stroke(g.c("#202020"), 0.8))
        c.drawLine(page.right() - 11, -18, page.right() - 11, 18, stroke(g.c("#c04040"), 0.5))


def _crown(c: skia.Canvas, g: Grade, t: float, tiara: bool = False) -> None:
    gold = fill(g.c("#e0b83a"))
    if tiara:
        path = skia.Path()
        path.moveTo(-28, 8)
        path.quadTo(0, -30, 28, 8)
        path.quadTo(0, -12, -28, 8)
        c.drawPath(path, gold)
        for x, y in ((-14, -5), (0, -13), (14, -5)):
            c.drawCircle(x, y, 3.2, fill(g.c("#bfe8ff", lit=0)))
        return
    c.drawPath(poly([(-26, 12), (-26, -14), (-13, 0), (0, -20), (13, 0), (26, -14), (26, 12)]), gold)
    for x in (-13.0, 0.0, 13.0):
        c.drawCircle(x, 5, 3, fill(g.c("#c02a3a")))


def _gavel(c: skia.Canvas, g: Grade, t: float) -> None:
    wood = fill(g.c("#6a3a1a"))
    c.save()
    c.rotate(-30 + 25 * abs(math.sin(t * 9)))  # it comes down on the block
    c.drawRoundRect(skia.Rect(-4, -18, 26, -10), 2, 2, wood)
    c.drawRoundRect(skia.Rect(-12, -26, 0, -2), 3, 3, wood)
    c.restore()
    c.drawRoundRect(skia.Rect(-20, 10, 8, 18), 3, 3, fill(g.c("#4a2a12")))


def _periscope(c: skia.Canvas, g: Grade, t: float) -> None:
    steel = fill(g.c("#7a8490"))
    c.drawRect(skia.Rect(-4, -30, 4, 30), steel)
    c.drawRect(skia.Rect(-4, -30, 14, -20), steel)
    c.drawRect(skia.Rect(10, -29, 14, -21), fill(g.c("#bfe8ff", lit=0)))
    for side in (-1, 1):
        c.drawRoundRect(skia.Rect(side * 4 - (10 if side < 0 else 0), 8, side * 4 + (10 if side > 0 else 0), 12),
                        2, 2, fill(g.c("#3a3a40")))


def _stove(c: skia.Canvas, g: Grade, t: float) -> None:
    c.drawRect(skia.Rect(-26, -10, 26, 26), fill(g.c("#2a2a2e")))
    c.drawRect(skia.Rect(-18, 2, 18, 20), fill(g.c("#1a1a1a")))
    c.drawRect(skia.Rect(-16, 4, 16, 18), fill(g.c("#ff8a2a", 0.5 + 0.3 * math.sin(t * 12), lit=0)))
    c.drawRect(skia.Rect(-8, -30, 18, -18), fill(g.c("#8a8a90")))  # a pot on the hob
    for i in range(3):  # steam
        x = -2 + i * 7
        c.drawLine(x, -34 - 4 * math.sin(t * 5 + i), x + 2, -46, stroke(g.c("#ffffff", 0.5, lit=0), 1.2))


def _ring(c: skia.Canvas, g: Grade, t: float) -> None:
    c.drawCircle(0, 6, 14, stroke(g.c("#e0b83a"), 4.5))
    c.drawPath(poly([(-7, -8), (0, -18), (7, -8), (0, -4)]), fill(g.c("#d8f4ff", lit=0)))


def _map(c: skia.Canvas, g: Grade, t: float) -> None:
    c.drawRect(skia.Rect(-30, -20, 30, 20), fill(g.c("#e0cc98")))
    c.drawPath(poly([(-25, 10), (-10, -5), (5, 8), (22, -12)], close=False), stroke(g.c("#a82a2a"), 0.9))
    c.drawLine(19, -15, 25, -9, stroke(g.c("#a82a2a"), 1.0))
    c.drawLine(25, -15, 19, -9, stroke(g.c("#a82a2a"), 1.0))


def _blade(c: skia.Canvas, g: Grade, t: float, long: bool = True) -> None:
    n = 30 if long else 14
    c.drawPath(poly([(-8, -2), (n, -3), (n + 6, 0), (n, 3), (-8, 2)]), fill(g.c("#d0d4dc")))
    c.drawRect(skia.Rect(-10, -9, -7, 9), fill(g.c("#c8a040")))
    c.drawRoundRect(skia.Rect(-24, -2.5, -10, 2.5), 1.5, 1.5, fill(g.c("#4a2a1a")))


def _lantern(c: skia.Canvas, g: Grade, t: float) -> None:
    from .paint import glow
    glow(c, 0, 2, 40, g.c("#ffd070", 0.5, lit=0))
    c.drawRect(skia.Rect(-12, -14, 12, 18), fill(g.c("#ffd98a", 0.9, lit=0)))
    c.drawRect(skia.Rect(-12, -14, 12, 18), stroke(g.c("#2a2a2a"), 2))
    c.drawPath(poly([(-14, -14), (0, -24), (14, -14)]), fill(g.c("#2a2a2a")))
    c.drawCircle(0, -28, 4, stroke(g.c("#2a2a2a"), 1.2))


def _bottle(c: skia.Canvas, g: Grade, t: float) -> None:
    c.drawPath(poly([(-8, -14), (8, -14), (6, 14), (-6, 14)]), fill(g.c("#d8e4ec", 0.35)))
    c.drawPath(poly([(-7, -2), (7, -2), (6, 14), (-6, 14)]), fill(g.c("#c87a2a", 0.8)))
    c.drawPath(poly([(-8, -14), (8, -14), (6, 14), (-6, 14)]), stroke(g.c("#ffffff", 0.7), 0.6))


def _potion(c: skia.Canvas, g: Grade, t: float) -> None:
    c.drawCircle(0, 8, 14, fill(g.c("#8a3ad8", 0.85, lit=0)))
    c.drawRect(skia.Rect(-4, -16, 4, -4), fill(g.c("#d8e4ec", 0.6)))
    c.drawRect(skia.Rect(-5, -20, 5, -15), fill(g.c("#7a4a2a")))
    c.drawCircle(-5, 3, 3, fill(g.c("#ffffff", 0.6, lit=0)))


def _screen(c: skia.Canvas, g: Grade, t: float) -> None:
    c.drawRoundRect(skia.Rect(-26, -17, 26, 17), 3, 3, fill(g.c("#2a3038")))
    c.drawRoundRect(skia.Rect(-22, -13, 22, 13), 2, 2, fill(g.c("#3ad8ff", 0.9, lit=0)))
    for i in range(4):
        c.drawLine(-18, -8 + i * 5, -18 + 30 * ((i * 37 % 10) / 10 + 0.2 * math.sin(t * 9 + i)), -8 + i * 5,
                   stroke(g.c("#ffffff", 0.9, lit=0), 1.2))


def _phone(c: skia.Canvas, g: Grade, t: float) -> None:
    c.drawRoundRect(skia.Rect(-12, -24, 12, 24), 4, 4, fill(g.c("#1a1a1e")))
    c.drawRoundRect(skia.Rect(-10, -20, 10, 19), 2, 2, fill(g.c("#5ab0ff", 0.9, lit=0)))


def _chest(c: skia.Canvas, g: Grade, t: float) -> None:
    c.drawRect(skia.Rect(-28, -6, 28, 20), fill(g.c("#7a4a22")))
    c.drawRoundRect(skia.Rect(-28, -20, 28, -4), 8, 8, fill(g.c("#8a5a2a")))
    for x in (-20, 20):
        c.drawRect(skia.Rect(x - 2, -20, x + 2, 20), fill(g.c("#c8a040")))
    c.drawRect(skia.Rect(-4, -6, 4, 4), fill(g.c("#c8a040")))


def _gem(c: skia.Canvas, g: Grade, t: float) -> None:
    from .paint import glow
    glow(c, 0, 0, 30, g.c("#9ae0ff", 0.4 + 0.2 * math.sin(t * 6), lit=0))
    c.drawPath(poly([(-16, -6), (-8, -16), (8, -16), (16, -6), (0, 18)]), fill(g.c("#6ac8f0", lit=0.3)))
    c.drawPath(poly([(-16, -6), (16, -6), (0, 18)], close=False), stroke(g.c("#ffffff", 0.7, lit=0), 0.6))


def _necklace(c: skia.Canvas, g: Grade, t: float) -> None:
    path = skia.Path()
    path.moveTo(-24, -18)
    path.quadTo(0, 22, 24, -18)
    c.drawPath(path, stroke(g.c("#e0b83a"), 1.5))
    c.drawPath(poly([(-6, 6), (0, -2), (6, 6), (0, 16)]), fill(g.c("#c02a4a", lit=0.3)))


def _spectacles(c: skia.Canvas, g: Grade, t: float) -> None:
    """A pair of round spectacles, lenses catching the light, the arms folded back."""
    rim = stroke(g.c("#2a2420"), 2.2)
    for x in (-13, 13):
        c.drawCircle(x, 0, 10, fill(g.c("#d8ecf4", 0.35, lit=0)))
        c.drawCircle(x, 0, 10, rim)
        c.drawLine(x - 5, -4, x - 1, -7, stroke(g.c("#ffffff", 0.8, lit=0), 1.2))
    c.drawArc(skia.Rect(-4, -4, 4, 4), 200, 140, False, rim)  # the bridge
    c.drawLine(-23, -1, -28, 6, rim)
    c.drawLine(23, -1, 28, 6, rim)


def _case(c: skia.Canvas, g: Grade, t: float) -> None:
    """A briefcase or suitcase: leather, a handle on top, brass clasps."""
    c.drawRoundRect(skia.Rect(-28, -14, 28, 18), 4, 4, fill(g.c("#5a3a22")))
    c.drawRoundRect(skia.Rect(-28, -14, 28, 18), 4, 4, stroke(g.c("#2a1a10"), 1.2))
    c.drawLine(-28, -4, 28, -4, stroke(g.c("#3a2416"), 1.0))
    c.drawRoundRect(skia.Rect(-9, -22, 9, -14), 3, 3, stroke(g.c("#3a2416"), 2.6))
    for x in (-16, 16):
        c.drawRect(skia.Rect(x - 3, -7, x + 3, -1), fill(g.c("#d8b040")))


def _loaf(c: skia.Canvas, g: Grade, t: float) -> None:
    """A loaf of bread: a golden crust, darker on top, slashed."""
    c.drawOval(skia.Rect(-30, -13, 30, 15), fill(g.c("#c08a40")))
    c.drawOval(skia.Rect(-27, -13, 27, 7), fill(g.c("#a06a2a")))
    for x in (-14, 0, 14):
        c.drawLine(x - 5, -4, x + 5, -10, stroke(g.c("#f0d8a0"), 2.0))


def _photo(c: skia.Canvas, g: Grade, t: float) -> None:
    c.drawRect(skia.Rect(-24, -18, 24, 18), fill(g.c("#f0ead8")))
    c.drawRect(skia.Rect(-20, -14, 20, 10), fill(g.c("#5a5a60")))
    c.drawCircle(0, -4, 6, fill(g.c("#8a8a90")))
    c.drawRect(skia.Rect(-9, 3, 9, 10), fill(g.c("#8a8a90")))


def _coins(c: skia.Canvas, g: Grade, t: float) -> None:
    for x, y in ((-12, 6), (4, 10), (12, -2), (-2, -6)):
        c.drawCircle(x, y, 8, fill(g.c("#e0b83a")))
        c.drawCircle(x, y, 8, stroke(g.c("#8a6a1a"), 0.8))


def _egg(c: skia.Canvas, g: Grade, t: float) -> None:
    c.drawOval(skia.Rect(-14, -20, 14, 18), fill(g.c("#e8dcc0")))
    for x, y in ((-5, -6), (6, 2), (-2, 10)):
        c.drawCircle(x, y, 2.5, fill(g.c("#8a6a4a")))


def _clock(c: skia.Canvas, g: Grade, t: float) -> None:
    c.drawCircle(0, 0, 20, fill(g.c("#c8a040")))
    c.drawCircle(0, 0, 17, fill(g.c("#f4efe0")))
    for i in range(12):
        a = i * math.pi / 6
        c.drawLine(14 * math.cos(a), 14 * math.sin(a), 16 * math.cos(a), 16 * math.sin(a), stroke(g.c("#222222"), 0.8))
    c.drawLine(0, 0, 0, -12, stroke(g.c("#222222"), 1.2))
    c.drawLine(0, 0, 9 * math.cos(t * 6), 9 * math.sin(t * 6), stroke(g.c("#222222"), 1.0))


def _cup(c: skia.Canvas, g: Grade, t: float) -> None:
    c.drawPath(poly([(-14, -10), (14, -10), (10, 14), (-10, 14)]), fill(g.c("#f4f0ea")))
    c.drawCircle(16, 0, 6, stroke(g.c("#f4f0ea"), 2.5))
    c.drawOval(skia.Rect(-22, 12, 22, 18), fill(g.c("#e8e0d4")))


def _flower(c: skia.Canvas, g: Grade, t: float) -> None:
    c.drawLine(0, 0, 0, 30, stroke(g.c("#3a7a2a"), 2))
    for i in range(6):
        a = i * math.pi / 3 + t
        c.drawCircle(7 * math.cos(a), -4 + 7 * math.sin(a), 6, fill(g.c("#d83a5a")))
    c.drawCircle(0, -4, 4, fill(g.c("#f0c83a")))


def _candle(c: skia.Canvas, g: Grade, t: float) -> None:
    from .paint import glow
    glow(c, 0, -22, 24, g.c("#ffc060", 0.55, lit=0))
    c.drawRect(skia.Rect(-6, -16, 6, 24), fill(g.c("#f2ead8")))
    c.drawOval(skia.Rect(-3, -28 - math.sin(t * 20), 3, -16), fill(g.c("#ffd070", lit=0)))


def _scroll(c: skia.Canvas, g: Grade, t: float) -> None:
    c.drawRect(skia.Rect(-22, -20, 22, 20), fill(g.c("#e8d8a8")))
    for y in (-20.0, 20.0):
        c.drawRoundRect(skia.Rect(-26, y - 4, 26, y + 4), 4, 4, fill(g.c("#b89858")))
    for i in range(6):
        c.drawLine(-15, -11 + i * 5, 15 - (i % 2) * 6, -11 + i * 5, stroke(g.c("#3a2a1a", 0.8), 0.7))


def _telescope(c: skia.Canvas, g: Grade, t: float) -> None:
    c.save()
    c.rotate(-20)
    for i, (w, col) in enumerate(((7.0, "#8a5a2a"), (5.5, "#c8a040"), (4.0, "#8a5a2a"))):
        c.drawRect(skia.Rect(-30 + i * 18, -w, -10 + i * 18, w), fill(g.c(col)))
    c.restore()


def _gun(c: skia.Canvas, g: Grade, t: float) -> None:
    c.drawRect(skia.Rect(-18, -8, 22, -1), fill(g.c("#2a2a30")))
    c.drawPath(poly([(-18, -8), (-8, -8), (-4, 16), (-16, 16)]), fill(g.c("#5a3a22")))
    c.drawCircle(2, -4, 5, fill(g.c("#3a3a40")))


def _violin(c: skia.Canvas, g: Grade, t: float) -> None:
    body = fill(g.c("#a0521a"))
    c.drawOval(skia.Rect(-10, 0, 10, 22), body)
    c.drawOval(skia.Rect(-8, -16, 8, 2), body)
    c.drawRect(skia.Rect(-2, -34, 2, -14), fill(g.c("#1a1a1a")))


def _badge(c: skia.Canvas, g: Grade, t: float) -> None:
    pts = [(16 * math.cos(math.pi / 2 + i * math.pi / 5) * (1 if i % 2 == 0 else 0.45),
            -16 * math.sin(math.pi / 2 + i * math.pi / 5) * (1 if i % 2 == 0 else 0.45)) for i in range(10)]
    c.drawPath(poly(pts), fill(g.c("#e0b83a")))


def _feather(c: skia.Canvas, g: Grade, t: float) -> None:
    path = skia.Path()
    path.moveTo(-20, 20)
    path.quadTo(-8, -26, 20, -22)
    path.quadTo(4, 4, -20, 20)
    c.drawPath(path, fill(g.c("#e8e4dc")))
    c.drawLine(-22, 22, 16, -20, stroke(g.c("#8a7a6a"), 0.8))


def _pot(c: skia.Canvas, g: Grade, t: float) -> None:
    c.drawRoundRect(skia.Rect(-22, -10, 22, 18), 4, 4, fill(g.c("#8a8a90")))
    c.drawRect(skia.Rect(-26, -12, 26, -8), fill(g.c("#6a6a70")))
    for i in range(3):
        x = -8 + i * 8
        c.drawLine(x, -16 - 3 * math.sin(t * 5 + i), x + 2, -30, stroke(g.c("#ffffff", 0.5, lit=0), 1.2))


def _apple(c: skia.Canvas, g: Grade, t: float) -> None:
    c.drawCircle(-5, 4, 13, fill(g.c("#c02a2a")))
    c.drawCircle(5, 4, 13, fill(g.c("#c02a2a")))
    c.drawLine(0, -8, 3, -16, stroke(g.c("#4a2a1a"), 1.5))
    c.drawOval(skia.Rect(3, -18, 13, -12), fill(g.c("#3a8a2a")))


def _hat(c: skia.Canvas, g: Grade, t: float) -> None:
    col = g.c("#b02a2a")
    c.drawOval(skia.Rect(-26, 6, 26, 14), fill(col))
    c.drawRoundRect(skia.Rect(-15, -16, 15, 10), 8, 8, fill(col))
    c.drawCircle(0, -18, 5, fill(g.c("#f0e8e0")))  # a bobble


def _toy(c: skia.Canvas, g: Grade, t: float) -> None:
    fur = fill(g.c("#a0703a"))
    c.drawOval(skia.Rect(-14, -2, 14, 26), fur)
    c.drawCircle(0, -12, 11, fur)
    for x in (-9.0, 9.0):
        c.drawCircle(x, -21, 4.5, fur)
    for x in (-4.0, 4.0):
        c.drawCircle(x, -13, 1.6, fill(g.c("#1a1a1a")))
    c.drawOval(skia.Rect(-4, -9, 4, -4), fill(g.c("#d8b080")))


def _mask(c: skia.Canvas, g: Grade, t: float) -> None:
    path = skia.Path()
    path.moveTo(-28, -6)
    path.quadTo(0, -18, 28, -6)
    path.quadTo(20, 14, 0, 6)
    path.quadTo(-20, 14, -28, -6)
    c.drawPath(path, fill(g.c("#2a2a6a")))
    for x in (-11.0, 11.0):
        c.drawOval(skia.Rect(x - 6, -6, x + 6, 1), fill(g.c("#0a0a0a")))


def _bell(c: skia.Canvas, g: Grade, t: float) -> None:
    c.save()
    c.rotate(12 * math.sin(t * 10))
    body = skia.Path()  # a bronze bell: a domed crown, waisted sides flaring to a lip
    body.moveTo(-18, 14)
    body.quadTo(-13, 8, -12, -4)
    body.quadTo(-12, -22, 0, -22)
    body.quadTo(12, -22, 12, -4)
    body.quadTo(13, 8, 18, 14)
    body.close()
    c.drawRoundRect(skia.Rect(-3, -28, 3, -21), 2, 2, fill(g.c("#8a6a2a")))  # the crown's loop
    c.drawPath(body, fill(g.c("#c8982e")))
    c.drawOval(skia.Rect(-18, 11, 18, 17), fill(g.c("#9a7020")))
    c.drawLine(-6, -16, -8, 8, stroke(g.c("#ffe8a0", 0.6, lit=0), 2.0))
    c.drawCircle(0, 18, 3.5, fill(g.c("#6a4a1a")))
    c.restore()


def _wand(c: skia.Canvas, g: Grade, t: float) -> None:
    from .paint import glow
    c.drawLine(-24, 18, 18, -14, stroke(g.c("#3a2414"), 3.2))
    glow(c, 20, -16, 16, g.c("#fff0a0", 0.6 + 0.3 * math.sin(t * 8), lit=0))


def _ticket(c: skia.Canvas, g: Grade, t: float) -> None:
    c.drawRect(skia.Rect(-28, -13, 28, 13), fill(g.c("#e8c86a")))
    c.drawLine(12, -13, 12, 13, stroke(g.c("#8a6a2a"), 0.8))
    for i in range(3):
        c.drawLine(-22, -5 + i * 5, 6 - i * 6, -5 + i * 5, stroke(g.c("#5a3a1a"), 0.9))


def _shell(c: skia.Canvas, g: Grade, t: float) -> None:
    path = skia.Path()
    path.moveTo(0, 16)
    for i in range(9):
        a = math.pi * (1 + i / 8)
        path.lineTo(22 * math.cos(a), 4 + 18 * math.sin(a))
    path.close()
    c.drawPath(path, fill(g.c("#f0c8b0")))
    for i in range(1, 8):
        a = math.pi * (1 + i / 8)
        c.drawLine(0, 16, 22 * math.cos(a), 4 + 18 * math.sin(a), stroke(g.c("#c89a80"), 0.8))


def _umbrella(c: skia.Canvas, g: Grade, t: float) -> None:
    path = skia.Path()
    path.moveTo(-28, 0)
    path.quadTo(0, -34, 28, 0)
    path.close()
    c.drawPath(path, fill(g.c("#1a1a2a")))
    c.drawLine(0, -16, 0, 22, stroke(g.c("#3a3a3a"), 1.4))
    c.drawArc(skia.Rect(0, 18, 8, 26), 0, 180, False, stroke(g.c("#3a3a3a"), 1.4))



def _blanket(c: skia.Canvas, g: Grade, t: float) -> None:
    col, check = g.c("#3a5a9a"), g.c("#d8c890")
    c.drawRoundRect(skia.Rect(-28, -18, 28, 18), 4, 4, fill(col))
    for x in range(-22, 28, 10):
        c.drawLine(x, -18, x, 18, stroke(check, 1.2))
    for y in range(-12, 18, 10):
        c.drawLine(-28, y, 28, y, stroke(check, 1.2))
    for x in range(-26, 28, 4):  # a fringe
        c.drawLine(x, 18, x, 22, stroke(col, 0.8))


# -- magic, the stage, games and sport: what a viewer expects of a magician, a tournament, a casino


def _trophy(c: skia.Canvas, g: Grade, t: float) -> None:
    """A cup on a stem with two handles, on a plinth: a prize, not a teacup."""
    gold, dark = g.c("#e0b83a"), g.c("#9a7420")
    for side in (-1, 1):  # the handles, behind the bowl
        c.drawArc(skia.Rect(side * 14 - 9, -24, side * 14 + 9, -4), -90 if side > 0 else 90, 180, False,
                  stroke(dark, 3.2))
    bowl = skia.Path()
    bowl.moveTo(-17, -28)
    bowl.lineTo(17, -28)
    bowl.quadTo(17, -2, 0, 0)
    bowl.quadTo(-17, -2, -17, -28)
    c.drawPath(bowl, fill(gold))
    c.drawRect(skia.Rect(-3, -1, 3, 14), fill(gold))                      # the stem
    c.drawPath(poly([(-10, 14), (10, 14), (13, 19), (-13, 19)]), fill(gold))
    c.drawRect(skia.Rect(-16, 19, 16, 28), fill(g.c("#3a2a1e")))          # the plinth
    c.drawRect(skia.Rect(-8, 21.5, 8, 25.5), fill(dark))                   # its plate
    c.drawLine(-10, -24, -8, -8, stroke(g.c("#fff4c0", 0.8, lit=0), 2.0))  # a shine


def _top_hat(c: skia.Canvas, g: Grade, t: float) -> None:
    """A tall black silk hat with a band and a brim curled at the sides."""
    black = fill(g.c("#18181c"))
    c.drawRoundRect(skia.Rect(-15, -30, 15, 12), 2, 2, black)
    c.drawRect(skia.Rect(-15, 2, 15, 9), fill(g.c("#8a1a22")))  # the band
    c.drawOval(skia.Rect(-28, 8, 28, 18), black)
    c.drawOval(skia.Rect(-15, -34, 15, -26), fill(g.c("#2a2a30")))
    c.drawLine(-10, -26, -10, 0, stroke(g.c("#ffffff", 0.25, lit=0), 2.0))  # silk sheen


def _pointed_hat(c: skia.Canvas, g: Grade, t: float) -> None:
    """A witch's or wizard's hat: a tall bent cone on a wide brim."""
    col = g.c("#2a1e3a")
    cone = skia.Path()
    cone.moveTo(-15, 10)
    cone.quadTo(-4, -14, 4, -32)
    cone.quadTo(10, -24, 22, -26)  # the tip flops over
    cone.quadTo(8, -10, 15, 10)
    cone.close()
    c.drawPath(cone, fill(col))
    c.drawRect(skia.Rect(-14, 2, 14, 8), fill(g.c("#a08a3a")))
    c.drawOval(skia.Rect(-30, 6, 30, 16), fill(col))


def _bowler(c: skia.Canvas, g: Grade, t: float) -> None:
    col = fill(g.c("#1e1a18"))
    c.drawArc(skia.Rect(-16, -20, 16, 20), 180, 180, True, col)
    c.drawRect(skia.Rect(-16, -2, 16, 4), fill(g.c("#3a2a22")))
    c.drawOval(skia.Rect(-24, 1, 24, 9), col)


def _helmet(c: skia.Canvas, g: Grade, t: float) -> None:
    """A knight's helm: a steel dome with a visor slit, breathing holes and a plume."""
    steel, dark = g.c("#a8b0b8"), g.c("#1a1a1e")
    plume = skia.Path()
    plume.moveTo(0, -24)
    plume.quadTo(10, -40, 26, -32)
    plume.quadTo(12, -30, 4, -20)
    c.drawPath(plume, fill(g.c("#b02a2a")))
    head = skia.Path()
    head.moveTo(-18, 26)
    head.lineTo(-18, -8)
    head.quadTo(-18, -26, 0, -26)
    head.quadTo(18, -26, 18, -8)
    head.lineTo(18, 26)
    head.close()
    c.drawPath(head, fill(steel))
    c.drawLine(0, -25, 0, 24, stroke(g.c("#6a7078"), 1.6))  # the ridge
    c.drawRoundRect(skia.Rect(-14, -6, 14, -1), 1.5, 1.5, fill(dark))  # the eye slit
    for x in (5.0, 9.0, 13.0):
        for y in (8.0, 13.0):
            c.drawCircle(x, y, 1.1, fill(dark))
    c.drawLine(-15, -14, -13, 18, stroke(g.c("#ffffff", 0.45, lit=0), 2.0))


def _space_helmet(c: skia.Canvas, g: Grade, t: float) -> None:
    c.drawCircle(0, -2, 26, fill(g.c("#e8ecf0")))
    c.drawRoundRect(skia.Rect(-19, -16, 19, 10), 10, 10, fill(g.c("#d8a040", lit=0.3)))  # the gold visor
    c.drawLine(-12, -10, -4, -13, stroke(g.c("#ffffff", 0.8, lit=0), 2.0))
    c.drawRect(skia.Rect(-20, 20, 20, 28), fill(g.c("#8a9098")))  # the neck ring


def _diving_helmet(c: skia.Canvas, g: Grade, t: float) -> None:
    brass = g.c("#c8943a")
    c.drawCircle(0, -4, 24, fill(brass))
    c.drawRect(skia.Rect(-24, 14, 24, 26), fill(brass))
    for x, y, r in ((0, -4, 10), (-17, -2, 5), (17, -2, 5)):  # the portholes
        c.drawCircle(x, y, r + 2.5, fill(g.c("#8a5a1a")))
        c.drawCircle(x, y, r, fill(g.c("#2a4a5a")))
    c.drawLine(-5, -9, 3, -9, stroke(g.c("#ffffff", 0.5, lit=0), 1.4))
    for x in range(-20, 24, 8):  # bolts on the collar
        c.drawCircle(x, 20, 1.6, fill(g.c("#5a3a12")))


def _cards(c: skia.Canvas, g: Grade, t: float) -> None:
    """A fanned hand of playing cards: white faces, red hearts and black spades, corner marks."""
    red, black = g.c("#c8202a"), g.c("#18181c")
    for i, angle in enumerate((-24.0, -8.0, 8.0, 24.0)):
        c.save()
        c.translate(0, 22)
        c.rotate(angle + 2 * math.sin(t * 2 + i))
        face = skia.Rect(-13, -44, 13, -6)
        c.drawRoundRect(face, 3, 3, fill(g.c("#fbf8f0")))
        c.drawRoundRect(face, 3, 3, stroke(g.c("#6a6a70"), 0.7))
        col = red if i % 2 else black
        if i % 2:  # a heart
            c.drawCircle(-2.6, -27, 3.4, fill(col))
            c.drawCircle(2.6, -27, 3.4, fill(col))
            c.drawPath(poly([(-5.8, -26), (5.8, -26), (0, -18)]), fill(col))
        else:  # a spade
            c.drawCircle(-2.6, -24, 3.4, fill(col))
            c.drawCircle(2.6, -24, 3.4, fill(col))
            c.drawPath(poly([(-5.8, -25), (5.8, -25), (0, -34)]), fill(col))
            c.drawPath(poly([(0, -24), (2.5, -18), (-2.5, -18)]), fill(col))
        c.drawRect(skia.Rect(-11, -42, -8, -37), fill(col))  # the corner index
        c.restore()


def _dice(c: skia.Canvas, g: Grade, t: float) -> None:
    pip = fill(g.c("#18181c"))
    for (x, y, a, n) in ((-12, 4, -12, 5), (14, -4, 18, 3)):
        c.save()
        c.translate(x, y)
        c.rotate(a)
        c.drawRoundRect(skia.Rect(-11, -11, 11, 11), 3, 3, fill(g.c("#f6f2ea")))
        c.drawRoundRect(skia.Rect(-11, -11, 11, 11), 3, 3, stroke(g.c("#8a8a90"), 0.8))
        spots = {3: ((-5, -5), (0, 0), (5, 5)), 5: ((-5, -5), (5, -5), (0, 0), (-5, 5), (5, 5))}[n]
        for px, py in spots:
            c.drawCircle(px, py, 2.0, pip)
        c.restore()


def _magic_wand(c: skia.Canvas, g: Grade, t: float) -> None:
    """A conjuror's wand: black with white tips, sparkling."""
    from .paint import glow
    c.save()
    c.rotate(-35)
    c.drawRoundRect(skia.Rect(-28, -2.6, 28, 2.6), 2, 2, fill(g.c("#141416")))
    for x in (-28.0, 20.0):
        c.drawRoundRect(skia.Rect(x, -2.8, x + 8, 2.8), 2, 2, fill(g.c("#f4f4f0")))
    c.restore()
    glow(c, 25, -17, 14, g.c("#fff0a0", 0.5 + 0.3 * math.sin(t * 8), lit=0))
    for i in range(3):  # sparkles off the tip
        a = t * 3 + i * 2.1
        x, y = 25 + 11 * math.cos(a), -17 + 11 * math.sin(a)
        c.drawPath(poly([(x, y - 3), (x + 1, y), (x, y + 3), (x - 1, y)]), fill(g.c("#fff8d0", lit=0)))
        c.drawPath(poly([(x - 3, y), (x, y + 1), (x + 3, y), (x, y - 1)]), fill(g.c("#fff8d0", lit=0)))


def _chess(c: skia.Canvas, g: Grade, t: float) -> None:
    """A corner of a chessboard with a king standing on it."""
    for i in range(4):
        for j in range(3):
            col = "#efe4cc" if (i + j) % 2 else "#4a3020"
            c.drawRect(skia.Rect(-28 + i * 14, 6 + j * 8, -14 + i * 14, 14 + j * 8), fill(g.c(col)))
    piece = fill(g.c("#18181c"))
    c.drawPath(poly([(-9, 12), (9, 12), (6, 4), (4, -10), (-4, -10), (-6, 4)]), piece)
    c.drawOval(skia.Rect(-7, -16, 7, -8), piece)
    c.drawRect(skia.Rect(-1.5, -28, 1.5, -15), piece)
    c.drawRect(skia.Rect(-5, -24, 5, -21), piece)  # the cross on the king


def _ball(c: skia.Canvas, g: Grade, t: float) -> None:
    """A football: white with black patches, turning."""
    c.drawCircle(0, 0, 20, fill(g.c("#f4f4f0")))
    c.save()
    c.rotate(t * 90)
    for i in range(5):
        a = i * 2 * math.pi / 5
        x, y = 14 * math.cos(a), 14 * math.sin(a)
        c.drawCircle(x, y, 4.5, fill(g.c("#18181c")))
    c.drawPath(poly([(6 * math.cos(i * 2 * math.pi / 5), 6 * math.sin(i * 2 * math.pi / 5)) for i in range(5)]),
               fill(g.c("#18181c")))
    c.restore()
    c.drawCircle(0, 0, 20, stroke(g.c("#3a3a3e"), 1.0))


def _microphone(c: skia.Canvas, g: Grade, t: float) -> None:
    """An old stage microphone: a chrome capsule on a stand."""
    c.drawLine(0, 6, 0, 28, stroke(g.c("#3a3a40"), 2.4))
    c.drawOval(skia.Rect(-14, 26, 14, 31), fill(g.c("#2a2a2e")))
    c.drawRoundRect(skia.Rect(-10, -30, 10, 6), 9, 9, fill(g.c("#b8bec6")))
    for y in range(-24, 4, 4):
        c.drawLine(-8, y, 8, y, stroke(g.c("#5a6068"), 0.8))
    c.drawLine(-6, -26, -6, 0, stroke(g.c("#ffffff", 0.6, lit=0), 1.4))


def _drum(c: skia.Canvas, g: Grade, t: float) -> None:
    c.drawRect(skia.Rect(-24, -8, 24, 18), fill(g.c("#b02a2a")))
    for i in range(6):  # the cords
        x = -24 + i * 9.6
        c.drawLine(x, -6, x + 9.6, 16, stroke(g.c("#e8dcc0"), 1.0))
    c.drawOval(skia.Rect(-24, -14, 24, -2), fill(g.c("#f0e8d8")))
    c.drawOval(skia.Rect(-24, 12, 24, 22), fill(g.c("#c8a040")))
    c.drawOval(skia.Rect(-24, -14, 24, -2), stroke(g.c("#c8a040"), 1.5))
    for side in (-1, 1):  # the sticks, beating
        lift = 4 * abs(math.sin(t * 8 + side))
        c.drawLine(side * 6, -10 - lift, side * 24, -30 - lift, stroke(g.c("#d8b880"), 2.2))


def _trumpet(c: skia.Canvas, g: Grade, t: float) -> None:
    brass = g.c("#e0b040")
    c.drawRect(skia.Rect(-28, -2, 14, 2), fill(brass))
    c.drawPath(poly([(12, -2), (28, -12), (28, 12), (12, 2)]), fill(brass))
    c.drawOval(skia.Rect(25, -12, 31, 12), fill(g.c("#a07820")))
    c.drawRoundRect(skia.Rect(-18, 2, 8, 10), 4, 4, stroke(brass, 2.0))  # the loop
    for x in (-8.0, -3.0, 2.0):  # the valves
        c.drawRect(skia.Rect(x - 1.5, -9, x + 1.5, -2), fill(brass))
        c.drawCircle(x, -10, 2.2, fill(g.c("#f0e0b0")))
    c.drawRect(skia.Rect(-31, -3, -27, 3), fill(g.c("#a07820")))  # the mouthpiece


def _flute(c: skia.Canvas, g: Grade, t: float) -> None:
    c.save()
    c.rotate(-20)
    c.drawRoundRect(skia.Rect(-30, -3, 30, 3), 3, 3, fill(g.c("#c8ccd4")))
    for x in range(-8, 26, 7):
        c.drawCircle(x, 0, 1.6, fill(g.c("#3a3a40")))
    c.drawCircle(-22, 0, 1.8, fill(g.c("#3a3a40")))
    c.restore()


def _shield(c: skia.Canvas, g: Grade, t: float) -> None:
    """A knight's heater shield, quartered, with a rim."""
    outline = poly([(-22, -26), (22, -26), (22, -2), (0, 28), (-22, -2)])
    c.drawPath(outline, fill(g.c("#2a4a8a")))
    c.save()
    c.clipPath(outline, doAntiAlias=True)
    c.drawRect(skia.Rect(0, -26, 22, 0), fill(g.c("#c8a040")))
    c.drawRect(skia.Rect(-22, 0, 0, 28), fill(g.c("#c8a040")))
    c.restore()
    c.drawPath(outline, stroke(g.c("#8a8e96"), 2.4))


def _cake(c: skia.Canvas, g: Grade, t: float) -> None:
    """A tiered cake: sponge under white icing that drips, candles burning on top."""
    from .paint import glow
    c.drawOval(skia.Rect(-30, 20, 30, 28), fill(g.c("#e8e8ec")))  # the plate
    for (w, top, col) in ((24, 2, "#d89ab0"), (15, -14, "#f0c8d4")):
        c.drawRect(skia.Rect(-w, top, w, top + 20), fill(g.c(col)))
        icing = [(-w, top)] + [(-w + k * w / 4, top + (6 if k % 2 else 3)) for k in range(1, 8)] + [(w, top)]
        c.drawPath(poly(icing + [(w, top - 2), (-w, top - 2)]), fill(g.c("#fbf8f4")))
    for x in (-8.0, 0.0, 8.0):
        c.drawRect(skia.Rect(x - 1.5, -24, x + 1.5, -15), fill(g.c("#7ab0e0")))
        glow(c, x, -27, 7, g.c("#ffc060", 0.6, lit=0))
        c.drawOval(skia.Rect(x - 1.5, -30 - math.sin(t * 20 + x), x + 1.5, -24), fill(g.c("#ffd070", lit=0)))


def _pie(c: skia.Canvas, g: Grade, t: float) -> None:
    c.drawOval(skia.Rect(-30, -8, 30, 22), fill(g.c("#b07a3a")))
    c.drawOval(skia.Rect(-26, -10, 26, 16), fill(g.c("#d8a050")))
    for x in range(-18, 22, 9):  # the lattice
        c.drawLine(x, -8, x + 4, 14, stroke(g.c("#f0c880"), 2.4))
        c.drawLine(-22, x * 0.5 + 3, 22, x * 0.5 + 1, stroke(g.c("#f0c880"), 2.4))
    for i in range(3):
        x = -6 + i * 6
        c.drawLine(x, -14 - 3 * math.sin(t * 5 + i), x + 2, -26, stroke(g.c("#ffffff", 0.45, lit=0), 1.2))


def _cookie(c: skia.Canvas, g: Grade, t: float) -> None:
    c.drawCircle(0, 0, 20, fill(g.c("#c8904a")))
    for x, y in ((-8, -6), (6, -9), (9, 5), (-4, 8), (0, -1), (-12, 4)):
        c.drawCircle(x, y, 2.4, fill(g.c("#3a2212")))


def _pumpkin(c: skia.Canvas, g: Grade, t: float) -> None:
    for x, w in ((-14, 14), (14, 14), (-6, 14), (6, 14), (0, 12)):
        c.drawOval(skia.Rect(x - w, -16, x + w, 20), fill(g.c("#e07a20" if abs(x) > 8 else "#f08a2a")))
    c.drawRect(skia.Rect(-2.5, -24, 2.5, -14), fill(g.c("#4a6a2a")))


# -- everyday things the stories turn on


def _magnifier(c: skia.Canvas, g: Grade, t: float) -> None:
    c.drawLine(10, 10, 28, 28, stroke(g.c("#4a2a1a"), 5.5))
    c.drawCircle(-6, -6, 18, fill(g.c("#d8ecf4", 0.35, lit=0)))
    c.drawCircle(-6, -6, 18, stroke(g.c("#c8a040"), 3.2))
    c.drawArc(skia.Rect(-18, -18, 6, 6), 200, 60, False, stroke(g.c("#ffffff", 0.8, lit=0), 1.6))


def _mirror(c: skia.Canvas, g: Grade, t: float) -> None:
    """A hand mirror: a gilt oval frame round bright glass catching a streak of light."""
    c.drawRoundRect(skia.Rect(-4, 14, 4, 32), 3, 3, fill(g.c("#c8a040")))
    c.drawOval(skia.Rect(-19, -30, 19, 18), fill(g.c("#c8a040")))
    c.drawOval(skia.Rect(-15, -26, 15, 14), fill(g.c("#b8d4e4", lit=0.4)))
    sweep = 6 * math.sin(t * 2)
    c.drawLine(-8 + sweep, -18, 4 + sweep, 4, stroke(g.c("#ffffff", 0.85, lit=0), 3.0))


def _compass(c: skia.Canvas, g: Grade, t: float) -> None:
    c.drawCircle(0, 0, 22, fill(g.c("#b8862a")))
    c.drawCircle(0, 0, 18, fill(g.c("#f2ead8")))
    for i in range(8):
        a = i * math.pi / 4
        r = 15 if i % 2 == 0 else 12
        c.drawLine(r * math.cos(a), r * math.sin(a), 17 * math.cos(a), 17 * math.sin(a), stroke(g.c("#3a3a3e"), 1.0))
    c.save()
    c.rotate(15 * math.sin(t * 3))  # the needle settles
    c.drawPath(poly([(-3, 0), (0, -15), (3, 0)]), fill(g.c("#c8202a")))
    c.drawPath(poly([(-3, 0), (0, 15), (3, 0)]), fill(g.c("#2a2a30")))
    c.restore()
    c.drawCircle(0, -25, 4, stroke(g.c("#b8862a"), 2.0))


def _camera(c: skia.Canvas, g: Grade, t: float) -> None:
    c.drawRoundRect(skia.Rect(-28, -14, 28, 18), 3, 3, fill(g.c("#1e1e22")))
    c.drawRect(skia.Rect(-28, -6, 28, 10), fill(g.c("#8a6a4a")))  # the leatherette band
    c.drawRect(skia.Rect(-20, -20, -8, -14), fill(g.c("#1e1e22")))  # the shutter button's hump
    c.drawCircle(2, 2, 13, fill(g.c("#c0c4ca")))
    c.drawCircle(2, 2, 9, fill(g.c("#101418")))
    c.drawCircle(-1, -1, 3, fill(g.c("#ffffff", 0.6, lit=0)))
    c.drawRect(skia.Rect(16, -12, 25, -6), fill(g.c("#d8e4ec", lit=0.5)))  # the finder


def _vase(c: skia.Canvas, g: Grade, t: float) -> None:
    """A vase or urn: a swelling body, a neck and a foot, painted with a band."""
    body = skia.Path()
    body.moveTo(-8, -30)
    body.lineTo(8, -30)
    body.quadTo(6, -20, 10, -16)
    body.quadTo(26, -4, 10, 20)
    body.lineTo(12, 28)
    body.lineTo(-12, 28)
    body.lineTo(-10, 20)
    body.quadTo(-26, -4, -10, -16)
    body.quadTo(-6, -20, -8, -30)
    body.close()
    c.drawPath(body, fill(g.c("#e8eef4")))
    c.save()
    c.clipPath(body, doAntiAlias=True)
    c.drawRect(skia.Rect(-30, -6, 30, 4), fill(g.c("#2a4a9a")))
    for x in range(-16, 18, 8):
        c.drawCircle(x, -1, 2.4, fill(g.c("#e8eef4")))
    c.restore()
    c.drawPath(body, stroke(g.c("#6a7a8a"), 1.0))


def _statue(c: skia.Canvas, g: Grade, t: float) -> None:
    """A small figure standing on a plinth (an idol, a statuette), gold or stone."""
    col = fill(g.c("#d0a83a"))
    c.drawRect(skia.Rect(-16, 18, 16, 28), fill(g.c("#6a5a4a")))
    c.drawCircle(0, -22, 7, col)
    c.drawPath(poly([(-9, -14), (9, -14), (12, 6), (7, 18), (-7, 18), (-12, 6)]), col)
    for side in (-1, 1):
        c.drawLine(side * 9, -12, side * 16, 2, stroke(g.c("#d0a83a"), 4.0))
    c.drawCircle(-2.5, -23, 1.2, fill(g.c("#3a2a10")))
    c.drawCircle(2.5, -23, 1.2, fill(g.c("#3a2a10")))


def _skull(c: skia.Canvas, g: Grade, t: float) -> None:
    bone, hole = fill(g.c("#ece4d0")), fill(g.c("#1a1612"))
    c.drawCircle(0, -6, 20, bone)
    c.drawRoundRect(skia.Rect(-12, 6, 12, 24), 4, 4, bone)
    for x in (-8.0, 8.0):
        c.drawOval(skia.Rect(x - 6, -10, x + 6, 2), hole)
    c.drawPath(poly([(0, 4), (-3, 10), (3, 10)]), hole)
    for x in range(-8, 10, 4):
        c.drawLine(x, 16, x, 23, stroke(g.c("#8a8070"), 1.0))


def _teapot(c: skia.Canvas, g: Grade, t: float) -> None:
    col = g.c("#d8dce4")
    c.drawPath(poly([(14, 2), (30, -14), (32, -12), (18, 10)]), fill(col))  # the spout
    c.drawArc(skia.Rect(-32, -8, -12, 12), 90, 180, False, stroke(col, 3.5))  # the handle
    c.drawOval(skia.Rect(-20, -14, 20, 20), fill(col))
    c.drawOval(skia.Rect(-10, -20, 10, -10), fill(g.c("#b8bec8")))
    c.drawCircle(0, -22, 3, fill(g.c("#b8bec8")))
    c.drawLine(-8, -6, -12, 10, stroke(g.c("#ffffff", 0.6, lit=0), 1.8))
    for i in range(2):
        c.drawLine(31 + i * 3, -16 - 3 * math.sin(t * 5 + i), 33 + i * 3, -28,
                   stroke(g.c("#ffffff", 0.5, lit=0), 1.2))


def _rope(c: skia.Canvas, g: Grade, t: float) -> None:
    col = g.c("#c0a060")
    for r in (22.0, 16.0, 10.0):
        c.drawOval(skia.Rect(-r - 4, -r * 0.6, r + 4, r * 0.6), stroke(col, 4.0))
    c.drawPath(poly([(22, 2), (28, 16), (24, 26)], close=False), stroke(col, 4.0))


def _bomb(c: skia.Canvas, g: Grade, t: float) -> None:
    """A round black bomb, its fuse spitting sparks."""
    from .paint import glow
    c.drawCircle(-4, 6, 20, fill(g.c("#1e1e24")))
    c.drawRect(skia.Rect(4, -18, 14, -10), fill(g.c("#3a3a42")))
    path = skia.Path()
    path.moveTo(9, -18)
    path.quadTo(14, -28, 22, -26)
    c.drawPath(path, stroke(g.c("#c0a070"), 1.6))
    glow(c, 22, -26, 12, g.c("#ffb040", 0.7 + 0.3 * math.sin(t * 30), lit=0))
    c.drawLine(-14, -4, -10, -10, stroke(g.c("#ffffff", 0.35, lit=0), 2.5))


def _dynamite(c: skia.Canvas, g: Grade, t: float) -> None:
    from .paint import glow
    for x in (-12.0, 0.0, 12.0):
        c.drawRoundRect(skia.Rect(x - 6, -14, x + 6, 26), 3, 3, fill(g.c("#c0302a")))
    c.drawRect(skia.Rect(-19, 4, 19, 9), fill(g.c("#2a2a2e")))  # the tape
    c.drawLine(0, -14, 8, -28, stroke(g.c("#c0a070"), 1.4))
    glow(c, 8, -28, 10, g.c("#ffb040", 0.7 + 0.3 * math.sin(t * 30), lit=0))


def _broom(c: skia.Canvas, g: Grade, t: float) -> None:
    c.save()
    c.rotate(-30)
    c.drawLine(-32, 0, 14, 0, stroke(g.c("#7a5030"), 3.0))
    c.drawPath(poly([(12, -4), (12, 4), (34, 12), (34, -12)]), fill(g.c("#c8a860")))
    c.drawRect(skia.Rect(11, -5, 15, 5), fill(g.c("#6a4020")))
    for y in range(-10, 12, 4):
        c.drawLine(16, y * 0.3, 34, y, stroke(g.c("#9a8040"), 0.7))
    c.restore()


def _anchor(c: skia.Canvas, g: Grade, t: float) -> None:
    iron = g.c("#3a4048")
    c.drawCircle(0, -24, 5, stroke(iron, 3.0))
    c.drawLine(0, -19, 0, 24, stroke(iron, 4.5))
    c.drawLine(-12, -12, 12, -12, stroke(iron, 4.0))
    c.drawArc(skia.Rect(-22, 2, 22, 28), 0, 180, False, stroke(iron, 4.5))
    for side in (-1, 1):
        c.drawPath(poly([(side * 22, 15), (side * 26, 8), (side * 16, 10)]), fill(iron))


def _bracelet(c: skia.Canvas, g: Grade, t: float) -> None:
    c.drawOval(skia.Rect(-24, -14, 24, 14), stroke(g.c("#d8b040"), 4.0))
    for i in range(5):
        a = math.pi * (0.15 + 0.175 * i)
        x, y = 24 * math.cos(a), 14 * math.sin(a)
        c.drawCircle(x, y + 5, 3.2, fill(g.c(("#c02a4a", "#3a8ad0", "#f0f0f0")[i % 3], lit=0.3)))


def _telephone(c: skia.Canvas, g: Grade, t: float) -> None:
    """A desk telephone with a dial and its handset on the cradle (any era before mobiles)."""
    body = fill(g.c("#1e1e22"))
    c.drawPath(poly([(-22, 22), (22, 22), (16, -4), (-16, -4)]), body)
    c.drawCircle(0, 8, 10, fill(g.c("#e8e4dc")))
    for i in range(10):
        a = math.pi * (0.6 + 0.15 * i)
        c.drawCircle(7 * math.cos(a), 8 + 7 * math.sin(a), 1.6, fill(g.c("#1e1e22")))
    c.drawRoundRect(skia.Rect(-26, -16, 26, -8), 4, 4, body)  # the handset
    for x in (-24.0, 16.0):
        c.drawRoundRect(skia.Rect(x, -18, x + 8, -4), 3, 3, body)


def _typewriter(c: skia.Canvas, g: Grade, t: float) -> None:
    c.drawRect(skia.Rect(-20, -28, 20, -8), fill(g.c("#f4f0e4")))  # the page in it
    c.drawRoundRect(skia.Rect(-28, -12, 28, -4), 3, 3, fill(g.c("#3a3a3e")))  # the roller
    c.drawPath(poly([(-26, -4), (26, -4), (30, 24), (-30, 24)]), fill(g.c("#2a3a2e")))
    for row in range(3):
        for k in range(7 - row):
            x = -21 + row * 3 + k * 7
            c.drawCircle(x, 6 + row * 6, 2.3, fill(g.c("#e8e4dc")))
    c.drawLine(-14, -22, -14 + 26 * (t * 0.7 % 1), -22, stroke(g.c("#2a2a2a"), 0.8))


def _present(c: skia.Canvas, g: Grade, t: float) -> None:
    """A wrapped gift: a box, a ribbon round it, a bow on top."""
    ribbon = g.c("#e8c040")
    c.drawRect(skia.Rect(-22, -10, 22, 24), fill(g.c("#c02a3a")))
    c.drawRect(skia.Rect(-25, -16, 25, -8), fill(g.c("#d0343f")))  # the lid
    c.drawRect(skia.Rect(-3, -16, 3, 24), fill(ribbon))
    for side in (-1, 1):
        c.drawPath(poly([(0, -16), (side * 14, -28), (side * 14, -16)]), fill(ribbon))
    c.drawCircle(0, -17, 3.5, fill(ribbon))


def _handcuffs(c: skia.Canvas, g: Grade, t: float) -> None:
    steel = g.c("#a8aeb6")
    for x in (-15.0, 15.0):
        c.drawCircle(x, 4, 12, stroke(steel, 4.0))
        c.drawRect(skia.Rect(x - 3, -12, x + 3, -6), fill(steel))
    for i in range(4):  # the chain
        c.drawOval(skia.Rect(-10 + i * 5, -12, -4 + i * 5, -8), stroke(steel, 1.4))


def _horseshoe(c: skia.Canvas, g: Grade, t: float) -> None:
    iron = g.c("#8a8e96")
    c.drawArc(skia.Rect(-20, -24, 20, 16), 150, 240, False, stroke(iron, 7.0, cap="butt"))
    for i in range(5):
        a = math.radians(150 + 30 + i * 45)
        c.drawCircle(20 * math.cos(a), -4 + 20 * math.sin(a), 1.3, fill(g.c("#2a2a2e")))


def _harp(c: skia.Canvas, g: Grade, t: float) -> None:
    gold = g.c("#d0a83a")
    c.drawLine(-18, 28, -18, -22, stroke(gold, 4.0))  # the pillar
    neck = skia.Path()
    neck.moveTo(-18, -22)
    neck.quadTo(0, -34, 20, -14)
    c.drawPath(neck, stroke(gold, 4.0))
    c.drawLine(20, -14, -14, 28, stroke(gold, 5.0))  # the soundboard
    for i in range(7):
        x = -14 + i * 4.6
        top = -26 + i * 2.0 if i < 4 else -26 + 4 * 2.0 + (i - 4) * 3.4
        bottom = 28 - (x + 14) * 42 / 34
        c.drawLine(x, top, x, bottom, stroke(g.c("#f4ecd8", 0.9), 0.7))


def _balloon(c: skia.Canvas, g: Grade, t: float) -> None:
    sway = 3 * math.sin(t * 2)
    path = skia.Path()
    path.moveTo(sway, 6)
    path.quadTo(6, 18, -2, 32)
    c.drawPath(path, stroke(g.c("#e8e4dc"), 0.8))
    c.drawOval(skia.Rect(-15 + sway, -30, 15 + sway, 6), fill(g.c("#d03a4a")))
    c.drawPath(poly([(sway - 3, 8), (sway + 3, 8), (sway, 4)]), fill(g.c("#a02a3a")))
    c.drawOval(skia.Rect(-9 + sway, -24, -3 + sway, -14), fill(g.c("#ffffff", 0.5, lit=0)))


def _kite(c: skia.Canvas, g: Grade, t: float) -> None:
    c.save()
    c.rotate(8 * math.sin(t * 3))
    c.drawPath(poly([(0, -30), (18, -6), (0, 16), (-18, -6)]), fill(g.c("#d03a3a")))
    c.drawPath(poly([(0, -30), (18, -6), (0, -6)]), fill(g.c("#f0c83a")))
    c.drawPath(poly([(0, 16), (-18, -6), (0, -6)]), fill(g.c("#f0c83a")))
    tail = skia.Path()
    tail.moveTo(0, 16)
    tail.cubicTo(10, 22, -10, 28, 4, 34)
    c.drawPath(tail, stroke(g.c("#3a5a9a"), 1.2))
    c.restore()


def _palette(c: skia.Canvas, g: Grade, t: float) -> None:
    """A painter's palette with blobs of colour, and a brush across it."""
    board = skia.Path()
    board.addOval(skia.Rect(-30, -20, 30, 22))
    hole = skia.Path()
    hole.addCircle(-16, 8, 5)
    c.drawPath(skia.Op(board, hole, skia.PathOp.kDifference_PathOp) or board, fill(g.c("#c8985a")))
    for (x, y), col in zip(((-14, -10), (0, -13), (14, -9), (20, 4), (6, 10)),
                           ("#d02a2a", "#f0c83a", "#2a6ad0", "#2a9a4a", "#f4f4f0")):
        c.drawCircle(x, y, 4.5, fill(g.c(col, lit=0.3)))
    c.drawLine(-26, 24, 16, -22, stroke(g.c("#6a3a1a"), 2.4))
    c.drawLine(16, -22, 22, -29, stroke(g.c("#2a2a2e"), 3.2))


def _medkit(c: skia.Canvas, g: Grade, t: float) -> None:
    c.drawRoundRect(skia.Rect(-26, -16, 26, 20), 4, 4, fill(g.c("#f0f0ec")))
    c.drawRoundRect(skia.Rect(-8, -24, 8, -16), 3, 3, stroke(g.c("#8a8a90"), 2.4))
    c.drawRect(skia.Rect(-4, -10, 4, 14), fill(g.c("#d02a2a")))
    c.drawRect(skia.Rect(-12, -2, 12, 6), fill(g.c("#d02a2a")))


def _wheel(c: skia.Canvas, g: Grade, t: float) -> None:
    """A ship's wheel, turning: a rim, spokes and handles."""
    wood = g.c("#8a5a2a")
    c.save()
    c.rotate(20 * math.sin(t * 1.5))
    for i in range(8):
        a = i * math.pi / 4
        c.drawLine(0, 0, 30 * math.cos(a), 30 * math.sin(a), stroke(wood, 3.0))
        c.drawCircle(30 * math.cos(a), 30 * math.sin(a), 3.0, fill(wood))
    c.drawCircle(0, 0, 20, stroke(wood, 4.0))
    c.drawCircle(0, 0, 5, fill(g.c("#c8a040")))
    c.restore()


def _cheese(c: skia.Canvas, g: Grade, t: float) -> None:
    c.drawPath(poly([(-28, 12), (26, 12), (26, -6), (-28, 0)]), fill(g.c("#f0c040")))
    c.drawPath(poly([(-28, 0), (26, -6), (8, -16)]), fill(g.c("#f8d870")))
    for x, y, r in ((-14, 6, 3.0), (4, 4, 4.0), (18, 7, 2.5)):
        c.drawCircle(x, y, r, fill(g.c("#d09a20")))


def _bone(c: skia.Canvas, g: Grade, t: float) -> None:
    bone = fill(g.c("#ece4d0"))
    c.save()
    c.rotate(-20)
    c.drawRoundRect(skia.Rect(-20, -4, 20, 4), 3, 3, bone)
    for x in (-22.0, 22.0):
        for y in (-5.0, 5.0):
            c.drawCircle(x, y, 6, bone)
    c.restore()


def _tyre(c: skia.Canvas, g: Grade, x: float, y: float, r: float, t: float, spokes: int = 0) -> None:
    """A road wheel: a dark tyre round a pale hub; spoked wheels turn with t so a vehicle rolls."""
    c.drawCircle(x, y, r, fill(g.c("#1e1e22")) if not spokes else stroke(g.c("#1e1e22"), max(1.2, r * 0.18)))
    if spokes:
        for i in range(spokes):
            a = t * 2 + i * math.pi / spokes
            dx, dy = r * math.cos(a), r * math.sin(a)
            c.drawLine(x - dx, y - dy, x + dx, y + dy, stroke(g.c("#8a8e96"), 0.7))
    c.drawCircle(x, y, r * (0.22 if spokes else 0.45), fill(g.c("#b8bcc4")))


def _car(c: skia.Canvas, g: Grade, t: float) -> None:
    """A saloon seen side on: a long body, a cabin with two windows, two wheels, a headlamp."""
    body = skia.Path()
    body.moveTo(-30, 10)
    body.lineTo(-30, -1)
    body.quadTo(-29, -5, -22, -6)
    body.lineTo(-13, -7)
    body.lineTo(-6, -17)
    body.lineTo(12, -17)
    body.lineTo(19, -7)
    body.quadTo(30, -6, 30, 2)
    body.lineTo(30, 10)
    body.close()
    c.drawPath(body, fill(g.c("#b0302a")))
    glass = fill(g.c("#cfe0ea", lit=0.4))
    c.drawPath(poly([(-10, -8), (-5, -15), (2, -15), (2, -8)]), glass)
    c.drawPath(poly([(5, -8), (5, -15), (11, -15), (16, -8)]), glass)
    c.drawCircle(28, -2, 2.2, fill(g.c("#fff4c0", lit=0)))
    for x in (-18.0, 18.0):
        _tyre(c, g, x, 10, 7.5, t)


def _truck(c: skia.Canvas, g: Grade, t: float) -> None:
    """A lorry: a square cab at the front and a tall cargo box behind, on three wheels."""
    c.drawRect(skia.Rect(-31, -20, 8, 8), fill(g.c("#d8d4c8")))  # the box
    c.drawPath(poly([(10, 8), (10, -14), (22, -14), (30, -4), (30, 8)]), fill(g.c("#2a5a9a")))
    c.drawPath(poly([(13, -4), (13, -11), (21, -11), (26, -4)]), fill(g.c("#cfe0ea", lit=0.4)))
    for x in (-22.0, -11.0, 21.0):
        _tyre(c, g, x, 10, 6.5, t)


def _bus(c: skia.Canvas, g: Grade, t: float) -> None:
    """A bus side on: a long box with a row of windows, a door, two wheels."""
    c.drawRoundRect(skia.Rect(-31, -20, 31, 10), 4, 4, fill(g.c("#c83a2a")))
    glass = fill(g.c("#cfe0ea", lit=0.4))
    for i in range(5):
        c.drawRect(skia.Rect(-27 + i * 10, -16, -20 + i * 10, -6), glass)
    c.drawRect(skia.Rect(23, -16, 28, 6), glass)  # the door
    for x in (-19.0, 15.0):
        _tyre(c, g, x, 10, 6.5, t)


def _tractor(c: skia.Canvas, g: Grade, t: float) -> None:
    """A farm tractor: a huge rear wheel under an open cab, a bonnet with its exhaust, a small front wheel."""
    green = g.c("#3a8a3a")
    c.drawRect(skia.Rect(-4, -6, 26, 6), fill(green))  # the bonnet
    c.drawLine(16, -6, 16, -20, stroke(g.c("#2a2a2e"), 2.2))  # the exhaust
    c.drawLine(-20, -26, -20, -2, stroke(g.c("#2a2a2e"), 2.0))  # the cab's posts and roof
    c.drawLine(-2, -26, -2, -4, stroke(g.c("#2a2a2e"), 2.0))
    c.drawRect(skia.Rect(-23, -28, 1, -25), fill(green))
    c.drawCircle(-12, 10, 15, fill(g.c("#1e1e22")))
    for i in range(10):  # the rear tyre's treads
        a = t * 2 + i * math.pi / 5
        c.drawCircle(-12 + 15 * math.cos(a), 10 + 15 * math.sin(a), 2.0, fill(g.c("#1e1e22")))
    c.drawCircle(-12, 10, 7, fill(g.c("#e0b030")))
    _tyre(c, g, 20, 16, 8, t)


def _bicycle(c: skia.Canvas, g: Grade, t: float, motor: bool = False) -> None:
    """A bicycle side on: two spoked wheels, the diamond frame, saddle and handlebars; a motorbike
    has fat tyres, a tank and an engine in the frame."""
    frame = stroke(g.c("#2a5aa0" if not motor else "#2a2a2e"), 2.2 if not motor else 3.0)
    for x in (-18.0, 18.0):
        _tyre(c, g, x, 10, 12, t, spokes=0 if motor else 6)
    c.drawPath(poly([(-18, 10), (-4, 10), (-8, -10), (14, -10), (-4, 10)], close=False), frame)
    c.drawLine(-18, 10, -8, -10, frame)
    c.drawLine(18, 10, 12, -16, frame)  # the fork
    c.drawLine(8, -18, 14, -16, stroke(g.c("#2a2a2e"), 2.2))  # the handlebars
    c.drawRoundRect(skia.Rect(-14, -14, -3, -10), 2, 2, fill(g.c("#2a2a2e")))  # the saddle
    if motor:
        c.drawRoundRect(skia.Rect(-2, -16, 12, -8), 4, 4, fill(g.c("#c0302a")))  # the tank
        c.drawRoundRect(skia.Rect(-9, -4, 5, 8), 2, 2, fill(g.c("#8a8e96")))  # the engine


def _boat(c: skia.Canvas, g: Grade, t: float, sail: bool = False) -> None:
    """A wooden boat on a swell: a curved hull with its planks; a rowing boat's oars, or a ship's
    mast and sails."""
    c.save()
    c.rotate(4 * math.sin(t * 1.6))
    hull = skia.Path()
    hull.moveTo(-32, -2)
    hull.lineTo(32, -6)
    hull.quadTo(26, 14, 10, 16)
    hull.lineTo(-18, 16)
    hull.quadTo(-28, 12, -32, -2)
    hull.close()
    c.drawPath(hull, fill(g.c("#8a5a2a")))
    for y in (3.0, 9.0):
        c.drawLine(-27, y, 28 - y, y - 2, stroke(g.c("#5a3a1a"), 0.8))
    if sail:
        c.drawLine(0, -4, 0, -34, stroke(g.c("#5a3a1a"), 2.0))
        c.drawPath(poly([(2, -32), (2, -6), (24, -8)]), fill(g.c("#f0ead8")))
        c.drawPath(poly([(-2, -30), (-2, -6), (-20, -6)]), fill(g.c("#e4dcc4")))
    else:
        oar = stroke(g.c("#b08048"), 2.0)
        for x in (-10.0, 8.0):
            c.drawLine(x - 6, -12, x + 8, 22, oar)
            c.drawOval(skia.Rect(x + 5, 18, x + 11, 28), fill(g.c("#b08048")))
    c.restore()


def _wagon(c: skia.Canvas, g: Grade, t: float, kind: str = "cart") -> None:
    """A horse-drawn wagon: a wooden bed on two spoked wheels with its shafts; a covered wagon
    has its canvas hoops, a carriage or stagecoach a closed cab with a window."""
    wood = g.c("#8a5a2a")
    c.drawLine(14, 4, 32, 0, stroke(g.c("#5a3a1a"), 2.0))  # the shafts
    if kind == "covered":
        hood = skia.Path()
        hood.moveTo(-26, -4)
        hood.cubicTo(-26, -34, 16, -34, 16, -4)
        hood.close()
        c.drawPath(hood, fill(g.c("#ece4cc")))
        for x in (-14.0, -2.0):
            c.drawLine(x, -4, x, -26, stroke(g.c("#c8bca0"), 0.8))
    elif kind == "coach":
        c.drawRoundRect(skia.Rect(-22, -26, 14, -2), 4, 4, fill(g.c("#3a2a4a")))
        c.drawRect(skia.Rect(-12, -20, 2, -10), fill(g.c("#e8d8a0", lit=0.4)))
        c.drawRect(skia.Rect(-20, -30, 12, -26), fill(g.c("#2a1e16")))  # the roof rail
    c.drawRect(skia.Rect(-28, -6, 16, 4), fill(wood))
    for x, r in ((-16.0, 11.0), (8.0, 9.0)):
        _tyre(c, g, x, 12, r, t, spokes=4)
        c.drawCircle(x, 12, r, stroke(wood, 2.2))


def _train(c: skia.Canvas, g: Grade, t: float) -> None:
    """A steam locomotive: a boiler with its chimney and a puff of steam, the cab behind, driving wheels."""
    black = g.c("#24242a")
    c.drawRect(skia.Rect(-10, -10, 26, 6), fill(black))  # the boiler
    c.drawRect(skia.Rect(16, -20, 22, -10), fill(black))  # the chimney
    c.drawRect(skia.Rect(-30, -22, -10, 6), fill(g.c("#7a1e1e")))  # the cab
    c.drawRect(skia.Rect(-26, -18, -16, -10), fill(g.c("#e8d8a0", lit=0.4)))
    c.drawRect(skia.Rect(-32, -25, -8, -22), fill(black))
    c.drawPath(poly([(26, 6), (32, 14), (26, 14)]), fill(black))  # the cowcatcher
    puff = 3 * (t * 1.5 % 1)
    for i, r in enumerate((4.0, 5.5, 7.0)):
        c.drawCircle(20 - i * 7 - puff, -25 - i * 4 - puff, r, fill(g.c("#e8e8ec", 0.7, lit=0.5)))
    for x in (-20.0, -4.0, 12.0):
        _tyre(c, g, x, 12, 6.5, t, spokes=3)
    c.drawLine(-20, 12, 12, 12, stroke(g.c("#8a8e96"), 1.6))  # the coupling rod


def _plane(c: skia.Canvas, g: Grade, t: float) -> None:
    """A propeller aeroplane side on: fuselage, wing, tail fin, a spinning propeller."""
    silver = g.c("#b8bec8")
    c.drawPath(poly([(-30, -4), (24, -6), (30, -2), (24, 4), (-26, 2)]), fill(silver))
    c.drawPath(poly([(-30, -4), (-32, -18), (-24, -18), (-18, -4)]), fill(g.c("#c0302a")))  # the fin
    c.drawPath(poly([(-6, 0), (12, 0), (4, 16), (-10, 16)]), fill(g.c("#8a929e")))  # the near wing
    c.drawPath(poly([(10, -5), (18, -5), (18, -2), (8, -2)]), fill(g.c("#cfe0ea", lit=0.4)))  # the cockpit
    blade = 12 * math.cos(t * 40)
    c.drawLine(31, -2 - blade, 31, -2 + blade, stroke(g.c("#2a2a2e"), 2.0))
    c.drawCircle(31, -2, 2.2, fill(g.c("#2a2a2e")))


def _sled(c: skia.Canvas, g: Grade, t: float) -> None:
    """A sledge: a slatted wooden seat on two runners curling up at the front."""
    c.drawRect(skia.Rect(-26, -8, 18, -2), fill(g.c("#a0602a")))
    for x in (-18.0, 10.0):
        c.drawLine(x, -2, x, 8, stroke(g.c("#5a3a1a"), 2.0))
    runner = skia.Path()
    runner.moveTo(-30, 8)
    runner.lineTo(20, 8)
    runner.quadTo(30, 8, 28, -2)
    runner.quadTo(26, -8, 21, -4)
    c.drawPath(runner, stroke(g.c("#8a8e96"), 2.4))


def _cog(c: skia.Canvas, g: Grade, x: float, y: float, r: float, turn: float, color: str) -> None:
    """A cog of eight teeth, turned ``turn`` degrees."""
    rim: list[tuple[float, float]] = []
    for i in range(16):  # a tooth's top, then the gap to the next
        a = math.radians(turn) + i * math.pi / 8
        rr = r if i % 2 else r * 0.78
        rim += [(x + rr * math.cos(a + da), y + rr * math.sin(a + da)) for da in (-0.18, 0.18)]
    c.drawPath(poly(rim), fill(g.c(color)))
    c.drawCircle(x, y, r * 0.3, fill(g.c("#2a2420")))


def _machine(c: skia.Canvas, g: Grade, t: float) -> None:
    """A machine or engine: two meshing cogs turning in a riveted frame, a piston and a gauge."""
    c.drawRoundRect(skia.Rect(-30, -24, 30, 24), 3, 3, fill(g.c("#4a4e56")))
    for x, y in ((-26, -20), (26, -20), (-26, 20), (26, 20)):
        c.drawCircle(x, y, 1.5, fill(g.c("#a0a4ac")))
    _cog(c, g, -10, 4, 14, t * 60, "#c8a040")
    _cog(c, g, 12, -6, 10, -t * 84 + 11, "#b87333")
    stroke_y = 6 * math.sin(t * 6)
    c.drawRect(skia.Rect(16, 6 + stroke_y, 24, 18 + stroke_y), fill(g.c("#b8bcc4")))  # the piston
    c.drawCircle(19, -18, 4, fill(g.c("#f0ece0")))  # the gauge
    c.drawLine(19, -18, 19 + 3 * math.cos(t * 3), -18 - 3 * abs(math.sin(t * 3)), stroke(g.c("#c02a2a"), 0.8))


def _radio(c: skia.Canvas, g: Grade, t: float) -> None:
    """An old wireless set: a wooden cabinet, a cloth speaker grille, a lit dial and two knobs."""
    c.drawRoundRect(skia.Rect(-30, -20, 30, 22), 8, 8, fill(g.c("#7a4a22")))
    c.drawRoundRect(skia.Rect(-24, -14, 4, 16), 4, 4, fill(g.c("#c8b890")))
    for x in range(-20, 4, 5):
        c.drawLine(x, -12, x, 14, stroke(g.c("#8a7a5a"), 0.8))
    c.drawRect(skia.Rect(8, -14, 26, -4), fill(g.c("#f0d890", lit=0)))  # the dial
    c.drawLine(12 + 10 * (0.5 + 0.5 * math.sin(t)), -14, 12 + 10 * (0.5 + 0.5 * math.sin(t)), -4,
               stroke(g.c("#c02a2a"), 0.8))
    for x in (12.0, 22.0):
        c.drawCircle(x, 8, 3.5, fill(g.c("#2a1e16")))


def _sewing_machine(c: skia.Canvas, g: Grade, t: float) -> None:
    """A sewing machine: a black arm over its bed, the wheel at the right, the needle going up and down."""
    black = g.c("#1e1e22")
    c.drawRect(skia.Rect(-30, 14, 30, 22), fill(g.c("#8a5a2a")))  # the table
    c.drawPath(poly([(-22, 14), (-22, -16), (20, -16), (20, 14), (12, 14), (12, -6), (-14, -6), (-14, 14)]),
               fill(black))
    c.drawLine(-20, -12, 10, -12, stroke(g.c("#d8b040"), 1.0))  # the gilt lettering's line
    c.drawCircle(24, -8, 7, stroke(g.c("#8a8e96"), 2.0))  # the hand wheel
    c.drawLine(-18, -6, -18, 4 + 3 * math.sin(t * 12), stroke(g.c("#c0c4ca"), 1.2))  # the needle
    c.drawRect(skia.Rect(-26, 10, -6, 14), fill(g.c("#d04a4a")))  # cloth under the needle


def _tape(c: skia.Canvas, g: Grade, t: float) -> None:
    """A cassette tape: the shell, its label, the window with two spools turning."""
    c.drawRoundRect(skia.Rect(-30, -19, 30, 19), 3, 3, fill(g.c("#2a2a2e")))
    c.drawRect(skia.Rect(-25, -15, 25, 5), fill(g.c("#f0e8d0")))  # the label
    c.drawRect(skia.Rect(-14, -9, 14, 1), fill(g.c("#5a4a3a")))  # the window onto the tape
    for x in (-8.0, 8.0):
        c.drawCircle(x, -4, 4, fill(g.c("#f4f4f0")))
        a = t * 4
        c.drawLine(x - 3 * math.cos(a), -4 - 3 * math.sin(a), x + 3 * math.cos(a), -4 + 3 * math.sin(a),
                   stroke(g.c("#2a2a2e"), 1.0))
    c.drawPath(poly([(-18, 19), (-14, 10), (14, 10), (18, 19)]), fill(g.c("#3a3a40")))


def _coat(c: skia.Canvas, g: Grade, t: float, color: str = "#3a3e5a") -> None:
    """A coat on a hanger: shoulders, sleeves, the lapels' V, a row of buttons."""
    c.drawPath(poly([(0, -30), (-5, -24), (5, -24)], close=False), stroke(g.c("#8a5a2a"), 1.4))  # the hanger
    cloth = fill(g.c(color))
    c.drawPath(poly([(-14, -24), (14, -24), (17, 30), (-17, 30)]), cloth)
    c.drawPath(poly([(-14, -24), (-26, 18), (-20, 20), (-11, -6)]), cloth)  # the sleeves
    c.drawPath(poly([(14, -24), (26, 18), (20, 20), (11, -6)]), cloth)
    c.drawPath(poly([(-6, -24), (0, 0), (6, -24)]), fill(g.c("#ece4d8")))  # the shirt in the V
    c.drawPath(poly([(-8, -24), (0, 2), (-10, -8)]), fill(g.c("#23263a")))  # the lapels
    c.drawPath(poly([(8, -24), (0, 2), (10, -8)]), fill(g.c("#23263a")))
    for y in (8.0, 16.0, 24.0):
        c.drawCircle(2, y, 1.6, fill(g.c("#c8a040")))


def _boot(c: skia.Canvas, g: Grade, t: float, high: bool = True) -> None:
    """A boot, its shaft and its sole; a shoe is cut low, open at the top, with its laces."""
    sole = fill(g.c("#1a1210"))
    if high:
        c.drawPath(poly([(-12, -28), (6, -28), (6, 2), (26, 10), (28, 18), (-12, 18)]), fill(g.c("#5a3a22")))
        c.drawRect(skia.Rect(-13, -28, 7, -24), fill(g.c("#3a2616")))  # the turned-down top
    else:
        upper = skia.Path()
        upper.moveTo(-16, 18)
        upper.lineTo(-16, -2)
        upper.lineTo(2, -2)
        upper.quadTo(24, 2, 28, 12)
        upper.lineTo(28, 18)
        upper.close()
        c.drawPath(upper, fill(g.c("#7a1e22")))
        c.drawOval(skia.Rect(-14, -5, 0, 1), fill(g.c("#2a1210")))  # the opening
        for i in range(3):
            c.drawLine(3 + i * 4, -1 + i * 1.5, 5 + i * 4, 6 + i * 1.5, stroke(g.c("#f0e8d8"), 1.0))
    c.drawRect(skia.Rect(-16 if not high else -13, 18, 29, 22), sole)
    c.drawRect(skia.Rect(-16 if not high else -13, 14, -4, 22), sole)  # the heel


def _glove(c: skia.Canvas, g: Grade, t: float) -> None:
    """A glove: a palm, four fingers, a thumb and its cuff."""
    leather = g.c("#6a3a22")
    c.drawRoundRect(skia.Rect(-12, -6, 12, 18), 6, 6, fill(leather))
    for i, h in enumerate((18.0, 22.0, 21.0, 16.0)):
        x = -11 + i * 6
        c.drawRoundRect(skia.Rect(x, -4 - h, x + 5, 0), 2.5, 2.5, fill(leather))
    c.save()
    c.translate(-10, 10)
    c.rotate(-50)
    c.drawRoundRect(skia.Rect(-3.5, -18, 3.5, 0), 3, 3, fill(leather))  # the thumb
    c.restore()
    c.drawRect(skia.Rect(-13, 16, 13, 28), fill(g.c("#4a2a18")))  # the cuff


def _piano(c: skia.Canvas, g: Grade, t: float) -> None:
    """A grand piano side on: the curved black case with its lid propped up, the keyboard, three legs."""
    black = fill(g.c("#16141a"))
    case = skia.Path()
    case.moveTo(-30, -4)
    case.lineTo(8, -4)
    case.cubicTo(18, -4, 20, -12, 30, -10)
    case.lineTo(30, 4)
    case.lineTo(-30, 4)
    case.close()
    c.drawPath(case, black)
    c.drawPath(poly([(-24, -6), (26, -12), (24, -14), (-22, -27)]), black)  # the lid, propped open
    c.drawLine(-4, -6, -14, -21, stroke(g.c("#16141a"), 1.2))  # its prop stick
    c.drawRect(skia.Rect(-34, -6, -22, 0), fill(g.c("#f4f0e6")))  # the white keys, seen end on
    for x in (-32.0, -29.0, -26.0):
        c.drawRect(skia.Rect(x, -6, x + 1.5, -3), black)
    for x in (-26.0, 0.0, 26.0):
        c.drawRect(skia.Rect(x - 1.6, 4, x + 1.6, 24), black)
        c.drawCircle(x, 25, 1.8, fill(g.c("#c8a040")))
    c.drawRect(skia.Rect(-8, 14, -2, 16), fill(g.c("#c8a040")))  # the pedals
    c.drawLine(-5, 4, -5, 14, stroke(g.c("#16141a"), 1.2))
    c.drawLine(-28, -3, 22, -3, stroke(g.c("#ffffff", 0.3, lit=0), 0.8))  # a shine along the case


def _record(c: skia.Canvas, g: Grade, t: float) -> None:
    """A gramophone record turning, its grooves catching the light, with notes rising off it: a song."""
    c.drawCircle(-4, 6, 24, fill(g.c("#121214")))
    for r in (8.0, 13.0, 18.0, 22.0):
        c.drawCircle(-4, 6, r, stroke(g.c("#3a3a40"), 0.6))
    a = t * 3.5  # the sheen turns with the record
    sheen = skia.Path()
    sheen.addArc(skia.Rect(-26, -16, 18, 28), math.degrees(a), 40)
    c.drawPath(sheen, stroke(g.c("#9a9aa8", 0.8), 2.0))
    c.drawCircle(-4, 6, 7, fill(g.c("#c83a2a")))
    c.drawCircle(-4, 6, 1.4, fill(g.c("#f0e8d8")))
    ink = g.c("#2a2a3a")
    for i, (x, y) in enumerate(((16.0, -14.0), (24.0, -24.0))):
        dy = 2.0 * math.sin(t * 4 + i * 2)
        c.drawOval(skia.Rect(x - 4, y + dy - 2.5, x + 1.5, y + dy + 2.5), fill(ink))
        c.drawLine(x + 1, y + dy, x + 1, y + dy - 13, stroke(ink, 1.3))
        c.drawLine(x + 1, y + dy - 13, x + 5, y + dy - 9, stroke(ink, 1.3))


def _throne(c: skia.Canvas, g: Grade, t: float) -> None:
    """A throne: a tall pointed back, a red cushion, gilt arms and legs."""
    gold, dark = fill(g.c("#d0a43a")), fill(g.c("#8a6420"))
    c.drawPath(poly([(-16, 6), (-16, -20), (-8, -28), (0, -34), (8, -28), (16, -20), (16, 6)]), gold)
    c.drawPath(poly([(-11, 4), (-11, -18), (0, -27), (11, -18), (11, 4)]), fill(g.c("#9a1e2a")))
    c.drawCircle(0, -34, 3, fill(g.c("#c83a3a", lit=0.6)))  # a jewel on its crest
    c.drawRect(skia.Rect(-20, 4, 20, 11), gold)  # the seat
    c.drawRect(skia.Rect(-22, -6, -16, 11), dark)  # the arms
    c.drawRect(skia.Rect(16, -6, 22, 11), dark)
    c.drawCircle(-19, -7, 3.2, gold)
    c.drawCircle(19, -7, 3.2, gold)
    for x in (-18.0, 14.0):
        c.drawRect(skia.Rect(x, 11, x + 4, 28), dark)
    c.drawRect(skia.Rect(-14, 12, 14, 17), fill(g.c("#7a1620")))  # the cushion's fringe


def _tank(c: skia.Canvas, g: Grade, t: float) -> None:
    """A gas cylinder (oxygen, air): a tall rounded steel bottle, its valve, a gauge and a band."""
    c.drawRoundRect(skia.Rect(-11, -20, 11, 30), 10, 10, fill(g.c("#d8dce4")))
    c.drawRect(skia.Rect(-11, -4, 11, 2), fill(g.c("#2a7a3a")))  # the painted band
    c.drawRect(skia.Rect(-4, -27, 4, -19), fill(g.c("#8a8e96")))  # the valve
    c.drawRect(skia.Rect(4, -26, 12, -22), fill(g.c("#8a8e96")))
    c.drawCircle(15, -24, 5, fill(g.c("#f0ece0")))  # the gauge
    c.drawCircle(15, -24, 5, stroke(g.c("#2a2a2e"), 1.0))
    a = -2.2 + 0.4 * math.sin(t * 2)
    c.drawLine(15, -24, 15 + 4 * math.cos(a), -24 + 4 * math.sin(a), stroke(g.c("#c82a2a"), 0.9))
    c.drawLine(-6, -14, -6, 24, stroke(g.c("#ffffff", 0.6, lit=0), 2.0))  # the steel's shine


def _tree(c: skia.Canvas, g: Grade, t: float) -> None:
    """A tree: a trunk splitting into boughs under a round crown of leaves that stirs in the wind."""
    bark = g.c("#5a3a22")
    c.drawPath(poly([(-5, 30), (-3, 0), (3, 0), (5, 30)]), fill(bark))
    c.drawLine(0, 4, -10, -8, stroke(bark, 3))
    c.drawLine(0, 2, 10, -10, stroke(bark, 3))
    sway = 1.5 * math.sin(t * 1.7)
    for (x, y, r, col) in ((-12.0, -12.0, 12.0, "#2f6a2a"), (12.0, -13.0, 12.0, "#2f6a2a"),
                           (0.0, -22.0, 14.0, "#3a7a32"), (-6.0, -8.0, 10.0, "#3a8a36"), (7.0, -7.0, 10.0, "#3a8a36")):
        c.drawCircle(x + sway * (1 - y / 30), y, r, fill(g.c(col)))
    c.drawCircle(-4 + sway, -26, 5, fill(g.c("#5aa048", 0.8)))  # light on the crown


def _skis(c: skia.Canvas, g: Grade, t: float) -> None:
    """A pair of skis standing crossed, their tips curling, with two poles and their baskets."""
    for sgn, col in ((-1, "#c83a2a"), (1, "#2a5a9a")):
        c.save()
        c.rotate(sgn * 12)
        ski = skia.Path()
        ski.moveTo(-2.5, 30)
        ski.lineTo(-2.5, -24)
        ski.quadTo(-2.5, -32, 3, -34)
        ski.lineTo(2.5, -24)
        ski.lineTo(2.5, 30)
        ski.close()
        c.drawPath(ski, fill(g.c(col)))
        c.drawRect(skia.Rect(-3.5, 2, 3.5, 8), fill(g.c("#2a2a2e")))  # the binding
        c.restore()
    pole = stroke(g.c("#8a8e96"), 1.4)
    for x in (-20.0, 20.0):
        c.drawLine(x, -26, x * 0.8, 28, pole)
        c.drawCircle(x * 0.8, 22, 3.5, stroke(g.c("#2a2a2e"), 1.0))
        c.drawLine(x - 1, -28, x + 1, -20, stroke(g.c("#2a2a2e"), 2.6))  # the grip


def _coffin(c: skia.Canvas, g: Grade, t: float) -> None:
    """A coffin seen from above: the six-sided box, its lid's panel, a cross and brass handles."""
    c.drawPath(poly([(-9, -32), (9, -32), (16, -16), (11, 32), (-11, 32), (-16, -16)]), fill(g.c("#4a2a18")))
    c.drawPath(poly([(-6, -28), (6, -28), (12, -15), (8, 28), (-8, 28), (-12, -15)]), fill(g.c("#6a3e22")))
    c.drawRect(skia.Rect(-1.5, -18, 1.5, 6), fill(g.c("#c8a040")))
    c.drawRect(skia.Rect(-6, -12, 6, -9), fill(g.c("#c8a040")))
    for y in (-10.0, 6.0, 22.0):
        for x in (-15.5, 13.5):
            c.drawRect(skia.Rect(x, y, x + 2, y + 5), fill(g.c("#c8a040")))


def _gravestone(c: skia.Canvas, g: Grade, t: float) -> None:
    """A headstone: a grey slab with a rounded top, a carved cross and lines, on a grassy mound."""
    c.drawOval(skia.Rect(-30, 20, 30, 34), fill(g.c("#3a5a2a")))
    stone = skia.Path()
    stone.moveTo(-17, 26)
    stone.lineTo(-17, -14)
    stone.arcTo(skia.Rect(-17, -31, 17, 3), 180, 180, False)
    stone.lineTo(17, 26)
    stone.close()
    c.drawPath(stone, fill(g.c("#9a9a96")))
    c.drawPath(stone, stroke(g.c("#5a5a58"), 1.2))
    carve = stroke(g.c("#4a4a48"), 1.6)
    c.drawLine(0, -22, 0, -6, carve)
    c.drawLine(-6, -16, 6, -16, carve)
    for y in (2.0, 8.0, 14.0):
        c.drawLine(-10, y, 10 - (y % 4) * 2, y, stroke(g.c("#5a5a58"), 1.0))


def _door(c: skia.Canvas, g: Grade, t: float) -> None:
    """A door standing ajar in its arched frame, light spilling out of the gap."""
    c.drawRect(skia.Rect(-22, -18, 22, 32), fill(g.c("#6a6a70")))  # the frame's stone
    c.drawCircle(0, -18, 22, fill(g.c("#6a6a70")))
    c.drawRect(skia.Rect(-17, -18, 17, 32), fill(g.c("#fff0b0", lit=0)))  # the light beyond
    c.drawCircle(0, -18, 17, fill(g.c("#fff0b0", lit=0)))
    c.drawPath(poly([(4, 32), (17, 32), (34, 40), (10, 40)]), fill(g.c("#ffe080", 0.45, lit=0)))  # on the floor
    door = skia.Path()  # swung part way open: its far edge is nearer, so taller and narrower
    door.moveTo(-17, 32)
    door.lineTo(-17, -18)
    door.arcTo(skia.Rect(-17, -35, 17, -1), 180, 60, False)
    door.lineTo(4, -30)
    door.lineTo(4, 36)
    door.close()
    c.drawPath(door, fill(g.c("#6a3e22")))
    for x in (-11.0, -4.0):
        c.drawLine(x, -22, x, 32, stroke(g.c("#4a2a18"), 1.0))  # the planks
    c.drawCircle(0, 8, 2, fill(g.c("#c8a040")))  # the handle


def _portal(c: skia.Canvas, g: Grade, t: float) -> None:
    """A portal: a ring of stone round a swirl of light that turns."""
    c.drawCircle(0, 0, 33, stroke(g.c("#8a5aff", 0.3, lit=0), 8))  # its halo (a gradient glow costs 10x)
    c.drawCircle(0, 0, 24, fill(g.c("#2a1a4a", lit=0.5)))
    for i in range(3):
        arm = skia.Path()
        a0 = t * 120 + i * 120
        arm.addArc(skia.Rect(-20, -20, 20, 20), a0, 100)
        c.drawPath(arm, stroke(g.c("#b08aff", 0.9, lit=0), 3.0))
        arm2 = skia.Path()
        arm2.addArc(skia.Rect(-11, -11, 11, 11), a0 + 60, 100)
        c.drawPath(arm2, stroke(g.c("#e0d0ff", 0.9, lit=0), 2.2))
    c.drawCircle(0, 0, 4, fill(g.c("#ffffff", lit=0)))
    c.drawCircle(0, 0, 27, stroke(g.c("#6a6a70"), 6))  # the stone ring
    for i in range(8):
        a = i * math.pi / 4
        c.drawCircle(27 * math.cos(a), 27 * math.sin(a), 1.6, fill(g.c("#6aa0ff", lit=0)))  # its runes


def _bow(c: skia.Canvas, g: Grade, t: float) -> None:
    """A bow and arrow: a curved wooden bow, its string drawn back, an arrow nocked with its fletching."""
    bow = skia.Path()
    bow.moveTo(-4, -30)
    bow.quadTo(22, 0, -4, 30)
    c.drawPath(bow, stroke(g.c("#7a4a22"), 3.2))
    c.drawRect(skia.Rect(7, -4, 11, 4), fill(g.c("#3a2216")))  # the grip
    pull = -14 + 1.5 * math.sin(t * 2)
    string = stroke(g.c("#e8e0c8"), 0.8)
    c.drawLine(-4, -30, pull, 0, string)
    c.drawLine(pull, 0, -4, 30, string)
    c.drawLine(pull, 0, 30, 0, stroke(g.c("#a07a4a"), 1.6))  # the shaft
    c.drawPath(poly([(30, -3), (37, 0), (30, 3)]), fill(g.c("#b8bcc4")))  # the head
    for s in (-1, 1):
        c.drawPath(poly([(pull + 1, 0), (pull + 9, 0), (pull + 5, s * 4), (pull - 1, s * 4)]),
                   fill(g.c("#c83a2a")))


def _ladder(c: skia.Canvas, g: Grade, t: float) -> None:
    """A wooden ladder leaning: two rails and their rungs."""
    wood = stroke(g.c("#9a6a3a"), 2.6)
    c.drawLine(-14, 32, -4, -32, wood)
    c.drawLine(4, 32, 14, -32, wood)
    for i in range(7):
        y = 26 - i * 9
        dx = (32 - y) / 64 * 10
        c.drawLine(-14 + dx, y, 4 + dx, y, stroke(g.c("#7a5028"), 2.0))


def _jar(c: skia.Canvas, g: Grade, t: float, inside: str = "jam") -> None:
    """A glass jar with its lid: jam or honey in it, fireflies blinking, or a bubbling sourdough starter."""
    c.drawRoundRect(skia.Rect(-14, -16, 14, 26), 6, 6, fill(g.c("#d8e4ec", 0.25)))
    if inside == "fireflies":
        for i, (x, y) in enumerate(((-6.0, 10.0), (5.0, 0.0), (-2.0, -8.0), (7.0, 16.0), (-8.0, -2.0))):
            lit = 0.5 + 0.5 * math.sin(t * 5 + i * 1.9)
            c.drawCircle(x, y, 4, fill(g.c("#d8ff60", 0.5 * lit, lit=0)))
            c.drawCircle(x, y, 1.4, fill(g.c("#f4ffb0", 0.4 + 0.6 * lit, lit=0)))
    elif inside == "jam":
        c.drawRoundRect(skia.Rect(-13, -6, 13, 25), 5, 5, fill(g.c("#b83a22", 0.9)))
        c.drawRect(skia.Rect(-13, 2, 13, 14), fill(g.c("#f0e8d8")))  # the label
        c.drawLine(-8, 8, 8, 8, stroke(g.c("#3a3a5a"), 1.0))
    else:  # the starter risen up the glass, bubbles in it, a band marking where it was
        rise = 2 * math.sin(t * 1.5)
        c.drawRoundRect(skia.Rect(-13, -4 - rise, 13, 25), 5, 5, fill(g.c("#ece2c8")))
        for x, y in ((-6.0, 4.0), (4.0, 10.0), (-2.0, 18.0), (7.0, 0.0), (-8.0, 14.0)):
            c.drawCircle(x, y, 1.6, fill(g.c("#b8a88a")))
        c.drawLine(-14, 8, 14, 8, stroke(g.c("#c83a2a"), 1.2))
    c.drawRoundRect(skia.Rect(-14, -16, 14, 26), 6, 6, stroke(g.c("#ffffff", 0.6), 0.8))
    c.drawRect(skia.Rect(-11, -22, 11, -16), fill(g.c("#c8c8cc" if inside == "starter" else "#9a7a3a")))
    c.drawLine(-9, -10, -9, 18, stroke(g.c("#ffffff", 0.5, lit=0), 1.5))


def _well(c: skia.Canvas, g: Grade, t: float) -> None:
    """A wishing well: a round stone wall under a little roof, the winch and its bucket on a rope."""
    c.drawRect(skia.Rect(-22, 8, 22, 30), fill(g.c("#8a8680")))
    for y in (14.0, 20.0, 26.0):
        c.drawLine(-22, y, 22, y, stroke(g.c("#5a5650"), 0.8))
    for i, x in enumerate((-14.0, -4.0, 6.0, 16.0)):
        y = 14.0 + 6 * (i % 2)
        c.drawLine(x, y - 6, x, y, stroke(g.c("#5a5650"), 0.8))
    c.drawOval(skia.Rect(-22, 4, 22, 12), fill(g.c("#1a2a3a")))  # the dark water
    post = fill(g.c("#6a4a2a"))
    c.drawRect(skia.Rect(-20, -22, -16, 8), post)
    c.drawRect(skia.Rect(16, -22, 20, 8), post)
    c.drawPath(poly([(-28, -18), (0, -34), (28, -18)]), fill(g.c("#8a3a2a")))  # the roof
    c.drawLine(-16, -14, 16, -14, stroke(g.c("#4a3218"), 2.4))  # the winch
    drop = 4 + 2 * math.sin(t * 1.5)
    c.drawLine(0, -14, 0, -6 + drop, stroke(g.c("#c8b48a"), 0.8))
    c.drawPath(poly([(-4, -6 + drop), (4, -6 + drop), (3, 1 + drop), (-3, 1 + drop)]), fill(g.c("#7a5a32")))


def _fire(c: skia.Canvas, g: Grade, t: float) -> None:
    """A campfire: crossed logs and flames that flicker, sparks rising."""
    from .paint import glow
    glow(c, 0, 6, 28, g.c("#ff8a30", 0.45, lit=0))
    log = stroke(g.c("#5a3a22"), 5)
    c.drawLine(-22, 26, 16, 16, log)
    c.drawLine(22, 26, -16, 16, log)
    for i, (col, w, h) in enumerate((("#e0401a", 16.0, 34.0), ("#ff9a2a", 11.0, 26.0), ("#ffe27a", 6.0, 16.0))):
        sway = 2.5 * math.sin(t * 7 + i * 1.3)
        flame = skia.Path()
        flame.moveTo(-w, 20)
        flame.quadTo(-w - 2, 20 - h * 0.5, sway, 20 - h)
        flame.quadTo(w + 2, 20 - h * 0.5, w, 20)
        flame.close()
        c.drawPath(flame, fill(g.c(col, lit=0)))
    for i in range(3):
        y = 12 - ((t * 30 + i * 13) % 40)
        c.drawCircle(6 * math.sin(t * 3 + i * 2), y - 8, 0.9, fill(g.c("#ffd060", lit=0)))


def _saddle(c: skia.Canvas, g: Grade, t: float) -> None:
    """A western saddle side on, on its stand: the seat dipping between the horn and the cantle, the
    fender hanging with its stirrup, a blanket under it."""
    c.drawRect(skia.Rect(-26, -4, 26, 4), fill(g.c("#3a5a8a")))  # the saddle blanket
    c.drawLine(-26, 0, 26, 0, stroke(g.c("#c83a2a"), 1.2))
    leather, dark = fill(g.c("#9a5226")), fill(g.c("#6a3618"))
    seat = skia.Path()
    seat.moveTo(-24, -2)
    seat.lineTo(-22, -20)  # the cantle, high at the back
    seat.quadTo(-18, -24, -14, -18)
    seat.quadTo(0, -8, 12, -16)  # the dip of the seat
    seat.lineTo(16, -20)
    seat.lineTo(22, -20)
    seat.lineTo(22, -2)
    seat.close()
    c.drawPath(seat, leather)
    c.drawRect(skia.Rect(14, -30, 19, -18), dark)  # the horn
    c.drawOval(skia.Rect(11, -34, 22, -28), dark)
    c.drawPath(poly([(-8, -6), (8, -6), (7, 20), (-7, 20)]), dark)  # the fender
    c.drawPath(poly([(-7, 20), (7, 20), (9, 30), (-9, 30)]), stroke(g.c("#3a2010"), 2.4))  # the stirrup
    c.drawLine(-20, -12, -14, -14, stroke(g.c("#e0b070", 0.8), 0.8))  # the stitched edge
    c.drawCircle(0, -4, 2, fill(g.c("#d0d4dc")))  # a silver concho


def _rolling_pin(c: skia.Canvas, g: Grade, t: float) -> None:
    """A rolling pin on a floured board: the wooden roller and its two handles."""
    c.drawRoundRect(skia.Rect(-30, 6, 30, 24), 3, 3, fill(g.c("#c8a070")))  # the board
    c.drawCircle(-10, 14, 6, fill(g.c("#f4f0e8", 0.8)))  # flour
    c.drawCircle(12, 18, 4, fill(g.c("#f4f0e8", 0.7)))
    c.save()
    c.rotate(-14)
    c.drawRoundRect(skia.Rect(-18, -8, 18, 6), 6, 6, fill(g.c("#d8b07a")))
    c.drawLine(-16, -4, 16, -4, stroke(g.c("#f0d8a8"), 1.2))
    for x0, x1 in ((-30.0, -18.0), (18.0, 30.0)):
        c.drawRoundRect(skia.Rect(x0, -4.5, x1, 2.5), 3, 3, fill(g.c("#8a5a2a")))
    c.restore()


def _ladle(c: skia.Canvas, g: Grade, t: float) -> None:
    """Kitchen spoons: a steel ladle and a wooden spoon crossed."""
    c.save()
    c.rotate(20)
    c.drawRoundRect(skia.Rect(-2, -32, 2, 14), 2, 2, fill(g.c("#7a7e88")))
    c.drawCircle(0, 18, 10, fill(g.c("#8a8e98")))
    c.drawOval(skia.Rect(-8, 12, 8, 20), fill(g.c("#4a4e56")))
    c.drawCircle(0, -30, 3, stroke(g.c("#7a7e88"), 1.4))  # the hanging loop
    c.restore()
    c.save()
    c.rotate(-22)
    c.drawRoundRect(skia.Rect(-2.2, -30, 2.2, 12), 2, 2, fill(g.c("#b08050")))
    c.drawOval(skia.Rect(-6, 10, 6, 28), fill(g.c("#b08050")))
    c.drawOval(skia.Rect(-4, 13, 4, 25), fill(g.c("#9a6a3a")))
    c.restore()


def _chocolate(c: skia.Canvas, g: Grade, t: float) -> None:
    """A bar of chocolate, half unwrapped from its paper and foil, a square broken off."""
    c.drawPath(poly([(-18, -30), (10, -30), (10, -22), (18, -22), (18, 2), (-18, 2)]), fill(g.c("#5a2e1a")))
    for y in (-22.0, -14.0, -6.0):
        c.drawLine(-18, y, 18, y, stroke(g.c("#3a1c10"), 1.2))
    c.drawLine(0, -30, 0, 2, stroke(g.c("#3a1c10"), 1.2))
    c.drawPath(poly([(-19, 2), (19, 2), (20, -2), (-20, -1)]), fill(g.c("#d8d8e0")))  # the foil's edge
    c.drawRect(skia.Rect(-19, 0, 19, 30), fill(g.c("#a0202a")))  # the wrapper
    c.drawRect(skia.Rect(-19, 10, 19, 18), fill(g.c("#d8b040")))
    c.drawRect(skia.Rect(22, -28, 30, -20), fill(g.c("#5a2e1a")))  # the square broken off


def _lollipop(c: skia.Canvas, g: Grade, t: float) -> None:
    """A lollipop: a swirled disc of sugar on a white stick, with a wrapped sweet beside it."""
    c.drawLine(-4, 0, -4, 32, stroke(g.c("#f4f0e8"), 2.6))
    c.drawCircle(-4, -12, 16, fill(g.c("#f4f0e8")))
    spiral = skia.Path()
    spiral.moveTo(-4, -12)
    for i in range(1, 40):
        a = i * 0.45 + t * 0.8
        r = i * 0.38
        spiral.lineTo(-4 + r * math.cos(a), -12 + r * math.sin(a))
    c.drawPath(spiral, stroke(g.c("#e0304a"), 3.0))
    c.drawOval(skia.Rect(14, 16, 26, 26), fill(g.c("#3a8ad8")))  # a wrapped sweet, its twisted ends
    c.drawPath(poly([(14, 21), (9, 16), (9, 26)]), fill(g.c("#3a8ad8")))
    c.drawPath(poly([(26, 21), (31, 16), (31, 26)]), fill(g.c("#3a8ad8")))


def _globe(c: skia.Canvas, g: Grade, t: float) -> None:
    """A globe turning on its tilted brass stand: blue sea, green land, the meridian ring."""
    c.drawRect(skia.Rect(-14, 26, 14, 30), fill(g.c("#6a4a2a")))  # the base
    c.drawLine(0, 26, 0, 20, stroke(g.c("#c8a040"), 2.5))
    c.save()
    c.translate(0, -4)
    c.rotate(-20)
    c.drawCircle(0, 0, 20, fill(g.c("#2a6aaa")))
    c.save()
    c.clipPath(skia.Path().addCircle(0, 0, 20), doAntiAlias=True)
    land = fill(g.c("#4a9a4a"))
    off = (t * 12) % 80 - 40
    for x, y, w, h in ((-10, -12, 14, 10), (6, -4, 12, 16), (-14, 4, 10, 12), (30, -10, 16, 12), (-50, -6, 14, 14)):
        for dx in (0.0, 80.0, -80.0):
            c.drawOval(skia.Rect(x + off + dx, y, x + off + dx + w, y + h), land)
    c.restore()
    arc = skia.Path()
    arc.addArc(skia.Rect(-24, -24, 24, 24), 90, 180)
    c.drawPath(arc, stroke(g.c("#c8a040"), 2.2))  # the meridian
    c.drawLine(0, -24, 0, -20, stroke(g.c("#c8a040"), 2.0))
    c.restore()
    c.drawCircle(-8, -12, 4, fill(g.c("#ffffff", 0.35, lit=0)))


def _accordion(c: skia.Canvas, g: Grade, t: float) -> None:
    """An accordion: two keyboard ends and the pleated bellows between them, breathing in and out."""
    spread = 1 + 0.12 * math.sin(t * 3)
    c.drawRoundRect(skia.Rect(-30, -20, -18, 22), 2, 2, fill(g.c("#a02028")))
    c.drawRect(skia.Rect(-28, -18, -22, 20), fill(g.c("#f4f0e6")))  # the keys
    for y in range(-16, 18, 5):
        c.drawLine(-28, y, -22, y, stroke(g.c("#2a2a2e"), 0.7))
    c.drawRoundRect(skia.Rect(18, -20, 30, 22), 2, 2, fill(g.c("#a02028")))
    for i in range(3):
        for j in range(4):
            c.drawCircle(22 + i * 3.5, -12 + j * 8, 1.2, fill(g.c("#f4f0e6")))  # the bass buttons
    n = 8
    w = 36 / n * spread
    for i in range(n):
        x = -18 + i * 36 / n
        c.drawPath(poly([(x, -18), (x + w / 2, -20), (x + w, -18), (x + w, 20), (x + w / 2, 22), (x, 20)]),
                   fill(g.c("#2a2a30" if i % 2 else "#3a3a44")))
    c.drawLine(-18, -19, 18, -19, stroke(g.c("#c8a040"), 0.8))


def _bagpipes(c: skia.Canvas, g: Grade, t: float) -> None:
    """Bagpipes: a tartan bag, three drones standing up from it with their ribbons, the chanter below."""
    bag = skia.Path()
    bag.addOval(skia.Rect(-18, -8, 14, 18))
    c.drawPath(bag, fill(g.c("#2a5a3a")))
    c.save()
    c.clipPath(bag, doAntiAlias=True)
    for i in range(-3, 4):
        c.drawLine(-18 + i * 7, -8, -10 + i * 7, 18, stroke(g.c("#c83a2a", 0.7), 1.6))  # the tartan
        c.drawLine(-18, -4 + i * 6, 14, -4 + i * 6, stroke(g.c("#1a2a4a", 0.6), 1.6))
    c.restore()
    wood = g.c("#2a1a12")
    for i, (x, h) in enumerate(((-10.0, 34.0), (-2.0, 28.0), (6.0, 26.0))):
        c.drawLine(x, -4, x - 8 + i * 4, -4 - h, stroke(wood, 2.6))
        c.drawCircle(x - 8 + i * 4, -4 - h, 2.4, fill(g.c("#e8e0d0")))  # ivory mounts
    c.drawPath(poly([(-10, -10), (-22, -6), (-21, -2), (-10, -6)]), fill(g.c("#c83a2a")))  # a ribbon
    c.drawLine(10, 14, 22, 30, stroke(wood, 3))  # the chanter
    c.drawLine(-16, 0, -28, -6, stroke(wood, 1.8))  # the blowpipe


def _megaphone(c: skia.Canvas, g: Grade, t: float) -> None:
    """A megaphone: a cone flaring from a mouthpiece, a handle under it, sound lines coming out."""
    c.drawPath(poly([(-22, -5), (14, -18), (14, 18), (-22, 5)]), fill(g.c("#e0e0e4")))
    c.drawOval(skia.Rect(10, -18, 18, 18), fill(g.c("#c8ccd4")))
    c.drawOval(skia.Rect(12, -15, 17, 15), fill(g.c("#5a5e66")))
    c.drawRect(skia.Rect(-4, -6, 6, -2), fill(g.c("#d83a2a")))  # a red band
    c.drawRect(skia.Rect(-28, -4, -22, 4), fill(g.c("#2a2a2e")))  # the mouthpiece
    c.drawPath(poly([(-10, 4), (-4, 4), (-6, 18), (-12, 18)]), fill(g.c("#2a2a2e")))  # the handle
    for i in range(3):
        r = 8 + i * 6 + 3 * ((t * 2) % 1)
        arc = skia.Path()
        arc.addArc(skia.Rect(14 - r, -r, 14 + r, r), -35, 70)
        c.drawPath(arc, stroke(g.c("#2a2a3a", 0.7), 1.4))


def _pillow(c: skia.Canvas, g: Grade, t: float) -> None:
    """A plump pillow: a cushion pinched at its corners, a seam round it, a dent where a head lay."""
    p = skia.Path()
    p.moveTo(-30, -18)
    p.quadTo(0, -12, 30, -18)
    p.quadTo(24, 0, 30, 18)
    p.quadTo(0, 12, -30, 18)
    p.quadTo(-24, 0, -30, -18)
    p.close()
    c.drawPath(p, fill(g.c("#eae6f0")))
    c.drawPath(p, stroke(g.c("#a8a4c0"), 1.0))
    c.drawOval(skia.Rect(-12, -6, 12, 6), fill(g.c("#c8c4dc")))  # the dent
    c.drawLine(-24, -10, 24, -10, stroke(g.c("#ffffff", 0.7, lit=0), 1.4))


def _skateboard(c: skia.Canvas, g: Grade, t: float) -> None:
    """A skateboard side on: the deck kicked up at both ends, its trucks and four wheels rolling."""
    deck = skia.Path()
    deck.moveTo(-32, -8)
    deck.quadTo(-28, 0, -22, 0)
    deck.lineTo(22, 0)
    deck.quadTo(28, 0, 32, -8)
    c.drawPath(deck, stroke(g.c("#c83a2a"), 4))
    c.drawLine(-22, -2.5, 22, -2.5, stroke(g.c("#1e1e22"), 1.2))  # the grip tape
    for x in (-16.0, 16.0):
        c.drawPath(poly([(x - 4, 2), (x + 4, 2), (x + 1, 6), (x - 1, 6)]), fill(g.c("#a8acb4")))
        _tyre(c, g, x - 4, 9, 3.6, t)
        _tyre(c, g, x + 4, 9, 3.6, t)


def _roller_skate(c: skia.Canvas, g: Grade, t: float) -> None:
    """A roller skate: a laced boot on a plate with four wheels and a toe stop."""
    c.drawPath(poly([(-14, -26), (4, -26), (4, -2), (22, 4), (24, 12), (-14, 12)]), fill(g.c("#f0ece4")))
    for i in range(4):
        y = -20 + i * 5
        c.drawLine(-2, y, 6, y + 2, stroke(g.c("#e0306a"), 1.4))  # the laces
    c.drawRect(skia.Rect(-16, 12, 26, 15), fill(g.c("#8a8e96")))  # the plate
    c.drawCircle(26, 15, 3, fill(g.c("#e0306a")))  # the toe stop
    for x in (-10.0, -1.0, 11.0, 20.0):
        _tyre(c, g, x, 20, 4.5, t)


def _surfboard(c: skia.Canvas, g: Grade, t: float) -> None:
    """A surfboard standing on its tail: a long pointed board with a stripe down it and its fin."""
    c.save()
    c.rotate(14)
    board = skia.Path()
    board.moveTo(0, -34)
    board.cubicTo(12, -20, 11, 20, 6, 32)
    board.lineTo(-6, 32)
    board.cubicTo(-11, 20, -12, -20, 0, -34)
    board.close()
    c.drawPath(board, fill(g.c("#f4e8c8")))
    c.drawPath(poly([(-3, -28), (3, -28), (3, 30), (-3, 30)]), fill(g.c("#2a8ac8")))  # the stripe
    c.drawPath(board, stroke(g.c("#c8803a"), 1.0))
    c.drawPath(poly([(8, 22), (14, 26), (8, 30)]), fill(g.c("#2a2a2e")))  # the fin
    c.restore()


def _racket(c: skia.Canvas, g: Grade, t: float) -> None:
    """A tennis racket: an oval frame strung in a grid, its throat and grip, and a ball."""
    c.save()
    c.rotate(-30)
    head = skia.Rect(-13, -34, 13, 0)
    c.save()
    c.clipPath(skia.Path().addOval(head), doAntiAlias=True)
    strings = stroke(g.c("#e8e4d8"), 0.6)
    for x in range(-12, 13, 3):
        c.drawLine(x, -34, x, 0, strings)
    for y in range(-33, 0, 3):
        c.drawLine(-13, y, 13, y, strings)
    c.restore()
    c.drawOval(head, stroke(g.c("#c82a2a"), 2.6))
    c.drawPath(poly([(-6, -1), (0, 8), (6, -1)], close=False), stroke(g.c("#c82a2a"), 2.2))  # the throat
    c.drawRoundRect(skia.Rect(-2.5, 6, 2.5, 30), 2, 2, fill(g.c("#2a2a2e")))  # the grip
    c.restore()
    c.drawCircle(20, 16, 6, fill(g.c("#d8e83a")))
    c.drawArc(skia.Rect(16, 10, 28, 22), 120, 120, False, stroke(g.c("#ffffff"), 0.9))


def _bat(c: skia.Canvas, g: Grade, t: float, hockey: bool = False) -> None:
    """A cricket bat (a willow blade, its handle bound) with its ball; a hockey stick curves at the foot."""
    if hockey:
        c.drawPath(poly([(-14, -32), (-10, -32), (6, 22), (24, 24), (24, 30), (2, 30)]), fill(g.c("#c89a5a")))
        c.drawRect(skia.Rect(-15, -34, -9, -20), fill(g.c("#1e1e22")))  # the taped top
        c.drawOval(skia.Rect(-26, 24, -14, 30), fill(g.c("#1a1a1e")))  # the puck
        return
    c.save()
    c.rotate(20)
    c.drawRoundRect(skia.Rect(-7, -12, 7, 32), 3, 3, fill(g.c("#e8d0a0")))  # the blade
    c.drawLine(0, -8, 0, 28, stroke(g.c("#c8a870"), 1.6))  # its spine
    c.drawRoundRect(skia.Rect(-2.5, -34, 2.5, -10), 2, 2, fill(g.c("#2a5a9a")))  # the grip
    c.restore()
    c.drawCircle(20, 20, 6, fill(g.c("#a01e22")))  # the ball, its seam
    c.drawLine(16, 16, 24, 24, stroke(g.c("#f0e8d8"), 0.9))


def _net(c: skia.Canvas, g: Grade, t: float) -> None:
    """A fishing net hanging from a pole: a mesh of knots, corks along its top, a fish caught in it."""
    c.drawLine(-30, -26, 30, -26, stroke(g.c("#7a5028"), 3))
    sway = 2 * math.sin(t * 1.5)
    cord = stroke(g.c("#c8b48a"), 0.8)
    for i in range(9):
        x = -24 + i * 6
        c.drawLine(x, -26, x * 0.8 + sway, 26, cord)
    for j in range(9):
        y = -26 + j * 6.5
        k = (y + 26) / 52
        c.drawLine(-24 * (1 - 0.2 * k) + sway * k, y, 24 * (1 - 0.2 * k) + sway * k, y, cord)
    for i in range(5):
        c.drawOval(skia.Rect(-22 + i * 11, -29, -17 + i * 11, -23), fill(g.c("#d8a05a")))  # the corks
    c.drawOval(skia.Rect(-8 + sway, 6, 10 + sway, 14), fill(g.c("#8aa0b0")))  # the fish
    c.drawPath(poly([(10 + sway, 10), (16 + sway, 5), (16 + sway, 15)]), fill(g.c("#8aa0b0")))


def _hook(c: skia.Canvas, g: Grade, t: float) -> None:
    """A grappling hook: three curved iron prongs round a shank, a rope tied to its ring."""
    iron = stroke(g.c("#4a4e56"), 3)
    c.drawLine(0, -18, 0, 16, iron)
    for sgn in (-1, 1):
        prong = skia.Path()
        prong.moveTo(0, 16)
        prong.quadTo(sgn * 20, 18, sgn * 18, -2)
        c.drawPath(prong, iron)
        c.drawPath(poly([(sgn * 18, -6), (sgn * 21, 0), (sgn * 15, 0)]), fill(g.c("#4a4e56")))
    c.drawLine(0, 16, 0, 24, iron)  # the middle prong, seen end on
    c.drawCircle(0, -21, 3.5, stroke(g.c("#4a4e56"), 2))
    rope = skia.Path()  # the rope off its ring, to a coil on the ground
    rope.moveTo(0, -24)
    rope.cubicTo(-10, -34, -28, -20, -24, 8)
    c.drawPath(rope, stroke(g.c("#c8a870"), 2.2))
    for k in range(3):
        c.drawOval(skia.Rect(-34 + k, 10 + k * 3, -12 - k, 22 - k), stroke(g.c("#c8a870"), 2.2))


def _mortar(c: skia.Canvas, g: Grade, t: float) -> None:
    """A spice in a stone mortar with its pestle, a little heap of the spice and a cinnamon stick beside it."""
    c.drawLine(2, -2, 20, -28, stroke(g.c("#8a8680"), 5))  # the pestle
    bowl = skia.Path()
    bowl.moveTo(-22, -2)
    bowl.lineTo(22, -2)
    bowl.quadTo(20, 22, 0, 22)
    bowl.quadTo(-20, 22, -22, -2)
    bowl.close()
    c.drawPath(bowl, fill(g.c("#a8a49c")))
    c.drawOval(skia.Rect(-22, -6, 22, 2), fill(g.c("#d86a1a")))  # the ground spice (saffron, paprika)
    c.drawRect(skia.Rect(-8, 22, 8, 26), fill(g.c("#8a8680")))
    c.drawOval(skia.Rect(-34, 20, -18, 28), fill(g.c("#b8301a")))  # a heap beside it
    c.drawRoundRect(skia.Rect(14, 22, 34, 26), 2, 2, fill(g.c("#8a4a22")))  # a cinnamon stick


def _croissant(c: skia.Canvas, g: Grade, t: float) -> None:
    """A croissant: a crescent of rolled, flaky layers tapering to its two points, golden and glazed."""
    body = skia.Path()
    body.moveTo(-34, 14)
    body.cubicTo(-24, -36, 24, -36, 34, 14)  # the outer curve
    body.cubicTo(20, 2, -20, 2, -34, 14)  # the inner one
    body.close()
    c.drawPath(body, fill(g.c("#d0882e")))
    c.save()
    c.clipPath(body, doAntiAlias=True)
    for i in range(-3, 4):  # the rolled layers, darker in their folds
        x = i * 8.5
        c.drawLine(x * 0.7, 8, x * 1.2, -26, stroke(g.c("#8a4e18"), 1.6))
        c.drawLine(x * 0.7 + 3, 6, x * 1.2 + 3, -24, stroke(g.c("#f0c070", 0.8), 1.4))
    c.restore()
    c.drawPath(body, stroke(g.c("#8a4e18"), 1.0))


def _core(c: skia.Canvas, g: Grade, t: float) -> None:
    """A reactor or power core: a glowing cylinder pulsing inside a steel cage with end caps."""
    pulse = 0.7 + 0.3 * math.sin(t * 4)
    c.drawRoundRect(skia.Rect(-16, -26, 16, 26), 6, 6, fill(g.c("#3ad8ff", 0.25 * pulse, lit=0)))  # its light
    c.drawRoundRect(skia.Rect(-9, -22, 9, 22), 4, 4, fill(g.c("#7ae8ff", 0.6 + 0.4 * pulse, lit=0)))
    c.drawRect(skia.Rect(-3, -20, 3, 20), fill(g.c("#e8fcff", lit=0)))
    for x in (-11.0, -4.0, 4.0, 11.0):
        c.drawLine(x, -24, x, 24, stroke(g.c("#5a5e66"), 1.4))  # the cage
    for y0, y1 in ((-32.0, -22.0), (22.0, 32.0)):
        c.drawRoundRect(skia.Rect(-16, y0, 16, y1), 2, 2, fill(g.c("#6a6e78")))
    c.drawCircle(-10, -27, 1.5, fill(g.c("#ff4040", lit=0)))


def _print(c: skia.Canvas, g: Grade, t: float, foot: bool = False) -> None:
    """A fingerprint lifted on a card (its whorl of ridges), or a shoe's print in the mud."""
    if foot:
        c.drawRoundRect(skia.Rect(-30, -24, 30, 24), 4, 4, fill(g.c("#6a4a30")))  # the mud
        ink = fill(g.c("#3a2616"))
        c.drawOval(skia.Rect(-10, -22, 10, 6), ink)  # the sole
        c.drawOval(skia.Rect(-8, 8, 8, 22), ink)  # the heel
        for y in (-14.0, -6.0, 0.0):
            c.drawLine(-7, y, 7, y, stroke(g.c("#6a4a30"), 1.4))  # the tread
        return
    c.drawRect(skia.Rect(-24, -30, 24, 30), fill(g.c("#f2ecd8")))
    ridge = stroke(g.c("#2a2a4a", 0.85), 1.1)
    for i in range(7):
        r = 3 + i * 2.6
        c.drawArc(skia.Rect(-r * 0.8, -4 - r, r * 0.8, -4 + r), 200 + i * 9, 300 - i * 12, False, ridge)
    c.drawLine(-14, 22, 14, 22, stroke(g.c("#3a3a5a", 0.8), 0.8))  # the card's label


def _xylophone(c: skia.Canvas, g: Grade, t: float) -> None:
    """A xylophone: bars of many colours getting shorter along its frame, two beaters."""
    c.drawPath(poly([(-30, -14), (30, -6), (30, 6), (-30, 14)], close=False), stroke(g.c("#5a3a22"), 2))
    cols = ("#d83a2a", "#e8862a", "#e8c83a", "#4aa83a", "#2a8ac8", "#5a4ab8", "#a83a98")
    for i, col in enumerate(cols):
        x = -26 + i * 8.2
        h = 18 - i * 1.6
        c.drawRoundRect(skia.Rect(x, -h, x + 6.5, h), 1.5, 1.5, fill(g.c(col)))
    hit = 3 * max(0.0, math.sin(t * 6))
    for x0, y0, x1 in ((-20.0, 30.0, -6.0), (18.0, 32.0, 8.0)):
        c.drawLine(x0, y0, x1, 4 - hit, stroke(g.c("#c8a070"), 1.4))
        c.drawCircle(x1, 4 - hit, 3, fill(g.c("#e8e0d0")))


def _gong(c: skia.Canvas, g: Grade, t: float) -> None:
    """A gong: a bronze disc with its boss hanging in a wooden frame, a mallet beside it."""
    wood = fill(g.c("#6a2a18"))
    c.drawRect(skia.Rect(-30, -32, -26, 32), wood)
    c.drawRect(skia.Rect(26, -32, 30, 32), wood)
    c.drawRect(skia.Rect(-32, -32, 32, -27), wood)
    swing = 1.5 * math.sin(t * 5)
    c.drawLine(-8, -27, -6 + swing, -17, stroke(g.c("#2a1a12"), 1))
    c.drawLine(8, -27, 6 + swing, -17, stroke(g.c("#2a1a12"), 1))
    c.drawCircle(swing, 2, 20, fill(g.c("#c8903a")))
    for r in (15.0, 10.0):
        c.drawCircle(swing, 2, r, stroke(g.c("#8a5a1e"), 1.0))
    c.drawCircle(swing, 2, 5, fill(g.c("#e0b060")))  # the boss
    c.drawLine(14, 30, 30, 20, stroke(g.c("#7a5028"), 2))
    c.drawCircle(14, 30, 3.5, fill(g.c("#c83a2a")))  # the mallet's head


def _pod(c: skia.Canvas, g: Grade, t: float) -> None:
    """An escape pod: a rounded capsule with a porthole, its hatch and thrusters firing."""
    c.drawPath(poly([(-6, 22), (6, 22), (10, 32), (-10, 32)]), fill(g.c("#ff9a3a", 0.7 + 0.3 * math.sin(t * 9), lit=0)))
    c.drawRoundRect(skia.Rect(-20, -30, 20, 22), 18, 18, fill(g.c("#d8dce4")))
    c.drawCircle(0, -10, 9, fill(g.c("#2a3a5a")))  # the porthole
    c.drawCircle(0, -10, 9, stroke(g.c("#6a6e78"), 2))
    c.drawCircle(-3, -13, 2.5, fill(g.c("#ffffff", 0.5, lit=0)))
    c.drawRoundRect(skia.Rect(-9, 4, 9, 18), 3, 3, stroke(g.c("#8a8e96"), 1.2))  # the hatch
    c.drawRect(skia.Rect(-20, -2, 20, 1), fill(g.c("#d8602a")))  # a warning stripe


def _fan(c: skia.Canvas, g: Grade, t: float) -> None:
    """A painted folding fan spread open: ribs from its pivot, a paper arc with flowers on it."""
    spread = 140 + 8 * math.sin(t * 2)
    start = -90 - spread / 2
    c.drawArc(skia.Rect(-32, -26, 32, 38), start, spread, True, fill(g.c("#f0e0d0")))
    c.drawArc(skia.Rect(-12, -6, 12, 18), start, spread, True, fill(g.c("#5a2a1a")))
    for i in range(9):
        a = math.radians(start + spread * i / 8)
        c.drawLine(0, 6, 32 * math.cos(a), 6 + 32 * math.sin(a), stroke(g.c("#8a5a3a", 0.8), 0.8))
    for a_deg, col in ((-130.0, "#d83a5a"), (-90.0, "#e86a8a"), (-55.0, "#d83a5a")):
        a = math.radians(a_deg)
        c.drawCircle(24 * math.cos(a), 6 + 24 * math.sin(a), 3.5, fill(g.c(col)))  # the painted blossoms
    c.drawCircle(0, 6, 2, fill(g.c("#c8a040")))


#: Words that name each drawable prop; the longest match in a phrase wins.
PROPS: dict[str, tuple[Draw, tuple[str, ...]]] = {
    "key": (_key, ("key", "keys", "keycard", "key card", "lock", "padlock")),
    "letter": (_letter, ("letter", "note", "page", "will", "confession", "contract", "deed", "document", "recipe",
                         "manuscript", "list", "telegram", "memo", "file", "dossier", "adoption papers", "affidavit", "agreement", "certificate", "birth certificate", "marriage certificate", "papers", "estate papers", "lease", "mortgage", "petition", "warrant", "witness statement", "testimony", "testament", "poster", "wanted poster", "newspaper clipping", "clipping", "headline", "sheet music", "message", "last message", "clue", "evidence", "proof", "exhibit a", "formula", "cipher", "password", "riddle", "oath", "pact", "new law", "election result", "expose", "exposé", "papyrus", "ballot", "vote", "audit", "title", "speech", "wedding speech")),
    "envelope": (_envelope, ("envelope", "invitation", "postcard", "parcel", "package", "wax seal", "royal seal", "seal", "town seal")),
    "book": (_book, ("book", "diary", "journal", "notebook", "spellbook", "bible", "album", "logbook", "codebook", "cookbook", "codex", "grimoire", "necronomicon", "novel", "first edition", "sketchbook", "captain's log", "storybook")),
    "ledger": (_ledger, ("ledger", "accounts", "account book", "register", "visitors' book", "guest book", "cashbook")),
    "crown": (_crown, ("crown", "circlet", "diadem", "coronet")),
    "tiara": (lambda c, g, t: _crown(c, g, t, tiara=True), ("tiara",)),
    "gavel": (_gavel, ("gavel",)),
    "periscope": (_periscope, ("periscope",)),
    "stove": (_stove, ("stove", "oven", "range", "furnace", "hearth", "fireplace")),
    "pot": (_pot, ("pot", "chili", "pan", "cauldron", "soup", "stew", "dish", "souffle", "soufflé", "sauce", "broth", "gumbo",
                 "curry", "stockpot", "saucepan", "wok")),
    "ring": (_ring, ("ring", "engagement ring", "wedding ring", "signet")),
    "map": (_map, ("map", "schematic", "chart", "plan", "blueprint", "blueprints")),
    "sword": (_blade, ("sword", "blade", "sabre", "saber", "cutlass", "rapier", "broadsword", "katana", "excalibur")),
    "knife": (lambda c, g, t: _blade(c, g, t, long=False), ("knife", "dagger", "scalpel", "cleaver", "dirk", "stiletto")),
    "lantern": (_lantern, ("lantern", "lamp", "torch", "lens", "flashlight", "light bulb", "lightbulb", "night light", "nightlight")),
    "bottle": (_bottle, ("bottle", "rum", "canteen", "water bottle", "glass of wine", "glasses of wine",
                         "glass of water", "wine glasses", "champagne glasses", "glasses of champagne", "glass", "drink", "whisky", "whiskey", "wine", "champagne", "flask")),
    "potion": (_potion, ("potion", "vial", "elixir", "poison", "antidote", "serum", "cure", "medicine", "vaccine", "pill", "pills", "remedy", "philtre", "sleeping draught", "moonshine")),
    "screen": (_screen, ("screen", "data", "signal", "readout", "gauge", "device", "chip", "drive", "tablet",
                         "computer", "override", "code", "codes", "terminal", "transmitter", "two-way radio", "beacon",
                         "memory card", "sd card", "tape recorder", "flight recorder", "laptop", "pc", "mainframe", "microchip", "processor", "motherboard", "circuit board", "usb stick", "floppy disk", "disk", "holodisc", "hologram message", "video message", "gps", "radar", "sonar", "controls", "power cell", "fuel cell", "battery", "walkie-talkie", "cctv", "joystick", "implant", "neural implant")),
    "phone": (_phone, ("phone", "voicemail", "cellphone", "smartphone", "mobile")),
    "chest": (_chest, ("chest", "box", "casket", "trunk", "crate", "safe", "strongbox", "treasure", "loot", "lockbox", "coffer", "supplies", "provisions", "rations", "ration", "cargo", "shipment", "consignment", "time capsule", "food supply", "delivery", "hatbox", "supply", "reserve")),
    "gem": (_gem, ("gem", "jewel", "diamond", "ruby", "emerald", "sapphire", "crystal", "stone", "pearl", "orb",
                 "crystal ball", "gemstone", "amethyst", "opal", "topaz", "moonstone", "sunstone", "lodestone", "runestone", "geode", "moon rock", "space rock", "meteorite", "meteor", "snow globe", "marble", "shard")),
    "necklace": (_necklace, ("necklace", "pendant", "locket", "amulet", "talisman", "brooch",
                             "heirloom", "family heirloom", "keepsake", "memento", "trinket", "lucky charm",
                             "good luck charm", "magic charm", "charm", "choker", "earring", "cufflink", "tie pin", "hairpin", "cameo", "rabbit's foot", "wishbone")),
    "photo": (_photo, ("photo", "fresco", "mona lisa", "photograph", "picture", "portrait", "painting", "film", "microfilm", "snapshot")),
    "coins": (_coins, ("coin", "coins", "gold", "money", "cash", "fortune", "payroll", "ransom", "reward", "doubloon",
                     "poker chip", "poker chips", "bribe", "payoff", "kickback", "riches", "bounty", "banknote", "bullion", "ingot", "nugget", "lucky penny", "penny", "million dollars", "hoard", "plunder", "booty", "inheritance")),
    "egg": (_egg, ("egg", "eggs")),
    "clock": (_clock, ("watch", "clock", "pocket watch", "stopwatch", "timer", "hourglass", "wristwatch", "sundial")),
    "cup": (_cup, ("cup", "teacup", "tea cup", "china cup", "mug", "chalice", "goblet", "grail", "tea", "coffee")),
    "flower": (_flower, ("flower", "rose", "lily", "bouquet", "seed", "seeds", "plant", "orchid", "sunflower", "tulip", "lotus", "bloom", "houseplant", "bonsai", "cactus", "sapling", "seedling", "venus flytrap", "mandrake", "wreath")),
    "candle": (_candle, ("candle", "candlestick", "flame", "candelabra")),
    "scroll": (_scroll, ("scroll", "parchment", "treaty", "prophecy", "decree", "charter")),
    "telescope": (_telescope, ("telescope", "spyglass", "binoculars", "field glasses")),
    "gun": (_gun, ("gun", "revolver", "pistol", "rifle", "weapon")),
    "violin": (_violin, ("violin", "fiddle", "guitar", "instrument", "cello", "lute", "banjo", "ukulele", "mandolin", "sitar", "double bass", "viola", "stradivarius")),
    "badge": (_badge, ("badge", "star", "medal", "sheriff's star", "medallion", "rosette", "blue ribbon", "ribbon")),
    "feather": (_feather, ("feather", "quill", "pen", "pencil", "magic pencil")),
    "apple": (_apple, ("apple", "fruit", "pear", "orange", "peach", "giant peach", "lemon")),
    "hat": (_hat, ("hat", "cap", "bonnet", "beret", "bobble hat", "woolly hat")),
    "toy": (_toy, ("teddy", "bear", "toy", "doll", "plush", "puppet", "spinning top", "yo-yo", "rocking horse", "model train", "blankie",
                   # (a made thing to play with: "a mechanical bird for his granddaughter" is no sheet of paper)
                   "mechanical bird", "clockwork bird", "clockwork toy", "wind-up toy", "automaton", "mechanical toy")),
    "mask": (_mask, ("mask", "disguise", "masquerade")),
    "bell": (_bell, ("bell", "handbell", "chime")),
    "wand": (_wand, ("fishing pole", "fishing rod", "staff", "sceptre", "scepter", "rod", "magic staff", "wizard's staff")),
    "ticket": (_ticket, ("ticket", "pass", "boarding pass", "passport", "permit", "voucher", "id card", "access card",
                       "security card", "credit card", "visa", "exit visa", "travel papers")),
    "shell": (_shell, ("shell", "seashell", "conch")),
    "umbrella": (_umbrella, ("umbrella", "parasol")),
    "spectacles": (_spectacles, ("spectacles", "glasses", "pair of glasses", "eyeglasses", "reading glasses", "pince-nez", "monocle",
                                 "sunglasses", "specs")),
    "case": (_case, ("briefcase", "suitcase", "attache case", "attaché case", "valise", "luggage", "satchel",
                     "handbag", "holdall", "bag", "duffel bag", "doctor's bag", "backpack", "rucksack", "knapsack", "purse", "pouch", "diplomatic pouch")),
    "loaf": (_loaf, ("bread", "loaf", "loaves", "baguette", "bun", "buns")),
    "blanket": (_blanket, ("blanket", "quilt", "shawl", "scarf", "cloak", "flag", "banner", "cloth", "tapestry", "gown",
                           "ball gown", "dress", "wedding dress", "cape", "veil", "rug", "carpet", "flying carpet", "magic carpet", "pennant", "standard")),
    "trophy": (_trophy, ("trophy", "golden trophy", "silver trophy", "prize", "award", "championship cup",
                         "loving cup")),
    "top hat": (_top_hat, ("top hat", "topper", "silk hat", "stovepipe hat", "magic hat", "magician's hat")),
    "pointed hat": (_pointed_hat, ("witch's hat", "wizard's hat", "pointed hat", "witch hat")),
    "bowler": (_bowler, ("bowler", "bowler hat", "derby hat")),
    "helmet": (_helmet, ("helmet", "helm", "armour", "armor", "suit of armour", "suit of armor", "breastplate",
                         "crash helmet", "motorcycle helmet")),
    "space helmet": (_space_helmet, ("space helmet", "spacesuit", "space suit", "pressure suit")),
    "diving helmet": (_diving_helmet, ("diving helmet", "diving suit", "diver's helmet")),
    "cards": (_cards, ("card", "cards", "playing card", "playing cards", "deck of cards", "ace of spades",
                       "tarot", "tarot card", "tarot cards", "card trick", "card tricks", "poker")),
    "dice": (_dice, ("dice", "loaded dice")),
    "magic wand": (_magic_wand, ("wand", "magic wand", "conjuror's wand")),
    "chess": (_chess, ("chess", "chessboard", "chess board", "chess set", "chess game", "game of chess",
                       "chess piece")),
    "ball": (_ball, ("ball", "football", "soccer ball", "basketball", "baseball", "rugby ball")),
    "microphone": (_microphone, ("microphone", "mic")),
    "drum": (_drum, ("drum", "drums", "snare drum", "drum kit", "bongo", "tambourine")),
    "trumpet": (_trumpet, ("trumpet", "horn", "bugle", "french horn", "hunting horn", "cornet", "trombone", "tuba", "sax",
                           "saxophone")),
    "flute": (_flute, ("flute", "recorder", "magic flute", "tin whistle", "panpipes", "pan pipes", "clarinet")),
    "shield": (_shield, ("shield", "buckler", "coat of arms")),
    "cake": (_cake, ("cake", "birthday cake", "wedding cake", "layer cake", "gateau", "cupcake", "showstopper")),
    "pie": (_pie, ("pie", "apple pie", "tart", "pastry")),
    "cookie": (_cookie, ("cookie", "cookies", "biscuit", "fortune cookie", "gingerbread", "macaron")),
    "pumpkin": (_pumpkin, ("pumpkin", "giant pumpkin", "prize pumpkin", "marrow", "prize marrow")),
    "magnifier": (_magnifier, ("magnifying glass", "magnifier", "loupe")),
    "mirror": (_mirror, ("mirror", "hand mirror", "magic mirror", "looking glass")),
    "compass": (_compass, ("compass", "magic compass", "sextant", "astrolabe")),
    "camera": (_camera, ("camera", "film camera", "polaroid", "polaroid camera", "camcorder", "movie camera",
                         "video camera", "security camera")),
    "vase": (_vase, ("vase", "ashes", "urn", "ming vase", "amphora", "urn of ashes", "porcelain")),
    "statue": (_statue, ("statue", "statuette", "idol", "golden idol", "jade idol", "figurine", "bust", "sculpture",
                         "totem", "oscar", "marble statue", "relic", "holy relic", "reliquary",
                         "artifact", "artefact", "ancient artifact", "lost artifact", "scarab")),
    "skull": (_skull, ("skull", "crystal skull")),
    "teapot": (_teapot, ("teapot", "kettle", "samovar", "coffee pot", "tea set")),
    "rope": (_rope, ("rope", "lasso", "noose")),
    "bomb": (_bomb, ("bomb", "explosive", "detonator", "landmine")),
    "dynamite": (_dynamite, ("dynamite", "tnt")),
    "broom": (_broom, ("broom", "broomstick", "flying broom")),
    "anchor": (_anchor, ("anchor", "ship's anchor")),
    "bracelet": (_bracelet, ("bracelet", "bangle", "charm bracelet", "anklet")),
    "telephone": (_telephone, ("telephone", "rotary phone", "red telephone", "payphone", "pay phone")),
    "typewriter": (_typewriter, ("typewriter", "enigma machine", "cipher machine")),
    "present": (_present, ("present", "gift", "birthday present", "christmas present", "wrapped present")),
    "handcuffs": (_handcuffs, ("handcuffs", "handcuff", "cuffs", "manacles", "shackles", "shackle", "chain", "chains")),
    "horseshoe": (_horseshoe, ("horseshoe", "lucky horseshoe")),
    "harp": (_harp, ("harp", "golden harp", "lyre")),
    "balloon": (_balloon, ("balloon", "balloons")),
    "kite": (_kite, ("kite",)),
    "palette": (_palette, ("palette", "paintbrush", "paints", "brush", "easel", "canvas", "masterpiece", "old master")),
    "medkit": (_medkit, ("medical kit", "medkit", "first-aid kit", "first aid kit", "medical supplies")),
    "wheel": (_wheel, ("ship's wheel", "wheel", "steering wheel", "helm wheel")),
    "cheese": (_cheese, ("cheese", "cheeses", "wheel of cheese", "cheese wheel", "double gloucester")),
    "bone": (_bone, ("bone", "dinosaur bone", "fossil", "dinosaur skeleton")),
    "car": (_car, ("car", "getaway car", "race car", "racing car", "sports car", "vintage car", "motor car",
                   "automobile", "taxi", "limousine", "jeep", "convertible", "police car", "squad car")),
    "truck": (_truck, ("truck", "lorry", "van", "pickup truck", "delivery van", "fire engine", "tanker")),
    "bus": (_bus, ("bus", "school bus", "omnibus", "minibus", "tram", "streetcar", "trolleybus")),
    "tractor": (_tractor, ("tractor", "combine harvester")),
    "bicycle": (_bicycle, ("bicycle", "bike", "tricycle", "cycle", "penny-farthing", "velocipede", "push bike")),
    "motorbike": (lambda c, g, t: _bicycle(c, g, t, motor=True), ("motorbike", "motorcycle", "scooter", "moped",
                                                                  "motor scooter", "dirt bike")),
    "boat": (_boat, ("boat", "rowing boat", "rowboat", "lifeboat", "dinghy", "canoe", "kayak", "raft", "punt",
                     "gondola", "skiff", "fishing boat")),
    "ship": (lambda c, g, t: _boat(c, g, t, sail=True), ("ship", "sailing ship", "model ship", "ship in a bottle",
                                                         "galleon", "yacht", "sailboat", "schooner", "pirate ship",
                                                         "clipper", "longship", "ark")),
    "cart": (_wagon, ("cart", "wagon", "handcart", "hay cart", "chariot", "waggon")),
    "covered wagon": (lambda c, g, t: _wagon(c, g, t, kind="covered"), ("covered wagon", "prairie schooner",
                                                                        "caravan")),
    "carriage": (lambda c, g, t: _wagon(c, g, t, kind="coach"), ("carriage", "stagecoach", "stage coach",
                                                                "hansom cab", "horse-drawn carriage", "cab")),
    "train": (_train, ("train", "locomotive", "steam train", "steam engine", "steam locomotive", "railway engine")),
    "plane": (_plane, ("aeroplane", "airplane", "plane", "biplane", "aircraft", "seaplane", "flying machine")),
    "sled": (_sled, ("sled", "sledge", "sleigh", "toboggan")),
    "machine": (_machine, ("machine", "engine", "motor", "time machine", "weather machine", "invention",
                           "prototype", "contraption", "purifier", "water purifier", "gadget", "cog", "gears", "clockwork", "mechanism",
                           "clock mechanism", "generator", "dynamo", "spare part", "robot part", "servo")),
    "radio": (_radio, ("radio", "wireless", "wireless set", "radio set", "transistor radio", "crystal set")),
    "sewing machine": (_sewing_machine, ("sewing machine",)),
    "tape": (_tape, ("tape", "reel-to-reel", "recording", "cassette", "cassette tape", "mixtape", "answering machine tape", "vhs", "video tape",
                     "videotape", "videocassette", "tape recording", "audio tape")),
    "coat": (_coat, ("coat", "costume", "overcoat", "greatcoat", "trench coat", "raincoat", "red coat", "frock coat",
                     "tailcoat", "jacket", "blazer", "dinner jacket", "tuxedo", "uniform", "suit", "wedding suit",
                     "waistcoat", "cardigan")),
    "boot": (_boot, ("boot", "boots", "riding boots", "cowboy boots", "seven-league boots", "wellington",
                     "wellingtons", "galoshes")),
    "shoe": (lambda c, g, t: _boot(c, g, t, high=False), ("shoe", "shoes", "red shoes", "dancing shoes",
                                                          "ballet shoes", "slipper", "glass slipper", "clog",
                                                          "sneaker", "sneakers")),
    "glove": (_glove, ("glove", "gloves", "gauntlet", "mitten", "mittens", "boxing glove")),
    "piano": (_piano, ("piano", "grand piano", "baby grand", "upright piano", "pianoforte", "harpsichord",
                       "organ", "pipe organ", "church organ", "keyboard", "spinet")),
    # not bare "record" or "single": the medical records, a world record, the single are no discs
    "record": (_record, ("song", "melody", "tune", "demo", "vinyl", "hit record", "vinyl record",
                         "gramophone record", "lp", "love song", "lullaby", "anthem", "ballad")),
    "throne": (_throne, ("throne", "iron throne", "golden throne", "royal throne")),
    "tank": (_tank, ("oxygen tank", "air tank", "oxygen", "oxygen cylinder", "gas cylinder", "scuba tank",
                     "scuba gear", "rebreather", "air recycler", "carbon scrubber", "scrubber", "air filter")),
    "tree": (_tree, ("tree", "oak", "oak tree", "apple tree", "elder tree", "family tree", "beanstalk",
                     "christmas tree", "willow", "sacred tree")),
    "skis": (_skis, ("ski", "skis", "snowboard", "ski poles")),
    "coffin": (_coffin, ("coffin", "sarcophagus")),
    "gravestone": (_gravestone, ("gravestone", "headstone", "tombstone", "grave")),
    "door": (_door, ("door", "doorway", "magic door", "secret door", "wardrobe door", "trapdoor", "gate",
                     "gateway", "vault door", "secret passage")),
    "portal": (_portal, ("portal", "stargate", "wormhole", "rift", "time portal", "magic portal")),
    "bow": (_bow, ("bow and arrow", "arrow", "arrows", "golden arrow", "crossbow", "longbow", "quiver",
                   "slingshot")),
    "ladder": (_ladder, ("ladder", "rope ladder", "stepladder")),
    "jar": (_jar, ("jar", "jam jar", "glass jar", "jar of honey", "honey jar", "cookie jar", "preserves")),
    "fireflies": (lambda c, g, t: _jar(c, g, t, inside="fireflies"), ("jar of fireflies", "firefly jar",
                                                                      "fireflies", "firefly")),
    "starter": (lambda c, g, t: _jar(c, g, t, inside="starter"), ("sourdough starter", "sourdough", "starter culture",
                                                                 "yeast", "dough")),
    "well": (_well, ("well", "wishing well", "well water", "village well", "valley well", "wish", "three wishes",
                     "fresh water", "clean water", "spring water")),  # not bare water: water pipes are no well
    "fire": (_fire, ("fire", "campfire", "bonfire", "spark", "embers", "tinderbox")),
    "saddle": (_saddle, ("saddle", "bridle", "spur", "spurs", "saddlebag", "saddlebags")),
    "rolling pin": (_rolling_pin, ("rolling pin",)),
    "ladle": (_ladle, ("ladle", "wooden spoon", "spoon", "whisk", "spatula", "scoop")),
    "chocolate": (_chocolate, ("chocolate", "chocolate bar", "bar of chocolate", "toffee", "fudge", "candy bar")),
    "lollipop": (_lollipop, ("lollipop", "candy", "sweets", "sweet", "gobstopper", "bonbon", "candy cane",
                             "sweetie", "humbug")),
    "globe": (_globe, ("globe", "world globe", "terrestrial globe")),
    "accordion": (_accordion, ("accordion", "concertina", "squeezebox")),
    "bagpipes": (_bagpipes, ("bagpipes", "bagpipe")),
    "megaphone": (_megaphone, ("megaphone", "loudspeaker", "loudhailer", "bullhorn")),
    "pillow": (_pillow, ("pillow", "cushion")),
    "skateboard": (_skateboard, ("skateboard",)),
    "roller skate": (_roller_skate, ("roller skate", "roller skates", "rollerskates")),
    "surfboard": (_surfboard, ("surfboard", "bodyboard")),
    "racket": (_racket, ("tennis racket", "racquet", "badminton racket", "squash racket")),
    "cricket bat": (_bat, ("cricket bat", "baseball bat")),
    "hockey stick": (lambda c, g, t: _bat(c, g, t, hockey=True), ("hockey stick", "ice hockey stick")),
    "net": (_net, ("net", "fishing net", "butterfly net", "trawl net")),
    "hook": (_hook, ("hook", "grappling hook", "fish hook", "lure", "lucky lure")),
    "spice": (_mortar, ("spice", "rare spice", "spices", "saffron", "cinnamon", "nutmeg", "pepper", "salt",
                        "vanilla", "secret ingredient", "mortar and pestle", "herbs", "paprika")),
    "croissant": (_croissant, ("croissant", "croissants", "pain au chocolat")),
    "core": (_core, ("reactor", "power core", "fusion core", "reactor core", "antimatter", "hyperdrive",
                     "warp core", "energy core", "fuel rod")),
    "fingerprint": (_print, ("fingerprint", "fingerprints", "thumbprint")),
    "footprint": (lambda c, g, t: _print(c, g, t, foot=True), ("footprint", "footprints", "boot print",
                                                              "bootprint")),
    "xylophone": (_xylophone, ("xylophone", "glockenspiel", "marimba")),
    "gong": (_gong, ("gong",)),
    "pod": (_pod, ("escape pod", "lifepod", "life pod", "space capsule", "drop pod")),
    "fan": (_fan, ("painted fan", "folding fan", "hand fan", "paper fan", "silk fan")),
}


@lru_cache(maxsize=4)
def _index(with_icons: frozenset[str]) -> list[tuple[str, str, re.Pattern[str]]]:
    """(word, prop, its pattern) longest word first; an installed icon's words win over the same
    words here. A word matches whole, plural too ("the letters" is a letter), not as the start of a
    hyphened word (a prize-winning pig is no prize)."""
    words = {w: name for name, (_, ws) in PROPS.items() for w in ws}
    words.update({w: name for name in with_icons for w in icons.ICON_PROPS[name][3]})
    out = []
    for word, name in sorted(words.items(), key=lambda x: -len(x[0])):
        plural = "es" if word.endswith(("x", "ch", "sh")) else "s" if not word.endswith("s") else ""
        out.append((word, name, re.compile(rf"\b{re.escape(word)}(?:{plural})?\b(?!-)")))
    return out


#: The year each drawing's thing was first made, and the older thing that stands for it before
#: then (None: nothing; the caller draws what it draws for a thing it has no drawing of): a phone in
#: 1920 is the telephone, in 1500 a letter; a car before 1890 is a cart, a gun before 1500 a bow.
SINCE: dict[str, tuple[int, str | None]] = {
    "phone": (1985, "telephone"), "telephone": (1880, "letter"), "screen": (1950, "scroll"),
    "car": (1890, "cart"), "truck": (1905, "cart"), "bus": (1825, "cart"), "tractor": (1900, "cart"),
    "train": (1825, "cart"), "bicycle": (1817, "cart"), "plane": (1903, "balloon"), "balloon": (1783, None),
    "typewriter": (1870, "feather"), "camera": (1840, "palette"), "radio": (1920, None), "tape": (1935, "record"),
    "record": (1890, "harp"), "microphone": (1900, "megaphone"), "megaphone": (1880, "trumpet"),
    "gun": (1450, "bow"), "dynamite": (1867, "bomb"), "bomb": (1300, None), "bowler": (1850, "hat"),
    "skateboard": (1960, None), "medkit": (1900, "jar"), "tank": (1900, None), "racket": (1870, None),
    "spectacles": (1290, None), "telescope": (1610, None), "magnifier": (1250, None), "cards": (1370, None),
    "globe": (1490, "map"), "case": (1850, "chest"), "accordion": (1830, None), "chocolate": (1850, None),
    "croissant": (1840, "loaf"), "fingerprint": (1890, None),
}


def of_its_time(name: str | None, year: int | None) -> str | None:
    """The drawing that stands for ``name`` in the world's ``year`` (None: the present, where
    everything is): itself once it was made (SINCE), else its older stand-in, as far back as
    needed, or None where nothing stood for it."""
    while name is not None and year is not None and name in SINCE and year < SINCE[name][0]:
        name = SINCE[name][1]
    return name


def find(text: str, year: int | None = None) -> str | None:
    """The prop a phrase names ("the late king's silver tiara" -> "tiara"), or None. The head
    noun (the last word before 'of'/'for'...) is preferred over words in its modifiers. Props
    of the icon library (``icons``) are found only when it is installed. In a world of the past
    (``year``) it is the thing of its time that stands for it (of_its_time: a smartphone in 1920
    is the telephone), or None where nothing did."""
    return of_its_time(_find(text.lower(), frozenset(icons.available())), year)


@lru_cache(maxsize=512)
def _find(low: str, with_icons: frozenset[str]) -> str | None:
    # (cached: an insert shot asks for its prop's drawing every frame)
    head = re.split(r"\b(?:of|for|from|to|in|on|with|that|which)\b", low)[0]
    index = _index(with_icons)
    for word, name, pattern in index:  # a name with 'of' in it ("a wheel of cheese", "a suit of armour") is whole
        if " of " in word and pattern.search(low):
            return name
    for scope in (head.strip(), low):
        found: tuple[bool, int, str] | None = None
        for word, name, pattern in index:
            m = pattern.search(scope)
            # the head noun (the phrase's last word) names the thing: a treasure map is a map,
            # a ransom note a note; then the longest words ("crystal ball" over "ball")
            if m and (found is None or (m.end() == len(scope), len(word)) > found[:2]):
                found = (m.end() == len(scope), len(word), name)
        if found is not None:
            return found[2]
    return None


def draw(c: skia.Canvas, g: Grade, name: str | None, t: float = 0.0) -> None:
    """Draw the prop ``name`` (a key of PROPS, or of ``icons.ICON_PROPS`` when installed)
    centred on the canvas origin; unknown: a letter."""
    if name is not None and icons.draw(c, g, name):  # installed, an icon is drawn first
        return
    (PROPS[name][0] if name in PROPS else _letter)(c, g, t)
