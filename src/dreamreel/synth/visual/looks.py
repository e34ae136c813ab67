"""Genre looks: colour grading applied where colours are chosen, plus vignette and film grain.

Grading every pixel of every frame is the slow way (a full-frame colour-matrix pass costs more
than the whole rest of a frame in skia's CPU raster). The renderer draws flat shapes, so the
grade is applied to each *colour* before it is used: time-of-day light, key, contrast, warmth,
a pull toward the shot's palette, and monochrome. The picture that comes out is graded for free.
Grain is a precomputed noise buffer XOR-ed into the low bits of the finished frame (grey, so
monochrome stays monochrome); the vignette multiplies only the spans where it shows.
"""

import colorsys

from functools import lru_cache

import cv2
import numpy as np
import skia

from ...model.shot import Lighting
from .layers import surface

RGB = tuple[float, float, float]

#: How the ambient light of each time of day tints what it falls on (lamps and glows are exempt).
TOD_LIGHT: dict[str, RGB] = {
    "dawn": (1.0, 0.86, 0.84), "day": (1.0, 1.0, 1.0), "dusk": (1.0, 0.74, 0.58), "night": (0.56, 0.63, 0.86),
}


def hex_rgb(h: str) -> RGB:
    h = h.lstrip("#")
    return (int(h[0:2], 16) / 255, int(h[2:4], 16) / 255, int(h[4:6], 16) / 255)


def mix(a: RGB, b: RGB, t: float) -> RGB:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t)


def luma(c: RGB) -> float:
    return 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]


def _clamp(v: float) -> float:
    return 0.0 if v < 0 else 1.0 if v > 1 else v


class Grade:
    """Turns a scene colour into the colour drawn in this shot's look."""

    def __init__(self, lighting: Lighting, time_of_day: str, *, noir: bool = False):
        self.mono = lighting.monochrome
        self.noir = noir
        self.palette = [hex_rgb(p) for p in lighting.palette]
        self.key = 0.72 + 0.5 * lighting.key
        self.contrast = 0.75 + 0.6 * lighting.contrast
        self.warmth = lighting.warmth
        self.tod = TOD_LIGHT.get(time_of_day, TOD_LIGHT["day"])
        # A saturated palette colour gives the look its accent; dark ones only weigh the shadows.
        sats = [colorsys.rgb_to_hsv(*p)[1] * max(p) for p in self.palette]
        self.accent = self.palette[int(np.argmax(sats))] if self.palette else (0.8, 0.6, 0.3)

    def nearest(self, c: RGB) -> RGB:
        return min(self.palette, key=lambda p: (p[0] - c[0]) ** 2 + (p[1] - c[1]) ** 2 + (p[2] - c[2]) ** 2)

    def rgb(self, c: RGB | str, *, lit: float = 1.0, pull: float = 0.18) -> RGB:
        """Grade a colour. ``lit`` is how much the ambient time-of-day light applies (0 for a lamp)."""
        if isinstance(c, str):
            c = hex_rgb(c)
        if pull and self.palette and not self.mono:
            c = mix(c, self.nearest(c), pull)
        if lit:
            c = (c[0] * (1 + (self.tod[0] - 1) * lit), c[1] * (1 + (self.tod[1] - 1) * lit),
                 c[2] * (1 + (self.tod[2] - 1) * lit))
        w = self.warmth * 0.14
        c = (c[0] * (1 + w) * self.key, c[1] * self.key, c[2] * (1 - w) * self.key)
        k = self.contrast
        c = (0.5 + (c[0] - 0.5) * k, 0.5 + (c[1] - 0.5) * k, 0.5 + (c[2] - 0.5) * k)
        if self.mono:
            y = luma(c)
            if self.noir:  # noir: crush the blacks, keep the highlights hard
                y = 0.45 * y + 0.55 * y * y * (3 - 2 * y)
            c = (y, y, y)
        return (_clamp(c[0]), _clamp(c[1]), _clamp(c[2]))

    def c(self, col: RGB | str, a: float = 1.0, *, lit: float = 1.0, pull: float = 0.18) -> int:
        """A graded colour as skia's ARGB int."""
        r, g, b = self.rgb(col, lit=lit, pull=pull)
        return skia.ColorSetARGB(int(_clamp(a) * 255 + 0.5), int(r * 255 + 0.5), int(g * 255 + 0.5),
                                 int(b * 255 + 0.5))


class Vignette:
    """A dark radial edge, laid over the finished frame in place.

    Band by band (32 rows), only the spans where it shows are touched: each is multiplied by
    its ``255 - alpha`` with OpenCV, twice the speed of skia blending the same black sprite (it
    was ~2 ms of a 720p frame); the clear middle costs nothing."""

    BAND = 32

    def __init__(self, alpha: np.ndarray, min_alpha: int = 6):
        self.spans: list[tuple[int, int, int, int, np.ndarray]] = []
        height = alpha.shape[0]
        for y0 in range(0, height, self.BAND):
            y1 = min(height, y0 + self.BAND)
            cols = np.concatenate([[False], alpha[y0:y1].max(axis=0) > min_alpha, [False]])
            edges = np.flatnonzero(np.diff(cols.astype(np.int8)))
            for x0, x1 in zip(edges[::2], edges[1::2]):
                keep = np.full((y1 - y0, x1 - x0, 4), 255, np.uint8)
                keep[..., :3] = (255 - alpha[y0:y1, x0:x1])[..., None]
                self.spans.append((y0, y1, int(x0), int(x1), keep))

    def apply(self, rgba: np.ndarray) -> None:
        for y0, y1, x0, x1, keep in self.spans:
            region = rgba[y0:y1, x0:x1]
            cv2.multiply(region, keep, dst=region, scale=1 / 255)


def vignette_for(width: int, height: int, strength: float) -> Vignette:
    """The vignette for a frame size and strength (to the hundredth), made once and shared:
    shots differ only by that."""
    return _vignette(width, height, round(strength, 2))


@lru_cache(maxsize=16)
def _vignette(width: int, height: int, strength: float) -> Vignette:
    arr = np.zeros((height, width, 4), np.uint8)
    surf = surface(arr)
    canvas = surf.getCanvas()
    r = (width * width + height * height) ** 0.5 / 2
    a = int(255 * min(0.85, strength))
    shader = skia.GradientShader.MakeRadial(
        skia.Point(width / 2, height / 2), r, [skia.ColorSetARGB(0, 0, 0, 0), skia.ColorSetARGB(0, 0, 0, 0),
                                               skia.ColorSetARGB(a, 0, 0, 0)], [0.0, 0.66, 1.0])
    # no dither: dithered near-zero alpha gives invalid premultiplied pixels (a bright ring)
    canvas.drawRect(skia.Rect(0, 0, width, height), skia.Paint(Shader=shader))
    del canvas, surf
    return Vignette(arr[..., 3])


class Grain:
    """Film grain: a seeded noise buffer; every other frame XORs a different window of it into
    the low bits of R, G and B alike (grey grain, brightness kept on average).

    Grain is the costliest thing on screen for an H.264 encoder (noise cannot be predicted), so
    it is kept faint and moves at 12 grains a second: a full-strength grain every frame made
    the film five times bigger and the encoder half as fast."""

    def __init__(self, width: int, height: int, amount: float, seed: int):
        self.n = width * height
        bits = round(amount * 4)  # 0.35 -> 1 bit ... 1.0 -> 4 bits
        rng = np.random.default_rng(seed)
        noise = rng.integers(0, 1 << bits, self.n + 4099, dtype=np.uint32)
        self.noise = noise * np.uint32(0x010101)
        self.active = bits > 0

    def apply(self, rgba: np.ndarray, frame: int) -> None:
        if not self.active:
            return
        u = rgba.reshape(-1).view(np.uint32)
        off = (frame // 2 * 1031) % 4096
        np.bitwise_xor(u, self.noise[off:off + self.n], out=u)
