"""Read a viewer's request text (and profile) into an Intent: genres, era, moods, size.

The request text is only ever *read* here, never copied into instructions or story text,
so a prompt that tries to inject instructions has nothing to inject into.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from ..errors import BadRequestError
from ..model import Profile, Request
from ..model.content import RATING_CEILINGS, RATINGS, ContentFlag, Rating, stricter
from ..model.premise import Premise
from .genres import all_kits, get_kit
from .genres.kit import GenreKit
from .kits import kits as all_data
from .names import home_country, local
from .gazetteer import is_city
from .premise import HOURS_RE, MINUTES_RE, SECONDS_RE, length_number, words
from .premise import read as read_premise

#: Plots that suit a story for children (a love story only where the request asks for one).
GENTLE = ("bedtime", "quest", "rivalry", "errors", "siege", "project", "show")
#: Plots told only for children, and only where asked (a lost blanket at bedtime, a fear faced).
CHILDREN_ONLY = ("bedtime", "fear")
#: Plots told by a death: never a G's (a murder asked for at G is told as a disappearance).
NOT_FOR_G = ("whodunit",)

_ERA_RE = re.compile(r"\b((?:1[0-9]|20|21|22|23|24|25|26|27|28|29)[0-9]0)s\b|\b((?:1[0-9]|2[0-9])th)[- ]century\b")
_ERA_WORDS = {
    "victorian": "Victorian era", "medieval": "medieval", "renaissance": "Renaissance",
    "roaring twenties": "1920s", "jazz age": "1920s", "far future": "far future", "prohibition": "1920s",
    "cold war": "1960s", "wartime": "1940s",
    # (the wars' short names the premise does not read as eras)
    "ww1": "World War I", "world war 1": "World War I", "ww2": "World War II", "world war 2": "World War II",
    "slasher": "1980s",  # the slasher's summer camps and babysitters are the 1970s-80s'
}
#: Words in a request that set the mood; each nudges endings, variants and palette.
MOOD_WORDS = {
    "dark": "dark", "bleak": "dark", "grim": "dark", "tragic": "dark", "gritty": "dark",
    "hopeful": "hopeful", "uplifting": "hopeful", "heartwarming": "hopeful", "wholesome": "hopeful",
    "funny": "funny", "silly": "funny", "lighthearted": "funny", "light-hearted": "funny",
    "tense": "tense", "suspenseful": "tense", "gripping": "tense", "intense": "tense",
    "cozy": "cozy", "cosy": "cozy", "gentle": "cozy", "calm": "cozy", "relaxing": "cozy",
    "sad": "sad", "melancholy": "sad", "bittersweet": "sad",
    "romantic": "romantic", "scary": "scary", "creepy": "scary", "eerie": "scary",
}
_PACING_WORDS = {"fast-paced": "fast", "fast paced": "fast", "action-packed": "fast", "quick": "fast",
                 "slow-burn": "slow", "slow burn": "slow", "leisurely": "slow", "slow-paced": "slow"}
#: How a request asks for stronger content than the rating may allow.
_STRONG_WORDS = {"gory": ContentFlag.gore, "gore": ContentFlag.gore, "bloody": ContentFlag.gore,
                 "violent": ContentFlag.violence, "brutal": ContentFlag.violence, "explicit": ContentFlag.sexual,
                 "sexy": ContentFlag.sexual, "steamy": ContentFlag.sexual, "swearing": ContentFlag.profanity}


@dataclass
class Intent:
    """What the planner will make, after reading the request and the profile."""

    plot: GenreKit
    world: GenreKit
    episodes: int
    target_seconds: int
    rating: Rating
    limits: dict[ContentFlag, int]
    avoid: list[str]
    pacing: str
    #: A genre the viewer loves, blended into look, music and weather only.
    flavor: GenreKit | None = None
    era: str | None = None
    moods: dict[str, float] = field(default_factory=dict)
    looks: dict[str, float] = field(default_factory=dict)
    #: Things the planner had to decide or refuse, said back to the viewer.
    notes: list[str] = field(default_factory=list)
    #: What the request asked for, as read, and the plot shape that tells it.
    premise: Premise | None = None
    shape: str = "heist"
    #: The length was asked for (a field or the request's words), not the default.
    length_asked: bool = False

    @property
    def plot_rating(self) -> str | None:
        """The rating plots are chosen by: G's where no violence at all may be shown (no plot told
        by a death, whatever the film's rating)."""
        return "G" if self.limits.get(ContentFlag.violence) == 0 else self.rating

    @property
    def genres(self) -> list[str]:
        names = [self.plot.name] if self.plot is self.world else [self.plot.name, self.world.name]
        return names + [self.flavor.name] if self.flavor else names


def clean_prompt(text: str) -> str:
    """Drop control characters and collapse whitespace; keep every printable character."""
    text = "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in text)
    return re.sub(r"\s+", " ", text).strip()


@cache
def _no_longer_before() -> re.Pattern:
    """ "retired ", "former " just before a genre's word ("a retired astronaut")."""
    return re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(words("no_longer")))) + r")[\s-]+$")


#: The names of a war's years ("WWII", "the Great War", "D-Day", "wartime", "the Vietnam War") ask
#: for a war film too. They are not the kit's aliases, which the premise would read instead of
#: the era (and "a WW1 drama" would be told in the kit's 1944).
_WAR_TIMES = re.compile(r"(?<![a-z])(?:ww ?(?:ii|i|1|2)|world war (?:ii|i|one|two|1|2)|(?:first|second) world war|"
                        r"(?:the )?great war(?! (?:between|of|against|with|on)\b)|d-day|wartime|(?:vietnam|korean|crimean|boer|gulf|falklands|"
                        r"napoleonic|iraq|afghan|afghanistan|spanish civil) wars?)(?![a-z0-9])")


def find_genres(text: str) -> list[GenreKit]:
    """Genres named in the text, in order of first mention (aliases matched as whole words)."""
    low = text.lower()
    found: list[tuple[int, int, GenreKit]] = []
    times = _WAR_TIMES.search(low)
    for kit in all_kits().values():
        best = (times.start(), times.end() - times.start()) if times and kit.name == "war" else None
        for alias in kit.aliases:
            m = re.search(r"(?<![a-z])" + re.escape(alias.lower()) + r"(?![a-z])", low)
            if m and _no_longer_before().search(low[:m.start()]):
                continue  # "a retired astronaut": no longer in space
            if m and re.search(r"\b(?:no|without|not a|nothing)\s+(?:\w+\s+)?$", low[:m.start()]) \
                    and not re.search(r"\b(?:not (?:too|very|that|so)|no (?:more|less)|nothing (?:too|very))\s+$",
                                      low[:m.start()]):
                continue  # "a spy thriller, no romance please": not a romance at all
            if m and alias in ("ghost", "ghosts") and re.search(r"[a-z]['\u2019]s\s+$", low[:m.start()]):
                continue  # "her grandmother's ghost": family come back, not a ghost story
            if m and re.match(r"[\s-]+boats?\b", low[m.end():]):
                continue  # "a dragon boat race", "the snake boat": a boat's name, no dragon
            if m and alias == "western" and re.match(r"\s+front\b", low[m.end():]):
                continue  # "the Western Front": a war's, no cowboys
            if m and (best is None or m.start() < best[0] or (m.start() == best[0] and len(alias) > best[1])):
                best = (m.start(), len(alias))
        if best:
            found.append((best[0], -best[1], kit))
    found.sort(key=lambda t: (t[0], t[1]))
    # An alias inside a longer alias of an earlier genre ("detective" in "detective story") is not a second genre.
    out: list[GenreKit] = []
    spans: list[tuple[int, int]] = []
    for start, neg_len, kit in found:
        end = start - neg_len
        if any(s <= start and end <= e for s, e in spans):
            continue
        spans.append((start, end))
        out.append(kit)
    return out


def genres_by_mood(text: str) -> list[GenreKit]:
    """The genre whose mood words the text uses most, when it names no genre ("moody and rainy")."""
    words = set(re.findall(r"[a-z][a-z-]+", text))
    scored = sorted(((len(words & set(k.moods)), k.name, k) for k in all_kits().values()), reverse=True)
    return [scored[0][2]] if scored and scored[0][0] > 0 else []


#: The genres a place's world suits, when the request names a plot but no genre: a survival
#: story in a lighthouse is an adventure at sea, not science fiction on Mars.
_WORLD_GENRES = {
    "space": ("scifi", "horror", "thriller"), "digital": ("cyberpunk", "scifi"),
    "city": ("noir", "thriller", "mystery", "comedy", "romance", "cyberpunk", "adventure"),
    "town": ("mystery", "comedy", "romance", "western", "horror"),
    "countryside": ("mystery", "comedy", "romance", "adventure", "horror", "fantasy"),
    "desert": ("western", "adventure", "postapoc"),
    "underground": ("adventure", "horror", "fantasy", "thriller"), "swamp": ("horror", "adventure", "fantasy"),
}
_WILD_GENRES = ("adventure", "fantasy", "horror", "mystery", "comedy", "romance")  # sea, sky, snow, forest...
#: The genres that feel a certain way, best first, for a request that names a mood and no genre.
_MOOD_GENRES = {"quiet": ("romance", "mystery", "adventure"), "sad": ("romance", "mystery"),
                "cozy": ("comedy", "mystery", "romance"), "hopeful": ("adventure", "comedy", "romance"),
                "dark": ("noir", "horror", "thriller"), "tense": ("thriller", "noir", "mystery"), "scary": ("horror",),
                "funny": ("comedy",), "romantic": ("romance",), "epic": ("fantasy", "adventure")}
#: Plots that a quiet or sad request with no plot of its own is told as.
_MOOD_PLOTS = {"quiet": ("grief", "coming_of_age"), "sad": ("grief",),
               # (a heartwarming film is people coming together, not a siege or a standoff)
               "hopeful": ("friendship", "project", "show", "cause", "coming_of_age")}
#: Genres a request that names none, and whose places do not suggest them, is not told in.
_UNREAL = {"fantasy", "scifi", "cyberpunk", "postapoc"}
#: Genres told only when something asks for them (a word, a mood, a person or a place's world).
_ASK_FIRST = {"horror", "cyberpunk", "postapoc", "western", "noir", "war"}
#: Genres that belong to their years, not chosen unasked for a story set in others (a war film's
#: trenches, field hospitals and radios are the wars of rifles and shells: the Crimea's to today's).
_PERIOD = {"western": (1840, 1920), "noir": (1930, 1965), "war": (1850, 2030)}
#: Genres a children's story is not told in when another suits.
_NOT_FOR_CHILDREN = {"horror", "noir", "thriller", "cyberpunk", "postapoc", "romance"}


#: People whose kind says the genre, when the request names none.
_PEOPLE_GENRE = {
    "witch": "fantasy", "wizard": "fantasy", "warlock": "fantasy", "sorcerer": "fantasy", "knight": "fantasy",
    "alchemist": "fantasy", "dragon": "fantasy", "fairy": "fantasy", "elf": "fantasy", "dwarf": "fantasy",
    "troll": "fantasy", "orc": "fantasy", "mermaid": "fantasy", "merman": "fantasy", "unicorn": "fantasy", "griffin": "fantasy", "goblin": "fantasy", "gnome": "fantasy",
    "robot": "scifi", "android": "scifi", "alien": "scifi", "AI": "scifi", "cyborg": "scifi", "astronaut": "scifi",
    "vampire": "horror", "ghost": "horror", "zombie": "horror", "werewolf": "horror", "demon": "horror",
    "mummy": "horror", "cowboy": "western", "cowgirl": "western", "sheriff": "western", "outlaw": "western",
    "detective": "mystery", "spy": "thriller", "pirate": "adventure", "explorer": "adventure",
    "treasure hunter": "adventure", "hacker": "thriller", "gangster": "noir", "prince": "fantasy",
    "princess": "fantasy", "squire": "fantasy", "jester": "fantasy", "ogre": "fantasy",
    "gladiator": "adventure", "viking": "adventure", "samurai": "adventure", "ninja": "adventure",
    "soldier": "war", "sniper": "war", "field medic": "war", "bomber crew": "war", "bomber pilot": "war",
    "tank crew": "war", "paratrooper": "war", "gunner": "war", "tail gunner": "war",
}
#: The same, by what the request called them, where their kind's label is wider: a medic is a
#: doctor, a general any commander (a fantasy's warlord too), a platoon any army.
_CALLED_GENRE = {
    "medic": "war", "army medic": "war", "combat medic": "war", "corpsman": "war", "army nurse": "war",
    "general": "war", "colonel": "war", "field marshal": "war", "fighter pilot": "war",
    "resistance fighter": "war", "partisan": "war", "platoon": "war", "battalion": "war", "regiment": "war",
    "brigade": "war", "troops": "war", "mafia": "noir", "the mafia": "noir", "mob": "noir", "the mob": "noir",
    "mobster": "noir", "mafioso": "noir", "cartel": "thriller",
}
#: Soldiers of an age before the war films' ("a Roman centurion"), or of a regime (a junta).
_NOT_WAR = frozenset({"legionnaire", "centurion", "junta", "militia"})


#: Complications that are days of this world's calendar.
_HOLIDAYS = frozenset({"christmas", "halloween", "thanksgiving", "new_year", "valentines", "diwali", "hanukkah",
                       "lunar_new_year", "black_friday"})
#: Where a western can be set unasked: the American frontier, and Australia's outback.
_FRONTIER = frozenset({None, "US", "MX", "CA", "AU"})


def _people_genres(premise: Premise) -> list[str]:
    """The genres the asked-for people's kinds say, in the order they are named."""
    kinds = [g for p in premise.people if not set(p.traits) & words("no_longer")  # a retired astronaut is not in space
             # "her grandmother's ghost" is family come back to help, not a haunting (unless it is to be scary)
             and not (p.species == "ghost" and "'s " in (p.called or "") and "scary" not in premise.moods)
             for g in (_PEOPLE_GENRE.get(p.species), _PEOPLE_GENRE.get(p.label),
                       _CALLED_GENRE.get((p.called or "").lower()))
             if g and not (g == "war" and (p.called or "").lower() in _NOT_WAR)]
    if premise.audience == "children" and "scary" not in premise.moods:
        # a ghost sailor befriended, for kids, is a storybook's, not a horror film's dread
        kinds = ["fantasy" if g in _NOT_FOR_CHILDREN else g for g in kinds]
    # (outlaws and bandits are a western's on the frontier only: feudal Japan's are not; soldiers
    # are a war film's in the years of its wars only: ancient Rome's are not)
    # (a prince of a real age is history's, not a fairy tale's: "the Saxon prince she loves")
    real_age = any(e.era == premise.era and e.country for e in all_data().vocabulary.eras)
    kinds = [g for g in kinds if not (real_age and g == "fantasy")] if real_age and not any(
        _PEOPLE_GENRE.get(p.species) == "fantasy" or p.label not in _OF_COURTS and _PEOPLE_GENRE.get(p.label) == "fantasy"
        for p in premise.people) else kinds
    return [g for g in dict.fromkeys(kinds) if (g != "western" or _on_the_frontier(premise))
            and not (g == "war" and premise.year is not None and _out_of_period(g, premise.year))]


#: People of a court, a fairy tale's or history's.
_OF_COURTS = frozenset({"prince", "princess", "squire", "jester", "knight"})


def _fits(premise: Premise, genres: list[str], anywhere: bool = False) -> list[str]:
    """Those of ``genres`` that fit the asked places' worlds, the audience and the era (where no
    kind of place is asked, none; or all of them, ``anywhere``, for the genres a plot suits)."""
    v = all_data().vocabulary
    worlds = [w for p in premise.places if p.kind is not None and (w := v.places[p.kind].world)]
    # the first place's world first (where most scenes happen), then the others' ("a desert canyon
    # and an old silver mine": a western or an adventure before an underground fantasy)
    fits = list(dict.fromkeys([g for w in worlds for g in genres if g in _WORLD_GENRES.get(w, _WILD_GENRES)]))
    if not worlds and anywhere:  # no kind of place asked: the plot's genres fit (the rules below still hold)
        fits = list(dict.fromkeys(genres))
    if premise.audience == "children":
        kind = [g for g in genres if g not in _NOT_FOR_CHILDREN]
        # where nothing says space or the future, a children's story is not told as science fiction
        fits = [g for g in fits if g in kind] or [g for g in kind if worlds or g not in _UNREAL - {"fantasy"}] or kind
    # a past era is not science fiction's future ("a survival story in 1925"), and a real place
    # named is not a fantasy world ("a vineyard in Tuscany")
    past = premise.year is not None and premise.year < NOW  # (1996 on Everest is no science fiction)
    soon = premise.year is not None and premise.year <= 2030  # (an apocalypse is not in 1996, on Everest)
    # a real place with no time asked is today's, not a fantasy's or a far future's
    unreal = {"fantasy"} | ({"scifi", "cyberpunk", "postapoc"} if premise.era is None else set())
    # (a documentary films the world as it is: "a nature documentary about penguins" is no fable's)
    real = any(p.named for p in premise.places) or bool({"documentary", "mockumentary"} & set(premise.forms))
    # someone of today asked for with no time ("a robot vacuum", "an influencer") lives in today's
    # world: not a fantasy's, a far future's, or a western's or a noir's years before they were
    since = max((w.since for p in premise.people for w in v.people if w.label == p.label and w.since), default=None)
    modern = since is not None and premise.era is None
    # a year asked is a date in this world, not a fantasy's ("a mutiny in 1805")
    dated = premise.year is not None and premise.era is not None and premise.era[:1].isdigit()
    # a western is the American frontier's (or Australia's): feudal Japan's bandits are no cowboys'
    frontier = premise.country in _FRONTIER
    # a holiday asked for is this world's ("stuck in a lift on Christmas Eve"), not a far future's
    holiday = bool(set(premise.complications) & _HOLIDAYS) and premise.era is None
    return [g for g in fits if not (past and g in ("scifi", "cyberpunk")) and not ((real or modern) and g in unreal)
            and not (soon and g == "postapoc") and not (g == "western" and not frontier)
            and not (holiday and g in ("scifi", "cyberpunk", "postapoc"))
            and not (dated and g == "fantasy") and not (modern and g in _PERIOD and _PERIOD[g][1] < since)]


def _out_of_period(genre: str, year: int) -> bool:
    return genre in _PERIOD and not _PERIOD[genre][0] <= year <= _PERIOD[genre][1]


def _on_the_frontier(premise: Premise) -> bool:
    """Can a western be set where the request is: in a frontier's country (or none named), not in
    a big city, unless it asks for the Wild West's years."""
    if premise.era in ("the Wild West", "the Gold Rush"):
        return True
    return premise.country in _FRONTIER and not any(p.named and is_city(p.named, 300_000) for p in premise.places)


def fantasy_today(premise: Premise) -> bool:
    """Whether a fantasy is set in a real city of today (urban fantasy: a witch in New Orleans, a
    dragon over London), not an invented world of legend: a real city named, no time asked."""
    return premise.era is None and premise.year is None and any(
        p.named and not p.goal and is_city(p.named) for p in premise.places)


def _fitting(premise: Premise, suits: list[str]) -> list[str]:
    """The genres a plot suits, those that fit the asked places' worlds and audience first."""
    past = premise.year is not None and premise.year < NOW  # (1996 on Everest is no science fiction)
    soon = premise.year is not None and premise.year <= 2030
    rest = [g for g in suits if not (past and g in ("scifi", "cyberpunk")) and not (soon and g == "postapoc")] or suits
    # ("a war photographer returns to Sarajevo": a real city's quest is an adventure, not a fantasy)
    fits = _fits(premise, suits, anywhere=True)
    if premise.year is not None:  # (a gladiator's rise and fall in ancient Rome is no 1940s noir)
        rest = [g for g in rest if not _out_of_period(g, premise.year)] or rest
        fits = [g for g in fits if not _out_of_period(g, premise.year)]
    if not _on_the_frontier(premise):  # (a siege in New York, a revenge in Edo: no western's)
        rest, fits = [g for g in rest if g != "western"] or rest, [g for g in fits if g != "western"]
    if not fits:  # none of the plot's genres fits where it is set (a mutiny at sea is no western): the place's
        fits = _fits(premise, [g for g in (*_WILD_GENRES, *sorted({g for gs in _WORLD_GENRES.values() for g in gs}))
                               if g in all_kits()])[:1]
    return list(dict.fromkeys([*fits, *rest]))


def interpret(request: Request, profile: Profile, rng_pick, premise: Premise | None = None) -> Intent:
    """Turn a request and profile into an Intent. ``rng_pick(seq)`` chooses when the text is silent.
    ``premise``: the request as already read (by an LLM stage); default: read here."""
    prompt = clean_prompt(request.prompt)
    if not re.search(r"[^\W\d_]{2,}", prompt):
        raise BadRequestError("the request has no words in it; describe what you want to watch, "
                              "e.g. \"a cozy mystery in a seaside village\"")
    low = prompt.lower()
    notes: list[str] = []

    # Genres: explicit list first, then the text, then the viewer's tastes.
    given = premise is not None  # (read by an LLM stage)
    premise = premise if premise is not None else read_premise(prompt)
    notes += premise.notes
    shapes = all_data().shapes
    if request.genres:
        kits = [get_kit(g) for g in request.genres]
    else:
        kits = find_genres(low)
        if "horror" in {k.name for k in kits} and "horror" not in premise.genres and "fantasy" in premise.genres:
            # the reader made a children's ghost a storybook's (premise: no horror said but the creature)
            kits = list({k.name: k for k in (get_kit("fantasy") if k.name == "horror" else k for k in kits)}.values())
    tastes = profile.tastes.genres
    for name in tastes:
        get_kit(name)  # an unknown genre in a profile is an error, not silently ignored
    if not kits and premise.genres:  # genres the premise names that the text's words did not (an LLM's reading)
        # (the embedded reader also takes a kit's bare name for its word, and "war" alone is too many
        # things to ask for a war film: a price war, a bake-off war, Star Wars)
        kits = [get_kit(g) for g in premise.genres if g in all_kits() and (given or g != "war")][:2]
    if not kits and "sitcom" in premise.forms and "comedy" in all_kits():
        kits = [get_kit("comedy")]  # a sitcom is a comedy, whatever its plot (roommates were a pulp adventure)
    asked = [s for s in premise.shapes if s in shapes]
    if not asked and "grief" in shapes and any(p.species == "human" and ("dead" in p.traits and p.relation
                                                                        or "dying" in p.traits)
                                                for p in premise.people):
        # someone close has died ("talks to his dead wife"), or someone is dying ("a dying man"), and
        # no other plot is asked for
        asked = ["grief"]
    # Neither a plot nor a genre asked: the lead's own plot says both ("a ronin": revenge, felt as
    # a western, a thriller ...; "a gladiator": the arena's contest, or a rise and fall).
    led = [rng_pick(sorted(theirs))] if not asked and not kits and (theirs := _lead_plots(premise)) else []
    if not kits and (asked or led):
        # The plot asked for says how it should feel: a heist reads as a thriller, a bedtime story as a fable.
        suits = _fitting(premise, [g for g in shapes[(asked or led)[0]].genres or _DRAMA if g in all_kits()])
        # a witch's quest is a fantasy; a knight's tournament is in a fantasy's world whatever the
        # plot suits (a world-making genre the people need: fantasy, science fiction, western)
        theirs = [g for g in _people_genres(premise) if g in suits or (
            g in all_kits() and get_kit(g).world_strength >= 0.8 and _fits(premise, [g]) != [] or
            g in all_kits() and get_kit(g).world_strength >= 0.8 and not premise.places)]
        suits = theirs + suits
        if any(p.label == "killer" and p.relation == "rival" for p in premise.people) and "thriller" in all_kits() \
                and premise.audience not in ("children", "family"):
            # a hunt for a killer is a thriller's, not a cosy whodunit's tea and gossip
            suits = ["thriller", *(g for g in suits if g != "thriller")]
        if any(p.relation in _FAMILY for p in premise.people) and "romance" not in premise.shapes:
            # (a grandmother teaching her grandson to fish is told warmly, not as a love story)
            suits = [g for g in suits if g != "romance"] or suits
        mood_kits = genres_by_mood(low)
        kits = [mood_kits[0]] if mood_kits and mood_kits[0].name in suits else [get_kit(suits[0])] if suits else []
    if not kits and (theirs := [g for g in _people_genres(premise)
                                if g in all_kits() and (premise.audience not in ("children", "family")
                                                        or g not in _NOT_FOR_CHILDREN)]):
        kits = [get_kit(theirs[0])]  # "a young witch opens a bakery": a fantasy
        notes.append(f"the request names no genre; its people suggest {kits[0].label}")
    if not kits:
        # (a lonely lighthouse keeper is lonely; the film need not be science fiction's loneliness)
        traits = {t.lower() for p in premise.people for t in p.traits}
        kits = genres_by_mood(" ".join(w for w in re.findall(r"[a-z][a-z-]+", low) if w not in traits))
        if not kits and premise.moods:  # "a quiet drama": the genres that feel that way, fitted to the place
            suits = [g for g in _MOOD_GENRES.get(premise.moods[0], ()) if g in all_kits()]
            # (those that fit where it is set first: an epic family saga in Tuscany is no fantasy)
            fitting = _fits(premise, suits, anywhere=True) or _fitting(premise, suits)
            kits = [get_kit(rng_pick(sorted(fitting[:2])))] if fitting else []
        if kits:
            notes.append(f"the request names no genre; its mood suggests {kits[0].label}")
    if not kits:
        liked = sorted((w, n) for n, w in tastes.items() if w > 0)
        if liked:
            kits = [get_kit(liked[-1][1])]
            notes.append(f"the request names no genre; chose {kits[0].label}, the genre this viewer likes most")
        else:
            disliked = {n for n, w in tastes.items() if w < 0}
            pool = [k for k in all_kits().values() if k.name not in disliked] or list(all_kits().values())
            # where it is set, who it is for and when narrow the pool (a Tuscan vineyard is no cyberpunk)
            fitting = set(_fits(premise, [k.name for k in pool]))
            pool = [k for k in pool if k.name in fitting] or [k for k in pool if k.name not in _UNREAL] or pool
            # nobody asking for a jazz drummer and a teenager is shown a gothic horror unasked, nor
            # a western in the 1970s
            pool = [k for k in pool if k.name not in _ASK_FIRST and not (
                premise.year is not None and k.name in _PERIOD
                and not _PERIOD[k.name][0] <= premise.year <= _PERIOD[k.name][1])] or pool
            kits = [rng_pick(sorted(pool, key=lambda k: k.name))]
            notes.append(f"the request names no genre; chose {kits[0].label}")
    flavor = None
    if len(kits) == 1 and not request.genres:
        # Personalise a single-genre request with a strongly liked second genre. It flavours the
        # look, music and weather; world and plot stay what the viewer asked for.
        liked = sorted(((w, n) for n, w in tastes.items() if w >= 0.5 and n != kits[0].name), reverse=True)
        if liked and not re.search(r"\b(pure|classic|straight|traditional)\b", low):
            flavor = get_kit(liked[0][1])
            notes.append(f"flavoured with {flavor.label}, which this viewer loves")
    kits = kits[:2]
    if len(kits) > 1 and kits[0].name == kits[1].name:
        kits = kits[:1]
    # The stronger world-builder gives the world; on a tie the second-named genre does
    # ("a fantasy crossed with science fiction": fantasy people on a science-fiction world).
    if len(kits) == 1:
        plot = world = kits[0]
    elif kits[0].world_strength > kits[1].world_strength:
        world, plot = kits
    else:
        plot, world = kits
    era = premise.era
    if era is not None:
        pass
    elif m := _ERA_RE.search(low):
        era = m.group(1) + "s" if m.group(1) else f"{m.group(2)} century"
    else:
        for word, label in _ERA_WORDS.items():
            if word in low:
                era = label
                break
    if era is None and world.name == "war" and premise.country is not None \
            and (war_year := _war_year(premise, world)) is not None:
        era = str(war_year)  # "a Vietnam war story": the Vietnam War's years, not the kit's 1944
    if era is None and profile.tastes.eras:
        best_w, best_era = max((w, e) for e, w in profile.tastes.eras.items())
        if best_w >= 0.5:
            era = best_era
    if world.name == "war" and era is not None and era != world.era:
        # A war film's era is whichever war's years it is set in: its front's places are every
        # war's, so the kit is dated to them (not a 1944 kit "styled after" 1965, in a city's streets).
        dated = world.model_copy(update={"era": era})
        plot, world = (dated, dated) if plot is world else (plot, dated)

    # A story set in a real country is peopled with that country's names ("Provence": French names).
    if premise.country is not None:
        # names of the period where Faker's would be today's: American (noir) and British (mystery)
        period = {c: get_kit(g) for c, g in (("US", "noir"), ("GB", "mystery")) if g in all_kits()}
        # (a real place with no time asked, in a genre whose era is a look, is set today: asked.world;
        # so are its people's names: a boxer in Belfast today is no 1930s farce's Monty Fettiplace)
        today = (premise.era is None and premise.year is None and any(p.named for p in premise.places)
                 and plot.name in TIMELESS and world.name in TIMELESS) \
            or (world.name == "fantasy" and fantasy_today(premise))
        year = NOW if today else premise.year
        if year is None and premise.era is None and world.name == "war":
            year = _war_year(premise, world)  # (names of the war's own years: Vietnam's 1965, not today's)
        plot, world = (local(plot, premise.country, year, period, premise.era),
                       local(world, premise.country, year, period, premise.era)) if plot is not world \
            else (local(plot, premise.country, year, period, premise.era),) * 2
    elif (_of_today(premise) or unasked_today(premise, plot.name, world.name)) \
            and (home := home_country(plot.name)) and plot.name == world.name:
        # a story of today set nowhere in particular is peopled with today's names of the genre's
        # own country: a drag queen's bakery is not run by a 1930s farce's Algernon Fettiplace
        plot = world = local(plot, home, NOW)

    # Size: explicit request fields win (the CLI fills them from flags); else the text.
    episodes = request.episodes
    if "episodes" not in request.model_fields_set and premise.episodes is not None:
        episodes = premise.episodes
    if not 1 <= episodes <= 12:
        raise BadRequestError(f"the request asks for {episodes} episodes; dreamreel writes 1 to 12 episodes at a time "
                              "(ask to keep going for more)")
    seconds = request.target_seconds
    length_asked = "target_seconds" in request.model_fields_set
    if not length_asked:
        length_asked = True
        if m := HOURS_RE.search(low):
            seconds = length_number(next(g for g in m.groups() if g)) * 3600
        elif m := MINUTES_RE.search(low):
            seconds = length_number(next(g for g in m.groups() if g)) * 60
        elif m := SECONDS_RE.search(low):
            seconds = length_number(next(g for g in m.groups() if g))
        elif re.search(r"\b(a minute|one minute)\b", low):
            seconds = 60
        else:
            length_asked = False
    if seconds > 3600 and length_asked and "target_seconds" not in request.model_fields_set \
            and "episodes" not in request.model_fields_set and episodes == 1 \
            and seconds <= 12 * 3600:
        # "rom-com, 90 minutes": a feature told in parts of an hour or less, not refused
        parts = -(-seconds // 3600)
        notes.append(f"asked for {seconds // 60} minutes: told in {parts} parts of {seconds // parts // 60} minutes")
        episodes, seconds = parts, seconds // parts
    if not 15 <= seconds <= 3600:
        raise BadRequestError(f"the request asks for episodes of {seconds} seconds; an episode can be 15 seconds "
                              "to 60 minutes long")

    # Rating: the stricter of the request (its words: "rated PG") and the viewer's ceiling.
    asked_rating = premise.rating if premise.rating and "rating" not in request.model_fields_set else request.rating
    rating = asked_rating if profile.rating_ceiling is None else stricter(asked_rating, profile.rating_ceiling)
    if rating != asked_rating:
        notes.append(f"asked for {asked_rating}, above this viewer's ceiling: rated {rating}")
    # A story asked for children is held to PG whatever the default rating, and said so; one for
    # every age (the whole family) to G.
    if premise.audience == "children" or re.search(
            r"\b(for (the )?(kids|children|little ones)|family[- ]friendly|kid[- ]friendly|bedtime)\b", low) \
            or _ALL_AGES.search(low):
        # The youngest (a bedtime story, a viewer of six or under) get G: nothing to frighten them.
        # (G is "all ages admitted": the whole family's too)
        young = any(s in premise.shapes for s in CHILDREN_ONLY) or (premise.child_age is not None and premise.child_age <= 6) \
            or bool(_ALL_AGES.search(low))
        cap = "G" if young else "PG"
        if stricter(rating, cap) != rating:
            notes.append(f"asked for a story for {'young ' if young else ''}children: rated {cap} instead of {rating}")
            rating = cap
    elif "cozy" in premise.moods and "rating" not in request.model_fields_set and premise.rating is None \
            and stricter(rating, "PG") != rating:
        notes.append(f"asked for something cozy: rated PG instead of {rating}")
        rating = "PG"
    for word, flag in _STRONG_WORDS.items():
        # ("no swearing", "without gore", "not too violent": asked for less, not more)
        if re.search(rf"\b{word}\b", low) and not re.search(
                rf"\b(?:no|not|without|nothing|never|zero|minimal|less|little|keep out the|no more)\b(?: \w+){{0,2}} {word}\b",
                low):
            if RATING_CEILINGS[rating][flag] < 2:
                notes.append(f"asked for {word} content, but this story is rated {rating}: "
                             f"it will keep {flag.value} at the {rating} level instead")
    limits = dict(profile.content_limits)

    moods = {k: v for k, v in profile.tastes.moods.items()}
    for word, mood in MOOD_WORDS.items():
        if re.search(rf"(?<![a-z-]){re.escape(word)}(?![a-z-])", low):
            moods[mood] = 1.0
    for mood in premise.moods:
        moods[mood] = 1.0
    pacing = profile.pacing
    for word, pace in _PACING_WORDS.items():
        if word in low:
            pacing = pace
    plot_rating = "G" if limits.get(ContentFlag.violence) == 0 else rating
    if not asked and not led:
        # A genre asked, no plot: the lead's own plot where it suits the genre ("a comedy about an
        # underdog hockey team" is the team's contest, not a friendship the comedy drew)
        named = {plot.name, world.name}
        theirs = [s for s in _lead_plots(premise) if named & set(shapes[s].genres)
                  and (plot_rating != "G" or s not in NOT_FOR_G)]
        led = [rng_pick(sorted(theirs))] if theirs else []
    shape = pick_shape(asked or led, [k.name for k in (plot, world)], premise, rng_pick, plot_rating)
    if not asked:
        notes.append(f"the request names no plot; chose {all_data().shapes[shape].label}")
    if premise.not_understood:
        notes.append("not understood: " + ", ".join(premise.not_understood[:12]))
    return Intent(plot=plot, world=world, flavor=flavor, episodes=episodes, target_seconds=seconds, rating=rating,
                  limits=limits, avoid=list(profile.avoid), pacing=pacing, era=era, moods=moods,
                  looks=dict(profile.tastes.looks), notes=notes, premise=premise, shape=shape,
                  length_asked=length_asked)


def pick_shape(asked: list[str], genres: list[str], premise: Premise, rng_pick, rating: str | None = None) -> str:
    """The plot shape: the one the request asks for, else one that suits its genres (by seed)."""
    shapes = all_data().shapes
    if rating == "G" or premise.rating == "G" or premise.audience == "children":
        asked = [("investigation" if s in NOT_FOR_G else s) for s in asked]
        shapes = {k: v for k, v in shapes.items() if k not in NOT_FOR_G}
    animal = bool(premise.people) and premise.people[0].species not in (None, "human")
    if asked and asked[0] in _FOR_CHILDREN_TOLD_AS and premise.audience == "children" and animal \
            and _FOR_CHILDREN_TOLD_AS[asked[0]] in shapes:
        # A wolf pup lost in the snow finds the way home with helpers met on the road: a fable's
        # journey, not a ration count (a boy in a flood keeps his survival story)
        return _FOR_CHILDREN_TOLD_AS[asked[0]]
    if asked:
        return asked[0]
    # A creature set against the lead ("a knight fights a dragon") is a monster to overcome.
    against = [p for p in premise.people if p.relation == "rival"]
    if against and against[0].species not in ("human", "dog", "cat", "horse") and "monster" in shapes \
            and premise.audience != "children":
        return "monster"
    if premise.audience in ("children", "family"):
        # (a family film asks for no heist or hostage standoff unprompted: a journey, a friendship, a show)
        gentle = [s for s in (*GENTLE, *(("friendship",) if premise.audience == "family" else ())) if s in shapes]
        gentle = [s for s in gentle if premise.audience == "children" or s not in CHILDREN_ONLY]
        pool = sorted(s for s in gentle if set(shapes[s].genres) & set(genres)) or gentle
    else:
        pool = sorted(s.id for s in shapes.values() if set(s.genres) & set(genres) and s.id not in CHILDREN_ONLY)
    if not any(p.kind == "occupation" for p in premise.people):
        pool = [s for s in pool if s != "shift"] or pool  # a grandpa and his granddaughter work no shift
    if any(p.relation in _FAMILY for p in premise.people) and "romance" not in premise.shapes:
        pool = [s for s in pool if s != "romance"] or pool  # two elderly sisters are no love story
    # A genre that is a plot ("a cozy mystery": someone finds out whodunit) is told as one; a
    # quiet or sad request that names no genre as a quiet or sad plot.
    by_genre = [s for s in _GENRE_PLOTS.get(genres[0] if genres else "", ()) if s in pool]
    by_mood = [s for s in _MOOD_PLOTS.get(premise.moods[0] if premise.moods else "", ()) if s in pool]
    # The lead's own plots ("a gladiator in ancient Rome": the arena's contest, or a rise and
    # fall; "a ronin": revenge): a family film's only where they are gentle ones.
    by_lead = [s for s in _lead_plots(premise) if s in pool or premise.audience not in ("children", "family")]
    told_as = (by_genre or by_lead or by_mood) if premise.genres else (by_lead or by_mood or by_genre)
    return rng_pick(told_as or pool or sorted(shapes))


def _war_year(premise: Premise, kit: GenreKit) -> int | None:
    """The year a war film with no time asked is set in: the middle of the war its country lived
    through (the ``war`` complication's periods: Vietnam 1965, Russia 1942), else its kit's era."""
    war = all_data().complications.get("war")
    for period in war.during if war is not None and premise.country else ():
        if premise.country in period.countries:
            return (period.start + period.end) // 2
    return int(kit.era) if kit.era.isdigit() else None


def _of_today(premise: Premise) -> bool:
    """Set today where no time is asked: someone asked for is of our time (a drag queen, an
    influencer: ``PersonWord.since`` from 1960), or the present is asked."""
    if premise.year is not None:
        return premise.year >= 1990
    if premise.era is not None:
        return premise.era == "the present day"
    return any(w.since is not None and w.since >= 1960 for p in premise.people
               for w in all_data().vocabulary.people if w.label == p.label)


def unasked_today(premise: Premise, plot: str, world: str) -> bool:
    """Whether a comedy, a romance, a mystery or a thriller nobody asked for, and no time, is told
    today: their eras are a look, asked for by name ("a screwball comedy", "a cozy mystery"), not
    a date (a single dad's baking contest was a 1930s farce in Little Puddingford). Someone of an
    age gone (a knight, a flapper: ``PersonWord.era``) keeps theirs."""
    return premise.era is None and premise.year is None and not premise.genres and plot in TIMELESS \
        and world in TIMELESS and not any(w.era for p in premise.people for w in all_data().vocabulary.people
                                          if w.label == p.label and w.era)


def _lead_plots(premise: Premise) -> list[str]:
    """The plots the request's first named kind of worker or creature leads (``PersonWord.plots``:
    a ronin's revenge, a mermaid's journey): for children or a family, the gentle ones only."""
    if premise.people and premise.people[0].hopes and "coming_of_age" in all_data().shapes:
        # ("a boxer who wants to become champion": a title is won in a contest)
        if premise.people[0].hopes.split()[-1] in ("champion", "champ") and "rivalry" in all_data().shapes:
            return ["rivalry"]
        return ["coming_of_age"]  # "a samurai's daughter trains to become a swordmaster": her becoming one
    theirs = {w.label: w.plots for w in all_data().vocabulary.people if w.plots}
    # (a relation or a group leads a plot only where it has one of its own: a runaway bride's
    # romance, a sports team's contest)
    lead = next((p for n, p in enumerate(premise.people) if p.relation != "rival" and (
        p.kind in ("occupation", "species") or p.kind in ("relation", "group") and p.label in theirs and n == 0)), None)
    if lead is None:
        return []
    plots = theirs.get(lead.label, [])
    shapes = all_data().shapes
    return [s for s in plots if s in shapes and s not in CHILDREN_ONLY
            and (premise.audience not in ("children", "family") or s in GENTLE or s == "friendship")]


#: A film for every age there is (the whole family, in any language the vocabulary reads it):
#: rated G, "all ages admitted".
_ALL_AGES = re.compile(r"\b(?:(?:for )?(?:the )?whole family|(?:for )?all ages|suitable for all|tutta la famiglia|"
                       r"toda la familia|toute la famille|ganze familie|toda a fam[ií]lia|hele gezin|całej rodziny|"
                       r"hela familjen|hele familien)\b")

#: The year now: a year asked before it is a date in this world's past, not a genre's future.
NOW = 2027

#: Relations no love story is told between, where nobody asked for one.
_FAMILY = frozenset({"sister", "brother", "sibling", "twin", "mother", "father", "parent", "daughter", "son",
                     "grandmother", "grandfather", "grandparent", "granddaughter", "grandson", "grandchild", "aunt",
                     "uncle", "cousin", "niece", "nephew"})

#: Plots told another way for children: the gentle plot that keeps the situation asked for.
_FOR_CHILDREN_TOLD_AS = {"survival": "quest"}

#: How a plot in no genre's pool (a cause: a strike, a campaign) feels where nothing says: the
#: comedy-drama of a town standing together, or, where the mood is tense, a thriller.
_DRAMA = ["comedy", "thriller"]

#: Genres whose own era is a look, not a date: set today where the request names a real place
#: and no time (a western, a noir, a gothic horror or a pirate adventure keep their years).
TIMELESS = frozenset({"comedy", "romance", "mystery", "thriller"})

#: Genres whose name promises a plot, and the plots that keep the promise (a mystery is a
#: whodunit: a cozy one at a cat cafe was a trial; a trial is asked for by its own words).
_GENRE_PLOTS = {"mystery": ("investigation",), "romance": ("romance",),  # ("a romantic story": a love story)
                # (a war film asked for with no plot: a position held, a night behind the lines, a mission)
                "war": ("siege", "survival", "quest")}


__all__ = ["RATINGS", "Intent", "clean_prompt", "find_genres", "interpret", "unasked_today"]
