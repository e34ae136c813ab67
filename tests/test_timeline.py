"""The OTIO timeline of the cut: written, read back by OpenTimelineIO, same clips and metadata."""

from pathlib import Path

import opentimelineio as otio

from dreamreel.edit.timeline import build_timeline, read_otio, write_otio
from dreamreel.model.shot import Cue, Lighting, PathStep, PlayPath, Shot, ShotList


def shot(i: int, beat: str, start: int, frames: int, cues: list[Cue], episode: int = 1) -> Shot:
    return Shot(id=f"s{episode}_{i}", beat=beat, episode=episode, kind="dialogue", size="close_up", move="push_in",
                frames=frames, start_frame=start, place="bar", place_kind="bar", time_of_day="night",
                weather="rain", on_screen=["mara", "tom"], focus="mara", cues=cues,
                lighting=Lighting(palette=["#101010", "#c0a060"], monochrome=True), tension=0.8,
                caption=None, seed=100 + i)


def film() -> list[ShotList]:
    ep1 = ShotList(story_id="noir", episode=1, fps=24, shots=[
        shot(0, "open", 0, 48, [Cue(beat="open", index=-1, speaker="narrator", text="Port Vale.", start=0.5, end=1.5)]),
        shot(1, "open", 48, 30, []),
        shot(2, "deal", 78, 60, [Cue(beat="deal", index=0, speaker="mara", text="Take it.", start=0.0, end=1.0),
                                 Cue(beat="deal", index=1, speaker="tom", text="No.", start=1.25, end=2.0)]),
    ])
    ep2 = ShotList(story_id="noir", episode=2, fps=24, shots=[shot(0, "after", 0, 36, [], episode=2)])
    return [ep1, ep2]


def test_otio_round_trip_keeps_clips_durations_and_metadata(tmp_path: Path) -> None:
    eps = film()
    path = PlayPath(story_id="noir", steps=[PathStep(beat="open"), PathStep(beat="deal", option="refuse"),
                                            PathStep(beat="after", variant="intense")])
    tl = build_timeline(eps, backend="procedural-1.0", media_url="film.mp4", path=path, names={"mara": "Mara"})
    out = write_otio(tmp_path / "film.otio", tl)
    back = read_otio(out)
    assert isinstance(back, otio.schema.Timeline)
    video, audio = back.tracks[0], back.tracks[1]
    assert (video.kind, audio.kind) == (otio.schema.TrackKind.Video, otio.schema.TrackKind.Audio)

    shots = [s for sl in eps for s in sl.shots]
    clips = list(video.find_clips())
    assert len(clips) == len(shots) == 4
    for clip, s in zip(clips, shots):
        assert clip.name == s.id
        assert clip.source_range.duration == otio.opentime.RationalTime(s.frames, 24)
        meta = clip.metadata["dreamreel"]
        assert meta["beat"] == s.beat and meta["seed"] == s.seed and meta["backend"] == "procedural-1.0"
        assert Shot.model_validate(dict(meta["shot"])) == s  # the full spec survives
    # Clips sit at their place in the film, and the film's length is exact.
    assert video.range_of_child(clips[3]).start_time.to_frames() == 138
    assert back.duration() == otio.opentime.RationalTime(174, 24)
    assert audio.duration() == back.duration()
    assert clips[0].media_reference.target_url == "film.mp4"

    lines = list(audio.find_clips())
    assert [c.metadata["dreamreel"]["text"] for c in lines] == ["Port Vale.", "Take it.", "No."]
    assert [audio.range_of_child(c).start_time.to_frames() for c in lines] == [12, 78, 108]
    assert lines[1].metadata["dreamreel"]["name"] == "Mara"

    markers = {m.name: m for m in video.markers}
    assert {"episode 1", "episode 2", "beat open", "beat deal", "beat after", "choice deal: refuse"} <= set(markers)
    assert markers["beat deal"].marked_range.start_time.to_frames() == 78
    assert markers["beat after"].marked_range.start_time.to_frames() == 138
    assert markers["beat after"].metadata["dreamreel"]["variant"] == "intense"
    assert markers["choice deal: refuse"].marked_range.start_time.to_frames() == 137
