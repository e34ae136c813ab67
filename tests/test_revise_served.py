"""A film's owner revises it from the player: the server's LLM (a real HTTP endpoint whose answers
each test scripts) rewrites a scene or an episode, the graph still holds, the revised film goes the
way the original went and only the revised scene's shots are drawn again; anyone else, a server
without a model, or a note the model cannot follow gets one line."""

import json
import shutil
from pathlib import Path

import httpx
import pytest
from serving import running_server

from dreamreel.model import Story
from dreamreel.narrative.validate import validate
from dreamreel.store.cache import Cache
from dreamreel.synth.voice import backend as voice

from test_revise import angrier, backend
from test_serve import wait_for
from test_writer import _chat_answer, faulty_server  # noqa: F401  (fixture)

pytestmark = pytest.mark.slow  # (makes films on a real server)
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PROMPT = "a courtroom drama about a stolen ledger"


def viewer(base):
    client = httpx.Client(base_url=base, timeout=120)
    assert client.get("/").status_code == 200
    return client


def ready(client, film_id):
    status = wait_for(client, film_id, lambda s: s["status"] not in ("queued", "making"), timeout=600)
    assert status["status"] == "ready", status
    return status


#: The lengths of film asked for. Both put the talky scene second, so the player must seek past
#: what it has appended; at 45 s the revised scene is shorter and its episode would fit the
#: length untrimmed, which would have changed every other shot of that episode.
LENGTHS = [20, 45]


@pytest.fixture(scope="module", params=LENGTHS, ids=lambda s: f"{s}s")
def served(tmp_path_factory, request):
    """A server (its model set by each test) and one finished film of Alice's, made as written,
    nobody answering its choices."""
    folder = tmp_path_factory.mktemp("revise")
    # (a render cache of its own: another test's drawings of this film would leave none to draw)
    with running_server(folder, make_kw={"voice": voice("espeak-ng"), "cache": Cache(folder / "cache")},
                        live_kw={"lead_s": None, "abandon_s": 1.0}) as (base, app):
        alice = viewer(base)
        made = alice.post("/api/films", json={"prompt": PROMPT, "seconds": request.param, "rating": "PG",
                                              "adaptive": False, "seed": 0})
        assert made.status_code == 200, made.text
        yield base, app, alice, ready(alice, made.json()["id"])


def the_story(app, alice, film_id) -> Story:
    server = app.state.server
    me = server.db.viewer_by_token(alice.cookies["dreamreel_token"])
    return Story.model_validate_json(server.db.film(film_id, me.id).story)


def talky_scene(app, alice, status):
    """A scene the film played whose beat has lines (and the story it is in)."""
    story = the_story(app, alice, status["id"])
    played = [s["beat"] for s in status["scenes"]]
    return story, next(story.graph.beat(b) for b in played if story.graph.beat(b).lines)


def test_the_owner_revises_a_scene_and_only_its_shots_are_drawn_again(served, faulty_server):  # noqa: F811
    base, app, alice, original = served
    url, behaviour = faulty_server
    app.state.server.llm = backend(url)
    original = alice.get(f"/api/films/{original['id']}").json()  # (its status says so now)
    story, beat = talky_scene(app, alice, original)
    behaviour["body"] = lambda body: (200, _chat_answer(json.dumps(angrier(beat))))
    assert original["can_revise"] and original["shots"]["drawn"] > 0

    r = alice.post(f"/api/films/{original['id']}/revise", json={"note": "make her angrier", "beat": beat.id})
    assert r.status_code == 200, r.text
    new = r.json()
    assert new["id"] != original["id"] and new["watch"] == f"/watch/{new['id']}"
    assert new["revision"]["of"] == original["id"] and new["revision"]["beats"] == [beat.id]
    assert "make her angrier" in json.loads(behaviour["seen"][-1][1])["messages"][-1]["content"]
    done = ready(alice, new["id"])
    # the new film's story: that beat rewritten, every other beat as it was, and it still holds
    revised = the_story(app, alice, new["id"])
    assert revised.graph.beat(beat.id).lines[0].text == "You lied to this court, and I can prove it!"
    assert all(b == story.graph.beat(b.id) for b in revised.graph.beats if b.id != beat.id)
    assert validate(revised).ok
    # it went the way the original went, and only the revised scene was drawn again
    assert [s["beat"] for s in done["scenes"]] == [s["beat"] for s in original["scenes"]]
    assert [t["option_id"] for t in done["taken"]] == [t["option_id"] for t in original["taken"]]
    assert done["shots"]["beats"] == [beat.id], done["shots"]
    assert 0 < done["shots"]["drawn"] < done["shots"]["cached"]
    assert done["revision"]["note"] == "make her angrier" and "1 beats" in done["revision"]["summary"]
    assert alice.get(f"/films/{new['id']}/stream/index.json").json()["complete"]


def test_revising_is_refused_in_one_line(served, faulty_server):  # noqa: F811
    base, app, alice, original = served
    url, behaviour = faulty_server
    server = app.state.server
    story, beat = talky_scene(app, alice, original)
    fid = original["id"]
    ask = {"note": "make her angrier", "beat": beat.id}

    def one_line(r, code, *needles):
        detail = r.json()["detail"]
        assert r.status_code == code and "\n" not in detail and "Traceback" not in detail, (r.status_code, detail)
        for n in needles:
            assert n in detail, detail

    server.llm = None  # a server with no model
    one_line(alice.post(f"/api/films/{fid}/revise", json=ask), 503, "no LLM", "--llm")
    server.llm = backend(url)
    seen = len(behaviour["seen"])
    # someone else: as if there were no such film, and the model is never asked
    one_line(viewer(base).post(f"/api/films/{fid}/revise", json=ask), 404, "only a film's owner can revise it")
    one_line(alice.post(f"/api/films/{fid}/revise", json={"note": "angrier"}), 422, "a beat or an episode")
    one_line(alice.post(f"/api/films/{fid}/revise", json={"note": "angrier", "beat": "nope"}), 400, "no beat 'nope'")
    one_line(alice.post(f"/api/films/{fid}/revise", json={"note": "angrier", "episode": 9}), 422, "no episode 9")
    one_line(alice.post(f"/api/films/{fid}/revise", json={"note": "", "beat": beat.id}), 422)
    assert len(behaviour["seen"]) == seen
    films = len(alice.get("/api/films").json())
    # the model's every answer over the film's rating: nothing revised, no new film
    gory = angrier(beat, text="He was disembowelled, blood and gore all over the gallery.")
    behaviour["body"] = lambda body: (200, _chat_answer(json.dumps(gory)))
    one_line(alice.post(f"/api/films/{fid}/revise", json=ask), 422, "nothing was revised", "rating PG")
    # the endpoint down
    server.llm = backend("http://127.0.0.1:9")
    one_line(alice.post(f"/api/films/{fid}/revise", json=ask), 502, "the server's model failed")
    assert len(alice.get("/api/films").json()) == films


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium (scripts/test.sh installs it)")
def test_the_player_revises_the_scene_playing(served, faulty_server):  # noqa: F811
    from playwright.sync_api import sync_playwright

    base, app, alice, original = served
    url, behaviour = faulty_server
    app.state.server.llm = backend(url)
    story, beat = talky_scene(app, alice, original)
    scene = next(s for s in original["scenes"] if s["beat"] == beat.id)
    behaviour["body"] = lambda body: (200, _chat_answer(json.dumps(angrier(beat))))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--autoplay-policy=no-user-gesture-required"])
        context = browser.new_context()
        context.add_cookies([{"name": "dreamreel_token", "value": alice.cookies["dreamreel_token"],
                              "url": base}])
        page = context.new_page()
        page.goto(f"{base}/watch/{original['id']}")
        # The owner pauses in the scene as soon as the film opens, before the player has appended
        # it: a finished film can be sought anywhere at once (the player fetches that part first)
        page.wait_for_function("document.getElementById('video').duration > 0", timeout=60_000)
        page.evaluate(f"document.getElementById('video').pause(); "
                      f"document.getElementById('video').currentTime = {scene['start_s'] + 0.2}")
        assert page.evaluate("document.getElementById('video').currentTime") == pytest.approx(scene["start_s"] + 0.2)
        page.click("#revise-box summary")
        assert page.is_enabled("#revise")
        page.fill("#revise-note", "make her angrier")
        page.click("#revise")
        page.wait_for_url(lambda u: "/watch/" in u and original["id"] not in u, timeout=120_000)
        page.wait_for_function("document.getElementById('revised-from').textContent.includes('make her angrier')",
                               timeout=30_000)
        assert page.get_attribute("#revised-from a", "href") == f"/watch/{original['id']}"
        revised = alice.get(f"/api/films/{page.url.rsplit('/', 1)[-1]}").json()
        assert revised["revision"]["beats"] == [beat.id]  # the scene it was paused in
        browser.close()
    sent = json.loads(behaviour["seen"][-1][1])["messages"][-1]["content"]
    assert "make her angrier" in sent and beat.narration[:40] in sent
