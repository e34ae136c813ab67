"""Choose the route through a story graph: which beats play, in which telling, which options.

Play follows the rules in ``model/story.py`` exactly (the validator and the exporters use the
same ones): entering a beat applies its effects; an ending beat ends the episode and play goes
on at the next episode's entry with the state carried; a choice offers the options whose
condition holds and the taken option applies its effects and goes to its target; otherwise the
first ``next`` edge whose condition holds is taken; a segment group plays its first candidate
whose condition holds.

Who chooses at a choice:

* ``"first"``: the first option on offer.
* ``"auto"``: a seeded pick among the options on offer (the same seed, the same film).
* a choices file or object ``{choice_id: option_id}`` (a beat id holding the choice works as a
  key too), or a list of option ids taken in order at each choice met. A choice the file does
  not mention takes its default option if it is on offer, else the first one on offer. An
  option that is not on offer (unknown, or its condition fails) is an error naming the choice
  and what was on offer.

``voiced_lines`` lists what is spoken along a path, each a ``(beat, index)``: index -1 is the
beat's narration (read by the narrator), index i is line i of the telling played. The voice
stage renders these and the camera places them.
"""

import hashlib
import json
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..errors import BadInputError
from ..model.shot import PathStep, PlayPath
from ..model.state import (
    Condition,
    Effect,
    State,
    UnsetVariable,
    apply,
    describe,
    holds,
    initial_state,
)
from ..model.story import Beat, BeatVariant, Emotion, Option, Story, VariantName
from ..store.files import parse_json, read_text

#: What a caller may pass as ``choices``.
Choices = str | Path | dict[str, str] | Sequence[str]
#: A story that has not ended after this many beats is going round a loop for ever.
MAX_STEPS = 5000


def load_choices(path: str | Path) -> dict[str, str] | list[str]:
    """Read a choices file: a JSON object ``{choice_id: option_id}`` or a JSON list of option ids."""
    data = parse_json(read_text(path, "choices"), str(path))
    return _check_choices(data, str(path))


def _check_choices(data: object, source: str) -> dict[str, str] | list[str]:
    if isinstance(data, dict):
        for key, value in data.items():
            if not isinstance(value, str):
                raise BadInputError(f"{source}: choice {key!r} must name an option id (a string), "
                                    f"got {json.dumps(value)}")
        return dict(data)
    if isinstance(data, list):
        for i, value in enumerate(data):
            if not isinstance(value, str):
                raise BadInputError(f"{source}: item {i} must be an option id (a string), got {json.dumps(value)}")
        return list(data)
    raise BadInputError(f"{source} is not a choices file: expected a JSON object {{choice_id: option_id}} "
                        f"or a list of option ids, got {type(data).__name__}")


def _pick_seed(seed: int, story: Story, beat_id: str, visit: int) -> int:
    # A hash per choice, not one random stream: changing one choice does not reshuffle the rest.
    digest = hashlib.sha256(f"{seed}:{story.id}:{beat_id}:{visit}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


class _Chooser:
    """Answers "which option?" at each choice, by mode, file or list."""

    def __init__(self, story: Story, choices: Choices, seed: int):
        self.story, self.seed = story, seed
        self.mode: Literal["auto", "first", "given"] = "given"
        self.table: dict[str, str] = {}
        self.order: list[str] | None = None
        self.source = "choices"
        if isinstance(choices, str) and choices in ("auto", "first"):
            self.mode = choices  # type: ignore[assignment]
            return
        if isinstance(choices, (str, Path)):
            self.source = str(choices)
            loaded = load_choices(choices)
        else:
            loaded = _check_choices(choices if isinstance(choices, dict) else list(choices), self.source)
        if isinstance(loaded, list):
            self.order = loaded
        else:
            self.table = loaded
            self._check_keys()

    def _check_keys(self) -> None:
        # A key that names nothing is a typo the viewer would never notice otherwise.
        known = {b.choice.id for b in self.story.graph.beats if b.choice} | {
            b.id for b in self.story.graph.beats if b.choice}
        for key in self.table:
            if key not in known:
                some = ", ".join(sorted(known)[:12]) + (" ..." if len(known) > 12 else "")
                raise BadInputError(f"{self.source}: {key!r} is neither a choice id nor a beat with a choice "
                                    f"(choices: {some})")

    def pick(self, beat: Beat, offered: list[Option], visit: int) -> Option:
        assert beat.choice is not None
        choice = beat.choice
        if self.mode == "first":
            return offered[0]
        if self.mode == "auto":
            return random.Random(_pick_seed(self.seed, self.story, beat.id, visit)).choice(offered)
        wanted: str | None = None
        if self.order is not None:
            if self.order:
                wanted = self.order.pop(0)
        else:
            wanted = self.table.get(choice.id, self.table.get(beat.id))
        if wanted is None:
            return next((o for o in offered if o.id == choice.default), offered[0])
        for o in offered:
            if o.id == wanted:
                return o
        why = "is not one of its options" if wanted not in {o.id for o in choice.options} else \
            "is not on offer in this state (its condition fails)"
        raise BadInputError(f"{self.source}: option {wanted!r} for choice {choice.id} (beat {beat.id}) {why}; "
                            f"on offer: {[o.id for o in offered]}")


def _holds(cond: Condition | None, state: State, beat: Beat, what: str) -> bool:
    try:
        return holds(cond, state)
    except UnsetVariable as e:
        raise BadInputError(f"{what} reads {e.var} before anything sets it; run `dreamreel check` on the story",
                            where=f"beat {beat.id}") from None


def _apply(effects: list[Effect], state: State, beat: Beat, what: str) -> State:
    try:
        return apply(effects, state)
    except TypeError as e:
        raise BadInputError(f"{what} cannot apply: {e}", where=f"beat {beat.id}") from None


def _resolve(story: Story, target: str, state: State, beat: Beat) -> str:
    """The beat a target leads to: itself, or through segment groups to a candidate."""
    graph = story.graph
    passed: list[str] = []
    beat_ids = {b.id for b in graph.beats}
    while target not in beat_ids:
        group = graph.group(target)
        if group is None:
            raise BadInputError(f"leads to {target!r}, which is neither a beat nor a group", where=f"beat {beat.id}")
        if target in passed:
            raise BadInputError(f"segment groups go round in a circle: {' -> '.join([*passed, target])}",
                                where=f"beat {beat.id}")
        passed.append(target)
        for cand in group.candidates:
            if _holds(cand.condition, state, beat, f"group {group.id}'s candidate {cand.target}"):
                target = cand.target
                break
        else:
            raise BadInputError(f"leads to group {group.id}, but none of its candidates' conditions hold",
                                where=f"beat {beat.id}")
    return target


#: Asked at a choice: (the beat holding it, the options on offer, which visit) -> the option taken.
Chooser = Callable[[Beat, list[Option], int], Option]
#: Where a viewing begins when it goes on from an earlier one: (episode number, state then).
Start = tuple[int, State]


class Walk:
    """Play a story a beat at a time: iterate it for the steps.

    A choice is decided lazily: the step of the beat holding it comes out first (so a film can
    show that beat while the viewer makes up their mind), and ``chooser`` is asked only when the
    step after it is wanted; then that step's ``option`` is filled in. ``chooser`` may be a
    ``Choices`` value (see ``_Chooser``) or a callable. ``variant`` is a telling for every beat,
    or a callable asked as each beat is entered (the drama manager).
    """

    def __init__(self, story: Story, choices: Choices | Chooser = "auto", *, seed: int = 0,
                 variant: VariantName | Callable[[Beat], VariantName | None] | None = None,
                 max_steps: int = MAX_STEPS, start: Start | None = None):
        self.story, self.variant, self.max_steps = story, variant, max_steps
        graph = story.graph
        self._entries = {e.number: e.entry for e in graph.episodes}
        self._last = len(graph.episodes)
        self._pick: Chooser = choices if callable(choices) else _Chooser(story, choices, seed).pick
        self.state: State = initial_state(graph.variables)
        first = 1
        if start is not None:  # going on from an earlier viewing: its episode, and its state then
            first, carried = start
            if first not in self._entries:
                raise BadInputError(f"episode {first} does not exist; the story has episodes 1..{self._last}")
            names = {v.name for v in graph.variables}
            unknown = sorted(set(carried) - names)
            if unknown:
                raise BadInputError(f"the state to go on from names {unknown[0]!r}, which story {story.id} "
                                    f"does not have")
            self.state = {**self.state, **carried}
        self.visits: dict[str, int] = {}
        self.steps: list[PathStep] = []
        self._beat: Beat | None = graph.beat(self._entries[first])
        self._choosing: tuple[Beat, int] | None = None  # a choice beat whose option is not yet taken

    def __iter__(self) -> "Walk":
        return self

    def __next__(self) -> PathStep:
        if self._choosing is not None:
            self._decide(*self._choosing)
            self._choosing = None
        beat = self._beat
        if beat is None:
            raise StopIteration
        if len(self.steps) >= self.max_steps:
            raise BadInputError(f"play did not reach an ending after {self.max_steps} beats; the choices taken go "
                                f"round a loop (last beats: {', '.join(s.beat for s in self.steps[-4:])})")
        visit = self.visits[beat.id] = self.visits.get(beat.id, 0) + 1
        self.state = _apply(beat.effects, self.state, beat, "its effects")
        wanted = self.variant(beat) if callable(self.variant) else self.variant
        told = wanted if wanted is not None and wanted in beat.variants else None
        step = PathStep(beat=beat.id, variant=told)
        self.steps.append(step)
        if beat.ending is not None:
            self._beat = None
            if beat.episode < self._last:
                nxt = self._entries.get(beat.episode + 1)
                if nxt is None:
                    raise BadInputError(f"episode {beat.episode + 1} has no entry beat", where=f"beat {beat.id}")
                self._beat = self.story.graph.beat(nxt)
        elif beat.choice is not None:
            self._choosing = (beat, visit)
        else:
            for edge in beat.next:
                if _holds(edge.condition, self.state, beat, f"edge to {edge.target}"):
                    self._beat = self.story.graph.beat(_resolve(self.story, edge.target, self.state, beat))
                    break
            else:
                conds = "; ".join(describe(e.condition) or "always" for e in beat.next) or "it has no next edges"
                raise BadInputError(f"is not an ending and play cannot go on: none of its next edges hold ({conds})",
                                    where=f"beat {beat.id}")
        return step

    def offered(self, beat: Beat) -> list[Option]:
        """The options of ``beat``'s choice whose conditions hold now."""
        assert beat.choice is not None
        offered = [o for o in beat.choice.options
                   if _holds(o.condition, self.state, beat, f"option {o.id} of choice {beat.choice.id}")]
        if not offered:
            raise BadInputError(f"choice {beat.choice.id} offers no option in this state", where=f"beat {beat.id}")
        return offered

    def target(self, beat: Beat, option: Option) -> Beat:
        """The beat an option leads to (in the state it would make), without taking it."""
        state = _apply(option.effects, self.state, beat, f"option {option.id}'s effects")
        return self.story.graph.beat(_resolve(self.story, option.target, state, beat))

    def _decide(self, beat: Beat, visit: int) -> None:
        assert beat.choice is not None
        offered = self.offered(beat)
        option = self._pick(beat, offered, visit)
        if option.id not in {o.id for o in offered}:
            raise BadInputError(f"option {option.id!r} is not on offer at choice {beat.choice.id}; "
                                f"on offer: {[o.id for o in offered]}", where=f"beat {beat.id}")
        self.steps[-1] = self.steps[-1].model_copy(update={"option": option.id})
        self.state = _apply(option.effects, self.state, beat, f"option {option.id}'s effects")
        self._beat = self.story.graph.beat(_resolve(self.story, option.target, self.state, beat))


def planned_chooser(path: PlayPath) -> Chooser:
    """Take the options a path already chose, in order."""
    taken = iter([s.option for s in path.steps if s.option is not None])

    def pick(beat: Beat, offered: list[Option], visit: int) -> Option:
        wanted = next(taken, None)
        return next((o for o in offered if o.id == wanted), offered[0])

    return pick


def play(story: Story, choices: Choices | Chooser = "auto", *, seed: int = 0, variant: VariantName | None = None,
         max_steps: int = MAX_STEPS, start: Start | None = None) -> tuple[list[PathStep], State]:
    """Play the whole series from episode 1 (or ``start``); return every step and the final state."""
    walk = Walk(story, choices, seed=seed, variant=variant, max_steps=max_steps, start=start)
    for _ in walk:
        pass
    return walk.steps, walk.state


def choose_path(story: Story, choices: Choices = "auto", *, seed: int = 0, episodes: list[int] | None = None,
                variant: VariantName | None = None, max_steps: int = MAX_STEPS, start: Start | None = None) -> PlayPath:
    """The route through ``story`` as a PlayPath.

    ``episodes`` keeps only those episodes' steps; the state is still played from episode 1, so
    what happened earlier (a companion saved or lost) shapes them. ``variant`` plays that telling
    ("calm" or "intense") of every beat that has one; None plays each beat as written.
    ``start``: (episode, state) to begin from, as a viewer going on from an earlier viewing.
    """
    numbers = [e.number for e in story.graph.episodes]
    if episodes is not None:
        missing = sorted(set(episodes) - set(numbers))
        if missing:
            raise BadInputError(f"episode {missing[0]} does not exist; the story has episodes 1..{len(numbers)}")
    steps, _ = play(story, choices, seed=seed, variant=variant, max_steps=max_steps, start=start)
    if episodes is not None:
        wanted = set(episodes)
        steps = [s for s in steps if story.graph.beat(s.beat).episode in wanted]
        if not steps:
            raise BadInputError(f"play never reaches episode(s) {sorted(wanted)}: the series ends before them")
    return PlayPath(story_id=story.id, steps=steps)


# -- what is spoken along a path ------------------------------------------------------------

@dataclass(frozen=True)
class Voiced:
    """One thing to be spoken: what the voice stage renders and the camera places."""

    beat: str
    index: int
    speaker: str  # a cast id, or "narrator"
    text: str
    emotion: Emotion = "neutral"


def telling(story: Story, step: PathStep, where: str = "path") -> Beat | BeatVariant:
    """The beat of a step as played: its variant when the step names one."""
    try:
        beat = story.graph.beat(step.beat)
    except KeyError:
        raise BadInputError(f"{where}: beat {step.beat!r} is not in story {story.id}") from None
    if step.variant is None:
        return beat
    if step.variant not in beat.variants:
        raise BadInputError(f"{where}: beat {step.beat} has no {step.variant!r} variant "
                            f"(it has {sorted(beat.variants) or 'none'})")
    return beat.variants[step.variant]


def voiced_lines(story: Story, path: PlayPath) -> list[Voiced]:
    """Everything spoken along the path, in order, once per (beat, index)."""
    if path.story_id != story.id:
        raise BadInputError(f"the path is for story {path.story_id!r}, not {story.id!r}")
    out: list[Voiced] = []
    seen: set[tuple[str, int]] = set()
    for n, step in enumerate(path.steps):
        told = telling(story, step, f"path step {n}")
        items = [Voiced(step.beat, -1, "narrator", told.narration)] if told.narration.strip() else []
        items += [Voiced(step.beat, i, ln.speaker, ln.text, ln.emotion) for i, ln in enumerate(told.lines)]
        for v in items:
            if (v.beat, v.index) not in seen:
                seen.add((v.beat, v.index))
                out.append(v)
    return out
