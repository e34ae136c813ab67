"""A river's rapids drawn as what they are (issue 12, "The picture tells the story").

What a viewer saw in 'two sisters run the rapids of a mountain river on a raft': "the rapids" (a
sea-kind place) was the open sea from a ship's deck, its white railing across the frame. A river's
rapids are white water torn over dark rocks, seen from the shingle bank. Each test measures what a
viewer relies on in the frame."""

import numpy as np
import pytest

from dreamreel.model import Request
from dreamreel.model.bible import Bible, Place
from dreamreel.narrative.planner import plan
from dreamreel.synth.visual import eras

from test_picture_of_places import frame, rows, share, world

RAPIDS = Place(id="rapids", name="the rapids", kind="sea", description="the raft spins between the rocks")
BANK = Place(id="bank", name="the bank above the rapids", kind="beach", description="where they haul the raft out")
SEA = Place(id="sea", name="the open sea", kind="sea", description="three days out from port")


@pytest.fixture(scope="module")
def river() -> Bible:
    base = plan(Request(prompt="two friends fall out and make up"), seed=0).bible
    return world(base, "the mountain river", "the present day", "CA", RAPIDS, BANK, SEA)


def white(f: np.ndarray) -> float:
    return share(f.min(axis=2) > 200)


def rocks(f: np.ndarray) -> float:
    """Dark grey boulders: dark, of little saturation."""
    return share((f @ np.array([0.299, 0.587, 0.114]) < 80) & (f.max(axis=2) - f.min(axis=2) < 20))


def test_the_rapids_are_white_water_between_rocks_not_the_open_sea_from_a_deck(river):
    """The rapids (and the bank above them) were the open sea from a ship's deck or a sandy shore:
    they are white water over dark boulders below the bank; the open sea keeps its deck."""
    for pid in ("rapids", "bank"):
        for tod in ("day", "dusk"):
            water = rows(frame(river, pid, tod), 0.58, 0.85)
            assert white(water) > 0.06 or tod == "dusk", (pid, tod, white(water))  # (dusk's light is warm)
            assert rocks(water) > 0.03, (pid, tod, rocks(water))
    sea = rows(frame(river, "sea"), 0.58, 0.85)
    assert white(sea) < 0.03 and rocks(sea) < 0.01, (white(sea), rocks(sea))
    # a look that draws the sea as a longship's deck (the Norse) draws the rapids as rapids too
    site = eras.site_of(RAPIDS.name, RAPIDS.description, kind="sea")
    assert site == "rapids" and eras.choose("norse", "sea", site) is None
    assert eras.site_of(SEA.name, SEA.description, kind="sea") is None
