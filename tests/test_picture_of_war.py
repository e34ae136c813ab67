"""A war's places, the open road, a ski-lift hut and Cairo's streets, drawn as the story names them
(issue 12, "The picture tells the story").

What viewers saw, watching a war film frame by frame: the front-line trench (a ruins-kind place)
was a temple's columns; the shelled main street of a bombed-out city an intact lit skyline under a
blue sky; the broken bell tower looked on lit towers and a water tank. A diner on Route 66 had
skyscrapers behind its parking lot; a ski-lift hut was a warehouse of crates; present-day Cairo's
street had no minarets, and 1930s Cairo's street at night hung neon signs. Each test measures what
a viewer relies on in the frame."""

import numpy as np
import pytest

from dreamreel.model import Request
from dreamreel.model.bible import Bible, Place
from dreamreel.narrative.planner import plan
from dreamreel.synth.visual.eras import site_of
from dreamreel.synth.visual.procedural import set_dressing

from test_peoples import neon
from test_picture_of_places import blue, frame, rows, share, world
from test_visual import H, W, make_shot, render

TRENCH = Place(id="trench", name="the front-line trench", kind="ruins",
               description="Duckboards over the mud, a fire-step, sandbags stacked shoulder-high and a periscope.")
NO_MANS = Place(id="nml", name="no man's land", kind="ruins",
                description="Mud, wire and craters between the lines, and a quiet that is worse than the noise.")
STREET = Place(id="street", name="the shelled main street", kind="city_street",
               description="roofless houses, a burned-out tram and a street of broken glass")
TOWER = Place(id="tower", name="the broken bell tower", kind="rooftop",
              description="the bell fallen through the floor, the city burning below")
BRIDGE = Place(id="bridge", name="the bridge", kind="city_street",
               description="One stone bridge over the river, the only one left standing for thirty miles.")
PLAZA = Place(id="plaza", name="the old plaza", kind="ruins", description="a plaza of broken columns and a dry fountain")


@pytest.fixture(scope="module")
def base() -> Bible:
    return plan(Request(prompt="two friends fall out and make up"), seed=0).bible


def at_war(bible: Bible, *places: Place) -> Bible:
    """``bible`` set in a bombed-out city in 1944."""
    return world(bible, "the bombed-out city", "1944", None, *places)


def lit_windows(f: np.ndarray) -> float:
    """Windows lit yellow (a standing city's)."""
    return share((f[..., 0] > 170) & (f[..., 1] > 120) & (f[..., 2] < 110))


def khaki(f: np.ndarray) -> np.ndarray:
    """Olive, mud and sandbag colours: warm, of little saturation, not dark."""
    r, g, b = f[..., 0], f[..., 1], f[..., 2]
    return (r >= b + 8) & (g >= b + 4) & (f.max(axis=2) - f.min(axis=2) < 70) & (f.max(axis=2) > 50)


def test_a_war_is_read_from_its_genre_its_worlds_words_and_its_places_but_not_before_1900(base):
    """A bombed-out city in 1944, a war story's world, and a shelled street in a city at peace are
    broken by war; a city in 1850 and New York's streets in 1944 are not."""
    from dreamreel.synth.visual.procedural import war_torn

    assert war_torn(at_war(base, STREET), STREET)
    war = world(base, "the Ardennes front", "1944", None, TRENCH).model_copy(update={"genres": ["war"]})
    assert war_torn(war, TRENCH)
    assert war_torn(world(base, "London", "1940", "GB", STREET), STREET)  # its own words say it
    calm = Place(id="street", name="the main street", kind="city_street", description="shops and a cinema")
    assert not war_torn(world(base, "New York", "1944", "US", calm), calm)
    assert not war_torn(world(base, "the bombed-out city", "1850", None, STREET), STREET)
    assert site_of(TRENCH.name, TRENCH.description, kind="ruins") == "trench"
    assert site_of(NO_MANS.name, NO_MANS.description, kind="ruins") == "no_mans_land"
    assert site_of("the foxhole", "under the roots", kind="forest") is None  # a wood stays a wood


def test_a_trench_is_earth_sandbags_and_wire_under_smoke_not_a_temples_columns(base):
    """The front-line trench was a temple's columns under a blue sky: it is earth walls, sandbags
    and wire under a smoky sky, all in mud and olive; an old plaza of broken columns in a world at
    peace keeps its stone columns."""
    war = at_war(base, TRENCH, NO_MANS)
    for pid in ("trench", "nml"):
        f = frame(war, pid)
        assert share(blue(rows(f, 0.0, 0.35))) < 0.01, pid  # smoke, no blue sky
        assert share(khaki(rows(f, 0.35, 1.0))) > 0.5, (pid, share(khaki(rows(f, 0.35, 1.0))))
    f = frame(war, "trench")
    bags = rows(f, 0.36, 0.48)  # the courses of sandbags along the parapet: pale khaki with dark seams
    assert share(khaki(bags) & (bags.max(axis=2) > 110)) > 0.4, share(khaki(bags) & (bags.max(axis=2) > 110))
    peace = frame(world(base, "the lost city", "the present day", None, PLAZA), "plaza")
    assert share(blue(rows(peace, 0.0, 0.35))) > 0.3


def test_a_shelled_street_is_broken_facades_and_rubble_not_a_lit_skyline(base):
    """The shelled main street was an intact skyline with lit windows under a blue sky, and the
    bell tower over a bombed city looked on lit towers: both (and the bridge's far bank) are broken
    walls with empty windows under smoke; New York's street in 1944 keeps its towers and lit windows."""
    war = at_war(base, STREET, TOWER, BRIDGE)
    calm = Place(id="street", name="the main street", kind="city_street", description="shops and a cinema")
    ny = world(base, "New York", "1944", "US", calm)
    for pid in ("street", "tower", "bridge"):
        for tod in ("day", "night"):
            f = frame(war, pid, tod)
            assert share(blue(rows(f, 0.0, 0.3))) < 0.01, (pid, tod)
            skyline = f[: int(H * 0.7), int(W * 0.4):]  # (right of the bell hung in the tower)
            assert lit_windows(skyline) < 0.002, (pid, tod, lit_windows(skyline))
    assert lit_windows(frame(ny, "street", "night")) > 0.01
    assert share(blue(rows(frame(ny, "street"), 0.0, 0.3))) > 0.3


def test_a_roadside_diners_lot_looks_on_the_open_country_not_skyscrapers(base):
    """The parking lot of a diner on Route 66 had skyscrapers behind it: it is a lot by the highway
    with the country flat to the horizon and the diner's sign on its pole; a city's lot keeps its
    towers."""
    lot = Place(id="lot", name="the parking lot", kind="city_street", description="headlights swinging across the lot")
    counter = Place(id="counter", name="the counter", kind="bar", description="red stools, pie under glass")
    road = world(base, "Route 66", "the present day", "US", lot, counter)
    city = world(base, "Chicago", "the present day", "US", lot, counter)
    for tod in ("day", "night"):
        f, c = frame(road, "lot", tod), frame(city, "lot", tod)
        above = (slice(int(H * 0.2), int(H * 0.55)), slice(0, int(W * 0.65)))  # left of the sign
        assert lit_windows(f[above]) < 0.002 < lit_windows(c[above]) or tod == "day", tod
        if tod == "day":
            assert share(blue(f[above])) > 0.8 > 0.5 > share(blue(c[above])), (share(blue(f[above])),
                                                                            share(blue(c[above])))


def test_a_ski_lift_hut_is_a_timber_hut_looking_on_the_mountains_not_a_warehouse(base):
    """The ski-lift hut was a warehouse of crates: it is the lodge's timber room, its window on
    the mountains."""
    hut = Place(id="hut", name="the ski-lift hut", kind="warehouse", description="the lift operator's hut at the top")
    alps = world(base, "the ski lodge", "the present day", "CH", hut)
    _, view, room = set_dressing(alps, make_shot(alps, place_kind="warehouse").model_copy(update={"place": "hut"}))
    assert room is not None and room.wall == "logs" and view == "mountains", (room, view)


def test_cairos_street_has_minarets_today_and_no_neon_in_the_1930s(base):
    """Present-day Cairo's street had towers and nothing else: slim minarets rise among them; in
    the 1930s its street at night is lit by lamps, no neon, while New York's of the 1930s has it."""
    st = Place(id="st", name="the street", kind="city_street", description="a busy street")

    def slim(f: np.ndarray) -> int:  # slim towers against the sky: runs of 2 to 6 non-sky columns
        band = rows(f, 0.08, 0.3)
        solid = (~blue(band)).mean(axis=0) > 0.6
        edges = np.flatnonzero(np.diff(np.concatenate([[0], solid.astype(int), [0]])))
        widths = edges[1::2] - edges[::2]
        return int(((widths >= 2) & (widths <= 6)).sum())

    assert slim(frame(world(base, "Cairo", "the present day", "EG", st), "st")) >= 1
    assert neon(frame(world(base, "Cairo", "the 1930s", "EG", st), "st", "night")) == 0
    assert neon(frame(world(base, "New York", "the 1930s", "US", st), "st", "night")) > 10


def test_a_field_hospital_tent_is_canvas_and_a_bunker_has_no_window(base):
    """The field hospital tent was a tiled ward under fluorescent tubes with a window on the city:
    it is olive canvas on poles lit by lanterns; the command bunker, an office with a window and
    blinds, is a windowless room of concrete under a dim light."""
    tent = Place(id="tent", name="the field hospital tent", kind="interior",
                 description="Rows of cots under canvas, lamps turned low, and the shelling audible through the canvas.")
    bunker = Place(id="bunker", name="the battalion command bunker", kind="office",
                   description="Maps pinned under a swinging bulb, a field telephone that never stops ringing.")
    war = at_war(base, tent, bunker)
    _, _, room = set_dressing(war, make_shot(war, place_kind="interior").model_copy(update={"place": "tent"}))
    assert room is not None and room.wall == "canvas" and room.light == "lanterns", room
    _, _, room = set_dressing(war, make_shot(war, place_kind="office").model_copy(update={"place": "bunker"}))
    assert room is not None and room.wall == "stone" and not room.window and room.light != "fluorescent", room


def test_a_gutted_factory_has_holes_in_its_roof_and_rubble_not_crates(base):
    """The gutted factory and the grain elevator of a bombed-out city were a tidy warehouse of
    crates under lit lamps: the smoke shows through holes in the roof and rubble lies where the
    goods stood; a warehouse in a city at peace keeps its crates."""
    elevator = Place(id="silo", name="the grain elevator", kind="warehouse",
                     description="a concrete tower over the city, every floor someone's position")
    peace = world(base, "the docks", "1944", None, elevator)

    def crates(f: np.ndarray) -> float:  # the crates' orange-brown boards
        band = rows(f, 0.4, 0.72)
        return share((band[..., 0] > band[..., 2] + 28) & (band[..., 0] > 60) & (band[..., 1] > band[..., 2] + 12))

    f, p = frame(at_war(base, elevator), "silo"), frame(peace, "silo")
    assert crates(f) < 0.005 < 0.02 < crates(p), (crates(f), crates(p))
    assert lit_windows(f) < 0.002


def test_an_insert_of_the_bridge_shows_the_bridge_not_a_folded_letter(base):
    """A war film's thing was "the bridge" the platoon holds, and its close look (an insert) drew a
    folded letter on a table captioned "the bridge": it is a look at the bridge itself, and the shot
    log says so; nobody holds the bridge as a letter. A real prop (a map) keeps its insert."""
    from dreamreel.edit.shotlog import drawn

    war = at_war(base, STREET, BRIDGE)
    insert = make_shot(war, kind="insert", size="insert", on=[], caption="the bridge", tod="day",
                       frames=1).model_copy(update={"place": "street", "props": ["the bridge"]})
    f = render(insert, war)[0][:, :, :3].astype(int)
    assert np.abs(f - frame(war, "bridge")).mean() < 12  # the bridge's own establishing look
    log = drawn(insert, war)
    assert log["place"]["name"] == "the bridge" and log["props"] == [] and not log["substituted"], log
    held = make_shot(war, kind="scene", size="wide", tod="day").model_copy(update={"place": "street",
                                                                                    "props": ["the bridge"]})
    assert drawn(held, war)["props"] == []
    letter = make_shot(war, kind="insert", size="insert", on=[], caption="the map", tod="day").model_copy(
        update={"place": "street", "props": ["the map"]})
    assert drawn(letter, war)["place"]["name"] == "the shelled main street"


RIDGE = Place(id="ridge", name="the ridge", kind="mountain", description="the hill the company must hold at all costs")
WOOD = Place(id="wood", name="the wood", kind="forest", description="the wood beyond the line")
SHORE = Place(id="shore", name="the beach", kind="beach", description="the landing beach")


def lum(f: np.ndarray) -> np.ndarray:
    return f @ np.array([0.299, 0.587, 0.114])


def smoke(f: np.ndarray) -> np.ndarray:
    """Smoke against the sky: dark grey, of little saturation."""
    return (lum(f) < 100) & (f.max(axis=2) - f.min(axis=2) < 30)


def test_a_front_line_ridge_is_shell_torn_ground_under_smoke_not_a_sunrise(base):
    """The ridge a war film's platoon holds was a pretty sunrise over snowy peaks and pines: where a
    war has reached, its sky is darkened by smoke (no sun, no blue), columns of smoke rise high over
    its crest, its ground is torn by shell holes and its wood is shattered trunks, not green pines;
    the same ridge and wood in the Alps at peace keep their sunrise, snow and pines."""
    war = at_war(base, RIDGE, WOOD)
    peace = world(base, "the Alps", "1944", "CH", RIDGE, WOOD)
    dawn, calm = frame(war, "ridge", "dawn"), frame(peace, "ridge", "dawn")
    assert share(lum(calm) > 200) > 0.01  # the sun rising over the peaks at peace
    assert share(lum(dawn) > 200) < 0.002, share(lum(dawn) > 200)  # no sun through the smoke
    assert lum(rows(dawn, 0.0, 0.5)).mean() < lum(rows(calm, 0.0, 0.5)).mean() - 25
    for pid in ("ridge", "wood"):
        f = frame(war, pid)
        assert share(blue(rows(f, 0.0, 0.4))) < 0.01, pid
        assert share(smoke(rows(f, 0.05, 0.25))) > 0.05, (pid, share(smoke(rows(f, 0.05, 0.25))))  # smoke rising high
        assert share(f.min(axis=2) > 215) < 0.002, pid  # no snow on the tops
        assert share((f[..., 1] > f[..., 0] + 10) & (f[..., 1] > f[..., 2] + 5)) < 0.01, pid  # no green pines
        torn = share(lum(rows(f, 0.65, 1.0)) < 45)  # shell holes in the ground in front
        assert torn > 0.2, (pid, torn)
    assert share(lum(rows(frame(peace, "ridge"), 0.65, 1.0)) < 45) < 0.1
    assert share(smoke(rows(frame(peace, "ridge"), 0.05, 0.25))) < 0.01
    wood = frame(peace, "wood")
    assert share((wood[..., 1] > wood[..., 0] + 10) & (wood[..., 1] > wood[..., 2] + 5)) > 0.3


def test_every_sky_a_war_has_reached_is_smoke_not_blue(base):
    """A landing beach in a war story had a blue holiday sky: every outdoor place where a war has
    reached is under smoke; the beach at peace keeps its blue sky."""
    war = world(base, "Normandy", "1944", "FR", SHORE).model_copy(update={"genres": ["war"]})
    f = frame(war, "shore")
    assert share(blue(rows(f, 0.0, 0.4))) < 0.01, share(blue(rows(f, 0.0, 0.4)))
    assert share(smoke(rows(f, 0.05, 0.3))) > 0.03
    assert share(blue(rows(frame(world(base, "Normandy", "1994", "FR", SHORE), "shore"), 0.0, 0.4))) > 0.5
