"""Benchmark the Narrative Engine; prints JSON.

- planner: seconds to write a 3-episode series (median of several runs; goal < 0.5 s on 2 cores),
  validation time, and the process's peak memory.
- requests: a reader's check of what the planner keeps of the public request set
  (bench/requests_check.py: element coverage, constraint violations, sentence reuse, distinct-2,
  choices read later, seconds per story); ``--set heldout`` for the set kept aside.
- gguf: seconds to rewrite the same series' text with the local GGUF writer (gemma3 270M from
  PyPI, 2 threads), tokens per second and peak memory. ``--gguf-beats N`` rewrites N beats and
  extrapolates to the whole series (the whole series takes minutes); ``--gguf-beats 0`` skips it.

Each part runs in its own process so its peak memory is its own.
"""

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time

REQUEST = "1940s film noir crossed with hard science fiction, three short episodes"


def peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def part_planner(runs: int) -> dict:
    from dreamreel.model import Request
    from dreamreel.narrative.planner import plan
    from dreamreel.narrative.validate import validate

    req = Request(prompt=REQUEST)
    plan(req, seed=0)  # warm imports and caches
    times, check_times = [], []
    for seed in range(runs):
        t0 = time.perf_counter()
        story = plan(req, seed=seed)
        times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        report = validate(story)
        check_times.append(time.perf_counter() - t0)
        assert report.ok, report.summary()
    return {"planner_series_seconds": round(statistics.median(times), 4),
            "planner_series_seconds_max": round(max(times), 4),
            "validate_seconds": round(statistics.median(check_times), 4),
            "beats": len(story.graph.beats), "episodes": len(story.graph.episodes),
            "planner_peak_mb": peak_mb()}


def part_gguf(beats: int) -> dict:
    from dreamreel.model import Request
    from dreamreel.narrative.llm.gguf import GGUFBackend
    from dreamreel.narrative.planner import plan
    from dreamreel.narrative.writer import rewrite

    story = plan(Request(prompt=REQUEST), seed=0)
    backend = GGUFBackend(n_threads=2)
    t0 = time.perf_counter()
    backend.complete_json("Say {}:", {"type": "object"}, max_tokens=4, seed=0, temperature=0.0)
    load = time.perf_counter() - t0
    chosen = [b.id for b in story.graph.beats][:beats]
    t0 = time.perf_counter()
    _, report = rewrite(story, backend, beats=chosen, seed=0)
    took = time.perf_counter() - t0
    per_beat = took / max(1, len(chosen))
    rep = report.to_dict()
    return {"gguf_model_load_seconds": round(load, 2), "gguf_beats_rewritten": len(chosen),
            "gguf_seconds_per_beat": round(per_beat, 2),
            "gguf_series_seconds_estimate": round(load + per_beat * len(story.graph.beats), 1),
            "gguf_report": rep, "gguf_peak_mb": peak_mb()}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--part", choices=["planner", "requests", "gguf"])
    ap.add_argument("--set", default="public", choices=["public", "heldout", "heldout2"])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--gguf-beats", type=int, default=4)
    a = ap.parse_args()
    if a.part == "planner":
        print(json.dumps(part_planner(a.runs)))
        return
    if a.part == "gguf":
        print(json.dumps(part_gguf(a.gguf_beats)))
        return
    if a.part == "requests":
        from requests_check import check

        result = check(a.set, 0)
        result.pop("missed")
        print(json.dumps({"requests_check": result}))
        return
    result = {"request": REQUEST}
    parts = [["--part", "planner", "--runs", str(a.runs)], ["--part", "requests", "--set", a.set]]
    if a.gguf_beats > 0:
        parts.append(["--part", "gguf", "--gguf-beats", str(a.gguf_beats)])
    for args in parts:
        proc = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True)
        if proc.returncode != 0:
            result[f"error_{args[1]}"] = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "failed"
            continue
        result.update(json.loads(proc.stdout.strip().splitlines()[-1]))
    result["goal_planner_under_0_5s"] = result.get("planner_series_seconds", 99) < 0.5
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
