"""The soundtrack made a beat at a time: one level for the whole film, seamless joins, and a
second making that mixes nothing."""

import numpy as np
import pyloudnorm
import pytest

from dreamreel.camera import plan_shots
from dreamreel.director import choose_path
from dreamreel.edit.soundtrack import Soundtrack, beat_runs, stems_of
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
    return story, speech, beat_runs(shots), sum(s.frames for s in shots)


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
    # (the calmest and the most intense a beat can be: this 30 s story's four beats sit low, at
    # 0.3 on average, so 0.1 is only 2 dB under it)
    levels = {round(st.level(t), 1) for t in (0.0, 0.5, 1.0)}
    assert len(levels) == 3 and st.level(1.0) - st.level(0.0) >= 6


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


def momentary(x: np.ndarray, at: float, to: float) -> np.ndarray:
    """BS.1770 momentary loudness (400 ms windows, 100 ms apart) of stereo ``x`` between two
    times, LUFS (K-weighting from pyloudnorm's meter)."""
    from scipy import signal

    meter = pyloudnorm.Meter(SR)
    y = x.astype(np.float64)
    for f in (meter._filters[k] for k in ("high_shelf", "high_pass")):
        y = signal.lfilter(f.b, f.a, y, axis=0) * f.passband_gain
    power = np.concatenate([[0.0], np.cumsum((y ** 2).sum(axis=1))])
    w = int(0.4 * SR)
    starts = np.arange(int(at * SR), int(to * SR) - w + 1, int(0.1 * SR))
    with np.errstate(divide="ignore"):
        return -0.691 + 10 * np.log10(np.maximum((power[starts + w] - power[starts]) / w, 1e-20))


def test_a_beat_with_no_pause_past_its_split_gives_its_sound_to_the_last_pause_before_it(cut):
    """A live film's first scene of one long line (no pause past ``split_s``): the sound up to
    its last pause goes out at once, not the whole scene after it is mixed (the viewer waits at
    the end of the title card for it), and the film sounds the same length."""
    story, speech, beats, frames = cut
    _, _, whole, _ = make(cut)
    title = sum(s.frames for s in beats[0]) * SR // 24
    beat = sum(s.frames for s in beats[1]) * SR // 24
    st = Soundtrack(story, 0, 24, speech)
    parts, first = [], 0
    for k, group in enumerate(beats):
        parts.append(st.add(group, first, split_s=beat / SR if k == 1 else None))  # past every pause
        first += sum(s.frames for s in group)
    parts.append(st.finish())
    assert title + SR <= parts[1].shape[0] < title + beat
    assert np.concatenate(parts).shape == whole.shape


def test_where_the_story_calls_for_quiet_the_music_drops_out_and_the_room_tone_stays(cut):
    story, speech, beats, frames = cut
    # one line the script says is whispered
    whispered = next(c for group in beats for s in group if s.kind == "dialogue" for c in s.cues)
    hushed = story.model_copy(deep=True)
    hushed.graph.beat(whispered.beat).lines[whispered.index].direction = "whispered, leaning close"
    st, _, audio, _ = make((hushed, speech, beats, frames), stems=True)
    stems = stems_of(st.stem_parts)
    why = {h.why for h in st.hushes}
    assert {"scene change", "whisper"} <= why
    for h in st.hushes:
        inside = slice(int((h.start_s + 0.02) * SR), int(h.end_s * SR))
        # no score: the music stem is silent (the effects stem holds the place's room tone)
        assert np.abs(stems.music[inside]).max() < 1e-3, h
        if h.why == "whisper":
            assert np.abs(stems.dialogue[inside]).max() > 0.05  # the words are there, alone
    scene = [h for h in st.hushes if h.why == "scene change" and h.end_s - h.start_s >= 0.8]
    assert scene
    quiet = [momentary(stems.effects + stems.music, h.start_s, h.end_s).max() for h in scene]
    assert sum(q < -50 for q in quiet) >= len(quiet) - 1  # one may hold a called-for effect
    # ... and quiet is the place's room tone, never digital zero (a real film's silence)
    floor = [momentary(audio, h.start_s, h.end_s).min() for h in scene]
    assert all(-72 < q for q in floor), floor
    # and the film as a whole breathes: real silence (momentary under -40 LUFS) is no rarity
    film = momentary(audio, 0, audio.shape[0] / SR)
    assert (film < -40).mean() >= 0.05
    # the music comes back after a hush: it is a pause, not the end of the score
    later = [h for h in scene if h.end_s + 3 < audio.shape[0] / SR]
    assert any(np.abs(stems.music[int((h.end_s + 1) * SR):int((h.end_s + 3) * SR)]).max() > 0.01 for h in later)


def test_a_beat_mixed_in_pieces_gives_its_first_seconds_at_once_and_sounds_as_in_one(cut):
    story, speech, beats, frames = cut
    one, _, whole, _ = make(cut, stems=True)
    st = Soundtrack(story, 0, 24, speech, stems=True)
    parts, first = [], 0
    for k, group in enumerate(beats):
        parts.append(st.add(group, first, split_s=4.0 if k == 1 else None))
        first += sum(s.frames for s in group)
    parts.append(st.finish())
    audio = np.concatenate(parts)
    title = sum(s.frames for s in beats[0]) * SR // 24
    beat = sum(s.frames for s in beats[1]) * SR // 24
    # the title and the first beat's first seconds come out as soon as the beat is added, not all of it
    assert title + 4 * SR <= parts[1].shape[0] < title + beat - 2 * SR
    assert audio.shape == whole.shape
    stems = stems_of(st.stem_parts)
    assert np.abs(stems.dialogue + stems.music + stems.effects - audio).max() < 1e-4
    assert st.hushes == one.hushes  # the beat's quiet spans, each once
    # every 3 s of the beat about as loud as mixed in one piece, and no click where the pieces join
    meter = pyloudnorm.Meter(SR)
    for a in range(title, title + beat - 3 * SR, SR):
        here, there = (meter.integrated_loudness(x[a:a + 3 * SR].astype(np.float64)) for x in (audio, whole))
        assert abs(here - there) < 1.0
    jumps = np.abs(np.diff(audio, axis=0)).max(axis=1)
    edge = parts[1].shape[0]
    assert jumps[edge - 2:edge + 2].max() <= max(np.percentile(jumps, 99.9), 0.05)
    # the rest of the film is untouched
    after = title + beat + SR
    assert np.array_equal(audio[after:], whole[after:])
