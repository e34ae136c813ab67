"""Looks put on shots already cut: the director's palette shift and camera energy, and the
viewer's own change of setting.

A telling (``drama.variant``) changes a beat's words, so it can only start at the next beat; a
look changes only light and framing, so it can go onto shots already drawn but not yet streamed
and reach the viewer within seconds. Each look is a pure function of the camera's shot (it is
always applied to the shot as cut, never to a shot already changed), so looks never compound.

- ``stakes``: for a restless viewer: harder, hotter light (more contrast, lower key, warmer,
  the palette pushed towards its reds and made more saturated), and a still camera that
  starts pushing in.
- ``breather``: for an overwhelmed one: softer, cooler, paler light, and a camera that holds still.

Production puts a look whole on every shot it cuts from then on, and only its light on shots
already cut but not yet streamed (``production._InOrder.restyle``): a framing that jumped
mid-shot would read as a glitch, a light that changes reads as a lighting cue.

``setting(time_of_day, weather)``: the viewer's "change the setting" lever; being no change of
light, it starts with the next beat cut.
"""

from __future__ import annotations

import colorsys
from collections.abc import Callable
from typing import Literal

from ..model.bible import TimeOfDay, Weather
from ..model.shot import Lighting, Shot

LookName = Literal["stakes", "breather"]
#: Shots that are part of the drama (cards and inserts keep their look).
_DRAMA = {"establishing", "scene", "dialogue", "reaction"}


def _shift(hex_colour: str, hue_to: float, pull: float, saturate: float) -> str:
    r, g, b = (int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    h, s, v = colorsys.rgb_to_hsv(r, g, b)
    d = ((hue_to - h + 0.5) % 1.0) - 0.5  # shortest way round the colour wheel
    h = (h + d * pull) % 1.0
    s = min(1.0, max(0.0, s * saturate))
    r, g, b = colorsys.hsv_to_rgb(h, s, v)
    return "#" + "".join(f"{round(x * 255):02x}" for x in (r, g, b))


def _clamp(x: float, lo: float = 0.0, hi: float = 1.0) -> float:
    return min(hi, max(lo, x))


def stakes(shot: Shot) -> Shot:
    if shot.kind not in _DRAMA:
        return shot
    lt = shot.lighting
    light = Lighting(key=_clamp(lt.key - 0.12), contrast=_clamp(lt.contrast + 0.35),
                     warmth=_clamp(lt.warmth + 0.7, -1.0, 1.0), monochrome=lt.monochrome,
                     grain=_clamp(lt.grain + 0.1), palette=[_shift(p, 0.0, 0.45, 1.35) for p in lt.palette])
    update: dict = {"lighting": light, "tension": _clamp(shot.tension + 0.25)}
    if shot.move == "static" and shot.kind in ("dialogue", "reaction", "scene"):
        update["move"] = "push_in"
    return shot.model_copy(update=update)


def breather(shot: Shot) -> Shot:
    if shot.kind not in _DRAMA:
        return shot
    lt = shot.lighting
    light = Lighting(key=_clamp(lt.key + 0.1), contrast=_clamp(lt.contrast - 0.25),
                     warmth=_clamp(lt.warmth - 0.45, -1.0, 1.0), monochrome=lt.monochrome,
                     grain=_clamp(lt.grain - 0.1), palette=[_shift(p, 0.58, 0.3, 0.6) for p in lt.palette])
    update: dict = {"lighting": light, "tension": _clamp(shot.tension - 0.2)}
    if shot.move in ("handheld", "push_in"):
        update["move"] = "static"
    return shot.model_copy(update=update)


def as_cut(shot: Shot) -> Shot:
    """No look: the shot as the camera cut it."""
    return shot


LOOKS = {"stakes": stakes, "breather": breather}


def setting(time_of_day: TimeOfDay | None = None, weather: Weather | None = None) -> Callable[[Shot], Shot]:
    """Drama shots at this time of day and in this weather (None: as written)."""
    update = {k: v for k, v in (("time_of_day", time_of_day), ("weather", weather)) if v is not None}

    def change(shot: Shot) -> Shot:
        return shot.model_copy(update=update) if update and shot.kind in _DRAMA else shot
    return change


def compose(*changes: Callable[[Shot], Shot]) -> Callable[[Shot], Shot]:
    """One change after another (the setting first, then the light on it)."""
    def change(shot: Shot) -> Shot:
        for c in changes:
            shot = c(shot)
        return shot
    return change
