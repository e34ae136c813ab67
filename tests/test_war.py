"""War films: a request for one is told as one (the war kit's people, places, look and music), in
the war and the country asked for, at the rating asked; a war nobody asked for is never told, and
the other wars of everyday speech (a price war, Star Wars, a war of words) stay what they are."""

import re

import pytest
from test_planner import all_text  # every word of a story, its variants' and choices' too

from dreamreel.model import ContentFlag, Request
from dreamreel.model.content import RATING_CEILINGS
from dreamreel.narrative.genres import GENRE_ORDER, get_kit
from dreamreel.narrative.interpret import find_genres
from dreamreel.narrative.names import names_for
from dreamreel.narrative.planner import plan
from dreamreel.narrative.rating import scan
from dreamreel.narrative.validate import validate
from dreamreel.synth.music.palettes import palette_for

#: Places no war film has: another genre's or an explorer's world.
ELSEWHERE = re.compile(r"ziggurat|tomb|explorers|saloon|hotel splendide|vicarage|rose cottage|tea room|gala")


def _places(story) -> set[str]:
    return {story.bible.place(b.place).name for b in story.graph.beats}


# Requests as viewers type them, written before looking at what the engine makes of them.
WAR_REQUESTS = [
    "a war film about a sniper duel in Stalingrad, 1942",
    "a sniper duel in Stalingrad, 1942",
    "a WWI trench drama about two brothers",
    "a medic on Omaha Beach",
    "a bomber crew's last mission over Germany in 1944",
    "a French resistance fighter hides a downed pilot",
    "a Vietnam war story",
    "a platoon holds a bridge in Holland, 1944",
    "a nurse in a field hospital in the Great War",
    "a submarine patrol in the Pacific, WW2, a war movie",
]


@pytest.mark.parametrize("prompt", WAR_REQUESTS)
def test_a_war_request_is_told_as_a_war_film(prompt):
    story = plan(Request(prompt=prompt), seed=0)
    assert validate(story).ok
    assert story.bible.genres[0] == "war"
    assert story.bible.tone == get_kit("war").tone
    # (rated as war films are by default: nobody asked for less)
    assert story.request.rating == "PG-13"
    assert not ELSEWHERE.search(" ".join(_places(story)).lower()), _places(story)


@pytest.mark.parametrize("prompt,era", [
    ("a sniper duel in Stalingrad, 1942", "1942"),
    ("a bomber crew's last mission over Germany in 1944", "1944"),
    ("a WWI trench drama about two brothers", "World War I"),
    ("a nurse in a field hospital in the Great War", "World War I"),
    ("a WW1 drama about a young private", "World War I"),
    ("a submarine patrol in the Pacific, WW2, a war movie", "World War II"),
    # no year asked: the years of the war that country lived through, not the kit's 1944
    ("a Vietnam war story", "196"),
])
def test_the_war_and_the_year_asked_are_kept(prompt, era):
    story = plan(Request(prompt=prompt), seed=1)
    assert story.bible.genres[0] == "war"
    assert story.bible.world.era.startswith(era) and story.bible.style.era.startswith(era)


@pytest.mark.parametrize("prompt,country", [
    ("a sniper duel in Stalingrad, 1942", "RU"),
    ("a bomber crew's last mission over Germany in 1944", "DE"),
    ("a French resistance fighter hides a downed pilot", "FR"),
])
def test_the_setting_gives_the_people_its_names(prompt, country):
    story = plan(Request(prompt=prompt), seed=2)
    first, _ = names_for(country)
    known = {n for names in first.values() for n in names}
    hero = next(c for c in story.bible.cast if c.role == "protagonist")
    assert hero.name.split()[0] in known, hero.name


def test_a_war_film_set_nowhere_in_particular_is_the_kits_front():
    kit = get_kit("war")
    for seed in range(3):
        story = plan(Request(prompt="a war movie"), seed=seed)
        assert story.bible.genres == ["war"]
        assert _places(story) <= {p.name for p in kit.places}
        assert story.bible.world.era == "1944"
        # a war film with no plot asked holds a position, survives behind the lines or goes on a mission
        assert story.generator["shapes"].split("+")[0] in ("siege", "survival", "quest")
        # its people are of their time, not today's (names of the kit's own 1940s)
        hero = next(c for c in story.bible.cast if c.role == "protagonist")
        assert hero.name.split()[0] in {n for names in kit.names_first.values() for n in names}


def test_the_ruins_of_a_city_at_war_are_its_shelled_streets():
    story = plan(Request(prompt="a war film about a sniper duel in the ruins of Stalingrad, 1942"), seed=0)
    assert not ELSEWHERE.search(" ".join(_places(story)).lower()), _places(story)
    assert "the shelled main street" in _places(story)
    # (the ruins of Pompeii are still an ancient site's)
    pompeii = plan(Request(prompt="explorers search the ruins of Pompeii", episodes=1), seed=0)
    assert "the shelled main street" not in _places(pompeii)


def test_the_sniper_is_the_lead_of_a_sniper_duel():
    story = plan(Request(prompt="a sniper duel in Stalingrad, 1942"), seed=0)
    hero = next(c for c in story.bible.cast if c.role == "protagonist")
    assert hero.job == "sniper"
    assert story.generator["shapes"].split("+")[0] == "duel"


@pytest.mark.parametrize("prompt,rating", [
    ("a young private's first battle in 1944, a war film, rated PG", "PG"),
    ("a war story for kids about a carrier pigeon", "PG"),
    ("G-rated war movie. Stalingrad, winter 1942.", "G"),
])
def test_a_war_film_asked_milder_stays_within_its_rating(prompt, rating):
    for seed in range(3):
        story = plan(Request(prompt=prompt), seed=seed)
        assert story.bible.genres[0] == "war" and story.request.rating == rating
        assert validate(story).ok
        levels = scan(all_text(story))
        assert all(levels.get(f, 0) <= RATING_CEILINGS[rating][f] for f in ContentFlag), levels


def test_an_r_rated_war_film_may_show_its_cost():
    story = plan(Request(prompt="a war film, rated R"), seed=5)
    intense = [b.variants["intense"] for b in story.graph.beats if b.variants]
    assert any(v.content.get(ContentFlag.violence, 0) >= 2 for v in intense)


@pytest.mark.parametrize("prompt", [
    "a star wars fan film",
    "a war of the roses romance",
    "a culture war comedy",
    "a price war between two pizza shops",
    "a war of words between neighbours",
    "a bake-off war in a village",
    "a cold war spy thriller",
    "a prank war at summer camp",
    "a turf war between two food trucks",
    "a bidding war over a painting",
    "a toy soldier comes to life",
    "a marine biologist finds a whale",
    "a Roman centurion in Britain",
])
def test_other_wars_and_soldiers_are_not_war_films(prompt):
    assert "war" not in [k.name for k in find_genres(prompt)]
    for seed in range(2):
        assert "war" not in plan(Request(prompt=prompt), seed=seed).bible.genres


def test_nobody_gets_a_war_film_unasked():
    for prompt in ("surprise me", "something good tonight", "a story about two neighbours in 1944"):
        for seed in range(12):
            assert "war" not in plan(Request(prompt=prompt), seed=seed).bible.genres


def test_a_war_named_with_another_genre_is_its_world():
    story = plan(Request(prompt="a WWII romance"), seed=0)
    assert story.bible.genres == ["romance", "war"]
    assert story.generator["shapes"].split("+")[0] == "romance"
    assert story.bible.world.era == "World War II"


def test_war_comes_last_in_the_genre_order():
    # (the order is part of every story: appending keeps the stories of the other genres as they were)
    assert GENRE_ORDER[-1] == "war"


def test_a_war_film_sounds_like_one():
    pal = palette_for(["war"], get_kit("war").music)
    # a slow minor march: a lone horn over low strings, a snare far off
    assert pal.mode == "minor" and "snare" in pal.kit and pal.lead == "horn" and pal.pad == "strings"
    assert pal.tempo[0] <= 60 and pal == palette_for(["war film"], get_kit("war").music)
