"""Deck planning of tables: column widths from measured text, rows split across slides with the
header repeated (a mixin of deck_plan.Planner; pure, no python-pptx)."""
from __future__ import annotations

from ..text import plain, runs
from .deck_fit import box_height, partition, sizes_between
from .deck_model import CELL, PT, Box, Para, Slide, TableChunk


class TableSlides:
    """Table slides; expects the Planner's m (Measure), s (Styler), f (Frame), grid(), add()."""

    def column_widths(self, header, rows, size, total_in) -> list[float]:
        pad = (CELL[0] + CELL[2]) * PT
        cols = len(header)
        natural = [0.0] * cols
        minimum = [0.0] * cols
        for r, row in enumerate([header] + rows):
            for k, cell in enumerate(row):
                bold = r == 0
                natural[k] = max(natural[k], self.m.runs_width(cell, size, bold) + pad + 1)
                minimum[k] = max(minimum[k], min(self.m.longest_word(cell, size, bold) * 1.04, 3.2 * PT) + pad)
        total = total_in * PT
        if sum(natural) <= total:
            extra = total - sum(natural)
            widths = [n + extra * n / sum(natural) for n in natural]
        elif sum(minimum) <= total:
            # columns narrower than their fair share keep their natural width (no wrapping);
            # the others share the rest in proportion to their natural width, never below their longest word
            widths = [0.0] * cols
            open_cols = set(range(cols))
            room = total
            while True:
                share = room / max(len(open_cols), 1)
                settled = {k for k in open_cols if natural[k] <= share}
                if not settled:
                    break
                for k in settled:
                    widths[k] = natural[k]
                    room -= natural[k]
                open_cols -= settled
            if open_cols:
                weight = sum(natural[k] for k in open_cols)
                for k in open_cols:
                    widths[k] = room * natural[k] / weight
                short = {k for k in open_cols if widths[k] < minimum[k]}
                if short:
                    for k in short:
                        widths[k] = minimum[k]
                    rest = open_cols - short
                    room2 = room - sum(minimum[k] for k in short)
                    weight = sum(natural[k] for k in rest) or 1
                    for k in rest:
                        widths[k] = max(minimum[k], room2 * natural[k] / weight)
            scale = total / sum(widths)
            widths = [w * scale for w in widths]
        else:
            widths = [total * mn / sum(minimum) for mn in minimum]
        return [w / PT for w in widths]

    def row_height(self, row, widths, size, bold=False) -> float:
        lines = max(self.m.lines(cell, size, (w - CELL[0] - CELL[2]) * PT, bold) for cell, w in zip(row, widths))
        return lines * self.m.line(size) / PT + CELL[1] + CELL[3] + 0.04

    def table_slides(self, section, table, intro) -> None:
        g = self.grid(self.f.role("table"))
        header = [runs(col) for col in table.columns]
        rows = [[runs(cell) for cell in row] + [()] * (len(header) - len(row)) for row in table.rows]
        intro_h = 0.0
        intro_paras: tuple[Para, ...] = ()
        if intro:
            intro_paras = tuple(self.s.para(p, g.body_size - 4, k == 0) for k, p in enumerate(intro))
            intro_h = box_height(intro_paras, self.s, g.body_w) + 0.15

        def layout(size):
            widths = self.column_widths(header, rows, size, g.body_w)
            head_h = self.row_height(header, widths, size, True)
            heights = [self.row_height(r, widths, size) for r in rows]

            def cost(i, j, part):
                room = g.body_h - (intro_h if part == 0 else 0)
                return (head_h + sum(heights[i:j])) / room
            for parts in range(1, len(rows) + 1):
                split = partition(len(rows), parts, cost)
                if split:
                    return widths, head_h, heights, split
            return None

        options = []
        for size in sizes_between(g.table_size, g.min_table_size, 2):
            result = layout(size)
            if result:
                options.append((size, result))
        if not options:
            size = g.min_table_size
            widths = self.column_widths(header, rows, size, g.body_w)
            head_h = self.row_height(header, widths, size, True)
            heights = [self.row_height(r, widths, size) for r in rows]
            split = [(i, i + 1) for i in range(len(rows))]
        else:
            # one slide at the largest size that allows it; else the largest size among 18/16 that
            # needs the fewest slides; smaller only when it must
            single = [o for o in options if len(o[1][3]) == 1]
            preferred = single or [o for o in options if o[0] >= g.table_size - 2] or options
            fewest = min(len(o[1][3]) for o in preferred)
            size, (widths, head_h, heights, split) = next(o for o in preferred if len(o[1][3]) == fewest)
        title = plain(table.title)
        for part, (i, j) in enumerate(split):
            boxes = []
            y = g.body_top
            if part == 0 and intro_paras:
                boxes.append(Box(g.mx, y, g.body_w, intro_h - 0.15, intro_paras, name="Intro"))
                y += intro_h
            chunk = TableChunk(g.mx, y, tuple(widths), (head_h,) + tuple(heights[i:j]), tuple(header),
                               tuple(tuple(r) for r in rows[i:j]), size, name=title)
            t = self.parts_title(title, part + 1, len(split))
            text = [" | ".join("".join(r.text for r in cell) for cell in row) for row in [header] + rows[i:j]]
            notes = (plain(section.notes) if section.notes else "\n".join(text))
            self.add(Slide("table", t, self.band_title(t, "table"), notes, boxes, table=chunk))
