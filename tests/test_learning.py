"""Learning across sessions: the bandit over the director's interventions (``director.learning``),
its storage (``store.learning``), and off-policy evaluation from logged sessions."""

import pytest

from dreamreel.director import learning as L
from dreamreel.director.drama import DramaManager
from dreamreel.director.engagement import Estimate
from dreamreel.director.viewers import HELD_OUT, paired, population, score, stories
from dreamreel.model import Request
from dreamreel.narrative.planner import plan


@pytest.fixture(scope="module")
def story():
    return plan(Request(prompt="a western, two episodes", episodes=2), seed=4)


@pytest.fixture(scope="module")
def held_out_stories():
    return [plan(Request(prompt=p, episodes=2), seed=100 + i) for i, p in enumerate(HELD_OUT[0][:2])]


def test_exploration_is_bounded(story):
    """Never calmer for a viewer clearly restless, never more for one clearly overwhelmed, never
    off the tension scale; the director's own choice always allowed; probabilities logged."""
    learner = L.Learner(epsilon=1.0)  # explores every time: the bounds must still hold
    beats = [b for b in story.graph.beats if b.variants]
    for level, forbidden in (("bored", lambda n: n < 0), ("overwhelmed", lambda n: n > 0)):
        drama = DramaManager(story)
        session = learner.session(drama)
        sure = Estimate(level, 0.9, 0.3, 2.0 if level == "bored" else 0.0, 2.0 if level != "bored" else 0.0)
        for k, beat in enumerate(beats):
            nudge = session.decide(beat, sure, k)
            d = session.decisions[-1]
            assert not forbidden(nudge) and 0 in d.actions
            want = drama.wanted(beat, sure)
            assert all(0.0 <= want - nudge + L.ACTIONS[i] <= 1.0 for i in d.actions if L.ACTIONS[i])
            pmf = learner.pmf(d.shared, d.lines)
            assert abs(sum(pmf) - 1) < 1e-9 and d.prob == pytest.approx(pmf[d.chosen])
    # a director that was never promoted takes no nudge but its exploration
    quiet = L.Learner(epsilon=0.0).session(DramaManager(story))
    assert all(quiet.decide(b, None, k) == 0.0 for k, b in enumerate(beats))


def test_the_reward_is_watch_ratio_and_completion(story):
    beat = story.graph.beats[1]
    for complete, shares, rewards in ((True, [1.0, 0.5, 1.0, 1.0], [2.5 / 3, 2.5 / 3, 1.0, 1.0]),
                                      (False, [1.0, 0.5], [1.5 / 3, 0.5 / 3])):
        memory = L.Memory()
        session = L.Learner(epsilon=0.0).session(DramaManager(story), memory)
        for k, share in enumerate(shares):
            session.decide(beat, None, k)
            session.played(10.0, 10.0 * (1 - share), 5)
        got = [d.reward for d in session.finish(complete)]
        assert got == pytest.approx(rewards)
        assert memory.sessions == 1 and memory.completed == float(complete)
        assert memory.reward == pytest.approx(sum(shares) / len(shares))
    # a beat made ahead (a server makes a few seconds ahead) that they never reached teaches nothing
    ahead = L.Learner(epsilon=0.0).session(DramaManager(story))
    for k in range(3):
        ahead.decide(beat, None)
    ahead.played(10.0, 0.0, 3)
    assert [d.index for d in ahead.finish(False)] == [0]


def test_the_store_keeps_model_viewers_and_decisions(tmp_path, story):
    from dreamreel.store.db import Database
    from dreamreel.store.learning import LearningStore

    url = f"sqlite:///{tmp_path / 'dreamreel.db'}"
    db = Database(url)
    store = LearningStore(db)
    assert LearningStore(db.engine).memory("nobody") == L.Memory()  # opened twice: tables made once
    learner = L.Learner(epsilon=0.5)
    memory = store.memory("v1")
    session = learner.session(DramaManager(story), memory, key="s1")
    for k, beat in enumerate(story.graph.beats[:6]):
        session.decide(beat, None, k)
        session.played(8.0, 2.0 if k == 3 else 0.0, 4)
    decisions = session.finish(True)
    store.finish("v1", "s1", learner, decisions, memory)

    again = LearningStore(url)   # another process, the same database
    assert again.memory("v1") == memory and memory.sessions == 1
    logged = again.logged()
    assert [(d.beat, d.chosen, d.prob, d.reward, d.shared, d.lines) for d in logged] == \
        [(d.beat, d.chosen, d.prob, d.reward, d.shared, d.lines) for d in decisions]
    assert all(d.session == "s1" for d in logged)
    loaded = again.learner()
    assert loaded.sessions == 1 and loaded.promoted is False
    for d in decisions:
        assert loaded.costs(d.shared, d.lines) == pytest.approx(learner.costs(d.shared, d.lines), abs=1e-6)
    # the viewer database's own tables are untouched and usable
    viewer, _ = db.new_viewer()
    assert db.viewer(viewer.id) is not None


def test_the_shipped_prior_is_labelled_and_a_new_database_starts_from_it_counting_nothing(tmp_path, story):
    from dreamreel.store.learning import LearningStore

    shipped = L.shipped_prior()
    assert "simulated viewers" in shipped.label and shipped.viewers == L.PRIOR_VIEWERS and shipped.sessions > 0
    learner = shipped.learner()
    assert not learner.promoted and learner.sessions == 0   # it never steers by itself
    session = L.Learner(epsilon=1.0).session(DramaManager(story), key="probe")
    for k, beat in enumerate(b for b in story.graph.beats if b.variants):
        session.decide(beat, None, k)
    probe = [d for d in session.decisions if len(d.actions) > 1]
    assert L.drift(learner, L.Learner(), probe) > 0.01   # it has learned something

    store = LearningStore(f"sqlite:///{tmp_path / 'dreamreel.db'}")
    assert store.seed(shipped) and not store.seed(shipped)   # once: a model already there is kept
    seen = store.verdict()
    assert seen.prior is not None and seen.prior.label == shipped.label and seen.prior.sessions == shipped.sessions
    assert seen.sessions_logged == 0 and seen.model is not None and seen.model.sessions_learned == 0
    assert not seen.steers and seen.last_judgement is None
    assert L.drift(store.learner(), learner, probe) < 1e-6


@pytest.fixture(scope="module")
def prior_learner():
    """The population prior: sessions of simulated training viewers logged under exploration,
    learned from, and judged off-policy before it may steer."""
    return L.prior()


def test_learned_is_not_worse_than_adaptive_after_training(prior_learner, held_out_stories):
    learner = L.Learner(prior_learner.save(), promoted=prior_learner.promoted)
    rows = score(held_out_stories, population(60, "heldout"), ["adaptive", "learned"], HELD_OUT[1],
                 learner=learner)
    value = {k: [r["value"] for r in v] for k, v in rows.items()}
    d = paired(value["learned"], value["adaptive"])
    assert d["diff_ci"][1] > 0, d     # not worse beyond noise
    assert learner.learned > 1000     # it went on learning from each session


def test_off_policy_evaluation_lands_near_the_on_policy_measurement(prior_learner):
    """Judge policies from sessions logged under exploration, then play them to the same viewers:
    the doubly robust estimate lands near the reward they got. On every held-out story, as
    bench/watch.py judges: on one story alone it reads low by up to 0.06 a decision (it judges a
    decision with the rest of its session as the logger played it), so two of them were not enough.
    That bias is why a learned policy's estimate is held to within 0.04, not to its interval: the
    prior refitted on fc406bd reads 0.031 high (0.961 for 0.930 played; its interval 0.940-0.980),
    the fixed schedule's 0.016 low, inside its interval (issue 14: decision-level evaluation of a
    session-level policy is left open)."""
    every = stories(HELD_OUT[0], 100)
    tastes = population(40, "heldout")
    logged, _ = L.collect(every, tastes, HELD_OUT[1], L.Learner(epsilon=L.LOG_EPSILON, seed="log"))
    candidate = L.Learner(prior_learner.save(), promoted=True, epsilon=L.EPSILON)  # the prior's model, steering
    for policy in (candidate, L.Fixed(0.24)):
        estimate = L.evaluate(policy, logged)
        played, _ = L.collect(every, tastes, HELD_OUT[1], policy)
        on = sum(d.reward for d in played) / len(played)
        assert abs(on - estimate["dr"]) < 0.04, (type(policy).__name__, on, estimate)
        if isinstance(policy, L.Fixed):  # the fixed schedule: its interval still holds
            assert estimate["dr_ci"][0] <= on <= estimate["dr_ci"][1], (on, estimate)
        assert estimate["dr_ci"][1] - estimate["dr_ci"][0] < 0.15, estimate   # and says something


def test_a_server_can_tell_each_beat_watched_from_the_telemetry():
    spans = [(0.0, 10.0), (10.0, 25.0), (25.0, 40.0), (40.0, 50.0)]
    events = [("watch", 2.0, {"rate": 1.0}), ("skip", 12.0, {"wanted_s": 5}), ("seek", 22.0, {"to": 30.0}),
              ("pause", 31.0, {}), ("skip", 24.0, {"wanted_s": "far"}), ("seek", 33.0, {"to": 28.0})]
    got = L.watched_beats(spans, events)
    # the last beat was never reached (the viewer left at 33 s)
    assert got == [(10.0, 0.0, 1), (15.0, 8.0, 3), (15.0, 0.0, 2)]
    assert len(L.watched_beats(spans, events, reached_s=45.0)) == 4
    # the browser player's -> key sends a skip, then the seek it makes: one skip, as far as it went
    pair = [("skip", 3.0, {"wanted_s": 5}), ("seek", 3.0, {"to": 6.0})]
    assert L.watched_beats([(0.0, 10.0)], pair, reached_s=10.0) == [(10.0, 3.0, 2)]
