"""Watching together: rooms (invite, join, limit, remove, close), the shared clock and the host's
pause, votes on one countdown with the tie rule, the strictest of the members' profiles, and
rate-limited reactions and chat shown as text; in a real server, and in two real chromium pages
whose playheads are measured against each other."""

import json
import os
import shutil
import statistics
import time
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest
from fastapi import HTTPException
from serving import running_server
from websockets.sync.client import connect

from dreamreel.director.group import GroupEngagement, keeps_out, strictest
from dreamreel.model import Profile
from dreamreel.serve.rooms import Bucket, RoomLimits, Rooms, clean_text
from dreamreel.synth.voice import backend

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(os.environ.get("DREAMREEL_TEST_ARTIFACTS", Path(__file__).parents[1] / "test-artifacts"))


def person(name: str, profile: Profile | None = None):
    return SimpleNamespace(id=name, profile=profile.model_dump_json() if profile else "")


def refused(f, status: int) -> str:
    with pytest.raises(HTTPException) as e:
        f()
    assert e.value.status_code == status, e.value.detail
    detail = e.value.detail
    assert isinstance(detail, str) and "\n" not in detail and len(detail) < 300
    return detail


# -- rooms, without a server ---------------------------------------------------------------------

def test_invite_join_limit_remove_close():
    rooms = Rooms(RoomLimits(invite_s=60))
    host = person("host")
    room = rooms.open(host, "Ana", 0.0, limit=3)
    assert len(room.code) == 6 and rooms.by_invite(person("bo"), room.code.lower(), 1.0) is room
    assert "no room with the code" in refused(lambda: rooms.by_invite(person("bo"), "ZZZZZZ", 1.0), 404)
    bo = room.join(person("bo"), "", 1.0, None)
    cy = room.join(person("cy"), "Bo's <b>pal</b>\u202e", 1.0, None)
    assert bo.name == "Guest 2" and cy.name == "Bo's <b>pal</b>"  # plain text: the page shows it as text
    assert room.join(person("bo"), "", 2.0, None) is bo  # joining twice is being there
    assert "full (3 of 3)" in refused(lambda: room.join(person("di"), "", 2.0, None), 409)
    assert "only the host" in refused(lambda: room.remove("bo", "cy"), 403)
    room.remove("host", "bo")
    assert "removed you" in refused(lambda: room.join(person("bo"), "", 3.0, None), 403)
    room.join(person("di"), "", 3.0, None)  # room for one more now
    room.leave("di")
    room.join(person("di"), "", 4.0, None)  # a member who left comes back by the link
    assert "expired" in refused(lambda: room.join(person("ed"), "", 61.0, None), 410)
    assert "only the host" in refused(lambda: room.close("cy"), 403)
    room.close("host")
    assert "closed" in refused(lambda: room.join(person("di"), "", 5.0, None), 410)


def test_guessing_codes_is_slowed():
    rooms = Rooms(RoomLimits(bad_codes_per_min=3))
    rooms.open(person("host"), "", 0.0)
    for _ in range(3):
        refused(lambda: rooms.by_invite(person("eve"), "AAAAAA", 1.0), 404)
    assert "too many wrong codes" in refused(lambda: rooms.by_invite(person("eve"), "AAAAAA", 2.0), 429)
    refused(lambda: rooms.by_invite(person("eve"), "AAAAAA", 70.0), 404)  # a minute later


def test_the_shared_clock_runs_waits_for_the_stream_and_the_host_pauses_it():
    room = Rooms().open(person("host"), "", 100.0)
    room.join(person("bo"), "", 100.0, None)
    c = room.clock
    assert c.now(102.0) == pytest.approx(2.0)
    room.made = (10.0, False)
    assert "only the host" in refused(lambda: room.control("bo", "pause", 103.0), 403)
    room.control("host", "pause", 103.0)
    assert c.now(110.0) == pytest.approx(3.0) and c.view()["rate"] == 0
    room.control("host", "play", 110.0)
    assert c.now(111.0) == pytest.approx(4.0)
    # the stream ends at 10 s (still being made): the clock waits there, and runs on as it grows
    assert c.hold(118.0, 10.0, False) and c.waiting and c.now(125.0) == pytest.approx(9.7)
    assert not c.hold(125.0, 10.1, False) and c.waiting
    assert c.hold(126.0, 12.0, False) and not c.waiting and c.now(127.0) == pytest.approx(10.7)
    # the whole film made: it stops at the end
    assert c.hold(140.0, 20.0, True) and not c.playing and c.now(150.0) == pytest.approx(20.0)
    assert "seek within" in refused(lambda: room.control("host", "seek", 150.0, 30.0), 400)
    room.control("host", "seek", 150.0, 5.0)
    assert c.now(151.0) == pytest.approx(5.0)


def pending(choice="c1", options=("a", "b", "c"), default="a", timeout=10.0, posted=1.0):
    return SimpleNamespace(choice_id=choice, beat_id="b1", prompt="Which way?", default=default, timeout_s=timeout,
                           posted=posted, options=[{"id": o, "text": f"go {o}"} for o in options])


def test_votes_one_countdown_and_the_tie_rule():
    room = Rooms().open(person("host"), "", 0.0)
    for who in ("bo", "cy", "di"):
        room.join(person(who), "", 0.0, None)
        room.members[who].online = 1
    room.members["host"].online = 1
    assert "no choice" in refused(lambda: room.ballot("bo", "c1", "a", 1.0), 409)
    v = room.open_vote(pending(), 10.0)
    assert v.opens == 10.0 and v.closes == 20.0  # one countdown, the same for everyone
    assert "not on offer" in refused(lambda: room.ballot("bo", "c1", "z", 11.0), 400)
    assert "not the one" in refused(lambda: room.ballot("bo", "c9", "a", 11.0), 409)
    room.ballot("bo", "c1", "a", 11.0)
    room.ballot("bo", "c1", "b", 11.5)  # changing one's mind while it is open
    room.ballot("cy", "c1", "a", 12.0)
    assert v.tally() == {"a": 1, "b": 1, "c": 0} and not room.due(15.0)
    room.ballot("host", "c1", "b", 13.0)
    assert room.count() == ("b", "majority", "2 votes of 3 for 'go b'")
    room.ballot("di", "c1", "a", 14.0)
    assert room.due(14.0)  # everyone online voted: no need to wait for the countdown
    # a tie (2-2): the host's vote decides ...
    assert room.count()[:2] == ("b", "host")
    # ... or, under the director's rule, the director picks among the tied only
    room.tie = "director"
    assert room.count(lambda tied: tied[-1]) == ("b", "director", room.count(lambda tied: tied[-1])[2])
    assert room.count(lambda tied: sorted(tied)[0])[0] == "a"
    v.result = {"option": "b", "text": "go b"}
    assert "has closed: 'go b' was chosen" in refused(lambda: room.ballot("bo", "c1", "a", 15.0), 409)
    # nobody voted: the director chooses (for the room)
    room.open_vote(pending("c2", posted=2.0), 30.0)
    assert not room.due(35.0) and room.due(40.0)
    assert room.count() == (None, "director", "nobody voted")
    assert "closed" in refused(lambda: room.ballot("bo", "c2", "a", 41.0), 409)  # after the countdown


def test_a_vote_closes_while_its_scene_still_plays():
    """As an interactive title's countdown runs over the last seconds of its scene: a vote opened
    with little scene left closes by the time the film needs the answer to go on without a stall
    (the story's ten seconds would run past the scene), but never sooner than MIN_COUNTDOWN_S."""
    from dreamreel.serve.live import MIN_COUNTDOWN_S

    room = Rooms().open(person("host"), "", 0.0)
    # the choice's scene plays from 22 s to 30.5 s of the film; the answer is wanted by 27.5 s
    choice = SimpleNamespace(**vars(pending()), start_s=22.0, end_s=30.5, answer_by_s=27.5)
    assert room.open_vote(choice, 100.0, at_s=22.0).closes == pytest.approx(105.5)
    assert room.open_vote(choice, 100.0, at_s=26.0).closes == pytest.approx(100.0 + MIN_COUNTDOWN_S)
    long = SimpleNamespace(**{**vars(choice), "answer_by_s": 60.0})
    assert room.open_vote(long, 100.0, at_s=22.0).closes == pytest.approx(110.0)  # the story's countdown


def test_reactions_and_chat_are_rate_limited_and_plain_text():
    room = Rooms(RoomLimits(reactions=(3, 1.0), chat=(2, 0.5), chat_chars=50)).open(person("host"), "", 0.0)
    for i in range(3):
        room.say("host", "react", "👏", 1.0)
    assert "slow down" in refused(lambda: room.say("host", "react", "👏", 1.1), 429)
    room.say("host", "react", "😂", 2.2)  # a second later, one more
    assert "a reaction is one of" in refused(lambda: room.say("host", "react", "<script>", 9.0), 400)
    item = room.say("host", "chat", "  <img src=x onerror=alert(1)>\n\x00hi\u202e  ", 10.0)
    assert item["text"] == "<img src=x onerror=alert(1)> hi" and item["name"] == "Host"
    room.say("host", "chat", "two", 10.0)
    assert "slow down" in refused(lambda: room.say("host", "chat", "three", 10.1), 429)
    assert "at most 50 characters" in refused(lambda: room.say("host", "chat", "x" * 51, 20.0), 400)
    assert "not in this room" in refused(lambda: room.say("nobody", "chat", "hi", 20.0), 403)
    assert clean_text("a\tb\r\nc") == "a b c"
    b = Bucket(2, 1.0)
    assert b.take(0) and b.take(0) and not b.take(0.5) and b.take(1.0)


# -- the group: engagement combined, the strictest profile -----------------------------------------

def test_group_engagement_rules():
    def room(rule):
        g = GroupEngagement(rule)
        for who in ("a", "b", "c"):
            g.observe_member(who, "watch", 1.0, {"rate": 1}, 1.0)
        for _ in range(3):  # one member is overwhelmed: rewinds and pauses
            g.observe_member("a", "seek", 10.0, {"to": 2.0}, 2.0)
            g.observe_member("a", "pause", 10.0, {}, 2.0)
        return g

    protective, mean, least = room("protective"), room("mean"), room("least")
    assert protective.estimate.level == "overwhelmed" and protective.estimate.why == ["1 of 3 seems overwhelmed"]
    assert mean.estimate.level == "engaged"  # one of three, averaged away
    assert least.estimate.level == "overwhelmed"
    # one restless member does not speed the film up for the rest (protective), but all three do
    g = GroupEngagement("protective")
    for who in ("b", "c"):
        g.observe_member(who, "watch", 1.0, {"rate": 1}, 1.0)
    for _ in range(2):
        g.observe_member("a", "skip", 5.0, {"wanted_s": 5}, 3.0)
    assert g.estimate.level == "engaged" and g.members["a"].estimate.level == "bored"
    for who in ("b", "c"):
        for _ in range(2):
            g.observe_member(who, "skip", 5.0, {"wanted_s": 5}, 3.0)
    assert g.estimate.level == "bored" and g.take().level == "bored"
    g.leave("a")
    assert set(g.members) == {"b", "c"}
    assert GroupEngagement().rule == "least"  # the rule bench/together.py found best for the worst-served member
    with pytest.raises(ValueError):
        GroupEngagement("loudest")  # type: ignore[arg-type]


def test_the_strictest_profile_keeps_everyone_s_limits():
    kid = Profile(rating_ceiling="PG", content_limits={"fear": 1}, avoid=["Spiders"])
    adult = Profile(rating_ceiling="R", content_limits={"fear": 3, "profanity": 1}, avoid=["drowning"], pacing="fast")
    p = strictest([kid, adult, None])
    assert p.rating_ceiling == "PG" and p.content_limits == {"fear": 1, "profanity": 1}
    assert p.avoid == ["spiders", "drowning"] and p.pacing == "medium"
    assert strictest([None]).rating_ceiling is None


def test_a_film_outside_a_profile_is_said_in_one_line():
    from dreamreel.model import Request
    from dreamreel.narrative.planner import plan

    story = plan(Request(prompt="a haunted house story", rating="PG-13"), seed=1)
    assert keeps_out(story, None) is None and keeps_out(story, Profile()) is None
    assert keeps_out(story, Profile(rating_ceiling="PG")) == "it is rated PG-13, above your profile's ceiling of PG"
    word = story.graph.beats[0].narration.split()[2].strip(".,;:!?'\"").lower()
    why = keeps_out(story, Profile(avoid=[word]))
    assert why is not None and word in why and "\n" not in why


# -- a real server: three viewers, one film, one vote ----------------------------------------------

def viewer(base):
    client = httpx.Client(base_url=base, timeout=60)
    assert client.get("/").status_code == 200 and "dreamreel_token" in client.cookies
    return client


def socket(base, client, room_id):
    cookie = f"dreamreel_token={client.cookies['dreamreel_token']}"
    return connect(base.replace("http", "ws") + f"/ws/rooms/{room_id}", additional_headers={"Cookie": cookie})


def until(ws, test, timeout=120.0):
    """Messages from a room's socket until one passes ``test``; returns it (and every one seen)."""
    seen = []
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            msg = json.loads(ws.recv(timeout=max(0.1, deadline - time.time())))
        except TimeoutError:
            break
        seen.append(msg)
        if test(msg):
            return msg, seen
    raise AssertionError(f"timed out; last {seen[-3:]}")


def one_line(r, status):
    assert r.status_code == status, (r.status_code, r.text[:300])
    detail = r.json()["detail"]
    assert isinstance(detail, str) and "\n" not in detail and "Traceback" not in detail
    return detail


def test_a_room_watches_one_film_keeps_to_the_strictest_profile_and_votes(tmp_path):
    with running_server(tmp_path, make_kw={"voice": backend("espeak-ng")}) as (base, app):
        ana, bo, cy = viewer(base), viewer(base), viewer(base)
        assert bo.put("/api/profile", json={**bo.get("/api/profile").json(), "rating_ceiling": "PG"}).status_code == 200
        assert one_line(bo.post("/api/rooms/join", json={"code": "NOPE42"}), 404).startswith("no room with the code")
        room = ana.post("/api/rooms", json={"name": "Ana", "limit": 3}).json()
        assert room["is_host"] and room["invite"] == f"/together/{room['code']}" and room["film"] is None
        assert bo.get(room["invite"]).status_code == 200  # the invite link is the room's page
        joined = bo.post("/api/rooms/join", json={"code": room["code"], "name": "Bo"}).json()
        assert joined["id"] == room["id"] and not joined["is_host"]
        assert one_line(bo.post(f"/api/rooms/{room['id']}/film", json={"prompt": "a heist"}), 403) \
            == "only the host can start the room's film"
        # an R film asked for a room with a PG member is written PG: nobody sees what their profile keeps out
        made = ana.post(f"/api/rooms/{room['id']}/film",
                        json={"prompt": "a heist thriller, one short episode of about twenty seconds", "rating": "R"})
        assert made.status_code == 200, made.text
        film = made.json()["film"]
        live = app.state.server.live[film]
        assert live.story.request.rating == "PG" and made.json()["keeps_to"] == ["rated at most PG"]
        # a member is a member of the room, not an owner of the film: the room's stream only
        assert bo.get(f"/films/{film}/stream/index.json").status_code == 404
        # someone whose own profile excludes the film (G) is told why, in one line, and not let in
        assert cy.put("/api/profile", json={**cy.get("/api/profile").json(), "rating_ceiling": "G"}).status_code == 200
        why = one_line(cy.post("/api/rooms/join", json={"code": room["code"]}), 409)
        assert "rated PG, above your profile's ceiling of G" in why
        assert cy.get(f"/together/{room['id']}/stream/index.json").status_code == 403

        with socket(base, ana, room["id"]) as wa, socket(base, bo, room["id"]) as wb:
            # the clock runs for everyone, and the stream follows it
            # (where the clock is now: its last setting run on at its rate; a film made ahead of
            # the clock is never waited for, so the setting itself may stay at 0)
            state, _ = until(wb, lambda m: m["type"] == "room" and
                             m["clock"]["pos"] + (m["now"] - m["clock"]["at"]) * m["clock"]["rate"] > 1.0, 90)
            assert bo.get(f"/together/{room['id']}/stream/index.json").status_code == 200
            wb.send(json.dumps({"type": "pause"}))
            assert until(wb, lambda m: m["type"] == "error")[0]["detail"] == \
                "only the host can pause, play or seek for the room"
            wa.send(json.dumps({"type": "pause"}))
            paused, _ = until(wb, lambda m: m["type"] == "room" and not m["clock"]["playing"], 10)
            time.sleep(1.0)
            assert app.state.rooms.get(room["id"]).clock.now(time.time()) == pytest.approx(paused["clock"]["pos"], abs=1e-3)
            wa.send(json.dumps({"type": "play"}))
            # one choice opens for both at once, with one countdown
            opened, _ = until(wa, lambda m: m["type"] == "room" and m["vote"] and not m["vote"]["result"], 150)
            vote = opened["vote"]
            seen_by_bo, _ = until(wb, lambda m: m["type"] == "room" and m["vote"] and
                                  m["vote"]["choice_id"] == vote["choice_id"], 10)
            assert (seen_by_bo["vote"]["opens"], seen_by_bo["vote"]["closes"]) == (vote["opens"], vote["closes"])
            a, b = vote["options"][0]["id"], vote["options"][-1]["id"]
            assert "not on offer" in one_line(bo.post(f"/api/rooms/{room['id']}/vote",
                                                      json={"choice_id": vote["choice_id"], "option_id": "nope"}), 400)
            wb.send(json.dumps({"type": "vote", "choice_id": vote["choice_id"], "option_id": b}))
            until(wa, lambda m: m["type"] == "room" and m["vote"]["voters"] == 1, 10)  # the tally, live
            started = time.time()
            wa.send(json.dumps({"type": "vote", "choice_id": vote["choice_id"], "option_id": a}))
            # 1-1: the host's vote decides; everyone online voted, so it closes at once; the same for all
            done_a, _ = until(wa, lambda m: m["type"] == "room" and m["vote"]["result"], 10)
            done_b, _ = until(wb, lambda m: m["type"] == "room" and m["vote"]["result"], 10)
            assert done_a["vote"]["result"] == done_b["vote"]["result"]
            result = done_a["vote"]["result"]
            assert result["option"] == a and result["by"] == "host" and "host's vote decided" in result["why"]
            deadline = time.time() + 10
            while not any(t.choice_id == vote["choice_id"] for t in live.taken) and time.time() < deadline:
                time.sleep(0.05)
            taken = next(t for t in live.taken if t.choice_id == vote["choice_id"])
            print(f"vote to branch: {(time.time() - started) * 1000:.0f} ms")
            assert taken.option_id == a
            late = one_line(bo.post(f"/api/rooms/{room['id']}/vote",
                                    json={"choice_id": vote["choice_id"], "option_id": b}), 409)
            assert late.startswith("the vote has closed")
            # reactions and chat reach everyone; a flood is told to slow down and dropped
            for n in range(6):
                wb.send(json.dumps({"type": "chat", "text": f"<b>hi</b> {n}"}))
            errors = [m for m in until(wb, lambda m: m["type"] == "error" and "slow down" in m["detail"], 10)[1]
                      if m["type"] == "error"]
            assert errors
            said = [m for m in until(wa, lambda m: m["type"] == "say" and m["text"] == "<b>hi</b> 2", 10)[1]
                    if m["type"] == "say"]
            assert [m["text"] for m in said] == ["<b>hi</b> 0", "<b>hi</b> 1", "<b>hi</b> 2"]
            assert said[0]["name"] == "Bo"
            wb.send(json.dumps({"type": "react", "text": "🔥"}))
            assert until(wa, lambda m: m["type"] == "say" and m["kind"] == "react")[0]["text"] == "🔥"
            # the host removes Bo: their socket is told, and they cannot come back
            assert ana.post(f"/api/rooms/{room['id']}/remove", json={"member": joined["you"]}).status_code == 200
            assert until(wb, lambda m: m["type"] == "gone")[0]["detail"] == "the host removed you from this room"
            assert "removed you" in one_line(bo.post("/api/rooms/join", json={"code": room["code"]}), 403)
            # the host closes the room
            assert ana.post(f"/api/rooms/{room['id']}/close").status_code == 200
            assert until(wa, lambda m: m["type"] == "gone")[0]["detail"] == "this room is closed"
        assert one_line(cy.post("/api/rooms/join", json={"code": room["code"]}), 404)


# -- two real chromium pages in one room -----------------------------------------------------------

SAMPLE = """() => { window.samples = []; const v = document.getElementById('video');
  const id = setInterval(() => window.samples.push([performance.timeOrigin + performance.now(), v.currentTime,
    v.paused || v.readyState < 3 ? 0 : 1, v.currentTime - window.dreamreelRoom.target()]), 50);
  setTimeout(() => clearInterval(id), %d); }"""


def drift(a: list, b: list) -> list[float]:
    """|A's playhead - B's| at the same instants (wall clock, the same machine): each of A's samples
    against B's nearest one (within 60 ms), B run on to A's instant; both playing."""
    out = []
    for ta, pa, playing_a, _ in a:
        tb, pb, playing_b, _ = min(b, key=lambda s: abs(s[0] - ta))
        if playing_a and playing_b and abs(tb - ta) < 60:
            out.append(abs(pa - (pb + (ta - tb) / 1000)))
    return out


def test_one_viewer_hosts_a_bounded_number_of_open_rooms(tmp_path):
    """Opening rooms as fast as one can (300 in 1.3 s were all kept) stops at the limit with one
    line; closing a room makes space again, and another viewer is not affected."""
    most = RoomLimits().rooms_per_host
    with running_server(tmp_path) as (base, app):
        ana, bo = viewer(base), viewer(base)
        rooms = [ana.post("/api/rooms", json={"name": "Ana"}) for _ in range(most)]
        assert [r.status_code for r in rooms] == [200] * most
        assert one_line(ana.post("/api/rooms", json={"name": "Ana"}), 429) == \
            f"you host {most} open rooms already (the most at once): close one first"
        assert bo.post("/api/rooms", json={"name": "Bo"}).status_code == 200
        assert ana.post(f"/api/rooms/{rooms[0].json()['id']}/close").status_code == 200
        assert ana.post("/api/rooms", json={"name": "Ana"}).status_code == 200
        assert one_line(ana.post("/api/rooms", json={"name": "Ana"}), 429).startswith("you host")


def test_a_server_lets_go_of_closed_rooms_and_of_rooms_whose_host_expired(tmp_path):
    """Closed rooms stayed in memory for the life of the server (300 opened and closed: 300
    kept), and so did the rooms of anonymous viewers who expired: now a closed room is let go of
    once saved (a member asking is told it is closed), and the server's look each minute closes and
    lets go of the rooms whose host is gone."""
    import psutil

    from dreamreel.store.db import Database

    with running_server(tmp_path) as (base, app):
        rooms = app.state.rooms
        ana, bo, cy = viewer(base), viewer(base), viewer(base)
        first = ana.post("/api/rooms", json={"name": "Ana"}).json()
        assert bo.post("/api/rooms/join", json={"code": first["code"]}).status_code == 200
        assert ana.post(f"/api/rooms/{first['id']}/close").status_code == 200
        for client in (ana, bo):
            assert one_line(client.get(f"/api/rooms/{first['id']}"), 410) == "this room is closed"
        assert one_line(cy.post("/api/rooms/join", json={"code": first["code"]}), 404).startswith("no room")
        before = psutil.Process().memory_info().rss
        for _ in range(300):
            room = ana.post("/api/rooms", json={"name": "Ana"}).json()
            assert ana.post(f"/api/rooms/{room['id']}/close").status_code == 200
        assert len(rooms.by_id) == 0 and len(rooms.by_code) == 0
        assert psutil.Process().memory_info().rss - before < 16e6
        # rooms hosted by anonymous viewers (nothing of theirs here) who expire
        kept = [bo.post("/api/rooms", json={"name": "Bo"}).json() for _ in range(3)]
        cy_room = cy.post("/api/rooms", json={"name": "Cy"}).json()
        assert cy.put("/api/profile", json={"pacing": "fast"}).status_code == 200  # (Cy is kept: a profile)
        assert len(rooms.by_id) == 4
        Database(f"sqlite:///{tmp_path / 'dreamreel.db'}").expire_anonymous(0)  # (the server does, now and then)
        assert rooms.prune(time.time()) == 3  # (the server looks each minute)
        assert list(rooms.by_id) == [cy_room["id"]]
        assert one_line(bo.get(f"/api/rooms/{kept[0]['id']}"), 401).startswith("no viewer")
        assert one_line(cy.get(f"/api/rooms/{kept[0]['id']}"), 410) == "this room is closed"
    with running_server(tmp_path) as (base, app):  # nor are they opened again
        assert list(app.state.rooms.by_id) == [cy_room["id"]]


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium")
def test_two_browsers_watch_in_sync_pause_together_and_vote(tmp_path):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with running_server(tmp_path, make_kw={"voice": backend("espeak-ng")}) as (base, app), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--autoplay-policy=no-user-gesture-required"])
        host = browser.new_context(viewport={"width": 1100, "height": 900}).new_page()
        friend = browser.new_context(viewport={"width": 1100, "height": 900}).new_page()
        host.goto(base + "/")
        host.click("#together")  # the portal opens a room
        host.wait_for_url("**/together/*")
        host.wait_for_selector("#host-box:not([hidden])")
        room = host.evaluate("window.dreamreelRoom.state()")
        host.fill("#prompt", "a cozy mystery, one short episode of about thirty seconds")
        host.click("#make")
        # a friend joins from the link, as their own viewer, a little later
        host.wait_for_function("document.getElementById('video').currentTime > 1.0", timeout=120_000)
        friend.goto(base + room["invite"])
        friend.wait_for_function("document.getElementById('video').currentTime > 0.5", timeout=60_000)
        assert friend.inner_text("#members").count("\n") == 1 and "Host (host)" in friend.inner_text("#members")
        # both follow the room's clock: the late joiner caught up to the live point
        friend.wait_for_timeout(2500)
        ms = 8000
        for page in (host, friend):
            page.evaluate(SAMPLE % ms)
        host.wait_for_timeout(ms + 300)
        a, b = host.evaluate("window.samples"), friend.evaluate("window.samples")
        d = drift(a, b)
        host.screenshot(path=str(ARTIFACTS / "room-host.png"))
        friend.screenshot(path=str(ARTIFACTS / "room-friend.png"))
        assert len(d) > 40, (len(d), len(a), len(b))
        median, worst = statistics.median(d), max(d)
        p95 = sorted(d)[int(0.95 * (len(d) - 1))]
        print(f"drift between the two pages: median {median * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
              f"max {worst * 1000:.0f} ms over {len(d)} samples")
        assert p95 < 0.5
        # the host pauses: the friend's picture stops too, at the same point
        host.click("#playpause")
        friend.wait_for_function("document.getElementById('video').paused", timeout=5_000)
        friend.wait_for_timeout(600)
        at_host = host.evaluate("document.getElementById('video').currentTime")
        at_friend = friend.evaluate("document.getElementById('video').currentTime")
        assert abs(at_host - at_friend) < 0.3, (at_host, at_friend)
        host.click("#playpause")
        friend.wait_for_function("!document.getElementById('video').paused", timeout=5_000)
        # a reaction floats on both pictures; chat is shown as text, never as markup
        friend.click("#reactions button >> nth=5")
        host.wait_for_selector("#floats span", timeout=5_000)
        friend.fill("#chat-text", "<img src=x onerror=\"document.title='owned'\">")
        friend.press("#chat-text", "Enter")
        host.wait_for_function("document.getElementById('chat').textContent.includes('<img src=x')", timeout=5_000)
        assert host.query_selector("#chat img") is None and host.title() != "owned"
        # a choice opens for both on one countdown; they vote differently: the host's vote decides the tie
        host.wait_for_selector("#choice.on", timeout=150_000)
        friend.wait_for_selector("#choice.on", timeout=5_000)
        host.screenshot(path=str(ARTIFACTS / "room-vote.png"))
        host.click("#choice-options button >> nth=0")
        friend.click("#choice-options button >> nth=-1")
        host.wait_for_selector("#toast.on", timeout=10_000)
        friend.wait_for_selector("#toast.on", timeout=10_000)
        assert host.inner_text("#toast") == friend.inner_text("#toast") and "host's vote decided" in host.inner_text("#toast")
        browser.close()
