"""The play path: the graph's play rules, state carried across episodes, and how choices are made."""

import json
from pathlib import Path

import pytest

from dreamreel.director import choose_path, load_choices, voiced_lines
from dreamreel.errors import BadInputError
from dreamreel.model import Story
from dreamreel.store.files import load_model

import graphs

EXAMPLES = Path(__file__).parents[1] / "examples"


@pytest.fixture(scope="module")
def noir() -> Story:
    return load_model(EXAMPLES / "noir-on-mars.story.json", Story, "story")


def beats(path) -> list[str]:
    return [s.beat for s in path.steps]


def test_first_takes_the_first_option_on_offer_and_plays_every_episode(noir):
    path = choose_path(noir, "first")
    taken = {s.beat: s.option for s in path.steps if s.option}
    assert taken["e1_inciting"] == "bold" and taken["e1_crisis"] == "save"
    assert path.steps[0].beat == "e1_setup"
    # Every episode is played, each ends on an ending beat, and the state is carried between them.
    ends = [b for b in beats(path) if noir.graph.beat(b).ending]
    assert [noir.graph.beat(b).episode for b in ends] == [1, 2, 3]
    assert beats(path)[-1] == ends[-1]


def test_a_companion_saved_or_lost_in_episode_1_changes_episode_2(noir):
    saved = choose_path(noir, {"e1_crisis": "save"}, episodes=[2])
    lost = choose_path(noir, {"e1_crisis": "press"}, episodes=[2])
    assert "e2_aftermath_saved" in beats(saved) and "e2_aftermath_lost" not in beats(saved)
    assert "e2_aftermath_lost" in beats(lost)
    # Only episode 2 is returned, though episode 1 was played to get there.
    assert {noir.graph.beat(b).episode for b in beats(lost)} == {2}


def test_option_effects_carry_state_into_conditions(noir):
    # "careful" earns trust, which makes the conditioned "deal" option available at the crisis.
    path = choose_path(noir, {"e1_inciting": "careful", "e1_crisis": "deal", "e1_finale": "trade"}, episodes=[1])
    assert beats(path)[-1] == "e1_twist"
    with pytest.raises(BadInputError) as err:
        choose_path(noir, {"e1_inciting": "bold", "e1_crisis": "deal"})
    msg = str(err.value)
    assert "\n" not in msg and "e1_crisis" in msg and "'deal'" in msg and "not on offer" in msg
    assert "['save', 'press']" in msg


def test_unknown_option_names_the_choice_and_what_is_on_offer(noir):
    with pytest.raises(BadInputError, match=r"option 'run' for choice e1_approach .*is not one of its options; "
                                            r"on offer: \['bold', 'careful'\]"):
        choose_path(noir, {"e1_approach": "run"})
    with pytest.raises(BadInputError, match="'e9_nothing' is neither a choice id"):
        choose_path(noir, {"e9_nothing": "bold"})


def test_auto_is_deterministic_per_seed_and_only_takes_options_on_offer(noir):
    a, b = choose_path(noir, "auto", seed=5), choose_path(noir, "auto", seed=5)
    assert a == b
    routes = {tuple((s.beat, s.option) for s in choose_path(noir, "auto", seed=k).steps) for k in range(12)}
    assert len(routes) > 3
    # Replaying each auto path by its own options must follow the same route (options were on offer).
    for k in range(12):
        path = choose_path(noir, "auto", seed=k)
        replay = choose_path(noir, [s.option for s in path.steps if s.option])
        assert replay == path


def test_choices_file_object_list_and_defaults(noir, tmp_path):
    f = tmp_path / "choices.json"
    f.write_text(json.dumps({"e1_approach": "careful", "e1_crisis": "press"}))
    assert load_choices(f) == {"e1_approach": "careful", "e1_crisis": "press"}
    path = choose_path(noir, f, episodes=[1])
    taken = {s.beat: s.option for s in path.steps if s.option}
    assert taken["e1_inciting"] == "careful" and taken["e1_crisis"] == "press"
    # A choice the file leaves out takes its default: e1_last_stand's default is "finish".
    assert taken["e1_climax_alone"] == "finish"
    # A list of option ids is taken in order; when it runs out, defaults again.
    g = tmp_path / "order.json"
    g.write_text(json.dumps(["bold", "press", "spare"]))
    steps = choose_path(noir, str(g)).steps
    assert [s.option for s in steps if s.option][:4] == ["bold", "press", "spare", "careful"]
    # A beat id holding the choice works as a key too.
    by_beat = choose_path(noir, {"e1_crisis": "press", "e1_climax_alone": "spare"}, episodes=[1])
    by_choice = choose_path(noir, {"e1_crisis": "press", "e1_last_stand": "spare"}, episodes=[1])
    assert by_beat == by_choice and beats(by_beat)[-1] == "e1_bittersweet"


@pytest.mark.parametrize("text, words", [
    ("{not json", "not valid JSON"),
    ('"bold"', "expected a JSON object"),
    ('{"e1_approach": 3}', "must name an option id"),
    ('["bold", null]', "item 1 must be an option id"),
])
def test_malformed_choices_file_is_one_line(tmp_path, noir, text, words):
    f = tmp_path / "c.json"
    f.write_text(text)
    with pytest.raises(BadInputError) as err:
        choose_path(noir, f)
    assert words in str(err.value) and "\n" not in str(err.value)
    with pytest.raises(BadInputError, match="no such file"):
        load_choices(tmp_path / "missing.json")


def test_a_loop_that_never_ends_is_refused():
    data = graphs.story_data()
    graphs.find_beat(data, "e1_trust")["next"] = [{"target": "e1_choice"}]
    story = graphs.build(data)
    with pytest.raises(BadInputError, match="did not reach an ending after 50 beats"):
        choose_path(story, {"c1": "trust"}, max_steps=50)
    # Leaving the loop by the other option plays on to the end.
    assert beats(choose_path(story, {"c1": "search"}))[-1] in {"e2_triumph", "e2_tragedy"}


def test_segment_group_and_ordered_edges_follow_the_state():
    story = graphs.valid_story()
    # search sets has_key and suspect=dee: episode 2 takes the second edge (doubt), then fight -> g_after -> triumph.
    path = choose_path(story, {"c1": "search"})
    assert beats(path) == ["e1_open", "e1_choice", "e1_search", "e1_end", "e2_open", "e2_doubt", "e2_confront",
                           "e2_fight", "e2_triumph"]
    path = choose_path(story, {"c1": "trust", "c2": "fight"})
    assert beats(path)[-2:] == ["e2_fight", "e2_tragedy"] and "e2_doubt" not in beats(path)
    # trust >= 1 offers "talk" at the confrontation; without it, asking for it is refused.
    assert beats(choose_path(story, {"c1": "trust", "c2": "talk"}))[-1] == "e2_triumph"
    with pytest.raises(BadInputError, match="not on offer"):
        choose_path(story, {"c1": "search", "c2": "talk"})


def test_variant_and_episode_selection(noir):
    path = choose_path(noir, "first", variant="intense", episodes=[1, 3])
    for step in path.steps:
        beat = noir.graph.beat(step.beat)
        assert step.variant == ("intense" if beat.variants else None)
        assert beat.episode in (1, 3)
    with pytest.raises(BadInputError, match="episode 4 does not exist"):
        choose_path(noir, "first", episodes=[4])


def test_voiced_lines_follow_the_telling_played(noir):
    plain = choose_path(noir, "first", episodes=[1])
    intense = choose_path(noir, "first", episodes=[1], variant="intense")
    lines = voiced_lines(noir, intense)
    first = [v for v in lines if v.beat == "e1_setup"]
    assert first[0].index == -1 and first[0].speaker == "narrator"
    assert [v.text for v in first[1:]] == [ln.text for ln in noir.graph.beat("e1_setup").variants["intense"].lines]
    assert len(lines) > len(voiced_lines(noir, plain))
