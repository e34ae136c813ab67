"""A viewer's films: asking for one, its status, the levers pulled while it is made (a choice,
steering, saving, the setting), keeping going, watching again and revising it, its captions, its
stream and its signed provenance, and deleting it."""

from __future__ import annotations

import json
import logging
import time
from typing import Any

from fastapi import APIRouter, HTTPException, Response
from fastapi.responses import FileResponse

from ..deps import FilmDep, ServerDep, ViewerDep, is_id, live_or_409
from ..guard import StrictRoute
from ..schemas import (
    Captions,
    ChoiceAnswer,
    FilmDeleted,
    EpisodeProof,
    FilmStatus,
    NewFilm,
    Ok,
    Provenance,
    Revise,
    Save,
    Saving,
    Setting,
    SettingChanged,
    Steer,
    Steered,
)
from ..server import AI_HEADERS, STREAM_FILE

log = logging.getLogger("dreamreel.serve")
router = APIRouter(route_class=StrictRoute)


@router.post("/api/films", response_model=FilmStatus)
def new_film(ask: NewFilm, server: ServerDep, viewer: ViewerDep) -> dict[str, Any]:
    return server.status(server.start_film(viewer, ask))


@router.get("/api/films", response_model=list[FilmStatus])
def list_films(server: ServerDep, viewer: ViewerDep) -> list[dict[str, Any]]:
    return [server.status(f) for f in server.db.films(viewer.id)]


@router.get("/api/films/{film_id}", response_model=FilmStatus)
def film_status(server: ServerDep, film: FilmDep) -> dict[str, Any]:
    return server.status(film)


@router.post("/api/films/{film_id}/choice")
def choose(answer: ChoiceAnswer, server: ServerDep, film: FilmDep) -> Ok:
    live = server.live.get(film.id)
    if live is None:
        raise HTTPException(409, "this film is finished: no choice is waiting")
    live.choose(answer.choice_id, answer.option_id, by=answer.by)
    return Ok()


@router.delete("/api/films/{film_id}")
def delete_film(server: ServerDep, viewer: ViewerDep, film: FilmDep) -> FilmDeleted:
    """The film is stopped if it is being made, and deleted with its files, its watch
    sessions and their events, and the log of the likenesses cast in it. Films that revise it
    are the viewer's own films and stay, playable and revisable (``revisions_kept``)."""
    kept = server.delete_film(viewer, film.id)
    if kept is None:
        raise HTTPException(404, f"no film {film.id[:40]!r}")
    return FilmDeleted(deleted=film.id, revisions_kept=kept)


@router.post("/api/films/{film_id}/continue", response_model=FilmStatus)
def keep_going(server: ServerDep, viewer: ViewerDep, film: FilmDep) -> dict[str, Any]:
    """Keep going: write and stream the next episode, continuing the story and its state."""
    return server.status(server.continue_film(viewer, film, seed=int(time.time()) % 2**31))


@router.post("/api/films/{film_id}/again", response_model=FilmStatus)
def watch_again(server: ServerDep, viewer: ViewerDep, film: FilmDep) -> dict[str, Any]:
    """The same story again, told with variety: what you saw before is avoided where it can be."""
    return server.status(server.again(viewer, film, seed=int(time.time() * 1000) % 2**31))


@router.post("/api/films/{film_id}/revise", response_model=FilmStatus)
def revise(film_id: str, ask: Revise, server: ServerDep, viewer: ViewerDep) -> dict[str, Any]:
    """Rewrite a scene (``beat``) or an episode of your film with the server's LLM, as ``note``
    asks: a new film of the revised story, made the way this one went, only the revised scenes
    drawn again (``serve.revising``)."""
    from ..revising import revise_film

    film = server.db.film(film_id, viewer.id) if is_id(film_id) else None
    if film is None:  # (another viewer's film is as good as missing)
        raise HTTPException(404, f"no film {film_id[:40]!r} of yours: only a film's owner can revise it")
    return server.status(revise_film(server, viewer, film, ask))


@router.get("/api/films/{film_id}/provenance")
def provenance(server: ServerDep, film: FilmDep) -> Provenance:
    """The film's C2PA manifests, verified against this server's trust anchors: each episode
    of its stream as it finishes streaming, and the whole film once it is finished
    (``state`` "making" until then)."""
    from ...trust.provenance import ANCHOR, keys_dir, verify, verify_stream

    folder = server.folder(film.id)
    path = folder / "film.mp4"
    anchor_file = keys_dir() / ANCHOR
    anchors = anchor_file.read_bytes() if anchor_file.is_file() else None
    if film.id in server.damaged:
        return Provenance(state="invalid", reason=f"this film's files are damaged: {server.damaged[film.id]}",
                          ai_generated=True, episodes=[])
    episodes = [EpisodeProof(episode=n, state=v.state, reason=v.reason, ai_generated=v.ai_generated)
                for n, v in verify_stream(folder / "stream", anchors)] \
        if (folder / "stream" / "init.mp4").is_file() else []
    live = server.live.get(film.id)
    if not path.is_file() or (live is not None and live.status == "making"):
        return Provenance(state="making", reason="the film is signed when it is finished", ai_generated=True,
                          episodes=episodes)
    verdict = verify(path, anchors)
    if verdict.state in ("invalid", "unsigned"):  # (reported from now on: its files do not hold)
        server.damaged[film.id] = f"film.mp4 fails verification: {verdict.reason}"
    return Provenance(state=verdict.state, reason=verdict.reason, ai_generated=verdict.ai_generated,
                      generator=(verdict.manifest or {}).get("claim_generator_info", [{}])[0].get("name"),
                      episodes=episodes)


@router.get("/api/films/{film_id}/captions")
def captions(server: ServerDep, film: FilmDep, since: int = 0) -> Captions:
    """Captions from number ``since`` on, as they are made (the player adds them as cues)."""
    live = server.live.get(film.id)
    if live is not None:
        cues = list(live.captions)
    else:
        saved = server.folder(film.id) / "captions.json"
        cues = json.loads(saved.read_text(encoding="utf-8")) if saved.is_file() else []
    since = max(0, since)
    return Captions(next=len(cues), cues=cues[since:])


@router.post("/api/films/{film_id}/steer")
def steer(ask: Steer, server: ServerDep, film: FilmDep) -> Steered:
    """Steer the film towards a kind of ending (the director takes it into account at every
    choice you let run out, and the player marks the options that keep it within reach)."""
    live_or_409(server, film, "nothing left to steer").steer(ask.ending)
    return Steered(goal=ask.ending)


@router.post("/api/films/{film_id}/save")
def save(ask: Save, server: ServerDep, film: FilmDep) -> Saving:
    """Ask the director to keep characters alive: at every choice you let run out it takes an
    option that spares them, and the player marks the options that would cost a life."""
    live_or_409(server, film, "nobody left to save").save(ask.characters)
    return Saving(saving=ask.characters)


@router.post("/api/films/{film_id}/setting")
def change_setting(ask: Setting, server: ServerDep, film: FilmDep) -> SettingChanged:
    """Change the setting: from the next beat on, this time of day and weather (null: as written)."""
    live_or_409(server, film, "no scene left to change").change_setting(ask.time_of_day, ask.weather)
    return SettingChanged(time_of_day=ask.time_of_day, weather=ask.weather)


@router.get("/films/{film_id}/stream/{name}")
def stream(name: str, server: ServerDep, film: FilmDep) -> Response:
    if not STREAM_FILE.match(name):
        raise HTTPException(404, f"no stream file {name[:40]!r}")
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
