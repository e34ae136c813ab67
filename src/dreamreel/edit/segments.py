"""Cut FFmpeg's fragmented-MP4 byte stream into Media Source Extensions segments.

The encoder muxes into an fMP4 container (``movflags=frag_keyframe+empty_moov+default_base_moof``)
whose output is a :class:`SegmentWriter`. The muxer writes ``ftyp`` + ``moov`` (the init
segment) and then one ``moof`` + ``mdat`` pair per fragment; a fragment starts at each video
keyframe, and the encoder forces a keyframe at every segment boundary, so one fragment is one
segment. A segment is complete when its ``mdat`` has arrived (its length is in its ``moof``'s
run of samples; failing that, when the next ``moof`` begins, or at :meth:`finish`), and is
written at once, atomically, so a player can start on the first one while the rest encode.
A live stream is muxed with a fragment per packet instead (each written once the track's next
packet says how long it lasts), grouped here (``min_seconds``, ``cut``).

Files in the output folder::

    init.mp4            ftyp + moov
    seg_00000.m4s ...   moof + mdat, one a segment
    index.json          codecs string, and each segment's file, start and duration (seconds)

``index.json`` is rewritten (atomically) after every segment with ``"complete": false``, and
with the last segment (or after it) with ``"complete": true``, so a live player can poll it.
"""

import json
import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import OutputError
from ..store.files import write_atomic

INIT_NAME = "init.mp4"
INDEX_NAME = "index.json"
#: Boxes whose payload is a list of child boxes (the ones on the way to what we read).
_CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"stbl", b"moof", b"traf", b"stsd"}


def iter_boxes(data: bytes | memoryview, start: int = 0, end: int | None = None):
    """Yield (type, payload_start, box_end) for the ISO-BMFF boxes in data[start:end]."""
    end = len(data) if end is None else end
    pos = start
    while pos + 8 <= end:
        size, kind = struct.unpack_from(">I4s", data, pos)
        header = 8
        if size == 1:  # 64-bit size follows the type
            size = struct.unpack_from(">Q", data, pos + 8)[0]
            header = 16
        elif size == 0:  # box runs to the end
            size = end - pos
        if size < header or pos + size > end:
            return
        yield kind, pos + header, pos + size
        pos += size


def _find(data: bytes, path: list[bytes], start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Payload spans of every box at ``path`` (e.g. [b"trak", b"mdia", b"mdhd"])."""
    out: list[tuple[int, int]] = []
    for kind, p0, p1 in iter_boxes(data, start, end):
        if kind != path[0]:
            continue
        if len(path) == 1:
            out.append((p0, p1))
        else:
            # stsd has a version/flags word and an entry count before its children.
            child_start = p0 + 8 if kind == b"stsd" else p0
            out.extend(_find(data, path[1:], child_start, p1))
    return out


@dataclass
class Track:
    track_id: int
    handler: str  # "vide" or "soun"
    timescale: int


def read_init(init: bytes) -> tuple[list[Track], str]:
    """The tracks of an init segment and its MSE codecs string (avc1.PPCCLL, mp4a.40.2)."""
    tracks: list[Track] = []
    codecs: list[str] = []
    for t0, t1 in _find(init, [b"moov", b"trak"]):
        tkhd = _find(init, [b"tkhd"], t0, t1)[0][0]
        version = init[tkhd]
        track_id = struct.unpack_from(">I", init, tkhd + (20 if version == 1 else 12))[0]
        mdhd = _find(init, [b"mdia", b"mdhd"], t0, t1)[0][0]
        timescale = struct.unpack_from(">I", init, mdhd + (20 if init[mdhd] == 1 else 12))[0]
        hdlr = _find(init, [b"mdia", b"hdlr"], t0, t1)[0][0]
        handler = init[hdlr + 8 : hdlr + 12].decode("ascii")
        tracks.append(Track(track_id, handler, timescale))
        stsd = _find(init, [b"mdia", b"minf", b"stbl", b"stsd"], t0, t1)[0]
        for kind, e0, e1 in iter_boxes(init, stsd[0] + 8, stsd[1]):
            if kind == b"avc1":
                # A visual sample entry has 78 bytes of fixed fields before its child boxes.
                for child, c0, _ in iter_boxes(init, e0 + 78, e1):
                    if child == b"avcC":
                        profile, compat, level = init[c0 + 1], init[c0 + 2], init[c0 + 3]
                        codecs.append(f"avc1.{profile:02x}{compat:02x}{level:02x}")
            elif kind == b"mp4a":
                codecs.append("mp4a.40.2")  # FFmpeg's aac encoder writes AAC-LC
    return tracks, ", ".join(codecs)


def fragment_start(moof: bytes, track_id: int) -> int | None:
    """baseMediaDecodeTime (in the track's timescale) of ``track_id`` in a moof box's bytes."""
    for t0, t1 in _find(moof, [b"moof", b"traf"]):
        tfhd = _find(moof, [b"tfhd"], t0, t1)[0][0]
        if struct.unpack_from(">I", moof, tfhd + 4)[0] != track_id:
            continue
        for p0, _ in _find(moof, [b"tfdt"], t0, t1):
            if moof[p0] == 1:
                return struct.unpack_from(">Q", moof, p0 + 4)[0]
            return struct.unpack_from(">I", moof, p0 + 4)[0]
    return None


def fragment_duration(moof: bytes, track_id: int) -> int | None:
    """Summed sample durations (track timescale) of ``track_id`` in a moof, from its trun entries
    or tfhd's default duration; None when the fragment does not say (then its successor's start does)."""
    for t0, t1 in _find(moof, [b"moof", b"traf"]):
        tfhd = _find(moof, [b"tfhd"], t0, t1)[0][0]
        flags = struct.unpack_from(">I", moof, tfhd)[0] & 0xFFFFFF
        if struct.unpack_from(">I", moof, tfhd + 4)[0] != track_id:
            continue
        pos, default = tfhd + 8, None
        for bit, size in ((0x01, 8), (0x02, 4), (0x08, 4)):
            if flags & bit:
                if bit == 0x08:
                    default = struct.unpack_from(">I", moof, pos)[0]
                pos += size
        total = 0
        for r0, _ in _find(moof, [b"trun"], t0, t1):
            rflags = struct.unpack_from(">I", moof, r0)[0] & 0xFFFFFF
            count = struct.unpack_from(">I", moof, r0 + 4)[0]
            pos = r0 + 8 + (4 if rflags & 0x01 else 0) + (4 if rflags & 0x04 else 0)
            if not rflags & 0x100:
                if default is None:
                    return None
                total += default * count
                continue
            stride = 4 * sum(1 for bit in (0x100, 0x200, 0x400, 0x800) if rflags & bit)
            total += sum(struct.unpack_from(">I", moof, pos + i * stride)[0] for i in range(count))
        return total
    return None


@dataclass
class SegmentInfo:
    file: str
    start: float
    duration: float
    bytes: int


@dataclass
class SegmentWriter:
    """A write-only file object for FFmpeg that saves init + media segments as they complete.

    ``min_seconds`` > 0 (a live stream, muxed with a fragment per packet): fragments are grouped
    into segments of at least that much video, and :meth:`cut` saves what has arrived so far
    (the encoder calls it whenever it has caught up), so what is encoded reaches the player at
    once instead of when the next keyframe comes. Such segments need not start on a keyframe:
    a player appends them in order.
    """

    out_dir: Path
    mime: str = "video/mp4"
    min_seconds: float = 0.0
    segments: list[SegmentInfo] = field(default_factory=list)
    codecs: str = ""
    #: Called with each segment once it is saved (and listed in the index).
    on_segment: Callable[[SegmentInfo], None] | None = None
    #: More to say in the index (e.g. that the stream is AI-generated, where its manifests are).
    meta: dict[str, Any] = field(default_factory=dict)
    _buf: bytearray = field(default_factory=bytearray)
    _init: bytes = b""
    _init_done: bool = False
    _video: Track | None = None
    _moof: bytes | None = None       # a moof waiting for its mdat
    _group: bytearray = field(default_factory=bytearray)  # whole fragments not saved yet
    _group_start: float | None = None  # video time where the group starts, once it holds video
    _group_end: float | None = None    # ... and ends (None: the next fragment's start will say)

    def __post_init__(self) -> None:
        self.out_dir = Path(self.out_dir)
        if not self.out_dir.is_dir():
            try:
                self.out_dir.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise OutputError(f"cannot create segment folder {self.out_dir}: {e.strerror}") from None

    # -- the file-object side, called by FFmpeg's muxer ------------------------------------
    def write(self, data: bytes) -> int:
        self._buf += data
        self._consume()
        return len(data)

    def _consume(self) -> None:
        # Take whole top-level boxes off the front of the buffer.
        while len(self._buf) >= 8:
            size, kind = struct.unpack_from(">I4s", self._buf, 0)
            if size == 1:
                if len(self._buf) < 16:
                    return
                size = struct.unpack_from(">Q", self._buf, 8)[0]
            if size < 8 or len(self._buf) < size:
                return
            box = bytes(self._buf[:size])
            del self._buf[:size]
            self._box(kind, box)

    def _box(self, kind: bytes, box: bytes) -> None:
        if not self._init_done:
            self._init += box
            if kind == b"moov":
                self._init_done = True
                tracks, self.codecs = read_init(self._init)
                self._video = next((t for t in tracks if t.handler == "vide"), tracks[0] if tracks else None)
                write_atomic(self.out_dir / INIT_NAME, self._init)
            return
        if kind == b"moof":
            start = self._video_time(box)
            if start is not None and self._group_start is not None and self._group_end is None:
                self._group_end = start  # the fragment before did not say how long it lasts
                self._save_if_long()
            self._moof = box
        elif kind == b"mdat" and self._moof is not None:
            self._fragment(self._moof + box)
            self._moof = None
        # styp/sidx/mfra and anything else are not needed by MSE and are dropped.

    def _video_time(self, moof: bytes) -> float | None:
        assert self._video is not None
        t = fragment_start(moof, self._video.track_id)
        return None if t is None else t / self._video.timescale

    def _fragment(self, frag: bytes) -> None:
        """A whole moof + mdat: into the group, which is saved once it is long enough."""
        assert self._video is not None
        start = self._video_time(frag)
        self._group += frag
        if start is None:  # audio only
            return
        if self._group_start is None:
            self._group_start = start
        duration = fragment_duration(frag, self._video.track_id)
        self._group_end = None if duration is None else start + duration / self._video.timescale
        self._save_if_long()

    def _save_if_long(self) -> None:
        if self._group_start is not None and self._group_end is not None \
                and self._group_end - self._group_start >= self.min_seconds - 1e-6:
            self._save_group(self._group_end)

    def cut(self) -> None:
        """Save the fragments that have arrived as a segment now (if they hold any video)."""
        if self._group_start is not None and self._group_end is not None:
            self._save_group(self._group_end)

    def _save_group(self, end: float, *, last: bool = False) -> dict:
        assert self._group_start is not None
        name = f"seg_{len(self.segments):05d}.m4s"
        write_atomic(self.out_dir / name, bytes(self._group))
        self.segments.append(SegmentInfo(name, round(self._group_start, 6), round(end - self._group_start, 6),
                                         len(self._group)))
        self._group = bytearray()
        self._group_start = self._group_end = None
        index = self._write_index(complete=last)
        if self.on_segment is not None:
            self.on_segment(self.segments[-1])
        return index

    def finish(self, total_seconds: float) -> dict:
        """Write the last segment and the final index; returns the index. The last segment is
        listed in the index that says the stream is complete, before ``on_segment`` hears of it
        (signing the last episode), so a player reaches the end without waiting for that."""
        self._consume()
        if self._group:
            start = self._group_start if self._group_start is not None else \
                (self.segments[-1].start + self.segments[-1].duration if self.segments else 0.0)
            self._group_start = start
            return self._save_group(max(total_seconds, self._group_end or 0.0, start), last=True)
        return self._write_index(complete=True)

    def _write_index(self, *, complete: bool) -> dict:
        index = {
            "schema_version": 1,
            "mime": f'{self.mime}; codecs="{self.codecs}"',
            "init": INIT_NAME,
            "complete": complete,
            "duration": round(sum(s.duration for s in self.segments), 6),
            "segments": [s.__dict__ for s in self.segments],
            **self.meta,
        }
        write_atomic(self.out_dir / INDEX_NAME, json.dumps(index, indent=2) + "\n")
        return index


def read_index(out_dir: str | Path) -> dict:
    """The index a SegmentWriter left in ``out_dir``."""
    return json.loads((Path(out_dir) / INDEX_NAME).read_text(encoding="utf-8"))
