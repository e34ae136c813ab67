"""The render cache and pool: a second render of the same story draws nothing, an edit to one
beat redraws only that beat's shots, and the film is the same whichever way it was made."""

import hashlib

import av
import pytest

from dreamreel.model import Request
from dreamreel.narrative.planner import plan
from dreamreel.production import make_film
from dreamreel.render_pool import RenderPool
from dreamreel.store.cache import Cache
from dreamreel.synth.voice import backend


def video_digest(path):
    with av.open(str(path)) as c:
        return hashlib.sha256(b"".join(bytes(p) for p in c.demux(video=0) if p.size)).hexdigest()


@pytest.fixture(scope="module")
def story():
    return plan(Request(prompt="cozy mystery in a village, one short episode", episodes=1, target_seconds=20), seed=2)


@pytest.fixture(scope="module")
def first(story, tmp_path_factory):
    folder = tmp_path_factory.mktemp("cache")
    cache = Cache(folder / "cache")
    result = make_film(story, folder / "a.mp4", choices="first", res="480p", voice=backend("espeak-ng"), cache=cache)
    return folder, cache, result


def test_a_second_render_draws_nothing_and_makes_the_same_picture(story, first):
    folder, cache, result = first
    assert result.rendered_shots == result.shots and result.cached_shots == 0
    again = make_film(story, folder / "b.mp4", choices="first", res="480p", voice=backend("espeak-ng"), cache=cache)
    assert again.rendered_shots == 0 and again.cached_shots == again.shots == result.shots
    assert again.qc.ok and again.frames == result.frames
    assert video_digest(folder / "b.mp4") == video_digest(folder / "a.mp4")


def test_editing_one_beat_redraws_only_its_shots(story, first):
    folder, cache, result = first
    played = {s.beat for sl in result.lists for s in sl.shots}
    edited = story.model_copy(deep=True)
    beat = next(b for b in edited.graph.beats if b.id in played and b.lines)
    for told in (beat, *beat.variants.values()):
        if told.lines:
            told.lines[0].emotion = "angry" if told.lines[0].emotion != "angry" else "sad"
    again = make_film(edited, folder / "c.mp4", choices="first", res="480p", voice=backend("espeak-ng"), cache=cache)
    beats = {s.id: s.beat for sl in again.lists for s in sl.shots}
    assert again.drawn and all(beats[sid] == beat.id for sid in again.drawn)
    assert again.rendered_shots == len(again.drawn) < again.shots


def test_workers_and_this_process_draw_the_same_picture(story, first, tmp_path):
    folder, _, result = first
    solo = make_film(story, tmp_path / "solo.mp4", choices="first", res="480p", voice=backend("espeak-ng"),
                     cache=Cache(tmp_path / "fresh"), pool=RenderPool(workers=0))
    assert solo.rendered_shots == result.shots
    assert video_digest(tmp_path / "solo.mp4") == video_digest(folder / "a.mp4")


def test_a_bad_preset_is_refused_before_any_work(story, tmp_path):
    from dreamreel.errors import BadInputError

    with pytest.raises(BadInputError, match="preset"):
        make_film(story, tmp_path / "x.mp4", preset="warp", voice=backend("espeak-ng"))
    assert not (tmp_path / "x.mp4").exists()


def test_the_pool_draws_first_what_any_viewer_needs_first(tmp_path):
    """Earliest deadline first across films: two films' shots interleave by when each viewer's
    playback reaches them, a branch just chosen jumps ahead of both, guesses (branches drawn
    ahead) come after every shot a viewer will certainly see, and a film nobody watches last."""
    import time

    from dreamreel.render_pool import GUESS, NEEDED, ShotJob
    from dreamreel.synth.visual import ProceduralBackend
    from test_visual import make_shot

    bible = plan(Request(prompt="a western about a stolen gold shipment"), seed=3).bible
    visual = ProceduralBackend()
    pool, cache = RenderPool(workers=1), Cache(tmp_path / "c")

    def job(seed, frames=24):
        return ShotJob(make_shot(bible, frames=frames, seed=seed), bible, 320, 180, 24)

    try:
        pool.render([job(1, 2)], visual, cache)[0].result()  # the worker is up
        # the one worker is busy with a long shot: everything below waits in line meanwhile
        busy = pool.render([job(2, 480)], visual, cache)[0]
        while not busy.running():
            time.sleep(0.01)
        now = time.monotonic()

        def at(s):
            return lambda: now + s

        a = pool.render([job(10), job(11)], visual, cache, NEEDED, [at(10), at(30)])      # film A's viewer
        b = pool.render([job(20), job(21)], visual, cache, NEEDED, [at(20), at(40)])      # film B's viewer
        guesses = pool.render([job(30), job(31)], visual, cache, GUESS, [at(5), at(6)])  # A's branches, drawn ahead
        nobody = pool.render([job(40)], visual, cache, NEEDED, [lambda: float("inf")])    # nobody watches it
        chosen = pool.render([job(31)], visual, cache, NEEDED, [at(1)])                   # the branch A's viewer took
        assert chosen[0] is guesses[1]  # the same drawing, not a second one
        assert busy.result().started < min(f.result().started for f in [*a, *b, *guesses, *nobody])
        order = sorted([("A+10", a[0]), ("A+30", a[1]), ("B+20", b[0]), ("B+40", b[1]), ("guess", guesses[0]),
                        ("chosen", chosen[0]), ("nobody", nobody[0])], key=lambda x: x[1].result().started)
        assert [name for name, _ in order] == ["chosen", "A+10", "B+20", "A+30", "B+40", "guess", "nobody"]
    finally:
        pool.close()


def test_a_live_film_s_shots_are_due_when_its_viewer_reaches_them(story, tmp_path):
    """What the pool orders by: a shot is due when the viewer's playhead gets to it, later while
    they pause, and never while nobody watches (the film then waits for the watched ones)."""
    import time

    from dreamreel.production import due_by
    from dreamreel.render_pool import ShotJob
    from dreamreel.serve.live import LiveFilm
    from test_visual import make_shot

    live = LiveFilm("f" * 16, story, tmp_path / "f", res="480p")
    jobs = [ShotJob(make_shot(story.bible, frames=48, seed=i), story.bible, 320, 180, 24) for i in range(3)]
    dues = due_by(live, jobs, 0)
    assert dues is not None and dues[0]() == float("inf")  # no player has been heard from
    live.observe("play", 0.0, {}, time.time())
    live.observe("watch", 10.0, {"rate": 1.0}, time.time())
    dues = due_by(live, jobs, 24 * 12)  # from film second 12: seconds 12, 14 and 16
    now = time.monotonic()
    assert [round(d() - now) for d in dues] == [2, 4, 6]
    assert due_by(None, jobs, 0) is None  # no viewer: made in order
    live.observe("pause", 10.0, {}, time.time())
    first = dues[0]()
    time.sleep(0.2)
    assert dues[0]() > first  # paused: needed later the longer they pause


def test_the_label_s_words_and_corner_are_part_of_a_shot_s_cache_key():
    from dreamreel.model import Label
    from dreamreel.render_pool import ShotJob, shot_key
    from dreamreel.synth.visual import ProceduralBackend
    from test_visual import make_shot

    bible = plan(Request(prompt="a western about a stolen gold shipment"), seed=3).bible
    shot, visual = make_shot(bible, frames=2), ProceduralBackend()

    def key(label):
        return shot_key(ShotJob(shot, bible, 320, 180, 24, label=label), visual)

    assert key(True) == key(Label()) == key(Label(text="AI-generated", corner="bottom-right"))
    assert key(False) == key(None)
    keys = {key(None), key(Label()), key(Label(text="Made by AI")), key(Label(corner="top-left")),
            key(Label(text="Made by AI", corner="top-left"))}
    assert len(keys) == 5


def test_the_workers_and_their_fork_server_leave_when_their_owner_is_killed(tmp_path):
    """kill -9 of the process that owns the pool (a server): its workers notice and leave, and
    the fork server with them; nothing of ~600 MB stays behind."""
    import os
    import signal
    import subprocess
    import sys
    import time

    script = tmp_path / "owner.py"
    script.write_text(
        "import json, multiprocessing.forkserver as fs, os, time\n"
        "from dreamreel.render_pool import RenderPool\n"
        "pool = RenderPool(2)\n"
        "pool.start()\n"
        "while len(pool._executor._processes) < 2: time.sleep(0.05)\n"
        "[f.result() for f in [pool._executor.submit(os.getpid) for _ in range(4)]]\n"
        "print(json.dumps([*pool._executor._processes, fs._forkserver._forkserver_pid]), flush=True)\n"
        "time.sleep(600)\n")
    owner = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    try:
        pids = __import__("json").loads(owner.stdout.readline())
        assert len(pids) == 3 and all(_alive(p) for p in pids)
    finally:
        owner.send_signal(signal.SIGKILL)
        owner.wait()
    deadline = time.time() + 10
    while time.time() < deadline and any(_alive(p) for p in pids):
        time.sleep(0.1)
    left = [p for p in pids if _alive(p)]
    for p in left:  # (clean up before failing)
        os.kill(p, signal.SIGKILL)
    assert not left, f"still running after their owner was killed: {left}"


def test_a_closed_pool_refuses_work_and_a_new_shared_pool_starts_after_shutdown():
    from dreamreel.errors import DreamreelError
    from dreamreel.render_pool import RenderPool, shared_pool, shutdown_shared

    pool = RenderPool(1)
    pool.close()
    with pytest.raises(DreamreelError, match="shut down"):
        pool.start()
    first = shared_pool()
    shutdown_shared()
    assert first.closed and shared_pool() is not first and not shared_pool().closed


def _alive(pid: int) -> bool:
    """Running (a zombie waiting for its parent counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
