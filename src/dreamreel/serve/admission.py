"""Admission control: which live films are made now, and which wait their turn.

A film is admitted only while production stays ahead of every watched film's playback, by two
checks that must both hold:

- the plan (from the cores and the backends' declared cost): the films being made for a viewer
  who watches, and the new one, each cost ``film_cost`` CPU seconds a second of film (the
  visual, voice and music backends' ``cpu_per_second``, read from ``backends.declared``); with
  ``USABLE`` of the cores shared among them, each must still be made at ``MARGIN`` times real
  time at least, since a film's start and the beat after each choice are made in a burst;
- the measure (what the machine makes now, whatever else runs on it): every watched film being
  made is at least ``READY_LEAD_S`` of film ahead of its viewer's playhead, or waits on its
  viewer's choice. A film just started is not there yet, so films start one at a time and no
  two opening bursts share the machine.

A film nobody watches (no player heard from it) takes no share of the plan and yields: its
production waits while a film waits to start or a watched film is not yet ahead (``yields``),
so unwatched films never slow watched ones down.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from typing import Any

#: Of the cores, what films may use (the rest: the server, its database, the system).
USABLE = 0.8
#: Each admitted film must be made at least this many times faster than it plays.
MARGIN = 1.5
#: Film seconds a watched film must be made ahead of its viewer before another film may start.
READY_LEAD_S = 3.0
#: A live film draws more than its cut: the first beat of every branch while its viewer chooses
#: (bench/serve.py measured 0.3-0.5 CPU s a second of 480p film where production alone is 0.27).
LIVE_EXTRA = 1.3
#: The pixels a visual backend's ``cpu_per_second`` is declared for (720p).
REFERENCE_PIXELS = 1280 * 720
#: Films nobody watches, parked beyond the plan, as a multiple of what the plan admits (they
#: cost memory while they wait).
PARKED = 1


@dataclass(frozen=True)
class Load:
    """A film being made, as admission sees it."""

    #: Someone's player is heard from (a film nobody watches yields).
    watched: bool
    #: Film seconds made ahead of the viewer's playhead.
    lead_s: float
    #: Production waits on the viewer's choice (not on the machine).
    choosing: bool = False

    @property
    def keeping_up(self) -> bool:
        return not self.watched or self.choosing or self.lead_s >= READY_LEAD_S


@dataclass(frozen=True)
class Plan:
    """What this machine can make at once: ``cores``, what a second of live film costs
    (``cost``, CPU seconds) and the most at once any backend allows (``most``; None: no bound)."""

    cores: float
    cost: float
    most: int | None = None

    @property
    def films(self) -> int:
        """Films that may be made at once for viewers watching (at least one, whatever it costs)."""
        fit = math.floor(self.cores * USABLE / (self.cost * MARGIN) + 1e-9) if self.cost > 0 else 1 << 16
        return max(1, min(fit, self.most) if self.most is not None else fit)

    def rate(self, films: int) -> float:
        """How many times faster than it plays each of ``films`` films is made, the usable cores
        shared evenly (infinite for a film that costs no CPU)."""
        return math.inf if self.cost <= 0 else self.cores * USABLE / (max(1, films) * self.cost)


def pixels(res: str) -> int:
    from ..production import RESOLUTIONS

    width, height = RESOLUTIONS.get(res, RESOLUTIONS["720p"])
    return width * height


def film_cost(res: str, chosen: dict[str, Any] | None = None) -> float:
    """CPU seconds a second of live film costs at ``res`` with the backends ``chosen`` (kind ->
    backend in hand; absent or None: the built-in default): each one's declared
    ``cpu_per_second`` (a visual backend's scaled from 720p by the pixels), a backend off the CPU
    none, one that does not say what the built-in of its kind declares; times ``LIVE_EXTRA``."""
    from ..backends import declared, info

    chosen = chosen or {}
    default = {"visual": "procedural", "voice": "piper", "music": "procedural"}
    total = 0.0
    for kind, name in default.items():
        backend = chosen.get(kind)
        said = declared(kind, backend) if backend is not None else info(kind, name)
        cpu = said.cpu_per_second
        if cpu is None:
            cpu = 0.0 if said.device != "cpu" else info(kind, name).cpu_per_second or 0.0
        total += cpu * (pixels(res) / REFERENCE_PIXELS if kind == "visual" else 1.0)
    return total * LIVE_EXTRA


def most_at_once(chosen: dict[str, Any] | None = None) -> int | None:
    """The fewest films at once a backend allows: a visual backend's ``concurrency`` (every live
    film keeps the drawer busy just ahead of its viewer), and a voice or music backend's off the
    CPU (a GPU or an API shared by every film; on the CPU each film has its own)."""
    from ..backends import declared

    caps = []
    for kind, backend in (chosen or {}).items():
        if backend is None or kind not in ("visual", "voice", "music"):
            continue
        said = declared(kind, backend)
        if said.concurrency is not None and (kind == "visual" or said.device != "cpu"):
            caps.append(said.concurrency)
    return min(caps) if caps else None


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def plan_for(res: str, chosen: dict[str, Any] | None = None, n_cores: float | None = None) -> Plan:
    """This machine's plan for live films at ``res`` made with the backends ``chosen``."""
    return Plan(float(n_cores if n_cores is not None else cores()), film_cost(res, chosen), most_at_once(chosen))


def why_wait(plan: Plan, making: list[Load]) -> str | None:
    """Why the next film waiting may not start now (None: it may)."""
    watched = [m for m in making if m.watched]
    if len(watched) >= plan.films:
        return f"{len(watched)} films are being made for viewers watching them, as many as this machine " \
               f"makes at once without a stall"
    if len(making) >= plan.films * (1 + PARKED):
        return f"{len(making)} films are being made, as many as this server holds at once"
    if not all(m.keeping_up for m in making):
        return "a film being made is not yet far enough ahead of its viewer"
    return None


def yields(plan: Plan, making: list[Load], waiting: int) -> bool:
    """Should a film nobody watches wait, so watched films (and films waiting to start) have the
    machine? Not while the films being made are all this server holds: then the queue waits for
    them to finish, which they must go on to do."""
    held = len(making) >= plan.films * (1 + PARKED)
    return (waiting > 0 and not held) or not all(m.keeping_up for m in making)
