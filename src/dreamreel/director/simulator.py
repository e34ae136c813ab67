"""Simulated viewers, for judging a director offline: many viewers, many seeds, no rendering.

A viewer has hidden tastes: the tension they enjoy and how far from it they stay with the film.
Watching a beat far below their taste bores them (more the longer it lasts); far above, it
overwhelms them. Bored, they skip ahead and wander off to other tabs, and when boredom passes
their patience they leave; overwhelmed, they pause and rewind. They choose what sounds closer
to their taste, more slowly when less engaged. What they do is all a director sees (the same
telemetry a real player sends); how much they enjoyed it is known only to the simulation.

``compare`` runs the same viewers through a fixed film (as written, their own choices) and
through the adaptive director (engagement estimate + drama manager), and reports the lift.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from ..model import Story
from ..model.story import Beat, BeatVariant, Option
from ..narrative.compose import WORDS_PER_SECOND
from .drama import DramaManager
from .engagement import Engagement
from .path import Walk, telling


@dataclass
class Taste:
    tension: float      # what they enjoy
    width: float        # how far from it they still enjoy it
    patience: float     # boredom they take before leaving


@dataclass
class Watched:
    enjoyment: float    # watch-time weighted mean enjoyment, 0 for the part they left before
    seconds: float
    left: bool
    interventions: int


def beat_seconds(beat: Beat, told: Beat | BeatVariant) -> float:
    """About how long a beat plays: its words at the writer's speaking pace, plus a few seconds
    of pictures."""
    words = len(told.narration.split()) + sum(len(ln.text.split()) for ln in told.lines)
    return words / WORDS_PER_SECOND + 3.0


class SimViewer:
    def __init__(self, taste: Taste, rng: random.Random):
        self.taste, self.rng = taste, rng
        self.boredom = 0.0
        self.overload = 0.0

    def enjoy(self, tension: float) -> float:
        return math.exp(-((tension - self.taste.tension) / self.taste.width) ** 2)

    def watch(self, tension: float, seconds: float, t0: float, clock: float) -> list[tuple[str, float, dict, float]]:
        """Watch a beat; returns the telemetry events it caused (kind, film time, data, wall time)."""
        gap = tension - self.taste.tension
        events: list[tuple[str, float, dict, float]] = []
        if gap < -self.taste.width:
            self.boredom += (-gap - self.taste.width) * seconds / 6
        elif gap > self.taste.width:
            self.overload += (gap - self.taste.width) * seconds / 6
        else:
            self.boredom *= 0.6
            self.overload *= 0.6
        t = t0
        for k in range(int(seconds // 2)):  # the player's heartbeat
            events.append(("watch", t + 2 * k, {"rate": 1.0}, clock + 2 * k))
        if self.boredom > 0.5 and self.rng.random() < min(0.9, self.boredom):
            events.append(("seek", t0 + seconds * 0.3, {"to": t0 + seconds * 0.3 + 4 + 4 * self.boredom},
                           clock + seconds * 0.3))
        if self.boredom > 1.0 and self.rng.random() < 0.5:
            events.append(("hidden", t0 + seconds * 0.5, {}, clock + seconds * 0.5))
            events.append(("visible", t0 + seconds * 0.6, {}, clock + seconds * 0.6 + 5))
        if self.overload > 0.6 and self.rng.random() < min(0.9, self.overload):
            events.append(("pause", t0 + seconds * 0.5, {}, clock + seconds * 0.5))
            events.append(("seek", t0 + seconds * 0.5, {"to": max(0.0, t0 + seconds * 0.5 - 5)},
                           clock + seconds * 0.5 + 2))
        return events

    def choose(self, offered: list[Option], next_tension: dict[str, float]) -> tuple[Option, float]:
        """An option and how long it took (seconds)."""
        best = min(offered, key=lambda o: abs(next_tension[o.id] - self.taste.tension) + self.rng.random() * 0.15)
        latency = 1.5 + 6 * min(1.0, self.boredom + self.overload) + self.rng.random()
        return best, latency

    @property
    def gone(self) -> bool:
        return self.boredom > self.taste.patience


def watch_story(story: Story, viewer: SimViewer, *, adaptive: bool, seed: int = 0) -> Watched:
    engagement = Engagement()
    drama = DramaManager(story)
    clock = 0.0
    enjoyed = 0.0
    film_s = 0.0

    def variant(beat: Beat):  # type: ignore[no-untyped-def]
        return drama.variant(beat, engagement.take(), at_s=film_s) if adaptive else None

    def chooser(beat: Beat, offered: list[Option], visit: int) -> Option:
        nonlocal clock
        option, latency = viewer.choose(offered, {o.id: walk.target(beat, o).tension for o in offered})
        clock += latency
        engagement.observe("choice", film_s, {"option": option.id, "by": "viewer", "latency_ms": latency * 1000},
                           clock)
        return option

    walk = Walk(story, chooser, seed=seed, variant=variant)
    for step in walk:
        beat = story.graph.beat(step.beat)
        told = telling(story, step)
        seconds = beat_seconds(beat, told)
        for kind, t, data, at in viewer.watch(told.tension, seconds, film_s, clock):
            engagement.observe(kind, t, data, at)
        enjoyed += viewer.enjoy(told.tension) * seconds
        film_s += seconds
        clock += seconds
        if viewer.gone:
            break
    # Leaving early costs: what they did not stay for (taken as half again what they saw) counts
    # as not enjoyed.
    total = film_s * 1.5 if viewer.gone else film_s
    return Watched(enjoyed / max(total, 1e-9), film_s, viewer.gone, len(drama.log))


def random_taste(rng: random.Random) -> Taste:
    return Taste(tension=rng.uniform(0.2, 0.95), width=rng.uniform(0.12, 0.25), patience=rng.uniform(1.5, 3.5))


def compare(stories: list[Story], viewers: int = 100, seed: int = 0) -> dict[str, float]:
    """Mean enjoyment of the same simulated viewers, fixed film against the adaptive director."""
    fixed, adaptive, left_fixed, left_adaptive = [], [], 0, 0
    for s_i, story in enumerate(stories):
        for v in range(viewers):
            taste = random_taste(random.Random(f"{seed}:{s_i}:{v}"))
            a = watch_story(story, SimViewer(taste, random.Random(f"{seed}:{s_i}:{v}:run")), adaptive=False, seed=v)
            b = watch_story(story, SimViewer(taste, random.Random(f"{seed}:{s_i}:{v}:run")), adaptive=True, seed=v)
            fixed.append(a.enjoyment)
            adaptive.append(b.enjoyment)
            left_fixed += a.left
            left_adaptive += b.left
    mf, ma = sum(fixed) / len(fixed), sum(adaptive) / len(adaptive)
    n = len(fixed)
    return {"viewers": n, "fixed_enjoyment": round(mf, 4), "adaptive_enjoyment": round(ma, 4),
            "lift": round((ma - mf) / mf, 4) if mf else 0.0,
            "left_early_fixed": round(left_fixed / n, 4), "left_early_adaptive": round(left_adaptive / n, 4)}
