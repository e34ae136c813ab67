"""Fixed schedules, and the one every adaptive director starts a new viewer from.

A ``Schedule`` is the same for every viewer: which telling (one for every beat, or ``arc``: the
director's tension curve moved by ``bias``), a look on every shot, a pace. ``STATIC`` is the best
one for the simulated population (``director.viewers``), fitted by ``bench/watch.py`` on the
training viewers, stories and seeds without telemetry (it says whether this is still the one it
fits). ``start`` puts a drama manager there, so the harness's ``adaptive`` policy and a server's
live films (``serve.live``) are one director, the one the bench measures.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from ..model import Profile
from ..model.profile import Pacing
from .drama import DramaManager

TellingRule = Literal["as_written", "calm", "intense", "arc"]


class Schedule(BaseModel):
    """A fixed schedule, the same for every viewer: which telling (one for every beat, or
    ``arc``: the director's tension curve moved by ``bias``), a look on every shot, a pace."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    telling: TellingRule = "arc"
    bias: float = 0.0
    look: Literal["stakes", "breather"] | None = None
    pacing: Pacing | None = None


#: The best static schedule for the simulated population (see the module's doc).
STATIC = Schedule(telling="arc", bias=-0.2, look="stakes", pacing="slow")


def start(drama: DramaManager, schedule: Schedule = STATIC, profile: Profile | None = None) -> str | None:
    """Start ``drama`` where ``schedule`` is, for a viewer it knows nothing of yet: its lean on
    the tension curve, its look and its pace. A viewer whose profile asks for a pace other than
    the usual keeps it (they told us; the prior is for those who did not). The look to put on
    the shots from the first (None: as cut)."""
    if schedule.telling == "arc":
        drama.bias = schedule.bias
    drama.prior_look = drama.current_look = schedule.look
    if profile is None or profile.pacing == Profile.model_fields["pacing"].default:
        drama.prior_pacing = schedule.pacing
    return schedule.look


__all__ = ["STATIC", "Schedule", "TellingRule", "start"]
