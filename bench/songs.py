"""Are a musical's songs sung on the score's grid, and does its chorus sing in harmony? Prints JSON.

For each request one episode is voiced (piper, the designed voices), cut (the camera) and mixed
(the soundtrack, with stems; no pictures), and then, for every sung line:

- grid: where its first note falls against its song section's bars (the score's section starts
  its bars on the section's first sung note; bar = meter beats at the song's tempo): offset
  from the nearest bar line and from the nearest beat, ms;
- syllables: the syllable boundaries found in the film's dialogue stem at the line's place (the
  de Jong & Wempe intensity method, synth.voice.sing.nuclei) against the line's note starts:
  offset of each note start from the nearest boundary, ms;
- pitch: share of the lead's notes (lines sung alone) whose pitch at the note's middle (Praat's
  tracker) is within 0.6 semitone of the note, octaves aside;

and for every line a chorus sings together: the interval the other voice sings against the
tune, heard in the audio (at each note's middle: the strongest pitch besides the tune's own,
by subharmonic summation over the spectrum with the tune's harmonics left out), as shares of
unisons/octaves, thirds/sixths and fourths/fifths; and (where the voice stage says which notes
the parts sang) the share of those that are tones of the chord the score's pads and comping
play in that bar (its bass where it has neither).

    python bench/songs.py [--quick]
"""

import argparse
import json
import math
import os
import statistics
import sys
import time

import numpy as np

REQUESTS = [
    "a pirate musical on a stormy sea",
    "a musical about two rival bakers at a village fair in 1950s Yorkshire",
]
SR = 48000


def other_voice(x: np.ndarray, sr: int, t: float, d: float, lead_hz: float, centre_hz: float) -> float | None:
    """The strongest pitch (Hz) in ``x`` over the middle of the note at ``t`` (``d`` long) within
    10 semitones of the other singer's register (``centre_hz``) that is not the lead's own."""
    n = int(max(0.06, 0.6 * d) * sr)
    a = int((t + d / 2) * sr) - n // 2
    if a < 0 or a + n > len(x):
        return None
    seg = x[a:a + n].astype(np.float64) * np.hanning(n)
    if np.sqrt((seg ** 2).mean()) < 1e-4:
        return None
    spec = np.abs(np.fft.rfft(seg, 8 * n))
    freqs = np.fft.rfftfreq(8 * n, 1 / sr)

    def mag(f: float) -> float:
        # the lead's harmonics carry the lead, not the other voice: left out within 4 % (its
        # scoops and vibrato) or the window's main lobe, whichever is wider
        k = round(f / lead_hz)
        if k >= 1 and abs(f - k * lead_hz) < max(0.04 * f, 2.5 * sr / n):
            return 0.0
        i = int(round(f / freqs[1]))
        return float(spec[max(0, i - 2):i + 3].max()) if i < len(spec) else 0.0

    cands = centre_hz * 2 ** (np.linspace(-10, 10, 400) / 12)
    sal = [sum(mag(f * h) * 0.85 ** h for h in range(1, 7)) for f in cands]
    best = int(np.argmax(sal))
    return float(cands[best]) if sal[best] > 0 else None


def one(prompt: str, hear_pitch) -> dict:  # type: ignore[no-untyped-def]
    from dreamreel.camera import plan_shots
    from dreamreel.director import choose_path
    from dreamreel.edit.soundtrack import Soundtrack, beat_runs, stems_of
    from dreamreel.model import Request
    from dreamreel.narrative.planner import plan
    from dreamreel.synth.music.score import tune_for
    from dreamreel.synth.voice import voice_for, voice_lines
    from dreamreel.synth.voice.piper_voice import PiperBackend
    from dreamreel.synth.voice.sing import nuclei

    story = plan(Request(prompt=prompt, episodes=1), seed=1)
    path = choose_path(story, "first")
    timings, speech = voice_lines(story, path, PiperBackend(), seed=0)
    shots = plan_shots(story, path, timings)[0].shots
    st = Soundtrack(story, 0, 24, speech, stems=True)
    first = 0
    for g in beat_runs(shots):
        st.add(g, first)
        first += sum(s.frames for s in g)
    st.finish()
    dialogue = stems_of(st.stem_parts).dialogue.mean(axis=1)
    tune = tune_for(story.bible.style, story.bible.genres, 0)
    beat_s = 60.0 / tune.bpm
    bar_s = beat_s * tune.meter
    sections = [sec for sec in st._score.sections if sec.cue.melody]
    bar_off, beat_off, syl_off, on_pitch = [], [], [], []
    kinds = {"unison_octave": 0, "third_sixth": 0, "fourth_fifth": 0, "other": 0}
    chord_tone, chorus_lines, seen = [], 0, set()
    for s in shots:
        for c in s.cues:
            sp = speech.get((c.beat, c.index))
            if sp is None or not sp.notes or (c.beat, c.index) in seen:
                continue
            seen.add((c.beat, c.index))
            at = s.start_frame / 24 + c.start
            t1 = at + sp.notes[0][0]
            sec = next(x for x in sections if x.cue.start_s - 1e-6 <= t1 < x.cue.end_s)
            song0 = min(t for t, _, _ in sec.cue.melody)
            origin = song0 - math.ceil(max(0.0, song0 - sec.cue.start_s) / bar_s - 1e-9) * bar_s
            k = (t1 - origin) / bar_s
            bar_off.append(abs(k - round(k)) * bar_s * 1000)
            kb = (t1 - origin) / beat_s
            beat_off.append(abs(kb - round(kb)) * beat_s * 1000)
            # syllable boundaries heard in the mixed dialogue at the line's place
            a, b = int(at * SR), int((at + sp.duration) * SR)
            found = nuclei(dialogue[a:b], SR)
            bounds = [at + x for syl in found for x in (syl[0],)]
            for t, _, _ in sp.notes:
                if bounds:
                    syl_off.append(min(abs(at + t - x) for x in bounds) * 1000)
            # a number's last line is sung by all its singers together (synth.voice.casting)
            lines = story.graph.beat(c.beat).lines
            singers = list(dict.fromkeys(ln.speaker for ln in lines if ln.delivery == "sung"))
            last = max(i for i, ln in enumerate(lines) if ln.delivery == "sung")
            together = c.index == last and len(singers) > 1
            if not together:
                for t, d, m in sp.notes:
                    hz = hear_pitch(sp.samples, sp.sample_rate, t + d / 2)
                    if hz:
                        st_ = 12 * math.log2(hz / (440 * 2 ** ((m - 69) / 12)))
                        on_pitch.append(abs(st_ - 12 * round(st_ / 12)) < 0.6)
                continue
            chorus_lines += 1
            joiner = voice_for(next(w for w in singers if w != c.speaker), story.bible).median_hz or 115.0
            for t, d, m in sp.notes:
                lead_hz = 440 * 2 ** ((m - 69) / 12)
                hz = other_voice(sp.samples, sp.sample_rate, t, d, lead_hz, joiner)
                if hz is None:
                    continue
                iv = round(12 * math.log2(lead_hz / hz)) % 12
                kinds["unison_octave" if iv == 0 else "third_sixth" if iv in (3, 4, 8, 9)
                      else "fourth_fifth" if iv in (5, 7) else "other"] += 1
            for t, d, hm in getattr(sp, "harmony", ()):
                # the chord the band plays in that bar: its pads' and comping's notes (else the bass's)
                bar_no = math.floor((at + t - origin) / bar_s + 1e-3)
                a0 = origin + bar_no * bar_s
                played = [n for n in sec.notes if n.time < a0 + bar_s - 0.05 and n.time + n.dur > a0 + 0.05]
                chord = {round(n.midi) % 12 for n in played if n.role in ("pad", "comp")} or \
                    {round(n.midi) % 12 for n in played if n.role == "bass"}
                chord_tone.append(hm % 12 in chord)
    heard = sum(kinds.values())

    def q(xs: list[float], p: float) -> float | None:
        return round(float(np.percentile(xs, p)), 1) if xs else None
    return {
        "request": prompt, "tempo_bpm": tune.bpm, "meter": tune.meter, "sung_lines": len(seen),
        "first_note_from_bar_ms": {"median": q(bar_off, 50), "max": q(bar_off, 100)},
        "first_note_from_beat_ms": {"median": q(beat_off, 50), "max": q(beat_off, 100)},
        "lines_on_a_bar": round(sum(x < 5 for x in bar_off) / len(bar_off), 3) if bar_off else None,
        "lines_on_a_beat": round(sum(x < 5 for x in beat_off) / len(beat_off), 3) if beat_off else None,
        "note_from_syllable_boundary_ms": {"median": q(syl_off, 50), "p90": q(syl_off, 90), "notes": len(syl_off)},
        "lead_on_pitch": round(statistics.mean(on_pitch), 3) if on_pitch else None,
        "chorus_lines": chorus_lines,
        "chorus_heard_intervals": {k: round(v / heard, 3) for k, v in kinds.items()} if heard else None,
        "chorus_parts_on_chord_tones": round(statistics.mean(chord_tone), 3) if chord_tone else None,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="the first request only")
    args = ap.parse_args()

    def hear_pitch(x: np.ndarray, sr: int, t: float) -> float | None:
        import parselmouth

        a, b = max(0, int((t - 0.06) * sr)), int((t + 0.06) * sr)
        f0 = parselmouth.Sound(np.asarray(x[a:b], np.float64), sr).to_pitch(
            pitch_floor=70, pitch_ceiling=600).selected_array["frequency"]
        f0 = f0[f0 > 0]
        return float(np.median(f0)) if f0.size else None

    load = os.getloadavg()[0]
    t, cpu = time.perf_counter(), time.process_time()
    films = []
    for prompt in REQUESTS[:1] if args.quick else REQUESTS:
        films.append(one(prompt, hear_pitch))
        print(f"made: {prompt}", file=sys.stderr)
    print(json.dumps({"films": films, "seconds": round(time.perf_counter() - t, 1),
                      "cpu_seconds": round(time.process_time() - cpu, 1),
                      "load_average_1min": [round(load, 2), round(os.getloadavg()[0], 2)]}, indent=1))


if __name__ == "__main__":
    main()
