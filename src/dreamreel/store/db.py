"""The viewer database: viewers, their films, watch sessions and what happened in them.

SQLAlchemy 2 over SQLite by default (a file beside the server's data), or any URL SQLAlchemy
takes (``postgresql+psycopg://...``) for a shared server. Viewers are known by a random token
that only they hold: the database keeps its SHA-256, never the token.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    create_engine,
    event,
    select,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

from ..errors import BadInputError


class Base(DeclarativeBase):
    pass


class Viewer(Base):
    __tablename__ = "viewers"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    created: Mapped[float] = mapped_column(Float)
    #: The viewer's Profile as JSON ("" until they save one).
    profile: Mapped[str] = mapped_column(Text, default="")


class Film(Base):
    __tablename__ = "films"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    viewer_id: Mapped[str] = mapped_column(ForeignKey("viewers.id"), index=True)
    prompt: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(String(200), default="")
    #: queued, making, ready, failed
    status: Mapped[str] = mapped_column(String(16), default="queued")
    error: Mapped[str] = mapped_column(Text, default="")
    seconds: Mapped[float] = mapped_column(Float, default=0.0)
    created: Mapped[float] = mapped_column(Float)
    #: The story as JSON.
    story: Mapped[str] = mapped_column(Text, default="")


class WatchSession(Base):
    __tablename__ = "sessions"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    viewer_id: Mapped[str] = mapped_column(ForeignKey("viewers.id"), index=True)
    film_id: Mapped[str] = mapped_column(ForeignKey("films.id"), index=True)
    created: Mapped[float] = mapped_column(Float)


class Event(Base):
    __tablename__ = "events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id"), index=True)
    viewer_id: Mapped[str] = mapped_column(ForeignKey("viewers.id"), index=True)
    at: Mapped[float] = mapped_column(Float)           # server time it arrived
    kind: Mapped[str] = mapped_column(String(32))
    data: Mapped[str] = mapped_column(Text, default="{}")


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_id() -> str:
    return uuid.uuid4().hex


class Database:
    """Opens (and creates) the database at ``url``; hands out sessions."""

    def __init__(self, url: str):
        self.url = url
        kwargs: dict[str, Any] = {}
        if url.startswith("sqlite"):
            path = url.split("///", 1)[-1]
            if path and path != ":memory:":
                Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        try:
            self.engine: Engine = create_engine(url, **kwargs)
        except Exception as e:  # noqa: BLE001 - a bad URL is the user's to fix
            raise BadInputError(f"cannot open database {url!r}: {e}") from None
        if url.startswith("sqlite"):
            @event.listens_for(self.engine, "connect")
            def _pragmas(conn: Any, _record: Any) -> None:
                cur = conn.cursor()
                cur.execute("PRAGMA journal_mode=WAL")   # readers do not block the writer
                cur.execute("PRAGMA foreign_keys=ON")
                cur.close()
        Base.metadata.create_all(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions() as s, s.begin():
            yield s

    # -- viewers -------------------------------------------------------------------------

    def new_viewer(self) -> tuple[Viewer, str]:
        """A viewer and their token (shown once: only its hash is kept)."""
        token = secrets.token_urlsafe(32)
        viewer = Viewer(id=new_id(), token_hash=hash_token(token), created=time.time(), profile="")
        with self.session() as s:
            s.add(viewer)
        return viewer, token

    def viewer_by_token(self, token: str | None) -> Viewer | None:
        if not token or len(token) > 200:
            return None
        with self.session() as s:
            return s.scalar(select(Viewer).where(Viewer.token_hash == hash_token(token)))

    def set_profile(self, viewer_id: str, profile_json: str) -> None:
        with self.session() as s:
            viewer = s.get(Viewer, viewer_id)
            if viewer is not None:
                viewer.profile = profile_json

    # -- films ---------------------------------------------------------------------------

    def add_film(self, viewer_id: str, prompt: str, title: str, story_json: str) -> Film:
        film = Film(id=new_id(), viewer_id=viewer_id, prompt=prompt, title=title, status="queued",
                    created=time.time(), story=story_json)
        with self.session() as s:
            s.add(film)
        return film

    def film(self, film_id: str, viewer_id: str) -> Film | None:
        """The film, if it is this viewer's (another viewer's film is as good as missing)."""
        with self.session() as s:
            return s.scalar(select(Film).where(Film.id == film_id, Film.viewer_id == viewer_id))

    def films(self, viewer_id: str) -> list[Film]:
        with self.session() as s:
            return list(s.scalars(select(Film).where(Film.viewer_id == viewer_id).order_by(Film.created.desc())))

    def interrupt_unfinished(self) -> int:
        """Films left queued or being made by a server that stopped: marked failed, with why."""
        with self.session() as s:
            films = list(s.scalars(select(Film).where(Film.status.in_(["queued", "making"]))))
            for film in films:
                film.status, film.error = "failed", "interrupted: the server stopped while it was being made"
            return len(films)

    def update_film(self, film_id: str, **fields: Any) -> None:
        with self.session() as s:
            film = s.get(Film, film_id)
            if film is not None:
                for k, v in fields.items():
                    setattr(film, k, v)

    # -- sessions and events -------------------------------------------------------------

    def new_session(self, viewer_id: str, film_id: str) -> WatchSession:
        ws = WatchSession(id=new_id(), viewer_id=viewer_id, film_id=film_id, created=time.time())
        with self.session() as s:
            s.add(ws)
        return ws

    def watch_session(self, session_id: str, viewer_id: str) -> WatchSession | None:
        with self.session() as s:
            return s.scalar(select(WatchSession).where(WatchSession.id == session_id,
                                                       WatchSession.viewer_id == viewer_id))

    def add_events(self, session_id: str, viewer_id: str, events: list[tuple[str, dict]]) -> None:
        now = time.time()
        with self.session() as s:
            s.add_all([Event(session_id=session_id, viewer_id=viewer_id, at=now, kind=kind,
                             data=json.dumps(data, separators=(",", ":"))) for kind, data in events])

    def events(self, session_id: str, viewer_id: str) -> list[Event]:
        with self.session() as s:
            return list(s.scalars(select(Event).where(Event.session_id == session_id, Event.viewer_id == viewer_id)
                                  .order_by(Event.id)))
