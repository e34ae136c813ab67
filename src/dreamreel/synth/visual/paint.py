"""Small skia drawing helpers shared by settings, puppets and cards (units are whatever the
canvas transform makes them)."""

import numpy as np
import skia


def fill(color: int, *, aa: bool = True) -> skia.Paint:
    return skia.Paint(Color=color, AntiAlias=aa)


def stroke(color: int, width: float, *, aa: bool = True, cap: str = "round") -> skia.Paint:
    return skia.Paint(Color=color, AntiAlias=aa, Style=skia.Paint.kStroke_Style, StrokeWidth=width,
                      StrokeCap=skia.Paint.kRound_Cap if cap == "round" else skia.Paint.kButt_Cap,
                      StrokeJoin=skia.Paint.kRound_Join)


def glow(canvas: skia.Canvas, x: float, y: float, r: float, color: int) -> None:
    """An additive soft halo (lamps, neon, status lights): adds light, never darkens."""
    a = skia.ColorGetA(color)
    clear = skia.ColorSetARGB(0, 0, 0, 0)
    shader = skia.GradientShader.MakeRadial(skia.Point(x, y), r, [color, skia.ColorSetA(color, a // 3), clear],
                                            [0.0, 0.35, 1.0])
    canvas.drawCircle(x, y, r, skia.Paint(Shader=shader, BlendMode=skia.BlendMode.kPlus, AntiAlias=True))


def vgrad(canvas: skia.Canvas, rect: skia.Rect, colors: list[int], stops: list[float] | None = None) -> None:
    """A vertical gradient filling ``rect``."""
    shader = skia.GradientShader.MakeLinear([skia.Point(0, rect.top()), skia.Point(0, rect.bottom())], colors, stops)
    canvas.drawRect(rect, skia.Paint(Shader=shader, Dither=True))


def poly(points: list[tuple[float, float]], close: bool = True) -> skia.Path:
    p = skia.Path()
    p.moveTo(*points[0])
    for q in points[1:]:
        p.lineTo(*q)
    if close:
        p.close()
    return p


def ridge(rng: np.random.Generator, width: float, base: float, amp: float, *, bumps: int = 6,
          rough: float = 0.3, bottom: float = 100.0, step: float = 2.0) -> skia.Path:
    """A hill or mountain silhouette: summed random sines over ``[0, width]``, filled down to ``bottom``."""
    xs = np.arange(0.0, width + step, step)
    y = np.zeros_like(xs)
    for k in range(1, 4):
        ph = rng.uniform(0, 6.283)
        y += np.sin(xs / width * 6.283 * bumps * k / 2 + ph) / k
    y += rough * rng.uniform(-1, 1, xs.size)
    y = (y - y.min()) / max(1e-6, float(np.ptp(y)))
    pts = [(0.0, bottom)] + [(float(x), float(base - amp * v)) for x, v in zip(xs, y)] + [(float(xs[-1]), bottom)]
    return poly(pts)
