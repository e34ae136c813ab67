"""People of a country's past wear its own dress (issue 12)."""

import numpy as np
import skia

from dreamreel.model import Look, Request
from dreamreel.model.shot import Lighting
from dreamreel.narrative.peoples import local_costume
from dreamreel.narrative.planner import plan
from dreamreel.synth.visual.looks import Grade
from dreamreel.synth.visual.puppets import Pose, Puppet


def drawn(look: Look) -> np.ndarray:
    """Where a puppet in ``look`` covers a blank canvas, standing (a mask, feet at row 140)."""
    pixels = np.zeros((160, 100, 4), np.uint8)
    canvas = skia.Surface(pixels).getCanvas()
    canvas.translate(50, 140)
    Puppet(look, Grade(Lighting(key=0.7, palette=["#334455", "#ddccbb"]), "day")).draw(canvas, Pose())
    del canvas
    return pixels[..., 3] > 0


def test_imperial_china_wears_hanfu_and_joseon_korea_hanbok():
    """In Ming China the cast wore blazers, suits and coats: a Western costume becomes a hanfu robe
    (a silk one for the rich), drawn wrapped to the ankle, so no gap shows between the legs; Joseon
    Korea's a hanbok; today's Shanghai keeps its suits."""
    bible = plan(Request(prompt="a love story in Ming dynasty China"), seed=0).bible
    robes = [c for c in bible.cast if "hanfu" in c.look.clothing]
    assert len(robes) >= len(bible.cast) - 1 and robes
    suit = Look(clothing="three-piece suit")
    assert local_costume(suit, "CN", "imperial China", None).clothing == "hanfu robe"
    assert local_costume(Look(clothing="velvet gown"), "CN", "the Ming dynasty", None).clothing == "silk hanfu robe"
    assert local_costume(suit, "KR", "Joseon", None).clothing == "hanbok"
    assert local_costume(suit, "CN", "the present day", None).clothing == "three-piece suit"
    assert local_costume(suit, "JP", "feudal Japan", None).clothing == "kimono"  # as before
    # the viewer sees a robe: between the ankles (a little above the feet) the robe is drawn; a suit's legs part
    robe, legs = drawn(Look(clothing="hanfu robe")), drawn(suit)
    ankles = slice(128, 136)
    assert robe[ankles, 48:53].all() and not legs[ankles, 48:53].all()


GRADE = Grade(Lighting(key=0.7, palette=["#334455", "#ddccbb"]), "day")


def painted(look: Look, *, she: bool | None = None, year: int | None = None) -> np.ndarray:
    """A puppet in ``look`` standing on a black canvas (feet at row 140, head centre near row 54), RGB."""
    pixels = np.zeros((160, 100, 4), np.uint8)
    canvas = skia.Surface(pixels).getCanvas()
    canvas.translate(50, 140)
    Puppet(look, GRADE, year=year, she=she).draw(canvas, Pose())
    del canvas
    return pixels[..., :3].astype(int)


def covered(f: np.ndarray) -> np.ndarray:
    return f.max(axis=2) > 0


def test_ancient_rome_egypt_and_old_india_wear_their_own_dress():
    """In ancient Rome the cast wore tailored suits, cardigans and a deerstalker with a campaign
    badge: a Western costume there becomes a tunic (a toga for a suit or robes, a purple-bordered
    one for an emperor's, a stola and palla for a gown), in ancient Egypt white linen (fine linen
    and a broad collar for the court, a headdress for royalty), in India before independence a kurta
    (a silk sherwani for a rich man's coat) or a sari for a gown; nothing modern is carried in
    antiquity; today's Rome and Mumbai keep their clothes."""
    suit, gown = Look(clothing="tailored suit and rosette", accessories=["campaign badge", "laurel crown"]), \
        Look(clothing="pearl-grey gown", accessories=["lorgnette"])
    rome = local_costume(suit, "IT", "ancient Rome", None)
    assert rome.clothing == "toga" and rome.accessories == ["laurel crown"]
    assert local_costume(Look(clothing="imperial robes"), "IT", "ancient Rome", None).clothing == "purple-bordered toga"
    assert local_costume(Look(clothing="cardigan"), "IT", "the age of Caesar", None).clothing == "tunic"
    assert local_costume(gown, "IT", "ancient Rome", None).model_dump(include={"clothing", "accessories"}) == \
        {"clothing": "stola and palla", "accessories": []}
    assert local_costume(Look(clothing="police uniform"), "EG", "ancient Egypt", None).clothing == "white linen"
    assert local_costume(Look(clothing="royal robes"), "EG", "ancient Egypt", None).clothing == \
        "fine white linen, broad collar and headdress"
    assert local_costume(gown, "IN", "Mughal India", None).clothing == "sari"
    assert local_costume(Look(clothing="velvet frock coat"), "IN", "the 1720s", None).clothing == "silk sherwani"
    assert local_costume(Look(clothing="leather jerkin"), "IN", "the 1850s", None).clothing == "kurta"
    for country, era in (("IT", "the present day"), ("IN", "the present day"), ("EG", "the 1920s")):
        assert local_costume(suit, country, era, None).clothing == suit.clothing
    bible = plan(Request(prompt="a senator in ancient Rome plots against Caesar in the forum"), seed=0).bible
    roman = [c for c in bible.cast if c.look.species == "human"]
    assert sum(any(w in c.look.clothing for w in ("toga", "tunic", "stola")) for c in roman) >= len(roman) - 1


def test_a_toga_a_tunic_and_egyptian_linen_are_drawn_as_themselves():
    """The viewer sees antiquity: a toga is white wool to the ankle whatever the palette, its cloth
    over the shoulder; a man's tunic stops at the knee over bare legs and sandals; a Roman woman's
    stola reaches the ankle; an Egyptian man is bare-chested over a white kilt, an Egyptian woman in
    a sheath dress, the court in a black wig with a gold band."""
    palette = ["#8a2a2a", "#2a4a8a"]
    toga = painted(Look(clothing="toga", clothing_colors=palette), she=False, year=100)
    chest, ankles, shins = slice(72, 90), slice(130, 136), slice(118, 128)
    assert (toga[chest, 40:60].min(axis=2) > 180).mean() > 0.5  # white wool over the chest
    assert covered(toga)[ankles, 48:53].all()  # to the ankle
    tunic = painted(Look(clothing="tunic", clothing_colors=palette, skin="#c68e62"), she=False, year=100)
    skin = np.array([0xc6, 0x8e, 0x62])
    assert (np.abs(tunic[shins, 38:62] - skin).sum(axis=2) < 90).sum() > 20  # bare shins below the hem
    stola = painted(Look(clothing="tunic", clothing_colors=palette), she=True, year=100)
    assert covered(stola)[ankles, 48:53].all() and not covered(tunic)[ankles, 48:53].all()
    kilt = painted(Look(clothing="white linen", clothing_colors=palette, skin="#8d5a3b"), she=False, year=-1300)
    bare = np.abs(kilt[chest, 42:58] - np.array([0x8d, 0x5a, 0x3b])).sum(axis=2) < 90
    assert bare.mean() > 0.5, bare.mean()  # the chest is skin, not cloth
    sheath = painted(Look(clothing="white linen", clothing_colors=palette, skin="#8d5a3b"), she=True, year=-1300)
    assert covered(sheath)[ankles, 48:53].all() and (sheath[100:125, 44:56].min(axis=2) > 180).mean() > 0.8
    court = painted(Look(clothing="fine white linen, broad collar and headdress", clothing_colors=palette,
                         hair_style="short", hair_color="#d8b56a"), she=False, year=-1300)
    hair_rows = court[40:50, 38:62]
    assert (hair_rows.max(axis=2) < 40).sum() > 40  # the black wig, not his fair hair


def test_a_hanbok_is_a_jacket_over_a_full_skirt_or_baggy_trousers():
    """A hanbok was drawn as a robe wrapped to the ankle: a woman's is a short jeogori over a full
    chima from under the arms to the floor, wider at the hem than the shoulders; a man's a jeogori
    to the hip over baggy baji parted between the legs, his black gat on his head."""
    look = Look(clothing="silk hanbok", clothing_colors=["#b8283a", "#e8c84a"])
    her, him = painted(look, she=True, year=1700), painted(look, she=False, year=1700)
    hem, shoulders, ankles = slice(132, 136), slice(68, 72), slice(130, 136)
    width = lambda f, rows: covered(f)[rows].any(axis=0).sum()  # noqa: E731
    assert width(her, hem) > width(her, shoulders) > width(him, hem)
    assert covered(her)[ankles, 48:53].all() and not covered(him)[132:136, 49:51].all()
    # her jeogori is pale, her chima the deep red; his baji pale under his jacket
    chima = her[110:125, 44:56].reshape(-1, 3).mean(axis=0)
    assert chima[0] > chima[1] + 60
    assert (covered(him)[28:40].sum() > covered(her)[28:40].sum() + 30)  # the gat's brim and crown over his head


def test_a_geisha_and_a_sari():
    """A geisha is in a silk kimono under a wide gold obi (tied in a drum bow at her back), her face
    white, her hair a black shimada with combs and pins; a sari's pallu crosses the chest over its
    blouse and falls behind the shoulder, its skirt edged in gold; a kurta reaches the knee over
    pale trousers."""
    geisha = painted(Look(clothing="geisha's silk kimono and obi", skin="#8d5a3b"), she=True)
    face = geisha[52:58, 46:54]
    assert (face.min(axis=2) > 190).mean() > 0.6  # the white face whatever her skin
    assert (geisha[28:44, 40:60].max(axis=2) < 40).sum() > 60  # the shimada's black hair piled high
    obi = geisha[86:98, 44:56].reshape(-1, 3).mean(axis=0)
    assert obi[0] > 150 and obi[1] > 110 and obi[2] < 110, obi  # gold
    sari = painted(Look(clothing="silk sari", clothing_colors=["#c8283a", "#e8b82a"]), she=True)
    torso = sari[70:95, 38:62]
    red = (torso[..., 0] > torso[..., 1] + 80).mean()
    yellow = ((torso[..., 0] > 150) & (torso[..., 1] > 110) & (torso[..., 2] < 80)).mean()
    assert red > 0.2 and yellow > 0.08, (red, yellow)  # the pallu over the blouse
    plain = painted(Look(clothing="dress", clothing_colors=["#c8283a", "#e8b82a"]), she=True)
    assert np.abs(sari - plain).mean() > 5
    kurta = painted(Look(clothing="kurta", clothing_colors=["#d8a040", "#f0f0e8"]), she=False)
    knee, shin = kurta[102:110, 42:58], kurta[124:134, 40:60]
    assert (knee[..., 2] < knee[..., 0] - 60).mean() > 0.4  # the ochre kurta to the knee
    assert (shin.min(axis=2) > 180).sum() > 20  # pale trousers below
