"""What the API takes and gives: the typed bodies of requests (checked strictly: unknown fields
refused, every string and list bounded) and the typed replies (the film's status among them,
exported as a JSON Schema by ``dreamreel schemas``).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..store.learning import Verdict


class Casting(BaseModel):
    model_config = ConfigDict(extra="forbid")
    likeness: str = Field(max_length=64)
    #: A role (protagonist, antagonist, ally ...) or a character id.
    role: str = Field(default="protagonist", max_length=64)


Use = Literal["protagonist", "any_role"]


def _any_role() -> list[Use]:
    return ["any_role"]


class Grant(BaseModel):
    model_config = ConfigDict(extra="forbid")
    to: str = Field(max_length=64)          # the other viewer's code (GET /api/me)
    uses: list[Use] = Field(default_factory=_any_role, max_length=2)
    days: int = Field(default=30, ge=1, le=365)


class NewFilm(BaseModel):
    model_config = ConfigDict(extra="forbid")
    #: Real people to cast (each with their recorded consent to you).
    cast: list[Casting] = Field(default_factory=list, max_length=4)
    prompt: str = Field(min_length=3, max_length=2000)
    episodes: int | None = Field(default=None, ge=1, le=12)
    seconds: int | None = Field(default=None, ge=10, le=900)
    rating: Literal["G", "PG", "PG-13", "R"] = "PG-13"
    seed: int = Field(default=0, ge=0, le=2**31)
    #: Let the director adapt the film to how it is watched (False: as written, choices as made).
    adaptive: bool = True


class Steer(BaseModel):
    model_config = ConfigDict(extra="forbid")
    ending: Literal["triumph", "bittersweet", "tragedy", "twist", "open"] | None


class Save(BaseModel):
    model_config = ConfigDict(extra="forbid")
    characters: list[Annotated[str, Field(max_length=64)]] = Field(max_length=16)


class Setting(BaseModel):
    model_config = ConfigDict(extra="forbid")
    time_of_day: Literal["dawn", "day", "dusk", "night"] | None = None
    weather: Literal["clear", "rain", "snow", "fog", "dust", "storm", "embers"] | None = None


class ChoiceAnswer(BaseModel):
    model_config = ConfigDict(extra="forbid")
    choice_id: str = Field(max_length=64)
    option_id: str = Field(max_length=64)
    by: Literal["viewer", "timeout"] = "viewer"


class Revise(BaseModel):
    """A film's owner asks the server's LLM to rewrite one scene (``beat``) or a whole ``episode``."""

    model_config = ConfigDict(extra="forbid")
    #: How to revise it, in the owner's words: "make her angrier".
    note: str = Field(min_length=1, max_length=500)
    beat: str | None = Field(default=None, max_length=64)
    episode: int | None = Field(default=None, ge=1, le=12)


Scalar = float | int | bool | Annotated[str, Field(max_length=200)]


class CameraFrame(BaseModel):
    """Webcam attention (only when the viewer turns it on): a tiny grey picture, checked for a
    face and dropped."""

    model_config = ConfigDict(extra="forbid")
    frame: str = Field(max_length=12_000)  # base64 JPEG or PNG
    t: float = Field(ge=0, le=1e6)


class Telemetry(BaseModel):
    """One thing the viewer did, as the player saw it."""

    model_config = ConfigDict(extra="forbid")
    kind: Literal["play", "pause", "seek", "skip", "replay", "watch", "hidden", "visible", "mute", "volume",
                  "choice", "pointer", "stall", "ended", "webcam"]
    t: float = Field(ge=0, le=1e6)  # the film's time when it happened
    data: dict[Annotated[str, Field(max_length=32)], Scalar] = Field(default_factory=dict, max_length=16)


# -- replies -------------------------------------------------------------------------------------


class Offered(BaseModel):
    id: str
    text: str
    #: Keeps the ending the viewer steers towards within reach.
    toward_goal: bool = False
    #: Would cost the life of someone the viewer asked to save.
    costs_a_life: bool = False


class WaitingChoice(BaseModel):
    choice_id: str
    beat_id: str
    prompt: str
    options: list[Offered]
    default: str
    timeout_s: float
    #: Where the beat holding the choice plays in the film (seconds).
    start_s: float
    end_s: float
    #: Answered by this film second, the film goes on without a stall: the player's countdown
    #: runs out by then, or after ``min_countdown_s``, whichever is later (and within ``timeout_s``).
    answer_by_s: float
    min_countdown_s: float = 5.0
    posted: float


class TakenChoice(BaseModel):
    choice_id: str
    option_id: str
    #: Who chose: the viewer, the countdown running out, nobody (abandoned), or a telling followed.
    by: str
    latency_s: float


class EngagementView(BaseModel):
    level: str
    confidence: float
    score: float


class InterventionView(BaseModel):
    """Something the director changed for the viewer, and why (the player's "why did this happen?")."""

    beat: str
    kind: str
    why: str
    at_s: float


class CastMember(BaseModel):
    id: str
    name: str


class SettingView(BaseModel):
    time_of_day: str | None = None
    weather: str | None = None


class Scene(BaseModel):
    """Where a beat played in the film (what the player's revise control names)."""

    beat: str
    episode: int
    start_s: float
    end_s: float


class ShotsMade(BaseModel):
    """Once a film is made: shots drawn for it, shots found already drawn (the render cache),
    and the beats whose shots were drawn (a revised film: the revised ones)."""

    drawn: int
    cached: int
    beats: list[str]


class Revision(BaseModel):
    """What a revised film revises, and how."""

    of: str
    note: str
    beats: list[str]
    #: What the model did ("2 of 3 tellings revised (1 beats); 340 tokens").
    summary: str
    #: The film it revises was deleted since (this one plays and revises as before).
    of_deleted: bool = False


class FilmStatus(BaseModel):
    """A film as its viewer sees it: asked for, queued, being made (the choice waiting, what the
    director did and why), finished, failed or damaged. Pushed to the player twice a second; a
    finished film's is what it was when it finished (fields it did not have then take defaults)."""

    id: str
    title: str
    prompt: str
    status: Literal["queued", "making", "ready", "failed", "damaged"]
    error: str | None = None
    created: float
    watch: str
    stream: str
    #: The story can go on from the ending it reached ("keep going").
    can_continue: bool = False
    #: The film that goes on from this one, once asked for.
    next: str | None = None
    #: Waiting for a slot: its place in the queue (1: next), and how many films are made at once.
    queue_position: int | None = None
    capacity: int | None = None
    #: Why the queue waits now (None: its first film starts at the next look).
    waiting_for: str | None = None
    pending_choice: WaitingChoice | None = None
    taken: list[TakenChoice] = Field(default_factory=list)
    made_seconds: float = 0.0
    engagement: EngagementView | None = None
    interventions: list[InterventionView] = Field(default_factory=list)
    #: The kind of ending the viewer steers towards.
    goal: str | None = None
    endings: list[str] = Field(default_factory=list)
    cast: list[CastMember] = Field(default_factory=list)
    saving: list[str] = Field(default_factory=list)
    setting: SettingView = Field(default_factory=SettingView)
    #: What is made other than as asked (a rating above the ceiling, a budget).
    notes: list[str] = Field(default_factory=list)
    #: The scenes made so far, in the order they play.
    scenes: list[Scene] = Field(default_factory=list)
    shots: ShotsMade | None = None
    #: The server has an LLM: the film's owner may revise a scene or an episode (POST .../revise).
    can_revise: bool = False
    revision: Revision | None = None


class Ok(BaseModel):
    ok: bool = True


class Steered(Ok):
    goal: str | None


class Saving(Ok):
    saving: list[str]


class SettingChanged(Ok):
    time_of_day: str | None
    weather: str | None


class SandboxPack(BaseModel):
    name: str
    version: str
    publisher: str
    licence: str
    attribution: str
    characters: list[str]


class Me(BaseModel):
    #: The viewer's code: a friend who lets them cast their likeness grants consent to it.
    id: str
    #: The asset packs this server keeps to (None: no sandbox).
    sandbox: list[SandboxPack] | None


class ConsentView(BaseModel):
    id: str
    to: str
    uses: list[str]
    until: float
    revoked: float | None
    statement: str


class LikenessView(BaseModel):
    id: str
    name: str
    yours: bool
    look: dict[str, Any]
    voice: dict[str, Any] | None
    pronouns: str
    consents: list[ConsentView]


class NewLikeness(LikenessView):
    notes: list[str]
    #: The photo carried a location (dropped with the photo).
    location_dropped: bool


class Granted(BaseModel):
    id: str
    to: str
    uses: list[str]
    until: float
    statement: str


class Revoked(BaseModel):
    id: str
    revoked: float | None


class LikenessUse(BaseModel):
    film: str
    by: str
    role: str
    consent: str
    at: float


class Deleted(BaseModel):
    deleted: str


class FilmDeleted(Deleted):
    #: The films that revised it: kept, each whole and playable on its own.
    revisions_kept: list[str] = []


class LikenessDeleted(Deleted):
    consents: int
    uses: int


class ViewerDeleted(Deleted):
    films: int


class Captions(BaseModel):
    #: Ask again from this number for the cues made since.
    next: int
    cues: list[dict[str, Any]]


class EpisodeProof(BaseModel):
    episode: int
    state: str
    reason: str
    ai_generated: bool


class Provenance(BaseModel):
    #: trusted, valid, invalid, unsigned, or making (signed when it is finished).
    state: str
    reason: str
    ai_generated: bool
    generator: str | None = None
    episodes: list[EpisodeProof]


class StoredEvent(BaseModel):
    at: float
    kind: str
    data: dict[str, Any]


#: The API's replies exported as JSON Schemas beside the file formats' (``dreamreel schemas``).
DOCUMENTS: dict[str, type[BaseModel]] = {"film-status": FilmStatus, "learning-verdict": Verdict}
