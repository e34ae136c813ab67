"""What the director learns across sessions, in the viewer database (``store.db``): the
population's bandit model (``director.learning.Learner``), what is remembered of each viewer
(``Memory``), and every decision the bandit took, with the probability it took it with and the
reward that followed (the log off-policy evaluation judges new policies by).

Its own tables (``bandit_models``, ``bandit_priors``, ``bandit_viewers``, ``bandit_decisions``) on
the same engine as ``store.db.Database`` (SQLite or PostgreSQL), created if missing whenever it
is opened::

    db = Database(url)
    learning = LearningStore(db.engine)
    learning.seed(director.learning.shipped_prior())     # a new database starts from the prior
    learner = learning.learner()                         # the population's model (or a new one)
    memory = learning.memory(viewer_id)                  # what is remembered of this viewer
    session = learner.session(drama, memory, key=session_id)
    ...                                                  # session.decide(beat, reading) as each beat is entered
    for seconds, skipped, n in watched_beats(spans, events, reached_s=playhead):
        session.played(seconds, skipped, n)              # (director.learning.watched_beats)
    learning.finish(viewer_id, session_id, learner, session.finish(complete), memory)
    learning.verdict()                                   # whether the gate lets the model steer, and why (typed)

The gate survives a restart: the model as it was at the last judgement is kept beside the
population's (``<name>@judged``) and judged on the decisions logged since, none of which it
learned from (``judge``).

Viewer ids are ``store.db.Viewer.id`` (not enforced as a foreign key, so that simulated viewers
can be stored too).
"""

from __future__ import annotations

import base64
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import Boolean, Float, Integer, LargeBinary, String, Text, distinct, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

from ..director.learning import GATE_EVERY, Decision, Learner, Memory, Prior, gate
from ..model.base import SCHEMA_VERSION

#: Beside a model ``name``: the model as it was when it was last judged (the next to be judged).
JUDGED = "{}@judged"


# -- what an operator is told (``verdict``: the CLI's ``dreamreel learning``, a server's /api/learning)


class Judgement(BaseModel):
    """One judgement of the off-policy gate (``director.learning.gate``); the figures are there
    when there were enough decisions to judge by."""

    model_config = ConfigDict(extra="ignore")
    promoted: bool
    why: str
    judged_at: float | None = None      # (time.time())
    since: float | None = None          # judged on the decisions logged from then
    sessions_judged: int | None = None
    decisions: int | None = None
    sessions: int | None = None
    logged: float | None = None         # the logging policy's own mean reward a decision
    dr: float | None = None             # the model's, doubly robust ...
    dr_ci: list[float] | None = None    # ... with its 95% interval (sessions resampled)
    baseline_dr: float | None = None    # the director alone's
    dr_diff: float | None = None        # the model's minus the director's ...
    dr_diff_ci: list[float] | None = None
    overlap: float | None = None        # the share of the log that speaks for the model


class ModelView(BaseModel):
    promoted: bool
    sessions_learned: int               # sessions here it learned from (the prior's are not counted)
    updated: float


class PriorView(BaseModel):
    """The prior the model was seeded with: fitted on simulated viewers, never counted as logged."""

    label: str
    viewers: int                        # simulated viewers it was fitted on
    sessions: int                       # their simulated sessions (none of them logged here)
    decisions: int
    seeded: float                       # when this database took it (time.time())
    #: What the gate said of it on simulated sessions it was not fitted on (not a verdict on real viewers).
    simulated_judgement: Judgement


class Verdict(BaseModel):
    """Whether the learned model steers live films (else the adaptive director does), why, and
    what is logged."""

    schema_version: int = SCHEMA_VERSION
    model: ModelView | None             # None: no model yet
    steers: bool
    prior: PriorView | None             # None: the model started empty
    sessions_logged: int
    decisions_logged: int
    decisions_rewarded: int
    viewers_remembered: int
    sessions_since_judgement: int
    judged_every: int
    last_judgement: Judgement | None
    judged_now: Judgement | None = None  # (``dreamreel learning --judge``: what the gate would say now)


class LearningBase(DeclarativeBase):
    pass


class BanditModel(LearningBase):
    """A bandit's model (VW's own bytes), whether it steers, and its last judgement."""

    __tablename__ = "bandit_models"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    model: Mapped[bytes] = mapped_column(LargeBinary)
    promoted: Mapped[bool] = mapped_column(Boolean, default=False)
    sessions: Mapped[int] = mapped_column(Integer, default=0)   # sessions learned from
    judgement: Mapped[str] = mapped_column(Text, default="")   # the last gate's report, JSON
    updated: Mapped[float] = mapped_column(Float)


class BanditViewer(LearningBase):
    """What is remembered of one viewer across sessions (``director.learning.Memory``)."""

    __tablename__ = "bandit_viewers"
    viewer_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    sessions: Mapped[int] = mapped_column(Integer, default=0)
    lean: Mapped[float] = mapped_column(Float, default=0.0)
    reward: Mapped[float] = mapped_column(Float, default=0.0)
    completed: Mapped[float] = mapped_column(Float, default=0.0)
    quiet: Mapped[float] = mapped_column(Float, default=0.0)
    updated: Mapped[float] = mapped_column(Float)


class BanditPrior(LearningBase):
    """The prior a model was seeded with (``director.learning.Prior``): fitted on simulated
    viewers, kept apart from what was logged here, so it is never counted as anyone's sessions."""

    __tablename__ = "bandit_priors"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)   # the model it seeded
    label: Mapped[str] = mapped_column(Text)
    fitted: Mapped[str] = mapped_column(Text)   # JSON: the Prior less its model (viewers, sessions, judgement)
    model: Mapped[bytes] = mapped_column(LargeBinary)
    seeded: Mapped[float] = mapped_column(Float)


class BanditDecision(LearningBase):
    """One decision: its context, the actions allowed, the one taken and its probability, the reward."""

    __tablename__ = "bandit_decisions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    model: Mapped[str] = mapped_column(String(64), index=True)
    session_id: Mapped[str] = mapped_column(String(64), index=True)
    viewer_id: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[float] = mapped_column(Float, index=True)
    beat: Mapped[str] = mapped_column(String(64))
    index: Mapped[int] = mapped_column(Integer)
    context: Mapped[str] = mapped_column(Text)          # VW text of the shared context
    actions: Mapped[str] = mapped_column(Text)          # JSON: indices into learning.ACTIONS
    lines: Mapped[str] = mapped_column(Text)            # JSON: VW text of each allowed action
    chosen: Mapped[int] = mapped_column(Integer)
    prob: Mapped[float] = mapped_column(Float)
    reward: Mapped[float | None] = mapped_column(Float, nullable=True)


class LearningStore:
    """The bandit's tables on ``engine`` (an Engine, a ``store.db.Database``, or a URL)."""

    def __init__(self, engine: Engine | Any):
        if isinstance(engine, str):
            from .db import Database

            engine = Database(engine).engine
        self.engine: Engine = getattr(engine, "engine", engine)
        LearningBase.metadata.create_all(self.engine)   # only what is missing
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._lock = threading.Lock()   # one learner update at a time in this process

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions() as s, s.begin():
            yield s

    # -- the model -------------------------------------------------------------------------

    def learner(self, name: str = "director", *, fallback: Any = None) -> Learner:
        """The stored model ``name``; if there is none, ``fallback()`` (e.g.
        ``director.learning.prior``, fitted on simulated viewers), else a new learner, which
        serves the director as it is until it has learned enough to be promoted."""
        with self.session() as s:
            row = s.get(BanditModel, name)
            if row is not None:
                learner = Learner(row.model, promoted=row.promoted)
                learner.sessions = row.sessions
                return learner
        return fallback() if fallback is not None else Learner()

    def seed(self, prior: Prior, name: str = "director") -> bool:
        """Start model ``name`` from ``prior`` if it has no model yet (a new database): the model
        is the prior's, not promoted, learned from no session here; the prior is kept beside it
        (``bandit_priors``), labelled. Whether it was seeded."""
        blob = base64.b64decode(prior.model)
        with self.session() as s:
            if s.get(BanditModel, name) is not None:
                return False
            now = time.time()
            s.add(BanditModel(name=name, model=blob, promoted=False, sessions=0, updated=now))
            s.merge(BanditPrior(name=name, label=prior.label, model=blob, seeded=now,
                                fitted=prior.model_dump_json(exclude={"model"})))
        return True

    def prior(self, name: str = "director") -> PriorView | None:
        """The prior model ``name`` was seeded with (None: it started empty)."""
        with self.session() as s:
            row = s.get(BanditPrior, name)
            if row is None:
                return None
            fitted = json.loads(row.fitted)
            return PriorView(label=row.label, viewers=fitted["viewers"], sessions=fitted["sessions"],
                             decisions=fitted["decisions"], seeded=round(row.seeded, 3),
                             simulated_judgement=Judgement.model_validate(fitted["judgement"]))

    def _snapshot(self, learner: Learner, name: str) -> None:
        """Keep ``learner``'s model as it is now as the next to be judged (on what is logged from now)."""
        blob, now = learner.save(), time.time()
        with self.session() as s:
            row = s.get(BanditModel, JUDGED.format(name))
            if row is None:
                s.add(BanditModel(name=JUDGED.format(name), model=blob, promoted=False, sessions=learner.sessions,
                                  updated=now))
            else:
                row.model, row.sessions, row.updated = blob, learner.sessions, now

    def save_learner(self, learner: Learner, name: str = "director", judgement: dict | None = None) -> None:
        blob = learner.save()
        with self.session() as s:
            row = s.get(BanditModel, name)
            if row is None:
                row = BanditModel(name=name, model=blob, updated=time.time())
                s.add(row)
            row.model, row.promoted, row.sessions, row.updated = blob, learner.promoted, learner.sessions, time.time()
            if judgement is not None:
                row.judgement = json.dumps(judgement)

    def judgement(self, name: str = "director") -> dict | None:
        with self.session() as s:
            row = s.get(BanditModel, name)
            return json.loads(row.judgement) if row is not None and row.judgement else None

    # -- the gate --------------------------------------------------------------------------

    def judge(self, learner: Learner, name: str = "director", *, commit: bool = True) -> dict[str, Any]:
        """The off-policy gate (``director.learning.gate``: doubly robust, weights clipped,
        sessions resampled): the model as it was at the last judgement, judged on the decisions
        logged since. Its verdict says whether ``learner`` (that model, and what it learned
        since) steers from now on, and a new snapshot is kept to be judged next; with too few
        decisions to judge by, the verdict stands and the log keeps accumulating. With
        ``commit`` False nothing changes (what the gate would say now). The judgement."""
        with self.session() as s:
            row = s.get(BanditModel, JUDGED.format(name))
            blob, since = (row.model, row.updated) if row is not None else (None, 0.0)
        logged = self.logged(name, since=since)
        if blob is None:   # (a model stored before snapshots were kept: judged as it is now)
            blob = learner.save()
        candidate = Learner(blob, epsilon=learner.epsilon, margin=learner.margin, args=learner.args,
                            promoted=learner.promoted)
        report = gate(candidate, logged)
        report.update(judged_at=round(time.time(), 3), since=round(since, 3),
                      sessions_judged=len({d.session for d in logged}))
        if commit:
            learner.promoted = candidate.promoted
            if "dr" in report:   # judged: the next judgement is of the model as it is now
                self._snapshot(learner, name)
        return report

    def since_judged(self, name: str = "director") -> int:
        """Sessions logged since the last judgement."""
        with self.session() as s:
            row = s.get(BanditModel, JUDGED.format(name))
            since = row.updated if row is not None else 0.0
            return int(s.scalar(select(func.count(distinct(BanditDecision.session_id))).where(
                BanditDecision.model == name, BanditDecision.at >= since)) or 0)

    def verdict(self, name: str = "director", *, gate_every: int = GATE_EVERY) -> Verdict:
        """For an operator: whether the model steers live films, the last judgement, the prior it
        started from, and what is logged (sessions, decisions, viewers remembered)."""
        with self.session() as s:
            row = s.get(BanditModel, name)
            decisions = int(s.scalar(select(func.count()).select_from(BanditDecision)
                                     .where(BanditDecision.model == name)) or 0)
            rewarded = int(s.scalar(select(func.count()).select_from(BanditDecision).where(
                BanditDecision.model == name, BanditDecision.reward.is_not(None))) or 0)
            sessions = int(s.scalar(select(func.count(distinct(BanditDecision.session_id)))
                                    .where(BanditDecision.model == name)) or 0)
            viewers = int(s.scalar(select(func.count()).select_from(BanditViewer)) or 0)
            model = None if row is None else ModelView(promoted=row.promoted, sessions_learned=row.sessions,
                                                       updated=round(row.updated, 3))
            last = Judgement.model_validate_json(row.judgement) if row is not None and row.judgement else None
        return Verdict(model=model, steers=bool(model and model.promoted), prior=self.prior(name),
                       sessions_logged=sessions, decisions_logged=decisions, decisions_rewarded=rewarded,
                       viewers_remembered=viewers, sessions_since_judgement=self.since_judged(name),
                       judged_every=gate_every, last_judgement=last)

    # -- viewers ---------------------------------------------------------------------------

    def memory(self, viewer_id: str) -> Memory:
        """What is remembered of the viewer (a new viewer: nothing yet)."""
        with self.session() as s:
            row = s.get(BanditViewer, viewer_id)
            if row is None:
                return Memory()
            return Memory(sessions=row.sessions, lean=row.lean, reward=row.reward, completed=row.completed,
                          quiet=row.quiet)

    def remember(self, viewer_id: str, memory: Memory) -> None:
        with self.session() as s:
            row = s.get(BanditViewer, viewer_id)
            if row is None:
                row = BanditViewer(viewer_id=viewer_id, updated=time.time())
                s.add(row)
            row.sessions, row.lean, row.reward = memory.sessions, memory.lean, memory.reward
            row.completed, row.quiet, row.updated = memory.completed, memory.quiet, time.time()

    # -- decisions -------------------------------------------------------------------------

    def log(self, viewer_id: str, session_id: str, decisions: list[Decision], model: str = "director") -> None:
        now = time.time()
        with self.session() as s:
            s.add_all([BanditDecision(model=model, session_id=session_id, viewer_id=viewer_id, at=now,
                                      beat=d.beat, index=d.index, context=d.shared,
                                      actions=json.dumps(d.actions), lines=json.dumps(d.lines),
                                      chosen=d.chosen, prob=d.prob, reward=d.reward) for d in decisions])

    def logged(self, model: str = "director", *, since: float = 0.0, limit: int | None = None) -> list[Decision]:
        """Logged decisions (oldest first; with ``limit``, the latest that many)."""
        with self.session() as s:
            q = select(BanditDecision).where(BanditDecision.model == model, BanditDecision.at >= since)
            if limit is not None:
                q = q.order_by(BanditDecision.id.desc()).limit(limit)
            rows = list(s.scalars(q))
        rows.sort(key=lambda r: r.id)
        return [Decision(beat=r.beat, index=r.index, session=r.session_id, shared=r.context,
                         actions=json.loads(r.actions), lines=json.loads(r.lines), chosen=r.chosen, prob=r.prob,
                         reward=r.reward) for r in rows]

    # -- a finished session ------------------------------------------------------------------

    def finish(self, viewer_id: str, session_id: str, learner: Learner, decisions: list[Decision],
               memory: Memory, *, name: str = "director", gate_every: int = GATE_EVERY) -> dict | None:
        """A session is over (``decisions`` from ``Session.finish``, which also updated
        ``memory``): log its decisions, remember the viewer, let the learner learn, store the
        model, and once ``gate_every`` sessions were logged since the last judgement (0: never)
        judge it (``judge``). The judgement, if one was made."""
        for d in decisions:
            d.session = session_id
        with self._lock:
            with self.session() as s:
                first = s.get(BanditModel, JUDGED.format(name)) is None
            if first:   # the model as it is before it learns from the first session logged
                self._snapshot(learner, name)
            self.log(viewer_id, session_id, decisions, model=name)
            self.remember(viewer_id, memory)
            learner.learn(decisions)
            learner.sessions += 1
            report = None
            if gate_every and self.since_judged(name) >= gate_every:
                report = self.judge(learner, name)
            self.save_learner(learner, name, judgement=report)
        return report

