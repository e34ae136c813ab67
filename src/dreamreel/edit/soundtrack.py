"""The film's soundtrack, made a beat at a time while the film is cut and drawn.

    shots of the next beat (or a title / end card) + their voices
      -> a score cue (ScoreStream), an ambience bed for the beat's place and weather,
         the lines placed where their shots put them, panned to their speakers
      -> mix() over the chunk (ducking, -16 LUFS, limiter) -> crossfaded into the last chunk

A chunk is mixed once the next chunk is known: the score of a cue is final only when the next
cue is written, and a line that starts right after the cut belongs under the crossfade. So the
audio lags the cut by one beat, and the first sound exists as soon as the first beat is voiced.
Each chunk is normalised to the target on its own, so the whole film sits there too (integrated
loudness is an energy mean of its parts) without waiting for the end.
"""

import hashlib
from dataclasses import dataclass, field

import numpy as np

from ..model.shot import Shot
from ..model.story import Story
from ..synth.music.ambience import ambience
from ..synth.music.score import CueKind, ScoreCue, ScoreStream
from ..synth.voice.base import Speech
from .mix import MixReport, Placed, mix, resample

#: Seconds two chunks' mixes overlap and crossfade (linear: the score under both is the same).
OVERLAP_S = 0.3


def speaker_pan(shot: Shot, speaker: str) -> float:
    """Voices sit where their speaker stands on screen; the narrator sits in the middle."""
    if speaker not in shot.on_screen or len(shot.on_screen) < 2:
        return 0.0
    i = shot.on_screen.index(speaker)
    return round(-0.35 + 0.7 * i / (len(shot.on_screen) - 1), 3)


@dataclass
class _Chunk:
    start: int                  # film samples [start, end)
    end: int
    kind: CueKind
    shots: list[tuple[int, Shot]]  # (film frame of the shot's start, shot)
    bed: tuple[str, str, int] | None = None  # weather, place kind, seed


@dataclass
class Soundtrack:
    """Feed it each beat's shots in film order with ``add``; ``finish`` after the last."""

    story: Story
    seed: int
    fps: int
    speech: dict[tuple[str, int], Speech]
    sample_rate: int = 48000
    target_lufs: float = -16.0
    reports: list[MixReport] = field(default_factory=list)

    def __post_init__(self) -> None:
        sr = self.sample_rate
        self._score = ScoreStream(style=self.story.bible.style, genres=self.story.bible.genres, seed=self.seed,
                                  sample_rate=sr)
        self._roles = {b.id: (self.story.graph.ending(b.ending).kind if b.ending else b.role)
                       for b in self.story.graph.beats}
        self._waiting: list[_Chunk] = []
        self._music = np.zeros((0, 2), np.float32)
        self._music_base = 0
        self._tail: np.ndarray | None = None
        self._voices: dict[tuple[str, int], np.ndarray] = {}
        self._overlap = round(OVERLAP_S * sr)
        self.samples = 0  # film samples handed out so far

    def _at(self, frame: int) -> int:
        return round(frame * self.sample_rate / self.fps)

    def add(self, shots: list[Shot], first_frame: int) -> np.ndarray:
        """The next beat's (or card's) shots, the first starting at film frame ``first_frame``.
        Returns the audio that became final: (n, 2) float32, possibly empty."""
        placed, frame = [], first_frame
        for shot in shots:
            placed.append((frame, shot))
            frame += shot.frames
        kind: CueKind = "title" if shots[0].kind == "title" else "end" if shots[-1].kind == "end" else "scene"
        chunk = _Chunk(self._at(first_frame), self._at(frame), kind, placed)
        scene = [s for s in shots if s.kind not in ("title", "end")]
        if scene:
            s0 = scene[0]
            seed = int.from_bytes(hashlib.sha256(f"{self.seed}|bed|{s0.seed}".encode()).digest()[:4], "big")
            chunk.bed = (s0.weather, s0.place_kind, seed)
        frames = sum(s.frames for s in shots)
        tension = float(np.clip(sum(s.tension * s.frames for s in shots) / frames, 0.0, 1.0))
        self._score.add(ScoreCue(chunk.start / self.sample_rate, chunk.end / self.sample_rate, tension, kind,
                                 self._roles.get(shots[0].beat)))
        self._waiting.append(chunk)
        out = []
        while len(self._waiting) >= 2:
            out.append(self._mix(self._waiting.pop(0), self._waiting[0]))
        return np.concatenate(out) if out else np.zeros((0, 2), np.float32)

    def finish(self) -> np.ndarray:
        """Mix the last chunk (the score fades out with it); returns the rest of the audio."""
        if not self._waiting:
            return np.zeros((0, 2), np.float32)
        self._take_music(self._score.finish(self._waiting[-1].end))
        out = [self._mix(self._waiting.pop(0), None)]
        return np.concatenate(out)

    # -- one chunk -------------------------------------------------------------------------

    def _take_music(self, part: np.ndarray) -> None:
        self._music = np.concatenate([self._music, part]) if self._music.size else part

    def _music_span(self, a: int, b: int) -> np.ndarray:
        have = self._music_base + self._music.shape[0]
        if have < b:
            self._take_music(self._score.take(b / self.sample_rate))
        out = np.zeros((b - a, 2), np.float32)
        lo, hi = a - self._music_base, min(b, self._music_base + self._music.shape[0]) - self._music_base
        if hi > lo:
            out[: hi - lo] = self._music[lo:hi]
        return out

    def _lines(self, chunk: _Chunk, a: int, n: int) -> list[Placed]:
        out = []
        for frame, shot in chunk.shots:
            for cue in shot.cues:
                voice = self.speech.get((cue.beat, cue.index))
                if voice is None:
                    continue
                at = self._at(frame) + round(cue.start * self.sample_rate) - a
                if not 0 <= at < n:
                    continue
                key = (cue.beat, cue.index)
                if key not in self._voices:
                    self._voices[key] = resample(voice.samples, voice.sample_rate, self.sample_rate)
                out.append(Placed(at, self._voices[key], speaker_pan(shot, cue.speaker)))
        return out

    def _mix(self, chunk: _Chunk, after: _Chunk | None) -> np.ndarray:
        a = chunk.start
        b = chunk.end + (min(self._overlap, after.end - after.start) if after is not None else 0)
        n = b - a
        music = self._music_span(a, b)
        bed = None
        if chunk.bed is not None:
            weather, place, seed = chunk.bed
            bed = ambience(weather, place, n / self.sample_rate, seed=seed, sample_rate=self.sample_rate)[:n]
            if bed.shape[0] < n:
                bed = np.pad(bed, ((0, n - bed.shape[0]), (0, 0)))
        lines = self._lines(chunk, a, n) + (self._lines(after, a, n) if after is not None else [])
        out, report = mix(lines, music, bed, sample_rate=self.sample_rate, total_samples=n,
                          target_lufs=self.target_lufs)
        self.reports.append(report)
        if self._tail is not None:
            k = min(self._tail.shape[0], n)
            ramp = np.linspace(0.0, 1.0, k, endpoint=False, dtype=np.float32)[:, None]
            out[:k] = self._tail[:k] * (1 - ramp) + out[:k] * ramp
        own = chunk.end - chunk.start
        self._tail = out[own:].copy() if after is not None else None
        # music before this chunk's end is no longer needed
        drop = chunk.end - self._music_base
        if drop > 0:
            self._music, self._music_base = self._music[drop:], chunk.end
        self.samples += own
        return out[:own]
