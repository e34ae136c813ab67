"""Beat -> shots: the film grammar that turns a played path into one shot list per episode.

Each episode opens on a title card and closes on an end card. Each beat becomes, in order:

* an establishing shot (wide, panning, nobody in it) when the setting changes (place, hour or
  weather);
* a wide scene shot of everyone there, the narration read over it (or held for the action when
  there is no narration);
* sometimes an insert of the MacGuffin when the beat mentions it;
* a dialogue shot per line (the speaker favoured: a medium two-shot with the listener, or a
  close-up; one speaker's consecutive short lines share a shot), with reaction shots of the
  listener between turns; two shots in a row never share a framing (no jump cuts).

Timing comes from the *measured* speech: a cue lasts exactly its line's duration, lines are
separated by a short pause, and holds (establishing, action, reaction, insert) are scaled by the
viewer's pacing and shortened by tension, so a tense beat cuts faster and moves closer (more
close-ups, handheld above a tension of 0.75). Each shot is rounded to whole frames on its own
and shots are laid end to end, so every shot list is contiguous and a shot's content never
depends on its position in the cut.

Decisions are seeded per beat visit, not per position, so editing one beat leaves the other
beats' shots (and their render seeds) unchanged.
"""

import hashlib
import math
import random
from dataclasses import dataclass, field

from ..director.path import telling
from ..errors import BadInputError
from ..model.profile import Pacing, Profile
from ..model.shot import (
    CameraMove,
    Cue,
    PathStep,
    PlayPath,
    Shot,
    ShotKind,
    ShotList,
    ShotSize,
    SpeechTiming,
    StageAction,
)
from ..model.story import Beat, BeatVariant, Emotion, Story
from . import staging
from .lighting import light
from .props import find_macguffin, head_noun
from .timing import estimate_timings

#: Seconds a title card and an end card stay on screen.
TITLE_SECONDS = 2.5
END_SECONDS = 2.5
#: An establishing shot holds at least this long: long enough to read the place.
ESTABLISH_SECONDS = 2.0
#: The shortest reaction shot (a glance still has to register).
REACTION_MIN_SECONDS = 0.8
#: Above this tension the camera goes handheld.
HANDHELD_AT = 0.75
#: Holds are multiplied by this for the viewer's pacing.
PACE: dict[Pacing, float] = {"slow": 1.25, "medium": 1.0, "fast": 0.8}
#: One speaker's consecutive lines share a shot up to this length.
HOLD_SPEAKER_SECONDS = 8.0
#: Emotions that pull the camera in.
STRONG: set[Emotion] = {"angry", "afraid", "surprised", "determined", "sad", "tender"}


def tension_factor(tension: float) -> float:
    """Holds shrink as tension rises: 1.13 at 0.2, 0.68 at 0.95."""
    return 1.25 - 0.6 * tension


def pause_seconds(tension: float, pacing: Pacing = "medium") -> float:
    """The silence between two lines (half before a line's cue in its shot, half after)."""
    return round(0.25 * PACE[pacing] * (1.2 - 0.4 * tension), 4)


#: A line placed in a planned shot: (seconds from the shot's start, its timing, its emotion).
_Placed = tuple[float, SpeechTiming, Emotion]


@dataclass
class _Piece:
    """A shot planned in seconds, before the cut is fixed to frames."""

    kind: ShotKind
    size: ShotSize
    move: CameraMove
    seconds: float
    beat: Beat
    tension: float
    on_screen: list[str] = field(default_factory=list)
    focus: str | None = None
    cues: list[_Placed] = field(default_factory=list)
    caption: str | None = None
    action: StageAction | None = None
    props: list[str] = field(default_factory=list)
    seed: int = 0


def _hash(*parts: object) -> int:
    return int.from_bytes(hashlib.sha256(":".join(map(str, parts)).encode()).digest()[:8], "big")


class _Planner:
    def __init__(self, story: Story, timings: list[SpeechTiming], profile: Profile | None, fps: int, seed: int):
        self.story, self.profile, self.fps, self.seed = story, profile, fps, seed
        self.pacing: Pacing = profile.pacing if profile else "medium"
        self.pace = PACE[self.pacing]
        #: Scales every hold so an episode comes close to the story's target length (see fit_episode).
        self.fit = 1.0
        self.min_seconds = max(0.5, 1.5 / fps)  # every shot keeps at least one frame after rounding
        self.timings: dict[tuple[str, int], SpeechTiming] = {}
        self.learn(timings)
        # What each episode turns on, as the story records it; else the object its text keeps naming.
        self.macguffin = find_macguffin(story)
        self.things = {e.number: e.object for e in story.graph.episodes if e.object}

    def learn(self, timings: list[SpeechTiming]) -> None:
        """Take in the timings of lines voiced since."""
        for t in timings:
            self.timings[(t.beat, t.index)] = t

    # -- lookups -----------------------------------------------------------------------------

    def timing(self, beat: Beat, index: int, text: str, speaker: str) -> SpeechTiming:
        t = self.timings.get((beat.id, index))
        what = "narration" if index == -1 else f"line {index}"
        if t is None:
            raise BadInputError(f"no speech timing for beat {beat.id} {what}; voice the path first "
                                f"(or use camera.estimate_timings)")
        if t.text.strip() != text.strip() or t.speaker != speaker:
            raise BadInputError(f"the speech timing for beat {beat.id} {what} is for other words "
                                f"({t.speaker}: {t.text[:40]!r}); voice this path again")
        return t

    @property
    def tight(self) -> bool:
        """The episode is over its target length: the cut keeps to what tells the story (a place
        is established when it changes, not when only the hour or weather does; one reaction a
        beat; one insert of the object) before it shortens the holds."""
        return self.fit < 1.0

    def hold(self, base: float, tension: float) -> float:
        return max(self.min_seconds, base * self.pace * tension_factor(tension) * self.fit)

    # -- one beat ----------------------------------------------------------------------------

    def beat_pieces(self, beat: Beat, told: Beat | BeatVariant, visit: int, new_setting: bool,
                    first_mention: bool) -> list[_Piece]:
        tension = told.tension
        rng = random.Random(_hash(self.seed, self.story.id, beat.id, visit, "camera"))
        pause = pause_seconds(tension, self.pacing)
        present = list(dict.fromkeys([*beat.characters, *(ln.speaker for ln in told.lines)]))
        out: list[_Piece] = []

        def piece(kind: ShotKind, size: ShotSize, move: CameraMove, seconds: float, *,
                  on_screen: list[str] | None = None, focus: str | None = None, cues: list[_Placed] | None = None,
                  caption: str | None = None, action: StageAction | None = None,
                  props: list[str] | None = None) -> None:
            out.append(_Piece(kind, size, move, max(self.min_seconds, seconds), beat, tension, on_screen or [], focus,
                              cues or [], caption, action, props or []))

        narration = self.timing(beat, -1, told.narration, "narrator") if told.narration.strip() else None
        lead = self.hold(0.6, tension)
        # The place first, then the people in it: the narration plays over the master shot of the
        # characters acting it out, or over the empty place when nobody is there.
        # What the people do: the action text staged (the one it names first leads), holding the
        # story's object when the beat names it. Narration never plays over people standing still.
        action = staging.action_of(told.action) or staging.action_of(told.narration)
        thing = self.thing(beat.episode)
        props = [thing] if thing and self.mentions(told, thing) else []
        actors = staging.leader(told.action or told.narration, self.story.bible.cast, present)
        if new_setting:
            move: CameraMove = "push_in" if tension >= 0.6 else "pan"
            if narration and not present:
                piece("establishing", "wide", move, max(ESTABLISH_SECONDS, lead + narration.duration + pause),
                      cues=[(lead, narration, "neutral")])
            else:
                # long enough to read the place, however fast the pacing
                piece("establishing", "wide", move, max(ESTABLISH_SECONDS, self.hold(2.4, tension)))
        if narration and (present or not new_setting):
            staged = action or ("walk" if present else None)
            move = self.scene_move(tension)
            piece("scene", "wide", "pan" if move == "static" else move, lead + narration.duration + pause,
                  on_screen=actors, cues=[(lead, narration, "neutral")], action=staged, props=props)
        elif present and told.action.strip():
            words = len(told.action.split())
            piece("scene", "wide" if len(present) >= 3 or action else "medium", self.scene_move(tension),
                  self.hold(min(3.5, max(1.6 if action else 1.2, words / 3.5)), tension), on_screen=actors,
                  action=action, props=props)
        # Tight for time (see episode_fit): the object gets its close look once, not again.
        if thing and props and (first_mention or (not self.tight and rng.random() < 0.5)):
            piece("insert", "insert", "push_in", max(1.5, self.hold(1.8, tension)), caption=thing[:200],
                  props=[thing])
        reacted = False
        for i, ln in enumerate(told.lines):
            t = self.timing(beat, i, ln.text, ln.speaker)
            listener = self.listener(told, i, present)
            prev = out[-1] if out else None
            if prev is not None and prev.kind == "dialogue" and prev.focus == ln.speaker \
                    and prev.seconds + pause + t.duration <= HOLD_SPEAKER_SECONDS:
                # The same speaker goes on: stay on them; a cut to the same framing would be a jump cut.
                prev.cues.append((prev.seconds + pause / 2, t, ln.emotion))
                prev.seconds += pause / 2 + t.duration + pause / 2
            else:
                close = rng.random() < min(0.95, 0.1 + 0.8 * tension + (0.15 if ln.emotion in STRONG else 0.0))
                size, on_screen = self.framing(close, ln.speaker, listener, present)
                if prev is not None and (prev.size, prev.on_screen) == (size, on_screen):
                    size, on_screen = self.framing(size != "close_up", ln.speaker, listener, present)
                piece("dialogue", size, self.dialogue_move(tension, ln.emotion, rng),
                      pause / 2 + t.duration + pause / 2, on_screen=on_screen, focus=ln.speaker,
                      cues=[(pause / 2, t, ln.emotion)])
            last = i + 1 == len(told.lines)
            turn = not last and told.lines[i + 1].speaker != ln.speaker
            # Reactions come at turns, more often as tension rises; every exchange gets at least one,
            # and a tense one often closes on the listener's face as well.
            # Tight for time, only the exchange's last line lands on the listener.
            react = turn and not self.tight and rng.random() < 0.25 + 0.6 * tension
            react |= last and (not reacted or (not self.tight and rng.random() < 1.4 * tension - 0.6))
            if listener is not None and react:
                reacted = True
                # reactions vary in length (a glance, a look, a long stare), never under 0.8 s
                # a slow push-in on the listener: the moment lands on their face
                piece("reaction", "close_up" if tension >= 0.5 else "medium",
                      "handheld" if tension >= HANDHELD_AT else "push_in",
                      max(REACTION_MIN_SECONDS, self.hold(1.2, tension)) * rng.uniform(0.85, 1.7),
                      on_screen=[listener], focus=listener)
        if not out:  # a silent beat in the same setting still gets seen
            piece("scene", "wide" if len(present) >= 3 else "medium", self.scene_move(tension),
                  self.hold(2.0, tension), on_screen=present)
        self.on_the_bar(out)
        for k, p in enumerate(out):
            p.seed = _hash(self.seed, self.story.id, beat.id, visit, k) & 0x7FFFFFFF
        return out

    def on_the_bar(self, pieces: list[_Piece]) -> None:
        """A song's lines start on its bar lines. The beat's first sung line sets the grid (the
        score's song section starts its bars on that line's first note); every later one has
        its first note moved to the first bar line it can reach: the pause before it (or the
        shot's lead-in) taken up or drawn out, never overlapping the line before. Shots are
        counted as the cut rounds them to frames, so the grid holds to the sample."""
        origin: float | None = None
        t0 = 0.0  # seconds from the beat's start to the piece's start, as cut to frames
        for p in pieces:
            done = 0.0  # where the piece's last line ended
            for k in range(len(p.cues)):
                offset, timing, emotion = p.cues[k]
                song = timing.song
                if song is not None:
                    if origin is None:
                        origin = t0 + offset + song.first_note
                    else:
                        bar = song.beat_s * song.meter
                        earliest = t0 + done + song.first_note
                        on_bar = origin + math.ceil((earliest - origin) / bar - 1e-6) * bar
                        shift = on_bar - song.first_note - t0 - offset
                        p.cues[k:] = [(o + shift, t, e) for o, t, e in p.cues[k:]]
                        p.seconds = max(self.min_seconds, p.seconds + shift)
                        offset += shift
                done = offset + timing.duration
            t0 += max(1, round(p.seconds * self.fps)) / self.fps

    def thing(self, episode: int) -> str | None:
        """The object this episode turns on."""
        return self.things.get(episode, self.macguffin)

    @staticmethod
    def mentions(told: Beat | BeatVariant, thing: str) -> bool:
        text = " ".join([told.narration, told.action, *(ln.text for ln in told.lines)]).lower()
        bare = thing.lower()
        return bare in text or f" {head_noun(bare)}" in f" {text}"

    @staticmethod
    def framing(close: bool, speaker: str, listener: str | None, present: list[str]) -> tuple[ShotSize, list[str]]:
        """A close-up single, or a medium two-shot with the listener (a single when alone)."""
        if close:
            return "close_up", [speaker]
        if listener is None:
            return "medium", [speaker]
        # Left to right as the beat lists them, so each keeps a side of the screen (the 180-degree rule).
        return "medium", sorted([speaker, listener], key=present.index)

    @staticmethod
    def listener(told: Beat | BeatVariant, i: int, present: list[str]) -> str | None:
        """Who a line is spoken to: the next other speaker, else the last other one, else anyone there."""
        speaker = told.lines[i].speaker
        for ln in [*told.lines[i + 1:], *reversed(told.lines[:i])]:
            if ln.speaker != speaker:
                return ln.speaker
        return next((c for c in present if c != speaker), None)

    @staticmethod
    def scene_move(tension: float) -> CameraMove:
        return "handheld" if tension >= HANDHELD_AT else "push_in" if tension >= 0.5 else "static"

    @staticmethod
    def dialogue_move(tension: float, emotion: Emotion, rng: random.Random) -> CameraMove:
        if tension >= HANDHELD_AT:
            return "handheld"
        if emotion in STRONG or rng.random() < tension * 0.5:
            return "push_in"
        return "static"

    # -- one episode -------------------------------------------------------------------------

    def title_piece(self, number: int, first: Beat) -> _Piece:
        """The episode's title card: a film of one episode is called by its story's title (its
        episode's title is a stock one, "The Setback", that said nothing of "Ready by the Big Day")."""
        episodes = self.story.graph.episodes
        title = self.story.bible.title if len(episodes) == 1 else episodes[number - 1].title
        return _Piece("title", "wide", "static", TITLE_SECONDS, first, 0.0, caption=title[:200],
                      seed=_hash(self.seed, self.story.id, number, "title") & 0x7FFFFFFF)

    def end_piece(self, number: int, last: Beat) -> _Piece:
        series_over = number == len(self.story.graph.episodes) and last.ending is not None
        return _Piece("end", "wide", "static", END_SECONDS, last, 0.0,
                      caption="The End" if series_over else "To be continued",
                      seed=_hash(self.seed, self.story.id, number, "end") & 0x7FFFFFFF)

    def episode(self, number: int, steps: list[tuple[Beat, Beat | BeatVariant, int]]) -> list[_Piece]:
        walk = _Walk(self)
        pieces = [self.title_piece(number, steps[0][0])]
        for beat, told, visit in steps:
            pieces += walk.beat(beat, told, visit)
        return pieces + [self.end_piece(number, steps[-1][0])]

    def shot(self, number: int, n: int, p: _Piece, start: int) -> Shot:
        """Fix a planned piece to frames. Each shot is rounded to whole frames on its own, so its
        content does not depend on where it falls in the episode: editing one beat leaves every
        other shot (and its cached render) exactly as it was."""
        fps = self.fps
        frames = max(1, round(p.seconds * fps))
        seconds = frames / fps
        cues = []
        for offset, timing, emotion in p.cues:
            a = min(max(0.0, offset), seconds)
            cues.append(Cue(beat=timing.beat, index=timing.index, speaker=timing.speaker, text=timing.text,
                            emotion=emotion, start=round(a, 4), end=round(min(a + timing.duration, seconds), 4)))
        beat = p.beat
        place = self.story.bible.place(beat.place)
        shot_id = f"e{number}_title" if p.kind == "title" else f"e{number}_end" if p.kind == "end" \
            else f"e{number}_s{n:03d}"
        lighting = light(self.story.bible.style, self.story.bible.tone, beat.time_of_day, beat.weather,
                         p.tension, self.profile)
        return Shot(id=shot_id, beat=beat.id, episode=number, kind=p.kind, size=p.size, move=p.move,
                    frames=frames, start_frame=start, place=place.id, place_kind=place.kind,
                    time_of_day=beat.time_of_day, weather=beat.weather, on_screen=p.on_screen,
                    focus=p.focus, cues=cues, lighting=lighting, tension=round(p.tension, 3),
                    caption=p.caption, action=p.action, props=[x[:200] for x in p.props[:4]], seed=p.seed)


class _Walk:
    """What the camera remembers from beat to beat within an episode: the setting it is in and
    whether the MacGuffin has had its first close look."""

    def __init__(self, planner: _Planner):
        self.planner = planner
        self.setting: tuple[str, str, str] | None = None
        self.mentioned = False

    def beat(self, beat: Beat, told: Beat | BeatVariant, visit: int) -> list[_Piece]:
        p = self.planner
        now = (beat.place, beat.time_of_day, beat.weather)
        thing = p.thing(beat.episode)
        mention = bool(thing) and p.mentions(told, thing)
        moved = now != self.setting if not p.tight else self.setting is None or now[0] != self.setting[0]
        pieces = p.beat_pieces(beat, told, visit, moved, mention and not self.mentioned)
        self.mentioned |= mention
        self.setting = now
        return pieces


class EpisodeCut:
    """One episode's cut, made a beat at a time: the shots of a beat exist as soon as its lines
    are voiced, so they can be drawn while the next beat is voiced. Fed every beat, it makes the
    same shots as ``plan_shots``.

    ``fit`` scales the holds (see ``episode_fit``); it is fixed before the first beat.
    """

    def __init__(self, planner: _Planner, number: int, fit: float, width: int, height: int,
                 title_cards: bool = True):
        self.planner, self.number, self.fit = planner, number, fit
        self.width, self.height, self.title_cards = width, height, title_cards
        self.shots: list[Shot] = []
        self._walk = _Walk(planner)
        self._n = 0
        self._frame = 0

    def _add(self, pieces: list[_Piece]) -> list[Shot]:
        out = []
        for piece in pieces:
            if self.title_cards or piece.kind not in ("title", "end"):
                shot = self.planner.shot(self.number, self._n, piece, self._frame)
                self._frame += shot.frames
                out.append(shot)
            self._n += 1
        self.shots += out
        return out

    def title(self, first: Beat) -> list[Shot]:
        return self._add([self.planner.title_piece(self.number, first)])

    def beat(self, beat: Beat, told: Beat | BeatVariant, visit: int,
             timings: list[SpeechTiming] | None = None, pacing: Pacing | None = None) -> list[Shot]:
        """The beat's shots; ``timings``: its lines' timings, if the planner does not have them yet;
        ``pacing``: cut this beat at another pace than the viewer's profile says (the director's call)."""
        planner = self.planner
        planner.learn(timings or [])
        planner.fit = self.fit
        usual = planner.pacing
        if pacing is not None:
            planner.pacing, planner.pace = pacing, PACE[pacing]
        try:
            return self._add(self._walk.beat(beat, told, visit))
        finally:
            planner.fit = 1.0
            planner.pacing, planner.pace = usual, PACE[usual]

    def preview(self, beat: Beat, told: Beat | BeatVariant, visit: int,
                timings: list[SpeechTiming] | None = None, pacing: Pacing | None = None) -> list[Shot]:
        """The shots ``beat`` would get if it came next, without cutting it (to render a branch
        before the viewer picks it: the same shots, so the real cut finds them rendered)."""
        saved = (self._walk.setting, self._walk.mentioned, self._n, self._frame, list(self.shots))
        try:
            return self.beat(beat, told, visit, timings, pacing)
        finally:
            self._walk.setting, self._walk.mentioned, self._n, self._frame, self.shots = saved

    def end(self, last: Beat) -> list[Shot]:
        return self._add([self.planner.end_piece(self.number, last)])

    def shot_list(self) -> ShotList:
        return ShotList(story_id=self.planner.story.id, episode=self.number, fps=self.planner.fps,
                        width=self.width, height=self.height, shots=self.shots)


#: Holds never shrink below this share of their natural length, however short the target.
MIN_FIT = 0.35
FIT_STEP = 0.05


def episode_fit(planner: _Planner, number: int, steps: list, target: float) -> float:
    """How much to scale the holds (never the speech) so the episode comes close to the target.

    ``planner`` should hold *estimated* timings (``estimate_timings``): then the fit is known
    before any line is voiced, and depends on the words, not on the voice. The total is close
    to linear in the scale, so two plans bracket the answer; it is rounded to FIT_STEP, so a
    small edit to one beat keeps every other shot's length.
    """
    def total(fit: float) -> float:
        planner.fit = fit
        try:
            return sum(p.seconds for p in planner.episode(number, steps))
        finally:
            planner.fit = 1.0

    if total(1.0) <= target * 1.05:
        return 1.0
    # Over the target, the cut goes tight (any fit under 1: see _Planner.tight) and then shortens
    # the holds as far as it needs.
    tight = 1.0 - FIT_STEP
    full = total(tight)
    if full <= target:
        return tight
    least = total(MIN_FIT)
    if least >= target:
        return MIN_FIT
    fit = MIN_FIT + (tight - MIN_FIT) * (target - least) / (full - least)
    return max(MIN_FIT, round(fit / FIT_STEP) * FIT_STEP)


class ShotPlanner:
    """The camera for one played path, an episode at a time (see ``plan_shots`` for all at once)."""

    def __init__(self, story: Story, path: PlayPath, *, profile: Profile | None = None, fps: int = 24,
                 width: int = 1280, height: int = 720, title_cards: bool = True, seed: int | None = None,
                 cut_as: Story | None = None):
        """``cut_as``: the story this one revises (the same graph, some beats told otherwise):
        each episode's holds are scaled as that story's were (``episode_fit``), not to this
        one's words, so a revised scene leaves every other scene's shots as they were."""
        if path.story_id != story.id:
            raise BadInputError(f"the path is for story {path.story_id!r}, not {story.id!r}")
        if cut_as is not None and cut_as.id != story.id:
            raise BadInputError(f"story {story.id!r} is not a revision of story {cut_as.id!r}")
        if not 1 <= fps <= 120:
            raise BadInputError(f"fps must be 1..120, got {fps}")
        if not (16 <= width <= 7680 and 16 <= height <= 4320):
            raise BadInputError(f"frame size {width}x{height} is out of range (16x16 .. 7680x4320)")
        self.story, self.profile, self.fps = story, profile, fps
        self.width, self.height, self.title_cards = width, height, title_cards
        self.seed = story.seed if seed is None else seed
        #: Per episode, in play order: (beat, its telling, which visit).
        self.episodes: dict[int, list[tuple[Beat, Beat | BeatVariant, int]]] = {}
        #: The same, as the path's steps.
        self.steps: dict[int, list[PathStep]] = {}
        visits: dict[str, int] = {}
        for n, step in enumerate(path.steps):
            told = telling(story, step, f"path step {n}")
            beat = story.graph.beat(step.beat)
            visits[beat.id] = visits.get(beat.id, 0) + 1
            self.episodes.setdefault(beat.episode, []).append((beat, told, visits[beat.id]))
            self.steps.setdefault(beat.episode, []).append(step)
        self._estimated = _Planner(story, estimate_timings(story, path), profile, fps, self.seed)
        self._cut_as = None if cut_as is None else ShotPlanner(
            cut_as, path.model_copy(update={"story_id": cut_as.id}), profile=profile, fps=fps, width=width,
            height=height, title_cards=title_cards, seed=self.seed)

    def fit(self, number: int) -> float:
        """How episode ``number``'s holds are scaled (``episode_fit``; with ``cut_as``, as that story's were)."""
        if self._cut_as is not None:
            return self._cut_as.fit(number)
        return episode_fit(self._estimated, number, self.episodes[number], float(self.story.request.target_seconds))

    def cut(self, number: int, timings: list[SpeechTiming]) -> EpisodeCut:
        """An episode's cut, to be fed its beats; ``timings`` may grow as lines are voiced."""
        fit = self.fit(number)
        planner = _Planner(self.story, timings, self.profile, self.fps, self.seed)
        return EpisodeCut(planner, number, fit, self.width, self.height, self.title_cards)


def plan_shots(story: Story, path: PlayPath, timings: list[SpeechTiming], *, profile: Profile | None = None,
               fps: int = 24, width: int = 1280, height: int = 720, title_cards: bool = True,
               seed: int | None = None, cut_as: Story | None = None) -> list[ShotList]:
    """One ShotList per episode the path visits, in play order.

    ``timings`` gives the duration of every voiced line (see ``director.path.voiced_lines``);
    ``seed`` defaults to the story's seed. ``title_cards=False`` leaves out the title and end cards.
    ``cut_as``: the story this one revises (see ``ShotPlanner``).
    """
    planner = ShotPlanner(story, path, profile=profile, fps=fps, width=width, height=height,
                          title_cards=title_cards, seed=seed, cut_as=cut_as)
    out = []
    for number, steps in planner.episodes.items():
        cut = planner.cut(number, timings)
        cut.title(steps[0][0])
        for beat, told, visit in steps:
            cut.beat(beat, told, visit)
        cut.end(steps[-1][0])
        out.append(cut.shot_list())
    return out
