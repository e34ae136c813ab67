"""How a voice reads a line it was not made for: what is said, in which language, what is left out.

Every voice backend reads a line through :func:`read` before it speaks, so the film and its
QC agree on what was said (production turns the notes into QC warnings, at the line's place):

* nothing a voice can say (no letter or digit: " ", "...", "@#$%!", "🙂🚂") -> the line is held
  as a pause (a grawlix is not read out as "at hash dollar percent");
* emoji and pictographs inside a line -> left unsaid (not read out as "slightly smiling face");
* another script (Cyrillic, Chinese, Arabic, Greek ...) -> each run of it is spoken in its
  language by espeak-ng's phonemes for that language (piper keeps the character's voice;
  an English phonemizer would spell it letter by letter: "Chinese letter, Chinese letter");
* another language in Latin letters (French, Spanish, German ...: :mod:`.language`) -> each
  such sentence is spoken by espeak-ng's phonemes for that language, the same way;
* a script no voice here reads -> that run is left unsaid;
* a very long line is voiced whole (the captions split it); nothing is cut.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from . import language

#: Unicode script (the first word of a letter's name) -> (espeak-ng language, language's name).
#: Each is in both the system's espeak-ng and the espeak-ng data piper ships.
SCRIPTS: dict[str, tuple[str, str]] = {
    "CYRILLIC": ("ru", "Russian"), "GREEK": ("el", "Greek"), "ARABIC": ("ar", "Arabic"),
    "HEBREW": ("he", "Hebrew"), "DEVANAGARI": ("hi", "Hindi"), "BENGALI": ("bn", "Bengali"),
    "TAMIL": ("ta", "Tamil"), "TELUGU": ("te", "Telugu"), "GUJARATI": ("gu", "Gujarati"),
    "GURMUKHI": ("pa", "Punjabi"), "KANNADA": ("kn", "Kannada"), "MALAYALAM": ("ml", "Malayalam"),
    "THAI": ("th", "Thai"), "ARMENIAN": ("hy", "Armenian"), "GEORGIAN": ("ka", "Georgian"),
    "HANGUL": ("ko", "Korean"), "HIRAGANA": ("ja", "Japanese"), "KATAKANA": ("ja", "Japanese"),
    "CJK": ("cmn", "Mandarin Chinese"), "ETHIOPIC": ("am", "Amharic"), "SINHALA": ("si", "Sinhala"),
    "MYANMAR": ("my", "Burmese"),
}
#: Scripts the voice's own (English) phonemizer reads.
OWN = {"LATIN", "FULLWIDTH", "DIGIT"}
_SHOWN = {"CJK": "Han", "KANA": "Japanese"}
#: Where a sentence ends inside a run of Latin letters.
_SENTENCE_END = re.compile(r"(?<=[.!?\u2026])[\"'\u201d\u2019)\]]*\s+")
#: Longer than this many characters, a line is said to be long in the notes (it is still voiced whole).
LONG_CHARS = 600


@dataclass(frozen=True)
class Reading:
    """What a voice says for a line: runs of (text, espeak-ng language or None for the voice's
    own), and notes on what was skipped or changed (empty when the line is read as written)."""

    runs: tuple[tuple[str, str | None], ...]
    notes: tuple[str, ...] = ()

    @property
    def silent(self) -> bool:
        """Nothing to say: the line is held as a pause."""
        return not self.runs

    @property
    def text(self) -> str:
        """What is said, as one string (emoji and unread scripts taken out)."""
        return " ".join(t for t, _ in self.runs)


def _pictograph(ch: str) -> bool:
    cat = unicodedata.category(ch)
    # other symbols (emoji, dingbats), and the joiners and selectors that build emoji sequences
    return cat == "So" or cat == "Sk" and ord(ch) > 0x2000 or ch in "\u200d\ufe0e\ufe0f" or 0x1F3FB <= ord(ch) <= 0x1F3FF


def _script(ch: str) -> str | None:
    """A letter's script (its name's first word), None for anything else (digits, spaces, marks
    and punctuation belong to the run they are in)."""
    if not ch.isalpha():
        return None
    try:
        return unicodedata.name(ch).split()[0]
    except ValueError:
        return "UNKNOWN"


def read(text: str) -> Reading:
    """How a voice reads ``text`` (see the module docstring)."""
    notes: list[str] = []
    kept = "".join(" " if _pictograph(ch) else ch for ch in text)
    if kept != text and any(ch.isalnum() for ch in kept):
        notes.append("emoji and pictographs left unsaid")
    if not any(ch.isalnum() for ch in kept):
        shown = text.strip()
        return Reading((), (f"nothing a voice can say ({shown[:40]!r}): held as a pause" if shown
                            else "an empty line: held as a pause",))
    japanese = any(_script(ch) in ("HIRAGANA", "KATAKANA") for ch in kept)
    runs: list[list] = []  # [text, script]; digits, spaces and punctuation join the run they are in
    for ch in kept:
        script = _script(ch)
        if script is not None:
            script = "LATIN" if script in OWN else script
            script = "KANA" if japanese and script in ("CJK", "HIRAGANA", "KATAKANA") else script
        if runs and (script is None or script == runs[-1][1]):
            runs[-1][0] += ch
        elif runs and runs[-1][1] is None:  # what leads the first letter takes its script
            runs[-1] = [runs[-1][0] + ch, script]
        else:
            runs.append([ch, script])
    out: list[tuple[str, str | None]] = []
    unread: list[str] = []
    told: list[str] = []
    for chunk, script in _by_language(runs):
        chunk = " ".join(chunk.split())
        if not any(ch.isalnum() for ch in chunk):
            continue
        if script in (None, "LATIN"):
            lang = None
        elif script in language.LANGUAGES:
            lang = script
            told.append(f"{language.name(script)} detected: spoken with {language.name(script)} pronunciation")
        elif script == "KANA" or script in SCRIPTS:
            lang, name = ("ja", "Japanese") if script == "KANA" else SCRIPTS[script]
            told.append(f"{_SHOWN.get(script, script.title())} script spoken as {name}")
        else:
            unread.append(_SHOWN.get(script, script.title()))
            continue
        if out and out[-1][1] == lang:
            out[-1] = (f"{out[-1][0]} {chunk}", lang)
        else:
            out.append((chunk, lang))
    notes += dict.fromkeys(told)
    if unread:
        notes.append(f"{', '.join(dict.fromkeys(unread))} script left unsaid: no voice here reads it")
    if not out:
        return Reading((), tuple(notes) + ("nothing left to say: held as a pause",))
    if len(text) > LONG_CHARS:
        notes.append(f"a long line ({len(text)} characters): voiced whole")
    return Reading(tuple(out), tuple(notes))


def _by_language(runs: list[list]) -> list[list]:
    """Runs of Latin letters cut into sentences, each sentence in another language marked with
    that language's espeak-ng code in place of its script (consecutive ones joined)."""
    out: list[list] = []
    for chunk, script in runs:
        if script != "LATIN":
            out.append([chunk, script])
            continue
        sentences = [p for p in _SENTENCE_END.split(chunk) if p.strip()]
        for sentence, lang in zip(sentences, language.languages(sentences)):
            mark = lang or "LATIN"
            if out and out[-1][1] == mark:
                out[-1][0] += " " + sentence
            else:
                out.append([sentence, mark])
    return out
