"""A flood the story names is drawn (issue 12, "The picture tells the story").

Watched on "a family trapped on the roof of their house as the river floods the town": the
kitchen, the garden and the back gardens of the town were dry, the story's flood nowhere on
screen. A flood the request names now reaches the plan (the places it reaches have the weather
``flood``) and the picture: outdoors the ground is under moving brown water with rain on it,
people stand in it up their legs; indoors the floor is under it; a dry story is as it was."""

import numpy as np
import pytest

from dreamreel.model import Request
from dreamreel.model.bible import Bible
from dreamreel.narrative.planner import plan

from test_visual import make_shot, render


@pytest.fixture(scope="module")
def flooded() -> Bible:
    return plan(Request(prompt="a family trapped on their roof as the river floods the town, 30 seconds"), seed=0).bible


def brown_water(f: np.ndarray) -> np.ndarray:
    """Muddy water: red over green over blue (brown, not a village's olive ground), of little
    saturation, neither black nor white."""
    r, g, b = f[..., 0], f[..., 1], f[..., 2]
    return (r > g + 5) & (g > b + 6) & (r < 220) & (r > 40) & (r - b < 110)


def lower(f: np.ndarray, top: float = 0.9) -> np.ndarray:
    return f[int(f.shape[0] * top):, :, :3].astype(int)


@pytest.mark.parametrize("prompt", ["a family trapped on their roof as the river floods the town",
                                    "a village cut off by floodwater", "a flood sweeps through New Orleans"])
def test_a_flood_the_request_names_reaches_the_plan(prompt):
    story = plan(Request(prompt=f"{prompt}, 30 seconds"), seed=0)
    wet = [p for p in story.bible.world.places if p.weather == "flood"]
    assert wet, [(p.name, p.kind, p.weather) for p in story.bible.world.places]
    beats = [b for b in story.graph.beats if b.place in {p.id for p in wet}]
    assert beats and all(b.weather == "flood" for b in beats)


@pytest.mark.parametrize("prompt", ["two friends fall out and make up",
                                    "a striker scores under the floodlights in the final",
                                    "a bakery flooded with orders before Christmas"])
def test_a_story_with_no_flood_in_it_stays_dry(prompt):
    story = plan(Request(prompt=f"{prompt}, 30 seconds"), seed=0)
    assert all(p.weather != "flood" for p in story.bible.world.places)


@pytest.mark.parametrize("kind", ["village", "city_street"])
def test_an_outdoor_flood_is_water_moving_over_the_ground_with_people_in_it(flooded, kind):
    wet = make_shot(flooded, kind="scene", size="wide", place_kind=kind, tod="day", weather="flood", frames=13)
    dry = wet.model_copy(update={"weather": "clear"})
    fw, fd = render(wet, flooded), render(dry, flooded)
    # the bottom of the frame, in front of everyone, is muddy water, not the dry ground
    assert brown_water(lower(fw[0])).mean() > 0.8
    assert brown_water(lower(fd[0])).mean() < 0.3
    # and it moves (its glints and swell), where the dry ground holds still
    moved = np.abs(lower(fw[0], 0.7) - lower(fw[12], 0.7)).mean()
    still = np.abs(lower(fd[0], 0.9) - lower(fd[12], 0.9)).mean()
    assert moved > 3 * still + 0.5, (moved, still)
    # the people stand in it: the water covers their legs (the band behind their knees is water
    # across the whole frame, where on dry ground it is their legs and the street)
    band = lambda f: f[int(f.shape[0] * 0.8):int(f.shape[0] * 0.86), :, :3].astype(int)  # noqa: E731
    assert brown_water(band(fw[0])).mean() > 0.85
    assert np.abs(band(fw[0]) - band(fd[0])).mean() > 10


def test_a_flooded_room_has_water_over_its_floor(flooded):
    wet = make_shot(flooded, kind="establishing", size="wide", on=[], place_kind="apartment", tod="day",
                    weather="flood", frames=9)
    fw, fd = render(wet, flooded), render(wet.model_copy(update={"weather": "clear"}), flooded)
    assert brown_water(lower(fw[0], 0.8)).mean() > 0.8, brown_water(lower(fw[0], 0.8)).mean()
    assert np.abs(lower(fw[0], 0.75) - lower(fd[0], 0.75)).mean() > 20  # not the (wooden) floor it was
    assert np.abs(lower(fw[0], 0.75) - lower(fw[8], 0.75)).mean() > 0.5  # and it moves
    # no rain falls in a room: above the water the room is as it was
    assert np.abs(fw[0][: int(fw[0].shape[0] * 0.5), :, :3].astype(int)
                  - fd[0][: int(fd[0].shape[0] * 0.5), :, :3].astype(int)).mean() < 2


def test_a_roof_stands_above_the_water_all_round(flooded):
    wet = make_shot(flooded, kind="establishing", size="wide", on=[], place_kind="rooftop", tod="day",
                    weather="flood", frames=1)
    fw, fd = render(wet, flooded)[0], render(wet.model_copy(update={"weather": "clear"}), flooded)[0]
    h = fw.shape[0]
    # the roof underfoot is the roof it was; beyond its edge, where the town was, water
    assert np.abs(fw[int(h * 0.85):, :, :3].astype(int) - fd[int(h * 0.85):, :, :3].astype(int)).mean() < 12
    beyond = fw[int(h * 0.62):int(h * 0.68), :, :3].astype(int)
    assert brown_water(beyond).mean() > 0.5


def test_a_night_flood_reads_as_moonlit_water_not_dark_ground(flooded):
    """Watched at night the water was as dark as the ground it covered: now it takes the night sky's
    cool light (lighter far off), mirrors the lit windows and shows a pale edge and glints."""
    wet = make_shot(flooded, kind="scene", size="wide", place_kind="village", tod="night", weather="flood", frames=1)
    fw, fd = render(wet, flooded)[0][:, :, :3].astype(int), \
        render(wet.model_copy(update={"weather": "clear"}), flooded)[0][:, :, :3].astype(int)
    h = fw.shape[0]
    water, ground = fw[int(h * 0.72):int(h * 0.8)], fd[int(h * 0.72):int(h * 0.8)]
    assert water.mean() > ground.mean() + 15, (water.mean(), ground.mean())  # lighter than the ground it covers
    assert (water[..., 2] - water[..., 0]).mean() > 8  # cool moonlight, not brown mud in the dark
    assert np.percentile(water.mean(axis=2), 95) > 160  # the lit windows mirrored, the glints
    near = fw[int(h * 0.9):]  # and in front of the people too
    assert (near[..., 2] - near[..., 0]).mean() > 8 and near.mean() > 60
