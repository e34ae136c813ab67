"""A contact sheet: one frame from the middle of every shot of a film, in a labelled grid (PNG).

The shots and their times come from the film's shot log (``edit.shotlog.entries``, the .otio beside
the MP4); each frame is decoded from the MP4 itself (PyAV: a seek to the keyframe before the
shot's middle, then decoding up to it), so the sheet shows what a viewer sees. Under each frame:
the shot's number, time and kind, the place, and who is in it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import av
from PIL import Image, ImageDraw

from ..errors import BadInputError, OutputError
from .burn import roboto
from .shotlog import clock, who

BACKGROUND = (18, 18, 20)
INK = (235, 235, 235)
DIM = (160, 160, 168)


def middle_frames(film: str | Path, times: Sequence[float], width: int) -> list[Image.Image]:
    """The frames shown at ``times`` (seconds, ascending), scaled to ``width`` pixels wide."""
    try:
        c = av.open(str(film))
    except (OSError, av.FFmpegError) as e:
        raise BadInputError(f"{film}: cannot be read as a video ({e})") from None
    out: list[Image.Image] = []
    with c:
        if not c.streams.video:
            raise BadInputError(f"{film}: holds no video")
        v = c.streams.video[0]
        v.thread_type = "AUTO"
        tb = v.time_base
        cc = v.codec_context
        height = max(2, round(width * cc.height / cc.width))
        for t in times:
            c.seek(max(0, int(t / tb)), stream=v, backward=True)
            chosen = None
            for f in c.decode(v):
                if f.pts is None:
                    continue
                chosen = f
                if f.pts * tb >= t - 0.5 * float(1 / (v.average_rate or 24)):
                    break
            if chosen is None:
                out.append(Image.new("RGB", (width, height), (0, 0, 0)))
                continue
            out.append(chosen.to_image().resize((width, height), Image.Resampling.BILINEAR))
    return out


def _fit(draw: ImageDraw.ImageDraw, text: str, font: Any, room: float) -> str:
    """``text`` cut with an ellipsis to fit ``room`` pixels."""
    if draw.textlength(text, font=font) <= room:
        return text
    while text and draw.textlength(text + "…", font=font) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def contact_sheet(film: str | Path, meta: dict[str, Any], log: Sequence[dict[str, Any]], output: str | Path,
                  *, columns: int = 4, thumb_width: int = 320) -> Path:
    """Draw the sheet of ``log`` (``shotlog.entries``) for the MP4 ``film`` into the PNG ``output``."""
    output = Path(output)
    if output.suffix.lower() != ".png":
        raise BadInputError(f"{output}: the contact sheet is a PNG; give a path ending in .png")
    if not output.parent.is_dir():
        raise OutputError(f"cannot write {output}: folder {output.parent} does not exist")
    if not 1 <= columns <= 16:
        raise BadInputError(f"--columns must be 1 to 16, got {columns}")
    if not 80 <= thumb_width <= 1920:
        raise BadInputError(f"--width must be 80 to 1920 pixels, got {thumb_width}")
    if not log:
        raise BadInputError(f"{film}: its shot log holds no shots")
    fps = meta.get("fps") or 24
    frames = middle_frames(film, [(e["frame"] + e["frames"] // 2) / fps for e in log], thumb_width)
    th = frames[0].height
    size = max(11, thumb_width // 22)
    small, big = roboto(size), roboto(round(size * 1.1))
    gap, lead = max(6, thumb_width // 40), round(size * 1.3)
    cell_h = th + 3 * lead + gap
    head = 2 * gap + 2 * lead
    rows = (len(log) + columns - 1) // columns
    sheet = Image.new("RGB", (gap + columns * (thumb_width + gap), head + rows * cell_h + gap), BACKGROUND)
    d = ImageDraw.Draw(sheet)
    title = f"{meta.get('title') or Path(film).stem}: {len(log)} shots, {clock(log[-1]['start'] + log[-1]['seconds'])}"
    d.text((gap, gap), _fit(d, title, big, sheet.width - 2 * gap), font=big, fill=INK)
    d.text((gap, gap + lead), "AI-generated (dreamreel)", font=small, fill=DIM)
    for i, (entry, frame) in enumerate(zip(log, frames)):
        x = gap + (i % columns) * (thumb_width + gap)
        y = head + (i // columns) * cell_h
        sheet.paste(frame, (x, y))
        drawn = entry["drawn"]
        place = drawn["place"]
        first = f"#{entry['number']}  {clock(entry['start'])}  {entry['kind']} {entry['size'].replace('_', '-')}"
        where = f"{place['name']} ({place['kind'].replace('_', ' ')})"
        people = f"card: {drawn['card']}" if drawn.get("card") is not None else who(entry) or "nobody"
        for k, (text, font, colour) in enumerate(((first, big, INK), (where, small, DIM), (people, small, DIM))):
            d.text((x, y + th + 2 + k * lead), _fit(d, text, font, thumb_width), font=font, fill=colour)
    try:
        tmp = output.with_name(f".{output.name}.tmp")
        sheet.save(tmp, format="PNG")
        tmp.replace(output)
    except OSError as e:
        raise OutputError(f"cannot write {output}: {e.strerror or e}") from None
    return output

