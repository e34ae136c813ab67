"""Benchmark production end to end; prints JSON.

For a one-episode story of about 60 s (noir crossed with hard sci-fi), at 720p and 1080p, 24 fps:
- real-time factor: seconds of film per second of work, story to checked MP4, render workers
  started cold and an empty shot cache (goal >= 5x at 720p);
- stage seconds (voices, camera, audio: in the main process; pictures_and_encode: the rest);
- time to the first playable fMP4 segment (goal < 2 s);
- peak memory of the main process and of each render worker (goal < 1.5 GB);
- a second render of the same story (every shot from the cache);
- the renderer alone (one core) and the encoder alone (same preset, every core) on the same
  frames (the first 240 of the film): the whole pipeline's frames per second against what the
  encoder reaches by itself (goal: at least half);
- the CPU seconds it took (this process and the render workers, per second of film: what the
  cores must supply, whatever else the machine is doing; the workers' alone: the picture's, what
  the visual backend declares as ``cpu_per_second``) and the machine's 1-minute load average
  before and after: on a shared machine the wall-clock figures are only comparable at like loads.

Each resolution runs in its own process so its peak memory is its own.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REQUEST = "1940s film noir crossed with hard science fiction, one episode of about a minute"
SAMPLE_FRAMES = 240


def first_segment_watch(folder: Path, t0: float, out: dict) -> threading.Event:
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            if (folder / "seg_00000.m4s").exists():
                out["first_segment_seconds"] = round(time.perf_counter() - t0, 2)
                return
            time.sleep(0.02)

    threading.Thread(target=watch, daemon=True).start()
    return stop


def worker_peaks_mb() -> list[float]:
    """Peak resident memory of each render worker (they live on, so read it from /proc)."""
    from dreamreel.render_pool import shared_pool

    executor = shared_pool()._executor
    peaks = []
    for pid in list(getattr(executor, "_processes", {}) or {}):
        try:
            with open(f"/proc/{pid}/status") as f:
                hwm = next(line for line in f if line.startswith("VmHWM:"))
            peaks.append(round(int(hwm.split()[1]) / 1024, 1))
        except (OSError, StopIteration):
            pass
    return peaks


def worker_cpu_seconds() -> float:
    """CPU seconds the render workers have used (they start with the film: all of it is its)."""
    from dreamreel.render_pool import shared_pool

    executor = shared_pool()._executor
    total = 0.0
    for pid in list(getattr(executor, "_processes", {}) or {}):
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            pass
    return total


def part(res: str) -> dict:
    from dreamreel.camera import plan_shots
    from dreamreel.director import choose_path
    from dreamreel.edit.encode import DEFAULT_PRESET, Encoder
    from dreamreel.model import Request
    from dreamreel.narrative.planner import plan
    from dreamreel.production import RESOLUTIONS, make_film, mouths_for
    from dreamreel.store.cache import Cache
    from dreamreel.synth.visual import ProceduralBackend
    from dreamreel.synth.voice import default_backend, voice_lines

    story = plan(Request(prompt=REQUEST, episodes=1), seed=1)
    voice = default_backend()
    voice.speak("Warm up.", story.bible.cast[0].voice)  # model load is not film time
    out: dict = {"res": res}
    with tempfile.TemporaryDirectory() as tmp:
        cache = Cache(Path(tmp) / "cache")  # empty: the first render draws every shot
        film = Path(tmp) / "film.mp4"
        t0 = time.perf_counter()
        load = os.getloadavg()[0]
        cpu0 = resource.getrusage(resource.RUSAGE_SELF)
        stop = first_segment_watch(Path(tmp) / "film.segments", t0, out)
        result = make_film(story, film, choices="first", res=res, keep=True, voice=voice, cache=cache)
        total = time.perf_counter() - t0
        stop.set()
        cpu1 = resource.getrusage(resource.RUSAGE_SELF)
        main_cpu = cpu1.ru_utime + cpu1.ru_stime - cpu0.ru_utime - cpu0.ru_stime
        workers_cpu = worker_cpu_seconds()
        out["load_average_1min"] = [round(load, 2), round(os.getloadavg()[0], 2)]
        # The render workers' share is the picture's (drawing and encoding): what the visual
        # backend declares as its cpu_per_second (backends.DECLARED).
        out["cpu_seconds"] = {"main": round(main_cpu, 2), "workers": round(workers_cpu, 2),
                              "per_film_second": round((main_cpu + workers_cpu) / result.seconds, 3),
                              "workers_per_film_second": round(workers_cpu / result.seconds, 3)}
        out.update({
            "film_seconds": round(result.seconds, 2), "work_seconds": round(total, 2),
            "realtime_factor": round(result.seconds / total, 2),
            "stage_seconds": {k: round(v, 2) for k, v in result.stage_seconds.items()},
            "qc_ok": result.qc.ok, "loudness_lufs": result.mix.lufs, "shots": result.shots,
            # Before the comparison below holds its sample frames in memory.
            "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "peak_mb_each_worker": worker_peaks_mb(),
        })
        t = time.perf_counter()
        again = make_film(story, Path(tmp) / "again.mp4", choices="first", res=res, voice=voice, cache=cache)
        out["second_render_seconds"] = round(time.perf_counter() - t, 2)
        out["second_render_drawn_shots"] = again.rendered_shots

        # The same frames through the renderer alone, then the encoder alone (same preset, x264 on
        # every core): what the pipeline is held against.
        width, height = RESOLUTIONS[res]
        path = choose_path(story, "first")
        timings, speech = voice_lines(story, path, voice)
        shots = plan_shots(story, path, timings, width=width, height=height)[0].shots
        visual = ProceduralBackend()
        frames = []
        t = time.perf_counter()
        for shot in shots:
            for frame in visual.render_shot(shot, story.bible, width=width, height=height, fps=24,
                                            mouths=mouths_for(shot, speech, 24), label=True):
                frames.append(frame.copy())
                if len(frames) == SAMPLE_FRAMES:
                    break
            if len(frames) == SAMPLE_FRAMES:
                break
        out["render_only_fps_one_core"] = round(len(frames) / (time.perf_counter() - t), 1)
        t = time.perf_counter()
        with Encoder(Path(tmp) / "enc.mp4", width=width, height=height, fps=24, audio=False,
                     preset=DEFAULT_PRESET) as enc:
            for frame in frames:
                enc.write_frame(frame)
        out["encode_only_fps"] = round(len(frames) / (time.perf_counter() - t), 1)
    out["pipeline_fps"] = round(result.frames / total, 1)
    out["pipeline_vs_encoder"] = round(out["pipeline_fps"] / out["encode_only_fps"], 2)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--part")
    ap.add_argument("--res", nargs="*", default=["720p", "1080p"])
    a = ap.parse_args()
    if a.part:
        print(json.dumps(part(a.part)))
        return
    results = {"request": REQUEST}
    for res in a.res:
        proc = subprocess.run([sys.executable, __file__, "--part", res], capture_output=True, text=True)
        if proc.returncode != 0:
            results[res] = {"error": (proc.stderr.strip().splitlines() or ["failed"])[-1]}
            continue
        results[res] = json.loads(proc.stdout.strip().splitlines()[-1])
    r = results.get("720p", {})
    results["goals_720p"] = {
        "realtime_at_least_5x": r.get("realtime_factor", 0) >= 5,
        "first_segment_under_2s": r.get("first_segment_seconds", 99) < 2,
        "peak_under_1_5_gb": r.get("peak_mb", 1e9) < 1536 and max(r.get("peak_mb_each_worker") or [0]) < 1536,
        "pipeline_at_least_half_of_encoder": r.get("pipeline_vs_encoder", 0) >= 0.5,
        "second_render_draws_nothing": r.get("second_render_drawn_shots", 1) == 0,
    }
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
