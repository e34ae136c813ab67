"""Quiet: where the story calls for the music to drop out and the ambience to fall to room tone.

    a scene change (the cut to an establishing shot)  -> the new place opens in silence, up to
        SCENE_S or until its first words
    a tense held moment (a beat at tension >= TENSE_AT closing on a listener's face)
                                                       -> the look plays in silence
    a pause the script asks for ("a long pause", "silence", "she holds her breath"; or a line
        with nothing a voice can say, "...", "@#$%!")  -> the beat's held shots (reactions,
        inserts, action with no words) and the unspoken line play in silence
    a whisper (a line directed "whispered", "under her breath") -> only the room under it

Spot effects stay (a door in a silent room is the point); the mix takes the hushes as a gain
on its music and ambience (``bed_gain``): down over RAMP_DOWN_S before a hush, back over
RAMP_UP_S after it. The ambience never goes below the mix's room tone (edit/mix.py ROOM_LU):
a film's silence is the place's own quiet sound, not digital zero.
"""

import re
from typing import NamedTuple

import numpy as np

from ..model.shot import Cue, Shot
from ..model.story import Line, Story
from ..synth.voice.design import WHISPER
from ..synth.voice.reading import read

#: A new place opens on this much silence at most.
SCENE_S = 1.2
#: A beat this tense that closes on a listener holds the look in silence.
TENSE_AT = 0.6
#: Shorter hushes are left out: under 400 ms is no pause an ear (or a momentary meter) hears.
SHORTEST_S = 0.4
RAMP_DOWN_S = 0.2
RAMP_UP_S = 0.5
#: The script's words for a pause or a silence.
PAUSE = re.compile(
    r"\b(?:pause[sd]?|silen(?:ce|t|tly)|hush(?:ed)?|wordless(?:ly)?|holds? (?:his|her|their|its|a) breath|"
    r"held (?:his|her|their|its) breath|(?:no ?one|nobody) (?:speaks|says|moves)|says nothing|not a sound|"
    r"quiet (?:falls|descends|settles)|beat of quiet)\b", re.IGNORECASE)


class Hush(NamedTuple):
    start_s: float  # seconds from the start of the run of shots given
    end_s: float
    why: str        # "scene change", "tense hold", "pause", "whisper"


def _line(story: Story, cue: Cue) -> Line | None:
    """The script's line a cue says (the beat's own or one of its tellings')."""
    try:
        beat = story.graph.beat(cue.beat)
    except KeyError:
        return None
    for lines in [beat.lines, *(v.lines for v in beat.variants.values())]:
        if 0 <= cue.index < len(lines) and lines[cue.index].text == cue.text:
            return lines[cue.index]
    return None


def hushes(story: Story, shots: list[tuple[float, Shot]], fps: float) -> list[Hush]:
    """The quiet spans for shots placed at (seconds from the chunk's start, shot), in order."""
    beats = {b.id: b for b in story.graph.beats}
    out: list[Hush] = []
    for k, (at, shot) in enumerate(shots):
        if shot.kind in ("title", "end"):
            continue
        seconds = shot.frames / fps
        beat = beats.get(shot.beat)
        told = " ".join([beat.narration, beat.action]) if beat is not None else ""
        last_of_beat = k + 1 == len(shots) or shots[k + 1][1].beat != shot.beat
        if shot.kind == "establishing" and (k == 0 or shots[k - 1][1].kind == "title" or
                                            shots[k - 1][1].beat != shot.beat):
            first = min((c.start for c in shot.cues), default=seconds)
            out.append(Hush(at, at + min(SCENE_S, first - 0.1, seconds), "scene change"))
        elif shot.kind == "reaction" and shot.tension >= TENSE_AT and last_of_beat:
            out.append(Hush(at, at + seconds, "tense hold"))
        elif not shot.cues and shot.kind in ("reaction", "insert", "scene") and PAUSE.search(told):
            out.append(Hush(at, at + seconds, "pause"))
        for cue in shot.cues:
            line = _line(story, cue)
            if line is None:
                continue
            if read(line.text).silent:  # nothing a voice can say: held as a pause
                out.append(Hush(at + cue.start, at + cue.end, "pause"))
            elif line.direction and WHISPER.search(line.direction):
                out.append(Hush(at + max(0.0, cue.start - 0.1), at + cue.end + 0.15, "whisper"))
    return [h for h in out if h.end_s - h.start_s >= SHORTEST_S]


def bed_gain(spans: list[tuple[float, float]], n: int, sample_rate: int) -> np.ndarray | None:
    """Gain (n,) for music and ambience: 0 inside each span (seconds from sample 0), ramped in
    and out around it; None when no span touches the n samples."""
    sr = sample_rate
    gain = np.ones(n, np.float32)
    touched = False
    for a, b in spans:
        i, j = round(a * sr), round(b * sr)
        lo, hi = i - round(RAMP_DOWN_S * sr), j + round(RAMP_UP_S * sr)
        if hi <= 0 or lo >= n or j <= i:
            continue
        touched = True
        idx = np.arange(max(lo, 0), min(hi, n))
        down = np.clip((i - idx) / max(1, i - lo), 0.0, 1.0)
        up = np.clip((idx - j) / max(1, hi - j), 0.0, 1.0)
        g = np.where(idx < i, down, np.where(idx >= j, up, 0.0)).astype(np.float32)
        gain[idx] = np.minimum(gain[idx], g)
    return gain if touched else None
