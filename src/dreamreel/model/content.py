"""Content flags and rating ceilings: what each rating allows, per flag.

Levels: 0 none, 1 mild, 2 moderate, 3 strong.
"""

from enum import Enum
from typing import Literal

Rating = Literal["G", "PG", "PG-13", "R"]
RATINGS: tuple[Rating, ...] = ("G", "PG", "PG-13", "R")


class ContentFlag(str, Enum):
    violence = "violence"
    gore = "gore"
    profanity = "profanity"
    sexual = "sexual"
    drugs = "drugs"
    fear = "fear"


#: The most each rating allows of each flag (after MPA-style guidance).
RATING_CEILINGS: dict[str, dict[ContentFlag, int]] = {
    "G": {ContentFlag.violence: 1, ContentFlag.gore: 0, ContentFlag.profanity: 0,
          ContentFlag.sexual: 0, ContentFlag.drugs: 0, ContentFlag.fear: 1},
    "PG": {ContentFlag.violence: 1, ContentFlag.gore: 0, ContentFlag.profanity: 1,
           ContentFlag.sexual: 0, ContentFlag.drugs: 0, ContentFlag.fear: 2},
    "PG-13": {ContentFlag.violence: 2, ContentFlag.gore: 1, ContentFlag.profanity: 2,
              ContentFlag.sexual: 1, ContentFlag.drugs: 1, ContentFlag.fear: 2},
    "R": {flag: 3 for flag in ContentFlag},
}


def rating_allows(rating: str, flag: ContentFlag, level: int) -> bool:
    return level <= RATING_CEILINGS[rating][flag]


def stricter(a: Rating, b: Rating) -> Rating:
    return a if RATINGS.index(a) <= RATINGS.index(b) else b
