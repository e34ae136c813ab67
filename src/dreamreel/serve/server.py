"""The server's state: the database, the films being made and waiting (admission control),
where films live on disk, telemetry on its way to the database, and what status shows of a film.
"""

from __future__ import annotations

import json
import logging
import queue
import re
import threading
import time
from collections import defaultdict, deque
from dataclasses import asdict, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi import HTTPException
from pydantic import ValidationError

from ..cost.budget import film_seconds
from ..errors import DreamreelError
from ..model import Request as FilmRequest
from ..store.db import Database, Film, StoreError, Viewer
from ..store.files import write_atomic
from ..trust.licences import Sandbox
from . import admission
from .guard import Bucket, Limits, address_group
from .learning import LiveLearning
from .live import ENDED, MIN_COUNTDOWN_S, LiveFilm
from .recovery import check_not_lost, clean_interrupted, clean_render_temp, damaged_films
from .schemas import FilmStatus, NewFilm

log = logging.getLogger("dreamreel.serve")
COOKIE = "dreamreel_token"
#: Beside a continuation: the episode and state it began from.
STARTED = "start.json"
AI_HEADERS = {"X-AI-Generated": "true", "X-Content-Label": "AI-generated film made with dreamreel"}
STREAM_FILE = re.compile(r"^(init\.mp4|index\.json|seg_\d{5}\.m4s|episode_\d{2}\.c2pa|provenance\.json)$")


class EventWriter:
    """Telemetry into the database on a thread of its own, many sockets' events a transaction,
    so the event loop never waits on the database. At most ``most`` messages wait; past that,
    new ones are dropped (and the socket is told)."""

    def __init__(self, db: Database, most: int = 10_000):
        self.db = db
        self.dropped = 0
        self._q: queue.Queue[tuple[str, str, float, list[tuple[str, dict]]] | None] = queue.Queue(maxsize=most)
        self._thread = threading.Thread(target=self._run, name="dreamreel-events", daemon=True)
        self._thread.start()

    def add(self, session_id: str, viewer_id: str, events: list[tuple[str, dict]]) -> bool:
        try:
            self._q.put_nowait((session_id, viewer_id, time.time(), events))
            return True
        except queue.Full:
            self.dropped += 1
            return False

    def _run(self) -> None:
        done = False
        while not done:
            batch = [self._q.get()]
            while len(batch) < 1000:
                try:
                    batch.append(self._q.get_nowait())
                except queue.Empty:
                    break
            done = None in batch
            try:
                self.db.add_event_batches([b for b in batch if b is not None])
            except Exception:  # noqa: BLE001 - a database error loses these events, not the writer
                log.exception("telemetry: %d messages not stored", len(batch))
            finally:
                for _ in batch:
                    self._q.task_done()

    def flush(self, timeout: float) -> None:
        """Wait (up to ``timeout`` s) until what was added so far is stored."""
        deadline = time.monotonic() + timeout
        while self._q.unfinished_tasks and time.monotonic() < deadline:
            time.sleep(0.005)

    def close(self, timeout: float = 5.0) -> None:
        try:
            self._q.put(None, timeout=timeout)
        except queue.Full:
            return
        self._thread.join(timeout)



class Server:
    """The app's state: the database, the films being made, where films live on disk."""

    def __init__(self, db_url: str, data_dir: Path, *, res: str = "720p", make_kw: dict[str, Any] | None = None,
                 live_kw: dict[str, Any] | None = None, film_budget: float | None = None,
                 viewer_budget: float | None = None, sandbox: Sandbox | None = None, limits: Limits | None = None,
                 learn_kw: dict[str, Any] | None = None):
        self.limits = limits or Limits()
        self.db = Database(db_url)
        self.data_dir = Path(data_dir)
        try:  # (a store that looks lost or damaged: one line, and no start)
            check_not_lost(self.db, self.data_dir / "films")
        except StoreError:
            self.db.forget()
            raise
        # A film being made when the last server stopped is not coming: marked, its half-made
        # files cleaned (and its stream closed where it stopped).
        for film_id in self.db.interrupt_unfinished():
            clean_interrupted(self.folder(film_id))
        clean_render_temp()
        #: Finished films whose files do not hold, and why (reported, never served as whole).
        self.damaged = damaged_films(self.db, self.data_dir / "films")
        self.res = res
        self.make_kw = dict(make_kw or {})  # (a copy: the sandbox is added to it)
        self.live_kw = live_kw or {}
        self.film_budget, self.viewer_budget = film_budget, viewer_budget
        #: A studio's sandbox: every film is written from its packs, and nothing outside them is made.
        self.sandbox = sandbox
        if sandbox is not None:
            self.make_kw["sandbox"] = sandbox
        self.live: dict[str, LiveFilm] = {}
        #: Films waiting for a slot (admission control), first come first made.
        self.waiting: deque[LiveFilm] = deque()
        #: What status showed of a finished film no longer in memory (read back from status.json).
        self._kept: dict[str, dict[str, Any]] = {}
        self._lock = threading.RLock()
        #: Telemetry on its way to the database.
        self.events = EventWriter(self.db)
        #: The learning director: its bandit, fed by each adaptive film's viewing (``serve.learning``).
        self.learning = LiveLearning(self.db, **(learn_kw or {}))
        global _SERVERS
        with _SERVERS_LOCK:
            _SERVERS += 1
        #: Per address: the new viewers it may still be given.
        self._welcomes: dict[str, Bucket] = {}
        self._swept = time.monotonic()
        self.db.expire_anonymous(self.limits.anonymous_s)
        self._attention: Any = None
        #: Cookies only over HTTPS (a server behind TLS).
        self.secure_cookies = False
        #: The LLM that revises films for their owners (``serve.revising``; None: not on this server).
        self.llm: Any = None
        #: Telemetry sockets open per viewer, and the sockets each may still open (a burst, then a few a second).
        self.sockets: defaultdict[str, int] = defaultdict(int)
        self.handshakes: dict[str, Bucket] = {}
        #: Other work on this machine (``serve.admission.MachineLoad``): the plan counts only the
        #: cores it leaves, looked at once a second.
        self.machine = admission.MachineLoad()
        if self.machine.notice is not None and self.limits.live_films is None:
            log.warning(self.machine.notice)
        #: This machine's plan for live films (``serve.admission``), and why the queue waits now.
        self._base_plan = self._plan()
        self.plan = self._base_plan
        self._look_at_machine()
        self.holding: str | None = None
        # Films waiting are admitted as soon as the films being made are far enough ahead of
        # their viewers (which nothing signals: looked at twice a second while any film waits).
        self._closing = threading.Event()
        self._warming: threading.Thread | None = None  # (warm_up)
        threading.Thread(target=self._admitting, name="dreamreel-admission", daemon=True).start()

    def new_viewer(self, address: str) -> str:
        """A new viewer's token, for a visit from ``address`` (429 past ``new_viewers_per_minute``
        from its address, an IPv6 one's /64). Now and then, viewers who left nothing are forgotten
        (``Limits.anonymous_s``)."""
        rate = self.limits.new_viewers_per_minute
        now = time.monotonic()
        with self._lock:
            if not self._welcomes.setdefault(address_group(address), Bucket(rate / 60.0, rate)).take(now):
                raise HTTPException(429, f"too many new viewers from your address (at most {rate} a minute): "
                                         f"try again in a minute, or keep the cookie this page gives you")
            if len(self._welcomes) > 10_000:  # forget addresses that are full again
                self._welcomes = {a: b for a, b in self._welcomes.items() if not b.full(now)}
            sweep = now - self._swept > 600.0
            if sweep:
                self._swept = now
        if sweep:
            threading.Thread(target=self.db.expire_anonymous, args=(self.limits.anonymous_s,), daemon=True).start()
        return self.db.new_viewer()[1]

    def warm_up(self) -> threading.Thread:
        """Make ready, on a thread, what a server's first film would otherwise wait on (3-8 s on
        2 busy cores; its first request alone 1.5-3 s): production's code imported, the planner's
        data read (a story planned and thrown away), the render workers started (the picture's tables
        read first, once, where they are forked from: ``RenderPool.start(warm=True)``) and the voice
        model loaded (``synth.voice.casting.warm_up``). ``dreamreel serve`` calls it as it starts."""
        def run() -> None:
            from .. import production  # noqa: F401  (imported once a process: the first film's wait)
            from ..narrative.planner import plan
            from ..render_pool import shared_pool
            from ..synth.voice.casting import warm_up

            try:
                if not self._closing.is_set():
                    shared_pool().start(warm=True)
                plan(FilmRequest(prompt="a short film"), seed=0)
                warm_up(self.make_kw.get("voice"))
            except Exception as e:  # noqa: BLE001 - only a head start: a film says what is wrong when it needs it
                log.warning("warming up: %s", e)

        self._warming = threading.Thread(target=run, name="dreamreel-warm-up", daemon=True)
        self._warming.start()
        return self._warming

    def close(self, timeout: float = 10.0) -> None:
        """The server stops: films being made are stopped (and marked interrupted), telemetry
        is stored, the render workers are shut down and the database is checkpointed."""
        from ..render_pool import shutdown_shared

        self._closing.set()
        with self._lock:
            self.waiting.clear()  # (marked interrupted by the next server to start)
            making = [f for f in self.live.values() if f.status == "making"]
            # (made, and waiting for their viewers to be done: a viewing the server cut short teaches nothing)
            viewed = [f for f in self.live.values() if f.status != "making" and f.viewing]
        for live in making:
            live.stop("interrupted: the server stopped while it was being made")
        for live in viewed:
            live.stop("the server stopped")
        deadline = time.monotonic() + timeout
        for live in making + viewed:
            live.join(max(0.0, deadline - time.monotonic()))
        if self._warming is not None:  # (so it starts no workers after they are shut down)
            self._warming.join(max(0.0, deadline - time.monotonic()))
        self.events.close()
        global _SERVERS
        with _SERVERS_LOCK:
            _SERVERS -= 1
            last = _SERVERS == 0
        if last:  # (another server in this process may still be rendering with them)
            shutdown_shared()
        self.db.close()

    def delete_film(self, viewer: Viewer, film_id: str) -> list[str] | None:
        """A viewer's film, everything recorded of it and its files (stopped first if it is
        being made); None if it is not theirs. The films that revise it are kept, whole (each
        has its own files, and is cut as the chain's first film was: ``Database.delete_film``):
        their ids are returned."""
        import shutil

        kept = self.db.revisions_of(film_id, viewer.id)
        if not self.db.delete_film(film_id, viewer.id):
            return None
        folder = self.folder(film_id)
        with self._lock:
            live = self.live.pop(film_id, None)
            if live is not None and live in self.waiting:  # never started: nothing to stop
                self.waiting.remove(live)
                live.status, live.error, live = "failed", "deleted by its viewer before it was made", None
        if live is not None and live.status == "making":
            live.stop("deleted by its viewer")
            live.on_done.append(lambda _: shutil.rmtree(folder, ignore_errors=True))  # what it wrote last
            live.join(10.0)
        elif live is not None:
            live.stop("deleted by its viewer")   # (made: nothing is learned from it)
        shutil.rmtree(folder, ignore_errors=True)
        return kept

    def delete_viewer(self, viewer: Viewer) -> int:
        """The viewer and everything of theirs (``Database.delete_viewer``), their films' files too."""
        films = [f.id for f in self.db.films(viewer.id)]
        for film_id in films:
            self.delete_film(viewer, film_id)
        self.db.delete_viewer(viewer.id)
        return len(films)

    def attention(self) -> Any:
        """The face detector for webcam attention, loaded when a viewer first turns it on."""
        if self._attention is None:
            from ..director.attention import Attention

            self._attention = Attention()
        return self._attention

    def folder(self, film_id: str) -> Path:
        return self.data_dir / "films" / film_id

    def start_film(self, viewer: Viewer, ask: NewFilm) -> Film:
        from ..narrative.planner import plan

        fields: dict[str, Any] = {"prompt": ask.prompt, "rating": ask.rating}
        if ask.episodes is not None:
            fields["episodes"] = ask.episodes
        if ask.seconds is not None:
            fields["target_seconds"] = ask.seconds
        try:
            request = FilmRequest(**fields)
        except ValidationError as e:
            raise HTTPException(422, f"bad request: {e.errors()[0]['msg']}") from None
        # (refused before anything is written, with the least it could be; checked again once written)
        self.admit(viewer, float(request.target_seconds if ask.seconds else 15) * (ask.episodes or 1))
        self.check_room()
        profile = None
        if viewer.profile:
            from ..model import Profile
            profile = Profile.model_validate_json(viewer.profile)
        written_in, replacing, used = self.cast(viewer, [(c.likeness, c.role) for c in ask.cast])
        story = plan(request, profile, seed=ask.seed, pack=self.sandbox.packs[0] if self.sandbox else None,
                     cast=written_in)
        for likeness, role in replacing:
            story = self.cast_over(story, likeness, role)
        if self.sandbox is not None:  # refused now, before anything is made
            self.sandbox.check(story)
        fitted = self.afford(viewer, story)
        with self._lock:  # (two requests at once do not both fit in the room left for one)
            self.admit(viewer, film_seconds(story))
            self.check_room()
            film = self.db.add_film(viewer.id, ask.prompt, story.bible.title, story.model_dump_json())
            for likeness_id, consent_id, role in used:
                self.db.log_use(likeness_id, consent_id, viewer.id, film.id, role)
            self._launch(film, story, ask.seed, profile, adaptive=ask.adaptive, fitted=fitted)
        return film

    def admit(self, viewer: Viewer, seconds: float) -> None:
        """Refuse (429, before anything is made) a film over the length one film may have, or
        one that would take this viewer over the films, or the seconds of film, being made at once."""
        lim = self.limits
        if seconds > lim.film_seconds:
            raise HTTPException(422, f"a film here is at most {lim.film_seconds // 60} minutes "
                                     f"(this one would be {seconds / 60:.0f}): ask for fewer or shorter episodes")
        with self._lock:
            making = [f for f in self.live.values() if f.viewer == viewer.id and f.status in ("queued", "making")]
        if len(making) >= lim.films_at_once:
            raise HTTPException(429, f"you have {len(making)} films being made already (at most {lim.films_at_once} "
                                     f"at once): wait for one to finish")
        busy = sum(f.length_s for f in making)
        if busy + seconds > lim.seconds_at_once:
            raise HTTPException(429, f"your films being made run {busy / 60:.0f} minutes already; this one "
                                     f"({seconds / 60:.0f} min) would take you over {lim.seconds_at_once // 60} "
                                     f"minutes at once: wait for one to finish")

    def spent(self, viewer: Viewer) -> float:
        """What this viewer's films have cost so far (measured, at the default prices)."""
        from ..cost.ledger import load
        from ..cost.prices import priced

        reports = [load(p) for f in self.db.films(viewer.id) if (p := self.folder(f.id) / "cost.json").is_file()]
        return priced(reports)["total"] if reports else 0.0

    def afford(self, viewer: Viewer, story: Any, episodes: int | None = None) -> Any:
        """How this film can be made within the film's and the viewer's budgets (cheaper if it
        must be); OverBudgetError, before anything is made, if not at all."""
        from ..cost.budget import film_seconds, fit

        left = [self.film_budget] if self.film_budget is not None else []
        if self.viewer_budget is not None:
            left.append(self.viewer_budget - self.spent(viewer))
        budget = min(left) if left else None
        return fit(film_seconds(story, episodes), self.res, budget, live=True, per_second=self.price())

    def price(self) -> float:
        """What the server's backends declare a second of film costs beyond their CPU time (USD)."""
        from ..backends import price

        return price({kind: self.make_kw.get(kind) for kind in ("visual", "voice", "music")})

    def cast(self, viewer: Viewer, wanted: list[tuple[str, str]]) -> tuple[dict[str, Any], list[tuple[Any, str]],
                                                                         list[tuple[str, str, str]]]:
        """Real people to cast, each only with a valid consent to this viewer for the role
        (ConsentError otherwise, before anything is written). A likeness in a leading part
        (protagonist, antagonist, wildcard) is written into the story from the start, so its
        lines say their name and pronouns; in another part it replaces who was written there
        (``cast_over``). Returns (performers to write in, by role), (likeness, role) to cast over,
        and the uses (likeness, consent, role) to log."""
        from ..narrative.planner import CASTABLE
        from ..trust.likeness import as_performer, require_consent

        if wanted and self.sandbox is not None:
            from ..trust.licences import LicenceError

            raise LicenceError(f"this server is a sandbox of {self.sandbox}: only its own characters are cast, "
                               f"not likenesses")
        written_in: dict[str, Any] = {}
        replacing, used = [], []
        for likeness_id, role in wanted:
            likeness, consent = require_consent(self.db, likeness_id, viewer.id, role)
            used.append((likeness.id, consent.id, role))
            if role in CASTABLE and role not in written_in:
                written_in[role] = as_performer(likeness)
            else:
                replacing.append((likeness, role))
        return written_in, replacing, used

    @staticmethod
    def cast_over(story: Any, likeness: Any, role: str) -> Any:
        from ..model.bible import Look, VoiceSpec
        from ..trust.likeness import cast_into

        voice = VoiceSpec.model_validate_json(likeness.voice) if likeness.voice else None
        return cast_into(story, role, likeness.name, Look.model_validate_json(likeness.look), voice)[0]

    def recheck(self, viewer: Viewer, film: Film) -> list[tuple[str, str, str]]:
        """Before a film's story is made again (keep going, watch again): every likeness it cast
        must still have a valid consent (a revoked one stops it, with ConsentError)."""
        from ..trust.likeness import require_consent

        out = []
        for use in self.db.uses(film_id=film.id):
            _, consent = require_consent(self.db, use.likeness_id, viewer.id, use.role)
            out.append((use.likeness_id, consent.id, use.role))
        return out

    def ended(self, film: Film) -> dict[str, Any] | None:
        """Where a finished film ended ({"ending", "episode", "state"}, and "next" once continued)."""
        try:
            return json.loads((self.folder(film.id) / ENDED).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def started(self, film: Film) -> tuple[int, dict[str, Any]] | None:
        """Where a continuation began: (episode, state then); None for a film from the beginning."""
        try:
            episode, state = json.loads((self.folder(film.id) / STARTED).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return int(episode), dict(state)

    def continue_film(self, viewer: Viewer, film: Film, seed: int) -> Film:
        """Keep going: a new film of the story's next episode, from the ending and state this
        one reached (asking twice gives the same film)."""
        from ..model import Profile, Story
        from ..narrative.sequel import continue_story

        ended = self.ended(film)
        if ended is None:
            raise HTTPException(409, "this film has not reached an ending yet: keep going from its end")
        used = self.recheck(viewer, film)
        with self._lock:
            if ended.get("next") and self.db.film(ended["next"], viewer.id) is not None:
                return self.db.film(ended["next"], viewer.id)  # type: ignore[return-value]
            story = Story.model_validate_json(film.story)
            profile = Profile.model_validate_json(viewer.profile) if viewer.profile else None
            sequel = continue_story(story, ended["ending"], profile=profile, seed=seed,
                                    pack=self.pack_for(story))
            n = ended["episode"] + 1
            fitted = self.afford(viewer, sequel, episodes=1)
            self.admit(viewer, film_seconds(sequel, 1))
            self.check_room()
            new = self.db.add_film(viewer.id, f"{film.prompt.split(' (episode ')[0]} (episode {n})",
                                   sequel.bible.title, sequel.model_dump_json())
            ended["next"] = new.id
            write_atomic(self.folder(film.id) / ENDED, json.dumps(ended))
            for likeness_id, consent_id, role in used:
                self.db.log_use(likeness_id, consent_id, viewer.id, new.id, role)
        self._launch(new, sequel, seed, profile, adaptive=True, start=(n, ended["state"]), fitted=fitted)
        return new

    def again(self, viewer: Viewer, film: Film, seed: int) -> Film:
        """The same story once more, for the same viewer: the director prefers the tellings and
        branches they have not seen in their earlier viewings of it."""
        from ..director.drama import Seen
        from ..model import Profile, Story
        from ..model.shot import PathStep

        story = Story.model_validate_json(film.story)
        seen = Seen()
        for earlier in self.db.films(viewer.id):
            ended = self.ended(earlier)
            if ended and ended.get("played") and json.loads(earlier.story).get("id") == story.id:
                seen.add(story, [PathStep.model_validate(s) for s in ended["played"]])
        profile = Profile.model_validate_json(viewer.profile) if viewer.profile else None
        used = self.recheck(viewer, film)
        start = self.started(film)
        fitted = self.afford(viewer, story, episodes=1 if start else None)
        cut, cut_as = self.cut_of(film)
        with self._lock:
            self.admit(viewer, film_seconds(story, 1 if start else None))
            self.check_room()
            new = self.db.add_film(viewer.id, film.prompt, story.bible.title, film.story, cut_as=cut)
            for likeness_id, consent_id, role in used:
                self.db.log_use(likeness_id, consent_id, viewer.id, new.id, role)
            self._launch(new, story, seed, profile, adaptive=True, start=start, seen=seen, fitted=fitted,
                         cut_as=cut_as)
        return new

    def cut_of(self, film: Film) -> tuple[str, Any]:
        """How a film of ``film``'s story is cut: ("", None) as its own story, or, for a revision
        (or a film made again of one), its chain's story (``Database.cut_story``), as JSON and
        as a Story, so every scene not revised keeps its shots and finds them in the render cache
        (cut as its own words, a revision's every shot changes and is drawn again)."""
        from ..model import Story

        cut = self.db.cut_story(film)
        return ("", None) if cut == film.story else (cut, Story.model_validate_json(cut))

    def shared(self, viewer: Viewer, source: Film, seed: int, replay: Any) -> Film:
        """A friend's film of a shared telling (``serve.tellings``): the sharer's story, from where
        it began, following ``replay`` (a ``live.Replay``), made for this viewer's profile and
        within their limits and budget."""
        from ..model import Profile, Story

        story = Story.model_validate_json(source.story)
        profile = Profile.model_validate_json(viewer.profile) if viewer.profile else None
        start = self.started(source)
        fitted = self.afford(viewer, story, episodes=1 if start else None)
        cut, cut_as = self.cut_of(source)
        with self._lock:
            self.admit(viewer, film_seconds(story, 1 if start else None))
            self.check_room()
            new = self.db.add_film(viewer.id, f"shared with you: {source.title}", story.bible.title, source.story,
                                   cut_as=cut)
            self._launch(new, story, seed, profile, adaptive=True, start=start, fitted=fitted, replay=replay,
                         cut_as=cut_as)
        return new

    def pack_for(self, story: Any) -> Any:
        """The sandbox's pack a story was written from (None: none of them)."""
        shas = {a.sha256 for a in story.assets}
        return next((p for p in self.sandbox.packs if p.sha256 in shas), None) if self.sandbox else None

    def _launch(self, film: Film, story: Any, seed: int, profile: Any, *, adaptive: bool,
                start: Any = None, seen: Any = None, fitted: Any = None, replay: Any = None,
                cut_as: Any = None) -> None:
        """Make ``film`` of ``story`` for its viewer (queued until admitted); ``cut_as``: the
        story it revises (``production.make_film``)."""
        if start is not None:  # a continuation: where it goes on from, kept for watching it again
            self.folder(film.id).mkdir(parents=True, exist_ok=True)
            write_atomic(self.folder(film.id) / STARTED, json.dumps(list(start)))
        res, make_kw = self.res, dict(self.make_kw)
        if fitted is not None:  # the budget's way of making it
            res = fitted.res
            make_kw.setdefault("prefetch", fitted.prefetch)
        if cut_as is not None:
            make_kw["cut_as"] = cut_as
        live = LiveFilm(film.id, story, self.folder(film.id), seed=seed, res=res, make_kw=make_kw,
                        profile=profile, adaptive=adaptive, start=start, seen=seen, viewer=film.viewer_id,
                        notes=fitted.notes if fitted is not None else None, **self.live_kw)
        live.replay = replay  # (a shared telling it follows)
        live.length_s = film_seconds(story, 1 if start is not None else None)
        live.on_done.append(self._finished)
        live.yields = self._yields
        if adaptive:
            live.bandit = self.learning.session(film.id, film.viewer_id, live.drama, profile)
            live.on_viewed.append(self.learning.viewed)
        with self._lock:
            self.live[film.id] = live
            self.waiting.append(live)
        self._admit()

    def _plan(self) -> admission.Plan:
        if self.limits.live_films is not None:  # (a number given: that many, whatever they cost)
            return admission.Plan(cores=1.0, cost=0.0, most=self.limits.live_films)
        chosen = {k: self.make_kw.get(k) for k in ("visual", "voice", "music")}
        return admission.plan_for(self.res, chosen)

    def capacity(self) -> int:
        """Films made at once for viewers watching them (``serve.admission``)."""
        return self.plan.films

    def check_room(self) -> None:
        """Refuse a film now (503, before anything is made) when every slot is taken and the
        queue for them is full."""
        with self._lock:
            making = sum(1 for f in self.live.values() if f.status == "making")
            if making >= self.capacity() and len(self.waiting) >= self.limits.waiting:
                raise HTTPException(503, f"the server is full: {making} films are being made and "
                                         f"{len(self.waiting)} are waiting; try again in a few minutes")

    def loads(self) -> list[admission.Load]:
        """The films being made, as admission sees them (call with the lock held)."""
        return [admission.Load(watched=f.watched(), lead_s=f.lead(), choosing=f.pending is not None)
                for f in self.live.values() if f.status == "making"]

    def _admit(self) -> None:
        """Start the first film waiting while admission allows (``admission.why_wait``: the
        plan has room for it, and every watched film being made is ahead of its viewer), one at
        a time: the next is looked at once this one is ahead of its own viewer."""
        with self._lock:
            if not self.waiting:
                self.holding = None
                return
            self.holding = admission.why_wait(self.plan, self.loads())
            if self.holding is not None:
                return
            live = self.waiting.popleft()
            live.start()  # ("making" from here on)
        self.db.update_film(live.film_id, status="making")

    def _look_at_machine(self) -> None:
        """The plan again, with the cores other work uses now (not where a number of films is given)."""
        if self.limits.live_films is None:
            self.plan = replace(self._base_plan, others=self.machine.sample())

    def _admitting(self) -> None:
        looks = 0
        while not self._closing.wait(0.5):
            looks += 1
            if looks % 2 == 0:
                self._look_at_machine()
            if self.waiting:
                try:
                    self._admit()
                except Exception:  # noqa: BLE001 - the next look tries again
                    log.exception("admission: a waiting film was not started")

    def _yields(self) -> bool:
        """Should a film nobody watches wait for the others now?"""
        with self._lock:
            return admission.yields(self.plan, self.loads(), len(self.waiting))

    def queue_position(self, film_id: str) -> int | None:
        with self._lock:
            return next((i + 1 for i, f in enumerate(self.waiting) if f.film_id == film_id), None)

    def _finished(self, live: LiveFilm) -> None:
        self.db.update_film(live.film_id, status=live.status, error=live.error, seconds=live.seconds)
        try:  # what its status shows, for when it is no longer in memory
            saved = self._live_status(live)
            write_atomic(self.folder(live.film_id) / "status.json", json.dumps(saved))
        except (OSError, DreamreelError):
            pass
        with self._lock:  # finished films leave memory, but for the last few (their players may still play)
            done = sorted((f for f in self.live.values() if f.finished_at), key=lambda f: f.finished_at)
            for old in done[:max(0, len(done) - KEEP_FINISHED)]:
                del self.live[old.film_id]
                old.let_go()
        self._admit()  # its slot goes to the next film waiting
        _give_back_memory()

    def status(self, film: Film) -> dict[str, Any]:
        """The film's ``FilmStatus`` (checked against it: what the API and the player's socket send)."""
        live = self.live.get(film.id)
        out: dict[str, Any] = {"id": film.id, "title": film.title, "prompt": film.prompt,
                               "status": live.status if live else film.status,
                               "error": live.error if live else film.error, "created": film.created,
                               "watch": f"/watch/{film.id}", "stream": f"/films/{film.id}/stream/index.json"}
        # (Pushed twice a second to every player: a film being made has no ending yet, so the
        # disk is read only for finished films.)
        ended = live.ended if live is not None and live.status != "ready" else self.ended(film)
        out["can_continue"] = ended is not None and ended.get("ending") in _extension_endings(film.story)
        out["next"] = (ended or {}).get("next")
        out["can_revise"] = self.llm is not None
        # What it revises, kept with the film (a film revised before that: in its saved status).
        out["revision"] = json.loads(film.revision) if film.revision else None
        if live is not None:
            out.update(self._live_status(live))
            if live.status == "queued":
                out["queue_position"] = self.queue_position(film.id)
                out["capacity"] = self.capacity()
                out["waiting_for"] = self.holding
        elif film.status not in ("queued", "making"):
            out.update(self._saved_status(film.id))
        if film.id in self.damaged:
            out["status"], out["error"] = "damaged", f"this film's files are damaged: {self.damaged[film.id]}"
        try:
            return FilmStatus.model_validate(out).model_dump(mode="json")
        except ValidationError:  # (a status.json written by another version, or damaged: shown without it)
            log.warning("film %s: its saved status does not read; shown without it", film.id)
            saved = self._saved_status(film.id)
            kept = {k: v for k, v in out.items() if k not in saved or k in _OWN}
            return FilmStatus.model_validate(kept).model_dump(mode="json")

    @staticmethod
    def _live_status(live: LiveFilm) -> dict[str, Any]:
        e = live.reading()  # (aged: a viewer whose player went silent reads unknown)
        # What will be made instead of what was asked (a rating above the ceiling, a budget).
        planner = live.story.generator.get("notes", "")
        return {
            "pending_choice": {**asdict(live.pending), "min_countdown_s": MIN_COUNTDOWN_S} if live.pending else None,
            "taken": [asdict(t) for t in live.taken],
            "made_seconds": round(live.made_s, 3),
            "engagement": {"level": e.level, "confidence": e.confidence, "score": e.score},
            "interventions": [asdict(i) for i in live.drama.log],
            "goal": live.drama.goal,
            "endings": sorted({e.kind for e in live.story.graph.endings}),
            "cast": [{"id": c.id, "name": c.name} for c in live.story.bible.cast],
            "saving": sorted(live.drama.protect),
            "setting": live.setting,
            "notes": ([n for n in planner.split("; ") if n] if planner else []) + live.notes,
            "scenes": _scenes(live),
            "shots": live.shots,
        }

    def _saved_status(self, film_id: str) -> dict[str, Any]:
        """A finished film's status as it was when it left memory (read once, then kept)."""
        if film_id not in self._kept:
            try:
                saved = json.loads((self.folder(film_id) / "status.json").read_text(encoding="utf-8"))
            except (OSError, ValueError):
                saved = {}
            if len(self._kept) > 256:
                self._kept.clear()
            self._kept[film_id] = saved if isinstance(saved, dict) else {}
        return self._kept[film_id]


def live_capacity(res: str, cores: int | None = None, concurrency: int | None = None) -> int:
    """Films this machine makes at once at ``res`` with the built-in backends, each at least
    ``admission.MARGIN`` times faster than it plays (``admission.Plan``), and no more than a
    visual backend declares it draws at once (``concurrency``; None: no bound)."""
    return admission.Plan(float(cores if cores is not None else admission.cores()), admission.film_cost(res),
                          concurrency).films


#: Servers open in this process (the last one to close shuts the shared render workers down).
_SERVERS = 0
_SERVERS_LOCK = threading.Lock()

#: Finished films kept in memory (their status as it was, for players still playing them).
KEEP_FINISHED = 8
#: What a film's status says from the database, never from a saved status.json.
_OWN = frozenset({"id", "title", "prompt", "status", "error", "created", "watch", "stream", "can_continue", "next"})


def _give_back_memory() -> None:
    """Hand freed memory back to the system (glibc keeps it otherwise: a finished film's ~100 MB)."""
    import ctypes
    import gc

    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _scenes(live: LiveFilm) -> list[dict[str, Any]]:
    """Where each beat made so far plays (its latest telling), in film order."""
    episode = {b.id: b.episode for b in live.story.graph.beats}
    spans = sorted(list(live.spans.items()), key=lambda item: item[1][0])  # (a copy: production adds to it)
    return [{"beat": b, "episode": episode.get(b, 1), "start_s": round(s, 3), "end_s": round(e, 3)}
            for b, (s, e) in spans]


@lru_cache(maxsize=64)
def _extension_endings(story_json: str) -> frozenset[str]:
    """The endings a story can go on from (extension points): parsed once per story."""
    try:
        graph = json.loads(story_json)["graph"]
    except (ValueError, KeyError):
        return frozenset()
    points = {x["beat"] for x in graph.get("extension_points", [])}
    return frozenset(e["id"] for e in graph.get("endings", []) if e["beat"] in points)
