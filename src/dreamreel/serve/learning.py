"""Learning across live films: the server's contextual bandit (``director.learning``) over the
director's interventions, rewarded by what each film's viewer did, kept in the server's database
(``store.learning``: the population's model, what is remembered of each viewer, every decision).

One learner a server, loaded from the database (a new database is first seeded with the
population prior, ``director.learning.shipped_prior``: a model fitted on simulated viewers,
labelled so in ``bandit_priors``, counting none of their sessions as logged and never steering
by itself) and, for each adaptive film of one viewer, a ``Session`` with what is
remembered of them. As production enters each beat the bandit picks a nudge on the director's
drive (``LiveFilm._variant``), logged with its context and the probability it was taken with.
Once the viewer is done with the film, each beat's watch ratio is read from the telemetry the
film heard (``learning.watched_beats``); the reward is that and whether they reached the end,
never the director's own estimate. The decisions are logged, the viewer remembered, the model
learns, and every ``GATE_EVERY`` sessions the off-policy gate judges whether its model steers
(``LearningStore.judge``). ``dreamreel learning`` and ``GET /api/learning`` show the verdict.

Until the gate promotes the model, the adaptive director steers as it is: the bandit only
explores, ``EPSILON`` of the beats, among nudges that make sense then (a telling the story has,
at a pace and look the director uses), so that the log says something of the alternatives; and
a returning viewer starts from their remembered lean only once the model steers. A film nobody
watched in the player (it sent no telemetry) has no reward: it is neither logged nor learned from.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from ..director.learning import CARRY, GATE_EVERY, Session, shipped_prior, watched_beats
from ..store.learning import LearningStore, Verdict

log = logging.getLogger("dreamreel.serve")


class LiveLearning:
    """The bandit of a server's live films, on its database (``db``: a ``store.db.Database``)."""

    def __init__(self, db: Any, *, gate_every: int = GATE_EVERY, prior: bool = True):
        self.store = LearningStore(db)
        if prior:   # a new database starts from the population prior (labelled; no session counted)
            self.store.seed(shipped_prior())
        self.learner = self.store.learner()
        self.gate_every = gate_every
        self._lock = threading.Lock()

    def session(self, film_id: str, viewer_id: str, drama: Any, profile: Any = None) -> Session:
        """The bandit's session for one viewer's film (its exploration seeded by the film)."""
        memory = self.store.memory(viewer_id)
        return self.learner.session(drama, memory, seed=film_id, profile=profile, key=film_id,
                                    carry=CARRY if self.learner.promoted else 0.0)

    def viewed(self, live: Any) -> dict | None:
        """A film's viewer is done with it (``LiveFilm.on_viewed``): its decisions get their
        rewards, and are logged and learned from. The gate's judgement, if one was made."""
        session: Session | None = live.bandit
        if session is None or not live.heard:
            return None   # (a room's film, or one nobody watched: nothing to learn)
        for seconds, skipped, events in watched_beats(live.beat_spans, live.heard, reached_s=live.reached):
            session.played(seconds, skipped, events)
        decisions = session.finish(live.complete())
        if not decisions:
            return None
        with self._lock:
            report = self.store.finish(live.viewer, live.film_id, self.learner, decisions, session.memory,
                                       gate_every=self.gate_every)
        if report is not None:
            log.info("the learning director was judged: %s", report.get("why"))
        return report

    def verdict(self) -> Verdict:
        return self.store.verdict(gate_every=self.gate_every)
