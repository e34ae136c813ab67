"""Fit the learning director's population prior on the simulated training viewers and write it
where dreamreel ships it (``director/data/prior.json``); prints what was fitted, as JSON.

    python scripts/fit_prior.py

Run it after changing the simulator, the director or the bandit's features: tests/test_learning.py
fails while the shipped prior is not the one this fits.
"""

import json

from dreamreel.director.learning import PRIOR_FILE, fit_prior
from dreamreel.store.files import write_atomic

prior, _ = fit_prior()
write_atomic(PRIOR_FILE, prior.model_dump_json(indent=1) + "\n")
print(json.dumps({"written": str(PRIOR_FILE), "bytes": PRIOR_FILE.stat().st_size,
                  **prior.model_dump(exclude={"model"})}, indent=2))
