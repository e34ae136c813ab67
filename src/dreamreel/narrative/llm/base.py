"""The contract every LLM backend meets, and the usage record the cost ledger reads.

A backend turns one prompt plus a JSON Schema into raw text that should be JSON under
that schema. It does not parse or validate: the writer does that, because only the writer
knows what a good answer is (who may speak, what the rating allows).
"""

from dataclasses import dataclass, field
from typing import Literal, Protocol

#: Kinds of thing a backend may need before it can run.
NeedKind = Literal["package", "network", "model_file", "gpu"]


@dataclass(frozen=True)
class Requirement:
    """One thing a backend needs, e.g. the ``llama_cpp`` package or a reachable URL."""

    kind: NeedKind
    name: str
    #: How a user gets it ("pip install 'dreamreel[llm]'", "set DREAMREEL_LLM_URL").
    hint: str = ""
    #: Whether it is there now (checked without loading anything heavy).
    present: bool = True

    def __str__(self) -> str:
        state = "ok" if self.present else "missing"
        return f"{self.kind} {self.name} ({state})" + (f": {self.hint}" if self.hint and not self.present else "")


@dataclass
class LLMUsage:
    """What a backend has spent so far; accumulated over every call on one instance."""

    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    #: Calls that ended in a BackendError (they still cost time).
    failures: int = 0
    #: Per-call detail, newest last, for the ledger and for measurements.
    log: list[dict[str, float | int]] = field(default_factory=list)

    def add(self, prompt_tokens: int, completion_tokens: int, seconds: float) -> None:
        self.calls += 1
        self.prompt_tokens += prompt_tokens
        self.completion_tokens += completion_tokens
        self.seconds += seconds
        self.log.append({"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens, "seconds": seconds})

    def snapshot(self) -> "LLMUsage":
        return LLMUsage(self.calls, self.prompt_tokens, self.completion_tokens, self.seconds, self.failures,
                        list(self.log))

    def since(self, before: "LLMUsage") -> "LLMUsage":
        """The usage added after ``before`` (a snapshot taken earlier)."""
        return LLMUsage(
            self.calls - before.calls,
            self.prompt_tokens - before.prompt_tokens,
            self.completion_tokens - before.completion_tokens,
            self.seconds - before.seconds,
            self.failures - before.failures,
            list(self.log[len(before.log):]),
        )

    @property
    def tokens_per_second(self) -> float:
        """Completion tokens per second of wall time (prompt processing included)."""
        return self.completion_tokens / self.seconds if self.seconds > 0 else 0.0


class LLMBackend(Protocol):
    """A text generator constrained (where it can be) to a JSON Schema.

    Not runtime-checkable on purpose: ``isinstance`` would evaluate ``version``, which for
    some backends resolves a model file.
    """

    #: Registry name, e.g. "gguf" or "openai"; with ``version`` it keys caches and provenance.
    name: str
    #: Backend and model identity, e.g. "llama-cpp-python 0.3.36; gemma-3-270m-q4_k_m.gguf".
    version: str
    usage: LLMUsage

    def complete_json(self, prompt: str, schema: dict, *, max_tokens: int, seed: int, temperature: float) -> str:
        """Return raw completion text that should be one JSON value under ``schema``.

        Raises BackendError (endpoint or model failure) or MissingDependencyError.
        """
        ...

    def requires(self) -> list[Requirement]:
        """What this backend needs, each marked present or missing."""
        ...
