"""Benchmark trust; prints JSON.

- signing and verifying a film's C2PA manifest, seconds per minute of film (720p film made on
  the embedded default, signed 5 times over fresh copies, verified 5 times);
- the same for its stream: each episode's manifest over its fMP4 segments (signed 5 times,
  verified 5 times);
- the cost per hour of film by the default price table (goal < $0.01 on a CPU): the film's
  measured CPU time (this process and the render workers), priced.

    python bench/trust.py
"""

import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    os.environ.setdefault("DREAMREEL_CACHE_DIR", tempfile.mkdtemp(prefix="dreamreel-bench-cache-"))
    os.environ.setdefault("DREAMREEL_KEYS_DIR", tempfile.mkdtemp(prefix="dreamreel-bench-keys-"))
    from dreamreel.model import Request
    from dreamreel.narrative.planner import plan
    from dreamreel.production import make_film
    from dreamreel.cost.prices import DEFAULT, priced
    from dreamreel.trust.provenance import (
        ANCHOR,
        STREAM_PROVENANCE,
        film_manifest,
        keys_dir,
        load_keys,
        sign,
        sign_stream_episode,
        verify,
        verify_stream,
    )

    with tempfile.TemporaryDirectory() as tmp:
        story = plan(Request(prompt="film noir, one episode of about a minute", episodes=1), seed=1)
        film = Path(tmp) / "film.mp4"
        result = make_film(story, film, res="720p", keep=True)
        minutes = result.seconds / 60
        keys = load_keys()
        manifest = film_manifest(story.bible.title, backends={"visual": "procedural/1"}, story_id=story.id)
        sign_s, verify_s = [], []
        for k in range(5):
            copy = Path(tmp) / f"copy{k}.mp4"
            shutil.copy(film, copy)
            t = time.perf_counter()
            sign(copy, manifest, keys)
            sign_s.append(time.perf_counter() - t)
        anchors = (keys_dir() / ANCHOR).read_bytes()
        for _ in range(5):
            t = time.perf_counter()
            verdict = verify(film, anchors)
            verify_s.append(time.perf_counter() - t)
        stream = film.with_name("film.segments")
        episode = json.loads((stream / STREAM_PROVENANCE).read_text())["episodes"][0]
        stream_sign_s, stream_verify_s = [], []
        for _ in range(5):
            t = time.perf_counter()
            sign_stream_episode(stream, 1, episode["segments"], (episode["start"], episode["end"]), manifest, keys)
            stream_sign_s.append(time.perf_counter() - t)
        for _ in range(5):
            t = time.perf_counter()
            stream_verdicts = verify_stream(stream, anchors)
            stream_verify_s.append(time.perf_counter() - t)
        out = {
            "film_seconds": round(result.seconds, 2),
            "film_mb": round(film.stat().st_size / 1e6, 2),
            "sign_seconds_per_film_minute": round(statistics.median(sign_s) / minutes, 4),
            "verify_seconds_per_film_minute": round(statistics.median(verify_s) / minutes, 4),
            "sign_in_production_seconds": round(result.stage_seconds.get("sign", 0.0), 4),
            "verdict": verdict.state,
            "stream_sign_seconds_per_film_minute": round(statistics.median(stream_sign_s) / minutes, 4),
            "stream_verify_seconds_per_film_minute": round(statistics.median(stream_verify_s) / minutes, 4),
            "stream_verdicts": [v.state for _, v in stream_verdicts],
        }
        cost = priced([result.cost])
        out.update({
            "cpu_seconds": round(sum(e.amount for e in result.cost.entries if e.resource == "cpu_seconds"), 2),
            "cpu_hour_price_usd": DEFAULT.cpu_hour,
            "cost_usd": cost["total"],
            "cost_per_hour_of_film_usd": cost["per_hour_of_film"],
            "cost_by_stage_usd": cost["stages"],
            "goal_under_1_cent_per_hour": (cost["per_hour_of_film"] or 1) < 0.01,
        })
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    sys.exit(main())
