"""Licensed asset packs, read and written with: a story made only of a studio's official assets.

    pack.json (a file, a folder holding it, or a .zip) -> Pack (the assets + their SHA-256)
    planner + Pack -> the bible's places, style and cast come from the pack, not the genre kits

Reading a pack never unpacks anything but ``pack.json`` (a .zip's other members are not read,
whatever their names), and reads it only when its size is within ``MAX_PACK_BYTES``. A pack that
is not valid JSON, or not a valid pack, is refused with the first thing wrong, in one line.

The planner still lays out the story (its structure, the words from the genre's templates);
the pack decides who is in it and how they look and sound, where it happens and in what light,
and how the score is arranged. A pack with fewer companions than the episodes asked for gets
that many episodes, and the planner says so.
"""

from __future__ import annotations

import hashlib
import json
import random
import zipfile
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from ..errors import BadInputError
from ..model import Character, Place, StyleGuide
from ..model.pack import AssetPack, PackRef
from .genres.kit import PlaceSpec

PACK_FILE = "pack.json"
MAX_PACK_BYTES = 1_000_000
MAX_ZIP_MEMBERS = 256


class PackError(BadInputError):
    """A file that is not a usable asset pack."""


@dataclass(frozen=True)
class Pack:
    assets: AssetPack
    sha256: str
    source: str = ""

    @property
    def ref(self) -> PackRef:
        a = self.assets
        return PackRef(id=a.id, name=a.name, version=a.version, publisher=a.publisher, sha256=self.sha256,
                       licence=a.licence)

    def __str__(self) -> str:
        return f"{self.assets.name} {self.assets.version} ({self.assets.id})"


def load_pack(path: str | Path) -> Pack:
    """The pack at ``path``: a pack.json, a folder holding one, or a .zip holding one."""
    path = Path(path)
    raw = _read(path)
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise PackError(f"{path}: {PACK_FILE} is not JSON ({e})") from None
    try:
        assets = AssetPack.model_validate(data)
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(map(str, first["loc"])) or "pack"
        raise PackError(f"{path}: not a valid asset pack ({where}: {first['msg'].removeprefix('Value error, ')})") from None
    return Pack(assets, hashlib.sha256(raw).hexdigest(), str(path))


def _read(path: Path) -> bytes:
    if path.is_dir():
        path = path / PACK_FILE
    if not path.is_file():
        raise PackError(f"{path}: no asset pack there (a pack is a {PACK_FILE}, a folder holding one, or a .zip)")
    if zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as z:
                members = z.infolist()
                if len(members) > MAX_ZIP_MEMBERS:
                    raise PackError(f"{path}: {len(members)} files in the archive; a pack holds at most {MAX_ZIP_MEMBERS}")
                # pack.json at the top, or in the one folder at the top; nothing else is read.
                found = [m for m in members if not m.is_dir() and _top_level(m.filename)]
                if not found:
                    raise PackError(f"{path}: the archive holds no {PACK_FILE} at its top")
                member = min(found, key=lambda m: m.filename.count("/"))
                if member.file_size > MAX_PACK_BYTES:
                    raise PackError(f"{path}: {PACK_FILE} unpacks to {member.file_size} bytes; "
                                    f"at most {MAX_PACK_BYTES} are read")
                with z.open(member) as f:
                    raw = f.read(MAX_PACK_BYTES + 1)
        # (RuntimeError: an encrypted member; NotImplementedError: a compression zipfile cannot read)
        except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as e:
            raise PackError(f"{path}: a broken archive ({e})") from None
    else:
        if path.stat().st_size > MAX_PACK_BYTES:
            raise PackError(f"{path}: {path.stat().st_size} bytes; a {PACK_FILE} is at most {MAX_PACK_BYTES}")
        try:
            raw = path.read_bytes()
        except OSError as e:
            raise PackError(f"{path}: cannot read it ({e.strerror})") from None
    if len(raw) > MAX_PACK_BYTES:
        raise PackError(f"{path}: {PACK_FILE} is over {MAX_PACK_BYTES} bytes")
    return raw


def _top_level(name: str) -> bool:
    """``pack.json`` or ``<folder>/pack.json`` (a plain folder name: no ``..``, no absolute path)."""
    parts = name.split("/")
    return parts[-1] == PACK_FILE and (len(parts) == 1 or (len(parts) == 2 and parts[0] not in ("", ".", "..")
                                                           and "\\" not in parts[0] and ":" not in parts[0]))


# -- writing with a pack (the planner's world, style and cast steps) ---------------------------


def places(pack: Pack) -> tuple[list[Place], dict[str, PlaceSpec]]:
    """The pack's settings as the bible's places, and the scenes each suits."""
    out, specs = [], {}
    for s in pack.assets.settings:
        out.append(Place.model_validate(s.model_dump(exclude={"role"})))
        specs[s.id] = PlaceSpec(name=s.name, kind=s.kind, role=s.role, description=s.description,
                                time_of_day=s.time_of_day, weather=s.weather)
    return out, specs


def _for_genres(items: list, genres: list[str]):
    return next((i for i in items if set(i.genres) & set(genres)), items[0])


def style(pack: Pack, genres: list[str], era: str, motifs: list[str]) -> StyleGuide:
    """The style guide from the pack's palette and music made for these genres (else its first)."""
    pal = _for_genres(pack.assets.palettes, genres)
    music = _for_genres(pack.assets.music, genres)
    return StyleGuide(look=pal.look, palette=list(pal.colors), monochrome=pal.monochrome, contrast=pal.contrast,
                      grain=pal.grain, lighting=pal.lighting, era=era, motifs=motifs[:10], music=music.style)


@dataclass
class PackCast:
    """The pack's characters by story function."""

    hero: Character
    villain: Character
    wild: Character
    comps: list[Character]


def cast(pack: Pack, episodes: int, rng: random.Random) -> tuple[PackCast, list[str]]:
    """Who plays what: the protagonist, the first antagonist, a wildcard (or the first of the rest),
    and one companion an episode from the rest (fewer episodes if the pack has fewer).
    Returns the cast and what the planner had to change, in words."""
    chars = list(pack.assets.characters)

    def take(role: str | None) -> Character | None:
        found = next((c for c in chars if role is None or c.role == role), None)
        if found is not None:
            chars.remove(found)
        return found

    hero = take("protagonist")
    villain = take("antagonist")
    if hero is None or villain is None:
        raise PackError(f"pack {pack}: a story needs a protagonist and an antagonist; "
                        f"the pack has roles {', '.join(sorted({c.role for c in pack.assets.characters}))}")
    wild = take("wildcard") or take(None)
    if wild is None or not chars:
        raise PackError(f"pack {pack}: a story needs at least four characters (protagonist, antagonist, "
                        f"a wildcard and a companion); the pack has {len(pack.assets.characters)}")
    notes = []
    if len(chars) < episodes:
        notes.append(f"{len(chars)} episode{'s' if len(chars) > 1 else ''} instead of {episodes}: the pack "
                     f"{pack.assets.name} has a companion for {len(chars)} only")
    return PackCast(hero, villain, wild, chars[:episodes]), notes


def unused(pack: Pack, cast_names: set[str]) -> list[Character]:
    """The pack's characters not yet in a story (a new episode's companion comes from these)."""
    return [c for c in pack.assets.characters if c.name not in cast_names and c.role not in ("protagonist", "antagonist")]
