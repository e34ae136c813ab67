"""The coast reads as a coast (issue 12, "The picture tells the story").

Watched on "a quiet grief drama in a storm-bound lighthouse": the lamp room was a rooftop over a
rainy town with a small lamp at the side, the rocks below a pale beach (snowy by night) with a calm
sea, the gallery a town's roofs at sunset. Each test measures the empty place's establishing frame,
drawn for real: the lamp room's great lens blazes in the middle with the sea through the windows,
the rocks below are dark rocks in a heaped, breaking sea under the lighthouse (and no snow), the
gallery is a railing over the open sea; and the same rules make a cliff over a stormy sea, a
harbour's quay and a lighthouse on a rock come out as coasts."""

import numpy as np
import pytest

from dreamreel.model import Request
from dreamreel.model.bible import Bible, Place
from dreamreel.narrative.planner import plan
from dreamreel.synth.visual.coast import coast_set
from dreamreel.synth.visual.procedural import set_dressing

from test_picture_of_places import frame, rows, share, world
from test_visual import make_shot

PROMPT = "a quiet grief drama in a storm-bound lighthouse, rated PG, 30 seconds"


@pytest.fixture(scope="module")
def lighthouse() -> Bible:
    return plan(Request(prompt=PROMPT), seed=0).bible


def luma(f: np.ndarray) -> np.ndarray:
    return f.mean(axis=2)


def water(f: np.ndarray) -> np.ndarray:
    """Sea: dark-to-mid slate or blue water (whatever the hour's grade), not sand, snow, grass or roof
    tiles: no warmer than a little red over blue, no greener than blue."""
    f = f.astype(int)
    return (f[..., 2] >= f[..., 0] - 15) & (f[..., 1] <= f[..., 2] + 12) & (luma(f) < 160) & (luma(f) > 15)


def foam(f: np.ndarray) -> np.ndarray:
    """White water: breakers, spray and crests (light for the hour, as colourless as the grade lets it be)."""
    return (luma(f) > 110) & (f.max(axis=2) - f.min(axis=2) < 70)


def pale(f: np.ndarray) -> np.ndarray:
    """Snow or pale sand: light and nearly colourless, or light and warm."""
    return f.min(axis=2) > 120


def tower_red(f: np.ndarray) -> np.ndarray:
    return (f[..., 0] > f[..., 1] + 50) & (f[..., 0] > f[..., 2] + 40)


def roof_red(f: np.ndarray) -> np.ndarray:
    """A town's tiled roofs and brick: warm red-brown, not as light as paint in the dawn's light."""
    return (f[..., 0] > f[..., 2] + 35) & (f[..., 0] > f[..., 1] + 15) & (f[..., 0] > 80) & (luma(f) < 170)


def swaps(band: np.ndarray) -> int:
    """The most light-dark-light swaps along one row: a railing's stanchions against the sea."""
    g = luma(band)
    light = g > g.mean(axis=1, keepdims=True) + 25
    return int(np.abs(np.diff(light.astype(int), axis=1)).sum(axis=1).max())


def test_the_lamp_room_shows_the_great_lens_blazing_with_the_sea_through_its_windows(lighthouse):
    place = lighthouse.place("lamp_room")
    f = frame(lighthouse, "lamp_room", "night", "storm")
    w = f.shape[1]
    middle = luma(rows(f, 0.2, 0.6)[:, int(w * 0.44):int(w * 0.56)])
    sides = luma(np.concatenate([rows(f, 0.2, 0.6)[:, :int(w * 0.2)], rows(f, 0.2, 0.6)[:, int(w * 0.8):]], axis=1))
    assert middle.mean() > 170 and middle.mean() > sides.mean() + 80, (middle.mean(), sides.mean())  # the lens
    assert share(water(rows(f, 0.4, 0.56))) > 0.4  # the sea under the horizon, through the windows
    assert share(roof_red(f)) < 0.01  # no town's roofs
    assert place.kind == "rooftop"  # (as the lighthouse's words plan it: a lamp room anywhere is drawn so)
    interior = world(lighthouse, "the lighthouse", "the 1950s", None, place.model_copy(update={"kind": "interior"}))
    g = frame(interior, "lamp_room", "day")
    assert luma(rows(g, 0.2, 0.6)[:, int(w * 0.44):int(w * 0.56)]).mean() > 150
    assert share(water(rows(g, 0.4, 0.56))) > 0.4
    snowing = frame(lighthouse, "lamp_room", "night", "snow")  # snow falls on the sea outside, not on its floor
    assert share(pale(rows(snowing, 0.8, 1.0))) < 0.02


def test_the_rocks_below_are_rocks_in_a_breaking_sea_under_the_lighthouse_not_a_snowy_beach(lighthouse):
    assert lighthouse.place("rocks_below").kind == "beach"
    f = frame(lighthouse, "rocks_below", "night", "storm")
    assert share(water(rows(f, 0.52, 0.7))) > 0.5, share(water(rows(f, 0.52, 0.7)))  # sea below the horizon
    assert share(foam(rows(f, 0.5, 0.78))) > 0.1  # breakers and spray off the rocks
    assert share(tower_red(rows(f, 0.0, 0.6))) > 0.003  # the lighthouse's red bands above them
    assert share(pale(rows(f, 0.8, 1.0))) < 0.02  # dark wet rock underfoot, no snow or pale sand
    # a world whose name says nothing of the sea ("Maine", "Scotland") has its rocks on the sea all the same
    maine = world(lighthouse, "Maine", "the present day", "US", lighthouse.place("rocks_below"))
    g = frame(maine, "rocks_below", "night", "storm")
    assert share(tower_red(rows(g, 0.0, 0.6))) > 0.003 and share(pale(rows(g, 0.8, 1.0))) < 0.02
    assert share(water(rows(g, 0.52, 0.7))) > 0.5
    clear = frame(lighthouse, "rocks_below", "night", "clear")  # no storm: still no snow in a world not wintry
    assert share(pale(rows(clear, 0.8, 1.0))) < 0.02 and share(water(rows(clear, 0.52, 0.7))) > 0.5
    assert share(foam(rows(f, 0.5, 0.78))) > share(foam(rows(clear, 0.5, 0.78)))  # the storm heaps the sea up


def test_the_gallery_is_a_railing_high_over_the_open_sea_not_a_town_roof(lighthouse):
    assert lighthouse.place("gallery").kind == "rooftop"
    f = frame(lighthouse, "gallery", "dawn", "storm")
    w = f.shape[1]
    assert swaps(rows(f, 0.58, 0.66)[:, int(w * 0.25):]) >= 20  # the railing's stanchions
    assert share(water(rows(f, 0.46, 0.52))) > 0.5  # the sea beyond it
    assert share(roof_red(rows(f, 0.45, 0.68)[:, int(w * 0.25):])) < 0.02  # no village roofs


CLIFF = Place(id="cliff", name="the cliff top", kind="mountain", description="a cliff above a stormy sea",
              time_of_day="dusk", weather="storm")
QUAY = Place(id="quay", name="the quayside", kind="beach", description="a quay of fishing boats and nets",
             time_of_day="day", weather="storm")
ROCK = Place(id="rock", name="the light on the rock", kind="beach",
             description="a lighthouse on a bare rock off the coast of Maine", time_of_day="day", weather="clear")
PASS = Place(id="pass", name="the rocky pass", kind="mountain", description="a rocky pass between peaks")
KITCHEN = Place(id="kitchen", name="the keeper's kitchen", kind="interior",
                description="a warm round kitchen with a kettle and a tide table")


def test_the_same_rules_make_a_cliff_a_quay_and_a_lighthouse_on_a_rock_coasts(lighthouse):
    coast = world(lighthouse, "the coast", "the 1950s", "GB", CLIFF, QUAY, ROCK, PASS, KITCHEN)
    f = frame(coast, "cliff", "dusk", "storm")
    grass = (f[..., 1] > f[..., 2] + 20) & (f[..., 0] < f[..., 1] + 25)  # green, or olive in the dusk
    assert share(grass[int(f.shape[0] * 0.8):]) > 0.5  # the cliff's grassy top underfoot
    assert share(water(rows(f, 0.5, 0.68))) > 0.4  # the sea far below it
    f = frame(coast, "quay", "day", "storm")
    assert share(water(rows(f, 0.62, 0.76))) > 0.4  # the harbour's water
    quay = rows(f, 0.82, 1.0)
    assert share(pale(quay)) < 0.05 and share((quay.max(axis=2) - quay.min(axis=2)) < 30) > 0.8  # grey stone, no sand
    f = frame(coast, "rock", "day")
    assert share(tower_red(f)) > 0.003 and share(water(rows(f, 0.52, 0.68))) > 0.5
    # a mountain pass's rocks are no shore, and a lighthouse's kitchen has no tower in it
    for pid, kind in (("pass", "mountain"), ("kitchen", "interior")):
        dressing, view, _ = set_dressing(coast, make_shot(coast, place_kind=kind).model_copy(update={"place": pid}))
        assert coast_set(kind, view, dressing, "storm") is None, (pid, dressing, view)


HARBOUR = Place(id="harbour", name="the harbour village", kind="village",
                description="a huddle of cottages and boats below the light", time_of_day="dusk", weather="snow")
FISHING = Place(id="fishing", name="the fishing village", kind="village", description="a Cornish fishing village")
GREEN = Place(id="green", name="the village green", kind="village", description="a green with a pond and a bench")
TOP = Place(id="top", name="the lamp room", kind="rooftop", description="the lamp room at the top of the tower")
COOK = Place(id="cook", name="the lighthouse", kind="interior",
             description="a warm round kitchen with a kettle and a tide table")
LINE = Place(id="line", name="the line", kind="interior", description="the hot line in full service, shouted orders")


def test_a_village_on_the_sea_is_its_harbour_with_the_light_above_it(lighthouse):
    coast = world(lighthouse, "the lighthouse", "the 1950s", "GB", HARBOUR, GREEN)
    f = frame(coast, "harbour", "day")
    assert share(water(rows(f, 0.5, 0.62))) > 0.35  # the sea and the harbour's water beyond the quay
    assert share(tower_red(rows(f, 0.0, 0.5))) > 0.002  # the light the cottages are below, on its headland
    assert share(tower_red(rows(frame(coast, "harbour", "dusk", "snow"), 0.0, 0.5))) > 0.002
    # the same village in a world with no sea in its words stays among its hills
    inland = world(lighthouse, "Shropshire", "the 1950s", "GB", HARBOUR.model_copy(update={
        "name": "the market village", "description": "a huddle of cottages round a green"}))
    g = frame(inland, "harbour", "day")
    assert share(water(rows(g, 0.5, 0.62))) < share(water(rows(frame(coast, "harbour", "day"), 0.5, 0.62))) - 0.2
    # a fishing village in Cornwall looks on the sea; the world's village green there (no sea in its
    # words or the world's) is the village it was
    cornwall = world(lighthouse, "Cornwall", "the present day", "GB", FISHING, GREEN)
    f = frame(cornwall, "fishing", "night", "storm")
    assert share(water(rows(f, 0.5, 0.62))) > 0.35
    assert coast_set("village", "hills", [], "clear") is None


def test_a_room_is_dressed_from_its_own_words_not_the_building_the_world_is_named_for(lighthouse):
    coast = world(lighthouse, "the lighthouse", "the 1950s", "GB", TOP, COOK, LINE, KITCHEN)
    def dressed(pid: str) -> "tuple[list[str], str | None]":
        d, _, room = set_dressing(coast, make_shot(coast, place_kind=coast.place(pid).kind).model_copy(
            update={"place": pid}))
        return d, room.wall if room is not None else None
    assert dressed("cook")[0] == ["stove"]  # the lighthouse's kitchen: a stove, no lens or spiral stair
    assert "lens" not in dressed("line")[0] and "stairs" not in dressed("line")[0]
    assert dressed("top") == (["lens"], "lantern")  # a lamp room at the top of the tower is a lamp room
    f = frame(coast, "top", "night")
    w = f.shape[1]
    assert luma(rows(f, 0.2, 0.6)[:, int(w * 0.44):int(w * 0.56)]).mean() > 150  # its great lens blazing


def test_a_village_in_a_world_with_a_quay_is_on_its_sea_and_its_houses_hold_no_boats(lighthouse):
    """'a harbour village in Norway' was planned as 'the cottage' and 'the village green' beside 'the
    quayside': the village was drawn among hills, a moored boat stood in the harbourmaster's house, and
    the genre's rule 'the old temples are trapped' hung a temple bell in the church belfry."""
    cottage = Place(id="cottage", name="the cottage", kind="village", description="a little cottage with roses")
    quayside = Place(id="quayside", name="the quayside", kind="beach", description="a quay of fishing boats and nets")
    house = Place(id="house", name="the harbourmaster's house", kind="interior",
                  description="a house with a telescope and tide charts")
    belfry = Place(id="belfry", name="the church belfry", kind="rooftop", description="a belfry of bats and bell ropes")
    norway = world(lighthouse, "Norway", "the present day", "NO", cottage, quayside, house, belfry)
    norway = norway.model_copy(update={"world": norway.world.model_copy(update={
        "rules": ["The old temples are trapped, and the traps still work."]})})
    f = frame(norway, "cottage", "day")
    assert share(water(rows(f, 0.5, 0.62))) > 0.35  # the sea beyond the cottages
    inland = world(lighthouse, "Norway", "the present day", "NO", cottage, house)
    assert share(water(rows(frame(inland, "cottage", "day"), 0.5, 0.62))) < 0.15  # no quay: among its hills

    def dressed(pid: str) -> "list[str]":
        return set_dressing(norway, make_shot(norway, place_kind=norway.place(pid).kind).model_copy(
            update={"place": pid}))[0]
    assert "boat" not in dressed("house") and "boat" in dressed("quayside")
    assert "temple_bell" not in dressed("belfry") and "bell" in dressed("belfry")
