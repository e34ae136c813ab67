"""Does the picture show the story? Makes films from requests and prints JSON per film and overall:

- near_static: share of sampled moments (every 0.5 s, title and end cards left out) where the
  picture barely changes over the next quarter second (mean absolute difference of a 96x54 grey
  thumbnail under 0.6 levels, which film grain alone stays under); goal < 0.15;
- establishing_seconds: shortest and mean establishing shot (goal >= 2 s);
- reaction_seconds: mean and spread of reaction shots (varied, not all one length);
- staged: share of scene shots with an action (walk, run, fight ...); actions: which;
- creatures: cast members of a non-human species, and how each is drawn (and what was substituted);
- props: objects the shots hold or show, and what each is drawn as (None: a stand-in letter).

The requests were written before any figure was looked at and are not in bench/requests.
Each film is one episode. Usage: python bench/picture.py [--quick] [--res 480p] [--requests FILE] [--keep DIR]
(FILE: one request a line, for requests of your own written before looking at any film; lines
starting with # are notes, such as what each request must show).
"""

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import av
import numpy as np

REQUESTS = [
    "a children's bedtime story about a shy dragon who is afraid of the dark",
    "a Victorian London detective story about a stolen tiara, with a clever dog",
    "a heist comedy aboard a generation ship, told like a Bollywood musical",
    "a ghost who haunts a lighthouse keeper, quiet and sad",
    "two rival chefs fall in love in 1920s Paris",
    "a robot and an old fisherman chase a sea monster off a Norwegian village",
]
STATIC_LEVELS = 0.6
CLI = shutil.which("dreamreel") or "dreamreel"


def thumb(frame: av.VideoFrame) -> np.ndarray:
    g = frame.to_ndarray(format="gray").astype(np.float32)
    h, w = g.shape
    return g[: h - h % 54, : w - w % 96].reshape(54, (h - h % 54) // 54, 96, (w - w % 96) // 96).mean(axis=(1, 3))


def clips(otio: Path) -> list[dict]:
    doc = json.loads(otio.read_text())
    track = next(t for t in doc["tracks"]["children"] if t.get("kind", "Video") == "Video")
    out = []
    for c in track["children"]:
        meta = c.get("metadata", {}).get("dreamreel", {})
        if "shot" in meta:
            out.append(meta["shot"] | {"_start": int(c["source_range"]["start_time"]["value"])})
    return out


def measure(mp4: Path, otio: Path, fps: int = 24) -> dict:
    shots = clips(otio)
    pairs: dict[int, int] = {}
    kind_of: dict[int, str] = {}
    for s in shots:
        if s["kind"] in ("title", "end"):
            continue
        start, n = s["_start"], s["frames"]
        for off in range(0, n - 6, fps // 2):
            pairs[start + off] = start + off + 6
            kind_of[start + off] = f'{s["kind"]}/{s["move"]}'

    want = set(pairs) | set(pairs.values())
    thumbs: dict[int, np.ndarray] = {}
    with av.open(str(mp4)) as box:
        for i, f in enumerate(box.decode(video=0)):
            if i in want:
                thumbs[i] = thumb(f)
    measured = {a: float(np.abs(thumbs[a] - thumbs[b]).mean()) for a, b in pairs.items() if a in thumbs and b in thumbs}
    diffs = list(measured.values())
    static_by_kind: dict[str, int] = {}
    for a, d in measured.items():
        if d < STATIC_LEVELS:
            static_by_kind[kind_of[a]] = static_by_kind.get(kind_of[a], 0) + 1
    est = [s["frames"] / fps for s in shots if s["kind"] == "establishing"]
    rea = [s["frames"] / fps for s in shots if s["kind"] == "reaction"]
    scenes = [s for s in shots if s["kind"] == "scene"]
    return {
        "samples": len(diffs),
        "near_static": round(sum(d < STATIC_LEVELS for d in diffs) / max(1, len(diffs)), 3),
        "static_samples_by_shot": dict(sorted(static_by_kind.items(), key=lambda kv: -kv[1])),
        "establishing_seconds": {"min": round(min(est), 2) if est else None,
                                 "mean": round(statistics.mean(est), 2) if est else None},
        "reaction_seconds": {"mean": round(statistics.mean(rea), 2) if rea else None,
                             "stdev": round(statistics.pstdev(rea), 2) if rea else None},
        "staged": round(sum(1 for s in scenes if s.get("action")) / max(1, len(scenes)), 3),
        "actions": sorted({s["action"] for s in scenes if s.get("action")}),
        "props": sorted({p for s in shots for p in s.get("props", [])}),
    }


def cast_drawn(story_json: Path) -> list[dict]:
    from dreamreel.synth.visual.creatures import drawn_as
    story = json.loads(story_json.read_text())
    out = []
    for c in story["bible"]["cast"]:
        species = c.get("look", {}).get("species", "human")
        if species.lower() != "human":
            shape, sub = drawn_as(species)
            out.append({"name": c["name"], "species": species, "drawn_as": shape, "substituted": sub})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="the first two requests only")
    ap.add_argument("--res", default="480p")
    ap.add_argument("--requests", type=Path, help="a file of requests, one a line (instead of the built-in six)")
    ap.add_argument("--keep", type=Path, help="copy each film (story, MP4, OTIO) to KEEP/fN, for contact sheets")
    args = ap.parse_args()
    from dreamreel.synth.visual.objects import find
    requests = REQUESTS
    if args.requests is not None:
        try:
            requests = [r.strip() for r in args.requests.read_text().splitlines()
                        if r.strip() and not r.lstrip().startswith("#")]
        except OSError as e:
            sys.exit(f"--requests {args.requests}: cannot read it ({e.strerror})")
        if not requests:
            sys.exit(f"--requests {args.requests}: no requests in it (one a line)")
    requests = requests[:2] if args.quick else requests
    films = []
    with tempfile.TemporaryDirectory() as tmp:
        for k, req in enumerate(requests):
            folder = Path(tmp) / f"f{k}"
            folder.mkdir()
            print(f"[{k + 1}/{len(requests)}] {req}", file=sys.stderr, flush=True)
            story = folder / "story.json"
            subprocess.run([CLI, "write", req, "--episodes", "1", "-q", "-o", str(story)], check=True,
                           capture_output=True)
            subprocess.run([CLI, "render", str(story), "--res", args.res, "-o", str(folder / "film.mp4"), "--keep",
                            "--no-cache"],
                           check=True, capture_output=True)
            m = measure(folder / "film.mp4", folder / "film.otio")
            m["props"] = {p: find(p) for p in m["props"]}
            films.append({"request": req, **m, "creatures": cast_drawn(story)})
            if args.keep is not None:
                shutil.copytree(folder, args.keep / folder.name, dirs_exist_ok=True)
    static = [f["near_static"] for f in films]
    est = [f["establishing_seconds"]["min"] for f in films if f["establishing_seconds"]["min"] is not None]
    print(json.dumps({
        "films": films,
        "near_static_mean": round(statistics.mean(static), 3),
        "near_static_max": max(static),
        "establishing_min_seconds": min(est) if est else None,
        "staged_mean": round(statistics.mean(f["staged"] for f in films), 3),
    }, indent=2))


if __name__ == "__main__":
    main()
