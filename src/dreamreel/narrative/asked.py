"""Write what the request asked for into the world and the cast: its places become the places
scenes happen in, its people the cast (occupations, species, ages, relations), its era the
world's, its objects what each episode turns on.

    premise + genre world facts -> world facts (places from the asked-for places' rooms)
    premise + genre cast       -> cast (the asked-for people in the parts they fit)
"""

from __future__ import annotations

import dataclasses
import random
import re
from functools import cache

from ..model import Character, Place
from ..model.kits import PlaceWord, PlotShape, RoleT, Room
from ..model.premise import AskedPerson, Premise
from .bible_builder import Cast, WorldFacts, pick_name, slug
from .genres.kit import PlaceSpec
from .interpret import NOW, TIMELESS, Intent, fantasy_today, unasked_today
from .kits import Kits, kits
from .names import family_name, local
from . import gazetteer
from . import premise as reader
from .text import Person, Writer, article

#: Kinds of place drawn indoors: weather the request names stays outside them.
INDOORS = {"interior", "office", "bar", "apartment", "ballroom", "warehouse", "lab", "spaceship", "space_station",
           "saloon", "train", "mars_dome"}


def bare(label: str) -> str:
    for said in ("the ", "a ", "an "):
        if label.lower().startswith(said):
            return label[len(said):]
    return label




def world(intent: Intent, premise: Premise, kits: Kits, facts: WorldFacts, rng: random.Random) -> WorldFacts:
    """The world facts with the request's places (every room of each asked-for place) and era."""
    vocab = kits.vocabulary
    kinds = [vocab.places[p.kind] for p in premise.places if p.kind is not None]
    goals = [p.goal for p in premise.places if p.kind is not None]
    said = [p.named for p in premise.places if p.named and not p.goal]
    # the city over its country, whichever comes first ("the president of Brazil ... in Rio")
    named = next((c for c in said[1:] if said[0] and gazetteer.is_country(said[0]) and not gazetteer.is_country(c)
                  and gazetteer.country_of(c) == gazetteer.country_of(said[0])), said[0] if said else None)
    name = facts.name
    if named:
        name = named
    elif kinds:
        # Called what the request called it ("the refugee camp", "the carnival"), not the kind of
        # place it is drawn as ("a shanty town", "an amusement park").
        first = next(p for p in premise.places if p.kind is not None)
        # a place said only as its event ("in the school play") is called what it is: "the school hall"
        said = first.words[0] if not (premise.event and premise.event.endswith(first.words[0].lower())) \
            and not _said_of_someone(first.words[0], premise) else bare(first.label)
        name = _called(said)
        if kinds[0].vehicle and said[:1].isupper() and " " not in said:
            name = f"the ship bound for {said}"  # "a long voyage to Jupiter": aboard, not "in Jupiter"
    era = premise.era or facts.era
    latest = max((k.since for k in kinds if k.since is not None), default=None)
    genre_year = _year(facts.era)
    if premise.era is None and latest is not None and genre_year is not None and genre_year < latest:
        # The genre's era cannot have the place asked for (a 1930s comedy on a generation ship):
        # the place wins, and the era moves to when such a place can be.
        era = "the far future" if latest > 2030 else "the present day"
        intent.notes.append(f"{kinds[0].label} cannot be in the {facts.era}: set in {era}")
    elif premise.era is None and premise.people and premise.people[0].species in _vehicles() \
            and (genre_year is None or genre_year < 1900):
        # a tugboat or a tractor with a face lives in the age of engines, not the genre's 1720s or an
        # invented age of legend
        era = "the present day"
    elif premise.era is None and genre_year is not None and (since := _since(premise, vocab)) and genre_year < since:
        # a robot vacuum or an influencer lives now, not in a fantasy's 1720s or an invented age of
        # legend (and not in science fiction's 2140s either: it is already here)
        era = "the present day"
    elif premise.era is None and intent.world.name == "scifi" and kinds and all(
            k.world in _EARTHLY and (k.since is None or k.since <= 2000) for k in kinds):
        # an alien that crash-lands in a small town, or a UFO over a summer camp, comes to today's
        # Earth, not to science fiction's 2140s (asked in its own places, the future stays)
        era = "the present day"
    elif premise.era is None and intent.world.name == "fantasy" and fantasy_today(premise):
        era = "the present day"  # (magic in today's city: a witch in New Orleans, a dragon over London)
    elif premise.era is None and {"documentary", "mockumentary"} & set(premise.forms):
        era = "the present day"  # (a documentary's camera films now: penguins, a bakery, vampires in a flat share)
    elif premise.era is None and any(p.named for p in premise.places) and (
            intent.plot.name in TIMELESS and intent.world.name in TIMELESS
            or not premise.genres and intent.world.name == "adventure"):
        # (an adventure nobody asked for is a pirate's 1720s only where pirates are: "an elderly
        # couple in Kyiv making dumplings" is today's Kyiv)
        # A real city with no time asked is today's: Las Vegas magicians, a Naples restaurant
        # (a comedy's or a romance's own era is a look, not a date the viewer asked for).
        era = "the present day"
    elif unasked_today(premise, intent.plot.name, intent.world.name):
        # a comedy, a romance, a mystery or a thriller nobody asked for is told today: a single dad's
        # baking contest is no 1930s farce in Little Puddingford (their eras are a look, asked for
        # by name: "a screwball comedy", "a cozy mystery")
        era = "the present day"
    # (steampunk's airships and automatons are the point of it, no anachronism to name)
    if premise.year is not None and "steampunk" not in premise.prompt.lower():
        for k in kinds:
            if k.since is not None and premise.year < k.since:
                when = premise.era if premise.era.startswith("the ") or premise.era[:1].isdigit() \
                    else f"the {premise.era}"
                intent.notes.append(f"{k.label} in {when}: no such thing then; told as a dream of one")
                break
    said = [p.words[0] for p in premise.places if p.kind is not None]
    if not kinds and premise.event is not None and bare(premise.event) in _EVENT_PLACES:
        # where no place is asked, an event happens where such events do ("a wedding in Accra":
        # in the reception hall), said as the event, so its rooms keep their names
        label = _EVENT_PLACES[bare(premise.event)]
        kinds, said = [p for p in vocab.places if p.label == label][:1], [bare(premise.event)]
    elif not kinds and named and (city := _city_streets(intent, named, era, premise.year)):
        # A comedy, romance, mystery or thriller in New Orleans or 1920s Paris happens in its
        # streets, not in the genre's English village ("Rose Cottage", "the village fete").
        kinds, said = [p for p in vocab.places if p.label == city][:1], [""]
    if not kinds:
        return dataclasses.replace(facts, name=name, era=era)
    taken: set[str] = set()
    places: list[Place] = []
    specs: dict[str, PlaceSpec] = {}
    weather_from = intent.flavor or intent.plot
    goals += [False] * (len(kinds) - len(goals))  # (an event's or a city's place is where it starts)
    for p in premise.places:
        if p.named and p.goal and kinds:
            # "a cat who dreams of seeing Paris": the journey ends in its streets, called by its name
            label = "a city today" if gazetteer.is_city(p.named) else "a small town"
            kinds, said, goals = [*kinds, *[k for k in vocab.places if k.label == label][:1]], [*said, p.named], [*goals, True]
    for k, words, goal in list(zip(kinds, said, goals))[:3]:
        if places and words and not goal and any(re.search(rf"\b{re.escape(words.lower())}\b", q.name) for q in places):
            continue  # a part of a place already there: a desert island's lookout peak, not the Alps' ice wall
        rooms = _rooms_had(k, words, goal, any(goals), premise, era)
        if k.world != "space" and any(o.world == "space" for o in kinds):
            rooms = _off_world(rooms)  # "a lighthouse in space": its rooms, with no harbour village below
        # Where most scenes happen is called what the request called the place ("the park", "the
        # laundromat"): the hub, or the home where the hub is the street outside.
        outdoors = ("village", "city_street", "beach", "forest")
        hub = next((r for r in rooms if r.role == "hub"), None)
        main = hub if hub is not None and hub.kind not in outdoors else \
            next((r for r in rooms if r.role == "home" and r.kind not in outdoors), None)
        # (a place said as its event keeps its rooms' names: "a wedding" happens in the reception hall)
        event = bool(words) and premise.event is not None and premise.event.endswith(words.lower())
        if not words or event or goal or words.lower() in _SPACE or k.world == "digital" \
                or any(words.split()[-1].lower() in r.name for r in rooms) or _said_of_someone(words, premise):
            main = None
        for room in rooms:
            if room is main:
                room = room.model_copy(update={"name": _called(words) if not (k.vehicle and words[:1].isupper())
                                               else room.name})  # (the flight deck, not "Jupiter")
            pid = slug(room.name, taken)
            weather = room.weather or (rng.choice(weather_from.weathers) if weather_from.weathers and
                                       k.vehicle is False and rng.random() < 0.3 else "clear")
            if premise.weather and room.kind not in INDOORS:
                weather = premise.weather  # "a storm-bound lighthouse": the storm is outside every window
            tod = room.time_of_day or rng.choice(("day", "dusk", "night"))
            places.append(Place(id=pid, name=room.name, kind=room.kind, description=room.description,
                                time_of_day=tod, weather=weather))
            specs[pid] = PlaceSpec(name=room.name, kind=room.kind, role=room.role, description=room.description,
                                   time_of_day=tod, weather=weather)
    return dataclasses.replace(facts, name=name, era=era, places=places, specs=specs)


def _off_world(rooms: list[Room]) -> list[Room]:
    """An earthly place set off the Earth: its rooms indoors, and its high places looking out on
    space; its streets, shores and fields are not there."""
    kept = [r if r.kind in INDOORS else r.model_copy(update={"kind": "space_station", "weather": None})
            for r in rooms if r.kind in INDOORS or r.kind == "rooftop"]
    return kept or rooms


def _since(premise: Premise, vocab) -> int | None:
    """The latest year any asked-for person's kind first was (``PersonWord.since``), or their
    species' ("an AI assistant": an AI)."""
    years = [w.since for p in premise.people for w in vocab.people if w.since and (
        w.label == p.label or (w.kind == "species" and w.species == p.species != "human"))]
    return max(years, default=None)


def _kept_rooms(kind: PlaceWord, words: str, goal: bool, any_goal: bool) -> list[Room]:
    """The rooms of an asked-for place the story uses. A place longed for is only the journey's
    end: its far view (and summit), called what the request called it ("the ocean"); the place
    the journey starts from keeps the rest."""
    ends = ("vista",) if words[:1].isupper() else ("summit", "vista")  # (a city longed for: its streets' view)
    if goal:
        return [r.model_copy(update={"name": _called(words)}) if r.role == "vista" and words else r
                for r in kind.rooms if r.role in ends] or kind.rooms
    if any_goal:
        return [r for r in kind.rooms if r.role not in ends] or kind.rooms
    return kind.rooms


#: Proper names of places that English still gives an article ("on the Moon", not "on Moon").
_THE_NAMES = frozenset({"moon", "arctic", "antarctic", "sahara", "amazon", "pacific", "atlantic", "alps", "himalayas",
                        "andes", "caribbean", "mediterranean", "outback", "highlands", "west", "east", "north", "south"})


#: The worlds of places on today's Earth (a science fiction set in one is set now).
_EARTHLY = frozenset({"city", "countryside", "town", "forest", "mountains", "desert", "river", "swamp", "snow"})


#: Space itself, as a request says it: no article, and no room of it called by it ("the docking ring" is not "space").
_SPACE = ("outer space", "deep space", "space", "orbit")


def _said_of_someone(words: str, premise: Premise) -> bool:
    """Whether a place's word only says what game a team plays: a hockey team's place is the
    stadium, not "the hockey" (a lighthouse keeper's is still the lighthouse)."""
    return any(p.label == "sports team" and words.lower() in w.lower().split()[:-1] for p in premise.people for w in p.words)


def _called(said: str) -> str:
    """A place as the request called it: "the laundromat"; a proper name as it is ("Mars"), but
    "the Moon"."""
    said = re.sub(r"['\u2019]s$", "", said)  # "a ship's cook": the ship
    said = re.sub(r"^(\w+)-(town|city|village)$", r"\1 \2", said)  # "a small-town baker": the small town
    if said.lower().startswith("the "):
        return said.lower()
    if said.lower() in ("suburbia", "downtown", "uptown", "cyberspace", *_SPACE):
        return said.lower()  # (no article: "in suburbia")
    if said.lower().startswith(("a ", "an ")):  # "stuck in a lift": the lift
        return f"the {said.split(' ', 1)[1].lower()}"
    if said[:1].isupper() and said.lower() not in _THE_NAMES:
        return said
    return f"the {said if said[:1].isupper() else said.lower()}"


#: Events that have a place of their own, and the vocabulary's place for it.
_EVENT_PLACES = {"wedding": "a wedding venue", "road trip": "the open road", "first day of school": "a school",
                 "first day at school": "a school", "first day at a new school": "a school", "new school": "a school",
                 "birthday party": "a family house", "birthday": "a family house"}


#: Countries whose towns are a main street's (the vocabulary's "a small town").
_MAIN_STREET_COUNTRIES = frozenset({"US", "CA", "AU", "NZ"})
#: Countries named alone whose today is their own small towns, not an English farce's hotel ("Ireland").
_OWN_TOWNS = frozenset({"IE"})


def _city_streets(intent: Intent, named: str, era: str, asked_year: int | None) -> str | None:
    """The vocabulary's city a story set in ``named``, with no place of its own asked for,
    happens in, if a city's streets: a big one (300,000 people or more), in a genre whose places
    are its own village's; today's since the 1960s, an older one's from 1500 on (its rooms of their years); or a
    smaller American or Australian town's main street since the 1950s."""
    if intent.world.name not in TIMELESS and era != "the present day" and era == intent.world.era:
        # (a genre that keeps its years keeps its places; set today, or in years asked that are
        # not its own, it has a city's: a pulp adventure in 1960s Memphis is no pirate port)
        return None
    year = 2000 if era == "the present day" else (asked_year or _year(era))
    if year is None or year < 1500:
        return None  # (a medieval city is its genre's: a fantasy's, a castle's)
    if not gazetteer.is_city(named, 300_000):
        # a town of the New World since the 1950s has a main street and a diner, not a village
        # green and a tea room ("a mystery in Key West"); Britain's keep the genre's village
        # (only where every town of the name is: Whitby is Dracula's as well as Ontario's)
        # (a country of the New World, or Ireland, named alone has its small towns: a Maori
        # grandmother in New Zealand is not at a 1930s farce's Hotel Splendide)
        whole = gazetteer.is_country(named)
        # (a country is itself, not its namesakes: there is an Australia in Cuba)
        countries = {gazetteer.country_of(named)} if whole else gazetteer.town_countries(named)
        if countries and countries <= _MAIN_STREET_COUNTRIES | (_OWN_TOWNS if whole else set()) and year >= 1950:
            return "a small town"
        # a town or a region abroad has streets, not an English village's (Hokkaido, Lucca)
        if gazetteer.country_of(named) in (None, "GB", "IE", *_MAIN_STREET_COUNTRIES):
            return None
    if year >= 1960:
        return "a city today"
    # a thriller's own places are already a city's of its Cold War years (Vienna), not of 1750's
    return "a city of the past" if intent.world.name != "thriller" or year < 1940 else None


def _rooms_had(kind: PlaceWord, words: str, goal: bool, any_goal: bool, premise: Premise, era: str) -> list[Room]:
    """The rooms of an asked-for place the story has: those it uses, of its year and its continent."""
    return _in_their_land(_in_their_time(_kept_rooms(kind, words, goal, any_goal), premise.year or _year(era), era),
                          premise.country)


def _in_their_time(rooms: list[Room], year: int | None, era: str) -> list[Room]:
    """The rooms that can be in the story's year (no seaside promenade in 1710; no smugglers'
    landing today). A story with no year is today's, the future's, or an age of legend's (which has
    the old rooms)."""
    if year is None:
        year = 3000 if "future" in era else NOW if era.startswith("the present") else 1500
    kept = [r for r in rooms if (r.since is None or year >= r.since) and (r.before is None or year < r.before)]
    return kept or rooms


def _in_their_land(rooms: list[Room], country: str | None) -> list[Room]:
    """The rooms of the story's continent: a village in feudal Japan rings a temple bell, not a
    church's; where no country is asked, the rooms said first for each part of the place."""
    land = gazetteer.continent_of(country) if country else None
    if land is None:
        seen: set[str] = set()
        kept = []
        for r in rooms:  # (each part once: the first of those told for it)
            if not r.lands or r.role not in seen:
                kept.append(r)
                seen.add(r.role)
        return kept
    return [r for r in rooms if not r.lands or land in r.lands] or rooms


def _year(era: str) -> int | None:
    m = re.search(r"\b(1[0-9]|2[0-9])([0-9])0s\b|\b(1[0-9]{3}|2[0-9]{3})\b", era)
    if not m:
        return None
    return int(m.group(1) + m.group(2) + "0") if m.group(1) else int(m.group(3))


def describe(premise: Premise, kits: Kits, facts: WorldFacts) -> str | None:
    """The world as the request set it: the asked-for places and their parts, in the era."""
    asked = [p for p in premise.places if p.kind is not None]
    if not asked:
        return None
    goal = any(p.goal for p in asked)
    rooms = " ".join(f"{r.name[:1].upper()}{r.name[1:]}: {r.description.rstrip('.')}."
                     for p in asked[:2]
                     for r in _rooms_had(kits.vocabulary.places[p.kind], p.words[0], p.goal, goal, premise,
                                         facts.era)[:3])
    return f"{facts.name[:1].upper()}{facts.name[1:]}, {facts.era}. {rooms}"


@dataclasses.dataclass
class Casting:
    cast: Cast
    #: character id -> what they are, as a noun ("chef")
    jobs: dict[str, str]
    #: the character who narrates (a story "told by the ghost"), if any
    narrator: str | None
    #: character id -> how the request named them ("shy dragon"), for the asked-for people
    asked_as: dict[str, str]


def asked_as(premise: Premise, cast: list[Character]) -> dict[str, str]:
    """The asked-for people among a written cast (for a continuation): how the request named them."""
    labels = {p.label for p in premise.people}
    return {c.id: c.archetype for c in cast if c.job in labels and c.archetype.endswith(c.job or "")}


#: Relations that put someone at the lead's side ("his wife", "her brother", "a best friend").
_KIN = frozenset(["granddaughter", "grandson", "grandchild", "grandmother", "grandfather", "grandparent", "mother",
                  "father", "parent", "daughter", "son", "sister", "brother", "sibling", "twin", "aunt", "uncle",
                  "cousin", "niece", "nephew", "best friend", "imaginary friend", "husband", "wife", "partner",
                  "boyfriend", "girlfriend", "fiancé", "fiancée", "lover", "godmother", "godparent", "sidekick",
                  "apprentice", "friend"])

#: Kin who are family by blood: nobody's beloved.
_FAMILY = frozenset(["granddaughter", "grandson", "grandchild", "grandmother", "grandfather", "grandparent", "mother",
                     "father", "parent", "daughter", "son", "sister", "brother", "sibling", "twin", "aunt", "uncle",
                     "cousin", "niece", "nephew", "godmother", "godparent"])

#: Beings that talk in any story: people in all but kind, machines, the fantastic, parrots.
TALKERS = frozenset(["AI", "alien", "android", "angel", "construct", "cyborg", "demon", "dragon", "dwarf", "elf",
                     "fairy", "ghost", "giant", "gnome", "goblin", "griffin", "kaiju", "merfolk", "monster", "mummy",
                     "mythical beast", "parrot", "robot", "sea monster", "skeleton", "spirit", "toy", "troll",
                     "unicorn", "vampire", "werewolf", "yeti", "zombie"])
#: Who can take any part: people, and the beings that talk like them.
_ANY_PART = frozenset(["human", *TALKERS])


def parts(premise: Premise, second: str = "comp", kin: str = "comp", comps: int = 1,
          ghost: str | None = None, labels: dict[str, str] | None = None,
          lost: str | None = None) -> dict[str, AskedPerson]:
    """Which story function each asked-for person plays. The first named leads; a rival (or the
    second of "rival chefs") opposes; the next takes the part the plot gives a second person
    (``second``), or someone close to the lead the part it gives kin (``kin``), then the first
    companion, the opposition and the wildcard. A story has ``comps`` companions (one an episode).
    A ghost plays the plot's ghost, where it has a part of that name (``ghost``), wherever named;
    someone named as a part is called (``labels``: part -> its label) plays it ("his old partner"
    is a redemption's old partner, not kin at his side); the first missing one plays the part the
    plot reaches them in (``lost``)."""
    out: dict[str, AskedPerson] = {}
    queue: list[AskedPerson] = []
    # A group ("the crew", "villagers") is the crowd around the story, not one of its people.
    # Someone who died before the story ("her late husband") is remembered, not cast: ``lost``.
    # ... and someone missing is searched for ({missing}), not on screen, unless the plot finds them
    missing = [p for p in premise.people if not gone(p) and "missing" in p.traits]
    if lost and missing:
        out[lost] = missing[0]
    alive = [p for p in premise.people if not gone(p) and "missing" not in p.traits]
    # (a couple is two people, not a crowd: "an old couple decide to sell the family farm")
    people = [p for p in alive if p.kind != "group" or p.label == "couple"] or alive[:1]
    for n, p in enumerate(people):
        # "pirates", "rival chefs": two of the first named (one leads, one stands by or opposes);
        # "a samurai protects a village from bandits": one of the bandits is the opposition, not an ally too
        many = 2 if p.label == "couple" else p.count
        queue += [p] * min(many, 2 if n == 0 and p.relation != "invader" else 1)
    # A haunting's ghost is its ghost, not its lead ("a lonely ghost haunts an old hotel"), and the
    # one it haunts leads ("a ghost haunts a lighthouse keeper": no opposition for being haunted).
    spirit = next((p for p in queue if p.species in ("ghost", "spirit")), None) if ghost else None
    if ghost and spirit is not None:
        out[ghost] = spirit
        queue = [p for p in queue if p is not spirit]
    # The first named leads, unless the request names them the opposition or a witness; invaders
    # ("zombies invade a shopping mall") never lead: the plot's own people hold out against them.
    leads = [p for p in queue if p.relation not in ("rival", "witness", "invader")] or \
        [p for p in queue[:1] if spirit is not None and p.relation == "rival"]
    if not leads and queue and queue[0].relation == "rival" and queue.count(queue[0]) > 1:
        leads = queue[:1]  # "rival chefs", "two rival food truck owners": one of them leads, the other opposes
    if leads:
        out["hero"] = leads[0]
        queue.remove(leads[0])
    for part, label in (labels or {}).items():
        said = next((p for p in queue if part not in out and p is not out.get("hero")
                     and bare(label) in {" ".join([*p.traits, w]) for w in (p.label, p.called or p.label)}), None)
        if said is not None and part != "hero":
            out[part] = said
            queue = [p for p in queue if p is not said]
    # the friend the request makes ("a keeper's daughter befriends a seal") stands by the lead
    # before family does (the keeper took the companion's part and the seal was left out)
    # (the second of "two kids" stands by the first before anyone else does)
    queue.sort(key=lambda p: (p is not out.get("hero"), p.relation != "friend"))
    for p in queue:
        if "hero" not in out and p.relation not in ("rival", "witness", "invader"):
            out["hero"] = p
        elif p.relation in ("rival", "invader") and "villain" not in out:
            out["villain"] = p
        elif p.relation == "witness" and "wild" not in out:
            out["wild"] = p  # the one who saw it: the plot's wildcard
        elif p.relation in _KIN or (p.species not in _ANY_PART and p.relation != "rival"):
            # kin stand with the lead; so does an animal (a dog is nobody's hired guide or villain)
            # (a second companion only where there is a second episode: "for his granddaughter"
            # in a single film is its wildcard, not nobody)
            # (a romance's beloved is a sweetheart, never a parent or a child: "a lighthouse
            # keeper's daughter falls for a sailor" loves the sailor, her father stands by)
            theirs = kin if kin != "villain" or p.relation not in _FAMILY else "comp"
            free = [k for k in dict.fromkeys([theirs, "comp", *(["comp2"] if comps > 1 else []), "wild"])
                    if k not in out and (p.species in _ANY_PART or k in ("comp", "comp2"))]
            if free:
                out[free[0]] = p
        elif second not in out:
            out[second] = p
        elif "comp" not in out:
            out["comp"] = p
        elif "villain" not in out:
            out["villain"] = p
        elif "wild" not in out:
            out["wild"] = p
    return out


def cast(intent: Intent, premise: Premise, shape: PlotShape, base: Cast, facts: WorldFacts, writer: Writer,
         rng: random.Random, given: set[str], slots: dict, shapes: list[PlotShape] | None = None) -> Casting:
    """The cast with the asked-for people in their parts and every part shaped by the plot
    (archetype, goal, conflict); what each is, as a noun; who narrates; how the request named them.
    ``shapes`` are the series' episodes: the companion met in an episode plays that episode's part
    (a trial's counsel, not a third handler)."""
    asked = parts(premise, shape.second, shape.kin, len(base.comps),
                  next((k for k, r in shape.roles.items() if bare(r.label) == "ghost"), None),
                  {k: r.label for k, r in shape.roles.items()}, shape.lost)
    neighbours = _neighbours(premise, intent.genres)
    used = {w for c in base.all for w in c.name.split()}
    slots = dict(slots, hero=Person.of(base.hero), villain=Person.of(base.villain), wild=Person.of(base.wild),
                 comp=Person.of(base.comps[0]), prev=Person.of(base.hero))
    jobs: dict[str, str] = {}
    narrator: str | None = None
    start: dict[tuple[str, str], int] = {}
    played: dict[tuple[str, str], int] = {}  # how many of a part's people are cast so far
    named: dict[str, str] = {}
    # The parts' templates, filled again once everyone has their final name (a renamed lead or a
    # creature must not be called by the name the genre gave them first).
    written: dict[str, tuple[str | None, str, str]] = {}
    named_by_kind: list[str] = []  # the parts given to an animal story's neighbours, in turn
    vehicles = bool(neighbours) and neighbours[0] in _vehicles()
    recast: dict[str, str] = {}  # a vehicle story's parts written for a creature, and the vehicle each is

    def fit(c: Character, key: str, role: RoleT | None) -> Character:
        nonlocal narrator
        p = asked.get(key)
        update: dict = {}
        creature_word = ""
        lead = premise.lead_pronouns if key == "hero" and (p is None or p.pronouns is None) else None
        if lead and lead != c.pronouns and key not in given:
            # "she waited eleven years for this": the lead is a she, whoever else the plot casts.
            update.update(pronouns=lead, name=pick_name(intent.plot, lead, rng, used))
        if role is not None:
            # Companions take the role's archetypes in turn, so no two are the same person; past the
            # last, one keeps the genre's own description (two handlers "who swore this would be the
            # last operation" read as one person written twice).
            part = (key[:4], role.label)
            first = start.setdefault(part, rng.randrange(len(role.archetypes)))
            nth = played[part] = played.get(part, -1) + 1
            turn = first + nth
            fresh = nth < len(role.archetypes)
            if fresh:
                update["archetype"] = writer.fill(role.archetypes[turn % len(role.archetypes)], slots,
                                                  sentence=False)[:200]
                said = _gender(update["archetype"])
                if said and said != c.pronouns and p is None and key not in given and not lead:
                    # "a sister who has never wanted anything she could not make" is a she
                    update.update(pronouns=said, name=pick_name(intent.plot, said, rng, used))
            # the part's description names the creature ("a grumpy old owl"), else its label does ("the owl")
            kind = None if vehicles else creature(update.get("archetype", c.archetype), figurative=False) \
                or creature(role.label)
            if p is None and vehicles and key not in given:
                # a vehicle story's other parts are vehicles too: "a cross little badger" is a cross little bus
                species = neighbours[len(named_by_kind) % len(neighbours)]
                update["look"] = c.look.model_copy(update={"species": species})
                recast[c.id] = species
                update["archetype"] = as_vehicle(update.get("archetype", c.archetype), species)
                named_by_kind.append(key)
                creature_word = species if creature(role.label) is not None else ""
            elif p is None and kind is not None and key not in given:
                # "a grumpy old owl who wants everyone quiet": drawn and voiced as an owl, and
                # called one where the plot's label names another creature ("the cat")
                update["look"] = c.look.model_copy(update={"species": kind[1]})
                if creature(role.label) is not None:
                    creature_word = kind[0]
            elif p is None and neighbours and key not in given:
                # an animal story's other parts are its lead's neighbours: a heron suspect, a frog witness
                update["look"] = c.look.model_copy(update={"species": neighbours[len(named_by_kind) % len(neighbours)]})
                named_by_kind.append(key)
            update["goal"] = writer.fill(role.goal[(turn + nth) % len(role.goal)], slots, sentence=False)
            update["conflict"] = writer.fill(role.conflict[(turn + nth) % len(role.conflict)], slots, sentence=False)
            written[c.id] = (None if p is not None or not fresh else role.archetypes[turn % len(role.archetypes)],
                             role.goal[(turn + nth) % len(role.goal)], role.conflict[(turn + nth) % len(role.conflict)])
        job = creature_word or (bare(role.label) if role is not None else "")
        # the other of a couple is the other of the two ("he goes into hospital": she is his wife)
        other_half = ({"he": "she", "she": "he"}.get(lead_pronoun or "") if p is not None and p.label == "couple"
                      and key != "hero" else None)
        if p is not None:
            job = p.called or p.label  # what the request called them: "tomb builder", not "carpenter"
            if p.label == "couple":  # one of the couple: a husband, a wife (the pronoun is the plot's)
                job = {"he": "husband", "she": "wife"}.get(other_half or update.get("pronouns", c.pronouns), "partner")
            elif p.kind == "group":  # "a team of misfits" leads: one of them does, "the team member"
                of = re.match(r"(?:an? |the )?(?:group|gang|band|bunch|crew|circle) of (\w+)$", job)
                # ("a group of friends": "a friend", not "a group of friends member")
                job = reader._head(of.group(1)) if of else f"{bare(job)} member"
            if p.label in ("person", "woman", "man") and not p.called and (p.name or p.surname) and role is not None:
                job = bare(role.label)  # "with Jack": Jack is whoever the plot needs (the planner, the seeker)
            else:
                update["archetype"] = " ".join([*p.traits, job])[:200]
            if p.hopes:  # "a teenage boy who wants to be a drag queen"
                hope = p.hopes if p.hopes.split()[0] in ("a", "an", "the") else \
                    f"{article(p.hopes)} {p.hopes}"
                if p.hopes.startswith("to "):  # "a penguin who wants to fly"
                    hope = p.hopes.removeprefix("to ")
                update["archetype"] = f"{update.get('archetype', c.archetype)} who wants to " \
                                      f"{hope if p.hopes.startswith('to ') else 'be ' + hope}"[:200]
            if ("comp1" if key == "comp" else key) not in given:
                look = c.look.model_copy(update={k: v for k, v in (
                    ("species", p.species), ("age", p.age), ("clothing", p.clothing)) if v})
                if p.accessories:
                    look = look.model_copy(update={"accessories": list(p.accessories)[:6]})
                update["look"] = look
                if p.voice:
                    update["voice"] = c.voice.model_copy(update={"descriptor": p.voice})
                pronouns = other_half or p.pronouns
                if pronouns and pronouns != c.pronouns:
                    update["pronouns"] = pronouns
                    update["name"] = pick_name(intent.plot, pronouns, rng, used)
                if p.from_country and p.from_country != premise.country and p.species == "human":
                    # "a Nigerian chef in Berlin" is called as people are in Nigeria
                    update["name"] = pick_name(local(intent.plot, p.from_country, premise.year),
                                               update.get("pronouns", c.pronouns), rng, used)
                if p.traits:
                    update["traits"] = list(dict.fromkeys([*p.traits, *c.traits]))[:8]
            if premise.narrator and p.label == premise.narrator:
                narrator = c.id
        species = update.get("look", c.look).species
        if p is not None and p.label == "god" and not (p.name or p.surname) and \
                ("comp1" if key == "comp" else key) not in given:
            # "Norse gods play poker": Loki and Freya, not Frankie Cole
            # "the god of love" is Eros, where the pantheon has one: the word leans to a he
            god = (god_name(premise.prompt, "he", rng, used, p.called, premise.country)
                   if p.pronouns is None and p.count == 1 and p.called and p.called.split()[0] == "god" else None) \
                or god_name(premise.prompt, update.get("pronouns", c.pronouns), rng, used, p.called, premise.country,
                            said=p.pronouns is not None)
            if god is not None:
                update["name"] = god
                if p.pronouns is None:  # ("the god of war" is Ares, a he)
                    update["pronouns"] = god_pronoun(god)
        elif species != "human" and ("comp1" if key == "comp" else key) not in given:
            # a dragon is not "Sorrel Greymantle": a creature gets a storybook name, a machine a designation
            update["name"] = creature_name(species, update.get("pronouns", c.pronouns), intent, rng, used) \
                or update.get("name", c.name)
        if p is not None and (p.name or p.surname) and ("comp1" if key == "comp" else key) not in given:
            # "my daughter Mia", "his dog Biscuit", "Ms Okafor": called what the request calls them
            made = update.get("name", c.name).split()
            first = p.name or made[0]
            last = p.surname or (made[-1] if p.name and species == "human" and len(made) > 1 else "")
            update["name"] = f"{first} {last}".strip()
            used.add(update["name"])
        jobs[c.id] = job
        if p is not None:  # (one of a group is "the orchestra member", one of a couple "the wife")
            named[c.id] = job if p.label == "couple" else " ".join(
                [*p.traits, job if p.kind == "group" else p.called or p.label])
        if job:
            update["job"] = job[:200]
        return c.model_copy(update=update)

    lead_pronoun: str | None = None  # (read by fit once the lead is cast: the other of a couple)
    hero = fit(base.hero, "hero", shape.roles.get("hero"))
    lead_pronoun = hero.pronouns
    villain = fit(base.villain, "villain", shape.roles.get("villain"))
    wild = fit(base.wild, "wild", shape.roles.get("wild"))
    episodes = shapes or [shape]
    comps = [fit(c, "comp" if i == 0 else f"comp{i + 1}", episodes[min(i, len(episodes) - 1)].roles.get("comp"))
             for i, c in enumerate(base.comps)]
    final = dict(slots, hero=Person.of(hero), villain=Person.of(villain), wild=Person.of(wild),
                 comp=Person.of(comps[0]), prev=Person.of(hero),
                 missing=missing(premise, Person.of(hero), Person.of(comps[0])))

    def named_right(c: Character) -> Character:
        if c.id not in written:
            return c
        arch, goal, conflict = written[c.id]
        update = {"goal": writer.fill(goal, final, sentence=False), "conflict": writer.fill(conflict, final, sentence=False)}
        if arch is not None:
            update["archetype"] = writer.fill(arch, final, sentence=False)[:200]
            if c.id in recast:
                update["archetype"] = as_vehicle(update["archetype"], recast[c.id])
        return c.model_copy(update=update)

    hero, villain, wild = named_right(hero), named_right(villain), named_right(wild)
    comps = [named_right(c) for c in comps]
    family = {"hero": hero, "villain": villain, "wild": wild, "comp": comps[0]}
    for key, c in family.items():
        p = asked.get(key)
        if key != "hero" and p is not None and ("comp1" if key == "comp" else key) not in given \
                and _shares_surname(p, c, hero, given):
            last = family_name(hero.name.split()[-1], c.pronouns, premise.country)
            if last is not None:
                family[key] = c.model_copy(update={"name": f"{c.name.split()[0]} {last}"})
    hero, villain, wild, comps[0] = family["hero"], family["villain"], family["wild"], family["comp"]
    if premise.narrator and narrator is None:
        narrator = hero.id
    return Casting(dataclasses.replace(base, hero=hero, villain=villain, wild=wild, comps=comps), jobs, narrator,
                   named)


def _gender(text: str) -> str | None:
    """The pronoun a part's description gives its person: "a sister who ...", "... or pretends he can"."""
    head = re.split(r"\b(?:who|whose|with|that|of|from|in|on|at|for|to)\b", text)[0].split()
    said = _gendered().get(head[-1].lower()) if head else None
    if said is None:
        she = re.search(r"\b(?:she|her|hers|herself)\b", text)
        he = re.search(r"\b(?:he|him|his|himself)\b", text)
        said = "she" if she and not he else "he" if he and not she else None
    return said


@cache
def _gendered() -> dict[str, str]:
    # (labels only: "sweetheart" is read as a girlfriend, but a comedy's sweetheart may be anyone)
    return {p.label: p.pronouns for p in kits().vocabulary.people if p.pronouns and " " not in p.label}


#: Family who carry the lead's family name: "Mei Achebe talks to her daughter", Noor Achebe.
_BLOOD = frozenset(["granddaughter", "grandson", "grandchild", "grandmother", "grandfather", "grandparent", "mother",
                    "father", "parent", "daughter", "son", "sister", "brother", "sibling", "twin"])


def _shares_surname(p: AskedPerson, c: Character, hero: Character, given: set[str]) -> bool:
    if "'s " in (p.called or ""):
        return False  # "the gang leader's sister" is somebody else's family
    if (p.relation not in _BLOOD and p.label != "couple") or p.surname or c.look.species != "human" \
            or hero.look.species != "human":
        return False
    return len(c.name.split()) >= 2 and len(hero.name.split()) >= 2 and "hero" not in given


#: Words that make a story's animals talk, whoever it is for ("her talking tortoise").
TALKING = re.compile(r"\b(?:talking|talks?|speaks?|speaking|chatty|says|animated|animation|cartoon)\b", re.I)


def talking_world(premise: Premise, genres: list[str]) -> bool:
    """Whether a story's animals talk: for children, in a fantasy, or where the request says so
    (or tells it through an animal's eyes: "told from the point of view of the youngest pup")."""
    return premise.audience == "children" or "fantasy" in genres or bool(TALKING.search(premise.prompt)) \
        or bool(re.search(r"\b(?:point of view|eyes) of (?:a|an|the|its|their|his|her) ", premise.prompt, re.I)
                and premise.people and premise.people[-1].species not in ("human", "animal"))


#: Who lives near where an animal story is set (by the place's world): its other parts.
_NEIGHBOURS = {
    "sea": ("seagull", "crab", "seal", "otter", "turtle", "octopus"),
    "river": ("otter", "frog", "beaver", "swan", "newt", "rat"),
    "forest": ("fox", "owl", "badger", "rabbit", "squirrel", "hedgehog"),
    "countryside": ("pig", "sheep", "goat", "cow", "chicken", "donkey"),
    "town": ("cat", "dog", "mouse", "pigeon", "hedgehog", "squirrel"),
    "city": ("pigeon", "rat", "raccoon", "cat", "dog", "mouse"),
    "snow": ("penguin", "seal", "polar bear", "reindeer", "owl", "fox"),
    "desert": ("camel", "lizard", "snake", "beetle", "fox", "crow"),
    "mountains": ("goat", "eagle", "bear", "llama", "owl", "rabbit"),
    "swamp": ("frog", "crocodile", "snake", "turtle", "newt", "owl"),
    "sky": ("eagle", "owl", "crow", "songbird", "pigeon", "bat"),
    "underground": ("mole", "worm", "beetle", "rat", "badger", "spider"),
}
_WOODLAND = ("fox", "owl", "rabbit", "badger", "mouse", "hedgehog")


#: Who a vehicle story is peopled by, after its lead: an engine's yard has other engines, a bus
#: and a tractor; a tugboat's harbour other boats.
_VEHICLE_NEIGHBOURS = {
    "steam engine": ("steam engine", "bus", "tractor", "car"),
    "tugboat": ("tugboat", "steam engine", "tugboat", "bus"),
    "bus": ("car", "bus", "steam engine", "tractor"),
    "car": ("car", "bus", "tractor", "car"),
    "tractor": ("tractor", "car", "steam engine", "tractor"),
}


@cache
def _vehicles() -> frozenset[str]:
    """The species of the vehicles a request can make characters ("a little engine who...")."""
    return frozenset(p.species for p in kits().vocabulary.people if p.vehicle)


def as_vehicle(text: str, species: str) -> str:
    """A part written for a creature, given to a vehicle: "a cross little badger who hates being
    woken up" is "a cross little bus who..."."""
    found = creature(text)
    return re.sub(rf"\b{re.escape(found[0])}\b", species, text, count=1) if found else text


def _neighbours(premise: Premise, genres: list[str]) -> tuple[str, ...]:
    """The animals who take the parts nobody asked for, in a story whose every asked-for one is an
    animal that talks ("a detective duck solves the case of the missing pond, for 5 year olds");
    vehicles, where every asked-for one is a vehicle (vehicles with faces always talk); empty for
    any other story (a dog among people stays among people)."""
    people = [p for p in premise.people if p.kind != "group" and not gone(p)]
    if people and all(p.species in _vehicles() for p in people):
        return _VEHICLE_NEIGHBOURS.get(people[0].species, tuple(sorted(_vehicles())))
    animals = set(_creatures().values()) - _PEOPLE_LIKE - _MACHINES - {"dragon", "monster", "mythical beast"}
    if not people or not all(p.species in animals for p in people) or not talking_world(premise, genres):
        return ()
    v = kits().vocabulary
    world = next((v.places[p.kind].world for p in premise.places if p.kind is not None and v.places[p.kind].world), None)
    pool = _NEIGHBOURS.get(world or "", _WOODLAND)
    # the animals of a pack or a pride asked for are the first of its others ("a wolf pack")
    kin = tuple(dict.fromkeys(p.species for p in premise.people if p.kind == "group" and p.species in animals))
    return kin * 2 + tuple(a for a in pool if a not in {p.species for p in people}) or pool


#: Beings that are people in all but kind keep people's names ("a vampire", "the ghost of the
#: lighthouse keeper", "an elf").
_PEOPLE_LIKE = frozenset(["android", "angel", "cyborg", "dwarf", "elf", "fairy", "ghost", "giant", "gnome",
                          "goblin", "imaginary", "merfolk", "mummy", "skeleton", "spirit", "troll", "vampire",
                          "werewolf", "zombie", "toy"])
#: Machines are called by what they were built as.
_MACHINE_NAMES = ("Unit Seven", "Atlas", "Ferrous", "K-11", "Cog", "Tally", "Orrery", "Bolt", "Vesper-3", "Halo",
                  "Quill", "Argo", "Dex", "Lumen", "Sprocket", "Nine")
_MACHINES = frozenset(["robot", "AI", "construct"])
#: What a visitor from another world is called.
_ALIEN_NAMES = ("Zib", "Qorra", "Oolon", "Vexa", "Tiko", "Nnuru", "Xal", "Mirrak", "Ploo", "Sesh", "Yrret", "Kaal",
                "Thrennet", "Ulu", "Zeph", "Ixxa")
#: What people call the animals they keep: a stray puppy among fishermen is Biscuit, not Danielle.
_PET_NAMES = {
    "dog": ("Biscuit", "Rufus", "Scout", "Pepper", "Bramble", "Patch", "Skipper", "Barney", "Maisie", "Bonnie",
            "Juno", "Nell", "Toby", "Winnie", "Buster", "Tess"),
    "cat": ("Smudge", "Mittens", "Pickles", "Tabitha", "Marmalade", "Sooty", "Mog", "Tigger", "Pudding", "Socks",
            "Whiskers", "Misty"),
    "horse": ("Clover", "Thunder", "Duchess", "Star", "Blaze", "Hazel", "Jasper", "Willow", "Copper", "Misty",
              "Banjo", "Dapple"),
}
#: Old names for the one who deals ("a deal with the devil"), by pronoun.
_DEVIL_NAMES = {"he": ("Mr Scratch", "Old Nick", "Mr Grey", "Mephisto", "Nicholas Scratch"),
                "she": ("Madam Scratch", "Lilith", "Mistress Grey", "Old Meg", "Mother Crossways"),
                "they": ("Scratch", "Mephisto", "Grey", "Crossways", "Hob")}


#: The gods of the pantheons requests name, by pronoun.
_GODS = {
    "norse": {"he": ("Odin", "Thor", "Loki", "Baldur", "Tyr", "Heimdall", "Freyr", "Bragi"),
              "she": ("Freya", "Frigg", "Sif", "Hel", "Idun", "Skadi", "Eir", "Saga")},
    "greek": {"he": ("Zeus", "Apollo", "Hermes", "Ares", "Poseidon", "Hades", "Dionysus", "Hephaestus"),
              "she": ("Athena", "Hera", "Aphrodite", "Artemis", "Demeter", "Hestia", "Persephone", "Nyx")},
    "roman": {"he": ("Jupiter", "Mars", "Mercury", "Neptune", "Pluto", "Bacchus", "Vulcan", "Janus"),
              "she": ("Juno", "Minerva", "Venus", "Diana", "Ceres", "Vesta", "Proserpina", "Fortuna")},
    "egyptian": {"he": ("Ra", "Osiris", "Anubis", "Horus", "Thoth", "Set", "Ptah", "Khonsu"),
                 "she": ("Isis", "Bastet", "Hathor", "Ma'at", "Sekhmet", "Nephthys", "Nut", "Tefnut")},
}
_PANTHEON = re.compile(r"\b(norse|viking|asgard\w*|greek|olymp\w*|roman|egyptian)\b")
#: Who a god of something is, in each pantheon: "the god of thunder" in Oslo is Thor, in Athens
#: Zeus. The first pantheon listed is the one meant where nothing says which (Thor, for most
#: viewers today; Poseidon for the sea).
_DOMAINS = {
    "thunder": {"norse": "Thor", "greek": "Zeus", "roman": "Jupiter", "egyptian": "Set"},
    "sky": {"greek": "Zeus", "roman": "Jupiter", "norse": "Odin", "egyptian": "Nut"},
    "sea": {"greek": "Poseidon", "roman": "Neptune", "norse": "Njord", "egyptian": "Nun"},
    "war": {"greek": "Ares", "roman": "Mars", "norse": "Tyr", "egyptian": "Sekhmet"},
    "love": {"greek": "Aphrodite", "roman": "Venus", "norse": "Freya", "egyptian": "Hathor"},
    "underworld": {"greek": "Hades", "roman": "Pluto", "norse": "Hel", "egyptian": "Osiris"},
    "death": {"greek": "Hades", "egyptian": "Anubis", "roman": "Pluto", "norse": "Hel"},
    "sun": {"egyptian": "Ra", "greek": "Helios", "roman": "Sol", "norse": "Sunna"},
    "moon": {"greek": "Selene", "roman": "Luna", "egyptian": "Khonsu", "norse": "Mani"},
    "wisdom": {"greek": "Athena", "roman": "Minerva", "norse": "Odin", "egyptian": "Thoth"},
    "mischief": {"norse": "Loki", "greek": "Hermes", "roman": "Mercury", "egyptian": "Set"},
    "wine": {"greek": "Dionysus", "roman": "Bacchus"},
    "forge": {"greek": "Hephaestus", "roman": "Vulcan", "egyptian": "Ptah"},
    "hunt": {"greek": "Artemis", "roman": "Diana", "norse": "Skadi"},
    "harvest": {"greek": "Demeter", "roman": "Ceres", "norse": "Freyr"},
    "hearth": {"greek": "Hestia", "roman": "Vesta", "norse": "Frigg"},
    "music": {"greek": "Apollo", "roman": "Apollo", "norse": "Bragi"},
    "luck": {"roman": "Fortuna", "greek": "Tyche"},
}
#: The god of the other sex for the same thing, where the request says which ("the goddess of the
#: sea" is Amphitrite, "the god of love" Eros).
_DOMAINS_OTHER = {
    "sea": {"greek": "Amphitrite", "roman": "Salacia", "norse": "Ran"},
    "war": {"greek": "Athena", "roman": "Bellona", "norse": "Freya", "egyptian": "Montu"},
    "love": {"greek": "Eros", "roman": "Cupid", "norse": "Freyr"},
    "underworld": {"greek": "Persephone", "roman": "Proserpina", "egyptian": "Nephthys"},
    "death": {"greek": "Persephone", "roman": "Proserpina", "egyptian": "Nephthys"},
    "sun": {"greek": "Hemera", "norse": "Freyr", "egyptian": "Sekhmet"},
    "wisdom": {"norse": "Saga", "egyptian": "Seshat"},
    "sky": {"egyptian": "Shu", "roman": "Caelus", "greek": "Uranus"},
    "harvest": {"roman": "Saturn", "norse": "Sif"},
    "music": {"greek": "Euterpe", "roman": "Camena"},
    "hunt": {"norse": "Ullr", "roman": "Silvanus"},
    "mischief": {"greek": "Eris", "roman": "Discordia"},
}
#: Words for a domain that name it otherwise ("the god of lightning" is the thunderer).
_DOMAIN_WORDS = {"lightning": "thunder", "storms": "thunder", "storm": "thunder", "heavens": "sky",
                 "oceans": "sea", "ocean": "sea", "seas": "sea", "waters": "sea", "dead": "death",
                 "tricks": "mischief", "trickery": "mischief", "lies": "mischief", "chaos": "mischief",
                 "fire": "forge", "smiths": "forge", "beauty": "love", "battle": "war", "feasts": "wine",
                 "revelry": "wine", "fortune": "luck", "home": "hearth", "crops": "harvest"}
#: The pantheon a story set in a country means when it names none.
_PANTHEON_OF = {"NO": "norse", "SE": "norse", "DK": "norse", "IS": "norse", "FI": "norse", "GR": "greek",
                "IT": "roman", "EG": "egyptian"}
#: (Rome's Sol is a god; the Norse sun, Sól, is a goddess, here by her other name, Sunna.)
_GODDESSES = frozenset(n for g in _GODS.values() for n in g["she"]) | {
    "Selene", "Luna", "Sunna", "Tyche", "Amphitrite", "Salacia", "Ran", "Bellona", "Hemera", "Seshat", "Euterpe",
    "Camena", "Eris", "Discordia"}


def god_name(prompt: str, pronoun: str, rng: random.Random, used: set[str], called: str | None = None,
             country: str | None = None, said: bool = True) -> str | None:
    """A god's name: the one the request means by what they are god of ("the god of thunder":
    Thor, or Zeus in Athens), else one from the pantheon the request names (Norse where it says
    Asgard, Greek where Olympus); None where it names neither (a god of its own keeps a person's
    name). A pronoun not ``said`` by the request gives way to the god's own."""
    low = prompt.lower()
    m = _PANTHEON.search(low)
    word = m.group(1) if m else ""
    pantheon = "norse" if word in ("norse", "viking") or word.startswith("asgard") else \
        "greek" if word.startswith("olymp") else word or _PANTHEON_OF.get(country or "", "")
    of = re.search(rf"\b{re.escape(called)} of (?:the )?([a-z]+)", low) if called else None
    if of is None and called and " of " in called:
        of = re.search(r" of (?:the )?([a-z]+)", called)
    key = _DOMAIN_WORDS.get(of.group(1), of.group(1)) if of else ""
    if key in _DOMAINS:
        # The pantheon's god of it, or where none is named the best known; a goddess asked for
        # ("the goddess of the sea") is the goddess of it, in that pantheon or the first that has one.
        ways = [_DOMAINS[key], _DOMAINS_OTHER.get(key, {})]
        names = [w[pantheon] for w in ways if pantheon in w] if pantheon else [n for w in ways for n in w.values()]
        name = next((n for n in names if n not in used and (not said or pronoun in ("they", god_pronoun(n)))), None)
        if name:
            used.add(name)
            return name
    if not pantheon:
        return None
    names = _GODS[pantheon]
    pool = [n for n in (names.get(pronoun) or names["he"] + names["she"]) if n not in used]
    if not pool:
        return None
    name = rng.choice(pool)
    used.add(name)
    return name


def god_pronoun(name: str) -> str:
    """A god's own pronoun, by name (Thor is a he, Freya a she)."""
    return "she" if name in _GODDESSES else "he"


def creature_name(species: str, pronoun: str, intent: Intent, rng: random.Random, used: set[str]) -> str | None:
    """What a non-human character is called: a machine's designation, the devil's old names, and
    for a creature one storybook first name, alliterative where the genre has one ("Olive" the
    owl, "Mabel" the mouse). None: a being that keeps a person's name."""
    if species in _PEOPLE_LIKE:
        return None
    if species in _MACHINES:
        pool = list(_MACHINE_NAMES)
    elif species == "demon":
        pool = list(_DEVIL_NAMES.get(pronoun, _DEVIL_NAMES["they"]))
    elif species == "alien":
        pool = list(_ALIEN_NAMES)  # (from another world: not Mateo Lindqvist)
    elif species in _PET_NAMES and intent.premise is not None and any(
            (p.species or "human") == "human" and p.kind != "group" for p in intent.premise.people):
        pool = list(_PET_NAMES[species])  # kept by people, named as people name their animals
    else:
        pool = list(intent.plot.names_first.get(pronoun) or intent.plot.names_first.get("they") or [])
    free = [n for n in pool if not set(n.split()) & used]
    if not free:
        return None  # every such name is taken: keep the person's name rather than repeat one
    name = rng.choice([n for n in free if n[:1].lower() == species[:1].lower()] or free)
    used.update(name.split())
    return name


#: Creatures whose names also call people something ("a mole in the agency", "a loan shark").
_FIGURES_OF_SPEECH = frozenset(["mole", "rat", "snake", "shark", "weasel", "pig", "vulture", "hawk", "dove", "worm"])


#: Phrases that call a person by an animal's name.
_IDIOMS = re.compile(r"\b(dark horse|lone wolf|old fox|cold fish|night owl|early bird|eager beaver|"
                     r"social butterfly|top dog|underdog|black sheep|copycat|cash cow|guinea pig|sitting duck|"
                     r"lame duck|fat cat|scaredy[- ]cat|busy bee|queen bee|bookworm|card shark|loan shark)\b")


def creature(text: str, figurative: bool = True) -> tuple[str, str] | None:
    """(word, species) where a plot's own description of someone names a creature ("a sleepy
    tortoise": tortoise, turtle); None for people. ``figurative=False``: a word that also calls a
    person something ("the mole") is read as the person."""
    table = _creatures()
    low = _IDIOMS.sub(" ", text.lower())  # "the dark horse" is a person nobody backed, not a horse
    return next(((w, table[w]) for w in re.findall(r"[a-z]+", low)
                 if w in table and (figurative or w not in _FIGURES_OF_SPEECH)), None)


@cache
def _creatures() -> dict[str, str]:
    # (not vehicles: "the bus driver" is a person; a vehicle is a character only where asked)
    return {w.lower(): p.species for p in kits().vocabulary.people if p.kind == "species" and p.species != "human"
            and not p.vehicle
            for w in p.words if " " not in w}


def objects(premise: Premise, shapes: list[PlotShape], writer: Writer, slots: dict,
            rng: random.Random) -> dict[int, tuple[str, str]]:
    """What each episode turns on: the asked-for objects, in turn; else each episode's shape's."""
    out: dict[int, tuple[str, str]] = {}
    made = _place_made(premise)
    for n, shape in enumerate(shapes, start=1):
        if premise.things:  # what the request named recurs through the series
            label = premise.things[(n - 1) % len(premise.things)]
        elif shape.makes_place and made is not None:  # "reopens her bakery": the bakery
            label = made
        else:
            label = writer.fill(rng.choice(shape.objects), slots, sentence=False)
        if not label.lower().startswith(("the ", "a ", "an ")):
            label = f"the {label}"
        # (the viewer's own words for a thing stay whole, the second time too)
        out[n] = (label, bare(label) if premise.things else short_name(label))
    return out


#: Words that start what a thing's name says about it: "the painting [nobody is allowed to see]".
_CLAUSE = re.compile(r" (?:nobody|no one|everyone|everybody|that|which|who|whose|nobody's|full|from|with|in|on|at|"
                     r"for|under|behind|inside|hidden|stolen|left|kept|found|buried|locked) ")


def short_name(label: str) -> str:
    """A thing's name without what is said about it, for titles and second mentions: "the
    painting nobody is allowed to see" -> "painting", "a briefcase full of banknotes" -> "briefcase"
    ("a pair of dancing shoes" stays whole: what comes after "of" is often the thing)."""
    name = bare(label)
    cut = _CLAUSE.search(name)
    return name[:cut.start()] if cut is not None and len(name.split()) > 3 else name


def gone(person: AskedPerson) -> bool:
    """Dead before the story starts and not back as a ghost: remembered, never on screen."""
    return "dead" in person.traits and person.species == "human"


def lost(premise: Premise, hero: Person | None) -> str:
    """The one who is gone, as the request names them ("her late husband"), for ``{lost}``.
    Before the cast is final (archetypes), the lead's pronoun is not known: "the late husband"."""
    dead = next((p for p in premise.people if gone(p)), None)
    if dead is None:
        return "the one who is gone"
    said = (dead.called or dead.label).split()
    said = ["late", *[w for w in said if w not in ("late", "dead", "deceased", "departed")]]
    return f"{hero.their if hero is not None else 'the'} {' '.join(said)}"


def missing(premise: Premise, hero: Person, comp: Person) -> str:
    """Who has gone missing, for ``{missing}``: as the request names them ("the orchestra's
    conductor", "her son"), else the companion's oldest friend."""
    gone_ = next((p for p in premise.people if "missing" in p.traits), None)
    if gone_ is None:
        return f"{comp.name}'s oldest friend"
    said = gone_.called or gone_.label
    if gone_.relation in _KIN:
        return f"{hero.their} {said}"
    return said if said.startswith(("the ", "a ", "an ")) else f"the {said}"


def _place_made(premise: Premise) -> str | None:
    """The asked-for place the request says is being made or mended ("reopen her late husband's
    bakery": "the bakery"), or None."""
    toks = reader.tokens(premise.prompt)
    for place in (p for p in premise.places if p.kind is not None):
        last = place.words[0].lower().split()[-1]
        for i, t in enumerate(toks):
            if t.low == last and any(x.forms & (reader.words("makes") | reader.words("keeps")) for x in toks[max(0, i - 5):i]):
                return f"the {place.words[0].lower()}"
    return None


def slots_for(premise: Premise, facts: WorldFacts, base: Cast) -> dict:
    """Every slot a template may name, before the episode's object is known (it may not be named)."""
    from .bible_builder import world_slots

    home = next((p for p in facts.places if facts.specs[p.id].role == "home"), facts.places[0])
    return dict(world_slots(facts), home=home.name, place=home.name, weather="the air is still",
                crowd=crowd(premise, facts), hero=Person.of(base.hero), villain=Person.of(base.villain),
                wild=Person.of(base.wild), comp=Person.of(base.comps[0]), prev=Person.of(base.hero),
                lost=lost(premise, None), missing=missing(premise, Person.of(base.hero), Person.of(base.comps[0])))


def crowd(premise: Premise, facts: WorldFacts) -> str:
    group = next((p for p in premise.people if p.kind == "group"), None)
    if group is not None:
        return group.label if group.label.startswith("the ") else f"the {group.label}"
    group = next((p for p in premise.people if p.count > 1 and p.relation is None), None)
    if group is not None:
        return f"the {group.label}s" if not group.label.endswith("s") else f"the {group.label}"
    return f"everyone in {facts.name}"
