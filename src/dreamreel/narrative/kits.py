"""Load the Narrative Engine's data: the vocabulary and the plot shapes.

The built-in files live in ``dreamreel/narrative/data`` (``vocabulary*.toml``, ``shapes/*.toml``).
Other packages add theirs through the ``dreamreel.kits`` entry-point group: each entry point
loads to a callable returning a path (a TOML/JSON file, or a folder of them). Files merge:
vocabulary lists add up, and a shape replaces a built-in shape of the same id.

A malformed file is one line naming the file and the field, never a traceback.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from importlib.metadata import entry_points
from pathlib import Path

from pydantic import ValidationError

from ..errors import BadInputError, UnknownNameError
from ..model.kits import Arc, Complication, FormKit, KitFile, PlotShape, Vocabulary
from ..store.files import first_error

GROUP = "dreamreel.kits"
SUFFIXES = (".toml", ".json")


def read_kit_file(path: Path) -> KitFile:
    """One data file, validated; a problem is one line naming the file and the field."""
    try:
        raw = path.read_bytes()
        data = tomllib.loads(raw.decode("utf-8")) if path.suffix == ".toml" else json.loads(raw)
    except OSError as e:
        raise BadInputError(f"kit file {path.name}: cannot be read ({e.strerror})") from None
    except (tomllib.TOMLDecodeError, json.JSONDecodeError, UnicodeDecodeError) as e:
        raise BadInputError(f"kit file {path.name}: not valid {path.suffix[1:].upper()}: {e}".splitlines()[0]) from None
    try:
        return KitFile.model_validate(data)
    except ValidationError as e:
        raise BadInputError(f"kit file {path.name}: {first_error(e).removeprefix('(top level): ')}") from None


def _files(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    return sorted(p for p in root.rglob("*") if p.suffix in SUFFIXES and p.is_file() and "genres" not in p.parts)


def builtin_paths() -> list[Path]:
    return _files(Path(str(resources.files("dreamreel.narrative") / "data")))


def plugin_paths() -> list[Path]:
    out: list[Path] = []
    for ep in entry_points(group=GROUP):
        try:
            where = ep.load()()
        except Exception as e:  # a broken plugin is named, not fatal to the rest
            raise BadInputError(f"kit plugin {ep.name}: could not be loaded ({e})") from None
        out += _files(Path(where))
    return out


@dataclass(frozen=True)
class Kits:
    vocabulary: Vocabulary
    shapes: dict[str, PlotShape]
    arc: Arc | None
    forms: dict[str, FormKit]
    complications: dict[str, Complication] = field(default_factory=dict)

    def shape(self, name: str) -> PlotShape:
        try:
            return self.shapes[name]
        except KeyError:
            raise UnknownNameError(f"unknown plot shape {name!r}; known shapes: {', '.join(sorted(self.shapes))}") \
                from None


def merge(files: list[KitFile]) -> Kits:
    vocab: dict[str, list] = {f: [] for f in Vocabulary.model_fields if f != "schema_version"}
    shapes: dict[str, PlotShape] = {}
    forms: dict[str, FormKit] = {}
    complications: dict[str, Complication] = {}
    arc: Arc | None = None
    for kf in files:
        arc = kf.arc or arc
        forms.update({f.form: f for f in kf.forms})
        complications.update({c.id: c for c in kf.complications})
        if kf.vocabulary is not None:
            for name in vocab:
                vocab[name] += list(getattr(kf.vocabulary, name))
        for s in kf.shapes:
            shapes[s.id] = s
    places = {p.label for p in vocab["places"]}
    for p in vocab["people"]:
        if p.place is not None and p.place not in places:
            raise BadInputError(f"vocabulary: {p.label!r} works at {p.place!r}, which is no place the vocabulary knows")
    for n in vocab["place_names"]:
        if n.kind is not None and n.kind not in places:
            raise BadInputError(f"vocabulary: place name {n.name!r} is {n.kind!r}, which is no place the vocabulary knows")
    for s in shapes.values():
        if s.place is not None and s.place not in places:
            raise BadInputError(f"plot shape {s.id}: place {s.place!r} is no place the vocabulary knows")
    return Kits(vocabulary=Vocabulary(**vocab), shapes=shapes, arc=arc, forms=forms, complications=complications)


def load(paths: list[Path]) -> Kits:
    return merge([read_kit_file(p) for p in paths])


@cache
def kits() -> Kits:
    """Every installed kit file, built-in first, then plugins'."""
    return load(builtin_paths() + plugin_paths())
