"""Deck fitting: the built-in frame, the grid, paragraph styles, and measured pagination.

Every height is measured with the font's real metrics (generator.measure); sizes shrink from the
theme's size to its minimum before content is split across continuation slides.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from ..kit import Kit
from ..measure import Measure
from ..text import Run
from .deck_model import INSET, PT, SLIDE_H, SLIDE_W, Colors, Face, Fill, Frame, Para, Place, Rect

# ---------------------------------------------------------------------------------------------
# Grid, styles and measuring helpers
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Grid:
    """Text sizes from the theme's deck section, and the body region of one layout."""

    body: Rect
    title_size: float
    min_title_size: float
    body_size: float
    min_body_size: float
    question_size: float
    option_size: float
    table_size: float
    min_table_size: float
    image_share: float
    gap: float

    @classmethod
    def of(cls, kit: Kit, body: Rect) -> "Grid":
        t = kit.theme
        num = lambda key, default: _num(t, f"deck.{key}", default)  # noqa: E731
        return cls(body=body, title_size=t.num("deck.title_size"), min_title_size=num("min_title_size", 22),
                   body_size=t.num("deck.body_size"), min_body_size=t.num("deck.min_body_size"),
                   question_size=t.num("deck.question_size"), option_size=t.num("deck.option_size"),
                   table_size=num("table_size", 18), min_table_size=num("min_table_size", 14),
                   image_share=num("image_share", 0.4), gap=num("gap", 0.35))

    @property
    def mx(self) -> float:
        """Left edge of the body region."""
        return self.body.x

    @property
    def body_top(self) -> float:
        return self.body.y

    @property
    def body_w(self) -> float:
        return self.body.w

    @property
    def body_bottom(self) -> float:
        return self.body.bottom

    @property
    def body_h(self) -> float:
        return self.body.h


def _num(theme, key, default):
    try:
        return theme.num(key)
    except Exception:
        return default


def builtin_frame(kit: Kit) -> Frame:
    """The built-in design as a frame: a 16:9 slide, a primary band behind content titles, dark
    title and closing slides, light dividers; every decoration listed so that text can be checked
    against what lies behind it."""
    t, c = kit.theme, Colors.of(kit)
    w, h = SLIDE_W, SLIDE_H
    mx, title_h = t.num("deck.margin_x"), t.num("deck.title_height")
    band, footer_h = _num(t, "deck.band_height", 1.3), t.num("deck.footer_height")
    body_top = t.num("deck.body_top")
    body = Rect(mx, body_top, w - 2 * mx, h - footer_h - 0.12 - body_top)
    title = Rect(mx, (band - title_h) / 2, w - 2 * mx, title_h)
    size = t.num("deck.title_size")
    banded = Place("body", title, body, "#FFFFFF",
                   (Fill(Rect(0, 0, w, band), c.primary, "Title band"),
                    Fill(Rect(0, band, w, 0.06), c.accent, "Accent rule"),
                    Fill(Rect(mx, h - footer_h, w - 2 * mx, 0.01), c.rule, "Footer rule")),
                   title_color=c.on_primary, title_size=size, footer_color=c.muted)
    dark = Place("title", title, body, c.primary, (Fill(Rect(0, h - 0.14, w, 0.14), c.accent, "Accent rule"),),
                 title_color=c.on_primary, title_size=size, title_anchor="bottom", footer_color=c.rule)
    side = Place("section", title, body, c.light, (Fill(Rect(0, 0, 0.3, h), c.primary, "Side band"),),
                 title_color=c.primary, title_size=size, title_anchor="bottom", footer_color=c.muted)
    places = {"body": banded, "title_only": replace(banded, role="title_only"), "title": dark,
              "closing": replace(dark, role="closing"), "section": side}
    kinds = {"title": "title", "closing": "closing", "divider": "section", "quiz": "section",
             "agenda": "body", "content": "body", "table": "body", "faq": "body", "question": "body",
             "reveal": "body"}
    face = Face(kit.font.name, kit.font, kit.font.name, line_height=t.num("deck.line_height"))
    return Frame(w, h, places, kinds, face, face, c)


@dataclass(frozen=True)
class Proto:
    """A paragraph before its size is chosen: runs plus a role that decides its style."""

    runs: tuple[Run, ...]
    role: str            # lead, bullet, faq_q, faq_a, faq_bullet, agenda


def measure_of(kit: Kit, face: Face) -> Measure:
    """A Measure for one face of the frame, with the theme's slack (and the face's own, for stand-ins)."""
    return Measure(face.family, kit.theme.num("deck.width_slack") * face.slack,
                   max(face.line_height, kit.theme.num("deck.line_height")),
                   _num(kit.theme, "deck.bold_width_slack", 1.06))


def caps(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    """Runs as a layout that sets them in capitals draws them."""
    return tuple(Run(r.text.upper(), r.bold, r.italic, r.href) for r in runs)


class Styler:
    """Turns Protos into Paras at a size, and measures their heights in a given width."""

    def __init__(self, colors: Colors, measures: dict[str, Measure]):
        self.c = colors
        self.ms = measures
        self.m = measures["body"]

    def para(self, proto: Proto, size: float, first: bool) -> Para:
        """The paragraph of proto at size; the first paragraph of a box has no space before it."""
        c, r = self.c, proto.role
        if r == "lead":
            p = Para(proto.runs, size, c.text, space_before=0.45 * size, link_color=c.link)
        elif r in ("bullet", "faq_bullet"):
            p = Para(proto.runs, size, c.text, bullet="\u2022", bullet_color=c.secondary, indent=0.9 * size,
                     space_before=(0.45 if r == "bullet" else 0.3) * size, link_color=c.link)
        elif r == "faq_q":
            p = Para(proto.runs, size, c.primary, bold=True, space_before=0.9 * size)
        elif r == "faq_a":
            p = Para(proto.runs, size, c.text, space_before=0.3 * size, link_color=c.link)
        elif r == "agenda":
            p = Para(proto.runs, size, c.text, indent=1.6 * size, space_before=0.5 * size)
        else:
            raise ValueError(r)
        return _replace(p, space_before=0.0) if first else p

    def height(self, para: Para, width_in: float, inset=INSET) -> float:
        """Height of a paragraph in points (spacing before included) in a box width_in wide."""
        text_w = (width_in - inset[0] - inset[2]) * PT - para.indent
        measured = para.runs[1:] if para.indent and not para.bullet else para.runs  # first run sits in the indent
        if para.caps:
            measured = caps(measured)
        return para.space_before + self.ms[para.font].height(measured, para.size, text_w, para.bold)

    def block_height(self, protos: list[Proto], size: float, width_in: float, first: bool) -> float:
        return sum(self.height(self.para(p, size, first and i == 0), width_in) for i, p in enumerate(protos))


def _replace(obj, **changes):
    return replace(obj, **changes)


def box_height(paras: list[Para] | tuple[Para, ...], styler: Styler, width_in: float,
               inset=INSET) -> float:
    """Height in inches of a text box holding paras (insets included)."""
    inner = sum(styler.height(p, width_in, inset) for p in paras) / PT
    return inner + inset[1] + inset[3]


def partition(n: int, parts: int, cost: Callable[[int, int, int], float]) -> list[tuple[int, int]] | None:
    """Split items 0..n into `parts` contiguous non-empty groups minimising the largest cost(i, j, part);
    None when no split keeps every cost <= 1 (cost is height / capacity)."""
    if parts > n:
        return None
    inf = float("inf")
    best = [[inf] * (n + 1) for _ in range(parts + 1)]
    back = [[0] * (n + 1) for _ in range(parts + 1)]
    best[0][0] = 0.0
    for k in range(1, parts + 1):
        for j in range(k, n - (parts - k) + 1):
            for i in range(k - 1, j):
                if best[k - 1][i] == inf:
                    continue
                value = max(best[k - 1][i], cost(i, j, k - 1))
                if value < best[k][j]:
                    best[k][j], back[k][j] = value, i
    if best[parts][n] > 1.0 + 1e-9:
        return None
    out, j = [], n
    for k in range(parts, 0, -1):
        i = back[k][j]
        out.append((i, j))
        j = i
    return out[::-1]


def paginate(blocks: list[list[Proto]], sizes: list[float], width: Callable[[int], float],
             capacity: Callable[[int], float], styler: Styler):
    """The fewest slides, then the largest size, then the most even split of blocks.

    Returns (size, [(first block, end block), ...], fits)."""
    cache: dict = {}

    def h(b: int, size: float, part: int, first: bool) -> float:
        key = (b, size, width(part), first)
        if key not in cache:
            cache[key] = styler.block_height(blocks[b], size, width(part), first)
        return cache[key]

    def cost_at(size):
        def cost(i, j, part):
            total = sum(h(b, size, part, b == i) for b in range(i, j)) / PT
            return total / capacity(part)
        return cost

    for parts in range(1, len(blocks) + 1):
        for size in sizes:
            split = partition(len(blocks), parts, cost_at(size))
            if split:
                return size, split, True
    # a single block taller than a slide even at the smallest size: one block per slide, overflowing
    return sizes[-1], [(b, b + 1) for b in range(len(blocks))], False


def sizes_between(high: float, low: float, step: float = 1.0) -> list[float]:
    out, s = [], float(high)
    while s >= low - 1e-9:
        out.append(round(s, 2))
        s -= step
    return out or [float(low)]


def fit_title(text_runs: tuple[Run, ...], g, m: Measure, width_in: float, height_in: float,
              high: float, low: float, max_lines: int = 2, bold: bool = True, upper: bool = False) -> float:
    """The largest title size that fits width x height in at most max_lines lines; below low (to
    12 pt, any number of lines) only when nothing from high to low fits."""
    inner_w = (width_in - INSET[0] - INSET[2]) * PT
    inner_h = (height_in - INSET[1] - INSET[3]) * PT
    text_runs = caps(text_runs) if upper else text_runs
    for size in sizes_between(high, low):
        n = m.lines(text_runs, size, inner_w, bold=bold)
        if n <= max_lines and n * m.line(size) <= inner_h:
            return size
    for size in sizes_between(low - 1, 12):
        if m.lines(text_runs, size, inner_w, bold=bold) * m.line(size) <= inner_h:
            return size
    return 12.0


def _fit_line(m: Measure, text: str, high: float, width_in: float, low: float) -> float:
    inner = (width_in - INSET[0] - INSET[2]) * PT
    return next((s for s in sizes_between(high, low) if m.width(text, s) <= inner), low)
