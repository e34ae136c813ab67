"""Typed models shared by every stage. No I/O, no heavy imports: this is the contract."""

from .base import SCHEMA_VERSION, Model
from .bible import Bible, Character, Look, Performer, Place, StyleGuide, VoiceSpec, World
from .content import RATING_CEILINGS, RATINGS, ContentFlag, Rating
from .label import CORNERS, Corner, Label, as_label
from .pack import AssetPack, Licence, PackRef
from .profile import HistoryEntry, Profile, Tastes
from .request import Request
from .state import Clause, Condition, Effect, State, Variable, alive_var
from .story import (
    Beat,
    BeatVariant,
    Choice,
    Edge,
    Ending,
    Episode,
    ExtensionPoint,
    Line,
    Option,
    SegmentGroup,
    Story,
    StoryGraph,
)

__all__ = [
    "AssetPack",
    "Licence",
    "PackRef",
    "CORNERS",
    "RATINGS",
    "RATING_CEILINGS",
    "SCHEMA_VERSION",
    "Beat",
    "BeatVariant",
    "Bible",
    "Character",
    "Choice",
    "Clause",
    "Condition",
    "ContentFlag",
    "Corner",
    "Edge",
    "Effect",
    "Ending",
    "Episode",
    "ExtensionPoint",
    "HistoryEntry",
    "Label",
    "Line",
    "Look",
    "Model",
    "Option",
    "Performer",
    "Place",
    "Profile",
    "Rating",
    "Request",
    "SegmentGroup",
    "State",
    "Story",
    "StoryGraph",
    "StyleGuide",
    "Tastes",
    "Variable",
    "VoiceSpec",
    "World",
    "alive_var",
    "as_label",
]
