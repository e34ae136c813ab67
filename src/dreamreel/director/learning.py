"""Learning across sessions: a contextual bandit over the director's interventions.

The adaptive director (``director.drama``) moves every lever (the telling, the pace, the look)
by one drive: the viewer's lean plus the moment's reading. On top of it, as each beat begins, a
contextual bandit (Vowpal Wabbit's ``cb_explore_adf``) picks a *nudge* on that drive: calmer,
as the director would, or more intense, in ``ACTIONS`` steps. What it sees (the context):

- the viewer, as remembered from earlier sessions (``Memory``): how many, the lean the director
  had learned for them by the end of the last, their watch ratio and how often they finished,
  how often their player sent nothing; and their profile's pace;
- their engagement now: the director's lean this session, the estimate's boredom, overload,
  level and confidence, whether the last beat sent any telemetry and how much of it they watched;
- the story's state: where the beat is in its episode, how far into the film, its tension as
  written, which tellings it has, the tension the director wants there;
- each nudge's effect: the telling and pace it would lead to, against the tension wanted.

The reward is what the viewer did, never the director's own estimate: the watch ratio of this
beat and the next ``HORIZON - 1`` (seconds not skipped over seconds played), where a beat after
they left counts 0 and one after the film's end counts 1 (so leaving costs and finishing pays).

Exploration is bounded: ``EPSILON`` of the time at most, and only among nudges that make sense
then (never calmer for a viewer clearly restless, never more for one clearly overwhelmed, never
past the ends of the tension scale); whatever is picked is a telling the story already has, at
a pace and look the director uses, so a viewer never sees nonsense. Every decision is logged
with the probability it was taken with, so a new policy can be judged from logged sessions
before anyone sees it (``evaluate``: inverse propensity and doubly robust).

A returning viewer starts where the director left them: their remembered lean (``Memory``).
The population's model starts from a prior fitted on simulated viewers (``Prior``, shipped in
``data/prior.json``: labelled so, never counted as anyone's sessions, never steering by itself)
and learns from each finished session. Both persist in the database through
``store.learning.LearningStore``.
"""

from __future__ import annotations

import base64
import math
import os
import random
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from ..model import Profile
from ..model.base import SCHEMA_VERSION
from ..model.story import Beat
from .drama import LEAN_MAX, DramaManager, Intervention
from .engagement import Estimate

#: The nudges on the director's drive the bandit chooses among (0, the director as it is,
#: first: where the model cannot tell them apart, it is the one taken).
ACTIONS: tuple[float, ...] = (0.0, -0.12, 0.12, -0.24, 0.24)
#: How many beats, from the decided one on, its reward watches.
HORIZON = 3
#: At most this share of decisions explore (VW's epsilon-greedy over the allowed nudges).
EPSILON = 0.05
#: A reading this sure rules out exploring against it.
SURE = 0.5
#: Vowpal Wabbit's options: the shared namespaces V (viewer), E (engagement), S (story), each
#: crossed with the action's A; the cost regressed per action (mtr).
VW_ARGS = "--cb_adf --cb_type mtr -q VA -q EA -q SA -b 18 --quiet"
#: A nudge is taken over the director as it is only when it is expected to do this much better
#: (reward, 0..1): the model has to be sure before it overrides the director.
MARGIN = 0.01
#: How much of a viewer's remembered lean they start a new session with.
CARRY = 0.5


@dataclass
class Memory:
    """What is kept of one viewer across sessions."""

    sessions: int = 0
    lean: float = 0.0        # the director's lean for them at the end of their last session
    reward: float = 0.0      # their mean watch ratio (over sessions)
    completed: float = 0.0   # the share of their sessions they finished
    quiet: float = 0.0       # the share of their sessions whose player sent nothing

    def update(self, lean: float, watch_ratio: float, complete: bool, quiet: bool) -> None:
        n = self.sessions + 1
        self.lean = max(-LEAN_MAX, min(LEAN_MAX, lean))
        self.reward += (watch_ratio - self.reward) / n
        self.completed += (float(complete) - self.completed) / n
        self.quiet += (float(quiet) - self.quiet) / n
        self.sessions = n


@dataclass
class Decision:
    """One logged decision: its context, the nudges allowed, the one taken and with what
    probability, and (once the horizon has passed) its reward."""

    beat: str
    index: int                     # the beat's place in the viewing
    session: str                   # which viewing (for splitting logs by session)
    shared: str                    # VW text of the context
    actions: list[int]             # indices into ACTIONS, allowed here
    lines: list[str]               # VW text of each allowed action
    chosen: int                    # position in ``actions``
    prob: float
    reward: float | None = None

    @property
    def nudge(self) -> float:
        return ACTIONS[self.actions[self.chosen]]


def _ns(name: str, feats: dict[str, float]) -> str:
    return f"|{name} " + " ".join(f"{k}:{v:.4g}" for k, v in feats.items() if v != 0)


class Learner:
    """The population's bandit (a Vowpal Wabbit workspace), optionally from a saved model.

    It learns from every session it is given, but its model steers only once ``promoted``: once
    off-policy evaluation on logged sessions it did not learn from finds it better than the
    director alone, the lower end of the 95% interval above zero (``gate``). Until then it
    serves the director as it is, exploring ``epsilon`` of the time."""

    def __init__(self, model: bytes | None = None, *, epsilon: float = EPSILON, margin: float = MARGIN,
                 args: str = VW_ARGS, seed: Any = 0, promoted: bool = False):
        import vowpalwabbit

        self.epsilon, self.margin, self.args = epsilon, margin, args
        self.promoted = promoted
        #: One call into the workspace at a time (a server's films decide on threads of their own).
        self.lock = threading.RLock()
        #: Sessions learned from since the last ``gate``, and their decisions (kept to judge by).
        self.recent: list[Decision] = []
        self.sessions = 0
        self._snapshot: bytes | None = None
        #: Every judgement made (``gate``), in order.
        self.judgements: list[dict[str, Any]] = []
        opts = args
        if model:
            fd, path = tempfile.mkstemp(suffix=".vw")
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(model)
                self.vw = vowpalwabbit.Workspace(f"{opts} -i {path}")
            finally:
                os.unlink(path)
        else:
            self.vw = vowpalwabbit.Workspace(opts)
        self.learned = 0   # decisions learned from (this workspace's life)
        #: Where exploration's draws come from: one stream across every session it serves.
        self.rng = random.Random(f"bandit:{seed}")

    def save(self) -> bytes:
        """The model, as bytes (for the database)."""
        fd, path = tempfile.mkstemp(suffix=".vw")
        os.close(fd)
        try:
            with self.lock:
                self.vw.save(path)
            with open(path, "rb") as f:
                return f.read()
        finally:
            os.unlink(path)

    def costs(self, shared: str, lines: list[str]) -> list[float]:
        """The model's expected cost (1 - reward) of each action."""
        with self.lock:
            out = self.vw.predict([f"shared {shared}", *lines])
        return list(out) if isinstance(out, list) else [float(out)]

    def pmf(self, shared: str, lines: list[str]) -> list[float]:
        """The probability of each allowed action (the first: no nudge), as this policy takes it:
        the one expected to do best (the first, unless another beats it by ``margin``), and
        ``epsilon`` spread evenly over all."""
        if len(lines) == 1:
            return [1.0]
        best = self.best(shared, lines) if self.promoted else 0
        p = [self.epsilon / len(lines)] * len(lines)
        p[best] += 1.0 - self.epsilon
        return p

    def best(self, shared: str, lines: list[str]) -> int:
        """The action the model expects to do best (the first, unless another beats it by ``margin``)."""
        c = self.costs(shared, lines)
        best = min(range(len(c)), key=lambda k: c[k])
        return 0 if c[0] - c[best] < self.margin else best

    def finished(self, decisions: list[Decision], *, gate_every: int = 0) -> dict[str, Any] | None:
        """A session is over: learn from its decisions. Every ``gate_every`` sessions (0: never)
        the model as it was at the last judgement is judged (``gate``) on the sessions since,
        none of which it learned from, and its verdict says whether the model steers from now
        on. The judgement, when one was made."""
        if gate_every and self._snapshot is None:
            self._snapshot = self.save()
        self.learn(decisions)
        self.recent += decisions
        self.sessions += 1
        if gate_every and self.sessions % gate_every == 0:
            judged = Learner(self._snapshot, epsilon=self.epsilon, margin=self.margin, args=self.args)
            report = gate(judged, self.recent)
            self.promoted = judged.promoted
            self._snapshot, self.recent = self.save(), []
            self.judgements.append(report)
            return report
        return None

    def learn(self, decisions: Iterable[Decision]) -> int:
        n = 0
        for d in decisions:
            if d.reward is None or len(d.actions) < 2:
                continue
            with self.lock:
                self.vw.learn(_labelled(d))
            n += 1
        self.learned += n
        return n

    def session(self, drama: DramaManager, memory: Memory | None = None, *, seed: Any = None,
                explore: bool = True, profile: Profile | None = None, key: str = "",
                carry: float = CARRY) -> Session:
        """A viewing under this learner: ``memory`` is the viewer's (updated in place when it
        finishes), ``key`` names the viewing in the log, ``carry`` how much of their remembered
        lean they start with."""
        return Session(self, drama, memory if memory is not None else Memory(), seed=seed, explore=explore,
                       profile=profile, key=key, carry=carry)


class Director(Learner):
    """The director as it is, exploring like a learner that was never promoted (a baseline)."""

    def __init__(self, *, epsilon: float = 0.0, seed: Any = 0):
        super().__init__(epsilon=epsilon, seed=seed)


class Fixed(Learner):
    """Always the allowed nudge nearest ``nudge`` (a policy to judge off-policy, and to check
    the judgement by playing it)."""

    def __init__(self, nudge: float, *, epsilon: float = 0.0, seed: Any = 0):
        super().__init__(epsilon=epsilon, seed=seed)
        self.nudge = nudge

    def pmf(self, shared: str, lines: list[str]) -> list[float]:
        if len(lines) == 1:
            return [1.0]
        nudges = [float(ln.split("nudge:", 1)[1].split()[0]) if "nudge:" in ln else 0.0 for ln in lines]
        best = min(range(len(lines)), key=lambda k: (abs(nudges[k] - self.nudge), k))
        p = [self.epsilon / len(lines)] * len(lines)
        p[best] += 1.0 - self.epsilon
        return p


class Session:
    """One viewing under the bandit: ``decide`` as each beat begins (after the director has
    learned from the reading), ``played`` once its telemetry is in, ``finish`` at the end."""

    def __init__(self, learner: Learner, drama: DramaManager, memory: Memory, *, seed: Any = None,
                 explore: bool = True, profile: Profile | None = None, key: str = "", carry: float = CARRY):
        self.learner, self.drama, self.memory = learner, drama, memory
        self.key = key
        self.explore = explore
        self.rng = learner.rng if seed is None else random.Random(f"bandit:{seed}")
        self.profile = profile
        # a viewer the director has met starts near where it left them
        drama.lean = carry * memory.lean
        self.decisions: list[Decision] = []
        self.shares: list[float] = []   # each beat's watch ratio, in order
        self.heard: list[int] = []      # each beat's telemetry events
        self.seconds = 0.0
        self.watched = 0.0

    # -- the context -----------------------------------------------------------------------

    def _context(self, beat: Beat, estimate: Estimate | None, index: int) -> str:
        m, d = self.memory, self.drama
        pacing = (self.profile or Profile()).pacing
        viewer = {"n": math.log1p(m.sessions), "lean": m.lean, "ratio": m.reward, "done": m.completed,
                  "quiet": m.quiet, "new": float(m.sessions == 0), f"pace_{pacing}": 1.0, "bias": 1.0}
        e = estimate
        engaged = {"lean": d.lean, "bias": 1.0}
        if e is not None:
            engaged.update(bored=min(3.0, e.boredom), over=min(3.0, e.overload),
                           is_bored=float(e.level == "bored"), is_over=float(e.level == "overwhelmed"),
                           sure=e.confidence if e.level != "engaged" else 0.0, score=e.score)
        if self.shares:
            engaged.update(last=self.shares[-1], heard=float(self.heard[-1] > 0),
                           silent=float(sum(self.heard) == 0))
        story = {"pos": d.position(beat), "ep": float(beat.episode), "k": math.log1p(index),
                 "tension": beat.tension, "calm": float("calm" in beat.variants),
                 "intense": float("intense" in beat.variants), "want": d.wanted(beat, e), "bias": 1.0}
        return " ".join([_ns("V", viewer), _ns("E", engaged), _ns("S", story)])

    def _action(self, beat: Beat, estimate: Estimate | None, nudge: float) -> str:
        d = self.drama
        want = d.wanted(beat, estimate)
        d.nudge = nudge
        try:
            told = d.preview(beat, estimate)
            drive = d.drive(estimate)
        finally:
            d.nudge = 0.0
        pace = 1.0 if drive > 0.15 else -1.0 if drive < -0.15 else 0.0
        name = f"n{round(nudge * 100):+d}".replace("+", "p").replace("-", "m")
        return _ns("A", {name: 1.0, "nudge": nudge, "sq": nudge * nudge, "told": told - want,
                         "far": abs(told - want), "pace": pace, "bias": 1.0})

    def allowed(self, beat: Beat, estimate: Estimate | None) -> list[int]:
        """The nudges that make sense now (exploration never leaves these)."""
        out = []
        want = self.drama.wanted(beat, estimate)
        for i, n in enumerate(ACTIONS):
            if estimate is not None and estimate.confidence >= SURE:
                if estimate.level == "bored" and n < 0 or estimate.level == "overwhelmed" and n > 0:
                    continue
            if n != 0 and not 0.0 <= want + n <= 1.0:
                continue
            out.append(i)
        return out

    # -- the loop --------------------------------------------------------------------------

    def decide(self, beat: Beat, estimate: Estimate | None, index: int | None = None, at_s: float = 0.0) -> float:
        """The nudge for ``beat`` (set on the director: ``drama.nudge``), logged. ``index``: the
        beat's place in the viewing (default: the next); ``at_s``: film seconds it starts at."""
        index = len(self.decisions) if index is None else index
        self.drama.nudge = 0.0
        allowed = self.allowed(beat, estimate)
        shared = self._context(beat, estimate, index)
        lines = [self._action(beat, estimate, ACTIONS[i]) for i in allowed]
        pmf = self.learner.pmf(shared, lines)
        if self.explore:
            chosen = self.rng.choices(range(len(allowed)), weights=pmf)[0]
        else:
            chosen = max(range(len(allowed)), key=lambda k: (pmf[k], -abs(ACTIONS[allowed[k]])))
        self.decisions.append(Decision(beat=beat.id, index=index, session=self.key, shared=shared, actions=allowed, lines=lines,
                                       chosen=chosen, prob=max(pmf[chosen], 1e-6)))
        nudge = self.drama.nudge = ACTIONS[allowed[chosen]]
        if nudge:
            self.drama.log.append(Intervention(beat.id, "learned", f"{'More' if nudge > 0 else 'Gentler'} than "
                                               f"the director alone would: viewers like you watched on more "
                                               f"that way" if pmf[chosen] >= 0.5 else
                                               f"{'More' if nudge > 0 else 'Gentler'} this once: trying what "
                                               f"suits you", at_s))
        return nudge

    def played(self, seconds: float, skipped_s: float, events: int) -> None:
        """A beat has played: its length, the seconds skipped in it, the telemetry it sent."""
        share = 1.0 if seconds <= 0 else max(0.0, min(1.0, 1.0 - skipped_s / seconds))
        self.shares.append(share)
        self.heard.append(events)
        self.seconds += seconds
        self.watched += seconds * share

    def finish(self, complete: bool) -> list[Decision]:
        """The viewing is over (``complete``: it reached its ending; else they left): each
        decision's reward, and what is remembered of the viewer. Returns the decisions (of the
        beats reached: ``played`` once each)."""
        n = len(self.shares)
        # a beat made ahead that the viewer never reached was never shown: nothing to learn
        self.decisions = [d for d in self.decisions if d.index < n]
        for d in self.decisions:
            window = [self.shares[j] if j < n else (1.0 if complete else 0.0)
                      for j in range(d.index, d.index + HORIZON)]
            d.reward = sum(window) / HORIZON
        self.drama.nudge = 0.0
        self.memory.update(self.drama.lean, self.watched / self.seconds if self.seconds else 0.0, complete,
                           quiet=sum(self.heard) == 0)
        return self.decisions


def watched_beats(spans: list[tuple[float, float]], events: Iterable[tuple[str, float, dict]],
                  reached_s: float | None = None) -> list[tuple[float, float, int]]:
    """For a server: what ``Session.played`` wants for each beat, from the player's telemetry
    after the fact. ``spans``: each beat's (start, end) film seconds, in the order decided;
    ``events``: (kind, t, data) as the socket took them; ``reached_s``: the furthest film second
    the viewer reached (default: the latest event's). Per beat reached: (seconds, seconds
    skipped in it, events in it)."""
    from .engagement import _num

    evs = [(k, float(t), d) for k, t, d in events]
    reached = reached_s if reached_s is not None else max((t for _, t, _ in evs), default=0.0)
    # The browser player sends a skip, then the seek it makes (as far as the film is there): one
    # skip, counted by how far it went.
    ahead = [t for k, t, d in evs if k == "seek" and _num(d.get("to"), t) > t]
    out = []
    for start, end in spans:
        if start > reached:
            break
        skipped, n = 0.0, 0
        for kind, t, data in evs:
            if not start <= t < end:
                continue
            n += 1
            if kind == "skip" and not any(abs(s - t) <= 1.0 for s in ahead):
                skipped += min(_num(data.get("wanted_s"), 0.0), end - t)
            elif kind == "seek" and _num(data.get("to"), t) > t:
                skipped += min(_num(data.get("to"), t), end) - t
        out.append((end - start, min(skipped, end - start), n))
    return out


# -- the population's prior --------------------------------------------------------------------

#: The logging policy's exploration while the prior's sessions are collected (half the time the
#: director as it is, else any allowed nudge).
LOG_EPSILON = 0.5
#: Training viewers the prior is fitted on.
PRIOR_VIEWERS = 40
#: A served learner judges itself after this many sessions (``Learner.finished``).
GATE_EVERY = 100


def collect(stories: list[Any], tastes: list[Any], seeds: list[int], learner: Learner, *,
            memories: dict[int, Memory] | None = None, online: bool = False, gate_every: int = 0,
            tag: str = "") -> tuple[list[Decision], list[dict]]:
    """Every simulated viewer (``director.viewers``) watches every story at every seed under
    ``learner``, in order (each viewer remembered across their sessions in ``memories``); with
    ``online`` the learner learns after each session (and judges itself every ``gate_every``).
    The decisions logged, and a row a viewing (value, watched, complete, left) as
    ``viewers.score`` gives them."""
    from .harness import watch
    from .viewers import SimViewer, full_seconds

    memories = {} if memories is None else memories
    logged: list[Decision] = []
    rows: list[dict] = []
    for s, story in enumerate(stories):
        for seed in seeds:
            full = full_seconds(story, seed)
            for v, taste in enumerate(tastes):
                viewer = SimViewer(taste, run=seed * 7919 + v)
                log: list[Decision] = []
                viewing = watch(story, viewer, "learned", seed=seed, learner=learner,
                                memory=memories.setdefault(v, Memory()), log=log)
                for d in log:
                    d.session = f"{tag}{v}/{s}/{seed}"
                if online:
                    learner.finished(log, gate_every=gate_every)
                logged += log
                rows.append({"value": viewer.value(full), "watched": viewer.watched / max(full, 1e-9),
                             "complete": viewing.complete, "left": viewer.why_left,
                             "interventions": len(viewing.interventions)})
    return logged, rows


def fit(logged: list[Decision], *, passes: int = 3, seed: int = 0, **kw: Any) -> Learner:
    """A learner trained on ``logged`` decisions (shuffled, ``passes`` times over); not promoted."""
    learner = Learner(**kw)
    rows = list(logged)
    rng = random.Random(f"fit:{seed}")
    for _ in range(passes):
        rng.shuffle(rows)
        learner.learn(rows)
    return learner


def train(logged: list[Decision], *, passes: int = 3, **kw: Any) -> tuple[Learner, dict[str, Any]]:
    """The population's prior from ``logged`` sessions: fitted on half the viewers' sessions,
    judged (``gate``) on the other half's, then taught those too. The learner, and the judgement."""
    viewers = sorted({d.session.split("/", 1)[0] for d in logged})
    judge = set(viewers[1::2])
    first = [d for d in logged if d.session.split("/", 1)[0] not in judge]
    second = [d for d in logged if d.session.split("/", 1)[0] in judge]
    learner = fit(first, passes=passes, **kw)
    report = gate(learner, second) if second else {"promoted": False, "why": "no sessions to judge by"}
    learner.learn(second)
    return learner, report


#: Where the population prior ships (``fit_prior``; ``python scripts/fit_prior.py`` writes it).
PRIOR_FILE = Path(__file__).parent / "data" / "prior.json"
#: What a prior is, said wherever it is shown.
PRIOR_LABEL = ("population prior: a model fitted on simulated viewers (director.viewers), not on anyone's "
               "sessions; it never steers by itself")


class Prior(BaseModel):
    """The population prior as shipped: a bandit model fitted on simulated training viewers'
    sessions (logged under exploration, ``LOG_EPSILON``), labelled as such. Its sessions are
    the simulator's: a server seeded with it counts none of them as logged."""

    model_config = ConfigDict(extra="forbid")
    schema_version: int = SCHEMA_VERSION
    label: str = PRIOR_LABEL
    vowpalwabbit: str
    args: str
    viewers: int
    sessions: int
    decisions: int
    #: The gate's report on the held half of those simulated sessions (``train``): what the
    #: simulator says of it, not a verdict on real viewers.
    judgement: dict[str, Any]
    model: str   # VW's own bytes, base64
    #: where the director started every viewer while the sessions were logged (``schedule.START``)
    static: dict[str, Any] | None = None
    #: the digest of the director's code the fit ran (``fingerprint.code(fingerprint.PRIOR_FIT)``)
    code: str | None = None

    def learner(self) -> Learner:
        """A fresh learner from this prior, not promoted: only the gate, judging sessions logged
        since, lets a model steer."""
        learner = Learner(base64.b64decode(self.model))
        learner.judgements.append(dict(self.judgement))
        return learner


def fit_prior() -> tuple[Prior, list[Decision]]:
    """Fit the population prior (about ten seconds on 2 idle cores): every simulated training
    viewer (``viewers.TRAIN``, ``PRIOR_VIEWERS``) watches every training story at every seed under
    exploration, and ``train`` learns from those sessions. The prior, and the decisions it was
    fitted on (to compare two priors by)."""
    import vowpalwabbit

    from .fingerprint import PRIOR_FIT, code
    from .schedule import START
    from .viewers import TRAIN, population, stories

    logged, _ = collect(stories(), population(PRIOR_VIEWERS, "train"), list(TRAIN[1]), Learner(epsilon=LOG_EPSILON))
    learner, report = train(logged)
    return Prior(vowpalwabbit=vowpalwabbit.__version__, args=VW_ARGS, viewers=PRIOR_VIEWERS,
                 sessions=len({d.session for d in logged}), decisions=len(logged), judgement=report,
                 model=base64.b64encode(learner.save()).decode(), static=START.model_dump(),
                 code=code(PRIOR_FIT)), logged


def drift(a: Learner, b: Learner, decisions: list[Decision]) -> float:
    """The largest difference between two models' expected costs over ``decisions``' contexts
    (0: they predict alike)."""
    return max((abs(x - y) for d in decisions for x, y in zip(a.costs(d.shared, d.lines), b.costs(d.shared, d.lines))),
               default=0.0)


_PRIOR: list[Prior] = []


def shipped_prior() -> Prior:
    """The population prior shipped with dreamreel (``PRIOR_FILE``), or, where it is missing or
    was fitted with other options, one fitted now (once a process)."""
    if not _PRIOR:
        got: Prior | None = None
        if PRIOR_FILE.is_file():
            got = Prior.model_validate_json(PRIOR_FILE.read_text(encoding="utf-8"))
            if got.args != VW_ARGS:
                got = None
        _PRIOR.append(got if got is not None else fit_prior()[0])
    return _PRIOR[0]


def prior() -> Learner:
    """A fresh learner from the population prior (``shipped_prior``), not promoted. A server
    seeds its database with it once (``store.learning``), then goes on from what it learns."""
    return shipped_prior().learner()


# -- off-policy evaluation ------------------------------------------------------------------------


def _labelled(d: Decision) -> list[str]:
    lines = list(d.lines)
    lines[d.chosen] = f"{d.chosen}:{1.0 - (d.reward or 0.0):.4f}:{d.prob:.4f} {lines[d.chosen]}"
    return [f"shared {d.shared}", *lines]


def _reward_model(rows: list[Decision], folds: int, seed: int) -> list[list[float]]:
    """Each decision's expected reward for each of its actions, from a VW regression (``dm``)
    fitted on the other folds (cross-fitted: a decision never judges itself)."""
    import vowpalwabbit

    order = list(range(len(rows)))
    random.Random(f"folds:{seed}").shuffle(order)
    fold = {i: k % folds for k, i in enumerate(order)}
    qhat: list[list[float]] = [[] for _ in rows]
    for f in range(folds):
        model = vowpalwabbit.Workspace("--cb_adf --cb_type dm -q VA -q EA -q SA -b 18 --quiet")
        for _ in range(2):
            for i in order:
                if fold[i] != f:
                    model.learn(_labelled(rows[i]))
        for i, d in enumerate(rows):
            if fold[i] == f:
                out = model.predict([f"shared {d.shared}", *d.lines])
                costs = list(out) if isinstance(out, list) else [float(out)]
                qhat[i] = [1.0 - c for c in costs]
        model.finish()
    return qhat


def evaluate(policy: Learner, logged: list[Decision], *, baseline: Learner | None = None, folds: int = 2,
             seed: int = 0, n_boot: int = 1000, clip: float | None = None) -> dict[str, Any]:
    """How ``policy`` would do per decision (its mean reward), judged from ``logged`` decisions
    another policy took: inverse propensity (IPS), self-normalised IPS (SNIPS) and doubly robust
    (DR, its reward model a VW regression cross-fitted over ``folds``; with ``clip``, its
    importance weights cut there), each with a 95% interval from a bootstrap over sessions (a
    session's decisions are not independent); the logging policy's own mean reward; the
    effective share of the log that speaks for the policy (``overlap``: (sum w)^2 / (n sum w^2));
    and with ``baseline``, DR's paired difference from it (``dr_diff``)."""
    import numpy as np

    rows = [d for d in logged if d.reward is not None]
    if not rows:
        raise ValueError("no logged decisions with a reward to evaluate on")
    qhat = _reward_model(rows, folds, seed)
    r = np.asarray([d.reward for d in rows])
    prob = np.asarray([d.prob for d in rows])

    def terms(pol: Learner) -> tuple[Any, Any]:
        ratio, dm = np.zeros(len(rows)), np.zeros(len(rows))
        for i, d in enumerate(rows):
            pi = pol.pmf(d.shared, d.lines)
            ratio[i] = pi[d.chosen] / prob[i]
            dm[i] = sum(p * x for p, x in zip(pi, qhat[i]))
        q_chosen = np.asarray([qhat[i][d.chosen] for i, d in enumerate(rows)])
        cut = ratio if clip is None else np.minimum(ratio, clip)
        return ratio, dm + cut * (r - q_chosen)

    w, dr = terms(policy)
    ips = w * r
    # the bootstrap draws whole sessions: a matrix (draw x session) of how often each is drawn
    names = sorted({d.session for d in rows})
    which = np.asarray([names.index(d.session) for d in rows]) if len(names) > 1 else np.zeros(len(rows), int)
    rng = np.random.default_rng(seed)
    draws = np.stack([np.bincount(rng.integers(0, len(names), len(names)), minlength=len(names))
                      for _ in range(n_boot)])[:, which]   # (draw x decision): how often it counts

    def boot(x: Any, by: Any = None) -> Any:
        return (draws * x).sum(axis=1) / np.maximum((draws * (1 if by is None else by)).sum(axis=1), 1e-12)

    def ci(x: Any) -> list[float]:
        lo, hi = np.percentile(x, [2.5, 97.5])
        return [round(float(lo), 4), round(float(hi), 4)]

    out: dict[str, Any] = {
        "decisions": len(rows), "sessions": len(names), "logged": round(float(r.mean()), 4),
        "ips": round(float(ips.mean()), 4), "ips_ci": ci(boot(ips)),
        "snips": round(float(ips.sum() / max(w.sum(), 1e-12)), 4), "snips_ci": ci(boot(ips, w)),
        "dr": round(float(dr.mean()), 4), "dr_ci": ci(boot(dr)),
        "mean_weight": round(float(w.mean()), 4),
        "overlap": round(float(w.sum() ** 2 / max(len(w) * (w ** 2).sum(), 1e-12)), 4)}
    if baseline is not None:
        _, base = terms(baseline)
        diff = dr - base
        out.update(baseline_dr=round(float(base.mean()), 4), dr_diff=round(float(diff.mean()), 4),
                   dr_diff_ci=ci(boot(diff)))
    return out


#: The judgement's cap on importance weights (doubly robust with clipped weights: when the log
#: says too little about what the model would do, it leans on the reward model, and doubts).
MAX_WEIGHT = 20.0
#: The least effective share of the log (``overlap``) a model is judged on.
MIN_OVERLAP = 0.1


def gate(learner: Learner, logged: list[Decision]) -> dict[str, Any]:
    """Promote ``learner`` (its model steers) only if, judged doubly robustly (weights clipped at
    ``MAX_WEIGHT``) on ``logged`` decisions, it does better than the director alone, the lower
    end of the 95% interval (sessions resampled) above zero, and the log speaks for what it
    would do (``overlap`` at least ``MIN_OVERLAP``); else its model stops steering. The
    judgement (``promoted`` is the verdict, ``why`` the reason)."""
    rows = [d for d in logged if d.reward is not None and len(d.actions) > 1]
    if len(rows) < 200:
        return {"promoted": learner.promoted, "why": f"{len(rows)} decisions: too few to judge by"}
    was = learner.promoted
    learner.promoted = True   # judged as it would steer
    try:
        report = evaluate(learner, rows, baseline=Director(epsilon=learner.epsilon), clip=MAX_WEIGHT)
    finally:
        learner.promoted = was
    if report["overlap"] < MIN_OVERLAP:
        learner.promoted, why = False, f"the log says too little of what it would do (overlap {report['overlap']})"
    elif report["dr_diff_ci"][0] > 0:
        learner.promoted, why = True, "better than the director alone"
    else:
        learner.promoted, why = False, "not shown better than the director alone"
    report.update(promoted=learner.promoted, why=why)
    return report


def decisions_json(decisions: list[Decision]) -> list[dict[str, Any]]:
    return [asdict(d) for d in decisions]


__all__ = ["ACTIONS", "EPSILON", "HORIZON", "PRIOR_FILE", "PRIOR_LABEL", "Decision", "Director", "Fixed", "Learner",
           "Memory", "Prior", "Session", "collect", "drift", "evaluate", "fit", "fit_prior", "gate", "prior",
           "shipped_prior", "train", "watched_beats"]
