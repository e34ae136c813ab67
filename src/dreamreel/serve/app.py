"""`dreamreel serve`: the portal, the player and their API, over FastAPI.

    GET  /                          the portal: say what you want, see your films
    GET  /watch/{film}              the player (MSE over the film's fMP4 segments)
    POST /api/films                 {prompt, episodes?, seconds?, rating?} -> a film starts being made
    GET  /api/films                 your films
    GET  /api/films/{film}          its status, the choice waiting (if any), what was chosen
    POST /api/films/{film}/choice   {choice_id, option_id, by?}
    POST /api/films/{film}/continue keep going: the next episode, from where this film ended
    POST /api/films/{film}/revise   {note, beat? | episode?}: the owner has the server's LLM rewrite a scene
                                    or an episode; a new film of it, only the revised scenes drawn again
    GET  /api/films/{film}/provenance  its signed C2PA manifests (the film; each streamed episode), verified
    GET  /api/me                    your viewer code (give it to a friend who lets you cast them)
    POST /api/likenesses?name=&agree=true&days=&voice=low|middle|high&pronouns=she|he|they  body: your photo -> your
                                    likeness (+ your own consent)
    GET  /api/likenesses            yours, and those others let you cast
    POST /api/likenesses/{id}/consents  {to, uses, days}: let another viewer cast you
    POST /api/consents/{id}/revoke  take a consent back (every later render that would use it is refused)
    GET  /api/likenesses/{id}/uses  every film your likeness was cast in
    POST /api/films/{film}/again    watch the story again (told with variety: what you saw before is avoided)
    POST /api/films/{film}/setting  {time_of_day?, weather?}: change the setting from the next beat
    POST /api/films/{film}/steer    {ending}: steer towards a kind of ending
    POST /api/films/{film}/save     {characters}: ask the director to keep them alive
    DELETE /api/films/{film}        the film (stopped if being made), its files, sessions and events
    DELETE /api/likenesses/{id}     your likeness, its thumbnail, the consents you gave for it, its uses log
    DELETE /api/profile             your profile;   DELETE /api/me: you and everything of yours
    GET  /films/{film}/stream/{f}   init.mp4, seg_NNNNN.m4s, index.json; provenance.json and
                                    episode_NN.c2pa: each streamed episode's signed C2PA manifest
    WS   /ws/films/{film}           telemetry in (play, pause, seek, ...; camera frames only if the
                                    viewer turns webcam attention on), status out

A viewer is whoever holds the ``dreamreel_token`` cookie (set on their first visit to a page);
every film, stream file, session and event is looked up together with its viewer, so one
viewer's ids are simply not found for another. Every media response says it is AI-generated
(``X-AI-Generated``). A request that changes anything, and every WebSocket handshake, must come
from this server's own pages (Origin / Sec-Fetch-Site: no cross-site or same-site forgery).
What a client may send is bounded (``Limits``); every refusal is one line of JSON.

The parts: ``guard`` (limits, strict JSON, CSRF), ``schemas`` (the typed requests and replies),
``server`` (the state: database, films made and waiting), ``deps`` (the current viewer and their
film, as FastAPI dependencies), ``routes/`` (an APIRouter an area: pages, films, likenesses,
viewer, telemetry), ``rooms`` (watching together) and ``tellings`` (shared tellings); ``recovery`` is
what a server finds at start.
"""

from __future__ import annotations

import asyncio
import re
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from ..errors import DreamreelError
from ..trust.licences import Sandbox
from .guard import (MAX_BODY_BYTES, MAX_PHOTO_BYTES, NOT_TEXT, AsciiJSON, Bucket, Guard, Limits, StrictRoute, clean,
                    strict_json)
from .routes import films, learning, likenesses, pages, telemetry, viewer
from .routes.telemetry import MAX_EVENTS_PER_MESSAGE, MAX_EVENTS_PER_SECOND, MAX_MESSAGE_BYTES
from .schemas import NewFilm, Telemetry
from .server import AI_HEADERS, COOKIE, KEEP_FINISHED, STREAM_FILE, Server, live_capacity

if TYPE_CHECKING:
    from ..narrative.llm.base import LLMBackend

__all__ = ["AI_HEADERS", "COOKIE", "KEEP_FINISHED", "MAX_BODY_BYTES", "MAX_EVENTS_PER_MESSAGE",
           "MAX_EVENTS_PER_SECOND", "MAX_MESSAGE_BYTES", "MAX_PHOTO_BYTES", "STREAM_FILE", "Bucket", "Limits",
           "NewFilm", "Server", "Telemetry", "create_app", "live_capacity", "strict_json"]


def create_app(db_url: str, data_dir: str | Path, *, res: str = "720p", make_kw: dict[str, Any] | None = None,
               live_kw: dict[str, Any] | None = None, secure_cookies: bool = False,
               film_budget: float | None = None, viewer_budget: float | None = None,
               sandbox: Sandbox | None = None, limits: Limits | None = None,
               llm: LLMBackend | None = None, origins: list[str] | tuple[str, ...] = ()) -> FastAPI:
    """The app. ``make_kw`` goes to ``make_film`` (e.g. a voice backend), ``live_kw`` to each
    ``LiveFilm`` (e.g. ``lead_s=None``: make films at full speed whether watched or not).
    ``origins``: pages other than the server's own address that may act for its viewers (the
    public address behind a proxy that rewrites Host, e.g. ``https://films.example.org``).
    ``llm``: the model that revises films for their owners (``serve.revising``; None: not here)."""
    server = Server(db_url, Path(data_dir), res=res, make_kw=make_kw, live_kw=live_kw, film_budget=film_budget,
                    viewer_budget=viewer_budget, sandbox=sandbox, limits=limits)
    server.secure_cookies = secure_cookies
    server.llm = llm

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> Any:
        yield
        await asyncio.to_thread(server.close)

    app = FastAPI(title="dreamreel", docs_url=None, redoc_url=None, openapi_url=None,
                  default_response_class=AsciiJSON, lifespan=lifespan)
    app.router.route_class = StrictRoute
    app.add_middleware(Guard, limits=server.limits, origins=frozenset(o.lower().rstrip("/") for o in origins))
    app.state.server = server

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, e: RequestValidationError) -> JSONResponse:
        """One line: where and what (never the input itself, which may be huge or not text)."""
        errors = e.errors()
        first: dict[str, Any] = dict(errors[0]) if errors else {"loc": (), "msg": "invalid", "type": ""}
        loc = [p for p in first.get("loc", ()) if p not in ("body", "query", "path", "cookie")]
        if first.get("type") == "extra_forbidden":
            loc, msg = loc[:-1], "a field this request does not take"
        elif first.get("type") == "json_invalid":
            why = str((first.get("ctx") or {}).get("error", "cannot be read"))
            loc, msg = [], why if why.startswith(NOT_TEXT) else f"not JSON ({why})"
        else:
            msg = str(first.get("msg", "invalid")).removeprefix("Value error, ")
        where = ".".join(str(p) for p in loc if isinstance(p, int) or re.fullmatch(r"[A-Za-z_]{1,32}", str(p)))
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        return AsciiJSON({"detail": clean(f"bad request: {where + ': ' if where else ''}{msg}{more}", 300)},
                         status_code=422)

    @app.exception_handler(DreamreelError)
    async def _dreamreel_error(_: Request, e: DreamreelError) -> JSONResponse:
        from ..cost.budget import OverBudgetError
        from ..trust.licences import LicenceError
        from ..trust.likeness import ConsentError

        status = 403 if isinstance(e, (ConsentError, LicenceError)) else 402 if isinstance(e, OverBudgetError) else 400
        return AsciiJSON({"detail": str(e)}, status_code=status)

    for area in (pages, films, likenesses, viewer, telemetry, learning):
        app.include_router(area.router)
    from . import rooms, tellings
    rooms.install(app)      # watching together: rooms, their page and their socket
    tellings.install(app)   # shared tellings: links to a film's telling, and where paths diverged
    return app
