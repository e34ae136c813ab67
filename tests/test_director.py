"""The director's loop, offline: engagement from telemetry and the drama manager's decisions
(whether it serves simulated viewers better than a fixed schedule: tests/test_harness.py)."""

import pytest

from dreamreel.director.drama import DramaManager
from dreamreel.director.engagement import Engagement
from dreamreel.director.path import Walk
from dreamreel.model import Request
from dreamreel.narrative.planner import plan


@pytest.fixture(scope="module")
def story():
    # A plot whose choices decide endings and who lives (a heist's getaway does; a siege decides
    # its ending from state read later, so a genre-only request's plot would test nothing here).
    return plan(Request(prompt="a western heist, two episodes", episodes=2), seed=4)


def test_skipping_and_leaving_the_tab_reads_as_bored():
    e = Engagement()
    for k in range(5):
        e.observe("watch", 2.0 * k, {"rate": 1.0}, 2.0 * k)
    assert e.estimate.level == "engaged"
    e.observe("seek", 10, {"to": 18}, 10.5)
    est = e.observe("hidden", 18, {}, 11)
    assert est.level == "bored" and est.confidence > 0.3 and any("skipped" in w for w in est.why)
    assert est.score < 0.6


def test_the_skip_key_and_the_seek_it_makes_count_once():
    # The browser player's skip key sends a skip, then the seek it makes.
    keyed, seeked = Engagement(), Engagement()
    keyed.observe("skip", 10, {"wanted_s": 5}, 10.0)
    keyed.observe("seek", 10, {"to": 15}, 10.1)
    seeked.observe("seek", 10, {"to": 15}, 10.1)
    assert keyed.boredom == pytest.approx(seeked.boredom, abs=0.01)  # one skip of 5 s, not a skip plus a seek
    apart = Engagement()
    apart.observe("skip", 10, {"wanted_s": 5}, 10.0)
    apart.observe("seek", 30, {"to": 40}, 30.0)  # a seek twenty seconds later is its own signal
    assert apart.boredom > 2.0


def test_rewinding_and_pausing_reads_as_overwhelmed():
    e = Engagement()
    for k in range(3):
        e.observe("seek", 20 + k, {"to": 12 + k}, 5.0 * k)
        e.observe("pause", 12 + k, {}, 5.0 * k + 1)
    assert e.estimate.level == "overwhelmed"


def test_a_sudden_drop_is_flagged_as_a_change():
    e = Engagement()
    for k in range(30):
        e.observe("watch", 2.0 * k, {}, 2.0 * k)
    changed = [e.observe("seek", 60 + 8 * k, {"to": 68 + 8 * k}, 61.0 + k).changed for k in range(4)]
    assert any(changed)


def test_boredom_fades_when_the_viewer_settles():
    e = Engagement(half_life_s=10)
    e.observe("seek", 0, {"to": 12}, 0)
    assert e.estimate.level == "bored"
    est = e.observe("watch", 30, {}, 60)
    assert est.level == "engaged"
    assert e.take().level == "bored"  # but the director, asking now, hears that they were bored


def test_a_reading_nobody_confirms_fades_to_unknown_in_film_seconds():
    from dreamreel.director.engagement import FADE_S, SILENT_S

    e = Engagement()
    for k in range(3):
        e.observe("skip", 10.0 + k, {"wanted_s": 5}, 10.0 + k)
    bored = e.reading(12.0)
    assert bored.level == "bored" and bored.fresh == 1.0
    assert e.reading(12.0 + SILENT_S) == bored  # three missed heartbeats: as sure as it was
    fading = e.reading(12.0 + SILENT_S + FADE_S / 2)
    assert fading.level == "bored" and 0 < fading.confidence < bored.confidence and fading.fresh == 0.5
    gone = e.peek(12.0 + SILENT_S + FADE_S)
    assert gone.level == "unknown" and gone.confidence == 0.0 and "nothing heard" in gone.why[0]
    assert e.take(100.0).level == "unknown" and e.reading().level == "bored"  # (asked without a time: as heard)
    # heard again, it is a reading again
    assert e.observe("skip", 101.0, {"wanted_s": 5}, 101.0).level == "bored" and e.reading(102.0).fresh == 1.0
    # a skip ahead puts them where it went; never heard from, a viewer is unknown once the film is well under way
    jumped = Engagement()
    jumped.observe("seek", 10.0, {"to": 40.0}, 10.0)
    assert jumped.reading(40.0 + SILENT_S + FADE_S - 1).level == "bored"
    assert Engagement().reading(1.0).level == "engaged" and Engagement().reading(60.0).level == "unknown"


def test_a_room_member_who_goes_silent_stops_leading_the_room():
    from dreamreel.director.engagement import FADE_S, SILENT_S
    from dreamreel.director.group import GroupEngagement

    g = GroupEngagement("least")
    for k in range(3):
        g.observe_member("a", "skip", 5.0, {"wanted_s": 5}, 5.0 + k)  # restless, then nothing more
    assert g.estimate.level == "bored" and g.peek().level == "bored"
    t = 6.0
    while t < 6.0 + SILENT_S + FADE_S + 4:
        g.observe_member("b", "watch", t, {"rate": 1}, t)
        t += 2.0
    assert g.estimate.level == "engaged" and g.estimate.why == []   # b is heard; a's old reading no longer counts
    assert g.members["a"].estimate.level == "bored"                 # (what a last said is kept)
    assert g.take(t + SILENT_S + FADE_S).level == "unknown"         # and a room nobody is heard from is unknown


def test_the_drama_manager_escalates_for_the_bored_and_calms_the_overwhelmed(story):
    dm = DramaManager(story)
    beat = next(b for b in story.graph.beats if "intense" in b.variants and "calm" in b.variants
                and b.variants["intense"].tension > b.tension > b.variants["calm"].tension)
    bored, over = Engagement(), Engagement()
    bored.observe("seek", 0, {"to": 12}, 0)
    bored.observe("hidden", 12, {}, 1)
    for k in range(3):  # (two kinds of sign: one alone, however often, is half the evidence)
        over.observe("seek", 20, {"to": 10}, k)
        over.observe("pause", 10, {}, k + 0.5)
    assert dm.variant(beat, bored.estimate, at_s=42.0) == "intense"
    assert dm.log[-1].kind == "escalate" and "restless" in dm.log[-1].why and dm.log[-1].at_s == 42.0
    assert dm.variant(beat, over.estimate) == "calm" and dm.log[-1].kind == "calm"


def _climbing(story):
    """A beat told calmer, as written or more intense, in that order of tension."""
    return next(b for b in story.graph.beats if "intense" in b.variants and "calm" in b.variants
                and b.variants["intense"].tension > b.tension > b.variants["calm"].tension)


def test_overload_after_a_raise_gets_a_calmer_next_beat(story):
    # (issue 14) A viewer the film was raised for, who then shows it is too much, is raised no
    # further: their signs now contradict each other, so the lean they earned by skipping and
    # leaving the tab no longer counts in full, and the film goes back most of the way to where
    # the director starts everyone (here that start tells this beat intense; a viewer whose
    # overload outweighs what they showed before is calmed below it: the test above).
    beat = _climbing(story)
    dm, e = DramaManager(story), Engagement()
    for k in range(2):  # two skips and another tab: restless, and the film is raised
        e.observe("skip", 10 + k, {"wanted_s": 5}, 10.0 + k)
    e.observe("hidden", 12, {}, 12.0)
    raised = e.take()
    assert raised.level == "bored" and dm.variant(beat, raised) == "intense" and dm.pacing(beat, raised) == "fast"
    assert dm.lean > 0
    for k in range(30):  # the next beat, a minute of it, watched on (the restlessness fading)
        e.observe("watch", 12 + 2 * k, {"rate": 1.0}, 12.0 + 2 * k)
    dm.variant(beat, e.take())
    drive = dm.drive(raised)
    e.observe("pause", 72, {}, 72.0)  # then it is too much: they pause and go back, twice
    e.observe("seek", 72, {"to": 64}, 72.5)
    e.observe("seek", 70, {"to": 62}, 78.0)
    over = e.take()
    assert over.level == "overwhelmed"
    dm.variant(beat, over)  # most of the raise undone, no quicker cutting, no pulse
    assert 0 <= dm.drive(over) < drive / 2
    assert dm.pacing(beat, over) != "fast" and dm.pulse(over, 78.0) is None


def test_whatever_the_director_does_the_story_stays_playable(story):
    import random

    rng = random.Random(0)
    dm = DramaManager(story)
    e = Engagement()
    for trial in range(20):
        def variant(beat, e=e):
            e.observe(rng.choice(["seek", "hidden", "pause", "watch"]), 5, {"to": rng.uniform(0, 20)}, rng.random())
            return dm.variant(beat, e.take())

        walk = Walk(story, lambda beat, offered, visit: rng.choice(offered), variant=variant)
        steps = list(walk)
        last = story.graph.beat(steps[-1].beat)
        assert last.ending is not None and last.episode == len(story.graph.episodes)
        assert all(s.variant in (None, "calm", "intense") for s in steps)


def test_steering_towards_an_ending_picks_options_that_keep_it_within_reach(story):
    dm = DramaManager(story)
    kinds = sorted({e.kind for e in story.graph.endings})
    found = False
    for beat in story.graph.beats:
        if not beat.choice:
            continue
        for kind in kinds:
            reach = [o for o in beat.choice.options if dm.reaches(o.target, kind)]
            if 0 < len(reach) < len(beat.choice.options):
                dm.goal = kind
                nxt = {o.id: story.graph.beat(o.target) if story.graph.group(o.target) is None else
                       story.graph.beat(story.graph.group(o.target).candidates[0].target) for o in beat.choice.options}
                picked = dm.option(beat, beat.choice.options, None, nxt)
                assert picked in reach and kind in dm.log[-1].why
                found = True
    assert found, "the story has no choice that decides an ending"


def test_saving_a_character_takes_the_option_that_spares_them(story):
    dm = DramaManager(story)
    beat = next(b for b in story.graph.beats if b.choice and any(
        e.var.startswith("alive_") and e.value is False for o in b.choice.options for e in o.effects))
    victim = next(e.var.removeprefix("alive_") for o in beat.choice.options for e in o.effects
                  if e.var.startswith("alive_") and e.value is False)
    dm.protect = {victim}
    nxt = {o.id: story.graph.beat(o.target) if story.graph.group(o.target) is None else
           story.graph.beat(story.graph.group(o.target).candidates[0].target) for o in beat.choice.options}
    picked = dm.option(beat, beat.choice.options, None, nxt)
    assert not dm.kills(picked) and "alive" in dm.log[-1].why


def test_a_lever_left_out_stays_where_the_film_starts_while_the_others_move(story, monkeypatch):
    # (drama.LEVERS: how bench/adapt_levers.py measures each lever's part)
    from dreamreel.director import drama

    beat = _climbing(story)
    bored = Engagement()
    bored.observe("seek", 0, {"to": 12}, 0)
    bored.observe("hidden", 12, {}, 1)
    monkeypatch.setattr(drama, "LEVERS", frozenset({"look", "pace", "pulse", "steer"}))
    dm = DramaManager(story)
    assert dm.variant(beat, bored.estimate) == DramaManager(story).variant(beat, None)
    assert not any(i.kind in ("escalate", "calm") for i in dm.log)
    assert dm.look(bored.estimate, 0.0) == "stakes" and dm.pacing(beat, bored.estimate) == "fast"
    monkeypatch.setattr(drama, "LEVERS", frozenset({"telling"}))
    dm = DramaManager(story)
    assert dm.variant(beat, bored.estimate) == "intense"
    assert dm.look(bored.estimate, 0.0) is None and dm.pacing(beat, bored.estimate) is None


def test_the_director_quickens_the_cutting_for_a_bored_viewer(story):
    from dreamreel.camera import estimate_timings
    from dreamreel.camera.shots import ShotPlanner
    from dreamreel.director import choose_path

    dm = DramaManager(story)
    bored = Engagement()
    bored.observe("seek", 0, {"to": 12}, 0)
    bored.observe("hidden", 12, {}, 1)
    beat = story.graph.beats[0]
    assert dm.pacing(beat, bored.estimate) == "fast" and dm.log[-1].kind == "pace"
    assert dm.pacing(beat, Engagement().estimate) is None
    # and the camera cuts the same beat shorter at that pace
    path = choose_path(story, "first")
    timings = estimate_timings(story, path)
    lengths = {}
    for pace in ("fast", "slow"):
        cut = ShotPlanner(story, path).cut(1, timings)
        lengths[pace] = sum(s.frames for s in cut.beat(beat, beat, 1, pacing=pace))
    assert lengths["fast"] < lengths["slow"]


def test_a_story_goes_on_from_its_ending_with_its_state(story):
    from dreamreel.director.path import Walk
    from dreamreel.narrative.sequel import continue_story
    from dreamreel.narrative.validate import validate

    walk = Walk(story, "first")
    steps = list(walk)
    last = story.graph.beat(steps[-1].beat)
    assert last.episode == len(story.graph.episodes)
    sequel = continue_story(story, last.ending, seed=3)
    n = last.episode + 1
    assert [e.number for e in sequel.graph.episodes] == list(range(1, n + 1))
    assert validate(sequel).ok
    assert len(sequel.bible.cast) == len(story.bible.cast) + 1  # a new companion
    # played on from the state the viewing left: a companion lost in it stays lost
    state = dict(walk.state)
    lost = next(v for v in state if v.startswith("alive_") and v != f"alive_{story.bible.cast[0].id}")
    state[lost] = False
    on = Walk(sequel, "first", start=(n, state))
    beats = [s.beat for s in on]
    assert beats[0] == sequel.graph.episodes[n - 1].entry and all(sequel.graph.beat(b).episode == n for b in beats)
    assert sequel.graph.endings and sequel.graph.extension_points  # and it can go on again
    # only from an ending of the last episode
    from dreamreel.errors import BadInputError

    with pytest.raises(BadInputError, match="cannot go on"):
        continue_story(story, next(e.id for e in story.graph.endings if e.episode == 1))
    with pytest.raises(BadInputError, match="no ending"):
        continue_story(story, "nope")


def test_watching_again_the_director_prefers_what_was_not_seen(story):
    from dreamreel.director.drama import Seen

    fresh = DramaManager(story)
    first = Walk(story, "first", variant=lambda b: fresh.variant(b, None))
    steps = list(first)
    seen = Seen()
    seen.add(story, steps)
    again = DramaManager(story, seen=seen)
    told = [(s.variant, again.variant(story.graph.beat(s.beat), None)) for s in steps
            if story.graph.beat(s.beat).variants]
    # the second viewing tells most beats another way than the first did
    assert sum(a != b for a, b in told) >= len(told) // 2, told
    assert any(i.kind == "variety" and "seen" in i.why for i in again.log)
    # at a choice left to run out: a branch not taken before, if one is about as tense
    from dreamreel.director.drama import VARIETY_SLACK

    walk = Walk(story)
    for step in (s for s in steps if s.option is not None):
        beat = story.graph.beat(step.beat)
        offered = beat.choice.options
        nxt = {o.id: walk.target(beat, o) for o in offered}
        picked = again.option(beat, offered, None, nxt)
        close = [o for o in offered if o.id != step.option
                 and abs(nxt[o.id].tension - nxt[step.option].tension) <= VARIETY_SLACK / 2]
        if close:
            assert picked.id != step.option, (beat.id, picked.id)


def test_webcam_attention_finds_a_face_and_refuses_bad_frames():
    import base64
    import io

    import matplotlib.cbook
    import numpy as np
    from PIL import Image

    from dreamreel.director.attention import Attention
    from dreamreel.errors import BadInputError

    def frame(im, fmt="JPEG"):
        out = io.BytesIO()
        im.save(out, fmt)
        return base64.b64encode(out.getvalue()).decode()

    att = Attention()
    # a real portrait (Grace Hopper, public domain), as small and grey as the player sends it
    portrait = Image.open(matplotlib.cbook.get_sample_data("grace_hopper.jpg", asfileobj=False)).convert("L")
    assert att.face(frame(portrait.resize((96, 112))))
    assert not att.face(frame(Image.fromarray(np.full((72, 96), 120, np.uint8))))  # an empty room
    e = Engagement()
    for k in range(5):  # five seconds with nobody at the screen
        e.observe("webcam", k, {"face": False}, k)
    assert e.estimate.level == "bored" and "looked away" in e.estimate.why
    for bad, why in (("%%%", "base64"), (base64.b64encode(b"GIF89a" + bytes(40)).decode(), "JPEG or PNG"),
                     (frame(Image.fromarray(np.zeros((1000, 20), np.uint8)), "PNG"), "pixels a side"),
                     ("A" * 20_000, "at most")):
        with pytest.raises(BadInputError, match=why):
            att.face(bad)


def test_leaving_the_tab_reads_by_what_was_playing(story):
    # (issue 14) Another tab says something is wrong, not which way: in a beat tenser than the
    # viewer's last ones it reads as too much, in a calmer one as too little; a skip stays restless.
    by_tension = sorted(story.graph.beats, key=lambda b: b.tension)
    calm, tense = by_tension[:3], by_tension[-3:]

    def played(beats):
        dm = DramaManager(story)
        e = Engagement()
        e.context = dm.contrast
        for k, b in enumerate(beats):
            dm.variant(b, None, at_s=15.0 * k)
            dm.pacing(b, None, at_s=15.0 * k)
        return dm, e

    dm, rising = played(calm + tense[-1:])
    assert dm.contrast(50.0) > 0.1 and dm.contrast(5.0) is None  # (the first beat has nothing before it)
    for at in (50.0, 52.0):
        rising.observe("hidden", at, {}, at)
    assert rising.estimate.level == "overwhelmed"
    dm, falling = played(tense + calm[:1])
    assert dm.contrast(50.0) < -0.1
    for at in (50.0, 52.0):
        falling.observe("hidden", at, {}, at)
    assert falling.estimate.level == "bored"
    dm, skipped = played(calm + tense[-1:])
    skipped.observe("skip", 50.0, {"wanted_s": 5}, 50.0)
    assert skipped.estimate.level == "bored"


def test_a_viewer_whose_only_signs_are_choices_let_run_out_gets_the_static_film(story):
    # (issue 14, engagement.RELIABILITY) A choice let run out says something is wrong, not which
    # way: on the in-house viewers it points neither way (bench/sign_reliability.py). A viewer
    # whose player sends nothing and who lets every countdown run out is told, beat for beat,
    # the film the static schedule makes, though the reading turns restless.
    from dreamreel.director import engagement
    from dreamreel.director.harness import watch

    class Passive:
        gone = False

        def __init__(self):
            self.seen = []

        def see(self, played):
            self.seen.append((played.id, played.telling, played.pacing, played.look.name, played.score.pulse))
            return []

        def choose(self, offer):
            return None, offer.timeout_s

    def film(policy):
        v = Passive()
        viewing = watch(story, v, policy, seed=1)
        return v.seen, [c.option for c in viewing.choices], viewing

    static, options, _ = film("static")
    adaptive, adaptive_options, viewing = film("adaptive")
    assert len(options) >= 2 and (adaptive, adaptive_options) == (static, options)
    assert not [i for i in viewing.interventions if i.kind in ("escalate", "calm", "pace", "palette", "pulse")]
    # (each let run out is still heard: the reading turns restless, it only moves nothing)
    e = Engagement()
    for k in range(3):
        e.observe("choice", 10.0 * k, {"choice": "c", "option": "a", "by": "timeout", "latency_ms": 10000}, 10.0 * k)
    assert e.estimate.level == "bored" and e.estimate.support == 0.0
    assert engagement.RELIABILITY["choice+"] == 0.0
