"""A readable outline of a story for the terminal: bible, then each episode as a screenplay."""

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from ..model import Beat, Story
from ..model.state import describe as _cond


def _tension_bar(t: float) -> Text:
    n = round(t * 10)
    color = "green" if t < 0.4 else "yellow" if t < 0.75 else "red"
    return Text("▮" * n + "▯" * (10 - n), style=color)


def bible_panel(story: Story) -> RenderableType:
    b = story.bible
    cast = Table.grid(padding=(0, 2))
    cast.add_column(style="bold")
    cast.add_column()
    for c in b.cast:
        cast.add_row(c.name, f"[italic]{c.role}[/], {c.archetype}. Wants to {c.goal}.")
    head = Text.assemble((b.title, "bold magenta"), "\n", (b.logline, "italic"), "\n\n",
                         ("World: ", "bold"), b.world.description, "\n",
                         ("Genres: ", "bold"), " + ".join(b.genres), "   ", ("Tone: ", "bold"), b.tone, "\n",
                         ("Look: ", "bold"), b.style.look, "\n", ("Music: ", "bold"), b.style.music)
    notes = story.generator.get("notes")
    parts: list[RenderableType] = [head, Text(""), cast]
    if notes:
        parts += [Text(""), Text(f"Note: {notes}", style="yellow")]
    return Panel(Group(*parts), title=f"{story.id}  (seed {story.seed}, rated {story.request.rating})",
                 border_style="magenta")


def beat_text(story: Story, beat: Beat) -> Text:
    names = {c.id: c.name.split()[0] for c in story.bible.cast}
    place = story.bible.place(beat.place).name
    out = Text()
    out.append(f"{beat.title}", style="bold")
    out.append(f"  [{beat.id}] ", style="dim")
    out.append_text(_tension_bar(beat.tension))
    out.append(f"\n  {place.upper()}, {beat.time_of_day.upper()}", style="cyan")
    if beat.weather != "clear":
        out.append(f", {beat.weather}", style="cyan")
    if beat.narration:
        out.append(f"\n  {beat.narration}", style="italic")
    if beat.action:
        out.append(f"\n  {beat.action}")
    for line in beat.lines:
        out.append(f"\n    {names.get(line.speaker, line.speaker).upper()}", style="bold")
        out.append(f" ({line.emotion})" if line.emotion != "neutral" else "", style="dim")
        out.append({"sung": " ♪ sings", "to_camera": " to camera"}.get(line.delivery, ""), style="magenta")
        out.append(f": {line.text}")
    for e in beat.effects:
        out.append(f"\n  ~ {e.var} {'=' if e.op == 'set' else '+='} {e.value!r}", style="dim")
    return out


def episode_tree(story: Story, number: int) -> Tree:
    ep = story.graph.episodes[number - 1]
    tree = Tree(Text.assemble((f"Episode {ep.number}: {ep.title}", "bold green")))
    for beat in (b for b in story.graph.beats if b.episode == number):
        node = tree.add(beat_text(story, beat))
        if beat.choice:
            ch = node.add(Text(f"CHOICE: {beat.choice.prompt}  (default {beat.choice.default}, "
                               f"{beat.choice.timeout_s:g}s)", style="bold yellow"))
            for o in beat.choice.options:
                cond = f" [if {_cond(o.condition)}]" if o.condition else ""
                eff = ", ".join(f"{e.var}{'=' if e.op == 'set' else '+='}{e.value!r}" for e in o.effects)
                ch.add(Text(f"▸ {o.text} -> {o.target}{cond}" + (f"  ({eff})" if eff else ""), style="yellow"))
        for edge in beat.next:
            group = story.graph.group(edge.target)
            if group:
                g = node.add(Text(f"-> {group.id}: {group.description}", style="blue"))
                for c in group.candidates:
                    g.add(Text(f"{'if ' + _cond(c.condition) if c.condition else 'otherwise'} -> {c.target}",
                               style="blue"))
            else:
                node.add(Text(f"-> {edge.target}" + (f" [if {_cond(edge.condition)}]" if edge.condition else ""),
                              style="blue"))
        if beat.ending:
            e = story.graph.ending(beat.ending)
            node.add(Text(f"ENDING ({e.kind}): {e.title}", style="bold red"))
            for x in story.graph.extension_points:
                if x.beat == beat.id:
                    node.add(Text("keep going: " + " / ".join(x.hooks), style="magenta"))
    return tree


def outline(story: Story, episodes: list[int] | None = None) -> list[RenderableType]:
    numbers = episodes or [e.number for e in story.graph.episodes]
    return [bible_panel(story), *(episode_tree(story, n) for n in numbers)]
