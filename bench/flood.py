"""Benchmark the server under a telemetry flood; prints JSON.

One viewer's sockets send telemetry as fast as they can (valid events, or garbage with
``--garbage``), reconnecting whenever the server closes them, while another viewer asks for
``GET /api/me`` every 50 ms and listens to its own film's status pushes. Reported: that other
viewer's request latency (p50, p95, max) before and during the flood, the longest gap between its
status pushes during the flood, and what the flood achieved (messages sent, sockets the server
closed and why, handshakes refused).

The server runs in its own process (``uvicorn``), as ``dreamreel serve`` does; ``--src`` runs
another checkout's code (e.g. a ``git worktree`` of an older commit) for a before/after.

    python bench/flood.py [--seconds 15] [--sockets 4] [--garbage] [--src PATH]
"""

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from serve import served
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus


def quantiles(xs: list[float]) -> dict:
    xs = sorted(xs)
    if not xs:
        return {}
    def q(p: float) -> float:
        return round(xs[min(len(xs) - 1, int(round(p * (len(xs) - 1))))] * 1000, 1)
    return {"n": len(xs), "p50_ms": q(0.5), "p95_ms": q(0.95), "max_ms": round(xs[-1] * 1000, 1)}


async def measure(base: str, client: httpx.AsyncClient, until: float) -> list[float]:
    lat = []
    while time.monotonic() < until:
        t = time.perf_counter()
        try:
            r = await client.get("/api/me", timeout=60)
            r.raise_for_status()
        except httpx.HTTPError:
            pass
        lat.append(time.perf_counter() - t)
        await asyncio.sleep(0.05)
    return lat


async def pushes(url: str, token: str, until: float) -> list[float]:
    """Arrival times of the film's status pushes on the measuring viewer's own socket."""
    seen = []
    async with connect(url, additional_headers={"Cookie": f"dreamreel_token={token}"}, open_timeout=60) as ws:
        while time.monotonic() < until:
            try:
                msg = json.loads(await asyncio.wait_for(ws.recv(), timeout=max(0.1, until - time.monotonic())))
            except asyncio.TimeoutError:
                break
            if msg.get("type") == "status":
                seen.append(time.monotonic())
    return seen


async def flood(url: str, token: str, until: float, garbage: bool, stats: dict) -> None:
    event = "x" * 200 if garbage else json.dumps({"kind": "pointer", "t": 1.0})
    while time.monotonic() < until:
        try:
            async with connect(url, additional_headers={"Cookie": f"dreamreel_token={token}"}, open_timeout=30,
                               max_queue=None) as ws:
                stats["connected"] += 1
                while time.monotonic() < until:
                    await ws.send(event)
                    stats["sent"] += 1
                    if stats["sent"] % 64 == 0:
                        await asyncio.sleep(0)
        except ConnectionClosed as e:
            reason = (e.rcvd.reason if e.rcvd else "") or f"code {e.rcvd.code if e.rcvd else '?'}"
            stats["closed"][reason] = stats["closed"].get(reason, 0) + 1
        except InvalidStatus as e:
            stats["refused"][str(e.response.status_code)] = stats["refused"].get(str(e.response.status_code), 0) + 1
            await asyncio.sleep(0.2)
        except OSError:
            await asyncio.sleep(0.2)


async def run(base: str, tokens: dict, films: dict, a: argparse.Namespace) -> dict:
    ws_base = base.replace("http", "ws")
    out: dict = {}
    async with httpx.AsyncClient(base_url=base, cookies={"dreamreel_token": tokens["calm"]}) as calm:
        until = time.monotonic() + a.baseline
        out["before"] = quantiles(await measure(base, calm, until))
        stats: dict = {"sent": 0, "connected": 0, "closed": {}, "refused": {}}
        until = time.monotonic() + a.seconds
        floods = [asyncio.create_task(flood(f"{ws_base}/ws/films/{films['flood']}", tokens["flood"], until,
                                            a.garbage, stats)) for _ in range(a.sockets)]
        got = asyncio.create_task(pushes(f"{ws_base}/ws/films/{films['calm']}", tokens["calm"], until))
        lat = await measure(base, calm, until)
        await asyncio.gather(*floods, return_exceptions=True)
        times = await got
        gaps = [b - a_ for a_, b in zip(times, times[1:])]
        out["during"] = quantiles(lat)
        out["status_pushes"] = {"n": len(times), "longest_gap_s": round(max(gaps), 2) if gaps else None}
        out["flood"] = {**stats, "sent_per_s": round(stats["sent"] / a.seconds)}
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=15.0)
    ap.add_argument("--baseline", type=float, default=5.0)
    ap.add_argument("--sockets", type=int, default=4)
    ap.add_argument("--garbage", action="store_true")
    ap.add_argument("--src", help="the dreamreel source folder (src/) to serve from (default: this one)")
    a = ap.parse_args()
    env = dict(os.environ)
    if a.src:
        env["PYTHONPATH"] = str(Path(a.src).resolve())
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/dreamreel.db"
        made = subprocess.run([sys.executable, "-c", """
import sys, json
from dreamreel.store.db import Database
db = Database(sys.argv[1])
out = {}
for who in ("calm", "flood"):
    v, token = db.new_viewer()
    out[who] = (token, db.add_film(v.id, "a western", "A Western", "{}").id)
print(json.dumps(out))
""", url], capture_output=True, text=True, env=env, check=True)
        made_ = json.loads(made.stdout)
        tokens = {k: v[0] for k, v in made_.items()}
        films = {k: v[1] for k, v in made_.items()}
        with served(url, tmp, env) as (base, _, _):
            results = asyncio.run(run(base, tokens, films, a))
    results["setup"] = {"seconds": a.seconds, "sockets": a.sockets, "garbage": a.garbage, "cores": os.cpu_count(),
                        "src": a.src or "this checkout"}
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
