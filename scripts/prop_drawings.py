"""Which drawing each object the planner can name resolves to, to find props drawn as the wrong thing.

Lists every object a story can turn on (the vocabulary's things, each plot shape's objects, each
genre kit's MacGuffins), the prop ``objects.find`` picks for it, and "LETTER" where nothing
matches (the renderer then draws a folded letter). Props come from the hand drawings only, as on a
machine without the optional icon set (``--icons`` counts the installed icons too).
Usage: python scripts/prop_drawings.py [--icons] [--json]
"""

import argparse
import json
import re
import tomllib
from pathlib import Path

from dreamreel.synth.visual import icons, objects

DATA = Path(objects.__file__).resolve().parents[2] / "narrative" / "data"


def names() -> list[tuple[str, str]]:
    """(where, phrase) for every object the planner can emit."""
    out: list[tuple[str, str]] = []
    vocab = tomllib.loads((DATA / "vocabulary.toml").read_text())["vocabulary"]
    for thing in vocab["things"]:
        out += [("things", thing["label"])] + [("things", w) for w in thing["words"]]
    for f in sorted((DATA / "shapes").glob("*.toml")):
        for shape in tomllib.loads(f.read_text())["shapes"]:
            out += [(f"shape:{shape['id']}", o) for o in shape.get("objects", [])]
    for f in sorted((DATA / "genres").glob("*.json")):
        for full, short in json.loads(f.read_text())["mcguffins"]:
            out += [(f"genre:{f.stem}", full), (f"genre:{f.stem}", short)]
    return list(dict.fromkeys(out))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--icons", action="store_true", help="count the installed icon set's props too")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not args.icons:
        icons.available = lambda: {}  # type: ignore[assignment]  # as without the icon set
    rows = [(where, phrase, objects.find(re.sub(r"\{[^}]*\}", "", phrase)) or "LETTER") for where, phrase in names()]
    if args.json:
        print(json.dumps([{"from": w, "phrase": p, "drawn_as": d} for w, p, d in rows], indent=1))
        return
    for where, phrase, drawn in sorted(rows, key=lambda r: (r[2] != "LETTER", r[2], r[1])):
        print(f"{drawn:12} {phrase:50} {where}")
    letters = sum(d == "LETTER" for _, _, d in rows)
    print(f"# {len(rows)} phrases, {letters} drawn as a letter")


if __name__ == "__main__":
    main()
