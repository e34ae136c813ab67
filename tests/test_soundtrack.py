"""The soundtrack made a beat at a time: one level for the whole film, seamless joins, and a
second making that mixes nothing."""

import numpy as np
import pyloudnorm
import pytest

from dreamreel.camera import plan_shots
from dreamreel.director import choose_path
from dreamreel.edit.soundtrack import Soundtrack, stems_of
from dreamreel.edit.spotting import MIN_APART_S, spots
from dreamreel.model import Request
from dreamreel.narrative.planner import plan
from dreamreel.store.cache import Cache
from dreamreel.synth.music.foley import spot
from dreamreel.synth.voice import backend, voice_lines

SR = 48000


@pytest.fixture(scope="module")
def cut():
    story = plan(Request(prompt="film noir, one short episode", episodes=1, target_seconds=30), seed=5)
    path = choose_path(story, "first")
    timings, speech = voice_lines(story, path, backend("espeak-ng"))
    shots = plan_shots(story, path, timings)[0].shots
    beats: list[list] = []
    for s in shots:  # what production feeds it: the title, each beat's shots, the end card
        if beats and s.beat == beats[-1][-1].beat and "title" not in (s.kind, beats[-1][-1].kind) and s.kind != "end":
            beats[-1].append(s)
        else:
            beats.append([s])
    return story, speech, beats, sum(s.frames for s in shots)


def make(cut, cache=None, stems=False):
    story, speech, beats, frames = cut
    st = Soundtrack(story, 0, 24, speech, cache=cache, stems=stems)
    parts, first = [], 0
    for group in beats:
        parts.append(st.add(group, first))
        first += sum(s.frames for s in group)
        assert st.samples == sum(p.shape[0] for p in parts)
    parts.append(st.finish())
    return st, parts, np.concatenate(parts), frames


def test_the_whole_film_is_at_the_target_loudness_and_exactly_as_long_as_the_cut(cut):
    st, parts, audio, frames = make(cut)
    assert audio.shape == (frames * SR // 24, 2)
    lufs = pyloudnorm.Meter(SR).integrated_loudness(audio.astype(np.float64))
    assert abs(lufs + 16) < 0.5
    assert np.abs(audio).max() <= 10 ** (-1 / 20) + 1e-3
    # sound comes out while the film is being made: every beat but the last hands some over
    assert sum(p.shape[0] > 0 for p in parts[:-1]) >= len(parts) - 3


def test_the_joins_between_beats_do_not_click(cut):
    _, parts, audio, _ = make(cut)
    jumps = np.abs(np.diff(audio, axis=0)).max(axis=1)
    typical = np.percentile(jumps, 99.9)
    for edge in np.cumsum([p.shape[0] for p in parts[:-1]]):
        if 0 < edge < len(jumps):
            assert jumps[edge - 1] <= max(typical, 0.05)


def test_made_again_it_mixes_nothing_and_sounds_the_same(cut, tmp_path):
    cache = Cache(tmp_path)
    first, _, a, _ = make(cut, cache)
    again, _, b, _ = make(cut, cache)
    assert first.cached_chunks == 0 and again.cached_chunks == len(cut[2])
    assert np.array_equal(a, b)


def test_stems_sum_to_the_mix_and_scenes_differ_in_loudness(cut):
    st, _, audio, _ = make(cut, stems=True)
    stems = stems_of(st.stem_parts)
    assert stems.dialogue.shape == stems.music.shape == stems.effects.shape == audio.shape
    total = stems.dialogue + stems.music + stems.effects
    assert np.abs(total - audio).max() < 1e-4  # the clip guard aside, the stems are the mix
    # the dialogue stem holds the voices, the music stem the score: neither is empty
    assert np.abs(stems.dialogue).max() > 0.05 and np.abs(stems.music).max() > 0.01
    # quieter and louder scenes, not every scene at one level
    levels = {round(st.level(t), 1) for t in (0.1, 0.5, 0.9)}
    assert len(levels) == 3 and st.level(0.9) - st.level(0.1) >= 6


def test_action_and_script_call_for_spot_effects():
    story = plan(Request(prompt="a western with a saloon brawl and a chase", episodes=1), seed=2)
    path = choose_path(story, "first")
    timings, _ = voice_lines(story, path, backend("espeak-ng"))
    shots = [s for sl in plan_shots(story, path, timings) for s in sl.shots]
    placed = [(s.start_frame / 24, s) for s in shots]
    found = spots(story, placed, seed=1)
    staged = [s for s in shots if s.action in ("walk", "run", "chase", "fight", "fall", "enter", "exit")]
    assert staged and found, "a staged scene makes some sound"
    assert all(b.at_s - a.at_s >= MIN_APART_S for a, b in zip(found, found[1:]))
    for f in found:
        x = spot(f.name, seed=f.seed, position=f.position)
        assert x.ndim == 2 and x.shape[1] == 2 and 0.5 < np.abs(x).max() <= 0.8
    # the script's words too: a gavel, a splash
    beat = story.graph.beats[1]
    struck = story.model_copy(deep=True)
    struck.graph.beat(beat.id).narration = "The judge brings the gavel down. Outside, someone dives into the harbour."
    names = {f.name for f in spots(struck, [(0.0, s) for s in shots if s.beat == beat.id][:1])}
    assert {"gavel", "splash"} & names
