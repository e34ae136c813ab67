"""The encoder's MP4 and fMP4 segments, decoded back with PyAV."""

import hashlib
import json
import re
import time
from io import BytesIO
from pathlib import Path

import av
import numpy as np
import pytest

from dreamreel.edit.encode import Encoder
from dreamreel.edit.segments import INDEX_NAME, INIT_NAME, fragment_duration, fragment_start, iter_boxes, read_index, read_init
from dreamreel.errors import BadInputError, OutputError

W, H, FPS, SR = 320, 240, 24, 48000


def frame(i: int) -> np.ndarray:
    """A flat cartoon-like picture with a bar that moves every frame."""
    f = np.empty((H, W, 3), np.uint8)
    f[: H // 2] = (40, 60, 120)
    f[H // 2 :] = (30, 90, 40)
    x = (i * 5) % (W - 40)
    f[80:160, x : x + 40] = (230, 190, 80)
    return f


def tone(seconds: float, amp: float = 0.2) -> np.ndarray:
    t = np.arange(int(seconds * SR)) / SR
    s = (amp * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    return np.stack([s, s], axis=1)


def encode(path: Path | None, n: int, **kw) -> Encoder:
    with Encoder(path, width=W, height=H, fps=FPS, title="Rain on Neon", **kw) as enc:
        enc.write_audio(tone(n / FPS))
        for i in range(n):
            enc.write_frame(frame(i))
    return enc


def test_mp4_has_h264_and_aac_at_the_planned_size_rate_and_length(tmp_path: Path) -> None:
    out = tmp_path / "film.mp4"
    encode(out, 60)
    with av.open(str(out)) as c:
        v, a = c.streams.video[0], c.streams.audio[0]
        assert (v.codec_context.name, a.codec_context.name) == ("h264", "aac")
        assert (v.codec_context.width, v.codec_context.height) == (W, H)
        assert v.codec_context.pix_fmt == "yuv420p"
        assert v.average_rate == FPS
        assert a.codec_context.sample_rate == SR and a.codec_context.channels == 2
        assert c.metadata["title"] == "Rain on Neon"
        assert c.metadata["ai_generated"] == "true"
        assert "AI-generated" in c.metadata["comment"]
        frames = list(c.decode(v))
    assert len(frames) == 60
    # The picture is what was drawn (allowing for compression): the bar is where frame 30 put it.
    got = frames[30].to_ndarray(format="rgb24").astype(int)
    assert np.abs(got - frame(30)).mean() < 4
    assert not list(tmp_path.glob(".*.tmp")), "the temporary file is renamed, not left behind"


def test_same_input_gives_identical_bytes(tmp_path: Path) -> None:
    # At 640x360 (as at 720p and 1080p): libx264 is bit-exact run to run. (At some tiny sizes such
    # as 320x240 it is not: it reads memory it never set, whatever the input; measured.)
    def film(out: Path) -> None:
        with Encoder(out, width=640, height=360, fps=FPS) as enc:
            enc.write_audio(tone(1.0))
            for i in range(FPS):
                f = np.zeros((360, 640, 3), np.uint8)
                f[100:200, i * 10 : i * 10 + 80] = (200, 120, 40)
                enc.write_frame(f)

    encode(tmp_path / "warm.mp4", 30)  # a different encode first: the result must not depend on history
    film(tmp_path / "a.mp4")
    encode(tmp_path / "warm.mp4", 60)
    film(tmp_path / "b.mp4")
    a, b = (hashlib.sha256((tmp_path / n).read_bytes()).hexdigest() for n in ("a.mp4", "b.mp4"))
    assert a == b


def test_fmp4_segments_concatenate_to_the_same_film(tmp_path: Path) -> None:
    segs = tmp_path / "segs"
    encode(tmp_path / "film.mp4", 120, segments_dir=segs, segment_seconds=2.0)
    index = read_index(segs)
    assert index["complete"] is True
    assert re.fullmatch(r'video/mp4; codecs="avc1\.[0-9a-f]{6}, mp4a\.40\.2"', index["mime"])
    assert [s["file"] for s in index["segments"]] == ["seg_00000.m4s", "seg_00001.m4s", "seg_00002.m4s"]
    assert [s["start"] for s in index["segments"]] == [0.0, 2.0, 4.0]
    assert [s["duration"] for s in index["segments"]] == [2.0, 2.0, 1.0]
    assert sum(s["duration"] for s in index["segments"]) == pytest.approx(120 / FPS)
    for s in index["segments"]:
        assert (segs / s["file"]).stat().st_size == s["bytes"]

    joined = tmp_path / "joined.mp4"
    joined.write_bytes((segs / INIT_NAME).read_bytes() + b"".join((segs / s["file"]).read_bytes() for s in index["segments"]))
    with av.open(str(joined)) as c:
        assert {s.type for s in c.streams} == {"video", "audio"}
        frames = list(c.decode(video=0))
    assert len(frames) == 120
    # Each segment starts on a keyframe, so a player can begin at any of them.
    assert sum(f.key_frame for f in frames) == len(index["segments"])


def test_segments_are_written_while_encoding(tmp_path: Path) -> None:
    segs = tmp_path / "segs"
    enc = Encoder(None, width=W, height=H, fps=FPS, segments_dir=segs, segment_seconds=1.0)
    enc.write_audio(tone(4.0))
    for i in range(2 * FPS + 12):
        enc.write_frame(frame(i))
    # Before close: the first segment (and the init) are already playable.
    deadline = time.monotonic() + 20
    while not (segs / "seg_00000.m4s").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert (segs / INIT_NAME).exists() and (segs / "seg_00000.m4s").exists()
    live = json.loads((segs / INDEX_NAME).read_text())
    assert live["complete"] is False and live["segments"][0]["duration"] == 1.0
    for i in range(2 * FPS + 12, 4 * FPS):
        enc.write_frame(frame(i))
    enc.close()
    assert len(read_index(segs)["segments"]) == 4


def test_a_live_stream_ends_as_soon_as_everything_is_in_before_the_mp4_is_finished(tmp_path: Path) -> None:
    # A viewer at the end of a live film plays its last second and stops there while the film's
    # MP4 is still being finished (faststart rewrites it whole; it is then checked and signed).
    segs, out = tmp_path / "segs", tmp_path / "film.mp4"
    enc = Encoder(out, width=W, height=H, fps=FPS, segments_dir=segs, segment_seconds=1.0, low_latency=True)
    enc.write_audio(tone(2.5))
    for i in range(2 * FPS + 12):
        enc.write_frame(frame(i))
    enc.end_stream()
    index = read_index(segs)
    assert index["complete"] is True and index["duration"] == pytest.approx(2.5, abs=1 / FPS)
    assert not out.exists()  # (the MP4 is not finished yet)
    joined = (segs / INIT_NAME).read_bytes() + b"".join((segs / s["file"]).read_bytes() for s in index["segments"])
    with av.open(BytesIO(joined)) as c:  # every picture, and all the sound
        assert sum(1 for _ in c.decode(video=0)) == 2 * FPS + 12
    with av.open(BytesIO(joined)) as c:
        assert sum(f.samples for f in c.decode(audio=0)) >= 2.5 * SR
    assert enc.close() == out and out.exists() and read_index(segs) == index


def _track_runs(segs: Path, index: dict) -> dict[int, list[tuple[int, int]]]:
    """Each track's fragments in a stream, in order: (baseMediaDecodeTime, summed duration)."""
    tracks, _ = read_init((segs / INIT_NAME).read_bytes())
    runs: dict[int, list[tuple[int, int]]] = {t.track_id: [] for t in tracks}
    for s in index["segments"]:
        data = (segs / s["file"]).read_bytes()
        for kind, p0, p1 in iter_boxes(data):
            if kind == b"moof":
                for t in tracks:
                    start, length = fragment_start(data[p0 - 8 : p1], t.track_id), fragment_duration(data[p0 - 8 : p1], t.track_id)
                    if start is not None and length is not None:
                        runs[t.track_id].append((start, length))
    return runs


@pytest.mark.parametrize("chunks", [False, True])
def test_a_live_streams_sound_decodes_whole_from_each_segment_with_no_holes(tmp_path: Path, chunks: bool) -> None:
    # A recorder or a strict player reads each fragment's time (tfdt) and its samples' durations:
    # FFmpeg's frag_every_frame wrote a sample flushed before its successor came with duration 0
    # and started the track's next fragment there, so every other AAC frame shared its
    # neighbour's time with a hole after it, and PyAV decoded 1.3 s of a 2.5 s stream's sound.
    from dreamreel.edit.encode import encode_chunk
    segs = tmp_path / "segs"
    with Encoder(tmp_path / "film.mp4" if chunks else None, width=W, height=H, fps=FPS, segments_dir=segs,
                 segment_seconds=1.0, low_latency=True, chunks=chunks) as enc:
        enc.write_audio(tone(2.5))
        if chunks:  # as a live film is made: the MP4 and the stream, from encoded chunks
            encode_chunk((frame(i) for i in range(60)), tmp_path / "chunk.mp4", width=W, height=H, fps=FPS)
            enc.write_chunk(tmp_path / "chunk.mp4")
        else:
            for i in range(60):
                enc.write_frame(frame(i))
    index = read_index(segs)
    sound = 0
    for s in index["segments"]:  # each segment on its own, after the init segment, as a player appends it
        with av.open(BytesIO((segs / INIT_NAME).read_bytes() + (segs / s["file"]).read_bytes())) as c:
            sound += sum(f.samples for f in c.decode(audio=0))
    assert 2.5 * SR <= sound <= 2.5 * SR + 2048  # all of it (and the coder's priming frame)
    for runs in _track_runs(segs, index).values():
        assert len(runs) > 10 and all(length > 0 for _, length in runs)
        assert all(start == prev + length for (prev, length), (start, _) in zip(runs, runs[1:]))


def test_caller_keyframes_start_segments(tmp_path: Path) -> None:
    segs = tmp_path / "segs"
    with Encoder(None, width=W, height=H, fps=FPS, segments_dir=segs, segment_seconds=10.0, audio=False) as enc:
        for i in range(48):
            enc.write_frame(frame(i), keyframe=i in (12, 30))  # shot groups start at 12 and 30
    assert [s["start"] for s in read_index(segs)["segments"]] == [0.0, 0.5, 1.25]


def test_a_failure_leaves_nothing_at_the_target(tmp_path: Path) -> None:
    out = tmp_path / "film.mp4"
    with pytest.raises(RuntimeError), Encoder(out, width=W, height=H, fps=FPS) as enc:
        for i in range(10):
            enc.write_frame(frame(i))
        raise RuntimeError("a shot failed to render")
    assert list(tmp_path.iterdir()) == []


def test_unwritable_output_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        Encoder(tmp_path / "no" / "film.mp4", width=W, height=H, fps=FPS)
    (tmp_path / "afile").write_text("x")
    with pytest.raises(OutputError):
        Encoder(tmp_path / "afile" / "film.mp4", width=W, height=H, fps=FPS)
    with pytest.raises(OutputError, match="folder"):
        Encoder(tmp_path, width=W, height=H, fps=FPS)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile"]


def test_bad_frames_and_sizes_are_refused(tmp_path: Path) -> None:
    with pytest.raises(BadInputError, match="even"):
        Encoder(tmp_path / "f.mp4", width=321, height=240, fps=FPS)
    out = tmp_path / "f.mp4"
    with pytest.raises(BadInputError, match="frame 1: expected 240x320x3 or x4 uint8"), \
            Encoder(out, width=W, height=H, fps=FPS) as enc:
        enc.write_frame(frame(0))
        enc.write_frame(np.zeros((H, W, 2), np.uint8))
    assert not out.exists()
    with pytest.raises(BadInputError, match="frame 0: .*got 240x320x3 float32"), Encoder(out, width=W, height=H, fps=FPS) as enc:
        enc.write_frame(np.zeros((H, W, 3), np.float32))
    assert not out.exists()


def test_an_unmakeable_segment_folder_leaves_no_temporary_film(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x")
    with pytest.raises(OutputError, match="segment folder"):
        Encoder(tmp_path / "film.mp4", width=W, height=H, fps=FPS, segments_dir=tmp_path / "afile" / "segs")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile"]


def test_a_chunk_that_is_not_this_films_video_is_refused(tmp_path: Path) -> None:
    from dreamreel.edit.encode import encode_chunk

    junk = tmp_path / "junk.mp4"
    junk.write_text("not a video")
    small = tmp_path / "small.mp4"
    encode_chunk((np.zeros((16, 32, 3), np.uint8) for _ in range(3)), small, width=32, height=16, fps=FPS)
    out = tmp_path / "film.mp4"
    for chunk, needle in ((junk, "cannot be read as video"), (small, "32x16")):
        with pytest.raises(BadInputError, match=needle), Encoder(out, width=W, height=H, fps=FPS, chunks=True) as enc:
            enc.write_chunk(chunk)
        assert not out.exists()
    with pytest.raises(BadInputError, match="chunks=True"), Encoder(out, width=W, height=H, fps=FPS) as enc:
        enc.write_chunk(small)


def subtitle_samples(path: Path) -> tuple[dict, list[tuple[float, float, str]]]:
    """The MP4's text track as libavformat (what ffprobe runs on) reads it: its stream's codec and
    tags, and each sample's (start s, end s, text), the empty gap samples left out."""
    with av.open(str(path)) as c:
        (s,) = c.streams.subtitles
        info = {"codec": s.codec_context.name, "index": s.index, **dict(s.metadata),
                "types": [x.type for x in c.streams]}
        samples = []
        for p in c.demux(s):
            data = bytes(p)
            if p.dts is None or len(data) <= 2:
                continue
            n = int.from_bytes(data[:2], "big")
            samples.append((float(p.pts * p.time_base), float((p.pts + p.duration) * p.time_base),
                            data[2:2 + n].decode("utf-8")))
    return info, samples


def test_the_mp4_carries_a_language_tagged_subtitle_track(tmp_path: Path) -> None:
    out = tmp_path / "film.mp4"
    with Encoder(out, width=W, height=H, fps=FPS, subtitles="eng", segments_dir=tmp_path / "segs") as enc:
        enc.write_subtitle(0.25, 1.0, "Mara: Tom & I <never> met.")
        enc.write_audio(tone(3.0))
        for i in range(72):
            enc.write_frame(frame(i))
            if i == 30:
                enc.write_subtitle(1.5, 2.25, "Two rows,\nà la fin — ünïcode")
                enc.write_subtitle(2.0, 2.75, "starts when the last one ends")
                enc.write_subtitle(2.9, 2.9, "no time at all: left out")
    info, samples = subtitle_samples(out)
    assert info["codec"] == "mov_text" and info["language"] == "eng"
    assert info["types"] == ["video", "audio", "subtitle"]  # the picture is still the first stream
    assert samples == [(0.25, 1.0, "Mara: Tom & I <never> met."), (1.5, 2.25, "Two rows,\nà la fin — ünïcode"),
                       (2.25, 2.75, "starts when the last one ends")]
    with av.open(str(out)) as c:  # the picture and sound are as before
        assert c.streams.video[0].frames == 72 and len(list(c.decode(video=0))) == 72
    # the stream segments carry no text track (a player takes the .vtt beside them)
    with av.open(str(tmp_path / "segs" / INIT_NAME)) as c:
        assert not c.streams.subtitles


def test_subtitles_given_before_the_first_chunk_wait_for_it(tmp_path: Path) -> None:
    from dreamreel.edit.encode import encode_chunk

    chunk = tmp_path / "c.mp4"
    encode_chunk((frame(i) for i in range(48)), chunk, width=W, height=H, fps=FPS)
    out = tmp_path / "film.mp4"
    with Encoder(out, width=W, height=H, fps=FPS, chunks=True, subtitles="fra") as enc:
        enc.write_subtitle(0.5, 1.5, "Bonjour.")
        enc.write_audio(tone(2.0))
        enc.write_chunk(chunk)
    info, samples = subtitle_samples(out)
    assert info["language"] == "fra" and samples == [(0.5, 1.5, "Bonjour.")]
    with av.open(str(out)) as c:
        assert c.streams.video[0].frames == 48


def test_no_subtitle_track_unless_asked_and_bad_languages_are_refused(tmp_path: Path) -> None:
    out = tmp_path / "film.mp4"
    with Encoder(out, width=W, height=H, fps=FPS) as enc:
        enc.write_subtitle(0.0, 1.0, "ignored")
        for i in range(24):
            enc.write_frame(frame(i))
    with av.open(str(out)) as c:
        assert not c.streams.subtitles
    for bad in ("en", "english", "e1g"):
        with pytest.raises(BadInputError, match="ISO 639-2"):
            Encoder(tmp_path / "x.mp4", width=W, height=H, fps=FPS, subtitles=bad)
    assert not list(tmp_path.glob(".x.mp4*"))


def test_an_ultrafast_chunk_is_coded_at_a_constant_qp_and_keeps_its_picture(tmp_path: Path) -> None:
    import cv2

    from dreamreel.edit.encode import chunk_options, encode_chunk

    assert chunk_options("ultrafast", 23)["qp"] == "20" and "crf" not in chunk_options("ultrafast", 23)
    assert chunk_options("veryfast", 23)["crf"] == "23" and "qp" not in chunk_options("veryfast", 23)
    rng = np.random.default_rng(0)
    yy, xx = np.mgrid[:96, :128]
    frames = []
    for i in range(12):  # a moving gradient under faint grey grain, as the renderer's
        f = np.zeros((96, 128, 3), np.uint8)
        f[..., 0] = (xx * 2 + i * 3) % 256
        f[..., 1] = yy * 2
        f[..., 2] = 90
        frames.append(f ^ rng.integers(0, 4, (96, 128, 1), dtype=np.uint8))
    path = tmp_path / "chunk.mp4"
    assert encode_chunk(frames, path, width=128, height=96, fps=24) == 12
    with av.open(str(path)) as c:
        got = [fr.to_ndarray(format="yuv420p")[:96].astype(float) for fr in c.decode(video=0)]
    assert len(got) == 12
    for f, y in zip(frames, got):
        drawn = cv2.cvtColor(f, cv2.COLOR_RGB2YUV_I420)[:96].astype(float)
        assert 10 * np.log10(255 ** 2 / np.mean((drawn - y) ** 2)) > 40
