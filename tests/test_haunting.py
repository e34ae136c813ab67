"""A ghost story is told as a haunting, where the ghost is a real character: newcomers in an old
place, the signs nobody believes, the ghost appearing and speaking, the past dug up, the one who
wants it buried, the locked room, what the ghost asks and the last night; not as a bargain, a
whodunit with no ghost in it, or a friendship."""

import re
import tomllib
from pathlib import Path

import pytest

from dreamreel.narrative.asked import parts
from dreamreel.narrative.kits import kits
from dreamreel.narrative.premise import read
from dreamreel.narrative.validate import validate

from test_expose import _story as _told_as  # a request told with a shape the vocabulary does not pick yet
from test_expose import _strings  # every string in a parsed TOML value
from test_duel import _sentences  # the sentences of four words or more in some texts
from test_shape_project import tellings_answer_and_name_the_event  # shared shape checks
from test_whodunit import _said, _told  # a beat's words, a path's beats
from test_whodunit import choices_told_and_read, endings_follow  # shared shape checks

SHAPES = Path(__file__).resolve().parents[1] / "src" / "dreamreel" / "narrative" / "data" / "shapes"
ORPHANAGE = "a ghost story in a Victorian orphanage"
FAMILY = "a family moves into an old house haunted by a lonely ghost"
SAILOR = "a girl sees the ghost of a drowned sailor in her new school"
REQUESTS = [ORPHANAGE, FAMILY, SAILOR, "a haunted lighthouse horror", "a boy and his sister move into a haunted house"]


def _story(prompt: str, seed: int = 1, shape: str = "haunting"):
    return _told_as(prompt, seed=seed, shape=shape)


def _cast(story) -> dict:
    return {c.role: c for c in story.bible.cast}


def test_the_haunting_has_its_own_choices_endings_and_exchanges():
    s = kits().shapes["haunting"]
    scenes = {sc.key: sc for sc in s.scenes}
    # four choices (tell or keep the signs secret, dig into the past or leave it, what the ghost
    # asks, the last night) in sixteen scenes, five kinds of ending, a B-story, the four parts cast,
    # and the wildcard is the ghost: the second person a request names ("sees the ghost of") is it
    told = {"choices": [sc.key for sc in s.scenes if sc.choice], "scenes": len(scenes),
            "endings": sorted(sc.ending for sc in s.scenes if sc.ending), "event": s.event, "second": s.second,
            "parts": sorted(s.roles), "b-story": s.strand is not None, "wild": s.roles["wild"].label}
    assert told == {"choices": ["signs", "apparition", "the_ask", "the_night"], "scenes": 16,
                    "endings": ["bittersweet", "open", "tragedy", "triumph", "twist"], "event": "the haunting",
                    "second": "wild", "parts": ["comp", "hero", "villain", "wild"], "b-story": True, "wild": "the ghost"}
    assert {"horror", "mystery", "fantasy"} <= set(s.genres)
    # the countdown's pick needs nothing; each option leads to a telling written for it, and what it
    # sets is read by a scene that can follow (a telling, a route to an ending, an option's condition)
    choices_told_and_read(s)
    tellings_answer_and_name_the_event(s)
    # the ghost is on screen where it appears, asks and is answered on the last night
    assert all("wild" in scenes[k].cast for k in ("apparition", "locked_room", "the_ask", "the_night", "reckoning"))
    # nobody is lost: the younger one is at risk, never killed, and is off screen only when sent away
    assert not any(sc.set.get("comp_alive") is False for sc in s.scenes)
    away = next(v for v in scenes["the_night"].versions if v.when == {"way": "out"})
    assert away.cast and "comp" not in away.cast


def test_every_ending_is_reachable_and_follows_the_choices():
    endings_follow(kits().shapes["haunting"], {
        # the ghost answered, the records read, the owner confronted, and staying: laid to rest
        ("answer", "records", "confront", "stay"): "laid_to_rest",
        ("secret", "caretaker", "ghost", "stay"): "quiet_for_now",  # too little known to prove it
        ("tell", "leave", "confront", "stay"): None,  # nothing found out to confront the owner with
        # giving the ghost what it asks, knowing enough: at peace, at a price; knowing too little: it lied
        ("answer", "caretaker", "out", "give"): "the_price",
        ("tell", "leave", "ghost", "give"): "not_who",
        ("secret", "records", "out", "give"): "not_who",
        # leaving before midnight, whatever was found: they flee, or the house keeps them
        ("answer", "records", "confront", "leave"): "house_keeps",
        ("secret", "leave", "out", "leave"): "house_keeps",
    })


def test_no_sentence_is_shared_with_another_plot():
    # (the ghost stories told so far were bargains, whodunits, friendships and monsters: none of theirs)
    shape = {path.stem: _sentences(_strings(tomllib.loads(path.read_text())["shapes"])) for path in SHAPES.glob("*.toml")}
    assert len(shape["haunting"]) > 300
    assert {other: shape["haunting"] & shape[other] for other in shape if shape["haunting"] & shape[other]} == {
        "haunting": shape["haunting"]}


@pytest.mark.parametrize("prompt", REQUESTS)
def test_a_haunting_has_a_ghost_who_speaks(prompt):
    for seed in (1, 2, 3):
        story = _story(prompt, seed)
        assert (story.generator["shapes"], validate(story).ok) == ("haunting", True), seed
    # the ghost is cast, drawn as a ghost, on screen and speaking in its own lines
    ghost = _cast(story)["wildcard"]
    assert ghost.look.species == "ghost"
    spoken = [ln for b in story.graph.beats for ln in b.lines if ln.speaker == ghost.id]
    assert len(spoken) >= 20
    # the signs, the past and the locked room run through it
    text = [b for b in story.graph.beats
            if re.search(r"\b(cold|music box|footsteps|mirror|locked|long ago|hundred years|blamed|sent away)\b",
                         _said(b).lower())]
    assert len(text) >= 20
    assert {"e1_signs", "e1_the_ask"} <= {b.id for b in text}


def test_an_asked_ghost_is_the_ghost_and_the_one_who_sees_it_leads():
    # "sees the ghost of a drowned sailor": the girl leads and the sailor's ghost is the ghost
    cast = _cast(_story(SAILOR))
    assert (cast["protagonist"].job, cast["wildcard"].job) == ("girl", "drowned sailor's ghost")
    # a ghost named first, or after a family (a crowd, not one person), is still the ghost, not the lead
    for prompt in (FAMILY, "a lonely ghost haunts an old hotel, for kids"):
        cast = _cast(_story(prompt))
        assert cast["wildcard"].job == "ghost" and "lonely" in cast["wildcard"].archetype, prompt
        assert cast["protagonist"].look.species == "human", prompt
    # the one a ghost haunts leads, not opposes
    keeper = parts(read("a ghost haunts a lighthouse keeper"), "wild", ghost="wild")
    assert (keeper["hero"].label, keeper["wild"].label, "villain" in keeper) == ("lighthouse keeper", "ghost", False)
    # a plot with no ghost of its own casts a ghost as before: the first named leads
    assert parts(read("a lonely ghost haunts an old hotel"))["hero"].label == "ghost"
    # kin stand with the lead
    siblings = _cast(_story("a boy and his sister move into a haunted house"))
    assert (siblings["protagonist"].job, siblings["ally"].job) == ("boy", "sister")


def test_it_is_not_the_friendship_or_the_bargain():
    for prompt in (ORPHANAGE, FAMILY):
        haunting = _sentences(map(_said, _story(prompt).graph.beats))
        for other in ("friendship", "bargain"):
            told = _sentences(map(_said, _story(prompt, shape=other).graph.beats))
            assert len(haunting & told) < 0.03 * len(haunting), other  # the genre's voice at most


def test_the_story_is_told_for_the_choices_taken():
    story = _story(ORPHANAGE)
    cast = _cast(story)
    comp, ghost = cast["ally"], cast["wildcard"].name.split()[0]
    owner = cast["antagonist"].name.split()[0]
    # (a scene's own telling is _0, its versions _1 on)
    rest = _told(story, ["answer", "records", "confront", "stay"])
    ids = [b.id for b in rest]
    assert {"e1_disbelief_2", "e1_apparition_1", "e1_digging_0", "e1_locked_room_2", "e1_the_answer_1",
            "e1_the_night_0", "e1_reckoning_0"} <= set(ids)
    assert ids[-1] == "e1_laid_to_rest_1"  # the owner owns up, in the little room
    assert owner in _said(rest[-1]) and cast["antagonist"].id in rest[-1].characters
    # the mirror answered: the ghost writes back, and knows the name
    assert "mirror" in _said(rest[ids.index("e1_disbelief_2")])
    # told to the owner: the owner laughs, and the ghost is angry that the family was told
    told = _told(story, ["tell", "caretaker", "out", "stay"])
    ids = [b.id for b in told]
    assert {"e1_disbelief_1", "e1_apparition_2", "e1_digging_1", "e1_the_owner_2", "e1_the_answer_0",
            "e1_the_night_1"} <= set(ids)
    assert owner in _said(told[ids.index("e1_disbelief_1")])
    assert "caretaker" in _said(told[ids.index("e1_digging_1")])
    # the younger one sent away is not on screen on the last night, and nobody says they are there
    night = told[ids.index("e1_the_night_1")]
    assert comp.id not in night.characters and comp.id not in told[ids.index("e1_reckoning_0")].characters
    assert ids[-1] == "e1_quiet_for_now"  # too little known to make the owner say it
    # the past left buried: the house will not let them pack, the owner is glad, the younger one goes up alone
    left = _told(story, ["secret", "leave", "ghost", "give"])
    ids = [b.id for b in left]
    assert {"e1_disbelief_0", "e1_digging_2", "e1_the_owner_1", "e1_locked_room_1", "e1_the_answer_2",
            "e1_reckoning_3"} <= set(ids)
    assert ids[-1] == "e1_not_who_0" and ghost in _said(left[-1])
    assert not re.search(r"household book|caretaker", " ".join(_said(b) for b in left))
    # the ghost given what it asks with the younger one sent away: the twist told without them
    alone = _told(story, ["secret", "records", "out", "give"])
    assert [b.id for b in alone][-3:] == ["e1_the_night_1", "e1_reckoning_2", "e1_not_who_1"]
    assert all(comp.id not in b.characters for b in alone[-3:])
    # leaving twice: the house keeps them
    kept = _told(story, ["secret", "leave", "out", "leave"])
    assert [b.id for b in kept][-2:] == ["e1_reckoning_1", "e1_house_keeps_1"]
    fled = _told(story, ["answer", "records", "confront", "leave"])
    assert [b.id for b in fled][-1] == "e1_house_keeps_0"
