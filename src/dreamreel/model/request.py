"""What a viewer asks for."""

from typing import Annotated

from pydantic import Field, StringConstraints

from .base import SCHEMA_VERSION, Model
from .content import Rating


class Request(Model):
    """A viewer's request: free text plus the numbers that shape the series."""

    schema_version: int = SCHEMA_VERSION
    prompt: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
    episodes: Annotated[int, Field(ge=1, le=12)] = 3
    target_seconds: Annotated[int, Field(ge=15, le=3600, description="target length of one episode")] = 60
    rating: Rating = "PG-13"
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")] = "en"
    genres: list[str] = Field(default_factory=list, max_length=2,
                              description="explicit genres; empty means read them from the prompt")
