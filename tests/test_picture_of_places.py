"""Places are drawn as the world they are in (issue 12, "The picture tells the story").

What viewers saw wrong, watching real films: a diner on the Moon and astronauts stranded there were
drawn on a red Mars-like desert under a blue sky; the diner itself as a bar with shelves of bottles;
a ski chalet's window looked on a city skyline and its lodge bar was a neon cocktail bar; an
American water tower stood over Cairo's roofs. Each test measures what a viewer relies on in the
frame: the Moon's black sky, grey ground and the Earth in it, no weather there; a diner's counter,
stools, booths and big windows on a chequered floor; a lodge's mountains through its windows and its
fire, no neon; domes and minarets over Cairo, a water tank only on North America's roofs."""

import numpy as np
import pytest

from dreamreel.edit.shotlog import drawn
from dreamreel.model import Request
from dreamreel.model.bible import Bible, Place
from dreamreel.narrative.planner import plan
from dreamreel.synth.visual.procedural import set_dressing

from test_visual import H, W, make_shot, render


@pytest.fixture(scope="module")
def base() -> Bible:
    return plan(Request(prompt="two friends fall out and make up"), seed=0).bible


def world(bible: Bible, name: str, era: str, country: str | None, *places: Place) -> Bible:
    """``bible`` set in the world ``name`` in ``era`` (and ``country``), with only ``places``."""
    return bible.model_copy(update={"world": bible.world.model_copy(update={
        "name": name, "era": era, "description": f"{name}, {era}.", "country": country, "rules": [],
        "places": list(places)}), "style": bible.style.model_copy(update={"era": era})})


def frame(bible: Bible, pid: str, tod: str = "day", weather: str = "clear") -> np.ndarray:
    """The empty place's establishing frame (nobody in it), RGB as ints."""
    kind = bible.place(pid).kind
    shot = make_shot(bible, kind="establishing", size="wide", on=[], place_kind=kind, tod=tod, weather=weather,
                     frames=1).model_copy(update={"place": pid})
    return render(shot, bible)[0][:, :, :3].astype(int)


def share(mask: np.ndarray) -> float:
    return float(mask.mean())


def rows(f: np.ndarray, top: float, bottom: float) -> np.ndarray:
    return f[int(H * top):int(H * bottom)]


def grey(f: np.ndarray) -> np.ndarray:
    """Pixels of little colour (regolith, snow, stone): the channels within 24 of each other."""
    return (f.max(axis=2) - f.min(axis=2)) < 24


def blue(f: np.ndarray) -> np.ndarray:
    return (f[..., 2] > f[..., 0] + 40) & (f[..., 2] > 90)


def red(f: np.ndarray) -> np.ndarray:
    return (f[..., 0] > f[..., 1] + 60) & (f[..., 0] > f[..., 2] + 60) & (f[..., 0] > 120)


# --- 1. the Moon ----------------------------------------------------------------------------------

RIM = Place(id="rim", name="the crater rim", kind="desert", description="a grey slope of dust and boulders under a black sky")
PAD = Place(id="pad", name="the launch pad", kind="desert", description="a scorched circle where the ascent vehicle waits")
DOME = Place(id="dome", name="the habitat", kind="mars_dome", description="an inflated dome of bunks and hydroponic trays")
BASE = Place(id="moon", name="the moon", kind="space_station", description="screens, radio static and a clock set to Earth time")
COUNTER = Place(id="counter", name="the counter", kind="bar",
                description="red stools, pie under glass and a coffee pot that never empties")


def test_the_moon_is_read_from_its_places_and_words_not_from_a_dome_or_the_lunar_new_year(base):
    """A diner on the Moon (a world named for the diner, with a place named the Moon) is on the Moon,
    though a habitat of it is a Mars-kind dome; a world that says the Lunar New Year or a honeymoon
    is on the Earth; Mars stays Mars."""
    from dreamreel.synth.visual.procedural import body_of

    assert body_of(world(base, "the diner", "the 1980s", None, COUNTER, BASE, DOME, PAD)) == "moon"
    assert body_of(world(base, "the moon", "the 2140s", None, DOME, RIM)) == "moon"
    assert body_of(world(base, "the lunar colony", "the 2140s", None, PAD)) == "moon"
    assert body_of(world(base, "Chinatown", "the present day", "US", Place(
        id="s", name="the street", kind="city_street", description="lanterns for the Lunar New Year"))) is None
    assert body_of(world(base, "the honeymoon suite", "the present day", None, COUNTER)) is None
    assert body_of(world(base, "the red planet", "the 2140s", None, PAD)) == "mars"
    assert body_of(world(base, "the colony", "the 2140s", None, DOME, PAD)) == "mars"


def test_the_moon_is_grey_dust_and_craters_under_a_black_sky_with_the_earth_in_it(base):
    """The Moon's launch pad and crater rim were a red desert under a blue sky: the sky is black by
    day with the blue Earth hanging in it, the ground grey; Mars keeps its red ground under its
    butterscotch sky."""
    moon = world(base, "the diner", "the 1980s", None, COUNTER, BASE, PAD, RIM)
    mars = world(base, "the red planet", "the 2140s", None, PAD)
    for pid in ("pad", "rim"):
        f = frame(moon, pid)
        sky, ground = rows(f, 0.0, 0.45), rows(f, 0.75, 1.0)
        assert sky.mean() < 25 and share(blue(sky)) < 0.01, (pid, sky.mean())  # black, not a blue day sky
        assert share(blue(sky)) > 0.0003  # ... but for the blue Earth in it
        assert share(grey(ground)) > 0.9 and ground.mean() > 50, pid  # grey regolith, not red sand
        assert share(red(f)) < 0.001
    # a science fiction's rust-and-amber look at dusk does not turn it red again
    rust = moon.model_copy(update={"style": moon.style.model_copy(update={
        "palette": ["#1b1d2a", "#c1440e", "#e8a87c", "#d9e4ec", "#3fb8af", "#0f4c5c"]})})
    ground = rows(frame(rust, "pad", "dusk"), 0.75, 1.0)
    assert share(grey(ground)) > 0.9 and ground.mean() > 50
    f = frame(mars, "pad")
    assert rows(f, 0.0, 0.45).mean() > 90 and share(blue(rows(f, 0.0, 0.45))) < 0.01  # butterscotch
    ground = rows(f, 0.75, 1.0)
    assert (ground[..., 0] > ground[..., 2] + 40).mean() > 0.8  # red ground


def test_no_weather_on_the_moon_and_its_windows_and_domes_look_on_it(base):
    """Rain or snow does not fall on the Moon (it has no air); a Moon base's dome and its diner's
    windows look on a black sky over grey ground, not Mars's pink sky and red ridges."""
    moon = world(base, "the moon", "the 2140s", None, COUNTER, BASE, DOME, RIM)
    clear = frame(moon, "rim")
    for weather in ("rain", "snow", "storm"):
        assert np.array_equal(frame(moon, "rim", weather=weather), clear), weather
    shot = make_shot(moon, place_kind="desert", weather="rain").model_copy(update={"place": "rim"})
    assert drawn(shot, moon)["place"]["weather"] == "clear"  # the shot log says what is drawn
    dusk = frame(moon, "rim", "dusk")
    assert share(grey(rows(dusk, 0.75, 1.0))) > 0.9  # no red sunset without air
    f = frame(moon, "dome")
    sky = rows(f, 0.0, 0.3)
    assert sky.mean() < 45 and share(red(f)) < 0.002  # (the dome's ribs are pale against the black)
    ridge = rows(f, 0.5, 0.6)
    assert (ridge[..., 0] > ridge[..., 2] + 40).mean() < 0.05  # no rust-red ridges outside
    # the base's control room looks on the Moon's horizon, not a big red planet in orbit
    f = frame(moon, "moon")
    assert share(red(f)) < 0.002 and share((f[..., 0] > f[..., 2] + 50) & (f[..., 0] > 120)) < 0.01


# --- 2. a diner -----------------------------------------------------------------------------------

def test_a_diner_is_a_counter_with_stools_booths_and_big_windows_not_a_bar_of_bottles(base):
    """A 1950s roadside diner's counter and jukebox corner were a bar with shelves of bottles under
    a neon sign: they are the diner's long counter with red-topped stools, its pie case and coffee
    pots, booths under a row of big windows on the country outside, a menu board, a chequered floor;
    a bar keeps its bottles."""
    juke = Place(id="juke", name="the jukebox corner", kind="bar", description="a glowing jukebox and the last song")
    diner = world(base, "the roadside diner", "the 1950s", "US", COUNTER, juke)
    bar = world(base, "the city", "the 1950s", "US", Place(id="counter", name="the bar", kind="bar",
                                                           description="a long bar of bottles"))
    for pid in ("counter", "juke"):
        _, view, room = set_dressing(diner, make_shot(diner, place_kind="bar").model_copy(update={"place": pid}))
        assert room is not None and room.wall == "diner" and room.floor == "checker", pid
        assert view == "hills"  # a roadside diner's windows look on the country, not a skyline
    f, b = frame(diner, "counter"), frame(bar, "counter")
    floor = rows(f, 0.8, 1.0)
    assert floor.std(axis=(0, 1)).mean() > 45 > rows(b, 0.8, 1.0).std(axis=(0, 1)).mean()  # black and white squares
    windows = f[int(H * 0.14):int(H * 0.42), : W // 2]
    assert share(blue(windows)) > 0.3 and share(blue(b[int(H * 0.14):int(H * 0.42)])) < 0.05  # day through its windows
    assert share(red(rows(f, 0.5, 0.75))) > 0.05  # the booths' and stools' red vinyl

    def bottles(g: np.ndarray) -> float:  # many small saturated colours side by side along the back wall
        band = rows(g, 0.26, 0.5)
        hue_jumps = np.abs(np.diff(band, axis=1)).sum(axis=2) > 90
        return share(hue_jumps)

    assert bottles(f) * 3 < bottles(b), (bottles(f), bottles(b))


# --- 3. a ski lodge -------------------------------------------------------------------------------

CHALET = Place(id="chalet", name="the chalet", kind="interior", description="a pine-panelled room, a fire and wet boots")
LODGE_BAR = Place(id="bar", name="the lodge bar", kind="bar", description="a bar of fondue, music and snow on the windows")


def test_a_chalets_windows_look_on_snowy_mountains_not_a_city_skyline(base):
    """A ski chalet in the Alps looked out on a lit city skyline: its window shows snowy peaks and
    pines; such a room in New York keeps its skyline."""
    alps = world(base, "the Alps", "the present day", "CH", CHALET, LODGE_BAR)
    city = world(base, "New York", "the present day", "US", CHALET.model_copy(update={"name": "the study"}))
    window = (slice(int(H * 0.16), int(H * 0.42)), slice(int(W * 0.42), int(W * 0.58)))
    f, c = frame(alps, "chalet")[window], frame(city, "chalet")[window]
    assert share((f.min(axis=2) > 200) & grey(f)) > 0.04  # the snow on the peaks
    assert share((c.min(axis=2) > 200) & grey(c)) < 0.01

    def lit(g: np.ndarray) -> float:  # lit windows out there
        return share((g[..., 0] > 180) & (g[..., 1] > 120) & (g[..., 2] < 140))

    night, city_night = frame(alps, "chalet", "night")[window], frame(city, "chalet", "night")[window]
    assert lit(night) < 0.002 < lit(city_night), (lit(night), lit(city_night))


def test_a_lodge_bar_is_wood_antlers_and_a_fire_not_a_neon_cocktail_bar(base):
    """A ski lodge's bar was a neon cocktail bar with walls of bottles: it is log walls, antlers, a
    fire in the hearth and a plain wooden bar, no neon; a city's bar at night keeps its neon."""
    alps = world(base, "the Alps", "the present day", "CH", CHALET, LODGE_BAR)
    city = world(base, "the city", "the present day", "US", Place(id="bar", name="the cocktail bar", kind="bar",
                                                                 description="a long bar of bottles"))
    pieces, view, room = set_dressing(alps, make_shot(alps, place_kind="bar").model_copy(update={"place": "bar"}))
    assert room is not None and room.wall == "logs" and view == "mountains"
    assert {"hearth", "antlers"} <= set(pieces), pieces
    f, c = frame(alps, "bar", "night"), frame(city, "bar", "night")

    def neon(g: np.ndarray) -> float:  # a pink tube's glow: strong red and blue, little green
        return share((g[..., 0] > 150) & (g[..., 2] > 110) & (g[..., 1] < g[..., 2] - 50))

    assert neon(f) < 0.0005 < neon(c) / 4, (neon(f), neon(c))
    fire = (f[..., 0] > 220) & (f[..., 1] > 120) & (f[..., 2] < 90)
    assert share(fire) > 0.001  # the fire in the hearth
    wall = rows(frame(alps, "bar"), 0.05, 0.5).reshape(-1, 3).mean(axis=0)
    assert wall[0] > wall[1] > wall[2]  # brown wood, not a purple-striped cocktail lounge


# --- 4. skylines of their country ------------------------------------------------------------------

ROOF = Place(id="roof", name="the museum roof", kind="rooftop", description="the whole city spread out below")


def tank(f: np.ndarray) -> float:
    """A wooden water tank on stilts where the rooftop stands one: its brown staves against the sky."""
    box = f[int(H * 0.26):int(H * 0.46), int(W * 0.7):int(W * 0.8)]
    return share((box[..., 0] > box[..., 2] + 20) & (box[..., 0] < 140) & (box[..., 0] > box[..., 1]))


def test_an_american_water_tower_stands_only_on_north_americas_roofs(base):
    """A museum roof in Cairo had an American water tower on stilts: Cairo's, London's and Kyoto's
    roofs have none; New York's, in the 1930s or today, keep theirs."""
    for name, era, country in (("Cairo", "the 1930s", "EG"), ("Cairo", "the present day", "EG"),
                               ("London", "the 1970s", "GB"), ("Kyoto", "the present day", "JP")):
        f = frame(world(base, name, era, country, ROOF), "roof")
        assert tank(f) < 0.05, (name, era, tank(f))
    for era in ("the 1930s", "the present day"):
        f = frame(world(base, "New York", era, "US", ROOF), "roof")
        assert tank(f) > 0.3, (era, tank(f))


def test_cairos_skyline_has_domes_and_minarets_over_flat_roofs(base):
    """Over Cairo's flat roofs in the 1930s stand domes and minarets, rising well above the
    roofline into the sky (the roofs had nothing over them); its roofs carry no water tank."""
    cairo = frame(world(base, "Cairo", "the 1930s", "EG", ROOF), "roof")
    band = cairo[int(H * 0.36):int(H * 0.5), : int(W * 0.66)]  # well above the roofs (left of the stairhead)
    risers = (band.mean(axis=2) < 120).sum(axis=0) > 2
    assert risers.sum() >= 8, risers.sum()
    spans = np.flatnonzero(np.diff(np.concatenate([[0], risers.astype(int), [0]])))
    widths = spans[1::2] - spans[::2]
    assert len(widths) >= 2 and widths.min() <= 4, widths  # a dome and a slim tower at least
