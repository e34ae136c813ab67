"""How engaged a viewer is, estimated online from what their player reports.

Each telemetry event is evidence of boredom (skipping ahead, hiding the tab, muting, letting a
choice time out, watching sped up, no face at the screen when webcam attention is on) or of overload (rewinding, pausing, agonising over a
choice), or of attention (watching on, moving the pointer, choosing quickly). Turning away (another
tab, muting, no face) says only that something is wrong: given ``context`` (how intense the beat
playing was against the viewer's recent ones), it reads as overload in a tenser beat, as boredom
in a calmer one. Evidence decays
with a half-life in wall-clock time, and a skip counts by how much of the film it skipped, in
segments, so a jump over a short scene weighs what a jump over a long one does.

The resulting score (1 = rapt, 0 = gone) is watched by two change detectors from river: ADWIN
(a window whose mean has shifted) and Page-Hinkley (a sustained drop), so a sudden turn is
flagged as a change, not only a level.

A reading is only as good as its latest evidence. The player sends a heartbeat every 2 s of
playback (``serve/static/player.js``), so a viewer whose player sends nothing while the film plays
is not a viewer sitting still: their telemetry is off or lost. Asked with the film second it is
now (``reading``/``peek``/``take`` with ``now``), a reading unconfirmed for more than ``SILENT_S``
seconds of film keeps its level but loses its confidence over the next ``FADE_S``, and is then
``unknown`` (nothing to go on: the director adapts to nothing until the viewer is heard again).
Silence is counted in film seconds, not wall seconds, because the heartbeat runs on playback: a
paused film sends nothing and shows nothing new, so a pause does not age a reading; and the
reading is about the scenes that played, which film seconds count. ``SILENT_S`` is three missed
heartbeats (a network hiccup is not silence); ``FADE_S`` is about two beats (they last 5-23 s,
about 15 on average), so the director, which asks once a beat, acts on a reading nobody
confirmed at most twice, each time with less weight, before it stops.

How far a reading is to be trusted is kept apart from its level (``Estimate.support``): the
evidence of trouble by kind of sign (a skip ahead, another tab, a rewind, a pause, a choice let run
out ...), each kind saturating (repeats of one habit are one sign, not many) and fading over a
few minutes, the evidence one way less the evidence the other over both and a prior of nothing,
times the share of two kinds that agree. Contradictory or one-kind evidence says little, and the
director moves by it little (``drama.SURE``).

``Engagement`` and ``GroupEngagement`` (``director.group``) share this: the level and confidence
of boredom and overload (``judge``), the strongest reading since the last take, and the ageing.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from river import drift

Level = Literal["engaged", "bored", "overwhelmed", "unknown"]
#: A skip of this many seconds of film counts as one full unit of boredom.
SKIP_UNIT_S = 4.0
#: Film seconds without any event after which a reading starts to lose its confidence (the
#: player's heartbeat comes every 2 s of playback: three missed).
SILENT_S = 6.0
#: Film seconds over which it then fades to nothing: ``unknown`` from SILENT_S + FADE_S on.
FADE_S = 30.0
#: Signs of turning away from the film (another tab, the sound off, eyes off the screen): people
#: do that to what is too much (eyes covered at a frightening scene, the sound down at a loud
#: one) as well as to what is too little, and which it was shows in what was playing (``context``).
#: Skipping ahead and letting a choice run out hurry the story on or leave it to it: they stay
#: boredom (read in context too, they cost under ``director.viewers``: README, "overwhelm").
AVERTED = ("left the tab", "muted", "looked away")
#: The scale of that reading, in the director's units of intensity (``DramaManager.contrast``: a
#: step of pace, look or content is 0.1): the share of a turning away read as overload is a
#: logistic of the contrast over this (half at level; 0.73 a step tenser, 0.27 a step calmer).
CONTRAST_S = 0.1
#: How far a reading is to be trusted (``Estimate.support``): the viewer's evidence of trouble is
#: kept by kind of sign (skips, another tab, rewinds, choices let run out ...), fading with this
#: half-life in wall seconds (a taste that drifts is followed, slowly); the weight of the
#: evidence against the way it points counts against it, with SUPPORT_PRIOR units of nothing
#: (no evidence: no support) ...
SUPPORT_HALF_LIFE_S = 180.0
SUPPORT_PRIOR = 1.0
#: Evidence the other way counts this many times over against it (leaving the population's
#: schedule is what needs proving, so contradiction weighs more than agreement).
SUPPORT_AGAINST = 1.0
#: ... and one kind of sign alone, however often it comes, is at most 1 / SUPPORT_KINDS of it (a
#: viewer who never answers a choice, or who skips whatever is wrong, repeats one habit: kinds
#: that agree are independent evidence, repeats of one are not). A kind counts once it has
#: brought this much evidence one way.
SUPPORT_KINDS = 2
SUPPORT_KIND_MIN = 0.3
#: The evidence of one kind at which it says about three quarters of all it can (it saturates).
SUPPORT_KIND_UNIT = 1.0

#: How much each kind of sign counts in the support (``Estimate.support``), by kind and the way
#: it said (+ restless, - overwhelmed; 1 in full, the default). Issue 14's gate, learned on the
#: in-house viewers (``bench/sign_reliability.py``: ``director.viewers``' training population and
#: every ``director.stress_viewers`` kind, training stories and seeds): of the kinds heard often,
#: a choice let run out and one answered slowly point neither way (their coefficients on what
#: the viewer was, more bored than overwhelmed, and on whether the beat was less than they
#: wanted, are all within 0.1 of nothing: -0.04 and -0.04, -0.05 and 0.00), so they are no
#: evidence of which way to move the film: they still count in the reading's level, but a viewer
#: whose only signs are these is told the film the director starts from.
RELIABILITY: dict[str, float] = {"choice+": 0.0, "choice-": 0.0}


#: Signs ``Estimate.trouble`` leaves out, so that beats compare: a state held, sent again every
#: few seconds while it lasts (playback sped up, no face at the screen: a long beat would weigh
#: more than a short one), and the answer to a choice (only some beats offer one).
HELD = ("watch", "webcam", "choice")


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
    #: 1: heard within SILENT_S of film .. 0: nothing heard for SILENT_S + FADE_S (``unknown``)
    fresh: float = 1.0
    #: How strongly and consistently this viewer's evidence so far says which way (``Engagement``:
    #: + restless, - overwhelmed, 0 nothing or contradictory; see SUPPORT_PRIOR). A room's reading
    #: keeps none: ``group.GroupEngagement`` gives it the sign of the room's evidence.
    support: float = 1.0
    #: All the evidence of trouble (boredom and overload, undecayed) the viewer's acts brought
    #: so far (not those in ``HELD``): what a stretch of film drew is the difference
    #: between two readings (``drama``'s outcome check: did a move bring more trouble or less?).
    #: A room's reading keeps none.
    trouble: float = 0.0


def judge(boredom: float, overload: float, threshold: float) -> tuple[Level, float]:
    """The level boredom and overload add up to, and how sure it is (0..1): restless or overwhelmed
    once the larger reaches ``threshold`` (sure at twice it), else engaged (sure at nothing)."""
    strength = max(boredom, overload)
    if strength >= threshold:
        return ("bored" if boredom >= overload else "overwhelmed"), min(1.0, strength / (2 * threshold))
    return "engaged", max(0.0, 1.0 - strength / threshold)


def freshness(silent_s: float) -> float:
    """How much a reading still counts after ``silent_s`` film seconds with nothing heard."""
    return 1.0 if silent_s <= SILENT_S else max(0.0, 1.0 - (silent_s - SILENT_S) / FADE_S)


def aged(estimate: Estimate, silent_s: float) -> Estimate:
    """``estimate`` after ``silent_s`` film seconds with nothing heard (see the module's doc)."""
    fresh = freshness(silent_s)
    if fresh >= 1.0:
        return estimate
    if fresh <= 0.0:
        return Estimate("unknown", 0.0, 1.0, 0.0, 0.0, False,
                        [f"nothing heard for {silent_s:.0f} s of film"], fresh=0.0)
    return replace(estimate, confidence=round(estimate.confidence * fresh, 3), changed=False,
                   fresh=round(fresh, 3))


class Reading:
    """What a running estimate offers the director (``Engagement``, and a room's
    ``group.GroupEngagement``): the estimate now, the strongest since the last take, both aged by
    the film seconds since anything was heard when asked with ``now``."""

    def __init__(self, threshold: float):
        self.threshold = threshold
        self.estimate = Estimate("engaged", 0.5, 1.0, 0.0, 0.0)
        self._peak: Estimate | None = None  # the strongest estimate since the last take()
        #: The furthest film second anything was heard from (None: nothing yet; counted from 0).
        self.heard_t: float | None = None

    def _settle(self, boredom: float, overload: float, changed: bool, why: list[str],
                support: float = 1.0, trouble: float = 0.0) -> Estimate:
        """The estimate for this boredom and overload (``judge``), kept as the peak if strongest."""
        level, confidence = judge(boredom, overload, self.threshold)
        self.estimate = Estimate(level, round(confidence, 3), round(1.0 / (1.0 + boredom + overload), 3),
                                 round(boredom, 3), round(overload, 3), changed, why, support=round(support, 3),
                                 trouble=round(trouble, 3))
        if level != "engaged" and (self._peak is None or max(boredom, overload)
                                   >= max(self._peak.boredom, self._peak.overload)):
            self._peak = self.estimate
        return self.estimate

    def silent_s(self, now: float) -> float:
        """Film seconds from the last thing heard to ``now``."""
        return max(0.0, now - (self.heard_t or 0.0))

    def reading(self, now: float | None = None) -> Estimate:
        """The estimate now; given ``now`` (film seconds), aged by the silence since (``aged``)."""
        return self.estimate if now is None else aged(self.estimate, self.silent_s(now))

    def peek(self, now: float | None = None) -> Estimate:
        """What ``take`` would give now, without starting over."""
        peak = self._peak
        out = self.estimate if peak is None or peak.level == "engaged" else peak
        if out is not self.estimate:  # (the strongest reading, trusted as far as all heard since allows)
            out = replace(out, support=self.estimate.support, trouble=self.estimate.trouble)
        return out if now is None else aged(out, self.silent_s(now))

    def take(self, now: float | None = None) -> Estimate:
        """The strongest reading since the last take (a viewer bored a moment ago, who has since
        settled back, still asked for a change), then start over from now. Given ``now`` (film
        seconds), aged by the silence since anything was heard."""
        out = self.peek(now)
        self._peak = None
        return out


class Engagement(Reading):
    """One viewer's running estimate; feed it events with ``observe``."""

    def __init__(self, half_life_s: float = 45.0, threshold: float = 1.0):
        super().__init__(threshold)
        self.half_life_s = half_life_s
        self.boredom = 0.0
        self.overload = 0.0
        self._at: float | None = None
        self._skipped_at: float | None = None  # wall time of the last skip (its seek follows)
        self._adwin = drift.ADWIN(delta=0.05)
        self._drop = drift.PageHinkley(min_instances=4, delta=0.01, threshold=0.6, mode="down")
        self.recent: list[str] = []
        #: How much more intense than this viewer's recent beats the beat playing at a film second
        #: was (``DramaManager.contrast``; None: nothing to compare). Given, a turning away
        #: (``AVERTED``) reads by it: in a tenser beat than their recent ones mostly as overload,
        #: in a calmer one mostly as boredom, half each when level. Not given: as boredom.
        self.context: Callable[[float], float | None] | None = None
        #: Evidence of trouble by kind of sign (+ restless, - overwhelmed), fading (``support``).
        self.kinds: dict[str, float] = {}
        self._kinds_at: float | None = None
        #: All the evidence of trouble heard so far, undecayed (``Estimate.trouble``).
        self.trouble = 0.0

    def support(self) -> float:
        """How strongly and consistently the evidence by kind says which way (+ restless,
        - overwhelmed; ``Estimate.support``): the evidence one way less the evidence the other,
        over both and SUPPORT_PRIOR, times the share of SUPPORT_KINDS kinds that agree."""
        # each kind's evidence saturates (tanh): repeats of one sign are one habit, not many signs
        # (and a kind heard too little to clear SUPPORT_KIND_MIN, a pause for the phone, is noise)
        each = [math.tanh(v / SUPPORT_KIND_UNIT) for v in self.kinds.values() if abs(v) >= SUPPORT_KIND_MIN]
        up = sum(v for v in each if v > 0)
        down = -sum(v for v in each if v < 0)
        way, said, against = (1.0, up, down) if up > down else (-1.0, down, up)
        agree = sum(1 for v in each if way * v > 0)
        return way * max(0.0, said - SUPPORT_AGAINST * against) / (up + down + SUPPORT_PRIOR) \
            * min(1.0, agree / SUPPORT_KINDS)

    def _tally(self, kind: str, amount: float, at: float) -> None:
        if self._kinds_at is not None and at > self._kinds_at:
            k = math.exp(-math.log(2) * (at - self._kinds_at) / SUPPORT_HALF_LIFE_S)
            self.kinds = {name: v * k for name, v in self.kinds.items()}
        self._kinds_at = at if self._kinds_at is None else max(self._kinds_at, at)
        amount *= RELIABILITY.get(kind, 1.0)
        if amount:
            self.kinds[kind] = self.kinds.get(kind, 0.0) + amount

    def _split(self, amount: float, t: float) -> tuple[float, float]:
        """(boredom, overload) for ``amount`` of a turning away at film second ``t``."""
        contrast = self.context(t) if self.context is not None else None
        if contrast is None:
            return amount, 0.0
        over = 1.0 / (1.0 + math.exp(-contrast / CONTRAST_S))
        return amount * (1.0 - over), amount * over

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
        heard = _num(t, 0.0)
        b = o = 0.0
        why = ""
        if kind == "seek":
            to = _num(data.get("to"), t)
            heard = max(heard, to)  # (a skip ahead: they are there now)
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
        if b > 0 and why in AVERTED:
            b, o = self._split(b, _num(t, 0.0))
        # (a kind of sign is kept apart by which way it said: a skip ahead and a rewind are two)
        amount = max(0.0, b) - o
        self._tally(f"{kind}{'+' if amount > 0 else '-'}", amount, at)
        self.heard_t = heard if self.heard_t is None else max(self.heard_t, heard)
        self.boredom = max(0.0, self.boredom + b)
        self.overload = max(0.0, self.overload + o)
        if why and kind not in HELD:  # (nor a stall: the network's)
            self.trouble += max(0.0, b) + o
        if why:
            self.recent = (self.recent + [why])[-4:]
        score = 1.0 / (1.0 + self.boredom + self.overload)
        self._adwin.update(score)
        self._drop.update(score)
        changed = bool(self._adwin.drift_detected or self._drop.drift_detected)
        return self._settle(self.boredom, self.overload, changed, list(self.recent), self.support(), self.trouble)
