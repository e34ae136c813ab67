"""The first film a server makes after it starts, cold or warmed up (``Server.warm_up``, as
``dreamreel serve`` starts); prints JSON.

Each try is a new server process (what a first film waits on is loaded once a process: code,
the planner's data, the render workers, the voice model) that idles ``--idle`` seconds, as a
server does before its first viewer, then one viewer asks for a 30 s film. Cold and warm tries
alternate, each with a new seed and an empty shot cache. Reported per try:

- ``ask_s``: the request for the film (the story planned before it answers)
- ``first_segment_s``: from asking to the stream's first segment (the title card)
- ``scene_s``: from asking to ``SCENE_S`` seconds of stream: the title card and the first
  scene's first seconds, what the viewer would stall on at the opening

    python bench/first_film.py [--tries 2] [--idle 8] [--src PATH]
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import psutil

#: Seconds of stream that hold the title card and the start of the first scene.
SCENE_S = 4.0

TRY = """
import json, sys, time
from pathlib import Path
import httpx, uvicorn, socket, threading
from dreamreel.serve.app import create_app
warm, seed, idle, folder = sys.argv[1] == "warm", int(sys.argv[2]), float(sys.argv[3]), Path(sys.argv[4])
app = create_app(f"sqlite:///{folder / 'dreamreel.db'}", folder, res="480p", live_kw={"lead_s": None})
with socket.socket() as s:
    s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]
server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="critical"))
threading.Thread(target=server.run, daemon=True).start()
while not server.started:
    time.sleep(0.05)
if warm:
    app.state.server.warm_up()
time.sleep(idle)
c = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120)
c.get("/")
t0 = time.monotonic()
r = c.post("/api/films", json={"prompt": "a western, one episode of about 30 seconds", "seed": seed})
out = {"ask_s": time.monotonic() - t0}
film = r.json()["id"]
while "scene_s" not in out and time.monotonic() - t0 < 120:
    ix = c.get(f"/films/{film}/stream/index.json")
    made = ix.json()["duration"] if ix.status_code == 200 else 0.0
    if made > 0 and "first_segment_s" not in out:
        out["first_segment_s"] = time.monotonic() - t0
    if made >= float(sys.argv[5]):
        out["scene_s"] = time.monotonic() - t0
    time.sleep(0.02)
print(json.dumps({k: round(v, 2) for k, v in out.items()}), flush=True)
server.should_exit = True
app.state.server.close()
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tries", type=int, default=2, help="cold and warm tries each")
    ap.add_argument("--idle", type=float, default=8.0, help="seconds the server idles before the viewer asks")
    ap.add_argument("--src", help="the dreamreel source folder (src/) to run (default: this one)")
    a = ap.parse_args()
    env = dict(os.environ)
    if a.src:
        env["PYTHONPATH"] = str(Path(a.src).resolve())
    rows: dict[str, list[dict]] = {"cold": [], "warm": []}
    load = [os.getloadavg()[0]]
    for n in range(a.tries):
        for mode in ("cold", "warm"):
            with tempfile.TemporaryDirectory(prefix="dreamreel-first-film-") as folder:
                env["DREAMREEL_CACHE_DIR"] = str(Path(folder) / "cache")  # every shot drawn, as for a new film
                got = subprocess.run([sys.executable, "-c", TRY, mode, str(100 + n), str(a.idle), folder,
                                      str(SCENE_S)], env=env, capture_output=True, text=True, timeout=300)
                line = got.stdout.strip().splitlines()[-1] if got.stdout.strip() else ""
                rows[mode].append(json.loads(line) if line.startswith("{") else {"failed": got.stderr[-300:]})
            load.append(os.getloadavg()[0])

    def summary(tries: list[dict]) -> dict:
        done = [t for t in tries if "scene_s" in t]
        return {k: {"p50": round(statistics.median(t[k] for t in done), 2), "max": max(t[k] for t in done)}
                for k in ("ask_s", "first_segment_s", "scene_s")} if done else {}

    print(json.dumps({"setup": {"cores": psutil.cpu_count(), "idle_s": a.idle, "scene_s": SCENE_S,
                                "load": [round(x, 1) for x in load]},
                      **{mode: {"summary": summary(tries), "tries": tries} for mode, tries in rows.items()}},
                     indent=2))


if __name__ == "__main__":
    main()
