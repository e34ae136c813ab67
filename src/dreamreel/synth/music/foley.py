"""Spot effects: the sounds the action makes (a gavel, a splash, a knock, a fall, a punch).

Each is synthesised from a physical sketch (a struck wooden block's damped modes, a bell's
inharmonic partials, noise through the right band with the right decay), stereo float32,
deterministic per seed, peaking at 0.7; the mixer sets the level. The door, footsteps,
thunder and whoosh live with the ambience (:func:`.ambience.effect`); :func:`spot` plays any
of them by name.
"""

import numpy as np

from ...errors import UnknownNameError
from .ambience import EFFECTS as AMBIENCE_EFFECTS
from .ambience import effect
from .dsp import pan, sos_filter

SPOTS = ("gavel", "knock", "splash", "thud", "punch", "bell", "gunshot", "glass", "running")
ALL = tuple(AMBIENCE_EFFECTS) + SPOTS


def _modes(freqs: tuple[float, ...], decays: tuple[float, ...], n: int, sr: int,
           rng: np.random.Generator) -> np.ndarray:
    """A struck object: a few damped sinusoids, slightly detuned per strike."""
    t = np.arange(n) / sr
    out = np.zeros(n, np.float32)
    for f, d in zip(freqs, decays):
        f = f * rng.uniform(0.98, 1.02)
        out += (np.sin(2 * np.pi * f * t) * np.exp(-t / d)).astype(np.float32)
    return out


def _click(n: int, sr: int, rng: np.random.Generator, band: tuple[float, float], decay: float) -> np.ndarray:
    t = np.arange(n) / sr
    return sos_filter(rng.standard_normal(n).astype(np.float32), "bandpass", band, sr) * np.exp(-t / decay).astype(np.float32)


def _raps(count: int, gap: float, freqs: tuple[float, ...], sr: int, rng: np.random.Generator) -> np.ndarray:
    k = int(0.25 * sr)
    mono = np.zeros(int((gap * (count - 1) + 0.4) * sr), np.float32)
    for i in range(count):
        at = int(i * gap * sr)
        hit = _modes(freqs, (0.05, 0.035, 0.02), k, sr, rng) + 2.0 * _click(k, sr, rng, (1500.0, 6000.0), 0.004)
        mono[at:at + k] += hit * (1.0 if i < count - 1 else 1.2)
    return mono


def _peak(x: np.ndarray, level: float = 0.7) -> np.ndarray:
    p = float(np.abs(x).max())
    return (x * (level / p)).astype(np.float32) if p > 0 else x.astype(np.float32)


def spot(name: str, *, seed: int = 0, sample_rate: int = 48000, position: float = 0.0) -> np.ndarray:
    """A stereo spot effect by name (any of :data:`ALL`), placed at ``position`` (-1 .. 1)."""
    if name in AMBIENCE_EFFECTS:
        return effect(name, seed=seed, sample_rate=sample_rate)
    if name not in SPOTS:
        raise UnknownNameError(f"unknown effect {name!r}; known: {', '.join(ALL)}", where="effect")
    sr = sample_rate
    rng = np.random.default_rng([seed, 29, SPOTS.index(name)])
    if name == "gavel":      # hardwood on a block: bright, short, three raps
        mono = _raps(3, 0.32, (820.0, 1900.0, 3100.0), sr, rng)
    elif name == "knock":    # knuckles on a door: lower and duller
        mono = _raps(3, 0.22, (180.0, 420.0, 900.0), sr, rng)
    elif name == "splash":   # a burst of broadband water, then bubbles and drips settling
        n = int(1.6 * sr)
        t = np.arange(n) / sr
        burst = sos_filter(rng.standard_normal(n).astype(np.float32), "bandpass", (300.0, 6000.0), sr)
        mono = burst * (np.exp(-t / 0.25) * (1 - np.exp(-t / 0.01))).astype(np.float32)
        for _ in range(18):
            at = int(rng.uniform(0.1, 1.3) * sr)
            k = int(0.05 * sr)
            f = rng.uniform(600, 1800)
            tt = np.arange(k) / sr
            mono[at:at + k] += (0.3 * np.sin(2 * np.pi * f * (1 + 2 * tt) * tt) * np.exp(-tt / 0.015)).astype(np.float32)
    elif name == "thud":     # a body on the floor
        n = int(0.8 * sr)
        t = np.arange(n) / sr
        mono = (np.sin(2 * np.pi * 55 * t) * np.exp(-t / 0.12)).astype(np.float32) * 2
        mono += sos_filter(rng.standard_normal(n).astype(np.float32), "lowpass", 400.0, sr) * np.exp(-t / 0.05).astype(np.float32)
    elif name == "punch":    # a low slap
        n = int(0.4 * sr)
        t = np.arange(n) / sr
        mono = (np.sin(2 * np.pi * 90 * t) * np.exp(-t / 0.05)).astype(np.float32) * 1.5
        mono += 1.5 * _click(n, sr, rng, (800.0, 4000.0), 0.008)
    elif name == "bell":     # a church or ship's bell: inharmonic partials, long decay
        n = int(3.5 * sr)
        f0 = rng.uniform(320, 420)
        mono = _modes(tuple(f0 * r for r in (0.5, 1.0, 1.19, 1.5, 2.0, 2.52)), (2.5, 1.8, 1.2, 0.9, 0.6, 0.4), n, sr, rng)
    elif name == "gunshot":  # a crack and its room
        n = int(1.5 * sr)
        t = np.arange(n) / sr
        mono = sos_filter(rng.standard_normal(n).astype(np.float32), "lowpass", 5000.0, sr) * np.exp(-t / 0.18).astype(np.float32)
        mono[: int(0.01 * sr)] *= 4
    elif name == "glass":    # a glass breaking: bright pings over a crash
        n = int(1.2 * sr)
        t = np.arange(n) / sr
        mono = _click(n, sr, rng, (2000.0, 9000.0), 0.12)
        for _ in range(8):
            at, k = int(rng.uniform(0.0, 0.6) * sr), int(0.3 * sr)
            mono[at:at + k] += 0.3 * _modes((rng.uniform(2500, 6000),), (0.08,), min(k, n - at), sr, rng)
    else:                    # running: quick, heavy steps
        n = int(2.0 * sr)
        mono = np.zeros(n, np.float32)
        k = int(0.1 * sr)
        tt = np.arange(k) / sr
        at = 0
        while at + k < n:
            mono[at:at + k] += (sos_filter(rng.standard_normal(k).astype(np.float32), "lowpass", 350.0, sr)
                                * np.exp(-tt / 0.02) * 3).astype(np.float32)
            at += int(rng.uniform(0.26, 0.31) * sr)
    return _peak(pan(mono.astype(np.float32), position))
