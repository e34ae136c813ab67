"""The series bible: world, cast and style. Every later stage draws from it."""

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from .base import SCHEMA_VERSION, Hex, Ident, Model, Prose, ShortText, Unit

#: Kinds of place the renderer knows how to draw.
PlaceKind = Literal[
    "city_street", "rooftop", "alley", "interior", "office", "bar", "apartment", "ballroom",
    "warehouse", "lab", "spaceship", "space_station", "mars_dome", "desert", "forest",
    "mountain", "sea", "beach", "cave", "castle", "village", "ruins", "train", "saloon",
]
TimeOfDay = Literal["dawn", "day", "dusk", "night"]
#: "flood": water lying over the ground (and the floors of the rooms it reached), with rain falling outdoors.
Weather = Literal["clear", "rain", "snow", "fog", "dust", "storm", "embers", "flood"]
Role = Literal["protagonist", "antagonist", "ally", "mentor", "love_interest", "rival", "wildcard", "narrator"]
Build = Literal["slim", "average", "broad", "small", "tall"]
Face = Literal["round", "oval", "square", "long", "heart"]
Age = Literal["child", "young", "adult", "middle", "old"]


class Look(Model):
    """How a character is drawn: read by the renderer's puppets."""

    build: Build = "average"
    face: Face = "oval"
    age: Age = "adult"
    skin: Hex = "#c68e62"
    hair_style: ShortText = "short"
    hair_color: Hex = "#2b1d14"
    eye_color: Hex = "#3b2a1a"
    clothing: ShortText = "jacket"
    clothing_colors: list[Hex] = Field(default_factory=lambda: ["#334455"], min_length=1, max_length=4)
    accessories: list[ShortText] = Field(default_factory=list, max_length=6)
    species: ShortText = "human"


class VoiceSpec(Model):
    """How a character sounds: read by the voice backend."""

    descriptor: ShortText = "even, clear"
    pitch: Annotated[float, Field(ge=-1, le=1)] = 0.0
    speed: Annotated[float, Field(ge=0.5, le=2.0)] = 1.0
    timbre: Annotated[float, Field(ge=-1, le=1, description="-1 dark .. 1 bright")] = 0.0
    #: The speaking pitch's median. None: designed at casting from pronouns, age, species and
    #: the descriptor (synth/voice/design.py); set, it is kept (a likeness's chosen voice).
    median_hz: Annotated[float, Field(ge=60, le=420)] | None = None
    #: Vocal-tract length as a formant scale against an adult man's (a woman ~1.17, a child ~1.3).
    tract: Annotated[float, Field(ge=0.75, le=1.45)] | None = None
    pitch_range: Annotated[float, Field(ge=0.2, le=2.5, description="how much the pitch moves, x natural")] = 1.0
    breath: Annotated[float, Field(ge=0, le=1, description="air in the voice: 0 clear .. 1 all breath")] = 0.0
    #: A line's delivery (set per line by casting from its emotion and direction).
    level_db: Annotated[float, Field(ge=-20, le=10)] = 0.0
    whisper: bool = False


class Character(Model):
    id: Ident
    name: ShortText
    role: Role
    archetype: ShortText
    #: What they are, as a noun ("chef", "dragon", "lighthouse keeper"): what the story calls them.
    job: ShortText | None = None
    pronouns: Literal["she", "he", "they"] = "they"
    goal: Prose
    conflict: Prose
    traits: list[ShortText] = Field(default_factory=list, max_length=8)
    secret: Prose | None = None
    look: Look = Field(default_factory=Look)
    voice: VoiceSpec = Field(default_factory=VoiceSpec)


class Performer(Model):
    """Someone cast in a part before the story is written (a viewer's likeness): who they are,
    how they look and sound; the story gives them the part."""

    name: ShortText
    pronouns: Literal["she", "he", "they"] = "they"
    look: Look = Field(default_factory=Look)
    voice: VoiceSpec = Field(default_factory=VoiceSpec)


class Place(Model):
    id: Ident
    name: ShortText
    kind: PlaceKind
    description: Prose
    time_of_day: TimeOfDay = "night"
    weather: Weather = "clear"


class World(Model):
    name: ShortText
    era: ShortText
    description: Prose
    #: Facts that hold everywhere in this world ("oxygen is rationed by the hour").
    rules: list[Prose] = Field(default_factory=list, max_length=12)
    places: list[Place] = Field(min_length=1)
    #: The real country it is set in (ISO 3166 alpha-2), where the request names one: how its
    #: villages and streets are built, whose names its people have. None: nowhere real, or not said.
    country: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] | None = None


class StyleGuide(Model):
    look: ShortText
    palette: list[Hex] = Field(min_length=2, max_length=8)
    monochrome: bool = False
    contrast: Unit = 0.5
    grain: Unit = 0.0
    lighting: ShortText = "soft key light"
    era: ShortText
    motifs: list[ShortText] = Field(default_factory=list, max_length=10)
    music: ShortText = "ambient"


class Bible(Model):
    schema_version: int = SCHEMA_VERSION
    title: ShortText
    logline: Prose
    genres: list[str] = Field(min_length=1, max_length=2)
    tone: ShortText
    world: World
    cast: list[Character] = Field(min_length=1, max_length=24)
    style: StyleGuide
    #: The character who tells the story ("told by the ghost"): narration is in their voice.
    narrator: Ident | None = None

    @model_validator(mode="after")
    def _unique_ids(self) -> "Bible":
        for label, ids in (("cast", [c.id for c in self.cast]), ("world.places", [p.id for p in self.world.places])):
            seen: set[str] = set()
            for i in ids:
                if i in seen:
                    raise ValueError(f"{label}: id {i!r} is used twice")
                seen.add(i)
        return self

    def character(self, cid: str) -> Character:
        for c in self.cast:
            if c.id == cid:
                return c
        raise KeyError(cid)

    def place(self, pid: str) -> Place:
        for p in self.world.places:
            if p.id == pid:
                return p
        raise KeyError(pid)
