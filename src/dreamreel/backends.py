"""One place to find the backends that draw, voice, score and write: ``visual``, ``voice``, ``music``
and ``llm``.

A backend is a class named by an entry point ``<kind>.<name>`` in the ``dreamreel.backends``
group (``visual.procedural``, ``voice.piper``, ``llm.gguf``), so another package adds one by
declaring it in its own pyproject; the built-ins are listed here too, so a source checkout that
was never ``pip install``-ed still finds them. ``dreamreel make``, ``render`` and ``serve`` take
``--visual NAME``, ``--voice NAME`` and ``--music NAME``; ``dreamreel backends`` lists what is
installed.

Each backend says what it runs on and what it costs, as class attributes (the built-ins' are
listed here where their classes do not say): ``device`` ("cpu", "cuda", "api"), ``concurrency``
(how many may run at once; None: one per CPU core), ``cost_per_second`` (USD per second of
film; None: its measured CPU time, priced by the price table, ``cost.prices``) and
``cpu_per_second`` (CPU seconds this machine spends on a second of film; a visual backend's at
720p, scaling with the pixels; None: unknown, taken as a built-in's of its kind). The render
pool hands a visual backend's shots to at most ``concurrency`` workers at once; a server admits
live films by their summed ``cpu_per_second`` against its cores, and no more at once than a
visual backend's ``concurrency`` or a voice or music backend's off the CPU
(``serve.admission``); a budget's estimate adds each chosen backend's ``cost_per_second``
(``declared`` reads them from a backend in hand).

LLM backends are made by ``narrative.llm.registry`` (which also reads a spec's argument, as in
``openai:http://host/v1``); they are listed here with the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import entry_points
from pkgutil import resolve_name
from typing import Any

from .errors import MissingDependencyError, UnknownNameError

GROUP = "dreamreel.backends"
KINDS = ("visual", "voice", "music", "llm")

BUILTIN: dict[str, dict[str, str]] = {
    "visual": {"procedural": "dreamreel.synth.visual.procedural:ProceduralBackend"},
    "voice": {"piper": "dreamreel.synth.voice.piper_voice:PiperBackend",
              "espeak-ng": "dreamreel.synth.voice.espeak_voice:EspeakBackend"},
    "music": {"procedural": "dreamreel.synth.music.procedural:ProceduralMusic"},
    "llm": {"gguf": "dreamreel.narrative.llm.gguf:GGUFBackend",
            "openai": "dreamreel.narrative.llm.openai_compat:OpenAICompatBackend"},
}
#: What the built-ins run on, for classes that do not say: (device, concurrency, cost_per_second,
#: cpu_per_second). The CPU figures are bench/production.py's at 720p split by stage, the
#: highest of its runs rounded up: the render workers' (``workers_per_film_second``) 0.185 and
#: 0.194 at 720p, 0.31-0.33 CPU s a second of film in all, on 2 cores at load 2-5 (at 480p 0.103
#: and 0.113, more than the 0.089 that scaling 0.20 by the pixels gives); piper speaks at ~19x
#: real time.
DECLARED: dict[str, tuple[str, int | None, float | None, float | None]] = {
    "visual.procedural": ("cpu", None, None, 0.20),   # a render worker per core; drawing and encoding
    "voice.piper": ("cpu", 1, None, 0.06),            # one voice a film, in the film's own thread
    "voice.espeak-ng": ("cpu", 1, None, 0.01),
    "music.procedural": ("cpu", 1, None, 0.10),       # one composer a film, with the mix
    "llm.gguf": ("cpu", 1, None, None),               # one llama.cpp model in process
    "llm.openai": ("api", 4, None, None),             # priced per token by the price table
}
ALIASES = {"voice": {"espeak": "espeak-ng"}}


@dataclass(frozen=True)
class BackendInfo:
    kind: str
    name: str
    target: str            # module:Class
    device: str
    concurrency: int | None
    cost_per_second: float | None
    cpu_per_second: float | None = None


def known(kind: str) -> dict[str, str]:
    """Backend name -> ``module:Class`` for one kind, entry points overriding the built-ins."""
    if kind not in KINDS:
        raise UnknownNameError(f"unknown kind of backend {kind!r}; known: {', '.join(KINDS)}")
    found = dict(BUILTIN[kind])
    for ep in entry_points(group=GROUP):
        k, _, name = ep.name.partition(".")
        if k == kind and name:
            found[name] = ep.value
    return dict(sorted(found.items()))


def load_class(kind: str, name: str, target: str) -> Any:
    try:
        return resolve_name(target)
    except ImportError as e:
        raise MissingDependencyError(f"{kind} backend {name!r} ({target}) cannot be imported: {e}") from None
    except (AttributeError, ValueError):
        raise UnknownNameError(f"{kind} backend {name!r} points at {target}, which does not exist") from None


def info(kind: str, name: str) -> BackendInfo:
    """What a backend declares (its class is imported only if the built-in table does not say)."""
    name = ALIASES.get(kind, {}).get(name, name)
    table = known(kind)
    if name not in table:
        raise UnknownNameError(f"unknown {kind} backend {name!r}; known: {', '.join(table)}")
    target = table[name]
    fallback = DECLARED.get(f"{kind}.{name}") if target == BUILTIN[kind].get(name) else None
    if fallback is None:
        cls = load_class(kind, name, target)
        fallback = (getattr(cls, "device", "cpu"), getattr(cls, "concurrency", None),
                    getattr(cls, "cost_per_second", None), getattr(cls, "cpu_per_second", None))
    device, concurrency, cost, cpu = fallback
    return BackendInfo(kind, name, target, str(device), concurrency, cost, cpu)


def listing() -> list[BackendInfo]:
    """Every backend of every kind, built-in or installed."""
    return [info(kind, name) for kind in KINDS for name in known(kind)]


def make(kind: str, name: str) -> Any:
    """An instance of the backend ``name`` of ``kind`` (for ``llm``, a spec such as ``gguf:/m.gguf``).
    UnknownNameError lists the known names; MissingDependencyError says what to install."""
    if kind == "llm":
        from .narrative.llm.registry import get_backend

        return get_backend(name)
    name = ALIASES.get(kind, {}).get(name.strip().lower(), name.strip().lower())
    table = known(kind)
    if name not in table:
        raise UnknownNameError(f"unknown {kind} backend {name!r}; known: {', '.join(table)}")
    cls = load_class(kind, name, table[name])
    methods = {"visual": ("render_shot", "requires"), "voice": ("speak", "requires"),
               "music": ("stream", "requires")}[kind]
    if not all(callable(getattr(cls, m, None)) for m in methods):
        raise UnknownNameError(f"{kind} backend {name!r} ({table[name]}) does not implement "
                               f"{PROTOCOLS[kind]} ({', '.join(methods)})")
    backend = cls()
    if kind != "voice":
        backend.requires()  # (voices check in their constructor)
    declared(kind, backend)  # (a concurrency that is not a number: one line now, not mid-film)
    return backend


def price(chosen: dict[str, Any]) -> float:
    """What the backends in hand (kind -> backend; None: the built-in default) declare a second
    of film costs, in all (USD; a backend priced by its CPU time adds nothing here)."""
    return sum(declared(kind, b).cost_per_second or 0.0 for kind, b in chosen.items() if b is not None)


PROTOCOLS = {"visual": "VisualBackend", "voice": "VoiceBackend", "music": "MusicBackend"}


def declared(kind: str, backend: Any) -> BackendInfo:
    """What a backend in hand declares: its own attributes, else the built-in table's line for
    its class, else a CPU backend that runs one per core and is priced by its CPU time. (A
    wrapper, such as the subtitle burner, passes its inner backend's attributes through.)"""
    target = f"{type(backend).__module__}:{type(backend).__qualname__}"
    name = next((n for n, t in BUILTIN.get(kind, {}).items() if t == target), None)
    fallback = DECLARED.get(f"{kind}.{name}", ("cpu", None, None, None))
    device, concurrency, cost, cpu = (getattr(backend, attr, default) for attr, default in
                                      zip(("device", "concurrency", "cost_per_second", "cpu_per_second"), fallback))
    who = f"{kind} backend {getattr(backend, 'name', target)!r}"
    if concurrency is not None and (not isinstance(concurrency, int) or concurrency < 1):
        raise UnknownNameError(f"{who} declares concurrency {concurrency!r}; it must be a whole number of "
                               f"at least 1, or None (one per core)")
    if cpu is not None and (isinstance(cpu, bool) or not isinstance(cpu, (int, float)) or not 0 <= cpu < 1e6):
        raise UnknownNameError(f"{who} declares cpu_per_second {cpu!r}; it must be a number of CPU seconds "
                               f"a second of film (0 or more), or None (unknown)")
    return BackendInfo(kind, str(getattr(backend, "name", name or "")), target, str(device), concurrency,
                       None if cost is None else float(cost), None if cpu is None else float(cpu))
