"""Fixed schedules, and the one every adaptive director starts a new viewer from.

A ``Schedule`` is the same for every viewer: which telling (one for every beat, or ``arc``: the
director's tension curve moved by ``bias``), a look on every shot, a pace. ``STATIC`` is the best
one for the simulated population (``director.viewers``), fitted without telemetry on the
training viewers, stories and seeds (``viewers.fit_population_static``) by
``python scripts/fit_static.py``, which writes it with how it was fitted to ``STATIC_FILE``
(``director/data/static.json``); ``bench/watch.py`` fits it again and says whether this is still
the one it fits.

``START`` is where the adaptive director starts a viewer it knows nothing of yet: ``STATIC``
itself (issue 14: the best fixed schedule is the best the director can do with no evidence, so
it starts there and moves only on this viewer's evidence). A schedule that tells every beat one
way (as written, calm or intense) is the director's home telling (``DramaManager.telling``): its
drive moves each beat from that telling's tension, and with nothing to move it, it tells every
beat so, with the schedule's look and pace, and lets a choice's countdown take the default; an
``arc`` schedule is its own tension curve with a lean. (Before, it could start only at an ``arc``
schedule, the best of which was a different film from ``STATIC``.) ``start`` puts a drama manager
at ``START``, so the harness's ``adaptive`` and ``learned`` policies and a server's live films
(``serve.live``) are one director, the one the bench measures.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

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


class Fitted(BaseModel):
    """``STATIC`` and ``START`` as shipped, with how they were fitted (``scripts/fit_static.py``
    writes it)."""

    model_config = ConfigDict(extra="forbid")
    schedule: Schedule
    #: the mean value (enjoyment a second) of the training viewings under it
    value: float
    #: the best schedule the adaptive director can start at (``startable``), and its value
    start: Schedule
    start_value: float
    #: the fit: viewers, population, stories, seeds, schedules tried, the runners-up
    fitted_on: dict[str, Any]
    #: the digest of the director's code the fit ran (``fingerprint.code(fingerprint.STATIC_FIT)``)
    code: str | None = None


#: Where ``STATIC`` ships.
STATIC_FILE = Path(__file__).parent / "data" / "static.json"
_FITTED = Fitted.model_validate_json(STATIC_FILE.read_text(encoding="utf-8"))
#: The best static schedule for the simulated population (see the module's doc).
STATIC = _FITTED.schedule
#: Where the adaptive director starts every viewer (see the module's doc).
START = _FITTED.start


def startable(schedule: Schedule) -> bool:
    """Whether the adaptive director can start at ``schedule`` (``start``): any, now (a fixed
    telling is its home telling; before issue 14's outcome work, only its tension curve)."""
    return True


def start(drama: DramaManager, schedule: Schedule = START, profile: Profile | None = None) -> str | None:
    """Start ``drama`` where ``schedule`` is, for a viewer it knows nothing of yet: its lean on
    the tension curve, its look and its pace. A viewer whose profile asks for a pace other than
    the usual keeps it (they told us; the prior is for those who did not). The look to put on
    the shots from the first (None: as cut)."""
    drama.telling = schedule.telling
    if schedule.telling == "arc":
        drama.bias = schedule.bias
    drama.prior_look = drama.current_look = schedule.look
    if profile is None or profile.pacing == Profile.model_fields["pacing"].default:
        drama.prior_pacing = schedule.pacing
    return schedule.look


__all__ = ["START", "STATIC", "STATIC_FILE", "Fitted", "Schedule", "TellingRule", "start", "startable"]
