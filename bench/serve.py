"""Benchmark the server with N viewers watching at once; prints JSON.

Each viewer is a headless player against a real server (``uvicorn`` in its own process, as
``dreamreel serve`` runs): it asks for a short film, connects the telemetry socket and reports
play/watch as the browser player does, reads the stream's index and plays it at 1x as segments
arrive (a stall is time the playhead had nothing to play before the film was complete), and
answers every choice with its default ``--think`` seconds (``THINK_S``) after the playhead reaches it, or when
the player's countdown runs out, if sooner (``serve.live.countdown_s``). Per N (1, 2, 4, 8 by default):

- ``first_frame_s``: from asking to the first segment being there to play (p50, max)
- ``first_scene_s``: from asking to ``SCENE_S`` seconds of stream being there to play: the
  title card and the first scene's first second (p50, max)
- ``stalls``: stall seconds per viewer after the first frame (p50, max) and how many stalled;
  ``at_choices``: those within two seconds after the end of a choice's scene (the film waited for
  the answer, then made the branch), of ``choices`` put to the viewers; ``at_opening``: those in
  the film's first ``OPENING_S`` seconds (the title card and the first scene, made while it
  plays); and each viewer's stalls as [film second, seconds]
- ``queue_wait_s``: how long films waited for a free slot (admission control), and refusals
- ``server_rss_mb``: the server's memory (with its render workers) at the peak and after all
  the films finished
- ``cores_per_film``: CPU seconds the server spent per second of film made (the measured cost
  admission control is sized from)
- ``load``: the machine's 1-minute load average at the round's start and end (other work on a
  shared machine is in it: compare rounds run at a like load)

The rounds begin once the server's warm-up is done (``Server.warm_up``, which ``dreamreel serve``
starts as it starts: render workers, the voice model, the planner's data), so they measure films,
not start-up; ``setup.warm_up_s`` is how long that took from the server answering. ``--cold``
first asks for one film the moment the server answers, reported apart (``cold``), as a viewer
of a server just started would wait.

    python bench/serve.py [--viewers 1,2,4,8] [--seconds 30] [--res 480p] [--think 6[,10]] [--cold]
                          [--prompt P] [--seed S] [--busy N] [--src PATH]

``--prompt "film noir" --seed 101 --viewers 1 --busy 1`` makes one film again, beside a process
that keeps a core busy (the film whose second scene stalled at film second 9.1).

``--think 6,10`` runs every round once for each: a round per (think, viewers), on one server.
"""

import argparse
import asyncio
import contextlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import psutil
from websockets.asyncio.client import connect

from dreamreel.serve.live import countdown_s

SERVER = """
import pathlib, sys, threading, uvicorn
from dreamreel.serve.app import create_app
app = create_app(sys.argv[1], sys.argv[2], res=sys.argv[4])
warm = pathlib.Path(sys.argv[5])
if hasattr(app.state.server, "warm_up"):  # as `dreamreel serve` starts (an older --src: as it was)
    warming = app.state.server.warm_up()
    threading.Thread(target=lambda: (warming.join(), warm.touch()), daemon=True).start()
else:
    warm.touch()
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[3]), log_level="critical")
"""
#: Seconds a viewer takes to choose (as bench/watch.py's browser trials).
THINK_S = 6.0
#: A stall before this film second is one at the opening.
OPENING_S = 10.0
#: Seconds of stream that hold the title card (2.5 s) and the first scene's first second.
SCENE_S = 3.5
PROMPTS = ["a western", "film noir", "a cozy mystery", "a haunted house", "a heist", "a space adventure",
           "a fairy tale", "a pirate story"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def served(db_url: str, folder: str, env: dict, res: str = "480p") -> Iterator[tuple[str, int, Path]]:
    """A real server in its own process (``uvicorn``, as ``dreamreel serve`` runs it): its base
    URL, process id and the file it makes once its warm-up is done (``Server.warm_up``); stopped
    (SIGTERM, as a service manager does) at the end."""
    port = free_port()
    warm = Path(folder) / "bench-warm"
    server = subprocess.Popen([sys.executable, "-c", SERVER, db_url, folder, str(port), res, str(warm)], env=env)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.time() + 60
        while True:
            try:
                httpx.get(base + "/static/style.css", timeout=2)
                break
            except httpx.HTTPError:
                if time.time() > deadline or server.poll() is not None:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.2)
        yield base, server.pid, warm
    finally:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()


def tree_rss(pid: int) -> float:
    try:
        p = psutil.Process(pid)
        return sum(x.memory_info().rss for x in [p, *p.children(recursive=True)]) / 1e6
    except psutil.Error:
        return 0.0


def tree_cpu(pid: int) -> float:
    try:
        p = psutil.Process(pid)
        total = 0.0
        for x in [p, *p.children(recursive=True)]:
            t = x.cpu_times()
            total += t.user + t.system
        return total
    except psutil.Error:
        return 0.0


async def player(base: str, k: int, seconds: int, deadline: float, think: float = THINK_S, seed: int = 0,
                 prompt: str | None = None) -> dict:
    out: dict = {"viewer": k, "seed": seed}
    async with httpx.AsyncClient(base_url=base, timeout=120) as c:
        await c.get("/")
        asked = time.monotonic()
        r = await c.post("/api/films", json={"prompt": f"{prompt or PROMPTS[k % len(PROMPTS)]}, one episode of about "
                                                      f"{seconds} seconds", "seed": seed})
        if r.status_code != 200:
            out["refused"] = f"{r.status_code}: {r.json().get('detail')}"
            return out
        film = r.json()["id"]
        token = c.cookies["dreamreel_token"]
        queued_until = None if r.json()["status"] == "queued" else asked
        url = base.replace("http", "ws") + f"/ws/films/{film}"
        async with connect(url, additional_headers={"Cookie": f"dreamreel_token={token}"}, max_queue=None) as ws:
            await ws.recv()
            pos, playing, first, stall, last = 0.0, False, None, 0.0, time.monotonic()
            scene = None
            answered: set = set()
            shown: dict = {}
            ends: dict = {}  # choice id -> where its beat ends (the film goes on past it only once answered)
            stalls: list = []  # [film second, seconds] each time the playhead ran out
            next_watch = 0.0
            while time.monotonic() < deadline:
                now = time.monotonic()
                status = (await c.get(f"/api/films/{film}")).json()
                if queued_until is None and status["status"] != "queued":
                    queued_until = now
                p = status.get("pending_choice")
                if p:
                    ends[p["choice_id"]] = p["end_s"]
                if p and p["choice_id"] not in shown and pos >= p["start_s"] - 0.1:
                    # the player shows it and counts down (as player.js): the viewer thinks ``think`` seconds
                    lasts = countdown_s(p["timeout_s"], p["answer_by_s"], pos) if "answer_by_s" in p else p["timeout_s"]
                    shown[p["choice_id"]] = (now, min(think, lasts))
                if p and p["choice_id"] in shown and p["choice_id"] not in answered \
                        and now - shown[p["choice_id"]][0] >= shown[p["choice_id"]][1]:
                    answered.add(p["choice_id"])
                    await c.post(f"/api/films/{film}/choice", json={"choice_id": p["choice_id"],
                                                                    "option_id": p["default"], "by": "timeout"})
                ix = await c.get(f"/films/{film}/stream/index.json")
                made, complete = 0.0, False
                if ix.status_code == 200:
                    index = ix.json()
                    made, complete = float(index["duration"]), bool(index["complete"])
                if scene is None and (made >= SCENE_S or complete):
                    scene = now - asked
                if first is None and made > 0:
                    first = now - asked
                    playing = True
                    await ws.send(json.dumps({"kind": "play", "t": 0.0}))
                dt = now - last
                last = now
                if playing:
                    if pos + dt <= made:
                        pos += dt
                    else:
                        if not complete:
                            lost = dt - max(0.0, made - pos)
                            stall += lost
                            if stalls and abs(stalls[-1][0] - made) < 0.05 and stalls[-1][2] >= now - dt - 0.3:
                                stalls[-1][1] += lost
                                stalls[-1][2] = now
                            else:
                                stalls.append([made, lost, now])
                        pos = made
                    if now >= next_watch:
                        next_watch = now + 2.0
                        await ws.send(json.dumps({"kind": "watch", "t": pos, "data": {"rate": 1.0}}))
                if complete and pos >= made - 0.05:
                    break
                if status["status"] == "failed":
                    out["failed"] = status["error"]
                    break
                await asyncio.sleep(0.25)
        # A stall at a choice: the playhead ran out within two seconds after the end of a choice's beat
        # (production waited for the answer, then made what it chose).
        at_choices = sum(lost for at, lost, _ in stalls if any(-0.5 <= at - end <= 2.0 for end in ends.values()))
        at_opening = sum(lost for at, lost, _ in stalls if at < OPENING_S)
        out.update(first_frame_s=round(first, 2) if first is not None else None,
                   first_scene_s=round(scene, 2) if scene is not None else None, stall_s=round(stall, 2),
                   stall_at_choices_s=round(at_choices, 2), stall_at_opening_s=round(at_opening, 2),
                   choices=len(ends),
                   stalls=[[round(at, 1), round(lost, 2)] for at, lost, _ in stalls if lost >= 0.1],
                   queue_wait_s=round((queued_until or time.monotonic()) - asked, 2), film_s=round(pos, 1),
                   finished=pos > 0 and time.monotonic() < deadline, wall_s=round(time.monotonic() - asked, 1))
    return out


def spread(xs: list[float]) -> dict:
    xs = sorted(x for x in xs if x is not None)
    if not xs:
        return {}
    return {"p50": round(xs[len(xs) // 2], 2), "max": round(xs[-1], 2)}


async def round_of(base: str, n: int, seconds: int, server_pid: int, timeout: float, think: float,
                   first_seed: int = 0, prompt: str | None = None) -> dict:
    peak = {"rss": 0.0}
    cpu0 = tree_cpu(server_pid)
    load0 = os.getloadavg()[0]

    async def sample() -> None:
        while True:
            peak["rss"] = max(peak["rss"], tree_rss(server_pid))
            await asyncio.sleep(0.5)

    sampler = asyncio.create_task(sample())
    t0 = time.monotonic()
    views = await asyncio.gather(*[player(base, k, seconds, t0 + timeout, think, first_seed + k, prompt)
                                   for k in range(n)])
    wall = time.monotonic() - t0
    sampler.cancel()
    await asyncio.sleep(3)  # (films finish and leave memory)
    made = sum(v.get("film_s", 0.0) for v in views)
    return {
        "viewers": n,
        "think_s": think,
        "first_frame_s": spread([v.get("first_frame_s") for v in views]),
        "first_scene_s": spread([v.get("first_scene_s") for v in views]),
        "stall_s": {**spread([v.get("stall_s") for v in views if "stall_s" in v]),
                    "viewers_stalled": sum(1 for v in views if v.get("stall_s", 0) > 0.5),
                    "at_choices": spread([v.get("stall_at_choices_s") for v in views if "stall_s" in v]),
                    "at_opening": spread([v.get("stall_at_opening_s") for v in views if "stall_s" in v]),
                    "choices": sum(v.get("choices", 0) for v in views)},
        "stalls": [v.get("stalls", []) for v in views],
        "queue_wait_s": spread([v.get("queue_wait_s") for v in views if "queue_wait_s" in v]),
        "refused": [v["refused"] for v in views if "refused" in v],
        "failed": [v["failed"] for v in views if "failed" in v],
        "film_s": spread([v.get("film_s") for v in views if "film_s" in v]),
        "wall_s": round(wall, 1),
        "server_rss_mb": {"peak": round(peak["rss"]), "after": round(tree_rss(server_pid))},
        "cores_per_film": round((tree_cpu(server_pid) - cpu0) / max(1e-6, made), 2),
        "load": [round(load0, 1), round(os.getloadavg()[0], 1)],
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--viewers", default="1,2,4,8")
    ap.add_argument("--seconds", type=int, default=30)
    ap.add_argument("--res", default="480p")
    ap.add_argument("--timeout", type=float, default=300.0, help="most seconds one round may take")
    ap.add_argument("--think", default=str(THINK_S),
                    help="seconds each viewer takes to choose (past the countdown: the countdown chooses); "
                         "several, comma-separated: the rounds are run for each")
    ap.add_argument("--cold", action="store_true",
                    help="first, one film asked the moment the server answers (while it warms up), reported "
                         "apart as 'cold'; the rounds always start once the warm-up is done")
    ap.add_argument("--prompt", help="every viewer's film is this (default: a genre each, PROMPTS)")
    ap.add_argument("--seed", type=int, default=0, help="the first round's first seed (each round adds 100)")
    ap.add_argument("--busy", type=int, default=0,
                    help="processes kept spinning beside the server through the rounds (other work)")
    ap.add_argument("--src", help="the dreamreel source folder (src/) to serve from (default: this one)")
    a = ap.parse_args()
    env = dict(os.environ)
    if a.src:
        env["PYTHONPATH"] = str(Path(a.src).resolve())
    results: list[dict] = []
    # An empty shot cache: every film is drawn, as a new viewer's would be (removed at the end: it
    # was left behind, tens of MB a run).
    with tempfile.TemporaryDirectory(prefix="dreamreel-bench-cache-") as cache, tempfile.TemporaryDirectory() as tmp:
        env["DREAMREEL_CACHE_DIR"] = cache
        with served(f"sqlite:///{tmp}/dreamreel.db", tmp, env, a.res) as (base, pid, warm):
            started, started_wall = time.monotonic(), time.time()
            cold = None
            if a.cold:  # a film asked the moment the server answers, while it warms up (not a round)
                cold = asyncio.run(round_of(base, 1, a.seconds, pid, a.timeout, float(a.think.split(",")[0]),
                                            first_seed=10_000))
                print(json.dumps({"cold": cold}), file=sys.stderr, flush=True)
            while not warm.exists():  # the rounds measure films, not the server starting up
                if time.monotonic() - started > 300:
                    raise SystemExit("the server did not warm up in 300 s")
                time.sleep(0.1)
            warm_up_s = round(warm.stat().st_mtime - started_wall, 2)  # (from the server answering)
            idle = tree_rss(pid)
            # other work beside the server, as a shared machine has (admission counts it)
            busy = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(a.busy)]
            try:
                for think in (float(x) for x in a.think.split(",")):
                    for n in (int(x) for x in a.viewers.split(",")):
                        # Each round's films are new ones (seeds not used before): none is found in the shot cache.
                        results.append(asyncio.run(round_of(base, n, a.seconds, pid, a.timeout, think,
                                                            a.seed + 100 * len(results), a.prompt)))
                        print(json.dumps(results[-1]), file=sys.stderr, flush=True)
            finally:
                for spinner in busy:
                    spinner.kill()
                    spinner.wait()
    print(json.dumps({"setup": {"cores": os.cpu_count(), "res": a.res, "film_seconds": a.seconds,
                                "src": a.src or "this checkout", "server_idle_rss_mb": round(idle),
                                "warm_up_s": warm_up_s, "prompt": a.prompt, "seed": a.seed, "busy": a.busy},
                      **({"cold": cold} if cold is not None else {}), "rounds": results}, indent=2))


if __name__ == "__main__":
    main()
