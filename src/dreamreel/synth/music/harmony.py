"""A song's harmony: the chord of each bar, chosen from the sung melody, and a harmony part.

    a sung line's notes (start s, length s, midi), its first note on a bar line
      -> song_chords: each bar's chord, the key's triad that holds most of the bar's notes
         (longer and on-the-beat notes count more; a tie goes to the tonic, then the dominant,
         the subdominant ...) among those with a tone a third to a sixth from every note of the
         bar (the leading tone has none in the subdominant: a bar of D major's C# was a IV with
         its harmony a second or a tritone off, or off the chord)
      -> harmony: for each note the chord tone a third or a sixth from it (else a chord tone
         a fourth or a fifth from it), in the harmonising singer's register, moving as little
         as possible from note to note: always a tone of the chord the band plays under it

The score (score.py) plays the same chords under the song, from the same notes on the same bar
grid, and the chorus (synth/voice/sing.py) sings the harmony: both call :func:`song_chords`, so
what the band plays is what the singers harmonise against. Each bar is read on its own (no
memory of the last), so a line alone and the section it sits in give the same chords.
"""

from __future__ import annotations

import math


Chord = tuple[int, str]  # (semitones above the key, quality), as a palette's progression writes it
Notes = list[tuple[float, float, int]] | tuple[tuple[float, float, int], ...]

#: The key's triads, most usual first (the order breaks a tie).
TRIADS: dict[str, tuple[Chord, ...]] = {
    "major": ((0, "maj"), (7, "maj"), (5, "maj"), (9, "min"), (2, "min"), (4, "min")),
    # the minor's dominant is major (harmonic minor): a sung line cadences home on it
    "minor": ((0, "min"), (7, "maj"), (5, "min"), (8, "maj"), (3, "maj"), (10, "maj")),
}
QUALITY = {"maj": (0, 4, 7), "min": (0, 3, 7)}
#: Intervals (semitones, either way, octaves aside) a harmony sings against the tune: thirds and sixths.
SWEET = {3, 4, 8, 9}
#: ... and the other intervals a harmony may sing (fourths and fifths): no seconds, no tritone.
OPEN = {5, 7}


def _sings_against(pc: int, tones: set[int]) -> bool:
    """Whether a chord with ``tones`` has one a third to a sixth (not a tritone) from ``pc``."""
    return any((pc - q) % 12 in SWEET | OPEN for q in tones)


def chord_pcs(key: int, chord: Chord) -> set[int]:
    return {(key + chord[0] + i) % 12 for i in QUALITY.get(chord[1], (0, 4, 7))}


def bar_of(t: float, origin: float, bar_s: float) -> int:
    """The bar a note starting at ``t`` falls in (a hair early still counts as on the line)."""
    return math.floor((t - origin) / bar_s + 1e-3)


def song_chords(notes: Notes, key: int, mode: str, *, origin: float, bar_s: float, beat_s: float) -> dict[int, Chord]:
    """The chord of every bar that has a note starting in it: {bar index from ``origin``: chord}."""
    weights: dict[int, dict[int, float]] = {}
    for t, d, m in notes:
        bar = bar_of(t, origin, bar_s)
        pos = (t - origin - bar * bar_s) / beat_s
        strong = 1.5 if abs(pos - round(pos)) < 0.05 and round(pos) % 2 == 0 else 1.0
        w = weights.setdefault(bar, {})
        w[m % 12] = w.get(m % 12, 0.0) + min(d, 2 * beat_s) * strong
    triads = TRIADS.get(mode, TRIADS["major"])
    out: dict[int, Chord] = {}
    for bar, w in weights.items():
        # a chord a harmony can sing every note of the bar against (one always exists for a
        # tune in the key's scale; a bar with chromatic notes falls back to every triad)
        fit = [c for c in triads if all(_sings_against(pc, chord_pcs(key, c)) for pc in w)] or list(triads)
        scores = [sum(v for pc, v in w.items() if pc in chord_pcs(key, c)) for c in fit]
        out[bar] = fit[scores.index(max(scores))]  # the first (most usual) of the best
    return out


def harmony(notes: Notes, key: int, mode: str, *, centre: float, beat_s: float, meter: int,
            part: int = 0) -> list[tuple[float, float, int]]:
    """A harmony part for ``notes`` (a line whose first note starts bar 0): same times, each
    pitch a chord tone of its bar a third or a sixth from the tune's note, near ``centre``
    (midi). ``part`` 1, 2 ... picks the next chord tone, so several singers make a chord."""
    if not notes:
        return []
    origin = notes[0][0]
    bar_s = beat_s * meter
    chords = song_chords(notes, key, mode, origin=origin, bar_s=bar_s, beat_s=beat_s)
    out: list[tuple[float, float, int]] = []
    last: int | None = None
    for t, d, m in notes:
        pcs = chord_pcs(key, chords[bar_of(t, origin, bar_s)])
        sweet = sorted((pc for pc in pcs if (m - pc) % 12 in SWEET), key=lambda pc: ((m - pc) % 12 not in (3, 4), pc))
        # else a fourth or a fifth in the chord; a second or a seventh against the tune, never
        open_ = sorted(pc for pc in pcs if (m - pc) % 12 in OPEN)
        # else (a chromatic note, which song_chords could not fit) the chord tone that rubs least:
        # the harmony stays on the band's chord
        rough = sorted((pc for pc in pcs if pc != m % 12), key=lambda pc: (min((m - pc) % 12, (pc - m) % 12) != 6, pc))
        choices = sweet + open_ if sweet else open_ or rough
        pc = choices[part % len(choices)]
        cands = [p for p in range(int(centre) - 9, int(centre) + 10) if p % 12 == pc and p != m]
        ref = centre if last is None else (last + centre) / 2
        p = min(cands, key=lambda p: (abs(p - ref), p))
        out.append((t, d, p))
        last = p
    return out
