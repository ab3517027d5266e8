"""Deck presentation model: slides as plain data (what each says and where), no python-pptx.

Geometry is in inches (the built-in deck is 13.333 x 7.5 in; a template keeps its own size);
text sizes and spacing are in points. A Frame is the geometry the planner works in: the slide
size, and for each role of layout where its title and body go, what lies behind them and which
fonts the text is set (and measured) in.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..fonts import FontFamily
from ..text import Run

SLIDE_W, SLIDE_H = 13.333, 7.5
PT = 72.0  # points per inch
INSET = (0.08, 0.05, 0.08, 0.05)  # text frame insets l, t, r, b (inches)
CELL = (0.1, 0.06, 0.1, 0.06)     # table cell margins l, t, r, b (inches)


# ---------------------------------------------------------------------------------------------
# The frame: slide size, layouts' boxes, backgrounds, fonts and colours (data handed to the planner)
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def overlap(self, other: "Rect") -> float:
        """Area shared with other (square inches)."""
        w = min(self.right, other.right) - max(self.x, other.x)
        h = min(self.bottom, other.bottom) - max(self.y, other.y)
        return w * h if w > 0 and h > 0 else 0.0


@dataclass(frozen=True)
class Fill:
    """A filled shape behind the text: drawn by the writer (built-in design) or the template's master."""

    rect: Rect
    color: str
    name: str = "Decoration"


@dataclass(frozen=True)
class Face:
    """A font the deck names, and the files its text is measured with."""

    name: str
    family: FontFamily
    measured: str = ""               # the font actually measured (a metric twin or a wider stand-in)
    stand_in: bool = False           # `name` is not available here: measured with a wider font
    line_height: float = 1.37
    slack: float = 1.0               # extra width factor on top of the theme's width slack


@dataclass(frozen=True)
class Colors:
    primary: str
    secondary: str
    accent: str
    text: str
    muted: str
    light: str
    rule: str
    on_primary: str
    correct: str
    on_correct: str
    link: str = ""

    @classmethod
    def of(cls, kit) -> "Colors":
        names = [n for n in cls.__dataclass_fields__ if n != "link"]
        values = {name: kit.theme.color(name) for name in names}
        return cls(**values, link=values["secondary"])


@dataclass(frozen=True)
class Place:
    """One role of layout: where its title and its body text go, and what lies behind them."""

    role: str                        # title, body, section, title_only, closing (built-in only)
    title: Rect
    body: Rect | None
    background: str
    fills: tuple[Fill, ...] = ()
    subtitle: Rect | None = None     # the title layout's subtitle box
    footer: Rect | None = None       # template: the layout's footer placeholder
    title_color: str = "#000000"
    title_size: float = 32.0
    title_bold: bool = True
    title_caps: bool = False
    title_align: str = "left"
    title_anchor: str = "middle"
    body_placeholder: bool = False   # template: the layout's body placeholder takes the body text
    body_align: str = "left"         # template: how the layout aligns its subtitle or short body text
    footer_color: str = "#4F5966"


@dataclass(frozen=True)
class Frame:
    """Everything about the slides' geometry and look that the planner needs, as data."""

    slide_w: float
    slide_h: float
    places: dict                     # role -> Place
    kinds: dict                      # slide kind -> role
    heading: Face
    body: Face
    colors: Colors
    template: Path | None = None     # the organisation's .pptx, None for the built-in design
    layouts: dict = field(default_factory=dict)   # role -> index of the template's layout

    def place(self, role: str) -> Place:
        return self.places[role]

    def role(self, kind: str) -> str:
        return self.kinds[kind]


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
    font: str = "body"               # body or heading: which face of the frame sets it
    caps: bool = False               # the layout sets it in capitals (measured so)


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
    placeholder: str | None = None   # template: set in the slide's body or subtitle placeholder


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
    layout: str = "body"             # the role of layout it is set on (a key of Frame.places)
