"""Find the story's MacGuffin (the object everyone wants) in its text, for insert shots.

The bible has no field for it, so it is read from the words: the phrase that starts with an
article ("the ledger", "a torn page from the visitors' book") and recurs in the most separate
places of the story (goals, secrets, synopses, narration, lines). Among phrases that recur
about as often, the longest wins, so "the master override for the air plant" beats "the air".
"""

import re
from collections import Counter

from ..model.story import Story

_ARTICLES = {"the", "a", "an"}
#: Words that never end an object's name ("the override for" is cut back to "the override").
_DANGLING = {"the", "a", "an", "of", "for", "from", "to", "in", "on", "at", "and", "or", "with", "by", "that",
             "is", "was", "before", "after", "who", "which", "it", "his", "her", "their", "its"}
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[,.;:!?]?")
#: Common phrases that recur in any story but are not objects.
_NOT_OBJECTS = {"the city", "the night", "the rain", "the door", "the end", "the way", "the truth", "the room",
                "a moment", "the dark", "the time", "the one", "the first", "the last", "the world", "the station"}


def _texts(story: Story) -> list[str]:
    g, b = story.graph, story.bible
    out = [b.logline, *(c.goal for c in b.cast), *(c.secret or "" for c in b.cast), *(c.conflict for c in b.cast)]
    out += [e.synopsis for e in g.episodes] + [e.summary for e in g.endings]
    out += [h for x in g.extension_points for h in x.hooks]
    for beat in g.beats:
        out += [beat.narration, beat.action, *(ln.text for ln in beat.lines)]
    return [t for t in out if t]


def _phrases(text: str) -> set[str]:
    words = _WORD.findall(text)
    found: set[str] = set()
    for i, w in enumerate(words):
        if w.lower() not in _ARTICLES:
            continue
        parts = [w.lower()]
        for nxt in words[i + 1:i + 8]:
            stop = nxt[-1] in ",.;:!?"
            parts.append(nxt.rstrip(",.;:!?").lower())
            if parts[-1] not in _DANGLING and len(parts) >= 2:
                found.add(" ".join(parts))
            if stop:
                break
    return found


def find_macguffin(story: Story) -> str | None:
    """The object the story turns on, as its text names it, or None when nothing recurs enough."""
    counts: Counter[str] = Counter()
    for text in _texts(story):
        counts.update(_phrases(text))
    candidates = {p: n for p, n in counts.items() if n >= 3 and p not in _NOT_OBJECTS}
    if not candidates:
        return None
    top = max(candidates.values())
    # Recurring about as often as the most frequent phrase: the longest of those names the object fully.
    near = [p for p, n in candidates.items() if n * 2 >= top]
    return max(near, key=lambda p: (len(p.split()), candidates[p], p))


def head_noun(phrase: str) -> str:
    """The word a later mention is likely to use: 'the master override for the air plant' -> 'override'."""
    words = phrase.split()
    for i, w in enumerate(words[1:], start=1):
        if w in _DANGLING:
            return words[i - 1]
    return words[-1]
