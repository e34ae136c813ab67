"""Stems: the film's dialogue, music and effects as three WAV files that sum to its mix.

Named the way a re-recording mixer expects them, after the film: ``film_DX.wav`` (dialogue),
``film_MX.wav`` (music), ``film_FX.wav`` (ambience and spot effects); 48 kHz, 24-bit PCM,
stereo, each as long as the film.
"""

import wave
from pathlib import Path

import numpy as np

from .mix import Stems

NAMES = {"dialogue": "DX", "music": "MX", "effects": "FX"}


def pcm24(x: np.ndarray) -> bytes:
    """Float samples in [-1, 1] as little-endian 24-bit PCM frames."""
    ints = np.round(np.clip(x, -1.0, 1.0 - 2 ** -23) * 2 ** 23).astype("<i4")
    return ints.view(np.uint8).reshape(-1, 4)[:, :3].tobytes()


def write_stems(film: Path, stems: Stems, sample_rate: int, total: int) -> list[Path]:
    """Write the three stems beside ``film`` (padded or cut to ``total`` samples); returns their paths."""
    out = []
    for field, code in NAMES.items():
        x = np.zeros((total, 2), np.float32)
        part = getattr(stems, field)[:total]
        x[: part.shape[0]] = part
        path = film.with_name(f"{film.stem}_{code}.wav")
        with wave.open(str(path), "wb") as w:
            w.setnchannels(2)
            w.setsampwidth(3)
            w.setframerate(sample_rate)
            w.writeframes(pcm24(x))
        out.append(path)
    return out
