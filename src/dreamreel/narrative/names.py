"""People's names for where a story is set: a story in Provence is peopled with French names, one
in Lagos with Nigerian ones (Faker's locales, MIT-licensed, names in the Latin alphabet only).

    premise.country -> names_for(country) -> the genre kit's names_first / names_last
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache

from .genres.kit import GenreKit

#: How many of each a story's cast draws from (enough that a long series repeats none).
POOL = 40
_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-ſƠơƯư\u1e00-\u1eff' .-]+$")  # (with Vietnamese: Hồng, Đặng)


#: Faker locales whose second part is not a country: es_CA is Catalonia's, not Canada's.
_NOT_COUNTRIES = frozenset({"es_CA"})


@cache
def _locales(country: str) -> list[str]:
    from faker.config import AVAILABLE_LOCALES

    mine = sorted(loc for loc in AVAILABLE_LOCALES if loc.endswith(f"_{country}") and loc not in _NOT_COUNTRIES)
    english = [loc for loc in mine if loc.startswith("en_")]
    if country in ENGLISH:  # (Toronto's names are English before French; Dublin's before Irish)
        return english + [loc for loc in mine if loc not in english]
    # the country's own language before English where both are there (Nigeria: Yoruba, not en_NG)
    return [loc for loc in mine if loc not in english] + english


#: Scripts whose names read well in Latin letters letter by letter (anyascii): Cyrillic, Greek and
#: Korean Hangul.
_SPELLED = re.compile(r"^[\u0370-\u03ff\u1f00-\u1fff\u0400-\u04ff\uac00-\ud7a3' .-]+$")


@cache
def names_for(country: str) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]] | None:
    """(first names by pronoun, last names) people have in ``country``; None where no locale
    writes them in the Latin alphabet, or in Cyrillic or Greek (written in Latin letters: Kyiv's
    Oleksandr Shevchenko). Always the same names for the same country."""
    for spelled in (False, True):
        if (names := _names_in(country, spelled)) is not None:
            return names
    return None


def _names_in(country: str, spelled: bool) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]] | None:
    from faker import Faker

    for loc in _locales(country):
        if not any(importlib.util.find_spec(f"faker.providers.person.{name}") for name in (loc, loc.split("_")[0])):
            continue  # (Faker gives a locale with no names of its own America's: Cairo's were David and Walter)
        fake = Faker(loc)
        fake.seed_instance(0)
        roman = hasattr(fake, "first_romanized_name")
        if spelled and not roman:
            she, he, last = _draw(fake.first_name_female, True), _draw(fake.first_name_male, True), \
                _draw(fake.last_name, True)
            if min(len(she), len(he), len(last)) >= 8:
                return {"she": she, "he": he, "they": tuple(n for pair in zip(she, he) for n in pair)}, last
            continue

        draw = _draw
        if roman and hasattr(fake, "first_romanized_name_female"):  # Japanese: romaji
            she, he = draw(fake.first_romanized_name_female), draw(fake.first_romanized_name_male)
            last = draw(fake.last_romanized_name)
        elif roman:  # pinyin names say no gender: the same pool for everyone
            she = he = draw(fake.first_romanized_name)
            last = draw(fake.last_romanized_name)
        else:
            she, he, last = draw(fake.first_name_female), draw(fake.first_name_male), draw(fake.last_name)
        if min(len(she), len(he), len(last)) >= 8:
            mixed = tuple(n for pair in zip(she, he) for n in pair)
            return {"she": she, "he": he, "they": mixed}, last
    return None


@cache
def surnames_by(country: str) -> dict[str, tuple[str, ...]]:
    """Family names by pronoun where the country's differ by who bears them (a Czech Novák,
    Nováková): a man is never given a woman's family name. Empty where they do not differ."""
    from faker import Faker

    for loc in _locales(country):
        fake = Faker(loc)
        fake.seed_instance(0)
        person = next((p for p in fake.get_providers() if type(p).__module__.startswith("faker.providers.person")), None)
        female, male = getattr(person, "last_names_female", None), getattr(person, "last_names_male", None)
        if not female or not male or set(female) == set(male):
            return {}  # the country's first locale says: one family name for all
        she, he = _draw(fake.last_name_female, True), _draw(fake.last_name_male, True)
        return {"she": she, "he": he} if min(len(she), len(he)) >= 8 else {}
    return {}


#: Korean family names as they are written in Latin letters, where that is not their letter-by-letter
#: spelling (Gim, Bag, I).
_KOREAN_FAMILY = {"Gim": "Kim", "Bag": "Park", "I": "Lee", "Choe": "Choi", "Jeong": "Jung", "Gang": "Kang",
                  "Jo": "Cho", "Yun": "Yoon", "Im": "Lim", "O": "Oh", "Sin": "Shin", "Gwon": "Kwon", "An": "Ahn",
                  "Ryu": "Ryu", "Yu": "Yoo", "Go": "Ko", "Mun": "Moon", "Baeg": "Baek", "No": "Noh", "Sim": "Shim",
                  "Gu": "Koo", "Gwag": "Kwak", "Seong": "Sung", "Ju": "Joo", "U": "Woo", "Byeon": "Byun",
                  "Eom": "Um", "Cheon": "Chun", "Gong": "Kong", "Hyeon": "Hyun", "Gil": "Kil", "Gi": "Ki"}


def _draw(make, spelled: bool = False) -> tuple[str, ...]:
    from anyascii import anyascii

    got: dict[str, None] = {}
    for _ in range(POOL * 6):
        name = make().strip()
        if spelled and _SPELLED.match(name):
            # (Greek ου is "ou", not "oy"; Bulgarian ъ is "a"; a soft sign is no apostrophe)
            for was, now in (("ου", "ou"), ("Ου", "Ou"), ("ού", "ou"), ("ъ", "a"), ("Ъ", "A"), ("ь", ""), ("Ь", "")):
                name = name.replace(was, now)
            korean = "\uac00" <= name[:1] <= "\ud7a3"
            name = anyascii(name)
            if korean:  # "JiHyeon" -> "Jihyeon"; family names as Koreans write them: Kim, Park, Lee
                name = _KOREAN_FAMILY.get(name, name[:1].upper() + name[1:].lower())
        if _LATIN.match(name) and " " not in name and 2 <= len(name) <= 14:
            got[name] = None
        if len(got) >= POOL:
            break
    return tuple(got)


def family_name(last: str, pronoun: str, country: str | None) -> str | None:
    """``last`` as a relative of ``pronoun`` bears it: the same name, or in a country whose family
    names change with who bears them, its other form (Czech Beran -> Beranová, Černý -> Černá;
    Latvian Kauliņš -> Kauliņa). None where that form is not known."""
    if country in ("RU", "UA", "BG", "BY") and pronoun == "she":
        # (Ivanov, Ivanova; Kovalskyi, Kovalska; Shevchenko and Kravchuk are everyone's)
        for end, to in (("skiy", "skaya"), ("skyi", "ska"), ("skyy", "ska"), ("ov", "ova"), ("ev", "eva"),
                        ("in", "ina"), ("yn", "yna")):
            if last.endswith(end):
                return last[:-len(end)] + to
        return last if not last.endswith(("a", "iy", "yi")) else None
    if country not in ("CZ", "SK", "LV") or pronoun == "they":
        return last if not surnames_by(country or "") else None
    female = last in surnames_by(country)["she"] or last.endswith(("a", "e") if country == "LV" else ("ová", "á"))
    if (pronoun == "she") == female:
        return last
    if pronoun == "he":
        return None  # (a woman's name does not say her father's: Nováková may be a Novák's or a Nováček's)
    if country == "LV":
        for end, to in (("is", "e"), ("š", "a"), ("s", "a")):
            if last.endswith(end):
                return last[:-len(end)] + to
        return None
    if last.endswith(("ý", "í")):
        return last[:-1] + "á"
    if last.endswith("ek") and len(last) > 4:
        return last[:-2] + "ková"  # Vlček -> Vlčková
    if last.endswith("a"):
        return last[:-1] + "ová"  # Bárta -> Bártová
    return last + "ová"


#: Countries whose people the genre kits' own names already are (written for their periods:
#: a 1940s noir's Iris Kane, not a Jennifer of today) ...
ENGLISH = frozenset({"US", "GB", "CA", "AU", "NZ", "IE"})
#: ... in the kits whose names are theirs, or invented (fantasy): a comedy's Binky Plunkett is
#: British, a noir's Iris Kane and a war film's Eddie Kowalski American. A thriller's Cold War Europeans, a science fiction's crew
#: from everywhere and a pirate adventure's Spanish Main are nobody's in Boston or Harlem.
NAMED_FOR = {"US": frozenset({"noir", "western", "fantasy", "war"}), "CA": frozenset({"noir", "western", "fantasy", "war"}),
             # (an Adelaide or a Dublin comedy today is not peopled by Binky Plunketts)
             "AU": frozenset({"fantasy"}), "NZ": frozenset({"fantasy"}), "IE": frozenset({"fantasy"})}
BRITISH_NAMED = frozenset({"comedy", "mystery", "romance", "horror", "fantasy"})


def home_country(genre: str) -> str | None:
    """The country a period genre's own names are of (a noir's Iris Kane is American, a comedy's
    Binky Plunkett British); None for a genre whose names are nobody's country's (fantasy's)."""
    if genre in NAMED_FOR["US"] - {"fantasy"}:
        return "US"
    return "GB" if genre in BRITISH_NAMED - {"fantasy"} else None


def _listed(era: str | None, country: str | None) -> dict | None:
    """The vocabulary's names for an age gone or a country Faker does not write (people_names.toml),
    as the kit fields they replace; None where it lists none."""
    from .kits import kits

    named = kits().vocabulary.names
    entry = next((n for n in named if era is not None and n.era == era), None) or \
        next((n for n in named if country is not None and n.country == country and n.era is None), None)
    if entry is None:
        return None
    last = list(entry.last) or [""]  # (one name only: Nakht, Nefertari)
    they = [n for pair in zip(entry.she, entry.he) for n in pair]
    return {"names_first": {"she": list(entry.she), "he": list(entry.he), "they": they}, "names_last": last,
            "names_last_by": {"he": last, "she": list(entry.last_she), "they": last} if entry.last_she else {}}


def local(kit: GenreKit, country: str | None, year: int | None = None,
          period: dict[str, GenreKit] | None = None, era: str | None = None) -> GenreKit:
    """The kit with its people's names those of ``country``, where Faker knows them. Faker's
    English names are today's: an English-speaking story before 1960 borrows the names of a kit
    of its period and people instead (``period``: "US" -> the noir kit, "GB" -> the mystery kit).
    An age gone with names of its own (``era``: ancient Rome's Marcus Valerius), and a country
    Faker does not write (Egypt), take the vocabulary's."""
    if (listed := _listed(era, None)) is not None:
        return kit.model_copy(update=listed)
    own = NAMED_FOR.get(country or "", BRITISH_NAMED) if country in ENGLISH else frozenset()
    if country in ENGLISH and kit.name in own and (year is None or year < 1960):
        return kit  # (a story asked for 1984 Wales is peopled by today's names, not a 1930s farce's)
    borrow = (period or {}).get("US" if country in ("US", "CA") else "GB")
    if country in ENGLISH and year is not None and year < 1960 and borrow is not None:
        return kit.model_copy(update={"names_first": borrow.names_first, "names_last": borrow.names_last})
    # (the vocabulary's own list first: Faker gives Dhaka and Manila America's names)
    if (listed := _listed(None, country) or _listed(None, _NAMED_LIKE.get(country or ""))) is not None:
        return kit.model_copy(update=listed)
    names = names_for(country) if country else None
    if names is None and country in _NAMED_LIKE:
        names = names_for(_NAMED_LIKE[country])  # (Havana's people have Spanish names, not a farce's)
    if names is None:
        return kit
    first, last = names
    by = surnames_by(country) if country else {}
    return kit.model_copy(update={"names_first": {k: list(v) for k, v in first.items()}, "names_last": list(last),
                                  "names_last_by": {k: list(v) for k, v in by.items()}})


#: Countries Faker has no names for, and a country whose names are theirs too (the same language).
_NAMED_LIKE = {**{c: "MX" for c in ("CU", "DO", "PR", "GT", "HN", "SV", "NI", "CR", "PA")},
               **{c: "CO" for c in ("PE", "EC", "BO", "UY", "PY")},
               **{c: "PT" for c in ("AO", "MZ", "CV", "GW")}, **{c: "FR" for c in ("MC", "LU", "HT")},
               # (Arabic, Persian, East African and West African names, from people_names.toml's lists)
               **{c: "EG" for c in ("SA", "IQ", "SY", "JO", "LB", "LY", "YE", "SD", "AE", "MA", "TN", "DZ", "KW",
                                    "QA", "OM", "BH", "PS")},
               **{c: "IR" for c in ("AF", "TJ")},
               **{c: "KE" for c in ("TZ", "UG", "RW", "BI", "MW", "ZM", "ZW", "CD", "SS")},
               **{c: "SN" for c in ("ML", "GN", "BF", "NE", "CI", "BJ", "TG", "CM", "TD", "MR", "GM")},
               # (Macau's and Hong Kong's people have Chinese names, not a farce's Dolly Fettiplace)
               **{c: "CN" for c in ("MO", "HK")}}


__all__ = ["family_name", "home_country", "local", "names_for", "surnames_by"]
