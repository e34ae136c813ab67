"""The viewer: their code, their profile (which shapes every film they ask for), and forgetting
them (the profile alone, or everything of theirs)."""

from __future__ import annotations

import json

from fastapi import APIRouter, HTTPException, Request, Response
from pydantic import ValidationError

from ...model import Profile
from ..deps import ServerDep, ViewerDep
from ..guard import NOT_TEXT, StrictRoute, strict_json
from ..schemas import Me, SandboxPack, ViewerDeleted
from ..server import COOKIE

router = APIRouter(route_class=StrictRoute)


@router.get("/api/me")
def me(server: ServerDep, viewer: ViewerDep) -> Me:
    """Your viewer code (a friend who lets you cast them grants consent to it), and the
    sandbox this server keeps to, if any: whose assets, under which licence."""
    packs = server.sandbox.packs if server.sandbox is not None else []
    return Me(id=viewer.id, sandbox=[SandboxPack(
        name=p.assets.name, version=p.assets.version, publisher=p.assets.publisher,
        licence=p.assets.licence.name, attribution=p.assets.licence.attribution,
        characters=[c.name for c in p.assets.characters]) for p in packs] or None)


@router.get("/api/profile")
def get_profile(viewer: ViewerDep) -> Profile:
    return Profile.model_validate_json(viewer.profile) if viewer.profile else Profile()


@router.put("/api/profile")
async def put_profile(request: Request, server: ServerDep, viewer: ViewerDep) -> Profile:
    """The viewer's profile (the Profile schema); it shapes every film they ask for from now on."""
    try:
        profile = Profile.model_validate(strict_json(await request.body()))
    except json.JSONDecodeError as e:
        raise HTTPException(422, f"bad profile: {e.msg if e.msg.startswith(NOT_TEXT) else f'not JSON ({e.msg})'}") \
            from None
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise HTTPException(422, f"bad profile: {where}: {first['msg']}") from None
    server.db.set_profile(viewer.id, profile.model_dump_json())
    return profile


@router.delete("/api/profile")
def delete_profile(server: ServerDep, viewer: ViewerDep) -> Profile:
    """Your profile is forgotten: films are made for anyone again."""
    server.db.set_profile(viewer.id, "")
    return Profile()


@router.delete("/api/me")
def delete_me(response: Response, server: ServerDep, viewer: ViewerDep) -> ViewerDeleted:
    """You are forgotten: your films and their files, watch sessions and events, profile,
    likenesses, the consents you gave and were given, and what the director learned of you."""
    films = server.delete_viewer(viewer)
    response.delete_cookie(COOKIE)
    return ViewerDeleted(deleted=viewer.id, films=films)
