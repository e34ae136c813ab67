"""What drawing costs: the procedural renderer's CPU time per frame at 1280x720 over the shots of a
few stories (each shot capped at 48 frames, 24 shots a cut), with no voices, music or encoding in
the way, so a drawing change can be compared with the commit before it (run both back to back:
CPU time, not wall time, so a busy machine skews it less). Prints JSON.

Usage: python bench/drawing.py [STORY.json ...]  (default: four stories planned from requests)
"""

import json
import sys
import time

from dreamreel.camera import estimate_timings, plan_shots
from dreamreel.director.path import choose_path
from dreamreel.model import Request
from dreamreel.model.story import Story
from dreamreel.narrative.planner import plan
from dreamreel.synth.visual import ProceduralBackend

REQUESTS = [
    "a deep-sea diver in a brass helmet searches a sunken galleon for the captain's logbook",
    "a ghost haunts a Victorian lending library and hides the old librarian's spectacles",
    "a frog sits on the edge of the kitchen table in a farmhouse and gossips with the farmer's wife",
    "a lonely robot sweeps the floor of an abandoned ice rink and teaches itself to skate",
]


def main() -> None:
    if sys.argv[1:]:
        stories = [Story.model_validate_json(open(p).read()) for p in sys.argv[1:]]
    else:
        stories = [plan(Request(prompt=r, episodes=1), seed=0) for r in REQUESTS]
    cpu, frames, shots = 0.0, 0, 0
    for story in stories:
        path = choose_path(story, "first", seed=0)
        backend = ProceduralBackend()
        for cut in plan_shots(story, path, estimate_timings(story, path), fps=24):
            for shot in cut.shots[:24]:
                shot = shot.model_copy(update={"frames": min(shot.frames, 48)})
                t0 = time.process_time()
                frames += sum(1 for _ in backend.render_shot(shot, story.bible, width=1280, height=720, fps=24))
                cpu += time.process_time() - t0
                shots += 1
    print(json.dumps({"stories": len(stories), "shots": shots, "frames": frames, "cpu_s": round(cpu, 2),
                      "cpu_ms_per_frame": round(1000 * cpu / max(1, frames), 2)}))


if __name__ == "__main__":
    main()
