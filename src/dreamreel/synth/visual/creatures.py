"""Non-human characters: beasts on four legs (or none), birds and ghosts, drawn from the bible's
``Look.species`` with the same face system as people (expression, blink, mouth, listening).

A species is not a drawing but a **body plan** assembled from parametric parts (size, body
length, legs, neck, snout, ears, horns, wings, tail, spines, pattern, colours), so a species
nobody listed is still drawn sensibly from the nearest plan: ``body_plan("lynx")`` is a cat's
plan, and says so (``BodyPlan.substitute``) for the shot log. Humanoid species (elves, robots,
vampires, trolls ...) stay :class:`~.puppets.Puppet` people with the species' skin. Vehicles
with faces (an engine, a tugboat, a bus, a car, a tractor) are creatures too: their bodies are
drawn by :mod:`.vehicles`, their faces here.

A creature obeys the puppet contract the renderer relies on: feet at (0, 0), ``draw_behind``
(animated every frame: wings, tail), ``draw_body`` (cached, only breathes), ``draw_head`` (the
face, cached per expression/blink/mouth), ``draw_arm`` (the front limb's gesture),
``head_center``, ``head_box(facing)`` and the ``wf``/``hf`` extents of the body.
"""

from __future__ import annotations

import dataclasses
import math
import re

import skia

from ...model.bible import Character, Look
from .looks import Grade, hex_rgb, mix
from .paint import fill, poly, stroke
from .puppets import COSTUMES, EXPRESSIONS, HATS, HUMANOID_SKIN, Pose, Puppet, is_robot, species_words
from . import vehicles


@dataclasses.dataclass(frozen=True)
class BodyPlan:
    """How a creature is built. Lengths are in puppet units before ``size`` scales them."""

    shape: str                    # "beast" (body on legs), "bird" (upright), "ghost" (floating sheet),
                                  # "octopus" (a mantle over waving arms) or "vehicle" (see vehicles.py)
    size: float = 1.0             # overall scale; a person is about 1.0 tall
    body: str = "#8a6a4a"         # main colour
    belly: str = "#d8c0a0"
    legs: int = 4                 # beasts: 4 or 0 (serpents)
    neck: float = 0.3             # 0 head on the body .. 1 a long raised neck
    snout: float = 0.5            # 0 flat face .. 1 long muzzle
    ears: str = "point"           # point, flop, round, long, none
    horns: str = "none"           # none, two, one (a unicorn), antlers
    wings: bool = False
    tail: str = "plain"           # plain, bushy, thin, spiked, none
    spines: bool = False
    pattern: str = "none"         # none, stripes, spots, mane
    insect: bool = False          # birds only: buzzing wings, feelers and a mouth instead of a beak
    trunk: bool = False           # an elephant's trunk instead of a muzzle
    wing_color: str | None = None  # insects: broad coloured wings (a butterfly's) instead of clear ones
    life: float | None = None     # how tall it stands in life beside a grown person (1.0), where that is
                                  # less than drawn: a mouse 0.05, an owl 0.25 (see life_scale)
    leg: float = 1.0              # leg length: 1 a dog's .. 0.4 a hedgehog's stubby legs
    coat: str = "fur"             # fur, spines (a hedgehog's back), shell (a tortoise's dome)
    coat_color: str = "#4a3424"   # the spines' or the shell's colour
    substitute: str | None = None  # the species it was asked for, when drawn as this plan instead
    vehicle: str = ""             # vehicles: engine, boat, bus, car or tractor
    hump: int = 0                 # humps on the back: 1 a dromedary's, 2 a Bactrian camel's

    def named(self, asked: str) -> "BodyPlan":
        return dataclasses.replace(self, substitute=asked)


_DOG = BodyPlan("beast", 0.62, "#8a5a32", "#e0c8a0", ears="flop", snout=0.6, life=0.35)
_CAT = BodyPlan("beast", 0.45, "#8c8c90", "#e8e4dc", ears="point", snout=0.2, tail="thin", life=0.18)
_HORSE = BodyPlan("beast", 1.25, "#6a4028", "#8a5a3a", neck=0.9, snout=0.9, ears="point", pattern="mane")
_BEAR = BodyPlan("beast", 1.0, "#5a3a24", "#7a5a3a", ears="round", snout=0.45, tail="none")
_DRAGON = BodyPlan("beast", 1.35, "#3f7a4a", "#d8c070", neck=0.85, snout=0.8, ears="none", horns="two",
                   wings=True, tail="spiked", spines=True)
_SERPENT = BodyPlan("beast", 1.0, "#5a7a2a", "#c8c070", legs=0, neck=0.8, snout=0.55, ears="none", tail="thin")
_BIRD = BodyPlan("bird", 0.5, "#6a5a4a", "#e0d0b8", life=0.15)
_GHOST = BodyPlan("ghost", 1.0, "#e6ecf4", "#ffffff")
_HEDGEHOG = BodyPlan("beast", 0.26, "#b08a64", "#ecd8bc", ears="round", snout=0.65, tail="none", leg=0.45,
                     coat="spines", coat_color="#4a3424", life=0.07)
_TORTOISE = BodyPlan("beast", 0.42, "#8a9468", "#c8c098", neck=0.15, snout=0.3, ears="none", tail="none", leg=0.45,
                     coat="shell", coat_color="#7a6230", life=0.1)
_OCTOPUS = BodyPlan("octopus", 0.85, "#c8566a", "#f0a8b0", legs=0, ears="none", tail="none")
_FROG = BodyPlan("beast", 0.3, "#4a9a3a", "#d8e8a0", neck=0.0, snout=0.1, ears="none", tail="none", leg=0.5,
                 life=0.04)
_ENGINE = BodyPlan("vehicle", 1.0, ears="none", tail="none", legs=0, vehicle="engine")
_BOAT = BodyPlan("vehicle", 1.0, ears="none", tail="none", legs=0, vehicle="boat")
_BUS = BodyPlan("vehicle", 1.05, ears="none", tail="none", legs=0, vehicle="bus")
_CAR = BodyPlan("vehicle", 0.85, ears="none", tail="none", legs=0, vehicle="car")
_TRACTOR = BodyPlan("vehicle", 0.95, ears="none", tail="none", legs=0, vehicle="tractor")
#: A camel: long legs, a long neck that dips forward before it rises to the head, a hump on its back.
_CAMEL = BodyPlan("beast", 1.3, "#c49a64", "#dcbc8c", neck=0.95, snout=0.7, ears="round", tail="thin", leg=1.3,
                  hump=1)
_LIZARD = BodyPlan("beast", 0.32, "#5a8a3a", "#c8d890", neck=0.1, snout=0.55, ears="none", tail="thin", leg=0.4,
                   life=0.04)

#: Species the plans are made from; the first word that names one wins.
PLANS: dict[str, BodyPlan] = {
    "dragon": _DRAGON, "wyvern": _DRAGON, "sea monster": dataclasses.replace(_SERPENT, size=1.5, body="#2a6a6a"),
    "mythical beast": dataclasses.replace(_DRAGON, wings=False, body="#7a4a8a"),
    "monster": dataclasses.replace(_BEAR, body="#5a6a3a", horns="two", size=1.2),
    "snake": _SERPENT, "serpent": _SERPENT, "worm": dataclasses.replace(_SERPENT, size=0.4, body="#c08080", life=0.02),
    "dog": _DOG, "puppy": dataclasses.replace(_DOG, size=0.45, life=0.2), "wolf": dataclasses.replace(_DOG, body="#6a6a70",
                                                                                         ears="point", tail="bushy"),
    "fox": dataclasses.replace(_DOG, size=0.5, body="#c8622a", ears="point", tail="bushy", life=0.25),
    "cat": _CAT, "kitten": dataclasses.replace(_CAT, size=0.35, life=0.1),
    "tiger": dataclasses.replace(_CAT, size=0.95, body="#d87a2a", pattern="stripes", life=0.55),
    "lion": dataclasses.replace(_CAT, size=0.95, body="#c89a4a", pattern="mane", tail="plain", life=0.6),
    # (a big cat is not a house cat's size beside people)
    "camel": _CAMEL, "dromedary": _CAMEL, "bactrian camel": dataclasses.replace(_CAMEL, hump=2, body="#9a7448"),
    "llama": dataclasses.replace(_CAMEL, size=0.95, hump=0, body="#e8dcc8", belly="#f4ece0", ears="point"),
    "horse": _HORSE, "pony": dataclasses.replace(_HORSE, size=0.9), "unicorn": dataclasses.replace(
        _HORSE, body="#f2eef4", belly="#ffffff", horns="one"),
    "zebra": dataclasses.replace(_HORSE, body="#f0f0f0", pattern="stripes"),
    "reindeer": dataclasses.replace(_HORSE, size=1.1, body="#7a5a3a", horns="antlers", pattern="none"),
    "deer": dataclasses.replace(_HORSE, size=1.0, body="#a8743a", horns="antlers", pattern="none"),
    "bear": _BEAR, "polar bear": dataclasses.replace(_BEAR, body="#ecece4", belly="#ffffff"),
    "panda": dataclasses.replace(_BEAR, body="#f2f2ee", belly="#1a1a1a", pattern="spots"),
    "pig": dataclasses.replace(_BEAR, size=0.6, body="#e8a8a0", belly="#f0c0b8", ears="point", snout=0.3,
                               tail="thin", life=0.4),
    "sheep": dataclasses.replace(_BEAR, size=0.65, body="#eeeae0", belly="#3a3030", ears="flop", tail="none"),
    "rabbit": dataclasses.replace(_CAT, size=0.32, body="#b8a088", ears="long", tail="bushy", life=0.15),
    "mouse": dataclasses.replace(_CAT, size=0.22, body="#9a8a80", ears="round", life=0.05),
    "rat": dataclasses.replace(_CAT, size=0.28, body="#6a5a50", ears="round", life=0.07),
    "squirrel": dataclasses.replace(_CAT, size=0.28, body="#b05a2a", ears="point", tail="bushy", life=0.1),
    "raccoon": dataclasses.replace(_CAT, size=0.42, body="#7a7a78", pattern="stripes", tail="bushy", life=0.2),
    "otter": dataclasses.replace(_CAT, size=0.4, body="#6a4a30", ears="round", life=0.2),
    "elephant": dataclasses.replace(_BEAR, size=1.6, body="#8a8a90", belly="#9c9ca2", ears="big", snout=1.0,
                                    tail="thin", trunk=True),
    "mammoth": dataclasses.replace(_BEAR, size=1.6, body="#6a4a30", ears="round", snout=1.0, horns="two",
                                   trunk=True),
    "rhino": dataclasses.replace(_BEAR, size=1.2, body="#8a8a84", horns="one", ears="point", tail="thin"),
    "cow": dataclasses.replace(_BEAR, size=1.0, body="#f0ece4", pattern="spots", horns="two", ears="flop"),
    "goat": dataclasses.replace(_DOG, size=0.6, body="#e0d8c8", horns="two"),
    "bird": _BIRD, "owl": dataclasses.replace(_BIRD, body="#8a6a48", belly="#d8c8a8", life=0.25),
    "parrot": dataclasses.replace(_BIRD, body="#2aa84a", belly="#e8d83a", life=0.2),
    "penguin": dataclasses.replace(_BIRD, size=0.55, body="#1e1e24", belly="#f4f4f0", life=0.4),
    "swan": dataclasses.replace(_BIRD, size=0.6, body="#f4f4f0", belly="#ffffff"),
    "songbird": dataclasses.replace(_BIRD, size=0.3, body="#c8602a", belly="#f0d8a0", life=0.07),
    "robin": dataclasses.replace(_BIRD, size=0.3, body="#7a5a3a", belly="#d8502a", life=0.07),
    "pigeon": dataclasses.replace(_BIRD, size=0.35, body="#8a90a0", belly="#b0b4c0", life=0.15),
    "seagull": dataclasses.replace(_BIRD, size=0.4, body="#e8e8e8", belly="#ffffff", life=0.2),
    "turkey": dataclasses.replace(_BIRD, size=0.55, body="#5a3a2a", belly="#8a5a3a", life=0.4),
    "duck": dataclasses.replace(_BIRD, size=0.4, body="#3a7a3a", belly="#c8a878", life=0.2),
    "chicken": dataclasses.replace(_BIRD, size=0.4, body="#e8dcc8", belly="#ffffff", life=0.25),
    "bee": dataclasses.replace(_BIRD, size=0.3, body="#f0c020", belly="#f0c020", pattern="stripes", insect=True, life=0.015),
    "butterfly": dataclasses.replace(_BIRD, size=0.3, body="#3a2a3a", belly="#5a4a5a", insect=True,
                                     wing_color="#f0861c", life=0.03),
    "firefly": dataclasses.replace(_BIRD, size=0.28, body="#4a4a30", belly="#e8f060", insect=True, life=0.015),
    "beetle": dataclasses.replace(_BIRD, size=0.3, body="#2a6a4a", belly="#1a3a2a", insect=True, life=0.02),
    "hedgehog": _HEDGEHOG, "porcupine": dataclasses.replace(_HEDGEHOG, size=0.4, body="#6a5a4a",
                                                             coat_color="#2a221c"),
    "tortoise": _TORTOISE, "turtle": dataclasses.replace(_TORTOISE, body="#6a9a6a", coat_color="#4a6a3a"),
    "octopus": _OCTOPUS, "squid": dataclasses.replace(_OCTOPUS, body="#e0a080", belly="#f4d0b8"),
    "frog": _FROG, "toad": dataclasses.replace(_FROG, body="#7a6a3a", belly="#c8b888"),
    "lizard": _LIZARD, "gecko": dataclasses.replace(_LIZARD, body="#8ab04a"),
    "chameleon": dataclasses.replace(_LIZARD, body="#3aa85a", belly="#e0d060"),
    "ghost": _GHOST, "spirit": dataclasses.replace(_GHOST, body="#cfe6f2"), "phantom": _GHOST,
    "spectre": _GHOST, "specter": _GHOST, "wraith": dataclasses.replace(_GHOST, body="#b8c0c8"),
    "steam engine": _ENGINE, "engine": _ENGINE, "locomotive": _ENGINE, "train": _ENGINE,
    "tugboat": _BOAT, "boat": _BOAT, "bus": _BUS, "car": _CAR, "tractor": _TRACTOR,
}
#: Families of words that are drawn with a known plan: a lynx is a cat, a whale a sea serpent.
NEAREST: dict[str, str] = {
    "lynx": "cat", "leopard": "tiger", "panther": "cat", "jaguar": "tiger", "cheetah": "tiger",
    "hound": "dog", "coyote": "wolf", "jackal": "wolf", "werewolf": "wolf", "hyena": "dog",
    "donkey": "horse", "mule": "horse", "giraffe": "horse", "moose": "deer", "elk": "deer",
    "badger": "raccoon", "weasel": "otter", "ferret": "otter", "mole": "mouse", "hamster": "mouse",
    "skunk": "raccoon", "beaver": "otter", "monkey": "cat", "ape": "bear", "gorilla": "bear",
    "yak": "cow", "bull": "cow", "ox": "cow", "buffalo": "cow", "lamb": "sheep", "hippo": "rhino",
    "whale": "sea monster", "shark": "sea monster", "dolphin": "sea monster", "seal": "otter", "walrus": "otter",
    "cuttlefish": "octopus", "jellyfish": "octopus", "fish": "sea monster", "eel": "snake", "newt": "lizard",
    "salamander": "lizard", "axolotl": "lizard", "iguana": "lizard", "tadpole": "frog", "crocodile": "dragon", "alligator": "dragon", "dinosaur": "dragon",
    "terrapin": "turtle", "snail": "tortoise", "armadillo": "hedgehog", "shrew": "mouse", "spider": "mouse",
    "starfish": "sea monster", "crab": "mouse", "wasp": "bee", "bumblebee": "bee", "hornet": "bee",
    "moth": "butterfly", "ladybird": "beetle", "ladybug": "beetle", "ant": "beetle", "cricket": "beetle",
    "grasshopper": "beetle", "dragonfly": "butterfly", "glow-worm": "firefly", "insect": "beetle", "bug": "beetle",
    "eagle": "bird", "hawk": "bird", "crow": "bird", "raven": "bird", "hen": "chicken", "rooster": "chicken",
    "goose": "swan", "flamingo": "swan", "phoenix": "parrot", "griffin": "dragon", "gryphon": "dragon",
    "animal": "dog", "beast": "mythical beast", "creature": "mythical beast", "poltergeist": "ghost",
    "banshee": "ghost", "soul": "ghost", "shade": "ghost",
    "kangaroo": "rabbit", "wallaby": "rabbit", "hare": "rabbit", "koala": "bear", "wombat": "bear", "sloth": "bear",
    "platypus": "otter", "meerkat": "otter", "mongoose": "otter", "lemur": "cat", "alpaca": "sheep", "guanaco": "llama", "vicuna": "llama",
    "bat": "bird", "vulture": "bird", "falcon": "bird", "kestrel": "bird", "stork": "swan", "heron": "swan",
    "crane": "swan", "pelican": "swan", "ostrich": "turkey", "emu": "turkey", "dodo": "turkey", "kiwi": "chicken",
    "peacock": "turkey", "puffin": "penguin", "toucan": "parrot", "macaw": "parrot", "cockatoo": "parrot",
    "budgie": "parrot", "canary": "songbird", "sparrow": "songbird", "finch": "songbird", "wren": "songbird",
    "blackbird": "songbird", "hummingbird": "songbird", "nightingale": "songbird", "lark": "songbird",
    "magpie": "bird", "jackdaw": "bird", "cuckoo": "bird", "woodpecker": "bird", "kingfisher": "bird",
    "opossum": "raccoon", "possum": "raccoon", "chipmunk": "squirrel", "gerbil": "mouse", "guinea pig": "mouse",
    "goldfish": "sea monster", "salmon": "sea monster", "trout": "sea monster", "seahorse": "sea monster",
    "lobster": "octopus", "shrimp": "octopus", "prawn": "octopus", "cobra": "snake", "python": "snake",
    "viper": "snake", "rattlesnake": "snake", "adder": "snake", "anaconda": "snake", "kraken": "octopus",
    "yeti": "bear", "bigfoot": "bear", "sasquatch": "bear", "minotaur": "bear", "hydra": "dragon",
    "tyrannosaurus": "dragon", "raptor": "dragon", "pterodactyl": "dragon", "cyclops": "monster", "ogre": "monster",
    "pegasus": "unicorn",
    "narwhal": "sea monster", "orca": "sea monster", "manatee": "sea monster", "dugong": "sea monster",
    "porpoise": "sea monster", "stingray": "sea monster", "pufferfish": "sea monster", "clownfish": "sea monster",
    "anglerfish": "sea monster", "swordfish": "sea monster", "catfish": "sea monster", "carp": "sea monster",
    "koi": "sea monster", "piranha": "sea monster", "tuna": "sea monster", "leviathan": "sea monster",
    "tapir": "pig", "anteater": "bear", "aardvark": "pig", "capybara": "pig", "warthog": "pig", "boar": "pig",
    "hippopotamus": "rhino", "bison": "cow", "antelope": "deer", "gazelle": "deer", "impala": "deer",
    "caribou": "reindeer", "ram": "sheep", "puma": "cat", "cougar": "cat", "bobcat": "cat", "ocelot": "cat",
    "dingo": "dog", "grizzly": "bear", "red panda": "raccoon", "chimpanzee": "bear", "chimp": "bear",
    "orangutan": "bear", "baboon": "bear", "scorpion": "beetle", "centipede": "snake", "slug": "worm",
    "basilisk": "snake", "wyrm": "dragon", "sphinx": "lion", "manticore": "lion", "chimera": "mythical beast",
    "hippogriff": "dragon",
    "tug": "tugboat", "ferry": "tugboat", "steamboat": "tugboat", "barge": "tugboat", "fire engine": "bus",
    "coach": "bus", "minibus": "bus", "double-decker": "bus", "truck": "car", "lorry": "car", "van": "car",
    "taxi": "car", "cab": "car", "digger": "tractor", "combine harvester": "tractor", "choo-choo": "steam engine",
}
#: How tall a creature drawn from another's plan stands in life beside a grown person (1.0), where
#: that differs from the plan's own: a kangaroo is not a rabbit's size, nor a koala a bear's.
LIFE: dict[str, float] = {
    "kangaroo": 0.9, "wallaby": 0.55, "koala": 0.3, "wombat": 0.35, "sloth": 0.35, "hare": 0.25,
    "ostrich": 1.2, "emu": 1.0, "dodo": 0.45, "peacock": 0.5, "kiwi": 0.2, "stork": 0.6, "heron": 0.55,
    "crane": 0.7, "pelican": 0.6, "bat": 0.08, "vulture": 0.35, "hummingbird": 0.03, "gerbil": 0.05,
    "guinea pig": 0.08, "chipmunk": 0.07, "goldfish": 0.04, "seahorse": 0.05, "lobster": 0.12, "shrimp": 0.03,
    "prawn": 0.03, "hamster": 0.05, "crab": 0.06, "spider": 0.02, "monkey": 0.35, "lemur": 0.25, "meerkat": 0.15,
    "yeti": 1.3, "bigfoot": 1.3, "sasquatch": 1.3, "gorilla": 0.9, "minotaur": 1.2,
    "red panda": 0.2, "chimpanzee": 0.6, "chimp": 0.6, "orangutan": 0.7, "baboon": 0.45, "capybara": 0.3,
    "aardvark": 0.35, "scorpion": 0.02, "centipede": 0.02, "slug": 0.01, "puma": 0.4, "cougar": 0.4,
    "bobcat": 0.3, "ocelot": 0.25, "clownfish": 0.03, "pufferfish": 0.05, "piranha": 0.05, "koi": 0.08,
    "carp": 0.08, "catfish": 0.1,
}
def body_plan(species: str) -> BodyPlan | None:
    """The plan a species is drawn with; None for people (humans, humanoids and robots)."""
    s = " ".join(species_words(species))
    if not s or s == "human" or is_robot(s) or any(w in HUMANOID_SKIN for w in s.split()):
        return None
    near = _nearest(s)
    if near is None or " " not in near[0]:  # a two-word name ("guinea pig") before its last word's plan
        for name in sorted(PLANS, key=len, reverse=True):  # "polar bear" before "bear"
            if re.search(rf"\b{re.escape(name)}s?\b", s):
                return PLANS[name]
    if near is None:
        return None
    word, name = near
    plan = PLANS[name].named(species)
    life = LIFE.get(word)
    if life is None:
        return plan
    if life > plan.size:  # bigger than its stand-in: drawn at its own size
        return dataclasses.replace(plan, size=life, life=None)
    return dataclasses.replace(plan, life=life)


def _nearest(s: str) -> tuple[str, str] | None:
    """The word of ``s`` that ``NEAREST`` knows (two-word names first), and the plan it is drawn as."""
    words = s.split()
    for word in [" ".join(words[i:i + 2]) for i in range(len(words) - 1)] + words:
        base = word[:-1] if word.endswith("s") and word[:-1] in NEAREST else word
        if base in NEAREST:
            return base, NEAREST[base]
    return None


def drawn_as(species: str) -> tuple[str, str | None]:
    """What the renderer draws for a species, and what it substituted (None when drawn as asked):
    for the shot log and the note that says what could not be drawn."""
    plan = body_plan(species)
    if plan is not None:
        near = _nearest(" ".join(species_words(species))) if plan.substitute else None
        if near is not None:
            return near[1], plan.substitute
        shape = next((k for k, v in PLANS.items() if v == dataclasses.replace(plan, substitute=None)), plan.shape)
        return shape, plan.substitute
    s = species.lower().strip() or "human"
    if is_robot(s):
        return "robot", None
    if s == "human" or any(w in HUMANOID_SKIN for w in species_words(s)):
        return s, None
    return "human", species  # a species nobody can draw yet is played by a person


def attire(look: Look, plan: BodyPlan) -> tuple[str | None, str | None, bool]:
    """What a creature wears of its clothing, so a hedgehog postman or an octopus chef reads as
    one: the job's headwear (a toque, a cap, a helmet, a crown), a coat in the costume's colour
    (a neckerchief on the big, the spined and the shelled), and a bag when it carries one."""
    if plan.shape == "ghost":
        return None, None, False  # a ghost's sheet is its clothing
    worn = look.clothing.lower()
    things = [a.lower() for a in look.accessories] + [worn]
    costume = next((x for x in COSTUMES if any(w in worn for w in x[0])), None)
    hat = next((a for a in things if any(w in a for w in HATS + ("tiara",))), None)
    hat = hat or (costume[3] if costume else None) or ("cap" if "uniform" in worn else None)
    white_coat = any(w in worn for w in ("lab coat", "white coat"))
    colour = costume[1] if costume else "#f0f2f4" if white_coat else look.clothing_colors[0]
    bag = any(any(w in a for w in ("satchel", "mailbag", "bag", "pouch")) for a in things)
    return hat, colour, bag


class Creature:
    """A non-human character's drawing, with its paints prepared once per shot."""

    def __init__(self, look: Look, grade: Grade, plan: BodyPlan, *, rim: bool = False, machine: bool = False):
        self.machine = machine
        if machine:  # brass and steel, whatever the animal's own colours
            plan = dataclasses.replace(plan, body=BRASS, belly=STEEL)
            look = look.model_copy(update={"clothing": "", "accessories": []})
        self.look, self.plan, self.g = look, plan, grade
        # the smallest creatures are drawn a little larger than life, so a mouse can still act
        self.k = max(0.3, plan.size) * (0.72 if look.age == "child" else 1.0)
        g, lit = grade, 0.55
        body = hex_rgb(plan.body)
        belly = hex_rgb(plan.belly)
        ghost = plan.shape == "ghost"
        a = 0.78 if ghost else 1.0
        self.body = fill(g.c(body, a, lit=lit, pull=0.05))
        self.body_flat = fill(self.body.getColor(), aa=not ghost)
        self.dark = fill(g.c(mix(body, (0, 0, 0), 0.3), a, lit=lit, pull=0.05))
        self.belly = fill(g.c(belly, a, lit=lit, pull=0.05))
        self.mark = fill(g.c(mix(body, (0.05, 0.04, 0.04), 0.75), lit=lit, pull=0.05))
        self.horn = fill(g.c((0.92, 0.86, 0.7) if plan.horns != "one" else (0.95, 0.85, 0.4), lit=lit))
        self.wing = fill(g.c(mix(body, (0, 0, 0), 0.2), 0.92, lit=lit, pull=0.05))
        self.beak = fill(g.c((0.95, 0.68, 0.2), lit=lit))
        if plan.wing_color:
            wc = hex_rgb(plan.wing_color)
            self.wing_paint = fill(g.c(wc, lit=lit, pull=0.05))
            self.wing_border = stroke(g.c(mix(wc, (0.04, 0.03, 0.03), 0.85), lit=lit, pull=0.05), 5.0 * self.k)
            self.wing_eye = fill(g.c(mix(wc, (1.0, 0.95, 0.6), 0.6), lit=lit, pull=0.05))
        edge = (0.7, 0.74, 0.82) if rim else (0.06, 0.05, 0.05)
        # a small creature's lines thin with it: a mouse framed as big as a face keeps a fine line
        self.outline = stroke(g.c(edge, 0.85, lit=0, pull=0), (0.5 if rim else 0.6) * math.sqrt(min(1.0, self.k)))
        self.ink = fill(g.c((0.06, 0.05, 0.06), lit=0, pull=0))
        self.white = fill(g.c((0.97, 0.96, 0.94), lit=0.3, pull=0))
        self.iris = fill(g.c(hex_rgb(look.eye_color) if not ghost else (0.1, 0.12, 0.2), lit=0.2, pull=0))
        self.mouth_in = fill(g.c((0.3, 0.06, 0.08), lit=0.3, pull=0))
        self.teeth = fill(g.c((0.96, 0.94, 0.9), lit=0.3, pull=0))
        coat = hex_rgb(plan.coat_color)
        self.coat = fill(g.c(coat, lit=lit, pull=0.05))
        self.coat_tip = stroke(g.c(mix(coat, (1, 1, 1), 0.45), lit=lit, pull=0.05), 0.9 * self.k)
        self.hat, worn, self.bag = attire(look, plan) if not machine else (None, None, False)
        self.steel = fill(g.c(hex_rgb(STEEL), lit=lit, pull=0.05))
        self.rivet = fill(g.c((0.42, 0.3, 0.12), lit=lit, pull=0.05))
        self.vehicle = vehicles.Paints(look, grade, self.k) if plan.shape == "vehicle" else None
        if self.vehicle is not None:
            worn, self.bag = None, False  # its livery is its clothes; a driver's cap it still wears
        cloth = hex_rgb(worn) if worn else (0.5, 0.5, 0.5)
        self.cloth = fill(g.c(mix(cloth, (0.5, 0.5, 0.55), 0.15), lit=lit))
        self.cloth_dark = fill(g.c(mix(cloth, (0, 0, 0), 0.35), lit=lit))
        self.leather = fill(g.c((0.45, 0.28, 0.14), lit=lit))
        self.gold = fill(g.c((0.92, 0.76, 0.3), lit=lit))
        # a coat on the back of a small or middling beast; the big, spined and shelled wear a neckerchief
        self.cloth_worn = worn is not None
        self.coated = self.cloth_worn and plan.coat == "fur" and plan.size < 1.0
        # extents for the renderer's cached body sprite: half width 26*wf+6 units, height 82*hf
        self.wf = max(0.6, {"beast": 1.9, "vehicle": 2.0}.get(plan.shape, 0.9) * self.k)
        self.hf = max(0.35, 1.15 * self.k)
        self.child = look.age == "child"

    # --- geometry (units: a person is about 100 tall) -----------------------------------------

    def head_center(self, pose: Pose) -> tuple[float, float]:
        k, p = self.k, self.plan
        if p.shape == "bird":
            return pose.sway * 0.5 * k, (-62 + pose.breath * 0.6) * k
        if p.shape == "ghost":
            return pose.sway * 1.2, -80 * k + pose.breath * 1.2
        if p.shape == "octopus":
            return pose.sway * 0.8, (-58 + pose.breath * 0.8) * k
        if p.shape == "vehicle":
            fx, fy, _ = vehicles.FACE[p.vehicle]
            return pose.facing * fx * k, (fy + pose.breath * 0.3) * k
        lift = 40 - 30 * (1 - p.leg) + 48 * p.neck if p.legs else 26 + 44 * p.neck
        return pose.facing * (30 + 8 * p.neck) * k, (-lift + pose.breath * 0.4) * k

    def head_box(self, facing: int = 1) -> skia.Rect:
        hx, hy = self.head_center(Pose(facing=facing))
        r = self._head_r()
        reach = r * (1.5 + 1.4 * self.plan.snout) if self.plan.shape == "beast" else r * 1.5
        up = r * (2.6 if self.plan.horns != "none" or self.plan.ears == "long" or self.plan.shape == "octopus"
                  or self.plan.insect
                  else 1.8)
        if self.hat:  # the hat sits on the crown of the head (on an octopus, of its mantle)
            up = max(up, r * (3.6 if self.plan.shape == "octopus" else 2.6))
        return skia.Rect(hx - reach - 3, hy - up - 3, hx + reach + 3, hy + r * (2.4 if self.plan.trunk else 1.6) + 3)

    def _head_r(self) -> float:
        if self.plan.shape == "vehicle":
            return vehicles.FACE[self.plan.vehicle][2] * self.k
        return {"bird": 13.0, "ghost": 15.0, "octopus": 15.0}.get(self.plan.shape, 12.0) * self.k

    # --- drawing ------------------------------------------------------------------------------

    def draw(self, c: skia.Canvas, pose: Pose) -> None:
        self.draw_behind(c, pose)
        self.draw_body(c, pose)
        self.draw_head(c, pose)
        self.draw_arm(c, pose)

    def draw_behind(self, c: skia.Canvas, pose: Pose) -> None:
        """Wings and tail: they move every frame (a tail wags as the creature talks)."""
        p, k, d = self.plan, self.k, pose.facing
        wag = math.sin(pose.gesture * 2.2) * (0.4 + pose.talk)
        if self.machine:
            self._key(c, pose)
        if self.vehicle is not None:
            vehicles.draw_behind(c, p.vehicle, d, k, self.vehicle, pose.gesture, pose.talk)
        elif p.shape == "beast":
            if p.tail != "none":
                x0, y0 = -d * 34 * k, (-34 + 30 * (1 - p.leg)) * k if p.legs else -10 * k
                tip = (x0 - d * (30 if p.tail != "thin" else 26) * k, y0 - (10 + 12 * wag) * k)
                path = skia.Path()
                path.moveTo(x0, y0 - 3 * k)
                path.quadTo(x0 - d * 16 * k, y0 + 10 * k, *tip)
                path.quadTo(x0 - d * 14 * k, y0 + 16 * k, x0, y0 + 4 * k)
                path.close()
                c.drawPath(path, self.body if p.tail != "bushy" else self.dark)
                c.drawPath(path, self.outline)
                if p.tail == "spiked":
                    c.drawPath(poly([(tip[0], tip[1] - 4 * k), (tip[0] - d * 7 * k, tip[1]), (tip[0], tip[1] + 4 * k)]),
                               self.horn)
            if p.wings:
                flap = math.sin(pose.gesture * 1.4) * (0.3 + 0.7 * pose.talk) + pose.breath * 0.2
                base = (-d * 4 * k, -50 * k)
                tip_y = (-112 + 18 * flap) * k
                pts = [base, (-d * 22 * k, tip_y), (-d * 40 * k, tip_y + 14 * k), (-d * 36 * k, -70 * k),
                       (-d * 28 * k, -62 * k), (-d * 18 * k, -56 * k)]
                c.drawPath(poly(pts), self.wing)
                c.drawPath(poly(pts), self.outline)
                for x in (22, 36):
                    c.drawLine(base[0], base[1], -d * x * k, tip_y + (0 if x == 22 else 14) * k, self.outline)
        elif p.shape == "octopus":
            self._arms(c, pose)
        elif p.insect and p.wing_color:  # a butterfly's coloured wings, opening and closing
            self._painted_wings(c, pose)
        elif p.insect:  # two clear wings that buzz
            buzz = math.sin(pose.gesture * 9.0) * (0.5 + 0.5 * pose.talk)
            glass = fill(skia.ColorSetA(self.white.getColor(), 150))
            for lean, length in ((28 + 10 * buzz, 30), (8 - 8 * buzz, 24)):
                c.save()
                c.rotate(-d * lean, -d * 6 * k, -52 * k)
                wing = skia.Rect(-d * 6 * k - 7 * k, -52 * k - length * k, -d * 6 * k + 7 * k, -52 * k)
                c.drawOval(wing, glass)
                c.drawOval(wing, self.outline)
                c.restore()
        elif p.shape == "bird":
            flap = (0.2 + 0.8 * pose.talk) * math.sin(pose.gesture * 2.0)
            c.save()
            c.rotate(-d * 12 * flap)
            wing = skia.Rect(-d * 22 * k - 8 * k, -50 * k, -d * 22 * k + 8 * k, -16 * k)
            c.drawOval(wing, self.wing)
            c.restore()

    def _back(self) -> tuple[float, float]:
        """Where the middle of its back is, facing right (x is mirrored for the facing)."""
        p, k = self.plan, self.k
        if p.shape == "bird":
            return -20 * k, -40 * k
        drop = 30 * (1 - p.leg) * k
        top, bottom = (-52 * k + drop, -22 * k + drop) if p.legs else (-22 * k, 0.0)
        return -36 * k, (top + bottom) / 2

    def _key(self, c: skia.Canvas, pose: Pose) -> None:
        """A machine's winding key in its back: a steel shaft and a bow of two loops that turns
        slowly (quicker as it talks)."""
        k, d = self.k, pose.facing
        bx, by = self._back()
        bx *= d
        tip = bx - d * 9 * k
        c.drawLine(bx, by, tip, by, stroke(self.steel.getColor(), 2.6 * k))
        turn = abs(math.cos(pose.gesture * (0.8 + 1.6 * pose.talk))) * 0.8 + 0.2
        for side in (-1, 1):
            loop = skia.Rect(tip - d * 3 * k - 3 * k, by + side * 0.5 * k - (side < 0) * 11 * turn * k,
                             tip - d * 3 * k + 3 * k, by + side * 0.5 * k + (side > 0) * 11 * turn * k)
            c.drawOval(loop.makeSorted(), self.steel)
            c.drawOval(loop.makeSorted(), self.outline)

    def _plates(self, c: skia.Canvas, body: skia.Rect, d: int) -> None:
        """A machine's body: a seam between its plates, rivets along them and a cog on its breast."""
        k = self.k
        cx, cy, rx, ry = body.centerX(), body.centerY(), body.width() / 2, body.height() / 2
        seam = stroke(self.rivet.getColor(), 0.7 * k)
        c.drawLine(cx - rx * 0.8, cy - ry * 0.25, cx + rx * 0.8, cy - ry * 0.25, seam)
        for i in range(9):  # rivets round the upper body, inside its edge
            a = math.pi * (1.1 + 0.8 * i / 8)
            c.drawCircle(cx + math.cos(a) * rx * 0.82, cy + math.sin(a) * ry * 0.82, 1.1 * k, self.rivet)
        for i in range(5):  # and along the seam
            c.drawCircle(cx + rx * (-0.6 + 0.3 * i), cy - ry * 0.25, 1.0 * k, self.rivet)
        gx, gy, r = cx + d * rx * 0.2, cy + ry * 0.3, min(rx, ry) * 0.32
        cog = skia.Path()
        for i in range(16):  # eight teeth
            a = math.pi * 2 * i / 16
            rr = r if i % 2 == 0 else r * 0.78
            (cog.moveTo if i == 0 else cog.lineTo)(gx + math.cos(a) * rr, gy + math.sin(a) * rr)
        cog.close()
        c.drawPath(cog, self.gold)
        c.drawPath(cog, self.outline)
        c.drawCircle(gx, gy, r * 0.3, self.rivet)

    def _painted_wings(self, c: skia.Canvas, pose: Pose) -> None:
        """A butterfly's two pairs of wings spread either side of the body: a big forewing and a
        rounder hindwing in the wing colour, a dark border with pale spots and an eyespot on each
        forewing. They open and close slowly, faster as it talks."""
        k = self.k
        beat = 0.62 + 0.38 * abs(math.cos(pose.gesture * (1.3 + 2.5 * pose.talk)))
        for side in (-1, 1):
            c.save()
            c.translate(0, -48 * k)
            c.scale(side * beat, 1.0)
            fore = skia.Path()
            fore.moveTo(0, -2 * k)
            fore.cubicTo(10 * k, -34 * k, 40 * k, -46 * k, 46 * k, -34 * k)
            fore.cubicTo(50 * k, -22 * k, 34 * k, -6 * k, 2 * k, 2 * k)
            fore.close()
            hind = skia.Path()
            hind.moveTo(2 * k, 0)
            hind.cubicTo(30 * k, 2 * k, 40 * k, 22 * k, 26 * k, 32 * k)
            hind.cubicTo(14 * k, 40 * k, 4 * k, 22 * k, 0, 6 * k)
            hind.close()
            for wing in (hind, fore):
                c.drawPath(wing, self.wing_paint)
                c.drawPath(wing, self.wing_border)
                c.drawPath(wing, self.outline)
            for x, y in ((41, -36), (45, -28), (37, -42), (24, 30), (32, 22)):  # pale spots in the border
                c.drawCircle(x * k, y * k, 1.6 * k, self.white)
            c.drawCircle(28 * k, -26 * k, 5 * k, self.mark)  # the eyespot
            c.drawCircle(28 * k, -26 * k, 2.4 * k, self.wing_eye)
            c.restore()

    def draw_body(self, c: skia.Canvas, pose: Pose) -> None:
        p, k, d = self.plan, self.k, pose.facing
        if p.shape == "ghost":
            self._ghost_body(c, pose)
            return
        if self.vehicle is not None:
            vehicles.draw_body(c, p.vehicle, d, k, self.vehicle, self.outline)
            return
        if p.shape == "octopus":
            return  # its arms wave (draw_behind) and its mantle is its head
        if p.shape == "bird":
            egg = skia.Rect(-20 * k, -70 * k, 20 * k, -4 * k)
            c.drawOval(egg, self.body_flat)
            c.drawOval(skia.Rect(-12 * k + d * 4 * k, -52 * k, 12 * k + d * 4 * k, -8 * k), self.belly)
            if self.coated:  # a waistcoat over the breast
                for side in (-1, 1):
                    c.drawPath(poly([(d * 4 * k + side * 2 * k, -50 * k), (d * 4 * k + side * 15 * k, -42 * k),
                                     (d * 4 * k + side * 13 * k, -14 * k), (d * 4 * k + side * 2 * k, -12 * k)]),
                               self.cloth)
            if p.insect and p.pattern == "stripes":  # a bee's black bands
                c.save()
                c.clipPath(skia.Path().addOval(egg), doAntiAlias=True)
                for y in (-52, -38, -24):
                    c.drawRect(skia.Rect(-20 * k, y * k, 20 * k, (y + 6) * k), self.mark)
                c.restore()
            c.drawOval(egg, self.outline)
            if self.machine:
                self._plates(c, egg, d)
            for side in (-1, 1):
                x = side * 7 * k
                c.drawLine(x, -5 * k, x, 0, stroke((self.ink if p.insect else self.beak).getColor(), 2.2 * k))
            return
        # a beast: legs, then the barrel of the body, then the neck up to the head
        drop = 30 * (1 - p.leg) * k  # short legs bring the body down to the ground
        top = -52 * k + drop if p.legs else -22 * k
        bottom = -22 * k + drop if p.legs else 0
        if p.legs:
            for i, x in enumerate((-24, -14, 16, 26)):
                leg = skia.Rect((x * d - 4) * k, -30 * k + drop, (x * d + 4) * k, 0)
                c.drawRoundRect(leg, 3 * k, 3 * k, self.dark if i in (1, 2) else self.body_flat)
                c.drawRoundRect(leg, 3 * k, 3 * k, self.outline)
        barrel = skia.Rect(-36 * k, top, 36 * k, bottom)
        c.drawRoundRect(barrel, 18 * k, 16 * k, self.body_flat)
        c.drawOval(skia.Rect(-24 * k, (top + bottom) / 2, 24 * k, bottom + 1), self.belly)
        if p.pattern == "stripes":
            for x in range(-26, 30, 9):
                c.drawPath(poly([(x * k, top + 1), ((x + 4) * k, top + 1), ((x + 1) * k, (top + bottom) / 2)]),
                           self.mark)
        elif p.pattern == "spots":
            for x, y in ((-18, 0.3), (4, 0.2), (20, 0.45)):
                c.drawOval(skia.Rect((x - 6) * k, top + (bottom - top) * y, (x + 6) * k,
                                     top + (bottom - top) * y + 9 * k), self.mark)
        c.drawRoundRect(barrel, 18 * k, 16 * k, self.outline)
        if p.hump:
            self._humps(c, d, top)
        if self.machine:
            self._plates(c, barrel, d)
        if self.coated:  # a coat over the back, like a dog's jacket, with its collar at the neck
            back = skia.Path()
            back.addRoundRect(skia.Rect(-30 * k, top - 2 * k, 30 * k, (top + bottom) / 2 + 3 * k), 12 * k, 10 * k)
            c.drawPath(back, self.cloth)
            c.drawPath(back, self.outline)
            c.drawRect(skia.Rect(-30 * k, (top + bottom) / 2 - 1 * k, 30 * k, (top + bottom) / 2 + 3 * k),
                       self.cloth_dark)
        elif self.cloth_worn:  # the big, spined and shelled wear a neckerchief in the costume's colour
            nx, ny = d * 30 * k, top + 4 * k
            c.drawPath(poly([(nx - 9 * k, ny - 4 * k), (nx + 9 * k, ny - 6 * k), (nx + d * 2 * k, ny + 9 * k)]),
                       self.cloth)
        if p.coat == "spines":
            self._spines(c, d, top, bottom)
        elif p.coat == "shell":
            self._shell(c, top, bottom)
        if self.bag:  # a bag on a strap, at the flank away from the head
            c.drawLine(d * 22 * k, top + 2 * k, -d * 12 * k, bottom - 6 * k, stroke(self.leather.getColor(), 2.4 * k))
            bag = skia.Rect(-d * 12 * k - 9 * k, bottom - 14 * k, -d * 12 * k + 9 * k, bottom + 1 * k)
            c.drawRoundRect(bag, 2 * k, 2 * k, self.leather)
            c.drawRect(skia.Rect(bag.left(), bag.top(), bag.right(), bag.top() + 5 * k), self.cloth_dark)
            c.drawRoundRect(bag, 2 * k, 2 * k, self.outline)
        if p.spines:
            for x in range(-30, 24, 9):
                c.drawPath(poly([(x * k, top + 2 * k), ((x + 4) * k, top - 7 * k), ((x + 8) * k, top + 2 * k)]),
                           self.horn)
        hx, hy = self.head_center(pose)
        if p.hump or (p.leg > 1 and p.neck > 0.9):  # a camel's neck: forward and down from the chest, then up
            neck = skia.Path()
            neck.moveTo(d * 20 * k, top + 4 * k)
            neck.cubicTo(d * 44 * k, top + 2 * k, hx - d * 16 * k, hy + 30 * k, hx - d * 7 * k, hy + 2 * k)
            neck.lineTo(hx + d * 5 * k, hy + 8 * k)
            neck.cubicTo(hx + d * 2 * k, hy + 40 * k, d * 52 * k, top + 22 * k, d * 30 * k, top + 18 * k)
            neck.close()
        else:
            neck = poly([(d * 18 * k, top + 8 * k), (hx - d * 6 * k, hy + 4 * k), (hx + d * 4 * k, hy + 8 * k),
                         (d * 34 * k, top + 14 * k)])
        c.drawPath(neck, self.body_flat)
        c.drawPath(neck, self.outline)
        if p.pattern == "mane":
            c.drawPath(poly([(d * 16 * k, top + 6 * k), (hx - d * 8 * k, hy - 4 * k), (hx - d * 2 * k, hy + 2 * k),
                             (d * 22 * k, top + 10 * k)]), self.mark)

    def _humps(self, c: skia.Canvas, d: int, top: float) -> None:
        """A camel's hump (a Bactrian's two) rising from the middle of its back: filled over the
        barrel's top, outlined along its round only, so it grows out of the back."""
        k = self.k
        spans = ((-24.0, 20.0, 24.0),) if self.plan.hump == 1 else ((-28.0, 0.0, 18.0), (0.0, 26.0, 18.0))
        for x0, x1, h in spans:
            a, b = d * x0 * k, d * x1 * k
            hump = skia.Path()
            hump.moveTo(a, top + 7 * k)
            hump.cubicTo(a + (b - a) * 0.15, top - h * k, a + (b - a) * 0.7, top - h * 1.05 * k, b, top + 7 * k)
            c.drawPath(hump, self.body_flat)
            arc = skia.Path()
            arc.moveTo(a, top + 7 * k)
            arc.cubicTo(a + (b - a) * 0.15, top - h * k, a + (b - a) * 0.7, top - h * 1.05 * k, b, top + 7 * k)
            c.drawPath(arc, self.outline)

    def _spines(self, c: skia.Canvas, d: int, top: float, bottom: float) -> None:
        """A hedgehog's back: a dome of spikes from the rump to behind the head."""
        k = self.k
        cx, cy, rx, ry = -d * 4 * k, (top + bottom) / 2 + 2 * k, 40 * k, 34 * k
        pts = [(cx + d * rx * 0.92, cy)]
        n = 17
        for i in range(n + 1):
            a = math.pi * i / n
            rr = 1.0 if i % 2 else 0.82
            pts.append((cx + d * math.cos(a) * rx * rr, cy - math.sin(a) * ry * rr))
        pts.append((cx - d * rx * 0.92, cy))
        dome = poly(pts)
        c.drawPath(dome, self.coat)
        for i in range(1, n, 2):  # pale tips along the quills
            a = math.pi * i / n
            c.drawLine(cx + d * math.cos(a) * rx * 0.6, cy - math.sin(a) * ry * 0.6,
                       cx + d * math.cos(a) * rx * 0.92, cy - math.sin(a) * ry * 0.92, self.coat_tip)
        c.drawPath(dome, self.outline)

    def _shell(self, c: skia.Canvas, top: float, bottom: float) -> None:
        """A tortoise's domed shell with its plates, over the body."""
        k = self.k
        dome = skia.Rect(-40 * k, top - 14 * k, 40 * k, bottom + 10 * k)
        c.drawArc(dome, 180, 180, True, self.coat)
        line = stroke(self.mark.getColor(), 1.1 * k)
        cy = (dome.top() + dome.bottom()) / 2
        for x in (-14, 14):
            c.drawLine(x * k, cy, x * 0.8 * k, dome.top() + 6 * k, line)
        c.drawArc(skia.Rect(-26 * k, dome.top() + 8 * k, 26 * k, cy + 20 * k), 180, 180, False, line)
        c.drawArc(dome, 180, 180, True, self.outline)
        c.drawRect(skia.Rect(-41 * k, cy - 3 * k, 41 * k, cy + 1 * k), self.belly)

    def _arms(self, c: skia.Canvas, pose: Pose) -> None:
        """An octopus's arms, curling out from under the mantle and waving as it talks."""
        k = self.k
        hx, hy = self.head_center(pose)
        r = self._head_r()
        edge = stroke(self.outline.getColor(), 6.2 * k)
        edge.setStrokeCap(skia.Paint.kRound_Cap)
        flesh = stroke(self.body.getColor(), 5.0 * k)
        flesh.setStrokeCap(skia.Paint.kRound_Cap)
        for i in range(6):
            t = (i - 2.5) / 2.5
            wave = math.sin(pose.gesture * 1.6 + i * 1.3) * (0.5 + pose.talk) * 5 * k
            path = skia.Path()
            path.moveTo(hx + t * r * 0.7, hy + r * 0.6)
            path.cubicTo(hx + t * r * 1.1, hy + r * 1.6, t * 30 * k + wave, -14 * k, t * 40 * k + wave, -3 * k)
            path.quadTo(t * 48 * k + wave, -1 * k, t * 46 * k + wave, -8 * k)  # the curled tip
            c.drawPath(path, edge)
            c.drawPath(path, flesh)

    def _ghost_body(self, c: skia.Canvas, pose: Pose) -> None:
        k = self.k
        hx, hy = self.head_center(Pose())
        path = skia.Path()
        path.moveTo(hx - 15 * k, hy)
        path.cubicTo(hx - 18 * k, hy + 30 * k, hx - 26 * k, -30 * k, -24 * k, -14 * k)
        for i in range(6):  # the ragged hem
            x0 = -24 + i * 8
            path.quadTo((x0 + 4) * k, (-6 if i % 2 else -20) * k, (x0 + 8) * k, -14 * k)
        path.cubicTo(26 * k, -30 * k, hx + 18 * k, hy + 30 * k, hx + 15 * k, hy)
        path.close()
        c.drawPath(path, self.body_flat)
        c.drawPath(path, self.outline)

    def draw_arm(self, c: skia.Canvas, pose: Pose) -> None:
        """The front paw (or a ghost's sleeve) lifts as it talks; birds and serpents have none."""
        p, k, d = self.plan, self.k, pose.facing
        if self.vehicle is not None:
            vehicles.draw_gesture(c, p.vehicle, d, k, self.vehicle, self.outline, pose.gesture, pose.talk,
                                  pose.listening)
        elif p.shape == "ghost":
            lift = pose.talk * (14 + 6 * math.sin(pose.gesture))
            x0, y0 = d * 12 * k, -62 * k
            x1, y1 = x0 + d * 12 * k, y0 + (12 - lift) * k
            c.drawLine(x0, y0, x1, y1, stroke(self.body.getColor(), 7 * k))
        elif p.shape == "octopus" and pose.talk > 0.05 and not pose.listening:
            hx, hy = self.head_center(pose)
            r = self._head_r()
            lift = pose.talk * (0.6 + 0.4 * math.sin(pose.gesture))
            arm = skia.Path()
            arm.moveTo(hx + d * r * 0.5, hy + r * 0.7)
            arm.quadTo(hx + d * r * 1.4, hy + r * 1.2, hx + d * r * 1.7, hy + r * (0.9 - lift))
            c.drawPath(arm, stroke(self.outline.getColor(), 6.2 * k))
            c.drawPath(arm, stroke(self.body.getColor(), 5.0 * k))
        elif p.shape == "beast" and p.legs and pose.talk > 0.05 and not pose.listening:
            lift = pose.talk * (0.5 + 0.5 * math.sin(pose.gesture))
            x = d * 22 * k
            y = -30 * (1 - p.leg) * k  # the top of a short leg
            c.drawRoundRect(skia.Rect(x - 4 * k, y - 30 * p.leg * k - 10 * lift * k, x + 4 * k, y - 10 * lift * k),
                            3 * k, 3 * k,
                            self.body)

    def draw_head(self, c: skia.Canvas, pose: Pose) -> None:
        p, d = self.plan, pose.facing
        hx, hy = self.head_center(pose)
        r = self._head_r()
        brow_up, brow_in, eye_open, smile, jaw = EXPRESSIONS.get(pose.emotion, EXPRESSIONS["neutral"])
        mouth = max(jaw, min(1.0, pose.mouth))
        if p.shape == "beast":
            self._ears_horns(c, hx, hy, r, d)
            if p.trunk:
                self._trunk(c, pose, hx, hy, r, d, mouth, smile)
                eyes = [(hx + d * r * 0.3, hy - r * 0.25)]
        if p.shape == "beast" and not p.trunk:
            # the muzzle: an upper jaw and a lower jaw that opens as it speaks; never shorter than
            # reaches past the round of the head, or a mouse's or a cat's mouth would be hidden
            ln = r * max(1.3, 0.5 + 1.1 * p.snout)
            drop = r * 0.55 * mouth
            lower = poly([(hx, hy + r * 0.25), (hx + d * ln, hy + r * 0.45 + drop), (hx + d * ln * 0.9, hy + r * 0.75 + drop),
                          (hx, hy + r * 0.8)])
            c.drawPath(lower, self.dark)
            if mouth > 0.08:
                c.drawPath(poly([(hx + d * r * 0.3, hy + r * 0.3), (hx + d * ln, hy + r * 0.3),
                                 (hx + d * ln, hy + r * 0.45 + drop), (hx + d * r * 0.3, hy + r * 0.6)]), self.mouth_in)
            upper = skia.Rect(min(hx, hx + d * ln), hy - r * 0.35, max(hx, hx + d * ln), hy + r * 0.35)
            c.drawRoundRect(upper, r * 0.35, r * 0.35, self.body)
            c.drawRoundRect(upper, r * 0.35, r * 0.35, self.outline)
            c.drawCircle(hx + d * ln, hy - r * 0.1, r * 0.16, self.ink)  # the nose
            if smile > 0.3:  # a smile curls the corner of the mouth up
                c.drawLine(hx + d * r * 0.4, hy + r * 0.35, hx + d * r * 0.1, hy + r * 0.1, self.outline)
            c.drawCircle(hx, hy, r, self.body)
            c.drawCircle(hx, hy, r, self.outline)
            ex, ey = hx + d * r * 0.3, hy - r * 0.25
            eyes = [(ex, ey)]
        elif p.shape == "beast":
            pass  # the trunk's face is drawn
        elif p.insect:  # feelers, and a small mouth that opens where a bird's beak would be
            feeler = stroke(self.ink.getColor(), max(0.4, r * 0.08))
            for lean in (0.2, 0.7):
                tip = (hx + d * r * lean, hy - r * 2.1)
                c.drawLine(hx + d * r * 0.1, hy - r * 0.8, *tip, feeler)
                c.drawCircle(*tip, r * 0.16, self.ink)
            c.drawCircle(hx, hy, r, self.mark if p.pattern == "stripes" else self.body)
            c.drawCircle(hx, hy, r, self.outline)
            mh = r * (0.08 + 0.35 * mouth)
            c.drawOval(skia.Rect(hx + d * r * 0.55 - r * 0.18, hy + r * 0.3, hx + d * r * 0.55 + r * 0.18, hy + r * 0.3 + mh),
                       self.mouth_in)
            eyes = [(hx + d * r * 0.3, hy - r * 0.2)]
        elif p.shape == "bird":
            c.drawCircle(hx, hy, r, self.body)
            c.drawCircle(hx, hy, r, self.outline)
            bx = hx + d * r * 0.7
            gap = r * 0.45 * mouth
            c.drawPath(poly([(bx, hy - r * 0.2), (bx + d * r * 0.9, hy + r * 0.05), (bx, hy + r * 0.12)]), self.beak)
            c.drawPath(poly([(bx, hy + r * 0.18 + gap * 0.3), (bx + d * r * 0.7, hy + r * 0.2 + gap),
                             (bx, hy + r * 0.38 + gap * 0.4)]), self.beak)
            eyes = [(hx + d * r * 0.25, hy - r * 0.2)]
        elif p.shape == "octopus":  # a mantle above a face that looks out at us, a round mouth
            mantle = skia.Rect(hx - r * 1.15, hy - r * 2.2, hx + r * 1.15, hy + r * 0.95)
            c.drawOval(mantle, self.body)
            for sx, sy in ((-0.5, -1.5), (0.35, -1.75), (0.6, -1.1)):
                c.drawCircle(hx + sx * r, hy + sy * r, r * 0.13, self.dark)
            c.drawOval(mantle, self.outline)
            if self.coated:  # a neckerchief where the arms begin
                c.drawPath(poly([(hx - r * 0.8, hy + r * 0.7), (hx + r * 0.8, hy + r * 0.7), (hx, hy + r * 1.25)]),
                           self.cloth)
            eyes = [(hx - r * 0.42 + d * r * 0.12, hy - r * 0.15), (hx + r * 0.42 + d * r * 0.12, hy - r * 0.15)]
            mh = r * (0.08 + 0.4 * mouth)
            c.drawOval(skia.Rect(hx + d * r * 0.12 - r * 0.2, hy + r * 0.35, hx + d * r * 0.12 + r * 0.2,
                                 hy + r * 0.35 + mh), self.mouth_in)
            if smile > 0.3:
                c.drawArc(skia.Rect(hx + d * r * 0.12 - r * 0.3, hy + r * 0.15, hx + d * r * 0.12 + r * 0.3,
                                    hy + r * 0.5 + mh), 20, 140, False, self.outline)
        elif self.vehicle is not None:  # a face plate on the front: two eyes and a mouth, as a person's
            c.drawCircle(hx, hy, r, self.vehicle.iron)
            c.drawCircle(hx, hy, r * 0.86, self.vehicle.face)
            c.drawCircle(hx, hy, r, self.outline)
            eyes = [(hx - r * 0.36 + d * r * 0.1, hy - r * 0.2), (hx + r * 0.36 + d * r * 0.1, hy - r * 0.2)]
            mw, mh = r * 0.3, r * (0.06 + 0.42 * mouth)
            mx, my = hx + d * r * 0.1, hy + r * 0.3
            c.drawOval(skia.Rect(mx - mw, my, mx + mw, my + mh), self.mouth_in)
            c.drawOval(skia.Rect(mx - mw, my, mx + mw, my + mh), self.outline)
            if smile > 0.3:  # the corners lift
                c.drawArc(skia.Rect(mx - mw * 1.3, my - r * 0.2, mx + mw * 1.3, my + mh + r * 0.05), 20, 140, False,
                          self.outline)
        else:  # a ghost's face: dark hollows for eyes, an open oval mouth
            eyes = [(hx - r * 0.35 + d * r * 0.15, hy - r * 0.15), (hx + r * 0.35 + d * r * 0.15, hy - r * 0.15)]
            mh = r * (0.1 + 0.45 * mouth)
            c.drawOval(skia.Rect(hx + d * r * 0.15 - r * 0.22, hy + r * 0.35, hx + d * r * 0.15 + r * 0.22,
                                 hy + r * 0.35 + mh + r * 0.08 * max(0.0, -smile)), self.ink)
        open_ = max(0.08, eye_open * (1 - pose.blink))
        er = r * (0.3 if p.shape != "ghost" else 0.22) * (0.85 if p.shape in ("octopus", "vehicle") else 1.0)
        for ex, ey in eyes:
            if p.shape == "ghost":
                c.drawOval(skia.Rect(ex - er, ey - er * 1.3 * open_, ex + er, ey + er * 1.3 * open_), self.ink)
            else:
                c.drawOval(skia.Rect(ex - er, ey - er * open_, ex + er, ey + er * open_), self.white)
                if open_ > 0.2:
                    c.drawCircle(ex + d * er * 0.25, ey, er * 0.6 * min(1.0, open_), self.iris)
                    c.drawCircle(ex + d * er * 0.25, ey, er * 0.3 * min(1.0, open_), self.ink)
            # a brow ridge: worried, angry, surprised, as people's brows
            by = ey - er * 1.6 - brow_up * er * 0.35
            c.drawLine(ex - er * 1.1, by + d * brow_in * er * 0.25, ex + er * 1.1, by - d * brow_in * er * 0.25,
                       stroke(self.ink.getColor(), max(0.5, er * 0.35)))
        if self.hat:
            top = hy - r * (2.15 if p.shape == "octopus" else 0.95)
            self._hat(c, hx, top, r, d)

    def _hat(self, c: skia.Canvas, hx: float, top: float, r: float, d: int) -> None:
        """The job's headwear sitting on the crown of the head (``top``), sized to the head."""
        a = self.hat or ""
        if a == "toque":
            band = skia.Rect(hx - r * 0.6, top - r * 0.85, hx + r * 0.6, top + r * 0.15)
            puff = skia.Rect(hx - r * 0.85, top - r * 1.3, hx + r * 0.85, top - r * 0.55)
            c.drawRect(band, self.white)
            c.drawOval(puff, self.white)
            c.drawRect(band, self.outline)
            c.drawOval(puff, self.outline)
        elif a == "bubble helmet":
            dome = skia.Rect(hx - r * 1.4, top - r * 0.5, hx + r * 1.4, top + r * 2.4)
            c.drawOval(dome, fill(skia.ColorSetA(self.white.getColor(), 50)))
            c.drawOval(dome, stroke(skia.ColorSetA(self.white.getColor(), 210), max(0.6, r * 0.08)))
        elif any(w in a for w in ("crown", "circlet", "tiara")):
            pts = [(hx - r * 0.6, top + r * 0.15)]
            for i in range(4):
                x = hx - r * 0.6 + (i + 0.5) * r * 0.3
                pts += [(x, top - r * 0.45), (x + r * 0.15, top)]
            pts.append((hx + r * 0.6, top + r * 0.15))
            c.drawPath(poly(pts), self.gold)
            c.drawPath(poly(pts), self.outline)
        elif "helmet" in a:
            dome = skia.Rect(hx - r * 0.9, top - r * 0.55, hx + r * 0.9, top + r * 0.75)
            c.drawArc(dome, 180, 180, True, self.cloth)
            c.drawArc(dome, 180, 180, True, self.outline)
            c.drawRect(skia.Rect(hx - r * 1.05, top + r * 0.05, hx + r * 1.05, top + r * 0.2), self.cloth_dark)
        elif any(w in a for w in ("cap", "boater", "bonnet")):  # a peaked cap, the peak the way it faces
            dome = skia.Rect(hx - r * 0.75, top - r * 0.45, hx + r * 0.75, top + r * 0.45)
            c.drawArc(dome, 180, 180, True, self.cloth_dark)
            c.drawArc(dome, 180, 180, True, self.outline)
            peak = skia.Rect(min(hx + d * r * 0.3, hx + d * r * 1.15), top - r * 0.02,
                             max(hx + d * r * 0.3, hx + d * r * 1.15), top + r * 0.16)
            c.drawRoundRect(peak, r * 0.08, r * 0.08, self.ink)
        elif any(w in a for w in ("pointed", "witch", "wizard", "tricorn")):
            tri = poly([(hx - r * 0.9, top + r * 0.15), (hx - d * r * 0.2, top - r * 1.4), (hx + r * 0.9, top + r * 0.15)])
            c.drawPath(tri, self.cloth_dark)
            c.drawPath(tri, self.outline)
        else:  # a brimmed hat
            crown = skia.Rect(hx - r * 0.55, top - r * 0.6, hx + r * 0.55, top + r * 0.1)
            brim = skia.Rect(hx - r * 1.0, top, hx + r * 1.0, top + r * 0.22)
            for shape in (crown, brim):
                c.drawRoundRect(shape, r * 0.12, r * 0.12, self.cloth_dark)
                c.drawRoundRect(shape, r * 0.12, r * 0.12, self.outline)

    def _trunk(self, c: skia.Canvas, pose: Pose, hx: float, hy: float, r: float, d: int, mouth: float,
               smile: float) -> None:
        """An elephant's face: the mouth under the trunk's root opens as it speaks, the trunk hangs
        from the front of the head and its tip lifts while it talks."""
        drop = r * 0.45 * mouth
        c.drawPath(poly([(hx + d * r * 0.2, hy + r * 0.5), (hx + d * r * 1.05, hy + r * 0.75),
                         (hx + d * r * 0.9, hy + r * 1.0 + drop), (hx + d * r * 0.2, hy + r * 1.0)]),
                   self.mouth_in if mouth > 0.08 else self.dark)
        c.drawCircle(hx, hy, r * 1.08, self.body)
        c.drawCircle(hx, hy, r * 1.08, self.outline)
        lift = (0.5 * mouth + 0.3 * max(0.0, smile)) * r
        trunk = skia.Path()
        trunk.moveTo(hx + d * r * 0.55, hy - r * 0.55)
        trunk.cubicTo(hx + d * r * 1.6, hy - r * 0.2, hx + d * r * 1.5, hy + r * 1.2, hx + d * r * (1.35 + 0.3 * lift / r),
                      hy + r * 2.1 - lift)
        trunk.lineTo(hx + d * r * 1.0, hy + r * 2.0 - lift * 0.8)
        trunk.cubicTo(hx + d * r * 1.05, hy + r * 1.0, hx + d * r * 1.0, hy + r * 0.3, hx + d * r * 0.45, hy + r * 0.25)
        trunk.close()
        c.drawPath(trunk, self.body)
        c.drawPath(trunk, self.outline)
        for i in range(3):  # the creases
            y = hy + r * (0.9 + i * 0.35)
            c.drawLine(hx + d * r * 1.08, y, hx + d * r * 1.38, y - r * 0.05, self.outline)

    def _ears_horns(self, c: skia.Canvas, hx: float, hy: float, r: float, d: int) -> None:
        p = self.plan
        back = hx - d * r * 0.35
        if p.ears == "point":
            c.drawPath(poly([(back - r * 0.4, hy - r * 0.6), (back - d * r * 0.2, hy - r * 1.7), (back + r * 0.45, hy - r * 0.7)]),
                       self.dark)
        elif p.ears == "long":
            c.drawRoundRect(skia.Rect(back - r * 0.3, hy - r * 2.5, back + r * 0.3, hy - r * 0.4), r * 0.3, r * 0.3, self.dark)
        elif p.ears == "round":
            c.drawCircle(back, hy - r * 0.9, r * 0.42, self.dark)
        elif p.ears == "big":  # an elephant's fan of an ear, behind the head
            ear = skia.Rect(back - r * 1.2, hy - r * 1.1, back + r * 0.4, hy + r * 1.1)
            c.drawOval(ear, self.dark)
            c.drawOval(ear, self.outline)
        elif p.ears == "flop":
            c.drawRoundRect(skia.Rect(back - d * r * 0.2 - r * 0.35, hy - r * 0.7, back - d * r * 0.2 + r * 0.35, hy + r * 0.9),
                            r * 0.3, r * 0.3, self.dark)
        if p.horns == "two":
            for off in (-0.25, 0.25):
                x = hx + off * r
                c.drawPath(poly([(x - r * 0.15, hy - r * 0.8), (x - d * r * 0.5, hy - r * 2.1), (x + r * 0.2, hy - r * 0.85)]),
                           self.horn)
        elif p.horns == "one":
            x = hx + d * r * 0.45
            c.drawPath(poly([(x - r * 0.18, hy - r * 0.75), (x + d * r * 0.5, hy - r * 2.4), (x + r * 0.18, hy - r * 0.8)]),
                       self.horn)
        elif p.horns == "antlers":
            st = stroke(self.horn.getColor(), r * 0.14)
            for side in (-1, 1):
                x = hx + side * r * 0.3
                c.drawLine(x, hy - r * 0.8, x + side * r * 0.5, hy - r * 2.2, st)
                c.drawLine(x + side * r * 0.25, hy - r * 1.5, x + side * r * 0.9, hy - r * 1.7, st)


#: Words that say a creature is a machine (in its species, archetype, job or traits): a clockmaker's
#: mechanical bird, a clockwork mouse, a tin dog, a robot cat.
MACHINE_WORDS = re.compile(r"\b(mechanical|clockwork|wind-?up|automat(on|a)|tin|brass|robot(ic)?|steam-powered|"
                           r"mechani[sz]ed|metal|cyborg|android)\b")
#: A machine creature's brass body and polished steel breast, plates and key.
BRASS, STEEL = "#b8903c", "#c4c8cc"


def mechanical(who: Character) -> bool:
    """The character is a machine creature (a mechanical bird): drawn in brass and steel, riveted,
    with a winding key in its back, wearing nothing (a flat cap or wellingtons are no machine's)."""
    words = " ".join([who.look.species, who.archetype, who.job or "", *who.traits]).lower()
    return MACHINE_WORDS.search(words) is not None


def make_puppet(look: Look, grade: Grade, *, rim: bool = False, year: int | None = None,
                machine: bool = False, she: bool | None = None) -> "Puppet | Creature":
    """The drawing for a character: a creature for a non-human body plan (a ``machine`` one in
    brass and steel), else a person dressed for the world's ``year`` (None: today), a dress cut for
    women as a woman's where ``she`` is (a hanbok's chima)."""
    plan = body_plan(look.species)
    if plan is None:
        return Puppet(look, grade, rim=rim, year=year, she=she)
    return Creature(look, grade, plan, rim=rim, machine=machine and plan.shape != "vehicle")


#: A grown person's drawn height in units (feet to the top of the head).
PERSON_UNITS = 105.0


def life_scale(puppet: "Puppet | Creature", floor: float) -> float:
    """How much smaller than drawn a creature stands beside people (1.0: as drawn): its size in
    life against a grown person, but never under ``floor`` of a person, so a bee in a wide shot is
    still a bee and not a speck. Only shrinks: a creature drawn at its size keeps it."""
    if not isinstance(puppet, Creature) or puppet.plan.life is None:
        return 1.0
    drawn = (puppet._head_r() - puppet.head_center(Pose())[1]) / PERSON_UNITS
    return min(1.0, max(puppet.plan.life * (0.72 if puppet.child else 1.0), floor) / drawn)


def head_radius(puppet: "Puppet | Creature") -> float:
    """How big the face is, in units: framing scales close-ups so every face fills them alike."""
    return puppet._head_r() if isinstance(puppet, Creature) else 10.0


def flies(puppet: "Puppet | Creature") -> bool:
    """Whether it leaves a table top by flying off (birds, insects, winged beasts), not hopping down."""
    return isinstance(puppet, Creature) and (puppet.plan.shape == "bird" or puppet.plan.wings)
