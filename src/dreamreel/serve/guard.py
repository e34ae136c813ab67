"""What a client may send, and from where: the limits (``Limits``), token buckets, JSON read
strictly, request bodies counted as they arrive, and requests from other sites' pages refused
(CSRF). Every refusal is one line of JSON.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import math
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from fastapi import HTTPException, Request, Response
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("dreamreel.serve")
MAX_BODY_BYTES = 256_000
#: A photo for casting (the one request allowed to be bigger).
MAX_PHOTO_BYTES = 8_000_000
#: Bytes in one WebSocket message, read by the ASGI server before the app sees it (uvicorn's
#: ``ws_max_size``, 16 MiB by default: a socket's 15 MB text frame was held whole before the
#: telemetry's own 16 kB check dropped it). Telemetry is at most 16 kB a message, a room's 4 kB;
#: over this the socket is closed (1009, message too big).
MAX_SOCKET_MESSAGE_BYTES = 65_536


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
        self.rate, self.burst, self.left = float(rate), float(burst), float(burst)
        self.at: float | None = None

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



def address_group(address: str) -> str:
    """The address a per-address limit counts: an IPv4 address as it is; an IPv6 one as its /64
    (one household or host holds the whole /64, and may take any address in it)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6 and getattr(ip, "ipv4_mapped", None) is None:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(getattr(ip, "ipv4_mapped", None) or ip)

def clean(text: str, most: int = 200) -> str:
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


def _whole(text: str) -> int:
    if len(text) > 1000:  # (Python's own refusal, past 4300 digits, tells the client to change its settings)
        raise ValueError("a number too long for JSON")
    return int(text)


_SURROGATE = re.compile("[\ud800-\udfff]")
#: Control characters (C0 but tab, line feed and carriage return; DEL; C1): NUL and the like are
#: no text a viewer means, and would reach the database, the ink export and the captions as written.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
#: How ``strict_json``'s refusal of a control character begins (the API's 422 says it as it is).
NOT_TEXT = "a control character"


def not_text(text: str, where: str = "") -> str | None:
    """Why ``text`` is not plain text (a control character other than tab and line breaks; a lone
    surrogate), naming ``where`` it is; None if it is."""
    if (c := _CONTROL.search(text)) is not None:
        return f"{NOT_TEXT} (U+{ord(c.group()):04X}) {'in ' + where + ' ' if where else ''}" \
               f"is not text: write plain text (tabs and line breaks are fine)"
    if _SURROGATE.search(text):
        return "a lone surrogate (\\ud800-\\udfff) is not text"
    return None


def strict_json(raw: bytes | str) -> Any:
    """JSON as RFC 8259 has it: UTF-8, finite numbers (no NaN, Infinity or 1e999), no lone
    surrogates (``"\\ud800"``); and text without control characters (NUL and the like: tab and
    line breaks are fine). Anything else raises ``json.JSONDecodeError`` with a message that does
    not repeat the input (a control character's names the field)."""
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        data = json.loads(text, parse_constant=_not_a_number, parse_float=_finite, parse_int=_whole)
    except json.JSONDecodeError as e:
        raise json.JSONDecodeError(e.msg, "", e.pos) from None
    except (ValueError, RecursionError) as e:  # UnicodeDecodeError is a ValueError
        msg = "not UTF-8" if isinstance(e, UnicodeDecodeError) else \
            "nested too deeply" if isinstance(e, RecursionError) else str(e)
        raise json.JSONDecodeError(msg, "", 0) from None
    # (each string's place as a chain of (key, parent) links, spelled out only for the refusal)
    stack: list[tuple[Any, Any]] = [(data, None)]
    while stack:
        x, at = stack.pop()
        if isinstance(x, str):
            if (why := not_text(x, _spelled(at))) is not None:
                raise json.JSONDecodeError(why, "", 0)
        elif isinstance(x, dict):
            for k, v in x.items():
                stack.append((k, ("a key", at)))
                stack.append((v, (k, at)))
        elif isinstance(x, list):
            stack.extend((v, (i, at)) for i, v in enumerate(x))
    return data


def _spelled(at: Any) -> str:
    """A place in a JSON document (``cast[0].role``) from its chain of links; "" if it is a key, or
    not short, plain names."""
    parts: list[str] = []
    while at is not None:
        key, at = at
        if key == "a key" or len(parts) > 8:
            return ""
        parts.append(f"[{key}]" if isinstance(key, int) else f".{key}")
    where = "".join(reversed(parts)).lstrip(".")
    return where if re.fullmatch(r"[A-Za-z_][\w.\[\]]{0,79}", where, re.ASCII) else ""


class StrictRequest(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            self._json = strict_json(await self.body())
        return self._json


class StrictRoute(APIRoute):
    """Every JSON body is read with ``strict_json``."""

    def get_route_handler(self) -> Any:
        handler = super().get_route_handler()

        async def strict(request: Request) -> Response:
            return await handler(StrictRequest(request.scope, request.receive))

        return strict


class TooLarge(HTTPException):
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


class Guard:
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
                    await reply(send, 403, why)
                return
        if scope["type"] == "websocket":
            await self.app(scope, receive, send)
            return
        limit = self.limits.photo_bytes if path == "/api/likenesses" else self.limits.body_bytes
        length = next((v for k, v in scope.get("headers", []) if k == b"content-length"), None)
        if length is not None and (not length.isdigit() or int(length) > limit):
            log.warning("refused %s %s from %s: body over %d bytes", scope["method"], path, client, limit)
            await reply(send, 413, f"request body over {limit} bytes")
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    log.warning("refused %s %s from %s: body over %d bytes", scope["method"], path, client, limit)
                    raise TooLarge(limit)
            return message

        async def logged(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] in (401, 402, 403, 429):
                # no viewer, a forged token, over budget, no consent or licence, too many
                log.warning("refused %s %s from %s: %d", scope["method"], path, client, message["status"])
            await send(message)

        await self.app(scope, counted, logged)


async def reply(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


class AsciiJSON(JSONResponse):
    """JSON replies in ASCII (any text survives, even a lone surrogate), never NaN."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=True, allow_nan=False, separators=(",", ":")).encode("ascii")
