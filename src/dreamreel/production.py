"""Production: a story becomes a film. The one module that runs every stage in order.

    story -> director.path (PlayPath) -> synth.voice (speech, timings) -> camera (ShotLists)
          -> synth.music (score, ambience) -> edit.mix -> synth.visual (frames) -> edit.encode (MP4)
          -> edit.qc; with --keep also fMP4 segments, WebVTT captions and an OTIO timeline.

Audio is made first (it is cheap and the picture needs the mouths), then frames stream
straight into the encoder, which encodes on its own thread while the next frames render.
"""

import dataclasses
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np

from .camera import plan_shots
from .director import choose_path
from .director.path import Choices
from .edit.captions import write_vtt
from .edit.encode import Encoder
from .edit.mix import MixReport, Placed, mix, resample
from .edit.qc import QCReport, check_media
from .edit.timeline import build_timeline, write_otio
from .errors import BadInputError, DreamreelError, OutputError
from .model import Profile, Story
from .model.shot import Shot, ShotList
from .synth.music.ambience import ambience_for_shots
from .synth.music.score import cues_from_shots, score
from .synth.visual import ProceduralBackend, VisualBackend
from .synth.voice import default_backend, mouth_track, voice_lines
from .synth.voice.base import Speech, VoiceBackend

RESOLUTIONS = {"720p": (1280, 720), "1080p": (1920, 1080), "480p": (854, 480)}
SAMPLE_RATE = 48000

#: progress(stage, done, total)
Progress = Callable[[str, int, int], None]


@dataclass
class FilmResult:
    path: Path
    seconds: float
    frames: int
    episodes: int
    shots: int
    qc: QCReport
    mix: MixReport
    #: Wall-clock seconds per stage (voices, camera, audio, pictures+encode, qc).
    stage_seconds: dict[str, float] = field(default_factory=dict)
    #: Shots that failed to render and were replaced by a labelled card.
    failed_shots: list[str] = field(default_factory=list)
    extras: list[Path] = field(default_factory=list)


def _pan(shot: Shot, speaker: str) -> float:
    """Voices sit where their speaker stands on screen; the narrator sits in the middle."""
    if speaker not in shot.on_screen or len(shot.on_screen) < 2:
        return 0.0
    i = shot.on_screen.index(speaker)
    return round(-0.35 + 0.7 * i / (len(shot.on_screen) - 1), 3)


def build_audio(story: Story, lists: list[ShotList], speech: dict[tuple[str, int], Speech], *, seed: int,
                sample_rate: int = SAMPLE_RATE) -> tuple[np.ndarray, MixReport]:
    """Dialogue placed on the cut, the score along the tension curve, ambience per place; mixed."""
    fps = lists[0].fps
    total_frames = sum(sl.frames for sl in lists)
    total = round(total_frames / fps * sample_rate)
    dialogue: list[Placed] = []
    cues, beds = [], []
    roles = {b.id: (story.graph.ending(b.ending).kind if b.ending else b.role) for b in story.graph.beats}
    resampled: dict[tuple[str, int], np.ndarray] = {}
    offset = 0
    for sl in lists:
        start_s = offset / fps
        for c in cues_from_shots(sl, roles):
            cues.append(dataclasses.replace(c, start_s=c.start_s + start_s, end_s=c.end_s + start_s))
        beds.append(ambience_for_shots(sl, seed=seed, sample_rate=sample_rate))
        for shot in sl.shots:
            for cue in shot.cues:
                voice = speech.get((cue.beat, cue.index))
                if voice is None:
                    continue
                if (cue.beat, cue.index) not in resampled:
                    resampled[(cue.beat, cue.index)] = resample(voice.samples, voice.sample_rate, sample_rate)
                at = round(((offset + shot.start_frame) / fps + cue.start) * sample_rate)
                dialogue.append(Placed(at, resampled[(cue.beat, cue.index)], _pan(shot, cue.speaker)))
        offset += sl.frames
    music = score(cues, style=story.bible.style, genres=story.bible.genres, seed=seed, sample_rate=sample_rate,
                  n_samples=total)
    bed = np.concatenate(beds)
    if len(bed) != total:  # per-episode rounding; never more than a few samples
        bed = np.pad(bed, ((0, max(0, total - len(bed))), (0, 0)))[:total]
    return mix(dialogue, music, bed, sample_rate=sample_rate, total_samples=total)


def mouths_for(shot: Shot, speech: dict[tuple[str, int], Speech], fps: int) -> dict[str, np.ndarray]:
    """Per on-screen character, mouth openness for each frame of the shot, from their own voice."""
    out: dict[str, np.ndarray] = {}
    for cue in shot.cues:
        voice = speech.get((cue.beat, cue.index))
        if voice is None or cue.speaker not in shot.on_screen:
            continue
        track = mouth_track(voice, fps)
        at = round(cue.start * fps)
        n = max(0, min(len(track), shot.frames - at))
        buf = out.setdefault(cue.speaker, np.zeros(shot.frames, np.float32))
        buf[at:at + n] = np.maximum(buf[at:at + n], track[:n])
    return out


def _fallback(shot: Shot) -> Shot:
    """A card that says which shot is missing, so a failed shot never stalls or corrupts the film."""
    return shot.model_copy(update={"kind": "title", "on_screen": [], "focus": None,
                                   "caption": f"(shot {shot.id} could not be rendered)"})


def make_film(story: Story, output: str | Path, *, profile: Profile | None = None, choices: Choices = "auto",
              seed: int = 0, res: str = "720p", fps: int = 24, keep: bool = False, label: bool = True,
              voice: VoiceBackend | None = None, visual: VisualBackend | None = None,
              progress: Progress | None = None) -> FilmResult:
    """Render the path the choices take through ``story`` into an MP4 at ``output``."""
    if res not in RESOLUTIONS:
        raise BadInputError(f"unknown resolution {res!r}; use one of {', '.join(RESOLUTIONS)}")
    width, height = RESOLUTIONS[res]
    out = Path(output)
    if out.suffix.lower() != ".mp4":
        raise BadInputError(f"{out}: the film is an MP4; give an output path ending in .mp4")
    if not out.parent.is_dir():  # checked up front: voicing and audio take a while before the encoder opens
        raise OutputError(f"cannot write {out}: folder {out.parent} does not exist")
    report = progress or (lambda stage, done, total: None)
    stages: dict[str, float] = {}

    t = time.perf_counter()
    path = choose_path(story, choices, seed=seed)
    backend = voice or default_backend()
    timings, speech = voice_lines(story, path, backend, seed=seed, progress=lambda d, n: report("voices", d, n))
    stages["voices"] = time.perf_counter() - t

    t = time.perf_counter()
    lists = plan_shots(story, path, timings, profile=profile, fps=fps, width=width, height=height, seed=seed)
    stages["camera"] = time.perf_counter() - t

    t = time.perf_counter()
    audio, mix_report = build_audio(story, lists, speech, seed=seed)
    stages["audio"] = time.perf_counter() - t

    t = time.perf_counter()
    visual = visual or ProceduralBackend()
    visual.requires()
    total_frames = sum(sl.frames for sl in lists)
    shots = [shot for sl in lists for shot in sl.shots]
    failed: list[str] = []
    segments = out.with_name(out.stem + ".segments") if keep else None
    done = 0
    with Encoder(out, width=width, height=height, fps=fps, sample_rate=SAMPLE_RATE, title=story.bible.title,
                 metadata={"comment": f"AI-generated by dreamreel from story {story.id} (seed {seed})"},
                 segments_dir=segments) as enc:
        enc.write_audio(audio)
        for shot in shots:
            mouths = mouths_for(shot, speech, fps)
            try:
                # Render the shot's first frame before writing anything, so a shot that cannot be
                # drawn is swapped for a labelled card; encoder errors are never caught here.
                frames = visual.render_shot(shot, story.bible, width=width, height=height, fps=fps,
                                            mouths=mouths, label=label)
                first = next(frames)
            except DreamreelError:
                raise
            except Exception:
                failed.append(shot.id)
                # The card comes from the built-in renderer, whatever backend just failed.
                frames = ProceduralBackend().render_shot(_fallback(shot), story.bible, width=width, height=height,
                                                         fps=fps, label=label)
                first = next(frames)
            enc.write_frame(first, keyframe=True)
            written = 1
            for frame in frames:
                enc.write_frame(frame)
                written += 1
            done += written
            report("frames", done, total_frames)
    stages["pictures_and_encode"] = time.perf_counter() - t

    extras: list[Path] = []
    if keep:
        names = {c.id: c.name for c in story.bible.cast}
        extras.append(write_vtt(out.with_suffix(".vtt"), lists, names))
        extras.append(write_otio(out.with_suffix(".otio"), build_timeline(
            lists, backend=f"{visual.name}/{visual.version}", name=story.bible.title, media_url=out.name,
            path=path, graph=story.graph, names=names)))
        if segments is not None:
            extras.append(segments)

    t = time.perf_counter()
    qc = check_media(out, expect_seconds=total_frames / fps, fps=fps, width=width, height=height)
    stages["qc"] = time.perf_counter() - t
    return FilmResult(path=out, seconds=total_frames / fps, frames=total_frames, episodes=len(lists),
                      shots=len(shots), qc=qc, mix=mix_report, stage_seconds=stages, failed_shots=failed,
                      extras=extras)
