"""Common film situations are told as what was asked for: a deal with the devil, a time loop, a
con and a road trip each get their own plot shape, in the words people use for them."""

import pytest

from dreamreel.model import Request
from dreamreel.narrative.kits import kits
from dreamreel.narrative.planner import plan
from dreamreel.narrative.validate import validate


@pytest.mark.parametrize("prompt,shape", [
    ("a blues guitarist sells his soul at the crossroads", "bargain"),
    ("a Faustian bargain in 1920s Berlin", "bargain"),
    ("a grumpy weatherman stuck in a time loop", "time_loop"),
    ("groundhog day, but on a space station", "time_loop"),
    ("a con artist and her apprentice run a long con on a crooked banker", "con"),
    ("a swindle in a western boomtown", "con"),
    ("two estranged sisters drive across the country", "road_trip"),
    ("a funny road trip with grandpa and a hitchhiker", "road_trip"),
])
def test_the_situation_asked_for_picks_its_plot(prompt, shape):
    story = plan(Request(prompt=prompt, episodes=1), seed=0)
    assert story.generator["shapes"] == shape
    assert validate(story).ok


@pytest.mark.parametrize("shape", ["bargain", "time_loop", "con", "road_trip"])
def test_each_new_shape_has_its_own_choices_and_kinds_of_ending(shape):
    s = kits().shapes[shape]
    choices = [sc for sc in s.scenes if sc.choice]
    assert len(choices) >= 3 and 12 <= len(s.scenes) <= 14
    assert len({sc.ending for sc in s.scenes if sc.ending}) >= 3
    # The scene after each choice is told for the option taken.
    keys = {sc.key: sc for sc in s.scenes}
    for sc in choices:
        after = {o.to for o in sc.choice.options}
        assert all(keys[t].versions for t in after), sc.key


def test_a_con_is_not_a_heist_and_a_road_trip_is_not_a_quest():
    assert plan(Request(prompt="a grift gone wrong", episodes=1), seed=0).generator["shapes"] == "con"
    assert plan(Request(prompt="a road trip", episodes=1), seed=0).generator["shapes"] == "road_trip"
    assert plan(Request(prompt="a bank heist", episodes=1), seed=0).generator["shapes"] == "heist"
