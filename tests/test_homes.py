"""A home's rooms are built the way the region the story is set in builds them (issue 12)."""

import numpy as np
import pytest
import skia

from dreamreel.model import Request
from dreamreel.model.bible import Bible, Place
from dreamreel.model.shot import Lighting
from dreamreel.narrative.planner import plan
from dreamreel.synth.visual.looks import Grade
from dreamreel.synth.visual.settings import Kit

from test_visual import make_shot, render


@pytest.fixture(scope="module")
def ronin() -> Bible:
    return plan(Request(prompt="a ronin in the Edo period"), seed=0).bible


def set_in(bible: Bible, country: str, era: str, place: Place, *, village: bool = True) -> Bible:
    """``bible`` set in ``country`` in ``era``, with ``place`` among its places (a village world)."""
    places = [p for p in bible.world.places if village or p.kind != "village"] + [place]
    return bible.model_copy(update={
        "world": bible.world.model_copy(update={"country": country, "era": era, "name": "the village",
                                                "description": "a village", "places": places}),
        "style": bible.style.model_copy(update={"era": era})})


def room(bible: Bible, kind: str = "interior", tod: str = "day") -> np.ndarray:
    """The empty room's establishing frame (nobody in it: only the room is compared), RGB as ints."""
    shot = make_shot(bible, kind="establishing", size="wide", on=[], place_kind=kind, tod=tod, frames=1)
    return render(shot, bible)[0][:, :, :3].astype(int)


HOUSE = Place(id="somewhere", name="the headman's house", kind="interior",
              description="the biggest house in the village, where the rents are settled")


def sky_blue(f: np.ndarray) -> float:
    """Share of pixels of a blue daytime sky (a glazed window onto the day)."""
    return float(((f[..., 2] > f[..., 0] + 50) & (f[..., 2] > 150)).mean())


def straw(f: np.ndarray) -> float:
    """Share of pixels of tatami's pale straw green (red and green close, blue well below)."""
    return float(((abs(f[..., 0] - f[..., 1]) < 20) & (f[..., 1] > f[..., 2] + 35) & (f[..., 1] > 120)).mean())


def rug_red(f: np.ndarray) -> float:
    return float(((f[..., 0] > 100) & (f[..., 0] > f[..., 1] + 60) & (f[..., 0] > f[..., 2] + 60)).mean())


def test_a_house_in_feudal_japan_has_shoji_and_tatami_not_a_glazed_window(ronin):
    """The headman's house of a village in feudal Japan was a European room (wallpaper, a glazed
    window with blinds, a panelled door, an oil lamp on a cabinet): it is timber and plaster with
    paper screens where the window was and tatami on the floor; the same house in England keeps its
    window and boards."""
    japan = room(set_in(ronin, "JP", "feudal Japan", HOUSE))
    england = room(set_in(ronin, "GB", "the 1750s", HOUSE))
    floor_rows = slice(int(japan.shape[0] * 0.75), None)
    assert straw(japan[floor_rows]) > 0.5 > straw(england[floor_rows]) + 0.4, \
        (straw(japan[floor_rows]), straw(england[floor_rows]))
    # no blue sky through glass: the light comes through paper
    assert sky_blue(japan) < 0.002 < sky_blue(england) / 5, (sky_blue(japan), sky_blue(england))
    # the shoji: bright paper panels over the middle of the wall
    mid = japan[int(japan.shape[0] * 0.25):int(japan.shape[0] * 0.6), int(japan.shape[1] * 0.4):int(japan.shape[1] * 0.6)]
    assert (mid.mean(axis=2) > 200).mean() > 0.5


def test_houses_of_the_dry_lands_and_of_an_african_village_are_their_own(ronin):
    """A house in Cairo is plastered under an arched window with a patterned rug on the floor; a
    house in a Kenyan village is mud under thatch with mats on the earth, and no glazed window;
    today's Tokyo apartment is a modern room, as in London."""
    cairo = room(set_in(ronin, "EG", "the present day", HOUSE, village=False))
    kenya = room(set_in(ronin, "KE", "the 1950s", HOUSE))
    london = room(set_in(ronin, "GB", "the present day", HOUSE, village=False))
    floor_rows = slice(int(cairo.shape[0] * 0.75), None)
    assert rug_red(cairo[floor_rows]) > 0.15 > rug_red(london[floor_rows]) * 3 + 0.05
    assert not np.array_equal(cairo, london)
    top = kenya[: int(kenya.shape[0] * 0.1)]  # the thatch seen from under: straw, not a plaster ceiling
    assert ((top[..., 0] > top[..., 2] + 50) & (top[..., 1] > top[..., 2] + 30)).mean() > 0.8
    wall = kenya[int(kenya.shape[0] * 0.45):int(kenya.shape[0] * 0.65)]  # red-brown mud
    assert ((wall[..., 0] > wall[..., 1] + 30) & (wall[..., 1] > wall[..., 2])).mean() > 0.7
    flat = Place(id="somewhere", name="the apartment", kind="apartment", description="a small apartment")
    tokyo = room(set_in(ronin, "JP", "the present day", flat, village=False), "apartment")
    london_flat = room(set_in(ronin, "GB", "the present day", flat, village=False), "apartment")
    assert np.array_equal(tokyo, london_flat)


def piece(name: str, region: str | None, year: int | None) -> np.ndarray:
    from dreamreel.synth.visual.dressing import PIECES

    arr = np.zeros((100, 100, 4), np.uint8)
    surf = skia.Surface(arr)
    c = surf.getCanvas()
    kit = Kit(c, c, c, c, 100, Grade(Lighting(palette=["#202020", "#c0a040"]), "day"), np.random.default_rng(0),
              "day", "clear", frozenset(), year, region=region)
    PIECES[name][0](kit, c, 50, 90)
    del c, surf
    return arr


def test_a_kitchen_and_a_bed_in_old_japan_are_a_kamado_and_a_futon():
    """A kitchen in Edo was a European stone fireplace with a cauldron, a bedroom a bedstead: the
    kitchen's stove is a white clay kamado with its fire mouths at the foot, and the bed a futon laid
    on the floor (nothing standing above the floor line); a Kenyan village cooks on three stones."""
    japan, europe = piece("stove", "east_asia", 1700), piece("stove", None, 1700)
    white = lambda a: ((a[..., :3].min(axis=2) > 180) & (a[..., 3] > 0)).sum()  # noqa: E731
    assert white(japan) > 200 and white(europe) < 20, (white(japan), white(europe))
    assert not piece("bed", "east_asia", 1750)[:89, :, 3].any()  # lies on the floor, in front of it
    assert piece("bed", None, 1750)[70:89, :, 3].any()
    assert piece("bed", "east_asia", None)[70:89, :, 3].any()  # today's Tokyo has bedsteads
    kenya = piece("stove", "africa", 1850)
    assert not np.array_equal(kenya, piece("stove", None, 1850))


HILL = Place(id="somewhere", name="the hill above the village", kind="mountain", description="a hill")
WOOD = Place(id="somewhere", name="the old mill race", kind="forest", description="the fast water by the mill")


def green(f: np.ndarray) -> float:
    return float(((f[..., 1] > f[..., 0] + 25) & (f[..., 1] > f[..., 2] + 10)).mean())


def tawny(f: np.ndarray) -> float:
    """Share of dry-grass pixels: warm yellow-brown, red over green over blue."""
    return float(((f[..., 0] > f[..., 1]) & (f[..., 1] > f[..., 2] + 30) & (f[..., 0] > 120)).mean())


def test_woods_and_mountains_are_the_regions_own(ronin):
    """A forest in feudal Japan was Europe's pine forest: it is a bamboo grove (green stalks up to the
    top of the frame), a Kenyan forest or hill is savanna under flat-topped acacias (tawny grass, no
    pines), and Japan's mountains stand in mist; an English wood keeps its pines."""
    frames = {(c, k): room(set_in(ronin, c, era, p), k) for c, era in (("JP", "feudal Japan"), ("KE", "the 1950s"),
                                                                       ("GB", "the 1750s"))
              for k, p in (("forest", WOOD), ("mountain", HILL))}
    top = slice(0, int(frames["JP", "forest"].shape[0] * 0.4))
    low = slice(int(frames["JP", "forest"].shape[0] * 0.8), None)
    assert green(frames["JP", "forest"][top]) > 0.25 > green(frames["GB", "forest"][top]) * 4
    for kind in ("forest", "mountain"):
        assert tawny(frames["KE", kind][low]) > 0.6 > tawny(frames["GB", kind][low]) * 3
        assert len({frames[c, kind].tobytes() for c in ("JP", "KE", "GB")}) == 3


def laid(name: str, region: str | None, year: int | None, *, home: str | None = None) -> np.ndarray:
    """Where the set piece ``name`` is drawn, its base on row 90 (a mask), in a room of ``home``."""
    from dreamreel.synth.visual.dressing import PIECES

    arr = np.zeros((100, 100, 4), np.uint8)
    c = skia.Surface(arr).getCanvas()
    kit = Kit(c, c, c, c, 100, Grade(Lighting(palette=["#202020", "#c0a040"]), "day"), np.random.default_rng(0),
              "day", "clear", frozenset(), year, region=region, home=home)
    PIECES[name][0](kit, c, 50, 90)
    del c
    return arr[..., 3] > 0


def test_a_bed_in_the_dry_lands_or_south_asia_is_no_european_bedstead():
    """A bedroom in Cairo or Mumbai drew a European bedstead (its tall bedpost at the head) in the
    region's arched or colour-washed room: the dry lands sleep on a low bed heaped with quilts and
    bolsters, South Asia on a charpoy; a room built the region's way (a plain room in any era) has
    the region's bed, stove and fire too, and London keeps its bedstead."""
    europe = laid("bed", None, None)
    assert europe[70:76].any()  # the bedpost stands 20 units over the floor
    for region, home in (("dry", None), ("dry", "dry"), ("south_asia", None), ("south_asia", "south_asia")):
        year = 1900 if home is None else None  # (today's Cairo flat is the region's when its room was drawn so)
        bed = laid("bed", region, year, home=home)
        assert bed[76:90].any() and not bed[:74].any(), (region, home)
        assert not np.array_equal(bed, europe)
    assert not np.array_equal(laid("bed", "dry", 1900), laid("bed", "south_asia", 1900))
    assert laid("bed", "dry", None)[70:76].any()  # a present-day Cairo room nobody built the old way
    for name in ("stove", "hearth"):
        assert not np.array_equal(laid(name, "south_asia", 1900), laid(name, None, 1900)), name


def test_a_house_in_india_is_colour_washed_round_a_jali_not_the_dry_lands_tiles(ronin):
    """A house in Jaipur was the dry lands' room (whitewash over zellige tiles, a pointed arch): South
    Asia's is washed a bright colour over a dark dado, with a shuttered window round a pierced jali,
    a striped dhurrie on the floor (not a red rug with a medallion)."""
    jaipur = room(set_in(ronin, "IN", "the 1890s", HOUSE, village=False))
    cairo = room(set_in(ronin, "EG", "the 1890s", HOUSE, village=False))
    h, w = jaipur.shape[:2]
    wall = (slice(int(h * 0.3), int(h * 0.55)), slice(int(w * 0.05), int(w * 0.3)))  # beside the window

    def washed(f):  # a saturated wash: one channel well over another (whitewash is nearly grey)
        return float((f.max(axis=2) - f.min(axis=2) > 50).mean())

    assert washed(jaipur[wall]) > 0.8 > 0.2 > washed(cairo[wall]), (washed(jaipur[wall]), washed(cairo[wall]))
    floor_rows = slice(int(jaipur.shape[0] * 0.75), None)
    assert rug_red(cairo[floor_rows]) > 2 * rug_red(jaipur[floor_rows])
