"""The visible "AI-generated" label, laid over every frame by the edit stage, whatever drew it.

Visual backends draw pictures only; the render workers pass each shot's frames through
:func:`labelled`, which lays the label (a translucent pill with white words, in the corner the
:class:`~dreamreel.model.Label` names) over them, so a plug-in renderer cannot leave it out.
:func:`label_seen` is QC's side: it finds the label's words in a decoded frame.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import skia

from ..model.label import Label
from ..synth.visual.base import HeldFrame, held
from ..synth.visual.cards import draw_label
from .burn import Patch, composite

#: QC: the label's words must be this much brighter (luma, 0-255) than the pill around them.
SEEN_CONTRAST = 40.0


@dataclass(frozen=True)
class _Drawn:
    patch: Patch
    text: np.ndarray  # bool (h, w): the words' pixels
    pill: np.ndarray  # bool (h, w): the pill's pixels around the words


@lru_cache(maxsize=16)
def _drawn(text: str, corner: str, width: int, height: int, channels: int) -> _Drawn:
    rgba = np.zeros((height, width, 4), np.uint8)
    surface = skia.Surface(rgba, colorType=skia.kRGBA_8888_ColorType, alphaType=skia.kPremul_AlphaType)
    draw_label(surface.getCanvas(), width, height, text, corner)
    del surface
    ys, xs = np.nonzero(rgba[..., 3])
    y0, y1, x0, x1 = ys.min(), ys.max() + 1, xs.min(), xs.max() + 1
    box = rgba[y0:y1, x0:x1].astype(np.uint16)
    keep = np.full((y1 - y0, x1 - x0, channels), 255, np.uint8)
    add = np.zeros((y1 - y0, x1 - x0, channels), np.uint8)
    keep[..., :3] = (255 - box[..., 3:]).astype(np.uint8)
    add[..., :3] = box[..., :3].astype(np.uint8)  # already premultiplied
    luma = box[..., :3].mean(axis=2)
    return _Drawn(Patch(keep, add, int(x0), int(y0)), text=luma > 180, pill=(box[..., 3] > 100) & (luma < 40))


def patch_for(label: Label, width: int, height: int, channels: int = 4) -> Patch:
    return _drawn(label.text, label.corner, width, height, channels).patch


def labelled(frames: Iterable[np.ndarray], label: Label | None, width: int, height: int) -> Iterator[np.ndarray]:
    """``frames`` with ``label`` laid over each (None: as they are). A held frame stays held.

    Each frame is yielded as the consumer's until it asks for the next (as frames from a
    backend are). The label is laid on the backend's own frame, and the few pixels under it are
    put back when the next frame is asked for, so the backend finds its frame as it left it:
    copying a whole 720p frame cost more than the label itself. A frame that cannot be written
    to is copied first."""
    if label is None:
        yield from frames
        return
    buf: np.ndarray | None = None
    for frame in frames:
        patch = patch_for(label, width, height, frame.shape[2])
        h, w = patch.keep.shape[:2]
        target = frame.view(np.ndarray)
        if not target.flags.writeable:
            if buf is None or buf.shape != frame.shape:
                buf = np.empty(frame.shape, np.uint8)
            np.copyto(buf, target)
            target = buf
        under = target[patch.y:patch.y + h, patch.x:patch.x + w].copy()
        composite(target, patch)
        try:
            yield held(target) if isinstance(frame, HeldFrame) else target
        finally:  # (also when the consumer stops early)
            target[patch.y:patch.y + h, patch.x:patch.x + w] = under


def label_seen(luma: np.ndarray, label: Label) -> bool:
    """Whether ``label``'s words show in a frame's luma (full-range uint8, the frame's size)."""
    height, width = luma.shape
    d = _drawn(label.text, label.corner, width, height, 3)
    h, w = d.text.shape
    region = luma[d.patch.y:d.patch.y + h, d.patch.x:d.patch.x + w].astype(np.float64)
    if region.shape != d.text.shape or not d.text.any() or not d.pill.any():
        return False
    return float(region[d.text].mean() - region[d.pill].mean()) >= SEEN_CONTRAST
