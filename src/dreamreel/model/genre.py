"""What the planner knows about a genre: a GenreKit is plain data, one JSON file a genre
(``dreamreel/narrative/data/genres/<name>.json``; other packages add theirs through the
``dreamreel.genres`` entry-point group).

What happens in a story comes from plot shapes (``model.kits``), not from genre kits: a kit
gives the genre's world, its style, the people it casts and the voice of its lines.

A story can blend two genres. The kit with the stronger ``world_strength`` supplies the
*world* facet (era, places, rules, the MacGuffin, the scheme and the stakes); the other
supplies the *plot* facet (tone, cast archetypes, names, calm and intense lines). So
"film noir crossed with hard science fiction" gives a detective and a femme fatale (noir
plot) working the rain-slick domes of Mars under oxygen rationing (sci-fi world).

Templates (``world_description``, archetypes' goal, conflict and secret, ``intense_lines`` and
``calm_lines``) are ``str.format`` strings. They may use these slots:

  People (each has .name .full .they .them .their .They .Their, e.g. "{hero.their} badge"):
    {hero}      the protagonist                {villain}  the antagonist
    {comp}      this episode's companion       {wild}     the wildcard (femme fatale, trickster)
    {prev}      the previous episode's companion
  A bare person slot ("{hero}") gives the first name. {hero_archetype} is the hero's archetype
  ("hard-boiled private eye"). Pronoun slots need no verb agreement: prefer names as subjects.
  If a line must say "she" or "he" of someone, restrict that archetype's ``pronouns``.
  World:  {world} world/city name, {place} the beat's place name, {home} the hero's base,
          {mcguffin} the object everyone wants ("the Halvorsen ledger"), {mcguffin_short} ("the ledger");
          both carry their article, so never write "the {mcguffin_short}",
          {scheme} what the villain is doing ("selling the dome's oxygen reserve"),
          {stakes} what happens if the hero fails ("ten thousand people suffocate"),
          {rule} one world rule as a sentence, {era} the era, {weather} a weather phrase for the beat
          in lower case ("rain needles the neon"); sentence starts are capitalised for you.

Keep base text at PG or milder: no profanity, no gore, no drug words, and losses said
without graphic death ("{comp} is gone", "the dark takes {comp}"). Stronger material
goes only in ``intense_lines`` with its levels declared; the planner scans every template
(narrative.rating) and skips any that the viewer's rating or limits do not allow, so give
several alternatives in each bank.

The models only check the shape of a kit (types, known names); ``narrative.genres.check_kit``
checks what needs the planner's knowledge (template slots, places for every role, enough alternatives).
Kits are shared by every story, so the models are frozen.
"""

from typing import Annotated, Literal

from pydantic import ConfigDict, Field

from .base import SCHEMA_VERSION, Hex, Ident, Model, Unit
from .bible import PlaceKind, TimeOfDay, Weather
from .pack import PlaceRole
from .story import Emotion

#: Speaker roles in a kit's lines: hero, comp, villain, wild (and prev, the previous companion).
LineRole = Literal["hero", "comp", "villain", "wild", "prev"]
#: Cast roles a kit gives archetypes for (comp: companions: allies, mentors, rivals).
CastRole = Literal["hero", "villain", "wild", "comp"]
Pronoun = Literal["she", "he", "they"]
#: Content flags an intense line declares (the values of model.content.ContentFlag).
FlagName = Literal["violence", "gore", "profanity", "sexual", "drugs", "fear"]
Level = Annotated[int, Field(ge=0, le=3)]

#: (speaker role, emotion, template). Roles: hero, comp, villain, wild.
#: Emotions: neutral happy sad angry afraid surprised tender determined sly tired.
LineT = tuple[LineRole, Emotion, str]
#: A line for the higher-stakes variant: (role, emotion, template, {flag: level}).
IntenseLineT = tuple[LineRole, Emotion, str, dict[FlagName, Level]]

FROZEN = ConfigDict(frozen=True)


class PlaceSpec(Model):
    """A place in the world. ``role`` says which scenes it suits (model.pack.PlaceRole):
    home (openings), hub (where things start), danger, hideout, lair (the opposition's ground),
    summit (climaxes), vista (endings)."""

    model_config = FROZEN

    name: str
    kind: PlaceKind  # one of model.bible.PlaceKind
    role: PlaceRole
    description: str
    time_of_day: TimeOfDay = "night"
    weather: Weather = "clear"


class Archetype(Model):
    """A kind of character the genre casts in one role ("hard-boiled private eye")."""

    model_config = FROZEN

    archetype: str             # "hard-boiled private eye"
    goal: str                  # template, may use world slots: "find out who is {scheme}"
    conflict: str              # template
    traits: tuple[str, ...]
    clothing: tuple[str, ...]  # "trench coat", "evening gown"
    accessories: tuple[str, ...] = ()
    hair_styles: tuple[str, ...] = ("short",)
    voice: str = "even, clear"
    secret: str | None = None
    #: Which pronouns this archetype may take; the name pool follows.
    pronouns: tuple[Pronoun, ...] = ("she", "he", "they")


class GenreKit(Model):
    """Everything the planner knows about one genre: its world, its style and its people.
    Templates use the slots listed in this module's notes (dreamreel.model.genre)."""

    model_config = FROZEN

    schema_version: int = SCHEMA_VERSION
    name: Ident                     # identifier: "noir"
    label: str                      # "film noir"
    #: Words and phrases in a request that name this genre ("film noir", "hardboiled").
    aliases: tuple[str, ...]
    #: 0..1: how strongly the genre defines a *world* (sci-fi 0.9, western 0.8, noir 0.4, romance 0.1).
    world_strength: Unit
    tone: str                       # "cynical, fatalistic, rain-soaked"

    # --- world facet
    era: str
    world_names: tuple[str, ...]
    world_description: tuple[str, ...]   # templates with {world}, {era}
    rules: tuple[str, ...]               # 3+ world facts (plain sentences)
    places: tuple[PlaceSpec, ...]        # 9+; every role at least once
    weathers: tuple[Weather, ...]        # model.bible.Weather values typical of the genre
    #: weather (or time of day: "dawn", "dusk") -> phrases ("rain needles the neon")
    weather_phrases: dict[Weather | TimeOfDay, tuple[str, ...]]
    mcguffins: tuple[tuple[str, str], ...]  # (full, short): ("the Halvorsen ledger", "the ledger")
    schemes: tuple[str, ...]
    stakes: tuple[str, ...]

    # --- style facet
    look: str                        # "high-contrast monochrome, venetian-blind shadows"
    palette: tuple[Hex, ...]         # 4-6 hex colours
    monochrome: bool
    contrast: Unit
    grain: Unit
    lighting: str
    motifs: tuple[str, ...]
    music: str

    # --- plot facet
    names_first: dict[Pronoun, tuple[str, ...]]  # "she" / "he" / "they" -> first names (8+ each)
    names_last: tuple[str, ...]                  # 12+
    #: Where a family name changes with who bears it (Czech Beran, Beranová): the names by pronoun,
    #: in the same order as ``names_last`` where the language pairs them ("they" takes names_last).
    names_last_by: dict[Pronoun, tuple[str, ...]] = Field(default_factory=dict)
    #: role -> archetypes. Roles: hero, villain, wild, comp (companions: allies, mentors, rivals).
    archetypes: dict[CastRole, tuple[Archetype, ...]]
    #: Lines spliced into the higher-stakes variant of a beat: (role, emotion, template, {flag: level}).
    intense_lines: tuple[IntenseLineT, ...]
    #: Lines for the calmer variant (breathing room, humour, tenderness).
    calm_lines: tuple[LineT, ...]
    moods: tuple[str, ...] = ()      # words in requests that suggest this genre's mood


__all__ = ["Archetype", "GenreKit", "IntenseLineT", "LineT", "PlaceSpec"]
