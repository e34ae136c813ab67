"""Every `dreamreel` command says what went wrong in the same one-line form: `error: ...` on
stderr, exit 2, no traceback, no box, no other tool's `ERROR:` (a real process, real files)."""

import socket
import subprocess
import sys
from pathlib import Path

import pytest

DREAMREEL = [sys.executable, "-m", "dreamreel.cli"]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*DREAMREEL, *args], capture_output=True, text=True, cwd=cwd, timeout=180,
                          env={"COLUMNS": "100", "PATH": "/usr/bin:/bin:/usr/local/bin", "HOME": str(cwd),
                               "PYTHONPATH": str(Path(__file__).parents[1] / "src")})


def assert_one_error_line(proc: subprocess.CompletedProcess, needle: str) -> None:
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert proc.returncode == 2, proc.stderr
    assert len(lines) == 1 and lines[0].startswith("error: "), proc.stderr
    assert needle in lines[0], proc.stderr


@pytest.mark.parametrize("args, needle", [
    (["render", "{tmp}/missing.story.json", "-o", "{tmp}/film.mp4"], "missing.story.json"),
    (["check", "{tmp}/not-json.txt"], "not valid JSON"),
    (["write", "a western", "--bogus"], "--bogus"),
    (["schemas", "{tmp}/not-json.txt"], "not-json.txt"),  # a file where the folder goes: was a traceback
])
def test_bad_input_is_one_error_line(tmp_path, args, needle):
    (tmp_path / "not-json.txt").write_text("hello")
    proc = run(*[a.format(tmp=tmp_path) for a in args], cwd=tmp_path)
    assert_one_error_line(proc, needle)
    assert not (tmp_path / "film.mp4").exists()


def test_serve_on_a_port_in_use_is_one_error_line(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = run("serve", "--port", str(port), "--data", str(tmp_path / "data"), cwd=tmp_path)
    # (uvicorn said 'ERROR:    [Errno 98] ...' and exited 3, after the server had set up its store)
    assert_one_error_line(proc, f"127.0.0.1:{port}")
    assert "in use" in proc.stderr and not (tmp_path / "data").exists()
