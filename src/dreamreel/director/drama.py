"""The drama manager: what to play next, given how the viewer is taking it.

It never leaves the graph: it only picks among what the story already allows. Every beat with
variants can be told as written, calmer or more intense (same place, cast, exits and effects,
so the story stays valid whichever is told), and at a choice the viewer let run out it picks the
option whose next beat best serves the viewer.

Evaluation: a target tension curve for the episode (rising towards the climax; its level set by
the viewer's pacing and a population's prior lean), moved by what this viewer has shown: a lean
of their own, learned as each beat begins (restless: up; overwhelmed: down), and the reading of
the moment on top. (Signals do not always say which way: some overwhelmed viewers skip ahead
just as bored ones do. Taking a move back when more distress followed it was tried, and under
the simulator in ``director.viewers`` it did worse than trusting the signals: +17.6% against
+23.5% over the best static schedule. The director loses more viewers to overload than the best
fixed schedule, 25% against 15% on held-out simulated viewers, mostly those whose only sign of
too much is a skip or a hidden tab, read as restless and answered by raising every lever at
once. Asking for more evidence of restlessness than of overload before raising (1.5 units of
boredom, one of overload) was tried for issue 14: on held-out viewers overload exits fell to 21%
and boredom exits rose from 19% to 21%, and the value fell from 0.310 to 0.307 a second (+0.8%
on the training viewers it was chosen on); so were a cap on raises in a row, a step back on any
sign of overload after a raise, backing off two or three times as fast as raising, raising the
lean only on evidence new since the last beat, a smaller moment's pull on slight evidence, and
raising the telling or the pace only on clear evidence: none did better on the training viewers
beyond noise. Not kept. Reading restlessness as ambiguous was tried under two simulators for
issue 14 (no raise once the trouble came with the beats written tenser; each raise one step,
undone when the next beat's trouble a second was no lower, that lean a ceiling; the quick pace
and the pulse only on a raised lean): under bench/outside_watch.py's held-out people overload
exits fell from 26% to 17.5% and the lift over static rose from -10.3% to -4.6%, but under
``director.viewers`` the held-out lift over static fell from +7.1% to +0.7% (README,
"overwhelm"). Not kept. Nor was counting a skip or another tab as restlessness only by the odds
the viewer's unambiguous signals give (faster playback against rewinds, replays and slow
choices; even at first, so half a unit): held out, the outside model +4.6% [2.4%, 7.3%] over
the director as it is (-10.1% -> -6.0% over static, overwhelm exits 25% -> 21%), but
``director.viewers`` -1.8% [-3.0%, -0.5%] (+7.1% -> +5.2% over static).) Kept: a turning
away (another tab, muting, eyes off the screen) reads by what was playing (``contrast``: how much
tenser or calmer the beat as made was than the viewer's last RECENT, from its telling, content,
pace, look and pulse): in a tenser beat mostly as overload, in a calmer one mostly as boredom
(``Engagement.context``). Skips and choices let run out read so too cost under
``director.viewers`` (README). And variety across
re-watches: of the tellings (and, at a choice left to run out, the options) about as near the
wanted tension, one this viewer has not seen before is preferred.
How far it moves is shrunk by how strongly and consistently this viewer's own evidence says
which way (``Estimate.support``, issue 14): the moment's pull, each step of the lean, and the lean
itself count by their support's share of SURE, and the pulse needs PULSE_TRUST of it. A viewer
who sends nothing, or whose signs contradict each other (skips and rewinds alike), is told the
film the director starts from, the population's schedule (``schedule.START``); one who repeats one
habit (skipping whatever is wrong) is moved at most half as far, and one whose only signs say
nothing of which way (choices let run out or answered slowly: ``engagement.RELIABILITY``) not
at all; one whose independent signs
agree beat after beat is answered in full. A room's reading counts in full the way the room's evidence points (``group``). (Under ``director.viewers`` this cost about 1% on the training viewers; on
viewers written to break their habits, ``director.stress_viewers``, it gained where the signs
contradict or mislead and cost about 3% where one clear sign was read right: README.)
Where it starts (issue 14): with no evidence it tells the film the best fixed schedule tells
(``schedule.START`` is ``STATIC``: ``telling``, with its look and pace), its drive moving each beat
from that telling's tension, and a choice let run out takes the default, as the schedule does; so
a viewer who shows nothing, or a deaf director, gets exactly the static film. (It started from
the best schedule on its own curve, which the fit picks among near-ties: refitted on cfe8b7a's
stories that was arc +0.2 with no look, and under bench/outside_watch.py the adaptive director
fell to 0.347 a second, -34.9% [-46%, -25%] under static, 39% leaving overwhelmed.) Measured on
cfe8b7a, both refitted (STATIC: every beat as written, the stakes look, the usual pace), paired
on the same stories, seeds and people: the outside model +48.5% [29%, 77%] over that (0.515 a
second; -3.3% [-6.7%, -1.0%] under static, which is also the deaf director now);
``director.viewers`` held out (60 viewers) +11.3% [4.7%, 18.8%] (+12.5% [8.1%, 17.2%] over static,
was +1.1%); ``stress_viewers`` skips meaning too slow +18%, contradictory +27%, drifting +20%,
training +1.3%, skips meaning too much -0.4%, silent -11% [-21%, 1%]. Against cfe8b7a as
shipped (its static.json fitted on older stories: STATIC calm, START arc -0.2), the outside model
gives 0.532 -> 0.515, -3.2% [-7.9%, 1.0%], most of it the refit's STATIC (the static film itself
0.541 -> 0.532). An outcome check (``OUTCOME``: a move the restless way
judged by whether this viewer's acts of trouble, ``Estimate.trouble``, came more or less after
it; when more, twice more than less, it is taken back and their restlessness read as too much)
is written and shipped off: skips are noisy and a bored viewer raised too little skips on, so
a check quick enough to catch the skipper overwhelmed by a raise also reversed bored ones. The
forms tried (on 4dc7068's stories, START = the old STATIC, calm), against the director without
it (same stories, seeds, people): one beat's trouble
against the one before, +0.7% [-0.2%, 1.8%] under the outside model, -4.6% [-6.6%, -2.8%] under
``director.viewers`` held out, slow skippers -7.6%; two beats against two, unaligned, +1.4%
[-0.0%, 3.5%] and -7.7% [-10.3%, -5.3%] (most of its flips wrong); aligned on the move, +0.2% and -1.3%; as
shipped-off (each moved beat against the last before the move, two votes net; the player's
held states and a choice's answer left out of the trouble), +0.03% [-0.09%, 0.18%] and -0.9%
[-1.6%, -0.3%], contradictory signs -2.4%, drifting tastes -2.3%: no viewer model better beyond
noise. In ``director.viewers`` a quarter to a third of its flips were right (its "skipper" people
skip when overwhelmed too).
Where it loses (issue 14, each lever left out and each alone, per kind of viewer:
``bench/adapt_levers.py``: 40 outside people, 20 training viewers, 10 of each stress kind; on
88c6aac): under bench/outside_watch.py's
people all of the loss against static is the telling (without it +0.2% [-0.1%, 0.6%] over
static, the telling alone -3.3% [-4.6%, -2.0%]; the pace, look, pulse and the option each within
0.2% of static), and it falls on two kinds of people: those who show too much the way boredom
shows (skipping ahead or another tab more than pausing, rewinding or muting: -8.5% [-12.7%,
-5.0%], those who want the least -13.8%), and those whose player sends nothing (-1.8% [-2.9%,
-0.9%]: the one sign heard from them, a choice they let run out, read as restlessness and the
film raised); those who pause and rewind +0.4%. Under ``director.viewers`` the telling is most of
the gain too (training viewers +10.7% over static, +7.1% without it; the stress kinds +16.7%,
+5.5%). Kept: choices let run out or answered slowly count in the reading's level but not in
its support (``engagement.RELIABILITY``, learned on the in-house viewers: they point neither
way there), so the second kind gets the static film. Paired against the director without it
(the same run, 40 people, 40 training viewers, 20 of each stress kind, 40 held-out): the outside
model +1.5% [0.7%, 2.3%] (-3.2% -> -1.7% [-3.0%, -0.5%] under static), the training viewers
+1.1% [-2.0%, 4.3%], the stress kinds -1.1% [-4.4%, 2.1%], ``director.viewers`` held out -2.0%
[-4.3%, 0.4%] (+18.2% -> +15.8% [10.2%, 22.2%] over static). Left: no in-house evidence tells the first
kind from the bored (``director.stress_viewers``' skippers who skip when it is too much are read
the wrong way 96% of the time, and it costs them about 1%, where it costs the outside model's
8.5%: its people leave from overload, and their enjoyment falls faster past what they want
than short of it). Tried on the
in-house viewers and not kept (mean lift over static across the training viewers and the five
stress kinds, 20 viewers, +22.5% as shipped): a raise needing 0.1-0.4 of support before it counts
(+22.0%, +20.1%, +19.8%, +19.4%; both ways at 0.2 and 0.3: +18.5%, +14.7%), skips read by what was
playing as another tab is (+12.7%: slow skippers +25.6% -> -0.2%), LEAN_MAX 0.15 or 0.25 (+20.4%,
+21.9%), LEAN_STEP 0.06 (+22.6%) and PULL 0.2 (+24.0%, within noise: those populations' lifts moved
by 5-50 points between 10 and 20 viewers a kind).
A reading nobody confirmed (the player sent nothing for ``engagement.SILENT_S`` film seconds)
pulls with less confidence, and once it is unknown it pulls nothing, teaches the lean nothing and
the look and the pulse follow the lean alone: the director stops adapting to what it no longer
hears, and keeps what it learned while it heard.
Policy: every lever follows the same drive (lean plus the moment's pull): the telling of the next
beat nearest the wanted tension, its pace (quicker cuts above a drive of PACE_AT, longer looks
below minus it), and the look of what is about to play (``look``: see ``director.grade``), which
reaches the viewer within seconds while the telling waits for the next beat; a look changes at
most once every LOOK_COOLDOWN_S, unless the engagement's change detectors flag a sudden turn.
And the pulse (``pulse``): while the moment's reading is restless, a heartbeat under the score
on the sound not yet streamed (``synth.music.pulse``), the one lever that reaches a restless viewer
within the beat playing when they already have the stakes look (every viewer starts with it).
Each decision that departs from the story as written is logged with why, for "why did this happen?".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Profile, Story
from ..model.profile import Pacing
from ..model.shot import PathStep
from ..model.state import alive_var
from ..model.story import Beat, Option, VariantName
from .engagement import Estimate

#: Where the target tension starts, by the viewer's pacing; it rises by RISE over an episode.
BASE = {"slow": 0.25, "medium": 0.35, "fast": 0.45}
RISE = 0.45
#: How far boredom / overload move the wanted tension.
PULL = 0.35
#: How much further from the wanted tension a telling or option not seen before may be, and
#: still be preferred to one seen (re-watches).
VARIETY_SLACK = 0.15
#: Seconds between two changes of look (a look that flickered would be noise, not direction),
#: unless the change detectors flag a sudden turn.
LOOK_COOLDOWN_S = 20.0
#: Seconds a pulse, once started or stopped, stays so (a throb that came and went with each
#: event would be noise), unless the change detectors flag a sudden turn.
PULSE_HOLD_S = 10.0
#: How far one beat's reading moves the viewer's own lean, at most, and how far it may go.
LEAN_STEP = 0.12
LEAN_MAX = 0.35
#: The drive above which the look turns (stakes / breather), and the pace (fast / slow).
LOOK_AT = 0.1
PACE_AT = 0.15
#: What a step of each lever adds to a beat's intensity as made (``made``), on the tension
#: scale, where a telling one way or the other is about 0.2 from as written: quicker or slower
#: cutting, the stakes or breather look, the pulse, and each level of the strongest content.
MADE_STEP = 0.1
#: How many of the viewer's beats before the one playing a beat is compared with (``contrast``).
RECENT = 3
#: The support (``Estimate.support``: how strongly and consistently the viewer's own evidence
#: says which way) at which a reading, and the lean learned from readings, count in full; below
#: it they count by its share, and evidence that says nothing, or the other way, moves nothing:
#: the director stays at its start (the population's schedule) until this viewer shows otherwise.
SURE = 0.5
#: The share of a restless reading's pull its support must allow for the pulse to come in.
PULSE_TRUST = 0.5
#: Whether readings count by their support (off: every reading in full, as before issue 14's
#: robustness; for tests and measuring).
SHRINK = True
#: The outcome check (issue 14): each beat played while the film is moved the restless way
#: (``sense``: more, at first) at least MOVE_MIN from the latest beat before the move is judged
#: against that beat: did it draw at least WORSE (half a skip) more of this viewer's trouble
#: (``Estimate.trouble``: what their acts of boredom and overload brought), or as much less? Once
#: the beats that made it worse outnumber those that made it better by VOTES, the move is taken
#: back and restless-looking signs are read the other way for this viewer from then on (skipping
#: or leaving the tab because it is too much), at most MAX_FLIPS times a viewing. Off (as
#: shipped: it helped no viewer model beyond noise, and cost about 1% under the director's own;
#: see the module's doc): every viewer's restlessness means more.
OUTCOME = False
#: The levers the drive moves (for measuring each one's part, ``bench/adapt_levers.py``): the
#: telling of the next beat, its pace, the look, the pulse under the score, and the option at a
#: choice let run out. A lever left out stays where the film starts (``schedule.START``).
LEVERS: frozenset[str] = frozenset({"telling", "pace", "look", "pulse", "steer"})
VOTES = 2
MOVE_MIN = 0.05
WORSE = 0.5
MAX_FLIPS = 2


@dataclass
class Intervention:
    beat: str
    kind: str            # escalate, calm, pace, steer, palette, pulse
    why: str
    at_s: float = 0.0    # film time the changed beat starts


@dataclass
class Seen:
    """What a viewer has seen of this story in earlier viewings."""

    tellings: set[tuple[str, str | None]] = field(default_factory=set)  # (beat id, variant; None: as written)
    options: set[tuple[str, str]] = field(default_factory=set)          # (choice id, option id)

    def add(self, story: Story, steps: list[PathStep]) -> None:
        """Add one earlier viewing (its played path)."""
        for step in steps:
            self.tellings.add((step.beat, step.variant))
            if step.option is not None:
                beat = story.graph.beat(step.beat)
                if beat.choice is not None:
                    self.options.add((beat.choice.id, step.option))


class DramaManager:
    def __init__(self, story: Story, profile: Profile | None = None, seen: Seen | None = None):
        self.story = story
        self.seen = seen or Seen()
        #: The kind of ending the viewer asked to steer towards (None: wherever the story goes).
        self.goal: str | None = None
        #: Characters the viewer asked to save.
        self.protect: set[str] = set()
        self.usual_pacing: Pacing = (profile or Profile()).pacing
        self.base = BASE[self.usual_pacing]
        #: Added to the wanted tension everywhere (a fixed schedule's lean, or a population's prior).
        self.bias = 0.0
        #: The look and pace for a viewer the director knows nothing of yet (a population's prior).
        self.prior_look: str | None = None
        self.prior_pacing: Pacing | None = None
        #: This viewer's own lean, learned from their signals.
        self.lean = 0.0
        #: A push on the drive for this beat from outside (the bandit of ``director.learning``).
        self.nudge = 0.0
        #: The support of the latest known reading (``Estimate.support``), which the lean needs.
        self.support = 0.0
        #: The telling every beat has for a viewer the director knows nothing of: "arc" (its own
        #: tension curve, moved by ``bias``) or one telling for every beat, a fixed schedule's
        #: ("as_written", "calm", "intense": ``schedule.start``); the drive moves from there.
        self.telling = "arc"
        #: Which way restless-looking signs (skips, another tab, a choice let run out) move this
        #: viewer's film: +1 more, -1 less (the outcome check found more made it worse: ``OUTCOME``).
        self.sense = 1.0
        self.flips = 0
        #: The latest beat before the film moved the restless way: (its drive, the trouble it drew),
        #: and the beats since, that made it worse less those that made it better (``OUTCOME``).
        self.ref: tuple[float, float] | None = None
        self.verdict = 0
        #: Each beat as the drive chose it: [film second it started, the drive, the viewer's
        #: trouble heard by then (NaN: not known)] (the outcome check).
        self.trail: list[list[float]] = []
        self.log: list[Intervention] = []
        #: The look on the shots now ("stakes", "breather"; None: as cut), and since when (wall clock).
        self.current_look: str | None = None
        self.look_at = -1e9
        #: Whether the pulse throbs under the score now, and since when (wall clock).
        self.pulsing = False
        self.pulse_at = -1e9
        #: Each beat this viewer was given, as made: [film second it starts, its telling's tension
        #: and content, the lever steps on it] (``made``, ``contrast``).
        self.made: list[list[float]] = []
        self._position: dict[str, float] = {}
        by_episode: dict[int, list[Beat]] = {}
        for b in story.graph.beats:
            by_episode.setdefault(b.episode, []).append(b)
        for beats in by_episode.values():
            # a beat's place in its episode, by the tension the writer gave it (setup low, climax high)
            order = sorted(beats, key=lambda b: b.tension)
            for i, b in enumerate(order):
                self._position[b.id] = i / max(1, len(order) - 1)

    def pull(self, estimate: Estimate | None) -> float:
        """The moment's reading as a push on the tension (+ more, - less; none when engaged or
        unknown)."""
        if estimate is None or estimate.level not in ("bored", "overwhelmed"):
            return 0.0
        way = self.way(estimate)
        return way * PULL * (0.5 + estimate.confidence / 2) * self.trust(way, self.evidence(estimate.support))

    def way(self, estimate: Estimate) -> float:
        """Which way a restless (``bored``) or overwhelmed reading moves this viewer's film: +1
        more, -1 less (a restless one as ``sense`` says)."""
        return self.sense if estimate.level == "bored" else -1.0

    def evidence(self, support: float) -> float:
        """``support`` (+ restless, - overwhelmed) as the way it moves this viewer's film (+ more,
        - less): restless evidence counts as ``sense`` says."""
        return support * self.sense if support > 0 else support

    @staticmethod
    def trust(way: float, support: float) -> float:
        """How far a move ``way`` (+1 more, -1 less) counts when the viewer's evidence has
        ``support`` (+ restless .. - overwhelmed): in full from SURE that way, nothing the other."""
        if not SHRINK:
            return 1.0
        return min(1.0, max(0.0, way * support / SURE))

    def drive(self, estimate: Estimate | None, lever: str | None = None) -> float:
        """Which way, and how far, every lever should move for this viewer now: the lean as far
        as the evidence still supports it, the bandit's nudge, and the moment's pull (for
        ``lever``: none when it is not in ``LEVERS``)."""
        if lever is not None and lever not in LEVERS:
            return 0.0
        lean = self.lean * self.trust(1.0 if self.lean > 0 else -1.0, self.evidence(self.support)) \
            if self.lean else 0.0
        return lean + self.nudge + self.pull(estimate)

    def contrast(self, t: float) -> float | None:
        """How much more intense (+) or calmer (-) than this viewer's RECENT beats before it the
        beat playing at film second ``t`` was made (None: no beat yet, or none before it). Each
        viewer is compared with what they themselves were given, so another tab in a climax and in
        a lull say different things (``engagement.AVERTED``)."""
        i = next((k for k in range(len(self.made) - 1, -1, -1) if self.made[k][0] <= t), None)
        if i is None or i == 0:
            return None
        before = self.made[max(0, i - RECENT):i]
        return sum(self.made[i][1:]) - sum(sum(m[1:]) for m in before) / len(before)

    def position(self, beat: Beat) -> float:
        """Where ``beat`` stands in its episode, 0 (setup) .. 1 (climax)."""
        return self._position.get(beat.id, 0.5)

    def preview(self, beat: Beat, estimate: Estimate | None) -> float:
        """The tension of the telling ``variant`` would pick now (leaving re-watches aside),
        without learning or logging."""
        want = self.wanted(beat, estimate)
        tellings = [beat.tension] + [v.tension for v in beat.variants.values()]
        return min(tellings, key=lambda t: abs(t - want))

    def learn(self, beat: Beat, estimate: Estimate | None, at_s: float = 0.0) -> None:
        """As a beat begins: move this viewer's lean by their reading since the last beat (an
        unknown reading, nothing heard for a while, moves nothing: what was learned stays)."""
        if estimate is None or estimate.level == "unknown":
            return
        self.support = estimate.support
        if OUTCOME:
            self.check(beat, estimate, at_s)
        if estimate.level not in ("bored", "overwhelmed"):
            return
        way = self.way(estimate)
        step = LEAN_STEP * (0.5 + estimate.confidence / 2) * self.trust(way, self.evidence(estimate.support))
        self.lean = min(LEAN_MAX, max(-LEAN_MAX, self.lean + way * step))

    def check(self, beat: Beat, estimate: Estimate, at_s: float) -> bool:
        """The outcome check (``OUTCOME``), as ``beat`` begins: the last beat played is judged
        against the latest beat before the film moved (``ref``): if it was driven at least
        MOVE_MIN further the restless way (``sense``), did it draw at least WORSE more trouble
        (a vote against the move) or less (one for it)? If not moved, it is the new reference.
        Once the votes against lead by VOTES, take the move back (the lean to none) and read
        restlessness the other way from now on. Whether it did."""
        if len(self.trail) < 1 or self.flips >= MAX_FLIPS:
            return False
        _, drive, since = self.trail[-1]
        drawn = estimate.trouble - since
        if drawn != drawn:  # (NaN: not heard then)
            self.ref = None
            return False
        if self.ref is None or self.sense * (drive - self.ref[0]) < MOVE_MIN:
            self.ref, self.verdict = (drive, drawn), 0
            return False
        worse = drawn - self.ref[1]
        if abs(worse) >= WORSE:
            self.verdict = max(0, self.verdict + (1 if worse > 0 else -1))
        if self.verdict < VOTES:
            return False
        was = "was made tenser" if self.sense > 0 else "was eased"
        self.sense, self.lean, self.flips, self.verdict, self.ref = -self.sense, 0.0, self.flips + 1, 0, None
        self.log.append(Intervention(beat.id, "reverse", f"Taken back: you showed more signs of trouble each time "
                                     f"the film {was} for you, so from here it goes the other way "
                                     f"({'; '.join(estimate.why[-2:]) or 'more of the same'})", at_s))
        return True

    def wanted(self, beat: Beat, estimate: Estimate | None, lever: str | None = None) -> float:
        """The tension this viewer should get at this beat now (by ``lever``'s drive)."""
        return min(1.0, max(0.0, self.anchor(beat) + self.drive(estimate, lever)))

    def anchor(self, beat: Beat) -> float:
        """The tension ``beat`` has for a viewer the director knows nothing of: on its own curve
        (``telling`` "arc"), or the fixed telling's (``schedule.start``)."""
        if self.telling == "arc":
            return self.base + self.bias + RISE * self.position(beat)
        told = beat.variants.get(self.telling) if self.telling != "as_written" else None  # type: ignore[call-overload]
        return (told or beat).tension

    def variant(self, beat: Beat, estimate: Estimate | None, at_s: float = 0.0, *,
                learn: bool = True) -> VariantName | None:
        """The telling of ``beat`` to play (None: as written); asked as each beat begins, it first
        learns from the reading since the last (``learn``; False: the caller already has)."""
        if learn:
            self.learn(beat, estimate, at_s)
        best = self._variant(beat, estimate, at_s)
        heard = estimate.trouble if estimate is not None and estimate.level != "unknown" else float("nan")
        self.trail = (self.trail + [[at_s, self.drive(estimate), heard]])[-2:]
        told = beat if best is None else beat.variants[best]
        self.made.append([at_s, told.tension + MADE_STEP * max(told.content.values(), default=0), 0.0])
        return best

    def _variant(self, beat: Beat, estimate: Estimate | None, at_s: float) -> VariantName | None:
        if not beat.variants:
            return None
        want = self.wanted(beat, estimate, "telling")
        tellings: dict[VariantName | None, float] = {None: beat.tension}
        tellings.update({name: v.tension for name, v in beat.variants.items()})
        far = {name: abs(t - want) for name, t in tellings.items()}
        best = min(tellings, key=lambda name: (far[name], name is not None))
        if (beat.id, best) in self.seen.tellings:
            fresh = [n for n in tellings if (beat.id, n) not in self.seen.tellings and far[n] <= far[best] + VARIETY_SLACK]
            if fresh:
                was = "as written" if best is None else f"told the {best} way"
                best = min(fresh, key=lambda name: (far[name], name is not None))
                self.log.append(Intervention(beat.id, "variety", f"Told another way this time: you have seen "
                                             f"this scene {was} before", at_s))
                return best
        if best is not None and self.drive(estimate, "telling") != 0:
            kind = "escalate" if best == "intense" else "calm"
            cause = self._cause(estimate, kind == "escalate")
            detail = f" ({'; '.join(estimate.why[-2:])})" if estimate.why else ""
            self.log.append(Intervention(beat.id, kind, f"{'The stakes rise' if kind == 'escalate' else 'A breather'}: "
                                         f"{cause}{detail}", at_s))
        return best

    def _cause(self, estimate: Estimate | None, more: bool) -> str:
        if estimate is not None and estimate.level in ("bored", "overwhelmed"):
            said = "it seemed a lot at once" if self.way(estimate) < 0 else "you seemed restless"
            if estimate.level == "bored" and self.sense < 0:
                said += " (your signs came more when it was tenser)"
            detail = f" ({'; '.join(estimate.why[-2:])})" if estimate.why else ""
            return said + detail
        return "you have seemed to want more" if more else "you have seemed to want it gentler"

    def _back(self, estimate: Estimate) -> str:
        """Why a lever goes back to where the film started, as far as is known: the viewer seems
        engaged, nothing is heard, or their signs no longer say clearly which way."""
        if estimate.level == "unknown":
            return "nothing has been heard from your player for a while"
        if estimate.level == "engaged":
            return "you seem with the story again"
        if estimate.level == "bored" and self.sense < 0:
            return "your signs came more when it was tenser"
        return "your signs do not say clearly enough which way"

    def look(self, estimate: Estimate, now: float) -> str | None:
        """The look to change to now ("stakes", "breather", or "as_cut" to drop one), or None.
        ``now``: film seconds watched (looks change at most once every LOOK_COOLDOWN_S of them,
        unless the change detectors flag a sudden turn)."""
        if now - self.look_at < LOOK_COOLDOWN_S and not estimate.changed:
            return None
        drive = self.drive(estimate, "look")
        want = "stakes" if drive > LOOK_AT else "breather" if drive < -LOOK_AT else self.prior_look
        if want == self.current_look:
            return None
        self.current_look, self.look_at = want, now
        return want or "as_cut"

    def looked(self, name: str, estimate: Estimate, beat: str, at_s: float) -> None:
        """Log that look ``name`` (chosen for ``estimate``) shows from film second ``at_s``, in ``beat``."""
        if name == (self.prior_look or "as_cut") and abs(self.drive(estimate, "look")) <= LOOK_AT:
            why = f"The light goes back to how the film starts: {self._back(estimate)}"
        else:
            why = {"stakes": f"The light turns hard and hot: {self._cause(estimate, True)}",
                   "breather": f"The light softens: {self._cause(estimate, False)}",
                   "as_cut": f"The light settles back: {self._back(estimate)}"}[name]
        self.log.append(Intervention(beat, "palette", why, round(at_s, 3)))

    def pulse(self, estimate: Estimate, now: float) -> bool | None:
        """Start (True) or stop (False) the pulse now, or None: it throbs while the moment's
        reading is restless (the lean plays no part: it is the next beat's to answer), and holds
        PULSE_HOLD_S after each turn unless the change detectors flag a sudden one."""
        want = "pulse" in LEVERS and estimate.level == "bored" and self.sense > 0 \
            and self.trust(1.0, self.evidence(estimate.support)) >= PULSE_TRUST
        if want == self.pulsing or (now - self.pulse_at < PULSE_HOLD_S and not estimate.changed):
            return None
        self.pulsing, self.pulse_at = want, now
        return want

    def pulsed(self, on: bool, estimate: Estimate, beat: str, at_s: float) -> None:
        """Log that the pulse starts (``on``) or stops from film second ``at_s``, in ``beat``."""
        why = f"A pulse comes in under the scene: {self._cause(estimate, True)}" if on \
            else f"The pulse fades: {self._back(estimate)}"
        self.log.append(Intervention(beat, "pulse", why, round(at_s, 3)))

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
        """Cut quicker for a viewer who wants more, slower for one who wants less (None: their usual pace)."""
        drive = self.drive(estimate, "pace")
        pace: Pacing | None = "fast" if drive > PACE_AT else "slow" if drive < -PACE_AT else self.prior_pacing
        if self.made:  # the levers on the beat about to play, as it is made
            cut = {"fast": 1, "slow": -1}.get(pace or self.usual_pacing, 0)
            light = {"stakes": 1, "breather": -1}.get(self.current_look or "", 0)
            self.made[-1][2] = MADE_STEP * (cut + light + self.pulsing)
        if pace is None or pace == self.usual_pacing:
            return None
        if pace != self.prior_pacing and not any(i.beat == beat.id and i.kind in ("escalate", "calm")
                                                 for i in self.log[-3:]):
            self.log.append(Intervention(beat.id, "pace", f"{'Quicker cuts' if pace == 'fast' else 'Longer looks'}: "
                                         f"{self._cause(estimate, pace == 'fast')}", at_s))
        return pace

    def option(self, beat: Beat, offered: list[Option], estimate: Estimate | None,
               next_beat: dict[str, Beat], at_s: float = 0.0, default: Option | None = None) -> Option:
        """For a choice nobody answered: an option that can still reach the ending the viewer is
        steering towards, if any; among those, the one whose next beat is nearest the wanted tension
        (from a fixed telling, ``telling``, with nothing to move it: the choice's ``default``, as
        the schedule takes)."""
        want = self.wanted(beat, estimate, "steer")
        safe = [o for o in offered if not self.kills(o)]
        if self.protect and 0 < len(safe) < len(offered):
            best = min(safe, key=lambda o: abs(next_beat[o.id].tension - want))
            names = ", ".join(c.name for c in self.story.bible.cast if c.id in self.protect)
            self.log.append(Intervention(beat.id, "steer", f"Chose '{best.text}' for you: it keeps {names} "
                                         f"alive, as you asked", at_s))
            return best
        pool = [o for o in offered if self.goal and self.reaches(o.target, self.goal)] or offered
        far = {o.id: abs(next_beat[o.id].tension - want) for o in pool}
        best = min(pool, key=lambda o: far[o.id])
        if self.telling != "arc" and default is not None and default in pool and self.drive(estimate, "steer") == 0:
            best = default  # (the fixed schedule the director starts from takes the default)
        assert beat.choice is not None
        if (beat.choice.id, best.id) in self.seen.options:
            fresh = [o for o in pool if (beat.choice.id, o.id) not in self.seen.options
                     and far[o.id] <= far[best.id] + VARIETY_SLACK]
            if fresh:
                best = min(fresh, key=lambda o: far[o.id])
                self.log.append(Intervention(beat.id, "variety", f"Chose '{best.text}' for you: the story went "
                                             f"the other way when you watched it before", at_s))
                return best
        if self.goal and pool is not offered and len(pool) < len(offered):
            self.log.append(Intervention(beat.id, "steer", f"Chose '{best.text}' for you: it keeps the "
                                         f"{self.goal} ending you asked for within reach", at_s))
            return best
        if self.drive(estimate, "steer") != 0:
            self.log.append(Intervention(beat.id, "steer", f"Chose '{best.text}' for you: it "
                                         f"{'raises' if self.drive(estimate, 'steer') > 0 else 'eases'} the tension", at_s))
        return best
