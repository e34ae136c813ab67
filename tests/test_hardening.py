"""The server holds against hostile input, floods and overload, as a real client sends them
(httpx and websockets against a real uvicorn server): each probe gets one clean 4xx line,
never a traceback or its own input back, and nothing it sends is held whole."""

import io
import time

import httpx
import psutil
import pytest
from serving import running_server

from dreamreel.serve.app import Limits
from dreamreel.synth.voice import backend

SHORT = "a western, one short episode of about fifteen seconds"


def viewer(base, **kw):
    client = httpx.Client(base_url=base, timeout=60, **kw)
    assert client.get("/").status_code == 200 and "dreamreel_token" in client.cookies
    return client


def clean(r, status):
    """One 4xx line: the status asked for, a JSON detail, no traceback, not the input."""
    assert r.status_code == status, (r.status_code, r.text[:300])
    detail = r.json()["detail"]
    assert isinstance(detail, str) and "\n" not in detail and "Traceback" not in detail and len(detail) < 400
    return detail


def raw(base, request: bytes) -> bytes:
    """What the server answers to exactly these bytes."""
    import socket

    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(request)
        return s.recv(4096)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hardening")
    with running_server(folder, make_kw={"voice": backend("espeak-ng")}, live_kw={"lead_s": None},
                        limits=Limits(films_at_once=1)) as (base, app):
        yield base, app


def test_a_streamed_body_is_counted_and_cut_at_the_limit_without_being_held(served):
    base, _ = served
    alice = viewer(base)
    me = psutil.Process()
    before = me.memory_info().rss

    def body():  # chunked (no Content-Length): 64 MB, far over the 256 kB limit
        for _ in range(1024):
            yield b" " * 65536

    r = alice.post("/api/films", content=body(), headers={"Content-Type": "application/json"})
    assert "over 256000 bytes" in clean(r, 413)
    assert me.memory_info().rss - before < 32e6  # (the server runs in this process)
    # a Content-Length that claims a huge body, or is not a number (sent as is, on a socket)
    for length in ("999999999", "-1", "12x"):
        assert raw(base, b"POST /api/films HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                         b"Content-Length: " + length.encode() + b"\r\n\r\n{}")[:12] in (b"HTTP/1.1 400", b"HTTP/1.1 413")
    # and the photo's own (larger) limit is counted the same way
    r = alice.post("/api/likenesses", params={"name": "G", "agree": True}, content=(b"\xff" * 65536 for _ in range(200)))
    assert "over 8000000 bytes" in clean(r, 413)


@pytest.mark.parametrize("body", [
    b'{"prompt": "a western", "seconds": NaN}', b'{"prompt": "a western", "seconds": Infinity}',
    b'{"prompt": "a western", "seconds": -Infinity}', b'{"prompt": "a western", "seconds": 1e999}',
    b'{"prompt": "\\ud800 a western"}', b'{"prompt": "a western", "\\udfff": 1}', b'{"prompt": "\xed\xa0\x80abc"}',
    b'[' * 50_000, b'{"prompt": "a western", "seconds": 1' + b'0' * 5000 + b'}', b'{"prompt": "a western", "evil_field_EVIL": 1}',
    b'{"prompt": "' + b'EVIL' * 600 + b'"}', b'{"prompt": 5, "rating": "EVIL"}', b'\x00\x01EVIL'])
def test_hostile_json_gets_a_clean_422_that_never_echoes_it(served, body):
    base, _ = served
    r = viewer(base).post("/api/films", content=body, headers={"Content-Type": "application/json"})
    detail = clean(r, 422)
    assert "EVIL" not in detail and "ud800" not in detail.lower().replace("\\ud800-", "") and "1000" not in detail


def test_hostile_profiles_and_settings_get_a_clean_422(served):
    base, _ = served
    alice = viewer(base)
    for body in (b'{"pacing": NaN}', b'{"avoid": ["\\ud800"]}', b'{"pacing": "EVIL"}', b"\xff\xfe"):
        assert "EVIL" not in clean(alice.put("/api/profile", content=body), 422)
    assert alice.get("/api/profile").status_code == 200  # nothing stored, nothing broken


def test_a_photo_over_12_megapixels_is_refused_from_its_header_before_it_is_decoded(served):
    from PIL import Image

    base, _ = served
    out = io.BytesIO()
    Image.new("L", (7000, 5657), 128).save(out, "PNG", optimize=True)  # 39.6 MP in a small file
    assert len(out.getvalue()) < 1_000_000
    me = psutil.Process()
    before = me.memory_info().rss
    t = time.perf_counter()
    r = viewer(base).post("/api/likenesses", params={"name": "Big", "agree": True}, content=out.getvalue())
    assert "7000x5657" in clean(r, 413) and time.perf_counter() - t < 2.0
    assert me.memory_info().rss - before < 50e6  # decoding it would take ~40 MB grey, ~120 MB as RGB


def test_one_viewer_cannot_ask_for_a_three_hour_film_or_many_at_once(served):
    base, app = served
    alice = viewer(base)
    assert "at most 30 minutes" in clean(alice.post("/api/films", json={"prompt": "a western", "episodes": 12,
                                                                        "seconds": 900}), 422)
    first = alice.post("/api/films", json={"prompt": SHORT})
    assert first.status_code == 200, first.text
    again = alice.post("/api/films", json={"prompt": SHORT})
    if app.state.server.live[first.json()["id"]].status == "making":  # (it may have finished already)
        assert "at most 1 at once" in clean(again, 429)
    # another viewer is not held back by Alice's films
    bob = viewer(base)
    assert bob.post("/api/films", json={"prompt": SHORT}).status_code == 200
