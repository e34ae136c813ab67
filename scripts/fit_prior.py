"""Fit the learning director's population prior on the simulated training viewers and write it
where dreamreel ships it (``director/data/prior.json``); prints what was fitted, as JSON.

    python scripts/fit_prior.py

Run it after changing the planner, the simulator, the director or the bandit's features, and
after ``python scripts/fit_static.py`` (the learned director starts every viewer at
``schedule.START``, so the prior is fitted from there; it records which, and the digest of the
code it ran: ``tests/test_director_data.py`` checks both). ``bench/watch.py`` fits one again and
reports whether the shipped one is still it (``prior_shipped_is_current``).
"""

import json

from dreamreel.director.learning import PRIOR_FILE, fit_prior
from dreamreel.store.files import write_atomic

prior, _ = fit_prior()
write_atomic(PRIOR_FILE, prior.model_dump_json(indent=1) + "\n")
print(json.dumps({"written": str(PRIOR_FILE), "bytes": PRIOR_FILE.stat().st_size,
                  **prior.model_dump(exclude={"model"})}, indent=2))
