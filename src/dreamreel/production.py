"""Production: a story becomes a film. The one module that runs every stage in order.

    story -> director.path (PlayPath) -> synth.voice (speech, timings) -> camera (ShotLists)
          -> synth.music (score, ambience) -> edit.mix -> synth.visual (frames) -> edit.encode (MP4)
          -> edit.qc; with --keep also fMP4 segments, WebVTT captions and an OTIO timeline.

The voices come first (the cut and the mouths need their timings). Then every shot goes to the
render pool (``render_pool``: worker processes that draw and encode shots into chunks, through
the content cache) while this process makes the score, ambience and mix; the encoder joins the
chunks in order with the audio, as they arrive. QC reads the finished file without decoding it.
"""

import dataclasses
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .camera import plan_shots
from .director import choose_path
from .director.path import Choices
from .edit.captions import write_vtt
from .edit.encode import DEFAULT_PRESET, Encoder, chunk_options
from .edit.mix import MixReport, Placed, mix, resample
from .edit.qc import QCReport, check_render
from .edit.timeline import build_timeline, write_otio
from .errors import BadInputError, OutputError
from .model import Profile, Story
from .model.shot import Shot, ShotList
from .render_pool import RenderPool, ShotJob, ShotResult, shared_pool
from .store.cache import Cache
from .synth.music.ambience import ambience_for_shots
from .synth.music.score import cues_from_shots, score
from .synth.visual import ProceduralBackend, VisualBackend
from .synth.voice import default_backend, mouth_track, voice_lines
from .synth.voice.base import Speech, VoiceBackend

RESOLUTIONS = {"720p": (1280, 720), "1080p": (1920, 1080), "480p": (854, 480)}
SAMPLE_RATE = 48000
#: Length of a stream segment: keyframes fall at least this often inside a shot.
SEGMENT_SECONDS = 2.0

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
    #: Shots that failed to render and were replaced by a labelled card, and why.
    failed_shots: list[str] = field(default_factory=list)
    failures: dict[str, str] = field(default_factory=dict)
    #: Shots drawn this time (their ids in ``drawn``), and shots found in the cache.
    rendered_shots: int = 0
    cached_shots: int = 0
    drawn: list[str] = field(default_factory=list)
    #: The cut: one shot list per episode, in play order.
    lists: list[ShotList] = field(default_factory=list)
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


def make_film(story: Story, output: str | Path, *, profile: Profile | None = None, choices: Choices = "auto",
              seed: int = 0, res: str = "720p", fps: int = 24, keep: bool = False, label: bool = True,
              voice: VoiceBackend | None = None, visual: VisualBackend | None = None,
              progress: Progress | None = None, cache: Cache | None = None, pool: RenderPool | None = None,
              preset: str = DEFAULT_PRESET) -> FilmResult:
    """Render the path the choices take through ``story`` into an MP4 at ``output``.

    ``cache``: where rendered shots are kept (default: the user cache, see ``store.cache``);
    ``pool``: the worker processes (default: one per core, shared by every film this process makes).
    """
    if res not in RESOLUTIONS:
        raise BadInputError(f"unknown resolution {res!r}; use one of {', '.join(RESOLUTIONS)}")
    width, height = RESOLUTIONS[res]
    chunk_options(preset, 20)  # an unknown preset fails now, not after the voices
    out = Path(output)
    if out.suffix.lower() != ".mp4":
        raise BadInputError(f"{out}: the film is an MP4; give an output path ending in .mp4")
    if not out.parent.is_dir():  # checked up front: voicing and audio take a while before the encoder opens
        raise OutputError(f"cannot write {out}: folder {out.parent} does not exist")
    check_cast(story)
    report = progress or (lambda stage, done, total: None)
    stages: dict[str, float] = {}
    visual = visual or ProceduralBackend()
    visual.requires()
    pool = pool or shared_pool()
    pool.start()  # the workers load the renderer while the voices are made
    cache = cache or Cache()

    t = time.perf_counter()
    path = choose_path(story, choices, seed=seed)
    backend = voice or default_backend()
    timings, speech = voice_lines(story, path, backend, seed=seed, progress=lambda d, n: report("voices", d, n))
    stages["voices"] = time.perf_counter() - t

    t = time.perf_counter()
    lists = plan_shots(story, path, timings, profile=profile, fps=fps, width=width, height=height, seed=seed)
    stages["camera"] = time.perf_counter() - t

    # Every shot goes to the workers now; the audio is made here while they draw.
    t = time.perf_counter()
    shots = [shot for sl in lists for shot in sl.shots]
    jobs = [ShotJob(shot, story.bible, width, height, fps, mouths_for(shot, speech, fps), label, preset,
                    key_every=round(SEGMENT_SECONDS * fps)) for shot in shots]
    futures = pool.render(jobs, visual, cache)

    t_audio = time.perf_counter()
    audio, mix_report = build_audio(story, lists, speech, seed=seed)
    stages["audio"] = time.perf_counter() - t_audio

    total_frames = sum(sl.frames for sl in lists)
    results: list[ShotResult] = []
    segments = out.with_name(out.stem + ".segments") if keep else None
    done = 0
    try:
        with Encoder(out, width=width, height=height, fps=fps, sample_rate=SAMPLE_RATE, title=story.bible.title,
                     metadata={"comment": f"AI-generated by dreamreel from story {story.id} (seed {seed})"},
                     segments_dir=segments, segment_seconds=SEGMENT_SECONDS, chunks=True) as enc:
            enc.write_audio(audio)
            for job, future in zip(jobs, futures):
                result = pool.result(future, job, visual, cache)
                results.append(result)
                enc.write_chunk(result.path)
                done += result.frames
                report("frames", done, total_frames)
    finally:
        for r in results:
            if r.temporary:
                r.path.unlink(missing_ok=True)
        for f in futures:
            f.cancel()
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
    qc = check_render(out, expect_seconds=total_frames / fps, fps=fps, width=width, height=height,
                      black=np.concatenate([r.black for r in results]), same=_same_across_cuts(results),
                      audio=audio, sample_rate=SAMPLE_RATE)
    stages["qc"] = time.perf_counter() - t
    failed = [(r.shot_id, r.failed) for r in results if r.failed]
    return FilmResult(path=out, seconds=total_frames / fps, frames=total_frames, episodes=len(lists),
                      shots=len(shots), qc=qc, mix=mix_report, stage_seconds=stages,
                      failed_shots=[sid for sid, _ in failed], failures=dict(failed),
                      rendered_shots=sum(not r.cached for r in results),
                      cached_shots=sum(r.cached for r in results), drawn=[r.shot_id for r in results if not r.cached],
                      lists=lists, extras=extras)


def _same_across_cuts(results: list[ShotResult]) -> np.ndarray:
    """Unchanged-frame flags for the whole film (each shot's first frame counts as new: a cut
    changes the picture)."""
    return np.concatenate([r.same for r in results]) if results else np.zeros(0, bool)


def check_cast(story: Story) -> None:
    """Every character a beat names is in the bible: one clear line before any work is done."""
    cast = {c.id for c in story.bible.cast}
    for beat in story.graph.beats:
        speakers = [ln.speaker for told in (beat, *beat.variants.values()) for ln in told.lines]
        for cid in dict.fromkeys([*beat.characters, *speakers]):
            if cid != "narrator" and cid not in cast:
                raise BadInputError(f"beat {beat.id} names character {cid!r}, who is not in the bible's cast "
                                    f"({', '.join(sorted(cast))})")
