"""Ratings, checked again before release: what a film actually says, against its rating and the
viewer's own limits.

The planner and the writer keep to the rating as they write (``narrative.rating``, checked by
``narrative.validate``); a film is made from one path through the story, possibly in tellings a
live director picked, so as production walks each beat its words as played (narration, lines,
the choice prompts and options shown) are scanned again, before any of it is drawn or streamed
(``within_rating``). A telling above the ceiling is swapped for one within it; a beat with none
stops the film there, with the reason.
"""

from __future__ import annotations

from ..director.path import Walk, telling
from ..errors import DreamreelError
from ..model import Profile, Story
from ..model.content import stricter
from ..model.shot import PathStep
from ..narrative import rating as content


class RatingError(DreamreelError):
    """The film as made says more than its rating (or the viewer's limits) allow."""


def release_problems(story: Story, steps: list[PathStep], profile: Profile | None = None) -> list[str]:
    """What, in the film as played, is above the ceiling: one line each (empty: fit to release)."""
    rating, limits, avoid = story.request.rating, None, []
    if profile is not None:
        if profile.rating_ceiling is not None:
            rating = stricter(rating, profile.rating_ceiling)
        limits, avoid = profile.content_limits, profile.avoid
    problems = []
    for step in steps:
        told = telling(story, step)
        beat = story.graph.beat(step.beat)
        parts = [told.narration, *(ln.text for ln in told.lines)]
        if beat.choice is not None:
            parts += [beat.choice.prompt, *(o.text for o in beat.choice.options)]
        text = "\n".join(p for p in parts if p)
        for flag, level, top in content.within(content.scan(text), rating, limits):
            problems.append(f"beat {beat.id}: {flag.value} at level {level}, above {top} ({rating})")
        for theme in content.avoid_hits(text, avoid):
            problems.append(f"beat {beat.id}: mentions {theme!r}, which the viewer keeps out")
    return problems


def within_rating(story: Story, walk: Walk, profile: Profile | None) -> PathStep:
    """The step just walked, told within the film's rating and the viewer's limits: as the
    director picked it, else another telling of the same beat that keeps within them (the
    director's pick is replaced in the walk); RatingError if no telling does, before any of
    the beat is made or streamed."""
    step = walk.steps[-1]
    problems = release_problems(story, [step], profile)
    if not problems:
        return step
    for name in [None, *story.graph.beat(step.beat).variants]:
        other = step.model_copy(update={"variant": name})
        if name != step.variant and not release_problems(story, [other], profile):
            walk.steps[-1] = other
            return other
    raise RatingError(f"the film was stopped before beat {step.beat}: no telling of it keeps within the rating "
                      f"({problems[0]})")
