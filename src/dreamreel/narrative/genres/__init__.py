"""The genres the planner knows, one kit a module, found by name or by words in a request."""

import importlib
import re
import string
from functools import cache
from typing import get_args

from ...errors import UnknownNameError
from ...model.bible import PlaceKind
from ...model.story import Emotion
from .kit import SCENE_CAST, SCENES, GenreKit

#: Module names under dreamreel.narrative.genres; each defines KIT.
GENRE_MODULES = (
    "noir", "scifi", "fantasy", "horror", "western", "romance", "comedy", "thriller", "mystery",
    "cyberpunk", "postapoc", "adventure",
)

PERSON_SLOTS = ("hero", "villain", "comp", "wild", "prev")
PERSON_ATTRS = ("name", "full", "they", "them", "their", "They", "Their")
WORLD_SLOTS = ("world", "place", "home", "mcguffin", "mcguffin_short", "scheme", "stakes", "rule", "era",
               "weather", "hero_archetype")
PLACE_KINDS = get_args(PlaceKind)
PLACE_ROLES = ("home", "hub", "danger", "hideout", "lair", "summit", "vista")
EMOTIONS = get_args(Emotion)
CHOICE_KEYS = {
    "approach": ("bold", "careful"), "crisis": ("save", "press", "deal"),
    "finale_together": ("plan", "solo", "trade"), "finale_alone": ("finish", "spare"),
}


@cache
def all_kits() -> dict[str, GenreKit]:
    kits = {}
    for mod in GENRE_MODULES:
        try:
            kit = importlib.import_module(f"{__name__}.{mod}").KIT
        except ModuleNotFoundError:
            continue  # a genre not yet written is simply not offered
        kits[kit.name] = kit
    return kits


def get_kit(name: str) -> GenreKit:
    kits = all_kits()
    key = name.strip().lower()
    if key in kits:
        return kits[key]
    for kit in kits.values():
        if key in kit.aliases:
            return kit
    raise UnknownNameError(f"unknown genre {name!r}; known genres: {', '.join(sorted(kits))}")


def _fields(template: str) -> list[str]:
    return [f for _, f, _, _ in string.Formatter().parse(template) if f is not None]


def check_kit(kit: GenreKit) -> list[str]:
    """Problems with a kit's data: missing scenes, unknown slots, roles off screen. Empty when sound."""
    problems: list[str] = []

    def tmpl(where: str, t: str, roles: tuple[str, ...] = PERSON_SLOTS) -> None:
        try:
            names = _fields(t)
        except ValueError as e:
            problems.append(f"{where}: bad template {t!r}: {e}")
            return
        if re.search(r"\b[Tt]he \{mcguffin", t):
            problems.append(f"{where}: {{mcguffin}} slots carry their own article; drop 'the' in {t!r}")
        for f in names:
            base, _, attr = f.partition(".")
            if base in PERSON_SLOTS:
                if base not in roles and base != "prev":
                    problems.append(f"{where}: {{{f}}} is not on screen here (cast: {roles})")
                if attr and attr not in PERSON_ATTRS:
                    problems.append(f"{where}: unknown attribute {{{f}}}")
            elif base not in WORLD_SLOTS or attr:
                problems.append(f"{where}: unknown slot {{{f}}}")

    for key in SCENES:
        scene = kit.scenes.get(key)
        if scene is None:
            problems.append(f"scenes.{key}: missing")
            continue
        cast = SCENE_CAST[key]
        allowed_mentions = PERSON_SLOTS  # narration may mention anyone
        for i, t in enumerate(scene.narration):
            tmpl(f"scenes.{key}.narration[{i}]", t, allowed_mentions)
        for i, t in enumerate(scene.action):
            tmpl(f"scenes.{key}.action[{i}]", t, allowed_mentions)
        if len(scene.narration) < 2 or len(scene.action) < 2 or len(scene.exchanges) < 2:
            problems.append(f"scenes.{key}: give at least 2 narrations, 2 actions and 2 exchanges")
        for j, ex in enumerate(scene.exchanges):
            for k, line in enumerate(ex):
                if len(line) != 3:
                    problems.append(f"scenes.{key}.exchanges[{j}][{k}]: expected (role, emotion, text)")
                    continue
                role, emotion, text = line
                if role not in cast:
                    problems.append(f"scenes.{key}.exchanges[{j}][{k}]: {role!r} is not on screen in {key} {cast}")
                if emotion not in EMOTIONS:
                    problems.append(f"scenes.{key}.exchanges[{j}][{k}]: unknown emotion {emotion!r}")
                tmpl(f"scenes.{key}.exchanges[{j}][{k}]", text)
    for key, options in CHOICE_KEYS.items():
        ct = kit.choices.get(key)
        if ct is None:
            problems.append(f"choices.{key}: missing")
            continue
        for t in ct.prompts:
            tmpl(f"choices.{key}.prompt", t)
        for opt in options:
            if not ct.options.get(opt):
                problems.append(f"choices.{key}.options.{opt}: missing")
            for t in ct.options.get(opt, ()):
                tmpl(f"choices.{key}.options.{opt}", t)
                if len(t) > 60:
                    problems.append(f"choices.{key}.options.{opt}: {t!r} is too long for a button")
    for p in kit.places:
        if p.kind not in PLACE_KINDS:
            problems.append(f"places: {p.name!r} has unknown kind {p.kind!r}")
        if p.role not in PLACE_ROLES:
            problems.append(f"places: {p.name!r} has unknown role {p.role!r}")
    for r in PLACE_ROLES:
        if not any(p.role == r for p in kit.places):
            problems.append(f"places: no place with role {r!r}")
    for role in ("hero", "villain", "wild", "comp"):
        if not kit.archetypes.get(role):
            problems.append(f"archetypes.{role}: missing")
        for a in kit.archetypes.get(role, ()):
            tmpl(f"archetypes.{role}.goal", a.goal)
            tmpl(f"archetypes.{role}.conflict", a.conflict)
            if a.secret:
                tmpl(f"archetypes.{role}.secret", a.secret)
            if not set(a.pronouns) <= {"she", "he", "they"} or not a.pronouns:
                problems.append(f"archetypes.{role}: bad pronouns {a.pronouns}")
    for pr in ("she", "he", "they"):
        if len(kit.names_first.get(pr, ())) < 6:
            problems.append(f"names_first.{pr}: give at least 6 names")
    for kind in ("triumph", "bittersweet", "tragedy", "twist"):
        if not kit.ending_titles.get(kind):
            problems.append(f"ending_titles.{kind}: missing")
    for i, (role, emotion, text, levels) in enumerate(kit.intense_lines):
        tmpl(f"intense_lines[{i}]", text)
    for i, (role, emotion, text) in enumerate(kit.calm_lines):
        tmpl(f"calm_lines[{i}]", text)
    for group in (kit.titles, kit.loglines, kit.hooks, kit.world_description):
        for t in group:
            tmpl("titles/loglines/hooks/world_description", t)
    for c in kit.palette:
        if not re.fullmatch(r"#[0-9a-fA-F]{6}", c):
            problems.append(f"palette: {c!r} is not #rrggbb")
    for full, short in kit.mcguffins:
        # Templates say "{mcguffin_short} is gone": a plural would break the verb.
        if re.search(r"[^s]s$", short):
            problems.append(f"mcguffins: {short!r} looks plural; templates need a singular noun")
    if len(kit.mcguffins) < 2 or len(kit.schemes) < 2 or len(kit.stakes) < 2:
        problems.append("give at least 2 mcguffins, schemes and stakes")
    return problems


__all__ = ["GENRE_MODULES", "GenreKit", "all_kits", "check_kit", "get_kit"]
