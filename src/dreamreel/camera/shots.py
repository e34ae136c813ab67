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
import random
from dataclasses import dataclass, field

from ..director.path import telling
from ..errors import BadInputError
from ..model.profile import Pacing, Profile
from ..model.shot import (
    CameraMove,
    Cue,
    PlayPath,
    Shot,
    ShotKind,
    ShotList,
    ShotSize,
    SpeechTiming,
)
from ..model.story import Beat, BeatVariant, Emotion, Story
from .lighting import light
from .props import find_macguffin, head_noun

#: Seconds a title card and an end card stay on screen.
TITLE_SECONDS = 2.5
END_SECONDS = 2.5
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
        for t in timings:
            self.timings[(t.beat, t.index)] = t
        self.macguffin = find_macguffin(story)
        self.mention = head_noun(self.macguffin) if self.macguffin else None

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
                  caption: str | None = None) -> None:
            out.append(_Piece(kind, size, move, max(self.min_seconds, seconds), beat, tension, on_screen or [], focus,
                              cues or [], caption))

        narration = self.timing(beat, -1, told.narration, "narrator") if told.narration.strip() else None
        lead = self.hold(0.6, tension)
        # The place first, then the people in it: the narration plays over the master shot of the
        # characters acting it out, or over the empty place when nobody is there.
        if new_setting:
            move: CameraMove = "push_in" if tension >= 0.6 else "pan"
            if narration and not present:
                piece("establishing", "wide", move, lead + narration.duration + pause,
                      cues=[(lead, narration, "neutral")])
            else:
                piece("establishing", "wide", move, self.hold(2.0, tension))
        if narration and (present or not new_setting):
            piece("scene", "wide", self.scene_move(tension), lead + narration.duration + pause,
                  on_screen=present, cues=[(lead, narration, "neutral")])
        elif present and told.action.strip():
            words = len(told.action.split())
            piece("scene", "wide" if len(present) >= 3 else "medium", self.scene_move(tension),
                  self.hold(min(3.5, max(1.2, words / 3.5)), tension), on_screen=present)
        if self.macguffin and self.mention and self.mentions(told) and (first_mention or rng.random() < 0.5):
            piece("insert", "insert", "push_in", self.hold(1.4, tension), caption=self.macguffin[:200])
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
            react = turn and rng.random() < 0.25 + 0.6 * tension
            react |= last and (not reacted or rng.random() < 1.4 * tension - 0.6)
            if listener is not None and react:
                reacted = True
                piece("reaction", "close_up" if tension >= 0.5 else "medium",
                      "handheld" if tension >= HANDHELD_AT else "static", self.hold(1.2, tension),
                      on_screen=[listener], focus=listener)
        if not out:  # a silent beat in the same setting still gets seen
            piece("scene", "wide" if len(present) >= 3 else "medium", self.scene_move(tension),
                  self.hold(2.0, tension), on_screen=present)
        for k, p in enumerate(out):
            p.seed = _hash(self.seed, self.story.id, beat.id, visit, k) & 0x7FFFFFFF
        return out

    def mentions(self, told: Beat | BeatVariant) -> bool:
        assert self.macguffin and self.mention
        text = " ".join([told.narration, told.action, *(ln.text for ln in told.lines)]).lower()
        return self.macguffin in text or f" {self.mention}" in f" {text}"

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

    def episode(self, number: int, steps: list[tuple[Beat, Beat | BeatVariant, int]]) -> list[_Piece]:
        ep = self.story.graph.episodes[number - 1]
        first, last = steps[0][0], steps[-1][0]
        pieces = [_Piece("title", "wide", "static", TITLE_SECONDS, first, 0.0, caption=ep.title[:200],
                         seed=_hash(self.seed, self.story.id, number, "title") & 0x7FFFFFFF)]
        setting: tuple[str, str, str] | None = None
        mentioned = False
        for beat, told, visit in steps:
            now = (beat.place, beat.time_of_day, beat.weather)
            mention = bool(self.macguffin) and self.mentions(told)
            pieces += self.beat_pieces(beat, told, visit, now != setting, mention and not mentioned)
            mentioned |= mention
            setting = now
        series_over = number == len(self.story.graph.episodes) and last.ending is not None
        pieces.append(_Piece("end", "wide", "static", END_SECONDS, last, 0.0,
                             caption="The End" if series_over else "To be continued",
                             seed=_hash(self.seed, self.story.id, number, "end") & 0x7FFFFFFF))
        return pieces

    def cut(self, number: int, pieces: list[_Piece], width: int, height: int) -> ShotList:
        """Fix the cut to frames. Each shot is rounded to whole frames on its own, so a shot's
        content does not depend on where it falls in the episode: editing one beat leaves every
        other shot (and its cached render) exactly as it was."""
        fps, shots, start = self.fps, [], 0
        for n, p in enumerate(pieces):
            frames = max(1, round(p.seconds * fps))
            end = start + frames
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
            shots.append(Shot(id=shot_id, beat=beat.id, episode=number, kind=p.kind, size=p.size, move=p.move,
                              frames=end - start, start_frame=start, place=place.id, place_kind=place.kind,
                              time_of_day=beat.time_of_day, weather=beat.weather, on_screen=p.on_screen,
                              focus=p.focus, cues=cues, lighting=lighting, tension=round(p.tension, 3),
                              caption=p.caption, seed=p.seed))
            start = end
        return ShotList(story_id=self.story.id, episode=number, fps=fps, width=width, height=height, shots=shots)


#: Holds never shrink below this share of their natural length, however short the target.
MIN_FIT = 0.35
FIT_STEP = 0.05


def fit_episode(planner: "_Planner", number: int, steps: list, target: float) -> list["_Piece"]:
    """Plan an episode, shortening the holds (never the speech) toward the target runtime.

    Speech is fixed; only the silent time (establishing shots, masters, reactions, inserts)
    gives. The total is close to linear in the hold scale, so two plans bracket the answer.
    """
    def total(fit: float) -> tuple[float, list]:
        planner.fit = fit
        pieces = planner.episode(number, steps)
        return sum(p.seconds for p in pieces), pieces

    full, pieces = total(1.0)
    if full > target * 1.05:
        least, short = total(MIN_FIT)
        if least >= target:
            pieces = short
        else:
            fit = MIN_FIT + (1 - MIN_FIT) * (target - least) / (full - least)
            # In steps of FIT_STEP, so a small edit to one beat keeps every other shot's length.
            _, pieces = total(max(MIN_FIT, round(fit / FIT_STEP) * FIT_STEP))
    planner.fit = 1.0
    return pieces


def plan_shots(story: Story, path: PlayPath, timings: list[SpeechTiming], *, profile: Profile | None = None,
               fps: int = 24, width: int = 1280, height: int = 720, title_cards: bool = True,
               seed: int | None = None) -> list[ShotList]:
    """One ShotList per episode the path visits, in play order.

    ``timings`` gives the duration of every voiced line (see ``director.path.voiced_lines``);
    ``seed`` defaults to the story's seed. ``title_cards=False`` leaves out the title and end cards.
    """
    if path.story_id != story.id:
        raise BadInputError(f"the path is for story {path.story_id!r}, not {story.id!r}")
    if not 1 <= fps <= 120:
        raise BadInputError(f"fps must be 1..120, got {fps}")
    if not (16 <= width <= 7680 and 16 <= height <= 4320):
        raise BadInputError(f"frame size {width}x{height} is out of range (16x16 .. 7680x4320)")
    planner = _Planner(story, timings, profile, fps, story.seed if seed is None else seed)
    by_episode: dict[int, list[tuple[Beat, Beat | BeatVariant, int]]] = {}
    visits: dict[str, int] = {}
    for n, step in enumerate(path.steps):
        told = telling(story, step, f"path step {n}")
        beat = story.graph.beat(step.beat)
        visits[beat.id] = visits.get(beat.id, 0) + 1
        by_episode.setdefault(beat.episode, []).append((beat, told, visits[beat.id]))
    out = []
    for number, steps in by_episode.items():
        pieces = fit_episode(planner, number, steps, float(story.request.target_seconds))
        if not title_cards:
            pieces = [p for p in pieces if p.kind not in ("title", "end")]
        out.append(planner.cut(number, pieces, width, height))
    return out
