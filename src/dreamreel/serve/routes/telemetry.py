"""Telemetry: what the player saw the viewer do comes in over a WebSocket (status goes out on
it twice a second), is checked against each socket's budgets before it is parsed, feeds the
film's director, and is stored per watch session on a thread of its own."""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
from typing import Any

from fastapi import APIRouter, HTTPException, WebSocket, WebSocketDisconnect
from pydantic import ValidationError

from ...errors import DreamreelError
from ...store.db import Film, Viewer
from ..deps import ServerDep, ViewerDep
from ..guard import Bucket, StrictRoute, clean, strict_json
from ..schemas import CameraFrame, StoredEvent, Telemetry
from ..server import COOKIE, Server

log = logging.getLogger("dreamreel.serve")
router = APIRouter(route_class=StrictRoute)

#: Telemetry limits: a message, events in it, and events a second per connection.
MAX_MESSAGE_BYTES = 16_384
MAX_EVENTS_PER_MESSAGE = 64
MAX_EVENTS_PER_SECOND = 40


@router.websocket("/ws/films/{film_id}")
async def telemetry(ws: WebSocket, film_id: str) -> None:
    """Telemetry in, status out. Each socket has budgets, checked before a message is parsed:
    ``messages_per_second`` (over it, the socket is closed with the reason), bad messages
    (``bad_messages``: then closed), events a second (over it, dropped with an error); a
    viewer has at most ``sockets_per_viewer`` at once. Events go to the database on the
    writer's thread, never on the event loop."""
    server: Server = ws.app.state.server
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
    if not server.handshakes.setdefault(viewer.id, Bucket(lim.sockets_per_viewer / 10.0, 3 * lim.sockets_per_viewer)).take(now):
        log.warning("refused WS %s from %s: reconnecting too often", ws.url.path, client)
        await ws.close(code=1008, reason="reconnecting too often: wait a few seconds")
        return
    if len(server.handshakes) > 10_000:
        for who in [w for w, b in server.handshakes.items() if b.full(now)]:
            del server.handshakes[who]
    if server.sockets[viewer.id] >= lim.sockets_per_viewer:
        log.warning("refused WS %s from %s: over %d sockets", ws.url.path, client, lim.sockets_per_viewer)
        await ws.close(code=1008, reason=f"over {lim.sockets_per_viewer} sockets for one viewer: close another tab")
        return
    server.sockets[viewer.id] += 1
    pusher: asyncio.Task | None = None
    try:
        session = await asyncio.to_thread(server.db.new_session, viewer.id, film.id)
        await ws.send_json({"type": "session", "id": session.id})

        async def push_status() -> None:
            while True:
                await ws.send_json({"type": "status", **server.status(film)})
                await asyncio.sleep(0.5)

        pusher = asyncio.create_task(push_status())
        await _read_telemetry(ws, server, viewer, film, session.id)
    except WebSocketDisconnect:
        pass
    finally:
        if pusher is not None:
            pusher.cancel()
        server.sockets[viewer.id] -= 1
        if server.sockets[viewer.id] <= 0:
            del server.sockets[viewer.id]


async def _read_telemetry(ws: WebSocket, server: Server, viewer: Viewer, film: Film, session_id: str) -> None:
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
            await ws.send_json({"type": "error", "detail": clean(f"bad telemetry: {detail}", 300)})
            continue
        if not events.take(now, len(got)):
            await ws.send_json({"type": "error", "detail": "too many events: slow down"})
            continue
        if not server.events.add(session_id, viewer.id, [(ev.kind, {"t": ev.t, **ev.data}) for ev in got]):
            await ws.send_json({"type": "error", "detail": "the server is busy: events dropped"})
        live = server.live.get(film.id)
        if live is not None:
            now_wall = time.time()
            for event in got:
                live.observe(event.kind, event.t, event.data, now_wall)



@router.get("/api/sessions/{session_id}/events")
def session_events(session_id: str, server: ServerDep, viewer: ViewerDep) -> list[StoredEvent]:
    if server.db.watch_session(session_id, viewer.id) is None:
        raise HTTPException(404, f"no session {session_id[:40]!r}")
    server.events.flush(5.0)  # (what the sockets sent until now)
    return [StoredEvent(at=e.at, kind=e.kind, data=json.loads(e.data)) for e in server.db.events(session_id, viewer.id)]
