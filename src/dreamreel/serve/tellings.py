"""Shared tellings: a film, or a branch of it, shared as a link; a friend watches the same telling
or starts from the same point and chooses differently; each then sees where their paths diverged.

    POST /api/films/{film}/share        {at?, days?} -> a link to this film's telling, and a branch
                                        point: a friend who chooses for themselves is given your first
                                        ``at`` choices (0: from the start); it lasts ``days`` (7; at most 30)
    GET  /shared/{token}                the link's page (a friend's first visit makes them a viewer)
    GET  /api/shares/{token}            what it shares: the title, the choices given, its films
    POST /api/shares/{token}/watch      {how: "same" | "choose"} -> your film of it: the same telling
                                        (every choice as the sharer made it), or theirs up to the
                                        branch point and yours from there
    GET  /api/films/{film}/paths        where this film's path and its shared relations' diverged
                                        (the film it was shared from; the films friends made of it)
    GET  /api/films/{film}/paths/{other}.svg   the story graph with both paths drawn over it

A film from a share is the friend's own: made for their profile (a film their profile keeps out
is refused, one line), within their limits and budget, from the same story, seed and starting
point, following the sharer's path (each beat's telling and each choice) up to the branch point.
The pace and the look are the friend's director's. A film that cast someone's likeness is not
shared (they consented to its viewer, not to their friends). Links are known only to whoever
holds them (the database keeps their hash); a bad link, an expired one and one whose film was
deleted are each said in one line (deleting a film deletes its links).
"""

from __future__ import annotations

import json
import re
import secrets
import time
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Cookie, FastAPI, HTTPException, Request, Response
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, ConfigDict, Field

from ..director.group import keeps_out
from ..errors import MissingDependencyError
from ..model import Profile, Story
from ..store.db import Film, Viewer
from ..store.together import ShareRow, TogetherStore
from .deps import FilmDep, ViewerDep, is_id
from .guard import StrictRoute
from .live import ENDED, TELLING, Replay
from .routes.pages import page, page_text
from .server import Server

_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")
YOURS, THEIRS = "#1f6fd1", "#e07b00"   # blue, orange


class NewShare(BaseModel):
    model_config = ConfigDict(extra="forbid")
    #: The branch point: a friend who chooses is given your first ``at`` choices (none: from the start).
    at: int | None = Field(default=None, ge=0, le=10_000)
    days: float = Field(default=7.0, gt=0, le=30)


class WatchShared(BaseModel):
    model_config = ConfigDict(extra="forbid")
    how: Literal["same", "choose"]


def telling(server: Server, film: Film) -> dict[str, Any] | None:
    """A film's path so far ({seed, steps, complete, adaptive}: whether the director steered it;
    a telling saved before that was kept does not say): from production while it is made, else as
    saved beside it (a film finished before tellings were saved: its ending's path, seed 0)."""
    live = server.live.get(film.id)
    if live is not None:
        return {"seed": live.seed, "steps": [dict(s) for s in live.steps], "complete": live.status == "ready",
                "adaptive": live.adaptive}
    folder = server.folder(film.id)
    try:
        return dict(json.loads((folder / TELLING).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        pass
    try:
        ended = json.loads((folder / ENDED).read_text(encoding="utf-8"))
        return {"seed": 0, "steps": [{"option": None, **s} for s in ended["played"]], "complete": True}
    except (OSError, ValueError, KeyError, TypeError):
        return None


def choices_of(story: Story, steps: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The choices along a path: where, what was asked, what was chosen."""
    out = []
    for step in steps:
        if not step.get("option"):
            continue
        beat = story.graph.beat(step["beat"])
        if beat.choice is None:
            continue
        text = next((o.text for o in beat.choice.options if o.id == step["option"]), step["option"])
        out.append({"beat": beat.id, "title": beat.title, "prompt": beat.choice.prompt, "option": step["option"],
                    "text": text})
    return out


def diverged(story: Story, mine: list[dict[str, Any]], theirs: list[dict[str, Any]]) -> dict[str, Any]:
    """Where two paths through ``story`` part: the beat, what was asked there and what each chose
    (``same``: no difference yet along the shorter path)."""
    for i, (a, b) in enumerate(zip(mine, theirs)):
        if a["beat"] != b["beat"] and i > 0:
            # (the step before led each elsewhere: a choice, or the state their earlier choices left)
            return _parted(story, mine[i - 1], theirs[i - 1], i - 1)
        if a["beat"] != b["beat"]:
            return {"same": False, "step": 0, "beat": None, "title": "the first beat", "prompt": None,
                    "yours": None, "theirs": None}
        if a.get("option") and b.get("option") and a["option"] != b["option"]:
            return _parted(story, a, b, i)
    return {"same": True, "step": min(len(mine), len(theirs)), "beat": None}


def _parted(story: Story, a: dict[str, Any], b: dict[str, Any], i: int) -> dict[str, Any]:
    beat = story.graph.beat(a["beat"])
    texts = {o.id: o.text for o in beat.choice.options} if beat.choice else {}
    return {"same": False, "step": i, "beat": beat.id, "title": beat.title,
            "prompt": beat.choice.prompt if beat.choice else None,
            "yours": texts.get(a.get("option") or "", None), "theirs": texts.get(b.get("option") or "", None)}


def install(app: FastAPI) -> None:
    """Add shared tellings to the app (``app.state.server`` is the ``Server``)."""
    server: Server = app.state.server
    store = TogetherStore(server.db.engine)
    app.state.tellings = store
    router = APIRouter(route_class=StrictRoute)

    def resolve(token: str) -> tuple[ShareRow, Film]:
        """The share and its film; one line for a bad link, an expired one, a deleted film."""
        row = store.share(token) if _TOKEN.fullmatch(token) else None
        if row is None:
            raise HTTPException(404, "no shared telling at this link: check it, or ask your friend for a new one")
        if time.time() > row.until:
            raise HTTPException(410, f"this shared link expired on {time.strftime('%Y-%m-%d', time.gmtime(row.until))}"
                                     f": ask your friend for a new one")
        film = server.db.film(row.film_id, row.viewer_id)
        if film is None:
            raise HTTPException(410, "the film this link shared has been deleted")
        return row, film

    def may_see(viewer: Viewer, film: Film) -> Story:
        """The film's story, if this viewer's profile lets them see it (409, one line, if not)."""
        story = Story.model_validate_json(film.story)
        profile = Profile.model_validate_json(viewer.profile) if viewer.profile else None
        if viewer.id != film.viewer_id and (why := keeps_out(story, profile)) is not None:
            raise HTTPException(409, f"this shared film is outside your profile ({why}): it is not shown to you")
        return story

    def path_or_409(film: Film) -> dict[str, Any]:
        found = telling(server, film)
        if found is None:
            raise HTTPException(409, "this film's path was not recorded (it stopped before its first beat): "
                                     "nothing to share")
        return found

    def related(film: Film, other_id: str) -> Film:
        """``other_id``, if a share links it to ``film`` (the film it came from, or a friend's of it)."""
        came = store.shared_film(film.id)
        linked = (came is not None and came.source_id == other_id) or \
            any(r.film_id == other_id for r in store.made_from(film.id))
        other = next(iter(_films_by_id([other_id])), None) if linked else None
        if other is None:
            raise HTTPException(404, "no shared telling links these two films")
        return other

    def _films_by_id(ids: list[str]) -> list[Film]:
        from sqlalchemy import select

        with server.db.session() as s:
            return list(s.scalars(select(Film).where(Film.id.in_(ids))))

    def comparisons(film: Film) -> list[dict[str, Any]]:
        """This film's path against each related film's: the one it was shared from, and friends' of it."""
        story = Story.model_validate_json(film.story)
        mine = (telling(server, film) or {}).get("steps", [])
        out = []
        came = store.shared_film(film.id)
        others: list[tuple[str, str]] = []
        if came is not None:
            others.append((came.source_id, "the friend who shared it"))
        others += [(r.film_id, "a friend" + (" (the same telling)" if r.how == "same" else ""))
                   for r in store.made_from(film.id)]
        found = {f.id: f for f in _films_by_id([o for o, _ in others])}
        for other_id, who in others:
            other = found.get(other_id)
            if other is None:
                continue
            theirs = telling(server, other) or {"steps": [], "complete": False}
            out.append({"film": other_id, "who": who, "diverged": diverged(story, mine, theirs["steps"]),
                        "yours": choices_of(story, mine), "theirs": choices_of(story, theirs["steps"]),
                        "complete": bool(theirs.get("complete")),
                        "picture": f"/api/films/{film.id}/paths/{other_id}.svg"})
        return out

    @router.post("/api/films/{film_id}/share")
    def share(film_id: str, ask: NewShare, film: FilmDep, viewer: ViewerDep) -> dict[str, Any]:
        if server.db.uses(film_id=film.id):
            raise HTTPException(403, "this film casts someone's likeness (they agreed to you casting them, not to "
                                     "your friends): it cannot be shared")
        path = path_or_409(film)
        story = Story.model_validate_json(film.story)
        made = choices_of(story, path["steps"])
        if ask.at is not None and ask.at > len(made):
            raise HTTPException(400, f"this film has made {len(made)} choice{'s' if len(made) != 1 else ''} so far: "
                                     f"share from a branch point between 0 and {len(made)}")
        token = secrets.token_urlsafe(18)
        row = store.add_share(token, viewer.id, film.id, ask.at, time.time() + ask.days * 86400)
        return {"link": f"/shared/{token}", "until": round(row.until), "at": ask.at or 0, "choices": made,
                "title": film.title}

    @router.get("/shared/share.js")
    def share_js() -> Response:
        return Response(page_text("share.js"), media_type="text/javascript")

    @router.get("/shared/{token}", response_class=HTMLResponse)
    def share_page(token: str, request: Request,
                   dreamreel_token: Annotated[str | None, Cookie()] = None) -> HTMLResponse:
        # (a friend's first visit makes them a viewer; lax: a link opened from another app finds its cookie)
        return page(server, "share.html", dreamreel_token, request, samesite="lax",
                    headers={"Referrer-Policy": "no-referrer"})

    @router.get("/api/shares/{token}")
    def what_is_shared(token: str, viewer: ViewerDep) -> dict[str, Any]:
        row, film = resolve(token)
        story = may_see(viewer, film)
        path = path_or_409(film)
        made = choices_of(story, path["steps"])
        yours = viewer.id == row.viewer_id
        # The sharer sees each friend's path against theirs; a friend, each of theirs against the sharer's.
        made_here = [r for r in store.made_from(film.id, row.token_hash) if yours or r.viewer_id == viewer.id]
        bases = {f.id: f for f in _films_by_id([r.film_id for r in made_here])}
        tellings = []
        for r in made_here:
            base, other = (film, r.film_id) if yours else (bases.get(r.film_id), film.id)
            if base is None:
                continue
            tellings += [{**c, "watch": f"/watch/{base.id}", "how": r.how}
                         for c in comparisons(base) if c["film"] == other]
        return {"title": film.title, "rating": story.request.rating, "episodes": len(story.graph.episodes),
                "yours": yours, "at": row.at or 0, "until": round(row.until), "choices": made,
                "complete": bool(path.get("complete")), "tellings": tellings}

    @router.post("/api/shares/{token}/watch")
    def watch_shared(token: str, ask: WatchShared, viewer: ViewerDep) -> dict[str, Any]:
        row, film = resolve(token)
        if viewer.id == row.viewer_id:
            raise HTTPException(409, "this is your own shared telling: send the link to a friend")
        may_see(viewer, film)
        path = path_or_409(film)
        story = Story.model_validate_json(film.story)
        given = len(choices_of(story, path["steps"]))   # the same telling: every choice as they made it
        if ask.how == "choose":                          # else theirs up to the branch point, then yours
            given = min(given, row.at or 0)
        new = server.shared(viewer, film, int(path.get("seed", 0)), Replay(list(path["steps"]), given))
        store.add_shared_film(row, new.id, viewer.id, ask.how)
        return {**server.status(new), "given": given}

    @router.get("/api/films/{film_id}/paths")
    def paths(film: FilmDep) -> dict[str, Any]:
        return {"film": film.id, "tellings": comparisons(film)}

    @router.get("/api/films/{film_id}/paths/{other_id}.svg")
    def paths_picture(other_id: str, film: FilmDep) -> Response:
        from ..narrative.picture import Trail, paths_svg

        if not is_id(other_id):
            raise HTTPException(404, "no shared telling links these two films")
        other = related(film, other_id)
        story = Story.model_validate_json(film.story)
        mine = (telling(server, film) or {}).get("steps", [])
        theirs = (telling(server, other) or {}).get("steps", [])
        where = diverged(story, mine, theirs)
        try:
            svg = paths_svg(story, [Trail("your path: blue", [s["beat"] for s in mine], YOURS,
                                          [s.get("option") for s in mine]),
                                    Trail("theirs: orange", [s["beat"] for s in theirs], THEIRS,
                                          [s.get("option") for s in theirs])],
                            parted=where.get("beat"))
        except MissingDependencyError as e:
            raise HTTPException(503, str(e)) from None
        return Response(svg, media_type="image/svg+xml", headers={"Cache-Control": "no-store"})

    app.include_router(router)
