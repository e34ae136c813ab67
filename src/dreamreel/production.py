"""Production: a story becomes a film. The one module that runs every stage in order.

    story -> director.path (PlayPath) -> synth.voice (speech, timings) -> camera (ShotLists)
          -> synth.music (score, ambience) -> edit.mix -> synth.visual (frames) -> edit.encode (MP4)
          -> edit.qc -> trust.provenance (a signed C2PA manifest) -> cost (what it spent);
          with --keep also fMP4 segments, WebVTT captions, an OTIO timeline (with the shot log)
          and the dialogue, music and effects stems (film_DX.wav, film_MX.wav, film_FX.wav).

The MP4 carries the captions as a subtitle track too (written as each beat is cut), and with
``burn_subtitles`` in the picture (drawn by the render workers, ``edit.burn``).

Trust runs along the way: a sandbox (``trust.licences``) is checked before any work; each beat's
words are checked against the rating (``trust.ratings``) before the beat is made, so nothing
above it is drawn, streamed or released (``within_rating``); each episode of a stream is signed
as its last segment goes out (``_StreamSigner``).

The voices come first (the cut and the mouths need their timings). Then every shot goes to the
render pool (``render_pool``: worker processes that draw and encode shots into chunks, through
the content cache) while this process makes the score, ambience and mix; the encoder joins the
chunks in order with the audio, as they arrive. QC reads the finished file without decoding it.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import math
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TypeVar

import numpy as np

from .camera.shots import EpisodeCut, ShotPlanner
from .camera.timing import estimate_timings
from .cost.ledger import Ledger
from .director import choose_path
from .director.path import (
    Choices,
    Chooser,
    Start,
    Walk,
    planned_chooser,
    telling,
    voiced_lines,
)
from .edit.burn import SubtitledBackend
from .edit.captions import shot_captions, subtitle_text, write_vtt
from .edit.encode import DEFAULT_CRF, DEFAULT_PRESET, Encoder, chunk_options
from .edit.mix import MixReport
from .edit.qc import QCReport, check_lines, check_render, check_sound
from .edit.segments import SegmentInfo, SegmentWriter
from .edit.shotlog import icons_shown
from .edit.soundtrack import Soundtrack
from .edit.stems import StemWriter
from .edit.timeline import build_timeline, write_otio
from .errors import BadInputError, OutputError
from .model import Profile, Story
from .model.cost import CostEntry, CostReport
from .model.label import Label, as_label
from .model.profile import Pacing
from .model.shot import PathStep, PlayPath, Shot, ShotList, SpeechTiming
from .model.story import Beat, Option, VariantName
from .render_pool import (
    GUESS,
    NEEDED,
    Due,
    RenderPool,
    ShotJob,
    ShotResult,
    cached_result,
    shared_pool,
    shot_key,
)
from .store.cache import Cache
from .synth.music import MusicBackend, ProceduralMusic
from .synth.visual import ProceduralBackend, VisualBackend
from .synth.voice import default_backend, mouth_track, voice_lines
from .synth.voice.base import Speech, VoiceBackend
from .synth.voice.cached import CachedVoice
from .trust.licences import Sandbox, asset_ingredients, assets_assertion, icon_ingredients, icons_assertion
from .trust.provenance import (
    STREAM_PROVENANCE,
    Keys,
    film_manifest,
    load_keys,
    sign,
    sign_stream_episode,
)
from .trust.ratings import within_rating

_log = logging.getLogger("dreamreel.production")
T = TypeVar("T")
RESOLUTIONS = {"720p": (1280, 720), "1080p": (1920, 1080), "480p": (854, 480)}
SAMPLE_RATE = 48000
#: A live film hands over the sound it holds back (for a crossfade into the next beat) once its
#: viewer is this close to the end of the sound already handed over: voicing and cutting the
#: next beat takes about this long on 2 cores under load (bench/serve.py), and the stream
#: cannot go past the sound.
SOUND_LEAD_S = 4.0
#: A live film's first beat is mixed in two pieces, the first ending in the first pause in its
#: dialogue this many seconds in (``Soundtrack.add(split_s=...)``): that piece costs its share of
#: the beat's mixing (0.32 of 1.09 CPU s on bench/production.py's first beat), so its sound can be
#: out while the title card plays, and the rest is mixed while it plays (the whole beat in one
#: piece took 4-7 s under load before the stream could go past the card).
OPENING_SPLIT_S = 4.0
#: A beat is mixed so (its first OPENING_SPLIT_S seconds' sound first) wherever its viewer is
#: this close to the end of the sound handed over as it is cut, not only at the opening: a paced
#: film goes on when its viewer is ``lead_s`` (6 s) from what is made, and the next beat's voices
#: and its whole mix took 5 s and more under load (a 13.7 s scene of four lines with a choice:
#: voices 1.7 s, mix 3.3 s), so the stream waited for the whole beat and stalled.
SPLIT_NEAR_S = 8.0
#: Length of a stream segment: keyframes fall at least this often inside a shot.
SEGMENT_SECONDS = 2.0
#: The language of the film's words, as the MP4's subtitle track is tagged (ISO 639-2).
SUBTITLE_LANGUAGE = "eng"

#: progress(stage, done, total)
Progress = Callable[[str, int, int], None]
#: A change to how shots look, from a live director: the camera's shot -> the shot to draw instead.
Restyle = Callable[[Shot], Shot]


@dataclass
class FilmResult:
    path: Path
    seconds: float
    frames: int
    episodes: int
    shots: int
    qc: QCReport
    mix: MixReport
    #: Seconds per stage (voices, camera, audio: spent in this process; pictures_and_encode: the
    #: rest of the wall-clock time until the film was written; qc).
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
    #: What it cost to make: CPU seconds by stage and episode (see ``cost``).
    cost: CostReport | None = None
    #: The film's C2PA manifest as signed (None: not signed), and whose chain signed it.
    manifest: dict | None = None
    signed_by: str = ""
    #: What was played (every beat, its telling and the option taken), and the story's state at
    #: the end: where a continuation goes on from.
    played: PlayPath | None = None
    state: dict = field(default_factory=dict)


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


def make_film(story: Story, output: str | Path, *, profile: Profile | None = None, choices: Choices | Chooser = "auto",
              seed: int = 0, res: str = "720p", fps: int = 24, keep: bool = False, label: Label | bool | None = True,
              voice: VoiceBackend | None = None, visual: VisualBackend | None = None, music: MusicBackend | None = None,
              progress: Progress | None = None, cache: Cache | None = None, pool: RenderPool | None = None,
              preset: str = DEFAULT_PRESET, segments: str | Path | None = None,
              on_cut: Callable[[list[Shot], int, int], None] | None = None,
              variant: VariantName | Callable[[Beat], VariantName | None] | None = None,
              pacer: Pacer | None = None, pacing: Callable[[Beat], Pacing | None] | None = None,
              likely: Callable[[Beat], tuple[VariantName | None, Pacing | None]] | None = None,
              keyframe_s: float = SEGMENT_SECONDS, start: Start | None = None,
              keys: Keys | None = None, prefetch: bool = True, sandbox: Sandbox | None = None,
              writing: Sequence[CostEntry] = (), subtitles: str | None = SUBTITLE_LANGUAGE,
              burn_subtitles: bool = False, cut_as: Story | None = None) -> FilmResult:
    """Render the path the choices take through ``story`` into an MP4 at ``output``.

    The film is made a beat at a time: each beat is voiced and cut, its shots go to the render
    pool at once, and the sound and the finished shots go into the encoder in film order while
    later beats are still being voiced and drawn; the stream segments (``--keep``, or
    ``segments``: a folder) grow with it.

    ``choices``: as for ``director.choose_path``, or a callable asked at each choice *when the film
    gets there* (after the beat holding it has been handed to the encoder): a live viewer.
    ``cache``: where rendered shots are kept (default: the user cache, see ``store.cache``);
    ``pool``: the worker processes (default: one per core, shared by every film this process makes).
    ``on_cut(shots, first_frame, fps)``: told of each beat's (or card's) shots as they are cut.
    ``variant``: the telling of every beat ("calm", "intense"), or a callable asked at each beat.
    ``pacer``: keeps production just ahead of a live viewer, and the stream just ahead of their
    playhead, so what the director changes (``Pacer.attach``) reaches them within seconds.
    ``pacing``: asked at each beat for a pace other than the profile's (None: the profile's).
    ``likely``: the telling and pace ``variant`` and ``pacing`` would likely give a beat (a branch
    drawn ahead while a live viewer chooses is drawn so, for the real cut to find it drawn).
    ``keyframe_s``: a keyframe at least this often (the stream can be cut and changed there).
    ``start``: (episode, state) to begin from: a viewer going on from where an earlier film left them.
    ``keys``: the chain that signs the film's C2PA manifest (default: ``trust.provenance.load_keys()``).
    ``prefetch``: draw the first beat of every branch while a live viewer chooses (off to save, see ``cost.budget``).
    ``sandbox``: refuse a story with anything outside these licensed asset packs (``trust.licences``).
    ``writing``: what writing the story spent (``cost.ledger.story_writing``), copied into the film's cost report.
    ``label``: the visible AI-generated label burned into the picture (True: the default
    :class:`~dreamreel.model.Label`; False or None: none, which the signed manifest records).
    ``subtitles``: the language the MP4's subtitle track is tagged with (ISO 639-2; None: no track).
    ``burn_subtitles``: also draw the captions into the picture (``edit.burn``).
    ``cut_as``: the story this one revises: every scene's holds are cut as that film's were, so
    only the revised scenes' shots change (``camera.shots.ShotPlanner``).
    ``visual``, ``voice``, ``music``: the backends that draw, speak and score (``backends.make``;
    None: the procedural renderer, piper else espeak-ng, the procedural composer).
    """
    label = as_label(label)
    if res not in RESOLUTIONS:
        raise BadInputError(f"unknown resolution {res!r}; use one of {', '.join(RESOLUTIONS)}")
    width, height = RESOLUTIONS[res]
    chunk_options(preset, DEFAULT_CRF)  # an unknown preset fails now, not after the voices
    out = Path(output)
    if out.suffix.lower() != ".mp4":
        raise BadInputError(f"{out}: the film is an MP4; give an output path ending in .mp4")
    if not out.parent.is_dir():  # checked before any work
        raise OutputError(f"cannot write {out}: folder {out.parent} does not exist")
    check_cast(story)
    if sandbox is not None:  # refused before any work: nothing outside the studio's packs
        sandbox.check(story)
    keys = keys or load_keys()  # bad signing keys fail now, before any work
    ledger = Ledger(film=f"{story.id}/{out.name}")
    for e in writing:
        ledger.add(e.stage, e.resource, e.amount, e.episode)
    report = progress or (lambda stage, done, total: None)
    visual = visual or ProceduralBackend()
    if burn_subtitles:
        visual = SubtitledBackend(visual)
    visual.requires()
    music = music or ProceduralMusic()
    pool = pool or shared_pool()
    pool.start()  # the workers load the renderer while the first beat is voiced
    cache = cache or Cache()
    backend = CachedVoice(voice or default_backend(), cache)
    t0 = time.perf_counter()
    spent = {"voices": 0.0, "camera": 0.0, "audio": 0.0}

    live = callable(choices)
    # The camera fits each episode's holds to the target from the words along a path known in
    # advance: this one, or (when a viewer chooses as it plays) the path of first options.
    planned = choose_path(story, "first" if live else choices, seed=seed,
                          variant=variant if isinstance(variant, str) else None, start=start)
    camera = ShotPlanner(story, planned, profile=profile, fps=fps, width=width, height=height, seed=seed,
                         cut_as=cut_as)
    ahead: _Ahead | None = None  # the branches of the choice now put to a live viewer, drawn meanwhile

    def chosen(beat: Beat, offered: list[Option], visit: int) -> Option:
        assert callable(choices)
        option = choices(beat, offered, visit)
        if ahead is not None:  # (the branches not taken are given up at once)
            ahead.choose(option.id)
        return option
    walk = Walk(story, chosen if live else planned_chooser(planned), seed=seed, variant=variant, start=start)
    speech: dict[tuple[str, int], Speech] = {}
    tracks: list[Soundtrack] = []

    def track() -> Soundtrack:
        """The film's soundtrack, set up on first use: once the first beat is being voiced (what
        a live viewer waits on after the title card; under load the setup took 1.2 s before it)."""
        if not tracks:
            tracks.append(Soundtrack(story, seed, fps, speech, SAMPLE_RATE, cache=cache, stems=keep, music=music))
        return tracks[0]
    lines_total = len(voiced_lines(story, planned))
    names = {c.id: c.name for c in story.bible.cast}
    lines_done = 0
    lists: list[ShotList] = []
    audio_parts: list[np.ndarray] = []
    total_frames = 0
    segments_dir = Path(segments) if segments is not None else out.with_name(out.stem + ".segments") if keep else None
    writer: _InOrder | None = None
    signer: _StreamSigner | None = None
    extras: list[Path] = []
    stems: StemWriter | None = None

    def manifest_for(title: str) -> dict:
        manifest = film_manifest(title, story_id=story.id, seed=seed, visible_label=label, backends={
            "planner": str(story.generator.get("planner", "")), "visual": f"{visual.name}/{visual.version}",
            "voice": backend.name, "music": f"{music.name}/{music.version}", "encoder": f"libx264/{preset}"})
        if story.assets:  # the licensed packs its characters, places, colours and music came from
            manifest["ingredients"] += asset_ingredients(story.assets)
            manifest["assertions"].append(assets_assertion(story.assets))
        shown = icons_shown([shot for sl in lists for shot in sl.shots], story.bible)
        if shown:  # props drawn from an open-licensed icon library, each with its licence and credit
            manifest["ingredients"] += icon_ingredients(shown)
            manifest["assertions"].append(icons_assertion(shown))
        return manifest
    try:
        with Encoder(out, width=width, height=height, fps=fps, sample_rate=SAMPLE_RATE, title=story.bible.title,
                     metadata={"comment": f"AI-generated by dreamreel from story {story.id} (seed {seed})"},
                     segments_dir=segments_dir, segment_seconds=keyframe_s, chunks=True,
                     low_latency=pacer is not None, subtitles=subtitles) as enc:
            key_every = max(1, round(keyframe_s * fps))
            if keep:
                stems = StemWriter(out, SAMPLE_RATE)
                extras += stems.paths
            if enc.segments is not None:  # a stream: labelled in its index, each episode signed as it is out
                enc.segments.meta = {"ai_generated": True, "label": label.text if label else None,
                                     "provenance": STREAM_PROVENANCE}
                signer = _StreamSigner(enc.segments, lambda n: manifest_for(f"{story.bible.title}, episode {n}"),
                                       keys, fps)
            writer = _InOrder(enc, pool, visual, cache, lambda done: report("frames", done, total_frames),
                              pacer=pacer, piece_frames=key_every if pacer is not None else None)
            writer.start()
            if pacer is not None:
                pacer.attach(writer.restyle)

            def shoot(shots: list[Shot], split_s: float | None = None, pieces: bool = False) -> None:
                """Send a beat's shots to the pool, its sound to the encoder, and whatever is ready
                (``split_s``: the beat's first seconds' sound now, see ``OPENING_SPLIT_S``;
                ``pieces``: each shot drawn a keyframe interval a job, see ``in_pieces``)."""
                nonlocal total_frames
                assert writer is not None
                t = time.perf_counter()
                as_cut = shots
                shots = writer.styled(shots)
                jobs = jobs_for(shots, speech)
                if pieces:
                    jobs, as_cut = in_pieces(jobs, as_cut, visual, cache, pool)
                futures = pool.render(jobs, visual, cache, NEEDED, due_by(pacer, jobs, total_frames))
                if early:  # (draw_first's own future: drawn for this film, not found in the cache)
                    futures = [early.pop(shot_key(j, visual), f) for j, f in zip(jobs, futures)]
                    if any(shot.kind not in ("title", "end") for shot in shots):
                        early.clear()  # (the beat is cut: a guess it did not take is let go)
                writer.add(jobs, futures, as_cut)
                first = total_frames
                at = first
                for shot in shots:  # the captions into the MP4's text track, as they are cut
                    for c in shot_captions(shot, fps, names):
                        enc.write_subtitle(at / fps + c.start, at / fps + c.end, subtitle_text(c))
                    at += shot.frames
                total_frames += sum(shot.frames for shot in shots)
                if on_cut is not None:
                    on_cut(shots, first, fps)
                t_audio = time.perf_counter()
                sound = track().add(shots, first, split_s=split_s)
                spent["audio"] += time.perf_counter() - t_audio
                spent["camera"] += t_audio - t
                hand_over(sound)

            def draw_first(cut: EpisodeCut, beat: Beat, step: PathStep, at: int) -> None:
                """The beat's first shot to the pool now, where it does not hang on the voices (a
                place established before anyone speaks, as most scenes open): drawn while the beat
                is voiced, not after (a live film's viewer waits on it at the end of the title
                card; under load it was drawn 5-14 s after the voice, bench/serve.py --busy).
                ``at``: the film frame the beat begins at (its cut's title card cut before it)."""
                assert writer is not None
                told = telling(story, step)
                pace = likely(beat)[1] if likely is not None else None
                said = PlayPath(story_id=story.id, steps=[step])
                # Cut with two guesses at how long the lines take: a shot both cut alike does not hang on them.
                firsts = [cut.preview(beat, told, walk.visits[beat.id], estimate_timings(story, said, wps), pacing=pace)
                          for wps in (2.6, 1.3)]
                first = firsts[0][0] if firsts[0] and firsts[1] else None
                if first is None or first != firsts[1][0] or first.cues:
                    return
                # (whole, on one worker: the other core is the voices', which every shot after it waits on;
                # in pieces on both, the voices took 4.6 s, not 1.4, and the sound came after the card ended)
                jobs = jobs_for(writer.styled([first]), {})
                future, = pool.render(jobs, visual, cache, NEEDED, due_by(pacer, jobs, at))
                early[shot_key(jobs[0], visual)] = future

            def jobs_for(shots: list[Shot], said: dict[tuple[str, int], Speech]) -> list[ShotJob]:
                return [ShotJob(shot, story.bible, width, height, fps, mouths_for(shot, said, fps), label, preset,
                                key_every=key_every) for shot in shots]

            def hand_over(sound: np.ndarray, *, last: bool = False) -> None:
                assert writer is not None
                audio_parts.append(sound)
                if stems is not None:  # written as they are made, not held
                    for part in track().stem_parts:
                        stems.add(part)
                    track().stem_parts.clear()
                writer.give_audio(sound, track().samples, last=last)

            def flush() -> None:
                """All the sound made so far, now (a hard join where the next beat begins)."""
                t = time.perf_counter()
                sound = track().flush()
                spent["audio"] += time.perf_counter() - t
                hand_over(sound)

            def close_episode() -> None:
                if cut is not None and last is not None:
                    shoot(cut.end(last))
                    lists.append(cut.shot_list())
                    if signer is not None:
                        signer.episode_done(cut.number, episode_start / fps, total_frames / fps)

            def draw_ahead(cut: EpisodeCut, beat: Beat) -> _Ahead:
                """The first beat of every branch on offer (the story's default first), voiced and
                drawn into the cache (the real cut finds them there) on a thread, while the viewer
                is asked."""
                assert beat.choice is not None
                default = beat.choice.default
                offered = sorted(walk.offered(beat), key=lambda o: o.id != default)
                branches = {o.id: walk.target(beat, o) for o in offered}
                visits = {nxt.id: walk.visits.get(nxt.id, 0) + 1 for nxt in branches.values()}
                starts = total_frames  # where every branch would begin

                def draw(nxt: Beat, given_up: Callable[[], bool]) -> list[ShotJob]:
                    """Voice and cut a branch as it is likely to be told and paced; its shots to draw."""
                    assert writer is not None

                    def heard(done: int, total: int) -> None:
                        if given_up():
                            raise _GivenUp

                    told, pace = likely(nxt) if likely is not None else (None, None)
                    step = PathStep(beat=nxt.id, variant=told if told in nxt.variants else None)
                    timings, said = voice_lines(story, PlayPath(story_id=story.id, steps=[step]), backend, seed=seed,
                                                progress=heard)
                    if given_up():
                        raise _GivenUp
                    return jobs_for(writer.styled(cut.preview(nxt, telling(story, step), visits[nxt.id], timings,
                                                              pacing=pace)), said)

                def render(jobs: list[ShotJob]) -> list[Future[ShotResult]]:
                    # All due when the branches would begin (the choice's scene is the last one
                    # cut), so a film's guesses go in the order given: every branch's first shot,
                    # then the rest, the likeliest branch first; once one is chosen, its shots are
                    # due where they play.
                    return pool.render(jobs, visual, cache, GUESS, due_by(pacer, [], 0, [starts / fps] * len(jobs)))

                return _Ahead({o: nxt for o, nxt in branches.items() if nxt.episode == beat.episode}, draw, render)

            cut: EpisodeCut | None = None
            last: Beat | None = None
            episode_start = 0
            early: dict[str, Future[ShotResult]] = {}  # (by render key: draw_first's shot)
            while True:
                made = total_frames / fps
                # (Not after a choice: asking the viewer is the wait, and they should be asked at once.)
                choosing = live and last is not None and last.choice is not None and not last.ending
                if pacer is not None and not choosing and pacer.should_wait(made):
                    # The viewer is far behind: hand over all that is made, then wait for them.
                    if cut is not None:  # (before the first beat there is no sound to hand over)
                        flush()
                    pacer.wait(made)
                elif pacer is not None and not choosing and cut is not None and \
                        -math.inf < pacer.ahead(track().samples / SAMPLE_RATE) < SOUND_LEAD_S:
                    # The viewer is about to reach the end of the sound handed over (the film's
                    # opening, or production behind): the last beat's sound now, with a hard join,
                    # rather than after the next beat is voiced and cut (the stream waits for it).
                    flush()
                if choosing and prefetch:
                    assert last is not None and cut is not None
                    ahead = draw_ahead(cut, last)
                    ahead.start()
                try:
                    step = next(walk, None)  # (at a choice: the viewer is asked now, while its branches are drawn)
                finally:
                    if ahead is not None:
                        ahead.choose(None)
                        ahead.join()  # (at most the line it is voicing of the branch taken)
                        ahead = None
                if step is None:
                    break
                step = within_rating(story, walk, profile)  # before any of it is drawn or streamed
                beat = story.graph.beat(step.beat)
                voicing: Future[tuple[list[SpeechTiming], dict[tuple[str, int], Speech]]] | None = None
                opening = cut is None  # the film's first beat
                if cut is None or beat.episode != cut.number:
                    # The episode's first beat is voiced while the cards before it (the last
                    # episode's end, its title) are cut, mixed and drawn: it is what the viewer
                    # waits for once they are over.
                    voicing = in_background(voice_lines, story, PlayPath(story_id=story.id, steps=[step]), backend,
                                            seed=seed)
                    track()
                    close_episode()
                    cut = camera.cut(beat.episode, [])
                    episode_start = total_frames
                    shoot(cut.title(beat))
                    if episode_start == 0:
                        # The film's opening card goes out with its own sound now (a hard
                        # cut into the first scene), so the first segment never waits for
                        # the first beat to be voiced.
                        flush()
                    # (after the card: what the viewer sees first is drawn and mixed first)
                    draw_first(cut, beat, step, total_frames)
                t = time.perf_counter()  # (voices: only the time production waited for them)
                timings, said = (voicing.result() if voicing is not None else
                                 voice_lines(story, PlayPath(story_id=story.id, steps=[step]), backend, seed=seed))
                speech.update(said)
                lines_done += len(timings)
                report("voices", min(lines_done, lines_total), lines_total)
                spent["voices"] += time.perf_counter() - t
                # A live film's opening (its viewer waits at the end of the title card), or a beat
                # its viewer is near (within SPLIT_NEAR_S of the end of the sound handed over):
                # its first seconds' sound goes out before the rest of the beat is mixed.
                near = pacer is not None and (opening or -math.inf < pacer.ahead(track().samples / SAMPLE_RATE)
                                              < SPLIT_NEAR_S)
                shoot(cut.beat(beat, telling(story, step), walk.visits[beat.id], timings,
                               pacing=pacing(beat) if pacing is not None else None),
                      OPENING_SPLIT_S if near else None, pieces=near)
                if live and last is not None and last.choice is not None:
                    # The beat a viewer just chose: its sound now, not after the next beat, so
                    # the stream goes on the moment they pick.
                    flush()
                last = beat
                if beat.choice is not None and live:
                    # The viewer decides while this beat plays: hand over all of it now, and ask
                    # them at once (the first beat of every branch on offer is drawn meanwhile).
                    flush()
            close_episode()
            t = time.perf_counter()
            rest = track().finish()
            spent["audio"] += time.perf_counter() - t
            hand_over(rest, last=True)
            # While the last shots are drawn: the sound's QC and the files kept beside the film
            # need only the cut and the mix, which are done.
            t = time.perf_counter()
            audio = np.concatenate(audio_parts)
            sound = check_sound(audio, SAMPLE_RATE, fps=fps)
            spent["qc"] = time.perf_counter() - t
            if stems is not None:
                stems.close(len(audio))
            if keep:
                extras.append(write_vtt(out.with_suffix(".vtt"), lists, names))
                extras.append(write_otio(out.with_suffix(".otio"), build_timeline(
                    lists, backend=f"{visual.name}/{visual.version}", name=story.bible.title, media_url=out.name,
                    path=PlayPath(story_id=story.id, steps=walk.steps), graph=story.graph, names=names,
                    bible=story.bible)))
            writer.finish()  # (the stream ended with the last shot: _InOrder.run)
    except BaseException:
        if stems is not None:
            stems.close()
        for path in extras:  # no film: nothing beside it either
            path.unlink(missing_ok=True)
        raise
    finally:
        if writer is not None:
            writer.close()
    if signer is not None:
        signer.check()
    qc_before = spent.pop("qc", 0.0)
    stages = {**spent, "pictures_and_encode": time.perf_counter() - t0 - sum(spent.values()) - qc_before}
    results = writer.results
    if segments_dir is not None:
        extras.append(segments_dir)

    t = time.perf_counter()
    qc = check_render(out, expect_seconds=total_frames / fps, fps=fps, width=width, height=height,
                      black=np.concatenate(writer.black), same=np.concatenate(writer.same),
                      audio=audio, sample_rate=SAMPLE_RATE, label=label, sound=sound)
    check_lines(qc, lists, fps)  # lines a voice could not say as written: where, and what it did
    stages["qc"] = time.perf_counter() - t + qc_before
    t = time.perf_counter()
    manifest = manifest_for(story.bible.title)
    sign(out, manifest, keys)
    stages["sign"] = time.perf_counter() - t
    episode_of = {shot.id: shot.episode for sl in lists for shot in sl.shots}
    for r in results:  # the pictures: each worker's CPU time for the shots it drew
        ledger.add("pictures", "cpu_seconds", r.cpu_seconds, episode_of.get(r.shot_id, 0))
    book_declared(ledger, results, lists, fps, visual=visual, voice=backend.backend, music=music)
    cost = ledger.close({sl.episode: sl.seconds for sl in lists})
    failed = list({r.shot_id: r.failed for r in results if r.failed}.items())
    shots = [shot for sl in lists for shot in sl.shots]
    # Per shot, however many jobs it was drawn in (``in_pieces``, a restyle): drawn if any was.
    drawn: dict[str, bool] = {}
    for r in results:
        drawn[r.shot_id] = drawn.get(r.shot_id, False) or not r.cached
    return FilmResult(path=out, seconds=total_frames / fps, frames=total_frames, episodes=len(lists),
                      shots=len(shots), qc=qc, mix=summarise_mix(track().reports, qc, audio),
                      stage_seconds=stages, failed_shots=[sid for sid, _ in failed], failures=dict(failed),
                      rendered_shots=sum(drawn.values()), cached_shots=sum(not d for d in drawn.values()),
                      drawn=[sid for sid, d in drawn.items() if d],
                      lists=lists, extras=extras, manifest=manifest, signed_by=keys.where, cost=cost,
                      played=PlayPath(story_id=story.id, steps=walk.steps),
                      state=dict(walk.state))


def in_background(fn: Callable[..., T], *args: object, **kw: object) -> Future[T]:
    """``fn(*args, **kw)`` on a thread of its own; its result (or error) from the future."""
    f: Future[T] = Future()

    def run() -> None:
        try:
            f.set_result(fn(*args, **kw))
        except BaseException as e:  # noqa: BLE001 - raised where the result is asked for
            f.set_exception(e)

    threading.Thread(target=run, name="dreamreel-voicing", daemon=True).start()
    return f


class _GivenUp(Exception):
    """A branch drawn ahead that the viewer did not take: left at the line it was voicing."""


class _Ahead(threading.Thread):
    """Draws the branches of a choice while the viewer chooses: each is voiced and cut
    (``draw(beat, given_up)``, in the order given) and its first shot sent to be drawn
    (``render``), then the rest of every branch, so whichever they pick starts without a wait.
    Once they have chosen (``choose``), a branch not taken is given up at its next line, the
    others are not sent, and their shots still waiting for a worker are taken back."""

    def __init__(self, branches: dict[str, Beat], draw: Callable[[Beat, Callable[[], bool]], list[ShotJob]],
                 render: Callable[[list[ShotJob]], list[Future[ShotResult]]]):
        super().__init__(name="dreamreel-draw-ahead", daemon=True)
        self.branches, self.draw, self._render = branches, draw, render
        self.taken: str | None = None  # the beat chosen ("": none of these, or production stopped)
        self._sent: list[tuple[str, Future[ShotResult]]] = []
        self._lock = threading.Lock()

    def render(self, beat_id: str, jobs: list[ShotJob]) -> None:
        with self._lock:
            if self._given_up(beat_id):
                return
            self._sent += [(beat_id, f) for f in self._render(jobs)]

    def choose(self, option_id: str | None) -> None:
        with self._lock:
            if self.taken is None:
                branch = self.branches.get(option_id or "")
                self.taken = branch.id if branch is not None else ""
                for beat_id, f in self._sent:
                    if beat_id != self.taken:
                        f.cancel()  # (one being drawn is finished; one waiting never starts)

    def _given_up(self, beat_id: str) -> bool:
        return self.taken is not None and self.taken != beat_id

    def run(self) -> None:
        rest: list[tuple[str, list[ShotJob]]] = []
        for beat in self.branches.values():
            if self.taken is not None:
                break
            try:
                jobs = self.draw(beat, functools.partial(self._given_up, beat.id))
            except _GivenUp:
                continue
            except Exception as e:  # noqa: BLE001 - a guess drawn ahead; the real cut draws it if it is needed
                _log.warning("a branch drawn ahead failed (%s: %s)", type(e).__name__, e)
                continue
            self.render(beat.id, jobs[:1])
            rest.append((beat.id, jobs[1:]))
        for beat_id, jobs in rest:
            if jobs:
                self.render(beat_id, jobs)


class Pacer(Protocol):
    """Keeps a film being made just ahead of the one watching it.

    Two leads: production (voices, cut, pictures) runs up to ``should_wait``'s lead ahead of
    the viewer; the stream only ``stream_lead_s`` ahead, so the shots drawn but not yet streamed
    can still be changed (``attach``) and what the director decides shows within seconds.
    """

    #: Film seconds of stream to keep ahead of the viewer's playhead.
    stream_lead_s: float
    #: A filter on the sound as it goes into the stream: ``sound(samples, at)`` for the piece
    #: starting at film sample ``at`` (None: as mixed; see ``synth.music.pulse``).
    sound: Callable[[np.ndarray, int], np.ndarray] | None

    def should_wait(self, made_s: float) -> bool:
        """With ``made_s`` seconds of film made, should production wait for the viewer?"""
        ...

    def wait(self, made_s: float) -> None:
        """Block until the viewer has caught up enough (everything made is in the stream by then)."""
        ...

    def ahead(self, at_s: float) -> float:
        """Seconds of film from the viewer's playhead to ``at_s`` (minus infinity when nobody is
        watching: everything is due now, and a film nobody watches is drawn after the shots of
        films being watched, ``due_by``)."""
        ...

    def attach(self, restyle: Callable[[Restyle, Callable[[float], None]], None]) -> None:
        """Production hands over how to change the look of what is not streamed yet:
        ``restyle(change, shown)``; ``shown(at_s)`` is told where the change first shows, when
        it goes into the stream."""
        ...


def in_pieces(jobs: list[ShotJob], as_cut: list[Shot], visual: VisualBackend, cache: Cache,
              pool: RenderPool) -> tuple[list[ShotJob], list[Shot]]:
    """Each shot as jobs of one keyframe interval (``ShotJob.first`` .. ``end``), with the shot
    as cut beside each: a beat a live viewer waits for (the film's opening, at the end of the
    title card; a beat they are near). Its first second is drawn (and streamed) as soon as that
    much is drawn, and every worker draws the shot at once: under load the whole of the opening
    scene's main shot (4.6 s, cut from the voices' timings) took 2.5-8 s to draw once the voices
    were done, and the stream stalled at film second 4.4 for it (bench/serve.py --busy 2). The
    same frames, keyframes where the whole shot has them; a shot already in the cache whole
    (drawn for an earlier film) or being drawn whole (a branch drawn ahead) is taken whole."""
    out: list[ShotJob] = []
    cut: list[Shot] = []
    for job, shot in zip(jobs, as_cut):
        step = job.key_every
        if job.first or job.end is not None or job.frames <= step or pool.drawing(job, visual) or \
                cached_result(job, shot_key(job, visual), cache) is not None:
            out.append(job)
            cut.append(shot)
            continue
        for first in range(0, job.frames, step):
            out.append(dataclasses.replace(job, first=first, end=min(first + step, job.frames)))
            cut.append(shot)
    return out, cut


def due_by(pacer: Pacer | None, jobs: list[ShotJob], first_frame: int,
           starts: list[float] | None = None) -> list[Due] | None:
    """When playback needs each of ``jobs`` (shots one after another from film frame
    ``first_frame``; or pieces starting at film seconds ``starts``): the moment the viewer's
    playhead reaches it, for the pool to draw first what any viewer needs first (None: no viewer,
    the film is made in order)."""
    if pacer is None:
        return None
    if starts is None:
        starts, frame = [], first_frame
        for job in jobs:
            starts.append(frame / job.fps)
            frame += job.frames
    return [functools.partial(_due, pacer, at) for at in starts]


def _due(pacer: Pacer, at_s: float) -> float:
    ahead = pacer.ahead(at_s)
    return math.inf if ahead == -math.inf else time.monotonic() + ahead


#: A piece whose changed version is not drawn yet goes into the stream as first drawn once the
#: viewer is this close to it, so a change never stalls the picture.
URGENT_S = 0.5


@dataclass
class _Piece:
    """What the encoder takes in one go: a whole shot, or (live) one keyframe interval of one."""

    job: ShotJob
    future: Future[ShotResult]
    offset: int          # first frame of the piece in the job's chunk
    count: int
    film_frame: int      # where it falls in the film
    origin: Shot         # the shot as the camera cut it (a look is always applied to this)
    #: The restyle this piece carries (0: none), told when the piece goes into the stream.
    change: int = 0
    #: The piece as first drawn, while a changed version is being drawn.
    fallback: tuple[ShotJob, Future[ShotResult], int] | None = None

    @property
    def shot_frame(self) -> int:
        return self.job.first + self.offset


class _InOrder(threading.Thread):
    """Hands finished shots to the encoder in film order, on its own thread, each as soon as it
    is drawn and the sound under it has been given (so every stream segment carries its audio),
    while the caller goes on voicing and cutting later beats.

    Live (``pacer``): shots go in a keyframe interval at a time, each only when the viewer is
    within ``stream_lead_s`` of it; until then ``restyle`` can have it drawn again, changed. The
    sound is held back with them, each piece's going to the encoder just before its picture, through
    the pacer's ``sound`` filter (a layer the director adds, heard a second after it asks)."""

    def __init__(self, enc: Encoder, pool: RenderPool, visual: VisualBackend, cache: Cache,
                 progress: Callable[[int], None], *, pacer: Pacer | None = None, piece_frames: int | None = None):
        super().__init__(name="dreamreel-shots-in-order", daemon=True)
        self.enc, self.pool, self.visual, self.cache, self.progress = enc, pool, visual, cache, progress
        self.pacer, self.piece_frames = pacer, piece_frames
        self.pending: deque[_Piece] = deque()
        self.results: list[ShotResult] = []
        #: Per streamed frame: the QC flags (black, unchanged) its render measured.
        self.black: list[np.ndarray] = []
        self.same: list[np.ndarray] = []
        self.error: BaseException | None = None
        #: The look every shot cut from now on gets (None: as the camera cut it), and its number.
        self.style: Restyle | None = None
        self._change = 0
        #: Told (film second) when the first piece with each change goes into the stream.
        self._on_shown: dict[int, Callable[[float], None]] = {}
        self._done: dict[Future[ShotResult], ShotResult] = {}
        self._audio_samples = 0
        #: Live: the sound given but not yet in the encoder, from film sample ``_audio_out`` on.
        self._held: deque[np.ndarray] = deque()
        self._audio_out = 0
        self._video_frames = 0
        self._cut_frames = 0
        self._all_given = False
        self._closing = False
        self._cond = threading.Condition()

    def styled(self, shots: list[Shot]) -> list[Shot]:
        style = self.style
        return shots if style is None else [style(shot) for shot in shots]

    def add(self, jobs: list[ShotJob], futures: list[Future[ShotResult]], as_cut: list[Shot]) -> None:
        self.check()
        with self._cond:
            for job, future, origin in zip(jobs, futures, as_cut):
                step = self.piece_frames or job.frames
                change = self._change if job.shot != origin else 0
                self.pending.extend(_Piece(job, future, o, min(step, job.frames - o), self._cut_frames + o, origin,
                                           change) for o in range(0, job.frames, step))
                self._cut_frames += job.frames
            self._cond.notify()

    def restyle(self, change: Restyle, shown: Callable[[float], None] | None = None) -> None:
        """Shots cut from now on get ``change`` whole; the pieces cut but not streamed yet are
        drawn again with its light (a framing or setting that changed part way through a shot
        would jump). ``shown(at_s)`` is told when the first changed picture goes into the stream,
        and where in the film it is."""
        self.check()
        with self._cond:
            self.style = change
            self._change += 1
            if shown is not None:
                self._on_shown[self._change] = shown
            waiting = [p for p in self.pending if self.pacer is None
                       or self.pacer.ahead(p.film_frame / p.job.fps) > URGENT_S + 0.25]
            by_job: dict[int, list[_Piece]] = {}
            for p in waiting:
                by_job.setdefault(id(p.job), []).append(p)
            for pieces in by_job.values():
                old = pieces[0]
                lit = change(old.origin)
                shot = old.job.shot.model_copy(update={"lighting": lit.lighting, "tension": lit.tension})
                if shot == old.job.shot:
                    continue
                # A job a piece, so the first one is drawn (and streamed) as soon as can be.
                jobs = [dataclasses.replace(p.job, shot=shot, first=p.shot_frame, end=p.shot_frame + p.count)
                        for p in pieces]
                due = due_by(self.pacer, [], 0, [p.film_frame / p.job.fps for p in pieces])
                for p, job, future in zip(pieces, jobs, self.pool.render(jobs, self.visual, self.cache, NEEDED, due)):
                    if p.fallback is None:
                        p.fallback = (p.job, p.future, p.offset)
                    p.job, p.future, p.offset, p.change = job, future, 0, self._change

    def give_audio(self, samples: np.ndarray, total: int, *, last: bool = False) -> None:
        self.check()
        if samples.shape[0] and self.pacer is None:
            self.enc.write_audio(samples)  # queued before any chunk that needs it is written
        with self._cond:
            if samples.shape[0] and self.pacer is not None:
                self._held.append(samples)
            self._audio_samples, self._all_given = total, last
            self._cond.notify()

    def check(self) -> None:
        """Raise what went wrong on the writing thread (a shot's error, the encoder's)."""
        if self.error is not None:
            raise self.error

    def run(self) -> None:
        try:
            while True:
                with self._cond:
                    while not self._closing and not self._ready():
                        # Waiting on the viewer is polled: their playhead moves without telling us.
                        self._cond.wait(timeout=0.05 if self.pacer is not None else None)
                    closing = self._closing
                    piece = self.pending.popleft() if self.pending and not closing else None
                if piece is None:
                    if not closing:  # (the film's last sound, outside the lock: its filter logs)
                        self._sound_out(None)
                        # Every shot and all the sound are in: the stream ends now, not once
                        # the caller is done with the mix's QC and the MP4 is finished.
                        self.enc.end_stream()
                    return
                job, future, offset = self._choose(piece)
                if piece.change and future is piece.future and piece.change in self._on_shown:
                    self._on_shown.pop(piece.change)(piece.film_frame / piece.job.fps)
                result = self._done.get(future)
                if result is None:
                    result = self._done[future] = self.pool.result(future, job, self.visual, self.cache)
                    self.results.append(result)
                self._sound_out((self._video_frames + piece.count) * SAMPLE_RATE // piece.job.fps)
                self.enc.write_chunk(result.path, offset, piece.count)
                self.black.append(result.black[offset:offset + piece.count])
                self.same.append(result.same[offset:offset + piece.count])
                self._video_frames += piece.count
                self.progress(self._video_frames)
        except BaseException as e:  # noqa: BLE001 - raised on the caller's thread by check()
            self.error = e

    def _sound_out(self, until: int | None) -> None:
        """Live: hand the encoder the sound held back, up to film sample ``until`` (None: all of
        it), through the pacer's ``sound`` filter."""
        if self.pacer is None:
            return
        with self._cond:
            parts = []
            while self._held and (until is None or self._audio_out < until):
                x = self._held.popleft()
                take = x.shape[0] if until is None else min(x.shape[0], until - self._audio_out)
                if take < x.shape[0]:
                    self._held.appendleft(x[take:])
                parts.append((self._audio_out, x[:take]))
                self._audio_out += take
        sound = self.pacer.sound
        for at, x in parts:
            self.enc.write_audio(sound(x, at) if sound is not None else x)

    def _choose(self, piece: _Piece) -> tuple[ShotJob, Future[ShotResult], int]:
        """The changed piece if it is drawn in time, else the piece as first drawn."""
        if piece.fallback is None or self.pacer is None:
            return piece.job, piece.future, piece.offset
        fps = piece.job.fps
        while not piece.future.done() and self.pacer.ahead(piece.film_frame / fps) > URGENT_S and not self._closing:
            time.sleep(0.01)
        return (piece.job, piece.future, piece.offset) if piece.future.done() else piece.fallback

    def _held_for_viewer(self) -> bool:
        if self.pacer is None or not self.pending:
            return False
        p = self.pending[0]
        return self.pacer.ahead(p.film_frame / p.job.fps) > self.pacer.stream_lead_s

    def _ready(self) -> bool:
        if not self.pending:
            return self._all_given  # nothing more will come
        p = self.pending[0]
        end = (self._video_frames + p.count) * SAMPLE_RATE // p.job.fps
        return (self._all_given or self._audio_samples >= end) and not self._held_for_viewer()

    def finish(self) -> None:
        """Wait until every shot is written; raise what went wrong."""
        self.join()
        self.check()

    def close(self) -> None:
        with self._cond:
            self._closing = True
            self._cond.notify()
        if self.is_alive():
            self.join()
        for p in self.pending:
            p.future.cancel()
        for r in self.results:
            if r.temporary:
                r.path.unlink(missing_ok=True)


class _StreamSigner:
    """Signs each episode of a stream once the last of its segments is out (a C2PA manifest beside
    the segments, see ``trust.provenance.sign_stream_episode``): what is signed is what was streamed."""

    def __init__(self, segments: SegmentWriter, manifest_for: Callable[[int], dict], keys: Keys, fps: int):
        self.segments, self.manifest_for, self.keys = segments, manifest_for, keys
        self.tolerance = 0.5 / fps
        self.waiting: deque[tuple[int, float, float]] = deque()  # (episode, start s, end s), cut, not all out
        self.error: BaseException | None = None
        self._lock = threading.Lock()
        segments.on_segment = self._saved

    def episode_done(self, episode: int, start_s: float, end_s: float) -> None:
        with self._lock:
            self.waiting.append((episode, start_s, end_s))
        if self.segments.segments:  # (it may all be out already)
            self._saved(self.segments.segments[-1])

    def _saved(self, seg: SegmentInfo) -> None:  # on the encoder's thread
        out_to = seg.start + seg.duration
        while True:
            with self._lock:
                if not self.waiting or out_to < self.waiting[0][2] - self.tolerance:
                    return
                episode, start, end = self.waiting.popleft()
            files = [s.file for s in self.segments.segments
                     if s.start + s.duration > start + self.tolerance and s.start < end - self.tolerance]
            try:
                sign_stream_episode(self.segments.out_dir, episode, files, (start, end), self.manifest_for(episode),
                                    self.keys)
            except Exception as e:  # noqa: BLE001 - raised on the production thread (check), not into the muxer
                self.error = self.error or e

    def check(self) -> None:
        if self.error is not None:
            raise self.error


def book_declared(ledger: Ledger, results: list[ShotResult], lists: list[ShotList], fps: int, *,
                  visual: VisualBackend, voice: VoiceBackend, music: MusicBackend) -> None:
    """What the backends declare they charge (``cost_per_second``, USD): the pictures for the
    shots drawn this time (a shot from the cache is not paid for again), the voices and the
    score for each episode's length."""
    from .backends import declared

    drawing = declared("visual", visual).cost_per_second
    if drawing:
        episode_of = {shot.id: shot.episode for sl in lists for shot in sl.shots}
        for r in results:
            if not r.cached:
                ledger.add("pictures", "declared_usd", drawing * r.frames / fps, episode_of.get(r.shot_id, 0))
    for stage, price in (("voices", declared("voice", voice).cost_per_second),
                         ("music", declared("music", music).cost_per_second)):
        for sl in lists if price else ():
            ledger.add(stage, "declared_usd", price * sl.seconds, sl.episode)


def summarise_mix(reports: list[MixReport], qc: QCReport, audio: np.ndarray) -> MixReport:
    """One report for the whole film from the chunks' reports and the QC's measurement."""
    lufs = qc.measured.get("loudness_lufs")
    peak = float(np.abs(audio).max()) if audio.size else 0.0
    heard = [r for r in reports if not r.silent]
    tp = [r.true_peak_dbtp for r in heard if r.true_peak_dbtp is not None]
    return MixReport(
        lufs=float(lufs) if isinstance(lufs, float) else None, target_lufs=reports[0].target_lufs if reports else -16.0,
        peak=peak, peak_dbfs=round(20 * float(np.log10(peak)), 2) if peak > 0 else None,
        true_peak_dbtp=max(tp) if tp else None,
        ducking_db=round(float(np.median([r.ducking_db for r in heard])), 2) if heard else 0.0,
        music_gain_db=None, ambience_gain_db=None,
        limiter_db=max((r.limiter_db for r in heard), default=0.0),
        lines=sum(r.lines for r in reports), truncated_lines=0, silent=not heard)


def check_cast(story: Story) -> None:
    """Every character a beat names is in the bible: one clear line before any work is done."""
    cast = {c.id for c in story.bible.cast}
    for beat in story.graph.beats:
        speakers = [ln.speaker for told in (beat, *beat.variants.values()) for ln in told.lines]
        for cid in dict.fromkeys([*beat.characters, *speakers]):
            if cid != "narrator" and cid not in cast:
                raise BadInputError(f"beat {beat.id} names character {cid!r}, who is not in the bible's cast "
                                    f"({', '.join(sorted(cast))})")
