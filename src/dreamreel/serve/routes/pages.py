"""The pages: the portal, the player, and their scripts and style. A first visit to a page
makes the visitor a viewer (a token in a cookie), at most ``Limits.new_viewers_per_minute``
from one address."""

from __future__ import annotations

from importlib.resources import files
from typing import Annotated, Literal

from fastapi import APIRouter, Cookie, HTTPException, Request, Response
from fastapi.responses import HTMLResponse

from ..deps import ServerDep
from ..guard import StrictRoute
from ..server import COOKIE, Server

router = APIRouter(route_class=StrictRoute)


def page_text(name: str) -> str:
    return (files("dreamreel.serve") / "static" / name).read_text(encoding="utf-8")


def page(server: Server, name: str, token: str | None, request: Request, *,
         samesite: Literal["strict", "lax"] = "strict", headers: dict[str, str] | None = None) -> HTMLResponse:
    """A page; a visitor with no viewer is made one (``Server.new_viewer``: every page that
    makes viewers counts against the same per-address limit). ``samesite="lax"`` for a page a
    link from another app opens (an invite, a share), so that link still finds its cookie."""
    response = HTMLResponse(page_text(name), headers={"Cache-Control": "no-store", **(headers or {})})
    if server.db.viewer_by_token(token) is None:
        new = server.new_viewer(request.client.host if request.client else "?")
        response.set_cookie(COOKIE, new, httponly=True, samesite=samesite, secure=server.secure_cookies,
                            max_age=3600 * 24 * 365)
    return response


@router.get("/", response_class=HTMLResponse)
def portal(request: Request, server: ServerDep, dreamreel_token: Annotated[str | None, Cookie()] = None) -> HTMLResponse:
    return page(server, "portal.html", dreamreel_token, request)


@router.get("/watch/{film_id}", response_class=HTMLResponse)
def watch(film_id: str, request: Request, server: ServerDep,
          dreamreel_token: Annotated[str | None, Cookie()] = None) -> HTMLResponse:
    return page(server, "player.html", dreamreel_token, request)


@router.get("/static/{name}")
def static(name: str) -> Response:
    if name not in ("portal.js", "player.js", "style.css"):
        raise HTTPException(404, "no such file")
    kind = "text/css" if name.endswith(".css") else "text/javascript"
    return Response(page_text(name), media_type=kind)
