"""Revising a written story with the model: one beat, or a whole episode, on a person's note.

    story + beat + note ("make her angrier") --(stage "revise": the beat's narration and
        lines, under a JSON Schema whose speakers are the beat's own people)--> new text
    -> checked (schema, rating and themes-to-avoid, the prompt not echoed, something changed)
    -> repaired up to twice with the checker's messages, else the beat is left as it was
    -> each telling of the beat (the calm and intense variants too) revised the same way
    -> the graph validated again; only the revised beats' shots are drawn again (the render
       cache keys shots by their content)

The structure never changes: who is in the beat, where it happens, its choices, effects and
exits stay, so the story around it still holds. Tokens and calls are counted per beat, and a
token budget stops revising (the beats not reached are left as they were, and said so).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, create_model

from ..errors import BackendError, BadInputError
from ..model import Story
from ..model.content import ContentFlag
from ..model.story import Beat, BeatVariant, Emotion, Line
from .llm.base import LLMBackend, LLMUsage
from .llm_plan import _DATA_NOTE, StageRecord, _prompt, _short, _Strict, content_check, run_stage
from .rating import scan
from .validate import validate

_HEAD = ("You revise one scene of a story as its author asks, as one JSON object: the scene's narration "
         "and its lines of dialogue. Keep who is in the scene, where it is and what happens in it (the rest "
         "of the story depends on it); change how it is told, as the note asks. Speakers are given by id.\n"
         + _DATA_NOTE)
_EXAMPLE = (
    {"note": "make her more frightened", "scene": {
        "narration": "Mara checks the airlock seals one by one.",
        "lines": [{"speaker": "mara", "text": "All green. We're fine.", "emotion": "neutral"}]},
     "speakers": {"mara": "Mara Quell, engineer"}},
    {"narration": "Mara checks the airlock seals one by one, her hands shaking on the last of them.",
     "lines": [{"speaker": "mara", "text": "All green. All green. Please stay green.", "emotion": "afraid"}]},
)


@dataclass
class BeatRevision:
    beat: str
    telling: str                 # "told" (the beat's own telling) or a variant's name
    outcome: str                 # "model", "repaired", "kept" (every attempt failed), "skipped" (over budget)
    problems: list[str] = field(default_factory=list)
    usage: LLMUsage = field(default_factory=LLMUsage)
    before: str = ""
    after: str = ""


@dataclass
class RevisionReport:
    backend: str
    note: str
    revisions: list[BeatRevision] = field(default_factory=list)

    @property
    def changed(self) -> list[str]:
        return list(dict.fromkeys(r.beat for r in self.revisions if r.outcome in ("model", "repaired")))

    @property
    def tokens(self) -> int:
        return sum(r.usage.prompt_tokens + r.usage.completion_tokens for r in self.revisions)

    def summary(self) -> str:
        n = len(self.revisions)
        done = sum(r.outcome in ("model", "repaired") for r in self.revisions)
        kept = sum(r.outcome == "kept" for r in self.revisions)
        skipped = sum(r.outcome == "skipped" for r in self.revisions)
        return (f"{done} of {n} tellings revised ({len(self.changed)} beats)"
                + (f", {kept} left as they were (the model's answers failed the checks)" if kept else "")
                + (f", {skipped} not reached (token budget)" if skipped else "") + f"; {self.tokens} tokens")


def _answer_model(speakers: Sequence[str]) -> type[BaseModel]:
    who = Literal[tuple(speakers)] if speakers else str  # type: ignore[valid-type]
    line = create_model("RevisedLine", __base__=_Strict, speaker=(who, ...), text=(_short(300), ...),
                        emotion=(Emotion, "neutral"))
    return create_model("RevisedScene", __base__=_Strict, narration=(_short(700), ...),
                        lines=(Annotated[list[line], Field(max_length=8)], ...))  # type: ignore[valid-type]


def _as_text(told: Beat | BeatVariant) -> str:
    return " ".join([told.narration, *(f"{ln.speaker}: {ln.text}" for ln in told.lines)])


def _changed_check(told: Beat | BeatVariant, base):  # type: ignore[no-untyped-def]
    def check(answer: BaseModel) -> list[str]:
        problems = base(answer)
        a = answer.model_dump()
        if a["narration"].strip() == told.narration.strip() and \
                [(ln["speaker"], ln["text"]) for ln in a["lines"]] == [(ln.speaker, ln.text) for ln in told.lines]:
            problems.append("nothing was changed: revise the scene as the note asks")
        return problems
    return check


def _apply(told: Beat | BeatVariant, answer: BaseModel) -> dict[str, Any]:
    a = answer.model_dump()
    old = list(told.lines)
    lines = []
    for i, ln in enumerate(a["lines"]):
        # a line keeps how it was delivered (sung, to camera) where one stood in its place
        delivery = old[i].delivery if i < len(old) else "spoken"
        lines.append(Line(speaker=ln["speaker"], text=ln["text"], emotion=ln["emotion"], delivery=delivery))
    text = " ".join([a["narration"], *(ln.text for ln in lines)])
    found = scan(text)
    content = dict(told.content)
    for flag, level in found.items():
        content[flag] = max(content.get(flag, 0), level)
    return {"narration": a["narration"], "lines": lines, "content": content}


def revise(story: Story, backend: LLMBackend, note: str, *, beats: Sequence[str], rating: str | None = None,
           limits: Mapping[ContentFlag, int] | None = None, avoid: Sequence[str] = (), seed: int = 0,
           repairs: int = 2, token_budget: int | None = None) -> tuple[Story, RevisionReport]:
    """``story`` with ``beats`` revised by ``backend`` as ``note`` asks (see the module doc)."""
    note = note.strip()
    if not note:
        raise BadInputError("say how to revise it: the note is empty")
    if len(note) > 500:
        raise BadInputError(f"the note is {len(note)} characters; keep it under 500")
    ids = {b.id for b in story.graph.beats}
    unknown = [b for b in beats if b not in ids]
    if unknown:
        raise BadInputError(f"no beat {unknown[0]!r} in story {story.id!r}")
    rating = rating or story.request.rating
    check = content_check(rating, limits, avoid)
    names = {c.id: f"{c.name}, {c.job or c.archetype}" for c in story.bible.cast}
    report = RevisionReport(backend=backend.name, note=note)
    graph = story.graph.model_copy(deep=True)
    spent = 0
    for k, beat_id in enumerate(beats):
        beat = graph.beat(beat_id)
        tellings: list[tuple[str, Beat | BeatVariant]] = [("told", beat), *beat.variants.items()]
        for name, told in tellings:
            rec = BeatRevision(beat_id, name, "skipped", before=_as_text(told))
            report.revisions.append(rec)
            if token_budget is not None and spent >= token_budget:
                continue
            speakers = list(dict.fromkeys([*beat.characters, *(ln.speaker for ln in told.lines)]))
            scene = {"narration": told.narration, "lines": [{"speaker": ln.speaker, "text": ln.text,
                                                             "emotion": ln.emotion} for ln in told.lines]}
            task = {"note": note, "scene": scene, "speakers": {s: names.get(s, s) for s in speakers}}
            stage = StageRecord(f"revise {beat_id}")
            answer = run_stage(backend, stage, lambda problems: _prompt(_HEAD, _EXAMPLE, task, problems),
                               _answer_model(speakers), _changed_check(told, check), repairs=repairs,
                               seed=seed + 1000 * k, max_tokens=700)
            rec.usage, rec.problems = stage.usage, stage.problems
            if stage.problems and stage.problems[-1].startswith("the model failed"):
                raise BackendError(stage.problems[-1])  # an endpoint that is down fails every beat alike
            spent += stage.usage.prompt_tokens + stage.usage.completion_tokens
            if answer is None:
                rec.outcome = "kept"
                continue
            update = _apply(told, answer)
            if name == "told":
                beat.narration, beat.lines, beat.content = update["narration"], update["lines"], update["content"]
            else:
                beat.variants[name] = told.model_copy(update=update)  # type: ignore[index]
            rec.outcome, rec.after = stage.outcome, _as_text(beat if name == "told" else beat.variants[name])  # type: ignore[index]
    revised = story.model_copy(update={"graph": graph})
    before = {(p.code, p.beat) for p in validate(story).problems if p.severity == "error"}
    new = [p for p in validate(revised).problems if p.severity == "error" and (p.code, p.beat) not in before]
    if new:  # the text never touches structure; if it somehow broke, keep the story whole
        raise BadInputError("the revised story does not validate: " + "; ".join(p.line() for p in new[:3]))
    return revised, report
