"""Licensed assets: a sandbox policy, and the packs a film lists as its ingredients.

    Sandbox(packs) + story -> problems: anything in the story not from an allowed pack, a pack
    whose licence does not allow this production (expired, not for sale, not for fans) -> refused
    story.assets -> C2PA ingredients (one per pack) + a ``dreamreel.assets`` assertion (licence, SHA-256)

A studio runs its server (or a fan their ``dreamreel make``) under a sandbox of its official
packs: every character in the film must be one of the packs' characters as the pack draws and
voices them (a likeness cast over one is outside), every place one of its settings, the colours
one of its palettes and the score one of its music entries.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from ..errors import BadInputError
from ..model import Story
from ..model.pack import IconRef, PackRef
from ..narrative.assets import Pack


class LicenceError(BadInputError):
    """A production the sandbox or a pack's licence does not allow."""


@dataclass
class Sandbox:
    packs: list[Pack]
    #: Films made here are sold or monetised (only packs licensed for it may be used).
    commercial: bool = False
    #: Made by the studio itself, not a fan (packs closed to fan works may be used).
    by_holder: bool = False
    _by_sha: dict[str, Pack] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        if not self.packs:
            raise BadInputError("a sandbox needs at least one asset pack")
        self._by_sha = {p.sha256: p for p in self.packs}

    def __str__(self) -> str:
        return ", ".join(str(p) for p in self.packs)

    def licence_problems(self, pack: Pack, today: datetime.date | None = None) -> list[str]:
        lic, today = pack.assets.licence, today or datetime.date.today()
        out = []
        if lic.expires is not None and lic.expires < today:
            out.append(f"the licence of {pack} ({lic.name}) expired on {lic.expires.isoformat()}")
        if self.commercial and not lic.commercial:
            out.append(f"{lic.name} does not allow commercial films")
        if not self.by_holder and not lic.fan_works:
            out.append(f"{lic.name} allows films by {lic.holder} only, not fan works")
        return out

    def problems(self, story: Story, today: datetime.date | None = None) -> list[str]:
        """Everything in ``story`` this sandbox does not allow, one line each (empty: allowed)."""
        if not story.assets:
            return [f"the story was not written from an asset pack; this sandbox allows only {self}"]
        used: list[Pack] = []
        out = []
        for ref in story.assets:
            pack = self._by_sha.get(ref.sha256)
            if pack is None:
                out.append(f"the story was written from {ref.name} {ref.version}, which this sandbox does not "
                           f"allow (or a changed copy of it); allowed: {self}")
            else:
                used.append(pack)
                out += self.licence_problems(pack, today)
        if not used:
            return out
        bible = story.bible
        chars = {c.name: c for p in used for c in p.assets.characters}
        for c in bible.cast:
            asset = chars.get(c.name)
            if asset is None:
                out.append(f"character {c.name!r} is not one of the pack's characters")
            elif c.look != asset.look or c.voice != asset.voice or c.pronouns != asset.pronouns:
                what = "look" if c.look != asset.look else "voice" if c.voice != asset.voice else "pronouns"
                out.append(f"character {c.name!r} is not drawn as the pack draws them (their {what} differs)")
        places = {(s.name, s.kind) for p in used for s in p.assets.settings}
        out += [f"place {pl.name!r} is not one of the pack's settings" for pl in bible.world.places
                if (pl.name, pl.kind) not in places]
        palettes = [set(pal.colors) for p in used for pal in p.assets.palettes]
        if not any(set(bible.style.palette) <= colours for colours in palettes):
            out.append(f"the colours {', '.join(bible.style.palette)} are not one of the pack's palettes")
        if bible.style.music not in {m.style for p in used for m in p.assets.music}:
            out.append(f"the score {bible.style.music!r} is not one of the pack's music")
        return out

    def check(self, story: Story, today: datetime.date | None = None) -> None:
        problems = self.problems(story, today)
        if problems:
            raise LicenceError(f"refused by the sandbox ({self}): {problems[0]}"
                               + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""))


def _ingredient(title: str, fmt: str, document: str, instance: str) -> dict[str, Any]:
    return {"title": title, "format": fmt, "relationship": "componentOf", "document_id": document,
            "instance_id": instance}


def asset_ingredients(refs: list[PackRef]) -> list[dict[str, Any]]:
    """C2PA ingredients: each pack a film's assets came from."""
    return [_ingredient(f"{r.name} {r.version} (asset pack by {r.publisher})", "application/json",
                        f"dreamreel:pack:{r.id}", f"dreamreel:pack:{r.id}@{r.version}:sha256:{r.sha256}") for r in refs]


def assets_assertion(refs: list[PackRef]) -> dict[str, Any]:
    """The packs with their licences, as a manifest assertion (the ingredient has no room for them)."""
    return {"label": "dreamreel.assets", "data": {"packs": [r.model_dump(mode="json") for r in refs]}}


def icon_ingredients(refs: list[IconRef]) -> list[dict[str, Any]]:
    """C2PA ingredients: each icon a film shows from an open-licensed icon library, with its credit."""
    return [_ingredient(f"{r.icon} from {r.set_name} {r.version} ({r.licence.attribution})", "image/svg+xml",
                        f"dreamreel:icon:{r.icon_set}:{r.icon}",
                        f"dreamreel:icon:{r.icon_set}:{r.icon}@{r.version}:sha256:{r.sha256}") for r in refs]


def icons_assertion(refs: list[IconRef]) -> dict[str, Any]:
    """The icons with their sets' licences and credits, as a manifest assertion."""
    return {"label": "dreamreel.icons", "data": {"icons": [r.model_dump(mode="json") for r in refs]}}
