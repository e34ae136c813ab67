"""A newcomer's first commands: films others can read, a mistyped option or value refused in one
line before any work, and no third-party warnings in what dreamreel prints."""

import os
import subprocess
import sys
from pathlib import Path

import av
import numpy as np
import pytest

from dreamreel.trust.provenance import film_manifest, load_keys, sign


def dreamreel(*args: str, home: Path | None = None) -> subprocess.CompletedProcess:
    env = {"COLUMNS": "100", "PATH": "/usr/bin:/bin:/usr/local/bin", "HOME": str(home or Path.home()),
           "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
    return subprocess.run([sys.executable, "-m", "dreamreel.cli", *args], capture_output=True, text=True,
                          timeout=300, env=env)


def one_line(proc: subprocess.CompletedProcess, *needles: str) -> None:
    assert proc.returncode == 2, proc.stdout + proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), proc.stderr
    for n in needles:
        assert n in lines[0], lines[0]


def test_a_signed_film_is_readable_by_others_as_the_umask_says(tmp_path):
    path = tmp_path / "film.mp4"
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=24)
        stream.width, stream.height, stream.pix_fmt = 64, 64, "yuv420p"
        for i in range(6):
            frame = av.VideoFrame.from_ndarray(np.full((64, 64, 3), 40 * i, np.uint8), format="rgb24")
            out.mux(stream.encode(frame))
        out.mux(stream.encode())
    old = os.umask(0o022)
    try:
        sign(path, film_manifest("a test", backends={}), load_keys())
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644  # (mkstemp's 0600 before)


def test_a_mistyped_command_line_is_one_line_not_a_box():
    one_line(dreamreel("make", "a western", "-o", "film.mp4", "--bogus"), "No such option: --bogus",
             "make --help")
    one_line(dreamreel("mak", "a western"), "No such command 'mak'")
    one_line(dreamreel("make", "a western", "-o", "film.mp4", "--seed", "many"), "--seed")


@pytest.mark.slow  # (six processes of dreamreel, each importing production)
def test_options_are_checked_before_the_story_is_written(tmp_path):
    out = str(tmp_path / "film.mp4")
    # (nothing written first: no title, no notes, no progress; just the one line)
    one_line(dreamreel("make", "a western", "-o", out, "--res", "4k"), "unknown resolution '4k'", "720p")
    one_line(dreamreel("make", "a western", "-o", out, "--preset", "quick"), "--preset 'quick'")
    one_line(dreamreel("make", "a western", "-o", str(tmp_path / "film.mov")), "ending in .mp4")
    one_line(dreamreel("make", "a western", "-o", str(tmp_path / "no" / "film.mp4")), "does not exist")
    one_line(dreamreel("make", "a western", "-o", out, "--choices", "mine.json"), "--choices 'mine.json'")
    one_line(dreamreel("render", "nope.json", "-o", out, "--res", "4k"), "unknown resolution")
    assert not list(tmp_path.iterdir())


def test_drawing_text_prints_no_fontconfig_warnings(tmp_path):
    """skia-python's own older fontconfig warned about the system's config on every run."""
    code = ("import dreamreel\nfrom dreamreel.synth.visual.cards import font\n"
            "for family in ('DejaVu Sans', 'DejaVu Serif', 'DejaVu Sans Mono'):\n"
            "    assert font(family, 12).getTypeface().getFamilyName() == family\n")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr


def test_a_voice_where_proc_is_hidden_prints_no_onnxruntime_warnings(tmp_path):
    """onnxruntime's cpuinfo printed four lines from C on import where /proc is hidden (a sandbox)."""
    from serving import sandbox_without_proc

    sandbox = sandbox_without_proc()
    if sandbox is None:
        pytest.skip("this machine allows no mount namespace to hide /proc in")
    code = ("import dreamreel\nfrom dreamreel.model import VoiceSpec\n"
            "from dreamreel.synth.voice.piper_voice import PiperBackend\n"
            "assert len(PiperBackend().speak('Hello there, partner.', VoiceSpec()).samples) > 0\n")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
    proc = subprocess.run([*sandbox, sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
