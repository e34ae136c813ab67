"""Who lives where: the cast's skin, hair and eyes drawn from the people of the country a story
is set in.

A film set in Nairobi is peopled mostly with dark-skinned Kenyans, one in Kyoto mostly with
black-haired Japanese; every place is mixed, so each is a distribution over the whole range of
tones (never one tone), weighted by who mostly lives there. A world in no real country keeps
the even draw over every tone. A character whose look was given (a pack's, a viewer's
likeness) keeps it; the bible builder only re-draws the looks it drew itself.

The draw is the character's own: a generator seeded by their name and the look first drawn
for them (both from the story's seed), so the story's other choices are not moved by it.
"""

import random
import re

from ..model import Look

#: Tones from the palest to the darkest (bible_builder.SKIN_TONES), hair colours without grey and
#: white (age's, kept as drawn), and eye colours (dark brown, brown, blue, green, grey).
SKIN = ("#f1d3bf", "#e8b99a", "#d8a27c", "#c68e62", "#a86b45", "#8d5a3b", "#6b4028", "#4a2c1b")
HAIR = ("#111111", "#2b1d14", "#4a3020", "#7a5230", "#b07a45", "#d8b56a", "#a33a1c")
AGED_HAIR = frozenset({"#9a9a9a", "#e8e4dc"})
EYES = ("#3b2a1a", "#5a3d1f", "#2f5d7c", "#4d6b3a", "#6b6b6b")

#: Peoples by region: weights over SKIN, HAIR and EYES. Every tone keeps some weight where people
#: of every origin live (Europe, the Americas, Australia); elsewhere most weight is on the tones
#: most people there have, with the neighbours' on either side.
PEOPLES: dict[str, tuple[tuple[float, ...], tuple[float, ...], tuple[float, ...]]] = {
    "europe": ((3, 4, 3, 2, 1, 0.6, 0.4, 0.3), (1, 3, 3, 2.5, 1.5, 1.5, 0.6), (2, 2, 2.5, 1.5, 1)),
    "north_america": ((2, 2.5, 2.5, 2, 1.5, 1.5, 1.2, 1), (2, 3, 2.5, 2, 1, 1, 0.4), (3, 2.5, 1.5, 1, 0.5)),
    "latin_america": ((0.6, 1.2, 2.5, 3, 3, 2, 1.2, 0.6), (3, 4, 2, 1, 0.4, 0.3, 0.1), (4, 3, 0.6, 0.6, 0.3)),
    "east_asia": ((2, 4, 3.5, 1.5, 0.6, 0.2, 0.1, 0.05), (6, 3, 0.6, 0.1, 0.05, 0.02, 0.02), (5, 3, 0, 0, 0.1)),
    "southeast_asia": ((0.4, 1.2, 3, 3.5, 2.5, 1.2, 0.4, 0.1), (6, 3, 0.6, 0.1, 0.05, 0.02, 0.02),
                       (5, 3, 0, 0, 0.1)),
    "central_asia": ((1.2, 2.5, 3, 2.5, 1, 0.4, 0.1, 0.05), (4, 3.5, 1.5, 0.5, 0.2, 0.1, 0.05), (4, 3, 0.3, 0.5, 0.2)),
    "south_asia": ((0.1, 0.4, 1.2, 2.5, 3, 3, 1.8, 0.8), (5, 3, 1, 0.2, 0.05, 0.02, 0.02), (5, 3, 0.05, 0.2, 0.1)),
    "middle_east": ((0.6, 1.8, 3, 3, 2, 1, 0.5, 0.3), (4, 4, 1.5, 0.5, 0.2, 0.1, 0.1), (4, 3, 0.3, 0.6, 0.2)),
    "africa": ((0, 0.02, 0.08, 0.4, 1.5, 3, 3.5, 3), (7, 2.5, 0.3, 0.02, 0, 0, 0), (5, 3, 0, 0, 0)),
    "oceania": ((2.5, 3, 2.5, 2, 1.2, 1, 0.8, 0.6), (1.2, 3, 3, 2.5, 1.5, 1.5, 0.5), (2, 2, 2.5, 1.5, 1)),
    "pacific": ((0, 0.2, 0.5, 1.2, 2.5, 3, 2.5, 1.5), (6, 3, 0.6, 0.1, 0.05, 0.05, 0), (5, 3, 0, 0, 0)),
}
_REGION_OF: dict[str, frozenset[str]] = {
    "north_america": frozenset({"US", "CA"}),
    "east_asia": frozenset({"JP", "CN", "KR", "KP", "TW", "HK", "MO", "MN"}),
    "southeast_asia": frozenset({"VN", "LA", "TH", "KH", "MM", "MY", "SG", "ID", "PH", "BN", "TL"}),
    "central_asia": frozenset({"KZ", "UZ", "TM", "KG", "TJ"}),
    "south_asia": frozenset({"IN", "PK", "BD", "LK", "NP", "BT", "MV"}),
    "middle_east": frozenset({"EG", "LY", "TN", "DZ", "MA", "EH", "SA", "YE", "OM", "AE", "QA", "BH", "KW", "IQ",
                              "IR", "SY", "JO", "PS", "IL", "LB", "TR", "AF", "CY", "AZ", "AM", "GE"}),
    "oceania": frozenset({"AU", "NZ"}),
}
_BY_CONTINENT = {"EU": "europe", "AF": "africa", "SA": "latin_america", "NA": "latin_america", "OC": "pacific",
                 "AS": "middle_east"}
#: Costumes that say where a character is from, in a story that names no country (a samurai's
#: hakama: Japan), read as whole words.
_COSTUME_COUNTRY = ((re.compile(r"\b(hakama|kimono|yukata|samurai|ninja|shinobi|geisha)\b"), "JP"),
                    (re.compile(r"\bhanfu\b"), "CN"), (re.compile(r"\bhanbok\b"), "KR"),
                    (re.compile(r"\b(sari|saree|kurta|sherwani|dhoti)\b"), "IN"))


def people_of(country: str | None) -> str | None:
    """The region whose people live in ``country`` (ISO 3166 alpha-2); None: nowhere real."""
    if country is None:
        return None
    found = next((r for r, isos in _REGION_OF.items() if country in isos), None)
    if found is not None:
        return found
    from .gazetteer import continent_of

    return _BY_CONTINENT.get(continent_of(country) or "")


def setting_country(country: str | None, era: str) -> str | None:
    """The country a story is set in: the request's, else one its era names ("feudal Japan")."""
    if country is not None:
        return country
    from .gazetteer import country_of

    for phrase in re.findall(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)*", era):
        words = phrase.split()
        for name in (phrase, *words[1:], words[0]):  # "Victorian London": London
            if (found := country_of(name)) is not None:
                return found
    return None


def costume_country(look: Look) -> str | None:
    """The country a costume is from, where it is one country's (a samurai's hakama: JP)."""
    worn = f"{look.clothing} {' '.join(look.accessories)}".lower()
    return next((c for pattern, c in _COSTUME_COUNTRY if pattern.search(worn)), None)


def local_look(look: Look, name: str, country: str | None) -> Look:
    """``look`` with skin, hair and eyes drawn from the people of ``country`` (or of the country
    its costume is from, where the story names none); as drawn where neither is known, or for a
    character who is not a human being. Grey and white hair (age's) stay."""
    region = people_of(country or costume_country(look))
    if region is None or look.species != "human":
        return look
    skin_w, hair_w, eye_w = PEOPLES[region]
    rng = random.Random(f"{name}|{look.skin}|{look.hair_color}|{look.eye_color}|{region}")
    update = {"skin": rng.choices(SKIN, skin_w)[0], "eye_color": rng.choices(EYES, eye_w)[0]}
    hair = rng.choices(HAIR, hair_w)[0]
    if look.hair_color not in AGED_HAIR:
        update["hair_color"] = hair
    return look.model_copy(update=update)


#: What people wore in Japan before the Meiji era's Western dress, for a costume from elsewhere:
#: an outlaw's (the Wild West's long coat and bandana) -> a bandit's patched kimono and headband;
#: a tailored coat, suit or gown -> a kimono (a rich one's of silk). Read as whole words.
_OLD_JAPAN: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(bandana|stetson|chaps|duster|poncho|gunbelt)\b"), "patched kimono and headband"),
    (re.compile(r"\b(brocade|velvet|silk|satin|sequined|evening|ministerial|crimson|embroidered)\b"),
     "silk kimono"),
    (re.compile(r"\b(coat|jacket|suit|blazer|waistcoat|doublet|jerkin|tunic|shirt|jumper|cardigan|dress|gown|"
                r"overalls|linens|cape|tweed|uniform)\b"), "kimono"),
)
#: Eras of Japan before Western dress (and years: before 1870).
_OLD_ERA = re.compile(r"\b(feudal|edo|shogun\w*|samurai|sengoku|heian|kamakura|muromachi|tokugawa|medieval|ancient)\b",
                      re.IGNORECASE)


def _robes(plain: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """_OLD_JAPAN's reading of a costume from elsewhere, with another country's robe for the kimono."""
    return tuple((pattern, dress.replace("kimono", plain)) for pattern, dress in _OLD_JAPAN)


#: Costume words read as what a woman wore (a gown, a dress): a stola, a sari.
_WOMENS = r"\b((dress|frock)(?! (coat|uniform|shirt|suit))|gown|skirt|blouse|petticoat|crinoline)\b"
#: Costume words read as a rich or ranked person's (a senator's suit, a courtier's velvet).
_FINE = (r"\b(suit|tuxedo|blazer|brocade|velvet|silk|satin|sequined|evening|embroidered|robes?|formal|rosette|"
         r"ministerial|crimson)\b")
#: Costume words read as anybody's everyday clothes.
_PLAIN = (r"\b(coat|jacket|shirt|jumper|cardigan|sweater|overalls|dungarees|linens|cape|tweed|uniform|outfit|apron|"
          r"jerkin|doublet|waistcoat|tunic|smock|trousers|jeans|hoodie|t-shirt|vest|oilskin|scrubs|whites|wellingtons)\b")
_ROYAL = r"\b(imperial|royal|emperor|empress|king|queen|regal|purple)\b"


def _dress(*pairs: tuple[str, str]) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern), dress) for pattern, dress in pairs)


#: Countries whose people wore their own dress before Western dress came: what a costume from
#: elsewhere becomes there, the eras (words) that are before it and the year it came. Imperial
#: China's hanfu (a wrapped robe, wide sleeves, a crossed collar, a sash), Joseon Korea's hanbok;
#: antiquity's: Rome's tunic and toga (a purple-bordered one for rank, a woman's stola and palla),
#: Greece's chiton and himation, Egypt's white linen (broad collars and a headdress for the
#: court); India's before independence: a kurta (a silk sherwani for a rich man's coat), a sari
#: for a gown or a dress.
OLD_DRESS: dict[str, tuple[tuple[tuple[re.Pattern[str], str], ...], re.Pattern[str], int]] = {
    "JP": (_OLD_JAPAN, _OLD_ERA, 1870),
    "CN": (_robes("hanfu robe"), re.compile(r"\b(imperial|dynast\w*|ming|qing|tang|song|han|emperor\w*|feudal|"
                                           r"medieval|ancient|warring states|three kingdoms)\b", re.IGNORECASE), 1912),
    "KR": (_robes("hanbok"), re.compile(r"\b(joseon|goryeo|silla|baekje|goguryeo|imperial|dynast\w*|feudal|"
                                       r"medieval|ancient)\b", re.IGNORECASE), 1895),
    "IT": (_dress((_ROYAL, "purple-bordered toga"), (_WOMENS, "stola and palla"), (_FINE, "toga"), (_PLAIN, "tunic")),
           re.compile(r"\b(ancient|roman|romans|caesar\w*|augustan|antiquity|classical|pompeii|republican rome)\b",
                      re.IGNORECASE), 476),
    "GR": (_dress((_WOMENS, "chiton and himation"), (_ROYAL, "himation over a chiton"), (_FINE, "himation over a chiton"),
                  (_PLAIN, "chiton")),
           re.compile(r"\b(ancient|classical|hellenistic|homeric|spartan\w*|athenian|mycenaean|minoan|antiquity|"
                      r"trojan|olympian)\b", re.IGNORECASE), 400),
    "EG": (_dress((_ROYAL, "fine white linen, broad collar and headdress"), (_FINE, "fine white linen and broad collar"),
                  (_WOMENS, "white linen"), (_PLAIN, "white linen")),
           re.compile(r"\b(ancient|pharaoh\w*|dynast\w*|old kingdom|middle kingdom|new kingdom|ptolemaic|antiquity|"
                      r"bronze age)\b", re.IGNORECASE), 400),
    "IN": (_dress((_WOMENS, "sari"), (_ROYAL, "silk sherwani"), (_FINE, "silk sherwani"), (_PLAIN, "kurta")),
           re.compile(r"\b(mughal|maharaj\w*|rajput|raj|princely|ancient|medieval|colonial|victorian)\b", re.IGNORECASE),
           1947),
}
#: Countries whose old dress is antiquity's: nothing modern is carried (no badge, spectacles,
#: fedora or revolver in Caesar's Rome).
ANTIQUITY = frozenset({"IT", "GR", "EG"})
_MODERN = re.compile(r"\b(badge|glasses|spectacles|sunglasses|lorgnette|monocle|pince-nez|fedora|bowler|top hat|"
                     r"feathered hat|pith helmet|deerstalker|boater|cap|stetson|revolver|pistol|rifle|gun|phone|camera|"
                     r"watch|wristwatch|suitcase|briefcase|umbrella|cigarette|cigar|fountain pen|notebook|"
                     r"magnifying glass|bandana|saddlebags|six-shooter|flashlight|sextant|binoculars|headphones|"
                     r"laptop|radio|plumed hat)\b")
#: What the Wild West carried, dropped in any other country's past (a ronin has no six-shooter).
_WESTERN = re.compile(r"\b(bandana|saddlebags|stetson|revolver|six-shooter)\b")


def old_dress(country: str | None, era: str, year: int | None) -> bool:
    """The story is set in a country of OLD_DRESS before Western dress came (feudal Japan, Ming
    China, Joseon Korea, ancient Rome or Egypt, Mughal India; or a year before it came, the
    request's or the era's: "the 1720s")."""
    if country not in OLD_DRESS:
        return False
    _, eras, since = OLD_DRESS[country]
    if year is None and (m := re.search(r"\b(1[0-9]{3})s?\b", era)):  # the era's year ("the 1720s")
        year = int(m.group(1))
    return year is not None and year < since or bool(eras.search(era))


def old_japan(country: str | None, era: str, year: int | None) -> bool:
    """The story is set in Japan before Western dress (feudal Japan, the Edo period, before 1870)."""
    return country == "JP" and old_dress(country, era, year)


#: Costumes with a shape of their own, kept in any country's past where no word of its dress is read.
_OWN_SHAPE = re.compile(r"\b(armou?r|chainmail|mail|furs|pelts?|habit|robes?|vestments|cassock|spacesuit|diving|"
                        r"wetsuit|bandages|garb|rags|ragged|costume)\b")


def local_costume(look: Look, country: str | None, era: str, year: int | None) -> Look:
    """``look`` in the dress of where and when the story is set: in feudal Japan, a kimono for a
    Western coat (a bandit's patched, with a headband; not the cowboy outlaw's long coat); in
    imperial China a hanfu robe, in Joseon Korea a hanbok; in ancient Rome a tunic or a toga, in
    ancient Egypt white linen; in India before independence a kurta or a sari (OLD_DRESS); clothes
    it has no word for, the everyday dress there (a tunic, a kimono). In antiquity nothing modern
    is carried."""
    worn = look.clothing.lower()
    if not old_dress(country, era, year) or costume_country(look) is not None or look.species != "human":
        return look
    reading = OLD_DRESS[str(country)][0]
    # clothes it has no word for (cream flannels, a striped shirt) are anybody's everyday clothes
    # there; a costume of its own shape (a gladiator's armour, a monk's habit) stays
    dress = next((d for pattern, d in reading if pattern.search(worn)), None if _OWN_SHAPE.search(worn) else
                 reading[-1][1])
    if dress is None:
        return look
    modern = _MODERN if country in ANTIQUITY else _WESTERN
    kept = [a for a in look.accessories if not modern.search(a.lower())]
    return look.model_copy(update={"clothing": dress, "accessories": kept})
