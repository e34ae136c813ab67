"""Pictures: the visual backend interface and the procedural skia renderer (the default)."""

from .base import HeldFrame, VisualBackend, held
from .procedural import ProceduralBackend

__all__ = ["HeldFrame", "ProceduralBackend", "VisualBackend", "held"]
