"""The outside viewer model (bench/outside_viewers.py) drives the public harness end to end."""

import sys
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "bench"))

from outside_viewers import OutsideViewer, population  # noqa: E402

from dreamreel.director.harness import Event, Viewing, watch  # noqa: E402
from dreamreel.model import Request  # noqa: E402
from dreamreel.narrative.planner import plan  # noqa: E402

#: The kinds the browser player sends itself (serve/static/player.js); choice events are the harness's.
PLAYER_KINDS = {"play", "pause", "seek", "skip", "watch", "hidden", "visible", "mute", "volume", "pointer",
                "stall", "ended"}
DATA = {"seek": {"to"}, "skip": {"wanted_s"}, "watch": {"rate"}, "mute": {"volume"}, "volume": {"volume"}}


@pytest.fixture(scope="module")
def story():
    return plan(Request(prompt="a beekeeper and her rival race to save the last hive", episodes=1), seed=0)


@pytest.fixture(scope="module")
def people():
    return population(12, seed=99)


class Recording(OutsideViewer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.events: list[dict] = []

    def see(self, played):
        out = super().see(played)
        self.events.extend(out)
        return out


@pytest.mark.parametrize("policy", ["as_written", "static", "no_telemetry", "adaptive", "learned"])
def test_every_policy_plays_to_an_outside_viewer(story, people, policy):
    person = next(p for p in people if p.telemetry)
    viewer = Recording(person, story.id, seed=3, episodes=story.request.episodes)
    viewing = watch(story, viewer, policy=policy, seed=3)
    assert isinstance(viewing, Viewing)
    assert viewing.problem is None
    assert viewing.played and viewing.seconds > 0
    assert viewing.rejected == 0                      # every event is one the socket takes
    assert viewer.events and all(e["kind"] in PLAYER_KINDS for e in viewer.events)
    for e in viewer.events:                           # as the player sends them: kind, t, data, at
        Event.model_validate(e)
        assert set(e["data"]) == DATA.get(e["kind"], set())
        assert e["at"] >= 0
    assert [e["at"] for e in viewer.events] == sorted(e["at"] for e in viewer.events)
    assert 0.0 <= viewer.value(len(viewing.played)) <= 1.0


def test_a_viewer_who_sends_nothing_still_gets_a_film(story, people):
    person = replace(people[0], telemetry=False, patience=50.0, tolerance=50.0)
    viewer = OutsideViewer(person, story.id, seed=3, episodes=story.request.episodes)
    viewing = watch(story, viewer, policy="adaptive", seed=3)
    assert viewer.sent == 0
    assert viewing.problem is None
    assert viewing.complete and not viewing.left
    assert viewer.value(len(viewing.played)) > 0


def test_a_viewer_who_leaves_stops_the_viewing(story, people):
    whole = watch(story, OutsideViewer(replace(people[1], patience=50.0, tolerance=50.0), story.id, seed=3),
                  policy="as_written", seed=3)
    # wants far more than any film gives, with no patience at all: bored within the first beat
    restless = replace(people[1], want=0.95, band=0.05, patience=0.001)
    viewer = OutsideViewer(restless, story.id, seed=3)
    viewing = watch(story, viewer, policy="as_written", seed=3)
    assert viewer.gone and viewer.reason == "bored"
    assert viewing.left and not viewing.complete
    assert len(viewing.played) < len(whole.played)
    # the rest of the film counts as nothing: worth less than had they stayed as they were
    assert viewer.value(len(whole.played)) < 0.5


def test_the_same_person_meets_the_same_luck(story, people):
    a = OutsideViewer(people[2], story.id, seed=5)
    b = OutsideViewer(people[2], story.id, seed=5)
    va, vb = watch(story, a, policy="as_written", seed=5), watch(story, b, policy="as_written", seed=5)
    assert a.value(len(va.played)) == b.value(len(vb.played))
    assert [p.id for p in va.played] == [p.id for p in vb.played]
