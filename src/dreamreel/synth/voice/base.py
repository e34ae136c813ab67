"""The voice contract: what a voice backend gives back, and how word timings are estimated.

A backend turns one line of text, spoken in a character's :class:`VoiceSpec`, into a
:class:`Speech`: mono float32 samples plus where each word falls. Backends that cannot
measure word boundaries (espeak-ng, or piper when its phoneme words do not match the text's
words) estimate them with :func:`spread_words`, which shares the spoken time out among the
words by weight (characters or phonemes) over the spans where there is speech.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

import numpy as np
from scipy.signal import lfilter

from ...errors import MissingDependencyError
from ...model import VoiceSpec
from ...model.shot import WordTiming

__all__ = [
    "MissingDependencyError", "PLAIN_PEAK", "Speech", "VoiceBackend", "WordTiming", "designed", "leveled",
    "normalize", "silence",
    "spread_words", "text_words", "tilt", "voiced_spans",
]

#: A line with nothing speakable in it ("...") still takes this long: a beat of silence.
SILENT_LINE_S = 0.4
#: timbre = +-1 tilts the spectrum above the shelf by this many dB.
TIMBRE_DB = 6.0
SHELF_HZ = 1500.0
PEAK = 0.89  # -1 dBFS: headroom for the mix


@dataclass(frozen=True)
class Speech:
    """One voiced line: mono float32 samples in [-1, 1] and its word timings (seconds)."""

    samples: np.ndarray
    sample_rate: int
    words: list[WordTiming] = field(default_factory=list)
    #: A sung line's notes: (start s, length s, midi) from the line's start (see ``sing``).
    notes: tuple[tuple[float, float, int], ...] = ()
    #: A chorus's harmony parts' notes, the same way (see ``sing.chorus``).
    harmony: tuple[tuple[float, float, int], ...] = ()

    @property
    def duration(self) -> float:
        return len(self.samples) / self.sample_rate


@runtime_checkable
class VoiceBackend(Protocol):
    """Text + voice -> Speech. Same text, voice and seed give identical samples.

    A backend whose ``speak`` may run on several threads at once says how many lines one film
    may voice side by side as ``lines_at_once`` (absent: one at a time; piper: 2)."""

    name: str
    version: str

    def speak(self, text: str, voice: VoiceSpec, *, seed: int = 0) -> Speech: ...

    def requires(self) -> None:
        """Check what this backend needs is installed; raise MissingDependencyError naming the fix."""
        ...


def tilt(samples: np.ndarray, sample_rate: int, timbre: float) -> np.ndarray:
    """First-order high shelf: timbre -1 is TIMBRE_DB darker above SHELF_HZ, +1 brighter."""
    if abs(timbre) < 1e-3:
        return samples
    a = float(np.exp(-2 * np.pi * SHELF_HZ / sample_rate))
    low = lfilter([1 - a], [1, -a], samples)
    gain = 10 ** (timbre * TIMBRE_DB / 20)
    return (low + gain * (samples - low)).astype(np.float32)


def normalize(samples: np.ndarray) -> np.ndarray:
    """Peak-normalise to PEAK (loudness is the mixer's job; this keeps lines comparable)."""
    peak = float(np.abs(samples).max()) if len(samples) else 0.0
    return (samples * (PEAK / peak) if peak > 1e-6 else samples).astype(np.float32)


#: A designed voice's plain line peaks at half scale, so louder deliveries have room above it.
PLAIN_PEAK = PEAK / 2


def designed(voice: VoiceSpec) -> bool:
    """Whether casting designed this voice (:mod:`.design`): then the line's level is its own."""
    return voice.median_hz is not None or voice.whisper or voice.breath > 0 or voice.level_db != 0


def leveled(samples: np.ndarray, level_db: float) -> np.ndarray:
    """Peak at PLAIN_PEAK moved by the delivery's level (an angry line louder, a whisper
    quieter), never over PEAK. The mixer sets loudness for the whole dialogue stem, so these
    differences between lines survive into the film."""
    x = np.asarray(samples, np.float64)
    peak = float(np.abs(x).max()) if len(x) else 0.0
    if peak > 1e-6:
        x = x * (min(PEAK, PLAIN_PEAK * 10 ** (level_db / 20)) / peak)
    return x.astype(np.float32)


def silence(sample_rate: int, seconds: float = SILENT_LINE_S) -> Speech:
    return Speech(np.zeros(max(1, round(seconds * sample_rate)), np.float32), sample_rate, [])


_WORD = re.compile(r"[\w'’]+(?:[-.][\w'’]+)*", re.UNICODE)


def text_words(text: str) -> list[str]:
    """The words of a line as a viewer reads them (punctuation dropped, contractions kept)."""
    return _WORD.findall(text)


def voiced_spans(samples: np.ndarray, sample_rate: int, *, floor_db: float = -38.0,
                 min_gap_s: float = 0.12, hop_s: float = 0.01) -> list[tuple[float, float]]:
    """Spans (seconds) where there is speech, by short-time energy against the line's peak.

    Gaps shorter than ``min_gap_s`` are bridged: stops and closures inside a word are quiet
    for a few tens of milliseconds, and must not split it.
    """
    hop = max(1, round(hop_s * sample_rate))
    n = len(samples) // hop
    if n == 0:
        return []
    frames = samples[: n * hop].astype(np.float64).reshape(n, hop)
    rms = np.sqrt((frames ** 2).mean(axis=1))
    peak = rms.max()
    if peak <= 1e-6:
        return []
    on = rms > peak * 10 ** (floor_db / 20)
    edges = np.flatnonzero(np.diff(np.concatenate([[0], on.astype(np.int8), [0]])))
    spans = [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2])]
    merged: list[list[int]] = []
    gap = round(min_gap_s / hop_s)
    for a, b in spans:
        if merged and a - merged[-1][1] < gap:
            merged[-1][1] = b
        else:
            merged.append([a, b])
    return [(a * hop / sample_rate, b * hop / sample_rate) for a, b in merged]


def spread_words(words: Sequence[str], weights: Sequence[float],
                 spans: Sequence[tuple[float, float]], units: Sequence[float] | None = None
                 ) -> list[WordTiming]:
    """Share the speech in ``spans`` out among ``words`` in order, in proportion to ``weights``.

    Each span carries ``units`` of speech (default: its length in seconds, i.e. speech is
    spread evenly in time; piper passes one unit a phoneme so words follow the phonemes'
    real durations). Time between spans (pauses) belongs to no word.
    """
    if not words or not spans:
        return []
    u = np.asarray(units if units is not None else [b - a for a, b in spans], np.float64)
    u = np.maximum(u, 1e-9)
    cum_u = np.concatenate([[0.0], np.cumsum(u)])
    w = np.maximum(np.asarray(weights, np.float64), 1e-9)
    cum_w = np.concatenate([[0.0], np.cumsum(w)]) / w.sum() * cum_u[-1]

    def at(pos: float, *, end: bool) -> float:
        # An end lands at the end of the span it closes; a start at the start of the next.
        k = int(np.searchsorted(cum_u, pos, side="left" if end else "right")) - 1
        k = min(max(k, 0), len(spans) - 1)
        a, b = spans[k]
        frac = min(max((pos - cum_u[k]) / u[k], 0.0), 1.0)
        return a + frac * (b - a)

    out = []
    for i, word in enumerate(words):
        start, end = at(cum_w[i], end=False), at(cum_w[i + 1], end=True)
        out.append(WordTiming(word=word, start=round(start, 4), end=round(max(end, start), 4)))
    return out
