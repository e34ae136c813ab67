"""Formant-aware voice conversion: one recorded voice reshaped into a designed one.

    speech (the base voice) -> Praat "Change gender": pitch median, pitch range and
    vocal-tract length (formant shift) moved together, by PSOLA at the base's own
    duration -> breath (aspiration noise under the voice's envelope) -> a whisper is the
    line's own spectral envelope (LPC) over noise -> level

Praat (through praat-parselmouth) does the hard part: moving pitch without the vocal tract
is what made every woman sound like tape played fast. Pitch analysis can fail on a line with
almost no voicing ("Hm."): then pitch and formants move together by resampling, as before.
Praat's PSOLA draws random numbers (for unvoiced stretches): its generator is seeded from the
line's seed, so the same line comes out the same every time.
"""

from __future__ import annotations

import importlib.util
import threading
from fractions import Fraction

import numpy as np
from scipy.signal import butter, resample_poly, sosfilt

from ...errors import MissingDependencyError
from ...model import VoiceSpec
from .base import leveled

__all__ = ["available", "median_pitch", "reshape", "INSTALL"]

INSTALL = "pip install praat-parselmouth"
#: The base voice's pitch search range (an adult man's, generously).
FLOOR_HZ, CEILING_HZ = 60.0, 300.0


_PRAAT = threading.Lock()


def available() -> bool:
    return importlib.util.find_spec("parselmouth") is not None


def _require() -> None:
    if not available():
        raise MissingDependencyError(f"designed voices need Praat: run `{INSTALL}`")


def median_pitch(samples: np.ndarray, sample_rate: int, floor: float = FLOOR_HZ, ceiling: float = 500.0) -> float | None:
    """Median pitch (Hz) of voiced frames, None when nothing is voiced."""
    _require()
    import parselmouth

    snd = parselmouth.Sound(np.asarray(samples, np.float64), sample_rate)
    f0 = snd.to_pitch(pitch_floor=floor, pitch_ceiling=ceiling).selected_array["frequency"]
    voiced = f0[f0 > 0]
    return float(np.median(voiced)) if voiced.size else None


def _fit(x: np.ndarray, n: int) -> np.ndarray:
    """Exactly ``n`` samples (PSOLA lands within a few samples of the input's length)."""
    if len(x) >= n:
        return x[:n]
    return np.concatenate([x, np.zeros(n - len(x), x.dtype)])


def _by_resampling(x: np.ndarray, ratio: float) -> np.ndarray:
    """Pitch and formants up by ``ratio`` and duration kept: the fallback (tape-like but safe)."""
    if abs(ratio - 1) < 1e-3:
        return x
    r = Fraction(1 / ratio).limit_denominator(48)
    return resample_poly(x, r.numerator, r.denominator)


def _envelope(x: np.ndarray, sr: int, smooth_s: float = 0.02) -> np.ndarray:
    w = max(1, int(smooth_s * sr))
    return np.convolve(np.abs(x), np.ones(w) / w, mode="same")


def _breath(x: np.ndarray, sr: int, amount: float, rng: np.random.Generator) -> np.ndarray:
    """Aspiration: high-band noise shaped by the voice's own envelope, in proportion to ``amount``."""
    sos = butter(2, [1200, min(7000, sr / 2 - 100)], btype="bandpass", fs=sr, output="sos")
    noise = sosfilt(sos, rng.standard_normal(len(x)))
    noise *= _envelope(x, sr) / (np.sqrt(np.mean(noise ** 2)) + 1e-9)
    return x * (1 - 0.25 * amount) + noise * 0.5 * amount


def _whisper(x: np.ndarray, sr: int, rng: np.random.Generator) -> np.ndarray:
    """The line's own vocal-tract filter (LPC, frame by frame) driven by noise: unvoiced speech."""
    import parselmouth
    from parselmouth.praat import call

    snd = parselmouth.Sound(x, sr)
    lpc = call(snd, "To LPC (burg)", 16, 0.025, 0.005, 50.0)
    noise = parselmouth.Sound(rng.standard_normal(len(x)) * 0.1, sr)
    out = call([noise, lpc], "Filter", "no").values[0]
    # keep the original's loudness contour (silences stay silent)
    out *= _envelope(x, sr) / (_envelope(out, sr) + 1e-6)
    return out


def reshape(samples: np.ndarray, sample_rate: int, voice: VoiceSpec, *, base_hz: float, seed: int = 0) -> np.ndarray:
    """The base voice's line as ``voice`` says (median, tract, range, breath, whisper, level).

    ``base_hz`` is the base voice's usual median: with the voice's median unset the line is
    only shaped (breath, level), never moved. Same input and seed, same output.
    """
    _require()
    import parselmouth
    from parselmouth.praat import call

    x = np.asarray(samples, np.float64)
    n = len(x)
    if n == 0:
        return samples
    rng = np.random.default_rng([seed % 2**63, 7])
    tract = voice.tract if voice.tract is not None else 1.0
    median = voice.median_hz
    moved = median is not None and (abs(tract - 1) > 1e-3 or abs(median / base_hz - 1) > 0.01
                                    or abs(voice.pitch_range - 1) > 1e-3)
    if moved:
        snd = parselmouth.Sound(x, sample_rate)
        try:
            with _PRAAT:  # Praat's PSOLA draws random numbers from one global generator
                parselmouth.praat.run(f"random_initializeWithSeedUnsafelyButPredictably ({seed % 2**31})")
                try:
                    out = call(snd, "Change gender", FLOOR_HZ, CEILING_HZ, tract, median, voice.pitch_range, 1.0)
                finally:
                    parselmouth.praat.run("random_initializeSafelyAndUnpredictably ()")
            y = out.values[0]
            if out.sampling_frequency != sample_rate:
                y = resample_poly(y, int(sample_rate), int(round(out.sampling_frequency)))
            x = _fit(np.asarray(y, np.float64), n)
        except parselmouth.PraatError:
            x = _fit(_by_resampling(x, median / base_hz), n)
    if voice.whisper:
        x = _whisper(x, sample_rate, rng)
    elif voice.breath > 0.01:
        x = _breath(x, sample_rate, voice.breath, rng)
    return leveled(x, voice.level_db)
