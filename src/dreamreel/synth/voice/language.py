"""Which language a sentence in Latin letters is in: English (the voices' own) or another.

A script in English sometimes has a character speak French, Spanish or German ("Je ne sais pas,
mon ami", "¡Vámonos, ahora!"). Read by the English phonemizer those come out as English
spelling-pronunciation; :func:`language_of` names the language so the line is phonemized by
espeak-ng's rules for it, in the character's own voice (see :mod:`.reading`).

English must never be read as something else, so two judges must agree:

* most of the sentence's words are not English: a word is English if lemminflect's lexicon
  knows it or it is one of English's small closed-class words; names (capitalised words after
  the first, with their particles: "Rio de Janeiro", "Ludwig van Beethoven") are not counted,
  and a sentence needs at least two words of evidence ("Bonjour, Marie." alone stays English);
* lingua (a language identifier made for short text; its models ship in the wheel), asked
  among English and the languages in :data:`LANGUAGES`, does not pick English.

Loanwords inside English ("Sure thing, señor.", "Déjà vu again?") stay English, as an English
speaker says them. The detector is loaded only when a sentence passes the first judge, so an
English film never loads it.
"""

from __future__ import annotations

import functools
import importlib.metadata
import re
from typing import Any

#: espeak-ng language -> (lingua's name for it, the language's name). Each is in the system's
#: espeak-ng and in the espeak-ng data piper ships. Kept to the languages most often dropped
#: into English scripts: every one added makes short sentences harder to tell apart.
LANGUAGES: dict[str, tuple[str, str]] = {
    "fr": ("FRENCH", "French"), "es": ("SPANISH", "Spanish"), "de": ("GERMAN", "German"),
    "it": ("ITALIAN", "Italian"), "pt": ("PORTUGUESE", "Portuguese"), "nl": ("DUTCH", "Dutch"),
}
#: Share of a sentence's counted words that may be English and it still be foreign.
ENGLISH_SHARE = 1 / 4
#: Fewest counted words a sentence needs to be judged foreign on its own.
EVIDENCE = 2

# English's closed-class words (lemminflect's lexicon has only open-class ones) and its
# interjections.
_ENGLISH = set("""
a an the and or but nor so yet if then than that this these those there here where when why how
what which who whom whose whoever whatever whichever i me my mine myself you your yours yourself
yourselves he him his himself she her hers herself it its itself we us our ours ourselves they
them their theirs themselves one ones oneself is am are was were be been being do does did done
have has had having shall should will would can could may might must ought of to in on at by for
with from into onto upon about above below over under after before between among through during
without within against along around across behind beyond near off out up down since until till
unto as not no yes yeah yep nope oh ah aha uh um hm hmm mm huh hey hi hello bye goodbye okay ok
please thanks thank sorry well now just too very also only even still ever never always all any
some each every both either neither none nothing something anything everything someone anyone
everyone somebody anybody everybody nobody nowhere somewhere anywhere everywhere mr mrs ms dr st
""".split())
_APOSTROPHE_ENDS = ("n't", "'s", "'m", "'re", "'ve", "'ll", "'d", "s'")
#: A run of letters (with inner apostrophes and hyphens); "1980s" is no word.
_TOKEN = re.compile(r"[\w'’-]+")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*'?")
#: Words as common in the other languages as in English ("No sé", "Non lo so"): no evidence
#: either way.
_SHARED = {"no", "a", "o", "e", "i", "in", "so", "die", "also", "was", "come", "me", "son", "per",
           "con", "den", "dan", "ne", "see"}
#: Lower-case words that belong to the name around them ("Rio de Janeiro", "Vincent van Gogh").
_PARTICLES = {"de", "da", "das", "do", "dos", "del", "della", "di", "du", "des", "la", "le", "van", "von",
              "der", "den", "ter", "y", "e", "al", "el", "bin", "ibn", "ben", "mac", "af", "zu"}


def _english(word: str) -> bool:
    w = word.lower().replace("’", "'")
    if w in _ENGLISH or w.endswith(_APOSTROPHE_ENDS):
        return True
    if not w.isascii():
        return False
    from lemminflect import getAllLemmas

    return any(bool(getAllLemmas(part)) or part in _ENGLISH for part in w.split("-"))


def counted(sentence: str) -> list[str]:
    """The words that speak for a sentence's language: names (capitalised after the first
    word, with the particles between them) left out."""
    words = [t.strip("-") for t in _TOKEN.findall(sentence) if _WORD.fullmatch(t.strip("-"))]
    keep = []
    for i, w in enumerate(words):
        if i and w[0].isupper():
            continue
        if (w in _PARTICLES and 0 < i < len(words) - 1 and words[i - 1][0].isupper()
                and words[i + 1][0].isupper()):
            continue
        if w.lower() not in _SHARED:
            keep.append(w)
    return keep


def looks_foreign(sentence: str) -> bool:
    """The first judge: enough of the sentence's counted words are not English."""
    words = counted(sentence)
    if len(words) < EVIDENCE:
        return False
    english = sum(_english(w) for w in words)
    return english <= ENGLISH_SHARE * len(words)


@functools.lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    wanted = [Language.ENGLISH] + [getattr(Language, name) for name, _ in LANGUAGES.values()]
    return LanguageDetectorBuilder.from_languages(*wanted).build()


def available() -> bool:
    try:
        importlib.metadata.version("lingua-language-detector")
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


def language_of(sentence: str) -> str | None:
    """The espeak-ng language of a sentence in another Latin-script language, None for English
    (or when in doubt, or without lingua installed)."""
    if not looks_foreign(sentence) or not available():
        return None
    return _identify(sentence)


def languages(sentences: list[str]) -> list[str | None]:
    """:func:`language_of` for consecutive sentences of one line, where a sentence too short to
    judge ("Bonjour, Marie.", "¡Cuidado, Pedro!") takes the language of the sentence before it,
    else of the one after it (English when neither is foreign)."""
    judged: list[str | None] = []
    decided: list[bool] = []
    for sentence in sentences:
        judged.append(language_of(sentence))
        decided.append(len(counted(sentence)) >= EVIDENCE)
    out = list(judged)
    for i, ok in enumerate(decided):
        if ok:
            continue
        near = [j for j in range(i - 1, -1, -1) if decided[j]] or [j for j in range(i + 1, len(judged)) if decided[j]]
        out[i] = judged[near[0]] if near else None
    return out


def _identify(sentence: str) -> str | None:
    found = _detector().detect_language_of(" ".join(counted(sentence)))
    if found is None:
        return None
    for code, (name, _) in LANGUAGES.items():
        if found.name == name:
            return code
    return None


def name(code: str) -> str:
    """The language's name in English ("French")."""
    return LANGUAGES[code][1]


def version() -> str:
    """What decides the languages, for the voice cache's key."""
    return f"lingua {importlib.metadata.version('lingua-language-detector')}" if available() else "no lingua"
