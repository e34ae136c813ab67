"""Two hunters stalking each other (two marksmen, two gunslingers, two swordsmen, two captains) are
told as a duel: a calling card, learning the other's habits, a first exchange, a trader who sells
to both sides, the bait and its cost, the long wait and the last meeting; not as a judged contest
with entries, heats and a trophy."""

import re
import tomllib
from pathlib import Path

import pytest

from dreamreel.narrative.kits import kits
from dreamreel.narrative.validate import validate

from test_expose import _story as _told_as  # a request told with a shape the vocabulary does not pick yet
from test_expose import _strings  # every string in a parsed TOML value
from test_shape_project import tellings_answer_and_name_the_event  # shared shape checks
from test_whodunit import _said, _told  # a beat's words, a path's beats
from test_whodunit import choices_told_and_read, endings_follow  # shared shape checks

SHAPES = Path(__file__).resolve().parents[1] / "src" / "dreamreel" / "narrative" / "data" / "shapes"
STALINGRAD = "a war film about a sniper duel in the ruins of Stalingrad, 1942"
WESTERN = "two gunslingers face off in a dusty frontier town"
REQUESTS = [STALINGRAD, WESTERN, "two rival swordsmen in feudal Japan stalk each other",
            "a U-boat captain and a destroyer captain hunt each other in the North Atlantic"]


def _story(prompt: str, shape: str = "duel"):
    return _told_as(prompt, shape=shape)


def test_the_duel_has_its_own_choices_endings_and_exchanges():
    s = kits().shapes["duel"]
    scenes = {sc.key: sc for sc in s.scenes}
    # four choices (how to learn the other, the trader's offer, the bait, the long wait) in sixteen
    # scenes, five kinds of ending, a B-story, and the four parts cast; the second person a request
    # names ("two gunslingers") is the other hunter
    assert [sc.key for sc in s.scenes if sc.choice] == ["the_name", "the_trade", "the_bait", "long_wait"]
    assert len(scenes) == 16
    assert sorted(sc.ending for sc in s.scenes if sc.ending) == ["bittersweet", "open", "tragedy", "triumph", "twist"]
    assert (s.event, s.second, sorted(s.roles), s.strand is not None) == (
        "the duel", "villain", ["comp", "hero", "villain", "wild"], True)
    assert {"war", "western", "adventure", "thriller", "fantasy", "noir"} <= set(s.genres)
    # the countdown's pick needs nothing; each option leads to a telling written for it, and what it
    # sets is read later (a telling, a route to an ending, an option's condition)
    choices_told_and_read(s)
    tellings_answer_and_name_the_event(s)
    # the companion is lost only where the companion was the bait and the trader's habit was a lie,
    # and is not on screen after that where the story goes on
    assert [sc.key for sc in s.scenes if sc.set.get("comp_alive") is False] == ["the_loss"]
    assert "comp" not in scenes["the_loss"].cast
    for key in ("long_wait", "the_other_falls", "meet_again"):
        lost = next(v for v in scenes[key].versions if v.when == {"comp_alive": False})
        assert lost.cast and "comp" not in lost.cast, key
    assert all("comp" not in scenes[k].cast for k in ("last_meeting", "the_lead_falls", "sold"))


def test_every_ending_is_reachable_and_follows_the_choices():
    where = {
        # rushing out with nothing learned, and moving first: the lead falls
        ("rush", "refuse", "decoy", "first"): "the_lead_falls",
        ("rush", "refuse", "decoy", "trick"): None,  # no trick without the other's habits
        # the ground studied, the hunter's own self as bait, the trick: the other falls
        ("ground", "refuse", "self", "trick"): "the_other_falls",
        # the trader's habit used for the trick: the trader sold it to both sides
        ("ask", "take", "decoy", "trick"): "sold",
        # the hunter stood up and was spared, then waited: both walk away
        ("rush", "refuse", "self", "wait"): "walk_away",
        # waiting with enough learned wins; with too little, the other slips away to meet again
        ("ground", "take", "decoy", "wait"): "the_other_falls",
        ("rush", "refuse", "decoy", "wait"): "meet_again",
        ("ground", "take", "comp", "first"): "meet_again",
    }
    endings_follow(kits().shapes["duel"], where)


def _sentences(texts) -> set[str]:
    """The sentences of four words or more in some texts, lower-cased (names as the story gave them)."""
    return {s.lower() for x in texts for s in re.split(r"(?<=[.!?])\s+", x) if len(s.split()) >= 4}


def test_no_sentence_is_shared_with_the_other_plots_about_enemies():
    shape = {name: _sentences(_strings(tomllib.loads((SHAPES / f"{name}.toml").read_text())["shapes"]))
             for name in ("duel", "rivalry", "revenge", "monster", "siege")}
    assert len(shape["duel"]) > 300
    assert all(not shape["duel"] & shape[other] for other in shape if other != "duel")


@pytest.mark.parametrize("prompt", REQUESTS)
def test_a_duel_is_two_hunters_not_a_judged_contest(prompt):
    story = _story(prompt)
    assert (story.generator["shapes"], validate(story).ok) == ("duel", True)
    # nothing of a judged contest: nobody enters, nobody judges, nobody wins a cup
    text = " ".join(map(_said, story.graph.beats)).lower()
    assert not re.search(r"\b(judges?|judged|troph\w*|entr(y|ies)|heats?|scoreboard|medals?|prizes?|contestants?)\b", text)
    # the other's habits, the bait and the waiting run through the story
    hunt = [b for b in story.graph.beats
            if re.search(r"\b(habits?|bait|decoy|wait\w*|window|glint|flash|strike|miss\w*|patien\w*)\b", _said(b).lower())]
    assert len(hunt) >= 20
    assert {"e1_the_name", "e1_first_exchange_0", "e1_last_meeting_0"} <= {b.id for b in hunt}
    # the other hunter is the antagonist, cast, and on screen at the last meeting
    cast = {c.role: c for c in story.bible.cast}
    villain = cast["antagonist"]
    assert all(villain.id in b.characters for b in story.graph.beats if b.id.startswith("e1_last_meeting"))
    assert len([b for b in story.graph.beats if villain.name.split()[0] in _said(b)]) >= 20


def test_the_sniper_leads_and_it_is_not_the_rivalry():
    story = _story(STALINGRAD)
    cast = {c.role: c for c in story.bible.cast}
    assert cast["protagonist"].job == "sniper"
    assert story.bible.world.era.startswith("1942") or "1942" in story.graph.beats[0].narration
    west = {c.role: c for c in _story(WESTERN).bible.cast}
    assert (west["protagonist"].job, west["antagonist"].job) == ("gunslinger", "gunslinger")

    for prompt in (STALINGRAD, WESTERN):
        # told as a judged contest instead, the same request shares the genre's voice at most
        duel, contest = (_sentences(map(_said, _story(prompt, shape=shape).graph.beats)) for shape in ("duel", "rivalry"))
        assert len(duel & contest) < 0.03 * len(duel)


def test_the_story_is_told_for_the_choices_taken():
    story = _story(STALINGRAD)
    comp = next(c for c in story.bible.cast if c.role == "ally")
    wild = next(c for c in story.bible.cast if c.role == "wildcard").name.split()[0]
    # (a scene's own telling is _0, its versions _1 on)
    sold = _told(story, ["ask", "take", "comp", "trick"])
    ids = [b.id for b in sold]
    assert {"e1_learning_1", "e1_other_side_1", "e1_the_trade_1", "e1_the_bait_1", "e1_the_cost_2", "e1_the_loss",
            "e1_long_wait_1", "e1_last_meeting_2"} <= set(ids)
    assert ids[-1] == "e1_sold"
    # the companion lost is never on screen again, and the trader is who sold the habit
    assert all(comp.id not in b.characters for b in sold[ids.index("e1_the_loss"):])
    assert wild in _said(sold[ids.index("e1_the_cost_2")]) and wild in _said(sold[-1])
    # the trade refused: nobody says the trader's habit was bought, and the trick is the hunter's own
    own = _told(story, ["ground", "refuse", "self", "trick"])
    ids = [b.id for b in own]
    assert {"e1_learning_0", "e1_the_trade_0", "e1_the_bait_0", "e1_the_cost_1", "e1_long_wait_3",
            "e1_last_meeting_3"} <= set(ids)
    assert ids[-1] == "e1_the_other_falls_0"
    after = " ".join(_said(b) for b in own[ids.index("e1_the_trade_0") + 1:])
    assert not re.search(rf"habit {wild} sold|{wild} said|paid for it|sold me", after)
    assert comp.id in own[-1].characters  # the companion lived to see it
    # the companion sent out with the trade refused: hurt and sent away, never lost
    hurt = _told(story, ["rush", "refuse", "comp", "wait"])
    ids = [b.id for b in hurt]
    assert "e1_the_loss" not in ids and "e1_the_cost_3" in ids and "e1_long_wait_2" in ids
    assert "alive" in _said(hurt[ids.index("e1_the_cost_3")]) or "cart" in _said(hurt[ids.index("e1_the_cost_3")])
    assert comp.id not in hurt[ids.index("e1_long_wait_2")].characters
    # moving first with nothing learned: the stair, and the lead falls
    fell = _told(story, ["rush", "refuse", "decoy", "first"])
    assert [b.id for b in fell][-2:] == ["e1_last_meeting_1", "e1_the_lead_falls"]
    assert "stair" in _said(fell[-2]) and "stair" in _said(fell[-1])
    # spared once, both walk away
    spared = _told(story, ["rush", "refuse", "self", "wait"])
    assert [b.id for b in spared][-3:] == ["e1_long_wait_3", "e1_last_meeting_0", "e1_walk_away"]
