"""Floodwater: a place with the weather ``flood`` stands in water.

The water is laid into the setting once per shot (``bake``): a muddy, slightly see-through sheet
from a waterline down, over the ground, the lower half of the doors and whatever stands there,
with the place above it mirrored faintly in it and a pale line where it meets walls. On a roof
it is laid behind the roof (on the middle layer), so the roof stands above the water all round;
indoors it lies over the floor and the foot of the walls. Per frame (``Water``) the surface
moves: dashes of light shimmer on it, debris (planks, branches, a crate, a ball) bobs and drifts,
and in front of the people a band of water covers their legs, a ring rippling round each.
Everything random comes from the shot's seed.
"""

import math
from dataclasses import dataclass

import numpy as np
import skia

from .looks import Grade
from .paint import fill, stroke

#: The waterline, in setting units (100 = the layer's height; the ground people stand on is at
#: about 86-88): where the water meets the buildings of each kind of place (a street's stand at
#: 66, a village's at 70: their doors half under).
LEVEL = {"city_street": 61.0, "alley": 61.0, "village": 65.0, "rooftop": 66.0}
OUTDOOR_LEVEL, INDOOR_LEVEL = 63.0, 69.0
#: How far up a person's height the water comes in front of them: outdoors above the knee,
#: indoors over the shins.
WADE, WADE_INDOORS = 0.4, 0.22
MUD, DEEP = "#7a6a4c", "#44382a"
#: By night the water is lit by the moon, not the day: it takes the sky's cool grey-blue (lighter far
#: off, where it mirrors the sky at a low angle), mirrors the lit windows brightly, and its edge and
#: glints are moonlight, unlit by the dark (so that it reads as water, not as dark ground).
MOONLIT, NIGHT_LIGHT = "#8a98a8", "#e8f0ff"


@dataclass
class Plan:
    """Where the water lies in a setting's layers: its waterline (layer pixels), where it shows
    (a mask in layer pixels), which layer it was laid in (its pan depth) and its colours."""

    top: float
    shows: np.ndarray
    layer: int
    mud: int
    deep: int
    light: int
    indoors: bool
    roof: bool
    night: bool = False


def level_of(kind: str, *, indoors: bool) -> float:
    return INDOOR_LEVEL if indoors else LEVEL.get(kind, OUTDOOR_LEVEL)


def bake(arrays: list[np.ndarray], kind: str, grade: Grade, zoom: float, *, indoors: bool,
         night: bool = False) -> Plan:
    """Lay the water into the setting's layer arrays (premultiplied RGBA: sky, far, mid, near) in
    place; what shows of it, for the moving surface (moonlit outdoors at ``night``: MOONLIT)."""
    moon = night and not indoors
    lh, lw = arrays[0].shape[:2]
    roof = kind == "rooftop" and not indoors
    top = lh * 0.58 + (level_of(kind, indoors=indoors) / 100 * lh - lh * 0.58) * zoom
    y0 = max(0, int(round(top)))
    layer = 2 if roof else 3
    if y0 >= lh:
        return Plan(top, np.zeros((lh, lw), bool), layer, 0, 0, 0, indoors, roof, moon)
    # what is above the water, as it stands (for its reflection)
    above = np.zeros((lh, lw, 4), np.float32)
    for a in arrays[: layer + 1]:
        f = a.astype(np.float32) / 255
        above = f + above * (1 - f[..., 3:4])
    n = lh - y0
    t = np.linspace(0.0, 1.0, n, dtype=np.float32)[:, None]
    mud = np.array(grade.rgb(MUD, lit=0.8), np.float32)
    deep = np.array(grade.rgb(DEEP, lit=0.8), np.float32)
    rgb = mud * (1 - t) + deep * t  # lighter far off, darker near
    if moon:  # the night sky's light on it, strongest far off
        sky = np.array(grade.rgb(MOONLIT, lit=0.35), np.float32)
        rgb = rgb + (sky - rgb) * (0.75 - 0.45 * t)
    alpha = 0.93
    water = np.empty((n, lw, 4), np.float32)
    water[..., :3] = (rgb * alpha)[:, None, :]
    water[..., 3] = alpha
    # the place above, upside down in it, fading with depth
    k = min(n, y0)
    if k > 0:
        mirror = above[y0 - k:y0][::-1]
        # broken by the ripples: each row of it shifted a little sideways
        shift = np.round(0.003 * lw * np.sin(np.arange(k) * 0.45)).astype(int)
        cols = (np.arange(lw)[None, :] + shift[:, None]) % lw
        mirror = np.take_along_axis(mirror, cols[..., None].repeat(4, 2), axis=1)
        fade = (0.5 * (1 - np.linspace(0.0, 1.0, k, dtype=np.float32)) ** 1.5)[:, None, None]
        seen = np.concatenate([mirror[..., :3], np.ones_like(mirror[..., 3:4])], axis=2)
        if moon:  # what is lit in the dark (windows, lamps) stands out in it: mirrored brighter
            bright = np.clip((seen[..., :3].max(axis=2, keepdims=True) - 0.45) * 3.0, 0.0, 1.0)
            fade = np.minimum(0.9, fade * (1 + 1.4 * bright))
        water[:k] = water[:k] * (1 - fade) + seen * fade * alpha
    target = arrays[layer][y0:]
    cur = target.astype(np.float32) / 255
    out = water + cur * (1 - water[..., 3:4])
    target[...] = np.clip(out * 255 + 0.5, 0, 255).astype(np.uint8)
    light = grade.c(NIGHT_LIGHT, 0.8, lit=0) if moon else grade.c("#dfe6e8", 0.55, lit=0.4)
    surf = skia.Surface(arrays[layer], colorType=skia.kRGBA_8888_ColorType, alphaType=skia.kPremul_AlphaType)
    c = surf.getCanvas()
    c.drawLine(0, top, lw, top, stroke(light, max(1.0, lh * (0.007 if moon else 0.004))))  # where it meets the walls
    del c, surf
    shows = np.zeros((lh, lw), bool)
    shows[y0:] = True
    for a in arrays[layer + 1:]:  # (a roof over it hides it)
        shows &= a[..., 3] < 64
    shows[: min(lh, y0 + 2)] = False
    near, far = (rgb[n // 3], rgb[-1]) if moon else (grade.rgb(MUD, lit=0.8), grade.rgb(DEEP, lit=0.8))
    return Plan(top, shows, layer, _argb(near, 0.9), _argb(far, 0.9), light, indoors, roof, moon)


def _argb(rgb: "tuple[float, float, float] | np.ndarray", a: float) -> int:
    return skia.ColorSetARGB(int(a * 255 + 0.5), *(int(float(v) * 255 + 0.5) for v in rgb))


class Water:
    """The moving surface of one shot's flood, drawn in the coordinates of the layer it lies in."""

    def __init__(self, plan: Plan, width: int, height: int, fps: int, seed: int):
        self.plan, self.w, self.h, self.fps = plan, width, height, fps
        rng = np.random.default_rng(seed)
        u = height / 100.0
        ys, xs = np.nonzero(plan.shows[::4, ::4])
        self.glints: list[tuple[skia.Path, float]] = []
        self.debris: list[tuple[str, float, float, float, float]] = []
        if ys.size:
            ys, xs = ys * 4.0, xs * 4.0
            for phase in (0.0, math.pi):
                p = skia.Path()
                for k in rng.choice(ys.size, min(ys.size, 180 if plan.night else 110), replace=False):
                    y, x = float(ys[k]), float(xs[k])
                    near = max(0.2, (y - plan.top) / max(1.0, height - plan.top))  # longer nearer
                    half = (0.6 + 2.2 * near) * u * float(rng.uniform(0.6, 1.3))
                    p.moveTo(x - half, y)
                    p.lineTo(x + half, y)
                self.glints.append((p, phase))
            kinds = ("plank", "branch", "crate", "plank", "ball", "branch") if not plan.indoors else \
                ("plank", "chair", "ball", "book")
            for k in rng.choice(ys.size, min(ys.size, len(kinds)), replace=False):
                near = max(0.25, (float(ys[k]) - plan.top) / max(1.0, height - plan.top))
                self.debris.append((kinds[len(self.debris)], float(xs[k]), float(ys[k]), near * u,
                                    float(rng.uniform(0, 6.283))))
        self.glint = stroke(skia.ColorSetA(plan.light, 255), max(1.0, 0.25 * u), cap="round")
        self.wood, self.dark = fill(plan.mud), fill(plan.deep)
        self.u = u

    def draw(self, c: skia.Canvas, frame: int, dx: float, dy: float, *, below: float | None = None) -> None:
        """The surface's glints and debris, the layer's origin at (dx, dy); ``below``: only what is
        below that frame row (what floats in front of the band over people's legs)."""
        s = frame / self.fps
        c.save()
        c.translate(dx, dy)
        if below is not None:
            c.clipRect(skia.Rect(-dx, below - dy, self.w - dx + 1, self.h - dy + 1))
        if below is None:
            for path, phase in self.glints:
                p = skia.Paint(self.glint)
                p.setAlphaf((0.2 if self.plan.night else 0.1) + 0.6 * (0.5 + 0.5 * math.sin(2.4 * s + phase)))
                c.save()
                c.translate(self.u * 0.8 * math.sin(0.9 * s + phase), 0)
                c.drawPath(path, p)
                c.restore()
        for kind, x, y, size, ph in self.debris:
            drift = (x + 1.6 * size * s * 4) % (self.w + 40 * size) - 20 * size  # it floats along
            bob = 0.5 * size * math.sin(2.0 * s + ph)
            c.save()
            c.translate(drift, y + bob)
            c.rotate(6 * math.sin(1.3 * s + ph))
            c.scale(size, size)
            self._item(c, kind)
            c.restore()
        c.restore()

    def _item(self, c: skia.Canvas, kind: str) -> None:
        """One piece of debris, its waterline at y = 0, in units of its size."""
        dark, wood = self.dark, self.wood
        plank = fill(skia.Color(0x8a, 0x6a, 0x48))
        if kind == "plank":
            c.drawRect(skia.Rect(-6, -0.9, 6, 0.2), plank)
        elif kind == "branch":
            c.drawLine(-5, -0.2, 5, -0.6, stroke(skia.Color(0x4a, 0x38, 0x26), 0.7))
            c.drawLine(1, -0.5, 3, -2.2, stroke(skia.Color(0x4a, 0x38, 0x26), 0.4))
            c.drawCircle(3, -2.4, 1.0, fill(skia.Color(0x4e, 0x6a, 0x3a)))
        elif kind == "crate":
            c.drawRect(skia.Rect(-2.2, -2.6, 2.2, 0.2), fill(skia.Color(0xa0, 0x7e, 0x50)))
            c.drawRect(skia.Rect(-2.2, -1.4, 2.2, -1.0), dark)
        elif kind == "ball":
            c.drawCircle(0, -0.9, 1.2, fill(skia.Color(0xd0, 0x40, 0x38)))
            c.drawRect(skia.Rect(-1.2, -0.95, 1.2, -0.65), fill(skia.Color(0xf0, 0xe8, 0xe0)))
        elif kind == "chair":
            c.drawRect(skia.Rect(-2.5, -1.0, 2.5, -0.4), plank)
            c.drawRect(skia.Rect(1.8, -4.0, 2.5, -0.4), plank)
        else:  # a book, open, face down
            c.drawPath(_roof(2.0, 0.9), fill(skia.Color(0x3a, 0x5a, 0x8a)))
        c.drawRect(skia.Rect(-6.5, 0.0, 6.5, 0.5), wood)  # the water over its lower edge

    def wade(self, c: skia.Canvas, frame: int, top: float, feet: list[tuple[float, float]]) -> None:
        """The water in front of the people: a band from ``top`` (frame pixels) down, with a ring
        rippling round each of them at the surface (``feet``: each one's centre and half width)."""
        if top >= self.h:
            return
        s = frame / self.fps
        wave = skia.Path()  # its surface, a slow swell moving along
        wave.moveTo(-2, self.h + 2)
        amp, step = 0.35 * self.u, self.w / 48
        for k in range(50):
            x = k * step - 2
            wave.lineTo(x, top + amp * math.sin(x / (3.1 * self.u) - 2.2 * s))
        wave.lineTo(self.w + 2, self.h + 2)
        wave.close()
        c.drawPath(wave, fill(skia.ColorSetA(self.plan.mud, 200)))
        c.drawRect(skia.Rect(-2, top + 0.35 * (self.h - top), self.w + 2, self.h + 2),
                   fill(skia.ColorSetA(self.plan.deep, 120)))
        edge = skia.Paint(self.glint)
        edge.setAlphaf(0.5)
        edge.setStyle(skia.Paint.kStroke_Style)
        c.drawPath(wave, edge)
        for x, half in feet:
            for k in range(2):
                grow = ((s * 0.8 + k * 0.5) % 1.0)
                r = half * (1.0 + 0.8 * grow)
                p = skia.Paint(self.glint)
                p.setAlphaf(0.6 * (1 - grow))
                c.drawOval(skia.Rect(x - r, top - 0.18 * r, x + r, top + 0.18 * r), p)


def _roof(w: float, h: float) -> skia.Path:
    p = skia.Path()
    p.moveTo(-w, 0)
    p.lineTo(0, -h)
    p.lineTo(w, 0)
    p.close()
    return p
