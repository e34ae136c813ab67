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
from .bible_builder import build_bible, build_cast, build_style, build_world, slug
from .interpret import Intent, interpret
from .structure import build_graph
from .text import Writer

if TYPE_CHECKING:
    from .assets import Pack

PLANNER = "dreamreel.planner"
PLANNER_VERSION = "1"


def _rng(seed: int, request: Request, profile: Profile) -> random.Random:
    key = f"{seed}|{request.model_dump_json()}|{profile.model_dump_json()}"
    return random.Random(hashlib.sha256(key.encode()).digest())


#: The roles a character can be cast in before the story is written (by story function).
CASTABLE = {"protagonist": "hero", "antagonist": "villain", "wildcard": "wild"}


def plan(request: Request, profile: Profile | None = None, seed: int = 0, pack: Pack | None = None,
         cast: dict[str, Performer] | None = None) -> Story:
    """Write a complete, valid story for this request and viewer (with ``pack``: only that asset
    pack's characters, settings, palettes and music). ``cast``: characters given for roles in
    ``CASTABLE`` (e.g. a viewer's likeness as the protagonist), written in from the start: their
    names and pronouns in every line, their looks and voices."""
    profile = profile or Profile()
    rng = _rng(seed, request, profile)
    intent = interpret(request, profile, rng.choice)
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
    cast = build_cast(intent, facts, list(style.palette), rng, past_names, writer, given)
    bible = build_bible(intent, facts, cast, style, writer, rng)
    graph = build_graph(intent, cast, facts, writer, rng)
    digest = hashlib.sha256(f"{seed}|{request.prompt}|{profile.id}".encode()).hexdigest()[:8]
    story_id = slug(bible.title, set(), 4)[:50] + "_" + digest
    resolved = request.model_copy(update={"episodes": intent.episodes, "target_seconds": intent.target_seconds,
                                          "rating": intent.rating, "genres": intent.genres})
    generator = {"planner": f"{PLANNER}/{PLANNER_VERSION}", "dreamreel": __version__,
                 "genres": "+".join(intent.genres), "pacing": intent.pacing}
    if intent.notes:
        generator["notes"] = "; ".join(intent.notes)
    if pack is not None:
        generator["pack"] = f"{pack.assets.id}@{pack.assets.version}"
    return Story(id=story_id, seed=seed, request=resolved, profile_id=profile.id, bible=bible, graph=graph,
                 generator=generator, assets=[pack.ref] if pack is not None else [])
