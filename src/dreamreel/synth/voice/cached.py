"""A voice backend whose lines are kept in the content cache.

The key is the backend's name and version, the text, the voice and the seed: everything that
decides the samples (backends are deterministic per seed). A film made again, or with one beat
edited, voices only the lines that changed.
"""

import io
import json
import threading

import numpy as np

from ...model import VoiceSpec
from ...model.shot import WordTiming
from ...store.cache import Cache, cache_key
from .base import Speech, VoiceBackend


def speech_bytes(speech: Speech) -> bytes:
    buf = io.BytesIO()
    words = json.dumps([w.model_dump(mode="json") for w in speech.words]).encode()
    np.savez(buf, samples=np.asarray(speech.samples, np.float32), rate=np.array([speech.sample_rate]),
             words=np.frombuffer(words, np.uint8))
    return buf.getvalue()


def speech_from_bytes(data: bytes) -> Speech | None:
    """The cached line, or None when the bytes are not one (a damaged file is a miss)."""
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as z:
            words = [WordTiming.model_validate(w) for w in json.loads(z["words"].tobytes())]
            return Speech(z["samples"].astype(np.float32), int(z["rate"][0]), words)
    except (ValueError, KeyError, OSError):
        return None


class CachedVoice:
    """Wraps a :class:`VoiceBackend`; same name and version, so it can stand in for it anywhere."""

    def __init__(self, backend: VoiceBackend, cache: Cache):
        self.backend, self.cache = backend, cache
        self.name, self.version = backend.name, backend.version
        self.lines_at_once: int = getattr(backend, "lines_at_once", 1)
        self.hits = self.misses = 0
        self._count = threading.Lock()  # (lines may be voiced side by side)

    def requires(self) -> None:
        self.backend.requires()

    def speak(self, text: str, voice: VoiceSpec, *, seed: int = 0) -> Speech:
        key = cache_key("speech", self.name, self.version, {"text": text, "voice": voice, "seed": seed})
        data = self.cache.get_bytes(key)
        hit = speech_from_bytes(data) if data is not None else None
        with self._count:
            if hit is not None:
                self.hits += 1
            else:
                self.misses += 1
        if hit is not None:
            return hit
        speech = self.backend.speak(text, voice, seed=seed)
        self.cache.put(key, speech_bytes(speech))
        return speech
