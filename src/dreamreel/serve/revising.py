"""A film's owner revises it from the player: one scene, or a whole episode, rewritten by the
server's LLM on a short note ("make her angrier"), and the film made again.

    POST /api/films/{film}/revise   {note, beat? | episode?}  -> the revised film's status

The server's model (``dreamreel serve --llm``) runs the same revise path as ``dreamreel revise``
(``narrative.revise``: the scene's text under a schema, checked against the film's rating and the
viewer's limits, repaired or left as it was; the graph validated again). The revised story is a
new film that goes the way the original went (its tellings and choices, a ``live.Replay``), so
every shot that did not change is the render cache's and only the revised scenes are drawn
again (its status says how many: ``shots``); past the original's path the viewer chooses as
usual. One revision asks the model at a time (a local model does one thing at once).
"""

from __future__ import annotations

import threading
from typing import Any

from fastapi import HTTPException

from ..cost.budget import film_seconds
from ..errors import BackendError
from ..store.db import Film, Viewer
from .live import Replay
from .schemas import Revise
from .server import Server
from .tellings import choices_of, telling

_BUSY = threading.Lock()


def revise_film(server: Server, viewer: Viewer, film: Film, ask: Revise) -> Film:
    """The revised film, started (see the module doc); one line (an HTTPException or a
    DreamreelError) for a server without a model, a note the model could not follow, or a
    beat or episode the story does not have."""
    from ..model import Profile, Story
    from ..narrative.revise import revise

    if server.llm is None:
        raise HTTPException(503, "this server has no LLM to revise films with: its owner can start it with "
                                 "dreamreel serve --llm openai:URL (or gguf)")
    if (ask.beat is None) == (ask.episode is None):
        raise HTTPException(422, "bad request: name what to revise: a beat or an episode")
    story = Story.model_validate_json(film.story)
    if ask.episode is not None:
        beats = [b.id for b in story.graph.beats if b.episode == ask.episode]
        if not beats:
            raise HTTPException(422, f"bad request: this film has no episode {ask.episode} "
                                     f"(it has {len(story.graph.episodes)})")
    else:
        beats = [str(ask.beat)]
    path = telling(server, film) or {"seed": 0, "steps": []}
    used = server.recheck(viewer, film)  # (a likeness whose consent was revoked is not cast again)
    profile = Profile.model_validate_json(viewer.profile) if viewer.profile else None
    if not _BUSY.acquire(blocking=False):
        raise HTTPException(429, "the server's model is revising another film: try again in a minute")
    try:
        revised, report = revise(story, server.llm, ask.note, beats=beats,
                                 limits=profile.content_limits if profile else None,
                                 avoid=profile.avoid if profile else (), seed=int(path.get("seed", 0)))
    except BackendError as e:
        raise HTTPException(502, f"the server's model failed: {e}") from None
    finally:
        _BUSY.release()
    if not report.changed:
        why = next((r.problems[0] for r in report.revisions if r.problems), "no answer")
        raise HTTPException(422, f"nothing was revised: the model's answers failed the checks ({why})")
    if server.sandbox is not None:
        server.sandbox.check(revised)
    # Cut as the film revised was (a revision of a revision: as the chain's original, which the
    # database keeps across restarts, and after the original is deleted), so the scenes not
    # revised keep their shots' lengths, and so their drawings.
    cut_as = server.cut_of(film)[1] or story
    start = server.started(film)
    fitted = server.afford(viewer, revised, episodes=1 if start else None)
    steps = list(path.get("steps", []))
    revision: dict[str, Any] = {"of": film.id, "note": report.note, "beats": report.changed,
                                "summary": report.summary()}
    with server._lock:
        server.admit(viewer, film_seconds(revised, 1 if start else None))
        server.check_room()
        prompt = film.prompt.split(" (revised: ")[0]
        new = server.db.add_film(viewer.id, f"{prompt} (revised: {report.note[:80]})", revised.bible.title,
                                 revised.model_dump_json(), revision=revision)
        for likeness_id, consent_id, role in used:
            server.db.log_use(likeness_id, consent_id, viewer.id, new.id, role)
        server._launch(new, revised, int(path.get("seed", 0)), profile,
                       adaptive=bool(path.get("adaptive", True)), start=start, fitted=fitted,
                       replay=Replay(steps, len(choices_of(story, steps))), cut_as=cut_as)
    return new
