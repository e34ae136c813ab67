"""Stems: the film's dialogue, music and effects as three WAV files that sum to its mix.

Named the way a re-recording mixer expects them, after the film: ``film_DX.wav`` (dialogue),
``film_MX.wav`` (music), ``film_FX.wav`` (ambience and spot effects); 48 kHz, 24-bit PCM,
stereo, each as long as the film.
"""

import wave
from collections.abc import Sequence
from contextlib import ExitStack
from pathlib import Path

import numpy as np

NAMES = {"dialogue": "DX", "music": "MX", "effects": "FX"}


def pcm24(x: np.ndarray) -> bytes:
    """Float samples in [-1, 1] as little-endian 24-bit PCM frames."""
    ints = np.round(np.clip(x, -1.0, 1.0 - 2 ** -23) * 2 ** 23).astype("<i4")
    return ints.view(np.uint8).reshape(-1, 4)[:, :3].tobytes()


class StemWriter:
    """The three stems beside ``film``, written as the film's sound is made: ``add`` each block of
    (k, 6) float samples (dialogue, music and effects, left and right each: a ``Soundtrack``'s
    ``stem_parts``) in film order, ``close`` with the film's length. Nothing is held: a whole
    film's stems in memory were 1.15 MB a second of film (2 GB for a 30-minute one)."""

    def __init__(self, film: Path, sample_rate: int):
        self.paths = [film.with_name(f"{film.stem}_{code}.wav") for code in NAMES.values()]
        self._stack = ExitStack()
        self._files = [self._stack.enter_context(wave.open(str(path), "wb")) for path in self.paths]
        for w in self._files:
            w.setnchannels(2)
            w.setsampwidth(3)
            w.setframerate(sample_rate)
        self.samples = 0

    def add(self, block: np.ndarray) -> None:
        for k, w in enumerate(self._files):
            w.writeframes(pcm24(block[:, 2 * k:2 * k + 2]))
        self.samples += block.shape[0]

    def close(self, total: int | None = None) -> list[Path]:
        """Pad with silence to ``total`` samples (never cut: pass blocks no longer than the film)."""
        if total is not None and self.samples < total:
            silence = pcm24(np.zeros((total - self.samples, 2), np.float32))
            for w in self._files:
                w.writeframes(silence)
            self.samples = total
        self._stack.close()
        return self.paths


def write_stems(film: Path, parts: Sequence[np.ndarray], sample_rate: int, total: int) -> list[Path]:
    """Write the three stems beside ``film`` from ``parts`` (see :class:`StemWriter`), padded or
    cut to ``total`` samples; returns their paths."""
    out = StemWriter(film, sample_rate)
    for part in parts:
        block = part[: total - out.samples]
        if block.shape[0]:
            out.add(block)
    return out.close(total)
