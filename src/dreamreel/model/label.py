"""The visible "AI-generated" label burned into a film's picture: its words and its corner."""

import re
from typing import Literal, get_args

from pydantic import ConfigDict, field_validator

from .base import Model

Corner = Literal["top-left", "top-right", "bottom-left", "bottom-right"]
CORNERS: tuple[str, ...] = get_args(Corner)
LABEL_TEXT = "AI-generated"
MAX_LABEL_CHARS = 40
#: Words that tell a viewer the picture is machine-made (the label exists to say so): AI and its
#: abbreviations in other languages (not inside a word: "MAIN" does not count), or artificial /
#: synthetic in a few languages.
DISCLOSES = re.compile(r"(?<![A-Za-z])(A\.?I\.?|K\.?I\.?|I\.?A\.?)(?![A-Za-z])|artifici|künstlich|kunstmatig|synthe|sintétic|"
                       r"sintetic|人工|合成", re.IGNORECASE)


class Label(Model):
    """What the burned-in label says and where it sits. A film without one has ``None`` instead."""

    model_config = ConfigDict(frozen=True)

    text: str = LABEL_TEXT
    corner: Corner = "bottom-right"

    @field_validator("text")
    @classmethod
    def _one_short_printable_line(cls, v: str) -> str:
        v = v.strip()
        if not 1 <= len(v) <= MAX_LABEL_CHARS:
            raise ValueError(f"the label text must be 1 to {MAX_LABEL_CHARS} characters, not {len(v)}")
        if not v.isprintable():
            raise ValueError("the label text must be printable characters on one line (no tabs, newlines "
                             "or other control characters)")
        if not DISCLOSES.search(v):
            raise ValueError("the label must say the film is AI-generated: put AI (or A.I., KI, IA), "
                             "'artificial' or 'synthetic' in it")
        return v


def as_label(value: "Label | bool | None") -> Label | None:
    """``True``: the default label; ``False`` or ``None``: no label; a :class:`Label`: itself."""
    if value is None or value is False:
        return None
    if value is True:
        return Label()
    if isinstance(value, Label):
        return value
    raise TypeError(f"a label is a Label, True, False or None, not {type(value).__name__}")
