"""Voice design: who a character is -> how their voice is built, and how a line is delivered.

One neural voice (an adult man) plays the whole cast, so a character's voice is *designed*
as targets the converter (:mod:`.convert`) reshapes that voice to:

* ``median_hz``: the speaking pitch's median. Natural ranges: men 85-155 Hz, women
  165-255 Hz, children 250-400 Hz; elders' voices drift toward each other (men rise, women
  fall).
* ``tract``: vocal-tract length as a formant scale against the base voice (1.0: an adult
  man; ~1.17 a woman; ~1.3 a child). Moving pitch without this is what sounds like tape.
* ``pitch_range``, ``breath``, ``speed``: how much the pitch moves, how much air is in it,
  how fast they talk.

:func:`design` fills what a :class:`VoiceSpec` leaves unset from the character's pronouns,
age and species, and reads the bible's description ("deep", "contralto", "breathy",
"monotone", "chirpy"); a value already set (a likeness's chosen voice, a narrator's) is
kept. :func:`deliver` then shapes one line by its emotion and direction: angry lines are
faster, higher, wider and louder; sad ones slower, lower, flatter and quieter; a whisper is
unvoiced.
"""

from __future__ import annotations

import hashlib
import re

from ...model import VoiceSpec
from ..visual.creatures import body_plan
from ..visual.puppets import is_robot, species_words

__all__ = ["REGISTERS", "design", "deliver", "semitones"]

#: (median Hz, tract, pitch range, breath, speed) by pronoun and age.
REGISTERS: dict[tuple[str, str], tuple[float, float, float, float, float]] = {
    ("he", "child"): (265.0, 1.30, 1.25, 0.05, 1.04),
    ("he", "young"): (128.0, 1.03, 1.1, 0.0, 1.03),
    ("he", "adult"): (115.0, 1.0, 1.0, 0.0, 1.0),
    ("he", "middle"): (108.0, 0.98, 0.95, 0.05, 0.98),
    ("he", "old"): (122.0, 0.97, 0.85, 0.2, 0.9),
    ("she", "child"): (285.0, 1.32, 1.3, 0.05, 1.04),
    ("she", "young"): (218.0, 1.19, 1.15, 0.05, 1.03),
    ("she", "adult"): (205.0, 1.17, 1.1, 0.05, 1.0),
    ("she", "middle"): (192.0, 1.15, 1.0, 0.08, 0.98),
    ("she", "old"): (178.0, 1.13, 0.9, 0.22, 0.9),
    ("they", "child"): (275.0, 1.31, 1.25, 0.05, 1.04),
    ("they", "young"): (165.0, 1.1, 1.1, 0.03, 1.02),
    ("they", "adult"): (155.0, 1.09, 1.0, 0.03, 1.0),
    ("they", "middle"): (148.0, 1.07, 0.95, 0.06, 0.98),
    ("they", "old"): (150.0, 1.05, 0.88, 0.2, 0.9),
}

#: Words of a voice description -> (semitones, tract factor, range factor, breath added, speed factor).
#: Read as whole words; the first table that names a register (contralto ...) sets the median.
DESCRIPTION: dict[str, tuple[float, float, float, float, float]] = {
    "deep": (-3.5, 0.95, 0.95, 0.0, 0.97), "low": (-2.5, 0.97, 1.0, 0.0, 1.0),
    "bass": (-5.0, 0.93, 0.9, 0.0, 0.97), "baritone": (-2.5, 0.96, 1.0, 0.0, 1.0),
    "booming": (-3.0, 0.94, 1.15, 0.0, 0.97), "gravelly": (-2.5, 0.96, 0.9, 0.3, 0.97),
    "gravel": (-2.5, 0.96, 0.9, 0.3, 0.97), "rough": (-1.5, 0.98, 0.9, 0.25, 1.0),
    "husky": (-2.0, 0.97, 0.9, 0.35, 0.97), "hoarse": (-1.5, 1.0, 0.85, 0.45, 0.97),
    "rasping": (-1.5, 1.0, 0.85, 0.45, 0.97), "raspy": (-1.5, 1.0, 0.85, 0.45, 0.97),
    "dark": (-1.5, 0.97, 1.0, 0.0, 1.0), "rich": (-1.0, 0.98, 1.05, 0.0, 1.0),
    "high": (3.0, 1.03, 1.05, 0.0, 1.02), "bright": (2.0, 1.03, 1.1, 0.0, 1.02),
    "light": (2.0, 1.02, 1.05, 0.05, 1.02), "chirpy": (4.0, 1.05, 1.4, 0.0, 1.08),
    "squeaky": (5.0, 1.07, 1.3, 0.0, 1.06), "piping": (4.5, 1.06, 1.2, 0.0, 1.05),
    "shrill": (4.0, 1.05, 1.2, 0.0, 1.04), "thin": (2.0, 1.04, 0.9, 0.1, 1.0),
    "tenor": (2.5, 1.02, 1.05, 0.0, 1.0), "soprano": (3.5, 1.04, 1.15, 0.0, 1.0),
    "breathy": (0.0, 1.0, 0.95, 0.45, 0.97), "soft": (-0.5, 1.0, 0.9, 0.25, 0.96),
    "whispery": (0.0, 1.0, 0.8, 0.6, 0.95), "airy": (1.0, 1.01, 1.0, 0.35, 1.0),
    "monotone": (-0.5, 1.0, 0.35, 0.0, 1.0), "flat": (-0.5, 1.0, 0.5, 0.0, 1.0),
    "dry": (-0.5, 1.0, 0.65, 0.0, 1.0), "deadpan": (-0.5, 1.0, 0.45, 0.0, 0.97),
    "clipped": (0.0, 1.0, 0.75, 0.0, 1.08), "cold": (-0.5, 1.0, 0.6, 0.0, 0.98),
    "precise": (0.0, 1.0, 0.8, 0.0, 1.03), "grave": (-1.5, 0.98, 0.7, 0.0, 0.93),
    "lively": (1.0, 1.0, 1.4, 0.0, 1.07), "animated": (1.0, 1.0, 1.45, 0.0, 1.07),
    "excitable": (2.0, 1.01, 1.5, 0.0, 1.1), "sing-song": (1.5, 1.0, 1.6, 0.0, 1.0),
    "singsong": (1.5, 1.0, 1.6, 0.0, 1.0), "musical": (1.0, 1.0, 1.4, 0.0, 1.0),
    "warm": (-0.5, 0.99, 1.1, 0.1, 0.98), "gentle": (0.0, 1.0, 0.9, 0.15, 0.95),
    "quick": (0.0, 1.0, 1.05, 0.0, 1.12), "fast": (0.0, 1.0, 1.05, 0.0, 1.12),
    "rapid": (0.0, 1.0, 1.05, 0.0, 1.15), "brisk": (0.0, 1.0, 1.0, 0.0, 1.1),
    "slow": (-0.5, 1.0, 0.9, 0.0, 0.88), "unhurried": (0.0, 1.0, 0.95, 0.0, 0.9),
    "measured": (0.0, 1.0, 0.85, 0.0, 0.92), "drawl": (-1.0, 1.0, 1.0, 0.05, 0.85),
    "drawling": (-1.0, 1.0, 1.0, 0.05, 0.85), "tired": (-1.5, 1.0, 0.7, 0.2, 0.88),
    "commanding": (-1.0, 0.98, 1.1, 0.0, 1.0), "nasal": (1.0, 1.06, 1.0, 0.0, 1.0),
    "smoky": (-1.5, 0.98, 0.9, 0.25, 0.97), "velvety": (-1.0, 0.99, 1.0, 0.15, 0.97),
    "creaky": (-1.0, 1.0, 0.85, 0.2, 0.95), "lilting": (1.0, 1.0, 1.45, 0.0, 1.0),
    "small": (2.0, 1.04, 1.1, 0.0, 1.02), "eager": (1.0, 1.0, 1.2, 0.0, 1.05),
    "laughing": (1.0, 1.0, 1.3, 0.05, 1.03), "breathless": (1.0, 1.0, 1.2, 0.3, 1.08),
}

#: Register words that name a median outright (Hz) whatever the pronoun.
NAMED_REGISTERS = {"contralto": 175.0, "alto": 185.0, "mezzo": 215.0, "mezzo-soprano": 215.0,
                   "countertenor": 230.0}

#: Emotion -> (semitones, range factor, speed factor, level dB, breath added).
EMOTIONS: dict[str, tuple[float, float, float, float, float]] = {
    "neutral": (0.0, 1.0, 1.0, 0.0, 0.0),
    "happy": (1.5, 1.3, 1.05, 1.0, 0.0),
    "sad": (-2.0, 0.6, 0.86, -4.0, 0.1),
    "angry": (2.0, 1.4, 1.08, 4.0, 0.0),
    "afraid": (3.0, 1.25, 1.12, -1.0, 0.2),
    "surprised": (3.0, 1.5, 1.0, 2.0, 0.0),
    "tender": (-1.0, 0.8, 0.9, -5.0, 0.15),
    "determined": (-0.5, 0.9, 1.0, 2.0, 0.0),
    "sly": (-1.0, 1.1, 0.93, -3.0, 0.1),
    "tired": (-2.0, 0.6, 0.86, -4.0, 0.2),
}
#: A direction that asks for a whisper ("under her breath") unvoices the line.
WHISPER = re.compile(r"\b(whisper\w*|under (?:his|her|their|my|your) breath|hushed|barely audible|sotto voce)\b",
                     re.IGNORECASE)
QUIET = re.compile(r"\b(quietly|softly|murmur\w*|mutter\w*|gently)\b", re.IGNORECASE)
LOUD = re.compile(r"\b(shout\w*|yell\w*|scream\w*|roar\w*|bellow\w*|loudly|calling out|cries out)\b",
                  re.IGNORECASE)

#: VoiceSpec.pitch = +-1 moves the designed median this many semitones.
PITCH_SEMITONES = 4.0


def semitones(st: float) -> float:
    return float(2 ** (st / 12))


def _clamp(x: float, lo: float, hi: float) -> float:
    return max(lo, min(hi, x))


def _species_voice(species: str) -> tuple[float, float, float, float, float] | None:
    """A non-human's register by body: big beasts low and wide-throated, small ones high,
    robots flat, ghosts airy. None for people."""
    s = species.lower().strip()
    if not s or s == "human":
        return None
    if is_robot(s):
        return (118.0, 1.04, 0.3, 0.0, 0.97)
    words = set(species_words(s))
    if words & {"ghost", "spirit", "phantom", "spectre", "specter", "wraith", "banshee", "shade"}:
        return (150.0, 1.08, 0.8, 0.55, 0.9)
    plan = body_plan(s)
    if plan is None or plan.shape == "ghost":
        return None
    size = plan.size
    if size >= 1.15:      # dragons, elephants, sea monsters
        return (84.0, 0.92, 0.9, 0.15, 0.92)
    if size >= 0.85:      # bears, horses, wolves' bigger kin
        return (100.0, 0.95, 0.95, 0.1, 0.95)
    if size >= 0.5:       # dogs, foxes, pigs
        return (150.0, 1.1, 1.15, 0.05, 1.03)
    return (275.0, 1.3, 1.3, 0.05, 1.08)  # cats, mice, birds, rabbits


def design(voice: VoiceSpec, *, pronouns: str = "they", age: str = "adult", species: str = "human",
           name: str = "") -> VoiceSpec:
    """``voice`` with every unset design field filled from who is speaking (see module doc)."""
    if voice.median_hz is not None and voice.tract is not None:
        return voice
    if pronouns == "they" and name:
        # Pronouns do not say how someone sounds: a "they" gets a lower or higher register
        # by their name (stable), nudged toward the middle, so a cast of theys is not one voice.
        low = hashlib.sha256(name.encode()).digest()[0] % 2 == 0
        median, tract, rng, breath, speed = REGISTERS.get(("he" if low else "she", age), REGISTERS[("he", "adult")])
        median *= semitones(1.0 if low else -1.0)
    else:
        median, tract, rng, breath, speed = REGISTERS.get((pronouns, age), REGISTERS[("they", "adult")])
    creature = _species_voice(species)
    if creature is not None:
        c_med, tract, rng, c_breath, speed = creature
        # a creature keeps a hint of who they are: a she-dragon sits a little above a he-dragon
        median = c_med * semitones({"she": 3.0, "he": -1.0}.get(pronouns, 0.0))
        if age == "child":
            median, tract = median * 1.5, tract * 1.12
        breath = max(breath, c_breath)
    st = voice.pitch * PITCH_SEMITONES
    words = re.findall(r"[a-z][a-z-]*", voice.descriptor.lower())
    named = next((NAMED_REGISTERS[w] for w in words if w in NAMED_REGISTERS), None)
    if named is not None and creature is None:
        median = named
    for w in words:
        if w in DESCRIPTION:
            d_st, d_tract, d_rng, d_breath, d_speed = DESCRIPTION[w]
            st += d_st
            tract *= d_tract
            rng *= d_rng
            breath += d_breath
            speed *= d_speed
    # a description moves a voice within its register, not out of it
    median = median * semitones(_clamp(st, -4.0, 4.0))
    return voice.model_copy(update={
        # Beyond about 85-320 Hz and a 0.93-1.3 tract words blur (the recogniser loses most)
        "median_hz": round(voice.median_hz if voice.median_hz is not None else _clamp(median, 85.0, 320.0), 1),
        "tract": round(voice.tract if voice.tract is not None else _clamp(tract, 0.93, 1.3), 3),
        "pitch_range": round(_clamp(voice.pitch_range * rng, 0.2, 2.5), 3),
        "breath": round(_clamp(voice.breath + breath, 0.0, 0.7), 3),
        # the bible's speed already read "quick"/"slow" words: only what it did not say is added
        "speed": round(_clamp(voice.speed * (speed if voice.speed == 1.0 else 1.0), 0.5, 2.0), 3),
    })


def deliver(voice: VoiceSpec, emotion: str = "neutral", direction: str | None = None) -> VoiceSpec:
    """A designed voice shaped for one line: emotion and the actor's direction."""
    st, rng, speed, level, breath = EMOTIONS.get(emotion, EMOTIONS["neutral"])
    whisper = False
    if direction:
        if WHISPER.search(direction):
            whisper, level, speed = True, level - 10.0, speed * 0.95
        elif QUIET.search(direction):
            level, rng = level - 5.0, rng * 0.85
        elif LOUD.search(direction):
            level, st, rng = level + 5.0, st + 2.0, rng * 1.2
    if (st, rng, speed, level, breath, whisper) == (0.0, 1.0, 1.0, 0.0, 0.0, False):
        return voice
    median = voice.median_hz if voice.median_hz is not None else 115.0
    return voice.model_copy(update={
        "median_hz": round(_clamp(median * semitones(st), 60.0, 420.0), 1),
        "pitch_range": round(_clamp(voice.pitch_range * rng, 0.2, 2.5), 3),
        "speed": round(_clamp(voice.speed * speed, 0.5, 2.0), 3),
        "level_db": round(_clamp(voice.level_db + level, -20.0, 10.0), 1),
        "breath": round(_clamp(voice.breath + breath, 0.0, 1.0), 3),
        "whisper": whisper or voice.whisper,
    })
