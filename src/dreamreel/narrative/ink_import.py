"""Read a compiled ink story (runtime JSON, inkVersion 20+) into a dreamreel Story.

The story is played, not parsed: a real ink runtime (``bink``) explores it breadth-first over
runtime states (saved and restored as state JSON, deduplicated by the parts of the state that
decide what comes next: variables, call stack and the choices on offer; visit and turn counts
are left out so that loops close). The text between two choice points is split into beats at
``# beat:<id>`` tags (ink_export writes them; hand-written ink has none, so a passage is one
beat); lines reading ``Name: words`` or ``"Words," said Name.`` become dialogue; choices become
Choices whose options lead to the next passage; ink tags become beat tags; a story end
becomes an ending beat. Variables that change in a beat become its effects.

Because play follows real state, the graph is an unrolling: a knot reached with different
variable values becomes one beat per value (``hub``, ``hub_2``...), and choices carry no
conditions (each beat offers exactly what ink offered in that state). At an episode boundary
(an ``# ending:`` beat followed by more story) the next episode's entry is the first
continuation explored; continuations reached only in other states are dropped.

The exploration runs in a child process with a time limit, a memory limit and caps on
states, lines and characters, so a hostile or huge ink file cannot hang or exhaust memory;
a story larger than the caps is cut short with open endings and the cut is recorded in
``Story.generator["ink_import_notes"]``.
"""

import hashlib
import json
import os
import re
import subprocess
import sys
import time
import unicodedata
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

from pydantic import ValidationError

from ..errors import BadInputError
from ..model import (
    Beat,
    Bible,
    Character,
    Choice,
    Edge,
    Ending,
    Episode,
    Line,
    Option,
    Place,
    Request,
    Story,
    StoryGraph,
    StyleGuide,
    Variable,
    World,
)
from ..model.bible import TimeOfDay, Weather
from ..model.state import Clause, Condition, Effect
from ..model.story import BeatRole, Emotion, EndingKind
from ..store.files import MAX_DOCUMENT_BYTES, first_error, read_text
from .ink_export import MACHINE_KEYS

MIN_INK_VERSION = 20
MAX_INK_VERSION = 21
#: Caps that keep a hostile story bounded (each can be raised through from_compiled_ink).
MAX_CHOICES_PER_POINT = 32
MAX_LINES_PER_PASSAGE = 500
MAX_TOTAL_CHARS = 8_000_000
MAX_VARIABLES = 256
MAX_TAGS_PER_LINE = 32
#: One line of ink may run this long (loops without output are cut off here).
LINE_BUDGET_S = 2.0
DEFAULT_TIME_LIMIT_S = 120.0
MEMORY_LIMIT_BYTES = 1 << 30

_MAX_LINE_CHARS = 4000
_SAID = r"(?:said|says|asked|asks|replied|replies|answered|whispered|shouted|muttered|murmured|called|cried|snapped|added|yelled|sighed)"
_NAME = r"(?P<name>[^\W\d_][\w.'\-]*(?:\s+[\w.'\-]+){0,3})"
_COLON_LINE = re.compile(r"^" + _NAME + r"\s*:\s+(?P<text>\S.*)$", re.DOTALL)
_SAID_AFTER = re.compile(r'^["“](?P<text>.+?)["”]\s*,?\s+' + _SAID + r"\s+" + _NAME + r"\s*[.!?]?$", re.DOTALL)
_SAID_BEFORE = re.compile(r'^["“](?P<text>.+?)["”]\s*,?\s+' + _NAME + r"\s+" + _SAID + r"\s*[.!?]?$", re.DOTALL)
_SAID_WORD = re.compile(r"\b" + _SAID + r"\b")
_NAME_JOINERS = {"of", "the", "de", "van", "von", "da", "del", "la", "le", "al", "bin", "du"}
_NOT_SPEAKERS = {
    "note", "chapter", "part", "scene", "act", "episode", "warning", "hint", "tip", "location",
    "time", "date", "day", "ps", "p.s.", "todo", "answer", "question", "example", "result", "score",
    "he", "she", "they", "it", "i", "we", "you", "then", "but", "and", "so", "later", "meanwhile",
}
_IDENT = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


# --------------------------------------------------------------------------------------------
# Checking the input
# --------------------------------------------------------------------------------------------

def check_ink_json(data: dict | str, source: str = "ink story") -> tuple[dict, str]:
    """Parse and check compiled ink JSON; returns (the object, its JSON text)."""
    if isinstance(data, str):
        if len(data) > MAX_DOCUMENT_BYTES:
            raise BadInputError(f"{source} is larger than {MAX_DOCUMENT_BYTES // 2**20} MiB; refusing to import it")
        try:
            obj = json.loads(data.lstrip("\ufeff"))
        except json.JSONDecodeError as e:
            raise BadInputError(f"{source} is not JSON (compiled ink is JSON): {e.msg} at line {e.lineno} "
                                f"column {e.colno}; compile .ink source first (inklecate or inkjs-compiler)") from None
        except RecursionError:
            raise BadInputError(f"{source} is nested too deeply to be a compiled ink story") from None
    else:
        obj = data
    if not isinstance(obj, dict):
        raise BadInputError(f"{source} is not a compiled ink story: expected a JSON object with "
                            f"inkVersion and root, got {type(obj).__name__}")
    version = obj.get("inkVersion")
    if "inkVersion" not in obj:
        hint = " (it looks like a dreamreel story, not ink)" if "graph" in obj and "bible" in obj else ""
        raise BadInputError(f"{source} is not a compiled ink story: it has no inkVersion{hint}")
    if isinstance(version, bool) or not isinstance(version, int):
        raise BadInputError(f"{source}: inkVersion must be a whole number, got {version!r}")
    if version < MIN_INK_VERSION:
        raise BadInputError(f"{source} has inkVersion {version}; dreamreel imports inkVersion {MIN_INK_VERSION} "
                            "or newer: recompile the .ink with a current inklecate or inkjs")
    if version > MAX_INK_VERSION:
        raise BadInputError(f"{source} has inkVersion {version}, newer than the ink runtime here understands "
                            f"(up to {MAX_INK_VERSION}); upgrade bink")
    if not isinstance(obj.get("root"), list):
        raise BadInputError(f"{source} is not a compiled ink story: 'root' must be a list")
    if not isinstance(obj.get("listDefs", {}), dict):
        raise BadInputError(f"{source} is not a compiled ink story: 'listDefs' must be an object")
    obj = {**obj, "listDefs": obj.get("listDefs", {})}  # the runtime needs it, even empty
    try:
        return obj, json.dumps(obj, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError) as e:
        raise BadInputError(f"{source} cannot be read as ink JSON: {e}") from None


def _global_names(obj: dict) -> list[str]:
    """Names of the story's global VARs, read from the 'global decl' container."""
    root = obj.get("root") or []
    names: list[str] = []
    last = root[-1] if root else None
    decl = last.get("global decl") if isinstance(last, dict) else None
    for item in decl if isinstance(decl, list) else []:
        if isinstance(item, dict) and isinstance(item.get("VAR="), str):
            names.append(item["VAR="])
    return names[:MAX_VARIABLES]


# --------------------------------------------------------------------------------------------
# Exploring: runs in a child process (see _run_worker)
# --------------------------------------------------------------------------------------------

class _ExploreError(Exception):
    pass


def _plain(value: Any) -> Any:
    """A variable's value if dreamreel can hold it (bool, int, str); None otherwise."""
    return value if isinstance(value, (bool, int, str)) else None


def _frames(thread: Any) -> list:
    stack = thread.get("callstack", []) if isinstance(thread, dict) else []
    keep = ("cPath", "idx", "exp", "type", "temp")
    return [{k: f.get(k) for k in keep if k in f} for f in stack if isinstance(f, dict)]


def state_key(state_json: str) -> str:
    """What decides the story's future at a choice point: variables, call stack and choices."""
    st = json.loads(state_json)
    try:
        flow = st["flows"][st["currentFlowName"]]
        threads = flow["callstack"]["threads"]
        choice_threads = flow.get("choiceThreads", {})
        choices = [
            [c.get("text"), c.get("targetPath"), c.get("tags"),
             _frames(choice_threads.get(str(c.get("originalThreadIndex")), {}))]
            for c in flow.get("currentChoices", [])
        ]
        key = [st.get("variablesState"), st.get("evalStack"), [_frames(t) for t in threads], choices,
               sorted(k for k in st["flows"])]
    except (KeyError, TypeError, AttributeError):
        volatile = {"turnIdx", "turnIndices", "visitCounts", "storySeed", "previousRandom"}
        key = {k: v for k, v in st.items() if k not in volatile}
    return hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()


@dataclass
class _Limits:
    max_states: int
    max_lines: int = MAX_LINES_PER_PASSAGE
    max_chars: int = MAX_TOTAL_CHARS
    max_choices: int = MAX_CHOICES_PER_POINT
    line_budget_s: float = LINE_BUDGET_S


def explore(story_json: str, var_names: list[str], limits: _Limits) -> dict:
    """Play every branch (bounded); returns passages and choice points as plain JSON data."""
    from bink.story import (
        Story as InkStory,  # imported here: the child process needs it, the parent not
    )

    try:
        story = InkStory(story_json)
    except RuntimeError as e:
        raise _ExploreError(f"the ink runtime cannot load it: {e}") from None
    story.set_allow_external_function_fallbacks(True)
    # With a handler, runtime errors are reported here instead of failing the call.
    errors: list[str] = []
    story.set_error_handler(lambda message, is_error: errors.append(message) if is_error else None)
    global_tags = [str(t) for t in story.get_global_tags()][:MAX_TAGS_PER_LINE]
    names = []
    initial: dict[str, Any] = {}
    for n in var_names:
        try:
            v = _plain(story.get_variable(n))
        except (RuntimeError, TypeError):
            continue
        if v is not None:
            names.append(n)
            initial[n] = v
    chars = 0
    notes: list[str] = []

    def snapshot() -> dict[str, Any]:
        out = {}
        for n in names:
            try:
                out[n] = _plain(story.get_variable(n))
            except (RuntimeError, TypeError):
                out[n] = None
        return out

    def run_passage(where: list[str]) -> tuple[list[dict], dict, dict]:
        nonlocal chars
        lines: list[dict] = []
        before = start = snapshot()
        errors.clear()
        while story.can_continue():
            if len(lines) >= limits.max_lines:
                notes.append(f"a passage ran past {limits.max_lines} lines")
                return lines, {"truncated": True}, start
            started = time.monotonic()
            try:
                while not story.continue_async(50):
                    if time.monotonic() - started > limits.line_budget_s:
                        raise _ExploreError(
                            f"ink ran {limits.line_budget_s:g} s without finishing a line "
                            f"(a loop with no text?) after {_path(where)}")
                text = story.get_current_text()
                tags = [str(t) for t in story.get_current_tags()][:MAX_TAGS_PER_LINE]
            except RuntimeError as e:
                raise _ExploreError(f"ink runtime error after {_path(where)}: {e}") from None
            after = snapshot()
            changes = {k: _change(before.get(k), v) for k, v in after.items()
                       if v is not None and (type(v), v) != (type(before.get(k)), before.get(k))}
            before = after
            text = text.strip()[:_MAX_LINE_CHARS]
            chars += len(text) + sum(len(t) for t in tags)
            lines.append({"text": text, "tags": [t.strip()[:_MAX_LINE_CHARS] for t in tags], "changes": changes})
            if chars > limits.max_chars:
                notes.append(f"the branches print more than {limits.max_chars} characters")
                return lines, {"truncated": True}, start
            if errors:
                if all("ran out of content" in m for m in errors):
                    # inklecate only warns about a loose end; ink players stop there, and so do we.
                    notes.append("a branch runs out of content without -> END (read as an ending)")
                    return lines, {"end": True}, start
                raise _ExploreError(f"ink runtime error after {_path(where)}: {errors[0][:300]}")
        try:
            choices = story.get_current_choices()
            offered = [{"text": str(choices[i]).strip()[:_MAX_LINE_CHARS],
                        "tags": [str(t).strip() for t in choices.get_tags(i)][:MAX_TAGS_PER_LINE]}
                       for i in range(min(len(choices), limits.max_choices))]
            if len(choices) > limits.max_choices:
                notes.append(f"a choice point offered more than {limits.max_choices} choices")
        except RuntimeError as e:
            raise _ExploreError(f"ink runtime error after {_path(where)}: {e}") from None
        if not offered:
            return lines, {"end": True}, start
        return lines, {"choices": offered, "state": story.save_state()}, start

    cps: dict[str, int] = {}
    cp_states: list[str] = []
    cp_paths: list[list[str]] = []
    cp_choices: list[list[dict]] = []
    passages: list[dict] = []
    queue: deque[int] = deque()

    def record(lines: list[dict], end: dict, start_vars: dict, where: list[str]) -> int:
        if "state" in end:
            key = state_key(end["state"])
            if key in cps:
                end = {"cp": cps[key]}
            elif len(cps) >= limits.max_states or chars > limits.max_chars:
                notes.append(f"more than {limits.max_states} distinct states")
                end = {"truncated": True}
            else:
                cps[key] = len(cp_states)
                cp_states.append(end["state"])
                cp_paths.append(where)
                cp_choices.append([{**c, "passage": None} for c in end["choices"]])
                queue.append(cps[key])
                end = {"cp": cps[key]}
        passages.append({"lines": lines, "end": end, "vars": start_vars})
        return len(passages) - 1

    start = record(*run_passage([]), [])
    while queue:
        cp = queue.popleft()
        for i, choice in enumerate(cp_choices[cp]):
            where = cp_paths[cp] + [choice["text"]]
            try:
                story.load_state(cp_states[cp])
                story.choose_choice_index(i)
            except RuntimeError as e:
                raise _ExploreError(f"ink runtime error choosing {_path(where)}: {e}") from None
            choice["passage"] = record(*run_passage(where), where)
    return {
        "global_tags": global_tags,
        "variables": [{"name": n, "initial": initial[n]} for n in names],
        "start": start,
        "passages": passages,
        "choice_points": cp_choices,
        "notes": sorted(set(notes)),
    }


def _change(old: Any, new: Any) -> list:
    """How a variable changed: ["add", delta] between whole numbers (so paths that add the same
    amount look alike), else ["set", value]."""
    if isinstance(new, int) and not isinstance(new, bool) and isinstance(old, int) and not isinstance(old, bool):
        return ["add", new - old]
    return ["set", new]


def _apply_change(state: dict, name: str, change: list) -> None:
    op, value = change
    old = state.get(name)
    state[name] = old + value if op == "add" and isinstance(old, int) else value


def _path(where: list[str]) -> str:
    if not where:
        return "the start"
    shown = " > ".join(repr(w[:40]) for w in where[-4:])
    return ("the choices " if len(where) > 1 else "the choice ") + ("... > " if len(where) > 4 else "") + shown


def _worker_main() -> None:
    """Child-process entry: request JSON on stdin, result JSON on stdout."""
    request = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    _limit_resources(request["memory"], request["cpu_s"])
    try:
        result = explore(request["story"], request["variables"], _Limits(**request["limits"]))
    except _ExploreError as e:
        result = {"error": str(e)}
    sys.stdout.write(json.dumps(result, ensure_ascii=False))


def _limit_resources(memory: int, cpu_s: int) -> None:
    """Cap this (child) process: address space and CPU seconds. Where unsupported, the parent's
    wall-clock timeout still holds."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_s, cpu_s + 5))
    except (ImportError, ValueError, OSError):
        pass


def _run_worker(story_json: str, var_names: list[str], limits: _Limits, time_limit_s: float) -> dict:
    import dreamreel

    src = str(Path(dreamreel.__file__).resolve().parents[1])
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([src, *[p for p in sys.path if p]])
    env["RUST_BACKTRACE"] = "0"
    payload = json.dumps({"story": story_json, "variables": var_names, "limits": limits.__dict__,
                          "memory": MEMORY_LIMIT_BYTES, "cpu_s": int(time_limit_s) + 5})
    try:
        proc = subprocess.run(
            [sys.executable, "-c", "from dreamreel.narrative.ink_import import _worker_main; _worker_main()"],
            input=payload.encode("utf-8"), capture_output=True, timeout=time_limit_s, env=env,
        )
    except subprocess.TimeoutExpired:
        raise BadInputError(f"exploring the ink story took longer than {time_limit_s:g} s; "
                            "it is too large or loops without choices") from None
    stderr = proc.stderr.decode("utf-8", "replace")
    if proc.returncode != 0:
        if "No module named 'bink'" in stderr:
            from ..errors import MissingDependencyError

            raise MissingDependencyError("importing ink needs the ink runtime bink: pip install 'bink>=0.5'")
        if proc.returncode < 0 or "MemoryError" in stderr or "memory allocation" in stderr:
            raise BadInputError(f"exploring the ink story ran out of memory (limit {MEMORY_LIMIT_BYTES >> 20} MiB) "
                                "or was stopped; it is too large to import")
        last = [ln for ln in stderr.splitlines() if ln.strip()][-1:] or [f"exit status {proc.returncode}"]
        raise BadInputError(f"exploring the ink story failed: {last[0][:300]}")
    result = json.loads(proc.stdout.decode("utf-8"))
    if "error" in result:
        message = result["error"]
        if "panic" in message:
            # bink reports a Rust panic; the reason is on the child's stderr after "panicked at".
            lines = stderr.splitlines()
            for i, ln in enumerate(lines):
                if "panicked at" in ln and i + 1 < len(lines):
                    message = f"{message.split(':')[0]}: {lines[i + 1].strip()[:300]}"
                    break
        raise BadInputError(message)
    return result


# --------------------------------------------------------------------------------------------
# Building the Story
# --------------------------------------------------------------------------------------------

def slug(text: str, taken: set[str], fallback: str = "x", limit: int = 64) -> str:
    """An Ident (``^[a-z][a-z0-9_]{0,63}$``) made from text, unique against and added to taken."""
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "_", ascii_.lower()).strip("_") or fallback
    if not base[0].isalpha():
        base = f"{fallback}_{base}"
    base = base[:limit]
    name, n = base, 2
    while name in taken:
        suffix = f"_{n}"
        name = base[: limit - len(suffix)] + suffix
        n += 1
    taken.add(name)
    return name


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _prose(parts: list[str], limit: int = 4000) -> str:
    text = "\n".join(parts).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _tag_split(tag: str) -> tuple[str, str | None]:
    key, sep, value = tag.partition(":")
    return (key.strip(), value.strip()) if sep else (tag.strip(), None)


#: Tags ink_export writes for the machine; every other tag is the author's.
_MACHINE = MACHINE_KEYS - {"tag"}


def _is_name(name: str) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 4 or len(name) > 40 or name.lower() in _NOT_SPEAKERS:
        return False
    if not words[0][0].isupper():
        return False
    return all(w[0].isupper() or w in _NAME_JOINERS for w in words)


def detect_speaker(text: str) -> tuple[str, str] | None:
    """(name, words) when a line reads as dialogue: ``Name: words`` or ``"Words," said Name.``"""
    if len(text) > 4000:  # keeps the patterns below cheap (a long speech is split into lines by its beat)
        return None
    m = _COLON_LINE.match(text)
    if m and _is_name(m["name"].strip()):
        return m["name"].strip(), m["text"].strip()
    if text[:1] not in ('"', "“") or not _SAID_WORD.search(text):
        return None
    for pattern in (_SAID_AFTER, _SAID_BEFORE):
        m = pattern.match(text)
        if m and _is_name(m["name"].strip()):
            words = m["text"].strip()
            if words.endswith(","):
                words = words[:-1] + "."
            name = m["name"].strip().rstrip(".!?")
            return (name, words) if name else None
    return None


@dataclass
class _Seg:
    """A stretch of one passage: the lines of one beat-to-be, and what follows it."""

    lines: list[dict]
    follow: tuple  # ("seg", key) | ("cp", n) | ("end",) | ("truncated",) | ("episode_end",)
    key: str = ""
    beat_id: str = ""
    tags: dict[str, str | None] = field(default_factory=dict)


#: Tags that describe a whole beat, wherever in it they stand (the first one counts).
_BEAT_KEYS = {
    "beat", "episode", "episode_title", "title", "role", "place", "time", "weather", "tension", "cast",
    "ending", "ending_kind", "ending_title",
}


def _tags_of(seg_lines: list[dict]) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for ln in seg_lines:
        for t in ln["tags"]:
            k, v = _tag_split(t)
            if k in _BEAT_KEYS and k not in out:
                out[k] = v
    return out


class _Builder:
    def __init__(self, explored: dict, title: str | None, ink_version: int):
        self.x = explored
        self.title_arg = title
        self.ink_version = ink_version
        self.segs: dict[str, _Seg] = {}
        self.passage_first: dict[int, str] = {}  # passage -> key of its first segment
        self.taken_ids: set[str] = set()
        #: segment after an episode ending -> the ink states it was reached in (by their JSON)
        self.boundary_state: dict[str, dict[str, dict]] = {}
        self.episode_ends: set[str] = set()  # ending segments that really end an episode
        self.cp_rep = self._merge_choice_points()

    def _merge_choice_points(self) -> list[int]:
        """For each choice point, the first one that plays exactly like it (same choices, same
        text and effects after each, recursively): different ink states whose futures read the
        same (a flag nobody reads again) become one beat instead of a copy per state."""
        cps, passages = self.x["choice_points"], self.x["passages"]

        def after(c: dict) -> int | None:
            end = passages[c["passage"]]["end"] if c["passage"] is not None else {}
            return end.get("cp")

        def local(c: dict) -> str:
            if c["passage"] is None:
                return json.dumps([c["text"], c["tags"], None])
            p = passages[c["passage"]]
            kind = "cp" if "cp" in p["end"] else "end" if p["end"].get("end") else "truncated"
            return json.dumps([c["text"], c["tags"], p["lines"], kind], sort_keys=True)

        def relabel(sigs: list) -> list[int]:
            ids: dict[Any, int] = {}
            return [ids.setdefault(sig, len(ids)) for sig in sigs]

        # Moore's partition refinement: split classes by the classes their choices lead to.
        cls = relabel([tuple(local(c) for c in cp) for cp in cps])
        targets = [[after(c) for c in cp] for cp in cps]
        while True:
            refined = relabel([(cls[i], tuple(-1 if a is None else cls[a] for a in targets[i]))
                               for i in range(len(cps))])
            if len(set(refined)) == len(set(cls)):
                break
            cls = refined
        first: dict[int, int] = {}
        return [first.setdefault(c, i) for i, c in enumerate(cls)]

    # -- segments ----------------------------------------------------------------------------
    def _intern(self, lines: list[dict], follow: tuple) -> str:
        key = hashlib.sha256(json.dumps([lines, follow], sort_keys=True).encode()).hexdigest()
        if key not in self.segs:
            self.segs[key] = _Seg(lines=lines, follow=follow, key=key, tags=_tags_of(lines))
        return key

    def _passage(self, n: int) -> str:
        if n in self.passage_first:
            return self.passage_first[n]
        p = self.x["passages"][n]
        lines = p["lines"]
        end = p["end"]
        follow: tuple = (("cp", self.cp_rep[end["cp"]]) if "cp" in end else ("end",) if end.get("end")
                         else ("truncated",))
        # Split at lines that carry a beat tag: each starts a new beat.
        starts = [0] + [i for i, ln in enumerate(lines) if i and any(_tag_split(t)[0] == "beat" for t in ln["tags"])]
        pieces = [lines[a:b] for a, b in zip(starts, starts[1:] + [len(lines)])] if lines else [[]]
        # The ink state after each piece: where a next episode starts, it picks the right entry.
        state = dict(p["vars"])
        states = []
        for piece in pieces:
            for ln in piece:
                for name, change in ln["changes"].items():
                    _apply_change(state, name, change)
            states.append(dict(state))
        key = ""
        for j in range(len(pieces) - 1, -1, -1):
            piece = pieces[j]
            if j < len(pieces) - 1 and "ending" in _tags_of(piece):
                # An episode may end here; play goes on at the next episode's entry (see build).
                self.boundary_state.setdefault(key, {})[json.dumps(states[j], sort_keys=True)] = states[j]
                key = self._intern(piece, ("episode_end", key))
                continue
            key = self._intern(piece, follow if j == len(pieces) - 1 else ("seg", key))
        self.passage_first[n] = key
        return key

    def walk(self) -> list[_Seg]:
        """Every segment reachable from the start, in breadth-first order."""
        start = self._passage(self.x["start"])
        seen: list[str] = []
        queue = deque([start])
        visited = {start}
        while queue:
            k = queue.popleft()
            seen.append(k)
            for nk in self._successors(k):
                if nk not in visited:
                    visited.add(nk)
                    queue.append(nk)
        return [self.segs[k] for k in seen]

    def _successors(self, key: str) -> list[str]:
        seg = self.segs[key]
        kind = seg.follow[0]
        if kind in ("seg", "episode_end"):
            return [seg.follow[1]]
        if kind == "cp":
            return [self._passage(c["passage"]) for c in self.x["choice_points"][seg.follow[1]]
                    if c["passage"] is not None]
        return []

    # -- the story ---------------------------------------------------------------------------
    def build(self) -> Story:
        x = self.x
        # Every passage, also those of merged choice points, so that each episode boundary
        # knows every state it was crossed in.
        for n in range(len(x["passages"])):
            self._passage(n)
        segs = self.walk()
        global_tags = x["global_tags"]
        # The first line also carries the global tags; they describe the story, not the beat.
        start = segs[0]
        if start.lines and start.lines[0]["tags"][: len(global_tags)] == global_tags and global_tags:
            start.lines = [{**start.lines[0], "tags": start.lines[0]["tags"][len(global_tags):]}, *start.lines[1:]]
            start.tags = _tags_of(start.lines)
        # Episodes: trust the tags only when they number 1..N along the explored path.
        numbers = {_int(s.tags.get("episode")) for s in segs} - {None}
        n_episodes = max(numbers) if numbers and numbers == set(range(1, max(numbers) + 1)) else 1
        # Beat ids, in breadth-first order.
        taken = self.taken_ids
        for i, s in enumerate(segs, 1):
            wanted = s.tags.get("beat")
            s.beat_id = slug(wanted, taken, "beat") if wanted else slug(f"passage_{i}", taken, "passage")
        by_key = {s.key: s for s in segs}
        # Episodes: a beat's own tag, else the episode of the beat that leads to it.
        episode_of: dict[str, int] = {}
        for s in segs:
            own = _int(s.tags.get("episode"))
            if n_episodes > 1 and own is not None and 1 <= own <= n_episodes:
                episode_of[s.key] = own
            else:
                episode_of.setdefault(s.key, 1)
            if s.follow[0] != "episode_end":
                for nk in self._successors(s.key):
                    episode_of.setdefault(nk, episode_of[s.key])
        # An ending followed by more story ends an episode unless it is in the last one.
        boundaries: dict[int, list[str]] = {}
        for s in segs:
            if s.follow[0] == "episode_end" and episode_of[s.key] < n_episodes:
                self.episode_ends.add(s.key)
                after = boundaries.setdefault(episode_of[s.key] + 1, [])
                if s.follow[1] not in after:
                    after.append(s.follow[1])
        cast = _Cast()
        for s in segs:
            for ln in s.lines:
                cast.see(ln, detect="beat" not in s.tags)
        cast.settle()
        places: dict[str, Place] = {}
        variables, var_ids = self._variables()
        beats: list[Beat] = []
        endings: list[Ending] = []
        ending_ids: set[str] = set()
        extra: list[Beat] = []
        for s in segs:
            beat, ending = self._beat(s, by_key, episode_of, cast, places, var_ids, ending_ids, extra, n_episodes)
            beats.append(beat)
            if ending:
                endings.append(ending)
        beats += extra
        if not places:
            places["somewhere"] = Place(id="somewhere", name="Somewhere", kind="interior",
                                        description="The place the ink story is set (ink does not say).")
        episodes = []
        beat_by_id = {b.id: b for b in beats}
        for n in range(1, n_episodes + 1):
            keys = boundaries.get(n) or [segs[0].key if n == 1 else
                                         next(s.key for s in segs if episode_of[s.key] == n)]
            first = by_key[keys[0]]
            title = _short(first.tags.get("episode_title") or f"Episode {n}")
            entry = first.beat_id
            if len(keys) > 1:
                entry = self._router(n, title, keys, by_key, beat_by_id[first.beat_id].place, var_ids, beats)
            episodes.append(Episode(number=n, title=title, entry=entry))
        title = self.title_arg or _global(global_tags, "title") or "Imported ink story"
        generator = {"importer": "dreamreel.narrative.ink_import", "ink_version": str(self.ink_version),
                     "runtime": "bink"}
        if x["notes"]:
            generator["ink_import_notes"] = "; ".join(x["notes"])
        bible = Bible(
            title=_short(title), logline=_short(f"{title}, imported from ink.", 4000), genres=["drama"],
            tone="as written", cast=cast.characters(),
            world=World(name=_short(title), era="unspecified", description="Imported from an ink story.",
                        places=list(places.values())),
            style=StyleGuide(look="plain", palette=["#1e1e1e", "#e6e6e6"], era="unspecified"),
        )
        graph = StoryGraph(variables=variables, episodes=episodes, beats=beats, endings=endings)
        story_id = slug(_global(global_tags, "story") or title, set(), "ink")
        return Story(id=story_id, seed=0, bible=bible, graph=graph, generator=generator,
                     request=Request(prompt=_short(f"Imported from ink: {title}", 2000),
                                     episodes=min(n_episodes, 12)))

    def _router(self, n: int, title: str, keys: list[str], by_key: dict[str, _Seg], place: str,
                var_ids: dict[str, str], out: list[Beat]) -> str:
        """Where episode n really starts: the ink state at the boundary picks the beat.

        A decision tree of empty beats, one variable a level, so every state that reached a
        beat in ink reaches the same beat here. Returns the id of the beat to enter.
        """
        cases = [(k, st) for k in keys for st in self.boundary_state.get(k, {}).values()]
        cases = cases or [(keys[0], {})]

        def tree(cases: list[tuple[str, dict]], name: str) -> str:
            targets = list(dict.fromkeys(k for k, _ in cases))
            if len(targets) == 1:
                return by_key[targets[0]].beat_id
            split = [v for v in var_ids if len({json.dumps(st.get(v)) for _, st in cases}) > 1]
            if not split:
                return by_key[targets[0]].beat_id  # states ink told apart only by what dreamreel cannot hold

            def mixing(v: str) -> tuple[int, int]:
                """How mixed the groups are when splitting on v (lower is better), then how many."""
                groups: dict[str, set[str]] = {}
                for k, st in cases:
                    groups.setdefault(json.dumps(st.get(v)), set()).add(k)
                return sum(len(g) for g in groups.values()), len(groups)

            var = min(split, key=mixing)
            groups: dict[str, list[tuple[str, dict]]] = {}
            for k, st in cases:
                groups.setdefault(json.dumps(st.get(var)), []).append((k, st))
            # The group with no value (or the last one) is the fallback edge.
            order = sorted(groups, key=lambda g: g == "null")
            beat_id = slug(name, self.taken_ids, "episode")
            edges = []
            for i, g in enumerate(order):
                value = json.loads(g)
                target = tree(groups[g], f"episode_{n}_route")
                last = i == len(order) - 1 or value is None
                cond = None if last else Condition(all_of=[Clause(var=var_ids[var], op="==", value=value)])
                edges.append(Edge(target=target, condition=cond))
                if last:
                    break
            out.append(Beat(id=beat_id, episode=n, title=title, role="setup", place=place, next=edges))
            return beat_id

        return tree(cases, f"episode_{n}_start")

    def _variables(self) -> tuple[list[Variable], dict[str, str]]:
        taken: set[str] = set()
        out: list[Variable] = []
        ids: dict[str, str] = {}
        for v in self.x["variables"]:
            value = v["initial"]
            t = "bool" if isinstance(value, bool) else "int" if isinstance(value, int) else "str"
            if t == "str" and len(value) > 4000:
                continue
            ids[v["name"]] = slug(v["name"], taken, "var")
            out.append(Variable(name=ids[v["name"]], type=t, initial=value,
                                description=f"ink VAR {v['name'][:200]}"))
        return out, ids

    def _beat(self, s: _Seg, by_key: dict[str, _Seg], episode_of: dict[str, int], cast: "_Cast",
              places: dict[str, Place], var_ids: dict[str, str], ending_ids: set[str],
              extra: list[Beat], n_episodes: int) -> tuple[Beat, Ending | None]:
        t = s.tags
        narration: list[str] = []
        action: list[str] = []
        lines: list[Line] = []
        user_tags: list[str] = []
        prompt: str | None = None
        choice_id = timeout = None
        effects: dict[str, list] = {}
        speakers: list[str] = []
        for ln in s.lines:
            tags = [_tag_split(x) for x in ln["tags"]]
            keys = {k: v for k, v in reversed(tags)}
            for raw, (k, v) in zip(ln["tags"], tags):
                if k == "tag" and v:
                    user_tags.append(raw.partition(":")[2].strip())  # an author's tag that looked like ours
                elif k not in _MACHINE:
                    user_tags.append(raw.strip())
            for name, (op, value) in ln["changes"].items():
                if name not in var_ids:
                    continue
                prev = effects.get(var_ids[name])
                # Several changes in one beat fold into one effect (a set, or the sum of adds).
                effects[var_ids[name]] = [prev[0], prev[1] + value] if op == "add" and prev else [op, value]
            text = ln["text"]
            if not text or "title_only" in keys:
                continue
            if "prompt" in keys:
                prompt = text
                choice_id, timeout = keys.get("choice"), keys.get("timeout")
                continue
            if "action" in keys:
                action.append(text)
                continue
            said = cast.line_of(ln, detect="beat" not in t)
            if said is not None:
                cid, words = said
                emotion = keys.get("emotion")
                direction = keys.get("direction")
                delivery = keys.get("delivery")
                lines.append(Line(speaker=cid, text=words,  # a long speech: its beat splits it, losing nothing
                                  emotion=emotion if emotion in get_args(Emotion) else "neutral",
                                  direction=_short(direction) if direction else None,
                                  delivery=delivery if delivery in ("sung", "to_camera") else "spoken"))
                speakers.append(cid)
                continue
            narration.append(text)
        place = t.get("place")
        if place and _IDENT.match(place):
            places.setdefault(place, Place(id=place, name=place.replace("_", " ").title(), kind="interior",
                                           description="A place named in the ink story's tags."))
        else:
            place = "somewhere"
            places.setdefault(place, Place(id="somewhere", name="Somewhere", kind="interior",
                                           description="The place the ink story is set (ink does not say)."))
        for cid in (t.get("cast") or "").split(","):
            if cast.has(cid.strip()):
                speakers.append(cid.strip())
        episode = episode_of[s.key] if n_episodes > 1 else 1
        kind = s.follow[0]
        fallback = "The end" if kind in ("end", "truncated", "episode_end") else "Passage"
        title = t.get("title") or (narration[0] if narration else lines[0].text if lines else prompt) or fallback
        role = t.get("role")
        kind = s.follow[0]
        if kind == "episode_end" and s.key not in self.episode_ends:
            kind = "seg"  # an ending tag in the last episode with more story after it: the story goes on
        is_end = kind in ("end", "truncated", "episode_end")
        beat: dict[str, Any] = dict(
            id=s.beat_id, episode=episode, title=_short(title, 60 if not t.get("title") else 200),
            role=role if role in get_args(BeatRole) else ("resolution" if is_end else "escalation"),
            place=place, characters=list(dict.fromkeys(speakers)),
            narration=_prose(narration), action=_prose(action), lines=lines[:200],
            tags=list(dict.fromkeys(_short(u) for u in user_tags if u.strip()))[:16],
            effects=[Effect(var=k, op=op, value=v) for k, (op, v) in effects.items()],
        )
        if t.get("time") in get_args(TimeOfDay):
            beat["time_of_day"] = t["time"]
        if t.get("weather") in get_args(Weather):
            beat["weather"] = t["weather"]
        tension = _float(t.get("tension"))
        if tension is not None:
            beat["tension"] = min(1.0, max(0.0, tension))
        ending = None
        if is_end:
            eid = slug(t.get("ending") or f"{s.beat_id}_end", ending_ids, "ending")
            ekind = t.get("ending_kind")
            etitle = t.get("ending_title") or ("Import stopped here" if kind == "truncated" else beat["title"])
            ending = Ending(id=eid, episode=episode, beat=s.beat_id, title=_short(etitle),
                            kind=ekind if ekind in get_args(EndingKind) else "open",
                            summary="The ink story goes on past the import limits." if kind == "truncated" else "")
            beat["ending"] = eid
        elif kind == "seg":
            beat["next"] = [Edge(target=by_key[s.follow[1]].beat_id)]
        elif kind == "cp":
            offered = [(c, by_key[self._passage(c["passage"])].beat_id)
                       for c in self.x["choice_points"][s.follow[1]] if c["passage"] is not None]
            if len(offered) == 1:
                beat["next"] = [Edge(target=offered[0][1])]
            else:
                beat["choice"] = self._choice(s.beat_id, offered, prompt, choice_id, timeout, beat, extra)
        return Beat(**beat), ending

    def _choice(self, beat_id: str, offered: list[tuple[dict, str]], prompt: str | None, choice_id: str | None,
                timeout: str | None, beat: dict, extra: list[Beat]) -> Choice:
        taken: set[str] = set()
        options: list[Option] = []
        default = None
        for c, target in offered:
            tags = [_tag_split(x) for x in c["tags"]]
            keys = {k: v for k, v in tags}
            wanted = keys.get("option")
            oid = slug(wanted if wanted and _IDENT.match(wanted) else f"o{len(options) + 1}", taken, "o")
            other = [raw.strip() for raw, (k, _) in zip(c["tags"], tags) if k not in _MACHINE]
            options.append(Option(id=oid, text=_short(c["text"]) or "Continue", target=target,
                                  tags=[_short(o) for o in other if o.strip()][:16]))
            if "default" in keys and default is None:
                default = oid
        cid = choice_id if choice_id and _IDENT.match(choice_id) else f"{beat_id[:55]}_choice"
        secs = _float(timeout)
        secs = secs if secs is not None and 0 < secs <= 120 else 10.0
        text = _short(prompt) if prompt else "What next?"
        if len(options) > 4:
            # A Choice holds at most four options: the rest go behind a "More choices" option.
            more_id = slug(f"{beat_id[:50]}_more", self.taken_ids, "more")
            rest = [(c, tgt) for c, tgt in offered[3:]]
            more = dict(beat, id=more_id, title="More choices", narration="", action="", lines=[], effects=[],
                        tags=[], characters=[])
            more["choice"] = self._choice(more_id, rest, prompt, f"{more_id[:55]}_choice", timeout, more, extra)
            extra.append(Beat(**more))
            keep = options[:3]
            keep.append(Option(id=slug("more", {o.id for o in keep}, "o"), text="More choices…", target=more_id))
            options = keep
        if default not in {o.id for o in options}:
            default = options[0].id
        return Choice(id=slug(cid, set(), "choice"), prompt=text, options=options, timeout_s=secs, default=default)


class _Cast:
    """Speakers found in the lines: names -> character ids, at most 24 (a Bible's limit)."""

    def __init__(self) -> None:
        self.count: dict[str, int] = {}
        self.tagged_id: dict[str, str] = {}
        self.ids: dict[str, str] = {}

    def _said(self, ln: dict, detect: bool) -> tuple[str, str, str | None] | None:
        """(name, words, tagged id); dreamreel's own ink tags every speaker, so it skips guessing."""
        tags = dict(_tag_split(t) for t in ln["tags"])
        text = ln["text"]
        if tags.get("speaker"):
            name, sep, words = text.partition(": ")
            if sep and words.strip() and len(name) <= 200:
                return name.strip(), words.strip(), tags["speaker"]
        found = detect_speaker(text) if detect else None
        return (found[0], found[1], None) if found else None

    def see(self, ln: dict, detect: bool) -> None:
        said = self._said(ln, detect)
        if said:
            name, _, wanted = said
            self.count[name] = self.count.get(name, 0) + 1
            if wanted and _IDENT.match(wanted):
                self.tagged_id.setdefault(name, wanted)

    def settle(self) -> None:
        top = sorted(self.count, key=lambda n: (-self.count[n], n))[:24]
        taken: set[str] = set()
        for name in sorted(top, key=lambda n: n not in self.tagged_id):
            self.ids[name] = slug(self.tagged_id.get(name) or name, taken, "character")

    def line_of(self, ln: dict, detect: bool) -> tuple[str, str] | None:
        said = self._said(ln, detect)
        if said and said[0] in self.ids:
            return self.ids[said[0]], said[1]
        return None

    def has(self, cid: str) -> bool:
        return cid in self.ids.values()

    def characters(self) -> list[Character]:
        if not self.ids:
            return [Character(id="narrator", name="Narrator", role="narrator", archetype="narrator",
                              goal="Tell the story.", conflict="")]
        lead = max(self.ids, key=lambda n: (self.count[n], n))
        return [Character(id=cid, name=_short(name), role="protagonist" if name == lead else "ally",
                          archetype="character from an ink story", goal="", conflict="")
                for name, cid in self.ids.items()]


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _float(value: str | None) -> float | None:
    try:
        f = float(value) if value is not None else None
    except ValueError:
        return None
    return f if f is not None and f == f and abs(f) != float("inf") else None


def _global(tags: list[str], key: str) -> str | None:
    for t in tags:
        k, v = _tag_split(t)
        if k.lower() == key and v:
            return v
    return None


# --------------------------------------------------------------------------------------------
# Public entry points
# --------------------------------------------------------------------------------------------

def from_compiled_ink(data: dict | str, *, max_states: int = 2000, title: str | None = None,
                      time_limit_s: float = DEFAULT_TIME_LIMIT_S, source: str = "ink story") -> Story:
    """A Story from compiled ink JSON (a dict or its text), explored with the bink runtime."""
    if max_states < 1:
        raise BadInputError(f"max_states must be at least 1, got {max_states}")
    obj, text = check_ink_json(data, source)
    explored = _run_worker(text, _global_names(obj), _Limits(max_states=max_states), time_limit_s)
    try:
        return _Builder(explored, title, obj["inkVersion"]).build()
    except ValidationError as e:  # a bug here, but name it rather than print a traceback
        raise BadInputError(f"{source}: the imported story is not valid: {first_error(e)}") from None


def load_ink_file(path: str | Path, *, max_states: int = 2000, title: str | None = None) -> Story:
    """Import a compiled ink file (``story.ink.json``); a ``.ink`` source file is compiled first."""
    p = Path(path)
    text = read_text(p, "compiled ink")
    if p.suffix.lower() == ".ink":
        from .inkc import compile_ink

        return from_compiled_ink(compile_ink(text), max_states=max_states, title=title, source=str(p))
    return from_compiled_ink(text, max_states=max_states, title=title, source=str(p))
