"""Fallback voice: the espeak-ng program (formant synthesis; robotic, about 600x real time).

The VoiceSpec maps onto espeak-ng's own controls: a designed voice's median -> ``-p`` on the
male or (for a short vocal tract) female variant's scale, else pitch -> ``-p`` (20..80 around
its 50); a whisper -> its whisper variant; level -> the line's peak (as piper's); speed -> ``-s`` (words a minute
around 165); timbre -> the same spectral tilt piper gets.
The text goes in on stdin (so a line starting with "-" is never read as an option) and the
WAV comes back through a temporary file. espeak-ng reports no word times here, so they are
estimated: the voiced spans found by energy are shared out among the words by letter count
(:func:`~dreamreel.synth.voice.base.spread_words`), phrase by phrase when each phrase
(up to a comma or stop) got a span of its own. espeak-ng is deterministic; ``seed`` is
accepted for the protocol and has no effect.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import wave
from pathlib import Path

import numpy as np

from ...errors import BackendError
from ...model import VoiceSpec
from ...model.shot import WordTiming
from .base import (
    MissingDependencyError,
    designed,
    leveled,
    Speech,
    normalize,
    silence,
    spread_words,
    text_words,
    tilt,
    voiced_spans,
)
from . import language
from .reading import read

_INSTALL = "apt-get install -y espeak-ng"
#: Bumped whenever the processing here changes what comes out (for the content cache).
PROCESSING_VERSION = "3"
BASE_WPM = 165
LANGUAGE = "en-us"
_PHRASE_END = re.compile(r"[,.;:!?]+(?:\s|$)")


class EspeakBackend:
    """espeak-ng through its command line."""

    name = "espeak-ng"

    def __init__(self) -> None:
        self.requires()
        out = subprocess.run([self._exe(), "--version"], capture_output=True, text=True, check=False)
        self.version = (out.stdout.strip().split(":", 1)[-1].split("Data at")[0].strip() or "unknown") + \
            f", {language.version()}, dreamreel {PROCESSING_VERSION}"

    @staticmethod
    def _exe() -> str:
        exe = shutil.which("espeak-ng")
        if exe is None:
            raise MissingDependencyError(f"the espeak-ng voice needs the espeak-ng program: run `{_INSTALL}`")
        return exe

    def requires(self) -> None:
        self._exe()

    def speak(self, text: str, voice: VoiceSpec, *, seed: int = 0) -> Speech:
        reading = read(text)  # what can be said, and in which language (reading.py)
        if reading.silent:
            return silence(22050)
        rate, parts = 22050, []
        for run, lang in reading.runs:
            rate, pcm = self._say(run, lang or LANGUAGE, voice)
            parts.append(pcm)
        pcm = np.concatenate(parts)
        if len(pcm) == 0:
            return silence(rate)
        audio = tilt(pcm.astype(np.float32) / 32768.0, rate, voice.timbre)
        audio = leveled(audio, voice.level_db) if designed(voice) else normalize(audio)
        return Speech(audio, rate, _estimate_words(reading.text, voiced_spans(audio, rate)))

    def _say(self, text: str, lang: str, voice: VoiceSpec) -> tuple[int, np.ndarray]:
        """espeak-ng's samples (int16, mono) for ``text`` in ``lang``."""
        args = [self._exe(), "--stdin", "-b", "1", "-v", lang + _variant(voice),
                "-p", str(_pitch(voice)), "-s", str(round(BASE_WPM * voice.speed))]
        with tempfile.TemporaryDirectory(prefix="dreamreel-espeak-") as tmp:
            wav_path = Path(tmp) / "line.wav"
            run = subprocess.run([*args, "-w", str(wav_path)], input=text.encode("utf-8"),
                                 capture_output=True, check=False)
            if run.returncode != 0 or not wav_path.exists():
                raise BackendError(f"espeak-ng failed ({run.returncode}): "
                                   f"{run.stderr.decode(errors='replace').strip()[:200]}")
            data = wav_path.read_bytes()
        with wave.open(io.BytesIO(data)) as w:
            rate = w.getframerate()
            pcm = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")
            if w.getnchannels() > 1:
                pcm = pcm.reshape(-1, w.getnchannels())[:, 0]
        return rate, pcm


#: espeak-ng's voices at -p 50, and how many -p units an octave is (measured with Praat).
_MALE_HZ, _MALE_P_PER_OCTAVE = 102.5, 68.0
_FEMALE_HZ, _FEMALE_P_PER_OCTAVE = 215.0, 77.0


def _variant(voice: VoiceSpec) -> str:
    """espeak-ng's own whisper, or its female voice for a short vocal tract (a woman, a child)."""
    if voice.whisper:
        return "+whisper"
    return "+f3" if (voice.tract or 1.0) >= 1.1 else ""


def _pitch(voice: VoiceSpec) -> int:
    """``-p`` for the voice: the designed median on the variant's own scale, else ``pitch``."""
    if voice.median_hz is None:
        return round(50 + 30 * voice.pitch)
    female = (voice.tract or 1.0) >= 1.1
    base, per = (_FEMALE_HZ, _FEMALE_P_PER_OCTAVE) if female else (_MALE_HZ, _MALE_P_PER_OCTAVE)
    return int(min(99, max(0, round(50 + per * np.log2(voice.median_hz / base)))))


def _weights(words: list[str]) -> list[float]:
    return [sum(ch.isalnum() for ch in w) or 1 for w in words]


def _estimate_words(text: str, spans: list[tuple[float, float]]) -> list[WordTiming]:
    """Words over voiced spans; when each phrase (up to , . ; : ! ?) got its own span, per phrase."""
    phrases = [p for p in (text_words(part) for part in _PHRASE_END.split(text)) if p]
    if len(phrases) == len(spans) > 1:
        return [t for p, span in zip(phrases, spans) for t in spread_words(p, _weights(p), [span])]
    words = text_words(text)
    return spread_words(words, _weights(words), spans)
