"""What the procedural renderer cannot draw as the story asks, and what it draws instead: one
line each, for the user (the CLI prints them before rendering) and for the shot log."""

from ...camera.props import find_macguffin
from ...model.bible import Bible, Place
from ...model.story import Story
from . import objects
from .creatures import drawn_as
from .dressing import pieces, view_of
from .rooms import room_of

#: What an interior whose words the renderer knows nothing of is drawn as.
PLAIN_ROOM = "a plain room"


def place_note(place: Place, kind: str, year: int | None, world: str = "") -> str | None:
    """The line saying a place is drawn as a plain room (its words name no room the renderer builds,
    no set piece and nothing under the sea, nor do the ``world``'s name's: "the tunnel"); None when
    they are drawn. Other kinds of place are drawn as their kind (a street, a sea, a train)."""
    if kind != "interior" or room_of(place.name, place.description, year=year) is not None \
            or pieces(place.name, place.description, year=year) or pieces(world, year=year) \
            or view_of(place.name, place.description, year=year) in ("wreck", "underwater"):
        return None
    return f"{place.name} is drawn as {PLAIN_ROOM}: the renderer has nothing for it yet"


def place_notes(bible: Bible) -> list[str]:
    from .procedural import era_year

    year = era_year(bible)
    return [n for p in bible.world.places if (n := place_note(p, p.kind, year, bible.world.name)) is not None]


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
    return out + place_notes(story.bible)
