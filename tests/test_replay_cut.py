"""A film that follows a telling (a revision, a friend's film of a shared telling) is cut as that
telling was: each beat in the telling's telling, pace and look, whatever this film's own director
would make of its viewer, so every shot it shares with the telling is the same shot (and is found
in the render cache). Its director had read the film so far from wall-clock time and a bandit
seeded by the film's id, so a telling followed was cut otherwise now and then, and its shots
drawn again. Made in this process (``RenderPool(0)``), nobody watching."""

import pytest

from dreamreel.model import Request
from dreamreel.narrative.planner import plan
from dreamreel.render_pool import RenderPool
from dreamreel.serve.live import LiveFilm, Replay
from dreamreel.synth.voice import backend


@pytest.fixture(scope="module")
def story():
    return plan(Request(prompt="a heist thriller", episodes=1, target_seconds=20), seed=3)


def made(story, folder, name, replay=None):
    live = LiveFilm(f"film-{name}", story, folder / name, seed=1, res="480p", lead_s=None, abandon_s=0.2,
                    make_kw={"pool": RenderPool(0), "voice": backend("espeak-ng")})
    live.replay = replay
    live.cut = []  # (each shot as cut: its beat and frames)
    on_cut = live._on_cut

    def cut(shots, first_frame, fps):
        live.cut.extend((s.beat, s.frames) for s in shots)
        on_cut(shots, first_frame, fps)

    live._on_cut = cut
    live.start()
    live.join(600)
    assert live.status == "ready", live.error
    return live


def lengths(live):
    return {b: round(e - s, 3) for b, (s, e) in live.spans.items()}


def test_a_followed_telling_keeps_its_pace_and_look(story, tmp_path):
    first = made(story, tmp_path, "first")
    # each beat entered says how it was told, paced and lit
    assert first.steps and all({"beat", "variant", "option", "pace", "look"} <= set(s) for s in first.steps)
    chosen = sum(1 for s in first.steps if s["option"])

    # The same telling followed: the same cut, scene by scene
    again = made(story, tmp_path, "again", Replay([dict(s) for s in first.steps], chosen))
    assert [s["beat"] for s in again.steps] == [s["beat"] for s in first.steps]
    assert lengths(again) == lengths(first) and again.cut == first.cut

    # A telling cut quicker in its hard light than this film's director would cut it for nobody
    # (who gets the population's usual start): followed, its shots are cut to that pace, lit as the telling
    # was, and says so in its own path
    assert all(s["pace"] != "fast" for s in first.steps)
    quick = [dict(s, pace="fast", look="stakes") for s in first.steps]
    followed = made(story, tmp_path, "quick", Replay(quick, chosen))
    assert [(s["pace"], s["look"]) for s in followed.steps] == [("fast", "stakes")] * len(quick)
    assert followed._look_name == "stakes"
    assert followed.cut != first.cut  # (holds cut to the quicker pace)
