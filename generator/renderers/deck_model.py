"""Deck presentation model: slides as plain data (what each says and where), no python-pptx.

Geometry is in inches on a 13.333 x 7.5 in slide; text sizes and spacing are in points.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..text import Run

SLIDE_W, SLIDE_H = 13.333, 7.5
PT = 72.0  # points per inch
INSET = (0.08, 0.05, 0.08, 0.05)  # text frame insets l, t, r, b (inches)
CELL = (0.1, 0.06, 0.1, 0.06)     # table cell margins l, t, r, b (inches)


# ---------------------------------------------------------------------------------------------
# The presentation model
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Para:
    """One paragraph of a text box."""

    runs: tuple[Run, ...]
    size: float
    color: str
    bold: bool = False
    italic: bool = False
    bullet: str | None = None        # bullet character, hanging by `indent`
    bullet_color: str | None = None
    indent: float = 0.0              # hanging indent in points (bullets, option letters)
    align: str = "left"              # left, center, right
    space_before: float = 0.0        # points
    link_color: str | None = None
    first_color: str | None = None   # colour of the first run (agenda numbers, option letters)


@dataclass(frozen=True)
class Box:
    """A text box (or a filled shape holding text)."""

    x: float
    y: float
    w: float
    h: float
    paras: tuple[Para, ...]
    name: str = "Text"
    fill: str | None = None
    line: str | None = None
    rounded: bool = False
    anchor: str = "top"              # top, middle, bottom
    inset: tuple[float, float, float, float] = INSET


@dataclass(frozen=True)
class Picture:
    """A picture fitted into its box, aspect ratio kept."""

    x: float
    y: float
    w: float
    h: float
    source: Path | bytes
    alt: str
    name: str = "Picture"
    card: str | None = None          # colour of a card drawn behind the picture


@dataclass(frozen=True)
class TableChunk:
    """Some rows of a table, with the header row repeated."""

    x: float
    y: float
    col_widths: tuple[float, ...]
    row_heights: tuple[float, ...]   # header first
    header: tuple[tuple[Run, ...], ...]
    rows: tuple[tuple[tuple[Run, ...], ...], ...]
    size: float
    name: str = "Table"


@dataclass
class Slide:
    """One slide: what it says and where; the writer adds the design (bands, rules, footer)."""

    kind: str                        # title, agenda, divider, content, table, faq, quiz, question, reveal, closing
    title: str                       # plain text of the title (outline, accessibility)
    title_box: Box                   # where and how the title placeholder is set
    notes: str = ""
    boxes: list[Box] = field(default_factory=list)
    pictures: list[Picture] = field(default_factory=list)
    table: TableChunk | None = None
    subtitle: Box | None = None      # title slide: the subtitle placeholder
    rules: list[tuple[float, float, float, float]] = field(default_factory=list)  # accent rules x, y, w, h
    footer: str = ""
    footer_size: float = 12.0
    number: int = 0
