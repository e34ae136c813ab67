"""The film's soundtrack, made a beat at a time while the film is cut and drawn.

    shots of the next beat (or a title / end card) + their voices
      -> a score cue (to the music backend's ScoreWriter), an ambience bed for the beat's place and weather,
         spot effects where the action and the script call for them (edit/spotting.py),
         hushes where the story calls for quiet (edit/quiet.py: the music drops out, the
         ambience falls to the place's room tone),
         the lines placed where their shots put them, panned to their speakers
      -> mix() over the chunk (ducking, deeper under the narrator's voice-over; limiter;
         loudness: -16 LUFS moved by the scene's tension, calm scenes quieter and intense ones
         louder) -> crossfaded into the last chunk

A chunk is mixed once the next chunk is known: the score of a cue is final only when the next
cue is written, and a line that starts right after the cut belongs under the crossfade. So the
audio lags the cut by one beat, and the first sound exists as soon as the first beat is voiced.
Each chunk is normalised on its own to the target moved by its scene's level, and the levels
are trimmed so their energy mean is 0 dB over the story's beats, so the whole film sits on the
target (integrated loudness is an energy mean of its parts) without waiting for the end.

With a cache, each chunk's mix is kept under a key made of everything it depends on: the score
so far (a running hash of every cue, since the composer carries its harmony and theme from cue
to cue), its bed, and the lines in it (their samples' digests, places and pans). A film made
again mixes nothing, and the score is only played where a chunk has to be mixed anew.
"""

import hashlib
import io
import json
from dataclasses import dataclass, field, replace

import numpy as np

from ..model.shot import Shot
from ..model.story import Story
from ..store.cache import Cache, cache_key
from ..synth.music.ambience import ambience
from ..synth.music.base import MusicBackend
from ..synth.music.procedural import ProceduralMusic
from ..synth.music.score import CueKind, ScoreCue, tune_for
from ..synth.voice.base import Speech
from ..synth.music.foley import spot
from .mix import ROOM_LU, VOICE_OVER_DB, MixReport, Placed, Stems, dialogue_loudness, mix, resample
from .quiet import Hush, bed_gain, hushes
from .spotting import Spot, spots

#: Seconds two chunks' mixes overlap and crossfade (linear: the score under both is the same).
OVERLAP_S = 0.3
#: The shortest pause in the dialogue a beat is split in (``Soundtrack.add(split_s=...)``): seconds.
PAUSE_S = 0.12
#: Bump when the soundtrack's code changes what it makes (the cache keys include it).
VERSION = "7"
#: Loudness spread between the calmest and the most intense scenes (dB), so the film has
#: dynamics (a loudness range broadcast drama would have) instead of every scene at -16.
DYNAMICS_DB = 10.0
SCENE_LEVEL_DB = (-5.0, 4.0)
#: Music against the dialogue (LU) in the calmest and the most intense scenes: a quiet scene's
#: score stays low between lines, a chase's comes up.
MUSIC_LU = (-12.0, -4.0)
#: How far music and ambience drop under speech (dB): deep enough that a recogniser, and a
#: viewer, hears the words over a full score.
DUCK_DB = 14.0


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
    score: str = ""  # running hash of the score's cues up to and including this chunk's
    level_db: float = 0.0  # this chunk's loudness against the film's target (quiet scenes sit lower)
    music_lu: float = -6.0  # its music against its dialogue
    #: The whole beat's shots and its first film sample, where the beat is mixed in pieces
    #: (``add(split_s=...)``): its effects and hushes are spotted over the whole beat, as one chunk's are.
    whole: list[tuple[int, Shot]] = field(default_factory=list)
    origin: int = 0
    #: A piece's: the loudness of the whole beat's dialogue, so each piece sits where the whole would.
    dialogue_lufs: float | None = None


@dataclass
class Soundtrack:
    """Feed it each beat's shots in film order with ``add``; ``finish`` after the last."""

    story: Story
    seed: int
    fps: int
    speech: dict[tuple[str, int], Speech]
    sample_rate: int = 48000
    target_lufs: float = -16.0
    cache: Cache | None = None
    reports: list[MixReport] = field(default_factory=list)
    #: Keep the dialogue, music and effects stems (``stem_parts``, film order; see ``stems_so_far``).
    stems: bool = False
    stem_parts: list[np.ndarray] = field(default_factory=list)
    #: Where the music and ambience dropped out, and why (film seconds; edit/quiet.py).
    hushes: list[Hush] = field(default_factory=list)
    #: Who writes the score (None: the procedural composer).
    music: MusicBackend | None = None

    def __post_init__(self) -> None:
        sr = self.sample_rate
        music = self.music or ProceduralMusic()
        bible = self.story.bible
        self._score = music.stream(style=bible.style, genres=bible.genres, seed=self.seed, sample_rate=sr)
        # The singers' tempo (synth/voice/casting.py sings in the same tune, whoever scores).
        self._tune = tune_for(bible.style, bible.genres, self.seed)
        self._roles = {b.id: (self.story.graph.ending(b.ending).kind if b.ending else b.role)
                       for b in self.story.graph.beats}
        self._waiting: list[_Chunk] = []
        self._music = np.zeros((0, 2), np.float32)
        self._music_base = 0
        self._tail: np.ndarray | None = None
        self._voices: dict[tuple[str, int], np.ndarray] = {}
        self._overlap = round(OVERLAP_S * sr)
        self.samples = 0  # film samples handed out so far
        self.cached_chunks = 0
        self._ending = False
        self._digests: dict[tuple[str, int], str] = {}
        self._centre, self._trim = _levels(self.story)
        style = self.story.bible.style
        self._score_hash = hashlib.sha256(json.dumps(
            [VERSION, style.model_dump(mode="json"), sorted(self.story.bible.genres), self.seed, sr,
             f"{music.name}/{music.version}"]).encode()).hexdigest()

    def _at(self, frame: int) -> int:
        return round(frame * self.sample_rate / self.fps)

    def add(self, shots: list[Shot], first_frame: int, *, split_s: float | None = None) -> np.ndarray:
        """The next beat's (or card's) shots, the first starting at film frame ``first_frame``.
        Returns the audio that became final: (n, 2) float32, possibly empty.

        ``split_s``: mix the beat in two pieces, the first ending in the first pause between
        two lines at least this far in, and return that first piece's sound now (a live film's
        opening: its first seconds are heard before the whole scene is mixed; the first piece
        costs about its share of the beat). The score, effects and hushes are the beat's, as
        unsplit, and each piece is levelled so its dialogue sits where the whole beat's would;
        the beds are set against each piece's own lines, and the pieces crossfade as beats do."""
        placed, frame = [], first_frame
        for shot in shots:
            placed.append((frame, shot))
            frame += shot.frames
        kind: CueKind = "title" if shots[0].kind == "title" else "end" if shots[-1].kind == "end" else "scene"
        chunk = _Chunk(self._at(first_frame), self._at(frame), kind, placed, whole=placed, origin=self._at(first_frame))
        scene = [s for s in shots if s.kind not in ("title", "end")]
        if scene:
            s0 = scene[0]
            seed = int.from_bytes(hashlib.sha256(f"{self.seed}|bed|{s0.seed}".encode()).digest()[:4], "big")
            chunk.bed = (s0.weather, s0.place_kind, seed)
        frames = sum(s.frames for s in shots)
        tension = float(np.clip(sum(s.tension * s.frames for s in shots) / frames, 0.0, 1.0))
        melody = self._melody(placed)
        chunk.level_db = self.level(tension)
        chunk.music_lu = round(MUSIC_LU[0] + (MUSIC_LU[1] - MUSIC_LU[0]) * tension, 2)
        cue = ScoreCue(chunk.start / self.sample_rate, chunk.end / self.sample_rate, tension, kind,
                       self._roles.get(shots[0].beat), bpm=self._tune.bpm if melody else None,
                       melody=melody)
        self._score.add(cue)
        self._score_hash = hashlib.sha256(f"{self._score_hash}|{cue!r}".encode()).hexdigest()
        chunk.score = self._score_hash
        at = self._split(chunk, split_s) if split_s is not None else None
        n = chunk.end - chunk.start
        whole = float("-inf") if at is None else dialogue_loudness(
            [p for p, _, _ in self._lines(chunk, chunk.start, n)], sample_rate=self.sample_rate, total_samples=n)
        if at is None or not np.isfinite(whole):
            self._waiting.append(chunk)
        else:
            self._waiting += [replace(chunk, end=at, dialogue_lufs=round(whole, 4)),
                              replace(chunk, start=at, dialogue_lufs=round(whole, 4))]
        out = []
        while len(self._waiting) >= 2:
            out.append(self._mix(self._waiting.pop(0), self._waiting[0]))
        return np.concatenate(out) if out else np.zeros((0, 2), np.float32)

    def _split(self, chunk: _Chunk, split_s: float) -> int | None:
        """Where the second piece starts (a film sample; see ``add``): inside the first pause
        in the dialogue (PAUSE_S or longer, between lines or between a line's words) at least
        ``split_s`` into the beat with words on each side; if there is none, the last one before
        it (a live film's first scene, one line running past ``split_s`` without a pause, was mixed
        whole while the viewer waited at the end of the title card: bench/serve.py's film noir,
        seed 101, its pause at 3.93 s); None if there is none at all."""
        n = chunk.end - chunk.start
        block = round(0.01 * self.sample_rate)
        nb = -(-n // block)
        energy = np.zeros(nb)
        for p, _, _ in self._lines(chunk, chunk.start, n):
            x = p.samples[: n - p.start].astype(np.float64)
            energy += np.bincount((p.start + np.arange(x.shape[0])) // block, np.square(x), minlength=nb)[:nb]
        if not energy.any():
            return None
        words = energy > energy.max() * 1e-5  # within 50 dB of the loudest 10 ms
        need = round(PAUSE_S / 0.01)
        said = np.cumsum(words)
        def pause(i: int) -> bool:  # a pause starting at block i, words before it and after it
            return bool(said[i + need - 1] == (said[i - 1] if i else 0) and i and said[i - 1] > 0
                        and said[-1] > said[i + need - 1])

        start = min(round(split_s / 0.01), nb - need)
        at = next((i for i in range(start, nb - need) if pause(i)), None)
        if at is None:
            at = next((i for i in range(start - 1, 0, -1) if pause(i)), None)
        return None if at is None else chunk.start + (at + need // 2) * block

    def _melody(self, placed: list[tuple[int, Shot]]) -> tuple[tuple[float, float, int], ...]:
        """The notes sung in these shots, in film seconds: the score plays under them."""
        notes, seen = [], set()
        for frame, shot in placed:
            for cue in shot.cues:
                voice = self.speech.get((cue.beat, cue.index))
                if voice is None or not voice.notes or (cue.beat, cue.index) in seen:
                    continue
                seen.add((cue.beat, cue.index))
                at = self._at(frame) / self.sample_rate + cue.start
                notes += [(round(at + t, 4), d, m) for t, d, m in voice.notes]
        return tuple(sorted(notes))

    def level(self, tension: float) -> float:
        """A scene's loudness against the target, by its tension against the story's usual."""
        lo, hi = SCENE_LEVEL_DB
        return round(float(np.clip(DYNAMICS_DB * (tension - self._centre), lo, hi)) + self._trim, 2)

    def flush(self) -> np.ndarray:
        """Mix what is waiting now, without the next beat (a viewer is choosing it): the score
        is final to the end of the last cue; the next chunk starts without a crossfade."""
        out = [self._mix(self._waiting.pop(0), None) for _ in range(len(self._waiting))]
        return np.concatenate(out) if out else np.zeros((0, 2), np.float32)

    def finish(self) -> np.ndarray:
        """Mix the last chunk (the score fades out with it); returns the rest of the audio."""
        if not self._waiting:
            return np.zeros((0, 2), np.float32)
        self._ending = True
        return self._mix(self._waiting.pop(0), None)

    # -- one chunk -------------------------------------------------------------------------

    def _take_music(self, part: np.ndarray) -> None:
        self._music = np.concatenate([self._music, part]) if self._music.size else part

    def _music_span(self, a: int, b: int) -> np.ndarray:
        have = self._music_base + self._music.shape[0]
        if have < b:
            if self._ending:
                self._take_music(self._score.finish(b))
            else:
                self._take_music(self._score.take(b / self.sample_rate))
        out = np.zeros((b - a, 2), np.float32)
        lo, hi = a - self._music_base, min(b, self._music_base + self._music.shape[0]) - self._music_base
        if hi > lo:
            out[: hi - lo] = self._music[lo:hi]
        return out

    def _lines(self, chunk: _Chunk, a: int, n: int) -> list[tuple[Placed, tuple[str, int], int]]:
        """The lines starting in samples [a, a + n) (a piece: every line sounding there, cut to
        it, as the pieces beside it carry the rest), each with its key and its start from a."""
        out = []
        for frame, shot in chunk.shots:
            for cue in shot.cues:
                voice = self.speech.get((cue.beat, cue.index))
                if voice is None:
                    continue
                key = (cue.beat, cue.index)
                if key not in self._voices:
                    self._voices[key] = resample(voice.samples, voice.sample_rate, self.sample_rate)
                samples = self._voices[key]
                at = self._at(frame) + round(cue.start * self.sample_rate) - a
                if chunk.dialogue_lufs is None:
                    if not 0 <= at < n:
                        continue
                else:
                    if at >= n or at + samples.shape[0] <= 0:
                        continue
                    samples = samples[max(0, -at): n - at]
                out.append((Placed(max(0, at), samples, speaker_pan(shot, cue.speaker),
                                   voice_over=cue.speaker == "narrator"), key, at))
        return out

    def _digest(self, key: tuple[str, int]) -> str:
        if key not in self._digests:
            self._digests[key] = hashlib.sha256(np.ascontiguousarray(self._voices[key]).tobytes()).hexdigest()
        return self._digests[key]

    def _spots(self, chunk: _Chunk) -> list[Spot]:
        """The beat's effects from its start to the chunk's end, in seconds from the chunk's
        start (one a piece before began rings on into it)."""
        sr = self.sample_rate
        shift = (chunk.origin - chunk.start) / sr
        found = spots(self.story, [((self._at(frame) - chunk.origin) / sr, shot) for frame, shot in chunk.whole],
                      self.seed)
        if shift == 0:
            return [e for e in found if e.at_s < (chunk.end - chunk.start) / sr]
        return [e._replace(at_s=round(e.at_s + shift, 3)) for e in found if e.at_s + shift < (chunk.end - chunk.start) / sr]

    def _hushes(self, chunk: _Chunk) -> list[Hush]:
        """The beat's quiet spans, in film seconds (all of them: a piece hears those beside it)."""
        sr = self.sample_rate
        placed = [((self._at(frame) - chunk.origin) / sr, shot) for frame, shot in chunk.whole]
        return [h._replace(start_s=h.start_s + chunk.origin / sr, end_s=h.end_s + chunk.origin / sr)
                for h in hushes(self.story, placed, self.fps)]

    def _mix(self, chunk: _Chunk, after: _Chunk | None) -> np.ndarray:
        a = chunk.start
        b = chunk.end + (min(self._overlap, after.end - after.start) if after is not None else 0)
        n = b - a
        # (a piece's own lines reach into the next piece's: it places them already)
        lines = self._lines(chunk, a, n) + (self._lines(after, a, n) if after is not None and
                                            after.origin != chunk.origin else [])
        effects = self._spots(chunk)
        own = self._hushes(chunk)
        sr = self.sample_rate
        self.hushes += [h for h in own if chunk.dialogue_lufs is None  # (a piece records those begun in it)
                        or chunk.start <= round(h.start_s * sr) < chunk.end]
        # the next chunk's hushes too: its scene change is quiet from the cut, so this one's
        # music is down by then, under the crossfade (a piece of the same beat has them already)
        nxt = self._hushes(after) if after is not None and after.origin != chunk.origin else []
        quiet = [(round(h.start_s - a / sr, 4), round(h.end_s - a / sr, 4)) for h in own + nxt]
        key, hit = None, None
        if self.cache is not None:
            placed = [(at, self._digest(k), p.pan, p.voice_over) for p, k, at in lines]
            key = cache_key("mix", "soundtrack", VERSION, {
                # the music under this chunk is final once the next cue is written (or the score ends)
                "score": after.score if after is not None else
                f"{chunk.score}|{'end' if self._ending else 'cut'}@{chunk.end}",
                "span": [a, b], "bed": chunk.bed, "lines": placed, "target": self.target_lufs + chunk.level_db,
                "music_lu": chunk.music_lu, "duck": [DUCK_DB, VOICE_OVER_DB, ROOM_LU], "spots": [list(e) for e in effects],
                "quiet": quiet, "stems": self.stems,
                **({"dialogue": chunk.dialogue_lufs} if chunk.dialogue_lufs is not None else {})})
            hit = _load_mix(self.cache.get_bytes(key))
            if hit is not None:
                out, report = hit
                self.cached_chunks += 1
        if hit is None:
            out, report = self._mix_anew(chunk, a, n, [p for p, _, _ in lines], effects, quiet)
            if self.cache is not None and key is not None:
                self.cache.put(key, _dump_mix(out, report))
        self.reports.append(report)
        joined = self._join(chunk, after, out)
        if self.stems:
            self.stem_parts.append(joined[:, 2:])
            return np.ascontiguousarray(joined[:, :2])
        return joined

    def _mix_anew(self, chunk: _Chunk, a: int, n: int, lines: list[Placed],
                  effects: list[Spot], quiet: list[tuple[float, float]]) -> tuple[np.ndarray, MixReport]:
        """The chunk's mix, (n, 2); with stems (n, 8): the mix, then dialogue, music, effects."""
        sr = self.sample_rate
        music = self._music_span(a, a + n)
        bed = None
        if chunk.bed is not None:
            weather, place, seed = chunk.bed
            bed = ambience(weather, place, n / sr, seed=seed, sample_rate=sr)[:n]
            if bed.shape[0] < n:
                bed = np.pad(bed, ((0, n - bed.shape[0]), (0, 0)))
        fx = None
        if effects:
            fx = np.zeros((n, 2), np.float32)
            for e in effects:
                at = round(e.at_s * sr)
                if at < n:
                    sound = spot(e.name, seed=e.seed, sample_rate=sr, position=e.position)
                    sound = sound[max(0, -at): max(0, -at) + n - max(0, at)]  # (one begun before rings on)
                    fx[max(0, at):max(0, at) + sound.shape[0]] += sound
        made = mix(lines, music, bed, sample_rate=sr, total_samples=n, target_lufs=self.target_lufs + chunk.level_db,
                   music_lu=chunk.music_lu, duck_db=DUCK_DB, effects=fx, stems=self.stems,
                   bed_gain=bed_gain(quiet, n, sr), dialogue_lufs=chunk.dialogue_lufs)
        if not self.stems:
            return made[0], made[1]
        out, report, stems = made  # type: ignore[misc]
        return np.concatenate([out, stems.dialogue, stems.music, stems.effects], axis=1), report

    def _join(self, chunk: _Chunk, after: _Chunk | None, out: np.ndarray) -> np.ndarray:
        """Crossfade the chunk's head into the last chunk's tail; keep its own tail for the next."""
        n = out.shape[0]  # (out is this chunk's own: written in place)
        if self._tail is not None:
            k = min(self._tail.shape[0], n)
            ramp = np.linspace(0.0, 1.0, k, endpoint=False, dtype=np.float32)[:, None]
            out[:k] = self._tail[:k] * (1 - ramp) + out[:k] * ramp
        own = chunk.end - chunk.start
        self._tail = out[own:].copy() if after is not None else None
        # music before this chunk's end is no longer needed (if it was played at all)
        drop = min(chunk.end, self._music_base + self._music.shape[0]) - self._music_base
        if drop > 0:
            self._music, self._music_base = self._music[drop:], self._music_base + drop
        self.samples += own
        return out[:own]


def beat_runs(shots: list[Shot]) -> list[list[Shot]]:
    """A cut's shots as production hands them to ``Soundtrack.add``: the title card, each beat's
    shots, the end card (for a cut made whole, as tests and benches make one)."""
    runs: list[list[Shot]] = []
    for s in shots:
        if runs and s.beat == runs[-1][-1].beat and "title" not in (s.kind, runs[-1][-1].kind) and s.kind != "end":
            runs[-1].append(s)
        else:
            runs.append([s])
    return runs


def stems_of(parts: list[np.ndarray]) -> Stems:
    """The kept stem parts joined: dialogue, music and effects, each (n, 2), summing to the mix."""
    whole = np.concatenate(parts) if parts else np.zeros((0, 6), np.float32)
    return Stems(whole[:, 0:2], whole[:, 2:4], whole[:, 4:6])


def _levels(story: Story) -> tuple[float, float]:
    """The story's usual tension (beats weighted by their words, which is about how long they
    play) and a trim that keeps the whole film's energy mean, hence its integrated loudness,
    on the target however the scenes spread around it."""
    weights, tensions = [], []
    for b in story.graph.beats:
        weights.append(1 + len(b.narration.split()) + sum(len(ln.text.split()) for ln in b.lines))
        tensions.append(b.tension)
    w, t = np.asarray(weights, np.float64), np.asarray(tensions, np.float64)
    centre = float((w * t).sum() / w.sum())
    lo, hi = SCENE_LEVEL_DB
    offsets = np.clip(DYNAMICS_DB * (t - centre), lo, hi)
    trim = -10 * np.log10(float((w * 10 ** (offsets / 10)).sum() / w.sum()))
    return centre, float(trim)


def _dump_mix(out: np.ndarray, report: MixReport) -> bytes:
    buf = io.BytesIO()
    np.savez(buf, audio=out, report=np.frombuffer(report.model_dump_json().encode(), np.uint8))
    return buf.getvalue()


def _load_mix(data: bytes | None) -> tuple[np.ndarray, MixReport] | None:
    if data is None:
        return None
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as z:
            return z["audio"].astype(np.float32), MixReport.model_validate_json(z["report"].tobytes())
    except (ValueError, KeyError, OSError):
        return None  # a damaged entry is a miss
