"""What the audio stage costs, where, and what it sounds like; prints JSON.

For each request (one episode, seed 1, the first choice at every branch): the story is planned,
voiced (piper; the voices are kept in ``--cache``, so trees compared share them) and cut, and
its soundtrack (score, ambience, spot effects, mix) is made beat by beat as production makes it,
with no mix cache, ``--repeat`` times:

- CPU seconds a second of film (the least of the repeats: other work on the machine only ever
  adds to it) and the film's seconds;
- where they go, from one more pass under cProfile (cumulative seconds, so the parts overlap
  where one calls another): the score (writing and playing its notes: ``ScoreStream.add``),
  its reverb, the ambience beds, the mix, the spot effects;
- the soundtrack's integrated loudness and loudness range (as ``bench/voices.py`` measures them);
- with ``--save DIR``: the soundtrack itself (DIR/<i>.npy, float32 stereo at 48 kHz); with
  ``--against DIR`` (another tree's ``--save``): how far this one is from it, film by film:
  third-octave band levels over the whole film, 50 Hz - 16 kHz (the largest and the mean
  difference in dB), the difference signal's level against the soundtrack's (dB), and the
  loudness figures of both.

Before and after a change, the same session (HEAD exported with ``git archive``)::

    PYTHONPATH=/tmp/base/src python bench/audio_stage.py --cache /tmp/v --save /tmp/before
    python bench/audio_stage.py --cache /tmp/v --against /tmp/before
"""

import argparse
import cProfile
import json
import os
import pstats
import sys
import time
from pathlib import Path

import numpy as np
from scipy import signal

sys.path.insert(0, str(Path(__file__).parent))
from voices import loudness  # noqa: E402  (the same loudness figures as bench/voices.py)

REQUESTS = [
    "1940s film noir crossed with hard science fiction, one episode of about a minute",
    "a storm-bound lighthouse keeper and a shipwrecked sailor, 2 minutes",
    "a sea shanty musical about a whaling crew, 2 minutes",
]
SR = 48000
#: (file, function) whose cumulative time is reported, by part (the names in either tree).
PARTS = {
    "score_notes": [("score.py", "add")],
    "reverb": [("dsp.py", "reverb"), ("dsp.py", "__call__")],
    "ambience": [("ambience.py", "ambience")],
    "mix": [("mix.py", "mix")],
    "effects": [("foley.py", "spot")],
}


def made(prompt: str, cache_dir: Path):  # type: ignore[no-untyped-def]
    from dreamreel.camera import plan_shots
    from dreamreel.director import choose_path
    from dreamreel.model import Request
    from dreamreel.narrative.planner import plan
    from dreamreel.store.cache import Cache
    from dreamreel.synth.voice import default_backend, voice_lines
    from dreamreel.synth.voice.cached import CachedVoice

    story = plan(Request(prompt=prompt, episodes=1), seed=1)
    path = choose_path(story, "first")
    timings, speech = voice_lines(story, path, CachedVoice(default_backend(), Cache(cache_dir)))
    return story, plan_shots(story, path, timings), speech


def soundtrack(story, lists, speech) -> np.ndarray:  # type: ignore[no-untyped-def]
    from dreamreel.edit.soundtrack import Soundtrack, beat_runs

    track = Soundtrack(story, 0, lists[0].fps, speech, SR)
    parts, frame = [], 0
    for sl in lists:
        for run in beat_runs(sl.shots):
            parts.append(track.add(run, frame))
            frame += sum(s.frames for s in run)
    parts.append(track.finish())
    return np.concatenate(parts)


def where(story, lists, speech) -> dict[str, float]:  # type: ignore[no-untyped-def]
    prof = cProfile.Profile()
    prof.enable()
    soundtrack(story, lists, speech)
    prof.disable()
    stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    # cProfile keeps one entry a function (all its calls): the largest of a part's names is its
    # outermost (ScoreStream.add over a nested 'add', Reverb.__call__ over its filters')
    out = {part: round(max((v[3] for (file, _, fn), v in stats.items() if (Path(file).name, fn) in names),
                           default=0.0), 3) for part, names in PARTS.items()}
    out["whole"] = round(max(v[3] for (file, _, fn), v in stats.items() if fn == "soundtrack"), 3)
    return out


def bands(x: np.ndarray) -> np.ndarray:
    """Third-octave band levels (dB) of the mono sum, 50 Hz - 16 kHz (Welch power spectrum)."""
    f, p = signal.welch(x.mean(axis=1), SR, nperseg=8192)
    centres = 1000 * 2.0 ** (np.arange(-13, 15) / 3)
    out = []
    for c in centres:
        sel = (f >= c * 2 ** (-1 / 6)) & (f < c * 2 ** (1 / 6))
        out.append(10 * np.log10(max(float(p[sel].sum()), 1e-30)))
    return np.array(out)


def compared(x: np.ndarray, y: np.ndarray) -> dict:
    n = min(x.shape[0], y.shape[0])
    x, y = x[:n].astype(np.float64), y[:n].astype(np.float64)
    d = np.abs(bands(x) - bands(y))
    resid = float(np.sqrt(np.mean((x - y) ** 2)) / max(np.sqrt(np.mean(y ** 2)), 1e-12))
    return {"band_diff_db_max": round(float(d.max()), 3), "band_diff_db_mean": round(float(d.mean()), 3),
            "difference_level_db": round(20 * np.log10(max(resid, 1e-12)), 1),
            "samples_differ": int(x.shape[0] != y.shape[0])}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default=str(Path(os.environ.get("TMPDIR", "/tmp")) / "dreamreel-audio-bench"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--save")
    ap.add_argument("--against")
    ap.add_argument("--requests", type=int, default=len(REQUESTS), help="the first this many requests")
    a = ap.parse_args()
    import dreamreel

    out: dict = {"tree": str(Path(dreamreel.__file__).parents[1]), "load_average_1min": [round(os.getloadavg()[0], 2)],
                 "films": []}
    for i, prompt in enumerate(REQUESTS[: a.requests]):
        story, lists, speech = made(prompt, Path(a.cache))
        seconds = sum(sum(s.frames for s in sl.shots) / sl.fps for sl in lists)
        cpu = []
        for _ in range(a.repeat):
            c = time.process_time()
            sound = soundtrack(story, lists, speech)
            cpu.append(time.process_time() - c)
        row = {"request": prompt, "film_seconds": round(seconds, 1),
               "audio_cpu_per_film_second": round(min(cpu) / seconds, 4),
               "audio_cpu_per_film_second_each": [round(c / seconds, 4) for c in cpu],
               "cpu_seconds_by_part": where(story, lists, speech),
               "loudness": {k: v for k, v in loudness(sound.astype(np.float64), SR).items()
                            if k in ("integrated_lufs", "loudness_range_lu", "quiet_share")}}
        if a.save:
            Path(a.save).mkdir(parents=True, exist_ok=True)
            np.save(Path(a.save) / f"{i}.npy", sound)
        if a.against:
            before = np.load(Path(a.against) / f"{i}.npy")
            row["against"] = compared(sound, before) | {
                "loudness_before": {k: v for k, v in loudness(before.astype(np.float64), SR).items()
                                    if k in ("integrated_lufs", "loudness_range_lu", "quiet_share")}}
        out["films"].append(row)
    out["load_average_1min"].append(round(os.getloadavg()[0], 2))
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
