"""A contact sheet of an asset pack: every setting with its people in it, drawn by the renderer
the films are drawn with, so a studio sees its pack as its films will show it.

    Pack -> a bible of all its assets -> one shot per setting (two of its characters, in turn;
    a close-up of each character after) -> one frame each -> a captioned grid (PNG)
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from ...camera.lighting import light
from ...errors import OutputError
from ...model import Bible, World
from ...model.shot import Shot
from ...narrative.assets import Pack, style
from ...store.files import write_atomic
from .procedural import ProceduralBackend

TILE = (480, 270)
CAPTION = 34
COLUMNS = 4


def pack_bible(pack: Pack) -> Bible:
    """A bible holding all of the pack's assets (its first palette and music)."""
    a = pack.assets
    places = [s.model_dump(exclude={"role"}) for s in a.settings]
    genres = list(a.palettes[0].genres[:1]) or ["noir"]
    return Bible(title=a.name, logline=a.description or a.name, genres=genres, tone="as the studio made it",
                 world=World(name=a.world or a.name, era="the pack's own", description=a.description,
                             places=places),  # type: ignore[arg-type]
                 cast=list(a.characters), style=style(pack, genres, "the pack's own", []))


def _shots(bible: Bible) -> list[tuple[Shot, str]]:
    cast = bible.cast
    out = []
    for i, place in enumerate(bible.world.places):
        who = [cast[(2 * i) % len(cast)].id, cast[(2 * i + 1) % len(cast)].id] if len(cast) > 1 else [cast[0].id]
        names = " and ".join(bible.character(c).name for c in who)
        out.append((_shot(bible, f"s{i}", place.id, "medium", who), f"{place.name}: {names}"))
    for i, c in enumerate(cast):
        place = bible.world.places[i % len(bible.world.places)]
        out.append((_shot(bible, f"c{i}", place.id, "close_up", [c.id]), f"{c.name} ({c.role})"))
    return out


def _shot(bible: Bible, sid: str, place_id: str, size: str, who: list[str]) -> Shot:
    place = bible.place(place_id)
    return Shot(id=sid, beat="sheet", episode=1, kind="scene", size=size, move="static", frames=1, start_frame=0,
                place=place.id, place_kind=place.kind, time_of_day=place.time_of_day, weather=place.weather,
                on_screen=who, focus=who[0], tension=0.4,
                lighting=light(bible.style, bible.tone, place.time_of_day, place.weather, 0.4))


def render_sheet(pack: Pack, path: str | Path) -> Path:
    """Draw the pack's contact sheet into ``path`` (PNG)."""
    path = Path(path)
    if not path.parent.is_dir():
        raise OutputError(f"cannot write {path}: folder {path.parent} does not exist")
    bible = pack_bible(pack)
    renderer = ProceduralBackend()
    tiles = []
    for shot, caption in _shots(bible):
        frame = next(iter(renderer.render_shot(shot, bible, width=TILE[0], height=TILE[1], fps=24)))
        tiles.append((Image.fromarray(np.ascontiguousarray(frame[:, :, :3])), caption))
    rows = -(-len(tiles) // COLUMNS)
    sheet = Image.new("RGB", (COLUMNS * TILE[0], rows * (TILE[1] + CAPTION)), (18, 18, 20))
    draw = ImageDraw.Draw(sheet)
    for n, (tile, caption) in enumerate(tiles):
        x, y = (n % COLUMNS) * TILE[0], (n // COLUMNS) * (TILE[1] + CAPTION)
        sheet.paste(tile, (x, y))
        draw.text((x + 8, y + TILE[1] + 9), caption[:70], fill=(230, 230, 225))
    out = io.BytesIO()
    sheet.save(out, "PNG", optimize=True)
    return write_atomic(path, out.getvalue())
