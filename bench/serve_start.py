"""How long a server takes to start over N finished films, now that it verifies each film's
C2PA signature at start; prints JSON.

One real film is made (espeak voices, 480p), then copied N times into a store whose database
lists every copy as finished. The server is started over it (``Server``: the store checked,
half-made films cleaned, every finished film's stream and signed MP4 checked) and timed, and
one film's signature check is timed alone (wall-clock and CPU time: on a busy machine the CPU
time is what a quiet one would take). The copies were just written, so they are read from
the page cache: a cold disk adds the time to read each film once.

    python bench/serve_start.py [--films 50] [--seconds 20]
"""

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--films", type=int, default=50)
    ap.add_argument("--seconds", type=int, default=20)
    args = ap.parse_args()

    from dreamreel.model import Request
    from dreamreel.narrative.planner import plan
    from dreamreel.production import make_film
    from dreamreel.render_pool import shutdown_shared
    from dreamreel.serve.recovery import signature_damage
    from dreamreel.serve.server import Server
    from dreamreel.store.db import Database
    from dreamreel.synth.voice import backend
    from dreamreel.trust.provenance import ANCHOR, keys_dir

    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="dreamreel-start-") as tmp:
        data = Path(tmp)
        story = plan(Request(prompt="a western standoff at noon", episodes=1, target_seconds=args.seconds), seed=1)
        made = data / "made"
        made.mkdir()
        make_film(story, made / "film.mp4", res="480p", voice=backend("espeak-ng"), segments=made / "stream")
        shutdown_shared()
        db = Database(f"sqlite:///{data / 'dreamreel.db'}")
        viewer, _ = db.new_viewer()
        for _ in range(args.films):
            film = db.add_film(viewer.id, "a western", story.bible.title, "{}")
            db.update_film(film.id, status="ready")
            shutil.copytree(made, data / "films" / film.id)
        db.close()
        film_mb = (made / "film.mp4").stat().st_size / 1e6

        anchors = (keys_dir() / ANCHOR).read_bytes()
        cpu0, t0 = time.process_time(), time.perf_counter()
        for _ in range(5):
            assert signature_damage(made / "film.mp4", anchors) is None
        verify_ms, verify_cpu_ms = (time.perf_counter() - t0) / 5 * 1000, (time.process_time() - cpu0) / 5 * 1000

        cpu0, t0 = time.process_time(), time.perf_counter()
        server = Server(f"sqlite:///{data / 'dreamreel.db'}", data)
        start_s, cpu_s = time.perf_counter() - t0, time.process_time() - cpu0
        damaged = len(server.damaged)
        server.close()
    print(json.dumps({
        "films": args.films, "film_seconds": args.seconds, "film_mb": round(film_mb, 2),
        "start_s": round(start_s, 3), "start_per_film_ms": round(start_s / args.films * 1000, 2),
        "start_cpu_s": round(cpu_s, 3), "verify_one_film_ms": round(verify_ms, 2),
        "verify_one_film_cpu_ms": round(verify_cpu_ms, 2), "damaged": damaged,
        "cores": os.cpu_count(), "load_before": round(load_before, 2), "load_after": round(os.getloadavg()[0], 2),
    }, indent=2))


if __name__ == "__main__":
    main()
