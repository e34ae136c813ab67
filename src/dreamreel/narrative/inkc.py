"""Compile ``.ink`` source to ink runtime JSON with inkle's compiler as shipped by inkjs.

The compiler is the npm package ``inkjs`` (pinned in the repository's package.json), run by
node. It is found, in order, at ``$INKJS_COMPILER``, then under ``node_modules/inkjs`` in the
current folder or any parent, then beside this source tree (the repository checkout).
"""

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import BadInputError, MissingDependencyError

INKJS_VERSION = "2.4.0"
INSTALL_HINT = f"npm install inkjs@{INKJS_VERSION} --save-exact"
_RELATIVE = Path("node_modules") / "inkjs" / "bin" / "inkjs-compiler.js"
#: Compiling a story of a few thousand knots takes a second or two; this bounds a stuck node.
COMPILE_TIMEOUT_S = 120.0


def find_node() -> str:
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        raise MissingDependencyError(
            "node (Node.js) is needed to compile ink; install it (e.g. apt-get install nodejs), "
            f"then run `{INSTALL_HINT}` in the dreamreel folder"
        )
    return node


def find_compiler() -> Path:
    """The path of ``inkjs-compiler.js``; MissingDependencyError with the install command if absent."""
    env = os.environ.get("INKJS_COMPILER")
    if env:
        p = Path(env)
        if not p.is_file():
            raise MissingDependencyError(f"INKJS_COMPILER={env} is not a file; unset it or run `{INSTALL_HINT}`")
        return p
    here = Path(__file__).resolve()
    for base in (Path.cwd(), *Path.cwd().parents, *here.parents):
        candidate = base / _RELATIVE
        if candidate.is_file():
            return candidate
    raise MissingDependencyError(
        f"the ink compiler (npm package inkjs) was not found; run `{INSTALL_HINT}` in the dreamreel "
        "folder, or set INKJS_COMPILER to the path of inkjs-compiler.js"
    )


def compile_ink(source: str, *, timeout_s: float = COMPILE_TIMEOUT_S) -> dict:
    """Compile ink source text; returns the runtime JSON as a dict (``inkVersion``, ``root``...)."""
    node = find_node()
    compiler = find_compiler()
    with tempfile.TemporaryDirectory(prefix="dreamreel-ink-") as tmp:
        # The compiler treats a *.json input as "play this", so the source must end in .ink.
        src = Path(tmp) / "story.ink"
        out = Path(tmp) / "story.ink.json"
        src.write_text(source, encoding="utf-8")
        try:
            proc = subprocess.run(
                [node, str(compiler), str(src), "-o", str(out)],
                capture_output=True, text=True, encoding="utf-8", errors="replace",
                timeout=timeout_s, cwd=tmp, stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:
            raise BadInputError(f"the ink compiler ran longer than {timeout_s:.0f} s and was stopped") from None
        messages = [ln.strip() for ln in proc.stderr.splitlines() if ln.strip()]
        errors = [m for m in messages if m.startswith("ERROR")]
        if proc.returncode != 0 or not out.is_file():
            first = (errors or messages or [f"exit status {proc.returncode}"])[0]
            more = f" (and {len(errors) - 1} more errors)" if len(errors) > 1 else ""
            raise BadInputError(f"ink compiler: {first.replace(str(src), 'story.ink')}{more}")
        # The compiler writes a UTF-8 byte order mark before the JSON.
        return json.loads(out.read_text(encoding="utf-8-sig"))
