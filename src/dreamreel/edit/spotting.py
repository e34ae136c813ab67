"""Spotting: where the cut needs a sound effect, from what the shots stage and the script says.

    shot.action (enter, walk, run, fight, fall ...) -> a door indoors or footsteps outside,
        running feet, a punch, a body falling; at the shot's start
    the beat's narration ("the gavel comes down", "she dives into the harbour") -> a gavel,
        a splash, thunder, a knock, a bell, a shot, breaking glass, a door; once a beat, where
        its first scene shot begins

At most a few a beat and never two on top of each other: effects punctuate, they do not
crowd the dialogue.
"""

import hashlib
import re
from typing import NamedTuple

from ..model.shot import Shot
from ..model.story import Story
from ..synth.music.ambience import INDOOR

#: The script's words -> the effect they call for (first match wins per pattern).
TEXT_SPOTS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p, re.IGNORECASE), name) for p, name in (
    (r"\bgavel\b", "gavel"),
    (r"\bsplash\w*|\b(?:dive|dives|dived|dove|jump\w*|leap\w*|fall\w*|fell|plunge\w*|tumble\w*) (?:in)?to the "
     r"(?:water|sea|river|lake|harbou?r|pool|waves)", "splash"),
    (r"\bthunder\w*|\blightning\b", "thunder"),
    (r"\bknock\w*\b|\bbang\w* on the door", "knock"),
    (r"\bbells?\b|\btoll\w*\b|\bchimes?\b", "bell"),
    (r"\bgun ?shot|\bshots? rang|\bfires? (?:a|the|his|her|their) (?:gun|pistol|revolver|rifle)|\bpulls? the trigger",
     "gunshot"),
    (r"\bshatter\w*|\bsmash\w* (?:a|the) (?:glass|window|bottle)|\bbreaking glass", "glass"),
    (r"\bdoor (?:opens|slams|creaks|bursts|swings|bangs)|\b(?:opens|slams|shuts|kicks open) the door", "door"),
    (r"\bfootsteps\b", "footsteps"),
))
#: A staged action -> the effect it makes (enter/exit: a door indoors, footsteps outside).
ACTION_SPOTS = {"walk": "footsteps", "run": "running", "chase": "running", "fight": "punch", "fall": "thud"}
MAX_PER_BEAT = 3
MIN_APART_S = 1.5


class Spot(NamedTuple):
    at_s: float       # seconds from the start of the run of shots given
    name: str         # an effect of synth.music.foley.ALL
    seed: int
    position: float   # stereo -1 .. 1


def _action_spot(shot: Shot) -> str | None:
    if shot.action in ("enter", "exit"):
        return "door" if shot.place_kind in INDOOR else "footsteps"
    return ACTION_SPOTS.get(shot.action or "")


def spots(story: Story, shots: list[tuple[float, Shot]], seed: int = 0) -> list[Spot]:
    """The effects for shots placed at (seconds from the chunk's start, shot)."""
    beats = {b.id: b for b in story.graph.beats}
    out: list[Spot] = []
    per_beat: dict[str, int] = {}
    worded: set[str] = set()

    def add(at: float, name: str, beat: str, where: float) -> None:
        if per_beat.get(beat, 0) >= MAX_PER_BEAT or any(abs(s.at_s - at) < MIN_APART_S for s in out):
            return
        digest = hashlib.sha256(f"{seed}|{beat}|{name}|{round(at, 2)}".encode()).digest()
        out.append(Spot(round(at, 3), name, int.from_bytes(digest[:4], "big"), where))
        per_beat[beat] = per_beat.get(beat, 0) + 1

    for at, shot in shots:
        if shot.kind in ("title", "end"):
            continue
        beat = beats.get(shot.beat)
        if beat is not None and beat.id not in worded:
            worded.add(beat.id)
            called = [name for pattern, name in TEXT_SPOTS if pattern.search(beat.narration)]
            for k, name in enumerate(called):
                add(at + 0.6 + k * MIN_APART_S, name, beat.id, 0.0)
        name = _action_spot(shot)
        if name is not None:
            add(at + 0.3, name, shot.beat, -0.4 if shot.action == "enter" else 0.4 if shot.action == "exit" else 0.0)
    return sorted(out, key=lambda s: s.at_s)
