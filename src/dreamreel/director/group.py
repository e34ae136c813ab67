"""A room of viewers watching one film: their engagement combined, and the strictest of their profiles.

Engagement is estimated per member (each an ``Engagement`` fed only that member's telemetry)
and combined by a rule:

- ``least`` (the default): the least engaged member (lowest score) leads: the film turns for
  whoever it is losing, bored or overwhelmed.
- ``protective``: overload is the most overwhelmed member's, boredom the members' mean (one
  frightened friend calms the film; one restless friend does not rush it).
- ``mean``: both are the members' means (the room as one average viewer).

``bench/together.py`` measures them: 40 rooms of three held-out simulated viewers, four
held-out stories, two seeds (320 viewings a rule), paired against the best static schedule.
No rule moves the members' mean value beyond noise (least -0.2% [-3.3%, +3.2%]), but the
worst-served member of each room gains most under ``least``: +29.0% [16.3%, 44.2%]
(protective +15.2% [6.4%, 26.3%], mean +10.0% [4.2%, 16.6%]).

The combined reading has the single viewer's shape (``Estimate``), from the same code
(``engagement.Reading``: its level and confidence by ``engagement.judge``, its peak, its ageing),
so the drama manager reads a room as it reads one viewer; its ``why`` says how many members it
rests on, never who. A member nothing has been heard from for long enough that their own reading
is ``unknown`` (``engagement.SILENT_S`` + ``FADE_S`` film seconds) counts as one who left until
they are heard again: a silent member's last reading does not lead the room; a room nobody in it
is heard from fades to ``unknown`` as one silent viewer does.

The profile a room's film keeps to is the strictest of the members': the lowest rating
ceiling, the lowest limit on each content flag, and every theme any of them keeps out, so
nobody is shown what their own profile excludes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from ..model import Profile, Story
from ..model.content import RATINGS, stricter
from .engagement import Engagement, Estimate, Reading, judge

Rule = Literal["least", "protective", "mean"]
RULES: tuple[Rule, ...] = ("least", "protective", "mean")


class GroupEngagement(Reading):
    """The room's engagement: ``observe_member`` per member; ``observe``, ``take``, ``peek`` and
    ``estimate`` as a single viewer's ``Engagement`` has them (what ``LiveFilm`` and the drama
    manager read)."""

    def __init__(self, rule: Rule = "least", half_life_s: float = 45.0, threshold: float = 1.0):
        if rule not in RULES:
            raise ValueError(f"no group rule {rule!r} (rules: {', '.join(RULES)})")
        super().__init__(threshold)
        self.rule, self.half_life_s = rule, half_life_s
        self.members: dict[str, Engagement] = {}

    def member(self, member: str) -> Engagement:
        if member not in self.members:
            self.members[member] = Engagement(self.half_life_s, self.threshold)
        return self.members[member]

    def leave(self, member: str) -> None:
        """A member left: their reading no longer counts."""
        self.members.pop(member, None)

    def observe(self, kind: str, t: float, data: dict[str, Any], at: float) -> Estimate:
        """An event from a player that is not a room member's (the film's own player): counted as
        the member ``data["member"]`` if given, else as the film's owner ("")."""
        return self.observe_member(str(data.get("member", "")), kind, t, data, at)

    def observe_member(self, member: str, kind: str, t: float, data: dict[str, Any], at: float) -> Estimate:
        own = self.member(member)
        own.observe(kind, t, data, at)
        self.heard_t = own.heard_t if self.heard_t is None or own.heard_t is None else max(self.heard_t, own.heard_t)
        return self._combine(own.estimate.changed, at, self.heard_t)

    def _combine(self, changed: bool, at: float, now: float | None) -> Estimate:
        """The members' readings combined by the rule, each decayed to wall second ``at``; at film
        second ``now``, a member whose own reading is unknown by then is left out."""
        for e in self.members.values():  # every reading decayed to the same moment
            e._decay(at)
        heard = [e for e in self.members.values() if e.reading(now).level != "unknown"]
        readings = [(e.boredom, e.overload) for e in heard] or [(0.0, 0.0)]
        n = len(readings)
        if self.rule == "mean":
            boredom, overload = sum(b for b, _ in readings) / n, sum(o for _, o in readings) / n
        elif self.rule == "least":
            boredom, overload = max(readings, key=lambda r: r[0] + r[1])
        else:
            boredom, overload = sum(b for b, _ in readings) / n, max(o for _, o in readings)
        levels = [judge(b, o, self.threshold)[0] for b, o in readings]
        why = [f"{k} of {n} {'seem' if k > 1 else 'seems'} {what}" for k, what in
               ((levels.count("bored"), "restless"), (levels.count("overwhelmed"), "overwhelmed")) if k and heard]
        # a room keeps no support of its own (``Estimate.support``): its reading counts in full
        # the way its evidence points
        return self._settle(boredom, overload, changed, why, support=-1.0 if overload > boredom else 1.0)


def strictest(profiles: Iterable[Profile | None]) -> Profile:
    """One profile no stricter than needed and no looser than any member's: the lowest rating
    ceiling, each content flag's lowest limit, every theme anyone keeps out; the slowest pacing
    anyone asked for only if everyone asked for it, else medium; tastes averaged."""
    given = [p for p in profiles if p is not None]
    if not given:
        return Profile(id="room")
    ceilings = [p.rating_ceiling for p in given if p.rating_ceiling is not None]
    ceiling = None
    for c in ceilings:
        ceiling = c if ceiling is None else stricter(ceiling, c)
    limits: dict[Any, int] = {}
    for p in given:
        for flag, most in p.content_limits.items():
            limits[flag] = min(most, limits.get(flag, most))
    avoid = list(dict.fromkeys(a.strip().lower() for p in given for a in p.avoid if a.strip()))[:50]
    paces = {p.pacing for p in given}
    genres: dict[str, list[float]] = {}
    for p in given:
        for g, w in p.tastes.genres.items():
            genres.setdefault(g, []).append(w)
    tastes = given[0].tastes.model_copy(update={"genres": {g: sum(w) / len(given) for g, w in genres.items()}})
    return Profile(id="room", rating_ceiling=ceiling, content_limits=limits, avoid=avoid,
                   pacing=paces.pop() if len(paces) == 1 else "medium", tastes=tastes)


def keeps_out(story: Story, profile: Profile | None) -> str | None:
    """Why ``story`` shows something ``profile`` excludes (one line), or None if it keeps within it:
    its rating above the profile's ceiling, or any telling of any beat above the profile's
    content limits or naming a theme it keeps out."""
    if profile is None:
        return None
    rating = story.request.rating
    if profile.rating_ceiling is not None and RATINGS.index(rating) > RATINGS.index(profile.rating_ceiling):
        return f"it is rated {rating}, above your profile's ceiling of {profile.rating_ceiling}"
    if not profile.content_limits and not profile.avoid:
        return None
    from ..model.shot import PathStep
    from ..trust.ratings import release_problems

    for beat in story.graph.beats:
        for variant in [None, *beat.variants]:
            problems = release_problems(story, [PathStep(beat=beat.id, variant=variant)], profile)
            if problems:
                what = problems[0].split(": ", 1)[-1].replace("which the viewer keeps out", "which you keep out")
                return f"it {what}" if what.startswith("mentions") else f"it has {what}"
    return None
