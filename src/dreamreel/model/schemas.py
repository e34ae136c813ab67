"""JSON Schemas of the persisted formats, for other tools and languages."""

import json
from collections.abc import Mapping
from pathlib import Path

from pydantic import BaseModel

from .bible import Bible
from .cost import CostReport
from .genre import GenreKit
from .kits import KitFile
from .pack import AssetPack
from .premise import Premise
from .profile import Profile
from .request import Request
from .story import Story, StoryGraph

DOCUMENTS = {"story": Story, "story-graph": StoryGraph, "bible": Bible, "profile": Profile, "request": Request,
             "cost-report": CostReport, "asset-pack": AssetPack, "genre-kit": GenreKit,
             "kit-file": KitFile, "premise": Premise}


def schema_text(model) -> str:
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


def write_schemas(folder: str | Path, more: Mapping[str, type[BaseModel]] | None = None) -> list[Path]:
    """Write each document's ``<name>.schema.json`` into ``folder``; ``more``: other stages'
    documents (the server's replies), passed in so this package imports no later stage."""
    # Imported here so the model package itself stays free of I/O.
    from ..store.files import write_atomic

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return [write_atomic(folder / f"{name}.schema.json", schema_text(m))
            for name, m in {**DOCUMENTS, **(more or {})}.items()]
