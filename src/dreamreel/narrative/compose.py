"""Compose the story graph from plot shapes: what happens, told in the genre's voice, about
what the request asked for.

    premise + series plan (a shape an episode) -> for each episode:
      [episode > 1: an opening card -> the last companion back or mourned, told for how the
       last episode ended (narrative/data/arc.toml)] -> the shape's scenes -> its endings

A scene becomes a beat; a scene with versions becomes a segment group that picks the telling
written for the state (the option just taken), so the text never contradicts a choice. Each
episode's shape variables are its own (``e<n>_<name>``); ``comp_alive`` is the companion's
``alive_<id>``, ``trust`` the hero's trust in the wildcard across the series, and every ending
sets ``last_ending``, which the next episode's opening reads. The series arc runs a thread
(introduced, hinted, revealed in the finale) through the episodes' openings.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import (
    Beat,
    BeatVariant,
    Choice,
    Clause,
    Condition,
    ContentFlag,
    Edge,
    Effect,
    Ending,
    Episode,
    ExtensionPoint,
    Line,
    Option,
    SegmentGroup,
    StoryGraph,
    Variable,
    alive_var,
)
from ..model.kits import BUILTIN_VARS, ChoiceT, Complication, PlotShape, ShapeScene, Telling, Test, Thread, Version
from ..model.premise import Premise
from . import asked, floods
from .asked import TALKERS
from .bible_builder import Cast, WorldFacts, fear_met
from .interpret import CHILDREN_ONLY, GENTLE, NOT_FOR_G, Intent
from .kits import Kits
from .rating import scan
from .text import Person, Writer, article

TIMEOUT = {"fast": 7.0, "medium": 10.0, "slow": 15.0}
#: Speaking rate, words in a typical line, beats on one path through an episode, and the share
#: of an episode's runtime that is speech: together they size the text to the target length.
WORDS_PER_SECOND = 2.6
WORDS_PER_LINE = 8
BEATS_PER_PATH = 8
SPEECH_SHARE = 0.5
#: Below this many seconds a scene on the path of a length the viewer asked for, an episode is
#: told short: its side scenes are passed over and each scene keeps one line (a 30 s short
#: cannot hold nine scenes of talk).
SHORT_SCENE_S = 5.0
#: About how long a scene told in full runs (its exchange, narration and pictures): an episode
#: whose asked-for length gives its scenes less is told short.
FULL_SCENE_S = 10.0
#: Roles a short episode may pass over, where the scene offers no choice, ends nothing, changes
#: no state and leads on to one scene.
SIDE_ROLES = frozenset({"escalation", "subplot", "midpoint"})
#: The turning points, which stay exchanges in a short episode of at least MIN_EXCHANGE_S.
TURNS = frozenset({"inciting", "crisis", "climax"})
MIN_EXCHANGE_S = 45


#: What an animal that does not talk does where its line was.
ANIMAL_SOUNDS = {
    "dog": "barks twice", "cat": "flicks its tail and mews", "horse": "snorts and stamps", "seal": "barks and slaps a flipper",
    "owl": "hoots softly", "bird": "chirps", "songbird": "trills", "crow": "caws", "seagull": "screeches",
    "mouse": "squeaks", "rat": "squeaks", "wolf": "growls low", "fox": "yips", "pig": "grunts", "cow": "lows",
    "sheep": "bleats", "goat": "bleats", "donkey": "brays", "duck": "quacks", "chicken": "clucks",
    "lion": "rumbles a growl", "tiger": "snarls", "big cat": "snarls", "bear": "huffs", "polar bear": "huffs",
    "dolphin": "clicks and whistles", "whale": "sings somewhere below", "elephant": "trumpets",
    "monkey": "chatters", "ape": "hoots", "frog": "croaks", "snake": "hisses", "penguin": "honks",
    "reindeer": "snorts", "otter": "chirps", "rabbit": "thumps a foot", "hedgehog": "snuffles",
}


#: What only hands, or words, can do: an animal that does not talk does something else.
_HANDS = re.compile(r"\b(?:hands?|fingers?|palms?|arms|fists?|thumbs?|pockets?|writes?|wrote|reads?|signs?|types?|"
                    r"phones?|calls|drives?|pours?|pins?|tapes?|folds?|unfolds?|counts?|pays?|sells?|buys?|shakes|"
                    r"lights?|says|said|asks?|tells?|explains?|whispers?|shouts?|laughs?|smiles?|nods?|shrugs?|"
                    r"winks?|frowns?|sighs?|hires?|signals?|unlocks?|locks?|knocks?|opens?|closes?|carries|"
                    r"holds?|lifts?|hangs?|packs?|unpacks?|spreads?|sets? out|puts? on|takes? off|wears?|dressed|paper|map|"
                    r"letters?|envelope|keys?|money|purse|coat|glass|cup|pen|draws? (?:the|a|up))\b",
                    re.I)
#: ...and what any animal may do instead, in turn.
ANIMAL_MOVES = ("pricks up its ears", "settles down, watching", "noses at the nearest hand", "goes very still",
                "circles once and sits", "looks from one face to the other")


#: When a later episode happens, as its opening super says it.
LATER = ["The next morning.", "A week later.", "Three days on.", "That winter.", "A month later.", "The spring after.",
         "Some weeks later.", "Early the next year.", "That same night.", "Two days after.", "At the end of summer.",
         "Much later."]


def _cond(test: Test | None, var: dict[str, str]) -> Condition | None:
    if not test:
        return None
    clauses = []
    for name, want in test.items():
        op, value = want if isinstance(want, tuple | list) else ("==", want)
        clauses.append(Clause(var=var[name], op=op, value=value))
    return Condition(all_of=clauses)


def _contradicts(test: Test | None, when: Test | None) -> bool:
    """Whether ``test`` cannot hold where ``when`` does (both ask a variable for different values)."""
    for name, want in (test or {}).items():
        have = (when or {}).get(name)
        if have is None or isinstance(have, tuple | list) or isinstance(want, tuple | list):
            continue
        if have != want:
            return True
    return False


def _effects(set_: dict, add: dict, var: dict[str, str]) -> list[Effect]:
    return [Effect(var=var[k], value=v) for k, v in set_.items()] + \
        [Effect(var=var[k], op="add", value=v) for k, v in add.items()]


def _levels(*texts: str) -> dict[ContentFlag, int]:
    out: dict[ContentFlag, int] = {}
    for t in texts:
        for flag, lv in scan(t).items():
            out[flag] = max(out.get(flag, 0), lv)
    return out


def allowed_middle_plots(premise: Premise, main: str, shapes: Iterable[str], rating: str | None = None) -> list[str]:
    """The plots that may fill a series' middle episodes when ``main`` opens and closes it: any
    other plot, only the gentle ones for children (or a bedtime or fear series), and never bedtime
    or fear for anyone else; nothing told by a death for a G. (The planner and the LLM's plot
    stage both keep to this one rule.)"""
    gentle = premise.audience == "children" or main in CHILDREN_ONLY
    deaths = rating == "G" or premise.rating == "G"
    return [s for s in shapes if s != main and (not gentle or s in GENTLE) and (gentle or s not in CHILDREN_ONLY)
            and not (deaths and s in NOT_FOR_G)]


#: A request for a case an episode ("a retired umpire solves murders", "a case-of-the-week series").
_CASEBOOK = re.compile(r"\b(?:solv|investigat|crack|tackl)\w* (?:\w+ )?(?:murders|crimes|cases|mysteries)\b"
                       r"|\bcase[- ]of[- ]the[- ]week\b", re.I)
#: The plots that are a case to solve, in the order a series takes them.
_CASES = ("whodunit", "investigation", "expose", "trial")


def series_plan(premise: Premise, main: PlotShape, episodes: int, shapes: dict[str, PlotShape], genres: list[str],
                rng: random.Random, start: int = 1, rating: str | None = None) -> list[str]:
    """One shape an episode: the asked-for shape opens and closes the series; between, the
    other shapes the request names, then shapes that suit its genres, none twice until all
    have been used. ``start``: the first episode number planned (keep going plans one more)."""
    pool = allowed_middle_plots(premise, main.id, shapes, rating)
    suited = sorted(s for s in pool if set(shapes[s].genres) & set(genres))
    rest = sorted(set(pool) - set(suited))
    # Each shape's place in the order is its own draw (a hash of the story's draw and its id), not
    # a shuffle of the list: a shape added to the library moves only the stories it now comes
    # first in, where a shuffle would reorder every series.
    draw = rng.random()
    suited.sort(key=lambda s: hashlib.sha256(f"{draw}:{s}".encode()).digest())
    rest.sort(key=lambda s: hashlib.sha256(f"{draw}:{s}".encode()).digest())
    middle = [s for s in premise.shapes[1:] if s in pool] + [s for s in suited + rest if s not in premise.shapes]
    if _CASEBOOK.search(premise.prompt):
        # "solves murders in a hill station": a case an episode, before anything else the genre suits
        cases = [s for s in _CASES if s in middle]
        middle = cases + [s for s in middle if s not in cases]
    plan: list[str] = []
    for n in range(start, start + episodes):
        if n == 1 or (n == start + episodes - 1 and start == 1 and episodes > 1):
            plan.append(main.id)
        else:
            plan.append(middle[(n - 2) % len(middle)] if middle else main.id)
    return plan


#: Where one sentence ends and the next begins: not after "St." or "Mr." inside a name ("a room in
#: Ashby St. Giles" is one sentence).
_SENTENCE_END = re.compile(r"(?<=[.!?])(?<!\bSt\.)(?<!\bMt\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bMrs\.)\s+")


@dataclass
class Composer:
    """Writes episodes from shapes for one story: its cast, world, writer and rng."""

    intent: Intent
    premise: Premise
    kits: Kits
    cast: Cast
    facts: WorldFacts
    writer: Writer
    rng: random.Random
    #: What each person is ("chef", "dragon"): role key or character id -> noun.
    jobs: dict[str, str] = field(default_factory=dict)
    #: The thing each episode turns on: (with article, bare noun).
    objects: dict[int, tuple[str, str]] = field(default_factory=dict)
    crowd: str = "everyone here"
    thread: Thread | None = None
    #: Plots the request asked for that no episode tells: each runs beneath (see strand_text).
    strands: list[PlotShape] = field(default_factory=list)
    #: Complications the request asked for that no plot tells (sabotage, an injury): run beneath too.
    complications: list[Complication] = field(default_factory=list)
    total: int = 1
    #: What the request called each asked-for person ("shy dragon"), said where they are met.
    introductions: dict[str, str] = field(default_factory=dict)
    introduced: set = field(default_factory=set)
    #: What the overlays have said, so each says it once: ("scene", episode, scene key) -> its
    #: stage direction, ("close", episode) -> the closing line, ("mood", episode, mood) -> done.
    directions: dict[tuple, str] = field(default_factory=dict)
    episode_now: int = 1
    event_now: str | None = None
    opening: str = "The day of {event}."  # the episode's shape's opening super, against its event
    last_event: str = "all that"

    #: Beats on one path through the episode being written (its shape's default path, and the
    #: opening of a later episode): what the episode's length is shared among.
    path_beats: int = BEATS_PER_PATH
    #: The episode being written is told short (see SHORT_SCENE_S).
    short: bool = False
    #: ...and so short that only its opening, one choice and its endings are told.
    every: bool = False
    #: Per episode, about how long its default path runs at the least (see spoken_seconds).
    shortest: dict[int, float] = field(default_factory=dict)

    # --- sizes ----------------------------------------------------------------------------------
    def word_budget(self) -> float:
        return self.intent.target_seconds / self.path_beats * SPEECH_SHARE * WORDS_PER_SECOND

    def lines_per_beat(self, role: str) -> int:
        """Lines a scene can hold at this length: an exchange (two or more) where the runtime
        allows, and always at the turning points (inciting, crisis, climax)."""
        n = round(self.word_budget() / WORDS_PER_LINE) + {"slow": 1, "medium": 0, "fast": -1}[self.intent.pacing]
        least = 2 if role in ("inciting", "crisis", "climax") or self.word_budget() >= WORDS_PER_LINE * 1.5 else 1
        return max(least, min(6, n))

    def fit_narration(self, narration: str, lines: list[Line], keep_one: bool) -> str:
        room = self.word_budget() - sum(len(ln.text.split()) for ln in lines)
        kept: list[str] = []
        for sentence in _SENTENCE_END.split(narration.strip()):
            if kept and sum(len(x.split()) for x in kept) + len(sentence.split()) > room:
                break
            if not kept and len(sentence.split()) > room and not keep_one:
                break
            kept.append(sentence)
        return " ".join(kept)

    # --- who and where --------------------------------------------------------------------------
    def person(self, role: str, episode: int) -> Person:
        c = self.character(role, episode)
        return Person.of(c, job=c.job or self.jobs.get(c.id) or self.jobs.get(role, ""))

    def speaks(self, role: str, episode: int) -> bool:
        """Whether this part says its lines: people and talking beings do; an animal does only in a
        story where animals talk (for children, a fantasy, or "her talking tortoise")."""
        species = self.character(role, episode).look.species
        if species == "human" or species in TALKERS or role == "hero":  # a lead animal is a story's voice
            return True
        return asked.talking_world(self.premise, self.intent.genres)

    def as_animals_do(self, text: str, cast: list[str], episode: int) -> str:
        """The text with each sentence in which an animal that does not talk does what only hands
        or words can ("Cecily holds up a key between two fingers") told as an animal would do it."""
        mute = {self.character(r, episode).name.split()[0]: r for r in cast if not self.speaks(r, episode)}
        if not mute or not text:
            return text
        out = []
        for sentence in _SENTENCE_END.split(text):
            who = next((n for n in mute if re.match(rf"{re.escape(n)}\b", sentence)), None)
            if who is not None and _HANDS.search(sentence):
                sentence = self.sound(mute[who], episode)
            out.append(sentence)
        return " ".join(out)

    def sound(self, role: str, episode: int) -> str:
        """What an animal does instead of a line: "Hattie barks twice."."""
        c = self.character(role, episode)
        does = [ANIMAL_SOUNDS[c.look.species]] if c.look.species in ANIMAL_SOUNDS else []
        does = self.writer.pick(f"sound.{c.id}", [*does, *ANIMAL_MOVES], {})  # the least used first
        return f"{c.name.split()[0]} {does[:1].lower()}{does[1:].rstrip('.')}."

    def character(self, role: str, episode: int):
        if role == "comp":
            return self.cast.comps[episode - 1]
        if role == "prev":
            return self.cast.comps[episode - 2] if episode > 1 else self.cast.hero
        return {"hero": self.cast.hero, "villain": self.cast.villain, "wild": self.cast.wild}[role]

    def place_for(self, role: str, episode: int):
        """The episode's place for scenes of this role: every hub scene of an episode happens at the
        same hub (a trial stays in its courtroom); the next episode moves on to the next one."""
        specs = self.facts.specs
        options = [p for p in self.facts.places if specs[p.id].role == role]
        if not options:
            near = {"home": "hub", "hub": "home", "danger": "lair", "lair": "danger", "hideout": "home",
                    "summit": "danger", "vista": "summit"}[role]
            options = [p for p in self.facts.places if specs[p.id].role == near] or self.facts.places
        return options[(episode - 1) % len(options)]

    def weather_phrase(self, weather: str, time_of_day: str) -> str:
        for kit in (self.intent.world, self.intent.plot):
            phrases = kit.weather_phrases.get(weather) or (
                kit.weather_phrases.get(time_of_day) if time_of_day == "dawn" else None)
            if phrases:
                return self.rng.choice(phrases)
        if weather == "flood":  # (no genre has words for it)
            return self.rng.choice(floods.PHRASES)
        return ""

    def slots(self, episode: int, place, weather: str) -> dict:
        obj, short = self.objects[episode]
        home = self.place_for("home", episode)
        people = {r: self.person(r, episode) for r in ("hero", "villain", "wild", "comp", "prev")}
        stakes = self.facts.stakes
        return dict(people, world=self.facts.name, place=place.name, home=home.name, era=self.facts.era,
                    object=obj, object_short=short, mcguffin=obj, mcguffin_short=obj, scheme=self.facts.scheme,
                    stakes=stakes, crowd=self.crowd, event=self.event_now, last=self.last_event,
                    lost=asked.lost(self.premise, people["hero"]), fear=self.facts.fear,
                    missing=asked.missing(self.premise, people["hero"], people["comp"]),
                    the_fear=fear_met(self.facts.fear),
                    rule=self.rng.choice(self.intent.world.rules),
                    weather=self.weather_phrase(weather, place.time_of_day) or "the air is still",
                    hero_archetype=self.cast.hero.archetype)

    # --- one beat ------------------------------------------------------------------------------
    def telling(self, tag: str, telling: Telling, on_screen: list[str], episode: int, slots: dict,
                role: str, keep_one: bool, lead: str = "", must_speak: str | None = None) -> tuple[str, str, list[Line]]:
        told = telling.narration
        if self.short and len(told) > 2:  # a short film tells each scene in its shorter words
            told = sorted(told, key=len)[:max(2, len(told) // 2)]
        narration = self.writer.pick(f"{tag}.narration", told, slots, fallback="{hero} at {place}.")

        # A scene told again in a later episode (the series' own plot closes it) does not repeat its
        # stage direction word for word: it has none rather than the same one.
        action = self.writer.pick(f"{tag}.action", telling.action, slots, fresh=True) if telling.action else ""
        _, exchange = self.writer.pick_exchange(f"{tag}.exchange", telling.exchanges, slots)
        n = self.lines_per_beat(role) if len(on_screen) > 1 else 2
        if self.short:  # a short film's turning points are still exchanges (in under 45 s, nothing is);
            # its other scenes say one line
            n = min(n, 2 if role in TURNS and self.intent.target_seconds >= MIN_EXCHANGE_S else 1)
        said = [(r, e, t) for r, e, t in exchange if r in on_screen and self.speaks(r, episode)]
        mute = next((r for r, _, _ in exchange if r in on_screen and not self.speaks(r, episode)), None)
        if mute is not None:  # an animal answers the way animals do
            action = f"{action} {self.sound(mute, episode)}".strip()
        if must_speak is not None:  # someone whose return the scene is about says something
            n = max(n, next((i + 1 for i, (r, _, _) in enumerate(said) if r == must_speak), n))
        lines = [Line(speaker=self.character(r, episode).id, text=t, emotion=e) for r, e, t in said[:n]]
        if not tag.startswith("arc."):  # a number or an interview belongs to the episode's own scenes
            lines += self.form_lines(role, on_screen, episode, slots)
        narration = self.fit_narration(narration, [ln for ln in lines if ln.delivery == "spoken"],
                                       keep_one and not lead)
        # An episode's opening (where and when, the form's first words, the season's thread) is
        # kept whole, before what the scene itself says.
        narration = f"{lead} {narration}".strip()
        return narration, action, lines

    def introduce(self, narration: str, action: str, cast: list[str], episode: int, role: str) -> tuple[str, str]:
        """Say what an asked-for person is where the viewer first meets them in an episode, and
        again at its climax and ending: "Maren the shy dragon", "Samuel the chef"."""
        for r in cast:
            c = self.character(r, episode)
            what = self.introductions.get(c.id)
            key = (c.id, episode, role if role in ("climax", "resolution") else "first")
            if not what or key in self.introduced:
                continue
            first = c.name.split()[0]
            if re.search(rf"\b{re.escape(first)}\b,? (?:the|a|an) (?:[\w-]+ ){{0,3}}{re.escape(what.split()[-1])}\b", narration + " " + action):
                self.introduced.add(key)  # the text says it already: "K-11, the robot,"
                continue
            pattern = re.compile(rf"\b{re.escape(first)}\b(?!'s)(?! the )")
            for which, text in (("narration", narration), ("action", action)):
                if pattern.search(text) and self.writer.allowed(f"{first} the {what}"):
                    text = pattern.sub(f"{first} the {what}", text, count=1)
                    narration, action = (text, action) if which == "narration" else (narration, text)
                    self.introduced.add(key)
                    break
        return narration, action

    def strand_text(self, role: str, episode: int, slots: dict) -> str:
        """The second plot a request asked for, where no episode tells it, and the complications it
        asked for (sabotage, an injury): run beneath this one (each one's ``strand``), introduced
        at the first episode's setup, carried at each midpoint, paid off at the last ending."""
        when = "intro" if role == "setup" and episode == 1 else "middle" if role == "midpoint" \
            else "payoff" if role == "resolution" and episode >= self.total else None
        if when is None or (when == "middle" and self.short):
            return ""  # a short film introduces and pays off what runs beneath, and no more
        under = [(f"strand.{shape.id}", shape.strand) for shape in self.strands if shape.strand is not None]
        under += [(f"complication.{c.id}", c.strand) for c in self.complications]
        out = [self.writer.pick(f"{key}.{when}", getattr(strand, when), slots, fresh=when == "middle")
               for key, strand in under]
        return " ".join(t for t in out if t)

    def secret_text(self, role: str, episode: int, slots: dict) -> str:
        """What is said of someone who is secretly someone else ("the carpet seller is secretly a
        double agent"): hinted at the middle of each episode, revealed at the climax of the last,
        and what it means at its ending (arc.toml's ``secret``)."""
        told = self.kits.arc.secret if self.kits.arc is not None else None
        last = episode >= self.total
        when = "hint" if role in ("midpoint", "crisis") else "reveal" if role == "climax" and last \
            else "after" if role == "resolution" and last else None
        if told is None or when is None:
            return ""
        out = []
        for p in self.premise.people:
            cover = p.called or p.label
            c = next((c for c in self.cast.all if p.secret and c.job == cover), None)
            if c is None or p.secret is None:
                continue
            secret = p.secret if p.secret.split()[0] in ("a", "an", "the") else f"{article(p.secret)} {p.secret}"
            filled = dict(slots, who=Person.of(c, job=cover), cover=cover, cover_a=f"{article(cover)} {cover}", secret=secret)
            out.append(self.writer.pick(f"secret.{when}", getattr(told, when), filled, fresh=when == "hint"))
        return " ".join(t for t in out if t)

    def form_lines(self, role: str, on_screen: list[str], episode: int, slots: dict) -> list[Line]:
        """A musical's number or a mockumentary's word to camera, where this beat's role has one."""
        out: list[Line] = []
        for kit in self.overlays():
            if role not in kit.at:
                continue
            form = kit.form
            numbers = [[ln for ln in number if ln[0] in on_screen] for number in kit.at[role]]
            numbers = [n for n in numbers if n]
            if not numbers:
                continue
            for i in self.writer.order(f"form.{form}.{role}", len(numbers)):
                texts = [(r, e, self.writer.fill(t, slots)) for r, e, t in numbers[i]]
                if all(self.writer.allowed(t) for _, _, t in texts):
                    self.writer._used[f"form.{form}.{role}"].add(i)
                    out += [Line(speaker=self.character(r, episode).id, text=t, emotion=e,
                                 delivery=kit.delivery) for r, e, t in texts]
                    break
        return out

    def overlays(self):
        """The overlays this story asked for: its forms, then its moods (data/forms.toml, overlays.toml)."""
        names = list(dict.fromkeys([*self.premise.forms, *self.premise.moods]))
        serving = {s: kit for kit in self.kits.forms.values() for s in kit.serves}
        kits = [self.kits.forms.get(n) or serving.get(n) for n in names]
        return list({id(k): k for k in kits if k is not None}.values())

    def overlay_text(self, what: str, role: str, slots: dict) -> str:
        """One allowed sentence from each overlay's ``open``, ``close``, ``actions[role]`` or ``asides[role]``. A mood
        colours an episode's opening and climax; a form (a sitcom's laugh track) marks every scene."""
        out = []
        for kit in self.overlays():
            pool = getattr(kit, what).get(role, []) if what in ("actions", "asides") else getattr(kit, what)
            if what == "actions" and kit.form in self.premise.moods:
                # A mood colours each episode once, at its climax, from all its directions: a long
                # series does not hear the same line twice.
                if role != "climax" or ("mood", self.episode_now, kit.form) in self.directions:
                    continue
                self.directions[("mood", self.episode_now, kit.form)] = ""
                pool = [t for r in sorted(kit.actions) for t in kit.actions[r]]
                role = "any"
            if pool:
                out.append(self.writer.pick(f"overlay.{kit.form}.{what}.{role}", pool, slots))
        return " ".join(t for t in out if t)

    def dateline(self) -> str:
        """Where and when, as a film's opening super says it ("Paris, 1920s."), when the request said."""
        named = any(p.named for p in self.premise.places)
        # The event the request named, where this episode tells it: "Kerala, present day. The day
        # of the snake-boat race."
        event = self.opening.format(event=self.event_now) if self.event_now == self.premise.event else ""
        if not named and not self.premise.era:
            return event
        # Later episodes' supers say when, as well as where, so no two are the same.
        later = self.writer.pick("dateline.later", LATER, {}, fresh=True) if self.episode_now > 1 else ""
        return " ".join(t for t in (f"{self.facts.name[:1].upper()}{self.facts.name[1:]}, {self.facts.era}.",
                                    later, event) if t)

    def beat(self, bid: str, scene: ShapeScene, telling: Telling, cast: list[str], episode: int, tag: str,
             extra_narration: str = "", must_speak: str | None = None) -> Beat:
        place = self.place_for(scene.place, episode)
        tod = scene.time_of_day or place.time_of_day
        slots = self.slots(episode, place, place.weather)
        # One sentence of narration is kept, whatever the length, where it orients the viewer: the
        # first episode's opening, an ending, the season's thread. Elsewhere the lines carry it.
        keep_one = (scene.role == "setup" and episode == 1) or scene.role == "resolution" or bool(extra_narration)
        narration, action, lines = self.telling(tag, telling, cast, episode, slots, scene.role, keep_one,
                                                lead=extra_narration, must_speak=must_speak)
        narration, action = (self.as_animals_do(t, cast, episode) for t in (narration, action))
        narration, action = self.introduce(narration, action, cast, episode, scene.role)
        if not tag.startswith("arc."):
            key = ("woven", episode, scene.key)
            if key not in self.directions:
                self.directions[key] = " ".join(t for t in (self.overlay_text("asides", scene.role, slots),
                                                            self.strand_text(scene.role, episode, slots),
                                                            self.secret_text(scene.role, episode, slots)) if t)
            narration = f"{narration} {self.directions[key]}".strip()
            # One stage direction a scene, the same in each of its tellings (only one of them plays).
            key = ("scene", episode, scene.key)
            if key not in self.directions:
                self.directions[key] = self.overlay_text("actions", scene.role, slots)
            action = f"{action} {self.directions[key]}".strip()
            if scene.ending and not self.every:  # one closing line an episode, whichever ending plays (not in seconds)
                if ("close", episode) not in self.directions:
                    self.directions[("close", episode)] = self.overlay_text("close", scene.role, slots)
                narration = f"{narration} {self.directions[('close', episode)]}".strip()
        tension = min(0.98, scene.tension + (0.03 * (episode - 1) if not scene.ending else 0))
        content = _levels(narration, action, *(ln.text for ln in lines))
        beat = Beat(id=bid, episode=episode, title=self.title(scene, place.name), role=scene.role,
                    place=place.id, time_of_day=tod, weather=place.weather,
                    characters=[self.character(r, episode).id for r in cast], narration=narration, action=action,
                    lines=lines, tension=round(tension, 2), tags=[scene.key, *self.intent.genres], content=content)
        if not scene.ending:
            beat.variants = self.variants(beat, cast, episode, slots)
        return beat

    def title(self, scene: ShapeScene, place: str) -> str:
        label = scene.key.replace("_", " ").title()
        if not self.writer.allowed(label):  # "Dead Heat" is a race, but not to a G-rated reader
            label = scene.role.title()
        return f"{label}: {place}"[:200]

    def variants(self, beat: Beat, on_screen: list[str], episode: int, slots: dict) -> dict:
        """A calmer and a higher-stakes telling, in the genre's voice (its calm and intense lines)."""
        kit = self.intent.plot
        calm_pool = [(r, e, self.writer.fill(t, slots)) for r, e, t in kit.calm_lines
                     if r in on_screen and self.speaks(r, episode)]
        calm_pool = [c for c in calm_pool if self.writer.allowed(c[2])]
        calm_lines = list(beat.lines[: max(1, len(beat.lines) - 1)])
        if calm_pool:
            r, e, t = self.rng.choice(calm_pool)
            calm_lines.append(Line(speaker=self.character(r, episode).id, text=t, emotion=e))
        intense_pool = []
        for r, e, t, levels in kit.intense_lines:
            text = self.writer.fill(t, slots)
            extra = {ContentFlag(f): lv for f, lv in levels.items()}
            if r in on_screen and self.speaks(r, episode) and self.writer.allowed(text, extra):
                intense_pool.append((r, e, text, extra))
        intense_lines = list(beat.lines)
        content = dict(beat.content)
        self.rng.shuffle(intense_pool)
        for r, e, t, extra in intense_pool[:2]:
            intense_lines.insert(min(1, len(intense_lines)), Line(speaker=self.character(r, episode).id, text=t,
                                                                  emotion=e))
            for flag, lv in extra.items():
                content[flag] = max(content.get(flag, 0), lv)
        stakes = self.writer.fill("If this goes wrong, {stakes}.", slots)
        intense_action = f"{beat.action} {stakes}".strip() if self.writer.allowed(stakes) else beat.action
        for ln in intense_lines:
            for flag, lv in scan(ln.text).items():
                content[flag] = max(content.get(flag, 0), lv)
        return {
            "calm": BeatVariant(narration=beat.narration, action=beat.action, lines=calm_lines,
                                tension=round(max(0.05, beat.tension - 0.2), 2), content=dict(beat.content),
                                tags=["calm"]),
            "intense": BeatVariant(narration=beat.narration, action=intense_action, lines=intense_lines,
                                   tension=round(min(1.0, beat.tension + 0.2), 2), content=content,
                                   tags=["intense"]),
        }

    def choice(self, cid: str, ct: ChoiceT, episode: int, node: dict[str, str], var: dict[str, str],
               shape: PlotShape) -> Choice:
        place = self.place_for("hub", episode)
        slots = self.slots(episode, place, place.weather)
        options = []
        for o in ct.options:
            text = self.writer.pick(f"{shape.id}.choice.{cid}.{o.key}", o.text, slots, fallback=o.key.title())
            options.append(Option(id=o.key, text=text[:200], target=node[o.to], tags=[o.key],
                                  effects=_effects(o.set, o.add, var), condition=_cond(o.requires, var)))
        prompt = self.writer.pick(f"{shape.id}.choice.{cid}.prompt", ct.prompt, slots, fallback="What now?")
        # A timeout must always have somewhere to go: a default that is not always offered gives
        # way to the first option that is.
        default = ct.default
        if next(o for o in ct.options if o.key == default).requires:
            default = next((o.key for o in ct.options if not o.requires), default)
        return Choice(id=cid, prompt=prompt[:200], options=options, default=default,
                      timeout_s=TIMEOUT[self.intent.pacing])

    # --- one episode -----------------------------------------------------------------------------
    def variables(self, shape: PlotShape, episode: int, graph: dict) -> dict[str, str]:
        """Shape variable -> graph variable, declaring this episode's own."""
        e = f"e{episode}_"
        var = {"comp_alive": alive_var(self.cast.comps[episode - 1].id), "trust": f"trust_{self.cast.wild.id}",
               "last_ending": "last_ending"}
        for v in shape.variables:
            var[v.name] = f"{e}{v.name}"
            graph["variables"].append(Variable(name=f"{e}{v.name}", type=v.type, initial=v.initial,
                                               description=f"episode {episode}: {v.description}"))
        return var

    def arc_line(self, episode: int, slots: dict) -> str:
        """The season's thread: introduced in episode 1, hinted in between, revealed in the last."""
        if self.thread is None or self.total == 1:
            return ""  # (a single film opens on its own story, not on a season's mystery it never solves)
        if episode == 1:
            pool, key = self.thread.intro, "arc.intro"
        elif episode == self.total and self.total > 1:
            pool, key = self.thread.reveal, "arc.reveal"
        else:
            pool, key = self.thread.hint, "arc.hint"
        line = self.writer.pick(key, pool, slots)
        if episode == self.total and self.total > 1 and self.kits.arc is not None and self.word_budget() > 20:
            line = f"{self.writer.pick('arc.finale', self.kits.arc.finale, slots)} {line}".strip()
        return line

    def episode(self, n: int, shape: PlotShape, graph: dict, last: bool) -> Episode:
        e = f"e{n}_"
        self.episode_now = n
        # The request's own name for its event where this episode tells the plot it asked for.
        asked = self.premise.event and shape.id in (self.premise.event_shape, *self.premise.shapes[:1])
        # What the last episode was about, as the next one's opening recalls it ("after the election").
        self.last_event = self.event_now or "all that"
        self.event_now = self.premise.event if asked else shape.event or f"the {shape.label}"
        if not self.writer.allowed(self.event_now):
            # "a murder at the vicarage, rated PG": the day is the case's, said within the rating
            # (the opening names the event with no other sentence to choose from)
            self.event_now = shape.event if shape.event and self.writer.allowed(shape.event) else f"the {shape.label}"
        self.opening = shape.opening or "The day of {event}."
        self.path_beats = default_path_length(shape) + (2 if n > 1 else 0)
        # (Only a length the viewer asked for: the default is a guess, and the story sets it.)
        # seconds for the scenes: less the cards, and what runs beneath (introduced and paid off)
        beneath = sum(1 for x in self.strands if x.strand is not None) + len(self.complications)
        room = self.intent.target_seconds - CARDS_S - WOVEN_S * beneath
        self.short = self.intent.length_asked and room / self.path_beats < FULL_SCENE_S
        passed = side_scenes(shape) if self.short else {}
        every = self.every = False
        if self.short:
            self.path_beats = default_path_length(shape, passed) + (2 if n > 1 else 0)
            if room / self.path_beats < SHORT_SCENE_S + SCENE_HOLD_S:
                # still too long (a 30 s film): only the opening, the choices and the endings are told
                passed = side_scenes(shape, every=True)
                every = self.every = True
                if room / (default_path_length(shape, passed) + (2 if n > 1 else 0)) < SHORT_SCENE_S + SCENE_HOLD_S:
                    later = later_choices(shape, passed)  # and of its choices only the first
                    shape, passed = taken_by_default(shape, later), passed | later
                self.path_beats = default_path_length(shape, passed) + (2 if n > 1 else 0)
        if self.premise.audience == "children" or "cozy" in self.premise.moods:
            shape = spared(shape)
        var = self.variables(shape, n, graph)
        node = {s.key: f"{e}{s.key}" for s in shape.scenes}
        for key in passed:  # whatever led to a scene passed over leads past it (and past the next, if passed too)
            node[key] = f"{e}{past(passed, key)}"
        beats: list[Beat] = []
        entry = node[shape.scenes[0].key]
        opening_lines = ""
        home = self.place_for("home", n)
        opening_slots = self.slots(n, home, home.weather)
        if n > 1 and self.kits.arc is not None:
            entry = f"{e}card"
            first = shape.scenes[0]
            opening = " ".join(t for t in (self.dateline(), self.overlay_text("open", "setup", opening_slots),
                                           self.arc_line(n, opening_slots)) if t)
            card = Beat(id=entry, episode=n, title=f"Episode {n}: {home.name}"[:200], role="setup", place=home.id,
                        time_of_day=home.time_of_day, weather=home.weather, characters=[self.cast.hero.id],
                        narration=opening, tension=0.2, tags=["opening"],
                        next=[Edge(target=f"{e}since")])
            # A card has no lines to change: its calm and intense tellings differ only in weight.
            card.variants = {"calm": BeatVariant(narration=card.narration, tension=0.1, tags=["calm"]),
                             "intense": BeatVariant(narration=card.narration, tension=0.4, tags=["intense"])}
            beats.append(card)
            beats += self.aftermath(n, first, graph, node[first.key])
        else:
            opening_lines = " ".join(t for t in (self.dateline(), self.overlay_text("open", "setup", opening_slots),
                                                 self.arc_line(n, opening_slots)) if t)
        for i, scene in enumerate(shape.scenes):
            if scene.key not in passed:
                beats += self.scene(n, shape, scene, node, var, graph, last,
                                    opening_lines if i == 0 else "")
        if every:  # a film of seconds: a scene told in narration says no line besides
            beats = [told_once(b) for b in beats]
        graph["beats"].extend(beats)
        by_id = {b.id: b for b in beats}
        played = [by_id.get(node[k]) or by_id.get(f"{node[k]}_0") for k in default_path(shape, passed)]
        self.shortest[n] = spoken_seconds([b for b in played if b is not None])
        title = self.writer.pick(f"{shape.id}.episode_title", shape.episode_titles, {}, fallback=f"Episode {n}")
        synopsis = next((b.narration for b in beats if b.role == "inciting"), beats[0].narration)
        return Episode(number=n, title=title, entry=entry, synopsis=synopsis, object=self.objects[n][0][:200])

    def aftermath(self, n: int, first: ShapeScene, graph: dict, then: str) -> list[Beat]:
        """The last episode's companion back (alive) or mourned, told for how the last episode ended."""
        assert self.kits.arc is not None
        prev_alive = alive_var(self.cast.comps[n - 2].id)
        candidates: list[Edge] = []
        beats = []
        scene = first.model_copy(update={"ending": None, "choice": None, "versions": []})
        for alive, versions, cast in ((True, self.kits.arc.saved, ["hero", "comp", "prev"]),
                                      (False, self.kits.arc.lost, ["hero", "comp"])):
            for i, v in enumerate(versions):
                bid = f"e{n}_since_{'saved' if alive else 'lost'}_{i + 1}"
                b = self.beat(bid, scene.model_copy(update={"key": "since", "role": "setup", "place": "home"}),
                              v, v.cast or cast, n, f"arc.{'saved' if alive else 'lost'}.{i}",
                              must_speak="prev" if alive else None)
                b.next = [Edge(target=then)]
                b.tags = ["since", *b.tags[1:]]
                beats.append(b)
                cond = _cond(v.when, {"last_ending": "last_ending"}) or Condition()
                cond.all_of.insert(0, Clause(var=prev_alive, value=alive))
                candidates.append(Edge(target=bid, condition=cond))
        graph["groups"].append(SegmentGroup(
            id=f"e{n}_since", candidates=candidates,
            description=f"{self.cast.comps[n - 2].name} came through, or did not; and how the last episode ended"))
        return beats

    def scene(self, n: int, shape: PlotShape, scene: ShapeScene, node: dict[str, str], var: dict[str, str],
              graph: dict, last: bool, extra: str) -> list[Beat]:
        tellings: list[tuple[str, Telling, list[str], Version | None]] = []
        if scene.versions:
            for i, v in enumerate(scene.versions):
                tellings.append((f"{node[scene.key]}_{i + 1}", v, v.cast or scene.cast, v))
            tellings.append((f"{node[scene.key]}_0", scene, scene.cast, None))
        else:
            tellings.append((node[scene.key], scene, scene.cast, None))
        beats = []
        for bid, telling, cast, version in tellings:
            tag = f"{shape.id}.{scene.key}.{bid.rsplit('_', 1)[-1] if version is not None else 'base'}"
            b = self.beat(bid, scene, telling, list(cast), n, tag, extra)
            b.effects = _effects(scene.set, scene.add, var)
            if scene.next is not None:
                if isinstance(scene.next, str):
                    b.next = [Edge(target=node[scene.next])]
                else:
                    # A telling written for one state leaves only by the ways that state allows.
                    ways = [(k, t) for k, t in scene.next if not _contradicts(t, version.when if version else None)]
                    b.next = [Edge(target=node[k], condition=_cond(t, var)) for k, t in ways]
            elif scene.choice is not None:
                b.choice = self.choice(f"{bid}_choice", scene.choice, n, node, var, shape)
            else:
                b.ending = bid
                b.effects.append(Effect(var="last_ending", value=scene.ending))
                slots = self.slots(n, self.place_for(scene.place, n), "clear")
                title = self.writer.pick(f"{shape.id}.ending_title.{scene.key}", scene.ending_title, slots,
                                         fallback=scene.ending.title())
                graph["endings"].append(Ending(id=bid, episode=n, beat=bid, title=title, kind=scene.ending,
                                               summary=b.narration))
                if last:
                    hooks = [self.writer.fill(h, slots) for h in
                             self.rng.sample(shape.hooks, k=min(2, len(shape.hooks)))]
                    graph["extension_points"].append(ExtensionPoint(
                        id=f"{bid}_onward", beat=bid, hooks=[h for h in hooks if h] or ["The story goes on."],
                        carries=[]))
            beats.append(b)
        if scene.versions:
            graph["groups"].append(SegmentGroup(
                id=node[scene.key], description=f"{scene.key}, told for what came before",
                candidates=[Edge(target=bid, condition=_cond(v.when, var) if v is not None else None)
                            for bid, _, _, v in tellings]))
        return beats



def past(skips: dict[str, str], key: str) -> str:
    """Where ``key`` leads once every scene skipped in a row is passed (scene key -> the scene
    told instead); in a loop of skipped scenes, where the loop closes."""
    seen: set[str] = set()
    while key in skips and key not in seen:
        seen.add(key)
        key = skips[key]
    return key


def default_path(shape: PlotShape, passed: dict[str, str] | None = None) -> list[str]:
    """The scenes a viewer who never chooses plays: first scene to an ending (less the scenes
    ``passed`` over: scene key -> the scene told instead)."""
    scenes = {s.key: s for s in shape.scenes}
    passed = passed or {}
    key, seen = shape.scenes[0].key, []
    while key not in seen:
        seen.append(key)
        s = scenes[key]
        if s.ending:
            break
        if s.choice:
            key = next(o.to for o in s.choice.options if o.key == s.choice.default)
        else:
            key = s.next if isinstance(s.next, str) else s.next[-1][0]
        key = past(passed, key)
    return seen


def default_path_length(shape: PlotShape, passed: dict[str, str] | None = None) -> int:
    return len(default_path(shape, passed))


#: Seconds an episode's cards take, and a scene's pictures at the least besides its speech.
CARDS_S, SCENE_HOLD_S = 5.0, 3.0
#: Seconds a strand running beneath the plot (a second plot, a complication) adds: its
#: introduction and its payoff.
WOVEN_S = 8.0


def spoken_seconds(beats: list[Beat]) -> float:
    """About how long ``beats`` run at the least: their words at the speaking rate, and holds."""
    words = sum(len(b.narration.split()) + sum(len(ln.text.split()) for ln in b.lines) for b in beats)
    return CARDS_S + words / WORDS_PER_SECOND + SCENE_HOLD_S * len(beats)


def side_scenes(shape: PlotShape, every: bool = False) -> dict[str, str]:
    """The scenes a short episode passes over (SIDE_ROLES), each with the scene told instead.
    ``every``: every scene after the first that offers no choice, ends nothing, changes no state
    and leads on to one scene."""
    side = {s.key: s.next for s in shape.scenes[1:]
            if (every or s.role in SIDE_ROLES) and not s.set and not s.add
            and s.choice is None and s.ending is None and isinstance(s.next, str)}
    ends = {key: past(side, key) for key in side}  # type: ignore[arg-type]
    return {key: to for key, to in ends.items() if to not in side}  # (a loop of side scenes is told)


def later_choices(shape: PlotShape, passed: dict[str, str]) -> dict[str, str]:
    """The choice scenes after the first on the default path, each with the scene its default
    option leads to (a 30 s film has time for one choice)."""
    scenes = {s.key: s for s in shape.scenes}
    out: dict[str, str] = {}
    choices = [k for k in default_path(shape, passed) if scenes[k].choice is not None]
    for key in choices[1:]:
        choice = scenes[key].choice
        assert choice is not None
        to = next(o.to for o in choice.options if o.key == choice.default)
        out[key] = passed.get(to, to)
    ends = {key: past(out, key) for key in out}  # a passed choice leading to another leads past both
    return {key: to for key, to in ends.items() if to not in out}


def taken_by_default(shape: PlotShape, later: dict[str, str]) -> PlotShape:
    """The shape with each choice in ``later`` taken as its default: what the default option
    sets is set on entering the scene it leads to (the story after it reads it as chosen)."""
    scenes = {s.key: s for s in shape.scenes}
    effects: dict[str, tuple[dict, dict]] = {}
    for key, to in later.items():
        choice = scenes[key].choice
        assert choice is not None
        o = next(o for o in choice.options if o.key == choice.default)
        s_, a_ = effects.setdefault(to, ({}, {}))
        s_.update(o.set)
        for k, v in o.add.items():
            a_[k] = a_.get(k, 0) + v
    return shape.model_copy(update={"scenes": [
        s.model_copy(update={"set": {**effects[s.key][0], **s.set},
                             "add": {k: effects[s.key][1].get(k, 0) + s.add.get(k, 0)  # (in a fixed order)
                                     for k in dict.fromkeys([*effects[s.key][1], *s.add])}})
        if s.key in effects else s for s in shape.scenes]})


def spared(shape: PlotShape) -> PlotShape:
    """The shape without the options that cost a companion's life (a children's or cozy story
    never offers them; the endings only they led to are pruned), where two options remain."""
    def kills(o) -> bool:
        return o.set.get("comp_alive") is False

    scenes = []
    for s in shape.scenes:
        kept = [o for o in s.choice.options if not kills(o)] if s.choice else []
        if s.choice is None or len(kept) == len(s.choice.options) or len(kept) < 2 \
                or all(o.requires for o in kept):
            scenes.append(s)
            continue
        default = s.choice.default if any(o.key == s.choice.default for o in kept) else \
            next(o.key for o in kept if not o.requires)
        scenes.append(s.model_copy(update={"choice": s.choice.model_copy(update={"options": kept,
                                                                                  "default": default})}))
    return shape.model_copy(update={"scenes": scenes})


def told_once(b: Beat) -> Beat:
    """The beat with its lines dropped wherever its narration already tells it."""
    if b.choice is not None or not b.narration or not b.lines:
        return b
    variants = {k: v.model_copy(update={"lines": []}) if v.narration else v for k, v in b.variants.items()}
    return b.model_copy(update={"lines": [], "variants": variants})


def declare_series(cast: Cast, graph: dict) -> None:
    """The variables every episode shares: who is alive, trust in the wildcard, the last ending."""
    for c in cast.all:
        graph["variables"].append(Variable(name=alive_var(c.id), type="bool", initial=True,
                                           description=f"{c.name} is alive and in the story"))
    graph["variables"].append(Variable(name=f"trust_{cast.wild.id}", type="int", initial=0,
                                       description=f"how far the hero trusts {cast.wild.name}"))
    graph["variables"].append(Variable(name="last_ending", type="str", initial=None,
                                       description="how the last episode ended"))


def prune(graph: StoryGraph, story_check) -> StoryGraph:
    """Drop tellings no path can reach (a version for a state that never happens there, an
    ending only a choice a short film does not offer leads to), the group candidates and edges
    that pointed at them. ``story_check(graph) -> set of unreachable beat ids``."""
    dead = story_check(graph)
    if not dead:
        return graph
    groups = [g.model_copy(update={"candidates": [c for c in g.candidates if c.target not in dead]})
              for g in graph.groups]
    # a group left with no telling was never reached either (a story saved with one cannot be read back)
    dead |= {g.id for g in groups if not g.candidates}
    groups = [g for g in groups if g.candidates]
    beats = [b if not any(e.target in dead for e in b.next)
             else b.model_copy(update={"next": [e for e in b.next if e.target not in dead]})
             for b in graph.beats if b.id not in dead]  # an edge to an ending never reached goes with it
    endings = [e for e in graph.endings if e.beat not in dead]
    points = [x for x in graph.extension_points if x.beat not in dead]
    return graph.model_copy(update={"beats": beats, "groups": groups, "endings": endings,
                                    "extension_points": points})


def finish_extension_points(graph: StoryGraph) -> StoryGraph:
    carries = [v.name for v in graph.variables]
    points = [x.model_copy(update={"carries": carries}) for x in graph.extension_points]
    return graph.model_copy(update={"extension_points": points})


__all__ = ["BUILTIN_VARS", "Composer", "allowed_middle_plots", "declare_series", "finish_extension_points", "prune",
           "series_plan"]
