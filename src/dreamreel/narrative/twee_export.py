"""Write a story as Twee 3 source for Twine, story format Harlowe 3.

One passage per beat (passage name = beat id) and one per segment group. A ``StoryInit``
passage tagged ``startup`` sets every variable; a beat sets its effects with ``(set:)``
when entered, offers its options as links (``[[text->beat_id]]``, or ``(link:)`` with the
option's ``(set:)`` effects and a ``(go-to:)``) inside ``(if:)`` hooks for conditions, and
goes on along ``next`` edges through "Continue" links guarded the same way. A group passage
sends the reader on at once with ``(go-to:)``. An episode's ending links to the next
episode's entry. Text that Harlowe would read as markup goes inside verbatim markup, so it
shows as typed.

The IFID is a version-4-shaped UUID derived from the story id: the same story always gets
the same IFID, and different stories get different ones.
"""

import hashlib
import json
import re
import unicodedata
import uuid
from collections import deque

from ..model import Beat, Condition, Effect, Story, StoryGraph
from ..model.state import Value
from .ink_export import normal_clause, placeholder, string_domains, variable_types

HARLOWE_VERSION = "3.3.9"
#: Characters Harlowe never reads as markup on their own (pairs like '' and -- are checked apart).
_PLAIN_PUNCTUATION = frozenset(" .,;:!?\"'’‘“”…-")


def ifid(story_id: str) -> str:
    """A stable IFID for the story: UUID version-4 layout, from a hash of its id."""
    digest = hashlib.sha256(f"dreamreel-ifid:{story_id}".encode()).digest()
    return str(uuid.UUID(bytes=digest[:16], version=4)).upper()


def text(value: str) -> str:
    """Harlowe markup that shows ``value`` literally (verbatim markup unless it is plain words)."""
    value = _one_line(value)
    if not value:
        return ""
    plain = (all(ch.isalnum() or ch in _PLAIN_PUNCTUATION for ch in value)
             and "''" not in value and "--" not in value and not value.startswith(("-", ":")))
    if plain:
        return value
    # Verbatim markup: a run of backticks longer than any inside the text delimits it.
    longest = max((len(m) for m in re.findall(r"`+", value)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def _one_line(value: str) -> str:
    """Control characters dropped and whitespace runs collapsed: one line of text."""
    value = "".join(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in value)
    return " ".join(value.split())


def string(value: str) -> str:
    """A Harlowe string literal (backslash escapes the quote and itself)."""
    value = _one_line(value)
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def literal(value: Value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return string(value)


_OPS = {"==": "is", "!=": "is not", "<": "<", "<=": "<=", ">": ">", ">=": ">="}


class _Writer:
    def __init__(self, story: Story):
        self.story = story
        self.graph: StoryGraph = story.graph
        self.types = variable_types(self.graph)
        self.domains = string_domains(self.graph, self.types)

    def condition(self, cond: Condition | None) -> str | None:
        if cond is None or not (cond.all_of or cond.any_of):
            return None

        def clause(c) -> str:
            form = normal_clause(c, self.types, self.domains)
            if isinstance(form, bool):
                return "true" if form else "false"
            parts = [f"${var} {_OPS[op]} {literal(value)}" for var, op, value in form]
            return parts[0] if len(parts) == 1 else "(" + " or ".join(parts) + ")"

        parts = [f"({clause(c)})" for c in cond.all_of]
        if cond.any_of:
            parts.append("(" + " or ".join(f"({clause(c)})" for c in cond.any_of) + ")")
        return " and ".join(parts)

    @staticmethod
    def effect(e: Effect) -> str:
        if e.op == "add" and isinstance(e.value, int) and e.value < 0:
            return f"(set: ${e.var} to ${e.var} - {-e.value})"
        if e.op == "add":
            return f"(set: ${e.var} to ${e.var} + {literal(e.value)})"
        return f"(set: ${e.var} to {literal(e.value)})"

    def guarded(self, edges: list[tuple[str, Condition | None]], action) -> str:
        """(if:)/(else-if:)/(else:) hooks taking the first edge whose condition holds."""
        out = []
        for i, (target, cond) in enumerate(edges):
            expr = self.condition(cond)
            if expr is None:
                out.append(action(target).strip() if i == 0 else f"(else:)[{action(target)}]")
                return "".join(out)
            out.append(f"({'if' if i == 0 else 'else-if'}: {expr})[{action(target)}]")
        return "".join(out)

    def layout(self) -> dict[str, tuple[int, int]]:
        """Grid positions for Twine's map: column = distance from the start, row = order within it."""
        g = self.graph
        nodes = [b.id for b in g.beats] + [x.id for x in g.groups]
        succ: dict[str, list[str]] = {n: [] for n in nodes}
        for b in g.beats:
            succ[b.id] = [e.target for e in b.next] + [o.target for o in (b.choice.options if b.choice else [])]
        for x in g.groups:
            succ[x.id] = [c.target for c in x.candidates]
        depth: dict[str, int] = {}
        for ep in g.episodes:
            queue = deque([ep.entry])
            depth.setdefault(ep.entry, 0)
            while queue:
                n = queue.popleft()
                for m in succ.get(n, []):
                    if m not in depth:
                        depth[m] = depth[n] + 1
                        queue.append(m)
        rows: dict[int, int] = {}
        pos: dict[str, tuple[int, int]] = {}
        for n in nodes:
            d = depth.get(n, max(depth.values(), default=0) + 1)
            pos[n] = (100 + 200 * d, 100 + 150 * rows.get(d, 0))
            rows[d] = rows.get(d, 0) + 1
        return pos

    def passage(self, name: str, tags: list[str], body: list[str], pos: tuple[int, int] | None) -> str:
        clean = [re.sub(r"[\s\[\]{}]+", "_", t).strip("_") for t in tags]
        tag_part = f" [{' '.join(t for t in dict.fromkeys(clean) if t)}]" if any(clean) else ""
        meta = f' {{"position":"{pos[0]},{pos[1]}","size":"100,100"}}' if pos else ""
        # A content line starting with "::" would open a new passage in Twee.
        lines = ["\\" + ln if ln.startswith("::") else ln for ln in body]
        return f":: {name}{tag_part}{meta}\n" + "\n".join(lines) + "\n"

    def beat(self, b: Beat) -> list[str]:
        g = self.graph
        body = [self.effect(e) for e in b.effects]
        for para in b.narration.splitlines():
            if para.strip():
                body.append(text(para))
        for para in b.action.splitlines():
            if para.strip():
                body.append(f"//{text(para)}//" if text(para) == " ".join(para.split()) else text(para))
        names = {c.id: c.name for c in self.story.bible.cast}
        how = {"sung": " (sings)", "to_camera": " (to camera)"}
        for ln in b.lines:
            body.append(f"''{text(names.get(ln.speaker, ln.speaker))}{how.get(ln.delivery, '')}:'' {text(ln.text)}")
        if b.ending is not None:
            end = g.ending(b.ending)
            body.append("")
            body.append(f"''{text(end.title)}''")
            if b.episode < len(g.episodes):
                body.append(f"[[Next episode->{g.episodes[b.episode].entry}]]")
            return body
        if b.choice:
            body.append("")
            body.append(text(b.choice.prompt))
            for o in b.choice.options:
                if o.effects:
                    link = (f"(link: {string(o.text)})[" + "".join(self.effect(e) for e in o.effects)
                            + f"(go-to: {string(o.target)})]")
                elif re.search(r"\[\[|\]\]|->|<-|\|", o.text) or not o.text.strip():
                    link = f"(link-goto: {string(o.text)}, {string(o.target)})"
                else:
                    link = f"[[{' '.join(o.text.split())}->{o.target}]]"
                expr = self.condition(o.condition)
                body.append(f"(if: {expr})[ {link} ]" if expr else link)
            return body
        if b.next:
            body.append("")
            body.append(self.guarded([(e.target, e.condition) for e in b.next],
                                     lambda t: f" [[Continue->{t}]] "))
        return body

    def write(self) -> str:
        s, g = self.story, self.graph
        data = {
            "ifid": ifid(s.id),
            "format": "Harlowe",
            "format-version": HARLOWE_VERSION,
            "start": g.episodes[0].entry,
            "zoom": 1,
        }
        out = [self.passage("StoryTitle", [], [_one_line(s.bible.title)], None),
               ":: StoryData\n" + json.dumps(data, indent=2) + "\n"]
        declared = {v.name: v for v in g.variables}
        init = []
        for name, t in self.types.items():
            v = declared.get(name)
            value = v.initial if v is not None and v.initial is not None else placeholder(t)
            init.append(f"(set: ${name} to {literal(value)})")
        out.append(self.passage("StoryInit", ["startup"], init or [""], None))
        pos = self.layout()
        for b in g.beats:
            tags = [f"episode{b.episode}", b.role, *(["ending"] if b.ending else []), *b.tags]
            out.append(self.passage(b.id, tags, self.beat(b), pos[b.id]))
        for x in g.groups:
            body = [self.guarded([(c.target, c.condition) for c in x.candidates],
                                 lambda t: f"(go-to: {string(t)})")]
            out.append(self.passage(x.id, ["group"], body, pos[x.id]))
        return "\n".join(out)


def to_twee(story: Story) -> str:
    """The story as Twee 3 source (Harlowe 3)."""
    return _Writer(story).write()
