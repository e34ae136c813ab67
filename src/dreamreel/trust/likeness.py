"""The likeness registry's rules: a real person is cast only with their recorded consent.

    photo (their own, with their agreement) -> Likeness + Consent to themselves
    the person grants another viewer: Consent (for which uses, until when); revokes it any time
    casting: require_consent (valid, in time, not revoked, covering the role) -> cast_into(story)
             -> every use logged (store.db.LikenessUse)

A revoked or expired consent stops every later render that would use the likeness (a new film,
a continuation, a re-watch): each checks again before it is made.
"""

from __future__ import annotations

import re
import time
from typing import Literal

from ..errors import BadInputError
from ..model import Story
from ..model.bible import Look, Performer, VoiceSpec
from ..store.db import Consent, Database, Likeness

Use = Literal["protagonist", "any_role"]
USES: tuple[str, ...] = ("protagonist", "any_role")
#: Consent lasts at most a year; it can be granted again.
MAX_DAYS = 365
#: What a person agrees to when they upload their own photo (kept word for word with the consent).
SELF_STATEMENT = ("I am the person in this photo. I agree that dreamreel may derive a drawn character "
                  "look from it and cast that look in films I make, until the date given or until I revoke it.")


#: The voices a person can choose for their likeness (a photo does not say how they sound).
#: Each is a whole designed voice (pitch and vocal tract), kept whatever part they play.
VOICES = {
    "low": VoiceSpec(descriptor="low, warm", median_hz=102.0, tract=0.99, speed=0.95, timbre=-0.35),
    "middle": VoiceSpec(descriptor="even, clear", median_hz=150.0, tract=1.08, speed=1.0, timbre=0.0),
    "high": VoiceSpec(descriptor="high, bright", median_hz=212.0, tract=1.17, speed=1.03, timbre=0.35),
}


class ConsentError(BadInputError):
    """A likeness cannot be cast: no consent, or it expired, was revoked, or does not cover the role."""


def grant_statement(name: str, to: str, uses: list[str], days: int) -> str:
    return (f"I, {name}, agree that viewer {to} may cast my likeness ({', '.join(uses)}) in films they make, "
            f"for {days} days or until I revoke it.")


def check_uses(uses: list[str]) -> list[str]:
    bad = [u for u in uses if u not in USES]
    if bad or not uses:
        raise BadInputError(f"consent uses must be some of {', '.join(USES)}; got {', '.join(uses) or 'none'}")
    return list(dict.fromkeys(uses))


def check_days(days: int) -> int:
    if not 1 <= days <= MAX_DAYS:
        raise BadInputError(f"consent lasts 1 to {MAX_DAYS} days; got {days}")
    return days


def require_consent(db: Database, likeness_id: str, viewer_id: str, role: str,
                    now: float | None = None) -> tuple[Likeness, Consent]:
    """The likeness and the consent that lets ``viewer_id`` cast it as ``role`` now, or ConsentError
    saying why not (in words the viewer can act on)."""
    now = time.time() if now is None else now
    likeness = db.likeness(likeness_id, viewer_id)
    if likeness is None:
        raise ConsentError(f"no likeness {likeness_id!r} that you may use: a person must upload their own photo "
                           f"and grant you consent")
    use = "protagonist" if role == "protagonist" else "any_role"
    mine = [c for c in db.consents(likeness.id) if c.granted_to == viewer_id]
    if not mine:
        raise ConsentError(f"{likeness.name} has not agreed to be cast by you")
    live = [c for c in mine if c.revoked is None and c.until > now]
    if not live:
        last = max(mine, key=lambda c: c.created)
        if last.revoked is not None:
            raise ConsentError(f"{likeness.name} revoked their consent on "
                               f"{time.strftime('%Y-%m-%d', time.gmtime(last.revoked))}: they cannot be cast")
        raise ConsentError(f"{likeness.name}'s consent expired on {time.strftime('%Y-%m-%d', time.gmtime(last.until))}; "
                           f"ask them to grant it again")
    fitting = [c for c in live if use in c.uses.split(",") or "any_role" in c.uses.split(",")]
    if not fitting:
        raise ConsentError(f"{likeness.name} agreed to {live[0].uses.replace(',', ', ')} only, not to be cast as {role}")
    return likeness, max(fitting, key=lambda c: c.until)


def as_performer(likeness: Likeness) -> Performer:
    """A likeness as someone to write a story around (``narrative.planner.plan(cast=...)``):
    their name, pronouns, look and voice."""
    return Performer(name=likeness.name, pronouns=likeness.pronouns or "they", look=Look.model_validate_json(likeness.look),
                     voice=VoiceSpec.model_validate_json(likeness.voice) if likeness.voice else VOICES["middle"])


def cast_into(story: Story, role: str, name: str, look: Look, voice: VoiceSpec | None = None) -> tuple[Story, str]:
    """``story`` with the character playing ``role`` (a role such as protagonist or antagonist, or a
    character id) drawn with ``look``, speaking with ``voice`` (None: as cast) and called ``name``
    everywhere it is written. Returns the story and the character id replaced."""
    cast = story.bible.cast
    target = next((c for c in cast if c.id == role), None) or next((c for c in cast if c.role == role), None)
    if target is None:
        roles = sorted({c.role for c in cast})
        raise BadInputError(f"no character plays {role!r} in this story; cast as one of: {', '.join(roles)}, "
                            f"or a character id ({', '.join(c.id for c in cast)})")
    old_full, old_first = target.name, target.name.split()[0]
    new_full = re.sub(r"\s+", " ", name).strip()
    new_first = new_full.split()[0]

    def rename(text: str) -> str:
        text = re.sub(rf"\b{re.escape(old_full)}\b", new_full, text)
        return re.sub(rf"\b{re.escape(old_first)}\b", new_first, text)

    data = story.model_dump(mode="json")
    for c in data["bible"]["cast"]:
        if c["id"] == target.id:
            c["name"], c["look"] = new_full, look.model_dump(mode="json")
            if voice is not None:
                c["voice"] = voice.model_dump(mode="json")

    def walk(node):  # every string of the story but ids: narration, lines, prompts, summaries
        if isinstance(node, dict):
            return {k: (v if k in ("id", "speaker", "target", "beat", "var", "entry") else walk(v)) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return rename(node) if isinstance(node, str) else node

    data["graph"] = walk(data["graph"])
    for key in ("title", "logline"):
        data["bible"][key] = rename(data["bible"][key])
    return Story.model_validate(data), target.id
