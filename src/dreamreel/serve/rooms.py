"""Watching together: a room of friends watches one generated film in sync and chooses together.

    POST /api/rooms                     {film?, limit?, rule?, tie?} -> a room you host: its code and invite link
    GET  /together/{code}               the room's page (an invite link: join from it)
    POST /api/rooms/join                {code, name?} -> you are in, as your own viewer with your own profile
    GET  /api/rooms/{room}              who is here, the film, the shared clock, the vote
    POST /api/rooms/{room}/film         {prompt, episodes?, seconds?, rating?} (host): the room's film, made
                                        once, kept to the strictest of the members' profiles
    POST /api/rooms/{room}/settings     {limit?, tie?} (host)
    POST /api/rooms/{room}/remove       {member} (host)        POST /api/rooms/{room}/close  (host)
    POST /api/rooms/{room}/leave        (a member)
    POST /api/rooms/{room}/vote         {choice_id, option_id}
    GET  /together/{room}/stream/{f}    the room's film's stream, for its members
    GET  /api/rooms/{room}/captions     its captions, from number ``since`` on
    WS   /ws/rooms/{room}               in: ping, play/pause/seek (host), vote, react, chat, event (telemetry);
                                        out: room (state), say (reactions, chat), pong, error, gone

The room's clock is the server's: a film position at a server time, running or not. Every page
follows it (playbackRate nudges, a seek when far out), so members drift apart by what their
clock estimate and the nudging leave (tests/test_rooms.py measures it in two chromium pages).
The clock waits where the stream ends (the film is still being made) and runs on as it grows;
it paces production as one viewer's player does. A choice opens for everyone when the clock
reaches it, with one countdown; it closes when the countdown runs out or everyone online has
voted. Most votes win; a tie goes to the host's vote (tie rule ``host``) or to the director
(``director``: among the tied, the option nearest what the room seems to want); nobody voting
lets the director choose for the room. Engagement is read per member and combined
(``director.group``); the film is written to the strictest of the members' profiles, and a
member whose profile excludes a film already made is told so and not let in.

Rooms live in the database (``store.together``): each is saved as it changes (who is in it, the
host, the rule, the film, what was decided) and, while it plays, its position every second; a
server that starts again opens them as they were, paused where they were (a room that was playing
plays on as soon as a member's socket reconnects). A film being made when the server stopped is
interrupted, as for one viewer: the room keeps what was made, and the host starts the next one.
A room nothing happened in for a week (``RoomLimits.kept_s``) is closed rather than opened again.
Every reply is one line; a flood of reactions or
chat is answered "slow down" and dropped; chat is plain text (the page shows it as text).
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import secrets
import threading
import time
from collections import Counter, OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Cookie, FastAPI, HTTPException, Request, Response, WebSocket, WebSocketDisconnect
from fastapi.responses import FileResponse, HTMLResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy import select

from ..director.group import GroupEngagement, keeps_out, strictest
from ..errors import DreamreelError
from ..model import Profile, Story
from ..store.db import Viewer
from ..store.together import SavedRoom, TogetherStore
from .guard import StrictRoute, address_group
from .live import countdown_s
from .routes.pages import page
from .routes.pages import page_text as _page
from .schemas import NewFilm, Telemetry
from .server import AI_HEADERS
from .server import STREAM_FILE as _STREAM_FILE

log = logging.getLogger("dreamreel.serve")
COOKIE = "dreamreel_token"
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
REACTIONS = ("👏", "😂", "😮", "😱", "😢", "❤️", "🔥", "👀")
TieRule = Literal["host", "director"]


@dataclass
class Bucket:
    """A token bucket: ``burst`` at once, ``per_s`` a second after that."""

    burst: float
    per_s: float
    tokens: float = -1.0
    at: float = 0.0

    def take(self, now: float) -> bool:
        if self.tokens < 0:
            self.tokens, self.at = self.burst, now
        self.tokens = min(self.burst, self.tokens + max(0.0, now - self.at) * self.per_s)
        self.at = now
        if self.tokens < 1:
            return False
        self.tokens -= 1
        return True


@dataclass(frozen=True)
class RoomLimits:
    #: Members a room may have at most (the host picks the room's limit up to this; 8 by default).
    most_members: int = 32
    default_members: int = 8
    #: How long an invite (code and link) lets new members in.
    invite_s: float = 24 * 3600
    #: Reactions: a burst, then a second; chat messages likewise; a message's length.
    reactions: tuple[float, float] = (5, 2.0)
    chat: tuple[float, float] = (3, 0.5)
    chat_chars: int = 280
    #: Telemetry events a second from one member.
    events_per_s: float = 40
    #: Bad codes one viewer may try a minute (a code is 6 of 32 letters: guessing is slow), and
    #: one address (an IPv6 /64) whatever viewers it comes as: it is given 30 new viewers a
    #: minute, so per viewer alone one address guessed 300 codes a minute (bench: 400 in 28 s).
    bad_codes_per_min: int = 10
    bad_codes_per_address_per_min: int = 30
    #: Open rooms one viewer may host at once (one viewer opened 300 in 1.3 s, each kept in
    #: memory and in the store): past it, a one-line 429 until they close one.
    rooms_per_host: int = 8
    #: A room nothing happened in for this long is not opened again when the server starts (and,
    #: nobody in it, is closed while it runs).
    kept_s: float = 7 * 24 * 3600
    #: How often the server looks for rooms to let go of: closed ones, those whose host is gone
    #: (an anonymous viewer expires: ``Limits.anonymous_s``) and those left for ``kept_s``.
    prune_every_s: float = 60.0
    #: Rooms closed lately, remembered by id (a member is told "closed", not "no room").
    closed_kept: int = 4096


@dataclass
class Member:
    id: str
    name: str
    joined: float
    online: int = 0  # open sockets
    reactions: Bucket = field(default_factory=lambda: Bucket(5, 2.0))
    chat: Bucket = field(default_factory=lambda: Bucket(3, 0.5))
    events: Bucket = field(default_factory=lambda: Bucket(40, 40))


@dataclass
class Clock:
    """The room's shared clock: at server time ``at`` the film was at ``pos``; it runs (1 s a
    second) while ``playing`` and not ``waiting`` (for the stream to be made)."""

    pos: float = 0.0
    at: float = 0.0
    playing: bool = True
    waiting: bool = False

    def now(self, t: float) -> float:
        return self.pos + (t - self.at) if self.playing and not self.waiting else self.pos

    def set(self, pos: float, t: float, *, playing: bool | None = None) -> None:
        self.pos, self.at = max(0.0, pos), t
        if playing is not None:
            self.playing = playing

    def hold(self, t: float, made: float, complete: bool) -> bool:
        """Keep within the stream made so far (``made`` seconds; ``complete``: all of it); True if
        it changed course (waits, runs on, or ends)."""
        edge = made if complete else made - 0.3
        p = self.now(t)
        if self.playing and not self.waiting and p >= edge:
            self.set(edge, t)
            if complete:
                self.playing = False
            else:
                self.waiting = True
            return True
        if self.waiting and (edge - self.pos > 0.5 or complete):
            self.set(self.pos, t)
            self.waiting = False
            return True
        return False

    def view(self) -> dict[str, Any]:
        return {"pos": round(self.pos, 4), "at": round(self.at, 4),
                "rate": 1.0 if self.playing and not self.waiting else 0.0,
                "playing": self.playing, "waiting": self.waiting}


@dataclass
class Vote:
    choice_id: str
    beat_id: str
    prompt: str
    options: list[dict[str, Any]]   # id, text
    default: str
    posted: float                   # the film's pending choice this is (its posting time)
    opens: float
    closes: float
    ballots: dict[str, str] = field(default_factory=dict)  # member -> option
    result: dict[str, Any] | None = None  # option, text, by, why, tally
    _log_from: int = 0

    def tally(self) -> dict[str, int]:
        counts = Counter(self.ballots.values())
        return {o["id"]: counts.get(o["id"], 0) for o in self.options}

    def view(self, member: str) -> dict[str, Any]:
        tally = self.tally()
        return {"choice_id": self.choice_id, "prompt": self.prompt, "opens": round(self.opens, 3),
                "closes": round(self.closes, 3), "yours": self.ballots.get(member), "voters": len(self.ballots),
                "options": [{**o, "votes": tally[o["id"]]} for o in self.options], "result": self.result}


class Room:
    """One room (its methods take the time, ``now``, so tests can drive them)."""

    def __init__(self, host: Viewer, host_name: str, now: float, limits: RoomLimits, *, film_id: str | None = None,
                 limit: int | None = None, tie: TieRule = "host", rule: str = "least"):
        self.id = secrets.token_hex(16)
        self.code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(6))
        self.host = host.id
        self.limits = limits
        self.created = now
        self.invite_until = now + limits.invite_s
        self.limit = limit or limits.default_members
        self.tie: TieRule = tie
        self.film_id = film_id
        self.title = ""
        self.closed = False
        self.members: dict[str, Member] = {}
        self.removed: set[str] = set()
        self.profiles: dict[str, Profile | None] = {}
        self.clock = Clock(at=now)
        self.group = GroupEngagement(rule)  # type: ignore[arg-type]
        self.vote: Vote | None = None
        self.decided: list[dict[str, Any]] = []   # every vote's result, in order
        self.said: deque[dict[str, Any]] = deque(maxlen=200)
        self.seq = 0
        self.version = 0
        self.made = (0.0, False)   # the stream's seconds so far, and whether that is all
        self.idle = False          # the clock was paused because nobody was here
        self.lock = threading.RLock()
        self.saved_at = (-1, 0.0)  # the version last saved, and when
        self._add(host, host_name, now)

    # -- in the database -------------------------------------------------------------------

    def saved(self, now: float) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """What the database keeps of this room now (``store.together.RoomRow``'s fields, and its
        members'); notes it as saved."""
        with self.lock:
            self.saved_at = (self.version, now)
            fields = {"id": self.id, "code": self.code, "viewer_id": self.host, "created": self.created,
                      "invite_until": self.invite_until, "limit": self.limit, "tie": self.tie,
                      "rule": self.group.rule, "film_id": self.film_id or "", "title": self.title,
                      "closed": self.closed, "pos": round(self.clock.now(now), 3),
                      "playing": self.clock.playing or self.idle, "decided": json.dumps(self.decided),
                      "removed": json.dumps(sorted(self.removed))}
            return fields, [{"viewer_id": m.id, "name": m.name, "joined": m.joined} for m in self.members.values()]

    def position(self, now: float) -> tuple[str, float, bool]:
        """Where the room's film is now (all that changes while it plays); notes it as saved."""
        with self.lock:
            self.saved_at = (self.saved_at[0], now)
            return self.id, round(self.clock.now(now), 3), self.clock.playing or self.idle

    @classmethod
    def restore(cls, saved: SavedRoom, viewers: dict[str, Viewer], limits: RoomLimits, now: float) -> Room | None:
        """A room as the database kept it, paused where it was (it plays on when a member's socket
        connects, if it was playing); None if its host is gone. Members who are gone are left out."""
        row = saved.row
        host = viewers.get(row.viewer_id)
        names = {m.viewer_id: m for m in saved.members}
        if host is None or row.viewer_id not in names:
            return None
        room = cls(host, names[row.viewer_id].name, row.created, limits, film_id=row.film_id or None,
                   limit=row.limit, tie=row.tie if row.tie in ("host", "director") else "host",  # type: ignore[arg-type]
                   rule=row.rule)
        room.id, room.code, room.invite_until, room.title = row.id, row.code, row.invite_until, row.title
        room.members.clear()
        room.profiles.clear()
        for m in saved.members:
            if m.viewer_id in viewers:
                room._add(viewers[m.viewer_id], m.name, m.joined)
        room.removed = saved.removed
        room.decided = saved.decided
        room.clock = Clock(pos=row.pos, at=now, playing=False)
        room.idle = row.playing
        room.saved_at = (room.version, now)
        return room

    # -- membership ----------------------------------------------------------------------

    def _add(self, viewer: Viewer, name: str, now: float) -> Member:
        lim = self.limits
        m = Member(viewer.id, name, now, reactions=Bucket(*lim.reactions), chat=Bucket(*lim.chat),
                   events=Bucket(lim.events_per_s, lim.events_per_s))
        self.members[viewer.id] = m
        self.profiles[viewer.id] = Profile.model_validate_json(viewer.profile) if viewer.profile else None
        self.version += 1
        return m

    def join(self, viewer: Viewer, name: str, now: float, story: Story | None) -> Member:
        """Let ``viewer`` in (again): refused, one line, if the room is closed, they were
        removed, the invite has expired, the room is full, or the film shows what their profile
        keeps out."""
        with self.lock:
            if self.closed:
                raise HTTPException(410, "this room is closed")
            if viewer.id in self.members:
                return self.members[viewer.id]
            if viewer.id in self.removed:
                raise HTTPException(403, "the host removed you from this room")
            if now > self.invite_until:
                raise HTTPException(410, "this invite has expired: ask the host for a new room")
            if len(self.members) >= self.limit:
                raise HTTPException(409, f"this room is full ({len(self.members)} of {self.limit})")
            profile = Profile.model_validate_json(viewer.profile) if viewer.profile else None
            if story is not None and (why := keeps_out(story, profile)) is not None:
                raise HTTPException(409, f"this room's film is outside your profile ({why}): you have not joined; "
                                         f"the host can start a new film that keeps to everyone's")
            taken = {m.name for m in self.members.values()}
            name = clean_text(name)[:24] or next(f"Guest {n}" for n in range(2, 999) if f"Guest {n}" not in taken)
            if name in taken:
                name = next(f"{name} {n}" for n in range(2, 999) if f"{name} {n}" not in taken)
            return self._add(viewer, name, now)

    def remove(self, by: str, member: str) -> None:
        with self.lock:
            self.must_host(by, "remove someone")
            if member == self.host:
                raise HTTPException(400, "the host cannot remove themselves: close the room instead")
            if member not in self.members:
                raise HTTPException(404, f"no member {member[:40]!r} in this room")
            self.members.pop(member)
            self.profiles.pop(member, None)
            self.removed.add(member)
            self.group.leave(member)
            self.version += 1

    def leave(self, member: str) -> None:
        with self.lock:
            if member == self.host:
                raise HTTPException(400, "the host cannot leave: close the room instead")
            self.members.pop(member, None)
            self.profiles.pop(member, None)
            self.group.leave(member)
            self.version += 1

    def close(self, by: str) -> None:
        with self.lock:
            self.must_host(by, "close the room")
            self.closed = True
            self.version += 1

    def must_host(self, who: str, what: str) -> None:
        if who != self.host:
            raise HTTPException(403, f"only the host can {what}")

    def profile(self) -> Profile:
        """The strictest of the members' profiles (what the room's film keeps to)."""
        return strictest(self.profiles.values())

    # -- the clock -----------------------------------------------------------------------

    def control(self, who: str, what: str, now: float, to: float | None = None) -> None:
        with self.lock:
            self.must_host(who, "pause, play or seek for the room")
            self.idle = False
            if what == "pause":
                self.clock.set(self.clock.now(now), now, playing=False)
            elif what == "play":
                self.clock.set(self.clock.now(now), now, playing=True)
            elif what == "seek":
                made, complete = self.made
                if to is None or not 0 <= to <= made:
                    raise HTTPException(400, f"seek within the film made so far (0 to {made:.1f} s)")
                self.clock.set(to, now)
                self.clock.waiting = False
            self.version += 1

    # -- votes ---------------------------------------------------------------------------

    def open_vote(self, pending: Any, now: float, log_from: int = 0, at_s: float | None = None) -> Vote:
        """A vote on the film's pending choice, open from ``now`` for its countdown: as the player's,
        it runs out by the time the film must have its answer not to stall (``live.countdown_s``)
        where the room's clock is at film second ``at_s``."""
        lasts = pending.timeout_s if at_s is None else countdown_s(pending.timeout_s, pending.answer_by_s, at_s)
        with self.lock:
            self.vote = Vote(pending.choice_id, pending.beat_id, pending.prompt,
                             [{"id": o["id"], "text": o["text"]} for o in pending.options], pending.default,
                             pending.posted, now, now + lasts, _log_from=log_from)
            self.version += 1
            return self.vote

    def ballot(self, member: str, choice_id: str, option_id: str, now: float) -> Vote:
        with self.lock:
            v = self.vote
            if v is None:
                raise HTTPException(409, "no choice is being voted on now")
            if v.choice_id != choice_id:
                raise HTTPException(409, f"choice {choice_id[:40]!r} is not the one being voted on")
            if v.result is not None or now > v.closes:
                raise HTTPException(409, "the vote has closed" + (f": {v.result['text']!r} was chosen"
                                                                  if v.result and v.result.get("text") else ""))
            if option_id not in {o["id"] for o in v.options}:
                raise HTTPException(400, f"option {option_id[:40]!r} is not on offer "
                                         f"(on offer: {', '.join(o['id'] for o in v.options)})")
            v.ballots[member] = option_id
            self.version += 1
            return v

    def due(self, now: float) -> bool:
        """The open vote should close: its countdown ran out, or everyone online has voted."""
        v = self.vote
        if v is None or v.result is not None:
            return False
        online = [m for m in self.members.values() if m.online]
        return now >= v.closes or (bool(online) and all(m.id in v.ballots for m in online))

    def count(self, pick: Any = None) -> tuple[str | None, str, str]:
        """The open vote's outcome: (option, by, why); option None: nobody voted (the director
        chooses). ``pick(tied) -> option`` is the director's pick among tied options."""
        v = self.vote
        assert v is not None
        tally = v.tally()
        n = len(v.ballots)
        texts = {o["id"]: o["text"] for o in v.options}
        if not n:
            return None, "director", "nobody voted"
        top = max(tally.values())
        tied = [o for o, k in tally.items() if k == top]
        votes = f"{top} vote{'s' if top != 1 else ''}"
        if len(tied) == 1:
            return tied[0], "majority", f"{votes} of {n} for {texts[tied[0]]!r}"
        host = v.ballots.get(self.host)
        if self.tie == "host" and host in tied:
            return host, "host", f"a tie at {votes} each: the host's vote decided"
        option = pick(tied) if pick is not None else (v.default if v.default in tied else tied[0])
        return option, "director", f"a tie at {votes} each: the director picked the one nearest what the room " \
                                   f"seems to want"

    # -- presence, reactions, chat ---------------------------------------------------------

    def say(self, member: str, kind: str, text: str, now: float) -> dict[str, Any]:
        with self.lock:
            m = self.members.get(member)
            if m is None:
                raise HTTPException(403, "you are not in this room")
            if kind == "react":
                if text not in REACTIONS:
                    raise HTTPException(400, f"a reaction is one of {' '.join(REACTIONS)}")
                if not m.reactions.take(now):
                    raise HTTPException(429, f"slow down: at most {self.limits.reactions[1]:g} reactions a second")
            else:
                text = clean_text(text)
                if not text:
                    raise HTTPException(400, "say something")
                if len(text) > self.limits.chat_chars:
                    raise HTTPException(400, f"a message is at most {self.limits.chat_chars} characters "
                                             f"(this one is {len(text)})")
                if not m.chat.take(now):
                    raise HTTPException(429, "slow down: one message every "
                                             f"{1 / self.limits.chat[1]:g} seconds")
            self.seq += 1
            item = {"seq": self.seq, "at": round(now, 3), "kind": kind, "by": m.id, "name": m.name, "text": text}
            self.said.append(item)
            return item

    def view(self, member: str, now: float) -> dict[str, Any]:
        with self.lock:
            p = self.profile()
            keeps = []
            if p.rating_ceiling:
                keeps.append(f"rated at most {p.rating_ceiling}")
            if p.content_limits:
                keeps.append(f"{len(p.content_limits)} content limit{'s' if len(p.content_limits) > 1 else ''}")
            if p.avoid:
                keeps.append(f"{len(p.avoid)} theme{'s' if len(p.avoid) > 1 else ''} kept out")
            return {"type": "room", "id": self.id, "code": self.code, "invite": f"/together/{self.code}",
                    "invite_until": round(self.invite_until), "host": self.host, "you": member,
                    "is_host": member == self.host, "limit": self.limit, "tie": self.tie, "group": self.group.rule,
                    "closed": self.closed, "film": self.film_id, "title": self.title, "now": round(now, 4),
                    "members": [{"id": m.id, "name": m.name, "host": m.id == self.host, "online": m.online > 0}
                                for m in self.members.values()],
                    "keeps_to": keeps, "clock": self.clock.view(), "made": round(self.made[0], 3),
                    "complete": self.made[1], "vote": self.vote.view(member) if self.vote else None,
                    "decided": self.decided[-10:]}


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def clean_text(text: str) -> str:
    """Chat and names as plain text on one line: control and direction characters dropped,
    whitespace collapsed (the page shows it as text, never as markup)."""
    return " ".join(_CONTROL.sub(" ", text).split())


class Rooms:
    """Every room on this server, by id and by invite code; kept in ``store`` (if given)."""

    def __init__(self, limits: RoomLimits | None = None, store: TogetherStore | None = None):
        self.limits = limits or RoomLimits()
        self.store = store
        self.by_id: dict[str, Room] = {}
        self.by_code: dict[str, Room] = {}
        self.lock = threading.RLock()
        self._bad: dict[str, deque[float]] = {}
        self._ticker: asyncio.Task | None = None
        #: Which of these viewers still exist (None: all do); the rooms of those who do not are closed.
        self.alive: Callable[[list[str]], set[str]] | None = None
        self.closed_ids: OrderedDict[str, None] = OrderedDict()
        self._pruned = 0.0

    def restore(self, viewer: Any, now: float) -> int:
        """The rooms the store kept (``viewer(id) -> Viewer | None``); returns how many."""
        if self.store is None:
            return 0
        n = 0
        for saved in self.store.open_rooms(since=now - self.limits.kept_s):
            ids = {saved.row.viewer_id, *(m.viewer_id for m in saved.members)}
            viewers = {i: v for i in ids if (v := viewer(i)) is not None}
            room = Room.restore(saved, viewers, self.limits, now)
            if room is not None:
                with self.lock:
                    self.by_id[room.id] = room
                    if room.code not in self.by_code:
                        self.by_code[room.code] = room
                n += 1
        return n

    def save(self, *rooms: Room, now: float | None = None) -> None:
        """Keep these rooms as they are now: all of a room that changed, only the position of one
        that just plays on (a database error is logged: the room carries on)."""
        if self.store is None or not rooms:
            return
        now = time.time() if now is None else now
        changed = [r for r in rooms if r.version != r.saved_at[0]]
        moved = [r for r in rooms if r.version == r.saved_at[0]]
        try:
            if changed:
                self.store.save_rooms([r.saved(now) for r in changed])
            if moved:
                self.store.save_positions([r.position(now) for r in moved])
        except Exception:  # noqa: BLE001 - the room goes on in memory; the next save catches up
            log.exception("rooms: %d not saved", len(rooms))

    def changed(self, now: float) -> list[Room]:
        """Rooms to save: changed since they were last saved, or playing (their position, each second)."""
        out = []
        for room in list(self.by_id.values()):
            version, at = room.saved_at
            if room.version != version or (room.clock.playing and not room.clock.waiting and now - at >= 1.0):
                out.append(room)
        return out

    def open(self, host: Viewer, name: str, now: float, **kw: Any) -> Room:
        self.prune(now, now_or_later=True)
        with self.lock:
            most = self.limits.rooms_per_host
            if sum(1 for r in self.by_id.values() if r.host == host.id and not r.closed) >= most:
                raise HTTPException(429, f"you host {most} open rooms already (the most at once): close one first")
            room = Room(host, clean_text(name)[:24] or "Host", now, self.limits, **kw)
            while room.code in self.by_code:
                room.code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(6))
            self.by_id[room.id], self.by_code[room.code] = room, room
        self.save(room, now=now)
        return room

    def by_invite(self, viewer: Viewer, code: str, now: float, address: str | None = None) -> Room:
        """The room whose invite code is ``code``; 429 once this viewer, or ``address`` (the
        client's), has tried too many wrong codes in the last minute."""
        code = code.strip().upper()
        with self.lock:
            tries = [(viewer.id, self.limits.bad_codes_per_min)]
            if address is not None:
                tries.append((f"address {address_group(address)}", self.limits.bad_codes_per_address_per_min))
            if len(self._bad) > 10_000:  # (forget who has not guessed wrong for a minute)
                self._bad = {k: b for k, b in self._bad.items() if b and now - b[-1] <= 60}
            bads = [self._bad.setdefault(key, deque(maxlen=most)) for key, most in tries]
            for bad, (_, most) in zip(bads, tries):
                while bad and now - bad[0] > 60:
                    bad.popleft()
                if len(bad) >= most:
                    raise HTTPException(429, "too many wrong codes: wait a minute")
            room = self.by_code.get(code) if re.fullmatch(r"[A-Z0-9]{6}", code) else None
            if room is None:
                for bad in bads:
                    bad.append(now)
                raise HTTPException(404, f"no room with the code {code[:12]!r}: check the link or ask the host")
            return room

    def get(self, room_id: str) -> Room | None:
        return self.by_id.get(room_id) if re.fullmatch(r"[0-9a-f]{32}", room_id) else None

    def forget(self, room: Room) -> None:
        """Let go of a closed room (kept in the store as it was saved): its id is remembered as
        closed, among the last ``closed_kept``."""
        with self.lock:
            self.by_id.pop(room.id, None)
            if self.by_code.get(room.code) is room:
                self.by_code.pop(room.code)
            self.closed_ids[room.id] = None
            while len(self.closed_ids) > self.limits.closed_kept:
                self.closed_ids.popitem(last=False)

    def prune(self, now: float, *, now_or_later: bool = False) -> int:
        """Let go of the rooms this server need not hold: closed ones (once saved), and open ones
        whose host is gone (``alive``) or that nobody was in for ``kept_s`` (closed, saved, then let
        go). With ``now_or_later``, only if ``prune_every_s`` has passed since the last look.
        Returns how many rooms were let go."""
        with self.lock:
            if now_or_later and now - self._pruned < self.limits.prune_every_s:
                return 0
            self._pruned = now
            held = list(self.by_id.values())
        hosts = self.alive(sorted({r.host for r in held if not r.closed})) if self.alive is not None else None
        ending = []
        for room in held:
            with room.lock:
                left = now - max(room.created, room.saved_at[1]) > self.limits.kept_s and \
                    not any(m.online for m in room.members.values())
                if not room.closed and ((hosts is not None and room.host not in hosts) or left):
                    room.closed = True
                    room.version += 1
                    ending.append(room)
        self.save(*ending, now=now)
        gone = [r for r in held if r.closed and (self.store is None or r.version == r.saved_at[0])]
        for room in gone:
            self.forget(room)
        return len(gone)


# -- the HTTP and WebSocket side ------------------------------------------------------------


class NewRoom(BaseModel):
    model_config = ConfigDict(extra="forbid")
    #: A film of yours to watch together (none: the room starts empty, and you start one in it).
    film: str | None = Field(default=None, max_length=64)
    limit: int | None = Field(default=None, ge=2, le=32)
    tie: TieRule = "host"
    name: str = Field(default="", max_length=40)


class JoinRoom(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str = Field(max_length=16)
    name: str = Field(default="", max_length=40)


class RoomSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    limit: int | None = Field(default=None, ge=2, le=32)
    tie: TieRule | None = None


class Removal(BaseModel):
    model_config = ConfigDict(extra="forbid")
    member: str = Field(max_length=64)


class Ballot(BaseModel):
    model_config = ConfigDict(extra="forbid")
    choice_id: str = Field(max_length=64)
    option_id: str = Field(max_length=64)


def _same_origin(headers: Any) -> bool:
    """A browser's request from another site (its Origin is not this host) is refused; a client
    that sends no Origin (not a browser) is not a cross-site request."""
    origin = headers.get("origin")
    if origin is None:
        return True
    host = headers.get("host", "")
    return re.sub(r"^[a-z]+://", "", origin.lower()).rstrip("/") == host.lower()


def _stream_made(folder: Any) -> tuple[float, bool]:
    try:
        index = json.loads((folder / "stream" / "index.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0.0, False
    segs = index.get("segments") or []
    end = max((float(s["start"]) + float(s["duration"]) for s in segs), default=0.0)
    return end, bool(index.get("complete"))


def install(app: FastAPI) -> Rooms:
    """Add rooms to the app (``app.state.server`` is the ``Server``)."""
    server = app.state.server
    rooms = Rooms(store=TogetherStore(server.db.engine))
    rooms.restore(server.db.viewer, time.time())  # (the rooms a server before this one kept)
    app.state.rooms = rooms

    def alive(ids: list[str]) -> set[str]:
        with server.db.session() as s:
            return {i for n in range(0, len(ids), 500) for i in s.scalars(select(Viewer.id).where(
                Viewer.id.in_(ids[n:n + 500])))}

    rooms.alive = alive
    router = APIRouter(route_class=StrictRoute)  # (included at the end, with every route below)

    def viewer_or_401(token: str | None) -> Viewer:
        viewer = server.db.viewer_by_token(token)
        if viewer is None:
            raise HTTPException(401, "no viewer: open the portal page first (it gives you a token)")
        return viewer

    def origin_ok(request: Request) -> None:
        if not _same_origin(request.headers):
            raise HTTPException(403, "a request from another site: refused")

    def room_or_404(room_id: str, viewer: Viewer, *, member: bool = True) -> Room:
        room = rooms.get(room_id)
        if room is None:
            if room_id in rooms.closed_ids:
                raise HTTPException(410, "this room is closed")
            raise HTTPException(404, f"no room {room_id[:40]!r}")
        if member and viewer.id not in room.members:
            raise HTTPException(403, "the host removed you from this room" if viewer.id in room.removed
                                else "you are not in this room: join it from its invite link")
        return room

    def acting(room_id: str, request: Request, token: str | None) -> tuple[Viewer, Room]:
        """Who asks to change something in which room (a member of it, asking from this site)."""
        origin_ok(request)
        viewer = viewer_or_401(token)
        return viewer, room_or_404(room_id, viewer)

    def story_of(room: Room) -> Story | None:
        if room.film_id is None:
            return None
        live = server.live.get(room.film_id)
        if live is not None:
            return live.story
        film = server.db.film(room.film_id, room.host)
        return Story.model_validate_json(film.story) if film is not None and film.story else None

    def adopt(room: Room, film_id: str) -> None:
        """The room's film: its director reads the room's combined engagement."""
        room.film_id = film_id
        film = server.db.film(film_id, room.host)
        room.title = film.title if film is not None else ""
        live = server.live.get(film_id)
        if live is not None and live.status in ("queued", "making"):
            if not isinstance(live.engagement, GroupEngagement):
                room.group.members[""] = live.engagement  # the owner's own player, as it was
            live.engagement = room.group
            live.bandit = None  # (a room's film is the group's: no one viewer's session to learn from)
        room.version += 1

    @router.get("/together/room.js")
    def room_js() -> Response:
        return Response(_page("room.js"), media_type="text/javascript")

    @router.get("/together/room.css")
    def room_css() -> Response:
        return Response(_page("room.css"), media_type="text/css")

    @router.get("/together/{code}", response_class=HTMLResponse)
    def room_page(code: str, request: Request, dreamreel_token: Annotated[str | None, Cookie()] = None) -> HTMLResponse:
        # (a friend's first visit makes them a viewer, within the address's limit)
        return page(server, "room.html", dreamreel_token, request, samesite="lax")

    @router.post("/api/rooms")
    def new_room(ask: NewRoom, request: Request,
                 dreamreel_token: Annotated[str | None, Cookie()] = None) -> dict[str, Any]:
        origin_ok(request)
        viewer = viewer_or_401(dreamreel_token)
        film = None
        if ask.film is not None:
            film = server.db.film(ask.film, viewer.id) if re.fullmatch(r"[0-9a-f]{32}", ask.film) else None
            if film is None:
                raise HTTPException(404, f"no film {ask.film[:40]!r} of yours")
        room = rooms.open(viewer, ask.name, time.time(), limit=ask.limit, tie=ask.tie)
        if film is not None:
            adopt(room, film.id)
            rooms.save(room)
        return room.view(viewer.id, time.time())

    @router.post("/api/rooms/join")
    def join_room(ask: JoinRoom, request: Request,
                  dreamreel_token: Annotated[str | None, Cookie()] = None) -> dict[str, Any]:
        origin_ok(request)
        viewer = viewer_or_401(dreamreel_token)
        now = time.time()
        room = rooms.by_invite(viewer, ask.code, now, request.client.host if request.client else None)
        room.join(viewer, ask.name, now, story_of(room) if viewer.id not in room.members else None)
        rooms.save(room, now=now)
        return room.view(viewer.id, now)

    @router.get("/api/rooms/{room_id}")
    def room_status(room_id: str, dreamreel_token: Annotated[str | None, Cookie()] = None) -> dict[str, Any]:
        viewer = viewer_or_401(dreamreel_token)
        return room_or_404(room_id, viewer).view(viewer.id, time.time())

    @router.post("/api/rooms/{room_id}/film")
    def room_film(room_id: str, ask: NewFilm, request: Request,
                  dreamreel_token: Annotated[str | None, Cookie()] = None) -> dict[str, Any]:
        """The host starts the room's film: written and made once, for the strictest of the
        members' profiles, under the host's own limits and budget."""
        viewer, room = acting(room_id, request, dreamreel_token)
        room.must_host(viewer.id, "start the room's film")
        if room.closed:
            raise HTTPException(410, "this room is closed")
        if ask.cast:
            raise HTTPException(400, "a room's film casts nobody's likeness (each would need every member's consent)")
        with room.lock:
            making = server.live.get(room.film_id) if room.film_id else None
            if making is not None and making.status in ("queued", "making"):
                raise HTTPException(409, "the room's film is still being made: start the next when it ends")
            as_room = Viewer(id=viewer.id, token_hash=viewer.token_hash, created=viewer.created,
                             profile=room.profile().model_dump_json())
        film = server.start_film(as_room, ask)
        with room.lock:
            adopt(room, film.id)
            room.clock = Clock(at=time.time())
            room.vote, room.made = None, (0.0, False)
        rooms.save(room)
        return room.view(viewer.id, time.time())

    @router.post("/api/rooms/{room_id}/settings")
    def room_settings(room_id: str, ask: RoomSettings, request: Request,
                      dreamreel_token: Annotated[str | None, Cookie()] = None) -> dict[str, Any]:
        viewer, room = acting(room_id, request, dreamreel_token)
        with room.lock:
            room.must_host(viewer.id, "change the room's settings")
            if ask.limit is not None:
                if ask.limit < len(room.members):
                    raise HTTPException(409, f"{len(room.members)} are here already: remove someone first")
                room.limit = ask.limit
            if ask.tie is not None:
                room.tie = ask.tie
            room.version += 1
        rooms.save(room)
        return room.view(viewer.id, time.time())

    @router.post("/api/rooms/{room_id}/remove")
    def remove_member(room_id: str, ask: Removal, request: Request,
                      dreamreel_token: Annotated[str | None, Cookie()] = None) -> dict[str, Any]:
        viewer, room = acting(room_id, request, dreamreel_token)
        room.remove(viewer.id, ask.member)
        rooms.save(room)
        return room.view(viewer.id, time.time())

    @router.post("/api/rooms/{room_id}/close")
    def close_room(room_id: str, request: Request,
                   dreamreel_token: Annotated[str | None, Cookie()] = None) -> dict[str, Any]:
        viewer, room = acting(room_id, request, dreamreel_token)
        room.close(viewer.id)
        with rooms.lock:
            rooms.by_code.pop(room.code, None)
        rooms.save(room)
        if room.version == room.saved_at[0]:  # (kept in the store: let go of it here; else the next prune)
            rooms.forget(room)
        return {"ok": True, "closed": True}

    @router.post("/api/rooms/{room_id}/leave")
    def leave_room(room_id: str, request: Request,
                   dreamreel_token: Annotated[str | None, Cookie()] = None) -> dict[str, Any]:
        viewer, room = acting(room_id, request, dreamreel_token)
        room.leave(viewer.id)
        rooms.save(room)
        return {"ok": True}

    @router.post("/api/rooms/{room_id}/vote")
    def vote(room_id: str, ask: Ballot, request: Request,
             dreamreel_token: Annotated[str | None, Cookie()] = None) -> dict[str, Any]:
        viewer, room = acting(room_id, request, dreamreel_token)
        return room.ballot(viewer.id, ask.choice_id, ask.option_id, time.time()).view(viewer.id)

    @router.get("/api/rooms/{room_id}/captions")
    def room_captions(room_id: str, since: int = 0,
                      dreamreel_token: Annotated[str | None, Cookie()] = None) -> dict[str, Any]:
        viewer = viewer_or_401(dreamreel_token)
        room = room_or_404(room_id, viewer)
        cues: list[Any] = []
        if room.film_id is not None:
            live = server.live.get(room.film_id)
            if live is not None:
                cues = list(live.captions)
            elif (saved := server.folder(room.film_id) / "captions.json").is_file():
                cues = json.loads(saved.read_text(encoding="utf-8"))
        since = max(0, since)
        return {"next": len(cues), "cues": cues[since:]}

    @router.get("/together/{room_id}/stream/{name}")
    def room_stream(room_id: str, name: str, dreamreel_token: Annotated[str | None, Cookie()] = None) -> Response:
        viewer = viewer_or_401(dreamreel_token)
        room = room_or_404(room_id, viewer)
        if room.film_id is None or not _STREAM_FILE.match(name):
            raise HTTPException(404, f"no stream file {name[:40]!r}")
        path = server.folder(room.film_id) / "stream" / name
        if not path.is_file():
            raise HTTPException(404, f"{name} is not made yet")
        if name.endswith(".json"):
            return Response(path.read_bytes(), media_type="application/json",
                            headers={**AI_HEADERS, "Cache-Control": "no-store"})
        media = "application/c2pa" if name.endswith(".c2pa") else "video/mp4"
        return FileResponse(path, media_type=media, headers={**AI_HEADERS, "Cache-Control": "private, max-age=3600"})

    # -- the ticker: each room's clock, its film's pace, its votes ------------------------

    def tick(room: Room, now: float) -> None:
        with room.lock:
            if room.closed or room.film_id is None:
                return
            live = server.live.get(room.film_id)
            room.made = _stream_made(server.folder(room.film_id))
            if room.clock.hold(now, *room.made):
                room.version += 1
            if not any(m.online for m in room.members.values()) and room.clock.playing:
                room.clock.set(room.clock.now(now), now, playing=False)  # nobody is watching: wait for them
                room.idle = True
                room.version += 1
            if live is None:
                return
            live.follow(room.clock.now(now), room.clock.playing and not room.clock.waiting)
            p = live.pending
            v = room.vote
            if p is not None and (v is None or (v.choice_id, v.posted) != (p.choice_id, p.posted)) \
                    and room.clock.now(now) >= p.start_s - 0.05:
                room.open_vote(p, now, len(live.drama.log), at_s=room.clock.now(now))
            v = room.vote
            if v is not None and v.result is None and room.due(now):
                decide(room, live, v)
            if v is not None and v.result is not None and v.result.get("option") is None:
                taken = next((t for t in reversed(live.taken) if t.choice_id == v.choice_id), None)
                if taken is not None:  # the director chose for the room: what, and why
                    text = next(o["text"] for o in v.options if o["id"] == taken.option_id)
                    said = [i.why for i in live.drama.log[v._log_from:] if i.kind in ("steer", "variety")]
                    why = f"nobody voted: the director chose {text!r}" + \
                        (f" ({said[-1].split(': ', 1)[-1]})" if said else
                         " (the story's own default)" if not live.adaptive else "")
                    v.result.update(option=taken.option_id, text=text, why=why)
                    room.decided.append(dict(v.result, choice_id=v.choice_id, prompt=v.prompt))
                    room.version += 1

    def decide(room: Room, live: Any, v: Vote) -> None:
        def director(tied: list[str]) -> str:
            beat = live.story.graph.beat(v.beat_id)
            offered = [o for o in beat.choice.options if o.id in tied]
            if not live.adaptive:
                return v.default if v.default in tied else tied[0]
            return live.drama.option(beat, offered, live.reading(), live._next_beats(offered),
                                     at_s=live.made_s).id

        option, by, why = room.count(director)
        try:
            live.choose(v.choice_id, option or v.default, by="viewer" if option else "timeout")
        except DreamreelError as e:
            why = f"the film had moved on ({e})"
        v.result = {"option": option, "text": next((o["text"] for o in v.options if o["id"] == option), None),
                    "by": by, "why": why, "tally": v.tally()}
        if option is not None:  # (else the director's choice is filled in once production takes it)
            room.decided.append(dict(v.result, choice_id=v.choice_id, prompt=v.prompt))
        room.version += 1

    async def ticker() -> None:
        saved = 0.0
        while True:
            now = time.time()
            for room in list(rooms.by_id.values()):
                try:
                    tick(room, now)
                except Exception:  # one room's trouble stops no other
                    log.exception("room %s: tick failed", room.id)
            if now - saved >= 1.0:  # what changed, and where the playing rooms are, once a second
                saved = now
                if changed := rooms.changed(now):
                    await asyncio.to_thread(rooms.save, *changed, now=now)
                if now - rooms._pruned >= rooms.limits.prune_every_s:
                    await asyncio.to_thread(rooms.prune, now, now_or_later=True)
            await asyncio.sleep(0.1)

    # -- the room's socket ---------------------------------------------------------------

    @router.websocket("/ws/rooms/{room_id}")
    async def room_socket(ws: WebSocket, room_id: str) -> None:
        viewer = server.db.viewer_by_token(ws.cookies.get(COOKIE))
        room = rooms.get(room_id)
        refused = "another site" if not _same_origin(ws.headers) else "no viewer" if viewer is None else \
            "no room" if room is None else "not a member" if viewer.id not in room.members else \
            "closed" if room.closed else None
        if refused:
            log.warning("refused WS %s from %s: %s", ws.url.path, ws.client.host if ws.client else "?", refused)
            await ws.close(code=4403 if refused in ("another site", "not a member") else 4404)
            return
        assert viewer is not None and room is not None
        if rooms._ticker is None or rooms._ticker.done():
            rooms._ticker = asyncio.create_task(ticker())
        await ws.accept()
        me = viewer.id
        member = room.members[me]
        with room.lock:
            member.online += 1
            if room.idle:  # paused because nobody was here: runs on now someone is
                room.clock.set(room.clock.pos, time.time(), playing=True)
                room.idle = False
            room.version += 1

        async def push() -> None:
            sent, said, beat = -1, room.seq, 0.0
            while True:
                now = time.time()
                if me not in room.members or room.closed:
                    await ws.send_json({"type": "gone", "detail": "this room is closed" if room.closed else
                                        "the host removed you from this room" if me in room.removed else
                                        "you left this room"})
                    await ws.close(code=4410)
                    return
                if room.version != sent or now - beat > 2.0:
                    sent, beat = room.version, now
                    await ws.send_json(room.view(me, now))
                for item in [x for x in list(room.said) if x["seq"] > said]:
                    await ws.send_json({"type": "say", **item})
                    said = item["seq"]
                await asyncio.sleep(0.05)

        async def error(detail: str) -> None:
            await ws.send_json({"type": "error", "detail": detail})

        pusher = asyncio.create_task(push())
        # The telemetry socket's budgets (``Limits``), checked before a message is parsed: over
        # ``messages_per_second`` (a burst of twice that) or ``bad_messages`` bad ones, the socket
        # is closed with the reason (a binary frame raised on the event loop and dropped the socket
        # unexplained; a member's flood of pings or seeks was read without end).
        lim = server.limits
        budget = Bucket(2 * lim.messages_per_second, lim.messages_per_second)
        bad = 0
        try:
            while True:
                message = await ws.receive()
                if message["type"] == "websocket.disconnect":
                    return
                now = time.time()
                if not budget.take(time.monotonic()):
                    log.warning("closed WS %s: over %d messages a second", ws.url.path, lim.messages_per_second)
                    await ws.close(code=1008, reason=f"over {lim.messages_per_second} messages a second: closed")
                    return
                text = message.get("text")
                if text is None or len(text) > 4096:
                    bad += 1
                    if bad >= lim.bad_messages:
                        await ws.close(code=1008, reason=f"{bad} bad messages: closed")
                        return
                    await error("a message is JSON text, not binary" if text is None else
                                "message over 4096 bytes: dropped")
                    continue
                try:
                    msg = json.loads(text, parse_constant=_no_constant)
                    if not isinstance(msg, dict) or not isinstance(msg.get("type"), str):
                        raise ValueError("a message is a JSON object with a type")
                    kind = msg["type"]
                    if kind == "ping":
                        c = msg.get("c")
                        await ws.send_json({"type": "pong", "c": c if isinstance(c, (int, float)) else 0,
                                            "s": time.time()})
                    elif kind in ("play", "pause", "seek"):
                        to = msg.get("to")
                        room.control(me, kind, now, float(to) if isinstance(to, (int, float)) else None)
                    elif kind == "vote":
                        room.ballot(me, str(msg.get("choice_id", ""))[:64], str(msg.get("option_id", ""))[:64], now)
                    elif kind in ("react", "chat"):
                        room.say(me, kind, str(msg.get("text", ""))[:4000], now)
                    elif kind == "event":
                        event = Telemetry.model_validate({k: msg[k] for k in ("kind", "t", "data") if k in msg})
                        if not member.events.take(now):
                            raise HTTPException(429, "too many events: slow down")
                        estimate = room.group.observe_member(me, event.kind, event.t, dict(event.data), now)
                        live = server.live.get(room.film_id) if room.film_id else None
                        if live is not None and live.adaptive and live.engagement is room.group:
                            live._react(estimate)
                    else:
                        raise ValueError(f"no message type {kind[:24]!r}")
                except HTTPException as e:
                    await error(str(e.detail))
                except ValidationError as e:
                    await error(f"bad message: {e.errors()[0]['msg']}")
                except (ValueError, DreamreelError) as e:
                    await error(f"bad message: {e}")
        except WebSocketDisconnect:
            pass
        finally:
            pusher.cancel()
            with room.lock:
                member.online = max(0, member.online - 1)
                room.version += 1

    app.include_router(router)
    return rooms
