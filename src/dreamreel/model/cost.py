"""What making a film cost: resources spent, by stage and episode (the cost ledger's record)."""

from typing import Annotated, Literal

from pydantic import Field

from .base import SCHEMA_VERSION, Model

#: The stage of writing a story with an LLM (before any film; see cost.ledger). Its parts are
#: "writing:<stage>" ("writing:premise", "writing:beats", ...): the LLM's stages, booked each.
WRITING = "writing"


def is_writing(stage: str) -> bool:
    """Whether a ledger stage is writing (the whole, or one of the LLM's stages)."""
    return stage == WRITING or stage.startswith(WRITING + ":")

#: ``declared_usd``: what a backend declares it charges (its ``cost_per_second``, USD, times the
#: seconds of film it made), booked as money since no resource of ours measures it.
Resource = Literal["cpu_seconds", "gpu_seconds", "llm_prompt_tokens", "llm_completion_tokens", "api_calls",
                   "declared_usd"]


class CostEntry(Model):
    stage: Annotated[str, Field(max_length=64)]  # e.g. writing, pictures, production (voices, sound, encode, sign)
    resource: Resource
    amount: Annotated[float, Field(ge=0)]
    episode: Annotated[int, Field(ge=0)] = 0     # 0: the film as a whole


class CostReport(Model):
    schema_version: int = SCHEMA_VERSION
    #: Which film: "<story id>/<file name>" for a film made by `dreamreel make`, the film's id on a server.
    film: Annotated[str, Field(max_length=200)]
    #: The film's title, and the SHA-256 of the signed MP4 the report belongs to ("": not made yet).
    title: Annotated[str, Field(max_length=200)] = ""
    sha256: Annotated[str, Field(max_length=64)] = ""
    viewer: Annotated[str, Field(max_length=64)] = ""
    #: Seconds of film each episode made (episode number as a string key, for JSON).
    film_seconds: dict[str, float] = Field(default_factory=dict)
    entries: list[CostEntry] = Field(default_factory=list)
    made_at: float = 0.0

    @property
    def seconds(self) -> float:
        return sum(self.film_seconds.values())
