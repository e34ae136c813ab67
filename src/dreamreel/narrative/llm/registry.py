"""Find an LLM backend by a spec string such as ``gguf``, ``gguf:/m.gguf`` or ``openai:http://h:8080/v1``.

Backends are entry points named ``llm.<kind>`` in the ``dreamreel.backends`` group, so a third
party adds one from its own package. A backend class may offer ``from_spec(arg: str | None)``
to read the part after the first colon; otherwise it is called with that part as its only
argument, or with none.

The built-in backends are also listed here so that a source checkout that was never
``pip install``-ed (no entry points registered) still finds them.
"""

from importlib import import_module
from importlib.metadata import entry_points
from typing import Any

from ...errors import BadInputError, MissingDependencyError, UnknownNameError
from .base import LLMBackend

GROUP = "dreamreel.backends"
PREFIX = "llm."

BUILTIN = {
    "gguf": "dreamreel.narrative.llm.gguf:GGUFBackend",
    "openai": "dreamreel.narrative.llm.openai_compat:OpenAICompatBackend",
}


def known_backends() -> dict[str, str]:
    """Backend kind -> ``module:Class``, entry points overriding the built-ins."""
    found = dict(BUILTIN)
    for ep in entry_points(group=GROUP):
        if ep.name.startswith(PREFIX):
            found[ep.name[len(PREFIX):]] = ep.value
    return dict(sorted(found.items()))


def _load(kind: str, target: str) -> Any:
    module_name, _, attr = target.partition(":")
    try:
        obj = import_module(module_name)
        for part in attr.split("."):
            obj = getattr(obj, part)
        return obj
    except ImportError as e:
        raise MissingDependencyError(f"LLM backend {kind!r} ({target}) cannot be imported: {e}") from None
    except AttributeError:
        raise UnknownNameError(f"LLM backend {kind!r} points at {target}, which does not exist") from None


def get_backend(spec: str) -> LLMBackend:
    """Make the backend a spec names; UnknownNameError (listing the known kinds) for a bad one."""
    spec = spec.strip()
    kind, sep, arg = spec.partition(":")
    kind = kind.strip().lower()
    known = known_backends()
    if not kind:
        raise BadInputError(f"empty LLM backend spec; use one of: {', '.join(known)} (e.g. gguf or "
                            "openai:http://127.0.0.1:8080/v1)")
    if kind not in known:
        raise UnknownNameError(f"unknown LLM backend {kind!r} in {spec!r}; known: {', '.join(known)} "
                               "(e.g. gguf, gguf:/path/model.gguf, openai:http://127.0.0.1:8080/v1)")
    cls = _load(kind, known[kind])
    # Checked on the class: isinstance() against the Protocol would evaluate properties such as
    # GGUFBackend.version, which may assemble a model file.
    if not all(callable(getattr(cls, m, None)) for m in ("complete_json", "requires")) or not hasattr(cls, "name"):
        raise UnknownNameError(f"LLM backend {kind!r} ({known[kind]}) does not implement LLMBackend "
                               "(name, version, usage, complete_json, requires)")
    argument = arg.strip() if sep else None
    if hasattr(cls, "from_spec"):
        backend: LLMBackend = cls.from_spec(argument or None)
    else:
        backend = cls(argument) if argument else cls()
    return backend
