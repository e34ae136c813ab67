"""Twee 3 export: a structural parse of the output (passage headers, StoryData, links).

Every beat is a passage, every link and (go-to:) names a passage, each beat links to exactly
the targets its options, edges or episode ending lead to, and text that Harlowe would read
as markup is inside verbatim markup.
"""

import json
import re

import pytest

from dreamreel.model import Story
from dreamreel.narrative.twee_export import ifid, string, text, to_twee

import graphs
from test_ink import HOSTILE, feature_story, reserved_names_story

_HEADER = re.compile(r"^:: (?P<name>(?:\\.|[^\\\[\]{}])+?)\s*(?:\[(?P<tags>[^\]]*)\])?\s*(?P<meta>\{.*\})?\s*$")
_VERBATIM = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_MACRO_TARGET = re.compile(r'\((?:go-to|link-goto):\s*(?:"(?:[^"\\]|\\.)*"\s*,\s*)?"((?:[^"\\]|\\.)*)"\)')
_LINK = re.compile(r"\[\[(.+?)\]\]")


def parse_twee(source: str) -> dict[str, dict]:
    """Passages by name: tags, metadata (parsed JSON) and body. Fails on anything not Twee 3."""
    passages: dict[str, dict] = {}
    current = None
    for ln in source.splitlines():
        if ln.startswith("::"):
            m = _HEADER.match(ln)
            assert m, f"bad passage header: {ln!r}"
            name = m["name"]
            assert name not in passages, f"passage {name} twice"
            meta = json.loads(m["meta"]) if m["meta"] else {}
            current = passages[name] = {"tags": (m["tags"] or "").split(), "meta": meta, "body": []}
        else:
            assert current is not None or not ln.strip(), f"text before the first passage: {ln!r}"
            if current is not None:
                current["body"].append(ln)
    return passages


def targets(body: list[str]) -> list[str]:
    """Passages a body links to: [[text->target]], [[target]], (go-to: "t"), (link-goto: "x", "t")."""
    out = []
    for ln in body:
        ln = _VERBATIM.sub("", ln)
        out += [json.loads(f'"{t}"') for t in _MACRO_TARGET.findall(ln)]
        ln = _STRING.sub('""', ln)
        for link in _LINK.findall(ln):
            out.append(link.rsplit("->", 1)[1] if "->" in link else link)
    return out


def expected_targets(story: Story, beat_id: str) -> set[str]:
    g = story.graph
    b = g.beat(beat_id)
    if b.ending:
        return {g.episodes[b.episode].entry} if b.episode < len(g.episodes) else set()
    if b.choice:
        return {o.target for o in b.choice.options}
    return {e.target for e in b.next}


@pytest.mark.parametrize("make", [feature_story, graphs.valid_story, graphs.big_story, reserved_names_story],
                         ids=["features", "valid", "big", "reserved-names"])
def test_twee_is_structurally_sound(make) -> None:
    story = make()
    source = to_twee(story)
    passages = parse_twee(source)
    assert passages["StoryTitle"]["body"][0] == " ".join(story.bible.title.split())
    data = json.loads("\n".join(passages["StoryData"]["body"]))
    assert re.fullmatch(r"[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}", data["ifid"])
    assert data["format"] == "Harlowe" and data["format-version"].startswith("3.")
    assert data["start"] == story.graph.episodes[0].entry and data["start"] in passages
    assert "startup" in passages["StoryInit"]["tags"]
    init = "\n".join(passages["StoryInit"]["body"])
    for v in story.graph.variables:
        assert f"(set: ${v.name} to " in init
    for b in story.graph.beats:
        p = passages[b.id]
        assert f"episode{b.episode}" in p["tags"] and b.role in p["tags"]
        assert set(p["meta"]["position"].split(",")) and p["meta"]["size"] == "100,100"
        links = targets(p["body"])
        assert set(links) == expected_targets(story, b.id), b.id
        if b.choice:
            assert len(links) == len(b.choice.options)
    for g in story.graph.groups:
        assert set(targets(passages[g.id]["body"])) == {c.target for c in g.candidates}
    every = [t for p in passages.values() for t in targets(p["body"])]
    assert every and all(t in passages for t in every)
    assert not any(ln.startswith("::") for p in passages.values() for ln in p["body"])


def test_twee_keeps_effects_conditions_and_hostile_text() -> None:
    story = feature_story()
    passages = parse_twee(to_twee(story))
    start = "\n".join(passages["start"]["body"])
    assert "(set: $trust to 0)" in start
    assert "(set: $trust to $trust + 1)(set: $met to true)(go-to: \"hub\")" in start
    assert f"`{' '.join(HOSTILE.split())}`" in start  # inside verbatim markup, as typed
    assert "(if: ($trust >= 5))[ [[Secret->hub]] ]" in start
    hub = "\n".join(passages["hub"]["body"])
    assert '(if: (($met is true) or ($mood is "cold")))' in hub
    cold = "\n".join(passages["cold_room"]["body"])
    assert '(if: ($mood is "cold") and ($trust < -5))' in cold  # string ordering over the known values
    assert "(else:)[ [[Continue->hub]] ]" in cold
    assert "[[Next episode->ep2_start]]" in "\n".join(passages["end1"]["body"])
    assert passages["grp"]["body"][0] == '(if: ($mood is "cold"))[(go-to: "cold_room")](else:)[(go-to: "hub")]'


def test_ifid_is_stable_and_differs_per_story() -> None:
    assert ifid("glass_key") == ifid("glass_key")
    assert ifid("glass_key") != ifid("big_0")
    assert to_twee(graphs.valid_story()) == to_twee(graphs.valid_story())


def test_markup_escaping() -> None:
    assert text("Plain words, nothing else.") == "Plain words, nothing else."
    assert text("a `tick` and $var") == "``a `tick` and $var``"
    assert text("`edge`") == "`` `edge` ``"
    assert text("''bold''") == "`''bold''`"
    assert text("-- rule") == "`-- rule`"
    assert string('say "hi" \\ there') == '"say \\"hi\\" \\\\ there"'
