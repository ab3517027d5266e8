"""The printed outputs' look for one attempt: a theme section (factsheet, quiz, poster) read by name,
normal or tightened, right-to-left where the theme has a key for it; and the units they share."""
from __future__ import annotations

from dataclasses import dataclass

MM = 72 / 25.4     # points per millimetre
PAPER = {"A4": (595.28, 841.89), "Letter": (612.0, 792.0)}     # page sizes in points

SCALED = {"body_size", "heading_size", "lead_size", "small_size"}   # what a smaller attempt sets smaller


@dataclass(frozen=True)
class Look:
    """A theme section's values as attributes: look.body_size is factsheet.body_size (tight.body_size when
    tightened, body_size_rtl for right-to-left text); numbers as floats, lists as tuples of floats."""

    t: dict
    tight: bool
    rtl: bool
    scale: float = 1.0     # below 1: the text of the columns set a little smaller, the last resort

    def __getattr__(self, name):
        t = self.__dict__["t"]
        key = f"{name}_rtl" if self.__dict__["rtl"] and f"{name}_rtl" in t else name
        tight = t.get("tight", {}) if self.__dict__["tight"] else {}
        value = tight[key] if key in tight else t[key]
        if isinstance(value, (list, tuple)):
            return tuple(float(v) for v in value)
        value = float(value)
        return value * self.__dict__["scale"] if name in SCALED else value
