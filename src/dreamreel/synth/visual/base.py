"""The visual backend interface: a shot (plus the bible) in, frames out.

A backend turns one :class:`~dreamreel.model.shot.Shot` into exactly ``shot.frames`` pictures.
The procedural renderer (``procedural.py``) is the embedded default; GPU diffusion backends
implement the same protocol.
"""

from collections.abc import Iterator
from typing import Protocol, runtime_checkable

import numpy as np

from ...model.bible import Bible
from ...model.label import Label
from ...model.shot import Shot


class HeldFrame(np.ndarray):
    """A frame that shows the same picture as the one before it (animation on twos, a held
    card). It is an ordinary array to anyone who does not care; an encoder can skip the colour
    conversion, and QC knows the picture did not change."""


def held(frame: np.ndarray) -> HeldFrame:
    """Mark ``frame`` (unchanged since it was last yielded) as a repeat of the frame before."""
    return frame.view(HeldFrame)


@runtime_checkable
class VisualBackend(Protocol):
    """Draws shots.

    ``render_shot`` yields ``shot.frames`` arrays of shape ``(height, width, 3)`` (RGB) or
    ``(height, width, 4)`` (RGBA, opaque: the fourth channel is ignored), dtype uint8,
    C-contiguous. A backend may reuse one buffer for every frame it yields (the procedural
    renderer does): a caller that keeps a frame past the next ``next()`` must copy it.

    ``mouths[char_id][i]`` is how open that character's mouth is (0..1) at frame ``i`` of this
    shot, measured from their voice track; a character missing from ``mouths`` (or ``mouths``
    None) gets a mouth animated from the shot's cues instead. ``label`` (a
    :class:`~dreamreel.model.Label`; None: none) burns its text into its corner of the frame,
    small enough to fit across it (``True``/``False`` still mean the default label / none).
    ``first``: start at this frame of the shot (the frames
    before it are neither drawn nor yielded; what is yielded equals the whole shot's tail). A frame yielded as a :class:`HeldFrame` repeats the
    picture of the frame before it.
    """

    name: str
    version: str

    def requires(self) -> list[str]:
        """What this backend needs that may be missing (packages, GPU), as human-readable names;
        raises MissingDependencyError naming the missing piece when it cannot run here."""
        ...

    def render_shot(self, shot: Shot, bible: Bible, *, width: int, height: int, fps: int,
                    mouths: dict[str, np.ndarray] | None = None,
                    label: Label | bool | None = None, first: int = 0) -> Iterator[np.ndarray]:
        ...
