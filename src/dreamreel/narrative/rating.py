"""Content scanning: how much violence, gore, profanity, sex, drugs and fear a text holds.

A word lexicon, matched as whole words (so "skill" is not "kill" and "assess" is not
"ass"), case-insensitively, with the usual English inflections generated from each
entry (kill -> kills, killed, killing, killer). Levels follow ``model.content``:
0 none, 1 mild, 2 moderate, 3 strong. The scan is a cheap, deterministic floor for the
validator and the writer, not a classifier: it sees words, not meaning.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from ..model.content import RATING_CEILINGS, ContentFlag

# flag -> level -> words. A word may sit under several flags ("dismember" is gore and fear).
# Entries with a space are phrases; irregular forms (fought, bled, slain) are listed outright.
# Ambiguous words that are mostly innocent in prose ("hit", "strip", "weed", "dick") are left out.
_LEXICON: dict[ContentFlag, dict[int, str]] = {
    ContentFlag.violence: {
        1: "fight fought punch slap kick brawl shove tackle wrestle attack hurt bruise threaten "
           "weapon sword knife dagger duel battle die dying death explode explosion shot choke",
        2: "gun pistol rifle revolver shotgun shoot gunshot gunfire bullet kill killer dead murder "
           "murderer corpse stab strangle assassin assassinate homicide slay slain bomb grenade "
           "wounded bludgeon",
        3: "butcher massacre torture slaughter mutilate behead decapitate genocide carnage maim bloodbath",
    },
    ContentFlag.gore: {
        1: "blood bloody bleed bled bloodied bloodstain gash",
        2: "guts gore gory entrails innards intestine mangle splatter",
        3: "severed sever dismember disembowel eviscerate viscera decapitate behead bloodbath flay",
    },
    ContentFlag.profanity: {
        1: "damn dammit hell crap bloody screw you",
        2: "ass asshole bastard bitch shit bullshit goddamn goddammit piss pissed arse",
        3: "fuck fucking motherfucker cunt",
    },
    ContentFlag.sexual: {
        0: "kiss embrace hug",
        1: "sexy seduce seduction flirt lingerie undress caress lust sensual",
        2: "naked nude nudity topless sex sexual aroused make love made love making love",
        3: "intercourse orgasm porn pornography pornographic genitals masturbate fornicate",
    },
    ContentFlag.drugs: {
        1: "whiskey whisky drunk beer wine bourbon gin rum vodka brandy champagne absinthe "
           "martini cocktail liquor booze hangover tipsy cigarette cigar tobacco",
        2: "cocaine heroin opium overdose morphine meth methamphetamine amphetamine marijuana "
           "cannabis narcotic junkie laudanum",
        3: "freebase crack pipe shooting up crackhead",
    },
    ContentFlag.fear: {
        1: "scream shriek terror terrify nightmare scare scary frighten horror dread creepy "
           "eerie ghost haunt panic panicked monster",
        2: "demon zombie vampire werewolf undead ghoul possessed",
        3: "dismember gruesome mutilate flay cannibal buried alive eaten alive",
    },
}

_VOWELS = set("aeiou")


def _inflections(word: str) -> set[str]:
    """Regular English inflections of a word; over-generation is harmless (the forms just never occur)."""
    forms = {word}
    if word.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(word + "es")
    elif len(word) > 2 and word.endswith("y") and word[-2] not in _VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    else:
        forms.add(word + "s")
    if word.endswith("ie"):  # die -> dying, died
        forms |= {word[:-2] + "ying", word + "d", word + "r", word + "rs"}
    elif word.endswith("e"):  # seduce -> seduced, seducing, seducer
        forms |= {word + "d", word[:-1] + "ing", word + "r", word + "rs"}
    else:
        forms |= {word + "ed", word + "ing", word + "er", word + "ers"}
        # Consonant-vowel-consonant endings double their last letter: stab -> stabbed, gun -> gunner.
        if (len(word) >= 3 and word[-1] not in _VOWELS | set("wxy") and word[-2] in _VOWELS
                and word[-3] not in _VOWELS):
            d = word + word[-1]
            forms |= {d + "ed", d + "ing", d + "er", d + "ers"}
    return forms


#: Two-word phrases in the lexicon (find() looks phrases up as word pairs).
_MULTIWORD = ("screw you", "make love", "made love", "making love", "crack pipe", "shooting up",
              "buried alive", "eaten alive")


def _phrases(words: str) -> list[str]:
    """Split a lexicon string into entries, keeping the known multi-word phrases together."""
    text = " " + words + " "
    found: list[str] = []
    for phrase in _MULTIWORD:
        if f" {phrase} " in text:
            found.append(phrase)
            text = text.replace(f" {phrase} ", " ")
    return found + text.split()


@dataclass(frozen=True)
class Hit:
    """One lexicon match: the text as written, its flag and level."""

    word: str
    flag: ContentFlag
    level: int


_WORD = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=1)
def _table() -> dict[str, list[tuple[ContentFlag, int]]]:
    """Every form (inflected word or two-word phrase, lower case) -> its (flag, level) pairs."""
    table: dict[str, list[tuple[ContentFlag, int]]] = {}
    for flag, by_level in _LEXICON.items():
        for level, words in by_level.items():
            for entry in _phrases(words):
                forms = {entry} if " " in entry else _inflections(entry)
                for form in forms:
                    pairs = table.setdefault(form, [])
                    if (flag, level) not in pairs:
                        pairs.append((flag, level))
    return table


def find(text: str) -> list[Hit]:
    """Every lexicon word in the text, in order (level-0 words included).

    The text is cut into runs of letters and each run looked up whole, which is what makes
    matching whole-word; a two-word phrase is tried first so it wins over a word inside it.
    """
    if not text:
        return []
    table = _table()
    words = [(m.group(0), m.group(0).lower()) for m in _WORD.finditer(text)]
    out: list[Hit] = []
    i = 0
    while i < len(words):
        if i + 1 < len(words):
            pair = words[i][1] + " " + words[i + 1][1]
            if pair in table:
                out.extend(Hit(words[i][0] + " " + words[i + 1][0], f, lv) for f, lv in table[pair])
                i += 2
                continue
        for flag, level in table.get(words[i][1], ()):
            out.append(Hit(words[i][0], flag, level))
        i += 1
    return out


def scan(text: str) -> dict[ContentFlag, int]:
    """The highest level of each flag found in the text; flags only found at level 0 are left out."""
    levels: dict[ContentFlag, int] = {}
    for hit in find(text):
        if hit.level > levels.get(hit.flag, 0):
            levels[hit.flag] = hit.level
    return levels


def avoid_hits(text: str, avoid: Iterable[str]) -> list[str]:
    """The themes from a profile's ``avoid`` list that the text mentions (whole words, simple plurals)."""
    out: list[str] = []
    for theme in avoid:
        words = theme.strip().lower().split()
        if not words:
            continue
        last = words[-1]
        # "spider" also finds "spiders", and "spiders" also finds "spider".
        stems = {last, last + "s", last + "es"}
        if last.endswith("ies"):
            stems.add(last[:-3] + "y")
        elif last.endswith("y"):
            stems.add(last[:-1] + "ies")
        if last.endswith("es"):
            stems.add(last[:-2])
        if last.endswith("s"):
            stems.add(last[:-1])
        head = r"\s+".join(re.escape(w) for w in words[:-1])
        tail = "(?:" + "|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True)) + ")"
        pattern = r"\b" + (head + r"\s+" if head else "") + tail + r"\b"
        if re.search(pattern, text, re.IGNORECASE) and theme not in out:
            out.append(theme)
    return out


def ceiling(rating: str, limits: Mapping[ContentFlag, int] | None = None) -> dict[ContentFlag, int]:
    """The most of each flag allowed: the rating's ceiling, lowered by a viewer's own limits."""
    base = RATING_CEILINGS[rating]
    return {flag: min(base[flag], (limits or {}).get(flag, 3)) for flag in ContentFlag}


def within(levels: Mapping[ContentFlag, int], rating: str,
           limits: Mapping[ContentFlag, int] | None = None) -> list[tuple[ContentFlag, int, int]]:
    """The violations as (flag, level, allowed maximum), in ContentFlag order; empty when all is within."""
    top = ceiling(rating, limits)
    return [(flag, levels[flag], top[flag]) for flag in ContentFlag if levels.get(flag, 0) > top[flag]]
