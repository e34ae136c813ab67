"""What a viewer sees of a place: one wide still per room of each named vocabulary place (the
story engine's places, src/dreamreel/narrative/data/vocabulary.toml), two people in it, drawn by
the procedural renderer, in a captioned sheet per place (PNG), with the set pieces and the room
the renderer found for each room printed as JSON. For looking at a place before and after a
drawing change.

Usage: python bench/places.py OUT_DIR "a swimming pool" "an oil rig" ... [--era 1890s] [--size 400x225]
"""

from __future__ import annotations

import argparse
import json
import re
import tomllib
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from dreamreel.camera.lighting import light
from dreamreel.model import Request
from dreamreel.model.bible import Place
from dreamreel.model.shot import Shot
from dreamreel.narrative.planner import plan
from dreamreel.synth.visual import ProceduralBackend
from dreamreel.synth.visual.procedural import set_dressing

VOCABULARY = Path(__file__).resolve().parent.parent / "src/dreamreel/narrative/data/vocabulary.toml"
CAPTION = 30
COLUMNS = 4


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("labels", nargs="+")
    ap.add_argument("--era", default="the present day")
    ap.add_argument("--size", default="400x225")
    args = ap.parse_args()
    w, h = (int(v) for v in args.size.split("x"))
    places = {p["label"]: p for p in tomllib.loads(VOCABULARY.read_text())["vocabulary"]["places"]}
    base = plan(Request(prompt="two friends fall out and make up", episodes=1), seed=0).bible
    who = [c.id for c in base.cast[:2]]
    renderer = ProceduralBackend()
    args.out.mkdir(parents=True, exist_ok=True)
    report = {}
    for label in args.labels:
        rooms = places[label]["rooms"]
        world = base.world.model_copy(update={
            "name": label, "era": args.era,
            "places": [Place(id=f"p{i}", name=r["name"], kind=r["kind"], description=r.get("description", ""))
                       for i, r in enumerate(rooms)]})
        bible = base.model_copy(update={"world": world, "style": base.style.model_copy(update={"era": args.era})})
        tiles = []
        for i, r in enumerate(rooms):
            place = bible.place(f"p{i}")
            shot = Shot(id=f"s{i}", beat="sheet", episode=1, kind="scene", size="wide", move="static", frames=1,
                        start_frame=0, place=place.id, place_kind=place.kind, time_of_day=place.time_of_day,
                        weather=r.get("weather", place.weather), on_screen=who, focus=who[0], tension=0.4,
                        lighting=light(bible.style, bible.tone, place.time_of_day, place.weather, 0.4))
            dressing, view, room = set_dressing(bible, shot)
            report[f"{label}/{r['name']}"] = {"kind": r["kind"], "pieces": dressing, "view": view,
                                             "room": None if room is None else [room.wall, room.floor, room.light]}
            frame = next(iter(renderer.render_shot(shot, bible, width=w, height=h, fps=24)))
            tiles.append((Image.fromarray(np.ascontiguousarray(frame[:, :, :3])),
                          f"{r['name']} ({r['kind']}) {','.join(dressing)}"))
        rows = -(-len(tiles) // COLUMNS)
        sheet = Image.new("RGB", (COLUMNS * w, rows * (h + CAPTION)), (18, 18, 20))
        draw = ImageDraw.Draw(sheet)
        for n, (tile, caption) in enumerate(tiles):
            x, y = (n % COLUMNS) * w, (n // COLUMNS) * (h + CAPTION)
            sheet.paste(tile, (x, y))
            draw.text((x + 6, y + h + 8), caption[:64], fill=(230, 230, 225))
        sheet.save(args.out / (re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_") + ".png"))
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
