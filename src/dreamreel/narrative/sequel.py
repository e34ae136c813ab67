"""Keep going: the next episode of a story, from where one viewing of it ended.

    story (episodes 1..n) + an ending of episode n -> story with episodes 1..n+1

The story grows by an episode: the same bible (world, places, cast, style) with one more
character, and the graph with episode n+1 after every ending of episode n. The new episode is
the next plot in the series plan (``compose.series_plan``), composed the way the planner's are
(``compose.Composer``), with a new companion for the hero; the companion of the episode before
returns in its opening if they survived it, and is mourned if not, told for how it ended. Like every
planner episode it reads the state (who is alive, whom the hero trusts), so it is valid after
any path through the episodes before; a viewer goes on from where their viewing left the state
(``director.Walk(..., start=(n + 1, state))``). The new episode ends in extension points again,
so a story can go on and on.
"""

from __future__ import annotations

import hashlib
import random
from ..errors import BadInputError
from ..model import Profile, Story, Variable
from ..model.state import alive_var
from . import assets
from .assets import Pack
from .bible_builder import (
    COMP_ROLES,
    Cast,
    WorldFacts,
    build_world,
    cast_as_given,
    make_character,
    pick_name,
    world_slots,
)
from . import asked, floods
from .compose import series_plan
from .interpret import interpret
from .kits import kits as all_data
from .planner import compose_graph, pruned
from .text import Person, Writer

#: A bible holds at most this many characters: each episode brings one more.
MAX_CAST = 24


def continue_story(story: Story, ending: str, *, profile: Profile | None = None, seed: int = 0,
                   pack: Pack | None = None) -> Story:
    """``story`` with one more episode, written to follow ``ending`` (an ending id of its last
    episode, where an extension point is). A story written from an asset pack goes on only with
    that pack (``pack``), its new companion one of the pack's characters."""
    graph = story.graph
    known = {e.id: e for e in graph.endings}
    if ending not in known:
        raise BadInputError(f"no ending {ending!r} in story {story.id}")
    beat = graph.beat(known[ending].beat)
    point = next((x for x in graph.extension_points if x.beat == beat.id), None)
    if point is None:
        raise BadInputError(f"the story cannot go on from ending {ending!r}: it is not an extension point "
                            f"(those are at the last episode's endings)")
    if len(story.bible.cast) >= MAX_CAST:
        raise BadInputError(f"this story's cast is full ({MAX_CAST} characters); start a new story")
    profile = profile or Profile()
    n = beat.episode + 1
    key = f"{story.id}|{ending}|{seed}"
    rng = random.Random(hashlib.sha256(key.encode()).digest())

    request = story.request.model_copy(update={"episodes": n})
    intent = interpret(request, profile, rng.choice)
    intent.episodes = n  # this is the last episode so far: its endings can go on again
    writer = Writer(rng, intent.rating, intent.limits, intent.avoid)
    bible = story.bible
    data = all_data()
    premise = intent.premise
    assert premise is not None
    # The same world and places, with a new case in it (a new scheme, stakes and object).
    fresh = build_world(intent, rng, set())
    if not story.assets:
        fresh = asked.world(intent, premise, data, fresh, rng)
        fresh = floods.flooded(fresh, premise)
    specs = {spec.name: spec for spec in fresh.specs.values()}
    if story.assets:
        if pack is None or pack.sha256 not in {a.sha256 for a in story.assets}:
            ref = story.assets[0]
            raise BadInputError(f"story {story.id} was written from the asset pack {ref.name} {ref.version}; "
                                f"it goes on only with that pack")
        specs = {spec.name: spec for spec in assets.places(pack)[1].values()}
    if any(p.name not in specs for p in bible.world.places):
        raise BadInputError(f"story {story.id} was not written by the planner for its genres, so it "
                            f"cannot be continued here")
    facts = WorldFacts(name=bible.world.name, mcguffin=fresh.mcguffin, scheme=fresh.scheme, stakes=fresh.stakes,
                       era=bible.world.era, places=list(bible.world.places), fear=premise.fear or fresh.fear,
                       specs={p.id: specs[p.name] for p in bible.world.places})
    cast = _cast(story, intent, facts, rng, writer, n, pack if story.assets else None)

    planned = [s for s in story.generator.get("shapes", "").split("+") if s in data.shapes]
    main = data.shape(planned[0] if planned else intent.shape)
    shape = data.shape(series_plan(premise, main, 1, data.shapes, intent.genres, rng, start=n, rating=intent.plot_rating)[0])
    role = shape.roles.get("comp")
    newcomer = cast.comps[n - 1].model_copy(update={"job": asked.bare(role.label) if role else None})
    cast.comps[n - 1] = newcomer
    parts: dict = {"variables": [*graph.variables, Variable(name=alive_var(newcomer.id), type="bool", initial=True,
                                                           description=f"{newcomer.name} is alive and in the story")],
                   "beats": list(graph.beats), "groups": list(graph.groups), "endings": list(graph.endings),
                   "extension_points": []}  # episode n's endings now lead on to episode n + 1
    if not any(v.name == "last_ending" for v in graph.variables):
        raise BadInputError(f"story {story.id} was written by an older planner; write it again to continue it")
    objects = asked.objects(premise, [shape] * n, writer, asked.slots_for(premise, facts, cast), rng)
    new_graph = compose_graph(intent, premise, cast, facts, writer, rng, [shape], {}, objects, data,
                              thread_key=f"{story.seed}|{story.request.prompt}", graph=parts, first=n,
                              before=graph.episodes, introductions=asked.asked_as(premise, story.bible.cast))
    digest = hashlib.sha256(key.encode()).hexdigest()[:8]
    generator = {**story.generator, "continues": story.id, "after_ending": ending,
                 "shapes": "+".join([*planned, shape.id])}
    return pruned(Story(id=f"{story.id[:40]}_e{n}_{digest}", seed=story.seed, request=request,
                        profile_id=story.profile_id,
                        bible=story.bible.model_copy(update={"cast": [*story.bible.cast, newcomer]}),
                        graph=new_graph,
                        generator=generator, assets=story.assets))


def _cast(story: Story, intent, facts: WorldFacts, rng: random.Random, writer: Writer, n: int,
          pack: Pack | None = None) -> Cast:
    """The bible's characters by story function, and a new companion for episode ``n`` (from
    ``pack``, when the story is made of a pack's assets)."""
    by_role = {c.role: c for c in story.bible.cast}
    try:
        hero, villain, wild = by_role["protagonist"], by_role["antagonist"], by_role["wildcard"]
    except KeyError as e:
        raise BadInputError(f"story {story.id} has no {e.args[0]}, so it cannot be continued here") from None
    comps = [c for c in story.bible.cast if c not in (hero, villain, wild)]
    # Episode k's companion is comps[k - 1]: pad with the returning ones if an episode had none of its own.
    while len(comps) < n - 1:
        comps.append(comps[-1] if comps else hero)
    comps = comps[:n - 1]
    pool = list(intent.plot.archetypes["comp"])
    arch = pool[(n - 1) % len(pool)]
    given = None
    if pack is not None:
        left = assets.unused(pack, {c.name for c in story.bible.cast})
        if not left:
            raise BadInputError(f"every character of the pack {pack.assets.name} is in the story already: "
                                f"it cannot go on with a new companion")
        given = left[0]
        name, pronoun = given.name, given.pronouns
    else:
        pronoun = rng.choice(arch.pronouns)
        used = {part for c in story.bible.cast for part in c.name.split()}
        name = pick_name(intent.plot, pronoun, rng, used)
    slots = dict(world_slots(facts), hero=Person.of(hero), villain=Person.of(villain), wild=Person.of(wild),
                 comp=Person.named(name, pronoun), prev=Person.of(hero), hero_archetype=hero.archetype)
    ids = {c.id for c in story.bible.cast}
    newcomer = make_character(arch, name, pronoun, COMP_ROLES[(n - 1) % len(COMP_ROLES)], "comp", slots, ids,
                              intent, list(story.bible.style.palette), rng, writer)
    if given is not None:
        newcomer = cast_as_given(newcomer, given, ids)
    return Cast(hero=hero, villain=villain, wild=wild, comps=[*comps, newcomer],
                archetypes={})
