"""Which kinds of sign say which way a viewer wants the film moved, on the in-house viewers; prints JSON.

    python bench/sign_reliability.py [--viewers 20] [--which train]

The adaptive director watches ``director.viewers``' population and every ``director.stress_viewers``
kind (``--which`` draw, on its stories and seeds: ``train`` is what the director may be fitted on).
As each beat begins the director's evidence by kind of sign (``Engagement.kinds``: a skip ahead,
another tab, a choice let run out, a rewind ..., each + restless or - overwhelmed, saturating) is
kept with what the simulated viewer was at the end of the beat before (the truth the signs are
about): more bored than overwhelmed (``boredom / patience > overload / tolerance``: what their
signs are their reaction to), and whether the beat was less intense than they
wanted (``gap < 0``: one beat's noisy truth). A logistic regression of each truth on the kinds
(standardised, L2) says how each kind points. A kind heard in at least ``HEARD`` readings whose
coefficient is within ``NOTHING`` of zero under both truths points neither way: it is no
evidence of which way the viewer wants the film moved, and ``engagement.RELIABILITY`` counts it
for nothing in the support (issue 14). (A kind that points the wrong way under one truth and
neither way under the other, another tab read as too much, is reported, not dropped.) The
director watches with every kind counted (no table), as it did when the table was found;
``shipped_matches`` says whether the shipped table is what this run finds.
"""

from __future__ import annotations

import argparse
import json
import math
import time
from typing import Any

import numpy as np

from dreamreel.director import engagement, harness
from dreamreel.director.stress_viewers import KINDS, StressViewer, stress_population
from dreamreel.director.viewers import HELD_OUT, TRAIN, SimViewer, population, stories

#: A kind is judged once heard in this many readings, and points neither way when its
#: standardised coefficient is within NOTHING of zero under both truths.
HEARD = 100
NOTHING = 0.1
#: Kinds of sign as ``Engagement`` tallies them (the kind of event, + restless or - overwhelmed).
SIGNS = ("skip+", "seek+", "hidden+", "hidden-", "mute+", "mute-", "choice+", "choice-", "watch+",
         "pause-", "seek-", "replay-")


class _Watcher:
    """The viewer, with what they were at the end of each beat."""

    def __init__(self, viewer: SimViewer):
        self.v = viewer
        self.truth: list[tuple[float, float]] = []

    @property
    def gone(self) -> bool:
        return self.v.gone

    def see(self, played: Any) -> list[dict]:
        _, gap = self.v.enjoyment(played)
        out = self.v.see(played)
        t = self.v.taste
        self.truth.append((gap, self.v.boredom / t.patience - self.v.overload / t.tolerance))
        return out

    def choose(self, offer: Any) -> tuple[str | None, float]:
        return self.v.choose(offer)


def collect(n: int, which: str) -> list[dict]:
    """Every reading the director acted on (bored or overwhelmed), with the truth it was about."""
    taken: list[dict] = []
    original = harness._Adaptive.variant

    def variant(self: Any, beat: Any, at_s: float) -> Any:
        out = original(self, beat, at_s)
        r = self.reading
        taken.append({"level": r.level, "kinds": dict(self.engagement.kinds)})
        return out

    harness._Adaptive.variant = variant  # type: ignore[method-assign]
    shipped, engagement.RELIABILITY = engagement.RELIABILITY, {}  # (every kind tallied: what is judged)
    rows: list[dict] = []
    try:
        prompts, seeds = TRAIN if which == "train" else HELD_OUT
        for story in stories(list(prompts)):
            for seed in seeds:
                people = [(None, t) for t in population(n, which if which == "train" else "heldout")]
                people += [(k, t) for k in KINDS for t in stress_population(max(1, n // 2), k, which)]
                for i, (kind, taste) in enumerate(people):
                    viewer = SimViewer(taste, run=seed * 7919 + i) if kind is None else \
                        StressViewer(taste, kind, run=seed * 7919 + i)
                    w = _Watcher(viewer)
                    taken.clear()
                    harness.watch(story, w, "adaptive", seed=seed)
                    for k, d in enumerate(taken):  # (the reading at beat k is about beat k - 1)
                        if k and k - 1 < len(w.truth) and d["level"] in ("bored", "overwhelmed"):
                            gap, state = w.truth[k - 1]
                            rows.append({**d, "group": kind or "train", "less_than_wanted": gap < 0,
                                         "more_bored": state > 0})
    finally:
        harness._Adaptive.variant = original  # type: ignore[method-assign]
        engagement.RELIABILITY = shipped
    return rows


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0) -> np.ndarray:
    """Logistic regression by Newton's method (the last weight is the intercept)."""
    x1 = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(x1.shape[1])
    reg = l2 * np.r_[np.ones(x.shape[1]), 0.0]
    for _ in range(30):
        p = 1 / (1 + np.exp(-x1 @ w))
        g = x1.T @ (p - y) + reg * w
        h = (x1 * (p * (1 - p))[:, None]).T @ x1 + np.diag(reg) + 1e-9 * np.eye(len(w))
        w -= np.linalg.solve(h, g)
    return w


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--viewers", type=int, default=20)
    ap.add_argument("--which", default="train", choices=("train", "heldout"))
    a = ap.parse_args()
    t0 = time.perf_counter()
    rows = collect(a.viewers, a.which)
    x = np.array([[math.tanh(r["kinds"].get(s, 0.0)) for s in SIGNS] for r in rows])
    sd = x.std(0)
    sd[sd == 0] = 1.0
    out: dict[str, Any] = {"readings": len(rows), "coefficients": {}, "counts": {}}
    for truth in ("more_bored", "less_than_wanted"):
        w = fit(x / sd, np.array([r[truth] for r in rows], dtype=float))
        out["coefficients"][truth] = {s: round(float(c), 3) for s, c in zip(SIGNS, w[:-1])}
    for s in SIGNS:
        heard = int((np.abs(x[:, SIGNS.index(s)]) > 0).sum())
        # (a restless kind's evidence is +, an overwhelmed kind's -: either way, a kind that points
        # the way it is read raises the odds of that way, a coefficient above zero)
        cs = [out["coefficients"][t][s] for t in out["coefficients"]]
        out["counts"][s] = {"heard_in": heard, "points": "neither way" if all(abs(c) < NOTHING for c in cs)
                            else "the way it is read" if all(c > -NOTHING for c in cs)
                            else "the wrong way" if all(c < NOTHING for c in cs) else "each way under one truth"}
    found = {s: 0.0 for s, c in out["counts"].items() if c["heard_in"] >= HEARD and c["points"] == "neither way"}
    out["unreliable"] = found
    out["shipped"] = engagement.RELIABILITY
    out["shipped_matches"] = found == engagement.RELIABILITY
    by_group: dict[str, list[dict]] = {}
    for r in rows:
        by_group.setdefault(r["group"], []).append(r)
    out["read_right_share"] = {g: round(sum((r["level"] == "bored") == r["more_bored"] for r in rs) / len(rs), 3)
                               for g, rs in sorted(by_group.items())}
    out["setup"] = {"viewers": a.viewers, "which": a.which, "wall_s": round(time.perf_counter() - t0, 1)}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
