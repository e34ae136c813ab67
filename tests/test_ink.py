"""ink interchange with the real tools: inkle's compiler (inkjs) and an ink runtime (bink).

Export: every path of the exported ink, played in bink, offers the graph's options (given the
state), carries the graph's variables and reaches the graph's endings. Import: hand-written
ink becomes a story graph with speakers, choices and tags; bad files are refused with one
line; and export -> compile -> import plays like the original graph.
"""

import json
import os
import re
import shutil
from collections import deque
from pathlib import Path
from typing import Any

import pytest
from bink.story import Story as InkStory  # a real dependency: missing means failing, not skipping
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dreamreel.errors import BadInputError, MissingDependencyError
from dreamreel.model import (
    Beat, Bible, Character, Choice, Clause, Condition, Edge, Effect, Ending, Episode, Line, Option,
    Place, Request, SegmentGroup, Story, StoryGraph, StyleGuide, Variable, World,
)
from dreamreel.model.state import State, apply, holds, initial_state
from dreamreel.narrative.ink_export import escape, ink_names, to_ink
from dreamreel.narrative.ink_import import detect_speaker, from_compiled_ink, load_ink_file
from dreamreel.narrative.inkc import INSTALL_HINT, compile_ink

import graphs

needs_node = pytest.mark.skipif(shutil.which("node") is None,
                                reason="node (Node.js) is not installed: the ink compiler (inkjs) runs on it")
FAST = settings(deadline=None, max_examples=12, suppress_health_check=[HealthCheck.too_slow])

HOSTILE = ('-> END {x} [y] # tag // comment /* c */ <> TODO: fix | pipe \\ backslash "quote" '
           "~ x = 1 <- thread === knot = stitch (label) * + - $var `code` ''bold'' é 日本")


# -- a story that uses every feature the exporter has to translate ----------------------------

def _bible(extra: list[Character] = ()) -> Bible:
    return Bible(
        title="Rain -> {City} # 1", logline="A test.", genres=["noir"], tone="dark",
        world=World(name="City", era="1940s", description="Wet.", places=[
            Place(id="office", name="Office", kind="office", description="An office."),
            Place(id="street", name="Street", kind="city_street", description="A street.")]),
        cast=[Character(id="ada", name="Ada Vale", role="protagonist", archetype="detective", goal="g", conflict="c"),
              Character(id="bob", name="Dr. {Bob} #2", role="ally", archetype="sidekick", goal="g", conflict="c"),
              *extra],
        style=StyleGuide(look="noir", palette=["#000000", "#ffffff"], era="1940s"))


def _c(*all_of: tuple, any_of: tuple = ()) -> Condition:
    return Condition(all_of=[Clause(var=v, op=o, value=x) for v, o, x in all_of],
                     any_of=[Clause(var=v, op=o, value=x) for v, o, x in any_of])


def feature_story() -> Story:
    """Two episodes; a loop, a segment group, string ordering, an unset variable, hostile text."""
    beats = [
        Beat(id="start", episode=1, title="Start", role="setup", place="office", characters=["ada", "bob"],
             narration=HOSTILE + "\nVAR z = 1\n* not a choice", action="- gather? no.",
             lines=[Line(speaker="ada", text="# not a tag [[link]] {b}", emotion="angry"),
                    Line(speaker="bob", text="Fine -> END.")],
             effects=[Effect(var="trust", value=0), Effect(var="code", value="none")],
             choice=Choice(id="c1", prompt="What {now}?", default="trust", options=[
                 Option(id="trust", text='Say "-> END" {x}', target="hub",
                        effects=[Effect(var="trust", op="add", value=1), Effect(var="met", value=True)]),
                 Option(id="refuse", text="Refuse | [leave]", target="grp", effects=[Effect(var="mood", value="cold")]),
                 Option(id="secret", text="Secret", target="hub", condition=_c(("trust", ">=", 5))),
             ])),
        Beat(id="cold_room", episode=1, title="Cold", role="escalation", place="street", tension=0.8,
             narration="It is cold.", effects=[Effect(var="trust", op="add", value=-1)],
             next=[Edge(target="end1b", condition=_c(("mood", "<", "d"), ("trust", "<", -5))), Edge(target="hub")]),
        Beat(id="hub", episode=1, title="Hub", role="midpoint", place="office", tags=["beat:fake", "rainy"],
             choice=Choice(id="c2", prompt="Again?", default="go", options=[
                 Option(id="wait", text="Wait", target="hub", condition=_c(("trust", "<", 2)),
                        effects=[Effect(var="trust", op="add", value=1)]),
                 Option(id="go", text="Go", target="end1", effects=[Effect(var="code", value="x1")]),
                 Option(id="look", text="Look", target="end1b",
                        condition=_c(any_of=(("met", "==", True), ("mood", "==", "cold")))),
             ])),
        Beat(id="end1", episode=1, title="End one", role="crisis", place="street", narration="Night falls.",
             ending="e1"),
        Beat(id="end1b", episode=1, title="End one b", role="crisis", place="street", ending="e1b"),
        Beat(id="ep2_start", episode=2, title="Two", role="setup", place="office", narration="Morning.",
             next=[Edge(target="good", condition=_c(("met", "==", True), ("code", "!=", "zz"))), Edge(target="bad")]),
        Beat(id="good", episode=2, title="Good", role="resolution", place="office", narration="Win.", ending="e_good"),
        Beat(id="bad", episode=2, title="Bad", role="resolution", place="office", narration="Lose.", ending="e_bad"),
    ]
    graph = StoryGraph(
        variables=[Variable(name="trust", type="int", initial=0), Variable(name="met", type="bool", initial=False),
                   Variable(name="mood", type="str", initial="warm"), Variable(name="code", type="str")],
        episodes=[Episode(number=1, title="One", entry="start"), Episode(number=2, title="Two", entry="ep2_start")],
        beats=beats,
        groups=[SegmentGroup(id="grp", candidates=[Edge(target="cold_room", condition=_c(("mood", "==", "cold"))),
                                                   Edge(target="hub")])],
        endings=[Ending(id="e1", episode=1, beat="end1", title="E1", kind="open"),
                 Ending(id="e1b", episode=1, beat="end1b", title="E1b", kind="twist"),
                 Ending(id="e_good", episode=2, beat="good", title="Good", kind="triumph"),
                 Ending(id="e_bad", episode=2, beat="bad", title="Bad", kind="tragedy")])
    return Story(id="feature_story", seed=1, request=Request(prompt="noir"), bible=_bible(), graph=graph)


def reserved_names_story() -> Story:
    """Beat and variable ids that ink reserves or that clash with each other."""
    beats = [
        Beat(id="not", episode=1, title="Not", role="setup", place="office", narration="Start.",
             effects=[Effect(var="temp", value=3), Effect(var="list", value=True)],
             choice=Choice(id="c", prompt="Which?", default="else", options=[
                 Option(id="true", text="True", target="true", condition=_c(("temp", "==", 3), ("list", "==", 1))),
                 Option(id="else", text="Else", target="else", effects=[Effect(var="true_v", op="add", value=-2)])])),
        Beat(id="true", episode=1, title="True", role="resolution", place="office", narration="Yes.", ending="fin"),
        Beat(id="else", episode=1, title="Else", role="resolution", place="office", narration="No.", ending="fin2"),
    ]
    graph = StoryGraph(
        variables=[Variable(name="temp", type="int", initial=0), Variable(name="list", type="bool", initial=False),
                   Variable(name="true_v", type="int", initial=1)],
        episodes=[Episode(number=1, title="One", entry="not")], beats=beats,
        endings=[Ending(id="fin", episode=1, beat="true", title="Fin", kind="open"),
                 Ending(id="fin2", episode=1, beat="else", title="Fin 2", kind="open")])
    return Story(id="reserved", seed=1, request=Request(prompt="x"), bible=_bible(), graph=graph)


# -- playing a graph by its documented rules (model/story.py) --------------------------------

def advance(graph: StoryGraph, node: str, state: State, limit: int = 500) -> tuple[list[str], State, tuple]:
    """Enter ``node``; play until a choice or the end. Returns (beats entered, state, stop)."""
    entered: list[str] = []
    for _ in range(limit):
        group = graph.group(node)
        if group is not None:
            node = next(c.target for c in group.candidates if holds(c.condition, state))
            continue
        b = graph.beat(node)
        state = apply(b.effects, state)
        entered.append(b.id)
        if b.ending is not None:
            if b.episode < len(graph.episodes):
                node = graph.episodes[b.episode].entry
                continue
            return entered, state, ("end", b)
        if b.choice is not None:
            return entered, state, ("choice", b)
        edge = next((e for e in b.next if holds(e.condition, state)), None)
        assert edge is not None, f"graph dead end at {b.id}"
        node = edge.target
    raise AssertionError("the graph runs without a choice")


def offered(b: Beat, state: State) -> list[Option]:
    return [o for o in b.choice.options if holds(o.condition, state)]


def frozen(state: State) -> tuple:
    return tuple(sorted((k, type(v).__name__, v) for k, v in state.items()))


def norm(text: str) -> str:
    return " ".join(text.split())


def ink_play(ink: InkStory) -> list[tuple[str, list[str]]]:
    out = []
    while ink.can_continue():
        text = ink.cont()
        out.append((text.strip(), list(ink.get_current_tags())))
    return out


def tag_values(lines: list[tuple[str, list[str]]], key: str) -> list[str]:
    return [t.split(":", 1)[1] for _, tags in lines for t in tags if t.split(":", 1)[0] == key]


def compiled(story: Story) -> dict:
    return compile_ink(to_ink(story))


def check_ink_plays_like_graph(story: Story, max_points: int = 600) -> dict[str, Any]:
    """Walk every path of the graph and of its ink in lockstep; returns what was covered."""
    graph = story.graph
    names = ink_names(graph)
    ink = InkStory(json.dumps(compiled(story)))
    endings_graph: set[str] = set()
    endings_ink: set[str] = set()

    def compare(lines, entered: list[str], state: State, stop: tuple, where: str) -> None:
        assert tag_values(lines, "beat") == entered, where
        endings_graph.update(graph.beat(b).ending for b in entered if graph.beat(b).ending)
        endings_ink.update(tag_values(lines, "ending"))
        for var, value in state.items():
            got = ink.get_variable(names.variables[var])
            assert (type(got), got) == (type(value), value), f"{where}: {var} is {got!r} in ink, {value!r} in the graph"
        if stop[0] == "end":
            assert not ink.can_continue() and len(ink.get_current_choices()) == 0, where
        else:
            want = [norm(o.text) for o in offered(stop[1], state)]
            assert list(ink.get_current_choices()) == want, f"{where}: choices at {stop[1].id}"

    entered, state, stop = advance(graph, graph.episodes[0].entry, initial_state(graph.variables))
    compare(ink_play(ink), entered, state, stop, "start")
    queue = deque([(ink.save_state(), state, stop, "start")])
    seen: set = set()
    points = 0
    while queue:
        saved, state, stop, where = queue.popleft()
        if stop[0] == "end" or (stop[1].id, frozen(state)) in seen:
            continue
        seen.add((stop[1].id, frozen(state)))
        points += 1
        assert points <= max_points, "more choice points than expected"
        for i, o in enumerate(offered(stop[1], state)):
            ink.load_state(saved)
            ink.choose_choice_index(i)
            lines = ink_play(ink)
            entered, after, nxt = advance(graph, o.target, apply(o.effects, state))
            here = f"{where} > {o.id}"
            compare(lines, entered, after, nxt, here)
            queue.append((ink.save_state(), after, nxt, here))
    return {"endings_graph": endings_graph, "endings_ink": endings_ink, "points": points}


# -- export ----------------------------------------------------------------------------------

@needs_node
@pytest.mark.parametrize("make", [feature_story, graphs.valid_story, graphs.big_story, reserved_names_story],
                         ids=["features", "valid", "big", "reserved-names"])
def test_exported_ink_plays_every_path_like_the_graph(make) -> None:
    story = make()
    covered = check_ink_plays_like_graph(story)
    assert covered["endings_ink"] == covered["endings_graph"] == {e.id for e in story.graph.endings}
    assert covered["points"] >= 1


@needs_node
def test_exported_ink_shows_text_literally_and_tags_speakers() -> None:
    story = feature_story()
    ink = InkStory(json.dumps(compiled(story)))
    lines = ink_play(ink)
    texts = [t for t, _ in lines]
    assert texts[0] == norm(HOSTILE)
    assert texts[1:4] == ["VAR z = 1", "* not a choice", "- gather? no."]
    assert texts[4] == "Ada Vale: # not a tag [[link]] {b}"
    assert texts[5] == "Dr. {Bob} #2: Fine -> END."
    assert texts[6] == "What {now}?"
    tags = dict(lines)
    assert {"speaker:ada", "emotion:angry"} <= set(tags["Ada Vale: # not a tag [[link]] {b}"])
    assert "action" in tags["- gather? no."]
    first = set(lines[0][1])
    assert {"beat:start", "episode:1", "place:office", "tension:0.5", "episode_title:One"} <= first
    assert list(ink.get_global_tags()) == ["title: Rain -> {City} # 1", "story:feature_story"]
    choices = ink.get_current_choices()
    assert list(choices) == ['Say "-> END" {x}', "Refuse | [leave]"]
    assert list(choices.get_tags(0)) == ["option:trust", "default"]


@needs_node
@FAST
@given(st.lists(st.lists(st.sampled_from([
    "->", "<-", "<>", "{", "}", "[", "]", "|", "#", "//", "/*", "*/", "~", "*", "+", "-", "=", "===", "(",
    ")", "\\", '"', "'", "TODO:", "VAR", "CONST", "LIST", "INCLUDE", "EXTERNAL", "x", "Ada:", "END", "DONE",
    "$", "`", "^", "&", " ", "\t", "é", "日本", "{x}", "-> END", ":", "todo", "->->", "<<", ">>"]),
    min_size=1, max_size=12).map("".join).filter(lambda s: s.strip()), min_size=2, max_size=8))
def test_any_text_stays_literal_in_ink(texts: list[str]) -> None:
    bible = _bible()
    opts = [Option(id=f"o{i}", text=t[:200], target="fin") for i, t in enumerate(texts[:4])]
    beats = [
        Beat(id="only", episode=1, title="Only", role="setup", place="office", narration="\n".join(texts),
             lines=[Line(speaker="ada", text=t) for t in texts],
             choice=Choice(id="c", prompt=texts[0][:200], options=opts, default="o0")),
        Beat(id="fin", episode=1, title="Fin", role="resolution", place="office", narration=texts[-1], ending="e"),
    ]
    story = Story(id="fuzz", seed=0, request=Request(prompt="x"), bible=bible, graph=StoryGraph(
        episodes=[Episode(number=1, title="One", entry="only")], beats=beats,
        endings=[Ending(id="e", episode=1, beat="fin", title="E", kind="open")]))
    ink = InkStory(json.dumps(compiled(story)))
    shown = [t for t, _ in ink_play(ink)]
    want = [norm(t) for t in texts] + [f"Ada Vale: {norm(t)}" for t in texts] + [norm(texts[0][:200])]
    assert shown == want
    assert list(ink.get_current_choices()) == [norm(o.text) for o in opts]


def test_escape_marks_every_ink_token() -> None:
    assert escape("a -> b") == "a \\-> b"
    assert escape("TODO: x") == "\\TODO: x"
    assert escape("{x} [y] | # z") == "\\{x\\} \\[y\\] \\| \\# z"
    assert escape('say "hi"', in_string=True) == 'say \\"hi\\"'
    assert escape("well-known") == "well-known"  # a plain hyphen needs nothing


@needs_node
def test_reserved_and_clashing_names_are_renamed_for_ink() -> None:
    names = ink_names(reserved_names_story().graph)
    assert names.knots["not"] != "not" and names.knots["true"] != "true" and names.knots["else"] != "else"
    assert names.variables["temp"] != "temp" and names.variables["list"] != "list"
    assert len(set(names.knots.values()) | set(names.variables.values())) == len(names.knots) + len(names.variables)


# -- the compiler ----------------------------------------------------------------------------

@needs_node
def test_compile_error_is_one_line_naming_the_line() -> None:
    with pytest.raises(BadInputError) as err:
        compile_ink("-> start\n=== start ===\n{ unclosed\n")
    assert "line 3" in str(err.value) and "\n" not in str(err.value)


def test_missing_compiler_names_the_install_command(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("INKJS_COMPILER", str(tmp_path / "nowhere.js"))
    if shutil.which("node") is None:
        with pytest.raises(MissingDependencyError):
            compile_ink("Hello.\n")
        return
    with pytest.raises(MissingDependencyError) as err:
        compile_ink("Hello.\n")
    assert INSTALL_HINT in str(err.value) and INSTALL_HINT == "npm install inkjs@2.4.0 --save-exact"


def test_missing_node_says_so(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(MissingDependencyError) as err:
        compile_ink("Hello.\n")
    assert "node" in str(err.value)


# -- import ------------------------------------------------------------------------------------

LIGHTHOUSE = """\
# title: The Lighthouse
# author: test
VAR lamp_lit = false
VAR visits = 0
VAR keeper = "nobody"
-> shore
=== shore ===
~ visits = visits + 1
The wind howls over the rocks. # mood:storm
Mara: We should go inside.
"Not yet," said Tomas.
* [Light the lamp # risky]
  ~ lamp_lit = true
  ~ keeper = "Mara"
  Mara: There. Light. # emotion:happy
  -> tower
+ {visits < 3} [Wait]
  -> shore
* {not lamp_lit} [Leave] -> END
=== tower ===
The lamp burns. # place:tower
"Ships are turning," Tomas whispered.
+ [Go down] -> END
+ [Look out]
   Ships turn away from the rocks.
   -> END
"""


@needs_node
def test_import_hand_written_ink() -> None:
    story = from_compiled_ink(compile_ink(LIGHTHOUSE))
    g = story.graph
    assert story.bible.title == "The Lighthouse"
    assert {(c.id, c.name) for c in story.bible.cast} == {("mara", "Mara"), ("tomas", "Tomas")}
    first = g.beat(g.episodes[0].entry)
    assert first.narration == "The wind howls over the rocks."
    assert [(ln.speaker, ln.text) for ln in first.lines] == [("mara", "We should go inside."), ("tomas", "Not yet.")]
    assert first.tags == ["mood:storm"]
    assert set(first.characters) == {"mara", "tomas"}
    assert [o.text for o in first.choice.options] == ["Light the lamp", "Wait", "Leave"]
    assert first.choice.options[0].tags == ["risky"]
    assert first.effects == [Effect(var="visits", op="add", value=1)]
    tower = g.beat(first.choice.options[0].target)
    assert tower.place == "tower" and "tower" in {p.id for p in story.bible.world.places}
    assert [(ln.speaker, ln.text, ln.emotion) for ln in tower.lines] == [
        ("mara", "There. Light.", "happy"), ("tomas", "Ships are turning.", "neutral")]
    assert {(e.var, e.value) for e in tower.effects} == {("lamp_lit", True), ("keeper", "Mara")}
    assert [o.text for o in tower.choice.options] == ["Go down", "Look out"]
    # The wait loop: visits counts up, and the Wait option goes once visits reaches 3.
    third = g.beat(g.beat(first.choice.options[1].target).choice.options[1].target)
    assert [o.text for o in third.choice.options] == ["Light the lamp", "Leave"]
    assert {(v.name, v.type, v.initial) for v in g.variables} == {
        ("lamp_lit", "bool", False), ("visits", "int", 0), ("keeper", "str", "nobody")}
    ending_beats = {e.beat for e in g.endings}
    assert all(g.beat(b).ending for b in ending_beats) and len(g.endings) == 2
    assert all(e.kind == "open" for e in g.endings)
    assert "ink_import_notes" not in story.generator
    Story.model_validate(story.model_dump())  # the result is a valid story file


def test_speaker_patterns() -> None:
    assert detect_speaker("Captain Reyes: Hold the line!") == ("Captain Reyes", "Hold the line!")
    assert detect_speaker('"Run," said Ada.') == ("Ada", "Run.")
    assert detect_speaker('"Why?" asked Dr. Moore.') == ("Dr. Moore", "Why?")
    assert detect_speaker('"Later," Bo muttered.') == ("Bo", "Later.")
    assert detect_speaker("Note: the door is locked.") is None
    assert detect_speaker("The time was 10: too late.") is None
    assert detect_speaker("she said: go") is None


@pytest.mark.parametrize("data,words", [
    ({"foo": 1}, "no inkVersion"),
    ("not json at all", "is not JSON"),
    ([1, 2], "expected a JSON object"),
    ({"inkVersion": 19, "root": [["^hi", "\n", "done", None], "done", None], "listDefs": {}}, "inkVersion 19"),
    ({"inkVersion": 22, "root": [], "listDefs": {}}, "newer"),
    ({"inkVersion": "21", "root": []}, "whole number"),
    ({"inkVersion": 21, "root": 5, "listDefs": {}}, "'root' must be a list"),
    ({"inkVersion": 21, "root": [[{"->": "nowhere"}], "done", None], "listDefs": {}}, "cannot load"),
])
def test_bad_files_are_refused_with_one_line(data: Any, words: str) -> None:
    with pytest.raises(BadInputError) as err:
        from_compiled_ink(data if isinstance(data, (dict, str)) else json.dumps(data))
    assert words in str(err.value) and "\n" not in str(err.value)


def test_a_dreamreel_story_is_not_ink(tmp_path: Path) -> None:
    path = tmp_path / "story.json"
    path.write_text(graphs.valid_story().model_dump_json())
    with pytest.raises(BadInputError) as err:
        load_ink_file(path)
    assert "dreamreel story, not ink" in str(err.value)


@needs_node
def test_import_is_bounded(tmp_path: Path) -> None:
    counter = "VAR n = 0\n-> hub\n=== hub ===\nCount {n}.\n+ [More]\n  ~ n = n + 1\n  -> hub\n+ [Stop] -> END\n"
    story = from_compiled_ink(compile_ink(counter), max_states=20)
    assert "more than 20 distinct states" in story.generator["ink_import_notes"]
    assert len(story.graph.beats) <= 50
    assert any(e.title == "Import stopped here" for e in story.graph.endings)
    # A loop that never prints and never offers a choice cannot hang the import.
    spin = "-> a\n=== a ===\n-> b\n=== b ===\n-> a\n"
    with pytest.raises(BadInputError) as err:
        from_compiled_ink(compile_ink(spin))
    assert "without finishing a line" in str(err.value)
    # Nor can a string that grows without end exhaust memory.
    grow = 'VAR s = "abcdefgh"\n-> g\n=== g ===\n~ s = s + s + s + s + s + s + s + s\n-> g\n'
    with pytest.raises(BadInputError) as err:
        from_compiled_ink(compile_ink(grow))
    assert "out of memory" in str(err.value) or "without finishing a line" in str(err.value)


@needs_node
def test_loose_end_reads_as_an_ending() -> None:
    story = from_compiled_ink(compile_ink("-> a\n=== a ===\nHello.\n+ [On] Onward.\n"))
    assert len(story.graph.endings) == 1
    assert "runs out of content" in story.generator["ink_import_notes"]


@needs_node
def test_many_choices_fold_behind_more(tmp_path: Path) -> None:
    src = "Pick.\n" + "".join(f"+ [Door {i}] Door {i} opens. -> END\n" for i in range(1, 8))
    story = from_compiled_ink(compile_ink(src))
    first = story.graph.beat(story.graph.episodes[0].entry)
    texts = [o.text for o in first.choice.options]
    assert texts[:3] == ["Door 1", "Door 2", "Door 3"] and texts[3] == "More choices…"
    more = story.graph.beat(first.choice.options[3].target)
    assert [o.text for o in more.choice.options] == ["Door 4", "Door 5", "Door 6", "Door 7"]


@needs_node
def test_load_ink_file_reads_source_and_compiled(tmp_path: Path) -> None:
    src = tmp_path / "light.ink"
    src.write_text(LIGHTHOUSE, encoding="utf-8")
    out = tmp_path / "light.ink.json"
    node = shutil.which("node")
    from dreamreel.narrative.inkc import find_compiler
    import subprocess
    subprocess.run([node, str(find_compiler()), str(src), "-o", str(out)], check=True, capture_output=True)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # inkjs writes a byte order mark
    a, b = load_ink_file(src), load_ink_file(out)
    assert a.model_dump() == b.model_dump()
    assert load_ink_file(out, title="Mine").bible.title == "Mine"


# -- round trip --------------------------------------------------------------------------------

def origin(beat_id: str, originals: set[str]) -> str | None:
    """The original beat an imported beat stands for (``hub_3`` -> ``hub``); None for routing beats."""
    b = beat_id
    while b not in originals and re.search(r"_\d+$", b):
        b = re.sub(r"_\d+$", "", b)
    return b if b in originals else None


def settle(graph: StoryGraph, played: tuple) -> tuple:
    """Follow choices that offer a single option: ink shows them, and import reads them as plain edges."""
    entered, state, stop = played
    while stop[0] == "choice" and len(offered(stop[1], state)) == 1:
        o = offered(stop[1], state)[0]
        more, state, stop = advance(graph, o.target, apply(o.effects, state))
        entered = entered + more
    return entered, state, stop


def check_same_play(original: Story, imported: Story, max_points: int = 600) -> int:
    """Play both graphs in lockstep: same beats entered, same options, same variables, same endings."""
    og, ig = original.graph, imported.graph
    ids = {b.id for b in og.beats}
    shared = {v.name for v in og.variables} & {v.name for v in ig.variables}

    def content(entered: list[str]) -> list[str]:
        return [o for o in (origin(b, ids) for b in entered) if o is not None]

    def compare(a, b, where: str) -> None:
        (a_in, a_state, a_stop), (b_in, b_state, b_stop) = a, b
        assert content(b_in) == a_in, where
        for v in shared & set(a_state):
            assert (type(b_state[v]), b_state[v]) == (type(a_state[v]), a_state[v]), f"{where}: {v}"
        assert a_stop[0] == b_stop[0], where
        if a_stop[0] == "end":
            assert og.ending(a_stop[1].ending).kind == ig.ending(b_stop[1].ending).kind
            assert b_stop[1].ending == a_stop[1].ending or b_stop[1].ending.startswith(a_stop[1].ending + "_")
        else:
            assert [o.text for o in offered(b_stop[1], b_state)] == [norm(o.text) for o in offered(a_stop[1], a_state)]
            b_beat, a_beat = b_stop[1], a_stop[1]
            assert b_beat.choice.prompt == norm(a_beat.choice.prompt)
            assert b_beat.choice.default == a_beat.choice.default

    a = settle(og, advance(og, og.episodes[0].entry, initial_state(og.variables)))
    b = advance(ig, ig.episodes[0].entry, initial_state(ig.variables))
    compare(a, b, "start")
    queue = deque([(a, b, "start")])
    seen: set = set()
    while queue:
        a, b, where = queue.popleft()
        if a[2][0] == "end" or (a[2][1].id, frozen(a[1]), b[2][1].id) in seen:
            continue
        seen.add((a[2][1].id, frozen(a[1]), b[2][1].id))
        assert len(seen) <= max_points
        a_opts, b_opts = offered(a[2][1], a[1]), offered(b[2][1], b[1])
        for ao, bo in zip(a_opts, b_opts):
            a2 = settle(og, advance(og, ao.target, apply(ao.effects, a[1])))
            b2 = advance(ig, bo.target, apply(bo.effects, b[1]))
            compare(a2, b2, f"{where} > {ao.id}")
            queue.append((a2, b2, f"{where} > {ao.id}"))
    return len(seen)


@needs_node
@pytest.mark.parametrize("make", [feature_story, graphs.valid_story, graphs.big_story],
                         ids=["features", "valid", "big"])
def test_export_compile_import_plays_like_the_original(make) -> None:
    original = make()
    imported = from_compiled_ink(compiled(original))
    assert check_same_play(original, imported) >= 1
    assert imported.bible.title == original.bible.title
    assert len(imported.graph.episodes) == len(original.graph.episodes)
    assert [e.title for e in imported.graph.episodes] == [e.title for e in original.graph.episodes]
    # Beats keep their ids, text, speakers and tags.
    for b in original.graph.beats:
        if b.id not in {x.id for x in imported.graph.beats}:
            continue
        got = imported.graph.beat(b.id)
        assert got.narration == "\n".join(norm(p) for p in b.narration.splitlines() if p.strip())
        assert [(ln.speaker, ln.text, ln.emotion) for ln in got.lines] == [
            (ln.speaker, norm(ln.text), ln.emotion) for ln in b.lines]
        assert (got.title, got.role, got.place, got.tension, got.tags) == (b.title, b.role, b.place, b.tension, b.tags)
        assert bool(got.ending) == bool(b.ending)
    names = {c.id: c.name for c in imported.bible.cast}
    for c in original.bible.cast:
        if c.id in names:
            assert names[c.id] == c.name


@needs_node
def test_round_trip_of_hostile_text() -> None:
    imported = from_compiled_ink(compiled(feature_story()))
    start = imported.graph.beat("start")
    assert start.narration.splitlines()[0] == norm(HOSTILE)
    assert start.action == "- gather? no."
    assert start.lines[1].text == "Fine -> END." and start.lines[1].speaker == "bob"
    assert imported.graph.beat("hub").tags == ["beat:fake", "rainy"]
    assert {e.kind for e in imported.graph.endings} == {"open", "twist", "triumph", "tragedy"}


@needs_node
def test_inkjs_is_the_pinned_version() -> None:
    from dreamreel.narrative.inkc import find_compiler

    package = json.loads((find_compiler().parents[1] / "package.json").read_text())
    assert package["version"] == "2.4.0"
    root = json.loads((Path(__file__).parents[1] / "package.json").read_text())
    assert root["dependencies"]["inkjs"] == "2.4.0"
    assert os.path.isfile(Path(__file__).parents[1] / "package-lock.json")
