"""Deck fitting: the grid from the theme, paragraph styles, and measured pagination.

Every height is measured with the font's real metrics (generator.measure); sizes shrink from the
theme's size to its minimum before content is split across continuation slides.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from ..kit import Kit
from ..measure import Measure
from ..text import Run
from .deck_model import INSET, PT, SLIDE_H, SLIDE_W, Para

# ---------------------------------------------------------------------------------------------
# Grid, styles and measuring helpers
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Grid:
    """The slide grid and sizes, from the theme's deck section."""

    mx: float
    band: float
    title_h: float
    body_top: float
    footer_h: float
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
    def of(cls, kit: Kit) -> "Grid":
        t = kit.theme
        num = lambda key, default: _num(t, f"deck.{key}", default)  # noqa: E731
        return cls(mx=t.num("deck.margin_x"), band=num("band_height", 1.3), title_h=t.num("deck.title_height"),
                   body_top=t.num("deck.body_top"), footer_h=t.num("deck.footer_height"),
                   title_size=t.num("deck.title_size"), min_title_size=num("min_title_size", 22),
                   body_size=t.num("deck.body_size"), min_body_size=t.num("deck.min_body_size"),
                   question_size=t.num("deck.question_size"), option_size=t.num("deck.option_size"),
                   table_size=num("table_size", 18), min_table_size=num("min_table_size", 14),
                   image_share=num("image_share", 0.4), gap=num("gap", 0.35))

    @property
    def body_w(self) -> float:
        return SLIDE_W - 2 * self.mx

    @property
    def body_bottom(self) -> float:
        return SLIDE_H - self.footer_h - 0.12

    @property
    def body_h(self) -> float:
        return self.body_bottom - self.body_top


def _num(theme, key, default):
    try:
        return theme.num(key)
    except Exception:
        return default


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

    @classmethod
    def of(cls, kit: Kit) -> "Colors":
        return cls(**{name: kit.theme.color(name) for name in cls.__dataclass_fields__})


@dataclass(frozen=True)
class Proto:
    """A paragraph before its size is chosen: runs plus a role that decides its style."""

    runs: tuple[Run, ...]
    role: str            # lead, bullet, faq_q, faq_a, faq_bullet, agenda


class Styler:
    """Turns Protos into Paras at a size, and measures their heights in a given width."""

    def __init__(self, colors: Colors, measure: Measure):
        self.c = colors
        self.m = measure

    def para(self, proto: Proto, size: float, first: bool) -> Para:
        """The paragraph of proto at size; the first paragraph of a box has no space before it."""
        c, r = self.c, proto.role
        if r == "lead":
            p = Para(proto.runs, size, c.text, space_before=0.45 * size, link_color=c.secondary)
        elif r in ("bullet", "faq_bullet"):
            p = Para(proto.runs, size, c.text, bullet="\u2022", bullet_color=c.secondary, indent=0.9 * size,
                     space_before=(0.45 if r == "bullet" else 0.3) * size, link_color=c.secondary)
        elif r == "faq_q":
            p = Para(proto.runs, size, c.primary, bold=True, space_before=0.9 * size)
        elif r == "faq_a":
            p = Para(proto.runs, size, c.text, space_before=0.3 * size, link_color=c.secondary)
        elif r == "agenda":
            p = Para(proto.runs, size, c.text, indent=1.6 * size, space_before=0.5 * size)
        else:
            raise ValueError(r)
        return _replace(p, space_before=0.0) if first else p

    def height(self, para: Para, width_in: float, inset=INSET) -> float:
        """Height of a paragraph in points (spacing before included) in a box width_in wide."""
        text_w = (width_in - inset[0] - inset[2]) * PT - para.indent
        measured = para.runs[1:] if para.indent and not para.bullet else para.runs  # first run sits in the indent
        return para.space_before + self.m.height(measured, para.size, text_w, para.bold)

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


def fit_title(text_runs: tuple[Run, ...], g: Grid, m: Measure, width_in: float, height_in: float,
              high: float, low: float, max_lines: int = 2) -> float:
    """The largest title size (bold) that fits width x height in at most max_lines lines."""
    inner_w = (width_in - INSET[0] - INSET[2]) * PT
    inner_h = (height_in - INSET[1] - INSET[3]) * PT
    for size in sizes_between(high, low):
        n = m.lines(text_runs, size, inner_w, bold=True)
        if n <= max_lines and n * m.line(size) <= inner_h:
            return size
    return low


def _fit_line(m: Measure, text: str, high: float, width_in: float, low: float) -> float:
    inner = (width_in - INSET[0] - INSET[2]) * PT
    return next((s for s in sizes_between(high, low) if m.width(text, s) <= inner), low)
