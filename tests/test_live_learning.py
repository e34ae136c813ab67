"""The learning director on a real server: each live film's decisions are logged in the server's
database with their context, the nudge taken, its probability and the reward its viewer gave (what
they watched of each beat, and whether they reached the end); the population's model and what is
remembered of each viewer survive a restart; a new server starts from the population prior (fitted
on simulated viewers, labelled, none of its sessions counted); the learned model steers live films
only once the off-policy gate finds it better than the adaptive director, and `dreamreel learning`
and GET /api/learning say so."""

import json
import time

import httpx
import pytest
from serving import running_server
from typer.testing import CliRunner
from websockets.sync.client import connect

from dreamreel.cli import app as cli
from dreamreel.director import learning as L
from dreamreel.director.drama import DramaManager
from dreamreel.model import Request
from dreamreel.narrative.planner import plan
from dreamreel.store.learning import LearningStore, Verdict
from dreamreel.synth.voice import backend

PROMPT = "film noir, one short episode of about twenty seconds"
#: Films made at full speed (no player paces them); a viewer silent this long is done with a made film.
SERVED = {"make_kw": {"voice": backend("espeak-ng")}, "live_kw": {"lead_s": None, "viewer_idle_s": 30.0}}


def verdict(folder) -> str:
    got = CliRunner().invoke(cli, ["learning", "--data", str(folder)])
    assert got.exit_code == 0, got.output
    return got.output


def promoted_database(folder, gate_every: int = 8) -> LearningStore:
    """A database whose sessions were logged under uniform exploration, where nudging up paid:
    the first judgement (of the model before it learned anything) keeps the director; the
    second (of the model that learned from the first sessions, on sessions it never saw) promotes it."""
    story = plan(Request(prompt="a western heist, two episodes", episodes=2), seed=4)
    beats = [b for b in story.graph.beats if b.variants]
    store = LearningStore(f"sqlite:///{folder / 'dreamreel.db'}")
    learner, logger = store.learner(), L.Learner(epsilon=1.0, seed="log")
    judgements = []
    for i in range(2 * gate_every):
        memory = store.memory(f"viewer{i % 3}")
        session = logger.session(DramaManager(story), memory, key=f"s{i}")
        for k, beat in enumerate(beats):
            session.decide(beat, None, k)
            session.played(10.0, 0.0, 3)
        decisions = session.finish(True)
        for d in decisions:
            d.reward = 0.95 if L.ACTIONS[d.actions[d.chosen]] > 0 else 0.55
        report = store.finish(f"viewer{i % 3}", f"s{i}", learner, decisions, memory, gate_every=gate_every)
        if report is not None:
            judgements.append(report)
    assert [j["promoted"] for j in judgements] == [False, True], judgements
    assert judgements[0]["why"] == "not shown better than the director alone"
    assert judgements[1]["dr_diff_ci"][0] > 0 and judgements[1]["sessions_judged"] == gate_every
    return store


def test_the_gate_is_kept_in_the_database_and_shown_to_the_operator(tmp_path):
    promoted_database(tmp_path)
    again = LearningStore(f"sqlite:///{tmp_path / 'dreamreel.db'}")   # a restart
    assert again.learner().promoted and again.verdict().steers
    said = verdict(tmp_path)
    assert "steers live films: yes" in said and "promoted: better than the director alone" in said
    assert "16 sessions" in said and "3 viewers remembered" in said
    # judged again now, on nothing new: too few decisions, and nothing changes
    now = json.loads(CliRunner().invoke(cli, ["learning", "--data", str(tmp_path), "--judge", "--json"]).output)
    assert "too few" in now["judged_now"]["why"] and now["steers"]
    bad = CliRunner().invoke(cli, ["learning", "--data", str(tmp_path / "nowhere")])
    assert bad.exit_code == 2 and "no server database" in bad.output
    # a mistyped --db is refused in one line, and no database is made there
    for url, said in ((f"sqlite:///{tmp_path / 'nowhere' / 'dreamreel.db'}", "no server database at"),
                      ("not a url", "is not a database URL")):
        bad = CliRunner().invoke(cli, ["learning", "--db", url])
        assert bad.exit_code == 2 and said in bad.output and len(bad.output.strip().splitlines()) == 1, bad.output
    assert not (tmp_path / "nowhere").exists()


def answer_choices(client, film_id, status) -> None:
    p = status.get("pending_choice")
    if p:   # let the countdown run out: the director picks
        client.post(f"/api/films/{film_id}/choice", json={"choice_id": p["choice_id"], "option_id": p["default"],
                                                          "by": "timeout"})


def made(client, film_id, while_making=lambda s: None, timeout=300) -> dict:
    deadline = time.time() + timeout
    while time.time() < deadline:
        status = client.get(f"/api/films/{film_id}").json()
        if status["status"] != "making" and status["status"] != "queued":
            assert status["status"] == "ready", status
            return status
        answer_choices(client, film_id, status)
        while_making(status)
        time.sleep(0.3)
    raise AssertionError(f"not made in {timeout} s")


def test_a_live_film_logs_what_its_viewer_did_and_a_restart_keeps_it(tmp_path):
    url = f"sqlite:///{tmp_path / 'dreamreel.db'}"
    with running_server(tmp_path, **SERVED) as (base, app):
        alice = httpx.Client(base_url=base, timeout=30)
        assert alice.get("/").status_code == 200
        film = alice.post("/api/films", json={"prompt": PROMPT}).json()
        cookie = f"dreamreel_token={alice.cookies['dreamreel_token']}"
        with connect(base.replace("http", "ws") + f"/ws/films/{film['id']}",
                     additional_headers={"Cookie": cookie}, max_queue=None) as sock:   # (status pushes pile up unread)
            assert json.loads(sock.recv(timeout=10))["type"] == "session"
            sock.send(json.dumps({"kind": "play", "t": 0.0}))
            beat = {"at": time.time()}

            def heartbeat(status):  # the player's, a couple of seconds behind what is made
                if time.time() - beat["at"] > 1.0:
                    beat["at"] = time.time()
                    sock.send(json.dumps({"kind": "watch", "t": max(0.0, status["made_seconds"] - 2.0),
                                          "data": {"rate": 1.0}}))

            made(alice, film["id"], heartbeat)
            live = app.state.server.live[film["id"]]
            spans = list(live.beat_spans)
            # (three beats since 10f591d; what is checked needs a beat after the skipped one)
            assert len(spans) >= 3 and live.bandit is not None
            # then the rest as the player sends it: a skip in the second beat (the -> key: a skip,
            # and the seek it makes), the heartbeat to the end, and the end
            s1, e1 = spans[1]
            events = [{"kind": "skip", "t": s1 + 0.2, "data": {"wanted_s": 5}},
                      {"kind": "seek", "t": s1 + 0.2, "data": {"to": s1 + 5.2}}]
            events += [{"kind": "watch", "t": float(t), "data": {"rate": 1.0}} for t in range(0, int(live.made_s), 2)]
            events.append({"kind": "ended", "t": live.made_s})
            for k in range(0, len(events), 16):   # (within the socket's 40 events a second)
                sock.send(json.dumps(events[k:k + 16]))
                time.sleep(0.5)
            deadline = time.time() + 60
            while live.viewing and time.time() < deadline:
                time.sleep(0.2)
        # the operator's view, typed: started from the labelled prior, whose sessions are not counted
        seen = Verdict.model_validate(alice.get("/api/learning").json())
        assert seen.prior is not None and "simulated viewers" in seen.prior.label and seen.prior.sessions > 0
        assert seen.sessions_logged == 1 and seen.model.sessions_learned == 1 and not seen.steers
        assert httpx.get(base + "/api/learning").status_code == 401   # (a viewer of this server)
        store = LearningStore(url)
        logged = store.logged()
        # every beat the viewer saw: its context, the nudges allowed, the one taken, its probability, its reward
        assert len(logged) == len(spans) and all(d.session == film["id"] for d in logged)
        for d in logged:
            assert "|V " in d.shared and "|E " in d.shared and "|S " in d.shared
            assert len(d.lines) == len(d.actions) and all("|A " in line for line in d.lines)
            assert 0 < d.prob <= 1 and 0.0 <= d.reward <= 1.0
            # not promoted: the director as it is, but for bounded exploration (never the likely pick)
            assert L.ACTIONS[d.actions[d.chosen]] == 0.0 or d.prob < 0.5
        share = 1 - min(5.0, e1 - s1 - 0.2) / (e1 - s1)   # skipped once, not twice
        assert logged[0].reward == pytest.approx((2 + share) / 3, abs=1e-3)
        assert logged[1].reward == pytest.approx((2 + share) / 3, abs=1e-3)
        assert all(d.reward == pytest.approx(1.0) for d in logged[2:])   # watched to the end
        memory = store.memory(live.viewer)
        assert memory.sessions == 1 and memory.completed == 1.0
        costs = [app.state.server.learning.learner.costs(d.shared, d.lines) for d in logged]
        said = verdict(tmp_path)
        assert "steers live films: no, the adaptive director" in said and "logged: 1 sessions" in said
        assert "started from: the population prior" in said

    with running_server(tmp_path, **SERVED) as (base, app):   # restarted
        learner = app.state.server.learning.learner
        assert learner.sessions == 1 and not learner.promoted
        for d, before in zip(logged, costs):
            assert learner.costs(d.shared, d.lines) == pytest.approx(before, abs=1e-6)
        alice = httpx.Client(base_url=base, timeout=30, cookies={"dreamreel_token": cookie.split("=", 1)[1]})
        again = alice.post("/api/films", json={"prompt": PROMPT}).json()
        # the director remembers her (what the bandit sees of her next film)
        assert app.state.server.live[again["id"]].bandit.memory == memory


def test_the_learned_model_steers_live_films_once_the_gate_promotes_it(tmp_path):
    promoted_database(tmp_path)
    with running_server(tmp_path, **SERVED) as (base, app):
        assert app.state.server.learning.learner.promoted
        bob = httpx.Client(base_url=base, timeout=30)
        assert bob.get("/").status_code == 200
        film = bob.post("/api/films", json={"prompt": PROMPT}).json()
        status = made(bob, film["id"])
        learned = [i for i in status["interventions"] if i["kind"] == "learned"]
        # the model's own pick says so; the bandit still explores a few beats (EPSILON), and says that
        steered = [i for i in learned if "viewers like you" in i["why"]]
        tried = [i for i in learned if "trying what suits you" in i["why"]]
        assert steered and len(steered) + len(tried) == len(learned), status["interventions"]
        # (a few: at 5% a beat, one in a short film happens about one film in ten, and it may be
        # one of only two decisions; the film's id, and so its draws, differ each run)
        assert len(tried) <= 1 + len(learned) // 4, status["interventions"]
        # nobody watched it in the player: no reward, so nothing is logged or learned
        live = app.state.server.live[film["id"]]
        deadline = time.time() + 60
        while live.viewing and time.time() < deadline:
            time.sleep(0.2)
        assert LearningStore(f"sqlite:///{tmp_path / 'dreamreel.db'}").verdict().sessions_logged == 16
