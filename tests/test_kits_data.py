"""Genre kits are data files: each validates, a broken one is one clear line, plugins add more."""

import json
import sys
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest
from pydantic import ValidationError

from dreamreel.errors import BadInputError
from dreamreel.model.genre import GenreKit
from dreamreel.model.schemas import schema_text
from dreamreel.narrative import genres
from dreamreel.narrative.genres import (GENRE_ORDER, all_kits, builtin_paths, check_kit, get_kit, load_kits,
                                        plugin_paths, read_kit)

SHIPPED = builtin_paths()


def test_every_builtin_genre_ships_as_a_json_file():
    assert [p.stem for p in SHIPPED] == list(GENRE_ORDER)
    assert list(all_kits()) == list(GENRE_ORDER)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_genre_file_validates(path):
    kit = GenreKit.model_validate_json(path.read_bytes())
    assert kit.name == path.stem
    assert check_kit(kit) == []
    assert read_kit(path) == kit


def test_kits_are_loaded_once_and_frozen():
    assert all_kits() is all_kits()
    assert get_kit("noir") is all_kits()["noir"] is get_kit("film noir")
    kit = get_kit("noir")
    with pytest.raises(ValidationError):
        kit.tone = "sunny"
    with pytest.raises(ValidationError):
        kit.places[0].name = "elsewhere"


def test_kits_keep_the_shapes_the_planner_unpacks():
    kit = get_kit("noir")
    role, emotion, text = kit.calm_lines[0]
    assert (type(role), type(emotion), type(text)) == (str, str, str)
    role, emotion, text, levels = kit.intense_lines[0]
    assert levels and all(type(k) is str and type(v) is int for k, v in levels.items())
    full, short = kit.mcguffins[0]
    assert isinstance(kit.places, tuple) and isinstance(kit.archetypes["hero"], tuple)
    assert kit.archetypes["hero"][0].goal


def test_the_exported_schema_is_current():
    schema = Path(__file__).parents[1] / "schemas" / "genre-kit.schema.json"
    assert schema.read_text() == schema_text(GenreKit), "schemas/genre-kit.schema.json is stale: run dreamreel schemas"


# -- malformed files -------------------------------------------------------------------------


def noir_data() -> dict:
    return json.loads(next(p for p in SHIPPED if p.stem == "noir").read_text(encoding="utf-8"))


def broken(tmp_path: Path, data) -> Path:
    path = tmp_path / "noir.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def one_line_error(path: Path) -> str:
    with pytest.raises(BadInputError) as e:
        read_kit(path)
    msg = str(e.value)
    assert "\n" not in msg
    assert msg.startswith("genre kit noir.json: ")
    return msg


def test_a_bad_place_kind_names_file_and_field(tmp_path):
    data = noir_data()
    data["places"][3]["kind"] = "moon_base"
    msg = one_line_error(broken(tmp_path, data))
    assert msg.startswith("genre kit noir.json: places.3.kind: Input should be 'city_street'"), msg


def test_a_missing_field_names_file_and_field(tmp_path):
    data = noir_data()
    del data["tone"]
    assert one_line_error(broken(tmp_path, data)) == "genre kit noir.json: tone: Field required"


def test_a_bad_line_deep_in_a_bank_names_its_place(tmp_path):
    data = noir_data()
    data["intense_lines"][2][1] = "furious"
    msg = one_line_error(broken(tmp_path, data))
    assert msg.startswith("genre kit noir.json: intense_lines.2.1: Input should be 'neutral'"), msg


def test_an_unknown_field_is_an_error(tmp_path):
    data = noir_data()
    data["places"][0]["colour"] = "red"
    msg = one_line_error(broken(tmp_path, data))
    assert msg.startswith("genre kit noir.json: places.0.colour: Extra inputs are not permitted"), msg


def test_a_file_that_is_not_json_says_so(tmp_path):
    msg = one_line_error(broken(tmp_path, "name = 'noir'\n[places]\n"))
    assert msg.startswith("genre kit noir.json: not valid JSON: Expecting value: line 1 column 1"), msg


def test_a_file_that_is_not_a_kit_at_all(tmp_path):
    assert one_line_error(broken(tmp_path, "[1, 2, 3]")).startswith("genre kit noir.json: (top level): ")


# -- kits from other packages ----------------------------------------------------------------


def extra_kit(folder: Path, name: str = "sealife", **changes) -> Path:
    data = noir_data() | {"name": name, "label": "sea life", "aliases": ["sea life", "underwater"]} | changes
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.json"
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return path


def test_a_kit_from_extra_paths_is_found_after_the_builtins(tmp_path):
    extra_kit(tmp_path / "more")
    kits = load_kits(builtin_paths() + genres._files(tmp_path / "more"))
    assert list(kits) == [*GENRE_ORDER, "sealife"]
    assert kits["sealife"].label == "sea life" and check_kit(kits["sealife"]) == []


def test_a_plugin_kit_with_a_builtin_name_replaces_it_in_place(tmp_path):
    path = extra_kit(tmp_path, name="noir", tone="sunny and bright")
    kits = load_kits(builtin_paths() + [path])
    assert list(kits) == list(GENRE_ORDER)
    assert kits["noir"].tone == "sunny and bright"


def test_kits_offered_through_entry_points_are_found(tmp_path, monkeypatch):
    extra_kit(tmp_path / "kits")
    single = extra_kit(tmp_path / "one", name="deepsea")
    (tmp_path / "my_genres.py").write_text(
        "from pathlib import Path\n"
        f"def folder():\n    return Path({str(tmp_path / 'kits')!r})\n"
        f"def single():\n    return {str(single)!r}\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "my_genres", raising=False)
    eps = [EntryPoint("folder", "my_genres:folder", genres.GROUP),
           EntryPoint("single", "my_genres:single", genres.GROUP)]
    monkeypatch.setattr(genres, "entry_points", lambda group: [ep for ep in eps if ep.group == group])
    assert [p.name for p in plugin_paths()] == ["sealife.json", "deepsea.json"]
    kits = load_kits(builtin_paths() + plugin_paths())
    assert {"sealife", "deepsea"} <= set(kits)


def test_a_broken_plugin_is_one_line_naming_it(tmp_path, monkeypatch):
    eps = [EntryPoint("gone", "no_such_module_here:kits", genres.GROUP)]
    monkeypatch.setattr(genres, "entry_points", lambda group: eps)
    with pytest.raises(BadInputError, match=r"^genre plugin gone: could not be loaded"):
        plugin_paths()
