"""Probes test_hardening.py did not cover, as an attacker sends them to a real server: a room's
socket sent binary frames, junk or a flood; an oversized frame to `dreamreel serve`; ids and
names thousands of characters long; room codes guessed from one address as many viewers."""

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from serving import free_port, running_server
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from dreamreel.serve.app import Limits


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    with running_server(tmp_path_factory.mktemp("sockets"), limits=Limits(films_at_once=1)) as (base, app):
        yield base, app


def viewer(base):
    client = httpx.Client(base_url=base, timeout=60, headers={"Origin": base})
    assert client.get("/").status_code == 200
    return client


def room_socket(base, client):
    """An empty room of this viewer's, and the URL and headers of its socket."""
    r = client.post("/api/rooms", json={})
    assert r.status_code == 200, r.text
    url = base.replace("http", "ws") + f"/ws/rooms/{r.json()['id']}"
    return url, {"Cookie": f"dreamreel_token={client.cookies['dreamreel_token']}", "Origin": base}


async def replies(ws, kind: str, n: int = 20) -> dict | None:
    import json

    for _ in range(n):
        m = json.loads(await asyncio.wait_for(ws.recv(), 10))
        if m.get("type") == kind:
            return m
    return None


def test_a_room_socket_answers_binary_and_junk_then_closes_with_the_reason(served):
    base, app = served
    url, headers = room_socket(base, viewer(base))

    async def probe():
        async with connect(url, additional_headers=headers) as ws:
            await ws.send(b"\x00\x01binary")  # (raised on the event loop: the socket dropped, unexplained)
            assert "not binary" in (await replies(ws, "error"))["detail"]
            await ws.send('{"type": "ping", "c": 1}')
            assert await replies(ws, "pong") is not None  # still open, still answering
            with pytest.raises(ConnectionClosed) as closed:
                for _ in range(app.state.server.limits.bad_messages + 1):
                    await ws.send(b"\xff")
                    await replies(ws, "error")
            assert closed.value.rcvd.code == 1008 and "bad messages" in closed.value.rcvd.reason

    asyncio.run(probe())


def test_a_room_socket_flooding_is_closed_with_the_reason(served):
    base, app = served
    url, headers = room_socket(base, viewer(base))
    most = app.state.server.limits.messages_per_second

    async def flood():
        async with connect(url, additional_headers=headers) as ws:
            with pytest.raises(ConnectionClosed) as closed:
                for _ in range(20 * most):
                    await ws.send('{"type": "ping", "c": 1}')
                deadline = time.monotonic() + 30  # (its pongs and pushes, then the close)
                while time.monotonic() < deadline:
                    await asyncio.wait_for(ws.recv(), 10)
            assert closed.value.rcvd.code == 1008 and "messages a second" in closed.value.rcvd.reason

    asyncio.run(flood())


@pytest.mark.parametrize("path", ["/api/films/{long}", "/films/{film}/stream/{long}", "/api/likenesses/{long}/uses",
                                  "/api/sessions/{long}/events"])
def test_an_id_thousands_of_characters_long_is_not_echoed(served, path):
    base, _ = served
    client = viewer(base)
    r = client.get(path.format(long="EVIL" * 1500, film="0" * 32))
    assert r.status_code == 404 and len(r.content) < 200 and r.text.count("EVIL") <= 10, r.text[:300]


def test_room_codes_guessed_from_one_address_are_limited_whatever_viewer_guesses(served):
    base, app = served
    per_address = app.state.rooms.limits.bad_codes_per_address_per_min
    guessed, refused = 0, 0
    for v in range(per_address // 5 + 2):
        guesser = viewer(base)
        for k in range(5):  # under each viewer's own limit (10 a minute)
            r = guesser.post("/api/rooms/join", json={"code": f"Q{v:02d}{k:03d}"})
            if r.status_code == 404:
                guessed += 1
            else:
                assert r.status_code == 429 and "too many wrong codes" in r.json()["detail"]
                refused += 1
    # (one address made a viewer after another and guessed 10 codes with each: 300 a minute)
    assert guessed == per_address and refused >= 1


def test_dreamreel_serve_closes_a_socket_sent_an_oversized_message(tmp_path):
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src"), "DREAMREEL_WORKERS": "1"}
    server = subprocess.Popen([sys.executable, "-m", "dreamreel.cli", "serve", "--port", str(port), "--res", "480p",
                               "--data", str(tmp_path / "data")], env=env, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 120
        while True:
            try:
                client = viewer(base)
                break
            except httpx.HTTPError:
                assert time.time() < deadline and server.poll() is None, "the server did not start"
                time.sleep(0.3)
        url, headers = room_socket(base, client)

        async def big():
            async with connect(url, additional_headers=headers, max_size=None) as ws:
                with pytest.raises(ConnectionClosed) as closed:
                    await ws.send("x" * 1_000_000)  # (read whole before: uvicorn's default limit is 16 MiB)
                    deadline = time.monotonic() + 30
                    while time.monotonic() < deadline:
                        await asyncio.wait_for(ws.recv(), 10)
                assert closed.value.rcvd is not None and closed.value.rcvd.code == 1009  # message too big

        asyncio.run(big())
        assert client.get("/api/me").status_code == 200  # and the server goes on
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
