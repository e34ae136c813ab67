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
