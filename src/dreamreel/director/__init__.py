"""The director: picks the route through a story graph (viewer choices, a seed, a choices file)."""

from .path import (
    Choices,
    Voiced,
    choose_path,
    load_choices,
    play,
    telling,
    voiced_lines,
)

__all__ = ["Choices", "Voiced", "choose_path", "load_choices", "play", "telling", "voiced_lines"]
