"""Pictures: the visual backend interface and the procedural skia renderer (the default)."""

from .base import VisualBackend
from .procedural import ProceduralBackend, rgba_to_rgb

__all__ = ["ProceduralBackend", "VisualBackend", "rgba_to_rgb"]
