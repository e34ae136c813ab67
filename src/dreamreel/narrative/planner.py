"""The planner: the embedded, offline story writer. Request + profile + seed -> Story.

    interpret (genres, size, rating, taste) -> world -> style -> cast -> bible -> graph

Deterministic: every random choice comes from one ``random.Random`` seeded by the seed and
the request, so the same inputs always give the same story, and another seed another story.
"""

from __future__ import annotations

import dataclasses
import hashlib
import random
from typing import TYPE_CHECKING

from .. import __version__
from ..errors import BadInputError
from ..model import Performer, Profile, Request, Story
from ..model.premise import Premise
from . import asked, floods
from .bible_builder import build_bible, build_cast, build_style, build_world, slug, world_slots
from .compose import Composer, declare_series, finish_extension_points, prune, series_plan
from .interpret import Intent, interpret
from .kits import kits as all_data
from .text import Person, Writer, article, title_case

if TYPE_CHECKING:
    from .assets import Pack

PLANNER = "dreamreel.planner"
PLANNER_VERSION = "2"


def _rng(seed: int, request: Request, profile: Profile) -> random.Random:
    key = f"{seed}|{request.model_dump_json()}|{profile.model_dump_json()}"
    return random.Random(hashlib.sha256(key.encode()).digest())


#: The roles a character can be cast in before the story is written (by story function).
CASTABLE = {"protagonist": "hero", "antagonist": "villain", "wildcard": "wild"}


def plan(request: Request, profile: Profile | None = None, seed: int = 0, pack: Pack | None = None,
         cast: dict[str, Performer] | None = None, premise: Premise | None = None) -> Story:
    """Write a complete, valid story for this request and viewer (with ``pack``: only that asset
    pack's characters, settings, palettes and music). ``cast``: characters given for roles in
    ``CASTABLE`` (e.g. a viewer's likeness as the protagonist), written in from the start: their
    names and pronouns in every line, their looks and voices. ``premise``: the request as an LLM
    stage read it (default: the embedded reader's)."""
    profile = profile or Profile()
    rng = _rng(seed, request, profile)
    intent = interpret(request, profile, rng.choice, premise)
    return plan_intent(intent, request, profile, seed, rng, pack, cast_roles=cast)


def plan_intent(intent: Intent, request: Request, profile: Profile, seed: int, rng: random.Random,
                pack: Pack | None = None, cast_roles: dict[str, Performer] | None = None) -> Story:
    writer = Writer(rng, intent.rating, intent.limits, intent.avoid)
    past_names = {n for h in profile.history for c in h.characters for n in c.split()}
    facts = build_world(intent, rng, {h.title for h in profile.history})
    style = build_style(intent, facts, rng)
    given = None
    if pack is not None:
        from . import assets

        cast_of, notes = assets.cast(pack, intent.episodes, rng)
        intent = dataclasses.replace(intent, episodes=min(intent.episodes, len(cast_of.comps)),
                                     notes=[*intent.notes, *notes])
        pack_places, specs = assets.places(pack)
        facts = dataclasses.replace(facts, places=pack_places, specs=specs, name=pack.assets.world or facts.name)
        style = assets.style(pack, intent.genres, style.era, list(style.motifs))
        given = {"hero": cast_of.hero, "villain": cast_of.villain, "wild": cast_of.wild,
                 **{f"comp{i + 1}": c for i, c in enumerate(cast_of.comps)}}
    for role, character in (cast_roles or {}).items():
        if role not in CASTABLE:
            raise BadInputError(f"only {', '.join(CASTABLE)} can be cast before a story is written, not {role!r}")
        given = {**(given or {}), CASTABLE[role]: character}
    data = all_data()
    premise = intent.premise
    assert premise is not None
    facts = asked.world(intent, premise, data, facts, rng) if pack is None else facts
    facts = floods.flooded(facts, premise) if pack is None else facts  # the water over its streets
    # the era moved from the genre's own where what is asked cannot be then (a hacker, a diner):
    # the look follows it (the picture dates what it draws from it), as for an era asked
    moved = pack is None and facts.era != style.era and premise.era is None
    if pack is None and (premise.era or moved):
        style = style.model_copy(update={"era": facts.era})
    main = data.shape(intent.shape)
    facts = dataclasses.replace(facts, event=premise.event or main.event or f"the {main.label}",
                                fear=premise.fear or facts.fear)
    plan_ids = series_plan(premise, main, intent.episodes, data.shapes, intent.genres, rng, rating=intent.plot_rating)
    shapes = [data.shape(s) for s in plan_ids]
    base_cast = build_cast(intent, facts, list(style.palette), rng, past_names, writer, given)
    slots = asked.slots_for(premise, facts, base_cast)
    objects = asked.objects(premise, shapes, writer, slots, rng)
    facts = dataclasses.replace(facts, mcguffin=objects[1])
    slots.update(world_slots(facts), object=objects[1][0], object_short=objects[1][1])
    casting = asked.cast(intent, premise, main, base_cast, facts, writer, rng, set(given or {}), slots,
                         shapes)
    cast, jobs, narrator = casting.cast, casting.jobs, casting.narrator
    bible = build_bible(intent, facts, cast, style, writer, rng)
    people = dict(slots, hero=Person.of(cast.hero, jobs.get(cast.hero.id, "")), villain=Person.of(cast.villain),
                  wild=Person.of(cast.wild), comp=Person.of(cast.comps[0]), world=facts.name)
    title = title_case(writer.pick("title", main.titles, people, fallback=bible.title))
    # The logline says what happens (the shape) to whom (the asked-for people), where.
    job = cast.hero.job or cast.hero.archetype
    against = cast.villain.job or cast.villain.archetype
    logline = (f"{cast.hero.name}, {article(job)} {job}, and {cast.villain.name}, {article(against)} {against}, "
               f"in {facts.name}: {main.summary}.")
    bible = bible.model_copy(update={"narrator": narrator, "title": title[:200], "logline": logline[:4000]})
    described = asked.describe(premise, data, facts)
    if described is None and (premise.era is not None or moved):
        # The genre's own descriptions are of its era (jazz clubs, neon): an asked-for era gets a
        # plain one instead of an anachronism.
        described = f"{facts.name[:1].upper()}{facts.name[1:]}, {facts.era}: {bible.tone}."
    if described is not None:
        bible = bible.model_copy(update={"world": bible.world.model_copy(update={"description": described[:4000]})})
    graph = compose_graph(intent, premise, cast, facts, writer, rng, shapes, jobs, objects, data,
                          thread_key=f"{seed}|{request.prompt}", introductions=casting.asked_as)
    digest = hashlib.sha256(f"{seed}|{request.prompt}|{profile.id}".encode()).hexdigest()[:8]
    story_id = slug(bible.title, set(), 4)[:50] + "_" + digest
    resolved = request.model_copy(update={"episodes": intent.episodes, "target_seconds": intent.target_seconds,
                                          "rating": intent.rating, "genres": intent.genres})
    generator = {"planner": f"{PLANNER}/{PLANNER_VERSION}", "dreamreel": __version__,
                 "genres": "+".join(intent.genres), "pacing": intent.pacing, "shapes": "+".join(plan_ids)}
    if intent.notes:
        generator["notes"] = "; ".join(intent.notes)
    if pack is not None:
        generator["pack"] = f"{pack.assets.id}@{pack.assets.version}"
    story = Story(id=story_id, seed=seed, request=resolved, profile_id=profile.id, bible=bible, graph=graph,
                  generator=generator, assets=[pack.ref] if pack is not None else [])
    return pruned(story)




def thread_of(key: str, data):
    """The season's thread, the same for a story and every continuation of it."""
    if data.arc is None:
        return None
    threads = data.arc.threads
    return threads[int(hashlib.sha256(key.encode()).hexdigest(), 16) % len(threads)]


def compose_graph(intent: Intent, premise, cast, facts, writer: Writer, rng: random.Random, shapes, jobs,
                  objects, data, thread_key: str, graph: dict | None = None, first: int = 1, before=(),
                  introductions: dict[str, str] | None = None):
    """Episodes ``first``.. from their shapes, onto ``graph`` (a new one by default)."""
    from ..model import StoryGraph

    if graph is None:
        graph = {"variables": [], "beats": [], "groups": [], "endings": [], "extension_points": []}
        declare_series(cast, graph)
    total = first + len(shapes) - 1
    composer = Composer(intent, premise, data, cast, facts, writer, rng, jobs=jobs, objects=objects,
                        crowd=asked.crowd(premise, facts), total=max(total, intent.episodes),
                        thread=thread_of(thread_key, data), introductions=introductions or {},
                        strands=[data.shapes[s] for s in premise.shapes
                                 if s in data.shapes and s not in {x.id for x in shapes}][:1],
                        complications=[data.complications[c] for c in premise.complications
                                       if c in data.complications][:2])
    episodes = [composer.episode(n, shape, graph, last=n == total) for n, shape in enumerate(shapes, start=first)]
    # A length no telling of the story fits is said, not passed over: its cards, its words and
    # a moment for each scene take longer than that.
    shortest = max(composer.shortest.values(), default=0.0)
    if intent.length_asked and shortest > intent.target_seconds * 1.3:
        intent.notes.append(f"an episode of {intent.target_seconds} s is shorter than this story can be told: "
                            f"told as short as it goes, about {round(shortest / 5) * 5:.0f} s an episode")
    return StoryGraph(episodes=[*before, *episodes], **graph)


def pruned(story: Story) -> Story:
    """The story without tellings no path reaches (versions for states that never occur there)."""
    from .validate import validate

    def unreachable(graph) -> set[str]:
        report = validate(story.model_copy(update={"graph": graph}))
        return {p.beat for p in report.problems if p.code in ("unreachable_beat", "unreachable_ending") and p.beat}

    graph = finish_extension_points(prune(story.graph, unreachable))
    return story.model_copy(update={"graph": graph})
