"""A film made while its viewer watches: production on a thread, choices from the viewer.

The film streams as fMP4 segments into ``<folder>/stream`` while it is made. When production
reaches a beat with a choice, the choice is posted here (with where it falls in the film) and
production waits: the player shows it when the viewer gets there, and sends what they picked,
or the default when the countdown runs out. If nobody answers at all (the viewer left), the
default is taken after ``abandon_s``, so no thread waits for ever.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import BadInputError, DreamreelError
from ..model import Story
from ..model.shot import Shot
from ..model.story import Beat, Option

log = logging.getLogger("dreamreel.serve")


@dataclass
class PendingChoice:
    choice_id: str
    beat_id: str
    prompt: str
    options: list[dict[str, str]]   # id, text: the ones on offer now
    default: str
    timeout_s: float
    #: Where the beat holding the choice plays in the film (seconds).
    start_s: float
    end_s: float
    posted: float = field(default_factory=time.time)


@dataclass
class Taken:
    choice_id: str
    option_id: str
    by: str          # "viewer", "timeout" or "abandoned"
    latency_s: float


class LiveFilm:
    """Makes ``story`` into ``folder/film.mp4`` and ``folder/stream/`` on a thread of its own."""

    def __init__(self, film_id: str, story: Story, folder: Path, *, seed: int = 0, res: str = "480p",
                 abandon_s: float = 180.0, make_kw: dict[str, Any] | None = None):
        self.film_id, self.story, self.folder = film_id, story, Path(folder)
        self.seed, self.res, self.abandon_s = seed, res, abandon_s
        self.make_kw = make_kw or {}
        self.status = "queued"
        self.error = ""
        self.seconds = 0.0
        self.pending: PendingChoice | None = None
        self.taken: list[Taken] = []
        self.spans: dict[str, tuple[float, float]] = {}   # beat id -> its latest (start, end) in seconds
        self.made_s = 0.0                                  # film seconds cut so far
        self._answer: str | None = None
        self._cond = threading.Condition()
        self._thread = threading.Thread(target=self._run, name=f"film-{film_id[:8]}", daemon=True)
        self.on_done: list[Any] = []

    @property
    def stream_dir(self) -> Path:
        return self.folder / "stream"

    def start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.status = "making"
        self._thread.start()

    def join(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)

    # -- the viewer's side ---------------------------------------------------------------

    def choose(self, choice_id: str, option_id: str, *, by: str = "viewer") -> None:
        """Answer the pending choice; a choice that is not pending, or an option not on offer, is refused."""
        with self._cond:
            p = self.pending
            if p is None or p.choice_id != choice_id:
                raise BadInputError(f"choice {choice_id!r} is not waiting for an answer")
            if option_id not in {o["id"] for o in p.options}:
                raise BadInputError(f"option {option_id!r} is not on offer at choice {choice_id} "
                                    f"(on offer: {', '.join(o['id'] for o in p.options)})")
            if by not in ("viewer", "timeout"):
                raise BadInputError(f"unknown chooser {by!r}")
            self._answer = f"{by}:{option_id}"
            self._cond.notify_all()

    # -- production's side ---------------------------------------------------------------

    def _on_cut(self, shots: list[Shot], first_frame: int, fps: int) -> None:
        start = first_frame / fps
        end = start + sum(s.frames for s in shots) / fps
        if shots[0].kind not in ("title", "end"):  # a batch is one beat's shots, or one card
            self.spans[shots[0].beat] = (start, end)
        self.made_s = end

    def _chooser(self, beat: Beat, offered: list[Option], visit: int) -> Option:
        assert beat.choice is not None
        choice = beat.choice
        start, end = self.spans.get(beat.id, (self.made_s, self.made_s))
        default = choice.default if choice.default in {o.id for o in offered} else offered[0].id
        with self._cond:
            self._answer = None
            self.pending = PendingChoice(choice.id, beat.id, choice.prompt,
                                         [{"id": o.id, "text": o.text} for o in offered], default,
                                         choice.timeout_s, round(start, 3), round(end, 3))
            posted = time.time()
            answered = self._cond.wait_for(lambda: self._answer is not None, timeout=self.abandon_s)
            answer = self._answer if answered else f"abandoned:{default}"
            self.pending = None
        assert answer is not None
        by, option_id = answer.split(":", 1)
        self.taken.append(Taken(choice.id, option_id, by, round(time.time() - posted, 3)))
        return next(o for o in offered if o.id == option_id)

    def _run(self) -> None:
        from ..production import make_film

        try:
            result = make_film(self.story, self.folder / "film.mp4", choices=self._chooser, seed=self.seed,
                               res=self.res, segments=self.stream_dir, on_cut=self._on_cut, **self.make_kw)
            self.seconds = result.seconds
            self.status = "ready"
        except DreamreelError as e:
            self.status, self.error = "failed", str(e)
        except Exception as e:
            log.exception("film %s failed", self.film_id)
            self.status, self.error = "failed", f"internal error: {type(e).__name__}"
        for callback in self.on_done:
            callback(self)
