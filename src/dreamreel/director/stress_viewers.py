"""Viewers who break the training viewers' habits, for checking that the director is robust.

``director.viewers`` is what the static schedule and the bandit's prior are fitted on; a director
tuned there can learn its habits (a skip there is mostly boredom, and a choice let run out too).
These viewers feel a beat as those do (``viewers.SimViewer``: the same tastes, perception and
worth), but say it otherwise. They were written before the director measured on them was, and
are for training-side checks only: the held-out judge stays ``bench/outside_watch.py``.

Kinds (``KINDS``):

- ``slow_skipper``: a skip means too slow. Bored, they skip or let a choice run out; overwhelmed,
  they sit through it and say nothing. One clear signal, the way the director reads it.
- ``much_skipper``: a skip means too much. Overwhelmed, they skip ahead or leave the tab and let
  choices run out; bored, they sit through it silently. One clear signal, read the wrong way.
- ``mute``: sends nothing at all and never answers a choice (every countdown runs out).
- ``contrary``: sends both kinds of sign whatever they feel (skips, rewinds, pauses, fast and
  slow choices), a little more of the one they feel: contradictory signals.
- ``drifter``: says what they feel as the training reactors do, but what they want drifts over
  the film (from a level below to one above their taste, or the other way).
"""

from __future__ import annotations

import random
from dataclasses import replace
from typing import Any, Literal

from .viewers import SimViewer, Taste, _clip, random_taste

Kind = Literal["slow_skipper", "much_skipper", "mute", "contrary", "drifter"]
KINDS: tuple[Kind, ...] = ("slow_skipper", "much_skipper", "mute", "contrary", "drifter")
#: How far a drifter's wanted level moves over a film, at most (either way).
DRIFT = 0.35
#: Seconds of film over which a drifter's drift runs its course.
DRIFT_S = 600.0


class StressViewer(SimViewer):
    """A ``SimViewer`` of one of ``KINDS`` (the harness's ``viewer``; a fresh one each viewing)."""

    kind: Kind = "contrary"

    def __init__(self, taste: Taste, kind: Kind, run: int = 0):
        super().__init__(taste, run=run)
        self.kind = kind
        # a drifter's direction, theirs for every viewing
        self.drift = DRIFT if random.Random(f"drift:{taste.seed}").random() < 0.5 else -DRIFT

    def wanted(self, played: Any) -> float:
        want = super().wanted(played)
        if self.kind != "drifter":
            return want
        return _clip(want + self.drift * (min(1.0, played.start_s / DRIFT_S) - 0.5))

    def see(self, played: Any) -> list[dict]:
        events = super().see(played)
        return [] if self.kind == "mute" else events

    def _signals(self, played: Any, gap: float) -> tuple[list[dict], float]:
        if self.kind == "drifter":
            return super()._signals(played, gap)
        t, rng = self.taste, self.rng
        t0, seconds = played.start_s, played.seconds
        clock = t0 + 7.0 * played.index
        events: list[dict] = []
        skipped = 0.0

        def ev(kind: str, at: float, **data: Any) -> None:
            events.append({"kind": kind, "t": round(t0 + at, 3), "data": data, "at": round(clock + at, 3)})

        def skip(at: float) -> float:
            ev("skip", at, wanted_s=5)
            return min(5.0, max(0.0, seconds - at))

        bored = min(1.0, self.boredom / t.patience)
        over = min(1.0, self.overload / t.tolerance)
        if self.kind in ("slow_skipper", "much_skipper"):
            felt = bored if self.kind == "slow_skipper" else over
            if felt > 0.25 and rng.random() < t.chatty * felt:
                at = seconds * rng.uniform(0.2, 0.7)
                if self.kind == "much_skipper" and rng.random() < 0.35:
                    ev("hidden", at)
                    ev("visible", at + rng.uniform(2, 6))
                else:
                    for k in range(rng.randint(1, 2)):
                        skipped += skip(at + 0.3 * k)
        elif self.kind == "contrary":
            # both kinds of sign, whatever they feel; a little more of the one they feel
            trouble = max(bored, over)
            for _ in range(rng.randint(0, 2) + (trouble > 0.25)):
                at = seconds * rng.uniform(0.1, 0.9)
                lean_bored = 0.5 + 0.15 * (1 if bored > over else -1 if over > bored else 0)
                if rng.random() < lean_bored:
                    if rng.random() < 0.6:
                        skipped += skip(at)
                    else:
                        ev("hidden", at)
                        ev("visible", at + rng.uniform(2, 6))
                else:
                    ev("pause", at)
                    ev("seek", at + 0.5, to=max(0.0, t0 + at - rng.uniform(3, 8)))
        for k in range(int(seconds // 2)):  # the player's heartbeat while it plays
            ev("watch", 2.0 * k, rate=1.0)
        events.sort(key=lambda e: e["at"])
        return events, skipped

    def choose(self, offer: Any) -> tuple[str | None, float]:
        t, rng = self.taste, self.rng
        if self.kind == "mute":
            return None, offer.timeout_s
        bored = min(1.0, self.boredom / t.patience)
        over = min(1.0, self.overload / t.tolerance)
        if self.kind == "contrary":  # quick or slow, or not at all, whatever they feel
            if rng.random() < 0.3:
                return None, offer.timeout_s
            return rng.choice(offer.options).id, rng.choice([1.5, 3.0, 9.0, 11.0])
        if self.kind in ("slow_skipper", "much_skipper"):
            felt = bored if self.kind == "slow_skipper" else over
            if rng.random() > t.answers * (1 - 0.7 * felt):
                return None, offer.timeout_s
            return rng.choice(offer.options).id, 2.0 + rng.expovariate(1 / 2.0)
        return super().choose(offer)


def stress_population(n: int, kind: Kind, which: str = "train") -> list[Taste]:
    """``n`` tastes for viewers of ``kind`` (their tastes drawn as ``viewers.population``'s are,
    from a draw of their own)."""
    if kind not in KINDS:
        raise ValueError(f"no stress viewer kind {kind!r}; the kinds: {', '.join(KINDS)}")
    rng = random.Random(f"dreamreel-stress-viewers:{kind}:{which}")
    # (each says what they feel their kind's way: none is the training draw's silent style)
    return [replace(random_taste(rng), style="reactor") for _ in range(n)]


def score_kind(stories: list[Any], kind: Kind, n: int, policies: list[Any], seeds: list[int],
               which: str = "train") -> dict[str, list[float]]:
    """Every ``kind`` viewer of ``stress_population(n, kind, which)`` watches every story at
    every seed under every policy (the same viewer and behaviour noise for each: paired); each
    policy's values, one a viewing (``SimViewer.value``)."""
    from .harness import watch
    from .viewers import full_seconds

    out: dict[str, list[float]] = {}
    for story in stories:
        for seed in seeds:
            full = full_seconds(story, seed)
            for v, taste in enumerate(stress_population(n, kind, which)):
                for policy in policies:
                    viewer = StressViewer(taste, kind, run=seed * 7919 + v)
                    watch(story, viewer, policy, seed=seed)
                    name = policy if isinstance(policy, str) else "static"
                    out.setdefault(name, []).append(viewer.value(full))
    return out


__all__ = ["DRIFT", "KINDS", "Kind", "StressViewer", "score_kind", "stress_population"]
