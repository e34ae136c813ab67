"""A film made while it is watched: the stream stays just ahead of the viewer, and when the
viewer turns restless the director's new look reaches the picture within seconds, and a pulse
under the sound reaches their ears within seconds even where the look has nothing left to give.

The shots are drawn in this process (``RenderPool(0)``): a change of look is then drawn before
the viewer's player moves on, so where it first shows depends on how far the stream ran ahead,
never on how fast this machine draws (how fast it does is bench/watch.py's to measure)."""

import threading
import time

import av
import numpy as np
import pytest

from dreamreel.director.schedule import START, Schedule
from dreamreel.edit.segments import read_index
from dreamreel.model import Request
from dreamreel.narrative.planner import plan
from dreamreel.render_pool import RenderPool
from dreamreel.serve.live import LiveFilm

#: The simulated viewers' clock runs fast.
RATE = {"calm": 8.0, "restless": 2.0}


@pytest.fixture(scope="module")
def story():
    # (a plot named, so that a shape added to the library does not change the film: the duel made
    # "a western" at seed 5 a siege, whose calm film is louder in the low band there)
    return plan(Request(prompt="a western quest", episodes=1, target_seconds=30), seed=5)


def watch(live: LiveFilm, *, rate: float, restless_at: float | None, report: dict) -> None:
    """A player: reports its position as it plays (at RATE, waiting when it reaches the end of
    what is streamed), skips ahead through what it has at ``restless_at`` and hides the tab."""
    last = time.time()
    live.observe("play", 0.0, {}, last)
    bored = False
    pos = 0.0
    while live.status == "making" or live.pending is not None:
        now = time.time()
        try:
            streamed = read_index(live.stream_dir)["duration"]
        except (OSError, ValueError):
            streamed = 0.0
        pos = min(streamed, pos + (now - last) * rate)
        last = now
        if live.pending is not None and pos >= live.pending.start_s:
            live.choose(live.pending.choice_id, live.pending.default, by="timeout")
        if restless_at is not None and not bored and pos >= restless_at:
            bored = True
            to = max(pos, min(streamed - 0.2, pos + 5))  # the -> key: a skip as far as the player has
            live.observe("skip", pos, {"wanted_s": 5}, now)
            live.observe("seek", pos, {"to": to}, now)
            live.observe("hidden", to, {}, now)          # ... then the tab hidden
            pos = to
            report["signal_s"], report["streamed_s"] = pos, streamed
        live.observe("watch", pos, {"rate": 1.0}, now)  # (the clock runs fast, not the viewer)
        time.sleep(0.1)


def films(story, folder, schedule: Schedule) -> dict[str, tuple[LiveFilm, dict]]:
    """The same film made for a calm viewer and for one who turns restless 8 s in."""
    made = {}
    for name, restless in (("calm", None), ("restless", 8.0)):
        live = LiveFilm(f"film-{name}", story, folder / name, seed=1, res="480p", connect_grace_s=60,
                        schedule=schedule, make_kw={"pool": RenderPool(0)})
        report: dict = {}
        live.start()
        viewer = threading.Thread(target=watch, args=(live,),
                                  kwargs={"rate": RATE[name], "restless_at": restless, "report": report})
        viewer.start()
        live.join(600)
        viewer.join(10)
        assert live.status == "ready", live.error
        made[name] = (live, report)
    return made


def sound_of(path) -> np.ndarray:
    with av.open(str(path)) as c:
        return np.concatenate([f.to_ndarray()[0] for f in c.decode(audio=0)])


def low_band(x: np.ndarray) -> float:
    """Energy under 150 Hz (where the heartbeat thumps)."""
    spectrum = np.abs(np.fft.rfft(x)) ** 2
    return float(spectrum[: round(150 * len(x) / 48000)].sum())


def frames_of(path) -> list[np.ndarray]:
    with av.open(str(path)) as c:
        return [f.to_ndarray(format="rgb24")[::8, ::8].astype(np.int16) for f in c.decode(video=0)]


def test_a_restless_viewer_sees_the_new_look_within_seconds(story, tmp_path):
    # (from a director with no look yet: a server's starts at the population's, START's
    # "stakes", which a restless viewer already has; this is how fast any new look shows)
    made = films(story, tmp_path, Schedule())
    live, report = made["restless"]
    looks = [i for i in live.drama.log if i.kind == "palette"]
    assert looks and "restless" in looks[0].why
    at = looks[0].at_s
    # The stream was only about a second ahead when the signal came, so the new look starts
    # within a couple of seconds of film of it (not at the next beat): at the first piece of a
    # shot (a second long) not yet streamed, or the one after.
    assert report["streamed_s"] - report["signal_s"] < 3.0
    assert report["signal_s"] < at < report["signal_s"] + 3.0
    # Same story, seed and choices: the picture is the same up to the change, and not after it
    # (within the beat: from the next one on the director also changes how the story is told).
    calm, restless = frames_of(made["calm"][0].folder / "film.mp4"), frames_of(live.folder / "film.mp4")
    k = round(at * 24)
    beat_end = next(round(e * 24) for s, e in live.spans.values() if s <= at < e)
    assert all(np.array_equal(a, b) for a, b in zip(calm[:k - 1], restless[:k - 1]))
    after = [np.abs(a - b).mean() for a, b in zip(calm[k:min(k + 24, beat_end)], restless[k:min(k + 24, beat_end)])]
    assert after and min(after) > 2.0, after


def test_a_restless_viewer_who_has_the_stakes_look_hears_a_pulse_within_seconds(story, tmp_path):
    # a server's director: every viewer starts with the stakes look, so no new look is left
    assert START.look == "stakes"
    made = films(story, tmp_path, START)
    live, report = made["restless"]
    pulses = [i for i in live.drama.log if i.kind == "pulse"]
    assert pulses and "restless" in pulses[0].why, live.drama.log
    at = pulses[0].at_s
    assert not [i for i in live.drama.log if i.kind == "palette" and i.at_s <= at]
    # heard from the first piece of sound not yet streamed when the signal came: within seconds of
    # film (not when the next beat is told another way)
    assert report["signal_s"] < at < report["signal_s"] + 3.0
    # Same story, seed and choices: the sound is the calm film's up to the pulse, and after it
    # has the heartbeat's low thumps under it (it goes on past the beat: the viewer is restless
    # for longer than what is left of it)
    calm, restless = sound_of(made["calm"][0].folder / "film.mp4"), sound_of(live.folder / "film.mp4")
    k = round(at * 48000)
    assert np.allclose(calm[:k - 4096], restless[:k - 4096], atol=1e-4)
    after = slice(k + 24000, k + 120000)  # 0.5 .. 2.5 s into it
    assert low_band(restless[after]) > 2 * low_band(calm[after])
