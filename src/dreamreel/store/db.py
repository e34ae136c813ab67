"""The viewer database: viewers, their films, watch sessions and what happened in them; and the
likeness registry (people's looks, their consents, and every use).

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
    LargeBinary,
    String,
    Text,
    create_engine,
    delete,
    event,
    func,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

from ..errors import BadInputError, DreamreelError


class StoreError(DreamreelError):
    """The store a server would start on looks lost or damaged: it refuses to start rather
    than begin an empty one over it (the message names the file and what to do)."""


#: The first bytes of every SQLite database file.
_SQLITE_MAGIC = b"SQLite format 3\x00"


def check_sqlite_file(path: Path) -> None:
    """Refuse (StoreError, naming the file) a database file that is not SQLite's, and one whose
    write-ahead log is gone after an unclean stop: ``-shm`` left behind without its ``-wal``
    (SQLite removes both on a clean close; kill -9 leaves both), for it would open as the
    database was at its last checkpoint, recent changes silently lost."""
    try:
        with path.open("rb") as f:
            head = f.read(len(_SQLITE_MAGIC))
    except FileNotFoundError:
        return
    except OSError as e:
        raise StoreError(f"{path}: cannot be read ({e.strerror}): refusing to start") from None
    if head and head != _SQLITE_MAGIC:
        raise StoreError(f"{path}: not a SQLite database (damaged, or another file): refusing to start rather "
                         f"than replace it; restore it from a backup, or move it aside to start an empty store")
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    if head and shm.exists() and not wal.exists():
        raise StoreError(f"{wal}: missing after an unclean stop (its changes since the last checkpoint would be "
                         f"lost): refusing to start; put it back beside {path.name}, or remove {shm.name} to "
                         f"start from the database as it was checkpointed")


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
    #: The film this one revises ("": none), and what the revision was, as JSON ({"of", "note",
    #: "beats", "summary"}; "": not a revision). Not a foreign key: deleting a film in a chain of
    #: revisions joins the chain around it (``delete_film``).
    revises: Mapped[str] = mapped_column(String(32), default="")
    revision: Mapped[str] = mapped_column(Text, default="")
    #: The story (JSON) its chain of revisions is cut as, kept here when a film it revises was
    #: deleted ("": the chain's first film's story, which is still there; ``cut_story``).
    cut_as: Mapped[str] = mapped_column(Text, default="")


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


class Likeness(Base):
    """A person's digital twin: the look derived from their photo (the photo is not kept)."""

    __tablename__ = "likenesses"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    #: The viewer who is this person (they uploaded their own photo and consented).
    owner_id: Mapped[str] = mapped_column(ForeignKey("viewers.id"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    look: Mapped[str] = mapped_column(Text)          # model.Look as JSON
    voice: Mapped[str] = mapped_column(Text, default="")  # model.VoiceSpec as JSON ("": as the story casts it)
    #: How the story speaks of them: she, he or they (a photo does not say).
    pronouns: Mapped[str] = mapped_column(String(8), default="they")
    thumbnail: Mapped[bytes] = mapped_column(LargeBinary)  # a small JPEG, no metadata
    created: Mapped[float] = mapped_column(Float)


class Consent(Base):
    """Who agreed that whom may cast their likeness, for what, until when (and if revoked, when)."""

    __tablename__ = "consents"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    likeness_id: Mapped[str] = mapped_column(ForeignKey("likenesses.id"), index=True)
    granted_by: Mapped[str] = mapped_column(ForeignKey("viewers.id"))
    granted_to: Mapped[str] = mapped_column(ForeignKey("viewers.id"), index=True)
    uses: Mapped[str] = mapped_column(String(200))   # comma-separated: protagonist, any_role
    until: Mapped[float] = mapped_column(Float)
    revoked: Mapped[float | None] = mapped_column(Float, nullable=True, default=None)
    statement: Mapped[str] = mapped_column(Text)     # what they agreed to, word for word
    created: Mapped[float] = mapped_column(Float)


class LikenessUse(Base):
    """Every film a likeness was cast in, under which consent."""

    __tablename__ = "likeness_uses"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    likeness_id: Mapped[str] = mapped_column(ForeignKey("likenesses.id"), index=True)
    consent_id: Mapped[str] = mapped_column(ForeignKey("consents.id"))
    viewer_id: Mapped[str] = mapped_column(ForeignKey("viewers.id"))
    film_id: Mapped[str] = mapped_column(ForeignKey("films.id"), index=True)
    role: Mapped[str] = mapped_column(String(80))
    at: Mapped[float] = mapped_column(Float)


#: Columns added since their table was first made: (table, column, its type and default).
_ADDED_COLUMNS = (
    ("likenesses", "pronouns", "VARCHAR(8) DEFAULT 'they'"),
    ("films", "revises", "VARCHAR(32) DEFAULT ''"),
    ("films", "revision", "TEXT DEFAULT ''"),
    ("films", "cut_as", "TEXT DEFAULT ''"),
)


def _chain(s: Session, film: Film) -> Iterator[Film]:
    """``film``, the film it revises, the one that revises, ... back to the chain's first (the
    viewer's own films only)."""
    seen = {film.id}
    yield film
    while film.revises and film.revises not in seen:
        earlier = s.scalar(select(Film).where(Film.id == film.revises, Film.viewer_id == film.viewer_id))
        if earlier is None:
            return
        seen.add(earlier.id)
        film = earlier
        yield film


def _cut_story(s: Session, film: Film) -> str:
    """``Database.cut_story`` in a session of the caller's."""
    for earlier in _chain(s, film):
        if earlier.cut_as:
            return earlier.cut_as
        film = earlier
    return film.story


def _count(result: Any) -> int:
    """Rows a DELETE removed (a cursor's result: SQLAlchemy's ``Result`` type does not say so)."""
    return int(result.rowcount)


def _delete_rows(s: Session, key: str, of: str) -> None:
    """A film's (or a viewer's) rows in the tables of watching together (``store.together``),
    where the database has them."""
    from .together import FILM_COLUMNS, VIEWER_COLUMNS

    have = set(inspect(s.connection()).get_table_names())
    for table, column in (FILM_COLUMNS if of == "film" else VIEWER_COLUMNS).items():
        if table in have:
            s.execute(text(f"DELETE FROM {table} WHERE {column} = :k"), {"k": key})


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_id() -> str:
    return uuid.uuid4().hex


class Database:
    """Opens (and creates) the database at ``url``; hands out sessions."""

    def __init__(self, url: str):
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import DatabaseError

        self.url = url
        #: The database file (SQLite), else None.
        self.file: Path | None = None
        #: Whether this opening made the database (there was no file before it).
        self.created = False
        kwargs: dict[str, Any] = {}
        if url.startswith("sqlite"):
            path = url.split("///", 1)[-1]
            if path and path != ":memory:":
                self.file = Path(path).expanduser()
                self.file.parent.mkdir(parents=True, exist_ok=True)
                check_sqlite_file(self.file)
                self.created = not self.file.exists()
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        try:
            self.engine: Engine = create_engine(url, **kwargs)
            #: Where the database is, for messages (a URL's password hidden).
            self.where = str(self.file) if self.file else make_url(url).render_as_string(hide_password=True)
        except Exception as e:  # noqa: BLE001 - a bad URL is the user's to fix
            raise BadInputError(f"cannot open database {url!r}: {e}") from None
        if url.startswith("sqlite"):
            @event.listens_for(self.engine, "connect")
            def _pragmas(conn: Any, _record: Any) -> None:
                cur = conn.cursor()
                cur.execute("PRAGMA journal_mode=WAL")   # readers do not block the writer
                cur.execute("PRAGMA foreign_keys=ON")
                cur.close()
        try:
            if self.file is not None and not self.created:
                with self.engine.connect() as conn:
                    found = [r[0] for r in conn.exec_driver_sql("PRAGMA quick_check(3)")]
                if found != ["ok"]:
                    raise StoreError(f"{self.file}: damaged ({'; '.join(found)[:200]}): refusing to start; "
                                     f"restore it from a backup, or move it aside to start an empty store")
            Base.metadata.create_all(self.engine)
            self._add_new_columns()
        except DatabaseError as e:
            self.engine.dispose()
            raise StoreError(f"{self.where}: cannot be used as the viewer database ({e.orig}): refusing to "
                             f"start rather than replace it; restore it from a backup, or move it aside") from None
        except StoreError:
            self.engine.dispose()
            raise
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def _add_new_columns(self) -> None:
        """Columns added since a table was first made (create_all makes only missing tables)."""
        from sqlalchemy import inspect, text

        for table, column, kind in _ADDED_COLUMNS:
            if column not in {c["name"] for c in inspect(self.engine).get_columns(table)}:
                with self.engine.begin() as conn:
                    conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {column} {kind}"))

    def close(self) -> None:
        """Checkpoint (SQLite: the write-ahead log into the database file) and let go."""
        if self.url.startswith("sqlite"):
            try:
                with self.engine.begin() as conn:
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            except Exception:  # noqa: BLE001 - a busy database is checkpointed by the next one to open it
                pass
        self.engine.dispose()

    def forget(self) -> None:
        """Close and remove a database this opening made (a server that refused to start on it)."""
        self.engine.dispose()
        if self.created and self.file is not None:
            for f in (self.file, Path(f"{self.file}-wal"), Path(f"{self.file}-shm")):
                f.unlink(missing_ok=True)

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

    def viewer(self, viewer_id: str) -> Viewer | None:
        if len(viewer_id) > 64:
            return None
        with self.session() as s:
            return s.get(Viewer, viewer_id)

    def set_profile(self, viewer_id: str, profile_json: str) -> None:
        with self.session() as s:
            viewer = s.get(Viewer, viewer_id)
            if viewer is not None:
                viewer.profile = profile_json

    # -- films ---------------------------------------------------------------------------

    def add_film(self, viewer_id: str, prompt: str, title: str, story_json: str, *,
                 revision: dict[str, Any] | None = None, cut_as: str = "") -> Film:
        """A new film, queued; ``revision``: what it revises ({"of": a film id, "note", "beats",
        "summary"}), kept with it; ``cut_as``: the story (JSON) it is cut as, where not its own
        (a revision watched again or shared: its chain's, ``cut_story``)."""
        film = Film(id=new_id(), viewer_id=viewer_id, prompt=prompt, title=title, status="queued",
                    created=time.time(), story=story_json, revises=str(revision["of"]) if revision else "",
                    revision=json.dumps(revision) if revision else "", cut_as=cut_as)
        with self.session() as s:
            s.add(film)
        return film

    def original_of(self, film: Film) -> Film:
        """The first film of the chain of revisions ``film`` is in (itself if it revises none),
        the viewer's own: what every revision in the chain is cut as."""
        with self.session() as s:
            return list(_chain(s, film))[-1]

    def cut_story(self, film: Film) -> str:
        """The story (JSON) every revision in ``film``'s chain is cut as: the chain's first
        film's, or, where a film of the chain was deleted, the one it left with its revisions
        (``delete_film``)."""
        with self.session() as s:
            return _cut_story(s, film)

    def revisions_of(self, film_id: str, viewer_id: str) -> list[str]:
        """The viewer's films that revise ``film_id`` (oldest first)."""
        with self.session() as s:
            return list(s.scalars(select(Film.id).where(Film.revises == film_id, Film.viewer_id == viewer_id)
                                  .order_by(Film.created)))

    def film(self, film_id: str, viewer_id: str) -> Film | None:
        """The film, if it is this viewer's (another viewer's film is as good as missing)."""
        with self.session() as s:
            return s.scalar(select(Film).where(Film.id == film_id, Film.viewer_id == viewer_id))

    def films(self, viewer_id: str) -> list[Film]:
        with self.session() as s:
            return list(s.scalars(select(Film).where(Film.viewer_id == viewer_id).order_by(Film.created.desc())))

    def known_films(self, ids: list[str]) -> set[str]:
        """Which of ``ids`` are films in the database."""
        found: set[str] = set()
        with self.session() as s:
            for i in range(0, len(ids), 500):
                found.update(s.scalars(select(Film.id).where(Film.id.in_(ids[i:i + 500]))))
        return found

    def film_ids(self, status: str) -> list[str]:
        """Every film (any viewer's) with this status."""
        with self.session() as s:
            return list(s.scalars(select(Film.id).where(Film.status == status)))

    def interrupt_unfinished(self) -> list[str]:
        """Films left queued or being made by a server that stopped: marked failed, with why.
        Returns their ids (their half-made files are the caller's to clean)."""
        with self.session() as s:
            films = list(s.scalars(select(Film).where(Film.status.in_(["queued", "making"]))))
            for film in films:
                film.status, film.error = "failed", "interrupted: the server stopped while it was being made"
            return [f.id for f in films]

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

    def add_event_batches(self, batches: list[tuple[str, str, float, list[tuple[str, dict]]]]) -> None:
        """Many sockets' events in one transaction: (session, viewer, arrived at, [(kind, data)])."""
        with self.session() as s:
            s.add_all([Event(session_id=session_id, viewer_id=viewer_id, at=at, kind=kind,
                             data=json.dumps(data, separators=(",", ":")))
                       for session_id, viewer_id, at, events in batches for kind, data in events])

    def events(self, session_id: str, viewer_id: str) -> list[Event]:
        with self.session() as s:
            return list(s.scalars(select(Event).where(Event.session_id == session_id, Event.viewer_id == viewer_id)
                                  .order_by(Event.id)))

    # -- likenesses and consents -------------------------------------------------------------

    def add_likeness(self, owner_id: str, name: str, look_json: str, thumbnail: bytes, voice_json: str = "",
                     pronouns: str = "they") -> Likeness:
        likeness = Likeness(id=new_id(), owner_id=owner_id, name=name, look=look_json, voice=voice_json,
                            pronouns=pronouns, thumbnail=thumbnail, created=time.time())
        with self.session() as s:
            s.add(likeness)
        return likeness

    def _visible(self, viewer_id: str, usable: bool) -> Any:
        """Likenesses the viewer may see: their own, and those others let them cast (``usable``:
        under a consent that holds now; else under any consent ever granted, revoked or not,
        so a refusal can say why)."""
        granted = select(Consent.likeness_id).where(Consent.granted_to == viewer_id)
        if usable:
            granted = granted.where(Consent.revoked.is_(None), Consent.until > time.time())
        return (Likeness.owner_id == viewer_id) | Likeness.id.in_(granted)

    def likeness(self, likeness_id: str, viewer_id: str, *, usable: bool = False) -> Likeness | None:
        with self.session() as s:
            return s.scalar(select(Likeness).where(Likeness.id == likeness_id, self._visible(viewer_id, usable)))

    def likenesses(self, viewer_id: str) -> list[Likeness]:
        """The viewer's own likenesses and those they may cast now (a revoked or expired consent
        hides its likeness, and its thumbnail, from the grantee at once)."""
        with self.session() as s:
            return list(s.scalars(select(Likeness).where(self._visible(viewer_id, True)).order_by(Likeness.created)))

    def grant(self, likeness_id: str, granted_by: str, granted_to: str, uses: list[str], until: float,
              statement: str) -> Consent:
        consent = Consent(id=new_id(), likeness_id=likeness_id, granted_by=granted_by, granted_to=granted_to,
                          uses=",".join(uses), until=until, statement=statement, created=time.time())
        with self.session() as s:
            s.add(consent)
        return consent

    def consents(self, likeness_id: str) -> list[Consent]:
        with self.session() as s:
            return list(s.scalars(select(Consent).where(Consent.likeness_id == likeness_id)
                                  .order_by(Consent.created)))

    def revoke(self, consent_id: str, owner_id: str) -> Consent | None:
        """Revoke a consent the owner granted (None if it is not theirs)."""
        with self.session() as s:
            consent = s.scalar(select(Consent).where(Consent.id == consent_id, Consent.granted_by == owner_id))
            if consent is not None and consent.revoked is None:
                consent.revoked = time.time()
            return consent

    def log_use(self, likeness_id: str, consent_id: str, viewer_id: str, film_id: str, role: str) -> None:
        with self.session() as s:
            s.add(LikenessUse(likeness_id=likeness_id, consent_id=consent_id, viewer_id=viewer_id, film_id=film_id,
                              role=role, at=time.time()))

    def uses(self, *, likeness_id: str | None = None, film_id: str | None = None) -> list[LikenessUse]:
        with self.session() as s:
            q = select(LikenessUse).order_by(LikenessUse.id)
            if likeness_id is not None:
                q = q.where(LikenessUse.likeness_id == likeness_id)
            if film_id is not None:
                q = q.where(LikenessUse.film_id == film_id)
            return list(s.scalars(q))

    # -- deleting ----------------------------------------------------------------------------

    def delete_film(self, film_id: str, viewer_id: str) -> bool:
        """The viewer's film and all that was recorded of it (its watch sessions, their events,
        the uses of likenesses cast in it). False if it is not theirs."""
        with self.session() as s:
            film = s.scalar(select(Film).where(Film.id == film_id, Film.viewer_id == viewer_id))
            if film is None:
                return False
            sessions = select(WatchSession.id).where(WatchSession.film_id == film_id)
            s.execute(delete(Event).where(Event.session_id.in_(sessions)))
            s.execute(delete(WatchSession).where(WatchSession.film_id == film_id))
            s.execute(delete(LikenessUse).where(LikenessUse.film_id == film_id))
            _delete_rows(s, film_id, "film")
            # Its revisions stand without it: each now revises what it revised, keeps the story
            # the chain is cut as (so revising one again still draws only what changed), and its
            # record says the film it revised is gone.
            revisions = list(s.scalars(select(Film).where(Film.revises == film_id, Film.viewer_id == viewer_id)))
            cut = _cut_story(s, film) if revisions else ""
            for revision in revisions:
                record = json.loads(revision.revision) if revision.revision else {"of": film_id}
                revision.revises, revision.cut_as = film.revises, revision.cut_as or cut
                revision.revision = json.dumps({**record, "of_deleted": True})
            s.delete(film)
            return True

    def delete_likeness(self, likeness_id: str, owner_id: str) -> dict[str, int] | None:
        """The owner's likeness (its look and thumbnail), every consent they granted for it and
        the log of its uses. None if it is not theirs."""
        with self.session() as s:
            likeness = s.scalar(select(Likeness).where(Likeness.id == likeness_id, Likeness.owner_id == owner_id))
            if likeness is None:
                return None
            uses = _count(s.execute(delete(LikenessUse).where(LikenessUse.likeness_id == likeness_id)))
            consents = _count(s.execute(delete(Consent).where(Consent.likeness_id == likeness_id)))
            s.delete(likeness)
            return {"consents": consents, "uses": uses}

    def delete_viewer(self, viewer_id: str) -> list[str]:
        """The viewer and everything of theirs: films, watch sessions and events, profile,
        likenesses, the consents they gave and were given, the uses of their likenesses, and what
        the director learned of them (``store.learning``'s rows). Returns their films' ids (their
        files are the caller's to remove)."""
        with self.session() as s:
            films = list(s.scalars(select(Film.id).where(Film.viewer_id == viewer_id)))
            mine = select(Likeness.id).where(Likeness.owner_id == viewer_id)
            s.execute(delete(Event).where(Event.viewer_id == viewer_id))
            s.execute(delete(Event).where(Event.session_id.in_(select(WatchSession.id).where(
                WatchSession.film_id.in_(films)))))
            s.execute(delete(WatchSession).where((WatchSession.viewer_id == viewer_id) | WatchSession.film_id.in_(films)))
            s.execute(delete(LikenessUse).where((LikenessUse.viewer_id == viewer_id) | LikenessUse.film_id.in_(films)
                                                | LikenessUse.likeness_id.in_(mine)))
            s.execute(delete(Consent).where((Consent.granted_by == viewer_id) | (Consent.granted_to == viewer_id)
                                            | Consent.likeness_id.in_(mine)))
            s.execute(delete(Likeness).where(Likeness.owner_id == viewer_id))
            s.execute(delete(Film).where(Film.viewer_id == viewer_id))
            have = set(inspect(s.connection()).get_table_names())
            for table in ("bandit_viewers", "bandit_decisions"):
                if table in have:
                    s.execute(text(f"DELETE FROM {table} WHERE viewer_id = :v"), {"v": viewer_id})
            for film_id in films:
                _delete_rows(s, film_id, "film")
            _delete_rows(s, viewer_id, "viewer")
            s.execute(delete(Viewer).where(Viewer.id == viewer_id))
        return films

    def expire_anonymous(self, idle_s: float) -> int:
        """Forget viewers made more than ``idle_s`` ago who have nothing here (no profile, film,
        watch session, likeness or consent either way): a visit that left nothing. Returns how many."""
        cutoff = time.time() - idle_s
        has = [select(Film.viewer_id), select(WatchSession.viewer_id), select(Likeness.owner_id),
               select(Consent.granted_to), select(Consent.granted_by)]
        with self.session() as s:
            idle = (Viewer.created < cutoff) & (Viewer.profile == "")
            for q in has:
                idle = idle & Viewer.id.not_in(q)
            return _count(s.execute(delete(Viewer).where(idle)))

    def count_viewers(self) -> int:
        with self.session() as s:
            return int(s.scalar(select(func.count()).select_from(Viewer)) or 0)
