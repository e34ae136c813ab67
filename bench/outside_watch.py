"""Judge the director's policies with a viewer model written outside it; prints JSON.

The viewers are ``bench/outside_viewers.py`` (written from the public harness alone, not from the
director or ``director.viewers``). Every policy the harness offers watches the same stories with
the same people and the same luck, so each viewing pairs with its twin under another policy.

What a viewing is worth (fixed before measuring; ``OutsideViewer.value``): enjoyment of each second
watched with eyes on the screen, over the film's seconds, the rest of the film counting zero for
one who left. Reported per policy: the mean with a 95% bootstrap interval (resampling people, each
with all their viewings), who left and why, who finished; adaptive against every other policy:
the paired mean difference and the lift ``mean(adaptive) / mean(other) - 1``, each with a 95%
bootstrap interval; the same for viewers with telemetry on and off, and story by story.

    python bench/outside_watch.py [--viewers 40] [--stories 4] [--seeds 2] [--jobs 1] [--no-oracle] [--quiet-overwhelm] [--want-shift 0.1]
    python bench/outside_watch.py --calibrate   # the training people, the film as written only, other stories

The people reported on are drawn with a seed (``HELD_OUT``) that was used for nothing else; the
model's constants were set by reading how the training people (``TRAINING``) took the films as
written (``--calibrate``), never by how any director did.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from outside_viewers import OutsideViewer, Person, population  # noqa: E402

TRAINING, HELD_OUT = 1, 2
SEEDS = (11, 12, 13, 14)
CALIBRATION_SEEDS = (5, 6)
#: Stories of our own asking (two episodes each: short films of three to five minutes).
PROMPTS = (
    "a retired jazz pianist teaches a runaway teenager to play",
    "two rival chefs trapped in a snowed-in diner",
    "a night shift nurse suspects the hospital is haunted",
    "a girl and her grandfather sail a homemade boat to an island",
    "a bank heist goes wrong during a city-wide blackout",
    "a lonely astronaut hears a knock on the outside of her station",
)
#: Stories only --calibrate watches (never reported).
CALIBRATION_PROMPTS = ("a lighthouse keeper finds a message in a bottle",
                       "a small-town mayor's dog goes missing the day before the election")
BASE = ("as_written", "static", "no_telemetry", "learned", "random")
POLICIES = ("as_written", "static", "no_telemetry", "adaptive", "learned", "random", "oracle")


def stories(prompts: tuple[str, ...], episodes: int = 2) -> list[Any]:
    from dreamreel.model import Request
    from dreamreel.narrative.planner import plan

    return [plan(Request(prompt=p, episodes=episodes), seed=0) for p in prompts]


class _Ghost:
    """Sends nothing, never leaves, never chooses: how many beats a story's path holds."""

    gone = False

    def see(self, played: Any) -> list[dict]:
        return []

    def choose(self, offer: Any) -> tuple[str | None, float]:
        return None, offer.timeout_s + 1.0


def path_beats(story: Any, seed: int) -> int:
    from dreamreel.director.harness import watch

    return len(watch(story, _Ghost(), policy="as_written", seed=seed).played)


def one(story: Any, person: Person, policy: str, seed: int, beats: int) -> dict:
    from dreamreel.director.harness import watch

    viewer = OutsideViewer(person, story.id, seed, episodes=story.request.episodes)
    v = watch(story, viewer, policy=policy, seed=seed)
    ups = [viewer.state_at.get(i.beat, (0.0, 0.0)) for i in v.interventions if i.kind == "escalate"]
    return {"escalations": len(ups), "escalated_overwhelmed": sum(o > b for b, o in ups),
            "calmings": sum(i.kind == "calm" for i in v.interventions),
            "bored_acts": sum(n for k, n in viewer.acts.items() if k.startswith("bored:")),
            "overwhelmed_acts": sum(n for k, n in viewer.acts.items() if k.startswith("overwhelmed:")),"story": story.id, "person": person.id, "seed": seed, "policy": policy,
            "telemetry": person.telemetry, "value": viewer.value(beats), "left": viewer.gone,
            "reason": viewer.reason, "complete": v.complete, "seconds": v.seconds, "sent": viewer.sent,
            "events": v.events, "rejected": v.rejected, "problem": v.problem,
            "chose": sum(c.by == "viewer" for c in v.choices), "choices": len(v.choices)}


def _job(args: tuple) -> list[dict]:
    story, people, policies, seed, beats = args
    return [one(story, person, policy, seed, beats) for person in people for policy in policies]


def run(the_stories: list[Any], people: list[Person], policies: tuple[str, ...], seeds: tuple[int, ...],
        jobs: int = 1) -> list[dict]:
    work = []
    for story in the_stories:
        for seed in seeds:
            beats = path_beats(story, seed)
            for k in range(0, len(people), 10):
                work.append((story, people[k:k + 10], policies, seed, beats))
    if jobs <= 1:
        return [row for w in work for row in _job(w)]
    with ProcessPoolExecutor(jobs) as pool:
        return [row for rows in pool.map(_job, work) for row in rows]


# -- statistics ---------------------------------------------------------------------------------


def _interval(xs: list[float]) -> list[float]:
    xs = sorted(xs)
    return [round(xs[int(0.025 * len(xs))], 4), round(xs[int(0.975 * len(xs)) - 1], 4)]


def _by_person(rows: list[dict], policy: str) -> dict[int, list[float]]:
    out: dict[int, list[float]] = {}
    for r in rows:
        if r["policy"] == policy:
            out.setdefault(r["person"], []).append(r["value"])
    return out


def mean_ci(rows: list[dict], policy: str, n: int = 2000, seed: int = 0) -> dict:
    per = _by_person(rows, policy)
    people = sorted(per)
    rng = random.Random(seed)
    means = []
    for _ in range(n):
        pick = [per[rng.choice(people)] for _ in people]
        means.append(sum(sum(v) for v in pick) / sum(len(v) for v in pick))
    allv = [x for v in per.values() for x in v]
    return {"mean": round(statistics.fmean(allv), 4), "ci95": _interval(means)}


def paired(rows: list[dict], a: str, b: str, n: int = 2000, seed: int = 0) -> dict | None:
    """Mean of a - b over twin viewings, and the lift mean(a) / mean(b) - 1, with 95% intervals
    resampling people (each with all their viewings)."""
    key = lambda r: (r["story"], r["person"], r["seed"])  # noqa: E731
    va = {key(r): r["value"] for r in rows if r["policy"] == a}
    vb = {key(r): r["value"] for r in rows if r["policy"] == b}
    per: dict[int, list[tuple[float, float]]] = {}
    for k in va.keys() & vb.keys():
        per.setdefault(k[1], []).append((va[k], vb[k]))
    if not per:
        return None
    people = sorted(per)
    rng = random.Random(seed)
    diffs, lifts = [], []
    for _ in range(n):
        pairs = [x for _ in people for x in per[rng.choice(people)]]
        sa, sb = sum(x for x, _ in pairs), sum(y for _, y in pairs)
        diffs.append((sa - sb) / len(pairs))
        lifts.append(sa / sb - 1 if sb else 0.0)
    pairs = [x for v in per.values() for x in v]
    sa, sb = sum(x for x, _ in pairs), sum(y for _, y in pairs)
    return {"n": len(pairs), "diff": round((sa - sb) / len(pairs), 4), "diff_ci95": _interval(diffs),
            "lift": round(sa / sb - 1, 4) if sb else None, "lift_ci95": _interval(lifts)}


def summary(rows: list[dict], policies: tuple[str, ...]) -> dict:
    out: dict[str, Any] = {"policies": {}, "adaptive_vs": {}}
    for pol in policies:
        rs = [r for r in rows if r["policy"] == pol]
        if not rs:
            continue
        reasons: dict[str, float] = {}
        for r in rs:
            if r["left"]:
                reasons[r["reason"]] = reasons.get(r["reason"], 0) + 1
        out["policies"][pol] = {
            "viewings": len(rs), **mean_ci(rows, pol),
            "left": round(sum(r["left"] for r in rs) / len(rs), 3),
            "left_why": {k: round(v / len(rs), 3) for k, v in sorted(reasons.items())},
            "complete": round(sum(r["complete"] for r in rs) / len(rs), 3),
            "film_seconds": round(statistics.fmean(r["seconds"] for r in rs), 1),
            "chose_themselves": round(sum(r["chose"] for r in rs) / max(1, sum(r["choices"] for r in rs)), 3),
            "rejected_events": sum(r["rejected"] for r in rs),
            "acts_a_viewing": {"bored": round(statistics.fmean(r["bored_acts"] for r in rs), 2),
                               "overwhelmed": round(statistics.fmean(r["overwhelmed_acts"] for r in rs), 2)},
            "escalations_a_viewing": round(statistics.fmean(r["escalations"] for r in rs), 2),
            "calmings_a_viewing": round(statistics.fmean(r["calmings"] for r in rs), 2),
            "escalated_while_more_overwhelmed_than_bored":
                round(sum(r["escalated_overwhelmed"] for r in rs) / max(1, sum(r["escalations"] for r in rs)), 3),
            "problems": sum(r["problem"] is not None for r in rs)}
    for b in policies:
        if b != "adaptive" and (d := paired(rows, "adaptive", b)):
            out["adaptive_vs"][b] = d
    if "learned" in policies:
        out["learned_vs_adaptive"] = paired(rows, "learned", "adaptive")
    for label, on in (("telemetry_on", True), ("telemetry_off", False)):
        sub = [r for r in rows if r["telemetry"] == on]
        out[f"adaptive_vs_{label}"] = {b: paired(sub, "adaptive", b) for b in ("static", "no_telemetry")
                                       if b in policies}
    out["adaptive_vs_static_by_story"] = {
        s: paired([r for r in rows if r["story"] == s], "adaptive", "static")
        for s in sorted({r["story"] for r in rows})} if "static" in policies else {}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--viewers", type=int, default=40)
    ap.add_argument("--stories", type=int, default=4)
    ap.add_argument("--seeds", type=int, default=2)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--no-oracle", action="store_true")
    ap.add_argument("--quiet-overwhelm", action="store_true",
                    help="a check, not the measure: overwhelmed people never skip ahead or leave the tab (they pause, "
                         "rewind, mute or sit through it), so no signal of theirs looks like boredom")
    ap.add_argument("--calibrate", action="store_true",
                    help="the training people and seeds, the film as written only, on stories of its own (to set the model's constants)")
    ap.add_argument("--want-shift", type=float, default=0.0,
                    help="a check, not the measure: everyone wants this much more felt intensity (0..1 scale)")
    args = ap.parse_args()
    t0 = time.monotonic()
    if args.calibrate:
        the_stories = stories(CALIBRATION_PROMPTS)
        people = population(args.viewers, TRAINING)
        rows = run(the_stories, people, ("as_written",), CALIBRATION_SEEDS, args.jobs)
        out = summary(rows, ("as_written",))
        out["sent_a_minute"] = round(60 * sum(r["sent"] for r in rows) / sum(r["seconds"] for r in rows), 1)
    else:
        policies = tuple(p for p in POLICIES if not (args.no_oracle and p == "oracle"))
        the_stories = stories(PROMPTS[:args.stories])
        people = population(args.viewers, HELD_OUT)
        if args.want_shift:
            people = [replace(p, want=min(0.95, max(0.05, p.want + args.want_shift))) for p in people]
        if args.quiet_overwhelm:
            people = [replace(p, over_style={k: w for k, w in p.over_style.items() if k not in ("skip", "away")})
                      for p in people]
        rows = run(the_stories, people, policies, SEEDS[:args.seeds], args.jobs)
        out = summary(rows, policies)
    out["setup"] = {"viewers": args.viewers, "quiet_overwhelm": args.quiet_overwhelm,
                    "want_shift": args.want_shift, "population_seed": TRAINING if args.calibrate else HELD_OUT,
                    "stories": [s.id for s in the_stories], "seeds": list(CALIBRATION_SEEDS if args.calibrate
                                                                          else SEEDS[:args.seeds]),
                    "telemetry_off": sum(not p.telemetry for p in people), "wall_s": round(time.monotonic() - t0, 1)}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
