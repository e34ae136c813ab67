"""Props from an open-licensed icon library (Iconify JSON sets installed from npm): found by the
words that name them, drawn in the shot's grade, refused when broken or unlicensed, and credited
in the film's manifest."""

import json
from pathlib import Path

import numpy as np
import pytest

skia = pytest.importorskip("skia")

from dreamreel.model.shot import Lighting  # noqa: E402
from dreamreel.synth.visual import icons, objects  # noqa: E402
from dreamreel.synth.visual.looks import Grade  # noqa: E402
from dreamreel.synth.visual.layers import surface  # noqa: E402
from dreamreel.synth.visual.procedural import ProceduralBackend  # noqa: E402

SQUARE = '<path fill="currentColor" d="M64 64h384v384H64z"/>'


def install(root: Path, *, spdx: str | None = "CC-BY-3.0", author: str | None = "GameIcons",
            icons_json: str | None = None, prefix: str = "game-icons") -> Path:
    """A set laid out as `npm install --prefix root @iconify-json/<prefix>` lays it out."""
    folder = root / "node_modules" / "@iconify-json" / prefix
    folder.mkdir(parents=True)
    body = {"prefix": prefix, "width": 512, "height": 512,
            "icons": {"anvil": {"body": SQUARE}, "handcuffs": {"body": SQUARE}}}
    (folder / "icons.json").write_text(icons_json if icons_json is not None else json.dumps(body))
    info: dict = {"prefix": prefix, "name": "Game Icons"}
    if spdx:
        info["license"] = {"title": spdx.replace("-", " "), "spdx": spdx, "url": "https://example.org/licence"}
    if author:
        info["author"] = {"name": author, "url": "https://example.org/icons"}
    (folder / "info.json").write_text(json.dumps(info))
    (folder / "package.json").write_text(json.dumps({"name": f"@iconify-json/{prefix}", "version": "1.2.4"}))
    return root


def shot(props: list[str]):
    from dreamreel.model.shot import Shot

    return Shot(id="s1", beat="b1", episode=1, kind="scene", size="medium", move="static", frames=6, start_frame=0,
                place="forge", place_kind="village", time_of_day="day", weather="clear", on_screen=[],
                lighting=Lighting(palette=["#806040", "#304050"]), props=props, seed=1)


def drawn(name: str) -> np.ndarray:
    arr = np.zeros((128, 128, 4), np.uint8)
    s = surface(arr)
    c = s.getCanvas()
    c.translate(64, 64)
    objects.draw(c, Grade(Lighting(palette=["#806040", "#304050"]), "day"), name)
    del c, s
    return arr


def test_an_installed_set_draws_the_props_the_hand_drawings_lack(tmp_path, monkeypatch):
    monkeypatch.setenv("DREAMREEL_ICONS", str(tmp_path / "none"))
    assert objects.find("the blacksmith's anvil") is None  # without the library: a letter, as before
    plain = ProceduralBackend().version
    monkeypatch.setenv("DREAMREEL_ICONS", str(install(tmp_path / "lib")))
    assert objects.find("the blacksmith's anvil") == "anvil"
    assert objects.find("a pair of handcuffs") == "handcuffs"
    assert objects.find("the judge's gavel") == "gavel"  # not in this set: still drawn by hand
    pic = drawn("anvil")
    assert (pic[..., 3] > 0).sum() > 50 * 50  # a filled 60-unit square, not a folded letter
    assert not np.array_equal(pic, drawn("letter"))
    # the shot cache knows: a shot drawn before the library was installed is not reused
    assert ProceduralBackend().version != plain
    ref = icons.ref("anvil")
    assert ref is not None and ref.licence.name == "CC-BY-3.0" and "GameIcons" in ref.licence.attribution


@pytest.mark.parametrize("spdx, author, why", [
    ("CC-BY-SA-4.0", "OpenMoji", "share-alike"),
    (None, "Someone", "no licence"),
    ("CC-BY-3.0", None, "no licence or author"),
    ("LicenseRef-Proprietary", "Studio", "does not fit films"),
])
def test_an_unlicensed_or_share_alike_set_is_refused_in_one_line_before_any_work(tmp_path, monkeypatch, spdx,
                                                                                   author, why):
    monkeypatch.setenv("DREAMREEL_ICONS", str(install(tmp_path, spdx=spdx, author=author)))
    with pytest.raises(icons.IconLibraryError, match=why) as e:
        ProceduralBackend().requires()
    assert "\n" not in str(e.value)
    assert objects.find("an anvil") is None  # never drawn from it either


def test_a_broken_set_is_refused_and_no_film_is_started(tmp_path, monkeypatch):
    from dreamreel.model import Request
    from dreamreel.narrative.planner import plan
    from dreamreel.production import make_film

    monkeypatch.setenv("DREAMREEL_ICONS", str(install(tmp_path / "lib", icons_json="{not json")))
    story = plan(Request(prompt="a blacksmith forges a sword for a knight", episodes=1), seed=1)
    out = tmp_path / "film.mp4"
    with pytest.raises(icons.IconLibraryError, match="cannot be read") as e:
        make_film(story, out)
    assert "\n" not in str(e.value) and not out.exists() and not list(tmp_path.glob("film*"))


def test_each_icon_shown_is_a_credited_ingredient(tmp_path, monkeypatch):
    from dreamreel.edit.shotlog import icons_shown, prop
    from dreamreel.trust.licences import icon_ingredients, icons_assertion

    monkeypatch.setenv("DREAMREEL_ICONS", str(install(tmp_path)))
    assert prop("the anvil")["asset"].startswith("game-icons:anvil (Game Icons by GameIcons")
    assert "asset" not in prop("the crown")  # drawn by hand
    shots = [shot(["the anvil"]), shot(["the anvil", "the handcuffs"]), shot(["the crown"])]
    refs = icons_shown(shots, None)
    assert [r.icon for r in refs] == ["anvil", "handcuffs"]
    [ing, _] = icon_ingredients(refs)
    assert ing["relationship"] == "componentOf" and "CC BY 3.0" in ing["title"] and refs[0].sha256 in ing["instance_id"]
    assert icons_assertion(refs)["data"]["icons"][0]["licence"]["name"] == "CC-BY-3.0"
