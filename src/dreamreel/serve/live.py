"""A film made while its viewer watches: production on a thread, choices from the viewer.

The film streams as fMP4 segments into ``<folder>/stream`` while it is made. When production
reaches a beat with a choice, the choice is posted here (with where it falls in the film) and
production waits: the player shows it when the viewer gets there, and sends what they picked,
or the default when the countdown runs out. If nobody answers at all (the viewer left), the
default is taken after ``abandon_s``, so no thread waits for ever.

The loop closes here: telemetry from the player feeds the viewer's engagement estimate, and the
drama manager reads it the moment it turns (a new look on the shots not yet streamed, and for
a restless viewer a pulse under the sound not yet streamed, ``synth.music.pulse``: the stream
runs only ``stream_lead_s`` ahead of the playhead, so they show within seconds), as each
beat is entered (which telling to play, at what pace) and at each choice the viewer let run
out (which option to take), logging why. It starts a viewer it knows nothing of where the
harness's ``adaptive`` policy does (``director.schedule.START``: the population's best fixed
schedule the director can start at, its lean, look and pace), so it is the director ``bench/watch.py`` measures. With a
bandit session (``bandit``: the server's ``serve.learning``), each beat's decision is also the
bandit's, and once the viewer is done with the film (the player says it ended, or nothing is
heard from it for ``viewer_idle_s``) the ``on_viewed`` callbacks learn from what they watched
of each beat.
"""

from __future__ import annotations

import copy
import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..director.drama import DramaManager, Seen
from ..director.engagement import Engagement, Estimate, _num
from ..director.grade import LOOKS, as_cut, compose, setting
from ..director.harness import READ_IN_CONTEXT
from ..director.path import Start
from ..director.schedule import START, Schedule
from ..director.schedule import start as start_from
from ..errors import BadInputError, DreamreelError
from ..model import Profile, Story
from ..model.profile import Pacing
from ..model.shot import Shot
from ..model.story import Beat, Option, VariantName
from ..store.files import write_atomic
from ..synth.music.palettes import palette_for
from ..synth.music.pulse import Heartbeat

log = logging.getLogger("dreamreel.serve")
#: Beside a finished film: the ending it reached and the state then (what "keep going" goes on from).
ENDED = "ending.json"
#: Telemetry events a film keeps for the bandit's reward (the socket allows 40 a second).
MAX_HEARD = 50_000
#: Film seconds production needs after a choice is answered before what was chosen plays (the
#: branch's voices, cut and first shots, drawn ahead while the viewer chose: bench/serve.py).
ANSWER_LEAD_S = 3.0
#: A choice's countdown is never shorter than this, however little of its scene is left.
MIN_COUNTDOWN_S = 5.0


def countdown_s(timeout_s: float, answer_by_s: float, at_s: float) -> float:
    """How long a choice put to the viewer at film second ``at_s`` counts down: the story's
    ``timeout_s``, or less, so that it runs out by ``answer_by_s`` (as an interactive title's
    countdown runs over the last seconds of its scene) and the pick it makes is ready before the
    scene ends; never under ``MIN_COUNTDOWN_S``."""
    return min(timeout_s, max(MIN_COUNTDOWN_S, answer_by_s - at_s))


class Stopped(DreamreelError):
    """A film stopped before its end (deleted, or the server stopping)."""


@dataclass
class PendingChoice:
    choice_id: str
    beat_id: str
    prompt: str
    options: list[dict[str, Any]]   # id, text, toward_goal: the ones on offer now
    default: str
    timeout_s: float
    #: Where the beat holding the choice plays in the film (seconds).
    start_s: float
    end_s: float
    #: Answered by this film second, the film goes on without a stall (``countdown_s``).
    answer_by_s: float = 0.0
    posted: float = field(default_factory=time.time)


@dataclass
class Taken:
    choice_id: str
    option_id: str
    by: str          # "viewer", "timeout", "abandoned" or "shared" (given by a shared telling)
    latency_s: float


#: Beside a film once production stops (finished or not): its seed and the path it played so far
#: (each beat, its telling, the option taken): what a shared telling gives a friend.
TELLING = "telling.json"


@dataclass
class Replay:
    """Another telling to follow (a shared one): its ``steps`` ({beat, variant, option}) as
    production meets them, and its first ``choices`` choices answered as it answered them; from
    there on (or wherever this film's path leaves those steps) the viewer chooses."""

    steps: list[dict[str, Any]]
    choices: int


class LiveFilm:
    """Makes ``story`` into ``folder/film.mp4`` and ``folder/stream/`` on a thread of its own."""

    def __init__(self, film_id: str, story: Story, folder: Path, *, seed: int = 0, res: str = "480p",
                 abandon_s: float = 180.0, make_kw: dict[str, Any] | None = None, profile: Profile | None = None,
                 adaptive: bool = True, lead_s: float | None = 6.0, stream_lead_s: float = 1.0,
                 connect_grace_s: float = 15.0, start: Start | None = None, seen: Seen | None = None,
                 viewer: str = "", notes: list[str] | None = None, viewer_idle_s: float = 60.0,
                 schedule: Schedule = START):
        self.film_id, self.story, self.folder = film_id, story, Path(folder)
        self.seed, self.res, self.abandon_s = seed, res, abandon_s
        self.make_kw = make_kw or {}
        self.viewer = viewer  # whose film it is (for the cost report)
        self.notes: list[str] = list(notes or [])  # how it is made differently (a budget), said to the viewer
        #: (episode, state) this film goes on from (a continuation), None: from the beginning.
        self.start_at = start
        #: Where the film ended: {"ending", "episode", "state"} (saved beside it as ending.json).
        self.ended: dict[str, Any] | None = None
        self.status = "queued"
        self.error = ""
        self.seconds = 0.0
        #: Once made: shots drawn and found in the render cache, and the beats drawn ({drawn, cached, beats}).
        self.shots: dict[str, Any] | None = None
        #: How long the film was asked to run (seconds; what a viewer's films at once add up).
        self.length_s = 0.0
        self.pending: PendingChoice | None = None
        self.taken: list[Taken] = []
        #: The path played so far: {"beat", "variant", "option", "pace", "look"} a beat entered.
        self.steps: list[dict[str, Any]] = []
        #: A shared telling this film follows (set before it starts), and how far it has.
        self.replay: Replay | None = None
        self._replayed = 0  # (-1: it left the shared telling)
        self._given: dict[str, Any] | None = None  # (the telling's step for the beat entered, if followed)
        self.spans: dict[str, tuple[float, float]] = {}   # beat id -> its latest (start, end) in seconds
        self.made_s = 0.0                                  # film seconds cut so far
        #: What is said, when and by whom (film seconds), as the beats are cut.
        self.captions: list[dict[str, Any]] = []
        self._answer: str | None = None
        #: Why the film was stopped before its end ("" while it is not).
        self.stopped = ""
        self._cond = threading.Condition()
        #: Production keeps at most this far ahead of the viewer's playhead (while they watch), so
        #: what the director decides reaches them soon; None: as fast as it can.
        self.lead_s = lead_s
        #: The stream keeps only this far ahead of the playhead (with keyframes every second),
        #: so a new look reaches the viewer within about two seconds.
        self.stream_lead_s = stream_lead_s
        self.connect_grace_s = connect_grace_s
        self.playhead = 0.0
        self._heard = 0.0  # wall time of the last telemetry event
        self._clock = 0.0  # film seconds watched, as the director's look and pulse count time
        self._playing = False
        self._rate = 1.0
        self._restyle: Any = None  # production's handle on the shots not yet streamed
        self.finished_at = 0.0     # (time.time(), once it is finished)
        #: The pulse the director lays under the sound as it streams (production's ``Pacer.sound``).
        self.heartbeat = Heartbeat(palette_for(story.bible.genres, story.bible.style.music).tempo[1])
        self.sound: Callable[[np.ndarray, int], np.ndarray] | None = self.heartbeat if adaptive else None
        self._look: Any = as_cut        # the director's look on the shots ...
        self._look_name = ""            # (its name in LOOKS; "": as cut)
        self._setting: Any = as_cut     # ... over the setting the viewer asked for
        self.setting: dict[str, str | None] = {"time_of_day": None, "weather": None}
        self.engagement = Engagement()
        self._reading: Estimate | None = None
        self.profile = profile
        self.drama = DramaManager(story, profile, seen)
        if READ_IN_CONTEXT:  # another tab or muting reads by what was playing, as the harness measures it
            self.engagement.context = self.drama.contrast
        self.adaptive = adaptive
        if adaptive:   # the director the bench measures starts from the population's schedule
            self._look_name = start_from(self.drama, schedule, profile) or ""
            self._look = LOOKS.get(self._look_name, as_cut)
        self._thread = threading.Thread(target=self._run, name=f"film-{film_id[:8]}", daemon=True)
        self.on_done: list[Any] = []
        #: The bandit's session for this viewing (``director.learning.Session``; None: the director alone).
        self.bandit: Any = None
        #: Called with this film once its viewer is done with it (only for a film made whole, with a bandit).
        self.on_viewed: list[Any] = []
        #: What the player sent, (kind, film seconds, data) as taken (the bandit's reward is read from it).
        self.heard: list[tuple[str, float, dict[str, Any]]] = []
        #: Each beat's (start, end) film seconds, in the order production entered them.
        self.beat_spans: list[tuple[float, float]] = []
        #: The furthest film second the viewer's player reached, and whether it said the film ended.
        self.reached = 0.0
        self.seen_end = False
        #: The viewer is taken to be done with a made film once nothing is heard from them this long.
        self.viewer_idle_s = viewer_idle_s
        self._let_go = False
        #: Asked while nobody watches this film: should it wait for films someone watches (the
        #: server's admission control, ``serve.admission.yields``)? None: never.
        self.yields: Any = None

    @property
    def stream_dir(self) -> Path:
        return self.folder / "stream"

    def start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.status = "making"
        # Give the viewer's player a little while to connect before going on alone.
        self._heard = time.time() - max(0.0, 60.0 - self.connect_grace_s)
        self._thread.start()

    def join(self, timeout: float | None = None) -> None:
        if self._thread.ident is not None:  # (a film that waited and was never started has nothing to join)
            self._thread.join(timeout)

    def stop(self, why: str) -> None:
        """Stop making the film at the next beat (or at once, where it waits for the viewer)."""
        with self._cond:
            self.stopped = why
            self._cond.notify_all()

    def _go_on(self) -> None:
        """Production's thread: raise Stopped once the film was stopped."""
        if self.stopped:
            raise Stopped(self.stopped)

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

    def observe(self, kind: str, t: float, data: dict[str, Any], at: float) -> Estimate:
        """A telemetry event from the viewer's player."""
        with self._cond:
            self.playhead = float(data.get("to", t)) if kind == "seek" else t
            self._heard = time.time()
            if kind in ("play", "watch"):
                self._playing = True
                self._rate = float(data.get("rate", self._rate)) if kind == "watch" else self._rate
            elif kind in ("pause", "stall", "ended"):
                self._playing = False
            if len(self.heard) < MAX_HEARD:
                self.heard.append((kind, t, data))
            self.reached = max(self.reached, t, _num(data.get("to"), t) if kind == "seek" else t)
            self.seen_end = self.seen_end or kind == "ended"
            self._cond.notify_all()
        estimate = self.engagement.observe(kind, t, data, at)
        if self.adaptive:
            self._react(estimate)
        return estimate

    def follow(self, playhead: float, playing: bool) -> None:
        """A room's shared clock paces production, as one viewer's player does (``serve.rooms``)."""
        with self._cond:
            self.playhead, self._playing, self._rate, self._heard = playhead, playing, 1.0, time.time()
            self._cond.notify_all()

    def _react(self, estimate: Estimate) -> None:
        """The moment the reading turns: a new look on what is about to play, logged (and shown
        to the viewer as the reason) where the changed picture begins. The look's cooldown and the
        pulse's hold count film seconds watched (``watched_s``, never back), as the harness counts
        them: wall seconds would make a film nobody watches, or one made again of a telling, turn
        where the machine happened to be fast or slow, and cut differently each time."""
        now = self._clock = max(self._clock, self.watched_s())
        with self._cond:
            attached = self._restyle is not None
            # (a telling followed keeps its looks: ``_follow``)
            name = self.drama.look(estimate, now) if attached and not self._following() else None
            pulse = self.drama.pulse(estimate, now) if attached else None
        if pulse is not None:
            self.heartbeat.turn(pulse, lambda at_s: self._logged(lambda beat: self.drama.pulsed(
                pulse, estimate, beat, at_s), at_s))
        if name is None:
            return

        def shown(at_s: float) -> None:  # on production's streaming thread
            self._logged(lambda beat: self.drama.looked(name, estimate, beat, at_s), at_s)

        self._look_name = name if name in LOOKS else ""
        self._look = LOOKS.get(name, as_cut)
        self._restyled(compose(self._setting, self._look), shown)

    def _logged(self, log_in: Any, at_s: float) -> None:
        """Log a change where it first shows (film second ``at_s``), in the beat playing there."""
        spans = list(self.spans.items())  # (a copy: the production thread adds to it)
        beat = next((b for b, (s, e) in spans if s <= at_s < e), "")
        with self._cond:
            log_in(beat)

    def _restyled(self, change: Any, shown: Any) -> None:
        """Hand production a new look; a production that already failed says so on its own
        thread (its film is marked failed there), not to whoever asked for the change."""
        restyle = self._restyle
        if restyle is None:
            return
        try:
            restyle(change, shown)
        except Exception as e:  # noqa: BLE001 - production's own failure, reported by _run
            log.warning("film %s: a change of look was not taken (%s)", self.film_id, type(e).__name__)

    def change_setting(self, time_of_day: str | None, weather: str | None) -> None:
        """The viewer's lever: from the next beat on, this time of day and weather (None: as written)."""
        with self._cond:
            self._setting = setting(time_of_day, weather)  # type: ignore[arg-type]
            self.setting = {"time_of_day": time_of_day, "weather": weather}
            if self._restyle is not None:  # else production takes it up when it starts
                self._restyled(compose(self._setting, self._look), None)

    # -- the Pacer production asks before each beat, and before streaming each piece -------

    def _watching(self) -> bool:
        return time.time() - self._heard < 60.0

    def _playhead_now(self) -> float:
        """Where the viewer is now: the last reported position, run on while they play (the
        player reports every two seconds; at most four seconds are assumed)."""
        if not self._playing:
            return self.playhead
        return self.playhead + min(4.0, time.time() - self._heard) * self._rate

    def watched_s(self) -> float:
        """The film second the viewer is watching now, that what was heard from them ages by (a
        reading nobody confirms fades to unknown over film seconds: ``director.engagement``): the
        last reported position, run on by the wall seconds since while their player said it plays
        (without ``_playhead_now``'s bound: a player that goes silent mid-film is taken to play on,
        which is what ages its reading; a paused one ages nothing), never past what is made. Before
        anything is heard from the viewer, production's film second (as ``director.harness``
        counts a viewer whose player sends nothing)."""
        with self._cond:
            if self.engagement.heard_t is None:
                return self.made_s
            at = self.playhead + (time.time() - self._heard) * self._rate if self._playing else self.playhead
            return min(at, self.made_s)

    def reading(self) -> Estimate:
        """The viewer's engagement now, aged by the film seconds nothing was heard (``watched_s``)."""
        return self.engagement.reading(self.watched_s())

    def _take(self) -> Estimate:
        """The strongest reading since the last take, aged (``watched_s``); once it is unknown the
        look and the pulse follow the lean alone (they otherwise turn only as events arrive, and a
        silent player sends none), as the harness's adaptive director's do."""
        reading = self.engagement.take(self.watched_s())
        if reading.level == "unknown":
            self._react(reading)
        return reading

    def lead(self) -> float:
        """Film seconds made ahead of the viewer's playhead now."""
        return self.made_s - self._playhead_now()

    def ahead(self, at_s: float) -> float:
        if self.lead_s is None or not self._watching():
            return float("-inf")
        return at_s - self._playhead_now()

    def watched(self) -> bool:
        return self.lead_s is not None and self._watching()

    def attach(self, restyle: Any) -> None:
        with self._cond:
            self._restyle = restyle
            if self.setting != {"time_of_day": None, "weather": None} or self._look is not as_cut:
                restyle(compose(self._setting, self._look), None)

    def _behind(self, made_s: float) -> bool:
        assert self.lead_s is not None
        return made_s - self._playhead_now() > self.lead_s and self._watching()

    def should_wait(self, made_s: float) -> bool:
        """Wait while the viewer is more than ``lead_s`` behind (a viewer not heard from for a
        minute is not waited for: the film is finished for later, but only while no film someone
        watches needs the machine: ``yields``)."""
        self._go_on()
        return (self.lead_s is not None and self._behind(made_s)) or self._yielding()

    def _yielding(self) -> bool:
        return self.yields is not None and not self._watching() and bool(self.yields())

    def wait(self, made_s: float) -> None:
        """Until the viewer is within ``lead_s`` of ``made_s``: woken by their player's reports,
        and in between at the moment their playhead, run on, gets there (the player reports
        every 2 s: woken only by a report, production went on up to 2 s late, out of the lead
        the next beat is voiced, mixed and drawn in, and the film stalled at the opening of
        bench/serve.py's film noir, seed 101)."""
        deadline = time.monotonic() + 60.0
        with self._cond:
            while not self.stopped and self._behind(made_s) and (left := deadline - time.monotonic()) > 0:
                assert self.lead_s is not None
                gap = made_s - self.lead_s - self._playhead_now()  # (film seconds until it is not behind)
                self._cond.wait(timeout=min(left, 1.0, max(0.02, gap / max(0.1, self._rate)) if self._playing else 1.0))
        while not self.stopped and self._yielding():  # (the others' progress is not signalled here)
            with self._cond:
                self._cond.wait(timeout=1.0)
        self._go_on()

    def steer(self, kind: str | None) -> None:
        """Steer towards an ending of ``kind`` (None: stop steering)."""
        kinds = sorted({e.kind for e in self.story.graph.endings})
        if kind is not None and kind not in kinds:
            raise BadInputError(f"no {kind!r} ending in this story; it has: {', '.join(kinds)}")
        self.drama.goal = kind

    def save(self, character_ids: list[str]) -> None:
        """Ask the director to keep these characters alive (an empty list: let fate decide)."""
        cast = {c.id for c in self.story.bible.cast}
        unknown = [c for c in character_ids if c not in cast]
        if unknown:
            raise BadInputError(f"no character {unknown[0]!r} in this story; its cast: {', '.join(sorted(cast))}")
        self.drama.protect = set(character_ids)

    # -- production's side ---------------------------------------------------------------

    def _variant(self, beat: Beat) -> VariantName | None:
        """Asked as production enters each beat: the director picks its telling (and, just after,
        its pace, from the same reading of the viewer)."""
        self._go_on()
        if not self.adaptive:
            return None
        self._reading = self._take()
        bandit = self.bandit
        if bandit is None:
            return self.drama.variant(beat, self._reading, at_s=self.made_s)
        # the director learns from the reading first; the bandit's nudge (logged) then moves its drive
        self.drama.learn(beat, self._reading, self.made_s)
        bandit.decide(beat, self._reading, len(self.beat_spans), at_s=self.made_s)   # (its place in beat_spans)
        return self.drama.variant(beat, self._reading, at_s=self.made_s, learn=False)

    def _pacing(self, beat: Beat) -> Pacing | None:
        """Each beat's pace: the shared telling's while this film follows it, else the
        director's; recorded in ``steps`` with the look the beat is cut in."""
        given = self._given
        if given is not None and given.get("pace", "") in ("fast", "slow", None):
            pace = given.get("pace")
        else:
            pace = self.drama.pacing(beat, self._reading, at_s=self.made_s) if self.adaptive else None
        if self.steps and self.steps[-1]["beat"] == beat.id:
            self.steps[-1].update(pace=pace, look=self._look_name)
        return pace  # type: ignore[return-value]

    def _likely(self, beat: Beat) -> tuple[VariantName | None, Pacing | None]:
        """The telling and pace the director would give ``beat`` if it began now (a branch on offer,
        drawn ahead as it is likely to be cut): a guess, which learns nothing and logs nothing."""
        if not self.adaptive:
            return None, None
        guess = copy.copy(self.drama)
        guess.log = []
        guess.made = [list(m) for m in self.drama.made]  # (the guess's beat is not one made)
        reading = self.engagement.peek(self.watched_s())
        return guess.variant(beat, reading, at_s=self.made_s), guess.pacing(beat, reading, at_s=self.made_s)

    def _next_beats(self, offered: list[Option]) -> dict[str, Beat]:
        graph = self.story.graph
        out = {}
        for o in offered:
            target = o.target
            group = graph.group(target)
            while group is not None:  # a group's first candidate stands for it
                target = group.candidates[0].target
                group = graph.group(target)
            out[o.id] = graph.beat(target)
        return out


    def _on_cut(self, shots: list[Shot], first_frame: int, fps: int) -> None:
        self._go_on()
        start = first_frame / fps
        end = start + sum(s.frames for s in shots) / fps
        names = {c.id: c.name for c in self.story.bible.cast}
        frame = first_frame
        for shot in shots:
            for cue in shot.cues:
                at = frame / fps + cue.start
                self.captions.append({"start": round(at, 3), "end": round(frame / fps + cue.end, 3),
                                      "speaker": names.get(cue.speaker, ""), "text": cue.text})
            frame += shot.frames
        if shots[0].kind not in ("title", "end"):  # a batch is one beat's shots, or one card
            self.spans[shots[0].beat] = (start, end)
            self.beat_spans.append((start, end))
        self.made_s = end

    def _chooser(self, beat: Beat, offered: list[Option], visit: int) -> Option:
        assert beat.choice is not None
        choice = beat.choice
        start, end = self.spans.get(beat.id, (self.made_s, self.made_s))
        default = choice.default if choice.default in {o.id for o in offered} else offered[0].id
        with self._cond:
            self._answer = None
            goal = self.drama.goal
            self.pending = PendingChoice(choice.id, beat.id, choice.prompt,
                                         [{"id": o.id, "text": o.text,
                                           "toward_goal": bool(goal and self.drama.reaches(o.target, goal)),
                                           "costs_a_life": self.drama.kills(o)}
                                          for o in offered], default,
                                         choice.timeout_s, round(start, 3), round(end, 3),
                                         round(max(start, end - ANSWER_LEAD_S), 3))
            posted = time.time()
            answered = self._cond.wait_for(lambda: self._answer is not None or bool(self.stopped),
                                           timeout=self.abandon_s)
            answer = self._answer if answered and self._answer is not None else f"abandoned:{default}"
            self.pending = None
        self._go_on()
        assert answer is not None
        by, option_id = answer.split(":", 1)
        if by != "viewer" and self.adaptive:
            # Nobody chose: the director does, for what this viewer seems to need.
            option_id = self.drama.option(beat, offered, self._take(), self._next_beats(offered),
                                          at_s=self.made_s, default=next(o for o in offered if o.id == default)).id
        self.taken.append(Taken(choice.id, option_id, by, round(time.time() - posted, 3)))
        return next(o for o in offered if o.id == option_id)

    def _told(self, beat: Beat) -> VariantName | None:
        """The telling of each beat production enters: the shared telling's while this film
        follows one, else the director's; recorded in ``steps``."""
        given = self._follow(beat)
        if given is False:
            self._given = None
        told = self._variant(beat) if given is False else given
        self.steps.append({"beat": beat.id, "variant": told if told in beat.variants else None, "option": None})
        return told  # type: ignore[return-value]

    def _follow(self, beat: Beat) -> VariantName | None | bool:
        """The shared telling's telling of ``beat`` while this film follows it (False: it does not)."""
        r = self.replay
        if r is None or self._replayed < 0:
            return False
        if self._replayed >= len(r.steps) or r.steps[self._replayed].get("beat") != beat.id:
            self._replayed = -1
            return False
        self._go_on()
        step = self._given = r.steps[self._replayed]
        self._replayed += 1
        if self.adaptive:
            self._reading = self._take()  # (what the director reads of this viewer, for the choices after)
        # The telling's look and pace, as it was cut (a telling saved before they were kept: the
        # director's): watched again, shared, or revised, it is the same film, so its shots are
        # found in the render cache; this viewer's own adaptation starts where they leave it.
        look = step.get("look")
        if isinstance(look, str) and look != self._look_name and (look in LOOKS or look == ""):
            self._look_name, self._look = look, LOOKS.get(look, as_cut)
            self._restyled(compose(self._setting, self._look), None)
        return step.get("variant")

    def _following(self) -> bool:
        """Is production within a shared telling it follows (its looks and pace are the telling's)?"""
        return self.replay is not None and self._replayed > 0

    def _answered(self, beat: Beat, offered: list[Option], visit: int) -> Option:
        """Each choice: the shared telling's answer while this film follows it and has answers
        to give (up to its branch point), else the viewer's (``_chooser``); recorded in ``steps``."""
        r, option = self.replay, None
        if r is not None and self._replayed > 0 and r.steps[self._replayed - 1].get("beat") == beat.id:
            if sum(1 for t in self.taken if t.by == "shared") < r.choices:
                option = next((o for o in offered if o.id == r.steps[self._replayed - 1].get("option")), None)
            self._replayed = self._replayed if option is not None else -1  # (the branch point: the viewer's now)
        if option is not None:
            assert beat.choice is not None
            self.taken.append(Taken(beat.choice.id, option.id, "shared", 0.0))
        else:
            option = self._chooser(beat, offered, visit)
        if self.steps and self.steps[-1]["beat"] == beat.id:
            self.steps[-1]["option"] = option.id
        return option

    def _run(self) -> None:
        from ..production import make_film

        try:
            result = make_film(self.story, self.folder / "film.mp4", choices=self._answered, seed=self.seed,
                               res=self.res, segments=self.stream_dir, on_cut=self._on_cut, variant=self._told,
                               pacer=self, pacing=self._pacing, likely=self._likely, keyframe_s=1.0,
                               start=self.start_at,
                               profile=self.profile,
                               **self.make_kw)
            self.seconds = result.seconds
            drawn = set(result.drawn)
            self.shots = {"drawn": result.rendered_shots, "cached": result.cached_shots,
                          "beats": sorted({shot.beat for cut in result.lists for shot in cut.shots
                                           if shot.id in drawn and shot.kind not in ("title", "end")})}
            if result.cost is not None:
                from ..cost.ledger import named, save

                report = named(result.cost, self.story.bible.title, self.folder / "film.mp4")
                save(report.model_copy(update={"viewer": self.viewer, "film": self.film_id}), self.folder / "cost.json")
            assert result.played is not None
            last = self.story.graph.beat(result.played.steps[-1].beat)
            self.ended = {"ending": last.ending, "episode": last.episode, "state": result.state,
                          "played": [step.model_dump(mode="json") for step in result.played.steps]}
            outcome: tuple[str, str] = ("ready", self.error)
        except DreamreelError as e:
            outcome = ("failed", str(e))
        except Exception as e:
            log.exception("film %s failed", self.film_id)
            outcome = ("failed", f"internal error: {type(e).__name__}")
        try:  # these outlive this object: a finished film is served (and continued) from its folder
            write_atomic(self.folder / "captions.json", json.dumps(self.captions))
            if self.ended is not None:
                write_atomic(self.folder / ENDED, json.dumps(self.ended))
            write_atomic(self.folder / TELLING, json.dumps({"seed": self.seed, "steps": self.steps,
                                                            "complete": outcome[0] == "ready",
                                                            "adaptive": self.adaptive}))
        except (OSError, DreamreelError):
            log.warning("film %s: cannot save its captions and ending", self.film_id)
        # Ready only now: a ready film's ending is read from its folder (to keep going from it).
        self.status, self.error = outcome
        # What production held for restyling (its encoder, sound, pictures waiting) goes now:
        # a finished film keeps only what the viewer's status shows.
        self._restyle = None
        self.finished_at = time.time()
        for callback in self.on_done:
            callback(self)
        if self.bandit is not None and self.on_viewed and self.status == "ready" and self._viewer_done():
            for callback in self.on_viewed:
                try:
                    callback(self)
                except Exception:  # noqa: BLE001 - learning's failure loses this lesson, not the film
                    log.exception("film %s: not learned from", self.film_id)

    def _viewer_done(self) -> bool:
        """Wait (on production's thread, the film made) until the viewer is done with it: the
        player said it ended, or nothing was heard from it for ``viewer_idle_s`` (at most as long
        again as the film runs, and ``abandon_s``). False if the film was stopped meanwhile (the
        server stopping, or the film deleted): a viewing cut short by the server teaches nothing."""
        longest = time.time() + self.seconds + self.abandon_s
        with self._cond:
            while not (self.stopped or self.seen_end or self._let_go or time.time() - self._heard >= self.viewer_idle_s
                       or time.time() >= longest):
                self._cond.wait(timeout=1.0)
            return not self.stopped

    def let_go(self) -> None:
        """Stop waiting for the viewer (the film leaves the server's memory: no more of their
        telemetry reaches it): what was heard is what is learned from."""
        with self._cond:
            self._let_go = True
            self._cond.notify_all()

    @property
    def viewing(self) -> bool:
        """Is production's thread still at work (making the film, or waiting for its viewer)?"""
        return self._thread.is_alive()

    def complete(self) -> bool:
        """Did the viewer reach the film's end (its player said so, or reached its last second)?"""
        return self.status == "ready" and (self.seen_end or self.reached >= self.made_s - 1.0)
