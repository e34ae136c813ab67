"""The shot log (what each shot draws: place, who as what in which costume, props, action, what was
substituted), `dreamreel shotlog` and `dreamreel contact-sheet`; and a made film's subtitles: the
MP4's text track, still signed, and --burn-subtitles in the picture."""

import json
from pathlib import Path

import av
import numpy as np
import pytest
from PIL import Image
from typer.testing import CliRunner

from dreamreel.cli import app
from dreamreel.edit.captions import captions, subtitle_text
from dreamreel.edit.shotlog import FALLBACK_PROP, drawn, entries, row
from dreamreel.model import Request
from dreamreel.model.shot import Lighting, Shot
from dreamreel.narrative.planner import plan
from dreamreel.production import make_film
from dreamreel.synth.voice import backend
from dreamreel.trust.provenance import verify

runner = CliRunner()


def western():
    """A western whose cast asks for things the renderer draws as something else: a centaur (no
    drawing: a person plays him) and a lynx (drawn as a cat); and a chef in whites."""
    story = plan(Request(prompt="a western", episodes=1, target_seconds=20), seed=2)
    by_id = {c.id: c for c in story.bible.cast}
    by_id["laramie"].look.clothing = "chef's whites"
    by_id["mateo"].look.species = "centaur"
    by_id["rosa"].look.species = "lynx"
    return story


def test_a_shot_logs_place_people_creatures_costumes_props_and_action() -> None:
    bible = western().bible
    shot = Shot(id="s1_4", beat="b1", episode=1, kind="scene", size="wide", move="pan", frames=48, start_frame=0,
                place="silver_spur_saloon", place_kind="saloon", time_of_day="night", weather="clear",
                on_screen=["laramie", "rosa", "mateo"], focus="rosa", action="hand_over",
                props=["the silver tiara", "a loom"], lighting=Lighting(palette=["#101010", "#e0e0e0"]))
    d = drawn(shot, bible)
    assert d["place"] == {"id": "silver_spur_saloon", "kind": "saloon", "name": "the Silver Spur saloon",
                          "time_of_day": "night", "weather": "clear"}
    laramie, rosa, mateo = d["characters"]
    assert (laramie["name"], laramie["species"], laramie["drawn_as"], laramie["substituted"]) == \
        ("Laramie Callahan", "human", "human", None)
    assert laramie["costume"]["known_as"] == "chef's whites"
    assert laramie["costume"]["headwear"] == "wide-brimmed hat"  # her own hat before the costume's toque
    assert (rosa["drawn_as"], rosa["substituted"], rosa["costume"], rosa["focus"]) == ("cat", "lynx", None, True)
    assert (mateo["drawn_as"], mateo["substituted"]) == ("human", "centaur")
    assert mateo["costume"]["clothing"] == "fringed leather coat"  # a person plays him: dressed as written
    assert d["props"] == [{"named": "the silver tiara", "drawn": "tiara", "substituted": False},
                          {"named": "a loom", "drawn": FALLBACK_PROP, "substituted": True}]
    assert d["action"] == "hand_over"
    assert d["substituted"] == [
        "Rosa McCready (lynx) is drawn as a cat: the renderer has no lynx yet",
        "Mateo Tate (centaur) is drawn as a human: the renderer has no centaur yet",
        f"a loom is drawn as a {FALLBACK_PROP}: the renderer has no drawing of it yet"]
    r = row({"number": 5, "start": 62.25, "seconds": 2.5, "kind": "scene", "size": "wide", "drawn": d})
    assert r["time"] == "1:02.2" and r["place"] == "the Silver Spur saloon (saloon)"
    assert r["who"] == "Laramie Callahan, Rosa McCready (lynx as cat), Mateo Tate (centaur as human)"
    assert r["props"] == f"the silver tiara, a loom (as a {FALLBACK_PROP})" and r["action"] == "hand over"
    # a card shows its words and nobody
    card = drawn(shot.model_copy(update={"kind": "title", "caption": "Dust"}), bible)
    assert card["card"] == "Dust" and card["characters"] == [] and card["props"] == []


@pytest.fixture(scope="module")
def film(tmp_path_factory):
    folder = tmp_path_factory.mktemp("logged")
    story = western()
    result = make_film(story, folder / "film.mp4", res="480p", choices="first", keep=True, voice=backend("espeak-ng"))
    return folder / "film.mp4", story, result


def test_the_timeline_logs_every_shot_in_film_order(film) -> None:
    path, story, result = film
    meta, log = entries(path)
    assert meta["title"] == story.bible.title and len(log) == result.shots
    assert [e["shot"] for e in log] == [s.id for sl in result.lists for s in sl.shots]
    assert log[0]["frame"] == 0 and sum(e["frames"] for e in log) == result.frames
    assert all(b["frame"] == a["frame"] + a["frames"] for a, b in zip(log, log[1:]))
    assert all(e["start"] == pytest.approx(e["frame"] / 24, abs=1e-3) for e in log)
    places = {p.id: p.name for p in story.bible.world.places}
    assert all(e["drawn"]["place"]["name"] == places[e["drawn"]["place"]["id"]] for e in log)
    people = [c for e in log for c in e["drawn"]["characters"]]
    assert people and all(c["name"] and c["drawn_as"] for c in people)
    # what the film draws as something else is in the log of each shot it is in, and once in the film's
    for c in people:
        if c["substituted"]:
            line = f"{c['name']} ({c['substituted']}) is drawn as a {c['drawn_as']}"
            assert any(s.startswith(line) for s in meta["substituted"])
    assert any(c["substituted"] for c in people)
    assert log[0]["drawn"]["card"] and log[-1]["kind"] == "end"


def test_shotlog_prints_a_table_and_json(film) -> None:
    path, story, result = film
    got = runner.invoke(app, ["shotlog", str(path), "--json"])
    assert got.exit_code == 0, got.output
    data = json.loads(got.output)
    assert data["title"] == story.bible.title and len(data["shots"]) == result.shots
    assert data["shots"][1]["drawn"]["place"]["name"]
    table = runner.invoke(app, ["shotlog", str(path.with_suffix(".otio"))], env={"COLUMNS": "200"})
    assert table.exit_code == 0, table.output
    first_place = data["shots"][1]["drawn"]["place"]["name"]
    assert story.bible.title in table.output and first_place in table.output
    for line in data["substituted"]:
        assert f"substituted: {line}" in " ".join(table.output.split())


def test_a_film_without_its_timeline_is_one_line(tmp_path: Path, film) -> None:
    lone = tmp_path / "lone.mp4"
    lone.write_bytes(film[0].read_bytes())
    for cmd in (["shotlog", str(lone)], ["contact-sheet", str(lone), "-o", str(tmp_path / "s.png")]):
        got = runner.invoke(app, cmd)
        assert got.exit_code == 2 and "--keep" in got.output
    got = runner.invoke(app, ["shotlog", str(tmp_path / "nothing.mp4")])
    assert got.exit_code == 2 and "no such film" in got.output
    assert not (tmp_path / "s.png").exists()


def test_the_contact_sheet_shows_the_middle_of_every_shot(film, tmp_path: Path) -> None:
    path, _, result = film
    out = tmp_path / "sheet.png"
    got = runner.invoke(app, ["contact-sheet", str(path), "-o", str(out), "--columns", "5", "--width", "200"])
    assert got.exit_code == 0, got.output
    _, log = entries(path)
    sheet = np.asarray(Image.open(out).convert("RGB")).astype(int)
    rows = (len(log) + 4) // 5
    th = round(200 * 480 / 854)
    gap = max(6, 200 // 40)
    assert sheet.shape[1] == gap + 5 * (200 + gap)
    # each thumbnail is the film's frame at the middle of its shot
    with av.open(str(path)) as c:
        frames = [f.to_ndarray(format="rgb24") for f in c.decode(video=0)]
    size = max(11, 200 // 22)
    lead = round(size * 1.3)
    head, cell_h = 2 * gap + 2 * lead, th + 3 * lead + gap
    for i in (0, len(log) // 2, len(log) - 1):
        e = log[i]
        x, y = gap + (i % 5) * (200 + gap), head + (i // 5) * cell_h
        thumb = sheet[y:y + th, x:x + 200]
        mid = frames[e["frame"] + e["frames"] // 2]
        want = np.asarray(Image.fromarray(mid).resize((200, th), Image.Resampling.BILINEAR)).astype(int)
        assert np.abs(thumb - want).mean() < 6, i
        label = sheet[y + th:y + th + 3 * lead, x:x + 200]
        assert label.max() > 150  # its number, time, place and who, written under it
    assert sheet.shape[0] == head + rows * cell_h + gap
    bad = runner.invoke(app, ["contact-sheet", str(path), "-o", str(tmp_path / "sheet.jpg")])
    assert bad.exit_code == 2 and "PNG" in bad.output


def test_the_film_carries_its_subtitles_and_is_still_signed(film) -> None:
    path, story, result = film
    with av.open(str(path)) as c:
        (s,) = c.streams.subtitles
        assert (s.codec_context.name, s.metadata["language"]) == ("mov_text", "eng")
        samples = []
        for p in c.demux(s):
            data = bytes(p)
            if p.dts is not None and len(data) > 2:
                samples.append((round(float(p.pts * p.time_base), 3), data[2:].decode()))
    names = {c.id: c.name for c in story.bible.cast}
    want = [(c.start, subtitle_text(c)) for c in captions(result.lists, names)]
    assert len(samples) == len(want) > 0
    assert all(abs(a[0] - b[0]) <= 0.002 and a[1] == b[1] for a, b in zip(samples, want))
    assert verify(path).ok  # signed after the text track was muxed


def test_burned_subtitles_are_in_the_picture_where_a_caption_shows(film, tmp_path: Path) -> None:
    path, story, result = film
    burned = make_film(story, tmp_path / "burned.mp4", res="480p", choices="first", voice=backend("espeak-ng"),
                       burn_subtitles=True)
    assert burned.frames == result.frames and verify(burned.path).ok
    names = {c.id: c.name for c in story.bible.cast}
    caps = captions(result.lists, names)
    with av.open(str(path)) as a, av.open(str(burned.path)) as b:
        clean = [f.to_ndarray(format="rgb24") for f in a.decode(video=0)]
        burnt = [f.to_ndarray(format="rgb24") for f in b.decode(video=0)]
    fps = 24
    spoken = np.zeros(len(clean), bool)
    for c in caps:
        spoken[round(c.start * fps):round(c.end * fps)] = True
    h = clean[0].shape[0]
    band = slice(h // 2, round(h * 0.9))  # where the caption box sits
    diff = np.array([np.abs(x[band].astype(int) - y[band]).mean() for x, y in zip(clean, burnt)])
    inside = [i for i in np.flatnonzero(spoken) if spoken[max(0, i - 2):i + 3].all()]
    outside = [i for i in np.flatnonzero(~spoken) if not spoken[max(0, i - 2):i + 3].any()]
    assert inside and outside
    assert np.median(diff[inside]) > 8  # a dark box with white words
    assert np.median(diff[outside]) < 1  # the same picture where nobody speaks
