"""Admission control: which live films are made now, and which wait their turn.

A film is admitted only while production stays ahead of every watched film's playback, by two
checks that must both hold:

- the plan (from the cores and the backends' declared cost): the films being made for a viewer
  who watches, and the new one, each cost ``film_cost`` CPU seconds a second of film (the
  visual, voice and music backends' ``cpu_per_second``, read from ``backends.declared``); with
  ``USABLE`` of the cores shared among them, each must still be made at ``MARGIN`` times real
  time at least, since a film's start and the beat after each choice are made in a burst;
- the measure (what the machine makes now, whatever else runs on it): every watched film being
  made is at least ``READY_LEAD_S`` of film ahead of its viewer's playhead, or waits on its
  viewer's choice. A film just started is not there yet, so films start one at a time and no
  two opening bursts share the machine.

Other work on the machine (another server, a build, a test run) takes its share first: the plan
counts only the cores it leaves (``MachineLoad``: the machine's runnable threads less this
server's own, averaged over ``LOAD_TAU_S``; without ``/proc``, the load average less this server's
runnable threads, as its CPU time and its render workers' drawing time tell them), so a machine
another process keeps busy admits fewer films, down to one.

A film nobody watches (no player heard from it) takes no share of the plan and yields: its
production waits while a film waits to start or a watched film is not yet ahead (``yields``),
so unwatched films never slow watched ones down.
"""

from __future__ import annotations

import math
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

#: Of the cores, what films may use (the rest: the server, its database, the system).
USABLE = 0.8
#: Each admitted film must be made at least this many times faster than it plays.
MARGIN = 1.5
#: Film seconds a watched film must be made ahead of its viewer before another film may start.
READY_LEAD_S = 3.0
#: A live film draws more than its cut: the first beat of every branch while its viewer chooses
#: (bench/serve.py measured 0.3-0.5 CPU s a second of 480p film where production alone is 0.27).
LIVE_EXTRA = 1.3
#: The pixels a visual backend's ``cpu_per_second`` is declared for (720p).
REFERENCE_PIXELS = 1280 * 720
#: Films nobody watches, parked beyond the plan, as a multiple of what the plan admits (they
#: cost memory while they wait).
PARKED = 1
#: Other work's load is followed as an average over about this many seconds (a compile or a
#: test's burst of a few seconds barely moves it; work that goes on for a minute is counted).
LOAD_TAU_S = 20.0
#: The window of the load average ``MachineLoad`` reads where there is no ``/proc/stat`` (its 1-minute one).
LOAD_AVERAGE_S = 60.0


@dataclass(frozen=True)
class Load:
    """A film being made, as admission sees it."""

    #: Someone's player is heard from (a film nobody watches yields).
    watched: bool
    #: Film seconds made ahead of the viewer's playhead.
    lead_s: float
    #: Production waits on the viewer's choice (not on the machine).
    choosing: bool = False

    @property
    def keeping_up(self) -> bool:
        return not self.watched or self.choosing or self.lead_s >= READY_LEAD_S


@dataclass(frozen=True)
class Plan:
    """What this machine can make at once: ``cores``, what a second of live film costs
    (``cost``, CPU seconds), the most at once any backend allows (``most``; None: no bound) and
    the cores other work on the machine is using now (``others``: counted out first)."""

    cores: float
    cost: float
    most: int | None = None
    others: float = 0.0

    @property
    def free(self) -> float:
        """The cores other work leaves."""
        return max(0.0, self.cores - self.others)

    @property
    def films(self) -> int:
        """Films that may be made at once for viewers watching (at least one, whatever it costs)."""
        fit = math.floor(self.free * USABLE / (self.cost * MARGIN) + 1e-9) if self.cost > 0 else 1 << 16
        return max(1, min(fit, self.most) if self.most is not None else fit)

    def rate(self, films: int) -> float:
        """How many times faster than it plays each of ``films`` films is made, the usable cores
        other work leaves shared evenly (infinite for a film that costs no CPU)."""
        return math.inf if self.cost <= 0 else self.free * USABLE / (max(1, films) * self.cost)

    def busy(self) -> str:
        """What other work takes, said for a viewer who waits ("": nothing worth saying)."""
        if self.others < 0.1:
            return ""
        return f" (other work on this machine is using {min(self.others, self.cores):.1f} of its {self.cores:g} cores)"


class MachineLoad:
    """How many of this server's cores other work on the machine keeps busy, averaged over
    ``tau_s`` seconds and looked at each time ``sample`` is called, read from the first source
    this machine has (``source``):

    - ``"/proc/stat"`` (Linux): the threads ready to run machine-wide (``procs_running``) less this
      server's own (this process's threads and every descendant's: render workers, encoders,
      voices), counted now;
    - ``"load average"`` (``os.getloadavg``: macOS, the BSDs, a Linux sandbox without ``/proc``):
      the machine's 1-minute load less this server's own runnable threads over about the same
      minute. Those are not seen without ``/proc``, and a thread that waits for a core counts in
      the load but not in CPU time (counted by CPU time alone, a server that kept the machine
      busy read its own waiting as other work), so they are read from what it knows
      (``own_busy_seconds``): the time each shot its render workers drew took them, waiting
      included, and the CPU time of this process and its finished children, which where the
      load is over the machine's cores is taken for cores / load of each of its threads' time (a
      fair scheduler's share);
    - none (no load average, as on Windows): other work is not counted (``others`` stays 0).

    Where it is not ``/proc/stat``, ``notice`` says so in one line (the server says it as it starts).

    A machine with more cores than this process may use (a container's cpuset) has the others'
    threads counted in proportion."""

    def __init__(self, tau_s: float = LOAD_TAU_S, pid: int | None = None, *, proc: str = "/proc",
                 load_average: Callable[[], tuple[float, float, float]] | None = getattr(os, "getloadavg", None),
                 own_busy: Callable[[], tuple[float, float]] | None = None):
        self.tau_s = tau_s
        self.pid = pid if pid is not None else os.getpid()
        self.proc = proc
        #: Cores other work uses (the average; 0 until the first sample).
        self.others = 0.0
        self._at: float | None = None
        self._lock = threading.Lock()
        self._load_average = load_average
        self._own_busy = own_busy or own_busy_seconds
        self._own: tuple[float, tuple[float, float]] | None = None  # (when, own_busy()) at the last look
        self._own_rate = (0.0, 0.0)  # its rates, averaged as the load average is
        self.source = self._find_source()
        self._machine = max(1, _machine_cores(proc))
        self._scale = min(1.0, cores() / self._machine)

    def _find_source(self) -> str | None:
        if _running_machine_wide(self.proc) is not None:
            return "/proc/stat"
        if self._load_average is not None:
            try:
                self._load_average()
                return "load average"
            except OSError:
                pass
        return None

    @property
    def notice(self) -> str | None:
        """What a server says as it starts where ``/proc/stat`` is not there: the machine's load
        read another way, or not at all (one line; None where it is there)."""
        if self.source == "/proc/stat":
            return None
        if self.source == "load average":
            return (f"admission: no {self.proc}/stat here: other work on this machine is read from its load "
                    f"average, less this server's own CPU time")
        return (f"admission: this machine's load cannot be read (no {self.proc}/stat, no load average): other "
                f"work on it is not counted, so films admitted while it is busy may stall")

    def sample(self, now: float | None = None) -> float:
        """Look once, and return the average so far."""
        now = time.monotonic() if now is None else now
        if self.source == "/proc/stat":
            running = _running_machine_wide(self.proc)
            if running is None:
                return self.others
            others = max(0.0, running - running_threads(self.pid, self.proc)) * self._scale
        elif self.source == "load average":
            load = self._read_load_average()
            cpu, drawing = self._own_rates(now)
            others = max(0.0, load - cpu * max(1.0, load / self._machine) - drawing) * self._scale
        else:
            return self.others
        with self._lock:
            if self._at is None:
                self.others = float(others)
            else:
                keep = math.exp(-max(0.0, now - self._at) / self.tau_s)
                self.others = keep * self.others + (1.0 - keep) * others
            self._at = now
            return self.others

    def _read_load_average(self) -> float:
        assert self._load_average is not None
        try:
            return float(self._load_average()[0])
        except OSError:
            return sum(self._own_rate)  # (gone since the start: nothing said about others)

    def _own_rates(self, now: float) -> tuple[float, float]:
        """This server's CPU seconds a second, and its render workers' drawing seconds a second,
        averaged over a minute as the 1-minute load average is."""
        busy = self._own_busy()
        if self._own is not None and now > self._own[0]:
            keep = math.exp(-(now - self._own[0]) / LOAD_AVERAGE_S)
            cpu, drawing = ((max(0.0, b - b0) / (now - self._own[0])) for b, b0 in zip(busy, self._own[1], strict=True))
            self._own_rate = (keep * self._own_rate[0] + (1.0 - keep) * cpu,
                              keep * self._own_rate[1] + (1.0 - keep) * drawing)
        self._own = (now, busy)
        return self._own_rate


def own_busy_seconds() -> tuple[float, float]:
    """What this server has run, portably (no ``/proc`` needed): the CPU seconds of this process
    and of its children that ended, and the seconds its render workers spent on the shots they
    drew (``render_pool.drawn_busy_seconds``, as each shot comes back)."""
    from ..render_pool import drawn_busy_seconds

    t = os.times()
    return t.user + t.system + t.children_user + t.children_system, drawn_busy_seconds()


def running_threads(pid: int, proc: str = "/proc") -> int:
    """Threads of ``pid`` and its descendants ready to run or running (Linux; 0 elsewhere)."""
    n, stack, seen = 0, [pid], set()
    while stack:
        p = stack.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            tasks = os.listdir(f"{proc}/{p}/task")
        except OSError:  # (gone, or no /proc)
            continue
        for tid in tasks:
            try:
                with open(f"{proc}/{p}/task/{tid}/stat", "rb") as f:
                    stat = f.read()
                with open(f"{proc}/{p}/task/{tid}/children", "rb") as f:
                    children = f.read()
            except OSError:  # (a thread that just ended)
                continue
            end = stat.rfind(b")")  # (the name in parentheses may hold anything)
            n += stat[end + 2:end + 3] == b"R"
            stack.extend(int(c) for c in children.split())
    return n


def _running_machine_wide(proc: str = "/proc") -> int | None:
    try:
        with open(f"{proc}/stat", "rb") as f:
            for line in f:
                if line.startswith(b"procs_running "):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return None


def _machine_cores(proc: str = "/proc") -> int:
    try:
        with open(f"{proc}/stat", "rb") as f:
            return sum(1 for line in f if line[:3] == b"cpu" and line[3:4].isdigit()) or cores()
    except OSError:
        return os.cpu_count() or cores()


def pixels(res: str) -> int:
    from ..production import RESOLUTIONS

    width, height = RESOLUTIONS.get(res, RESOLUTIONS["720p"])
    return width * height


def film_cost(res: str, chosen: dict[str, Any] | None = None) -> float:
    """CPU seconds a second of live film costs at ``res`` with the backends ``chosen`` (kind ->
    backend in hand; absent or None: the built-in default): each one's declared
    ``cpu_per_second`` (a visual backend's scaled from 720p by the pixels), a backend off the CPU
    none, one that does not say what the built-in of its kind declares; times ``LIVE_EXTRA``."""
    from ..backends import declared, info

    chosen = chosen or {}
    default = {"visual": "procedural", "voice": "piper", "music": "procedural"}
    total = 0.0
    for kind, name in default.items():
        backend = chosen.get(kind)
        said = declared(kind, backend) if backend is not None else info(kind, name)
        cpu = said.cpu_per_second
        if cpu is None:
            cpu = 0.0 if said.device != "cpu" else info(kind, name).cpu_per_second or 0.0
        total += cpu * (pixels(res) / REFERENCE_PIXELS if kind == "visual" else 1.0)
    return total * LIVE_EXTRA


def most_at_once(chosen: dict[str, Any] | None = None) -> int | None:
    """The fewest films at once a backend allows: a visual backend's ``concurrency`` (every live
    film keeps the drawer busy just ahead of its viewer), and a voice or music backend's off the
    CPU (a GPU or an API shared by every film; on the CPU each film has its own)."""
    from ..backends import declared

    caps = []
    for kind, backend in (chosen or {}).items():
        if backend is None or kind not in ("visual", "voice", "music"):
            continue
        said = declared(kind, backend)
        if said.concurrency is not None and (kind == "visual" or said.device != "cpu"):
            caps.append(said.concurrency)
    return min(caps) if caps else None


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def plan_for(res: str, chosen: dict[str, Any] | None = None, n_cores: float | None = None,
             others: float = 0.0) -> Plan:
    """This machine's plan for live films at ``res`` made with the backends ``chosen``, while
    other work uses ``others`` of its cores."""
    return Plan(float(n_cores if n_cores is not None else cores()), film_cost(res, chosen), most_at_once(chosen),
                others)


def why_wait(plan: Plan, making: list[Load]) -> str | None:
    """Why the next film waiting may not start now (None: it may)."""
    watched = [m for m in making if m.watched]
    if len(watched) >= plan.films:
        return f"{len(watched)} films are being made for viewers watching them, as many as this machine " \
               f"makes at once without a stall{plan.busy()}"
    if len(making) >= plan.films * (1 + PARKED):
        return f"{len(making)} films are being made, as many as this server holds at once"
    if not all(m.keeping_up for m in making):
        return "a film being made is not yet far enough ahead of its viewer"
    return None


def yields(plan: Plan, making: list[Load], waiting: int) -> bool:
    """Should a film nobody watches wait, so watched films (and films waiting to start) have the
    machine? Not while the films being made are all this server holds: then the queue waits for
    them to finish, which they must go on to do."""
    held = len(making) >= plan.films * (1 + PARKED)
    return (waiting > 0 and not held) or not all(m.keeping_up for m in making)
