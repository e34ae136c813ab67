"""Prices: a table (JSON, configurable) turns resources into money.

The default table is a reference, not a quote: a vCPU hour at a cloud's spot or shared-core
price (on-demand is about twice that), a GPU hour at a rented data-centre GPU, LLM tokens at a
small hosted model's list price (local models cost only the CPU or GPU time they take). Pass your own with
``--prices prices.json`` (same keys).
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Annotated

from pydantic import Field, ValidationError

from ..errors import BadInputError
from ..model.base import Model
from ..model.cost import CostReport, is_writing

Price = Annotated[float, Field(ge=0)]


class PriceTable(Model):
    currency: str = "USD"
    cpu_hour: Price = 0.02            # one vCPU for an hour
    gpu_hour: Price = 2.50            # one data-centre GPU for an hour
    llm_prompt_mtok: Price = 0.15     # a million prompt tokens
    llm_completion_mtok: Price = 0.60  # a million completion tokens
    api_call: Price = 0.0
    usd: Price = 1.0                  # one US dollar in this table's currency (backends declare prices in USD)


DEFAULT = PriceTable()


def load_prices(path: str | Path | None) -> PriceTable:
    if path is None:
        return DEFAULT
    try:
        return PriceTable.model_validate(json.loads(Path(path).read_text(encoding="utf-8")))
    except (OSError, ValueError) as e:
        first = e.errors()[0] if isinstance(e, ValidationError) else None
        why = f"{'.'.join(map(str, first['loc']))}: {first['msg']}" if first else str(e).splitlines()[0]
        raise BadInputError(f"{path}: not a price table ({why})") from None


def money(resource: str, amount: float, table: PriceTable) -> float:
    rate = {"cpu_seconds": table.cpu_hour / 3600, "gpu_seconds": table.gpu_hour / 3600,
            "llm_prompt_tokens": table.llm_prompt_mtok / 1e6, "llm_completion_tokens": table.llm_completion_mtok / 1e6,
            "api_calls": table.api_call, "declared_usd": table.usd}[resource]
    return amount * rate


def _writing_key(r: CostReport) -> tuple | None:
    """Which writing a report carries: its story and the entries themselves (a copy is equal)."""
    entries = sorted((e.stage, e.resource, e.amount) for e in r.entries if is_writing(e.stage))
    return (r.film.split("/")[0], tuple(entries)) if entries else None


def _writing_payers(reports: list[CostReport]) -> dict[tuple, int]:
    """The one report each writing is charged to: the first film that carries it, else the story's own."""
    payer: dict[tuple, int] = {}
    for i, r in enumerate(reports):
        key = _writing_key(r)
        if key is not None and (key not in payer or (r.film_seconds and not reports[payer[key]].film_seconds)):
            payer[key] = i
    return payer


def priced(reports: list[CostReport], table: PriceTable = DEFAULT) -> dict:
    """Money per film, per episode (of each film), per viewer, per stage, and per hour of film;
    and the resources spent in all ("resources": LLM tokens, API calls, CPU and GPU seconds).

    A story's writing is charged once: a story's own report (``story.cost.json``) and each film
    made from it carry the same writing entries, and only the first film (else the story) pays.
    A story report whose writing a film pays is left out of "films".
    """
    films = {}
    viewers: dict[str, float] = defaultdict(float)
    stages: dict[str, float] = defaultdict(float)
    resources: dict[str, float] = defaultdict(float)
    seconds_total = cost_total = 0.0
    payer = _writing_payers(reports)
    for i, r in enumerate(reports):
        by_episode: dict[str, float] = defaultdict(float)
        cost = 0.0
        key = _writing_key(r)
        pays = key is not None and payer[key] == i
        entries = [e for e in r.entries if not is_writing(e.stage) or pays]
        if r.entries and not entries and not r.film_seconds:
            continue  # a story whose writing a film made from it pays
        for e in entries:
            resources[e.resource] += e.amount
            m = money(e.resource, e.amount, table)
            cost += m
            stages[e.stage] += m
            by_episode[str(e.episode)] += m
        seconds = r.seconds
        films[r.film] = {"viewer": r.viewer, "film_seconds": round(seconds, 2), "cost": round(cost, 6),
                         "per_hour_of_film": round(cost / seconds * 3600, 6) if seconds else None,
                         "episodes": {k: round(v, 6) for k, v in sorted(by_episode.items())}}
        viewers[r.viewer or "(no viewer)"] += cost
        seconds_total += seconds
        cost_total += cost
    return {"currency": table.currency, "films": films, "viewers": {k: round(v, 6) for k, v in viewers.items()},
            "stages": {k: round(v, 6) for k, v in stages.items()}, "total": round(cost_total, 6),
            "resources": {k: round(v, 6) for k, v in resources.items()},
            "film_seconds": round(seconds_total, 2),
            "per_hour_of_film": round(cost_total / seconds_total * 3600, 6) if seconds_total else None}
