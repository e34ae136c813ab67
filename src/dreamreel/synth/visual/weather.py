"""Weather and particles: rain streaks, snow, dust, fog, embers, storm with lightning (the water of a
flood is flood.py's; its rain is here).

Every particle field is one skia path built once per shot and drawn with a per-frame offset
(wrapping vertically), so a frame costs a handful of draw calls however many particles there
are. Positions come from the shot's seed: same shot, same rain.
"""

import math

import numpy as np
import skia

from .layers import Sprite, surface
from .looks import Grade
from .paint import fill, stroke


class Weather:
    """Particles for one shot, drawn in screen pixels over the scene."""

    def __init__(self, kind: str, grade: Grade, width: int, height: int, fps: int, seed: int, *, indoors: bool,
                 frames: int = 0):
        self.kind = kind
        self.w, self.h, self.fps = width, height, fps
        self.indoors = indoors
        rng = np.random.default_rng(seed)
        self.rng = rng
        u = height / 100.0
        self.fields: list[tuple[skia.Path, skia.Paint, float, float, float]] = []  # path, paint, vy, vx, sway
        self.flashes: np.ndarray | None = None
        self.fog: Sprite | None = None
        heavy = kind == "storm"
        if kind in ("rain", "storm", "flood") and not indoors:  # (rain falls on a flood)
            slant = 0.28 if heavy else 0.12
            for n, length, width_, alpha, speed in ((420 if heavy else 260, 2.6, 0.09, 0.35, 1.6),
                                                    (160 if heavy else 90, 5.5, 0.16, 0.5, 2.6)):
                p = skia.Path()
                xs = rng.uniform(-0.2 * width, width * 1.1, n)
                ys = rng.uniform(0, height, n)
                for x, y in zip(xs, ys):
                    p.moveTo(float(x), float(y))
                    p.lineTo(float(x - slant * length * u), float(y + length * u))
                # hairlines (width 0) take skia's fastest line path; wider only at high resolutions
                px = width_ * u
                paint = stroke(grade.c("#c8d4e8", alpha, lit=0.3), 0.0 if px < 1.5 else px, aa=False)
                self.fields.append((p, paint, speed * height / fps * 1.1, speed * slant * height / fps, 0.0))
        elif kind == "snow" and not indoors:
            for n, r, speed in ((220, 0.25, 0.25), (70, 0.5, 0.45)):
                p = skia.Path()
                for x, y in zip(rng.uniform(0, width, n), rng.uniform(0, height, n)):
                    p.addCircle(float(x), float(y), float(r * u * rng.uniform(0.7, 1.3)))
                self.fields.append((p, fill(grade.c("#ffffff", 0.85, lit=0.3)), speed * height / fps * 0.25,
                                    0.0, 0.6 * u))
        elif kind == "dust":
            p = skia.Path()
            for x, y in zip(rng.uniform(0, width, 160), rng.uniform(0, height, 160)):
                p.addCircle(float(x), float(y), float(0.18 * u * rng.uniform(0.6, 1.6)))
            self.fields.append((p, fill(grade.c("#e8c8a0", 0.55, lit=0.3)), -0.02 * height / fps, 0.09 * height / fps,
                                0.3 * u))
            self.fog = _haze(width, height, grade.c("#c89a6a", 0.16, lit=0.5), rng)
        elif kind == "embers":
            p = skia.Path()
            for x, y in zip(rng.uniform(0, width, 90), rng.uniform(0, height, 90)):
                p.addCircle(float(x), float(y), float(0.3 * u * rng.uniform(0.5, 1.3)))
            self.fields.append((p, skia.Paint(Color=grade.c("#ffa040", 0.95, lit=0), AntiAlias=True,
                                              BlendMode=skia.BlendMode.kPlus), -0.12 * height / fps, 0.0, 1.2 * u))
        elif kind == "clear" or indoors:
            # still air is never quite still: a few faint motes drift through the light, so even an
            # empty static shot is a moving picture and not a frozen frame
            p = skia.Path()
            for x, y in zip(rng.uniform(0, width, 45), rng.uniform(0, height, 45)):
                p.addCircle(float(x), float(y), float(0.16 * u * rng.uniform(0.6, 1.4)))
            self.fields.append((p, fill(grade.c("#fff4dc", 0.4, lit=0.2)), -0.015 * height / fps,
                                0.02 * height / fps, 0.4 * u))
        if kind == "fog" or (heavy and not indoors):
            self.fog = _haze(width, height, grade.c("#c8ccd4", 0.3 if kind == "fog" else 0.14, lit=0.6), rng)
        if heavy and not indoors:
            # lightning: about one strike every four seconds (at least one a shot), each a bright
            # double flash decaying over a few frames
            seconds = max(1.0, frames / fps)
            self.flashes = np.sort(rng.uniform(0.15, max(0.3, seconds - 0.3), max(1, round(seconds / 4)))) * fps
        self.flash_paint = skia.Paint(Color=grade.c("#e8f0ff", 1.0, lit=0))

    def draw(self, c: skia.Canvas, frame: int) -> None:
        h = self.h
        for path, paint, vy, vx, sway in self.fields:
            dy = (frame * vy) % h
            dx = (-frame * vx) % self.w if vx else 0.0
            if sway:
                dx += sway * math.sin(frame / self.fps * 1.3)
            for ox in ((0.0, -self.w) if vx else (0.0,)):
                for oy in (dy, dy - h):
                    c.save()
                    c.translate(dx + ox, oy)
                    c.drawPath(path, paint)
                    c.restore()
        if self.fog is not None:
            drift = (frame * 0.6) % self.w
            self.fog.draw(c, -drift, 0)
            self.fog.draw(c, self.w - drift, 0)

    def flash(self, c: skia.Canvas, frame: int) -> None:
        """Lightning: call last (over characters too)."""
        if self.flashes is None:
            return
        since = frame - self.flashes
        since = since[since >= 0]
        if since.size and since.min() < 6:
            k = since.min()
            a = [0.75, 0.2, 0.55, 0.3, 0.12, 0.05][int(k)]
            p = skia.Paint(self.flash_paint)
            p.setAlphaf(a)
            c.drawRect(skia.Rect(0, 0, self.w, self.h), p)


def _haze(width: int, height: int, color: int, rng: np.random.Generator) -> Sprite:
    """Soft horizontal fog banks in the lower half, a frame wide (drawn twice to wrap)."""
    arr = np.zeros((height, width, 4), np.uint8)
    surf = surface(arr)
    c = surf.getCanvas()
    clear = skia.ColorSetA(color, 0)
    for _ in range(5):
        cx = float(rng.uniform(0, width))
        cy = float(rng.uniform(height * 0.45, height * 0.95))
        rx = float(rng.uniform(0.2, 0.4) * width)
        ry = float(rng.uniform(0.06, 0.14) * height)
        for ox in (-width, 0, width):
            m = skia.Matrix.Scale(1.0, ry / rx)
            m.postTranslate(cx + ox, cy)
            shader = skia.GradientShader.MakeRadial(skia.Point(0, 0), rx, [color, clear], None,
                                                    skia.TileMode.kClamp, 0, m)
            c.drawRect(skia.Rect(cx + ox - rx, cy - ry, cx + ox + rx, cy + ry), skia.Paint(Shader=shader))
    del c, surf
    return Sprite(arr, tile=128, min_alpha=3)
