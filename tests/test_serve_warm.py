"""A server gets ready, as it starts, what its first film would otherwise wait on (the render
workers, the voice model), and leaves none of it behind when it stops."""

import time

import psutil
from serving import running_server

from dreamreel.synth.voice import backend


def test_a_server_warms_up_before_its_first_viewer_and_leaves_nothing_behind(tmp_path):
    me = psutil.Process()

    def workers() -> set[int]:  # (forked by multiprocessing's fork server, which outlives them)
        return {p.pid for p in me.children(recursive=True) if p.ppid() != me.pid}

    before = workers()
    with running_server(tmp_path, make_kw={"voice": backend("espeak-ng")}) as (_, app):
        app.state.server.warm_up().join(60)
        deadline = time.monotonic() + 60  # (the workers start on a thread of the pool's own)
        while not (started := workers() - before) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert started, "no render worker was started before any film was asked for"
        procs = [psutil.Process(pid) for pid in started]
    _, alive = psutil.wait_procs(procs, timeout=15)
    assert not alive, "a render worker outlived the server"
