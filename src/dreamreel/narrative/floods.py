"""A flood the story names is over the ground of its places.

"A family trapped on their roof as the river floods the town", "a village cut off by floodwater":
the places the water reaches (streets, gardens, roofs, the ground floor's rooms) have the weather
``flood``, which the picture draws as water over the ground (and rain falling outdoors). Places
high or sealed against it (a hill, a lab, a ship, a spacecraft) stay as they were.
"""

import dataclasses
import re

from ..model.premise import Premise
from .bible_builder import WorldFacts

#: The request's words for a flood: the water itself, not a flood of letters, a town flooded with
#: tourists or the floodlights on a pitch.
_FLOOD = re.compile(r"\b(?:flood(?:s|ed|ing)?|flood-?waters?|flood waters?|deluge|inundated|high water)\b"
                    r"(?! (?:of|with)\b)")
#: Kinds of place a flood reaches: the open ground and the rooms at street level.
REACHED = frozenset({"city_street", "rooftop", "alley", "forest", "village", "ruins", "beach",
                     "interior", "apartment", "office", "bar", "ballroom", "warehouse", "saloon"})
#: What the narration says of the weather in a flooded place, where the genre has no words for it.
PHRASES = ("brown water stands in the street", "the floodwater is still rising", "rain falls on the floodwater",
           "the water laps at the doorsteps")


def named(premise: Premise) -> bool:
    """Whether the request's story has a flood in it."""
    return bool(_FLOOD.search(premise.prompt.lower()))


def flooded(facts: WorldFacts, premise: Premise) -> WorldFacts:
    """``facts`` with the places a flood the request names reaches flooded (the same facts where
    it names none)."""
    if not named(premise):
        return facts
    wet = {p.id for p in facts.places if p.kind in REACHED}
    if not wet:
        return facts
    places = [p.model_copy(update={"weather": "flood"}) if p.id in wet else p for p in facts.places]
    specs = {pid: s.model_copy(update={"weather": "flood"}) if pid in wet else s for pid, s in facts.specs.items()}
    return dataclasses.replace(facts, places=places, specs=specs)
