"""The sound mix: loudness measured with pyloudnorm, peaks, ducking under speech, resampling."""

import numpy as np
import pyloudnorm
import pytest
from scipy import signal

from dreamreel.edit.mix import MixReport, Placed, dialogue_loudness, mix, resample
from dreamreel.errors import BadInputError
from dreamreel.model.bible import StyleGuide
from dreamreel.synth.music import ScoreCue, score
from dreamreel.synth.music.ambience import ambience

SR = 48000
VOICE_SR = 22050


def speech_like(seconds: float, seed: int, sr: int = VOICE_SR) -> np.ndarray:
    """A voiced buzz through a vowel band, chopped into syllables (4 a second): speech's shape."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * sr)) / sr
    phase = np.cumsum(200 * (1 + 0.1 * np.sin(2 * np.pi * 0.7 * t)) / sr)
    buzz = np.sign(np.sin(2 * np.pi * phase)) * 0.5 + np.sin(2 * np.pi * phase)
    vowel = signal.sosfilt(signal.butter(2, (500, 2500), "bandpass", fs=sr, output="sos"), buzz)
    syllables = np.clip(np.sin(2 * np.pi * 4 * t + rng.uniform(0, 6)), 0, None) ** 0.5
    return (vowel * syllables * 0.3).astype(np.float32)


def band_rms(x: np.ndarray, lo: float, hi: float) -> float:
    sos = signal.butter(4, (lo, hi), "bandpass", fs=SR, output="sos")
    return float(np.sqrt(np.mean(signal.sosfilt(sos, x.mean(axis=1)) ** 2)))


@pytest.fixture(scope="module")
def film() -> tuple[list[Placed], np.ndarray, np.ndarray]:
    st = StyleGuide(look="test", palette=["#000000", "#ffffff"], era="1940s", music="smoky jazz: muted trumpet")
    music = score([ScoreCue(0, 10, 0.4, "title"), ScoreCue(10, 20, 0.8)], style=st, genres=["noir"], seed=1)
    amb = ambience("rain", "city_street", 20.0, seed=1)
    lines = [Placed(int(s * SR), resample(speech_like(d, i), VOICE_SR, SR), p)
             for i, (s, d, p) in enumerate([(2.0, 3.0, -0.3), (7.0, 2.5, 0.3), (13.0, 4.0, 0.0)])]
    return lines, music, amb


def test_mix_hits_target_loudness_without_clipping(film) -> None:  # type: ignore[no-untyped-def]
    lines, music, amb = film
    out, report = mix(lines, music, amb, sample_rate=SR, total_samples=20 * SR)
    assert out.shape == (20 * SR, 2) and out.dtype == np.float32 and np.all(np.isfinite(out))
    measured = pyloudnorm.Meter(SR).integrated_loudness(out.astype(np.float64))
    assert abs(measured - (-16.0)) <= 0.5
    assert abs(report.lufs - measured) < 0.01
    assert np.abs(out).max() <= 0.99 and report.peak <= 0.99
    assert report.true_peak_dbtp is not None and report.true_peak_dbtp < 0.0
    assert report.lines == 3 and report.truncated_lines == 0 and not report.silent
    MixReport.model_validate_json(report.model_dump_json())  # the report is plain JSON for QC


def test_other_targets(film) -> None:  # type: ignore[no-untyped-def]
    lines, music, amb = film
    out, _ = mix(lines, music, amb, sample_rate=SR, total_samples=20 * SR, target_lufs=-23.0)
    assert abs(pyloudnorm.Meter(SR).integrated_loudness(out.astype(np.float64)) + 23.0) <= 0.5


def test_music_ducks_under_dialogue(film) -> None:  # type: ignore[no-untyped-def]
    lines, music, _ = film
    total = 20 * SR
    with_voice, report = mix(lines, music, None, sample_rate=SR, total_samples=total)
    without, _ = mix([], music, None, sample_rate=SR, total_samples=total)
    # music's low end (below the voice's 200 Hz fundamental) inside line 3 versus a stretch with no speech,
    # compared between the two mixes so the music's own ups and downs cancel
    inside, outside = slice(14 * SR, 16 * SR), slice(18 * SR, 20 * SR)
    drop_with = band_rms(with_voice[inside], 40, 120) / band_rms(with_voice[outside], 40, 120)
    drop_without = band_rms(without[inside], 40, 120) / band_rms(without[outside], 40, 120)
    ducked_db = 20 * np.log10(drop_without / drop_with)
    assert 8.0 < ducked_db < 14.0
    assert 10.0 <= report.ducking_db <= 12.0


def test_ducking_is_smooth_and_recovers() -> None:
    total = 8 * SR
    t = np.arange(total) / SR
    tone = (0.3 * np.sin(2 * np.pi * 60 * t)).astype(np.float32)  # a steady bed makes the gain curve visible
    line = resample(speech_like(2.0, 0), VOICE_SR, SR)
    out, _ = mix([Placed(3 * SR, line)], tone, None, sample_rate=SR, total_samples=total)
    sos = signal.butter(4, (45, 80), "bandpass", fs=SR, output="sos")
    bed = np.abs(signal.hilbert(signal.sosfilt(sos, out[:, 0])))
    before, under, after = bed[int(1.5 * SR):int(2.5 * SR)].mean(), bed[int(3.5 * SR):int(4.5 * SR)].mean(), bed[7 * SR:int(7.8 * SR)].mean()
    assert 20 * np.log10(before / under) > 9.0
    assert abs(20 * np.log10(before / after)) < 1.0  # back up after the release
    # no step: an 11 dB duck spread over a 60 ms attack moves under 2.5 dB in any 10 ms
    env = 20 * np.log10(bed[int(1.0 * SR):int(6.0 * SR):480] + 1e-9)
    assert np.abs(np.diff(env)).max() < 2.5


def test_the_beds_go_deeper_under_the_narrators_voice_over() -> None:
    total = 8 * SR
    t = np.arange(total) / SR
    tone = (0.3 * np.sin(2 * np.pi * 60 * t)).astype(np.float32)
    line = resample(speech_like(2.0, 0), VOICE_SR, SR)
    sos = signal.butter(4, (45, 80), "bandpass", fs=SR, output="sos")

    def under(voice_over: bool) -> float:  # the bed under the line against the bed before it, dB
        out, _ = mix([Placed(3 * SR, line, 0.0, voice_over)], tone, None, sample_rate=SR, total_samples=total)
        bed = np.abs(signal.hilbert(signal.sosfilt(sos, out[:, 0])))
        return float(20 * np.log10(bed[int(1.5 * SR):int(2.5 * SR)].mean() / bed[int(3.5 * SR):int(4.5 * SR)].mean()))
    in_scene, voice_over = under(False), under(True)
    assert 9.0 < in_scene and 6.0 < voice_over - in_scene < 10.0


def test_where_the_beds_drop_out_the_place_keeps_its_room_tone(film) -> None:  # type: ignore[no-untyped-def]
    lines, music, amb = film
    total = 20 * SR
    hush = np.ones(total, np.float32)
    hush[int(5.5 * SR):int(6.8 * SR)] = 0.0  # between lines 1 and 2: the story calls for quiet
    _, _, stems = mix(lines, music, amb, sample_rate=SR, total_samples=total, bed_gain=hush, stems=True)
    _, _, silent = mix(lines, music, amb, sample_rate=SR, total_samples=total, bed_gain=hush, stems=True,
                       room_lu=None)
    quiet = slice(int(5.8 * SR), int(6.6 * SR))
    meter = pyloudnorm.Meter(SR, block_size=0.2)
    assert np.abs(stems.music[quiet]).max() < 1e-4  # the score stops
    assert not silent.effects[quiet].any()  # (as it was: digital zero)
    # the rain goes on, 44 LU under the dialogue: about -60 LUFS in a film at -16, not zero
    room = meter.integrated_loudness(stems.effects[quiet].astype(np.float64))
    speech = meter.integrated_loudness(stems.dialogue[int(2.2 * SR):int(4.8 * SR)].astype(np.float64))
    assert -50 < room - speech < -38, (room, speech)


def test_a_line_then_long_silence_is_measured_as_pyloudnorm_measures_it() -> None:
    # The mix's meter guards its filters against denormals (silence after a line): the figure
    # must still be the standard's, and a silent stretch must stay silent.
    line = resample(speech_like(2.0, 5), VOICE_SR, SR)
    out, report = mix([Placed(SR // 2, line)], None, None, sample_rate=SR, total_samples=12 * SR)
    measured = pyloudnorm.Meter(SR).integrated_loudness(out.astype(np.float64))
    assert abs(measured + 16.0) <= 0.1 and abs(report.lufs - measured) < 0.01
    assert not np.any(out[4 * SR:])


def test_silence_is_a_defined_result() -> None:
    out, report = mix([], np.zeros((SR, 2), dtype=np.float32), None, sample_rate=SR, total_samples=SR)
    assert out.shape == (SR, 2) and not np.any(out)
    assert report.silent and report.lufs is None and report.peak == 0.0
    out, report = mix([Placed(0, np.zeros(1000, dtype=np.float32))], None, None, sample_rate=SR, total_samples=2000)
    assert report.silent and np.all(np.isfinite(out))


def test_music_alone_and_short_mixes(film) -> None:  # type: ignore[no-untyped-def]
    _, music, _ = film
    out, report = mix([], music, None, sample_rate=SR, total_samples=20 * SR)
    assert abs(pyloudnorm.Meter(SR).integrated_loudness(out.astype(np.float64)) + 16.0) <= 0.5
    assert report.ducking_db == 0.0
    # shorter than one 400 ms gating block: still measured and normalised
    short, report = mix([], music[: SR // 10], None, sample_rate=SR, total_samples=SR // 10)
    assert short.shape == (SR // 10, 2) and report.lufs is not None and abs(report.lufs + 16.0) <= 0.5


def test_lines_are_placed_panned_and_cut_at_the_end() -> None:
    line = resample(speech_like(1.0, 3), VOICE_SR, SR)
    out, report = mix([Placed(SR // 2, line, -1.0)], None, None, sample_rate=SR, total_samples=SR)
    assert np.abs(out[: SR // 2]).max() == 0.0  # nothing before the line starts
    assert np.abs(out[SR // 2:, 1]).max() < 1e-6 < np.abs(out[SR // 2:, 0]).max()  # hard left
    assert report.truncated_lines == 1


def test_mix_is_deterministic(film) -> None:  # type: ignore[no-untyped-def]
    lines, music, amb = film
    a, _ = mix(lines, music, amb, sample_rate=SR, total_samples=20 * SR)
    b, _ = mix(lines, music, amb, sample_rate=SR, total_samples=20 * SR)
    assert a.tobytes() == b.tobytes()


def test_bad_input_is_named() -> None:
    ok = np.zeros(100, dtype=np.float32)
    with pytest.raises(BadInputError, match=r"dialogue\[0\].*outside"):
        mix([Placed(SR, ok)], None, None, sample_rate=SR, total_samples=SR)
    with pytest.raises(BadInputError, match=r"dialogue\[0\].*NaN"):
        mix([Placed(0, np.full(100, np.nan, dtype=np.float32))], None, None, sample_rate=SR, total_samples=SR)
    with pytest.raises(BadInputError, match=r"dialogue\[0\].*mono"):
        mix([Placed(0, np.zeros((100, 2), dtype=np.float32))], None, None, sample_rate=SR, total_samples=SR)
    with pytest.raises(BadInputError, match="music"):
        mix([], np.zeros((100, 3), dtype=np.float32), None, sample_rate=SR, total_samples=SR)
    with pytest.raises(BadInputError, match="total_samples"):
        mix([], None, None, sample_rate=SR, total_samples=0)


def test_resample_keeps_pitch_and_length() -> None:
    t = np.arange(VOICE_SR) / VOICE_SR
    tone = np.sin(2 * np.pi * 1000 * t).astype(np.float32)
    up = resample(tone, VOICE_SR, SR)
    assert up.dtype == np.float32 and up.shape == (SR,)
    freqs = np.fft.rfftfreq(SR, 1 / SR)
    assert abs(freqs[np.argmax(np.abs(np.fft.rfft(up)))] - 1000) <= 1
    assert resample(np.zeros((VOICE_SR, 2), dtype=np.float32), VOICE_SR, SR).shape == (SR, 2)
    with pytest.raises(BadInputError):
        resample(tone, 0, SR)


def test_a_piece_of_a_scene_keeps_its_dialogue_where_the_whole_scene_puts_it(film) -> None:  # type: ignore[no-untyped-def]
    # a quiet line, then two loud ones: normalised alone, the quiet line's piece would be pushed
    # up to the target; given the whole scene's dialogue loudness it stays where the scene has it
    lines, music, amb = film
    quiet = [lines[0]._replace(samples=lines[0].samples * np.float32(0.25)), *lines[1:]]
    n = 6 * SR  # the first line's piece
    scene = dialogue_loudness(quiet, sample_rate=SR, total_samples=20 * SR)
    kw = {"sample_rate": SR, "stems": True}
    _, _, whole = mix(quiet, music, amb, total_samples=20 * SR, **kw)
    _, _, alone = mix(quiet[:1], music[:n], amb[:n], total_samples=n, **kw)
    out, report, piece = mix(quiet[:1], music[:n], amb[:n], total_samples=n, dialogue_lufs=scene, **kw)
    said = slice(2 * SR, 5 * SR)

    def db(x: np.ndarray) -> float:
        return 20 * float(np.log10(np.sqrt(np.mean(np.square(x[said], dtype=np.float64)))))
    assert abs(db(piece.dialogue) - db(whole.dialogue)) < 1.0  # (the beds around it are the piece's own)
    assert db(alone.dialogue) - db(whole.dialogue) > 4.0  # what the piece would have been, mixed on its own
    measured = pyloudnorm.Meter(SR).integrated_loudness(out.astype(np.float64))
    assert report.lufs is not None and abs(report.lufs - measured) < 0.01 and abs(measured - report.target_lufs) < 0.1


def test_a_mix_the_limiter_works_hard_on_is_still_measured_as_pyloudnorm_measures_it() -> None:
    # The mix measures the limited mix from the weighted unlimited one, filtering again only
    # where the limiter moved the gain: the figure must be the standard's all the same.
    rng = np.random.default_rng(4)
    n = 12 * SR
    t = np.arange(n) / SR
    music = (np.sin(2 * np.pi * 110 * t) * 0.2)[:, None].repeat(2, axis=1).astype(np.float32)
    hits = np.zeros((n, 2), np.float32)
    for at in rng.integers(0, n - SR // 10, 30):  # thirty sharp hits far over the music
        hits[at:at + SR // 10] += rng.uniform(-1, 1, (SR // 10, 2)).astype(np.float32) * np.exp(-np.arange(SR // 10) / 400)[:, None]
    out, report = mix([], music, None, sample_rate=SR, total_samples=n, effects=hits, effects_lu=6.0, target_lufs=-9.0)
    measured = pyloudnorm.Meter(SR).integrated_loudness(out.astype(np.float64))
    assert report.limiter_db > 3.0  # the limiter took the hits down
    assert report.lufs is not None and abs(report.lufs - measured) < 0.01 and abs(measured + 9.0) < 0.1
    assert np.abs(out).max() <= 10 ** (-1 / 20) + 1e-6
