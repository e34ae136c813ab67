"""Vehicles as characters ("a little steam engine who is afraid of tunnels"): a steam engine, a
tugboat, a bus, a car and a tractor, drawn side on with a face on the front.

A vehicle is a :class:`~.creatures.Creature` whose plan's shape is "vehicle": the face (eyes,
brows, a mouth that opens as it speaks, the expression) is the creature's face system drawn on a
round face plate (an engine's smokebox door, a bus's front); this module draws the rest. Its
livery is the character's first clothing colour and its trim the second, so two engines in one
story are told apart as two people are by their clothes. Units as the creatures': a person is
about 100 tall, the ground is y = 0, and ``d`` is the way it faces (the front).
"""

from __future__ import annotations

import math

import skia

from ...model.bible import Look
from .looks import Grade, hex_rgb, mix
from .paint import fill, poly, stroke

#: Where each vehicle's face plate is (its centre, in units before the size scale) and its radius:
#: the front of the engine's boiler, a tugboat's bow, a bus's and a car's front, a tractor's bonnet.
FACE = {"engine": (40.0, -36.0, 15.0), "boat": (30.0, -22.0, 13.0), "bus": (42.0, -36.0, 14.0),
        "car": (36.0, -26.0, 12.0), "tractor": (38.0, -34.0, 13.0)}


class Paints:
    """A vehicle's paints for one shot: livery, trim, iron, glass, the face plate."""

    def __init__(self, look: Look, grade: Grade, k: float):
        g, lit = grade, 0.55
        livery = hex_rgb(look.clothing_colors[0])
        trim = hex_rgb(look.clothing_colors[1] if len(look.clothing_colors) > 1 else "#d8c070")
        if abs(sum(livery) - sum(trim)) < 0.25:  # trim that would vanish into the livery: lighter
            trim = mix(trim, (1.0, 1.0, 1.0), 0.5)
        self.livery = fill(g.c(livery, lit=lit, pull=0.05))
        self.shade = fill(g.c(mix(livery, (0, 0, 0), 0.3), lit=lit, pull=0.05))
        self.trim = fill(g.c(trim, lit=lit, pull=0.05))
        self.iron = fill(g.c((0.16, 0.16, 0.18), lit=lit, pull=0.05))
        self.steel = fill(g.c((0.55, 0.56, 0.6), lit=lit, pull=0.05))
        self.glass = fill(g.c((0.62, 0.78, 0.86), lit=lit, pull=0.05))
        self.tyre = fill(g.c((0.1, 0.1, 0.11), lit=lit, pull=0.05))
        self.hub = fill(g.c(mix(trim, (0.8, 0.8, 0.8), 0.3), lit=lit, pull=0.05))
        self.face = fill(g.c((0.82, 0.82, 0.8), lit=lit, pull=0.05))
        self.steam = fill(g.c((0.95, 0.95, 0.96), 0.7, lit=0.3, pull=0))
        self.glow = fill(g.c((1.0, 0.9, 0.55), lit=0.2, pull=0))
        self.rod = stroke(g.c((0.7, 0.7, 0.72), lit=lit, pull=0.05), 2.6 * k)


def _wheel(c: skia.Canvas, x: float, y: float, r: float, p: Paints, outline: skia.Paint, spokes: float) -> None:
    c.drawCircle(x, y, r, p.tyre)
    c.drawCircle(x, y, r * 0.62, p.hub)
    for i in range(3):  # spokes, at the angle the wheels have turned to
        a = spokes + i * math.pi / 3
        c.drawLine(x - math.cos(a) * r * 0.6, y - math.sin(a) * r * 0.6, x + math.cos(a) * r * 0.6,
                   y + math.sin(a) * r * 0.6, outline)
    c.drawCircle(x, y, r, outline)


def _rect(c: skia.Canvas, d: int, k: float, x0: float, y0: float, x1: float, y1: float, paint: skia.Paint,
          outline: skia.Paint | None, rad: float = 0.0) -> None:
    """A box from x0 to x1 along the way it faces (mirrored when it faces left)."""
    r = skia.Rect(min(d * x0, d * x1) * k, y0 * k, max(d * x0, d * x1) * k, y1 * k)
    c.drawRoundRect(r, rad * k, rad * k, paint)
    if outline is not None:
        c.drawRoundRect(r, rad * k, rad * k, outline)


def draw_body(c: skia.Canvas, kind: str, d: int, k: float, p: Paints, outline: skia.Paint) -> None:
    """The vehicle without its face: cached once a shot, so nothing here moves."""
    if kind == "engine":
        _rect(c, d, k, -46, -22, 44, -14, p.iron, outline)                       # the footplate
        _rect(c, d, k, -8, -52, 40, -20, p.livery, outline, 6)                   # the boiler
        for x in (4, 18):
            _rect(c, d, k, x, -52, x + 3, -20, p.trim, None)                     # its bands
        _rect(c, d, k, 20, -66, 29, -50, p.iron, outline, 1)                     # the chimney
        _rect(c, d, k, 18, -68, 31, -64, p.iron, outline, 1)
        _rect(c, d, k, 4, -60, 13, -52, p.trim, outline, 4)                      # the steam dome
        _rect(c, d, k, -46, -72, -6, -20, p.livery, outline, 2)                  # the cab
        _rect(c, d, k, -50, -76, -2, -70, p.shade, outline, 2)                   # its roof
        _rect(c, d, k, -38, -64, -16, -46, p.glass, outline, 2)                  # its window
        for x in (-32, -10, 14):
            _wheel(c, d * x * k, -10 * k, 10 * k, p, outline, 0.0)
        c.drawLine(d * -32 * k, -10 * k, d * 14 * k, -10 * k, p.rod)             # the coupling rod
        _rect(c, d, k, 40, -18, 48, -12, p.trim, outline)                        # the buffer beam
    elif kind == "boat":
        hull = poly([(d * -48 * k, -34 * k), (d * 44 * k, -36 * k), (d * 34 * k, 0), (d * -40 * k, 0)])
        c.drawPath(hull, p.livery)
        c.drawPath(poly([(d * -46 * k, -12 * k), (d * 38 * k, -12 * k), (d * 34 * k, 0), (d * -40 * k, 0)]),
                   p.shade)                                                       # below the waterline
        c.drawPath(hull, outline)
        _rect(c, d, k, -48, -38, 44, -33, p.trim, outline, 2)                    # the gunwale and fender
        _rect(c, d, k, -30, -66, 8, -37, p.face, outline, 2)                     # the wheelhouse
        for x in (-24, -10):
            _rect(c, d, k, x, -60, x + 10, -50, p.glass, outline, 1)
        _rect(c, d, k, -24, -86, -12, -66, p.trim, outline, 1)                   # the funnel
        _rect(c, d, k, -24, -80, -12, -74, p.livery, None)
        _rect(c, d, k, -26, -88, -10, -85, p.iron, outline, 1)
    elif kind == "bus":
        _rect(c, d, k, -50, -74, 48, -10, p.livery, outline, 6)
        _rect(c, d, k, -50, -28, 48, -22, p.trim, None)                          # the stripe
        for x in range(-44, 24, 16):
            _rect(c, d, k, x, -64, x + 12, -44, p.glass, outline, 2)             # the windows
        _rect(c, d, k, 28, -64, 36, -18, p.shade, outline, 1)                    # the door
        for x in (-32, 28):
            _wheel(c, d * x * k, -10 * k, 10 * k, p, outline, 0.5)
    elif kind == "car":
        _rect(c, d, k, -22, -50, 16, -30, p.livery, outline, 8)                  # the cabin
        _rect(c, d, k, -17, -46, -4, -32, p.glass, outline, 3)
        _rect(c, d, k, -1, -46, 11, -32, p.glass, outline, 3)
        _rect(c, d, k, -44, -34, 40, -10, p.livery, outline, 8)                  # the body
        _rect(c, d, k, -44, -22, 40, -18, p.trim, None)
        for x in (-26, 24):
            _wheel(c, d * x * k, -10 * k, 10 * k, p, outline, 0.5)
    else:  # a tractor: a big back wheel under the cab, a small front wheel under the bonnet
        _rect(c, d, k, -40, -78, -6, -74, p.livery, outline, 2)                  # the cab's roof
        for x in (-38, -10):
            _rect(c, d, k, x, -74, x + 3, -40, p.iron, None)                     # its posts
        _rect(c, d, k, -42, -44, -4, -30, p.livery, outline, 3)                  # the seat box
        _rect(c, d, k, -6, -46, 40, -22, p.livery, outline, 5)                   # the bonnet
        _rect(c, d, k, -6, -30, 40, -26, p.trim, None)
        _rect(c, d, k, 22, -62, 26, -46, p.iron, outline, 1)                     # the exhaust pipe
        _wheel(c, d * -22 * k, -20 * k, 20 * k, p, outline, 0.3)
        _wheel(c, d * 28 * k, -10 * k, 10 * k, p, outline, 0.3)


def draw_behind(c: skia.Canvas, kind: str, d: int, k: float, p: Paints, gesture: float, talk: float) -> None:
    """What moves every frame behind the body: an engine's steam, a tug's and a tractor's smoke,
    puffing faster while it talks."""
    spout = {"engine": (24.5, -68.0), "boat": (-18.0, -88.0), "tractor": (24.0, -62.0)}.get(kind)
    if spout is None:
        return
    rate = 0.6 + 1.6 * talk
    for i in range(3):
        t = (gesture * rate * 0.5 + i / 3) % 1.0  # each puff rises, grows and fades
        r = (4 + 7 * t) * k
        x = d * (spout[0] - 10 * t) * k
        y = (spout[1] - 6 - 26 * t) * k
        puff = fill(skia.ColorSetA(p.steam.getColor(), int(180 * (1 - t))))
        c.drawCircle(x, y, r, puff)


def draw_gesture(c: skia.Canvas, kind: str, d: int, k: float, p: Paints, outline: skia.Paint, gesture: float,
                 talk: float, listening: bool) -> None:
    """A vehicle's gesture while it talks, as a person's hand: a lamp that glows on the beat of the
    line (a boat's lamp on its wheelhouse, the others' headlamp)."""
    if talk <= 0.05 or listening:
        return
    glow = 0.5 + 0.5 * math.sin(gesture * 3.0)
    x, y = {"engine": (36.0, -58.0), "boat": (6.0, -70.0), "bus": (46.0, -16.0), "car": (40.0, -16.0),
            "tractor": (40.0, -40.0)}[kind]
    halo = fill(skia.ColorSetA(p.glow.getColor(), int(90 + 120 * glow * talk)))
    c.drawCircle(d * x * k, y * k, (4 + 3 * glow * talk) * k, halo)
    c.drawCircle(d * x * k, y * k, 2.6 * k, p.glow)
    c.drawCircle(d * x * k, y * k, 2.6 * k, outline)
