"""Build the bible (world, cast, style) from the intent's genre kits.

The world kit gives places, rules and what is at stake; the plot kit gives the people,
their looks and the tone; the style blends both, then bends to the viewer's taste in looks.
"""

import random
import re
from dataclasses import dataclass

from anyascii import anyascii

from ..model import Bible, Character, Look, Performer, Place, StyleGuide, VoiceSpec, World
from .genres.kit import Archetype, GenreKit, PlaceSpec
from .interpret import Intent
from .peoples import local_costume, local_look, setting_country
from .text import Person, Writer, title_case

SKIN_TONES = ("#f1d3bf", "#e8b99a", "#d8a27c", "#c68e62", "#a86b45", "#8d5a3b", "#6b4028", "#4a2c1b")
HAIR_COLORS = ("#111111", "#2b1d14", "#4a3020", "#7a5230", "#b07a45", "#d8b56a", "#a33a1c", "#9a9a9a", "#e8e4dc")
EYE_COLORS = ("#3b2a1a", "#5a3d1f", "#2f5d7c", "#4d6b3a", "#6b6b6b")
GREYS = ("#1c1c1e", "#3a3a3d", "#5c5c60", "#8a8a8e", "#c4c4c0")
BUILDS = ("slim", "average", "broad", "small", "tall")
FACES = ("round", "oval", "square", "long", "heart")


@dataclass
class Cast:
    """The bible's characters by story function; ``comps[n-1]`` is episode n's companion."""

    hero: Character
    villain: Character
    wild: Character
    comps: list[Character]
    archetypes: dict[str, Archetype]
    #: The ids of characters cast as given (a pack's, a viewer's likeness): their looks are theirs.
    given: frozenset[str] = frozenset()

    @property
    def all(self) -> list[Character]:
        return [self.hero, self.villain, self.wild, *self.comps]


@dataclass
class WorldFacts:
    """World specifics every template may mention."""

    name: str
    mcguffin: tuple[str, str]
    scheme: str
    stakes: str
    era: str
    places: list[Place]
    specs: dict[str, PlaceSpec]  # place id -> spec (for its role)
    #: What the story's plot is about as an event ("the election"): each episode's own in compose.
    event: str = "the story"
    #: What the lead is afraid of ("tunnels"): the request's, else a fear a small one often has.
    fear: str = "the dark"


def slug(text: str, taken: set[str], limit: int = 3) -> str:
    # (in Latin letters first: Ngọc is ngoc, Élisabeth elisabeth, not "ng" and "lisabeth")
    words = re.findall(r"[a-z0-9]+", anyascii(text).lower().replace("'", ""))
    words = [w for w in words if w not in {"the", "a", "an", "of", "on", "at"}] or ["x"]
    base = "_".join(words[:limit])
    if not base[0].isalpha():
        base = "p_" + base
    base = base[:40]
    out, n = base, 2
    while out in taken:
        out, n = f"{base}_{n}", n + 1
    taken.add(out)
    return out


def build_world(intent: Intent, rng: random.Random, history_titles: set[str]) -> WorldFacts:
    w, p = intent.world, intent.plot
    taken: set[str] = set()
    specs = list(w.places)
    places: list[Place] = []
    by_id: dict[str, PlaceSpec] = {}
    # The plot genre (or a loved flavour) brings its weather: noir's rain falls inside the Mars domes.
    weather_from = intent.flavor or (p if w is not p else None)
    for spec in specs:
        pid = slug(spec.name, taken)
        weather = spec.weather
        if weather_from and weather_from.weathers and rng.random() < 0.5:
            weather = rng.choice(weather_from.weathers)
        places.append(Place(id=pid, name=spec.name, kind=spec.kind, description=spec.description,
                            time_of_day=spec.time_of_day, weather=weather))
        by_id[pid] = spec
    era = w.era if intent.era is None or intent.era == w.era else (
        intent.era if w is p and w.world_strength < 0.6 else f"{w.era}, styled after the {intent.era}")
    return WorldFacts(name=rng.choice(w.world_names), mcguffin=rng.choice(w.mcguffins),
                      scheme=rng.choice(w.schemes), stakes=rng.choice(w.stakes), era=era,
                      places=places, specs=by_id)


def pick_name(kit: GenreKit, pronoun: str, rng: random.Random, used: set[str]) -> str:
    firsts = [n for n in kit.names_first[pronoun] if n not in used] or list(kit.names_first[pronoun])
    first = rng.choice(firsts)
    # (where family names differ by who bears them, the first name says which: Oto Novotný)
    own = pronoun if pronoun != "they" else "she" if first in kit.names_first.get("she", ()) else "he"
    pool = kit.names_last_by.get(own) or kit.names_last  # type: ignore[call-overload]
    lasts = [n for n in pool if n not in used] or list(pool)
    last = rng.choice(lasts)
    used.update({first, last})
    return f"{first} {last}".strip()  # (one name only, where people had one: Nakht)


def _look(arch: Archetype, role: str, intent: Intent, palette: list[str], rng: random.Random) -> Look:
    mono = palette_is_mono(palette)
    clothes_pool = list(GREYS) if mono else palette
    age = {"villain": ("middle", "old", "adult"), "comp": ("young", "adult", "old", "middle")}.get(role, ("adult", "young"))
    return Look(
        build=rng.choice(BUILDS), face=rng.choice(FACES), age=rng.choice(age),
        skin=rng.choice(SKIN_TONES), hair_style=rng.choice(arch.hair_styles),
        hair_color=rng.choice(HAIR_COLORS), eye_color=rng.choice(EYE_COLORS),
        clothing=rng.choice(arch.clothing),
        clothing_colors=rng.sample(clothes_pool, k=min(2, len(clothes_pool))),
        accessories=list(arch.accessories[: rng.randint(0, len(arch.accessories))]) if arch.accessories else [],
    )


def palette_is_mono(palette: list[str]) -> bool:
    def sat(h: str) -> int:
        r, g, b = (int(h[i:i + 2], 16) for i in (1, 3, 5))
        return max(r, g, b) - min(r, g, b)
    return all(sat(c) < 24 for c in palette)


def _voice(arch: Archetype, pronoun: str, rng: random.Random) -> VoiceSpec:
    """The archetype's described voice with a little of its own. Register (pitch, vocal tract)
    comes from who they are at casting (synth/voice/design.py reads pronouns, age, species and
    this description), so here only a small personal offset is drawn."""
    return VoiceSpec(descriptor=arch.voice, pitch=round(rng.uniform(-0.25, 0.25), 2),
                     speed=round(1.0 + rng.uniform(-0.04, 0.04), 2),
                     timbre=round(rng.uniform(-0.5, 0.5), 2))


def build_cast(intent: Intent, facts: WorldFacts, palette: list[str], rng: random.Random,
               avoid_names: set[str], writer: Writer, given: dict[str, Character | Performer] | None = None) -> Cast:
    """The characters by story function. ``given`` (hero, villain, wild, comp1 ...: from an asset
    pack) are cast as they are: their names, pronouns, looks and voices; the genre's archetype
    only fills in a goal, conflict, traits or secret they leave empty."""
    p = intent.plot
    used = set(avoid_names)
    chosen: dict[str, Archetype] = {}
    people: dict[str, tuple[str, str]] = {}  # key -> (name, pronoun)
    comp_pool = list(p.archetypes["comp"])
    rng.shuffle(comp_pool)
    keys = ["hero", "villain", "wild"] + [f"comp{i + 1}" for i in range(intent.episodes)]
    given = given or {}
    for key in keys:
        if key.startswith("comp"):
            arch = comp_pool[(int(key[4:]) - 1) % len(comp_pool)]
        else:
            arch = rng.choice(p.archetypes[key])
        chosen[key] = arch
        pronoun = rng.choice(arch.pronouns)
        people[key] = (pick_name(p, pronoun, rng, used), pronoun)  # drawn even when given: the rest of
        if key in given:                                              # the story is the one it would be
            people[key] = (given[key].name, given[key].pronouns)
            used.update(given[key].name.split())

    def person(key: str) -> Person:
        return Person.named(*people[key])

    base_slots = world_slots(facts)
    role_of = {"hero": "protagonist", "villain": "antagonist", "wild": "wildcard"}
    comp_roles = COMP_ROLES
    chars: dict[str, Character] = {}
    ids: set[str] = set()
    for key in keys:
        name, pronoun = people[key]
        slots = dict(base_slots, hero=person("hero"), villain=person("villain"), wild=person("wild"),
                     comp=person(key) if key.startswith("comp") else person("comp1"), prev=person("hero"),
                     hero_archetype=chosen["hero"].archetype)
        role = role_of.get(key) or comp_roles[(int(key[4:]) - 1) % len(comp_roles)]
        made = make_character(chosen[key], name, pronoun, role, "comp" if key.startswith("comp") else key,
                              slots, ids, intent, palette, rng, writer)
        if key in given:
            made = cast_as_given(made, given[key], ids)
        chars[key] = made
    return Cast(hero=chars["hero"], villain=chars["villain"], wild=chars["wild"],
                comps=[chars[f"comp{i + 1}"] for i in range(intent.episodes)],
                archetypes={k: chosen[k] for k in keys}, given=frozenset(chars[k].id for k in given if k in chars))


#: The roles companions take, episode by episode.
COMP_ROLES = ("ally", "mentor", "rival", "ally", "love_interest")


def make_character(arch: Archetype, name: str, pronoun: str, role: str, kind: str, slots: dict, ids: set[str],
                   intent: Intent, palette: list[str], rng: random.Random, writer: Writer) -> Character:
    """One character of archetype ``arch`` (``kind``: hero, villain, wild or comp), its id new among ``ids``."""
    return Character(
        id=slug(name.split()[0], ids, 1), name=name, role=role, archetype=arch.archetype, pronouns=pronoun,
        goal=writer.fill(arch.goal, slots, sentence=False), conflict=writer.fill(arch.conflict, slots, sentence=False),
        traits=list(arch.traits), secret=writer.fill(arch.secret, slots) if arch.secret else None,
        look=_look(arch, kind, intent, palette, rng), voice=_voice(arch, pronoun, rng))


def cast_as_given(made: Character, asset: Character | Performer, ids: set[str]) -> Character:
    """``asset`` (a pack's character, or a performer such as a viewer's likeness) in the part
    ``made`` was written for: the asset's identity, look and voice; the part's role (by story
    function) and whatever the asset leaves empty."""
    if isinstance(asset, Performer):
        return made.model_copy(update={"name": asset.name, "pronouns": asset.pronouns, "look": asset.look,
                                       "voice": asset.voice})
    ids.discard(made.id)
    cid = asset.id if asset.id not in ids else made.id
    ids.add(cid)
    role = made.role if made.role in ("protagonist", "antagonist", "wildcard") or asset.role in (
        "protagonist", "antagonist", "wildcard") else asset.role
    return asset.model_copy(update={
        "id": cid, "role": role, "goal": asset.goal or made.goal, "conflict": asset.conflict or made.conflict,
        "traits": asset.traits or made.traits, "secret": asset.secret or made.secret,
        "archetype": asset.archetype or made.archetype})


def world_slots(facts: WorldFacts) -> dict:
    return {"world": facts.name, "mcguffin": facts.mcguffin[0], "mcguffin_short": facts.mcguffin[1],
            "scheme": facts.scheme, "stakes": facts.stakes, "era": facts.era, "event": facts.event,
            "last": "all that", "fear": facts.fear, "the_fear": fear_met(facts.fear)}


#: Words that say a fear is one already ("the dark", "her own shadow").
_ONE = {"the", "a", "an", "my", "his", "her", "its", "their", "our", "your", "this", "that", "these", "those"}
#: Plurals that are one thing met ("the heights"), not many of one.
_ONE_PLURAL = {"heights", "woods", "waves", "clouds", "crowds", "stairs", "glasses", "clothes", "people"}


def fear_met(fear: str) -> str:
    """What is feared as the story meets it, one of it (``{the_fear}``): "tunnels" -> "the tunnel",
    "big dogs" -> "the big dog", "thunder" -> "the thunder"; as said where it already is one ("the
    dark") or is a doing ("flying")."""
    from lemminflect import getLemma

    words = fear.split()
    last = words[-1]
    if words[0].lower() in _ONE or words[0].lower().endswith("ing") or last.lower().endswith("ing"):
        return fear
    if last.lower() not in _ONE_PLURAL:
        one = getLemma(last.lower(), upos="NOUN")[0]
        words[-1] = one[:1].upper() + one[1:] if last[:1].isupper() else one
    return "the " + " ".join(words)


def build_style(intent: Intent, facts: WorldFacts, rng: random.Random) -> StyleGuide:
    p, w = intent.plot, intent.world
    if p is w:
        palette, look, motifs, music = list(p.palette), p.look, list(p.motifs), p.music
    else:
        palette = list(dict.fromkeys(list(p.palette[:3]) + list(w.palette[:3])))
        look = f"{p.look}; {w.look}"
        motifs = list(dict.fromkeys(list(p.motifs[:4]) + list(w.motifs[:4])))
        music = f"{p.music}, over {w.music}"
    monochrome, contrast, grain = p.monochrome, max(p.contrast, w.contrast), p.grain
    if (f := intent.flavor) is not None:
        palette = list(dict.fromkeys(palette[:4] + list(f.palette[:2])))
        look = f"{look}; with a touch of {f.label}: {f.look.split(',')[0]}"
        motifs = list(dict.fromkeys(motifs[:6] + list(f.motifs[:2])))
        music = f"{music}, with a hint of {f.music.split(':')[0]}"
        grain = max(grain, f.grain * 0.5)
    looks = intent.looks
    # The viewer's taste in looks bends the genre's defaults.
    if looks.get("monochrome", 0) <= -0.3 or looks.get("colorful", 0) >= 0.5:
        if monochrome:
            monochrome = False
            palette = list(dict.fromkeys(list(w.palette) + list(p.palette)))[:6]
            look += "; colour kept for this viewer"
    elif looks.get("monochrome", 0) >= 0.5 and not monochrome:
        monochrome, look = True, look + "; in black and white for this viewer"
        palette = list(GREYS)
    if looks.get("neon", 0) >= 0.5:
        palette = (palette + ["#ff2fa8", "#21e6ff"])[-8:]
        motifs.append("neon signs")
    if looks.get("grain", 0) >= 0.5 or looks.get("film grain", 0) >= 0.5:
        grain = max(grain, 0.5)
    if looks.get("pastel", 0) >= 0.5:
        palette = [_pastel(c) for c in palette]
        look += "; soft pastel colours"
    return StyleGuide(look=look[:200], palette=palette[:8], monochrome=monochrome, contrast=contrast, grain=grain,
                      lighting=p.lighting, era=intent.era or facts.era, motifs=motifs[:10], music=music[:200])


def _pastel(h: str) -> str:
    r, g, b = (int(h[i:i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(v + (255 - v) * 0.55) for v in (r, g, b)))


#: The light a named weather gives a genre's sunny tone ("a rescue in a winter gale" is not sunlit).
_WEATHER_LIGHT = {"storm": "storm-lashed", "snow": "snow-bound", "rain": "rain-soaked", "fog": "fog-bound",
                  "dust": "dust-blown"}


def _weathered(tone: str, weather: str | None) -> str:
    light = _WEATHER_LIGHT.get(weather or "")
    return re.sub(r"\bsun(?:lit|ny|-bleached|-scorched|-drenched|-baked)\b", light, tone) if light else tone


def build_bible(intent: Intent, facts: WorldFacts, cast: Cast, style: StyleGuide, writer: Writer,
                rng: random.Random) -> Bible:
    p, w = intent.plot, intent.world
    slots = dict(world_slots(facts), hero=Person.of(cast.hero), villain=Person.of(cast.villain),
                 wild=Person.of(cast.wild), comp=Person.of(cast.comps[0]), prev=Person.of(cast.hero),
                 hero_archetype=cast.hero.archetype, place=facts.places[0].name, home=facts.places[0].name,
                 rule=w.rules[0], weather="")
    # Placeholders: the planner sets the title and logline from the plot shape.
    title = title_case(writer.fill("{world}", slots))
    logline = writer.fill("{hero.full} against {villain.full} in {world}.", slots)
    description = writer.fill(rng.choice(w.world_description), dict(slots, era=facts.era))
    if p is not w:
        description += (f" Here {p.label} never went away: {', '.join(p.motifs[:3])}; "
                        f"and the mood is {p.tone.split(',')[0]}.")
    # What the request said is not there is the world's first rule (and the picture's: nothing drawn).
    absent = intent.premise.absent if intent.premise is not None else []
    rules = [*(f"There {'are' if a.endswith('s') else 'is'} no {a} anywhere in {facts.name}." for a in absent), *w.rules]
    tone = _weathered(p.tone if p is w else f"{p.tone}; {w.tone.split(',')[0]}",
                      intent.premise.weather if intent.premise is not None else None)
    country = intent.premise.country if intent.premise is not None else None
    # the people are the country's (where the story is set in one): skin, hair and eyes drawn from its
    # people, except for a look that was given
    people = setting_country(country, facts.era)
    year = intent.premise.year if intent.premise is not None else None
    cast_all = [c if c.id in cast.given else c.model_copy(update={"look": local_look(
        local_costume(c.look, people, facts.era, year), c.name, people)}) for c in cast.all]
    return Bible(title=title[:200], logline=logline, genres=intent.genres, tone=tone[:200],
                 world=World(name=facts.name, era=facts.era, description=description, rules=rules[:12],
                             places=facts.places, country=country),
                 cast=cast_all, style=style)
