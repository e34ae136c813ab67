"""A revision chain outlives the server: a film revised, the server started again on the same
database, the revision revised again. The second revision is still cut as the original film was
(so every scene not revised keeps its shots, found in the render cache, and only the newly
revised scene is drawn), and each revision's record (what it revises, the note, the beats) is
still served."""

import json

import httpx
import pytest
from serving import running_server

from dreamreel.store.cache import Cache
from dreamreel.synth.voice import backend as voice

from test_revise import angrier, backend
from test_revise_served import PROMPT, ready, talky_scene, viewer
from test_writer import _chat_answer, faulty_server  # noqa: F401  (fixture)

pytestmark = pytest.mark.slow  # (makes three films on two real servers)


def server_kw(folder):
    """Both servers on one render cache of this test's own: the session's shared cache holds
    test_revise_served's drawings of the same film, which would make "drawn again" read 0."""
    return {"make_kw": {"voice": voice("espeak-ng"), "cache": Cache(folder / "cache")},
            "live_kw": {"lead_s": None, "abandon_s": 1.0}}


def lengths(status):
    """How long each scene plays (a beat played once per film here)."""
    return {s["beat"]: s["end_s"] - s["start_s"] for s in status["scenes"]}


def revise(client, behaviour, film_id, beat, text):
    behaviour["body"] = lambda body: (200, _chat_answer(json.dumps(angrier(beat, text=text))))
    r = client.post(f"/api/films/{film_id}/revise", json={"note": "make her angrier", "beat": beat.id})
    assert r.status_code == 200, r.text
    return r.json()


def made_and_revised(base, app, url, behaviour, adaptive=False):
    """Alice's film of 45 s made as written (``adaptive``: by the director, nobody watching), on
    a server whose model is at ``url``, and its first revision (its talky scene told angrier):
    (alice, original, the beat, the revision)."""
    app.state.server.llm = backend(url)
    alice = viewer(base)
    # (At 45 s the revised scene is shorter than the original's, so a revision cut to its own
    # words would fit its episode otherwise: every other shot of it would change.)
    made = alice.post("/api/films", json={"prompt": PROMPT, "seconds": 45, "rating": "PG",
                                          "adaptive": adaptive, "seed": 0})
    assert made.status_code == 200, made.text
    original = ready(alice, made.json()["id"])
    story, beat = talky_scene(app, alice, original)
    first = ready(alice, revise(alice, behaviour, original["id"], beat,
                                "You lied to this court about the ledger, and I can prove it!")["id"])
    return alice, original, beat, first


def test_a_revision_of_a_revision_after_a_restart_is_cut_as_the_original(tmp_path, faulty_server):  # noqa: F811
    url, behaviour = faulty_server
    with running_server(tmp_path, **server_kw(tmp_path)) as (base, app):
        alice, original, beat, first = made_and_revised(base, app, url, behaviour)
        assert first["shots"]["beats"] == [beat.id], first["shots"]
        record = first["revision"]
        assert record["of"] == original["id"] and record["beats"] == [beat.id]

    with running_server(tmp_path, **server_kw(tmp_path)) as (base, app):
        app.state.server.llm = backend(url)
        alice.base_url = httpx.URL(base)
        # what each film revises is still served, as it was
        assert alice.get(f"/api/films/{first['id']}").json()["revision"] == record
        assert alice.get(f"/api/films/{original['id']}").json()["revision"] is None
        # the revision revised again, the same scene told otherwise once more (each telling this
        # test's own: no other test's drawings of it are in the render cache)
        second = ready(alice, revise(alice, behaviour, first["id"], beat,
                                     "You lied to this court, and every one of us heard it!")["id"])
        assert second["revision"]["of"] == first["id"] and second["revision"]["beats"] == [beat.id]
        assert alice.get(f"/api/films/{second['id']}").json()["revision"] == second["revision"]

    # It went the way the original went; every other scene is cut as the original's was, its
    # shots found in the render cache: only the revised scene was drawn again.
    assert [s["beat"] for s in second["scenes"]] == [s["beat"] for s in original["scenes"]]
    assert second["shots"]["beats"] == [beat.id], second["shots"]
    assert 0 < second["shots"]["drawn"] < second["shots"]["cached"]
    before, after = lengths(original), lengths(second)
    kept = {b: s for b, s in before.items() if b != beat.id}
    assert {b: s for b, s in after.items() if b != beat.id} == pytest.approx(kept, abs=0.002)  # (status rounds to ms)
