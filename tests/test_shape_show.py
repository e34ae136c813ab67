"""Putting on a performance is its own plot: a school play, a reunion gig, a pantomime or a ballet
is told as a show (the audition, rehearsals, the thing that goes wrong, stage fright, opening
night), each choice is told for the option taken, and every ending can be reached."""

import itertools

import pytest

from dreamreel.director.path import choose_path
from dreamreel.errors import BadInputError
from dreamreel.model import Request
from dreamreel.narrative.kits import kits
from dreamreel.narrative.planner import plan
from dreamreel.narrative.validate import validate


def _story(prompt: str, seed: int = 0):
    return plan(Request(prompt=prompt, episodes=1), seed=seed)


def _played(story, choices: list[str]):
    return [story.graph.beat(s.beat) for s in choose_path(story, choices, seed=0).steps]


def _text(beat) -> str:
    return " ".join([beat.narration, beat.action, *(ln.text for ln in beat.lines)])


def _who(story, role: str):
    """(id, first name) of the cast member in ``role``."""
    c = next(c for c in story.bible.cast if c.role == role)
    return c.id, c.name.split()[0]


@pytest.mark.parametrize("prompt", [
    "a shy girl plays Juliet in the school play",
    "an ageing rock band plays one last reunion gig",
    "a village puts on a pantomime",
    "a robot that wants to dance ballet",
    "a magician puts on a magic show on a cruise ship",
    "a Victorian music-hall act",
    "an understudy gets her big chance on opening night",
])
def test_a_performance_asked_for_is_told_as_a_show(prompt):
    story = _story(prompt)
    assert story.generator["shapes"] == "show"
    assert validate(story).ok


@pytest.mark.parametrize("prompt,shape", [
    ("two rival street magicians compete for a spot at a Las Vegas casino", "rivalry"),
    ("a talent show in a small town", "rivalry"),
    ("a concert pianist mourns her husband", "grief"),
    ("a bank heist during a concert", "heist"),
    ("A circus elephant escapes in 1930s Chicago and a newsboy tries to hide her", "survival"),
    ("a wedding rehearsal dinner goes wrong", "errors"),  # (a rehearsal is no show; "goes wrong": a farce)
    ("a rock star goes on tour and falls in love", "romance"),
])
def test_other_plots_keep_their_own_shape(prompt, shape):
    assert _story(prompt).generator["shapes"].split("+")[0] == shape


@pytest.mark.parametrize("prompt", ["a gig-economy courier in Lagos", "a detective finally gets the lead she needs",
                                    "a travel vlogger's world tour of haunted castles"])
def test_words_that_only_look_like_a_show_are_not_one(prompt):
    assert "show" not in _story(prompt).generator["shapes"].split("+")


def test_the_show_is_named_in_the_requests_own_words_across_the_story():
    story = _story("an ageing rock band plays one last reunion gig", seed=3)
    assert sum("reunion gig" in _text(b) for b in story.graph.beats) >= 3


def test_a_school_play_happens_at_school():
    story = _story("a shy girl plays Juliet in the school play")
    places = {p.name for p in story.bible.world.places}
    assert "the school stage" in places and "the classroom" in places


def test_the_shape_has_its_own_choices_state_and_kinds_of_ending():
    s = kits().shapes["show"]
    assert 12 <= len(s.scenes) <= 14
    choices = [sc for sc in s.scenes if sc.choice]
    assert len(choices) >= 3
    endings = [sc for sc in s.scenes if sc.ending]
    assert 4 <= len(endings) <= 5 and len({sc.ending for sc in endings}) >= 3
    keys = {sc.key: sc for sc in s.scenes}
    read = set()
    for sc in s.scenes:
        read |= {k for v in sc.versions for k in v.when}
        read |= {k for _, test in (sc.next if isinstance(sc.next, list) else []) for k in (test or {})}
        read |= {k for o in (sc.choice.options if sc.choice else []) for k in (o.requires or {})}
    for sc in choices:
        assert all(keys[o.to].versions for o in sc.choice.options), sc.key  # told for the option taken
        assert {k for o in sc.choice.options for k in o.set} <= read, sc.key  # and read again later
    for sc in s.scenes:  # 2+ narrations, 1+ action, 2+ exchanges in which people answer each other
        for telling in [sc, *sc.versions]:
            assert len(telling.narration) >= 2 and telling.action and len(telling.exchanges) >= 2, sc.key
            cast = set(getattr(telling, "cast", None) or sc.cast)
            for ex in telling.exchanges:
                assert len({who for who, _, _ in ex}) >= 2 and {who for who, _, _ in ex} <= cast, sc.key


def test_every_ending_is_reached_by_the_viewers_choices():
    story = _story("a village puts on a pantomime")
    report = validate(story)
    assert report.ok and report.endings == report.endings_reachable == 5
    reached = {}
    for version, trouble, nerve in itertools.product(["safe", "daring", "hand"], ["mend", "expose", "share"],
                                                     ["go", "swap", "truth"]):
        if version == "hand" and nerve == "swap":
            continue
        last = _played(story, [version, trouble, nerve])[-1]
        reached[(version, trouble, nerve)] = next(e.kind for e in story.graph.endings if e.beat == last.id)
    assert set(reached.values()) == {"triumph", "open", "bittersweet", "tragedy", "twist"}
    assert reached[("daring", "mend", "go")] == "triumph"
    assert reached[("safe", "mend", "go")] == "tragedy"  # played safe: it closes early
    assert reached[("daring", "share", "go")] == "twist"  # the rivals end as a double act
    assert all(k == "open" for (_, _, n), k in reached.items() if n == "truth")
    assert all(k == "bittersweet" for (v, _, n), k in reached.items() if n == "swap" or (v == "hand" and n == "go"))


def test_the_scene_after_a_choice_is_told_for_the_option_taken():
    story = _story("a shy girl plays Juliet in the school play", seed=2)
    villain, _ = _who(story, "antagonist")
    _, comp = _who(story, "ally")
    handed = _played(story, ["hand", "share", "go"])
    safe = _played(story, ["safe", "mend", "go"])

    def scene(path, key):
        return next(b for b in path if b.id.startswith(f"e1_{key}"))

    # The run-through after handing the lead over is the companion's, not the safe one.
    assert scene(handed, "run_through").id != scene(safe, "run_through").id
    assert comp in _text(scene(handed, "run_through"))
    # The companion goes on at curtain up, and it is the understudy's night.
    assert comp in _text(scene(handed, "curtain_up"))
    assert handed[-1].id == "e1_understudy_night"
    # Making peace with the rival: the rival spends the long night with the company; mending it
    # with the company alone does not put the rival there.
    assert villain in scene(handed, "long_night").characters
    assert villain not in scene(safe, "long_night").characters
    assert safe[-1].id == "e1_closing_notice"


def test_the_companion_cannot_be_sent_on_in_a_part_they_already_have():
    story = _story("a village puts on a pantomime")
    with pytest.raises(BadInputError, match="swap"):
        _played(story, ["hand", "mend", "swap"])


def test_a_show_runs_beneath_another_plot_without_taking_its_event():
    story = _story("a bank heist during a concert")
    assert story.generator["shapes"] == "heist"
    told = " ".join(b.narration for b in story.graph.beats)
    assert "show to put on" in told or "a performance" in told  # the show's strand opens
    assert "the curtain goes up at last" in told or "takes a bow on the first night" in told  # and pays off
    assert "bow at the heist" not in told and "lead in the heist" not in told
