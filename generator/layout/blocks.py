"""Blocks of a printed page's flow, set for one column width: paragraphs (split between lines, never
leaving one line alone), tables (split between rows, the header repeated under a "continued" caption),
pictures and groups that stay whole. Each knows its height, how to split, and how to draw itself
onto a Page; right-to-left pages are mirrored (text to the right, bullets on the right, table
columns from the right). A block's node is its element in the structure tree: what it draws is
tagged with it (parts of a split block share it), a table's rows and cells become its TR, TH and TD."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from ..page import Link, Node, Page, Picture, Rect, Rule, TextLine
from ..typeset.lines import Line, Paragraph

SLACK = 0.01    # points a block may overrun its room by (rounding), so that what fits exactly fits
SHORT_TABLE = 4  # a table of fewer rows stays whole: a split would leave one part too small


def baseline(line: Line, pitch: float) -> float:
    """Distance from the top of a line's box (pitch high) to its baseline, the ink centred in the box."""
    return (pitch - (line.ascent + line.descent)) / 2 + line.ascent


def draw_line(page: Page, line: Line, x: float, width: float, top: float, pitch: float, align: str,
              space: bool | None = None) -> None:
    """One line in a box [x, x + width] whose top is at top: aligned left, right or centre; tagged
    with the page's current element (a link in it within a Link element of its own). space: a word
    break follows it (by default, when the text broke at a space there)."""
    if align == "right":
        left = x + width - line.width
    elif align == "center":
        left = x + (width - line.width) / 2
    else:
        left = x
    y = top + baseline(line, pitch)
    parent = page.node
    space = line.spaced if space is None else space
    if not any(seg.href for seg in line.segments):
        page.add(TextLine(left, y, line, space))
        return
    if line.bidi or not isinstance(parent, Node):   # one text layer: the Link holds the annotation alone
        page.add(TextLine(left, y, line, space))
        for seg in line.segments:
            if seg.href:
                link = parent.add("Link", drawn=True) if isinstance(parent, Node) else None
                page.add(Link(left + seg.x, top, seg.width, pitch, seg.href, "".join(seg.texts)), link)
        return
    groups = _by_link(line.segments)
    for k, group in enumerate(groups):  # a link's words inside its Link element, with its annotation
        text = "".join(t for seg in group for t in seg.texts)
        part = Line(line.width, line.ascent, line.descent, tuple(group), text)
        href = group[0].href
        tag = parent
        if href:   # a link that goes on from the end of the line before stays one element
            last = page.links.get(id(parent))
            tag = last[1] if k == 0 and last and last[0] == href and last[2] == len(page.items) else parent.add("Link", drawn=True)
        page.add(TextLine(left, y, part, space and k == len(groups) - 1), tag)
        if href:
            x0, x1 = group[0].x, group[-1].x + group[-1].width
            page.add(Link(left + x0, top, x1 - x0, pitch, href, text.strip()), tag)
            page.links[id(parent)] = (href, tag, len(page.items))


def _by_link(segments) -> list[list]:
    """Runs of consecutive segments with the same link (or none)."""
    groups: list[list] = []
    for seg in segments:
        if groups and groups[-1][0].href == seg.href:
            groups[-1].append(seg)
        else:
            groups.append([seg])
    return groups


@dataclass
class Block:
    """Something in the flow; heights in points."""

    space_before: float = 0.0
    space_after: float = 0.0
    keep_with_next: bool = False
    keep_items: int = 0     # a heading: how many of the items after it must share its column
    node: object = None                 # its element in the structure tree (None: an artifact)

    def body_height(self) -> float:
        raise NotImplementedError

    def height(self, at_top: bool = False) -> float:
        """Height with the space around it (no space before at the top of a column)."""
        return (0.0 if at_top else self.space_before) + self.body_height() + self.space_after

    def split(self, room: float, at_top: bool) -> tuple["Block | None", "Block | None"]:
        """The part that fits in room and the rest; (None, self) when nothing sensible fits."""
        return (self, None) if self.height(at_top) <= room + SLACK else (None, self)

    def min_height(self, at_top: bool = False) -> float:
        """The least of this block that may stand at the foot of a column (for keep-with-next)."""
        return self.height(at_top)

    def draw(self, page: Page, x: float, top: float, width: float, rtl: bool) -> None:
        raise NotImplementedError


@dataclass
class Para(Block):
    """A set paragraph, optionally with a bullet hanging at the start side."""

    para: Paragraph = None
    indent: float = 0.0                 # the text's distance from the start edge (bullets hang in it)
    bullet: Line | None = None
    align: str = "start"                # start, center, end
    min_lines: int = 2                  # a split leaves at least this many lines on each side
    background: str | None = None
    label: object = None                # the bullet's element (Lbl)
    bullet_inset: float = 0.0           # from the start edge to the bullet

    def body_height(self) -> float:
        return self.para.height

    def split(self, room, at_top):
        lines = self.para.lines
        before = 0.0 if at_top else self.space_before
        fit = int((room - before + SLACK) // self.para.pitch) if self.para.pitch else len(lines)
        if fit >= len(lines) and self.height(at_top) <= room + SLACK:
            return self, None
        fit = min(fit, len(lines) - self.min_lines)
        if fit < self.min_lines:
            return None, self
        first = replace(self, para=replace(self.para, lines=lines[:fit]), space_after=0.0)
        rest = replace(self, para=replace(self.para, lines=lines[fit:]), space_before=0.0, bullet=None)
        return first, rest

    def min_height(self, at_top=False):
        lines = len(self.para.lines)
        # the least first part a split can leave: min_lines, when the rest keeps min_lines too
        n = self.min_lines if lines >= 2 * self.min_lines else lines
        return (0.0 if at_top else self.space_before) + n * self.para.pitch + (self.space_after if n == lines else 0.0)

    def draw(self, page, x, top, width, rtl):
        pitch = self.para.pitch
        align = {"start": "right" if rtl else "left", "end": "left" if rtl else "right"}.get(self.align, self.align)
        text_x = x if rtl else x + self.indent
        text_w = width - self.indent
        if self.background:
            page.add(Rect(x, top, width, self.para.height, fill=self.background))
        with page.tagged(self.node):
            for i, line in enumerate(self.para.lines):
                draw_line(page, line, text_x, text_w, top + i * pitch, pitch, align)
        if self.bullet is not None and self.para.lines:
            y = top + baseline(self.para.lines[0], pitch)
            inset = self.bullet_inset
            page.add(TextLine(x + width - self.bullet.width - inset if rtl else x + inset, y, self.bullet), self.label)


@dataclass
class Space(Block):
    """Vertical room that disappears at the top or foot of a column."""

    size: float = 0.0

    def body_height(self):
        return self.size

    def split(self, room, at_top):
        return (None, None) if at_top or self.size > room else (self, None)

    def draw(self, page, x, top, width, rtl):
        pass


@dataclass
class Image(Block):
    """A picture scaled into the column, aspect ratio kept."""

    path: Path = None
    w: float = 0.0
    h: float = 0.0
    frame: str | None = None            # the colour of a rule around it
    frame_width: float = 0.0

    def body_height(self):
        return self.h

    def draw(self, page, x, top, width, rtl):
        left = x + (width - self.w) / 2
        page.add(Picture(left, top, self.w, self.h, self.path), self.node)
        if self.frame:
            page.add(Rect(left, top, self.w, self.h, stroke=self.frame, width=self.frame_width))


@dataclass
class Group(Block):
    """Blocks that stay together in one column (a question and the start of its answer)."""

    blocks: list = field(default_factory=list)

    def body_height(self):
        return sum(b.height(k == 0) for k, b in enumerate(self.blocks))

    def draw(self, page, x, top, width, rtl):
        y = top
        for k, b in enumerate(self.blocks):
            y += 0.0 if k == 0 else b.space_before
            b.draw(page, x, y, width, rtl)
            y += b.body_height() + b.space_after


@dataclass
class Cell:
    """A table cell: a set paragraph."""

    para: Paragraph


@dataclass
class Table(Block):
    """A table set to the column width: header row and body rows of cells, banded, split between rows
    with the header repeated under a continued caption."""

    widths: list[float] = field(default_factory=list)
    header: list[Cell] = field(default_factory=list)
    rows: list[list[Cell]] = field(default_factory=list)
    caption: Para | None = None
    continued: Para | None = None       # the caption of a continuation
    pad: tuple[float, float] = (0.0, 0.0)   # cell padding: sides, top and bottom
    colors: dict = field(default_factory=dict)  # header, band, rule
    rule_width: float = 0.0             # of the rule under the table
    first_row: int = 0                  # index of rows[0] in the whole table (keeps banding)
    heights: list[float] | None = None  # of the body rows, measured once and handed on to each part

    def __post_init__(self):
        if self.heights is None:
            self.heights = [self.row_height(r) for r in self.rows]
        # a long table is split once per column; summing every row at each split would be quadratic
        self._total = sum(self.heights)

    def row_height(self, cells: list[Cell]) -> float:
        return max(c.para.height for c in cells) + 2 * self.pad[1]

    def body_height(self):
        cap = self.caption.height(True) if self.caption else 0.0
        return cap + self.row_height(self.header) + self._total

    def min_height(self, at_top=False):
        """The caption, the header and two rows: the least a split leaves (the whole of a short table)."""
        if len(self.rows) < SHORT_TABLE:
            return self.height(at_top)
        cap = self.caption.height(True) if self.caption else 0.0
        return (0.0 if at_top else self.space_before) + cap + self.row_height(self.header) + sum(self.heights[:2])

    def split(self, room, at_top):
        if self.height(at_top) <= room + SLACK:
            return self, None
        used = (0.0 if at_top else self.space_before) + (self.caption.height(True) if self.caption else 0.0)
        used += self.row_height(self.header)
        fit = 0
        for h in self.heights:
            if used + h > room + SLACK:
                break
            used += h
            fit += 1
        n = len(self.rows)
        if fit == 0 or fit == n:
            return None, self
        # never one row alone at the top of the next column, nor at the foot of this one
        if n - fit < 2:
            if fit > 2:
                fit = n - 2
            elif not at_top:
                return None, self
        if fit < 2 and not at_top:
            return None, self
        first = replace(self, rows=self.rows[:fit], heights=self.heights[:fit], space_after=0.0)
        rest = replace(self, rows=self.rows[fit:], heights=self.heights[fit:], caption=self.continued,
                       space_before=0.0, first_row=self.first_row + fit)
        return first, rest

    def draw(self, page, x, top, width, rtl):
        y = top
        if self.caption:
            self.caption.draw(page, x, y, width, rtl)
            y += self.caption.height(True)
        c = self.colors
        for r, (cells, h) in enumerate(zip([self.header] + self.rows, [self.row_height(self.header)] + self.heights)):
            head = r == 0
            fill = c.get("header") if head else (c.get("band") if (self.first_row + r) % 2 == 0 else None)
            if fill:
                page.add(Rect(x, y, sum(self.widths), h, fill=fill))
            # a header repeated under a continued caption is an artifact: the table has one header row
            row = self.node.add("TR", drawn=True) if self.node is not None and (not head or self.first_row == 0) else None
            cx = x + sum(self.widths) if rtl else x
            for w, cell in zip(self.widths, cells):
                left = cx - w if rtl else cx
                align = "right" if rtl else "left"
                tag = None if row is None else row.add("TH", scope="Column", drawn=True) if head else \
                    row.add("TD", drawn=True)
                with page.tagged(tag):
                    for i, line in enumerate(cell.para.lines):
                        draw_line(page, line, left + self.pad[0], w - 2 * self.pad[0],
                                  y + self.pad[1] + i * cell.para.pitch, cell.para.pitch, align)
                cx = left if rtl else cx + w
            y += h
        if c.get("rule") and self.rule_width:
            page.add(Rule(x, y, x + sum(self.widths), y, c["rule"], self.rule_width))
