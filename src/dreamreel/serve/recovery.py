"""What a server finds when it starts: a store that looks lost, films left half-made by a server
that stopped, and finished films whose files are damaged.

A lost or damaged store stops the start with one line naming the file (``StoreError``): a server
never begins an empty store over films it cannot account for. A film made when the last server
stopped is closed where it stopped; a finished film whose files do not hold (its stream, or its
signed MP4, whose C2PA signature is verified at start) is reported (its status says ``damaged``
and why) and its stream is not served as if it were whole.
"""

from __future__ import annotations

import json
import logging
import os
import re
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..store.db import Database, StoreError
from ..store.files import write_atomic

log = logging.getLogger("dreamreel.serve")

_FILM_ID = re.compile(r"^[0-9a-f]{32}$")


def check_not_lost(db: Database, films_dir: Path) -> None:
    """Refuse to start (StoreError) on a database that knows none of the films on disk: it was
    lost, emptied (a write-ahead log gone) or replaced, and starting would silently orphan every
    film. Folders the database does not know beside ones it does (a deletion cut short) are logged."""
    on_disk = sorted(p.name for p in films_dir.iterdir() if p.is_dir() and _FILM_ID.match(p.name)) \
        if films_dir.is_dir() else []
    if not on_disk:
        return
    known = db.known_films(on_disk)
    if not known:
        state = "missing" if db.created else "empty of films"
        raise StoreError(f"{db.where}: {state}, but {films_dir} holds {len(on_disk)} films it does not know (the "
                         f"database was lost or replaced): refusing to start rather than begin an empty store over "
                         f"them; restore the database, or move {films_dir} aside to start afresh")
    if len(known) < len(on_disk):
        log.warning("%d of %d film folders in %s are not in the database (left alone)",
                    len(on_disk) - len(known), len(on_disk), films_dir)


def film_damage(folder: Path) -> str | None:
    """Why a finished film's files cannot be served as they are (None: they hold): its stream
    index must read, and its init segment and every segment it lists must be there at the size
    it says; the signed film must be there (its signature: ``signature_damage``)."""
    from ..edit.segments import INDEX_NAME

    stream = folder / "stream"
    if not folder.is_dir():
        return f"its folder {folder} is gone"
    index_file = stream / INDEX_NAME
    if not index_file.is_file():
        set_aside = index_file.with_name(f"{INDEX_NAME}.damaged").is_file()
        return f"stream/{INDEX_NAME} " + ("could not be read and was set aside" if set_aside else "is missing")
    try:
        index = json.loads(index_file.read_text(encoding="utf-8"))
        segments = [(str(s["file"]), s.get("bytes")) for s in index["segments"]]
        init = str(index.get("init", "init.mp4"))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return f"stream/{INDEX_NAME} cannot be read"
    for name, size in [(init, None), *segments]:
        if not re.fullmatch(r"init\.mp4|seg_\d{5}\.m4s", name):
            return f"stream/{INDEX_NAME} lists {name[:40]!r}, not a stream file"
        path = stream / name
        try:
            have = path.stat().st_size
        except OSError:
            return f"stream/{name} is missing"
        if isinstance(size, int) and have != size:
            return f"stream/{name} is {have} bytes, its index says {size}"
    if not (folder / "film.mp4").is_file():
        return "film.mp4 (the signed film) is missing"
    return None


def signature_damage(film: Path, anchors: bytes | None) -> str | None:
    """Why a finished film's signed MP4 does not verify (None: its C2PA signature and hashes hold;
    a chain this server does not trust is not damage)."""
    from ..trust.provenance import verify

    verdict = verify(film, anchors)
    return None if verdict.ok else f"film.mp4 fails verification: {verdict.reason}"


def damaged_films(db: Database, films_dir: Path) -> dict[str, str]:
    """Finished films whose files do not hold, with why (each logged in one line). Every signed
    MP4 is verified (its whole file hashed: bench/serve_start.py measures it per film), a few at
    once (c2pa works outside the GIL)."""
    from ..trust.provenance import ANCHOR, keys_dir

    anchor_file = keys_dir() / ANCHOR
    anchors = anchor_file.read_bytes() if anchor_file.is_file() else None

    def damage(film_id: str) -> str | None:
        return film_damage(films_dir / film_id) or signature_damage(films_dir / film_id / "film.mp4", anchors)

    ids = db.film_ids("ready")
    with ThreadPoolExecutor(max_workers=max(1, min(4, os.cpu_count() or 1))) as pool:
        found = list(pool.map(damage, ids))
    out = {}
    for film_id, why in zip(ids, found):
        if why is not None:
            log.warning("film %s is damaged: %s (reported, not served as whole)", film_id, why)
            out[film_id] = why
    return out


def clean_interrupted(folder: Path) -> None:
    """A film a stopped server was making: its temporary files go, its stream is closed where it
    stopped (segments the index does not list go; the index says ``complete`` and
    ``interrupted``, so a player ends there), and a stream index that cannot be read is set
    aside (``index.json.damaged``) rather than served."""
    from ..edit.segments import INDEX_NAME

    stream = folder / "stream"
    for where in (folder, stream):
        for tmp in where.glob(".*.tmp") if where.is_dir() else []:
            tmp.unlink(missing_ok=True)
    index_file = stream / INDEX_NAME
    if not index_file.is_file():
        return
    try:
        index = json.loads(index_file.read_text(encoding="utf-8"))
        listed = {s["file"] for s in index["segments"]}
    except (OSError, ValueError, KeyError, TypeError):
        log.warning("film %s: its stream index cannot be read; set aside as %s.damaged", folder.name, INDEX_NAME)
        index_file.replace(stream / f"{INDEX_NAME}.damaged")
        return
    for seg in stream.glob("seg_*.m4s"):
        if seg.name not in listed:
            seg.unlink(missing_ok=True)
    index.update(complete=True, interrupted="the server stopped while it was being made")
    write_atomic(index_file, json.dumps(index, indent=2) + "\n")


def clean_render_temp(older_than_s: float = 3600.0) -> None:
    """Chunks a killed render worker left half-written in the render cache's tmp folder (an
    hour old: a render in another process may still be writing newer ones)."""
    from ..store.cache import default_root

    cutoff = time.time() - older_than_s
    tmp = default_root() / "tmp"
    for f in tmp.iterdir() if tmp.is_dir() else []:
        try:
            if f.is_file() and f.stat().st_mtime < cutoff:
                f.unlink()
        except OSError:
            pass
