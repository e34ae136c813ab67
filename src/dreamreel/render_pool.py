"""Pictures: shots become encoded video chunks, in worker processes, through the content cache.

    Shot (+ bible, mouths) --key--> cache hit? ----------------------------> chunk file
                                        | miss
                                        v
                       worker: visual backend frames -> encode_chunk -> cache

Each shot is rendered and encoded on its own (``edit.encode.encode_chunk``), so shots run on
every core at once and ``Encoder.write_chunk`` joins the chunks without decoding them. A
chunk's cache key is everything that decides its pixels (the shot without its id and position,
the looks of who is in it, the mouth tracks, size, frame rate, label, backend and its version,
encoder settings), so a second render of the same story finds every chunk, and editing one
beat re-renders only the shots whose content changed.

While a worker renders it also takes the picture QC measurements (black and unchanged frames)
on a subsampled luma, so the film is never decoded again just to look for them. A shot whose
backend raises is replaced by a labelled card and reported; a worker that dies is replaced and
the shot gets the same card.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import itertools
import math
import multiprocessing
import os
import select
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

import av
import cv2
import numpy as np

from .backends import declared
from .edit.encode import DEFAULT_CRF, DEFAULT_PRESET, chunk_options, encode_chunk
from .edit.qc import BLACK_LEVEL, BLACK_SHARE, FREEZE_TOLERANCE
from .errors import DreamreelError
from .model.bible import Bible
from .edit.label import labelled
from .model.label import Label, as_label
from .model.shot import Shot
from .store.cache import Cache, cache_key
from .synth.visual import HeldFrame, ProceduralBackend, VisualBackend


@dataclass
class ShotJob:
    shot: Shot
    bible: Bible
    width: int
    height: int
    fps: int
    mouths: dict[str, np.ndarray] = field(default_factory=dict)
    #: The burned-in label (None: none; True/False are taken for the default label / none).
    label: Label | None = field(default_factory=Label)
    preset: str = DEFAULT_PRESET
    crf: int = DEFAULT_CRF
    #: Frames between forced keyframes inside a shot (stream segments may start there).
    key_every: int = 48
    #: Draw only frames ``first`` .. ``end - 1`` of the shot (a live director restyling the
    #: part of a shot not yet streamed, a keyframe interval at a time; None: to the shot's end).
    first: int = 0
    end: int | None = None

    def __post_init__(self) -> None:
        self.label = as_label(self.label)

    @property
    def frames(self) -> int:
        return (self.shot.frames if self.end is None else self.end) - self.first


@dataclass
class ShotResult:
    shot_id: str
    path: Path
    frames: int
    cached: bool
    #: Why the shot's own render failed (it was replaced by a labelled card), else None.
    failed: str | None = None
    #: The chunk is not in the cache (a failed shot's card): the caller removes it when done.
    temporary: bool = False
    #: Per frame: nearly no pixel above the black level; no luma change from the frame before.
    black: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    same: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    seconds: float = 0.0
    #: CPU seconds the worker spent drawing and encoding it (0 when it came from the cache).
    cpu_seconds: float = 0.0
    #: Wall-clock time (time.time()) the worker started on the shot.
    started: float = 0.0


def shot_key(job: ShotJob, backend: VisualBackend) -> str:
    """The content address of a shot's chunk (see the module docstring for what goes in)."""
    shot = job.shot
    who = dict.fromkeys([*shot.on_screen, *([shot.focus] if shot.focus else [])])
    looks = {cid: job.bible.character(cid).look.model_dump(mode="json") for cid in who
             if any(c.id == cid for c in job.bible.cast)}
    inputs = {
        "shot": shot.model_dump(mode="json", exclude={"id", "start_frame"}),
        "looks": looks,
        "genres": sorted(job.bible.genres),
        "title": job.bible.title,
        "mouths": {cid: hashlib.sha256(np.ascontiguousarray(m, np.float32).tobytes()).hexdigest()
                   for cid, m in sorted(job.mouths.items())},
        "size": [job.width, job.height], "fps": job.fps, "label": _label_key(job.label),
        "encode": {**chunk_options(job.preset, job.crf), "key_every": job.key_every,
                   "libavcodec": av.library_versions.get("libavcodec")},
        **({"first": job.first} if job.first else {}),
        **({"end": job.end} if job.end is not None else {}),
    }
    return cache_key("shot", backend.name, backend.version, inputs)


def _label_key(label: Label | None) -> bool | dict:
    """True / False for the default label / none (the keys chunks had before labels had words and
    corners, so those chunks are still found), else the label's text and corner."""
    if label is None or label == Label():
        return label is not None
    return label.model_dump(mode="json")


def fallback_shot(shot: Shot) -> Shot:
    """A card that says which shot is missing, so a failed shot never stalls or corrupts the film."""
    return shot.model_copy(update={"kind": "title", "on_screen": [], "focus": None,
                                   "caption": f"(shot {shot.id} could not be rendered)"})


class _Scan:
    """Per-frame black / unchanged flags on every fourth pixel's luma (cheap next to rendering)."""

    def __init__(self, frames: int):
        self.black = np.zeros(frames, bool)
        self.same = np.zeros(frames, bool)
        self.prev: np.ndarray | None = None
        self.i = 0

    def __call__(self, frame: np.ndarray) -> None:
        if isinstance(frame, HeldFrame) and self.prev is not None and 0 < self.i < len(self.black):
            self.black[self.i], self.same[self.i] = self.black[self.i - 1], True
            self.i += 1
            return
        # Every fourth pixel (nearest), to luma: OpenCV does both in ~0.2 ms at 720p.
        h, w = frame.shape[:2]
        small = cv2.resize(frame.view(np.ndarray), ((w + 3) // 4, (h + 3) // 4), interpolation=cv2.INTER_NEAREST)
        luma = cv2.cvtColor(small, cv2.COLOR_RGBA2GRAY if frame.shape[2] == 4 else cv2.COLOR_RGB2GRAY)
        if self.i < len(self.black):
            self.black[self.i] = np.count_nonzero(luma > BLACK_LEVEL) < BLACK_SHARE * luma.size
            self.same[self.i] = self.prev is not None and int(cv2.absdiff(luma, self.prev).max()) <= FREEZE_TOLERANCE
        self.prev = luma
        self.i += 1


def _flags_key(key: str) -> str:
    return hashlib.sha256(f"{key}:qc-flags".encode()).hexdigest()


def cached_result(job: ShotJob, key: str, cache: Cache) -> ShotResult | None:
    """The shot's chunk and its QC flags from the cache, or None if either is missing."""
    hit = cache.get(key)
    flags = cache.get_bytes(_flags_key(key))
    n = job.frames
    if hit is None or flags is None or len(flags) != 2 * ((n + 7) // 8):
        return None
    bits = np.unpackbits(np.frombuffer(flags, np.uint8)).astype(bool)
    half = len(bits) // 2
    return ShotResult(job.shot.id, hit, n, cached=True, black=bits[:n], same=bits[half:half + n])


def render_job(job: ShotJob, backend: VisualBackend, cache: Cache, key: str | None = None) -> ShotResult:
    """Render and encode one shot into the cache (or find it there). Runs in a worker process."""
    t0, started, cpu0 = time.perf_counter(), time.time(), time.process_time()
    key = key or shot_key(job, backend)
    hit = cached_result(job, key, cache)
    if hit is not None:
        return hit
    tmp_dir = cache.root / "tmp"
    tmp_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f"{key[:16]}.", suffix=".mp4", dir=tmp_dir)
    os.close(fd)
    failed = None
    try:
        scan = _Scan(job.frames)
        try:
            # The backend draws the picture; the label is laid over it here, whatever drew it.
            frames = backend.render_shot(job.shot, job.bible, width=job.width, height=job.height, fps=job.fps,
                                         mouths=job.mouths, label=None,
                                         **({"first": job.first} if job.first else {}))
            n = _encode(labelled(frames, job.label, job.width, job.height), tmp, job, scan)
        except DreamreelError:
            raise
        except Exception as e:  # noqa: BLE001 - any backend failure becomes the labelled card
            failed = f"{type(e).__name__}: {e}"
            scan = _Scan(job.frames)
            # The card comes from the built-in renderer, whatever backend just failed.
            frames = ProceduralBackend().render_shot(fallback_shot(job.shot), job.bible, width=job.width,
                                                     height=job.height, fps=job.fps, first=job.first)
            n = _encode(labelled(frames, job.label, job.width, job.height), tmp, job, scan)
        if n != job.frames:
            raise DreamreelError(f"the {backend.name} renderer drew {n} frames for shot {job.shot.id}, "
                                 f"planned {job.frames}")
        # A failed shot's card is not cached: the next render tries the shot again.
        if failed is None:
            cache.put(_flags_key(key), np.packbits(scan.black).tobytes() + np.packbits(scan.same).tobytes())
            path = cache.adopt(key, Path(tmp))
        else:
            path = Path(tmp)
        tmp = None
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
    return ShotResult(job.shot.id, path, n, cached=False, failed=failed, temporary=failed is not None,
                      black=scan.black, same=scan.same, seconds=time.perf_counter() - t0,
                      cpu_seconds=time.process_time() - cpu0, started=started)


def _encode(frames, tmp: str, job: ShotJob, scan: _Scan) -> int:  # type: ignore[no-untyped-def]
    # Only as many frames as planned: a backend that draws more is caught by the count check
    # (a window that ends before the shot does takes just its frames).
    return encode_chunk(_take(frames, job.frames + (job.end is None)), tmp, width=job.width, height=job.height, fps=job.fps,
                        preset=job.preset, crf=job.crf, key_every=job.key_every, on_frame=scan)


def _take(it, n: int):  # type: ignore[no-untyped-def]
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x


# -- the worker processes ----------------------------------------------------------------------

_worker_backends: dict[bytes, VisualBackend] = {}
_worker_caches: dict[str, Cache] = {}


def _worker_init(owner: int | None = None) -> None:
    # One thread each for x264 and OpenCV: the processes are the parallelism.
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    import cv2

    cv2.setNumThreads(1)
    if owner is not None:
        _watch_owner(owner)


def _watch_owner(owner: int) -> None:
    """Leave when the process that owns the pool is gone, however it went (kill -9 included):
    a worker would otherwise wait on its queue for ever. The fork server then goes too (it lasts
    while any worker holds its pipe)."""
    def watch() -> None:
        try:
            fd = os.pidfd_open(owner)  # readable once that process has exited (Linux 5.3)
        except (AttributeError, OSError):
            fd = None
        if fd is not None:
            select.select([fd], [], [])
        else:
            while True:
                try:
                    os.kill(owner, 0)
                except ProcessLookupError:
                    break
                except PermissionError:
                    pass
                time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="dreamreel-owner-watch", daemon=True).start()


def _worker_render(job: ShotJob, backend_blob: bytes, backend: VisualBackend, cache_root: str,
                   key: str) -> ShotResult:
    # One backend object per worker, so its caches (backdrops) last across the shots it draws.
    be = _worker_backends.setdefault(backend_blob, backend)
    cache = _worker_caches.setdefault(cache_root, Cache(cache_root))
    return render_job(job, be, cache, key)


def _warm() -> int:
    return os.getpid()


@contextlib.contextmanager
def _main_hidden() -> Iterator[None]:
    """Start worker processes without re-running the caller's script in them.

    forkserver (like spawn) imports ``__main__`` by its path in every new process, so a script
    without an ``if __name__ == "__main__"`` guard would make a film in each worker. The workers
    only need dreamreel, so while they start, ``__main__`` does not say where it came from.
    One thread at a time (workers start on a thread of their own): a second thread's restore
    must not put the path back while the first is still starting a worker.
    """
    with _HIDING:
        main = sys.modules.get("__main__")
        saved = getattr(main, "__file__", None)
        spec = getattr(main, "__spec__", None)
        try:
            if main is not None and saved is not None:
                del main.__file__
            if main is not None and spec is not None:
                main.__spec__ = None
            yield
        finally:
            if main is not None and saved is not None:
                main.__file__ = saved
            if main is not None and spec is not None:
                main.__spec__ = spec


_HIDING = threading.RLock()


#: What a shot is for: playback will show it (a film's own shots, a live director's change), or
#: it is a guess (a branch drawn ahead while the viewer chooses: only one of them is taken).
NEEDED, GUESS = 0, 1

#: When a shot is needed, on the ``time.monotonic()`` clock, asked each time the pool picks its
#: next job (a viewer who pauses moves their shots back); ``math.inf``: nobody is watching.
Due = Callable[[], float]


@dataclass(eq=False)
class Waiting:
    """A job waiting for a worker (``args``: what ``_submit`` takes)."""

    rank: int                  # NEEDED or GUESS
    due: Due | None            # None: needed when it was given (a film made for later, in order)
    given: float               # time.monotonic() when it was given
    order: int                 # ties: in the order given
    future: Future[ShotResult]
    args: tuple

    def line(self) -> tuple[int, float, int]:
        """Its place in line (lowest first), earliest deadline first across every film:
        what someone watching needs, by when playback reaches it; then the guesses drawn for
        someone watching, by when their branch would play; then what nobody watches, in order."""
        due = self.given if self.due is None else self.due()
        if due == math.inf:
            return 2, 0.0, self.order
        return self.rank, due, self.order


def next_in_line(waiting: list[Waiting]) -> Waiting | None:
    """The job that goes to the next free worker (see ``Waiting.line``)."""
    return min(waiting, key=Waiting.line, default=None)


#: A title card due within this many seconds (a viewer looks at nothing until it is drawn: a
#: live film's opening) is drawn with the machine to itself: a job due later waits until it is
#: done (a job due as soon still goes). Drawn beside the film's first shot, on 2 cores beside
#: other work, the card came about 9% later (bench/serve.py --busy 2); the shot after it plays
#: 2.5 s later.
CARD_ALONE_S = 1.0


def urgent_card(w: Waiting, now: float) -> bool:
    """``w`` is a title card someone waits for now (see ``CARD_ALONE_S``)."""
    return w.args[0].shot.kind == "title" and w.due is not None and w.due() - now <= CARD_ALONE_S


def waits_for_card(w: Waiting, cards: Sequence[Waiting], now: float) -> bool:
    """``w`` waits while ``cards`` (being drawn) hold the machine: one of them is a card someone
    waits for, and ``w`` is not needed as soon."""
    if not any(urgent_card(c, now) for c in cards):
        return False
    due = w.given if w.due is None else w.due()
    return due - now > CARD_ALONE_S


class RenderPool:
    """Renders shots on ``workers`` processes (0: in this process). Reusable across films.

    Jobs wait here and go to the workers only as they free up, earliest deadline first across
    every film (``Waiting.line``): a job needed soon waits for at most the shot each worker is
    drawing, never behind a queue already handed to the processes, nor behind another film's
    shots that play later. A backend that declares a ``concurrency``
    (``backends.declared``: one GPU, a rate-limited API) has at most that many of its shots out
    at once; its other shots wait while other backends' shots take the free workers."""

    def __init__(self, workers: int | None = None):
        self.workers = (os.cpu_count() or 1) if workers is None else workers
        self._executor: ProcessPoolExecutor | None = None
        #: Shots being drawn, by key: asking again for one (a branch rendered ahead, then chosen)
        #: waits for the same work instead of doing it twice.
        self._inflight: dict[str, Future[ShotResult]] = {}
        self._waiting: list[Waiting] = []
        self._order = itertools.count()
        self._handed = 0  # jobs with the worker processes now
        #: Per backend (its blob): its shots out now (with the workers or drawn here), and how many may be.
        self._busy: dict[bytes, int] = {}
        self._caps: dict[bytes, int] = {}
        self._lock = threading.Lock()
        #: Set once the workers of the current executor are started (jobs wait here until then).
        self._up = threading.Event()
        self._up.set()
        self._drawing_here = False  # a card being drawn in this process while the workers start
        #: Title cards being drawn (see ``CARD_ALONE_S``).
        self._cards: list[Waiting] = []
        self.closed = False

    def start(self, warm: bool = False) -> None:
        """Start the workers (they take ~0.5-1 s to import the renderer) on a thread of their own,
        so the caller goes on (voicing, cutting, mixing) meanwhile; jobs given before they are up
        wait here and go to them at once. Each worker watches this process and leaves when it is
        gone (``_watch_owner``). ``warm`` (a server starting, with time before its first film):
        the fork server the workers come from first reads what a first shot would stop to read
        (``dreamreel.render_warm``, ~1 s once), so no worker's first shot waits on it; only where
        the fork server is not running yet."""
        if self.closed:
            raise DreamreelError("the render workers were shut down (the server is stopping)")
        if self.workers > 0 and self._executor is None:
            # forkserver: workers never inherit the threads of the voice model or the encoder.
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(["dreamreel.render_pool", *(["dreamreel.render_warm"] if warm else [])])
            executor = self._executor = ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=_worker_init,
                                                            initargs=(os.getpid(),))
            up = self._up = threading.Event()

            def spawn() -> None:
                try:
                    with _main_hidden():  # workers (and the fork server) start on submit
                        for i in range(self.workers):
                            executor.submit(_warm)
                            if i == 0:  # the first is up: the first shot need not wait for the rest
                                up.set()
                                self._pump()
                except (RuntimeError, BrokenProcessPool):
                    pass  # shut down or broken meanwhile: the next submit says so, or restarts
                finally:
                    up.set()
                    self._pump()

            threading.Thread(target=spawn, name="dreamreel-pool-start", daemon=True).start()

    def render(self, jobs: list[ShotJob], backend: VisualBackend, cache: Cache, rank: int = NEEDED,
               due: Sequence[Due] | None = None) -> list[Future[ShotResult]]:
        """Submit every job; the futures complete in any order, results are in ``jobs`` order.
        ``rank``: NEEDED or GUESS; ``due``: when each job is needed (None: now, in the order given).
        A job asked for again while it waits (a guess, then chosen) takes the better rank and
        that caller's deadline (the earlier deadline, where the rank is the same)."""
        keys = [shot_key(j, backend) for j in jobs]
        futures: list[Future[ShotResult]] = []
        if self.workers == 0:
            for j, k in zip(jobs, keys):
                f: Future[ShotResult] = Future()
                try:
                    f.set_result(render_job(j, backend, cache, k))
                except BaseException as e:  # noqa: BLE001 - delivered through the future like a worker's
                    f.set_exception(e)
                futures.append(f)
            return futures
        self.start()
        assert self._executor is not None
        blob = hashlib.sha256(f"{type(backend).__module__}.{type(backend).__qualname__}/{backend.version}"
                              .encode()).digest()
        at_once = declared("visual", backend).concurrency
        with self._lock:
            self._caps[blob] = min(self.workers, at_once or self.workers)
        dues: Sequence[Due | None] = due if due is not None else [None] * len(jobs)
        for j, k, d in zip(jobs, keys, dues):
            hit = cached_result(j, k, cache)  # hits are answered here, without a trip to a worker
            if hit is not None:
                f = Future()
                f.set_result(hit)
                futures.append(f)
            elif k in self._inflight and not self._inflight[k].done():
                f = self._inflight[k]
                with self._lock:  # still waiting: asked for again (a branch drawn ahead, chosen)
                    w = next((w for w in self._waiting if w.future is f), None)
                    if w is not None and rank < w.rank:
                        w.rank, w.due = rank, d if d is not None else w.due
                    elif w is not None and rank == w.rank and d is not None and (w.due is None or d() < w.due()):
                        w.due = d  # (the same shot twice in a film: due at its first showing)
                self._pump()
                futures.append(f)
            else:
                f = Future()
                with self._lock:
                    self._waiting.append(Waiting(rank, d, time.monotonic(), next(self._order), f,
                                                 (j, blob, backend, cache, k)))
                self._pump()
                self._inflight[k] = f
                f.add_done_callback(lambda _f, k=k: self._inflight.pop(k, None))
                futures.append(f)
        return futures

    def drawing(self, job: ShotJob, backend: VisualBackend) -> bool:
        """Whether ``job`` is waiting here or being drawn (asked for by an earlier ``render``)."""
        f = self._inflight.get(shot_key(job, backend))
        return f is not None and not f.done()

    def _pump(self) -> None:
        """Hand waiting jobs to the workers while one is free. While they start, a title or end
        card first in line is drawn here (a card is cheap, and it is what a film opens with)."""
        while True:
            with self._lock:
                if not self._waiting or self._handed >= self.workers:
                    return
                # the first in line whose backend has a slot free
                entry = next_in_line([w for w in self._waiting
                                      if self._busy.get(w.args[1], 0) < self._caps.get(w.args[1], 1)])
                if entry is None or waits_for_card(entry, self._cards, time.monotonic()):
                    return
                here = not self._up.is_set()
                if here and (self._drawing_here or entry.args[0].shot.kind not in ("title", "end")):
                    return
                self._waiting.remove(entry)
                f, args = entry.future, entry.args
                if f.running() or f.done() or not f.set_running_or_notify_cancel():
                    continue  # handed over already (it was asked for twice), or cancelled while it waited
                self._busy[args[1]] = self._busy.get(args[1], 0) + 1
                if args[0].shot.kind == "title":
                    self._cards.append(entry)
                    f.add_done_callback(lambda _f, entry=entry: self._card_done(entry))
                if here:
                    self._drawing_here = True
                else:
                    self._handed += 1
            if here:
                threading.Thread(target=self._draw_here, args=(f, *args), name="dreamreel-card", daemon=True).start()
                return
            try:
                inner = self._submit(*args)
            except BaseException as e:  # noqa: BLE001 - delivered through the future
                self._done_one(args[1])
                f.set_exception(e)
                continue
            inner.add_done_callback(lambda inner, f=f, blob=args[1]: self._relay(inner, f, blob))

    def _card_done(self, entry: Waiting) -> None:
        with self._lock:
            if entry in self._cards:
                self._cards.remove(entry)
        self._pump()

    def _draw_here(self, f: Future[ShotResult], job: ShotJob, blob: bytes, backend: VisualBackend, cache: Cache,
                   key: str) -> None:
        try:
            f.set_result(render_job(job, backend, cache, key))
        except BaseException as e:  # noqa: BLE001 - delivered through the future like a worker's
            f.set_exception(e)
        finally:
            with self._lock:
                self._drawing_here = False
                self._busy[blob] -= 1
            self._pump()

    def _relay(self, inner: Future[ShotResult], f: Future[ShotResult], blob: bytes) -> None:
        self._done_one(blob)
        if inner.cancelled():
            f.set_exception(BrokenProcessPool("the render workers were stopped"))
        elif inner.exception() is not None:
            f.set_exception(inner.exception())  # type: ignore[arg-type]
        else:
            _count_drawn(inner.result())
            f.set_result(inner.result())
        self._pump()

    def _done_one(self, blob: bytes) -> None:
        with self._lock:
            self._handed -= 1
            self._busy[blob] -= 1

    def _submit(self, job: ShotJob, blob: bytes, backend: VisualBackend, cache: Cache, key: str) -> Future[ShotResult]:
        assert self._executor is not None
        try:
            with _main_hidden():
                return self._executor.submit(_worker_render, job, blob, backend, str(cache.root), key)
        except BrokenProcessPool:
            # A shot in flight killed its worker: fresh workers take this one (and the dead
            # one's shots are tried again when their results are asked for).
            self.restart()
            self.start()
            assert self._executor is not None
            with _main_hidden():
                return self._executor.submit(_worker_render, job, blob, backend, str(cache.root), key)

    def result(self, future: Future[ShotResult], job: ShotJob, backend: VisualBackend, cache: Cache) -> ShotResult:
        """The future's result. A dead worker takes every shot in flight with it: each is tried
        once more on fresh workers, and a shot that kills a worker again becomes a labelled card."""
        try:
            return future.result()
        except BrokenProcessPool:
            pass
        self.restart()
        try:
            return self.render([job], backend, cache)[0].result()
        except BrokenProcessPool:
            self.restart()
        card = ShotJob(**{**job.__dict__, "shot": fallback_shot(job.shot)})
        res = render_job(card, ProceduralBackend(), cache)
        # It counts as drawn this time: the shot itself was tried (twice) before the card.
        res.shot_id, res.failed, res.cached = job.shot.id, "the render worker died drawing it", False
        return res

    def restart(self) -> None:
        if self._executor is not None and not getattr(self._executor, "_broken", False):
            return  # another shot's retry already replaced the broken workers
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

    def close(self) -> None:
        """Cancel the shots waiting, let the workers finish the ones they draw, and stop them
        (for good: a closed pool refuses new work)."""
        with self._lock:
            self.closed = True
            waiting, self._waiting = self._waiting, []
        for w in waiting:
            w.future.cancel()
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None


_shared: RenderPool | None = None
_drawn = [0.0, 0.0]  # CPU seconds, and seconds a worker was drawing (see drawn_busy_seconds)
_drawn_lock = threading.Lock()


def _count_drawn(result: ShotResult) -> None:
    with _drawn_lock:
        _drawn[0] += result.cpu_seconds
        if not result.cached:
            _drawn[1] += max(result.cpu_seconds, result.seconds)


def drawn_cpu_seconds() -> float:
    """CPU seconds the worker processes of this process's pools spent on the shots they drew,
    as each reported (so this process's load can be known without reading other processes)."""
    with _drawn_lock:
        return _drawn[0]


def drawn_busy_seconds() -> float:
    """Thread-seconds the worker processes of this process's pools were ready to run on the shots
    they drew: a shot's drawing and encoding wants a core all along, so each counts its own time
    (or its CPU time, where its encoder ran threads side by side), whether it had a core or
    waited for one, as the load average counts it."""
    with _drawn_lock:
        return _drawn[1]


def shared_pool() -> RenderPool:
    """One pool per process, started on first use and shut down at exit (``DREAMREEL_WORKERS``
    sets its size; 0 renders in this process)."""
    global _shared
    if _shared is None:
        env = os.environ.get("DREAMREEL_WORKERS")
        _shared = RenderPool(int(env) if env and env.isdigit() else None)
        atexit.register(_shared.close)
    return _shared


def shutdown_shared() -> None:
    """Stop the shared pool's workers now (a server stopping); the next ``shared_pool()`` starts
    a new one."""
    global _shared
    pool, _shared = _shared, None
    if pool is not None:
        atexit.unregister(pool.close)
        pool.close()
