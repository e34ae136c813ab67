"""The cost ledger: resources a film's making spends, by stage and episode.

CPU time is measured, not estimated: this process's CPU time (``time.process_time``: its
threads too: voices, sound, encoder, QC, signing) over the making of the film, and each render
worker's CPU time for each shot it drew (a shot found in the cache cost nothing this time). The
process's time is shared out over episodes by their length; a shot's time goes to its episode.

Writing a story with an LLM is the "writing" stage (``narrative.writer.WriteReport.cost``:
tokens and API calls of a remote endpoint, this process's CPU time), booked per LLM stage as
"writing:<stage>" when the model writes the story in stages (``narrative.llm_graph``).
``dreamreel write -o story.json`` keeps it beside the story (``story.cost.json``, see
:func:`beside`); a film made from that story file copies those entries into its own report
(:func:`story_writing`), so a film knows its writing cost. ``cost.prices.priced`` charges a story's writing once however many
reports carry the same copy.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from ..errors import BadInputError
from ..model.cost import CostEntry, CostReport, Resource, is_writing
from ..model.story import Story
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


def beside(path: str | Path) -> Path:
    """Where the cost report of a film or story file is kept: ``film.mp4`` -> ``film.cost.json``."""
    return Path(path).with_suffix(".cost.json")


def story_writing(story_path: str | Path, story: Story) -> list[CostEntry]:
    """The "writing" entries kept beside a story file, if they are this story's (none if there are none).

    A film's report saved under the same name (``story.mp4`` beside ``story.json``) carries the
    same writing entries, so either kind of report gives them. A story the LLM writer did not
    touch has none, whatever file lies beside it. BadInputError if the file is not a cost report.
    """
    path = beside(story_path)
    if "writer" not in story.generator or not path.is_file():
        return []
    report = load(path)
    if report.film.split("/")[0] != story.id:
        return []
    return [e for e in report.entries if is_writing(e.stage)]


def named(report: CostReport, title: str, film: str | Path) -> CostReport:
    """The report with the film it belongs to named: its title and its file's SHA-256."""
    import hashlib

    digest = hashlib.sha256()
    with Path(film).open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return report.model_copy(update={"title": title[:200], "sha256": digest.hexdigest()})


def save(report: CostReport, path: str | Path) -> Path:
    return write_atomic(path, report.model_dump_json(indent=2) + "\n")


def load(path: str | Path) -> CostReport:
    try:
        return CostReport.model_validate(json.loads(Path(path).read_text(encoding="utf-8")))
    except (OSError, ValueError) as e:
        raise BadInputError(f"{path}: not a cost report ({str(e).splitlines()[0]})") from None
