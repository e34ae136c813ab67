"""Typed models shared by every stage. No I/O, no heavy imports: this is the contract."""

from .base import SCHEMA_VERSION, Model
from .bible import Bible, Character, Look, Place, StyleGuide, VoiceSpec, World
from .content import RATING_CEILINGS, RATINGS, ContentFlag, Rating
from .profile import HistoryEntry, Profile, Tastes
from .request import Request
from .state import Clause, Condition, Effect, State, Variable, alive_var
from .story import (
    Beat, BeatVariant, Choice, Edge, Ending, Episode, ExtensionPoint, Line, Option,
    SegmentGroup, Story, StoryGraph,
)

__all__ = [
    "SCHEMA_VERSION", "Model", "Bible", "Character", "Look", "Place", "StyleGuide", "VoiceSpec",
    "World", "RATING_CEILINGS", "RATINGS", "ContentFlag", "Rating", "HistoryEntry", "Profile",
    "Tastes", "Request", "Clause", "Condition", "Effect", "State", "Variable", "alive_var",
    "Beat", "BeatVariant", "Choice", "Edge", "Ending", "Episode", "ExtensionPoint", "Line",
    "Option", "SegmentGroup", "Story", "StoryGraph",
]
