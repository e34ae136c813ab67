"""Fit the best static schedule for the simulated training population, and the best the adaptive
director can start at, and write them where dreamreel ships them (``director/data/static.json``:
``schedule.STATIC``, the ``static`` baseline, and ``schedule.START``, where the adaptive director,
in the bench and on a server, starts every viewer); prints what was fitted, as JSON.

    python scripts/fit_static.py [--viewers 40]

Every fixed schedule (``viewers.schedules``: a telling or the tension curve with a lean, a look,
a pace) is played without telemetry to the training viewers (``population(n, "train")``) on the
training stories and seeds (``viewers.TRAIN``); the one with the highest mean value is STATIC,
and START, where the adaptive director starts (STATIC itself since issue 14: ``schedule.startable``;
a few minutes on 2 cores). Run it after the
planner, the simulator or the director change, then ``python scripts/fit_prior.py`` (the learned
director starts at START too, so its prior follows it). The file records the digest of the
director code the fit ran (``director.fingerprint``), and ``tests/test_director_data.py`` fails
when that code changed since; ``bench/watch.py`` fits both again and reports whether the shipped
ones are still them (``static_stored_is_current``, ``start_stored_is_current``), which also
catches a change to the planner or the camera.
"""

import argparse
import json
import subprocess
import time
from pathlib import Path

from dreamreel.director.schedule import STATIC_FILE
from dreamreel.director.viewers import STATIC_VIEWERS, fit_population_static
from dreamreel.store.files import write_atomic

ap = argparse.ArgumentParser()
ap.add_argument("--viewers", type=int, default=STATIC_VIEWERS, help="training viewers to fit on")
a = ap.parse_args()
t0 = time.perf_counter()
fitted = fit_population_static(a.viewers)
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                        cwd=Path(__file__).parent).stdout.strip() or None
fitted.fitted_on = {**fitted.fitted_on, "by": "python scripts/fit_static.py", "commit": commit}
write_atomic(STATIC_FILE, fitted.model_dump_json(indent=1) + "\n")
print(json.dumps({"written": str(STATIC_FILE), "seconds": round(time.perf_counter() - t0, 1),
                  **fitted.model_dump()}, indent=2))
