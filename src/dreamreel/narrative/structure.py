"""Lay out the story graph: the dramatic skeleton of each episode, with its choices and state.

One episode (ids prefixed ``e<n>_``):

    setup -> [episode > 1: aftermath group: prev companion alive? after_saved : after_lost]
      -> inciting  (choice approach: bold | careful; careful earns the wildcard's trust)
      -> bold | careful -> subplot (villain and wildcard)
      -> crisis    (choice: save the companion | press on and lose them | deal, if trusted)
      -> showdown group: companion alive? climax_together : climax_alone
      -> climax_together (choice: plan -> triumph | solo -> bittersweet | trade, after a deal -> twist)
         climax_alone    (choice: finish -> tragedy | spare -> bittersweet)

Tension follows setup, inciting incident, escalation, climax, resolution, and rises a little
each episode. Every beat but the endings has a calmer and a higher-stakes variant the
director can switch to without touching the graph.
"""

import random
import re
from dataclasses import dataclass

from ..model import (
    Beat,
    BeatVariant,
    Choice,
    Clause,
    Condition,
    ContentFlag,
    Edge,
    Effect,
    Ending,
    Episode,
    ExtensionPoint,
    Line,
    Option,
    SegmentGroup,
    StoryGraph,
    Variable,
    alive_var,
)
from .bible_builder import Cast, WorldFacts, world_slots
from .genres.kit import SCENE_CAST, GenreKit
from .interpret import Intent
from .rating import scan
from .text import Person, Writer

#: Base tension of each scene on the 0..1 curve.
TENSION = {
    "setup": 0.2, "aftermath_saved": 0.25, "aftermath_lost": 0.3, "inciting": 0.45, "bold": 0.62,
    "careful": 0.5, "subplot": 0.55, "crisis": 0.8, "climax_together": 0.95, "climax_alone": 0.95,
    "ending_triumph": 0.3, "ending_bittersweet": 0.35, "ending_tragedy": 0.4, "ending_twist": 0.45,
}
ROLE = {
    "setup": "setup", "aftermath_saved": "setup", "aftermath_lost": "setup", "inciting": "inciting",
    "bold": "escalation", "careful": "escalation", "subplot": "subplot", "crisis": "crisis",
    "climax_together": "climax", "climax_alone": "climax", "ending_triumph": "resolution",
    "ending_bittersweet": "resolution", "ending_tragedy": "resolution", "ending_twist": "resolution",
}
PLACE_ROLE = {
    "setup": "home", "aftermath_saved": "home", "aftermath_lost": "home", "inciting": "hub", "bold": "danger",
    "careful": "hideout", "subplot": "lair", "crisis": "danger", "climax_together": "summit",
    "climax_alone": "summit", "ending_triumph": "vista", "ending_bittersweet": "vista",
    "ending_tragedy": "vista", "ending_twist": "vista",
}
TIMEOUT = {"fast": 7.0, "medium": 10.0, "slow": 15.0}
#: Speaking rate, words in a typical line, beats on one path through an episode, and the share
#: of an episode's runtime that is speech: together they size the text to the target length.
WORDS_PER_SECOND = 2.6
WORDS_PER_LINE = 8
BEATS_PER_PATH = 7
SPEECH_SHARE = 0.45
ENDINGS = ("triumph", "bittersweet", "tragedy", "twist")


def _is(var: str, value) -> Condition:
    return Condition(all_of=[Clause(var=var, op="==", value=value)])


@dataclass
class Builder:
    intent: Intent
    cast: Cast
    facts: WorldFacts
    writer: Writer
    rng: random.Random

    @property
    def kit(self) -> GenreKit:
        return self.intent.plot

    def word_budget(self) -> float:
        """Spoken words one beat can hold: a path plays about seven beats an episode, and the
        pictures (establishing shots, reactions, cards) take the rest of the runtime."""
        return self.intent.target_seconds / BEATS_PER_PATH * SPEECH_SHARE * WORDS_PER_SECOND

    def lines_per_beat(self) -> int:
        n = max(1, min(5, round(self.word_budget() / WORDS_PER_LINE)))
        # Pacing then trades talk for tempo: a fast viewer gets one line fewer a beat, a slow one more.
        return max(1, n + {"slow": 1, "medium": 0, "fast": -1}[self.intent.pacing])

    def fit_narration(self, narration: str, lines: list[Line], keep_one: bool) -> str:
        """Keep as many narration sentences as the beat's spoken-word budget leaves after the dialogue.

        An episode's length is what is said in it: at a minute an episode, a beat has room for
        about twenty spoken words, so short episodes let the pictures carry the action.
        """
        room = self.word_budget() - sum(len(ln.text.split()) for ln in lines)
        sentences = re.split(r"(?<=[.!?])\s+", narration.strip())
        kept: list[str] = []
        for sentence in sentences:
            if kept and sum(len(x.split()) for x in kept) + len(sentence.split()) > room:
                break
            if not kept and len(sentence.split()) > room and not keep_one:
                break
            kept.append(sentence)
        return " ".join(kept)

    # --- places and slots
    def place_for(self, key: str, episode: int):
        role = PLACE_ROLE[key]
        options = [p for p in self.facts.places if self.facts.specs[p.id].role == role] or self.facts.places
        return options[(episode - 1 + (1 if key == "crisis" else 0)) % len(options)]

    def weather_phrase(self, weather: str, time_of_day: str) -> str:
        for kit in (self.intent.world, self.intent.plot):
            phrases = kit.weather_phrases.get(weather) or (kit.weather_phrases.get(time_of_day) if time_of_day == "dawn" else None)
            if phrases:
                return self.rng.choice(phrases)
        return ""

    def slots(self, episode: int, place, weather: str) -> dict:
        comp = self.cast.comps[episode - 1]
        prev = self.cast.comps[episode - 2] if episode > 1 else self.cast.hero
        home = self.place_for("setup", episode)
        phrase = self.weather_phrase(weather, place.time_of_day)
        return dict(world_slots(self.facts), hero=Person.of(self.cast.hero), villain=Person.of(self.cast.villain),
                    wild=Person.of(self.cast.wild), comp=Person.of(comp), prev=Person.of(prev),
                    place=place.name, home=home.name, rule=self.rng.choice(self.intent.world.rules),
                    weather=phrase or "the air is still",
                    hero_archetype=self.cast.hero.archetype)

    def who(self, role: str, episode: int) -> str:
        if role == "comp":
            return self.cast.comps[episode - 1].id
        if role == "prev":
            return self.cast.comps[episode - 2].id
        return {"hero": self.cast.hero, "villain": self.cast.villain, "wild": self.cast.wild}[role].id

    # --- beats
    def beat(self, key: str, episode: int) -> Beat:
        scene = self.kit.scenes[key]
        place = self.place_for(key, episode)
        weather = place.weather
        tod = "dawn" if key.startswith("ending") else place.time_of_day
        slots = self.slots(episode, place, weather)
        tag = f"{self.kit.name}.{key}"
        narration = self.writer.pick(f"{tag}.narration", scene.narration, slots, fallback="{hero} at {place}.")
        action = self.writer.pick(f"{tag}.action", scene.action, slots)
        cast_roles = SCENE_CAST[key]
        n = self.lines_per_beat()
        idx, exchange = self.writer.pick_exchange(f"{tag}.exchange", scene.exchanges, slots)
        lines = [Line(speaker=self.who(r, episode), text=t, emotion=e) for r, e, t in exchange[:n] if r in cast_roles]
        narration = self.fit_narration(narration, lines, keep_one=key in ("setup", "inciting") or key.startswith(("ending", "aftermath")))
        tension = min(0.98, TENSION[key] + (0.04 * (episode - 1) if not key.startswith("ending") else 0))
        content = _levels(narration, action, *(ln.text for ln in lines))
        beat = Beat(
            id=f"e{episode}_{key.removeprefix('ending_')}", episode=episode,
            title=_title(key, place.name), role=ROLE[key], place=place.id, time_of_day=tod, weather=weather,
            characters=[self.who(r, episode) for r in cast_roles], narration=narration, action=action,
            lines=lines, tension=round(tension, 2), tags=[key, *self.intent.genres], content=content,
        )
        if not key.startswith("ending"):
            beat.variants = self.variants(beat, key, episode, slots, idx, n)
        return beat

    def variants(self, beat: Beat, key: str, episode: int, slots: dict, used_idx: int, n: int) -> dict:
        on_screen = set(SCENE_CAST[key])
        calm_pool = [(r, e, self.writer.fill(t, slots)) for r, e, t in self.kit.calm_lines if r in on_screen]
        calm_pool = [c for c in calm_pool if self.writer.allowed(c[2])]
        calm_lines = list(beat.lines[: max(1, len(beat.lines) - 1)])
        if calm_pool:
            r, e, t = self.rng.choice(calm_pool)
            calm_lines.append(Line(speaker=self.who(r, episode), text=t, emotion=e))
        intense_pool = []
        for r, e, t, levels in self.kit.intense_lines:
            text = self.writer.fill(t, slots)
            extra = {ContentFlag(f): lv for f, lv in levels.items()}
            if r in on_screen and self.writer.allowed(text, extra):
                intense_pool.append((r, e, text, extra))
        intense_lines = list(beat.lines)
        content = dict(beat.content)
        self.rng.shuffle(intense_pool)
        for r, e, t, extra in intense_pool[:2]:
            intense_lines.insert(min(1, len(intense_lines)), Line(speaker=self.who(r, episode), text=t, emotion=e))
            for flag, lv in extra.items():
                content[flag] = max(content.get(flag, 0), lv)
        stakes = self.writer.fill("If this goes wrong, {stakes}.", slots)
        intense_action = f"{beat.action} {stakes}".strip() if self.writer.allowed(stakes) else beat.action
        for ln in intense_lines:
            for flag, lv in scan(ln.text).items():
                content[flag] = max(content.get(flag, 0), lv)
        return {
            "calm": BeatVariant(narration=beat.narration, action=beat.action, lines=calm_lines,
                                tension=round(max(0.05, beat.tension - 0.2), 2), content=dict(beat.content),
                                tags=["calm"]),
            "intense": BeatVariant(narration=beat.narration, action=intense_action, lines=intense_lines,
                                   tension=round(min(1.0, beat.tension + 0.2), 2), content=content,
                                   tags=["intense"]),
        }

    def choice(self, cid: str, key: str, episode: int, targets: dict[str, str], default: str,
               effects: dict[str, list[Effect]] | None = None,
               conditions: dict[str, Condition] | None = None) -> Choice:
        ct = self.kit.choices[key]
        place = self.place_for("inciting", episode)
        slots = self.slots(episode, place, place.weather)
        options = []
        for opt, target in targets.items():
            text = self.writer.pick(f"{self.kit.name}.choice.{key}.{opt}", ct.options[opt], slots, fallback=opt.title())
            options.append(Option(id=opt, text=text[:200], target=target, tags=[opt],
                                  effects=(effects or {}).get(opt, []), condition=(conditions or {}).get(opt)))
        prompt = self.writer.pick(f"{self.kit.name}.choice.{key}.prompt", ct.prompts, slots, fallback="What now?")
        return Choice(id=cid, prompt=prompt[:200], options=options, default=default,
                      timeout_s=TIMEOUT[self.intent.pacing])

    # --- one episode
    def episode(self, n: int, graph: dict) -> Episode:
        e = f"e{n}_"
        comp = self.cast.comps[n - 1]
        trust = f"trust_{self.cast.wild.id}"
        deal = f"deal_e{n}"
        graph["variables"].append(Variable(name=deal, type="bool", initial=False,
                                           description=f"episode {n}: a deal was struck with {self.cast.wild.name}"))
        graph["variables"].append(Variable(name=f"approach_e{n}", type="str", initial=None,
                                           description=f"episode {n}: how the hero worked the case"))
        beats: dict[str, Beat] = {k: self.beat(k, n) for k in (
            "setup", "inciting", "bold", "careful", "subplot", "crisis", "climax_together", "climax_alone",
            "ending_triumph", "ending_bittersweet", "ending_tragedy", "ending_twist")}
        order = ["setup"]
        if n > 1:
            prev = self.cast.comps[n - 2]
            beats["aftermath_saved"] = self.beat("aftermath_saved", n)
            beats["aftermath_lost"] = self.beat("aftermath_lost", n)
            graph["groups"].append(SegmentGroup(
                id=f"{e}aftermath", description=f"{prev.name} survived episode {n - 1}, or did not",
                candidates=[Edge(target=f"{e}aftermath_saved", condition=_is(alive_var(prev.id), True)),
                            Edge(target=f"{e}aftermath_lost")]))
            beats["setup"].next = [Edge(target=f"{e}aftermath")]
            beats["aftermath_saved"].next = [Edge(target=f"{e}inciting")]
            beats["aftermath_lost"].next = [Edge(target=f"{e}inciting")]
            order += ["aftermath_saved", "aftermath_lost"]
        else:
            beats["setup"].next = [Edge(target=f"{e}inciting")]
        beats["inciting"].choice = self.choice(
            f"{e}approach", "approach", n, {"bold": f"{e}bold", "careful": f"{e}careful"}, default="careful",
            effects={"bold": [Effect(var=f"approach_e{n}", value="bold")],
                     "careful": [Effect(var=f"approach_e{n}", value="careful"), Effect(var=trust, op="add", value=1)]})
        beats["bold"].next = [Edge(target=f"{e}subplot")]
        beats["careful"].next = [Edge(target=f"{e}subplot")]
        beats["subplot"].next = [Edge(target=f"{e}crisis")]
        alive = alive_var(comp.id)
        beats["crisis"].choice = self.choice(
            f"{e}crisis", "crisis", n, {"save": f"{e}showdown", "press": f"{e}showdown", "deal": f"{e}showdown"},
            default="save",
            effects={"save": [Effect(var=alive, value=True)], "press": [Effect(var=alive, value=False)],
                     "deal": [Effect(var=alive, value=True), Effect(var=deal, value=True),
                              Effect(var=trust, op="add", value=-1)]},
            conditions={"deal": Condition(all_of=[Clause(var=trust, op=">=", value=1)])})
        graph["groups"].append(SegmentGroup(
            id=f"{e}showdown", description=f"{comp.name} is at the showdown, or is lost",
            candidates=[Edge(target=f"{e}climax_together", condition=_is(alive, True)),
                        Edge(target=f"{e}climax_alone")]))
        beats["climax_together"].choice = self.choice(
            f"{e}finale", "finale_together", n,
            {"plan": f"{e}triumph", "solo": f"{e}bittersweet", "trade": f"{e}twist"}, default="plan",
            conditions={"trade": _is(deal, True)})
        beats["climax_alone"].choice = self.choice(
            f"{e}last_stand", "finale_alone", n, {"finish": f"{e}tragedy", "spare": f"{e}bittersweet"},
            default="finish")
        last = n == self.intent.episodes
        for kind in ENDINGS:
            b = beats[f"ending_{kind}"]
            eid = f"{e}{kind}"
            b.ending = eid
            title = self.writer.pick(f"{self.kit.name}.ending_title.{kind}", self.kit.ending_titles[kind], {},
                                     fallback=kind.title())
            graph["endings"].append(Ending(id=eid, episode=n, beat=b.id, title=title, kind=kind, summary=b.narration))
            if last:
                slots = self.slots(n, self.place_for("ending_triumph", n), "clear")
                hooks = [self.writer.fill(h, slots) for h in self.rng.sample(self.kit.hooks, k=min(2, len(self.kit.hooks)))]
                graph["extension_points"].append(ExtensionPoint(
                    id=f"{e}{kind}_onward", beat=b.id, hooks=[h for h in hooks if h] or ["The story goes on."],
                    carries=[v.name for v in graph["variables"]]))
        order += ["inciting", "bold", "careful", "subplot", "crisis", "climax_together", "climax_alone",
                  "ending_triumph", "ending_bittersweet", "ending_tragedy", "ending_twist"]
        graph["beats"].extend(beats[k] for k in order)
        synopsis = beats["inciting"].narration
        title = self.writer.pick(f"{self.kit.name}.episode_title", self.kit.episode_titles, {}, fallback=f"Episode {n}")
        return Episode(number=n, title=title, entry=f"{e}setup", synopsis=synopsis)


def _levels(*texts: str) -> dict[ContentFlag, int]:
    out: dict[ContentFlag, int] = {}
    for t in texts:
        for flag, lv in scan(t).items():
            out[flag] = max(out.get(flag, 0), lv)
    return out


def _title(key: str, place: str) -> str:
    label = {
        "setup": "Opening", "aftermath_saved": "Reunion", "aftermath_lost": "Mourning", "inciting": "The Offer",
        "bold": "Straight In", "careful": "Slow Play", "subplot": "Meanwhile", "crisis": "The Trap",
        "climax_together": "Showdown", "climax_alone": "Alone", "ending_triumph": "Triumph",
        "ending_bittersweet": "At a Price", "ending_tragedy": "The Cost", "ending_twist": "The Turn",
    }[key]
    return f"{label}: {place}"[:200]


def build_graph(intent: Intent, cast: Cast, facts: WorldFacts, writer: Writer, rng: random.Random) -> StoryGraph:
    graph: dict = {"variables": [], "beats": [], "groups": [], "endings": [], "extension_points": []}
    for c in cast.all:
        graph["variables"].append(Variable(name=alive_var(c.id), type="bool", initial=True,
                                           description=f"{c.name} is alive and in the story"))
    graph["variables"].append(Variable(name=f"trust_{cast.wild.id}", type="int", initial=0,
                                       description=f"how far the hero trusts {cast.wild.name}"))
    b = Builder(intent, cast, facts, writer, rng)
    episodes = [b.episode(n, graph) for n in range(1, intent.episodes + 1)]
    return StoryGraph(episodes=episodes, **graph)
