"""The film's score: a procedural arrangement that follows the tension curve, rendered to audio.

    cues (spans of the film with tension and role) -> arrange() -> Arrangement (notes) -> render()
    or, a cue at a time while the film is made: ScoreStream.add(cue) ... take(until) ... finish()

The key and mode come from the genre (minor for noir, horror, thriller; major for comedy,
romance, adventure), an ending's kind can turn it (a tragedy ends in the parallel minor).
Tension sets each cue's tempo and density: sparse sustained chords and a few long melody
notes when calm; walking bass, comping, drums and running eighths when it rises; a sting
when it jumps. One seeded motif is the film's theme: each phrase states it over the current
chords and answers it with a seeded walk over the scale that lands on a chord tone.
"""

import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from ...errors import BadInputError
from ...model.bible import StyleGuide
from ...model.shot import Shot, ShotList
from .dsp import Reverb, fade, pan_gains, reverb
from .harmony import song_chords
from .instruments import DRUMS, INSTRUMENTS, drum
from .palettes import CHORDS, SCALES, Palette, palette_for

CueKind = Literal["title", "scene", "end"]
ROLE_GAIN = {"lead": 1.0, "pad": 0.55, "bass": 0.8, "comp": 0.55, "sting": 0.9}
DRUM_GAIN = 0.45
CACHE_BYTES = 48 << 20  # bound on rendered notes kept for reuse within one render


@dataclass(frozen=True)
class ScoreCue:
    """A span of the film to score. ``role`` is a beat role (setup, crisis, climax...) or an
    ending kind (triumph, tragedy, bittersweet, twist, open)."""

    start_s: float
    end_s: float
    tension: float = 0.5
    kind: CueKind = "scene"
    role: str | None = None
    #: A song: the tempo the singers sing at, and their notes (film seconds, seconds, midi),
    #: which the score accompanies on their beat and doubles on its lead.
    bpm: float | None = None
    melody: tuple[tuple[float, float, int], ...] = ()


#: Scenes calmer than this get TACET_BARS of music and then silence until the next cue.
TACET_BELOW = 0.3
TACET_BARS = 2


@dataclass(frozen=True)
class Tune:
    """What the score and a film's singers agree on: its key, mode, song tempo and meter."""

    key: int          # pitch class of the tonic (0 = C)
    mode: str         # "major" or "minor"
    bpm: float
    meter: int = 4


def tune_for(style: StyleGuide, genres: list[str], seed: int) -> Tune:
    """The film's key (as the score chooses it) and a song tempo in the middle of its range."""
    pal = palette_for(genres, style.music)
    rng = np.random.default_rng([seed, 0])
    key = int(pal.keys[int(rng.integers(len(pal.keys)))])
    return Tune(key, pal.mode, float(round((pal.tempo[0] + pal.tempo[1]) / 2)), pal.meter)


@dataclass(frozen=True)
class Note:
    time: float      # seconds from the film's start
    dur: float       # seconds the key is held
    midi: float
    vel: float       # 0..1
    inst: str
    role: str


@dataclass(frozen=True)
class Hit:
    time: float
    drum: str
    vel: float


@dataclass
class Section:
    cue: ScoreCue
    bpm: float
    mode: str
    origin: float = 0.0  # film seconds of its first bar line (a song's: where the singing starts)
    #: A song's chords, from its sung notes (harmony.song_chords): bar index -> (degree, quality).
    song: dict[int, tuple[int, str]] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)


@dataclass
class Arrangement:
    key: int                  # pitch class of the tonic, 0 = C
    mode: str                 # the film's mode; a section may differ (see Section.mode)
    palette: Palette
    seconds: float
    sections: list[Section]
    seed: int

    @property
    def notes(self) -> list[Note]:
        return [n for s in self.sections for n in s.notes]

    @property
    def hits(self) -> list[Hit]:
        return [h for s in self.sections for h in s.hits]


def _check(cues: list[ScoreCue]) -> float:
    if not cues:
        raise BadInputError("no cues to score: pass at least one ScoreCue", where="cues")
    for i, c in enumerate(cues):
        where = f"cues[{i}]"
        if not (np.isfinite(c.start_s) and np.isfinite(c.end_s)) or c.start_s < 0 or c.end_s <= c.start_s:
            raise BadInputError(f"span {c.start_s}..{c.end_s} s is empty or negative", where=where)
        if not 0.0 <= c.tension <= 1.0:
            raise BadInputError(f"tension {c.tension} is outside 0..1", where=where)
        if c.kind not in ("title", "scene", "end"):
            raise BadInputError(f"kind {c.kind!r} is not title, scene or end", where=where)
    return max(c.end_s for c in cues)


class _Composer:
    """Writes the notes of one film; keeps the harmonic position and the theme across cues."""

    def __init__(self, pal: Palette, key: int, seed: int):
        self.pal = pal
        self.key = key
        self.rng = np.random.default_rng([seed, 1])
        self.bar_no = 0
        self.voicing: list[int] = []
        self.lead_pitch = 67 + key % 12 - 12 if key % 12 > 7 else 67 + key % 12
        self.motif = self._motif()
        self._beat_s = 0.5
        self.last_role: str | None = None

    # ---- harmony ----

    def _progression(self, mode: str) -> tuple[tuple[int, str], ...]:
        if mode == self.pal.mode:
            return self.pal.progression
        if mode == "major":
            return ((0, "maj"), (5, "maj"), (7, "maj"), (0, "maj"))
        return ((0, "min"), (5, "min"), (7, "7"), (0, "min"))

    def chord_pcs(self, chord: tuple[int, str]) -> list[int]:
        root = (self.key + chord[0]) % 12
        return [(root + i) % 12 for i in CHORDS[chord[1]]]

    def chord_scale(self, chord: tuple[int, str], mode: str) -> list[int]:
        """Melody pitches for this chord: its tones plus scale tones that do not rub against them."""
        tones = set(self.chord_pcs(chord))
        scale = {(self.key + s) % 12 for s in SCALES[mode]}
        ok = {p for p in scale if all(min((p - t) % 12, (t - p) % 12) != 1 for t in tones)}
        return sorted(tones | ok)

    def voice(self, chord: tuple[int, str], low: int = 50, high: int = 70) -> list[int]:
        """Chord tones in a middle register, moving as little as possible from the last voicing."""
        pcs = self.chord_pcs(chord)[:4]
        options = []
        for inversion in range(len(pcs)):
            notes, last = [], low - 1
            for pc in pcs[inversion:] + pcs[:inversion]:
                m = last + 1 + (pc - (last + 1)) % 12
                notes.append(m)
                last = m
            while notes[-1] > high:
                notes = [n - 12 for n in notes]
            while notes[0] < low:
                notes = [n + 12 for n in notes]
            options.append(notes)
        if self.voicing:
            prev = np.mean(self.voicing)
            options.sort(key=lambda v: abs(np.mean(v) - prev))
        self.voicing = options[0]
        return options[0]

    # ---- melody ----

    def _motif(self) -> list[tuple[float, float, int]]:
        """Two bars of (beat, length, scale steps from the previous note): the film's theme."""
        meter = self.pal.meter
        shapes4: list[list[tuple[float, float]]] = [[(0, 1.5), (1.5, 0.5), (2, 1), (3, 1)], [(0, 1), (1, 1), (2, 2)], [(0, 0.5), (0.5, 0.5), (1, 1), (2, 1.5), (3.5, 0.5)],
                   [(0, 2), (2, 1), (3, 1)], [(0, 1), (1, 0.5), (1.5, 1.5), (3, 1)]]
        shapes3: list[list[tuple[float, float]]] = [[(0, 2), (2, 1)], [(0, 1), (1, 1), (2, 1)], [(0, 1.5), (1.5, 0.5), (2, 1)], [(0, 3)]]
        shapes = shapes4 if meter == 4 else shapes3
        out: list[tuple[float, float, int]] = []
        for bar in range(2):
            shape = shapes[int(self.rng.integers(len(shapes)))]
            for beat, length in shape:
                step = int(self.rng.choice([-2, -1, -1, 0, 1, 1, 2, 3, -3], p=[.1, .2, .15, .05, .2, .15, .07, .04, .04]))
                out.append((bar * meter + beat, length, step))
        return out

    def _walk_rhythm(self, tension: float) -> list[tuple[float, float]]:
        meter = self.pal.meter
        pool4: list[list[tuple[float, float]]]
        pool3: list[list[tuple[float, float]]]
        if tension < 0.33:
            pool4 = [[(0, 4)], [(0, 2), (2, 2)], [(0, 3), (3, 1)]]
            pool3 = [[(0, 3)], [(0, 2), (2, 1)]]
        elif tension < 0.66:
            pool4 = [[(0, 1), (1, 1), (2, 1), (3, 1)], [(0, 1.5), (1.5, 0.5), (2, 2)], [(0, 1), (1, .5), (1.5, .5), (2, 2)]]
            pool3 = [[(0, 1), (1, 1), (2, 1)], [(0, 1.5), (1.5, .5), (2, 1)]]
        else:
            pool4 = [[(b / 2, 0.5) for b in range(8)], [(0, 1), (1, .5), (1.5, .5), (2, .5), (2.5, .5), (3, 1)]]
            pool3 = [[(b / 2, 0.5) for b in range(6)], [(0, 1), (1, .5), (1.5, .5), (2, 1)]]
        pool = pool4 if meter == 4 else pool3
        return list(pool[int(self.rng.integers(len(pool)))])

    def _adapt(self, motif: list[tuple[float, float, int]], tension: float) -> list[tuple[float, float, int]]:
        """The theme thinned out when calm (only notes on strong beats), ornamented when tense."""
        if tension < 0.3:
            kept = [(b, length, s) for b, length, s in motif if b % 2 == 0]
            out = []
            for i, (b, _, s) in enumerate(kept):
                nxt = kept[i + 1][0] if i + 1 < len(kept) else 2 * self.pal.meter
                out.append((b, nxt - b, s))
            return out
        if tension > 0.7:
            out = []
            for b, length, s in motif:
                if length >= 1:
                    out += [(b, length / 2, s), (b + length / 2, length / 2, 1 if s <= 0 else -1)]
                else:
                    out.append((b, length, s))
            return out
        return motif

    def _pitch_near(self, target: int, allowed: list[int], low: int, high: int) -> int:
        cands = [m for m in range(low, high + 1) if m % 12 in allowed]
        return min(cands, key=lambda m: (abs(m - target), m))

    def _step(self, pitch: int, steps: int, allowed: list[int], low: int, high: int) -> int:
        cands = [m for m in range(low, high + 1) if m % 12 in allowed]
        i = min(range(len(cands)), key=lambda k: abs(cands[k] - pitch))
        # lean back toward the middle of the range so the walk never drifts off an edge
        mid = (low + high) / 2
        if abs(pitch - mid) > (high - low) * 0.35 and np.sign(steps) == np.sign(pitch - mid):
            steps = -steps
        return cands[int(np.clip(i + steps, 0, len(cands) - 1))]

    # ---- a cue ----

    def section(self, cue: ScoreCue, mode: str, prev_tension: float | None, final: bool) -> Section:
        pal, rng = self.pal, self.rng
        t = cue.tension
        bpm = float(round(pal.tempo[0] + (pal.tempo[1] - pal.tempo[0]) * t))
        if cue.kind == "end":
            bpm = float(pal.tempo[0])
        if cue.bpm:
            bpm = float(cue.bpm)
        sec = Section(cue, bpm, mode)
        beat = 60.0 / bpm
        self._beat_s = beat
        meter = pal.meter
        bar_len = beat * meter
        prog = self._progression(mode)
        origin = cue.start_s
        if cue.melody:  # bars fall where the singing starts: the band plays on the singer's beat
            first = min(t0 for t0, _, _ in cue.melody)
            origin = first - np.ceil(max(0.0, first - cue.start_s) / bar_len - 1e-9) * bar_len
        sec.origin = origin
        if cue.melody:  # the band plays the chords the singers' tune asks for (what the chorus harmonises)
            sec.song = song_chords(cue.melody, self.key, pal.mode, origin=origin, bar_s=bar_len, beat_s=beat)
        span = cue.end_s - origin
        n_bars = max(1, int(np.ceil(span / bar_len - 1e-9)))
        if cue.kind == "end":  # the last bar runs to the end: the final chord is held, never clipped short
            n_bars = max(1, int(span / bar_len + 1e-9))
        vel = 0.5 + 0.4 * t
        lo, hi = 62, 84
        if pal.lead in ("upright_bass", "cello", "twang_guitar"):
            lo, hi = 50, 72
        lead_on = (cue.kind == "title" or rng.random() < 0.55 + 0.5 * t) and not cue.melody
        # a sting marks a jump in tension, the arrival of the climax, a twist ending
        jump = prev_tension is not None and t >= 0.7 and t - prev_tension >= 0.25
        arrival = cue.role in ("climax", "twist") and self.last_role != cue.role
        if jump or arrival:
            self._sting(sec, cue.start_s, prog[0], mode)
        self.last_role = cue.role
        # how the film's last chord lands: home, home with a catch, or left hanging
        final_chord = (0, "min" if mode == "minor" else "maj")
        if cue.role == "bittersweet":
            final_chord = (0, "madd9" if mode == "minor" else "add9")
        elif cue.role == "open":
            final_chord = (5, "sus2")

        def at(bar: int, b: float) -> float:
            # swing delays the off-beat eighths toward a triplet feel
            frac = b - np.floor(b)
            if pal.swing and abs(frac - 0.5) < 1e-6:
                b = np.floor(b) + 0.5 + pal.swing * 0.5
            return origin + bar * bar_len + b * beat

        def add(time: float, dur: float, midi: float, v: float, inst: str | None, role: str) -> None:
            if inst is None or time >= cue.end_s or time < cue.start_s - 0.02:
                return
            dur = min(dur, cue.end_s - time + (0.4 if not final else 0.0))  # notes may ring into the next cue
            jitter = float(rng.normal(0, 0.004)) if role != "pad" else 0.0
            sec.notes.append(Note(max(cue.start_s, time + jitter), max(0.03, dur), midi,
                                  float(np.clip(v + rng.normal(0, 0.05), 0.1, 1.0)), inst, role))

        # A quiet scene's music states itself and falls silent under the talk (tacet): the film
        # gets real pauses, and the next cue comes in fresh.
        tacet = TACET_BARS if cue.kind == "scene" and t < TACET_BELOW and not cue.melody else None
        for bar in range(n_bars):
            if tacet is not None and bar >= tacet:
                break
            chord = sec.song.get(bar, prog[self.bar_no % len(prog)])
            last_bar = bar == n_bars - 1
            if cue.kind == "end" and (last_bar or bar == n_bars - 2 and n_bars > 2) and bar not in sec.song:
                chord = final_chord if last_bar else (7, "7")  # (a bar sung in keeps the singers' chord)
            self.bar_no += 1
            bar_t = at(bar, 0)
            held = cue.end_s - bar_t if (cue.kind == "end" and last_bar) else bar_len * 1.02
            allowed = self.chord_scale(chord, mode)
            tones = self.chord_pcs(chord)
            root = self.key + chord[0]
            bass_root = 36 + (root - 36) % 12
            # pad: the chord held through the bar
            for m in self.voice(chord):
                add(bar_t, held, m, 0.45 + 0.2 * t, pal.pad, "pad")
            if cue.kind == "end" and last_bar:
                add(bar_t, held, bass_root, vel, pal.bass, "bass")
            else:
                self._bass(sec, add, at, bar, chord, prog, tones, bass_root, t, vel, held)
            self._comp(add, at, bar, chord, t, vel, held, cue.kind == "end" and last_bar)
            if not (cue.kind == "end" and last_bar):
                self._drums(sec, at, bar, t, vel, bar == n_bars - 1 or bar % 4 == 3)
            # lead: theme in bars 0-1 of each 4-bar phrase, an answering walk in bars 2-3
            phrase_bar = bar % 4
            if phrase_bar == 0 and bar > 0 and not cue.melody:
                lead_on = cue.kind == "title" or rng.random() < 0.55 + 0.5 * t
            if not lead_on or pal.lead is None:
                continue
            if cue.kind == "end" and last_bar:
                home = self.key % 12 if final_chord[0] == 0 else tones[0]
                add(bar_t, held, self._pitch_near(self.lead_pitch, [home], lo, hi), vel, pal.lead, "lead")
                continue
            if phrase_bar < 2:
                for b, length, step in self._adapt(self.motif, t):
                    if int(b // meter) != phrase_bar:
                        continue
                    strong = (b % meter) == 0
                    p = self._step(self.lead_pitch, step, allowed, lo, hi)
                    if strong:
                        p = self._pitch_near(p, tones, lo, hi)
                    self.lead_pitch = p
                    add(at(bar, b % meter), length * beat * 0.95, p, vel + (0.08 if strong else 0), pal.lead, "lead")
            else:
                rhythm = self._walk_rhythm(t)
                for i, (b, length) in enumerate(rhythm):
                    step = int(rng.choice([-2, -1, 0, 1, 2, 3, -3], p=[.12, .3, .06, .3, .12, .05, .05]))
                    p = self._step(self.lead_pitch, step, allowed, lo, hi)
                    ending = phrase_bar == 3 and i == len(rhythm) - 1
                    if b % meter == 0 or ending:
                        p = self._pitch_near(p, tones, lo, hi)
                    self.lead_pitch = p
                    if phrase_bar == 3 and ending:
                        length = max(length, 1.0)
                    add(at(bar, b), length * beat * 0.95, p, vel, pal.lead, "lead")
        for t0, dur, m in cue.melody:  # the lead doubles the singers, in its own octave
            add(t0, dur * 0.95, self._pitch_near(m, [m % 12], lo, hi), vel * 0.8, pal.lead or pal.comp, "lead")
        return sec

    def _bass(self, sec, add, at, bar, chord, prog, tones, root, t, vel, held) -> None:  # type: ignore[no-untyped-def]
        pal, meter = self.pal, self.pal.meter
        if pal.bass is None:
            return
        beat = 60.0 / sec.bpm
        interval = CHORDS[chord[1]][2]  # the chord's own fifth: diminished in a half-diminished chord
        fifth = root + interval if root + interval <= 52 else root + interval - 12
        nxt = self.key + prog[self.bar_no % len(prog)][0]
        nxt = 36 + (nxt - 36) % 12
        style = pal.bass_style
        if t < 0.3 or style == "pedal" and t < 0.6:
            pitch = 36 + (self.key - 36) % 12 if style == "pedal" else root
            add(at(bar, 0), held, pitch, vel, pal.bass, "bass")
            return
        if style == "walking":
            line = [root, int(self.rng.choice([root + 3, root + 4, fifth])), fifth,
                    nxt + int(self.rng.choice([-1, 1]))]
            line[1] = self._pitch_near(line[1], [p % 12 for p in tones] + [(root + 2) % 12], 34, 55)
            for b, m in enumerate(line[:meter]):
                add(at(bar, b), beat * 0.9, m, vel, pal.bass, "bass")
        elif style in ("root_fifth",):
            beats = [(0, root), (2 if meter == 4 else 1, fifth)] if t < 0.65 else [(b, root if b % 2 == 0 else fifth) for b in range(meter)]
            for b, m in beats:
                add(at(bar, b), beat * (1.8 if t < 0.65 else 0.9), m, vel, pal.bass, "bass")
        elif style in ("eighths",) or t >= 0.7:
            for k in range(meter * 2):
                add(at(bar, k / 2), beat * 0.45, root + (12 if k % 4 == 3 else 0), vel - 0.1 * (k % 2), pal.bass, "bass")
        else:  # roots / pedal at mid tension: half notes
            for b in range(0, meter, 2):
                add(at(bar, b), beat * 1.9, root, vel, pal.bass, "bass")

    def _comp(self, add, at, bar, chord, t, vel, held, final_bar: bool) -> None:  # type: ignore[no-untyped-def]
        pal, meter = self.pal, self.pal.meter
        inst, style = pal.comp, pal.comp_style
        if inst is None or style == "none":
            return
        voicing = self.voicing
        if final_bar:
            for m in voicing:
                add(at(bar, 0), held, m + 12 * (inst in ("harp", "pizzicato", "harpsichord")), vel * 0.8, inst, "comp")
            return
        if style == "pulse":
            if t < 0.3:
                return
            step = 0.25 if t >= 0.8 else 0.5
            seq = [voicing[0] + 12, voicing[-1] + 12, voicing[1] + 12, voicing[-1] + 12]
            for k in range(int(meter / step)):
                add(at(bar, k * step), 0.09, seq[k % 4], vel * (1.0 if k % 4 == 0 else 0.8), inst, "comp")
            return
        if style == "tremolo":
            if t < 0.5:
                return
            for m in (voicing[0], voicing[0] + 1, voicing[0] + 6):  # minor second and tritone: dread
                add(at(bar, 0), held * 1.0, m + 12, vel * 0.7, inst, "comp")
            return
        bl = self._beat_s  # seconds a beat in this cue
        if style == "arpeggio":
            step = 0.5 if t >= 0.45 else 1.0
            up = [m + 12 for m in voicing] + [voicing[0] + 24]
            seq = up + up[-2:0:-1]
            for k in range(int(meter / step)):
                add(at(bar, k * step), bl * step * 2.5, seq[k % len(seq)], vel * 0.8, inst, "comp")
        elif style == "charleston":
            hits = [(0, 0.7)] if t < 0.35 else [(0, 0.7), (1.5, 0.5)] + ([(3, 0.4)] if t >= 0.7 else [])
            for b, length in hits:
                for m in voicing:
                    add(at(bar, b), bl * length, m, vel * 0.75, inst, "comp")
        elif style == "strum":
            beats: list[float] = [0] if t < 0.35 else ([1, 3] if meter == 4 else [1, 2])
            if t >= 0.7:
                beats = [b / 2 for b in range(meter * 2) if b % 2 == 1 or b in (2, 6)]
            for b in beats:
                for i, m in enumerate(voicing):  # a strum: strings a few ms apart
                    add(at(bar, b) + i * 0.012, bl * (1.6 if t < 0.35 else 0.8), m, vel * 0.7, inst, "comp")
        elif style == "offbeat":
            beats = [1.0, 3.0] if (t < 0.6 and meter == 4) else [b + 0.5 for b in range(meter)]
            if meter == 3 and t < 0.6:
                beats = [1, 2]
            for b in beats:
                for m in voicing:
                    add(at(bar, b), bl * 0.3, m + 12, vel * 0.7, inst, "comp")

    def _drums(self, sec: Section, at, bar: int, t: float, vel: float, fill: bool) -> None:  # type: ignore[no-untyped-def]
        low, back, keep = self.pal.kit
        meter = self.pal.meter
        hits: list[tuple[float, str, float]] = []
        if t < 0.3:
            return
        if low == "boom":
            if t >= 0.6 and self.bar_no % 2 == 0:
                hits.append((0, "boom", vel))
        elif low == "timpani":
            if t >= 0.5:
                hits.append((0, "timpani", vel))
        elif low != "none":
            hits.append((0, low, vel))
            if meter == 4:
                hits.append((2, low, vel * 0.9))
            if t >= 0.65 and meter == 4:
                hits.append((2.5, low, vel * 0.7))
        if back != "none":
            backs = [1, 3] if meter == 4 else [1, 2]
            hits += [(b, back, vel * 0.8) for b in backs]
            if fill and t >= 0.65:
                hits += [(meter - 1 + k / 4, back, vel * (0.5 + k * 0.12)) for k in range(4)]
        if keep != "none":
            step = 1.0 if t < 0.65 else (0.25 if t >= 0.85 and keep == "hat" else 0.5)
            hits += [(k * step, keep, vel * (0.7 if (k * step) % 1 else 0.9)) for k in range(int(meter / step))]
        for b, name, v in hits:
            time = at(bar, b)
            if time < sec.cue.end_s:
                sec.hits.append(Hit(time, name, float(np.clip(v + self.rng.normal(0, 0.05), 0.1, 1.0))))

    def _sting(self, sec: Section, time: float, chord: tuple[int, str], mode: str) -> None:
        kind = self.pal.sting
        root = 48 + (self.key - 48) % 12
        if kind == "dissonant":
            for m in (root + 12, root + 13, root + 18, root + 23):
                sec.notes.append(Note(time, 1.4, m, 0.9, "strings", "sting"))
            sec.hits.append(Hit(time, "boom", 1.0))
            return
        third = 3 if mode == "minor" else 4
        for m in (root, root + third + 12, root + 19, root + 24):
            sec.notes.append(Note(time, 0.5, m, 1.0, "brass", "sting"))
        sec.hits.append(Hit(time, "timpani", 1.0))



def arrange(cues: list[ScoreCue], *, style: StyleGuide, genres: list[str], seed: int) -> Arrangement:
    """Write the notes: key, mode, tempo and density per cue, all deterministic per seed."""
    seconds = _check(cues)
    pal = palette_for(genres, style.music)
    rng = np.random.default_rng([seed, 0])
    key = int(pal.keys[int(rng.integers(len(pal.keys)))])
    composer = _Composer(pal, key, seed)
    sections = []
    prev: float | None = None
    ordered = sorted(cues, key=lambda c: c.start_s)
    for i, cue in enumerate(ordered):
        mode = pal.mode
        if cue.role == "tragedy":
            mode = "minor"
        elif cue.role == "triumph":
            mode = "major"
        sections.append(composer.section(cue, mode, prev, final=i == len(ordered) - 1))
        prev = cue.tension
    return Arrangement(key, pal.mode, pal, seconds, sections, seed)


class _Player:
    """Plays notes and drum hits into a dry stereo buffer and a mono reverb send.

    Repeated notes (a looping progression) are rendered once; each note is scaled by its
    velocity, its instrument's gain and role, and panned as it is added.
    """

    def __init__(self, seed: int, sample_rate: int):
        self.seed, self.sr = seed, sample_rate
        self._waves: dict[tuple[str, int, int], np.ndarray] = {}
        self._bytes = 0
        self._drums = {name: [drum(name, sample_rate, np.random.default_rng([seed, 7, k, i])) for k in range(3)]
                       for i, name in enumerate(DRUMS)}
        self._hits = 0

    def _wave(self, note: Note) -> np.ndarray:
        sr = self.sr
        # quantise the held length so repeated notes share one render (fine for pads, inaudible)
        q = int(sr * (0.03 if note.dur < 1.0 else 0.25))
        gate = max(q, round(note.dur * sr / q) * q)
        key = (note.inst, round(note.midi), gate)
        wave = self._waves.get(key)
        if wave is None:
            rng = np.random.default_rng([self.seed, zlib.crc32(repr(key).encode())])
            # a few ms of fade at the very end, so a release cut short never clicks
            wave = fade(INSTRUMENTS[note.inst].render(float(key[1]), gate, sr, rng, 0.7), sr, 0.0, 0.005)
            if self._bytes <= CACHE_BYTES:
                self._waves[key] = wave
                self._bytes += wave.nbytes
        return wave

    def play(self, notes: list[Note], hits: list[Hit], dry: np.ndarray, send: np.ndarray, offset: int = 0) -> None:
        """Add into ``dry`` (n, 2) and ``send`` (n,), whose sample 0 is the film's ``offset``."""
        n = dry.shape[0]
        for note in notes:
            start = round(note.time * self.sr) - offset
            if not 0 <= start < n:
                continue
            inst = INSTRUMENTS[note.inst]
            wave = self._wave(note)
            end = min(start + wave.shape[0], n)
            w = wave[: end - start] * np.float32(note.vel ** 1.5 * inst.gain * ROLE_GAIN[note.role])
            for ch, pg in enumerate(pan_gains(inst.pan)):
                dry[start:end, ch] += w * np.float32(pg)
            send[start:end] += w * np.float32(inst.send * 0.7)
        for hit in hits:
            start = round(hit.time * self.sr) - offset
            k, self._hits = self._hits, self._hits + 1
            if not 0 <= start < n:
                continue
            wave = self._drums[hit.drum][k % 3]
            end = min(start + wave.shape[0], n)
            w = wave[: end - start] * np.float32(hit.vel ** 1.5 * DRUM_GAIN)
            for ch, pg in enumerate(pan_gains(0.05)):
                dry[start:end, ch] += w * np.float32(pg)
            send[start:end] += w * np.float32(0.15 * 0.7)


def render(arr: Arrangement, *, sample_rate: int = 48000, n_samples: int | None = None) -> np.ndarray:
    """Play an arrangement: float32 stereo, shape (n, 2), peak 0.7."""
    sr = sample_rate
    n = round(arr.seconds * sr) if n_samples is None else int(n_samples)
    if n <= 0:
        raise BadInputError(f"the score would be {n} samples long", where="n_samples")
    dry = np.zeros((n, 2), dtype=np.float32)
    send = np.zeros(n, dtype=np.float32)  # the reverb is fed mono; its two allpass chains make the width
    _Player(arr.seed, sr).play(arr.notes, arr.hits, dry, send)
    dry += reverb(send, sr, arr.palette.reverb) * np.float32(0.6)
    out = dry
    ending = arr.sections[-1].cue.kind == "end" if arr.sections else False
    fade(out, sr, 0.02, 2.0 if ending else 0.25)
    peak = float(np.abs(out).max())
    if peak > 0:
        out *= 0.7 / peak
    return out.astype(np.float32)


class ScoreStream:
    """The score written and played a cue at a time, for a film that streams while it is made.

    ``add`` writes the next cue's section (cues come in order, end to end); ``take`` returns the
    music up to a time as soon as no later note can change it (a note never starts before its
    own cue, so everything before the newest cue's start is final, reverb tails included, as
    the reverb is fed block by block and carries its tail from block to block); ``finish`` ends the film with the
    last cue's fade. Levels are fixed, not normalised to the loudest peak (which is not known
    until the end): the mix sets them.
    """

    GAIN = 0.35

    def __init__(self, *, style: StyleGuide, genres: list[str], seed: int, sample_rate: int = 48000):
        self.sr = sample_rate
        self.palette = palette_for(genres, style.music)
        self.tune = tune_for(style, genres, seed)
        self.key = self.tune.key  # the singers sing in it too (synth/voice/sing.py)
        self._composer = _Composer(self.palette, self.key, seed)
        self._player = _Player(seed, sample_rate)
        self._prev: float | None = None
        self.sections: list[Section] = []
        self._tail = int((4.0 + self.palette.reverb) * sample_rate)  # (room for the longest notes' release)
        self._reverb = Reverb(sample_rate, self.palette.reverb)
        self._dry = np.zeros((0, 2), np.float32)   # from sample self._base on
        self._send = np.zeros(0, np.float32)
        self._base = 0          # film sample held at index 0 of the buffers
        self._ready = 0         # samples before this are final
        self._wet_done = 0      # send fed to the reverb up to here
        self._emitted = 0
        self._end: int | None = None

    def _grow(self, until: int) -> None:
        need = until - self._base
        if need > self._dry.shape[0]:
            extra = need - self._dry.shape[0]
            self._dry = np.concatenate([self._dry, np.zeros((extra, 2), np.float32)])
            self._send = np.concatenate([self._send, np.zeros(extra, np.float32)])

    def add(self, cue: ScoreCue, *, final: bool = False) -> None:
        _check([cue])
        if self._end is not None:
            raise BadInputError("the score is finished; no more cues", where="ScoreStream.add")
        start = round(cue.start_s * self.sr)
        if start < self._ready:
            raise BadInputError(f"cue at {cue.start_s:.3f} s starts before the last one ended", where="ScoreStream.add")
        mode = "minor" if cue.role == "tragedy" else "major" if cue.role == "triumph" else self.palette.mode
        sec = self._composer.section(cue, mode, self._prev, final=final or cue.kind == "end")
        self._prev = cue.tension
        self.sections.append(sec)
        end = round(cue.end_s * self.sr)
        self._grow(end + self._tail)
        self._player.play(sec.notes, sec.hits, self._dry, self._send, offset=self._base)
        self._ready = end  # the next cue's notes start at its start, here or later

    def take(self, until_s: float | None = None) -> np.ndarray:
        """Final music from where the last take stopped up to ``until_s`` (or all that is final)."""
        limit = self._ready if self._end is None else self._end
        until = limit if until_s is None else min(limit, round(until_s * self.sr))
        if until <= self._emitted:
            return np.zeros((0, 2), np.float32)
        if until > self._wet_done:  # (the reverb carries its tail on into the next take's)
            a, b = self._wet_done - self._base, until - self._base
            self._dry[a:b] += self._reverb(self._send[a:b]) * np.float32(0.6)
            self._send[a:b] = 0.0
            self._wet_done = until
        a, b = self._emitted - self._base, until - self._base
        out = self._dry[a:b] * np.float32(self.GAIN)
        if self._emitted == 0:
            fade(out, self.sr, 0.02, 0.0)
        if self._end is not None and until == self._end:
            ending = bool(self.sections) and self.sections[-1].cue.kind == "end"
            # the fade-out may reach back into music already taken; it takes what is left of it
            k = min(out.shape[0], int((2.0 if ending else 0.25) * self.sr))
            fade(out[out.shape[0] - k:], self.sr, 0.0, k / self.sr)
        self._emitted = until
        # drop what is taken and fully reverberated, keeping the buffers a few seconds long
        drop = self._emitted - self._base
        self._dry, self._send = self._dry[drop:], self._send[drop:]
        self._base = self._emitted
        return out

    def finish(self, n_samples: int | None = None) -> np.ndarray:
        """End the score at ``n_samples`` (default: the last cue's end) and take the rest."""
        self._end = self._ready if n_samples is None else int(n_samples)
        self._grow(self._end)
        return self.take()


def score(cues: list[ScoreCue], *, style: StyleGuide, genres: list[str], seed: int, sample_rate: int = 48000,
          n_samples: int | None = None) -> np.ndarray:
    """The film's music: float32 stereo (n, 2), n = round(last cue end * sample_rate) unless
    ``n_samples`` is given (pass the cut's exact length so music and picture line up)."""
    return render(arrange(cues, style=style, genres=genres, seed=seed), sample_rate=sample_rate, n_samples=n_samples)


def cues_from_shots(shots: ShotList, roles: Mapping[str, str] | None = None) -> list[ScoreCue]:
    """One cue a run of shots from the same beat (title and end cards get their own).

    Tension is the run's length-weighted mean; ``roles`` maps beat id -> beat role, or the
    ending kind for an ending beat (what turns the last chord). Cue edges fall on frame
    boundaries, so the score lines up with the cut exactly.
    """
    roles = roles or {}
    fps = shots.fps
    cues: list[ScoreCue] = []
    run: list[Shot] = []

    def close() -> None:
        if not run:
            return
        start = run[0].start_frame / fps
        end = (run[-1].start_frame + run[-1].frames) / fps
        weight = sum(s.frames for s in run)
        tension = sum(s.tension * s.frames for s in run) / weight
        kind: CueKind = "title" if run[0].kind == "title" else "end" if run[-1].kind == "end" else "scene"
        cues.append(ScoreCue(start, end, float(np.clip(tension, 0.0, 1.0)), kind, roles.get(run[0].beat)))
        run.clear()

    for shot in shots.shots:
        boundary = run and (shot.beat != run[-1].beat or shot.kind in ("title", "end") or run[-1].kind == "title")
        if boundary:
            close()
        run.append(shot)
    close()
    return cues
