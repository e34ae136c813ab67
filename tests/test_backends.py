"""One registry for the visual, voice and LLM backends: built-ins, what each declares, a plug-in
found by its entry point and used by `dreamreel render --visual` with nothing else changed."""

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
    fake = [*installed, EntryPoint("visual.teal", "test_backends:Teal", backends.GROUP)]
    monkeypatch.setattr(backends, "entry_points", lambda group: fake if group == backends.GROUP else [])


def test_the_builtins_are_listed_with_what_they_declare() -> None:
    found = {(b.kind, b.name): b for b in backends.listing()}
    assert {("visual", "procedural"), ("voice", "piper"), ("voice", "espeak-ng"), ("llm", "gguf"),
            ("llm", "openai")} <= set(found)
    proc = found["visual", "procedural"]
    assert (proc.device, proc.concurrency, proc.cost_per_second) == ("cpu", None, None)
    assert found["llm", "openai"].device == "api"
    assert type(backends.make("visual", "procedural")).__name__ == "ProceduralBackend"
    assert backends.make("voice", "espeak").name == "espeak-ng"  # an alias
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
    bad = runner.invoke(app, ["render", str(tmp_path / "story.json"), "-o", str(tmp_path / "x.mp4"),
                              "--voice", "kazoo"])
    assert bad.exit_code == 2 and "known: espeak-ng, piper" in bad.output and not (tmp_path / "x.mp4").exists()
