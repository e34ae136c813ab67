"""WebVTT captions: times from the shot list, voices, wrapping, escaping; read back by webvtt-py."""

import html
import itertools
from pathlib import Path

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
