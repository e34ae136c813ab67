"""The cast looks like the people of the country the story is set in (issue 12)."""

import statistics

import numpy as np
import pytest

from dreamreel.model import Look, Performer, Request
from dreamreel.narrative.planner import plan

from test_visual import H, W, make_shot, render

PLACES = {"Nairobi": "a detective story in Nairobi", "Tokyo": "a romance in Tokyo", "Oslo": "a mystery in Oslo"}
SEEDS = range(6)


def lightness(hex_colour: str) -> float:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.299 * r + 0.587 * g + 0.114 * b


@pytest.fixture(scope="module")
def films():
    return {city: [plan(Request(prompt=text), seed=s).bible for s in SEEDS] for city, text in PLACES.items()}


def people(bibles):
    return [c for b in bibles for c in b.cast if c.look.species == "human"]


def test_the_cast_is_drawn_from_the_people_of_the_country(films):
    skins = {city: [lightness(c.look.skin) for c in people(bibles)] for city, bibles in films.items()}
    # a film set in Nairobi is peopled mostly with dark-skinned people; Tokyo's and Oslo's lighter
    assert statistics.median(skins["Nairobi"]) < statistics.median(skins["Tokyo"]) - 40
    assert statistics.median(skins["Nairobi"]) < statistics.median(skins["Oslo"]) - 40
    assert sum(s < 130 for s in skins["Nairobi"]) >= 0.7 * len(skins["Nairobi"])
    # ... and every place is mixed: a range of tones, never one
    for city, tones in skins.items():
        assert len(set(tones)) >= 3, city
    # Tokyo's people have black or dark brown hair (grey and white are age's)
    hair = [c.look.hair_color for c in people(films["Tokyo"]) if c.look.hair_color not in ("#9a9a9a", "#e8e4dc")]
    assert sum(h in ("#111111", "#2b1d14") for h in hair) >= 0.8 * len(hair)


def test_the_lead_is_seen_with_the_skin_of_the_place(films):
    def face(bible) -> float:
        lead = bible.cast[0]
        frame = render(make_shot(bible, size="close_up", on=[lead.id], focus=lead.id, tod="day", frames=1), bible)[0]
        patch = frame[int(H * 0.5):int(H * 0.7), int(W * 0.42):int(W * 0.58), :3].astype(float)
        return float(np.median(patch @ [0.299, 0.587, 0.114]))

    nairobi = [face(b) for b in films["Nairobi"][:4]]
    oslo = [face(b) for b in films["Oslo"][:4]]
    assert statistics.mean(nairobi) < statistics.mean(oslo) - 40


def test_a_look_that_was_given_is_kept():
    pale = Performer(name="Grace Hopper", pronouns="she", look=Look(skin="#f1d3bf", hair_color="#d8b56a"))
    bible = plan(Request(prompt="a detective story in Nairobi"), seed=0, cast={"protagonist": pale}).bible
    lead = next(c for c in bible.cast if c.name == "Grace Hopper")
    assert (lead.look.skin, lead.look.hair_color) == ("#f1d3bf", "#d8b56a")


def test_a_world_in_no_country_keeps_every_tone():
    bibles = [plan(Request(prompt="a wizard in a tower"), seed=s).bible for s in range(4)]
    assert len({c.look.skin for c in people(bibles)}) >= 5


def street_at_night(bible, country: str | None, era: str = "the present day"):
    """A night street establishing shot of ``bible``'s world set in ``country``, and its signs' words."""
    from dreamreel.synth.visual.settings import Kit, signs_of
    from dreamreel.synth.visual.procedural import region_of

    from test_picture import in_a_city

    bible = in_a_city(bible)
    bible = bible.model_copy(update={"world": bible.world.model_copy(update={"country": country, "era": era}),
                                     "genres": ["mystery"]})
    frame = render(make_shot(bible, kind="establishing", size="wide", on=[], place_kind="city_street", tod="night",
                             frames=1), bible)[0]
    kit = Kit(*(None,) * 4, w=100, g=None, rng=None, tod="night", weather="clear",  # type: ignore[arg-type]
              genres=frozenset(bible.genres), region=region_of(bible), country=country)
    return frame, signs_of(kit)


def test_street_signs_are_the_countrys_own(films):
    bible = films["Oslo"][0]
    american, us_words = street_at_night(bible, "US")
    kenyan, ke_words = street_at_night(bible, "KE")
    japanese, jp_words = street_at_night(bible, "JP")
    assert {"DINER", "JAZZ"} <= set(us_words)
    # no American diner neon in Nairobi: its own street's words; in Tokyo, signs without (Latin) letters
    assert not {"DINER", "JAZZ", "LOANS"} & set(ke_words) and "BUTCHERY" in ke_words
    assert jp_words == ()
    assert street_at_night(bible, "FR")[1][0] == "HÔTEL"
    # what the viewer sees differs with the words: the same street, other signs
    assert not np.array_equal(american, kenyan) and not np.array_equal(american, japanese)
    # the signs are still there in Tokyo (lit neon panels over the street), and none before neon
    assert neon(japanese) > 10 and neon(street_at_night(bible, "JP", "the 1900s")[0]) == 0


def neon(frame) -> int:
    """Pixels lit in a neon colour (bright, saturated, not the warm yellow of lamps and windows)."""
    x = frame[..., :3].astype(float) / 255
    top, low = x.max(axis=2), x.min(axis=2)
    saturated = (top - low) / np.maximum(top, 1e-6) > 0.5
    r, g, b = x[..., 0], x[..., 1], x[..., 2]
    return int((saturated & (top > 0.6) & ~((r >= g) & (g >= b))).sum())


def drawn_height(look: Look) -> int:
    """How many rows of a blank canvas a puppet in ``look`` covers, standing (its hat included)."""
    import skia

    from dreamreel.model.shot import Lighting
    from dreamreel.synth.visual.looks import Grade
    from dreamreel.synth.visual.puppets import Pose, Puppet

    pixels = np.zeros((160, 100, 4), np.uint8)
    canvas = skia.Surface(pixels).getCanvas()
    canvas.translate(50, 140)
    Puppet(look, Grade(Lighting(key=0.7, palette=["#334455", "#ddccbb"]), "day")).draw(canvas, Pose())
    del canvas
    return int((pixels[..., 3] > 0).any(axis=1).sum())


def test_a_samurai_has_dark_hair_in_a_story_that_names_no_country():
    dark = {"#111111", "#2b1d14", "#4a3020", "#9a9a9a", "#e8e4dc"}  # (grey and white: age's)
    samurai = [c for s in range(4) for c in plan(Request(prompt="a samurai story"), seed=s).bible.cast
               if "hakama" in c.look.clothing]
    assert samurai and all(c.look.hair_color in dark for c in samurai)


def test_a_bandit_in_feudal_japan_wears_a_kimono_not_the_outlaws_long_coat():
    from dreamreel.model.shot import Lighting
    from dreamreel.synth.visual.looks import Grade
    from dreamreel.synth.visual.puppets import Puppet

    bible = plan(Request(prompt="a bandit in feudal Japan"), seed=0).bible
    bandit = bible.cast[0]
    assert bandit.job == "bandit" or "bandit" in bandit.archetype
    assert "kimono" in bandit.look.clothing and "bandana" not in " ".join(bandit.look.accessories)
    drawn = Puppet(bandit.look, Grade(Lighting(key=0.7, palette=["#334455", "#ddccbb"]), "day"))
    assert drawn.kimono and not drawn.long_coat
    # ... nor do the rest of feudal Japan wear blazers and frock coats; an outlaw in Texas keeps his coat
    assert all("coat" not in c.look.clothing and "blazer" not in c.look.clothing for c in bible.cast)
    texan = plan(Request(prompt="a bandit in 1870s Texas"), seed=0).bible.cast[0]
    assert texan.look.clothing == "long coat and bandana"


def test_a_wizard_wears_a_tall_pointed_hat():
    bible = plan(Request(prompt="a wizard in a tower"), seed=0).bible
    wizard = next(c for c in bible.cast if c.look.clothing == "starry robes")
    hatless = wizard.look.model_copy(update={"clothing": "robes"})
    assert drawn_height(wizard.look) >= drawn_height(hatless) + 15
