"""The kept examples still load, check clean and compile as ink."""

from pathlib import Path

import pytest

from dreamreel.model import Profile, Story
from dreamreel.narrative.inkc import compile_ink
from dreamreel.narrative.validate import validate
from dreamreel.store.files import load_model

EXAMPLES = Path(__file__).parents[1] / "examples"


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.story.json")), ids=lambda p: p.name)
def test_example_story_is_valid(path):
    story = load_model(path, Story, "story")
    report = validate(story)
    assert report.ok, report.text()


def test_example_profile_loads():
    load_model(EXAMPLES / "profile-night-owl.json", Profile, "profile")


def test_example_ink_compiles():
    compiled = compile_ink((EXAMPLES / "noir-on-mars.ink").read_text())
    assert compiled["inkVersion"] >= 20
