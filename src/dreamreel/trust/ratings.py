"""Ratings, checked again before release: what a film actually says, against its rating and the
viewer's own limits.

The planner and the writer keep to the rating as they write (``narrative.rating``, checked by
``narrative.validate``); a film is made from one path through the story, possibly in tellings a
live director picked, so before it is signed and released its words as played (narration,
lines, the choice prompts and options shown) are scanned again. A film above its ceiling is not
released: its file is removed and the reason given.
"""

from __future__ import annotations

from ..director.path import telling
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
