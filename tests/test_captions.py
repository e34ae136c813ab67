"""WebVTT captions: times from the shot list, voices, wrapping, escaping; read back by webvtt-py."""

import html
import itertools
from pathlib import Path

import numpy as np
import pytest
import webvtt

from dreamreel.edit.captions import AI_NOTE, LINE_CHARS, captions, to_vtt, write_vtt
from dreamreel.model.shot import Cue, Lighting, Shot, ShotList


def shot(i: int, start: int, frames: int, cues: list[Cue], beat: str = "b1", episode: int = 1) -> Shot:
    return Shot(id=f"s{episode}_{i}", beat=beat, episode=episode, kind="dialogue", size="medium", move="static",
                frames=frames, start_frame=start, place="office", place_kind="office", time_of_day="night",
                weather="rain", on_screen=["mara"], focus="mara", cues=cues,
                lighting=Lighting(palette=["#101010", "#e0e0e0"]), seed=7 + i)


def cue(speaker: str, text: str, start: float, end: float, index: int = 0, beat: str = "b1") -> Cue:
    return Cue(beat=beat, index=index, speaker=speaker, text=text, start=start, end=end)


def episodes() -> list[ShotList]:
    ep1 = ShotList(story_id="noir", episode=1, fps=24, shots=[
        shot(0, 0, 48, [cue("narrator", "The rain never stopped in Port Vale.", 0.25, 1.75, -1)]),
        shot(1, 48, 72, [cue("mara", "Tom & I <never> met.", 0.5, 2.0, 0)]),
    ])
    long_line = ("I followed the money from the docks to the mayor's office, and every door I opened "
                 "had somebody's blood on the handle.")
    ep2 = ShotList(story_id="noir", episode=2, fps=24, shots=[
        shot(0, 0, 96, [cue("tom", long_line, 0.0, 4.0, 0, "b9")], beat="b9", episode=2),
    ])
    return [ep1, ep2]


NAMES = {"mara": "Mara Quill", "tom": "Tom <Ace> Reyes"}


def test_vtt_reads_back_with_film_times_voices_and_text(tmp_path: Path) -> None:
    out = write_vtt(tmp_path / "film.vtt", episodes(), NAMES)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("WEBVTT\n\nNOTE ") and AI_NOTE in text
    cues = webvtt.read(str(out)).captions
    # Shot 1 starts at frame 48 (2 s): Mara's line plays 2.5..4.0 s into the film.
    assert (cues[0].start, cues[0].end) == ("00:00:00.250", "00:00:01.750")
    assert cues[0].voice == "Narrator"
    assert (cues[1].start, cues[1].end, cues[1].voice) == ("00:00:02.500", "00:00:04.000", "Mara Quill")
    # Escaped in the file, plain text when read back.
    assert "Tom &amp; I &lt;never&gt; met." in text
    assert html.unescape(cues[1].text) == "Tom & I <never> met."  # webvtt-py strips tags, keeps entities
    # Episode 2 follows episode 1's 5 s.
    assert cues[2].start == "00:00:05.000"
    assert len(cues) == len(captions(episodes(), NAMES))  # the NOTE is not read as a caption


def test_long_lines_wrap_and_split_into_consecutive_captions() -> None:
    caps = [c for c in captions(episodes(), NAMES) if c.speaker == "Tom <Ace> Reyes"]
    assert len(caps) >= 2
    for c in caps:
        rows = c.text.split("\n")
        assert 1 <= len(rows) <= 2 and all(len(r) <= LINE_CHARS for r in rows)
    # The pieces tile the line's time exactly, in order, and keep every word.
    assert caps[0].start == pytest.approx(5.0) and caps[-1].end == pytest.approx(9.0)
    assert all(a.end == pytest.approx(b.start) for a, b in itertools.pairwise(caps))
    assert " ".join(c.text.replace("\n", " ") for c in caps).startswith("I followed the money")
    assert "<v Tom &lt;Ace&gt; Reyes>" in to_vtt(caps)


def test_cues_are_clamped_to_their_shot() -> None:
    sl = ShotList(story_id="noir", episode=1, fps=24, shots=[shot(0, 0, 24, [cue("mara", "Too long.", 0.5, 3.0)])])
    (only,) = captions([sl])
    assert (only.start, only.end) == (0.5, 1.0)


def test_a_shots_captions_and_their_subtitle_text() -> None:
    from dreamreel.edit.captions import shot_captions, subtitle_text

    sl = episodes()[0]
    # in seconds from the shot's start (the film's captions add the shot's place in the film)
    (narration,) = shot_captions(sl.shots[0], 24, NAMES)
    (line,) = shot_captions(sl.shots[1], 24, NAMES)
    assert (line.start, line.end, line.speaker) == (0.5, 2.0, "Mara Quill")
    # the narrator's words stand alone; a character's come after their name
    assert subtitle_text(narration) == "The rain never stopped in Port Vale."
    assert subtitle_text(line) == "Mara Quill: Tom & I <never> met."


# -- burned into the picture --------------------------------------------------------------------

class Flat:
    """A backend that draws a flat grey frame, held (the same picture) on odd frames."""

    name, version = "flat", "1"

    def requires(self) -> list[str]:
        return []

    def render_shot(self, shot, bible, *, width, height, fps, mouths=None, label=None, first=0):
        from dreamreel.synth.visual.base import held

        buf = np.full((height, width, 4), 90, np.uint8)
        for i in range(first, shot.frames):
            yield held(buf) if i % 2 and i > first else buf


def test_burned_subtitles_show_only_while_a_line_is_spoken() -> None:
    import pickle

    from dreamreel.edit.burn import BOTTOM, SubtitledBackend
    from dreamreel.model import Request
    from dreamreel.narrative.planner import plan
    from dreamreel.synth.visual.base import HeldFrame

    bible = plan(Request(prompt="film noir, one short episode", episodes=1, target_seconds=20), seed=3).bible
    who = bible.cast[0]
    s = shot(0, 0, 48, [cue(who.id, "Nobody leaves this room.", 0.5, 1.25)]).model_copy(
        update={"on_screen": [who.id], "focus": who.id})
    burner = pickle.loads(pickle.dumps(SubtitledBackend(Flat())))  # it goes to the render workers
    assert (burner.name, burner.version) == ("flat+subtitles", "1+burn1")  # its own cache entries
    W, H = 640, 360
    frames = [(f.copy(), isinstance(f, HeldFrame))
              for f in burner.render_shot(s, bible, width=W, height=H, fps=24)]
    assert len(frames) == 48
    plain = np.full((H, W, 4), 90, np.uint8)
    shown = [i for i, (f, _) in enumerate(frames) if not np.array_equal(f, plain)]
    assert shown == list(range(12, 30))  # 0.5 s .. 1.25 s at 24 fps
    burned = frames[20][0]
    changed = np.argwhere((burned != plain).any(axis=2))
    # a dark box with light text, centred, above the bottom tenth of the frame
    assert changed[:, 0].max() < round(H * BOTTOM) and changed[:, 0].min() > H // 2
    assert abs((changed[:, 1].min() + changed[:, 1].max()) / 2 - W / 2) <= 2
    assert burned[..., :3].max() > 200 and burned[..., :3].min() < 60
    # held frames stay held while the caption stays; the frame where it appears or goes is not
    assert frames[13][1] and frames[15][1] and not frames[12][1] and not frames[30][1] and frames[31][1]
    # a window of the shot (first=) burns the same pictures
    tail = [f.copy() for f in burner.render_shot(s, bible, width=W, height=H, fps=24, first=20)]
    assert all(np.array_equal(a, b[0]) for a, b in zip(tail, frames[20:]))


def test_the_sidecar_and_the_in_file_track_in_chromium(tmp_path: Path) -> None:
    """Chromium plays the MP4 with its subtitle track; whether it shows the in-file track as a
    TextTrack is checked (it did not, in Chromium 156: no in-band MP4 text tracks), and the .vtt
    beside the film, as a <track>, gives the same words."""
    import functools
    import http.server
    import shutil
    import threading

    from dreamreel.edit.encode import Encoder
    from dreamreel.edit.captions import subtitle_text

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        pytest.skip("needs Debian's chromium (scripts/test.sh installs it)")
    sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright
    caps = captions(episodes(), NAMES)
    with Encoder(tmp_path / "film.mp4", width=320, height=240, fps=24, subtitles="eng") as enc:
        for c in caps:
            enc.write_subtitle(c.start, c.end, subtitle_text(c))
        for i in range(24 * 10):
            enc.write_frame(np.full((240, 320, 3), i % 200, np.uint8))
    write_vtt(tmp_path / "film.vtt", episodes(), NAMES)
    (tmp_path / "in.html").write_text('<video id="v" src="film.mp4" muted preload="auto"></video>')
    (tmp_path / "side.html").write_text('<video id="v" src="film.mp4" muted preload="auto">'
                                        '<track kind="subtitles" srclang="en" src="film.vtt" default></video>')
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path=chromium)
            page = b.new_page()
            page.goto(base + "/in.html")
            page.wait_for_function("document.getElementById('v').readyState >= 1", timeout=20_000)
            got = page.evaluate("""() => { const v = document.getElementById('v');
                return {duration: v.duration, error: v.error && v.error.code,
                        tracks: [...v.textTracks].map(t => ({kind: t.kind, language: t.language}))}; }""")
            assert got["error"] is None and got["duration"] == pytest.approx(10.0, abs=0.1)
            for t in got["tracks"]:  # if chromium ever shows it: tagged as English subtitles
                assert t["language"] in ("en", "eng") and t["kind"] in ("subtitles", "captions")
            page.goto(base + "/side.html")
            page.wait_for_function("document.getElementById('v').textTracks.length > 0 && "
                                   "document.getElementById('v').textTracks[0].cues && "
                                   "document.getElementById('v').textTracks[0].cues.length > 0", timeout=20_000)
            cues = page.evaluate("[...document.getElementById('v').textTracks[0].cues]"
                                 ".map(c => [c.startTime, c.endTime, c.text])")
            b.close()
    finally:
        server.shutdown()
    assert [(round(a, 3), round(e, 3)) for a, e, _ in cues] == [(c.start, c.end) for c in caps]
    assert "Tom &amp; I &lt;never&gt; met." in cues[1][2]
