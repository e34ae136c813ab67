"""Subtitles burned into the picture (``--burn-subtitles``).

:class:`SubtitledBackend` wraps any visual backend: each frame it draws gets the captions of its
shot (``edit.captions.shot_captions``: the same rows, times and speaker names as the .vtt and the
MP4's text track) as white text on a dark box, centred above the bottom tenth of the frame (clear
of the AI label in its corner). It draws in the render workers, shot by shot, so burning costs
about a quarter of a millisecond a captioned 720p frame and nothing where no one speaks. Its
name and version differ from the wrapped backend's, so burned and clean shots never share a
cache entry.

Frames the wrapped backend marks as held (the same picture again) stay held while the caption
does not change, so picture QC still sees them as still.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from ..model.bible import Bible
from ..model.label import Label
from ..model.shot import Shot
from ..synth.visual.base import HeldFrame, VisualBackend, held
from .captions import shot_captions, subtitle_text

#: Bumped when the burned look changes (it is part of the shots' cache key).
BURN_VERSION = "1"
#: Text height as a share of the frame's height; the box's bottom edge, as a share from the top.
TEXT_SIZE = 0.045
BOTTOM = 0.90


@lru_cache(maxsize=4)
def roboto(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """Roboto (shipped with dreamreel's dependencies: the same on every machine), medium weight."""
    from importlib.resources import files

    try:
        f = ImageFont.truetype(str(files("fontpkg_roboto") / "files" / "Roboto[wdth,wght].ttf"), size)
        f.set_variation_by_name("Medium")
        return f
    except (OSError, ValueError, ModuleNotFoundError):  # no FreeType or no font: Pillow's own
        return ImageFont.load_default(size)


@dataclass(frozen=True)
class Patch:
    """A caption ready to lay over frames: ``frame * keep / 255 + add`` over its box at (x, y)."""

    keep: np.ndarray  # uint8 (h, w, channels): 255 - alpha (255 on a fourth, alpha channel)
    add: np.ndarray   # uint8 (h, w, channels): the premultiplied colour (0 on a fourth channel)
    x: int
    y: int


def caption_patch(text: str, width: int, height: int, channels: int = 3) -> Patch:
    """``text`` (rows split at "\\n") drawn for a ``width`` x ``height`` frame of ``channels``
    (3: RGB, 4: RGBA) as white words on a dark rounded box, centred above the bottom tenth."""
    rows = text.split("\n")
    size = max(10, round(height * TEXT_SIZE))
    font = roboto(size)
    probe = ImageDraw.Draw(Image.new("L", (1, 1)))
    widest = max(probe.textlength(r, font=font) for r in rows)
    room = width * 0.92
    if widest > room:  # a long name or word: smaller text rather than cut off
        size = max(8, int(size * room / widest))
        font = roboto(size)
        widest = max(probe.textlength(r, font=font) for r in rows)
    pad, lead = round(size * 0.45), round(size * 1.25)
    w, h = int(widest) + 2 * pad, lead * len(rows) + 2 * pad - (lead - size) // 2
    img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((0, 0, w - 1, h - 1), radius=pad, fill=(0, 0, 0, 165))
    for i, row in enumerate(rows):
        d.text((w / 2, pad + i * lead), row, font=font, fill=(255, 255, 255, 255), anchor="ma")
    x = max(0, (width - w) // 2)
    y = max(0, round(height * BOTTOM) - h)
    rgba = np.asarray(img, np.uint16)[: height - y, : width - x]
    keep = np.full((*rgba.shape[:2], channels), 255, np.uint8)
    add = np.zeros((*rgba.shape[:2], channels), np.uint8)
    keep[..., :3] = 255 - rgba[..., 3:]
    add[..., :3] = rgba[..., :3] * rgba[..., 3:] // 255
    return Patch(keep, add, x, y)


def composite(frame: np.ndarray, patch: Patch) -> None:
    """Lay ``patch`` over ``frame`` (uint8, as many channels as the patch) in place."""
    h, w = patch.keep.shape[:2]
    region = frame[patch.y : patch.y + h, patch.x : patch.x + w]
    cv2.multiply(region, patch.keep, dst=region, scale=1 / 255)  # (OpenCV: ten times numpy's speed)
    cv2.add(region, patch.add, dst=region)


class SubtitledBackend:
    """A visual backend's frames with their shot's captions burned in."""

    def __init__(self, inner: VisualBackend):
        self.inner = inner
        self.name = f"{inner.name}+subtitles"
        self.version = f"{inner.version}+burn{BURN_VERSION}"

    def __getattr__(self, name: str) -> Any:  # anything else the wrapped backend offers
        if name == "inner":  # (not set yet: being unpickled)
            raise AttributeError(name)
        return getattr(self.inner, name)

    def requires(self) -> list[str]:
        return self.inner.requires()

    def render_shot(self, shot: Shot, bible: Bible, *, width: int, height: int, fps: int,
                    mouths: dict[str, np.ndarray] | None = None,
                    label: Label | bool | None = None, first: int = 0) -> Iterator[np.ndarray]:
        names = {c.id: c.name for c in bible.cast}
        spans = []  # (first frame, end frame, text) in the shot's frames
        for cap in shot_captions(shot, fps, names):
            f0, f1 = round(cap.start * fps), round(cap.end * fps)
            if f1 > f0:
                spans.append((f0, f1, subtitle_text(cap)))
        extra = {"first": first} if first else {}
        frames = self.inner.render_shot(shot, bible, width=width, height=height, fps=fps, mouths=mouths,
                                        label=label, **extra)
        if not spans:
            yield from frames
            return
        patches: dict[str, Patch] = {}
        buf: np.ndarray | None = None
        shown: str | None = None  # the caption on the last frame yielded
        for i, frame in enumerate(frames, first):
            text = next((t for f0, f1, t in spans if f0 <= i < f1), None)
            still = isinstance(frame, HeldFrame) and i > first
            if text is None:
                # No caption: the backend's own frame (held only if the last one had none either).
                yield frame if still and shown is None else frame.view(np.ndarray)
                shown = None
                continue
            if still and text == shown and buf is not None:
                yield held(buf)
                continue
            if buf is None or buf.shape != frame.shape:
                buf = np.empty(frame.shape, np.uint8)
            np.copyto(buf, frame)
            if text not in patches:
                patches[text] = caption_patch(text, width, height, frame.shape[2])
            composite(buf, patches[text])
            shown = text
            yield buf
