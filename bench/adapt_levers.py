"""Where the adaptive director gains and loses: each lever's part, per kind of viewer; prints JSON.

    python bench/adapt_levers.py [--viewers 20] [--outside 40] [--jobs 2] [--variants all,-pulse,...]
                                 [--populations train,stress,outside] [--set drama.SURE=0.6 ...]

The director (``policy="adaptive"``) is run as shipped (``all``), with each lever left out
(``-telling``, ``-pace``, ``-look``, ``-pulse``, ``-steer``: ``drama.LEVERS``) and with each
alone (``+telling`` ...), against the static schedule it starts from, on the same viewings:

- ``train``: ``director.viewers``' training population on its training stories and seeds (what
  the director and its fits may be tuned on), split by the viewer's style of signalling;
- ``heldout``: the same population's held-out draw, stories and seeds (``viewers.HELD_OUT``);
- ``stress``: ``director.stress_viewers``' kinds (training draw, training stories), each a kind;
- ``outside``: ``bench/outside_watch.py``'s people (its held-out draw, its stories and seeds),
  split by telemetry, by whether they show overwhelm mostly the way boredom shows (skipping
  ahead, another tab: ``ambiguous``) or by pausing and rewinding (``clear``), and by the
  intensity they want (low, middle, high thirds). A check, never a fit.
- ``aside``: held aside (issue 14's gate was chosen without it, and it was run once, at the
  end): the outside model's people drawn with a seed nothing else uses (``ASIDE``), on its two
  stories the bench leaves out and its two other seeds; split as ``outside``.

Per population and variant: the mean value (enjoyment a second), the paired lift over static
with a 95% interval, and the interventions a viewing by kind; per kind of viewer, the shipped
director's lift over static. ``--set module.NAME=value`` changes a director constant for every
variant (for trying a change before making it).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

LEVERS = ("telling", "pace", "look", "pulse", "steer")
#: The outside model's population seed for ``aside`` (outside_watch uses 1 and 2).
ASIDE = 3
VARIANTS = ("all", *(f"-{x}" for x in LEVERS), *(f"+{x}" for x in LEVERS))


_SHIPPED: dict[tuple[Any, str], Any] = {}


def _apply(variant: str, sets: list[str], alts: dict[str, list[str]]) -> None:
    import importlib

    from dreamreel.director import drama

    for (m, attr), value in _SHIPPED.items():  # (a worker runs variant after variant)
        setattr(m, attr, value)
    for s in sets + alts.get(variant, []):
        name, value = s.split("=", 1)
        mod, attr = name.rsplit(".", 1)
        m = importlib.import_module(f"dreamreel.director.{mod}")
        _SHIPPED.setdefault((m, attr), getattr(m, attr))
        setattr(m, attr, json.loads(value))
    if variant in ("all", "static") or variant in alts:
        drama.LEVERS = frozenset(LEVERS)
    elif variant.startswith("-"):
        drama.LEVERS = frozenset(LEVERS) - {variant[1:]}
    else:
        drama.LEVERS = frozenset({variant[1:]})


_STORIES: dict[str, list[Any]] = {}


def _stories(which: str) -> list[Any]:
    if which not in _STORIES:
        if which in ("outside", "aside"):
            from outside_watch import PROMPTS, stories

            _STORIES[which] = stories(PROMPTS[:4] if which == "outside" else PROMPTS[4:6])
        else:
            from dreamreel.director.viewers import HELD_OUT, stories

            _STORIES[which] = stories(HELD_OUT[0], 100) if which == "heldout" else stories()
    return _STORIES[which]


def _kinds(counts: list[dict], ints: list[Any]) -> None:
    for i in ints:
        counts[-1][i.kind] = counts[-1].get(i.kind, 0) + 1


def job(args: tuple) -> dict:
    """One population under one variant: every viewing's value, kind of viewer and interventions."""
    pop, variant, sets, alts, n_train, n_outside = args
    _apply(variant, sets, alts)
    from dreamreel.director.harness import watch
    from dreamreel.director.schedule import STATIC

    policy: Any = STATIC if variant == "static" else "adaptive"
    rows: list[dict] = []
    if pop in ("train", "stress", "heldout"):
        from dreamreel.director.stress_viewers import KINDS, StressViewer, stress_population
        from dreamreel.director.viewers import HELD_OUT, TRAIN, SimViewer, full_seconds, population

        for story in _stories(pop):
            for seed in (HELD_OUT if pop == "heldout" else TRAIN)[1]:
                full = full_seconds(story, seed)
                groups = [(pop, t, None) for t in population(n_train, pop)] if pop != "stress" else \
                    [(k, t, k) for k in KINDS for t in stress_population(max(1, n_train // 2), k)]
                for v, (group, taste, kind) in enumerate(groups):
                    viewer = SimViewer(taste, run=seed * 7919 + v) if kind is None else \
                        StressViewer(taste, kind, run=seed * 7919 + v)
                    viewing = watch(story, viewer, policy, seed=seed)
                    rows.append({"key": f"{story.id}/{seed}/{group}/{v}", "value": viewer.value(full),
                                 "kind": taste.style if kind is None else kind,
                                 "ints": [i.kind for i in viewing.interventions]})
    else:
        from outside_viewers import OutsideViewer
        from outside_watch import HELD_OUT, SEEDS, path_beats, population

        people = population(n_outside, HELD_OUT if pop == "outside" else ASIDE)
        for story in _stories(pop):
            for seed in SEEDS[:2] if pop == "outside" else SEEDS[2:4]:
                beats = path_beats(story, seed)
                for person in people:
                    viewer = OutsideViewer(person, story.id, seed, episodes=story.request.episodes)
                    viewing = watch(story, viewer, policy, seed=seed)
                    o = person.over_style
                    ambiguous = o["skip"] + o["away"] > o["pause"] + o["rewind"] + o["mute"]
                    want = "low" if person.want < 0.43 else "high" if person.want > 0.57 else "middle"
                    rows.append({"key": f"{story.id}/{seed}/{person.id}", "value": viewer.value(beats),
                                 "kind": ("off" if not person.telemetry else
                                          "ambiguous" if ambiguous else "clear") + f"/{want}",
                                 "ints": [i.kind for i in viewing.interventions]})
    return {"pop": pop, "variant": variant, "rows": rows}


def paired(a: list[float], b: list[float], n: int = 2000) -> dict:
    import numpy as np

    x, y = np.asarray(a), np.asarray(b)
    rng = np.random.default_rng(0)
    idx = rng.integers(0, len(x), size=(n, len(x)))
    lifts = x[idx].sum(1) / y[idx].sum(1) - 1
    return {"n": len(x), "lift": round(float(x.sum() / y.sum() - 1), 4),
            "ci95": [round(float(np.quantile(lifts, 0.025)), 4), round(float(np.quantile(lifts, 0.975)), 4)]}


def summarise(results: list[dict]) -> dict:
    by: dict[str, dict[str, list[dict]]] = {}
    for r in results:
        by.setdefault(r["pop"], {}).setdefault(r["variant"], []).extend(r["rows"])
    out: dict[str, Any] = {}
    for pop, variants in by.items():
        base = {r["key"]: r for r in variants["static"]}
        o: dict[str, Any] = {"static": round(sum(r["value"] for r in base.values()) / len(base), 4), "variants": {}}
        for variant, rows in variants.items():
            if variant == "static":
                continue
            rows = [r for r in rows if r["key"] in base]
            ints: dict[str, float] = {}
            for r in rows:
                for k in r["ints"]:
                    ints[k] = ints.get(k, 0) + 1 / len(rows)
            o["variants"][variant] = {"value": round(sum(r["value"] for r in rows) / len(rows), 4),
                                      "vs_static": paired([r["value"] for r in rows],
                                                          [base[r["key"]]["value"] for r in rows]),
                                      "interventions_a_viewing": {k: round(v, 2) for k, v in sorted(ints.items())}}
            if variant != "all" and "all" in variants:  # paired against the director as shipped
                ref = {r["key"]: r for r in variants["all"]}
                both = [r for r in rows if r["key"] in ref]
                o["variants"][variant]["vs_all"] = paired([r["value"] for r in both],
                                                          [ref[r["key"]]["value"] for r in both])
            groups: dict[str, list[dict]] = {}
            for r in rows:
                groups.setdefault(r["kind"].split("/")[0], []).append(r)
            o["variants"][variant]["lift_by_kind"] = {
                k: round(sum(r["value"] for r in rs) / sum(base[r["key"]]["value"] for r in rs) - 1, 4)
                for k, rs in sorted(groups.items())}
            if variant == "all":
                kinds: dict[str, list[dict]] = {}
                for r in rows:
                    kinds.setdefault(r["kind"], []).append(r)
                o["all_by_viewer_kind"] = {
                    k: paired([r["value"] for r in rs], [base[r["key"]]["value"] for r in rs])
                    for k, rs in sorted(kinds.items())}
                if pop in ("outside", "aside"):  # the signalling styles, all wants together
                    styles: dict[str, list[dict]] = {}
                    for r in rows:
                        styles.setdefault(r["kind"].split("/")[0], []).append(r)
                    o["all_by_signalling"] = {
                        k: paired([r["value"] for r in rs], [base[r["key"]]["value"] for r in rs])
                        for k, rs in sorted(styles.items())}
        out[pop] = o
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--viewers", type=int, default=20, help="training viewers (each stress kind: half as many)")
    ap.add_argument("--outside", type=int, default=40, help="outside people")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--variants", default=",".join(VARIANTS))
    ap.add_argument("--populations", default="train,stress,outside")
    ap.add_argument("--set", action="append", default=[], help="module.NAME=json value, e.g. drama.SURE=0.6")
    ap.add_argument("--alt", action="append", default=[],
                    help="NAME:module.NAME=json value: a variant NAME, the director with every lever and this set "
                         "(repeat a NAME to set more than one)")
    a = ap.parse_args()
    t0 = time.perf_counter()
    alts: dict[str, list[str]] = {}
    for alt in a.alt:
        name, _, setting = alt.partition(":")
        alts.setdefault(name, []).append(setting)
    variants = ["static", *[v for v in a.variants.split(",") if v and v != "static"], *alts]
    for v in variants:
        if v not in VARIANTS and v != "static" and v not in alts:
            raise SystemExit(f"error: no variant {v!r}; the variants: {', '.join(VARIANTS)}")
    work = [(p, v, a.set, alts, a.viewers, a.outside) for p in a.populations.split(",") for v in variants]
    if a.jobs <= 1:
        results = [job(w) for w in work]
    else:
        with ProcessPoolExecutor(a.jobs) as pool:
            results = list(pool.map(job, work))
    out = summarise(results)
    out["setup"] = {"viewers": a.viewers, "outside": a.outside, "set": a.set, "alt": alts, "wall_s": round(time.perf_counter() - t0, 1)}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
