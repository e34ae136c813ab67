"""What the planner knows about a genre: a GenreKit is plain data, one module a genre.

A story can blend two genres. The kit with the stronger ``world_strength`` supplies the
*world* facet (era, places, rules, the MacGuffin, the scheme and the stakes); the other
supplies the *plot* facet (tone, cast archetypes, names, scenes, choices, endings). So
"film noir crossed with hard science fiction" gives a detective and a femme fatale (noir
plot) working the rain-slick domes of Mars under oxygen rationing (sci-fi world).

Templates are ``str.format`` strings. Every template may use these slots:

  People (each has .name .full .they .them .their .They .Their, e.g. "{hero.their} badge"):
    {hero}      the protagonist                {villain}  the antagonist
    {comp}      this episode's companion: the character at risk in this episode's crisis
    {wild}      the wildcard (femme fatale, trickster, double agent)
    {prev}      the previous episode's companion (aftermath scenes only: on screen and
                speaking in aftermath_saved, absent and only spoken of in aftermath_lost)
  A bare person slot ("{hero}") gives the first name. {hero_archetype} is the hero's archetype
  ("hard-boiled private eye"). Pronoun slots need no verb agreement: prefer names as subjects.
  If a scene's text must say "she" or "he" of someone, restrict that archetype's ``pronouns``.
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
"""

from dataclasses import dataclass, field

#: (speaker role, emotion, template). Roles: hero, comp, villain, wild.
#: Emotions: neutral happy sad angry afraid surprised tender determined sly tired.
LineT = tuple[str, str, str]

#: The scenes every plot kit writes, in story order. An episode plays
#: opening (setup in episode 1; aftermath_saved / aftermath_lost later, chosen by whether the
#: previous episode's companion lived) -> inciting [choice: approach] -> bold | careful ->
#: subplot -> crisis [choice: save the companion / press on / deal with the wildcard] ->
#: climax_together (companion alive) | climax_alone [choice: finale] -> one of four endings.
SCENES = (
    "setup", "aftermath_saved", "aftermath_lost", "inciting", "bold", "careful", "subplot", "crisis",
    "climax_together", "climax_alone", "ending_triumph", "ending_bittersweet", "ending_tragedy", "ending_twist",
)

#: Who is on screen in each scene (the planner adds the previous companion in aftermath_saved).
SCENE_CAST: dict[str, tuple[str, ...]] = {
    "setup": ("hero", "comp"),
    "aftermath_saved": ("hero", "comp", "prev"),
    "aftermath_lost": ("hero", "comp"),
    "inciting": ("hero", "wild", "comp"),
    "bold": ("hero", "comp"),
    "careful": ("hero", "wild"),
    "subplot": ("villain", "wild"),
    "crisis": ("hero", "comp", "villain"),
    "climax_together": ("hero", "comp", "villain"),
    "climax_alone": ("hero", "villain", "wild"),
    "ending_triumph": ("hero", "comp"),
    "ending_bittersweet": ("hero", "villain"),
    "ending_tragedy": ("hero",),
    "ending_twist": ("hero", "wild"),
}


@dataclass(frozen=True)
class Scene:
    """Alternatives for one scene; the planner picks one of each per episode."""

    narration: tuple[str, ...]
    action: tuple[str, ...]
    #: Each exchange is a short conversation in order (3-6 lines), only by SCENE_CAST roles.
    exchanges: tuple[tuple[LineT, ...], ...]


@dataclass(frozen=True)
class ChoiceText:
    prompts: tuple[str, ...]
    #: option key -> alternatives for the option's button text (short, imperative: "Kick the door in").
    options: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class PlaceSpec:
    """A place in the world. ``role`` says which scenes it suits:
    home (setup, aftermath), hub (inciting), danger (bold, crisis), hideout (careful),
    lair (subplot), summit (climax), vista (endings)."""

    name: str
    kind: str  # one of model.bible.PlaceKind
    role: str
    description: str
    time_of_day: str = "night"
    weather: str = "clear"


@dataclass(frozen=True)
class Archetype:
    archetype: str            # "hard-boiled private eye"
    goal: str                 # template, may use world slots: "find out who is {scheme}"
    conflict: str             # template
    traits: tuple[str, ...]
    clothing: tuple[str, ...]  # "trench coat", "evening gown"
    accessories: tuple[str, ...] = ()
    hair_styles: tuple[str, ...] = ("short",)
    voice: str = "even, clear"
    secret: str | None = None
    #: Which pronouns this archetype may take; the name pool follows.
    pronouns: tuple[str, ...] = ("she", "he", "they")


@dataclass(frozen=True)
class GenreKit:
    name: str                       # identifier: "noir"
    label: str                      # "film noir"
    #: Words and phrases in a request that name this genre ("film noir", "hardboiled").
    aliases: tuple[str, ...]
    #: 0..1: how strongly the genre defines a *world* (sci-fi 0.9, western 0.8, noir 0.4, romance 0.1).
    world_strength: float
    tone: str                       # "cynical, fatalistic, rain-soaked"

    # --- world facet
    era: str
    world_names: tuple[str, ...]
    world_description: tuple[str, ...]   # templates with {world}, {era}
    rules: tuple[str, ...]               # 3+ world facts (plain sentences)
    places: tuple[PlaceSpec, ...]        # 9+; every role at least once
    weathers: tuple[str, ...]            # model.bible.Weather values typical of the genre
    weather_phrases: dict[str, tuple[str, ...]]  # weather -> phrases ("rain needles the neon")
    mcguffins: tuple[tuple[str, str], ...]  # (full, short): ("the Halvorsen ledger", "the ledger")
    schemes: tuple[str, ...]
    stakes: tuple[str, ...]

    # --- style facet
    look: str                        # "high-contrast monochrome, venetian-blind shadows"
    palette: tuple[str, ...]         # 4-6 hex colours
    monochrome: bool
    contrast: float
    grain: float
    lighting: str
    motifs: tuple[str, ...]
    music: str

    # --- plot facet
    names_first: dict[str, tuple[str, ...]]  # "she" / "he" / "they" -> first names (8+ each)
    names_last: tuple[str, ...]              # 12+
    #: role -> archetypes. Roles: hero, villain, wild, comp (companions: allies, mentors, rivals).
    archetypes: dict[str, tuple[Archetype, ...]]
    titles: tuple[str, ...]          # series title templates ("The {mcguffin_short} of {world}")
    episode_titles: tuple[str, ...]  # "Dead Air", ... (6+)
    loglines: tuple[str, ...]        # templates
    scenes: dict[str, Scene]         # every key in SCENES
    #: Choice texts. Keys and option keys:
    #:   approach: bold, careful           crisis: save, press, deal
    #:   finale_together: plan, solo, trade  finale_alone: finish, spare
    choices: dict[str, ChoiceText]
    ending_titles: dict[str, tuple[str, ...]]  # triumph / bittersweet / tragedy / twist
    #: Lines spliced into the higher-stakes variant of a beat: (role, emotion, template, {flag: level}).
    intense_lines: tuple[tuple[str, str, str, dict[str, int]], ...]
    #: Lines for the calmer variant (breathing room, humour, tenderness).
    calm_lines: tuple[LineT, ...]
    #: Open threads for extension points ("who hired {wild}?").
    hooks: tuple[str, ...]
    moods: tuple[str, ...] = field(default_factory=tuple)  # words in requests that suggest this genre's mood
