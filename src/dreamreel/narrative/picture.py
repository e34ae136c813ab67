"""A picture of the story graph (SVG or PNG) drawn by Graphviz.

Beats are boxes coloured by tension, choice options are labelled arrows, segment groups are
diamonds, endings are double octagons, and each episode is a cluster.
"""

import shutil
from pathlib import Path

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


def to_dot(story: Story):
    try:
        import graphviz
    except ImportError:
        raise MissingDependencyError("pictures need the graphviz package: pip install 'dreamreel[picture]'") from None
    g = graphviz.Digraph(story.id, graph_attr={"rankdir": "TB", "fontname": "Helvetica", "label": story.bible.title,
                                               "labelloc": "t", "fontsize": "20", "bgcolor": "white"},
                         node_attr={"fontname": "Helvetica", "fontsize": "10", "style": "filled,rounded",
                                    "shape": "box"},
                         edge_attr={"fontname": "Helvetica", "fontsize": "9"})
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
                             fillcolor="#f5e6c8")
                else:
                    sub.node(b.id, label, fillcolor=_tension_color(b.tension), fontcolor="black")
            for grp in story.graph.groups:
                if grp.id.startswith(f"e{ep.number}_"):
                    sub.node(grp.id, grp.id, shape="diamond", fillcolor="#dde4ff", style="filled")
    for b in story.graph.beats:
        if b.choice:
            for o in b.choice.options:
                label = o.text + (f"\n{_cond(o.condition)}" if o.condition else "")
                g.edge(b.id, o.target, label=label, color="#b8860b", fontcolor="#8b6508",
                       penwidth="2" if o.id == b.choice.default else "1")
        for e in b.next:
            g.edge(b.id, e.target, label=_cond(e.condition))
        if b.ending and b.episode < len(story.graph.episodes):
            g.edge(b.id, story.graph.episodes[b.episode].entry, style="dashed", color="#888888",
                   label="next episode")
    for grp in story.graph.groups:
        for c in grp.candidates:
            g.edge(grp.id, c.target, label=_cond(c.condition) or "otherwise", color="#4060c0", fontcolor="#4060c0")
    return g


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
