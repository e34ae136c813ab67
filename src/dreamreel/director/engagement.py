"""How engaged a viewer is, estimated online from what their player reports.

Each telemetry event is evidence of boredom (skipping ahead, hiding the tab, muting, letting a
choice time out, watching sped up, no face at the screen when webcam attention is on) or of overload (rewinding, pausing, agonising over a
choice), or of attention (watching on, moving the pointer, choosing quickly). Evidence decays
with a half-life in wall-clock time, and a skip counts by how much of the film it skipped, in
segments, so a jump over a short scene weighs what a jump over a long one does.

The resulting score (1 = rapt, 0 = gone) is watched by two change detectors from river: ADWIN
(a window whose mean has shifted) and Page-Hinkley (a sustained drop), so a sudden turn is
flagged as a change, not only a level.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Literal

from river import drift

Level = Literal["engaged", "bored", "overwhelmed"]
#: A skip of this many seconds of film counts as one full unit of boredom.
SKIP_UNIT_S = 4.0


def _num(x: Any, default: float) -> float:
    """A number from an event's field (a string, a bool or a NaN is not one: ``default``)."""
    if isinstance(x, bool) or not isinstance(x, (int, float)) or not math.isfinite(x):
        return default
    return float(x)


@dataclass
class Estimate:
    level: Level
    confidence: float        # 0..1
    score: float             # 1 = rapt .. 0 = gone
    boredom: float
    overload: float
    changed: bool = False    # a change detector fired on this event
    why: list[str] = field(default_factory=list)


class Engagement:
    """One viewer's running estimate; feed it events with ``observe``."""

    def __init__(self, half_life_s: float = 45.0, threshold: float = 1.0):
        self.half_life_s, self.threshold = half_life_s, threshold
        self.boredom = 0.0
        self.overload = 0.0
        self._at: float | None = None
        self._skipped_at: float | None = None  # wall time of the last skip (its seek follows)
        self._adwin = drift.ADWIN(delta=0.05)
        self._drop = drift.PageHinkley(min_instances=4, delta=0.01, threshold=0.6, mode="down")
        self.recent: list[str] = []
        self.estimate = Estimate("engaged", 0.5, 1.0, 0.0, 0.0)
        self._peak: Estimate | None = None  # the strongest estimate since the last take()

    def peek(self) -> Estimate:
        """What ``take`` would give now, without starting over."""
        peak = self._peak
        return self.estimate if peak is None or peak.level == "engaged" else peak

    def take(self) -> Estimate:
        """The strongest reading since the last take (a viewer bored a moment ago, who has since
        settled back, still asked for a change), then start over from now."""
        peak, self._peak = self._peak, None
        if peak is None or peak.level == "engaged":
            return self.estimate
        return peak

    def _decay(self, at: float) -> None:
        if self._at is not None and at > self._at:
            k = math.exp(-math.log(2) * (at - self._at) / self.half_life_s)
            self.boredom *= k
            self.overload *= k
        self._at = at if self._at is None else max(self._at, at)

    def observe(self, kind: str, t: float, data: dict[str, Any], at: float) -> Estimate:
        """One event: its kind, the film time it happened at, its data, and the wall-clock time.
        A field that is not a number where one is expected counts as missing."""
        self._decay(at)
        b = o = 0.0
        why = ""
        if kind == "seek":
            to = _num(data.get("to"), t)
            if to > t + 1.0:
                b, why = min(2.0, (to - t) / SKIP_UNIT_S), f"skipped {to - t:.0f} s ahead"
                if self._skipped_at is not None and 0.0 <= at - self._skipped_at <= 1.0:
                    # The player's skip key sends a skip and then the seek it makes: one skip,
                    # as far as it went, not two.
                    b = max(0.0, b - 1.0)
                self._skipped_at = None
            elif to < t - 1.0:
                o, why = 0.5, f"went back {t - to:.0f} s"
        elif kind == "skip":
            b, why = 1.0, "skipped"
            self._skipped_at = at
        elif kind == "hidden":
            b, why = 0.8, "left the tab"
        elif kind == "mute":
            b, why = 0.4, "muted"
        elif kind == "pause":
            o, why = 0.25, "paused"
        elif kind == "replay":
            o, why = 0.5, "replayed"
        elif kind == "stall":
            b = 0.1
        elif kind == "watch":
            rate = _num(data.get("rate"), 1.0)
            if rate > 1.05:
                b, why = 0.4, f"watching at {rate:g}x"
            else:
                b = -0.05
        elif kind in ("pointer", "visible", "play"):
            b = -0.05
        elif kind == "webcam":  # a frame a second, when the viewer turned webcam attention on
            if data.get("face") is False:
                b, why = 0.25, "looked away"
            elif data.get("face") is True:
                b = -0.05
        elif kind == "choice" and "option" in data:
            latency = _num(data.get("latency_ms"), 0.0) / 1000
            if data.get("by") == "timeout":
                b, why = 0.6, "let a choice run out"
            elif latency < 4.0:
                b, why = -0.5, f"chose in {latency:.1f} s"
            elif latency > 8.0:
                o, why = 0.3, f"took {latency:.0f} s to choose"
        self.boredom = max(0.0, self.boredom + b)
        self.overload = max(0.0, self.overload + o)
        if why:
            self.recent = (self.recent + [why])[-4:]
        score = 1.0 / (1.0 + self.boredom + self.overload)
        self._adwin.update(score)
        self._drop.update(score)
        changed = bool(self._adwin.drift_detected or self._drop.drift_detected)
        level: Level = "engaged"
        if max(self.boredom, self.overload) >= self.threshold:
            level = "bored" if self.boredom >= self.overload else "overwhelmed"
        strength = max(self.boredom, self.overload)
        confidence = min(1.0, strength / (2 * self.threshold)) if level != "engaged" else \
            max(0.0, 1.0 - strength / self.threshold)
        self.estimate = Estimate(level, round(confidence, 3), round(score, 3), round(self.boredom, 3),
                                 round(self.overload, 3), changed, list(self.recent))
        if level != "engaged" and (self._peak is None or max(self.boredom, self.overload)
                                   >= max(self._peak.boredom, self._peak.overload)):
            self._peak = self.estimate
        return self.estimate
