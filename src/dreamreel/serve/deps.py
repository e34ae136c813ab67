"""Who is asking, and for what of theirs: the FastAPI dependencies every router shares.

A viewer is whoever holds the ``dreamreel_token`` cookie; a film, likeness or session is looked
up together with its viewer, so one viewer's ids are simply not found for another.
"""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import Cookie, Depends, HTTPException
from starlette.requests import HTTPConnection

from ..store.db import Film, Viewer
from .live import LiveFilm
from .server import Server

_ID = re.compile(r"[0-9a-f]{32}")


def get_server(conn: HTTPConnection) -> Server:
    return conn.app.state.server


ServerDep = Annotated[Server, Depends(get_server)]


def current_viewer(server: ServerDep, dreamreel_token: Annotated[str | None, Cookie()] = None) -> Viewer:
    """The viewer holding the cookie (401 if nobody: the portal page gives a token)."""
    viewer = server.db.viewer_by_token(dreamreel_token)
    if viewer is None:
        raise HTTPException(401, "no viewer: open the portal page first (it gives you a token)")
    return viewer


ViewerDep = Annotated[Viewer, Depends(current_viewer)]


def own_film(film_id: str, server: ServerDep, viewer: ViewerDep) -> Film:
    """The film ``film_id`` of this viewer (404 for anyone else's, as for one that is not there)."""
    film = server.db.film(film_id, viewer.id) if _ID.fullmatch(film_id) else None
    if film is None:
        raise HTTPException(404, f"no film {film_id[:40]!r}")  # (an id is 32 characters: a long one is not echoed whole)
    return film


FilmDep = Annotated[Film, Depends(own_film)]


def live_or_409(server: Server, film: Film, what: str) -> LiveFilm:
    """The viewer's film that is still being made (a lever pulled on a finished one is refused)."""
    live = server.live.get(film.id)
    if live is None or live.status != "making":
        raise HTTPException(409, f"this film is finished: {what}")
    return live


def is_id(text: str) -> bool:
    return _ID.fullmatch(text) is not None
