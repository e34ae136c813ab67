"""Estimated speech timings, for when no voices exist yet.

The voice stage measures real durations of every voiced line of a path (see
``director.path.voiced_lines``); ``estimate_timings`` guesses them from the text so the camera
can plan before any audio is made (and tests need no voice).
"""

import re

from ..director.path import voiced_lines
from ..errors import BadInputError
from ..model.shot import PlayPath, SpeechTiming, WordTiming
from ..model.story import Story

#: A pause after a sentence end or a comma, in seconds of speech.
_STOP_PAUSE, _COMMA_PAUSE = 0.22, 0.1
_WORDS = re.compile(r"\S+")


def estimate(text: str, speaker: str, beat: str, index: int, words_per_second: float = 2.6,
             speed: float = 1.0) -> SpeechTiming:
    """A text-length estimate of how a line is spoken, with evenly paced word timings."""
    words = _WORDS.findall(text)
    per_char = 1.0 / (words_per_second * speed * 5.5)  # about 5.5 characters a word, with its space
    t, timed = 0.0, []
    for i, w in enumerate(words):
        length = (len(w) + 1) * per_char
        timed.append(WordTiming(word=w, start=round(t, 4), end=round(t + length, 4)))
        t += length
        if i + 1 < len(words):
            t += _STOP_PAUSE if w[-1] in ".!?" else _COMMA_PAUSE if w[-1] in ",;:" else 0.0
    duration = round(max(t, 0.4), 4)
    return SpeechTiming(beat=beat, index=index, speaker=speaker, text=text, duration=duration, words=timed)


def estimate_timings(story: Story, path: PlayPath, words_per_second: float = 2.6) -> list[SpeechTiming]:
    """Estimated timings for every voiced line of the path (narration at the narrator's pace)."""
    if words_per_second <= 0:
        raise BadInputError(f"words_per_second must be positive, got {words_per_second}")
    out = []
    for v in voiced_lines(story, path):
        speed = 1.0 if v.speaker == "narrator" else story.bible.character(v.speaker).voice.speed
        out.append(estimate(v.text, v.speaker, v.beat, v.index, words_per_second, speed))
    return out
