"""Singing: a spoken line resynthesised onto a melody, syllable by syllable.

    the line as spoken, in the singer's designed voice
      -> syllable nuclei (intensity peaks where the voice is voiced, with a dip between:
         the de Jong & Wempe method) and the stretches between them
      -> a melody for that many syllables in the score's key, mode and tempo (a call rises
         to the dominant, an answer falls home to the tonic), within the singer's register
      -> Praat's PSOLA manipulation: each syllable's stretch timed to its note (a duration
         tier) and pitched on it (a pitch tier, with a scoop into each note and vibrato on
         long ones)
      -> the sung line, its words re-timed, and its notes (for the score to double)

Works on any backend's speech: it needs the sound, not the phonemes. Deterministic per seed.
"""

from __future__ import annotations

import math

import numpy as np

from ...model.shot import WordTiming
from ..music.harmony import harmony
from ..music.score import Tune
from .base import Speech

__all__ = ["Tune", "chorus", "melody", "nuclei", "sing", "sung_line"]

from ..music.palettes import SCALES


#: Seconds a sung line rings on after its last note ends.
RELEASE_S = 0.1


def _midi(hz: float) -> float:
    return 69 + 12 * math.log2(hz / 440.0)


def _hz(midi: float) -> float:
    return 440.0 * 2 ** ((midi - 69) / 12)


def nuclei(x: np.ndarray, sr: int) -> list[tuple[float, float, float]]:
    """Syllables of a spoken line: (start, nucleus, end) seconds, covering the voiced speech."""
    import parselmouth

    snd = parselmouth.Sound(np.asarray(x, np.float64), sr)
    if snd.duration < 0.12:
        return []
    inten = snd.to_intensity(minimum_pitch=100.0)
    times = inten.xs()
    db = inten.values[0]
    pitch = snd.to_pitch(pitch_floor=60.0, pitch_ceiling=500.0)
    voiced = np.array([pitch.get_value_at_time(t) or 0.0 for t in times])
    voiced = np.nan_to_num(voiced) > 0
    loud = db > db.max() - 25.0
    peaks = [i for i in range(1, len(db) - 1) if db[i] >= db[i - 1] and db[i] > db[i + 1] and voiced[i] and loud[i]]
    # keep a peak only when the valley to the last kept one dips by 2 dB (else one syllable)
    kept: list[int] = []
    for i in peaks:
        if kept:
            valley = db[kept[-1]:i + 1].min()
            if min(db[kept[-1]], db[i]) - valley < 2.0:
                if db[i] > db[kept[-1]]:
                    kept[-1] = i
                continue
        kept.append(i)
    if not kept:
        return []
    on = np.flatnonzero(db > db.max() - 30.0)
    first, last = float(times[on[0]]), float(times[on[-1]])
    bounds = [first] + [float(times[a + int(np.argmin(db[a:b + 1]))]) for a, b in zip(kept, kept[1:])] + [last]
    return [(bounds[k], float(times[i]), bounds[k + 1]) for k, i in enumerate(kept) if bounds[k + 1] > bounds[k]]


def _regroup(syl: list[tuple[float, float, float]], k: int) -> list[tuple[float, float, float]]:
    """``syl`` merged or split to exactly ``k`` syllables (merging neighbours, splitting the longest)."""
    syl = list(syl)
    while len(syl) > k:
        i = min(range(len(syl) - 1), key=lambda j: syl[j + 1][2] - syl[j][0])
        (a, v, _), (_, _, e) = syl[i], syl[i + 1]
        syl[i:i + 2] = [(a, v, e)]
    while len(syl) < k:
        i = max(range(len(syl)), key=lambda j: syl[j][2] - syl[j][0])
        a, v, e = syl[i]
        mid = (a + e) / 2
        syl[i:i + 1] = [(a, (a + mid) / 2, mid), (mid, (mid + e) / 2, e)]
    return syl


def melody(n: int, tune: Tune, centre_hz: float, *, answer: bool, seed: int) -> list[tuple[float, int]]:
    """``n`` notes as (beats, midi): eighth notes, the last held to the end of a half bar."""
    if n <= 0:
        return []
    rng = np.random.default_rng([seed % 2**63, 41])
    scale = SCALES.get(tune.mode, SCALES["major"])
    centre = _midi(centre_hz)
    tones = [m for m in range(int(centre) - 9, int(centre) + 10) if (m - tune.key) % 12 in scale]

    def near(target: float, degree: int | None = None) -> int:
        pool = [m for m in tones if degree is None or (m - tune.key) % 12 == scale[degree]]
        return min(pool or tones, key=lambda m: abs(m - target))

    # the contour in scale steps: a call climbs and ends open on the fifth, an answer starts
    # high and steps home to the tonic; never three notes the same in a row
    start = min(range(len(tones)), key=lambda k: abs(tones[k] - (centre - 2 if not answer else centre + 2)))
    steps = []
    for i in range(n):
        p = i / max(1, n - 1)
        d = round(5 * math.sin(math.pi * p * 0.9)) if not answer else round(4 * math.cos(math.pi * p / 2)) - 3
        if 0 < i < n - 1 and rng.random() < 0.3:
            d += int(rng.choice([-1, 1]))
        if len(steps) >= 2 and d == steps[-1] == steps[-2]:
            d += 1 if i % 2 else -1
        steps.append(d)
    notes = [tones[min(max(start + d, 0), len(tones) - 1)] for d in steps]
    if n > 1:  # the cadence: the nearest fifth (a call) or tonic (an answer) to where the line got
        notes[-1] = near(notes[-2], 4 if not answer else 0)
    beats = [0.5] * n
    for i in range(1, n - 1, 4):  # a little lilt in the phrase: some syllables dotted
        if rng.random() < 0.35:
            beats[i] = 0.75
    held = sum(beats[:-1])
    # the last note held to an eighth short of a half bar: the singer breathes there, and the
    # next line can come in on the bar line (the cut starts sung lines on bars)
    beats[-1] = math.ceil((held + 2.0) / 2) * 2 - held - 0.5
    return list(zip(beats, notes))


def sing(speech: Speech, tune: Tune, centre_hz: float, *, answer: bool = False, seed: int = 0,
         tune_notes: list[tuple[float, int]] | None = None,
         transpose: bool = True) -> tuple[Speech, list[tuple[float, float, int]]]:
    """The line sung; and its notes as (start s, length s, midi) from the line's start.

    ``tune_notes`` ((beats, midi) a syllable): sing these instead of a new melody (a chorus
    joining the lead), moved by octaves into this singer's register unless ``transpose`` is
    False (a harmony part, already placed). A line with no syllable found (a shout of
    symbols) is returned as spoken, with no notes. The line ends RELEASE_S after its last
    note, so the next line can come in on the next bar.
    """
    import parselmouth
    from parselmouth.praat import call

    from .convert import _PRAAT

    x, sr = np.asarray(speech.samples, np.float64), speech.sample_rate
    syl = nuclei(x, sr)
    if not syl:
        return speech, []
    if tune_notes is not None:
        if not tune_notes:
            return speech, []
        # this voice's syllables share the lead's notes in order (a syllable more or less is
        # absorbed by the neighbouring note), each moved into this singer's octave
        centre = _midi(centre_hz)
        k = len(tune_notes)
        syl = _regroup(syl, k)
        notes = [(b, m + 12 * round((centre - m) / 12) if transpose else m) for b, m in tune_notes[:len(syl)]]
    else:
        notes = melody(len(syl), tune, centre_hz, answer=answer, seed=seed)
    beat_s = 60.0 / tune.bpm
    dur = float(len(x)) / sr
    snd = parselmouth.Sound(x, sr)
    # piecewise time map: before the first syllable and after the last, as spoken
    lead = min(syl[0][0], 0.15)
    segs: list[tuple[float, float, float]] = []  # (orig start, orig end, factor)
    out_notes: list[tuple[float, float, int]] = []
    t_out = lead
    for (a, v, b), (beats, midi) in zip(syl, notes):
        length = beats * beat_s
        segs.append((a, b, length / max(b - a, 1e-3)))
        out_notes.append((round(t_out, 4), round(length, 4), midi))
        t_out += length
    with _PRAAT:
        parselmouth.praat.run(f"random_initializeWithSeedUnsafelyButPredictably ({seed % 2**31})")
        try:
            manip = call(snd, "To Manipulation", 0.01, 60.0, 500.0)
            dtier = call("Create DurationTier", "sung", 0.0, dur)
            ptier = call("Create PitchTier", "sung", 0.0, dur)
            start0 = syl[0][0]
            if start0 > lead + 1e-3:  # drop silence before the first syllable down to `lead`
                call(dtier, "Add point", 0.0, lead / start0)
                call(dtier, "Add point", start0 - 1e-3, lead / start0)
            for (a, b, f), (_, length, midi) in zip(segs, out_notes):
                call(dtier, "Add point", a + 1e-4, f)
                call(dtier, "Add point", b - 1e-4, f)
                hz = _hz(midi)
                span = b - a
                call(ptier, "Add point", a, _hz(midi - 1.0))          # a scoop into the note
                call(ptier, "Add point", a + min(0.06 / f, span * 0.3), hz)
                if length > 0.45:                                     # vibrato on held notes
                    for tt in np.arange(0.25, length, 0.045):
                        call(ptier, "Add point", a + tt / f, _hz(midi + 0.3 * math.sin(2 * math.pi * 5.5 * tt)))
                else:
                    call(ptier, "Add point", b - 1e-3, hz)
            call([manip, ptier], "Replace pitch tier")
            call([manip, dtier], "Replace duration tier")
            sung = call(manip, "Get resynthesis (overlap-add)").values[0]
        finally:
            parselmouth.praat.run("random_initializeSafelyAndUnpredictably ()")

    def remap(t: float) -> float:
        if t <= syl[0][0]:
            return t * (lead / syl[0][0]) if syl[0][0] > lead else t
        out = lead
        for a, b, f in segs:
            if t <= b:
                return out + (t - a) * f
            out += (b - a) * f
        return out + (t - segs[-1][1])
    peak_in, peak_out = float(np.abs(x).max()), float(np.abs(sung).max())
    y = (sung * (peak_in / peak_out if peak_out > 1e-9 else 1.0)).astype(np.float32)
    end = int((t_out + RELEASE_S) * sr)  # what the speech had after its last syllable is let go
    if len(y) > end:
        y = y[:end].copy()
        fade = min(int(0.05 * sr), end)
        y[end - fade:] *= np.linspace(1.0, 0.0, fade, dtype=np.float32)
    total = len(y) / sr
    words = [WordTiming(word=w.word, start=round(min(remap(w.start), total), 4),
                        end=round(min(max(remap(w.end), remap(w.start)), total), 4)) for w in speech.words]
    return Speech(y, sr, words), out_notes


def sung_line(speech: Speech, tune: Tune, centre_hz: float, *, answer: bool, seed: int) -> Speech:
    """The line sung, carrying its notes (for the score to accompany and double)."""
    sung, notes = sing(speech, tune, centre_hz, answer=answer, seed=seed)
    return Speech(sung.samples, sung.sample_rate, sung.words, tuple(notes))


def chorus(lead: Speech, others: list[tuple[Speech, float]], tune: Tune, *, seed: int) -> Speech:
    """``lead`` (a sung line) with ``others`` ((their spoken line, their register Hz)) singing
    it with them in harmony: each sings the chord tones of the song's harmony at that bar a
    third or a sixth from the tune (the next singer the next chord tone), in their own
    register, on the lead's syllables and beats (synth/music/harmony.py; the score plays the
    same chords under it). The parts' notes are kept in ``harmony``."""
    if not lead.notes or not others:
        return lead
    beat_s = 60.0 / tune.bpm
    mix = lead.samples.astype(np.float64).copy()
    sr = lead.sample_rate
    parts: list[tuple[float, float, int]] = []
    for i, (spoken, hz) in enumerate(others):
        part = harmony(lead.notes, tune.key, tune.mode, centre=_midi(hz), beat_s=beat_s, meter=tune.meter, part=i)
        tune_notes = [(round(d / beat_s * 4) / 4, m) for _, d, m in part]
        voice, notes = sing(spoken, tune, hz, seed=seed + i + 1, tune_notes=tune_notes, transpose=False)
        if not notes or voice.sample_rate != sr:
            continue
        shift = int(round((lead.notes[0][0] - notes[0][0]) * sr))
        y = voice.samples.astype(np.float64)
        y = y[-shift:] if shift < 0 else np.concatenate([np.zeros(shift), y])
        n = min(len(mix), len(y))
        mix[:n] += 0.8 * y[:n]
        parts += part[:len(notes)]
    peak = float(np.abs(lead.samples).max())
    mix *= peak / max(float(np.abs(mix).max()), 1e-9)
    return Speech(mix.astype(np.float32), sr, lead.words, lead.notes, tuple(parts))
