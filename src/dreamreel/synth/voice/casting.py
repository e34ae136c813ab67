"""Casting: who speaks with which voice, which backend speaks, and voicing a played path.

``voice_lines`` is the voice stage of production: for each beat on a :class:`PlayPath` it
voices the narration (index -1) and every line of the telling played (the step's variant,
else the beat's own lines), in order, and returns the measured :class:`SpeechTiming` the
camera plans from, with the audio the mixer and the lip sync use.
"""

from __future__ import annotations

import hashlib
import math
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import nullcontext

from ...errors import BadInputError, MissingDependencyError, UnknownNameError
from ...model import Bible, Character, Story, VoiceSpec
from ...model.shot import PlayPath, SpeechTiming, SungTiming
from .base import Speech, VoiceBackend
from ..music.score import tune_for
from .design import deliver, design
from .sing import chorus, sung_line

#: Narrator voices to pick from: the one least like anyone in the cast is used, so a film's
#: narrator is a woman as often as a man. Unhurried and close to the base voice's own pitch
#: and tract, the most intelligible voices it makes.
NARRATOR_VOICES = (
    VoiceSpec(descriptor="warm, measured storyteller", median_hz=188.0, tract=1.14, pitch_range=1.0,
              speed=0.92, timbre=-0.2),
    VoiceSpec(descriptor="clear, unhurried storyteller", median_hz=112.0, tract=1.0, pitch_range=1.05,
              speed=0.92, timbre=0.2),
    VoiceSpec(descriptor="low, intimate storyteller", median_hz=104.0, tract=0.98, pitch_range=0.95,
              speed=0.9, timbre=-0.1),
    VoiceSpec(descriptor="bright, lively storyteller", median_hz=212.0, tract=1.17, pitch_range=1.2,
              speed=0.95, timbre=0.1),
)
BACKENDS = ("piper", "espeak-ng")

Progress = Callable[[int, int], None]


def _distance(a: VoiceSpec, b: VoiceSpec) -> float:
    # Pitch (in octaves) is what ears separate best, then vocal-tract size, then timbre and pace.
    return (3.0 * abs(math.log2((a.median_hz or 115.0) / (b.median_hz or 115.0)))
            + 2.0 * abs((a.tract or 1.0) - (b.tract or 1.0)) + 0.5 * abs(a.timbre - b.timbre)
            + abs(a.speed - b.speed))


def designed(character: Character) -> VoiceSpec:
    """A character's voice as the converter builds it (see :mod:`.design`)."""
    return design(character.voice, pronouns=character.pronouns, age=character.look.age,
                  species=character.look.species, name=character.name)


def voice_for(who: str, bible: Bible) -> VoiceSpec:
    """A character's designed voice from the bible; "narrator" gets its own, unlike the cast's."""
    if who == "narrator":
        if bible.narrator is not None:  # a story told by one of its characters
            return designed(bible.character(bible.narrator))
        for c in bible.cast:
            if c.role == "narrator":
                return designed(c)
        cast = [designed(c) for c in bible.cast]
        apart = [min(_distance(v, c) for c in cast) for v in NARRATOR_VOICES]
        # Every narrator clearly unlike the cast may tell it; the title picks which, so
        # films differ rather than all getting the one voice furthest from a usual cast.
        fit = [v for v, d in zip(NARRATOR_VOICES, apart) if d >= min(max(apart), 0.9)]
        pick = int.from_bytes(hashlib.sha256(bible.title.encode()).digest()[:4], "big")
        return fit[pick % len(fit)]
    try:
        return designed(bible.character(who))
    except KeyError:
        raise BadInputError(f"speaker {who!r} is not in the bible's cast "
                            f"({', '.join(c.id for c in bible.cast)})") from None


def backend(name: str) -> VoiceBackend:
    """The voice backend called ``name`` ("piper" or "espeak-ng")."""
    if name == "piper":
        from .piper_voice import PiperBackend
        return PiperBackend()
    if name in ("espeak-ng", "espeak"):
        from .espeak_voice import EspeakBackend
        return EspeakBackend()
    raise UnknownNameError(f"unknown voice backend {name!r}; known: {', '.join(BACKENDS)}")


def default_backend() -> VoiceBackend:
    """piper with the bundled voice if installed, else espeak-ng, else say how to get either."""
    problems = []
    for name in BACKENDS:
        try:
            return backend(name)
        except MissingDependencyError as e:
            problems.append(str(e))
    raise MissingDependencyError("no voice backend is installed: " + "; or ".join(problems))


def warm_up(chosen: VoiceBackend | None = None) -> None:
    """Voice one short line now, so a server's first viewer does not wait for the voice model
    to load (piper: 2-4 s, once a process). Nothing installed: nothing to warm; the film says so."""
    try:
        (chosen or default_backend()).speak("Ready.", VoiceSpec())
    except MissingDependencyError:
        pass


def line_seed(seed: int, beat: str, index: int) -> int:
    """Each line its own noise, stable under edits elsewhere in the story."""
    digest = hashlib.sha256(f"{seed}|{beat}|{index}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def voice_lines(story: Story, path: PlayPath, backend: VoiceBackend, *, seed: int = 0,
                progress: Progress | None = None
                ) -> tuple[list[SpeechTiming], dict[tuple[str, int], Speech]]:
    """Voice the narration and lines of every beat on ``path``, in playing order.

    Returns one SpeechTiming per line played (a beat played twice appears twice) and the
    audio by (beat id, line index), narration being index -1. ``progress(done, total)`` is
    called after each line, in order (if it raises, the lines not yet begun are not voiced).
    Lines are voiced ``backend.lines_at_once`` at a time (see :class:`.base.VoiceBackend`).
    """
    # (beat, index, speaker, text, (emotion, direction, sung: which sung line of the beat or None,
    #  who joins in: a number's last line is sung by all its singers together, a chorus))
    script: list[tuple[str, int, str, str, tuple[str, str | None, int | None, tuple[str, ...]]]] = []
    for n, step in enumerate(path.steps):
        where = f"path.steps[{n}]"
        try:
            beat = story.graph.beat(step.beat)
        except KeyError:
            raise BadInputError(f"beat {step.beat!r} is not in story {story.id!r}", where=where) from None
        narration, lines = beat.narration, beat.lines
        if step.variant is not None:
            if step.variant not in beat.variants:
                raise BadInputError(f"beat {beat.id!r} has no {step.variant!r} variant "
                                    f"(it has: {', '.join(beat.variants) or 'none'})", where=where)
            told = beat.variants[step.variant]
            narration, lines = told.narration or beat.narration, told.lines
        if narration.strip():
            script.append((beat.id, -1, "narrator", narration.strip(), ("neutral", None, None, ())))
        singers = list(dict.fromkeys(ln.speaker for ln in lines if ln.delivery == "sung"))
        last_sung = max((i for i, ln in enumerate(lines) if ln.delivery == "sung"), default=None)
        sung = 0
        for i, ln in enumerate(lines):
            joins = tuple(w for w in singers if w != ln.speaker) if i == last_sung and len(singers) > 1 else ()
            script.append((beat.id, i, ln.speaker, ln.text, (ln.emotion, ln.direction,
                                                            sung if ln.delivery == "sung" else None, joins)))
            sung += ln.delivery == "sung"

    voices: dict[str, VoiceSpec] = {}
    for _, _, speaker, _, (_, _, _, joins) in script:
        for who in (speaker, *joins):
            if who not in voices:
                voices[who] = voice_for(who, story.bible)
    tune = tune_for(story.bible.style, story.bible.genres, seed)
    # A beat played again usually says the same thing: voice it once. (Played again in another
    # variant, the later telling's audio is the one kept under its key.) Which lines are voiced
    # anew depends only on the script, so it is known before any is voiced.
    said: dict[tuple[str, int], str] = {}
    anew: list[bool] = []
    for beat_id, index, _, text, _ in script:
        anew.append(said.get((beat_id, index)) != text)
        said[(beat_id, index)] = text

    def speak(beat_id: str, index: int, speaker: str, text: str,
              how: tuple[str, str | None, int | None, tuple[str, ...]]) -> Speech:
        emotion, direction, sung, joins = how
        seed_here = line_seed(seed, beat_id, index)
        voice = deliver(voices[speaker], emotion, direction)
        speech = backend.speak(text, voice, seed=seed_here)
        if sung is not None:  # a musical's number: sung to the score's key and tempo
            speech = sung_line(speech, tune, voice.median_hz or 115.0, answer=sung % 2 == 1, seed=seed_here)
            others = []
            for k, who in enumerate(joins):
                theirs = deliver(voices[who], emotion, direction)
                others.append((backend.speak(text, theirs, seed=seed_here + k + 1), theirs.median_hz or 115.0))
            speech = chorus(speech, others, tune, seed=seed_here)
        return speech

    timings: list[SpeechTiming] = []
    speeches: dict[tuple[str, int], Speech] = {}
    at_once = max(1, min(int(getattr(backend, "lines_at_once", 1) or 1), sum(anew)))
    with ThreadPoolExecutor(at_once, thread_name_prefix="dreamreel-line") if at_once > 1 else nullcontext() as pool:
        # Lines are voiced ``at_once`` side by side (each line's samples depend only on its text,
        # voice and seed, so the order they finish in changes nothing) and taken in script order.
        pending: deque[Future[Speech]] = deque()
        todo = iter([(i, entry) for i, entry in enumerate(script) if anew[i]])

        def submit() -> None:
            nxt = next(todo, None)
            if nxt is not None:
                assert pool is not None
                pending.append(pool.submit(speak, *nxt[1]))

        if pool is not None:
            for _ in range(at_once):
                submit()
        try:
            for done, (beat_id, index, speaker, text, how) in enumerate(script, 1):
                key = (beat_id, index)
                if anew[done - 1]:
                    if pool is None:
                        speeches[key] = speak(beat_id, index, speaker, text, how)
                    else:
                        speeches[key] = pending.popleft().result()
                        submit()
                speech = speeches[key]
                # a sung line tells the cut where its first note is, so it can start it on a bar line
                song = SungTiming(first_note=speech.notes[0][0], beat_s=60.0 / tune.bpm, meter=tune.meter) \
                    if speech.notes else None
                timings.append(SpeechTiming(beat=beat_id, index=index, speaker=speaker, text=text,
                                            duration=speech.duration, words=speech.words, song=song))
                if progress is not None:
                    progress(done, len(script))
        finally:
            for f in pending:  # (given up, or failed: the lines not started are not voiced)
                f.cancel()
    return timings, speeches
