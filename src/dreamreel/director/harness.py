"""A public harness: any viewer model watches a story under any director policy, with no video made.

    from dreamreel.director.harness import watch
    viewing = watch(story, viewer, policy="adaptive", seed=0)

``viewer`` is any object with

- ``see(played) -> list[dict]``: called once a beat with a ``Played`` (the beat as production
  would make it: the telling, its words, content, shots, light and music, and the director's
  interventions on it); returns the telemetry the browser player would send while it plays,
  each ``{"kind", "t", "data", "at"}`` as on the socket (``t``: film seconds, ``at``: wall
  seconds; ``at`` may be left out, and is then the moment the beat ends). The kinds and their
  fields are the player's (``serve/static/player.js``); see ``Event`` and
  ``schemas/event.schema.json``.
- ``choose(offer) -> (option_id or None, latency_s)``: called at each choice with an ``Offer``
  after ``see`` of the beat that holds it (the player shows a choice as that beat plays).
  None, or a latency past ``offer.timeout_s``, lets the countdown run out. The harness sends
  the player's own ``choice`` events (shown, answered) for the viewer.
- ``gone``: true once they left; the viewing ends there.

Everything runs as it does live (``serve/live.py``): each event is checked as the socket checks
it (a malformed one is dropped, as the socket drops it, and counted), fed to the engagement
estimate, and the director reacts the moment the reading turns (a new look, and for a restless
viewer a pulse under the score, from the next beat: live, within about two seconds, inside the
beat playing; the harness shows a beat whole, so what such a lever does to the rest of the beat
it was asked in is not counted); as each beat is entered it picks the telling and the pace, and
at a choice let run out it picks the option. A viewer that raises ends the viewing, reported in
one line (``Viewing.problem``); so does a story that cannot be played.

What is made is planned, not rendered: the camera's shot plan (``camera.shots``) from speech
timed at the writer's pace (``camera.timing.estimate_timings``), the director's looks
(``director.grade``), the score's tempo and intensity as ``synth.music`` sets them from the
shots' tension, the content the ratings scan finds in the words (``narrative.rating``), and the
rating check production runs before each beat (``trust.ratings.within_rating``).

Policies: ``as_written`` (no director), ``static`` (one fixed schedule for everyone, fitted to a
training population without telemetry: ``STATIC``, or pass a ``Schedule``), ``no_telemetry``
(the adaptive director, deaf), ``adaptive`` (starting every viewer at ``START``), ``random`` (a random telling, pace and look each
beat), ``learned`` (the adaptive director under a contextual bandit that learned across
sessions: ``director.learning``; pass ``learner=`` a ``Learner``, else the population prior
``learning.prior()`` trained on the simulated training viewers, ``memory=`` what is remembered
of this viewer, updated in place, and ``log=`` a list to receive the bandit's decisions with
their rewards, for learning and off-policy evaluation) and ``oracle`` (for viewer models with
``preview(played) -> float``, their own enjoyment of a beat without watching it: it plays, each
beat, the candidate the viewer would enjoy most; an upper bound, not a director).
"""

from __future__ import annotations

import colorsys
import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import BadInputError, DreamreelError
from ..model import Profile, Story
from ..model.base import SCHEMA_VERSION
from ..model.profile import Pacing
from ..model.shot import PathStep, PlayPath, Shot
from ..model.story import Beat, Option, VariantName
from .drama import DramaManager, Intervention
from .engagement import Engagement, Estimate, _num
from .path import Walk, choose_path, telling
from .schedule import START, STATIC, Schedule, start

# -- what the viewer sees ------------------------------------------------------------------


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LineSaid(_Out):
    speaker: str          # a cast id
    text: str
    emotion: str


class ShotsMade(_Out):
    count: int
    mean_seconds: float
    #: camera moves: static, pan, push_in, handheld -> how many shots
    moves: dict[str, int]
    #: framings: wide, medium, close ... -> how many shots
    sizes: dict[str, int]


class LookMade(_Out):
    """The light on the drama shots, frame-weighted."""

    brightness: float     # 0..1, the key light
    contrast: float       # 0..1
    saturation: float     # 0..1, of the palette (0 in black and white)
    warmth: float         # -1 cold .. 1 warm
    name: str | None = None  # the director's look on it ("stakes", "breather"), None: as cut


class ScoreMade(_Out):
    tempo: float          # beats a minute
    intensity: float      # 0..1: the tension the score follows (sparse chords .. drums and running eighths)
    #: a heartbeat under it, the director's (``synth.music.pulse``): drums at the genre's top tempo,
    #: so the tempo heard is that and the intensity is raised by the pulse's share
    pulse: bool = False


class Applied(_Out):
    kind: str             # escalate, calm, pace, palette, pulse, steer, variety
    why: str
    beat: str = ""
    at_s: float = 0.0


class Played(_Out):
    """One beat as made."""

    schema_version: int = SCHEMA_VERSION
    id: str
    episode: int
    index: int            # its place in this viewing, from 0
    start_s: float        # film seconds it starts at
    seconds: float
    telling: Literal["as_written", "calm", "intense"]
    pacing: str           # slow, medium, fast
    narration: str
    action: str
    lines: list[LineSaid]
    words: int
    #: content flag -> level 0..3 (``model.content``): what the beat declares, raised to what the
    #: ratings scan finds in its words
    content: dict[str, int]
    shots: ShotsMade
    look: LookMade
    score: ScoreMade
    has_choice: bool
    ending: bool
    #: what the director changed on this beat, and why
    interventions: list[Applied]


class OfferOption(_Out):
    id: str
    text: str
    #: what the player marks on the button: "toward_goal", "costs_a_life"
    marks: list[str]


class Offer(_Out):
    schema_version: int = SCHEMA_VERSION
    choice: str
    beat: str
    prompt: str
    options: list[OfferOption]
    default: str
    timeout_s: float
    at_s: float           # film seconds the choice shows at (the start of its beat)


# -- what the viewer sends -----------------------------------------------------------------

Kind = Literal["play", "pause", "seek", "skip", "replay", "watch", "hidden", "visible", "mute", "volume",
               "choice", "pointer", "stall", "ended", "webcam"]
Scalar = float | int | bool | Annotated[str, Field(max_length=200)]
#: What the socket allows (``serve/app.py``): this many events a message, a second (a bucket).
MAX_EVENTS_PER_SECOND = 40


class Event(BaseModel):
    """One telemetry event as the socket accepts it (``serve.app.Telemetry``), with its wall time."""

    model_config = ConfigDict(extra="forbid")
    kind: Kind
    t: float = Field(ge=0, le=1e6)
    data: dict[Annotated[str, Field(max_length=32)], Scalar] = Field(default_factory=dict, max_length=16)
    at: float | None = Field(default=None, ge=0, le=1e9)


# The fields of each kind, as the player sends them: documentation, exported as a schema.
class _Ev(BaseModel):
    model_config = ConfigDict(extra="forbid")
    t: float = Field(ge=0, description="film seconds when it happened")
    at: float | None = Field(default=None, ge=0, description="wall seconds (the harness's clock)")


class _NoData(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SeekData(BaseModel):
    to: float = Field(description="film seconds jumped to (t is where from)")


class SkipData(BaseModel):
    wanted_s: float = Field(description="seconds the viewer asked to skip (the -> key: 5)")


class WatchData(BaseModel):
    rate: float = Field(description="playback rate; sent every 2 s while playing")


class VolumeData(BaseModel):
    volume: float = Field(ge=0, le=1)


class ChoiceShown(BaseModel):
    shown: str = Field(description="the choice id now on screen")


class ChoiceAnswered(BaseModel):
    choice: str
    option: str
    by: Literal["viewer", "timeout"]
    latency_ms: int


class WebcamData(BaseModel):
    face: bool = Field(description="a face at the screen (webcam attention, only when turned on)")


def _kind(name: str, data: Any) -> type[BaseModel]:
    fields: dict[str, Any] = {"kind": (Literal[name], ...), "data": (data, Field(default_factory=dict))}
    from pydantic import create_model

    return create_model(f"{name.title()}Event", __base__=_Ev, **fields)


_KINDS = {"play": _NoData, "pause": _NoData, "seek": SeekData, "skip": SkipData, "replay": _NoData,
          "watch": WatchData, "hidden": _NoData, "visible": _NoData, "mute": VolumeData, "volume": VolumeData,
          "choice": ChoiceShown | ChoiceAnswered, "pointer": _NoData, "stall": _NoData, "ended": _NoData,
          "webcam": WebcamData}
_TYPED = [_kind(k, d) for k, d in _KINDS.items()]


# -- what came of it ----------------------------------------------------------------------


class Decided(_Out):
    choice: str
    option: str
    by: Literal["viewer", "timeout", "director"]   # director: the countdown ran out and the director picked
    latency_s: float


class Viewing(_Out):
    story_id: str
    policy: str
    seed: int
    played: list[Played]
    choices: list[Decided]
    interventions: list[Applied]
    seconds: float        # film seconds played (to where they left)
    watched_s: float      # of those, not skipped
    left: bool            # the viewer left before the end
    complete: bool        # the film reached its last ending
    events: int           # events taken
    rejected: int         # events dropped as malformed (as the socket drops them), and answers to a choice
    problem: str | None = None   # one line: what went wrong with the viewer or the story


@runtime_checkable
class Viewer(Protocol):
    gone: bool

    def see(self, played: Played) -> list[dict]: ...

    def choose(self, offer: Offer) -> tuple[str | None, float]: ...


# -- policies --------------------------------------------------------------------------------

#: Whether the adaptive director reads a turning away (another tab, muting) by how intense the
#: beat playing was against the viewer's recent ones (``DramaManager.contrast``); off: as boredom.
READ_IN_CONTEXT = True
POLICIES = ("as_written", "static", "no_telemetry", "adaptive", "learned", "random", "oracle")
Policy = str | Schedule


class _Director:
    """What a policy decides, in the order live.py asks it."""

    reads = False  # does it read telemetry?

    def __init__(self, story: Story, profile: Profile | None, seed: int):
        self.story, self.profile = story, profile
        self.drama = DramaManager(story, profile)
        self.look: str | None = None        # the look on the shots now

    def variant(self, beat: Beat, at_s: float) -> VariantName | None:
        return None

    def pacing(self, beat: Beat, at_s: float) -> Pacing | None:
        return None

    def react(self, estimate: Estimate, at: float) -> str | None:
        """A look to change to now ("stakes", "breather", "as_cut"), or None."""
        return None

    def pulse(self, estimate: Estimate, at: float) -> bool | None:
        """Start (True) or stop (False) the pulse under the score now, or None."""
        return None

    def option(self, beat: Beat, offered: list[Option], next_beat: dict[str, Beat], default: Option,
               at_s: float) -> tuple[Option, bool]:
        """The option when the countdown ran out, and whether the director picked it."""
        return default, False


class _AsWritten(_Director):
    pass


class _Static(_Director):
    def __init__(self, story: Story, profile: Profile | None, seed: int, schedule: Schedule):
        super().__init__(story, profile, seed)
        self.schedule = schedule
        self.drama.bias = schedule.bias
        self.look = schedule.look

    def variant(self, beat: Beat, at_s: float) -> VariantName | None:
        rule = self.schedule.telling
        if rule == "arc":
            return self.drama.variant(beat, None, at_s)
        return None if rule == "as_written" else rule  # type: ignore[return-value]

    def pacing(self, beat: Beat, at_s: float) -> Pacing | None:
        return self.schedule.pacing

    def option(self, beat, offered, next_beat, default, at_s):  # type: ignore[no-untyped-def]
        if self.schedule.telling != "arc":
            return default, False
        return self.drama.option(beat, offered, None, next_beat, at_s), True


class _Adaptive(_Director):
    """The director of ``serve/live.py``; ``reads``: whether telemetry reaches it."""

    def __init__(self, story: Story, profile: Profile | None, seed: int, reads: bool, prior: Schedule):
        super().__init__(story, profile, seed)
        self.reads = reads
        # what it does for a viewer it knows nothing of yet: the population's best fixed schedule
        # it can start at (schedule.START; as a server's live films do: serve.live)
        self.look = start(self.drama, prior, profile)
        self.engagement = Engagement()
        if READ_IN_CONTEXT:  # another tab or muting reads by what was playing (``Engagement.context``)
            self.engagement.context = self.drama.contrast
        self.reading: Estimate | None = None

    def variant(self, beat: Beat, at_s: float) -> VariantName | None:
        self.reading = self.engagement.take(at_s)  # (aged by the film seconds nothing was heard)
        return self.drama.variant(beat, self.reading, at_s=at_s)

    def pacing(self, beat: Beat, at_s: float) -> Pacing | None:
        return self.drama.pacing(beat, self.reading, at_s=at_s)

    def react(self, estimate: Estimate, at: float) -> str | None:
        return self.drama.look(estimate, at)

    def pulse(self, estimate: Estimate, at: float) -> bool | None:
        return self.drama.pulse(estimate, at)

    def option(self, beat, offered, next_beat, default, at_s):  # type: ignore[no-untyped-def]
        return self.drama.option(beat, offered, self.engagement.take(at_s), next_beat, at_s, default), True

    def unheard(self) -> Estimate | None:
        """This beat's reading if it is unknown (nothing heard for too long), for the look and
        the pulse, which otherwise turn only as events arrive (None: it is not)."""
        reading = self.reading
        return reading if self.reads and reading is not None and reading.level == "unknown" else None


class _Learned(_Adaptive):
    """The adaptive director, nudged each beat by the bandit (``director.learning``)."""

    def __init__(self, story: Story, profile: Profile | None, seed: int, learner: Any, memory: Any):
        super().__init__(story, profile, seed, reads=True, prior=START)
        from .learning import Memory

        # exploration draws from the learner's own stream (one across all the sessions it serves)
        self.session = learner.session(self.drama, memory if memory is not None else Memory(), profile=profile)

    def variant(self, beat: Beat, at_s: float) -> VariantName | None:
        self.reading = self.engagement.take(at_s)
        self.drama.learn(beat, self.reading, at_s)
        self.session.decide(beat, self.reading, len(self.session.shares), at_s=at_s)
        return self.drama.variant(beat, self.reading, at_s=at_s, learn=False)


class _Random(_Director):
    def __init__(self, story: Story, profile: Profile | None, seed: int):
        super().__init__(story, profile, seed)
        self.rng = random.Random(f"random-policy:{seed}")

    def variant(self, beat: Beat, at_s: float) -> VariantName | None:
        self.look = self.rng.choice([None, "stakes", "breather"])
        return self.rng.choice([None, *sorted(beat.variants)])  # type: ignore[return-value]

    def pacing(self, beat: Beat, at_s: float) -> Pacing | None:
        return self.rng.choice([None, "slow", "fast"])

    def option(self, beat, offered, next_beat, default, at_s):  # type: ignore[no-untyped-def]
        return self.rng.choice(offered), True


#: What the oracle tries at each beat: (telling, pace, look).
_TREATMENTS: list[tuple[Pacing | None, str | None]] = [("slow", "breather"), (None, None), ("fast", "stakes")]


def _director(story: Story, policy: Policy, profile: Profile | None, seed: int, learner: Any = None,
              memory: Any = None) -> _Director:
    if isinstance(policy, Schedule):
        return _Static(story, profile, seed, policy)
    if policy == "as_written":
        return _AsWritten(story, profile, seed)
    if policy == "static":
        return _Static(story, profile, seed, STATIC)
    if policy in ("adaptive", "no_telemetry"):
        return _Adaptive(story, profile, seed, reads=policy == "adaptive", prior=START)
    if policy == "learned":
        from .learning import prior

        return _Learned(story, profile, seed, learner if learner is not None else prior(), memory)
    if policy == "random":
        return _Random(story, profile, seed)
    if policy == "oracle":
        return _Director(story, profile, seed)
    raise BadInputError(f"no policy {policy!r}; the policies: {', '.join(POLICIES)} (or a Schedule)")


# -- the beat as made ----------------------------------------------------------------------


def _saturation(palette: list[str]) -> float:
    sats = [colorsys.rgb_to_hsv(*(int(h[i:i + 2], 16) / 255 for i in (1, 3, 5)))[1] for h in palette]
    return sum(sats) / len(sats) if sats else 0.0


class _Plan:
    """What the camera decides for a story (per seed and profile), kept across viewings: each
    episode's fit, and each beat's shots in each telling, pace and camera memory."""

    def __init__(self, story: Story, profile: Profile | None, seed: int):
        from ..camera.shots import ShotPlanner
        from ..synth.music.palettes import palette_for

        self.story, self.profile, self.seed = story, profile, seed
        # As production does: the holds are fitted to the target length along the path of first options.
        planned = choose_path(story, "first", seed=seed)
        self.camera = ShotPlanner(story, planned, profile=profile, seed=seed)
        self.tempo = palette_for(story.bible.genres, story.bible.style.music).tempo
        self.cards: dict[tuple[int, str, str], float] = {}
        self.cuts: dict[int, Any] = {}
        self.shots: dict[tuple, tuple[list[Shot], Any, bool]] = {}

    def cut(self, number: int) -> Any:
        """A fresh cut of episode ``number`` (its fit, from the camera, worked out once)."""
        from ..camera.shots import EpisodeCut

        if number not in self.cuts:
            self.cuts[number] = self.camera.cut(number, [])
        c = self.cuts[number]
        return EpisodeCut(c.planner, number, c.fit, c.width, c.height, c.title_cards)


_PLANS: dict[tuple, _Plan] = {}


def _plan(story: Story, profile: Profile | None, seed: int) -> _Plan:
    key = (id(story), story.id, seed, profile.model_dump_json() if profile else None)
    plan = _PLANS.get(key)
    if plan is None or plan.story is not story:
        if len(_PLANS) >= 64:
            _PLANS.pop(next(iter(_PLANS)))
        plan = _PLANS[key] = _Plan(story, profile, seed)
    return plan


class _Production:
    """What production would make of each beat, planned but not drawn, voiced or scored."""

    def __init__(self, story: Story, profile: Profile | None, seed: int):
        self.plan = _plan(story, profile, seed)
        self.story, self.profile = story, profile
        self.camera = self.plan.camera
        self.tempo = self.plan.tempo
        self.cut: Any = None
        self._last: Beat | None = None

    def enter(self, beat: Beat) -> float:
        """Seconds of cards before ``beat``: the last episode's end card and this one's title,
        when it opens an episode."""
        if self.cut is not None and beat.episode == self.cut.number:
            return 0.0
        frames = 0
        if self.cut is not None and self._last is not None:
            frames += sum(s.frames for s in self.cut.end(self._last))
        self.cut = self.plan.cut(beat.episode)
        frames += sum(s.frames for s in self.cut.title(beat))
        return frames / self.camera.fps

    def beat(self, beat: Beat, step: PathStep, visit: int, pacing: Pacing | None, look: str | None,
             *, preview: bool = False) -> tuple[list[Shot], Any]:
        """The shots of ``beat`` told as ``step`` says, at ``pacing``, in ``look``; ``preview``:
        without cutting it (the camera's memory of the episode stays as it was)."""
        from ..camera.timing import estimate_timings
        from .grade import LOOKS, as_cut

        story, cut = self.story, self.cut
        walk = cut._walk
        key = (beat.id, step.variant, visit, pacing, walk.setting, walk.mentioned)
        hit = self.plan.shots.get(key)
        if hit is None:
            told = telling(story, step)
            timings = estimate_timings(story, PlayPath(story_id=story.id, steps=[step]))
            saved = (walk.setting, walk.mentioned, cut._n, cut._frame, list(cut.shots))
            try:
                shots = cut.beat(beat, told, visit, timings, pacing=pacing)
                hit = self.plan.shots[key] = (shots, told, walk.mentioned)
            finally:
                walk.setting, walk.mentioned, cut._n, cut._frame, cut.shots = saved
        shots, told, mentioned = hit
        if not preview:  # the camera remembers the setting it is in, and the object's first close look
            walk.setting, walk.mentioned = (beat.place, beat.time_of_day, beat.weather), mentioned
            self._last = beat
        change = LOOKS.get(look or "", as_cut)
        return [change(s) for s in shots], told

    def played(self, beat: Beat, step: PathStep, index: int, shots: list[Shot], told: Any, pacing: Pacing | None,
               look: str | None, start_s: float, applied: list[Applied], *, pulse: bool = False) -> Played:
        from ..narrative import rating
        from ..synth.music.pulse import LIFT

        fps = self.camera.fps
        frames = sum(s.frames for s in shots) or 1
        seconds = frames / fps
        drama = [s for s in shots if s.kind not in ("title", "end", "insert")] or shots
        weight = sum(s.frames for s in drama) or 1

        def mean(f: Callable[[Shot], float]) -> float:
            return round(sum(f(s) * s.frames for s in drama) / weight, 4)

        moves: dict[str, int] = {}
        sizes: dict[str, int] = {}
        for s in shots:
            moves[s.move] = moves.get(s.move, 0) + 1
            sizes[s.size] = sizes.get(s.size, 0) + 1
        # the score follows the shots' tension, as synth.music.cues_from_shots sets a cue's
        intensity = min(1.0, max(0.0, sum(s.tension * s.frames for s in shots) / frames))
        tempo = self.tempo[0] + (self.tempo[1] - self.tempo[0]) * intensity
        if pulse:  # drums at the top of the genre's tempo range under it (synth.music.pulse)
            intensity, tempo = intensity + LIFT * (1 - intensity), float(self.tempo[1])
        text = "\n".join([told.narration, told.action, *(ln.text for ln in told.lines)])
        content = {f.value: lv for f, lv in told.content.items()}
        for flag, level in rating.scan(text).items():
            content[flag.value] = max(content.get(flag.value, 0), level)
        words = len(told.narration.split()) + sum(len(ln.text.split()) for ln in told.lines)
        return Played(id=beat.id, episode=beat.episode, index=index, start_s=round(start_s, 3),
                      seconds=round(seconds, 3),
                      telling="as_written" if step.variant is None else step.variant,
                      pacing=pacing or (self.profile.pacing if self.profile else "medium"),
                      narration=told.narration, action=told.action,
                      lines=[LineSaid(speaker=ln.speaker, text=ln.text, emotion=ln.emotion) for ln in told.lines],
                      words=words, content=content,
                      shots=ShotsMade(count=len(shots), mean_seconds=round(seconds / max(1, len(shots)), 3),
                                      moves=moves, sizes=sizes),
                      look=LookMade(brightness=mean(lambda s: s.lighting.key),
                                    contrast=mean(lambda s: s.lighting.contrast),
                                    saturation=mean(lambda s: 0.0 if s.lighting.monochrome
                                                    else _saturation(s.lighting.palette)),
                                    warmth=mean(lambda s: s.lighting.warmth), name=look),
                      score=ScoreMade(tempo=round(tempo, 1), intensity=round(intensity, 4), pulse=pulse),
                      has_choice=beat.choice is not None, ending=beat.ending is not None,
                      interventions=applied)


# -- the viewing ---------------------------------------------------------------------------


class _ViewerFailed(Exception):
    pass


def _shown(x: Any, n: int) -> str:
    """``x`` as text for a one-line report, cut at ``n`` (a viewer's object may not print)."""
    try:
        text = str(x)
    except Exception:  # noqa: BLE001 - its own __str__ failed: name its type instead
        text = f"<a {type(x).__name__}>"
    return " ".join(text.split())[:n]


def _call(what: str, f: Callable[[], Any]) -> Any:
    try:
        return f()
    except Exception as e:  # noqa: BLE001 - a viewer model's bug is reported, not raised
        raise _ViewerFailed(f"the viewer's {what} raised {type(e).__name__}: {_shown(e, 200)}") from None


def _answer(raw: Any, offer: Offer) -> tuple[str | None, float, str | None]:
    """(option, latency, what was wrong with the answer)."""
    if not (isinstance(raw, (tuple, list)) and len(raw) == 2):
        return None, offer.timeout_s, f"choose() returned {_shown(raw, 60)!r}, not (option_id or None, latency_s)"
    option, latency = raw
    try:
        latency = float(latency)
    except Exception:  # noqa: BLE001 - whatever it is, it is not seconds
        return None, offer.timeout_s, f"choose() gave latency {_shown(latency, 40)!r}, not seconds"
    if not latency >= 0:  # (NaN too)
        return None, offer.timeout_s, f"choose() gave latency {latency}, not seconds >= 0"
    if option is not None and (not isinstance(option, str) or option not in {o.id for o in offer.options}):
        # the server refuses an option not on offer: the countdown runs out
        return None, offer.timeout_s, f"choose() picked {_shown(option, 40)!r}, not on offer at {offer.choice}"
    return option, latency, None


def watch(story: Story, viewer: Any, policy: Policy = "adaptive", seed: int = 0, *,
          profile: Profile | None = None, learner: Any = None, memory: Any = None,
          log: list | None = None) -> Viewing:
    """``viewer`` watches ``story`` under ``policy`` (see the module's doc); the film's path
    (where nobody chooses) and the camera's decisions follow ``seed``. For ``learned``:
    ``learner`` (a ``learning.Learner``), ``memory`` (the viewer's ``learning.Memory``, updated
    in place) and ``log`` (receives the bandit's decisions with their rewards)."""
    for need in ("see", "choose"):
        if not callable(getattr(viewer, need, None)):
            raise BadInputError(f"a viewer needs a {need}() method (see dreamreel.director.harness)")
    if policy == "oracle" and not callable(getattr(viewer, "preview", None)):
        raise BadInputError("the oracle policy needs a viewer with preview(played) -> enjoyment")
    name = policy if isinstance(policy, str) else f"static:{policy.telling}{policy.bias:+.2f}" \
        f"/{policy.look or 'as_cut'}/{policy.pacing or 'usual'}"
    director = _director(story, policy, profile, seed, learner, memory)
    make = _Production(story, profile, seed)
    played: list[Played] = []
    decided: list[Decided] = []
    counts = {"events": 0, "rejected": 0}
    first_bad: list[str] = []
    clock = {"wall": 0.0, "film": 0.0, "skipped": 0.0}
    bucket = {"tokens": float(MAX_EVENTS_PER_SECOND), "at": 0.0}
    pending_look: list[tuple[str, Estimate]] = []
    pending_pulse: list[tuple[bool, Estimate]] = []
    pulsing = False
    logged = {"n": 0}

    def take_log() -> list[Applied]:
        new = director.drama.log[logged["n"]:]
        logged["n"] = len(director.drama.log)
        return [Applied(kind=i.kind, why=i.why, beat=i.beat, at_s=i.at_s) for i in new]

    def feed(kind: str, t: float, data: dict[str, Any], at: float) -> None:
        if not isinstance(director, _Adaptive) or not director.reads:
            return
        estimate = director.engagement.observe(kind, t, data, at)
        look_name = director.react(estimate, at)
        if look_name is not None:
            pending_look.append((look_name, estimate))
        pulse = director.pulse(estimate, at)
        if pulse is not None:
            pending_pulse.append((pulse, estimate))

    def take(raw: Any, beat_end_wall: float) -> None:
        try:
            if not isinstance(raw, dict):
                raise ValueError(f"an event is a JSON object, not {type(raw).__name__}")
            ev = Event.model_validate(raw)
        except Exception as e:  # noqa: BLE001 - whatever fails to validate is a malformed event
            counts["rejected"] += 1
            if not first_bad:
                detail = e.errors()[0]["msg"] if isinstance(e, ValidationError) else str(e)
                first_bad.append(f"{_shown(raw, 80)}: {_shown(detail, 120)}")
            return
        at = beat_end_wall if ev.at is None else ev.at
        # the socket's rate bound: MAX_EVENTS_PER_SECOND, refilled as wall time passes
        bucket["tokens"] = min(float(MAX_EVENTS_PER_SECOND),
                               bucket["tokens"] + max(0.0, at - bucket["at"]) * MAX_EVENTS_PER_SECOND)
        bucket["at"] = max(bucket["at"], at)
        if bucket["tokens"] < 1:
            counts["rejected"] += 1
            if not first_bad:
                first_bad.append(f"over {MAX_EVENTS_PER_SECOND} events a second: dropped")
            return
        bucket["tokens"] -= 1
        counts["events"] += 1
        if ev.kind == "skip":
            clock["skipped"] += _num(ev.data.get("wanted_s"), 0.0)
        elif ev.kind == "seek" and _num(ev.data.get("to"), ev.t) > ev.t:
            clock["skipped"] += _num(ev.data.get("to"), ev.t) - ev.t
        feed(ev.kind, ev.t, dict(ev.data), at)

    def variant(beat: Beat) -> VariantName | None:
        return director.variant(beat, clock["film"])

    def chooser(beat: Beat, offered: list[Option], visit: int) -> Option:
        assert beat.choice is not None
        choice = beat.choice
        default = next((o for o in offered if o.id == choice.default), offered[0])
        goal = director.drama.goal
        start = played[-1].start_s if played else 0.0
        offer = Offer(choice=choice.id, beat=beat.id, prompt=choice.prompt, default=default.id,
                      timeout_s=choice.timeout_s, at_s=start,
                      options=[OfferOption(id=o.id, text=o.text, marks=[m for m, on in (
                          ("toward_goal", bool(goal and director.drama.reaches(o.target, goal))),
                          ("costs_a_life", director.drama.kills(o))) if on]) for o in offered])
        shown_at = clock["wall"]
        feed("choice", start, {"shown": choice.id}, shown_at)
        raw = _call("choose()", lambda: viewer.choose(offer.model_copy(deep=True)))
        option_id, latency, bad = _answer(raw, offer)
        if bad:  # (an answer the server would refuse: dropped and counted, as a malformed event is)
            counts["rejected"] += 1
            if not first_bad:
                first_bad.append(bad)
        if option_id is None or latency >= offer.timeout_s:
            latency = offer.timeout_s
            feed("choice", start + latency, {"choice": choice.id, "option": default.id, "by": "timeout",
                                             "latency_ms": round(latency * 1000)}, shown_at + latency)
            nxt = {o.id: walk.target(beat, o) for o in offered}
            option, picked = director.option(beat, offered, nxt, default, clock["film"])
            by = "director" if picked else "timeout"
        else:
            feed("choice", start + latency, {"choice": choice.id, "option": option_id, "by": "viewer",
                                             "latency_ms": round(latency * 1000)}, shown_at + latency)
            option, by = next(o for o in offered if o.id == option_id), "viewer"
        clock["wall"] = shown_at + max(0.0, latency - max(0.0, clock["film"] - start))
        decided.append(Decided(choice=choice.id, option=option.id, by=by, latency_s=round(latency, 3)))
        return option

    walk = Walk(story, chooser, seed=seed, variant=variant)
    problem: str | None = None
    left = complete = False
    from ..trust.ratings import within_rating

    try:
        for step in walk:
            step = within_rating(story, walk, profile)
            beat = story.graph.beat(step.beat)
            cards = make.enter(beat)  # a new episode: the end card of the last, this one's title
            clock["film"] += cards
            clock["wall"] += cards
            pacing = director.pacing(beat, clock["film"])
            unheard = director.unheard() if isinstance(director, _Adaptive) else None
            if unheard is not None:  # nothing heard for a while: the look and the pulse follow the lean alone
                look_name = director.react(unheard, clock["wall"])
                if look_name is not None:
                    pending_look.append((look_name, unheard))
                pulse_on = director.pulse(unheard, clock["wall"])
                if pulse_on is not None:
                    pending_pulse.append((pulse_on, unheard))
            if pending_look:  # the look the director turned to while the last beat played
                look_name, estimate = pending_look[-1]
                pending_look.clear()
                director.drama.looked(look_name, estimate, beat.id, clock["film"])
                director.look = None if look_name == "as_cut" else look_name
            if pending_pulse:  # (one that started and stopped again in the last beat never sounded)
                on, estimate = pending_pulse[-1]
                pending_pulse.clear()
                if on != pulsing:
                    director.drama.pulsed(on, estimate, beat.id, clock["film"])
                    pulsing = on
            if policy == "oracle":
                step, pacing, director.look = _oracle(make, viewer, story, walk, beat, step)
            shots, told = make.beat(beat, step, walk.visits[beat.id], pacing, director.look)
            seconds = sum(s.frames for s in shots) / make.camera.fps
            p = make.played(beat, step, len(played), shots, told, pacing, director.look, clock["film"], take_log(),
                            pulse=pulsing)
            played.append(p)
            end_wall = clock["wall"] + seconds
            events = _call("see()", lambda: viewer.see(p.model_copy(deep=True)))
            if not isinstance(events, list):
                counts["rejected"] += 1
                if not first_bad:
                    first_bad.append(f"see() returned {type(events).__name__}, not a list of events")
                events = []
            before = (clock["skipped"], counts["events"])
            for raw in events:
                take(raw, end_wall)
            if isinstance(director, _Learned):
                director.session.played(seconds, clock["skipped"] - before[0], counts["events"] - before[1])
            clock["film"] += seconds
            clock["wall"] = end_wall
            if _call("gone", lambda: bool(getattr(viewer, "gone", False))):
                left = True
                break
        else:
            complete = True
    except _ViewerFailed as e:
        problem = str(e)
    except DreamreelError as e:
        problem = f"the story cannot be played: {e}"
    if problem is None and first_bad:
        problem = f"{counts['rejected']} malformed event(s) or answers dropped; the first: {first_bad[0]}"
    if isinstance(director, _Learned) and problem is None:  # (a broken viewing teaches nothing)
        decisions = director.session.finish(complete)
        if log is not None:
            log.extend(decisions)
    film_s = clock["film"]
    return Viewing(story_id=story.id, policy=name, seed=seed, played=played, choices=decided,
                   interventions=[Applied(kind=i.kind, why=i.why, beat=i.beat, at_s=i.at_s)
                                  for i in director.drama.log],
                   seconds=round(film_s, 3), watched_s=round(max(0.0, film_s - clock["skipped"]), 3),
                   left=left, complete=complete, events=counts["events"], rejected=counts["rejected"],
                   problem=problem)


def _oracle(make: _Production, viewer: Any, story: Story, walk: Walk, beat: Beat,
            step: PathStep) -> tuple[PathStep, Pacing | None, str | None]:
    """The candidate telling, pace and look the viewer would enjoy most at this beat."""
    best: tuple[float, PathStep, Pacing | None, str | None] | None = None
    for name in [None, *sorted(beat.variants)]:
        cand = step.model_copy(update={"variant": name})
        for pacing, look in _TREATMENTS:
            shots, told = make.beat(beat, cand, walk.visits[beat.id], pacing, look, preview=True)
            p = make.played(beat, cand, 0, shots, told, pacing, look, 0.0, [])
            score = _call("preview()", lambda p=p: float(viewer.preview(p)))
            if best is None or score > best[0]:
                best = (score, cand, pacing, look)
    assert best is not None
    walk.steps[-1] = best[1]
    return best[1], best[2], best[3]


# -- schemas -------------------------------------------------------------------------------


def schemas() -> dict[str, dict]:
    """The JSON Schemas of what the harness hands a viewer and takes back."""
    from ..model.schemas import schema_text

    out = {"played": json.loads(schema_text(Played)), "offer": json.loads(schema_text(Offer)),
           "viewing": json.loads(schema_text(Viewing))}
    defs: dict[str, Any] = {}
    for m in _TYPED:
        s = m.model_json_schema(ref_template="#/$defs/{model}")
        defs.update(s.pop("$defs", {}))
        defs[m.__name__] = s
    out["event"] = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "PlayerEvent",
                    "description": "What the browser player sends, one kind at a time (serve/static/player.js)", "oneOf": [{"$ref": f"#/$defs/{m.__name__}"} for m in _TYPED],
                    "$defs": defs}
    return out


def write_schemas(folder: str | Path) -> list[Path]:
    """Write played/offer/event/viewing ``.schema.json`` into ``folder``."""
    from ..store.files import write_atomic

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return [write_atomic(folder / f"{name}.schema.json", json.dumps(s, indent=2, sort_keys=True) + "\n")
            for name, s in schemas().items()]


__all__ = ["POLICIES", "START", "STATIC", "Applied", "Decided", "Event", "Intervention", "LineSaid", "LookMade", "Offer",
           "OfferOption", "Played", "Schedule", "ScoreMade", "ShotsMade", "Viewer", "Viewing", "schemas", "watch",
           "write_schemas"]
