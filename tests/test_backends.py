"""One registry for the visual, voice, music and LLM backends: built-ins, what each declares, a
plug-in found by its entry point and used by `dreamreel render --visual` / `--music` and
`dreamreel serve --visual` with nothing else changed; the render pool and the server's admission
keep to what a backend declares it can run at once."""

import time
from importlib.metadata import EntryPoint

import av
import numpy as np
import pytest
from typer.testing import CliRunner

from dreamreel import backends
from dreamreel.cli import app
from dreamreel.errors import UnknownNameError
from dreamreel.model import Request
from dreamreel.narrative.planner import plan
from dreamreel.store.files import save_model

runner = CliRunner()


class Drone:
    """A plug-in music backend: a steady 220 Hz tone under the whole film."""

    name, version = "drone", "1"

    def requires(self) -> list[str]:
        return []

    def stream(self, *, style, genres, seed, sample_rate):
        return _DroneWriter(sample_rate)


class _DroneWriter:
    def __init__(self, sr):
        self.sr, self.end, self.done = sr, 0, 0

    def add(self, cue):
        self.end = round(cue.end_s * self.sr)

    def take(self, until_s=None):
        until = self.end if until_s is None else min(self.end, round(until_s * self.sr))
        t = np.arange(self.done, max(self.done, until)) / self.sr
        self.done = max(self.done, until)
        return np.repeat((0.3 * np.sin(2 * np.pi * 220.0 * t)).astype(np.float32)[:, None], 2, axis=1)

    def finish(self, n_samples=None):
        self.end = self.end if n_samples is None else n_samples
        return self.take()


class Teal:
    """A plug-in visual backend: every frame flat teal."""

    name, version = "teal", "1"
    device, concurrency, cost_per_second = "cpu", 2, 0.0005

    def requires(self) -> list[str]:
        return []

    def render_shot(self, shot, bible, *, width, height, fps, mouths=None, label=None, first=0):
        frame = np.zeros((height, width, 3), np.uint8)
        frame[...] = (0, 128, 128)
        for _ in range(first, shot.frames):
            yield frame


@pytest.fixture
def plugin(monkeypatch):
    """The entry point a package declaring `visual.teal = "test_backends:Teal"` would install."""
    installed = backends.entry_points(group=backends.GROUP)
    fake = [*installed, EntryPoint("visual.teal", "test_backends:Teal", backends.GROUP),
            EntryPoint("music.drone", "test_backends:Drone", backends.GROUP),
            EntryPoint("visual.one-at-a-time", "test_backends:OneAtATime", backends.GROUP)]
    monkeypatch.setattr(backends, "entry_points", lambda group: fake if group == backends.GROUP else [])


def test_the_builtins_are_listed_with_what_they_declare() -> None:
    found = {(b.kind, b.name): b for b in backends.listing()}
    assert {("visual", "procedural"), ("voice", "piper"), ("voice", "espeak-ng"), ("music", "procedural"),
            ("llm", "gguf"), ("llm", "openai")} <= set(found)
    proc = found["visual", "procedural"]
    assert (proc.device, proc.concurrency, proc.cost_per_second) == ("cpu", None, None)
    assert found["llm", "openai"].device == "api"
    assert type(backends.make("visual", "procedural")).__name__ == "ProceduralBackend"
    assert backends.make("voice", "espeak").name == "espeak-ng"  # an alias
    assert type(backends.make("music", "procedural")).__name__ == "ProceduralMusic"
    assert found["music", "procedural"].concurrency == 1
    with pytest.raises(UnknownNameError, match="known: procedural"):
        backends.make("visual", "oil-paint")
    with pytest.raises(UnknownNameError, match="kind of backend"):
        backends.known("smell")


def test_a_plugin_is_found_by_its_entry_point_and_declares_its_device_and_cost(plugin) -> None:
    teal = backends.info("visual", "teal")
    assert (teal.device, teal.concurrency, teal.cost_per_second) == ("cpu", 2, 0.0005)
    assert isinstance(backends.make("visual", "teal"), Teal)
    got = runner.invoke(app, ["backends"], env={"COLUMNS": "200"})
    assert got.exit_code == 0 and "teal" in got.output and "0.0005 USD/s" in got.output


def test_render_draws_with_the_backend_named_on_the_command_line(plugin, tmp_path) -> None:
    story = plan(Request(prompt="a western", episodes=1, target_seconds=20), seed=2)
    save_model(tmp_path / "story.json", story)
    out = tmp_path / "teal.mp4"
    got = runner.invoke(app, ["render", str(tmp_path / "story.json"), "-o", str(out), "--res", "480p",
                              "--visual", "teal", "--voice", "espeak-ng", "--choices", "first"])
    assert got.exit_code == 0, got.output
    with av.open(str(out)) as c:
        frame = next(c.decode(video=0)).to_ndarray(format="rgb24").astype(int)
    assert np.abs(frame[100, 100] - (0, 128, 128)).max() < 12
    # what the backend declares it charges is booked with the film's cost, and priced
    from dreamreel.cost.ledger import load
    from dreamreel.cost.prices import priced

    report = load(tmp_path / "teal.cost.json")
    declared = sum(e.amount for e in report.entries if e.resource == "declared_usd" and e.stage == "pictures")
    assert declared == pytest.approx(0.0005 * report.seconds, rel=0.01)  # every shot drawn (a fresh cache)
    assert not any(e.resource == "declared_usd" and e.stage != "pictures" for e in report.entries)
    assert priced([report])["stages"]["pictures"] >= declared
    bad = runner.invoke(app, ["render", str(tmp_path / "story.json"), "-o", str(tmp_path / "x.mp4"),
                              "--voice", "kazoo"])
    assert bad.exit_code == 2 and "known: espeak-ng, piper" in bad.output and not (tmp_path / "x.mp4").exists()


class OneAtATime(Teal):
    """A plug-in that can draw only one shot at a time (one GPU, a rate-limited API), and is slow."""

    name, concurrency = "one-at-a-time", 1

    def render_shot(self, shot, bible, **kw):
        time.sleep(0.4)
        yield from super().render_shot(shot, bible, **kw)


class Quick(Teal):
    name, concurrency = "quick", None


def test_the_pool_draws_no_more_of_a_backend_s_shots_at_once_than_it_declares(tmp_path) -> None:
    """Two workers; a backend that runs one at a time has one shot out at once, and the other
    worker draws another backend's shots meanwhile instead of waiting behind it."""
    from test_visual import make_shot

    from dreamreel.render_pool import RenderPool, ShotJob
    from dreamreel.store.cache import Cache

    bible = plan(Request(prompt="a western about a stolen gold shipment"), seed=3).bible
    pool, cache = RenderPool(workers=2), Cache(tmp_path / "c")
    try:
        def jobs(n, seed0):
            return [ShotJob(make_shot(bible, frames=12, seed=seed0 + i), bible, 160, 96, 24) for i in range(n)]
        slow = [f.result() for f in pool.render(jobs(4, 100), OneAtATime(), cache)]
        assert not any(r.cached for r in slow)
        spans = sorted((r.started, r.started + r.seconds) for r in slow)
        assert all(b[0] >= a[1] - 0.02 for a, b in zip(spans, spans[1:])), spans  # never two at once
        # given after the slow ones, the quick backend's shots still start while they are drawn
        slow = pool.render(jobs(4, 200), OneAtATime(), cache)
        quick = [f.result() for f in pool.render(jobs(3, 300), Quick(), cache)]
        last_slow = max(f.result().started for f in slow)
        assert max(r.started for r in quick) < last_slow
    finally:
        pool.close()


def test_a_declared_concurrency_that_is_not_a_number_is_refused_in_one_line() -> None:
    class Bad(Teal):
        concurrency = 0

    with pytest.raises(UnknownNameError, match="concurrency 0"):
        backends.declared("visual", Bad())


def test_render_scores_with_the_music_backend_named_on_the_command_line(plugin, tmp_path) -> None:
    import wave

    story = plan(Request(prompt="a western", episodes=1, target_seconds=20), seed=2)
    save_model(tmp_path / "story.json", story)
    out = tmp_path / "drone.mp4"
    got = runner.invoke(app, ["render", str(tmp_path / "story.json"), "-o", str(out), "--res", "480p", "--keep",
                              "--music", "drone", "--voice", "espeak-ng", "--choices", "first"])
    assert got.exit_code == 0, got.output
    with wave.open(str(tmp_path / "drone_MX.wav")) as w:  # the music stem: 24-bit stereo
        raw = np.frombuffer(w.readframes(w.getnframes()), np.uint8).reshape(-1, 3)
        sr = w.getframerate()
    music = (raw[:, 0].astype(np.int32) | raw[:, 1].astype(np.int32) << 8 | raw[:, 2].astype(np.int32) << 16)
    music = np.where(music >= 1 << 23, music - (1 << 24), music)[::2].astype(float)
    spectrum = np.abs(np.fft.rfft(music[: sr * 8]))
    assert abs(np.argmax(spectrum) * sr / (2 * len(spectrum) - 2) - 220.0) < 2  # the drone, not the composer
    bad = runner.invoke(app, ["render", str(tmp_path / "story.json"), "-o", str(tmp_path / "x.mp4"),
                              "--music", "kazoo"])
    assert bad.exit_code == 2 and "unknown music backend 'kazoo'" in bad.output and "drone" in bad.output
    assert len(bad.output.strip().splitlines()) == 1 and not (tmp_path / "x.mp4").exists()


def test_serve_checks_its_backends_at_start_and_draws_every_film_with_them(plugin, tmp_path, monkeypatch) -> None:
    import io
    import time

    import httpx
    import uvicorn
    from serving import running_app

    for flag, name in (("--visual", "oil-paint"), ("--voice", "kazoo"), ("--music", "kazoo")):
        bad = runner.invoke(app, ["serve", "--data", str(tmp_path / "bad"), flag, name])
        assert bad.exit_code == 2 and f"{name!r}; known:" in bad.output, bad.output
        assert len(bad.output.strip().splitlines()) == 1 and not (tmp_path / "bad").exists()

    served = []  # the app `dreamreel serve` would run (taken here instead of listening on a port)
    with monkeypatch.context() as m:  # (serve binds its socket itself, then runs uvicorn's Server on it)
        m.setattr(uvicorn.Server, "run", lambda self, **kw: served.append(self.config.app))
        got = runner.invoke(app, ["serve", "--data", str(tmp_path / "films"), "--res", "480p", "--port", "0",
                                  "--visual", "one-at-a-time", "--voice", "espeak-ng", "--music", "drone"],
                            env={"COLUMNS": "300"})
    assert got.exit_code == 0, got.output
    assert "visual by one-at-a-time" in got.output and "1 film(s) made at once" in got.output
    server = served[0].state.server
    assert server.capacity() == 1  # the visual backend draws one shot at a time: one live film at a time
    with running_app(served[0]) as (base, _):
        client = httpx.Client(base_url=base, timeout=30)
        assert client.get("/").status_code == 200
        films = [client.post("/api/films", json={"prompt": p}).json()
                 for p in ("a western, one short episode", "a ghost story, one short episode")]
        second = client.get(f"/api/films/{films[1]['id']}").json()
        assert second["status"] == "queued" and second["queue_position"] == 1  # waits for the one drawer
        deadline = time.time() + 120
        while (index := client.get(f"/films/{films[0]['id']}/stream/index.json")).status_code == 404:
            assert time.time() < deadline, "no stream"
            time.sleep(0.2)
        init = client.get(f"/films/{films[0]['id']}/stream/init.mp4").content
        seg = client.get(f"/films/{films[0]['id']}/stream/{index.json()['segments'][0]['file']}").content
        with av.open(io.BytesIO(init + seg)) as c:
            frame = next(c.decode(video=0)).to_ndarray(format="rgb24").astype(int)
        assert np.abs(frame[50, 50] - (0, 128, 128)).max() < 12  # drawn by the backend named at start
        for f in films:
            client.delete(f"/api/films/{f['id']}")


def test_a_backend_s_declared_price_goes_into_the_budget_and_its_concurrency_into_admission() -> None:
    from dreamreel.cost.budget import OverBudgetError, estimate, fit
    from dreamreel.serve.server import live_capacity

    class Paid(Teal):
        name, cost_per_second = "paid", 0.01  # a hosted model's price a second of film

    assert backends.price({"visual": Paid(), "voice": None, "music": Drone()}) == 0.01
    cpu_only = estimate(60, "720p")
    assert fit(60, "720p", cpu_only * 2).res == "720p"  # CPU-priced backends: as before
    assert estimate(60, "720p", per_second=0.01) == pytest.approx(cpu_only + 0.6)
    with pytest.raises(OverBudgetError):  # the same budget cannot pay for the paid drawer
        fit(60, "720p", cpu_only * 2, per_second=backends.price({"visual": Paid()}))
    assert fit(60, "720p", 1.0, live=True, per_second=0.01).prefetch is True
    assert fit(60, "720p", 0.65, live=True, per_second=0.01).prefetch is False  # no guesses drawn at its price
    # films at once: the cores' bound (``serve.admission``), and no more than the visual backend draws at once
    assert live_capacity("480p", cores=8) > 3 and live_capacity("480p", cores=8, concurrency=3) == 3
    assert live_capacity("480p", cores=2, concurrency=40) == live_capacity("480p", cores=2) < 40
