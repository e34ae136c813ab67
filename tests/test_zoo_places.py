"""A zoo is drawn as a zoo (issue 12, "The picture tells the story").

Watched on "a zookeeper rescues a baby elephant during a flood in Kerala": the zoo's big cat house
was a warehouse of crates under spotlights and its giraffe platform a city rooftop at night. Each
test measures the empty place's establishing frame: the big cat house and the main path show an
enclosure (leafy green behind a row of dark bars), the giraffe platform a plank deck among green
treetops with a giraffe's spotted neck."""

import numpy as np
import pytest

from dreamreel.model import Request
from dreamreel.model.bible import Bible
from dreamreel.narrative.planner import plan

from test_picture_of_places import frame, rows, share

PROMPT = "a zookeeper rescues a baby elephant during a flood in Kerala, 30 seconds"


@pytest.fixture(scope="module")
def zoo() -> Bible:
    return plan(Request(prompt=PROMPT), seed=0).bible


def green(f: np.ndarray) -> np.ndarray:
    return (f[..., 1] > f[..., 0] + 15) & (f[..., 1] > f[..., 2] + 10)


def bars(f: np.ndarray) -> int:
    """The most dark-light-dark swaps along one row of the middle band: a row of bars."""
    band = rows(f, 0.35, 0.65).mean(axis=2)
    dark = band < band.mean(axis=1, keepdims=True) - 12
    return int(np.abs(np.diff(dark.astype(int), axis=1)).sum(axis=1).max())


def giraffe(f: np.ndarray) -> np.ndarray:
    return (f[..., 0] > 150) & (f[..., 0] > f[..., 1] + 25) & (f[..., 1] > f[..., 2] + 40)


def test_the_zoos_places_are_its_own_kinds_of_place(zoo):
    kinds = {p.id: p.kind for p in zoo.world.places}
    assert kinds.get("big_cat_house") not in (None, "warehouse")
    assert kinds.get("giraffe_platform") not in (None, "rooftop")


def test_the_big_cat_house_and_the_main_path_show_an_enclosure_of_bars_and_leaves(zoo):
    paths = [p.id for p in zoo.world.places if "enclosure" in p.description and p.id != "big_cat_house"]
    assert paths  # the path past every enclosure (named for the zoo where it is the opening place)
    for pid in ("big_cat_house", paths[0]):
        f = frame(zoo, pid, zoo.place(pid).time_of_day)
        assert bars(f) >= 50, (pid, bars(f))  # a row of bars, not crates or a shopfront
        assert share(green(rows(f, 0.4, 0.75))) > 0.03, pid  # foliage in the enclosure


def test_the_giraffe_platform_is_a_deck_among_treetops_with_a_giraffe(zoo):
    f = frame(zoo, "giraffe_platform", "day")
    assert share(green(rows(f, 0.2, 0.7))) > 0.1  # treetops level with the deck
    assert share(giraffe(f)) > 0.005  # the giraffe's hide beside the rail
