"""People standing together for a cause (a strike, a protest, a campaign to save something, a
union drive, a boycott) are told as a cause: the notice, the vote in the hall, the line, the fund
running low, the hired bus, the offer, the closing date."""

import itertools
import re

import pytest

from dreamreel.director import choose_path
from dreamreel.model import Request
from dreamreel.narrative.kits import kits
from dreamreel.narrative.planner import plan
from dreamreel.narrative.validate import validate

from test_shape_project import tellings_answer_and_name_the_event  # shared shape checks

_OPS = {"==": lambda a, b: a == b, "!=": lambda a, b: a != b, ">=": lambda a, b: a >= b, "<=": lambda a, b: a <= b,
        ">": lambda a, b: a > b, "<": lambda a, b: a < b}


def _holds(state, test) -> bool:
    for k, want in test.items():
        op, want = want if isinstance(want, (list, tuple)) else ("==", want)
        if not _OPS[op](state.get(k), want):
            return False
    return True


def _ends(s, picks):
    """Where the shape's data leads for one option key per choice, in order, with what the options
    add as well as set (the support that wins the line is counted)."""
    scenes = {sc.key: sc for sc in s.scenes}
    state = {v.name: v.initial for v in s.variables} | {"trust": 0}
    picks = iter(picks)
    sc = s.scenes[0]
    while not sc.ending:
        if sc.choice:
            key = next(picks)
            option = next((o for o in sc.choice.options
                           if o.key == key and (not o.requires or _holds(state, o.requires))), None)
            if option is None:
                return None
            state.update(option.set)
            for k, n in option.add.items():
                state[k] = state.get(k, 0) + n
            sc = scenes[option.to]
        elif isinstance(sc.next, str):
            sc = scenes[sc.next]
        else:
            sc = scenes[next(k for k, t in sc.next if not t or _holds(state, t))]
    return sc.key


def _text(story) -> str:
    return " ".join(f"{b.narration} {b.action} " + " ".join(ln.text for ln in b.lines)
                    for b in story.graph.beats).lower()


@pytest.mark.parametrize("prompt,said", [
    ("the miners' strike in a small Welsh town, 1984", "strike"),
    ("a village campaigns to save its library", "campaign"),
])
def test_a_strike_or_a_campaign_is_told_as_a_cause_and_says_so(prompt, said):
    story = plan(Request(prompt=prompt, episodes=1), seed=1)
    assert story.generator["shapes"] == "cause"
    assert validate(story).ok
    beats = [b for b in story.graph.beats if re.search(rf"\b{said}", f"{b.narration} {b.action} "
                                                       + " ".join(ln.text for ln in b.lines), re.I)]
    assert len(beats) >= 3, said


def test_the_library_the_village_saves_is_what_the_plot_turns_on():
    story = plan(Request(prompt="a village campaigns to save its library", episodes=1), seed=1)
    assert _text(story).count("the library") >= 3


def test_people_standing_together_pick_the_cause():
    for prompt in ("workers occupy the factory to save their jobs", "students protest to stop the motorway",
                   "nurses go on strike", "a union drive at a warehouse", "a boycott of the bus company"):
        story = plan(Request(prompt=prompt, episodes=1), seed=0)
        assert (story.generator["shapes"], validate(story).ok) == ("cause", True), prompt


@pytest.mark.parametrize("prompt", [
    "when lightning strikes the clock tower",
    "a prospector strikes gold in the Yukon",
    "a serial killer strikes again in 1970s Rome",
    "a woman protests her innocence at her murder trial",
    "superheroes save the world",
    "a house with a white picket fence hides a secret",
])
def test_a_strike_that_is_no_walkout_is_no_cause(prompt):
    story = plan(Request(prompt=prompt, episodes=1), seed=0)
    assert "cause" not in story.generator["shapes"].split("+")


def test_the_shape_has_its_own_choices_endings_and_exchanges():
    s = kits().shapes["cause"]
    scenes = {sc.key: sc for sc in s.scenes}
    choices = [sc for sc in s.scenes if sc.choice]
    # four choices, fourteen scenes, five kinds of ending, all four parts and a B-story
    assert (len(choices), len(s.scenes), len({sc.ending for sc in s.scenes if sc.ending})) == (4, 14, 5)
    assert set(s.roles) == {"hero", "villain", "wild", "comp"} and s.strand is not None
    tests = [v.when for x in s.scenes for v in x.versions]
    tests += [t for x in s.scenes if isinstance(x.next, list) for _, t in x.next if t]
    tests += [o.requires for x in s.scenes if x.choice for o in x.choice.options if o.requires]
    for sc in choices:
        assert all(scenes[o.to].versions for o in sc.choice.options), sc.key  # told for the option taken
        written = {k for o in sc.choice.options for k in o.set} - {"comp_alive"}
        assert written and written <= {k for t in tests for k in t}, sc.key  # and read later
        default = next(o for o in sc.choice.options if o.key == sc.choice.default)
        assert not default.requires
    tellings_answer_and_name_the_event(s)


def test_every_ending_is_reachable_and_follows_the_choices():
    s = kits().shapes["cause"]
    keys = [[o.key for o in sc.choice.options] for sc in s.scenes if sc.choice]
    reached = {_ends(s, picks) for picks in itertools.product(*keys)} - {None}
    assert reached == {sc.key for sc in s.scenes if sc.ending}
    assert _ends(s, ("picket", "collect", "block", "hold")) == "we_won"  # the town behind the line
    assert _ends(s, ("talk", "share", "block", "hold")) == "broken"  # held one day too long
    assert _ends(s, ("picket", "collect", "press", "expose")) == "the_papers"
    assert _ends(s, ("picket", "collect", "block", "expose")) is None  # no papers without the press


def test_the_story_is_told_for_the_choices_taken():
    story = plan(Request(prompt="nurses go on strike", episodes=1), seed=3)
    assert story.generator["shapes"] == "cause"
    beats = {b.id: b for b in story.graph.beats}

    def told(choices):
        return [beats[st.beat].id for st in choose_path(story, choices).steps]

    # Letting the companion go back in: the companion is on the hired bus, and gets off.
    back = told(["march", "release", "vote", "stand_down"])
    # (a scene's own telling is _0, its versions _1 on)
    assert {"e1_first_days_1", "e1_the_bus_2", "e1_the_answer_1", "e1_the_result_3"} <= set(back)
    assert back[-1] == "e1_walk_back"
    # The papers taken to the press are read out at the gate: the twist.
    papers = told(["picket", "collect", "press", "expose"])
    assert {"e1_first_days_0", "e1_the_bus_0", "e1_the_answer_2", "e1_the_result_2"} <= set(papers)
    assert papers[-1] == "e1_the_papers"
    assert "strike" in _text(story)
