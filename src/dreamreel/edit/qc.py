"""Media quality control: decode what was made and say what is wrong, with time codes.

``check_media`` decodes a finished file with PyAV and checks: a video and an audio stream,
resolution, frame rate, duration (within a frame of the plan), black runs, frozen runs,
silence, clipping, loudness (EBU R128 via pyloudnorm, when installed) and whether audio and
picture last as long as each other. ``check_lines`` warns at each line a voice could not say
as written (held as a pause, said in another language, part left unsaid). ``check_frames``
runs the picture checks on one shot's rendered frames before encoding. ``check_render`` is the
QC after every render: it reads the new file packet by packet and uses what was measured while
making it, instead of decoding.

Thresholds are arguments with defaults that suit dreamreel's films: a black or frozen run is a
problem past ``black_seconds``/``freeze_seconds`` (title cards and held looks are shorter),
silence past ``silence_seconds`` under -60 dBFS, clipping at samples within 0.1 dB of full scale.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import av
import numpy as np

from ..errors import BadInputError
from ..model.label import Label
from ..model.shot import ShotList
from .label import label_seen

Severity = Literal["error", "warning"]
#: A frame is black when fewer than this share of its pixels are brighter than BLACK_LEVEL.
BLACK_LEVEL = 32
BLACK_SHARE = 0.002
#: Two frames are "the same" when no (subsampled) luma value differs by more than this.
FREEZE_TOLERANCE = 3
SILENCE_DBFS = -60.0
CLIP_LEVEL = 0.989  # -0.1 dBFS
LOUDNESS_TOLERANCE = 2.0


def timecode(seconds: float, fps: int) -> str:
    """HH:MM:SS:FF (non-drop-frame)."""
    frames = max(0, round(seconds * fps))
    s, f = divmod(frames, fps)
    return f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}:{f:02d}"


@dataclass
class Problem:
    kind: str          # streams, resolution, fps, duration, black, frozen, silence, clipping, loudness, sync, label, voice
    severity: Severity
    start: float       # seconds
    end: float
    timecode: str
    message: str

    def __str__(self) -> str:
        return f"{self.timecode} {self.severity} {self.kind}: {self.message}"


@dataclass
class QCReport:
    source: str
    problems: list[Problem] = field(default_factory=list)
    #: What was measured: width, height, fps, frames, video_seconds, audio_seconds, loudness_lufs ...
    measured: dict[str, object] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """No errors (warnings allowed)."""
        return not any(p.severity == "error" for p in self.problems)

    @property
    def clean(self) -> bool:
        """No problems at all."""
        return not self.problems

    def kinds(self) -> set[str]:
        return {p.kind for p in self.problems}

    def to_dict(self) -> dict:
        return {"source": self.source, "ok": self.ok, "problems": [p.__dict__ for p in self.problems],
                "measured": self.measured, "notes": self.notes}


class _PictureScan:
    """Runs of black and of frozen frames, fed one luma image (0..255, full range) at a time."""

    def __init__(self, report: QCReport, fps: int, start: float, black_seconds: float, freeze_seconds: float):
        self.r, self.fps, self.t0 = report, fps, start
        self.black_min = max(1, round(black_seconds * fps))
        self.freeze_min = max(2, round(freeze_seconds * fps))
        self.n = 0
        self.black_from: int | None = None
        self.same_from = 0
        self.same_black = False  # the current run of identical frames is black ones
        self.prev: np.ndarray | None = None

    def add(self, luma: np.ndarray) -> None:
        black = np.count_nonzero(luma > BLACK_LEVEL) < BLACK_SHARE * luma.size
        same = self.prev is not None and int(np.abs(luma.astype(np.int16) - self.prev).max()) <= FREEZE_TOLERANCE
        self.prev = luma.astype(np.int16)
        self.add_flags(bool(black), bool(same))

    def add_flags(self, black: bool, same: bool) -> None:
        """One frame, measured elsewhere: is it black, is it the same as the frame before."""
        if black and self.black_from is None:
            self.black_from = self.n
        elif not black:
            self._end_black()
        if not same:
            self._end_freeze()
            self.same_from, self.same_black = self.n, black
        self.n += 1

    def finish(self) -> None:
        self._end_black()
        self._end_freeze()

    def _end_black(self) -> None:
        if self.black_from is not None and self.n - self.black_from >= self.black_min:
            self._problem("black", self.black_from, self.n, "black frames")
        self.black_from = None

    def _end_freeze(self) -> None:
        # Black runs are reported as black, not also as frozen.
        if self.n - self.same_from >= self.freeze_min and not self.same_black:
            self._problem("frozen", self.same_from, self.n, "picture frozen (identical frames)")

    def _problem(self, kind: str, a: int, b: int, what: str) -> None:
        t0, t1 = self.t0 + a / self.fps, self.t0 + b / self.fps
        self.r.problems.append(Problem(kind, "warning", t0, t1, timecode(t0, self.fps),
                                       f"{what} for {t1 - t0:.2f} s (frames {a}..{b - 1})"))


def _rgb_luma(frame: np.ndarray) -> np.ndarray:
    # Every other pixel each way: enough to see a blink, 4x less work.
    f = frame[::2, ::2].astype(np.float32)
    return (0.299 * f[..., 0] + 0.587 * f[..., 1] + 0.114 * f[..., 2]).astype(np.uint8)


def check_frames(
    frames: Iterable[np.ndarray],
    *,
    fps: int,
    width: int | None = None,
    height: int | None = None,
    start_seconds: float = 0.0,
    black_seconds: float = 1.0,
    freeze_seconds: float = 3.0,
    source: str = "frames",
) -> QCReport:
    """Picture checks on rendered frames (HxWx3 RGB or HxWx4 RGBA, uint8) before they are encoded."""
    report = QCReport(source)
    scan = _PictureScan(report, fps, start_seconds, black_seconds, freeze_seconds)
    for i, f in enumerate(frames):
        shape_ok = f.ndim == 3 and f.shape[2] in (3, 4) and f.dtype == np.uint8
        if not shape_ok or (width and f.shape[1] != width) or (height and f.shape[0] != height):
            t = start_seconds + i / fps
            report.problems.append(Problem("resolution", "error", t, t, timecode(t, fps),
                                           f"frame {i} is {'x'.join(map(str, f.shape))} {f.dtype}, expected "
                                           f"{height or 'H'}x{width or 'W'}x3 uint8"))
            continue
        scan.add(_rgb_luma(f))
    scan.finish()
    report.measured["frames"] = scan.n
    return report


def check_media(
    path: str | Path,
    *,
    expect_seconds: float,
    fps: int,
    width: int,
    height: int,
    target_lufs: float | None = -16.0,
    black_seconds: float = 1.0,
    freeze_seconds: float = 3.0,
    silence_seconds: float = 2.0,
) -> QCReport:
    """Decode ``path`` and check it against the plan."""
    report = QCReport(str(path))
    container, vs, as_ = _open(path, report, fps)
    with container:
        if vs is not None:
            _check_video(container, vs, report, expect_seconds, fps, width, height, black_seconds, freeze_seconds)
        if as_ is not None:
            container.seek(0)
            _check_audio(container, as_, report, fps, target_lufs, silence_seconds)
    _check_sync(report, fps)
    report.problems.sort(key=lambda q: q.start)
    return report


def check_render(
    path: str | Path,
    *,
    expect_seconds: float,
    fps: int,
    width: int,
    height: int,
    black: np.ndarray,
    same: np.ndarray,
    audio: np.ndarray | None,
    sample_rate: int,
    target_lufs: float | None = -16.0,
    black_seconds: float = 1.0,
    freeze_seconds: float = 3.0,
    silence_seconds: float = 2.0,
    label: Label | None = None,
    sound: QCReport | None = None,
) -> QCReport:
    """The QC of a film just made, without decoding it again: the container is read packet by
    packet (streams, size, rate, durations); the picture checks use the per-frame black and
    unchanged flags measured while rendering; the audio checks run on the mix that was encoded
    (or come as ``sound``: :func:`check_sound`'s report, made while the pictures were still
    being drawn). With ``label``, a few frames across the film are decoded to see the AI label
    is on them. ``check_media`` decodes everything instead (for files from elsewhere)."""
    report = QCReport(str(path))
    container, vs, as_ = _open(path, report, fps)
    with container:
        if vs is not None:
            _check_geometry(vs, report, fps, width, height)
        ends = {"video": 0.0, "audio": 0.0}
        frames = 0
        for packet in container.demux(*[s for s in (vs, as_) if s is not None]):
            if packet.pts is None:
                continue
            kind = packet.stream.type
            end = float((packet.pts + (packet.duration or 0)) * packet.time_base)
            ends[kind] = max(ends[kind], end)
            frames += kind == "video"
    if vs is not None:
        _check_duration(report, frames, fps, expect_seconds)
        if label is not None:
            _check_label(path, label, report, fps)
    scan = _PictureScan(report, fps, 0.0, black_seconds, freeze_seconds)
    for b, s_ in zip(black.tolist(), same.tolist()):
        scan.add_flags(b, s_)
    scan.finish()
    if as_ is not None:
        report.measured.update(sample_rate=as_.codec_context.sample_rate, audio_seconds=round(ends["audio"], 6))
        if sound is not None:
            report.problems += sound.problems
            report.measured.update(sound.measured)
            report.notes += sound.notes
        elif audio is not None:
            check_samples(np.ascontiguousarray(audio.T, np.float32), sample_rate, report, fps=fps,
                          target_lufs=target_lufs, silence_seconds=silence_seconds)
    _check_sync(report, fps)
    report.problems.sort(key=lambda q: q.start)
    return report


def check_lines(report: QCReport, lists: Sequence[ShotList], fps: int) -> None:
    """A warning at each line a voice could not say as written (synth/voice/reading.py): held as
    a pause (nothing to say), said in another language, emoji or a script left unsaid. Once a
    line, at its first place in the film."""
    from ..synth.voice.reading import read

    seen: set[tuple[str, int, str]] = set()
    offset = 0
    for sl in lists:
        for shot in sl.shots:
            at = (offset + shot.start_frame) / fps
            for cue in shot.cues:
                if (cue.beat, cue.index, cue.text) in seen:
                    continue
                seen.add((cue.beat, cue.index, cue.text))
                notes = read(cue.text).notes
                if notes:
                    who = "the narration" if cue.index < 0 else f"{cue.speaker}'s line {cue.index + 1}"
                    shown = " ".join(cue.text.split())
                    shown = repr(shown if len(shown) <= 40 else shown[:39] + "…")
                    report.problems.append(Problem(
                        "voice", "warning", at + cue.start, at + cue.end, timecode(at + cue.start, fps),
                        f"{who} in {cue.beat} {shown}: {'; '.join(notes)}"))
        offset += sum(s.frames for s in sl.shots)
    report.problems.sort(key=lambda q: q.start)


def check_sound(audio: np.ndarray, sample_rate: int, *, fps: int, target_lufs: float | None = -16.0,
                silence_seconds: float = 2.0) -> QCReport:
    """The audio checks of ``check_render`` on the mix alone, (n, 2) float: they need no file, so
    they can run before the film is written (pass the report to ``check_render`` as ``sound``)."""
    report = QCReport("mix")
    check_samples(np.ascontiguousarray(audio.T, np.float32), sample_rate, report, fps=fps, target_lufs=target_lufs,
                  silence_seconds=silence_seconds)
    return report


def _check_label(path: str | Path, label: Label, report: QCReport, fps: int, samples: int = 6) -> None:
    """The AI label must be on the picture: look for its words in frames spread over the film."""
    missing = []
    with av.open(str(path)) as container:
        vs = container.streams.video[0]
        duration = float(vs.duration * vs.time_base) if vs.duration else float(container.duration or 0) / 1e6
        for k in range(samples):
            t = duration * (k + 0.5) / samples
            container.seek(int(t / vs.time_base), stream=vs, backward=True)
            frame = next(container.decode(vs), None)
            if frame is None:
                continue
            y = frame.to_ndarray(format="gray")
            if not label_seen(y, label):
                missing.append(round(float(frame.pts * vs.time_base), 3) if frame.pts is not None else t)
    report.measured["label_samples"] = samples
    report.measured["label_missing"] = len(missing)
    if missing:
        report.problems.append(Problem("label", "error", missing[0], missing[-1], timecode(missing[0], fps),
                                       f"the AI label is not on the picture at {len(missing)} of {samples} "
                                       f"sampled frames (first at {missing[0]:.2f} s)"))


def _open(path: str | Path, report: QCReport, fps: int):  # type: ignore[no-untyped-def]
    """The container and its first video and audio streams; a missing stream is an error."""
    try:
        container = av.open(str(path))
    except (OSError, av.FFmpegError) as e:
        raise BadInputError(f"{path}: cannot be read as media ({e})") from None
    vs = container.streams.video[0] if container.streams.video else None
    as_ = container.streams.audio[0] if container.streams.audio else None
    for kind, s in (("video", vs), ("audio", as_)):
        if s is None:
            report.problems.append(Problem("streams", "error", 0, 0, timecode(0, fps), f"no {kind} stream"))
    return container, vs, as_


def _check_geometry(vs, report, fps, width, height) -> None:  # type: ignore[no-untyped-def]
    cc = vs.codec_context
    report.measured.update(codec=cc.name, width=cc.width, height=cc.height)
    if (cc.width, cc.height) != (width, height):
        report.problems.append(Problem("resolution", "error", 0, 0, timecode(0, fps),
                                       f"picture is {cc.width}x{cc.height}, planned {width}x{height}"))
    rate = vs.average_rate or vs.guessed_rate
    measured_fps = float(rate) if rate else 0.0
    report.measured["fps"] = round(measured_fps, 3)
    if abs(measured_fps - fps) > 0.01:
        report.problems.append(Problem("fps", "error", 0, 0, timecode(0, fps),
                                       f"frame rate is {measured_fps:.3f}, planned {fps}"))


def _check_duration(report: QCReport, frames: int, fps: int, expect_seconds: float) -> None:
    seconds = frames / fps
    report.measured.update(frames=frames, video_seconds=round(seconds, 6))
    if abs(seconds - expect_seconds) > 1 / fps + 1e-6:
        report.problems.append(Problem("duration", "error", min(seconds, expect_seconds), max(seconds, expect_seconds),
                                       timecode(min(seconds, expect_seconds), fps),
                                       f"picture lasts {seconds:.3f} s ({frames} frames), planned {expect_seconds:.3f} s"))


def _check_sync(report: QCReport, fps: int) -> None:
    v, a = report.measured.get("video_seconds"), report.measured.get("audio_seconds")
    if isinstance(v, float) and isinstance(a, float) and abs(v - a) > max(2 / fps, 0.05):
        t = min(v, a)
        report.problems.append(Problem("sync", "error", t, max(v, a), timecode(t, fps),
                                       f"audio lasts {a:.3f} s but the picture {v:.3f} s"))


def _check_video(container, vs, report, expect_seconds, fps, width, height, black_seconds, freeze_seconds) -> None:
    _check_geometry(vs, report, fps, width, height)
    scan = _PictureScan(report, fps, 0.0, black_seconds, freeze_seconds)
    for frame in container.decode(vs):
        # The Y plane is the luma; limited range (16..235) is stretched to full range first.
        plane = frame.planes[0]
        y = np.frombuffer(plane, np.uint8, count=plane.line_size * frame.height).reshape(frame.height, plane.line_size)[:, : frame.width][::2, ::2]
        if frame.format.name.startswith("yuv") and not frame.format.name.startswith("yuvj"):
            y = np.clip((y.astype(np.int16) - 16) * 255 // 219, 0, 255).astype(np.uint8)
        scan.add(y)
    scan.finish()
    _check_duration(report, scan.n, fps, expect_seconds)


def _check_audio(container, as_, report, fps, target_lufs, silence_seconds) -> None:
    sr = as_.codec_context.sample_rate
    resampler = av.AudioResampler(format="fltp", layout="stereo", rate=sr)
    parts = []
    for frame in container.decode(as_):
        for out in resampler.resample(frame):
            parts.append(out.to_ndarray())
    for out in resampler.resample(None):
        parts.append(out.to_ndarray())
    x: np.ndarray = np.concatenate(parts, axis=1).astype(np.float32) if parts else np.zeros((2, 0), np.float32)
    report.measured.update(sample_rate=sr, audio_seconds=round(x.shape[1] / sr, 6))
    check_samples(x, sr, report, fps=fps, target_lufs=target_lufs, silence_seconds=silence_seconds)


def check_samples(x: np.ndarray, sr: int, report: QCReport, *, fps: int, target_lufs: float | None = -16.0,
                  silence_seconds: float = 2.0) -> None:
    """Silence, clipping, peak and loudness of (2, n) float audio, added to ``report``."""
    seconds = x.shape[1] / sr
    if x.shape[1] == 0:
        report.problems.append(Problem("streams", "error", 0, 0, timecode(0, fps), "the audio stream holds no samples"))
        return

    # Silence: 50 ms windows whose RMS (loudest channel) is under -60 dBFS, in runs.
    win = sr // 20
    n = x.shape[1] // win
    if n:
        windows = x[:, : n * win].reshape(x.shape[0], n, win)
        rms = np.sqrt(np.einsum("cnw,cnw->cn", windows, windows) / win).max(axis=0)
        quiet: np.ndarray = 20 * np.log10(np.maximum(rms, 1e-10)) < SILENCE_DBFS
        for a, b in _runs(quiet):
            if (b - a) * win / sr >= silence_seconds:
                t0, t1 = a * win / sr, b * win / sr
                report.problems.append(Problem("silence", "warning", t0, t1, timecode(t0, fps),
                                               f"silence (under {SILENCE_DBFS:.0f} dBFS) for {t1 - t0:.2f} s"))

    # Clipping: samples at full scale; reported once a run, for runs of 3+ samples (a lone peak is not audible).
    peak = max(float(x.max()), -float(x.min()))  # (two reductions: no |x| copy of the film)
    runs: list[tuple[int, int]] = []
    if peak >= CLIP_LEVEL:
        hot: np.ndarray = np.asarray((np.abs(x) >= CLIP_LEVEL).any(axis=0))
        runs = [(a, b) for a, b in _runs(hot) if b - a >= 3]
    report.measured["clipped_samples"] = int(sum(b - a for a, b in runs))
    if runs:
        t0 = runs[0][0] / sr
        report.problems.append(Problem("clipping", "warning", t0, runs[-1][1] / sr, timecode(t0, fps),
                                       f"{len(runs)} clipped runs ({report.measured['clipped_samples']} samples), first here"))

    report.measured["peak_dbfs"] = round(float(20 * np.log10(max(peak, 1e-10))), 2)
    if target_lufs is None:
        return
    try:
        import pyloudnorm  # noqa: F401  (the meter below is built on its filters)
    except ImportError:
        report.notes.append("loudness not measured: pyloudnorm is not installed (pip install pyloudnorm)")
        return
    if seconds < 0.5:
        report.notes.append("loudness not measured: audio shorter than 0.5 s")
        return
    from .loudness import meter  # (pyloudnorm's K-weighting and gating, vectorised: within 1e-4 LU of it)

    lufs = meter(sr).fast(x, channels_first=True)
    report.measured["loudness_lufs"] = round(lufs, 2) if np.isfinite(lufs) else None
    if not np.isfinite(lufs) or abs(lufs - target_lufs) > LOUDNESS_TOLERANCE:
        shown = f"{lufs:.1f}" if np.isfinite(lufs) else "-inf"
        report.problems.append(Problem("loudness", "warning", 0, seconds, timecode(0, fps),
                                       f"integrated loudness {shown} LUFS, target {target_lufs:.1f} (±{LOUDNESS_TOLERANCE})"))


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """[start, end) index pairs of the True runs in a boolean array."""
    if not mask.size:
        return []
    edges = np.diff(np.concatenate([[0], mask.astype(np.int8), [0]]))
    return list(zip(np.flatnonzero(edges == 1).tolist(), np.flatnonzero(edges == -1).tolist()))
