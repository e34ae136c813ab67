"""What the procedural renderer cannot draw as the story asks, and what it draws instead: one
line each, for the user (the CLI prints them before rendering) and for the shot log."""

from ...camera.props import find_macguffin
from ...model.story import Story
from . import objects
from .creatures import drawn_as


def notes(story: Story) -> list[str]:
    out = []
    for c in story.bible.cast:
        shape, sub = drawn_as(c.look.species)
        if sub is not None:
            out.append(f"{c.name} ({sub}) is drawn as a {shape}: the renderer has no {sub} yet")
    things = [e.object for e in story.graph.episodes if e.object] or [find_macguffin(story)]
    for thing in dict.fromkeys(t for t in things if t):
        if objects.find(thing) is None:
            out.append(f"{thing} is drawn as a folded letter: the renderer has no drawing of it yet")
    return out
