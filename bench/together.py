"""How a room's engagement should be combined: simulated rooms watch through the public harness.

Each room is three held-out simulated viewers (``director.viewers``) watching one film together:
every beat each member sees it and sends their own telemetry, each choice goes to the members'
majority (nobody answering lets it run out). The adaptive director reads the room through
``director.group.GroupEngagement`` under each rule (``protective``: the most overwhelmed member's
overload and the mean boredom; ``mean``; ``least``: the least engaged member leads), against one
estimate fed everyone's events (the single-viewer director, unchanged), the population's best
static schedule, and the director deaf. Per viewing: the members' mean value (enjoyment per
second, leaving counting as nothing for the rest) and the worst-served member's value; paired
differences against the static schedule with 95% bootstrap intervals. Prints JSON.

    python bench/together.py [--rooms 40] [--size 3]
"""

import argparse
import json
import random
from collections import Counter, defaultdict

from dreamreel.director import harness
from dreamreel.director.engagement import Engagement
from dreamreel.director.group import RULES, GroupEngagement
from dreamreel.director.viewers import HELD_OUT, SimViewer, full_seconds, paired, population
from dreamreel.model import Request
from dreamreel.narrative.planner import plan


class Room:
    """Members watching together, as one harness viewer. Each event is remembered with its
    member, so the room's engagement can count it as theirs."""

    def __init__(self, members: list[SimViewer]):
        self.members = members
        self.whose: dict[tuple, list[int]] = defaultdict(list)

    @property
    def gone(self) -> bool:
        return all(m.gone for m in self.members)

    def see(self, played):
        out = []
        for i, m in enumerate(self.members):
            if m.gone:
                continue
            for e in m.see(played):
                self.whose[(e["kind"], e["t"], e.get("at"))].append(i)
                out.append(e)
        return sorted(out, key=lambda e: e.get("at") or 0.0)

    def choose(self, offer):
        votes = [m.choose(offer) for m in self.members if not m.gone]
        picked = [(o, lat) for o, lat in votes if o is not None and lat < offer.timeout_s]
        if not picked:
            return None, offer.timeout_s
        top = Counter(o for o, _ in picked).most_common(1)[0][0]
        return top, max(lat for _, lat in picked)


class _Routed:
    """The director's engagement for a room: each event to its member's reading."""

    def __init__(self, room: Room, group: GroupEngagement):
        self.room, self.group = room, group

    def observe(self, kind, t, data, at):
        who = self.room.whose.get((kind, t, at))
        member = str(who.pop(0)) if who else "room"  # (the harness's own choice events)
        return self.group.observe_member(member, kind, t, data, at)

    def take(self):
        return self.group.take()

    @property
    def estimate(self):
        return self.group.estimate


def watch_room(story, tastes, seed: int, run: int, how: str) -> list[float]:
    """The members' values for one viewing under ``how``: a rule, "one estimate", or a policy."""
    members = [SimViewer(t, run=run * 31 + k) for k, t in enumerate(tastes)]
    room = Room(members)
    policy = how if how in ("static", "no_telemetry") else "adaptive"
    made = harness._director

    def director(*a, **kw):
        d = made(*a, **kw)
        if how in RULES:
            d.engagement = _Routed(room, GroupEngagement(how))
        elif how == "one estimate":
            d.engagement = Engagement()
        return d

    harness._director = director
    try:
        harness.watch(story, room, policy, seed=seed)
    finally:
        harness._director = made
    full = full_seconds(story, seed)
    return [m.value(full) for m in members]


def main() -> None:
    ask = argparse.ArgumentParser()
    ask.add_argument("--rooms", type=int, default=40)
    ask.add_argument("--size", type=int, default=3)
    args = ask.parse_args()
    tastes = population(args.rooms * args.size, "heldout")
    random.Random(0).shuffle(tastes)
    rooms = [tastes[i * args.size:(i + 1) * args.size] for i in range(args.rooms)]
    stories = [plan(Request(prompt=p, episodes=2), seed=100 + i) for i, p in enumerate(HELD_OUT[0])]
    hows = [*RULES, "one estimate", "static", "no_telemetry"]
    mean: dict[str, list[float]] = {h: [] for h in hows}
    worst: dict[str, list[float]] = {h: [] for h in hows}
    for story in stories:
        for seed in HELD_OUT[1]:
            for r, members in enumerate(rooms):
                for how in hows:
                    values = watch_room(story, members, seed, seed * 7919 + r, how)
                    mean[how].append(sum(values) / len(values))
                    worst[how].append(min(values))
    out = {"rooms": args.rooms, "size": args.size, "stories": HELD_OUT[0], "seeds": HELD_OUT[1],
           "viewings": len(mean["static"]), "rules": {}}
    for how in hows:
        row = {"mean_value": round(sum(mean[how]) / len(mean[how]), 4),
               "worst_member_value": round(sum(worst[how]) / len(worst[how]), 4)}
        if how != "static":
            row["vs_static_mean"] = paired(mean[how], mean["static"])
            row["vs_static_worst"] = paired(worst[how], worst["static"])
        out["rules"][how] = row
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
