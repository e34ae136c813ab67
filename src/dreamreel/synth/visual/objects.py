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
    c.drawPath(poly([(-6, -18), (6, -18), (10, 4), (18, 12), (-18, 12), (-10, 4)]), fill(g.c("#d8a83a")))
    c.drawCircle(0, 15, 3.5, fill(g.c("#8a6a2a")))
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


#: Words that name each drawable prop; the longest match in a phrase wins.
PROPS: dict[str, tuple[Draw, tuple[str, ...]]] = {
    "key": (_key, ("key", "keys", "keycard", "lock")),
    "letter": (_letter, ("letter", "note", "page", "will", "confession", "contract", "deed", "document", "recipe",
                         "manuscript", "list", "telegram", "memo", "file", "dossier")),
    "envelope": (_envelope, ("envelope", "invitation", "postcard", "parcel", "package")),
    "book": (_book, ("book", "diary", "journal", "notebook", "spellbook", "bible", "album", "logbook", "codebook")),
    "ledger": (_ledger, ("ledger", "accounts", "account book", "register", "visitors' book", "guest book")),
    "crown": (_crown, ("crown", "circlet", "diadem", "coronet")),
    "tiara": (lambda c, g, t: _crown(c, g, t, tiara=True), ("tiara",)),
    "gavel": (_gavel, ("gavel",)),
    "periscope": (_periscope, ("periscope",)),
    "stove": (_stove, ("stove", "oven", "range", "furnace", "hearth", "fireplace")),
    "pot": (_pot, ("pot", "pan", "cauldron", "soup", "stew", "dish", "souffle", "soufflé", "sauce", "cake")),
    "ring": (_ring, ("ring", "engagement ring", "wedding ring", "signet")),
    "map": (_map, ("map", "chart", "plan", "blueprint", "blueprints")),
    "sword": (_blade, ("sword", "blade", "sabre", "saber", "cutlass", "rapier")),
    "knife": (lambda c, g, t: _blade(c, g, t, long=False), ("knife", "dagger", "scalpel", "cleaver")),
    "lantern": (_lantern, ("lantern", "lamp", "torch", "lens")),
    "bottle": (_bottle, ("bottle", "glass", "drink", "whisky", "whiskey", "wine", "champagne", "flask")),
    "potion": (_potion, ("potion", "vial", "elixir", "poison", "antidote", "serum", "cure", "medicine")),
    "screen": (_screen, ("screen", "data", "signal", "readout", "gauge", "device", "chip", "drive", "tablet",
                         "computer", "override", "code", "codes", "terminal", "transmitter", "radio", "beacon")),
    "phone": (_phone, ("phone", "cellphone", "smartphone", "mobile")),
    "chest": (_chest, ("chest", "box", "casket", "trunk", "crate", "safe", "strongbox", "treasure", "loot")),
    "gem": (_gem, ("gem", "jewel", "diamond", "ruby", "emerald", "sapphire", "crystal", "stone", "pearl", "orb")),
    "necklace": (_necklace, ("necklace", "pendant", "locket", "amulet", "talisman", "brooch")),
    "photo": (_photo, ("photo", "photograph", "picture", "portrait", "painting", "film")),
    "coins": (_coins, ("coin", "coins", "gold", "money", "cash", "fortune", "payroll", "ransom", "reward")),
    "egg": (_egg, ("egg", "eggs")),
    "clock": (_clock, ("watch", "clock", "pocket watch", "stopwatch", "timer", "hourglass")),
    "cup": (_cup, ("cup", "teacup", "mug", "chalice", "goblet", "grail", "trophy", "tea", "coffee")),
    "flower": (_flower, ("flower", "rose", "lily", "bouquet", "seed", "seeds", "plant", "orchid")),
    "candle": (_candle, ("candle", "candlestick", "flame")),
    "scroll": (_scroll, ("scroll", "parchment", "treaty", "prophecy", "decree", "charter")),
    "telescope": (_telescope, ("telescope", "spyglass", "binoculars")),
    "gun": (_gun, ("gun", "revolver", "pistol", "rifle", "weapon")),
    "violin": (_violin, ("violin", "fiddle", "guitar", "instrument", "cello", "lute")),
    "badge": (_badge, ("badge", "star", "medal", "sheriff's star")),
    "feather": (_feather, ("feather", "quill", "pen")),
    "apple": (_apple, ("apple", "fruit", "pear", "orange")),
    "hat": (_hat, ("hat", "cap", "bonnet", "beret", "helmet")),
    "toy": (_toy, ("teddy", "bear", "toy", "doll", "plush", "puppet")),
    "mask": (_mask, ("mask", "disguise", "masquerade")),
    "bell": (_bell, ("bell", "chime")),
    "wand": (_wand, ("wand", "staff", "sceptre", "scepter", "rod")),
    "ticket": (_ticket, ("ticket", "pass", "boarding pass", "passport", "permit", "voucher")),
    "shell": (_shell, ("shell", "seashell", "conch")),
    "umbrella": (_umbrella, ("umbrella", "parasol")),
    "spectacles": (_spectacles, ("spectacles", "eyeglasses", "reading glasses", "pince-nez", "monocle",
                                 "sunglasses", "specs")),
    "case": (_case, ("briefcase", "suitcase", "attache case", "attaché case", "valise", "luggage", "satchel",
                     "handbag", "holdall")),
    "loaf": (_loaf, ("bread", "loaf", "loaves", "baguette", "bun", "buns")),
    "blanket": (_blanket, ("blanket", "quilt", "shawl", "scarf", "cloak", "flag", "banner", "cloth", "tapestry")),
}


@lru_cache(maxsize=4)
def _index(with_icons: frozenset[str]) -> list[tuple[str, str]]:
    """(word, prop) longest word first; an installed icon's words win over the same words here."""
    words = {w: name for name, (_, ws) in PROPS.items() for w in ws}
    words.update({w: name for name in with_icons for w in icons.ICON_PROPS[name][3]})
    return sorted(words.items(), key=lambda x: -len(x[0]))


def find(text: str) -> str | None:
    """The prop a phrase names ("the late king's silver tiara" -> "tiara"), or None. The head
    noun (the last word before 'of'/'for'...) is preferred over words in its modifiers. Props
    of the icon library (``icons``) are found only when it is installed."""
    low = text.lower()
    head = re.split(r"\b(?:of|for|from|to|in|on|with|that|which)\b", low)[0]
    index = _index(frozenset(icons.available()))
    for scope in (head, low):
        for word, name in index:
            plural = "es" if word.endswith(("x", "ch", "sh")) else "s" if not word.endswith("s") else ""
            if re.search(rf"\b{re.escape(word)}(?:{plural})?\b", scope):  # "the letters" is a letter
                return name
    return None


def draw(c: skia.Canvas, g: Grade, name: str | None, t: float = 0.0) -> None:
    """Draw the prop ``name`` (a key of PROPS, or of ``icons.ICON_PROPS`` when installed)
    centred on the canvas origin; unknown: a letter."""
    if name is not None and icons.draw(c, g, name):  # installed, an icon is drawn first
        return
    (PROPS[name][0] if name in PROPS else _letter)(c, g, t)
