"""Do the voices sound like different people, and are they understood? Prints JSON.

For each request (written before any figure was looked at; none is in bench/requests) one
episode is made, and then:

- per character and the narrator: median pitch and F1/F2 (Praat's Burg formant tracker) of
  their clean lines, and word recall of an off-the-shelf recogniser (pocketsphinx's en-US
  model, from its wheel) on each line alone ("clean") and cut from the finished film's
  soundtrack at the line's place ("mix"): recall = share of the line's words the recogniser
  heard, in any order;
- the film's loudness: integrated (BS.1770, pyloudnorm), loudness range (EBU Tech 3342: 3 s
  short-term loudness, gated, 95th minus 10th percentile; goal >= 6 LU) and the share of time
  that is quiet (400 ms momentary loudness under -40 LUFS) and in a pause (20 LU under the
  integrated loudness: no speech, no music, the room's own sound); and where the story called
  for quiet (edit/quiet.py: scene changes, tense holds, pauses, whispers), how long, and how
  loud the film is there (momentary windows wholly inside);
- delivery (one designed voice, one sentence): each emotion's length, median pitch, pitch
  movement (semitones' spread) and level against the neutral line, and how much of a whisper
  is voiced; a sung line: the share of its notes sung within 60 cents of the melody;
- other languages: French, Spanish and German lines, which language each was read as and the
  speaker's median pitch there; and how many of the films' English lines were read as another
  language (goal: none);
- the voices' real-time factor: seconds of speech made per second of voicing, from a cold
  cache (goal >= 15x; the machine's other work counts against it), and per CPU-second (which
  other work changes far less), with the machine's load average before and after;
- CPU seconds a second of film for the voices and for the audio stage (score, ambience,
  effects and mix, made again from the film's voices with no cache).

    python bench/voices.py [--res 480p] [--quick]
"""

import argparse
import json
import os
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from math import gcd
from pathlib import Path

import av
import numpy as np
import pyloudnorm
from scipy import signal

REQUESTS = [
    "a quiet grief drama in a storm-bound lighthouse, an old keeper and her young grandson",
    "two rival bakers, a gruff man and a cheerful woman, compete at a village fair in 1950s Yorkshire",
    "a talking cat and a little girl solve a mystery on a night train",
]


def recogniser():
    from pocketsphinx import Decoder

    dec = Decoder(samprate=16000, loglevel="FATAL")

    def hear(x: np.ndarray, sr: int) -> str:
        g = gcd(16000, sr)
        y = signal.resample_poly(np.asarray(x, np.float64), 16000 // g, sr // g)
        peak = float(np.abs(y).max()) if len(y) else 0.0
        if peak < 1e-6:
            return ""
        pcm = (y / peak * 0.9 * 32767).astype(np.int16).tobytes()
        dec.start_utt()
        dec.process_raw(pcm, full_utt=True)
        dec.end_utt()
        hyp = dec.hyp()
        return hyp.hypstr if hyp else ""
    return hear


def recall(text: str, heard: str) -> float:
    said = re.findall(r"[a-z']+", text.lower())
    got = Counter(re.findall(r"[a-z']+", heard.lower()))
    hit = 0
    for w in said:
        if got[w] > 0:
            got[w] -= 1
            hit += 1
    return hit / len(said) if said else 1.0


def pitch_and_formants(x: np.ndarray, sr: int) -> tuple[float | None, float | None, float | None]:
    import parselmouth

    snd = parselmouth.Sound(np.asarray(x, np.float64), sr)
    f0 = snd.to_pitch(pitch_floor=60, pitch_ceiling=500).selected_array["frequency"]
    f0 = f0[f0 > 0]
    form = snd.to_formant_burg(maximum_formant=5500 if f0.size and np.median(f0) > 160 else 5000)
    times = np.arange(0.05, snd.duration - 0.05, 0.02)
    f1 = [form.get_value_at_time(1, t) for t in times]
    f2 = [form.get_value_at_time(2, t) for t in times]
    f1 = [v for v in f1 if v == v]
    f2 = [v for v in f2 if v == v]
    return (round(float(np.median(f0)), 1) if f0.size else None,
            round(float(np.median(f1)), 0) if f1 else None, round(float(np.median(f2)), 0) if f2 else None)


def film_audio(mp4: Path) -> tuple[np.ndarray, int]:
    with av.open(str(mp4)) as c:
        stream = c.streams.audio[0]
        sr = stream.rate
        parts = [f.to_ndarray() for f in c.decode(stream)]
    x = np.concatenate(parts, axis=1).T.astype(np.float64)  # (n, channels), planar float
    return x, sr


def loudness(x: np.ndarray, sr: int, quiet: list[tuple[float, float, str]] | None = None) -> dict:
    meter = pyloudnorm.Meter(sr)
    integrated = meter.integrated_loudness(x)
    stages = [meter._filters[k] for k in ("high_shelf", "high_pass")]
    y = x
    for f in stages:
        y = signal.lfilter(f.b, f.a, y, axis=0) * f.passband_gain
    power = (y ** 2).sum(axis=1)
    csum = np.concatenate([[0.0], np.cumsum(power)])

    def windowed(win_s: float, hop_s: float) -> np.ndarray:
        w, h = int(win_s * sr), int(hop_s * sr)
        starts = np.arange(0, len(power) - w, h)
        z = (csum[starts + w] - csum[starts]) / w
        with np.errstate(divide="ignore"):
            return -0.691 + 10 * np.log10(np.maximum(z, 1e-20))
    short = windowed(3.0, 0.1)
    short = short[short > -70]
    rel = 10 * np.log10(np.mean(10 ** (short / 10))) - 20
    short = short[short > rel]
    lra = float(np.percentile(short, 95) - np.percentile(short, 10)) if short.size else 0.0
    momentary = windowed(0.4, 0.1)
    out = {"integrated_lufs": round(float(integrated), 2), "loudness_range_lu": round(lra, 2),
           "quiet_share": round(float((momentary < -40).mean()), 3),
           "pause_share": round(float((momentary < integrated - 20).mean()), 3)}
    if quiet is not None:  # the hushes: what the film sounds like where the story called for quiet
        spans: dict[str, dict] = {}
        for a, b, why in quiet:
            row = spans.setdefault(why, {"count": 0, "seconds": 0.0, "windows": []})
            row["count"] += 1
            row["seconds"] += b - a
            if why != "whisper":  # under a whisper the words are what is left to hear
                first, last = int(np.ceil(a / 0.1)), int((b - 0.4) / 0.1)
                row["windows"] += list(momentary[first:last + 1])
        for row in spans.values():
            w = np.asarray(row.pop("windows"))
            row["seconds"] = round(row["seconds"], 1)
            if w.size:
                row["median_momentary_lufs"] = round(float(np.median(w)), 1)
                row["under_minus_40_share"] = round(float((w < -40).mean()), 3)
        out["hushes"] = spans
        out["hushed_share"] = round(sum(b - a for a, b, _ in quiet) / (len(x) / sr), 3)
    return out


def hushed(story, result) -> list[tuple[float, float, str]] | None:  # type: ignore[no-untyped-def]
    """Where the soundtrack let the music and ambience drop out (film seconds, why); None
    before edit/quiet.py existed (so the bench runs on older trees too)."""
    try:
        from dreamreel.edit.quiet import hushes
    except ImportError:
        return None
    out, offset = [], 0
    for sl in result.lists:
        placed = [((offset + s.start_frame) / sl.fps, s) for s in sl.shots]
        out += [(h.start_s, h.end_s, h.why) for h in hushes(story, placed, sl.fps)]
        offset += sum(s.frames for s in sl.shots)
    return out


def one(prompt: str, res: str, tmp: Path, hear) -> dict:
    from dreamreel.model import Request
    from dreamreel.narrative.planner import plan
    from dreamreel.production import make_film
    from dreamreel.store.cache import Cache
    from dreamreel.synth.voice import voice_for, voice_lines
    from dreamreel.synth.voice.piper_voice import PiperBackend

    story = plan(Request(prompt=prompt, episodes=1), seed=1)
    out = tmp / f"film{abs(hash(prompt)) % 10000}.mp4"
    voice = PiperBackend()
    result = make_film(story, out, res=res, cache=Cache(tmp / "cache"), voice=voice)
    t, cpu = time.perf_counter(), time.process_time()
    timings, speeches = voice_lines(story, result.played, voice)
    voicing_s, voicing_cpu = time.perf_counter() - t, time.process_time() - cpu
    spoken_s = sum(s.duration for s in speeches.values())
    audio_cpu = soundtrack_cpu(story, result, speeches)

    audio, sr = film_audio(out)
    mono = audio.mean(axis=1)
    where: dict[tuple[str, int], float] = {}
    offset = 0
    for sl in result.lists:
        for shot in sl.shots:
            for cue in shot.cues:
                where.setdefault((cue.beat, cue.index), (offset + shot.start_frame) / sl.fps + cue.start)
        offset += sum(s.frames for s in sl.shots)
    speakers: dict[str, dict] = {}
    names = {c.id: c for c in story.bible.cast}
    for tm in timings:
        key = (tm.beat, tm.index)
        if key not in where or key not in speeches:
            continue
        sp = speeches[key]
        row = speakers.setdefault(tm.speaker, {"clean": [], "mix": [], "audio": []})
        row["clean"].append(recall(tm.text, hear(sp.samples, sp.sample_rate)))
        a = int(where[key] * sr)
        cut = mono[a: a + int((sp.duration + 0.15) * sr)]
        row["mix"].append(recall(tm.text, hear(cut, sr)))
        row["audio"].append(sp.samples)
    voices = {}
    for who, row in speakers.items():
        f0, f1, f2 = pitch_and_formants(np.concatenate(row["audio"]), speeches[next(iter(speeches))].sample_rate)
        c = names.get(who)
        designed = voice_for(who, story.bible)
        voices[c.name if c else who] = {
            "who": f"{c.pronouns} {c.look.age} {c.look.species}" if c else "narrator",
            "described": designed.descriptor, "designed_hz": getattr(designed, "median_hz", None),
            "median_hz": f0, "f1_hz": f1, "f2_hz": f2, "lines": len(row["clean"]),
            "recall_clean": round(statistics.mean(row["clean"]), 3),
            "recall_mix": round(statistics.mean(row["mix"]), 3),
        }
    return {"request": prompt, "story": story, "seconds": round(result.seconds, 1), "voices": voices,
            "loudness": loudness(audio, sr, hushed(story, result)),
            "voices_realtime_x": round(spoken_s / max(voicing_s, 1e-9), 1),
            # seconds of speech per CPU-second (every thread of this process): what other work on
            # the machine does not change much; two idle cores give up to about twice it
            "voices_speech_per_cpu_second": round(spoken_s / max(voicing_cpu, 1e-9), 1),
            # CPU seconds each stage spends on a second of film (every thread of this process)
            "voices_cpu_per_film_second": round(voicing_cpu / result.seconds, 4),
            "audio_cpu_per_film_second": round(audio_cpu / result.seconds, 4)}


def soundtrack_cpu(story, result, speeches) -> float:  # type: ignore[no-untyped-def]
    """CPU seconds the audio stage (score, ambience, effects, mix) takes to make the film's
    soundtrack again from its voices, beat by beat as production does, with no cache."""
    from dreamreel.edit.soundtrack import Soundtrack, beat_runs
    from dreamreel.production import SAMPLE_RATE

    track = Soundtrack(story, 0, result.lists[0].fps, speeches, SAMPLE_RATE)
    frame, cpu = 0, time.process_time()
    for sl in result.lists:
        for run in beat_runs(sl.shots):
            track.add(run, frame)
            frame += sum(s.frames for s in run)
    track.finish()
    return time.process_time() - cpu


def _pitch(x: np.ndarray, sr: int) -> np.ndarray:
    import parselmouth

    f0 = parselmouth.Sound(np.asarray(x, np.float64), sr).to_pitch(pitch_floor=60, pitch_ceiling=600)
    return f0.selected_array["frequency"]


def _level_db(x: np.ndarray) -> float:
    return 20 * float(np.log10(max(float(np.sqrt(np.mean(np.asarray(x, np.float64) ** 2))), 1e-9)))


def delivery() -> dict:
    """Emotion prosody and a sung line, measured on one designed voice (seeded: same figures
    on every run, whatever the load)."""
    from dreamreel.model import VoiceSpec
    from dreamreel.synth.music.score import Tune
    from dreamreel.synth.voice.design import deliver, design
    from dreamreel.synth.voice.piper_voice import PiperBackend
    from dreamreel.synth.voice.sing import sing

    piper = PiperBackend()
    voice = design(VoiceSpec(), pronouns="she", age="adult")
    text = "I told you never to come back here, and you came back anyway."
    said = {e: piper.speak(text, deliver(voice, e), seed=2) for e in ("neutral", "angry", "afraid", "sad", "tender")}
    said["whisper"] = piper.speak(text, deliver(voice, "neutral", "under her breath"), seed=2)
    base = said["neutral"]
    base_voiced = int((_pitch(base.samples, base.sample_rate) > 0).sum())
    rows = {}
    for e, sp in said.items():
        f0 = _pitch(sp.samples, sp.sample_rate)
        v = f0[f0 > 0]
        if v.size < 0.3 * base_voiced:  # a whisper: too few voiced frames for a pitch to mean anything
            v = np.zeros(0)
        rows[e] = {"length_x": round(sp.duration / base.duration, 2),
                   "median_hz": round(float(np.median(v)), 1) if v.size else None,
                   "pitch_spread_st": round(float(np.std(12 * np.log2(v / np.median(v)))), 2) if v.size else None,
                   "level_db": round(_level_db(sp.samples) - _level_db(base.samples), 1),
                   "voiced_x": round(int((f0 > 0).sum()) / max(1, base_voiced), 2)}
    spoken = piper.speak("There's a light I see whenever I close my eyes, and it leads me home.", voice, seed=3)
    sung, notes = sing(spoken, Tune(key=2, mode="major", bpm=100.0), voice.median_hz or 200.0, seed=3)
    hits = heard = 0
    for start, length, midi in notes:
        a = int((start + length * 0.3) * sung.sample_rate)
        f0 = _pitch(sung.samples[a: a + int(length * 0.4 * sung.sample_rate) + 1], sung.sample_rate) \
            if length * 0.4 > 0.05 else np.zeros(0)
        f0 = f0[f0 > 0]
        if f0.size:
            heard += 1
            cents = 1200 * np.log2(float(np.median(f0)) / (440 * 2 ** ((midi - 69) / 12)))
            hits += abs((cents + 600) % 1200 - 600) < 60  # an octave off is still the note
    return {"emotions": rows, "sung": {"notes": len(notes), "heard": heard,
                                       "on_pitch_share": round(hits / max(1, heard), 3)}}


def languages(stories) -> dict:  # type: ignore[no-untyped-def]
    """Lines in other languages (spoken in them, in the character's voice) and English lines
    misread as another language."""
    from dreamreel.model import VoiceSpec
    from dreamreel.synth.voice.piper_voice import PiperBackend
    from dreamreel.synth.voice.reading import read

    piper = PiperBackend()
    voice = VoiceSpec(median_hz=210.0, tract=1.17)
    rows = {}
    for text in ("Je ne sais pas, mon ami.", "¡Vámonos, ahora!", "Ich weiß es nicht, mein Freund."):
        sp = piper.speak(text, voice, seed=1)
        f0 = _pitch(sp.samples, sp.sample_rate)
        rows[text] = {"read_as": [lang or "en" for _, lang in read(text).runs], "designed_hz": 210.0,
                      "median_hz": round(float(np.median(f0[f0 > 0])), 1), "seconds": round(sp.duration, 2)}
    english = [t for st in stories for b in st.graph.beats
               for t in [b.narration, *(ln.text for ln in b.lines)] if t.strip()]
    misread = [t for t in english if any(lang for _, lang in read(t).runs)]
    return {"lines": rows, "english_lines": len(english), "english_read_as_another_language": len(misread),
            "misread": misread[:5]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--res", default="480p")
    ap.add_argument("--quick", action="store_true", help="the first request only")
    args = ap.parse_args()
    hear = recogniser()
    load = os.getloadavg()[0]
    films = []
    with tempfile.TemporaryDirectory(prefix="dreamreel-voices-") as tmp:
        for prompt in REQUESTS[:1] if args.quick else REQUESTS:
            films.append(one(prompt, args.res, Path(tmp), hear))
            print(f"made: {prompt}", file=sys.stderr)
    stories = [f.pop("story") for f in films]
    every = [v for f in films for v in f["voices"].values()]
    narr = [v for f in films for v in f["voices"].values() if v["who"] == "narrator"]
    summary = {
        "recall_clean": round(statistics.mean(v["recall_clean"] for v in every), 3),
        "recall_mix": round(statistics.mean(v["recall_mix"] for v in every), 3),
        "narrator_recall_clean": round(statistics.mean(v["recall_clean"] for v in narr), 3) if narr else None,
        "narrator_recall_mix": round(statistics.mean(v["recall_mix"] for v in narr), 3) if narr else None,
        "women_hz": sorted(v["median_hz"] for v in every if v["who"].startswith("she") and "child" not in v["who"]
                           and v["who"].endswith("human") and v["median_hz"]),
        "men_hz": sorted(v["median_hz"] for v in every if v["who"].startswith("he ") and "child" not in v["who"]
                         and v["who"].endswith("human") and v["median_hz"]),
        "children_hz": sorted(v["median_hz"] for v in every if "child" in v["who"] and v["median_hz"]),
        "loudness_range_lu": [f["loudness"]["loudness_range_lu"] for f in films],
        "integrated_lufs": [f["loudness"]["integrated_lufs"] for f in films],
        "quiet_share": [f["loudness"]["quiet_share"] for f in films],
        "pause_share": [f["loudness"]["pause_share"] for f in films],
        "hushed_share": [f["loudness"].get("hushed_share") for f in films],
        "voices_realtime_x": [f["voices_realtime_x"] for f in films],
        "voices_speech_per_cpu_second": [f["voices_speech_per_cpu_second"] for f in films],
        "voices_cpu_per_film_second": [f["voices_cpu_per_film_second"] for f in films],
        "audio_cpu_per_film_second": [f["audio_cpu_per_film_second"] for f in films],
        # the machine's 1-minute load average before and after (the speed is only comparable at like loads)
        "load_average_1min": [round(load, 2), round(os.getloadavg()[0], 2)],
    }
    print(json.dumps({"films": films, "summary": summary, "delivery": delivery(), "languages": languages(stories)},
                     indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
