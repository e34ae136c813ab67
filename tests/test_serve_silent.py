"""A live film stops adapting to a viewer whose player goes silent: against a real server, a
player's socket says the viewer is restless and then sends nothing while the film goes on. What
was heard ages by the film seconds played since (``director.engagement``), so the reading the
status shows turns unknown, the pulse the restlessness started fades, saying nothing has been
heard, and nothing after that is done because the viewer "seemed restless"."""

import json
import time

import pytest
from test_serve import viewer, ws

from serving import running_server
from dreamreel.director.engagement import SILENT_S
from dreamreel.synth.voice import backend

pytestmark = pytest.mark.slow

#: The player plays at this rate (a restless viewer watching sped up). Fast enough that once it
#: is silent it is taken to be at the end of what is made (production, at full speed, is slower),
#: so the reading ages with production, film second for film second, however fast this machine.
RATE = 8.0


def test_a_viewer_whose_player_goes_silent_is_no_longer_adapted_to(tmp_path):
    # Made at full speed (no player paces it); a choice nobody answers is taken after 3 s.
    with running_server(tmp_path, make_kw={"voice": backend("espeak-ng")},
                        live_kw={"lead_s": None, "abandon_s": 3.0}) as (base, _):
        alice = viewer(base)
        made = alice.post("/api/films", json={"prompt": "a western", "episodes": 1, "seconds": 90,
                                                   "seed": 5})
        assert made.status_code == 200, made.text
        film = made.json()["id"]
        levels: list[tuple[float, str]] = []  # (wall seconds, the status's engagement level)
        with ws(base, alice, film) as sock:
            assert json.loads(sock.recv(timeout=30))["type"] == "session"
            status: dict = {}

            def latest() -> dict:
                nonlocal status
                while True:
                    try:
                        msg = json.loads(sock.recv(timeout=0.05 if status else 30))
                    except TimeoutError:
                        return status
                    if msg["type"] == "status":
                        status = msg
                        if msg.get("engagement"):
                            levels.append((time.time(), msg["engagement"]["level"]))

            # The player: plays from 0 at RATE (never past what is made), reports every second,
            # skips ahead and hides the tab 6 s in, and falls silent 12 s in (once the status
            # says it was read as restless).
            sock.send(json.dumps({"kind": "play", "t": 0.0}))
            pos, last, skipped = 0.0, time.time(), False
            while pos < 12.0 or "bored" not in {level for _, level in levels}:  # (until the server read it)
                time.sleep(1.0)
                made_s = latest().get("made_seconds", 0.0)
                now = time.time()
                pos, last = min(made_s, pos + (now - last) * RATE), now
                events = [{"kind": "watch", "t": pos, "data": {"rate": RATE}}]
                if pos >= 6.0 and not skipped and made_s > pos + 5:
                    skipped = True
                    events += [{"kind": "skip", "t": pos, "data": {"wanted_s": 5}},
                               {"kind": "seek", "t": pos, "data": {"to": pos + 5}},
                               {"kind": "hidden", "t": pos + 5}]
                    pos += 5
                sock.send(json.dumps(events))
                assert latest()["status"] in ("queued", "making"), status
            silent_from, silent_at = pos, time.time()
            deadline = time.time() + 900
            while latest().get("status") in ("queued", "making") and time.time() < deadline:
                time.sleep(0.5)
            assert status["status"] == "ready", status
            latest()
        heard = [level for at, level in levels if at < silent_at]
        assert "bored" in heard, levels
        assert levels[-1][1] == "unknown", levels  # (the film ended a minute and more of film later)
        log = status["interventions"]
        assert [i for i in log if i["kind"] == "pulse" and "restless" in i["why"]], log  # the pulse came in
        faded = [n for n, i in enumerate(log) if "nothing has been heard" in i["why"]]
        assert faded and log[faded[0]]["kind"] == "pulse", log  # the pulse fades ...
        assert log[faded[0]]["at_s"] >= silent_from + SILENT_S, (silent_from, log)
        # ... and from then on nothing is done because the viewer seemed restless
        assert not [i for i in log[faded[0]:] if "restless" in i["why"]], log
