"""A heartbeat under the score, laid onto a live film's sound just before it streams.

The mix of a beat is made whole when the beat is cut, seconds ahead of the viewer; a live film
holds the mixed sound back until its pictures go into the stream (``production._InOrder``), so
a layer added there is heard about a second after it is asked for, inside the beat playing.
The director asks for it when a viewer turns restless (``director.drama.DramaManager.pulse``):
a low double thump (lub-dub) at the top of the genre's tempo range, the score's drums at full
tension, so the scene drives harder without a word or a frame changed.

``Heartbeat`` is a filter: ``beat(samples, at)`` takes a piece of the film's sound (``(n, 2)``
float32) starting at film sample ``at`` and returns it with the pulse on it where it throbs.
``turn(on, shown)`` starts or stops it from the next piece handed to it (it fades in and out
over ``FADE_S``: a layer that cut in mid-thump would click); ``shown(at_s)`` is told the film
second it starts or stops at. Beats fall on a grid counted from the film's start, so pieces
joined end to end throb evenly. Peaks the pulse would push past ``KNEE`` are rounded off
softly, below it the mix is untouched.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import numpy as np

#: How loud a thump peaks (linear, full scale 1): a heartbeat felt under the words, not over them.
LEVEL = 0.22
#: Seconds the pulse takes to come in or go.
FADE_S = 0.5
#: The score's intensity (0 sparse chords .. 1 drums and running eighths) a pulse adds towards 1:
#: what the harness reports as made (``harness.ScoreMade``), the pulse being drums at full tension.
LIFT = 0.35
#: Above this the mix with the pulse on it is rounded off (soft knee up to full scale).
KNEE = 0.85
_SECOND_THUMP = 0.22   # seconds from lub to dub
_FREQ = (58.0, 116.0)  # a low thump, with an octave small speakers can play


def _thump(sample_rate: int) -> np.ndarray:
    n = round(0.2 * sample_rate)
    t = np.arange(n) / sample_rate
    env = np.exp(-t / 0.045) * np.minimum(1.0, t / 0.004)
    wave = np.sin(2 * np.pi * _FREQ[0] * t) + 0.45 * np.sin(2 * np.pi * _FREQ[1] * t)
    return (env * wave / 1.45).astype(np.float32)


def soft_knee(x: np.ndarray, knee: float = KNEE) -> np.ndarray:
    """``x`` with what lies past ``knee`` bent smoothly under full scale (continuous, monotone)."""
    a = np.abs(x)
    over = a > knee
    if not over.any():
        return x
    room = 1.0 - knee
    y = x.copy()
    y[over] = np.sign(x[over]) * (knee + room * np.tanh((a[over] - knee) / room))
    return y


class Heartbeat:
    """The pulse a live film lays on its sound (see the module's doc)."""

    def __init__(self, bpm: float, sample_rate: int = 48000, level: float = LEVEL):
        if not 20 <= bpm <= 300:
            raise ValueError(f"a heartbeat at {bpm} bpm")
        self.sample_rate, self.level = sample_rate, level
        self.period = round(60.0 / bpm * sample_rate)
        self._thump = _thump(sample_rate)
        self._dub = round(_SECOND_THUMP * sample_rate)
        self._fade = round(FADE_S * sample_rate)
        self._lock = threading.Lock()
        self._want = False
        self._shown: Callable[[float], None] | None = None
        self._gain = 0.0            # the pulse's gain at the end of the last piece
        self._from = 0              # film sample its last turn began at ...
        self._start = 0.0           # ... the gain then ...
        self._target = 0.0          # ... and the gain it goes to

    @property
    def on(self) -> bool:
        return self._want

    def turn(self, on: bool, shown: Callable[[float], None] | None = None) -> None:
        """Start or stop the pulse from the next piece of sound (``shown(at_s)``: told where)."""
        with self._lock:
            self._want, self._shown = on, shown

    def _layer(self, at: int, n: int) -> np.ndarray:
        """The pulse alone over film samples [at, at + n), full level."""
        out = np.zeros(n, np.float32)
        k = len(self._thump)
        first = (at - k - self._dub) // self.period
        for i in range(max(0, first), (at + n) // self.period + 1):
            for start, g in ((i * self.period, 1.0), (i * self.period + self._dub, 0.6)):
                a, b = max(at, start), min(at + n, start + k)
                if b > a:
                    out[a - at:b - at] += g * self._thump[a - start:b - start]
        return out

    def __call__(self, samples: np.ndarray, at: int) -> np.ndarray:
        n = samples.shape[0]
        with self._lock:
            want, shown = self._want, self._shown
            turned = (1.0 if want else 0.0) != self._target
            if turned:
                self._from, self._start, self._target, self._shown = at, self._gain, (1.0 if want else 0.0), None
        if turned and shown is not None:
            shown(at / self.sample_rate)
        if n == 0 or self._gain == self._target == 0.0:
            return samples
        ramp = np.clip((np.arange(at, at + n) - self._from) / self._fade, 0.0, 1.0)
        gain = (self._start + (self._target - self._start) * ramp).astype(np.float32)
        self._gain = float(gain[-1])
        layer = self.level * gain * self._layer(at, n)
        return soft_knee(samples + layer[:, None]).astype(np.float32)


__all__ = ["FADE_S", "KNEE", "LEVEL", "LIFT", "Heartbeat", "soft_knee"]
