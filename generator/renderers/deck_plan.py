"""Deck, stage 1: plan the slides (pure; no python-pptx). Every text is measured here, so sizes,
splits and positions are decided before anything is written (deck_write draws them).

The planner works in a Frame (deck_model): the built-in 13.333 x 7.5 in design (deck_fit.builtin_frame)
or the boxes of an organisation's template (deck_template.frame), handed in as data. Tables and
the quiz are planned in deck_plan_table and deck_plan_quiz, the template's own title, divider and
closing slides in deck_plan_template. Geometry is in inches; text sizes and spacing in points.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..kit import Kit
from ..text import Run, paragraphs, plain, point, runs
from .deck_color import readable
from .deck_fit import (Grid, Proto, Styler, _fit_line, _replace, box_height, builtin_frame, fit_title,
                       measure_of, paginate, partition, sizes_between)
from .deck_model import INSET, PT, Box, Frame, Para, Picture, Slide
from .deck_plan_quiz import QuizSlides
from .deck_plan_table import TableSlides
from .deck_plan_template import TemplateSlides

# ---------------------------------------------------------------------------------------------
# The planner
# ---------------------------------------------------------------------------------------------

class Planner(TableSlides, QuizSlides, TemplateSlides):
    def __init__(self, kit: Kit, frame: Frame):
        self.kit = kit
        self.f = frame
        self.template = frame.template is not None
        self.c = frame.colors
        self.m = measure_of(kit, frame.body)       # body text
        self.mh = measure_of(kit, frame.heading)   # titles
        self.s = Styler(self.c, {"body": self.m, "heading": self.mh})
        self.g = self.grid("body")
        self.slides: list[Slide] = []

    # --- common pieces -----------------------------------------------------------------------

    def grid(self, role: str) -> Grid:
        """Sizes and the body region of the layout of one role."""
        return Grid.of(self.kit, self.f.place(role).body)

    def band_title(self, text: str, kind: str = "content", role: str | None = None) -> Box:
        """The title placeholder of a slide of this kind: in the band of the built-in design, or
        where the template's layout puts it, in the layout's face, size, colour and alignment."""
        place = self.f.place(role or self.f.role(kind))
        t, r = place.title, runs(text)
        size = fit_title(r, None, self.mh, t.w, t.h, place.title_size, min(self.g.min_title_size, place.title_size),
                         bold=place.title_bold, upper=place.title_caps)
        para = Para(r, size, place.title_color, bold=place.title_bold, align=place.title_align, font="heading",
                    caps=place.title_caps)
        return Box(t.x, t.y, t.w, t.h, (para,), name="Title", anchor=place.title_anchor)

    def add(self, slide: Slide, layout: str | None = None) -> Slide:
        slide.layout = layout or self.f.role(slide.kind)
        self.slides.append(slide)
        return slide

    def say(self, key, **ctx) -> str:
        return self.kit.say(key, **ctx)

    def parts_title(self, title: str, part: int, parts: int) -> str:
        return title if parts == 1 else self.say("continued", title=title, part=part, parts=parts)

    # --- slides ------------------------------------------------------------------------------

    def plan(self) -> list[Slide]:
        content = self.kit.content
        self.t_title_slide() if self.template else self.title_slide()
        shown = [(i, s) for i, s in enumerate(content.sections) if s.show is None or "deck" in s.show]
        self.agenda(shown)
        for number, (i, section) in enumerate(shown, start=1):
            self.section(i, number, section, len(shown))
        if content.faq:
            self.faq()
        if content.quiz:
            self.quiz()
        self.t_closing() if self.template else self.closing()
        footer = self.footer_text()
        if self.template:
            footer, footer_size = self.t_footer(footer)
        else:
            footer_size = _fit_line(self.m, footer, 12, self.g.body_w - 1.4, 9)
        for n, slide in enumerate(self.slides, start=1):
            slide.number, slide.footer, slide.footer_size = n, footer, footer_size
            readable(slide, self.f.place(slide.layout))
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
            logo = self.fit_picture(kit.asset(org.logo), self.f.slide_w - g.mx - logo_w, 0.5, logo_w, 1.0)
            pictures.append(_replace(logo, alt=alt, name="Logo", card="#FFFFFF"))
        notes = kit.theme.note("title", summary=plain(content.summary), event=kit.event_context(),
                               event_line=event or "", title=plain(content.title))
        self.add(Slide("title", plain(content.title), title, notes, boxes, pictures, subtitle=subtitle,
                       rules=[(g.mx + INSET[0], rule_y, 1.6, 0.07)]))

    def agenda(self, shown) -> None:
        g, c = self.grid(self.f.role("agenda")), self.c
        items = [plain(s.title) for _, s in shown]
        protos = [[Proto((Run(f"{n:02d}\t", bold=True),) + runs(s.title), "agenda")]
                  for n, (_, s) in enumerate(shown, start=1)]
        title = self.say("agenda")
        best = None
        # two columns only where each is wide enough for a title; else one column, smaller if it must
        passes = [(1, sizes_between(g.body_size, g.min_body_size))]
        if (g.body_w - g.gap) / 2 >= 4.0:
            passes.append((2, sizes_between(g.body_size, g.min_body_size)))
        passes.append((1, sizes_between(g.min_body_size - 1, 12)))
        for columns, sizes in passes:
            col_w = (g.body_w - g.gap * (columns - 1)) / columns
            per_col = -(-len(protos) // columns)
            for size in sizes:
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
            boxes.append(Box(g.mx + k * (col_w + g.gap), g.body_top, col_w, g.body_h, paras, name="Agenda",
                             placeholder="body" if self.template and columns == 1 else None))
        notes = self.kit.theme.note("agenda", items=items)
        self.add(Slide("agenda", title, self.band_title(title, "agenda"), notes, boxes))

    def section(self, index: int, number: int, section, total: int = 0) -> None:
        kit, c = self.kit, self.c
        title = plain(section.title)
        notes_div = kit.theme.note("section", title=title, number=number, notes=plain(section.notes or ""))
        if self.template:
            def kicker_at(size):
                return [Para((Run(self.say("section_number", number=number, total=total)),), size, c.secondary,
                             bold=True)]
            self.add(self.t_section("divider", title, runs(section.title), kicker_at, 28, notes_div))
        else:
            self.divider(number, section, title, notes_div)
        self.section_body(index, section, title)

    def divider(self, number: int, section, title: str, notes_div: str) -> None:
        g, c = self.g, self.c
        divider_title = Box(g.mx + 2.2, 2.3, g.body_w - 2.2, 2.4,
                            (Para(runs(section.title),
                                  fit_title(runs(section.title), g, self.m, g.body_w - 2.2, 2.4, 40, 28, 3),
                                  c.primary, bold=True),), name="Title", anchor="bottom")
        kicker = Box(g.mx, 2.3, 2.0, 2.4, (Para((Run(f"{number:02d}"),), 72, c.secondary, bold=True),),
                     name="Section number", anchor="bottom")
        self.add(Slide("divider", title, divider_title, notes_div, [kicker],
                       rules=[(g.mx + 2.2 + INSET[0], 4.85, 1.6, 0.07)]))

    def section_body(self, index: int, section, title: str) -> None:
        kit, g = self.kit, self.grid(self.f.role("table"))

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
        g = self.grid(self.f.role("content"))
        in_placeholder = self.template and self.f.place(self.f.role("content")).body_placeholder
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
            box = Box(g.mx, g.body_top, w, g.body_h if in_placeholder else min(max(h, 0.6), g.body_h), paras,
                      name="Body", placeholder="body" if in_placeholder else None)
            pictures = []
            if image and part == 0:
                x = g.mx + w + g.gap
                pictures.append(self.picture(image, x, g.body_top, g.body.right - x, g.body_h))
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
        role = "title_only" if self.template else self.f.role("content")
        g = self.grid(role)
        pic = self.picture(image, g.mx, g.body_top, g.body_w, g.body_h)
        notes = self.slide_notes(section, []) or plain(image.alt)
        self.add(Slide("content", title, self.band_title(title, role=role), notes, [], [pic]), role)

    # --- FAQ -----------------------------------------------------------------------------------

    def faq(self) -> None:
        g = self.grid(self.f.role("faq"))
        in_placeholder = self.template and self.f.place(self.f.role("faq")).body_placeholder
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
            box = Box(g.mx, g.body_top, g.body_w, g.body_h if in_placeholder else min(max(h, 0.6), g.body_h), paras,
                      name="Body", placeholder="body" if in_placeholder else None)
            notes = "\n\n".join(self.kit.theme.note(
                "faq", question=plain(faqs[n].question),
                answer="\n".join([plain(p) for p in paragraphs(faqs[n].answer)]
                                 + ["\u2022 " + "".join(r.text for r in _point_runs(p)) for p in faqs[n].points]))
                for n in sorted(set(owners[i:j])))
            t = self.parts_title(title, part + 1, len(split))
            self.add(Slide("faq", t, self.band_title(t, "faq"), notes, [box]))

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
            pictures.append(Picture(self.f.slide_w - g.mx - qr_size, (self.f.slide_h - qr_size) / 2 - 0.1, qr_size, qr_size,
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


def plan(kit: Kit, frame: Frame | None = None) -> list[Slide]:
    """Every slide of the deck, measured and placed in frame (the built-in design by default);
    pure (reads only the kit, the frame and the assets)."""
    return Planner(kit, frame or builtin_frame(kit)).plan()
