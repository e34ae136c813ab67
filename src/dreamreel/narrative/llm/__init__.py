"""LLM backends for the writer: a protocol, two built-in backends and a registry.

``get_backend("gguf")`` runs a local GGUF model in process (llama-cpp-python, optional);
``get_backend("openai:http://127.0.0.1:8080/v1")`` talks to any OpenAI-compatible endpoint.
Neither module imports a heavy package until it is used.
"""

from .base import LLMBackend, LLMUsage, Requirement
from .registry import get_backend, known_backends

__all__ = ["LLMBackend", "LLMUsage", "Requirement", "get_backend", "known_backends"]
