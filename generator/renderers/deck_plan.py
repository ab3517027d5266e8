"""Deck, stage 1: plan the slides (pure; no python-pptx). Every text is measured here, so sizes,
splits and positions are decided before anything is written (deck_write draws them).

Geometry is in inches on a 13.333 x 7.5 in slide; text sizes and spacing are in points.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..kit import Kit
from ..measure import Measure
from ..quizplan import plan as quiz_plan
from ..text import Run, paragraphs, plain, point, runs
from .deck_fit import (Colors, Grid, Proto, Styler, _fit_line, _num, _replace, box_height, fit_title,
                       paginate, partition, sizes_between)
from .deck_model import CELL, INSET, PT, SLIDE_H, SLIDE_W, Box, Para, Picture, Slide, TableChunk

# ---------------------------------------------------------------------------------------------
# The planner
# ---------------------------------------------------------------------------------------------

class Planner:
    def __init__(self, kit: Kit):
        self.kit = kit
        self.g = Grid.of(kit)
        self.c = Colors.of(kit)
        self.m = Measure(kit.font, kit.theme.num("deck.width_slack"), kit.theme.num("deck.line_height"),
                         _num(kit.theme, "deck.bold_width_slack", 1.06))
        self.s = Styler(self.c, self.m)
        self.slides: list[Slide] = []

    # --- common pieces -----------------------------------------------------------------------

    def band_title(self, text: str) -> Box:
        """The title placeholder in the band at the top of a content slide."""
        g = self.g
        y = (g.band - g.title_h) / 2
        r = runs(text)
        size = fit_title(r, g, self.m, g.body_w, g.title_h, g.title_size, g.min_title_size)
        para = Para(r, size, self.c.on_primary, bold=True)
        return Box(g.mx, y, g.body_w, g.title_h, (para,), name="Title", anchor="middle")

    def add(self, slide: Slide) -> Slide:
        self.slides.append(slide)
        return slide

    def say(self, key, **ctx) -> str:
        return self.kit.say(key, **ctx)

    def parts_title(self, title: str, part: int, parts: int) -> str:
        return title if parts == 1 else self.say("continued", title=title, part=part, parts=parts)

    # --- slides ------------------------------------------------------------------------------

    def plan(self) -> list[Slide]:
        content = self.kit.content
        self.title_slide()
        shown = [(i, s) for i, s in enumerate(content.sections) if s.show is None or "deck" in s.show]
        self.agenda(shown)
        for number, (i, section) in enumerate(shown, start=1):
            self.section(i, number, section)
        if content.faq:
            self.faq()
        if content.quiz:
            self.quiz()
        self.closing()
        footer = self.footer_text()
        footer_size = _fit_line(self.m, footer, 12, self.g.body_w - 1.4, 9)
        for n, slide in enumerate(self.slides, start=1):
            slide.number, slide.footer, slide.footer_size = n, footer, footer_size
        return self.slides

    def footer_text(self) -> str:
        return self.say("slide_footer", event=self.kit.event_context(), title=plain(self.kit.content.title))

    def event_line(self) -> str | None:
        ctx = self.kit.event_context()
        return self.say("event_line", event=ctx) if ctx else None

    def title_slide(self) -> None:
        """Built bottom-up: details above the footer, an accent rule, the subtitle, then the title."""
        kit, g, c, content = self.kit, self.g, self.c, self.kit.content
        org = content.organization
        logo_w = 2.6 if org and org.logo else 0.0
        text_w = g.body_w - (logo_w + 0.4 if logo_w else 0)
        lines = []
        if content.date:
            lines.append(Para(runs(content.date), 22, c.accent, bold=True))
        event = self.event_line()
        if event:
            lines.append(Para(runs(event), 18, c.on_primary, space_before=6))
        if org:
            lines.append(Para(runs(org.name), 18, c.rule, space_before=6))
        boxes = []
        bottom = g.body_bottom - 0.1
        if lines:
            lines[0] = _replace(lines[0], space_before=0)
            h = box_height(lines, self.s, g.body_w)
            bottom -= h
            boxes.append(Box(g.mx, bottom, g.body_w, h, tuple(lines), name="Details"))
        rule_y = bottom - 0.3
        bottom = rule_y - 0.2
        subtitle = None
        if content.subtitle:
            sub_runs = runs(content.subtitle)
            sub_size = fit_title(sub_runs, g, self.m, text_w, 1.1, 26, 16)
            sub = Para(sub_runs, sub_size, c.light)
            h = box_height([sub], self.s, text_w)
            bottom -= h
            subtitle = Box(g.mx, bottom, text_w, h, (sub,), name="Subtitle", anchor="bottom")
            bottom -= 0.1
        title_runs = runs(content.title)
        top = 0.5 if not logo_w else 0.6
        size = fit_title(title_runs, g, self.m, text_w, bottom - top, 48, 28, max_lines=3)
        title = Box(g.mx, top, text_w, bottom - top, (Para(title_runs, size, c.on_primary, bold=True),),
                    name="Title", anchor="bottom")
        pictures = []
        if org and org.logo:
            alt = self.say("logo_alt", name=plain(org.name))
            logo = self.fit_picture(kit.asset(org.logo), SLIDE_W - g.mx - logo_w, 0.5, logo_w, 1.0)
            pictures.append(_replace(logo, alt=alt, name="Logo", card="#FFFFFF"))
        notes = kit.theme.note("title", summary=plain(content.summary), event=kit.event_context(),
                               event_line=event or "", title=plain(content.title))
        self.add(Slide("title", plain(content.title), title, notes, boxes, pictures, subtitle=subtitle,
                       rules=[(g.mx + INSET[0], rule_y, 1.6, 0.07)]))

    def agenda(self, shown) -> None:
        g, c = self.g, self.c
        items = [plain(s.title) for _, s in shown]
        protos = [[Proto((Run(f"{n:02d}\t", bold=True),) + runs(s.title), "agenda")]
                  for n, (_, s) in enumerate(shown, start=1)]
        title = self.say("agenda")
        best = None
        for columns in (1, 2):
            col_w = (g.body_w - g.gap * (columns - 1)) / columns
            per_col = -(-len(protos) // columns)
            for size in sizes_between(g.body_size, g.min_body_size):
                heights = [self.s.block_height(p, size, col_w, i % per_col == 0) / PT for i, p in enumerate(protos)]
                cols = [sum(heights[k:k + per_col]) for k in range(0, len(heights), per_col)]
                if max(cols) + INSET[1] + INSET[3] <= g.body_h:
                    best = (columns, size, col_w, per_col)
                    break
            if best:
                break
        columns, size, col_w, per_col = best or (2, g.min_body_size, (g.body_w - g.gap) / 2, -(-len(protos) // 2))
        boxes = []
        for k in range(columns):
            chunk = protos[k * per_col:(k + 1) * per_col]
            if not chunk:
                continue
            paras = tuple(_replace(self.s.para(p[0], size, i == 0), first_color=c.secondary)
                          for i, p in enumerate(chunk))
            boxes.append(Box(g.mx + k * (col_w + g.gap), g.body_top, col_w, g.body_h, paras, name="Agenda"))
        notes = self.kit.theme.note("agenda", items=items)
        self.add(Slide("agenda", title, self.band_title(title), notes, boxes))

    def section(self, index: int, number: int, section) -> None:
        kit, g, c = self.kit, self.g, self.c
        title = plain(section.title)
        divider_title = Box(g.mx + 2.2, 2.3, g.body_w - 2.2, 2.4,
                            (Para(runs(section.title),
                                  fit_title(runs(section.title), g, self.m, g.body_w - 2.2, 2.4, 40, 28, 3),
                                  c.primary, bold=True),), name="Title", anchor="bottom")
        kicker = Box(g.mx, 2.3, 2.0, 2.4, (Para((Run(f"{number:02d}"),), 72, c.secondary, bold=True),),
                     name="Section number", anchor="bottom")
        notes_div = kit.theme.note("section", title=title, number=number, notes=plain(section.notes or ""))
        self.add(Slide("divider", title, divider_title, notes_div, [kicker],
                       rules=[(g.mx + 2.2 + INSET[0], 4.85, 1.6, 0.07)]))

        lead = [[Proto(runs(p), "lead")] for p in paragraphs(section.text)]
        bullets = [[Proto(_point_runs(item), "bullet")] for item in section.points]
        blocks = lead + bullets
        table = kit.content.table(section.table) if section.table else None
        image = section.image
        intro_for_table = None
        if table and not image and not bullets and len(lead) == 1:
            # a short lead goes above the table instead of on a slide of its own
            h = self.s.block_height(lead[0], g.body_size - 4, g.body_w, True) / PT
            if h <= 1.0:
                intro_for_table, blocks = lead[0], []
        if blocks:
            self.text_slides(index, section, title, blocks, image)
        elif image:
            self.image_slide(section, title, image)
        if table:
            self.table_slides(section, table, intro_for_table)

    def slide_notes(self, section, protos: list[Proto]) -> str:
        if section is not None and section.notes:
            return "\n\n".join(plain(p) for p in paragraphs(section.notes))
        return "\n".join(("\u2022 " if p.role.endswith("bullet") else "") + "".join(r.text for r in p.runs)
                         for p in protos)

    def text_slides(self, index, section, title, blocks, image) -> None:
        g = self.g
        text_w_img = g.body_w * (1 - g.image_share) - g.gap / 2

        def width(part):
            return text_w_img if image and part == 0 else g.body_w

        cap = g.body_h - INSET[1] - INSET[3]
        size, split, fits = paginate(blocks, sizes_between(g.body_size, g.min_body_size), width,
                                     lambda part: cap, self.s)
        if not fits:
            size, split, fits = paginate(blocks, sizes_between(g.min_body_size - 1, 12), width,
                                         lambda part: cap, self.s)
            self.kit.warn(("sections", index), "a point is too long for one slide even at the smallest size; "
                          "shorten it or split it into several points")
        if len(split) > 1:
            self.kit.warn(("sections", index), f"long text continues on {len(split)} slides "
                          f"({self.say('continued', title=title, part=1, parts=len(split))} ...)")
        for part, (i, j) in enumerate(split):
            protos = [p for b in blocks[i:j] for p in b]
            paras = tuple(self.s.para(p, size, k == 0) for k, p in enumerate(protos))
            w = width(part)
            h = box_height(paras, self.s, w)
            box = Box(g.mx, g.body_top, w, min(max(h, 0.6), g.body_h), paras, name="Body")
            pictures = []
            if image and part == 0:
                x = g.mx + w + g.gap
                pictures.append(self.picture(image, x, g.body_top, SLIDE_W - g.mx - x, g.body_h))
            t = self.parts_title(title, part + 1, len(split))
            self.add(Slide("content", t, self.band_title(t), self.slide_notes(section, protos), [box], pictures))

    def picture(self, image, x, y, w, h) -> Picture:
        return _replace(self.fit_picture(self.kit.asset(image.file), x, y, w, h), alt=plain(image.alt))

    @staticmethod
    def fit_picture(path: Path, x, y, w, h) -> Picture:
        """The picture at path scaled to fit x, y, w, h (inches), aspect ratio kept, centred."""
        from PIL import Image as PILImage

        with PILImage.open(path) as im:
            pw, ph = im.size
        scale = min(w / pw, h / ph)
        fw, fh = pw * scale, ph * scale
        return Picture(x + (w - fw) / 2, y + (h - fh) / 2, fw, fh, path, "", name="Image")

    def image_slide(self, section, title, image) -> None:
        g = self.g
        pic = self.picture(image, g.mx, g.body_top, g.body_w, g.body_h)
        notes = self.slide_notes(section, []) or plain(image.alt)
        self.add(Slide("content", title, self.band_title(title), notes, [], [pic]))

    # --- tables ------------------------------------------------------------------------------

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
        g = self.g
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
            self.add(Slide("table", t, self.band_title(t), notes, boxes, table=chunk))

    # --- FAQ -----------------------------------------------------------------------------------

    def faq(self) -> None:
        g = self.g
        faqs = self.kit.content.faq
        items = []
        for f in faqs:
            protos = [Proto(runs(f.question), "faq_q")]
            protos += [Proto(runs(p), "faq_a") for p in paragraphs(f.answer)]
            protos += [Proto(_point_runs(p), "faq_bullet") for p in f.points]
            items.append((f, protos))
        cap = g.body_h - INSET[1] - INSET[3]
        sizes = sizes_between(g.body_size, g.min_body_size)
        # the size at which every question fits a slide of its own, then as few slides as that allows,
        # at most three questions on a slide so the room can follow
        size = next((s for s in sizes if all(self.s.block_height(p, s, g.body_w, True) / PT <= cap
                                             for _, p in items)), sizes[-1])
        blocks, owners = [], []
        for n, (f, protos) in enumerate(items):
            if self.s.block_height(protos, size, g.body_w, True) / PT <= cap:
                blocks.append(protos)
                owners.append(n)
            else:  # too long for one slide even at the smallest size: one paragraph block at a time
                blocks.append(protos[:2])
                owners.append(n)
                for p in protos[2:]:
                    blocks.append([p])
                    owners.append(n)

        def cost(i, j, part):
            if len(set(owners[i:j])) > 3:
                return 2.0
            return self.s.block_height([p for b in blocks[i:j] for p in b], size, g.body_w, True) / PT / cap
        split = None
        for parts in range(1, len(blocks) + 1):
            split = partition(len(blocks), parts, cost)
            if split:
                break
        split = split or [(b, b + 1) for b in range(len(blocks))]
        title = self.say("faq")
        for part, (i, j) in enumerate(split):
            protos = [p for b in blocks[i:j] for p in b]
            # each slide at the largest size its own questions allow
            best = next((s for s in sizes if s >= size and
                         self.s.block_height(protos, s, g.body_w, True) / PT <= cap), size)
            paras = tuple(self.s.para(p, best, k == 0) for k, p in enumerate(protos))
            h = box_height(paras, self.s, g.body_w)
            box = Box(g.mx, g.body_top, g.body_w, min(max(h, 0.6), g.body_h), paras, name="Body")
            notes = "\n\n".join(self.kit.theme.note(
                "faq", question=plain(faqs[n].question),
                answer="\n".join([plain(p) for p in paragraphs(faqs[n].answer)]
                                 + ["\u2022 " + "".join(r.text for r in _point_runs(p)) for p in faqs[n].points]))
                for n in sorted(set(owners[i:j])))
            t = self.parts_title(title, part + 1, len(split))
            self.add(Slide("faq", t, self.band_title(t), notes, [box]))

    # --- quiz ------------------------------------------------------------------------------------

    def quiz(self) -> None:
        kit, g, c = self.kit, self.g, self.c
        qp = quiz_plan(kit)
        version = qp.versions[0]
        total = len(version.questions)
        title = plain(qp.title)
        title_box = Box(g.mx + INSET[0], 1.2, g.body_w, 2.2,
                        (Para(runs(qp.title), fit_title(runs(qp.title), g, self.m, g.body_w, 2.2, 44, 28, 2),
                              c.primary, bold=True),), name="Title", anchor="bottom")
        intro = [Para(runs(qp.instructions), g.body_size, c.text)]
        intro.append(Para((Run(self.say("quiz_count", total=total)),), g.body_size, c.secondary, bold=True,
                          space_before=0.8 * g.body_size))
        h = box_height(intro, self.s, g.body_w * 0.8)
        notes = kit.theme.note("quiz", title=title, instructions=plain(qp.instructions), total=total)
        self.add(Slide("quiz", title, title_box, notes,
                       [Box(g.mx + INSET[0], 3.95, g.body_w * 0.8, min(h, g.body_bottom - 3.95), tuple(intro),
                            name="Instructions")],
                       rules=[(g.mx + 2 * INSET[0], 3.6, 1.6, 0.07)]))
        for q in version.questions:
            self.question(q, total)

    def question_layout(self, q, f: float, es: float | None, compact: bool):
        """Boxes of a question at f x the theme sizes (es: explanation size, None for none);
        returns (question boxes, reveal boxes, height in inches)."""
        g, c = self.g, self.c
        qs, os_ = round(g.question_size * f, 1), round(g.option_size * f, 1)
        if es:  # on the reveal the room has read the question: it may be no larger than the options,
            qs = min(qs, max(os_, 18.0))  # and the explanation no larger than the options either
            es = min(es, max(os_, 18.0))
        paras = [Para(runs(q.text), qs, c.text, bold=True)]
        if q.multiple:
            paras.append(Para((Run(self.say("select_all")),), round(os_ * 0.8, 1), c.muted, italic=True,
                              space_before=4))
        q_h = box_height(paras, self.s, g.body_w)
        y = g.body_top
        q_box = Box(g.mx, y, g.body_w, q_h, tuple(paras), name="Question")
        y += q_h + (0.12 if compact else 0.2)
        inset = (0.18, 0.04, 0.18, 0.04) if compact else (0.18, 0.08, 0.18, 0.08)
        gap = 0.07 if compact else 0.12
        letter_w = max(self.m.width(o.letter, os_, bold=True) for o in q.options) + 0.7 * os_
        natural = max(self.m.runs_width(runs(o.text), os_) for o in q.options) + letter_w
        opt_w = min(g.body_w, max(6.0, natural / PT + inset[0] + inset[2] + 0.1))
        question_boxes, reveal_boxes = [q_box], [q_box]
        for o in q.options:
            p = Para((Run(o.letter + "\t", bold=True),) + runs(o.text), os_, c.text, indent=letter_w)
            inner_w = (opt_w - inset[0] - inset[2]) * PT - letter_w
            h = self.m.height(p.runs[1:], os_, inner_w) / PT + inset[1] + inset[3]
            base = Box(g.mx, y, opt_w, h, (p,), name=f"Option {o.letter}", fill=c.light, line=c.rule,
                       rounded=True, anchor="middle", inset=inset)
            question_boxes.append(_replace(base, paras=(_replace(p, first_color=c.secondary),)))
            if o.correct:
                reveal_boxes.append(_replace(base, fill=c.correct, line=c.correct,
                                             paras=(_replace(p, color=c.on_correct, link_color=c.on_correct),)))
            else:
                reveal_boxes.append(_replace(base, fill="#FFFFFF",
                                             paras=(_replace(p, color=c.muted, first_color=c.muted),)))
            y += h + gap
        y -= gap
        if es:
            see = self.say("see", section=q.section_title) if q.section_title else None
            expl = [Para(runs(q.explanation), es, c.text)] if q.explanation else []
            if see:
                expl.append(Para(runs(see), es, c.muted, italic=True,
                                 space_before=0.4 * es if expl else 0))
            if expl:
                e_inset = (0.25, 0.1, 0.2, 0.1)
                e_h = box_height(expl, self.s, g.body_w, e_inset)
                y += 0.12 if compact else 0.25
                reveal_boxes.append(Box(g.mx, y, g.body_w, e_h, tuple(expl), name="Explanation",
                                        fill=c.light, inset=e_inset))
                y += e_h
        return question_boxes, reveal_boxes, y - g.body_top

    def question(self, q, total: int) -> None:
        kit, g = self.kit, self.g
        heading = self.say("question_of", number=q.number, total=total)
        scales = [1 - 0.05 * k for k in range(11)]  # the theme sizes down to half
        has_expl = bool(q.explanation or q.section_title)

        def first_fit(tries):
            last = None
            for f, es, compact in tries:
                last = self.question_layout(q, f, es, compact)
                if last[2] <= g.body_h:
                    return last
            return None

        # the same geometry on both slides, so that the reveal only recolours the options
        both = first_fit([(f, es, False) for f in scales[:4] for es in ((20, 18) if has_expl else (None,))])
        if both:
            question_boxes, reveal_boxes, _ = both
        else:  # a long question: each slide on its own, the reveal more compact
            question_boxes = (first_fit([(f, None, cp) for f in scales for cp in (False, True)])
                              or self.question_layout(q, scales[-1], None, True))[0]
            reveal_boxes = (first_fit([(f, es, cp) for f in scales for cp in (False, True) for es in (18, 16, 14)])
                            or self.question_layout(q, scales[-1], 14, True))[1]
        smallest = min((p.size for b in question_boxes + reveal_boxes for p in b.paras), default=18)
        if smallest < 18:
            self.kit.warn(("quiz", "questions", q.source), f"question {q.source + 1} and its options are too long "
                          f"for one slide at 18 pt; its quiz slides use {smallest:g} pt (shorten the options)")
        plain_opts = [f"{o.letter}  {plain(o.text)}" for o in q.options]
        qnotes = kit.theme.note("question", question=plain(q.text), options=plain_opts, number=q.number,
                                total=total, multiple=q.multiple)
        self.add(Slide("question", heading, self.band_title(heading), qnotes, question_boxes))
        answer_text = "; ".join(plain(o.text) for o in q.options if o.correct)
        reveal_title = self.say("reveal_title", question=heading, answer=self.say("answer_heading", letters=q.letters))
        rnotes = kit.theme.note("reveal", letters=q.letters, answer_text=answer_text,
                                explanation=plain(q.explanation or ""), section=q.section_title or "")
        self.add(Slide("reveal", reveal_title, self.band_title(reveal_title), rnotes, reveal_boxes))

    # --- closing ---------------------------------------------------------------------------------

    def closing(self) -> None:
        kit, g, c, content = self.kit, self.g, self.c, self.kit.content
        org = content.organization
        website = org.website if org and org.website else None
        qr_size = 3.0 if website else 0.0
        text_w = g.body_w - (qr_size + 0.6 if website else 0)
        title = self.say("closing_title")
        title_box = Box(g.mx, 1.0, text_w, 1.4, (Para(runs(title), fit_title(runs(title), g, self.m, text_w, 1.4, 54, 32, 1),
                                                      c.on_primary, bold=True),), name="Title", anchor="bottom")
        boxes = []
        y = 2.75
        if website:
            more = Para((Run(self.say("closing_more")),), 20, c.accent, bold=True)
            h = box_height([more], self.s, text_w)
            boxes.append(Box(g.mx, y, text_w, h, (more,), name="Find out more"))
            y += h + 0.05
            size = _fit_line(self.m, website, 24, text_w - 0.5, 14)
            link = Para((Run(website, href=website),), size, c.secondary, link_color=c.secondary)
            inset = (0.2, 0.08, 0.2, 0.08)
            w = min(text_w, self.m.width(website, size) / PT + inset[0] + inset[2] + 0.2)
            h = box_height([link], self.s, w, inset)
            boxes.append(Box(g.mx, y, w, h, (link,), name="Website", fill="#FFFFFF", rounded=True,
                             anchor="middle", inset=inset))
            y += h + 0.3
        paras = []
        ctx = kit.event_context()
        if ctx:
            paras.append(Para(runs(ctx["name"]), 22, c.on_primary, bold=True))
            when = " · ".join(x for x in (ctx["date"], ctx["time"]) if x)
            if when:
                paras.append(Para(runs(when), 20, c.light, space_before=4))
            if ctx["place"]:
                paras.append(Para(runs(ctx["place"]), 20, c.light, space_before=4))
        if org and org.contact:
            paras.append(Para(runs(self.say("contact", contact=org.contact)), 18, c.rule, space_before=16 if paras else 0))
        if paras:
            h = box_height(paras, self.s, text_w)
            boxes.append(Box(g.mx, y, text_w, min(h, g.body_bottom - y), tuple(paras), name="Details"))
        pictures = []
        if website:
            pictures.append(Picture(SLIDE_W - g.mx - qr_size, (SLIDE_H - qr_size) / 2 - 0.1, qr_size, qr_size,
                                    _qr_png(website), self.say("qr_alt", url=website), name="QR code", card="#FFFFFF"))
        notes = kit.theme.note("closing", website=website or "", event=ctx, event_line=self.event_line() or "")
        self.add(Slide("closing", title, title_box, notes, boxes, pictures,
                       rules=[(g.mx + INSET[0], 2.5, 1.6, 0.07)]))


def _point_runs(item) -> tuple[Run, ...]:
    """A point as runs: the term in bold, then the text, in one paragraph."""
    p = point(item)
    body = runs(p.text)
    if not p.term:
        return body
    term = tuple(Run(r.text, True, r.italic, r.href) for r in runs(p.term))
    return term + (Run(": " if not p.term.endswith(":") else " ", True),) + body


def _qr_png(url: str) -> bytes:
    import io

    import segno

    buf = io.BytesIO()
    segno.make(url, error="m").save(buf, kind="png", scale=10, border=2)
    return buf.getvalue()


def fixed_datetime(kit: Kit) -> dt.datetime:
    """A build-independent timestamp for the core properties: the event date, else 2000-01-01."""
    event = kit.content.event
    if event and event.date:
        return dt.datetime(event.date.year, event.date.month, event.date.day, 9, 0, 0)
    return dt.datetime(2000, 1, 1, 0, 0, 0)


def plan(kit: Kit) -> list[Slide]:
    """Every slide of the deck, measured and placed; pure (reads only the kit and its assets)."""
    return Planner(kit).plan()
