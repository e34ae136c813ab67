"""The music backend interface: cues of a film in, its score out, a cue at a time.

A backend opens one :class:`ScoreWriter` a film (``stream``); the soundtrack gives it the film's
cues in order, end to end, as the film is cut (``add``), and takes the music as soon as it is
final (``take``), so the score of a streamed film never waits for the end. The procedural
composer (``procedural.py``) is the embedded default; a backend that calls a music model
implements the same two small protocols.
"""

from typing import Protocol, runtime_checkable

import numpy as np

from ...model.bible import StyleGuide
from .score import ScoreCue


@runtime_checkable
class ScoreWriter(Protocol):
    """One film's score. Samples are float32 stereo ``(n, 2)`` at the stream's sample rate;
    levels are fixed (the mix sets them), so a writer must not normalise what it returns."""

    def add(self, cue: ScoreCue) -> None:
        """The next cue (it starts where the last one ended)."""
        ...

    def take(self, until_s: float | None = None) -> np.ndarray:
        """The music from where the last take stopped up to ``until_s`` (or all that is final):
        possibly less than asked, if later cues could still change it."""
        ...

    def finish(self, n_samples: int | None = None) -> np.ndarray:
        """End the score at ``n_samples`` (default: the last cue's end) and return the rest."""
        ...


@runtime_checkable
class MusicBackend(Protocol):
    """Scores films. Same cues, style, genres and seed give identical samples (the soundtrack's
    cache keys carry ``name`` and ``version``)."""

    name: str
    version: str

    def requires(self) -> list[str]:
        """What it needs; raises MissingDependencyError naming the missing piece."""
        ...

    def stream(self, *, style: StyleGuide, genres: list[str], seed: int, sample_rate: int) -> ScoreWriter:
        ...
