"""Places: every PlaceKind drawn as four parallax layers (sky, far, mid, near).

Each kind is a recipe over a shared :class:`Kit` whose canvases are in *units*: the frame is 100
units tall, so a recipe is resolution independent. Exteriors stand on a horizon near y=60,
interiors on a floor line near y=70. Colours go through the shot's :class:`Grade`, so a noir
street comes out monochrome and a dusk desert amber without the recipes knowing.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import skia

from .looks import Grade, hex_rgb, mix
from .paint import fill, glow, poly, ridge, stroke, vgrad

SKIES = {  # top, middle, bottom
    "dawn": ("#34406e", "#d98c86", "#f7c993"),
    "day": ("#3f86d2", "#8cc2ec", "#d4ecf8"),
    "dusk": ("#231c48", "#9c3f66", "#f2974a"),
    "night": ("#03050c", "#0d1428", "#1d2744"),
}
MARS_SKIES = {
    "dawn": ("#4a3a52", "#b9776a", "#e3a98a"),
    "day": ("#b8785c", "#d69c78", "#ecc7a0"),
    "dusk": ("#1d2648", "#4f6b9a", "#a9c1d6"),  # Martian sunsets are blue
    "night": ("#07050a", "#1a0f16", "#2e1a1c"),
}
WINDOW = "#ffd47a"
NEON = ("#ff3fa4", "#29e1ff", "#b4ff3a", "#ffb23f")
#: The colours South Asia washes its houses in: indigo-blue, ochre, rose, lime white, turquoise.
WASHES = ("#6a8ac8", "#d8a040", "#e0949a", "#ece4d4", "#6ab0aa")
INTERIOR_KINDS = frozenset({"interior", "office", "bar", "apartment", "ballroom", "warehouse", "lab", "spaceship",
                            "space_station", "train", "saloon", "cave"})
#: Kinds of place drawn in the open air, where only what stands outdoors is set down (dressing.INDOORS),
#: unless their words say they are a room inside (dressing.inside: a castle's great hall, a stone hut
#: with a stove), drawn then as a room of that kind (rooms.KIND_ROOMS); not a Mars dome (seen from inside).
OPEN_AIR_KINDS = frozenset({"city_street", "rooftop", "alley", "desert", "forest", "mountain", "sea", "beach",
                            "village", "ruins", "castle"})


@dataclass
class Kit:
    """What a recipe draws with: layer canvases in units, the grade, a seeded rng and the shot's flags."""

    sky: skia.Canvas
    far: skia.Canvas
    mid: skia.Canvas
    near: skia.Canvas
    w: float                # layer width in units (height is 100)
    g: Grade
    rng: np.random.Generator
    tod: str
    weather: str
    genres: frozenset[str]
    #: The world's year (None: the present day): what may stand in it (no skyline before 1900,
    #: no neon before the 1920s).
    year: int | None = None
    #: What windows look out on: city, sea, hills or stars (dressing.view_of).
    view: str = "city"
    #: The world is a village or the country (no city in it): roofs and hills, never towers, in any era.
    rural: bool = False
    #: The place is in the tropics or on a warm sea (procedural.climate_of): palms grow on its beaches
    #: (elsewhere dune grass), its peaks carry no snow (elsewhere they do).
    warm: bool = False
    #: ... and in the tropics: its woods are jungle and its hills green.
    tropical: bool = False
    #: The year tall towers first stood on the skyline of the world's cities (procedural.towers_since:
    #: 1900 in New York or noir's Bay City, about 1960 in Prague or Vienna).
    towers_since: int = 1900
    #: How the region's villages and old towns are built (procedural.region_of): "east_asia" (timber
    #: and paper under curved tiled roofs), "dry" (flat-roofed mud brick), "south_asia" (colour-washed
    #: flat-roofed houses among green trees), "africa" (round huts under thatch); None: Europe's
    #: gabled houses.
    region: str | None = None
    #: The real country the world is in (ISO 3166 alpha-2), where it is in one: what its shop signs say.
    country: str | None = None
    #: The region's home drawn in this setting (homes.draw_home), so its pieces are not drawn twice.
    home: str | None = None
    #: The people of the past the world is set among (procedural.culture_of; data/regions.toml's
    #: cultures): "norse", "rome", "greece", "egypt"; None: none (eras.py builds their places).
    culture: str | None = None
    #: What the place is by its own words (eras.site_of): "palace", "temple", "arena", "fjord", "ruin" ...
    site: str | None = None
    #: The world off the Earth the story is set on (procedural.body_of): "moon" (grey dust and craters
    #: under a black sky with the Earth in it), "mars" (a red desert under a butterscotch sky); None: the Earth.
    body: str | None = None
    #: A war of our times has broken the place (procedural.war_torn): shelled facades and rubble under
    #: smoke, a trench's earth walls and wire (war.py), never a lit skyline or a temple's columns.
    war: bool = False
    #: The world is on the open road (procedural.on_the_road): its streets are a roadside lot with the
    #: country behind, never a city's towers.
    roadside: bool = False
    #: The year lit neon signs first hung in the world's streets (procedural.neon_since).
    neon_since: int = 1925

    @property
    def towers(self) -> bool:
        """Tall buildings with many windows can stand here."""
        return not self.rural and (self.year is None or self.year >= self.towers_since)

    @property
    def neon(self) -> bool:
        return not self.rural and not self.war and (self.year is None or self.year >= self.neon_since)

    @property
    def night(self) -> bool:
        return self.tod == "night"

    @property
    def scifi(self) -> bool:
        return bool(self.genres & {"scifi", "cyberpunk"})

    def lights_on(self) -> float:
        """Share of windows lit."""
        return {"night": 0.6, "dusk": 0.45, "dawn": 0.25}.get(self.tod, 0.08)


# --- shared pieces -----------------------------------------------------------------------------

def draw_sky(k: Kit, c: skia.Canvas, *, horizon: float = 62, mars: bool = False, h: float = 100) -> None:
    if k.body == "moon":
        moon_sky(k, c, skia.Rect(0, 0, k.w, h), horizon=horizon)
        return
    if k.war and not mars:  # a war's smoke darkens every sky it reaches (war.py)
        from .war import smoky_sky

        smoky_sky(k, c, horizon, h)
        return
    top, midc, bot = (MARS_SKIES if mars or k.body == "mars" else SKIES)[k.tod]
    if k.weather in ("storm", "rain", "fog"):
        grey = "#59606b" if k.tod == "day" else "#202530"
        top, midc, bot = (mix_hex(top, grey, 0.7), mix_hex(midc, grey, 0.65), mix_hex(bot, grey, 0.5))
    g = k.g
    vgrad(c, skia.Rect(0, 0, k.w, h), [g.c(top, lit=0), g.c(midc, lit=0), g.c(bot, lit=0)],
          [0.0, horizon / h * 0.75, horizon / h])
    if k.night and k.weather in ("clear", "snow", "dust", "embers"):
        pts = [skia.Point(float(x), float(y)) for x, y in zip(k.rng.uniform(0, k.w, 160), k.rng.uniform(0, horizon * 0.8, 160))]
        c.drawPoints(skia.Canvas.kPoints_PointMode, pts, stroke(g.c("#ffffff", 0.8, lit=0), 0.35))
    if k.weather in ("clear", "dust") or k.tod in ("dawn", "dusk"):
        x = k.w * float(k.rng.uniform(0.2, 0.8))
        if k.night:
            y, r, col = 14.0, 4.5, "#f2f0e0"
        else:
            y = {"dawn": horizon - 8, "dusk": horizon - 6}.get(k.tod, 15.0)
            r, col = (5.0, "#fff2c8") if k.tod == "day" else (7.0, "#ffb067")
        glow(c, x, y, r * 5, g.c(col, 0.5, lit=0))
        c.drawCircle(x, y, r, fill(g.c(col, lit=0)))
    if k.tod == "day" and k.weather in ("clear", "dust") and not mars:
        for _ in range(5):
            cx, cy = float(k.rng.uniform(0, k.w)), float(k.rng.uniform(8, 30))
            for j in range(4):
                c.drawOval(skia.Rect.MakeXYWH(cx + j * 4 - 6, cy - (j % 2) * 2, 10, 5),
                           fill(g.c("#ffffff", 0.75, lit=0)))


def mix_hex(a: str, b: str, t: float) -> str:
    r, gg, bb = mix(hex_rgb(a), hex_rgb(b), t)
    return f"#{int(r * 255):02x}{int(gg * 255):02x}{int(bb * 255):02x}"


def ground(k: Kit, c: skia.Canvas, y: float, top: str, bottom: str) -> None:
    if k.weather == "snow":  # snow falling lies on the ground too: a snowy village is white underfoot
        top, bottom = mix_hex(top, "#eef2f6", 0.85), mix_hex(bottom, "#c4ccd8", 0.8)
    vgrad(c, skia.Rect(0, y, k.w, 100), [k.g.c(top), k.g.c(bottom)])


def buildings(k: Kit, c: skia.Canvas, base: float, hmin: float, hmax: float, color: str, *, wmin: float = 8,
              wmax: float = 18, win: float = 1.2, lit: float | None = None, roofs: bool = False) -> None:
    """A row of buildings with windows; ``lit`` windows glow when it is dark."""
    lit = k.lights_on() if lit is None else lit
    x = float(k.rng.uniform(-6, 0))
    body = fill(k.g.c(color))
    edge = fill(k.g.c(mix_hex(color, "#ffffff", 0.12)))
    on = fill(k.g.c(WINDOW, lit=0))
    off = fill(k.g.c(mix_hex(color, "#000000", 0.35)))
    washed = roofs and k.region == "south_asia"  # an old town's houses each washed its own colour
    while x < k.w:
        bw = float(k.rng.uniform(wmin, wmax))
        bh = float(k.rng.uniform(hmin, hmax))
        top = base - bh
        if washed:
            body = fill(k.g.c(mix_hex(color, WASHES[int(k.rng.integers(0, len(WASHES)))], 0.5)))
        c.drawRect(skia.Rect(x, top, x + bw - 0.6, base + 1), body)
        c.drawRect(skia.Rect(x, top, x + 0.8, base + 1), edge)
        if roofs and k.region == "east_asia":
            curved_roof(c, x - 0.3, top, bw, fill(k.g.c(mix_hex(color, "#2a2e34", 0.6))))
        elif roofs and k.region in ("dry", "africa", "south_asia"):  # flat roofs behind a parapet
            c.drawRect(skia.Rect(x - 0.3, top - 1.2, x + bw - 0.3, top), fill(k.g.c(mix_hex(color, "#000000", 0.2))))
        elif roofs:
            c.drawPath(poly([(x - 1, top), (x + bw / 2, top - bw * 0.35), (x + bw + 0.4, top)]),
                       fill(k.g.c(mix_hex(color, "#5a2a20", 0.5))))
            if k.year is not None and k.year < 1950 and k.rng.random() < 0.7:  # a chimney stack and its pots
                cx = x + bw * float(k.rng.uniform(0.2, 0.8))
                sw = max(0.5, bw * 0.07)
                st = top - bw * 0.35 * (1 - abs(cx - x - bw / 2) / (bw / 2)) - bw * 0.12
                c.drawRect(skia.Rect(cx - sw, st, cx + sw, top), body)
                for px in (cx - sw * 0.5, cx + sw * 0.5):
                    c.drawRect(skia.Rect(px - sw * 0.25, st - sw * 0.8, px + sw * 0.25, st), fill(k.g.c("#8a4a32")))
        if win:
            cols = max(1, int(bw / (win * 2.4)))
            gap = (bw - cols * win) / (cols + 1)
            yy = top + 2.5
            while yy < base - 3:
                for i in range(cols):
                    wx = x + gap + i * (win + gap)
                    c.drawRect(skia.Rect(wx, yy, wx + win, yy + win * 1.4), on if k.rng.random() < lit else off)
                yy += win * 2.6
        x += bw + float(k.rng.uniform(-0.5, 1.5))


def curved_roof(c: skia.Canvas, x: float, top: float, w: float, paint: skia.Paint, *, lift: float = 0.3) -> None:
    """An East Asian tiled roof over a house ``w`` wide whose wall top is at ``top``: eaves
    overhanging both sides and curving up at the ends, a low hipped body and a ridge."""
    over = w * 0.14
    h = w * lift
    p = skia.Path()
    p.moveTo(x - over, top - h * 0.28)  # the upturned eave's tip
    p.quadTo(x + w * 0.08, top + h * 0.04, x + w * 0.22, top - h * 0.02)
    p.lineTo(x + w * 0.78, top - h * 0.02)
    p.quadTo(x + w * 0.92, top + h * 0.04, x + w + over, top - h * 0.28)
    p.quadTo(x + w * 0.84, top - h * 0.42, x + w * 0.74, top - h)
    p.lineTo(x + w * 0.26, top - h)
    p.quadTo(x + w * 0.16, top - h * 0.42, x - over, top - h * 0.28)
    p.close()
    c.drawPath(p, paint)
    c.drawRect(skia.Rect(x + w * 0.22, top - h - 0.8, x + w * 0.78, top - h + 0.2), paint)  # the ridge


def pine(c: skia.Canvas, x: float, base: float, h: float, color: int) -> None:
    w = h * 0.38
    for i in range(3):
        t = base - h * (0.2 + i * 0.27)
        c.drawPath(poly([(x - w * (1 - i * 0.22), t + h * 0.3), (x, t - h * 0.22), (x + w * (1 - i * 0.22), t + h * 0.3)]),
                   fill(color))
    c.drawRect(skia.Rect(x - h * 0.04, base - h * 0.2, x + h * 0.04, base), fill(color))


def round_tree(c: skia.Canvas, x: float, base: float, h: float, trunk: int, leaf: int, light: int) -> None:
    c.drawRect(skia.Rect(x - h * 0.05, base - h * 0.55, x + h * 0.05, base), fill(trunk))
    for dx, dy, r in ((0, -0.72, 0.28), (-0.2, -0.58, 0.22), (0.2, -0.6, 0.22), (0.05, -0.9, 0.2)):
        c.drawCircle(x + dx * h, base + dy * h, r * h, fill(leaf))
    c.drawCircle(x - 0.08 * h, base - 0.82 * h, 0.1 * h, fill(light))


def lamp_post(k: Kit, c: skia.Canvas, x: float, base: float, h: float) -> None:
    c.drawLine(x, base, x, base - h, stroke(k.g.c("#1a1a1e"), 0.7))
    c.drawLine(x, base - h, x + 3, base - h, stroke(k.g.c("#1a1a1e"), 0.6))
    if k.tod in ("night", "dusk") or k.weather in ("fog", "rain", "storm"):
        glow(c, x + 3, base - h + 1, 14, k.g.c("#ffcf7a", 0.55, lit=0))
        # the pool of light on the ground, and on wet ground its reflection
        c.drawOval(skia.Rect(x - 6, base - 1.2, x + 12, base + 1.5), fill(k.g.c("#ffcf7a", 0.18, lit=0)))
    c.drawCircle(x + 3, base - h + 1, 0.9, fill(k.g.c("#fff0c0", lit=0)))


def window(k: Kit, c: skia.Canvas, r: skia.Rect, frame: str, *, blinds: bool = False, mars: bool = False,
           city: bool = True) -> None:
    """A window onto the outside at this time of day, with frame, mullions and optional blinds; none
    where the place has no windows (``k.view`` "none": dressing.view_of)."""
    if k.view == "none":
        return
    mars = mars or k.view == "mars"
    top, midc, bot = (MARS_SKIES if mars else SKIES)[k.tod]
    c.save()
    c.clipRect(r)
    vgrad(c, r, [k.g.c(top, lit=0), k.g.c(midc, lit=0), k.g.c(bot, lit=0)])
    if k.view == "moon":  # (a great hall's tall windows too: there is nothing else to see)
        moon_sky(k, c, r, horizon=r.top() + r.height() * 0.62, n=30)
        moon_ground(k, c, r.left(), r.right(), r.top() + r.height() * 0.62, r.height() * 0.12, r.bottom())
    elif city and k.view == "sea":  # a grey-blue sea under the sky, with a line of surf
        horizon = r.top() + r.height() * 0.62
        c.drawRect(skia.Rect(r.left(), horizon, r.right(), r.bottom()), fill(k.g.c("#2a4a62")))
        for i in range(4):
            y = horizon + 1.5 + i * r.height() * 0.09
            c.drawLine(r.left(), y, r.right(), y + 0.4, stroke(k.g.c("#8ab0c8", 0.5), 0.3))
    elif city and k.view == "hills":
        c.drawPath(ridge(k.rng, r.right(), r.bottom() - r.height() * 0.2, r.height() * 0.3, bumps=2, rough=0.05,
                         bottom=r.bottom()), fill(k.g.c("#4a6a3a")))
    elif city and k.view == "mountains":  # peaks (snow on them but in a warm land) over a slope of pines
        peaks = ridge(k.rng, r.width(), r.bottom() - r.height() * 0.3, r.height() * 0.55, bumps=1, rough=0.5,
                      bottom=r.bottom(), step=max(0.3, r.width() / 24))
        peaks.offset(r.left(), 0)
        c.drawPath(peaks, fill(k.g.c("#6a7080")))
        if not k.warm:
            c.save()
            c.clipPath(peaks, doAntiAlias=True)
            c.drawRect(skia.Rect(r.left(), r.top(), r.right(), r.bottom() - r.height() * 0.5),
                       fill(k.g.c("#f0f4f8")))
            c.restore()
        dark = k.g.c("#2a3a2a")
        for x in np.arange(r.left() + 1.0, r.right(), max(1.5, r.width() / 9)):
            pine(c, float(x) + float(k.rng.uniform(-0.6, 0.6)), r.bottom(), r.height() * float(k.rng.uniform(0.2, 0.32)),
                 dark)
        if k.weather == "snow" or not k.warm:  # snow lying on the near slope
            c.drawRect(skia.Rect(r.left(), r.bottom() - r.height() * 0.05, r.right(), r.bottom()),
                       fill(k.g.c("#e4eaf0")))
    elif city and k.view in UNDERWATER:  # a porthole on deep water, bubbles rising
        vgrad(c, r, [k.g.c("#1e7a8a"), k.g.c("#0a2a3a")])
        for i in range(5):
            bx = r.left() + r.width() * float(k.rng.uniform(0.15, 0.85))
            c.drawCircle(bx, r.top() + r.height() * (0.2 + 0.15 * i), 0.6 + 0.2 * i, stroke(k.g.c("#cfeef4", 0.6), 0.25))
    elif city and k.view == "stars":
        stars(k, c, r, 40)
    elif city and k.view == "orbit":  # in orbit: stars over the curve of the red planet
        c.drawRect(r, fill(k.g.c("#05060c", lit=0)))
        stars(k, c, r, 40)
        rad = r.width() * 1.1
        cx, cy = r.left() + r.width() * 0.35, r.bottom() + rad * 0.72
        c.drawCircle(cx, cy, rad, fill(k.g.c("#b0583a", lit=0.3)))
        c.drawCircle(cx, cy, rad, stroke(k.g.c("#f0b08a", 0.7, lit=0), 0.6))
    elif city and k.view == "mars":  # a red desert to the horizon, under the dome's ribs
        horizon = r.top() + r.height() * 0.62
        c.drawPath(ridge(k.rng, r.right(), horizon, r.height() * 0.18, bumps=2, rough=0.05, bottom=r.bottom()),
                   fill(k.g.c("#8a3a22")))
        c.drawRect(skia.Rect(r.left(), horizon + r.height() * 0.12, r.right(), r.bottom()), fill(k.g.c("#b0583a")))
        rib = stroke(k.g.c("#e8f0f8", 0.4, lit=0.3), 0.35)
        for f in (0.3, 0.7, 1.1):
            c.drawArc(skia.Rect(r.left() - r.width() * f, r.top() - r.height() * 0.2, r.right() + r.width() * f,
                                r.bottom() + r.height() * 1.6), 180, 180, False, rib)
    elif city and k.war and k.view == "city":  # a war's city through the window: broken walls under smoke
        from .war import window_on_war

        window_on_war(k, c, r)
    elif city:
        from . import eras

        sub = Kit(c, c, c, c, k.w, k.g, k.rng, k.tod, k.weather, k.genres, k.year, rural=k.rural, warm=k.warm,
                  tropical=k.tropical, towers_since=k.towers_since, region=k.region, country=k.country,
                  culture=k.culture, site=k.site, body=k.body, war=k.war, neon_since=k.neon_since)
        if eras.skyline(sub, c, r):  # a people of the past's own town: a fjord, temples and domes, pyramids
            pass
        elif not k.towers and k.region is None:  # before towers: roofs, chimney pots, a spire and a dome
            eras.old_roofs(sub, c, r.left(), r.right(), r.bottom(), r.height() * 0.15, r.height() * 0.35, "#1c2230")
        else:
            c.save()
            c.translate(r.left(), 0)
            sub.w = r.width()
            landmarks(sub, c, 0, r.width(), r.bottom(), r.height() * 0.45, "#1c2230")  # (behind the roofs)
            if k.towers:
                buildings(sub, c, r.bottom(), r.height() * 0.2, r.height() * 0.7, "#1c2230", wmin=3, wmax=6, win=0.5)
            else:  # before towers: low roofs
                buildings(sub, c, r.bottom(), r.height() * 0.15, r.height() * 0.35, "#1c2230", wmin=4, wmax=7,
                          win=r.height() * 0.035, roofs=True)  # big windows: three storeys, not ten
            c.restore()
    if blinds:
        y = r.top()
        slat = fill(k.g.c("#d8d2c0", 0.9, lit=0.5))
        while y < r.bottom():
            c.drawRect(skia.Rect(r.left(), y, r.right(), y + 0.9), slat)
            y += 1.7
    c.restore()
    c.drawRect(r, stroke(k.g.c(frame), 1.0))
    c.drawLine(r.centerX(), r.top(), r.centerX(), r.bottom(), stroke(k.g.c(frame), 0.6))
    c.drawLine(r.left(), r.centerY(), r.right(), r.centerY(), stroke(k.g.c(frame), 0.6))


def wall(k: Kit, c: skia.Canvas, color: str, floor: float = 70, *, trim: str | None = None, stripes: bool = False) -> None:
    vgrad(c, skia.Rect(0, 0, k.w, floor), [k.g.c(mix_hex(color, "#000000", 0.35)), k.g.c(color)])
    if stripes:
        p = fill(k.g.c(mix_hex(color, "#000000", 0.12)))
        x = 0.0
        while x < k.w:
            c.drawRect(skia.Rect(x, 0, x + 1.6, floor), p)
            x += 4.5
    if trim:
        c.drawRect(skia.Rect(0, floor - 14, k.w, floor), fill(k.g.c(trim)))
        c.drawRect(skia.Rect(0, floor - 14.6, k.w, floor - 13.4), fill(k.g.c(mix_hex(trim, "#ffffff", 0.2))))


def floor(k: Kit, c: skia.Canvas, y: float, color: str, *, boards: bool = False, tiles: bool = False) -> None:
    vgrad(c, skia.Rect(0, y, k.w, 100), [k.g.c(mix_hex(color, "#000000", 0.3)), k.g.c(color)])
    line = stroke(k.g.c(mix_hex(color, "#000000", 0.4)), 0.25)
    if boards:
        yy = y + 2
        while yy < 100:
            c.drawLine(0, yy, k.w, yy, line)
            yy += (yy - y) * 0.35 + 2
    if tiles:
        for i in range(-40, int(k.w) + 40, 8):
            c.drawLine(k.w / 2 + (i - k.w / 2) * 0.45, y, k.w / 2 + (i - k.w / 2) * 1.6, 100, line)
        yy = y + 3
        while yy < 100:
            c.drawLine(0, yy, k.w, yy, line)
            yy += (yy - y) * 0.4 + 2.5


def hanging_lamp(k: Kit, c: skia.Canvas, x: float, y: float, color: str = "#ffd98a", cone: bool = True) -> None:
    if k.year is not None and k.year < 1890:  # before electric light: a lantern on a chain, no beam
        c.drawLine(x, 0, x, y - 3, stroke(k.g.c("#2a2420"), 0.3))
        c.drawRect(skia.Rect(x - 1.6, y - 3, x + 1.6, y + 2), fill(k.g.c("#3a2e22")))
        c.drawRect(skia.Rect(x - 1.0, y - 2, x + 1.0, y + 1.2), fill(k.g.c("#ffc870", lit=0)))
        glow(c, x, y, 12, k.g.c("#ffb050", 0.45, lit=0))
        return
    c.drawLine(x, 0, x, y - 2, stroke(k.g.c("#111111"), 0.3))
    c.drawPath(poly([(x - 3, y), (x - 1.2, y - 2.2), (x + 1.2, y - 2.2), (x + 3, y)]), fill(k.g.c("#222222")))
    if cone:
        shader = skia.GradientShader.MakeLinear([skia.Point(0, y), skia.Point(0, y + 45)],
                                                [k.g.c(color, 0.28, lit=0), skia.ColorSetARGB(0, 0, 0, 0)])
        c.drawPath(poly([(x - 3, y), (x + 3, y), (x + 16, y + 45), (x - 16, y + 45)]),
                   skia.Paint(Shader=shader, BlendMode=skia.BlendMode.kPlus, AntiAlias=True))
    glow(c, x, y, 9, k.g.c(color, 0.6, lit=0))


def shelves(k: Kit, c: skia.Canvas, x0: float, x1: float, y0: float, y1: float, wood: str, *, bottles: bool = True,
            books: bool = False) -> None:
    c.drawRect(skia.Rect(x0, y0, x1, y1), fill(k.g.c(mix_hex(wood, "#000000", 0.45))))
    rows = 3
    for i in range(rows + 1):
        yy = y0 + (y1 - y0) * i / rows
        c.drawRect(skia.Rect(x0, yy - 0.5, x1, yy + 0.5), fill(k.g.c(wood)))
        if i == rows:
            break
        x = x0 + 1
        while x < x1 - 2:
            if bottles:
                col = ("#2f6b3a", "#7a3a1c", "#c9b36a", "#3a4f8a", "#8a2a3a")[int(k.rng.integers(0, 5))]
                hgt = float(k.rng.uniform(3, 5))
                bottom = yy + (y1 - y0) / rows - 0.5
                c.drawRoundRect(skia.Rect(x, bottom - hgt, x + 1.4, bottom), 0.5, 0.5, fill(k.g.c(col)))
                c.drawRect(skia.Rect(x + 0.45, bottom - hgt - 1.3, x + 0.95, bottom - hgt + 0.3), fill(k.g.c(col)))
                x += float(k.rng.uniform(1.8, 2.8))
            elif books:
                col = ("#6b2a2a", "#2a4a6b", "#6b5a2a", "#2a5a3a", "#4a2a5a")[int(k.rng.integers(0, 5))]
                bw = float(k.rng.uniform(0.7, 1.4))
                bottom = yy + (y1 - y0) / rows - 0.5
                c.drawRect(skia.Rect(x, bottom - float(k.rng.uniform(3.5, 5.5)), x + bw, bottom), fill(k.g.c(col)))
                x += bw + 0.15
            else:
                break


def counter(k: Kit, c: skia.Canvas, y: float, wood: str, top: str) -> None:
    c.drawRect(skia.Rect(0, y, k.w, 100), fill(k.g.c(wood)))
    c.drawRect(skia.Rect(0, y - 1.5, k.w, y + 0.5), fill(k.g.c(top)))
    p = stroke(k.g.c(mix_hex(wood, "#000000", 0.35)), 0.35)
    x = 3.0
    while x < k.w:
        c.drawLine(x, y + 2, x, 100, p)
        x += 9


def planet(k: Kit, c: skia.Canvas, x: float, y: float, r: float, col: str, band: str) -> None:
    glow(c, x, y, r * 1.35, k.g.c(col, 0.35, lit=0))
    c.drawCircle(x, y, r, fill(k.g.c(col, lit=0)))
    c.save()
    c.clipPath(_circle(x, y, r), doAntiAlias=True)
    for i in range(4):
        yy = y - r + (i + 0.7) * r * 0.45
        c.drawOval(skia.Rect(x - r * 1.2, yy, x + r * 1.2, yy + r * 0.16), fill(k.g.c(band, 0.5, lit=0)))
    c.drawCircle(x + r * 0.45, y + r * 0.2, r, fill(skia.ColorSetARGB(150, 0, 0, 0)))
    c.restore()


def _circle(x: float, y: float, r: float) -> skia.Path:
    p = skia.Path()
    p.addCircle(x, y, r)
    return p


def stars(k: Kit, c: skia.Canvas, r: skia.Rect, n: int = 120) -> None:
    c.drawRect(r, fill(k.g.c("#02030a", lit=0)))
    pts = [skia.Point(float(x), float(y)) for x, y in zip(k.rng.uniform(r.left(), r.right(), n),
                                                           k.rng.uniform(r.top(), r.bottom(), n))]
    c.drawPoints(skia.Canvas.kPoints_PointMode, pts, stroke(k.g.c("#ffffff", 0.9, lit=0), 0.35))


def earth(k: Kit, c: skia.Canvas, x: float, y: float, r: float) -> None:
    """The Earth seen from the Moon: a blue disc with white cloud and green-brown land, its night side dark."""
    glow(c, x, y, r * 1.6, k.g.c("#6aa8ff", 0.35, lit=0))
    c.drawCircle(x, y, r, fill(k.g.c("#2a6ad0", lit=0)))
    c.save()
    c.clipPath(_circle(x, y, r), doAntiAlias=True)
    for dx, dy, rw, rh in ((-0.35, -0.1, 0.45, 0.35), (0.3, 0.35, 0.35, 0.25)):  # land
        c.drawOval(skia.Rect(x + (dx - rw) * r, y + (dy - rh) * r, x + (dx + rw) * r, y + (dy + rh) * r),
                   fill(k.g.c("#5a8a4a", lit=0)))
    for dy in (-0.55, 0.05, 0.6):  # bands of cloud
        c.drawOval(skia.Rect(x - r * 0.9, y + (dy - 0.09) * r, x + r * 0.7, y + (dy + 0.09) * r),
                   fill(k.g.c("#ffffff", 0.8, lit=0)))
    c.drawCircle(x + r * 0.55, y + r * 0.15, r, fill(skia.ColorSetARGB(170, 0, 0, 0)))  # its night side
    c.restore()


def moon_sky(k: Kit, c: skia.Canvas, r: skia.Rect, *, horizon: float, n: int = 160) -> None:
    """The Moon's sky at any hour: black (no air to light it), stars, the Earth hanging over the
    horizon, and by day a small hard white sun; no clouds, no haze, no weather."""
    c.drawRect(r, fill(k.g.c("#010204", lit=0)))
    pts = [skia.Point(float(x), float(y)) for x, y in zip(k.rng.uniform(r.left(), r.right(), n),
                                                           k.rng.uniform(r.top(), horizon, n))]
    c.drawPoints(skia.Canvas.kPoints_PointMode, pts, stroke(k.g.c("#ffffff", 0.85, lit=0), 0.35))
    span = horizon - r.top()
    ex = r.left() + r.width() * float(k.rng.uniform(0.6, 0.85))
    earth(k, c, ex, r.top() + span * 0.3, max(1.5, span * 0.09))
    if k.tod != "night":
        sx = r.left() + r.width() * float(k.rng.uniform(0.1, 0.35))
        glow(c, sx, r.top() + span * 0.2, span * 0.12, k.g.c("#ffffff", 0.4, lit=0))
        c.drawCircle(sx, r.top() + span * 0.2, max(0.8, span * 0.035), fill(k.g.c("#ffffff", lit=0)))


def moon_ground(k: Kit, c: skia.Canvas, x0: float, x1: float, horizon: float, rise: float, bottom: float) -> None:
    """Grey regolith to the horizon under low worn hills, pocked with craters (a shadowed bowl
    inside a bright rim)."""
    g = k.g  # (its grey is not pulled toward the look's palette: a science fiction's rust made it Mars again)
    hills = ridge(k.rng, x1 - x0, horizon, rise, bumps=2, rough=0.1, bottom=bottom, step=max(0.3, (x1 - x0) / 40))
    hills.offset(x0, 0)
    c.drawPath(hills, fill(g.c("#7a7a78", pull=0)))
    vgrad(c, skia.Rect(x0, horizon + rise * 0.3, x1, bottom), [g.c("#9a9894", pull=0), g.c("#5e5c5a", pull=0)])
    h = bottom - horizon
    for _ in range(max(2, int((x1 - x0) / max(1.0, h) * 1.5))):
        cx = float(k.rng.uniform(x0, x1))
        depth = float(k.rng.uniform(0.3, 1.0))  # further down the frame is nearer: a bigger, flatter-looking bowl
        cy = horizon + rise * 0.3 + (h - rise * 0.3) * depth * 0.9
        rw = h * (0.05 + 0.12 * depth)
        rh = rw * 0.3
        c.drawOval(skia.Rect(cx - rw * 1.12, cy - rh * 1.25, cx + rw * 1.12, cy + rh * 1.1), fill(g.c("#b8b6b0", pull=0)))
        c.drawOval(skia.Rect(cx - rw, cy - rh, cx + rw, cy + rh), fill(g.c("#4a4846", pull=0)))
        c.drawOval(skia.Rect(cx - rw * 0.7, cy - rh * 0.2, cx + rw * 0.9, cy + rh * 0.85), fill(g.c("#6e6c68", pull=0)))


def console(k: Kit, c: skia.Canvas, x: float, y: float, w: float, h: float, body: str, screen: str) -> None:
    c.drawRoundRect(skia.Rect(x, y, x + w, y + h), 1, 1, fill(k.g.c(body)))
    s = skia.Rect(x + 1, y + 1, x + w - 1, y + h * 0.55)
    c.drawRoundRect(s, 0.6, 0.6, fill(k.g.c(screen, 0.9, lit=0)))
    glow(c, s.centerX(), s.centerY(), w * 0.9, k.g.c(screen, 0.35, lit=0))
    line = stroke(k.g.c("#ffffff", 0.6, lit=0), 0.2)
    for i in range(3):
        yy = s.top() + 1 + i * 1.4
        c.drawLine(s.left() + 0.8, yy, s.left() + 0.8 + float(k.rng.uniform(1, w - 3)), yy, line)
    for i in range(int(w // 2.5)):
        col = NEON[int(k.rng.integers(0, 4))]
        c.drawCircle(x + 1.5 + i * 2.5, y + h * 0.78, 0.45, fill(k.g.c(col, lit=0)))


def crate(k: Kit, c: skia.Canvas, x: float, base: float, s: float, col: str) -> None:
    r = skia.Rect(x, base - s, x + s, base)
    c.drawRect(r, fill(k.g.c(col)))
    p = stroke(k.g.c(mix_hex(col, "#000000", 0.45)), 0.35)
    c.drawRect(r, p)
    c.drawLine(x, base - s, x + s, base, p)
    c.drawLine(x + s, base - s, x, base, p)


# --- the places -----------------------------------------------------------------------------

def city_street(k: Kit) -> None:
    if k.war or k.roadside:  # a shelled street (war.py), a lot by the open road
        from .war import roadside_lot, shelled_street

        (shelled_street if k.war else roadside_lot)(k)
        return
    draw_sky(k, k.sky, horizon=60)
    if k.towers:
        buildings(k, k.far, 62, 18, 42, "#2b3142", wmin=5, wmax=10, win=0.6)
        buildings(k, k.mid, 66, 25, 55, "#3a3430", wmin=12, wmax=22, win=1.4)
        landmarks(k, k.mid, 0, k.w, 66, 40, "#4a4440")  # Cairo's minarets among its towers
    else:  # an old town: two or three storeys under pitched roofs, chimney pots, spires and a dome behind
        if k.region is None:
            from .eras import old_roofs

            old_roofs(k, k.far, 0, k.w, 62, 8, 16, "#2b3142")
        else:
            landmarks(k, k.far, 0, k.w, 62, 22, "#2b3142")
            buildings(k, k.far, 62, 10, 18, "#2b3142", wmin=6, wmax=11, win=1.3, roofs=True)
        # gas and lamplight: a window lit here and there, never whole floors of them
        gaslit = k.lights_on() * 0.45 if k.year is not None and k.year < 1920 else None
        buildings(k, k.mid, 66, 16, 26, "#4a3a30", wmin=12, wmax=20, win=1.4, roofs=True, lit=gaslit)
    if k.region == "south_asia" and not k.scifi:  # stalls under striped awnings along the street
        bazaar(k)
    if (k.night or k.scifi) and k.neon:
        neon_signs(k)
    ground(k, k.near, 66, "#3b3d44", "#16171b")
    k.near.drawRect(skia.Rect(0, 66, k.w, 71), fill(k.g.c("#5c5b5a")))
    k.near.drawRect(skia.Rect(0, 70.5, k.w, 71.3), fill(k.g.c("#2a2a2a")))
    for x in np.arange(12.0, k.w, 55.0):
        lamp_post(k, k.near, float(x), 68, 30)
        if k.weather in ("rain", "storm") or k.night:  # wet-street reflections
            k.near.drawRect(skia.Rect(float(x) + 1.8, 73, float(x) + 4.2, 96), fill(k.g.c("#ffcf7a", 0.12, lit=0)))
    if k.year is None or k.year >= 1920:  # lane markings came with motor traffic
        dash = fill(k.g.c("#d9d2b0", 0.7))
        for x in np.arange(0.0, k.w, 14.0):
            k.near.drawRect(skia.Rect(float(x), 86, float(x) + 7, 87), dash)
    else:  # cobbles
        cob = fill(k.g.c("#2a2b30", 0.6))
        for y in np.arange(74.0, 100.0, 3.0):
            for x in np.arange((y % 6) / 2, k.w, 4.0):
                k.near.drawOval(skia.Rect(float(x), float(y), float(x) + 3.2, float(y) + 1.6), cob)


@cache
def _toml(name: str) -> dict:
    """A table of data/ (``name``.toml), read once."""
    import tomllib

    return tomllib.loads((Path(__file__).parent / "data" / f"{name}.toml").read_text(encoding="utf-8"))


@cache
def _signs() -> dict:
    """The sign words (data/signs.toml): by country, and the fallbacks."""
    data = dict(_toml("signs"))
    data["by_country"] = {c: tuple(s["words"]) for s in data["signs"] for c in s["countries"]}
    return data


def water_towers(k: Kit) -> bool:
    """A city's roofs carry wooden water tanks on stilts: North America's (data/regions.toml's
    skyline.water_towers), and a city in no named country whose towers are America's (noir's Bay City)."""
    if k.country is not None:
        return k.country in _toml("regions")["skyline"]["water_towers"]
    return k.region is None and k.culture is None and k.towers_since < 1960


def landmarks(k: Kit, c: skia.Canvas, x0: float, x1: float, base: float, h: float, color: str) -> bool:
    """What stands over the roofs of the region's towns (data/regions.toml's skyline.landmarks), far
    off in the haze: domes and minarets over Cairo's flat roofs, a pagoda over Kyoto's; False where
    the region has none listed (Europe's spires and dome are old_roofs's)."""
    names = _toml("regions")["skyline"]["landmarks"].get(k.region or "", [])
    if not names:
        return False
    paint = fill(k.g.c(mix_hex(color, "#8a90a8", 0.3)))
    for i, name in enumerate(names):
        x = x0 + (x1 - x0) * (i + 0.5 + float(k.rng.uniform(-0.25, 0.25))) / len(names)
        LANDMARKS[name](k, c, x, base, h, paint)
    return True


def _dome(k: Kit, c: skia.Canvas, x: float, base: float, h: float, paint: skia.Paint) -> None:
    r = h * 0.32
    c.drawRect(skia.Rect(x - r, base - h * 0.55, x + r, base), paint)  # the drum
    c.drawArc(skia.Rect(x - r, base - h * 0.55 - r * 1.1, x + r, base - h * 0.55 + r * 0.9), 180, 180, True, paint)
    c.drawRect(skia.Rect(x - r * 0.06, base - h * 0.55 - r * 1.5, x + r * 0.06, base - h * 0.55 - r * 1.0), paint)


def _minaret(k: Kit, c: skia.Canvas, x: float, base: float, h: float, paint: skia.Paint) -> None:
    """A slim tower with a balcony (or two) and a pointed cap."""
    w = max(0.6, h * 0.05)
    top = base - h * 1.25
    c.drawRect(skia.Rect(x - w, top, x + w, base), paint)
    for f in (0.45, 0.8):  # the balconies
        y = base - h * 1.25 * f
        c.drawRect(skia.Rect(x - w * 1.9, y - w * 0.5, x + w * 1.9, y + w * 0.4), paint)
    c.drawPath(poly([(x - w * 1.2, top), (x, top - h * 0.22), (x + w * 1.2, top)]), paint)


def _pagoda(k: Kit, c: skia.Canvas, x: float, base: float, h: float, paint: skia.Paint) -> None:
    """A pagoda: storeys narrowing upward, each under its own curved eaves, a spire on top."""
    tiers = 5
    for i in range(tiers):
        w = h * (0.32 - i * 0.045)
        y = base - h * i / tiers
        c.drawRect(skia.Rect(x - w * 0.6, y - h / tiers, x + w * 0.6, y), paint)
        curved_roof(c, x - w * 0.6, y - h / tiers * 0.55, w * 1.2, paint, lift=0.22)
    c.drawRect(skia.Rect(x - h * 0.015, base - h * 1.25, x + h * 0.015, base - h), paint)


def _temple_spire(k: Kit, c: skia.Canvas, x: float, base: float, h: float, paint: skia.Paint) -> None:
    p = skia.Path()
    w = h * 0.22
    p.moveTo(x - w, base)
    p.cubicTo(x - w, base - h * 0.6, x - w * 0.4, base - h * 0.95, x, base - h * 1.05)
    p.cubicTo(x + w * 0.4, base - h * 0.95, x + w, base - h * 0.6, x + w, base)
    p.close()
    c.drawPath(p, paint)


#: The landmarks a region's skyline may name (data/regions.toml's skyline.landmarks).
LANDMARKS: dict[str, Callable[[Kit, skia.Canvas, float, float, float, skia.Paint], None]] = {
    "dome": _dome, "minaret": _minaret, "pagoda": _pagoda, "temple_spire": _temple_spire}


def signs_of(k: Kit) -> tuple[str, ...]:
    """The words on the street's neon (empty: signs without letters): the country's own, never
    an American diner in Nairobi (data/signs.toml)."""
    data = _signs()
    if k.country is not None and k.country in data["by_country"]:
        return data["by_country"][k.country]
    if k.country is None and (k.scifi or k.region is None):
        return tuple(data["scifi" if k.scifi else "america"])
    return () if k.region in data["unlettered"] else tuple(data["elsewhere"])


def neon_signs(k: Kit) -> None:
    """Lit signs over the street: words (signs_of), or where none fit, unlettered panels hung
    upright (a lit mark in a glowing frame)."""
    words = signs_of(k)
    font = skia.Font(skia.Typeface("DejaVu Sans", skia.FontStyle.Bold()), 3.2)
    # the canvas scales units to pixels: unhinted, linear metrics keep the letters evenly spaced
    font.setHinting(skia.FontHinting.kNone)
    font.setLinearMetrics(True)
    font.setSubpixel(True)
    # over a skyline, high on the towers; in an old town, on the house fronts below the eaves (not in the sky)
    high, low = (28, 48) if k.towers else (53, 61)
    for j in range(int(k.w // 40) + 1):
        x, y = float(k.rng.uniform(5, k.w - 14)), float(k.rng.uniform(high, low))
        col = NEON[int(k.rng.integers(0, 4))]
        word = words[j % len(words)] if words else ""
        tw = font.measureText(word) if word else 7.3
        r = skia.Rect(x - 1, y - 3.6, x + tw + 1, y + 1.2) if word else skia.Rect(x, y - 9, x + 3.6, y + 1.2)
        k.mid.drawRect(r, fill(k.g.c("#101014")))
        k.mid.drawRect(r, stroke(k.g.c(col, 0.8, lit=0), 0.3))
        if word:
            k.mid.drawString(word, x, y, font, fill(k.g.c(col, lit=0)))
        else:  # an upright panel with a lit mark
            k.mid.drawCircle(r.centerX(), r.top() + 2.4, 1.0, fill(k.g.c(col, lit=0)))
        glow(k.mid, r.centerX(), r.centerY(), tw * 1.1, k.g.c(col, 0.4, lit=0))


def alley(k: Kit) -> None:
    draw_sky(k, k.sky, horizon=40)
    if k.towers:
        buildings(k, k.far, 60, 30, 55, "#242833", wmin=6, wmax=12, win=0.8)
    elif k.region is None:  # before towers: roofs, chimney pots and a spire over the alley's end
        from .eras import old_roofs

        old_roofs(k, k.far, 0, k.w, 60, 12, 22, "#242833")
    else:
        buildings(k, k.far, 60, 14, 26, "#242833", wmin=6, wmax=12, win=1.6, roofs=True)
    brick = "#4a2e26"
    for side in (0, 1):
        x0 = 0 if side == 0 else k.w * 0.62
        x1 = k.w * 0.38 if side == 0 else k.w
        k.mid.drawRect(skia.Rect(x0, 0, x1, 72), fill(k.g.c(brick)))
        line = stroke(k.g.c(mix_hex(brick, "#000000", 0.45)), 0.25)
        for j, y in enumerate(np.arange(1.0, 72.0, 2.2)):
            k.mid.drawLine(x0, float(y), x1, float(y), line)
            for x in np.arange(x0 + (j % 2) * 2.5, x1, 5.0):
                k.mid.drawLine(float(x), float(y), float(x), float(y) + 2.2, line)
        # fire escape
        fx = x0 + (x1 - x0) * 0.3
        iron = stroke(k.g.c("#111111"), 0.5)
        for y in (20.0, 40.0):
            k.mid.drawLine(fx, y, fx + 22, y, iron)
            k.mid.drawLine(fx, y - 6, fx + 22, y - 6, iron)
            for x in np.arange(fx, fx + 23, 2.0):
                k.mid.drawLine(float(x), y - 6, float(x), y, stroke(k.g.c("#111111"), 0.2))
        door = skia.Rect(x1 - 16, 50, x1 - 7, 72) if side == 0 else skia.Rect(x0 + 7, 50, x0 + 16, 72)
        k.mid.drawRect(door, fill(k.g.c("#1a1612")))
        glow(k.mid, door.centerX(), 47, 10, k.g.c("#ffc870", 0.5, lit=0))
        k.mid.drawCircle(door.centerX(), 47.5, 0.8, fill(k.g.c("#fff0c0", lit=0)))
    ground(k, k.near, 70, "#2c2c30", "#121214")
    for _ in range(int(k.w // 25)):
        x = float(k.rng.uniform(0, k.w))
        k.near.drawOval(skia.Rect(x, 80 + float(k.rng.uniform(0, 12)), x + 14, 83 + float(k.rng.uniform(0, 12))),
                        fill(k.g.c("#8a93a8", 0.25, lit=0.5)))
    for x in (k.w * 0.35, k.w * 0.66):
        k.near.drawRoundRect(skia.Rect(x, 62, x + 6, 72), 1, 1, fill(k.g.c("#3a3f3a")))
        k.near.drawRect(skia.Rect(x - 0.5, 61, x + 6.5, 63), fill(k.g.c("#4b514b")))


def bridge(k: Kit) -> None:
    """A bridge over a town's river: the far bank's skyline across the water (towers where they stood,
    else roofs, chimney pots, spires and a dome; a people of the past's own), another bridge's arches
    downstream, the river with the lamps' light trailing on it, the bridge's stone parapet and lamps."""
    from . import eras

    if k.war:
        from .war import smoky_sky

        smoky_sky(k, k.sky, 56)
    else:
        draw_sky(k, k.sky, horizon=56)
    if eras.skyline(k, k.far, skia.Rect(0, 24, k.w, 58)):
        pass
    elif k.war:
        from .war import broken_skyline

        broken_skyline(k, k.far, 58, 30)
    elif k.towers:
        buildings(k, k.far, 58, 14, 36, "#262b38", wmin=5, wmax=10, win=0.6)
    elif k.region is None:
        eras.old_roofs(k, k.far, 0, k.w, 58, 6, 14, "#262b38")
    else:
        landmarks(k, k.far, 0, k.w, 58, 20, "#262b38")
        buildings(k, k.far, 58, 6, 14, "#262b38", wmin=6, wmax=11, win=1.2, roofs=True)
    water = "#1e3040" if k.tod in ("night", "dusk") else "#4a6a80"
    vgrad(k.mid, skia.Rect(0, 58, k.w, 72), [k.g.c(mix_hex(water, "#000000", 0.2)), k.g.c(water)])
    stone = "#6a6458"
    k.mid.drawRect(skia.Rect(0, 57, k.w, 58.6), fill(k.g.c(mix_hex(stone, "#000000", 0.3))))  # the far embankment
    for xx in np.arange(float(k.rng.uniform(-10, 0)), k.w, 16.0):  # the arches of the next bridge downstream
        k.mid.drawRect(skia.Rect(float(xx), 55.6, float(xx) + 16, 57), fill(k.g.c(stone)))
        k.mid.drawArc(skia.Rect(float(xx) + 2, 56, float(xx) + 14, 61), 180, 180, False, stroke(k.g.c(stone), 1.2))
    lamp = k.tod in ("night", "dusk") or k.weather in ("fog", "rain", "storm")
    ripple = stroke(k.g.c("#ffcf7a" if lamp else "#dfe8f0", 0.35 if lamp else 0.3, lit=0), 0.35)
    for xx in np.arange(float(k.rng.uniform(0, 8)), k.w, 9.0):  # lights trailing on the water
        for j in range(4):
            y = 60 + j * 3
            k.mid.drawLine(float(xx) - 1.2 + j * 0.2, y, float(xx) + 1.4 - j * 0.2, y, ripple)
    k.near.drawRect(skia.Rect(0, 66, k.w, 76), fill(k.g.c(stone)))  # the parapet
    k.near.drawRect(skia.Rect(0, 65, k.w, 66.6), fill(k.g.c(mix_hex(stone, "#ffffff", 0.2))))  # its coping
    joint = stroke(k.g.c(mix_hex(stone, "#000000", 0.35)), 0.25)
    for xx in np.arange(0.0, k.w, 7.0):
        k.near.drawLine(float(xx), 66.6, float(xx), 76, joint)
    ground(k, k.near, 76, "#4a4a50", "#26262a")
    for x in np.arange(20.0, k.w, 60.0):
        lamp_post(k, k.near, float(x), 66, 26)


def rooftop(k: Kit) -> None:
    if k.war:  # a broken city burning below (war.py): no water tank or radio mast standing
        from .war import broken_rooftop

        broken_rooftop(k)
        return
    draw_sky(k, k.sky, horizon=66)
    m = k.mid
    if k.rural:  # a village's roofs: hills behind low tiled roofs, no water tanks or masts
        k.far.drawPath(ridge(k.rng, k.w, 60, 14, bumps=3), fill(k.g.c("#5a6a4a")))
        buildings(k, k.far, 70, 6, 12, "#b8a080", wmin=8, wmax=14, win=1.0, roofs=True)
        if k.region == "east_asia":  # grey tiled roofs curving up at the eaves, no chimneys
            for x in np.arange(6.0, k.w, 34.0):
                curved_roof(m, float(x), 70, 24, fill(k.g.c("#4a4e56")), lift=0.34)
            ground(k, k.near, 70, "#5a5e66", "#3a3e46")
            return
        if k.region in ("dry", "africa", "south_asia"):  # flat roofs: the parapet's edge in front
            ground(k, k.near, 70, "#c8a070", "#8a6a48")
            k.near.drawRect(skia.Rect(0, 68, k.w, 71), fill(k.g.c("#b08a60")))
            return
        for x in np.arange(6.0, k.w, 34.0):  # chimneys and tiled ridges in front
            m.drawPath(poly([(float(x), 70), (float(x) + 12, 62), (float(x) + 24, 70)]), fill(k.g.c("#9a4a2a")))
            m.drawRect(skia.Rect(float(x) + 16, 60, float(x) + 19, 66), fill(k.g.c("#7a5a42")))
        ground(k, k.near, 70, "#9a5a3a", "#6a3a26")
        return
    if k.view == "sea":  # a deck high over open water (an oil rig's, a crane cab's): the sea to the horizon
        vgrad(k.far, skia.Rect(0, 56, k.w, 70), [k.g.c("#3a5a70"), k.g.c("#1a3448")])
        crest = stroke(k.g.c("#cfe4f0", 0.45), 0.3)
        for y in np.arange(57.5, 70.0, 2.5):
            for x in np.arange(float(k.rng.uniform(0, 12)), k.w, 16.0):
                k.far.drawLine(float(x), float(y), float(x) + 1.5 + (float(y) - 56) * 0.15, float(y), crest)
        ground(k, k.near, 70, "#5a5e62", "#34383c")
        k.near.drawRect(skia.Rect(0, 66, k.w, 68), fill(k.g.c("#e8c82a")))  # the deck's painted edge
        return
    if not k.towers and k.region is None:  # before towers: roofs crowded with chimney pots, spires, a dome
        from .eras import old_roofs

        old_roofs(k, k.far, 0, k.w, 70, 8, 20, "#262b38")
        for x in np.arange(float(k.rng.uniform(4, 14)), k.w, 38.0):  # the chimney stacks of the roof we are on
            m.drawRect(skia.Rect(float(x), 56, float(x) + 7, 70), fill(k.g.c("#6b3a2a")))
            for px in (float(x) + 1.2, float(x) + 4.4):
                m.drawRect(skia.Rect(px, 52.5, px + 1.6, 56), fill(k.g.c("#9a5a3a")))
        ground(k, k.near, 70, "#4a4a52", "#2a2a30")
        k.near.drawRect(skia.Rect(0, 66, k.w, 71), fill(k.g.c("#5a5a62")))  # the slates' ridge
        return
    landmarks(k, k.far, 0, k.w, 70, 34 if k.towers else 26, "#262b38")  # Cairo's minarets over its roofs
    buildings(k, k.far, 70, 10, 35 if k.towers else 18, "#262b38", wmin=4, wmax=9, win=0.5 if k.towers else 1.2,
              roofs=not k.towers)
    tank = k.w * 0.72
    if water_towers(k):  # a wooden water tank on stilts: North America's roofs, nobody else's
        for lx in (tank + 1, tank + 11):
            m.drawLine(lx, 70, lx, 48, stroke(k.g.c("#1c1c1c"), 0.8))
        m.drawRect(skia.Rect(tank - 1, 30, tank + 13, 48), fill(k.g.c("#5a3e2a")))
        m.drawPath(poly([(tank - 2, 30), (tank + 6, 24), (tank + 14, 30)]), fill(k.g.c("#3a2a1e")))
    else:  # the stairhead's little housing with its door, onto the roof
        wall_ = "#c8a878" if k.region in ("dry", "south_asia", "africa") else "#6a625a"
        m.drawRect(skia.Rect(tank - 2, 54, tank + 14, 70), fill(k.g.c(wall_)))
        m.drawRect(skia.Rect(tank - 3, 52.5, tank + 15, 54.5), fill(k.g.c(mix_hex(wall_, "#000000", 0.3))))
        m.drawRect(skia.Rect(tank + 3, 59, tank + 9, 70), fill(k.g.c("#3a2a1e")))
    m.drawRect(skia.Rect(k.w * 0.2, 50, k.w * 0.2 + 5, 70), fill(k.g.c("#6b3a2a")))
    if k.year is None or k.year >= 1920:  # a radio mast with its warning light: not before radio
        m.drawLine(k.w * 0.45, 70, k.w * 0.45, 30, stroke(k.g.c("#222222"), 0.4))
        m.drawLine(k.w * 0.45 - 4, 36, k.w * 0.45 + 4, 36, stroke(k.g.c("#222222"), 0.4))
        glow(m, k.w * 0.45, 30, 4, k.g.c("#ff3030", 0.7, lit=0))
    ground(k, k.near, 70, "#4a4a4e", "#2a2a2e")
    k.near.drawRect(skia.Rect(0, 66, k.w, 71), fill(k.g.c("#6a625a")))


def interior(k: Kit, *, paper: str = "#6b5a48", blinds: bool = True) -> None:
    """A room nobody described (a family's house, a bedroom): wallpaper, a window, a door and a lamp;
    where the story is set in a region that builds otherwise, that region's room (homes.py)."""
    if _regional_home(k):
        return
    wall(k, k.sky, paper, trim="#3b2a1e")
    window(k, k.far, skia.Rect(k.w * 0.5 - 14, 14, k.w * 0.5 + 14, 46), "#2a2018", blinds=blinds)
    k.far.drawRect(skia.Rect(k.w * 0.2, 30, k.w * 0.2 + 12, 70), fill(k.g.c("#3a2618")))
    k.far.drawCircle(k.w * 0.2 + 10, 51, 0.7, fill(k.g.c("#c8a050")))
    floor(k, k.near, 70, "#5a3b26", boards=True)
    lampx = k.w * 0.78
    k.mid.drawRect(skia.Rect(lampx - 6, 58, lampx + 6, 70), fill(k.g.c("#3b2a1e")))
    if k.year is not None and k.year < 1890:  # before electric light: an oil lamp on the cabinet
        k.mid.drawRect(skia.Rect(lampx - 1.8, 54, lampx + 1.8, 58), fill(k.g.c("#a8823a")))
        k.mid.drawOval(skia.Rect(lampx - 1.3, 47.5, lampx + 1.3, 54), fill(k.g.c("#f4e6b8", 0.55, lit=0.3)))
        glow(k.mid, lampx, 51, 11, k.g.c("#ffc070", 0.55, lit=0))
        return
    k.mid.drawLine(lampx, 58, lampx, 44, stroke(k.g.c("#222222"), 0.5))
    k.mid.drawPath(poly([(lampx - 4, 44), (lampx - 2, 38), (lampx + 2, 38), (lampx + 4, 44)]),
                   fill(k.g.c("#e8d8a8", lit=0.3)))
    glow(k.mid, lampx, 42, 16, k.g.c("#ffd68a", 0.5, lit=0))


def office(k: Kit) -> None:
    wall(k, k.sky, "#7a6a52", trim="#4a3424")
    window(k, k.far, skia.Rect(k.w * 0.5 - 22, 10, k.w * 0.5 + 22, 50), "#2a2018", blinds=True)
    k.far.drawRect(skia.Rect(k.w * 0.15, 30, k.w * 0.15 + 12, 70), fill(k.g.c("#5a4a3a", 0.9)))
    k.far.drawRect(skia.Rect(k.w * 0.15 + 1, 32, k.w * 0.15 + 11, 48), fill(k.g.c("#c8c0a0", 0.5, lit=0.4)))
    shelves(k, k.far, k.w * 0.78, k.w * 0.78 + 16, 30, 66, "#4a3020", bottles=False, books=True)
    floor(k, k.near, 70, "#4a3424", boards=True)
    dx = k.w * 0.5
    k.near.drawRect(skia.Rect(dx - 20, 74, dx + 20, 77), fill(k.g.c("#3a2416")))
    k.near.drawRect(skia.Rect(dx - 18, 77, dx + 18, 92), fill(k.g.c("#2e1c10")))
    k.near.drawRect(skia.Rect(dx + 8, 69, dx + 9, 74), fill(k.g.c("#222222")))
    k.near.drawPath(poly([(dx + 5, 70), (dx + 7, 66), (dx + 10, 66), (dx + 12, 70)]), fill(k.g.c("#2a5a3a")))
    glow(k.near, dx + 8.5, 70, 12, k.g.c("#ffd68a", 0.45, lit=0))


def bar(k: Kit) -> None:
    wall(k, k.sky, "#3a2028", stripes=True)
    shelves(k, k.far, k.w * 0.1, k.w * 0.9, 24, 52, "#5a3a22")
    k.far.drawRect(skia.Rect(k.w * 0.3, 8, k.w * 0.7, 20), fill(k.g.c("#151018")))
    if k.neon:
        col = NEON[0] if k.scifi or k.night else "#ffb23f"
        k.far.drawRoundRect(skia.Rect(k.w * 0.33, 10, k.w * 0.67, 18), 2, 2, stroke(k.g.c(col, lit=0), 0.7))
        glow(k.far, k.w * 0.5, 14, 26, k.g.c(col, 0.4, lit=0))
    else:  # an inn or tavern: a painted board over the bar and a fire's glow, no electric sign
        k.far.drawRect(skia.Rect(k.w * 0.36, 9, k.w * 0.64, 19), fill(k.g.c("#5a3a1e")))
        k.far.drawRect(skia.Rect(k.w * 0.36, 9, k.w * 0.64, 19), stroke(k.g.c("#c8a040"), 0.6))
        glow(k.far, k.w * 0.15, 50, 30, k.g.c("#ff9a3a", 0.35, lit=0))
    for x in np.arange(k.w * 0.15, k.w, 40.0):
        hanging_lamp(k, k.mid, float(x), 22, cone=True)
    floor(k, k.near, 70, "#2a1a14", boards=True)
    counter(k, k.near, 62, "#4a2a18", "#7a4a2a")
    for x in np.arange(10.0, k.w, 22.0):
        k.near.drawRect(skia.Rect(float(x), 74, float(x) + 1, 88), fill(k.g.c("#222222")))
        k.near.drawOval(skia.Rect(float(x) - 4, 72, float(x) + 5, 75), fill(k.g.c("#6a1a1a")))


def saloon(k: Kit) -> None:
    plank = "#8a5a32"
    wall(k, k.sky, plank)
    line = stroke(k.g.c("#4a2a14"), 0.3)
    for x in np.arange(0.0, k.w, 5.0):
        k.sky.drawLine(float(x), 0, float(x), 70, line)
    shelves(k, k.far, k.w * 0.25, k.w * 0.75, 26, 50, "#5a341a")
    k.far.drawRect(skia.Rect(k.w * 0.4, 12, k.w * 0.6, 22), fill(k.g.c("#e8d8b0", lit=0.5)))
    k.far.drawRect(skia.Rect(k.w * 0.4, 12, k.w * 0.6, 22), stroke(k.g.c("#3a2210"), 0.8))
    # swinging doors letting the daylight in
    dx = k.w * 0.1
    k.far.drawRect(skia.Rect(dx, 34, dx + 14, 70), fill(k.g.c("#f8e0a0", lit=0.2)))
    for i in (0, 1):
        k.far.drawRect(skia.Rect(dx + i * 7, 44, dx + i * 7 + 6.8, 60), fill(k.g.c("#6a3a18")))
    # wagon-wheel chandelier
    cx = k.w * 0.5
    k.mid.drawLine(cx, 0, cx, 8, stroke(k.g.c("#222222"), 0.3))
    k.mid.drawOval(skia.Rect(cx - 14, 7, cx + 14, 11), stroke(k.g.c("#3a2210"), 0.8))
    for x in np.linspace(cx - 13, cx + 13, 6):
        glow(k.mid, float(x), 7, 7, k.g.c("#ffc860", 0.5, lit=0))
        k.mid.drawCircle(float(x), 7, 0.6, fill(k.g.c("#fff0b0", lit=0)))
    floor(k, k.near, 70, "#6a4424", boards=True)
    counter(k, k.near, 64, "#6a3a1a", "#9a6a3a")


def _regional_home(k: Kit) -> bool:
    """Draw the room as the world's region builds a home (homes.py), where it builds otherwise than
    Europe; False where it does not (nothing is drawn then)."""
    from .homes import draw_home, home_style

    style = home_style(k, plain=True)
    if style is not None:
        draw_home(k, style)
    return style is not None


def apartment(k: Kit) -> None:
    if _regional_home(k):
        return
    wall(k, k.sky, "#8a7a6a", trim="#5a4a3a", stripes=True)
    window(k, k.far, skia.Rect(k.w * 0.62, 14, k.w * 0.62 + 22, 48), "#ece4d0", blinds=False)
    for x in (k.w * 0.25, k.w * 0.38):
        k.far.drawRect(skia.Rect(x, 22, x + 8, 32), fill(k.g.c("#3a3028")))
        k.far.drawRect(skia.Rect(x + 1, 23, x + 7, 31), fill(k.g.c("#a89878")))
    floor(k, k.near, 70, "#6a4a30", boards=True)
    sx = k.w * 0.25
    k.mid.drawRoundRect(skia.Rect(sx, 54, sx + 30, 70), 2, 2, fill(k.g.c("#5a2a2a")))
    k.mid.drawRoundRect(skia.Rect(sx - 2, 58, sx + 32, 66), 2, 2, fill(k.g.c("#6a3232")))
    lx = k.w * 0.15
    if k.year is not None and k.year < 1890:  # before electric light: an oil lamp on a little table
        k.mid.drawRect(skia.Rect(lx - 4, 58, lx + 4, 59.2), fill(k.g.c("#4a2e1a")))
        for dx in (-3.2, 3.2):
            k.mid.drawLine(lx + dx, 59, lx + dx, 70, stroke(k.g.c("#3a2414"), 0.6))
        k.mid.drawRect(skia.Rect(lx - 1.6, 54, lx + 1.6, 58), fill(k.g.c("#a8823a")))
        k.mid.drawOval(skia.Rect(lx - 1.2, 48, lx + 1.2, 54), fill(k.g.c("#f4e6b8", 0.55, lit=0.3)))
        glow(k.mid, lx, 51, 12, k.g.c("#ffc070", 0.55, lit=0))
        return
    k.mid.drawLine(lx, 70, lx, 42, stroke(k.g.c("#222222"), 0.5))
    k.mid.drawPath(poly([(lx - 4, 44), (lx - 2, 38), (lx + 2, 38), (lx + 4, 44)]), fill(k.g.c("#f0e0b8", lit=0.3)))
    glow(k.mid, lx, 42, 16, k.g.c("#ffd68a", 0.5, lit=0))


def ballroom(k: Kit) -> None:
    wall(k, k.sky, "#6a3a3a", floor=72)
    for x in np.arange(10.0, k.w, 30.0):
        r = skia.Rect(float(x), 14, float(x) + 14, 60)
        window(k, k.far, r, "#d8b870", city=False)
        k.far.drawRect(skia.Rect(float(x) + 18, 4, float(x) + 23, 72), fill(k.g.c("#e8dcc0")))
    for x in np.arange(k.w * 0.25, k.w, k.w * 0.5):
        cx = float(x)
        k.mid.drawLine(cx, 0, cx, 8, stroke(k.g.c("#a08040"), 0.3))
        for i, rr in enumerate((8.0, 5.0)):
            k.mid.drawOval(skia.Rect(cx - rr, 9 + i * 3, cx + rr, 12 + i * 3), fill(k.g.c("#d8b860", lit=0.3)))
        glow(k.mid, cx, 12, 26, k.g.c("#ffe0a0", 0.55, lit=0))
    floor(k, k.near, 72, "#a08a6a", tiles=True)


def warehouse(k: Kit) -> None:
    if k.war:  # a gutted factory or store in a war (war.py): holes in the roof, fallen girders, rubble
        from .war import gutted_hall

        gutted_hall(k)
        return
    wall(k, k.sky, "#4a4e52", floor=72)
    line = stroke(k.g.c("#2a2e32"), 0.35)
    for x in np.arange(0.0, k.w, 2.5):
        k.sky.drawLine(float(x), 0, float(x), 72, line)
    for x in np.arange(8.0, k.w, 26.0):
        window(k, k.far, skia.Rect(float(x), 8, float(x) + 16, 20), "#2a2e32", city=False)
    for x in np.arange(20.0, k.w, 45.0):
        hanging_lamp(k, k.mid, float(x), 24)
    for x in np.arange(5.0, k.w, 38.0):
        s = float(k.rng.uniform(8, 12))
        crate(k, k.mid, float(x), 72, s, "#7a5a32")
        crate(k, k.mid, float(x) + 2, 72 - s, s * 0.8, "#6a4a28")
    floor(k, k.near, 72, "#3a3a3a")


def lab(k: Kit) -> None:
    wall(k, k.sky, "#b8c4c8", floor=72)
    line = stroke(k.g.c("#8a9a9e"), 0.3)
    for x in np.arange(0.0, k.w, 12.0):
        k.sky.drawLine(float(x), 0, float(x), 72, line)
    for x in np.arange(8.0, k.w, 34.0):
        console(k, k.far, float(x), 36, 14, 14, "#5a6a70", "#3ae0c8" if k.scifi else "#7ac850")
    for x in np.arange(24.0, k.w, 56.0):
        tube = skia.Rect(float(x), 30, float(x) + 9, 70)
        k.mid.drawRoundRect(tube, 3, 3, fill(k.g.c("#4ac8b0", 0.35, lit=0)))
        glow(k.mid, tube.centerX(), 50, 14, k.g.c("#4ac8b0", 0.35, lit=0))
        k.mid.drawRoundRect(tube, 3, 3, stroke(k.g.c("#dfe8ea"), 0.6))
        k.mid.drawRect(skia.Rect(float(x) - 1, 68, float(x) + 10, 72), fill(k.g.c("#5a6a70")))
    floor(k, k.near, 72, "#8a9498", tiles=True)
    for y in (6.0,):
        k.sky.drawRect(skia.Rect(0, y, k.w, y + 1.5), fill(k.g.c("#f4fbff", lit=0)))


def spaceship(k: Kit) -> None:
    k.sky.drawRect(skia.Rect(0, 0, k.w, 100), fill(k.g.c("#2a3038")))
    stars(k, k.sky, skia.Rect(k.w * 0.3, 12, k.w * 0.7, 50))
    if k.body == "moon":  # a lander or a rover on the Moon: the Earth in its viewport
        earth(k, k.sky, k.w * 0.58, 30, 6)
        moon_ground(k, k.sky, k.w * 0.3, k.w * 0.7, 40, 3, 50)
    else:
        planet(k, k.sky, k.w * 0.58, 36, 9, "#c1643a", "#8a3a1e")
    # the hull around the viewport: a frame with curved corners, ribs, light strips
    hull = k.far
    hull.save()
    hole = skia.Path()
    hole.addRoundRect(skia.Rect(k.w * 0.3, 12, k.w * 0.7, 50), 8, 8)
    hull.clipPath(hole, skia.ClipOp.kDifference, True)
    vgrad(hull, skia.Rect(0, 0, k.w, 72), [k.g.c("#3a4250"), k.g.c("#596474")])
    hull.restore()
    hull.drawRoundRect(skia.Rect(k.w * 0.3, 12, k.w * 0.7, 50), 8, 8, stroke(k.g.c("#8a96a8"), 1.2))
    for x in np.arange(0.0, k.w, 22.0):
        if k.w * 0.3 - 2 < x < k.w * 0.7 + 2:
            continue
        hull.drawRect(skia.Rect(float(x), 0, float(x) + 1.2, 72), fill(k.g.c("#2a303a")))
        hull.drawRect(skia.Rect(float(x) + 5, 20, float(x) + 15, 34), stroke(k.g.c("#2a303a"), 0.4))
    strip = "#7ae8ff" if not k.g.mono else "#ffffff"
    hull.drawRect(skia.Rect(0, 4, k.w, 5.2), fill(k.g.c(strip, lit=0)))
    glow(hull, k.w * 0.5, 4.6, 30, k.g.c(strip, 0.3, lit=0))
    for x in np.arange(6.0, k.w, 60.0):
        if k.w * 0.3 - 16 < x < k.w * 0.7:
            continue
        console(k, k.mid, float(x), 52, 16, 12, "#3a4250", "#3ad8ff")
    floor(k, k.near, 72, "#30363e")
    grate = stroke(k.g.c("#1a1e24"), 0.3)
    for x in np.arange(0.0, k.w, 3.0):
        k.near.drawLine(float(x), 72, float(x) + (float(x) - k.w / 2) * 0.6, 100, grate)


def space_station(k: Kit) -> None:
    k.sky.drawRect(skia.Rect(0, 0, k.w, 100), fill(k.g.c("#20262e")))
    if k.body == "moon":  # a base on the Moon: its windows on grey dust, the Earth over the horizon
        moon_sky(k, k.sky, skia.Rect(0, 6, k.w, 58), horizon=46)
        moon_ground(k, k.sky, 0, k.w, 46, 5, 58)
    else:
        stars(k, k.sky, skia.Rect(0, 6, k.w, 58), n=260)
        planet(k, k.sky, k.w * 0.35, 70, 42, "#c86a3a", "#8a3a1e")
    fr = k.far
    for x in np.arange(0.0, k.w, 30.0):
        fr.drawRect(skia.Rect(float(x), 0, float(x) + 3, 62), fill(k.g.c("#4a5260")))
    fr.drawRect(skia.Rect(0, 0, k.w, 6), fill(k.g.c("#4a5260")))
    fr.drawRect(skia.Rect(0, 58, k.w, 72), fill(k.g.c("#3a4250")))
    fr.drawRect(skia.Rect(0, 57, k.w, 58.5), fill(k.g.c("#7ae8ff", lit=0)))
    glow(fr, k.w * 0.5, 58, 40, k.g.c("#7ae8ff", 0.25, lit=0))
    for x in np.arange(10.0, k.w, 50.0):
        crate(k, k.mid, float(x), 72, 9, "#8a8a7a")
        k.mid.drawLine(float(x) + 4.5, 63, float(x) + 4.5, 40, stroke(k.g.c("#c8c8c0"), 0.4))
    floor(k, k.near, 72, "#3a404a", tiles=True)


def mars_dome(k: Kit) -> None:
    """A colony's dome seen from inside: its ribs against the sky, habitat modules and greenhouse
    racks; outside, Mars's red ground under its butterscotch sky, or on the Moon grey dust and the
    Earth in a black sky (Kit.body)."""
    draw_sky(k, k.sky, horizon=58, mars=k.body != "moon")
    if k.body == "moon":
        moon_ground(k, k.far, 0, k.w, 58, 8, 80)
    else:
        k.far.drawPath(ridge(k.rng, k.w, 58, 12, bumps=3, bottom=80), fill(k.g.c("#8a3a22")))
        k.far.drawPath(ridge(k.rng, k.w, 60, 5, bumps=5, bottom=80), fill(k.g.c("#a8502e")))
    m = k.mid
    # the dome seen from inside: meridian ribs and a few latitude rings of glass, lit by the sky
    cx, top, base = k.w * 0.5, -30.0, 66.0
    half = k.w * 0.75
    rib = stroke(k.g.c("#e8f0f8", 0.45, lit=0.3), 0.5)
    for f in (0.15, 0.38, 0.62, 0.85, 1.0):
        m.drawArc(skia.Rect(cx - half * f, top, cx + half * f, base + (base - top)), 180, 180, False, rib)
    for y in (6.0, 26.0):
        m.drawLine(0, y, k.w, y, stroke(k.g.c("#e8f0f8", 0.25, lit=0.3), 0.35))
    # habitat modules, greenhouse racks and beacons inside the dome
    for x in np.arange(6.0, k.w, 34.0):
        hw = float(k.rng.uniform(12, 20))
        m.drawRoundRect(skia.Rect(float(x), 50, float(x) + hw, 66), 4, 4, fill(k.g.c("#d8d4cc")))
        m.drawRect(skia.Rect(float(x) + 2, 55, float(x) + hw - 2, 57), fill(k.g.c("#7ae8ff", 0.9, lit=0)))
        m.drawCircle(float(x) + hw / 2, 49.5, 0.7, fill(k.g.c("#ff5a3a", lit=0)))
        glow(m, float(x) + hw / 2, 49.5, 3.5, k.g.c("#ff5a3a", 0.6, lit=0))
        if k.rng.random() < 0.5:
            for j in range(3):
                m.drawRect(skia.Rect(float(x) + hw + 2, 52 + j * 5, float(x) + hw + 12, 53 + j * 5),
                           fill(k.g.c("#4a9a4a")))
                for q in range(5):
                    m.drawCircle(float(x) + hw + 3 + q * 2, 51.5 + j * 5, 0.9, fill(k.g.c("#6ac85a")))
    ground(k, k.near, 66, "#b0a8a0", "#6a625a")
    line = stroke(k.g.c("#7a726a"), 0.25)
    for x in np.arange(-40.0, k.w + 40, 9.0):
        k.near.drawLine(float(x), 66, k.w / 2 + (float(x) - k.w / 2) * 1.8, 100, line)


def mars_plain(k: Kit) -> None:
    """The open ground of Mars: a pink-butterscotch sky, rust-red ridges and dunes, scattered dark
    rocks, nothing growing."""
    draw_sky(k, k.sky, horizon=62, mars=True)
    k.far.drawPath(ridge(k.rng, k.w, 62, 14, bumps=3), fill(k.g.c("#8a3a22")))
    k.mid.drawPath(ridge(k.rng, k.w, 68, 6, bumps=3, rough=0.0), fill(k.g.c("#b0583a")))
    ground(k, k.near, 70, "#c0683e", "#7a3a22")
    for _ in range(int(k.w // 10)):
        x = float(k.rng.uniform(0, k.w))
        y = float(k.rng.uniform(72, 96))
        r = float(k.rng.uniform(0.6, 2.2)) * (y - 60) / 30
        k.near.drawOval(skia.Rect(x - r * 1.4, y - r, x + r * 1.4, y), fill(k.g.c("#4a2418")))


def moon_plain(k: Kit) -> None:
    """The open ground of the Moon: grey regolith and craters to low worn hills, a black sky with
    stars and the Earth in it, scattered boulders, nothing growing."""
    draw_sky(k, k.sky, horizon=62)
    moon_ground(k, k.far, 0, k.w, 62, 8, 100)
    for _ in range(int(k.w // 12)):  # boulders, each with its hard black shadow (no air to soften it)
        x = float(k.rng.uniform(0, k.w))
        y = float(k.rng.uniform(74, 96))
        r = float(k.rng.uniform(0.6, 2.0)) * (y - 60) / 30
        k.near.drawOval(skia.Rect(x - r * 0.4, y - r * 0.3, x + r * 3.2, y + r * 0.25), fill(k.g.c("#141414", pull=0)))
        k.near.drawOval(skia.Rect(x - r * 1.3, y - r * 1.1, x + r * 1.3, y), fill(k.g.c("#8a8884", pull=0)))


#: Kinds of open ground drawn as the world's own where the story is off the Earth (Kit.body): no
#: cactus, pine, palm or sea on the Moon or Mars.
BARE_KINDS = frozenset({"desert", "mountain", "forest", "beach", "sea", "village", "ruins"})


def bare_ground(k: Kit) -> None:
    """The open ground of the world off the Earth the story is on: the Moon's or Mars's."""
    (moon_plain if k.body == "moon" else mars_plain)(k)


def _in_the_americas(country: str | None) -> bool:
    """Where cacti grow wild: the Americas, or a world in no real country (a western's, a fable's)."""
    from ...narrative.gazetteer import continent_of  # (the gazetteer's continents, read once)

    return country is None or continent_of(country) in ("NA", "SA")


def desert(k: Kit) -> None:
    if k.view == "mars" or k.body is not None:  # a desert on Mars or the Moon has no cactus under a blue sky
        bare_ground(k)
        return
    draw_sky(k, k.sky, horizon=62)
    mesa = ridge(k.rng, k.w, 62, 16, bumps=2, rough=0.0)
    k.far.save()
    k.far.clipRect(skia.Rect(0, 50, k.w, 100))  # flat tops: mesas and buttes
    k.far.drawPath(mesa, fill(k.g.c("#a8603a")))
    k.far.restore()
    k.mid.drawPath(ridge(k.rng, k.w, 68, 6, bumps=3, rough=0.0), fill(k.g.c("#d49a5a")))
    ground(k, k.near, 70, "#e0b070", "#b07a40")
    k.near.drawPath(ridge(k.rng, k.w, 72, 3, bumps=4, rough=0.0), fill(k.g.c("#d8a460")))
    west = "western" in k.genres
    # (cacti are the Americas': Rome's arena has scrub and stones, the Silk Road's dunes none)
    cacti = west or (_in_the_americas(k.country) and (k.country is not None or k.region is None))
    for x in np.arange(float(k.rng.uniform(5, 20)), k.w, 45.0):
        if cacti and (west or k.rng.random() < 0.5):
            col = k.g.c("#3a6a32")
            x = float(x)
            k.mid.drawRoundRect(skia.Rect(x - 1.2, 50, x + 1.2, 68), 1.2, 1.2, fill(col))
            k.mid.drawRoundRect(skia.Rect(x - 5, 55, x - 3, 61), 1, 1, fill(col))
            k.mid.drawRect(skia.Rect(x - 5, 59.5, x, 61), fill(col))
            k.mid.drawRoundRect(skia.Rect(x + 3, 53, x + 5, 59), 1, 1, fill(col))
            k.mid.drawRect(skia.Rect(x, 57.5, x + 5, 59), fill(col))
        else:
            k.mid.drawOval(skia.Rect(float(x), 64, float(x) + 8, 70), fill(k.g.c("#8a5a3a")))


def forest(k: Kit) -> None:
    """Pines on a far ridge and dark trunks in front; East Asia's a bamboo grove, Africa's open
    woodland of flat-topped acacias, South Asia's jungle (Kit.region); the tropics' jungle
    (Kit.tropical)."""
    if k.war:  # a wood on the front line: trunks shelled to splinters, shell holes (war.py)
        from .war import front_line

        front_line(k, wood=True)
        return
    if k.region in REGION_WOODS:
        REGION_WOODS[k.region](k)
        return
    if k.tropical:
        _jungle(k)
        return
    draw_sky(k, k.sky, horizon=55)
    k.far.drawPath(ridge(k.rng, k.w, 56, 10, bumps=4), fill(k.g.c("#5a7a8a")))
    haze = k.g.c("#4a6a5a")
    for x in np.arange(0.0, k.w, 5.5):
        pine(k.far, float(x) + float(k.rng.uniform(-2, 2)), 62, float(k.rng.uniform(12, 20)), haze)
    dark = k.g.c("#24402a")
    for x in np.arange(0.0, k.w, 14.0):
        pine(k.mid, float(x) + float(k.rng.uniform(-4, 4)), 68, float(k.rng.uniform(30, 46)), dark)
    ground(k, k.near, 66, "#3a5a2a", "#1e3018")
    for x in np.arange(0.0, k.w, 30.0):
        xx = float(x) + float(k.rng.uniform(0, 20))
        k.near.drawRect(skia.Rect(xx, 0, xx + 4.5, 70), fill(k.g.c("#3a2a1e")))
        k.near.drawRect(skia.Rect(xx + 3, 0, xx + 4.5, 70), fill(k.g.c("#2a1e14")))
    for x in np.arange(0.0, k.w, 3.0):
        y = 92 + float(k.rng.uniform(0, 6))
        k.near.drawPath(poly([(float(x), y + 3), (float(x) + 1.5, y - 3), (float(x) + 3, y + 3)]), fill(k.g.c("#2e4a22")))


def mountain(k: Kit) -> None:
    """Snow-capped peaks over pines; in East Asia steep peaks in bands of mist with pines on their
    crags, in Africa a lone peak over savanna with acacias (Kit.region). A peak takes its land's
    climate (Kit.warm, Kit.tropical): in the tropics steep green hills under jungle, in a warm land
    bare rock and scrub, and no snow on either (nor on Africa's peak). Where a war's front line runs
    (Kit.war), a ridge torn by shells under smoke (war.py)."""
    if k.war:
        from .war import front_line

        front_line(k)
        return
    if k.region == "east_asia":
        _misty_peaks(k)
        return
    if k.warm and k.region != "africa":
        (_green_peaks if k.tropical else _rocky_hills)(k)
        return
    draw_sky(k, k.sky, horizon=60)
    peaks = ridge(k.rng, k.w, 60, 34, bumps=3, rough=0.6)
    k.far.drawPath(peaks, fill(k.g.c("#6a7080")))
    if not k.warm:  # snow on the tops
        k.far.save()
        k.far.clipPath(peaks, doAntiAlias=True)
        k.far.drawRect(skia.Rect(0, 0, k.w, 38), fill(k.g.c("#f0f4f8")))
        k.far.restore()
    if k.region == "africa":  # savanna below the peak: tawny grass, flat-topped acacias
        k.mid.drawPath(ridge(k.rng, k.w, 66, 8, bumps=3), fill(k.g.c("#a08a4a")))
        for x in np.arange(4.0, k.w, 26.0):
            acacia(k, k.mid, float(x) + float(k.rng.uniform(-6, 6)), 70, float(k.rng.uniform(10, 15)))
        ground(k, k.near, 70, "#b09858", "#7a6a3a")
        return
    k.mid.drawPath(ridge(k.rng, k.w, 66, 12, bumps=4), fill(k.g.c("#4a5a4a")))
    for x in np.arange(0.0, k.w, 9.0):
        pine(k.mid, float(x) + float(k.rng.uniform(-3, 3)), 70, float(k.rng.uniform(8, 14)), k.g.c("#2a3a2a"))
    ground(k, k.near, 70, "#6a6a60", "#3a3a34")
    for _ in range(int(k.w // 15)):
        x = float(k.rng.uniform(0, k.w))
        k.near.drawOval(skia.Rect(x, 84, x + float(k.rng.uniform(4, 10)), 90), fill(k.g.c("#7a7a70")))


def _green_peaks(k: Kit) -> None:
    """The tropics' hills (a desert island's lookout peak): steep green volcanic peaks furrowed with
    darker ravines, a cloud caught on the summit, jungle and palms on the ridge below, grass and
    dark rock underfoot; no snow."""
    draw_sky(k, k.sky, horizon=62)
    peaks = ridge(k.rng, k.w, 62, 36, bumps=3, rough=0.35)
    k.far.drawPath(peaks, fill(k.g.c("#5a8a52")))
    k.far.save()
    k.far.clipPath(peaks, doAntiAlias=True)
    ravine = fill(k.g.c("#3e6e3c"))
    for x in np.arange(float(k.rng.uniform(0, 9)), k.w, 9.0):  # the ravines running down the slopes
        lean = float(k.rng.uniform(-3, 3))
        k.far.drawPath(poly([(float(x), 20), (float(x) + 1.6, 20), (float(x) + lean + 3.2, 62),
                             (float(x) + lean, 62)]), ravine)
    k.far.restore()
    cloud = fill(k.g.c("#f4f6f4", 0.8, lit=0.6))
    cx = k.w * float(k.rng.uniform(0.3, 0.7))
    for dx, dy, r in ((-8, 0, 5), (-2, -2, 6), (5, 0, 5), (11, 1, 4)):
        k.far.drawOval(skia.Rect(cx + dx - r * 1.6, 30 + dy - r * 0.6, cx + dx + r * 1.6, 30 + dy + r * 0.6), cloud)
    k.mid.drawPath(ridge(k.rng, k.w, 64, 8, bumps=5), fill(k.g.c("#2e5e2e")))
    crown, light = k.g.c("#2a5a2a"), k.g.c("#4a7a3a")
    for x in np.arange(0.0, k.w, 7.0):  # the jungle's canopy along the ridge
        round_tree(k.mid, float(x) + float(k.rng.uniform(-2, 2)), 70, float(k.rng.uniform(9, 14)),
                   k.g.c("#3a2a1e"), crown, light)
    for x in np.arange(float(k.rng.uniform(4, 16)), k.w, 31.0):
        palm_far(k, k.mid, float(x), 70, float(k.rng.uniform(15, 20)))
    ground(k, k.near, 70, "#6a8a3a", "#3a5a26")
    for _ in range(int(k.w // 18)):
        x = float(k.rng.uniform(0, k.w))
        k.near.drawOval(skia.Rect(x, 84, x + float(k.rng.uniform(4, 9)), 89), fill(k.g.c("#4a4a40")))


def _rocky_hills(k: Kit) -> None:
    """A warm land's hills (Greece, the Sinai, Rajasthan's Aravallis): bare rock in bands of
    sandstone, scrub on the slopes, and in Europe's warm south dark cypresses and grey olives; no
    snow."""
    draw_sky(k, k.sky, horizon=62)
    peaks = ridge(k.rng, k.w, 62, 30, bumps=3, rough=0.5)
    k.far.drawPath(peaks, fill(k.g.c("#b49a76")))
    k.far.save()
    k.far.clipPath(peaks, doAntiAlias=True)
    band = stroke(k.g.c("#96785a"), 0.6)
    for y in np.arange(36.0, 62.0, 4.0):  # the rock's strata
        k.far.drawLine(0, float(y), k.w, float(y) + 1.5, band)
    k.far.restore()
    k.mid.drawPath(ridge(k.rng, k.w, 66, 10, bumps=4), fill(k.g.c("#9a7a56")))
    scrub = fill(k.g.c("#6a6a3a"))
    for x in np.arange(0.0, k.w, 5.0):
        xx, yy = float(x) + float(k.rng.uniform(-2, 2)), 66 + float(k.rng.uniform(-3, 4))
        k.mid.drawOval(skia.Rect(xx - 1.4, yy - 1.0, xx + 1.4, yy + 0.6), scrub)
    if k.region is None:  # the Mediterranean's cypresses and olives
        for x in np.arange(float(k.rng.uniform(3, 12)), k.w, 17.0):
            h = float(k.rng.uniform(9, 14))
            k.mid.drawOval(skia.Rect(float(x) - 1.3, 70 - h, float(x) + 1.3, 70), fill(k.g.c("#2e4a2a")))
            round_tree(k.mid, float(x) + 7, 70, 7, k.g.c("#4a3a2a"), k.g.c("#7a8a6a"), k.g.c("#9aa88a"))
    ground(k, k.near, 70, "#b89a70", "#8a6a48")
    for _ in range(int(k.w // 12)):
        x = float(k.rng.uniform(0, k.w))
        k.near.drawOval(skia.Rect(x, 80 + float(k.rng.uniform(0, 12)), x + float(k.rng.uniform(3, 8)),
                                  84 + float(k.rng.uniform(0, 12))), fill(k.g.c("#9a8468")))


def acacia(k: Kit, c: skia.Canvas, x: float, base: float, h: float) -> None:
    """A flat-topped acacia: a forked leaning trunk under a wide flat crown."""
    trunk = stroke(k.g.c("#4a3a28"), h * 0.07)
    c.drawLine(x, base, x + h * 0.1, base - h * 0.6, trunk)
    c.drawLine(x + h * 0.1, base - h * 0.6, x - h * 0.35, base - h * 0.9, stroke(k.g.c("#4a3a28"), h * 0.045))
    c.drawLine(x + h * 0.1, base - h * 0.6, x + h * 0.45, base - h * 0.92, stroke(k.g.c("#4a3a28"), h * 0.045))
    crown = fill(k.g.c("#4a5a2a"))
    c.drawOval(skia.Rect(x - h * 0.75, base - h * 1.08, x + h * 0.8, base - h * 0.86), crown)
    c.drawOval(skia.Rect(x - h * 0.4, base - h * 1.16, x + h * 0.5, base - h * 0.98), crown)


def _acacia_woods(k: Kit) -> None:
    """Open woodland of Africa: a hazy far ridge, tawny grass, flat-topped acacias and thorn scrub."""
    draw_sky(k, k.sky, horizon=58)
    k.far.drawPath(ridge(k.rng, k.w, 58, 6, bumps=2), fill(k.g.c("#8a8a7a")))
    k.far.drawRect(skia.Rect(0, 58, k.w, 66), fill(k.g.c("#b8a060")))
    for x in np.arange(0.0, k.w, 18.0):
        acacia(k, k.far, float(x) + float(k.rng.uniform(-5, 5)), 63, float(k.rng.uniform(6, 9)))
    for x in np.arange(10.0, k.w, 48.0):
        acacia(k, k.mid, float(x) + float(k.rng.uniform(-10, 10)), 70, float(k.rng.uniform(26, 34)))
    ground(k, k.near, 66, "#b89a58", "#8a6a3a")
    grass = stroke(k.g.c("#8a7a3a"), 0.4)
    for x in np.arange(0.0, k.w, 2.0):
        y = 90 + float(k.rng.uniform(0, 8))
        k.near.drawLine(float(x), y, float(x) + float(k.rng.uniform(-1.5, 1.5)), y - 5, grass)


def _bamboo_grove(k: Kit) -> None:
    """A bamboo grove of East Asia: ranks of tall green stalks, jointed at each node, sprays of thin
    leaves, mist between the ranks and pale light through them."""
    draw_sky(k, k.sky, horizon=60)
    for depth, (col, step, wide, base) in enumerate((("#8aa88a", 4.0, 0.8, 64.0), ("#4a7a3a", 7.0, 1.6, 70.0))):
        c = (k.far, k.mid)[depth]
        if depth == 1:  # mist between the ranks
            c.drawRect(skia.Rect(0, 0, k.w, 70), fill(k.g.c("#dce8dc", 0.28, lit=0.5)))
        node = stroke(k.g.c(mix_hex(col, "#1a2a10", 0.45)), 0.25)
        leaf = stroke(k.g.c(mix_hex(col, "#2a4a1a", 0.3)), 0.5)
        for x in np.arange(0.0, k.w, step):
            xx = float(x) + float(k.rng.uniform(-step * 0.4, step * 0.4))
            lean = float(k.rng.uniform(-1.5, 1.5))
            c.drawLine(xx, base, xx + lean, 0, stroke(k.g.c(col), wide))
            for yy in np.arange(base - 6.0, 0.0, -7.0):
                f = 1 - float(yy) / base
                c.drawLine(xx + lean * f - wide, float(yy), xx + lean * f + wide, float(yy), node)
                if depth == 1 and k.rng.random() < 0.35:  # a spray of leaves from the node
                    side = 1 if k.rng.random() < 0.5 else -1
                    for dy in (-1.5, 0.0, 1.5):
                        c.drawLine(xx + lean * f, float(yy), xx + lean * f + side * 5, float(yy) + dy + 1.5, leaf)
    ground(k, k.near, 66, "#6a7a4a", "#3a4a2a")
    litter = fill(k.g.c("#a89a5a"))
    for x in np.arange(0.0, k.w, 3.0):
        y = 88 + float(k.rng.uniform(0, 8))
        k.near.drawOval(skia.Rect(float(x), y, float(x) + 2.4, y + 0.8), litter)


def _misty_peaks(k: Kit) -> None:
    """East Asia's mountains as its painters saw them: steep, tall peaks standing in bands of mist,
    paler as they recede, crooked pines on the nearer crags."""
    draw_sky(k, k.sky, horizon=62)
    mist = fill(k.g.c("#e8ecec", 0.55, lit=0.6))
    for i, (col, top, hw) in enumerate((("#9aa4a8", 14.0, 7.0), ("#6a7a7a", 24.0, 9.0), ("#3e4e48", 34.0, 12.0))):
        c = (k.far, k.far, k.mid)[i]
        x = float(k.rng.uniform(-10, 10))
        while x < k.w + hw:
            t = top + float(k.rng.uniform(-6, 8))
            w = hw * float(k.rng.uniform(0.7, 1.3))
            p = skia.Path()
            p.moveTo(x - w, 72)
            p.cubicTo(x - w * 0.7, t + 20, x - w * 0.5, t, x, t)
            p.cubicTo(x + w * 0.5, t, x + w * 0.7, t + 20, x + w, 72)
            p.close()
            c.drawPath(p, fill(k.g.c(col)))
            if i == 2:  # a crooked pine clinging to the crag
                px, py = x + w * 0.2, t + 4
                c.drawLine(px, py + 4, px + 2, py, stroke(k.g.c("#2a2a20"), 0.6))
                c.drawOval(skia.Rect(px - 1, py - 1.6, px + 6, py + 0.6), fill(k.g.c("#2a3a2a")))
            x += w * float(k.rng.uniform(1.2, 1.9))
        c.drawRect(skia.Rect(0, top + 22 + i * 4, k.w, top + 34 + i * 4), mist)  # the band of mist below them
    ground(k, k.near, 70, "#5a6a4a", "#3a4432")
    for x in np.arange(0.0, k.w, 40.0):
        pine(k.near, float(x) + float(k.rng.uniform(0, 20)), 74, float(k.rng.uniform(10, 16)), k.g.c("#22301e"))


def _jungle(k: Kit) -> None:
    """Jungle: a hazy green wall of canopy, tall pale trunks under broad crowns, palms, lianas hanging,
    and big leaves in the foreground."""
    draw_sky(k, k.sky, horizon=55)
    haze = k.g.c("#5a8a5e")
    for x in np.arange(0.0, k.w + 6, 6.0):  # the far canopy: a wall of crowns
        k.far.drawCircle(float(x), 52 + float(k.rng.uniform(-4, 3)), float(k.rng.uniform(5, 8)), fill(haze))
    k.far.drawRect(skia.Rect(0, 52, k.w, 66), fill(haze))
    trunk, crown, light = k.g.c("#8a7a62"), k.g.c("#24582a"), k.g.c("#3e7a36")
    for x in np.arange(float(k.rng.uniform(0, 10)), k.w, 21.0):
        h = float(k.rng.uniform(40, 58))
        k.mid.drawRect(skia.Rect(float(x) - 1.4, 68 - h, float(x) + 1.4, 68), fill(trunk))
        for dx, dy, r in ((0, 0, 9), (-7, 3, 7), (7, 2, 7.5), (2, -5, 6)):
            k.mid.drawCircle(float(x) + dx, 68 - h + dy, r, fill(crown))
        k.mid.drawCircle(float(x) - 2, 68 - h - 3, 3.2, fill(light))
        vine = skia.Path()  # a liana hanging from the crown
        vine.moveTo(float(x) + 5, 68 - h + 6)
        vine.quadTo(float(x) + 9, 68 - h * 0.5, float(x) + 6, 68 - h * 0.25)
        k.mid.drawPath(vine, stroke(k.g.c("#2e4a22"), 0.5))
    for x in np.arange(float(k.rng.uniform(8, 20)), k.w, 43.0):
        palm_far(k, k.mid, float(x), 68, float(k.rng.uniform(22, 30)))
    ground(k, k.near, 66, "#3e6a2a", "#1e3a16")
    leaf = fill(k.g.c("#2e6a2a"))
    for x in np.arange(float(k.rng.uniform(0, 8)), k.w, 16.0):  # big leaves fanning up from the floor
        for a in (-0.9, -0.45, 0.0, 0.45, 0.9):
            k.near.save()
            k.near.translate(float(x), 96)
            k.near.rotate(math.degrees(a))
            k.near.drawOval(skia.Rect(-1.6, -11, 1.6, 0), leaf)
            k.near.restore()


#: A region's woods, drawn instead of Europe's pine forest (Kit.region).
REGION_WOODS: dict[str, Callable[[Kit], None]] = {"east_asia": _bamboo_grove, "africa": _acacia_woods,
                                                  "south_asia": _jungle}


#: Views (dressing.view_of) of places under the sea.
UNDERWATER = ("wreck", "underwater")


def sea(k: Kit) -> None:
    if k.view in UNDERWATER:
        underwater(k)
        return
    if k.site == "rapids":  # a river's white water, not the open sea from a ship's deck
        rapids(k)
        return
    draw_sky(k, k.sky, horizon=58)
    k.far.drawPath(ridge(k.rng, k.w * 0.4, 58, 4, bumps=2, bottom=58.5), fill(k.g.c("#3a4a5a")))
    from . import coast  # (coast draws on this module's Kit)

    if coast.heavy(k):  # the shot's storm or rain heaps the sea into grey swell and breaking crests
        coast.sea_band(k, k.mid, 58, 100)
    else:
        vgrad(k.mid, skia.Rect(0, 58, k.w, 100), [k.g.c("#2a5a7a"), k.g.c("#0e2a40")])
        crest = stroke(k.g.c("#cfe4f0", 0.5), 0.35)
        for y in np.arange(60.0, 100.0, 3.0):
            for x in np.arange(float(k.rng.uniform(0, 10)), k.w, 14.0):
                k.mid.drawLine(float(x), float(y), float(x) + 2 + (float(y) - 58) * 0.12, float(y), crest)
    # the deck of the boat we stand on
    k.near.drawRect(skia.Rect(0, 74, k.w, 100), fill(k.g.c("#7a5a3a")))
    for y in np.arange(76.0, 100.0, 4.0):
        k.near.drawLine(0, float(y), k.w, float(y), stroke(k.g.c("#4a3422"), 0.3))
    if k.year is not None and k.year < 1850:  # a wooden ship's bulwark and its rail, no white railing
        k.near.drawRect(skia.Rect(0, 66, k.w, 74), fill(k.g.c("#5a3a22")))
        k.near.drawRect(skia.Rect(0, 65, k.w, 66.6), fill(k.g.c("#7a5232")))
        for x in np.arange(6.0, k.w, 22.0):
            k.near.drawRect(skia.Rect(float(x), 66.6, float(x) + 1.6, 74), fill(k.g.c("#4a2e1a")))
        return
    rail = stroke(k.g.c("#d8d0c0"), 0.6)
    k.near.drawLine(0, 64, k.w, 64, rail)
    for x in np.arange(0.0, k.w, 8.0):
        k.near.drawLine(float(x), 64, float(x), 74, rail)


def underwater(k: Kit) -> None:
    """Under the sea: blue-green water darkening with depth, shafts of light from the surface, a
    sandy bed with rocks and swaying weed, bubbles; at a wreck, a sunken ship's broken hull and
    masts lying on the bed."""
    vgrad(k.sky, skia.Rect(0, 0, k.w, 100), [k.g.c("#2a9aa8"), k.g.c("#12586a"), k.g.c("#072634")])
    shaft = skia.Paint(Color=k.g.c("#d8f4f0", 0.1, lit=0), BlendMode=skia.BlendMode.kPlus, AntiAlias=True)
    for i in range(int(k.w / 40) + 1):
        x = i * 40.0 + float(k.rng.uniform(0, 20))
        k.sky.drawPath(poly([(x, 0), (x + 7, 0), (x + 22, 80), (x + 12, 80)]), shaft)
    k.far.drawPath(ridge(k.rng, k.w, 74, 10, bumps=4, bottom=100), fill(k.g.c("#0e3a44")))
    if k.view == "wreck":  # the hull on its side, ribs showing through a hole, a broken mast
        hx = k.w * 0.62
        hull = poly([(hx - 40, 74), (hx - 34, 52), (hx + 30, 46), (hx + 44, 58), (hx + 40, 74)])
        k.far.drawPath(hull, fill(k.g.c("#3a2a1e")))
        plank = stroke(k.g.c("#22180f"), 0.4)
        for j in range(1, 5):
            k.far.drawLine(hx - 37 + j * 0.8, 74 - j * 5.2, hx + 42 - j * 0.6, 74 - j * 4.2, plank)
        k.far.drawPath(poly([(hx - 6, 60), (hx + 8, 57), (hx + 10, 70), (hx - 4, 72)]), fill(k.g.c("#0a1c22")))
        rib = stroke(k.g.c("#4a3626"), 0.8)
        for j in range(4):
            k.far.drawLine(hx - 4 + j * 3.6, 59, hx - 2 + j * 3.4, 71, rib)
        k.far.drawLine(hx - 20, 52, hx - 52, 22, stroke(k.g.c("#2e2218"), 1.6))  # the mast, leaning
        k.far.drawLine(hx - 40, 36, hx - 28, 42, stroke(k.g.c("#2e2218"), 0.8))
    ground(k, k.near, 76, "#c8b48a", "#6a6048")
    for i in range(int(k.w / 18) + 1):
        x = i * 18.0 + float(k.rng.uniform(-5, 5))
        if i % 3 == 0:
            k.mid.drawOval(skia.Rect(x - 5, 72, x + 5, 79), fill(k.g.c("#3a4a48")))
        weed = skia.Path()
        weed.moveTo(x + 6, 80)
        weed.cubicTo(x + 2, 70, x + 10, 64, x + 5, 54 + float(k.rng.uniform(0, 6)))
        k.mid.drawPath(weed, stroke(k.g.c("#2a6a3a"), 1.1))
    bubble = stroke(k.g.c("#dff4f4", 0.55, lit=0), 0.3)
    for i in range(int(k.w / 25) + 1):
        x = i * 25.0 + float(k.rng.uniform(0, 12))
        for j in range(4):
            k.mid.drawCircle(x + (j % 2) * 1.2, 66 - j * 11 - float(k.rng.uniform(0, 4)), 0.6 + 0.25 * j, bubble)


def rapids(k: Kit) -> None:
    """A river's rapids seen from its bank: the river pouring toward us down a wooded valley (bare
    rock and scrub in a warm land), white water torn over dark boulders, a foam collar and a white
    tongue below each, standing waves; a shingle bank of stones underfoot. No ship, no sea horizon."""
    draw_sky(k, k.sky, horizon=50)
    cx = k.w * float(k.rng.uniform(0.4, 0.6))
    k.far.drawPath(ridge(k.rng, k.w, 50, 12, bumps=2, rough=0.3), fill(k.g.c("#5a6a7a")))
    slope = "#8a7a5a" if k.warm else "#3e5a44"
    for side in (-1, 1):  # the valley's sides coming down to the water
        edge = cx + side * 5
        far_x = -10.0 if side < 0 else k.w + 10
        k.far.drawPath(poly([(far_x, 30), (edge + side * 14, 46), (edge, 57), (far_x, 74)]), fill(k.g.c(slope)))
        if not k.warm:
            for i in range(9):
                t = (i + float(k.rng.uniform(0, 0.6))) / 9
                x = edge + side * 14 + (far_x - edge - side * 14) * t
                pine(k.far, x, 47 + 18 * t, 8 + 10 * t, k.g.c("#243a2a"))
    river = poly([(cx - 5, 56), (cx + 5, 56), (k.w + 30, 86), (-30, 86)])
    k.mid.drawPath(river, fill(k.g.c("#2e4e52")))
    vgrad(k.mid, skia.Rect(0, 56, k.w, 86), [k.g.c("#6a8a8a", 0.6), k.g.c("#1e3a40", 0.0)])
    k.mid.save()
    k.mid.clipPath(river, doAntiAlias=True)
    white = k.g.c("#f4f8f8", 0.85)
    for _ in range(int(k.w * 1.2)):  # streaks of white water running toward us
        y = float(k.rng.uniform(56, 86))
        spread = (y - 56) / 30
        x = cx + float(k.rng.uniform(-1, 1)) * (6 + (k.w * 0.6) * spread)
        n = 1.5 + 7 * spread
        k.mid.drawLine(x, y, x + (x - cx) * 0.06, y + n, stroke(white, 0.3 + 0.7 * spread))
    for _ in range(int(k.w // 10)):  # standing waves breaking white
        y = float(k.rng.uniform(60, 84))
        w = 3 + (y - 56) * 0.5
        x = cx + float(k.rng.uniform(-1, 1)) * (k.w * 0.6) * (y - 56) / 30
        k.mid.drawArc(skia.Rect(x - w, y - w * 0.25, x + w, y + w * 0.25), 180, 180, False,
                      stroke(white, 0.5 + (y - 56) * 0.03))
    for _ in range(int(k.w // 14)):  # boulders the river tears white over
        y = float(k.rng.uniform(60, 84))
        r = 1.5 + (y - 56) * 0.22
        x = cx + float(k.rng.uniform(-1, 1)) * (k.w * 0.55) * (y - 56) / 30
        k.mid.drawOval(skia.Rect(x - r * 1.6, y - r * 0.2, x + r * 1.6, y + r * 0.6), fill(white))  # the foam collar
        k.mid.drawPath(poly([(x - r, y + r * 0.3), (x + r, y + r * 0.3), (x, y + r * 2.2)]), fill(white))  # its tongue
        k.mid.drawOval(skia.Rect(x - r, y - r * 0.7, x + r, y + r * 0.4), fill(k.g.c("#3a3a38")))
        k.mid.drawOval(skia.Rect(x - r * 0.7, y - r * 0.7, x + r * 0.4, y - r * 0.1), fill(k.g.c("#6a6a64")))
    k.mid.restore()
    ground(k, k.near, 84, "#8a8474", "#5a564a")  # the shingle bank we stand on
    for _ in range(int(k.w // 6)):
        x, y = float(k.rng.uniform(-4, k.w)), float(k.rng.uniform(85, 99))
        r = 0.6 + (y - 84) * 0.12
        k.near.drawOval(skia.Rect(x - r * 1.4, y - r, x + r * 1.4, y), fill(k.g.c(mix_hex("#7a766a", "#3a3832",
                                                                                          float(k.rng.uniform(0, 1))))))
    for x in (k.w * float(k.rng.uniform(0.02, 0.15)), k.w * float(k.rng.uniform(0.85, 0.98))):  # boulders on it
        k.near.drawOval(skia.Rect(x - 9, 80, x + 9, 92), fill(k.g.c("#4a4840")))
        k.near.drawOval(skia.Rect(x - 7, 80.5, x + 3, 85), fill(k.g.c("#6e6c62")))


def beach(k: Kit) -> None:
    if k.site == "rapids":  # a river's bank at its rapids, not a sandy shore
        rapids(k)
        return
    draw_sky(k, k.sky, horizon=56)
    vgrad(k.far, skia.Rect(0, 56, k.w, 70), [k.g.c("#3a8ab0"), k.g.c("#6ac0d0")])
    foam = stroke(k.g.c("#ffffff", 0.7), 0.5)
    k.mid.drawPath(ridge(k.rng, k.w, 69, 1.5, bumps=9, rough=0.0, bottom=100), fill(k.g.c("#f0d8a8")))
    k.mid.drawPath(ridge(k.rng, k.w, 69.5, 1.5, bumps=9, rough=0.0, bottom=100), foam)
    ground(k, k.near, 74, "#e8cc98", "#c8a470")
    if not k.warm:  # a northern shore: tufts of dune grass, no palms
        grass = stroke(k.g.c("#8a9a5a"), 0.5)
        for x in np.arange(4.0, k.w, 23.0):
            for j in range(7):
                bx = float(x) + j * 0.9
                k.near.drawLine(bx, 76, bx + (j - 3) * 1.3, 68 + abs(j - 3) * 1.2, grass)
        return
    for x in np.arange(10.0, k.w, 70.0):
        x = float(x)
        trunk = poly([(x, 74), (x + 2, 74), (x + 6, 30), (x + 4.8, 30)])
        k.near.drawPath(trunk, fill(k.g.c("#7a5a3a")))
        for ang in np.linspace(0, 2 * np.pi, 7)[:-1]:
            k.near.drawLine(x + 5.5, 30, x + 5.5 + 13 * float(np.cos(ang)), 30 + 6 * float(np.sin(ang)) + 3,
                            stroke(k.g.c("#2a7a3a"), 2.2))


def castle(k: Kit) -> None:
    draw_sky(k, k.sky, horizon=62)
    k.far.drawPath(ridge(k.rng, k.w, 64, 14, bumps=3), fill(k.g.c("#4a5a48")))
    stone = k.g.c("#6a6660")
    dark = k.g.c("#3a3834")
    cx = k.w * 0.5
    m = k.mid
    m.drawRect(skia.Rect(cx - 40, 34, cx + 40, 70), fill(stone))
    for x in np.arange(cx - 40, cx + 40, 4.0):
        m.drawRect(skia.Rect(float(x), 31.5, float(x) + 2.2, 34.2), fill(stone))
    for tx in (cx - 44, cx - 8, cx + 32):
        m.drawRect(skia.Rect(tx, 14, tx + 12, 70), fill(stone))
        m.drawPath(poly([(tx - 1.5, 14), (tx + 6, 2), (tx + 13.5, 14)]), fill(k.g.c("#3a2a4a")))
        m.drawRect(skia.Rect(tx + 4.5, 22, tx + 7.5, 27), fill(k.g.c(WINDOW, lit=0) if k.tod != "day" else dark))
        m.drawLine(tx + 6, 2, tx + 6, -4, stroke(dark, 0.3))
        m.drawPath(poly([(tx + 6, -4), (tx + 11, -2.5), (tx + 6, -1)]), fill(k.g.c("#a82a2a")))
    m.drawPath(poly([(cx - 6, 70), (cx - 6, 56), (cx, 50), (cx + 6, 56), (cx + 6, 70)]), fill(dark))
    for x in np.arange(cx - 34, cx + 34, 10.0):
        m.drawRect(skia.Rect(float(x), 42, float(x) + 2, 46), fill(k.g.c(WINDOW, lit=0) if k.night else dark))
    ground(k, k.near, 70, "#6a6a5a", "#3a3a30")
    line = stroke(k.g.c("#4a4a40"), 0.25)
    for y in np.arange(72.0, 100.0, 3.5):
        k.near.drawLine(0, float(y), k.w, float(y), line)


def _house_wall(k: Kit, x: float, wide: tuple[float, float], high: tuple[float, float],
                colours: tuple[str, ...]) -> tuple[float, float, str]:
    """A village house's front wall at ``x`` on the ground line (70): its width, top and colour."""
    hw = float(k.rng.uniform(*wide))
    top = float(k.rng.uniform(*high))
    col = colours[int(k.rng.integers(0, len(colours)))]
    k.mid.drawRect(skia.Rect(x, top, x + hw, 70), fill(k.g.c(col)))
    return hw, top, col


def village(k: Kit) -> None:
    draw_sky(k, k.sky, horizon=62)
    dry = k.region in ("dry", "africa")
    k.far.drawPath(ridge(k.rng, k.w, 62, 10, bumps=3), fill(k.g.c("#a08a5a" if dry else "#5a7a4a")))
    for x in np.arange(0.0, k.w, 30.0):
        if (k.region == "dry" and k.warm) or (k.tropical and k.rng.random() < 0.5):
            palm_far(k, k.far, float(x) + float(k.rng.uniform(0, 20)), 62, 12)
            continue
        round_tree(k.far, float(x) + float(k.rng.uniform(0, 20)), 62, 10, k.g.c("#4a3a2a"),
                   k.g.c("#6a7a3a" if dry else "#3a5a32"), k.g.c("#8a9a4a" if dry else "#5a7a42"))
    if k.region in REGION_HOUSES:
        REGION_HOUSES[k.region](k)
        return
    x = 2.0
    while x < k.w:
        hw, top, col = _house_wall(k, x, (14, 22), (44, 52), ("#e8dcc0", "#d8c8a0", "#c8b8a0"))
        beam = stroke(k.g.c("#4a3222"), 0.6)
        k.mid.drawLine(x, top + 6, x + hw, top + 6, beam)
        k.mid.drawLine(x + hw / 2, top, x + hw / 2, 70, beam)
        k.mid.drawPath(poly([(x - 2, top), (x + hw / 2, top - hw * 0.45), (x + hw + 2, top)]), fill(k.g.c("#6a3a2a")))
        if k.weather == "snow":  # snow on the roof, thickest at the ridge
            k.mid.drawPath(poly([(x - 1, top - 1.2), (x + hw / 2, top - hw * 0.45), (x + hw + 1, top - 1.2),
                                 (x + hw / 2, top - hw * 0.3)]), fill(k.g.c("#f0f4f8")))
        k.mid.drawRect(skia.Rect(x + hw * 0.7, top - hw * 0.4, x + hw * 0.8, top - hw * 0.15), fill(k.g.c("#5a4a42")))
        lit = k.tod != "day"
        k.mid.drawRect(skia.Rect(x + 2, top + 9, x + 6, top + 13),
                       fill(k.g.c(WINDOW, lit=0) if lit else k.g.c("#3a3028")))
        if lit:
            glow(k.mid, x + 4, top + 11, 6, k.g.c(WINDOW, 0.4, lit=0))
        k.mid.drawRect(skia.Rect(x + hw - 7, 62, x + hw - 3, 70), fill(k.g.c("#4a3222")))
        x += hw + float(k.rng.uniform(4, 14))
    ground(k, k.near, 70, "#8a7a5a", "#5a4a34")
    fence = stroke(k.g.c("#6a4a2a"), 0.6)
    k.near.drawLine(0, 78, k.w * 0.3, 78, fence)
    for xx in np.arange(0.0, k.w * 0.3, 4.0):
        k.near.drawLine(float(xx), 74, float(xx), 82, fence)


def palm_far(k: Kit, c: skia.Canvas, x: float, base: float, h: float) -> None:
    """A date or coconut palm on the skyline: a leaning trunk, a crown of drooping fronds (their size
    with the tree's)."""
    f = h / 12
    top = x + 1.5 * f
    c.drawLine(x, base, top, base - h, stroke(k.g.c("#5a4630"), 0.8 * f))
    leaf = stroke(k.g.c("#4a6a32"), 0.7 * f)
    for a in (-2.4, -1.9, -1.2, -0.6, 0.0):
        c.drawLine(top, base - h, top + 4.5 * f * math.cos(a + 0.8), base - h + f * (3 * math.sin(a + 0.8) + 1.5), leaf)
        c.drawLine(top, base - h, top - 4.5 * f * math.cos(a + 0.8), base - h + f * (3 * math.sin(a + 0.8) + 1.5), leaf)


def _lit_window(k: Kit, r: skia.Rect, dark: str) -> None:
    lit = k.tod != "day"
    k.mid.drawRect(r, fill(k.g.c(WINDOW, lit=0) if lit else k.g.c(dark)))
    if lit:
        glow(k.mid, r.centerX(), r.centerY(), 6, k.g.c(WINDOW, 0.4, lit=0))


def _east_asian_houses(k: Kit) -> None:
    """A village of East Asia: low timber-framed houses with pale paper-and-plaster panels between
    dark posts, on a stone footing, under grey tiled roofs whose eaves curve up; a bamboo fence."""
    x = 2.0
    while x < k.w:
        hw = float(k.rng.uniform(18, 26))
        top = float(k.rng.uniform(50, 55))
        k.mid.drawRect(skia.Rect(x - 0.5, 67.5, x + hw + 0.5, 70), fill(k.g.c("#8a8478")))  # the stone footing
        k.mid.drawRect(skia.Rect(x, top, x + hw, 67.5), fill(k.g.c("#e8e0c8")))
        post = fill(k.g.c("#3a2a1e"))
        n = max(3, int(hw / 5))
        for i in range(n + 1):
            px = x + i * hw / n
            k.mid.drawRect(skia.Rect(px - 0.6, top, px + 0.6, 67.5), post)
        k.mid.drawRect(skia.Rect(x, top + 5.5, x + hw, top + 6.3), post)  # the lintel rail
        lattice = stroke(k.g.c("#6a5a46"), 0.25)
        for i in range(n):  # paper screens: a fine lattice in each bay under the rail
            bx = x + i * hw / n
            for j in range(1, 4):
                k.mid.drawLine(bx + j * hw / n / 4, top + 6.3, bx + j * hw / n / 4, 67.5, lattice)
            if i == 1:
                _lit_window(k, skia.Rect(bx + 0.8, top + 8, bx + hw / n - 0.8, top + 12.5), "#d8ceb4")
        curved_roof(k.mid, x, top, hw, fill(k.g.c("#4a4e56")), lift=0.36)
        if k.weather == "snow":
            k.mid.drawRect(skia.Rect(x + hw * 0.24, top - hw * 0.36 - 0.6, x + hw * 0.76, top - hw * 0.3),
                           fill(k.g.c("#f0f4f8")))
        x += hw + float(k.rng.uniform(8, 16))
    ground(k, k.near, 70, "#9a8a68", "#6a5a40")
    bamboo = stroke(k.g.c("#8a8a4a"), 0.7)
    k.near.drawLine(0, 76, k.w * 0.3, 76, bamboo)
    k.near.drawLine(0, 79.5, k.w * 0.3, 79.5, bamboo)
    for xx in np.arange(0.0, k.w * 0.3, 1.6):
        k.near.drawLine(float(xx), 74, float(xx), 82, bamboo)


def _mud_brick_houses(k: Kit) -> None:
    """A village of the dry lands: flat-roofed houses of mud brick, some of two storeys, with small
    dark windows, a parapet, the roof beams' ends poking out, and an arched doorway."""
    x = 2.0
    while x < k.w:
        hw, top, col = _house_wall(k, x, (14, 24), (44, 56), ("#c8a070", "#b8906a", "#d4b080"))
        k.mid.drawRect(skia.Rect(x - 0.4, top - 1.5, x + hw + 0.4, top), fill(k.g.c(mix_hex(col, "#000000", 0.15))))
        beam = fill(k.g.c("#5a4030"))
        for bx in np.arange(x + 2.0, x + hw - 1, 4.0):
            k.mid.drawRect(skia.Rect(float(bx), top + 2.5, float(bx) + 1.2, top + 3.5), beam)
        _lit_window(k, skia.Rect(x + 2.5, top + 7, x + 5, top + 10), "#3a2a20")
        door = x + hw - 8
        k.mid.drawRect(skia.Rect(door, 62, door + 4.5, 70), fill(k.g.c("#4a3020")))
        k.mid.drawCircle(door + 2.25, 62, 2.25, fill(k.g.c("#4a3020")))
        x += hw + float(k.rng.uniform(1, 8))
    ground(k, k.near, 70, "#c8a878", "#8a6a48")


def _round_huts(k: Kit) -> None:
    """A village of Africa south of the Sahara: round huts of red-brown mud under steep cones of
    thatch, a dark doorway in each, a thorn fence round the compound."""
    x = 4.0
    while x < k.w:
        hw = float(k.rng.uniform(12, 18))
        top = float(k.rng.uniform(56, 60))
        k.mid.drawRoundRect(skia.Rect(x, top, x + hw, 70), 1.5, 1.5, fill(k.g.c("#a8643a")))
        k.mid.drawRect(skia.Rect(x, top, x + hw, top + 2), fill(k.g.c("#7a4628")))  # the eave's shadow
        k.mid.drawPath(poly([(x - 2.5, top + 1), (x + hw / 2, top - hw * 0.75), (x + hw + 2.5, top + 1)]),
                       fill(k.g.c("#c8a458")))
        thatch = stroke(k.g.c("#9a7a3a"), 0.3)
        for f in (0.25, 0.5, 0.75):
            k.mid.drawLine(x + hw / 2, top - hw * 0.75, x - 2.5 + (hw + 5) * f, top + 1, thatch)
        door = x + hw * 0.55
        k.mid.drawRoundRect(skia.Rect(door, 62.5, door + 3.5, 70), 1.5, 1.5, fill(k.g.c("#2a1a12")))
        x += hw + float(k.rng.uniform(6, 14))
    ground(k, k.near, 70, "#b0784a", "#7a4a2a")
    thorn = stroke(k.g.c("#5a4a30"), 0.4)
    for xx in np.arange(0.0, k.w * 0.3, 2.5):
        k.near.drawLine(float(xx), 80, float(xx) + 1.8, 75, thorn)
        k.near.drawLine(float(xx) + 1.8, 80, float(xx), 75.5, thorn)


def shikhara(k: Kit, c: skia.Canvas, x: float, base: float, h: float) -> None:
    """A Hindu temple's spire: a tall curving tower ribbed in courses, a ribbed disc (the amalaka)
    and a finial at its top, a saffron pennant flying."""
    w = h * 0.32
    p = skia.Path()
    p.moveTo(x - w, base)
    p.cubicTo(x - w, base - h * 0.55, x - w * 0.45, base - h * 0.9, x, base - h)
    p.cubicTo(x + w * 0.45, base - h * 0.9, x + w, base - h * 0.55, x + w, base)
    p.close()
    c.drawPath(p, fill(k.g.c("#e2cfa8")))
    c.save()
    c.clipPath(p, doAntiAlias=True)
    course = stroke(k.g.c("#a88a5a"), 0.4)
    for y in np.arange(base - 2.0, base - h, -2.6):
        c.drawLine(x - w, float(y), x + w, float(y), course)
    c.drawLine(x, base, x, base - h, stroke(k.g.c("#b89a68"), 0.8))
    c.restore()
    c.drawOval(skia.Rect(x - 2.4, base - h - 1.6, x + 2.4, base - h + 0.4), fill(k.g.c("#c8a870")))
    c.drawLine(x, base - h - 1.6, x, base - h - 6, stroke(k.g.c("#6a4a2a"), 0.35))
    c.drawPath(poly([(x, base - h - 6), (x + 4.5, base - h - 5), (x, base - h - 3.8)]), fill(k.g.c("#ff8a1a")))


def _south_asian_houses(k: Kit) -> None:
    """A village or old town of South Asia: flat-roofed houses washed in bright colours behind a
    low parapet, a sloping stone shade (a chhajja) over each window, a carved wooden door hung with
    a string of leaves, a temple's spire rising among them; red earth underfoot."""
    shikhara(k, k.mid, k.w * float(k.rng.uniform(0.35, 0.65)), 70, 30)
    x = 2.0
    while x < k.w:
        hw, top, col = _house_wall(k, x, (14, 22), (46, 56), WASHES)
        k.mid.drawRect(skia.Rect(x - 0.4, top - 1.8, x + hw + 0.4, top), fill(k.g.c(mix_hex(col, "#000000", 0.2))))
        shade = fill(k.g.c(mix_hex(col, "#5a4030", 0.45)))
        for wx in (x + 2.5, x + hw * 0.5):
            _lit_window(k, skia.Rect(wx, top + 8, wx + 3.2, top + 12), "#2a2a3a")
            k.mid.drawPath(poly([(wx - 1, top + 6.5), (wx + 4.2, top + 6.5), (wx + 5, top + 8), (wx - 1.8, top + 8)]),
                           shade)
        door = x + hw - 7.5
        k.mid.drawRect(skia.Rect(door, 61, door + 4.5, 70), fill(k.g.c("#6a3a1e")))
        k.mid.drawRect(skia.Rect(door, 61, door + 4.5, 70), stroke(k.g.c("#3a1e0e"), 0.4))
        for j in range(5):  # the toran: mango leaves strung over the door
            k.mid.drawCircle(door + 0.4 + j * 0.95, 61.6 + (j % 2) * 0.5, 0.45, fill(k.g.c("#3a8a32")))
        x += hw + float(k.rng.uniform(1, 6))
    ground(k, k.near, 70, "#b47a4e", "#7a4a2c")


def bazaar(k: Kit, base: float = 66) -> None:
    """A South Asian street's shopfronts: striped cloth awnings over the stalls at the street's
    edge, painted boards above them and, since electricity, a tangle of wires overhead."""
    cloth = ("#d84a2a", "#2a8a5a", "#e8b82a", "#2a5ab8", "#c83a7a")
    for i, x in enumerate(np.arange(float(k.rng.uniform(0, 6)), k.w, 19.0)):
        x = float(x)
        col = cloth[(i + int(k.rng.integers(0, 5))) % 5]
        k.mid.drawRect(skia.Rect(x + 1, base - 14, x + 15, base - 11), fill(k.g.c(WASHES[i % len(WASHES)])))
        awning = poly([(x, base - 10.5), (x + 16, base - 10.5), (x + 17.5, base - 6.5), (x - 1.5, base - 6.5)])
        k.mid.drawPath(awning, fill(k.g.c(col)))
        k.mid.save()
        k.mid.clipPath(awning, doAntiAlias=True)
        for sx in np.arange(x - 1.0, x + 18, 3.2):
            k.mid.drawRect(skia.Rect(float(sx), base - 10.5, float(sx) + 1.4, base - 6.5),
                           fill(k.g.c("#f4ead8", 0.85)))
        k.mid.restore()
        k.mid.drawRect(skia.Rect(x + 1, base - 6.5, x + 15, base), fill(k.g.c("#2a2018")))  # the stall's shadow
    if k.year is None or k.year >= 1900:
        wire = stroke(k.g.c("#1a1a1a"), 0.25)
        for j in range(4):
            p = skia.Path()
            y0 = float(k.rng.uniform(18, 30))
            p.moveTo(0, y0)
            p.quadTo(k.w / 2, y0 + float(k.rng.uniform(4, 10)), k.w, y0 + float(k.rng.uniform(-3, 3)))
            k.mid.drawPath(p, wire)


#: A region's village, drawn instead of Europe's gabled houses (Kit.region).
REGION_HOUSES: dict[str, Callable[[Kit], None]] = {"east_asia": _east_asian_houses, "dry": _mud_brick_houses,
                                                   "south_asia": _south_asian_houses, "africa": _round_huts}


def ruins(k: Kit) -> None:
    if k.war or k.site in ("trench", "no_mans_land"):  # a war's ruins: a trench, no man's land, a shelled shell
        from .war import ruins_of_war

        ruins_of_war(k)
        return
    draw_sky(k, k.sky, horizon=62)
    k.far.drawPath(ridge(k.rng, k.w, 64, 10, bumps=3), fill(k.g.c("#6a5a4a")))
    stone = k.g.c("#9a9080")
    for x in np.arange(8.0, k.w, 22.0):
        h = float(k.rng.uniform(12, 34))
        x = float(x)
        k.mid.drawRect(skia.Rect(x, 70 - h, x + 5, 70), fill(stone))
        k.mid.drawPath(poly([(x - 0.5, 70 - h), (x + 2, 70 - h - float(k.rng.uniform(1, 4))), (x + 5.5, 70 - h)]),
                       fill(stone))
        for yy in np.arange(70 - h + 3, 70, 4.0):
            k.mid.drawLine(x, float(yy), x + 5, float(yy), stroke(k.g.c("#6a6458"), 0.25))
    # a gate still standing: two columns and their lintel
    gx = k.w * 0.4
    for x in (gx + 2, gx + 24):
        k.mid.drawRect(skia.Rect(x, 34, x + 4, 70), fill(stone))
    k.mid.drawRect(skia.Rect(gx, 30, gx + 30, 34), fill(stone))
    ground(k, k.near, 70, "#7a6a58", "#4a4034")
    for _ in range(int(k.w // 8)):
        x = float(k.rng.uniform(0, k.w))
        s = float(k.rng.uniform(1, 3.5))
        k.near.drawRect(skia.Rect(x, 76 + float(k.rng.uniform(0, 18)), x + s * 1.5, 76 + s + float(k.rng.uniform(0, 18))),
                        fill(k.g.c("#8a8070")))


def train(k: Kit) -> None:
    # the country running past the windows (on the sky layer, so a pan moves it)
    draw_sky(k, k.sky, horizon=46)
    k.sky.drawPath(ridge(k.rng, k.w, 48, 8, bumps=6), fill(k.g.c("#4a6a42")))
    for x in np.arange(0.0, k.w, 9.0):
        pine(k.sky, float(x), 52, float(k.rng.uniform(5, 9)), k.g.c("#2a4a2a"))
    fr = k.far
    fr.save()
    path = skia.Path()
    for x in np.arange(6.0, k.w, 32.0):
        path.addRoundRect(skia.Rect(float(x), 18, float(x) + 20, 44), 3, 3)
    fr.clipPath(path, skia.ClipOp.kDifference, True)
    vgrad(fr, skia.Rect(0, 0, k.w, 72), [k.g.c("#4a2a1e"), k.g.c("#6a3a24")])
    fr.restore()
    for x in np.arange(6.0, k.w, 32.0):
        fr.drawRoundRect(skia.Rect(float(x), 18, float(x) + 20, 44), 3, 3, stroke(k.g.c("#c8a060"), 0.8))
    fr.drawRect(skia.Rect(0, 10, k.w, 12), fill(k.g.c("#c8a060")))
    for x in np.arange(16.0, k.w, 32.0):
        glow(fr, float(x), 8, 8, k.g.c("#ffd68a", 0.5, lit=0))
    for x in np.arange(4.0, k.w, 32.0):
        k.mid.drawRoundRect(skia.Rect(float(x), 46, float(x) + 24, 70), 3, 3, fill(k.g.c("#6a1e22")))
        k.mid.drawRoundRect(skia.Rect(float(x) + 1, 44, float(x) + 23, 50), 2, 2, fill(k.g.c("#7a2a2a")))
    floor(k, k.near, 70, "#3a2a22")


def cave(k: Kit) -> None:
    k.sky.drawRect(skia.Rect(0, 0, k.w, 100), fill(k.g.c("#0e0c0a")))
    mouth = skia.Rect(k.w * 0.55, 20, k.w * 0.85, 80)
    k.sky.save()
    k.sky.clipRect(mouth)
    draw_sky(k, k.sky, horizon=70)
    k.sky.restore()
    rock = k.g.c("#3a322a")
    k.far.save()
    hole = skia.Path()
    hole.addOval(mouth)
    k.far.clipPath(hole, skia.ClipOp.kDifference, True)
    k.far.drawRect(skia.Rect(0, 0, k.w, 100), fill(rock))
    k.far.restore()
    for x in np.arange(0.0, k.w, 7.0):
        ln = float(k.rng.uniform(4, 16))
        k.mid.drawPath(poly([(float(x), 0), (float(x) + 2.5, ln), (float(x) + 5, 0)]), fill(k.g.c("#2a241e")))
    ground(k, k.near, 70, "#4a3e32", "#1e1a16")
    fx = k.w * 0.3
    glow(k.near, fx, 66, 36, k.g.c("#ff8a3a", 0.5, lit=0))
    for i in range(3):
        k.near.drawLine(fx - 3 + i * 3, 70, fx + 3 - i * 3, 64, stroke(k.g.c("#4a2a1a"), 0.8))
    k.near.drawPath(poly([(fx - 3, 66), (fx, 58), (fx + 3, 66)]), fill(k.g.c("#ffb04a", lit=0)))


RECIPES: dict[str, Callable[[Kit], None]] = {
    "city_street": city_street, "rooftop": rooftop, "alley": alley, "interior": interior, "office": office,
    "bar": bar, "apartment": apartment, "ballroom": ballroom, "warehouse": warehouse, "lab": lab,
    "spaceship": spaceship, "space_station": space_station, "mars_dome": mars_dome, "desert": desert,
    "forest": forest, "mountain": mountain, "sea": sea, "beach": beach, "cave": cave, "castle": castle,
    "village": village, "ruins": ruins, "train": train, "saloon": saloon,
}

#: Where feet stand (units from the top) in a wide shot of each kind.
GROUND = {kind: (86.0 if kind in INTERIOR_KINDS else 88.0) for kind in RECIPES}
