"""The camera: a played path and its speech timings -> one shot list per episode."""

from .lighting import light
from .props import find_macguffin
from .shots import END_SECONDS, HANDHELD_AT, TITLE_SECONDS, pause_seconds, plan_shots
from .timing import estimate_timings

__all__ = ["END_SECONDS", "HANDHELD_AT", "TITLE_SECONDS", "estimate_timings", "find_macguffin", "light",
           "pause_seconds", "plan_shots"]
