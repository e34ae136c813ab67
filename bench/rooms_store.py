"""What keeping rooms in the database costs (``serve.rooms`` over ``store.together``): a server
saves each change to a room as it happens (the room whole: its row and members) and every playing
room's position once a second (one statement for all of them), and opens every room again when it
starts. Measures, on a real SQLite file (or ``--db URL``), saving N rooms of M members whole, the
once-a-second position save of all of them playing, and opening them all again, as a new server
does. Prints JSON.

    python bench/rooms_store.py [--rooms 10 100 500] [--members 4] [--db sqlite:///...]
"""

import argparse
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

from dreamreel.serve.rooms import Rooms
from dreamreel.store.db import Database
from dreamreel.store.together import TogetherStore


def measure(url: str, n_rooms: int, members: int, rounds: int) -> dict:
    db = Database(url)
    viewers = [db.new_viewer()[0] for _ in range(n_rooms * members)]
    by_id = {v.id: v for v in viewers}
    rooms = Rooms(store=TogetherStore(db.engine))
    now = time.time()
    for r in range(n_rooms):
        group = viewers[r * members:(r + 1) * members]
        room = rooms.open(group[0], "Host", now)
        for i, v in enumerate(group[1:]):
            room.join(v, f"Guest {i}", now, None)
    # A changed room is saved whole (row and members), one that just plays on only its position:
    # the first round saves every room whole, the rest are the ticker's once-a-second position saves.
    saves = []
    for k in range(rounds + 1):
        t = now + 1.0 + k
        changed = rooms.changed(t)
        start = time.perf_counter()
        rooms.save(*changed, now=t)
        saves.append(time.perf_counter() - start)
        assert len(changed) == n_rooms
    start = time.perf_counter()
    again = Rooms(store=TogetherStore(db.engine))
    restored = again.restore(by_id.get, time.time())
    restore_s = time.perf_counter() - start
    db.close()
    assert restored == n_rooms
    positions = saves[1:]
    return {"rooms": n_rooms, "members": members, "whole_save_ms": round(saves[0] * 1000, 2),
            "position_save_ms_p50": round(statistics.median(positions) * 1000, 2),
            "position_save_ms_max": round(max(positions) * 1000, 2),
            "restore_ms": round(restore_s * 1000, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rooms", type=int, nargs="+", default=[10, 100, 500])
    ap.add_argument("--members", type=int, default=4)
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--db", default=None, help="a database URL (default: a new SQLite file per size)")
    args = ap.parse_args()
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.rooms:
            url = args.db or f"sqlite:///{Path(tmp) / f'rooms{n}.db'}"
            out.append(measure(url, n, args.members, args.rounds))
    print(json.dumps({"bench": "rooms_store", "load_average": [round(x, 2) for x in os.getloadavg()],
                      "cores": len(os.sched_getaffinity(0)), "results": out}, indent=1))


if __name__ == "__main__":
    main()
