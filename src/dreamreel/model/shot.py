"""Production types: the path played through a story, timed speech, and the shot list.

    Story + path -> voice (timed lines) -> camera (ShotList) -> pictures, score, mix -> cut

The camera works from *measured* speech durations, so the shot list's timings are exact
and the editor's cut matches the plan to the frame.
"""

from typing import Annotated, Literal

from pydantic import Field, model_validator

from .base import SCHEMA_VERSION, Hex, Ident, Model, ShortText, Unit
from .bible import PlaceKind, TimeOfDay, Weather
from .story import Emotion, VariantName

ShotSize = Literal["wide", "medium", "close_up", "insert"]
CameraMove = Literal["static", "pan", "push_in", "handheld"]
ShotKind = Literal["title", "establishing", "scene", "dialogue", "reaction", "insert", "end"]
#: What the people in a shot do, staged from the beat's action text (camera/staging.py).
StageAction = Literal["enter", "exit", "walk", "run", "chase", "fight", "fall", "embrace", "dance", "hide",
                      "pick_up", "hand_over"]


class PathStep(Model):
    """One beat as played: which telling of it, and the option taken at its choice (if any)."""

    beat: Ident
    variant: VariantName | None = None
    option: Ident | None = None


class PlayPath(Model):
    """A route through the graph, as the director (or `--choices`) chose it."""

    schema_version: int = SCHEMA_VERSION
    story_id: Ident
    steps: list[PathStep] = Field(min_length=1)


class WordTiming(Model):
    word: str
    start: Annotated[float, Field(ge=0)]
    end: Annotated[float, Field(ge=0)]


class SungTiming(Model):
    """A sung line in its song: where its first note falls (seconds from the line's start) and
    the song's beat, so the cut can start the line on a bar line of the score."""

    first_note: Annotated[float, Field(ge=0)]
    beat_s: Annotated[float, Field(gt=0)]
    meter: Annotated[int, Field(ge=2, le=12)] = 4


class SpeechTiming(Model):
    """A line as voiced: its length and where each word falls (seconds from the line's start)."""

    beat: Ident
    index: Annotated[int, Field(ge=-1, description="line index in the beat; -1 is the narration")]
    speaker: Ident | Literal["narrator"]
    text: str
    duration: Annotated[float, Field(gt=0)]
    words: list[WordTiming] = Field(default_factory=list)
    song: SungTiming | None = None


class Cue(Model):
    """A line placed in a shot: seconds from the shot's start."""

    beat: Ident
    index: int
    speaker: Ident | Literal["narrator"]
    text: str
    emotion: Emotion = "neutral"
    start: Annotated[float, Field(ge=0)]
    end: Annotated[float, Field(ge=0)]


class Lighting(Model):
    key: Unit = 0.7          # brightness of the key light
    contrast: Unit = 0.5
    warmth: Annotated[float, Field(ge=-1, le=1)] = 0.0  # -1 cold blue .. 1 warm amber
    palette: list[Hex] = Field(min_length=2, max_length=8)
    monochrome: bool = False
    grain: Unit = 0.0


class Shot(Model):
    id: Ident
    beat: Ident
    episode: Annotated[int, Field(ge=1)]
    kind: ShotKind
    size: ShotSize
    move: CameraMove
    #: Frames, not seconds: the cut is exact to the frame.
    frames: Annotated[int, Field(ge=1)]
    #: Frame at which the shot starts in its episode's cut.
    start_frame: Annotated[int, Field(ge=0)]
    place: Ident
    place_kind: PlaceKind
    time_of_day: TimeOfDay
    weather: Weather
    #: Characters on screen, left to right.
    on_screen: list[Ident] = Field(default_factory=list)
    #: Who the camera favours (speaker in a dialogue shot, listener in a reaction shot).
    focus: Ident | None = None
    cues: list[Cue] = Field(default_factory=list)
    lighting: Lighting
    tension: Unit = 0.5
    #: Title and end cards, inserts: the words on screen.
    caption: ShortText | None = None
    #: What the people on screen do (the first of ``on_screen`` leads it), if anything.
    action: StageAction | None = None
    #: Props drawn in the shot (objects the beat names): held by whoever leads the action, or the
    #: insert's subject.
    props: list[ShortText] = Field(default_factory=list, max_length=4)
    seed: int = 0


class ShotList(Model):
    schema_version: int = SCHEMA_VERSION
    story_id: Ident
    episode: Annotated[int, Field(ge=1)]
    fps: Annotated[int, Field(ge=1, le=120)] = 24
    width: Annotated[int, Field(ge=16, le=7680)] = 1280
    height: Annotated[int, Field(ge=16, le=4320)] = 720
    shots: list[Shot] = Field(min_length=1)

    @model_validator(mode="after")
    def _contiguous(self) -> "ShotList":
        frame = 0
        for s in self.shots:
            if s.start_frame != frame:
                raise ValueError(f"shot {s.id} starts at frame {s.start_frame}, expected {frame}")
            frame += s.frames
        return self

    @property
    def frames(self) -> int:
        return sum(s.frames for s in self.shots)

    @property
    def seconds(self) -> float:
        return self.frames / self.fps
