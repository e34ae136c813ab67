"""How long the picture takes to read a place's words for its room (``rooms.room_of``: the venue
and the wall, floor and light words, a few hundred whole-word patterns): prints JSON.

``warm``: the same places read again and again; ``busy``: with ``--others`` other patterns
searched between readings, as a film's pipeline searches hundreds of its own (past ``re``'s cache
of 512 patterns, a pattern not compiled once is compiled again). Microseconds a place, the least
of ``--repeats``.

    python bench/room_words.py [--repeats 5] [--others 600]
"""

import argparse
import json
import re
import time

from dreamreel.synth.visual.rooms import room_of

PLACES = [("the lamp room", "at the top of the tower"), ("Rick's bar", "smoky, neon"),
          ("the old warehouse", "crates"), ("the captain's cabin", ""),
          ("the big cat house", "a barred enclosure"), ("a diner on Route 66", "chrome"),
          ("the courtroom", "wood panels, a high bench"), ("the cottage kitchen", "a stove")]


def per_place(rounds: int, others: list[str]) -> float:
    spent = 0.0
    for _ in range(rounds):
        for p in others:
            re.search(p, "x")
        t = time.perf_counter()
        for name, description in PLACES:
            room_of(name, description)
        spent += time.perf_counter() - t
    return spent / (rounds * len(PLACES)) * 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--others", type=int, default=600)
    a = ap.parse_args()
    others = [rf"\bother{i}\b" for i in range(a.others)]
    per_place(3, [])
    warm = min(per_place(40, []) for _ in range(a.repeats))
    busy = min(per_place(10, others) for _ in range(a.repeats))
    print(json.dumps({"places": len(PLACES), "warm_us": round(warm, 1), "busy_us": round(busy, 1)}))


if __name__ == "__main__":
    main()
