"""An outside viewer model for ``dreamreel.director.harness``, written apart from the director.

Written from the harness's public interface only (``watch``'s docstring, the ``Played``/``Offer``/
``Event`` models, ``schemas/*.schema.json``, the README's "Measuring adaptation" and what the
browser player sends, ``serve/static/player.js``), not from the director or its own simulator, so
that it shares none of their constants (issue 14: a measure must not share the assumptions of what
it measures).

What a viewer perceives is what a person could perceive in the beat as made; the labels a person
never sees (the telling's and the pace's names, the look's name, the interventions and why) are
not read. Each beat gives them:

- felt intensity (arousal), from five channels weighted their own way: the score (intensity,
  tempo; hardly any when muted), the voices (the emotions the lines are acted with, exclamations),
  the content (levels of violence, fear, gore ...), the cutting (cuts a second, handheld shots)
  and the picture (contrast, low key light);
- mental load, from how fast words come (per second, and faster when they speed playback up),
  how fast the cuts come and straining to see a dark picture, against a capacity of their own;
- offence: a content level past a limit of their own (most have none below the top level);
- their liking of the story itself (the largest part of enjoyment, the same under any director),
  agency (some like being asked, some would rather not be), sameness (habituation) and noise.

Enjoyment follows an inverted U around the intensity they want (a band, wider for some; the want
rises through an episode for some, falls for others; past the band it falls faster than below
it). Boredom and overwhelm build as they watch and ebb when the film suits them; acting on them
is a person's own style: skip ahead (the -> key: a ``skip`` then the ``seek`` the player sends),
look at another tab, speed playback up, pause for a breath, rewind five seconds to catch a line,
mute, or sit through it. Past their patience they leave, bored, overwhelmed or put off, and a few
leave for reasons that have nothing to do with the film. Attention fades with minutes watched;
phones, doorbells and the pointer make noise. A quarter have telemetry off and send nothing (they
still skip and leave). At a choice some answer fast, some slowly, some let the countdown run out.

A viewing's worth (``OutsideViewer.value``), fixed before anything was measured: the enjoyment
(0..1) of each second they watched with their eyes on it (not skipped, not on another tab, a
re-watched second once), over the film's seconds; for one who left, the rest of the film counts
as seconds watched at zero (its length: the beats left on the story's path at the mean length of
the beats they saw).
"""

from __future__ import annotations

import hashlib
import math
import random
from dataclasses import dataclass, field
from typing import Any

#: How charged a line's acting is, by the emotion it is acted with (0 flat .. 1 highly charged).
CHARGE = {"neutral": 0.1, "happy": 0.3, "tender": 0.15, "sad": 0.35, "tired": 0.05, "calm": 0.05,
          "determined": 0.5, "sly": 0.4, "hopeful": 0.3, "proud": 0.35, "worried": 0.55,
          "surprised": 0.65, "afraid": 0.85, "angry": 0.9, "desperate": 0.95, "furious": 1.0,
          "terrified": 1.0, "excited": 0.7, "shocked": 0.8, "grief": 0.7, "awe": 0.5}
CHANNELS = ("score", "voices", "content", "cutting", "picture")
#: Content a person may hold a limit on; a flag not here counts against a limit of 2.
FLAGS = ("violence", "fear", "gore", "profanity", "drugs", "sex", "nudity")
STEP = 1.0      # wall seconds a tick


def _rng(*parts: Any) -> random.Random:
    """A generator fixed by ``parts``: the same person meets the same luck under every policy."""
    h = hashlib.blake2b("|".join(map(str, parts)).encode(), digest_size=8).digest()
    return random.Random(int.from_bytes(h, "big"))


def _clip(x: float, lo: float = 0.0, hi: float = 1.0) -> float:
    return lo if x < lo else hi if x > hi else x


def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


@dataclass(frozen=True)
class Person:
    """One viewer's tastes and habits (drawn by ``population``)."""

    id: int
    seed: int
    telemetry: bool                 # False: the player's telemetry is off, nothing is sent
    want: float                     # the felt intensity they enjoy most, 0..1
    band: float                     # half-width of the intensity they are comfortable with
    build: float                    # their want's rise through an episode (negative: settle down)
    weights: tuple[float, ...]      # how much each of CHANNELS moves them (sum 1)
    capacity: float                 # mental load they follow without strain
    words_s: float                  # words a second they follow comfortably
    dark_floor: float               # key light below which they strain to see (0: never)
    limits: dict[str, int]          # content flag -> the level that puts them off
    taste: float                    # how much they like stories of this kind, 0..1
    novelty: float                  # how quickly sameness tires them, 0..1
    agency: float                   # enjoyment of being asked to choose (negative: a chore)
    patience: float                 # boredom they sit through before leaving
    tolerance: float                # overwhelm they sit through before leaving
    fatigue: float                  # attention lost a minute
    noise: float                    # sd of how a beat lands on them
    bored_style: dict[str, float] = field(default_factory=dict)   # skip, away, speed, endure
    over_style: dict[str, float] = field(default_factory=dict)    # skip, away, pause, rewind, mute, endure
    passive: float = 0.2            # chance they let a choice's countdown run out
    think_s: float = 3.0            # median seconds to answer a choice
    goal_lean: float = 0.0          # leaning toward the option marked toward_goal
    mercy: float = 0.0              # aversion to the option marked costs_a_life
    restless: float = 0.3           # distractions a minute (phone, doorbell)
    mouse: float = 0.1              # chance a second that the pointer moves


def population(n: int, seed: int) -> list[Person]:
    """``n`` people drawn with ``seed`` (the bench reports on a seed it never looked at before)."""
    rng = random.Random(seed)
    people = []
    for i in range(n):
        raw = [rng.gammavariate(1.5, 1.0) for _ in CHANNELS]
        weights = tuple(w / sum(raw) for w in raw)
        sensitive = rng.random() < 0.3
        limits = {f: 3 + (rng.random() < 0.5) for f in FLAGS}     # 4: no limit at all
        if sensitive:
            for f in rng.sample(FLAGS, k=rng.randint(1, 3)):
                limits[f] = rng.choice((1, 2, 2))
        bored = {"skip": rng.random(), "away": rng.random(), "speed": 0.3 * rng.random(), "endure": rng.random()}
        over = {"skip": rng.random(), "away": rng.random(), "pause": rng.random(), "rewind": rng.random(),
                "mute": 0.5 * rng.random(), "endure": rng.random()}
        people.append(Person(
            id=i, seed=rng.randrange(2**31), telemetry=rng.random() >= 0.25,
            want=_clip(rng.gauss(0.5, 0.17), 0.1, 0.9), band=_clip(rng.gauss(0.16, 0.06), 0.05, 0.35),
            build=rng.choice((0.0, 0.0, rng.uniform(0.05, 0.3), rng.uniform(-0.15, 0.0))),
            weights=weights, capacity=_clip(rng.gauss(1.0, 0.2), 0.55, 1.5),
            words_s=_clip(rng.gauss(2.4, 0.45), 1.3, 3.5),
            dark_floor=0.0 if rng.random() < 0.4 else rng.uniform(0.05, 0.22),
            limits=limits, taste=_clip(rng.gauss(0.6, 0.18), 0.1, 0.95), novelty=rng.random(),
            agency=rng.gauss(0.04, 0.06), patience=math.exp(rng.gauss(0.0, 0.4)),
            tolerance=math.exp(rng.gauss(0.0, 0.4)), fatigue=rng.uniform(0.0, 0.12),
            noise=rng.uniform(0.03, 0.12), bored_style=bored, over_style=over,
            passive=rng.betavariate(1.2, 4.0), think_s=math.exp(rng.gauss(1.1, 0.45)),
            goal_lean=rng.gauss(0.3, 0.6), mercy=rng.gauss(0.3, 0.6),
            restless=rng.uniform(0.05, 0.8), mouse=rng.uniform(0.0, 0.08)))
    return people


@dataclass
class Felt:
    """How one beat lands on a person (before noise)."""

    arousal: float
    load: float
    offence: float
    strain: float
    enjoy: float


class OutsideViewer:
    """A person watching one film through the harness: ``see``, ``choose``, ``gone``, ``preview``.

    ``story`` and ``seed`` fix their luck (the same under every policy, so policies pair);
    ``episodes``: the film's episodes, for the ``ended`` event the player sends at its end."""

    def __init__(self, person: Person, story: str, seed: int = 0, episodes: int | None = None):
        self.person = person
        self.story = story
        self.seed = seed
        self.episodes = episodes
        self.gone = False
        self.reason: str | None = None          # bored, overwhelmed, put_off, life
        self.liking = _clip(person.taste + _rng(person.seed, story).gauss(0.0, 0.15), 0.05, 0.98)
        self.wall = 0.0
        self.film_at = 0.0
        self.boredom = 0.0
        self.overwhelm = 0.0
        self.minutes = 0.0
        self.mean_arousal: float | None = None
        self.sameness = 0.0
        self.episode: int | None = None
        self.episode_start = 0.0
        self.rate = 1.0
        self.volume = 1.0
        self.muted = False
        self.agency_glow = 0.0
        self.stall_s = 0.0
        self.away_at_end = False
        self.beats: list[dict[str, float]] = []  # per beat: seconds, worth (enjoyment x seconds watched)
        self.sent = 0
        self.acts: dict[str, int] = {}          # "bored:skip", "overwhelmed:rewind" ...: what they did, and why
        #: beat id -> (boredom / patience, overwhelm / tolerance) as it began: how they were when the
        #: director decided what to do with it
        self.state_at: dict[str, tuple[float, float]] = {}

    # -- what they feel -------------------------------------------------------------------------

    def _want(self, played: Any) -> float:
        p = self.person
        into = _clip((played.start_s - self.episode_start) / 120.0) if self.episode == played.episode else 0.0
        return _clip(p.want + p.build * (into - 0.5) - 0.02 * self.minutes, 0.05, 0.95)

    def feel(self, played: Any, *, muted: bool = False, rate: float = 1.0, relief: float = 0.0) -> Felt:
        p = self.person
        secs = max(played.seconds, 1.0)
        score = 0.7 * played.score.intensity + 0.3 * _clip((played.score.tempo - 90.0) / 60.0)
        if muted:
            score *= 0.15
        if played.lines:
            voices = sum(CHARGE.get(line.emotion, 0.4) for line in played.lines) / len(played.lines)
            voices = _clip(voices + 0.05 * sum(line.text.count("!") for line in played.lines))
        else:
            voices = 0.1
        levels = [v for v in played.content.values() if v > 0]
        content = _clip((max(levels) + 0.3 * (sum(levels) - max(levels))) / 3.0) if levels else 0.0
        shots = max(played.shots.count, 1)
        cuts = played.shots.count / secs * rate
        handheld = played.shots.moves.get("handheld", 0) / shots
        cutting = _clip((cuts - 0.12) / 0.4 + 0.35 * handheld)
        picture = _clip(0.65 * played.look.contrast + 0.35 * (1.0 - played.look.brightness))
        arousal = sum(w * c for w, c in zip(p.weights, (score, voices, content, cutting, picture)))
        strain = _clip((p.dark_floor - played.look.brightness) / p.dark_floor) if p.dark_floor else 0.0
        words = played.words / secs * rate
        load = 0.55 * words / p.words_s + 0.3 * cuts / 0.45 + 0.1 * handheld + 0.35 * strain - relief
        offence = sum(0.3 * (lv - p.limits.get(f, 2) + 1) for f, lv in played.content.items()
                      if lv >= p.limits.get(f, 2))
        want = self._want(played)
        d = arousal - want
        if abs(d) <= p.band:
            fit = 1.0 - 0.25 * (d / p.band) ** 2
        elif d < 0:
            fit = 0.75 - 1.6 * (-d - p.band)
        else:
            fit = 0.75 - 2.6 * (d - p.band)
        same = 0.0 if self.mean_arousal is None else max(0.0, 1.0 - abs(arousal - self.mean_arousal) / 0.12)
        tired_of = p.novelty * min(1.0, (self.sameness + same) / 4.0)
        enjoy = (0.5 * self.liking + 0.5 * _clip(fit) - 0.12 * tired_of - 0.6 * max(0.0, load - p.capacity)
                 - offence - 0.1 * strain + (p.agency if played.has_choice else 0.0) + self.agency_glow
                 + (0.08 if played.ending else 0.0))
        return Felt(arousal, load, offence, strain, _clip(enjoy))

    def preview(self, played: Any) -> float:
        """Their enjoyment of a beat without watching it (for the harness's oracle)."""
        return self.feel(played, muted=self.muted, rate=self.rate).enjoy

    # -- what they do ---------------------------------------------------------------------------

    def see(self, played: Any) -> list[dict]:
        p = self.person
        rng = _rng(p.seed, self.story, self.seed, played.id, played.index)
        if self.episode != played.episode:
            self.episode, self.episode_start = played.episode, played.start_s
        self.state_at[played.id] = (self.boredom / p.patience, self.overwhelm / p.tolerance)
        events: list[dict] = []

        def send(kind: str, t: float, data: dict | None = None) -> None:
            if p.telemetry:
                events.append({"kind": kind, "t": round(max(t, 0.0), 3), "data": data or {},
                               "at": round(self.wall, 3)})

        start, end = played.start_s, played.start_s + played.seconds

        def skip(at: float) -> float:
            """The -> key: the player sends the wish, then the seek it makes (to the beat's end at most)."""
            to = min(at + 5.0, end)
            send("skip", at, {"wanted_s": 5})
            send("seek", at, {"to": round(to, 3)})
            return to

        def step_out(how: str, at: float, lo: float, hi: float) -> tuple[str, float]:
            """Another tab ("away": hidden, then visible) or a pause, for lo..hi wall seconds."""
            until = self.wall + rng.uniform(lo, hi)
            send("hidden" if how == "away" else "pause", at)
            return how, until

        self.wall += max(0.0, start - self.film_at)      # title cards between beats play too
        self.film_at = end
        if played.index == 0:
            send("play", start)
        if self.stall_s > 0:                 # the last choice was answered after its beat ended
            send("stall", start)
            self.wall += self.stall_s
            self.stall_s = 0.0
        if self.muted:                       # unmuted again when the scene changes
            self.muted = False
            send("volume", start, {"volume": self.volume})
        noise = rng.gauss(0.0, p.noise)
        felt = self.feel(played, rate=self.rate)
        pos, mode, until = start, "play", 0.0
        seen: set[int] = set()
        worth = 0.0
        last_watch = self.wall
        load_relief = 0.0
        attn = math.exp(-p.fatigue * self.minutes)
        while pos < end - 1e-6 and not self.gone:
            now = felt if not (self.muted or load_relief) else \
                self.feel(played, muted=self.muted, rate=self.rate, relief=load_relief)
            enjoy = _clip(now.enjoy + noise)
            load = now.load
            want = self._want(played)
            under = max(0.0, want - p.band - now.arousal)
            over = max(0.0, now.arousal - want - p.band)
            strain_over = max(0.0, load - p.capacity)
            # boredom and overwhelm, a second at a time
            drift = 1.0 + 0.6 * (1.0 - attn)
            self.boredom += (0.05 * under + 0.035 * max(0.0, 0.5 - enjoy)
                             + 0.01 * p.novelty * min(1.0, self.sameness / 3.0)) * drift * STEP
            self.boredom = max(0.0, self.boredom - 0.025 * max(0.0, enjoy - 0.55) * STEP)
            self.overwhelm += (0.07 * over + 0.09 * strain_over + 0.12 * now.offence) * STEP
            if over == 0 and strain_over == 0 and now.offence == 0:
                self.overwhelm = max(0.0, self.overwhelm - (0.06 if mode == "pause" else 0.025) * STEP)
            # leaving
            bored, swamped = self.boredom / p.patience, self.overwhelm / p.tolerance
            hazard = 0.0002 + 0.03 * max(0.0, bored - 1.0) + 0.04 * max(0.0, swamped - 1.0)
            if rng.random() < hazard * STEP:
                self.gone = True
                r = rng.random() * hazard
                self.reason = ("life" if r < 0.0002 else "bored" if r < 0.0002 + 0.03 * max(0.0, bored - 1.0)
                               else "put_off" if now.offence > 0 else "overwhelmed")
                if rng.random() < 0.4:
                    send("pause", pos)
                send("hidden", pos)
                break
            if mode == "pause":
                self.wall += STEP
                if self.wall >= until:
                    mode = "play"
                    send("play", pos)
                continue
            # the player's heartbeat while playing (hidden or not)
            if self.wall - last_watch >= 2.0:
                last_watch = self.wall
                send("watch", pos, {"rate": self.rate})
            advance = min(self.rate * STEP, end - pos)
            if mode == "away":
                pos += advance
                self.wall += STEP
                if self.wall >= until:
                    mode = "play"
                    send("visible", pos)
                continue
            # watching: these seconds count once
            first, last = int(pos * 2), int((pos + advance) * 2)
            fresh = [b for b in range(first, max(last, first + 1)) if b not in seen]
            seen.update(fresh)
            worth += enjoy * advance * len(fresh) / max(1, max(last, first + 1) - first)
            pos += advance
            self.wall += STEP
            if rng.random() < p.mouse * STEP:
                send("pointer", pos)
            if rng.random() < 0.002 * STEP:
                send("stall", pos)
                self.wall += rng.uniform(0.3, 2.0)
            # acting on how they feel
            if bored > 0.45 and rng.random() < 0.12 * bored * STEP:
                act = _pick(rng, p.bored_style)
                self.acts[f"bored:{act}"] = self.acts.get(f"bored:{act}", 0) + 1
                if act == "skip" and pos < end - 0.5:
                    pos = skip(pos)
                    self.boredom = max(0.0, self.boredom - 0.05)
                elif act == "away":
                    mode, until = step_out("away", pos, 4.0, 15.0)
                    self.boredom = max(0.0, self.boredom - 0.08)
                elif act == "speed" and self.rate == 1.0:
                    self.rate = rng.choice((1.25, 1.5, 2.0))
                    felt = self.feel(played, rate=self.rate)
            elif self.rate > 1.0 and bored < 0.2:
                self.rate = 1.0
                felt = self.feel(played)
            if swamped > 0.45 and rng.random() < 0.12 * swamped * STEP:
                act = _pick(rng, p.over_style)
                self.acts[f"overwhelmed:{act}"] = self.acts.get(f"overwhelmed:{act}", 0) + 1
                thinking = strain_over > over + now.offence        # lost the thread, not too much
                if act == "rewind" or (act == "pause" and thinking):
                    if act == "rewind" or rng.random() < 0.5:
                        to = max(start, pos - 5.0)
                        send("seek", pos, {"to": round(to, 3)})
                        pos = to
                        load_relief = min(0.3, load_relief + 0.15)
                    else:
                        mode, until = step_out("pause", pos, 3.0, 12.0)
                    self.overwhelm = max(0.0, self.overwhelm - 0.08)
                elif act == "pause":
                    mode, until = step_out("pause", pos, 3.0, 12.0)
                elif act == "skip" and pos < end - 0.5:
                    pos = skip(pos)
                    self.overwhelm = max(0.0, self.overwhelm - 0.06)
                elif act == "away":
                    mode, until = step_out("away", pos, 3.0, 10.0)
                    self.overwhelm = max(0.0, self.overwhelm - 0.1)
                elif act == "mute" and not self.muted:
                    self.muted = True
                    send("mute", pos, {"volume": self.volume})
            # life: the phone, the door
            if mode == "play" and rng.random() < p.restless / 60.0 * (2.0 - attn) * STEP:
                if rng.random() < 0.7:
                    mode, until = step_out("away", pos, 3.0, 20.0)
                else:
                    mode, until = step_out("pause", pos, 5.0, 40.0)
        self.away_at_end = mode == "away"
        if not self.gone:
            if mode == "away":
                send("visible", end)
            elif mode == "pause":
                send("play", end)
        self.minutes += played.seconds / 60.0
        self.agency_glow = 0.0
        self.sameness = (self.sameness + 1.0) if self.mean_arousal is not None and \
            abs(felt.arousal - self.mean_arousal) < 0.12 else self.sameness * 0.5
        self.mean_arousal = felt.arousal if self.mean_arousal is None else \
            0.6 * self.mean_arousal + 0.4 * felt.arousal
        self.beats.append({"seconds": played.seconds, "worth": worth})
        if played.ending and self.episodes and played.episode >= self.episodes and not self.gone:
            send("ended", end)
        self.sent += len(events)
        return events

    def choose(self, offer: Any) -> tuple[str | None, float]:
        p = self.person
        rng = _rng(p.seed, self.story, self.seed, offer.choice, "choose")
        beat_s = self.beats[-1]["seconds"] if self.beats else 0.0
        if self.away_at_end or rng.random() < p.passive:
            self.stall_s = max(0.0, offer.timeout_s - beat_s)
            return None, offer.timeout_s + 1.0
        latency = p.think_s * math.exp(rng.gauss(0.0, 0.4)) + 0.4 * len(offer.options)
        best, score = offer.options[0].id, -math.inf
        for o in offer.options:
            s = (p.goal_lean * ("toward_goal" in o.marks) - p.mercy * ("costs_a_life" in o.marks)
                 - 0.7 * math.log(-math.log(rng.random() or 1e-12)))
            if s > score:
                best, score = o.id, s
        self.stall_s = max(0.0, min(latency, offer.timeout_s) - beat_s)
        if latency > offer.timeout_s:
            self.agency_glow = -0.02 if p.agency > 0 else 0.0   # wanted to choose and ran out of time
            return None, latency
        self.agency_glow = max(0.0, p.agency) * 0.5
        return best, latency

    # -- what it was worth ----------------------------------------------------------------------

    def value(self, path_beats: int) -> float:
        """Enjoyment of each second watched, over the film's seconds (the rest of the film counting
        zero for one who left: ``path_beats`` is how many beats the story's path holds)."""
        if not self.beats:
            return 0.0
        secs = sum(b["seconds"] for b in self.beats)
        worth = sum(b["worth"] for b in self.beats)
        if self.gone:
            secs += max(0, path_beats - len(self.beats)) * secs / len(self.beats)
        return worth / secs if secs > 0 else 0.0
