"""Who the viewer is: tastes, pacing, limits and what they have already watched."""

from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field

from .base import SCHEMA_VERSION, Ident, Model, ShortText, Weight
from .content import ContentFlag, Rating

Pacing = Literal["slow", "medium", "fast"]


class Tastes(Model):
    """Weights from -1 (dislike) to 1 (love); a missing key is neutral."""

    genres: dict[str, Weight] = Field(default_factory=dict)
    eras: dict[str, Weight] = Field(default_factory=dict)
    moods: dict[str, Weight] = Field(default_factory=dict)
    looks: dict[str, Weight] = Field(default_factory=dict)


class HistoryEntry(Model):
    story_id: ShortText
    title: ShortText
    genres: list[str] = Field(default_factory=list)
    ending: str | None = None
    ending_kind: str | None = None
    characters: list[str] = Field(default_factory=list)
    completed: bool = True
    watched_at: datetime | None = None


class Profile(Model):
    schema_version: int = SCHEMA_VERSION
    id: Ident = "default"
    name: str | None = None
    tastes: Tastes = Field(default_factory=Tastes)
    pacing: Pacing = "medium"
    rating_ceiling: Rating | None = None
    #: The most of each flag this viewer wants (stricter than the rating only).
    content_limits: dict[ContentFlag, Annotated[int, Field(ge=0, le=3)]] = Field(default_factory=dict)
    #: Themes to keep out of the story entirely, e.g. "spiders", "drowning".
    avoid: list[ShortText] = Field(default_factory=list, max_length=50)
    history: list[HistoryEntry] = Field(default_factory=list, max_length=1000)
