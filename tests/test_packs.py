"""Licensed asset packs and sandboxes: a story made only of a studio's official assets, a
production that refuses anything outside them, the pack in the film's signed manifest, and every
kind of malformed pack refused in one line. Also: a stream's episodes, each signed as it ends."""

import datetime
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from dreamreel.errors import BadInputError
from dreamreel.model import Request
from dreamreel.narrative.assets import MAX_PACK_BYTES, PackError, load_pack
from dreamreel.narrative.planner import plan
from dreamreel.narrative.sequel import continue_story
from dreamreel.narrative.validate import validate
from dreamreel.production import make_film
from dreamreel.synth.voice import backend
from dreamreel.trust.licences import LicenceError, Sandbox
from dreamreel.trust.likeness import cast_into
from dreamreel.trust.provenance import ANCHOR, keys_dir, verify, verify_stream

EXAMPLE = Path(__file__).parent.parent / "examples" / "packs" / "harbour-lights"


def dreamreel(*args):
    return subprocess.run([sys.executable, "-m", "dreamreel.cli", *args], capture_output=True, text=True,
                          env=dict(os.environ), timeout=300)


def pack_data() -> dict:
    return json.loads((EXAMPLE / "pack.json").read_text())


def write_pack(folder: Path, data: dict, name: str = "pack.json") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(json.dumps(data))
    return folder / name


@pytest.fixture(scope="module")
def pack():
    return load_pack(EXAMPLE)


def test_a_story_written_from_a_pack_uses_only_its_assets(pack):
    story = plan(Request(prompt="a detective story at the docks", episodes=2), pack=pack)
    assert validate(story).ok
    a = pack.assets
    by_name = {c.name: c for c in a.characters}
    for c in story.bible.cast:
        assert c.name in by_name and c.look == by_name[c.name].look and c.voice == by_name[c.name].voice
    assert {p.name for p in story.bible.world.places} == {s.name for s in a.settings}
    assert story.bible.world.name == a.world
    assert story.bible.style.palette == a.palettes[0].colors  # the palette made for noir
    assert story.bible.style.music == a.music[0].style
    assert [r.sha256 for r in story.assets] == [pack.sha256]
    assert Sandbox([pack]).problems(story) == []
    # The same story goes on with the pack's next character, still inside the sandbox.
    end = story.graph.endings[-1]
    sequel = continue_story(story, end.id, pack=pack)
    newcomer = sequel.bible.cast[-1]
    assert newcomer.name in by_name and newcomer.name not in {c.name for c in story.bible.cast}
    assert Sandbox([pack]).problems(sequel) == []
    with pytest.raises(BadInputError, match="goes on only with that pack"):
        continue_story(story, end.id)


def test_a_pack_with_fewer_companions_makes_fewer_episodes_and_says_so(pack):
    story = plan(Request(prompt="a detective story", episodes=5), pack=pack)
    assert len(story.graph.episodes) == 3
    assert "3 episodes instead of 5" in story.generator["notes"]


def test_the_sandbox_refuses_anything_outside_its_packs(pack, tmp_path):
    sandbox = Sandbox([pack])
    plain = plan(Request(prompt="a detective story", episodes=1))
    assert "not written from an asset pack" in sandbox.problems(plain)[0]
    story = plan(Request(prompt="a detective story", episodes=1), pack=pack)
    # a likeness cast over one of the pack's characters is outside it
    from dreamreel.model import Look

    cast, _ = cast_into(story, "protagonist", "Dana Reyes", Look(hair_color="#ff0000"))
    assert any("'Dana Reyes' is not one of the pack's characters" in p for p in sandbox.problems(cast))
    # a character drawn differently, a place or a colour not in the pack
    data = story.model_dump(mode="json")
    data["bible"]["cast"][1]["look"]["hair_color"] = "#00ff00"
    data["bible"]["world"]["places"][0]["name"] = "a casino"
    data["bible"]["style"]["palette"] = ["#ff00ff", "#00ffff"]
    from dreamreel.model import Story

    problems = sandbox.problems(Story.model_validate(data))
    assert any("their look differs" in p for p in problems)
    assert any("'a casino' is not one of the pack's settings" in p for p in problems)
    assert any("not one of the pack's palettes" in p for p in problems)
    # a changed copy of the pack is another pack
    changed = pack_data()
    changed["characters"][0]["name"] = "Mara Quill II"
    other = load_pack(write_pack(tmp_path / "changed", changed))
    assert other.sha256 != pack.sha256
    assert "does not allow (or a changed copy of it)" in Sandbox([other]).problems(story)[0]
    # licences: expired, or not for commercial films, or not for fans
    expired = pack_data()
    expired["licence"]["expires"] = "2020-01-01"
    old = load_pack(write_pack(tmp_path / "expired", expired))
    old_story = plan(Request(prompt="a detective story", episodes=1), pack=old)
    with pytest.raises(LicenceError, match="expired on 2020-01-01"):
        Sandbox([old]).check(old_story)
    assert "does not allow commercial films" in Sandbox([pack], commercial=True).problems(story)[0]
    assert Sandbox([pack]).problems(story, today=datetime.date(2030, 1, 1)) == []


def test_a_film_under_a_sandbox_lists_its_pack_and_each_streamed_episode_is_signed(pack, tmp_path):
    sandbox = Sandbox([pack])
    story = plan(Request(prompt="a detective story at the docks", episodes=2, target_seconds=15), pack=pack)
    out = tmp_path / "film.mp4"
    # refused before any work: nothing is written
    with pytest.raises(LicenceError, match="refused by the sandbox"):
        make_film(plan(Request(prompt="a western", episodes=1)), out, res="480p", sandbox=sandbox)
    assert not out.exists()
    make_film(story, out, res="480p", keep=True, sandbox=sandbox, voice=backend("espeak-ng"))
    anchors = (keys_dir() / ANCHOR).read_bytes()
    verdict = verify(out, anchors)
    assert verdict.state == "trusted"
    ingredient = verdict.manifest["ingredients"][0]
    assert ingredient["relationship"] == "componentOf" and pack.sha256 in ingredient["instance_id"]
    assets = next(a for a in verdict.manifest["assertions"] if a["label"] == "dreamreel.assets")
    assert assets["data"]["packs"][0]["licence"]["name"] == "Harbour Lights Fan Licence 1.0"
    # the stream: labelled in its index, a manifest for each episode over the segments that hold it
    stream = tmp_path / "film.segments"
    index = json.loads((stream / "index.json").read_text())
    assert index["ai_generated"] is True and index["label"] == "AI-generated"
    episodes = verify_stream(stream, anchors)
    assert [n for n, _ in episodes] == [1, 2] and all(v.state == "trusted" and v.ai_generated for _, v in episodes)
    listing = json.loads((stream / "provenance.json").read_text())
    first, second = listing["episodes"]
    assert first["end"] == second["start"] and set(first["segments"]) | set(second["segments"]) == {
        s["file"] for s in index["segments"]}
    # a changed byte in episode 2's last segment: episode 2 is invalid, episode 1 still holds
    seg = stream / second["segments"][-1]
    data = bytearray(seg.read_bytes())
    data[len(data) // 2] ^= 0x01
    seg.write_bytes(bytes(data))
    after = dict(verify_stream(stream, anchors))
    assert after[1].state == "trusted" and after[2].state == "invalid"
    assert dreamreel("verify", str(stream)).returncode == 1


def bad_packs(tmp_path: Path):
    good = pack_data()
    no_hero = pack_data()
    no_hero["characters"] = [c for c in no_hero["characters"] if c["role"] != "protagonist"]
    twice = pack_data()
    twice["settings"].append(dict(twice["settings"][0]))
    unknown = pack_data()
    unknown["evil"] = True
    bad_colour = pack_data()
    bad_colour["palettes"][0]["colors"] = ["red", "blue"]
    big = tmp_path / "big.json"
    big.write_text(" " * (MAX_PACK_BYTES + 10) + json.dumps(good))
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("pack.json", " " * (MAX_PACK_BYTES * 20))  # a few kB that unpack to 20 MB
    empty_zip = tmp_path / "other.zip"
    with zipfile.ZipFile(empty_zip, "w") as z:
        z.writestr("../pack.json", json.dumps(good))  # only a top-level pack.json is read, never a path out
        z.writestr("deep/er/pack.json", json.dumps(good))
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    return [
        (write_pack(tmp_path / "a", {}, "pack.json"), "not a valid asset pack"),
        (write_pack(tmp_path / "b", no_hero), "needs a protagonist"),
        (write_pack(tmp_path / "c", twice), "is used twice"),
        (write_pack(tmp_path / "d", unknown), "evil: Extra inputs are not permitted"),
        (write_pack(tmp_path / "e", bad_colour), "palettes.0.colors.0"),
        (tmp_path / "nothing-here", "no asset pack there"),
        (big, "bytes; a pack.json is at most"),
        (bomb, "unpacks to"),
        (empty_zip, "holds no pack.json at its top"),
        (broken, "pack"),
    ]


def test_malformed_packs_are_refused_in_one_line(tmp_path):
    (tmp_path / "notjson").mkdir()
    (tmp_path / "notjson" / "pack.json").write_text("{not json")
    cases = [*bad_packs(tmp_path), (tmp_path / "notjson", "is not JSON")]
    for path, why in cases:
        with pytest.raises(PackError, match=why.replace(".", r"\.")) as caught:
            load_pack(path)
        assert "\n" not in str(caught.value), path
    # the same through the command line: one line, exit 2, and a good pack zipped loads the same
    r = dreamreel("pack", "check", str(tmp_path / "notjson"))
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    zipped = tmp_path / "harbour.zip"
    with zipfile.ZipFile(zipped, "w") as z:
        z.write(EXAMPLE / "pack.json", "harbour-lights/pack.json")
    assert load_pack(zipped).sha256 == load_pack(EXAMPLE).sha256


def test_the_command_line_writes_with_a_pack_and_refuses_outside_the_sandbox(tmp_path):
    artifacts = Path(os.environ.get("DREAMREEL_TEST_ARTIFACTS", Path(__file__).parents[1] / "test-artifacts"))
    artifacts.mkdir(exist_ok=True)
    sheet = artifacts / "pack-sheet.png"
    r = dreamreel("pack", "check", str(EXAMPLE), "--sheet", str(sheet))
    assert r.returncode == 0 and "Harbour Lights Fan Licence 1.0" in r.stdout and "Mara Quill" in r.stdout
    from PIL import Image

    with Image.open(sheet) as im:  # a tile for each of the 7 settings and 6 characters, 4 across
        assert im.size == (4 * 480, 4 * (270 + 34))
        tiles = [im.crop((x * 480, 0, x * 480 + 480, 270)).tobytes() for x in range(4)]
        assert len(set(tiles)) == 4  # each setting drawn differently
    story = tmp_path / "story.json"
    r = dreamreel("write", "a detective story", "--pack", str(EXAMPLE), "-o", str(story), "-q")
    assert r.returncode == 0, r.stderr
    assert json.loads(story.read_text())["assets"][0]["id"] == "harbour_lights"
    plain = tmp_path / "plain.json"
    assert dreamreel("write", "a western", "-o", str(plain), "-q").returncode == 0
    out = tmp_path / "film.mp4"
    r = dreamreel("render", str(plain), "-o", str(out), "--sandbox", str(EXAMPLE))
    assert r.returncode == 2 and "refused by the sandbox" in r.stderr and not out.exists()


def test_a_sandboxed_server_makes_every_film_from_its_pack_and_casts_no_likeness(pack, tmp_path):
    import httpx
    from serving import running_server

    with running_server(tmp_path, sandbox=Sandbox([pack]), make_kw={"voice": backend("espeak-ng")},
                        live_kw={"lead_s": None}) as (base, app):
        fan = httpx.Client(base_url=base, timeout=30)
        assert fan.get("/").status_code == 200
        me = fan.get("/api/me").json()
        assert me["sandbox"][0]["name"] == "Harbour Lights" and "Mara Quill" in me["sandbox"][0]["characters"]
        made = fan.post("/api/films", json={"prompt": "a western, one short episode", "seconds": 15})
        assert made.status_code == 200, made.text
        story = app.state.server.live[made.json()["id"]].story
        assert [a.sha256 for a in story.assets] == [pack.sha256] and Sandbox([pack]).problems(story) == []
        cast = fan.post("/api/films", json={"prompt": "a western", "cast": [{"likeness": "x" * 32, "role": "protagonist"}]})
        assert cast.status_code == 403 and "sandbox" in cast.json()["detail"]
