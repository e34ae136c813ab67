"""Lip sync: how open a puppet's mouth is on each video frame, from its own voice track.

The loudness envelope is a good, cheap proxy for jaw opening in 2D animation: RMS over each
frame's window, scaled against the line's loud frames, eased with a fast attack and a
slower release (mouths snap open and drift shut), and gated so that pauses read as a
closed mouth rather than a flutter.
"""

from __future__ import annotations

import math

import numpy as np

from .base import Speech

#: Frames quieter than this (dB under the line's loud frames) are silence: mouth shut.
GATE_DB = -32.0
ATTACK = 0.8   # share of the way to a louder target covered in one frame
RELEASE = 0.45  # ... and to a quieter one


def mouth_track(speech: Speech, fps: int) -> np.ndarray:
    """Mouth openness 0..1 (float32), one value a video frame: ``ceil(duration * fps)`` of them."""
    n = max(1, math.ceil(speech.duration * fps - 1e-9))
    x = speech.samples.astype(np.float64)
    if len(x) == 0:
        return np.zeros(n, np.float32)
    # Window k covers [k, k+1) / fps, widened by half a frame each side for smoothness.
    energy = np.concatenate([[0.0], np.cumsum(x * x)])
    centers = (np.arange(n) + 0.5) / fps * speech.sample_rate
    half = speech.sample_rate / fps
    lo = np.clip(np.round(centers - half), 0, len(x)).astype(np.int64)
    hi = np.clip(np.round(centers + half), 0, len(x)).astype(np.int64)
    rms = np.sqrt((energy[hi] - energy[lo]) / np.maximum(hi - lo, 1))
    loud = float(np.percentile(rms, 90)) if rms.max() > 1e-6 else 0.0
    if loud <= 1e-6:
        return np.zeros(n, np.float32)
    open_ = np.clip(rms / loud, 0.0, 1.0) ** 0.7
    voiced = rms > loud * 10 ** (GATE_DB / 20)
    target = np.where(voiced, open_, 0.0)
    out = np.empty(n)
    level = 0.0
    for k in range(n):  # a few hundred frames a line: a plain loop is clear and fast enough
        rate = ATTACK if target[k] > level else RELEASE
        level += rate * (target[k] - level)
        out[k] = level if voiced[k] else 0.0
    return out.astype(np.float32)
