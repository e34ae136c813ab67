"""Hand-built test stories: small valid ones, and copies with exactly one defect each.

Everything is built as plain data and validated through the real pydantic model, so every
story here is structurally valid (the model accepts it) and only its story logic is wrong.

* ``valid_story()``: two episodes, a choice with a conditioned option, a segment group,
  three endings and a character (bo) who can die.
* ``big_story(...)``: a generated, valid, multi-episode graph (about 40 beats by default).
* ``DEFECTS``: name -> (builder, expected problem code, beat id the problem must name).
* ``INJECTORS``: name -> function(story data, beat id) -> (data, code, acceptable beat ids):
  put one defect at any non-ending beat of any valid story (for property tests).
"""

import copy
import random
from collections.abc import Callable
from typing import Any

from dreamreel.model import Story

Data = dict[str, Any]


def _cast() -> list[Data]:
    def person(cid: str, name: str, role: str, archetype: str) -> Data:
        return {"id": cid, "name": name, "role": role, "archetype": archetype,
                "goal": f"{name} wants the truth", "conflict": f"{name} trusts no one"}
    return [person("ada", "Ada Vale", "protagonist", "hard-boiled detective"),
            person("bo", "Bo Lang", "ally", "loyal driver"),
            person("cy", "Cy Marrow", "antagonist", "smiling fixer"),
            person("dee", "Dee Quill", "mentor", "retired inspector")]


def _bible() -> Data:
    return {
        "title": "The Glass Key Affair",
        "logline": "A detective hunts a stolen vault key through a city that lies.",
        "genres": ["noir"],
        "tone": "moody",
        "world": {"name": "Harbor City", "era": "1947", "description": "A rain-soaked port city.",
                  "places": [{"id": "office", "name": "Vale Investigations", "kind": "office",
                              "description": "A cramped office above a pawn shop."},
                             {"id": "alley", "name": "Dock Alley", "kind": "alley",
                              "description": "A wet alley behind the warehouses.", "weather": "rain"}]},
        "cast": _cast(),
        "style": {"look": "black and white noir", "palette": ["#101010", "#e0e0e0"], "era": "1940s"},
    }


def beat(bid: str, episode: int, role: str, place: str, chars: list[str], **more: Any) -> Data:
    return {"id": bid, "episode": episode, "title": bid.replace("_", " ").title(), "role": role,
            "place": place, "characters": chars, **more}


def line(speaker: str, text: str) -> Data:
    return {"speaker": speaker, "text": text}


def story_data() -> Data:
    """The valid two-episode story as plain data (a fresh copy each call)."""
    beats = [
        beat("e1_open", 1, "setup", "office", ["ada", "dee"],
             narration="Rain runs down the office window. Dee slides a file across the desk.",
             lines=[line("dee", "Someone took the key to the harbor vault.")],
             next=[{"target": "e1_choice"}]),
        beat("e1_choice", 1, "inciting", "alley", ["ada", "bo"],
             lines=[line("bo", "I know who did it. Trust me.")],
             choice={"id": "c1", "prompt": "What does Ada do?", "default": "search", "options": [
                 {"id": "trust", "text": "Trust Bo", "target": "e1_trust",
                  "effects": [{"var": "trust", "op": "add", "value": 1}, {"var": "suspect", "value": "cy"}]},
                 {"id": "search", "text": "Search the alley", "target": "e1_search",
                  "effects": [{"var": "has_key", "value": True}, {"var": "suspect", "value": "dee"}]},
             ]}),
        beat("e1_trust", 1, "escalation", "alley", ["ada", "bo"],
             narration="Bo names the fixer who runs the docks.", next=[{"target": "e1_end"}]),
        beat("e1_search", 1, "escalation", "alley", ["ada"],
             narration="Under a crate, something glints: the key.", next=[{"target": "e1_end"}]),
        beat("e1_end", 1, "resolution", "office", ["ada", "dee"],
             narration="The phone rings. Nobody speaks.", ending="cliffhanger"),
        beat("e2_open", 2, "setup", "office", ["ada", "bo"],
             narration="Morning, if you can call it that.",
             next=[{"target": "e2_confront", "condition": {"all_of": [{"var": "suspect", "value": "cy"}]}},
                   {"target": "e2_doubt"}]),
        beat("e2_doubt", 2, "escalation", "office", ["ada", "dee"],
             lines=[line("dee", "You suspect me? After all these years?")], next=[{"target": "e2_confront"}]),
        beat("e2_confront", 2, "crisis", "alley", ["ada", "bo", "cy"],
             narration="Cy steps out of the fog with a gun.",
             choice={"id": "c2", "prompt": "Cy raises the gun.", "default": "fight", "options": [
                 {"id": "talk", "text": "Talk him down", "target": "e2_truth",
                  "condition": {"all_of": [{"var": "trust", "op": ">=", "value": 1}]}},
                 {"id": "fight", "text": "Rush him", "target": "e2_fight"},
             ]}),
        beat("e2_truth", 2, "climax", "alley", ["ada", "cy"],
             lines=[line("cy", "Fine. The key was never the point.")], next=[{"target": "e2_triumph"}]),
        beat("e2_fight", 2, "climax", "alley", ["ada", "bo", "cy"],
             narration="In the struggle, Bo falls.",
             effects=[{"var": "alive_bo", "value": False}],
             lines=[line("cy", "You should have stayed home.")],
             variants={"intense": {"narration": "A shot cracks. Bo goes down hard.",
                                   "lines": [line("bo", "Run, Ada!")], "tension": 0.9}},
             next=[{"target": "g_after"}]),
        beat("e2_triumph", 2, "resolution", "office", ["ada", "dee"],
             narration="The key goes back in the vault.", ending="triumph"),
        beat("e2_tragedy", 2, "resolution", "alley", ["ada"],
             narration="Ada stands alone in the rain.", ending="tragedy"),
    ]
    return {
        "id": "glass_key",
        "seed": 7,
        "request": {"prompt": "a noir mystery in two short episodes", "episodes": 2, "rating": "PG-13"},
        "bible": _bible(),
        "graph": {
            "variables": [
                {"name": "has_key", "type": "bool", "initial": False},
                {"name": "trust", "type": "int", "initial": 0},
                {"name": "alive_bo", "type": "bool", "initial": True},
                {"name": "suspect", "type": "str", "description": "set in episode 1"},
            ],
            "episodes": [{"number": 1, "title": "The Key", "entry": "e1_open"},
                         {"number": 2, "title": "The Fixer", "entry": "e2_open"}],
            "beats": beats,
            "groups": [{"id": "g_after", "candidates": [
                {"target": "e2_triumph", "condition": {"all_of": [{"var": "has_key", "value": True}]}},
                {"target": "e2_tragedy"}]}],
            "endings": [
                {"id": "cliffhanger", "episode": 1, "beat": "e1_end", "title": "A Silent Call", "kind": "open"},
                {"id": "triumph", "episode": 2, "beat": "e2_triumph", "title": "The Vault", "kind": "triumph"},
                {"id": "tragedy", "episode": 2, "beat": "e2_tragedy", "title": "Alone", "kind": "tragedy"},
            ],
            "extension_points": [{"id": "more", "beat": "e2_triumph", "hooks": ["Who hired Cy?"],
                                  "carries": ["trust"]}],
        },
    }


def build(data: Data) -> Story:
    return Story.model_validate(data)


def valid_story() -> Story:
    return build(story_data())


def find_beat(data: Data, bid: str) -> Data:
    return next(b for b in data["graph"]["beats"] if b["id"] == bid)


def cond(var: str, value: Any, op: str = "==") -> Data:
    return {"all_of": [{"var": var, "op": op, "value": value}]}


# -- a generated, larger valid story -----------------------------------------------------------

def big_story_data(episodes: int = 3, fillers: int = 2, seed: int = 0) -> Data:
    """A valid graph of ``episodes`` episodes, each a diamond of choice, edges and a segment group.

    Per episode: open -> choice (a: sets flag_k, b: adds 1 to score) -> branch -> join with
    ordered conditioned edges -> group on the score -> chain of ``fillers`` beats -> ending(s).
    The last episode ends in a choice between two endings, one of them conditioned.
    With the defaults that is 3 x 13 = 39 beats. ``seed`` varies who appears and speaks.
    """
    rng = random.Random(seed)
    cast = ["ada", "bo", "cy", "dee"]
    data = story_data()
    g: Data = {"variables": [{"name": "score", "type": "int", "initial": 0}], "episodes": [], "beats": [],
               "groups": [], "endings": [], "extension_points": []}
    data["request"]["episodes"] = episodes
    data["id"] = f"big_{seed}"

    def add(bid: str, k: int, role: str, **more: Any) -> None:
        who = ["ada", *rng.sample(cast[1:], rng.randint(0, 2))]
        lines = [line(rng.choice(who), f"Line {len(g['beats'])} in the rain.")] if rng.random() < 0.6 else []
        g["beats"].append(beat(bid, k, role, rng.choice(["office", "alley"]), who, lines=lines,
                               narration=f"Beat {bid}: the city hums.", **more))

    for k in range(1, episodes + 1):
        p = f"e{k}_"
        flag = f"flag_{k}"
        g["variables"].append({"name": flag, "type": "bool", "initial": False})
        g["episodes"].append({"number": k, "title": f"Part {k}", "entry": p + "open"})
        add(p + "open", k, "setup", next=[{"target": p + "pick"}])
        add(p + "pick", k, "inciting", choice={"id": p + "c", "prompt": "Which way?", "default": "a", "options": [
            {"id": "a", "text": "The harbor", "target": p + "a", "effects": [{"var": flag, "value": True}]},
            {"id": "b", "text": "The station", "target": p + "b",
             "effects": [{"var": "score", "op": "add", "value": 1}]}]})
        add(p + "a", k, "escalation", next=[{"target": p + "join"}])
        add(p + "b", k, "escalation", next=[{"target": p + "join"}])
        add(p + "join", k, "midpoint", next=[{"target": p + "hi", "condition": cond(flag, True)},
                                             {"target": p + "lo"}])
        add(p + "hi", k, "escalation", next=[{"target": p + "g"}])
        add(p + "lo", k, "escalation", next=[{"target": p + "g"}])
        g["groups"].append({"id": p + "g", "candidates": [
            {"target": p + "win", "condition": cond("score", k, ">=")}, {"target": p + "lose"}]})
        chain = [p + f"f{i}" for i in range(fillers)]
        after = chain[0] if chain else p + "last"
        add(p + "win", k, "crisis", next=[{"target": after}])
        add(p + "lose", k, "crisis", next=[{"target": after}])
        for i, fid in enumerate(chain):
            add(fid, k, "subplot", next=[{"target": chain[i + 1] if i + 1 < len(chain) else p + "last"}])
        if k < episodes:
            add(p + "last", k, "resolution", ending=p + "end")
            g["endings"].append({"id": p + "end", "episode": k, "beat": p + "last", "title": f"End {k}",
                                 "kind": "open"})
        else:
            add(p + "last", k, "climax", choice={"id": p + "fin", "prompt": "How does it end?", "default": "x",
                                                 "options": [
                {"id": "x", "text": "Walk away", "target": p + "end_x"},
                {"id": "y", "text": "Stay", "target": p + "end_y", "condition": cond("score", 1, ">=")}]})
            for e, kind in (("x", "bittersweet"), ("y", "triumph")):
                add(p + "end_" + e, k, "resolution", ending=f"fin_{e}")
                g["endings"].append({"id": f"fin_{e}", "episode": k, "beat": p + "end_" + e,
                                     "title": f"Finale {e}", "kind": kind})
    data["graph"] = g
    return data


def big_story(episodes: int = 3, fillers: int = 2, seed: int = 0) -> Story:
    return build(big_story_data(episodes, fillers, seed))


# -- single defects on the hand-built story ----------------------------------------------------

def _edit(fn: Callable[[Data], None]) -> Callable[[], Story]:
    def make() -> Story:
        data = story_data()
        fn(data)
        return build(data)
    make.__doc__ = fn.__doc__
    return make


def _beats(d: Data) -> list[Data]:
    return d["graph"]["beats"]  # type: ignore[no-any-return]


def _unreachable_beat(d: Data) -> None:
    """A beat nothing leads to."""
    _beats(d).append(beat("e1_aside", 1, "subplot", "office", ["ada"], next=[{"target": "e1_end"}]))


def _unreachable_ending(d: Data) -> None:
    """An ending beat (with its Ending record) nothing leads to."""
    _beats(d).append(beat("e2_lost", 2, "resolution", "alley", ["ada"], ending="lost"))
    d["graph"]["endings"].append({"id": "lost", "episode": 2, "beat": "e2_lost", "title": "Lost", "kind": "open"})


def _unreachable_candidate(d: Data) -> None:
    """An unconditional candidate first in the group shadows the rest."""
    d["graph"]["groups"][0]["candidates"].insert(0, {"target": "e2_tragedy"})


def _dead_end(d: Data) -> None:
    """A non-ending beat with no way on."""
    find_beat(d, "e1_search")["next"] = []


def _dead_end_by_condition(d: Data) -> None:
    """The only edge's condition never holds on the path that reaches the beat."""
    find_beat(d, "e1_trust")["next"][0]["condition"] = cond("has_key", True)


def _inescapable_loop(d: Data) -> None:
    """Two beats leading to each other, with no way out."""
    find_beat(d, "e1_search")["next"] = [{"target": "e1_stall"}]
    _beats(d).append(beat("e1_stall", 1, "interlude", "alley", ["ada"], next=[{"target": "e1_search"}]))


def _read_before_set(d: Data) -> None:
    """A condition reads a declared variable that nothing sets."""
    d["graph"]["variables"].append({"name": "motive", "type": "str"})
    find_beat(d, "e2_doubt")["next"] = [{"target": "e2_confront", "condition": cond("motive", "greed")},
                                        {"target": "e2_confront"}]


def _unsatisfiable(d: Data) -> None:
    """An extra option whose condition can never hold (has_key and trust never both)."""
    find_beat(d, "e2_confront")["choice"]["options"].append(
        {"id": "bribe", "text": "Pay him off", "target": "e2_truth",
         "condition": {"all_of": [{"var": "has_key", "value": True}, {"var": "trust", "op": ">=", "value": 1}]}})


def _undeclared(d: Data) -> None:
    """A condition reads a variable that is not declared."""
    find_beat(d, "e2_open")["next"][0]["condition"]["all_of"].append({"var": "mood", "value": "dark"})


def _type_mismatch(d: Data) -> None:
    """A str variable compared with an int."""
    find_beat(d, "e2_open")["next"][0]["condition"] = cond("suspect", 3)


def _default_unavailable(d: Data) -> None:
    """The timeout default is the conditioned option, which the search path does not offer."""
    find_beat(d, "e2_confront")["choice"]["default"] = "talk"


def _dead_character(d: Data) -> None:
    """bo appears in the triumph ending, which the fight path (where bo dies) reaches."""
    find_beat(d, "e2_triumph")["characters"].append("bo")


def _dead_speaker_in_variant(d: Data) -> None:
    """bo speaks in a variant of a beat reached after his death."""
    b = find_beat(d, "e2_tragedy")
    b["characters"].append("bo")
    b["variants"] = {"calm": {"lines": [line("bo", "It is only a scratch.")]}}


def _absent_speaker(d: Data) -> None:
    """cy speaks in a beat he is not in."""
    find_beat(d, "e1_open")["lines"].append(line("cy", "Hello, detective."))


def _rating_text(d: Data) -> None:
    """Strong violence in a PG-13 story."""
    find_beat(d, "e1_trust")["narration"] = "Bo describes the massacre at the docks."


def _rating_declared(d: Data) -> None:
    """A variant declares strong gore in a PG-13 story."""
    find_beat(d, "e2_fight")["variants"]["intense"]["content"] = {"gore": 3}


def _ending_episode(d: Data) -> None:
    """The episode-1 ending says it belongs to episode 2."""
    d["graph"]["endings"][0]["episode"] = 2


def _orphan_ending(d: Data) -> None:
    """An Ending record no beat points to."""
    d["graph"]["endings"].append({"id": "epilogue", "episode": 2, "beat": "e2_tragedy", "title": "Later",
                                  "kind": "open"})


def _cross_episode(d: Data) -> None:
    """An episode-1 beat jumps into episode 2 without an ending."""
    find_beat(d, "e1_trust")["next"] = [{"target": "e2_truth"}]


def _group_cycle(d: Data) -> None:
    """Two segment groups that lead to each other."""
    d["graph"]["groups"] += [{"id": "g_a", "candidates": [{"target": "g_b"}]},
                             {"id": "g_b", "candidates": [{"target": "g_a"}]}]
    find_beat(d, "e1_search")["next"] = [{"target": "g_a"}]


def _edge_shadowed(d: Data) -> None:
    """An unconditional first edge hides the second."""
    find_beat(d, "e2_doubt")["next"].append({"target": "e2_truth"})


def _unreachable_group(d: Data) -> None:
    """A segment group nothing leads to."""
    d["graph"]["groups"].append({"id": "g_unused", "candidates": [{"target": "e2_tragedy"}]})


def _extension_misplaced(d: Data) -> None:
    """An extension point on the episode-1 ending (only the last episode's endings go on)."""
    d["graph"]["extension_points"].append({"id": "early", "beat": "e1_end", "hooks": ["The call."]})


def _bad_effect(d: Data) -> None:
    """An effect adds a number to a bool: the play would fail there."""
    find_beat(d, "e1_trust")["effects"] = [{"var": "has_key", "op": "add", "value": 1}]


def _too_large(d: Data) -> None:
    """A counter loop with a huge bound: millions of states."""
    d["graph"]["variables"].append({"name": "waits", "type": "int", "initial": 0})
    find_beat(d, "e1_search")["next"] = [{"target": "e1_wait"}]
    _beats(d).append(beat("e1_wait", 1, "interlude", "alley", ["ada"],
                          effects=[{"var": "waits", "op": "add", "value": 1}],
                          next=[{"target": "e1_wait", "condition": cond("waits", 10_000_000, "<")},
                                {"target": "e1_end"}]))


#: name -> (builder, expected code, beat the problem names). Each story has that one defect
#: (and whatever follows from it by necessity, e.g. a dead end's later beats may go unreached).
DEFECTS: dict[str, tuple[Callable[[], Story], str, str | None]] = {
    "unreachable_beat": (_edit(_unreachable_beat), "unreachable_beat", "e1_aside"),
    "unreachable_ending": (_edit(_unreachable_ending), "unreachable_ending", "e2_lost"),
    "unreachable_candidate": (_edit(_unreachable_candidate), "unreachable_candidate", "g_after"),
    "dead_end": (_edit(_dead_end), "dead_end", "e1_search"),
    "dead_end_by_condition": (_edit(_dead_end_by_condition), "dead_end", "e1_trust"),
    "inescapable_loop": (_edit(_inescapable_loop), "inescapable_loop", "e1_search"),
    "read_before_set": (_edit(_read_before_set), "read_before_set", "e2_doubt"),
    "unsatisfiable_condition": (_edit(_unsatisfiable), "unsatisfiable_condition", "e2_confront"),
    "undeclared_variable": (_edit(_undeclared), "undeclared_variable", "e2_open"),
    "type_mismatch": (_edit(_type_mismatch), "type_mismatch", "e2_open"),
    "default_unavailable": (_edit(_default_unavailable), "default_unavailable", "e2_confront"),
    "dead_character": (_edit(_dead_character), "dead_character", "e2_triumph"),
    "dead_speaker_in_variant": (_edit(_dead_speaker_in_variant), "dead_character", "e2_tragedy"),
    "absent_speaker": (_edit(_absent_speaker), "absent_speaker", "e1_open"),
    "rating_text": (_edit(_rating_text), "rating", "e1_trust"),
    "rating_declared": (_edit(_rating_declared), "rating", "e2_fight"),
    "ending_episode_mismatch": (_edit(_ending_episode), "ending_episode_mismatch", "e1_end"),
    "orphan_ending": (_edit(_orphan_ending), "orphan_ending", "e2_tragedy"),
    "cross_episode": (_edit(_cross_episode), "cross_episode", "e1_trust"),
    "group_cycle": (_edit(_group_cycle), "group_cycle", "e1_search"),
    "edge_shadowed": (_edit(_edge_shadowed), "edge_shadowed", "e2_doubt"),
    "unreachable_group": (_edit(_unreachable_group), "unreachable_group", "g_unused"),
    "extension_point_misplaced": (_edit(_extension_misplaced), "extension_point_misplaced", "e1_end"),
    "bad_effect": (_edit(_bad_effect), "bad_effect", "e1_trust"),
}

#: Built separately: needs a small max_states to stay fast.
too_large_story = _edit(_too_large)


# -- defects injected at any beat of any valid story -------------------------------------------

def _splice(d: Data, x: Data, new_id: str) -> Data:
    """Insert a new beat right after x: it takes over x's exits, and x leads only to it."""
    new = beat(new_id, x["episode"], "interlude", x["place"], [],
               next=x.get("next", []), choice=x.get("choice"))
    x["next"], x["choice"] = [{"target": new_id}], None
    _beats(d).append(new)
    return new


def _declare(d: Data, name: str, vtype: str, initial: Any = None) -> None:
    if all(v["name"] != name for v in d["graph"]["variables"]):
        d["graph"]["variables"].append({"name": name, "type": vtype, **({} if initial is None else
                                                                         {"initial": initial})})


def inject_orphan(d: Data, x: Data) -> tuple[str, set[str]]:
    _beats(d).append(beat("zz_orphan", x["episode"], "subplot", x["place"], [], next=[{"target": x["id"]}]))
    return "unreachable_beat", {"zz_orphan"}


def inject_strip(d: Data, x: Data) -> tuple[str, set[str]]:
    x["next"], x["choice"] = [], None
    return "dead_end", {x["id"]}


def inject_loop(d: Data, x: Data) -> tuple[str, set[str]]:
    x["next"], x["choice"] = [{"target": "zz_loop"}], None
    _beats(d).append(beat("zz_loop", x["episode"], "interlude", x["place"], [], next=[{"target": x["id"]}]))
    return "inescapable_loop", {x["id"], "zz_loop"}


def inject_kill(d: Data, x: Data) -> tuple[str, set[str]]:
    who = "dee"
    _declare(d, f"alive_{who}", "bool", True)
    x.setdefault("effects", []).append({"var": f"alive_{who}", "value": False})
    _splice(d, x, "zz_after")["characters"] = [who]
    return "dead_character", {"zz_after"}


def inject_unset_read(d: Data, x: Data) -> tuple[str, set[str]]:
    _declare(d, "zz_unset", "int")
    _splice(d, x, "zz_after")
    x["next"] = [{"target": "zz_after", "condition": cond("zz_unset", 1)}, {"target": "zz_after"}]
    return "read_before_set", {x["id"]}


def inject_mistype(d: Data, x: Data) -> tuple[str, set[str]]:
    _declare(d, "zz_flag", "bool", False)
    _splice(d, x, "zz_after")
    x["next"] = [{"target": "zz_after", "condition": cond("zz_flag", 1)}, {"target": "zz_after"}]
    return "type_mismatch", {x["id"]}


def inject_rating(d: Data, x: Data) -> tuple[str, set[str]]:
    d["request"]["rating"] = "PG-13"
    x["narration"] = (x.get("narration", "") + " Then came the massacre.").strip()
    return "rating", {x["id"]}


def inject_absent(d: Data, x: Data) -> tuple[str, set[str]]:
    cast = [c["id"] for c in d["bible"]["cast"]]
    missing = [c for c in cast if c not in x["characters"]]
    if not missing:
        x["characters"].remove(cast[-1])
        missing = [cast[-1]]
    x.setdefault("lines", []).append(line(missing[0], "Nobody expected me."))
    return "absent_speaker", {x["id"]}


def inject_default_off(d: Data, x: Data) -> tuple[str, set[str]]:
    _declare(d, "zz_never", "bool", False)
    after = _splice(d, x, "zz_after")
    x["next"] = [{"target": "zz_pick"}]
    _beats(d).append(beat("zz_pick", x["episode"], "interlude", x["place"], [], choice={
        "id": "zz_c", "prompt": "Now what?", "default": "a", "options": [
            {"id": "a", "text": "Wait", "target": after["id"], "condition": cond("zz_never", True)},
            {"id": "b", "text": "Go", "target": after["id"]}]}))
    return "default_unavailable", {"zz_pick"}


Injector = Callable[[Data, Data], tuple[str, set[str]]]
INJECTORS: dict[str, Injector] = {
    "orphan": inject_orphan, "strip": inject_strip, "loop": inject_loop, "kill": inject_kill,
    "unset_read": inject_unset_read, "mistype": inject_mistype, "rating": inject_rating,
    "absent": inject_absent, "default_off": inject_default_off,
}


def inject(data: Data, name: str, beat_id: str) -> tuple[Story, str, set[str]]:
    """A copy of the story data with defect ``name`` put at beat ``beat_id`` (a non-ending beat)."""
    d = copy.deepcopy(data)
    code, beats = INJECTORS[name](d, find_beat(d, beat_id))
    return build(d), code, beats
