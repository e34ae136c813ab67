"""The Narrative Engine's content, as data: the vocabulary a request is read with and the plot
shapes stories are built from. Files of these types ship in ``dreamreel/narrative/data`` and
other packages add more through the ``dreamreel.kits`` entry-point group.

A plot shape says *what happens* (its scenes, choices, state and endings); a genre kit says
*how it feels* (names, looks, world, weather, music); the premise says *what was asked for*
(places, people, objects, form). The shape's templates name the premise's things through slots.
"""

import string
from typing import Annotated, Literal, Union

from pydantic import Field, StringConstraints, model_validator

from .base import SCHEMA_VERSION, Ident, Model, ShortText, Unit
from .bible import Age, PlaceKind, TimeOfDay, Weather
from .story import BeatRole, Emotion, EndingKind

#: A word or phrase as written in requests, lower case ("generation ship", "fall in love").
Phrase = Annotated[str, StringConstraints(strip_whitespace=True, to_lower=True, min_length=1, max_length=60)]
Template = Annotated[str, StringConstraints(min_length=1, max_length=600)]
Value = Union[bool, int, str]

# ---------------------------------------------------------------------------------------------
# Vocabulary: how a request is read.
# ---------------------------------------------------------------------------------------------

#: Which scenes a place suits: home (openings), hub (where things start), danger, hideout,
#: lair (the opposition's ground), summit (climaxes), vista (endings).
PlaceRole = Literal["home", "hub", "danger", "hideout", "lair", "summit", "vista"]


class Room(Model):
    """One part of a place where a scene can happen: the lighthouse's lamp room."""

    name: ShortText                     # "the lamp room"
    kind: PlaceKind                     # how the renderer draws it
    role: PlaceRole
    description: ShortText
    time_of_day: TimeOfDay | None = None
    weather: Weather | None = None
    #: The years it can be in: a seaside promenade is there from 1800 (``since``); the fishermen's
    #: landing it replaced only before then (``before``). None: any year.
    since: int | None = None
    before: int | None = None
    #: The continents it belongs to (geonames codes: EU, AS, AF, NA, SA, OC), where it is not
    #: everyone's: an English village's green and church belfry, a Japanese village's temple bell.
    #: Empty: anywhere. A story in no real country has the ones that are everywhere, and the first.
    lands: list[Literal["EU", "AS", "AF", "NA", "SA", "OC"]] = Field(default_factory=list)


class PlaceName(Model):
    """Other names a named place goes by: its people's adjective ("Swiss"), an old name
    ("Stalingrad"), a short one ("Rio"). Matched capitalised, as the gazetteer's names are."""

    words: list[Phrase] = Field(min_length=1)
    name: ShortText                     # the name the story uses: "Switzerland"
    #: Its country (ISO 3166 alpha-2), where it has one: whose names its people have.
    country: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] | None = None
    #: What kind of place it is, a vocabulary place's label ("a desert" for the Sahara): its
    #: rooms, where the request names no kind of place.
    kind: ShortText | None = None
    #: The city it is a part of ("Harlem": "New York"): a story there happens in that city's
    #: streets, called by the part's own name.
    within: ShortText | None = None
    #: The age an old name belongs to, an ``EraWord.era`` ("Persia": old Persia, "Stalingrad":
    #: World War II): the story's time where the request names none.
    era: ShortText | None = None


class PlaceWord(Model):
    """A kind of place a request can name ("lighthouse", "generation ship", "courtroom")."""

    words: list[Phrase] = Field(min_length=1)
    label: ShortText                    # "a lighthouse"
    #: Earliest plausible year (a spaceport has none before 1950); None: any era.
    since: int | None = None
    vehicle: bool = False
    #: The world this place implies when the request names no genre ("sea", "space", "city").
    world: ShortText | None = None
    rooms: list[Room] = Field(min_length=3)


class PersonWord(Model):
    """A kind of person or creature a request can name ("chef", "dragon", "granddaughter")."""

    words: list[Phrase] = Field(min_length=1)
    label: ShortText                    # "chef"
    kind: Literal["occupation", "species", "relation", "age", "group"]
    species: ShortText = "human"        # "dragon", "robot", "ghost", "dog"
    age: Age | None = None
    #: she / he / they when the word fixes them ("granddaughter", "king").
    pronouns: Literal["she", "he", "they"] | None = None
    clothing: ShortText | None = None   # "chef's whites"
    accessories: list[ShortText] = Field(default_factory=list, max_length=4)
    #: A voice description the voice stage reads ("small and bright").
    voice: ShortText | None = None
    #: Where they work, a place's label ("a harbour" for a fisherman): the story's place when the
    #: request names none.
    place: ShortText | None = None
    #: A vehicle or machine that is a character only where the request makes it one ("a little
    #: engine who is afraid of tunnels", "a brave tugboat"); elsewhere the word is the place or
    #: thing it also names ("a heist on a train").
    vehicle: bool = False
    #: The country such a one is of ("a cosmonaut": Russia), where the request names none: the
    #: story's country and its people's names.
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    #: The era such a one is of (an ``EraWord.era``: "a gladiator": "ancient Rome"), where the
    #: request names no time, no other country and no future.
    era: ShortText | None = None
    #: The plots such a one leads, where the request asks for none ("a gladiator": a contest or a
    #: rise and fall; "a ronin": revenge), picked among by seed.
    plots: list[Ident] = Field(default_factory=list, max_length=4)
    #: The year such a one first was (a robot vacuum: 2002, an influencer: 2008): a story that asks
    #: for no time is set no earlier than this, whatever its genre's own era.
    since: int | None = None


class ThingWord(Model):
    """An object a story can turn on ("tiara", "ledger", "periscope")."""

    words: list[Phrase] = Field(min_length=1)
    label: ShortText                    # "the tiara"


class SituationWord(Model):
    """Words that ask for a plot shape ("heist", "fall in love", "on trial")."""

    words: list[Phrase] = Field(min_length=1)
    shape: Ident
    #: Those of ``words`` that name an event the story can call by the request's own words
    #: ("an election", "the big snake-boat race": the plot's ``{event}``).
    events: list[Phrase] = Field(default_factory=list)


class ToneWord(Model):
    words: list[Phrase] = Field(min_length=1)
    mood: Literal["dark", "hopeful", "funny", "tense", "cozy", "sad", "romantic", "scary", "quiet", "epic"]


class AudienceWord(Model):
    words: list[Phrase] = Field(min_length=1)
    audience: Literal["children", "family", "teens", "adults"]


class FormWord(Model):
    words: list[Phrase] = Field(min_length=1)
    form: Literal["musical", "mockumentary", "found_footage", "fairy_tale", "sitcom", "documentary", "anthology",
                  "told_by", "silent", "opera", "western_style", "noir_style", "tragedy", "epistolary", "radio_play",
                  "stage_play", "soap", "diary", "real_time", "reverse", "seasons"]


class EraWord(Model):
    words: list[Phrase] = Field(min_length=1)
    era: ShortText                      # "Victorian era"
    year: int                           # a representative year: 1870
    #: The country it is one country's (ISO 3166 alpha-2: "feudal Japan" JP), where the request
    #: names none: its people's names and looks, its towns.
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    #: Where a story of the era happens when the request names no place, a place's label
    #: ("the Viking Age": "a longhouse").
    place: ShortText | None = None


class PeopleNames(Model):
    """The names people have in an age gone (ancient Rome's Marcus Valerius) or in a country whose
    names Faker does not write (Egypt, Iran): a story set there is peopled with them."""

    #: An ``EraWord.era`` ("ancient Rome") or a country (ISO 3166 alpha-2), one of the two.
    era: ShortText | None = None
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    she: list[ShortText] = Field(min_length=8)
    he: list[ShortText] = Field(min_length=8)
    #: Family names; empty where people went by one name (ancient Egypt's Nakht, Nefertari).
    last: list[ShortText] = Field(default_factory=list)
    #: Family names by who bears them, where they differ (Rome's Valerius, Valeria).
    last_she: list[ShortText] = Field(default_factory=list)


class WeatherWord(Model):
    """Weather a request names ("storm-bound", "in a snowstorm", "foggy")."""

    words: list[Phrase] = Field(min_length=1)
    weather: Weather


class TraitWord(Model):
    """An adjective for a person ("shy", "retired", "grumpy", "rival")."""

    words: list[Phrase] = Field(min_length=1)
    trait: ShortText


class WordSet(Model):
    """Words the request reader treats alike, named by what they tell it: ``against`` ("rival",
    "nemesis": someone against the lead), ``against_verbs`` (what is done to them: "swindle"),
    ``with_verbs`` (what is done with a friend: "befriend"), ``accused`` ("framed": the crime is
    theirs to disprove), ``witness_parts``/``rival_parts`` ("the cat is the only witness", "the
    butler is the killer"), ``died`` ("her late husband"), ``left_behind`` ("her grandmother's
    will": she has died), ``no_longer`` ("a retired astronaut" is not in space), ``keeps`` ("runs a
    laundromat": a place follows), ``makes`` ("reopens her bakery": the place is what the plot
    turns on, in a plot that makes something), ``children_of`` ("the keeper's daughter": the keeper is her
    parent), ``not_places`` ("in a hurry"), ``not_people`` ("a letter" is nobody), and ``longs`` with
    ``goes_to`` ("wants to see the ocean": the place is where the journey ends), ``minds`` ("an old
    phone remembers": a thing that does one is someone), ``creates`` ("builds a mechanical bird": who is
    built is made, not one more person a pronoun after could belong to)."""

    name: Literal["against", "against_verbs", "with_verbs", "accused", "witness_parts", "rival_parts", "died",
                  "left_behind", "no_longer", "keeps", "makes", "creates", "children_of", "not_places", "not_people",
                  "longs", "goes_to", "minds", "season"]
    words: list[Phrase] = Field(min_length=1)


class Vocabulary(Model):
    """Everything the request reader knows. Several files merge (entry points add more)."""

    schema_version: int = SCHEMA_VERSION
    places: list[PlaceWord] = Field(default_factory=list)
    people: list[PersonWord] = Field(default_factory=list)
    things: list[ThingWord] = Field(default_factory=list)
    situations: list[SituationWord] = Field(default_factory=list)
    tones: list[ToneWord] = Field(default_factory=list)
    audiences: list[AudienceWord] = Field(default_factory=list)
    forms: list[FormWord] = Field(default_factory=list)
    eras: list[EraWord] = Field(default_factory=list)
    traits: list[TraitWord] = Field(default_factory=list)
    weathers: list[WeatherWord] = Field(default_factory=list)
    place_names: list[PlaceName] = Field(default_factory=list)
    names: list[PeopleNames] = Field(default_factory=list)
    #: Word lists the reader's rules use (``WordSet.name`` says which).
    word_sets: list[WordSet] = Field(default_factory=list)
    #: Words understood as carrying no story content ("story", "film", "about", "please", "watch").
    fillers: list[Phrase] = Field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Plot shapes: what happens.
# ---------------------------------------------------------------------------------------------

#: Story functions a shape casts. hero: the protagonist; villain: the opposition (a rival, a
#: prosecutor, a monster, a worry made flesh); wild: the one whose loyalty is in doubt; comp:
#: this episode's companion (the one at risk).
RoleKey = Literal["hero", "villain", "wild", "comp", "prev"]
#: Variables every shape may use without declaring them: whether this episode's companion is
#: alive (the engine's ``alive_<id>``), how far the hero trusts the wildcard (series-wide), and
#: how the last episode ended (an ending kind; set by every ending, read by the next opening).
BUILTIN_VARS = {"comp_alive": "bool", "trust": "int", "last_ending": "str"}
#: A line of a scene: (who, emotion, text).
LineT = tuple[RoleKey, Emotion, Template]
#: A state test in a shape: {"plan": "tunnel"} (equals) or {"alarm": [">=", 2]}.
Test = dict[Ident, Union[Value, tuple[Literal["==", "!=", "<", "<=", ">", ">="], Value]]]


class Telling(Model):
    """Alternatives for one scene's words; the engine picks one of each, never one it used."""

    narration: list[Template] = Field(min_length=1)
    action: list[Template] = Field(default_factory=list)
    #: Each exchange is a short conversation (2-6 lines) in order, by roles on screen.
    exchanges: list[Annotated[list[LineT], Field(min_length=2, max_length=6)]] = Field(min_length=1)


class Version(Telling):
    """The scene as told when the state says so (``when``): written for the option taken."""

    when: Test
    #: Who is on screen in this telling, when not the scene's cast (someone left behind).
    cast: list[RoleKey] | None = None


class OptionT(Model):
    key: Ident
    #: Button text alternatives: short imperatives ("Go in through the roof").
    text: list[Annotated[str, StringConstraints(min_length=1, max_length=60)]] = Field(min_length=1)
    to: Ident                           # a scene key
    set: dict[Ident, Value] = Field(default_factory=dict)
    add: dict[Ident, int] = Field(default_factory=dict)
    #: Offered only when this holds.
    requires: Test | None = None


class ChoiceT(Model):
    prompt: list[Annotated[str, StringConstraints(min_length=1, max_length=200)]] = Field(min_length=1)
    default: Ident
    options: list[OptionT] = Field(min_length=2, max_length=4)


class ShapeScene(Telling):
    key: Ident
    role: BeatRole
    place: PlaceRole
    cast: list[RoleKey] = Field(min_length=1)
    tension: Unit
    time_of_day: TimeOfDay | None = None
    #: Other tellings chosen by the state when the scene is reached (first that holds wins;
    #: the scene's own text is the telling when none does).
    versions: list[Version] = Field(default_factory=list)
    #: Where play goes after: a scene key; or conditional, first that holds (last needs no test).
    next: Ident | list[tuple[Ident, Test | None]] | None = None
    choice: ChoiceT | None = None
    ending: EndingKind | None = None
    ending_title: list[ShortText] = Field(default_factory=list)
    #: Effects on entering the scene.
    set: dict[Ident, Value] = Field(default_factory=dict)
    add: dict[Ident, int] = Field(default_factory=dict)


class RoleT(Model):
    """What a story function is in this shape, when the request does not say."""

    label: ShortText                    # "the mark"
    archetypes: list[ShortText] = Field(min_length=1)   # "a casino owner who never loses"
    goal: list[Template] = Field(min_length=1)
    conflict: list[Template] = Field(min_length=1)


class ShapeVar(Model):
    name: Ident
    type: Literal["bool", "int", "str"]
    initial: Value | None = None
    description: ShortText


class Strand(Model):
    """The plot told as a second story under another (a B-story): where a request asks for two
    situations ("a western about a woman's revenge, and a romance") and an episode can tell only
    one, the other runs beneath it: introduced at its setup, carried at its midpoint, paid off
    at its ending. Any plot's people and world may be named; the plot's own may not."""

    intro: list[Template] = Field(min_length=1)
    middle: list[Template] = Field(min_length=1)
    payoff: list[Template] = Field(min_length=1)


class Period(Model):
    """Where and when something was the world's: the Second World War in Britain, 1939-1945."""

    countries: list[ShortText] = Field(min_length=1)  # ISO 3166 codes: "GB", "VN"
    start: int
    end: int


class Complication(Model):
    """Something a request asks to happen that no plot shape tells on its own ("someone has
    sabotaged it", "the captain is losing his mind", "just broke his arm"): it runs under
    whatever plot is told, the way a strand does (introduced at the first setup, carried at
    each midpoint, paid off at the last ending)."""

    id: Ident
    #: The words that ask for it, as the request reader matches them (lemmas: "sabotaged" is "sabotage").
    words: list[Phrase] = Field(min_length=1)
    strand: Strand
    #: Eras that ask for it as they are said ("World War II"), and where and when it was, asked
    #: or not ("Vietnam, 1968": the war is there whatever the plot).
    eras: list[ShortText] = Field(default_factory=list)
    during: list[Period] = Field(default_factory=list)
    #: The weather it brings where the request names none, north of the equator (Christmas: snow).
    weather: Weather | None = None


class PlotShape(Model):
    """A plot as data: one episode's scenes, choices, state and endings."""

    schema_version: int = SCHEMA_VERSION
    id: Ident
    label: ShortText                    # "heist"
    summary: ShortText
    #: Genres this shape suits when a request names only a genre.
    genres: list[Ident] = Field(default_factory=list)
    roles: dict[RoleKey, RoleT]
    #: The part the second person a request names plays ("rival chefs fall in love": the beloved
    #: is ``villain`` in a romance, the one to win over; in a heist, the second is crew: ``comp``).
    second: Literal["villain", "wild", "comp"] = "comp"
    #: The part someone close to the lead plays ("a fiddler and his wife", "her brother"): at their
    #: side even where the second person named opposes them, unless the plot is about winning
    #: someone over (a romance: ``villain``).
    kin: Literal["villain", "wild", "comp"] = "comp"
    #: The part someone the request says is lost or missing plays, where the plot reaches them ("a
    #: lifeboat crew searches for lost fishermen": a rescue's trapped one); elsewhere the missing
    #: are searched for, off screen.
    lost: Literal["villain", "wild", "comp"] | None = None
    #: Where this plot happens when the request names no place: a vocabulary place's label ("a
    #: courtroom" for a trial).
    place: ShortText | None = None
    #: What the plot turns on when the request names nothing ("the Meridian diamond").
    objects: list[ShortText] = Field(min_length=2)
    #: A place the request says is being made ("reopens her bakery", "repairs their greenhouse")
    #: is what the plot turns on, where it names no thing.
    makes_place: bool = False
    #: What the plot is about as an event, where the request names none ("the contest"); a
    #: request's own name for it wins ("the snake-boat race"). ``{event}`` in the templates.
    event: ShortText | None = None
    #: How a film's opening super places it against the request's event, where the plot builds
    #: up to it ("Three weeks before {event}."); by default it is that day ("The day of {event}.").
    opening: Template | None = None
    stakes: list[Template] = Field(min_length=2)
    variables: list[ShapeVar] = Field(default_factory=list)
    scenes: list[ShapeScene] = Field(min_length=6)
    #: Open threads for "keep going".
    hooks: list[Template] = Field(min_length=2)
    titles: list[Template] = Field(min_length=2)
    episode_titles: list[ShortText] = Field(min_length=4)
    #: How this plot runs beneath another's, when a request asks for both.
    strand: Strand | None = None

    @model_validator(mode="after")
    def _flow_resolves(self) -> "PlotShape":
        keys = [s.key for s in self.scenes]
        if len(set(keys)) != len(keys):
            raise ValueError("scene keys repeat")
        for k in keys:
            # The engine's own beats in a later episode's opening use these names.
            if k in ("card", "since") or k.startswith("since_"):
                raise ValueError(f"scene key {k!r} is reserved; choose another")
        known = set(keys)
        names = {v.name for v in self.variables} | set(BUILTIN_VARS)
        for s in self.scenes:
            targets = [] if s.next is None else [s.next] if isinstance(s.next, str) else [t for t, _ in s.next]
            targets += [o.to for o in (s.choice.options if s.choice else [])]
            for t in targets:
                if t not in known:
                    raise ValueError(f"scene {s.key}: goes to {t!r}, which is not a scene")
            exits = sum(x is not None for x in (s.next, s.choice, s.ending))
            if exits != 1:
                raise ValueError(f"scene {s.key}: give exactly one of next, choice or ending")
            if s.choice and s.choice.default not in {o.key for o in s.choice.options}:
                raise ValueError(f"scene {s.key}: default {s.choice.default!r} is not an option")
            tests = [v.when for v in s.versions]
            tests += [t for _, t in (s.next if isinstance(s.next, list) else []) if t]
            tests += [o.requires for o in (s.choice.options if s.choice else []) if o.requires]
            writes = [*s.set, *s.add] + [k for o in (s.choice.options if s.choice else []) for k in (*o.set, *o.add)]
            for var in [k for t in tests for k in t] + writes:
                if var not in names:
                    raise ValueError(f"scene {s.key}: variable {var!r} is not declared in variables")
        if not any(s.ending for s in self.scenes):
            raise ValueError("a shape needs at least one ending scene")
        return self


# ---------------------------------------------------------------------------------------------
# The series arc and the forms a telling can take.
# ---------------------------------------------------------------------------------------------


class Thread(Model):
    """A mystery that runs through a series: introduced in the first episode, hinted at in the
    middle ones, revealed in the finale."""

    intro: list[Template] = Field(min_length=1)
    hint: list[Template] = Field(min_length=2)
    reveal: list[Template] = Field(min_length=1)


class Secret(Model):
    """What is said of someone the request says is secretly someone else ("the carpet seller is
    secretly a double agent"): hints while it is hidden, the reveal at the climax, what it means
    after. Slots: ``{who}`` (the person, with .their etc.), ``{cover}`` (what everyone takes them
    for: "carpet seller"; ``{cover_a}`` with its article), ``{secret}`` (what they are, with its
    article: "a double agent")."""

    hint: list[Template] = Field(min_length=1)
    reveal: list[Template] = Field(min_length=1)
    after: list[Template] = Field(min_length=1)


class Arc(Model):
    """How a later episode opens: the last companion back (``saved``) or mourned (``lost``), each
    told for how the last episode ended (versions by ``last_ending``); and the season's threads."""

    saved: list[Version] = Field(min_length=1)
    lost: list[Version] = Field(min_length=1)
    threads: list[Thread] = Field(min_length=1)
    #: Said at the start of a series' last episode.
    finale: list[Template] = Field(min_length=1)
    secret: Secret | None = None


class FormKit(Model):
    """What a form or a mood adds to a telling (an overlay; a request's forms and tone words pick
    them): lines delivered a special way at beats of given roles (a musical's songs, a
    mockumentary's interviews to camera), stage directions added to those beats' action (a
    sitcom's laugh track, a silent film's intertitles), and narration that opens each episode
    and closes each ending ("Once upon a time", "happily ever after")."""

    form: Ident
    #: Other forms this overlay tells too ("musical" sings an opera's numbers).
    serves: list[Ident] = Field(default_factory=list)
    delivery: Literal["spoken", "sung", "to_camera"] = "spoken"
    at: dict[BeatRole, list[Annotated[list[LineT], Field(min_length=1, max_length=8)]]] = Field(default_factory=dict)
    actions: dict[BeatRole, list[Template]] = Field(default_factory=dict)
    open: list[Template] = Field(default_factory=list)
    close: list[Template] = Field(default_factory=list)
    #: Sentences added to the narration of beats of these roles, once a scene: a teller's asides
    #: ("told by the ghost": "I should have spoken up here. I didn't.").
    asides: dict[BeatRole, list[Template]] = Field(default_factory=dict)


PERSON_SLOTS = ("hero", "villain", "wild", "comp", "prev")
PERSON_ATTRS = ("name", "full", "job", "they", "them", "their", "They", "Their")
WORLD_SLOTS = ("world", "place", "home", "era", "object", "object_short", "stakes", "crowd", "weather", "event",
               "last", "lost", "missing", "fear", "the_fear")


#: The slots only ``arc.secret`` has.
SECRET_SLOTS = ("cover", "cover_a", "secret")


def template_problems(template: str, allowed: tuple[str, ...] = WORLD_SLOTS,
                      people: tuple[str, ...] = PERSON_SLOTS) -> list[str]:
    """What is wrong with a template's slots: unknown names, bad attributes, broken braces."""
    try:
        fields = [f for _, f, _, _ in string.Formatter().parse(template) if f is not None]
    except ValueError as e:
        return [f"bad template {template!r}: {e}"]
    out = []
    for f in fields:
        base, _, attr = f.partition(".")
        if base in people:
            if attr and attr not in PERSON_ATTRS:
                out.append(f"unknown attribute {{{f}}} in {template!r}")
        elif base not in allowed or attr:
            out.append(f"unknown slot {{{f}}} in {template!r}")
    return out


def _walk_templates(value, path: str):
    """(path, template) for every string inside a shape, arc or form (keys and ids excluded)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            yield from _walk_templates(v, f"{path}.{i}")
    elif isinstance(value, dict):
        for k, v in value.items():
            if k not in ("key", "id", "to", "next", "default", "when", "requires", "set", "add", "role", "place",
                         "cast", "ending", "time_of_day", "genres", "type", "name", "initial", "form", "delivery",
                         "schema_version"):
                yield from _walk_templates(v, f"{path}.{k}")


class KitFile(Model):
    """One data file: any mix of vocabulary, shapes, the arc and forms."""

    schema_version: int = SCHEMA_VERSION
    vocabulary: Vocabulary | None = None
    shapes: list[PlotShape] = Field(default_factory=list)
    arc: Arc | None = None
    forms: list[FormKit] = Field(default_factory=list)
    complications: list[Complication] = Field(default_factory=list)

    @model_validator(mode="after")
    def _slots_known(self) -> "KitFile":
        """Every template names only slots the engine fills: a typo is an error here, not at run time."""
        data = self.model_dump(exclude={"vocabulary"})
        for path, text in _walk_templates(data, ""):
            allowed = tuple(s for s in WORLD_SLOTS if s != "object" or ".objects." not in path)
            people: tuple[str, ...] = PERSON_SLOTS
            if path.startswith(".arc.secret."):
                allowed, people = allowed + SECRET_SLOTS, people + ("who",)
            problems = template_problems(text, allowed, people)
            if problems:
                raise ValueError(f"{path.strip('.')}: {problems[0]}")
        return self
