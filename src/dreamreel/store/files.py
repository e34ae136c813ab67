"""Read and write dreamreel documents with one-line errors and atomic writes.

A write goes to a temporary file beside the target and is renamed over it, so an
interrupted or failed write never leaves a half-written file where the user asked.
"""

import json
import os
import tempfile
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from ..errors import BadInputError, OutputError

M = TypeVar("M", bound=BaseModel)

#: Larger story or profile files are refused before parsing (a hostile or wrong file).
MAX_DOCUMENT_BYTES = 32 * 1024 * 1024


def first_error(exc: ValidationError) -> str:
    """The first validation problem as 'field.path: message'."""
    err = exc.errors()[0]
    loc = ".".join(str(p) for p in err["loc"]) or "(top level)"
    msg = err["msg"].removeprefix("Value error, ")
    extra = f" (and {exc.error_count() - 1} more problems)" if exc.error_count() > 1 else ""
    return f"{loc}: {msg}{extra}"


def read_text(path: str | Path, what: str) -> str:
    p = Path(path)
    try:
        if p.is_dir():
            raise BadInputError(f"{p} is a folder, not a {what} file")
        if p.stat().st_size > MAX_DOCUMENT_BYTES:
            raise BadInputError(f"{p} is larger than {MAX_DOCUMENT_BYTES // 2**20} MiB; is it really a {what} file?")
        return p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise BadInputError(f"{p}: no such file") from None
    except UnicodeDecodeError:
        raise BadInputError(f"{p} is not UTF-8 text; expected a {what} file (JSON)") from None
    except PermissionError:
        raise BadInputError(f"{p}: permission denied") from None


def parse_json(text: str, source: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise BadInputError(f"{source} is not valid JSON: {e.msg} at line {e.lineno} column {e.colno}") from None


def load_model(path: str | Path, model: type[M], what: str) -> M:
    data = parse_json(read_text(path, what), str(path))
    return validate_model(data, model, f"{path}", what)


def validate_model(data: object, model: type[M], source: str, what: str) -> M:
    if not isinstance(data, dict):
        raise BadInputError(f"{source} is not a {what}: expected a JSON object, got {type(data).__name__}")
    version = data.get("schema_version")
    if isinstance(version, int) and version > model.model_fields["schema_version"].default:
        raise BadInputError(f"{source} has schema_version {version}, newer than this dreamreel understands; upgrade dreamreel")
    try:
        return model.model_validate(data)
    except ValidationError as e:
        raise BadInputError(f"{source} is not a valid {what}: {first_error(e)}") from None


def write_atomic(path: str | Path, data: str | bytes) -> Path:
    """Write ``data`` to ``path`` via a temporary file and a rename."""
    p = Path(path)
    parent = p.parent if str(p.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"cannot write {p}: folder {parent} does not exist")
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=parent)
    except OSError as e:
        raise OutputError(f"cannot write {p}: {e.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(raw)
            f.flush()
            os.fsync(f.fileno())
        # mkstemp makes 0600 files; give the result the permissions a plain open() would.
        os.chmod(tmp, 0o666 & ~umask())
        os.replace(tmp, p)
    except OSError as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise OutputError(f"cannot write {p}: {e.strerror or e}") from None
    return p


def umask() -> int:
    """The process's umask (reading it means setting it, so it is set straight back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def dump_model(model: BaseModel) -> str:
    return model.model_dump_json(indent=2, exclude_none=False) + "\n"


def save_model(path: str | Path, model: BaseModel) -> Path:
    return write_atomic(path, dump_model(model))
