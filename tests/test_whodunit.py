"""A murder in a closed circle is told as a whodunit: a death is found, the detective gathers the
suspects, alibis crack, a second death raises the stakes, the secrets come out and the killer is
named before everyone; not as an investigation into someone who has vanished."""

import functools
import itertools
import re
import tomllib
from pathlib import Path

import pytest

from dreamreel.director import choose_path
from dreamreel.model import Request
from dreamreel.narrative.kits import kits
from dreamreel.narrative.planner import plan
from dreamreel.narrative.premise import read
from dreamreel.narrative.validate import validate

from test_cause import _ends  # where the shape's data leads for one option per choice (adds counted)
from test_shape_project import tellings_answer_and_name_the_event  # shared shape checks

SHAPES = Path(__file__).resolve().parents[1] / "src" / "dreamreel" / "narrative" / "data" / "shapes"
NILE = "a murder on a Nile cruise in the 1930s, solved by a retired nurse"


@functools.cache
def _story(prompt: str, seed: int = 1):
    """The request told with this shape, whatever the vocabulary reads it as today."""
    premise = read(prompt).model_copy(update={"shapes": ["whodunit"]})
    return plan(Request(prompt=prompt, episodes=1, target_seconds=600), seed=seed, premise=premise)


def _said(beat) -> str:
    return " ".join([beat.narration, beat.action, *(ln.text for ln in beat.lines)])


def _told(story, choices) -> list:
    beats = {b.id: b for b in story.graph.beats}
    return [beats[st.beat] for st in choose_path(story, choices).steps]


def _after(scenes, key) -> set[str]:
    """The scenes that can follow ``key``."""
    seen: set[str] = set()
    todo = [key]
    while todo:
        sc = scenes[todo.pop()]
        ways = [sc.next] if isinstance(sc.next, str) else [k for k, _ in sc.next or []]
        for k in ways + [o.to for o in (sc.choice.options if sc.choice else [])]:
            if k not in seen:
                seen.add(k)
                todo.append(k)
    return seen


def _reads(sc) -> set[str]:
    """The state a scene reads: its versions' tests, its routes' and its options' conditions."""
    tests = [v.when for v in sc.versions] + [t for _, t in (sc.next if isinstance(sc.next, list) else []) if t]
    return {k for t in tests + [o.requires for o in (sc.choice.options if sc.choice else []) if o.requires] for k in t}


def choices_told_and_read(s, unread=frozenset()) -> None:
    """Each choice's countdown pick needs nothing, each option leads to a scene told for it (one with
    versions), and what the options set (but ``unread``) is read by a scene that can follow: a
    telling, a route, an option's condition (shared by the shape tests)."""
    scenes = {sc.key: sc for sc in s.scenes}
    for sc in (sc for sc in s.scenes if sc.choice):
        options = sc.choice.options
        later = set().union(*map(_reads, (scenes[k] for k in _after(scenes, sc.key))))
        assert not next(o.requires for o in options if o.key == sc.choice.default), sc.key
        assert all(scenes[o.to].versions for o in options), sc.key
        assert set().union(*(o.set for o in options)) - set(unread) <= later, sc.key


def endings_follow(s, where: dict) -> None:
    """Every ending is reached by some run of picks (one option key per choice, in order), and each
    run in ``where`` ends where it says (None: one of its picks is not offered) (shared by the shape tests)."""
    keys = [[o.key for o in sc.choice.options] for sc in s.scenes if sc.choice]
    assert {_ends(s, picks) for picks in itertools.product(*keys)} - {None} == {sc.key for sc in s.scenes if sc.ending}
    assert {picks: _ends(s, picks) for picks in where} == where


def test_the_whodunit_has_its_own_choices_endings_and_exchanges():
    s = kits().shapes["whodunit"]
    scenes = {sc.key: sc for sc in s.scenes}
    # four choices (whom first, the police, whom to name, what becomes of the killer), seventeen
    # scenes, five kinds of ending (every one of them), a B-story, and the four parts cast
    choices = [sc for sc in s.scenes if sc.choice]
    kinds = sorted(sc.ending for sc in s.scenes if sc.ending)
    assert [len(choices), len(s.scenes), s.strand is not None] == [4, 17, True]
    assert kinds == ["bittersweet", "open", "tragedy", "triumph", "twist"] and sorted(s.roles) == ["comp", "hero", "villain", "wild"]
    assert s.event == "the murder" and {"mystery", "noir", "thriller", "horror"} <= set(s.genres)
    # the countdown's pick needs nothing, the next scene is told for the option, and what the choice
    # sets is read by a scene that can come after it (a telling, a route, an offer)
    choices_told_and_read(s, unread={"comp_alive"})
    tellings_answer_and_name_the_event(s)
    # the companion is lost where the wrong one is named, and is not on screen there
    assert scenes["strikes_again"].set == {"comp_alive": False}
    assert all("comp" not in (v.cast or scenes["strikes_again"].cast)
               for v in [scenes["strikes_again"], *scenes["strikes_again"].versions])


def test_every_ending_is_reachable_and_follows_the_choices():
    s = kits().shapes["whodunit"]
    keys = [[o.key for o in sc.choice.options] for sc in s.scenes if sc.choice]
    reached = {_ends(s, picks) for picks in itertools.product(*keys)} - {None}
    assert reached == {sc.key for sc in s.scenes if sc.ending}
    assert _ends(s, ("villain", "keep", "villain", "hand_over")) == "justice"  # the right killer named
    assert _ends(s, ("wild", "share", "villain", "hand_over")) is None  # no evidence to hand over
    assert _ends(s, ("room", "share", "villain", "confess")) == "confession"
    assert _ends(s, ("room", "keep", "trap")) == "confession"  # the kept clue springs the trap
    assert _ends(s, ("villain", "share", "trap")) is None  # no trap with the clue in the police's hands
    assert _ends(s, ("villain", "share", "villain", "let_go")) == "gone"  # a sympathetic killer let go
    assert _ends(s, ("room", "keep", "wild")) == "strikes_again"  # the wrong one, and the real one strikes
    assert _ends(s, ("wild", "share", "wild")) == "strikes_again"
    assert _ends(s, ("wild", "keep", "wild")) == "the_witness"  # the witness's changing story was the tell


def test_the_lines_do_not_copy_the_investigation():
    def sentences(name):
        out: set[str] = set()

        def walk(x):
            if isinstance(x, str):
                out.update(t.lower() for t in re.split(r"(?<=[.!?])\s+", x) if len(t.split()) >= 4)
            elif isinstance(x, (list, dict)):
                for y in (x.values() if isinstance(x, dict) else x):
                    walk(y)
        walk(tomllib.loads((SHAPES / f"{name}.toml").read_text())["shapes"])
        return out

    mine = sentences("whodunit")
    assert len(mine) > 300 and not mine & sentences("investigation")


@pytest.mark.parametrize("prompt", [NILE, "a body in the library", "a murder at a wedding"])
def test_a_murder_is_told_as_a_death_not_a_vanishing(prompt):
    story = _story(prompt)
    assert story.generator["shapes"] == "whodunit"
    assert validate(story).ok
    text = " ".join(_said(b) for b in story.graph.beats).lower()
    assert not re.search(r"\b(vanish\w*|disappear\w*|missing|gone missing|trail goes cold|empty room)\b", text)
    deaths = [b for b in story.graph.beats if re.search(r"\b(murder|dead|death|killer|killed|the body|the victim)\b",
                                                        _said(b).lower())]
    assert len(deaths) >= 8
    assert {"e1_the_body", "e1_reveal"} <= {b.id for b in deaths}


def test_the_detective_is_the_one_asked_for_and_the_story_is_not_the_investigation():
    story = _story(NILE)
    hero = next(c for c in story.bible.cast if c.role == "protagonist")
    assert hero.job == "nurse" and len([b for b in story.graph.beats if "nurse" in _said(b)]) >= 2
    other = plan(Request(prompt=NILE, episodes=1, target_seconds=600), seed=1,
                 premise=read(NILE).model_copy(update={"shapes": ["investigation"]}))

    def sentences(s):
        return {t.lower() for b in s.graph.beats for t in re.split(r"(?<=[.!?])\s+", _said(b)) if len(t.split()) >= 4}

    mine = sentences(story)
    assert len(mine & sentences(other)) / len(mine) < 0.03  # the opening super at most


def test_the_story_is_told_for_the_choices_taken():
    story = _story(NILE)
    # (a scene's own telling is _0, its versions _1 on)
    kept = _told(story, ["villain", "keep", "villain", "hand_over"])
    ids = [b.id for b in kept]
    assert {"e1_first_questions_0", "e1_alibis_1", "e1_second_blow_1", "e1_secrets_1", "e1_motive_1",
            "e1_justice_0"} <= set(ids)
    assert ids[-1] == "e1_justice_0"
    shared = _told(story, ["wild", "share", "villain", "let_go"])
    ids = [b.id for b in shared]
    assert {"e1_first_questions_1", "e1_behind_doors_1", "e1_alibis_0", "e1_second_blow_0", "e1_secrets_0",
            "e1_motive_0", "e1_gone_1"} <= set(ids)
    assert ids[-1] == "e1_gone_1"
    # No line contradicts the clue's fate: handed over, it is never in a pocket; kept, never bagged.
    after = lambda beats: " ".join(_said(b) for b in beats[[b.id for b in beats].index("e1_the_clue") + 1:])  # noqa: E731
    assert "paper bag" in after(shared) and not re.search(r"pocket where|own pocket|hidden|kept safe", after(shared))
    assert "pocket" in after(kept) and "paper bag" not in after(kept)
    # The kept clue springs the trap: the killer confesses, and remembers the companion's pockets.
    trap = _told(story, ["room", "keep", "trap"])
    assert [b.id for b in trap][-1] == "e1_confession_1"
    assert {"e1_first_questions_2", "e1_second_blow_1"} <= {b.id for b in trap}
    # Naming the witness: the twist where the witness was heard first and the clue kept, else the
    # real killer strikes again and the companion is lost.
    assert _told(story, ["wild", "keep", "wild"])[-1].id == "e1_the_witness"
    wrong = _told(story, ["room", "share", "wild"])
    assert [b.id for b in wrong][-2:] == ["e1_accused_0", "e1_strikes_again_1"]
    comp = next(c.id for c in story.bible.cast if c.role == "ally")
    assert comp not in wrong[-1].characters
