"""Watching together, in the viewer database (``store.db``): rooms (so a server restart keeps
them) and shared tellings (links to a film's telling, and the films friends made from them).

Its own tables (``rooms``, ``room_members``, ``shares``, ``shared_films``) on the same engine as
``store.db.Database`` (SQLite or PostgreSQL), created if missing whenever it is opened. Viewer and
film ids are ``store.db``'s; ``Database.delete_film`` and ``delete_viewer`` remove these rows too.
A share link's token is known only to whoever holds the link: the table keeps its SHA-256.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Boolean, Float, Integer, String, Text, delete, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

from .db import hash_token


class TogetherBase(DeclarativeBase):
    pass


class RoomRow(TogetherBase):
    """A room as it was last saved: who hosts it, its rule, its film and where the film was."""

    __tablename__ = "rooms"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    code: Mapped[str] = mapped_column(String(8), index=True)
    viewer_id: Mapped[str] = mapped_column(String(32), index=True)   # the host
    created: Mapped[float] = mapped_column(Float)
    invite_until: Mapped[float] = mapped_column(Float)
    limit: Mapped[int] = mapped_column(Integer)
    tie: Mapped[str] = mapped_column(String(16))
    rule: Mapped[str] = mapped_column(String(16))
    film_id: Mapped[str] = mapped_column(String(32), default="")
    title: Mapped[str] = mapped_column(String(200), default="")
    closed: Mapped[bool] = mapped_column(Boolean, default=False)
    #: The film's position then, and whether the room was playing it.
    pos: Mapped[float] = mapped_column(Float, default=0.0)
    playing: Mapped[bool] = mapped_column(Boolean, default=True)
    decided: Mapped[str] = mapped_column(Text, default="[]")   # JSON: every vote's result
    removed: Mapped[str] = mapped_column(Text, default="[]")   # JSON: viewers the host removed
    saved: Mapped[float] = mapped_column(Float)


class RoomMemberRow(TogetherBase):
    __tablename__ = "room_members"
    room_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    viewer_id: Mapped[str] = mapped_column(String(32), primary_key=True, index=True)
    name: Mapped[str] = mapped_column(String(40))
    joined: Mapped[float] = mapped_column(Float)
    place: Mapped[int] = mapped_column(Integer, default=0)   # the order they joined in


class ShareRow(TogetherBase):
    """A link to a film's telling: the sharer's first ``at`` choices are given to whoever opens
    it (None: all of them); until ``until``."""

    __tablename__ = "shares"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    viewer_id: Mapped[str] = mapped_column(String(32), index=True)   # the sharer
    film_id: Mapped[str] = mapped_column(String(32), index=True)
    at: Mapped[int | None] = mapped_column(Integer, nullable=True, default=None)
    created: Mapped[float] = mapped_column(Float)
    until: Mapped[float] = mapped_column(Float)


class SharedFilmRow(TogetherBase):
    """A film a friend made from a share link: ``same`` telling, or chosen from the branch point."""

    __tablename__ = "shared_films"
    film_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), index=True)
    source_id: Mapped[str] = mapped_column(String(32), index=True)   # the shared film
    viewer_id: Mapped[str] = mapped_column(String(32), index=True)   # the friend
    how: Mapped[str] = mapped_column(String(8))
    created: Mapped[float] = mapped_column(Float)


#: Every table here, and the column naming the viewer each row belongs to (for deleting a viewer).
VIEWER_COLUMNS = {"rooms": "viewer_id", "room_members": "viewer_id", "shares": "viewer_id", "shared_films": "viewer_id"}
#: Tables whose rows belong to a film (for deleting a film).
FILM_COLUMNS = {"shares": "film_id", "shared_films": "film_id"}


@dataclass
class SavedRoom:
    """A room as read back: the row's fields and its members, in the order they joined."""

    row: RoomRow
    members: list[RoomMemberRow] = field(default_factory=list)

    @property
    def decided(self) -> list[dict[str, Any]]:
        return list(json.loads(self.row.decided or "[]"))

    @property
    def removed(self) -> set[str]:
        return set(json.loads(self.row.removed or "[]"))


class TogetherStore:
    """Rooms and shares on ``engine`` (the viewer database's)."""

    def __init__(self, engine: Engine):
        TogetherBase.metadata.create_all(engine)
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions() as s, s.begin():
            yield s

    # -- rooms -------------------------------------------------------------------------------

    def save_rooms(self, rooms: list[tuple[dict[str, Any], list[dict[str, Any]]]]) -> None:
        """Rooms as they are now (each its row's fields and its members'), in one transaction:
        the members saved are the room's members (who left or was removed is gone)."""
        now = time.time()
        with self.session() as s:
            for fields, members in rooms:
                s.merge(RoomRow(**fields, saved=now))
                s.execute(delete(RoomMemberRow).where(RoomMemberRow.room_id == fields["id"]))
                s.add_all([RoomMemberRow(room_id=fields["id"], place=i, **m) for i, m in enumerate(members)])

    def save_positions(self, positions: list[tuple[str, float, bool]]) -> None:
        """Where playing rooms are now, (room, position, playing) each, in one statement."""
        now = time.time()
        with self.session() as s:
            s.execute(update(RoomRow), [{"id": i, "pos": pos, "playing": playing, "saved": now}
                                        for i, pos, playing in positions])

    def open_rooms(self, since: float = 0.0) -> list[SavedRoom]:
        """Every room not closed, with its members; rooms last saved before ``since`` (left
        untouched that long) are closed instead."""
        with self.session() as s:
            s.execute(update(RoomRow).where(RoomRow.closed.is_(False), RoomRow.saved < since).values(closed=True))
            rows = list(s.scalars(select(RoomRow).where(RoomRow.closed.is_(False)).order_by(RoomRow.created)))
            members = list(s.scalars(select(RoomMemberRow).where(RoomMemberRow.room_id.in_([r.id for r in rows]))
                                     .order_by(RoomMemberRow.place)))
        out = {r.id: SavedRoom(r) for r in rows}
        for m in members:
            out[m.room_id].members.append(m)
        return list(out.values())

    # -- shares ------------------------------------------------------------------------------

    def add_share(self, token: str, viewer_id: str, film_id: str, at: int | None, until: float) -> ShareRow:
        row = ShareRow(token_hash=hash_token(token), viewer_id=viewer_id, film_id=film_id, at=at,
                       created=time.time(), until=until)
        with self.session() as s:
            s.add(row)
        return row

    def share(self, token: str) -> ShareRow | None:
        if not token or len(token) > 200:
            return None
        with self.session() as s:
            return s.get(ShareRow, hash_token(token))

    def add_shared_film(self, share: ShareRow, film_id: str, viewer_id: str, how: str) -> None:
        with self.session() as s:
            s.add(SharedFilmRow(film_id=film_id, token_hash=share.token_hash, source_id=share.film_id,
                                viewer_id=viewer_id, how=how, created=time.time()))

    def shared_film(self, film_id: str) -> SharedFilmRow | None:
        """Where a film came from, if a friend made it from a share link."""
        with self.session() as s:
            return s.get(SharedFilmRow, film_id)

    def made_from(self, source_id: str, token_hash: str | None = None) -> list[SharedFilmRow]:
        """Films friends made from shares of ``source_id`` (from one share only, if given)."""
        with self.session() as s:
            q = select(SharedFilmRow).where(SharedFilmRow.source_id == source_id)
            if token_hash is not None:
                q = q.where(SharedFilmRow.token_hash == token_hash)
            return list(s.scalars(q.order_by(SharedFilmRow.created)))
