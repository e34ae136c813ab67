"""Simulated viewers for the harness (``director.harness``), written from what a viewer would see
and hear, not from the director's labels or constants.

A viewer perceives each beat's intensity from the beat as made (``Played``): how fast words come
(speech rate), how fast the picture cuts and how much the camera moves, the light (contrast,
darkness, colour), the music (its intensity and tempo) and the content (violence, fear ... and
strong emotions in the lines). Each viewer weighs these five differently, and perceives with
noise of their own. They enjoy a beat by how near its intensity is to what they want then: a
level of their own, rising across an episode for viewers who like a build (arc), less so when
beat after beat feels the same (novelty). Too little for too long bores them, too much for too
long overwhelms them; either, past their limit, makes them leave.

What they send is the player's telemetry (``harness.Event``): a heartbeat every two seconds of
play; when bored, they skip ahead, hide the tab, mute or speed up; when overwhelmed, some pause
and rewind ("reactors"), some skip ahead or look away just as bored viewers do ("skippers": the
signal does not say which way), some fidget; a share send nothing at all (a player whose socket
never connects); and everyone makes noise (a pause for the phone, a rewind for a missed line).
At a choice they answer with a delay, or let the countdown run out (more often when bored).

What a viewing was worth (``value``) is the viewer's own: enjoyment weighted by the seconds they
actually watched, over the film's length (had they stayed, for one who left). The director's
estimate plays no part in it.

Populations: ``population(n, "train")`` for fitting, ``population(n, "heldout")`` for measuring
(other people, drawn from the same spread); see ``bench/watch.py`` for held-out stories and seeds.
"""

from __future__ import annotations

import hashlib
import math
import random
from dataclasses import dataclass, field
from typing import Any, Literal

FEATURES = ("speech", "cutting", "light", "music", "content")
Style = Literal["reactor", "skipper", "fidget", "silent"]
#: An episode's beats a viewer expects (for where they feel they are in it: the arc).
EPISODE_BEATS = 7
#: Emotions that read as intense in a line.
STRONG = {"angry", "afraid", "surprised", "determined", "sad"}


def _clip(x: float, lo: float = 0.0, hi: float = 1.0) -> float:
    return min(hi, max(lo, x))


def features(played: Any) -> dict[str, float]:
    """What makes a beat feel intense, each 0..1, from the beat as made."""
    seconds = max(played.seconds, 0.5)
    shots = played.shots
    count = max(1, shots.count)
    moving = (shots.moves.get("handheld", 0) + 0.5 * shots.moves.get("push_in", 0)) / count
    close = (shots.sizes.get("close_up", 0) + shots.sizes.get("extreme_close_up", 0)) / count
    look, score = played.look, played.score
    strong = sum(1 for ln in played.lines if ln.emotion in STRONG) / max(1, len(played.lines))
    worst = max(played.content.values(), default=0)
    return {
        "speech": _clip(played.words / seconds / 2.6),
        "cutting": _clip(0.6 * (1 / max(shots.mean_seconds, 0.3) - 0.15) / 0.45 + 0.25 * moving + 0.15 * close),
        "light": _clip(0.45 * look.contrast + 0.35 * (1 - look.brightness) + 0.2 * look.saturation
                       + 0.1 * max(0.0, look.warmth)),
        "music": _clip(0.7 * score.intensity + 0.3 * (score.tempo - 60) / 100),
        "content": _clip(0.6 * worst / 3 + 0.5 * strong),
    }


@dataclass
class Taste:
    level: float          # the intensity they want, 0..1
    width: float          # how far from it they still enjoy it
    arc: float            # how much more they want by an episode's end than at its start
    novelty: float        # how much sameness, beat after beat, spoils it (0..1)
    weights: dict[str, float]
    noise: float          # their perception's noise (sd)
    patience: float       # boredom they take before leaving
    tolerance: float      # overload they take before leaving
    style: Style
    chatty: float         # how readily they show what they feel (0..1)
    answers: float        # how often they answer a choice themselves
    seed: int = 0


def random_taste(rng: random.Random) -> Taste:
    raw = {f: rng.gammavariate(1.5, 1.0) for f in FEATURES}
    total = sum(raw.values())
    style: Style = rng.choices(["reactor", "skipper", "fidget", "silent"], [0.35, 0.25, 0.15, 0.25])[0]
    return Taste(level=rng.uniform(0.2, 0.8), width=rng.uniform(0.08, 0.16), arc=rng.uniform(0.0, 0.3),
                 novelty=rng.uniform(0.0, 0.5), weights={f: v / total for f, v in raw.items()},
                 noise=rng.uniform(0.02, 0.08), patience=rng.uniform(1.5, 4.0), tolerance=rng.uniform(1.5, 4.0),
                 style=style, chatty=rng.uniform(0.4, 1.0), answers=rng.uniform(0.3, 0.95),
                 seed=rng.randrange(1 << 30))


def population(n: int, which: str = "heldout") -> list[Taste]:
    """``n`` viewers; ``which`` names the draw ("train" to fit on, "heldout" to measure on)."""
    rng = random.Random(f"dreamreel-viewers:{which}")
    return [random_taste(rng) for _ in range(n)]


@dataclass
class SimViewer:
    """One viewer watching once (a fresh one each viewing): the harness's ``viewer``."""

    taste: Taste
    run: int = 0          # which viewing (the noise of their behaviour)
    boredom: float = 0.0
    overload: float = 0.0
    gone: bool = False
    enjoyed: float = 0.0  # enjoyment x seconds watched
    watched: float = 0.0
    seconds: float = 0.0
    why_left: str | None = None
    _recent: list[float] = field(default_factory=list)
    _episode: int = 0
    _in_episode: int = 0

    def __post_init__(self) -> None:
        self.rng = random.Random(f"{self.taste.seed}:{self.run}")

    # -- what they feel ---------------------------------------------------------------------

    def _noise(self, played: Any) -> float:
        h = hashlib.sha256(f"{self.taste.seed}:{played.id}:{played.telling}:{played.pacing}:"
                           f"{played.look.name}".encode()).digest()
        u1, u2 = (int.from_bytes(h[:4], "big") + 1) / 2 ** 32, int.from_bytes(h[4:8], "big") / 2 ** 32
        return self.taste.noise * math.sqrt(-2 * math.log(u1)) * math.cos(2 * math.pi * u2)

    def intensity(self, played: Any) -> float:
        f = features(played)
        return _clip(sum(self.taste.weights[k] * f[k] for k in FEATURES) + self._noise(played))

    def wanted(self, played: Any) -> float:
        position = self._in_episode if played.episode == self._episode else 0
        return _clip(self.taste.level + self.taste.arc * (min(1.0, position / EPISODE_BEATS) - 0.5))

    def enjoyment(self, played: Any) -> tuple[float, float]:
        """(how much they enjoy this beat 0..1, how far it is from what they want: + too much)."""
        i = self.intensity(played)
        gap = i - self.wanted(played)
        e = math.exp(-(gap / self.taste.width) ** 2)
        if self._recent:
            same = math.exp(-abs(i - sum(self._recent) / len(self._recent)) / 0.04)
            e *= 1 - self.taste.novelty * same
        return e, gap

    def preview(self, played: Any) -> float:
        """Their enjoyment of ``played`` now, without watching it (for the oracle)."""
        return self.enjoyment(played)[0]

    # -- watching ----------------------------------------------------------------------------

    def see(self, played: Any) -> list[dict]:
        t = self.taste
        e, gap = self.enjoyment(played)
        i = self.intensity(played)
        if played.episode != self._episode:
            self._episode, self._in_episode = played.episode, 0
        self._in_episode += 1
        self._recent = (self._recent + [i])[-3:]
        seconds = played.seconds
        # how it weighs on them, by how far outside their band and for how long
        over = max(0.0, abs(gap) - t.width) / t.width * seconds / 30
        if gap < 0:
            self.boredom += over
        else:
            self.overload += over
        self.boredom += t.novelty * (1 - e) * seconds / 120
        if abs(gap) <= t.width:
            self.boredom *= 0.6
            self.overload *= 0.6
        events, skipped = self._signals(played, gap)
        watched = max(0.0, seconds - skipped)
        self.enjoyed += e * watched
        self.watched += watched
        self.seconds += seconds
        if self.boredom > t.patience:
            self.gone, self.why_left = True, "bored"
        elif self.overload > t.tolerance:
            self.gone, self.why_left = True, "overwhelmed"
        return [] if t.style == "silent" else events

    def _signals(self, played: Any, gap: float) -> tuple[list[dict], float]:
        t, rng = self.taste, self.rng
        t0, seconds = played.start_s, played.seconds
        clock = t0 + 7.0 * played.index  # wall time runs ahead of the film (pauses, choices)
        events: list[dict] = []

        def ev(kind: str, at: float, **data: Any) -> None:
            events.append({"kind": kind, "t": round(t0 + at, 3), "data": data, "at": round(clock + at, 3)})

        rate = 1.0
        bored = self.boredom / t.patience
        over = self.overload / t.tolerance
        skipped = 0.0
        # restless: skip, leave the tab, mute, speed up
        if bored > 0.25 and rng.random() < t.chatty * min(1.0, bored):
            what = rng.choice(["skip", "skip", "hidden", "mute", "rate"])
            at = seconds * rng.uniform(0.2, 0.7)
            if what == "skip":
                for k in range(rng.randint(1, 3)):
                    ev("skip", at + 0.3 * k, wanted_s=5)
                    skipped += min(5.0, max(0.0, seconds - at))
            elif what == "hidden":
                ev("hidden", at)
                ev("visible", at + rng.uniform(3, 10))
            elif what == "mute":
                ev("mute", at, volume=0.0)
            else:
                rate = 1.5
        # too much: each in their own way
        if over > 0.25 and rng.random() < t.chatty * min(1.0, over):
            at = seconds * rng.uniform(0.3, 0.8)
            if t.style == "reactor":
                ev("pause", at)
                ev("seek", at + 0.5, to=max(0.0, t0 + at - rng.uniform(3, 8)))
            elif t.style == "skipper":
                if rng.random() < 0.6:
                    ev("skip", at, wanted_s=5)
                    skipped += min(5.0, max(0.0, seconds - at))
                else:
                    ev("hidden", at)
                    ev("visible", at + rng.uniform(2, 6))
            else:
                for k in range(3):
                    ev("pointer", at + k)
                ev("pause", at + 3)
        # everyone's noise: the phone, a missed line, the mouse
        if rng.random() < 0.06:
            ev("pause", seconds * rng.random())
        if rng.random() < 0.04:
            at = seconds * rng.random()
            ev("seek", at, to=max(0.0, t0 + at - 4))
        if rng.random() < 0.2:
            ev("pointer", seconds * rng.random())
        for k in range(int(seconds // 2)):  # the player's heartbeat while it plays
            ev("watch", 2.0 * k, rate=rate)
        events.sort(key=lambda e: e["at"])
        return events, skipped

    def choose(self, offer: Any) -> tuple[str | None, float]:
        t, rng = self.taste, self.rng
        bored = min(1.0, self.boredom / t.patience)
        if rng.random() > t.answers * (1 - 0.6 * bored):
            return None, offer.timeout_s
        over = min(1.0, self.overload / t.tolerance)
        latency = 1.0 + rng.expovariate(1 / 2.0) + 5.0 * over
        return rng.choice(offer.options).id, latency

    # -- what it was worth ---------------------------------------------------------------------

    def value(self, full_s: float) -> float:
        """Enjoyment per second of the film: over what played, or, for one who left, over the
        film's length ``full_s`` had they stayed (the rest counts as nothing)."""
        length = max(self.seconds, full_s) if self.gone else self.seconds
        return self.enjoyed / max(length, 1e-9)


# -- measuring policies ------------------------------------------------------------------------


class _Still:
    """A viewer who watches everything and sends nothing (for a film's full length)."""

    gone = False

    def see(self, played: Any) -> list[dict]:
        return []

    def choose(self, offer: Any) -> tuple[str | None, float]:
        return None, 0.0


#: Where the static schedule and the bandit's prior are fitted (prompts, seeds), and where
#: policies are measured: other stories, other seeds (and ``population(n, "heldout")``).
TRAIN = (["film noir", "a western", "space opera"], [1, 2])
HELD_OUT = (["cozy mystery", "a haunted house", "a romance in Paris", "a pirate adventure"], [11, 12])


def full_seconds(story: Any, seed: int) -> float:
    """The film's length when nobody leaves or skips (as written)."""
    from .harness import watch

    return watch(story, _Still(), "as_written", seed=seed).seconds


def score(stories: list[Any], tastes: list[Taste], policies: list[Any], seeds: list[int], *,
          learner: Any = None) -> dict[str, list[dict]]:
    """Every viewer watches every story at every seed under every policy (the same viewer, the
    same behaviour noise, for each policy: paired). Per policy, one row a viewing:
    value, watched share, completed, left (why). ``learned`` watches as it would be served: each
    viewer remembered from their earlier sessions here (in this order), and ``learner`` (default:
    a fresh copy of ``learning.prior()``) learning after each session."""
    from .harness import watch

    out: dict[str, list[dict]] = {}
    memories: dict[int, Any] = {}
    if "learned" in policies and learner is None:
        from .learning import prior

        learner = prior()
    for story in stories:
        for seed in seeds:
            full = full_seconds(story, seed)
            for v, taste in enumerate(tastes):
                for policy in policies:
                    viewer = SimViewer(taste, run=seed * 7919 + v)
                    if policy == "learned":
                        from .learning import GATE_EVERY, Memory

                        log: list = []
                        viewing = watch(story, viewer, policy, seed=seed, learner=learner,
                                        memory=memories.setdefault(v, Memory()), log=log)
                        for d in log:
                            d.session = f"{v}/{story.id}/{seed}"
                        learner.finished(log, gate_every=GATE_EVERY)
                    else:
                        viewing = watch(story, viewer, policy, seed=seed)
                    name = policy if isinstance(policy, str) else "static"
                    out.setdefault(name, []).append({
                        "value": viewer.value(full), "watched": viewer.watched / max(full, 1e-9),
                        "complete": viewing.complete, "left": viewer.why_left,
                        "interventions": len(viewing.interventions)})
    return out


def paired(a: list[float], b: list[float], *, n_boot: int = 2000, seed: int = 0) -> dict[str, float]:
    """Mean of a - b over paired viewings, with a 95% bootstrap interval; and the lift (mean a /
    mean b - 1) with its interval."""
    import numpy as np

    x, y = np.asarray(a, float), np.asarray(b, float)
    d = x - y
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(d), size=(n_boot, len(d)))
    diffs = d[idx].mean(axis=1)
    lifts = x[idx].mean(axis=1) / np.maximum(y[idx].mean(axis=1), 1e-12) - 1
    lo, hi = np.percentile(diffs, [2.5, 97.5])
    llo, lhi = np.percentile(lifts, [2.5, 97.5])
    return {"diff": round(float(d.mean()), 4), "diff_ci": [round(float(lo), 4), round(float(hi), 4)],
            "lift": round(float(x.mean() / max(y.mean(), 1e-12) - 1), 4),
            "lift_ci": [round(float(llo), 4), round(float(lhi), 4)]}


def schedules() -> list[Any]:
    """The fixed schedules a static policy is chosen from: one telling for every beat, or the
    director's tension curve leaning by a bias; with or without a look; at a pace."""
    from .schedule import Schedule

    tellings = [("as_written", 0.0), ("calm", 0.0), ("intense", 0.0)] + [("arc", b) for b in (-0.2, -0.1, 0.0, 0.1, 0.2)]
    return [Schedule(telling=t, bias=b, look=look, pacing=pace) for t, b in tellings
            for look in (None, "stakes", "breather") for pace in (None, "slow", "fast")]


#: Training viewers the static schedule is fitted on (``fit_population_static``).
STATIC_VIEWERS = 40


def stories(prompts: list[str] | None = None, base: int = 0) -> list[Any]:
    """The stories policies are fitted on (default: ``TRAIN``'s prompts) or measured on
    (``HELD_OUT``'s, base 100): two episodes each, the ``i``-th prompt planned at seed ``base + i``."""
    from ..model import Request
    from ..narrative.planner import plan

    return [plan(Request(prompt=p, episodes=2), seed=base + i) for i, p in enumerate(TRAIN[0] if prompts is None
                                                                                     else prompts)]


def fit_population_static(viewers: int = STATIC_VIEWERS) -> Any:
    """The best static schedule for the training population (``viewers`` of
    ``population(n, "train")``, ``TRAIN``'s stories and seeds, no telemetry), and the best the
    adaptive director can start at, with their mean values and how they were fitted: what
    ``schedule.STATIC`` and ``schedule.START`` should be (a ``schedule.Fitted``;
    ``python scripts/fit_static.py`` writes it)."""
    from .fingerprint import STATIC_FIT, code
    from .schedule import Fitted, startable

    ranked: list[tuple[float, Any]] = []
    best, value = fit_static(stories(), population(viewers, "train"), TRAIN[1], ranked=ranked)
    start_value, start = next((v, s) for v, s in ranked if startable(s))
    return Fitted(schedule=best, value=round(value, 4), start=start, start_value=round(start_value, 4),
                  code=code(STATIC_FIT), fitted_on={
        "how": "every schedule (viewers.schedules) played without telemetry to the training viewers "
               "(viewers.fit_population_static): the highest mean value is STATIC, and the adaptive "
               "director starts there (START)",
        "viewers": viewers, "population": "train", "stories": TRAIN[0], "episodes": 2, "seeds": TRAIN[1],
        "schedules_tried": len(ranked),
        "runners_up": [{"value": round(v, 4), **s.model_dump()} for v, s in ranked[1:6]]})


def fit_static(stories: list[Any], tastes: list[Taste], seeds: list[int], *,
               ranked: list[tuple[float, Any]] | None = None) -> tuple[Any, float]:
    """The fixed schedule the population enjoys most (no telemetry), and its mean value; every
    schedule tried, with its mean value, best first, into ``ranked`` if given."""
    tried: list[tuple[float, Any]] = []
    for schedule in schedules():
        rows = score(stories, tastes, [schedule], seeds)["static"]
        tried.append((sum(r["value"] for r in rows) / len(rows), schedule))
    tried.sort(key=lambda x: -x[0])   # (stable: of equals, the first tried)
    if ranked is not None:
        ranked[:] = tried
    return tried[0][1], tried[0][0]
