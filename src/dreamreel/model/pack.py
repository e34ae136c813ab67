"""A licensed asset pack: a studio's official characters, settings, palettes and music, with
the licence they are offered under.

A pack is a ``pack.json`` (alone, in a folder, or in a .zip). Its assets are what the embedded
renderer, voices and score are driven by: a character is a bible ``Character`` (name, look,
voice), a setting a ``Place`` with the scenes it suits, a palette the colours and light of the
style guide, a music entry the words that choose the score's arrangement. A story written from a
pack uses only these; a production under a sandbox policy refuses anything else.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from .base import SCHEMA_VERSION, Hex, Ident, Model, Prose, ShortText, Unit
from .bible import Character, Place

#: The scenes a setting suits (the planner's place roles).
PlaceRole = Literal["home", "hub", "danger", "hideout", "lair", "summit", "vista"]
Version = Annotated[str, StringConstraints(pattern=r"^[0-9]+(\.[0-9]+){0,2}([-+][0-9A-Za-z.-]{1,32})?$")]
Url = Annotated[str, StringConstraints(pattern=r"^https?://[^\s]{1,500}$")]


class Licence(Model):
    """What the holder allows, in the terms a production checks."""

    name: ShortText                       # "Harbour Lights Fan Licence 1.0", or an SPDX id
    holder: ShortText                     # who owns the assets
    url: Url | None = None                # the full terms
    attribution: ShortText                # the credit a film made with the pack must carry
    #: Fans may make and share their own stories with the assets.
    fan_works: bool = True
    #: Films made with the pack may be sold or monetised.
    commercial: bool = False
    #: No film may be made with the pack after this day (None: no end).
    expires: datetime.date | None = None


class SettingAsset(Place):
    """A place, with the kind of scene it suits."""

    role: PlaceRole = "hub"


class PaletteAsset(Model):
    id: Ident
    name: ShortText
    colors: list[Hex] = Field(min_length=2, max_length=8)
    monochrome: bool = False
    contrast: Unit = 0.5
    grain: Unit = 0.0
    lighting: ShortText = "soft key light"
    look: ShortText = "as the studio draws it"
    #: Genres it is meant for (the planner prefers a palette made for the story's genre).
    genres: list[ShortText] = Field(default_factory=list, max_length=6)


class MusicAsset(Model):
    id: Ident
    name: ShortText
    #: The arrangement in words: instruments named here play their parts ("muted trumpet, upright bass").
    style: ShortText
    genres: list[ShortText] = Field(default_factory=list, max_length=6)


class AssetPack(Model):
    schema_version: int = SCHEMA_VERSION
    id: Ident
    name: ShortText
    version: Version
    publisher: ShortText
    description: Prose = ""
    #: The world's name (None: the story names its own).
    world: ShortText | None = None
    licence: Licence
    characters: list[Character] = Field(min_length=1, max_length=24)
    settings: list[SettingAsset] = Field(min_length=1, max_length=24)
    palettes: list[PaletteAsset] = Field(min_length=1, max_length=8)
    music: list[MusicAsset] = Field(min_length=1, max_length=8)

    @model_validator(mode="after")
    def _unique_ids(self) -> AssetPack:
        for what, ids in (("characters", [c.id for c in self.characters]), ("settings", [s.id for s in self.settings]),
                          ("palettes", [p.id for p in self.palettes]), ("music", [m.id for m in self.music]),
                          ("character names", [c.name for c in self.characters])):
            dup = next((i for n, i in enumerate(ids) if i in ids[:n]), None)
            if dup is not None:
                raise ValueError(f"{what}: {dup!r} is used twice")
        if not any(c.role == "protagonist" for c in self.characters):
            raise ValueError("characters: the pack needs a protagonist (a character with role 'protagonist')")
        return self


class PackRef(Model):
    """Which pack a story was written from (kept with the story; the film's manifest lists it)."""

    id: Ident
    name: ShortText
    version: Version
    publisher: ShortText
    #: SHA-256 of the pack's ``pack.json`` bytes: the exact assets, not just their name.
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    licence: Licence


class IconRef(Model):
    """An icon a film shows, from an open-licensed icon library (``synth.visual.icons``): what
    the film's manifest records of it, as of an asset pack."""

    icon_set: ShortText                   # the set's Iconify prefix ("game-icons")
    set_name: ShortText                   # "Game Icons"
    version: ShortText                    # the installed package's version
    icon: ShortText                       # "anvil"
    licence: Licence
    #: SHA-256 of the set's ``icons.json``: the exact drawings.
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
