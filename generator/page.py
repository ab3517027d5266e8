"""The printed page as plain data: what the PDF planners produce and the PDF writer draws.

Coordinates are points from the page's top-left corner, y growing downwards; a line of text is
placed by its left edge and its baseline. Nothing here knows ReportLab.

The structure (tagged PDF, PDF/UA) is planned here too: a tree of Nodes (Document, H1, P, L, Table,
Figure, Link...) in the content's reading order, whose leaves are Marks of page items. Each item a
page holds is tagged with its Node, with PAGINATION (running footers, page numbers) or with None
(an artifact: rules, bands, boxes). The writer only turns this into marked content and objects.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from .typeset.lines import Line


@dataclass(frozen=True)
class TextLine:
    """A set line of text, its left edge at x and its baseline at y."""

    x: float
    y: float
    line: Line
    space: bool = False     # a word break follows the line: its text ends with a space for readers

    @cached_property
    def actual(self) -> tuple[str | None, ...]:
        """Per segment, the text a reader should get where its glyphs do not carry it one by one
        (shaped scripts: a vowel sign drawn before its consonant, conjuncts), else None. A line with
        right-to-left text is drawn as outlines over an invisible layer and carries its whole text."""
        return tuple("".join(s.texts) if any(len(t) != 1 for t in s.texts) else None for s in self.line.segments)


@dataclass(frozen=True)
class Rect:
    """A rectangle, filled and/or stroked; rounded corners when radius > 0."""

    x: float
    y: float
    w: float
    h: float
    fill: str | None = None
    stroke: str | None = None
    width: float = 0.0          # of the stroke, when there is one (the planner's choice)
    radius: float = 0.0


@dataclass(frozen=True)
class Circle:
    """A circle to mark with a pen (or filled, on a scoring overlay)."""

    cx: float
    cy: float
    r: float
    stroke: str | None = None
    fill: str | None = None
    width: float = 0.0          # of the stroke, when there is one (the planner's choice)


@dataclass(frozen=True)
class Rule:
    """A straight line."""

    x1: float
    y1: float
    x2: float
    y2: float
    color: str
    width: float


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
    contents: str = ""      # what the link says (its text), for assistive technology


@dataclass(frozen=True)
class QR:
    """A QR code: dark modules of a square matrix, drawn size x size points with its quiet zone."""

    x: float
    y: float
    size: float
    matrix: tuple[tuple[bool, ...], ...]
    color: str = "#000000"
    text: str = ""


HYPHENS = "-\u2010"          # a line may end after these inside a word (a break the text allows)

Item = TextLine | Rect | Circle | Rule | Picture | Link | QR
CONTENT = (TextLine, Picture, QR, Link)     # what can belong to a structure element; the rest is artifact
PAGINATION = "Pagination"                   # the tag of running footers and page numbers


@dataclass(eq=False)
class Node:
    """An element of the structure tree: a standard role (P, H1, LI, TD...), its kids in reading order
    (Nodes and Marks), and the attributes a reader needs (alt text, language, a header's scope)."""

    role: str
    kids: list = field(default_factory=list)
    alt: str | None = None
    lang: str | None = None
    scope: str | None = None            # a TH's: Column or Row
    drawn: bool = False                 # made while drawing (a table's rows, a link), not when planned

    def add(self, role: str, **attributes) -> "Node":
        """A new last kid of this element."""
        node = Node(role, **attributes)
        self.kids.append(node)
        return node

    def forget_drawing(self) -> None:
        """Drop what drawing added (its marks, and the elements made while drawing), so that the same
        planned blocks can be drawn again."""
        self.kids = [k for k in self.kids if isinstance(k, Node) and not k.drawn]
        for kid in self.kids:
            kid.forget_drawing()


@dataclass(frozen=True, eq=False)
class Mark:
    """The item at index of page, as a leaf of the structure tree."""

    page: "Page"
    index: int


@dataclass(eq=False)
class Join:
    """A word broken at a hyphen across two lines of one element: its text is the word as written,
    from character start of the line at first to character end of the next one."""

    first: int
    second: int
    start: int
    end: int
    text: str


@dataclass
class Page:
    """One page and everything on it, in drawing order, each item with its tag (see the module)."""

    width: float
    height: float
    items: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    joins: list = field(default_factory=list)
    node: object = None                 # the tag of content added now (see tagged)
    links: dict = field(default_factory=dict)   # id(element) -> (address, Link element, items) of its last link

    def add(self, item, tag=...) -> None:
        tag = self.node if tag is ... else tag
        if not isinstance(item, CONTENT):
            tag = None
        elif isinstance(item, TextLine) and isinstance(tag, Node):
            self._join(item, tag)
        self.items.append(item)
        self.tags.append(tag)
        if isinstance(tag, Node):
            tag.kids.append(Mark(self, len(self.items) - 1))

    @contextmanager
    def tagged(self, tag):
        """Content added inside belongs to tag (a Node, PAGINATION, or None for an artifact)."""
        before, self.node = self.node, tag
        try:
            yield tag
        finally:
            self.node = before

    def _join(self, item: TextLine, tag: "Node") -> None:
        """Note a word broken after a hyphen of the text between the last line of tag and this one, so
        that extraction gives it whole ("cross-border", not "crossborder")."""
        k = len(self.items) - 1
        while k >= 0 and isinstance(self.items[k], Link):
            k -= 1
        if k < 0 or self.tags[k] is not tag or not isinstance(self.items[k], TextLine):
            return
        before, after = self.items[k].line, item.line
        if before.bidi or after.bidi or not before.text or not after.text or before.text[-1] not in HYPHENS \
                or not after.text[0].isalnum() or self.items[k].y >= item.y:
            return
        start = max(before.text.rfind(" "), before.text.rfind("\u00a0")) + 1
        end = min([i for i in (after.text.find(" "), len(after.text)) if i >= 0])
        if any(self.items[k].actual) or any(item.actual):
            return
        self.joins.append(Join(k, len(self.items), start, end, before.text[start:] + after.text[:end]))

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
    structure: Node | None = None               # the Document element; None: an untagged PDF

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


QUIET = 4    # modules of white around a QR code, as its standard asks


@lru_cache(maxsize=64)
def qr_matrix(text: str, error: str = "m") -> tuple[tuple[bool, ...], ...]:
    """The module matrix of a QR code for text, with a four-module quiet zone (segno, pure Python)."""
    code = _qr_encoder().encode(text, error=error, micro=False)
    quiet = (False,) * (len(code.matrix[0]) + 2 * QUIET)
    return ((quiet,) * QUIET + tuple((False,) * QUIET + tuple(bool(v) for v in row) + (False,) * QUIET
                                     for row in code.matrix) + (quiet,) * QUIET)


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
