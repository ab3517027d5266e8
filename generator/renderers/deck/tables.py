"""Table slides: column widths from measured text, rows split over the fewest slides (balanced),
the header repeated on each; never below the theme's smallest table size."""
from __future__ import annotations

from typing import Callable

from ...text import Run, plain
from ...typeset.lines import unbreakable
from .color import ensure
from .fit import balanced, sizes_between
from .model import PT, Box, Para, Slide, TableChunk
from .slides import Planner

MANY_SLIDES = 6     # more slides than this of one table: too many to present (a warning's threshold, not a look)


def column_widths(p: Planner, header, rows, size: float, total_in: float) -> list[float]:
    """Columns that need less than a fair share keep their natural width; the rest share what is
    left in proportion to their natural width, never below their longest word."""
    left, _, right, _ = p.t["table_cell_inset"]
    pad = (left + right) * PT
    cols = len(header)
    natural = [0.0] * cols
    minimum = [0.0] * cols
    for r, row in enumerate([header] + rows):
        for k, cell in enumerate(row):
            bold = r == 0 and p.t["table_header_bold"]
            natural[k] = max(natural[k], p.m.width(cell, size, bold) + pad + 1)
            words = [w for run in cell for w in unbreakable(run.text)]
            longest = max((p.m.width((Run(w, bold),), size, bold) for w in words), default=0.0)
            minimum[k] = max(minimum[k], min(longest * float(p.t["table_word_slack"]),
                                             float(p.t["table_word_width"]) * PT) + pad)
    total = total_in * PT
    if sum(natural) <= total:
        extra = total - sum(natural)
        return [(n + extra * n / sum(natural)) / PT for n in natural]
    if sum(minimum) > total:
        return [total * mn / sum(minimum) / PT for mn in minimum]
    widths = [0.0] * cols
    open_cols, room = set(range(cols)), total
    while True:
        share = room / max(len(open_cols), 1)
        settled = {k for k in open_cols if natural[k] <= share}
        if not settled:
            break
        for k in settled:
            widths[k] = natural[k]
            room -= natural[k]
        open_cols -= settled
    weight = sum(natural[k] for k in open_cols) or 1.0
    for k in open_cols:
        widths[k] = max(minimum[k], room * natural[k] / weight)
    scale = total / sum(widths)
    return [w * scale / PT for w in widths]


def row_height(p: Planner, row, widths, size, bold=False) -> float:
    left, top, right, bottom = p.t["table_cell_inset"]
    lines = max(p.m.lines(cell, size, (w - left - right) * PT, bold) for cell, w in zip(row, widths))
    return lines * p.m.pitch(size) / PT + top + bottom + float(p.t["table_row_pad"])


def table_slides(p: Planner, table, intro: list[Para] | None, notes: Callable[[int, int], str]) -> int:
    """The table over as few slides as it needs; returns how many. notes(i, j) gives the speaker notes
    of the slide that holds rows [i, j)."""
    place = p.d.place("table")
    b = place.body
    header = [p.runs(col) for col in table.columns]
    rows = [[p.runs(cell) for cell in row] + [()] * (len(header) - len(row)) for row in table.rows]
    intro_gap = float(p.t["table_intro_gap"])
    intro_h = p.m.box_height(intro, b.w) + intro_gap if intro else 0.0
    talk = p.style == "talk"
    high = float(p.t["talk_table_size" if talk else "table_size"])
    low = float(p.t["min_table_size"])
    best = None
    for size in sizes_between(high, low, 2):
        widths = column_widths(p, header, rows, size, b.w)
        head_h = row_height(p, header, widths, size, p.t["table_header_bold"])
        heights = [row_height(p, r, widths, size) for r in rows]
        room = b.h - head_h - intro_h
        if room <= 0 or max(heights, default=0) > room:
            continue
        groups = balanced(heights, room)
        if best is None or len(groups) < len(best[-1]):
            best = (size, widths, head_h, heights, groups)
        if len(groups) == 1:
            break
    if best is None:  # rows too tall for any slide at the smallest size: one row per slide
        size = low
        widths = column_widths(p, header, rows, size, b.w)
        head_h = row_height(p, header, widths, size, p.t["table_header_bold"])
        heights = [row_height(p, r, widths, size) for r in rows]
        best = (size, widths, head_h, heights, [(i, i + 1) for i in range(len(rows))])
        p.notes.warn(("tables",), f"a row of the table {plain(table.title)!r} is too long for one slide; "
                     "shorten its cells")
    size, widths, head_h, heights, groups = best
    if len(groups) > MANY_SLIDES:
        p.notes.warn(("tables", p.kit.content.tables.index(table), "rows"),
                     f"the table {plain(table.title)!r} fills {len(groups)} slides of the deck; a hall reads a "
                     "few rows at a time, so keep the deck's table short and print the whole one")
    if p.kit.rtl:  # columns run from the right
        widths = widths[::-1]
        header = header[::-1]
        rows = [r[::-1] for r in rows]
    title = plain(table.title, p.language)
    c = p.c
    white = c.background
    ratio = float(p.t["contrast"])
    colours = (c.secondary, ensure(white, [c.secondary], ratio), c.light, white,
               ensure(c.text, [c.light, white], ratio), ensure(c.link, [c.light, white], ratio))
    for part, (i, j) in enumerate(groups):
        boxes, y = [], b.y
        if part == 0 and intro:
            boxes.append(Box(b.x, y, b.w, intro_h - intro_gap, tuple(intro), name="Intro"))
            y += intro_h
        chunk = TableChunk(b.x, y, tuple(widths), (head_h,) + tuple(heights[i:j]), tuple(header),
                           tuple(tuple(r) for r in rows[i:j]), size, name=title, colors=colours,
                           cell_inset=tuple(p.t["table_cell_inset"]), header_bold=p.t["table_header_bold"],
                           header_anchor=p.t["table_header_anchor"], anchor=p.t["table_anchor"])
        t = p.parts_title(title, part + 1, len(groups))
        p.add(Slide("table", t, p.title_box(t, "table"), notes(i, j), boxes, table=chunk))
    return len(groups)
