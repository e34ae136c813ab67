"""One working shift is its own plot: a rookie paramedic's first night shift, a chef's dinner
service, a cab driver's night or a nurse's last shift is told from clocking on to clocking off (the
first job, the regular, the lull, everything at once, the boss, the last hour), for whatever job
was asked, each choice told for the option taken, and every ending reachable."""

import itertools
import re

import pytest

from dreamreel.director import choose_path
from dreamreel.model import Request
from dreamreel.narrative.kits import kits
from dreamreel.narrative.planner import plan
from dreamreel.narrative.validate import validate
from test_shape_project import _ends, tellings_answer_and_name_the_event  # shared shape checks


def _story(prompt: str, seed: int = 0, episodes: int = 1, **kw):
    return plan(Request(prompt=prompt, episodes=episodes, **kw), seed=seed)


def _text(beat) -> str:
    return " ".join([beat.narration, beat.action, *(ln.text for ln in beat.lines)])


@pytest.mark.parametrize("prompt,job", [
    ("a rookie paramedic's first night shift in Chicago", "paramedic"),
    ("a rookie paramedic's first night shift in Chicago, told in real time, tense", "paramedic"),
    ("a chef's worst night of dinner service in a London restaurant", "chef"),
    ("a cab driver's night shift in 1970s New York", "cab driver"),
    ("a nurse's last shift before retiring", "nurse"),
    ("a rookie cop's first day on the job", "cop"),
    ("a firefighter's first shift", "firefighter"),
    ("a waitress's double shift at a diner", "waitress"),
    ("her first day as a nurse", "nurse"),
    ("a day in the life of a bin lorry driver, for kids", "bin lorry driver"),
])
def test_a_shift_at_work_is_told_as_one_shift_for_the_job_asked(prompt, job):
    story = _story(prompt)
    assert story.generator["shapes"] == "shift"
    assert validate(story).ok
    hero = next(c for c in story.bible.cast if c.role == "protagonist")
    assert hero.job == job
    # The job asked for is the lead's, and is said across the story, not only in the cast list.
    assert sum(job in _text(b).lower() for b in story.graph.beats) >= 3, job


@pytest.mark.parametrize("prompt,shape", [
    ("a bank heist during the night shift", "heist"),  # (during: where it happens, not what)
    ("an off-duty cop stumbles into a bank heist", "heist"),
    ("a nurse on the night shift falls in love with a patient", "romance"),
    ("a detective on duty investigates a murder", "whodunit"),
    ("a detective on duty investigates a disappearance", "investigation"),
    ("a teacher's first day at a new school", "coming_of_age"),
    ("two estranged sisters drive across the country", "road_trip"),
])
def test_other_plots_keep_their_own_shape(prompt, shape):
    assert _story(prompt).generator["shapes"].split("+")[0] == shape


def test_the_shift_is_named_in_the_requests_own_words_across_the_story():
    story = _story("a rookie paramedic's first night shift in Chicago", seed=2)
    assert sum("the first night shift" in _text(b) for b in story.graph.beats) >= 3
    service = _story("a chef's worst night of dinner service in a London restaurant", seed=1)
    assert sum("the dinner service" in _text(b) for b in service.graph.beats) >= 3
    # The chef's shift happens in the chef's restaurant, the nurse's on the ward.
    assert {"the pass", "the prep kitchen"} <= {p.name for p in service.bible.world.places}
    nurse = _story("a nurse's last shift before retiring")
    assert "the nurses' station" in {p.name for p in nurse.bible.world.places}


def test_the_shape_has_its_own_choices_state_and_kinds_of_ending():
    s = kits().shapes["shift"]
    scenes = {sc.key: sc for sc in s.scenes}
    choices = [sc for sc in s.scenes if sc.choice]
    assert len(choices) >= 3 and 12 <= len(s.scenes) <= 14
    assert len({sc.ending for sc in s.scenes if sc.ending}) == 5
    assert {"hero", "villain", "wild", "comp"} <= set(s.roles) and s.strand is not None and s.place is None
    tests = [v.when for x in s.scenes for v in x.versions]
    tests += [t for x in s.scenes if isinstance(x.next, list) for _, t in x.next if t]
    tests += [o.requires for x in s.scenes if x.choice for o in x.choice.options if o.requires]
    for sc in choices:
        # The scene after each choice is told for the option taken ...
        assert all(scenes[o.to].versions for o in sc.choice.options), sc.key
        # ... and what each choice sets is read later: by a version, an option's condition or a way on.
        written = {k for o in sc.choice.options for k in o.set}
        assert written and written <= {k for t in tests for k in t}, sc.key
        assert all(len(o.text) >= 2 and all(len(t) <= 60 for t in o.text) for o in sc.choice.options)
    tellings_answer_and_name_the_event(s)  # (the shift the request names is said in several scenes)


def test_the_words_suit_any_job_and_any_hour():
    """The same text is read for a paramedic, a chef, a cab driver and a nurse, by day or by night:
    no patients, orders or fares, and no hour of the day it does not know."""
    s = kits().shapes["shift"]
    words = []
    for sc in s.scenes:
        for telling in [sc, *sc.versions]:
            words += telling.narration + telling.action + [ln[2] for ex in telling.exchanges for ln in ex]
        if sc.choice:
            words += sc.choice.prompt + [t for o in sc.choice.options for t in o.text]
    text = " ".join(words).lower()
    for word in ("patients?", "orders?", "fares?", "customers?", "tonight", "morning", "dawn", "midnight"):
        assert not re.search(rf"\b{word}\b", text.replace("in order", "")), word
    assert "a {hero.job}" not in text  # ("a intern", "a emt"): never an article before the job


def test_every_ending_is_reachable_and_follows_the_choices():
    s = kits().shapes["shift"]
    keys = [[o.key for o in sc.choice.options] for sc in s.scenes if sc.choice]
    reached = {}
    for picks in itertools.product(*keys):
        end = _ends(s, picks)
        if end is not None:
            reached.setdefault(end, picks)
    assert set(reached) == {sc.key for sc in s.scenes if sc.ending}
    assert _ends(s, ("book", "job", "own")) == "one_of_two"      # saved the job, lost the regular
    assert _ends(s, ("book", "comp", "own")) == "earned_it"      # owned the one mistake
    assert _ends(s, ("gut", "both", "own")) == "earned_it"
    assert _ends(s, ("veteran", "wild", "own")) == "whose_it_was"  # the regular is the boss's own
    assert _ends(s, ("book", "comp", "cover")) == "the_next_shift"
    assert _ends(s, ("gut", "wild", "walk")) == "hangs_up"
    assert _ends(s, ("book", "both", "own")) is None  # both at once only after trusting instinct


def test_the_story_is_told_for_the_choices_taken():
    story = _story("a rookie paramedic's first night shift in Chicago", seed=3)
    beats = {b.id: b for b in story.graph.beats}
    regular = next(c for c in story.bible.cast if c.role == "wildcard").name.split()[0]
    boss = next(c for c in story.bible.cast if c.role == "antagonist").name.split()[0]

    def told(choices):
        return [st.beat for st in choose_path(story, choices).steps]

    # On instinct, then both at once, then owning it: the instinct is warned about in the lull,
    # the scramble is told, the boss has the list of corners cut, and the place is earned.
    both = told(["gut", "both", "own"])
    assert {"e1_first_one_1", "e1_in_the_thick_3", "e1_called_in_3"} <= set(both)
    assert both[-1] == "e1_earned_it_1"
    # Going to the regular and owning it: the regular turns out to be the boss's family.
    family = told(["book", "wild", "own"])
    assert {"e1_in_the_thick_1", "e1_called_in_1"} <= set(family) and family[-1] == "e1_whose_it_was"
    assert regular in _text(beats[family[-1]]) and boss in _text(beats[family[-1]])
    # Staying on the job and covering it: saved one, lost one, and the report leaves the regular out.
    cover = told(["veteran", "job", "cover"])
    assert {"e1_first_one_2", "e1_in_the_thick_0", "e1_the_last_hour_1"} <= set(cover)
    assert cover[-1] == "e1_one_of_two_1"
    # Walking out: the last hour is told without the lead in it, and the jacket is hung up.
    walk = told(["book", "comp", "walk"])
    assert "e1_the_last_hour_2" in walk and walk[-1] == "e1_hangs_up_0"


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("episodes", [1, 3])
def test_every_seed_and_series_is_a_valid_story(seed, episodes):
    story = _story("a rookie paramedic's first night shift in Chicago", seed=seed, episodes=episodes)
    assert story.generator["shapes"].split("+")[0] == "shift" and len(story.graph.episodes) == episodes
    assert validate(story).ok


@pytest.mark.parametrize("seed", range(3))
def test_a_childrens_shift_is_rated_g(seed):
    story = _story("a day in the life of a bin lorry driver, for kids", seed=seed, rating="G")
    assert story.generator["shapes"] == "shift" and story.request.rating == "G"
    assert validate(story).ok
