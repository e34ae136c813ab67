"""Staging: a beat's action text becomes what the people on screen do.

    "Mara snatches the key and runs for the door" -> run, leading with Mara, holding the key

The words are read for a verb of movement (by word stems, so "runs", "running" and "ran" all
run), who leads it (the first cast member the text names) and the objects it names that the
renderer can draw. Order matters: the first verb found in ``VERBS`` order wins, so a beat that
both "walks in" and "falls" stages the fall, the more visible of the two.
"""

from __future__ import annotations

import re

from ..model.bible import Character
from ..model.shot import StageAction

#: Stems (matched at the start of a word) for each action, most visible first.
VERBS: list[tuple[StageAction, tuple[str, ...]]] = [
    ("fight", ("fight", "fought", "punch", "strike", "struck", "grapple", "wrestl", "duel", "attack", "brawl",
               "lunge", "swing", "swung", "shove", "tackl", "clash", "battl", "stab", "slap")),
    ("chase", ("chase", "pursu", "hunt", "give chase", "gives chase", "after them", "after her", "after him")),
    ("fall", ("fall", "fell", "collaps", "faint", "tumbl", "trip", "slip", "topple", "crumpl", "stumbl")),
    ("embrace", ("embrac", "hug", "kiss", "hold each other", "holds her", "holds him", "in his arms", "in her arms",
                 "cling", "clung")),
    ("dance", ("danc", "waltz", "twirl", "spin", "spun", "sway", "tango", "jig")),
    ("run", ("run", "ran", "flee", "fled", "dash", "sprint", "race", "rush", "bolt", "escap", "scrambl", "hurr")),
    ("hide", ("hide", "hid", "crouch", "duck", "conceal", "creep", "crept", "sneak", "snuck", "lurk", "cower")),
    ("hand_over", ("hands", "handed", "hand over", "hand it", "give", "gave", "passes", "passed", "offers",
                   "offered", "deliver", "slides it", "slid it")),
    ("pick_up", ("pick", "grab", "snatch", "seiz", "take", "took", "lift", "pocket", "pull", "find", "found",
                 "unearth", "steal", "stole", "retriev", "open")),
    ("enter", ("enter", "arriv", "burst in", "bursts in", "step in", "steps in", "walk in", "walks in", "come in",
               "comes in", "appear", "return")),
    ("exit", ("leav", "left", "exit", "depart", "storm out", "storms out", "walk out", "walks out", "slip away",
              "slips away", "disappear", "vanish")),
    ("walk", ("walk", "stride", "strode", "pace", "wander", "cross", "approach", "follow", "climb", "step",
              "march", "head", "move", "circl", "limp", "search", "explor", "lead", "led")),
]
_WORD = re.compile(r"[a-z']+")


def action_of(text: str) -> StageAction | None:
    """The action a beat's words stage, or None when nothing in them moves."""
    low = text.lower()
    words = _WORD.findall(low)
    for action, stems in VERBS:
        for stem in stems:
            if " " in stem:
                if stem in low:
                    return action
            elif any(w.startswith(stem) for w in words):
                return action
    return None


def leader(text: str, cast: list[Character], present: list[str]) -> list[str]:
    """``present`` reordered so the character the text names first comes first (they lead)."""
    low = text.lower()
    named = sorted(((low.find(c.name.split()[0].lower()), c.id) for c in cast
                    if c.id in present and c.name.split() and c.name.split()[0].lower() in low),
                   key=lambda x: x[0])
    first = [cid for _, cid in named[:1]]
    return first + [cid for cid in present if cid not in first]
