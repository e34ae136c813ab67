"""Fill genre templates with this story's names and places, within the viewer's limits.

Every template is scanned after filling (narrative.rating) and skipped when it would go
over the rating, the viewer's content limits or a theme they asked to avoid; kits give
alternatives for exactly this reason.
"""

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Character, ContentFlag
from .rating import avoid_hits, ceiling, scan

_PRONOUNS = {
    "she": ("she", "her", "her"),
    "he": ("he", "him", "his"),
    "they": ("they", "them", "their"),
}


#: Titles a first name can carry, said together: "Mr Whiskers", "Captain Flint".
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "captain", "sir", "lady", "lord", "professor", "auntie", "uncle",
                     "granny", "grandpa", "madame", "monsieur", "señor", "señora", "sister", "brother", "father",
                     "mother", "king", "queen", "prince", "princess", "detective", "inspector"})


@dataclass(frozen=True)
class Person:
    """A character as template slots see them: ``{hero}``, ``{hero.full}``, ``{hero.their}``."""

    name: str
    full: str
    they: str
    them: str
    their: str
    #: What they are, as a noun: "chef", "dragon", "lighthouse keeper".
    job: str = ""

    @property
    def They(self) -> str:
        return self.they.capitalize()

    @property
    def Their(self) -> str:
        return self.their.capitalize()

    def __str__(self) -> str:
        return self.name

    def __format__(self, spec: str) -> str:
        return format(self.name, spec)

    @classmethod
    def named(cls, name: str, pronouns: str, job: str = "") -> "Person":
        they, them, their = _PRONOUNS[pronouns]
        parts = name.split()
        # "Mr Whiskers", "Captain Flint": a title is said with the name it goes with
        first = " ".join(parts[:2]) if len(parts) > 1 and parts[0].rstrip(".").lower() in _TITLES else parts[0]
        return cls(name=first, full=name, they=they, them=them, their=their, job=job or "stranger")

    @classmethod
    def of(cls, c: Character, job: str = "") -> "Person":
        return cls.named(c.name, c.pronouns, job)


#: A time said twice in one sentence, once by the template and once by a place's name ("Dawn
#: finds Pavel alone at the embankment at dawn"): the second goes.
_TWICE_WHEN = re.compile(r"(?i)\b(dawn|dusk|midnight|sunrise|sunset|night)\b([^.!?]*?) at \1\b")


class Writer:
    """Picks and fills templates for one story, deterministically from its rng."""

    def __init__(self, rng: random.Random, rating: str, limits: dict[ContentFlag, int], avoid: list[str]):
        self.rng = rng
        self.max = ceiling(rating, limits)
        self.avoid = avoid
        self._used: dict[str, set[int]] = {}

    def allowed(self, text: str, extra: dict[ContentFlag, int] | None = None) -> bool:
        levels = scan(text)
        for flag, level in (extra or {}).items():
            levels[flag] = max(levels.get(flag, 0), level)
        if any(level > self.max[flag] for flag, level in levels.items()):
            return False
        return not avoid_hits(text, self.avoid)

    def fill(self, template: str, slots: dict, sentence: bool = True) -> str:
        """Fill a template; ``sentence`` capitalises sentence starts (not for goals read mid-sentence)."""
        text = _TWICE_WHEN.sub(r"\1\2", template.format(**slots))
        return sentence_case(text) if sentence else text.strip()

    def order(self, key: str, n: int) -> list[int]:
        """Indices 0..n-1 in a seeded order, ones not yet used for this key first (variety)."""
        idx = list(range(n))
        self.rng.shuffle(idx)
        used = self._used.setdefault(key, set())
        return sorted(idx, key=lambda i: i in used)

    def pick(self, key: str, templates: Sequence[str], slots: dict, fallback: str = "", fresh: bool = False) -> str:
        """The first allowed filling of a template, preferring ones this story has not used
        (``fresh``: only those; nothing once all are used, rather than say a sentence twice)."""
        for i in self.order(key, len(templates)):
            if fresh and i in self._used.get(key, ()):
                continue
            text = self.fill(templates[i], slots)
            if self.allowed(text):
                self._used[key].add(i)
                return text
        return self.fill(fallback, slots) if fallback else ""

    def pick_exchange(self, key: str, exchanges: Sequence[Sequence[tuple[str, str, str]]], slots: dict,
                      avoid_index: int | None = None) -> tuple[int, list[tuple[str, str, str]]]:
        """An exchange with every line filled and allowed; disallowed lines are dropped."""
        best: tuple[int, list[tuple[str, str, str]]] = (-1, [])
        for i in self.order(key, len(exchanges)):
            if i == avoid_index and len(exchanges) > 1:
                continue
            lines = [(role, emotion, self.fill(t, slots)) for role, emotion, t in exchanges[i]]
            kept = [ln for ln in lines if self.allowed(ln[2])]
            if len(kept) == len(lines):
                self._used[key].add(i)
                return i, kept
            if len(kept) > len(best[1]):
                best = (i, kept)
        if best[0] >= 0:
            self._used[key].add(best[0])
        return best


# A trailing "..." is a pause, not a sentence end ("I am... absolutely").
_SENTENCE_START = re.compile(r"(^|(?<!\.\.)[.!?]\s+)([a-z])")
_SMALL = {"a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to", "with"}


def sentence_case(text: str) -> str:
    """Capitalise each sentence's first letter: slots may open a sentence ("{weather}. ...")."""
    return _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), text.strip())


def title_case(text: str) -> str:
    words = text.split()
    return " ".join(w if (i and w.lower() in _SMALL) or not w[:1].isalpha() else w[:1].upper() + w[1:]
                    for i, w in enumerate(words))


#: Words spelt with a vowel that sound a consonant ("a user", "a one-off"), and words spelt with
#: an h that sound a vowel ("an hour").
_YOU = re.compile(r"^(?:u[bcdfgjklmprstvz][aeiou]|uni(?![nmd])|unanim|eu|ewe|one\b|once)", re.I)
_SILENT_H = re.compile(r"^(?:hour|honest|honou?r|heir)", re.I)


def article(noun: str) -> str:
    """"a" or "an", as the noun sounds: an AI, a user, an hour, a unicorn; "the" before "one ..."
    (the one at the end of the road, never "a one")."""
    word = noun.strip()
    if word.lower().startswith("one "):
        return "the"
    if _SILENT_H.match(word) or (word[:2].isupper() and word[:1] in "AEFHILMNORSX"):
        return "an"  # (an hour; an AI, an MP, an FBI agent)
    return "an" if word[:1].lower() in "aeiou" and not _YOU.match(word) else "a"

