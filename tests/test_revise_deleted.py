"""Deleting a film that was revised keeps its revisions: each is the viewer's own film with its
own files, so it still plays whole (its stream, its signed MP4) and its player says the film it
revised is gone; the delete says which films were kept; and revising a revision again is still
cut as the deleted original was, so only the newly revised scene is drawn."""

import shutil
from pathlib import Path

import pytest
from serving import running_server

from test_revise_restart import lengths, made_and_revised, revise, server_kw
from test_revise_served import CHROMIUM, ready
from test_writer import faulty_server  # noqa: F401  (fixture)

pytestmark = pytest.mark.slow  # (makes three films on a real server)


def test_revisions_outlive_their_deleted_original(tmp_path, faulty_server):  # noqa: F811
    url, behaviour = faulty_server
    with running_server(tmp_path, **server_kw(tmp_path)) as (base, app):
        alice, original, beat, first = made_and_revised(base, app, url, behaviour)
        gone = alice.delete(f"/api/films/{original['id']}")
        assert gone.status_code == 200, gone.text
        assert gone.json() == {"deleted": original["id"], "revisions_kept": [first["id"]]}
        assert alice.get(f"/api/films/{original['id']}").status_code == 404
        assert not (tmp_path / "films" / original["id"]).exists()

        # The revision plays whole on its own: every segment of its stream, its signed MP4.
        kept = alice.get(f"/api/films/{first['id']}").json()
        assert kept["status"] == "ready" and kept["revision"] == {**first["revision"], "of_deleted": True}
        index = alice.get(f"/films/{first['id']}/stream/index.json").json()
        assert index["complete"] and index["segments"]
        for name in [index["init"]] + [s["file"] for s in index["segments"]]:
            r = alice.get(f"/films/{first['id']}/stream/{name}")
            assert r.status_code == 200 and r.content, name
        assert alice.get(f"/api/films/{first['id']}/provenance").json()["state"] in ("valid", "trusted")
        if Path(CHROMIUM).exists():
            player_says_its_original_is_gone(base, alice, first["id"])

        # Revised again: still cut as the deleted original was, only the revised scene drawn.
        second = ready(alice, revise(alice, behaviour, first["id"], beat,
                                     "You lied to this court, and every one of us heard it!")["id"])
    assert [s["beat"] for s in second["scenes"]] == [s["beat"] for s in original["scenes"]]
    assert second["shots"]["beats"] == [beat.id], second["shots"]
    assert 0 < second["shots"]["drawn"] < second["shots"]["cached"]
    before, after = lengths(original), lengths(second)
    assert {b: s for b, s in after.items() if b != beat.id} == \
        pytest.approx({b: s for b, s in before.items() if b != beat.id}, abs=0.002)


def player_says_its_original_is_gone(base, alice, film_id):
    from playwright.sync_api import sync_playwright

    assert shutil.which(CHROMIUM) or Path(CHROMIUM).exists()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--autoplay-policy=no-user-gesture-required"])
        context = browser.new_context()
        context.add_cookies([{"name": "dreamreel_token", "value": alice.cookies["dreamreel_token"], "url": base}])
        page = context.new_page()
        page.goto(f"{base}/watch/{film_id}")
        page.wait_for_function("document.getElementById('video').duration > 0", timeout=60_000)
        page.wait_for_function("document.getElementById('revised-from').textContent.includes('since deleted')",
                               timeout=30_000)
        assert page.query_selector("#revised-from a") is None  # (no link to a film that is not there)
        browser.close()
