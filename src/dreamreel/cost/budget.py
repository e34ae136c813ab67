"""Budgets: before a film is made, what it will cost; over budget, make it cheaper, then refuse.

    estimate = CPU seconds a second of film takes at a resolution (measured on the embedded
               default, see CPU_PER_FILM_SECOND) x the film's length x the CPU price
               + what the chosen backends declare a second of film costs (``backends``:
               ``cost_per_second``, USD, e.g. a paid API), x the film's length
    over budget -> no branches drawn ahead at choices (live films) -> a lower resolution, step by
               step -> refused with what it would cost and what is left

The estimate is a model of this machine class, not the film itself: each film's measured cost
(``ledger``) is what is charged against a viewer's budget afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import DreamreelError
from ..model import Story
from .prices import DEFAULT, PriceTable

#: CPU seconds per second of film on the embedded default (procedural pictures, piper voices,
#: score, mix, x264 ultrafast, signing), measured on a 2-core machine for a one-minute film.
CPU_PER_FILM_SECOND = {"480p": 0.22, "720p": 0.28, "1080p": 0.44}
#: Drawing the first beat of every branch at each choice costs about this much more.
PREFETCH_SHARE = 0.15
ORDER = ("1080p", "720p", "480p")


class OverBudgetError(DreamreelError):
    """Even the cheapest way to make the film costs more than the budget left."""


@dataclass
class Fitted:
    res: str
    prefetch: bool
    estimate: float               # money, in the table's currency
    notes: list[str] = field(default_factory=list)


def film_seconds(story: Story, episodes: int | None = None) -> float:
    """How long the film will run: the request's length per episode, over its episodes."""
    return float(story.request.target_seconds) * (episodes or len(story.graph.episodes))


def estimate(seconds: float, res: str, *, prefetch: bool = False, table: PriceTable = DEFAULT,
             per_second: float = 0.0) -> float:
    """``per_second``: what the backends declare a second of film costs besides their CPU time
    (drawing branches ahead draws more film, so it scales with the prefetch share too)."""
    share = 1 + PREFETCH_SHARE if prefetch else 1
    cpu = CPU_PER_FILM_SECOND[res] * seconds * share
    return cpu * table.cpu_hour / 3600 + per_second * seconds * share


def fit(seconds: float, res: str, budget: float | None, *, spent: float = 0.0, live: bool = False,
        table: PriceTable = DEFAULT, per_second: float = 0.0) -> Fitted:
    """The best way to make ``seconds`` of film at ``res`` (or lower) within ``budget - spent``;
    ``per_second``: the chosen backends' declared price a second of film (``backends.price``)."""
    if res not in CPU_PER_FILM_SECOND:
        raise DreamreelError(f"unknown resolution {res!r}")
    if budget is None:
        return Fitted(res, live, estimate(seconds, res, prefetch=live, table=table, per_second=per_second))
    left = budget - spent
    steps = [(res, True)] if live else []
    steps += [(r, False) for r in ORDER[ORDER.index(res):]]
    for r, prefetch in steps:
        cost = estimate(seconds, r, prefetch=prefetch, table=table, per_second=per_second)
        if cost <= left:
            notes = []
            if live and not prefetch:
                notes.append("branches are not drawn ahead at choices (budget)")
            if r != res:
                notes.append(f"made at {r} instead of {res} (budget)")
            return Fitted(r, prefetch, cost, notes)
    cheapest = estimate(seconds, ORDER[-1], table=table, per_second=per_second)
    raise OverBudgetError(f"this film would cost about {cheapest:.5f} {table.currency} even at {ORDER[-1]}; "
                          f"the budget has {max(0.0, left):.5f} {table.currency} left (of {budget:.5f}); "
                          f"ask for a shorter film or a bigger budget")
