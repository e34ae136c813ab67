"""The genres the planner knows, one data file a genre, found by name or by words in a request.

The built-in kits are ``dreamreel/narrative/data/genres/<name>.json`` (validated by
``dreamreel.model.genre.GenreKit``). Other packages add theirs through the ``dreamreel.genres``
entry-point group: each entry point loads to a callable returning a path, a JSON file or a
folder of them. A plugin's kit with a built-in's name replaces it.

A malformed kit file is one line naming the file and the field, never a traceback.
"""

import json
import re
from functools import cache
from importlib import resources
from importlib.metadata import entry_points
from pathlib import Path
from typing import get_args

from pydantic import ValidationError

from ...errors import BadInputError, UnknownNameError
from ...model.bible import PlaceKind
from ...model.kits import template_problems
from ...store.files import first_error
from .kit import GenreKit

GROUP = "dreamreel.genres"

#: The order the built-in genres are offered in. It is part of every story: when a request
#: names no genre the planner picks from the kits in this order, and ties between genres named
#: at the same place go to the earlier one. Kits not listed follow, by name.
GENRE_ORDER = (
    "noir", "scifi", "fantasy", "horror", "western", "romance", "comedy", "thriller", "mystery",
    "cyberpunk", "postapoc", "adventure", "war",
)

WORLD_SLOTS = ("world", "place", "home", "mcguffin", "mcguffin_short", "scheme", "stakes", "rule", "era",
               "weather", "hero_archetype")
PLACE_KINDS = get_args(PlaceKind)
PLACE_ROLES = ("home", "hub", "danger", "hideout", "lair", "summit", "vista")


def read_kit(path: Path) -> GenreKit:
    """One genre kit file, validated; a problem is one line naming the file and the field."""
    path = Path(path)
    try:
        data = json.loads(path.read_bytes())
    except OSError as e:
        raise BadInputError(f"genre kit {path.name}: cannot be read ({e.strerror})") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise BadInputError(f"genre kit {path.name}: not valid JSON: {e}".splitlines()[0]) from None
    try:
        return GenreKit.model_validate(data)
    except ValidationError as e:
        raise BadInputError(f"genre kit {path.name}: {first_error(e)}".splitlines()[0]) from None


def _files(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise BadInputError(f"genre kits: {root} is neither a JSON file nor a folder of them")
    return sorted(p for p in root.glob("*.json") if p.is_file())


def builtin_paths() -> list[Path]:
    """The kits that ship with dreamreel, in GENRE_ORDER (then by name)."""
    folder = Path(str(resources.files("dreamreel.narrative") / "data" / "genres"))
    rank = {name: i for i, name in enumerate(GENRE_ORDER)}
    return sorted(_files(folder), key=lambda p: (rank.get(p.stem, len(rank)), p.name))


def plugin_paths() -> list[Path]:
    """Kit files other installed packages offer through the ``dreamreel.genres`` entry points."""
    out: list[Path] = []
    for ep in sorted(entry_points(group=GROUP), key=lambda ep: ep.name):
        try:
            where = ep.load()()
        except Exception as e:  # a broken plugin is named, not a traceback
            raise BadInputError(f"genre plugin {ep.name}: could not be loaded ({e})") from None
        out += _files(Path(where))
    return out


def load_kits(paths: list[Path]) -> dict[str, GenreKit]:
    """Kits from these files, in order; a later kit replaces an earlier one of the same name."""
    kits: dict[str, GenreKit] = {}
    for p in paths:
        kit = read_kit(p)
        kits[kit.name] = kit
    return kits


@cache
def all_kits() -> dict[str, GenreKit]:
    """Every installed genre kit by name: built-in first, then plugins'. Loaded once, so each
    genre is one object (``intent.plot is intent.world`` holds for a single-genre story)."""
    return load_kits(builtin_paths() + plugin_paths())


def get_kit(name: str) -> GenreKit:
    kits = all_kits()
    key = name.strip().lower()
    if key in kits:
        return kits[key]
    for kit in kits.values():
        if key in kit.aliases:
            return kit
    raise UnknownNameError(f"unknown genre {name!r}; known genres: {', '.join(sorted(kits))}")


def check_kit(kit: GenreKit) -> list[str]:
    """Problems with a kit's data: unknown slots, missing place roles or archetypes. Empty when sound."""
    problems: list[str] = []

    def tmpl(where: str, t: str) -> None:
        if re.search(r"\b[Tt]he \{mcguffin", t):
            problems.append(f"{where}: {{mcguffin}} slots carry their own article; drop 'the' in {t!r}")
        problems.extend(f"{where}: {p}" for p in template_problems(t, WORLD_SLOTS))

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
    for i, (role, emotion, text, levels) in enumerate(kit.intense_lines):
        tmpl(f"intense_lines[{i}]", text)
    for i, (role, emotion, text) in enumerate(kit.calm_lines):
        tmpl(f"calm_lines[{i}]", text)
    for i, t in enumerate(kit.world_description):
        tmpl(f"world_description[{i}]", t)
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


__all__ = ["GENRE_ORDER", "GROUP", "GenreKit", "all_kits", "builtin_paths", "check_kit", "get_kit", "load_kits",
           "plugin_paths", "read_kit"]
