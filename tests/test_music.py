"""The procedural score, ambience beds and effects: real synthesis, checked by measuring the audio."""

import numpy as np
import pytest
from scipy import signal

from dreamreel.errors import BadInputError, UnknownNameError
from dreamreel.model.bible import StyleGuide
from dreamreel.model.shot import Lighting, Shot, ShotList
from dreamreel.synth.music import ScoreCue, arrange, cues_from_shots, score
from dreamreel.synth.music.ambience import (
    EFFECTS,
    PLACE_BEDS,
    WEATHERS,
    ambience,
    ambience_for_shots,
    effect,
)
from dreamreel.synth.music.palettes import SCALES, palette_for

SR = 48000
MUSIC = {
    "noir": "smoky jazz: muted trumpet, brushed drums, upright bass",
    "comedy": "brisk screwball score: pizzicato strings, a cheeky clarinet, a tuba for every pratfall",
    "horror": "a string quartet gone sour, a music box melody, low organ drones",
    "scifi": "slow analog synth pads over a ticking pulse, sparse piano",
    "western": "lonesome harmonica, twangy guitar and whistling, a tolling mission bell",
    "fantasy": "sweeping orchestra, solo fiddle and harp, a low choir",
    "romance": "sweeping romantic strings, a lonely piano theme, a swing band at the dance",
}


def style(genre: str) -> StyleGuide:
    return StyleGuide(look="test", palette=["#000000", "#ffffff"], era="now", music=MUSIC.get(genre, "ambient"))


def chroma(x: np.ndarray, sr: int = SR) -> np.ndarray:
    """Energy per pitch class (0 = C) from one long FFT, 60 Hz .. 2 kHz."""
    mono = x.mean(axis=1) if x.ndim == 2 else x
    spec = np.abs(np.fft.rfft(mono)) ** 2
    freqs = np.fft.rfftfreq(mono.shape[0], 1 / sr)
    band = (freqs > 60) & (freqs < 2000)
    pcs = np.round(12 * np.log2(freqs[band] / 440.0) + 69).astype(int) % 12
    c = np.bincount(pcs, weights=spec[band], minlength=12)
    return c / c.sum()


def onsets(x: np.ndarray, sr: int = SR) -> int:
    """Count note attacks: peaks in the rise of 10 ms log energy above 150 Hz."""
    mono = signal.sosfilt(signal.butter(2, 150, "highpass", fs=sr, output="sos"), x.mean(axis=1))
    hop = sr // 100
    frames = mono[: mono.shape[0] // hop * hop].reshape(-1, hop)
    energy = 10 * np.log10(np.mean(frames ** 2, axis=1) + 1e-10)
    rise = np.maximum(0.0, np.diff(energy))
    peaks, _ = signal.find_peaks(rise, height=3.0, distance=5)
    return len(peaks)


# ---- score ----

def test_score_length_is_exact_and_clean() -> None:
    cues = [ScoreCue(0.0, 3.3, 0.4, "title"), ScoreCue(3.3, 9.77, 0.7), ScoreCue(9.77, 12.345, 0.2, "end", "triumph")]
    y = score(cues, style=style("noir"), genres=["noir"], seed=1)
    assert y.shape == (round(12.345 * SR), 2) and y.dtype == np.float32
    assert np.all(np.isfinite(y)) and 0.1 < np.abs(y).max() <= 0.7 + 1e-6
    # the cut's exact sample count wins when given
    assert score(cues, style=style("noir"), genres=["noir"], seed=1, n_samples=592_561).shape == (592_561, 2)
    assert score(cues, style=style("noir"), genres=["noir"], seed=1, sample_rate=44100).shape == (round(12.345 * 44100), 2)


def test_score_is_deterministic_per_seed() -> None:
    cues = [ScoreCue(0, 6, 0.5), ScoreCue(6, 10, 0.9)]
    a = score(cues, style=style("scifi"), genres=["scifi"], seed=7)
    b = score(cues, style=style("scifi"), genres=["scifi"], seed=7)
    c = score(cues, style=style("scifi"), genres=["scifi"], seed=8)
    assert a.tobytes() == b.tobytes()
    assert a.tobytes() != c.tobytes()


def test_tension_raises_tempo_and_density() -> None:
    calm = [ScoreCue(0, 16, 0.1)]
    tense = [ScoreCue(0, 16, 0.9)]
    a_calm = arrange(calm, style=style("noir"), genres=["noir"], seed=3)
    a_tense = arrange(tense, style=style("noir"), genres=["noir"], seed=3)
    assert a_tense.sections[0].bpm > a_calm.sections[0].bpm + 20
    assert len(a_tense.notes) > 2 * len(a_calm.notes)
    assert len(a_tense.hits) > 0 and len(a_calm.hits) == 0  # drums come in with tension
    # and the audio itself has far more attacks
    y_calm = score(calm, style=style("noir"), genres=["noir"], seed=3)
    y_tense = score(tense, style=style("noir"), genres=["noir"], seed=3)
    assert onsets(y_tense) > 1.5 * onsets(y_calm)


@pytest.mark.parametrize("genre, mode", [("noir", "minor"), ("horror", "minor"), ("comedy", "major"), ("romance", "major")])
def test_key_is_minor_or_major_by_genre(genre: str, mode: str) -> None:
    cues = [ScoreCue(0, 8, 0.3, "title"), ScoreCue(8, 20, 0.6), ScoreCue(20, 26, 0.3, "end")]
    arr = arrange(cues, style=style(genre), genres=[genre], seed=2)
    assert arr.mode == mode
    c = chroma(score(cues, style=style(genre), genres=[genre], seed=2))
    minor_third, major_third = c[(arr.key + 3) % 12], c[(arr.key + 4) % 12]
    if mode == "minor":
        assert minor_third > 1.5 * major_third
    else:
        assert major_third > 1.5 * minor_third
    # pitched music, not noise: most energy sits on the key's own scale (noise would give 7/12)
    scale = [(arr.key + s) % 12 for s in SCALES[mode]]
    assert c[scale].sum() > 0.7  # horror's flat second and tritone keep it lowest, about 0.76


def test_ending_kind_turns_the_mode() -> None:
    cues = [ScoreCue(0, 8, 0.5), ScoreCue(8, 16, 0.3, "end", "tragedy")]
    arr = arrange(cues, style=style("comedy"), genres=["comedy"], seed=1)
    assert arr.sections[0].mode == "major" and arr.sections[1].mode == "minor"
    last = max(arr.sections[1].notes, key=lambda n: n.time)
    assert int(last.midi) % 12 in {(arr.key + i) % 12 for i in (0, 3, 7)}  # ends on the minor tonic chord


def test_instruments_follow_genre_and_style_text() -> None:
    noir = palette_for(["noir"], MUSIC["noir"])
    assert (noir.lead, noir.bass, noir.bass_style, noir.kit[1]) == ("muted_trumpet", "upright_bass", "walking", "brush")
    assert palette_for(["scifi"], MUSIC["scifi"]).pad == "analog_pad"
    assert palette_for(["western"], MUSIC["western"]).comp == "twang_guitar"
    assert palette_for(["horror"], MUSIC["horror"]).pad == "drone"
    # a custom style's words pick the instruments, whatever the genre
    custom = palette_for(["noir"], "a lonely harp and a low choir")
    assert custom.comp == "harp" and custom.pad == "choir"
    # an unknown genre still scores, from its words
    assert palette_for(["steampunk"], "brass fanfares").lead == "brass"
    # a second genre fills what the first leaves out: noir has no pad, sci-fi lends its synth pad
    assert palette_for(["noir", "sci-fi"], MUSIC["noir"]).pad == "analog_pad"


@pytest.mark.parametrize("genre", ["noir", "scifi", "fantasy", "horror", "western", "romance", "comedy", "thriller",
                                   "mystery", "cyberpunk", "postapoc", "adventure"])
def test_every_genre_renders(genre: str) -> None:
    y = score([ScoreCue(0, 3, 0.3, "title"), ScoreCue(3, 6, 0.9)], style=style(genre), genres=[genre], seed=4)
    assert y.shape == (6 * SR, 2) and np.all(np.isfinite(y))
    assert np.sqrt(np.mean(y ** 2)) > 0.01


def test_bad_cues_are_named() -> None:
    with pytest.raises(BadInputError, match="cues"):
        score([], style=style("noir"), genres=["noir"], seed=0)
    with pytest.raises(BadInputError, match=r"cues\[1\]"):
        score([ScoreCue(0, 2), ScoreCue(3, 3)], style=style("noir"), genres=["noir"], seed=0)
    with pytest.raises(BadInputError, match="tension"):
        score([ScoreCue(0, 2, 1.5)], style=style("noir"), genres=["noir"], seed=0)


# ---- ambience and effects ----

def centroid(x: np.ndarray, sr: int = SR) -> float:
    """Spectral centroid of the power spectrum, Hz."""
    mono = x.mean(axis=1) if x.ndim == 2 else x
    spec = np.abs(np.fft.rfft(mono)) ** 2
    freqs = np.fft.rfftfreq(mono.shape[0], 1 / sr)
    return float((spec * freqs).sum() / spec.sum())


def low_share(x: np.ndarray, sr: int = SR, below: float = 200.0) -> float:
    spec = np.abs(np.fft.rfft(x.mean(axis=1))) ** 2
    freqs = np.fft.rfftfreq(x.shape[0], 1 / sr)
    return float(spec[freqs < below].sum() / spec.sum())


def test_rain_and_ship_hum_differ_spectrally() -> None:
    rain = ambience("rain", "desert", 5.0, seed=1)
    hum = ambience("clear", "spaceship", 5.0, seed=1)
    assert rain.shape == hum.shape == (5 * SR, 2)
    assert centroid(rain) > 2000 and centroid(hum) < 400
    assert low_share(hum) > 0.5
    assert low_share(rain) < 0.1
    # stereo beds are wide: the two sides are not the same signal
    assert abs(np.corrcoef(rain[:, 0], rain[:, 1])[0, 1]) < 0.5


def test_weather_is_muffled_indoors_and_absent_in_space() -> None:
    outside = ambience("rain", "city_street", 4.0, seed=2)
    inside = ambience("rain", "office", 4.0, seed=2)
    assert centroid(inside) < centroid(outside)
    assert ambience("storm", "spaceship", 3.0, seed=2).tobytes() == ambience("clear", "spaceship", 3.0, seed=2).tobytes()


def test_every_place_and_weather_renders_deterministically() -> None:
    for place in PLACE_BEDS:
        y = ambience("clear", place, 1.5, seed=3)
        assert y.shape == (72000, 2) and np.all(np.isfinite(y)) and 0 < np.abs(y).max() <= 0.9 + 1e-6, place
    for weather in WEATHERS:
        y = ambience(weather, "forest", 1.5, seed=3)
        assert np.all(np.isfinite(y)) and np.abs(y).max() > 0, weather
    assert ambience("storm", "sea", 2.0, seed=5).tobytes() == ambience("storm", "sea", 2.0, seed=5).tobytes()


def test_ambience_rejects_unknown_names() -> None:
    with pytest.raises(UnknownNameError, match="weather"):
        ambience("sleet", "forest", 1.0, seed=0)
    with pytest.raises(UnknownNameError, match="place"):
        ambience("rain", "moon_base", 1.0, seed=0)
    with pytest.raises(BadInputError, match="seconds"):
        ambience("rain", "forest", 0.0, seed=0)


def test_effects() -> None:
    for name in EFFECTS:
        y = effect(name, seed=1)
        assert y.ndim == 2 and y.shape[1] == 2 and np.all(np.isfinite(y)) and 0.5 < np.abs(y).max() <= 0.8 + 1e-6, name
    assert effect("footsteps", seed=1, seconds=3.0).shape == (3 * SR, 2)
    # footsteps are separate steps about half a second apart
    steps = effect("footsteps", seed=1, seconds=3.0)
    assert 4 <= onsets(steps) <= 8
    # a whoosh sweeps upward and travels left to right
    w = effect("whoosh", seed=1, seconds=1.0)
    half = w.shape[0] // 2
    assert centroid(w[:half]) < centroid(w[half:])
    assert np.abs(w[:half, 0]).sum() > np.abs(w[:half, 1]).sum()
    with pytest.raises(UnknownNameError, match="effect"):
        effect("explosion")


def test_stings_and_open_endings() -> None:
    cues = [ScoreCue(0, 8, 0.4, role="setup"), ScoreCue(8, 16, 0.6, role="climax"), ScoreCue(16, 24, 0.3, "end", "open")]
    arr = arrange(cues, style=style("adventure"), genres=["adventure"], seed=1)
    stings = [n for n in arr.notes if n.role == "sting"]
    assert stings and all(abs(n.time - 8.0) < 1e-9 for n in stings)  # the climax arrives with a sting
    last_pad = [n for n in arr.sections[-1].notes if n.role == "pad"][-4:]
    assert {int(n.midi) % 12 for n in last_pad} == {(arr.key + i) % 12 for i in (5, 7, 12)}  # left hanging on IVsus2


def shot(i: int, beat: str, kind: str, frames: int, start: int, tension: float, place: str = "office",
         weather: str = "rain") -> Shot:
    return Shot(id=f"s{i}", beat=beat, episode=1, kind=kind, size="wide", move="static", frames=frames,
                start_frame=start, place="p", place_kind=place, time_of_day="night", weather=weather,
                lighting=Lighting(palette=["#000000", "#ffffff"]), tension=tension)


def test_cues_from_shots_follow_beats_and_frames() -> None:
    shots = ShotList(story_id="s", episode=1, fps=24, shots=[
        shot(0, "b1", "title", 72, 0, 0.2), shot(1, "b1", "establishing", 48, 72, 0.3),
        shot(2, "b1", "dialogue", 48, 120, 0.5), shot(3, "b2", "dialogue", 96, 168, 0.9), shot(4, "b2", "end", 72, 264, 0.4)])
    cues = cues_from_shots(shots, {"b1": "setup", "b2": "tragedy"})
    assert [(c.kind, c.start_s, c.end_s) for c in cues] == [("title", 0, 3), ("scene", 3, 7), ("scene", 7, 11), ("end", 11, 14)]
    assert cues[1].tension == pytest.approx(0.4) and cues[1].role == "setup" and cues[3].role == "tragedy"
    y = score(cues, style=style("noir"), genres=["noir"], seed=1, n_samples=shots.frames * SR // shots.fps)
    assert y.shape == (14 * SR, 2)


def test_ambience_for_shots_follows_the_places() -> None:
    shots = ShotList(story_id="s", episode=1, fps=24, shots=[
        shot(0, "b1", "title", 48, 0, 0.2), shot(1, "b1", "establishing", 96, 48, 0.3, "spaceship", "clear"),
        shot(2, "b1", "dialogue", 48, 144, 0.5, "spaceship", "clear"), shot(3, "b2", "scene", 96, 192, 0.9, "desert", "rain"),
        shot(4, "b2", "end", 48, 288, 0.4)])
    bed = ambience_for_shots(shots, seed=1)
    assert bed.shape == (14 * SR, 2) and np.all(np.isfinite(bed))
    assert not np.any(bed[: int(1.7 * SR)])  # the title card is silent (the fade starts 0.25 s before the scene)
    assert not np.any(bed[int(12.3 * SR):])  # and so is the end card
    assert centroid(bed[3 * SR:7 * SR]) < 400  # ship hum
    assert centroid(bed[9 * SR:11 * SR]) > 2000  # then rain
    assert bed.tobytes() == ambience_for_shots(shots, seed=1).tobytes()


# ---- the score streamed a cue at a time ----

def _cues() -> list[ScoreCue]:
    return [ScoreCue(0.0, 2.5, 0.2, "title"), ScoreCue(2.5, 9.0, 0.3, "scene", "setup"),
            ScoreCue(9.0, 15.0, 0.9, "scene", "crisis"), ScoreCue(15.0, 17.5, 0.5, "end", "triumph")]


def test_a_streamed_score_is_the_batch_score_taken_in_pieces() -> None:
    from dreamreel.synth.music.score import ScoreStream

    stream = ScoreStream(style=style("noir"), genres=["noir"], seed=4)
    parts = []
    for cue in _cues():
        stream.add(cue)
        parts.append(stream.take())  # whatever is final so far: everything before this cue's end
    parts.append(stream.finish())
    x = np.concatenate(parts)
    assert x.shape == (round(17.5 * SR), 2) and np.isfinite(x).all()
    # the same notes as the batch arrangement (same composer, same seed)
    batch = score(_cues(), style=style("noir"), genres=["noir"], seed=4)
    a, b = chroma(x), chroma(batch)
    assert np.abs(a - b).sum() < 0.15
    # no clicks where the pieces meet: no sample-to-sample jump larger than anywhere else
    edges = np.cumsum([p.shape[0] for p in parts[:-1]])
    jumps = np.abs(np.diff(x, axis=0)).max(axis=1)
    assert all(jumps[max(0, e - 1)] <= jumps.max() for e in edges if 0 < e < len(jumps))
    assert np.abs(x[-SR // 10:]).max() < 0.05, "the end fades out"


def test_a_streamed_score_does_not_depend_on_where_it_is_taken() -> None:
    """A live film takes the music wherever its viewer is (mid-cue, any sample); the same cues
    must sound the same however they were taken, reverb tails included."""
    from dreamreel.synth.music.score import ScoreStream

    def played(takes: list[float]) -> np.ndarray:
        stream = ScoreStream(style=style("noir"), genres=["noir"], seed=4)
        parts = []
        for cue in _cues():
            stream.add(cue)
            for t in takes:
                if t <= cue.end_s:
                    parts.append(stream.take(t))
            parts.append(stream.take())
        parts.append(stream.finish())
        return np.concatenate(parts)

    whole = played([])
    pieces = played([1.0, 3.30001, 3.3002, 7.77777, 9.5, 16.1])
    assert pieces.shape == whole.shape
    # the same to float rounding (a reverb started afresh each take differed by 0.15% of the peak)
    assert np.abs(pieces - whole).max() < 1e-5 * np.abs(whole).max()


def test_the_reverb_rings_for_its_time_and_no_longer() -> None:
    from dreamreel.synth.music.dsp import Reverb, reverb

    click = np.zeros(4 * SR, np.float32)
    click[100] = 1.0
    wet = reverb(click, SR, 1.5)
    level = 10 * np.log10(np.convolve(np.square(wet).sum(axis=1), np.ones(2400), "same") + 1e-30)
    peak = level.max()
    assert level[100 + int(0.1 * SR)] > peak - 15           # still ringing at 0.1 s
    assert peak - 75 < level[100 + int(1.5 * SR)] < peak - 40  # about -60 dB at its RT60
    assert level[100 + int(3.0 * SR)] < peak - 90            # and gone by twice it
    assert np.corrcoef(wet[SR // 2:SR, 0], wet[SR // 2:SR, 1])[0, 1] < 0.5  # wide: the sides differ
    # fed in pieces of any length, it is the same reverb
    r = Reverb(SR, 1.5)
    cuts = [0, 1, 4801, 4802, 77777, 4 * SR]
    assert np.array_equal(np.concatenate([r(click[a:b]) for a, b in zip(cuts, cuts[1:])]), wet)
    assert reverb(np.zeros(0, np.float32), SR).shape == (0, 2)  # nothing in, nothing out (was a crash)


def test_a_streamed_score_takes_only_what_is_final() -> None:
    from dreamreel.synth.music.score import ScoreStream

    stream = ScoreStream(style=style("scifi"), genres=["scifi"], seed=1)
    stream.add(ScoreCue(0.0, 4.0, 0.4, "scene"))
    assert stream.take(10.0).shape[0] == 4 * SR  # only up to the newest cue's end
    assert stream.take().shape[0] == 0
    with pytest.raises(BadInputError, match="before the last one ended"):
        stream.add(ScoreCue(3.0, 5.0, 0.4, "scene"))


@pytest.mark.parametrize("weather,place", [("clear", "desert"), ("clear", "cave"), ("snow", "mountain"), ("clear", "rooftop")])
def test_beds_made_at_half_the_rate_sound_as_at_the_full_rate(weather: str, place: str,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    # Wind, traffic, rails, drips and snow are made at half the rate and brought up
    # once: under 4 kHz every band must hold its share of the bed (their tones and their noise
    # keep their balance: noise is as dense per hertz at any rate).
    import sys

    amb = sys.modules["dreamreel.synth.music.ambience"]
    edges = [63, 125, 250, 500, 1000, 2000, 4000]

    def bands() -> np.ndarray:
        out = []
        for seed in range(6):
            f, p = signal.welch(ambience(weather, place, 12.0, seed=seed).mean(axis=1), SR, nperseg=8192)
            out.append([10 * np.log10(p[(f >= a) & (f < b)].sum() / p.sum()) for a, b in zip(edges[:-1], edges[1:])])
        return np.mean(out, axis=0)

    half = bands()
    monkeypatch.setattr(amb, "LOW_DIV", 1)  # every layer at the full rate
    full = bands()
    assert np.all(np.abs(half - full) < 1.5), (half - full).round(2)
