"""The drama manager: what to play next, given how the viewer is taking it.

It never leaves the graph: it only picks among what the story already allows. Every beat with
variants can be told as written, calmer or more intense (same place, cast, exits and effects,
so the story stays valid whichever is told), and at a choice the viewer let run out it picks the
option whose next beat best serves the viewer.

Evaluation: a target tension curve for the episode (rising towards the climax; its level set by
the viewer's pacing), pulled up when the viewer is bored and down when they are overwhelmed.
Policy: tell the next beat in the variant whose tension is nearest the wanted one. Each decision
that departs from the story as written is logged with why, for "why did this happen?".
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Profile, Story
from ..model.profile import Pacing
from ..model.state import alive_var
from ..model.story import Beat, Option, VariantName
from .engagement import Estimate

#: Where the target tension starts, by the viewer's pacing; it rises by RISE over an episode.
BASE = {"slow": 0.25, "medium": 0.35, "fast": 0.45}
RISE = 0.45
#: How far boredom / overload move the wanted tension.
PULL = 0.35


@dataclass
class Intervention:
    beat: str
    kind: str            # escalate, calm, pace, steer
    why: str
    at_s: float = 0.0    # film time the changed beat starts


class DramaManager:
    def __init__(self, story: Story, profile: Profile | None = None):
        self.story = story
        #: The kind of ending the viewer asked to steer towards (None: wherever the story goes).
        self.goal: str | None = None
        #: Characters the viewer asked to save.
        self.protect: set[str] = set()
        self.usual_pacing: Pacing = (profile or Profile()).pacing
        self.base = BASE[self.usual_pacing]
        self.log: list[Intervention] = []
        self._position: dict[str, float] = {}
        by_episode: dict[int, list[Beat]] = {}
        for b in story.graph.beats:
            by_episode.setdefault(b.episode, []).append(b)
        for beats in by_episode.values():
            # a beat's place in its episode, by the tension the writer gave it (setup low, climax high)
            order = sorted(beats, key=lambda b: b.tension)
            for i, b in enumerate(order):
                self._position[b.id] = i / max(1, len(order) - 1)

    def wanted(self, beat: Beat, estimate: Estimate | None) -> float:
        """The tension this viewer should get at this beat now."""
        target = self.base + RISE * self._position.get(beat.id, 0.5)
        if estimate is not None and estimate.level == "bored":
            target += PULL * (0.5 + estimate.confidence / 2)
        elif estimate is not None and estimate.level == "overwhelmed":
            target -= PULL * (0.5 + estimate.confidence / 2)
        return min(1.0, max(0.0, target))

    def variant(self, beat: Beat, estimate: Estimate | None, at_s: float = 0.0) -> VariantName | None:
        """The telling of ``beat`` to play (None: as written)."""
        if not beat.variants:
            return None
        want = self.wanted(beat, estimate)
        tellings: dict[VariantName | None, float] = {None: beat.tension}
        tellings.update({name: v.tension for name, v in beat.variants.items()})
        best = min(tellings, key=lambda name: (abs(tellings[name] - want), name is not None))
        if best is not None and estimate is not None and estimate.level != "engaged":
            kind = "escalate" if best == "intense" else "calm"
            cause = "you seemed restless" if estimate.level == "bored" else "it seemed a lot at once"
            detail = f" ({'; '.join(estimate.why[-2:])})" if estimate.why else ""
            self.log.append(Intervention(beat.id, kind, f"{'The stakes rise' if kind == 'escalate' else 'A breather'}: "
                                         f"{cause}{detail}", at_s))
        return best

    def kills(self, option: Option) -> bool:
        """Does taking ``option`` cost the life of a character the viewer asked to save?"""
        return any(e.var == alive_var(cid) and e.op == "set" and e.value is False
                   for e in option.effects for cid in self.protect)

    def reaches(self, beat_id: str, kind: str) -> bool:
        """Can play get from ``beat_id`` to an ending of ``kind`` in its episode (by the graph's
        links, whatever the state)?"""
        graph = self.story.graph
        seen, todo = set(), [beat_id]
        while todo:
            bid = todo.pop()
            if bid in seen:
                continue
            seen.add(bid)
            group = graph.group(bid)
            if group is not None:
                todo += [c.target for c in group.candidates]
                continue
            b = graph.beat(bid)
            if b.ending is not None:
                if graph.ending(b.ending).kind == kind:
                    return True
                continue
            todo += [e.target for e in b.next] + [o.target for o in (b.choice.options if b.choice else [])]
        return False

    def pacing(self, beat: Beat, estimate: Estimate | None, at_s: float = 0.0) -> Pacing | None:
        """Cut quicker for a bored viewer, slower for an overwhelmed one (None: their usual pace)."""
        if estimate is None or estimate.level == "engaged":
            return None
        pace: Pacing = "fast" if estimate.level == "bored" else "slow"
        if pace == self.usual_pacing:
            return None
        if not any(i.beat == beat.id and i.kind in ("escalate", "calm") for i in self.log[-3:]):
            self.log.append(Intervention(beat.id, "pace", f"{'Quicker cuts' if pace == 'fast' else 'Longer looks'}: "
                                         f"{'you seemed restless' if pace == 'fast' else 'it seemed a lot at once'}",
                                         at_s))
        return pace

    def option(self, beat: Beat, offered: list[Option], estimate: Estimate | None,
               next_beat: dict[str, Beat], at_s: float = 0.0) -> Option:
        """For a choice nobody answered: an option that can still reach the ending the viewer is
        steering towards, if any; among those, the one whose next beat is nearest the wanted tension."""
        want = self.wanted(beat, estimate)
        safe = [o for o in offered if not self.kills(o)]
        if self.protect and 0 < len(safe) < len(offered):
            best = min(safe, key=lambda o: abs(next_beat[o.id].tension - want))
            names = ", ".join(c.name for c in self.story.bible.cast if c.id in self.protect)
            self.log.append(Intervention(beat.id, "steer", f"Chose '{best.text}' for you: it keeps {names} "
                                         f"alive, as you asked", at_s))
            return best
        pool = [o for o in offered if self.goal and self.reaches(o.target, self.goal)] or offered
        best = min(pool, key=lambda o: abs(next_beat[o.id].tension - want))
        if self.goal and pool is not offered and len(pool) < len(offered):
            self.log.append(Intervention(beat.id, "steer", f"Chose '{best.text}' for you: it keeps the "
                                         f"{self.goal} ending you asked for within reach", at_s))
            return best
        if estimate is not None and estimate.level != "engaged":
            self.log.append(Intervention(beat.id, "steer", f"Chose '{best.text}' for you: it "
                                         f"{'raises' if estimate.level == 'bored' else 'eases'} the tension", at_s))
        return best
