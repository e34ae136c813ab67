"""The adaptive director against the static schedule and itself deaf, on the training viewers and
on viewers written to break their habits (``director.stress_viewers``); prints JSON.

    python bench/stress_watch.py [--viewers 40] [--save rows.json]

Training stories and seeds (``viewers.TRAIN``): ``director.viewers``' training population
(``--viewers`` of them) and, for each stress kind, half as many of its own. Per population: each
policy's mean value (enjoyment a second) and adaptive's paired lift over the others with 95%
intervals. ``--save`` keeps every viewing's value, in the same order on any code, so two runs
(old and new code) can be paired. About 3 minutes on 2 shared cores at 40 viewers.
"""

from __future__ import annotations

import argparse
import json
import time

from dreamreel.director.schedule import STATIC
from dreamreel.director.stress_viewers import KINDS, score_kind
from dreamreel.director.viewers import TRAIN, paired, population, score, stories

POLICIES = ["adaptive", STATIC, "no_telemetry"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--viewers", type=int, default=40)
    ap.add_argument("--save", help="write every viewing's value here (JSON)")
    a = ap.parse_args()
    t0 = time.perf_counter()
    train = stories()
    rows = score(train, population(a.viewers, "train"), POLICIES, TRAIN[1])
    values = {"train": {k: [r["value"] for r in v] for k, v in rows.items()}}
    for kind in KINDS:
        values[kind] = score_kind(train, kind, max(1, a.viewers // 2), POLICIES, TRAIN[1])
    out = {pop: {"viewings": len(v["adaptive"]), "value": {k: round(sum(x) / len(x), 4) for k, x in v.items()},
                 "adaptive_vs": {k: paired(v["adaptive"], x) for k, x in v.items() if k != "adaptive"}}
           for pop, v in values.items()}
    out["seconds"] = round(time.perf_counter() - t0, 1)
    if a.save:
        with open(a.save, "w", encoding="utf-8") as f:
            json.dump(values, f)
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
