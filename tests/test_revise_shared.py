"""A revision shared with a friend, or watched again, is cut as its chain's original, as the
revision itself was: a friend watching the same telling gets every shot from the render cache
(cut as the revision's own words, a scene's holds changed and a shot was drawn again), and a
film watched again of a revision keeps that cut (revising it later is cut as the original too)."""

import json

import pytest
from serving import running_server

from test_revise_restart import lengths, made_and_revised, server_kw
from test_revise_served import ready, viewer
from test_writer import faulty_server  # noqa: F401  (fixture)

pytestmark = pytest.mark.slow  # (makes four films)


def test_a_shared_or_rewatched_revision_is_cut_as_the_chains_original(tmp_path, faulty_server):  # noqa: F811
    url, behaviour = faulty_server
    with running_server(tmp_path, **server_kw(tmp_path)) as (base, app):
        # (made by the director, as a friend's film of it is: both start from the same look)
        alice, original, beat, first = made_and_revised(base, app, url, behaviour, adaptive=True)
        assert 0 < first["shots"]["drawn"] < first["shots"]["cached"], first["shots"]
        # Bob watches Alice's revision as she watched it: the same path, seed and cut, so every
        # shot is one the revision drew or found
        link = alice.post(f"/api/films/{first['id']}/share", json={"at": 0})
        assert link.status_code == 200, link.text
        bob = viewer(base)
        watch = bob.post(f"/api/shares/{link.json()['link'].split('/')[-1]}/watch", json={"how": "same"})
        assert watch.status_code == 200, watch.text
        shared = ready(bob, watch.json()["id"])
        assert [s["beat"] for s in shared["scenes"]] == [s["beat"] for s in first["scenes"]]
        assert shared["shots"]["drawn"] == 0 and shared["shots"]["cached"] > 0, shared["shots"]
        assert lengths(shared) == pytest.approx(lengths(first), abs=0.002)
        # Alice watches her revision again: cut as the original, and so kept for what comes of it
        again = alice.post(f"/api/films/{first['id']}/again")
        assert again.status_code == 200, again.text
        db = app.state.server.db
        me = db.viewer_by_token(alice.cookies["dreamreel_token"])
        story = json.loads(db.film(original["id"], me.id).story)
        assert json.loads(db.cut_story(db.film(again.json()["id"], me.id))) == story
        ready(alice, again.json()["id"])
