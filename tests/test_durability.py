"""A server's store after a crash or a mishap: a lost or damaged database stops the start with one
line naming the file (never an empty store begun over the films); damaged film files are
reported, not served as whole."""

import json
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from serving import running_server

from dreamreel.serve.app import Server
from dreamreel.store.db import Database, StoreError
from dreamreel.trust.provenance import film_manifest, load_keys, sign

SERVE = [sys.executable, "-m", "dreamreel.cli", "serve", "--port", "1"]


def serve(data: Path) -> subprocess.CompletedProcess:
    """`dreamreel serve` as a user runs it (a store it refuses stops it before it listens)."""
    return subprocess.run([*SERVE, "--data", str(data)], capture_output=True, text=True, timeout=120,
                          env={"COLUMNS": "100", "PATH": "/usr/bin:/bin:/usr/local/bin", "HOME": str(Path.home()),
                               "PYTHONPATH": str(Path(__file__).parents[1] / "src")})


def refused(proc: subprocess.CompletedProcess, *needles: str) -> None:
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr and proc.stderr.count("error:") == 1, proc.stderr
    for n in needles:
        assert n in proc.stderr.replace("\n", ""), proc.stderr


def crashed_store(data: Path) -> str:
    """A store as kill -9 leaves it: a film in the database (still in the write-ahead log) and its folder."""
    code = (f"import os; from dreamreel.store.db import Database\n"
            f"db = Database('sqlite:///{data / 'dreamreel.db'}'); v, _ = db.new_viewer()\n"
            f"f = db.add_film(v.id, 'a western', 'West', '{{}}'); db.update_film(f.id, status='failed')\n"
            f"os.makedirs('{data}/films/' + f.id); print(f.id); os._exit(0)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert (data / "dreamreel.db-wal").stat().st_size > 0  # (not checkpointed: the film is in the WAL)
    return out.stdout.strip()


@pytest.mark.slow  # (starts dreamreel in a process of its own, or a server)
def test_a_lost_write_ahead_log_or_database_stops_the_start_and_names_the_file(tmp_path):
    film = crashed_store(tmp_path)
    wal = tmp_path / "dreamreel.db-wal"
    saved = wal.read_bytes()
    wal.unlink()
    refused(serve(tmp_path), "dreamreel.db-wal", "missing", "refusing to start")
    # Told what to do: without the -shm the database opens as it was checkpointed, which knows
    # none of the films on disk: refused again, the database named.
    (tmp_path / "dreamreel.db-shm").unlink()
    refused(serve(tmp_path), "dreamreel.db", "1 films it does not know", "refusing to start")
    assert (tmp_path / "films" / film).is_dir()
    # The log put back: the server starts on the store as it was (film and all).
    wal.write_bytes(saved)
    db = Database(f"sqlite:///{tmp_path / 'dreamreel.db'}")
    assert db.known_films([film]) == {film}
    db.close()
    # A missing database beside films: refused, and no empty database is left behind.
    (tmp_path / "dreamreel.db").unlink()
    with pytest.raises(StoreError, match="missing, but .* holds 1 films"):
        Server(f"sqlite:///{tmp_path / 'dreamreel.db'}", tmp_path)
    assert not (tmp_path / "dreamreel.db").exists()


@pytest.mark.slow  # (starts dreamreel in a process of its own, or a server)
def test_a_garbage_database_file_is_named_in_one_line_not_replaced(tmp_path):
    db_file = tmp_path / "dreamreel.db"
    db_file.write_bytes(b"these are not the bytes of a database\n" * 200)
    refused(serve(tmp_path), str(db_file), "not a SQLite database", "refusing to start")
    assert db_file.read_bytes().startswith(b"these are not")
    # A SQLite file whose pages are torn: named too.
    db = Database(f"sqlite:///{db_file.with_name('torn.db')}")
    for _ in range(300):
        db.new_viewer()
    db.close()
    torn = bytearray(db_file.with_name("torn.db").read_bytes())
    torn[8192:16384] = b"\x5a" * 8192
    db_file.write_bytes(bytes(torn))
    refused(serve(tmp_path), str(db_file), "refusing to start")


def signed_mp4(path: Path) -> Path:
    """A tiny real MP4 (a second of changing grey), signed with this machine's chain as films are."""
    import av
    import numpy as np

    with av.open(str(path), "w") as out:
        video = out.add_stream("libx264", rate=24)
        video.width, video.height, video.pix_fmt = 64, 64, "yuv420p"
        for i in range(24):
            frame = av.VideoFrame.from_ndarray(np.full((64, 64, 3), i * 10, np.uint8), format="rgb24")
            out.mux(video.encode(frame))
        out.mux(video.encode())
    return sign(path, film_manifest("a western", backends={}), load_keys())


@pytest.mark.slow  # (starts dreamreel in a process of its own, or a server)
def test_damaged_film_files_are_reported_not_served_as_whole(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'dreamreel.db'}")
    v, token = db.new_viewer()
    films = {name: db.add_film(v.id, "a western", name, "{}").id
             for name in ("whole", "short", "torn", "unsigned", "signed", "tampered")}
    for film_id in films.values():
        db.update_film(film_id, status="ready")
    db.close()
    for name, film_id in films.items():
        stream = tmp_path / "films" / film_id / "stream"
        stream.mkdir(parents=True)
        (stream / "init.mp4").write_bytes(b"\0" * 8)
        (stream / "seg_00000.m4s").write_bytes(b"\0" * (7 if name == "short" else 10))
        index = {"init": "init.mp4", "complete": True, "segments": [{"file": "seg_00000.m4s", "bytes": 10}]}
        (stream / "index.json").write_text(json.dumps(index)[:30] if name == "torn" else json.dumps(index))
        if name in ("signed", "tampered"):
            signed_mp4(stream.parent / "film.mp4")
        elif name != "unsigned":
            (stream.parent / "film.mp4").write_bytes(b"\0" * 64)
    # One bit of the tampered film's picture changed after it was signed.
    tampered = tmp_path / "films" / films["tampered"] / "film.mp4"
    data = bytearray(tampered.read_bytes())
    data[data.index(b"mdat") + 40] ^= 0x01
    tampered.write_bytes(bytes(data))
    with running_server(tmp_path) as (base, _):
        client = httpx.Client(base_url=base, cookies={"dreamreel_token": token})
        status = {name: client.get(f"/api/films/{films[name]}").json() for name in films}
        assert status["signed"]["status"] == "ready", status["signed"]
        # A signed MP4 that no longer verifies is damaged from the start, before anyone asks for its provenance.
        assert status["tampered"]["status"] == "damaged" and "film.mp4 fails verification" in status["tampered"]["error"]
        assert status["whole"]["status"] == "damaged" and "fails verification" in status["whole"]["error"]
        assert status["short"]["status"] == "damaged" and "seg_00000.m4s is 7 bytes" in status["short"]["error"]
        assert status["torn"]["status"] == "damaged" and "index.json cannot be read" in status["torn"]["error"]
        assert status["unsigned"]["status"] == "damaged" and "film.mp4" in status["unsigned"]["error"]
        for name in ("short", "torn", "unsigned"):
            got = client.get(f"/films/{films[name]}/stream/index.json")
            assert got.status_code == 409 and "damaged" in got.json()["detail"]
            assert client.get(f"/api/films/{films[name]}/provenance").json()["state"] == "invalid"
        assert client.get(f"/films/{films['signed']}/stream/index.json").status_code == 200
        assert client.get(f"/api/films/{films['signed']}/provenance").json()["state"] in ("trusted", "valid")
        # The "whole" film's MP4 is not a signed one: its stream is not served as if it were whole.
        assert client.get(f"/api/films/{films['whole']}/provenance").json()["state"] == "invalid"
        assert client.get(f"/films/{films['whole']}/stream/seg_00000.m4s").status_code == 409
        # A signed film damaged while the server runs is found when its provenance is asked for.
        signed = tmp_path / "films" / films["signed"] / "film.mp4"
        signed.write_bytes(tampered.read_bytes())
        assert client.get(f"/api/films/{films['signed']}/provenance").json()["state"] == "invalid"
        assert client.get(f"/api/films/{films['signed']}").json()["status"] == "damaged"
