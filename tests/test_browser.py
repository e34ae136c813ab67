"""The portal and the player in a real browser (Debian's chromium driven by playwright): ask for a
film, watch it start, make a choice, see the film follow. Screenshots are kept in
``test-artifacts/`` (or ``$DREAMREEL_TEST_ARTIFACTS``)."""

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from serving import running_server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(os.environ.get("DREAMREEL_TEST_ARTIFACTS", Path(__file__).parents[1] / "test-artifacts"))

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium (scripts/test.sh installs it)")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        # A fake camera (chromium's test pattern, no face) for webcam attention, allowed without asking.
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--autoplay-policy=no-user-gesture-required",
                                                              "--use-fake-device-for-media-stream",
                                                              "--use-fake-ui-for-media-stream"])
        yield b
        b.close()


def test_ask_watch_choose_and_the_film_follows(browser, tmp_path):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with running_server(tmp_path) as (base, _):
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(base + "/")
        page.fill("#prompt", "film noir, one short episode of about twenty seconds")
        page.screenshot(path=str(ARTIFACTS / "portal.png"))
        started = time.time()
        page.click("#make")
        page.wait_for_url("**/watch/*")
        film = page.url.rsplit("/", 1)[-1]
        # it plays within seconds, while the rest is still being made
        page.wait_for_function("document.getElementById('video').currentTime > 0.5", timeout=60_000)
        first_frame_s = time.time() - started
        assert page.evaluate("fetch('/api/films/%s').then(r => r.json()).then(s => s.status)" % film) == "making"
        assert page.is_visible(".label") and "AI-generated" in page.inner_text(".label")
        page.screenshot(path=str(ARTIFACTS / "playing.png"))
        # the choice comes up with its options and a countdown
        page.wait_for_selector("#choice.on", timeout=90_000)
        page.screenshot(path=str(ARTIFACTS / "choice.png"))
        buttons = page.query_selector_all("#choice-options button")
        assert len(buttons) >= 2
        option = buttons[-1].get_attribute("data-option")
        buttons[-1].click()
        page.wait_for_selector("#choice.on", state="hidden", timeout=5_000)
        at = page.evaluate("document.getElementById('video').currentTime")
        # the film goes on, down the branch the viewer picked
        page.wait_for_function(f"document.getElementById('video').currentTime > {at + 1.5}", timeout=60_000)
        status = page.evaluate("fetch('/api/films/%s').then(r => r.json())" % film)
        assert status["taken"] and status["taken"][0]["option_id"] == option and status["taken"][0]["by"] == "viewer"
        page.screenshot(path=str(ARTIFACTS / "after-choice.png"))
        # captions came with it
        assert page.evaluate("document.getElementById('video').textTracks[0].cues.length") > 0
        # and the portal lists it
        page.goto(base + "/")
        page.wait_for_selector("#films a")
        assert film in page.get_attribute("#films a", "href")
        print(f"first frame playing {first_frame_s:.1f} s after the request")


def watch_new_film(page, base: str, prompt: str) -> str:
    """Ask for a film on the portal and wait until it plays; returns its id."""
    if not page.url.startswith(base):
        page.goto(base + "/")
    page.fill("#prompt", prompt)
    page.click("#make")
    page.wait_for_url("**/watch/*")
    page.wait_for_function("document.getElementById('video').currentTime > 0.5", timeout=60_000)
    return page.url.rsplit("/", 1)[-1]


def test_a_bored_viewer_gets_a_visible_intervention(browser, tmp_path):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with running_server(tmp_path) as (base, _):
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        film = watch_new_film(page, base, "a western, one episode of about forty seconds")
        # boredom, as a player sees it: skipping ahead (as far as the film exists yet), then leaving the tab
        for _ in range(3):
            page.keyboard.press("ArrowRight")
            page.wait_for_timeout(300)
        page.evaluate("""() => { Object.defineProperty(document, 'hidden', {value: true, configurable: true});
                                 document.dispatchEvent(new Event('visibilitychange')); }""")
        page.wait_for_function("fetch('/api/films/%s').then(r => r.json()).then(s => s.engagement.level === 'bored')"
                               % film, timeout=10_000)
        page.evaluate("""() => { Object.defineProperty(document, 'hidden', {value: false, configurable: true});
                                 document.dispatchEvent(new Event('visibilitychange')); }""")
        # the director changes what is about to play (the light at once, the telling at the next
        # beat), and says so when the viewer gets there
        page.wait_for_selector("#toast.on", timeout=90_000)
        page.screenshot(path=str(ARTIFACTS / "intervention.png"))
        toast = page.inner_text("#toast").lower()
        assert "restless" in toast or "raises the tension" in toast, toast
        page.click("#why summary")
        assert "restless" in page.inner_text("#why-list") or "raises the tension" in page.inner_text("#why-list")


def test_webcam_attention_is_off_until_turned_on_and_keeps_no_pictures(browser, tmp_path):
    with running_server(tmp_path) as (base, app):
        page = browser.new_page()
        film = watch_new_film(page, base, "a cozy mystery, one episode of about thirty seconds")
        assert not page.is_checked("#cam")
        page.wait_for_timeout(1500)
        assert webcam_events(app, film) == []  # off: no frames at all
        page.check("#cam")
        # chromium's fake camera shows a test pattern, not a face: the director hears "looked away"
        deadline = time.time() + 20
        while time.time() < deadline and len(webcam_events(app, film)) < 3:
            time.sleep(0.5)
        cam = webcam_events(app, film)
        assert len(cam) >= 3 and all(c["face"] is False for c in cam), cam
        assert all(set(c) == {"t", "face"} for c in cam)  # only the verdict is kept, never the picture
        assert "looked away" in app.state.server.live[film].engagement.recent
        page.uncheck("#cam")
        page.wait_for_timeout(1500)
        n = len(webcam_events(app, film))
        page.wait_for_timeout(2500)
        assert len(webcam_events(app, film)) == n  # off again: nothing more comes
        page.close()


def webcam_events(app, film) -> list[dict]:
    """The webcam events stored for a film, over all its watch sessions."""
    from sqlalchemy import select

    from dreamreel.store.db import Event, WatchSession

    with app.state.server.db.session() as s:
        rows = s.scalars(select(Event).join(WatchSession, Event.session_id == WatchSession.id)
                         .where(WatchSession.film_id == film, Event.kind == "webcam"))
        return [json.loads(e.data) for e in rows]


def test_a_viewer_puts_themselves_in_the_film(browser, tmp_path):
    import matplotlib.cbook

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with running_server(tmp_path) as (base, app):
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base + "/")
        page.click("#likeness-box summary")
        page.set_input_files("#photo", matplotlib.cbook.get_sample_data("grace_hopper.jpg", asfileobj=False))
        page.fill("#likeness-name", "Grace Hopper")
        page.check("#agree")
        page.click("#upload")
        page.wait_for_selector("#likenesses li img")
        page.screenshot(path=str(ARTIFACTS / "likeness.png"))
        page.check("#cast-me")
        film = watch_new_film(page, base, "a cozy mystery, one episode of about twenty seconds")
        hero = next(c for c in app.state.server.live[film].story.bible.cast if c.role == "protagonist")
        assert hero.name == "Grace Hopper"
        page.wait_for_timeout(1500)
        page.screenshot(path=str(ARTIFACTS / "cast-as-lead.png"))
        page.close()
