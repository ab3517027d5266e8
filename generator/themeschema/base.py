"""The theme schema's shared types: measures, colours, fonts, and the base model every section builds on."""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from .. import fonts as _fonts

Size = Annotated[float, Field(gt=0)]          # a text size, a height, a width: more than 0
Length = Annotated[float, Field(ge=0)]        # a gap, a pad, a rule: 0 or more
Share = Annotated[float, Field(gt=0, lt=1)]   # a fraction of something, between 0 and 1
Times = Annotated[float, Field(ge=1, le=3)]   # a line pitch or a width allowance, times the text size
Factor = Annotated[float, Field(ge=0, le=5)]  # a space as a multiple of another (times the paragraph space)
Color = Annotated[str, StringConstraints(pattern=r"^#[0-9A-Fa-f]{6}$")]
Inset = tuple[Length, Length, Length, Length]   # inside a box: left, top, right, bottom
Anchor = Literal["top", "middle", "bottom"]   # where text sits in a box, top to bottom


def _known_font(name: str) -> str:
    if name not in _fonts.REGISTRY and not name.lower().endswith((".ttf", ".otf", ".ttc")):
        raise ValueError(f"{name!r} is not a font the kit knows; use one of {', '.join(_fonts.REGISTRY)}, "
                         "or a font file in the theme folder (fonts/My-Regular.ttf, or {regular: ..., bold: ...})")
    return name


FontName = Annotated[str, AfterValidator(_known_font)]


class _Model(BaseModel):
    # The field docstrings document the theme, but pydantic is not asked to read them: on Python 3.11 it
    # finds each class's source through the frames and tokenizes it, as much again as building the models
    # (50 ms), and nothing the kit prints shows them. tests/test_theme.py reads them from the source.
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=False, frozen=True)


class FontFiles(_Model):
    """A family of static font files inside the theme folder."""

    regular: str
    """The upright file, such as fonts/MySans-Regular.ttf (.ttf or .otf)."""
    bold: str | None = None
    """The bold file."""
    italic: str | None = None
    """The italic file."""
    bolditalic: str | None = None
    """The bold italic file."""
    name: str | None = None
    """The family's name as documents name it (default: the regular file's name)."""


Font = Annotated[FontName | FontFiles, Field(union_mode="left_to_right")]
