"""Text of one kit set as blocks: content text (inline markup, the language's typography) and the
generator's own wording, in the kit's fonts and direction."""
from __future__ import annotations

from functools import cached_property

from ..text import Point, Run, point, runs
from ..typeset.lines import Line, Paragraph, Span, Style, Typesetter, unbreakable
from .blocks import Para

UNBOUNDED = 1e6     # points: a measure no line reaches, to set text on one line
WIDEST_FLOOR = 3    # a column of a table is kept as wide as its longest word, up to a third of the table


_TYPESETTERS: dict = {}


def typesetter(fonts, rtl: bool, language: str) -> Typesetter:
    """One typesetter (and so one cache of set paragraphs) per font set, direction and language."""
    key = (id(fonts), rtl, language)
    found = _TYPESETTERS.get(key)
    if found is None or found.fonts is not fonts:
        found = _TYPESETTERS[key] = Typesetter(fonts, rtl, language)
    return found


class Setter:
    """Sets text for a kit: spans from content or wording, paragraphs and single lines."""

    def __init__(self, kit, leading: float):
        self.kit = kit
        self.language = kit.language
        self.rtl = kit.rtl
        self.leading = leading
        self.link_color = kit.theme.color("secondary")

    @cached_property
    def typesetter(self) -> Typesetter:
        return typesetter(self.kit.fonts, self.rtl, self.language.split("-")[0])

    def numbered(self, number: int) -> str:
        """A question's number with its full stop ("1."), which follows it in the reading direction:
        a right-to-left mark puts the stop at its left in a right-to-left edition."""
        return f"\u200f{number}." if self.rtl else f"{number}."

    def spans(self, text: str, style: Style, markup: bool = True) -> list[Span]:
        """Spans of a text: with markup, **bold**, *italic* and links; always the language's typography."""
        if not markup:
            return [Span(text, style)] if text else []
        return self.runs_to_spans(runs(text, self.language), style)

    def runs_to_spans(self, items: tuple[Run, ...], style: Style) -> list[Span]:
        out = []
        for r in items:
            st = Style(style.size, self.link_color if r.href else style.color, style.bold or r.bold,
                       style.italic or r.italic)
            out.append(Span(r.text, st, r.href))
        return out

    def point_spans(self, item, style: Style, term_color: str | None = None) -> list[Span]:
        """A point as spans: a labelled point's term in bold (with its colon), then its text."""
        p: Point = point(item) if not isinstance(item, Point) else item
        body = self.spans(p.text, style)
        if not p.term:
            return body
        term_style = Style(style.size, term_color or style.color, True, style.italic)
        colon = "" if p.term.rstrip().endswith(":") else ":"
        term = self.runs_to_spans(runs(p.term + colon, self.language), term_style)
        return term + [Span(" ", style)] + body

    def set(self, spans: list[Span], width: float, leading: float | None = None) -> Paragraph:
        return self.typesetter.set(spans, width, leading or self.leading)

    def para(self, spans: list[Span], width: float, *, leading: float | None = None, space_before: float = 0.0,
             space_after: float = 0.0, keep_with_next: bool = False, indent: float = 0.0,
             bullet: Line | None = None, bullet_inset: float = 0.0, align: str = "start", min_lines: int = 2,
             node=None, label=None) -> Para:
        """A paragraph block set in width (minus indent), tagged with node (its bullet with label, bullet_inset
        from the start edge)."""
        return Para(space_before=space_before, space_after=space_after, keep_with_next=keep_with_next,
                    para=self.set(spans, width - indent, leading), indent=indent, bullet=bullet, align=align,
                    min_lines=min_lines, node=node, label=label, bullet_inset=bullet_inset)

    def line(self, text: str, style: Style, markup: bool = False) -> Line:
        """One unbroken line of text (labels, bullets, numbers)."""
        spans = self.spans(text, style, markup)
        para = self.typesetter.set(spans, UNBOUNDED, self.leading)
        return para.lines[0] if para.lines else self.typesetter.set([Span(" ", style)], UNBOUNDED).lines[0]

    def width(self, text: str, style: Style, markup: bool = False) -> float:
        """Width of text on one unbroken line (measured, not set: no line is built)."""
        return self.typesetter.natural_width(self.spans(text, style, markup))


def table_widths(s: Setter, header, rows, width: float, pad: float) -> list[float]:
    """Share the width by what the columns hold: never less than a column's longest unbreakable
    piece (a word, or a part of a web address; headers measured bold) up to a third of the table,
    and otherwise in proportion to its average text."""
    def pieces(cell) -> float:
        return max((s.width(w, sp.style) for sp in cell for w in unbreakable(sp.text)), default=0.0)

    columns = list(zip(header, *rows))
    floors = [min(max(pieces(cell) for cell in col), width / WIDEST_FLOOR) + 2 * pad for col in columns]
    wants = [sum(sum(s.width(c.text, c.style) for c in cell) for cell in col) / len(col) + 2 * pad for col in columns]
    if sum(floors) >= width:
        return [width * f / sum(floors) for f in floors]
    extra = width - sum(floors)
    more = [max(w - f, 0) for w, f in zip(wants, floors)]
    if sum(more) == 0:
        return [f + extra / len(floors) for f in floors]
    return [f + extra * m / sum(more) for f, m in zip(floors, more)]
