"""Title and end cards, insert props, and the burned-in "AI-generated" label."""

import math
from functools import lru_cache

import numpy as np
import skia

from ...model.label import LABEL_TEXT
from . import objects
from .looks import Grade, mix
from .paint import glow, stroke, vgrad


@lru_cache(maxsize=8)
def typeface(family: str, bold: bool = False, italic: bool = False) -> skia.Typeface:
    """The system's ``family`` (or its closest match); on a machine with no fonts at all, the
    Roboto that ships with dreamreel's dependencies, so cards and the AI label always have text."""
    style = skia.FontStyle.BoldItalic() if bold and italic else skia.FontStyle.Bold() if bold else \
        skia.FontStyle.Italic() if italic else skia.FontStyle.Normal()
    tf = _system_typeface(family, style)
    if tf is not None and tf.countGlyphs() > 0:
        return tf
    return bundled_typeface(italic)


def _system_typeface(family: str, style: skia.FontStyle) -> skia.Typeface | None:
    return skia.Typeface(family, style)


@lru_cache(maxsize=2)
def bundled_typeface(italic: bool = False) -> skia.Typeface:
    """Roboto (OFL-1.1) from the fontpkg-roboto package."""
    from importlib.resources import files

    name = "Roboto-Italic[wdth,wght].ttf" if italic else "Roboto[wdth,wght].ttf"
    tf = skia.Typeface.MakeFromFile(str(files("fontpkg_roboto") / "files" / name))
    return tf if tf is not None else skia.Typeface("")


def font(family: str, size: float, *, bold: bool = False, italic: bool = False) -> skia.Font:
    f = skia.Font(typeface(family, bold, italic), size)
    if bold and f.getTypeface().fontStyle().weight() < 600:
        f.setEmbolden(True)  # the bundled variable font is drawn at its regular weight
    return f


def _wrap(text: str, font: skia.Font, max_w: float) -> list[str]:
    lines, cur = [], ""
    for word in text.split():
        trial = f"{cur} {word}".strip()
        if cur and font.measureText(trial) > max_w:
            lines.append(cur)
            cur = word
        else:
            cur = trial
    if cur:
        lines.append(cur)
    return lines


def centered_text(c: skia.Canvas, text: str, cx: float, y: float, font: skia.Font, paint: skia.Paint,
                  max_w: float, spacing: float = 1.25) -> float:
    """Draw wrapped lines centred on ``cx`` from baseline ``y``; returns the baseline after the last line."""
    size = font.getSize()
    for line in _wrap(text, font, max_w):
        c.drawString(line, cx - font.measureText(line) / 2, y, font, paint)
        y += size * spacing
    return y


def draw_card_background(c: skia.Canvas, g: Grade, width: int, height: int) -> None:
    """The still part of a title or end card: a deep gradient in the palette's darkest and accent colours."""
    dark = min(g.palette, key=lambda p: sum(p)) if g.palette else (0.05, 0.05, 0.07)
    vgrad(c, skia.Rect(0, 0, width, height),
          [g.c(mix(dark, (0, 0, 0), 0.5), lit=0, pull=0), g.c(mix(dark, g.accent, 0.25), lit=0, pull=0),
           g.c(mix(dark, (0, 0, 0), 0.6), lit=0, pull=0)], [0.0, 0.55, 1.0])
    glow(c, width / 2, height * 0.45, width * 0.45, g.c(g.accent, 0.22, lit=0, pull=0))
    rule = stroke(g.c(g.accent, 0.8, lit=0, pull=0), max(1.0, height / 400))
    c.drawLine(width * 0.38, height * 0.6, width * 0.62, height * 0.6, rule)


def draw_card_text(c: skia.Canvas, g: Grade, kind: str, caption: str, width: int, height: int, t: float) -> None:
    """The words, fading in over the first second-ish (``t`` is 0..1 through the shot)."""
    alpha = min(1.0, t * 4) * (min(1.0, (1 - t) * 6) if kind == "end" else 1.0)
    big = font("DejaVu Serif", height * (0.085 if len(caption) < 28 else 0.06), bold=True)
    big.setSubpixel(True)
    paint = skia.Paint(Color=g.c((0.96, 0.93, 0.86), alpha, lit=0, pull=0), AntiAlias=True)
    shadow = skia.Paint(Color=skia.ColorSetARGB(int(160 * alpha), 0, 0, 0), AntiAlias=True)
    lines = _wrap(caption, big, width * 0.8)
    y = height * 0.55 - (len(lines) - 1) * big.getSize() * 1.2 - height * 0.02
    off = height * 0.004
    for line in lines:
        x = width / 2 - big.measureText(line) / 2
        c.drawString(line, x + off, y + off, big, shadow)
        c.drawString(line, x, y, big, paint)
        y += big.getSize() * 1.2
    small = font("DejaVu Sans", height * 0.028)
    tag = "THE END" if kind == "end" and caption.strip().lower() not in ("the end", "end") else \
        ("a dreamreel film" if kind == "title" else "")
    if tag:
        sub = skia.Paint(Color=g.c(g.accent, alpha * 0.9, lit=0, pull=0), AntiAlias=True)
        spaced = " ".join(tag.upper())
        c.drawString(spaced, width / 2 - small.measureText(spaced) / 2, height * 0.68, small, sub)


def label_font(text: str, width: int, height: int) -> skia.Font:
    """The label's font: a fixed share of the frame's height (legible at 480p), smaller only
    when ``text`` would not otherwise fit across the frame between the margins."""
    face = font("DejaVu Sans", max(10.0, height * 0.024), bold=True)
    room = width - 2 * height * 0.025  # the pill is the text plus a pad of half the font size each side
    need = face.measureText(text) + face.getSize()
    while need > room and face.getSize() > 1:  # hinted advances do not shrink in proportion: measure again
        face.setSize(face.getSize() * room / need * 0.98)
        need = face.measureText(text) + face.getSize()
    return face


def draw_label(c: skia.Canvas, width: int, height: int, text: str = LABEL_TEXT,
               corner: str = "bottom-right") -> None:
    """A small pill with ``text`` (the "AI-generated" label) in ``corner`` of the frame."""
    face = label_font(text, width, height)
    tw = face.measureText(text)
    pad = face.getSize() * 0.5
    w, h, margin = tw + 2 * pad, face.getSize() + pad, height * 0.025
    x0 = margin if corner.endswith("left") else width - margin - w
    y0 = margin if corner.startswith("top") else height - margin - h
    r = skia.Rect.MakeXYWH(x0, y0, w, h)
    c.drawRoundRect(r, pad, pad, skia.Paint(Color=skia.ColorSetARGB(150, 0, 0, 0), AntiAlias=True))
    c.drawString(text, r.left() + pad, r.bottom() - pad * 0.9, face,
                 skia.Paint(Color=skia.ColorSetARGB(235, 255, 255, 255), AntiAlias=True))


def draw_insert_table(c: skia.Canvas, g: Grade, rng: np.random.Generator, width: int, height: int) -> None:
    """The still part of an insert: a lamp-lit wooden table top."""
    u = height / 100
    vgrad(c, skia.Rect(0, 0, width, height), [g.c("#2a1e16"), g.c("#4a3424")])
    grain = stroke(g.c("#3a2a1c"), u * 0.3)
    for y in np.arange(0, height, u * 3.1):
        c.drawLine(0, float(y), width, float(y + rng.uniform(-u, u)), grain)
    glow(c, width * 0.5, height * 0.45, width * 0.4, g.c("#ffd68a", 0.3, lit=0))


def draw_insert(c: skia.Canvas, g: Grade, caption: str, width: int, height: int, t: float,
                year: int | None = None) -> None:
    """An insert's moving part: the prop named by the caption's words (drifting as if held),
    drawn large (objects.py) as the thing of the world's ``year`` that stands for it, and the
    caption under it. Draw it over :func:`draw_insert_table`."""
    u = height / 100
    words = caption.lower()
    # the camera pushes in on it as a hand turns it to the light
    e = t * t * (3 - 2 * t)
    cx, cy = width / 2 + math.sin(t * 3) * 3 * u, height * 0.48
    c.save()
    c.translate(cx, cy)
    c.scale(u * (1.15 + 0.35 * e), u * (1.15 + 0.35 * e))
    c.rotate(-12 + 16 * e)
    objects.draw(c, g, objects.find(words, year), t)
    c.restore()
    face = font("DejaVu Serif", height * 0.045, italic=True)
    centered_text(c, caption, width / 2, height * 0.88, face,
                  skia.Paint(Color=g.c((0.96, 0.93, 0.86), lit=0, pull=0), AntiAlias=True), width * 0.85)
