"""Places of a war of our times (issue 12): a trench, no man's land, a shelled street, a town's
broken skyline, and a roadside lot on the open road.

A place is drawn so where its words or its world's say war has broken it (procedural.war_torn,
data/regions.toml's ``war``): the front-line trench is earth walls over duckboards, sandbags and
wire against a smoky sky, not a temple's columns; the shelled main street is gutted facades with
empty windows over heaps of rubble, not a lit skyline under a blue sky. Their colours are mud,
olive and smoke, so a war film's look shows in its places.
"""

from dataclasses import replace

import numpy as np
import skia

from .paint import fill, glow, poly, ridge, stroke, vgrad
from .settings import Kit, draw_sky, ground, lamp_post, mix_hex

#: Smoke and overcast over a war's places, top to horizon, by time of day.
SMOKE = {
    "dawn": ("#3e3e3e", "#6e665e", "#9a8472"),
    "day": ("#5a5c54", "#84867a", "#a8a898"),
    "dusk": ("#2e2a2c", "#6a4a3a", "#a8683a"),
    "night": ("#0a0a0c", "#16161a", "#2a2220"),
}
MUD, EARTH, SANDBAG, PLANK = "#3e3828", "#5a4e36", "#8a8462", "#5a4a32"


def smoky_sky(k: Kit, c: skia.Canvas, horizon: float, h: float | None = None) -> None:
    """A sky of smoke and low cloud (no blue, no sun), a glow of fires on the horizon at dusk and
    night, columns of smoke rising from the fires (settings.draw_sky draws it for every place a war
    has reached)."""
    if k.body is not None:
        draw_sky(k, c, horizon=horizon)
        return
    top, mid, low = SMOKE.get(k.tod, SMOKE["day"])
    vgrad(c, skia.Rect(0, 0, k.w, horizon + 2 if h is None else h), [k.g.c(top), k.g.c(mid), k.g.c(low)])
    if k.tod in ("dusk", "night"):
        for _ in range(max(1, int(k.w // 70))):
            glow(c, float(k.rng.uniform(0, k.w)), horizon, 24, k.g.c("#ff7a2a", 0.35, lit=0))
    for _ in range(max(2, int(k.w // 50))):  # columns of smoke rising from the fires, leaning in the wind
        plume(k, c, float(k.rng.uniform(0, k.w)), horizon - 2, float(k.rng.uniform(0.45, 0.8)) * horizon)


def puff(c: skia.Canvas, x: float, y: float, r: float, body: int, light: int, dark: int) -> None:
    """One soft ball of smoke with volume: its body fading out at the edge, its underside in shadow
    and the side toward the light (up and to the left) lit."""
    clear = skia.ColorSetARGB(0, 0, 0, 0)
    for cx, cy, rr, col, mid in ((x + r * 0.18, y + r * 0.22, r, dark, 0.55), (x, y, r, body, 0.5),
                                 (x - r * 0.28, y - r * 0.3, r * 0.62, light, 0.3)):
        shader = skia.GradientShader.MakeRadial(skia.Point(cx, cy), rr, [col, col, clear], [0.0, mid, 1.0])
        c.drawCircle(cx, cy, rr, skia.Paint(Shader=shader, AntiAlias=True))


def plume(k: Kit, c: skia.Canvas, x: float, base: float, height: float, *, drift: float | None = None,
          size: float = 1.0) -> None:
    """A column of smoke from a fire or a shell's burst: soft puffs stacked from ``base``, small,
    dense and black low down, swelling, paling and thinning as they rise and bend away downwind;
    a fire's glow at its foot at dusk and night."""
    drift = float(k.rng.uniform(0.25, 0.6)) if drift is None else drift
    n = max(6, int(height / 2.4))
    if k.tod in ("dusk", "night"):
        glow(c, x, base, 7 * size, k.g.c("#ff7a2a", 0.55, lit=0))
    for j in range(n):
        t = j / (n - 1)
        r = size * (2.0 + 7.0 * t)
        cx = x + drift * height * t * t  # the column bends downwind as it rises
        py = base - height * t
        a = 0.8 - 0.5 * t
        shade = mix_hex("#1c1a18", "#6a6660", t)
        body, light = k.g.c(shade, a), k.g.c(mix_hex(shade, "#c8c0b0", 0.35), a * 0.7)
        dark = k.g.c(mix_hex(shade, "#000000", 0.5), a * 0.6)
        for _ in range(2):  # billows either side of the column's line
            rr = r * float(k.rng.uniform(0.6, 1.0))
            puff(c, cx + float(k.rng.uniform(-0.6, 0.6)) * r, py + float(k.rng.uniform(-0.3, 0.3)) * r, rr,
                 body, light, dark)


def broken_buildings(k: Kit, c: skia.Canvas, base: float, hmin: float, hmax: float, color: str, *,
                     wmin: float = 8, wmax: float = 18, win: float = 1.4) -> None:
    """A row of shelled buildings: jagged broken tops, dark empty windows (sky through some), gaps."""
    x = float(k.rng.uniform(-6, 0))
    body = fill(k.g.c(color))
    hole = fill(k.g.c(mix_hex(color, "#000000", 0.6)))
    through = fill(k.g.c(SMOKE.get(k.tod, SMOKE["day"])[1]))
    while x < k.w:
        bw = float(k.rng.uniform(wmin, wmax))
        if k.rng.random() < 0.18:  # a gap where a house was
            x += bw * 0.6
            continue
        bh = float(k.rng.uniform(hmin, hmax))
        top = base - bh
        # a broken top edge: three to five teeth at different heights
        n = int(k.rng.integers(3, 6))
        pts = [(x, base + 1), (x, top + float(k.rng.uniform(0, bh * 0.3)))]
        for i in range(1, n):
            pts.append((x + bw * i / n, top + float(k.rng.uniform(0, bh * 0.45))))
        pts += [(x + bw - 0.6, top + float(k.rng.uniform(0, bh * 0.5))), (x + bw - 0.6, base + 1)]
        c.drawPath(poly(pts), body)
        if win:
            cols = max(1, int(bw / (win * 2.6)))
            gap = (bw - cols * win) / (cols + 1)
            low = min(p[1] for p in pts[1:-1])
            yy = top + bh * 0.45 + 2
            while yy < base - 3:
                for i in range(cols):
                    wx = x + gap + i * (win + gap)
                    if yy > low + 1:
                        c.drawRect(skia.Rect(wx, yy, wx + win, yy + win * 1.5),
                                   through if k.rng.random() < 0.3 else hole)
                yy += win * 2.8
        x += bw + float(k.rng.uniform(0.5, 3.0))


def rubble(k: Kit, c: skia.Canvas, y0: float, y1: float, color: str, *, n: int | None = None) -> None:
    """Heaps of broken brick and stone, with a beam or two sticking out."""
    for _ in range(n if n is not None else int(k.w // 18)):
        x = float(k.rng.uniform(-4, k.w))
        y = float(k.rng.uniform(y0, y1))
        w, h = float(k.rng.uniform(6, 16)), float(k.rng.uniform(2, 6))
        shade = mix_hex(color, "#000000", float(k.rng.uniform(0.0, 0.35)))
        c.drawPath(poly([(x, y), (x + w * 0.3, y - h), (x + w * 0.55, y - h * 0.7), (x + w * 0.7, y - h * 0.9),
                         (x + w, y)]), fill(k.g.c(shade)))
        for _ in range(3):  # bricks on the heap
            bx, by = x + float(k.rng.uniform(0, w)), y - float(k.rng.uniform(0, h * 0.6))
            c.drawRect(skia.Rect(bx, by - 0.7, bx + 1.5, by), fill(k.g.c("#7a4a36")))
        if k.rng.random() < 0.4:
            bx = x + w * 0.4
            c.drawLine(bx, y - h * 0.5, bx + float(k.rng.uniform(-5, 5)), y - h - 4, stroke(k.g.c("#2a2218"), 0.8))


def shelled_street(k: Kit) -> None:
    """A street a war has shelled: gutted facades with empty windows under smoke, rubble heaped
    along the roadway, a lamp post bent over; no lit window, no sign, no lane markings."""
    smoky_sky(k, k.sky, 60)
    broken_buildings(k, k.far, 62, 14, 34, "#3a3a3a", wmin=6, wmax=12, win=0.9)
    broken_buildings(k, k.mid, 67, 18, 40, "#5a5048", wmin=12, wmax=22, win=1.5)
    ground(k, k.near, 66, "#4a463e", "#1e1c18")
    rubble(k, k.mid, 67, 70, "#6a6052", n=int(k.w // 14))
    rubble(k, k.near, 72, 98, "#5a5246", n=int(k.w // 26))
    for x in np.arange(30.0, k.w, 90.0):  # a lamp post bent by a blast
        x = float(x)
        k.near.drawLine(x, 70, x + 6, 46, stroke(k.g.c("#1a1a1a"), 0.8))
    for _ in range(int(k.w // 60)):  # craters in the road
        x = float(k.rng.uniform(0, k.w))
        k.near.drawOval(skia.Rect(x, 84, x + 18, 90), fill(k.g.c("#1a1814")))


def broken_skyline(k: Kit, c: skia.Canvas, base: float, hmax: float) -> None:
    """A war's city seen from a height or across a river: broken towers and roofs, smoke, fires."""
    broken_buildings(k, c, base, hmax * 0.3, hmax, "#3a3836", wmin=5, wmax=11, win=0.8)
    if k.tod in ("dusk", "night"):
        for _ in range(max(1, int(k.w // 45))):
            glow(c, float(k.rng.uniform(0, k.w)), base - 3, 9, k.g.c("#ff8a3a", 0.5, lit=0))


def broken_rooftop(k: Kit) -> None:
    """A high place over a war's city: the broken skyline below, smoke and fires, rubble underfoot."""
    smoky_sky(k, k.sky, 66)
    broken_skyline(k, k.far, 70, 36)
    ground(k, k.near, 70, "#4a4a4e", "#2a2a2e")
    k.near.drawRect(skia.Rect(0, 66, k.w, 71), fill(k.g.c("#6a625a")))
    rubble(k, k.near, 74, 96, "#6a6052", n=int(k.w // 30))


def gutted_hall(k: Kit) -> None:
    """A factory or store hall a war has gutted: its corrugated walls holed, the smoky sky through
    the broken roof, girders fallen across the floor and rubble where its goods stood; no lamps lit."""
    wall = "#4a4a44"
    k.sky.drawRect(skia.Rect(0, 0, k.w, 72), fill(k.g.c(wall)))
    line = stroke(k.g.c("#2e2e2a"), 0.35)
    for x in np.arange(0.0, k.w, 2.5):
        k.sky.drawLine(float(x), 0, float(x), 72, line)
    sky = SMOKE.get(k.tod, SMOKE["day"])
    for x in np.arange(float(k.rng.uniform(4, 16)), k.w, 34.0):  # holes blown in the roof and walls
        cx, cy, r = float(x), float(k.rng.uniform(6, 22)), float(k.rng.uniform(5, 10))
        n = 9
        hole = poly([(cx + r * float(k.rng.uniform(0.55, 1.25)) * np.cos(2 * np.pi * i / n),
                      cy + r * float(k.rng.uniform(0.55, 1.25)) * np.sin(2 * np.pi * i / n)) for i in range(n)])
        k.far.save()
        k.far.clipPath(hole, skia.ClipOp.kIntersect, True)
        vgrad(k.far, skia.Rect(cx - r * 1.3, cy - r * 1.3, cx + r * 1.3, cy + r * 1.3), [k.g.c(sky[1]), k.g.c(sky[2])])
        k.far.restore()
        k.far.drawPath(hole, stroke(k.g.c("#2a2824"), 0.5))  # the torn edge
        glow(k.mid, cx, 62, r * 2.4, k.g.c("#e8e0c8", 0.16, lit=0))  # light falling through
    girder = fill(k.g.c("#2a2826"))
    for x in np.arange(float(k.rng.uniform(10, 30)), k.w, 60.0):  # girders fallen slantwise
        x = float(x)
        k.mid.save()
        k.mid.rotate(float(k.rng.uniform(-30, -15)), x, 70)
        k.mid.drawRect(skia.Rect(x - 2, 40, x + 1.6, 72), girder)
        k.mid.restore()
    ground(k, k.near, 72, "#3e3c38", "#22201c")
    rubble(k, k.mid, 70, 73, "#5a5248", n=int(k.w // 20))
    rubble(k, k.near, 78, 98, "#4a443c", n=int(k.w // 40))


def window_on_war(k: Kit, c: skia.Canvas, r: skia.Rect) -> None:
    """What a window in a war's city looks on, drawn into ``r`` (clipped to it): smoke over broken walls."""
    top, mid, low = SMOKE.get(k.tod, SMOKE["day"])
    vgrad(c, r, [k.g.c(top), k.g.c(mid), k.g.c(low)])
    c.save()
    c.translate(r.left(), 0)
    broken_buildings(replace(k, w=r.width()), c, r.bottom(), r.height() * 0.2, r.height() * 0.7, "#2a2826",
                     wmin=3, wmax=6, win=0.5)
    c.restore()


def trench(k: Kit) -> None:
    """A trench seen along its length: earth walls with plank revetting, sandbags along the parapet
    and barbed wire on pickets against the smoke above, duckboards over the mud underfoot."""
    smoky_sky(k, k.sky, 40)
    # the far wall (the parade) and the near one, earth held back by planks
    k.far.drawPath(poly([(0, 38), (k.w, 36), (k.w, 72), (0, 72)]), fill(k.g.c(EARTH)))
    board = stroke(k.g.c(mix_hex(PLANK, "#000000", 0.3)), 0.3)
    k.far.drawRect(skia.Rect(0, 48, k.w, 70), fill(k.g.c(PLANK)))
    for y in np.arange(50.0, 70.0, 3.0):
        k.far.drawLine(0, float(y), k.w, float(y), board)
    for x in np.arange(float(k.rng.uniform(0, 10)), k.w, 14.0):  # the posts holding the revetting
        k.far.drawRect(skia.Rect(float(x), 46, float(x) + 1.4, 72), fill(k.g.c("#3a2e1e")))
    # sandbags stacked on the parapet
    bag = fill(k.g.c(SANDBAG))
    seam = stroke(k.g.c(mix_hex(SANDBAG, "#000000", 0.35)), 0.25)
    for row, y in enumerate((44.0, 40.5, 37.0)):
        for x in np.arange(-2.0 + row * 2.5, k.w, 5.2):
            r = skia.Rect(float(x), y, float(x) + 5, y + 3.6)
            k.far.drawRoundRect(r, 1.4, 1.4, bag)
            k.far.drawRoundRect(r, 1.4, 1.4, seam)
    # barbed wire on its pickets beyond the parapet
    wire = stroke(k.g.c("#1e1c1a"), 0.25)
    for x in np.arange(float(k.rng.uniform(0, 8)), k.w, 16.0):
        k.sky.drawLine(float(x), 37, float(x) + 1, 27, stroke(k.g.c("#2a2218"), 0.6))
    for y in (29.0, 32.0, 35.0):
        path = skia.Path()
        path.moveTo(0, y)
        for x in np.arange(4.0, k.w + 4, 4.0):
            path.quadTo(float(x) - 2, y - 1.6 * (1 if int(x) % 8 else -1), float(x), y)
        k.sky.drawPath(path, wire)
    # a fire-step along the far wall, mud and duckboards underfoot
    k.mid.drawRect(skia.Rect(0, 66, k.w, 72), fill(k.g.c(mix_hex(EARTH, "#000000", 0.2))))
    ground(k, k.near, 72, MUD, "#1e1a12")
    for x0, x1 in ((k.w * 0.25, k.w * 0.75),):
        k.near.drawPath(poly([(x0 + 6, 74), (x1 - 6, 74), (x1 + 8, 100), (x0 - 8, 100)]), fill(k.g.c(PLANK)))
        for y in np.arange(76.0, 100.0, 3.0):
            f = (float(y) - 74) / 26
            k.near.drawLine(x0 + 6 - 14 * f, float(y), x1 - 6 + 14 * f, float(y),
                            stroke(k.g.c("#2a2218"), 0.5))
    if k.weather in ("rain", "storm") or k.tod == "dawn":  # water standing in the mud
        for _ in range(int(k.w // 40)):
            x = float(k.rng.uniform(0, k.w))
            k.near.drawOval(skia.Rect(x, 80 + float(k.rng.uniform(0, 14)), x + 10, 82.5 + float(k.rng.uniform(0, 14))),
                            fill(k.g.c("#8a8a80", 0.3)))


def stumps(k: Kit, c: skia.Canvas, base: float, hmin: float, hmax: float, *, every: float = 30.0,
           wide: float = 2.0) -> None:
    """Trees shelled to splintered trunks: no leaves, snapped off at a slant, a broken limb or two."""
    bark = fill(k.g.c("#2a2418"))
    for x in np.arange(float(k.rng.uniform(0, every * 0.7)), k.w, every):
        x, h = float(x) + float(k.rng.uniform(-every, every)) * 0.3, float(k.rng.uniform(hmin, hmax))
        c.drawPath(poly([(x, base), (x + wide * 0.3, base - h), (x + wide * 0.6, base - h * 0.8),
                         (x + wide, base)]), bark)
        if h > 14 and k.rng.random() < 0.6:  # a bare limb
            y = base - h * float(k.rng.uniform(0.45, 0.75))
            c.drawLine(x + wide * 0.5, y, x + wide * 0.5 + float(k.rng.choice([-1, 1])) * h * 0.25, y - h * 0.2,
                       stroke(k.g.c("#2a2418"), wide * 0.3))


def craters(k: Kit, c: skia.Canvas, y0: float, y1: float, n: int) -> None:
    """Shell holes torn in the ground between ``y0`` and ``y1``, larger nearer, each a dark pit with
    its lip of thrown-up earth, water standing in some."""
    for _ in range(n):
        x, y = float(k.rng.uniform(-5, k.w)), float(k.rng.uniform(y0, y1))
        w = 6 + (y - y0 + 4) * 0.45
        pit = skia.Rect(x, y, x + w, y + w * 0.28)
        c.drawOval(pit, fill(k.g.c("#2a2418")))
        if k.rng.random() < 0.3:
            c.drawOval(skia.Rect(x + w * 0.2, y + w * 0.1, x + w * 0.8, y + w * 0.24), fill(k.g.c("#6a6a60", 0.6)))
        c.drawArc(skia.Rect(x - 1, y - 0.8, x + w + 1, y + w * 0.28), 180, 180, False,
                  stroke(k.g.c("#6a5e44"), 0.6))


def wire(k: Kit, c: skia.Canvas, base: float, *, every: float = 20.0) -> None:
    """Coils of barbed wire on pickets along ``base``."""
    coil = stroke(k.g.c("#1a1816"), 0.25)
    for x in np.arange(float(k.rng.uniform(0, 12)), k.w, every):
        c.drawLine(float(x), base, float(x) + 0.6, base - 8, stroke(k.g.c("#2a2218"), 0.5))
        for j in range(4):
            c.drawOval(skia.Rect(float(x) + j * 5, base - 7, float(x) + j * 5 + 6, base - 1), coil)


def no_mans_land(k: Kit) -> None:
    """The ground between the lines: mud torn into craters, stumps of trees, coils of wire on pickets."""
    smoky_sky(k, k.sky, 58)
    k.far.drawPath(ridge(k.rng, k.w, 60, 5, bumps=4), fill(k.g.c("#4a4434")))
    ground(k, k.mid, 62, EARTH, MUD)
    stumps(k, k.far, 62, 6, 22)
    craters(k, k.mid, 66, 96, int(k.w // 16))
    wire(k, k.mid, 70)


def front_line(k: Kit, *, wood: bool = False) -> None:
    """A hill or a wood where the front line runs (a mountain or forest a war has reached): the
    ridge under a sky darkened by smoke, shells bursting on its crest in columns of smoke, its trees
    shattered to stumps (a wood's to tall splintered trunks), the slope below torn by shell holes
    and strung with wire; no snow-capped peak, no pines, no sunrise."""
    smoky_sky(k, k.sky, 56)
    k.far.drawPath(ridge(k.rng, k.w, 58, 10 if wood else 16, bumps=2, rough=0.4), fill(k.g.c("#3e3c34")))
    if wood:  # the far edge of the wood, stripped
        stumps(k, k.far, 62, 14, 30, every=6, wide=1.4)
    crest = ridge(k.rng, k.w, 68, 6 if wood else 12, bumps=3, rough=0.5)
    stumps(k, k.mid, 74, 14, 34 if wood else 24, every=9 if wood else 14, wide=2.4 if wood else 1.8)
    k.mid.drawPath(crest, fill(k.g.c(EARTH)))
    for _ in range(1 + int(k.w // 90)):  # shells bursting on the crest
        plume(k, k.mid, float(k.rng.uniform(0.1, 0.9)) * k.w, 62, float(k.rng.uniform(22, 38)), size=1.2)
    ground(k, k.near, 74, mix_hex(EARTH, MUD, 0.5), "#1e1a12")
    k.mid.save()
    k.mid.clipPath(crest, doAntiAlias=True)
    craters(k, k.mid, 58, 72, int(k.w // 22))
    k.mid.restore()
    craters(k, k.near, 76, 96, int(k.w // 18))
    wire(k, k.near, 80, every=26)


def ruins_of_war(k: Kit) -> None:
    """A ruins-kind place in a war of our times: a trench, no man's land, or a shelled building's shell."""
    if k.site == "trench":
        trench(k)
    elif k.site == "no_mans_land":
        no_mans_land(k)
    else:
        shelled_street(k)


def roadside_lot(k: Kit) -> None:
    """A lot by the open road (a diner's, a motel's): the country flat to the horizon, the road, a
    tall sign on its pole (lit at night), lamp poles and painted bays; no city towers."""
    draw_sky(k, k.sky, horizon=62)
    land = "#b08a5a" if k.warm or k.country in (None, "US", "MX") else "#6a7a4a"
    k.far.drawPath(ridge(k.rng, k.w, 60, 6, bumps=2), fill(k.g.c(mix_hex(land, "#7a6a8a", 0.35))))
    k.far.drawRect(skia.Rect(0, 60, k.w, 64), fill(k.g.c(land)))
    k.far.drawRect(skia.Rect(0, 62, k.w, 64), fill(k.g.c("#3a3a3c")))  # the highway
    for x in np.arange(0.0, k.w, 10.0):
        k.far.drawRect(skia.Rect(float(x), 62.8, float(x) + 4, 63.2), fill(k.g.c("#d8c860")))
    sx = k.w * 0.8  # the roadside sign on its pole
    k.mid.drawRect(skia.Rect(sx - 0.7, 30, sx + 0.7, 66), fill(k.g.c("#3a3a3a")))
    sign = skia.Rect(sx - 9, 18, sx + 9, 30)
    lit = k.tod in ("night", "dusk")
    k.mid.drawRoundRect(sign, 1.5, 1.5, fill(k.g.c("#c83a2a")))
    k.mid.drawRoundRect(sign, 1.5, 1.5, stroke(k.g.c("#ffe08a" if lit else "#e8e0c8", lit=0 if lit else 1), 0.6))
    if lit:
        glow(k.mid, sx, 24, 18, k.g.c("#ff5a3a", 0.45, lit=0))
    ground(k, k.near, 64, "#4a4a4c", "#2a2a2c")  # the lot's asphalt
    bay = stroke(k.g.c("#d8d4c4", 0.7), 0.4)
    for x in np.arange(4.0, k.w, 16.0):
        k.near.drawLine(float(x), 74, float(x) - 6, 96, bay)
    for x in np.arange(18.0, k.w, 70.0):
        lamp_post(k, k.near, float(x), 66, 28)
