"""People are dressed for their era and their calling (issue 12, item 2): a nun's veil and wimple,
a monk's tonsure and rope girdle, women of the past in skirts (the 1920s' short drop-waisted dress,
the flapper's fringe and headband), antiquity's armour, and the things people carry in the hand."""

import numpy as np
import skia

from dreamreel.model import Look, Request
from dreamreel.model.shot import Lighting
from dreamreel.narrative.peoples import local_costume
from dreamreel.narrative.planner import plan
from dreamreel.synth.visual.looks import Grade
from dreamreel.synth.visual.procedural import era_year
from dreamreel.synth.visual.puppets import Pose, Puppet

GRADE = Grade(Lighting(key=0.7, palette=["#334455", "#ddccbb"]), "day")
BACK = 90  # a grey ground, so black cloth and white linen both show against it


def painted(look: Look, *, she: bool | None = None, year: int | None = None) -> np.ndarray:
    """A puppet standing on grey (feet at row 140, head centre near row 54, the middle at column
    50, facing right), as RGB ints."""
    surface = skia.Surface(100, 160)
    with surface as canvas:
        canvas.clear(skia.ColorSetRGB(BACK, BACK, BACK))
        canvas.translate(50, 140)
        Puppet(look, GRADE, year=year, she=she).draw(canvas, Pose())
    return surface.makeImageSnapshot().toarray(colorType=skia.kRGBA_8888_ColorType)[..., :3].astype(int)


def cloth(f: np.ndarray) -> np.ndarray:
    """Where the figure is drawn (not the grey ground)."""
    return np.abs(f - BACK).max(axis=2) > 12


def whites(f: np.ndarray) -> np.ndarray:
    return f.min(axis=2) > 200


def darks(f: np.ndarray) -> np.ndarray:
    return f.max(axis=2) < 70


def test_a_nun_wears_a_veil_and_a_white_wimple_round_her_face_not_her_hair():
    """A nun's habit was drawn as a long black dress under loose long hair: now the white wimple
    frames her face and covers her chin and throat, the black veil covers her head and falls to her
    shoulders; the same woman in an apron shows her hair and no white round her face."""
    hair = dict(hair_style="long waves", hair_color="#a33a1c")
    nun = painted(Look(clothing="nun's habit", **hair), she=True, year=1300)
    lay = painted(Look(clothing="apron", **hair), she=True, year=1300)
    # beside the cheeks and under the chin: the wimple's white (rows 56-66, outside the face's oval)
    cheeks = (slice(54, 64), np.r_[40:43, 57:60])
    assert whites(nun)[cheeks].mean() > 0.6 and whites(lay)[cheeks].mean() < 0.05
    # the veil: black over the crown and either side of the neck down to the shoulders; no hair shows
    assert darks(nun)[40:44, 45:55].mean() > 0.8
    assert darks(nun)[66:72, np.r_[38:41, 59:62]].mean() > 0.7
    red = np.array(GRADE.rgb("#a33a1c", lit=0.55, pull=0.05)) * 255
    hair_of = lambda f: (np.abs(f - red).max(axis=2) < 12)[30:80].sum()  # noqa: E731
    assert hair_of(nun) < 5 < 100 < hair_of(lay)


def test_a_monk_has_a_tonsure_a_cowl_and_a_rope_girdle_and_a_rosary_hangs_at_a_nuns_belt():
    """A monk's robe: the shaved crown shows skin where a layman's hair is, a pale rope is tied
    round the brown robe's waist and its end hangs down; a rosary's beads and cross hang from a
    nun's belt. (A friar's habit is a monk's, not a nun's veil.)"""
    look = Look(clothing="monk's robe", hair_style="short", hair_color="#2b1d14", skin="#c68e62")
    monk, lay = painted(look, year=1300), painted(look.model_copy(update={"clothing": "tunic"}), year=1300)
    skin = np.array(GRADE.rgb("#c68e62", lit=0.55, pull=0.05)) * 255
    crown = (slice(44, 47), slice(48, 53))
    near = lambda f: (np.abs(f - skin).max(axis=2) < 30)  # noqa: E731
    assert near(monk)[crown].mean() > 0.5 and near(lay)[crown].mean() < 0.2
    pale = whites(monk) | (monk.min(axis=2) > 150)
    assert pale[95:97, 43:57].mean() > 0.5 and not (lay.min(axis=2) > 150)[95:97, 43:57].any()
    assert pale[100:112, 52:56].any()  # the rope's end hanging
    assert Puppet(Look(clothing="friar's habit"), GRADE).hat == "cowl"
    nun, bare = (painted(Look(clothing="nun's habit", accessories=a), she=True, year=1300) for a in (["rosary"], []))
    assert (np.abs(nun - bare).sum(axis=2) > 60)[95:112, 38:50].sum() > 8


def test_women_of_the_past_wear_skirts_cut_to_their_decade():
    """Women in a past era were drawn in today's trousers (a striped shirt in the 1920s, a
    tailored coat in 1300): a woman in everyday clothes wears a skirt to the floor before 1915, a
    dress to the knee in the 1920s (its legs showing below it), to mid-calf in the 1950s; men and
    women today keep their trousers, and clothes that name trousers keep them in any year."""
    shirt = Look(clothing="striped shirt")

    def between_legs(f: np.ndarray, rows: slice) -> float:  # the gap between the legs: cloth there or not
        return float(cloth(f)[rows, 50].mean())

    thigh, calf, shin, ankle = slice(106, 112), slice(118, 124), slice(124, 128), slice(131, 135)
    medieval, twenties = painted(shirt, she=True, year=1300), painted(shirt, she=True, year=1925)
    fifties, today = painted(shirt, she=True, year=1955), painted(shirt, she=True)
    assert between_legs(medieval, ankle) == 1.0 and between_legs(medieval, shin) == 1.0
    assert between_legs(twenties, thigh) == 1.0 and between_legs(twenties, shin) == 0.0
    assert between_legs(fifties, calf) == 1.0 and between_legs(fifties, ankle) == 0.0
    assert between_legs(today, thigh) == 0.0
    assert between_legs(painted(shirt, she=False, year=1925), thigh) == 0.0
    assert between_legs(painted(Look(clothing="riding breeches"), she=True, year=1850), thigh) == 0.0
    # a man of 1300 wears a tunic to mid-thigh over hose (it covers where a shirt's trousers part)
    man = painted(Look(clothing="leather jerkin"), she=False, year=1300)
    assert between_legs(man, slice(104, 110)) == 1.0 and between_legs(man, shin) == 0.0


def test_a_flapper_wears_a_fringed_drop_waisted_dress_and_a_feathered_headband():
    """The flapper (and any woman's evening dress in the 1920s): a short dress with the sash at
    the hips, gold-edged rows of fringe, a beaded band across the brow with a white feather; a
    1920s day dress has the drop waist but no fringe or feather."""
    blue = dict(hair_style="bob", clothing_colors=["#2a3a6a", "#1a1a2a"])
    flapper = painted(Look(clothing="flapper dress", **blue), she=True)
    day = painted(Look(clothing="floral tea dress", **blue), she=True, year=1925)
    gold = lambda f: (f[..., 0] > 120) & (f[..., 0] > f[..., 2] + 60) & (f[..., 1] > f[..., 2] + 25)  # noqa: E731
    skirt = (slice(103, 116), slice(40, 60))  # from the hips to the hem, between the hands
    assert gold(flapper)[skirt].sum() > 20 and gold(day)[skirt].sum() < 3  # the fringe's rows
    brow = (slice(46, 50), slice(42, 58))
    assert gold(flapper)[brow].sum() > gold(day)[brow].sum() + 8  # the headband
    assert whites(flapper)[30:46, 40:62].sum() > 6 and whites(day)[30:46, 40:62].sum() == 0  # the feather
    gown = painted(Look(clothing="pearl-grey gown", **blue), she=True, year=1925)
    assert gold(gown)[skirt].sum() > 20


def test_antiquitys_armour_is_banded_steel_over_a_red_tunic_with_bare_legs_and_a_crested_helmet():
    """A gladiator's or legionary's armour was drawn as a knight's, steel to the feet: in antiquity
    it is bands of steel round the chest, a red tunic hem and leather strips to the knee, bare legs
    in sandals, a crested helmet; a knight of 1300 keeps his steel legs."""
    look = Look(clothing="arena armour", accessories=["helmet"], skin="#c68e62")
    roman, knight = painted(look, year=100), painted(look, year=1300)
    skin = np.array(GRADE.rgb("#c68e62", lit=0.55, pull=0.05)) * 255
    near_skin = lambda f: (np.abs(f - skin).max(axis=2) < 30)  # noqa: E731
    shins = (slice(120, 134), np.r_[44:48, 53:57])
    assert near_skin(roman)[shins].mean() > 0.8 and near_skin(knight)[shins].mean() < 0.1
    red = lambda f: (f[..., 0] > 120) & (f[..., 0] > 2 * f[..., 1])  # noqa: E731
    assert red(roman)[96:112].sum() > 40 and red(knight)[96:112].sum() == 0
    assert red(roman)[26:40].sum() > 8  # the crest


def test_what_a_character_carries_is_in_their_hand():
    """Accessories were named and not drawn: a prayer book, a ledger or a suitcase is carried in the
    far hand (where it was made yet), a spear stands upright in it, taller than its bearer; worn
    things (a ring) are not carried."""
    plain = painted(Look(clothing="tunic"), year=1300)
    book = painted(Look(clothing="tunic", accessories=["prayer book"]), year=1300)
    hand = (slice(95, 125), slice(25, 50))
    assert (np.abs(book - plain).sum(axis=2) > 60)[hand].sum() > 20
    # what was not yet made is not carried: a backpack is drawn as a case, in 1950 not in ancient Athens
    athens = painted(Look(clothing="chiton"), year=-400)
    assert (painted(Look(clothing="chiton", accessories=["backpack"]), year=-400) == athens).all()
    fifties = painted(Look(clothing="tunic"), year=1950)
    assert (np.abs(painted(Look(clothing="tunic", accessories=["small suitcase"]), year=1950) - fifties).sum(axis=2)
            > 60)[hand].sum() > 20
    ring = painted(Look(clothing="tunic", accessories=["signet ring"]), year=1300)
    assert (np.abs(ring - plain).sum(axis=2) > 60).sum() == 0
    spear = painted(Look(clothing="tunic", accessories=["spear"]), year=1300)
    assert cloth(spear)[28:40, 25:45].any() and not cloth(plain)[28:40, 25:45].any()


def test_the_plan_dresses_the_past_and_the_picture_draws_it():
    """From the request to the picture: in a medieval abbey the nun wears her habit, drawn with
    the veil, and the women there wear skirts to the floor; in the 1920s the women wear the short
    drop-waisted dress; in ancient Rome nobody is left in clothes the era never knew (cream
    flannels, a striped shirt become a tunic), though a gladiator keeps his armour."""
    bible = plan(Request(prompt="a medieval nun healing the sick in a plague-stricken abbey"), seed=0).bible
    year = era_year(bible)
    assert year is not None and year < 1500
    puppets = [(c, Puppet(c.look, GRADE, year=year, she=c.pronouns == "she")) for c in bible.cast
               if c.look.species == "human"]
    assert any(p.hat == "veil and wimple" for _, p in puppets)
    assert all(p.skirt and (p.hem == -2.0 or p.hem is None) for c, p in puppets if c.pronouns == "she")
    bible = plan(Request(prompt="a 1920s flapper dancing in a New York speakeasy"), seed=0).bible
    year = era_year(bible)
    women = [Puppet(c.look, GRADE, year=year, she=True) for c in bible.cast if c.pronouns == "she"]
    assert women and all(p.drop_waist for p in women)
    for worn in ("cream flannels", "striped shirt"):
        assert local_costume(Look(clothing=worn), "IT", "ancient Rome", None).clothing == "tunic"
    assert local_costume(Look(clothing="arena armour"), "IT", "ancient Rome", None).clothing == "arena armour"
    gone = local_costume(Look(clothing="tunic", accessories=["flashlight", "sextant", "laurel crown"]), "IT",
                         "ancient Rome", None)
    assert gone.accessories == ["laurel crown"]
