"""The story validator behind ``dreamreel check``: plays every path of a story graph and reports defects.

Static checks look at the graph as written (types of conditions and effects, who speaks,
content against the rating, episode bookkeeping). The dynamic check explores the state
space exactly as model/story.py says a graph plays: a node is (beat id, story state on
arriving at the beat, before its effects); from it, the beat's effects apply, then its
ending, choice or ``next`` edges lead on; segment groups resolve to their first candidate
whose condition holds; an ending of episode k < last goes on at episode k+1's entry with
the state. Two reductions keep the space small without changing any outcome: a state keeps
only the variables still live at its beat (some path on reads them before setting them), and
int counters that only grow (or only shrink) are capped just past the numbers conditions
compare them with, so loops that count stay finite.
Every defect is reported as a Problem naming its beat; ``validate`` reports and
never raises on a structurally valid Story.
"""

from collections import deque
from collections.abc import Iterable
from typing import Literal

import networkx as nx
from pydantic import ConfigDict, Field, computed_field

from ..model.base import Model
from ..model.content import ContentFlag, stricter
from ..model.profile import Profile
from ..model.state import (
    Condition,
    Effect,
    State,
    UnsetVariable,
    Value,
    alive_var,
    apply,
    holds,
    initial_state,
)
from ..model.story import Beat, BeatVariant, SegmentGroup, Story
from . import rating as content

Severity = Literal["error", "warning"]
#: A frozen state: (name, is_bool, value) sorted by name, so equal states hash equal. The bool
#: mark keeps False and 0 (equal and same-hashing in Python) apart: they play differently.
Frozen = tuple[tuple[str, bool, Value], ...]
Node = tuple[str, Frozen]
#: Where a condition sits: ("edge", beat, index) | ("option", beat, option id) | ("candidate", group, index).
Site = tuple[str, str, str | int]


class Problem(Model):
    #: A stable slug, e.g. "dead_end", "read_before_set"; see CODES.
    code: str
    severity: Severity
    #: The beat (or segment group) the problem is at, when it has one.
    beat: str | None = None
    message: str

    def line(self) -> str:
        return f"{self.severity:<7} {self.code:<22} {self.beat or '-'}: {self.message}"


class Report(Model):
    # ok/errors/warnings are computed and dumped; ignore them when a dumped report is read back.
    model_config = ConfigDict(extra="ignore")

    story_id: str
    problems: list[Problem] = Field(default_factory=list)
    beats: int = 0
    reachable_beats: int = 0
    endings: int = 0
    endings_reachable: int = 0
    #: Distinct (beat, live state) pairs explored.
    states: int = 0
    #: False when exploration stopped at max_states: reachability claims are then left out.
    complete: bool = True
    #: Distinct routes from the first beat to a final ending (routes through the same beats in
    #: states that can no longer play differently count once); None when play can loop.
    paths: int | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def errors(self) -> int:
        return sum(p.severity == "error" for p in self.problems)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def warnings(self) -> int:
        return sum(p.severity == "warning" for p in self.problems)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def ok(self) -> bool:
        """True when there is no error (warnings do not fail a story)."""
        return self.errors == 0

    def codes(self) -> set[str]:
        return {p.code for p in self.problems}

    def find(self, code: str, beat: str | None = None) -> list[Problem]:
        return [p for p in self.problems if p.code == code and (beat is None or p.beat == beat)]

    def summary(self) -> str:
        """One line: the counts and the verdict (print the problems themselves with text())."""
        if not self.complete:
            paths = "not counted (stopped early)"
        else:
            paths = "unbounded (play can loop)" if self.paths is None else str(self.paths)
        verdict = (f"{'OK' if self.ok else 'FAILED'} ({self.errors} error{'s' * (self.errors != 1)}, "
                   f"{self.warnings} warning{'s' * (self.warnings != 1)})")
        return (f"story {self.story_id}: {self.beats} beats ({self.reachable_beats} reachable), "
                f"{self.endings_reachable}/{self.endings} endings reachable, {self.states} states explored, "
                f"paths: {paths}; {verdict}")

    def text(self) -> str:
        """The whole report: one line per problem, then the summary."""
        return "\n".join([*(p.line() for p in self.problems), self.summary()])


#: Every code validate can report, with its severity.
CODES: dict[str, Severity] = {
    "unreachable_beat": "error",
    "unreachable_ending": "error",
    "episode_unreachable": "error",
    "unreachable_candidate": "warning",
    "unreachable_group": "warning",
    "edge_shadowed": "warning",
    "dead_end": "error",
    "inescapable_loop": "error",
    "read_before_set": "error",
    "unsatisfiable_condition": "warning",
    "undeclared_variable": "error",
    "undeclared_write": "warning",
    "type_mismatch": "error",
    "bad_effect": "error",
    "default_unavailable": "error",
    "dead_character": "error",
    "absent_speaker": "error",
    "rating": "error",
    "avoided_theme": "error",
    "ending_episode_mismatch": "error",
    "orphan_ending": "error",
    "episode_without_ending": "error",
    "entry_wrong_episode": "error",
    "cross_episode": "error",
    "group_cycle": "error",
    "unknown_target": "error",
    "extension_point_misplaced": "warning",
    "too_large": "warning",
}


def _type_of(value: Value) -> str:
    # bool is a subclass of int: test it first.
    return "bool" if isinstance(value, bool) else "int" if isinstance(value, int) else "str"


def _show(state: State, limit: int = 6) -> str:
    items = [f"{k}={v!r}" for k, v in sorted(state.items())]
    more = f", ... ({len(items) - limit} more)" if len(items) > limit else ""
    return ", ".join(items[:limit]) + more if items else "nothing set"


class _Checker:
    """One validation run: the graph's lookups, the problems found and the exploration's bookkeeping."""

    def __init__(self, story: Story, profile: Profile | None, max_states: int, reduce: bool = True):
        self.story = story
        #: False explores full states (no liveness, no counter caps): for testing the reductions.
        self.reduce = reduce
        self.graph = story.graph
        self.profile = profile
        self.max_states = max_states
        self.beats = {b.id: b for b in self.graph.beats}
        self.order = {b.id: i for i, b in enumerate(self.graph.beats)}
        self.groups = {g.id: g for g in self.graph.groups}
        self.types = {v.name: v.type for v in self.graph.variables}
        self.entries = {e.number: e.entry for e in self.graph.episodes}
        self.last = len(self.graph.episodes)
        self.problems: dict[tuple[str, str | None, str], Problem] = {}
        # Exploration results.
        self.nodes: dict[Node, int] = {}
        self.succ: list[list[int]] = []
        self.terminal: set[int] = set()
        self.truncated = False
        self.tried: set[Site] = set()  # reached in play (an earlier edge or candidate did not win)
        self.evaluated: set[Site] = set()  # evaluated without reading an unset variable
        self.held: set[Site] = set()
        self.chosen: set[tuple[str, int]] = set()  # group candidates taken
        self.groups_reached: set[str] = set()
        self.broken: set[str] = set()  # beats whose own effects fail: play stops there
        self.caps: dict[str, tuple[int, int]] = {}
        self.live: dict[str, tuple[str, ...]] = {}
        self.flawed_sites: set[Site] = set()  # conditions already reported statically (undeclared, mistyped)

    # -- reporting ------------------------------------------------------------------------------

    def report(self, code: str, beat: str | None, message: str, key: str = "") -> None:
        """Record a problem once per (code, beat, key), so a defect met in many states is one line."""
        k = (code, beat, key or message)
        if k not in self.problems:
            self.problems[k] = Problem(code=code, severity=CODES[code], beat=beat, message=message)

    # -- static checks --------------------------------------------------------------------------

    def sites(self) -> Iterable[tuple[Site, str, Condition]]:
        """Every condition in the graph with its site and the beat or group to report it at."""
        for b in self.graph.beats:
            for i, e in enumerate(b.next):
                if e.condition:
                    yield ("edge", b.id, i), b.id, e.condition
            for o in b.choice.options if b.choice else []:
                if o.condition:
                    yield ("option", b.id, o.id), b.id, o.condition
        for g in self.graph.groups:
            for i, c in enumerate(g.candidates):
                if c.condition:
                    yield ("candidate", g.id, i), g.id, c.condition

    def check_types(self) -> None:
        for v in self.graph.variables:
            if v.initial is not None and _type_of(v.initial) != v.type:
                self.report("type_mismatch", None,
                            f"variable {v.name} is declared {v.type} but starts as {v.initial!r}", v.name)
        for site, at, cond in self.sites():
            for clause in (*cond.all_of, *cond.any_of):
                declared = self.types.get(clause.var)
                where = _site_words(site)
                if declared is None or _type_of(clause.value) != declared or (
                        declared == "bool" and clause.op not in ("==", "!=")):
                    self.flawed_sites.add(site)
                if declared is None:
                    self.report("undeclared_variable", at,
                                f"{where} reads {clause.var}, which is not a declared variable", f"{site}{clause.var}")
                elif _type_of(clause.value) != declared:
                    self.report("type_mismatch", at, f"{where} compares {declared} variable {clause.var} "
                                f"with {clause.value!r} ({_type_of(clause.value)})", f"{site}{clause.var}")
                elif declared == "bool" and clause.op not in ("==", "!="):
                    self.report("type_mismatch", at, f"{where} orders bool variable {clause.var} with "
                                f"{clause.op!r}, which never holds", f"{site}{clause.var}")
        for b in self.graph.beats:
            self.check_effects(b.effects, b.id, f"beat {b.id}'s effects")
            for o in b.choice.options if b.choice else []:
                self.check_effects(o.effects, b.id, f"option {o.id}'s effects")

    def check_effects(self, effects: list[Effect], beat: str, where: str) -> None:
        for e in effects:
            declared = self.types.get(e.var)
            if declared is None:
                self.report("undeclared_write", beat, f"{where} set {e.var}, which is not a declared variable",
                            f"{where}{e.var}")
            elif e.op == "add" and (declared != "int" or _type_of(e.value) != "int"):
                self.report("type_mismatch", beat, f"{where} add {e.value!r} to {declared} variable {e.var}; "
                            f"only ints add", f"{where}{e.var}")
            elif e.op == "set" and _type_of(e.value) != declared:
                self.report("type_mismatch", beat, f"{where} set {declared} variable {e.var} to {e.value!r}",
                            f"{where}{e.var}")

    def check_speakers(self) -> None:
        for b in self.graph.beats:
            for name, v in _tellings(b):
                for line in v.lines:
                    if line.speaker not in b.characters:
                        self.report("absent_speaker", b.id, f"{line.speaker} speaks{name} but is not among "
                                    f"the beat's characters {b.characters}", line.speaker)

    def check_content(self) -> None:
        request = self.story.request
        rating, limits, avoid = request.rating, None, []
        if self.profile is not None:
            if self.profile.rating_ceiling is not None:
                rating = stricter(rating, self.profile.rating_ceiling)
            limits, avoid = self.profile.content_limits, self.profile.avoid
        for b in self.graph.beats:
            for name, v in _tellings(b):
                text = _text_of(v, b if v is b else None)
                self.check_text(b.id, name, text, dict(v.content), rating, limits, avoid)
        for end in self.graph.endings:
            self.check_text(end.beat, f" in ending {end.id}", f"{end.title}\n{end.summary}", {}, rating, limits, avoid)
        for ep in self.graph.episodes:
            self.check_text(ep.entry, f" in episode {ep.number}'s title or synopsis", f"{ep.title}\n{ep.synopsis}",
                            {}, rating, limits, avoid)

    def check_text(self, beat: str, name: str, text: str, declared: dict[ContentFlag, int], rating: str,
                   limits: dict[ContentFlag, int] | None, avoid: list[str]) -> None:
        hits = content.find(text)
        levels = dict(declared)
        for h in hits:
            levels[h.flag] = max(levels.get(h.flag, 0), h.level)
        for flag, level, top in content.within(levels, rating, limits):
            words = sorted({h.word.lower() for h in hits if h.flag == flag and h.level == level})
            why = f" (words: {', '.join(words)})" if words else " (declared in content)"
            self.report("rating", beat, f"{flag.value} level {level}{name} is over the {rating} limit of {top}{why}",
                        f"{name}{flag.value}")
        for theme in content.avoid_hits(text, avoid):
            self.report("avoided_theme", beat, f"mentions {theme!r}{name}, which the viewer's profile avoids",
                        f"{name}{theme}")

    def check_episodes(self) -> None:
        g = self.graph
        for ep in g.episodes:
            entry = self.beats.get(ep.entry)
            if entry is not None and entry.episode != ep.number:
                self.report("entry_wrong_episode", ep.entry,
                            f"episode {ep.number} starts at a beat of episode {entry.episode}")
            if not any(b.ending and b.episode == ep.number for b in g.beats):
                self.report("episode_without_ending", ep.entry, f"episode {ep.number} has no ending beat",
                            str(ep.number))
        for end in g.endings:
            beat = self.beats.get(end.beat)
            if beat is None or beat.ending != end.id:
                pointing = [b.id for b in g.beats if b.ending == end.id]
                also = f" (beats {pointing} name it, but it names {end.beat})" if pointing else ""
                self.report("orphan_ending", end.beat,
                            f"ending {end.id} is not the ending of its beat {end.beat}{also}", end.id)
        for b in g.beats:
            if b.ending is None:
                continue
            try:
                end = g.ending(b.ending)
            except KeyError:
                continue  # the model refuses this; kept safe for hand-built graphs
            if end.episode != b.episode:
                self.report("ending_episode_mismatch", b.id,
                            f"ending {end.id} says episode {end.episode} but its beat is in episode {b.episode}")
        for b in g.beats:
            targets = [e.target for e in b.next] + [o.target for o in (b.choice.options if b.choice else [])]
            for t in targets:
                other = self.beats.get(t)
                if other is not None and other.episode != b.episode:
                    self.report("cross_episode", b.id, f"leads to {t} in episode {other.episode}; episodes only "
                                f"change at an ending", t)
        final = {b.id for b in g.beats if b.ending and b.episode == self.last}
        for x in g.extension_points:
            if x.beat not in final:
                self.report("extension_point_misplaced", x.beat,
                            f"extension point {x.id} is not on an ending of the last episode", x.id)

    # -- exploration ----------------------------------------------------------------------------

    def counter_caps(self) -> dict[str, tuple[int, int]]:
        """Int variables that only ever grow (or only shrink): var -> (direction, cap).

        Once such a counter passes every number a condition compares it with, its exact value
        can no longer change any condition, now or later; so it is capped there, one past the
        largest (or below the smallest) constant. This keeps loops that count finite.
        """
        constants: dict[str, set[int]] = {}
        for _, _, cond in self.sites():
            for clause in (*cond.all_of, *cond.any_of):
                if isinstance(clause.value, int):  # with ==, True and False compare as 1 and 0
                    constants.setdefault(clause.var, set()).add(int(clause.value))
        signs: dict[str, set[int]] = {}
        effects = [e for b in self.graph.beats for e in b.effects]
        effects += [e for b in self.graph.beats for o in (b.choice.options if b.choice else []) for e in o.effects]
        for e in effects:
            if e.op == "add" and isinstance(e.value, int):  # True adds 1 too (bool is an int)
                signs.setdefault(e.var, set()).add((e.value > 0) - (e.value < 0))
        caps: dict[str, tuple[int, int]] = {}
        for var, vtype in self.types.items():
            s = signs.get(var, set()) - {0}
            if vtype != "int" or len(s) != 1:
                continue
            known = constants.get(var, set())
            if s == {1}:
                caps[var] = (1, max(known, default=0) + 1)
            else:
                caps[var] = (-1, min(known, default=0) - 1)
        return caps

    def liveness(self) -> dict[str, tuple[str, ...]]:
        """For each beat, the variables whose value can still matter on arriving there (sorted).

        A backward data-flow fixpoint over every way play can go: a variable is live at a beat
        when some path from there reads it (a condition, an ``add``, or the alive check of a
        character who appears) before an effect sets it. States that agree on the live
        variables play out identically, so exploration keeps only those: this is exact, and
        it stops per-episode bookkeeping from multiplying the states of later episodes.
        """
        # Groups are nodes of the flow too (ids are unique across beats and groups), which
        # keeps this free of recursion however groups chain.
        live: dict[str, set[str]] = {i: set() for i in (*self.beats, *self.groups)}

        def through(effects: list[Effect], after: set[str]) -> set[str]:
            out = set(after)
            for e in reversed(effects):
                if e.op == "set":
                    out.discard(e.var)
                else:
                    out.add(e.var)  # add reads the old value (and its type)
            return out

        def at_target(target: str) -> set[str]:
            return live.get(target, set())

        def in_group(g: SegmentGroup) -> set[str]:
            out: set[str] = set()
            for c in g.candidates:
                out |= (c.condition.reads() if c.condition else set()) | at_target(c.target)
            return out

        def on_arrival(b: Beat) -> set[str]:
            after: set[str] = set()
            if b.ending is not None:
                entry = self.entries.get(b.episode + 1)
                if b.episode < self.last and entry is not None:
                    after = at_target(entry)
            elif b.choice is not None:
                for o in b.choice.options:
                    after |= (o.condition.reads() if o.condition else set()) | through(o.effects, at_target(o.target))
            else:
                for e in b.next:
                    after |= (e.condition.reads() if e.condition else set()) | at_target(e.target)
            present = set(b.characters) | {ln.speaker for _, v in _tellings(b) for ln in v.lines}
            return {alive_var(c) for c in present} | through(b.effects, after)

        # A worklist: when a node's live set grows, only the nodes that lead to it are redone.
        feeds: dict[str, set[str]] = {i: set() for i in live}
        for b in self.graph.beats:
            follow = [e.target for e in b.next] + [o.target for o in (b.choice.options if b.choice else [])]
            if b.ending is not None and b.episode + 1 in self.entries:
                follow.append(self.entries[b.episode + 1])
            for t in follow:
                feeds.setdefault(t, set()).add(b.id)
        for g in self.graph.groups:
            for c in g.candidates:
                feeds.setdefault(c.target, set()).add(g.id)
        nodes: dict[str, Beat | SegmentGroup] = {**self.beats, **self.groups}
        work = deque(reversed(list(nodes)))
        queued = set(work)
        while work:
            node_id = work.popleft()
            queued.discard(node_id)
            node = nodes[node_id]
            now = in_group(node) if isinstance(node, SegmentGroup) else on_arrival(node)
            if now != live[node_id]:
                live[node_id] = now
                for before in feeds.get(node_id, ()):
                    if before not in queued:
                        queued.add(before)
                        work.append(before)
        return {bid: tuple(sorted(live[bid])) for bid in self.beats}

    def freeze(self, beat_id: str, state: State) -> Frozen:
        """The hashable form of a state on arriving at a beat: live variables only, counters capped."""
        out = []
        for var in self.live[beat_id] if self.reduce else sorted(state):
            if var in state:
                v = state[var]
                cap = self.caps.get(var) if self.reduce else None
                if cap is not None and v.__class__ is int and (v - cap[1]) * cap[0] > 0:
                    v = cap[1]
                out.append((var, v.__class__ is bool, v))
        return tuple(out)

    def holds(self, site: Site, cond: Condition | None, state: State, beat: str) -> bool:
        """Evaluate a condition as the player would; an unset read is a defect and counts as not holding."""
        self.tried.add(site)
        if cond is None:
            return True
        try:
            result = holds(cond, state)
        except UnsetVariable as e:
            if e.var in self.types:  # an undeclared read is reported statically
                self.report("read_before_set", beat, f"{_site_words(site)} reads {e.var} before anything sets it "
                            f"(state: {_show(state)})", f"{site}{e.var}")
            return False
        self.evaluated.add(site)
        if result:
            self.held.add(site)
        return result

    def resolve(self, target: str, state: State, beat: Beat) -> Node | None:
        """Where a target leads in this state: a beat node, or None (after reporting why) when nowhere."""
        seen: list[str] = []  # the groups passed through, to catch a circle of groups
        passed: set[str] = set()
        while target not in self.beats:
            group = self.groups.get(target)
            if group is None:
                self.report("unknown_target", beat.id, f"leads to {target}, which is neither a beat nor a group",
                            target)
                return None
            if target in passed:
                self.report("group_cycle", beat.id, "segment groups lead round in a circle: "
                            f"{' -> '.join((*seen, target))}", target)
                return None
            seen.append(target)
            passed.add(target)
            self.groups_reached.add(target)
            for i, cand in enumerate(group.candidates):
                if self.holds(("candidate", group.id, i), cand.condition, state, beat.id):
                    self.chosen.add((group.id, i))
                    target = cand.target
                    break
            else:
                self.report("dead_end", beat.id, f"leads to group {group.id}, but none of its candidates' "
                            f"conditions hold (state: {_show(state)})", f"group {group.id}")
                return None
        if seen and self.beats[target].episode != beat.episode:
            self.report("cross_episode", beat.id, f"reaches {target} of episode {self.beats[target].episode} "
                        f"through group {seen[-1]}; episodes only change at an ending", target)
        return target, self.freeze(target, state)

    def step(self, beat: Beat, state: State) -> list[Node] | None:
        """The nodes a beat leads to from this arrival state; None for a final ending."""
        for name, v in _tellings(beat):
            present = set(beat.characters) | {line.speaker for line in v.lines}
            for who in sorted(present):
                if state.get(alive_var(who)) is False:
                    self.report("dead_character", beat.id, f"{who} appears{name} after dying "
                                f"({alive_var(who)} is False)", who)
        try:
            post = apply(beat.effects, state)
        except TypeError as e:
            self.report("bad_effect", beat.id, f"its effects cannot apply: {e}")
            self.broken.add(beat.id)
            return []
        if beat.ending is not None:
            if beat.episode >= self.last:
                return None
            entry = self.entries.get(beat.episode + 1)
            if entry is None or entry not in self.beats:
                self.report("unknown_target", beat.id, f"episode {beat.episode + 1} has no entry beat")
                return []
            return [(entry, self.freeze(entry, post))]
        out: list[Node] = []
        if beat.choice is not None:
            choice = beat.choice
            offered = [o for o in choice.options if self.holds(("option", beat.id, o.id), o.condition, post, beat.id)]
            if not offered:
                self.report("dead_end", beat.id, f"choice {choice.id} offers no option (state: {_show(post)})",
                            "choice")
                return []
            if choice.default not in {o.id for o in offered}:
                self.report("default_unavailable", beat.id, f"choice {choice.id}'s default option {choice.default} "
                            f"is not offered when state is {_show(post)}; a timeout has nowhere to go")
            for o in offered:
                try:
                    after = apply(o.effects, post)
                except TypeError as e:
                    self.report("bad_effect", beat.id, f"option {o.id}'s effects cannot apply: {e}", o.id)
                    continue
                node = self.resolve(o.target, after, beat)
                if node is not None:
                    out.append(node)
            return out
        if not beat.next:
            self.report("dead_end", beat.id, "is not an ending but has neither a choice nor next edges", "no exits")
            return []
        for i, edge in enumerate(beat.next):
            if self.holds(("edge", beat.id, i), edge.condition, post, beat.id):
                node = self.resolve(edge.target, post, beat)
                return [node] if node is not None else []
        self.report("dead_end", beat.id, f"none of its next edges' conditions hold (state: {_show(post)})", "edges")
        return []

    def explore(self) -> None:
        first = self.entries.get(1)
        if first is None or first not in self.beats:
            self.report("unknown_target", None, "episode 1 has no entry beat")
            return
        start: Node = (first, self.freeze(first, initial_state(self.graph.variables)))
        self.nodes[start] = 0
        self.succ.append([])
        queue = deque([start])
        while queue:
            node = queue.popleft()
            index = self.nodes[node]
            beat_id, frozen = node
            nexts = self.step(self.beats[beat_id], {k: v for k, _, v in frozen})
            if nexts is None:
                self.terminal.add(index)
                continue
            for n in nexts:
                j = self.nodes.get(n)
                if j is None:
                    if len(self.nodes) >= self.max_states:
                        self.truncated = True
                        continue
                    j = self.nodes[n] = len(self.succ)
                    self.succ.append([])
                    queue.append(n)
                if j not in self.succ[index]:
                    self.succ[index].append(j)
        if self.truncated:
            self.report("too_large", None, f"graph too large to check exhaustively: stopped after {self.max_states} "
                        f"states; unreachable parts, loops and unsatisfiable conditions were not checked")

    # -- conclusions from the exploration -------------------------------------------------------

    def state_graph(self) -> "nx.DiGraph[int]":
        g: nx.DiGraph[int] = nx.DiGraph()
        g.add_nodes_from(range(len(self.succ)))
        g.add_edges_from((i, j) for i, js in enumerate(self.succ) for j in js)
        return g

    def check_loops(self, g: "nx.DiGraph[int]") -> None:
        # States from which a final ending can still be reached: a search backwards from the terminals.
        finishing: set[int] = set()
        if self.terminal:
            finishing = set(nx.multi_source_dijkstra_path_length(g.reverse(copy=False), self.terminal))
        stuck = set(g.nodes) - finishing
        if not stuck:
            return
        names = [n[0] for n in sorted(self.nodes, key=self.nodes.__getitem__)]
        sub = g.subgraph(stuck)
        cond = nx.condensation(sub)
        seen: set[frozenset[str]] = set()
        for c in cond.nodes:
            members = cond.nodes[c]["members"]
            cyclic = len(members) > 1 or any(sub.has_edge(m, m) for m in members)
            if not cyclic or cond.out_degree(c):
                continue  # loops that drain into a dead end: the dead end is the defect reported
            beats = frozenset(names[m] for m in members)
            if beats in seen:
                continue
            seen.add(beats)
            ordered = sorted(beats, key=self.order.__getitem__)
            self.report("inescapable_loop", ordered[0], f"beats {', '.join(ordered)} loop with no way on to a final "
                        f"ending", ",".join(ordered))

    def count_paths(self, g: "nx.DiGraph[int]") -> int | None:
        if not nx.is_directed_acyclic_graph(g):
            return None
        ways = [0] * len(self.succ)
        for i in reversed(list(nx.topological_sort(g))):
            ways[i] = 1 if i in self.terminal else sum(ways[j] for j in self.succ[i])
        return ways[0] if ways else 0

    def check_coverage(self, reached: set[str]) -> None:
        for b in self.graph.beats:
            if b.id in reached:
                continue
            if b.ending is not None:
                self.report("unreachable_ending", b.id, f"ending {b.ending} can never be reached")
            else:
                self.report("unreachable_beat", b.id, "can never be reached from episode 1's entry")
        for ep in self.graph.episodes:
            if not any(b.id in reached for b in self.graph.beats if b.episode == ep.number):
                self.report("episode_unreachable", ep.entry, f"no beat of episode {ep.number} can be reached",
                            str(ep.number))
        for site, at, _ in self.sites():
            kind = site[0]
            if site in self.flawed_sites or site in self.held or kind == "candidate":
                continue
            if site in self.evaluated:
                what = "next edge " + str(site[2]) if kind == "edge" else f"option {site[2]}"
                self.report("unsatisfiable_condition", at, f"the condition on {what} never holds in any reached "
                            f"state", str(site))
        for b in self.graph.beats:
            if b.id not in reached or b.id in self.broken or b.choice is not None or b.ending is not None:
                continue
            for i, edge in enumerate(b.next):
                if ("edge", b.id, i) not in self.tried:
                    self.report("edge_shadowed", b.id, f"next edge {i} (-> {edge.target}) is never tried: an "
                                f"earlier edge is always taken", str(i))
        for g in self.graph.groups:
            if g.id not in self.groups_reached:
                self.report("unreachable_group", g.id, f"segment group {g.id} is never reached")
                continue
            for i, cand in enumerate(g.candidates):
                if (g.id, i) not in self.chosen:
                    why = ("its condition never holds when tried" if ("candidate", g.id, i) in self.evaluated
                           else "an earlier candidate always wins")
                    self.report("unreachable_candidate", g.id, f"candidate {i} (-> {cand.target}) is never "
                                f"played: {why}", str(i))

    def run(self) -> Report:
        self.caps = self.counter_caps()
        self.live = self.liveness()
        self.check_types()
        self.check_speakers()
        self.check_content()
        self.check_episodes()
        self.explore()
        reached = {beat_id for beat_id, _ in self.nodes}
        paths: int | None = None
        if not self.truncated:
            self.check_coverage(reached)
            g = self.state_graph()
            paths = self.count_paths(g)
            self.check_loops(g)
        ending_ids = {b.ending for b in self.graph.beats if b.ending and b.id in reached}
        rank = {"error": 0, "warning": 1}
        problems = sorted(self.problems.values(),
                          key=lambda p: (rank[p.severity], -1 if p.beat is None else self.order.get(p.beat, len(self.order)),
                                         p.code, p.message))
        return Report(story_id=self.story.id, problems=problems, beats=len(self.graph.beats),
                      reachable_beats=len(reached), endings=len(self.graph.endings),
                      endings_reachable=sum(e.id in ending_ids for e in self.graph.endings),
                      states=len(self.nodes), complete=not self.truncated, paths=paths)


def _site_words(site: Site) -> str:
    kind, owner, which = site
    if kind == "edge":
        return f"next edge {which}"
    if kind == "option":
        return f"option {which}'s condition"
    return f"group {owner}'s candidate {which}"


def _tellings(beat: Beat) -> list[tuple[str, Beat | BeatVariant]]:
    """The beat itself and each of its variants, with words to name the variant in a message."""
    return [("", beat), *((f" in its {name} variant", v) for name, v in beat.variants.items())]


def _text_of(v: Beat | BeatVariant, with_choice: Beat | None) -> str:
    parts = [v.narration, v.action]
    for line in v.lines:
        parts += [line.text, line.direction or ""]
    if with_choice is not None:
        parts.append(with_choice.title)
        if with_choice.choice:
            parts += [with_choice.choice.prompt, *(o.text for o in with_choice.choice.options)]
    return "\n".join(parts)


def validate(story: Story, *, profile: Profile | None = None, max_states: int = 200_000) -> Report:
    """Check a story: play every path through its state space and run the static checks.

    ``profile``, when given, tightens the content limits (its rating ceiling and content
    limits) and adds its ``avoid`` themes. Exploration stops after ``max_states`` distinct
    (beat, state) pairs with a "too_large" warning instead of running on.
    """
    return _Checker(story, profile, max(1, max_states)).run()
