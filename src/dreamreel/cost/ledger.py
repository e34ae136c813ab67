"""The cost ledger: resources a film's making spends, by stage and episode.

CPU time is measured, not estimated: this process's CPU time (``time.process_time``: its
threads too: voices, sound, encoder, QC, signing) over the making of the film, and each render
worker's CPU time for each shot it drew (a shot found in the cache cost nothing this time). The
process's time is shared out over episodes by their length; a shot's time goes to its episode.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from ..errors import BadInputError
from ..model.cost import CostEntry, CostReport, Resource
from ..store.files import write_atomic


class Ledger:
    def __init__(self, film: str, viewer: str = ""):
        self.report = CostReport(film=film, viewer=viewer, made_at=time.time())
        self._cpu0 = time.process_time()

    def add(self, stage: str, resource: Resource, amount: float, episode: int = 0) -> None:
        if amount > 0:
            self.report.entries.append(CostEntry(stage=stage, resource=resource, amount=round(amount, 6),
                                                 episode=episode))

    def close(self, film_seconds: dict[int, float]) -> CostReport:
        """Book this process's CPU time, shared over the episodes by their length."""
        spent = time.process_time() - self._cpu0
        total = sum(film_seconds.values()) or 1.0
        for episode, seconds in film_seconds.items():
            self.add("production", "cpu_seconds", spent * seconds / total, episode)
        self.report.film_seconds = {str(k): round(v, 3) for k, v in film_seconds.items()}
        return self.report


def save(report: CostReport, path: str | Path) -> Path:
    return write_atomic(path, report.model_dump_json(indent=2) + "\n")


def load(path: str | Path) -> CostReport:
    try:
        return CostReport.model_validate(json.loads(Path(path).read_text(encoding="utf-8")))
    except (OSError, ValueError) as e:
        raise BadInputError(f"{path}: not a cost report ({str(e).splitlines()[0]})") from None
