"""Media QC finds faults made on purpose, with time codes, and passes a clean film."""

from pathlib import Path

import numpy as np
import pytest

from dreamreel.edit.encode import Encoder
from dreamreel.edit.qc import check_frames, check_media, timecode

W, H, FPS, SR = 320, 240, 24, 48000


def moving(i: int) -> np.ndarray:
    f = np.empty((H, W, 3), np.uint8)
    f[:] = (60, 80, 120)
    x = (i * 6) % (W - 40)
    f[60:180, x : x + 40] = (240, 200, 90)
    return f


def speechlike(seconds: float, amp: float) -> np.ndarray:
    """A 220 Hz tone with a 3 Hz swell: steady loudness, never silent."""
    t = np.arange(int(seconds * SR)) / SR
    s = amp * np.sin(2 * np.pi * 220 * t) * (0.75 + 0.25 * np.sin(2 * np.pi * 3 * t))
    return np.stack([s, s], axis=1).astype(np.float32)


def make(path: Path, frames: list[np.ndarray], audio: np.ndarray) -> Path:
    with Encoder(path, width=W, height=H, fps=FPS) as enc:
        enc.write_audio(audio)
        for f in frames:
            enc.write_frame(f)
    return path


def test_a_clean_film_passes(tmp_path: Path) -> None:
    out = make(tmp_path / "clean.mp4", [moving(i) for i in range(96)], speechlike(4.0, 0.2))
    r = check_media(out, expect_seconds=4.0, fps=FPS, width=W, height=H, target_lufs=-16)
    assert r.clean, [str(p) for p in r.problems]
    assert r.measured["frames"] == 96 and r.measured["fps"] == FPS
    assert (r.measured["width"], r.measured["height"]) == (W, H)
    assert r.measured["audio_seconds"] == pytest.approx(4.0, abs=0.05)
    if "loudness_lufs" in r.measured:
        assert r.measured["loudness_lufs"] == pytest.approx(-16, abs=2)
    else:
        assert any("pyloudnorm" in n for n in r.notes)


def test_black_frozen_silent_and_clipped_parts_are_found_with_time_codes(tmp_path: Path) -> None:
    black = [np.zeros((H, W, 3), np.uint8)] * 36                 # 2.0 .. 3.5 s
    frozen = [moving(7)] * 96                                     # 3.5 .. 7.5 s
    frames = [moving(i) for i in range(48)] + black + frozen + [moving(i) for i in range(48)]  # 9.5 s
    audio = speechlike(9.5, 0.2)
    audio[int(4.0 * SR) : int(7.0 * SR)] = 0                      # 3 s of silence from 4.0 s
    audio[int(8.0 * SR) : int(8.5 * SR)] *= 8                     # driven into full scale at 8.0 s
    r = check_media(make(tmp_path / "bad.mp4", frames, audio), expect_seconds=9.5, fps=FPS, width=W, height=H)
    by_kind = {p.kind: p for p in r.problems}
    assert set(by_kind) >= {"black", "frozen", "silence", "clipping"}
    assert by_kind["black"].start == pytest.approx(2.0, abs=1 / FPS)
    assert by_kind["black"].end == pytest.approx(3.5, abs=1 / FPS)
    assert by_kind["black"].timecode == "00:00:02:00"
    assert by_kind["frozen"].start == pytest.approx(3.5, abs=2 / FPS)
    assert by_kind["frozen"].end == pytest.approx(7.5, abs=2 / FPS)
    assert by_kind["silence"].start == pytest.approx(4.0, abs=0.1)
    assert by_kind["silence"].end == pytest.approx(7.0, abs=0.1)
    assert by_kind["clipping"].start == pytest.approx(8.0, abs=0.05)
    assert r.ok  # content faults are warnings; the file itself is sound
    assert str(by_kind["black"]).startswith("00:00:02:00 warning black")


def test_wrong_plan_length_size_and_short_audio_are_errors(tmp_path: Path) -> None:
    out = make(tmp_path / "f.mp4", [moving(i) for i in range(48)], speechlike(1.0, 0.2))
    r = check_media(out, expect_seconds=2.5, fps=FPS, width=640, height=360, target_lufs=None)
    assert not r.ok
    assert {"duration", "resolution", "sync"} <= r.kinds()
    sync = next(p for p in r.problems if p.kind == "sync")
    assert sync.start == pytest.approx(1.0, abs=0.05) and "picture 2.000 s" in sync.message


def test_check_frames_flags_a_failed_shot_before_encoding() -> None:
    shot = [moving(i) for i in range(12)] + [np.zeros((H, W, 3), np.uint8)] * 30
    r = check_frames(shot, fps=FPS, width=W, height=H, start_seconds=10.0)
    (black,) = r.problems
    assert black.kind == "black" and black.start == pytest.approx(10.5) and black.timecode == timecode(10.5, FPS)
    still = check_frames([moving(3)] * 80, fps=FPS)
    assert still.kinds() == {"frozen"}
    wrong = check_frames([moving(0), np.zeros((H, W), np.uint8)], fps=FPS, width=W, height=H)
    assert wrong.kinds() == {"resolution"} and not wrong.ok
    assert check_frames([moving(i) for i in range(48)], fps=FPS).clean


def test_without_pyloudnorm_loudness_is_skipped_with_a_note(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(__import__("sys").modules, "pyloudnorm", None)  # as if not installed
    out = make(tmp_path / "f.mp4", [moving(i) for i in range(24)], speechlike(1.0, 0.2))
    r = check_media(out, expect_seconds=1.0, fps=FPS, width=W, height=H)
    assert "loudness_lufs" not in r.measured
    assert r.notes == ["loudness not measured: pyloudnorm is not installed (pip install pyloudnorm)"]


def test_qc_finds_the_ai_label_on_the_picture_and_flags_a_film_without_it(tmp_path: Path) -> None:
    from dreamreel.edit.label import labelled
    from dreamreel.edit.qc import check_render
    from dreamreel.model import Label

    label = Label()
    frames = [moving(i) for i in range(96)]
    audio = speechlike(4.0, 0.2)
    flags = np.zeros(96, bool)
    with_label = make(tmp_path / "labelled.mp4", [f.copy() for f in labelled(frames, label, W, H)], audio)
    without = make(tmp_path / "bare.mp4", frames, audio)
    for path, ok in ((with_label, True), (without, False)):
        r = check_render(path, expect_seconds=4.0, fps=FPS, width=W, height=H, black=flags, same=flags,
                         audio=audio, sample_rate=SR, label=label)
        found = [p for p in r.problems if p.kind == "label"]
        assert (not found) == ok, [str(p) for p in r.problems]
        assert r.measured["label_missing"] == (0 if ok else r.measured["label_samples"])


def test_the_mix_loudness_qc_reads_is_the_standards() -> None:
    # QC measures with the vectorised twin of pyloudnorm's meter: the figure must be pyloudnorm's.
    import pyloudnorm

    from dreamreel.edit.qc import check_sound

    audio = speechlike(12.0, 0.3)
    audio[int(3.0 * SR): int(6.0 * SR)] *= 0.05     # a quiet stretch (under the relative gate)
    audio[int(8.0 * SR): int(8.3 * SR)] = 0          # and a gap
    r = check_sound(audio, SR, fps=FPS)
    expected = pyloudnorm.Meter(SR).integrated_loudness(audio.astype(np.float64))
    assert r.measured["loudness_lufs"] == pytest.approx(expected, abs=0.01)
    assert r.measured["peak_dbfs"] == pytest.approx(20 * np.log10(np.abs(audio).max()), abs=0.01)
