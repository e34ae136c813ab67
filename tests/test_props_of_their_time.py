"""Props and set dressing of the story's year (issue 12 follow-up): a 1920s bandstand was drawn
with a rock band's drum kit, amplifier and electric guitar, "the jazz era" was the present day, and
in ancient Athens a plain hat was a creased fedora. Each thing drawn has the year it was first
made, and before it its older stand-in is drawn (a band of the day's instruments, a telephone for
a smartphone) or nothing."""

import numpy as np

from dreamreel.edit.shotlog import drawn
from dreamreel.model import Look, Request
from dreamreel.model.bible import Bible, Place
from dreamreel.narrative.planner import plan
from dreamreel.synth.visual import dressing, objects
from dreamreel.synth.visual.procedural import era_year, set_dressing

from test_period_costumes import painted
from test_picture_of_the_past import frame, world
from test_visual import make_shot, render

BANDSTAND = Place(id="p", name="the bandstand", kind="village", description="the band plays on the bandstand")


def _base() -> Bible:
    return plan(Request(prompt="two friends fall out and make up"), seed=0).bible


def guitar_blue(f: np.ndarray) -> np.ndarray:
    """The electric guitar's blue body (rooms.band_gear)."""
    return (f[..., 2] > f[..., 0] + 80) & (f[..., 2] > f[..., 1] + 70) & (f[..., 2] > 120) & (f[..., 1] < 110)


def test_a_1920s_band_has_the_instruments_of_its_day_not_an_amplifier_and_an_electric_guitar():
    base = _base()
    twenties, today = world(base, "the 1920s", "US", BANDSTAND), world(base, "the present day", "US", BANDSTAND)
    shot = make_shot(twenties, place_kind="village").model_copy(update={"place": "p"})
    assert set_dressing(twenties, shot)[0] == ["old_band"]
    assert set_dressing(today, shot)[0] == ["band_gear"]
    assert dressing.instruments(1925) == ["upright piano", "double bass", "banjo", "trumpet", "trap drums"]
    then, now = frame(twenties, "village"), frame(today, "village")
    left = (slice(int(then.shape[0] * 0.35), int(then.shape[0] * 0.75)), slice(0, then.shape[1] // 3))  # the band stands at the left
    assert guitar_blue(now)[left].sum() > 5 and guitar_blue(then)[left].sum() == 0
    # the upright piano's white keys and the bass drum's pale head, where the rock kit stood
    pale = (then.min(axis=2) > 200)[left].sum()
    assert pale > 20 and np.abs(then - now)[left].sum(axis=2).max() > 100
    # minstrels before them: a harp and a tabor
    assert dressing.instruments(1300) == ["harp", "tabor"]


def test_the_jazz_era_is_the_1920s_and_its_speakeasy_has_a_piano_not_a_jukebox():
    bar = Place(id="p", name="the speakeasy", kind="bar", description="a jazz band plays by the jukebox")
    jazz = world(_base(), "the jazz era", "US", bar)
    assert era_year(jazz) == 1925
    pieces = set_dressing(jazz, make_shot(jazz, place_kind="bar").model_copy(update={"place": "p"}))[0]
    assert "jukebox" not in pieces and "piano" in pieces and "old_band" in pieces


def test_a_prop_of_the_future_is_drawn_as_the_thing_of_its_day_and_the_shot_log_says_so():
    assert objects.find("her smartphone", 1920) == "telephone"
    assert objects.find("her smartphone", 1500) == "letter"
    assert objects.find("the getaway car", 1870) == "cart"
    assert objects.find("a loaded pistol", 1300) == "bow"
    assert objects.find("her smartphone") == "phone" and objects.find("the lute", 1300) == "violin"
    twenties = world(_base(), "the 1920s", "US", BANDSTAND)
    insert = make_shot(twenties, kind="insert", size="insert", on=[], caption="her smartphone", frames=1,
                       place_kind="village").model_copy(update={"place": "p"})
    phone = render(insert, twenties)[0]
    telephone = render(insert.model_copy(update={"caption": "the telephone"}), twenties)[0]
    today = world(_base(), "the present day", "US", BANDSTAND)
    mobile = render(insert, today)[0]
    # the same prop as a telephone's (the captions under them differ): a mobile phone's is not
    top = slice(0, int(phone.shape[0] * 0.8))
    assert np.abs(phone[top].astype(int) - telephone[top]).max() < 3
    assert np.abs(phone[top].astype(int) - mobile[top]).max() > 100
    logged = drawn(insert, twenties)["props"][0]
    assert logged["drawn"] == "telephone" and logged["substituted"]
    assert drawn(insert, today)["props"][0] == {"named": "her smartphone", "drawn": "phone", "substituted": False}


def brim_width(f: np.ndarray, year: int) -> int:
    """The widest row of hat above the face (rows 20-45 of test_period_costumes.painted)."""
    hat = np.abs(f[20:45] - painted(Look(clothing="tunic"), year=year)[20:45]).sum(axis=2) > 30
    return int(hat.sum(axis=1).max())


def test_a_plain_hat_in_ancient_athens_is_a_wide_round_brim_not_a_fedora():
    athens = painted(Look(clothing="tunic", accessories=["straw hat"]), year=-400)
    forties = painted(Look(clothing="tunic", accessories=["straw hat"]), year=1940)
    assert brim_width(athens, -400) > brim_width(forties, 1940) >= 10
    # the fedora's band across its crown is not drawn
    assert (athens != forties)[20:45].any()


def test_the_open_sea_from_a_deck_is_heaped_grey_in_a_storm_not_calm_blue():
    """The sea seen from a ship's deck (settings.sea) was the same calm blue with small dashes in a
    storm: the shot's storm or rain now heaps it into slate-grey swell with breaking crests."""
    open_sea = Place(id="p", name="the open sea", kind="sea", description="the ship pitches in the swell")
    bible = world(_base(), "the present day", None, open_sea)
    water = {}
    for weather in ("clear", "storm"):
        shot = make_shot(bible, kind="establishing", size="wide", on=[], place_kind="sea", tod="day", weather=weather,
                         frames=1).model_copy(update={"place": "p"})
        f = render(shot, bible)[0][:, :, :3].astype(int)
        band = f[int(f.shape[0] * 0.585):int(f.shape[0] * 0.635)]  # between the horizon and the rail
        water[weather] = float((band[..., 2] - band[..., 0]).mean()), float((band.min(axis=2) > 190).mean())
    assert water["storm"][0] < water["clear"][0] - 25  # slate grey, not blue
    assert water["storm"][1] > water["clear"][1] + 0.001  # white crests breaking (none on the calm sea)
