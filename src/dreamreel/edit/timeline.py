"""An OpenTimelineIO timeline of the cut, for opening the film in an editor (NLE).

One video track holds a clip a shot; each clip's ``metadata["dreamreel"]`` carries the beat id,
the shot spec (``Shot.model_dump``), the visual backend and the seed, so an editor (or a later
re-render) knows exactly what made it, and what the shot shows (``drawn``: the shot log, see
``edit.shotlog``: place, characters with species and costume, props, action, substitutions). An audio track holds a clip a spoken line (from the
cues), with gaps between. Markers on the video track flag where beats and episodes begin and
where the viewer made a choice. Times are RationalTime at the shot list's fps, so durations
are exact frames. When ``media_url`` names the encoded film, every clip refers to its range of
that file, so the timeline relinks to real media.
"""

from collections.abc import Mapping, Sequence
from pathlib import Path

import opentimelineio as otio

from ..errors import BadInputError
from ..model.bible import Bible
from ..model.shot import PlayPath, ShotList
from ..model.story import StoryGraph
from ..store.files import write_atomic
from .shotlog import drawn

RT = otio.opentime.RationalTime
TR = otio.opentime.TimeRange


def build_timeline(
    shotlists: Sequence[ShotList],
    *,
    backend: str,
    name: str = "dreamreel film",
    media_url: str | None = None,
    path: PlayPath | None = None,
    graph: StoryGraph | None = None,
    names: Mapping[str, str] | None = None,
    bible: Bible | None = None,
) -> otio.schema.Timeline:
    """The cut of these episodes (in order) as an OTIO Timeline. ``bible``: the story's, for the
    shot log's names, species and costumes (without it, what the shots alone say)."""
    if not shotlists:
        raise BadInputError("a timeline needs at least one shot list")
    fps = shotlists[0].fps
    for sl in shotlists:
        if sl.fps != fps:
            raise BadInputError(f"episode {sl.episode}: fps {sl.fps} differs from episode {shotlists[0].episode}'s {fps}")
    total = sum(sl.frames for sl in shotlists)
    names = names or {}

    tl = otio.schema.Timeline(name=name, global_start_time=RT(0, fps))
    tl.metadata["dreamreel"] = {"story_id": shotlists[0].story_id, "fps": fps, "frames": total,
                                "width": shotlists[0].width, "height": shotlists[0].height,
                                "ai_generated": True}
    video = otio.schema.Track(name="Picture", kind=otio.schema.TrackKind.Video)
    audio = otio.schema.Track(name="Dialogue", kind=otio.schema.TrackKind.Audio)
    tl.tracks.append(video)
    tl.tracks.append(audio)

    def reference() -> otio.core.MediaReference:
        if media_url is None:
            return otio.schema.MissingReference()
        return otio.schema.ExternalReference(target_url=media_url, available_range=TR(RT(0, fps), RT(total, fps)))

    options = {s.beat: s for s in path.steps} if path else {}
    offset = 0        # first frame of the current episode in the film
    audio_end = 0     # frame where the dialogue track currently ends
    last_beat: str | None = None
    beat_end: dict[str, int] = {}
    substituted: list[str] = []
    for sl in shotlists:
        video.markers.append(_marker(f"episode {sl.episode}", offset, fps, otio.schema.MarkerColor.PURPLE,
                                     {"episode": sl.episode}))
        for shot in sl.shots:
            start = offset + shot.start_frame
            if shot.beat != last_beat:
                step = options.get(shot.beat)
                video.markers.append(_marker(f"beat {shot.beat}", start, fps, otio.schema.MarkerColor.GREEN,
                                             {"beat": shot.beat, "episode": shot.episode,
                                              "variant": step.variant if step else None}))
                last_beat = shot.beat
            beat_end[shot.beat] = start + shot.frames
            clip = otio.schema.Clip(name=shot.id, media_reference=reference(),
                                    source_range=TR(RT(start, fps), RT(shot.frames, fps)))
            what = drawn(shot, bible)
            substituted.extend(what["substituted"])
            clip.metadata["dreamreel"] = {"beat": shot.beat, "episode": shot.episode, "backend": backend,
                                          "seed": shot.seed, "shot": shot.model_dump(mode="json"), "drawn": what}
            video.append(clip)
            for cue in shot.cues:
                c0 = max(start + round(cue.start * fps), audio_end)
                c1 = min(start + round(cue.end * fps), start + shot.frames)
                if c1 <= c0:
                    continue  # a cue shorter than a frame, or wholly overlapped by the previous one
                if c0 > audio_end:
                    audio.append(otio.schema.Gap(source_range=TR(RT(0, fps), RT(c0 - audio_end, fps))))
                line = otio.schema.Clip(name=f"{cue.beat}.{cue.index}", media_reference=otio.schema.MissingReference(),
                                        source_range=TR(RT(c0, fps), RT(c1 - c0, fps)))
                line.metadata["dreamreel"] = {"beat": cue.beat, "index": cue.index, "speaker": cue.speaker,
                                              "name": names.get(cue.speaker, cue.speaker), "text": cue.text,
                                              "emotion": cue.emotion}
                audio.append(line)
                audio_end = c1
        offset += sl.frames
    # every thing the film draws as something else, once (the shot log's notes)
    tl.metadata["dreamreel"]["substituted"] = list(dict.fromkeys(substituted))
    if audio_end < total:
        audio.append(otio.schema.Gap(source_range=TR(RT(0, fps), RT(total - audio_end, fps))))

    # Choice points sit where the chooser's beat ends: the film continues with the option taken.
    for step in path.steps if path else []:
        if step.option is None or step.beat not in beat_end:
            continue
        prompt = None
        if graph is not None:
            try:
                choice = graph.beat(step.beat).choice
                prompt = choice.prompt if choice else None
            except KeyError:
                raise BadInputError(f"path step {step.beat!r} is not a beat of the story graph") from None
        at = max(0, beat_end[step.beat] - 1)
        video.markers.append(_marker(f"choice {step.beat}: {step.option}", at, fps, otio.schema.MarkerColor.RED,
                                     {"beat": step.beat, "option": step.option, "prompt": prompt}))
    return tl


def _marker(name: str, frame: int, fps: int, color: str, meta: dict) -> otio.schema.Marker:
    m = otio.schema.Marker(name=name, marked_range=TR(RT(frame, fps), RT(0, fps)), color=color)
    m.metadata["dreamreel"] = meta
    return m


def write_otio(path: str | Path, timeline: otio.schema.Timeline) -> Path:
    """Save as .otio JSON (atomically)."""
    return write_atomic(path, otio.adapters.write_to_string(timeline, "otio_json"))


def read_otio(path: str | Path) -> otio.schema.Timeline:
    return otio.adapters.read_from_file(str(path))
