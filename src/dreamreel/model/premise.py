"""What a request asks for, as read: the premise every later step of the Narrative Engine writes to."""

from typing import Literal

from pydantic import Field

from .base import SCHEMA_VERSION, Ident, Model, ShortText
from .bible import Age
from .content import Rating


class AskedPerson(Model):
    """Someone the request names: "a shy dragon", "her granddaughter", "rival chefs"."""

    label: ShortText                    # "dragon", "chef"
    words: list[ShortText]              # the request's words for them
    #: What the request calls one of them, as the story should ("tomb builder", "newsboy",
    #: "pen pal"), where ``label`` is the vocabulary's kind ("carpenter", "courier").
    called: ShortText | None = None
    kind: Literal["occupation", "species", "relation", "age", "group"] = "occupation"
    count: int = 1
    species: ShortText = "human"
    age: Age | None = None
    pronouns: Literal["she", "he", "they"] | None = None
    traits: list[ShortText] = Field(default_factory=list)
    #: Relation words ("rival", "granddaughter") that place them against or beside the lead.
    relation: ShortText | None = None
    #: What they really are, hidden until the story reveals it, as the request says it: "the
    #: carpet seller is secretly a double agent", "a robot disguised as a butler" (a butler,
    #: secretly a robot).
    secret: ShortText | None = None
    #: What they want to become, as the request says it: "a teenage boy who wants to be a drag
    #: queen", "a robot who dreams of becoming a painter" (a hope, not one more person).
    hopes: ShortText | None = None
    #: The name the request gives them ("my daughter Mia", "his dog Biscuit", "a robot named
    #: Bolt"), and the family name a title gives ("Ms Okafor", "Dr Patel"): the story calls them so.
    name: ShortText | None = None
    surname: ShortText | None = None
    clothing: ShortText | None = None
    accessories: list[ShortText] = Field(default_factory=list)
    voice: ShortText | None = None
    #: Where they are from, where the story is set elsewhere ("a Nigerian chef opens a restaurant
    #: in Berlin"): they have that country's names.
    from_country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")


class AskedPlace(Model):
    label: ShortText                    # "a lighthouse"
    words: list[ShortText]
    #: Index into the vocabulary's places (its rooms become the story's places), or None for a
    #: named place that only names the world ("Paris").
    kind: int | None = None
    named: ShortText | None = None      # "Paris"
    #: Where the lead longs to go, not where the story starts ("a robot vacuum that wants to see
    #: the ocean"): the journey's end, reached late in the story.
    goal: bool = False


class Premise(Model):
    """The request, understood. Everything here is meant to be seen in the story."""

    schema_version: int = SCHEMA_VERSION
    prompt: str
    places: list[AskedPlace] = Field(default_factory=list)
    people: list[AskedPerson] = Field(default_factory=list)
    things: list[ShortText] = Field(default_factory=list)   # "the tiara"
    #: What the request says is not there ("a house with no clocks", "a casino without windows"):
    #: the world's rule, and nothing the picture draws.
    absent: list[ShortText] = Field(default_factory=list)   # "clocks"
    #: Plot shapes asked for, strongest first ("heist").
    shapes: list[Ident] = Field(default_factory=list)
    #: Complications asked for that no shape tells alone ("sabotage", "madness"): they run beneath.
    complications: list[Ident] = Field(default_factory=list)
    #: The event the request names, in its own words ("the snake-boat race"), and the shape it asks for.
    event: ShortText | None = None
    event_shape: Ident | None = None
    #: What the lead is afraid of, in the request's words ("tunnels", "storms", "the dark"):
    #: ``{fear}`` in the templates; a story about a fear meets it.
    fear: ShortText | None = None
    genres: list[Ident] = Field(default_factory=list)
    era: ShortText | None = None
    year: int | None = None
    #: The country of the first real place named (ISO 3166 alpha-2), else the one its era is
    #: ("feudal Japan": JP): whose names its people have.
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    weather: Literal["clear", "rain", "snow", "fog", "dust", "storm", "embers"] | None = None
    moods: list[ShortText] = Field(default_factory=list)
    audience: Literal["children", "family", "teens", "adults"] | None = None
    #: The youngest viewer's age, when the request gives it ("for my 5 year old").
    child_age: int | None = None
    forms: list[ShortText] = Field(default_factory=list)
    #: The lead's pronouns where the request says "she" or "he" of someone it does not name
    #: ("she waited eleven years for this", "the summer she turned twelve").
    lead_pronouns: Literal["she", "he"] | None = None
    #: Who tells it, for a story "told by the ghost": a label among ``people``.
    narrator: ShortText | None = None
    rating: Rating | None = None
    episodes: int | None = None
    #: Content words that were not understood, named back to the viewer.
    not_understood: list[str] = Field(default_factory=list)
    #: What was assumed or refused, one line each.
    notes: list[str] = Field(default_factory=list)
