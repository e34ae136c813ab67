"""A picture of the story graph (SVG or PNG) drawn by Graphviz.

Beats are boxes coloured by tension, choice options are labelled arrows, segment groups are
diamonds, endings are double octagons, and each episode is a cluster. Paths through it (tellings
as played, e.g. two friends' of one shared story) are drawn over it, each in its colour: its
beats outlined, its arrows thick (an arrow both took carries both colours side by side).
"""

import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from ..errors import BadInputError, MissingDependencyError
from ..model import Condition, Story
from ..model.state import describe
from ..store.files import write_atomic


def _cond(c: Condition | None) -> str:
    return "if " + describe(c, compact=True) if c else ""


def _tension_color(t: float) -> str:
    # From calm blue-green to hot red.
    r = int(80 + 175 * t)
    g = int(200 - 140 * t)
    b = int(190 - 150 * t)
    return f"#{r:02x}{g:02x}{b:02x}"


class Trail(NamedTuple):
    """A path to draw over the graph: the beats it played, in order, its colour, and the option
    it took at each of them (None where it took none)."""

    label: str
    beats: list[str]
    color: str
    options: Sequence[str | None] = ()


def _hops(story: Story, beats: list[str]) -> set[tuple[str, str]]:
    """The arrows a path took: beat to beat, and through a segment group between them."""
    targets: dict[str, set[str]] = {}
    for b in story.graph.beats:
        targets[b.id] = {e.target for e in b.next} | {o.target for o in (b.choice.options if b.choice else [])}
    groups = {g.id: {c.target for c in g.candidates} for g in story.graph.groups}
    out = set()
    for a, b in zip(beats, beats[1:]):
        out.add((a, b))
        for g, members in groups.items():
            if b in members and g in targets.get(a, set()):
                out |= {(a, g), (g, b)}
    return out


def to_dot(story: Story, paths: Sequence[Trail] = (), parted: str | None = None):
    """The graph as Graphviz source; ``paths`` drawn over it, ``parted`` (a beat) marked as
    where they part."""
    try:
        import graphviz
    except ImportError:
        raise MissingDependencyError("pictures need the graphviz package: pip install 'dreamreel[picture]'") from None
    g = graphviz.Digraph(story.id, graph_attr={"rankdir": "TB", "fontname": "Helvetica", "label": story.bible.title,
                                               "labelloc": "t", "fontsize": "20", "bgcolor": "white"},
                         node_attr={"fontname": "Helvetica", "fontsize": "10", "style": "filled,rounded",
                                    "shape": "box"},
                         edge_attr={"fontname": "Helvetica", "fontsize": "9"})
    on: dict[str, list[str]] = {}
    hops: dict[tuple[str, str], list[str]] = {}
    took: dict[tuple[str, str], list[str]] = {}   # (beat, option) -> the colours of the paths that took it
    for trail in paths:
        for beat in dict.fromkeys(trail.beats):
            on.setdefault(beat, []).append(trail.color)
        for hop in _hops(story, trail.beats):
            hops.setdefault(hop, []).append(trail.color)
        for taken in dict.fromkeys(zip(trail.beats, trail.options)):
            if taken[1] is not None:
                took.setdefault(taken, []).append(trail.color)  # type: ignore[arg-type]
    if paths:
        g.attr(label=f"{story.bible.title}\n" + "   ".join(t.label for t in paths))

    def drawn(node: str) -> dict[str, str]:
        colors = on.get(node)
        if not colors:
            return {}
        out = {"color": colors[0] if len(colors) == 1 else "black", "penwidth": "4"}
        if node == parted:
            out.update(peripheries="2", xlabel="paths part here")
        return out

    def edge(a: str, b: str, option: str | None = None, **attrs: str) -> None:
        if colors := (took.get((a, option)) if option is not None else hops.get((a, b))):
            attrs.update(color=":".join(colors), penwidth="3", fontcolor="black")
        g.edge(a, b, **attrs)

    for ep in story.graph.episodes:
        with g.subgraph(name=f"cluster_e{ep.number}") as sub:
            sub.attr(label=f"Episode {ep.number}: {ep.title}", style="rounded,dashed", color="#888888")
            for b in story.graph.beats:
                if b.episode != ep.number:
                    continue
                label = f"{b.title}\n[{b.id}]  tension {b.tension:.2f}"
                if b.ending:
                    e = story.graph.ending(b.ending)
                    sub.node(b.id, f"{e.kind.upper()}: {e.title}\n[{b.id}]", shape="doubleoctagon",
                             fillcolor="#f5e6c8", **drawn(b.id))
                else:
                    sub.node(b.id, label, fillcolor=_tension_color(b.tension), fontcolor="black", **drawn(b.id))
            for grp in story.graph.groups:
                if grp.id.startswith(f"e{ep.number}_"):
                    sub.node(grp.id, grp.id, shape="diamond", fillcolor="#dde4ff", style="filled", **drawn(grp.id))
    for b in story.graph.beats:
        if b.choice:
            for o in b.choice.options:
                label = o.text + (f"\n{_cond(o.condition)}" if o.condition else "")
                edge(b.id, o.target, o.id, label=label, color="#b8860b", fontcolor="#8b6508",
                     penwidth="2" if o.id == b.choice.default else "1")
        for e in b.next:
            edge(b.id, e.target, label=_cond(e.condition))
        if b.ending and b.episode < len(story.graph.episodes):
            edge(b.id, story.graph.episodes[b.episode].entry, style="dashed", color="#888888",
                 label="next episode")
    for grp in story.graph.groups:
        for c in grp.candidates:
            edge(grp.id, c.target, label=_cond(c.condition) or "otherwise", color="#4060c0", fontcolor="#4060c0")
    return g


def paths_svg(story: Story, paths: Sequence[Trail], parted: str | None = None) -> bytes:
    """The graph with ``paths`` drawn over it, as SVG (MissingDependencyError without Graphviz)."""
    if shutil.which("dot") is None:
        raise MissingDependencyError("pictures need Graphviz's `dot` program: apt-get install graphviz")
    return to_dot(story, paths, parted).pipe(format="svg")


def render_picture(story: Story, path: str | Path) -> Path:
    """Draw the graph to ``path``; the format comes from its suffix (.svg or .png)."""
    p = Path(path)
    fmt = p.suffix.lower().lstrip(".")
    if fmt not in ("svg", "png"):
        raise BadInputError(f"{p}: a picture must end in .svg or .png")
    if shutil.which("dot") is None:
        raise MissingDependencyError("pictures need Graphviz's `dot` program: apt-get install graphviz")
    data = to_dot(story).pipe(format=fmt)
    return write_atomic(p, data)
