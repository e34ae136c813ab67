"""Shared tellings and rooms that outlive the server: a film shared as a link, watched by a friend
as the same telling or chosen differently from the branch point, where their paths diverged (and
its picture, drawn by Graphviz); bad, expired and unseeable links refused in one line; a room
kept in the database across a server restart. In a real server over a real SQLite database, and
in a real chromium for the share page."""

import json
import os
import shutil
import time
from pathlib import Path

import httpx
import pytest
from serving import running_server
from websockets.sync.client import connect

from dreamreel.model import Request
from dreamreel.narrative.picture import Trail, paths_svg
from dreamreel.narrative.planner import plan
from dreamreel.serve.tellings import choices_of, diverged
from dreamreel.synth.voice import backend

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(os.environ.get("DREAMREEL_TEST_ARTIFACTS", Path(__file__).parents[1] / "test-artifacts"))
PROMPT = "a heist thriller, one short episode of about twenty seconds"
SERVER = {"make_kw": {"voice": backend("espeak-ng")}, "live_kw": {"lead_s": None}}


def two_paths(story):
    """Two paths through ``story`` that part at its first choice (first option, last option)."""
    from dreamreel.director.path import play

    beat = next(b for b in story.graph.beats if b.choice)
    first, last = beat.choice.options[0].id, beat.choice.options[-1].id
    a = [s.model_dump() for s in play(story, {beat.choice.id: first})[0]]
    b = [s.model_dump() for s in play(story, {beat.choice.id: last})[0]]
    return beat, a, b


def test_where_two_paths_diverge_and_its_picture():
    story = plan(Request(prompt=PROMPT), seed=3)
    beat, a, b = two_paths(story)
    where = diverged(story, a, b)
    assert not where["same"] and where["beat"] == beat.id and where["prompt"] == beat.choice.prompt
    assert (where["yours"], where["theirs"]) == (beat.choice.options[0].text, beat.choice.options[-1].text)
    assert diverged(story, a, a)["same"] and diverged(story, a, a[:3])["same"]
    assert [c["option"] for c in choices_of(story, a)][0] == beat.choice.options[0].id
    svg = paths_svg(story, [Trail("yours", [s["beat"] for s in a], "#1f6fd1", [s["option"] for s in a]),
                            Trail("theirs", [s["beat"] for s in b], "#e07b00", [s["option"] for s in b])],
                    parted=beat.id).decode()
    assert svg.startswith("<?xml") and "paths part here" in svg
    assert "#1f6fd1" in svg and "#e07b00" in svg   # each path in its colour


def test_rooms_are_kept_in_the_database_and_a_forgotten_one_is_closed(tmp_path):
    from dreamreel.serve.rooms import Rooms
    from dreamreel.store.db import Database
    from dreamreel.store.together import TogetherStore

    db = Database(f"sqlite:///{tmp_path / 'd.db'}")
    ana, bo, cy = (db.new_viewer()[0] for _ in range(3))
    rooms = Rooms(store=TogetherStore(db.engine))
    now = time.time()
    room = rooms.open(ana, "Ana", now, limit=5, tie="director")
    room.join(bo, "Bo", now, None)
    room.join(cy, "Cy", now, None)
    room.remove(ana.id, cy.id)
    room.control(ana.id, "pause", now + 12.5)
    rooms.save(room, now=now + 13)
    db.delete_viewer(bo.id)   # (everything of theirs goes, their place in rooms too)
    viewers = {v.id: v for v in (ana, cy)}
    again = Rooms(store=TogetherStore(db.engine))
    assert again.restore(viewers.get, now + 20) == 1
    back = again.get(room.id)
    assert back is not None and again.by_code[room.code] is back and back.host == ana.id
    assert [m.name for m in back.members.values()] == ["Ana"] and back.removed == {cy.id}
    assert (back.limit, back.tie, back.clock.now(now + 30), back.clock.playing) == (5, "director", 12.5, False)
    # a week later with nothing done in it, it is closed rather than opened again
    assert Rooms(store=TogetherStore(db.engine)).restore(viewers.get, now + 8 * 86400) == 0
    assert Rooms(store=TogetherStore(db.engine)).restore(viewers.get, now + 20) == 0
    db.close()


# -- a real server -------------------------------------------------------------------------------

def viewer(base):
    client = httpx.Client(base_url=base, timeout=60)
    assert client.get("/").status_code == 200 and "dreamreel_token" in client.cookies
    return client


def one_line(r, status):
    assert r.status_code == status, (r.status_code, r.text[:300])
    detail = r.json()["detail"]
    assert isinstance(detail, str) and "\n" not in detail and "Traceback" not in detail
    return detail


def made(client, film, pick=0, timeout=240.0):
    """Wait for ``film`` to be made, answering each choice with option ``pick`` (0 first, -1 last)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        status = client.get(f"/api/films/{film}").json()
        if status["status"] in ("ready", "failed"):
            assert status["status"] == "ready", status["error"]
            return status
        p = status.get("pending_choice")
        if p:
            client.post(f"/api/films/{film}/choice", json={"choice_id": p["choice_id"],
                                                          "option_id": p["options"][pick]["id"]})
        time.sleep(0.2)
    raise AssertionError(f"film {film} not made in {timeout} s")


def telling(app, film):
    saved = app.state.server.folder(film) / "telling.json"
    deadline = time.time() + 10
    while not saved.is_file() and time.time() < deadline:  # (written as production's thread ends)
        time.sleep(0.05)
    return json.loads(saved.read_text())


@pytest.mark.slow
def test_a_friend_watches_the_same_telling_or_chooses_differently_and_sees_where_paths_parted(tmp_path):
    with running_server(tmp_path, **SERVER) as (base, app):
        ana, bo, cy, dee = (viewer(base) for _ in range(4))
        film = ana.post("/api/films", json={"prompt": PROMPT, "seconds": 15, "episodes": 1}).json()["id"]
        made(ana, film, pick=0)
        hers = telling(app, film)
        assert hers["complete"] and any(s["option"] for s in hers["steps"])
        # bad input, one line each
        assert one_line(bo.post(f"/api/films/{film}/share", json={}), 404)  # not bo's film
        assert "share from a branch point between 0 and" in one_line(
            ana.post(f"/api/films/{film}/share", json={"at": 99}), 400)
        assert one_line(bo.get("/api/shares/not-a-real-share-link-at-all"), 404).startswith("no shared telling")
        short = ana.post(f"/api/films/{film}/share", json={"days": 1e-5}).json()["link"].split("/")[-1]
        time.sleep(1.0)
        assert "expired" in one_line(bo.get(f"/api/shares/{short}"), 410)
        link = ana.post(f"/api/films/{film}/share", json={"at": 0})
        assert link.status_code == 200, link.text
        token = link.json()["link"].split("/")[-1]
        assert bo.get(link.json()["link"]).status_code == 200   # the link is a page
        assert cy.put("/api/profile", json={**cy.get("/api/profile").json(), "rating_ceiling": "G"}).status_code == 200
        assert "outside your profile" in one_line(cy.get(f"/api/shares/{token}"), 409)
        assert "outside your profile" in one_line(cy.post(f"/api/shares/{token}/watch", json={"how": "same"}), 409)
        assert "send the link to a friend" in one_line(ana.post(f"/api/shares/{token}/watch", json={"how": "same"}),
                                                       409)
        # Bo starts from the branch point (the start) and chooses the other way
        shown = bo.get(f"/api/shares/{token}").json()
        assert not shown["yours"] and shown["at"] == 0 and shown["choices"]
        mine = bo.post(f"/api/shares/{token}/watch", json={"how": "choose"})
        assert mine.status_code == 200, mine.text
        bos = mine.json()["id"]
        made(bo, bos, pick=-1)
        paths = bo.get(f"/api/films/{bos}/paths").json()["tellings"]
        assert len(paths) == 1 and paths[0]["film"] == film and paths[0]["who"] == "the friend who shared it"
        where = paths[0]["diverged"]
        first = shown["choices"][0]
        assert not where["same"] and where["prompt"] == first["prompt"] and where["theirs"] == first["text"]
        assert where["yours"] != where["theirs"]
        svg = bo.get(paths[0]["picture"])
        assert svg.status_code == 200 and svg.headers["content-type"].startswith("image/svg+xml")
        assert "paths part here" in svg.text
        assert one_line(cy.get(paths[0]["picture"]), 404)   # not cy's film
        # the sharer sees Bo's path against hers
        seen = ana.get(f"/api/shares/{token}").json()
        assert seen["yours"] and len(seen["tellings"]) == 1 and seen["tellings"][0]["film"] == bos
        assert seen["tellings"][0]["diverged"]["yours"] == first["text"]
        # Dee watches the same telling: every beat, telling and choice as Ana's
        same = dee.post(f"/api/shares/{token}/watch", json={"how": "same"}).json()["id"]
        status = made(dee, same, pick=-1)
        assert status["taken"] and all(t["by"] == "shared" for t in status["taken"])
        assert telling(app, same)["steps"] == hers["steps"]
        assert dee.get(f"/api/films/{same}/paths").json()["tellings"][0]["diverged"]["same"]
        # deleting the film deletes its links too (and what was recorded of them)
        assert ana.delete(f"/api/films/{film}").status_code == 200
        assert one_line(dee.get(f"/api/shares/{token}"), 404).startswith("no shared telling at this link")
        assert dee.get(f"/api/films/{same}/paths").json()["tellings"] == []


def at(view):
    """Where a room's film is, by a view of the room (its clock runs on from ``pos`` at ``at``)."""
    c = view["clock"]
    return c["pos"] + c["rate"] * (view["now"] - c["at"])


@pytest.mark.slow
def test_a_room_outlives_a_server_restart(tmp_path):
    with running_server(tmp_path, **SERVER) as (base, app):
        ana, bo = viewer(base), viewer(base)
        film = ana.post("/api/films", json={"prompt": PROMPT, "seconds": 15, "episodes": 1}).json()["id"]
        made(ana, film)
        room = ana.post("/api/rooms", json={"film": film, "name": "Ana", "tie": "director", "limit": 4}).json()
        assert bo.post("/api/rooms/join", json={"code": room["code"], "name": "Bo"}).status_code == 200
        cookie = {"Cookie": f"dreamreel_token={ana.cookies['dreamreel_token']}"}
        with connect(base.replace("http", "ws") + f"/ws/rooms/{room['id']}", additional_headers=cookie) as ws:
            while (m := json.loads(ws.recv(timeout=30)))["type"] != "room" or at(m) < 2.0:
                pass
            time.sleep(1.2)   # (saved once a second while it plays)
        before = app.state.rooms.get(room["id"]).clock.now(time.time())
    with running_server(tmp_path, **SERVER) as (base, app):
        ana.base_url = bo.base_url = httpx.URL(base)
        back = bo.get(f"/api/rooms/{room['id']}").json()
        assert [m["name"] for m in back["members"]] == ["Ana", "Bo"] and back["host"] == room["host"]
        assert (back["tie"], back["limit"], back["film"], back["code"]) == ("director", 4, film, room["code"])
        assert not back["clock"]["playing"] and abs(at(back) - before) < 1.5 and at(back) > 1.5
        # the host reconnects: the room plays on from where it was, for everyone
        cookie = {"Cookie": f"dreamreel_token={ana.cookies['dreamreel_token']}"}
        with connect(base.replace("http", "ws") + f"/ws/rooms/{room['id']}", additional_headers=cookie) as ws:
            state = json.loads(ws.recv(timeout=10))
            assert state["is_host"] and state["clock"]["playing"] and at(state) >= at(back)
        assert "already" not in bo.post("/api/rooms/join", json={"code": room["code"]}).text
        assert bo.post(f"/api/rooms/{room['id']}/leave").status_code == 200
    with running_server(tmp_path, **SERVER) as (base, app):
        ana.base_url = httpx.URL(base)
        assert [m["name"] for m in ana.get(f"/api/rooms/{room['id']}").json()["members"]] == ["Ana"]
        assert ana.post(f"/api/rooms/{room['id']}/close").status_code == 200
    with running_server(tmp_path, **SERVER) as (base, app):
        ana.base_url = httpx.URL(base)
        assert one_line(ana.get(f"/api/rooms/{room['id']}"), 404)


@pytest.mark.slow
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium")
def test_the_share_page_in_a_browser(tmp_path):
    from playwright.sync_api import sync_playwright

    with running_server(tmp_path, **SERVER) as (base, app), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--autoplay-policy=no-user-gesture-required"])
        sharer = browser.new_context().new_page()
        friend = browser.new_context().new_page()
        sharer.goto(base + "/")
        ana = httpx.Client(base_url=base, timeout=60, cookies={"dreamreel_token": next(
            c["value"] for c in sharer.context.cookies() if c["name"] == "dreamreel_token")})
        film = ana.post("/api/films", json={"prompt": PROMPT, "seconds": 15, "episodes": 1}).json()["id"]
        made(ana, film, pick=0)
        # the sharer's player shares the telling as a link
        sharer.goto(f"{base}/watch/{film}")
        sharer.click("#share")
        sharer.wait_for_selector("#share-link:not([hidden])")
        link = sharer.input_value("#share-link")
        assert link.startswith(base + "/shared/")
        # a friend opens it (their own viewer), sees the choices, and chooses from the branch point
        friend.goto(link)
        friend.wait_for_selector("#offer:not([hidden])")
        assert "they chose" in friend.inner_text("#choices")
        friend.click("#choose")
        friend.wait_for_url("**/watch/*")
        theirs = friend.url.rsplit("/", 1)[-1]
        bo = httpx.Client(base_url=base, timeout=60, cookies={"dreamreel_token": next(
            c["value"] for c in friend.context.cookies() if c["name"] == "dreamreel_token")})
        made(bo, theirs, pick=-1)
        # afterwards the share page shows where their paths parted, with the picture
        friend.goto(link)
        friend.wait_for_selector("#parted:not([hidden])")
        friend.wait_for_function("document.querySelector('img.paths') && document.querySelector('img.paths')"
                                 ".complete && document.querySelector('img.paths').naturalWidth > 0", timeout=20_000)
        assert "you chose" in friend.inner_text("#tellings")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        friend.screenshot(path=str(ARTIFACTS / "shared-telling.png"), full_page=True)
        browser.close()
