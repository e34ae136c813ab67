"""Encode frames and audio to an H.264 + AAC MP4 (and, optionally, fMP4 stream segments) with PyAV.

``Encoder`` is a context manager. The caller renders frames and hands them over with
``write_frame``; a background thread converts, encodes and muxes them, so encoding overlaps
with rendering (PyAV's libx264 also runs its own threads). Audio given before or alongside the
frames is interleaved with them as the video advances; audio given late is still written.

The MP4 is written to a temporary file beside ``path`` and renamed over it only when everything
succeeded, so a failure (disk full, unwritable folder, an error in the caller's rendering)
leaves nothing at ``path``. ``faststart`` moves the index to the front so a browser can start
playing before the whole file has arrived.

``encode_chunk`` encodes one shot's frames on their own into a small video-only MP4 (a
"chunk"), in a worker process; ``Encoder.write_chunk`` then copies a chunk's packets into the
film without decoding them. Every chunk starts with an IDR frame, has no B-frames and comes from
the same x264 settings, so chunks made in any order, on any worker or on another day (from the
cache) join into one valid stream.

With ``segments_dir`` the same encoded packets are also muxed into a fragmented MP4 whose bytes
a :class:`~dreamreel.edit.segments.SegmentWriter` cuts into MSE segments as they complete (one
encode, two containers). A keyframe is forced at every segment boundary: every
``segment_seconds``, and wherever the caller passes ``keyframe=True`` (a new shot group).

With ``subtitles`` (an ISO 639-2 language code, "eng") the MP4 also carries a text track
(``mov_text``, the MP4's own subtitle format, tagged with that language): ``write_subtitle``
gives it one caption at a time, in film order, as the cut goes; the muxer interleaves them
with the picture and fills the gaps between captions with empty samples. The fMP4 stream
segments carry no text (a player takes the .vtt beside them).
"""

import contextlib
import os
import queue
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from fractions import Fraction
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import av
import cv2
import numpy as np

from ..errors import BadInputError, OutputError
from ..store.files import umask
from .segments import SegmentWriter

#: Tag names the MP4 muxer keeps (``use_metadata_tags`` lets it store custom keys too).
DEFAULT_METADATA = {"comment": "AI-generated film made with dreamreel", "ai_generated": "true"}
#: x264 speed presets, fastest first. ultrafast keeps a 2-core laptop well ahead of real time at
#: 720p; veryfast makes files about a third the size at half the speed.
PRESETS = ("ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow")
DEFAULT_PRESET = "ultrafast"
DEFAULT_CRF = 23
#: ultrafast looks at no frame ahead and builds no macroblock tree, so all its CRF does is set
#: each frame's QP from a half-size analysis pass over the frame: a fifth of the encoder's CPU
#: at 720p. A chunk at ultrafast is coded at a constant QP this far under the CRF instead (CRF
#: 23 -> QP 20: luma PSNR against the drawn frames 45.4 and 48.4 dB on a noir and a storm film at
#: 720p, was 45.6 and 47.8, the worst frame better on both; files 6% smaller and 12% bigger; the
#: encoder 3.3 -> 2.6 and 4.5 -> 3.7 ms a frame). Slower presets keep CRF, which their look-ahead
#: and macroblock tree need.
ULTRAFAST_QP_UNDER_CRF = 3
_STOP = object()
#: The smallest ASS header the mov_text encoder accepts (libavcodec's default style, bottom centre);
#: the encoder is only opened, the packets are made here.
_ASS_HEADER = ("[Script Info]\r\nScriptType: v4.00+\r\nPlayResX: 384\r\nPlayResY: 288\r\n\r\n"
               "[V4+ Styles]\r\nFormat: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, "
               "BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, "
               "Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\r\n"
               "Style: Default,Arial,16,&Hffffff,&Hffffff,&H0,&H0,0,0,0,0,100,100,0,0,1,1,0,2,10,10,10,0\r\n\r\n"
               "[Events]\r\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\r\n")
#: Subtitle times are kept in milliseconds.
_SUB_TB = Fraction(1, 1000)


def mov_text_payload(text: str) -> bytes:
    """A mov_text sample: the UTF-8 text after its length (16 bits, big-endian); rows split at "\\n"."""
    data = text.encode("utf-8")[:0xFFFF]
    return len(data).to_bytes(2, "big") + data


def chunk_options(preset: str, crf: int) -> dict[str, str]:
    """x264 options shared by every chunk of a film (they must agree for chunks to join)."""
    if preset not in PRESETS:
        raise BadInputError(f"unknown x264 preset {preset!r}; use one of {', '.join(PRESETS)}")
    if not 0 <= crf <= 51:
        raise BadInputError(f"crf must be 0..51, got {crf}")
    # No B-frames: a chunk's decode order is its display order, so chunks join by a plain offset.
    # Keyframes only where asked (sc_threshold=0), so segments start exactly where chunks say.
    rate = {"qp": str(max(0, crf - ULTRAFAST_QP_UNDER_CRF))} if preset == "ultrafast" else {"crf": str(crf)}
    return {**rate, "preset": preset, "forced-idr": "1", "bframes": "0", "sc_threshold": "0"}


def to_yuv420(frame: np.ndarray, pts: int) -> Any:
    """An (H, W, 3) RGB or (H, W, 4) RGBA frame as the encoder's yuv420p VideoFrame (BT.601,
    limited range, as swscale would make it; OpenCV does it about ten times faster)."""
    h, w = frame.shape[:2]
    code = cv2.COLOR_RGBA2YUV_I420 if frame.shape[2] == 4 else cv2.COLOR_RGB2YUV_I420
    flat = cv2.cvtColor(frame, code).reshape(-1)  # Y (h x w), then U and V ((h/2) x (w/2) each)
    vf = av.VideoFrame(w, h, "yuv420p")
    y, c = h * w, (h // 2) * (w // 2)
    for plane, part in zip(vf.planes, (flat[:y], flat[y:y + c], flat[y + c:y + 2 * c])):
        rows = part.reshape(plane.height, plane.width)
        if plane.line_size == plane.width:
            plane.update(rows)
        else:  # rows padded to an aligned stride
            np.frombuffer(plane, np.uint8).reshape(plane.height, plane.line_size)[:, :plane.width] = rows
    vf.pts = pts
    return vf


def _frame_ok(frame: np.ndarray, height: int, width: int) -> bool:
    return frame.ndim == 3 and frame.shape[:2] == (height, width) and frame.shape[2] in (3, 4) \
        and frame.dtype == np.uint8


def _is_held(frame: np.ndarray) -> bool:
    # By name, not by import: the encoder does not depend on the picture stage.
    return type(frame).__name__ == "HeldFrame"


def encode_chunk(frames: Iterable[np.ndarray], path: str | Path, *, width: int, height: int, fps: int,
                 preset: str = DEFAULT_PRESET, crf: int = DEFAULT_CRF, key_every: int = 48,
                 threads: int = 1, on_frame: Callable[[np.ndarray], None] | None = None) -> int:
    """Encode RGB frames into a video-only MP4 chunk at ``path``; returns the number of frames.

    An IDR frame starts the chunk and every ``key_every`` frames after (stream segments start
    there). ``on_frame`` sees each frame before it is encoded (e.g. picture QC).
    """
    if width % 2 or height % 2 or width < 16 or height < 16:
        raise BadInputError(f"frame size {width}x{height}: H.264 (yuv420p) needs even sides of at least 16")
    options = chunk_options(preset, crf)
    n = 0
    picture: Any = None  # the last frame, converted to the encoder's yuv420p
    with av.open(str(path), "w", format="mp4") as out:
        v = out.add_stream("libx264", rate=fps)
        v.width, v.height, v.pix_fmt = width, height, "yuv420p"
        v.time_base = Fraction(1, fps)
        v.codec_context.thread_count = threads
        v.codec_context.gop_size = 1 << 20
        v.options = options
        for frame in frames:
            if not _frame_ok(frame, height, width):
                raise BadInputError(f"chunk frame {n}: expected {height}x{width}x3 or x4 uint8, "
                                    f"got {'x'.join(map(str, frame.shape))} {frame.dtype}")
            if on_frame is not None:
                on_frame(frame)
            # A held frame (the same picture again) is not converted again. x264 copies the
            # picture it is given, so one converted frame can go in twice.
            if picture is None or not _is_held(frame):
                picture = to_yuv420(frame, n)
            picture.pts = n
            picture.pict_type = av.video.frame.PictureType.I if n % key_every == 0 \
                else av.video.frame.PictureType.NONE
            for p in v.encode(picture):
                out.mux(p)
            n += 1
        if n == 0:
            raise BadInputError(f"{path}: a chunk needs at least one frame")
        for p in v.encode(None):
            out.mux(p)
    return n


class Encoder:
    """Frames (HxWx3 RGB or HxWx4 RGBA, uint8) + float32 audio -> H.264/AAC MP4, written atomically."""

    def __init__(
        self,
        path: str | Path | None,
        *,
        width: int,
        height: int,
        fps: int,
        sample_rate: int = 48000,
        crf: int = 20,
        preset: str = "veryfast",
        faststart: bool = True,
        threads: int = 0,
        audio: bool = True,
        audio_bitrate: int = 128_000,
        title: str | None = None,
        metadata: dict[str, str] | None = None,
        segments_dir: str | Path | None = None,
        segment_seconds: float = 2.0,
        queue_frames: int = 8,
        chunks: bool = False,
        low_latency: bool = False,
        subtitles: str | None = None,
    ) -> None:
        if path is None and segments_dir is None:
            raise BadInputError("Encoder needs an output path, a segments folder, or both")
        if width % 2 or height % 2 or width < 16 or height < 16:
            raise BadInputError(f"frame size {width}x{height}: H.264 (yuv420p) needs even sides of at least 16")
        self.path = Path(path) if path is not None else None
        self.width, self.height, self.fps, self.sample_rate = width, height, fps, sample_rate
        self.frames_written = 0
        self._segment_frames = max(1, round(segment_seconds * fps)) if segments_dir is not None else None
        self._since_key = 0
        self._audio_given = 0        # samples handed to write_audio
        self._audio_sent = 0         # samples handed to the AAC encoder
        self._video_done = 0         # frames the encoding thread has encoded
        self._audio_parts: list[np.ndarray] = []  # (2, n) float32 waiting for the video to catch up
        self._error: BaseException | None = None
        self._closed = False
        self._ended = False  # end_stream done: everything given is encoded, the stream complete
        self._tmp: str | None = None
        self._meta = {**DEFAULT_METADATA, **({"title": title} if title else {}), **(metadata or {})}
        #: Video comes as encoded chunks (write_chunk), not frames: the stream is made from the first chunk's.
        self._chunks = chunks
        self._extradata: bytes | None = None
        #: A live stream: what is encoded goes into a segment as soon as the encoder has caught up.
        self._low_latency = low_latency and segments_dir is not None
        if subtitles is not None and (len(subtitles) != 3 or not subtitles.isascii() or not subtitles.isalpha()):
            raise BadInputError(f"subtitle language {subtitles!r}: give a three-letter ISO 639-2 code such as 'eng'")
        #: The MP4's text track (made beside the video stream) and the captions waiting for it.
        self._subtitles = subtitles.lower() if subtitles is not None and self.path is not None else None
        self._s: Any = None
        self._subs_waiting: list[tuple[int, int, str]] = []
        self._sub_end = 0  # ms: where the last caption given ends (the next may not start before)

        x264 = {"crf": str(crf), "preset": preset, "forced-idr": "1"}
        if self._segment_frames:
            # Keyframes only where a segment starts, so each fragment is exactly one segment.
            x264["sc_threshold"] = "0"
        self._out: Any = None
        self._seg_out: Any = None
        self._sv: Any = None
        self._sa: Any = None
        self.segments: SegmentWriter | None = None
        try:
            if self.path is not None:
                self._tmp = self._temp_beside(self.path)
                flags = "+faststart" if faststart else ""
                self._out = av.open(self._tmp, "w", format="mp4", options={"movflags": f"use_metadata_tags{flags}"})
                self._out.metadata.update(self._meta)
                self._v, self._a = self._add_streams(self._out, x264, threads, audio, audio_bitrate)
                if self._v is not None:
                    self._add_subtitle_stream()
            if segments_dir is not None:
                self.segments = SegmentWriter(Path(segments_dir), min_seconds=segment_seconds if low_latency else 0.0)
                if self._out is None and chunks:
                    self._seg_out = self._open_segments()
                    self._v, self._a = self._add_streams(self._seg_out, x264, threads, audio, audio_bitrate)
                    self._sa = self._a
                elif self._out is None:
                    self._seg_out = self._open_segments()
                    self._v, self._a = self._add_streams(self._seg_out, x264, threads, audio, audio_bitrate)
                    self._sv, self._sa = self._v, self._a
                # Else the fMP4 container opens at the first packet: its streams copy the MP4's
                # codec parameters (avcC, AudioSpecificConfig), which exist once the MP4 started.
        except OSError as e:
            self._cleanup()
            raise OutputError(f"cannot write {self.path or segments_dir}: {e.strerror or e}") from None
        except BaseException:
            self._cleanup()  # e.g. the segment folder cannot be made: no temporary file stays behind
            raise

        self._queue: queue.Queue[Any] = queue.Queue(maxsize=queue_frames)
        self._thread = threading.Thread(target=self._run, name="dreamreel-encode", daemon=True)
        self._thread.start()

    # -- setup -------------------------------------------------------------------------------
    @staticmethod
    def _temp_beside(path: Path) -> str:
        parent = path.parent if str(path.parent) else Path(".")
        if not parent.is_dir():
            raise OutputError(f"cannot write {path}: folder {parent} does not exist")
        if path.is_dir():
            raise OutputError(f"cannot write {path}: it is a folder")
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
        except OSError as e:
            raise OutputError(f"cannot write {path}: {e.strerror}") from None
        os.close(fd)
        return tmp

    def _open_segments(self) -> Any:
        assert self.segments is not None
        # Live: a fragment per packet, grouped by the SegmentWriter; else a fragment per keyframe,
        # each one segment. A packet-sized frag_duration, not frag_every_frame: that flag cuts a
        # fragment at every packet of either track, before the muxer knows the last sample's
        # duration, and writes it as 0; the track's next fragment then starts where it should have
        # ended, so every other AAC frame of a live film's sound sat on its neighbour's time with
        # a hole after it (PyAV decoded 1.3 s of a 2.5 s segment). frag_duration cuts a track's
        # fragment only when its next packet has come, so each sample's duration is known; the
        # cost is that a caught-up stream ends a frame short (its last frame waits for the next).
        options = {"movflags": "frag_keyframe+empty_moov+default_base_moof+skip_trailer+use_metadata_tags",
                   # Hand every packet's bytes over at once: a segment is saved as soon as it ends.
                   "flush_packets": "1"}
        if self._low_latency:
            options["frag_duration"] = "1"  # microseconds: any packet's worth
        out = av.open(self.segments, "w", format="mp4", options=options)
        out.metadata.update(self._meta)
        return out

    def _add_subtitle_stream(self) -> None:
        """The MP4's text track, after its video stream (so the video stays the first stream a
        player finds): mov_text, tagged with the language."""
        if self._subtitles is None or self._out is None:
            return
        s = self._out.add_stream("mov_text")
        s.codec_context.subtitle_header = _ASS_HEADER.encode()
        s.time_base = _SUB_TB
        s.metadata["language"] = self._subtitles
        s.metadata["handler_name"] = "Subtitles"
        self._s = s

    def _add_streams(self, out: Any, x264: dict[str, str], threads: int, audio: bool, bitrate: int) -> tuple[Any, Any]:
        v = None
        if not self._chunks:
            v = out.add_stream("libx264", rate=self.fps)
            v.width, v.height, v.pix_fmt = self.width, self.height, "yuv420p"
            v.time_base = Fraction(1, self.fps)
            v.codec_context.thread_count = threads
            if self._segment_frames:
                v.codec_context.gop_size = 100 * self._segment_frames
            v.options = x264
        a = None
        if audio:
            # FFmpeg's fast AAC coder: a third of the default (twoloop) coder's CPU on a film's
            # mix at 128 kb/s, with the same loudness and the same error against the mix (24.5 dB)
            a = out.add_stream("aac", rate=self.sample_rate, options={"aac_coder": "fast"})
            a.layout = "stereo"
            a.bit_rate = bitrate
        return v, a

    # -- the caller's side -------------------------------------------------------------------
    def write_frame(self, frame: np.ndarray, *, keyframe: bool = False) -> None:
        """Queue one RGB or RGBA frame (converted at once, so the caller may reuse its buffer).
        keyframe: start a segment here."""
        if not _frame_ok(frame, self.height, self.width):
            raise BadInputError(
                f"frame {self.frames_written}: expected {self.height}x{self.width}x3 or x4 uint8, "
                f"got {'x'.join(map(str, frame.shape))} {frame.dtype}"
            )
        vf = to_yuv420(np.ascontiguousarray(frame), self.frames_written)
        force = keyframe or self.frames_written == 0
        if self._segment_frames and self._since_key >= self._segment_frames:
            force = True
        self._since_key = 1 if force else self._since_key + 1
        if force:
            vf.pict_type = av.video.frame.PictureType.I
        self.frames_written += 1
        self._put(("v", vf))

    def write_chunk(self, path: str | Path, first: int = 0, count: int | None = None) -> int:
        """Queue an encoded chunk (see ``encode_chunk``) to be copied in after what came before:
        its frames ``first`` .. ``first + count - 1`` (default: all; ``first`` must be one of its
        keyframes). Returns the frame count. The chunk must have this film's size and frame rate."""
        if not self._chunks:
            raise BadInputError("this Encoder takes frames; make it with chunks=True to join encoded chunks")
        try:
            with av.open(str(path)) as c:
                vs = c.streams.video[0]
                cc = vs.codec_context
                if (cc.width, cc.height) != (self.width, self.height):
                    raise BadInputError(f"chunk {path}: {cc.width}x{cc.height}, the film is {self.width}x{self.height}")
                frames = vs.frames
        except (OSError, av.FFmpegError, IndexError) as e:
            raise BadInputError(f"chunk {path} cannot be read as video: {e}") from None
        if frames <= 0:
            raise BadInputError(f"chunk {path} holds no frames")
        count = frames - first if count is None else count
        if first < 0 or count < 1 or first + count > frames:
            raise BadInputError(f"chunk {path} has {frames} frames; frames {first}..{first + count - 1} asked for")
        self.frames_written += count
        self._put(("c", (str(path), self.frames_written - count, first, count)))
        return count

    def write_audio(self, samples: np.ndarray) -> None:
        """Queue float32 audio in [-1, 1]: shape (n, 2) stereo or (n,) mono, at ``sample_rate``."""
        if self._a is None:
            raise BadInputError("this Encoder was made with audio=False")
        x = np.asarray(samples, dtype=np.float32)
        if x.ndim == 1:
            x = np.stack([x, x], axis=1)
        if x.ndim != 2 or x.shape[1] != 2:
            raise BadInputError(f"audio: expected shape (n, 2) or (n,), got {x.shape}")
        if not np.isfinite(x).all():
            raise BadInputError(f"audio: samples {self._audio_given}..{self._audio_given + len(x)} hold NaN or infinity")
        self._audio_given += len(x)
        self._put(("a", np.ascontiguousarray(np.clip(x, -1.0, 1.0).T)))

    def write_subtitle(self, start: float, end: float, text: str) -> None:
        """Queue one caption for the MP4's text track: ``text`` (rows split at "\\n") shown from
        ``start`` to ``end`` seconds of the film. Captions come in film order; one that starts
        before the last one ended starts when it ends. Without ``subtitles`` it is ignored."""
        if self._subtitles is None:
            return
        t0, t1 = max(round(start * 1000), self._sub_end), round(end * 1000)
        if t1 <= t0 or not text.strip():
            return
        self._sub_end = t1
        self._put(("s", (t0, t1, text)))

    def _put(self, item: Any) -> None:
        if self._closed:
            raise BadInputError("Encoder is closed")
        while True:
            self._raise_worker_error()
            try:
                self._queue.put(item, timeout=0.5)
                return
            except queue.Full:
                continue

    def _raise_worker_error(self) -> None:
        if self._error is not None:
            err = self._error
            self.abort()
            if isinstance(err, OSError):
                raise OutputError(f"cannot write {self.path or self.segments and self.segments.out_dir}: {err.strerror or err}") from None
            raise err

    # -- the encoding thread ---------------------------------------------------------------
    def _run(self) -> None:
        try:
            while True:
                item = self._queue.get()
                if item is _STOP:
                    break
                kind, payload = item
                if kind == "v":
                    self._mux_video(self._v.encode(payload))
                    self._video_done = payload.pts + 1
                elif kind == "c":
                    self._copy_chunk(*payload)
                elif kind == "s":
                    self._subs_waiting.append(payload)
                    self._send_subtitles()
                else:
                    self._audio_parts.append(payload)
                # Interleave: send the audio that belongs before the end of the encoded picture.
                self._send_audio(until=self._video_done * self.sample_rate // self.fps)
                if self._low_latency and self._queue.empty() and self.segments is not None:
                    self.segments.cut()  # caught up: let the player have it now
        except BaseException as e:  # noqa: BLE001 - handed to the caller's thread, raised there
            self._error = e

    def _copy_chunk(self, path: str, at: int, first: int, count: int) -> None:
        with av.open(path) as c:
            vs = c.streams.video[0]
            if self._v is None:
                self._extradata = vs.codec_context.extradata
                target = self._out if self._out is not None else self._seg_out
                self._v = target.add_stream_from_template(vs)
                self._v.time_base = Fraction(1, self.fps)
                if target is self._seg_out:
                    self._sv = self._v
                else:
                    self._add_subtitle_stream()
                    self._send_subtitles()  # the captions given before the first chunk
            elif vs.codec_context.extradata != self._extradata:
                raise BadInputError(f"chunk {path} was encoded with other settings than the film's first chunk")
            tb = vs.time_base
            for p in c.demux(vs):
                if p.dts is None:  # the demuxer's end-of-stream marker
                    continue
                n = round(p.pts * tb * self.fps)  # decode order is display order: no B-frames
                if n < first or n >= first + count:
                    continue
                if n == first and not p.is_keyframe:
                    raise BadInputError(f"chunk {path}: frame {first} is not a keyframe; a part of a chunk "
                                        f"must start on one")
                frame = at + n - first
                p.pts = p.dts = frame
                p.duration = 1
                p.time_base = Fraction(1, self.fps)
                p.stream = self._v
                self._mux(p, video=True)
                self._video_done = max(self._video_done, frame + 1)
                self._send_audio(until=self._video_done * self.sample_rate // self.fps)

    def _send_subtitles(self) -> None:
        """Mux the captions waiting, once the text track exists (the MP4 only: the fMP4 has none)."""
        if self._s is None:
            return
        for t0, t1, text in self._subs_waiting:
            p = av.Packet(mov_text_payload(text))
            p.stream = self._s
            p.time_base = _SUB_TB
            p.pts = p.dts = t0
            p.duration = t1 - t0
            self._out.mux(p)
        self._subs_waiting.clear()

    def _mux_video(self, packets: list[Any]) -> None:
        for p in packets:
            self._mux(p, video=True)

    def _mux(self, p: Any, *, video: bool) -> None:
        if self.segments is None or self._out is None:
            (self._out if self._out is not None else self._seg_out).mux(p)
            return
        # A muxer takes ownership of a packet's data, so the fMP4 container gets a copy.
        q = av.Packet(bytes(p))
        q.pts, q.dts, q.duration, q.time_base = p.pts, p.dts, p.duration, p.time_base
        q.is_keyframe = p.is_keyframe
        self._out.mux(p)
        if self._seg_out is None:
            self._seg_out = self._open_segments()
            self._sv = self._seg_out.add_stream_from_template(self._v)
            self._sa = self._seg_out.add_stream_from_template(self._a) if self._a is not None else None
        q.stream = self._sv if video else self._sa
        self._seg_out.mux(q)

    def _send_audio(self, until: int | None) -> None:
        if self._a is None or not self._audio_parts:
            return
        have = sum(part.shape[1] for part in self._audio_parts)
        n = have if until is None else min(have, until - self._audio_sent)
        if n <= 0:
            return
        block = np.concatenate(self._audio_parts, axis=1) if len(self._audio_parts) > 1 else self._audio_parts[0]
        send, rest = block[:, :n], block[:, n:]
        self._audio_parts = [rest] if rest.shape[1] else []
        af = av.AudioFrame.from_ndarray(np.ascontiguousarray(send), format="fltp", layout="stereo")
        af.sample_rate = self.sample_rate
        af.pts = self._audio_sent
        af.time_base = Fraction(1, self.sample_rate)
        self._audio_sent += n
        for p in self._a.encode(af):
            self._mux(p, video=False)

    # -- finishing -------------------------------------------------------------------------
    def end_stream(self) -> None:
        """Nothing more will be given: flush the encoders and end the stream now (its last segment,
        and its index saying it is complete), so a player plays to the end and stops there while
        the MP4 is still being finished (``close``: faststart rewrites the whole file). Without
        segments it only flushes; ``close`` calls it if the caller did not."""
        if self._ended:
            return
        self._put(_STOP)
        self._closed = True
        self._thread.join()
        if self._error is not None:
            self._closed = False  # let _raise_worker_error abort and clean up
            self._raise_worker_error()
        with self._or_cleaned_up():
            if self.frames_written == 0:
                raise BadInputError(f"{self.path or 'segments'}: no frames were written")
            if self._a is not None and self._audio_given == 0:
                # A film with an audio track but no sound given: silence the length of the picture.
                self._audio_parts.append(np.zeros((2, self.frames_written * self.sample_rate // self.fps), np.float32))
            self._send_audio(until=None)
            if not self._chunks:
                self._mux_video(self._v.encode(None))
            if self._a is not None:
                for p in self._a.encode(None):
                    self._mux(p, video=False)
            if self._seg_out is not None:
                self._seg_out.close()
                self._seg_out = None
            if self.segments is not None:
                self.segments.finish(self.frames_written / self.fps)
            self._ended = True

    def close(self) -> Path | None:
        """Flush, end the stream, finish the file and rename it into place; returns the MP4's path."""
        if self._ended and self._out is None:
            return self.path
        self.end_stream()
        with self._or_cleaned_up():
            self._send_subtitles()
            if self._out is not None:
                self._out.close()  # faststart rewrites the file here
                self._out = None
                assert self._tmp is not None and self.path is not None
                os.chmod(self._tmp, 0o666 & ~umask())
                os.replace(self._tmp, self.path)
                self._tmp = None
        return self.path

    @contextlib.contextmanager
    def _or_cleaned_up(self) -> Iterator[None]:
        """On failure nothing half-made stays (the temporary MP4 goes); a file error is one line."""
        try:
            yield
        except OSError as e:
            self._cleanup()
            raise OutputError(f"cannot write {self.path or (self.segments and self.segments.out_dir)}: {e.strerror or e}") from None
        except BaseException:
            self._cleanup()
            raise

    def abort(self) -> None:
        """Stop and remove the unfinished file (segments already written stay, index marked incomplete)."""
        if not self._closed:
            self._closed = True
            try:
                self._queue.put_nowait(_STOP)
            except queue.Full:
                # Drain so the worker can see the stop; frames already queued are dropped.
                while not self._queue.empty():
                    self._queue.get_nowait()
                self._queue.put_nowait(_STOP)
            self._thread.join()
        self._cleanup()

    def _cleanup(self) -> None:
        for name in ("_seg_out", "_out"):
            c = getattr(self, name, None)
            if c is not None:
                # Closing a broken container may fail too; its file is removed just below anyway.
                with contextlib.suppress(OSError, av.FFmpegError, ValueError):
                    c.close()
                setattr(self, name, None)
        if self._tmp is not None:
            try:
                os.unlink(self._tmp)
            except OSError:
                pass
            self._tmp = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None) -> None:
        if et is None:
            self.close()
        else:
            self.abort()

