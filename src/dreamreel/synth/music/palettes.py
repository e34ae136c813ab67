"""What each genre sounds like: mode, tempo range, chord progression, instruments and grooves.

The bible's ``StyleGuide.music`` text refines the genre: instrument words in it ("muted
trumpet", "harp", "synth pads") replace the genre's defaults for the role they play, so a
custom style written by an LLM still gets an arrangement that matches its words.
"""

import re
from dataclasses import dataclass, replace

#: chord qualities as semitones above the chord root
CHORDS: dict[str, tuple[int, ...]] = {
    "maj": (0, 4, 7), "min": (0, 3, 7), "dim": (0, 3, 6), "sus2": (0, 2, 7), "sus4": (0, 5, 7),
    "7": (0, 4, 7, 10), "maj7": (0, 4, 7, 11), "m7": (0, 3, 7, 10), "m7b5": (0, 3, 6, 10),
    "madd9": (0, 3, 7, 14), "add9": (0, 4, 7, 14),
}
SCALES: dict[str, tuple[int, ...]] = {
    "major": (0, 2, 4, 5, 7, 9, 11),
    "minor": (0, 2, 3, 5, 7, 8, 10),
}


@dataclass(frozen=True)
class Palette:
    mode: str                                # "major" or "minor"
    tempo: tuple[int, int]                   # bpm at tension 0 and at tension 1
    progression: tuple[tuple[int, str], ...]  # (semitones above the key, chord quality), one a bar
    lead: str | None
    pad: str | None
    bass: str | None
    comp: str | None                         # rhythmic chords / arpeggio / ostinato
    comp_style: str                          # "charleston", "strum", "offbeat", "arpeggio", "pulse", "none"
    bass_style: str                          # "walking", "root_fifth", "roots", "pedal", "eighths"
    kit: tuple[str, str, str]                # (low, backbeat, time-keeper) drum names
    meter: int = 4
    swing: float = 0.0                       # 0 straight .. 1/3 full triplet swing
    reverb: float = 1.8                      # RT60 seconds
    sting: str = "brass"                     # "brass", "dissonant", "timpani"
    keys: tuple[int, ...] = (2, 5, 7, 9)     # key roots (pitch classes) the seed chooses from


PALETTES: dict[str, Palette] = {
    "noir": Palette("minor", (72, 120), ((0, "m7"), (5, "m7"), (2, "m7b5"), (7, "7")), "muted_trumpet", None,
                    "upright_bass", "epiano", "charleston", "walking", ("kick", "brush", "ride"), swing=0.28, reverb=1.6),
    "scifi": Palette("minor", (80, 124), ((0, "madd9"), (8, "maj7"), (3, "maj"), (10, "sus2")), "piano", "analog_pad",
                     "synth_bass", "pulse", "pulse", "roots", ("kick", "hat", "hat"), reverb=3.0),
    "cyberpunk": Palette("minor", (96, 132), ((0, "min"), (8, "maj"), (10, "maj"), (0, "min")), "synth_lead", "analog_pad",
                         "synth_bass", "pulse", "pulse", "eighths", ("kick", "snare", "hat"), reverb=2.2),
    "fantasy": Palette("major", (70, 116), ((0, "maj"), (9, "min"), (5, "maj"), (7, "maj")), "horn", "strings",
                       "cello", "harp", "arpeggio", "roots", ("timpani", "snare", "none"), reverb=2.8, sting="timpani"),
    "horror": Palette("minor", (56, 96), ((0, "min"), (1, "maj"), (0, "min"), (6, "dim")), "music_box", "drone",
                      None, "strings", "tremolo", "pedal", ("boom", "none", "none"), reverb=3.2, sting="dissonant",
                      keys=(1, 4, 6, 11)),
    "western": Palette("major", (84, 132), ((0, "maj"), (5, "maj"), (0, "maj"), (7, "maj")), "harmonica", None,
                       "upright_bass", "twang_guitar", "strum", "root_fifth", ("frame_drum", "woodblock", "shaker"),
                       reverb=2.0, keys=(4, 7, 9, 2)),
    "romance": Palette("major", (66, 104), ((0, "maj7"), (9, "m7"), (2, "m7"), (7, "7")), "piano", "strings",
                       "cello", "harp", "arpeggio", "roots", ("none", "none", "none"), meter=3, reverb=2.4),
    "comedy": Palette("major", (100, 150), ((0, "maj"), (5, "maj"), (7, "7"), (0, "maj")), "clarinet", None,
                      "tuba", "pizzicato", "offbeat", "root_fifth", ("woodblock", "snare", "shaker"), reverb=1.2,
                      sting="brass"),
    "mystery": Palette("minor", (84, 124), ((0, "min"), (5, "min"), (7, "7"), (0, "min")), "clarinet", None,
                       "pizzicato", "harpsichord", "offbeat", "root_fifth", ("woodblock", "brush", "shaker"), reverb=1.5),
    "thriller": Palette("minor", (90, 136), ((0, "min"), (0, "min"), (8, "maj"), (7, "maj")), "cimbalom", "strings",
                        "synth_bass", "pulse", "pulse", "eighths", ("kick", "snare", "hat"), reverb=2.0, sting="dissonant"),
    "postapoc": Palette("minor", (70, 118), ((0, "min"), (10, "maj"), (8, "maj"), (10, "maj")), "twang_guitar", "drone",
                        "upright_bass", None, "none", "pedal", ("frame_drum", "shaker", "shaker"), reverb=2.6),
    "adventure": Palette("major", (96, 144), ((0, "maj"), (10, "maj"), (5, "maj"), (7, "maj")), "brass", "strings",
                         "cello", "fiddle", "arpeggio", "root_fifth", ("timpani", "snare", "snare"), reverb=2.2,
                         sting="timpani"),
    # a slow minor march: a lone horn over low strings and cellos, a snare far off, timpani when it closes in
    "war": Palette("minor", (56, 100), ((0, "min"), (8, "maj"), (5, "min"), (7, "sus4")), "horn", "strings",
                   "cello", None, "none", "pedal", ("timpani", "snare", "snare"), reverb=2.6, sting="timpani",
                   keys=(2, 4, 7, 9)),
    "ambient": Palette("minor", (70, 110), ((0, "madd9"), (8, "maj7"), (5, "min"), (7, "sus4")), "piano", "analog_pad",
                       "synth_bass", None, "none", "roots", ("kick", "hat", "hat"), reverb=2.8),
}

ALIASES = {
    "sci-fi": "scifi", "sci fi": "scifi", "science fiction": "scifi", "space opera": "scifi",
    "cyber punk": "cyberpunk", "film noir": "noir", "neo-noir": "noir", "post-apocalyptic": "postapoc",
    "post apocalyptic": "postapoc", "gothic": "horror", "romantic": "romance", "spy": "thriller",
    "whodunit": "mystery", "pirate": "adventure", "cowboy": "western",
    "war film": "war", "war movie": "war", "war drama": "war", "war story": "war", "wartime": "war",
}

#: words in StyleGuide.music -> (role, instrument); earlier words in the text win a role
KEYWORDS: tuple[tuple[str, str, str], ...] = (
    (r"muted trumpet|trumpet", "lead", "muted_trumpet"), (r"brass|fanfare", "lead", "brass"),
    (r"\bhorns?\b", "lead", "horn"), (r"clarinet|woodwind|flute|oboe", "lead", "clarinet"),
    (r"harmonica", "lead", "harmonica"), (r"whistl", "lead", "whistle"), (r"fiddle|violin", "lead", "fiddle"),
    (r"music box", "lead", "music_box"), (r"cimbalom|dulcimer", "lead", "cimbalom"),
    (r"saxophone|\bsax\b", "lead", "clarinet"), (r"synth lead|synthwave", "lead", "synth_lead"),
    (r"piano", "lead", "piano"), (r"twang|baritone guitar", "lead", "twang_guitar"),
    (r"synth pads?|analog|pads?\b", "pad", "analog_pad"), (r"choir|voices", "pad", "choir"),
    (r"organ", "pad", "organ"), (r"drones?", "pad", "drone"), (r"(?<!pizzicato )strings|orchestra|quartet", "pad", "strings"),
    (r"upright bass|double bass|walking bass", "bass", "upright_bass"), (r"tuba", "bass", "tuba"),
    (r"distorted bass|synth bass|bass synth", "bass", "synth_bass"),
    (r"harp\b", "comp", "harp"), (r"pizzicato", "comp", "pizzicato"), (r"harpsichord", "comp", "harpsichord"),
    (r"twang", "comp", "twang_guitar"), (r"\bguitar", "comp", "guitar"), (r"pulse|ostinato|ticking", "comp", "pulse"),
    (r"electric piano|rhodes", "comp", "epiano"),
)
COMP_STYLE = {"harp": "arpeggio", "pizzicato": "offbeat", "harpsichord": "offbeat", "guitar": "strum",
              "pulse": "pulse", "epiano": "charleston", "twang_guitar": "strum"}


def genre_key(name: str) -> str:
    key = re.sub(r"\s+", " ", name.strip().lower())
    key = ALIASES.get(key, key).replace("-", "").replace(" ", "")
    return key if key in PALETTES else "ambient"


def palette_for(genres: list[str], music_text: str) -> Palette:
    """The first genre's palette; the second fills roles the first leaves empty; the text refines."""
    keys = [genre_key(g) for g in genres] or ["ambient"]
    pal = PALETTES[keys[0]]
    if len(keys) > 1 and keys[1] != keys[0]:
        other = PALETTES[keys[1]]
        if pal.pad is None and other.pad:
            pal = replace(pal, pad=other.pad)
        if pal.comp is None and other.comp:
            pal = replace(pal, comp=other.comp, comp_style=other.comp_style)
    text = music_text.lower()
    found: dict[str, tuple[int, str]] = {}
    named: set[str] = set()
    for pattern, role, inst in KEYWORDS:
        m = re.search(pattern, text)
        if m:
            named.add(inst)
            if role not in found or m.start() < found[role][0]:
                found[role] = (m.start(), inst)
    # the genre's own instrument for a role stays when the text names it too (horror keeps its drone)
    found = {role: v for role, v in found.items() if getattr(pal, role) not in named}
    for role, (_, inst) in found.items():
        if role == "comp":
            pal = replace(pal, comp=inst, comp_style=COMP_STYLE.get(inst, pal.comp_style))
        elif role == "bass" and inst == "upright_bass" and "walking" in text:
            pal = replace(pal, bass=inst, bass_style="walking")
        elif role == "bass":
            pal = replace(pal, bass=inst)
        elif role == "pad":
            pal = replace(pal, pad=inst)
        else:
            pal = replace(pal, lead=inst)
    if re.search(r"brush", text):
        pal = replace(pal, kit=(pal.kit[0], "brush", pal.kit[2]))
    return pal
