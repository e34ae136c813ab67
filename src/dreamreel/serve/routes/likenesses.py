"""Likenesses: a viewer's own photo made into their likeness (with their consent to cast
themselves), the consents they give others, every use of it, and deleting it. A revoked or
expired consent hides a likeness, and its thumbnail, from the grantee at once."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any, Literal

from fastapi import APIRouter, HTTPException, Request, Response

from ...store.db import Likeness, Viewer
from ..deps import ServerDep, ViewerDep, is_id
from ..guard import StrictRoute, not_text
from ..schemas import ConsentView, Grant, Granted, LikenessDeleted, LikenessUse, LikenessView, NewLikeness, Revoked
from ..server import Server

router = APIRouter(route_class=StrictRoute)


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




def likeness_view(server: Server, likeness: Likeness, viewer: Viewer) -> dict[str, Any]:
    mine = likeness.owner_id == viewer.id
    consents = [ConsentView(id=c.id, to=c.granted_to, uses=c.uses.split(","), until=c.until, revoked=c.revoked,
                            statement=c.statement)
                for c in server.db.consents(likeness.id) if mine or c.granted_to == viewer.id]
    return {"id": likeness.id, "name": likeness.name, "yours": mine, "look": json.loads(likeness.look),
            "voice": json.loads(likeness.voice) if likeness.voice else None, "pronouns": likeness.pronouns,
            "consents": consents}


def own_likeness(server: Server, likeness_id: str, viewer: Viewer) -> Likeness:
    likeness = server.db.likeness(likeness_id, viewer.id) if is_id(likeness_id) else None
    if likeness is None or likeness.owner_id != viewer.id:
        raise HTTPException(404, f"no likeness {likeness_id[:40]!r} of yours")
    return likeness


@router.post("/api/likenesses")
async def new_likeness(request: Request, server: ServerDep, viewer: ViewerDep, name: str, agree: bool = False,
                       days: int = 365, voice: Literal["low", "middle", "high"] = "middle",
                       pronouns: Literal["she", "he", "they"] = "they") -> NewLikeness:
    """Your own photo becomes your likeness (the photo is not kept: only the look derived from
    it and a small thumbnail without metadata), with your consent to cast yourself."""
    from ...trust.casting import cast_from_photo
    from ...trust.likeness import SELF_STATEMENT, VOICES, check_days

    if not agree:
        raise HTTPException(400, "to make your likeness you must agree (agree=true): " + SELF_STATEMENT)
    if (why := not_text(name, "name")) is not None:
        raise HTTPException(400, why)
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
    return NewLikeness(**likeness_view(server, likeness, viewer), notes=portrait.notes,
                       location_dropped=portrait.had_location)


@router.get("/api/likenesses")
def list_likenesses(server: ServerDep, viewer: ViewerDep) -> list[LikenessView]:
    return [LikenessView(**likeness_view(server, lk, viewer)) for lk in server.db.likenesses(viewer.id)]


@router.get("/api/likenesses/{likeness_id}/thumbnail")
def likeness_thumbnail(likeness_id: str, server: ServerDep, viewer: ViewerDep) -> Response:
    likeness = server.db.likeness(likeness_id, viewer.id, usable=True) if is_id(likeness_id) else None
    if likeness is None:  # (a revoked or expired consent hides it at once)
        raise HTTPException(404, f"no likeness {likeness_id[:40]!r}")
    return Response(likeness.thumbnail, media_type="image/jpeg", headers={"Cache-Control": "private, no-store"})


@router.post("/api/likenesses/{likeness_id}/consents")
def grant_consent(likeness_id: str, ask: Grant, server: ServerDep, viewer: ViewerDep) -> Granted:
    """Let another viewer cast your likeness (only the person themselves can)."""
    from ...trust.likeness import grant_statement

    likeness = own_likeness(server, likeness_id, viewer)
    if server.db.viewer(ask.to) is None:
        raise HTTPException(404, f"no viewer {ask.to!r}: ask them for their code (GET /api/me)")
    uses: list[str] = list(dict.fromkeys(ask.uses))
    c = server.db.grant(likeness.id, viewer.id, ask.to, uses, time.time() + ask.days * 86400,
                        grant_statement(likeness.name, ask.to, uses, ask.days))
    return Granted(id=c.id, to=c.granted_to, uses=uses, until=c.until, statement=c.statement)


@router.post("/api/consents/{consent_id}/revoke")
def revoke_consent(consent_id: str, server: ServerDep, viewer: ViewerDep) -> Revoked:
    c = server.db.revoke(consent_id, viewer.id) if is_id(consent_id) else None
    if c is None:
        raise HTTPException(404, f"no consent {consent_id[:40]!r} of yours")
    return Revoked(id=c.id, revoked=c.revoked)


@router.delete("/api/likenesses/{likeness_id}")
def delete_likeness(likeness_id: str, server: ServerDep, viewer: ViewerDep) -> LikenessDeleted:
    """Your likeness is forgotten: its look and thumbnail, every consent you gave for it and
    the log of its uses (films already made with it stay their viewers')."""
    likeness = own_likeness(server, likeness_id, viewer)
    gone = server.db.delete_likeness(likeness.id, viewer.id)
    if gone is None:
        raise HTTPException(404, f"no likeness {likeness_id[:40]!r} of yours")
    return LikenessDeleted(deleted=likeness.id, **gone)


@router.get("/api/likenesses/{likeness_id}/uses")
def likeness_uses(likeness_id: str, server: ServerDep, viewer: ViewerDep) -> list[LikenessUse]:
    likeness = own_likeness(server, likeness_id, viewer)
    return [LikenessUse(film=u.film_id, by=u.viewer_id, role=u.role, consent=u.consent_id, at=u.at)
            for u in server.db.uses(likeness_id=likeness.id)]
