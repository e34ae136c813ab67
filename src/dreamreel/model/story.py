"""The story graph: beats, choices, state, endings and where the story can go on.

How a graph plays (the director, the exporters and the validator all follow this):

* Entering a beat applies its ``effects`` to the story state.
* Then, if the beat is an ending (``ending`` is set), the episode ends there; play goes
  on at the next episode's ``entry`` with the state carried over. After the last
  episode the series ends, and an extension point on that beat says how it could go on.
* Else, if the beat has a ``choice``, the options whose ``condition`` holds are offered;
  the chosen option (or ``default`` on timeout) applies its effects and goes to its target.
* Else the first edge in ``next`` whose condition holds is taken.
* A target is a beat id or a segment group id; a group plays the first candidate whose
  condition holds (Netflix-style segment groups).
"""

import re
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from .base import SCHEMA_VERSION, Ident, Model, Prose, ShortText, Unit
from .bible import Bible, TimeOfDay, Weather
from .content import ContentFlag
from .pack import PackRef
from .request import Request
from .state import Condition, Effect, Variable

Emotion = Literal[
    "neutral", "happy", "sad", "angry", "afraid", "surprised", "tender", "determined", "sly", "tired",
]
BeatRole = Literal[
    "setup", "inciting", "escalation", "midpoint", "crisis", "climax", "resolution", "subplot", "interlude",
]
EndingKind = Literal["triumph", "tragedy", "bittersweet", "twist", "open"]
VariantName = Literal["calm", "intense"]
Levels = dict[ContentFlag, Annotated[int, Field(ge=0, le=3)]]


#: The most characters one line holds once validated: a longer one becomes several lines.
LINE_CHARS = 600
#: Where a long line may be cut, best first: after a sentence, a clause, a word.
#: (Chinese and Japanese put no space after their stops and commas.)
_CUTS = (re.compile(r"(?<=[.!?\u2026])[\"'\u201d\u2019)\]]*\s+|(?<=[\u3002\uff01\uff1f])\s*"),
         re.compile(r"(?<=[,;:\u2014])\s+|(?<=[\u3001\uff0c])\s*"), re.compile(r"\s+"))


class Line(Model):
    """One character's line. An empty (or blank) text is a held beat: a pause in the speaker's
    shot. A text over 600 characters is accepted: its beat splits it at sentence boundaries
    into several lines of the same speaker, so a writer (an ink import, an LLM, a revision)
    never has a scene refused for one long speech."""

    speaker: Ident
    text: str
    emotion: Emotion = "neutral"
    #: A parenthetical for the actor, e.g. "under her breath".
    direction: ShortText | None = None
    #: How it is delivered: spoken in the scene, sung (a musical's number, to the score's
    #: melody), or said to camera (a mockumentary's interview).
    delivery: Literal["spoken", "sung", "to_camera"] = "spoken"


def _pieces(text: str, limit: int, level: int = 0) -> list[str]:
    """``text`` in pieces of at most ``limit`` characters, cut at the best boundary there is
    (a sentence, then a clause, then a word; a run with no space at all, as Chinese is
    written, at ``limit``), consecutive pieces joined while they fit."""
    if len(text) <= limit:
        return [text]
    if level == len(_CUTS):
        return [text[i:i + limit] for i in range(0, len(text), limit)]
    out: list[str] = []
    for part in (p for p in _CUTS[level].split(text) if p):
        for piece in _pieces(part, limit, level + 1):
            sep = "" if out and out[-1][-1] in "\u3001\u3002\uff01\uff0c\uff1f" else " "
            if out and len(out[-1]) + len(sep) + len(piece) <= limit:
                out[-1] = f"{out[-1]}{sep}{piece}"
            else:
                out.append(piece)
    return out


def split_long(lines: list[Line], limit: int = LINE_CHARS) -> list[Line]:
    """Each line over ``limit`` characters as several lines of the same speaker, emotion,
    direction and delivery, cut at sentence boundaries (clauses or words where a sentence is
    itself too long); nothing is dropped."""
    out: list[Line] = []
    for line in lines:
        text = " ".join(line.text.split())
        if len(line.text) <= limit:
            out.append(line)
        else:
            out += [line.model_copy(update={"text": t}) for t in _pieces(text, limit)]
    return out


class Edge(Model):
    target: Ident
    condition: Condition | None = None


class Option(Model):
    id: Ident
    text: ShortText
    target: Ident
    condition: Condition | None = None
    effects: list[Effect] = Field(default_factory=list)
    tags: list[ShortText] = Field(default_factory=list)


class Choice(Model):
    id: Ident
    prompt: ShortText
    options: list[Option] = Field(min_length=2, max_length=4)
    timeout_s: Annotated[float, Field(gt=0, le=120)] = 10.0
    default: Ident

    @model_validator(mode="after")
    def _default_is_an_option(self) -> "Choice":
        ids = [o.id for o in self.options]
        if len(set(ids)) != len(ids):
            raise ValueError(f"choice {self.id}: option ids repeat")
        if self.default not in ids:
            raise ValueError(f"choice {self.id}: default {self.default!r} is not one of its options {ids}")
        return self


class BeatVariant(Model):
    """A calmer or higher-stakes telling of the same beat: same place, cast, exits and effects."""

    narration: Prose = ""
    action: Prose = ""
    lines: list[Line] = Field(default_factory=list)
    tension: Unit = 0.5
    content: Levels = Field(default_factory=dict)
    tags: list[ShortText] = Field(default_factory=list)

    @field_validator("lines")
    @classmethod
    def _split_long_lines(cls, lines: list[Line]) -> list[Line]:
        return split_long(lines)


class Beat(Model):
    id: Ident
    episode: Annotated[int, Field(ge=1)]
    title: ShortText
    role: BeatRole
    place: Ident
    time_of_day: TimeOfDay = "night"
    weather: Weather = "clear"
    characters: list[Ident] = Field(default_factory=list)
    narration: Prose = ""
    action: Prose = ""
    lines: list[Line] = Field(default_factory=list)
    tension: Unit = 0.5
    tags: list[ShortText] = Field(default_factory=list)
    content: Levels = Field(default_factory=dict)
    effects: list[Effect] = Field(default_factory=list)
    choice: Choice | None = None
    next: list[Edge] = Field(default_factory=list)
    ending: Ident | None = None
    variants: dict[VariantName, BeatVariant] = Field(default_factory=dict)

    @field_validator("lines")
    @classmethod
    def _split_long_lines(cls, lines: list[Line]) -> list[Line]:
        return split_long(lines)

    def reads(self) -> set[str]:
        out: set[str] = set()
        for e in self.next:
            out |= e.condition.reads() if e.condition else set()
        for o in self.choice.options if self.choice else []:
            out |= o.condition.reads() if o.condition else set()
        return out


class SegmentGroup(Model):
    id: Ident
    candidates: list[Edge] = Field(min_length=1)
    description: Prose = ""


class Ending(Model):
    id: Ident
    episode: Annotated[int, Field(ge=1)]
    beat: Ident
    title: ShortText
    kind: EndingKind
    summary: Prose = ""


class ExtensionPoint(Model):
    """Where the story can go on past an ending ("keep going")."""

    id: Ident
    beat: Ident
    #: Threads left open that a continuation can pick up.
    hooks: list[Prose] = Field(min_length=1)
    #: State variables a continuation must carry forward.
    carries: list[Ident] = Field(default_factory=list)


class Episode(Model):
    number: Annotated[int, Field(ge=1)]
    title: ShortText
    entry: Ident
    synopsis: Prose = ""
    #: What the episode turns on, as its text names it ("the silver key"): the camera's inserts
    #: show it and the renderer draws it in hand. None: read from the text (camera/props.py).
    object: ShortText | None = None


class StoryGraph(Model):
    schema_version: int = SCHEMA_VERSION
    variables: list[Variable] = Field(default_factory=list)
    episodes: list[Episode] = Field(min_length=1)
    beats: list[Beat] = Field(min_length=1)
    groups: list[SegmentGroup] = Field(default_factory=list)
    endings: list[Ending] = Field(default_factory=list)
    extension_points: list[ExtensionPoint] = Field(default_factory=list)

    @model_validator(mode="after")
    def _references_resolve(self) -> "StoryGraph":
        """Structural integrity only; story logic is checked by narrative.validate."""
        beat_ids = [b.id for b in self.beats]
        group_ids = [g.id for g in self.groups]
        nodes = set(beat_ids) | set(group_ids)
        if len(nodes) != len(beat_ids) + len(group_ids):
            dupes = sorted({i for i in beat_ids + group_ids if (beat_ids + group_ids).count(i) > 1})
            raise ValueError(f"ids used twice among beats and groups: {dupes}")
        var_names = [v.name for v in self.variables]
        if len(set(var_names)) != len(var_names):
            raise ValueError("a variable is declared twice")
        numbers = [e.number for e in self.episodes]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"episodes must be numbered 1..{len(numbers)} in order, got {numbers}")
        for ep in self.episodes:
            if ep.entry not in set(beat_ids):
                raise ValueError(f"episode {ep.number}: entry {ep.entry!r} is not a beat")
        ending_ids = {e.id for e in self.endings}
        for b in self.beats:
            if b.episode > len(self.episodes):
                raise ValueError(f"beat {b.id}: episode {b.episode} does not exist")
            targets = [e.target for e in b.next] + [o.target for o in (b.choice.options if b.choice else [])]
            for t in targets:
                if t not in nodes:
                    raise ValueError(f"beat {b.id}: target {t!r} is neither a beat nor a group")
            if b.ending is not None and b.ending not in ending_ids:
                raise ValueError(f"beat {b.id}: ending {b.ending!r} is not in endings")
            if b.ending is not None and (b.next or b.choice):
                raise ValueError(f"beat {b.id}: an ending beat cannot also lead on (next/choice)")
        for g in self.groups:
            for c in g.candidates:
                if c.target not in nodes:
                    raise ValueError(f"group {g.id}: target {c.target!r} is neither a beat nor a group")
        for e in self.endings:
            if e.beat not in set(beat_ids):
                raise ValueError(f"ending {e.id}: beat {e.beat!r} does not exist")
        for x in self.extension_points:
            if x.beat not in set(beat_ids):
                raise ValueError(f"extension point {x.id}: beat {x.beat!r} does not exist")
        return self

    # Lookups used everywhere; graphs are small, so linear scans keep the model plain data.
    def beat(self, beat_id: str) -> Beat:
        for b in self.beats:
            if b.id == beat_id:
                return b
        raise KeyError(beat_id)

    def group(self, group_id: str) -> SegmentGroup | None:
        for g in self.groups:
            if g.id == group_id:
                return g
        return None

    def ending(self, ending_id: str) -> Ending:
        for e in self.endings:
            if e.id == ending_id:
                return e
        raise KeyError(ending_id)


class Story(Model):
    """What `dreamreel write` produces: the request, the bible and the graph, with its seed."""

    schema_version: int = SCHEMA_VERSION
    id: Ident
    seed: int
    request: Request
    profile_id: Ident = "default"
    bible: Bible
    graph: StoryGraph
    #: Which planner and writer made it, with their versions: for caching and provenance.
    generator: dict[str, str] = Field(default_factory=dict)
    #: The licensed asset packs it was written from (its film's manifest lists them as ingredients).
    assets: list[PackRef] = Field(default_factory=list, max_length=8)

    @model_validator(mode="after")
    def _cast_and_places_resolve(self) -> "Story":
        cast = {c.id for c in self.bible.cast}
        places = {p.id for p in self.bible.world.places}
        for b in self.graph.beats:
            if b.place not in places:
                raise ValueError(f"beat {b.id}: place {b.place!r} is not in the bible's world.places")
            for who in b.characters:
                if who not in cast:
                    raise ValueError(f"beat {b.id}: character {who!r} is not in the bible's cast")
            for variant in [b, *b.variants.values()]:
                for line in variant.lines:
                    if line.speaker not in cast:
                        raise ValueError(f"beat {b.id}: speaker {line.speaker!r} is not in the bible's cast")
        return self
