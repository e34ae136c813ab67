"""Characters as parametric puppets, drawn from the bible's Look.

A puppet stands with its feet at (0, 0) and is about 100 units tall (the caller scales and
places it). Build, face shape, age, skin, hair style and colour, clothing and its colours,
and accessories (hats, glasses, scarves, canes ...) each change the drawing; the per-frame
:class:`Pose` gives expression (brows, eyes, mouth shape from the emotion), blinking, mouth
opening, breathing and speaking gestures.
"""

import math
import re
from dataclasses import dataclass

import skia

from ...model.bible import Look
from . import objects
from .looks import Grade, hex_rgb, luma, mix
from .paint import fill, poly, stroke

#: brow raise, brow inner-end raise (+ worried, - frowning), eye openness, smile (-1..1), resting jaw.
EXPRESSIONS: dict[str, tuple[float, float, float, float, float]] = {
    "neutral": (0.0, 0.0, 1.0, 0.15, 0.0),
    "happy": (0.5, 0.2, 0.8, 1.0, 0.12),
    "sad": (0.2, 1.3, 0.72, -0.8, 0.0),
    "angry": (-0.9, -1.8, 0.8, -0.7, 0.08),
    "afraid": (1.3, 1.3, 1.3, -0.5, 0.3),
    "surprised": (2.0, 0.3, 1.35, 0.0, 0.5),
    "tender": (0.4, 0.6, 0.78, 0.6, 0.0),
    "determined": (-0.5, -0.9, 0.9, -0.15, 0.0),
    "sly": (0.3, -0.7, 0.7, 0.55, 0.0),
    "tired": (-0.3, 0.5, 0.48, -0.25, 0.0),
}
BUILDS = {"slim": (0.85, 1.0), "average": (1.0, 1.0), "broad": (1.28, 0.98), "small": (0.9, 0.86), "tall": (0.95, 1.1)}
HATS = ("fedora", "hat", "cap", "helmet", "crown", "circlet", "bonnet", "tricorn", "boater")
EYEWEAR = ("glasses", "spectacles", "goggles", "monocle", "patch", "visor", "mirrorshades", "pince-nez", "lorgnette")
HELD = ("cane", "staff", "stick", "sword", "umbrella", "longbow", "pickaxe", "cutlass", "lantern", "wand", "crook",
        "spear", "lance", "pitchfork", "trident", "pike", "halberd")
#: Long-hafted things held upright, their iron head above the hand (a spear's leaf blade, a fork's tines).
POLEARMS = ("spear", "lance", "pitchfork", "trident", "pike", "halberd")
#: Props (objects.PROPS) a character carries in the hand when an accessory names one (a prayer book, a
#: ledger, a lantern, a camera ...): what is worn (a ring, a tiara, a badge) is not carried.
CARRIED = frozenset({"book", "ledger", "scroll", "bottle", "cup", "camera", "magnifier", "compass", "broom", "net",
                     "megaphone", "microphone", "fan", "rope", "telescope", "map", "case", "ladle", "rolling pin",
                     "medkit", "flower", "palette", "clock", "trumpet", "violin", "bell", "key", "letter",
                     "envelope", "photo", "mirror", "potion", "jar", "racket", "cards", "feather", "gavel", "gun",
                     "knife", "teapot", "candle", "flute", "loaf", "apple", "toy", "skull", "coins", "radio"})
#: The year a carried prop's drawing was first seen in anyone's hand: before it, it is not carried (a
#: backpack in ancient Athens is no suitcase, nor a camera in a Tudor court).
CARRIED_SINCE = {"case": 1850, "camera": 1840, "photo": 1840, "megaphone": 1880, "microphone": 1900, "radio": 1920,
                 "medkit": 1900, "gun": 1500, "clock": 1500, "telescope": 1610, "magnifier": 1250, "cards": 1370,
                 "racket": 1870, "bottle": 1700}
#: Strings of beads a religious carries, hanging from the belt with a cross or a tassel.
BEADS = ("rosary", "prayer beads", "mala", "misbaha", "worry beads")
#: Headwear named in the clothing itself ("tricorn hat and sash", "stetson and chaps", "pointed hat and
#: black cloak"), read as whole words (a cape is no cap).
WORN_HATS = re.compile(r"\b(top hat|pointed hat|plumed hat|tricorn|stetson|fedora|bowler|bonnet|boater|cap|"
                       r"helmet|hat)\b")
#: Humanoid species are drawn as people with the species' skin (creatures.py draws the rest).
HUMANOID_SKIN: dict[str, str] = {
    "zombie": "#8a9a78", "alien": "#7ab87a", "troll": "#7a8a6a", "ogre": "#8a9a5a", "orc": "#6a8a4a",
    "yeti": "#f0f0f0", "skeleton": "#ece6d4", "mummy": "#d8ccae", "vampire": "#e8e0e4", "goblin": "#7aa04a",
    "merfolk": "#7ac0c0", "fairy": "#f4d8e8", "elf": "#f0dcc4", "cyborg": "#b8b4b0",
}
ROBOTS = ("robot", "android", "droid", "machine", "ai", "a.i.", "computer", "synth")
#: Costumes a job is known by: words in the clothing -> its colours (main, second) and the headwear
#: that goes with it, so a chef is in whites and a toque and a judge in a black robe whatever the
#: palette picked.
COSTUMES: list[tuple[tuple[str, ...], str, str, str | None]] = [
    (("chef's whites", "whites"), "#f2f2ee", "#2a2a2e", "toque"),
    (("top hat and tails", "magician", "conjuror", "conjurer", "illusionist"), "#18181c", "#f2f2ee", "top hat"),
    (("judge's robe", "judge"), "#141418", "#f2f2ee", None),
    (("spacesuit", "space suit", "pressure suit", "eva suit"), "#e8e8e4", "#c86a2a", "bubble helmet"),
    (("diving suit", "diving dress", "diver's suit", "standard diving"), "#a08c62", "#5a4a32", "diving helmet"),
    (("wetsuit", "wet suit"), "#1c1e24", "#2a5a9a", None),
    (("monk's robe", "monk's habit", "friar's habit", "friar's robe", "cowl", "cassock and cowl"), "#6a4a2a",
     "#4a3018", "cowl"),
    (("nun's habit", "habit", "wimple"), "#141418", "#f2f2ee", "veil and wimple"),
    (("prison uniform",), "#e8782a", "#c8601a", None),
    (("high-visibility", "hi-vis"), "#e8d82a", "#2a2a30", None),
    (("scrubs",), "#4a9a8a", "#3a8a7a", None),
    (("police uniform",), "#1a2a4a", "#141a2a", "cap"),
    (("fire gear",), "#2a2a2a", "#e8d82a", "helmet"),
    (("maid's uniform",), "#1a1a1e", "#f2f2ee", None),
    (("wedding dress",), "#f6f4ee", "#e8e4dc", None),
    (("oilskin",), "#e8c82a", "#2a3a4a", None),
    (("red suit with white fur",), "#c01a1a", "#f2f2ee", None),
    # costumes from history: a samurai's indigo kimono over dark hakama, his hair in a topknot; a
    # ninja all in black, hooded and masked to the eyes; a pharaoh's white linen under the striped
    # nemes headcloth; a knight's red tabard over steel; a viking's mail under furs
    (("hakama", "samurai"), "#2e3a5c", "#2a2a30", "topknot"),
    (("shinobi", "ninja"), "#17171b", "#17171b", "ninja hood"),
    # a geisha's silk kimono under a wide gold obi, her hair in a shimada with combs and pins
    (("geisha", "maiko", "geiko"), "#8a1c34", "#d8b048", "shimada"),
    (("striped headdress", "nemes", "pharaoh"), "#f2eee0", "#f2eee0", "nemes"),
    (("armour and tabard", "knight's armour"), "#a82228", "#9aa0a8", None),
    (("chainmail", "chain mail", "mail shirt", "byrnie"), "#8a8e94", "#5a4030", None),
    # a wizard's midnight-blue robes and tall pointed hat
    (("starry robes", "wizard's robes", "wizard robes", "sorcerer's robes", "mage's robes"), "#2a2f6e", "#1c2050",
     "pointed hat"),
]

#: The year the creased felt hat with a band (the fedora, the trilby) was first worn: before it a
#: hat is a low round crown on a wide brim (antiquity's petasos, a countryman's felt hat).
FEDORA_SINCE = 1880
#: Before this year the world is in antiquity: Rome's tunics and togas, Egypt's linen.
ANTIQUITY = 500
#: Words of ancient Egypt's dress: white linen (a kilt, a sheath dress), the pharaoh's headcloth.
EGYPT = ("linen", "kilt", "sheath", "kalasiris", "shendyt", "striped headdress", "nemes", "pharaoh")
#: A toga's white wool, ancient Egypt's white linen.
WOOL, LINEN = hex_rgb("#ece6d4"), hex_rgb("#f2eee0")
#: South Asia's dress: a sari (draped over a blouse, its end over the shoulder), a kurta (a long
#: shirt to the knee over slim trousers; a sherwani is a kurta's long buttoned coat).
SARI = ("sari", "saree", "lehenga")
KURTA = ("kurta", "kameez", "sherwani", "achkan", "salwar")

#: Clothes that name trousers (or legs bare for sport): kept as they are in any era.
TROUSERS = ("trousers", "jeans", "breeches", "overalls", "dungarees", "jodhpurs", "slacks", "pants", "chaps",
            "leggings", "tracksuit", "leotard", "shorts", "kit", "wetsuit", "jumpsuit")
#: Words of a dress for the evening: in the 1920s, the flapper's fringed one.
EVENING = ("flapper", "fringe", "beaded", "sequin", "evening", "cocktail", "gown", "party", "glitter", "spangled")

#: Clothes in one piece, arms to ankles: no lapels or tie, legs in the suit's colour.
ONE_PIECE = ("diving suit", "diving dress", "diver's suit", "wetsuit", "wet suit", "spacesuit", "space suit",
             "pressure suit", "eva suit", "flight suit", "jumpsuit", "boiler suit", "suit liner", "overall",
             "coverall")


def species_words(species: str) -> list[str]:
    return re.findall(r"[a-z.]+", species.lower())


def is_robot(species: str) -> bool:
    """A machine person (metal skin, a light for eyes). Whole words: a snail is not an 'ai'."""
    return any(w in ROBOTS for w in species_words(species))


@dataclass
class Pose:
    facing: int = 1          # +1 looks right, -1 left
    emotion: str = "neutral"
    mouth: float = 0.0       # 0 closed .. 1 wide open
    blink: float = 0.0       # 0 open .. 1 shut
    breath: float = 0.0      # -1..1
    sway: float = 0.0        # -1..1
    talk: float = 0.0        # 0..1 how much the speaking gesture is on
    gesture: float = 0.0     # phase of the gesture, radians
    listening: bool = False  # a listener's face reacts; their arms stay still


def _has(text: str, words: tuple[str, ...]) -> bool:
    return any(w in text for w in words)


class Puppet:
    """One character's drawing, with its paints prepared once per shot."""

    def __init__(self, look: Look, grade: Grade, *, rim: bool = False, year: int | None = None,
                 she: bool | None = None):
        self.look = look
        #: the character is a woman (their pronouns: None where not known): what a costume that is cut
        #: otherwise for women and men is drawn as (a hanbok's full skirt or baggy trousers)
        self.she = she
        g = grade
        self.g = g
        self.wf, self.hf = BUILDS.get(look.build, (1.0, 1.0))
        self.child = look.age == "child"
        if self.child:
            self.hf *= 0.72
        self.old = look.age == "old"
        self.robot = is_robot(look.species)
        tint = next((HUMANOID_SKIN[w] for w in species_words(look.species) if w in HUMANOID_SKIN), None)
        skin = (0.66, 0.7, 0.74) if self.robot else hex_rgb(tint or look.skin)
        hair = hex_rgb(look.hair_color)
        style = look.hair_style.lower()
        if self.old or _has(style, ("silver", "white", "grey", "gray")):
            hair = mix(hair, (0.82, 0.82, 0.84), 0.7)
        self.hair_style = style
        cols = [hex_rgb(c) for c in look.clothing_colors]
        c0 = cols[0]
        c1 = cols[1] if len(cols) > 1 else mix(c0, (0, 0, 0), 0.45)
        worn = look.clothing.lower()
        costume = next((x for x in COSTUMES if any(w in worn for w in x[0])), None)
        if costume is not None:
            c0, c1 = hex_rgb(costume[1]), hex_rgb(costume[2])
        #: the world is in antiquity (before about 500): tunics, togas and linen, bare legs and sandals
        self.ancient = year is not None and year < ANTIQUITY
        #: a plain hat before the fedora's day is the low round crown of its time (FEDORA_SINCE)
        self.round_hat = year is not None and year < FEDORA_SINCE
        #: ancient Egypt's white linen (a man's pleated kilt, a woman's sheath dress), the pharaoh's too
        self.egypt = self.ancient and _has(worn, EGYPT)
        #: a toga (Rome's) or a himation (Greece's) draped over the shoulder, white wool; a woman's
        #: stola and palla keep the palette's colours
        self.toga = _has(worn, ("toga", "himation")) and she is not True
        if self.egypt:
            c0 = LINEN
        elif self.toga:
            c0 = c1 = WOOL
        if _has(worn, ("geisha", "maiko", "geiko")):  # the white face and neck, the black lacquered hair
            skin, hair = hex_rgb("#f6f1ea"), hex_rgb("#141414")
        # Clothes that are nearly black vanish in night scenes: lift them a little so the shape reads.
        c0 = mix(c0, (0.5, 0.5, 0.55), 0.18)
        c1 = mix(c1, (0.5, 0.5, 0.55), 0.12)
        self.clothing = look.clothing.lower()
        self.acc = [a.lower() for a in look.accessories]
        lit = 0.55  # characters stand in the key light: the ambient tint touches them less
        self.skin = fill(g.c(skin, lit=lit, pull=0.05))
        self.skin_dark = fill(g.c(mix(skin, (0.25, 0.1, 0.08), 0.35), lit=lit, pull=0.05))
        self.shade = fill(skia.ColorSetA(self.skin_dark.getColor(), 110))
        self.hair = fill(g.c(hair, lit=lit, pull=0.05))
        self.hair_hi = fill(g.c(mix(hair, (1, 1, 1), 0.25), 0.8, lit=lit, pull=0.05))
        self.brow = fill(g.c(mix(hair, (0, 0, 0), 0.35), lit=lit, pull=0.0))
        self.c0 = fill(g.c(c0, lit=lit))
        self.c0_dark = fill(g.c(mix(c0, (0, 0, 0), 0.35), lit=lit))
        self.c1 = fill(g.c(c1, lit=lit))
        self.shirt = fill(g.c((0.92, 0.9, 0.86), lit=lit))
        # In the dark a pale rim light outlines the figure (as film lighting does); by day, ink lines.
        edge = (0.7, 0.74, 0.82) if rim else (0.06, 0.05, 0.05)
        self.outline = stroke(g.c(edge, 0.85, lit=0, pull=0), 0.5 if rim else 0.6)
        self.ink = fill(g.c((0.08, 0.06, 0.06), lit=0, pull=0))
        self.white = fill(g.c((0.97, 0.96, 0.94), lit=0.3, pull=0))
        self.iris = fill(g.c((0.3, 0.85, 1.0) if self.robot else hex_rgb(look.eye_color), lit=0.2, pull=0))
        self.mouth_in = fill(g.c((0.32, 0.08, 0.1), lit=0.3, pull=0))
        self.teeth = fill(g.c((0.95, 0.93, 0.9), lit=0.3, pull=0))
        self.lip = stroke(g.c(mix(skin, (0.35, 0.05, 0.08), 0.55), lit=lit, pull=0), 0.75)
        self.cheek = fill(g.c((0.9, 0.35, 0.35), 0.18, lit=lit, pull=0))
        if _has(worn, ("geisha", "maiko", "geiko")):  # lips painted red
            self.lip = stroke(g.c((0.75, 0.08, 0.12), lit=lit, pull=0), 1.1)
        self.metal = fill(g.c((0.78, 0.72, 0.55), lit=lit, pull=0))
        self.brass = fill(g.c((0.8, 0.58, 0.22), lit=lit, pull=0))
        self.arm_paint = stroke(g.c(c0, lit=lit), 5.6 * self.wf, aa=False)
        self.arm_back = stroke(g.c(mix(c0, (0, 0, 0), 0.3), lit=lit), 5.6 * self.wf, aa=False)
        self.arm_edge = stroke(g.c(edge, 0.9, lit=0, pull=0), 5.6 * self.wf + 1.3)
        # a one-piece suit (a diver's, an astronaut's, a mechanic's) has no lapels or tie, and its legs
        # are the suit's colour
        one_piece = _has(self.clothing, ONE_PIECE)
        self.leg = fill(g.c(c1 if not (one_piece or _has(self.clothing, ("scrubs", "uniform", "armour"))) else c0,
                            lit=lit))
        self.shoe = fill(g.c((0.12, 0.1, 0.09), lit=lit))
        self.skirt = _has(self.clothing, ("dress", "gown", "skirt", "robe", "cassock", "pinafore", "habit"))
        self.long_coat = _has(self.clothing, ("coat", "duster", "cloak", "mantle", "cape", "raincoat", "trench",
                                              "tails"))
        self.lapels = not one_piece and _has(self.clothing, ("suit", "jacket", "blazer", "tuxedo", "coat", "tailcoat",
                                                             "tails"))
        self.tie = not one_piece and _has(self.clothing, ("suit", "three-piece", "office", "uniform", "tailcoat",
                                                          "blazer"))
        self._period(year, one_piece)
        self.badge = _has(self.clothing, ("uniform", "police", "security")) or any("badge" in a or "star" in a for a in self.acc)
        self.armour = _has(self.clothing, ("armour", "armor", "plate", "shell"))
        self.apron = "apron" in self.clothing
        self.hood = "hood" in self.clothing
        self.labcoat = _has(self.clothing, ("lab coat", "white coat"))
        if self.labcoat:
            self.c0 = fill(g.c((0.94, 0.95, 0.96), lit=lit))
            self.arm_paint = stroke(g.c((0.94, 0.95, 0.96), lit=lit), 5.6 * self.wf, aa=False)
        # costumes from history (each read from the clothing's words, so a look the vocabulary has
        # no costume for still wears what its words say)
        # (China's hanfu is a robe wrapped to the ankle, a crossed collar and a sash too)
        self.geisha = _has(self.clothing, ("geisha", "maiko", "geiko"))
        self.kimono = _has(self.clothing, ("kimono", "yukata", "hakama", "hanfu")) or self.geisha
        self._dress(she, c0, c1, lit)
        self.hakama = "hakama" in self.clothing
        self.mail = _has(self.clothing, ("chainmail", "chain mail", "mail shirt", "byrnie"))
        self.furs = _has(self.clothing, ("furs", "fur cloak", "fur mantle", "pelt"))
        self.tabard = "tabard" in self.clothing
        self.gold_collar = _has(self.clothing, ("gold collar", "collar of gold", "broad collar", "usekh"))
        #: plate armour: steel (a breastplate, pauldrons, steel arms and legs), not bands of colour; a
        #: samurai's is lacquered plates laced together over the kimono
        self.plate = self.armour and not self.hakama
        self.lacquer = self.armour and self.hakama
        self.katana = any("katana" in a for a in self.acc)
        self.shield = next((a for a in self.acc if "shield" in a), None)
        self._era_dress(year, she, skin, lit)
        self.steel = fill(g.c((0.66, 0.68, 0.72), lit=lit))
        self.steel_dark = fill(g.c((0.42, 0.44, 0.48), lit=lit))
        self.gold = fill(g.c((0.86, 0.66, 0.2), lit=lit, pull=0))
        self.lacquer_paint = fill(g.c((0.45, 0.1, 0.1), lit=lit, pull=0))
        self.fur = fill(g.c((0.42, 0.3, 0.2), lit=lit, pull=0))
        self.tabard_paint = fill(g.c(c0, lit=lit))
        if self.plate:  # the armour itself is the top: steel, arms and legs too (a tabard hangs over it)
            self.c0 = self.steel
            self.c0_dark = self.steel_dark
        #: antiquity's armour (a legionary's, a gladiator's): bands of steel round the chest over a red
        #: tunic whose skirt of leather strips hangs to the knee; bare arms and legs, sandals
        self.lorica = self.plate and self.ancient
        self.tunic_red = fill(g.c((0.66, 0.14, 0.12), lit=lit))
        if self.lorica:
            self.arm_paint = stroke(self.skin.getColor(), 5.6 * self.wf, aa=False)
            self.arm_back = stroke(self.skin_dark.getColor(), 5.6 * self.wf, aa=False)
            self.sleeve, self.sleeve_paint = 0.4, stroke(self.tunic_red.getColor(), 5.6 * self.wf, aa=False)
            self.leg = self.skin
            self.shoe = fill(g.c((0.48, 0.32, 0.18), lit=lit))
        elif self.plate:
            self.arm_paint = stroke(self.steel.getColor(), 5.6 * self.wf, aa=False)
            self.arm_back = stroke(self.steel_dark.getColor(), 5.6 * self.wf, aa=False)
            self.leg = self.steel
        worn_hat = WORN_HATS.search(self.clothing)
        self.hat = next((a for a in self.acc if _has(a, HATS)), None) or (costume[3] if costume else None) \
            or (worn_hat.group(1) if worn_hat else None)
        if self.hat is None and self.egypt and "headdress" in self.clothing:  # the elite's heavy black wig
            self.hat = "egyptian wig"
        if self.hat is None and self.hanbok and not self.chima and not self.child:  # a man's black gat
            self.hat = "gat"
        #: hair hidden under the hat or tied up in it (a diver's helmet, a ninja's hood, a topknot, a
        #: geisha's shimada, an Egyptian wig)
        self.hair_hidden = self.hat in ("ninja hood", "topknot", "nemes", "shimada", "egyptian wig", "veil and wimple")
        self.black = fill(g.c((0.08, 0.07, 0.07), lit=lit, pull=0))  # a geisha's lacquered hair, a wig
        #: a diver's helmet hides the hair (a spacesuit's glass dome does not)
        self.helmeted = self.hat is not None and _has(self.hat, ("diving helmet", "brass helmet", "diver's helmet"))
        self.eyewear = next((a for a in self.acc if _has(a, EYEWEAR)), None)
        self.held = next((a for a in self.acc if _has(a, HELD)), None)
        self.beads = next((a for a in self.acc if _has(a, BEADS)), None)
        #: a monk's or friar's robe is girt with a knotted rope
        self.cord = self.hat == "cowl"
        self.scarf = next((a for a in self.acc if _has(a, ("scarf", "bandana", "cravat", "bow tie", "boa"))), None)
        #: a prop carried in the far hand (a prayer book, a ledger ...), drawn by objects
        self.carried = next((found for a in self.acc if a not in (self.held, self.scarf)
                             and (found := objects.find(a, year)) in CARRIED
                             and (year is None or year >= CARRIED_SINCE.get(found, year))), None)
        self.pearls = any(_has(a, ("pearl", "necklace", "pendant", "locket")) for a in self.acc)
        self.smoke = any("cigarette" in a or "cigar" in a for a in self.acc)
        self.hat_paint = fill(g.c(mix(c1, (0.36, 0.33, 0.3), 0.45), lit=lit), aa=False)
        # Big shapes are filled without anti-aliasing and then outlined with it: the outline covers
        # the jagged edge, and skia's CPU raster fills ~30% faster without coverage maths.
        self.c0_flat = fill(self.c0.getColor(), aa=False)
        self.c1_flat = fill(self.c1.getColor(), aa=False)
        self.skin_flat = fill(self.skin.getColor(), aa=False)
        self.band = fill(g.c(mix(c0, (0, 0, 0), 0.6), lit=lit))
        # Head geometry from the face shape.
        self.rx, self.ry = {"round": (9.4, 9.6), "oval": (8.4, 10.3), "square": (9.0, 10.0), "long": (7.7, 11.4),
                            "heart": (8.8, 10.2)}.get(look.face, (8.4, 10.3))
        self.face = look.face

    def _dress(self, she: bool | None, c0: tuple[float, float, float], c1: tuple[float, float, float],
               lit: float) -> None:
        """Dress cut otherwise than a top over trousers or a skirt, from the clothing's words and the
        wearer (``she``): Korea's hanbok (a woman's short jeogori over a full chima from under the
        arms to the floor, a man's jeogori over baggy baji tied at the ankle, his black gat), South
        Asia's sari (its end, the pallu, across the chest and over the shoulder) and kurta (to the
        knee over slim white trousers; a woman's with a dupatta over her shoulders), antiquity's
        tunic (to the knee, a woman's stola to the ankle; bare legs, sandals), toga (white wool
        draped from the shoulder, a purple border for the rank that wore one) and Egypt's linen (a
        man bare-chested in a pleated kilt, a woman in a sheath dress; bare arms)."""
        g, worn = self.g, self.clothing
        self.hanbok = "hanbok" in worn
        self.chima = self.hanbok and (she is True or (she is None and _has(worn, ("skirt", "chima", "dress"))))
        self.sari = _has(worn, SARI)
        self.kurta = not self.sari and _has(worn, KURTA)
        self.sherwani = self.kurta and _has(worn, ("sherwani", "achkan"))
        self.dupatta = self.kurta and (she is True or _has(worn, ("dupatta", "salwar")))
        self.drape = _has(worn, ("toga", "himation", "stola", "palla"))  # a toga, or a woman's palla
        self.tunic = not self.drape and not self.egypt and _has(worn, ("tunic", "chiton"))
        #: a tunic to the ankle (a woman's stola, a chiton) or to the knee
        self.long_tunic = self.tunic and (she is True or "stola" in worn)
        self.sheath = self.egypt and she is True  # a woman's linen sheath dress from under the arms
        self.bare_chest = self.egypt and not self.sheath and not _has(worn, ("shirt", "robe", "cloak"))
        self.bare_legs = self.ancient and (self.tunic and not self.long_tunic or self.egypt and not self.sheath)
        self.border = fill(g.c((0.42, 0.14, 0.42) if _has(worn, ("purple", "imperial", "senator")) else
                               (0.86, 0.66, 0.2), lit=lit, pull=0))
        self.cloth = fill(g.c(c0, lit=lit))  # the sari's, the chima's, the toga's cloth
        self.cloth_fold = stroke(g.c(mix(c0, (0, 0, 0), 0.3), lit=lit), 0.45)
        self.pants = fill(g.c(mix(c1, (0.95, 0.93, 0.88), 0.7), lit=lit))  # a kurta's trousers, baji
        self.ribbon = fill(g.c(c0 if self.chima else mix(c0, (0, 0, 0), 0.35), lit=lit))  # the goreum
        self.dupatta_paint = fill(g.c(c1, lit=lit))
        self.palla = fill(g.c(c1 if she is True else mix(c0, (0.6, 0.58, 0.54), 0.12), lit=lit))
        if self.hanbok or self.sari or self.kurta or self.drape or self.tunic or self.egypt:
            self.skirt = self.lapels = self.tie = self.long_coat = self.cravat = self.stockings = False
        #: how much of the upper arm a sleeve covers (None: the whole arm; 0: bare arms)
        self.sleeve: float | None = None
        top = c0
        if self.chima:  # the jeogori: pale, short; the chima in the deep colour
            top = mix(c0, (1, 1, 1), 0.55) if luma(c0) < 0.6 else mix(c1, (1, 1, 1), 0.3)
        elif self.sari:  # the blouse under the sari, short-sleeved
            top, self.sleeve = c1, 0.4
        elif self.egypt:
            self.sleeve = 0.0
        elif self.tunic or self.drape:
            self.sleeve = 0.45
        if top is not c0:
            self.c0 = fill(g.c(top, lit=lit))
            self.c0_dark = fill(g.c(mix(top, (0, 0, 0), 0.35), lit=lit))
            self.arm_paint = stroke(g.c(top, lit=lit), 5.6 * self.wf, aa=False)
            self.arm_back = stroke(g.c(mix(top, (0, 0, 0), 0.3), lit=lit), 5.6 * self.wf, aa=False)
        self.sleeve_paint = self.arm_paint
        if self.sleeve is not None:  # bare forearms (or whole arms), the sleeve drawn over the shoulder
            self.arm_paint = stroke(self.skin.getColor(), 5.6 * self.wf, aa=False)
            self.arm_back = stroke(self.skin_dark.getColor(), 5.6 * self.wf, aa=False)
        if self.bare_chest:
            self.c0 = self.skin
        if self.ancient and (self.tunic or self.drape or self.egypt):
            self.shoe = fill(g.c((0.48, 0.32, 0.18), lit=lit))  # sandals
        if self.kurta or (self.hanbok and not self.chima):
            self.leg = self.pants
        if self.bare_legs:
            self.leg = self.skin

    def _era_dress(self, year: int | None, she: bool | None, skin: tuple[float, float, float], lit: float) -> None:
        """What the world's era makes of everyday clothes worn in it (a shirt, a jacket, an
        outfit) where the costume has no shape of its own: a woman (``she``) before 1960 wears a
        dress or a skirt: to the floor before 1915 (any skirt is), to the knee with its waist
        dropped to the hips from 1915 to 1929 (in the 1920s an evening's dress is the flapper's:
        fringed, a beaded headband with a feather, a long string of beads), to mid-calf until 1960,
        with stockings below; a man before 1500 wears a belted tunic to mid-thigh over hose. A
        'flapper' dress is drawn so in any year. Armour, mail, a robe or habit, the dress of Asia
        and antiquity, a one-piece suit and clothes that name trousers keep their own shape."""
        worn = self.clothing
        #: where the skirt ends (None: as its words say), how far it flares, and from where it hangs
        self.hem: float | None = None
        self.flare = 6.0
        self.drop_waist = self.fringe = self.headband = self.medieval_tunic = False
        own = (self.plate or self.mail or self.kimono or self.hanbok or self.sari or self.kurta or self.drape
               or self.tunic or self.egypt or self.lacquer or _has(worn, ONE_PIECE) or _has(worn, TROUSERS)
               or _has(worn, ("robe", "habit", "cassock", "cloak", "tabard", "furs", "costume")))
        flapper = "flapper" in worn
        if year is None and not flapper:
            return
        if flapper or (she is True and not own and year is not None and year < 1960):
            self.skirt = True
            self.tie = False
        if not self.skirt or own and not flapper:
            if year is not None and year < 1500 and she is not True and not own and not self.long_coat:
                self.medieval_tunic = True
            return
        if year is not None and year < 1915:
            self.hem = -2.0
        elif flapper or year is not None and year < 1930:
            self.hem, self.flare, self.drop_waist = -24.0 * self.hf, 2.5, True
            self.fringe = self.headband = flapper or _has(worn, EVENING)
            self.lapels = self.long_coat = False
        else:
            self.hem = -14.0 * self.hf
        if self.hem > -3:
            return
        # stockings: the skin's colour, sheer and a little tanned
        self.leg = fill(self.g.c(mix(skin, (0.78, 0.62, 0.5), 0.35), lit=lit))

    def _period(self, year: int | None, one_piece: bool) -> None:
        """What the world's era makes of modern clothes (``year`` None: today). No necktie before
        1900: a suit or jacket is a frock coat or tailcoat over a white cravat, and before 1840 over
        breeches and white stockings; before 1500 nobody wears a tailored coat at all (a belted
        tunic). A one-piece suit (a diver's) and a long dress keep their shape."""
        self.cravat = self.stockings = False
        if year is None or year >= 1900 or one_piece:
            return
        tailored = _has(self.clothing, ("suit", "jacket", "blazer", "tuxedo", "tailcoat", "waistcoat", "vest",
                                        "office", "uniform"))
        if year < 1500:
            self.lapels = self.tie = False
            return
        if tailored or self.tie:
            self.cravat = True
            self.tie = False
            self.lapels = True
            self.long_coat = not self.skirt
        self.stockings = year < 1840 and not self.skirt and (tailored or self.long_coat)

    # --- geometry ---------------------------------------------------------------------------

    def head_center(self, pose: Pose) -> tuple[float, float]:
        hy = -86 * self.hf + (3 if self.child else 0) + pose.breath * 0.4
        return pose.sway * 0.8, hy

    # --- drawing ----------------------------------------------------------------------------

    def _metrics(self, pose: Pose) -> tuple[float, float, float, float, float, float]:
        """Shoulder line, waist line, shoulder and waist half-widths, torso sway, body scale."""
        # Children's heads are big for their bodies; we draw the body smaller, not the head.
        bs = 0.82 if self.child else 1.0
        return (-73 * self.hf + pose.breath * 0.5, -45 * self.hf, 12.5 * self.wf * bs, 9.5 * self.wf * bs,
                pose.sway * 0.6, bs)

    def draw(self, c: skia.Canvas, pose: Pose) -> None:
        """The whole figure. (The renderer may instead draw the body once into a cached sprite
        and call the three parts itself: behind, body, front.)"""
        self.draw_behind(c, pose)
        self.draw_body(c, pose)
        self.draw_front(c, pose)

    def draw_behind(self, c: skia.Canvas, pose: Pose) -> None:
        """What is behind the body: hood, long hair, the far arm."""
        sy, _, sw, _, sx, _ = self._metrics(pose)
        if self.hood or self.hat == "cowl":  # a hood down on the shoulders (a monk's cowl)
            c.drawOval(skia.Rect(sx - 9, sy - 6, sx + 9, sy + 4), self.c0_dark)
        self._back_hair(c, pose)
        self._behind_dress(c, pose, sx, sy, sw)
        if self.shield:  # slung on the back, showing past the far shoulder
            self._shield(c, sx - pose.facing * (sw + 1), sy + 15)
        self._arm(c, -pose.facing, pose, sw, sy, back=True)

    def _shield(self, c: skia.Canvas, x: float, y: float) -> None:
        """A round shield (painted wood, an iron boss) or a knight's kite shield (a chevron on it)."""
        if "round" in (self.shield or "") or not self.plate:
            c.drawCircle(x, y, 10, self.c1)
            c.drawPath(poly([(x, y), (x - 10, y), (x - 7.07, y - 7.07)]), self.c0_dark)
            c.drawPath(poly([(x, y), (x + 10, y), (x + 7.07, y + 7.07)]), self.c0_dark)
            c.drawCircle(x, y, 10, stroke(self.band.getColor(), 1.0))
            c.drawCircle(x, y, 2.6, self.steel)
            c.drawCircle(x, y, 2.6, self.outline)
            return
        kite = poly([(x - 8, y - 11), (x + 8, y - 11), (x + 8, y + 1), (x, y + 13), (x - 8, y + 1)])
        c.drawPath(kite, self.tabard_paint)
        c.drawPath(poly([(x - 8, y + 1), (x, y - 6), (x + 8, y + 1), (x + 8, y + 4), (x, y - 3), (x - 8, y + 4)]),
                   self.gold)
        c.drawPath(kite, self.outline)

    def draw_body(self, c: skia.Canvas, pose: Pose) -> None:
        """Legs, torso and clothes, neck: the part that only breathes and sways."""
        d = pose.facing
        hf, wf = self.hf, self.wf
        sy, wy, sw, ww, sx, bs = self._metrics(pose)
        for side in (-1, 1):
            x = side * 4.2 * wf * bs
            leg = skia.Rect(x - 2.9 * wf * bs, wy - 1, x + 2.9 * wf * bs, -2.5)
            c.drawRect(leg, self.leg)
            if self.stockings:  # breeches to the knee, white stockings below
                knee = (wy - 2.5) * 0.45
                c.drawRect(skia.Rect(leg.left() + 0.4, knee, leg.right() - 0.4, -2.5), self.white)
            c.drawRoundRect(skia.Rect(x - 3.2 + d * 1.2, -3.6, x + 3.2 + d * 2.4, 0), 1.6, 1.6, self.shoe)
        torso = poly([(sx - sw, sy + 1.5), (sx - sw + 1.2, sy - 1.0), (sx + sw - 1.2, sy - 1.0), (sx + sw, sy + 1.5),
                      (ww, wy + 2), (-ww, wy + 2)])
        if self.mail:  # a hauberk of mail to mid-thigh
            hem = poly([(-ww, wy), (ww, wy), (ww + 2, -26 * hf), (-ww - 2, -26 * hf)])
            c.drawPath(hem, self.c0_flat)
            c.drawPath(hem, self.outline)
        c.drawPath(torso, self.c0_flat)
        c.drawPath(torso, self.outline)
        if self.hakama:  # wide pleated trousers to the ankle, split down the middle
            legs = poly([(-ww - 0.5, wy), (ww + 0.5, wy), (ww + 6 * wf, -2), (-ww - 6 * wf, -2)])
            c.drawPath(legs, self.c1_flat)
            pleat = stroke(skia.ColorSetA(self.ink.getColor(), 110), 0.4)
            for f in (-0.6, 0.6):
                c.drawLine(f * ww, wy + 2, f * (ww + 6 * wf), -2, pleat)
            c.drawLine(0, wy + 8, 0, -2, stroke(skia.ColorSetA(self.ink.getColor(), 170), 0.6))
            c.drawPath(legs, self.outline)
        elif self.kimono:  # a robe wrapped to the ankle
            robe = poly([(-ww, wy), (ww, wy), (ww + 3 * wf, -2), (-ww - 3 * wf, -2)])
            c.drawPath(robe, self.c0_flat)
            c.drawLine(d * 3, wy, d * 5, -2, stroke(skia.ColorSetA(self.ink.getColor(), 130), 0.5))
            c.drawPath(robe, self.outline)
        self._regional(c, d, sx, sy, sw, wy, ww)
        if self.tabard:  # a tabard hangs to mid-thigh over the chest, a gold chevron on it
            tab = poly([(-sw * 0.62, sy), (sw * 0.62, sy), (ww * 0.8, wy), (ww * 0.8, -27 * hf), (-ww * 0.8, -27 * hf),
                        (-ww * 0.8, wy)])
            c.drawPath(tab, self.tabard_paint)
            c.drawPath(poly([(-sw * 0.5, sy + 13), (0, sy + 6), (sw * 0.5, sy + 13), (sw * 0.5, sy + 16), (0, sy + 9),
                             (-sw * 0.5, sy + 16)]), self.gold)
            c.drawPath(tab, self.outline)
        if self.skirt and not self.kimono:
            hem = self.hem if self.hem is not None else -2 if _has(self.clothing, ("gown", "robe", "cassock", "habit")) \
                else -24 * hf
            whole = self.drop_waist or _has(self.clothing, ("dress", "gown", "robe", "habit", "cassock"))
            top = wy + 8 if self.drop_waist else wy  # the 1920s' waist is at the hips
            if self.drop_waist:
                c.drawRect(skia.Rect(-ww, wy, ww, top + 0.5), self.c0_flat)
            skirt = poly([(-ww, top), (ww, top), (ww + self.flare * wf, hem), (-ww - self.flare * wf, hem)])
            c.drawPath(skirt, self.c0_flat if whole else self.c1_flat)
            if self.fringe:  # rows of beaded fringe swinging from the hips to the hem
                thread = stroke(self.gold.getColor(), 0.45)
                for row in (top + 0.3 * (hem - top), top + 0.65 * (hem - top), hem - 0.5):
                    spread = ww + self.flare * wf * (row - top) / (hem - top)
                    c.drawLine(-spread, row, spread, row, stroke(self.gold.getColor(), 1.0))
                    x = -spread + 0.8
                    while x < spread:
                        c.drawLine(x, row, x + 0.4, row + 3.2, thread)
                        x += 1.6
            c.drawPath(skirt, self.outline)
            if self.drop_waist:  # the sash round the hips
                c.drawRect(skia.Rect(-ww - 0.3, top - 2.5, ww + 0.3, top + 0.5), self.c1)
        elif self.lorica:  # the red tunic's hem and the pteruges: leather strips hanging from the waist
            hem = poly([(-ww, wy), (ww, wy), (ww + 3 * wf, -27 * hf), (-ww - 3 * wf, -27 * hf)])
            c.drawPath(hem, self.tunic_red)
            c.drawPath(hem, self.outline)
            strap = self.band
            for i in range(5):
                x = -ww + 1.2 + i * (2 * ww - 2.4) / 4
                c.drawRect(skia.Rect(x - 1.1, wy, x + 1.1, -31 * hf), strap)
        elif self.medieval_tunic:  # a belted tunic to mid-thigh over hose
            tunic = poly([(-ww, wy), (ww, wy), (ww + 3 * wf, -27 * hf), (-ww - 3 * wf, -27 * hf)])
            c.drawPath(tunic, self.c0_flat)
            c.drawPath(tunic, self.outline)
        elif self.long_coat:
            tail = poly([(-ww, wy), (ww, wy), (ww + 2.5, -24 * hf), (d * 1.5, -25 * hf), (-ww - 2.5, -24 * hf)])
            c.drawPath(tail, self.c0_flat)
            c.drawPath(tail, self.outline)
            c.drawLine(d * 1.5, wy, d * 1.5, -25 * hf, stroke(skia.ColorSetA(self.ink.getColor(), 120), 0.4))
        if self.geisha:  # a geisha's obi: wide, stiff, a cord tied round its middle
            c.drawRect(skia.Rect(-ww - 0.3, wy - 8, ww + 0.3, wy + 2.5), self.c1)
            c.drawRect(skia.Rect(-ww - 0.3, wy - 8, ww + 0.3, wy + 2.5), self.outline)
            c.drawLine(-ww, wy - 2.6, ww, wy - 2.6, stroke(self.g.c((0.8, 0.15, 0.2), lit=0.55, pull=0), 0.8))
        elif self.kimono:  # the obi: a wide sash
            c.drawRect(skia.Rect(-ww, wy - 4.5, ww, wy + 1.6), self.c1 if not self.hakama else self.band)
        elif self.cord:  # a monk's rope girdle, its knotted end hanging
            rope = stroke(self.g.c((0.86, 0.8, 0.66), lit=0.55, pull=0), 1.3)
            c.drawLine(-ww, wy + 0.5, ww, wy + 0.5, rope)
            c.drawLine(d * 2.5, wy + 0.5, d * 3.5, wy + 17, rope)
            for k in (6.0, 11.0, 16.0):
                c.drawCircle(d * (2.5 + k / 17), wy + 0.5 + k, 0.9, fill(rope.getColor()))
        elif not (self.hanbok or self.sari or self.kurta or self.drape or self.sheath or self.long_tunic
                  or self.drop_waist):
            c.drawRect(skia.Rect(-ww, wy - 0.5, ww, wy + 1.6), self.c0_dark)  # belt line
        self._torso_details(c, pose, sx, sy, sw, wy)
        if self.katana:  # through the sash at the hip: the hilt forward, the curved scabbard behind
            sheath = skia.Path()
            sheath.moveTo(d * 2, wy - 1)
            sheath.quadTo(-d * 12, wy + 1, -d * 24, wy + 8)
            c.drawPath(sheath, stroke(self.ink.getColor(), 1.6))
            c.drawLine(d * 2, wy - 1, d * 3.2, wy - 1.6, stroke(self.gold.getColor(), 1.9))  # the guard
            c.drawLine(d * 3.2, wy - 1.6, d * 11, wy - 4.5, stroke(self.ink.getColor(), 1.5))  # the wrapped hilt
            for i in range(4):
                hx0 = d * (4.5 + i * 1.7)
                c.drawLine(hx0, wy - 2.6 - i * 0.6, hx0 + d * 0.5, wy - 1.2 - i * 0.6,
                           stroke(self.white.getColor(), 0.35))
        hx, hy = self.head_center(pose)
        c.drawRect(skia.Rect(hx - 2.6, hy + self.ry - 3, hx + 2.6, sy + 0.5), self.skin_dark)
        if self.scarf:
            c.drawRoundRect(skia.Rect(hx - 5.5, sy - 2.5, hx + 5.5, sy + 2), 2, 2, self.c1)
            c.drawPath(poly([(hx + d * 2, sy), (hx + d * 5, sy + 10), (hx + d * 2, sy + 10)]), self.c1)
        if self.fringe:  # a long string of beads, knotted low
            for i in range(15):
                a = math.pi * (0.1 + 0.8 * i / 14)
                c.drawCircle(hx + 5.5 * math.cos(a), sy + 0.5 + (wy - sy + 4) * math.sin(a), 0.6, self.white)
        if self.beads:  # a rosary hanging from the girdle: a loop of beads, a cross below
            bx = -d * (ww - 3.5)
            for i in range(10):
                a = 2 * math.pi * i / 10
                c.drawCircle(bx + 1.8 * math.sin(a), wy + 5 + 4 * math.cos(a), 0.55, self.brass)
            c.drawLine(bx, wy + 9, bx, wy + 14.5, stroke(self.brass.getColor(), 0.6))
            c.drawLine(bx - 1.4, wy + 11, bx + 1.4, wy + 11, stroke(self.brass.getColor(), 0.6))
        if self.pearls:
            for i in range(9):
                a = math.pi * (0.15 + 0.7 * i / 8)
                c.drawCircle(hx + 5 * math.cos(a), sy + 0.5 + 3 * math.sin(a), 0.65, self.white)

    def _regional(self, c: skia.Canvas, d: int, sx: float, sy: float, sw: float, wy: float, ww: float) -> None:
        """The garments _dress reads (a hanbok, a sari, a kurta, a tunic, a toga, Egypt's linen),
        over the legs and the torso."""
        hf, wf = self.hf, self.wf
        fold = self.cloth_fold
        if self.hanbok and not self.chima:  # baji ballooning to the ankles and tied there; the jeogori to the hip
            baji = poly([(-ww - 0.5, wy), (ww + 0.5, wy), (ww + 4 * wf, -16 * hf), (ww + 0.5, -3.5), (2.2, -3.5),
                         (0, -15 * hf), (-2.2, -3.5), (-ww - 0.5, -3.5), (-ww - 4 * wf, -16 * hf)])
            c.drawPath(baji, self.pants)
            c.drawLine(0, wy + 6, 0, -15 * hf, fold)
            c.drawPath(baji, self.outline)
            c.drawRect(skia.Rect(-ww - 0.5, -6, ww + 0.5, -3.5), self.c1_flat)  # the ankle ties
            hem = skia.Rect(-ww - 1.2, wy - 1, ww + 1.2, wy + 6)
            c.drawRect(hem, self.c0_flat)
            c.drawRect(hem, self.outline)
        elif self.chima:  # the chima: full from under the arms to the floor, in the deep colour
            p = skia.Path()
            top = sy + 9
            p.moveTo(-sw * 0.85, top)
            p.lineTo(sw * 0.85, top)
            p.cubicTo(sw + 2, top + 18, ww + 9 * wf, -18 * hf, ww + 10 * wf, -1)
            p.lineTo(-ww - 10 * wf, -1)
            p.cubicTo(-ww - 9 * wf, -18 * hf, -sw - 2, top + 18, -sw * 0.85, top)
            p.close()
            c.drawPath(p, self.cloth)
            for f in (-0.55, -0.15, 0.3, 0.7):  # its gathered folds
                c.drawLine(f * sw * 0.8, top + 4, f * (ww + 10 * wf), -1.5, fold)
            c.drawPath(p, self.outline)
        elif self.sari:  # the sari's pleated skirt with its gold border, the pallu across the chest
            skirt = poly([(-ww, wy - 1), (ww, wy - 1), (ww + 4 * wf, -1.5), (-ww - 4 * wf, -1.5)])
            c.drawPath(skirt, self.cloth)
            for i in range(4):  # the pleats tucked in at the front
                c.drawLine(d * (1.5 + i * 1.3), wy + 3, d * (1.5 + i * 2.0), -1.5, fold)
            c.drawRect(skia.Rect(-ww - 4 * wf, -4.5, ww + 4 * wf, -1.5), self.border)
            c.drawPath(skirt, self.outline)
            pallu = poly([(d * ww, wy + 3), (d * (ww - 8), wy + 3), (-d * sw, sy + 5), (-d * (sw - 6.5), sy - 1.5)])
            c.drawPath(pallu, self.cloth)
            c.drawLine(-d * (sw - 6.5), sy - 1.5, d * ww, wy + 3, stroke(self.border.getColor(), 1.0))
            c.drawLine(-d * (sw - 3), sy + 2, d * (ww - 4), wy + 3, fold)
            c.drawPath(pallu, self.outline)
        elif self.kurta:  # to the knee, slit at the sides
            hem = -27 * hf
            body = poly([(-ww, wy), (ww, wy), (ww + 2.5 * wf, hem), (-ww - 2.5 * wf, hem)])
            c.drawPath(body, self.c0_flat)
            for side in (-1, 1):
                c.drawLine(side * (ww + 2.3 * wf), hem, side * (ww + 1.6 * wf), hem + 6, fold)
            if self.sherwani:
                c.drawRect(skia.Rect(-ww - 2.5 * wf, hem - 1.4, ww + 2.5 * wf, hem), self.gold)
            c.drawPath(body, self.outline)
        elif self.tunic:  # belted, to the knee (a stola to the ankle)
            hem = -2.0 if self.long_tunic else -25 * hf
            flare = 5 if self.long_tunic else 2.5
            body = poly([(-ww, wy), (ww, wy), (ww + flare * wf, hem), (-ww - flare * wf, hem)])
            c.drawPath(body, self.c0_flat)
            for f in (-0.5, 0.1, 0.6):
                c.drawLine(f * ww, wy + 3, f * (ww + flare * wf), hem - 0.5, fold)
            c.drawPath(body, self.outline)
        elif self.drape:  # a toga (a stola and palla): to the ankle, and the cloth over the shoulder
            robe = poly([(-ww, wy), (ww, wy), (ww + 4 * wf, -2), (-ww - 4 * wf, -2)])
            c.drawPath(robe, self.c0_flat)
            for f in (-0.6, 0.0, 0.5):
                c.drawLine(f * ww, wy + 4, f * (ww + 4 * wf), -2.5, fold)
            c.drawPath(robe, self.outline)
            band = poly([(-d * (sw + 0.5), sy - 1.5), (-d * (sw - 7.5), sy - 1.5), (d * (ww + 1.5), wy + 2),
                         (d * (ww + 3 * wf), -22 * hf), (d * (ww - 5), -22 * hf), (d * (ww - 4), wy + 8)])
            c.drawPath(band, self.palla)
            for k in (2.5, 5.0):  # the folds of the sinus across the chest
                c.drawLine(-d * (sw - k), sy + 1, d * (ww - 6 + k), wy + 6, fold)
            c.drawLine(-d * (sw - 7.5), sy - 1.5, d * (ww + 1.5), wy + 2, stroke(self.border.getColor(), 0.9))
            c.drawPath(band, self.outline)
        elif self.egypt:
            if self.sheath:  # bare shoulders, the sheath from under the arms to the ankle, two straps
                c.drawPath(poly([(sx - sw, sy + 1.5), (sx - sw + 1.2, sy - 1.0), (sx + sw - 1.2, sy - 1.0), (sx + sw, sy + 1.5),
                                 (sx + sw * 0.9, sy + 6), (sx - sw * 0.9, sy + 6)]), self.skin_flat)
                dress = poly([(-sw * 0.85, sy + 6), (sw * 0.85, sy + 6), (ww + 1.5 * wf, -2), (-ww - 1.5 * wf, -2)])
                c.drawPath(dress, self.cloth)
                c.drawPath(dress, self.outline)
                for side in (-1, 1):
                    c.drawLine(sx + side * 4, sy - 0.5, sx + side * 5.5, sy + 6, stroke(self.cloth.getColor(), 1.2))
            else:  # the shendyt: a pleated linen kilt to the knee, its front panel
                kilt = poly([(-ww - 0.5, wy - 1), (ww + 0.5, wy - 1), (ww + 3 * wf, -26 * hf), (-ww - 3 * wf, -26 * hf)])
                c.drawPath(kilt, self.cloth)
                for i in range(-3, 4):
                    c.drawLine(i * ww / 4, wy + 2, i * (ww + 3 * wf) / 4, -26.5 * hf, fold)
                c.drawPath(poly([(d * 1, wy), (d * 4.5, wy), (d * 6.5, -27 * hf), (d * 0.5, -27 * hf)]),
                           fill(self.cloth.getColor()))
                c.drawPath(kilt, self.outline)

    def _behind_dress(self, c: skia.Canvas, pose: Pose, sx: float, sy: float, sw: float) -> None:
        """What hangs behind the body: a sari's pallu from the far shoulder, a dupatta's ends, a
        geisha's obi tied in a drum bow at the back."""
        d = pose.facing
        _, wy, _, ww, _, _ = self._metrics(pose)
        if self.sari:
            tail = skia.Rect(min(-d * sw, -d * (sw - 5.5)) + sx, sy - 1, max(-d * sw, -d * (sw - 5.5)) + sx, wy + 16)
            c.drawRect(tail, self.cloth)
            c.drawRect(skia.Rect(tail.left(), tail.bottom() - 2.2, tail.right(), tail.bottom()), self.border)
            c.drawRect(tail, self.outline)
        if self.dupatta:
            for side in (-1, 1):
                x = sx + side * (sw - 1.5)
                c.drawRect(skia.Rect(x - 1.8, sy - 1, x + 1.8, wy + 10), self.dupatta_paint)
        if self.geisha:  # the taiko musubi: a box of obi standing out behind the back
            bx = -d * (ww + 0.5)
            box = skia.Rect(min(bx, bx - d * 6), wy - 10, max(bx, bx - d * 6), wy + 4)
            c.drawRoundRect(box, 1.2, 1.2, self.c1)
            c.drawRoundRect(box, 1.2, 1.2, self.outline)

    def draw_front(self, c: skia.Canvas, pose: Pose) -> None:
        """The head (expression, blinking, mouth) and the near arm (gestures)."""
        self.draw_head(c, pose)
        self.draw_arm(c, pose)

    def draw_head(self, c: skia.Canvas, pose: Pose) -> None:
        hx, hy = self.head_center(pose)
        self._head(c, pose, hx, hy)

    def draw_arm(self, c: skia.Canvas, pose: Pose) -> None:
        sy, _, sw, _, _, _ = self._metrics(pose)
        self._arm(c, pose.facing, pose, sw, sy, back=False)

    def head_box(self, facing: int = 1) -> skia.Rect:
        """Where the head with its hair and hat can reach, in units, at rest (either way it faces)."""
        hx, hy = self.head_center(Pose())
        return skia.Rect(hx - self.rx - 11, hy - self.ry - 16, hx + self.rx + 11, hy + self.ry + 4)

    def _torso_details(self, c: skia.Canvas, pose: Pose, sx: float, sy: float, sw: float, wy: float) -> None:
        d = pose.facing
        if self.lacquer:  # a samurai's do: lacquered plates laced in rows, shoulder plates hanging
            c.drawRoundRect(skia.Rect(-sw + 1.5, sy + 5, sw - 1.5, wy - 4), 2, 2, self.lacquer_paint)
            lace = stroke(self.gold.getColor(), 0.35)
            for y in range(int(sy + 8), int(wy - 5), 3):
                c.drawLine(-sw + 2, y, sw - 2, y, lace)
            for side in (-1, 1):
                plate = skia.Rect(sx + side * sw - 3.5, sy - 0.5, sx + side * sw + 3.5, sy + 10)
                c.drawRect(plate, self.lacquer_paint)
                for y in (sy + 3, sy + 6):
                    c.drawLine(plate.left(), y, plate.right(), y, lace)
                c.drawRect(plate, self.outline)
        if self.kimono:  # the kimono's crossed collar, a white under-collar showing
            c.drawPath(poly([(sx - 3.5, sy - 1), (sx - 1.5, sy - 1), (sx + 3.5, sy + 11), (sx + 1.5, sy + 12)]), self.white)
            c.drawPath(poly([(sx + 3.5, sy - 1), (sx + 1.5, sy - 1), (sx - 0.5, sy + 4.5), (sx + 0.5, sy + 6.5)]),
                       self.white)
            return
        if self.hanbok:  # the jeogori's white collar band crossing, the goreum's bow and long ribbons
            c.drawPath(poly([(sx - 4, sy - 1), (sx - 2, sy - 1), (sx + 3.5, sy + 7), (sx + 1.5, sy + 8)]), self.white)
            bow = (sx + d * 2.5, sy + (7.5 if self.chima else 9))
            ribbon = stroke(self.ribbon.getColor(), 1.3)
            c.drawLine(bow[0], bow[1], bow[0] - d * 0.8, bow[1] + (17 if self.chima else 12), ribbon)
            c.drawLine(bow[0], bow[1], bow[0] + d * 1.6, bow[1] + (14 if self.chima else 10), ribbon)
            c.drawOval(skia.Rect(bow[0] - 2.4, bow[1] - 1.1, bow[0] + 2.4, bow[1] + 1.1), self.ribbon)
            return
        if self.sari or self.drape:  # (the pallu, the toga's folds: drawn over the chest already)
            return
        if self.kurta:  # a band collar, the placket buttoned down the front (a sherwani's to the hem)
            c.drawRoundRect(skia.Rect(sx - 3.2, sy - 2.5, sx + 3.2, sy + 0.8), 1, 1, self.c0_dark)
            end = -27 * self.hf if self.sherwani else sy + 13
            c.drawLine(sx + d * 0.6, sy + 0.8, sx * 0.3 + d * 0.6, end, stroke(self.c0_dark.getColor(), 0.45))
            dot = self.gold if self.sherwani else self.c0_dark
            y = sy + 3.0
            while y < end - 1:
                c.drawCircle(sx * (1 - 0.7 * (y - sy) / max(1.0, end - sy)) + d * 0.6, y, 0.55, dot)
                y += 3.4
            if self.dupatta:  # the scarf over both shoulders, dipping across the chest
                p = skia.Path()
                p.moveTo(sx - sw + 0.5, sy - 0.5)
                p.quadTo(sx, sy + 14, sx + sw - 0.5, sy - 0.5)
                c.drawPath(p, stroke(self.dupatta_paint.getColor(), 3.2))
            return
        if self.egypt and not self.gold_collar:  # bare to the waist, or the sheath's straps
            return
        if self.lacquer:
            return
        if self.lorica:  # bands of steel laced round the chest, the shoulder guards in bands too
            band = stroke(self.steel_dark.getColor(), 0.6)
            for y in range(int(sy + 9), int(wy + 1), 4):
                c.drawLine(-sw + 0.8, y, sw - 0.8, y, band)
            for side in (-1, 1):
                for k in range(3):
                    pad = skia.Rect(sx + side * sw - 4, sy - 2 + k * 3, sx + side * sw + 4, sy + 1.5 + k * 3)
                    c.drawRoundRect(pad, 1.2, 1.2, self.steel)
                    c.drawRoundRect(pad, 1.2, 1.2, self.outline)
            return
        if self.plate:  # a breastplate's ridge and shine, rounded pauldrons
            if not self.tabard:
                c.drawLine(sx, sy + 2, sx, wy - 1, stroke(self.steel_dark.getColor(), 0.7))
                c.drawOval(skia.Rect(sx - d * 6 - 1.5, sy + 4, sx - d * 6 + 1.5, sy + 14),
                           fill(skia.ColorSetA(self.white.getColor(), 120)))
            for side in (-1, 1):
                pad = skia.Rect(sx + side * sw - 4.5, sy - 2.5, sx + side * sw + 4.5, sy + 6)
                c.drawOval(pad, self.steel)
                c.drawOval(pad, self.outline)
            return
        if self.mail:  # rings of mail, a fur mantle over the shoulders
            ring = stroke(self.c0_dark.getColor(), 0.35)
            for j, y in enumerate(range(int(sy + 3), int(wy), 2)):
                for x in range(int(-sw + 2 + j % 2), int(sw - 1), 2):
                    c.drawArc(skia.Rect(x - 0.9, y - 0.9, x + 0.9, y + 0.9), 0, 180, False, ring)
        if self.furs:
            for i in range(9):
                fx = sx - sw - 1 + i * (2 * sw + 2) / 8
                c.drawCircle(fx, sy + 0.5 + (i % 2) * 1.2, 2.6, self.fur)
            if self.mail:
                return
        if self.gold_collar:  # a broad collar of gold and blue beads round the neck
            for r, paint in ((9.5, self.gold), (7.5, fill(self.g.c((0.12, 0.3, 0.62), lit=0.55, pull=0))),
                             (5.5, self.gold)):
                c.drawArc(skia.Rect(sx - r, sy - 1 - r, sx + r, sy - 1 + r), 0, 180, True, paint)
            c.drawArc(skia.Rect(sx - 9.5, sy - 10.5, sx + 9.5, sy + 8.5), 0, 180, True, self.outline)
            return
        if self.lapels:
            c.drawPath(poly([(sx - 4, sy - 1), (sx, sy + 14), (sx + 4, sy - 1)]), self.shirt)
            c.drawPath(poly([(sx - 4.5, sy - 1), (sx - 0.5, sy + 14), (sx - 5.5, sy + 6)]), self.c0_dark)
            c.drawPath(poly([(sx + 4.5, sy - 1), (sx + 0.5, sy + 14), (sx + 5.5, sy + 6)]), self.c0_dark)
            if self.tie:
                c.drawPath(poly([(sx - 0.9, sy), (sx + 0.9, sy), (sx + 1.4, sy + 10), (sx, sy + 12), (sx - 1.4, sy + 10)]),
                           self.c1)
            elif self.cravat:  # a white neck cloth tied in a bow at the throat, its ends falling in a ruffle
                for part in (poly([(sx, sy + 1.5), (sx - 5, sy - 1), (sx - 5, sy + 4)]),
                             poly([(sx, sy + 1.5), (sx + 5, sy - 1), (sx + 5, sy + 4)]),
                             poly([(sx - 2.4, sy + 1.5), (sx + 2.4, sy + 1.5), (sx + 2, sy + 9), (sx, sy + 10.5),
                                   (sx - 2, sy + 9)])):
                    c.drawPath(part, self.white)
                    c.drawPath(part, self.outline)
            for i in range(2):
                c.drawCircle(sx + 0.2, sy + 17 + i * 5, 0.6, self.ink)
        elif "vest" in self.clothing or "waistcoat" in self.clothing:
            c.drawPath(poly([(sx - 6, sy), (sx, sy + 10), (sx + 6, sy), (sx + 7, wy), (sx - 7, wy)]), self.c1)
        elif "turtleneck" in self.clothing:
            c.drawRoundRect(skia.Rect(sx - 4, sy - 3.5, sx + 4, sy + 1), 1.5, 1.5, self.c0_dark)
        else:
            c.drawPath(poly([(sx - 3, sy - 1), (sx, sy + 3), (sx + 3, sy - 1)]), self.c0_dark)
        if self.apron:
            c.drawRoundRect(skia.Rect(sx - 6, sy + 6, sx + 6, -22 * self.hf), 1.5, 1.5, self.white)
        if self.badge:
            bx = sx - d * 5.5
            c.drawPath(poly([(bx, sy + 5), (bx + 1.6, sy + 7.5), (bx, sy + 10), (bx - 1.6, sy + 7.5)]), self.metal)

    def _arm(self, c: skia.Canvas, side: int, pose: Pose, sw: float, sy: float, *, back: bool) -> None:
        """An arm from the shoulder on ``side`` (+1 right); the front arm makes the speaking gestures."""
        e = pose.emotion
        up, fore = 10.0, 8.0   # degrees out from hanging straight down
        if not back:
            talk = pose.talk
            wave = math.sin(pose.gesture)
            up += talk * (20 + 12 * wave)
            fore += talk * (88 + 22 * math.sin(pose.gesture * 1.7 + 1))
            if e == "angry":
                up += talk * 15 * abs(math.sin(pose.gesture * 2.3))
            if e in ("afraid", "surprised") and not pose.listening:
                up, fore = 28 + 10 * talk, 120.0
        else:
            if e in ("afraid", "surprised") and not pose.listening:
                up, fore = 24.0, 110.0
            elif self.held:
                up, fore = 14.0, 40.0
        up += pose.breath * 1.5
        x0 = pose.sway * 0.6 + side * (sw - 2.2)
        y0 = sy + 2.0
        a1 = math.radians(up) * side
        ln1, ln2 = 16.0 * self.hf, 15.0 * self.hf
        x1, y1 = x0 + math.sin(a1) * ln1, y0 + math.cos(a1) * ln1
        a2 = a1 + math.radians(fore) * side
        x2, y2 = x1 + math.sin(a2) * ln2, y1 + math.cos(a2) * ln2
        path = poly([(x0, y0), (x1, y1), (x2, y2)], close=False)
        c.drawPath(path, self.arm_edge)
        c.drawPath(path, self.arm_back if back else self.arm_paint)
        if self.sleeve:  # a short sleeve over the bare arm
            f = self.sleeve
            c.drawLine(x0, y0, x0 + (x1 - x0) * f, y0 + (y1 - y0) * f, self.sleeve_paint)
        if back and self.held and "wand" in self.held:  # a conjuror's wand: black, white tips, held out
            tip = (x2 + side * 9, y2 - 7)
            c.drawLine(x2 - side * 1.5, y2 + 1.2, *tip, stroke(self.ink.getColor(), 1.1))
            c.drawLine(tip[0] - side * 1.6, tip[1] + 1.25, *tip, stroke(self.white.getColor(), 1.1))
        elif back and self.held and _has(self.held, POLEARMS):  # a long haft upright, its iron head high
            top = y2 - 62 * self.hf  # (taller than the one holding it)
            c.drawLine(x2, top, x2 + side * 1.2, 0, stroke(self.band.getColor(), 1.1))
            if _has(self.held, ("pitchfork", "trident")):
                for k in (-2.2, 0.0, 2.2):
                    c.drawLine(x2 + k, top - 6, x2 + k * 0.6, top + 1, stroke(self.steel_dark.getColor(), 0.6))
                c.drawLine(x2 - 2.4, top + 1, x2 + 2.4, top + 1, stroke(self.steel_dark.getColor(), 0.7))
            else:  # a spear's leaf-shaped blade
                blade = poly([(x2, top - 8), (x2 + 1.6, top - 3), (x2, top + 1), (x2 - 1.6, top - 3)])
                c.drawPath(blade, self.steel)
                c.drawPath(blade, self.outline)
        elif back and self.held:
            stick = stroke(self.band.getColor(), 1.1)
            c.drawLine(x2, y2 - 10, x2 + side * 1.5, 0, stick)
        elif back and self.carried:  # the prop in the hand, at a tenth of the figure's height
            c.save()
            c.translate(x2 + side * 1.5, y2 + 4)
            c.scale(0.17 * self.hf, 0.17 * self.hf)
            objects.draw(c, self.g, self.carried)
            c.restore()
        c.drawCircle(x2, y2, 2.9 * min(1.15, self.wf), self.skin)
        if not back and self.smoke:
            c.drawLine(x2 + side * 1.5, y2 - 1, x2 + side * 6, y2 - 2.5, stroke(self.white.getColor(), 0.8))

    def _head_path(self, hx: float, hy: float) -> skia.Path:
        rx, ry = self.rx, self.ry
        p = skia.Path()
        if self.face == "square":
            p.addRoundRect(skia.Rect(hx - rx, hy - ry, hx + rx, hy + ry), 4.2, 4.2)
        elif self.face == "heart":
            p.moveTo(hx - rx, hy - ry * 0.3)
            p.cubicTo(hx - rx, hy - ry * 1.35, hx + rx, hy - ry * 1.35, hx + rx, hy - ry * 0.3)
            p.cubicTo(hx + rx, hy + ry * 0.5, hx + rx * 0.3, hy + ry, hx, hy + ry)
            p.cubicTo(hx - rx * 0.3, hy + ry, hx - rx, hy + ry * 0.5, hx - rx, hy - ry * 0.3)
            p.close()
        else:
            p.addOval(skia.Rect(hx - rx, hy - ry, hx + rx, hy + ry))
        return p

    def _back_hair(self, c: skia.Canvas, pose: Pose) -> None:
        if self.hat == "veil and wimple":  # a nun's veil falling behind the head to the shoulders
            hx, hy = self.head_center(pose)
            veil = skia.Rect(hx - self.rx - 3.5, hy - self.ry - 2.5, hx + self.rx + 3.5, hy + self.ry + 15)
            c.drawRoundRect(veil, 5, 5, self.c0)
            c.drawRoundRect(veil, 5, 5, self.outline)
        if self.hat in ("egyptian wig", "shimada"):  # behind the face: the wig to the shoulders, the shimada's wings
            hx, hy = self.head_center(pose)
            rx, ry = self.rx, self.ry
            if self.hat == "egyptian wig":
                c.drawRoundRect(skia.Rect(hx - rx - 2.5, hy - ry - 2, hx + rx + 2.5, hy + ry + 3), 3, 3, self.black)
            else:
                c.drawOval(skia.Rect(hx - rx - 3, hy - ry * 0.85, hx + rx + 3, hy + ry * 0.2), self.black)
        if self.helmeted or self.hair_hidden:
            return
        s = self.hair_style
        hx, hy = self.head_center(pose)
        rx, ry = self.rx, self.ry
        if _has(s, ("long", "waves", "mane", "straight", "braid")) and "braid" not in s:
            c.drawRoundRect(skia.Rect(hx - rx - 1.8, hy - ry * 0.6, hx + rx + 1.8, hy + ry + 9), 6, 6, self.hair)
        if _has(s, ("bob",)):
            c.drawRoundRect(skia.Rect(hx - rx - 1.5, hy - ry * 0.7, hx + rx + 1.5, hy + ry * 0.75), 5, 5, self.hair)
        if "ponytail" in s or "braid" in s:
            x = hx - pose.facing * (rx + 1)
            c.drawRoundRect(skia.Rect(x - 2.2, hy - ry * 0.5, x + 2.2, hy + ry + (12 if "braid" in s else 6)), 2, 2,
                            self.hair)
        if "curl" in s:
            for i in range(9):
                a = math.pi * (0.9 + 1.2 * i / 8)
                c.drawCircle(hx + (rx + 1) * math.cos(a), hy - 1 + (ry + 0.5) * math.sin(a) * -1, 3.4, self.hair)

    def _head(self, c: skia.Canvas, pose: Pose, hx: float, hy: float) -> None:
        d = pose.facing
        rx, ry = self.rx, self.ry
        brow_up, brow_in, eye_open, smile, jaw = EXPRESSIONS.get(pose.emotion, EXPRESSIONS["neutral"])
        head = self._head_path(hx, hy)
        # ears, then face
        c.drawOval(skia.Rect(hx - d * rx - 1.8, hy - 2, hx - d * rx + 1.8, hy + 2.8), self.skin_dark)
        c.drawPath(head, self.skin_flat)
        # shade the side away from the key light; a hard clip is cheap, and the outline drawn
        # over it hides its aliased edge
        c.save()
        c.clipPath(head, doAntiAlias=False)
        c.drawOval(skia.Rect(hx - d * rx * 2.05 - rx, hy - ry * 1.3, hx - d * rx * 0.55 + 0.0, hy + ry * 1.3),
                   self.shade)
        c.restore()
        c.drawPath(head, self.outline)
        fx = hx + d * 2.2  # features turn toward where the character looks
        ey = hy - 0.5
        if self.robot:
            c.drawRoundRect(skia.Rect(fx - 6, ey - 1.6, fx + 6, ey + 1.6), 1.5, 1.5, self.ink)
            glowc = self.iris.getColor()
            c.drawRoundRect(skia.Rect(fx - 5, ey - 0.7, fx + 5, ey + 0.7), 0.7, 0.7, fill(glowc))
        else:
            open_ = max(0.08, eye_open * (1 - pose.blink))
            for side in (-1, 1):
                ex = fx + side * 3.4
                far = side == -d
                w = 1.9 * (0.88 if far else 1.0)
                hgt = 1.55 * open_
                c.drawOval(skia.Rect(ex - w, ey - hgt, ex + w, ey + hgt), self.white)
                if open_ > 0.2:
                    c.save()
                    c.clipRect(skia.Rect(ex - w, ey - hgt, ex + w, ey + hgt))
                    ix = ex + d * 0.55
                    c.drawCircle(ix, ey, 1.15, self.iris)
                    c.drawCircle(ix, ey, 0.58, self.ink)
                    c.drawCircle(ix + 0.35, ey - 0.4, 0.28, self.white)
                    c.restore()
                else:
                    c.drawLine(ex - w, ey, ex + w, ey, stroke(self.ink.getColor(), 0.45))
                # brows: inner end toward the face centre
                by = ey - 3.2 - brow_up * 0.6
                inner = (ex - side * 1.9, by - brow_in * 0.45)
                outer = (ex + side * 1.9, by + brow_in * 0.2)
                if pose.emotion == "sly" and side == d:
                    inner, outer = (inner[0], inner[1] - 0.8), (outer[0], outer[1] - 1.1)
                c.drawLine(*inner, *outer, stroke(self.brow.getColor(), 0.95 if not self.old else 0.8))
            if pose.emotion in ("happy", "tender", "sly"):
                c.drawCircle(fx + 4.5 * d, hy + 3, 1.8, self.cheek)
        # nose
        c.drawPath(poly([(fx + d * 0.3, ey + 1.0), (fx + d * 1.6, ey + 3.6), (fx + d * 0.2, ey + 3.9)], close=False),
                   stroke(self.skin_dark.getColor(), 0.45))
        self._mouth(c, fx, hy + 5.4, pose, smile, jaw)
        if self.old:
            lines = stroke(skia.ColorSetA(self.skin_dark.getColor(), 170), 0.25)
            c.drawLine(fx - 2.5, hy - 6.3, fx + 2.5, hy - 6.3, lines)
            c.drawLine(fx + d * 2.6, ey + 3.2, fx + d * 3.6, ey + 5.8, lines)
        self._front_hair(c, pose, hx, hy)
        self._eyewear(c, pose, fx, ey)
        self._hat(c, pose, hx, hy)
        if self.headband and not self.hat:  # a flapper's beaded band low on the brow, a feather at the side
            band_y = hy - ry * 0.5
            c.drawRect(skia.Rect(hx - rx - 0.6, band_y - 0.8, hx + rx + 0.6, band_y + 0.8), self.gold)
            fx0 = hx - d * (rx - 1)
            plume = skia.Path()
            plume.moveTo(fx0, band_y)
            plume.quadTo(fx0 - d * 5, band_y - 8, fx0 - d * 1.5, band_y - 14)
            plume.quadTo(fx0 + d * 2.5, band_y - 7, fx0, band_y)
            c.drawPath(plume, self.white)
            c.drawPath(plume, self.outline)

    def _mouth(self, c: skia.Canvas, x: float, y: float, pose: Pose, smile: float, jaw: float) -> None:
        m = max(jaw, min(1.0, pose.mouth))
        w = 2.4 + 0.5 * max(0.0, smile) - 0.4 * m
        lift = smile * 1.0
        if pose.emotion == "sly":
            lift_l, lift_r = (lift * 0.2, lift * 1.6) if pose.facing > 0 else (lift * 1.6, lift * 0.2)
        else:
            lift_l = lift_r = lift
        if m < 0.08:
            p = skia.Path()
            p.moveTo(x - w, y - lift_l)
            p.quadTo(x, y + smile * 0.9, x + w, y - lift_r)
            c.drawPath(p, self.lip)
            return
        open_h = 0.6 + 3.6 * m
        p = skia.Path()
        p.moveTo(x - w, y - lift_l)
        p.quadTo(x, y - 0.4 + smile * 0.5, x + w, y - lift_r)
        p.quadTo(x, y + open_h + smile * 0.8, x - w, y - lift_l)
        p.close()
        c.drawPath(p, self.mouth_in)
        if m > 0.25:
            c.save()
            c.clipPath(p, doAntiAlias=True)
            c.drawRect(skia.Rect(x - w, y - 2, x + w, y - 0.1 + smile * 0.4), self.teeth)
            c.restore()
        c.drawPath(p, self.lip)

    def _front_hair(self, c: skia.Canvas, pose: Pose, hx: float, hy: float) -> None:
        if self.helmeted or self.hair_hidden:
            return
        s = self.hair_style
        rx, ry = self.rx, self.ry
        d = pose.facing
        if _has(s, ("bald", "shaved", "none")) and "sides" not in s:
            c.drawOval(skia.Rect(hx - rx * 0.5 - d, hy - ry * 0.95, hx + rx * 0.1 - d, hy - ry * 0.7), self.hair_hi)
            return
        # the cap of hair: the head's top, cut by a side-parted fringe that sweeps down the back of the head
        thick = 0.6 if _has(s, ("buzz", "crop", "shaved sides", "undercut")) else 1.4
        if "mohawk" in s:
            c.drawRoundRect(skia.Rect(hx - 1.8, hy - ry - 4.5, hx + 1.8, hy - ry * 0.3), 1.5, 1.5, self.hair)
            return
        low = 0.55 if thick < 1 else 0.42
        cut = poly([(hx - d * (rx + 4), hy + (0.5 if "short" in s or thick < 1 else 2.5)),
                    (hx - d * rx * 0.35, hy - ry * (low + 0.05)), (hx + d * rx * 0.5, hy - ry * low),
                    (hx + d * (rx + 4), hy - ry * (low - 0.15)), (hx + d * (rx + 4), hy - ry - 9),
                    (hx - d * (rx + 4), hy - ry - 9)])
        c.save()
        c.clipPath(cut, doAntiAlias=True)
        c.drawOval(skia.Rect(hx - rx - thick, hy - ry - thick * 1.3, hx + rx + thick, hy + ry * 0.9), self.hair)
        c.restore()
        if _has(s, ("slick", "neon")):
            c.drawArc(skia.Rect(hx - rx * 0.6, hy - ry + 0.9, hx + rx * 0.6, hy - ry * 0.3), 200, 90, False,
                      stroke(self.hair_hi.getColor(), 0.7))
        if _has(s, ("messy", "spiky", "shaggy", "wild")):
            for i in range(6):
                x = hx - rx + i * rx * 0.4
                c.drawPath(poly([(x - 1.5, hy - ry * 0.7), (x + 0.5, hy - ry - 3.5 - (i % 2) * 1.5), (x + 2, hy - ry * 0.6)]),
                           self.hair)
        if "bun" in s:
            c.drawCircle(hx - d * rx * 0.4, hy - ry - 2.4, 3.6, self.hair)
            if "buns" in s:
                c.drawCircle(hx + d * rx * 0.6, hy - ry - 1.8, 3.2, self.hair)
        if "pigtail" in s:
            for side in (-1, 1):
                c.drawOval(skia.Rect(hx + side * (rx + 0.5) - 2.2, hy - 3, hx + side * (rx + 0.5) + 2.2, hy + 8), self.hair)
        if _has(s, ("bob", "bowl", "waves", "long", "fringe")):
            c.drawRoundRect(skia.Rect(hx - rx - 0.4, hy - ry - 0.8, hx + rx + 0.4, hy - ry * 0.45), 3, 3, self.hair)

    def _eyewear(self, c: skia.Canvas, pose: Pose, fx: float, ey: float) -> None:
        if not self.eyewear or self.robot:
            return
        a = self.eyewear
        frame = stroke(self.ink.getColor(), 0.45)
        if "patch" in a:
            c.drawOval(skia.Rect(fx - pose.facing * 3.4 - 2.2, ey - 2, fx - pose.facing * 3.4 + 2.2, ey + 2), self.ink)
            c.drawLine(fx - 8, ey - 5, fx + 8, ey - 1, frame)
            return
        if "monocle" in a:
            c.drawCircle(fx + pose.facing * 3.4, ey, 2.4, frame)
            return
        dark = _has(a, ("sun", "dark", "mirror", "visor", "goggles"))
        for side in (-1, 1):
            r = skia.Rect(fx + side * 3.4 - 2.5, ey - 2.0, fx + side * 3.4 + 2.5, ey + 2.0)
            if dark:
                c.drawRoundRect(r, 1.2, 1.2, fill(skia.ColorSetA(self.ink.getColor(), 220)))
                c.drawLine(r.left() + 0.8, r.top() + 0.8, r.left() + 2.0, r.top() + 0.6, stroke(self.white.getColor(), 0.35))
            c.drawRoundRect(r, 1.2, 1.2, frame)
        c.drawLine(fx - 0.9, ey - 0.6, fx + 0.9, ey - 0.6, frame)
        if "goggles" in a:
            c.drawLine(fx - self.rx - 1, ey - 0.5, fx + self.rx, ey - 0.5, stroke(self.ink.getColor(), 1.1))

    def _hat(self, c: skia.Canvas, pose: Pose, hx: float, hy: float) -> None:
        if not self.hat:
            return
        a = self.hat
        rx, ry = self.rx, self.ry
        top = hy - ry
        p = self.hat_paint
        if a == "veil and wimple":  # the white wimple framing the face, the black veil over the crown
            band = skia.Path()
            band.addRoundRect(skia.Rect(hx - rx - 2.2, hy - ry * 0.74, hx + rx + 2.2, hy + ry + 3.5), 5, 5)
            band.addOval(skia.Rect(hx - rx * 0.8, hy - ry * 0.62, hx + rx * 0.8, hy + ry * 0.84))
            band.setFillType(skia.PathFillType.kEvenOdd)
            c.drawPath(band, self.white)
            c.drawPath(band, self.outline)
            cap = skia.Rect(hx - rx - 3, top - 2.5, hx + rx + 3, hy - ry * 0.6)
            c.drawRoundRect(cap, 5, 5, self.c0)
            c.drawRoundRect(cap, 5, 5, self.outline)
            return
        if a == "cowl":  # a monk's tonsure: the crown shaved in a ring of hair (the cowl hangs behind)
            c.drawOval(skia.Rect(hx - rx * 0.55, top - 0.6, hx + rx * 0.55, top + 3.4), self.skin)
            return
        if a == "topknot":  # hair drawn back tight from a shaved crown, tied in a topknot folded forward
            d = pose.facing
            c.save()
            c.clipPath(self._head_path(hx, hy), doAntiAlias=True)
            c.drawRect(skia.Rect(hx - rx - 1, hy - ry - 1, hx + rx + 1, hy - ry * 0.55), self.hair)
            back = sorted((hx - d * (rx + 1), hx - d * rx * 0.55))
            c.drawRoundRect(skia.Rect(back[0], hy - ry - 1, back[1], hy), 2.5, 2.5, self.hair)
            c.restore()
            c.drawOval(skia.Rect(hx - rx * 0.6, top - 1, hx + rx * 0.6, top + 2.2), self.skin_dark)  # the shaved pate
            c.drawRoundRect(skia.Rect(hx - d * 2.5 - 1.6, top - 3.6, hx - d * 2.5 + 1.6, top + 0.4), 1, 1, self.hair)
            knot = poly([(hx - d * 2.5, top - 3.6), (hx + d * 3.5, top - 2.4), (hx + d * 3.5, top - 1.0),
                         (hx - d * 2.5, top - 1.6)])
            c.drawPath(knot, self.hair)
            c.drawPath(knot, self.outline)
            c.drawLine(hx - d * 1.6, top - 3.6, hx - d * 1.6, top - 1.0, stroke(self.white.getColor(), 0.5))
            return
        if a == "ninja hood":  # a black hood and mask over all the head but a slit for the eyes
            ey = hy - 0.5
            hood = self._head_path(hx, hy)
            hood.addRect(skia.Rect(hx - rx - 0.5, ey - 2.6, hx + rx + 0.5, ey + 2.2))
            hood.setFillType(skia.PathFillType.kEvenOdd)
            c.save()
            c.clipRect(skia.Rect(hx - rx - 2, hy - ry - 2, hx + rx + 2, hy + ry + 2))
            cloth = fill(self.c0.getColor())
            c.drawPath(hood, cloth)
            c.restore()
            c.drawPath(self._head_path(hx, hy), self.outline)
            fold = hy + 5.4 + min(1.0, pose.mouth) * 1.6  # the mask moves as the jaw does
            c.drawLine(hx - 3, fold, hx + 3, fold, stroke(self.c0_dark.getColor(), 0.6))
            c.drawPath(poly([(hx - pose.facing * rx, hy), (hx - pose.facing * (rx + 4), hy + 6),
                             (hx - pose.facing * (rx + 1), hy + 3)]), cloth)  # the knot's tails
            return
        if a == "nemes":  # the pharaoh's striped headcloth, its lappets down beside the face, the cobra
            blue = fill(self.g.c((0.14, 0.28, 0.6), lit=0.55, pull=0))
            for side in (-1, 1):
                lap = skia.Rect(hx + side * (rx + 0.2) - 2.4, hy - ry * 0.5, hx + side * (rx + 0.2) + 2.4, hy + ry + 7)
                c.drawRect(lap, self.gold)
                for y in range(int(lap.top()) + 1, int(lap.bottom()), 2):
                    c.drawRect(skia.Rect(lap.left(), y, lap.right(), y + 0.9), blue)
                c.drawRect(lap, self.outline)
            cap = poly([(hx - rx - 2.6, hy - ry * 0.35), (hx - rx * 0.7, top - 2.5), (hx + rx * 0.7, top - 2.5),
                        (hx + rx + 2.6, hy - ry * 0.35)])
            c.drawPath(cap, self.gold)
            c.save()
            c.clipPath(cap, doAntiAlias=True)
            for y in range(int(top - 2), int(hy - ry * 0.35), 2):
                c.drawRect(skia.Rect(hx - rx - 3, y, hx + rx + 3, y + 0.9), blue)
            c.restore()
            c.drawPath(cap, self.outline)
            c.drawRect(skia.Rect(hx - rx - 0.5, hy - ry * 0.5, hx + rx + 0.5, hy - ry * 0.35), self.gold)
            c.drawRoundRect(skia.Rect(hx - 0.8, top - 3.5, hx + 0.8, top + 1.5), 0.8, 0.8, self.gold)  # the uraeus
            return
        if a == "shimada":  # a geisha's hair: swept up, wings at the sides, a looped knot, combs and pins
            d = pose.facing
            hair = self.black
            c.drawOval(skia.Rect(hx - rx - 0.5, top - 4.5, hx + rx + 0.5, hy - ry * 0.35), hair)  # the maegami
            c.drawOval(skia.Rect(hx - d * 1 - 4.5, top - 10, hx - d * 1 + 4.5, top - 3.5), hair)  # the mage's loop
            c.drawLine(hx - d * 1 - 4.5, top - 6.5, hx - d * 1 + 4.5, top - 6.5, stroke(self.c0.getColor(), 0.9))
            c.drawRoundRect(skia.Rect(hx - 4, top - 3.4, hx + 4, top - 2.0), 0.6, 0.6, self.gold)  # the comb
            for k in (-1, 1):  # the kanzashi: pins with flowers hanging
                px = hx + k * (rx - 1)
                c.drawLine(px, top - 4, px + k * 3, top - 8, stroke(self.gold.getColor(), 0.5))
                c.drawCircle(px + k * 3, top - 8.4, 1.4, fill(self.g.c((0.85, 0.2, 0.3), lit=0.55, pull=0)))
            c.save()
            c.clipPath(self._head_path(hx, hy), doAntiAlias=True)  # the hairline over the white face
            c.drawRect(skia.Rect(hx - rx - 1, hy - ry - 1, hx + rx + 1, hy - ry * 0.62), hair)
            c.restore()
            return
        if a == "egyptian wig":  # the elite's heavy black wig to the shoulders, a gold band round it
            wig = self.black
            c.drawRoundRect(skia.Rect(hx - rx - 2.5, top - 2, hx + rx + 2.5, hy - ry * 0.55), 3, 3, wig)
            c.drawRect(skia.Rect(hx - rx - 2.5, hy - ry * 0.72, hx + rx + 2.5, hy - ry * 0.56), self.gold)
            return
        if a == "gat":  # Joseon's black horsehair hat: a tall crown, a wide sheer brim, a chin strap
            sheer = fill(skia.ColorSetA(self.ink.getColor(), 200))
            c.drawRect(skia.Rect(hx - rx * 0.55, top - 8, hx + rx * 0.55, top + 1), sheer)
            c.drawOval(skia.Rect(hx - rx - 7, top - 0.5, hx + rx + 7, top + 2.5), fill(skia.ColorSetA(self.ink.getColor(), 150)))
            c.drawOval(skia.Rect(hx - rx - 7, top - 0.5, hx + rx + 7, top + 2.5), self.outline)
            c.drawLine(hx - rx + 0.5, top + 2, hx - rx * 0.4, hy + ry, stroke(self.ink.getColor(), 0.35))
            return
        if "laurel" in a:  # a wreath of laurel leaves round the head
            leaf = fill(self.g.c((0.3, 0.5, 0.2), lit=0.55, pull=0))
            for i in range(9):
                ang = math.pi * (1.05 + 0.9 * i / 8)
                lx, ly = hx + (rx + 0.6) * math.cos(ang), hy - ry * 0.35 + (ry * 0.75) * math.sin(ang)
                c.drawOval(skia.Rect(lx - 1.8, ly - 0.9, lx + 1.8, ly + 0.9), leaf)
            return
        if a == "toque":  # a chef's tall pleated hat
            c.drawRoundRect(skia.Rect(hx - rx * 0.8, top - 11, hx + rx * 0.8, top + 2), 3, 3, self.white)
            c.drawOval(skia.Rect(hx - rx - 1, top - 15, hx + rx + 1, top - 6), self.white)
            c.drawRoundRect(skia.Rect(hx - rx * 0.8, top - 11, hx + rx * 0.8, top + 2), 3, 3, self.outline)
            return
        if a == "bubble helmet":  # a spacesuit's glass dome over the whole head
            dome = skia.Rect(hx - rx - 4, top - 4, hx + rx + 4, hy + ry + 3)
            c.drawOval(dome, fill(skia.ColorSetA(self.white.getColor(), 50)))
            c.drawOval(dome, stroke(skia.ColorSetA(self.white.getColor(), 200), 0.9))
            c.drawArc(skia.Rect(dome.left() + 2, dome.top() + 2, dome.right() - 6, dome.bottom() - 8), 200, 50, False,
                      stroke(skia.ColorSetA(self.white.getColor(), 230), 1.2))
            return
        if self.helmeted:
            # a diver's round brass helmet over the whole head, the face seen through its front port
            d = pose.facing
            port = skia.Point(hx + d * 2.2, hy + 2.2)
            shell = skia.Path()
            shell.addCircle(hx, hy, ry + 3)
            shell.addCircle(port.x(), port.y(), ry * 0.8)
            shell.setFillType(skia.PathFillType.kEvenOdd)
            c.drawPath(shell, self.brass)
            c.drawPath(shell, self.outline)
            c.drawCircle(port.x(), port.y(), ry * 0.8, fill(skia.ColorSetA(self.white.getColor(), 40)))
            c.drawCircle(port.x(), port.y(), ry * 0.8 + 1.2, stroke(self.metal.getColor(), 1.4))
            for k in range(6):  # the port's bolts
                ang = k * math.pi / 3 + 0.5
                c.drawCircle(port.x() + (ry * 0.8 + 1.2) * math.cos(ang), port.y() + (ry * 0.8 + 1.2) * math.sin(ang),
                             0.7, self.ink)
            c.drawRoundRect(skia.Rect(hx - rx - 2, hy + ry + 1, hx + rx + 2, hy + ry + 3.8), 1.2, 1.2, self.brass)
            return
        if _has(a, ("crown", "circlet")):
            pts = [(hx - rx, top + 2)]
            for i in range(5):
                x = hx - rx + (i + 0.5) * rx * 0.4
                pts += [(x, top - 3.5), (x + rx * 0.2, top + 0.5)]
            pts += [(hx + rx, top + 2)]
            c.drawPath(poly(pts), self.metal)
        elif "helmet" in a:
            dome = skia.Rect(hx - rx - 1.5, top - 1.5, hx + rx + 1.5, hy + ry * 0.4)
            if self.ancient:  # antiquity's: bronze, cheek guards, a red crest from brow to nape
                crest = skia.Rect(hx - rx * 0.9, top - 7, hx + rx * 0.9, top + 1)
                c.drawArc(crest, 180, 180, True, self.tunic_red)
                c.drawArc(crest, 180, 180, True, self.outline)
                p = self.brass
                for side in (-1, 1):
                    guard = skia.Rect(hx + side * rx - 2.2, hy - 3, hx + side * rx + 2.2, hy + 4.5)
                    c.drawRoundRect(guard, 1.2, 1.2, p)
                    c.drawRoundRect(guard, 1.2, 1.2, self.outline)
            c.drawArc(dome, 180, 180, True, p)
            c.drawArc(dome, 180, 180, True, self.outline)
        elif _has(a, ("cap", "boater", "bonnet")) and "wide" not in a:
            dome = skia.Rect(hx - rx - 0.5, top - 2.5, hx + rx + 0.5, hy - ry * 0.15)
            c.drawArc(dome, 180, 180, True, p)
            c.drawArc(dome, 180, 180, True, self.outline)
            c.drawRoundRect(skia.Rect(hx + (pose.facing * rx * 0.2) - 4 + pose.facing * 4, hy - ry * 0.62,
                                      hx + pose.facing * rx * 0.2 + 4 + pose.facing * 4, hy - ry * 0.45), 1, 1, p)
        elif "top hat" in a or "stovepipe" in a or "topper" in a:  # tall, black, a band, a narrow brim
            silk = fill(skia.ColorSetA(self.ink.getColor(), 255))
            crown = skia.Rect(hx - rx + 1.2, top - 13, hx + rx - 1.2, top + 2.5)
            c.drawRect(crown, silk)
            c.drawRect(crown, self.outline)
            c.drawRect(skia.Rect(crown.left(), top - 1.5, crown.right(), top + 1.2), p)
            brim = skia.Rect(hx - rx - 4, top + 1, hx + rx + 4, top + 4)
            c.drawOval(brim, silk)
            c.drawOval(brim, self.outline)
        elif "pointed" in a:  # a wizard's: a tall cone, its tip bent back, over a wide brim
            d = pose.facing
            cone = poly([(hx - rx - 1, top + 2.5), (hx - rx * 0.3, top - 12), (hx - d * 3, top - 20),
                         (hx - d * 7, top - 18), (hx + rx * 0.35, top - 11), (hx + rx + 1, top + 2.5)])
            brim = skia.Rect(hx - rx - 6, top + 0.5, hx + rx + 6, top + 4.2)
            for shape in (cone, brim):
                if isinstance(shape, skia.Path):
                    c.drawPath(shape, self.c0)
                    c.drawPath(shape, self.outline)
                else:
                    c.drawOval(shape, self.c0)
                    c.drawOval(shape, self.outline)
            c.drawRect(skia.Rect(hx - rx - 0.5, top - 1, hx + rx + 0.5, top + 1.2), self.gold)  # the band
        elif "tricorn" in a:
            tri = poly([(hx - rx - 3, top + 3), (hx, top - 10), (hx + rx + 3, top + 3)])
            c.drawPath(tri, p)
            c.drawPath(tri, self.outline)
        elif self.round_hat and not _has(a, ("stetson", "cowboy", "ten-gallon", "sombrero")):  # before the fedora: a low round crown on a wide brim, no band or crease
            crown = skia.Rect(hx - rx + 1, top - 3.5, hx + rx - 1, top + 5)
            brim = skia.Rect(hx - rx - 9, top + 1.2, hx + rx + 9, top + 3.6)
            c.drawArc(crown, 180, 180, True, p)
            c.drawArc(crown, 180, 180, True, self.outline)
            c.drawOval(brim, p)
            c.drawOval(brim, self.outline)
        else:  # fedora, wide-brimmed, plain hat
            wide = 6.5 if _has(a, ("wide", "battered", "hat", "stetson")) and "fedora" not in a else 4.5
            crown = skia.Rect(hx - rx + 1.5, top - 4.2, hx + rx - 1.5, top + 2.5)
            brim = skia.Rect(hx - rx - wide, top + 1.2, hx + rx + wide, top + 4.0)
            c.drawRoundRect(crown, 3, 3, p)
            c.drawRoundRect(crown, 3, 3, self.outline)
            c.drawRect(skia.Rect(hx - rx + 1.5, top, hx + rx - 1.5, top + 2), self.band)
            c.drawOval(brim, p)
            c.drawOval(brim, self.outline)
            c.drawLine(hx - 2, top - 4.2, hx + 2, top - 3.0, stroke(self.band.getColor(), 0.6))  # the crease
