"""The critic pass: the model reads the written story against the request, names what is wrong
where, and the writer revises those beats.

    request + the story in outline (each beat: id, title, where, who, what happens, its choice)
      --(stage "critic": up to six notes, each a beat id from the story, the problem, the fix,
         under a JSON Schema)--> notes
      -> each note's fix goes to ``narrative.revise`` for its beat (checked, repaired, or left)
      -> a report of what the critic said and what changed

The critic looks for what the viewer asked for and does not get, continuity slips (a name or
an object that changes), choices whose sides read the same, and anything above the rating.
Its notes are only advice: a fix still passes every check revise makes, and a note naming a
beat that is not in the story is refused by the schema and sent back for repair.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Literal

from pydantic import BaseModel, Field, create_model

from ..model import Story
from ..model.content import ContentFlag
from .llm.base import LLMBackend
from .llm_plan import _DATA_NOTE, StageRecord, _prompt, _short, _Strict, content_check, run_stage
from .revise import RevisionReport, revise

MAX_NOTES = 6
OUTLINE_BEATS = 48

_HEAD = ("You are a story editor. Read the viewer's request and the story written for it, and list what most "
         "needs fixing, as one JSON object with up to six notes. Each note names one beat by its id, the problem "
         "(something the request asked for that the story lacks, a continuity slip, a choice whose options "
         "read the same, anything too strong for the rating) and the fix, as an instruction to the writer. "
         "If nothing needs fixing, give no notes.\n" + _DATA_NOTE)
_EXAMPLE = (
    {"request": "a heist on a generation ship, with a song", "rating": "PG", "beats": [
        {"id": "e1_setup", "title": "The plan", "where": "hydroponics deck", "who": ["mara", "ivo"],
         "what": "Mara explains the plan to Ivo.", "choice": None},
        {"id": "e1_vault", "title": "The vault", "where": "seed vault", "who": ["mara"],
         "what": "Mara opens the vault.", "choice": "Take the seeds or leave a decoy?"}]},
    {"notes": [{"beat": "e1_setup", "problem": "the request asks for a song and nobody sings",
                "fix": "let Mara sing the plan to Ivo as a short rhyming verse"}]},
)


@dataclass
class CriticReport:
    notes: list[dict] = field(default_factory=list)
    stage: StageRecord = field(default_factory=lambda: StageRecord("critic"))
    revisions: RevisionReport | None = None

    def summary(self) -> str:
        if self.stage.outcome == "planner" and not self.notes:
            return "critic: no usable notes (" + (self.stage.problems[-1] if self.stage.problems else "no answer") + ")"
        if not self.notes:
            return "critic: nothing to fix"
        changed = self.revisions.changed if self.revisions else []
        return (f"critic: {len(self.notes)} note(s); revised {len(changed)} beat(s)"
                + (f" ({', '.join(changed)})" if changed else ""))


def _notes_model(beat_ids: Sequence[str]) -> type[BaseModel]:
    note = create_model("CriticNote", __base__=_Strict, beat=(Literal[tuple(beat_ids)], ...),  # type: ignore[valid-type]
                        problem=(_short(200), ...), fix=(_short(200), ...))
    return create_model("CriticNotes", __base__=_Strict,
                        notes=(Annotated[list[note], Field(max_length=MAX_NOTES)], ...))  # type: ignore[valid-type]


def outline_for_critic(story: Story) -> dict:
    places = {p.id: p.name for p in story.bible.world.places}
    beats = []
    for b in story.graph.beats[:OUTLINE_BEATS]:
        beats.append({"id": b.id, "title": b.title, "where": places.get(b.place, b.place), "who": b.characters,
                      "what": (b.narration or b.action)[:160],
                      "choice": b.choice.prompt if b.choice else None})
    return {"request": story.request.prompt[:600], "rating": story.request.rating, "beats": beats}


def critique(story: Story, backend: LLMBackend, *, limits: Mapping[ContentFlag, int] | None = None,
             avoid: Sequence[str] = (), seed: int = 0, repairs: int = 2,
             token_budget: int | None = None) -> tuple[Story, CriticReport]:
    """The critic's notes on ``story``, and the story with the noted beats revised."""
    report = CriticReport()
    beat_ids = [b.id for b in story.graph.beats[:OUTLINE_BEATS]]
    check = content_check(story.request.rating, limits, avoid)
    task = outline_for_critic(story)
    answer = run_stage(backend, report.stage, lambda problems: _prompt(_HEAD, _EXAMPLE, task, problems),
                       _notes_model(beat_ids), check, repairs=repairs, seed=seed + 7, max_tokens=700)
    if answer is None:
        return story, report
    report.notes = [n for n in answer.model_dump()["notes"]]
    if not report.notes:
        return story, report
    spent = report.stage.usage.prompt_tokens + report.stage.usage.completion_tokens
    revised = story
    combined: RevisionReport | None = None
    for i, note in enumerate(report.notes):
        budget = None if token_budget is None else max(0, token_budget - spent)
        if budget == 0:
            break
        revised, r = revise(revised, backend, note["fix"], beats=[note["beat"]], limits=limits, avoid=avoid,
                            seed=seed + 31 * i, repairs=repairs, token_budget=budget)
        spent += r.tokens
        if combined is None:
            combined = r
        else:
            combined.revisions += r.revisions
    report.revisions = combined
    return revised, report
