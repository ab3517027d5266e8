"""The deck as plain data (as pandoc's pptx writer has its Slide and Layout): what every slide says
and where, planned before python-pptx is touched. Geometry in inches, text sizes in points."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ...text import Run

PT = 72.0   # points to the inch


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
    """A filled shape behind the text: drawn by the built-in design, or part of a template's master."""

    rect: Rect
    color: str
    name: str = "Decoration"


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
    link: str
    badge: str                       # the card behind a logo or QR code
    background: str                  # the contrast white: table rows alternate it with light


@dataclass(frozen=True)
class TitleStyle:
    """How a layout sets its title: size, colour, weight, capitals, alignment and anchor."""

    size: float
    color: str
    bold: bool = True
    caps: bool = False
    align: str = "left"
    anchor: str = "middle"


@dataclass(frozen=True)
class Place:
    """One kind of slide in a design: where its title and body go and what lies behind them."""

    role: str                        # title, body, section, title_only, closing
    title: Rect
    body: Rect
    background: str
    fills: tuple[Fill, ...] = ()
    title_style: TitleStyle | None = None   # every Place a design makes has one
    footer: Rect | None = None       # where the footer text goes
    number: Rect | None = None       # where the slide number goes
    footer_color: str = ""           # the footer's and the slide number's text colour
    layout: int = 0                  # index of the layout the slide is made on (the template's or the base's)
    body_placeholder: bool = False   # template: the layout has a body placeholder where body goes
    body_align: str = "start"
    logo: Rect | None = None         # where the content's logo goes (None: the template has its own)


@dataclass(frozen=True)
class Para:
    """One paragraph of a text box."""

    runs: tuple[Run, ...]
    size: float
    color: str
    bold: bool = False
    italic: bool = False
    bullet: str | None = None
    bullet_color: str | None = None
    number: int = 0                  # numbered (1., 2. ...) from this number, hanging in the indent
    number_style: str = ""           # how: an OOXML autonumber scheme such as arabicPeriod
    indent: float = 0.0              # hanging indent in points (bullets, option letters)
    align: str = "start"             # start, center, end, left, right
    space_before: float = 0.0        # points
    link_color: str | None = None
    first_color: str | None = None   # colour of the first run (agenda numbers, option letters)
    font: str = "body"               # body or heading
    caps: bool = False
    lang: str = ""                   # language of the text when it is not the deck's own (wording fallback)


@dataclass(frozen=True)
class Box:
    """A text box, or a filled shape holding text."""

    x: float
    y: float
    w: float
    h: float
    paras: tuple[Para, ...]
    name: str = "Text"
    fill: str | None = None
    line: str | None = None
    rounded: bool = False
    corner: float = 0.0              # a rounded box's corner radius, as a share of its shorter side
    line_width: float = 0.0          # points, of the rule around a box with a line colour
    anchor: str = "top"
    inset: tuple[float, float, float, float] | None = None   # l, t, r, b; None: the design's (set when finished)
    placeholder: str | None = None   # template: set in the slide's body or subtitle placeholder


@dataclass(frozen=True)
class Picture:
    x: float
    y: float
    w: float
    h: float
    source: Path | bytes
    alt: str
    name: str = "Picture"
    card: str | None = None          # colour of a card drawn behind the picture
    card_pad: float = 0.0            # the card's margin around the picture (inches)
    card_corner: float = 0.0         # the card's corner radius, as a share of its shorter side
    line: str | None = None          # colour of the rule around a picture without a card
    line_width: float = 0.0          # points


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
    colors: tuple[str, str, str, str, str, str] = ("", "", "", "", "", "")
    # header fill, header text, band, the rows between the bands, text, link
    cell_inset: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)   # inside each cell: l, t, r, b (inches)
    header_bold: bool = False
    header_anchor: str = "top"       # top, middle, bottom
    anchor: str = "top"              # the other rows' cells


@dataclass
class Slide:
    """One slide: what it says and where; the writer adds nothing but the design's furniture."""

    kind: str                        # title, agenda, divider, content, table, faq, quiz, question, reveal, closing
    title: str
    title_box: Box
    notes: str = ""
    boxes: list[Box] = field(default_factory=list)
    pictures: list[Picture] = field(default_factory=list)
    table: TableChunk | None = None
    subtitle: Box | None = None
    rules: list[tuple[float, float, float, float, str]] = field(default_factory=list)  # x, y, w, h, colour
    footer: str = ""
    footer_size: float = 0.0         # of the footer and the slide number (set when the deck is finished)
    footer_box: Box | None = None    # the footer text where the place puts it (set when the deck is finished)
    number_box: Box | None = None    # the slide number, its one run the number (the writer writes it as a field)
    number: int = 0
    place: Place | None = None


@dataclass
class DeckPlan:
    """The whole deck as data, ready for the writer."""

    slides: list[Slide]
    width: float
    height: float
    language: str                    # BCP 47 tag written on every run
    rtl: bool
    fonts: dict                      # latin, cs: the font names the deck writes
    title: str
    subject: str
    author: str
    stamp: tuple                     # (y, m, d, h, min, s): the core properties' fixed date
    template: bytes | None = None    # the organisation's template, cleaned (None: the built-in design)
    link_color: str = ""
    line_pitch: float | None = None  # exact line pitch (x size) of the built-in design; None: single
    link_underline: bool = False     # web addresses underlined

    @property
    def summary(self) -> str:
        n = len(self.slides)
        return f"{n} slide{'s' if n != 1 else ''}"
