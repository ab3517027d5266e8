"""The printed page as plain data: what the PDF planners produce and the PDF writer draws.

Coordinates are points from the page's top-left corner, y growing downwards; a line of text is
placed by its left edge and its baseline. Nothing here knows ReportLab.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .typeset.lines import Line


@dataclass(frozen=True)
class TextLine:
    """A set line of text, its left edge at x and its baseline at y."""

    x: float
    y: float
    line: Line


@dataclass(frozen=True)
class Rect:
    """A rectangle, filled and/or stroked; rounded corners when radius > 0."""

    x: float
    y: float
    w: float
    h: float
    fill: str | None = None
    stroke: str | None = None
    width: float = 0.6
    radius: float = 0.0


@dataclass(frozen=True)
class Circle:
    """A circle to mark with a pen (or filled, on a scoring overlay)."""

    cx: float
    cy: float
    r: float
    stroke: str | None = None
    fill: str | None = None
    width: float = 0.9


@dataclass(frozen=True)
class Rule:
    """A straight line."""

    x1: float
    y1: float
    x2: float
    y2: float
    color: str
    width: float = 0.5


@dataclass(frozen=True)
class Picture:
    """A PNG or JPEG drawn into a box (the planner keeps its aspect ratio)."""

    x: float
    y: float
    w: float
    h: float
    path: Path


@dataclass(frozen=True)
class Link:
    """A clickable area opening a web address (only addresses the link policy allows get here)."""

    x: float
    y: float
    w: float
    h: float
    url: str


@dataclass(frozen=True)
class QR:
    """A QR code: dark modules of a square matrix, drawn size x size points with its quiet zone."""

    x: float
    y: float
    size: float
    matrix: tuple[tuple[bool, ...], ...]
    color: str = "#000000"
    text: str = ""


Item = TextLine | Rect | Circle | Rule | Picture | Link | QR


@dataclass
class Page:
    """One page and everything on it, in drawing order."""

    width: float
    height: float
    items: list = field(default_factory=list)

    def add(self, item) -> None:
        self.items.append(item)

    def text_lines(self) -> list[TextLine]:
        return [i for i in self.items if isinstance(i, TextLine)]


@dataclass
class Document:
    """A whole PDF as data: its pages and its metadata."""

    pages: list[Page]
    title: str
    author: str = ""
    subject: str = ""
    language: str = "en"
    facts: dict = field(default_factory=dict)   # what the planner decided, for reports and tests

    @property
    def summary(self) -> str:
        n = len(self.pages)
        return f"{n} page{'s' if n != 1 else ''}"


def _qr_encoder():
    """segno's encoder on its own: `import segno` also loads its writers, and through them
    xml.sax.saxutils, urllib, http and ssl, tens of milliseconds that a build never uses."""
    import importlib
    import importlib.util
    import sys
    import types

    name = f"{__package__}._segno"
    if name not in sys.modules:
        package = types.ModuleType(name)   # the package's folder, without running its __init__
        package.__path__ = list(importlib.util.find_spec("segno").submodule_search_locations)
        sys.modules[name] = package
    return importlib.import_module(f"{name}.encoder")


@lru_cache(maxsize=64)
def qr_matrix(text: str, error: str = "m") -> tuple[tuple[bool, ...], ...]:
    """The module matrix of a QR code for text, with a four-module quiet zone (segno, pure Python)."""
    code = _qr_encoder().encode(text, error=error, micro=False)
    quiet = (False,) * (len(code.matrix[0]) + 8)
    return ((quiet,) * 4 + tuple((False,) * 4 + tuple(bool(v) for v in row) + (False,) * 4 for row in code.matrix)
            + (quiet,) * 4)


def qr_png(text: str, scale: int = 10) -> bytes:
    """A QR code for text as a black-on-white PNG, scale pixels a module (for the deck)."""
    import io

    from PIL import Image

    matrix = qr_matrix(text)
    image = Image.new("1", (len(matrix[0]), len(matrix)), 1)
    image.putdata([0 if dark else 1 for row in matrix for dark in row])
    buf = io.BytesIO()
    image.resize((image.width * scale, image.height * scale), Image.NEAREST).save(buf, format="PNG", optimize=True)
    return buf.getvalue()


def image_size(path) -> tuple[int, int]:
    """Width and height in pixels of a picture (PNG or JPEG)."""
    from PIL import Image as PILImage

    with PILImage.open(path) as im:
        return im.size
