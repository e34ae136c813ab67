"""The genre kit's types, under the names the planner has always imported them by.

Kits are data now (``narrative/data/genres/*.json``); their pydantic models, and the notes on
every slot and field, are in ``dreamreel.model.genre``.
"""

from ...model.genre import Archetype, GenreKit, IntenseLineT, LineT, PlaceSpec

__all__ = ["Archetype", "GenreKit", "IntenseLineT", "LineT", "PlaceSpec"]
