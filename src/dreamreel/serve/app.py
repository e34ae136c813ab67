"""`dreamreel serve`: the portal, the player and their API, over FastAPI.

    GET  /                          the portal: say what you want, see your films
    GET  /watch/{film}              the player (MSE over the film's fMP4 segments)
    POST /api/films                 {prompt, episodes?, seconds?, rating?} -> a film starts being made
    GET  /api/films                 your films
    GET  /api/films/{film}          its status, the choice waiting (if any), what was chosen
    POST /api/films/{film}/choice   {choice_id, option_id, by?}
    POST /api/films/{film}/continue keep going: the next episode, from where this film ended
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
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import queue
import re
import threading
import time
from collections import defaultdict, deque
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from fastapi import (
    Cookie,
    FastAPI,
    HTTPException,
    Request,
    Response,
    WebSocket,
    WebSocketDisconnect,
)
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.routing import APIRoute
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import DreamreelError
from ..cost.budget import film_seconds
from ..model import Request as FilmRequest
from ..store.db import Database, Film, StoreError, Viewer
from ..store.files import write_atomic
from ..trust.licences import Sandbox
from .live import ENDED, LiveFilm
from .recovery import check_not_lost, clean_interrupted, clean_render_temp, damaged_films

log = logging.getLogger("dreamreel.serve")
COOKIE = "dreamreel_token"
#: Beside a continuation: the episode and state it began from.
STARTED = "start.json"
AI_HEADERS = {"X-AI-Generated": "true", "X-Content-Label": "AI-generated film made with dreamreel"}
_STREAM_FILE = re.compile(r"^(init\.mp4|index\.json|seg_\d{5}\.m4s|episode_\d{2}\.c2pa|provenance\.json)$")
#: Telemetry limits: a message, events in it, and events a second per connection.
MAX_MESSAGE_BYTES = 16_384
MAX_EVENTS_PER_MESSAGE = 64
MAX_EVENTS_PER_SECOND = 40
MAX_BODY_BYTES = 256_000
#: A photo for casting (the one request allowed to be bigger).
MAX_PHOTO_BYTES = 8_000_000


@dataclass(frozen=True)
class Limits:
    """What one viewer (or one address) may ask of the server. Every limit is checked without
    trusting what the client says about itself (a body is counted as it arrives, a photo's size
    is read from its header before it is decoded)."""

    #: Bytes in a request body (the photo for a likeness: ``photo_bytes``), counted as they arrive.
    body_bytes: int = MAX_BODY_BYTES
    photo_bytes: int = MAX_PHOTO_BYTES
    #: Pixels in a photo, read from its header (12 MP: a phone's photo; decoding one is ~36 MB).
    photo_pixels: int = 12_000_000
    #: Seconds of one film (all its episodes).
    film_seconds: int = 1800
    #: Films one viewer may have being made at once, and their requested length in all.
    films_at_once: int = 2
    seconds_at_once: int = 2400
    #: Films made at once (None: from this machine's cores and what a live film was measured to
    #: cost, ``live_capacity``), and films that may wait for a free slot beyond them (then: 503).
    live_films: int | None = None
    waiting: int = 8
    #: Telemetry sockets one viewer may have open at once, messages a second on each (a burst
    #: of twice that; over it the socket is closed), bad messages before it is closed.
    sockets_per_viewer: int = 4
    messages_per_second: int = 20
    bad_messages: int = 8
    #: New viewers one address may be given (a burst of this many, then this many a minute).
    new_viewers_per_minute: int = 30
    #: A viewer who has left nothing here (no film, profile, likeness or consent) is forgotten
    #: this long after their first visit.
    anonymous_s: float = 86_400.0


class Bucket:
    """A token bucket: ``rate`` a second, at most ``burst`` saved up."""

    def __init__(self, rate: float, burst: float):
        self.rate, self.burst, self.left, self.at = float(rate), float(burst), float(burst), None

    def take(self, now: float, n: float = 1.0) -> bool:
        if self.at is not None:
            self.left = min(self.burst, self.left + (now - self.at) * self.rate)
        self.at = now
        if self.left < n:
            return False
        self.left -= n
        return True

    def full(self, now: float) -> bool:
        return self.at is None or self.left + (now - self.at) * self.rate >= self.burst


class EventWriter:
    """Telemetry into the database on a thread of its own, many sockets' events a transaction,
    so the event loop never waits on the database. At most ``most`` messages wait; past that,
    new ones are dropped (and the socket is told)."""

    def __init__(self, db: Database, most: int = 10_000):
        self.db = db
        self.dropped = 0
        self._q: queue.Queue[tuple[str, str, float, list[tuple[str, dict]]] | None] = queue.Queue(maxsize=most)
        self._thread = threading.Thread(target=self._run, name="dreamreel-events", daemon=True)
        self._thread.start()

    def add(self, session_id: str, viewer_id: str, events: list[tuple[str, dict]]) -> bool:
        try:
            self._q.put_nowait((session_id, viewer_id, time.time(), events))
            return True
        except queue.Full:
            self.dropped += 1
            return False

    def _run(self) -> None:
        done = False
        while not done:
            batch = [self._q.get()]
            while len(batch) < 1000:
                try:
                    batch.append(self._q.get_nowait())
                except queue.Empty:
                    break
            done = None in batch
            try:
                self.db.add_event_batches([b for b in batch if b is not None])
            except Exception:  # noqa: BLE001 - a database error loses these events, not the writer
                log.exception("telemetry: %d messages not stored", len(batch))
            finally:
                for _ in batch:
                    self._q.task_done()

    def flush(self, timeout: float) -> None:
        """Wait (up to ``timeout`` s) until what was added so far is stored."""
        deadline = time.monotonic() + timeout
        while self._q.unfinished_tasks and time.monotonic() < deadline:
            time.sleep(0.005)

    def close(self, timeout: float = 5.0) -> None:
        try:
            self._q.put(None, timeout=timeout)
        except queue.Full:
            return
        self._thread.join(timeout)


def _clean(text: str, most: int = 200) -> str:
    """``text`` safe to put in a reply: printable ASCII (anything else escaped), at most ``most``."""
    out = text.encode("ascii", "backslashreplace").decode("ascii")
    out = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in out)
    return out if len(out) <= most else out[:most - 3] + "..."


def _not_a_number(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")


def _finite(text: str) -> float:
    x = float(text)
    if not math.isfinite(x):
        raise ValueError("a number too large for JSON")
    return x


_SURROGATE = re.compile("[\ud800-\udfff]")


def strict_json(raw: bytes | str) -> Any:
    """JSON as RFC 8259 has it: UTF-8, finite numbers (no NaN, Infinity or 1e999), no lone
    surrogates (``"\\ud800"``). Anything else raises ``json.JSONDecodeError`` with a message
    that does not repeat the input."""
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        data = json.loads(text, parse_constant=_not_a_number, parse_float=_finite)
    except json.JSONDecodeError as e:
        raise json.JSONDecodeError(e.msg, "", e.pos) from None
    except (ValueError, RecursionError) as e:  # UnicodeDecodeError is a ValueError
        msg = "not UTF-8" if isinstance(e, UnicodeDecodeError) else \
            "nested too deeply" if isinstance(e, RecursionError) else str(e)
        raise json.JSONDecodeError(msg, "", 0) from None
    stack = [data]
    while stack:
        x = stack.pop()
        if isinstance(x, str):
            if _SURROGATE.search(x):
                raise json.JSONDecodeError("a lone surrogate (\\ud800-\\udfff) is not text", "", 0)
        elif isinstance(x, dict):
            stack.extend(x.keys())
            stack.extend(x.values())
        elif isinstance(x, list):
            stack.extend(x)
    return data


class _StrictRequest(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            self._json = strict_json(await self.body())
        return self._json


class _StrictRoute(APIRoute):
    """Every JSON body is read with ``strict_json``."""

    def get_route_handler(self) -> Any:
        handler = super().get_route_handler()

        async def strict(request: Request) -> Response:
            return await handler(_StrictRequest(request.scope, request.receive))

        return strict


class _TooLarge(HTTPException):
    def __init__(self, limit: int):
        super().__init__(413, f"request body over {limit} bytes")


#: Requests that change nothing (the rest must come from this server's own pages).
_SAFE = ("GET", "HEAD", "OPTIONS")


def foreign(headers: list[tuple[bytes, bytes]], allowed: frozenset[str] = frozenset()) -> str | None:
    """Why a browser's request is not from this server's own pages (None: it is, or it is not
    from a browser). A browser says where a request comes from: ``Origin`` (on every POST, PUT,
    DELETE and WebSocket handshake) and ``Sec-Fetch-Site``; a page on another port of the same
    host (same-site, so the cookie goes with it) says so in both. A client that sends neither
    is a program holding the viewer's token itself, not a page forging their request."""
    h = {k.lower(): v.decode("latin-1").strip().lower() for k, v in headers
         if k.lower() in (b"origin", b"sec-fetch-site", b"host")}
    origin, site = h.get(b"origin"), h.get(b"sec-fetch-site")
    listed = origin is not None and origin.rstrip("/") in allowed
    if origin is not None and not listed and (origin == "null" or urlsplit(origin).netloc != h.get(b"host", "")):
        return "refused: it came from a page that is not this server's own (its Origin)"
    if site is not None and site != "same-origin" and not listed:
        return "refused: it came from a page that is not this server's own (Sec-Fetch-Site)"
    return None


class _Guard:
    """Around the whole app: a request body is counted as it arrives (with or without a
    Content-Length) and cut off at the limit without being held; a request that changes
    something, and every WebSocket handshake, must come from this server's own pages (CSRF:
    ``foreign``); refusals are logged."""

    def __init__(self, app: ASGIApp, limits: Limits, origins: frozenset[str] = frozenset()):
        self.app, self.limits, self.origins = app, limits, origins

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        client = (scope.get("client") or ("?",))[0]
        if scope["type"] == "websocket" or scope["method"] not in _SAFE:
            why = foreign(scope.get("headers", []), self.origins)
            if why is not None:
                log.warning("refused %s %s from %s: another site's page", scope.get("method", "WS"), path, client)
                if scope["type"] == "websocket":
                    await receive()  # (the handshake: refused before it is accepted, as HTTP 403)
                    await send({"type": "websocket.close", "code": 4403, "reason": why})
                else:
                    await _reply(send, 403, why)
                return
        if scope["type"] == "websocket":
            await self.app(scope, receive, send)
            return
        limit = self.limits.photo_bytes if path == "/api/likenesses" else self.limits.body_bytes
        length = next((v for k, v in scope.get("headers", []) if k == b"content-length"), None)
        if length is not None and (not length.isdigit() or int(length) > limit):
            log.warning("refused %s %s from %s: body over %d bytes", scope["method"], path, client, limit)
            await _reply(send, 413, f"request body over {limit} bytes")
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    log.warning("refused %s %s from %s: body over %d bytes", scope["method"], path, client, limit)
                    raise _TooLarge(limit)
            return message

        async def logged(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] in (401, 402, 403, 429):
                # no viewer, a forged token, over budget, no consent or licence, too many
                log.warning("refused %s %s from %s: %d", scope["method"], path, client, message["status"])
            await send(message)

        await self.app(scope, counted, logged)


async def _reply(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


class Casting(BaseModel):
    model_config = ConfigDict(extra="forbid")
    likeness: str = Field(max_length=64)
    #: A role (protagonist, antagonist, ally ...) or a character id.
    role: str = Field(default="protagonist", max_length=64)


class Grant(BaseModel):
    model_config = ConfigDict(extra="forbid")
    to: str = Field(max_length=64)          # the other viewer's code (GET /api/me)
    uses: list[Literal["protagonist", "any_role"]] = Field(default_factory=lambda: ["any_role"], max_length=2)
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


def check_photo(data: bytes, most_pixels: int) -> None:
    """Refuse a photo over ``most_pixels`` from its header, before any of it is decoded (a small
    PNG can unpack to hundreds of MB)."""
    import io

    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as im:  # (reads the header only)
            w, h = im.size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return  # not a picture Pillow knows: cast_from_photo says so in its own words
    if w * h > most_pixels:
        raise HTTPException(413, f"the photo is {w}x{h} pixels ({w * h / 1e6:.1f} MP); send one of at most "
                                 f"{most_pixels / 1e6:.0f} MP")


class _JSON(JSONResponse):
    """JSON replies in ASCII (any text survives, even a lone surrogate), never NaN."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=True, allow_nan=False, separators=(",", ":")).encode("ascii")


def _page(name: str) -> str:
    return (files("dreamreel.serve") / "static" / name).read_text(encoding="utf-8")


class Server:
    """The app's state: the database, the films being made, where films live on disk."""

    def __init__(self, db_url: str, data_dir: Path, *, res: str = "720p", make_kw: dict[str, Any] | None = None,
                 live_kw: dict[str, Any] | None = None, film_budget: float | None = None,
                 viewer_budget: float | None = None, sandbox: Sandbox | None = None, limits: Limits | None = None):
        self.limits = limits or Limits()
        self.db = Database(db_url)
        self.data_dir = Path(data_dir)
        try:  # (a store that looks lost or damaged: one line, and no start)
            check_not_lost(self.db, self.data_dir / "films")
        except StoreError:
            self.db.forget()
            raise
        # A film being made when the last server stopped is not coming: marked, its half-made
        # files cleaned (and its stream closed where it stopped).
        for film_id in self.db.interrupt_unfinished():
            clean_interrupted(self.folder(film_id))
        clean_render_temp()
        #: Finished films whose files do not hold, and why (reported, never served as whole).
        self.damaged = damaged_films(self.db, self.data_dir / "films")
        self.res = res
        self.make_kw = dict(make_kw or {})  # (a copy: the sandbox is added to it)
        self.live_kw = live_kw or {}
        self.film_budget, self.viewer_budget = film_budget, viewer_budget
        #: A studio's sandbox: every film is written from its packs, and nothing outside them is made.
        self.sandbox = sandbox
        if sandbox is not None:
            self.make_kw["sandbox"] = sandbox
        self.live: dict[str, LiveFilm] = {}
        #: Films waiting for a slot (admission control), first come first made.
        self.waiting: deque[LiveFilm] = deque()
        #: What status showed of a finished film no longer in memory (read back from status.json).
        self._kept: dict[str, dict[str, Any]] = {}
        self._lock = threading.RLock()
        #: Telemetry on its way to the database.
        self.events = EventWriter(self.db)
        global _SERVERS
        with _SERVERS_LOCK:
            _SERVERS += 1
        #: Per address: the new viewers it may still be given.
        self._welcomes: dict[str, Bucket] = {}
        self._swept = time.monotonic()
        self.db.expire_anonymous(self.limits.anonymous_s)
        self._attention: Any = None

    def new_viewer(self, address: str) -> str:
        """A new viewer's token, for a visit from ``address`` (429 past ``new_viewers_per_minute``).
        Now and then, viewers who left nothing are forgotten (``Limits.anonymous_s``)."""
        rate = self.limits.new_viewers_per_minute
        now = time.monotonic()
        with self._lock:
            if not self._welcomes.setdefault(address, Bucket(rate / 60.0, rate)).take(now):
                raise HTTPException(429, f"too many new viewers from your address (at most {rate} a minute): "
                                         f"try again in a minute, or keep the cookie this page gives you")
            if len(self._welcomes) > 10_000:  # forget addresses that are full again
                self._welcomes = {a: b for a, b in self._welcomes.items() if not b.full(now)}
            sweep = now - self._swept > 600.0
            if sweep:
                self._swept = now
        if sweep:
            threading.Thread(target=self.db.expire_anonymous, args=(self.limits.anonymous_s,), daemon=True).start()
        return self.db.new_viewer()[1]

    def close(self, timeout: float = 10.0) -> None:
        """The server stops: films being made are stopped (and marked interrupted), telemetry
        is stored, the render workers are shut down and the database is checkpointed."""
        from ..render_pool import shutdown_shared

        with self._lock:
            self.waiting.clear()  # (marked interrupted by the next server to start)
            making = [f for f in self.live.values() if f.status == "making"]
        for live in making:
            live.stop("interrupted: the server stopped while it was being made")
        deadline = time.monotonic() + timeout
        for live in making:
            live.join(max(0.0, deadline - time.monotonic()))
        self.events.close()
        global _SERVERS
        with _SERVERS_LOCK:
            _SERVERS -= 1
            last = _SERVERS == 0
        if last:  # (another server in this process may still be rendering with them)
            shutdown_shared()
        self.db.close()

    def delete_film(self, viewer: Viewer, film_id: str) -> bool:
        """A viewer's film, everything recorded of it and its files (stopped first if it is
        being made). False if it is not theirs."""
        import shutil

        if not self.db.delete_film(film_id, viewer.id):
            return False
        folder = self.folder(film_id)
        with self._lock:
            live = self.live.pop(film_id, None)
            if live is not None and live in self.waiting:  # never started: nothing to stop
                self.waiting.remove(live)
                live.status, live.error, live = "failed", "deleted by its viewer before it was made", None
        if live is not None and live.status == "making":
            live.stop("deleted by its viewer")
            live.on_done.append(lambda _: shutil.rmtree(folder, ignore_errors=True))  # what it wrote last
            live.join(10.0)
        shutil.rmtree(folder, ignore_errors=True)
        return True

    def delete_viewer(self, viewer: Viewer) -> int:
        """The viewer and everything of theirs (``Database.delete_viewer``), their films' files too."""
        films = [f.id for f in self.db.films(viewer.id)]
        for film_id in films:
            self.delete_film(viewer, film_id)
        self.db.delete_viewer(viewer.id)
        return len(films)

    def attention(self) -> Any:
        """The face detector for webcam attention, loaded when a viewer first turns it on."""
        if self._attention is None:
            from ..director.attention import Attention

            self._attention = Attention()
        return self._attention

    def folder(self, film_id: str) -> Path:
        return self.data_dir / "films" / film_id

    def start_film(self, viewer: Viewer, ask: NewFilm) -> Film:
        from ..narrative.planner import plan

        fields: dict[str, Any] = {"prompt": ask.prompt, "rating": ask.rating}
        if ask.episodes is not None:
            fields["episodes"] = ask.episodes
        if ask.seconds is not None:
            fields["target_seconds"] = ask.seconds
        try:
            request = FilmRequest(**fields)
        except ValidationError as e:
            raise HTTPException(422, f"bad request: {e.errors()[0]['msg']}") from None
        # (refused before anything is written, with the least it could be; checked again once written)
        self.admit(viewer, float(request.target_seconds if ask.seconds else 15) * (ask.episodes or 1))
        self.check_room()
        profile = None
        if viewer.profile:
            from ..model import Profile
            profile = Profile.model_validate_json(viewer.profile)
        written_in, replacing, used = self.cast(viewer, [(c.likeness, c.role) for c in ask.cast])
        story = plan(request, profile, seed=ask.seed, pack=self.sandbox.packs[0] if self.sandbox else None,
                     cast=written_in)
        for likeness, role in replacing:
            story = self.cast_over(story, likeness, role)
        if self.sandbox is not None:  # refused now, before anything is made
            self.sandbox.check(story)
        fitted = self.afford(viewer, story)
        with self._lock:  # (two requests at once do not both fit in the room left for one)
            self.admit(viewer, film_seconds(story))
            self.check_room()
            film = self.db.add_film(viewer.id, ask.prompt, story.bible.title, story.model_dump_json())
            for likeness_id, consent_id, role in used:
                self.db.log_use(likeness_id, consent_id, viewer.id, film.id, role)
            self._launch(film, story, ask.seed, profile, adaptive=ask.adaptive, fitted=fitted)
        return film

    def admit(self, viewer: Viewer, seconds: float) -> None:
        """Refuse (429, before anything is made) a film over the length one film may have, or
        one that would take this viewer over the films, or the seconds of film, being made at once."""
        lim = self.limits
        if seconds > lim.film_seconds:
            raise HTTPException(422, f"a film here is at most {lim.film_seconds // 60} minutes "
                                     f"(this one would be {seconds / 60:.0f}): ask for fewer or shorter episodes")
        with self._lock:
            making = [f for f in self.live.values() if f.viewer == viewer.id and f.status in ("queued", "making")]
        if len(making) >= lim.films_at_once:
            raise HTTPException(429, f"you have {len(making)} films being made already (at most {lim.films_at_once} "
                                     f"at once): wait for one to finish")
        busy = sum(f.length_s for f in making)
        if busy + seconds > lim.seconds_at_once:
            raise HTTPException(429, f"your films being made run {busy / 60:.0f} minutes already; this one "
                                     f"({seconds / 60:.0f} min) would take you over {lim.seconds_at_once // 60} "
                                     f"minutes at once: wait for one to finish")

    def spent(self, viewer: Viewer) -> float:
        """What this viewer's films have cost so far (measured, at the default prices)."""
        from ..cost.ledger import load
        from ..cost.prices import priced

        reports = [load(p) for f in self.db.films(viewer.id) if (p := self.folder(f.id) / "cost.json").is_file()]
        return priced(reports)["total"] if reports else 0.0

    def afford(self, viewer: Viewer, story: Any, episodes: int | None = None) -> Any:
        """How this film can be made within the film's and the viewer's budgets (cheaper if it
        must be); OverBudgetError, before anything is made, if not at all."""
        from ..cost.budget import film_seconds, fit

        left = [self.film_budget] if self.film_budget is not None else []
        if self.viewer_budget is not None:
            left.append(self.viewer_budget - self.spent(viewer))
        budget = min(left) if left else None
        return fit(film_seconds(story, episodes), self.res, budget, live=True)

    def cast(self, viewer: Viewer, wanted: list[tuple[str, str]]) -> tuple[dict[str, Any], list[tuple[Any, str]],
                                                                         list[tuple[str, str, str]]]:
        """Real people to cast, each only with a valid consent to this viewer for the role
        (ConsentError otherwise, before anything is written). A likeness in a leading part
        (protagonist, antagonist, wildcard) is written into the story from the start, so its
        lines say their name and pronouns; in another part it replaces who was written there
        (``cast_over``). Returns (performers to write in, by role), (likeness, role) to cast over,
        and the uses (likeness, consent, role) to log."""
        from ..narrative.planner import CASTABLE
        from ..trust.likeness import as_performer, require_consent

        if wanted and self.sandbox is not None:
            from ..trust.licences import LicenceError

            raise LicenceError(f"this server is a sandbox of {self.sandbox}: only its own characters are cast, "
                               f"not likenesses")
        written_in: dict[str, Any] = {}
        replacing, used = [], []
        for likeness_id, role in wanted:
            likeness, consent = require_consent(self.db, likeness_id, viewer.id, role)
            used.append((likeness.id, consent.id, role))
            if role in CASTABLE and role not in written_in:
                written_in[role] = as_performer(likeness)
            else:
                replacing.append((likeness, role))
        return written_in, replacing, used

    @staticmethod
    def cast_over(story: Any, likeness: Any, role: str) -> Any:
        from ..model.bible import Look, VoiceSpec
        from ..trust.likeness import cast_into

        voice = VoiceSpec.model_validate_json(likeness.voice) if likeness.voice else None
        return cast_into(story, role, likeness.name, Look.model_validate_json(likeness.look), voice)[0]

    def recheck(self, viewer: Viewer, film: Film) -> list[tuple[str, str, str]]:
        """Before a film's story is made again (keep going, watch again): every likeness it cast
        must still have a valid consent (a revoked one stops it, with ConsentError)."""
        from ..trust.likeness import require_consent

        out = []
        for use in self.db.uses(film_id=film.id):
            _, consent = require_consent(self.db, use.likeness_id, viewer.id, use.role)
            out.append((use.likeness_id, consent.id, use.role))
        return out

    def ended(self, film: Film) -> dict[str, Any] | None:
        """Where a finished film ended ({"ending", "episode", "state"}, and "next" once continued)."""
        try:
            return json.loads((self.folder(film.id) / ENDED).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def started(self, film: Film) -> tuple[int, dict[str, Any]] | None:
        """Where a continuation began: (episode, state then); None for a film from the beginning."""
        try:
            episode, state = json.loads((self.folder(film.id) / STARTED).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return int(episode), dict(state)

    def continue_film(self, viewer: Viewer, film: Film, seed: int) -> Film:
        """Keep going: a new film of the story's next episode, from the ending and state this
        one reached (asking twice gives the same film)."""
        from ..model import Profile, Story
        from ..narrative.sequel import continue_story

        ended = self.ended(film)
        if ended is None:
            raise HTTPException(409, "this film has not reached an ending yet: keep going from its end")
        used = self.recheck(viewer, film)
        with self._lock:
            if ended.get("next") and self.db.film(ended["next"], viewer.id) is not None:
                return self.db.film(ended["next"], viewer.id)  # type: ignore[return-value]
            story = Story.model_validate_json(film.story)
            profile = Profile.model_validate_json(viewer.profile) if viewer.profile else None
            sequel = continue_story(story, ended["ending"], profile=profile, seed=seed,
                                    pack=self.pack_for(story))
            n = ended["episode"] + 1
            fitted = self.afford(viewer, sequel, episodes=1)
            self.admit(viewer, film_seconds(sequel, 1))
            self.check_room()
            new = self.db.add_film(viewer.id, f"{film.prompt.split(' (episode ')[0]} (episode {n})",
                                   sequel.bible.title, sequel.model_dump_json())
            ended["next"] = new.id
            write_atomic(self.folder(film.id) / ENDED, json.dumps(ended))
            for likeness_id, consent_id, role in used:
                self.db.log_use(likeness_id, consent_id, viewer.id, new.id, role)
        self._launch(new, sequel, seed, profile, adaptive=True, start=(n, ended["state"]), fitted=fitted)
        return new

    def again(self, viewer: Viewer, film: Film, seed: int) -> Film:
        """The same story once more, for the same viewer: the director prefers the tellings and
        branches they have not seen in their earlier viewings of it."""
        from ..director.drama import Seen
        from ..model import Profile, Story
        from ..model.shot import PathStep

        story = Story.model_validate_json(film.story)
        seen = Seen()
        for earlier in self.db.films(viewer.id):
            ended = self.ended(earlier)
            if ended and ended.get("played") and json.loads(earlier.story).get("id") == story.id:
                seen.add(story, [PathStep.model_validate(s) for s in ended["played"]])
        profile = Profile.model_validate_json(viewer.profile) if viewer.profile else None
        used = self.recheck(viewer, film)
        start = self.started(film)
        fitted = self.afford(viewer, story, episodes=1 if start else None)
        with self._lock:
            self.admit(viewer, film_seconds(story, 1 if start else None))
            self.check_room()
            new = self.db.add_film(viewer.id, film.prompt, story.bible.title, film.story)
            for likeness_id, consent_id, role in used:
                self.db.log_use(likeness_id, consent_id, viewer.id, new.id, role)
            self._launch(new, story, seed, profile, adaptive=True, start=start, seen=seen, fitted=fitted)
        return new

    def pack_for(self, story: Any) -> Any:
        """The sandbox's pack a story was written from (None: none of them)."""
        shas = {a.sha256 for a in story.assets}
        return next((p for p in self.sandbox.packs if p.sha256 in shas), None) if self.sandbox else None

    def _launch(self, film: Film, story: Any, seed: int, profile: Any, *, adaptive: bool,
                start: Any = None, seen: Any = None, fitted: Any = None) -> None:
        if start is not None:  # a continuation: where it goes on from, kept for watching it again
            self.folder(film.id).mkdir(parents=True, exist_ok=True)
            write_atomic(self.folder(film.id) / STARTED, json.dumps(list(start)))
        res, make_kw = self.res, dict(self.make_kw)
        if fitted is not None:  # the budget's way of making it
            res = fitted.res
            make_kw.setdefault("prefetch", fitted.prefetch)
        live = LiveFilm(film.id, story, self.folder(film.id), seed=seed, res=res, make_kw=make_kw,
                        profile=profile, adaptive=adaptive, start=start, seen=seen, viewer=film.viewer_id,
                        notes=fitted.notes if fitted is not None else None, **self.live_kw)
        live.length_s = film_seconds(story, 1 if start is not None else None)
        live.on_done.append(self._finished)
        with self._lock:
            self.live[film.id] = live
            self.waiting.append(live)
        self._admit()

    def capacity(self) -> int:
        return self.limits.live_films if self.limits.live_films is not None else live_capacity(self.res)

    def check_room(self) -> None:
        """Refuse a film now (503, before anything is made) when every slot is taken and the
        queue for them is full."""
        with self._lock:
            making = sum(1 for f in self.live.values() if f.status == "making")
            if making >= self.capacity() and len(self.waiting) >= self.limits.waiting:
                raise HTTPException(503, f"the server is full: {making} films are being made and "
                                         f"{len(self.waiting)} are waiting; try again in a few minutes")

    def _admit(self) -> None:
        """Start waiting films while a slot is free (a film being made keeps its slot to the end,
        so what is admitted does not stall for lack of machine)."""
        while True:
            with self._lock:
                making = sum(1 for f in self.live.values() if f.status == "making")
                if not self.waiting or making >= self.capacity():
                    return
                live = self.waiting.popleft()
                live.start()  # ("making" from here on)
            self.db.update_film(live.film_id, status="making")

    def queue_position(self, film_id: str) -> int | None:
        with self._lock:
            return next((i + 1 for i, f in enumerate(self.waiting) if f.film_id == film_id), None)

    def _finished(self, live: LiveFilm) -> None:
        self.db.update_film(live.film_id, status=live.status, error=live.error, seconds=live.seconds)
        try:  # what its status shows, for when it is no longer in memory
            write_atomic(self.folder(live.film_id) / "status.json", json.dumps(self._live_status(live)))
        except (OSError, DreamreelError):
            pass
        with self._lock:  # finished films leave memory, but for the last few (their players may still play)
            done = sorted((f for f in self.live.values() if f.finished_at), key=lambda f: f.finished_at)
            for old in done[:max(0, len(done) - KEEP_FINISHED)]:
                del self.live[old.film_id]
        self._admit()  # its slot goes to the next film waiting
        _give_back_memory()

    def status(self, film: Film) -> dict[str, Any]:
        live = self.live.get(film.id)
        out: dict[str, Any] = {"id": film.id, "title": film.title, "prompt": film.prompt,
                               "status": live.status if live else film.status,
                               "error": live.error if live else film.error, "created": film.created,
                               "watch": f"/watch/{film.id}", "stream": f"/films/{film.id}/stream/index.json"}
        # (Pushed twice a second to every player: a film being made has no ending yet, so the
        # disk is read only for finished films.)
        ended = live.ended if live is not None and live.status != "ready" else self.ended(film)
        out["can_continue"] = ended is not None and ended.get("ending") in _extension_endings(film.story)
        out["next"] = (ended or {}).get("next")
        if live is not None:
            out.update(self._live_status(live))
            if live.status == "queued":
                out["queue_position"] = self.queue_position(film.id)
                out["capacity"] = self.capacity()
        elif film.status not in ("queued", "making"):
            out.update(self._saved_status(film.id))
        if film.id in self.damaged:
            out["status"], out["error"] = "damaged", f"this film's files are damaged: {self.damaged[film.id]}"
        return out

    @staticmethod
    def _live_status(live: LiveFilm) -> dict[str, Any]:
        e = live.engagement.estimate
        # What will be made instead of what was asked (a rating above the ceiling, a budget).
        planner = live.story.generator.get("notes", "")
        return {
            "pending_choice": asdict(live.pending) if live.pending else None,
            "taken": [asdict(t) for t in live.taken],
            "made_seconds": round(live.made_s, 3),
            "engagement": {"level": e.level, "confidence": e.confidence, "score": e.score},
            "interventions": [asdict(i) for i in live.drama.log],
            "goal": live.drama.goal,
            "endings": sorted({e.kind for e in live.story.graph.endings}),
            "cast": [{"id": c.id, "name": c.name} for c in live.story.bible.cast],
            "saving": sorted(live.drama.protect),
            "setting": live.setting,
            "notes": ([n for n in planner.split("; ") if n] if planner else []) + live.notes,
        }

    def _saved_status(self, film_id: str) -> dict[str, Any]:
        """A finished film's status as it was when it left memory (read once, then kept)."""
        if film_id not in self._kept:
            try:
                saved = json.loads((self.folder(film_id) / "status.json").read_text(encoding="utf-8"))
            except (OSError, ValueError):
                saved = {}
            if len(self._kept) > 256:
                self._kept.clear()
            self._kept[film_id] = saved if isinstance(saved, dict) else {}
        return self._kept[film_id]


#: Cores to keep free for each live film so it does not stall: bench/serve.py measured 0.3-0.5
#: CPU seconds per second of 480p film made, but production comes in bursts (a beat's shots at
#: once, the stream a second ahead): on 2 cores 4 films at once stalled 8.7 s each (p50) and 8
#: stalled 92 s; 0.8 a film (2 at once there) is what ran without stalls (720p, 1080p scaled).
CORES_PER_LIVE_FILM = {"480p": 0.8, "720p": 1.0, "1080p": 1.6}


def live_capacity(res: str, cores: int | None = None) -> int:
    """Films this machine can make at once without stalling them: its cores (less a fifth for
    the server itself), over what one live film costs."""
    import os

    if cores is None:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, int(cores * 0.8 / CORES_PER_LIVE_FILM.get(res, 1.0)))


#: Servers open in this process (the last one to close shuts the shared render workers down).
_SERVERS = 0
_SERVERS_LOCK = threading.Lock()

#: Finished films kept in memory (their status as it was, for players still playing them).
KEEP_FINISHED = 8


def _give_back_memory() -> None:
    """Hand freed memory back to the system (glibc keeps it otherwise: a finished film's ~100 MB)."""
    import ctypes
    import gc

    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


@lru_cache(maxsize=64)
def _extension_endings(story_json: str) -> frozenset[str]:
    """The endings a story can go on from (extension points): parsed once per story."""
    try:
        graph = json.loads(story_json)["graph"]
    except (ValueError, KeyError):
        return frozenset()
    points = {x["beat"] for x in graph.get("extension_points", [])}
    return frozenset(e["id"] for e in graph.get("endings", []) if e["beat"] in points)


def create_app(db_url: str, data_dir: str | Path, *, res: str = "720p", make_kw: dict[str, Any] | None = None,
               live_kw: dict[str, Any] | None = None, secure_cookies: bool = False,
               film_budget: float | None = None, viewer_budget: float | None = None,
               sandbox: Sandbox | None = None, limits: Limits | None = None,
               origins: list[str] | tuple[str, ...] = ()) -> FastAPI:
    """The app. ``make_kw`` goes to ``make_film`` (e.g. a voice backend), ``live_kw`` to each
    ``LiveFilm`` (e.g. ``lead_s=None``: make films at full speed whether watched or not).
    ``origins``: pages other than the server's own address that may act for its viewers (the
    public address behind a proxy that rewrites Host, e.g. ``https://films.example.org``)."""
    server = Server(db_url, Path(data_dir), res=res, make_kw=make_kw, live_kw=live_kw, film_budget=film_budget,
                    viewer_budget=viewer_budget, sandbox=sandbox, limits=limits)
    @asynccontextmanager
    async def lifespan(_: FastAPI) -> Any:
        yield
        await asyncio.to_thread(server.close)

    app = FastAPI(title="dreamreel", docs_url=None, redoc_url=None, openapi_url=None, default_response_class=_JSON,
                  lifespan=lifespan)
    app.router.route_class = _StrictRoute
    app.add_middleware(_Guard, limits=server.limits, origins=frozenset(o.lower().rstrip("/") for o in origins))
    app.state.server = server

    writer = server.events
    sockets: defaultdict[str, int] = defaultdict(int)  # telemetry sockets open, per viewer
    handshakes: dict[str, Bucket] = {}  # and the sockets they may still open (a burst, then a few a second)

    def viewer_or_401(token: str | None) -> Viewer:
        viewer = server.db.viewer_by_token(token)
        if viewer is None:
            raise HTTPException(401, "no viewer: open the portal page first (it gives you a token)")
        return viewer

    def film_or_404(film_id: str, viewer: Viewer) -> Film:
        film = server.db.film(film_id, viewer.id) if re.fullmatch(r"[0-9a-f]{32}", film_id) else None
        if film is None:
            raise HTTPException(404, f"no film {film_id!r}")
        return film

    def live_or_409(film_id: str, token: str | None, what: str) -> LiveFilm:
        """The viewer's film that is still being made (a lever pulled on a finished one is refused)."""
        film = film_or_404(film_id, viewer_or_401(token))
        live = server.live.get(film.id)
        if live is None or live.status != "making":
            raise HTTPException(409, f"this film is finished: {what}")
        return live

    def page(name: str, token: str | None, request: Request) -> HTMLResponse:
        response = HTMLResponse(_page(name), headers={"Cache-Control": "no-store"})
        if server.db.viewer_by_token(token) is None:
            new = server.new_viewer(request.client.host if request.client else "?")
            response.set_cookie(COOKIE, new, httponly=True, samesite="strict", secure=secure_cookies,
                                max_age=3600 * 24 * 365)
        return response

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, e: RequestValidationError) -> JSONResponse:
        """One line: where and what (never the input itself, which may be huge or not text)."""
        errors = e.errors()
        first = errors[0] if errors else {"loc": (), "msg": "invalid", "type": ""}
        loc = [p for p in first.get("loc", ()) if p not in ("body", "query", "path")]
        if first.get("type") == "extra_forbidden":
            loc, msg = loc[:-1], "a field this request does not take"
        elif first.get("type") == "json_invalid":
            loc, msg = [], f"not JSON ({(first.get('ctx') or {}).get('error', 'cannot be read')})"
        else:
            msg = str(first.get("msg", "invalid")).removeprefix("Value error, ")
        where = ".".join(str(p) for p in loc if isinstance(p, int) or re.fullmatch(r"[A-Za-z_]{1,32}", str(p)))
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        return _JSON({"detail": _clean(f"bad request: {where + ': ' if where else ''}{msg}{more}", 300)},
                            status_code=422)

    @app.exception_handler(DreamreelError)
    async def _dreamreel_error(_: Request, e: DreamreelError) -> JSONResponse:
        from ..cost.budget import OverBudgetError
        from ..trust.licences import LicenceError
        from ..trust.likeness import ConsentError

        status = 403 if isinstance(e, (ConsentError, LicenceError)) else 402 if isinstance(e, OverBudgetError) else 400
        return _JSON({"detail": str(e)}, status_code=status)

    @app.get("/", response_class=HTMLResponse)
    def portal(request: Request, dreamreel_token: Annotated[str | None, Cookie()] = None) -> HTMLResponse:
        return page("portal.html", dreamreel_token, request)

    @app.get("/watch/{film_id}", response_class=HTMLResponse)
    def watch(film_id: str, request: Request, dreamreel_token: Annotated[str | None, Cookie()] = None) -> HTMLResponse:
        return page("player.html", dreamreel_token, request)

    @app.get("/static/{name}")
    def static(name: str) -> Response:
        if name not in ("portal.js", "player.js", "style.css"):
            raise HTTPException(404, "no such file")
        kind = "text/css" if name.endswith(".css") else "text/javascript"
        return Response(_page(name), media_type=kind)

    @app.post("/api/films")
    def new_film(ask: NewFilm, dreamreel_token: Annotated[str | None, Cookie()] = None) -> dict[str, Any]:
        viewer = viewer_or_401(dreamreel_token)
        film = server.start_film(viewer, ask)
        return server.status(film)

    @app.get("/api/films")
    def list_films(dreamreel_token: Annotated[str | None, Cookie()] = None) -> list[dict[str, Any]]:
        viewer = viewer_or_401(dreamreel_token)
        return [server.status(f) for f in server.db.films(viewer.id)]

    @app.get("/api/films/{film_id}")
    def film_status(film_id: str, dreamreel_token: Annotated[str | None, Cookie()] = None) -> dict[str, Any]:
        viewer = viewer_or_401(dreamreel_token)
        return server.status(film_or_404(film_id, viewer))

    @app.post("/api/films/{film_id}/choice")
    def choose(film_id: str, answer: ChoiceAnswer,
               dreamreel_token: Annotated[str | None, Cookie()] = None) -> dict[str, Any]:
        viewer = viewer_or_401(dreamreel_token)
        film = film_or_404(film_id, viewer)
        live = server.live.get(film.id)
        if live is None:
            raise HTTPException(409, "this film is finished: no choice is waiting")
        live.choose(answer.choice_id, answer.option_id, by=answer.by)
        return {"ok": True}

    @app.delete("/api/films/{film_id}")
    def delete_film(film_id: str, dreamreel_token: Annotated[str | None, Cookie()] = None) -> dict[str, Any]:
        """The film is stopped if it is being made, and deleted with its files, its watch
        sessions and their events, and the log of the likenesses cast in it."""
        viewer = viewer_or_401(dreamreel_token)
        film = film_or_404(film_id, viewer)
        if not server.delete_film(viewer, film.id):
            raise HTTPException(404, f"no film {film_id[:40]!r}")
        return {"deleted": film.id}

    @app.delete("/api/profile")
    def delete_profile(dreamreel_token: Annotated[str | None, Cookie()] = None) -> dict[str, Any]:
        """Your profile is forgotten: films are made for anyone again."""
        from ..model import Profile

        viewer = viewer_or_401(dreamreel_token)
        server.db.set_profile(viewer.id, "")
        return Profile().model_dump(mode="json")

    @app.delete("/api/me")
    def delete_me(response: Response, dreamreel_token: Annotated[str | None, Cookie()] = None) -> dict[str, Any]:
        """You are forgotten: your films and their files, watch sessions and events, profile,
        likenesses, the consents you gave and were given, and what the director learned of you."""
        viewer = viewer_or_401(dreamreel_token)
        films = server.delete_viewer(viewer)
        response.delete_cookie(COOKIE)
        return {"deleted": viewer.id, "films": films}

    @app.get("/api/profile")
    def get_profile(dreamreel_token: Annotated[str | None, Cookie()] = None) -> dict[str, Any]:
        from ..model import Profile

        viewer = viewer_or_401(dreamreel_token)
        profile = Profile.model_validate_json(viewer.profile) if viewer.profile else Profile()
        return profile.model_dump(mode="json")

    @app.put("/api/profile")
    async def put_profile(request: Request, dreamreel_token: Annotated[str | None, Cookie()] = None) -> dict[str, Any]:
        """The viewer's profile (the Profile schema); it shapes every film they ask for from now on."""
        from ..model import Profile

        viewer = viewer_or_401(dreamreel_token)
        try:
            profile = Profile.model_validate(strict_json(await request.body()))
        except json.JSONDecodeError as e:
            raise HTTPException(422, f"bad profile: not JSON ({e.msg})") from None
        except ValidationError as e:
            first = e.errors()[0]
            where = ".".join(str(x) for x in first["loc"])
            raise HTTPException(422, f"bad profile: {where}: {first['msg']}") from None
        server.db.set_profile(viewer.id, profile.model_dump_json())
        return profile.model_dump(mode="json")

    @app.post("/api/films/{film_id}/continue")
    def keep_going(film_id: str, dreamreel_token: Annotated[str | None, Cookie()] = None) -> dict[str, Any]:
        """Keep going: write and stream the next episode, continuing the story and its state."""
        viewer = viewer_or_401(dreamreel_token)
        film = film_or_404(film_id, viewer)
        return server.status(server.continue_film(viewer, film, seed=int(time.time()) % 2**31))

    @app.post("/api/films/{film_id}/again")
    def watch_again(film_id: str, dreamreel_token: Annotated[str | None, Cookie()] = None) -> dict[str, Any]:
        """The same story again, told with variety: what you saw before is avoided where it can be."""
        viewer = viewer_or_401(dreamreel_token)
        film = film_or_404(film_id, viewer)
        return server.status(server.again(viewer, film, seed=int(time.time() * 1000) % 2**31))

    @app.get("/api/films/{film_id}/provenance")
    def provenance(film_id: str, dreamreel_token: Annotated[str | None, Cookie()] = None) -> dict[str, Any]:
        """The film's C2PA manifests, verified against this server's trust anchors: each episode
        of its stream as it finishes streaming, and the whole film once it is finished
        (``state`` "making" until then)."""
        from ..trust.provenance import ANCHOR, keys_dir, verify, verify_stream

        viewer = viewer_or_401(dreamreel_token)
        film = film_or_404(film_id, viewer)
        folder = server.folder(film.id)
        path = folder / "film.mp4"
        anchor_file = keys_dir() / ANCHOR
        anchors = anchor_file.read_bytes() if anchor_file.is_file() else None
        if film.id in server.damaged:
            return {"state": "invalid", "reason": f"this film's files are damaged: {server.damaged[film.id]}",
                    "ai_generated": True, "episodes": []}
        episodes = [{"episode": n, "state": v.state, "reason": v.reason, "ai_generated": v.ai_generated}
                    for n, v in verify_stream(folder / "stream", anchors)] if (folder / "stream" / "init.mp4").is_file() else []
        live = server.live.get(film.id)
        if not path.is_file() or (live is not None and live.status == "making"):
            return {"state": "making", "reason": "the film is signed when it is finished", "ai_generated": True,
                    "episodes": episodes}
        verdict = verify(path, anchors)
        if verdict.state in ("invalid", "unsigned"):  # (reported from now on: its files do not hold)
            server.damaged[film.id] = f"film.mp4 fails verification: {verdict.reason}"
        return {"state": verdict.state, "reason": verdict.reason, "ai_generated": verdict.ai_generated,
                "generator": (verdict.manifest or {}).get("claim_generator_info", [{}])[0].get("name"),
                "episodes": episodes}

    @app.get("/api/me")
    def me(dreamreel_token: Annotated[str | None, Cookie()] = None) -> dict[str, Any]:
        """Your viewer code (a friend who lets you cast them grants consent to it), and the
        sandbox this server keeps to, if any: whose assets, under which licence."""
        me = viewer_or_401(dreamreel_token)
        packs = server.sandbox.packs if server.sandbox is not None else []
        return {"id": me.id, "sandbox": [{
            "name": p.assets.name, "version": p.assets.version, "publisher": p.assets.publisher,
            "licence": p.assets.licence.name, "attribution": p.assets.licence.attribution,
            "characters": [c.name for c in p.assets.characters]} for p in packs] or None}

    def likeness_view(likeness: Any, viewer: Viewer) -> dict[str, Any]:
        mine = likeness.owner_id == viewer.id
        consents = server.db.consents(likeness.id)
        out = {"id": likeness.id, "name": likeness.name, "yours": mine, "look": json.loads(likeness.look),
               "voice": json.loads(likeness.voice) if likeness.voice else None, "pronouns": likeness.pronouns}
        out["consents"] = [{"id": c.id, "to": c.granted_to, "uses": c.uses.split(","), "until": c.until,
                            "revoked": c.revoked, "statement": c.statement}
                           for c in consents if mine or c.granted_to == viewer.id]
        return out

    @app.post("/api/likenesses")
    async def new_likeness(request: Request, name: str, agree: bool = False, days: int = 365,
                           voice: Literal["low", "middle", "high"] = "middle",
                           pronouns: Literal["she", "he", "they"] = "they",
                           dreamreel_token: Annotated[str | None, Cookie()] = None) -> dict[str, Any]:
        """Your own photo becomes your likeness (the photo is not kept: only the look derived from
        it and a small thumbnail without metadata), with your consent to cast yourself."""
        from ..trust.casting import cast_from_photo
        from ..trust.likeness import SELF_STATEMENT, VOICES, check_days

        viewer = viewer_or_401(dreamreel_token)
        if not agree:
            raise HTTPException(400, "to make your likeness you must agree (agree=true): " + SELF_STATEMENT)
        name = " ".join(name.split())
        if not 1 <= len(name) <= 80:
            raise HTTPException(400, "give the name the character should have (1 to 80 characters)")
        check_days(days)
        body = await request.body()  # (counted as it arrives: cut off past limits.photo_bytes)
        check_photo(body, server.limits.photo_pixels)
        portrait = await asyncio.to_thread(cast_from_photo, body)
        likeness = server.db.add_likeness(viewer.id, name, portrait.look.model_dump_json(), portrait.thumbnail,
                                          VOICES[voice].model_dump_json(), pronouns)
        server.db.grant(likeness.id, viewer.id, viewer.id, ["protagonist", "any_role"], time.time() + days * 86400,
                        SELF_STATEMENT)
        return {**likeness_view(likeness, viewer), "notes": portrait.notes, "location_dropped": portrait.had_location}

    @app.get("/api/likenesses")
    def list_likenesses(dreamreel_token: Annotated[str | None, Cookie()] = None) -> list[dict[str, Any]]:
        viewer = viewer_or_401(dreamreel_token)
        return [likeness_view(lk, viewer) for lk in server.db.likenesses(viewer.id)]

    def own_likeness(likeness_id: str, viewer: Viewer) -> Any:
        likeness = server.db.likeness(likeness_id, viewer.id) if re.fullmatch(r"[0-9a-f]{32}", likeness_id) else None
        if likeness is None or likeness.owner_id != viewer.id:
            raise HTTPException(404, f"no likeness {likeness_id!r} of yours")
        return likeness

    @app.get("/api/likenesses/{likeness_id}/thumbnail")
    def likeness_thumbnail(likeness_id: str, dreamreel_token: Annotated[str | None, Cookie()] = None) -> Response:
        viewer = viewer_or_401(dreamreel_token)
        likeness = server.db.likeness(likeness_id, viewer.id, usable=True) \
            if re.fullmatch(r"[0-9a-f]{32}", likeness_id) else None
        if likeness is None:  # (a revoked or expired consent hides it at once)
            raise HTTPException(404, f"no likeness {likeness_id[:40]!r}")
        return Response(likeness.thumbnail, media_type="image/jpeg", headers={"Cache-Control": "private, no-store"})

    @app.post("/api/likenesses/{likeness_id}/consents")
    def grant_consent(likeness_id: str, ask: Grant,
                      dreamreel_token: Annotated[str | None, Cookie()] = None) -> dict[str, Any]:
        """Let another viewer cast your likeness (only the person themselves can)."""
        from ..trust.likeness import grant_statement

        viewer = viewer_or_401(dreamreel_token)
        likeness = own_likeness(likeness_id, viewer)
        if server.db.viewer(ask.to) is None:
            raise HTTPException(404, f"no viewer {ask.to!r}: ask them for their code (GET /api/me)")
        uses = list(dict.fromkeys(ask.uses))
        c = server.db.grant(likeness.id, viewer.id, ask.to, uses, time.time() + ask.days * 86400,
                            grant_statement(likeness.name, ask.to, uses, ask.days))
        return {"id": c.id, "to": c.granted_to, "uses": uses, "until": c.until, "statement": c.statement}

    @app.post("/api/consents/{consent_id}/revoke")
    def revoke_consent(consent_id: str, dreamreel_token: Annotated[str | None, Cookie()] = None) -> dict[str, Any]:
        viewer = viewer_or_401(dreamreel_token)
        c = server.db.revoke(consent_id, viewer.id) if re.fullmatch(r"[0-9a-f]{32}", consent_id) else None
        if c is None:
            raise HTTPException(404, f"no consent {consent_id!r} of yours")
        return {"id": c.id, "revoked": c.revoked}

    @app.delete("/api/likenesses/{likeness_id}")
    def delete_likeness(likeness_id: str, dreamreel_token: Annotated[str | None, Cookie()] = None) -> dict[str, Any]:
        """Your likeness is forgotten: its look and thumbnail, every consent you gave for it and
        the log of its uses (films already made with it stay their viewers')."""
        viewer = viewer_or_401(dreamreel_token)
        likeness = own_likeness(likeness_id, viewer)
        gone = server.db.delete_likeness(likeness.id, viewer.id)
        if gone is None:
            raise HTTPException(404, f"no likeness {likeness_id[:40]!r} of yours")
        return {"deleted": likeness.id, **gone}

    @app.get("/api/likenesses/{likeness_id}/uses")
    def likeness_uses(likeness_id: str, dreamreel_token: Annotated[str | None, Cookie()] = None) -> list[dict]:
        viewer = viewer_or_401(dreamreel_token)
        likeness = own_likeness(likeness_id, viewer)
        return [{"film": u.film_id, "by": u.viewer_id, "role": u.role, "consent": u.consent_id, "at": u.at}
                for u in server.db.uses(likeness_id=likeness.id)]

    @app.get("/api/films/{film_id}/captions")
    def captions(film_id: str, since: int = 0,
                 dreamreel_token: Annotated[str | None, Cookie()] = None) -> dict[str, Any]:
        """Captions from number ``since`` on, as they are made (the player adds them as cues)."""
        viewer = viewer_or_401(dreamreel_token)
        film = film_or_404(film_id, viewer)
        live = server.live.get(film.id)
        if live is not None:
            cues = list(live.captions)
        else:
            saved = server.folder(film.id) / "captions.json"
            cues = json.loads(saved.read_text(encoding="utf-8")) if saved.is_file() else []
        since = max(0, since)
        return {"next": len(cues), "cues": cues[since:]}

    @app.post("/api/films/{film_id}/steer")
    def steer(film_id: str, ask: Steer, dreamreel_token: Annotated[str | None, Cookie()] = None) -> dict[str, Any]:
        """Steer the film towards a kind of ending (the director takes it into account at every
        choice you let run out, and the player marks the options that keep it within reach)."""
        live_or_409(film_id, dreamreel_token, "nothing left to steer").steer(ask.ending)
        return {"ok": True, "goal": ask.ending}

    @app.post("/api/films/{film_id}/save")
    def save(film_id: str, ask: Save, dreamreel_token: Annotated[str | None, Cookie()] = None) -> dict[str, Any]:
        """Ask the director to keep characters alive: at every choice you let run out it takes an
        option that spares them, and the player marks the options that would cost a life."""
        live_or_409(film_id, dreamreel_token, "nobody left to save").save(ask.characters)
        return {"ok": True, "saving": ask.characters}

    @app.post("/api/films/{film_id}/setting")
    def change_setting(film_id: str, ask: Setting,
                       dreamreel_token: Annotated[str | None, Cookie()] = None) -> dict[str, Any]:
        """Change the setting: from the next beat on, this time of day and weather (null: as written)."""
        live_or_409(film_id, dreamreel_token, "no scene left to change").change_setting(ask.time_of_day, ask.weather)
        return {"ok": True, "time_of_day": ask.time_of_day, "weather": ask.weather}

    @app.get("/films/{film_id}/stream/{name}")
    def stream(film_id: str, name: str, dreamreel_token: Annotated[str | None, Cookie()] = None) -> Response:
        viewer = viewer_or_401(dreamreel_token)
        film = film_or_404(film_id, viewer)
        if not _STREAM_FILE.match(name):
            raise HTTPException(404, f"no stream file {name!r}")
        if film.id in server.damaged:
            raise HTTPException(409, f"this film's files are damaged: {server.damaged[film.id]}")
        path = server.folder(film.id) / "stream" / name
        if not path.is_file():
            raise HTTPException(404, f"{name} is not made yet")
        if name.endswith(".json"):
            # Rewritten (atomically) as the stream grows: read it whole, never stream a file that changes.
            raw = path.read_bytes()
            try:
                json.loads(raw)
            except ValueError:  # (damaged since the server started: reported from now on)
                server.damaged[film.id] = f"stream/{name} cannot be read"
                log.warning("film %s is damaged: stream/%s cannot be read", film.id, name)
                raise HTTPException(409, f"this film's files are damaged: stream/{name} cannot be read") from None
            return Response(raw, media_type="application/json", headers={**AI_HEADERS, "Cache-Control": "no-store"})
        if name.endswith(".c2pa"):  # an episode's signed manifest (C2PA's sidecar media type)
            return FileResponse(path, media_type="application/c2pa", headers=AI_HEADERS)
        return FileResponse(path, media_type="video/mp4", headers={**AI_HEADERS, "Cache-Control": "private, max-age=3600"})

    @app.websocket("/ws/films/{film_id}")
    async def telemetry(ws: WebSocket, film_id: str) -> None:
        """Telemetry in, status out. Each socket has budgets, checked before a message is parsed:
        ``messages_per_second`` (over it, the socket is closed with the reason), bad messages
        (``bad_messages``: then closed), events a second (over it, dropped with an error); a
        viewer has at most ``sockets_per_viewer`` at once. Events go to the database on the
        writer's thread, never on the event loop."""
        lim = server.limits
        client = ws.client.host if ws.client else "?"

        def lookup() -> tuple[Viewer | None, Film | None]:
            viewer = server.db.viewer_by_token(ws.cookies.get(COOKIE))
            ok = viewer is not None and re.fullmatch(r"[0-9a-f]{32}", film_id)
            return viewer, server.db.film(film_id, viewer.id) if ok and viewer is not None else None

        viewer, film = await asyncio.to_thread(lookup)
        if viewer is None or film is None:
            log.warning("refused WS %s from %s: %s", ws.url.path, client, "no viewer" if viewer is None else "not their film")
            await ws.close(code=4404)
            return
        await ws.accept()
        now = time.monotonic()
        if not handshakes.setdefault(viewer.id, Bucket(lim.sockets_per_viewer / 10.0, 3 * lim.sockets_per_viewer)).take(now):
            log.warning("refused WS %s from %s: reconnecting too often", ws.url.path, client)
            await ws.close(code=1008, reason="reconnecting too often: wait a few seconds")
            return
        if len(handshakes) > 10_000:
            for who in [w for w, b in handshakes.items() if b.full(now)]:
                del handshakes[who]
        if sockets[viewer.id] >= lim.sockets_per_viewer:
            log.warning("refused WS %s from %s: over %d sockets", ws.url.path, client, lim.sockets_per_viewer)
            await ws.close(code=1008, reason=f"over {lim.sockets_per_viewer} sockets for one viewer: close another tab")
            return
        sockets[viewer.id] += 1
        pusher: asyncio.Task | None = None
        try:
            session = await asyncio.to_thread(server.db.new_session, viewer.id, film.id)
            await ws.send_json({"type": "session", "id": session.id})

            async def push_status() -> None:
                while True:
                    await ws.send_json({"type": "status", **server.status(film)})
                    await asyncio.sleep(0.5)

            pusher = asyncio.create_task(push_status())
            await _read_telemetry(ws, viewer, film, session.id)
        except WebSocketDisconnect:
            pass
        finally:
            if pusher is not None:
                pusher.cancel()
            sockets[viewer.id] -= 1
            if sockets[viewer.id] <= 0:
                del sockets[viewer.id]

    async def _read_telemetry(ws: WebSocket, viewer: Viewer, film: Film, session_id: str) -> None:
        lim = server.limits
        messages = Bucket(lim.messages_per_second, 2 * lim.messages_per_second)
        events = Bucket(MAX_EVENTS_PER_SECOND, MAX_EVENTS_PER_SECOND)
        bad = 0
        last_frame = 0.0

        async def camera_event(frame: CameraFrame, now: float) -> dict[str, Any]:
            """A camera frame becomes a ``webcam`` event: face or no face (the picture is dropped)."""
            nonlocal last_frame
            if now - last_frame < 0.5:
                raise ValueError("camera frames come at most twice a second")
            last_frame = now
            face = await asyncio.to_thread(server.attention().face, frame.frame)
            return {"kind": "webcam", "t": frame.t, "data": {"face": face}}

        while True:
            message = await ws.receive()
            if message["type"] == "websocket.disconnect":
                return
            now = time.monotonic()
            if not messages.take(now):  # (before anything else is done with it)
                log.warning("closed WS %s: over %d messages a second", ws.url.path, lim.messages_per_second)
                await ws.close(code=1008, reason=f"over {lim.messages_per_second} messages a second: closed")
                return
            text = message.get("text")
            try:
                if text is None:
                    raise ValueError("telemetry is JSON text, not binary")
                if len(text) > MAX_MESSAGE_BYTES:
                    raise ValueError(f"message over {MAX_MESSAGE_BYTES} bytes: dropped")
                raw = strict_json(text)
                if isinstance(raw, dict) and "frame" in raw:
                    raw = await camera_event(CameraFrame.model_validate(raw), now)
                items = raw if isinstance(raw, list) else [raw]
                if len(items) > MAX_EVENTS_PER_MESSAGE:
                    raise ValueError(f"over {MAX_EVENTS_PER_MESSAGE} events in one message")
                got = [Telemetry.model_validate(item) for item in items]
            except (ValueError, ValidationError, DreamreelError) as e:
                bad += 1
                if bad >= lim.bad_messages:
                    log.warning("closed WS %s: %d bad messages", ws.url.path, bad)
                    await ws.close(code=1008, reason=f"{bad} bad messages: closed")
                    return
                detail = e.errors()[0]["msg"] if isinstance(e, ValidationError) else str(e)
                await ws.send_json({"type": "error", "detail": _clean(f"bad telemetry: {detail}", 300)})
                continue
            if not events.take(now, len(got)):
                await ws.send_json({"type": "error", "detail": "too many events: slow down"})
                continue
            if not writer.add(session_id, viewer.id, [(e.kind, {"t": e.t, **e.data}) for e in got]):
                await ws.send_json({"type": "error", "detail": "the server is busy: events dropped"})
            live = server.live.get(film.id)
            if live is not None:
                now_wall = time.time()
                for e in got:
                    live.observe(e.kind, e.t, e.data, now_wall)

    @app.get("/api/sessions/{session_id}/events")
    def session_events(session_id: str, dreamreel_token: Annotated[str | None, Cookie()] = None) -> list[dict]:
        viewer = viewer_or_401(dreamreel_token)
        if server.db.watch_session(session_id, viewer.id) is None:
            raise HTTPException(404, f"no session {session_id!r}")
        writer.flush(5.0)  # (what the sockets sent until now)
        return [{"at": e.at, "kind": e.kind, "data": json.loads(e.data)}
                for e in server.db.events(session_id, viewer.id)]

    from .rooms import install  # watching together: rooms, their page and their socket
    install(app)
    return app
