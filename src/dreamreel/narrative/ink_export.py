"""Write a story as ink source (``.ink``) that inkle's compilers accept.

The ink plays exactly as the graph does (model/story.py): one knot per beat and one per
segment group (knot name = id), VAR for every state variable, ``~`` lines for effects,
sticky choices (``+``: a beat revisited in a loop offers its options again, as the graph
does) guarded by the option conditions, conditional diverts for ``next`` edges and groups
in order, and episode endings that divert to the next episode's entry.

Machine tags carry what ink has no syntax for, so ink_import can rebuild the graph:
``# beat:<id>``, ``# episode:<n>``, ``# title:...``, ``# place:<id>``, ``# tension:0.7``,
``# ending:<id>`` on a beat's first line; ``# speaker:<id>``, ``# emotion:<e>``, ``# delivery:sung``
(or ``to_camera``) on dialogue;
``# action`` on action lines; ``# prompt`` on the choice prompt; ``# option:<id>`` and
``# default`` on choices. A beat's own tags follow as plain ``# tag`` (prefixed ``tag:``
when one would read as a machine tag). Every text is escaped, so whatever a writer or a
viewer typed ("-> END", "{x}", "# y", "// z") stays literal text.

Calm/intense variants and content levels are not exported (ink has one telling a beat).
"""

import re
import unicodedata
from dataclasses import dataclass

from ..model import Beat, Clause, Condition, Effect, Story, StoryGraph
from ..model.state import Value, VarType, clause_holds

#: Words ink reserves (or parses specially) that a knot or VAR cannot be named.
RESERVED = frozenset({
    "true", "false", "not", "and", "or", "mod", "has", "hasnt", "temp", "ref", "return", "else",
    "function", "stopping", "cycle", "shuffle", "once", "list", "var", "const", "include", "external",
})
#: Tag keys ink_export writes and ink_import reads back.
MACHINE_KEYS = frozenset({
    "beat", "episode", "episode_title", "title", "role", "place", "time", "weather", "tension",
    "cast", "ending", "ending_kind", "ending_title", "speaker", "emotion", "direction", "delivery", "action",
    "prompt", "choice", "timeout", "option", "default", "title_only", "tag",
})
_KEYWORD_START = re.compile(r"(?i)(todo|var|const|list|include|external)")
_ALWAYS_ESCAPED = frozenset("\\{}[]|#~*+=")


@dataclass(frozen=True)
class InkNames:
    """Graph ids -> ink names. Equal to the ids except where ink reserves or shares a name."""

    knots: dict[str, str]
    variables: dict[str, str]


def _fresh(base: str, taken: set[str]) -> str:
    name, n = base, 2
    while name in taken or name in RESERVED:
        name = f"{base}_{n}"
        n += 1
    taken.add(name)
    return name


def ink_names(graph: StoryGraph) -> InkNames:
    """Knot names for beats and groups, VAR names for variables (ink shares one namespace)."""
    taken: set[str] = set()
    knots: dict[str, str] = {}
    ids = [b.id for b in graph.beats] + [g.id for g in graph.groups]
    taken |= {i for i in ids if i not in RESERVED}
    for i in ids:
        knots[i] = i if i not in RESERVED else _fresh(f"k_{i}", taken)
    variables: dict[str, str] = {}
    for name in variable_types(graph):
        variables[name] = name if name not in taken and name not in RESERVED else _fresh(f"v_{name}", taken)
        taken.add(variables[name])
    return InkNames(knots=knots, variables=variables)


def _type_of(value: Value) -> VarType:
    return "bool" if isinstance(value, bool) else "int" if isinstance(value, int) else "str"


def _all_effects(graph: StoryGraph) -> list[Effect]:
    out: list[Effect] = []
    for b in graph.beats:
        out += b.effects
        for o in b.choice.options if b.choice else []:
            out += o.effects
    return out


def _all_clauses(graph: StoryGraph) -> list[Clause]:
    conds: list[Condition | None] = []
    for b in graph.beats:
        conds += [e.condition for e in b.next]
        conds += [o.condition for o in (b.choice.options if b.choice else [])]
    for g in graph.groups:
        conds += [c.condition for c in g.candidates]
    return [c for cond in conds if cond for c in (*cond.all_of, *cond.any_of)]


def variable_types(graph: StoryGraph) -> dict[str, VarType]:
    """Declared variables, then any that effects or conditions use undeclared (type of first use)."""
    types: dict[str, VarType] = {v.name: v.type for v in graph.variables}
    for e in _all_effects(graph):
        types.setdefault(e.var, _type_of(e.value))
    for c in _all_clauses(graph):
        types.setdefault(c.var, _type_of(c.value))
    return types


def _clean(text: str) -> str:
    """One line: control characters dropped, whitespace runs collapsed (ink collapses them too)."""
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in text)
    return " ".join(text.split())


def escape(text: str, *, in_string: bool = False) -> str:
    """Text that ink prints literally: every character ink could read as syntax gets a backslash."""
    s = _clean(text)
    out: list[str] = []
    for i, ch in enumerate(s):
        prev = s[i - 1] if i else ""
        nxt = s[i + 1] if i + 1 < len(s) else ""
        special = (
            ch in _ALWAYS_ESCAPED
            or (in_string and ch == '"')
            or (ch == "-" and (i == 0 or nxt == ">"))  # gather / divert
            or (ch == "<" and nxt in (">", "-"))  # glue / thread
            or (ch == "/" and (prev in ("/", "*") or nxt in ("/", "*")))  # comments
            or (ch == "(" and i == 0)  # label
        )
        out.append("\\" + ch if special else ch)
    escaped = "".join(out)
    if not in_string and _KEYWORD_START.match(escaped):
        escaped = "\\" + escaped  # a line starting "TODO:" or "VAR" would be read as a statement
    return escaped


def literal(value: Value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return f'"{escape(value, in_string=True)}"'


def string_domains(graph: StoryGraph, types: dict[str, VarType]) -> dict[str, set[str]]:
    """Every value a string variable can hold: its initial value and every value set."""
    dom: dict[str, set[str]] = {n: set() for n, t in types.items() if t == "str"}
    for v in graph.variables:
        if v.name in dom:
            dom[v.name].add(v.initial if isinstance(v.initial, str) else "")
    for e in _all_effects(graph):
        if e.var in dom and isinstance(e.value, str):
            dom[e.var].add(e.value)
    return dom


def normal_clause(c: Clause, types: dict[str, VarType], domains: dict[str, set[str]]) -> bool | list[tuple[str, str, Value]]:
    """A clause as a constant, or as comparisons (joined by "or") that ink and Harlowe can both write.

    The graph compares with Python's rules (model/state.py): True == 1, values of different
    types are never equal, and only numbers and strings are ordered. Neither ink nor Harlowe
    orders strings, but a string variable only holds the values the story gives it.
    """
    t = types[c.var]
    value: Value = c.value
    equality = c.op in ("==", "!=")
    if t == "bool" and _type_of(value) == "int" and value in (0, 1) and equality:
        value = bool(value)
    if t == "int" and _type_of(value) == "bool" and equality:
        value = int(value)
    if _type_of(value) != t:
        return c.op == "!="
    if t == "bool" and not equality:
        return False
    if t == "str" and not equality:
        probe = Clause(var=c.var, op=c.op, value=value)
        ok = sorted(d for d in domains.get(c.var, set()) if clause_holds(probe, {c.var: d}))
        return [(c.var, "==", d) for d in ok] if ok else False
    return [(c.var, c.op, value)]


def placeholder(t: VarType) -> Value:
    return {"bool": False, "int": 0, "str": ""}[t]


class _Writer:
    def __init__(self, story: Story):
        self.story = story
        self.graph = story.graph
        self.names = ink_names(self.graph)
        self.types = variable_types(self.graph)
        self.domains = string_domains(self.graph, self.types)
        self.lines: list[str] = []

    # -- expressions ---------------------------------------------------------------------
    def clause(self, c: Clause) -> str:
        form = normal_clause(c, self.types, self.domains)
        if isinstance(form, bool):
            return "true" if form else "false"
        parts = [f"{self.names.variables[var]} {op} {literal(value)}" for var, op, value in form]
        return parts[0] if len(parts) == 1 else "(" + " or ".join(parts) + ")"

    def condition(self, cond: Condition | None) -> str | None:
        if cond is None or not (cond.all_of or cond.any_of):
            return None
        parts = [f"({self.clause(c)})" for c in cond.all_of]
        if cond.any_of:
            parts.append("(" + " or ".join(f"({self.clause(c)})" for c in cond.any_of) + ")")
        return " and ".join(parts)

    def effect(self, e: Effect) -> str:
        name = self.names.variables[e.var]
        if e.op == "add" and isinstance(e.value, int) and e.value < 0:
            return f"~ {name} = {name} - {-e.value}"
        if e.op == "add":
            return f"~ {name} = {name} + {literal(e.value)}"
        return f"~ {name} = {literal(e.value)}"

    def knot(self, node_id: str) -> str:
        return self.names.knots[node_id]

    # -- document --------------------------------------------------------------------------
    def write(self) -> str:
        s, g = self.story, self.graph
        out = self.lines
        out.append(f"// Written by dreamreel from story {s.id}; compile with inklecate or inkjs.")
        out.append(f"# title: {escape(s.bible.title)}")
        out.append(f"# story:{s.id}")
        out.append("")
        initial = {v.name: v for v in g.variables}
        for name, t in self.types.items():
            v = initial.get(name)
            ink = self.names.variables[name]
            note = f" // graph variable {name!r}" if ink != name else ""
            if v is None:
                out.append(f"VAR {ink} = {literal(placeholder(t))} // not declared in the graph; placeholder{note}")
            elif v.initial is None:
                out.append(f"VAR {ink} = {literal(placeholder(t))} // unset until an effect sets it; placeholder{note}")
            else:
                out.append(f"VAR {ink} = {literal(v.initial)}{note}")
        out.append("")
        out.append(f"-> {self.knot(g.episodes[0].entry)}")
        for b in g.beats:
            self.beat(b)
        for grp in g.groups:
            out.append("")
            out.append(f"=== {self.knot(grp.id)} ===")
            if grp.description:
                out.append(f"// segment group: {_clean(grp.description)[:200]}")
            self.diverts([(c.target, c.condition) for c in grp.candidates])
        return "\n".join(out) + "\n"

    def diverts(self, edges: list[tuple[str, Condition | None]], indent: str = "") -> None:
        for target, cond in edges:
            expr = self.condition(cond)
            if expr is None:
                self.lines.append(f"{indent}-> {self.knot(target)}")
                return
            self.lines.append(f"{indent}{{{expr}: -> {self.knot(target)}}}")
        self.lines.append(f"{indent}-> END // no edge's condition holds: a dead end in the graph")

    def beat_tags(self, b: Beat) -> list[str]:
        g = self.graph
        tags = [f"beat:{b.id}", f"episode:{b.episode}", f"title:{b.title}", f"role:{b.role}",
                f"place:{b.place}", f"time:{b.time_of_day}", f"weather:{b.weather}", f"tension:{b.tension:g}"]
        for ep in g.episodes:
            if ep.entry == b.id and ep.number == b.episode:
                tags.append(f"episode_title:{ep.title}")
        if b.characters:
            tags.append("cast:" + ",".join(b.characters))
        if b.ending is not None:
            end = g.ending(b.ending)
            tags += [f"ending:{end.id}", f"ending_kind:{end.kind}", f"ending_title:{end.title}"]
        for t in b.tags:
            key = t.split(":", 1)[0].strip()
            tags.append(f"tag:{t}" if key in MACHINE_KEYS else t)
        return tags

    def beat(self, b: Beat) -> None:
        out = self.lines
        out.append("")
        out.append(f"=== {self.knot(b.id)} ===")
        for e in b.effects:
            out.append(self.effect(e))
        body: list[tuple[str, list[str]]] = []
        for para in b.narration.splitlines():
            if _clean(para):
                body.append((escape(para), []))
        for para in b.action.splitlines():
            if _clean(para):
                body.append((escape(para), ["action"]))
        for ln in b.lines:
            name = self.story.bible.character(ln.speaker).name if ln.speaker in {
                c.id for c in self.story.bible.cast} else ln.speaker
            tags = [f"speaker:{ln.speaker}"]
            if ln.emotion != "neutral":
                tags.append(f"emotion:{ln.emotion}")
            if ln.direction:
                tags.append(f"direction:{ln.direction}")
            if ln.delivery != "spoken":
                tags.append(f"delivery:{ln.delivery}")
            body.append((escape(f"{name}: {ln.text}"), tags))
        if b.choice:
            body.append((escape(b.choice.prompt),
                         ["prompt", f"choice:{b.choice.id}", f"timeout:{b.choice.timeout_s:g}"]))
        if not body:
            # Tags ride on a line of text; a beat with none shows its title.
            body.append((escape(b.title), ["title_only"]))
        body[0] = (body[0][0], self.beat_tags(b) + body[0][1])
        for text, tags in body:
            out.append(text + "".join(f" # {escape(t)}" for t in tags))
        if b.ending is not None:
            last = len(self.graph.episodes)
            if b.episode < last:
                out.append(f"-> {self.knot(self.graph.episodes[b.episode].entry)} // episode {b.episode} ends")
            else:
                out.append("-> END")
            return
        if b.choice:
            for o in b.choice.options:
                expr = self.condition(o.condition)
                guard = f"{{{expr}}} " if expr else ""
                tags = [f"option:{o.id}"] + (["default"] if o.id == b.choice.default else []) + list(o.tags)
                label = escape(o.text) + "".join(f" # {escape(t)}" for t in tags)
                out.append(f"+ {guard}[{label}]")
                for e in o.effects:
                    out.append("    " + self.effect(e))
                out.append(f"    -> {self.knot(o.target)}")
            return
        self.diverts([(e.target, e.condition) for e in b.next])


def to_ink(story: Story) -> str:
    """The story as ink source text."""
    return _Writer(story).write()
