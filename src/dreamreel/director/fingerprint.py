"""What shipped fitted data was fitted with: a digest of the code its fit runs.

``director/data/static.json`` (``schedule.STATIC`` and ``START``) and ``director/data/prior.json``
(the bandit's population prior) are fitted by ``scripts/fit_static.py`` and
``scripts/fit_prior.py`` through the simulator and the harness. Each records the digest of the
director's code its fit runs, so a test can tell, in milliseconds, that someone changed that code
without fitting again (a full fit takes minutes). The digest is of the code, not its comments or
docstrings: rewording one asks for no refit. What the fits read from other stages (the planner's
stories, the camera's shots) is not in it: ``bench/watch.py`` fits both again and says whether
the shipped ones are still what it fits.
"""

from __future__ import annotations

import ast
import hashlib
from pathlib import Path

_HERE = Path(__file__).parent
#: The director's modules the static fit runs (``viewers.fit_population_static``): the simulated
#: viewers, the harness they watch through, and the director they watch.
STATIC_FIT = ("viewers", "harness", "schedule", "drama", "engagement", "path", "grade")
#: ... and the prior's fit (``learning.fit_prior``) runs the bandit's too.
PRIOR_FIT = (*STATIC_FIT, "learning")


def _code(source: str) -> str:
    """``source`` as code alone: parsed, docstrings dropped, written back out (comments and
    layout are gone with the parse)."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                    and isinstance(body[0].value.value, str):
                node.body = body[1:] or [ast.Pass()]
    return ast.unparse(tree)


def digest(sources: dict[str, str]) -> str:
    """A short digest of named module sources' code (``_code``), in name order."""
    h = hashlib.sha256()
    for name in sorted(sources):
        h.update(f"{name}\n{_code(sources[name])}\n".encode())
    return h.hexdigest()[:16]


def code(modules: tuple[str, ...]) -> str:
    """The digest of these ``director`` modules' code as it is now."""
    return digest({m: (_HERE / f"{m}.py").read_text(encoding="utf-8") for m in modules})


__all__ = ["PRIOR_FIT", "STATIC_FIT", "code", "digest"]
