"""The LLM writes the story: it plans the plot and the outline and writes every beat's text and
dialogue, in stages small enough for a small model, on the planner's graph.

    request --(premise, llm_plan)--> premise --(embedded planner)--> story
    story   --(stage "plot": each episode's plot from the shape library, its title and synopsis;
               one call)--> the planner composes the graph again from the plots the model chose
    story   --(stage "bible", llm_plan)--> title, logline, world, the leads' goals
    graph   --(stage "outline": each scene's title and what it is for; one call per five scenes)
    graph   --(stage "beats": each beat's narration and action, and its choice's question and
               option texts, from the outline and the planner's draft; one call per beat)
    graph   --(stage "dialogue": 2-6 lines a beat, speakers only the beat's people by the
               schema's enum; one call per beat with people in it)

The plot shapes (narrative/data/shapes) are the structure: which scenes there are, which are
choices, what state each option sets and which scenes read it, the endings. The model picks the
plot of each episode from that library and writes everything told on it; a graph it wrote from
nothing could not be checked for dead ends and choices that matter the way a shape is.

Every answer is a JSON object under a JSON Schema (an enum for every id it may name), parsed and
validated: the schema, the rating, the viewer's limits and themes to avoid, the prompt or the
request echoed back, an example copied, a loop; then the change is applied and the graph
validated again (narrative.validate: an error the planner's story did not have is a problem).
The problems go back to the model up to ``repairs`` times; a part that still fails keeps the
planner's text, and ``generator.written_by`` says which writer made how many parts of each stage
(``generator.planner_parts`` names the parts the planner kept). Each call's tokens, seconds and
CPU time are kept per stage (:meth:`GraphReport.cost` books them per stage in the cost ledger),
and a :class:`~.llm_plan.Budget` stops asking once the story's token budget is spent.

The calm and intense tellings of a beat the model wrote tell the model's text (they keep their
own tension, tags and declared content), so the story reads the same whichever the director plays.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, create_model

from ..model import Profile, Request, Story
from ..model.cost import WRITING, CostEntry, CostReport, Resource
from ..model.premise import Premise
from ..model.story import Beat, Emotion, Line
from .compose import allowed_middle_plots
from .interpret import CHILDREN_ONLY, GENTLE
from .kits import kits as all_data
from .llm.base import LLMBackend, LLMUsage
from .llm_plan import (_DATA_NOTE, Budget, PlanReport, StageRecord, _prompt, _short, _Strict, _texts, content_check,
                       frame, read_premise, recorded, run_stage)
from .premise import read
from .rating import scan
from .validate import validate
from .writer import Rejected, _check_no_repeats, _clip

SCENES_PER_CALL = 5
MIN_LINES, MAX_LINES = 2, 6

# -- what the model is told ------------------------------------------------------------------------

_PLOT_HEAD = (
    "You plan a series of episodes for a viewer's request. For each episode choose its plot from the list of plots "
    "(by id), and give the episode a title and a one-sentence synopsis of what happens in it. The first and the "
    "last episode share one plot. Answer as one JSON object.\n" + _DATA_NOTE)
_PLOT_EXAMPLE = (
    {"request": "a heist on a generation ship", "episodes": 2,
     "plots": {"heist": "a crew plans a job against someone who never loses",
               "survival": "a group holds on against the elements until help comes"}},
    {"episodes": [{"plot": "heist", "title": "The Seed Vault", "synopsis": "Mara gathers a crew to rob the "
                   "quartermaster's vault while the ship sleeps."},
                  {"plot": "heist", "title": "Cold Sleep", "synopsis": "The vault is open, and the crew must "
                   "get the seeds out before the sleepers wake."}]},
)
_OUTLINE_HEAD = (
    "You outline scenes of a story for a viewer's request. For each scene, give it a short title and say in one "
    "sentence what happens in it and why it matters to this story. Keep the scene's place, people, choice and "
    "ending. Answer as one JSON object.\n" + _DATA_NOTE)
_OUTLINE_EXAMPLE = (
    {"story": "The Long Dawn Job", "request": "a heist on a generation ship", "scenes": [
        {"id": "e1_setup", "role": "setup", "where": "hydroponics deck", "who": ["Mara", "Ivo"],
         "draft": "Mara tends the terraces and watches the quartermaster pass."},
        {"id": "e1_vault", "role": "climax", "where": "seed vault", "who": ["Mara"],
         "draft": "Mara reaches the vault door.", "choice": ["Take the seeds", "Leave a decoy"]}]},
    {"scenes": [{"id": "e1_setup", "title": "Green Terraces", "purpose": "Mara learns the quartermaster means to "
                 "sell the last seeds, and decides to take them first."},
                {"id": "e1_vault", "title": "The Cold Door", "purpose": "Mara stands at the open vault and must "
                 "choose between the seeds and a safe way out."}]},
)
_BEAT_HEAD = (
    "You write one scene of a film for a viewer's request, from its outline: the narration (what the audience "
    "sees, present tense) and the action (what the people do), in concrete pictures. If the scene has a choice, "
    "also write the question put to the viewer and a short label for each option (by its id, keeping what it "
    "does). Answer as one JSON object.\n" + _DATA_NOTE)
_BEAT_EXAMPLE = (
    {"story": "The Long Dawn Job", "scene": "The Cold Door", "purpose": "Mara stands at the open vault and must "
     "choose between the seeds and a safe way out.", "where": "seed vault", "who": {"mara": "Mara Quell, engineer"},
     "draft": "Mara reaches the vault door.",
     "choice": {"prompt": "What does Mara take?", "options": {"seeds": "Take the seeds (sets took = seeds)",
                                                                "decoy": "Leave a decoy (sets took = decoy)"}}},
    {"narration": "Frost curls from the vault as its door swings wide on rows of sealed seed drawers.",
     "action": "Mara pulls one drawer, weighs it in her gloved hand, and glances back at the dark corridor.",
     "choice": {"prompt": "The alarm is silent, for now. What does Mara do?",
                "options": {"seeds": "Fill the bag", "decoy": "Swap in the fakes"}}},
)
_DIALOGUE_HEAD = (
    "You write the dialogue of one scene of a film: two to six lines, each said by one of the scene's people "
    "(by id), with its emotion. The people answer each other, each in their own voice, and say what the scene "
    "needs. Answer as one JSON object.\n" + _DATA_NOTE)
_DIALOGUE_EXAMPLE = (
    {"scene": "The Cold Door", "where": "seed vault", "narration": "Frost curls from the open vault door.",
     "people": {"mara": "Mara Quell, engineer; careful", "ivo": "Ivo Strand, quartermaster; proud"}},
    {"lines": [{"speaker": "ivo", "emotion": "angry", "text": "Step away from my vault, engineer."},
               {"speaker": "mara", "emotion": "determined", "text": "It was never yours. It belongs to the ship."},
               {"speaker": "ivo", "emotion": "sly", "text": "Then the ship can come and take it from me."}]},
)
_EXAMPLES = (_PLOT_EXAMPLE, _OUTLINE_EXAMPLE, _BEAT_EXAMPLE, _DIALOGUE_EXAMPLE)


# -- the report ------------------------------------------------------------------------------------


@dataclass
class GraphReport(PlanReport):
    """The plan report with every part of the graph stage by stage, and what it all cost."""

    remote: bool = False
    #: This process's CPU time over the whole writing (the planner's and the validator's too).
    cpu_seconds: float = 0.0
    #: Told "<stage> <part>" as each part is begun (a command's progress line).
    progress: Callable[[str], None] | None = field(default=None, repr=False)

    def start(self, record: StageRecord) -> StageRecord:
        self.stages.append(record)
        if self.progress is not None:
            done = sum(s.usage.calls for s in self.stages)
            self.progress(f"{record.name} {getattr(record, 'part', '')} ({done} calls so far)")
        return record

    @property
    def usage(self) -> LLMUsage:
        total = LLMUsage()
        for s in self.stages:
            total.calls += s.usage.calls
            total.prompt_tokens += s.usage.prompt_tokens
            total.completion_tokens += s.usage.completion_tokens
            total.seconds += s.usage.seconds
            total.failures += s.usage.failures
        return total

    def planner_parts(self) -> list[str]:
        return [s.name + (f" {s.part}" if getattr(s, "part", "") else "") for s in self.stages if s.outcome == "planner"]

    def per_stage(self) -> dict[str, dict[str, float]]:
        """Stage -> calls, prompt and completion tokens, model seconds and CPU seconds."""
        out: dict[str, dict[str, float]] = {}
        for s in self.stages:
            d = out.setdefault(s.name, {"parts": 0, "by_model": 0, "calls": 0, "prompt_tokens": 0,
                                        "completion_tokens": 0, "seconds": 0.0, "cpu_seconds": 0.0})
            d["parts"] += 1
            d["by_model"] += s.outcome != "planner"
            d["calls"] += s.usage.calls
            d["prompt_tokens"] += s.usage.prompt_tokens
            d["completion_tokens"] += s.usage.completion_tokens
            d["seconds"] += s.usage.seconds
            d["cpu_seconds"] += s.cpu_seconds
        return out

    def cost(self, story_id: str, viewer: str = "") -> CostReport:
        """The cost ledger's entries: ``writing:<stage>`` for each stage (CPU time; an endpoint's
        tokens and calls too: a local model's cost is its CPU time), ``writing`` for the rest of
        this process's CPU time (the planner, the validator)."""
        entries = []
        booked = 0.0
        for name, d in self.per_stage().items():
            amounts: dict[Resource, float] = {"cpu_seconds": d["cpu_seconds"]}
            if self.remote:
                amounts |= {"llm_prompt_tokens": d["prompt_tokens"], "llm_completion_tokens": d["completion_tokens"],
                            "api_calls": d["calls"]}
            booked += d["cpu_seconds"]
            entries += [CostEntry(stage=f"{WRITING}:{name}", resource=r, amount=round(a, 6))
                        for r, a in amounts.items() if a > 0]
        rest = self.cpu_seconds - booked
        if rest > 0:
            entries.append(CostEntry(stage=WRITING, resource="cpu_seconds", amount=round(rest, 6)))
        return CostReport(film=story_id, viewer=viewer, made_at=time.time(), entries=entries)

    def table(self) -> list[str]:
        """One line a stage: who made its parts, calls, tokens, seconds."""
        who = self.written_by()
        return [f"{name}: {who[name]} ({int(d['by_model'])}/{int(d['parts'])} parts), {int(d['calls'])} calls, "
                f"{int(d['prompt_tokens'])}+{int(d['completion_tokens'])} tokens, {d['seconds']:.1f} s"
                for name, d in self.per_stage().items()]


@dataclass
class PartRecord(StageRecord):
    """A stage's record for one part of the graph (an episode, some scenes, a beat)."""

    part: str = ""


# -- checks shared by the stages -------------------------------------------------------------------


def _runs(text: str, n: int = 4) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9']+", text.lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


_EXAMPLE_RUNS = frozenset().union(*(_runs(t) for ex in _EXAMPLES for t in _texts(ex[1])))


def echo_check(story: Story, own: str = "") -> Callable[[BaseModel], list[str]]:
    """An answer that copies four words running from an example or from the viewer's request (what
    the story itself says, ``own`` and the bible, may be said again), or says a sentence twice."""
    known = _runs(story.bible.model_dump_json() + " " + own)
    request = _runs(story.request.prompt) - known

    def check(answer: BaseModel) -> list[str]:
        texts = _texts(answer.model_dump(by_alias=True))
        problems = []
        for t in texts:
            runs = _runs(t)
            if (copied := (runs & _EXAMPLE_RUNS) - known):
                problems.append(f"{t[:30]!r} copies the example ({' '.join(sorted(copied)[0])!r}); write for "
                                "this story")
            elif (echoed := runs & request):
                problems.append(f"{t[:30]!r} copies the viewer's request ({' '.join(sorted(echoed)[0])!r}); "
                                "say it in your own words")
        try:
            _check_no_repeats(texts)
        except Rejected as e:
            problems.append(str(e))
        return problems
    return check


def _both(*checks: Callable[[BaseModel], list[str]]) -> Callable[[BaseModel], list[str]]:
    return lambda answer: [p for c in checks for p in c(answer)]


def _errors(story: Story, profile: Profile) -> set[tuple[str, str | None]]:
    return {(p.code, p.beat) for p in validate(story, profile=profile).problems if p.severity == "error"}


class _Graph:
    """The story being written, validated after every change: a change that brings the validator
    an error the story did not have is undone and its messages go back to the model."""

    def __init__(self, story: Story, profile: Profile):
        self.story, self.profile = story, profile
        self.known = _errors(story, profile)

    def apply(self, change: Callable[[Story], Story]) -> list[str]:
        try:
            new = Story.model_validate(change(self.story).model_dump(mode="json"))
        except ValueError as e:
            return [f"the story does not hold together: {str(e).splitlines()[-1][:200]}"]
        fresh = [p for p in validate(new, profile=self.profile).problems
                 if p.severity == "error" and (p.code, p.beat) not in self.known]
        if fresh:
            return [p.line() for p in fresh[:4]]
        self.story = new
        return []


def _ask(backend: LLMBackend, graph: _Graph, record: StageRecord, build: Callable[[Sequence[str]], str],
         model: type[BaseModel], check: Callable[[BaseModel], list[str]],
         change: Callable[[BaseModel], Callable[[Story], Story]], *, repairs: int, seed: int, max_tokens: int,
         budget: Budget | None) -> bool:
    """One part: asked, checked, applied and validated, repaired; False where the planner's part stays."""
    def checked(answer: BaseModel) -> list[str]:
        problems = check(answer)
        return problems or graph.apply(change(answer))
    return run_stage(backend, record, build, model, checked, repairs=repairs, seed=seed, max_tokens=max_tokens,
                     budget=budget) is not None


# -- stage "plot" ----------------------------------------------------------------------------------


def plot_model(shapes: Sequence[str], episodes: int) -> type[BaseModel]:
    episode = create_model("EpisodePlan", __base__=_Strict, plot=(Literal[tuple(shapes)], ...),  # type: ignore[valid-type]
                           title=(_short(60), ...), synopsis=(_short(300), ...))
    return create_model("PlotAnswer", __base__=_Strict, episodes=(
        Annotated[list[episode], Field(min_length=episodes, max_length=episodes)], ...))  # type: ignore[valid-type]


def _plot_check(asked: str | None, premise: Premise, shapes: Sequence[str],
                episodes: int) -> Callable[[BaseModel], list[str]]:
    def check(answer: BaseModel) -> list[str]:
        plots = [e["plot"] for e in answer.model_dump()["episodes"]]
        problems = []
        if asked and plots[0] != asked:
            problems.append(f"the request asks for the plot {asked!r}: episode 1's plot must be {asked!r}")
        if episodes > 1 and plots[-1] != plots[0]:
            problems.append(f"the last episode closes the series with the first episode's plot ({plots[0]!r})")
        allowed = allowed_middle_plots(premise, plots[0], shapes)  # (the planner's own rule)
        for n, p in enumerate(plots[1:-1], start=2):
            if p in allowed:
                continue
            if p == plots[0]:
                problems.append(f"episode {n}'s plot must differ from the first and last episode's ({p!r})")
            elif p in CHILDREN_ONLY:
                problems.append(f"episode {n}'s plot {p!r} is for children's stories only")
            else:
                problems.append(f"episode {n}'s plot {p!r} is too dark for this audience; choose one of "
                                f"{', '.join(allowed)}")
        return problems
    return check


def choose_plots(backend: LLMBackend, story: Story, premise, request: Request, profile: Profile,
                 report: GraphReport, check, *, seed: int, repairs: int, budget: Budget | None) -> Story:
    """Stage "plot": the model chooses each episode's plot; the planner composes the graph again
    from them when they differ from its own, and the episodes take the model's titles."""
    from .planner import plan

    data = all_data()
    n = len(story.graph.episodes)
    asked = read(request.prompt).shapes[:1]
    gentle = premise.audience == "children" or any(s in CHILDREN_ONLY for s in asked)
    shapes = sorted(s for s in data.shapes if not gentle or s in GENTLE or s in asked)
    record = PartRecord("plot", part="series")
    report.start(record)
    task = {"request": request.prompt[:600], "episodes": n, "plots": {s: data.shapes[s].summary for s in shapes}}
    answer = run_stage(backend, record, lambda problems: _prompt(_PLOT_HEAD, _PLOT_EXAMPLE, task, problems),
                       plot_model(shapes, n),
                       _both(check, _plot_check(asked[0] if asked else None, premise, shapes, n), echo_check(story)),
                       repairs=repairs, seed=seed + 200, max_tokens=90 + 110 * n, budget=budget)
    if answer is None:
        return story
    plan_ = answer.model_dump()["episodes"]
    plots = [e["plot"] for e in plan_]
    if "+".join(plots) != story.generator.get("shapes"):
        chosen = premise.model_copy(update={"shapes": [plots[0], *plots[1:-1]]})
        story = plan(request, profile, seed=seed, premise=chosen)
    episodes = [e.model_copy(update={"title": a["title"], "synopsis": _clip(a["synopsis"], 300)})
                for e, a in zip(story.graph.episodes, plan_)]
    return story.model_copy(update={"graph": story.graph.model_copy(update={"episodes": episodes})})


# -- stage "outline" -------------------------------------------------------------------------------


def scenes_of(story: Story, episode: int) -> list[tuple[str, list[str]]]:
    """An episode's scenes in story order: (scene id, its beats); the tellings of one scene for
    different states (a segment group's candidates) are one scene, named by the group."""
    group_of: dict[str, str] = {}
    for g in story.graph.groups:
        for c in g.candidates:
            group_of.setdefault(c.target, g.id)
    scenes: dict[str, list[str]] = {}
    for b in story.graph.beats:
        if b.episode == episode:
            scenes.setdefault(group_of.get(b.id, b.id), []).append(b.id)
    return list(scenes.items())


def outline_model(ids: Sequence[str]) -> type[BaseModel]:
    scene = create_model("OutlineScene", __base__=_Strict, id=(Literal[tuple(ids)], ...),  # type: ignore[valid-type]
                         title=(_short(60), ...), purpose=(_short(200), ...))
    return create_model("OutlineAnswer", __base__=_Strict, scenes=(
        Annotated[list[scene], Field(min_length=len(ids), max_length=len(ids))], ...))  # type: ignore[valid-type]


def _names(story: Story, ids: Sequence[str]) -> list[str]:
    return [story.bible.character(c).name.split()[0] for c in dict.fromkeys(ids)]


def _scene_brief(story: Story, scene: str, beats: list[str]) -> dict[str, Any]:
    # The scene's own telling is the group's fallback (its last candidate) or the beat itself.
    b = story.graph.beat(beats[-1])
    brief: dict[str, Any] = {"id": scene, "role": b.role, "where": story.bible.place(b.place).name,
                             "who": _names(story, b.characters), "draft": _clip(b.narration or b.action, 140)}
    if b.choice:
        brief["choice"] = [o.text for o in b.choice.options]
    if b.ending:
        brief["ending"] = story.graph.ending(b.ending).kind
    return brief


def _every_scene_once(ids: Sequence[str]) -> Callable[[BaseModel], list[str]]:
    def check(answer: BaseModel) -> list[str]:
        got = [s["id"] for s in answer.model_dump()["scenes"]]
        missing = [i for i in ids if i not in got]
        twice = sorted({i for i in got if got.count(i) > 1})
        return ([f"scene {i!r} is missing: give every scene once" for i in missing]
                + [f"scene {i!r} is given twice" for i in twice])
    return check


def _retitle(scenes: Mapping[str, list[str]], answer: BaseModel) -> Callable[[Story], Story]:
    def change(story: Story) -> Story:
        titles = {b: s["title"] for s in answer.model_dump()["scenes"] for b in scenes[s["id"]]}
        beats = [b.model_copy(update={"title": titles[b.id]}) if b.id in titles else b for b in story.graph.beats]
        endings = [e.model_copy(update={"title": titles[e.beat]}) if e.beat in titles else e
                   for e in story.graph.endings]
        return story.model_copy(update={"graph": story.graph.model_copy(update={"beats": beats, "endings": endings})})
    return change


def outline(backend: LLMBackend, graph: _Graph, report: GraphReport, check, *, seed: int, repairs: int,
            budget: Budget | None) -> dict[str, str]:
    """Stage "outline": each scene's title and purpose, a few scenes a call; beat id -> purpose
    (the planner's draft where the model's outline failed)."""
    purposes: dict[str, str] = {}
    for ep in graph.story.graph.episodes:
        scenes = scenes_of(graph.story, ep.number)
        for k in range(0, len(scenes), SCENES_PER_CALL):
            chunk = dict(scenes[k:k + SCENES_PER_CALL])
            ids = list(chunk)
            record = PartRecord("outline", part=f"{ids[0]}..{ids[-1]}" if len(ids) > 1 else ids[0])
            report.start(record)
            story = graph.story
            task = {"story": story.bible.title, "request": story.request.prompt[:400],
                    "episode": f"{ep.title}: {ep.synopsis}"[:300],
                    "scenes": [_scene_brief(story, s, chunk[s]) for s in ids]}
            got: dict[str, str] = {}

            def change(answer: BaseModel, chunk=chunk, got=got) -> Callable[[Story], Story]:
                got.clear()
                got.update({b: s["purpose"] for s in answer.model_dump()["scenes"] for b in chunk[s["id"]]})
                return _retitle(chunk, answer)

            if not _ask(backend, graph, record, lambda problems, task=task: _prompt(
                    _OUTLINE_HEAD, _OUTLINE_EXAMPLE, task, problems), outline_model(ids),
                    _both(check, _every_scene_once(ids), echo_check(story)), change, repairs=repairs,
                    seed=seed + 300 + k, max_tokens=40 + 90 * len(ids), budget=budget):
                got.clear()
            purposes.update(got)
    return purposes


# -- stage "beats" ---------------------------------------------------------------------------------


def beat_model(beat: Beat) -> type[BaseModel]:
    fields: dict[str, Any] = {"narration": (_short(320), ...), "action": (_short(220), ...)}
    if beat.choice:
        # Option ids are aliases: an id such as "json" or "copy" must not shadow a BaseModel attribute.
        options = create_model("ChoiceOptions", __base__=_Strict, **{
            f"o{i}": (Annotated[str, Field(alias=o.id, min_length=1, max_length=60)], ...)
            for i, o in enumerate(beat.choice.options)})
        fields["choice"] = (create_model("ChoiceText", __base__=_Strict, prompt=(_short(120), ...),
                                         options=(options, ...)), ...)
    return create_model("BeatAnswer", __base__=_Strict, **fields)


def _sets(option) -> str:  # type: ignore[no-untyped-def]
    said = [f"{e.var} {'=' if e.op == 'set' else '+='} {e.value}" for e in option.effects]
    return f"{option.text} (sets {', '.join(said)})" if said else option.text


def _people(story: Story, ids: Sequence[str], traits: bool = False) -> dict[str, str]:
    out = {}
    for cid in dict.fromkeys(ids):
        c = story.bible.character(cid)
        out[cid] = f"{c.name}, {c.job or c.archetype}" + (f"; {', '.join(c.traits[:2])}" if traits and c.traits else "")
    return out


def _retell(beat_id: str, update: Callable[[Beat], dict[str, Any]]) -> Callable[[Story], Story]:
    """A change to one beat's telling, the same in its calm and intense tellings."""
    def change(story: Story) -> Story:
        beats = []
        for b in story.graph.beats:
            if b.id == beat_id:
                fields = update(b)
                told = {k: v for k, v in fields.items() if k in ("narration", "action", "lines")}
                variants = {name: v.model_copy(update=told) for name, v in b.variants.items()}
                b = b.model_copy(update={**fields, "variants": variants})
            beats.append(b)
        graph = story.graph.model_copy(update={"beats": beats})
        if "narration" in fields:  # an ending's summary is its beat's narration
            graph = graph.model_copy(update={"endings": [
                e.model_copy(update={"summary": fields["narration"]}) if e.beat == beat_id else e
                for e in graph.endings]})
        return story.model_copy(update={"graph": graph})
    return change


def _declared(beat: Beat, text: str) -> dict:
    content = dict(beat.content)
    for flag, level in scan(text).items():
        content[flag] = max(content.get(flag, 0), level)
    return content


def write_beats(backend: LLMBackend, graph: _Graph, report: GraphReport, check, purposes: Mapping[str, str], *,
                seed: int, repairs: int, budget: Budget | None, only: Sequence[str] | None = None) -> None:
    """Stage "beats": narration and action, and the choice's words, for each beat."""
    for k, beat_id in enumerate(b.id for b in graph.story.graph.beats):
        if only is not None and beat_id not in only:
            continue
        story = graph.story
        beat = story.graph.beat(beat_id)
        record = PartRecord("beats", part=beat_id)
        report.start(record)
        task: dict[str, Any] = {"story": story.bible.title, "scene": beat.title,
                                "purpose": purposes.get(beat_id) or _clip(beat.narration, 200),
                                "where": story.bible.place(beat.place).name, "time": beat.time_of_day,
                                "who": _people(story, beat.characters), "draft": _clip(beat.narration, 200)}
        if beat.choice:
            task["choice"] = {"prompt": beat.choice.prompt, "options": {o.id: _sets(o) for o in beat.choice.options}}
        own = " ".join([beat.narration, beat.action, beat.choice.model_dump_json() if beat.choice else ""])

        def change(answer: BaseModel, beat_id=beat_id) -> Callable[[Story], Story]:
            a = answer.model_dump(by_alias=True)

            def update(b: Beat) -> dict[str, Any]:
                # text the grammar cut at its longest is cut back to its last whole sentence
                a["narration"], a["action"] = _clip(a["narration"], 320), _clip(a["action"], 220)
                fields: dict[str, Any] = {"narration": a["narration"], "action": a["action"],
                                          "content": _declared(b, a["narration"] + " " + a["action"])}
                if b.choice and "choice" in a:
                    options = [o.model_copy(update={"text": a["choice"]["options"][o.id]}) for o in b.choice.options]
                    fields["choice"] = b.choice.model_copy(update={"prompt": a["choice"]["prompt"], "options": options})
                return fields
            return _retell(beat_id, update)

        _ask(backend, graph, record, lambda problems, task=task: _prompt(_BEAT_HEAD, _BEAT_EXAMPLE, task, problems),
             beat_model(beat), _both(check, echo_check(story, own)), change, repairs=repairs,
             seed=seed + 1000 + 7 * k, max_tokens=260 + (90 if beat.choice else 0), budget=budget)


# -- stage "dialogue" ------------------------------------------------------------------------------


def dialogue_model(speakers: Sequence[str]) -> type[BaseModel]:
    line = create_model("DialogueLine", __base__=_Strict, speaker=(Literal[tuple(speakers)], ...),  # type: ignore[valid-type]
                        emotion=(Emotion, "neutral"), text=(_short(140), ...))
    least = MIN_LINES if len(speakers) > 1 else 1
    return create_model("DialogueAnswer", __base__=_Strict, lines=(
        Annotated[list[line], Field(min_length=least, max_length=MAX_LINES)], ...))  # type: ignore[valid-type]


def _answer_each_other(speakers: Sequence[str]) -> Callable[[BaseModel], list[str]]:
    def check(answer: BaseModel) -> list[str]:
        said = {ln["speaker"] for ln in answer.model_dump()["lines"]}
        if len(speakers) > 1 and len(said) < 2:
            return ["only one person speaks: the people in the scene answer each other"]
        return []
    return check


def write_dialogue(backend: LLMBackend, graph: _Graph, report: GraphReport, check, *, seed: int, repairs: int,
                   budget: Budget | None, only: Sequence[str] | None = None) -> None:
    """Stage "dialogue": the lines of each beat with people in it."""
    for k, beat_id in enumerate(b.id for b in graph.story.graph.beats):
        story = graph.story
        beat = story.graph.beat(beat_id)
        speakers = list(dict.fromkeys(beat.characters))
        if not speakers or (only is not None and beat_id not in only):
            continue
        record = PartRecord("dialogue", part=beat_id)
        report.start(record)
        task = {"scene": beat.title, "where": story.bible.place(beat.place).name, "tone": story.bible.tone,
                "narration": _clip(beat.narration, 240), "action": _clip(beat.action, 200),
                "people": _people(story, speakers, traits=True)}
        own = " ".join([beat.narration, beat.action, *(ln.text for ln in beat.lines)])

        def change(answer: BaseModel, beat_id=beat_id) -> Callable[[Story], Story]:
            said = answer.model_dump()["lines"]

            def update(b: Beat) -> dict[str, Any]:
                # a line keeps how it was delivered (sung, to camera) where one stood in its place
                lines = [Line(speaker=ln["speaker"], text=_clip(ln["text"], 140), emotion=ln["emotion"],
                              delivery=b.lines[i].delivery if i < len(b.lines) else "spoken")
                         for i, ln in enumerate(said)]
                return {"lines": lines, "content": _declared(b, " ".join(ln.text for ln in lines))}
            return _retell(beat_id, update)

        _ask(backend, graph, record, lambda problems, task=task: _prompt(
            _DIALOGUE_HEAD, _DIALOGUE_EXAMPLE, task, problems), dialogue_model(speakers),
             _both(check, _answer_each_other(speakers), echo_check(story, own)), change, repairs=repairs,
             seed=seed + 5000 + 7 * k, max_tokens=40 + 60 * MAX_LINES, budget=budget)


# -- the whole ------------------------------------------------------------------------------------


def write_with(backend: LLMBackend, request: Request, profile: Profile | None = None, seed: int = 0, *,
               repairs: int = 2, budget: Budget | None = None, beats: Sequence[str] | int | None = None,
               progress: Callable[[str], None] | None = None) -> tuple[Story, GraphReport]:
    """A story the model planned and wrote stage by stage (see the module docstring), the
    planner's parts standing wherever it failed. ``beats``: write only these beats' text and
    dialogue, or the first ``beats`` of the story (the rest keep the planner's), e.g. to try a
    model on a few."""
    from .planner import plan

    cpu0 = time.process_time()
    profile = profile or Profile()
    report = GraphReport(backend=backend.name, remote=any(r.kind == "network" for r in backend.requires()),
                         progress=progress)
    check = content_check(request.rating, profile.content_limits, profile.avoid)
    premise = read_premise(backend, request, report, check, seed=seed, repairs=repairs, budget=budget)
    story = plan(request, profile, seed=seed, premise=premise)
    story = choose_plots(backend, story, premise, request, profile, report, check, seed=seed, repairs=repairs,
                         budget=budget)
    story = frame(backend, story, report, check, seed=seed, repairs=repairs, budget=budget)
    graph = _Graph(story, profile)
    check = content_check(story.request.rating, profile.content_limits, profile.avoid)  # the rating as resolved
    if isinstance(beats, int):
        beats = [b.id for b in graph.story.graph.beats[:beats]]
    purposes = outline(backend, graph, report, check, seed=seed, repairs=repairs, budget=budget)
    write_beats(backend, graph, report, check, purposes, seed=seed, repairs=repairs, budget=budget, only=beats)
    write_dialogue(backend, graph, report, check, seed=seed, repairs=repairs, budget=budget, only=beats)
    story = recorded(graph.story, backend, report)
    fell_back = report.planner_parts()
    generator = dict(story.generator, writer=f"dreamreel.llm_graph; {backend.name}")
    if fell_back:
        generator["planner_parts"] = ", ".join(fell_back)[:2000]
    report.cpu_seconds = time.process_time() - cpu0
    return story.model_copy(update={"generator": generator}), report

