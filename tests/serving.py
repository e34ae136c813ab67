"""A real dreamreel server (uvicorn on a free loopback port, in a thread) for tests."""

import contextlib
import socket
import subprocess
import threading
import time
from pathlib import Path

import uvicorn

from dreamreel.serve.app import create_app


@contextlib.contextmanager
def running_server(folder: Path, **kw):
    app = create_app(f"sqlite:///{folder / 'dreamreel.db'}", folder, **{"res": "480p", **kw})
    with running_app(app) as (base, app):
        yield base, app


@contextlib.contextmanager
def running_app(app):
    """An app made elsewhere (e.g. by `dreamreel serve`), served the same way."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not server.started:
        if time.time() > deadline or not thread.is_alive():
            raise RuntimeError("the server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}", app
    finally:
        server.should_exit = True
        thread.join(10)


def free_port() -> int:
    """A loopback port nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sandbox_without_proc() -> list[str] | None:
    """A command prefix that runs what follows where /proc is empty (a mount namespace with an
    empty tmpfs over it), or None where this machine does not allow one."""
    import shutil

    unshare = shutil.which("unshare")
    if unshare is None:
        return None
    for extra in ([], ["--user", "--map-root-user"]):
        cmd = [unshare, *extra, "--mount", "--propagation", "private", "sh", "-c",
               'mount -t tmpfs none /proc && exec "$@"', "sh"]
        if subprocess.run([*cmd, "test", "!", "-e", "/proc/stat"], capture_output=True, timeout=30).returncode == 0:
            return cmd
    return None
