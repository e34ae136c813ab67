"""Shared base for every persisted dreamreel type."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

SCHEMA_VERSION = 1

#: An identifier that is safe in file names, ink knot names and URLs.
Ident = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,63}$")]
#: A colour as ``#rrggbb``.
Hex = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]
#: A short single line of human text.
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
#: Prose: a sentence or a paragraph.
Prose = Annotated[str, StringConstraints(strip_whitespace=True, max_length=4000)]
Unit = Annotated[float, Field(ge=0.0, le=1.0)]
Weight = Annotated[float, Field(ge=-1.0, le=1.0)]


class Model(BaseModel):
    """Strict by default: an unknown field in a file is an error, not silently dropped."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False, populate_by_name=True)
