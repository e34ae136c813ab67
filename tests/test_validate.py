"""The story validator and the content scanner, on hand-built stories and on random ones."""

import copy
import json
import random
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dreamreel.model import ContentFlag, Profile, Story
from dreamreel.model.state import UnsetVariable, alive_var, apply, holds, initial_state
from dreamreel.narrative import rating
from dreamreel.narrative.validate import CODES, Report, _Checker, validate

import graphs

FAST = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


# -- the valid stories --------------------------------------------------------------------------

def test_valid_story_has_no_problems() -> None:
    report = validate(graphs.valid_story())
    assert report.problems == [], report.text()
    assert report.ok and report.complete
    assert (report.beats, report.reachable_beats) == (12, 12)
    assert (report.endings, report.endings_reachable) == (3, 3)
    # trust -> talk, trust -> fight, search -> fight.
    assert report.paths == 3


def test_big_story_is_valid() -> None:
    # Speed is measured by bench/narrative.py, not here.
    story = graphs.big_story(episodes=3, fillers=2)
    assert 35 <= len(story.graph.beats) <= 45 and len(story.graph.episodes) == 3
    report = validate(story)
    assert report.ok and report.problems == [], report.text()
    assert report.reachable_beats == report.beats


# -- one defect at a time -------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(graphs.DEFECTS))
def test_each_defect_is_found_at_its_beat(name: str) -> None:
    build, code, beat = graphs.DEFECTS[name]
    report = validate(build())
    found = report.find(code, beat)
    assert found, f"{name}: expected {code} at {beat}\n{report.text()}"
    assert all(p.severity == CODES[code] for p in found)
    assert report.ok == (CODES[code] == "warning" and report.errors == 0)
    assert beat in report.text()


def test_read_before_set_names_the_variable() -> None:
    report = validate(graphs.DEFECTS["read_before_set"][0]())
    [problem] = report.find("read_before_set")
    assert "motive" in problem.message and problem.beat == "e2_doubt"


def test_dead_character_names_the_character() -> None:
    [problem] = validate(graphs.DEFECTS["dead_character"][0]()).find("dead_character")
    assert "bo" in problem.message and "alive_bo" in problem.message


def test_rating_names_flag_level_and_word() -> None:
    [problem] = validate(graphs.DEFECTS["rating_text"][0]()).find("rating")
    assert "violence level 3" in problem.message and "massacre" in problem.message and "PG-13" in problem.message


def test_a_declared_unset_variable_that_is_set_before_it_is_read_is_fine() -> None:
    # "suspect" starts unset and is set by both episode-1 options before episode 2 reads it.
    story = graphs.valid_story()
    assert next(v for v in story.graph.variables if v.name == "suspect").initial is None
    assert not validate(story).find("read_before_set")


def test_a_declared_variable_never_read_is_fine() -> None:
    data = graphs.story_data()
    data["graph"]["variables"].append({"name": "unused", "type": "int", "initial": 3})
    assert validate(graphs.build(data)).problems == []


def test_death_in_the_beat_itself_is_allowed() -> None:
    # bo appears (and speaks in the intense variant) in e2_fight, the beat whose effects kill him.
    report = validate(graphs.valid_story())
    assert not report.find("dead_character")


def test_too_large_graph_is_a_warning_not_a_crash() -> None:
    report = validate(graphs.too_large_story(), max_states=500)
    assert report.find("too_large") and not report.complete
    assert report.states == 500 and report.ok
    # Without a full exploration, nothing is claimed unreachable.
    assert not report.find("unreachable_beat") and report.paths is None


def test_episode_without_an_ending_is_reported() -> None:
    data = graphs.story_data()
    end = graphs.find_beat(data, "e1_end")
    del end["ending"]
    end["next"] = [{"target": "e1_open"}]
    data["graph"]["endings"] = data["graph"]["endings"][1:]
    report = validate(graphs.build(data))
    assert report.find("episode_without_ending", "e1_open")
    assert report.find("inescapable_loop")
    assert report.find("episode_unreachable", "e2_open")
    assert report.endings_reachable == 0


def test_entry_in_the_wrong_episode_is_reported() -> None:
    data = graphs.story_data()
    data["graph"]["episodes"][1]["entry"] = "e1_trust"
    report = validate(graphs.build(data))
    assert report.find("entry_wrong_episode", "e1_trust")
    assert report.find("unreachable_beat", "e2_open")


def test_profile_limits_and_avoided_themes() -> None:
    story = graphs.valid_story()
    assert validate(story, profile=Profile()).problems == []
    strict = Profile(rating_ceiling="PG", avoid=["guns", "rain"])
    report = validate(story, profile=strict)
    # "gun" is moderate violence (2); PG allows 1.
    assert any("violence level 2" in p.message for p in report.find("rating", "e2_confront"))
    assert report.find("avoided_theme", "e2_confront") and report.find("avoided_theme", "e1_open")
    limited = validate(story, profile=Profile(content_limits={ContentFlag.violence: 1}))
    assert limited.find("rating", "e2_confront") and not limited.ok


def test_report_summary_text_and_json() -> None:
    report = validate(graphs.DEFECTS["dead_end"][0]())
    summary = report.summary()
    assert "\n" not in summary and summary.startswith("story glass_key: 12 beats")
    assert summary.endswith(f"FAILED ({report.errors} errors, {report.warnings} warnings)")
    text = report.text().splitlines()
    assert len(text) == len(report.problems) + 1 and text[-1] == summary
    assert any("dead_end" in ln and "e1_search" in ln for ln in text)
    dumped = json.loads(report.model_dump_json())
    assert dumped["ok"] is False and dumped["errors"] == report.errors >= 1
    assert Report.model_validate(dumped) == report
    assert validate(graphs.valid_story()).summary().endswith("paths: 3; OK (0 errors, 0 warnings)")


def test_problems_are_sorted_errors_first() -> None:
    report = validate(graphs.DEFECTS["bad_effect"][0]())
    severities = [p.severity for p in report.problems]
    assert severities == sorted(severities, key=["error", "warning"].index)


def test_validate_does_not_change_the_story() -> None:
    story = graphs.DEFECTS["inescapable_loop"][0]()
    before = story.model_dump()
    validate(story)
    assert story.model_dump() == before


# -- random defects injected into random valid stories ------------------------------------------

@st.composite
def base_stories(draw: st.DrawFn) -> dict[str, Any]:
    if draw(st.booleans()):
        return graphs.story_data()
    return graphs.big_story_data(episodes=draw(st.integers(1, 3)), fillers=draw(st.integers(0, 3)),
                                 seed=draw(st.integers(0, 10_000)))


@FAST
@given(data=base_stories(), defect=st.sampled_from(sorted(graphs.INJECTORS)), pick=st.integers(0, 10_000))
def test_injected_defects_are_detected(data: dict[str, Any], defect: str, pick: int) -> None:
    assert validate(graphs.build(data)).ok
    candidates = [b["id"] for b in data["graph"]["beats"] if not b.get("ending")]
    beat = candidates[pick % len(candidates)]
    story, code, at = graphs.inject(data, defect, beat)
    report = validate(story)
    assert any(p.code == code and p.beat in at for p in report.problems), (
        f"{defect} at {beat}: expected {code} at {at}\n{report.text()}")
    assert not report.ok


# -- random structurally valid stories: never a crash, and agreement with a plain player --------

VARS = [("v_flag", "bool"), ("v_count", "int"), ("v_word", "str")]
CAST = ["ada", "bo", "cy", "dee"]


TYPES = dict(VARS) | {"alive_bo": "bool"}
NAMES = [*TYPES, "v_undeclared"]


def _values() -> st.SearchStrategy[Any]:
    return st.one_of(st.booleans(), st.integers(-2, 3), st.sampled_from(["x", "y"]))


def _value_for(draw: st.DrawFn, var: str, tame: bool) -> Any:
    """A value of the variable's own type when tame (so play goes on); else sometimes any value."""
    kind = TYPES.get(var)
    if kind is None or (not tame and draw(st.integers(0, 4)) == 0):
        return draw(_values())
    return draw({"bool": st.booleans(), "int": st.integers(-1, 3), "str": st.sampled_from(["x", "y"])}[kind])


def _var(draw: st.DrawFn, tame: bool) -> str:
    return draw(st.sampled_from(list(TYPES) if tame else NAMES))


def _clause(draw: st.DrawFn, tame: bool) -> dict[str, Any]:
    var = _var(draw, tame)
    ops = ["==", "!="] if tame and TYPES[var] == "bool" else ["==", "!=", "<", ">="]
    return {"var": var, "value": _value_for(draw, var, tame), "op": draw(st.sampled_from(ops))}


def _conditions(draw: st.DrawFn, tame: bool) -> dict[str, Any] | None:
    if draw(st.integers(0, 2)) == 0:
        return None
    return {"all_of": [_clause(draw, tame) for _ in range(draw(st.integers(0, 2)))],
            "any_of": [_clause(draw, tame) for _ in range(draw(st.integers(0, 2)))]}


def _effects(draw: st.DrawFn, tame: bool) -> list[dict[str, Any]]:
    out = []
    for _ in range(draw(st.integers(0, 2))):
        var = _var(draw, tame)
        if TYPES.get(var) == "int":
            op = draw(st.sampled_from(["set", "add"]))
        else:
            op = "set" if tame else draw(st.sampled_from(["set", "set", "add"]))
        out.append({"var": var, "op": op, "value": _value_for(draw, var, tame)})
    return out


@st.composite
def random_stories(draw: st.DrawFn) -> Story:
    """Any structurally valid story: random targets, conditions, effects, endings and cast.

    Half are "tame" (declared, well-typed variables; episodes in order; targets within the
    episode), so that play goes deep; the rest are anything the model accepts.
    """
    tame = draw(st.booleans())
    n_eps = draw(st.integers(1, 3))
    n_beats = draw(st.integers(n_eps if tame else 1, 15))
    beat_ids = [f"b{i}" for i in range(n_beats)]
    group_ids = [f"g{i}" for i in range(draw(st.integers(0, 2)))]
    episode_of = {bid: 1 + i * n_eps // n_beats if tame else draw(st.integers(1, n_eps))
                  for i, bid in enumerate(beat_ids)}
    entries = [next(b for b in beat_ids if episode_of[b] == k) if tame else draw(st.sampled_from(beat_ids))
               for k in range(1, n_eps + 1)]
    variables = []
    for name, vtype in [*VARS, ("alive_bo", "bool")]:
        if tame or draw(st.booleans()):
            initial = draw(st.one_of(st.none(), _values()) if not tame else
                           st.sampled_from([None, {"bool": True, "int": 0, "str": "x"}[vtype]]))
            if name == "alive_bo":
                initial = True
            variables.append({"name": name, "type": vtype, **({} if initial is None else {"initial": initial})})
    beats, endings = [], []
    for i, bid in enumerate(beat_ids):
        episode = episode_of[bid]
        same = [b for b in beat_ids if episode_of[b] == episode] + group_ids
        targets = st.sampled_from(same if tame else beat_ids + group_ids)
        chars = draw(st.lists(st.sampled_from(CAST), unique=True, max_size=3))
        lines = [{"speaker": draw(st.sampled_from(CAST)), "text": draw(st.sampled_from(
            ["Hello.", "Damn it.", "He is dead.", "Shit!", "The massacre."]))}
            for _ in range(draw(st.integers(0, 2)))]
        b: dict[str, Any] = {"id": bid, "episode": episode, "title": bid, "role": "setup", "place": "office",
                             "characters": chars, "lines": lines, "effects": _effects(draw, tame),
                             "content": draw(st.dictionaries(st.sampled_from([f.value for f in ContentFlag]),
                                                             st.integers(0, 3), max_size=1))}
        kinds = ["ending", "choice", "choice", "next", "next", "next"] + ([] if tame else ["ending", "nothing"])
        kind = draw(st.sampled_from(kinds))
        if kind == "ending":
            b["ending"] = f"end{i}"
            endings.append({"id": f"end{i}", "episode": episode if tame else draw(st.sampled_from([episode, 1])),
                            "beat": bid, "title": "An end", "kind": "open"})
        elif kind == "choice":
            n = draw(st.integers(2, 4))
            options = [{"id": f"o{k}", "text": "Go", "target": draw(targets), "condition": _conditions(draw, tame),
                        "effects": _effects(draw, tame)} for k in range(n)]
            b["choice"] = {"id": f"c{i}", "prompt": "Well?", "options": options,
                           "default": f"o{draw(st.integers(0, n - 1))}"}
        elif kind == "next":
            b["next"] = [{"target": draw(targets), "condition": _conditions(draw, tame)}
                         for _ in range(draw(st.integers(1, 3)))]
        if draw(st.integers(0, 4)) == 0:
            b["variants"] = {"intense": {"lines": lines[:1], "narration": "A gunshot."}}
        beats.append(b)
    groups = [{"id": gid, "candidates": [{"target": draw(st.sampled_from(beat_ids + group_ids)),
                                          "condition": _conditions(draw, tame)}
                                         for _ in range(draw(st.integers(1, 3)))]} for gid in group_ids]
    if not tame and draw(st.booleans()) and endings:  # an Ending record no beat names
        endings.append({**endings[0], "id": "stray"})
    data = graphs.story_data()
    data["request"]["rating"] = draw(st.sampled_from(["G", "PG", "PG-13", "R"]))
    data["graph"] = {
        "variables": variables,
        "episodes": [{"number": k, "title": f"Part {k}", "entry": entries[k - 1]} for k in range(1, n_eps + 1)],
        "beats": beats, "groups": groups, "endings": endings,
        "extension_points": [{"id": "x", "beat": draw(st.sampled_from(beat_ids)), "hooks": ["more"]}]
        if draw(st.booleans()) else [],
    }
    return Story.model_validate(data)


class Play:
    """A plain player of model/story.py's rules, for checking the validator against."""

    def __init__(self, story: Story, picks: random.Random):
        self.g, self.picks = story.graph, picks
        self.seen: list[str] = []
        self.events: list[tuple[str, str]] = []  # (code the validator must report, beat)
        self.finished = False

    def test(self, cond: Any, state: dict[str, Any], at: str) -> bool:
        try:
            return holds(cond, state)
        except UnsetVariable as e:
            if any(v.name == e.var for v in self.g.variables):
                self.events.append(("read_before_set", at))
            return False

    def go(self, target: str, state: dict[str, Any], at: str, depth: int = 0) -> str | None:
        group = self.g.group(target)
        if group is None:
            return target
        if depth > len(self.g.groups):
            return None  # a cycle of groups: the validator's group_cycle
        for c in group.candidates:
            if self.test(c.condition, state, at):
                return self.go(c.target, state, at, depth + 1)
        self.events.append(("dead_end", at))
        return None

    def run(self, steps: int = 60) -> None:
        state = initial_state(self.g.variables)
        at: str | None = self.g.episodes[0].entry
        for _ in range(steps):
            if at is None:
                return
            b = self.g.beat(at)
            self.seen.append(at)
            for who in {*b.characters, *(ln.speaker for v in [b, *b.variants.values()] for ln in v.lines)}:
                if state.get(alive_var(who)) is False:
                    self.events.append(("dead_character", at))
            try:
                state = apply(b.effects, state)
            except TypeError:
                return
            if b.ending:
                if b.episode == len(self.g.episodes):
                    self.finished = True
                    return
                at = self.g.episodes[b.episode].entry
            elif b.choice:
                offered = [o for o in b.choice.options if self.test(o.condition, state, at)]
                if not offered:
                    self.events.append(("dead_end", at))
                    return
                o = self.picks.choice(offered)
                try:
                    state = apply(o.effects, state)
                except TypeError:
                    return
                at = self.go(o.target, state, at)
            else:
                edge = next((e for e in b.next if self.test(e.condition, state, at)), None)
                if edge is None:
                    self.events.append(("dead_end", at))
                    return
                at = self.go(edge.target, state, at)


def _check_invariants(story: Story, report: Report) -> None:
    ids = {b.id for b in story.graph.beats} | {g.id for g in story.graph.groups}
    for p in report.problems:
        assert CODES[p.code] == p.severity
        assert p.beat is None or p.beat in ids
    assert report.ok == (report.errors == 0)
    assert 0 <= report.reachable_beats <= report.beats == len(story.graph.beats)
    assert 0 <= report.endings_reachable <= report.endings
    assert report.text()


@settings(FAST, max_examples=150)
@given(story=random_stories(), seed=st.integers(0, 2**16))
def test_random_stories_never_crash_and_agree_with_a_player(story: Story, seed: int) -> None:
    report = validate(story, max_states=5_000)
    _check_invariants(story, report)
    play = Play(story, random.Random(seed))
    play.run()
    if not report.complete:
        return
    for beat in play.seen:
        assert not report.find("unreachable_beat", beat) and not report.find("unreachable_ending", beat)
    for code, beat in play.events:
        assert report.find(code, beat), f"player met {code} at {beat}\n{report.text()}"
    if play.finished:
        assert report.endings_reachable >= 1 or report.find("orphan_ending")


@settings(FAST, max_examples=150)
@given(story=random_stories())
def test_state_reductions_change_no_finding(story: Story) -> None:
    # Keeping only live variables and capping counters must find exactly what full states find.
    reduced = validate(story, max_states=5_000)
    full = _Checker(story, None, 5_000, reduce=False).run()
    assert reduced.states <= full.states or not full.complete
    if reduced.complete and full.complete:
        assert {(p.code, p.beat) for p in reduced.problems} == {(p.code, p.beat) for p in full.problems}
        assert (reduced.reachable_beats, reduced.endings_reachable) == (full.reachable_beats, full.endings_reachable)


def test_a_single_ending_beat_is_a_whole_story() -> None:
    data = graphs.story_data()
    b = graphs.find_beat(data, "e1_end")
    data["request"]["episodes"] = 1
    data["graph"].update(episodes=[{"number": 1, "title": "Only", "entry": "e1_end"}], beats=[b], groups=[],
                         endings=[data["graph"]["endings"][0]], extension_points=[])
    report = validate(graphs.build(data))
    assert report.ok and report.paths == 1 and report.states == 1


# -- the content scanner ---------------------------------------------------------------------------

def test_scan_finds_words_with_their_inflections_and_levels() -> None:
    assert rating.scan("He killed the guard.") == {ContentFlag.violence: 2}
    assert rating.scan("KILLING is wrong")[ContentFlag.violence] == 2
    assert rating.scan("a stabbing in the alley")[ContentFlag.violence] == 2
    assert rating.scan("They fought.")[ContentFlag.violence] == 1
    assert rating.scan("the massacre of the crew")[ContentFlag.violence] == 3
    assert rating.scan("Damn.")[ContentFlag.profanity] == 1
    assert rating.scan("You bastard.")[ContentFlag.profanity] == 2
    assert rating.scan("fucking hell")[ContentFlag.profanity] == 3
    assert rating.scan("a severed hand")[ContentFlag.gore] == 3
    assert rating.scan("blood on the floor")[ContentFlag.gore] == 1
    assert rating.scan("a glass of whiskey")[ContentFlag.drugs] == 1
    assert rating.scan("an opium den")[ContentFlag.drugs] == 2
    assert rating.scan("She screamed.")[ContentFlag.fear] == 1
    assert rating.scan("a demon in the well")[ContentFlag.fear] == 2
    assert rating.scan("they made love")[ContentFlag.sexual] == 2
    assert rating.scan("he was dying")[ContentFlag.violence] == 1


def test_scan_matches_whole_words_only() -> None:
    assert rating.scan("Her skill and his assessment, a classic bassist in a shell.") == {}
    assert rating.scan("Hello, Shelly; the assassin's skiller hellos") == {ContentFlag.violence: 2}
    assert rating.scan("") == {}


def test_a_kiss_is_level_zero_and_not_reported() -> None:
    assert rating.scan("A kiss on the cheek.") == {}
    assert [h.level for h in rating.find("A kiss on the cheek.")] == [0]


def test_avoid_hits_whole_words_and_simple_plurals() -> None:
    text = "Two spiders crawl over the Deep  Water of the bay; she fears flies."
    assert rating.avoid_hits(text, ["spider", "deep water", "fly", "drowning", "pier"]) == [
        "spider", "deep water", "fly"]
    assert rating.avoid_hits("a spider", ["spiders"]) == ["spiders"]
    assert rating.avoid_hits("spidery shapes", ["spider"]) == []


def test_within_reports_what_goes_over_the_ceiling() -> None:
    levels = {ContentFlag.violence: 2, ContentFlag.profanity: 1}
    assert rating.within(levels, "PG-13") == []
    assert rating.within(levels, "PG") == [(ContentFlag.violence, 2, 1)]
    assert rating.within(levels, "R", {ContentFlag.profanity: 0}) == [(ContentFlag.profanity, 1, 0)]
    assert rating.within(levels, "G") == [(ContentFlag.violence, 2, 1), (ContentFlag.profanity, 1, 0)]


@given(st.text(max_size=300))
def test_scan_never_crashes_and_stays_in_range(text: str) -> None:
    for flag, level in rating.scan(text).items():
        assert isinstance(flag, ContentFlag) and 1 <= level <= 3


def test_every_lexicon_word_is_found_by_itself() -> None:
    for flag, by_level in rating._LEXICON.items():
        for level, words in by_level.items():
            for word in rating._phrases(words):
                assert (flag, level) in {(h.flag, h.level) for h in rating.find(f"Then: {word}!")}, word


# Keep the helper module's data independent between tests.
def test_builders_return_fresh_copies() -> None:
    a = graphs.story_data()
    a["graph"]["beats"].clear()
    assert graphs.story_data()["graph"]["beats"] and copy.deepcopy(graphs.story_data()) == graphs.story_data()
