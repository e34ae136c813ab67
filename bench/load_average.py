"""Admission's reading of other work where there is no /proc/stat (the 1-minute load average)
while this process is busy making films itself, against what /proc says: prints JSON.

Two phases, sampled every 2 s: ``before`` (the machine as it is) and ``busy`` (this process makes
films one after another at 480p with a real render pool, as a server does). Each reports the
mean over its last ``--tail`` seconds of the load average, of other work as /proc counts it (the
machine's runnable threads less this process's and its workers', averaged over a minute as the
load average is: ``proc``), and of other work read from the load average less this process's
own work, each way:

- ``cpu``: the cores this process, its finished children and its workers' shots used;
- ``fair``: those cores times load / cores where the load is over the cores (each runnable
  thread given an even share of the cores);
- ``busy``: as ``cpu``, with each shot a worker drew counted for its whole time (or its CPU time
  where that is more), whether it had a core or waited (``render_pool.drawn_busy_seconds``);
- ``busy_fair``: as ``busy``, with this process's own CPU scaled as in ``fair``: what
  admission reads without /proc (``admission``: ``MachineLoad`` itself, per core of the machine).

    python bench/load_average.py [--seconds 120] [--tail 40]
"""

import argparse
import json
import math
import os
import tempfile
import threading
import time
from pathlib import Path

from dreamreel import render_pool
from dreamreel.model import Request
from dreamreel.narrative.planner import plan
from dreamreel.production import make_film
from dreamreel.serve import admission
from dreamreel.store.cache import Cache


class Rates:
    """Seconds a second of each counter, averaged over a minute as the load average is."""

    def __init__(self, read: dict) -> None:
        self.read, self.last, self.rate = read, None, {k: 0.0 for k in read}

    def sample(self, now: float) -> dict:
        values = {k: f() for k, f in self.read.items()}
        if self.last is not None:
            at, before = self.last
            keep = math.exp(-(now - at) / admission.LOAD_AVERAGE_S)
            for k, v in values.items():
                self.rate[k] = keep * self.rate[k] + (1 - keep) * (v - before[k]) / (now - at)
        self.last = (now, values)
        return self.rate


def films(stop: threading.Event, folder: Path, made: list) -> None:
    pool = render_pool.RenderPool(None)
    try:
        seed = 0
        while not stop.is_set():
            story = plan(Request(prompt="a western", episodes=1, target_seconds=30), seed=seed)
            make_film(story, folder / f"film{seed}.mp4", seed=seed, res="480p", pool=pool,
                      cache=Cache(folder / f"cache{seed}"), keep=False)
            made.append(seed)
            seed += 1
    finally:
        pool.close()


def phase(truth: admission.MachineLoad, reading: admission.MachineLoad, rates: Rates, cores: int, seconds: float,
          tail: float) -> dict:
    rows = []
    start = time.monotonic()
    while (now := time.monotonic()) - start < seconds:
        proc = truth.sample(now)
        read = reading.sample(now) / reading._scale
        r = rates.sample(now)
        load = os.getloadavg()[0]
        share = max(1.0, load / cores)
        main = r["self"] + r["children"]
        rows.append({"t": now - start, "load": load, "proc": proc, "admission": read,
                     "cpu": load - (main + r["drawn_cpu"]),
                     "fair": load - (main + r["drawn_cpu"]) * share,
                     "busy": load - (main + r["drawn_busy"]),
                     "busy_fair": load - (main * share + r["drawn_busy"])})
        time.sleep(2.0)
    last = [r for r in rows if r["t"] >= seconds - tail] or rows[-1:]
    return {k: round(sum(max(0.0, r[k]) for r in last) / len(last), 2)
            for k in ("load", "proc", "cpu", "fair", "busy", "busy_fair", "admission")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=120.0)
    ap.add_argument("--tail", type=float, default=40.0)
    a = ap.parse_args()
    cores = os.cpu_count() or 1
    truth = admission.MachineLoad(tau_s=admission.LOAD_AVERAGE_S)
    assert truth.source == "/proc/stat", "the bench compares with /proc/stat: run it where /proc is"

    def own_self() -> float:
        t = os.times()
        return t.user + t.system

    def own_children() -> float:
        t = os.times()
        return t.children_user + t.children_system

    rates = Rates({"self": own_self, "children": own_children, "drawn_cpu": render_pool.drawn_cpu_seconds,
                   "drawn_busy": render_pool.drawn_busy_seconds})
    reading = admission.MachineLoad(tau_s=1.0, proc="/no-such-proc")
    out: dict = {"cores": cores, "before": phase(truth, reading, rates, cores, 30.0, 20.0)}
    stop, made = threading.Event(), []
    with tempfile.TemporaryDirectory() as tmp:
        maker = threading.Thread(target=films, args=(stop, Path(tmp), made), daemon=True)
        maker.start()
        try:
            out["busy"] = phase(truth, reading, rates, cores, a.seconds, a.tail)
        finally:
            stop.set()
            maker.join(600)
    out["films_made"] = len(made)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
