"""A conspiracy, corruption, surveillance or a cover-up uncovered is told as an exposé: a number
that does not add up, checking it, the pushback, a frightened source, the proof and its cost, the
powerful one's offer and the last night before it runs; not as an investigation into someone who
has vanished."""

import functools
import itertools
import re
import tomllib
from pathlib import Path

import pytest

from dreamreel.model import Request
from dreamreel.narrative.kits import kits
from dreamreel.narrative.planner import plan
from dreamreel.narrative.premise import read
from dreamreel.narrative.validate import validate

from test_cause import _ends  # where the shape's data leads for one option per choice (adds counted)
from test_shape_project import tellings_answer_and_name_the_event  # shared shape checks
from test_whodunit import _after, _reads, _said, _told  # a beat's words, a path's beats, what scenes read

SHAPES = Path(__file__).resolve().parents[1] / "src" / "dreamreel" / "narrative" / "data" / "shapes"
WASHINGTON = "a conspiracy thriller about a journalist uncovering government surveillance in Washington"
SEOUL = "a teenage hacker exposes a corrupt mayor in Seoul"
REQUESTS = [WASHINGTON, SEOUL, "a nurse blows the whistle on a hospital covering up deaths",
            "an accountant finds the company is poisoning the river"]


@functools.cache
def _story(prompt: str, seed: int = 1, shape: str = "expose"):
    """The request told with this shape, whatever the vocabulary reads it as today."""
    premise = read(prompt).model_copy(update={"shapes": [shape]})
    return plan(Request(prompt=prompt, episodes=1, target_seconds=600), seed=seed, premise=premise)


def test_the_expose_has_its_own_choices_endings_and_exchanges():
    s = kits().shapes["expose"]
    scenes = {sc.key: sc for sc in s.scenes}
    # four choices (how to check, the frightened source, the offer, the last night) in sixteen
    # scenes, five kinds of ending, a B-story, and the four parts cast; the second person a
    # request names ("exposes a corrupt mayor") is the one whose scheme it is
    asked = {sc.key: sc.choice for sc in s.scenes if sc.choice}
    assert sorted(asked) == ["cold_feet", "first_thread", "last_night", "the_offer"] and len(scenes) == 16
    assert sorted(sc.ending for sc in s.scenes if sc.ending) == ["bittersweet", "open", "tragedy", "triumph", "twist"]
    assert (s.event, s.second, sorted(s.roles), s.strand is not None) == (
        "the cover-up", "villain", ["comp", "hero", "villain", "wild"], True)
    assert {"thriller", "noir", "cyberpunk", "scifi", "mystery", "comedy"} <= set(s.genres)
    for key, choice in asked.items():
        # the countdown's pick is always offered; the scene after is told for the option taken; what
        # the choice sets is read later (a telling, a route, an offer's condition)
        default = {o.key: o for o in choice.options}[choice.default]
        later = set().union(*(_reads(scenes[k]) for k in _after(scenes, key)))
        assert default.requires is None and all(scenes[o.to].versions for o in choice.options), key
        assert {v for o in choice.options for v in o.set} <= later, key
    tellings_answer_and_name_the_event(s)
    # nobody is lost in an exposé: the source pays with a job, not a life
    assert not any(sc.set.get("comp_alive") is False for sc in s.scenes)


def test_every_ending_is_reachable_and_follows_the_choices():
    s = kits().shapes["expose"]
    keys = [[o.key for o in sc.choice.options] for sc in s.scenes if sc.choice]
    reached = {_ends(s, picks) for picks in itertools.product(*keys)} - {None}
    assert reached == {sc.key for sc in s.scenes if sc.ending}
    # the source on the record, the whole story printed: the powerful fall, and the source stands by it
    assert _ends(s, ("records", "press", "refuse", "all")) == "the_fall"
    assert _ends(s, ("records", "press", "refuse", "hidden")) is None  # a signed name cannot be hidden again
    # printed whole with a protected source's papers in it: it comes out, and costs the source a career
    assert _ends(s, ("records", "protect", "refuse", "all")) == "the_price"
    # the source hidden: enough proof brings the fall; too little, and the reporter pays instead
    assert _ends(s, ("see", "protect", "pretend", "hidden")) == "the_fall"
    assert _ends(s, ("office", "protect", "refuse", "hidden")) == "the_price"
    # the insider's papers, printed: the insider wrote the scheme
    assert _ends(s, ("records", "around", "refuse", "all")) == "higher"
    assert _ends(s, ("office", "around", "report", "hidden")) == "higher"
    # the authorities: the recorded bribe convicts; the office that leaked the bribe sits on it
    assert _ends(s, ("office", "protect", "pretend", "authorities")) == "the_fall"
    assert _ends(s, ("records", "press", "report", "authorities")) == "buried"
    assert _ends(s, ("records", "protect", "refuse", "authorities")) == "second_thread"
    assert _ends(s, ("see", "press", "pretend", "bury")) == "buried"


def _strings(x):
    """Every string in a parsed TOML value, however deep."""
    if isinstance(x, str):
        yield x
    for y in x.values() if isinstance(x, dict) else x if isinstance(x, list) else []:
        yield from _strings(y)


def test_the_lines_do_not_copy_the_other_shapes_about_secrets():
    def sentences(name):
        told = _strings(tomllib.loads((SHAPES / f"{name}.toml").read_text())["shapes"])
        return {t.lower() for x in told for t in re.split(r"(?<=[.!?])\s+", x) if len(t.split()) >= 4}

    mine = sentences("expose")
    assert len(mine) > 300
    for other in ("investigation", "espionage", "cause", "whodunit"):
        assert not mine & sentences(other), other


@pytest.mark.parametrize("prompt", REQUESTS)
def test_an_expose_is_a_scheme_uncovered_not_a_vanishing(prompt):
    story = _story(prompt)
    assert story.generator["shapes"] == "expose"
    assert validate(story).ok
    text = " ".join(_said(b) for b in story.graph.beats).lower()
    assert not re.search(r"\b(vanish\w*|disappear\w*|missing|kidnap\w*|abduct\w*|rescue\w*|trail goes cold|empty room)\b",
                         text)
    scheme = [b for b in story.graph.beats
              if re.search(r"\b(payments?|signatures?|figures|numbers?|proof|story|source|offer|scheme|print\w*|shred\w*|record)\b", _said(b).lower())]
    assert len(scheme) >= 20
    assert {"e1_first_thread", "e1_cold_feet"} <= {b.id for b in scheme}


def test_the_journalist_leads_the_official_opposes_and_it_is_not_the_investigation():
    story = _story(WASHINGTON)
    cast = {c.role: c for c in story.bible.cast}
    assert cast["protagonist"].job == "journalist"
    assert len([b for b in story.graph.beats if "journalist" in _said(b)]) >= 2
    mayor = _story(SEOUL)
    cast = {c.role: c for c in mayor.bible.cast}
    assert (cast["protagonist"].job, cast["antagonist"].job) == ("hacker", "mayor")
    # the mayor is the one whose scheme it is: named at the offer and in the office
    villain = cast["antagonist"].name.split()[0]
    assert all(villain in _said(b) for b in mayor.graph.beats if b.id.startswith(("e1_the_offer", "e1_upstairs")))

    def sentences(s):
        return {t.lower() for b in s.graph.beats for t in re.split(r"(?<=[.!?])\s+", _said(b)) if len(t.split()) >= 4}

    for prompt in (WASHINGTON, SEOUL):
        mine = sentences(_story(prompt))
        other = sentences(_story(prompt, shape="investigation"))
        assert len(mine & other) / len(mine) < 0.03  # the genre's voice at most


def test_the_story_is_told_for_the_choices_taken():
    story = _story(WASHINGTON)
    source = next(c for c in story.bible.cast if c.role == "ally").name.split()[0]
    # (a scene's own telling is _0, its versions _1 on)
    signed = _told(story, ["records", "press", "pretend", "all"])
    ids = [b.id for b in signed]
    assert {"e1_checking_0", "e1_upstairs_0", "e1_proof_1", "e1_the_offer_1", "e1_answer_1", "e1_last_night_1",
            "e1_morning_0"} <= set(ids)
    assert ids[-1] == "e1_the_fall_2"  # the source who signed stands on the steps
    # no line after the source signs contradicts it: named, suspended, never kept out of it
    after = " ".join(_said(b) for b in signed[ids.index("e1_proof_1"):])
    assert "suspen" in after and not re.search(r"never named|kept out of every line|without .* name", after)
    # the recorded offer is played back; a refused one never is
    assert "recorder" in _said(signed[ids.index("e1_answer_1")])
    kept = _told(story, ["office", "protect", "refuse", "hidden"])
    ids = [b.id for b in kept]
    assert {"e1_checking_2", "e1_pushback_1", "e1_upstairs_1", "e1_proof_0", "e1_the_offer_0", "e1_answer_0",
            "e1_last_night_0", "e1_morning_1"} <= set(ids)
    assert ids[-1] == "e1_the_price_1"  # too little proof: the reporter pays for the hidden source
    later = " ".join(_said(b) for b in kept[ids.index("e1_the_offer_0") + 1:])
    assert not re.search(r"recorder|on tape|signed a statement|suspended", later)
    assert not re.search(rf"{source} signs", " ".join(_said(b) for b in kept))
    # the ringing of the office is what brought the lawyer's letter
    assert "lawyer" in _said(kept[ids.index("e1_pushback_1")])
    # the insider's papers, printed: the twist, where the signatures match
    around = _told(story, ["see", "around", "refuse", "all"])
    assert [b.id for b in around][-4:] == ["e1_answer_0", "e1_last_night_2", "e1_morning_0", "e1_higher"]
    assert "e1_proof_2" in [b.id for b in around] and "signature" in _said(around[-1])
    # buried: the front page is a gala, and nothing comes out
    buried = _told(story, ["records", "protect", "refuse", "bury"])
    assert [b.id for b in buried][-2:] == ["e1_morning_3", "e1_buried_0"]
    assert not re.search(r"resign|front page of every paper", " ".join(_said(b) for b in buried[-2:]))
    # reported twice to the same office: it is sat on
    sat = _told(story, ["records", "protect", "report", "authorities"])
    assert [b.id for b in sat][-3:] == ["e1_last_night_0", "e1_morning_2", "e1_buried_1"]
