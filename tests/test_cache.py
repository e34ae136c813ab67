"""The content-addressed cache: stable keys, hits and misses, atomic puts, LRU eviction."""

import io
import os
import threading
import time
from pathlib import Path

import pytest

from dreamreel.errors import BadInputError, OutputError
from dreamreel.model.shot import PathStep
from dreamreel.store.cache import Cache, cache_key


def test_keys_depend_on_content_not_spelling() -> None:
    a = cache_key("visual", "procedural", "1.0", {"shot": "s1", "seed": 3, "size": [1280, 720]})
    b = cache_key("visual", "procedural", "1.0", {"size": [1280, 720], "seed": 3, "shot": "s1"})
    assert a == b and len(a) == 64
    assert a != cache_key("visual", "procedural", "1.1", {"shot": "s1", "seed": 3, "size": [1280, 720]})
    assert a != cache_key("voice", "procedural", "1.0", {"shot": "s1", "seed": 3, "size": [1280, 720]})
    assert a != cache_key("visual", "procedural", "1.0", {"shot": "s1", "seed": 4, "size": [1280, 720]})
    # Pydantic models key by their data.
    assert cache_key("x", "b", "1", PathStep(beat="a")) == cache_key("x", "b", "1", {"beat": "a", "variant": None, "option": None})
    with pytest.raises(BadInputError, match="canonical JSON"):
        cache_key("x", "b", "1", {"f": object()})


def test_miss_then_hit(tmp_path: Path) -> None:
    c = Cache(tmp_path / "cache")
    k = c.key("voice", "piper", "1.2", {"text": "Hello"})
    assert c.get(k) is None and k not in c
    p = c.put(k, b"RIFF....")
    assert c.get(k) == p and p.read_bytes() == b"RIFF...." and k in c
    src = tmp_path / "frames.npz"
    src.write_bytes(b"\x00" * 1000)
    k2 = c.key("visual", "procedural", "1", {"shot": 1})
    assert c.put(k2, src).read_bytes() == src.read_bytes()
    k3 = c.key("visual", "procedural", "1", {"shot": 2})
    assert c.get_bytes(c.put(k3, io.BytesIO(b"stream")).name) == b"stream"
    assert c.size() == 8 + 1000 + 6
    with pytest.raises(BadInputError):
        c.get("../../etc/passwd")


def test_root_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DREAMREEL_CACHE_DIR", str(tmp_path / "envcache"))
    c = Cache()
    assert c.put(c.key("a", "b", "1", {}), b"x").is_relative_to(tmp_path / "envcache")


def test_concurrent_writers_of_one_key_leave_one_whole_file(tmp_path: Path) -> None:
    c = Cache(tmp_path)
    k = c.key("music", "synth", "1", {"cue": 1})
    data = os.urandom(2_000_000)
    threads = [threading.Thread(target=c.put, args=(k, data)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert c.get_bytes(k) == data
    assert [p.name for p in (tmp_path / k[:2]).iterdir()] == [k]  # no temporary files left


def test_least_recently_used_is_evicted_first(tmp_path: Path) -> None:
    c = Cache(tmp_path, max_bytes=3000)
    keys = [c.key("visual", "p", "1", {"shot": i}) for i in range(3)]
    for i, k in enumerate(keys):
        c.put(k, b"x" * 1000)
        os.utime(c.path(k), (time.time() - 100 + i, time.time() - 100 + i))  # put in order 0, 1, 2
    assert c.get(keys[0]) is not None  # a use: 0 is now the most recent
    c.put(c.key("visual", "p", "1", {"shot": 3}), b"y" * 1000)  # 4000 > 3000: evict down to 2700
    assert c.get(keys[1]) is None and c.get(keys[2]) is None
    assert c.get(keys[0]) is not None
    assert c.size() <= 2700
    c.clear()
    assert c.size() == 0 and c.get(keys[0]) is None


def test_unwritable_cache_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    c = Cache(tmp_path / "file")
    with pytest.raises(OutputError, match="cannot write to the cache"):
        c.put(c.key("a", "b", "1", {}), b"x")
