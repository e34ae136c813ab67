"""A content-addressed artifact cache on disk.

An artifact's key is the SHA-256 of (stage, backend name, backend version, canonical JSON of the
inputs), so the same inputs always find the same file and any change (a beat's text, a seed,
a backend upgrade) misses. Files live at ``<root>/<k[:2]>/<k>``; a write goes to a temporary
file in the same folder and is renamed into place, so readers never see half a file and two
processes writing the same key at once are both safe (the content is the same; the last rename
wins). Reading bumps a file's mtime, and when the cache grows past ``max_bytes`` the least
recently used files are removed until it is back under 90% of it (checked each time a
twentieth of ``max_bytes`` has been written, so it may overshoot by that much).

Root: ``DREAMREEL_CACHE_DIR``, else ``~/.cache/dreamreel``. Size: ``DREAMREEL_CACHE_MAX_BYTES``,
else 4 GiB.
"""

import hashlib
import json
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import IO, Any

from pydantic import BaseModel

from ..errors import BadInputError, OutputError

DEFAULT_MAX_BYTES = 4 * 2**30
_KEY = re.compile(r"^[0-9a-f]{64}$")


def canonical_json(value: Any) -> str:
    """One spelling for equal inputs: sorted keys, no spaces, models as their JSON data."""

    def default(o: Any) -> Any:
        if isinstance(o, BaseModel):
            return o.model_dump(mode="json")
        if isinstance(o, Path):
            return str(o)
        if isinstance(o, (bytes, bytearray, memoryview)):
            return {"sha256": hashlib.sha256(o).hexdigest()}
        if isinstance(o, (set, frozenset)):
            return sorted(o)
        if hasattr(o, "tolist"):  # numpy arrays and scalars
            return o.tolist()
        raise BadInputError(f"cache key input of type {type(o).__name__} has no canonical JSON form")

    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False, default=default)


def cache_key(stage: str, backend: str, version: str, inputs: Any) -> str:
    """sha256 hex of the stage, backend and version and the canonical inputs."""
    doc = canonical_json({"stage": stage, "backend": backend, "version": version, "inputs": inputs})
    return hashlib.sha256(doc.encode("utf-8")).hexdigest()


def default_root() -> Path:
    env = os.environ.get("DREAMREEL_CACHE_DIR")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "dreamreel"


class Cache:
    def __init__(self, root: str | Path | None = None, *, max_bytes: int | None = None) -> None:
        self.root = Path(root).expanduser() if root is not None else default_root()
        env_max = os.environ.get("DREAMREEL_CACHE_MAX_BYTES")
        if max_bytes is None:
            try:
                max_bytes = int(env_max) if env_max else DEFAULT_MAX_BYTES
            except ValueError:
                raise BadInputError(f"DREAMREEL_CACHE_MAX_BYTES={env_max!r} is not a whole number of bytes") from None
        self.max_bytes = max_bytes
        # Eviction lists the whole cache: do it once a twentieth of the budget has been written
        # since the last time, not on every put (a film puts a few hundred artifacts).
        self._since_evict = 0

    key = staticmethod(cache_key)

    def path(self, key: str) -> Path:
        if not _KEY.match(key):
            raise BadInputError(f"cache key {key!r} is not a sha256 hex digest")
        return self.root / key[:2] / key

    def get(self, key: str) -> Path | None:
        """The artifact's file, or None on a miss. A hit counts as a use for eviction."""
        p = self.path(key)
        try:
            os.utime(p)  # mtime = last use (atime is unreliable on relatime/noatime mounts)
        except FileNotFoundError:
            return None
        except OSError:
            pass  # a read-only cache still serves hits
        return p

    def get_bytes(self, key: str) -> bytes | None:
        p = self.get(key)
        try:
            return p.read_bytes() if p is not None else None
        except FileNotFoundError:  # evicted by another process between get and read
            return None

    def put(self, key: str, data: bytes | Path | IO[bytes]) -> Path:
        """Store bytes, a file's contents (a Path) or a binary stream under ``key``; returns its path."""
        p = self.path(key)
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{key[:16]}.", suffix=".tmp", dir=p.parent)
        except OSError as e:
            raise OutputError(f"cannot write to the cache at {self.root}: {e.strerror}") from None
        try:
            with os.fdopen(fd, "wb") as f:
                if isinstance(data, (bytes, bytearray, memoryview)):
                    f.write(data)
                elif isinstance(data, Path):
                    with open(data, "rb") as src:
                        shutil.copyfileobj(src, f, 1 << 20)
                else:
                    shutil.copyfileobj(data, f, 1 << 20)
            os.chmod(tmp, 0o644)
            os.replace(tmp, p)
        except FileNotFoundError as e:
            _unlink(tmp)
            raise BadInputError(f"cannot cache {e.filename}: no such file") from None
        except OSError as e:
            _unlink(tmp)
            raise OutputError(f"cannot write to the cache at {self.root}: {e.strerror or e}") from None
        self._wrote(p)
        return p

    def _wrote(self, p: Path) -> None:
        try:
            self._since_evict += p.stat().st_size
        except OSError:
            return
        if self._since_evict >= max(1, self.max_bytes // 20):
            self._since_evict = 0
            self.evict()

    def adopt(self, key: str, tmp: Path) -> Path:
        """Move a finished file (written under this cache's root, e.g. ``root/tmp``) into place
        under ``key``: a rename, no copy. Returns its path."""
        p = self.path(key)
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
            os.chmod(tmp, 0o644)
            os.replace(tmp, p)
        except OSError as e:
            _unlink(tmp)
            raise OutputError(f"cannot write to the cache at {self.root}: {e.strerror or e}") from None
        self._wrote(p)
        return p

    def entries(self) -> list[tuple[Path, int, float]]:
        """(path, size, last use) of every artifact."""
        out: list[tuple[Path, int, float]] = []
        if not self.root.is_dir():
            return out
        for sub in self.root.iterdir():
            if not (sub.is_dir() and len(sub.name) == 2):
                continue
            for f in sub.iterdir():
                if not _KEY.match(f.name):
                    continue  # temporary files of writers in progress
                try:
                    st = f.stat()
                except FileNotFoundError:
                    continue
                out.append((f, st.st_size, st.st_mtime))
        return out

    def size(self) -> int:
        return sum(s for _, s, _ in self.entries())

    def evict(self) -> int:
        """Remove least recently used artifacts while over ``max_bytes``; returns bytes freed."""
        entries = self.entries()
        total = sum(s for _, s, _ in entries)
        if total <= self.max_bytes:
            return 0
        goal = int(self.max_bytes * 0.9)
        freed = 0
        for f, size, _ in sorted(entries, key=lambda e: e[2]):
            if total - freed <= goal:
                break
            if _unlink(f):
                freed += size
        return freed

    def clear(self) -> None:
        """Remove every artifact (the folder stays)."""
        for f, _, _ in self.entries():
            _unlink(f)

    def __contains__(self, key: str) -> bool:
        return self.path(key).exists()


def _unlink(p: str | Path) -> bool:
    try:
        os.unlink(p)
        return True
    except OSError:
        return False

