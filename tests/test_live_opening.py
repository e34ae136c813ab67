"""A live film's opening: the title card is drawn first, with the machine to itself, and the
first scene's shots are drawn a keyframe interval a job, so its first second streams as soon as
that much is drawn, with the same frames as the whole shot (bench/serve.py measures the stalls)."""

import dataclasses
import math
import time

import av
import numpy as np
import pytest

from dreamreel.camera.shots import ShotPlanner
from dreamreel.camera.timing import estimate_timings
from dreamreel.director import choose_path
from dreamreel.model import Request
from dreamreel.model.shot import PlayPath
from dreamreel.narrative.planner import plan
from dreamreel.production import RESOLUTIONS, in_pieces, telling
from dreamreel.render_pool import NEEDED, RenderPool, ShotJob, render_job
from dreamreel.store.cache import Cache
from dreamreel.synth.visual import ProceduralBackend


@pytest.fixture(scope="module")
def opening():
    """The title card and the first scene's shots of the film bench/serve.py makes."""
    story = plan(Request(prompt="film noir, one episode of about 20 seconds"), seed=101)
    path = choose_path(story, "first", seed=101)
    width, height = RESOLUTIONS["480p"]
    camera = ShotPlanner(story, path, fps=24, width=width, height=height, seed=101)
    step = path.steps[0]
    beat = story.graph.beat(step.beat)
    cut = camera.cut(beat.episode, [])
    shots = cut.title(beat) + cut.preview(beat, telling(story, step), 1,
                                          estimate_timings(story, PlayPath(story_id=story.id, steps=[step]), 2.6))
    return [ShotJob(s, story.bible, width, height, 24, key_every=24) for s in shots]


def frames(path) -> list[np.ndarray]:
    with av.open(str(path)) as f:
        return [fr.to_ndarray(format="rgb24") for fr in f.decode(video=0)]


def test_a_shot_drawn_in_pieces_streams_the_same_frames(opening, tmp_path):
    backend, cache = ProceduralBackend(), Cache(tmp_path / "cache")
    job = max(opening, key=lambda j: j.frames)  # the scene's main shot
    pieces, cut = in_pieces([job], [job.shot], backend, cache, RenderPool(0))
    assert [(p.first, p.end) for p in pieces] == [(f, min(f + 24, job.frames)) for f in range(0, job.frames, 24)]
    assert cut == [job.shot] * len(pieces)
    whole = frames(render_job(job, backend, cache).path)
    drawn = [x for p in pieces for x in frames(render_job(p, backend, cache).path)]
    assert len(drawn) == len(whole) == job.frames
    assert all(np.array_equal(a, b) for a, b in zip(whole, drawn))


def test_a_shot_already_drawn_whole_is_taken_whole(opening, tmp_path):
    backend, cache = ProceduralBackend(), Cache(tmp_path / "cache")
    job = max(opening, key=lambda j: j.frames)
    render_job(job, backend, cache)  # (an earlier film drew it)
    short = [j for j in opening if j.frames <= 24]
    assert in_pieces([job, *short], [job.shot, *[j.shot for j in short]], backend, cache, RenderPool(0))[0] == \
        [job, *short]


def test_the_title_card_someone_waits_for_is_drawn_before_a_later_shot_starts(opening, tmp_path):
    card = next(j for j in opening if j.shot.kind == "title")
    card = dataclasses.replace(card, shot=card.shot.model_copy(update={"frames": 240}))  # (long enough to see)
    later = next(j for j in opening if j.shot.kind not in ("title", "end"))
    later = dataclasses.replace(later, first=0, end=24)
    pool = RenderPool(2)
    try:
        pool.start()
        warm = [dataclasses.replace(later, width=64, height=36, first=i, end=i + 1) for i in range(6)]
        for f in pool.render(warm, ProceduralBackend(), Cache(tmp_path / "warm")):  # (both workers up)
            f.result(timeout=120)
        now = time.monotonic()
        due = [lambda: now, lambda: now + 2.5]  # the card now; the shot after it when the card has played
        f_card, f_later = pool.render([card, later], ProceduralBackend(), Cache(tmp_path / "cache"), NEEDED, due)
        drawn_card, drawn_later = f_card.result(timeout=120), f_later.result(timeout=120)
    finally:
        pool.close()
    # (a free worker took the next shot at once, and the two shared the cores)
    assert drawn_later.started >= drawn_card.started + drawn_card.seconds - 0.05
    assert not math.isnan(drawn_card.seconds)
